"""Entity search (aliases, fuzzy), full-text search and its error messages."""
import pytest

from docmine.analysis.search import full_text, search
from docmine.store import Store
from storekit import add_document


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "s.db")
    add_document(s, "a.txt", "Police in Turkey seized methamphetamine near Istanbul. Turkey is a transit country.",
                 {"Turkey": "PLACE|Türkiye", "methamphetamine": "DRUG", "Istanbul": "PLACE"}, date="2023-01-10")
    add_document(s, "b.txt", "Türkiye and Iran met in Ankara to discuss captagon and heroin.",
                 {"Türkiye": "PLACE|Türkiye", "Iran": "PLACE", "Ankara": "PLACE", "captagon": "DRUG", "heroin": "DRUG"},
                 date="2024-05-02")
    yield s
    s.close()


def test_alias_finds_canonical_entity_with_kwic_and_pages(store):
    df = search(store, "Turkey")
    assert set(df["entity"]) == {"Türkiye"}
    assert df["entity_documents"].iloc[0] == 2
    assert len(df) == 3  # two mentions in a.txt, one in b.txt
    assert "[Turkey]" in df["snippet"].iloc[0] and df["page"].iloc[0] == 1


def test_fuzzy_matches_misspellings_and_transliterations(store):
    assert search(store, "methamphetamne").empty  # not a known alias: only fuzzy finds it
    assert set(search(store, "methamphetamne", fuzzy=True)["entity"]) == {"methamphetamine"}
    hit = search(store, "metamphetamine", fuzzy=True)
    assert set(hit["entity"]) == {"methamphetamine"}
    assert set(search(store, "Turkiye", fuzzy=True)["entity"]) >= {"Türkiye"}
    assert set(search(store, "Istambul", fuzzy=True)["entity"]) == {"Istanbul"}


def test_filters_by_label_date_and_path(store):
    assert set(search(store, "Turkey", date_from="2024-01-01")["path"]) == {"b.txt"}
    assert set(search(store, "Turkey", path="a.txt")["path"]) == {"a.txt"}
    assert search(store, "heroin", label="PLACE").empty


def test_full_text_bm25_with_highlights(store):
    df = full_text(store, "captagon")
    assert df["path"].tolist() == ["b.txt"]
    assert "[captagon]" in df["snippet"].iloc[0]
    assert full_text(store, '"transit country"')["path"].tolist() == ["a.txt"]
    # accents are folded: Turkiye finds Türkiye
    assert full_text(store, "Turkiye")["path"].tolist() == ["b.txt"]


@pytest.mark.parametrize("bad", ['"unterminated', "heroin AND", "NEAR(", "P-2-P", "(((", "col:x"])
def test_malformed_full_text_query_gets_a_clear_message(store, bad):
    with pytest.raises(ValueError, match="invalid full-text query"):
        full_text(store, bad)


def test_sql_injection_is_just_text(store):
    assert search(store, "x'; DROP TABLE documents; --").empty
    assert store.query("SELECT COUNT(*) FROM documents")[0][0] == 2


def test_path_filter_is_a_literal_substring(store):
    # regression: "%" and "_" in --path were LIKE wildcards, so "%" matched every document
    assert search(store, "Turkey", path="%").empty
    assert search(store, "Turkey", path="a_txt").empty
    assert set(search(store, "Turkey", path="a.txt")["path"]) == {"a.txt"}


@pytest.mark.parametrize("argv", [["search", "Turkey"], ["search", "heroin", "--text"], ["entities", "--top", "3"],
                                  ["entities", "--label", "DRUG", "--tag", "x"]])
def test_query_commands_answer_without_importing_pandas(store, argv):
    """`docmine search` and `docmine entities` print from the store's rows: importing pandas
    alone took most of a second on every call (issue 17: < 1 s after the interpreter starts)."""
    import subprocess
    import sys

    code = ("import sys; from docmine.cli import main; rc = main(sys.argv[1:]);"
            " assert 'pandas' not in sys.modules, 'pandas was imported'; sys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", code, *argv, "--db", str(store.path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip()


def test_printed_table_matches_the_dataframe_the_api_returns(store):
    """The CLI's table is the API's DataFrame, printed as pandas prints it."""
    import docmine
    from docmine.rows import format_rows

    add_document(store, "c.txt", "Undated note on Europol.", {"Europol": "ORG"})  # dates None
    rows = docmine.api.entity_rows(db=str(store.path), top=0)
    df = docmine.entities(db=str(store.path), top=0)
    assert format_rows(rows) == df.to_string(index=False)
    assert list(rows.to_frame()["entity"]) == list(df["entity"])
    hits = docmine.api.search_rows("Turkey", db=str(store.path))
    assert [r.path for r in hits.itertuples()] == list(docmine.search("Turkey", db=str(store.path))["path"])


@pytest.mark.parametrize("query", ["*", "a:b", "-heroin", "NEAR(", '"open', "x OR", "(", "AND"])
def test_every_malformed_full_text_query_is_a_message_not_a_database_error(store, query):
    """Whatever SQLite's FTS5 rejects comes back as a ValueError that names the query and the
    syntax to use (a raw sqlite3 error reached the user for "*")."""
    with pytest.raises(ValueError, match="invalid full-text query"):
        search(store, query, text=True)
