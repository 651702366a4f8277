"""Crash safety: a killed ingest leaves a consistent store and resumes to the same result.

Also: readers query while ingest writes, a second concurrent ingest is refused with a clear
message, and the worker contains failures (one bad document never costs its batch).
"""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import run_cli
from makefiles import html_file, text_file

N_FILES = 96
PEOPLE = ["Elena Petrova", "Rustam Karimov", "Maria Lopez", "Ahmed Farouk", "John Miller", "Ana Souza"]
ORGS = ["Europol", "Interpol", "the Turkish National Police", "the Drug Enforcement Administration", "Frontex"]
PLACES = ["Antwerp", "Rotterdam", "Istanbul", "Tashkent", "Guayaquil", "Hamburg", "Algeciras", "Karachi"]
DRUGS = ["cocaine", "heroin", "methamphetamine", "captagon", "cannabis resin", "fentanyl"]
VERBS = ["seized", "intercepted", "found", "confiscated", "discovered"]


def _document(i: int) -> str:
    rng = random.Random(i)
    title = f"Bulletin {i}: {rng.choice(DRUGS)} in {rng.choice(PLACES)}"
    paras = []
    for _ in range(rng.randint(3, 5)):
        sents = []
        for _ in range(rng.randint(2, 4)):
            sents.append(f"{rng.choice(['Officers', 'Customs', 'Police'])} working with {rng.choice(ORGS)} "
                         f"{rng.choice(VERBS)} {rng.randint(2, 900)} kg of {rng.choice(DRUGS)} in "
                         f"{rng.choice(PLACES)} on day {rng.randint(1, 28)} of operation {i}-{rng.randint(100, 999)}.")
        sents.append(f"{rng.choice(PEOPLE)} said case {i * 7919 % 10007} was linked to {rng.choice(PLACES)}.")
        paras.append(" ".join(sents))
    return title + "\n\n" + "\n\n".join(paras)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("crash") / "docs"
    d.mkdir()
    for i in range(N_FILES):
        text_file(d / f"doc{i:03d}.txt", _document(i))
    return d


def _cmd(folder, db):
    return [sys.executable, "-m", "docmine.cli", "ingest", str(folder), "--db", str(db), "--workers", "1"]


