"""Seizure records from one document: each reported seizure of a drug becomes one record.

A sentence reports a seizure when it holds a drug mention and a seizure verb (past or passive,
not modal: "police seized", "was found", not "could seize") or a seizure noun with an amount
("a 2-ton cocaine haul"), and is not about prices, statistics or trends ("heroin seizures rose
20%"). Each amount linked to a drug makes one record; a drug with no amount makes one record
per sentence. The vocabulary is data: ``models/seizures.toml``.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from docmine.extract.metadata import event_date
from docmine.nlp.gazetteer import city_country
from docmine.nlp.lexicon import Lexicon, _read_toml, alias_key, models_dir
from docmine.nlp.mention import Mention
from docmine.nlp.quantities import link_drug

EXTRACTOR_VERSION = 2
"""Bump when records change for the same text: stores re-extract documents of older versions."""

_PLACE_RANK = {"port": 0, "airport": 0, "border crossing": 0, "facility": 0, "city": 1, "town": 1,
               "district": 2, "province": 2, "region": 3, "state": 3, "territory": 3, "country": 4,
               "sea": 5, "waterway": 5}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "a dozen": 12}


@dataclass
class SeizureRecord:
    """One reported seizure: a drug, its amount, and where, when, by whom and how it was hidden.

    ``parts`` lists the (start, end, role) character spans in the document that the record was
    read from (roles: drug, amount, place, agency, concealment, origin, destination, date)."""

    sentence: int
    sent_start: int
    sent_end: int
    drug: str
    drug_text: str
    drug_class: str = ""
    amount: float | None = None
    unit: str | None = None
    amount_text: str | None = None
    date: str | None = None
    date_kind: str | None = None  # event | published
    place: str | None = None
    place_text: str | None = None
    country: str | None = None
    agency: str | None = None
    agency_text: str | None = None
    concealment_text: str | None = None
    transport: str | None = None
    origin: str | None = None
    destination: str | None = None
    arrests: int | None = None
    parts: list[tuple[int, int, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Vocabulary:
    """``models/seizures.toml``, read once."""

    verbs: frozenset[str]
    nouns: frozenset[str]
    not_seizure: re.Pattern
    aggregate: re.Pattern
    statistics: re.Pattern
    transport: tuple[tuple[str, re.Pattern], ...]
    origin: re.Pattern
    destination: re.Pattern
    arrest_verbs: frozenset[str]
    arrest_people: frozenset[str]
    version: str


def _words(items: Sequence[str]) -> re.Pattern:
    alts = sorted({re.escape(i.lower()).replace(r"\ ", r"\s+") for i in items}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)


@lru_cache(maxsize=4)
def load_vocabulary(folder: str | None = None) -> Vocabulary:
    data = _read_toml((Path(folder) if folder else models_dir()) / "seizures.toml")
    tr, ns, route, arrest = data["trigger"], data["not_seizure"], data["route"], data["arrest"]
    return Vocabulary(
        verbs=frozenset(tr["verbs"]), nouns=frozenset(tr["nouns"]),
        not_seizure=_words(ns["phrases"]), aggregate=_words(ns["aggregate"]),
        statistics=_words(ns["statistics_subjects"]),
        transport=tuple((mode, _words(words)) for mode, words in data["transport"].items()),
        origin=re.compile(r"(?:" + "|".join(re.escape(p) for p in route["origin"]) + r")\s+(?:the\s+)?$", re.I),
        destination=re.compile(r"(?:" + "|".join(re.escape(p) for p in route["destination"])
                               + r")\s+(?:the\s+)?$", re.I),
        arrest_verbs=frozenset(arrest["verbs"]), arrest_people=frozenset(arrest["people"]),
        version=str(data.get("version", "")),
    )


# -- is this sentence a seizure report? --------------------------------------------------------------

def _asserted(tok: Token, headline: bool = False) -> bool:
    """A verb reported as done: past tense, perfect or past passive, not under a modal or "to";
    with ``headline`` (a numbered amount in the sentence) also the present ("Customs seize")."""
    children = list(tok.children)
    if any(c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ == "to") for c in children):
        return False
    if tok.tag_ == "VBD" or (tok.tag_ == "VBG" and tok.dep_ in ("advcl", "pcomp")):
        return True
    if tok.tag_ == "VBN":
        aux = [c for c in children if c.dep_ in ("aux", "auxpass")]
        # "is found" (a pattern) is not "was found" / "has been found" / "found hidden in"
        present = [c for c in aux if c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be"]
        return not present or headline
    return headline and tok.tag_ in ("VBZ", "VBP") and tok.dep_ == "ROOT"


def _perfect(tok: Token) -> bool:
    """A verb in the perfect ("have been intercepted", "has been detected", "have found"): with no
    amount it tells what has been found over time, a generalisation of a report, not one seizure."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def triggers(sent: Doc, vocab: Vocabulary) -> list[Token]:
    """The seizure verbs reported as done and the seizure nouns of a parsed sentence."""
    headline = any(e.label_ == "QUANTITY" and any(ch.isdigit() for ch in e.text) for e in sent.ents)
    return [t for t in sent if (t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in vocab.verbs
                                and _asserted(t, headline))
            or (t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in vocab.nouns)]


