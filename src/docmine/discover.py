"""Find the files to ingest: recursive, hidden files skipped, symlinks never followed outside.

Problems found while walking (links that leave the folder or loop, broken links, named pipes
and other special files) are ``rejected``: the pipeline records them as failures at the
``discover`` stage, so the analyst sees every file that was not read and why. Special files
are never opened, so a named pipe cannot block the walk.

Every file carries its resolved path (``real``: absolute, symbolic links resolved), its
identity in the store, as text the store can hold: a name that is not valid UTF-8 (common
on disks written by other systems) is read through Python's surrogate escapes and stored
with each undecodable byte written ``\\xNN`` (:func:`storable`); :func:`shown` escapes
control characters (a newline in a name) wherever a name is printed one per line.

docmine stores found in the folder (a SQLite file with docmine's schema, and its ``-wal``,
``-shm``, ``-journal`` and ``.lock`` companions) are skipped, never ingested as documents;
the store being written is excluded by the caller.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class FileEntry:
    path: str  # as the user gave it (root joined with the relative path)
    size: int
    mtime_ns: int
    real: str = ""  # resolved: absolute, symbolic links resolved; the file's identity in the store

    def __post_init__(self):
        self.real = storable(self.real or os.path.realpath(self.path))


def storable(path: str) -> str:
    """``path`` as valid Unicode text: each byte of a name that is not valid UTF-8 (held by Python
    as a surrogate escape) becomes ``\\xNN``. Valid names are returned unchanged; the same
    name always gives the same text, so a re-run finds the file it stored."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


def shown(path: str) -> str:
    """``path`` for a line of output: :func:`storable`, and control characters (newline, tab,
    escape, line separators) written as escapes, so one file is always one line."""
    path = storable(path)
    if path.isprintable():
        return path
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in path)


@dataclass
class Discovery:
    files: list[FileEntry] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): hidden, or reached another way
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): recorded as failures


STORE_SUFFIXES = ("", "-wal", "-shm", "-journal", ".lock")
STORE_FILE = "a docmine store: not a document"
SQLITE_MAGIC = b"SQLite format 3\x00"

LINK_OUTSIDE = "symbolic link pointing outside the folder: not followed"
LINK_LOOP = "symbolic link loop: not followed"
LINK_BROKEN = "broken symbolic link: its target does not exist"


def _inside(path: str, real_root: str) -> bool:
    return path == real_root or path.startswith(real_root.rstrip(os.sep) + os.sep)


def _special(mode: int) -> str | None:
    """Plain name of a file type that is not a regular file, or None."""
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def _link_problem(p: str, real_root: str, folder: bool) -> tuple[str | None, bool]:
    """(reason to reject a symbolic link, or None; whether to skip it quietly)."""
    target = os.path.realpath(p)
    if not _inside(target, real_root):
        return LINK_OUTSIDE, False
    try:
        os.stat(p)
    except OSError as exc:
        return (LINK_LOOP if exc.errno == errno.ELOOP else LINK_BROKEN), False
    if folder:
        # a link to a folder above it loops; one to another folder inside is read from there
        here = os.path.realpath(os.path.dirname(p))
        if _inside(here, target):
            return LINK_LOOP, False
        return None, True
    return None, False


def location(path: str) -> str:
    """Resolved location of a path itself: its folder resolved, its last part kept (a symbolic
    link stays the link, not its target). The identity of a file rejected before it is read."""
    head, tail = os.path.split(os.path.abspath(path))
    return storable(os.path.join(os.path.realpath(head), tail))


