"""PDF extraction: pypdfium2 for text (fast, keeps column order), pdfplumber kept for tables.

Paragraphs are rebuilt from the geometry of the text lines (a vertical gap larger than the
line spacing, or a jump to a new column, starts a new paragraph). Running headers and
footers (lines repeated at the top or bottom of most pages, digits ignored) and page
numbers are removed before the text reaches NER.
"""
from __future__ import annotations

import re
from collections import Counter

from docmine.extract.document import Document, ExtractionError
from docmine.extract.metadata import detect_language, date_from_dateline, parse_date
from docmine.extract.text import clean_line, join_lines

_PAGE_NO = re.compile(
    r"^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$|^[ivxlc]{1,6}$", re.I
)
ZONE = 3  # lines at the top/bottom of a page that may be running headers/footers


def _line_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower()).strip()


def _page_lines(textpage) -> list[tuple[str, float, float, float, float]]:
    """Lines of one page as (text, left, top, bottom, font size), in pdfium's reading order.

    pdfium's text keeps column order; each line's position comes from the box of its first
    character (character indices of ``get_text_range`` and ``get_charbox`` coincide), its font
    size from the largest of a few sampled characters (0 when unknown).
    """
    import pypdfium2.raw as pdfium_c

    raw = textpage.get_text_range()
    n_chars = textpage.count_chars()
    out, pos = [], 0
    for line in re.split(r"\r\n|\n|\r", raw):
        stripped = line.strip()
        if stripped:
            idx = pos + (len(line) - len(line.lstrip()))
            size = 0.0
            if len(raw) == n_chars and idx < n_chars:
                left, bottom, right, top = textpage.get_charbox(idx)
                # glyph boxes are tight: use the line's tallest glyph for its extent
                for j in range(idx, min(idx + len(stripped), n_chars), max(1, len(stripped) // 8)):
                    _, b, _, t = textpage.get_charbox(j)
                    bottom, top = min(bottom, b), max(top, t)
                    size = max(size, float(pdfium_c.FPDFText_GetFontSize(textpage.raw, j)))
            else:
                left = bottom = top = 0.0
            out.append((clean_line(line), left, top, bottom, size))
        pos += len(line) + (2 if raw[pos + len(line): pos + len(line) + 2] == "\r\n" else 1)
    return out


def _paragraphs(lines: list[tuple[str, float, float, float, float]]) -> list[str]:
    """Group lines into paragraphs by vertical gaps, column jumps and font-size changes.

    The gap that ends a paragraph scales with the font size, so a title wrapped over two lines
    in a large font stays one paragraph, and a change of size (title to subtitle) starts one.
    """
    if not lines:
        return []
    heights = sorted(max(1.0, top - bottom) for _, _, top, bottom, _ in lines)
    line_h = heights[len(heights) // 2]
    sizes = sorted(size for *_, size in lines if size > 0)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    paras: list[list[str]] = [[]]
    prev = None
    for text, _, top, bottom, size in lines:
        if prev is not None:
            ptop, pbottom, psize = prev
            gap = pbottom - top  # positive: this line is below the previous one
            new_column = top > ptop + line_h  # jumped up: next column or next block
            scale = max(1.0, min(size, psize) / body) if body and size and psize else 1.0
            resized = bool(size and psize) and abs(size - psize) > 0.15 * max(size, psize) \
                and max(size, psize) > 1.15 * body
            if gap > 0.9 * line_h * scale or new_column or (gap < -line_h * 3) or resized:
                paras.append([])
        paras[-1].append(text)
        prev = (top, bottom, size)
    return [p for p in (join_lines(x) for x in paras) if p]


def strip_running_lines(pages: list[list[tuple]]) -> list[list[tuple]]:
    """Remove running headers/footers and page numbers from per-page line lists."""
    n = len(pages)
    counts: Counter = Counter()
    for lines in pages:
        zone = {_line_key(t) for t, *_ in lines[:ZONE] + lines[-ZONE:]}
        counts.update(zone)
    threshold = max(2, (n + 1) // 2)
    repeated = {k for k, c in counts.items() if c >= threshold and k} if n >= 2 else set()
    out = []
    for lines in pages:
        keep = []
        for i, line in enumerate(lines):
            in_zone = i < ZONE or i >= len(lines) - ZONE
            if in_zone and (_line_key(line[0]) in repeated or _PAGE_NO.match(line[0].strip())):
                continue
            keep.append(line)
        out.append(keep)
    return out


def extract_pdf(path: str, data: bytes, sha256: str, ocr: bool = False) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ExtractionError("encrypted PDF: needs a password") from exc
        raise ExtractionError(f"corrupt PDF: cannot be parsed ({exc})") from exc
    try:
        page_lines = []
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            page_lines.append(_page_lines(tp))
            tp.close()
            page.close()
        meta = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as exc:
        raise ExtractionError(f"corrupt PDF: a page cannot be read ({exc})") from exc
    finally:
        pdf.close()
    if not page_lines:
        raise ExtractionError("empty PDF: it has no pages")
    if not any(page_lines):
        if not ocr:
            raise ExtractionError("no text layer: scanned PDF; OCR is not enabled (docmine ingest --ocr)", stage="extract")
        return _ocr_document(path, data, sha256)
    page_lines = strip_running_lines(page_lines)
    text_parts, page_starts, pos = [], [], 0
    for lines in page_lines:
        page_starts.append(pos)
        paras = _paragraphs(lines)
        if paras:
            chunk = "\n\n".join(paras)
            text_parts.append(chunk)
            pos += len(chunk) + 2
    text = "\n\n".join(text_parts)
    page_starts = [min(p, max(0, len(text))) for p in page_starts]
    title = (meta.get("Title") or "").strip() or None
    if not title:
        first = text.split("\n\n", 1)[0]
        title = first if len(first) <= 200 else None
    date = parse_date(meta.get("CreationDate")) if meta.get("CreationDate") else None
    date = date_from_dateline(text) or date
    return Document(
        path=path, sha256=sha256, format="pdf", text=text, title=title, date=date,
        language=detect_language(text), page_starts=page_starts, size=len(data),
        meta={k: v for k, v in meta.items() if isinstance(v, str)},
    )


def extract_tables(path: str) -> list[list[list[str | None]]]:
    """Tables of a PDF, through pdfplumber (slow, exact layout): one list of rows per table."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [t for page in pdf.pages for t in page.extract_tables()]


def _ocr_document(path: str, data: bytes, sha256: str) -> Document:
    """A scanned PDF read by Tesseract (see :mod:`docmine.extract.ocr`)."""
    from docmine.extract.ocr import ocr_pages
    from docmine.extract.text import split_paragraphs

    parts, page_starts, pos = [], [], 0
    for page_text in ocr_pages(data):
        page_starts.append(pos)
        chunk = "\n\n".join(split_paragraphs(page_text))
        if chunk:
            parts.append(chunk)
            pos += len(chunk) + 2
    text = "\n\n".join(parts)
    if not text.strip():
        raise ExtractionError("no text layer: scanned PDF, and OCR found no text either")
    first = text.split("\n\n", 1)[0]
    return Document(path=path, sha256=sha256, format="pdf", text=text,
                    title=first if len(first) <= 200 else None, date=date_from_dateline(text),
                    language=detect_language(text), page_starts=[min(p, len(text)) for p in page_starts],
                    size=len(data), meta={"ocr": "tesseract"})
