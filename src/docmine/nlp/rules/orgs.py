"""Organisations: what a model ORG may not be, and organisation names completed from their
parts (settings: ``[org]`` in rules.toml, plus ``[place] org_words``).

Rules: ``org.unit_suffix`` ("UNODC Country Office" -> "UNODC"), ``org.starts_in_place`` (the
lexicon's "Bosnia and Herzegovina" and the model's "Herzegovina State Border Service" joined),
``org.ends_in_place`` (the model's "UNODC Regional Office for Southeast Asia" and the lexicon's
"Asia and the Pacific" joined), ``org.agency_unit`` ("ANF Peshawar"), ``org.of_place`` ("Ministry of Internal Affairs
of Russia"), ``org.credit`` (a news agency's credit: "BAGHDAD (AFP) -", "Reuters - "). Model
ORGs that are amounts, programmes, portfolios, conventions or generic words are dropped here
(see :meth:`OrgRules.validate`).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from docmine.nlp.doctext import doc_text, token_words
from docmine.nlp.gazetteer import every_place_name, verb_form
from docmine.nlp.lexicon import plural_forms
from docmine.nlp.rules.base import (
    DASHES,
    MONTHS,
    OPENERS,
    POSS_TOKENS,
    WEEKDAYS,
    Knowledge,
    Trace,
    all_place_names,
    common_word,
    dictionary_word,
    is_amount,
    merge_adjacent,
    title_case_sentence,
)
from docmine.nlp.rules.persons import PersonRules

RULES = ("org.unit_suffix", "org.unit", "org.starts_in_place", "org.ends_in_place", "org.agency_unit", "org.of_place",
         "org.title_tail", "org.credit", "org.media", "org.building", "org.company", "org.market", "org.legal_form",
         "org.post_body", "org.group_name", "person.handle")
# words that join the capitalised words of a company's name ("Morgan Stanley and Co", "Banco de Chile")
NAME_JOINS = frozenset(("and", "&", "of", "de", "del", "do", "da", "du", "la", "le", "der", "von", "van", "-", "/"))


# person titles that also end names of bodies or of things ("Grand National", "Kenya National")
ROLE_HEADS_KEPT = frozenset(("national", "general", "senior", "junior", "project", "programme", "rear", "vice"))
HEAD_PREPOSITIONS = frozenset(("of", "for", "on", "against", "to", "with", "between", "in"))


def phrase_head(span: Span) -> str:
    """The head noun of a name: the last word before its first preposition ("Framework" in
    "Bicentennial Framework for Security", "Statement" in "National Statement on Behalf"), else
    its last word; lower case, "" when there is none."""
    words: list[str] = []
    for t in span:
        if t.lower_ in HEAD_PREPOSITIONS and t.is_lower and words:
            break
        if t.is_alpha:
            words.append(t.lower_)
    return words[-1] if words else ""


_SENTENCE_ENDS = frozenset((".", "!", "?", '"', "”", "’", "'"))


def _ends_paragraph(doc: Doc, i: int) -> bool:
    """Is token ``i`` the last word of its paragraph (only punctuation or a blank line after it)?"""
    for t in doc[i + 1:]:
        if "\n" in t.text:
            return True
        if not t.is_punct:
            return False
        if "\n" in t.whitespace_:
            return True
    return "\n" in doc[i].whitespace_ or i == len(doc) - 1


# lower-case words inside a place's name ("Frankfurt am Main", "Castellón de la Plana")
_PLACE_PARTICLES = frozenset(("am", "an", "de", "del", "della", "di", "da", "do", "du", "la", "le", "der",
                              "von", "van"))
# with [org] unit_heads, the heads of a unit's name after its known parent ("the TNP Narcotics Department"):
# words of departments and formations that name a body alone ("Department of Justice") but not after a known one
_PARENT_UNIT_HEADS = frozenset(("department", "battalion", "wing", "group", "groups", "command", "team", "directorate"))
_TIME_WORDS = frozenset(("yesterday", "today", "tomorrow", "tonight", "earlier", "later", "separately"))


_NAMING_VERBS = ("called", "named")
_LIST_OPENERS = ("like", "including")
_INTRODUCING_WORDS = frozenset((*_NAMING_VERBS, *_LIST_OPENERS, "as"))
"""The words after which :func:`_introducing_noun` (with its default verbs) can find a noun."""


def _introducing_noun(doc: Doc, i: int, verbs: tuple[str, ...] = _NAMING_VERBS) -> tuple[int, bool] | None:
    """The noun before the word ``i`` that introduces a name after it, and whether it opens a list:
    "a gang [called]", "gangs [like]", "markets [including]", "markets such [as]"; else None."""
    low = doc[i].lower_
    if low in verbs and i > 0:
        return i - 1, False
    if low in _LIST_OPENERS and i > 0:
        return i - 1, True
    if low == "as" and i > 1 and doc[i - 1].lower_ == "such":
        return i - 2, True
    return None


def _next_item(doc: Doc, end: int) -> int | None:
    """Where the next item of a list starts after a name ending at ``end`` (", ", " and ", ", or "),
    or None at the list's end."""
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("and", "or"):
        return end + 2
    if end + 1 < len(doc) and (doc[end].lower_ in ("and", "or") or doc[end].text == ","):
        return end + 1
    return None


def _capitalised(t) -> bool:
    """A word of a name: a capital first, letters (and dots or hyphens: "P.W.", "Coca-Cola")."""
    text = t.text
    return text[:1].isupper() and any(c.isalpha() for c in text) and all(c.isalnum() or c in ".-'&" for c in text)



def _signs_off(texts: list[str], i: int) -> bool:
    """The word at ``i`` follows a sentence's end, or a dash after one: "... said. Reuter", "...
    through. — AFP", "... said. -AFP"."""
    return i > 0 and texts[i - 1] in _SENTENCE_ENDS \
        or i > 1 and texts[i - 1] in DASHES and texts[i - 2] in _SENTENCE_ENDS


