"""Find the files to ingest: recursive, hidden files skipped, symlinks never followed outside."""
from __future__ import annotations

import hashlib
import os
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
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)


STORE_SUFFIXES = ("", "-wal", "-shm", "-journal", ".lock")


def discover(paths: list[str], exclude: list[str] = ()) -> Discovery:
    """Walk files and folders; skip hidden entries and links that leave the folder or loop.

    ``exclude``: files never to ingest (the store itself and its WAL/lock files).
    """
    out = Discovery()
    seen_real: set[str] = {os.path.realpath(p) for p in exclude}
    for given in paths:
        root = Path(given)
        if not root.exists():
            out.skipped.append((given, "not found"))
            continue
        if root.is_file():
            st = root.stat()
            out.files.append(FileEntry(str(root), st.st_size, st.st_mtime_ns))
            continue
        real_root = os.path.realpath(root)
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                p = os.path.join(dirpath, name)
                if name.startswith(".") or name.startswith("~$"):
                    out.skipped.append((p, "hidden file"))
                    continue
                if os.path.islink(p):
                    target = os.path.realpath(p)
                    if not (target == real_root or target.startswith(real_root + os.sep)):
                        out.skipped.append((p, "symbolic link pointing outside the folder"))
                        continue
                    if not os.path.isfile(target):
                        out.skipped.append((p, "broken symbolic link"))
                        continue
                try:
                    st = os.stat(p)
                except OSError as exc:
                    out.skipped.append((p, f"cannot read: {exc.strerror}"))
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
