"""Merging what the lexicons, the rules and the model found into one set of mentions.

Rules: ``drug.gloss`` / ``place.gloss`` ("Amphetamine (Ice)", "Dammam (KSA)": a name glossed
by another of the same label in brackets is one mention). The other merges here keep the rule
of the span that wins; a PERSON carved out of "Horst of Europol" is ``person.name_of_org``.
"""
from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span

from docmine.nlp.doctext import span_text, token_words
from docmine.nlp.rules.base import Trace, merge_adjacent, overlaps
from docmine.nlp.rules.orgs import OrgRules

RULES = ("drug.gloss", "place.gloss")
LOCATIVE = frozenset(("of", "in", "from", "at", "near", "to", "into", "through", "via", "outside", "across",
                      "toward", "towards"))
"""Prepositions before a place ("flew to Damam", "Move Deeper Into Fallujah")."""


def drop_blocked(spans: list[Span], blocks: list[tuple[int, int]]) -> list[Span]:
    """Rule and lexicon spans that overlap a blocked phrase (a route, a report title) go, unless
    they are drugs."""
    return [sp for sp in spans if not overlaps(sp, blocks) or sp.label_ == "DRUG"]


def merge_glosses(spans: list[Span], trace: Trace) -> list[Span]:
    """DRUG ( DRUG ) -> one DRUG span: "Amphetamine (Ice)", "cannabis (marijuana)"; the same
    for PLACE."""
    def join(a: Span, b: Span) -> Span | None:
        doc = a.doc
        if a.label_ == b.label_ and a.label_ in ("DRUG", "PLACE") and b.start == a.end + 1 \
                and doc[a.end].text == "(" and b.end < len(doc) and doc[b.end].text == ")" \
                and not (a.label_ == "PLACE" and _initials_of(b.text, a.text)):
            return trace.mark(Span(doc, a.start, b.end + 1, label=a.label_), f"{a.label_.lower()}.gloss")
        return None
    return merge_adjacent(spans, join)


