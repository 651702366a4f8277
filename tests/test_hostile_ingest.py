"""Hostile input and hostile storage: file names from other systems, text that stalls the
tokenizer, copies of broken files, and stores on full, read-only or foreign files.

Every test builds its files here and runs the real code: the real CLI in a subprocess, a real
SQLite file, real worker processes.
"""
import ctypes
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT
from makefiles import text_file
from storekit import small_store

RELEASE = ("Vienna, 3 April 2024 - Customs officers at the port of Antwerp seized 1.2 tons of cocaine hidden in "
           "bananas shipped from Guayaquil, Ecuador. Europol supported the operation.")


def _env() -> dict:
    """The child runs this worktree's docmine, whatever is installed."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _drop_root_overrides():
    """As root, permission bits are ignored: drop CAP_DAC_OVERRIDE / CAP_DAC_READ_SEARCH in the child."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for cap in (1, 2):
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def cli(*args, cwd=None, preexec_fn=None, timeout=600) -> subprocess.CompletedProcess:
    """The real `docmine` command; ``args`` may hold bytes (file names that are not UTF-8)."""
    argv = [sys.executable, "-m", "docmine.cli", *(a if isinstance(a, bytes) else str(a) for a in args)]
    return subprocess.run(argv, cwd=cwd, capture_output=True, timeout=timeout, env=_env(), preexec_fn=preexec_fn)


def out(p: subprocess.CompletedProcess) -> str:
    return p.stdout.decode("utf-8", "replace") + p.stderr.decode("utf-8", "replace")


def _summary(text: str) -> dict[str, int]:
    """The counts of the first line of `docmine ingest`: '<n> files seen in <t> s: <a> stored, ...'."""
    first = text.splitlines()[0]
    counts = {name: int(n) for n, name in re.findall(r"(\d+) (stored|unchanged|duplicates|failed|skipped)", first)}
    counts["seen"] = int(re.match(r"docmine ingest: (\d+) files seen", first).group(1))
    return counts


# -- a folder of names and copies that used to break the accounting ------------------------------------

@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    root = base / "docs"
    root.mkdir()
    b = os.fsencode(root)
    # a good document and a broken file whose names are Latin-1, not UTF-8 (a disk from another system)
    with open(b + b"/caf\xe9-release.txt", "wb") as fh:
        fh.write(("Cocaine seized in Antwerp\n\n" + RELEASE).encode())
    with open(b + b"/rapport-\xe9t\xe9.bin", "wb") as fh:
        fh.write(bytes(range(256)) * 8)
    # two byte-identical broken files, and a third copy under a name with a newline
    junk = bytes(range(255, -1, -1)) * 8
    (root / "copy-a.bin").write_bytes(junk)
    (root / "copy-b.bin").write_bytes(junk)
    (root / "line\nbreak.bin").write_bytes(junk)
    # good documents, one copied; a broken link; a hidden file
    text_file(root / "good.txt", "Heroin on the Balkan route\n\nTurkish police seized 420 kg of heroin near Edirne.")
    text_file(root / "good-copy.txt", (root / "good.txt").read_text())
    os.symlink("missing.txt", root / "broken-link.txt")
    (root / ".hidden.txt").write_text("hidden")
    # 40,000 '<' (302 s in spaCy's tokenizer before the text was defused), then a sentence
    text_file(root / "angles.txt", "<" * 40_000 + "\n\nDutch police seized 300 litres of BMK near Eindhoven.")
    db = base / "store.db"
    first = cli("ingest", root, "--db", db, "--workers", "1")
    return root, db, first


@pytest.mark.slow
def test_a_name_that_is_not_utf8_does_not_stop_the_ingest(folder):
    root, db, first = folder
    assert first.returncode == 0, out(first)
    assert b"Traceback" not in first.stderr
    con = sqlite3.connect(db)
    files = {os.path.basename(p) for (p,) in con.execute("SELECT path FROM files")}
    assert "caf\\xe9-release.txt" in files  # stored, with a name that can be shown
    text = con.execute("SELECT text FROM documents WHERE path LIKE '%caf%'").fetchone()[0]
    assert "Europol supported the operation" in text
    failed = {os.path.basename(p): stage for p, stage in con.execute("SELECT path, stage FROM failures")}
    assert failed["rapport-\\xe9t\\xe9.bin"] == "discover"


