"""Ingest end to end: real files, real spaCy model, real SQLite file, the CLI in a subprocess."""
import json
import os
import shutil
import sqlite3

import pytest

from conftest import run_cli
from makefiles import docx_file, html_file, text_file, two_column_pdf

RELEASE = ("Vienna, 3 April 2024 – Customs officers at the port of Antwerp seized 1.2 tons of cocaine "
           "hidden in bananas shipped from Guayaquil, Ecuador. Europol and the United Nations Office on "
           "Drugs and Crime (UNODC) supported the operation. Ms. Elena Petrova, Head of the unit, said the "
           "seizure showed how traffickers use the port. Petrova added that 350 kg of heroin had also been found.")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "docs"
    (d / "sub").mkdir(parents=True)
    text_file(d / "release.txt", "Cocaine seized in Antwerp\n\n" + RELEASE)
    text_file(d / "sub" / "utf16.txt", "Heroin on the Balkan route\n\n" + RELEASE.replace("Antwerp", "Rotterdam"),
              "utf-16")
    html_file(d / "web.html", "Captagon seized in Jordan",
              ["Amman, 5 May 2023 – The Jordan Armed Forces seized 3 million captagon pills on the border with Syria.",
               "The Anti-Narcotics Department said the pills were bound for Saudi Arabia."])
    docx_file(d / "sub" / "minutes.docx", "Meeting on precursors",
              ["Tashkent, 12 May 2022 – Officials from Uzbekistan and Tajikistan discussed acetic anhydride diversion.",
               "Mr. Rustam Karimov of the Drug Control Agency chaired the meeting."])
    two_column_pdf(d / "brief.pdf", pages=2)
    (d / ".hidden.txt").write_text("secret")
    return d


def export_jsonl(db, what="mentions"):
    out = run_cli("export", what, "--db", db, "--format", "jsonl").stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.slow
def test_ingest_every_format_then_reingest_changes_nothing(folder, tmp_path):
    db = str(tmp_path / "s.db")
    first = run_cli("ingest", folder, "--db", db, "--workers", "1")
    assert "new documents   5" in first.stdout and "failed          0" in first.stdout
    assert "skipped         1" in first.stdout  # the hidden file
    mentions = export_jsonl(db)
    for key in ("doc_id", "path", "start", "end", "label", "text", "canonical"):
        assert key in mentions[0]
    by_format = {}
    docs = {d["doc_id"]: d for d in export_jsonl(db, "documents")}
    for m in mentions:
        by_format.setdefault(docs[m["doc_id"]]["format"], set()).add(m["label"])
    assert set(by_format) == {"pdf", "html", "docx", "txt"}
    text = {d["path"]: d for d in export_jsonl(db, "documents")}
    assert text[str(folder / "web.html")]["title"] == "Captagon seized in Jordan"
    assert text[str(folder / "release.txt")]["date"] == "2024-04-03"
    # offsets point at the mention in the stored text
    con = sqlite3.connect(db)
    for m in mentions[:50]:
        stored = con.execute("SELECT substr(text, ?, ?) FROM documents WHERE doc_id=?",
                             (m["start"] + 1, m["end"] - m["start"], m["doc_id"])).fetchone()[0]
        assert stored == m["text"]
    before = con.execute("SELECT COUNT(*), MAX(mention_id) FROM mentions").fetchone()
    second = run_cli("ingest", folder, "--db", db, "--workers", "1")
    assert "new documents   0" in second.stdout and "unchanged       5" in second.stdout
    assert con.execute("SELECT COUNT(*), MAX(mention_id) FROM mentions").fetchone() == before
    runs = con.execute("SELECT command, status, info FROM runs ORDER BY run_id").fetchall()
    assert [r[:2] for r in runs] == [("ingest", "ok"), ("ingest", "ok")]
    assert "drugs" in json.loads(runs[0][2])["lexicons"]


