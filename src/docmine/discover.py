"""Find the files to ingest: recursive, hidden files skipped, symlinks never followed outside.

Problems found while walking (links that leave the folder or loop, broken links, named pipes
and other special files) are ``rejected``: the pipeline records them as failures at the
``discover`` stage, so the analyst sees every file that was not read and why. Nothing is
ever opened here, so a named pipe cannot block the walk.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class FileEntry:
    path: str  # as the user gave it (root joined with the relative path)
    size: int
    mtime_ns: int


@dataclass
class Discovery:
    files: list[FileEntry] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): hidden, or reached another way
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (path, reason): recorded as failures


STORE_SUFFIXES = ("", "-wal", "-shm", "-journal", ".lock")

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


def discover(paths: list[str], exclude: list[str] = ()) -> Discovery:
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
            if kind:
                out.rejected.append((str(root), f"{kind}, not a file: skipped"))
            else:
                out.files.append(FileEntry(str(root), st.st_size, st.st_mtime_ns))
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
                    continue  # the same file reached twice through a link
                seen_real.add(real)
                out.files.append(FileEntry(p, st.st_size, st.st_mtime_ns))
    return out


def sha256_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
