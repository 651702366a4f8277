"""Drug mentions: context for ambiguous terms, drug forms, mixtures and the modifier role
(settings: ``[drug]`` in rules.toml).

Rules: ``drug.context`` (an ambiguous lexicon term kept on local evidence, "2 kg of ice"),
``drug.form`` (span extended over form words: "ecstasy pills", "crystal methamphetamine",
"amphetamine-type stimulants", "Mephedrone (MD)", "94 per cent pure heroin"), ``drug.mixture``
("a mixture of paracetamol and caffeine"). Plain lexicon matches stay ``lexicon.drug``.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from docmine.nlp.rules.base import ACRONYM, AMOUNT_WORDS, QUOTES, Knowledge, Trace, merge_adjacent, words_at

RULES = ("drug.context", "drug.form", "drug.mixture")


class DrugRules:
    def __init__(self, know: Knowledge):
        self.know = know
        self.lex = know.lex
        dr = know.settings.drug
        self.cues = set(dr.context_cues)
        self.blockers = list(dr.blocking_cues)
        self.form_nouns = set(dr.form_nouns)
        self.form_adjs = set(dr.form_adjectives)
        self.merge_parens = dr.merge_parenthesised
        self.merge_acronyms = dr.merge_parenthesised_acronyms
        self.mixture_words = set(dr.mixture_words)
        self.form_phrases = sorted((p.split() for p in dr.form_phrases), key=len, reverse=True)
        self.modifier_heads = set(dr.modifier_heads)

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
        start, end = span.start, span.end
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "type":
            end += 2  # "methamphetamine-type (narcotics)", "amphetamine-type stimulants"
            head = self.lex.drug(doc[end].text) if end < len(doc) else None
            if head is not None and head.kind == "class":
                end += 1
        if end < len(doc) and doc[end].lower_ in self.form_nouns:
            end += 1
        for phrase in self.form_phrases:  # "amphetamine in crystals", "MDMA in crystalline form"
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
        rule = "drug.form" if (start, end) != (span.start, span.end) else \
            "drug.context" if info.ambiguous else "lexicon.drug"
        return trace.mark(Span(doc, start, end, label="DRUG"), rule)

    def context(self, span: Span) -> bool:
        """An ambiguous term ("ice", "speed", "blow", "coke") is a drug only with local evidence:
        an amount just before it, another drug in the same list, quotation marks, or a drug form
        after it; and never in a sentence about fuel, weather or sport."""
        doc = span.doc
        sent = span.sent if doc.has_annotation("SENT_START") else doc[max(0, span.start - 25): span.end + 25]
        low = sent.text.lower()
        if any(re.search(rf"\b{re.escape(b)}\b", low) for b in self.blockers):
            return False
        before = doc[max(sent.start, span.start - 3): span.start]
        after = doc[span.end: min(sent.end, span.end + 3)]
        if any(t.like_num or t.lower_ in AMOUNT_WORDS for t in before):
            return True
        if span.end < len(doc) and doc[span.end].lower_ in self.form_nouns:
            return True
        if (span.start > 0 and doc[span.start - 1].text in QUOTES
                or span.end < len(doc) and doc[span.end].text in QUOTES):
            return True
        for t in list(before) + list(after):
            info = self.lex.drugs.get(t.lower_)
            if info is not None and not info.ambiguous:
                return True
        return any(t.lower_ in self.cues for t in before)

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
