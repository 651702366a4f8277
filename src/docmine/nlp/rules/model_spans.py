"""The statistical model's entities: mapped to docmine's labels (GPE/LOC/FAC -> PLACE), split
where one entity runs into the next, trimmed, and validated by the person, organisation and
place rules.

Rules: ``model.ner`` (the model's entity as it stands), ``person.clean`` / ``org.clean`` /
``place.clean`` (split or trimmed: articles, quotes, bullets, possessives, blocked phrases,
contact details), ``person.title`` (leading titles stripped), ``org.unit_suffix`` (see orgs).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Set

from spacy.tokens import Doc, Span

from docmine.nlp.doctext import span_text, token_alpha, token_words
from docmine.nlp.rules.base import (
    APOS,
    BREAK_WORDS,
    CAPITAL_BREAKS,
    DASHES,
    MODEL_LABELS,
    MONTHS,
    WEEKDAYS,
    Knowledge,
    Trace,
    common_word,
    dictionary_word,
    in_heading,
    words_at,
)
from docmine.nlp.rules.orgs import OrgRules
from docmine.nlp.rules.persons import PersonRules
from docmine.nlp.rules.places import PlaceRules

RULES = ("model.ner", "person.clean", "org.clean", "place.clean")
# a generational suffix, right after a name or alone: "Othon Marban, Jr."
_JUNIOR = re.compile(r"^,?\s*(?:Jr|Sr|Jnr|Snr)\b\.?")
# people of a body, after its name: "Treasury officials", "Customs staff" (the persons' titles count too)
_STAFF = frozenset(("official", "officials", "staff", "employee", "personnel", "investigator", "prosecutor",
                    "representative", "delegation", "team", "counterpart", "partner", "lawmaker"))
# mathematical letters (U+1D400-U+1D7FF), comparison and set signs: a formula, never a name
_FORMULA = re.compile(r"[\U0001D400-\U0001D7FF<>=≤≥≠∑∈{}]")


_LAW_PARTS = frozenset(("Division", "Title", "Part", "Section", "Schedule", "Annex", "Chapter", "Article",
                        "Subtitle", "Appendix"))
"""A law's or a document's parts, named by a letter or a number: no body."""

_SAINT = frozenset(("St", "St.", "Saint", "Ste", "Ste.", "San", "Santa", "São"))
# words that open a sentence before a name and are no part of it ("Besides Saric, the court ...")
_OPENING_WORDS = frozenset(("besides", "despite", "unlike", "like", "after", "before", "although", "though", "while",
                            "when", "since", "meanwhile", "however", "but", "and", "with", "without", "for", "from",
                            "among", "unless", "until", "whereas", "both", "even", "only", "then", "thus", "yet",
                            "according", "including", "against", "beside", "towards", "toward", "via", "per"))


class ModelSpans:
    def __init__(self, know: Knowledge, persons: PersonRules, orgs: OrgRules, places: PlaceRules):
        self.know = know
        self.lex = know.lex
        self.persons = persons
        self.orgs = orgs
        self.places = places
        self.contact_words = set(know.settings.org.contact_words)
        vessels = know.settings.org.vessel_words
        self.vessel_nouns = {w for w in vessels if w.islower()}
        self.operation_words = set(know.settings.org.operation_words)
        # a storm word's last word ("Tropical Storm" -> "Storm") with the words that must come before it
        self.storm_words = {w.split()[-1]: tuple(w.split()[:-1]) for w in know.settings.org.storm_words}
        self.vessel_prefixes = {w for w in vessels if not w.islower()} | self.operation_words
        self.addressed_posts = frozenset(know.settings.person.addressed_posts)
        self.vehicle_makes = frozenset(know.settings.org.vehicle_makes)
        self.vehicle_nouns = frozenset(know.settings.org.vehicle_nouns)
        self.maker_words = frozenset(know.settings.org.maker_words)
        self.body_endings = tuple(know.settings.org.body_endings)
        self.demonstrative_bodies = frozenset(know.settings.org.demonstrative_bodies)
        self.charge_before = [w.split() for w in know.settings.org.charge_before]

    def spans(self, doc: Doc, blocks: list[tuple[int, int]], trace: Trace,
              reread: Set[tuple[int, int]] = frozenset()) -> list[Span]:
        """The model's PERSON / ORG / PLACE entities, split, trimmed and validated; ``reread``
        holds the entities of a headline's second reading (rule ``model.headline``)."""
        out: list[Span] = []
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            if label is None or self.cross_reference(ent):
                continue
            parts = split_parts(doc, ent.start, ent.end, self.contact_words, self.know.known_name,
                                self.persons.particles, self.know.posts)
            if label == "ORG":
                parts = [p for a, b in parts for p in self.comma_bodies(doc, a, b)]
            for start, end in parts:
                if len(parts) > 1 and (label == "PERSON" or label == "ORG" and end - start == 1) \
                        and self.common_part(doc[start:end]):
                    continue  # "Milson Mundim - Associate", "Vince - Thanks", "Perley 's Mills": the rest is the name
                pair, rule = self.places.hyphen_places(doc, start, end, label), "place.hyphen_pair"
                if not pair and label in ("PLACE", "ORG"):  # "from [Folkestone, Kent]": a town and its county
                    pair, rule = self.places.comma_places(doc, start, end, label), "place.comma_pair"
                if pair:  # "the highway Prishtina-Gjilan": two places, not one organisation
                    out.extend(trace.mark(Span(doc, s, e, label="PLACE"), rule) for s, e in pair)
                    continue
                span = self.clean(Span(doc, start, end, label=label), blocks, trace, (ent.start, ent.end))
                if span is None:
                    continue
                if (ent.start, ent.end) in reread and trace.rule(span) == "model.ner":
                    trace.mark(span, "model.headline")
                if span.label_ == "ORG" and span.start > ent.start \
                        and doc[span.start - 1].lower_ in self.places.org_place_before \
                        and not any(t.lower_ in self.places.org_words for t in span) \
                        and not self.know.known_org(span.text) and not self.know.given_name(span[0]):
                    # the place the model read into a body's name: "University of Illinois at
                    # [Urbana-Champaign]", "the Embassy in [Mexico City]"
                    span = trace.mark(Span(doc, span.start, span.end, label="PLACE"), "place.relabel")
                if span.label_ in ("ORG", "PERSON") and self.charge_name(span):
                    continue
                parts_ = self.orgs.person_tail(span, trace) if span.label_ in ("ORG", "PLACE") else [span]
                if len(parts_) == 1 and span.label_ == "ORG":
                    parts_ = self.orgs.title_tail(span, trace)
                if parts_ == [span] and span.label_ == "ORG":
                    parts_ = [self.orgs.internal_unit(span, trace)]
                if parts_ == [span] and self.orgs.unnamed_unit(span):
                    continue
                if parts_ == [span] and span.label_ in ("PERSON", "ORG"):
                    parts_ = self.persons.inner_post(span, trace)
                if parts_ == [span]:  # "[Deschutes County] Sheriff L. Shane Nelson", read as one person too
                    parts_ = [self.places.before_post(span, trace)]
                out.extend(parts_)
        people = [s for s in out if s.label_ == "PERSON"]
        taken = {i for s in out for i in range(s.start, s.end)}
        out = [self.persons.given_name_first(self.persons.named_person(s, people, trace), taken, trace) for s in out]
        out = [self.persons.surname_first(s, taken, trace) for s in out]
        # a model ORG or PLACE that starts with a person's title and a first name is that person
        # ("[Spokesman Pieter de Vries]" ORG): the title-and-name reading below replaces it
        titled = [s for s in out if s.label_ in ("ORG", "PLACE") and self.persons.titled_start(s)]
        taken = {i for s in out if s not in titled for i in range(s.start, s.end)} \
            | {i for s, e in blocks for i in range(s, e)}
        names = self.persons.titled_names(doc, taken, trace)
        named = {i for s in names for i in range(s.start, s.end)}
        return [s for s in out if not (s in titled and named.intersection(range(s.start, s.end)))] + names

    def comma_bodies(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """A model ORG that runs two bodies' names together across a comma, each headed by a body's
        word: "the Ministry of Customs and Trade, Directorate General of Customs Guards" -> two names."""
        org_words = self.places.org_words
        head = start + 1 if doc[start].lower_ == "the" else start
        if not (head < end and doc[head].is_title and doc[head].lower_ in org_words):
            return [(start, end)]
        for i in range(head + 2, end - 1):
            if doc[i].text == "," and doc[i + 1].is_title and doc[i + 1].lower_ in org_words:
                return [(start, i), *self.comma_bodies(doc, i + 1, end)]
        return [(start, end)]

    def cross_reference(self, ent: Span) -> bool:
        """A report's pointer to one of its own sections: "(see Market Dynamics)", "see Substances
        below". A name the lexicons know stays ("see UNODC 2020")."""
        doc = ent.doc
        return ent.start > 0 and doc[ent.start - 1].lower_ == "see" and (
            ent.start > 1 and doc[ent.start - 2].text in ("(", "[") or bool(doc[ent.start - 1].is_sent_start)) \
            and not self.know.known_name(ent.text) and ent.text not in self.lex.people

    def blocked_names(self, doc: Doc) -> list[tuple[int, int]]:
        """The token ranges of the names of vessels, operations and storms (``[org] vessel_words``,
        ``operation_words``, ``storm_words``), blocked for every label: the capitalised words after a lower-case
        ship noun ("the tanker [Nord Pacific]", "motor vessel [Stefan E. Sank]"), and a capitalised
        ship word, prefix or operation word with the name after it ("Coast Guard [Cutter Munro]",
        "the [USS Cole]", "[Operation Hydra Strike]", "[Hurricane Charley]"); a storm's name is
        blocked wherever the document repeats it."""
        if not self.vessel_nouns and not self.vessel_prefixes and not self.storm_words:
            return []
        texts, _ = token_words(doc)
        out = []
        storms: set[tuple[str, ...]] = set()
        for i, w in enumerate(texts[:-1]):
            before = self.storm_words.get(w)
            if before is not None and tuple(texts[max(0, i - len(before)): i]) == before:
                first = i - len(before)
                if first > 0 and texts[first - 1][:1].isupper() and not doc[first].is_sent_start:
                    continue  # inside a body's name: "National Hurricane Center"
                start = first
            elif w in self.vessel_nouns:
                start = i + 1
            elif w in self.vessel_prefixes:
                if w in self.operation_words and i > 0 and texts[i - 1][:1].isupper() and not doc[i].is_sent_start:
                    continue  # inside a body's name: "Special Operation Command"
                start = i
            else:
                continue
            end = i + 1
            while end < len(doc) and end - i <= 4 and texts[end][:1].isupper() and not doc[end].is_sent_start \
                    and "\n" not in doc[end - 1].whitespace_:
                end += 1
            if end > i + 1:
                out.append((start, end))
                if before is not None and end - i <= 3 and texts[end - 1].lower() not in self.orgs.org_words:
                    storms.add(tuple(texts[i + 1: end]))
        for name in storms:  # the storm's name alone elsewhere: "Insurers said [Charley] cost"
            k = len(name)
            out += [(j, j + k) for j in range(len(texts) - k + 1) if tuple(texts[j: j + k]) == name]
        return out

    def common_part(self, part: Span) -> bool:
        """A piece of a split model PERSON made of everyday words only ("Associate Alternates",
        "Thanks") that no lexicon knows."""
        words = [t for t in part if t.is_alpha]
        return bool(words) and all(common_word(t) for t in words) and not self.know.known_name(part.text) \
            and part.text not in self.lex.people

    def _owned(self, doc: Doc, i: int) -> bool:
        """An article or a possessive before the word, perhaps with a model year or adjectives between:
        "drove a Porsche", "his Porsche", "a 2011 Ford", "a high-quality BMW", "a stolen black Audi" (a
        company is rarely owned or counted)."""
        if i > 0 and doc[i - 1].like_num and len(doc[i - 1].text) == 4 and doc[i - 1].text[:2] in ("19", "20"):
            i -= 1
        adjectives = self.orgs.word_classes["adj"]
        k = i
        while k > 0 and i - k < 5 and (doc[k - 1].text == "-" or doc[k - 1].is_lower and doc[k - 1].is_alpha
                                       and doc[k - 1].lower_ in adjectives
                                       and doc[k - 1].lower_ not in ("a", "an", "the")):
            k -= 1
        return k > 0 and doc[k - 1].lower_ in ("a", "an", "the", "his", "her", "their", "my", "our", "your")

    def sentence_case_word(self, doc: Doc, i: int) -> bool:
        """Token i opens a sentence or a line, is a dictionary word no lexicon, place list or
        first-name list knows, and a lower-case word follows: capitalised only because it comes
        first ("Healthcare practitioners need", "Awareness campaigns targeting")."""
        tok = doc[i]
        if not (tok.is_sent_start or _line_start(doc, i)) or not tok.is_title or i + 1 >= len(doc):
            return False
        nxt = doc[i + 1]
        if not (nxt.is_alpha and nxt.is_lower and not nxt.is_stop and dictionary_word(tok)) \
                or self.know.known_name(tok.text) \
                or self.know.place_name(tok.text) or self.know.given_name(tok) or tok.text in self.lex.people:
            return False
        # the next word is a noun and no verb ("workers", "practitioners"; "Congress passed", "Treasury
        # announced" are a name and its verb), or the document writes this word in lower case elsewhere
        classes = self.orgs.word_classes
        low = nxt.lower_
        lemmas = [low] + [low[:-k] for k, end in ((1, "s"), (2, "es"), (2, "ed"), (1, "d")) if low.endswith(end)] \
            + ([low[:-3] + "y"] if low.endswith(("ies", "ied")) else [])
        if any(w in self.persons.titles or w in _STAFF for w in lemmas):
            return False  # "Treasury officials", "State agents": a body's people
        if any(w in classes["verb"] for w in lemmas):
            texts, lowers = token_words(doc)
            return tok.lower_ in {w for t, w in zip(texts, lowers, strict=True) if t == w} and not (
                nxt.lower_ in self.know.settings.person.speech_verbs or low.endswith("ed"))
        return any(w in classes["noun"] for w in lemmas)

    def opening_verb(self, doc: Doc, i: int) -> bool:
        """Token i opens a sentence or a line and is a word WordNet knows only as a verb, which no
        lexicon, place list or first-name list knows: a list item's or an order's verb ("Invest in
        integrity measures", "Strengthen controls"), never a name on its own."""
        tok = doc[i]
        if not (tok.is_sent_start or _line_start(doc, i)) or not tok.is_title or not tok.is_alpha:
            return False
        classes, low = self.orgs.word_classes, tok.lower_
        if low not in classes["verb"] or low in classes["noun"] or low in classes["adj"]:
            return False
        return not (self.know.known_name(tok.text) or self.know.place_name(tok.text) or self.know.given_name(tok)
                    or tok.text in self.lex.people)

    def body_compound(self, texts: list[str], start: int, end: int) -> bool:
        """A capitalised word of tokens ``start:end`` ends in a German or Dutch body's word
        (``[org] body_endings``) with more than three letters before it: "Hauptzollamt"."""
        endings = self.body_endings
        for t in texts[start:end]:
            if t[:1].isupper():
                low = t.lower()
                if low.endswith(endings) and any(len(t) > len(e) + 3 and low.endswith(e) for e in endings):
                    return True
        return False

    def charge_name(self, span: Span) -> bool:
        """A model ORG or PERSON that names a criminal charge, after "one count of", "charged with",
        "guilty of" (``[org] charge_before``): "one count of [Importation of a Controlled
        Substance]", "convicted of [Conspiracy] to Distribute". A body the lexicon knows stays."""
        doc = span.doc
        return any(span.start >= len(w) and words_at(doc, span.start - len(w), w) for w in self.charge_before) \
            and not self.know.known_org(span.text)

    def clean(self, span: Span, blocks, trace: Trace, whole: tuple[int, int] | None = None) -> Span | None:
        """Trim and validate one model entity; None drops it. ``whole`` is the model entity's
        own (start, end), to tell an untouched entity from a trimmed one."""
        doc = span.doc
        texts, lowers = token_words(doc)
        start, end = span.start, span.end
        # a blocked phrase (route, report title) inside: keep only the part before it
        first = start + 1 if lowers[start] in ("the", "a", "an") and start + 1 < end else start
        cut = False
        for bs, be in blocks:
            if bs < end and start < be:
                if start <= bs <= first and be == bs + 1 < end and all(
                        t.is_alpha and t.is_title for t in doc[be:end]):
                    continue  # a code that starts a company's name: "NOK Entertainment", not "NOK 200"
                if start < bs:
                    end, cut = bs, True
                else:
                    return None
        while start < end and (lowers[start] in ("the", "a", "an", "'", "\"", "“", "‘")
                               and (doc[start].whitespace_ or not doc[start].is_alpha)  # "A-League"
                               or not any(ch.isalnum() for ch in texts[start])):
            start += 1  # articles, quotes, bullets
        if span.label_ == "PERSON" and end - start >= 2 and texts[start] in _SAINT and doc[start + 1].is_title:
            # a saint's name in news is a place's ("a farmer of Cattaboo district, St Elizabeth", "at Horse
            # Hill, St Joseph"): parishes, towns, islands; the model reads it as the saint (the mark below
            # names the relabelled span place.clean, as every cleaned place)
            span = Span(doc, start, end, label="PLACE")
        if span.label_ == "PERSON" and end - start >= 2 and doc[start].is_sent_start and doc[start].is_title \
                and lowers[start] in _OPENING_WORDS and doc[start + 1].is_title:
            start += 1  # a sentence's first word run into a name: "Besides Saric, the court jailed ..."
        if span.label_ in ("ORG", "PLACE") and end - start >= 2 and doc[start].is_lower and doc[start].is_alpha \
                and lowers[start] not in self.persons.particles and doc[start + 1].is_title:
            start += 1  # a lower-case word run in: "fromthe Ministry of Health" (a typo), "federal Attorney ..."
        if end - start > 2 and lowers[start] in ("ex", "former") and texts[start + 1] == "-" \
                and not doc[start].whitespace_ and not doc[start + 1].whitespace_ and texts[start + 2][:1].isupper() \
                and len(texts[start + 2]) > 2:
            start += 2  # "an ex-Irish Army commandant", "the ex-FBI agent": the prefix is no part of the name
            # (not "Ex-Im bank", the Export-Import Bank)
        while end > start and (texts[end - 1] in APOS or doc[end - 1].is_punct and texts[end - 1] not in (")",)
                                or lowers[end - 1] in ("of", "the", "and", "or", "for", "in", "to", "by", "with")
                                and doc[end - 1].is_lower):
            end -= 1  # "Ministry of Internal Affairs of" (the model stopped before the place)
        while end > start and doc[end - 1].is_space:
            end -= 1  # a heading's line break: "Office of the Spokesperson\n\n"
        while end - start > 1 and texts[end - 1] in WEEKDAYS:
            end -= 1  # "in the [Gulf] Saturday": news style puts the day right after the place
        if end - start > 1 and texts[end - 1] in MONTHS and end < len(doc) and doc[end].like_num:
            end -= 1  # "a press conference in [George Town] August 23": the date after the place
        if end - start >= 3 and texts[end - 1] in self.persons.postnominals and self.know.given_name(doc[start]) \
                and doc[end - 2].is_title and span.label_ in ("PERSON", "ORG", "PLACE"):
            end -= 1  # "Donal O'Sullivan BL", "Jim Smith MP": letters after a person's name
            span = Span(doc, span.start, span.end, label="PERSON")
        titled = False
        if span.label_ == "PERSON":
            untitled = self.persons.strip_titles(doc, start, end)
            titled, start = untitled != start, untitled
            end = self.persons.strip_headline_verbs(doc, start, end)
            if end - start >= 3 and doc[start].is_title and doc[start].is_alpha \
                    and self.persons.adjective_before_name(doc, start, start + 1):
                start += 1  # an adjective before a first name: "Glaswegian Stefan Boyd", "Young Tom Hall"
        if start >= end:
            return None
        label = span.label_
        rule = "model.ner" if (start, end) == (whole or (span.start, span.end)) else \
            "person.title" if titled else f"{label.lower()}.clean"
        span = trace.mark(Span(doc, start, end, label=label), rule)
        text = span_text(doc, start, end)
        if _FORMULA.search(text):
            return None  # "𝐶𝑡 < 𝐶𝑡−1": a formula from a PDF's methods section
        alpha = token_alpha(doc)
        words = [lowers[i] for i in range(start, end) if alpha[i]]
        if not words and label == "ORG":
            # names written with digits: "MTV2", "6PR", "3M", "M23" (not "50kg", not "1987"), or by
            # a web address: "Amazon.com has filed" (not the site: "go to Goldstar.com")
            words = [lowers[i] for i in range(start, end)
                     if re.fullmatch(r"(?=.*[\d&])(?=.*[A-Z])[A-Za-z0-9&-]{2,}", texts[i])
                     or _WEB_NAME.fullmatch(texts[i]) and not web_site(lowers, start, end)]
        if not words or _JUNIOR.fullmatch(text):
            return None  # nothing, or a name's "Jr." alone
        if label in ("ORG", "PLACE") and text.lower() == text:
            return None  # no capital letter: a common noun ("the coast guard's officers", "the treasury bill",
            # "the narcotics menace at the coast region")
        if label in ("PERSON", "ORG") and len(words) > 1 and len(set(words)) == 1 and words[0] in texts:
            return None  # "Scraping Scraping was conducted" (and "scraping" elsewhere): a PDF heading run in
        if end - start == 1 and common_word(doc[start]) and not self.know.known_name(text) and (
                doc[start].is_upper and len(doc[start]) > 2 and in_heading(doc, start)  # "KEY FINDINGS", "THE END"
                or label == "PERSON" and doc[start].is_sent_start and end + 1 < len(doc) and lowers[end] == "of"
                and doc[end + 1].is_lower and lowers[end + 1] not in ("the", "a", "an")):
            return None  # "Bags of cocaine were found", read as a person
        if label == "PERSON" and end - start >= 2 and lowers[end - 1] in ("bill", "act") and doc[end - 1].is_title \
                and not self.know.given_name(doc[start]):
            return None  # "the Foreshore and [Seabed Bill]": a law's name, whose "Bill" would name people
        if label == "PERSON" and lowers[start] == "bill" and (
                any(c.isdigit() for c in text) or end - start == 1 and start > 0 and doc[start - 1].is_title
                and not doc[start - 1].is_sent_start and not self.know.given_name(doc[start - 1])):
            return None  # a bill's number ("Bill C-51", "Bill No. 197") or the end of its title ("the Border
            # Protection Legislation [Bill]"), no man called Bill
        if label == "PERSON" and start > 0 and all(alpha[i] for i in range(start, end)) \
                and lowers[start - 1].rstrip(".") in ("mr", "madam", "madame", "mister") \
                and all(w in self.addressed_posts for w in words):
            return None  # a post addressed in a debate: "Mr. Speaker, I rise", "Madam Deputy Speaker"
        if label == "ORG" and (words[-1] in self.vehicle_nouns or lowers[start] in self.vehicle_makes and (
                end - start == 2 and not self.know.place_name(texts[start + 1])
                and lowers[start + 1] not in self.orgs.body_words and lowers[start + 1] not in self.maker_words
                or end - start == 1 and (end < len(doc) and (doc[end].is_title and not doc[end].is_sent_start
                                                              or lowers[end] in self.vehicle_nouns
                                                              or any(c.isdigit() for c in texts[end]))
                                         or self._owned(doc, start)))):
            # a vehicle, no body: "a [Mercedes Benz van]", "a [Volkswagen Golf]", "a [Toyota] Yaris", "a
            # [Nissan] pickup", "a 2011 [Ford] F-350", "drove a [Porsche]" (a company named with its country
            # or an organisation's word is one: "Fiat Australia", "Ford Foundation")
            return None
        if label == "ORG" and end - start == 2 and texts[start] in _LAW_PARTS \
                and re.fullmatch(r"[A-Z]|[IVX]+|\d+[A-Z]?", texts[start + 1]):
            return None  # "P.L. 119-37, Division B", "Title IV", "Part 2": a part of a law or a document
        if label == "ORG" and end - start >= 2 and lowers[start] in ("this", "these"):
            start += 1  # "This Legal Sidebar" as one model span
            text = span_text(doc, start, end)
        if label == "ORG" and start > 0 and lowers[start - 1] in ("this", "these") \
                and not any(t.is_upper and len(t) > 1 for t in doc[start:end]) \
                and not self.know.known_name(text) and not self.know.place_name(text) \
                and text not in self.demonstrative_bodies:
            return None  # "This Legal Sidebar describes", "this Committee": a document or a body the text is
            # in names itself with a demonstrative, not by its name ("that" is more often a conjunction: "that
            # Congress reauthorize")
        if label == "ORG" and end < len(doc) and texts[end] in ("Bill", "Act") and doc[end - 1].is_title:
            return None  # the start of a law's title: "The [Border Protection Legislation] Bill"
        if end - start == 1 and end < len(doc) and self.sentence_case_word(doc, start):
            return None  # "Healthcare workers", "Awareness campaigns": a sentence's first word, not a name
        if end - start == 1 and self.opening_verb(doc, start):
            return None  # "Invest in integrity measures": a list item's verb, not a name
        if cut and end - start == 1 and doc[start].is_alpha and _dictionary_form(lowers[start]) \
                and not self.know.known_name(text) and not self.know.place_name(text):
            return None  # "Combating" of a heading "Combating TCOs": an everyday word left before a blocked phrase
        if end - start == 1 and line_alone(doc, start) and dictionary_word(doc[start]) \
                and not self.know.known_name(text) and not self.know.place_name(text):
            return None  # "Readout", "Remarks": a one-word heading on its own line
        if (text in self.lex.demonyms or text in self.lex.peoples) and not self.know.place_name(text) \
                or text in self.lex.org_nouns:
            return None  # a nationality ("Polish", "Papua New Guinean") or a people ("Maori", "Kurds") is no
            # organisation, place or person; nor are a body's members ("Gardaí arrested two men")
        if label == "PERSON" and any(texts[i] in self.lex.peoples for i in range(start, end)):
            return None  # "te Ao [Maori]", "the Maori Caucus": a people's name is no one's
        if label in ("ORG", "PLACE") and (
                # "Othon Marban, Jr.": only a person has a junior
                _JUNIOR.match(span_text(doc, end, min(end + 3, len(doc))))
                or end - start == 1 and doc[start].is_title and self.persons.after_title(doc, start)
                and not self.know.known_org(text) and not self.know.place_name(text)
                and not (end < len(doc) and doc[end].is_title and self.persons.title_word(doc[end]))):
            # "Sec. Mayorkas", "Secretary Blinken": a title's one-word name is a person (not the
            # portfolio inside a post: "Chief [Cabinet] Secretary Masaharu Gotoda")
            span = trace.mark(Span(doc, start, end, label="PERSON"), "person.clean")
        elif label in ("ORG", "PLACE") and end - start == 3 and self.know.given_name(doc[start]) \
                and re.fullmatch(r"[A-Z]\.", texts[start + 1]) and doc[start + 2].is_title and doc[start + 2].is_alpha \
                and not self.know.known_org(text) and not self.know.place_name(text):
            # a first name, an initial and a surname: "Steven L. Swig" after "Croatia -" is a person
            span = trace.mark(Span(doc, start, end, label="PERSON"), "person.clean")
        if span.label_ in ("PERSON", "PLACE") and self.body_compound(texts, start, end):
            # a German or Dutch body's compound: "Press contact: [Hauptzollamt Hamburg], Press Office"
            span = trace.mark(Span(doc, start, end, label="ORG"), "org.clean")
        if span.label_ == "PERSON":
            return self.persons.validate(span, words)
        if span.label_ == "ORG":
            return self.orgs.validate(span, words, trace)
        if span.label_ == "PLACE":
            if end - start == 1 and lowers[start] in self.places.place_suffixes and lowers[start] != "city":
                return None  # a designator alone names no place ("the president of the [Municipality] of Budva")
            return self.places.validate(span)
        return span


def _line_start(doc: Doc, i: int) -> bool:
    """Token i opens its line, a bullet or other mark without letters or digits allowed before it."""
    return i == 0 or "\n" in doc[i - 1].text_with_ws or not any(c.isalnum() for c in doc[i - 1].text) \
        and (i == 1 or "\n" in doc[i - 2].text_with_ws)


_SECTION_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[A-Za-z])[.)]?|\.")


