"""Places: designator patterns, datelines, postal abbreviations, a place's extent, model
entities that name places, and the modifier role (settings: ``[place]`` in rules.toml).

Rules: ``place.designator`` ("Sadao district"), ``place.facility`` ("Torkham checkpoint"),
``place.joined`` ("India-Pakistan border"), ``place.road`` ("Highway 12A") -- spaCy Matcher
patterns built from the word lists; ``place.dateline`` ("LAGOS, Nigeria (Reuters) -"),
``place.postal`` ("Tucson, Ariz."), ``place.extent`` (designators and directions joined:
"Samara region", "port of Antwerp"), ``place.org_suffix`` ("Quebec police" becomes an ORG),
``place.relabel`` (a model ORG/PERSON that names a place, "Jinnah Town", "resident of Swabi",
or a model PLACE ending in an organisation word), ``place.designator_before`` ("district
Khanewal"), ``place.possessive`` ("Chiang Rai's Doi Luang district"), ``place.coordinated_region``
("West and Central Africa").
"""
from __future__ import annotations

from functools import cached_property

import numpy as np
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from docmine.nlp.doctext import token_words
from docmine.nlp.gazetteer import dictionary_form, dictionary_words, verb_stems, word_classes
from docmine.nlp.rules.base import (
    APOS,
    DASHES,
    KIND_RULES,
    POSS_TOKENS,
    Knowledge,
    Trace,
    all_place_names,
    by_word,
    common_word,
    dictionary_word,
    list_neighbours,
    merge_adjacent,
    words_at,
)
from docmine.nlp.rules.headlines import lowered
from docmine.nlp.settings import PlaceSettings

_NATIONALITY_ENDINGS = ("ese", "an", "ian", "ish", "i", "ic", "ean")  # "Sudanese", "Kurdish", "Pashtun"
RULES = ("place.designator", "place.facility", "place.joined", "place.road", "place.dateline", "place.postal",
         "place.extent", "place.org_suffix", "place.relabel", "place.designator_before", "place.possessive",
         "place.name", "place.coordinated_region", "place.hyphen_pair", "place.comma_pair")
# Matcher key -> rule name
_PATTERN_RULES = {"PLACE": "place.designator", "FACILITY": "place.facility", "JOINED": "place.joined",
                  "ROAD": "place.road"}


_FACILITY_KINDS = ["police", "railway", "bus", "train", "border", "fuel", "petrol", "gas"]  # "Torkham border crossing"
_JOINERS = ["-", "/", "–"]
_RULERS = frozenset(("government", "governments", "administration", "authorities"))
_NUMBER_SHAPES = ["d", "dd", "ddd", "dddd", "dX", "ddX", "dddX"]


def designator_words(pl: PlaceSettings) -> tuple[set[str], set[str]]:
    """(anchors, members) of the patterns of :func:`designator_patterns`: every match contains a
    token whose lower-case form is an anchor; a token outside every pattern is neither a member
    (by its lower-case form or its text), a capitalised word, nor a number shape."""
    anchors = {w.lower() for w in [*pl.designator_nouns, *pl.facility_nouns, *pl.lowercase_facility_nouns,
                                   *pl.joined_heads]}
    anchors |= {w for phrase in pl.road_words for w in phrase.lower().split()}
    return anchors, anchors | set(_FACILITY_KINDS) | set(_JOINERS)


def designator_patterns(pl: PlaceSettings) -> list[tuple[str, list[list[dict]], str | None]]:
    """The pattern-shaped place rules as spaCy Matcher patterns: (key, patterns, greedy), built
    from the ``[place]`` word lists."""
    out: list[tuple[str, list[list[dict]], str | None]] = []
    nouns = list(pl.designator_nouns)
    if nouns:
        word = {"IS_TITLE": True, "IS_ALPHA": True,
                "ORTH": {"NOT_IN": ["The", "A", "In", "At", "Of", "On", "And",
                                    "the", "a", "an", "in", "at", "of", "on", "and"]}}
        out.append(("PLACE", [[{**word, "OP": "+"}, {"LOWER": {"IN": nouns}, "IS_LOWER": True}],
                              [{**word, "OP": "+"}, {"ORTH": "-"}, {**word, "OP": "+"},
                               {"LOWER": {"IN": nouns}, "IS_LOWER": True}]], "LONGEST"))
    facilities, lower_only = list(pl.facility_nouns), list(pl.lowercase_facility_nouns)
    if facilities or lower_only:
        name: dict = {"IS_TITLE": True, "IS_ALPHA": True, "OP": "+",
                      "LOWER": {"NOT_IN": ["the", "a", "an", "in", "at", "of", "on", "and", "near"]}}
        kind: dict = {"LOWER": {"IN": _FACILITY_KINDS}, "OP": "?"}
        patterns: list[list[dict]] = []
        if facilities:
            patterns.append([name, kind, {"LOWER": {"IN": facilities}}])
        if lower_only:
            patterns.append([name, kind, {"LOWER": {"IN": lower_only}, "IS_LOWER": True}])
        out.append(("FACILITY", patterns, "LONGEST"))
    joined = list(pl.joined_heads)
    if joined:  # "India-Pakistan border", "German-Dutch border", "Van-Hakkari highway", "US/Mexico border"
        name = {"IS_ALPHA": True, "SHAPE": {"REGEX": "^X"}}
        out.append(("JOINED", [[name, {"ORTH": {"IN": _JOINERS}}, name,
                                {"LOWER": {"IN": joined}}]], "LONGEST"))
    for words in (w.split() for w in pl.road_words):
        out.append(("ROAD", [[*({"LOWER": w, "IS_TITLE": True} for w in words),
                              {"SHAPE": {"IN": _NUMBER_SHAPES}}]], None))
    return out


