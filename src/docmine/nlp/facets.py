"""What a document can be narrowed by through its entities: the classes of the drugs it
mentions (``drug_class``: opioid, stimulant, precursor, ...) and the countries of the places it
mentions (``country``: "Rotterdam" and "Port of Rotterdam" count for Netherlands).

Computed where the lexicons are loaded (the ingest workers, ``docmine canonicalize``) from each
entity's label and canonical name, and stored per document (:meth:`docmine.store.Store.write_batch`),
so that search counts and filters them from an index instead of reading every mention.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docmine.nlp.lexicon import Lexicon, alias_key

FACET_OF_LABEL = {"DRUG": "drug_class", "PLACE": "country"}
"""The entity label each document facet comes from."""
DOC_FACETS = tuple(FACET_OF_LABEL.values())
"""The facets a document gets from its entities, as search counts and names them."""


def place_country(lex: Lexicon, canonical: str) -> str | None:
    """The country a place lies in (a country: itself), by the place lexicon, else by GeoNames
    (a city or province that belongs to one country only); None for regions ("Balkans")."""
    hit = lex.place_case_sensitive.get(canonical) or lex.places.get(alias_key(canonical))
    if hit and hit[1] == "country":
        return hit[0]
    country = lex.place_countries.get(canonical)
    if country is None and hit and hit[1] in ("region", "sea/waterway"):
        return None  # the lexicon's region is no GeoNames town of its name ("Gulf region": no Gulf Province)
    if country is None:
        from docmine.nlp.gazetteer import city_country

        country = city_country(canonical)
        if country is None:
            return None
    return lex.canonical("PLACE", country)


def entity_facet(lex: Lexicon, label: str, canonical: str) -> tuple[str, str] | None:
    """(facet, value) of an entity, or None: a DRUG's class, a PLACE's country."""
    if label == "DRUG":
        info = lex.drug(canonical)
        return ("drug_class", info.drug_class) if info is not None and info.drug_class else None
    if label == "PLACE":
        country = place_country(lex, canonical)
        return ("country", country) if country else None
    return None


class FacetResolver:
    """:func:`entity_facet` with one lexicon, remembered per entity (a store has few distinct
    drugs and places, and each is asked for in many documents)."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self._known: dict[tuple[str, str], tuple[str, str] | None] = {}

    def __call__(self, label: str, canonical: str) -> tuple[str, str] | None:
        key = (label, canonical)
        if key not in self._known:
            self._known[key] = entity_facet(self.lex, label, canonical) if label in FACET_OF_LABEL else None
        return self._known[key]

    def document(self, mentions: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
        """The facets of a document: one (facet, value) per class and country its mentions give."""
        found = {self(m["label"], m["canonical"]) for m in mentions if m["label"] in FACET_OF_LABEL}
        return sorted(f for f in found if f is not None)
