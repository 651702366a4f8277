"""The reviewable data files in models/ stay consistent: one canonical per alias, ambiguous and
case-sensitive lists inside the term lists, and one data release version across all files."""
import tomllib
from collections import defaultdict

import pytest

from conftest import ROOT

MODELS = ROOT / "src" / "docmine" / "models"


def _load(name):
    return tomllib.loads((MODELS / f"{name}.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name,table,key", [
    ("drugs", "drug", "terms"), ("organisations", "org", "aliases"), ("places", "place", "aliases"),
])
def test_each_alias_has_one_canonical(name, table, key):
    seen = defaultdict(set)
    for e in _load(name)[table]:
        assert e["canonical"] and e[key] and all(e[key]), e
        assert set(e.get("ambiguous", [])) <= set(e[key]), e
        assert set(e.get("case_sensitive", [])) <= set(e[key]), e
        for a in e[key]:
            seen[a.lower()].add(e["canonical"])
    clashes = {a: c for a, c in seen.items() if len(c) > 1}
    assert not clashes


def test_postal_abbreviations_are_unique():
    seen = defaultdict(set)
    for e in _load("places")["place"]:
        for a in e.get("postal", []):
            seen[a].add(e["canonical"])
    assert seen and not {a: c for a, c in seen.items() if len(c) > 1}


def test_one_data_release_version():
    versions = {name: _load(name)["version"] for name in
                ("drugs", "organisations", "places", "routes", "not_entities", "rules")}
    assert len(set(versions.values())) == 1, versions


def test_data_files_are_read_once_then_from_a_parsed_cache(tmp_path, monkeypatch):
    """Parsing the TOML data files was most of a query command's time; the parsed data is kept
    (JSON, keyed by path, size and time), a changed file is parsed again, and a cache folder that
    cannot be written is passed by."""
    from docmine.nlp import lexicon

    monkeypatch.setenv("DOCMINE_CACHE", str(tmp_path / "cache"))
    f = tmp_path / "x.toml"
    f.write_text('[a]\nname = "heroin"\n', encoding="utf-8")
    assert lexicon._read_toml(f) == {"a": {"name": "heroin"}}
    assert len(list((tmp_path / "cache").glob("toml-*.json"))) == 1
    assert lexicon._read_toml(f) == {"a": {"name": "heroin"}}  # from the cache
    f.write_text('[a]\nname = "cocaine"\n', encoding="utf-8")
    assert lexicon._read_toml(f) == {"a": {"name": "cocaine"}}  # the file changed: parsed again
    (tmp_path / "ro").write_text("a file where the cache folder should be")
    monkeypatch.setenv("DOCMINE_CACHE", str(tmp_path / "ro"))
    assert lexicon._read_toml(f) == {"a": {"name": "cocaine"}}
    f.write_text("[a\n", encoding="utf-8")
    with pytest.raises(ValueError, match="invalid TOML"):
        lexicon._read_toml(f)