def _is_sqlite(path: str, size: int | None = None) -> bool:
    """A SQLite database file (its size is a whole number of pages, its header the magic)."""
    try:
        if size is None:
            size = os.stat(path).st_size
        if size < 512 or size % 512:
            return False
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def _is_docmine_store(path: str, size: int | None = None) -> bool:
    if not _is_sqlite(path, size):
        return False
    import sqlite3
    from urllib.parse import quote

    try:  # immutable: no lock, no -shm file created, nothing written
        con = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?immutable=1", uri=True)
        try:
            return con.execute("SELECT 1 FROM meta WHERE key='schema_version'").fetchone() is not None
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _holds_pid(path: str) -> bool:
    """A docmine lock file: nothing but a process id (or empty)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(21)
    except OSError:
        return False
    return len(data) <= 20 and (not data.strip() or data.strip().isdigit())


def store_file(path: str, size: int, siblings: set[str] | None = None) -> bool:
    """Whether a regular file is a docmine store or one of its companions (``-wal``, ``-shm``,
    ``-journal``, ``.lock``). ``siblings``: the names in its folder, when the caller has them."""
    folder, name = os.path.split(path)

    def exists(n: str) -> bool:
        return n in siblings if siblings is not None else os.path.exists(os.path.join(folder, n))

    def locked_store(n: str) -> bool:  # a store docmine has locked (its header may still be in the WAL)
        return exists(n + ".lock") and _holds_pid(os.path.join(folder, n + ".lock"))

    for suffix in STORE_SUFFIXES[1:]:
        base = name[: -len(suffix)]
        if name.endswith(suffix) and base:
            if exists(base) and (locked_store(base) or _is_docmine_store(os.path.join(folder, base))):
                return True
            if suffix == ".lock" and size <= 20 and _holds_pid(path):  # a lock whose store is gone
                return True
    if locked_store(name) and (size == 0 or _is_sqlite(path, size)):
        return True
    return _is_docmine_store(path, size)


def discover(paths: Sequence[str], exclude: Sequence[str] = ()) -> Discovery:
    """Walk files and folders; skip hidden entries; reject links that leave the folder or loop.

    ``exclude``: files never to ingest (the store itself and its WAL/lock files).
    """
    out = Discovery()
    seen_real: set[str] = {os.path.realpath(p) for p in exclude}
    for given in paths:
        root = Path(given)
        if not root.exists():
            out.skipped.append((given, "not found"))
            continue
        if not root.is_dir():
            st = root.stat()
            kind = _special(st.st_mode)
            real = os.path.realpath(root)
            if kind:
                out.rejected.append((str(root), f"{kind}, not a file: skipped"))
            elif real in seen_real:
                continue  # the store itself, or a file given twice
            elif store_file(real, st.st_size):
                out.skipped.append((str(root), STORE_FILE))
            else:
                seen_real.add(real)
                out.files.append(FileEntry(str(root), st.st_size, st.st_mtime_ns, real))
            continue
        real_root = os.path.realpath(root)
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            keep = []
            for d in sorted(dirnames):
                p = os.path.join(dirpath, d)
                if d.startswith("."):
                    continue
                if os.path.islink(p):  # never walked into (os.walk does not follow links)
                    reason, quiet = _link_problem(p, real_root, folder=True)
                    if reason:
                        out.rejected.append((p, reason))
                    elif quiet:
                        out.skipped.append((p, "link to a folder inside the folder (read from there)"))
                    continue
                keep.append(d)
            dirnames[:] = keep
            names = set(filenames)
            for name in sorted(filenames):
                p = os.path.join(dirpath, name)
                if name.startswith(".") or name.startswith("~$"):
                    out.skipped.append((p, "hidden file"))
                    continue
                if os.path.islink(p):
                    reason, _ = _link_problem(p, real_root, folder=False)
                    if reason:
                        out.rejected.append((p, reason))
                        continue
                try:
                    st = os.stat(p)
                except OSError as exc:
                    out.rejected.append((p, f"cannot read: {exc.strerror or exc}"))
                    continue
                kind = _special(st.st_mode)
                if kind:
                    out.rejected.append((p, f"{kind}, not a file: skipped"))
                    continue
                real = os.path.realpath(p)
                if real in seen_real:
                    continue  # the same file reached twice through a link, or the store itself
                seen_real.add(real)
                if store_file(p, st.st_size, names):
                    out.skipped.append((p, STORE_FILE))
                    continue
                out.files.append(FileEntry(p, st.st_size, st.st_mtime_ns, real))
    return out


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
