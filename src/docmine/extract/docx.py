"""DOCX extraction with python-docx: paragraphs (headings included) and table cells."""
from __future__ import annotations

import io
import zipfile

from docmine.extract.document import Document, ExtractionError
from docmine.extract.metadata import date_from_dateline, detect_language, iso_from_datetime
from docmine.extract.text import clean_line


def extract_docx(path: str, data: bytes, sha256: str) -> Document:
    import docx

    try:
        d = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ExtractionError(f"corrupt DOCX: cannot be opened ({exc})") from exc
    except Exception as exc:
        raise ExtractionError(f"corrupt DOCX: {type(exc).__name__}: {exc}") from exc
    paras = [clean_line(p.text) for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                t = clean_line(cell.text)
                if t and (not cells or cells[-1] != t):
                    cells.append(t)
            if cells:
                paras.append(" | ".join(cells))
    paras = [p for p in paras if p]
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
