"""Decode bytes to text: BOMs first, then strict UTF-8, then a detected 8-bit encoding."""
from __future__ import annotations

import codecs
import re

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: many NUL bytes in alternating positions."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used). Never raises: undecodable bytes become U+FFFD."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    enc16 = looks_utf16(data)
    if enc16:
        return data.decode(enc16, errors="replace"), enc16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    usable = _usable_declared(declared)
    if usable:
        try:
            return data.decode(usable, errors="replace"), declared or usable
        except (UnicodeError, LookupError, ValueError):  # a codec that cannot decode leniently
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            enc = best.encoding
            # Western European text is far more often Windows-1252 than a DOS or Mac code page;
            # the detector cannot tell them apart on short texts (it reads cp1252's ’ as cp850's Æ).
            if enc in _WESTERN and _decodes(data, "cp1252"):
                enc = "cp1252"
            return data.decode(enc, errors="replace"), enc
    except Exception:
        pass
    return data.decode("cp1252", errors="replace"), "cp1252"


_WESTERN = {"latin_1", "iso8859_1", "iso8859_15", "ascii", "cp850", "cp437", "cp858", "mac_roman", "cp1252",
            "cp1250", "iso8859_2", "mac_latin2", "cp852", "utf_8"}


# Declared charsets that cannot describe an ASCII-compatible page (the declaration was found by
# reading the bytes as ASCII) or that are not character encodings at all. As in browsers, such a
# declaration is ignored and the encoding is detected instead.
_IGNORED_DECLARED = {"utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                     "utf-7", "idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"}


def _usable_declared(declared: str | None) -> str | None:
    """The codec name of a declared charset worth trying, or None."""
    if not declared:
        return None
    try:
        info = codecs.lookup(declared)
    except (LookupError, ValueError, TypeError):  # unknown name, or one with a NUL in it
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _IGNORED_DECLARED:
        return None
    return info.name


def _decodes(data: bytes, enc: str) -> bool:
    try:
        data.decode(enc)
        return True
    except UnicodeDecodeError:
        return False


def declared_html_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None