def _initials_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is written from the capital initials of ``name`` ("PRC" of "People's Republic
    of China"): an acronym defined in brackets is a mention of its own, not a gloss."""
    caps = "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())
    return len(acronym) >= 2 and acronym.isupper() and acronym.replace(".", "") == caps


def lexicon_over_model(doc: Doc, lex_spans: list[Span], model_spans: list[Span], blocks: list[tuple[int, int]],
                       orgs: OrgRules, trace: Trace) -> list[Span]:
    """Lexicon matches win over the model where they cover the model's span; a model span that
    strictly contains a lexicon ORG/PLACE match (a longer organisation name) wins. A drug inside a
    model ORG of three or more words goes ("Drug Enforcement Administration"). A model span that
    is only a list of lexicon drugs ("Methylphenidate, Buprenorphine and Adderall" read as an ORG)
    goes, and its drugs stay."""
    lex_drugs = [s for s in lex_spans if s.label_ == "DRUG"]
    model_spans = [m for m in model_spans if not drug_list(m, lex_drugs)]
    bounds = [(m.start, m.end) for m in model_spans]
    covering: dict[int, list[int]] = {}  # token -> the model spans over it, in order
    for k, (m_start, m_end) in enumerate(bounds):
        for i in range(m_start, m_end):
            covering.setdefault(i, []).append(k)
    final: list[Span] = []
    taken: set[int] = set()
    for span in sorted(lex_spans, key=lambda s: -(s.end - s.start)):
        if overlaps(span, blocks) and span.label_ != "DRUG":
            continue
        s_start, s_end = span.start, span.end
        containing = [  # a model span that contains the match lies over its first token
            model_spans[k] for k in (covering.get(s_start, ()) if s_end > s_start else range(len(bounds)))
            if bounds[k][0] <= s_start and s_end <= bounds[k][1] and (bounds[k][1] - bounds[k][0]) > (s_end - s_start)
        ]
        if containing and span.label_ != "DRUG":
            if not orgs.name_of_org(containing[0], span):
                continue
            name = trace.mark(Span(doc, containing[0].start, span.start - 1, label="PERSON"),  # "Horst" of Europol
                              "person.name_of_org")
            if not taken.intersection(range(name.start, name.end)):
                final.append(name)
                taken.update(range(name.start, name.end))
        if containing and span.label_ == "DRUG" and containing[0].label_ == "ORG" and len(containing[0]) >= 3:
            continue
        final.append(span)
        taken.update(range(span.start, span.end))
    for span in model_spans:
        if not taken.intersection(range(span.start, span.end)):
            final.append(span)
    return final


_LIST_GLUE = {"and", "or", "&", ",", "/", "(", ")", "-"}


def drug_list(model_span: Span, lex_spans: list[Span]) -> bool:
    """True when every word of a model span lies in one of two or more lexicon drug matches,
    with only list glue (commas, "and", "or", brackets) between them."""
    start, end = model_span.start, model_span.end
    drugs = [s for s in lex_spans if start <= s.start and s.end <= end and s.label_ == "DRUG"]
    if len(drugs) < 2:
        return False
    covered = {i for s in drugs for i in range(s.start, s.end)}
    return all(i in covered or model_span.doc[i].lower_ in _LIST_GLUE
               for i in range(model_span.start, model_span.end))


def add_gazetteer(doc: Doc, final: list[Span], gazetteer: list[Span], blocks: list[tuple[int, int]],
                  lex_keys: set, kinds: Mapping[str, str] | None = None,
                  company_nouns: frozenset[str] = frozenset()) -> list[Span]:
    """Gazetteer places where nothing else matched, or replacing a model ORG of the same extent
    (or a model PERSON after a locative preposition). Changes ``final`` in place.

    A name the gazetteer knows only as a city's alternate name unlike its own (kind "alias":
    "Waterman" for Barstow, "Bourse" for a Paris district) counts only after a locative preposition
    other than "of" ("from Ganaveh"). No name the document shows as a company ("Waterman shares")
    is a place here."""
    used = {i for sp in final for i in range(sp.start, sp.end)}
    companies = company_names(doc, company_nouns) if company_nouns and gazetteer else set()
    place_ends = {sp.end: sp for sp in [*final, *gazetteer] if sp.label_ == "PLACE"}
    for g in gazetteer:
        if overlaps(g, blocks):
            continue
        if g.text in companies:
            continue
        same = [sp for sp in final if (sp.start, sp.end) == (g.start, g.end)]
        prev = doc[g.start - 1].lower_ if g.start > 0 else ""
        after_prep = prev in LOCATIVE or _listed_after_preposition(doc, g.start, place_ends)
        alias = kinds is not None and (kinds.get(g.text) or kinds.get(g.text.title())) == "alias"
        counts = not alias or after_prep and prev != "of"  # "shares of Waterman" may be a company's
        if same and (same[0].label_ == "ORG" and counts or same[0].label_ == "PERSON" and after_prep) \
                and (g.start, g.end) not in lex_keys:
            final.remove(same[0])
            final.append(g)
        elif not used.intersection(range(g.start, g.end)) and counts:
            final.append(g)
    return final


def _listed_after_preposition(doc: Doc, start: int, place_ends: Mapping[int, Span]) -> bool:
    """The name at ``start`` follows places of a list that a locative preposition opens: "in
    Prishtina, [Peja] and Gjilan" (a name the gazetteer knows only as an alternate name counts
    there as after "in")."""
    i = start
    for _ in range(6):  # a list of up to six places
        if i < 1 or doc[i - 1].text not in (",", "and", "or"):
            return False
        end = i - 1
        if doc[end].text != "," and end >= 1 and doc[end - 1].text == ",":
            end -= 1  # ", and"
        before = place_ends.get(end)
        if before is None:
            return False
        i = before.start
        if i > 0 and doc[i - 1].lower_ in LOCATIVE - {"of"}:
            return True
    return False


def earlier_places(spans: list[Span]) -> list[Span]:
    """Two places a list names, not the longer place that starts inside the first: "the Middle East
    and Southeast Asia" is [Middle East] and [Southeast Asia], not "Middle" and [East and Southeast
    Asia] (the longest match would win). A longer place is dropped where another place starts before
    it and ends inside it, and a third place ends where it ends; not in a body's name (a capitalised
    word and "for" or "of" before the first place), which ``OrgRules.ends_in_place`` completes with
    the longer place ("UNODC Regional Office for Southeast Asia and the Pacific")."""
    places = [sp for sp in spans if sp.label_ == "PLACE"]
    if len(places) < 3:
        return spans
    longest = max(len(sp) for sp in places)
    by_start: dict[int, list[Span]] = {}
    by_end: dict[int, list[Span]] = {}
    for sp in places:
        by_start.setdefault(sp.start, []).append(sp)
        by_end.setdefault(sp.end, []).append(sp)
    drop = set()
    for b in places:
        # a place that starts before b and ends inside it starts at most ``longest`` tokens before b
        for a in (a for i in range(b.start - longest, b.start) for a in by_start.get(i, ())):
            if b.start < a.end < b.end \
                    and any(c.start >= a.end for c in by_end[b.end]) \
                    and not (a.start > 1 and a.doc[a.start - 1].lower_ in ("for", "of")
                             and a.doc[a.start - 2].is_title):
                drop.add(id(b))
    return [sp for sp in spans if id(sp) not in drop] if drop else spans


def company_names(doc: Doc, nouns: frozenset[str]) -> set[str]:
    """Capitalised names of one to three words that the document follows, somewhere, by one of
    ``nouns`` (or by "'s" and one): "Waterman shares", "Fairchild's shareholders"."""
    texts, lowers = token_words(doc)  # read once per document: no Token object per word
    out: set[str] = set()
    for i, low in enumerate(lowers):
        if i == 0 or low not in nouns or not texts[i].islower():
            continue
        end = i - 1 if texts[i - 1] in ("'s", "'", "’s", "’") else i
        for n in (1, 2, 3):
            start = end - n
            if start < 0 or not all(t[:1].isupper() for t in texts[start:end]):
                break
            out.add(span_text(doc, start, end))
    return out
