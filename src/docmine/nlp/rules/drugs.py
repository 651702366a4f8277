"""Drug mentions: context for ambiguous terms, drug forms, mixtures and the modifier role
(settings: ``[drug]`` in rules.toml).

Rules: ``drug.context`` (an ambiguous lexicon term kept on local evidence, "2 kg of ice"),
``drug.form`` (span extended over form words: "ecstasy pills", "crystal methamphetamine",
"amphetamine-type stimulants", "Mephedrone (MD)", "94 per cent pure heroin"), ``drug.mixture``
("a mixture of paracetamol and caffeine"). Plain lexicon matches stay ``lexicon.drug``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from docmine.nlp.doctext import token_words
from docmine.nlp.gazetteer import word_classes
from docmine.nlp.rules.base import (
    ACRONYM,
    AMOUNT_WORDS,
    QUOTES,
    Knowledge,
    Trace,
    by_word,
    dictionary_word,
    merge_adjacent,
    title_case_sentence,
    words_at,
)

RULES = ("drug.context", "drug.form", "drug.mixture", "drug.brand")

# quotation marks that open and close a quoted name: the drug-seizure news corpus keeps them in
# the span ("ecstasy", ‘ice’: 6 of 7 wholly quoted one-word drugs in its training four fifths;
# the quotes around a name of two words, "synthetic marijuana", stay out)
_QUOTE_PAIRS = {('"', '"'), ("“", "”"), ("‘", "’"), ("'", "'")}
_EDGE_QUOTES = "\"“”‘’'"
_PURITY = re.compile(r"^\d+(?:[.,]\d+)?\s*(?:%|percent|per\s+cent)\s+pure\s+", re.I)
_TYPE = re.compile(r"\s*-\s*(?:type|like|based)\b.*$", re.I | re.S)
_FORM_PHRASE = re.compile(r"\s+in\s+(?:\w+\s+)?(?:\w+\s+)?form$|\s+in\s+(?:powder|crystals)$", re.I)
_BRACKET = re.compile(r"\s*\(([^()]*)\)$")


class DrugRules:
    def __init__(self, know: Knowledge):
        self.know = know
        self.lex = know.lex
        dr = know.settings.drug
        self.cues = set(dr.context_cues)
        self.blockers = list(dr.blocking_cues)
        # any blocking cue as a whole word (one pattern: the search runs for every ambiguous term)
        self.blocker_rx = re.compile(r"\b(?:" + "|".join(re.escape(b) for b in self.blockers) + r")\b") \
            if self.blockers else None
        self.form_nouns = set(dr.form_nouns)
        self.form_adjs = set(dr.form_adjectives)
        self.merge_parens = dr.merge_parenthesised
        self.merge_acronyms = dr.merge_parenthesised_acronyms
        self.mixture_words = set(dr.mixture_words)
        # "in crystals", "in crystalline form": by their first word, longest first
        self.form_phrases_by_first = by_word(sorted((p.split() for p in dr.form_phrases), key=len, reverse=True), 0)
        self.modifier_heads = set(dr.modifier_heads)
        self.strip_nouns = set(dr.substance_strip_nouns)
        self.name_heads = set(dr.name_heads)
        self.brand_forms = set(dr.brand_form_nouns)
        self.brand_classes = set(dr.brand_class_nouns)
        self.not_brands = set(dr.not_brand_words)
        self.strip_adjs = set(dr.substance_strip_adjectives)
        # WordNet's adjectives, to see a count noun behind its adjectives ("a heavy blow"); the pipeline
        # runs no tagger, so a token's part of speech is not there to ask
        self.adjectives = word_classes().get("adj", frozenset()) if know.lex.language == "en" else frozenset()

    # -- lexicon drug terms -------------------------------------------------------------------
    def span(self, span: Span, trace: Trace) -> Span | None:
        """A lexicon drug match: context check for ambiguous terms, then extend over form words.
        None drops it."""
        doc = span.doc
        info = self.lex.drug(span.text)
        if info is None:
            return None
        if info.ambiguous and not self.context(span):
            return None
        if self.in_name(span):
            return None  # "Afghan Opiate Trade Project", "CBP Fentanyl Canine Detection Training Team"
        start, end = span.start, span.end
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "type":
            end += 2  # "methamphetamine-type (narcotics)", "amphetamine-type stimulants"
            head = self.lex.drug(doc[end].text) if end < len(doc) else None
            if head is not None and head.kind == "class":
                end += 1
        if end < len(doc) and doc[end].lower_ in self.form_nouns:
            end += 1
        # "amphetamine in crystals", "MDMA in crystalline form"
        after = token_words(doc)[1][end] if end < len(doc) else ""
        for phrase in self.form_phrases_by_first.get(after, ()):
            if words_at(doc, end, phrase):
                end += len(phrase)
                break
        if self.merge_acronyms and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and ACRONYM.match(doc[end + 1].text) and not self.know.known_name(doc[end + 1].text):
            end += 3  # "Mephedrone (MD)", "Heroin (No.4)"
        while info.kind != "class":
            if start > 0 and doc[start - 1].lower_ in self.form_adjs:
                start -= 1
            elif (start >= 3 and doc[start - 2].text == "-"
                  and f"{doc[start - 3].lower_}-{doc[start - 1].lower_}" in self.form_adjs):
                start -= 3  # "high-grade" is three tokens
            elif start >= 2 and f"{doc[start - 2].lower_} {doc[start - 1].lower_}" in self.form_adjs:
                start -= 2  # "high purity cocaine"
            else:
                break
        if start >= 2 and doc[start].lower_ == "pure" and doc[start - 1].lower_ in ("percent", "cent", "%"):
            i = start - 2 if doc[start - 1].lower_ != "cent" else start - 3  # "94 per cent pure heroin"
            if i >= 0 and doc[i].like_num and (doc[start - 1].lower_ != "cent" or doc[start - 2].lower_ == "per"):
                start = i
        if (start > 0 and end < len(doc) and end - start == 1
                and (doc[start - 1].text, doc[end].text) in _QUOTE_PAIRS
                and not doc[start - 1].whitespace_ and not doc[end - 1].whitespace_):
            start, end = start - 1, end + 1  # a quoted name keeps its quotes: "ecstasy", ‘ice’ (one word:
            # the quotes around "synthetic marijuana" stay out)
        rule = "drug.form" if (start, end) != (span.start, span.end) else \
            "drug.context" if info.ambiguous else "lexicon.drug"
        return trace.mark(Span(doc, start, end, label="DRUG"), rule)

    def brand_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """A capitalised word no lexicon knows, directly before a tablet word, names a medicine
        ("110x Rivoril Tablets", "6500 Roche Tabs", "256 Cialis pills": 5 of 6 such pairs are drugs
        in the seizure-news training folds). Not a word of ``not_brand_words`` ("Mix Tablets"), a
        known place or organisation, or in a headline in title case."""
        out: list[Span] = []
        if not self.brand_forms:
            return out
        lowers = token_words(doc)[1]
        forms = self.brand_forms
        for i in range(1, len(doc)):
            if lowers[i] not in forms:
                continue
            word = doc[i - 1]
            if (not word.is_alpha or len(word) < 2
                    or not word.text[:1].isupper() or word.lower_ in self.not_brands
                    or self.lex.drug(word.text) is not None or self.know.known_name(word.text)):
                continue
            span = Span(doc, i - 1, i + 1, label="DRUG")
            if self._headline(span):
                continue
            out.append(trace.mark(span, "drug.brand"))
        if self.brand_classes:
            out += self._named_medicines(doc, lowers, trace)
        return out

    def _named_medicines(self, doc: Doc, lowers: list[str], trace: Trace) -> list[Span]:
        """"the arthritis drug Celebrex", "its Vioxx painkiller": a single capitalised word no
        dictionary, lexicon or place list knows, beside a noun that names a kind of medicine."""
        def brand(i: int) -> bool:
            if not 0 <= i < len(doc):
                return False
            w = doc[i]
            return (w.is_alpha and len(w) > 3 and w.text[:1].isupper() and not w.is_upper and not w.is_sent_start
                    and w.lower_ not in self.not_brands and not dictionary_word(w)
                    and self.lex.drug(w.text) is None and not self.know.known_name(w.text)
                    and w.text not in self.know.given_names)

        out: list[Span] = []
        for i, low in enumerate(lowers):
            if low not in self.brand_classes or doc[i].text != low:
                continue
            for j in (i + 1, i - 1) if low != "drug" else (i + 1,):
                beyond = j + 1 if j > i else j - 1  # one word, not a name of several
                if brand(j) and not (0 <= beyond < len(doc) and doc[beyond].text[:1].isupper()
                                     and doc[beyond].is_alpha):
                    span = Span(doc, j, j + 1, label="DRUG")
                    if not self._headline(span):
                        out.append(trace.mark(span, "drug.brand"))
        return out

    @staticmethod
    def _headline(span: Span) -> bool:
        """Is the span's sentence a headline in title case (almost no word in lower case)?"""
        return title_case_sentence(span)

    def in_name(self, span: Span) -> bool:
        """A capitalised drug word inside the name of a project, survey, plan, team or law is no
        drug mention: it runs, in capitalised words, into one of ``name_heads`` within five words
        ("Afghanistan Opium Survey", "U.S.-Canada Opioid Action Plan", "Narcotic Drugs and
        Psychotropic Substances Act"). Not in a headline written in title case, where (almost) no word
        is lower case ("Police Seize Heroin In Joint Operation")."""
        doc = span.doc
        if not self.name_heads or not span.text[:1].isupper():
            return False
        i, steps = span.end, 0
        while i < len(doc) and steps < 5:
            t = doc[i]
            if t.text[:1].isupper() and t.is_alpha:
                if t.lower_ in self.name_heads:
                    break
            elif t.lower_ not in ("and", "of", "-", "&"):
                return False
            i, steps = i + 1, steps + 1
        else:
            return False
        return not self._headline(span)

    def context(self, span: Span) -> bool:
        """An ambiguous term ("ice", "speed", "blow", "coke") is a drug only with local evidence:
        an amount just before it, another drug in the same list, quotation marks, a drug form
        after it, or a cue word just before or right after it ("a huge coke haul"); never after
        "a"/"an" (street names are mass nouns) and never in a sentence about fuel, weather or
        sport."""
        doc = span.doc
        sent = span.sent if doc.has_annotation("SENT_START") else doc[max(0, span.start - 25): span.end + 25]
        low = sent.text.lower()
        if self.blocker_rx is not None and self.blocker_rx.search(low):
            return False
        before = doc[max(sent.start, span.start - 3): span.start]
        after = doc[span.end: min(sent.end, span.end + 3)]
        article = span.start - 1
        while article > sent.start and article >= span.start - 3 and doc[article].lower_ in self.adjectives \
                and self.lex.drugs.get(doc[article].lower_) is None and doc[article].lower_ not in self.form_adjs:
            article -= 1  # "a heavy blow"
        if article >= 0 and doc[article].lower_ in ("a", "an") and not (
                span.end < len(doc) and (doc[span.end].lower_ in self.form_nouns or doc[span.end].lower_ in self.cues
                                         or doc[span.end].lower_ in self.modifier_heads)):
            return False  # a count noun, not a street name: "a blow to the cartel", "an ice rink", "dealt a
            # heavy blow" (a drug before a form, a cue or a modifier's head: "a huge coke haul", "an ice seizure")
        nxt = doc[span.end] if span.end < len(doc) else None
        if span.text.isupper() and self.lex.org_case_sensitive.get(span.text) and nxt is not None \
                and nxt.is_alpha and nxt.is_lower and not nxt.is_stop and nxt.lower_ not in self.form_nouns:
            return False  # "34,000 ICE immigration detention beds", "ICE agents": the agency's acronym
        if any(t.like_num or t.lower_ in AMOUNT_WORDS for t in before):
            return True
        if span.end < len(doc) and doc[span.end].lower_ in self.form_nouns:
            return True
        if nxt is not None and span[0].is_title and nxt.is_title and nxt.is_alpha and not dictionary_word(nxt):
            return False  # a first name and a surname: ', said Charlie Eastaugh', 'Molly Okafor'
        # quotation marks around the term itself ("‘ice’", "“blow,”"), not a quote that opens or ends beyond it
        # ('tariffs "dealt a heavy blow" to ...')
        closing = span.end < len(doc) and not doc[span.end - 1].whitespace_ and (
            doc[span.end].text in QUOTES
            or doc[span.end].text in (",", ".") and span.end + 1 < len(doc) and doc[span.end + 1].text in QUOTES)
        if span.start > 0 and doc[span.start - 1].text in QUOTES and not doc[span.start - 1].whitespace_ and closing:
            return True
        for t in list(before) + list(after):
            info = self.lex.drugs.get(t.lower_)
            if info is not None and not info.ambiguous:
                return True
        if span.text.isupper():  # an acronym beside a drug of several tokens: "NPP, 4-ANPP" ("4", "-", "ANPP")
            lo, hi = max(sent.start, span.start - 4), min(sent.end, span.end + 4)
            for i in range(lo, hi):
                for n in (3, 2):
                    if i + n <= hi and (i + n <= span.start or i >= span.end):
                        info = self.lex.drugs.get(doc[i:i + n].text.lower())
                        if info is not None and not info.ambiguous:
                            return True
        # a cue among the three words before it ("seized ice") or right after it ("a coke haul", "ice trafficking")
        return any(t.lower_ in self.cues for t in before) or nxt is not None and nxt.lower_ in self.cues

    # -- merges and roles ---------------------------------------------------------------------
    def merge_mixtures(self, spans: list[Span], trace: Trace) -> list[Span]:
        """A mixture is one substance: "a mixture of paracetamol and caffeine", "heroin and fentanyl
        mix", "speed/amphetamine", "cannabis-skunk"."""
        def join(prev: Span, sp: Span) -> Span | None:
            if not sp.label_ == prev.label_ == "DRUG":
                return None
            doc = sp.doc
            between = [t.lower_ for t in doc[prev.end: sp.start]]
            mix_after = sp.end < len(doc) and doc[sp.end].lower_ in self.mixture_words
            if between in (["/"], ["-"]) and not doc[prev.end - 1].whitespace_ and not doc[prev.end].whitespace_:
                return trace.mark(Span(doc, prev.start, sp.end + mix_after, label="DRUG"), "drug.mixture")
            if between in (["and"], ["/"], ["&"], ["with"]):
                if mix_after:
                    return trace.mark(Span(doc, prev.start, sp.end + 1, label="DRUG"), "drug.mixture")
                if (prev.start >= 2 and doc[prev.start - 1].lower_ == "of"
                        and doc[prev.start - 2].lower_ in self.mixture_words):
                    return trace.mark(Span(doc, prev.start - 2, sp.end, label="DRUG"), "drug.mixture")
            return None
        return merge_adjacent(spans, join)

    def role(self, span: Span, nxt) -> str:
        """"modifier" before a head noun ("heroin trafficking"), else "substance"."""
        return "modifier" if nxt is not None and nxt.lower_ in self.modifier_heads else "substance"

    # -- the substance alone ---------------------------------------------------------------------
    def substance_parts(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The DRUG mention at ``text[start:end]`` as the project's annotation guidelines
        (benchmarks/gold/GUIDELINES.md) mark it: the substance without its unit, packaging or
        product word ("[captagon] pills"), state or quality ("liquid [cocaine]", "94 per cent pure
        [heroin]"), "-type" or "-based" ("[methamphetamine]-type narcotics", "[Piperidone]-based
        substances"), form phrase ("[amphetamine] in powder") or quotation marks; a bracketed
        acronym after it is a mention of its own ("[New Psychoactive Substances] ([NPS])"). Fixed
        form terms the lexicon knows stay whole ("crack cocaine", "cannabis resin", "crystal
        meth"). Offsets into ``text``; the mention itself when nothing is left out."""
        s, e = start, end

        def word_edges() -> None:
            nonlocal s, e
            while s < e and text[s] in _EDGE_QUOTES + " ":
                s += 1
            while e > s and text[e - 1] in _EDGE_QUOTES + " ":
                e -= 1

        word_edges()
        parts: list[tuple[int, int]] = []
        m = _BRACKET.search(text[s:e])
        if m and text[s:e].count("(") == 1:
            inner = m.group(1).strip().strip(_EDGE_QUOTES)
            if inner and (ACRONYM.match(inner) or self.lex.drug(inner) is not None):
                inner_start = s + m.start(1) + m.group(1).index(inner)
                parts.append((inner_start, inner_start + len(inner)))
                e = s + m.start()
        for _ in range(4):  # strip from both sides while what remains is still a drug
            before = (s, e)
            span = text[s:e]
            cut = _PURITY.match(span)
            if cut and self._has_drug(span[cut.end():]):
                s += cut.end()
                continue
            cut = _TYPE.search(span)
            if cut and cut.start() > 0 and self.lex.drug(span[:cut.start()]) is not None \
                    and getattr(self.lex.drug(span), "kind", None) != "class":
                # a class term stays whole: "amphetamine-type stimulants" (GUIDELINES.md's table)
                e = s + cut.start()
                continue
            cut = _FORM_PHRASE.search(span)
            if cut and self.lex.drug(span[:cut.start()]) is not None:
                e = s + cut.start()
                continue
            words = span.split()
            if len(words) > 1 and words[-1].lower() in self.strip_nouns:
                rest = span[: span.rstrip().rfind(words[-1])].rstrip()
                # a brand before its form noun ("Xanax pills"); not a class term in a capitalised
                # heading or at a sentence start ("Synthetic Drugs", "Synthetic drugs such as")
                brand = len(words) == 2 and words[0][:1].isupper() and words[0].isalpha() \
                    and self.lex.drug(span) is None
                if self.lex.drug(rest) is not None or brand:
                    e = s + len(rest)
                    continue
            if len(words) > 1 and words[0].lower() in self.strip_adjs:
                rest = span[len(words[0]):].lstrip()
                if self.lex.drug(rest) is not None:
                    s = e - len(rest)
                    continue
            if (s, e) == before:
                break
        word_edges()
        if e <= s:
            return [(start, end)]
        return [(s, e)] + parts

    def _has_drug(self, text: str) -> bool:
        return bool(self.lex.drugs_in(text))
