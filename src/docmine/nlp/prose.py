"""Find the parts of a document that are not prose, so that NER never runs on them.

Front matter (YAML/Markdown headers), URLs and Markdown link targets, e-mail addresses, file
paths, Markdown emphasis and escapes, reference and footnote lists, a figure's or table's source
note that cites a publication ("Source: ... (2024), ..."), table-of-contents lines and numeric
table rows (also written with " | " between cells, and their headers) make the statistical model
invent people and organisations ("Agenda 2019a", "Sedefov 2010 11", "Global Illicit" from a URL
slug). :func:`mask_non_prose` blanks them out with spaces, keeping every other character at its
offset, so mentions found in the masked text point into the original text unchanged. The text
itself stays in the store and is searchable. The tables an extractor found (``Document.tables``)
are masked too (:func:`table_regions`), and so are a PDF's footnotes (``Document.notes``,
:func:`note_regions`).

Every test is about the *shape* of the text (keys before colons, years after names, digits per
word), never about particular words, so it carries over to documents nobody here has read.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from docmine.extract.document import paragraph_spans
from docmine.extract.metadata import MONTHS

_FRONT_KEY = re.compile(r"(?:^|\s)([a-z][a-z0-9_-]{1,30}):(?=\s|$)")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"”)\]]+", re.I)
_MD_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))+\)")  # "[text](target)": the "(target)"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "docs/reports/wdr.pdf", "C:\\data\\x": a letter in every part, so dates (05/22/2001) are not paths; nor is
# "a/k/a" ("also known as")
_PATH = re.compile(
    r"(?<![\w/])(?![Aa]/[Kk]/[Aa](?![\w/]))(?:[A-Za-z]:\\|/)?(?:[\w.-]*[A-Za-z][\w.-]*[/\\]){2,}[\w.-]*[A-Za-z][\w.-]*")
_MD_MARK = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}|\\(?=[_*#\[\]()\\`~ -])|(?<!\w)_{1,2}(?=\w)|(?<=\w)_{1,2}(?!\w)")
# an HTML tag left in plain text (news feeds, scraped pages): '<FONT face="verdana,MS Sans Serif">', "</b>",
# "<br/>"; only tag names HTML has, so that "<Qintex America Ltd>" and a ticker "<BSL>" stay text
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|br|center|code|div|em|font|h[1-6]|hr|i|img|li|ol|p|pre|q|s|small|span|strong"
    r"|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul)(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]+))?)*\s*/?>",
    re.I)
_CITATION = re.compile(  # "Aldridge and Décary-Hétu 2014", "Otiashvili et al. 2013" (a month is no author)
    rf"\b(?!(?:{MONTHS})\b)[A-Z][\w'’.-]+(?:,? (?:and|&) [A-Z][\w'’.-]+| et al\.?)?,? \(?(?:19|20)\d\d[a-z]?\)?"
    r"(?=[;,.\s)]|$)")
# a citation inside prose: "(UNODC 2019a; Otiashvili et al. 2013, p. 4)", "Beselia and Kurcevič 2020",
# "Soska and Christin (2015)", "Sirbiladze et al. 2017" (in parentheses one author and a year is enough;
# outside them it takes "et al." or two authors, as "Colombia 2019" outside parentheses is prose)
_AUTHOR = r"(?!(?:{months})\b)[A-Z][\w'’.-]+"
_CITE_IN = (rf"{_AUTHOR}(?: [A-Z][\w'’.-]+){{0,2}}(?:,? (?:and|&) {_AUTHOR}| et al\.?)?,? (?:19|20)\d\d[a-z]?"
            rf"(?:,? pp?\. ?\d+(?:[-–]\d+)?)?")
_INLINE_CITATION = re.compile((
    rf"\((?:see |e\.g\.,? |cf\.,? )?{_CITE_IN}(?:[;,] (?:see |also )?{_CITE_IN})*\)"
    rf"|\b{_AUTHOR}(?: et al\.?|(?:, {_AUTHOR})*,? (?:and|&) {_AUTHOR}),? \(?(?:19|20)\d\d[a-z]?\)?(?![\w-])"
).replace("{months}", MONTHS))
# a bibliography entry's marks (author-date styles): 'Askew. 2017. “Title', 'Lee S. n.d. "Title', the
# dash that repeats the previous author, 'accessed May 25, 2020'
_BIB_ENTRY = re.compile(
    rf"(?:[A-Z][\w'’-]*|et al)\.\s+(?:(?:19|20)\d\d[a-z]?|n\.d)\.\s+[“\"‘']|—{{3}}|---\."
    rf"|\baccessed\s+(?:{MONTHS})\s+\d{{1,2}},\s+(?:19|20)\d\d")
# the heading of a reference section, and an entry under it: "7. Goodrich I. Online Markets ...
# CRRC Georgia; 2020. https://..." (a number or an author first; a year, DOI or address in it)
_REF_HEADING = re.compile(r"^\s*(?:\d{1,2}\.?\s+)?(?:references|bibliography|works cited|literature cited|"
                          r"sources|endnotes|notes|citations)\s*:?\s*$", re.I)
_REF_ENTRY = re.compile(  # numbered, or an author first ("Goodrich I.", "Aldridge, Judith")
    r"^\s*(?:\[?\d{1,3}[.\])]\s+\S|[A-Z\u00C0-\u024F][\w'’-]+,?\s+[A-Z\u00C0-\u024F])")
_REF_MARK = re.compile(r"\b(?:19|20)\d\d[a-z]?\b|\bdoi:|https?://|\bwww\.", re.I)
_DOT_LEADER = re.compile(r"(?:(?:\.\s?){4,}|…{2,}|(?:_\s?){5,})\s*(?:\d{1,4}|[ivxlc]{1,6})\b")
_WORD = re.compile(r"\S+")
_NUMERIC = re.compile(r"^[.,:%$€£()+/-]*\d[\d.,:%$€£()+/-]*$")  # a number, not bare punctuation
# what every match of a pattern holds: the paragraphs without it are not searched (same regions, faster)
_DOTS = re.compile(r"\.\s?\.")  # _DOT_LEADER's dots ("....", ". . . ."); else "……" or "_"
_REF_HINT = re.compile(r"(?:19|20)\d\d|n\.d|—{3}|---\.")  # _CITATION and _BIB_ENTRY
# a footnote number run into the punctuation after a word ("Buenaventura (Colombia).12 According"):
# the tokenizer keeps "Colombia).12" as one token, so the place is lost. Not after a digit ("3.12").
# Only before a capital or a line's end: "Rs.1 billion", "dagga,15 packets" are amounts.
_NOTE_MARK = re.compile(r"(?:(?<=[^\W\d_][.,;:)])|(?<=[^\W\d_]\)[.,;:]))\d{1,3}(?=\s+[A-Z]|\s*$)", re.M)
_NOTE_HINT = re.compile(r"[.,;:)]\d")
_HINTS = {
    "link-target": lambda p: "](" in p,
    "url": lambda p: "://" in p or "www." in p.lower(),
    "email": lambda p: "@" in p,
    "path": lambda p: p.count("/") + p.count("\\") >= 2,
    "markup": lambda p: "*" in p or "\\" in p or "_" in p,
    "html": lambda p: "<" in p,
    "note-mark": lambda p: _NOTE_HINT.search(p) is not None,
}
_PROSE_WORDS = frozenset("the of and to in a is that for on with as by was are at from this be which it an or "
                         "have has were will its their our we they he she".split())


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    kind: str  # front-matter | url | link-target | email | path | markup | html | references | citation
    #   | note-mark (a footnote number after a word's punctuation)
    # | toc | table | note (a PDF's footnote) | language


# a figure's or table's source note: "Source: EUDA and Europol (2024), EU Drug Markets Analysis ..." (with a
# year: a citation)
_SOURCE_NOTE = re.compile(r"^\s*(?:Data )?Sources?\s*:\s*\S")


def _is_front_matter(para: str) -> bool:
    """A header of ``key: value`` pairs (YAML or Markdown front matter joined into one paragraph)."""
    if not re.match(r"^[a-z][a-z0-9_-]{1,30}:\s", para):
        return False
    return len(_FRONT_KEY.findall(para)) >= 2


def _is_references(para: str, words: list[str] | None = None,
                   prose_words: frozenset[str] | None = None) -> bool:
    """A run of citations (author-year pairs make up much of it and prose words little), or a
    bibliography: at least two entries, one per 40 words or fewer. ``prose_words`` are the
    language's (English by default); without any, only the citations' density counts (Croatian
    "u Srebrenici 1995" has the form of a citation, and no English word is a sign of nothing)."""
    prose_words = _PROSE_WORDS if prose_words is None else prose_words
    words = _WORD.findall(para) if words is None else words
    if len(words) < 3:
        return False
    if not _REF_HINT.search(para):
        return False  # neither a citation nor an entry can be without a year, "n.d", "———" or "---."
    entries = len(_BIB_ENTRY.findall(para))
    if entries >= 2 and entries * 40 >= len(words):
        return True
    cites = len(_CITATION.findall(para))
    if cites < 2 and not (cites == 1 and len(words) <= 12 and re.match(r"^\d{1,3}\s", para)):
        return False
    prose = sum(w.lower() in prose_words for w in words)
    return cites * 4 >= len(words) * 0.5 or (cites >= 2 and bool(prose_words) and prose / len(words) < 0.12)


_MONTH = re.compile(rf"(?:{MONTHS})", re.I)  # an English month's name or abbreviation, as the citations read them


def _is_table_row(para: str, words: list[str] | None = None) -> bool:
    """Numbers make up much of a short paragraph without a full stop: a table's row. A date's
    numbers do not count ("Prishtinë, on 13 December 2021" is a dateline)."""
    words = _WORD.findall(para) if words is None else words
    if len(words) < 3:
        return False
    months = [bool(_MONTH.fullmatch(w.strip(".,;:()"))) for w in words]
    numeric = sum(bool(_NUMERIC.match(w)) and not (k and months[k - 1] or k + 1 < len(words) and months[k + 1]
                                                    or k > 1 and months[k - 2])
                  for k, w in enumerate(words))
    return numeric / len(words) >= 0.4 and not para.rstrip().endswith(".")


def _pipe_cells(para: str) -> list[str]:
    """The cells of a table row as docmine's extractors write it ("Belgium | 1.19 | 11"), else []."""
    if " | " not in para or "\n" in para.strip():
        return []
    return [c.strip() for c in para.split(" | ")]


