"""The data object of the extract stage."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class Document:
    """Text and metadata extracted from one file.

    ``text`` is whitespace-normalised: lines inside a paragraph are joined with single
    spaces and paragraphs are separated by one blank line (``"\\n\\n"``), so entity
    names split by hard line breaks in the source are whole again. ``page_starts`` holds
    the character offset at which each page begins (PDFs; one entry otherwise).
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

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int:
        """1-based page number of a character offset."""
        return bisect.bisect_right(self.page_starts, offset)

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every paragraph in ``text``."""
        spans, pos = [], 0
        for para in self.text.split("\n\n"):
            spans.append((pos, pos + len(para)))
            pos += len(para) + 2
        return spans


class ExtractionError(Exception):
    """A file could not be turned into a Document; ``reason`` is for the analyst."""

    def __init__(self, reason: str, stage: str = "extract"):
        super().__init__(reason)
        self.reason = reason
        self.stage = stage
