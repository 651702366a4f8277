"""Entity clean-up (`docmine entity drop|relabel|rename|merge`) and `docmine canonicalize`, on a
real store of the bundled corpus, through the real command line."""
from __future__ import annotations

import sqlite3
import tomllib

import pytest

from conftest import run_cli
from storekit import copy_store

pytestmark = pytest.mark.slow  # the corpus store takes a minute to build once per session


@pytest.fixture()
def work(corpus_db, tmp_path):
    """A working folder with a private copy of the corpus store as ./docmine.db."""
    copy_store(corpus_db, str(tmp_path / "docmine.db"))
    return tmp_path


def entities(folder, label: str) -> dict[str, int]:
    con = sqlite3.connect(folder / "docmine.db")
    try:
        return dict(con.execute("SELECT e.canonical, COUNT(*) FROM mentions m JOIN entities e USING(entity_id)"
                                " WHERE e.label=? GROUP BY e.canonical", (label,)).fetchall())
    finally:
        con.close()


def test_canonicalize_keeps_the_names_of_documents_in_other_languages(work):
    # it mapped every name through the English lexicon: "Београду" lost its canonical Belgrade
    before = entities(work, "PLACE")
    out = run_cli("canonicalize", cwd=work).stdout
    assert "0 mentions changed" in out
    assert entities(work, "PLACE") == before and before.get("Belgrade", 0) >= 2


def test_drop_relabel_rename_merge_are_written_to_the_aliases_file_and_applied(work):
    orgs = entities(work, "ORG")
    assert orgs.get("Drug Abuse", 0) >= 1
    run_cli("entity", "drop", "drug abuse", cwd=work)
    assert "Drug Abuse" not in entities(work, "ORG")

    n_interpol = orgs["INTERPOL"]
    run_cli("entity", "rename", "INTERPOL", "--to", "International Criminal Police Organization", cwd=work)
    after = entities(work, "ORG")
    assert "INTERPOL" not in after and after["International Criminal Police Organization"] == n_interpol

    n_both = orgs["Europol"] + orgs["Eurojust"]
    run_cli("entity", "merge", "Europol", "Eurojust", cwd=work)
    after = entities(work, "ORG")
    assert after["Europol"] == n_both and "Eurojust" not in after

    places = entities(work, "PLACE")
    run_cli("entity", "relabel", "Money Laundering", "--to", "place", "--label", "ORG", cwd=work)
    assert "Money Laundering" not in entities(work, "ORG")
    assert entities(work, "PLACE")["Money Laundering"] == orgs["Money Laundering"]
    assert len(entities(work, "PLACE")) == len(places) + 1

    data = tomllib.loads((work / "docmine.aliases.toml").read_text(encoding="utf-8"))
    assert [(e["canonical"], e.get("drop"), e.get("relabel")) for e in data["entity"]] == [
        ("Drug Abuse", True, None),
        ("International Criminal Police Organization", None, None),
        ("Europol", None, None),
        ("Money Laundering", None, "PLACE")]
    # the file is the record: applying it again changes nothing
    assert "0 mentions changed" in run_cli("canonicalize", cwd=work).stdout


def test_a_new_ingest_applies_the_decisions(work):
    run_cli("entity", "drop", "Drug Abuse", cwd=work)
    run_cli("entity", "rename", "Europol", "--to", "EU Agency for Law Enforcement Cooperation", cwd=work)
    new = work / "inbox"
    new.mkdir()
    (new / "note.txt").write_text(
        "Vienna, 3 June 2025 - Europol and the Turkish National Police seized 40 kg of heroin on 26 June, the "
        "International Day against Drug Abuse and Illicit Trafficking, Türkiye said.\n", encoding="utf-8")
    run_cli("ingest", "inbox", cwd=work)
    con = sqlite3.connect(work / "docmine.db")
    rows = con.execute("SELECT e.canonical FROM mentions m JOIN entities e USING(entity_id) JOIN documents d"
                       " USING(doc_id) WHERE d.path LIKE '%note.txt'").fetchall()
    con.close()
    names = {r[0] for r in rows}
    assert "EU Agency for Law Enforcement Cooperation" in names and "Europol" not in names
    assert "Drug Abuse" not in names and "heroin" in names


@pytest.mark.parametrize("args, message", [
    (("drop", "No Such Agency"), "no entity named 'No Such Agency'"),
    (("relabel", "Europol", "--to", "ANIMAL"), "relabel needs --to with one of PERSON, ORG, DRUG, PLACE"),
    (("merge", "Europol", "heroin"), "different labels"),
    (("rename", "Europol"), "rename needs --to"),
])
def test_clean_up_mistakes_are_refused_with_a_message(work, args, message):
    proc = run_cli("entity", *args, cwd=work, check=False)
    assert proc.returncode == 2 and message in proc.stderr
    assert not (work / "docmine.aliases.toml").exists()


