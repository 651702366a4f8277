"""Persons: titles, what may stand in a name, names the model cut short, and speakers
(settings: ``[person]`` in rules.toml).

Rules: ``person.title`` (titles stripped: "Director Ghada Waly" -> "Ghada Waly"),
``person.extent`` ("Pedro Albuquerque [Matos]", "[van der] Berg"), ``person.speaker`` (a
one-word model place that speaks: "Trujillo explained"), ``person.name_of_org`` (the model ran a
name into a known organisation: "Horst of Europol" -> PERSON "Horst" + ORG "Europol"),
``person.coordinated`` (a name-shaped model ORG in a list of people: "Ashford, Pryce, Bentley and Whitcombe"),
``person.titled`` (a name the model missed after a title: "Spokesman [Jan de Vries] said"),
``person.aged`` (a name-shaped model place followed by an age: "[Levita Fifita], 29,").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from docmine.nlp.doctext import token_words
from docmine.nlp.gazetteer import common_words, word_classes
from docmine.nlp.rules.base import (
    BREAK_WORDS,
    MONTHS,
    OPENERS,
    WEEKDAYS,
    Knowledge,
    Trace,
    common_word,
    dictionary_word,
    list_neighbours,
)
from docmine.nlp.rules.headlines import lowered

RULES = ("person.title", "person.extent", "person.speaker", "person.name_of_org", "person.given_name",
         "person.coordinated", "person.titled", "person.aged", "person.surname_first")


DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


GROUP_ARTICLES = frozenset(("Los", "Las"))


class PersonRules:
    def __init__(self, know: Knowledge):
        self.know = know
        self.lex = know.lex
        p = know.settings.person
        self.titles = {t.rstrip(".") for t in p.titles}
        self.title_qualifiers = {t.rstrip(".") for t in p.title_qualifiers}
        self.honorifics = {t.rstrip(".") for t in p.honorifics}
        self.title_acronyms = frozenset(p.title_acronyms)
        self.particles = set(p.particles)
        self.name_suffixes = set(p.suffixes)
        self.not_name = set(p.not_name_words) | set(know.settings.org.vehicle_makes)  # "a [Toyota Yaris]"
        self.letter_after = frozenset(p.letter_after)
        self.speech_verbs = set(p.speech_verbs)
        self.company_nouns = frozenset(know.settings.org.company_nouns_after)
        self.headline_verbs = set(p.headline_verbs)
        self.postnominals = set(p.postnominals)
        empty: frozenset[str] = frozenset()
        self.word_classes = word_classes() if know.lex.language == "en" else dict.fromkeys(
            ("verb", "noun", "adj", "adv"), empty)
        self.news_agencies = {c.lower() for c in know.settings.place.dateline_credits}
        self.org_words = set(know.settings.place.org_words)
        self.post_qualifiers = set(p.post_qualifiers)
        self.place_suffixes = set(know.settings.place.suffixes)
        self.people_nouns = frozenset(p.handle_people) | frozenset(p.apposed_people)

    # -- model spans --------------------------------------------------------------------------
    def strip_titles(self, doc: Doc, start: int, end: int) -> int:
        """New start of a model PERSON after its leading titles ("Director", "Mr."), a nationality
        before a first name ("Briton Ken Bigley", "Iraqi Ayad Allawi") and a portfolio after "of"
        ("Chancellor of the Exchequer Nigel Lawson")."""
        while start < end and (doc[start].lower_.rstrip(".") in self.titles or doc[start].text == "."
                               or end - start >= 3 and doc[start].text in self.know.lex.demonyms
                               and self.know.given_name(doc[start + 1])):
            start += 1
        # a post's portfolio before a first name: "Chancellor of the [Exchequer] Nigel Lawson"
        if end - start >= 3 and start > 0 and doc[start - 1].lower_ in ("of", "the") \
                and not self.know.given_name(doc[start]) and self.know.given_name(doc[start + 1]):
            start += 1
        return start

    def strip_headline_verbs(self, doc: Doc, start: int, end: int) -> int:
        """New end of a model PERSON before the capitalised verb of a headline the model took into
        the name ("Director Carter Delivers the National Statement", "Blinken Announces") and before
        the letters after a name ("Paul Farrer KC")."""
        while end - start > 1 and (doc[end - 1].is_title and doc[end - 1].lower_ in self.headline_verbs
                                   or doc[end - 1].text in self.postnominals):
            end -= 1
        return end

    def inner_post(self, span: Span, trace: Trace) -> list[Span]:
        """A model PERSON (or ORG, before a first name) that runs a place and a post into the name
        after them is the place and the person: "[Shanzu] Magistrate [Diana Mochache]", "[Harris
        County] Sheriff [Ed Gonzalez]".
        The post is a title word inside the span with a first name and a surname after it; the words
        before it are a place docmine knows or a name ending in a place designator ("County"), else
        they are dropped; a body's name before the post is :meth:`OrgRules.title_tail`'s."""
        doc = span.doc
        if span.label_ not in ("PERSON", "ORG") or len(span) < 4:
            return [span]
        for k in range(span.start + 1, span.end - 2):
            if self.title_word(doc[k]) and doc[k].is_title and not self.title_word(doc[k - 1]) \
                    and all(t.is_title and t.is_alpha for t in doc[k + 1:span.end]) \
                    and (span.label_ == "PERSON" or self.know.given_name(doc[k + 1])) \
                    and not any(t.lower_ in self.org_words for t in doc[span.start:k]):
                j = k
                while j > span.start and doc[j - 1].lower_ in self.post_qualifiers:
                    j -= 1  # "Deputy", "Senior" before the post
                out = [trace.mark(Span(doc, k + 1, span.end, label="PERSON"), "person.titled")]
                before = Span(doc, span.start, j, label="PLACE")
                if len(before) and (self.know.place_name(before.text) or len(before) >= 2
                                    and before[-1].lower_ in self.place_suffixes):
                    out.insert(0, trace.mark(before, "place.clean"))
                return out
        return [span]

    def title_word(self, t: Token) -> bool:
        """A word of a post: "CEO", "chairman", "Deputy" (``[person] titles``)."""
        return t.lower_.rstrip(".") in self.titles

    def body_acronym(self, t: Token) -> bool:
        """A title's letters written as a body's acronym: "the SEC voted" (not "Sec.", "SEC. 2",
        "CEO", ``[person] title_acronyms``; not a word of a line in capitals)."""
        doc = t.doc
        if not (t.is_upper and t.is_alpha and 2 <= len(t) <= 4) or t.lower_ in self.title_acronyms:
            return False
        if t.i + 1 < len(doc) and doc[t.i + 1].text == ".":
            return False  # "SEC. 2", "SEC. RUMSFELD:"
        return not any(0 <= j < len(doc) and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) > 1
                       for j in (t.i - 1, t.i + 1))

    def after_title(self, doc: Doc, i: int) -> bool:
        """Token ``i`` directly follows a capitalised title, its full stop allowed ("Sec. Mayorkas")."""
        j = i - 1 if i > 0 and doc[i - 1].text != "." else i - 2
        return j >= 0 and doc[j].is_title and doc[j].lower_.rstrip(".") in self.titles

    def validate(self, span: Span, words: list[str]) -> Span | None:
        """A model PERSON with a heading word, only titles, a lower-case word that is no particle,
        a known body's acronym ("DEA"), or the text of a drug or a place is no person (None)."""
        if any(w in self.not_name for w in words) or all(w in self.titles for w in words):
            return None
        if any(w.endswith("s") and w[:-1] in self.not_name for w in words) \
                and not any(self.know.given_name(t) for t in span):
            return None  # a plural of a heading or unit word, no first name: "Joint Investigation Teams"
        cut = self.after_designated_letter(span)
        if cut is not None:
            if span.end - cut < 2 or span.text in self.lex.people:
                return None  # "hepatitis [C. Coverage] across the region": the letter is the disease's
            span = Span(span.doc, cut, span.end, label="PERSON")  # "[Schedule I. John Carter]" -> "John Carter"
            words = [t.lower_ for t in span if t.is_alpha]
        if any(t.is_alpha and t.is_lower and t.lower_ not in self.particles for t in span) \
                and not self.uncapitalised(span):
            return None
        if self.lex.drug(span.text) or self.lex.places.get(span.text.lower()):
            return None
        if len(span) > 1 and any(t.is_upper and t.is_alpha and len(t) > 1 and self.know.known_org(t.text)
                                 for t in span):
            return None  # a body's acronym inside: "Laredo DEA HIDTA" (a task force's name), nobody's name
        alpha = [t for t in span if t.is_alpha]
        if len(alpha) > 1 and span.text not in self.lex.people and all(
                dictionary_word(t) and not self.know.given_name(t) for t in alpha) and (
                _own_line(span) or any(t.lower_ in common_words(5.0) for t in alpha)):
            # everyday words only, no first name, on a line of their own or with a word no name is
            # ("Press Briefing", "Schedule I. However"); "Grace Khan", "Morris Broad" stay
            return None
        if len(span) == 2 and span[0].text in GROUP_ARTICLES and span[1].text[:1].isupper() \
                and span[1].lower_.endswith("s") and not self.know.place_name(span.text):
            # "Los Rusos", "Los Zetas", "Las Moiras": a plural name after a plural article is a
            # group; nobody is called "Los" ("Los Angeles", "Las Vegas" are places the lists know)
            return Span(span.doc, span.start, span.end, label="ORG")
        if len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ in DETERMINERS \
                and span[0].lower_ in common_words(3.0) and not self.modifies_noun(span):
            return None  # "the Cartel has", "a Minister": an everyday noun heading its own phrase
        return span

    def after_designated_letter(self, span: Span) -> int | None:
        """Where a name may start after a capital letter and its full stop that follow a noun letters
        name kinds of ("hepatitis C.", "Schedule I."), the letter at the span's start or inside it;
        None if there is no such letter."""
        doc = span.doc
        cut = None
        for i in range(span.start, span.end):
            text = doc[i].text
            if re.fullmatch(r"[A-Z]\.", text):
                end = i + 1
            elif len(text) == 1 and text.isupper() and i + 1 < span.end and doc[i + 1].text == ".":
                end = i + 2
            else:
                continue
            if i > 0 and doc[i - 1].lower_ in self.letter_after:
                cut = end
        return cut

    @staticmethod
    def modifies_noun(span: Span) -> bool:
        """Is a lower-case content word next, the name modifying it ("the Bush administration";
        not "the Cartel in Mexico")?"""
        doc = span.doc
        if span.end >= len(doc):
            return False
        nxt = doc[span.end]
        return nxt.is_alpha and nxt.is_lower and not nxt.is_stop

    def uncapitalised(self, span: Span) -> bool:
        """A name in lower case where the writer capitalises nothing: the whole name is lower case
        and its sentence starts with a lower-case word ("jill allen finishes her exam today", "max
        and jen are looking for you"); a lower-case word inside a capitalised sentence is no name."""
        first = next((t for t in span.sent if t.is_alpha), None)
        return all(t.is_alpha and t.is_lower for t in span) and first is not None and first.is_lower

    def given_name_shape(self, doc: Doc, start: int, end: int) -> bool:
        """Two or three capitalised words, the first a given name and the others no everyday word,
        place or known body ("Tiffany Eppelheimer", "Charisse Phillips"; not "Rosa Parks Museum")."""
        if not 2 <= end - start <= 3 or not self.know.given_name(doc[start]):
            return False
        return all(t.is_alpha and t.is_title and not dictionary_word(t) and not self.know.known_name(t.text)
                   and t.lower_.rstrip(".") not in self.titles for t in doc[start + 1: end])

    def named_person(self, span: Span, people: list[Span], trace: Trace) -> Span:
        """A model ORG or PLACE shaped like a person's name ("Tiffany Eppelheimer") is a PERSON where
        the text says so: right after a person's title ("Director Tiffany Eppelheimer"), or in a list
        with a person ("Juan González and Tiffany Eppelheimer"). Companies named after people
        ("Morgan Stanley", "Charles Schwab") have no such evidence and keep their label."""
        doc = span.doc
        start, end = span.start, span.end
        if span.label_ == "PERSON" or not self.given_name_shape(doc, start, end) \
                or self.know.known_name(span.text):
            return span
        joined = lambda i: 0 <= i < len(doc) and doc[i].lower_ in ("and", ",", ";", "&")  # noqa: E731
        listed = any(p.end == start - 1 and joined(start - 1) or p.start == end + 1 and joined(end)
                     for p in people)
        if listed or self.after_title(doc, start):
            return trace.mark(Span(doc, start, end, label="PERSON"), "person.given_name")
        return span

    def given_name_first(self, span: Span, taken: set[int], trace: Trace) -> Span:
        """A one-word model PLACE or ORG that is a first name, followed by a name the model left
        out, is that person: "[Dragan] Kovacevic, 44, was charged" -> PERSON "Dragan Kovacevic"
        (the model reads unfamiliar first names as places). The words after it must be capitalised
        name words in the same sentence, no everyday word, place or body ("Florence Harbour" stays)."""
        doc = span.doc
        if span.label_ == "PERSON" or len(span) != 1 or not self.know.given_name(span[0]) \
                or self.know.known_name(span.text):
            return span
        end = span.end
        while end < len(doc) and end - span.start < 3 and end not in taken and self.continues_name(doc, end) \
                and not dictionary_word(doc[end]):
            end += 1
        if end == span.end:
            return span
        return trace.mark(Span(doc, span.start, end, label="PERSON"), "person.given_name")

    def surname_first(self, span: Span, taken: set[int], trace: Trace) -> Span:
        """A model PERSON that starts with a first name, after a capitalised word the model left
        out, is the longer name: "the arrest of Egbo [Emmanuel Maduka]" -> "Egbo Emmanuel Maduka"
        (surname-first order, usual in Nigerian, Chinese and Hungarian names). The word must be
        rare (no everyday word, WordNet noun or adjective, title, month, nationality, place or body)
        and open the name: after a lower-case word or punctuation, not at a sentence's start."""
        doc = span.doc
        i = span.start - 1
        if span.label_ != "PERSON" or len(span) < 2 or i < 1 or i in taken or not self.know.given_name(span[0]):
            return span
        tok, prev = doc[i], doc[i - 1]
        if not (tok.is_title and tok.is_alpha and len(tok) >= 3) or tok.is_sent_start or not tok.whitespace_ \
                or common_word(tok) or any(tok.lower_ in self.word_classes[c] for c in ("noun", "adj")) \
                or tok.lower_ in self.titles or tok.text in MONTHS or tok.text in WEEKDAYS \
                or tok.text in self.lex.demonyms or self.know.known_name(tok.text) or tok.text in self.know.gazetteer \
                or prev.is_title or prev.is_upper and prev.is_alpha:
            return span
        return trace.mark(Span(doc, i, span.end, label="PERSON"), "person.surname_first")

    def titled_start(self, span: Span) -> bool:
        """The span starts with a person's title and a first name ("Spokesman Pieter de Vries")."""
        return len(span) >= 3 and span[0].lower_.rstrip(".") in self.titles and self.know.given_name(span[1])

    def _post_before(self, words: list[str], lowers: list[str], i: int) -> bool:
        """A person's title ends right before token ``i``: "Spokesman", "Mr.", or a post with its
        portfolio ("Secretary of Security", "Minister for Foreign Affairs and Trade"), a comma
        allowed after it ("the Commissioner of the National Migration Institute, Alejandro ...")."""
        j = i - 2 if words[i - 1] == "." else i - 1  # "Mr. Jan de Vries"
        if j >= 0 and lowers[j].rstrip(".") in self.titles and lowers[j].rstrip(".") not in self.title_qualifiers:
            return True  # not a word that only qualifies a post ("Project Prism", "National Semiconductor")
        start = i - 2 if words[i - 1] == "," else i - 1  # "Commissioner of the Institute, Alejandro ..."
        for k in range(start, max(-1, start - 8), -1):
            w = words[k]
            if lowers[k] in self.titles and lowers[k + 1] in ("of", "for") and words[k][:1].isupper():
                return True
            if not (w.istitle() and w.isalpha() or lowers[k] in ("of", "for", "the", "and", "&")):
                return False
        return False

    def titled_names(self, doc: Doc, taken: set[int], trace: Trace) -> list[Span]:
        """A name the model missed after a person's title: the title, then a first name
        (``models/given_names.txt``) and up to three more name words or particles, the last one
        capitalised ("Spokesman [Jan de Vries] said", "Prosecutor [Ana María Ortiz] told",
        "Secretary of Security [Rosa Icela Rodríguez]").
        Both the title and the first name are evidence; a capitalised word the model took for
        something else, or an everyday word, ends the name ("Director Maria Health Services" gives
        nothing)."""
        out: list[Span] = []
        n = len(doc)
        words, lowers = token_words(doc)
        given = self.know.given_names
        # only a first name or a word in title case can start a name here
        for i in [k for k in range(1, n) if words[k] in given or words[k].istitle()]:
            if i in taken or i - 1 in taken:
                continue
            if words[i] not in given:  # the token text: no Token object per word
                # a surname alone after a post, in a list of officials ("Chief of Staff Zients, ...")
                if words[i].istitle() and words[i].isalpha() and len(words[i]) > 2 and self.name_token(doc[i]) \
                        and (i + 1 == n or lowers[i + 1] in (",", ";", ".", "and")) \
                        and not dictionary_word(doc[i]) and not self.know.known_name(words[i]) \
                        and words[i - 1][:1].isupper() and self._post_before(words, lowers, i):
                    out.append(trace.mark(Span(doc, i, i + 1, label="PERSON"), "person.titled"))
                    taken.add(i)
                continue
            if not self._post_before(words, lowers, i):
                continue
            end = i + 1
            while end < n and end - i < 4 and end not in taken:
                if lowers[end] in self.particles and end + 1 < n and end + 1 not in taken \
                        and self.continues_name(doc, end + 1):
                    end += 2
                elif self.continues_name(doc, end) and not dictionary_word(doc[end]):
                    end += 1
                else:
                    break
            if end - i >= 2 and not self.know.known_name(doc[i:end].text):
                out.append(trace.mark(Span(doc, i, end, label="PERSON"), "person.titled"))
                taken.update(range(i, end))
        return out

    # -- names --------------------------------------------------------------------------------
    def name_token(self, tok) -> bool:
        """Could this token be part of a person's name?"""
        low = tok.lower_
        return (
            tok.is_alpha or "-" in tok.text and all(p.isalpha() for p in tok.text.split("-") if p)
        ) and tok.text[:1].isupper() and low not in self.not_name and low.rstrip(".") not in self.titles \
            and low not in self.lex.surfaces["PLACE"] and low not in self.lex.surfaces["ORG"] \
            and tok.text not in self.lex.org_case_sensitive and self.lex.drug(tok.text) is None

    def continues_name(self, doc: Doc, j: int) -> bool:
        """May token ``j`` (``j >= 1``) extend the name that ends before it: a capitalised name word
        in the same sentence, after a space, no everyday word or headline verb ("Debra Perlingiere
        Please", "Director Carter Delivers" are a name and the next sentence)."""
        tok = doc[j]
        return self.name_token(tok) and not tok.is_sent_start and doc[j - 1].whitespace_ != "" \
            and self.may_extend(tok) and tok.lower_ not in self.headline_verbs and tok.text not in self.postnominals \
            and j not in lowered(doc)

    def adjective_before_name(self, doc: Doc, i: int, start: int) -> bool:
        """Token ``i`` is an adjective and no first name, before the first name at ``start``:
        "Glaswegian Stefan Boyd", "Young Tom Hall" (WordNet's adjectives)."""
        return doc[i].lower_ in self.word_classes["adj"] and not self.know.given_name(doc[i]) \
            and self.know.given_name(doc[start])

    @staticmethod
    def may_extend(tok) -> bool:
        """A word the model left outside a name joins it only if it is no everyday word: "Debra
        Perlingiere Please", "Director Carter Delivers" are a name and the next sentence."""
        return not common_word(tok)

    @staticmethod
    def full_name(span: Span) -> bool:
        """Two or more capitalised words ("Larry Lewis", "Ana Paula"; not "dos Santos", "Matos")."""
        return sum(1 for t in span if t.is_alpha and t.text[:1].isupper()) >= 2

    def absorbable(self, spans: list[Span], lex_keys: set) -> dict[int, int]:
        """token -> 1 when a name may absorb it (another PERSON, or a lone model word), 2 when only
        a name of one word may (another PERSON that is a full name itself: in a list "Renee
        Ratcliff Larry Lewis" are two people), 0 when none may."""
        others = {}
        for sp in spans:
            absorbable = (sp.start, sp.end) not in lex_keys and (sp.label_ == "PERSON" or len(sp) == 1)
            code = 0 if not absorbable else 2 if sp.label_ == "PERSON" and self.full_name(sp) else 1
            for i in range(sp.start, sp.end):
                others[i] = code
        return others

    def extent(self, span: Span, others: dict, trace: Trace) -> Span:
        """Complete names the model cut short: "Pedro Albuquerque [Matos]", "[Ana] Paula dos Santos",
        "[van der] Berg", "[Rui-]Siang Lin", a first name that opens the sentence ("[Néstor] Isidro
        Pérez Salas"). A full name (two capitalised words) absorbs no other model PERSON that is a full name too ("Ben
        Markey" and "Mary John" in "Coach : Ben Markey Mary John" are two) unless it ends in a first
        name and the other opens with none ("Néstor Isidro" + "Pérez Salas")."""
        doc = span.doc
        start, end = span.start, span.end
        own = set(range(start, end))
        full = self.full_name(span)
        free = lambda i: 0 <= i < len(doc) and (  # noqa: E731
            i in own or others.get(i, 1) == 1 or others.get(i) == 2 and not full)
        while True:  # right: [particles] + capitalised name word
            j = end
            while free(j) and doc[j].lower_ in self.particles and doc[j].is_lower:
                j += 1
            if free(j) and self.continues_name(doc, j):
                end = j + 1
            else:
                break
        # a full name after a full name is one person when it opens with no first name and this one
        # ends in one ("Néstor Isidro" + "Pérez Salas"; "Ben Markey" + "Mary John" stay two)
        if full and end < len(doc) and others.get(end) == 2 and not self.know.given_name(doc[end]) \
                and self.know.given_name(doc[end - 1]) and doc[end - 1].whitespace_ != "":
            # the model read the words as a person's: an everyday word may be a surname there ("Khan")
            while end < len(doc) and others.get(end) == 2 and self.name_token(doc[end]) \
                    and not doc[end].is_sent_start and doc[end - 1].whitespace_ != "" \
                    and doc[end].lower_ not in self.headline_verbs:
                end += 1
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in self.name_suffixes \
                and doc[end + 1].text[:1].isupper():  # "Othon Marban, Sr., and ..."
            end += 1
        if end < len(doc) and doc[end].lower_ in self.name_suffixes:
            end += 1
            if end < len(doc) and doc[end].text == "." and not doc[end - 1].text.endswith("."):
                end += 1
        while True:  # left: particles ("van der Berg") or a given name the model left out
            i = start - 1
            if i > 0 and doc[i].text in ("-", "\u2010") and not doc[i].whitespace_ and not doc[i - 1].whitespace_ \
                    and doc[i - 1].is_title and doc[i - 1].is_alpha and free(i) and free(i - 1):
                start = i - 1  # the first part of a hyphenated first name: "[Rui-]Siang Lin", "[Jean-]Pierre"
                continue
            while free(i) and doc[i].lower_ in self.particles and not doc[i].is_punct:
                i -= 1
            if i < start - 1 and (not free(i) or not self.name_token(doc[i])):
                # particles only: keep them when they open the sentence ("Van der Berg said")
                if doc[i + 1].is_sent_start or doc[i + 1].text[:1].isupper():
                    start = i + 1
                break
            # a sentence's first word joins only as a first name ("[Néstor] Isidro Pérez Salas headed ...")
            portfolio = i > 0 and doc[i - 1].lower_ in ("of", "the") and self.know.given_name(doc[start]) \
                and not self.know.given_name(doc[i])  # "Chancellor of the [Exchequer] Nigel Lawson"
            # the first word after a dash, bracket or quote opens a sentence too ("(Reuters) -
            # Businessman Sam Katz"); a nationality is no first name ("Briton Ken Bigley")
            opens = doc[i].is_sent_start or i > 0 and doc[i - 1].text in OPENERS
            # an acronym is no part of a name written in mixed case ("to Counter [ISIL] Brett McGurk")
            acronym = len(doc[i]) > 1 and doc[i].is_upper and not doc[start].is_upper
            if free(i) and self.name_token(doc[i]) and doc[i].whitespace_ and not acronym \
                    and (not opens or self.know.given_name(doc[i])) and doc[i].text not in self.know.lex.demonyms \
                    and self.may_extend(doc[i]) and i not in lowered(doc) and not portfolio \
                    and not self.adjective_before_name(doc, i, start):
                start = i
            else:
                break
        if (start, end) == (span.start, span.end):
            return span
        return trace.mark(Span(doc, start, end, label="PERSON"), "person.extent")

    def speaker(self, span: Span, lex_keys: set, trace: Trace) -> Span:
        """A one-word "place" that speaks is a person: "Trujillo explained", "said Irwan." (but
        not "police in Swabi said", nor "said Swabi and Mardan were affected"); so is a one-word
        model ORG that is no acronym, no everyday word and no body or place docmine knows ("Kundu
        said": the model reads a lone surname as a body)."""
        doc = span.doc
        if span.label_ not in ("PLACE", "ORG") or len(span) != 1 or (span.start, span.end) in lex_keys \
                or span.text.lower() in self.lex.surfaces["PLACE"]:
            return span
        if span.label_ == "ORG" and (not span[0].is_title or not span[0].is_alpha or dictionary_word(span[0])
                                     or self.know.known_name(span.text) or span[0].lower_ in self.news_agencies
                                     or span[0].lower_ in self.org_words):
            return span  # "ALERT said", "Reuters said", "Police said", "Bancorp said": a body speaks too
        nxt = doc[span.end] if span.end < len(doc) else None
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        if prev in BREAK_WORDS or prev in ("of", "across", "throughout", "towards", "around"):
            return span
        if (nxt is not None and nxt.lower_ in self.speech_verbs) \
                or (prev in self.speech_verbs and (nxt is None or nxt.is_punct)):
            if self.body_elsewhere(span):
                return span
            start = span.start
            if start > 0 and doc[start - 1].is_title and self.know.given_name(doc[start - 1]):
                start -= 1  # "Deputy Director Ana [Popescu] said": the model's body was the surname only
            return trace.mark(Span(doc, start, span.end, label="PERSON"), "person.speaker")
        return span

    def body_elsewhere(self, span: Span) -> bool:
        """The document shows the speaking word as a body elsewhere: a company noun after it
        ("Microsoft shares", ``[org] company_nouns_after``), or, for a model ORG, the model's ORG for
        it where it does not speak ("Microsoft to help users prep ... Microsoft said today that it
        plans": a company speaks as often as a person does), unless a first name comes before it
        somewhere ("Ana Popescu")."""
        from docmine.nlp.rules.merges import company_names

        doc = span.doc
        if self.company_nouns and span.text in company_names(doc, self.company_nouns):
            return True
        if span.label_ != "ORG":
            return False

        def speaks(e: Span) -> bool:
            nxt = doc[e.end].lower_ if e.end < len(doc) else ""
            prev = doc[e.start - 1].lower_ if e.start > 0 else ""
            return nxt in self.speech_verbs or prev in self.speech_verbs
        texts = token_words(doc)[0]  # read once per document: no Token object per word
        if any(w == span.text and i > 0 and self.know.given_name(doc[i - 1]) for i, w in enumerate(texts)):
            return False  # "Deputy Director Ana Popescu ... Popescu said": the person named in full
        return any(e.label_ == "ORG" and e.text == span.text and e.start != span.start and not speaks(e)
                   for e in doc.ents)

    def after_honorific(self, span: Span, trace: Trace) -> Span:
        """A place of one or two capitalised words right after a form of address is a person's
        name: "Mr. England wrote", "Ms. Jordan said" (``[person] honorifics``). So is a model place or
        body of one word after a form of address and a first name the model left out: "Hon. Olumide
        [Osoba]" (a capitalised word that is no dictionary word)."""
        doc = span.doc
        start = span.start
        i = start - 1
        if len(span) == 1 and span.label_ in ("PLACE", "ORG") and i > 0 and doc[i].is_alpha and doc[i].is_title \
                and not dictionary_word(doc[i]) and not self.know.known_name(doc[i].text):
            before = i - 1 if doc[i - 1].text != "." else i - 2
            if before >= 0 and doc[before].lower_.rstrip(".") in self.honorifics and doc[before].text[:1].isupper() \
                    and span[0].is_alpha and span[0].is_title:
                return trace.mark(Span(doc, i, span.end, label="PERSON"), "person.title")
        if i > 0 and doc[i].text == ".":
            i -= 1
        if span.label_ != "PLACE" or len(span) > 2 or i < 0 or doc[i].lower_.rstrip(".") not in self.honorifics \
                or not doc[i].text[:1].isupper() or not all(t.is_alpha and t.is_title for t in span):
            return span
        return trace.mark(Span(doc, start, span.end, label="PERSON"), "person.title")

    def aged(self, span: Span, lex_keys: set, trace: Trace) -> Span:
        """A model PLACE or ORG of two to four capitalised words followed by an age, or in apposition
        to a noun of a person (``[person] handle_people``, ``apposed_people``), is a person: "from
        [Levita Fifita], 29, a dual citizen", "[Dragan Kovacevic] (44) was charged", "arrested a
        businessman, [Molokwu Nwachukwu], who frequents China". Not a
        name docmine knows, and not one with a body's or a place's word ("Kabul Province, 2021")."""
        doc = span.doc
        if span.label_ not in ("PLACE", "ORG") or not 2 <= len(span) <= 4 or (span.start, span.end) in lex_keys \
                or not all(t.is_alpha and t.is_title and not dictionary_word(t) for t in span) \
                or self.know.known_name(span.text) or any(self.know.known_name(t.text) for t in span):
            return span
        after = doc[span.end: span.end + 3]
        # in apposition to a noun of a person: "arrested a businessman, [Molokwu Nwachukwu], who ..."
        noun = doc[span.start - 2] if span.start >= 2 else None
        apposed = noun is not None and noun.is_lower and noun.lower_ in self.people_nouns \
            and doc[span.start - 1].text == "," and len(after) >= 1 \
            and (after[0].text in (",", "(") or after[0].lower_ == "who")
        if not apposed and (len(after) < 3 or after[0].text not in (",", "(") or after[2].text not in (",", ")", ";")
                            or not after[1].is_digit or not 16 <= int(after[1].text) <= 99):
            return span
        return trace.mark(Span(doc, span.start, span.end, label="PERSON"), "person.aged")

    def coordinated(self, spans: list[Span], lex_keys: set, trace: Trace) -> list[Span]:
        """A model ORG in a list whose other items are people is one of them ("defendants Ashford,
        Pryce, Bentley and Whitcombe"): the model labels each item on
        its own. Only a name no lexicon knows, of capitalised words that are no dictionary word
        and no body's word; every neighbour across ",", "and" or "or" must be a PERSON."""
        out = list(spans)
        for k, span in enumerate(spans):
            if span.label_ != "ORG" or (span.start, span.end) in lex_keys:
                continue
            labels = [other.label_ for other, _ in list_neighbours(spans, k)]
            if labels and all(lb == "PERSON" for lb in labels) and not self.know.known_org(span.text) \
                    and span[0].is_title and span[-1].is_title \
                    and all(t.is_alpha and (t.is_title and not dictionary_word(t) and t.lower_ not in self.org_words
                                            or t.is_lower and t.lower_ in self.particles) for t in span):
                # a particle inside: "the killings of Kian de los Santos, Carl Arnaiz and ..."
                out[k] = trace.mark(Span(span.doc, span.start, span.end, label="PERSON"), "person.coordinated")
        return out


def _own_line(span: Span) -> bool:
    """The span is its line's only text (a heading, a transcript's "Via Teleconference")."""
    doc = span.doc
    before = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    after = span.end >= len(doc) or "\n" in doc[span.end - 1].whitespace_ or "\n" in doc[span.end].text
    return before and after
