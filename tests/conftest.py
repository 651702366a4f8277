import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def nlp():
    from docmine.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def lexicon():
    from docmine.nlp.lexicon import Lexicon

    return Lexicon.load()


def run_cli(*args, cwd=None, check=True, timeout=600):
    """Run the real `docmine` command in a subprocess."""
    proc = subprocess.run([sys.executable, "-m", "docmine.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"docmine {' '.join(map(str, args))} exited {proc.returncode}\n"
                             f"{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory):
    """The bundled corpus ingested once for the session (read-only use)."""
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    from docmine import api

    api.ingest([str(ROOT / "corpus")], db=str(db), workers=2)
    return str(db)
