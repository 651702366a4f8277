"""The data object of the extract stage."""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

CELL_SEPARATOR = " | "
"""Between the cells of a table row in ``Document.text``."""


@dataclass
class Table:
    """A table found in a document: its cells, and where its text sits in ``Document.text``.

    ``rows`` is a list of rows, each a list of cell strings (whitespace-normalised; "" for an
    empty cell or the continuation of a merged one), every row as long as the widest. The text
    of the table stays in ``Document.text`` (so full-text search finds it), one paragraph per
    row with the non-empty cells joined by ``" | "``, from ``start`` to ``end``; NER never runs
    there (the cells are not entities).
    """

    page: int  # 1-based
    start: int
    end: int
    rows: list[list[str]] = field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def tidy_rows(rows: Sequence[Sequence[str | None]]) -> list[list[str]]:
    """Rows of cell strings: None is "", rows and columns with no text are dropped, rows padded
    to the same width."""
    out = [["" if c is None else str(c) for c in r] for r in rows]
    out = [r for r in out if any(c.strip() for c in r)]
    width = max((len(r) for r in out), default=0)
    out = [r + [""] * (width - len(r)) for r in out]
    keep = [j for j in range(width) if any(r[j].strip() for r in out)]
    return [[r[j] for j in keep] for r in out]


def row_text(row: list[str]) -> str:
    """A table row as it reads in ``Document.text``: the non-empty cells joined by ``" | "``."""
    return CELL_SEPARATOR.join(c for c in row if c)


def split_titles(rows: list[list[str]]) -> tuple[list[str], list[list[str]], list[str]]:
    """(titles before, rows, notes after): the first and last rows that have text in one cell
    only, when the table has several columns and other rows."""
    if not rows or len(rows[0]) < 2:
        return [], rows, []

    def single(row: list[str]) -> str | None:
        texts = [c for c in row if c]
        return texts[0] if len(texts) == 1 else None

    start, end = 0, len(rows)
    while end - start > 1 and single(rows[start]) is not None:
        start += 1
    while end - start > 1 and single(rows[end - 1]) is not None:
        end -= 1
    if start == 0 and end == len(rows):
        return [], rows, []
    before = [single(r) or "" for r in rows[:start]]
    after = [single(r) or "" for r in rows[end:]]
    return before, tidy_rows(rows[start:end]), after


class TextBuilder:
    """Assemble ``Document.text`` from paragraphs and tables, recording each table's span.

    Paragraphs are separated by one blank line; a table is one paragraph per row."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.tables: list[Table] = []

    @property
    def next_start(self) -> int:
        """The offset at which the next paragraph will start."""
        return self.length + 2 if self.parts else 0

    def paragraph(self, text: str) -> None:
        if not text:
            return
        self.length = self.next_start + len(text)
        self.parts.append(text)

    def table(self, rows: list[list[str]], page: int = 1, min_rows: int = 1, min_cols: int = 1) -> Table | None:
        """Add a table (rows as from :func:`tidy_rows`); returns it, or None when it is no table.

        A first or last row with text in one cell only, of a table of several columns, is a title
        or a note ("Figure 5: ...", "Source: ..."): it becomes a paragraph before or after the
        table, and NER reads it. A table with fewer than ``min_rows`` rows or ``min_cols``
        columns left is layout: its cells become paragraphs."""
        before, rows, after = split_titles(rows)
        for text in before:
            self.paragraph(text)
        table = None
        if len(rows) >= min_rows and rows and len(rows[0]) >= min_cols:
            lines = [t for t in (row_text(r) for r in rows) if t]
            start = self.next_start
            for line in lines:
                self.paragraph(line)
            if lines:
                table = Table(page=page, start=start, end=self.length, rows=rows)
                self.tables.append(table)
        else:
            for row in rows:
                for cell in row:
                    self.paragraph(cell)
        for text in after:
            self.paragraph(text)
        return table

    @property
    def text(self) -> str:
        return "\n\n".join(self.parts)


@dataclass
class Document:
    """Text and metadata extracted from one file.

    ``text`` is whitespace-normalised: lines inside a paragraph are joined with single
    spaces and paragraphs are separated by one blank line (``"\\n\\n"``), so entity
    names split by hard line breaks in the source are whole again. ``page_starts`` holds
    the character offset at which each page begins (PDFs; one entry otherwise). ``tables``
    are the tables of PDFs, DOCX and HTML (see :class:`Table`): their text is part of
    ``text``, their cells are kept row by row. ``notes`` are the spans of a PDF's footnotes:
    stored and searchable like all text, but not read for entities.
    """

    path: str
    sha256: str
    format: str
    text: str = ""
    title: str | None = None
    date: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    language: str | None = None
    page_starts: list[int] = field(default_factory=lambda: [0])
    size: int = 0
    meta: dict = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    notes: list[tuple[int, int]] = field(default_factory=list)  # footnotes' spans (PDF): stored, not read by NER

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """1-based page number of a character offset."""
        return bisect.bisect_right(self.page_starts, offset)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every paragraph in ``text``."""
        return paragraph_spans(self.text)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph of ``text`` (paragraphs are separated by a blank line)."""
    spans, pos = [], 0
    for para in text.split("\n\n"):
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return spans


class ExtractionError(Exception):
    """A file could not be turned into a Document; ``reason`` is for the analyst."""

    def __init__(self, reason: str, stage: str = "extract"):
        super().__init__(reason)
        self.reason = reason
        self.stage = stage
