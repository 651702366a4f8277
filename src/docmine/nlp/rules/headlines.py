"""Headlines written in Title Case, read by the model again in sentence case.

The English model learned capital letters as the sign of a name, so a Title Case headline is
full of false names: "Oil Falls" and "Putin Responds" as people, "Jamaica Searches" and "Europe
Must Adapt" as organisations. News items, releases and reports all open with one. Where the
model took an everyday word of a Title Case line into an entity (a dictionary word the lexicons
and the first-name list do not know as a name, that the document never capitalises inside a
sentence, and that follows no title, nor a first name unless it can be a verb), those words are
lower-cased, the model reads the line again, and that entity gives way to the entities of the
second reading that overlap it. Lower-casing keeps every offset, so the new entities fall on the
document's own tokens. Acronyms, words with digits and words in capitals keep their capitals,
and a second reading's entity may not start with a word it read in lower case. A list item
("- Rogers County, Oklahoma") is no headline.

A line in capitals ("ECOLAB STARTS BID FOR CHEMLAWN", "IRAQ-TURKEY OIL PIPELINE CUT BY
LANDSLIDE") tells the model nothing: it is read again in true case, each word as the document
writes it inside its sentences ("Ecolab", "ChemLawn", "mln"), else as the lexicons know it
("Iraq", "OPEC"), else in lower case if it is a dictionary word, else as a name ("Qintex"); short
unknown words stay acronyms ("NOAA"). Its entities are the second reading's.

Rule: ``model.headline`` (an entity of the second reading).
"""
from __future__ import annotations

import re
from functools import cached_property

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from docmine.nlp.doctext import CAPS_LINE, doc_text
from docmine.nlp.rules.base import Knowledge

RULES = ("model.headline",)
# words a Title Case headline may leave in lower case ("Fight Against Drugs in the Americas")
_SMALL = frozenset("a an the and or but nor of in on at to for by with from as vs via per into than up off out over "
                   "is are was be".split())
_LINE = re.compile(r"[^\n]+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])")
_BULLET = re.compile(r"\s*(?:[-*•▪◦]|\d{1,2}[.)])\s")
LOWERED = "docmine_headline_lowered"  # doc.user_data key: the tokens read in lower case
MIN_WORDS = 3       # capitalised content words a line needs to be read as a headline
MAX_TOKENS = 40     # a longer line is a paragraph, whatever its capitals