@pytest.mark.slow
def test_changed_removed_and_duplicate_files(folder, tmp_path):
    from docmine import api

    db = str(tmp_path / "s.db")
    api.ingest([str(folder)], db=db, workers=1)
    con = sqlite3.connect(db)
    n_docs = con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    # an exact copy under another name is stored once
    shutil.copy(folder / "release.txt", folder / "sub" / "copy-of-release.txt")
    s = api.ingest([str(folder)], db=db, workers=1)
    assert (s.new_documents, s.duplicates) == (0, 1)
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == n_docs
    assert con.execute("SELECT COUNT(*) FROM files").fetchone()[0] == n_docs + 1
    # a changed file replaces its old document
    (folder / "release.txt").write_text("Cocaine seized in Antwerp\n\n" + RELEASE.replace("1.2 tons", "2 tons"))
    s = api.ingest([str(folder)], db=db, workers=1)
    assert s.new_documents == 1
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == n_docs + 1  # the copy keeps the old text
    # removing files removes documents no file holds any more
    os.remove(folder / "sub" / "copy-of-release.txt")
    os.remove(folder / "web.html")
    s = api.ingest([str(folder)], db=db, workers=1)
    assert s.removed == 2
    paths = {r[0] for r in con.execute("SELECT path FROM documents")}
    assert str(folder / "web.html") not in paths
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == n_docs - 1
    orphans = "SELECT COUNT(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
    assert con.execute(orphans).fetchone()[0] == 0


def test_cli_errors_are_messages_not_tracebacks(tmp_path):
    p = run_cli("entities", "--db", tmp_path / "missing.db", check=False)
    assert p.returncode == 2 and "docmine ingest" in p.stderr and "Traceback" not in p.stderr
    p = run_cli("export", "mentions", "--db", tmp_path / "missing.db", check=False)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    p = run_cli("entities", "--label", "WEAPON", check=False)
    assert p.returncode == 2 and "unknown label" in p.stderr


@pytest.mark.slow
def test_failures_are_recorded_and_the_rest_is_stored(folder, tmp_path):
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF garbage")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    db = str(tmp_path / "s.db")
    p = run_cli("ingest", folder, "--db", db, "--workers", "1")
    assert p.returncode == 0
    assert "new documents   5" in p.stdout and "failed          3" in p.stdout
    f = run_cli("failures", "--db", db).stdout
    assert "broken.pdf" in f and "corrupt PDF" in f
    assert "empty.txt" in f and "empty file" in f
    assert "image.txt" in f and "unsupported format" in f


@pytest.mark.slow
def test_user_aliases_reapplied_without_ner(folder, tmp_path):
    db = str(tmp_path / "s.db")
    run_cli("ingest", folder, "--db", db, "--workers", "1")
    con = sqlite3.connect(db)
    before = con.execute("SELECT COUNT(*), MAX(mention_id) FROM mentions").fetchone()
    assert con.execute("SELECT COUNT(*) FROM entities WHERE canonical='EU drugs partnership'").fetchone()[0] == 0
    aliases = tmp_path / "docmine.aliases.toml"
    aliases.write_text('version = "2026-11"\n[[entity]]\nlabel = "ORG"\ncanonical = "EU drugs partnership"\n'
                       'aliases = ["Europol", "United Nations Office on Drugs and Crime"]\n')
    out = run_cli("canonicalize", "--db", db, "--aliases", aliases).stdout
    assert "mentions changed" in out and not out.startswith("canonical names re-applied: 0")
    assert con.execute("SELECT COUNT(*), MAX(mention_id) FROM mentions").fetchone() == before  # no NER re-run
    ents = {r[0] for r in con.execute("SELECT e.canonical FROM mentions m JOIN entities e USING(entity_id)"
                                      " WHERE m.label='ORG'")}
    assert "EU drugs partnership" in ents and "Europol" not in ents


def test_the_ingest_reads_the_lexicon_versions_without_building_the_lexicons(tmp_path):
    """The ingest records the lexicons' versions; it reads them without loading the lexicons
    (its workers do that), and gets the same versions, a multi-line value before a table included."""
    import shutil

    from docmine.nlp.lexicon import Lexicon, lexicon_versions, models_dir

    aliases = tmp_path / "aliases.toml"
    aliases.write_text('version = "7"\n[[entity]]\ncanonical = "Europol"\naliases = ["EUROPOL agency"]\n')
    assert lexicon_versions(None, str(aliases)) == Lexicon.load(None, str(aliases)).versions
    own = tmp_path / "models"
    shutil.copytree(models_dir(), own)
    rules = own / "rules.toml"
    rules.write_text('note = """\n[not a table]\n"""\n' + rules.read_text())  # a line that starts like a table
    (own / "people.toml").unlink()
    expected = Lexicon.load(str(own), None).versions
    assert lexicon_versions(str(own), None) == expected
    assert "people" not in expected


