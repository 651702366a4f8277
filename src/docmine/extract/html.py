"""HTML extraction: trafilatura finds the article and drops navigation, banners and footers.

Tables: trafilatura writes each ``<table>`` of the article as Markdown rows (``| a | b |``,
a ``|---|`` line under the header, ``\\|`` for a bar inside a cell, a ``<caption>`` as a first
row of one cell). Those rows are read back into ``Document.tables`` (a caption becomes the
paragraph before the table); a "table" of one column or one row is layout, and its cells are
prose paragraphs. When trafilatura fails and the tags are stripped instead, no table is kept.
"""
from __future__ import annotations

import re

from docmine.extract.document import Document, ExtractionError, TextBuilder, tidy_rows
from docmine.extract.encoding import declared_html_charset, decode
from docmine.extract.metadata import date_from_dateline, detect_language, parse_date
from docmine.extract.text import clean_line, split_paragraphs

_TAGS = re.compile(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", re.S | re.I)
_MD_ROW = re.compile(r"^\|.*\|\s*$")
_MD_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_CELL_BAR = re.compile(r"(?<!\\)\|")


def _md_cells(line: str) -> list[str]:
    inner = line.strip()[1:]
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [clean_line(c.replace("\\|", "|")) for c in _CELL_BAR.split(inner)]


def _add_table(out: TextBuilder, lines: list[str]) -> None:
    """One run of Markdown table rows: a table, or (one row or one column) prose paragraphs."""
    out.table(tidy_rows([_md_cells(line) for line in lines if not _MD_RULE.match(line)]), min_rows=2, min_cols=2)


def _body(body: str) -> TextBuilder:
    """Paragraphs and tables of trafilatura's text, in order."""
    out = TextBuilder()
    prose: list[str] = []
    table: list[str] = []

    def flush() -> None:
        for para in split_paragraphs("\n\n".join(prose)):
            out.paragraph(para)
        prose.clear()
        if table:
            _add_table(out, table)
            table.clear()

    for line in body.split("\n"):
        if _MD_ROW.match(line.strip()) and line.strip() != "|":
            if prose:
                flush()
            table.append(line)
        else:
            if table:
                flush()
            prose.append(line)
    flush()
    return out


def _fallback_text(html: str) -> str:
    import html as htmllib

    text = _TAGS.sub("\n", html)
    return htmllib.unescape(text)


def extract_html(path: str, data: bytes, sha256: str) -> Document:
    import trafilatura

    html, encoding = decode(data, declared_html_charset(data))
    if not html.strip():
        raise ExtractionError("empty HTML: the file holds no markup")
    body: str | None
    try:
        body = trafilatura.extract(
            html, output_format="txt", include_comments=False, include_tables=True,
            favor_precision=True, deduplicate=False, with_metadata=False,
        )
        meta = trafilatura.extract_metadata(html)
    except MemoryError:
        raise
    except Exception as exc:  # lxml or trafilatura failure: fall back to tag stripping
        body, meta = None, None
        fallback_reason: str | None = str(exc)
    else:
        fallback_reason = None
    if body:
        out = _body(body)
    else:  # tags stripped: no table structure is left to keep
        out = TextBuilder()
        for para in split_paragraphs(_fallback_text(html).replace("\n", "\n\n")):
            out.paragraph(para)
    if not out.parts:
        raise ExtractionError(
            "empty HTML: no article text found" + (f" ({fallback_reason})" if fallback_reason else "")
        )
    text = out.text
    title = getattr(meta, "title", None) if meta else None
    date = parse_date(getattr(meta, "date", None)) if meta else None
    return Document(
        path=path, sha256=sha256, format="html", text=text, title=title or None,
        date=date or date_from_dateline(text), language=detect_language(text), size=len(data),
        meta={"encoding": encoding}, tables=out.tables,
    )
