"""Documents recognised by another docmine: an ingest says how many, --reannotate reads them again.

A store outlives docmine upgrades. Unchanged files are skipped, so without this their mentions
stay as the older rules, data files or model found them, mixed with new documents' mentions."""
import json
import shutil
import sqlite3

import pytest

from conftest import run_cli
from makefiles import text_file

SEIZURE = ("Sofia, 4 March 2024 - Customs officers at the Kapitan Andreevo checkpoint seized 38 kg of heroin "
           "hidden in a truck from Iran, the National Customs Agency said.")
CAPTAGON = ("Amman, 9 May 2023 - The Anti-Narcotics Department seized 2 million captagon pills near the "
            "border with Syria, officials said.")


@pytest.fixture
def store(tmp_path):
    """Two documents (one held by two files) ingested, then marked as read by an older docmine
    whose reading labelled every drug a person (what a changed rule would change)."""
    from docmine import api

    d = tmp_path / "docs"
    d.mkdir()
    text_file(d / "sofia.txt", "Heroin seized at the border\n\n" + SEIZURE)
    text_file(d / "amman.txt", "Captagon seized in Jordan\n\n" + CAPTAGON)
    shutil.copy2(d / "amman.txt", d / "amman-copy.txt")
    db = str(tmp_path / "s.db")
    first = api.ingest([str(d)], db=db, workers=1)
    assert first.new_documents == 2 and first.duplicates == 1
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE runs SET docmine_version = '0.0.9'")
        wrong = con.execute("INSERT INTO entities(label, canonical) VALUES ('PERSON', 'Heroin Old')").lastrowid
        con.execute("UPDATE mentions SET label = 'PERSON', entity_id = ? WHERE label = 'DRUG'", (wrong,))
        con.execute("UPDATE documents SET topic = 7")
    con.close()
    return d, db


def labels(db: str) -> dict[str, set[str]]:
    con = sqlite3.connect(db)
    out: dict[str, set[str]] = {}
    for label, text in con.execute("SELECT label, text FROM mentions"):
        out.setdefault(label, set()).add(text)
    con.close()
    return out


def mention_rows(db: str) -> list[tuple]:
    con = sqlite3.connect(db)
    rows = con.execute("SELECT d.path, m.start, m.end, m.label, m.text, e.canonical, m.sentence, m.source, m.attrs"
                       " FROM mentions m JOIN documents d USING (doc_id) JOIN entities e USING (entity_id)"
                       " ORDER BY d.path, m.start, m.end, m.label").fetchall()
    con.close()
    return rows


@pytest.mark.slow
def test_ingest_says_how_many_documents_another_docmine_read_and_leaves_them(store):
    from docmine import api

    d, db = store
    before = labels(db)
    s = api.ingest([str(d)], db=db, workers=1)
    assert (s.unchanged, s.reannotated, s.stale, s.new_documents) == (3, 0, 2, 0)
    assert s.unaccounted() == 0
    assert any("2 unchanged document(s) were recognised by another docmine" in n and "--reannotate" in n
               for n in s.notes)
    assert labels(db) == before  # nothing read again without the flag


@pytest.mark.slow
def test_reannotate_replaces_the_old_reading_and_keeps_the_documents(store):
    from docmine import api

    d, db = store
    con = sqlite3.connect(db)
    ids = dict(con.execute("SELECT path, doc_id FROM documents"))
    api.tag("checked", db=db, doc=str(d / "sofia.txt"))
    out = run_cli("ingest", d, "--db", db, "--workers", "1", "--reannotate").stdout
    assert "read again      2" in out and "unchanged       1" in out  # the copy shares its document
    assert "recognised by another docmine" not in out
    after = labels(db)
    assert {"heroin", "captagon"} <= {t.lower() for t in after["DRUG"]}
    assert not any(t.lower() in ("heroin", "captagon") for t in after.get("PERSON", ()))
    # the same documents: ids, topic, tags and near-duplicate marks stay
    assert dict(con.execute("SELECT path, doc_id FROM documents")) == ids
    assert {r[0] for r in con.execute("SELECT topic FROM documents")} == {7}
    assert not api.tags(db=db, tag="checked").empty
    # the old reading's entity no mention names is gone; full-text search still finds the text
    assert con.execute("SELECT COUNT(*) FROM entities WHERE canonical = 'Heroin Old'").fetchone()[0] == 0
    assert set(api.search("Kapitan", db=db, text=True)["doc_id"]) == {ids[str(d / "sofia.txt")]}
    with sqlite3.connect(db) as check:  # raises if the full-text index no longer matches the texts
        check.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    check.close()
    # what was read again is what a new store gets from the same files
    fresh = str(d.parent / "fresh.db")
    api.ingest([str(d)], db=fresh, workers=1)
    assert mention_rows(db) == mention_rows(fresh)
    # now read by this docmine: the next ingest has nothing to say and nothing to do
    s = api.ingest([str(d)], db=db, workers=1, reannotate=True)
    assert (s.unchanged, s.reannotated, s.stale) == (3, 0, 0)
    run = json.loads(con.execute("SELECT counts FROM runs ORDER BY run_id DESC LIMIT 1 OFFSET 1").fetchone()[0])
    assert run["new_documents"] == 0


