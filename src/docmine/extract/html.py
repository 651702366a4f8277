"""HTML extraction: trafilatura finds the article and drops navigation, banners and footers."""
from __future__ import annotations

import re

from docmine.extract.document import Document, ExtractionError
from docmine.extract.encoding import declared_html_charset, decode
from docmine.extract.metadata import date_from_dateline, detect_language, parse_date
from docmine.extract.text import split_paragraphs

_TAGS = re.compile(r"<(script|style)[^>]*>.*?</\1>|<[^>]+>", re.S | re.I)


def _fallback_text(html: str) -> str:
    import html as htmllib

    text = _TAGS.sub("\n", html)
    return htmllib.unescape(text)


def extract_html(path: str, data: bytes, sha256: str) -> Document:
    import trafilatura

    html, encoding = decode(data, declared_html_charset(data))
    if not html.strip():
        raise ExtractionError("empty HTML: the file holds no markup")
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
        fallback_reason = str(exc)
    else:
        fallback_reason = None
    if not body:
        body = _fallback_text(html)
    paras = split_paragraphs(body.replace("\n", "\n\n"))
    if not paras:
        raise ExtractionError(
            "empty HTML: no article text found" + (f" ({fallback_reason})" if fallback_reason else "")
        )
    text = "\n\n".join(paras)
    title = getattr(meta, "title", None) if meta else None
    date = parse_date(getattr(meta, "date", None)) if meta else None
    return Document(
        path=path, sha256=sha256, format="html", text=text, title=title or None,
        date=date or date_from_dateline(text), language=detect_language(text), size=len(data),
        meta={"encoding": encoding},
    )