def governed(sent: Doc, start: int, end: int, trig: Sequence[Token]) -> bool:
    """Whether the words at sentence offsets start:end hang under a seizure trigger in the parse
    ("seized [a truck carrying] 5 kg of heroin", "heroin [was] found"), or a trigger noun is
    inside them ("a cocaine haul")."""
    span = sent.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    ids = {t.i for t in trig}
    root = span.root
    return any(t.i in ids for t in span) or any(a.i in ids for a in root.ancestors)


def seizure_evidence(sent: Doc, vocab: Vocabulary) -> bool:
    """Whether a parsed sentence reports a seizure (rather than prices, trends or policy)."""
    text = sent.text
    has_amount = any(e.label_ == "QUANTITY" for e in sent.ents)
    found = triggers(sent, vocab)
    verbs = [t for t in found if t.pos_ in ("VERB", "AUX")]
    if not verbs and not (found and has_amount):
        return False
    if text.count("|") >= 3 or vocab.aggregate.search(text):  # a table row; an aggregate or a habit
        return False
    if not has_amount and all(_perfect(t) for t in verbs):
        return False  # what has been found over time: "Large shipments have also been intercepted in ..."
    # "heroin seizures rose 20%", "the amount seized doubled": a trend, not a record
    if vocab.statistics.search(text) and vocab.not_seizure.search(text):
        return False
    if vocab.not_seizure.search(text):
        strong = [t for t in verbs if t.lemma_.lower() in ("seize", "confiscate", "intercept", "recover", "discover",
                                                            "uncover", "impound", "find", "bust", "dismantle")]
        return bool(strong and has_amount and not _is_statistic(text))
    return True


_STAT = re.compile(r"\b(?:per\s*cent|percent|%|annual(?:ly)?|per\s+year|in\s+\d{4}\s+alone)",
                   re.I)


def _is_statistic(text: str) -> bool:
    return bool(_STAT.search(text))


# -- the parts of a record ------------------------------------------------------------------------------

def _prep_before(sent: Doc, ent: Span) -> str:
    return sent.text[max(0, ent.start_char - 40): ent.start_char]


def _place_info(lex: Lexicon, text: str) -> tuple[str, str, str | None]:
    """(canonical, kind, country) of a place mention."""
    canonical = lex.canonical("PLACE", text)
    hit = _place_entry(lex, text)
    kind = hit[1] if hit else ""
    country = lex.place_countries.get(canonical)
    if country is None:
        country = city_country(canonical) or city_country(text.strip())
        if country:
            country = lex.canonical("PLACE", country)
            kind = kind or "city"
    return canonical, kind, country


