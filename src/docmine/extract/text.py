"""Whitespace and paragraph normalisation shared by every extractor.

Extracted text keeps hard line breaks that split entity names ("Meridian Logistics\\nBV"),
so every extractor hands its lines to :func:`paragraphs_to_text`, which joins the lines of
a paragraph with single spaces and separates paragraphs with one blank line.
"""
from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u00ad\u200b]")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_RULE_LINE = re.compile(r"^[ \t]*([=\-_*#~+])\1{2,}[ \t]*$", re.M)


def clean_line(line: str) -> str:
    """Normalise one line: NFC, no control characters, single spaces; the noncharacter U+FFFE,
    which pdfminer gives for the hyphen of some fonts ("25i\ufffeNBOMe"), is a hyphen."""
    line = unicodedata.normalize("NFC", line)
    line = _CTRL.sub("", line).replace("\ufffe", "-")  # pdfminer's code for some PDFs' hyphen glyph
    return _WS.sub(" ", line).strip()


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, repairing words hyphenated across lines.

    Linear in the paragraph's length: only the last two characters joined so far are looked at
    (a paragraph of many thousand lines must not make extraction quadratic).
    """
    pieces: list[str] = []
    tail = ""  # the last two characters of the text joined so far
    for line in lines:
        line = clean_line(line)
        if not line:
            continue
        if len(tail) == 2 and tail[1] == "-" and tail[0].isascii() and tail[0].isalpha() and line[:1].islower():
            pieces[-1] = pieces[-1][:-1]  # "traf-" + "ficking"
            pieces.append(line)
            tail = (tail[0] + line)[-2:]
        elif pieces:
            pieces.append(" ")
            pieces.append(line)
            tail = (" " + line)[-2:]
        else:
            pieces.append(line)
            tail = line[-2:]
    return "".join(pieces)


def paragraphs_to_text(paragraphs: list[str]) -> str:
    """Join already-cleaned paragraphs into document text (blank line between)."""
    return "\n\n".join(p for p in (clean_line(x) for x in paragraphs) if p)


def split_paragraphs(raw: str) -> list[str]:
    """Split raw text (plain-text files) into paragraphs at blank lines.

    Within a paragraph, single line breaks are joined with spaces. A short line that does
    not end a sentence and is followed by a blank line is still its own paragraph (titles).
    """
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    raw = _RULE_LINE.sub("\n", raw)  # "=====" underlines and "-----" rules end a paragraph
    blocks = re.split(r"\n[ \t\u00a0]*\n", raw)
    return [p for p in (join_lines(b.split("\n")) for b in blocks) if p]