def line_alone(doc: Doc, i: int) -> bool:
    """Token i is the only word of its line (a heading: "Readout", "Remarks"), a section's number
    allowed before it ("8. Conclusions", "2.1 Methods")."""
    j = i
    while j > 0 and i - j < 2 and _SECTION_NUMBER.fullmatch(doc[j - 1].text) and "\n" not in doc[j - 1].text_with_ws:
        j -= 1
    if j < i and doc[j].text == ".":
        j = i  # a full stop alone is no number
    before = i == 0 or "\n" in doc[i - 1].text_with_ws or j < i and (j == 0 or "\n" in doc[j - 1].text_with_ws)
    after = i + 1 >= len(doc) or "\n" in doc[i].whitespace_ or doc[i + 1].is_space and "\n" in doc[i + 1].text \
        or doc[i + 1].is_punct and (i + 2 >= len(doc) or "\n" in doc[i + 1].text_with_ws)
    return before and after


def capital_break(doc: Doc, i: int, end: int) -> bool:
    """A capitalised function word that starts a new sentence or headline inside a model entity:
    "Münster After the evacuation", "Portugal The Brazilian Federal Police"; but not "Bank of
    The Philippine Islands" or "Burton On Trent"."""
    t = doc[i]
    if t.text not in CAPITAL_BREAKS or doc[i - 1].lower_ in ("of", "and", "de", "del", "la", "&"):
        return False
    if t.text == "The":
        return True
    return i + 1 >= end or not doc[i + 1].is_title


