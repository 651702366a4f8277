"""Extract stage: file bytes -> Document. Format from content (magic bytes), not the name."""
from __future__ import annotations

import hashlib
import io
import re
import zipfile

from docmine.extract.document import Document, ExtractionError

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r

FORMATS = ("pdf", "html", "docx", "txt")


def sniff_format(data: bytes, name: str = "") -> str | None:
    """Decide the format from the first bytes; the extension only breaks ties."""
    head = data[:2048]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            names = set()
        if "word/document.xml" in names:
            return "docx"
        # a damaged Word file is reported as such, not as an unknown format
        return "docx" if name.lower().endswith((".docx", ".docm")) else None
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\x1f\x8b", b"BZh", b"Rar!",
                        b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf", b"OggS", b"ID3", b"RIFF", b"\x00\x00\x01\x00")):
        return None
    from docmine.extract.encoding import decode

    sample, _ = decode(data[:4096])
    low = sample.lstrip().lower()
    if low.startswith(("<!doctype html", "<html")) or re.search(r"<(html|body|head)[\s>]", low[:2000]):
        return "html"
    if name.lower().endswith((".html", ".htm", ".xhtml")) and "<" in low[:200]:
        return "html"
    # text: mostly printable characters. NUL bytes are not counted against it (text padded or
    # sprinkled with NULs is still text; the extractor drops them), other control bytes are.
    if not sample:
        return "txt"
    sample = sample.replace("\x00", "")
    if not sample:
        return None  # nothing but NUL bytes: binary, no text
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return "txt" if bad / len(sample) < 0.02 else None


def extract_bytes(path: str, data: bytes, fmt: str | None = None, sha256: str | None = None,
                  ocr: bool = False) -> Document:
    """Turn file bytes into a Document; raise ExtractionError with a reason for the analyst.

    The text is defused before anyone reads it: runs of punctuation that would stall the
    tokenizer are cut (:func:`docmine.extract.normalize.normalize_document`)."""
    from docmine.extract.normalize import normalize_document

    return normalize_document(_extract(path, data, fmt, sha256, ocr))


def _extract(path: str, data: bytes, fmt: str | None, sha256: str | None, ocr: bool) -> Document:
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    if not data:
        raise ExtractionError("empty file: 0 bytes", stage="discover")
    fmt = fmt or sniff_format(data, path)
    if fmt is None:
        raise ExtractionError("unsupported format: not PDF, HTML, DOCX or text", stage="discover")
    if fmt == "pdf":
        from docmine.extract.pdf import extract_pdf

        return extract_pdf(path, data, sha256, ocr=ocr)
    if fmt == "html":
        from docmine.extract.html import extract_html

        return extract_html(path, data, sha256)
    if fmt == "docx":
        from docmine.extract.docx import extract_docx

        return extract_docx(path, data, sha256)
    from docmine.extract.txt import extract_txt

    return extract_txt(path, data, sha256)


def extract_file(path: str) -> Document:
    """Extract one file from disk (see :func:`extract_bytes`)."""
    with open(path, "rb") as fh:
        data = fh.read()
    return extract_bytes(path, data)


__all__ = ["Document", "ExtractionError", "extract_bytes", "extract_file", "sniff_format", "FORMATS"]
