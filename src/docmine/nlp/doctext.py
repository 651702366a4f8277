"""The text of a spaCy Doc, built once.

``Doc.text`` joins the text of every token, creating a Token object for each, every time it is
read (about 1 ms for a 700-token document). Several of docmine's components need the whole text:
they share one copy, kept in the Doc's ``user_data`` (set by :func:`docmine.nlp.pipeline.annotate`
from the text it gives spaCy, or built on first use). A Doc's text never changes after
tokenization (merging tokens keeps it), so the copy stays right.
"""
from __future__ import annotations

import re

KEY = "docmine_text"

# a line in capitals: two words in capitals and no lower-case letter ("ECOLAB STARTS BID FOR CHEMLAWN")
CAPS_LINE = re.compile(r"^[^a-z\n]*[A-Z]{2,}[^a-z\n]*[A-Z]{2,}[^a-z\n]*$", re.M)


def doc_text(doc) -> str:
    text = doc.user_data.get(KEY)
    if text is None:
        text = doc.text
        doc.user_data[KEY] = text
    return text


def with_text(doc, text: str):
    """``doc`` (just made from ``text``) with its text kept."""
    doc.user_data[KEY] = text
    return doc


WORDS_KEY = "docmine_words"


def _kept(doc) -> dict:
    """The per-document views below, kept with the Doc's ``user_data`` and made again if the
    number of tokens changed (a retokenized Doc)."""
    kept = doc.user_data.get(WORDS_KEY)
    if kept is None or kept["n"] != len(doc):
        kept = doc.user_data[WORDS_KEY] = {"n": len(doc)}
    return kept


def token_words(doc) -> tuple[list[str], list[str]]:
    """(text, lower-cased text) of every token of ``doc``, read once per document and shared by
    the rules (a ``doc[i].lower_`` makes a Token object on each call)."""
    kept = doc.user_data.get(WORDS_KEY)
    if kept is not None and kept["n"] == len(doc) and "texts" in kept:
        return kept["texts"], kept["lowers"]
    kept = _kept(doc)
    if "texts" not in kept:
        from spacy.lang.lex_attrs import LEX_ATTRS, lower

        rows = doc.to_array(["IDX", "LENGTH"]).tolist()
        text = doc_text(doc)
        kept["starts"] = [i for i, _ in rows]
        kept["ends"] = [i + n for i, n in rows]
        kept["texts"] = texts = [text[i: i + n] for i, n in rows]
        lower_id = next(k for k, getter in LEX_ATTRS.items() if getter is lower)
        if doc.vocab.lex_attr_getters.get(lower_id) is lower:  # spaCy's own: the text's str.lower()
            kept["lowers"] = [t.lower() for t in texts]
        else:
            strings = doc.vocab.strings
            kept["lowers"] = [strings[h] for h in doc.to_array("LOWER").tolist()]
    return kept["texts"], kept["lowers"]


def token_offsets(doc) -> tuple[list[int], list[int]]:
    """(start, end) character offsets of every token of ``doc`` (``t.idx``, ``t.idx + len(t)``)."""
    token_words(doc)
    kept = doc.user_data[WORDS_KEY]
    return kept["starts"], kept["ends"]


def token_alpha(doc) -> list[bool]:
    """``doc[i].is_alpha`` of every token of ``doc``, read once."""
    kept = _kept(doc)
    if "alpha" not in kept:
        kept["alpha"] = [bool(a) for a in doc.to_array("IS_ALPHA").tolist()]
    return kept["alpha"]


def span_text(doc, start: int, end: int) -> str:
    """``doc[start:end].text``, sliced from the document's text."""
    if end <= start:
        return ""
    token_words(doc)
    kept = doc.user_data[WORDS_KEY]
    return doc_text(doc)[kept["starts"][start]: kept["ends"][end - 1]]


SPAN_ATTRS = "docmine_span_attrs"
"""``Doc.user_data`` key of each entity's docmine attributes: ``span_key(start_char, end_char)`` ->
{name: value}. ``span._.docmine_source``, ``docmine_role`` and ``docmine_rule`` read and write it;
the component fills it, and :func:`docmine.nlp.pipeline.spacy_mentions` reads it, as plain
dictionaries (an extension attribute costs a few microseconds per read or write, for some 90
entities a document). Its keys are strings, so ``Doc.to_bytes`` can store it (msgpack)."""


def span_key(start_char: int, end_char: int) -> str:
    return f"{start_char}:{end_char}"


def span_attrs(doc) -> dict[str, dict[str, str | None]]:
    return doc.user_data.setdefault(SPAN_ATTRS, {})