# a company named by its web address: "Amazon.com", "CWNews.com", "A9.com" (not "report.pdf", not a URL)
_WEB_NAME = re.compile(r"[A-Z][A-Za-z0-9-]*\.(?:com|net|org|co\.uk|com\.au)")

_SITE_BEFORE = frozenset(("at", "on", "to", "visit", "visiting", "via", "website", "websites", "site", "sites"))
_SITE_AFTER = frozenset(("website", "websites", "site", "page", "pages", "homepage"))


def web_site(lowers: list[str], start: int, end: int) -> bool:
    """A web address named as the site, not the company: "at Weather.com", "go to Goldstar.com",
    "the websites Ripoffreport.com", "the Seattlepi.com site"."""
    i = start - 1
    if i >= 0 and lowers[i] == "the":
        i -= 1
    return i >= 0 and lowers[i] in _SITE_BEFORE or end < len(lowers) and lowers[end] in _SITE_AFTER


COMPANY_SUFFIXES = {"ltd", "limited", "inc", "plc", "llc", "corp", "corporation", "pty", "co", "gmbh", "company"}


# the office of a post: "Orange County Sheriff's Department", "Frankfurt Public Prosecutor's Office"
_POST_OFFICES = frozenset(("office", "offices", "department", "bureau", "service", "services"))


