r"""Whole-word occurrences of a literal string in a text, without a regular expression.

The document-level rules look for each name, acronym and short form a document defines
("Ovidio", "DEA", "Ecolab") wherever else the document writes it. A pattern per word,
``rf"(?<![\w-]){re.escape(word)}(?![\w-])"``, is compiled anew for nearly every word (the names
differ from document to document, and ``re``'s cache holds 512 patterns): the compilation cost
more than the search. :func:`occurrences` gives the same matches with ``str.find``.
"""
from __future__ import annotations

from collections.abc import Iterator


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``\w`` matches in a ``str`` pattern


def occurrences(text: str, word: str, before: str = "-", after: str = "-", start: int = 0,
                end: int | None = None) -> Iterator[tuple[int, int]]:
    r"""(start, end) of every occurrence of ``word`` in ``text[start:end]`` that no word character
    and no character of ``before`` precedes and none of ``after`` follows: the matches, in order,
    of ``re.finditer(rf"(?<![\w{before}]){re.escape(word)}(?![\w{after}])", text[:end], start)``."""
    if not word:
        return
    stop = len(text) if end is None else end
    n = len(word)
    i = text.find(word, start, stop)
    while i >= 0:
        j = i + n
        if (i == 0 or not (_word_char(text[i - 1]) or text[i - 1] in before)) and \
                (j >= stop or not (_word_char(text[j]) or text[j] in after)):
            yield i, j
            i = text.find(word, j, stop)
        else:
            i = text.find(word, i + 1, stop)
