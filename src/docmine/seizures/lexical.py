"""Seizure records from documents in languages docmine has no parser for.

The English extractor reads a dependency parse; a Croatian police release or a Spanish Guardia
Civil note gets no parse, but its mentions are there (drugs under their English name, amounts
linked to their drug by the quantity stage, places, and organisations where a model or the
lexicon finds them). A sentence reports a seizure when it names a drug and holds a seizure word of
its language, and no period or total word ("od početka godine", "geçen yıl"): the word lists are
data, ``[languages.<code>]`` in ``models/seizures.toml``. Each amount makes one record with the
drug it measures; a drug without an amount makes one record per sentence, unless the sentence
measures another drug. Place, country, origin and destination, agency and date are read as for
English text, from the mentions and the words before them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docmine.extract.metadata import event_date
from docmine.nlp.lexicon import Lexicon, _read_toml, models_dir
from docmine.nlp.mention import Mention
from docmine.seizures.records import (
    _DATELINE,
    _PLACE_RANK,
    _VAGUE_BULK,
    SeizureRecord,
    _place_info,
    assemble,
    choose_site,
)


@dataclass(frozen=True)
class LanguageWords:
    """One language's seizure words (``models/seizures.toml``, ``[languages.<code>]``)."""

    trigger: re.Pattern
    aggregate: re.Pattern | None
    origin: re.Pattern | None
    destination: re.Pattern | None


def _phrases(items: Sequence[str], before: bool = False) -> re.Pattern | None:
    """Whole phrases (``before``: ending right before a place, as "from " before "Iran")."""
    items = [i for i in items if i.strip()]
    if not items:
        return None
    alts = "|".join(sorted((re.escape(i.lower()).replace(r"\ ", r"\s+") for i in items), key=len, reverse=True))
    if before:
        return re.compile(r"(?<!\w)(?:" + alts + r")\s+$", re.I)
    return re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)", re.I)


@lru_cache(maxsize=4)
def load_languages(folder: str | None = None) -> dict[str, LanguageWords]:
    data = _read_toml((Path(folder) if folder else models_dir()) / "seizures.toml").get("languages", {})
    out = {}
    for code, words in data.items():
        stems = sorted((re.escape(s.lower()).replace(r"\ ", r"\s+") for s in words.get("triggers", [])),
                       key=len, reverse=True)
        if not stems:
            continue
        out[code] = LanguageWords(
            trigger=re.compile(r"(?<!\w)(?:" + "|".join(stems) + r")", re.I),
            aggregate=_phrases(words.get("aggregate", [])),
            origin=_phrases(words.get("origin", []), before=True),
            destination=_phrases(words.get("destination", []), before=True))
    return out


def supported(language: str | None) -> bool:
    """Whether docmine reads seizure records in this language without a parser."""
    return bool(language) and str(language).split("-")[0].lower() in load_languages()


def seizure_sentence(text: str, words: LanguageWords) -> bool:
    """Whether a sentence of that language reports a seizure (a seizure word, no period or total)."""
    if text.count("|") >= 3:  # a table row
        return False
    if not words.trigger.search(text):
        return False
    return not (words.aggregate and words.aggregate.search(text))


def extract_lexical_records(text: str, published: str | None, mentions: Sequence[Mention],
                            sentences: Sequence[tuple[int, int]], lex: Lexicon, language: str) -> list[SeizureRecord]:
    """The seizure records of one document in ``language`` (see the module's docstring)."""
    words = load_languages().get(language.split("-")[0].lower())
    if words is None:
        return []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    records: list[SeizureRecord] = []
    for si, ms in sorted(by_sent.items()):
        if si >= len(sentences):
            continue
        s0, s1 = sentences[si]
        drugs = [m for m in ms if m.label == "DRUG" and m.attrs.get("role") != "modifier"]
        if not drugs or not seizure_sentence(text[s0:s1], words):
            continue
        ms = sorted(ms, key=lambda m: m.start)
        pairs: list[tuple[Mention, Mention | None]] = []
        for q in (m for m in ms if m.label == "QUANTITY" and m.attrs.get("drug")):
            if _VAGUE_BULK.match(q.text):
                continue
            linked = [d for d in drugs if d.canonical == q.attrs["drug"]]
            if linked:  # the nearest mention of the drug the amount measures
                pairs.append((min(linked, key=lambda d: min(abs(d.start - q.end), abs(q.start - d.end))), q))
        if not pairs:
            seen: set[str] = set()
            for d in drugs:
                if d.canonical not in seen:
                    seen.add(d.canonical)
                    pairs.append((d, None))
        site, route_parts = [], []
        origin = destination = None
        for p in (m for m in ms if m.label == "PLACE"):
            canonical, kind, country = _place_info(lex, p.canonical or p.text)  # "Београду" -> Belgrade
            before = text[max(s0, p.start - 30): p.start]
            if words.origin and words.origin.search(before):
                origin = origin or canonical
                route_parts.append((p.start, p.end, "origin"))
            elif words.destination and words.destination.search(before) and _PLACE_RANK.get(kind, 1) >= 4:
                destination = destination or canonical  # "u Hrvatsku": a country the drugs went to
                route_parts.append((p.start, p.end, "destination"))
            elif _DATELINE.match(text[p.end: p.end + 40]) and not text[s0: p.start].strip():
                continue  # "Zagreb, 14. svibnja 2024. –": where the release was issued
            else:
                site.append((_PLACE_RANK.get(kind, 1), p, canonical, country))
        place_m, place, country = choose_site(site)
        orgs = [m for m in ms if m.label == "ORG"]
        agency_m = orgs[0] if orgs else None
        date, date_kind = event_date(text[s0:s1], published)
        extra = [(agency_m.start, agency_m.end, "agency")] if agency_m is not None else []
        records += assemble(pairs, lex, si, (s0, s1), place_m, extra + route_parts, date=date,
                            date_kind=date_kind, place=place, country=country,
                            agency=agency_m.canonical if agency_m else None,
                            agency_text=agency_m.text if agency_m else None, origin=origin, destination=destination)
    return records
