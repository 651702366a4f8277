"""Collection-level resolution: a surname alone is the one person the collection names in full with
it, across documents; a second full name with that surname undoes the link; names spelt two ways
("al-Qaeda", "Al Qaeda") are one entity; `docmine canonicalize` keeps the links. Real ingests of
real text files into a real SQLite store."""
from __future__ import annotations

import sqlite3

from conftest import run_cli


def people(db, label: str = "PERSON") -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return dict(con.execute("SELECT e.canonical, COUNT(*) FROM mentions m JOIN entities e USING(entity_id)"
                                " WHERE e.label=? GROUP BY e.canonical", (label,)).fetchall())
    finally:
        con.close()


def ingest(tmp_path, files: dict[str, str]):
    """Write ``files`` ({name: text}) into tmp_path/docs and ingest the folder into tmp_path/s.db
    with the real command line; returns the store's path."""
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    run_cli("ingest", docs, "--db", db)
    return db


def assert_canonicalize_keeps(tmp_path, db, found: dict[str, int], label: str = "PERSON") -> None:
    """`docmine canonicalize` keeps every collection-level link and says it changed nothing."""
    assert "0 mentions changed" in run_cli("canonicalize", "--db", db, cwd=tmp_path).stdout
    assert people(db, label) == found


def test_a_surname_alone_joins_the_one_full_name_of_the_collection_and_leaves_it_when_ambiguous(tmp_path):
    db = ingest(tmp_path, {
        "visit.txt": "Vice President Kamala Harris met the Mexican delegation in Washington on Monday to discuss "
                     "fentanyl trafficking across the border.\n",
        "sanctions.txt": "The Treasury announced new sanctions on Tuesday against a cartel network. Harris said the "
                         "measures would save lives, and Harris thanked the Mexican authorities for their work.\n"})
    found = people(db)
    assert "Harris" not in found and found["Kamala Harris"] == 3

    assert_canonicalize_keeps(tmp_path, db, found)

    # another Harris named in full: "Harris" alone could be either, and stands for itself again
    ingest(tmp_path, {"court.txt": "In a separate case, the court sentenced Kris Harris to nine years in prison for "
                                   "smuggling cocaine through the port of Miami.\n"})
    found = people(db)
    assert found["Harris"] == 2 and found["Kamala Harris"] == 1 and found["Kris Harris"] == 1


def test_a_paternal_surname_alone_joins_the_spanish_full_name(tmp_path):
    """Spanish names end with the maternal surname; the paternal one ("Cárdenas" of "Osiel Cárdenas
    Guillén") is how later reports name him."""
    db = ingest(tmp_path, {
        "extradition.txt": "Mexico extradited Osiel Cárdenas Guillén, the former head of the Gulf Cartel, to the "
                           "United States in 2007 to face drug trafficking charges.\n",
        "sentence.txt": "A federal judge in Houston sentenced the trafficker on Tuesday. Cárdenas had run the "
                        "cartel's cocaine shipments for a decade, prosecutors said.\n"})
    found = people(db)
    assert "Cárdenas" not in found and found["Osiel Cárdenas Guillén"] == 2
    assert_canonicalize_keeps(tmp_path, db, found)


def test_a_name_spelt_two_ways_is_one_entity_of_the_collection(tmp_path):
    """AG News wrote "al-Qaeda", "Al Qaeda" and "al Qaeda", "YUKOS" and "Yukos": five rows of the
    ORG table for two organisations."""
    db = ingest(tmp_path, {
        "a.txt": "Officials said al-Qaeda planned the attack. Russian oil company Yukos said on Monday it "
                 "would appeal.\n",
        "b.txt": "A message said to come from al-Qaeda was posted online. Analysts said al Qaeda had few "
                 "fighters left in the region.\n",
        "c.txt": "Shares of YUKOS fell 10 percent in Moscow trading after the tax ruling against the company.\n"})
    found = people(db, "ORG")
    assert found.get("al-Qaeda") == 3 and "al Qaeda" not in found
    assert found.get("Yukos") == 2 and "YUKOS" not in found
    # a third "YUKOS": the capitals are now the most frequent spelling, and the links follow; the ingest
    # summary says what the collection-level steps did (the a.txt mention moved, the c.txt one went home),
    # and a run with nothing new says nothing
    (tmp_path / "docs" / "d.txt").write_text("Shares of YUKOS rose again on Tuesday after the court ruling.\n")
    out = run_cli("ingest", tmp_path / "docs", "--db", db).stdout
    assert "across the collection, mentions: 2 joined to their name's most frequent spelling" in out
    assert "across the collection" not in run_cli("ingest", tmp_path / "docs", "--db", db).stdout
    found = people(db, "ORG")
    assert found.get("YUKOS") == 3 and "Yukos" not in found
    assert_canonicalize_keeps(tmp_path, db, found, "ORG")