class PlaceRules:
    def __init__(self, nlp: Language, know: Knowledge):
        self.know = know
        self.lex = know.lex
        pl = know.settings.place
        self.not_name = set(know.settings.person.not_name_words)
        self.lower_facilities = set(pl.lowercase_facility_nouns)
        self.darknet_words = {w.lower() for w in know.settings.org.darknet_words}
        self.place_suffixes = set(pl.suffixes)
        # a person's post and the words that qualify one ("District Judge", "Acting Director")
        self.post_words = know.posts | set(know.settings.person.post_qualifiers)
        self.joined_heads = set(pl.joined_heads)
        self.title_heads = set(pl.title_heads)
        self.event_heads = {h for h in pl.event_heads if not h.islower()} | {
            w for h in pl.event_heads if h.islower() for w in (h, h.title())}
        self.currency_nouns = set(pl.currency_nouns)
        self.place_prefixes = [p.split() for p in pl.prefixes]
        self.place_org_suffixes: dict[str, list[list[str]]] = {}  # by first word: one lookup per span
        for p in pl.org_suffixes:
            words = [t.lower_ for t in nlp.tokenizer(p)]
            self.place_org_suffixes.setdefault(words[0], []).append(words)
        for options in self.place_org_suffixes.values():  # the longest first: "police department", not "police"
            options.sort(key=len, reverse=True)
        self.directions = set(pl.direction_prefixes)
        self.place_modifier_heads = set(pl.modifier_heads)
        self.not_datelines = set(pl.not_datelines)
        self.dateline_credits = {c.lower() for c in pl.dateline_credits}
        self.acronym_modifier_heads = set(pl.acronym_modifier_heads)
        self.org_place_heads = set(pl.org_place_heads)
        self.surname_heads = set(pl.surname_heads)
        self.org_words = set(pl.org_words)
        self.org_place_before = set(pl.org_place_before)
        self.facility_heads = set(pl.facility_heads)
        self.facility_modifiers = set(pl.facility_modifiers)
        self.building_before = set(pl.building_before)
        # lower-case words around a place's name that are no part of it (see name_core)
        self.core_tails = {*pl.suffixes, *(w.lower() for w in pl.facility_nouns), *pl.lowercase_facility_nouns,
                           *pl.facility_heads, *pl.facility_modifiers, *_FACILITY_KINDS,
                           *pl.designator_nouns, "crossing", "international", "checkpoint", "mountains", "hills"}
        # the words before a place's name that are no part of it, by their first word; longest first, in a
        # fixed order (a set's order would change with the process's hash seed)
        self.core_heads_by_first = by_word(
            sorted((w.split() for w in {*pl.prefixes, *pl.designator_of}), key=lambda w: (-len(w), w))
            + [[w] for w in sorted({*pl.designator_before, *pl.direction_prefixes})], 0)
        # "resident of Swabi", "the village of Kordovan": phrases after which a model name is a place, by
        # their last word, the word right before the name
        self.frames_by_last = by_word((w.split() for w in (*pl.residence_before, *pl.designator_of)), -1)
        self.designator_before = set(pl.designator_before)
        self.person_place_before = set(pl.person_place_before)
        self.designated = Matcher(nlp.vocab)
        self.greedy_keys: set[int] = set()
        for key, patterns, greedy in designator_patterns(pl):
            self.designated.add(key, patterns, greedy=greedy)
            if greedy:
                self.greedy_keys.add(nlp.vocab.strings.add(key))
        anchors, members = designator_words(pl)
        strings = nlp.vocab.strings
        self.anchor_ids = np.array(sorted(strings.add(w) for w in anchors), dtype="uint64")
        self.member_ids = np.array(sorted(strings.add(w) for w in members), dtype="uint64")
        self.number_shapes = np.array(sorted(strings.add(w) for w in _NUMBER_SHAPES), dtype="uint64")
        self.capital_shape: dict[int, bool] = {}  # shape -> whether it starts with a capital letter

    # -- spans found by rule ------------------------------------------------------------------
    def designator_runs(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) of the runs of tokens that a designator pattern may cover (capitalised
        words, the patterns' words, joiners, numbers) and that hold an anchor word: every match
        of ``self.designated`` lies within one of them, and no match crosses from one to another."""
        if not len(doc):
            return []
        arr = doc.to_array(["LOWER", "ORTH", "SHAPE", "IS_ALPHA", "IS_TITLE"])
        lower = arr[:, 0]
        anchor = np.isin(lower, self.anchor_ids)
        if not anchor.any():
            return []
        shapes, inverse = np.unique(arr[:, 2], return_inverse=True)
        known = self.capital_shape
        for sh in shapes.tolist():
            if sh not in known:
                known[sh] = doc.vocab.strings[sh][:1] == "X"
        capital = np.array([known[sh] for sh in shapes.tolist()], dtype=bool)[inverse]
        alpha = arr[:, 3].astype(bool)
        member = (np.isin(lower, self.member_ids) | np.isin(arr[:, 1], self.member_ids)
                  | np.isin(arr[:, 2], self.number_shapes) | (alpha & (capital | arr[:, 4].astype(bool))))
        runs = []
        n = len(doc)
        i = 0
        member_l, anchor_l = member.tolist(), anchor.tolist()
        while i < n:
            if not member_l[i]:
                i += 1
                continue
            j = i
            while j < n and member_l[j]:
                j += 1
            if any(anchor_l[i:j]):
                runs.append((i, j))
            i = j
        return runs

    def designator_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``self.designated(doc)``, in the same order, from the runs that can hold a match only
        (the Matcher's '+' patterns cost time on every capitalised word of the document)."""
        plain: list[tuple[int, int, int]] = []
        greedy: dict[int, list[tuple[int, int]]] = {}  # first appearance order, as the Matcher's
        for s, e in self.designator_runs(doc):
            for key, ms, me in self.designated(doc[s:e]):
                if key in self.greedy_keys:
                    greedy.setdefault(key, []).append((ms + s, me + s))
                else:
                    plain.append((key, ms + s, me + s))
        out = plain
        for key, pairs in greedy.items():  # the Matcher's order of a greedy key's matches
            out.extend((key, a, b) for a, b in sorted(pairs, key=lambda x: (x[1] - x[0], -x[0]), reverse=True))
        return out

    @staticmethod
    def _everyday(word: str) -> bool:
        """A lower-cased dictionary word, a plural, or a verb's -ing or -ed form ("declaring",
        "seized")."""
        if dictionary_form(word, dictionary_words()):
            return True
        verbs = word_classes().get("verb", frozenset())
        return any(word.endswith(end) and len(word) > len(end) + 2 and not verbs.isdisjoint(verb_stems(word, end))
                   for end in ("ing", "ed"))

    def designated_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """"<Name> district", "<Name> checkpoint", "India-Pakistan border", "Highway 12A"."""
        low = lowered(doc)  # a headline's everyday words open no name ("Sentenced for Running Incognito Market")
        out = []
        for key, s_, e_ in self.designator_matches(doc):
            while s_ < e_ - 2 and s_ in low:
                s_ += 1
            if s_ in low or any(i in low for i in range(s_ + 1, e_ - 1)):
                continue  # "Turkey Faces Long Road to EU": a headline's everyday words are no name's
            if doc.vocab.strings[key] == "JOINED" and self.know.place_name(doc[s_].text) \
                    and self.know.place_name(doc[s_ + 2].text):
                continue  # "[India]-[Pakistan] border": two countries are two places; "German-Dutch border" is one
            if doc.vocab.strings[key] == "FACILITY" and doc[e_ - 2].text in self.know.lex.demonyms:
                continue  # "the (North) American market", "a Mexican checkpoint": no name of a place
            if doc.vocab.strings[key] == "FACILITY" and self.know.known_org(doc[s_:e_ - 1].text) \
                    and not self.know.place_name(doc[s_:e_ - 1].text):
                continue  # a body's own station or post, no place's name: "a Garda station", "an RCMP checkpoint"
            if doc[e_ - 1].lower_ in self.lower_facilities and (
                    doc[s_:e_ - 1].text.lower() in self.darknet_words or self.know.known_org(doc[s_:e_ - 1].text)):
                continue  # "the Darknet market", "the old Silk Road market": a darknet market, no bazaar
            if e_ - s_ > 2 and doc[s_].is_sent_start and self._everyday(doc[s_].lower_) \
                    and self.know.place_name(doc[s_ + 1:e_ - 1].text) and not self.know.place_name(doc[s_:e_ - 1].text):
                s_ += 1  # the sentence's first word is no part of a known place's name: "Declaring [Mosul district]"
            if doc[s_].lower_ not in self.not_name and not doc[s_].is_sent_start or e_ - s_ > 2:
                out.append(trace.mark(Span(doc, s_, e_, label="PLACE"), _PATTERN_RULES[doc.vocab.strings[key]]))
        return out

    def dateline_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """A news dateline: upper-case words opening a line before a comma, dash or bracket that
        name a known place ("BERLIN -", "REGINA --"), or that a place, a state abbreviation or an
        agency credit follows ("MARQUETTE, MICHIGAN —", "VAN (AA) -"), or an unlisted agency's acronym in
        brackets and a dash ("SULAIMANI (ESTA) —": the acronym is an ORG too). "WARNING -" is no place."""
        out = []
        gazetteer = self.know.gazetteer
        for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
            i = sent.start
            while i < sent.end and doc[i].is_space:
                i += 1
            if i > 0 and "\n" not in doc[i - 1].text_with_ws and not doc[i - 1].is_space:
                continue  # only at the start of the text or of a line
            i = self._after_credit(doc, i, sent.end)
            j = i
            while j < sent.end and j - i < 3 and doc[j].is_alpha and doc[j].is_upper and len(doc[j]) > 1:
                j += 1
            if j == i or j >= len(doc) or doc[j].text not in {",", "(", ":", *DASHES}:
                continue
            name = doc[i:j]
            low = name.text.lower()
            if len(name.text) < 3 or low in self.not_datelines or name.text in self.lex.org_case_sensitive \
                    or low in self.lex.surfaces["ORG"]:
                continue
            after = doc[j + 1: j + 4]
            credited = doc[j].text == "(" and len(after) >= 2 and after[1].text == ")" \
                and after[0].text.lower() in self.dateline_credits
            # an agency the credits do not list, in capitals between the place and a dash: "SULAIMANI
            # (ESTA) —" (the dateline's form is the evidence; the agency is an ORG)
            agency = doc[j].text == "(" and len(after) == 3 and after[1].text == ")" and after[2].text in DASHES \
                and after[0].is_alpha and after[0].is_upper and 2 <= len(after[0]) <= 6 and not credited \
                and not any(common_word(t) for t in name)
            placed = doc[j].text == "," and len(after) >= 1 and (
                after[0].text.lower() in self.lex.surfaces["PLACE"]
                or after[0].text.title() in self.lex.surfaces["PLACE"]
                or after[0].text in self.lex.place_postal or after[0].text.title() in gazetteer)
            known = low in self.lex.surfaces["PLACE"] or name.text.title() in gazetteer or (
                doc[j].text != ":" and name.text.title() in all_place_names() and not any(common_word(t) for t in name))
            if known or credited or placed or agency:
                out.append(trace.mark(Span(doc, i, j, label="PLACE"), "place.dateline"))
            if agency:
                out.append(trace.mark(Span(doc, j + 1, j + 2, label="ORG"), "org.credit"))
        return out

    def _after_credit(self, doc: Doc, i: int, end: int) -> int:
        """Where a dateline starts when an agency's credit and a dash open the line ("Canadian Press -
        EDMONTON (CP) -"): after the dash; else ``i``."""
        for k in range(i + 1, min(i + 4, end)):
            if doc[k].text in DASHES:
                credit = doc[i:k].text.lower()
                if credit in self.lex.surfaces["ORG"] or credit in self.dateline_credits:
                    return k + 1
                break
        return i

    def postal_end(self, doc: Doc, i: int) -> int | None:
        """End of a state or province abbreviation starting at token i after "<Town>, " ("Tucson,
        Ariz.", "Ashern, Man.") or a legislator's party ("Rostenkowski, D-Ill.", "(R-Kans.)"), or
        None. An abbreviation that is also a word is not one before a capitalised word ("Jones,
        Man. United")."""
        party = i >= 3 and doc[i - 1].text == "-" and doc[i - 2].text in ("D", "R", "I") \
            and doc[i - 3].text in ("(", ",") and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_
        if not party and (i < 2 or doc[i - 1].text != "," or not doc[i - 2].text[:1].isupper()):
            return None
        postal = self.lex.place_postal
        end = None
        if doc[i].text in postal:
            end = i + 1
        elif i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_ and doc[i].text + "." in postal:
            end = i + 2
        if end is not None and end < len(doc) and doc[end].is_title and common_word(doc[i]):
            return None  # "Man. United", "Miss. Smith": a word-like abbreviation before a name
        if end is not None and common_word(doc[i]) and doc[i - 2].is_upper and not party:
            return None  # a line in capitals: "POLICE SEIZED HEROIN, IN A RAID" ("TYLER, TX" is a dateline)
        return end

    def postal_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """State and province abbreviations after a town ("Tucson, Ariz.", "Ashern, Man.") or a
        legislator's party ("Dan Glickman (D-Kans.)")."""
        texts = token_words(doc)[0]  # an abbreviation follows a comma or a party's "D-": only there is it looked for
        return [trace.mark(Span(doc, i, end, label="PLACE"), "place.postal") for i in range(2, len(doc))
                if texts[i - 1] in (",", "-") and (end := self.postal_end(doc, i)) is not None]

    # -- model spans --------------------------------------------------------------------------
    def validate(self, span: Span) -> Span | None:
        """A model PLACE that is a drug name, or that ends in a person's post ("the Plaza Boss in
        Colima"; not a place docmine knows), is dropped."""
        if self.lex.drug(span.text):
            return None
        if len(span) == 1 and span[0].is_title and span[0].lower_.rstrip(".") in self.know.posts \
                and not self.know.place_name(span.text):
            return None  # a title alone: "Ambassador Extraordinary and [Plenipotentiary] to Malaysia"
        if len(span) == 1 and span[0].lower_ in self.org_words and not self.know.place_name(span.text):
            return Span(span.doc, span.start, span.end, label="ORG")  # a body's word: "the police, the Gendarmerie"
        nxt = span.doc[span.end].text if span.end < len(span.doc) else ""
        if len(span) >= 2 and span[-1].is_title and span[-1].lower_ in self.org_words \
                and not self.know.place_name(span.text) and nxt == "of":
            return None  # a body's part named by the body after it: "the [General Secretariat] of the ..."
        if len(span) >= 2 and span[-1].is_title and span[-1].lower_ in self.know.posts \
                and not self.know.place_name(span.text) and nxt not in ("'s", "’s", "'", "’"):
            return None  # not before a possessive: "[Kennebec County Sheriff]'s Office" is a body's name
        return span

    def hyphen_places(self, doc: Doc, start: int, end: int, label: str = "PLACE") -> list[tuple[int, int]]:
        """The places of a name that is places joined by hyphens, no space around ("Romania-USA
        project", "the highway Prishtina-Gjilan"), each one docmine knows; else nothing. A body or
        person of the model only beside a road's word ("highway Prishtina-Gjilan", "Belgrade-Zagreb
        motorway"): "Louisiana-Pacific" is a company."""
        cuts = [i for i in range(start + 1, end - 1) if doc[i].text in ("-", "–")
                and not doc[i - 1].whitespace_ and not doc[i].whitespace_]
        if not cuts:
            return []
        if label != "PLACE" and not (start > 0 and doc[start - 1].lower_ in self.joined_heads
                                     or end < len(doc) and doc[end].lower_ in self.joined_heads):
            return []
        bounds = [start, *cuts, end]
        pieces = [(bounds[0], bounds[1])] + [(bounds[k] + 1, bounds[k + 1]) for k in range(1, len(bounds) - 1)]
        if all(e > s and self.know.place_name(doc[s:e].text) for s, e in pieces):
            return pieces
        return []

    def comma_places(self, doc: Doc, start: int, end: int, label: str = "PLACE") -> list[tuple[int, int]]:
        """A town and its county, state or country the model read as one name ("from [Bow, East
        London]", "[Folkestone, Kent]"): the two places, when the part after the one comma is a place
        docmine knows and the part before is capitalised words (a place docmine knows, for a model
        body); else nothing."""
        commas = [i for i in range(start + 1, end - 1) if doc[i].text == ","]
        if len(commas) != 1:
            return []
        k = commas[0]
        town, area = doc[start:k], doc[k + 1:end]
        if not self.know.place_name(area.text) or not all(t.is_title or not t.is_alpha for t in town) \
                or label != "PLACE" and not self.know.place_name(town.text):
            return []
        return [(start, k), (k + 1, end)]

    def post_word(self, tok) -> bool:
        """A capitalised word of a person's post: "Sheriff", "District" (in "District Judge")."""
        return tok.is_title and tok.lower_.rstrip(".") in self.post_words

    def post_before_name(self, doc: Doc, i: int) -> bool:
        """Tokens from ``i`` are a person's post and the person's name follows: "Sheriff Ed
        Gonzalez", "District Judge Xavier Rodriguez" (``[person] titles`` and ``post_qualifiers``,
        capitalised; then a first name or the start of a model PERSON)."""
        k = i
        while k < len(doc) and self.post_word(doc[k]):
            k += 1
        return k > i and k < len(doc) and any(t.lower_.rstrip(".") in self.know.posts for t in doc[i:k]) \
            and doc[k].is_title and (self.know.given_name(doc[k]) or doc[k].ent_type_ == "PERSON")

    def before_post(self, span: Span, trace: Trace) -> Span:
        """A model ORG or PLACE that runs a place into a person's post, right before the person's
        name, is the place: "[Texas] Attorney General Ken Paxton", "[U.S.] Magistrate Judge Anne
        Berton" (:meth:`post_before_name`). The rest must be a place docmine knows, or a name and a
        place designator ("Harris County"); a body's name before a post stays ("Texas Department
        of Public Safety Director Steve McCraw")."""
        doc = span.doc
        end = span.end
        while end > span.start + 1 and self.post_word(doc[end - 1]):
            end -= 1
        if end == span.end or not self.post_before_name(doc, end):
            return span
        rest = Span(doc, span.start, end, label="PLACE")
        if not (self.know.place_name(rest.text) or self.know.known_place(rest)
                or len(rest) >= 2 and rest[-1].is_title and rest[-1].lower_ in self.place_suffixes):
            return span
        return trace.mark(rest, "place.clean")

    def outside_titles(self, spans: list[Span], headline) -> list[Span]:
        """Without the places inside the capitalised name of a plan, framework, dialogue or
        report ("the U.S.-Mexico Bicentennial Framework for Security", "the U.S.-Canada Opioid
        Action Plan", "the Woodside Summit", "the United States-Mexico-Canada Agreement" the model read
        as one place, "the North America Leaders’ Summit": the guidelines annotate no place inside a
        title); such names end in one of ``[place] title_heads``. Not in a headline in title case, nor
        a country's government ("the U.S. Government’s ... Working Group"). Nor the place that names an event
        ("the Vietnam War", "the Athens Games"; ``[place] event_heads``)."""
        heads = self.title_heads
        places_at = {s.start: s for s in spans if s.label_ == "PLACE"}

        def in_title(span: Span) -> bool:
            doc = span.doc
            i = span.end
            while i + 1 < len(doc) and doc[i].text in _JOINERS and i + 1 in places_at:
                i = places_at[i + 1].end  # "U.S.-Mexico", "U.S.-Canada"
            if i < len(doc) and (doc[i].text in self.event_heads or i + 1 < len(doc)
                                 and f"{doc[i].text} {doc[i + 1].text}" in self.event_heads):
                return True  # "the Vietnam War", "the Athens Games": an event (``[place] event_heads``)
            last = span[-1]
            if len(span) > 1 and last.text in self.event_heads and last.is_title:
                return not headline(span)  # the event run into the place: "[Vienna Conference]"
            if last.is_alpha and last.is_title and last.lower_ in heads:
                # the title run into the place ("United States-Mexico-Canada Agreement"), or its head alone
                return len(span) == 1 or not headline(span)
            # words of the title the model ran into the place count: "[North America Leaders]’ Summit"
            # (not a country's government: "the [U.S. Government]’s Threat Mitigation Working Group")
            words = 1 if len(span) > 1 and last.lower_ not in _RULERS and not self.know.place_name(span.text) else 0
            for t in doc[i: i + 6]:
                if t.is_alpha and t.is_upper and t.lower_ in heads:
                    return True  # an acronym head: "Indiana HIDTA", in a list or a headline too
                if t.is_alpha and t.is_title:
                    if t.lower_ in heads or t.text in self.event_heads and not (
                            t.i + 1 < len(doc) and doc[t.i + 1].is_alpha and doc[t.i + 1].is_title):
                        # "the Woodside Summit", "the Paris Agreement" too; an event's name: "the
                        # Delaware Water Gap Jazz Festival", "the MTV Europe Music Award"
                        return not headline(span)
                    words += 1
                elif not (t.lower_ in ("and", "of", "-", "&") or words and t.text in ("'", "’", "'s", "’s")
                          and doc[t.i - 1].lower_ not in _RULERS):
                    return False  # "North America Leaders’ Summit": a possessive inside the title
            return False

        drop = set()
        for span in spans:
            if span.label_ == "PLACE" and span.start not in drop and span.text[:1].isupper() and in_title(span):
                drop.add(span.start)
                i = span.end  # the joined places after it belong to the same title
                while i + 1 < len(span.doc) and span.doc[i].text in _JOINERS and i + 1 in places_at:
                    drop.add(i + 1)
                    i = places_at[i + 1].end
        return [s for s in spans if not (s.label_ == "PLACE" and s.start in drop)]

    def not_currencies(self, spans: list[Span]) -> list[Span]:
        """Without the places that name a currency ("Hong Kong dollars", "U.S. dlrs"; ``[place]
        currency_nouns``) and the names that end in one, whatever the model called them ("Russian
        Rubles", "United States Dollars" as an ORG; alone only in the plural, "Euros"): a currency is
        no entity."""
        def currency(span: Span) -> bool:
            doc = span.doc
            last = span[-1].lower_
            if last in self.currency_nouns and (len(span) > 1 or last.endswith("s")
                                                and not (span.text.isupper() and span.label_ == "PERSON")):
                return True  # one word only in the plural: "Euros", not "Rand" or "Lev" (nor the handle "BITCOINS")
            if span.label_ == "PLACE" and len(span.text) <= 4 and span.text.replace(".", "").isupper() \
                    and span.end < len(doc) and doc[span.end].text in ("$", "¥", "£"):
                return True  # "US $50 million", "NZ $2 million", "HK $1 billion": the currency's name
            return span.label_ == "PLACE" and span.end < len(doc) and doc[span.end].lower_ in self.currency_nouns
        return [s for s in spans if not currency(s)]

    def extent(self, span: Span, trace: Trace) -> Span | None:
        """Designators belong to the place; "<place> police" is an organisation."""
        doc = span.doc
        start, end = span.start, span.end
        for words in self.place_org_suffixes.get(doc[end].lower_, ()) if end < len(doc) else ():
            if words_at(doc, end, words) and not doc[end].is_lower and not self.post_before_name(doc, end):
                # "Quebec Police" names the body; "Quebec police", as "Bulgarian customs", is the place and a
                # common noun (GUIDELINES.md); not "Harris County Sheriff Ed Gonzalez"
                return trace.mark(Span(doc, start, end + len(words), label="ORG"), "place.org_suffix")
        paired = start >= 2 and doc[start - 1].text in _JOINERS and self.know.place_name(doc[start - 2].text)
        while end < len(doc) and (doc[end].lower_ in self.place_suffixes or (
                doc[end].lower_ == "international" and end + 1 < len(doc) and doc[end + 1].lower_ == "airport"
        )) and not (
            end + 1 < len(doc) and doc[end + 1].lower_ == "of"
        ) and not (paired and doc[end].lower_ in self.joined_heads) and not self.post_before_name(doc, end):
            end += 1  # but "U.S.-Mexico border": the border is both places', not Mexico's alone
        while start > 0 and doc[start - 1].lower_ in self.directions and (
                doc[start - 1].is_title or doc[start].lower_ in self.place_suffixes or span.end - span.start > 1):
            start -= 1  # "Upper Dir", "Northern Belize District"; not "northern Laos"
        before = token_words(doc)[1][start - 1] if start > 0 else None
        for words in self.place_prefixes:
            if (not words or words[-1] == before) and words_at(doc, start - len(words), words):
                start -= len(words)
                break
        if (start, end) == (span.start, span.end):
            return span
        return trace.mark(Span(doc, start, end, label="PLACE"), "place.extent")

    def relabel(self, span: Span, lex_keys: set, trace: Trace) -> Span:
        """A model ORG or PERSON that names a place: a designator head ("Peshawar International
        Airport", "Jinnah Town"), a residence ("resident of Swabi"), or an unknown ORG after a
        locative preposition ("at GPO", "near MBC Church"). A designator written before a place
        name joins it ("district Khanewal")."""
        doc = span.doc
        start, end, label = span.start, span.end, span.label_
        if label in ("ORG", "PERSON") and (start, end) not in lex_keys:
            words = [t.lower_ for t in span]
            nxt = doc[end].text if end < len(doc) else ""
            if not any(w in self.org_words for w in words) and nxt not in APOS:
                prev = doc[start - 1].lower_ if start > 0 else ""
                before = token_words(doc)[1][start - 1] if start > 0 else ""
                resident = any(words_at(doc, start - len(w), w) for w in self.frames_by_last.get(before, ())) \
                    or (label == "PERSON" and prev == "of" and start > 2 and doc[start - 2].text == ","
                        and doc[start - 3].like_num and self.nameless(span))  # "Kessler, 41, of Stewardsville"
                # "a raid in Piliyawatta": after "in" / "near"
                located = label == "PERSON" and prev in self.person_place_before and self.nameless(span)
                postal = end + 1 < len(doc) and self.postal_end(doc, end + 1) is not None
                designated = end < len(doc) and doc[end].is_lower and doc[end].lower_ in self.place_suffixes \
                    and self.know.place_name(span.text)  # "Colima state", "Helmand province"
                # "the Bassiani nightclub", "the Marriott hotel", "the Alejandro Velasco Astete airport": the
                # name of a building or a place
                building = (prev == "the" or label == "ORG" and prev in self.building_before) \
                    and self.facility_after(doc, end)
                headed = words[-1] in self.org_place_heads and len(span) > 1 \
                    and (label == "ORG" or span[-1].is_title
                         and (words[-1] not in self.surname_heads or self.nameless(span)))
                if headed or self.apposed_place(span) \
                        or resident or located or postal or designated or building or self.in_place_list(span) \
                        or (label == "ORG" and prev in self.org_place_before
                            and (span.text in self.know.gazetteer or words[-1] in self.facility_heads)):
                    label = "PLACE"
        if label in ("PLACE", "PERSON") and (start, end) not in lex_keys and len(span) > 1 \
                and span[-1].lower_ in self.org_words:
            label = "ORG"  # the model's "Kennebec County Sheriff's Office" as GPE, "Manitoba RCMP" as PERSON
        if label in ("ORG", "PERSON") and len(span) > 1 and span[0].lower_ in self.designator_before \
                and (start, end) not in lex_keys:
            label = "PLACE"  # "Tehsil Kuchlak" as one model entity
        if label in ("PLACE", "PERSON") and start > 0 and doc[start - 1].lower_ in self.designator_before \
                and not (start > 1 and doc[start - 2].lower_ in ("the", "a", "this", "that")) \
                and (label == "PLACE" or doc[start - 1].is_lower or doc[start - 1].is_title):
            start -= 1  # "district Khanewal", "Tehsil Kuchlak"
            label = "PLACE"
        if (start, end, label) == (span.start, span.end, span.label_):
            return span
        rule = "place.designator_before" if start != span.start else "place.relabel"
        return trace.mark(Span(doc, start, end, label=label), rule)

    def facility_after(self, doc: Doc, end: int) -> bool:
        """A lower-case facility head at ``end``, perhaps after one of ``facility_modifiers``: "the Marriott
        hotel", "at Lunga Lunga border", "the Palmerola military base"."""
        def head(i: int) -> bool:
            return i < len(doc) and doc[i].is_lower \
                and (doc[i].lower_ in self.facility_heads or doc[i].lower_ in self.org_place_heads)

        return head(end) or end < len(doc) and doc[end].lower_ in self.facility_modifiers and head(end + 1)

    _APPOSITION_END = frozenset({",", ".", ";", ":", "in", "on", "near", "outside", "where", "that", "which", "north",
                                 "south", "east", "west", "about", "some", "just", "with", "of", ")", "—", "–"})

    # a place's nouns of a facility (the rest of ``facility_heads`` -- school, hospital, hotel -- are
    # often a body's: "Presidio Graduate School, a business school")
    _APPOSED_PLACES = frozenset({"prison", "jail", "camp", "farm", "beach", "bridge", "cemetery", "marina", "market",
                                 "bazaar", "plaza", "square", "park"})

    def apposed_place(self, span: Span) -> bool:
        """An apposition says the name is a place: "La Roca, a maximum security prison", "Hajvali, a
        village near Prishtina" (a facility's or a place's noun ends the apposition: "Ivan Roca, a
        prison guard" is no place). Only a name with no first name."""
        doc, i = span.doc, span.end
        if not (i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("a", "an", "the")):
            return False
        for k in range(i + 2, min(i + 6, len(doc))):
            tok = doc[k]
            if not tok.is_lower and tok.text != "-":
                return False
            if (tok.lower_ in self._APPOSED_PLACES or tok.lower_ in self.org_place_heads
                    or tok.lower_ in self.place_suffixes) and tok.lower_ != "division":  # "a division of" a firm
                nxt = doc[k + 1].lower_ if k + 1 < len(doc) else "."
                return nxt in self._APPOSITION_END and self.nameless(span) \
                    and span[-1].lower_ not in self.org_words and span[-1].lower_ not in self.facility_heads
        return False

    def nameless(self, span: Span) -> bool:
        """No first name in it (given_names.txt), not only everyday words ("concealed in Dry Milk
        Boxes"), and no initial: a name that may be a place's."""
        first = span[0].text.rstrip(".")
        return len(first) > 1 and first[:1].isalpha() and not any(self.know.given_name(t) for t in span) \
            and not all(dictionary_word(t) for t in span)

    def in_place_list(self, span: Span) -> bool:
        """A known place name in a list of places: "Tbilisi, Batumi, and Kutaisi", "Kutaisi and
        Batumi" (the model reads the last item of a list of cities as a person). The name itself
        must be one the lexicon or gazetteer knows, or a name it does not know at all that starts
        with no first name ("Sevilla, Valencia, Ibizza and Malaga"), and a neighbouring item, across
        a comma, "and" or "or", a place it knows."""
        doc = span.doc
        known = self.know.place_name(span.text)
        if not known and (self.know.given_name(span[0]) or self.know.known_org(span.text)):
            return False

        def neighbour(i: int, step: int, conjunction: bool = False) -> bool:
            glue = 0
            while 0 <= i < len(doc) and doc[i].text in (",", "and", "or") and glue < 2:
                conjunction = conjunction or doc[i].text != ","
                i, glue = i + step, glue + 1
            if not glue or (not conjunction and not known and step < 0):
                # an unknown name after a place and a comma is often a person ("the chief of Valencia, Tarsem Walia")
                return False
            if not (0 <= i < len(doc)) or not doc[i].is_title:
                return False
            j = i
            while 0 <= j + step < len(doc) and doc[j + step].is_title and abs(j + step - i) < 3:
                j += step
            lo, hi = min(i, j), max(i, j) + 1
            if step < 0:  # the whole name before: "Air New Zealand and Qantas Airways" is no place list
                return self.know.place_name(doc[lo:hi].text)
            return any(self.know.place_name(doc[lo:b].text) for b in range(hi, lo, -1))

        if known:
            return neighbour(span.start - 1, -1) or neighbour(span.end, 1)
        # an unknown name: the last item after "and" / "or", or an item between two places
        return neighbour(span.start - 1, -1) or (neighbour(span.start - 1, -1, True) and neighbour(span.end, 1))

    def coordinated(self, spans: list[Span], lex_keys: set, trace: Trace) -> list[Span]:
        """A model PERSON or ORG in a list whose other items are places is one of them ("the
        municipalities of [La Cruz] and [Balboa]": the model labels each item on its own). Only a
        name no lexicon knows, with no first name, no body's word and not every word an everyday
        one; every neighbour across ",", "and" or "or" must be a PLACE, and a single neighbour must
        be joined by "and" / "or" (after a place and a comma often comes a person)."""
        out = list(spans)
        for k, span in enumerate(spans):
            if span.label_ not in ("PERSON", "ORG") or (span.start, span.end) in lex_keys \
                    or trace.rule(span) in KIND_RULES:
                continue  # the noun beside it says what it is ("Monopoly Market and Abacus")
            near = list_neighbours(spans, k)
            if near and (span.label_ == "PERSON" and self.located_list(spans, k, near)
                         or all(other.label_ == "PLACE" for other, _ in near) and (len(near) == 2 or near[0][1])
                         and (any(self.know.place_name(other.text) for other, _ in near)
                              or self.listed_after_frame(spans, k))) \
                    and not any(t.lower_ in self.org_words for t in span) and not self.know.known_org(span.text) \
                    and self.nameless(span):
                out[k] = trace.mark(Span(span.doc, span.start, span.end, label="PLACE"), "place.relabel")
        return out

    def listed_after_frame(self, spans: list[Span], k: int) -> bool:
        """The list that holds ``spans[k]`` follows a place frame: "the municipalities of [La Celia]
        and [Balboa]" (``designator_of``, ``residence_before``)."""
        k = _list_first(spans, k)
        start, doc = spans[k].start, spans[k].doc
        before = token_words(doc)[1][start - 1] if start > 0 else ""
        return any(words_at(doc, start - len(w), w) for w in self.frames_by_last.get(before, ()))

    def located_list(self, spans: list[Span], k: int, near: list[tuple[Span, bool]]) -> bool:
        """``spans[k]`` is a later item of a list whose first item is a place after a locative
        preposition (``person_place_before``): "addresses in [Miller], [Baulkham Hills], and Kings
        Park"; a model person only: the model reads the list's unknown places as people (a body there
        is often a company listed with its town). The item after a comma needs another item after it
        ("in Valencia, Tarsem Walia said" is a place and a person)."""
        doc, span = spans[k].doc, spans[k]
        if not near[0][0].end <= span.start:
            return False
        if not near[0][1]:  # joined by a comma only: the list goes on
            after = doc[span.end: span.end + 3]
            if not (len(after) >= 2 and after[0].text in (",", "and", "or")
                    and (after[1].is_title or after[1].text in ("and", "or") and len(after) > 2 and after[2].is_title)):
                return False
        first = _list_first(spans, k)
        head = spans[first]
        return first < k and head.label_ == "PLACE" and head.start > 0 \
            and doc[head.start - 1].lower_ in self.person_place_before

    def coordinated_regions(self, spans: list[Span], trace: Trace) -> list[Span]:
        """Directions coordinated before one region's name name one region: "West and Central
        Africa", "Eastern and South-Eastern Europe", "Central, Northern and Western Europe" (the
        guidelines: a fixed region written as one is one span). Only when every direction with the
        region's name is a place the lexicons know ("West Africa", "Central Africa"). The spans the
        model made of the directions before ("West" as a place, "Eastern" as an organisation) go;
        a span that reaches further ("Regional Office for West") keeps the region apart."""
        if not spans:
            return spans
        doc = spans[0].doc
        out = list(spans)
        for span in spans:
            if span.label_ != "PLACE":
                continue
            first = self._direction_end(doc, span.start)
            if first is None or first >= span.end:
                continue  # not a direction and a name
            rest = doc[first:span.end].text
            start = span.start
            heads = [doc[span.start:first].text]
            # "and" right before the name, commas before that: "Central, Northern and Western Europe"
            while start > 1 and doc[start - 1].lower_ in ("and", ",") \
                    and (start == span.start) == (doc[start - 1].lower_ == "and"):
                before = self._direction_start(doc, start - 1)
                if before is None or not doc[before].is_title:
                    break
                heads.append(doc[before:start - 1].text)
                start = before
            if start == span.start or not all(self.know.place_name(f"{h} {rest}") for h in heads):
                continue
            inside = [o for o in out if o.start < span.start and o.end > start]
            if any(o.start < start or o.end > span.start for o in inside):
                continue  # a longer name holds the directions
            merged = trace.mark(Span(doc, start, span.end, label="PLACE"), "place.coordinated_region")
            out = [merged if o is span else o for o in out if o not in inside]
        return out

    def _direction_end(self, doc: Doc, i: int) -> int | None:
        """The token after a direction starting at ``i`` ("West", "South-Eastern"), or None."""
        if doc[i].lower_ not in self.directions:
            return None
        if i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in self.directions:
            return i + 3
        return i + 1

    def _direction_start(self, doc: Doc, end: int) -> int | None:
        """The first token of a direction ending before ``end`` ("West", "South-Eastern"), or None."""
        i = end - 1
        if i < 0 or doc[i].lower_ not in self.directions:
            return None
        if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in self.directions:
            return i - 2
        return i

    # -- merges and roles ---------------------------------------------------------------------
    def merge_possessive(self, spans: list[Span], trace: Trace) -> list[Span]:
        """A place inside a place's possessive is one place: "Chiang Rai's Doi Luang district"."""
        def join(prev: Span, sp: Span) -> Span | None:
            if prev.label_ == sp.label_ == "PLACE" and sp.start == prev.end + 1 \
                    and sp.doc[prev.end].text in POSS_TOKENS \
                    and not self.know.known_place(sp):  # "Spain's Algeciras port" stays two places
                label = "ORG" if sp[-1].lower_ in self.org_words else "PLACE"  # "... County Sheriff's Office"
                return trace.mark(Span(sp.doc, prev.start, sp.end, label=label), "place.possessive")
            return None
        return merge_adjacent(spans, join)

    def name_core(self, span: Span) -> list[Span]:
        """The place's name without the lower-case words around it, as the project's annotation
        guidelines and general NER mark it: "[Helmand] province", "the port of [Antwerp]", "the
        [Mirjaveh] border crossing", "district [Khuzdar]", "central [Iraq]"; a possessive names two
        places ("[Sudan]'s [Darfur] region"), and so does a gloss ("[Santos] ([Brazil])", "[Dammam]
        ([KSA])"). Capitalised designators belong to the name ("Peshawar International Airport",
        "Belize District"). The span itself when nothing is left out, or when no capitalised word
        would be left ("the southwest border")."""
        doc = span.doc
        start, end = span.start, span.end
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in self.core_tails:
            end -= 1
        stripped = True
        while stripped:
            stripped = False
            first = doc[start]
            for words in self.core_heads_by_first.get(first.lower_, ()) if first.is_lower else ():
                n = len(words)
                if end - start > n and all(doc[start + k].is_lower and doc[start + k].lower_ == words[k]
                                           for k in range(n)):
                    start += n
                    stripped = True
                    break
        if start == span.start and start > 1 and doc[start - 1].text == "The" and not doc[start - 1].is_sent_start \
                and (doc[start - 2].is_lower and doc[start - 2].is_alpha or doc[start - 2].text == ",") \
                and "\n" not in doc[start - 2].whitespace_:
            # a capital "The" inside a sentence is the place's own ("in The Hague", "Afghanistan, The Bahamas")
            return [Span(doc, start - 1, end, label=span.label_)]
        if start == span.start and start > 0 and doc[start - 1].text == "The" \
                and self.lex.canonical("PLACE", doc[start:end].text) == f"The {doc[start:end].text}":
            # a place whose canonical name has its "The", opening a line: "The Hague, 14 February 2024"
            # (not "The Netherlands", whose canonical name is without it)
            return [Span(doc, start - 1, end, label=span.label_)]
        pieces = [(start, end)]
        opening = next((i for i in range(start + 1, end - 2) if doc[i].text == "("), None)
        if doc[end - 1].text == ")" and opening is not None:  # a gloss names a second place: "[Santos] ([Brazil])"
            return [Span(doc, a, b, label=span.label_) for a, b in ((start, opening), (opening + 1, end - 1))]
        poss = [i for i in range(start + 1, end - 1) if doc[i].text in POSS_TOKENS]
        if len(poss) == 1 and not self.know.place_name(doc[start:end].text):  # not "People's Republic of China"
            pieces = [(start, poss[0]), (poss[0] + 1, end)]
        if pieces == [(span.start, span.end)] \
                or not all(any(t.text[:1].isupper() for t in doc[a:b]) for a, b in pieces):
            return [span]
        return [Span(doc, a, b, label=span.label_) for a, b in pieces]

    def adjective_only(self, span: Span) -> bool:
        """A place phrase whose name is a nationality adjective: "the western Sudanese region", "the
        Basque region" name no place (only a named place is one)."""
        if len(span) < 2 or not (span[0].is_lower or span[-1].is_lower):
            return False  # nothing to strip: the span is its name
        cores = self.name_core(span)
        if len(cores) != 1 or cores[0] is span or len(cores[0]) != 1 or self.know.lexicon_place(cores[0].text):
            return False
        word = cores[0].text
        return word in self.know.lex.demonyms or word.lower().endswith(_NATIONALITY_ENDINGS) \
            and word.lower() in self.adjectives

    @cached_property
    def adjectives(self) -> frozenset[str]:
        """WordNet's adjectives, read on first use."""
        return word_classes()["adj"]

    def is_modifier(self, nxt, span: Span | None = None) -> bool:
        """A place before a possessive or a head noun modifies it: "Mexico's shipping routes",
        "a Belfast man"; so does a country acronym before one of ``acronym_modifier_heads``
        ("U.S. ports", "US federal prosecutors"; not "the UK took part")."""
        if nxt is None or not nxt.is_lower and nxt.lower_ not in POSS_TOKENS:
            return False
        if nxt.lower_ in POSS_TOKENS or nxt.lower_ in self.place_modifier_heads:
            return True
        bare = span.text.replace(".", "") if span is not None else ""
        return bare.isupper() and len(bare) <= 4 and nxt.lower_ in self.acronym_modifier_heads


def _list_first(spans: list[Span], k: int) -> int:
    """The index of the first item of the coordinated list that holds ``spans[k]``."""
    while k > 0 and any(o is spans[k - 1] for o, _ in list_neighbours(spans, k)):
        k -= 1
    return k