class Headlines:
    def __init__(self, nlp, know: Knowledge):
        self.know = know
        self.tokenizer = nlp.tokenizer
        self.ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
        self.titles = {t.rstrip(".").lower() for t in know.settings.person.titles}
        self.org_words = frozenset(know.settings.place.org_words)
        self.particles = frozenset(know.settings.person.particles)

    @cached_property
    def words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """(every WordNet lemma, its verbs, its adjectives), read on first use. Every lemma,
        frequent or not ("smuggler"); the names WordNet also holds ("Jamaica", "Europe") are kept
        by the lexicon checks of :meth:`everyday`."""
        from docmine.nlp.gazetteer import word_classes

        classes = word_classes()
        return frozenset().union(*classes.values()), classes["verb"], classes["adj"]

    def body_name(self, ent) -> bool:
        """A model ORG of three words or more after "the", that ends in a body's word and opens with
        no verb ("of the Commodity Futures Trading Commission"; not "by Deutsche Bank Gets Court")."""
        doc = ent.doc
        if ent.label_ != "ORG":
            return False
        if ent[0].lower_ == "the":
            ent = ent[1:]
        elif not (ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
            return False
        return len(ent) > 2 and ent[-1].is_title and ent[-1].lower_ in self.org_words \
            and ent[0].lower_ not in self.words[1]

    def title(self, word: str) -> bool:
        """A person's title that is no adjective ("Director", "President"; not "Major", "General")."""
        low = word.lower()
        return low in self.titles and low not in self.words[2]

    def lines(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of the document's Title Case lines. A list item ("- Rogers County,
        Oklahoma", "* Mr. Tiago Mendes Barros, Deputy Head of Mission") is a name written as
        one, not a headline."""
        out = []
        for m in _LINE.finditer(doc_text(doc)):
            line = m.group()
            if _BULLET.match(line) or _LOWER_WORD.search(line) and not self._maybe_title(line):
                continue  # a word in lower case that no headline leaves so: prose (most lines stop here)
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or not 0 < len(span) <= MAX_TOKENS:
                continue
            if len(span) > 1 and span[-1].text == "." and span[-2].is_alpha and any(t.text == "," for t in span):
                continue  # a sentence, clauses and a full stop ("Riley Barnes, of Texas, to be Assistant Secretary
                # of State for Democracy, Human Rights, and Labor."); not a numbered heading ("(a) Establish
                # and Maintain a Common Intelligence Picture."), nor an abbreviation's stop ("Merck & Co.")
            words = [t for t in span if t.is_alpha and t.lower_ not in _SMALL]
            title = [t for t in words if t.is_title]
            # acronyms and names with capitals inside ("DaimlerChrysler", "SUVs", "eBay") may stand
            # between the capitalised words ("OPEC Agrees to Cut Oil Output")
            if len(title) >= MIN_WORDS and not any(t.is_lower for t in words):
                out.append((span.start, span.end))
        return out

    @staticmethod
    def _maybe_title(line: str) -> bool:
        """Every lower-case word of the line is a small word ("for", "of", "the")."""
        return all(w.lower() in _SMALL for w in _LOWER_WORD.findall(line))

    def in_sentences(self, doc: Doc, lines: list[tuple[int, int]]) -> tuple[set[str], set[str]]:
        """Words the document capitalises outside its headlines: inside a sentence (names it uses:
        "the agency's Carter said", "Director Carter said"), and
        anywhere (a headline's first word is a name when the text writes it so: "Yahoo will
        offer ..." under "Yahoo Takes Search to the Airwaves")."""
        skip = {i for a, b in lines for i in range(a, b)}
        inside, anywhere = set(), set()
        for t in doc:
            if t.i not in skip and t.is_title and t.is_alpha:
                anywhere.add(t.text)
                prev = doc[t.i - 1] if t.i else None
                if prev is not None and not t.is_sent_start and "\n" not in prev.whitespace_ \
                        and (prev.is_lower or prev.text == "," or self.title(prev.text.rstrip("."))):
                    inside.add(t.text)
        return inside, anywhere

    def everyday(self, tok, names: set[str]) -> bool:
        """A capitalised word that the headline's style capitalised, not the word itself: a
        dictionary word that is no known name, no word the document capitalises in its sentences,
        and follows no person's title ("Director Carter", "Mr. Rogers"), nor a first name unless it
        can be a verb ("Sara Carter"; "Kerry Dispute Revives")."""
        from docmine.nlp.gazetteer import dictionary_form

        text = tok.text
        if not (tok.is_title and tok.is_alpha) or text in names or len(text.lower()) != len(text):
            return False
        dictionary, verbs, _ = self.words
        if not dictionary_form(tok.lower_, dictionary):
            return False
        prev = tok.doc[tok.i - 1].text.rstrip(".") if tok.i else ""
        know, lex = self.know, self.know.lex
        if prev in know.given_names and (not dictionary_form(tok.lower_, verbs) or tok.i > 1 and self.title(
                tok.doc[tok.i - 2].text.rstrip("."))):
            # a surname after a first name ("Sara Carter"), not a verb ("Kerry Dispute Revives"), unless
            # a title stands before the first name: "Ms. Marta Lopes, Head of Communication"
            return False
        j = tok.i - 1
        while j > 0 and tok.doc[j].lower_ in self.particles:
            j -= 1
        if j < tok.i - 1 and tok.doc[j].text in know.given_names:
            return False  # a surname after a first name and its particles ("Tom De Wit", "Jan van der Berg")
        # after a title, a name ("Director Carter"), unless the headline's verb ("President Meets With")
        after_title = self.title(prev) and not (text.endswith("s") and dictionary_form(tok.lower_, verbs))
        return not (know.lexicon_place(text) or know.known_org(text) or text in know.given_names
                    or text in lex.people or lex.is_demonym(text) or after_title)

    def reread(self, doc: Doc) -> set[tuple[int, int]]:
        """Read again the Title Case lines where the model took a headline's everyday word into
        an entity; its entities there give way to the second reading's. The token offsets of the
        new entities."""
        if self.ner is None:
            return set()
        lines = self.lines(doc)
        if not lines:
            return set()
        inside, anywhere = self.in_sentences(doc, lines)
        ents = list(doc.ents)
        low: set[int] = set()
        drop: set[int] = set()  # indices into ents
        new: list[Span] = []
        for a, b in lines:
            line = doc[a:b]
            everyday = {t.i for t in line if self.everyday(t, anywhere if t.i == a else inside)}
            low |= everyday
            # (not a body's name after "the", its head word last and no verb first: "the Commodity
            # Futures Trading Commission"; "IMF to [Close Harare Office]" is read again)
            suspect = [k for k, e in enumerate(ents) if e.start < b and a < e.end
                       and any(i in everyday for i in range(e.start, e.end)) and not self.body_name(e)]
            if not suspect:
                continue  # the model took no everyday word into a name here
            chars = list(line.text)
            for i in everyday:
                k = doc[i].idx - line.start_char
                chars[k: k + len(doc[i])] = doc[i].lower_
            sub = self.ner(self.tokenizer("".join(chars)))
            drop.update(suspect)
            for e in sub.ents:
                span = doc.char_span(line.start_char + e.start_char, line.start_char + e.end_char, label=e.label_)
                # only where a doubtful entity stood: the second reading adds nothing elsewhere,
                # and no entity that starts with a word it read in lower case ("game Tech")
                if span is not None and span.start not in everyday \
                        and any(ents[k].start < span.end and span.start < ents[k].end for k in suspect):
                    new.append(span)
        doc.user_data[LOWERED] = frozenset(low)
        if not drop:
            return set()
        keep = [e for k, e in enumerate(ents) if k not in drop]
        new = [s for s in new if not any(e.start < s.end and s.start < e.end for e in keep)]
        doc.ents = filter_spans(keep + new)
        return {(s.start, s.end) for s in new}

    # -- lines in capitals ----------------------------------------------------------------------
    def caps_lines(self, doc: Doc) -> list[Span]:
        """The document's lines written in capitals, of at most MAX_TOKENS tokens."""
        out = []
        for m in CAPS_LINE.finditer(doc_text(doc)):
            span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is not None and 0 < len(span) <= MAX_TOKENS:
                out.append(span)
        return out

    def body_forms(self, doc: Doc, lines: list[Span]) -> dict[str, str]:
        """How the document writes each word outside its lines in capitals and not at a
        sentence's start (where every word has a capital): its most frequent form, by lower case."""
        skip = {t.i for line in lines for t in line}
        seen: dict[str, dict[str, int]] = {}
        for t in doc:
            if t.i in skip or t.is_sent_start or not t.is_alpha:
                continue
            prev = doc[t.i - 1] if t.i else None
            if prev is not None and "\n" in prev.whitespace_ + prev.text:
                continue  # a line's first word: a heading's or a list item's capital
            forms = seen.setdefault(t.lower_, {})
            forms[t.text] = forms.get(t.text, 0) + 1
        return {low: max(forms, key=lambda f: forms[f]) for low, forms in seen.items()}

    def true_case(self, tok, forms: dict[str, str]) -> str:
        """One word of a line in capitals as the document, the lexicons or the dictionary write it."""
        from docmine.nlp.gazetteer import dictionary_form

        text = tok.text
        if not any(c.isalpha() for c in text) or not text.isupper():
            return text
        form = forms.get(tok.lower_)
        if form is not None and len(form) == len(text):
            return form
        title = text.title()
        know = self.know
        if know.known_org(text):
            return text  # "OPEC", "GATT"
        if len(title) == len(text) and (know.lexicon_place(title) or know.known_org(title) or title in know.given_names
                                        or title in know.lex.people):
            return title
        if not tok.is_alpha:
            return text  # "U.K.", "B-52"
        if tok.lower_ in _SMALL or dictionary_form(tok.lower_, self.words[0]):
            return tok.lower_
        return text if len(text) <= 4 else title  # "NOAA", "USDA"; "QINTEX"

    def reread_caps(self, doc: Doc) -> set[tuple[int, int]]:
        """Read each line in capitals again in true case; its entities are the second reading's.
        The token offsets of the new entities."""
        if self.ner is None:
            return set()
        lines = self.caps_lines(doc)
        if not lines:
            return set()
        forms = self.body_forms(doc, lines)
        ents = list(doc.ents)
        drop: set[int] = set()
        new: list[Span] = []
        low = set(doc.user_data.get(LOWERED, ()))
        for line in lines:
            chars = list(line.text)
            first = True
            for t in line:
                cased = self.true_case(t, forms)
                if len(cased) != len(t.text):
                    continue
                if any(c.isalpha() for c in t.text):
                    if first:
                        cased = cased[:1].upper() + cased[1:]  # sentence case
                    first = False
                    if cased.islower():
                        low.add(t.i)
                k = t.idx - line.start_char
                chars[k: k + len(t)] = cased
            sub = self.ner(self.tokenizer("".join(chars)))
            drop.update(k for k, e in enumerate(ents) if e.start < line.end and line.start < e.end)
            for e in sub.ents:
                span = doc.char_span(line.start_char + e.start_char, line.start_char + e.end_char, label=e.label_)
                if span is not None:
                    new.append(span)
        doc.user_data[LOWERED] = frozenset(low)
        keep = [e for k, e in enumerate(ents) if k not in drop]
        new = [s for s in new if not any(e.start < s.end and s.start < e.end for e in keep)]
        doc.ents = filter_spans(keep + new)
        return {(s.start, s.end) for s in new}


def lowered(doc: Doc) -> frozenset[int]:
    """Tokens of the document's headlines that the second reading put in lower case: everyday
    words, which no rule may take into a name ("Putin Responds to Terror")."""
    return doc.user_data.get(LOWERED, frozenset())
