"""PDF extraction: pypdfium2 for text (fast, keeps column order), pdfplumber for tables.

Paragraphs are rebuilt from the geometry of the text lines: a baseline distance beyond the
document's usual one for that font size (so text in 1.5 or double spacing is not one paragraph
per line), a line that ends where the next line's first word would have fitted, a bullet, a
jump to a new column or a change of font size starts a new paragraph. A paragraph cut by a page
end is joined again past the page's footnotes, and the footnotes (small print at a page's foot,
from a note number on) are listed in ``Document.notes``, so that NER skips them. Running headers
and footers (lines repeated at the top or bottom of most pages, digits ignored) and page
numbers are removed before the text reaches NER.

Tables: pdfplumber (about 25 times slower than pdfium per page) looks only at pages whose
drawing has enough straight rules and rectangles to make a ruled table, found by a cheap walk
over pdfium's path objects; a page of text alone never reaches it. A table found there
replaces its lines in the page's text by one paragraph per row (cells joined by " | ") and is
kept cell by cell in ``Document.tables``. Cells are the table's columns (every x-edge of its
cells) and rows; each run of words on a line goes to the column under its middle, so a table
ruled only between rows (no vertical lines) still comes out cell by cell.
"""
from __future__ import annotations

import bisect
import io
import re
import time
from collections import Counter
from typing import NamedTuple

from docmine.extract.document import Document, ExtractionError, TextBuilder, tidy_rows
from docmine.extract.metadata import date_from_dateline, detect_language, parse_date
from docmine.extract.text import clean_line, join_lines

_PAGE_NO = re.compile(  # "12", "Page 3 of 9", "- 4 -", "iv", "| ii" (a rule drawn beside the number)
    r"^[|\s]*(?:(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|(?=[ivxlc])(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))[|\s]*$", re.I  # a Roman numeral up to 99, not "Civil"
)
ZONE = 3  # lines at the top/bottom of a page that may be running headers/footers
TABLE_RULES = (3, 3)  # distinct y of horizontal and x of vertical edges before pdfplumber looks at a page
TABLE_SECONDS = 20.0  # pdfplumber time per document; pages after it keep their table text as prose
TABLE_MIN_SIZE = (2, 2)  # rows and columns with text; a ruled box around a figure or a paragraph is no table
TABLE_MAX_OBJECTS = 5000  # a page drawn with more objects is a map or a chart: pdfplumber would crawl over it


def _line_key(line: str) -> str:
    """A line as running headers repeat it: digits and the rules beside a page number ignored
    ("Online markets ... | 12" on a page, "Online markets ..." above "| ii" on another)."""
    return re.sub(r"\s+", " ", re.sub(r"[\d|]+", " ", line.lower())).strip()


class Line(NamedTuple):
    """One text line of a PDF page, in PDF points (y grows upwards)."""

    text: str
    left: float
    top: float
    bottom: float
    size: float  # font size, 0 when unknown
    base: float = 0.0  # baseline at the start of the line
    right: float = 0.0  # right edge of the last character
    first_word: float = 0.0  # width of the first word
    base_end: float = 0.0  # baseline at its end (lower when pdfium ran two printed lines into one)


