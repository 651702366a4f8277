"""Lexicon matching: the names in ``models/`` (drugs, organisations, places), the phrases that
block an entity (routes, report and programme titles), and gazetteer places.

Rules: ``lexicon.drug``, ``lexicon.org``, ``lexicon.place`` (PhraseMatcher on the lexicons),
``lexicon.gazetteer`` (capitalised n-grams naming a GeoNames / ISO 3166-2 place).
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from docmine.nlp.doctext import doc_text, token_offsets, token_words
from docmine.nlp.lexicon import plural_forms, stems
from docmine.nlp.rules.base import Knowledge, Trace

RULES = ("lexicon.drug", "lexicon.org", "lexicon.place", "lexicon.gazetteer")
_PATTERN_CACHE_FORMAT = 1


def pattern_keys(nlp: Language, texts: list[str], attr: str = "LOWER") -> list[list[int]]:
    """Each text as the PhraseMatcher pattern ``nlp.tokenizer(text)`` would give (the hashes of its
    tokens' ``attr``: LOWER or ORTH), which ``PhraseMatcher.add`` takes in place of a Doc.

    Tokenizing the ~9,000 lexicon names cost ~0.4 s of every pipeline load, most of it creating
    vocabulary entries for words no document may hold; the token strings are kept in the cache
    folder, keyed by the texts and the tokenizer (spaCy's version, the pipeline's name and version,
    its affix patterns and the number of its special cases).
    """
    import hashlib

    import spacy

    from docmine.cache import cache_dir, cached_json

    if attr not in ("LOWER", "ORTH"):
        raise ValueError(f"pattern_keys: attr must be LOWER or ORTH, not {attr!r}")
    meta, tokenizer = nlp.meta, nlp.tokenizer
    # the tokenizer's rules as loaded and then changed by docmine (split_abbreviation_hyphens)
    rules = [getattr(getattr(tokenizer, a, None), "__self__", None) for a in
             ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")]
    digest = hashlib.sha1(f"{_PATTERN_CACHE_FORMAT}|{attr}|{spacy.__version__}|{meta.get('lang')}|"
                          f"{meta.get('name')}|{meta.get('version')}|{len(getattr(tokenizer, 'rules', None) or ())}|"
                          f"{'|'.join(str(getattr(r, 'pattern', '')) for r in rules)}".encode())
    for t in texts:
        digest.update(t.encode())
        digest.update(b"\0")

    def tokenize() -> list[list[str]]:
        docs = (tokenizer(t) for t in texts)
        if attr == "LOWER":
            return [[tok.lower_ for tok in doc] for doc in docs]
        return [[tok.orth_ for tok in doc] for doc in docs]

    tokens = cached_json(cache_dir() / f"patterns-{digest.hexdigest()}.json", tokenize)
    if len(tokens) != len(texts):  # a damaged cache file: tokenize again
        tokens = tokenize()
    add = nlp.vocab.strings.add
    return [[add(tok) for tok in toks] for toks in tokens]


class LexiconMatch:
    def __init__(self, nlp: Language, know: Knowledge):
        self.know = know
        lexicon = know.lex
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cs_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        words = know.settings.org.darknet_words
        alt = "|".join(re.escape(w) for w in words)
        self.darknet = re.compile(rf"\b(?:{alt})\b", re.I) if words else None
        drug_terms = set()
        for term in lexicon.drugs:
            drug_terms.add(term)
            drug_terms.update(plural_forms(term))
        lower: list[tuple[str, list[str]]] = [("DRUG", sorted(drug_terms))]
        for label in ("ORG", "PLACE"):  # lower-cased and as written: abbreviations tokenize by case
            lower.append((label, sorted(lexicon.surfaces[label])))
            lower.append((label, sorted(lexicon.surfaces_cased[label] - lexicon.surfaces[label])))
        blocked = set(lexicon.routes) | set(lexicon.titles)
        # an acronym is blocked as written: "AI" (a technology), not "Mae Ai district"
        acronyms = {t for t in blocked if t.isupper() and t.isalpha()}
        lower.append(("BLOCK", sorted(blocked - acronyms)))
        lower.append(("BLOCK", [t.lower() + "s" for t in lexicon.routes]))
        cased = [("ORG", sorted(lexicon.org_case_sensitive)), ("PLACE", sorted(lexicon.place_case_sensitive)),
                 ("BLOCK", sorted(acronyms))]
        for matcher, groups, attr in ((self.matcher, lower, "LOWER"), (self.cs_matcher, cased, "ORTH")):
            texts = [t for _, group in groups for t in group]
            keys = iter(pattern_keys(nlp, texts, attr))
            for label, group in groups:
                # a sequence of attribute hashes stands for a pattern Doc (how spaCy itself unpickles
                # a PhraseMatcher); the stub types only Docs
                patterns: list[Any] = [next(keys) for _ in group]
                matcher.add(label, patterns)

    def matches(self, doc: Doc) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
        """(label, start, end) of every lexicon match, case-insensitive ones first; and the
        (start, end) of the blocked phrases among them, except those inside a longer known name."""
        matches = [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]
        matches += [(doc.vocab.strings[m], s, e) for m, s, e in self.cs_matcher(doc)]
        names = [(s, e) for lab, s, e in matches if lab in ("ORG", "PLACE")]
        # a known name that holds a blocked phrase is that name: "[Wall Street Market]" (a darknet
        # market), though "Wall Street" alone is the financial industry
        blocks = [(s, e) for lab, s, e in matches if lab == "BLOCK"
                  and not any(a <= s and e <= b and b - a > e - s for a, b in names)]
        if blocks and self.darknet is not None:
            # a route that is also a darknet market's name is the market where the text speaks of
            # darknet markets ("Silk Road vendors"; "the ancient Silk Road" in a report on routes)
            orgs = {(s, e) for lab, s, e in matches if lab == "ORG"}
            if any(b in orgs for b in blocks) and self.darknet.search(doc.text):
                blocks = [b for b in blocks if b not in orgs]
        return matches, blocks

    @staticmethod
    def span(doc: Doc, label: str, start: int, end: int, trace: Trace) -> Span:
        return trace.mark(Span(doc, start, end, label=label), f"lexicon.{label.lower()}")

    def gazetteer_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """Capitalised (or all-caps) n-grams of up to four tokens that name a gazetteer place (names
        that are also common words of the language only inside a sentence)."""
        strict = self.know.gazetteer
        inline = self.know.gazetteer_inline or strict
        endings = self.know.lex.place_endings  # in an inflecting language: "u Splitu", "в Москве"
        given = self.know.given_names
        out: list[Span] = []
        if not strict:
            return out
        n_tok = len(doc)
        text_of = doc_text(doc)
        starts, ends = token_offsets(doc)  # n-gram texts are slices of the document text
        texts, _ = token_words(doc)
        for i in [k for k, t in enumerate(texts) if t[:1].isupper()]:
            # the names that are also common words only where a capital letter is evidence: inside
            # a sentence, not after a first name ("Juan Mendoza")
            prev = doc[i - 1] if i else None
            if prev is not None and prev.like_num:
                continue  # a unit after its number ("5 Kilo Kokain"), not a town
            initial = prev is None or doc[i].is_sent_start or prev.text in given or (
                prev.is_punct and prev.text not in (",", "(", "-", "–"))
            names = strict if initial else inline
            for n in (4, 3, 2, 1):
                if i + n > n_tok:
                    continue
                text = text_of[starts[i]: ends[i + n - 1]]
                listed = text in names or text.isupper() and text.title() in names
                stem = bool(endings) and any(s in names for s in stems(text, endings))
                if not (listed or stem) or _glued(doc, i, i + n):
                    continue  # no name; or part of a hyphenated name: "Paredes-Ariza" (a surname), not Paredes
                # an all-caps name counts in a heading or dateline ("MADRID (Reuters) -"), not as an
                # acronym before a lower-case noun ("the SIENA system", "the LIMA protocol")
                acronym = text.isupper() and i + n < n_tok and doc[i + n].is_lower and doc[i + n].is_alpha
                if not acronym and listed or stem:
                    out.append(trace.mark(Span(doc, i, i + n, label="PLACE"), "lexicon.gazetteer"))
                    break
        return out


def _glued(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``start:end`` are joined by a hyphen, with no space, to a capitalised word before or
    after them ("Paredes-Ariza", "Ould-Paredes")."""
    if end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "-" \
            and not doc[end].whitespace_ and doc[end + 1].is_title:
        return True
    return start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
        and not doc[start - 2].whitespace_ and doc[start - 2].is_title