class OrgRules:
    def __init__(self, know: Knowledge, persons: PersonRules):
        self.know = know
        self.lex = know.lex
        self.persons = persons
        org = know.settings.org
        # with their plurals ("Executive Orders", "National Drug Control Strategies"), but not of a body's
        # parts ("Teams of the Gendarmerie Station Command" is a body) nor "Systems", which names
        # companies ("Cisco Systems", "BAE Systems") where "System" names a database
        self.not_org_heads = set(org.not_org_heads) | {
            p for w in org.not_org_heads if w not in ("team", "branch", "section", "desk", "system")
            for p in plural_forms(w)}
        self.not_org_starts = tuple(org.not_org_starts)
        self.not_org_before = set(org.not_org_before)
        self.currencies = set(org.currencies)
        self.portfolio_words = set(org.portfolio_words)
        self.unit_suffixes = [u.split() for u in org.unit_suffixes]
        self.generic_org = set(org.generic_words)
        self.of_heads = set(org.of_place_heads)
        self.credits = {c.lower() for c in know.settings.place.dateline_credits}
        self.media_words = [w.split() for w in org.media_words]
        self.press_nouns = {w[0] for w in self.media_words if len(w) == 1}  # "daily", not "news agency"
        self.credit_verbs = set(org.credit_verbs)
        self.company_words = set(org.company_words)
        self.market_words = set(org.market_words)
        self.group_words = set(org.group_words)
        self.unit_heads = set(org.unit_heads)
        self.place_unit_heads = set(org.place_unit_heads)
        self.parent_unit_heads = self.unit_heads | _PARENT_UNIT_HEADS
        self.word_names = set(org.word_names)
        self.handle_words = set(know.settings.person.handle_words)
        self.post_bodies = set(org.post_bodies)
        self.group_heads = set(org.named_group_heads)
        self.group_modifiers = set(org.named_group_modifiers)
        self.post_body_heads = set(org.post_body_heads)
        # directions alone are no body: [place] direction_prefixes, not "upper"/"lower" ("Upper" names things)
        self.directions = set(know.settings.place.direction_prefixes) - {"upper", "lower"}
        # the head of an apposition that says what a name is
        self.kind_words = self.market_words | self.company_words | self.group_words
        self.list_words = self.market_words | self.group_words  # "markets such as Hydra", "gangs like Brothas"
        self.group_not_after = set(org.group_not_after)
        self.legal_forms = frozenset(org.legal_forms)
        forms = "|".join(re.escape(f) for f in sorted(org.legal_forms, key=len, reverse=True))
        # a legal form, or several ("Co Inc", "Co., Ltd."), after a name
        self.legal_form = re.compile(rf"(?<![\w.&/-])(?:{forms})(?:,?[ ]+(?:{forms}))*(?![\w/&-])") if forms else None
        self.buildings = set(org.buildings)
        self.generic_body = set(org.generic_body_words)
        self.for_heads = set(org.for_place_heads)
        self.org_words = set(know.settings.place.org_words)
        self.title_tails = set(org.title_tails)
        self.plural_heads = set(org.plural_heads)
        self.place_suffixes = set(know.settings.place.suffixes)
        # the words of bodies' names: no part of a person's name after a body and a post
        self.body_words = self.org_words | self.generic_body | self.of_heads
        self.word_classes = persons.word_classes

    # -- model spans --------------------------------------------------------------------------
    def building(self, span: Span, trace: Trace) -> Span:
        """A body named after its building, after a preposition of place, is the building: "a
        meeting at the White House" (a PLACE); "the White House said" stays the body."""
        if span.label_ != "ORG" or span.text not in self.buildings or span.start == 0:
            return span
        doc = span.doc
        i = span.start - 1
        if doc[i].lower_ == "the" and i > 0:
            i -= 1
        if doc[i].lower_ in ("at", "to", "in", "into", "outside", "near", "inside"):
            return trace.mark(Span(doc, span.start, span.end, label="PLACE"), "org.building")
        return span

    def media(self, span: Span, lex_keys: set, trace: Trace) -> Span:
        """A model PERSON or PLACE of one to three words next to a noun of the press is a newspaper
        or broadcaster ("the Maariv daily", "the daily Blic"), after a company noun a company
        ("phone maker Nokia said"), unless it is a known place."""
        if span.label_ == "ORG" and (span.start, span.end) not in lex_keys and self.market_kind(span):
            # the model's market stays one: the noun says what it is, whatever its neighbours are
            return trace.mark(Span(span.doc, span.start, span.end, label="ORG"), "org.market")
        if span.label_ not in ("PERSON", "PLACE") or (span.start, span.end) in lex_keys or len(span) > 3 \
                or self.know.place_name(span.text) or not span[0].is_title:
            return span
        doc = span.doc
        after = [t.lower_ for t in doc[span.end: span.end + 2]]
        before = doc[span.start - 1] if span.start else None
        if any(after[:len(w)] == w for w in self.media_words) \
                or before is not None and before.lower_ in self.press_nouns:
            return trace.mark(Span(doc, span.start, span.end, label="ORG"), "org.media")
        if before is not None and before.lower_ in self.credit_verbs and span.start >= 2 \
                and doc[span.start - 2].text == "," and not self.know.given_name(span[0]) \
                and (span.end == len(doc) or doc[span.end].text in (".", ",", ";")):
            return trace.mark(Span(doc, span.start, span.end, label="ORG"), "org.media")  # "..., reported La Prensa."
        if before is not None and before.is_lower and before.lower_ in self.company_words \
                and not self.person_after_trade(span):
            return trace.mark(Span(doc, span.start, span.end, label="ORG"), "org.company")
        if self.market_kind(span) and not (span.label_ == "PERSON" and len(span) > 1 and self.know.given_name(span[0])):
            return trace.mark(Span(doc, span.start, span.end, label="ORG"), "org.market")
        return span

    def market_kind(self, span: Span) -> bool:
        """A darknet market, platform or company by the noun beside it (``[org] market_words``):
        "the darknet market Hydra", "markets such as Hydra", "Hydra, the largest Russian-language
        darknet market" (a company noun counts in the apposition too: "Mega, a Russian firm,")."""
        doc = span.doc
        last = doc[span.end - 1]
        if span.end - span.start > 1 and last.is_title and last.lower_ in self.market_words \
                and not self.know.place_name(span.text):
            return True  # a name of its own: "Monopoly Market", "Wall Street Market"
        i = span.start - 1
        if i >= 0 and doc[i].is_lower and doc[i].lower_ in self.market_words:
            return True
        noun = _introducing_noun(doc, i) if i >= 1 else None
        if noun is not None and not noun[1] and doc[noun[0]].is_lower and doc[noun[0]].lower_ in self.kind_words \
                and not self.no_kind(doc[noun[0]]):
            return True  # "a motorcycle gang called Trailer Trash", "a security company called BitDefender"
        if noun is not None and noun[1] and i >= 2 and doc[noun[0]].lower_ in self.list_words \
                and not self.no_kind(doc[noun[0]]):
            return True  # "markets such as Hydra", "gangs like Brothas"
        j = span.end
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ in ("the", "a", "an", "one"):
            first = j + 2
            if doc[j + 1].lower_ == "one":  # "Bohemia, one of the largest darkweb marketplaces"
                if not (j + 3 < len(doc) and doc[j + 2].lower_ == "of" and doc[j + 3].lower_ == "the"):
                    return False
                first = j + 4
            for t in doc[first: first + 7]:
                if t.lower_ in self.kind_words and t.is_lower and not self.no_kind(t):
                    # the apposition's head: "a firm believer" is none
                    # (an owner is no head: "Rod Eddington, the airline's chief executive")
                    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
                    return nxt is None or nxt.is_punct or nxt.is_stop and nxt.text not in POSS_TOKENS \
                        or nxt.is_lower and nxt.lower_.endswith("ing") and len(nxt) > 4
                    # ... or a participle: "Pat Jasan, a vigilante group trying to ..." (not a past
                    # tense: "prosecutor Elona Kola, the group moved more than 40 tonnes")
                if t.is_punct and t.text not in ("-", "–") or t.is_stop:
                    return False  # "a vendor on the forum": the kind word is not the apposition's head
        return False

    def no_kind(self, noun: Token) -> bool:
        """A group noun that names no organisation's kind: "an ethnic group", "age groups"."""
        return noun.lower_ in self.group_words and noun.i > 0 and noun.doc[noun.i - 1].lower_ in self.group_not_after

    def media_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """The name after a press or company noun that the model left out: "the daily Blic", "the
        Belgrade daily Politika", "the courier firm DHL" (one to three capitalised words, no
        everyday word first, no known place)."""
        press = self.press_nouns
        texts, lowers = token_words(doc)
        out = []
        for i in [k for k, w in enumerate(lowers[:-1])  # lower case only
                  if texts[k] == w and (w in press or w in self.company_words)]:
            j = i + 1
            end = j
            while end < len(doc) and end - j < 3 and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha \
                    and not doc[end].is_sent_start and doc[end].text not in WEEKDAYS:  # "giant Yukos Wednesday filed"
                end += 1
            if end == j or dictionary_word(doc[j]) or self.know.place_name(doc[j:end].text):
                continue
            if lowers[i] not in press and any(e.label_ == "PERSON" and e.start == j and e.end >= end
                                              and self.person_after_trade(e) for e in doc.ents):
                continue
            out.append(trace.mark(Span(doc, j, end, label="ORG"), "org.media" if lowers[i] in press else "org.company"))
        return out

    _NAME_JOINS = frozenset(("to", "of", "de", "la", "del", "do", "da"))

    def _name_end(self, doc: Doc, j: int) -> int:
        """The end of the capitalised name (up to five words, "Loyal to Familia") that starts at ``j``."""
        end = j
        while end < len(doc) and end - j < 5 and not (end > j and doc[end].is_sent_start):
            t = doc[end]
            if (t.is_alpha and t.text[:1].isupper() or t.text[:1].isdigit() and any(c.isalpha() for c in t.text)) \
                    and t.text not in WEEKDAYS:  # "DeepSea", "14K"
                end += 1
            elif end > j and t.lower_ in self._NAME_JOINS and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 1
            else:
                break
        return end

    def _kind_name(self, span: Span) -> bool:
        """A name a kind noun may introduce: no known place, nationality or month, and no everyday
        word alone at a sentence's start."""
        return not (self.know.place_name(span.text) or span.text in self.lex.demonyms or span[0].text in MONTHS
                    or span[0].text in WEEKDAYS or span.start > 1 and span.doc[span.start - 1].text in DASHES
                    and not span.doc[span.start - 2].whitespace_  # "Charter-[Crellin]": part of a longer name
                    or len(span) == 1 and span[0].is_sent_start and dictionary_word(span[0]))

    def kind_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """Names the model left out that the noun beside them calls a group, a market or a company
        (rule ``org.market``): "a motorcycle gang called Trailer Trash", "gangs like Brothas and Loyal
        to Familia", "marketplaces called DeepSea and Berlusconi Market", "No Surrender, a largely
        Moroccan-Dutch crew" (the apposition as :meth:`market_kind` reads it)."""
        out: list[Span] = []
        taken = {i for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
                 for i in range(e.start, e.end)}  # a "work of art" or "product" of the model is no name
        n = len(doc)
        texts, lowers = token_words(doc)
        for i in range(n):
            if lowers[i] not in _INTRODUCING_WORDS and texts[i] != ",":
                continue  # neither a word that introduces a name nor an apposition's comma
            t = doc[i]
            j = None
            noun = _introducing_noun(doc, i)
            if noun is not None:
                k, listed = noun
                if doc[k].is_lower and doc[k].lower_ in (self.list_words if listed else self.kind_words) \
                        and not self.no_kind(doc[k]):
                    j = i + 1
            elif t.text == "," and i + 1 < n and doc[i + 1].lower_ in ("a", "an", "the", "one") and i > 0 \
                    and i - 1 not in taken:
                start = i
                while start > 0 and i - start < 4 and (doc[start - 1].is_title or doc[start - 1].is_upper) \
                        and doc[start - 1].is_alpha:
                    start -= 1
                while start < i and (doc[start].is_stop and doc[start].is_sent_start or doc[start].text in MONTHS):
                    start += 1  # "In March, a group of farmers"
                if start < i and (start == 0 or doc[start - 1].lower_ not in self._NAME_JOINS) \
                        and self._kind_name(doc[start:i]) and self.market_kind(Span(doc, start, i)):
                    out.append(trace.mark(Span(doc, start, i, label="ORG"), "org.market"))
                continue
            while j is not None and j < n:  # a list: "Brothas and Loyal to Familia", "DeepSea, Hydra or Ares"
                if doc[j].lower_ == "the":
                    j += 1
                end = self._name_end(doc, j)
                if end == j:
                    break
                span = Span(doc, j, end, label="ORG")
                if self._kind_name(span) and not taken.intersection(range(j, end)):
                    out.append(trace.mark(span, "org.market"))
                j = _next_item(doc, end)
        return out

    def handle_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """Online handles a noun of the people who use a market introduces are persons (rule
        ``person.handle``; REAL_DEV_GUIDELINES.md: nicknames are PERSON): "a vendor named Narcoboss",
        "accounts named RichieRich, happyman and BITCOINS", "vendors such as Owlcity or Fentmaster"
        (``[person] handle_words``). A handle is one word, in any case, that no dictionary knows
        unless it is capitalised, and no place, nationality or known organisation."""
        out: list[Span] = []
        n = len(doc)
        for i in range(n):
            noun = _introducing_noun(doc, i, (*_NAMING_VERBS, "dubbed"))
            j = i + 1 if noun is not None and doc[noun[0]].lower_ in self.handle_words else None
            while j is not None and j < n:
                if doc[j].text in ("“", '"', "‘", "'") and j + 1 < n:
                    j += 1
                h = doc[j]
                if not (h.text[:1].isalnum() and any(c.isalpha() for c in h.text)) or h.is_stop \
                        or h.is_lower and dictionary_word(h) or self.know.place_name(h.text) \
                        or h.text in self.lex.demonyms or self.know.known_org(h.text) or h.text in WEEKDAYS:
                    break
                out.append(trace.mark(Span(doc, j, j + 1, label="PERSON"), "person.handle"))
                end = j + 1
                if end < n and doc[end].text in ("”", '"', "’", "'"):
                    end += 1
                j = _next_item(doc, end)
        return out

    def founder(self, owner: Token, surnames: set[str]) -> bool:
        """``owner`` of "<owner>'s <name> Inc" may be the founder the company is named for: a
        capitalised word that is no legal form (a parent company's), no place, no nationality and
        no surname of a person the model names in the document."""
        return _capitalised(owner) and owner.text not in self.legal_forms and not self.know.place_name(owner.text) \
            and owner.text not in self.lex.demonyms and owner.text not in surnames

    def person_after_trade(self, span: Span) -> bool:
        """A model PERSON of a first name and more after a company noun is a person ("Hollywood
        producer Burt Sugarman", "basketball giant Yao Ming"); "phone maker Nokia" is a company."""
        return span.label_ == "PERSON" and len(span) >= 2 and self.know.given_name(span[0]) \
            and not any(t.lower_ in self.body_words for t in span)

    def legal_form_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """A company by its legal form (``[org] legal_forms``): the capitalised words before "Inc",
        "Ltd", "GmbH" ..., and the form ("Ecolab Inc said", "<Qintex America Ltd>", "Morgan Stanley
        and Co Inc", "Cargill, Inc."). A sentence's first word joins only when it is no dictionary
        word or the model read it into the name ("General Motors Corp"; not "Shares of Ecolab Inc")."""
        if self.legal_form is None:
            return []
        out = []
        starts = {e.start: e.end for e in doc.ents}
        surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        for m in self.legal_form.finditer(doc_text(doc)):
            form = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if form is None:
                continue
            if form.end < len(doc) and _capitalised(doc[form.end]) \
                    and self.know.place_name(doc[form.start:form.end + 1].text):
                continue  # an Irish county, no company: "Dromiskin, Co Louth", "Four Co Louth men"
            k = form.start
            if k >= 2 and doc[k - 1].text == "," and _capitalised(doc[k - 2]):
                k -= 1  # "Cargill, Inc."
            start = k
            while start > 0 and form.start - start < 8:
                t = doc[start - 1]
                if "\n\n" in t.text_with_ws or t.text in self.legal_forms:
                    break  # a paragraph's start, or the end of the company before ("Corp. and LG Electronics Inc.")
                if t.text in DASHES and (t.whitespace_ or doc[start - 2].whitespace_ if start >= 2 else True) \
                        or len(t.text) > 1 and t.text[-1] in DASHES:
                    break  # a credit's dash ("Reuters - Stelco Inc.", "WASHINGTON- Rite Aid Corporation"),
                    # not a hyphen in a name ("Hewlett-Packard")
                if t.lower_ == "and" and start < k and start >= 2 and doc[start - 2].lower_ in self.of_heads:
                    break  # two names: "the Securities and Exchange Commission and Time Warner Inc."
                if _capitalised(t) or (t.lower_ in NAME_JOINS and (start < k or t.lower_ in ("and", "&"))
                                       and start >= 2 and _capitalised(doc[start - 2])):  # "Morgan Stanley and Co"
                    start -= 1
                    continue
                if t.text in POSS_TOKENS and start >= 2 and self.founder(doc[start - 2], surnames) \
                        and (start == k or dictionary_word(doc[start])):
                    # a founder's name before the form or an everyday word: "Wendy's International Inc",
                    # "Josten's Corp" (not "Britain's Acme Plc", "Alleghany's MSL Industries Inc", nor
                    # "Burt Sugarman ... Sugarman's Giant Group Ltd": a person the document names owns it)
                    start -= 1
                    continue
                break
            while start < k and (doc[start].lower_ in NAME_JOINS or doc[start].lower_ == "the"):
                start += 1
            first = doc[start]
            # a sentence's first word, or the first after a dash, bracket or quote ("(Reuters) - Shares of")
            opens = start == 0 or first.is_sent_start or doc[start - 1].text in OPENERS
            # a first word joined by "and" to the next capitalised one is the name's ("Cable and
            # Wireless Plc", "Harper and Row Publishers Inc")
            joined = start + 2 < k and doc[start + 1].lower_ in ("and", "&") and not first.is_stop \
                and first.lower_ not in _TIME_WORDS
            if start < k - 1 and opens and not joined \
                    and (dictionary_word(first) or first.is_stop or first.lower_ in _TIME_WORDS) \
                    and starts.get(start, start) <= start + 1:  # "Although Motorola Inc.", "Yesterday Acme Corp"
                start += 1
                while start < k and doc[start].lower_ in NAME_JOINS:
                    start += 1  # "Shares of Ecolab Inc"
            of = next((j for j in range(start + 1, k - 1) if doc[j].lower_ == "of"), None)
            if of is not None and all(self.persons.title_word(t) for t in doc[start:of]):
                start = of + 1  # a post before the company: "the CEO of Molson Inc."
            if start >= k or doc[k - 1].text == "," and start >= k - 1:
                continue
            if k < form.start and form.text.isupper() and (
                    self.know.place_name(doc[start:k].text) or doc[start:k].text in all_place_names()):
                continue  # a town and its state: "Reno, NV", "Adelaide, SA" (Nevada, South Australia); like
                # a dateline, the position says "place", so a town named like a word counts ("Reno")
            out.append(trace.mark(Span(doc, start, form.end, label="ORG"), "org.legal_form"))
        return out

    def group_name_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """A criminal group named before its lower-case noun (``[org] named_group_heads``, with
        ``named_group_modifiers`` between): "the [Head Hunters] gang", "the [Comanchero] bikie gang".
        The model misses names made of everyday words. Not a nationality or a place ("Mexican
        cartels", "the Los Angeles gang": the lexicon's cartels are resolution's), nor a name the model
        read as something else, nor everyday words that open a sentence ("Transnational gangs")."""
        if not self.group_heads:
            return []
        out = []
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        lowers = token_words(doc)[1]
        for i in [k for k, w in enumerate(lowers) if w in self.group_heads]:
            if not doc[i].is_lower:
                continue
            end = i
            while end > 0 and lowers[end - 1] in self.group_modifiers and doc[end - 1].is_lower:
                end -= 1
            start = end
            while start > 0 and end - start < 4 and _capitalised(doc[start - 1]) and not doc[start - 1].is_stop \
                    and "\n" not in doc[start - 1].whitespace_:
                start -= 1
            if end - start >= 2 and doc[start].is_upper and len(doc[start]) <= 3 and doc[start + 1].is_title:
                start += 1  # a state's or country's abbreviation before the name: "the WA [Comanchero] bikie gang"
            if start == end or taken.intersection(range(start, end)) \
                    or start > 0 and doc[start - 1].text in DASHES and not doc[start - 1].whitespace_:
                continue  # a part of a hyphenated phrase: "the Guj-Maha drug cartel" (two states)
            name = doc[start:end]
            if name.text in self.lex.demonyms or self.lex.is_demonym(name.text) \
                    or any(t.text in self.lex.demonyms for t in name) or self.know.place_name(name.text) \
                    or name[0].text in MONTHS or name[0].text in WEEKDAYS:
                continue
            if name[0].is_sent_start and all(dictionary_word(t) for t in name):
                continue  # "Organised crime gangs": a sentence's first words
            low = name[0].lower_
            if len(name) == 1 and (dictionary_word(name[0]) or low in self.word_classes["adj"]
                                   or low.endswith(("an", "ese", "ish"))):
                continue  # an everyday word or an adjective ("Drug gangs", "Transnational gangs", "Ecuadorean gang")
            out.append(trace.mark(Span(doc, start, end, label="ORG"), "org.group_name"))
        return out

    def post_body_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """A body named for its holder's post (``[org] post_bodies``, ``post_body_heads``): the
        capitalised words up to the post, its possessive and the head ("the Attorney General's
        Office", "the Magistrate's Court", "Cherokee County Sheriff's Office"). The model misses
        most of them or keeps only the post. A paragraph's start, a lower-case word or "the" ends the
        name on the left ("the federal Attorney General's Office" -> "Attorney General's Office")."""
        if not self.post_bodies:
            return []
        out = []
        texts, lowers = token_words(doc)
        for i in [k for k, w in enumerate(texts) if w in POSS_TOKENS]:
            if not (0 < i < len(doc) - 1 and texts[i + 1] in self.post_body_heads
                    and lowers[i - 1].rstrip(".") in self.post_bodies and _capitalised(doc[i - 1])):
                continue
            start = i - 1
            while start > 0 and i - start < 8:
                t = doc[start - 1]
                if "\n" in t.text_with_ws or t.lower_ in _TIME_WORDS:
                    break
                if t.lower_ in _PLACE_PARTICLES and start >= 2 and _capitalised(doc[start - 2]):
                    start -= 1  # "the Frankfurt am Main Public Prosecutor's Office"
                    continue
                if not _capitalised(t) or t.is_stop:
                    break
                start -= 1
            if start > 0 and doc[start - 1].lower_ in ("of", "for"):
                continue  # the post ends a longer name: "the Department of Justice's Office of ..."
            out.append(trace.mark(Span(doc, start, i + 2, label="ORG"), "org.post_body"))
        return out

    def word_name_as_title(self, span: Span) -> bool:
        """A body whose one-word name is an everyday word (``[org] word_names``: "Economist",
        "Guardian"), used as a title or in a heading: before or after another capitalised word
        ("Economist Evelyn Brody", "Chief Economist at Indeed") or in a title-case line ("American
        Economist Expected to Win Nobel")."""
        if len(span) != 1 or span.text not in self.word_names:
            return False
        doc, i = span.doc, span.start
        return (i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].is_alpha) \
            or (i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and not doc[i].is_sent_start) \
            or title_case_sentence(span) and sum(t.is_alpha for t in span.sent) >= 5

    def credit_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """A news agency's credit (``[place] dateline_credits``): in brackets before a dash or at
        the end of a line ("BAGHDAD (AFP) - ...", "... say Vietnamese (AFP)"), opening a line
        before a dash ("Reuters - Alcoa said"), or signing off a paragraph after its last
        sentence ("... the company said. Reuter"). The model misses most of them: they stand outside
        any sentence."""
        texts, lowers = token_words(doc)
        out = []
        n = len(doc)
        for i in [k for k, w in enumerate(lowers) if w in self.credits]:  # few hits: test the rest there
            t = doc[i]
            if not (t.is_upper or t.is_title) or len(t) < 2 or i + 1 >= n:
                continue
            nxt = texts[i + 1]
            if i > 0 and texts[i - 1] == "(" and nxt == ")":
                after = texts[i + 2] if i + 2 < n else None
                if after is None or after in DASHES or doc[i + 2].is_space or "\n" in doc[i + 1].whitespace_:
                    out.append(trace.mark(Span(doc, i, i + 1, label="ORG"), "org.credit"))
            elif (i == 0 or "\n" in doc[i - 1].text_with_ws) and nxt in DASHES:
                out.append(trace.mark(Span(doc, i, i + 1, label="ORG"), "org.credit"))
            elif _signs_off(texts, i) and _ends_paragraph(doc, i):
                out.append(trace.mark(Span(doc, i, i + 1, label="ORG"), "org.credit"))  # "... said. Reuter"
        if n and lowers[-1] in self.credits and (doc[-1].is_upper or doc[-1].is_title) and len(doc[-1]) > 1 \
                and n > 1 and _signs_off(texts, n - 1) and not any(sp.start == n - 1 for sp in out):
            out.append(trace.mark(Span(doc, n - 1, n, label="ORG"), "org.credit"))
        return out

    def validate(self, span: Span, words: list[str], trace: Trace) -> Span | None:
        """A model ORG that names a programme or event, an amount, a portfolio, a convention, a
        drug or a generic word is no organisation (None); a known organisation plus a unit word
        is that organisation."""
        doc = span.doc
        start, end = span.start, span.end
        titles = self.persons.titles
        if all(w in self.directions or w in ("district", "districts") for w in words):
            return None  # "the Eastern, [Northern], and Western Districts of New York": directions, no body
        if end - start >= 2 and doc[start].text in self.lex.demonyms and not self.know.known_org(span.text) \
                and not self.know.place_name(doc[start].text):  # "U.S. Department of Agriculture" is one name
            rest = doc[start + 1: end]
            if len(rest) == 1 and rest[0].is_upper and rest[0].is_alpha and len(rest[0]) > 1 \
                    and not dictionary_word(rest[0]) \
                    or len(rest) >= 3 and rest[0].lower_ in ("ministry", "department") and rest[0].is_title \
                    and any(t.lower_ == "of" for t in rest) or self.know.known_org(rest.text):
                # a nationality before a name complete without it is no part of it (GUIDELINES.md):
                # "the British [NCA]", "the Ecuadorian [Ministry of the Interior]", "Spanish [Guardia
                # Civil]"; "Colombian Navy", "Kosovo Police", "American Institute of Chemical
                # Engineers" are names
                span = trace.mark(Span(doc, start + 1, end, label="ORG"), "org.clean")
                start, words = start + 1, [t.lower_ for t in span if t.is_alpha]
                if not words:
                    return None
        if len(span) == 1 and self.persons.body_acronym(span[0]):
            titles = titles - {words[0]}  # "the SEC voted": a body's acronym, no "Sec." title
        head = phrase_head(span)
        # the last word decides unless a body's word heads the name before its first preposition:
        # "Executive Office for Immigration Review" is an office, not a review
        if words[-1] in self.not_org_heads and (head == words[-1] or head not in self.org_words) \
                or span.text.lower().startswith(self.not_org_starts):
            # the body a programme, instrument or notice is named after is one (GUIDELINES.md): "[EU]
            # Early Warning System", "the [Interpol] Red Notice"
            lead = next((Span(doc, start, cut, label="ORG") for cut in range(end - 1, start, -1)
                         if self.know.known_org(doc[start:cut].text)), None)
            return trace.mark(lead, "org.clean") if lead is not None else None
        if words[-1] == "government" and end - start >= 2 and not self.know.known_org(span.text):
            country = doc[start: end - 1]
            if self.know.place_name(country.text):  # "the U.S. Government": the country, as "Government of X"
                return trace.mark(Span(doc, start, end - 1, label="PLACE"), "place.clean")
            if country.text in self.lex.demonyms:
                return None  # "the Mexican Government": a nationality and a common noun
        if (head in self.not_org_heads or words[-1] in self.plural_heads or " ".join(words[-2:]) in self.plural_heads
                or head in titles and head not in self.org_words and head not in ROLE_HEADS_KEPT) \
                and not self.know.known_org(span.text):
            # "National Statement on Behalf", "Bicentennial Framework for Security": an event or an
            # instrument; "Director of National Drug Control Policy": a post; "Foreign Terrorist
            # Organizations": a kind of body
            return None
        if len(words) >= 2 and span[0].is_title and head != words[0] and head not in self.org_words \
                and verb_form(span[0].text, self.word_classes) and not self.know.known_org(span.text) \
                and (not self.bare_verb(span[0]) or self.verb_position(doc, start)):
            # "Prevent Addictions", "Imposing Sanctions on Foreign Persons", "Enables Access": a name
            # does not start with a verb and its object; a heading or a title does
            return None
        if start > 0 and end < len(doc) and doc[start - 1].like_num and doc[end].like_num and len(span) <= 3 \
                and not any(t.like_num for t in span):
            return None  # "19 CFR 146.41", "21 U.S.C. 841": a legal citation, title and section
        if end < len(doc) and doc[end].lower_ in self.not_org_before:
            return None
        if len(span) == 1 and start > 0 and doc[start - 1].like_num and span[0].is_upper and len(span[0]) <= 3 \
                and not re.search(r"(?:st|nd|rd|th)$", doc[start - 1].lower_) \
                and not self.know.known_org(span.text):
            return None  # a unit after its number: "1.4 MT were opiates", "1400 GMT"
        if doc[start].lower_ in self.currencies or any(is_amount(t) and not t.is_title for t in span) \
                and len(span) <= 3:
            # "USD 3", "50 Kg" (an ordinal names units: "Fourth Air Force", "139th"; a capitalised
            # number word is part of a name: "One Nation", "Sub-Zero")
            return None
        if start >= 2 and doc[start - 1].lower_ in self.portfolio_words and doc[start - 2].lower_.rstrip(".") in titles:
            return None
        last = doc[end - 1]
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_.rstrip(".") in titles \
                and len(words) >= 2 and last.is_title and last.is_alpha and not dictionary_word(last) \
                and last.lower_ not in self.word_classes["adj"] and last.lower_ not in self.word_classes["noun"] \
                and last.lower_ not in self.org_words and not self.know.known_name(last.text) \
                and (all(common_word(t) or t.lower_ in self.word_classes["noun"] or t.lower_ in self.word_classes["adj"]
                         for t in doc[start: end - 1] if t.is_alpha)
                     or self.know.known_org(doc[start: end - 1].text)):
            # "Director of National Intelligence Haines", "Secretary of Homeland Security Mayorkas":
            # the post, then the person who holds it
            return trace.mark(Span(doc, end - 1, end, label="PERSON"), "org.title_tail")
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_.rstrip(".") in titles \
                and len(words) >= 2 and words[-1] not in self.org_words and not self.know.known_org(span.text) \
                and all(common_word(t) for t in span if t.is_alpha):
            return None  # "Director of National Drug Control Policy", "Secretary of Homeland Security": a post
        known_org = self.know.known_org(span.text)
        if all(w.rstrip(".") in titles for w in words) and not known_org:
            return None  # "Major General", "Police Colonel": titles without the name they go with
        if not known_org and not any(w in self.org_words for w in words):
            if len(span) == 1 and end < len(doc) and doc[end].is_title and doc[end].lower_.rstrip(".") in titles \
                    and span[0].is_title and dictionary_word(span[0]):
                return None  # "Finance Minister Jan Verhoeven": the portfolio of a post
            named = self.persons.strip_titles(doc, start, end)
            if start < named < end <= named + 3 and all(t.is_title and t.is_alpha and not dictionary_word(t)
                                                         for t in doc[named:end]) \
                    and not all(t.lower_.rstrip(".") in self.persons.title_qualifiers for t in doc[start:named]):
                # "Major General Tarek Fawzi": titles, then a name
                return trace.mark(Span(doc, named, end, label="PERSON"), "org.title_tail")
        known = self.known_prefix(span)
        if known is not None:
            return trace.mark(known, "org.unit_suffix")
        drug = self.lex.drug(span.text) if len(span) == 1 else None
        # an ambiguous street name ("Crystals", "Ice") needs drug context, which the drug rules
        # look for: where they found none, the model's team or band keeps its name
        if len(span) == 1 and (drug is not None and not drug.ambiguous or span.text.lower() in self.generic_org
                               or span.text.lower().rstrip(".") in titles):
            return None
        if (start > 0 and doc[start - 1].lower_ in ("against", "on") and start > 1
                and doc[start - 2].lower_ == "convention"):
            return None
        conv = [t.i for t in span if t.lower_ == "convention"]
        if conv and (conv[-1] == end - 1 or doc[conv[-1] + 1].lower_ in ("on", "against", "for", "of", "relating")):
            return None  # "Single Convention on ...", "1988 Convention" (not "Centennial Convention Hall")
        if len(words) >= 2 and start >= 2 and doc[start - 1].lower_ in ("on", "and") and doc[start - 2].is_title \
                and doc[start - 2].is_alpha and doc[start - 2].ent_iob_ == "O" and not known_org \
                and not any(w in self.org_words for w in words) and not self.know.known_name(doc[start - 2].text) \
                and not title_case_sentence(span):
            # the end of a longer name the model cut: "Working Group on [Cyber Issues]", "Declaration on
            # [Migration and Protection]", "Secretary of Security and [Citizen Protection]"; not in a
            # headline, where a verb is capitalised too ("Calls on Homeland Security to Act")
            return None
        return span

    def bare_verb(self, token) -> bool:
        """A verb's base form ("Prevent", "Amuse"), not its third person or -ing form ("Enables",
        "Imposing"), which only a verb has."""
        low = token.lower_
        return not (low.endswith("ing") or low.endswith("s") and not low.endswith("ss"))

    @staticmethod
    def verb_position(doc, i: int) -> bool:
        """Can a base form at ``doc[i]`` be a verb? After "to" ("Strategy to Prevent Addictions") and
        at the start of a sentence, line or heading (an imperative: "Prevent Addictions", "**Expand
        Treatment**"), yes; after a preposition, an article or a verb in running text it is the
        first word of a name ("a suit against Amuse World", "ordered Amuse World to pay")."""
        j = i - 1
        while j >= 0 and (doc[j].is_punct and doc[j].text not in (",", ";") or doc[j].is_space):
            if "\n" in doc[j].text or doc[j].text in ("*", "**", "•", "-", "–", "—", ":", "#"):
                return True
            j -= 1
        return j < 0 or doc[i].is_sent_start or doc[j].lower_ == "to" or "\n" in doc[j].whitespace_

    def person_tail(self, span: Span, trace: Trace) -> list[Span]:
        """"Mexico Ken Salazar", "INL Charisse Phillips": a known body or place the model ran into
        the name after it, where that name starts with a given name; the span keeps its label up to
        the name, which is a PERSON. After a known body (or an acronym) and a person's titles the
        name needs no given name ("AFP Detective Superintendent Morgan Rogers": two or three capitalised words
        that are no title and no known name)."""
        doc = span.doc
        titles = self.persons.titles
        for cut in range(span.start + 1, span.end - 1):
            head = doc[span.start: cut]
            # a known body, its post and the name: "AFP Detective Superintendent Morgan Rogers"
            # (posts only: not "National" or "Senior", which also start bodies' names)
            j = cut
            while j < span.end and doc[j].is_title and doc[j].lower_.rstrip(".") in self.know.posts:
                j += 1
            acronym = len(head) == 1 and head[0].is_upper and head[0].is_alpha and 2 <= len(head[0]) <= 6
            if j > cut and 2 <= span.end - j <= 3 and (acronym or self.know.known_name(head.text)) and all(
                    t.is_alpha and t.is_title and t.lower_ not in titles and t.lower_ not in self.body_words
                    and not self.know.known_name(t.text) for t in doc[j: span.end]):
                return [trace.mark(Span(doc, span.start, cut, label=span.label_), "org.title_tail"),
                        trace.mark(Span(doc, j, span.end, label="PERSON"), "org.title_tail")]
            if not self.persons.given_name_shape(doc, cut, span.end):
                continue
            if self.know.known_name(head.text) or doc[cut - 1].lower_ in self.org_words:
                return [trace.mark(Span(doc, span.start, cut, label=span.label_), "org.title_tail"),
                        trace.mark(Span(doc, cut, span.end, label="PERSON"), "org.title_tail")]
        return [span]

    def internal_unit(self, span: Span, trace: Trace) -> Span:
        """An internal unit of a named body is that body (GUIDELINES.md: only the parent named inside
        a unit is annotated): "Pittsburgh Division of the FBI" -> "FBI", "Nampa Police Department
        Special Investigations Unit" -> "Nampa Police Department" (``[org] unit_heads``). The parent
        is an organisation the lexicon knows after "of (the)", or the words before the unit that end
        in a body's word or make a known name; a unit named alone stays as the model read it."""
        if span.label_ != "ORG" or len(span) < 3:
            return span
        doc = span.doc
        words = [t.lower_ for t in span]
        if phrase_head(span) in self.parent_unit_heads and not self.know.known_org(span.text):
            # a known body, then its unit's capitalised name: "the [TNP] Narcotics Department", "the [BGB]
            # Teknaf Battalion", "[NSW Police] Criminal Groups" (not "the Federal Bureau of Investigation")
            for cut in range(span.end - 2, span.start, -1):
                if self.know.known_org(doc[span.start:cut].text) and doc[cut].is_title \
                        and not self.know.place_name(doc[cut:span.end].text):
                    return trace.mark(Span(doc, span.start, cut, label="ORG"), "org.unit")
        # an agency's acronym, then its unit's capitalised name with no body's word in it: "[RCMP] Federal
        # Serious and Organized Crime", "[CBP] Air and Marine Operations" (not "UN Security Council")
        first = doc[span.start]
        if first.is_upper and len(first) >= 2 and first.is_alpha and self.know.known_org(first.text) \
                and not self.know.known_org(span.text):
            rest = doc[span.start + 1:span.end]
            titled = [t for t in rest if t.is_title]
            if len(titled) >= 2 and all(t.is_title or t.lower_ in ("and", "&") for t in rest) and rest[-1].is_title \
                    and not any(t.lower_ in self.org_words or t.lower_ in self.unit_heads for t in rest) \
                    and not self.know.place_name(rest.text):
                return trace.mark(Span(doc, span.start, span.start + 1, label="ORG"), "org.unit")
        # "FBI Houston Field Office"
        field = " ".join(words[-2:]) in ("field office", "resident office", "field offices")
        if phrase_head(span) not in self.unit_heads and not field:
            return span
        if "of" in words and not field:
            k = span.start + words.index("of") + 1
            if k < span.end and doc[k].lower_ == "the":
                k += 1
            if k < span.end and self.know.known_org(doc[k:span.end].text):
                return trace.mark(Span(doc, k, span.end, label="ORG"), "org.unit")
            return span
        if words[-1] not in self.unit_heads and not field:
            return span  # the unit's word heads the name only at its end here
        for end in range(span.end - 2, span.start, -1):
            parent = doc[span.start:end]
            if doc[end - 1].lower_ in self.org_words and len(parent) >= 2 or self.know.known_org(parent.text):
                return trace.mark(Span(doc, span.start, end, label="ORG"), "org.unit")
        return span

    def unnamed_unit(self, span: Span) -> bool:
        """A model ORG (or PERSON) that is an internal unit named alone by what it does, a unit's word
        (``[org] unit_heads``) after everyday words only: "the Criminal Division", "the Asset
        Forfeiture Unit", "the Anti-Narcotic Unit". GUIDELINES.md annotates the parent body, not
        its units; a unit with a place, a nationality or a name in it stays ("East Flanders Drug
        Unit", "Romanian Central Anti-Narcotics Unit"), so does one the lexicon knows, except a
        regional unit named by its place alone ("Houston Division", "Washington Field Office":
        ``[org] place_unit_heads``). The model reads some as people ("Public Order and [Riot Squad]")."""
        words = [t for t in span if t.text not in ("-", "&")]
        if span.label_ == "ORG" and self._place_unit(words):
            return True
        if span.label_ not in ("ORG", "PERSON") or not words or words[-1].lower_ not in self.unit_heads \
                or self.know.known_org(span.text) or any(t.text in self.lex.demonyms for t in words):
            return False
        wc = self.word_classes

        def everyday(t: Token) -> bool:
            low = t.lower_
            return dictionary_word(t) or any(w in wc["noun"] or w in wc["adj"] for w in (low, low[:-1] if
                                                                                          low.endswith("s") else low))
        if not all(t.lower_ in ("and", "of", "for", "the") or t.is_title and everyday(t)
                   and not self.know.given_name(t) for t in words[:-1]):
            return False
        # no place's name in it, of one to three words ("East Flanders Drug Unit", "Antwerp Drug Squad")
        return not any(self.know.place_name(" ".join(t.text for t in words[i:j]))
                       for i in range(len(words) - 1) for j in range(i + 1, min(i + 4, len(words))))

    def _place_unit(self, words: list[Token]) -> bool:
        """A place's name and a regional unit's head, nothing else: "Houston Division", "Washington
        Field Office" (``[org] place_unit_heads``), unless the lexicon knows the whole name. The place
        may be a city name that is also a frequent word ("Tampa", "Cincinnati": every GeoNames name)."""
        if words and words[0].lower_ == "the":
            words = words[1:]
        low = [t.lower_ for t in words]
        for n in (2, 1):
            if len(low) > n and " ".join(low[-n:]) in self.place_unit_heads:
                name = " ".join(t.text for t in words[:-n])
                return len(words) - n <= 3 and all(t.is_title or t.is_upper for t in words[:-n]) \
                    and (self.know.place_name(name) or name in every_place_name()) \
                    and not self.know.known_org(" ".join(t.text for t in words))
        return False

    def title_tail(self, span: Span, trace: Trace) -> list[Span]:
        """"Border Patrol Agents" -> "Border Patrol"; "INL Charisse Phillips" -> "INL" and the
        PERSON "Charisse Phillips"; "Foreign Ministry Roberto Velasco" -> "Foreign Ministry" and
        "Roberto Velasco"; "DEA Administrator Milgram" -> "DEA" and "Milgram". The model ran an
        organisation into the title or the name after it: the
        organisation ends at a known name or a body's head word ("ministry", "office", ...), and
        what follows is one to three capitalised words that are titles, or a name of two or three
        words none of which is a common word, a place, or a word of a body's name. When a title
        follows the span, the span's words after a known organisation begin the post ("White House
        Homeland Security Advisor") unless they name a body themselves ("White House National
        Security Council Senior Directors")."""
        doc = span.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.lower_ in self.title_tails and nxt.is_title:
            # the post goes on after the span: "White House [Homeland Security] Advisor", "UNODC
            # [Country] Manager"; a body there is one ("White House National Security Council Senior
            # Directors": "White House" and "National Security Council")
            for cut in range(span.end - 1, span.start, -1):
                head, tail = doc[span.start: cut], doc[cut: span.end]
                if not self.know.known_org(head.text):
                    continue
                if self.know.known_org(tail.text) or tail[-1].lower_ in self.org_words:
                    return [trace.mark(Span(doc, span.start, cut, label="ORG"), "org.title_tail"),
                            trace.mark(Span(doc, cut, span.end, label="ORG"), "org.title_tail")]
                if len(tail) <= 3 and all(t.is_alpha and t.is_title for t in tail):
                    return [trace.mark(Span(doc, span.start, cut, label="ORG"), "org.title_tail")]
                break
        body_words = self.body_words | self.place_suffixes
        for cut in range(span.start + 1, span.end):
            tail = doc[cut: span.end]
            if len(tail) > 3 or not all(t.is_alpha and (t.is_title or t.is_upper and len(t) > 1) for t in tail):
                continue
            head = doc[span.start: cut]
            known = self.know.known_org(head.text)
            if not known and doc[cut - 1].lower_ not in self.org_words | self.of_heads:
                continue
            lowers = [t.lower_ for t in tail]
            if all(w in self.title_tails for w in lowers):
                return [trace.mark(Span(doc, span.start, cut, label="ORG"), "org.title_tail")]
            titled = next((i for i in range(1, len(tail)) if lowers[i - 1] in self.title_tails
                           and lowers[i] not in self.title_tails), 0)
            name = tail[titled:]
            if titled and all(w in self.title_tails for w in lowers[:titled]) \
                    and not any(w in body_words for w in lowers[titled:]) \
                    and not any(dictionary_word(t) or self.know.place_name(t.text) for t in name):
                # "DEA Administrator Milgram": the body, its post, the person holding it
                return [trace.mark(Span(doc, span.start, cut, label="ORG"), "org.title_tail"),
                        trace.mark(Span(doc, name.start, name.end, label="PERSON"), "org.title_tail")]
            if len(tail) >= 2 and not any(w in body_words or w in self.title_tails for w in lowers) \
                    and not any(dictionary_word(t) or self.know.known_name(t.text) for t in tail) \
                    and not self.know.known_name(tail.text):
                return [trace.mark(Span(doc, span.start, cut, label="ORG"), "org.title_tail"),
                        trace.mark(Span(doc, cut, span.end, label="PERSON"), "org.title_tail")]
        return [span]

    def known_prefix(self, span: Span) -> Span | None:
        """"UNODC Country Office" -> "UNODC": a known organisation plus a generic unit word."""
        doc = span.doc
        for cut in range(span.end - 1, span.start, -1):
            head = doc[span.start: cut]
            rest = [t.lower_ for t in doc[cut: span.end]]
            if rest in self.unit_suffixes and (head.text in self.lex.org_case_sensitive
                                               or head.text.lower() in self.lex.surfaces["ORG"]):
                return Span(doc, span.start, cut, label="ORG")
        return None

    # -- completing names ---------------------------------------------------------------------
    def ends_in_place(self, model_spans: list[Span], lex_spans: list[Span],
                      trace: Trace) -> tuple[list[Span], list[Span]]:
        """An organisation whose name ends with a place the model cut short: the model's
        "UNODC Regional Office for Southeast Asia" and the lexicon's "Asia and the Pacific" make
        one ORG, "UNODC Regional Office for Southeast Asia and the Pacific"."""
        places_from: dict[int, list[Span]] = {}
        for p in lex_spans:
            if p.label_ == "PLACE":
                places_from.setdefault(p.start, []).append(p)
        drop = set()
        out = []
        for m in model_spans:
            if m.label_ == "ORG" and places_from \
                    and any(t.lower_ in self.for_heads or t.lower_ in self.of_heads for t in m):
                for i in range(m.start + 1, m.end):
                    for p in places_from.get(i, ()):
                        if m.end < p.end and any(t.lower_ in ("for", "of") for t in m.doc[m.start: p.start]):
                            m = trace.mark(Span(m.doc, m.start, p.end, label="ORG"), "org.ends_in_place")
                            drop.add((p.start, p.end))
            out.append(m)
        return out, [p for p in lex_spans if (p.start, p.end) not in drop]

    def starts_in_place(self, model_spans: list[Span], lex_spans: list[Span],
                        trace: Trace) -> tuple[list[Span], list[Span]]:
        """A body named after a place the model cut in two: the lexicon's "Bosnia and Herzegovina"
        and the model's "Herzegovina State Border Service" make one ORG, "Bosnia and Herzegovina
        State Border Service"; so do "Frankfurt am Main" and "Main Public Prosecutor's Office".
        Only when the model's span ends with a body's head word (``of_place_heads``,
        ``for_place_heads``)."""
        places = [p for p in lex_spans if p.label_ == "PLACE" and len(p) > 1]
        if not places:
            return model_spans, lex_spans
        drop = set()
        out = []
        for m in model_spans:
            if m.label_ == "ORG" and (m[-1].lower_ in self.of_heads or m[-1].lower_ in self.for_heads):
                for p in places:
                    if p.start < m.start < p.end < m.end:
                        m = trace.mark(Span(m.doc, p.start, m.end, label="ORG"), "org.starts_in_place")
                        drop.add((p.start, p.end))
                        break
            out.append(m)
        return out, [p for p in lex_spans if (p.start, p.end) not in drop] if drop else lex_spans

    def name_of_org(self, model_span: Span, org: Span) -> bool:
        """The model ran a name into a known organisation: "(Sanne ter) Horst of Europol". When
        the words before its "of" are a name, not a body, they become a PERSON and the
        organisation stands alone ("Ministry of ... of Europol" keeps the longer span)."""
        doc = org.doc
        if org.label_ != "ORG" or model_span.label_ != "ORG" or org.end != model_span.end:
            return False
        head = doc[model_span.start: org.start - 1]
        return (org.start - model_span.start) in (2, 3) and doc[org.start - 1].lower_ == "of" \
            and all(self.persons.name_token(t) and t.lower_ not in self.org_words and t.lower_ not in self.generic_body
                    for t in head)

    def agency_units(self, spans: list[Span], trace: Trace) -> list[Span]:
        """An agency acronym followed by a place names a unit: "ANF Peshawar", "NCB Mumbai" -> ORG."""
        def join(prev: Span, sp: Span) -> Span | None:
            doc = sp.doc
            if sp.end < len(doc) and doc[sp.end].text in ("Field", "Resident", "Division", "Office", "Battalion",
                                                         "Unit", "Department", "Squad", "Command", "Wing"):
                return None  # the place names a unit of the agency: "DEA [Phoenix] Field Division" (the DEA)
            if sp.label_ == "PLACE" and prev.label_ == "ORG" and prev.end == sp.start and len(prev) == 1 \
                    and prev.text.isupper() and len(prev.text) >= 2:
                return trace.mark(Span(sp.doc, prev.start, sp.end, label="ORG"), "org.agency_unit")
            return None
        return merge_adjacent(spans, join)

    def unit_of_parent(self, spans: list[Span], lex_keys: set) -> list[Span]:
        """A unit the model read apart from the body it belongs to is no mention (GUIDELINES.md:
        only the parent is annotated): "the [Counter-Narcotics Unit] of the [Ministry of the
        Interior]" keeps the ministry (``[org] unit_heads``; a lexicon's name stays)."""
        starts = {s.start for s in spans if s.label_ == "ORG"}
        out = []
        for span in spans:
            doc, i = span.doc, span.end
            if span.label_ == "ORG" and (span.start, span.end) not in lex_keys and span[-1].lower_ in self.unit_heads \
                    and span[-1].is_title and i + 1 < len(doc) and doc[i].lower_ == "of":
                k = i + 2 if doc[i + 1].lower_ == "the" else i + 1
                if k in starts:
                    continue
            out.append(span)
        return out

    def seat_of_unit(self, spans: list[Span]) -> list[Span]:
        """The place an organisation's office is named for is no mention of the place (the
        guidelines: "UNODC Country Office in Türkiye", "UNODC Regional Office for West and Central
        Africa" name an office): a PLACE after a known or recognised ORG, one of ``unit_suffixes``
        written with capitals, and "in" / "for" (the) goes, and so does a place coordinated with it
        ("Regional Office for the Middle East and North Africa")."""
        orgs_end = {s.end for s in spans if s.label_ == "ORG"}
        drop: set[int] = set()
        ends: set[int] = set()  # where a dropped place ends
        for span in spans:
            if span.label_ != "PLACE":
                continue
            doc, i = span.doc, span.start - 1
            if i >= 1 and doc[i].lower_ == "and" and i in ends:
                drop.add(span.start)
                ends.add(span.end)
                continue
            if i >= 0 and doc[i].lower_ == "the":
                i -= 1
            if i < 1 or doc[i].lower_ not in ("in", "for"):
                continue
            for words in self.unit_suffixes:
                a = i - len(words)
                if a >= 1 and a in orgs_end and all(
                        t.lower_ == w and t.text[:1].isupper() for t, w in zip(doc[a:i], words, strict=True)):
                    drop.add(span.start)
                    ends.add(span.end)
                    break
        return [s for s in spans if s.label_ != "PLACE" or s.start not in drop] if drop else spans

    def of_place(self, spans: list[Span], trace: Trace) -> list[Span]:
        """"Ministry of Internal Affairs of Russia", "National Security Service of the Republic of
        Armenia", "Regional Office for South-Eastern Europe": a body's name ending "of/for <place>"
        is one organisation."""
        def join(prev: Span, sp: Span) -> Span | None:
            doc = sp.doc
            if not 0 < sp.start - prev.end <= 2:
                return None  # nothing, or more than "of the" / "for the", between them
            between = [t.lower_ for t in doc[prev.end: sp.start]]
            if prev.label_ != "ORG" or sp.label_ != "PLACE" or prev[-1].lower_ not in self.of_heads \
                    or self.know.known_org(prev.text):  # "National Crime Agency of the UK" stays the agency
                return None
            if between in (["for"], ["for", "the"]) and (prev[-1].lower_ not in self.for_heads
                                                        or (sp.end < len(doc) and doc[sp.end].text in POSS_TOKENS)):
                return None  # "thanked the Federal Police for Brazil's cooperation"
            if between in (["of"], ["of", "the"], ["for"], ["for", "the"]):
                return trace.mark(Span(sp.doc, prev.start, sp.end, label="ORG"), "org.of_place")
            return None
        return merge_adjacent(spans, join)