def _known_extent(lex: Lexicon, text: str, place: Mention) -> str | None:
    """The whole phrase of a place mention stored as its name, when the lexicon knows the phrase
    as a place of its own: "Port of Rotterdam" (a port) for "the port of [Rotterdam]", so that a
    seizure's place stays the most specific one."""
    extent = place.attrs.get("extent")
    if not extent:
        return None
    whole = text[extent[0]:extent[1]].strip()
    return whole if _place_entry(lex, whole) else None


def _place_entry(lex: Lexicon, text: str):
    """The places lexicon's (canonical, kind) for this name, or None."""
    return lex.place_case_sensitive.get(text.strip()) or lex.places.get(alias_key(text))


def _arrests(sent: Doc, vocab: Vocabulary) -> int | None:
    """The number of people arrested, when the sentence says ("arrested three suspects")."""
    for tok in sent:
        if tok.lemma_.lower() not in vocab.arrest_verbs or tok.pos_ not in ("VERB", "AUX") or not _asserted(tok):
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        for obj in objs:
            if obj.lemma_.lower() not in vocab.arrest_people and obj.lower_ not in vocab.arrest_people:
                if obj.ent_type_ == "PERSON" or obj.pos_ == "PROPN":
                    conj = [c for c in obj.subtree if c.dep_ == "conj" and c.pos_ == "PROPN"]
                    return 1 + len(conj)
                continue
            num = [c for c in obj.children if c.dep_ == "nummod"]
            if num:
                n = num[0].lower_.replace(",", "")
                if n.isdigit():
                    return int(n)
                if n in _NUMBERS:
                    return _NUMBERS[n]
            det = [c for c in obj.children if c.dep_ == "det" and c.lower_ in ("a", "an")]
            if det or obj.tag_ == "NN":
                return 1
    m = re.search(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+arrests?\b",
                  sent.text, re.I)
    if m:
        w = m.group(1).lower()
        return int(w) if w.isdigit() else _NUMBERS.get(w)
    return None


_COUNT = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def arrests_in_text(text: str, vocab: Vocabulary) -> int | None:
    """People arrested, from plain text: "Two men were arrested", "police detained three suspects",
    "The driver was detained" (1)."""
    people = "|".join(sorted((re.escape(p) for p in vocab.arrest_people), key=len, reverse=True))
    verbs = r"(?:arrested|detained|apprehended|held|charged|taken\s+into\s+custody|nabbed)"
    pats = [rf"\b{_COUNT}\s+(?:\w+\s+){{0,2}}?(?:{people})\s+(?:were|was|have\s+been|has\s+been)\s+{verbs}",
            rf"\b{verbs}\s+{_COUNT}\s+(?:\w+\s+){{0,2}}?(?:{people})\b",
            rf"\bthe\s+(?:{people})\s+(?:was|has\s+been)\s+{verbs}"]
    for i, pat in enumerate(pats):
        m = re.search(pat, text, re.I)
        if m:
            if i == 2:
                return 1
            w = m.group(1).lower()
            return int(w) if w.isdigit() else _NUMBERS.get(w)
    return None


def _transport(vocab: Vocabulary, *texts: str | None) -> str | None:
    for text in texts:
        if not text:
            continue
        for mode, rx in vocab.transport:
            if rx.search(text):
                return mode
    return None


