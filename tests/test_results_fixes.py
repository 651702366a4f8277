"""Wrong results reported by a new user (issue 15), each against real files and a real store.

Identical failing files, one folder reached by several paths, stores inside the ingested folder,
network node labels, same-label co-mention pairs, DOCX body order, and the import structure.
"""
import ast
import os
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from makefiles import text_file

RELEASE = ("Vienna, 3 April 2024 - Customs officers at the port of Antwerp seized 1.2 tons of cocaine "
           "hidden in bananas shipped from Guayaquil, Ecuador. Europol supported the operation.")
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # not a document: fails as an unsupported format


def _ingest(paths, db):
    """The real pipeline, in this process (one worker, no time limit): no worker start-up per test."""
    from docmine.pipeline import IngestOptions, ingest

    return ingest([str(p) for p in paths], str(db),
                  IngestOptions(workers=1, file_timeout=0, memory_mb=None, progress=False))


def _rows(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _real(p) -> str:
    return os.path.realpath(p)


# -- 1. identical files that fail are each a failure ---------------------------------------------

@pytest.mark.slow
def test_identical_failing_files_are_each_recorded_and_a_rerun_is_a_no_op(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    text_file(d / "release.txt", RELEASE)
    text_file(d / "release-copy.txt", RELEASE)  # a good twin: stored once, linked twice
    (d / "empty-a.txt").write_bytes(b"")
    (d / "empty-b.txt").write_bytes(b"")
    (d / "image-a.txt").write_bytes(BINARY)
    (d / "image-b.txt").write_bytes(BINARY)
    db = str(tmp_path / "s.db")

    first = _ingest([d], db)
    failed = {_real(d / n) for n in ("empty-a.txt", "empty-b.txt", "image-a.txt", "image-b.txt")}
    assert {r[0] for r in _rows(db, "SELECT path FROM failures")} == failed
    assert dict(_rows(db, "SELECT path, reason FROM failures"))[_real(d / "empty-b.txt")] == "empty file: 0 bytes"
    assert "unsupported format" in dict(_rows(db, "SELECT path, reason FROM failures"))[_real(d / "image-b.txt")]
    assert (first.new_documents, first.duplicates, first.failed) == (1, 1, 4)
    assert sorted(os.path.basename(p) for p, _, _ in first.failures) == [
        "empty-a.txt", "empty-b.txt", "image-a.txt", "image-b.txt"]
    paths = {r[0] for r in _rows(db, "SELECT path FROM files")}
    assert paths == {_real(d / "release.txt"), _real(d / "release-copy.txt")}

    before = _rows(db, "SELECT path, sha256, stage, reason, run_id, time FROM failures ORDER BY path")
    again = _ingest([d], db)
    assert (again.new_documents, again.duplicates, again.unchanged, again.failed) == (0, 0, 2, 4)
    assert again.failures == []  # nothing was processed again
    assert _rows(db, "SELECT path, sha256, stage, reason, run_id, time FROM failures ORDER BY path") == before
    assert _rows(db, "SELECT COUNT(*) FROM documents") == [(1,)]


# -- 2. one folder, several paths: one set of files -------------------------------------------------

@pytest.mark.slow
def test_the_same_folder_given_as_dot_absolute_and_through_a_link_is_ingested_once(tmp_path):
    d = tmp_path / "docs"
    d.mkdir()
    text_file(d / "release.txt", RELEASE)
    (d / "empty.txt").write_bytes(b"")
    link = tmp_path / "docs-link"
    link.symlink_to(d, target_is_directory=True)
    db = str(tmp_path / "s.db")

    first = run_cli("ingest", ".", "--db", db, "--workers", "1", cwd=d)
    assert "new documents   1" in first.stdout and "failed          1" in first.stdout
    for given in (str(d), str(link), "../docs"):
        again = run_cli("ingest", given, "--db", db, "--workers", "1", cwd=d)
        assert "new documents   0" in again.stdout and "unchanged       1" in again.stdout, (given, again.stdout)
        assert "removed         0" in again.stdout and "duplicates      0" in again.stdout, again.stdout
    # identity: the resolved path; display: the path as given to the first ingest
    assert _rows(db, "SELECT path FROM files") == [(_real(d / "release.txt"),)]
    assert _rows(db, "SELECT path FROM failures") == [(_real(d / "empty.txt"),)]
    assert _rows(db, "SELECT path FROM documents") == [(os.path.join(".", "release.txt"),)]
    assert _rows(db, "SELECT COUNT(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)") == [(0,)]
    # a file removed from the folder is noticed whichever path is given now
    os.remove(d / "release.txt")
    gone = run_cli("ingest", link, "--db", db, "--workers", "1")
    assert "removed         1" in gone.stdout
    assert _rows(db, "SELECT COUNT(*) FROM documents") == [(0,)]


def test_a_store_written_with_unresolved_paths_is_rekeyed_not_doubled(tmp_path, monkeypatch):
    d = tmp_path / "docs"
    d.mkdir()
    text_file(d / "release.txt", RELEASE)
    (d / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "s.db")
    monkeypatch.chdir(d)
    _ingest(["."], db)
    # what an earlier docmine wrote: paths as given, no marker that they are resolved
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE files SET path = './release.txt'")
        con.execute("UPDATE failures SET path = './empty.txt'")
        con.execute("DELETE FROM meta WHERE key = 'path_identity'")
    con.close()
    s = _ingest([d], db)
    assert (s.new_documents, s.duplicates, s.unchanged, s.failed, s.removed) == (0, 0, 1, 1, 0)
    assert _rows(db, "SELECT path FROM files") == [(_real(d / "release.txt"),)]
    assert _rows(db, "SELECT path FROM failures") == [(_real(d / "empty.txt"),)]
    assert _rows(db, "SELECT value FROM meta WHERE key = 'path_identity'") == [("resolved",)]


# -- 3. stores are not documents ------------------------------------------------------------------------

@pytest.mark.slow
def test_stores_inside_the_ingested_folder_are_never_documents(tmp_path, monkeypatch):
    from docmine.pipeline import IngestLock
    from docmine.store import Store

    d = tmp_path / "docs"
    d.mkdir()
    text_file(d / "release.txt", RELEASE)
    monkeypatch.chdir(d)
    # the default store, inside the folder being ingested, twice (the second run sees its .lock)
    _ingest(["."], "docmine.db")
    s = _ingest(["."], "docmine.db")
    assert (s.new_documents, s.unchanged, s.failed) == (0, 1, 0)
    assert (d / "docmine.db.lock").exists()
    # another store elsewhere: the old store in the folder, a live one (locked, with its WAL)
    # and the lock file of a store since deleted are none of them documents
    (d / "deleted.db.lock").write_text("4242")
    live = Store(d / "live.db")
    live.start_run("test", {})  # a write: live.db-wal and live.db-shm exist while it is open
    other = tmp_path / "other.db"
    try:
        with IngestLock(str(d / "live.db")):
            assert (d / "live.db-wal").exists() and (d / "live.db-shm").exists()
            s = _ingest(["."], other)
    finally:
        live.close()
    assert _rows(other, "SELECT path FROM documents") == [(os.path.join(".", "release.txt"),)]
    assert _rows(other, "SELECT path FROM failures") == []
    skipped = {os.path.basename(p) for p, reason in s.skipped_files if "docmine store" in reason}
    assert {"docmine.db", "docmine.db.lock", "deleted.db.lock", "live.db", "live.db.lock",
            "live.db-wal", "live.db-shm"} <= skipped
    # the store given to --db is never read, even when named like a document
    store_as_txt = d / "notes.txt"
    s = _ingest(["."], store_as_txt)
    assert s.failed == 0 and ("notes.txt" not in {os.path.basename(p) for p, _, _ in s.failures})
    assert {os.path.basename(r[0]) for r in _rows(store_as_txt, "SELECT path FROM documents")} == {"release.txt"}
    # an ordinary SQLite file that is not a store, and a text file that merely ends in .lock, are read
    con = sqlite3.connect(d / "data.sqlite")
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    text_file(d / "notes.lock", RELEASE.replace("Antwerp", "Rotterdam"))
    s = _ingest(["."], other)
    assert s.new_documents == 1 and [os.path.basename(p) for p, _, _ in s.failures] == ["data.sqlite"]


# -- 4. network exports show entity names ---------------------------------------------------------

@pytest.fixture
def small_store(tmp_path):
    from docmine.store import Store
    from storekit import add_document

    ents = {"Europol": "ORG", "UNODC": "ORG", "Interpol": "ORG", "heroin": "DRUG", "cocaine": "DRUG"}
    s = Store(tmp_path / "t.db")
    add_document(s, "d1.txt", "Europol and Interpol tracked heroin. UNODC saw cocaine.", ents)
    add_document(s, "d2.txt", "UNODC and Europol met. Interpol reported heroin and cocaine.", ents)
    add_document(s, "d3.txt", "Europol seized cocaine with UNODC.", ents)
    yield s
    s.close()


def test_network_exports_label_nodes_with_entity_names(small_store, tmp_path):
    import networkx as nx

    from docmine.analysis.comention import comention
    from docmine.analysis.network import write_network

    table = comention(small_store, "ORG", "DRUG", min_count=1)
    write_network(table, str(tmp_path / "g.gexf"))
    write_network(table, str(tmp_path / "g.graphml"))
    want = {("Europol", "ORG"), ("UNODC", "ORG"), ("Interpol", "ORG"), ("heroin", "DRUG"), ("cocaine", "DRUG")}

    # GEXF, read as Gephi does: the node element's label attribute, and the 'type' attribute value
    root = ET.parse(tmp_path / "g.gexf").getroot()
    ns = {"g": root.tag.split("}")[0].strip("{")}
    titles = {a.get("id"): a.get("title") for a in root.iterfind(".//g:attributes[@class='node']/g:attribute", ns)}
    got = set()
    for node in root.iterfind(".//g:nodes/g:node", ns):
        values = {titles[v.get("for")]: v.get("value") for v in node.iterfind(".//g:attvalue", ns)}
        got.add((node.get("label"), values["type"]))
    assert got == want

    g = nx.read_graphml(tmp_path / "g.graphml")
    assert {(a["label"], a["type"]) for _, a in g.nodes(data=True)} == want
    assert g.nodes["ORG:Europol"]["frequency"] == 3


# -- 5. same-label co-mention: each pair once -------------------------------------------------------

def test_same_label_comention_lists_each_pair_once(small_store):
    from docmine.analysis.comention import comention

    for window in ("document", "sentence"):
        t = comention(small_store, "ORG", "ORG", window=window, min_count=1)
        pairs = list(zip(t.row, t.col, strict=True))
        assert not any(r == c for r, c in pairs)
        assert len({frozenset(p) for p in pairs}) == len(pairs), pairs
        assert all(r < c for r, c in pairs)  # one order: alphabetical
    t = comention(small_store, "ORG", "ORG", window="document", min_count=1)
    assert set(zip(t.row, t.col, strict=True)) == {("Europol", "Interpol"), ("Europol", "UNODC"), ("Interpol", "UNODC")}
    assert t.set_index(["row", "col"]).loc[("Europol", "UNODC"), "count"] == 3
    both = comention(small_store, "ORG", "ORG", window="document", min_count=1, both_orders=True)
    assert len(both) == 2 * len(t) and not (both.row == both.col).any()
    # different labels are not affected
    od = comention(small_store, "ORG", "DRUG", min_count=1)
    assert len(od) == 6


# -- 6. DOCX tables stay where they are ------------------------------------------------------------------

def test_docx_tables_stay_next_to_their_caption(tmp_path):
    import docx

    from docmine.extract import extract_file

    d = docx.Document()
    d.add_heading("Seizures in 2023", level=1)
    d.add_paragraph("Customs at the port of Antwerp reported the following seizures.")
    d.add_paragraph("Table 1: Cocaine seizures by port")
    t = d.add_table(rows=3, cols=2)
    for r, (port, kg) in enumerate([("Port", "Kilograms"), ("Antwerp", "116"), ("Rotterdam", "59")]):
        t.cell(r, 0).text, t.cell(r, 1).text = port, kg
    d.add_paragraph("Source: national customs services.")
    d.add_paragraph("Table 2: Heroin seizures")
    t2 = d.add_table(rows=1, cols=2)
    t2.cell(0, 0).text, t2.cell(0, 1).text = "Istanbul", "20"
    d.add_paragraph("The Balkan route remains the main heroin corridor.")
    path = tmp_path / "seizures.docx"
    d.save(path)

    doc = extract_file(str(path))
    assert doc.text.split("\n\n") == [
        "Seizures in 2023",
        "Customs at the port of Antwerp reported the following seizures.",
        "Table 1: Cocaine seizures by port",
        "Port | Kilograms",
        "Antwerp | 116",
        "Rotterdam | 59",
        "Source: national customs services.",
        "Table 2: Heroin seizures",
        "Istanbul | 20",
        "The Balkan route remains the main heroin corridor.",
    ]


# -- 9. no import cycle between the pipeline and the Dask executor -------------------------------------

def _docmine_imports(path: Path) -> set[str]:
    """Every docmine module a source file imports, at top level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "docmine":
                found.update(f"docmine.{a.name}" for a in node.names)
    return {m for m in found if m.startswith("docmine")}


def test_pipeline_and_scale_share_a_worker_module_instead_of_importing_each_other():
    src = ROOT / "src" / "docmine"
    scale, workers = _docmine_imports(src / "scale.py"), _docmine_imports(src / "workers.py")
    assert "docmine.pipeline" not in scale
    assert "docmine.workers" in scale
    assert not {"docmine.pipeline", "docmine.scale"} & workers
    from docmine import pipeline
    from docmine import scale as scale_mod
    from docmine import workers as workers_mod

    assert pipeline.process_files is workers_mod.process_files  # one task, re-exported for old callers
    assert pipeline._WORKER is workers_mod._WORKER
    assert scale_mod._dask_task.__module__ == "docmine.scale"
