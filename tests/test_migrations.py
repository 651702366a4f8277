"""Numbered store migrations keyed on PRAGMA user_version: a store written by docmine 0.1 (before
migrations) opens and is brought up to date, a newer store is refused, and each migration runs once."""
import os
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli
from docmine import api
from docmine import store as store_module
from docmine.store import MIGRATIONS, READABLE_FROM, SCHEMA_VERSION, Store, StoreError
from storekit import add_document

V1_SQL = Path(__file__).parent / "data" / "store_v1.sql"  # written by the code of commit d875dc2
V2_SQL = Path(__file__).parent / "data" / "store_v2.sql"  # written by the code of commit 0f88ac0
TABLES = ["meta", "runs", "documents", "files", "sentences", "entities", "mentions", "failures", "doc_minhash",
          "topics"]


def v1_store(path: Path) -> str:
    con = sqlite3.connect(path)
    con.executescript(V1_SQL.read_text(encoding="utf-8"))
    con.close()
    return str(path)


def v2_store(path: Path) -> str:
    con = sqlite3.connect(path)
    con.executescript(V2_SQL.read_text(encoding="utf-8"))
    con.close()
    return str(path)


def user_version(db: str) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def rows(db: str, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def schema(db: str) -> set[tuple]:
    return set(rows(db, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def test_the_migrations_are_numbered_in_order():
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 2
    for n, migration in enumerate(MIGRATIONS, start=1):
        assert migration.__name__.startswith(f"_m{n}_"), migration.__name__
        assert migration.__doc__ and migration.__doc__.startswith(f"{n - 1} -> {n}:"), migration.__name__
    assert 1 <= READABLE_FROM <= SCHEMA_VERSION


def test_a_store_written_by_docmine_0_1_opens_migrates_and_keeps_its_data(tmp_path):
    db = v1_store(tmp_path / "old.db")
    assert user_version(db) == 0 and rows(db, "SELECT value FROM meta WHERE key='schema_version'") == [("1",)]
    before = {t: rows(db, f"SELECT * FROM {t} ORDER BY 1") for t in TABLES if t != "meta"}
    assert len(before["documents"]) == 3 and len(before["mentions"]) == 22 and len(before["failures"]) == 1

    # a read-only open reads it as it is, and changes nothing
    assert list(api.entities(db=db, label="DRUG", top=0)["entity"])[:1] == ["heroin"]
    assert user_version(db) == 0

    with Store(db) as s:  # a read-write open migrates
        assert s.version() == SCHEMA_VERSION
    assert user_version(db) == SCHEMA_VERSION
    assert rows(db, "SELECT value FROM meta WHERE key='schema_version'") == [(str(SCHEMA_VERSION),)]
    assert {t: rows(db, f"SELECT * FROM {t} ORDER BY 1") for t in before} == before
    assert rows(db, "SELECT key, value FROM meta WHERE key != 'schema_version' ORDER BY key")[0] == (
        "path_identity", "resolved")
    # the same tables, indexes and triggers as a store this docmine creates
    with Store(tmp_path / "new.db"):
        pass
    assert schema(db) == schema(str(tmp_path / "new.db"))

    # migration 9 classed the stored drugs and placed the places: search can narrow by them
    facets = set(rows(db, "SELECT facet, value FROM doc_facets JOIN facet_values USING(value_id)"))
    assert {("drug_class", "opiate"), ("country", "Türkiye")} <= facets
    assert set(api.search("Europol", db=db, country="Turkey")["path"]) <= {p for (p,) in rows(
        db, "SELECT d.path FROM documents d JOIN doc_facets f USING(doc_id) JOIN facet_values v USING(value_id)"
        " WHERE v.value = 'Türkiye'")}
    # every query works on the migrated store
    ents = api.entities(db=db, top=0)
    assert {"Europol", "heroin", "Türkiye", "John Smith"} <= set(ents["entity"])
    assert set(api.search("heroin", db=db)["path"]) == {"docs/copy-of-europol.txt"}  # the first of two copies
    assert list(api.search("bananas", db=db, text=True)["path"]) == ["docs/customs.txt"]  # full text (FTS5)
    assert len(api.export("mentions", db=db)) == 22
    assert set(api.export("documents", db=db)["topic"]) == {0, 1}
    assert list(api.failures(db=db)["reason"]) == ["empty file: 0 bytes"]
    assert not api.comention("ORG", "DRUG", db=db, min_count=1).empty
    assert len(api.topic_trend(db=db)) >= 1
    # and it takes new documents, whose text is searchable
    with Store(db) as s:
        add_document(s, "new.txt", "Interpol seized fentanyl in Rotterdam.", {"fentanyl": "DRUG"})
    assert list(api.search("Rotterdam", db=db, text=True)["path"]) == ["new.txt"]
    assert "fentanyl" in set(api.entities(db=db, label="DRUG", top=0)["entity"])


@pytest.mark.slow
def test_the_cli_reads_and_writes_a_docmine_0_1_store(tmp_path):
    db = v1_store(tmp_path / "old.db")
    out = run_cli("entities", "--db", db, "--label", "ORG").stdout
    assert "Europol" in out and user_version(db) == 0
    run_cli("canonicalize", "--db", db)
    assert user_version(db) == SCHEMA_VERSION


def test_a_store_written_before_paths_were_resolved_is_rekeyed_by_the_migration(tmp_path, monkeypatch):
    db = v1_store(tmp_path / "old.db")
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    con = sqlite3.connect(db)
    with con:  # what docmine wrote before paths were resolved: paths as given, no mark
        con.execute("UPDATE files SET path = 'link/' || replace(path, '/tmp/fx/docs/', '')")
        con.execute("UPDATE failures SET path = 'link/' || replace(path, '/tmp/fx/docs/', '')")
        con.execute("DELETE FROM meta WHERE key = 'path_identity'")
    con.close()
    with Store(db):
        pass
    expect = sorted(os.path.join(os.path.realpath(real), name)
                    for name in ("copy-of-europol.txt", "customs.txt", "europol.txt", "unodc.txt"))
    assert sorted(p for (p,) in rows(db, "SELECT path FROM files")) == expect
    assert rows(db, "SELECT path FROM failures") == [(os.path.join(os.path.realpath(real), "empty.txt"),)]
    assert rows(db, "SELECT value FROM meta WHERE key = 'path_identity'") == [("resolved",)]
    assert rows(db, "SELECT COUNT(*) FROM documents") == [(3,)]


def test_a_store_written_before_tables_were_kept_opens_upgrades_and_takes_tables(tmp_path):
    db = v2_store(tmp_path / "v2.db")
    assert user_version(db) == 2 and rows(db, "SELECT value FROM meta WHERE key='schema_version'") == [("2",)]
    before = {t: rows(db, f"SELECT * FROM {t} ORDER BY 1") for t in TABLES if t != "meta"}
    assert len(before["documents"]) == 4 and len(before["mentions"]) == 26 and len(before["failures"]) == 1

    # read-only: every query, and the tables export is empty (the store has no tables table yet)
    assert "Europol" in set(api.entities(db=db, top=0)["entity"])
    cells = api.export("tables", db=db)
    assert cells.empty and list(cells.columns) == ["doc_id", "path", "table", "page", "row", "col", "text"]
    assert api.export("tables", db=db, cells=False).empty
    assert run_cli("export", "tables", "--db", db).stdout.splitlines() == ["doc_id,path,table,page,row,col,text"]
    assert user_version(db) == 2

    with Store(db) as s:  # a read-write open migrates
        assert s.version() == SCHEMA_VERSION
    assert user_version(db) == SCHEMA_VERSION
    assert {t: rows(db, f"SELECT * FROM {t} ORDER BY 1") for t in before} == before
    with Store(tmp_path / "new.db"):
        pass
    assert schema(db) == schema(str(tmp_path / "new.db"))
    # documents stored before keep what they had (no tables until their file is ingested again)
    assert rows(db, "SELECT COUNT(*) FROM tables") == [(0,)]
    assert list(api.search("Rotterdam", db=db, text=True)["path"]) == ["docs/seizures.docx"]

    # a new document's tables are stored with it, exported, and deleted with it
    text = "Seizures by port.\n\nPort | Kilograms\n\nValencia | 12"
    start = text.index("Port")
    cells = [["Port", "Kilograms"], ["Valencia", "12"]]
    with Store(db) as s:
        add_document(s, "/data/new.docx", text, {"Seizures": "ORG"},
                     tables=[{"page": 1, "start": start, "end": len(text), "rows": cells}])
    per_table = api.export("tables", db=db, cells=False)
    assert per_table[["path", "table", "page"]].values.tolist() == [["/data/new.docx", 0, 1]]
    assert list(per_table["rows"]) == [[["Port", "Kilograms"], ["Valencia", "12"]]]
    assert rows(db, "SELECT start, end, n_rows, n_cols FROM tables") == [(start, len(text), 2, 2)]
    assert list(api.export("tables", db=db)["text"]) == ["Port", "Kilograms", "Valencia", "12"]
    with Store(db) as s:
        s.mark_missing(["/data/new.docx"], run_id=1)
    assert rows(db, "SELECT COUNT(*) FROM tables") == [(0,)]


@pytest.mark.parametrize("readonly", [False, True])
def test_a_store_from_a_newer_docmine_is_refused_and_left_alone(tmp_path, readonly):
    db = str(tmp_path / "s.db")
    with Store(db) as s:
        add_document(s, "a.txt", "Europol seized heroin.", {"heroin": "DRUG"})
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(StoreError, match=r"written by a newer docmine .*Upgrade docmine"):
        Store(db, readonly=readonly)
    assert user_version(db) == SCHEMA_VERSION + 1
    assert rows(db, "SELECT COUNT(*) FROM documents") == [(1,)]


@pytest.mark.slow
def test_the_cli_says_a_newer_store_needs_a_newer_docmine(tmp_path):
    db = str(tmp_path / "s.db")
    with Store(db):
        pass
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.close()
    for args in (["entities"], ["topics"]):
        p = run_cli(*args, "--db", db, check=False)
        assert p.returncode == 2 and "Traceback" not in p.stderr, p.stderr
        assert "written by a newer docmine" in p.stderr and "pip install --upgrade docmine" in p.stderr


def test_opening_twice_does_not_run_the_migrations_again(tmp_path, monkeypatch):
    calls: list[int] = []

    def counted(n, migration):
        def run(conn):
            calls.append(n)
            migration(conn)
        return run

    monkeypatch.setattr(store_module, "MIGRATIONS", [counted(n, m) for n, m in enumerate(MIGRATIONS, start=1)])
    db = str(tmp_path / "s.db")
    with Store(db) as s:
        assert s.version() == SCHEMA_VERSION
    assert calls == list(range(1, SCHEMA_VERSION + 1))
    with Store(db):
        pass
    with Store(db, readonly=True):
        pass
    with Store(db, create=False):
        pass
    assert calls == list(range(1, SCHEMA_VERSION + 1))
    # an old store runs only the migrations it lacks
    calls.clear()
    with Store(v1_store(tmp_path / "old.db")):
        pass
    assert calls == list(range(2, SCHEMA_VERSION + 1))
    calls.clear()
    with Store(v2_store(tmp_path / "old2.db")):
        pass
    assert calls == list(range(3, SCHEMA_VERSION + 1))


def test_a_failing_migration_leaves_the_store_at_the_version_before_it(tmp_path, monkeypatch):
    db = str(tmp_path / "s.db")
    with Store(db):
        pass

    def _m_next_broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("UPDATE documents SET title = 'changed'")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(store_module, "MIGRATIONS", [*MIGRATIONS, _m_next_broken])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="migration bug"):
        Store(db)
    assert user_version(db) == SCHEMA_VERSION
    assert rows(db, "SELECT name FROM sqlite_master WHERE name = 'half_done'") == []
    monkeypatch.undo()
    with Store(db) as s:
        assert s.version() == SCHEMA_VERSION


def test_an_sqlite_file_of_another_program_is_not_taken_for_a_store(tmp_path):
    db = str(tmp_path / "other.db")
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.execute("PRAGMA user_version = 7")
    con.close()
    for readonly in (False, True):
        with pytest.raises(StoreError, match="not a docmine store"):
            Store(db, readonly=readonly)
    assert schema(db) == {("table", "contacts", "CREATE TABLE contacts (name TEXT)")}
    assert user_version(db) == 7