def _is_pipe_data_row(cells: list[str]) -> bool:
    """Three cells or more, half of them numbers (or empty, or a dash): a row of a data table,
    whatever words its first cell holds ("Rest of Europe (inc. Norway, Turkey) | 6.81 | 11")."""
    if len(cells) < 3:
        return False
    numeric = sum(not c or c in ("-", "–", "—") or bool(_NUMERIC.match(c.replace(" ", ""))) for c in cells)
    return numeric * 2 >= len(cells)


def _is_pipe_header(cells: list[str]) -> bool:
    """Short cells without a sentence: the header of the data rows next to it ("Unique records |
    Total Records")."""
    return len(cells) >= 2 and all(len(c.split()) <= 4 and not c.endswith(".") for c in cells)


def prose_words(lang: str | None) -> frozenset[str]:
    """The function words whose share tells prose from a run of citations in ``lang``: English's,
    or the language's own (:data:`docmine.nlp.languages.FUNCTION_WORDS`), else none."""
    if lang in (None, "", "en"):
        return _PROSE_WORDS
    from docmine.nlp.languages import FUNCTION_WORDS

    return FUNCTION_WORDS.get(str(lang), frozenset())


def non_prose_regions(text: str, lang: str | None = "en") -> list[Region]:
    """Every region of ``text`` that is not prose, in order (regions may touch, not overlap).
    ``lang`` is the text's language, for the words of its prose."""
    words_of_prose = prose_words(lang)
    regions: list[Region] = []
    first = True
    in_refs = False  # under a "References" heading: entries until a paragraph that is not one
    spans = list(paragraph_spans(text))
    cells = [_pipe_cells(text[a:b]) for a, b in spans]
    table = [_is_pipe_data_row(c) for c in cells]
    grown = any(table)
    while grown:  # header rows (stacked ones too) next to the data rows
        grown = False
        for k, c in enumerate(cells):
            if not table[k] and _is_pipe_header(c) and (k and table[k - 1] or k + 1 < len(cells) and table[k + 1]):
                table[k] = grown = True
    for k, (start, end) in enumerate(spans):
        para = text[start:end]
        if table[k]:
            regions.append(Region(start, end, "table"))  # a row of a table written with " | "
            continue
        if _REF_HEADING.match(para):
            in_refs = True
            continue
        if in_refs and para.strip():
            if _REF_ENTRY.match(para) and _REF_MARK.search(para) and len(_WORD.findall(para)) <= 120:
                regions.append(Region(start, end, "references"))
                continue
            in_refs = False
        if first and para.strip():
            first = False
            if _is_front_matter(para):
                regions.append(Region(start, end, "front-matter"))
                continue
        words = _WORD.findall(para)
        leaders = len(_DOT_LEADER.findall(para)) if "_" in para or "……" in para or _DOTS.search(para) else 0
        if leaders and len(words) <= 15 * leaders:  # "Executive Summary ....... 7"
            regions.append(Region(start, end, "toc"))
            continue
        if _is_references(para, words, words_of_prose) \
                or _SOURCE_NOTE.match(para) and len(words) <= 30 and _REF_HINT.search(para):
            # a figure's or table's "Source: <authors> (<year>), <title>" cites a publication; a credit
            # ("Source: press release issued by the Guardia Civil.") names a body, as prose does
            regions.append(Region(start, end, "references"))
            continue
        if _is_table_row(para, words):
            regions.append(Region(start, end, "table"))
            continue
        if _REF_HINT.search(para):
            for m in _INLINE_CITATION.finditer(para):
                regions.append(Region(start + m.start(), start + m.end(), "citation"))
        for kind, rx in (("link-target", _MD_TARGET), ("url", _URL), ("email", _EMAIL), ("path", _PATH),
                         ("markup", _MD_MARK), ("html", _HTML_TAG), ("note-mark", _NOTE_MARK)):
            if not _HINTS[kind](para):
                continue  # a character every match of the pattern holds is not in the paragraph
            for m in rx.finditer(para):
                s, e = start + m.start() + (1 if kind == "link-target" else 0), start + m.end()
                regions.append(Region(s, e, kind))
    regions.sort(key=lambda r: (r.start, -r.end))
    out: list[Region] = []
    for r in regions:  # drop regions inside an earlier one (a URL inside a link target)
        if out and r.start < out[-1].end:
            if r.end > out[-1].end:
                out[-1] = Region(out[-1].start, r.end, out[-1].kind)
            continue
        out.append(r)
    return out