def test_a_batch_keeps_sqlite_scratch_in_memory_only_while_it_writes(tmp_path):
    """write_batch sets ``temp_store=MEMORY`` for its own statements (a fifth less CPU per batch)
    and gives the connection back with the default, so a large query's sort elsewhere can still
    spill to disk; a batch that fails restores it too and raises its own error."""
    from docmine.store import Store
    from storekit import add_document

    store = Store(str(tmp_path / "s.db"))
    seen = []
    store.conn.set_trace_callback(lambda sql: seen.append(sql))
    add_document(store, "a.txt", "Customs in Antwerp seized cocaine.", {"cocaine": "DRUG", "Antwerp": "PLACE"})
    assert "PRAGMA temp_store=MEMORY" in seen and seen[-1] == "PRAGMA temp_store=DEFAULT"
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 0
    assert store.query("SELECT COUNT(*) FROM mentions")[0][0] == 2
    with pytest.raises(KeyError):
        store.write_batch([{"path": "b.txt", "document": {"path": "b.txt"}}], 1)  # no sha256: fails inside
    assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 0
    assert store.query("SELECT COUNT(*) FROM documents")[0][0] == 1


def test_results_are_stored_in_the_order_of_the_files():
    """Workers finish in any order; the store receives the results in the order of the files, so
    a fresh ingest of the same folder gives the same doc_ids. A file far slower than the rest
    holds back at most ``hold`` results, which then go on in their files' order."""
    from docmine.pipeline import in_order

    batches = [[("a",), ("b",)], [("c",), ("d",)], [("e",)]]
    finished = [[{"path": "c"}, {"path": "d"}], [{"path": "a"}], [{"path": "e"}], [{"path": "b"}]]

    def paths(hold):
        return [[r["path"] for r in got] for got in in_order(batches, finished, hold=hold)]

    assert paths(100) == [["a"], ["b", "c", "d", "e"]]
    assert paths(1) == [["c", "d"], ["a"], ["b", "e"]]  # "b" was slow: "c" and "d" did not wait for it
    # a failure record names its file like a result; a result for a file nobody asked for is passed on
    assert [[r["path"] for r in got] for got in in_order(batches[:1], [[{"path": "x"}], [{"path": "b"}],
                                                                      [{"path": "a", "error": "bad"}]])] \
        == [["x"], ["a", "b"]]


@pytest.mark.slow
def test_two_workers_give_the_same_doc_ids_on_every_fresh_ingest(tmp_path):
    from docmine import api

    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(12):
        words = " ".join(f"Seizure report {i} from the port of Antwerp, case {k}." for k in range(1 + 40 * (i % 3)))
        text_file(folder / f"{i:02d}.txt", f"Customs officers in Antwerp seized cocaine. {words}")
    ids = []
    for run in range(2):
        db = str(tmp_path / f"run{run}.db")
        api.ingest([str(folder)], db=db, workers=2, batch_files=1)
        with sqlite3.connect(db) as conn:
            ids.append(conn.execute("SELECT doc_id, path FROM documents ORDER BY doc_id").fetchall())
    assert ids[0] == ids[1]
    assert [os.path.basename(p) for _, p in ids[0]] == [f"{i:02d}.txt" for i in range(12)]


def test_the_first_ingest_on_a_machine_says_it_builds_docmines_lists(tmp_path, monkeypatch):
    """On an empty cache the first ingest builds the place and word lists (10-30 s before the first
    document), and says so with its progress (on a terminal, or with --progress) once; the next
    ingest reads them and says nothing."""
    monkeypatch.setenv("DOCMINE_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Police in Rotterdam seized 200 kg of cocaine hidden in bananas.", encoding="utf-8")
    first = run_cli("ingest", folder, "--db", tmp_path / "a.db", "--workers", "1", "--progress")
    assert "first ingest on this machine" in first.stderr and str(tmp_path / "cache") in first.stderr
    assert "DRUG 1" in first.stdout
    again = run_cli("ingest", folder, "--db", tmp_path / "b.db", "--workers", "1", "--progress")
    assert "first ingest on this machine" not in again.stderr


def test_batches_get_smaller_at_the_end_of_a_long_run_so_no_worker_waits_out_a_whole_batch():
    from docmine.pipeline import _batches

    files = list(range(500))
    two = list(_batches(files, 16, workers=2))
    assert [f for b in two for f in b] == files  # every file once, in order
    sizes = [len(b) for b in two]
    assert sizes[:28] == [16] * 28 and sizes[-4:] == [1, 1, 1, 1]
    assert sizes == sorted(sizes, reverse=True)
    # one worker, or a run too short to give every worker two full batches: plain batches
    assert [len(b) for b in _batches(files[:96], 16, workers=1)] == [16] * 6
    assert [len(b) for b in _batches(files[:60], 16, workers=2)] == [16, 16, 16, 12]
