"""DOCX extraction with python-docx: paragraphs (headings included) and tables, in body order
(a table stays between the paragraphs around it, next to its caption). A table's cells are kept
row by row in ``Document.tables``; its text is one paragraph per row, cells joined by " | "."""
from __future__ import annotations

import io
import re
import zipfile

from docmine.extract.document import Document, ExtractionError, TextBuilder, tidy_rows
from docmine.extract.metadata import date_from_dateline, detect_language, iso_from_datetime
from docmine.extract.text import clean_line, join_lines

REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")


def _damaged(exc: Exception) -> str:
    """Plain-language reason for a DOCX package python-docx cannot read."""
    msg = str(exc)
    if "relationship" in msg.lower():
        return "corrupt DOCX: the package does not say where its main document is (damaged relationships)"
    if type(exc).__name__ in ("XMLSyntaxError", "ParseError"):
        return f"corrupt DOCX: damaged XML inside the file ({msg[:120]})"
    return f"corrupt DOCX: the file is damaged and cannot be read ({type(exc).__name__})"


def _table_rows(table) -> list[list[str]]:
    """The cells of a table, row by row. python-docx repeats a merged cell at every grid position
    it covers: its text is kept once (at its first position), the positions it continues over
    are ""."""
    rows: list[list[str]] = []
    above: list = []  # the cell elements of the previous row, to see vertical merges
    for row in table.rows:
        cells: list[str] = []
        elements: list = []
        for j, cell in enumerate(row.cells):
            tc = cell._tc
            repeated = (elements and elements[-1] is tc) or (j < len(above) and above[j] is tc)
            elements.append(tc)
            cells.append("" if repeated else join_lines(cell.text.split("\n")))
        above = elements
        rows.append(cells)
    return tidy_rows(rows)


def _body(d, out: TextBuilder) -> None:
    """Paragraphs and tables in the order the body holds them (a table stays between the
    paragraphs around it, next to its caption)."""
    from docx.table import Table

    for block in d.iter_inner_content():
        if isinstance(block, Table):
            out.table(_table_rows(block))
        else:
            out.paragraph(clean_line(block.text))


def extract_docx(path: str, data: bytes, sha256: str) -> Document:
    import docx

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise ExtractionError("corrupt DOCX: not a complete ZIP archive (truncated or damaged)") from exc
    for part in REQUIRED_PARTS:
        if part not in names:
            raise ExtractionError(f"corrupt DOCX: a required part is missing ({part})")
    try:
        d = docx.Document(io.BytesIO(data))
    except MemoryError:  # a decompression bomb: the worker reports it as out of memory
        raise
    except KeyError as exc:  # a part the package refers to is not in the archive
        missing = str(exc.args[0]) if exc.args else ""
        missing = re.sub(r"^There is no item named '(.*)' in the archive$", r"\1", missing)
        raise ExtractionError(f"corrupt DOCX: a required part is missing ({missing})") from exc
    except Exception as exc:  # damaged XML or package structure
        raise ExtractionError(_damaged(exc)) from exc
    body = TextBuilder()
    _body(d, body)
    if not body.parts:
        raise ExtractionError("empty DOCX: the document holds no text")
    text = body.text
    props = d.core_properties
    title = (props.title or "").strip() or (body.parts[0] if len(body.parts[0]) <= 200 else None)
    date = date_from_dateline(text) or iso_from_datetime(props.created)
    return Document(
        path=path, sha256=sha256, format="docx", text=text, title=title, date=date,
        language=detect_language(text), size=len(data), meta={"author": props.author or ""},
        tables=body.tables,
    )