@pytest.mark.slow
def test_every_file_seen_is_one_outcome_and_a_rerun_is_a_no_op(folder):
    root, db, first = folder
    counts = _summary(out(first))
    # 10 entries: 3 stored (release, good, angles), good-copy a duplicate, 5 failed (the Latin-1
    # junk, three copies of the other junk, the broken link), the hidden file skipped
    assert counts == {"seen": 10, "stored": 3, "unchanged": 0, "duplicates": 1, "failed": 5, "skipped": 1}, out(first)
    con = sqlite3.connect(db)
    n_failures = con.execute("SELECT COUNT(*) FROM failures").fetchone()[0]
    n_files = con.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    assert n_failures == counts["failed"] and n_files == counts["stored"] + counts["duplicates"]

    again = cli("ingest", root, "--db", db, "--workers", "1")
    assert _summary(out(again)) == {"seen": 10, "stored": 0, "unchanged": 4, "duplicates": 0, "failed": 5,
                                    "skipped": 1}, out(again)
    last_run = con.execute("SELECT MAX(run_id) FROM runs").fetchone()[0]
    # nothing read again: only the broken link, found while walking, is recorded again
    assert [os.path.basename(p) for (p,) in con.execute("SELECT path FROM failures WHERE run_id = ?",
                                                         (last_run,))] == ["broken-link.txt"]

    retry = cli("ingest", root, "--db", db, "--workers", "1", "--retry-failed")
    assert _summary(out(retry))["failed"] == con.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 5


@pytest.mark.slow
def test_failures_lists_one_line_per_file_whatever_its_name(folder):
    root, db, _ = folder
    p = cli("failures", "--db", db)
    assert p.returncode == 0, out(p)
    lines = p.stdout.decode().splitlines()
    assert len(lines) == 5, lines
    assert f"{root}/line\\nbreak.bin [discover]: unsupported format: not PDF, HTML, DOCX or text" in lines
    assert f"{root}/rapport-\\xe9t\\xe9.bin [discover]: unsupported format: not PDF, HTML, DOCX or text" in lines


@pytest.mark.slow
def test_a_run_of_punctuation_is_cut_and_the_text_after_it_recognised(folder):
    _, db, first = folder
    con = sqlite3.connect(db)
    doc_id, text, meta = con.execute(
        "SELECT doc_id, text, meta FROM documents WHERE path LIKE '%angles.txt'").fetchone()
    assert text.startswith("<" * 20 + "\n\n") and "<" * 21 not in text
    assert "cut to 20" in meta
    start = text.index("Eindhoven")
    mentions = con.execute("SELECT start, end, text FROM mentions WHERE doc_id = ?", (doc_id,)).fetchall()
    assert (start, start + len("Eindhoven"), "Eindhoven") in mentions  # offsets point into the stored text


# -- one deadline per file, over extraction and NLP ------------------------------------------------------

@pytest.mark.slow
def test_the_file_timeout_covers_entity_recognition(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    para = "Customs officers at the port of Antwerp seized cocaine hidden in bananas shipped from Guayaquil. " * 8
    text_file(root / "long.txt", "\n\n".join([para] * 1100))  # ~0.9 MB of prose: many seconds of NER
    for n in range(4):
        text_file(root / f"short{n}.txt", f"Release {n}\n\n" + RELEASE)
    db = tmp_path / "s.db"
    t0 = time.monotonic()
    p = cli("ingest", root, "--db", db, "--workers", "1", "--file-timeout", "2")
    elapsed = time.monotonic() - t0
    assert p.returncode == 0, out(p)
    con = sqlite3.connect(db)
    failures = {os.path.basename(path): (stage, reason) for path, stage, reason in
                con.execute("SELECT path, stage, reason FROM failures")}
    assert failures == {"long.txt": ("nlp", "timed out after 2 s (entity recognition is slow); "
                                            "raise --file-timeout if the file is just large")}
    stored = {os.path.basename(path) for (path,) in con.execute("SELECT path FROM files")}
    assert stored == {f"short{n}.txt" for n in range(4)}
    assert elapsed < 120, elapsed  # the long file does not hold the batch


def _hangs_in_nlp(batch):
    """A worker task stuck where its own alarm cannot reach (the alarm blocked), in the NLP stage."""
    from docmine.workers import report_stage

    report_stage(batch[0][0], "nlp")
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(120)
    return []


@pytest.mark.slow
def test_a_killed_worker_reports_the_stage_its_file_hung_in(monkeypatch):
    from docmine import workers

    monkeypatch.setattr(workers, "STARTUP_GRACE", 0.0)
    monkeypatch.setattr(workers, "KILL_SLACK", 4.0)  # time for the fresh worker to start its task
    ex = workers.LocalExecutor(1, None, (), _hangs_in_nlp, file_timeout=0.5)
    results = [r for batch in ex.run([[("/data/stuck.txt", "sha-x", 1, 1)]]) for r in batch]
    assert results == [{"path": "/data/stuck.txt", "sha256": "sha-x", "stage": "nlp",
                        "error": "timed out after 0.5 s (entity recognition hangs); "
                                 "raise --file-timeout if the file is just large"}]


# -- stores on hostile media -----------------------------------------------------------------------------

def _can_drop_overrides() -> bool:
    try:
        return subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_root_overrides).returncode == 0
    except Exception:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not _can_drop_overrides(), reason="cannot make a folder read-only to this user")