def mask_non_prose(text: str, regions: list[Region] | None = None, extra: Iterable[Region] = (),
                   lang: str | None = "en") -> str:
    """``text`` with every non-prose region replaced by spaces (same length, same offsets).

    ``regions`` defaults to :func:`non_prose_regions` of a text in ``lang``; ``extra`` adds regions
    the extractor knows of (the tables of a PDF, DOCX or HTML file, see :func:`table_regions`).
    Regions may overlap."""
    regions = non_prose_regions(text, lang) if regions is None else regions
    regions = [*regions, *extra]
    if not regions:
        return text
    chars = list(text)
    for r in regions:
        for i in range(max(0, r.start), min(len(chars), r.end)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def _rows_of(t) -> list[list[str]]:
    return t["rows"] if isinstance(t, dict) else t.rows


def is_form(rows: list[list[str]]) -> bool:
    """A two-column layout of labels and values ("From | Mr. Kwame Mensah", "Date | 3 May"):
    a memo or form header laid out as a table, not a table of data."""
    filled = [r for r in rows if any(c.strip() for c in r)]
    if not filled or any(len(r) != 2 for r in filled):
        return False
    labels = [r[0].strip().rstrip(":") for r in filled]
    return all(lab and len(lab.split()) <= 3 and not any(ch.isdigit() for ch in lab) for lab in labels)


def note_regions(notes: Iterable[tuple[int, int]]) -> list[Region]:
    """A region of kind ``note`` for each footnote span of a Document (``Document.notes``)."""
    return [Region(a, b, "note") for a, b in notes]


def table_regions(tables: Iterable, text: str | None = None) -> list[Region]:
    """A region of kind ``table`` for each table of a Document (objects or dicts with start/end).

    With ``text``, a form laid out as a table (:func:`is_form`) is not masked whole: only its
    labels and the " | " after them are, so the values ("Mr. Kwame Mensah") are read as prose,
    one row at a time, and nothing runs from one cell into the next.
    """
    out = []
    for t in tables:
        start, end = (t["start"], t["end"]) if isinstance(t, dict) else (t.start, t.end)
        if text is not None and is_form(_rows_of(t)):
            pos = start
            for row in text[start:end].split("\n\n"):
                bar = row.find(" | ")
                if bar >= 0:
                    out.append(Region(pos, pos + bar + 3, "table"))
                pos += len(row) + 2
            continue
        out.append(Region(start, end, "table"))
    return out
