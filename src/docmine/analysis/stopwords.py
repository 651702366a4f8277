"""Stop words of a document's own language, removed before topic terms are counted.

The topic vocabulary is counted over the whole collection with the English stop list; in a
mixed-language collection every other language's function words ("en", "je", "të", "için") would
otherwise become topic terms. spaCy ships a stop list for most languages of the drug routes;
Serbian's is in Cyrillic only, so its Latin spelling is added, and Bosnian, Montenegrin and
Serbo-Croatian read the Croatian and Serbian lists together.
"""
from __future__ import annotations

import importlib
import re
from functools import lru_cache

# languages written in both scripts, or sharing one standard language's function words
_SHARED = {"bs": ("hr", "sr"), "sh": ("hr", "sr"), "me": ("hr", "sr"), "cnr": ("hr", "sr"),
           "hr": ("hr", "sr"), "sr": ("hr", "sr")}

_SR_CYRILLIC = dict(zip("абвгдђежзијклљмнњопрстћуфхцчџш",
                        ["a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m", "n", "nj",
                         "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š"], strict=True))


def serbian_latin(word: str) -> str:
    """A Serbian word in Cyrillic script spelled in Latin script ("који" -> "koji")."""
    return "".join(_SR_CYRILLIC.get(ch, ch) for ch in word)


@lru_cache(maxsize=32)
def language_stopwords(lang: str | None) -> frozenset[str]:
    """Lower-case stop words of a language (ISO 639-1/3 code); empty for English, for no language
    and for a language spaCy has no stop list for."""
    if not isinstance(lang, str) or not lang or lang == "en":  # None, or NaN from a data frame
        return frozenset()
    words: set[str] = set()
    for code in _SHARED.get(lang, (lang,)):
        try:
            module = importlib.import_module(f"spacy.lang.{code}.stop_words")
        except ImportError:
            continue
        for w in getattr(module, "STOP_WORDS", ()):
            w = w.lower()
            words.add(w)
            if code == "sr":
                words.add(serbian_latin(w))
    return frozenset(words)


_WORD = re.compile(r"(?u)\b\w+\b")


def strip_stopwords(text: str, lang: str | None) -> str:
    """``text`` with the stop words of language ``lang`` blanked, offsets kept (English text is
    returned as is: the topic vectoriser's own stop list covers it)."""
    stops = language_stopwords(lang)
    if not stops or not text:
        return text
    return _WORD.sub(lambda m: " " * len(m.group()) if m.group().lower() in stops else m.group(), text)