def test_a_store_on_a_read_only_medium_can_be_queried(tmp_path):
    media = tmp_path / "dvd"
    media.mkdir()
    db = small_store(str(media / "store.db"))
    assert sorted(os.listdir(media)) == ["store.db"]  # closed cleanly: no -wal, no -shm
    os.chmod(db, 0o444)
    os.chmod(media, 0o555)
    try:
        p = cli("entities", "--db", db, preexec_fn=_drop_root_overrides)
        assert p.returncode == 0, out(p)
        assert "Europol" in p.stdout.decode() and "heroin" in p.stdout.decode()
        p = cli("failures", "--db", db, preexec_fn=_drop_root_overrides)
        assert p.returncode == 0 and "no failures recorded" in p.stdout.decode(), out(p)
        assert sorted(os.listdir(media)) == ["store.db"]
    finally:
        os.chmod(media, 0o755)


def test_a_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path):
    from docmine.store import Store, StoreError

    db = tmp_path / "crm.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE meta (k TEXT, v TEXT)")
    con.execute("CREATE VIEW clients AS SELECT 1 AS id")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="another program.*Give another file with --db"):
        Store(db)
    assert db.read_bytes() == before
    con = sqlite3.connect(db)
    assert sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master")) == ["clients", "meta"]


def test_ingest_into_a_foreign_database_is_an_error_message(tmp_path):
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE VIEW v AS SELECT 1")
    con.commit()
    con.close()
    doc = text_file(tmp_path / "a.txt", RELEASE)
    p = cli("ingest", doc, "--db", db, "--workers", "1")
    assert p.returncode == 2 and b"Traceback" not in p.stderr, out(p)
    assert "is an SQLite database of another program" in out(p)


def _small_files():
    resource.setrlimit(resource.RLIMIT_FSIZE, (24_000, 24_000))  # Python ignores SIGXFSZ: writes fail EFBIG


def test_a_full_disk_is_an_error_message(tmp_path):
    doc = text_file(tmp_path / "a.txt", RELEASE)
    p = cli("ingest", doc, "--db", tmp_path / "s.db", "--workers", "1", preexec_fn=_small_files)
    assert p.returncode == 2 and b"Traceback" not in p.stderr, out(p)
    assert "the disk is full or failing" in out(p) and "Free some space" in out(p)


def test_a_folder_given_as_the_store_is_refused(tmp_path):
    from docmine.pipeline import ingest
    from docmine.store import StoreError

    with pytest.raises(StoreError, match="names a folder, not a file"):
        ingest([str(tmp_path)], db=str(tmp_path / "new-folder") + os.sep)


# -- the text normalisation ------------------------------------------------------------------------------

def test_cutting_runs_keeps_pages_and_tables_on_their_text():
    from docmine.extract.document import Document, Table
    from docmine.extract.normalize import MAX_RUN, normalize_document

    page1 = "Heroin report " + "." * 500 + " 5"
    table = "Drug | Seized\n\nheroin | 350 kg"
    page2 = "*" * 3000 + " Second page about Antwerp. " + table + " #" + "=+" * 200 + " end"
    text = page1 + "\n\n" + page2
    t0 = text.index(table)
    rows = [["Drug", "Seized"], ["heroin", "350 kg"]]
    doc = Document(path="x", sha256="s", format="pdf", text=text, page_starts=[0, len(page1) + 2],
                   tables=[Table(page=2, start=t0, end=t0 + len(table), rows=rows)])
    out = normalize_document(doc)
    assert max(len(r) for r in out.text.replace("\n", " ").split()) <= MAX_RUN + 1
    assert out.text[out.page_starts[1]:].startswith("*" * MAX_RUN + " Second page about Antwerp.")
    t = out.tables[0]
    assert out.text[t.start:t.end] == table
    assert out.text.endswith(" #" + "=+" * 9 + "=" + " end")
    assert "cut to 20" in out.meta["normalised"]
    assert normalize_document(Document(path="y", sha256="t", format="txt", text="plain text")).meta == {}


def test_a_very_long_text_is_recognised_in_part_with_offsets_kept():
    from docmine.extract.document import Document
    from docmine.extract.normalize import nlp_part

    text = "\n\n".join(f"Paragraph {i} about Antwerp." for i in range(1000))
    doc = Document(path="x", sha256="s", format="txt", text=text, page_starts=[0, 5000, 20000],
                   notes=[(100, 120), (15_000, 15_020)])
    part, note = nlp_part(doc, limit=10_000)
    assert len(part.text) <= 10_000 and text.startswith(part.text) and text[len(part.text):].startswith("\n\n")
    assert part.page_starts == [0, 5000] and doc.text == text
    assert part.notes == [(100, 120)]  # a footnote past the part is not the part's
    assert note.startswith(f"entities recognised in the first {len(part.text):,} of {len(text):,} characters")
    assert nlp_part(doc, limit=len(text)) == (doc, None)