def _ro(db):
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def _check_consistent(db, n_files):
    """Integrity, no partial document, no dangling rows, no duplicates; returns the document count."""
    con = _ro(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.execute("PRAGMA foreign_keys=ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    n = one("SELECT COUNT(*) FROM documents")
    # every document is whole: its file, sentences covering the text, mentions, minhash, full-text row
    assert one("SELECT COUNT(*) FROM documents d WHERE length(text) > 0 AND NOT EXISTS "
               "(SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)") == 0
    assert one("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
               "(SELECT 1 FROM mentions m WHERE m.doc_id = d.doc_id)") == 0
    assert one("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
               "(SELECT 1 FROM files f WHERE f.doc_id = d.doc_id)") == 0
    assert one("SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
               "(SELECT 1 FROM doc_minhash h WHERE h.doc_id = d.doc_id)") == 0
    assert one("SELECT COUNT(*) FROM documents_fts") == n
    assert one("SELECT COUNT(*) FROM documents d WHERE (SELECT MAX(end) FROM sentences s WHERE s.doc_id = d.doc_id)"
               " > length(d.text)") == 0
    # nothing points to a missing document or entity
    for table in ("mentions", "sentences", "files", "doc_minhash", "tables"):
        assert one(f"SELECT COUNT(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM documents)") == 0, table
    assert one("SELECT COUNT(*) FROM mentions WHERE entity_id NOT IN (SELECT entity_id FROM entities)") == 0
    assert one("SELECT COUNT(*) FROM mentions m JOIN documents d USING(doc_id) WHERE m.end > length(d.text)") == 0
    # no duplicates
    assert one("SELECT COUNT(*) - COUNT(DISTINCT sha256) FROM documents") == 0
    assert one("SELECT COUNT(*) - COUNT(DISTINCT path) FROM files") == 0
    assert one("SELECT COUNT(*) - COUNT(DISTINCT path) FROM documents") == 0
    assert one("SELECT COUNT(*) FROM files") == n <= n_files
    con.close()
    return n


def _content(db, root):
    """Everything a user sees, keyed by relative path (ids may differ between stores)."""
    con = _ro(db)
    docs = {}
    for doc_id, path, fmt, title, date, text, near in con.execute(
            "SELECT doc_id, path, format, title, date, text, "
            "(SELECT path FROM documents n WHERE n.doc_id = d.near_dup_of) FROM documents d"):
        mentions = sorted(con.execute(
            "SELECT m.start, m.end, m.label, m.text, m.resolved, e.canonical, m.sentence, m.paragraph, m.page"
            " FROM mentions m JOIN entities e USING(entity_id) WHERE doc_id = ?", (doc_id,)).fetchall())
        sents = con.execute("SELECT idx, start, end FROM sentences WHERE doc_id = ? ORDER BY idx", (doc_id,)).fetchall()
        docs[os.path.relpath(path, root)] = (fmt, title, date, text, near and os.path.relpath(near, root),
                                             mentions, sents)
    files = sorted((os.path.relpath(p, root), sha, size) for p, sha, size in
                   con.execute("SELECT path, sha256, size FROM files"))
    entities = sorted(con.execute("SELECT label, canonical FROM entities").fetchall())
    failures = con.execute("SELECT COUNT(*) FROM failures").fetchone()[0]
    con.close()
    return docs, files, entities, failures


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_same_store(folder, tmp_path):
    db, clean_db = tmp_path / "crash.db", tmp_path / "clean.db"
    clean = subprocess.Popen(_cmd(folder, clean_db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    victim = subprocess.Popen(_cmd(folder, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)  # its own process group: workers die with it
    reads, n = 0, 0
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and victim.poll() is None:
            if db.exists():
                try:
                    con = _ro(db)
                    n = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                    # a search-like read while the writer is busy
                    con.execute("SELECT e.canonical, COUNT(*) FROM mentions m JOIN entities e USING(entity_id)"
                                " GROUP BY e.entity_id").fetchall()
                    con.close()
                    reads += 1
                except sqlite3.OperationalError as exc:
                    assert "no such table" in str(exc), exc  # only before the schema exists
                if 0 < n < N_FILES:
                    os.killpg(victim.pid, signal.SIGKILL)
                    break
            time.sleep(0.02)
    finally:
        if victim.poll() is None:
            os.killpg(victim.pid, signal.SIGKILL)
        victim.wait()
    assert victim.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert reads > 0

    # the killed store: consistent, only whole batches, and the run is still marked running
    from docmine.pipeline import IngestOptions
    from docmine.store import Store

    killed = _check_consistent(db, N_FILES)
    assert 0 < killed < N_FILES and killed % IngestOptions().batch_files == 0
    with Store(db, readonly=True) as s:  # a reader opens the killed store as it is
        assert s.query("SELECT status FROM runs")[0][0] == "running"

    # resume; while it runs, a second ingest into the same store is refused with a clear message
    resume = subprocess.Popen(_cmd(folder, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = Path(str(db) + ".lock")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (lock.exists() and lock.read_text() == str(resume.pid)):
        assert resume.poll() is None, resume.communicate()
        time.sleep(0.02)
    second = run_cli("ingest", folder, "--db", db, "--workers", "1", check=False)
    alive = resume.poll() is None
    out, err = resume.communicate(timeout=300)
    assert resume.returncode == 0, err
    assert alive, "the resumed ingest ended before the second one tried: cannot tell if it was refused"
    assert second.returncode == 2, second.stdout + second.stderr
    assert "another docmine ingest is writing to" in second.stderr and "Traceback" not in second.stderr
    assert f"new documents   {N_FILES - killed} " in out and f"unchanged       {killed}\n" in out, out

    # the resumed store equals a clean single run
    cout, cerr = clean.communicate(timeout=300)
    assert clean.returncode == 0, cerr
    assert f"new documents   {N_FILES} " in cout
    assert _check_consistent(db, N_FILES) == N_FILES
    assert _check_consistent(clean_db, N_FILES) == N_FILES
    got, want = _content(db, folder), _content(clean_db, folder)
    assert set(got[0]) == set(want[0]) == {f"doc{i:03d}.txt" for i in range(N_FILES)}
    for rel in want[0]:
        assert got[0][rel] == want[0][rel], rel
    assert got[1:] == want[1:]
    assert sum(len(d[5]) for d in got[0].values()) > N_FILES * 10  # real mentions were compared
    con = _ro(db)
    assert [r[0] for r in con.execute("SELECT status FROM runs ORDER BY run_id")] == ["interrupted", "ok"]
    # the refused ingest left no trace in the store
    assert con.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 2


def test_concurrent_ingest_is_refused_and_readers_are_not(folder, tmp_path):
    from docmine import api
    from docmine.pipeline import IngestLock
    from docmine.store import Store
    from storekit import add_document

    db = str(tmp_path / "s.db")
    with Store(db) as s:
        add_document(s, "a.txt", "Europol said cocaine was seized in Antwerp.", {"Europol": "ORG", "Antwerp": "PLACE"})
    with IngestLock(db):  # what a running ingest holds
        p = run_cli("ingest", folder, "--db", db, "--workers", "1", check=False)
        assert p.returncode == 2 and "Traceback" not in p.stderr
        assert p.stderr.strip() == (f"docmine: error: another docmine ingest is writing to {db}; wait for it to finish "
                                    "(searches can run meanwhile) or use another --db")
        assert Path(db + ".lock").read_text() == str(os.getpid())  # the refused one did not wipe the holder's pid
        # readers are not blocked by the lock, and a read-only store cannot write
        assert list(api.search("Antwerp", db=db)["path"]) == ["a.txt"]
        assert "Antwerp" in run_cli("search", "Antwerp", "--db", db).stdout
        with Store(db, readonly=True) as s:
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                s.conn.execute("DELETE FROM documents")
    with _ro(db) as con:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1
        assert con.execute("SELECT COUNT(*) FROM runs WHERE command = 'ingest'").fetchone()[0] == 0


# -- the worker contains failures ------------------------------------------------------------------

class _FakeNLP:
    pass


@pytest.fixture
def fake_worker(monkeypatch):
    """process_files with a stand-in for spaCy: annotate() fails on documents containing BOOM."""
    import docmine.nlp.pipeline as nlp_pipeline
    from docmine import pipeline

    def annotate(nlp, docs, batch_size=16):
        docs = list(docs)
        if any("BOOM" in d.text for d in docs):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum")
        for d in docs:
            yield d, [], [(0, len(d.text))]

    monkeypatch.setattr(nlp_pipeline, "annotate", annotate)
    from docmine.nlp.languages import Pipelines

    monkeypatch.setitem(pipeline._WORKER, "nlp", Pipelines(_FakeNLP()))
    monkeypatch.setitem(pipeline._WORKER, "file_timeout", 30.0)
    return pipeline


def _entry(path: Path):
    st = path.stat()
    return (str(path), "sha-" + path.name, st.st_size, st.st_mtime_ns)


def test_one_document_that_breaks_nlp_does_not_cost_its_batch(fake_worker, tmp_path):
    paths = [text_file(tmp_path / f"{n}.txt", f"Police seized heroin in Vienna, file {n}.") for n in ("a", "b", "c")]
    paths.insert(1, text_file(tmp_path / "boom.txt", "BOOM: a document the NLP pipeline cannot take."))
    results = fake_worker.process_files([_entry(p) for p in paths])
    stored = sorted(os.path.basename(r["path"]) for r in results if "document" in r)
    failed = {os.path.basename(r["path"]): (r["stage"], r["error"]) for r in results if "error" in r}
    assert stored == ["a.txt", "b.txt", "c.txt"]
    assert failed == {"boom.txt": ("nlp", "NLP failed: ValueError: [E088] Text of length 1000001 exceeds maximum")}


def test_worker_reasons_are_plain_for_vanished_files_and_short_time_limits(fake_worker, tmp_path):
    slow = tmp_path / "slow.html"
    para = "Customs officers at the port of Antwerp seized cocaine hidden in bananas. " * 5
    slow.write_bytes(b"<html><body>" + f"<p>{para}</p>".encode() * 20_000 + b"</body></html>")
    gone = text_file(tmp_path / "gone.txt", "Soon removed.")
    entries = [_entry(slow), _entry(gone)]
    os.remove(gone)
    fake_worker._WORKER["file_timeout"] = 0.3
    t0 = time.perf_counter()
    results = {os.path.basename(r["path"]): (r["stage"], r["error"]) for r in fake_worker.process_files(entries)}
    assert time.perf_counter() - t0 < 10
    assert results == {
        "slow.html": ("extract",
                      "timed out after 0.3 s (the parser loops); raise --file-timeout if the file is just large"),
        "gone.txt": ("discover", "cannot read: No such file or directory"),
    }


@pytest.mark.slow
def test_library_start_up_is_not_charged_to_the_first_file(tmp_path):
    # a fresh worker: the first HTML file and the first non-English text must not time out while
    # trafilatura and the language profiles load (about 0.15 and 0.25 s; a warm file takes ~5 ms)
    page = html_file(tmp_path / "first.html", "Heroin seized in Vienna",
                     ["Vienna, 2 May 2024 – Police seized 20 kg of heroin, the ministry said."])
    german = text_file(tmp_path / "de.txt", "Die Polizei hat zwei Kilogramm Heroin beschlagnahmt, "
                       "sagte die Behörde am Montag nach einer Kontrolle der Grenze.")
    code = textwrap.dedent(f"""
        from docmine import pipeline
        pipeline._init_worker(None, None, None, 0.1, None)
        for r in pipeline.process_files([({str(page)!r}, "x", 1, 1), ({str(german)!r}, "y", 1, 1)]):
            print(r.get("error") or r["document"]["format"] + " " + str(r["document"]["language"]))
    """)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    assert p.stdout.split("\n")[:2] == ["html en", "txt de"]