def extract_records(text: str, published: str | None, mentions: Sequence[Mention],
                    sentences: Sequence[tuple[int, int]], sent_docs: dict[int, Doc], lex: Lexicon,
                    roles=None, vocab: Vocabulary | None = None) -> list[SeizureRecord]:
    """The seizure records of one document.

    ``sent_docs`` maps a sentence index to its parsed Doc (see :func:`candidate_sentences` and
    :func:`docmine.seizures.parse.sentence_docs`); ``roles`` is a loaded role model
    (:func:`docmine.seizures.roles.load_roles`) for concealment and the seizing agency, or None.
    """
    vocab = vocab or load_vocabulary()
    records: list[SeizureRecord] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    for si, sent in sorted(sent_docs.items()):
        if not seizure_evidence(sent, vocab):
            continue
        off = sent.user_data.get("offset", sentences[si][0])
        ms = sorted(by_sent.get(si, []), key=lambda m: m.start)
        drugs = [m for m in ms if m.label == "DRUG"]
        quantities = [m for m in ms if m.label == "QUANTITY"]
        places = [m for m in ms if m.label == "PLACE"]
        pairs: list[tuple[Mention, Mention | None]] = []
        used: set[int] = set()
        for q in quantities:
            d = link_drug(q.start, q.end, drugs)
            if d is not None:
                pairs.append((d, q))
                used.add(id(d))
        named = {d.canonical for d, _ in pairs}
        for d in drugs:
            if id(d) in used or d.canonical in named or d.attrs.get("role") == "modifier":
                continue
            named.add(d.canonical)
            pairs.append((d, None))
        # "many tonnes", "hundreds of kilograms": an aggregate over many seizures, not one
        pairs = [(d, q) for d, q in pairs if q is None or not _VAGUE_BULK.match(q.text)]
        # a drug named beside a measured one is context ("BMK glycidate, a precursor used to
        # produce amphetamine"), not a second seizure
        if any(q is not None for _, q in pairs):
            pairs = [(d, q) for d, q in pairs if q is not None]
        # only what a seizure word governs was seized: "police seized a truck carrying 5 kg of
        # heroin", not "the heroin trade" in the same sentence
        trig = triggers(sent, vocab)
        pairs = [(d, q) for d, q in pairs
                 if governed(sent, d.start - off, d.end - off, trig)
                 or (q is not None and governed(sent, q.start - off, q.end - off, trig))]
        if not pairs:
            continue
        # where, from, to
        origin = destination = None
        site: list[tuple[int, Mention, str, str | None]] = []
        route_parts = []
        last_route: tuple[str, int] | None = None
        for p in places:
            before = text[max(0, p.start - 30): p.start]
            canonical, kind, country = _place_info(lex, _known_extent(lex, text, p) or p.text)
            # "from Iran and Pakistan": a place joined to a route place shares its role
            joined = last_route is not None and re.fullmatch(r"\s*(?:,|and|or|, and|, or)\s*",
                                                              text[last_route[1]:p.start]) is not None
            if vocab.origin.search(before) or joined and last_route and last_route[0] == "origin":
                origin = origin or canonical
                route_parts.append((p.start, p.end, "origin"))
                last_route = ("origin", p.end)
            elif vocab.destination.search(before) or joined and last_route and last_route[0] == "destination":
                destination = destination or canonical
                route_parts.append((p.start, p.end, "destination"))
                last_route = ("destination", p.end)
            elif _DATELINE.match(text[p.end: p.end + 40]) and not text[off: p.start].strip():
                continue  # "MADRID, 8 March 2023 –": where the release was issued, not the seizure
            else:
                site.append((_PLACE_RANK.get(kind, 1), p, canonical, country))
        place_m, place, country = choose_site(site)
        if country is None:  # the paragraph's country, when it names just one
            para = {c for m in mentions if m.label == "PLACE" and m.paragraph == ms[0].paragraph
                    for c in [lex.place_countries.get(m.canonical) or city_country(m.canonical)] if c}
            if len(para) == 1:
                country = lex.canonical("PLACE", para.pop())
        date, date_kind = event_date(sent.text, published)
        agency = agency_text = conceal = None
        role_parts: list[tuple[int, int, str]] = []
        if roles is not None:
            from docmine.seizures.roles import find_roles

            found = find_roles(sent, roles)
            agencies = [s for s in found if s.label_ == "AGENCY"]
            conceals = [s for s in found if s.label_ == "CONCEAL"]
            if agencies:
                a = agencies[0]
                agency_text = a.text
                org = sent.user_data.get("mentions", {}).get((a.start_char, a.end_char))
                agency = org.canonical if org is not None and org.label == "ORG" else _agency_name(sent, a, lex)
                role_parts.append((a.start_char + off, a.end_char + off, "agency"))
            if conceals:
                conceal = "; ".join(s.text for s in conceals)
                role_parts += [(s.start_char + off, s.end_char + off, "concealment") for s in conceals]
        transport = _transport(vocab, conceal, sent.text)
        arrests = _arrests(sent, vocab)
        if arrests is None:  # "... seized 1.2 tonnes of cocaine. Two men were arrested." (same paragraph)
            para_end = text.find("\n\n", sentences[si][1])
            arrests = arrests_in_text(text[sentences[si][1]: len(text) if para_end < 0 else para_end], vocab)
        records += assemble(pairs, lex, si, sentences[si], place_m, route_parts + role_parts,
                            date=date, date_kind=date_kind, place=place, country=country, agency=agency,
                            agency_text=agency_text, concealment_text=conceal, transport=transport,
                            origin=origin, destination=destination, arrests=arrests)
    return records