def possessive_name(doc: Doc, i: int, end: int, known: Callable[[str], bool] | None = None,
                    posts: Set[str] = frozenset()) -> bool:
    """A possessive that belongs to the name: "Ratepayers' Association" (a plural common noun
    alone before a bare apostrophe), "Nicholson's Limited" (a company), "Sheriff's Department"
    (the office of a post in ``posts``). "UNODC's Regional Office", "United Nations' Commission"
    and "Netherlands' Customs" are still two names."""
    if i + 1 >= end or not doc[i + 1].is_title:
        return False
    prev = doc[i - 1]
    if prev.is_title and prev.lower_ in posts and doc[i + 1].lower_ in _POST_OFFICES:
        return True
    if doc[i].text in ("'", "’") and (i - 1 == 0 or not doc[i - 2].is_title) and prev.is_title \
            and prev.lower_.endswith("s") and not (known and known(prev.text)):
        return True
    return doc[end - 1].lower_.rstrip(".") in COMPANY_SUFFIXES


def split_parts(doc: Doc, start: int, end: int, stop_words: Set[str] = frozenset(),
                known: Callable[[str], bool] | None = None, particles: Set[str] = frozenset(),
                posts: Set[str] = frozenset()) -> list[tuple[int, int]]:
    """Split a model entity at "/" and at an inner possessive: "Project/Branch",
    "UNODC's Regional Office" -> ("UNODC", "Regional Office"); and at a dash between blanks
    ("Portugal - The Brazilian Federal Police"), unless a name particle stands before it
    ("Muqtada al - Sadr", "Al - Qaeda": the article of an Arabic name, written apart)."""
    parts, cur = [], start
    for i in range(start, end):
        t = doc[i]
        if t.text in ("/", "(", ")", "[", "]", ":", ";", "|") or (t.text in APOS and i > start
                                                                and not possessive_name(doc, i, end, known, posts)) \
                or t.text in BREAK_WORDS \
                or (i > start and capital_break(doc, i, end)) \
                or (t.text in DASHES and t.whitespace_ and i > 0 and doc[i - 1].whitespace_
                    and not (i > start and doc[i - 1].lower_ in particles)):
            if cur < i:
                parts.append((cur, i))
            cur = i + 1
        if t.lower_ in stop_words:  # contact details: nothing after belongs to the name
            end = i
            break
    if cur < end:
        parts.append((cur, end))
    return parts


def _dictionary_form(word: str) -> bool:
    """A lemma of the English dictionary or a form of one: a plural, a gerund or a past ("combating",
    "seized", "stopping")."""
    from docmine.nlp.gazetteer import dictionary_form, dictionary_words

    words = dictionary_words()
    if dictionary_form(word, words):
        return True
    for ending in ("ing", "ed"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) > 2 and (
                stem in words or stem + "e" in words or stem[-1] == stem[-2] and stem[:-1] in words):
            return True
    return False
