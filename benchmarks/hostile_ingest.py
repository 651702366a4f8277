"""How long a folder of hostile text files takes to ingest, and what becomes of each file.

Builds, in a temporary folder: 12 short press releases, one file of 40,000 ``<`` (302 s in spaCy's
tokenizer before docmine cut such runs), one of 5,000 lines of 200 ``$``, one of alternating
``.,`` runs, and one large file of plain prose (``--big-mb``, default 50). Runs the real
``docmine ingest`` with ``--file-timeout`` (default 10) and prints the time, the summary and the
failures. Target: the folder finishes in well under a minute plus the large file's deadline, every
short release is stored, and no file is blamed on the wrong stage.

    PYTHONPATH=src python benchmarks/hostile_ingest.py [--big-mb 50] [--file-timeout 10] [--workers 2]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RELEASE = ("Vienna, 3 April 2024 - Customs officers at the port of Antwerp seized 1.2 tons of cocaine hidden in "
           "bananas shipped from Guayaquil, Ecuador. Europol supported the operation, police said.")
PROSE = ("Turkish police seized 420 kg of heroin near Edirne on the border with Bulgaria, the ministry said, "
         "and arrested three men from Istanbul. ")


def build(root: Path, big_mb: float) -> None:
    for n in range(12):
        (root / f"release{n:02d}.txt").write_text(f"Release {n}\n\n{RELEASE}\n")
    (root / "angles.txt").write_text("<" * 40_000 + "\n\n" + RELEASE)
    (root / "dollars.txt").write_text(("$" * 200 + "\n") * 5_000 + "\n" + RELEASE)
    (root / "dots.txt").write_text(".," * 20_000 + "\n\n" + RELEASE)
    with open(root / "big.txt", "w") as fh:
        para = PROSE * 10 + "\n\n"
        for _ in range(int(big_mb * 2**20 / len(para))):
            fh.write(para)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--big-mb", type=float, default=50.0)
    ap.add_argument("--file-timeout", type=float, default=10.0)
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="docmine-hostile-") as tmp:
        root = Path(tmp) / "docs"
        root.mkdir()
        build(root, a.big_mb)
        db = Path(tmp) / "store.db"
        env = dict(os.environ)
        t0 = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "docmine.cli", "ingest", str(root), "--db", str(db),
                            "--workers", str(a.workers), "--file-timeout", str(a.file_timeout)],
                           capture_output=True, text=True, env=env)
        elapsed = time.perf_counter() - t0
        print(p.stdout + p.stderr)
        print(f"elapsed {elapsed:.1f} s for {len(os.listdir(root))} files (big file {a.big_mb:g} MB, "
              f"--file-timeout {a.file_timeout:g}, --workers {a.workers})")


if __name__ == "__main__":
    main()