def choose_site(site: Sequence[tuple[int, Mention, str, str | None]]) -> tuple[Mention | None, str | None, str | None]:
    """The seizure's place among ``site`` (rank, mention, canonical, country): the most specific,
    then the first; its country, else the first country any site place gives."""
    if not site:
        return None, None, None
    _, place_m, place, country = min(site, key=lambda x: (x[0], x[1].start))
    return place_m, place, country or next((c for _, _, _, c in site if c), None)


def assemble(pairs: Sequence[tuple[Mention, Mention | None]], lex: Lexicon, si: int, sentence: tuple[int, int],
             place_m: Mention | None, extra_parts: Sequence[tuple[int, int, str]], **fields) -> list[SeizureRecord]:
    """One record per (drug, amount) pair of sentence ``si``; ``fields`` are the sentence's shared
    fields (date, place, agency, ...), ``extra_parts`` its marked spans beyond drug, amount and place."""
    out = []
    for d, qty in pairs:
        info = lex.drug(d.text) or lex.drug(d.canonical)
        parts = [(d.start, d.end, "drug")]
        if qty is not None:
            parts.append((qty.start, qty.end, "amount"))
        if place_m is not None:
            parts.append((place_m.start, place_m.end, "place"))
        out.append(SeizureRecord(
            sentence=si, sent_start=sentence[0], sent_end=sentence[1],
            drug=d.canonical or d.text, drug_text=d.text, drug_class=info.drug_class if info else "",
            amount=qty.attrs.get("value") if qty is not None else None,
            unit=qty.attrs.get("unit") if qty is not None else None,
            amount_text=qty.text if qty is not None else None,
            place_text=place_m.text if place_m else None, parts=sorted([*parts, *extra_parts]), **fields))
    return out


_DATELINE = re.compile(r"\s*(?:\([^)]*\)\s*)?,\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}|\d{4}-\d\d|\d)")
_VAGUE_BULK = re.compile(
    r"^(?:many\s+|several\s+|(?:hundreds|thousands|tens|dozens|millions)(?:\s+of)?\s+(?:of\s+)?(?:millions\s+of\s+)?)?"
    r"(?:tonnes|tons|kilograms|kilos|kilogrammes)?$|^(?:hundreds|thousands|tens|dozens|millions)(?:\s+of)?$", re.I)



def _agency_name(sent: Doc, span: Span, lex: Lexicon) -> str:
    """A canonical name for an agency span that is not an ORG mention: the ORG inside it
    ("ANF officers" -> Anti-Narcotics Force), else the lower-cased words ("police")."""
    ments = sent.user_data.get("mentions", {})
    for (s, e), m in ments.items():
        if m.label == "ORG" and s >= span.start_char and e <= span.end_char:
            return m.canonical
    words = span.text.strip()
    return lex.orgs.get(words.lower()) or lex.org_case_sensitive.get(words) or words.lower()


def candidate_sentences(mentions: Sequence[Mention], sentences: Sequence[tuple[int, int]]) -> list[int]:
    """Indices of the sentences worth parsing: those with a drug mention."""
    return sorted({m.sentence for m in mentions if m.label == "DRUG" and m.sentence < len(sentences)})
