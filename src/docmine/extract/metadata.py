"""Metadata helpers: publication dates (metadata fields or datelines) and language."""
from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")  # English month names and abbreviations
_MON = rf"({MONTHS})\.?"
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(\d{{4}})\b", re.I)
_MDY = re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "12.03.2024", "12. 3. 2024." -- day first, as every language that writes dots does
_DOTTED = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")


def _foreign_months() -> dict[str, int]:
    """Month names in other languages (``models/months.toml``), lower case -> month number."""
    import tomllib

    from docmine.nlp.lexicon import models_dir

    try:
        data = tomllib.loads((models_dir() / "months.toml").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out: dict[str, int] = {}
    for months in data.get("months", {}).values():
        for i, forms in enumerate(months[:12]):
            for form in forms:
                out.setdefault(form.lower(), i + 1)
    return out


_FOREIGN = {k: v for k, v in _foreign_months().items() if k not in _MONTHS}
_MONTHS.update(_FOREIGN)
# "12. ožujka 2024.", "15 de marzo de 2024", "1er avril 2024", "3 апреля 2024 г."
_DMY_FOREIGN = re.compile(
    r"(?<!\w)(\d{1,2})(?:\.|er|º|°)?\s+(?:de\s+)?("
    + "|".join(re.escape(m) for m in sorted(_FOREIGN, key=len, reverse=True))
    + r")\.?,?\s+(?:de\s+|del\s+)?(\d{4})(?!\d)", re.I) if _FOREIGN else None
# (pattern, group order of year, month, day): every full-date form, English first
_DATE_FORMS = [(_ISO, (1, 2, 3)), (_DMY, (3, 2, 1)), (_MDY, (3, 1, 2)), (_DOTTED, (3, 2, 1))]
if _DMY_FOREIGN is not None:
    _DATE_FORMS.append((_DMY_FOREIGN, (3, 2, 1)))
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")


def _month(name: str) -> int | None:
    """Month number of a name the (case-insensitive, Unicode) month pattern matched.

    Case-insensitive matching also accepts look-alikes such as the long s ("ſept") or the dotless
    i ("Aprıl"), whose lower case is not in the table: match them the way the pattern did.
    """
    key = name.lower().rstrip(".")
    if key in _MONTHS:
        return _MONTHS[key]
    for m, i in _MONTHS.items():
        if re.fullmatch(re.escape(m), key, re.I):
            return i
    return None


def _valid(y: int, m: int | None, d: int) -> str | None:
    if m is None:
        return None
    try:
        if 1900 <= y <= 2100:
            return date(y, m, d).isoformat()
    except ValueError:
        pass
    return None


def parse_date(value: str | None) -> str | None:
    """Parse a date written in any common form; return ISO ``YYYY-MM-DD`` or None."""
    if not value:
        return None
    value = str(value).strip()
    m = _PDF_DATE.match(value)
    if m and value[:1] in "D0123456789" and len(m.group(1)) == 4 and not _ISO.match(value):
        if m.group(2):
            return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    m = _ISO.search(value)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY.search(value)
    if m:
        return _valid(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    m = _MDY.search(value)
    if m:
        return _valid(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    for rx in (_DOTTED, _DMY_FOREIGN):
        m = rx.search(value) if rx is not None else None
        if m:
            return _valid(int(m.group(3)), _date_month(m.group(2)), int(m.group(1)))
    return None


def _date_month(value: str) -> int | None:
    return int(value) if value.isdigit() else _month(value)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"\b(?:(?:on|last|this\s+past)\s+)?(" + "|".join(_WEEKDAYS) + r")\b|\b(yesterday|today)\b", re.I)


def event_date(text: str, published: str | None = None) -> tuple[str | None, str | None]:
    """The date a sentence gives its event: ``(iso, "event")`` from a full date in the text
    ("on 24 March 2019", "March 24, 2019", "2019-03-24"), or from a weekday, "yesterday" or
    "today" counted back from ``published`` (the latest such day on or before it); else
    ``(published, "published")``; else ``(None, None)``."""
    found = []
    for rx, order in _DATE_FORMS:
        for m in rx.finditer(text):
            y, mo, d = (m.group(i) for i in order)
            month = int(mo) if mo.isdigit() else _month(mo)
            iso = _valid(int(y), month, int(d))
            if iso:
                # "Antwerp, 6 May 2024 - ... seized on 3 May": the dateline dates the release
                dateline = re.match(r"\.?\s*[-\u2013\u2014]", text[m.end():]) is not None  # "2024. –"
                found.append((dateline, m.start(), iso))
    if found and not min(found)[0]:
        return min(found)[2], "event"
    # only a dateline ("Santos, September 25, 2019 - ... seized on Tuesday"): a weekday counts back from it
    pub = min(found)[2] if found else (parse_date(published) if published else None)
    if found and not _RELATIVE.search(text):
        return pub, "event"
    if pub:
        rel = _RELATIVE.search(text)
        if rel:
            from datetime import timedelta

            base = date.fromisoformat(pub)
            if rel.group(2):
                back = 1 if rel.group(2).lower() == "yesterday" else 0
            else:
                back = (base.weekday() - _WEEKDAYS.index(rel.group(1).lower())) % 7
            return (base - timedelta(days=back)).isoformat(), "event"
        return pub, "published"
    return None, None


def date_from_dateline(text: str, head_chars: int = 600) -> str | None:
    """Find a dateline near the top of a document.

    Handles "Vienna, 3 April 2014 -", "30 November 2023, Ankara, Türkiye:",
    "VIENNA, April 3, 2014 (UNODC) -", ISO dates, "12.03.2024" and dates in the languages of
    ``models/months.toml`` ("Zagreb, 12. ožujka 2024.", "Madrid, 15 de marzo de 2024"). Only the first ``head_chars``
    characters are searched, so dates quoted in the body are not taken for the
    publication date.
    """
    head = text[:head_chars]
    best = None
    for rx, order in _DATE_FORMS:
        m = rx.search(head)
        if m and (best is None or m.start() < best[0]):
            y, mo, d = (m.group(i) for i in order)
            best = (m.start(), _valid(int(y), _date_month(mo), int(d)))
    return best[1] if best else None


def iso_from_datetime(value) -> str | None:
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    return parse_date(value)


_EN_WORDS = frozenset(
    "the of and to in a is that for on with as by was are at from this be which it an or have has were".split()
)


_LOWER_WORD = re.compile(r"[a-z]+")


def detect_language(text: str) -> str | None:
    """Best-effort ISO 639-1 code: English by function words (fast path), else py3langid.

    py3langid ships its model inside the package (offline) and works on short text.
    """
    head = text[:5000]
    if sum(map(str.isalpha, head)) < 20:
        return None
    words = _LOWER_WORD.findall(head.lower())
    if len(words) >= 5 and english_share(words) > 0.12:
        return "en"
    return _langid(text[:3000])


def _langid(text: str) -> str | None:
    """py3langid's language when it is sure of it (probability 0.5 or more). Unsure, with English
    its runner-up (an earnings table's "Shr loss six cts vs profit one ct" reads as Nigerian
    Pidgin at 0.51, English 0.41), it is English, as the unsure text it leaves unnamed is read."""
    ranking = language_ranking(text)[:2]
    (lang, prob), runner = ranking[0], ranking[1] if len(ranking) > 1 else ("", 0.0)
    if lang != "en" and prob < 0.7 and runner[0] == "en" and runner[1] >= 0.2:
        return "en"
    return lang if prob >= 0.5 else None


def language_probability(text: str) -> tuple[str, float]:
    """py3langid's best language for ``text`` and its probability (no English fast path)."""
    lang, prob = _identifier().classify(text)
    return str(lang), float(prob)


def language_ranking(text: str) -> list[tuple[str, float]]:
    """Every language py3langid knows with its probability for ``text``, most likely first."""
    return [(str(lang), float(p)) for lang, p in _identifier().rank(text)]


def _identifier():
    global _IDENTIFIER
    if _IDENTIFIER is None:
        _IDENTIFIER = _load_identifier()
    return _IDENTIFIER


def english_share(text: str | list[str]) -> float:
    """The share of a text's words (or of a list of lower-case words) that are common English
    function words (0 for no words)."""
    words = _LOWER_WORD.findall(text.lower()) if isinstance(text, str) else text
    return sum(map(_EN_WORDS.__contains__, words)) / len(words) if words else 0.0


def _load_identifier():
    """py3langid's model. It ships LZMA-compressed (about 1 s to unpack, in every worker of every
    ingest), so the unpacked arrays are cached on disk beside the gazetteer (0.1 s to read)."""
    import lzma
    import os
    import shutil

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from docmine.nlp.gazetteer import _cache_file

    cache = _cache_file("langid-model", ("py3langid",))
    if cache is not None:
        cache = cache.with_suffix(".npz")
        try:
            if not cache.exists():
                cache.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache.with_suffix(f".{os.getpid()}.tmp")
                with lzma.open(MODEL_DIR / MODEL_FILE) as src, open(tmp, "wb") as dst:
                    shutil.copyfileobj(src, dst, length=1 << 20)
                os.replace(tmp, cache)  # atomic: workers starting together never read half a file
            from py3langid.modelio import _to_array

            with np.load(cache, allow_pickle=False) as data:
                return LanguageIdentifier(
                    np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                    _to_array(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
                    tk_row=_to_array(data["nextmove_row"]))
        except Exception:  # a read-only home, a full disk, another py3langid layout: unpack as shipped
            try:
                cache.unlink(missing_ok=True)  # a damaged cache is rebuilt next time
            except OSError:
                pass
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)


_IDENTIFIER = None