def _page_lines(textpage) -> list[Line]:
    """Lines of one page in pdfium's reading order, with their geometry.

    pdfium's text keeps column order; each line's position comes from the box of its first
    character (character indices of ``get_text_range`` and ``get_charbox`` coincide), its font
    size from the largest of a few sampled characters (0 when unknown), its baseline from their
    origins.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    raw = textpage.get_text_range()
    n_chars = textpage.count_chars()
    tp = textpage.raw
    bl, br, bb, bt = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    box_refs = (ctypes.byref(bl), ctypes.byref(br), ctypes.byref(bb), ctypes.byref(bt))
    origin_refs = (ctypes.byref(ox), ctypes.byref(oy))
    char_box, char_origin, font_size = pdfium_c.FPDFText_GetCharBox, pdfium_c.FPDFText_GetCharOrigin, \
        pdfium_c.FPDFText_GetFontSize

    def box(i: int) -> tuple[float, float, float, float]:  # (left, bottom, right, top), 0s when unknown
        if char_box(tp, i, *box_refs):
            return bl.value, bb.value, br.value, bt.value
        return 0.0, 0.0, 0.0, 0.0

    out: list[Line] = []
    pos = 0
    for line in re.split(r"\r\n|\n|\r", raw):
        stripped = line.strip()
        if stripped:
            idx = pos + (len(line) - len(line.lstrip()))
            size = base = base_end = right = first_word = 0.0
            if len(raw) == n_chars and idx < n_chars:
                left, bottom, right, top = box(idx)
                # glyph boxes are tight: use the line's tallest glyph for its extent; a baseline is
                # the lowest of the sampled origins (a note number is set higher), at the line's start
                # (first three samples) and at its end (last two)
                samples = range(idx, min(idx + len(stripped), n_chars), max(1, len(stripped) // 8))
                late = len(samples) - 2
                base = base_end = float("inf")
                for n, j in enumerate(samples):
                    if char_box(tp, j, *box_refs):
                        if bb.value < bottom:
                            bottom = bb.value
                        if bt.value > top:
                            top = bt.value
                    z = font_size(tp, j)
                    if z > size:
                        size = z
                    if (n < 3 or n >= late) and char_origin(tp, j, *origin_refs):
                        if n < 3 and oy.value < base:
                            base = oy.value
                        if oy.value < base_end:
                            base_end = oy.value
                base = 0.0 if base == float("inf") else base
                base_end = 0.0 if base_end == float("inf") else base_end
                last = min(idx + len(stripped), n_chars) - 1
                right = box(last)[2]
                space = stripped.find(" ")
                end = idx + space - 1 if space > 0 else last
                first_word = max(0.0, box(min(end, n_chars - 1))[2] - left)
            else:
                left = bottom = top = 0.0
            prev = out[-1] if out else None
            if prev and prev.right and left >= prev.right - 1 and abs(bottom - prev.bottom) < 0.3 * max(size, 1.0):
                # the rest of the same printed line, cut off by a superscript note number
                out[-1] = prev._replace(text=prev.text + " " + clean_line(line), right=right,
                                        top=max(top, prev.top), size=max(size, prev.size),
                                        base_end=min(base_end, prev.base_end))
            else:
                out.append(Line(clean_line(line), left, top, bottom, size, base, right, first_word, base_end))
        pos += len(line) + (2 if raw[pos + len(line): pos + len(line) + 2] == "\r\n" else 1)
    return out


_LIST_ITEM = re.compile(r"^(?:[•●▪■◦○‣∙·*-]\s|\(?[a-z]\)\s|\(?\d{1,2}[.)]\s)")


def line_leading(pages: list[list[Line]]) -> dict[float, float]:
    """The usual baseline-to-baseline distance of a document's lines, as a multiple of the font
    size, for each font size (rounded to half a point) that has enough lines to say; key 0.0
    holds the document's overall value. A PDF set in 1.5 line spacing has about 1.8, a single
    spaced one about 1.2: a paragraph break is a distance clearly beyond it."""
    by_size: dict[float, Counter] = {}
    for lines in pages:
        for a, b in zip(lines, lines[1:], strict=False):
            if not (a.size and a.base_end and b.base) or abs(a.size - b.size) > 0.5 \
                    or abs(a.left - b.left) > 4 * a.size:
                continue
            ratio = (a.base_end - b.base) / a.size
            if 0.8 < ratio < 3.0:
                by_size.setdefault(round(a.size * 2) / 2, Counter())[round(ratio * 20) / 20] += 1
    leading = {}
    overall: Counter = Counter()
    for key, counts in by_size.items():
        overall.update(counts)
        ratio, n = counts.most_common(1)[0]
        if n >= 3:
            leading[key] = ratio
    if overall:
        leading[0.0] = overall.most_common(1)[0][0]
    return leading


def _block_right(lines: list[Line], i: int) -> float:
    """The right edge of the text block around line ``i``: the longest of its neighbours in the
    same column and font size (the lines of a paragraph end there, except its last)."""
    line = lines[i]
    edge = line.right
    for other in lines[max(0, i - 4): i + 5]:
        if abs(other.left - line.left) < 1.5 * max(line.size, 1.0) and abs(other.size - line.size) < 0.15:
            edge = max(edge, other.right)
    return edge


class Block(NamedTuple):
    """A paragraph of a page and the font size of its largest line (0 when unknown)."""

    text: str
    size: float = 0.0


def _paragraphs(lines: list[Line], page: list[Line] | None = None,
                leading: dict[float, float] | None = None) -> list[Block]:
    """Group lines into paragraphs by vertical gaps, column jumps, font-size changes, list
    items and lines that end short.

    With the document's ``leading`` (see :func:`line_leading`), a paragraph break is a baseline
    distance beyond the usual one for that font size, so text set in 1.5 or double line spacing
    stays one paragraph per paragraph. A line that ends where the next line's first word would
    still have fitted ends its paragraph (a heading, a table row, a paragraph's last line), and
    a bullet or numbered item starts one. Without geometry the gap between glyph boxes decides,
    scaled by the font size, so a title wrapped over two lines in a large font stays one
    paragraph. Line height and body size are measured on ``page`` (default: ``lines``), so that
    the text around a table is cut as it would be without the table.
    """
    if not lines:
        return []
    page = page or lines
    leading = leading or {}
    heights = sorted(max(1.0, ln.top - ln.bottom) for ln in page)
    line_h = heights[len(heights) // 2]
    sizes = sorted(ln.size for ln in page if ln.size > 0)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    paras: list[list[str]] = [[]]
    para_size = [0.0]
    for i, line in enumerate(lines):
        if i:
            prev = lines[i - 1]
            gap = prev.bottom - line.top  # positive: this line is below the previous one
            new_column = line.top > prev.top + line_h  # jumped up: next column or next block
            size, psize = line.size, prev.size
            scale = max(1.0, min(size, psize) / body) if body and size and psize else 1.0
            resized = bool(size and psize) and abs(size - psize) > 0.15 * max(size, psize) \
                and max(size, psize) > 1.15 * body
            usual = leading.get(round(psize * 2) / 2) or leading.get(0.0)
            if usual and prev.base_end and line.base and abs(size - psize) <= 0.5:
                split = prev.base_end - line.base > (usual + 0.25) * psize
            else:
                split = gap > 0.9 * line_h * scale
            # the previous line stopped where this line's first word would still have fitted
            same = abs(size - psize) < 0.15
            ended = bool(prev.right and line.first_word) and abs(prev.left - line.left) < 1.5 * max(size, 1.0) \
                and prev.right + line.first_word + 0.5 * psize < _block_right(lines, i - 1 if same else i)
            if split or ended or _LIST_ITEM.match(line.text) or new_column or (gap < -line_h * 3) or resized:
                paras.append([])
                para_size.append(0.0)
        paras[-1].append(line.text)
        para_size[-1] = max(para_size[-1], line.size)
    return [Block(t, z) for t, z in ((join_lines(x), z) for x, z in zip(paras, para_size, strict=True)) if t]


_NOTE = re.compile(r"^(?:\d{1,3}|[*†‡])\s")
_CLOSED = re.compile(r"[.!?:;…\"”’)\]]$")


def join_across_pages(pages: list[list]) -> list[list]:
    """Join a paragraph broken by a page end: a page whose first block is text starting in lower
    case carries on the previous page's last paragraph that ends mid-sentence, found behind the
    footnotes at the foot of that page (which stay where they are, after it)."""
    for i in range(1, len(pages)):
        page = pages[i]
        if not (page and isinstance(page[0], Block) and page[0].text[:1].islower()):
            continue
        before = pages[i - 1]
        k = len(before) - 1
        while k >= 0 and isinstance(before[k], Block) and _NOTE.match(before[k].text) and len(before) - k <= 12:
            k -= 1
        if k >= 0 and isinstance(before[k], Block) and not _CLOSED.search(before[k].text) \
                and not _NOTE.match(before[k].text):
            before[k] = before[k]._replace(text=before[k].text + " " + page.pop(0).text)
    return pages


def footnotes(blocks: list, body_size: float) -> set[int]:
    """The indices of a page's footnotes among its ``blocks``: paragraphs at the foot of the page,
    set smaller than the body text, that start with a note number or mark, or carry on such a note
    that ended mid-sentence. (A small-print box after the notes, "About UNODC: ...", is no note.)"""
    k = len(blocks)
    while k and isinstance(blocks[k - 1], Block) and 0 < blocks[k - 1].size < 0.92 * body_size:
        k -= 1
    out: set[int] = set()
    for j in range(k, len(blocks)):
        text = blocks[j].text
        if _NOTE.match(text) or (j - 1 in out and not _CLOSED.search(blocks[j - 1].text)):
            out.add(j)
    return out


def body_size(pages: list[list[Line]]) -> float:
    """The font size most of a document's text is set in (0 when unknown)."""
    chars: Counter = Counter()
    for lines in pages:
        for ln in lines:
            if ln.size:
                chars[round(ln.size * 2) / 2] += len(ln.text)
    return chars.most_common(1)[0][0] if chars else 0.0


def strip_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Remove running headers/footers and page numbers from per-page line lists.

    A header is a line repeated (digits ignored) on at least half the pages among the first or
    last ``ZONE`` lines of each, or anywhere at the same height on the page (pdfium may read a
    header after the page's first lines: a logo's text, a date, a section name).
    """
    n = len(pages)
    keys = [[_line_key(ln.text) for ln in lines] for lines in pages]
    counts: Counter = Counter()
    placed: Counter = Counter()
    for lines, ks in zip(pages, keys, strict=True):
        counts.update(set(ks[:ZONE] + ks[-ZONE:]))
        placed.update({(k, round(ln.top)) for k, ln in zip(ks, lines, strict=True) if ln.top or ln.bottom})
    threshold = max(2, (n + 1) // 2)
    repeated = {k for k, c in counts.items() if c >= threshold and k} if n >= 2 else set()
    # at a fixed height: only from three pages on (two pages may share a heading's height by chance)
    fixed = {k for k, c in placed.items() if c >= threshold and k[0]} if n >= 3 else set()
    out = []
    for lines, ks in zip(pages, keys, strict=True):
        keep = []
        for i, (line, key) in enumerate(zip(lines, ks, strict=True)):
            in_zone = i < ZONE or i >= len(lines) - ZONE
            if in_zone and (key in repeated or _PAGE_NO.match(line.text.strip())) or (key, round(line.top)) in fixed:
                continue
            keep.append(line)
        out.append(keep)
    return out


def extract_pdf(path: str, data: bytes, sha256: str, ocr: bool = False, tables: bool = True) -> Document:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ExtractionError("encrypted PDF: needs a password") from exc
        raise ExtractionError(f"corrupt PDF: cannot be parsed ({exc})") from exc
    ruled: list[int] = []  # pages that may hold a ruled table
    try:
        page_lines = []
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            page_lines.append(_page_lines(tp))
            tp.close()
            if tables and page_lines[-1] and page.get_rotation() == 0 and _has_rules(page):
                ruled.append(i)
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
            raise ExtractionError("no text layer: scanned PDF; OCR is not enabled (docmine ingest --ocr)",
                                  stage="extract")
        return _ocr_document(path, data, sha256)
    page_lines = strip_running_lines(page_lines)
    found, skipped = _find_tables(data, ruled) if ruled else ({}, 0)
    leading = line_leading(page_lines)
    pages = join_across_pages([_page_blocks(lines, found.get(i, []), leading) for i, lines in enumerate(page_lines)])
    size = body_size(page_lines)
    body, page_starts, notes = TextBuilder(), [], []
    for i, blocks in enumerate(pages):
        page_starts.append(body.next_start)
        foot = footnotes(blocks, size)
        for k, block in enumerate(blocks):
            if isinstance(block, Block):
                body.paragraph(block.text)
                if k in foot:
                    notes.append((body.length - len(block.text), body.length))
            else:
                body.table(block, page=i + 1, min_rows=TABLE_MIN_SIZE[0], min_cols=TABLE_MIN_SIZE[1])
    text = body.text
    page_starts = [min(p, max(0, len(text))) for p in page_starts]
    title = (meta.get("Title") or "").strip() or None
    if not title:
        first = text.split("\n\n", 1)[0]
        title = first if len(first) <= 200 else None
    date = parse_date(meta.get("CreationDate")) if meta.get("CreationDate") else None
    date = date_from_dateline(text) or date
    doc_meta = {k: v for k, v in meta.items() if isinstance(v, str)}
    if skipped:
        doc_meta["tables_not_read"] = (f"{skipped} ruled pages not searched for tables: over the "
                                       f"{TABLE_SECONDS:g} s table budget")
    return Document(
        path=path, sha256=sha256, format="pdf", text=text, title=title, date=date,
        language=detect_language(text), page_starts=page_starts, size=len(data),
        meta=doc_meta, tables=body.tables, notes=notes,
    )


# -- tables --------------------------------------------------------------------------------------

def _has_rules(page, need: tuple[int, int] = TABLE_RULES) -> bool:
    """Whether a page draws enough straight rules and rectangles for a ruled table.

    A table pdfplumber can find has at least ``need`` = (rows + 1, columns + 1) distinct
    positions of horizontal and of vertical edges. Edges come from path objects made of
    straight segments only (curves are decoration or charts): a thin one is a rule, another a
    rectangle (two edges each way). Edges on the page's border (bleed bars behind headers and
    footers) do not count, so a framed figure (two verticals) is not a table. Stops as soon as
    both counts are reached; a page of text alone has no path objects and costs nothing."""
    import pypdfium2.raw as pdfium_c

    need_h, need_v = need
    if pdfium_c.FPDFPage_CountObjects(page.raw) > TABLE_MAX_OBJECTS:
        return False
    width, height = page.get_size()
    ys: set[int] = set()
    xs: set[int] = set()
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        raw = obj.raw
        n = pdfium_c.FPDFPath_CountSegments(raw)
        if n <= 0 or n > 12:
            continue
        if any(pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(raw, k))
               == pdfium_c.FPDF_SEGMENT_BEZIERTO for k in range(n)):
            continue
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if h <= 3 and w > 8:
            new_y, new_x = [(bottom + top) / 2], []
        elif w <= 3 and h > 8:
            new_y, new_x = [], [(left + right) / 2]
        elif w > 8 and h > 3:
            new_y, new_x = [bottom, top], [left, right]
        else:
            continue
        ys.update(round(y / 2) for y in new_y if 2 < y < height - 2)  # 2-point bins: a hairline
        xs.update(round(x / 2) for x in new_x if 2 < x < width - 2)  # drawn as a thin box is one edge
        if len(ys) >= need_h and len(xs) >= need_v:
            return True
    return False


def _find_tables(data: bytes, pages: list[int],
                 budget: float = TABLE_SECONDS) -> tuple[dict[int, list[tuple[tuple, list[list[str]]]]], int]:
    """pdfplumber's tables of the given pages: {page index: [(box, rows)]}, the box in PDF user
    space (left, bottom, right, top) as pdfium's character boxes are, and the number of pages
    left unread because the time budget ran out. Never raises: a page pdfplumber cannot read
    has no tables."""
    try:
        import pdfplumber
    except ImportError:
        return {}, 0
    found: dict[int, list] = {}
    wanted = sorted(pages)
    t0 = time.monotonic()
    try:
        with pdfplumber.open(io.BytesIO(data), pages=[i + 1 for i in wanted]) as pdf:
            for n, (i, page) in enumerate(zip(wanted, pdf.pages, strict=True)):
                if time.monotonic() - t0 > budget:
                    return found, len(wanted) - n
                try:
                    tables = _page_tables(page)
                except Exception:  # pdfplumber trips over this page: its text stays prose
                    tables = []
                if tables:
                    found[i] = tables
                page.close()
    except Exception:  # the file pdfium read is one pdfminer cannot: no tables
        return found, 0
    return found, 0


def _page_tables(page) -> list[tuple[tuple, list[list[str]]]]:
    # pdfplumber's "top" is the page height (of the media box) minus the PDF's y; x is the PDF's x
    # (checked on a media box whose origin is not 0, 0: tests/test_tables.py)
    height = float(page.height)
    out = []
    for t in page.find_tables():
        rows = _table_cells(page, t)
        if len(rows) >= TABLE_MIN_SIZE[0] and len(rows[0]) >= TABLE_MIN_SIZE[1]:
            x0, top, x1, bottom = t.bbox
            out.append(((x0, height - bottom, x1, height - top), rows))
    return out


def _edges(values, tolerance: float = 1.5) -> list[float]:
    out: list[float] = []
    for x in sorted(values):
        if not out or x - out[-1] > tolerance:
            out.append(x)
    return out


def _table_cells(page, table) -> list[list[str]]:
    """The cells of one pdfplumber table, row by row.

    Columns are bounded by every x-edge of the table's cells (the ruled header of a table whose
    body has no vertical lines gives the columns of its body). The words of a row are grouped
    into runs (same line, a gap under about half the font size, no ruled edge of that row in
    between); each run goes to the column under its middle. Empty rows and columns are dropped."""
    xs = _edges([c[0] for c in table.cells] + [c[2] for c in table.cells])
    rows = table.rows
    if len(xs) < 2 or not rows:
        return []
    bands = [(r.bbox[1], r.bbox[3]) for r in rows]
    row_edges = [_edges([c[0] for c in r.cells if c] + [c[2] for c in r.cells if c]) for r in rows]
    words = page.crop(table.bbox, strict=False).extract_words(keep_blank_chars=False, use_text_flow=False)
    per_row: list[list[dict]] = [[] for _ in rows]
    for w in words:
        mid = (w["top"] + w["bottom"]) / 2
        best = min(range(len(bands)), key=lambda k: 0 if bands[k][0] <= mid <= bands[k][1]
                   else min(abs(mid - bands[k][0]), abs(mid - bands[k][1])))
        per_row[best].append(w)
    grid: list[list[list[tuple[float, float, str]]]] = [[[] for _ in xs[:-1]] for _ in rows]
    for r, ws in enumerate(per_row):
        runs: list[dict] = []
        for line in _word_lines(ws):
            for w in line:
                prev = runs[-1] if runs and runs[-1]["line"] is line else None
                size = max(1.0, w["bottom"] - w["top"])
                if (prev is not None and -1.0 < w["x0"] - prev["x1"] < 0.6 * size
                        and not any(prev["x1"] - 0.5 < x < w["x0"] + 0.5 for x in row_edges[r])):
                    prev["text"] += " " + w["text"]
                    prev["x1"] = w["x1"]
                else:
                    runs.append({"text": w["text"], "x0": w["x0"], "x1": w["x1"], "top": line[0]["top"],
                                 "line": line})
        for run in runs:
            col = min(max(bisect.bisect_right(xs, (run["x0"] + run["x1"]) / 2) - 1, 0), len(xs) - 2)
            grid[r][col].append((run["top"], run["x0"], run["text"]))
    cells = [[_cell_text(c) for c in row] for row in grid]
    return tidy_rows(cells)


def _word_lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into lines (a word whose middle is within half a line height of the line's
    first word joins it: superscripts and mixed fonts stay on their line), each left to right."""
    lines: list[list[dict]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        mid = (w["top"] + w["bottom"]) / 2
        for line in lines[-3:]:
            first = line[0]
            if abs(mid - (first["top"] + first["bottom"]) / 2) < 0.5 * max(1.0, first["bottom"] - first["top"]):
                line.append(w)
                break
        else:
            lines.append([w])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _cell_text(runs: list[tuple[float, float, str]]) -> str:
    """The runs of one cell, line by line (a word hyphenated across lines is joined again)."""
    lines: list[list[str]] = []
    last_top = None
    for top, _, text in sorted(runs):
        if last_top is None or top - last_top > 2:
            lines.append([])
            last_top = top
        lines[-1].append(text)
    return join_lines([" ".join(parts) for parts in lines])


def _page_blocks(lines: list[Line], tables: list, leading: dict[float, float] | None = None):
    """A page's text as a list of paragraphs (str) and tables (rows), in reading order: each
    table stands where its first line stood; the lines inside its box leave the prose. A table
    none of whose lines pdfium placed is left out (its text stays prose)."""
    if not tables:
        return _paragraphs(lines, leading=leading)
    placed: dict[int, int] = {}  # line index -> table index (first line of each table)
    inside: set[int] = set()
    for i, (_, x, ltop, lbottom, *_) in enumerate(lines):
        if not (ltop or lbottom):
            continue  # position unknown
        y = (ltop + lbottom) / 2
        for k, ((x0, bottom, x1, top), _) in enumerate(tables):
            if x0 - 1 <= x <= x1 + 1 and bottom - 1 <= y <= top + 1:
                inside.add(i)
                if k not in placed.values():
                    placed[i] = k
                break
    blocks: list = []
    segment: list = []
    for i, line in enumerate(lines):
        if i in placed:
            blocks.extend(_paragraphs(segment, lines, leading))
            segment = []
            blocks.append(tables[placed[i]][1])
        if i not in inside:
            segment.append(line)
    blocks.extend(_paragraphs(segment, lines, leading))
    return blocks


def extract_tables(path: str) -> list[list[list[str]]]:
    """Tables of a PDF as docmine reads them: one list of rows (lists of cell strings) per table."""
    from docmine.extract import extract_file

    return [t.rows for t in extract_file(path).tables]


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
