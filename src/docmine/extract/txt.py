"""Plain-text extraction (UTF-8, UTF-16, Windows-1252 and anything charset-normalizer knows)."""
from __future__ import annotations

from docmine.extract.document import Document, ExtractionError
from docmine.extract.encoding import decode
from docmine.extract.metadata import date_from_dateline, detect_language
from docmine.extract.text import split_paragraphs


def extract_txt(path: str, data: bytes, sha256: str) -> Document:
    raw, encoding = decode(data)
    paras = split_paragraphs(raw)
    if not paras:
        raise ExtractionError("empty text: the file holds no words")
    text = "\n\n".join(paras)
    title = paras[0] if len(paras[0]) <= 200 and len(paras) > 1 else None
    return Document(
        path=path, sha256=sha256, format="txt", text=text, title=title,
        date=date_from_dateline(text), language=detect_language(text), size=len(data),
        meta={"encoding": encoding},
    )