def test_a_name_with_and_without_middle_initials_is_one_person_unless_two_sets_of_initials_differ(tmp_path):
    db = ingest(tmp_path, {
        "a.txt": "Walt Disney chief executive Michael D. Eisner testified on Tuesday about the hiring.\n",
        "b.txt": "Michael Eisner said the board had approved the contract. Eisner left the court at noon.\n"})
    found = people(db)
    # the form with most mentions names the person ("Eisner" in b.txt is Michael Eisner in its document)
    assert found.get("Michael Eisner") == 3 and "Michael D. Eisner" not in found and "Eisner" not in found
    assert_canonicalize_keeps(tmp_path, db, found)

    # a second Michael Eisner with other initials: the name without initials could be either
    ingest(tmp_path, {"c.txt": "The architect Michael K. Eisner designed the new museum in Chicago.\n"})
    found = people(db)
    assert found.get("Michael D. Eisner") == 1 and found.get("Michael Eisner") == 2
    assert found.get("Michael K. Eisner") == 1


def test_the_model_s_label_for_a_name_gives_way_to_the_lexicons_label_elsewhere_in_the_collection(tmp_path):
    """AG News: "Boeing-Airbus talks" made "Boeing" a PLACE beside 13 ORG mentions of the company."""
    db = ingest(tmp_path, {
        "plant.txt": "Boeing Co. said on Monday it would build a new assembly plant in South Carolina.\n",
        "talks.txt": "No quick fix in Boeing-Airbus talks\n\nWorld Trade Organization (WTO) talks on a transatlantic "
                     "row over plane subsidies will bring no quick fix, officials said.\n"})
    con = sqlite3.connect(db)
    labels = lambda: con.execute(  # noqa: E731
        "SELECT DISTINCT m.label FROM mentions m JOIN documents d USING(doc_id) JOIN files f USING(doc_id)"
        " WHERE m.text = 'Boeing' AND f.path LIKE '%talks.txt'").fetchall()
    try:
        assert labels() == [("ORG",)]
        assert "0 mentions changed" in run_cli("canonicalize", "--db", db, cwd=tmp_path).stdout
        assert labels() == [("ORG",)]
        # the company's own document gone, the model's reading stands again
        (tmp_path / "docs" / "plant.txt").unlink()
        run_cli("ingest", tmp_path / "docs", "--db", db)
        assert labels() == [("PLACE",)]
    finally:
        con.close()


def test_the_model_s_own_majority_moves_no_label_across_documents(tmp_path):
    """The bundled corpus repeats one sentence in three releases: "the police, the Gendarmerie and
    customs" gave the model three PLACE "Gendarmerie" against one ORG. Only a lexicon's label may
    move a name's mentions across documents."""
    from docmine.store import Store

    store = Store(str(tmp_path / "s.db"))
    try:
        c = store.conn
        for doc in range(4):
            c.execute("INSERT INTO documents(doc_id, sha256, path, format, text) VALUES (?,?,?,?,?)",
                      (doc, f"h{doc}", f"d{doc}.txt", "txt", "the Gendarmerie"))
        for doc, label in ((0, "PLACE"), (1, "PLACE"), (2, "PLACE"), (3, "ORG")):
            c.execute("INSERT INTO mentions(doc_id, start, end, label, text, resolved, entity_id, source, attrs)"
                      " VALUES (?, 4, 15, ?, 'Gendarmerie', 'Gendarmerie', ?, 'model', '{}')",
                      (doc, label, store._entity_id(label, "Gendarmerie")))
        c.commit()
        assert store.vote_labels() == 0
        # a lexicon's label for the name does move the model's other readings
        c.execute("INSERT INTO documents(doc_id, sha256, path, format, text) VALUES (4, 'h4', 'd4.txt', 'txt', 'x')")
        c.execute("INSERT INTO mentions(doc_id, start, end, label, text, resolved, entity_id, source, attrs)"
                  " VALUES (4, 0, 11, 'ORG', 'Gendarmerie', 'Gendarmerie', ?, 'lexicon', '{}')",
                  (store._entity_id("ORG", "Gendarmerie"),))
        c.commit()
        assert store.vote_labels() == 3
        assert [r[0] for r in c.execute("SELECT DISTINCT label FROM mentions")] == ["ORG"]
    finally:
        store.close()
