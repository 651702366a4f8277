"""Defuse text that would stall the tokenizer, before it is stored and recognised.

spaCy's tokenizer strips punctuation and symbols off a token one character at a time, so a run
of them with no space in between costs time quadratic in its length (40,000 ``<`` took 302 s;
5,000 ``$`` 10 s). No prose needs more than a few such characters in a row, so every run longer
than :data:`MAX_RUN` is cut to its first :data:`MAX_RUN` characters. The cut is made in
``Document.text`` itself, before anything reads it, and page starts and table spans are moved
with it: the stored text, the mention offsets and the pages all refer to the same string.

Very long texts are stored whole (full-text search finds every word) but recognised only up to
:data:`NLP_MAX_CHARS` characters (spaCy's own default ``max_length``); see :func:`nlp_part`.
"""
from __future__ import annotations

import bisect
import dataclasses
import re

from docmine.extract.document import Document, Table

MAX_RUN = 20
"""Longest run of punctuation / symbol characters kept (dot leaders, rules, "?!" all fit)."""
NLP_MAX_CHARS = 1_000_000
"""Characters of a document that entity recognition reads; the rest is stored, not recognised."""

# a punctuation or symbol character: neither a word character nor white space
_RUN = re.compile(rf"[^\w\s]{{{MAX_RUN + 1},}}")


def collapse_runs(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with every run of more than :data:`MAX_RUN` punctuation / symbol characters cut
    to its first :data:`MAX_RUN`; and the removed spans (start, end) in the original text."""
    removed = [(m.start() + MAX_RUN, m.end()) for m in _RUN.finditer(text)]
    if not removed:
        return text, []
    parts, pos = [], 0
    for start, end in removed:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts), removed


class OffsetMap:
    """Maps offsets in the original text to offsets in the text with ``removed`` spans cut out.

    An offset inside a removed span maps to where the span was (its start, shifted)."""

    def __init__(self, removed: list[tuple[int, int]]):
        self.starts = [s for s, _ in removed]
        self.ends = [e for _, e in removed]
        self.before: list[int] = []  # characters removed before each span
        total = 0
        for s, e in removed:
            self.before.append(total)
            total += e - s

    def __call__(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return offset
        if offset < self.ends[i]:  # inside a removed span
            return self.starts[i] - self.before[i]
        return offset - self.before[i] - (self.ends[i] - self.starts[i])


def normalize_document(doc: Document) -> Document:
    """``doc`` with pathological runs cut out of its text (page starts, tables and notes moved along);
    a note of what was cut is kept in ``meta["normalised"]``. Returns ``doc`` itself when
    nothing needed cutting."""
    text, removed = collapse_runs(doc.text)
    if not removed:
        return doc
    at = OffsetMap(removed)
    tables = [Table(page=t.page, start=at(t.start), end=at(t.end), rows=t.rows) for t in doc.tables]
    meta = dict(doc.meta)
    meta["normalised"] = (f"{len(removed)} runs of more than {MAX_RUN} punctuation or symbol characters cut to "
                          f"{MAX_RUN} ({sum(e - s for s, e in removed)} characters removed)")
    return dataclasses.replace(doc, text=text, page_starts=[at(p) for p in doc.page_starts], tables=tables,
                               notes=[(at(a), at(b)) for a, b in doc.notes], meta=meta)


def nlp_part(doc: Document, limit: int = NLP_MAX_CHARS) -> tuple[Document, str | None]:
    """The part of ``doc`` entity recognition reads, and a note when it is not all of it.

    A text longer than ``limit`` is cut at the last paragraph break before it (or at ``limit``):
    offsets are unchanged, so mentions found in the part point into the whole stored text."""
    if len(doc.text) <= limit:
        return doc, None
    cut = doc.text.rfind("\n\n", 0, limit)
    cut = cut if cut > limit // 2 else limit
    part = dataclasses.replace(doc, text=doc.text[:cut], page_starts=[p for p in doc.page_starts if p < cut] or [0],
                               tables=[t for t in doc.tables if t.end <= cut],
                               notes=[n for n in doc.notes if n[1] <= cut])
    note = (f"entities recognised in the first {cut:,} of {len(doc.text):,} characters "
            f"(the whole text is stored and searchable)")
    return part, note