def test_tags_stars_and_notes_outlive_a_re_ingest_and_export(work):
    inbox = work / "inbox"
    inbox.mkdir()
    release = inbox / "release.txt"
    release.write_text("Ankara, 2 May 2025 - Turkish National Police seized 300 kg of captagon tablets.\n",
                       encoding="utf-8")
    run_cli("ingest", "inbox", cwd=work)
    run_cli("tag", "balkan route", "--doc", "inbox/release.txt", "--note", "follow up", cwd=work)
    run_cli("tag", "star", "--entity", "Turkish National Police", cwd=work)
    assert "already on" in run_cli("tag", "star", "--entity", "turkish national police", cwd=work).stdout

    # the file changes and is ingested again: a new document row, the same tag
    release.write_text("Ankara, 2 May 2025 - Turkish National Police seized 310 kg of captagon tablets.\n",
                       encoding="utf-8")
    run_cli("ingest", "inbox", cwd=work)
    out = run_cli("export", "tagged", "--format", "csv", cwd=work).stdout.splitlines()
    assert out[0] == "kind,tag,name,label,doc_id,path,documents,note"
    doc_line = next(line for line in out if line.startswith("document,balkan route,"))
    assert doc_line.endswith("release.txt,1,follow up")
    con = sqlite3.connect(work / "docmine.db")
    new_id = con.execute("SELECT doc_id FROM documents WHERE path LIKE '%release.txt'").fetchone()[0]
    con.close()
    assert f",{new_id}," in doc_line
    assert any(line.startswith("entity,star,Turkish National Police,ORG,,,") for line in out)

    # search within what is tagged: the tagged document, and the documents of a tagged entity
    hits = run_cli("search", "captagon", "--tag", "balkan route", cwd=work).stdout
    assert "release.txt" in hits and hits.count("corpus/") == 0
    by_entity = run_cli("search", "heroin", "--tag", "star", "--limit", "50", cwd=work).stdout
    assert "Turkish" in by_entity or "corpus/" in by_entity
    con = sqlite3.connect(work / "docmine.db")
    tnp_docs = {r[0] for r in con.execute(
        "SELECT d.path FROM mentions m JOIN entities e USING(entity_id) JOIN documents d USING(doc_id)"
        " WHERE e.canonical = 'Turkish National Police'")}
    con.close()
    shown = {line.split(" (")[0].strip() for line in by_entity.splitlines() if line.startswith("  ") and
             not line.startswith("    ")}
    assert shown and shown <= tnp_docs
    assert "no match" in run_cli("search", "heroin", "--tag", "nobody used this", cwd=work).stdout

    listed = run_cli("tags", "--tag", "star", cwd=work).stdout
    assert "Turkish National Police" in listed and "balkan route" not in listed
    assert "removed from" in run_cli("tag", "star", "--entity", "Turkish National Police", "--remove",
                                     cwd=work).stdout
    assert "Turkish National Police" not in run_cli("tags", cwd=work).stdout


@pytest.mark.parametrize("args, message", [
    (("x", "--doc", "no-such-file"), "no document 'no-such-file'"),
    (("=HYPERLINK()", "--doc", "1"), "use 1 to 50 letters"),
    (("x", "--entity", "No Such Agency"), "no entity named 'No Such Agency'"),
])
def test_tag_mistakes_are_refused_with_a_message(work, args, message):
    proc = run_cli("tag", *args, cwd=work, check=False)
    assert proc.returncode == 2 and message in proc.stderr


def test_a_drop_is_undone_by_removing_its_table_and_canonicalizing(work):
    before = entities(work, "ORG")["Drug Abuse"]
    run_cli("entity", "drop", "Drug Abuse", cwd=work)
    run_cli("entity", "rename", "INTERPOL", "--to", "International Criminal Police Organization", cwd=work)
    assert "Drug Abuse" not in entities(work, "ORG")
    aliases = work / "docmine.aliases.toml"
    text = aliases.read_text(encoding="utf-8")
    start = text.index("[[entity]]  # not an entity")
    aliases.write_text(text[:start] + text[text.index("[[entity]]", start + 1):], encoding="utf-8")
    out = run_cli("canonicalize", cwd=work).stdout
    assert f"{before} mentions changed" in out
    after = entities(work, "ORG")
    assert after["Drug Abuse"] == before
    assert "International Criminal Police Organization" in after and "INTERPOL" not in after


def _facets(folder) -> set[tuple[str, str, int]]:
    con = sqlite3.connect(folder / "docmine.db")
    try:
        return set(con.execute("SELECT facet, value, doc_id FROM doc_facets JOIN facet_values USING(value_id)")
                   .fetchall())
    finally:
        con.close()


def _facets_from_mentions(folder) -> set[tuple[str, str, int]]:
    """What each document's drug classes and countries are, from its stored mentions now."""
    from storekit import facet_resolver

    con = sqlite3.connect(folder / "docmine.db")
    try:
        pairs = con.execute("SELECT DISTINCT m.doc_id, e.label, e.canonical FROM mentions m JOIN entities e"
                            " USING(entity_id) WHERE e.label IN ('DRUG', 'PLACE')").fetchall()
    finally:
        con.close()
    return {(*f, doc_id) for doc_id, label, canonical in pairs if (f := facet_resolver()(label, canonical))}


def test_the_drug_class_and_country_facets_follow_a_clean_up(work):
    """Ingest wrote each document's facets in the worker; dropping a country and relabelling a
    drug writes them again, so search narrows by what the store now says."""
    before = _facets(work)
    assert before == _facets_from_mentions(work)  # the workers' facets are those of the stored mentions
    netherlands = {d for f, v, d in before if (f, v) == ("country", "Netherlands")}
    assert netherlands
    run_cli("entity", "drop", "Netherlands", "--label", "PLACE", cwd=work)
    run_cli("entity", "drop", "Rotterdam", "--label", "PLACE", cwd=work)
    after = _facets(work)
    assert after == _facets_from_mentions(work) and after != before
    left = {d for f, v, d in after if (f, v) == ("country", "Netherlands")}  # by other Dutch places
    assert left < netherlands
    out = run_cli("search", "Europol", "--facets", "--limit", "100", cwd=work).stdout
    shown = dict(part.rsplit(" ", 1) for part in out.split("country: ")[1].split("\n")[0].split(", "))
    assert int(shown.get("Netherlands", 0)) <= len(left)
