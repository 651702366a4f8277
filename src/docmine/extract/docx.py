"""DOCX extraction with python-docx: paragraphs (headings included) and table cells, in body
order (a table stays between the paragraphs around it, next to its caption)."""
from __future__ import annotations

import io
import re
import zipfile

from docmine.extract.document import Document, ExtractionError
from docmine.extract.metadata import date_from_dateline, detect_language, iso_from_datetime
from docmine.extract.text import clean_line


REQUIRED_PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml")


def _damaged(exc: Exception) -> str:
    """Plain-language reason for a DOCX package python-docx cannot read."""
    msg = str(exc)
    if "relationship" in msg.lower():
        return "corrupt DOCX: the package does not say where its main document is (damaged relationships)"
    if type(exc).__name__ in ("XMLSyntaxError", "ParseError"):
        return f"corrupt DOCX: damaged XML inside the file ({msg[:120]})"
    return f"corrupt DOCX: the file is damaged and cannot be read ({type(exc).__name__})"


def _table_lines(table) -> list[str]:
    """One line per row, cells joined by ' | ' (a merged cell, repeated by python-docx, once)."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            t = clean_line(cell.text)
            if t and (not cells or cells[-1] != t):
                cells.append(t)
        if cells:
            lines.append(" | ".join(cells))
    return lines


def _body_lines(d) -> list[str]:
    """Paragraphs and table rows in the order the body holds them."""
    from docx.table import Table

    lines: list[str] = []
    for block in d.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(clean_line(block.text))
    return lines


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
    paras = [p for p in _body_lines(d) if p]
    if not paras:
        raise ExtractionError("empty DOCX: the document holds no text")
    text = "\n\n".join(paras)
    props = d.core_properties
    title = (props.title or "").strip() or (paras[0] if len(paras[0]) <= 200 else None)
    date = date_from_dateline(text) or iso_from_datetime(props.created)
    return Document(
        path=path, sha256=sha256, format="docx", text=text, title=title, date=date,
        language=detect_language(text), size=len(data), meta={"author": props.author or ""},
    )
