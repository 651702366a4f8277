"""The parts of a document written in another language than its own.

A bilingual press release (a Croatian release with its English translation below), an English
report quoting a Spanish decree at length: each paragraph long enough to tell is given a language,
short ones (headings, datelines, table rows) follow their neighbours, and runs of paragraphs in one
language become a part. The worker reads each part with its own language's pipeline (the English
model never reads the Croatian half); the document keeps its main language, and its parts are
stored in ``meta["language_parts"]``.

Being wrong costs more than staying whole (a paragraph of English names mistaken for German would
lose its PERSON and ORG mentions to the lexicon-only pipeline), so a paragraph is foreign only on
strong evidence, and a language must hold enough text in the document to get a part of its own.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from docmine.extract.document import paragraph_spans
from docmine.nlp.languages import ENGLISH, FAMILIES

MIN_PARAGRAPH_CHARS = 180
"""A shorter paragraph is not classified: it takes its neighbours' language."""
MIN_PART_CHARS = 500
"""A language other than the document's must hold this many characters of its paragraphs to be
read on its own; less (a quoted sentence, a name list) reads with the document's language."""
MIN_PROBABILITY = 0.95
"""py3langid's probability a paragraph needs to be taken for a language other than English."""
MAX_ENGLISH_SHARE = 0.05
"""A paragraph with more English function words than this share of its words is English."""


def same_language(a: str | None, b: str | None) -> bool:
    """Whether two detected languages read with the same pipeline family (English and no language;
    Croatian, Serbian, Bosnian, Montenegrin)."""
    if a in ENGLISH and b in ENGLISH:
        return True
    return a == b or (FAMILIES.get(a or "") is not None and FAMILIES.get(a or "") == FAMILIES.get(b or ""))


def paragraph_language(text: str) -> str | None:
    """The language of one paragraph on strong evidence, else None (undecided)."""
    from docmine.extract.metadata import english_share, language_ranking

    if english_share(text) > MAX_ENGLISH_SHARE:
        return "en"
    ranking = language_ranking(text)
    if not ranking:
        return None
    lang = ranking[0][0]
    # the languages of one family share their probability (py3langid splits Croatian text
    # between hr, bs and sr)
    prob = sum(p for x, p in ranking if same_language(x, lang))
    return lang if prob >= MIN_PROBABILITY else None


def language_parts(text: str, main: str | None,
                   detect: Callable[[str], str | None] = paragraph_language) -> list[tuple[int, int, str | None]]:
    """``[(start, end, language)]``: consecutive parts that cover ``text``, one language each, when
    the document holds another language than ``main`` on enough text; ``[]`` when it is one language
    (the usual case: nothing to split)."""
    if len(text) < 2 * MIN_PART_CHARS or "\n\n" not in text:
        return []
    paras = paragraph_spans(text)
    lengths = [e - s for s, e in paras]
    langs: list[str | None] = [detect(text[s:e]) if n >= MIN_PARAGRAPH_CHARS else None
                               for (s, e), n in zip(paras, lengths, strict=True)]
    # a detected language of the main family is the main language (a Bosnian paragraph in a Croatian text)
    langs = [main if x is None or same_language(x, main) else x for x in langs]
    # one family is one language, named by the member that holds most of its text (py3langid
    # calls one Croatian paragraph Croatian and the next Bosnian)
    size = _chars_per_language(langs, lengths)
    langs = [x if x == main else max((y for y in size if same_language(y, x)), key=lambda y: (size[y], str(y)))
             for x in langs]
    # undecided (short) paragraphs were set to main above; a short paragraph between two of one
    # foreign language belongs to them (a heading inside the Spanish half)
    for i in range(1, len(langs) - 1):
        if lengths[i] < MIN_PARAGRAPH_CHARS and langs[i - 1] == langs[i + 1] and langs[i - 1] != main:
            langs[i] = langs[i - 1]
    totals = _chars_per_language(langs, lengths)
    langs = [x if x == main or totals[x] >= MIN_PART_CHARS else main for x in langs]
    if all(x == main for x in langs):
        return []
    parts: list[list] = []
    for (s, _), x in zip(paras, langs, strict=True):
        if parts and parts[-1][2] == x:
            continue
        if parts:
            parts[-1][1] = s
        parts.append([s, None, x])
    parts[0][0] = 0
    parts[-1][1] = len(text)
    return [(int(s), int(e), x) for s, e, x in parts]


def _chars_per_language(langs: list[str | None], lengths: list[int]) -> Counter:
    """Characters of paragraphs per language (the second takes the paragraphs' lengths)."""
    chars: Counter = Counter()
    for x, n in zip(langs, lengths, strict=True):
        chars[x] += n
    return chars


def blank_outside(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with everything outside ``spans`` blanked (line breaks kept, offsets kept), so a
    pipeline reads only its language's parts and its mentions point into the whole text."""
    from docmine.nlp.prose import Region, mask_non_prose

    gaps, pos = [], 0
    for s, e in sorted(spans):
        if pos < s:
            gaps.append(Region(pos, s, "language"))
        pos = max(pos, e)
    if pos < len(text):
        gaps.append(Region(pos, len(text), "language"))
    return mask_non_prose(text, regions=gaps)