@pytest.mark.slow
def test_a_document_that_cannot_be_read_again_keeps_its_old_reading(store):
    import os

    from docmine import api

    d, db = store
    before = labels(db)
    # the file now holds bytes no extractor reads, with its old size and time (so it is not
    # hashed again: it counts as unchanged, and the re-reading is what finds the problem)
    path = d / "sofia.txt"
    st = path.stat()
    path.write_bytes(bytes(range(256)) * (st.st_size // 256) + b"\0" * (st.st_size % 256))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    s = api.ingest([str(d)], db=db, workers=1, reannotate=True)
    assert (s.unchanged, s.reannotated, s.failed) == (1 + 1, 1, 0)
    assert [n for n in s.notes if "not read again" in n] == [
        f"{path}: not read again (unsupported format: not PDF, HTML, DOCX or text); it keeps its earlier mentions"]
    con = sqlite3.connect(db)
    sofia = {t for (t,) in con.execute("SELECT m.text FROM mentions m JOIN documents d USING (doc_id)"
                                       " WHERE d.path LIKE '%sofia.txt' AND m.label = 'PERSON'")}
    assert "heroin" in {t.lower() for t in sofia} and sofia <= before["PERSON"]  # the old reading, kept
    assert con.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 2
    assert con.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 0


@pytest.mark.slow
def test_a_new_copy_of_an_old_document_reads_it_again_once(store):
    from docmine import api

    d, db = store
    shutil.copy2(d / "sofia.txt", d / "sofia-copy.txt")
    s = api.ingest([str(d)], db=db, workers=1, reannotate=True)
    assert (s.reannotated, s.unchanged, s.duplicates, s.new_documents, s.unaccounted()) == (2, 2, 0, 0, 0)
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(DISTINCT doc_id) FROM files WHERE path LIKE '%sofia%'").fetchone()[0] == 1
    assert not any(t.lower() == "heroin" for t in labels(db).get("PERSON", ()))


def test_the_recognition_of_a_run_ignores_the_user_aliases():
    from docmine.pipeline import recognition

    info = {"model": "m", "lexicons": {"drugs": "2026.1"}}
    assert recognition("0.1", info) == recognition("0.1", {**info, "lexicons": {"drugs": "2026.1",
                                                                               "user_aliases": "abc"}})
    assert recognition("0.1", info) != recognition("0.2", info)
    assert recognition("0.1", info) != recognition("0.1", {**info, "model": "other"})
    assert recognition("0.1", info) != recognition("0.1", {**info, "lexicons": {"drugs": "2026.2"}})


def test_the_recognition_digest_follows_the_data_files_by_content(tmp_path):
    from docmine.nlp.lexicon import models_dir
    from docmine.pipeline import recognition_digest

    data = tmp_path / "models"
    shutil.copytree(str(models_dir()), data)
    first = recognition_digest(str(data))
    assert recognition_digest(str(data)) == first and len(first) == 16
    (data / "README.md").write_text("edited notes\n")  # not read by recognition
    (data / "seizure_roles.toml").write_text("# seizure records have their own version\n")
    assert recognition_digest(str(data)) == first
    with open(data / "rules.toml", "a", encoding="utf-8") as fh:
        fh.write("\n# a changed rule file\n")
    assert recognition_digest(str(data)) != first
