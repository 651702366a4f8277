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
