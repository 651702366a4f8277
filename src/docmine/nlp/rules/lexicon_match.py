"""Lexicon matching: the names in ``models/`` (drugs, organisations, places), the phrases that
block an entity (routes, report and programme titles), and gazetteer places.

Rules: ``lexicon.drug``, ``lexicon.org``, ``lexicon.place`` (PhraseMatcher on the lexicons),
``lexicon.gazetteer`` (capitalised n-grams naming a GeoNames / ISO 3166-2 place).
"""
from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from docmine.nlp.doctext import doc_text, token_offsets
from docmine.nlp.lexicon import plural_forms, stems
from docmine.nlp.rules.base import Knowledge, Trace

RULES = ("lexicon.drug", "lexicon.org", "lexicon.place", "lexicon.gazetteer")
_PHRASES_VERSION = 1


def phrase_words(nlp: Language, groups: list[list[str]]) -> list[list[list[str]]] | None:
    """The token texts the pipeline's tokenizer makes of each phrase, group by group; None if the
    tokenizer's lower-case forms are not ``str.lower()`` of the text.

    Tokenizing the lexicons' ~9,000 phrases is most of a worker's start-up after the model: the
    result is kept in the cache folder, under a key made of everything it depends on (the phrases,
    the tokenizer's rules and patterns as serialised, the spaCy version)."""
    import hashlib
    import json

    import spacy
    from spacy.lang.lex_attrs import LEX_ATTRS, lower

    from docmine.cache import cache_dir, cached_json

    vocab: Any = nlp.vocab
    lower_id = next(k for k, getter in LEX_ATTRS.items() if getter is lower)
    if vocab.lex_attr_getters.get(lower_id) is not lower:
        return None
    tok: Any = nlp.tokenizer
    key = hashlib.sha256()
    key.update(f"{_PHRASES_VERSION}|{spacy.__version__}|{nlp.lang}|".encode())
    key.update(json.dumps(groups, ensure_ascii=False).encode())
    try:
        key.update(tok.to_bytes(exclude=["vocab"]))  # its rules and patterns
    except Exception:  # a custom tokenizer that cannot be serialised: no cache
        return [[[t.text for t in tok(p)] for p in phrases] for phrases in groups]

    def build() -> list[list[list[str]]]:
        return [[[t.text for t in tok(p)] for p in phrases] for phrases in groups]

    words = cached_json(cache_dir() / f"phrases-{key.hexdigest()[:24]}.json", build)
    if not isinstance(words, list) or [len(g) for g in words] != [len(g) for g in groups]:
        return build()  # an unreadable or foreign file under the name: tokenize
    return words


class LexiconMatch:
    def __init__(self, nlp: Language, know: Knowledge):
        self.know = know
        lexicon = know.lex
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cs_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        drug_terms = set()
        for term in lexicon.drugs:
            drug_terms.add(term)
            drug_terms.update(plural_forms(term))
        groups: list[tuple[PhraseMatcher, str, list[str]]] = [(self.matcher, "DRUG", sorted(drug_terms))]
        for label in ("ORG", "PLACE"):  # lower-cased and as written: abbreviations tokenize by case
            groups.append((self.matcher, label, sorted(lexicon.surfaces[label])))
            groups.append((self.matcher, label, sorted(lexicon.surfaces_cased[label] - lexicon.surfaces[label])))
        groups.append((self.matcher, "BLOCK", sorted(set(lexicon.routes) | set(lexicon.titles))))
        groups.append((self.matcher, "BLOCK", [t.lower() + "s" for t in lexicon.routes]))
        groups.append((self.cs_matcher, "ORG", sorted(lexicon.org_case_sensitive)))
        groups.append((self.cs_matcher, "PLACE", sorted(lexicon.place_case_sensitive)))
        words = phrase_words(nlp, [phrases for _, _, phrases in groups])
        if words is None:  # a tokenizer whose lower-case forms are not str.lower(): patterns as Docs
            tok = nlp.tokenizer
            for matcher, label, phrases in groups:
                matcher.add(label, [tok(t) for t in phrases])
            return
        strings = nlp.vocab.strings
        for (matcher, label, _), group in zip(groups, words, strict=True):
            # a pattern as the PhraseMatcher keeps it: the hashes of its tokens' LOWER or ORTH strings
            # (the same as from a Doc of the phrase, without a Doc and a lexeme for every word)
            lower = matcher is self.matcher
            patterns: list[Any] = [[strings.add(w.lower() if lower else w) for w in ws] for ws in group]
            matcher.add(label, patterns)

    def matches(self, doc: Doc) -> tuple[list[tuple[str, int, int]], list[tuple[int, int]]]:
        """(label, start, end) of every lexicon match, case-insensitive ones first; and the
        (start, end) of the blocked phrases among them."""
        matches = [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]
        matches += [(doc.vocab.strings[m], s, e) for m, s, e in self.cs_matcher(doc)]
        blocks = [(s, e) for lab, s, e in matches if lab == "BLOCK"]
        return matches, blocks

    @staticmethod
    def span(doc: Doc, label: str, start: int, end: int, trace: Trace) -> Span:
        return trace.mark(Span(doc, start, end, label=label), f"lexicon.{label.lower()}")

    def gazetteer_spans(self, doc: Doc, trace: Trace) -> list[Span]:
        """Capitalised (or all-caps) n-grams of up to four tokens that name a gazetteer place."""
        names = self.know.gazetteer
        endings = self.know.lex.place_endings  # in an inflecting language: "u Splitu", "в Москве"
        out: list[Span] = []
        if not names:
            return out
        n_tok = len(doc)
        text_of = doc_text(doc)
        starts, ends = token_offsets(doc)  # n-gram texts are slices of the document text
        for i in range(n_tok):
            if not text_of[starts[i]: starts[i] + 1].isupper():
                continue
            for n in (4, 3, 2, 1):
                if i + n > n_tok:
                    continue
                text = text_of[starts[i]: ends[i + n - 1]]
                # an all-caps name counts in a heading or dateline ("MADRID (Reuters) -"), not as an
                # acronym before a lower-case noun ("the SIENA system", "the LIMA protocol")
                acronym = text.isupper() and i + n < n_tok and doc[i + n].is_lower and doc[i + n].is_alpha
                if not acronym and (text in names or text.isupper() and text.title() in names) or (
                        endings and any(s in names for s in stems(text, endings))):
                    out.append(trace.mark(Span(doc, i, i + n, label="PLACE"), "lexicon.gazetteer"))
                    break
        return out
