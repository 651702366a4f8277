"""The text of a spaCy Doc, built once.

``Doc.text`` joins the text of every token, creating a Token object for each, every time it is
read (about 1 ms for a 700-token document). Several of docmine's components need the whole text:
they share one copy, kept in the Doc's ``user_data`` (set by :func:`docmine.nlp.pipeline.annotate`
from the text it gives spaCy, or built on first use). A Doc's text never changes after
tokenization (merging tokens keeps it), so the copy stays right.
"""
from __future__ import annotations

KEY = "docmine_text"


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
