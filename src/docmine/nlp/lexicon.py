"""Domain knowledge loaded from the TOML files in ``models/`` (and a user's aliases file).

Nothing here knows a drug or an agency by name: every name comes from the data files, so
analysts can review and extend them without touching code.
"""
from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from docmine.nlp.mention import NAME_LABELS

DEFAULT_ALIASES_FILE = "docmine.aliases.toml"


def models_dir() -> Path:
    """The data folder: $DOCMINE_MODELS, else the ``models/`` folder shipped inside the package."""
    env = os.environ.get("DOCMINE_MODELS")
    if env:
        path = Path(env)
        if not (path / "drugs.toml").is_file():
            raise FileNotFoundError(
                f"DOCMINE_MODELS={env} does not hold docmine's data files (drugs.toml is missing); "
                "unset it to use the data shipped with docmine, or copy that folder and edit the copy"
            )
        return path
    from importlib.resources import files

    path = Path(str(files("docmine") / "models"))
    if not (path / "drugs.toml").is_file():
        raise FileNotFoundError(
            f"docmine's data files are missing from {path}: reinstall docmine "
            "(pip install --force-reinstall docmine) or set DOCMINE_MODELS to a copy of the folder"
        )
    return path


@lru_cache(maxsize=4)
def given_names(folder: str | None = None) -> frozenset[str]:
    """People's first names (``models/given_names.txt``, built by scripts/build_given_names.py from
    Faker's name lists, without places and everyday words); empty when the file is absent."""
    path = Path(folder or models_dir()) / "given_names.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return frozenset()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_POSS = re.compile(r"(?:'s|’s|'|’)$")


@lru_cache(maxsize=1 << 16)
def alias_key(text: str) -> str:
    """Normalised lookup key: no accents, case-folded, no leading 'the', no possessive.
    (Cached: the same names recur in every document of a collection.)"""
    s = strip_accents(text).casefold().strip()
    s = s.replace("’", "'").replace("–", "-").replace("—", "-")
    while True:  # until stable, so that alias_key(alias_key(x)) == alias_key(x)
        before = s
        s = re.sub(r"^the\s+", "", s)
        s = _POSS.sub("", s)
        s = re.sub(r"[.\s]+", " ", s).strip(" ,;:()[]\"")
        if s == before:
            return s


def plural_forms(term: str) -> list[str]:
    """Plural of the last word of a term: pill -> pills, ecstasy -> ecstasies, hash -> hashes."""
    if not term or not term[-1].isalpha():
        return []
    last = term.split()[-1]
    if len(last) <= 2 or last.isupper():
        return []
    if re.search(r"(s|x|z|ch|sh)$", term):
        return [term + "es"]
    if re.search(r"[^aeiou]y$", term):
        return [term[:-1] + "ies", term + "s"]
    return [term + "s"]


class NameFinder:
    r"""A list of names found as whole words in a text, longest first: ``finditer`` gives what
    ``re.compile(r"(?<![\w.])(?:name|...)(?!\w)").finditer`` gives (``pattern``), but tries the
    long alternation only where a word starts with the first letters of a name. With hundreds of
    names, the plain pattern tries every name at every capital letter of a document."""

    def __init__(self, names: Iterable[str]):
        ordered = sorted(dict.fromkeys(names), key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")
        self.width = min((len(n) for n in ordered), default=1)
        self.prefixes = frozenset(n[: self.width] for n in ordered)
        def chars(k: int) -> str:
            return "[" + "".join(re.escape(c) for c in sorted({n[k] for n in ordered})) + "]"

        # where a name can start: its first letter, and its second when every name has one
        self.starts = None if not ordered else re.compile(
            r"(?<![\w.])" + chars(0) + (f"(?={chars(1)})" if self.width > 1 else ""))

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.starts is None:
            return
        pos, width, prefixes, match = 0, self.width, self.prefixes, self.pattern.match
        for c in self.starts.finditer(text):
            p = c.start()
            if p < pos or text[p: p + width] not in prefixes:
                continue
            m = match(text, p)
            if m:
                yield m
                pos = m.end()


@dataclass(frozen=True)
class DrugInfo:
    canonical: str
    drug_class: str
    kind: str
    ambiguous: bool


@dataclass
class Lexicon:
    drugs: dict[str, DrugInfo] = field(default_factory=dict)  # lower-case term -> info
    orgs: dict[str, str] = field(default_factory=dict)  # alias_key -> canonical
    org_acronyms: dict[str, str] = field(default_factory=dict)  # canonical -> acronym
    org_countries: dict[str, str] = field(default_factory=dict)  # canonical -> country ("" international)
    org_kinds: dict[str, str] = field(default_factory=dict)  # canonical -> kind ("darknet market")
    org_case_sensitive: dict[str, str] = field(default_factory=dict)  # exact alias -> canonical
    places: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias_key -> (canonical, kind)
    surfaces: dict[str, set[str]] = field(default_factory=lambda: {"ORG": set(), "PLACE": set()})
    # the same aliases as written: a lower-cased "washington, d.c." tokenizes unlike "Washington, D.C."
    surfaces_cased: dict[str, set[str]] = field(default_factory=lambda: {"ORG": set(), "PLACE": set()})
    place_case_sensitive: dict[str, tuple[str, str]] = field(default_factory=dict)
    place_postal: dict[str, tuple[str, str]] = field(default_factory=dict)  # "Ariz." -> Arizona, after "Town, "
    place_countries: dict[str, str] = field(default_factory=dict)  # canonical place -> its country
    demonyms: dict[str, str] = field(default_factory=dict)  # "Dutch" -> "Netherlands"
    peoples: set[str] = field(default_factory=set)  # "Maori", "Kurdish": a people's name, no entity
    org_nouns: set[str] = field(default_factory=set)  # "Gardaí": a body's members as a common noun, no entity
    people: dict[str, str] = field(default_factory=dict)  # exact alias -> canonical (case-sensitive)
    the_countries: set[str] = field(default_factory=set)  # "the Netherlands"
    routes: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    rules: dict = field(default_factory=dict)
    user: dict[tuple[str, str], str] = field(default_factory=dict)  # (label, alias_key) -> canonical
    # the user's clean-up: (label or "*", alias_key) -> "" (not an entity) or the label it really has
    user_fate: dict[tuple[str, str], str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    language: str = "en"  # the language of the documents it reads (docmine.nlp.languages.localise)
    place_endings: tuple[str, ...] = ()  # case endings a place name may carry in that language

    @cached_property
    def people_pattern(self) -> NameFinder:
        """Every alias of ``people``, longest first, as whole words (built once per lexicon)."""
        return NameFinder(self.people)

    @cached_property
    def people_upper(self) -> tuple[dict[str, str], NameFinder | None]:
        """The upper-case form of every alias of ``people`` with four letters or more ("DONALD J.
        TRUMP", "TRUMP") -> canonical, and their pattern: signature lines and headings in capitals."""
        upper = {a.upper(): c for a, c in self.people.items()
                 if sum(ch.isalpha() for ch in a) >= 4 and a != a.upper()}
        if not upper:
            return upper, None
        return upper, NameFinder(upper)

    # -- canonical names -------------------------------------------------
    def drug(self, text: str) -> DrugInfo | None:
        """The drug a term names (its plural, hyphens or spaces alike), or None. Kept per text:
        the rules ask again for the same words of a document (about a hundred times a document)."""
        cache = self.__dict__.get("_drug_cache")
        if cache is None or cache[0] is not self.drugs or cache[1] != len(self.drugs):
            # a copy of the lexicon for another language has its own drugs: its own answers
            cache = self.__dict__["_drug_cache"] = (self.drugs, len(self.drugs), {})
        answers: dict[str, DrugInfo | None] = cache[2]
        if text not in answers:
            if len(answers) > 100_000:
                answers.clear()
            answers[text] = self._drug(text)
        return answers[text]

    def _drug(self, text: str) -> DrugInfo | None:
        low = re.sub(r"\s+", " ", text.lower().strip().replace("’", "'"))
        # as written, then with hyphens as spaces; each also as the plural of a listed term
        # ("fentanyl-related substances" is the plural of the listed "fentanyl-related substance")
        for form in dict.fromkeys((low, low.replace("-", " "))):
            if form in self.drugs:
                return self.drugs[form]
            for suffix in ("es", "s"):
                if form.endswith(suffix) and form[: -len(suffix)] in self.drugs:
                    return self.drugs[form[: -len(suffix)]]
            if form.endswith("ies") and form[:-3] + "y" in self.drugs:
                return self.drugs[form[:-3] + "y"]
        return None

    def drugs_in(self, text: str) -> list[DrugInfo]:
        """The drug terms inside a longer phrase, longest first and left to right."""
        words = re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", text.lower().replace("’", "'"))
        words = [p for w in words for p in ([w] if self.drug(w) or "-" not in w else w.split("-"))]
        dr = self.rules.get("drug", {})
        form_words = set(dr.get("form_nouns", [])) | set(dr.get("form_adjectives", []))
        found, i = [], 0
        while i < len(words):
            for n in range(min(5, len(words) - i), 0, -1):
                term = " ".join(words[i: i + n])
                info = self.drug(term)
                if info is not None:
                    found.append((term, info))
                    i += n
                    break
            else:
                i += 1
        # "amphetamine in crystals": an ambiguous form word is not a second drug
        substances = [f for t, f in found if not (f.ambiguous and t in form_words)]
        return substances or [f for _, f in found]

    def knows(self, label: str, name: str) -> bool:
        """Whether the lexicons (and, for a place, the gazetteer) know ``name`` as a name of this label."""
        key = alias_key(name)
        if label == "PLACE":
            from docmine.nlp.gazetteer import place_names

            return bool(self.places.get(key) or self.place_case_sensitive.get(name) or name in place_names())
        if label == "ORG":
            return bool(self.orgs.get(key) or self.org_case_sensitive.get(name))
        if label == "PERSON":
            return name in self.people or name in self.people_upper[0]
        return False

    @cached_property
    def _legal_form_tail(self) -> re.Pattern | None:
        org = self.rules.get("org", {})
        forms = set(org.get("legal_forms", ())) | set(org.get("canonical_legal_forms", ()))
        forms |= {f.upper() for f in forms if len(f.rstrip(".")) > 2}  # "WMC Resources LTD"
        if not forms:
            return None
        alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        return re.compile(rf"(?:,?\s+(?:(?:and|&)\s+Co\.?|{alt}))+\s*$")

    def without_legal_form(self, name: str) -> str:
        """A company's name without its legal form ("Merck & Co." -> "Merck", "Gold Fields Ltd." ->
        "Gold Fields"); "" when it has none, or when too little would be left ("M Co.")."""
        tail = self._legal_form_tail
        m = tail.search(name) if tail is not None else None
        if m is None:
            return ""
        bare = name[: m.start()].rstrip(" ,")
        return bare if sum(c.isalnum() for c in bare) >= 2 else ""

    def is_demonym(self, text: str) -> bool:
        """A nationality word however it is written ("Dutch", "DUTCH", "the Dutch"): the keys of
        ``demonyms`` are cased as in English text, so ``alias_key(text) in demonyms`` never matched."""
        keys = vars(self).get("_demonym_keys")  # built once per lexicon, kept on it
        if keys is None:
            keys = self.__dict__["_demonym_keys"] = frozenset(alias_key(d) for d in self.demonyms)
        return alias_key(text) in keys

    def country_of(self, text: str) -> str | None:
        """The country a place name or a nationality adjective names: "Dutch", "the Netherlands"."""
        t = text.strip()
        if t in self.demonyms:
            return self.demonyms[t]
        hit = self.place_case_sensitive.get(t) or self.places.get(alias_key(t))
        return hit[0] if hit and hit[1] == "country" else None

    def canonical(self, label: str, text: str) -> str:
        """Canonical name of an (already in-document resolved) mention. A user alias of the name
        docmine gives ("UNODC" -> "United Nations Office on Drugs and Crime" -> the user's name)
        has the last word: renames and merges reach every form of an entity."""
        name = self._canonical(label, text)
        if self.user:
            key = alias_key(name)
            return self.user.get((label, key)) or self.user.get(("*", key)) or name
        return name

    def _canonical(self, label: str, text: str) -> str:
        key = alias_key(text)
        user = self.user.get((label, key)) or self.user.get(("*", key))
        if user:
            return user
        if label == "DRUG":
            text = text.strip("\"“”‘’'") or text  # a quoted name: "ecstasy", ‘ice’
            info = self.drug(text) or self.drug(re.sub(r"\s*\(.*$", "", text))  # "P-2-P (BMK)"
            if info:
                return info.canonical
            # an extended span: "94 per cent pure heroin", "methamphetamine-type narcotics",
            # "mixture of paracetamol and caffeine" -> its drugs' canonical names
            found = self.drugs_in(re.split(r"-type\b", re.sub(r"\s*\(.*$", "", text))[0])
            if found:
                return " + ".join(dict.fromkeys(i.canonical for i in found))
            # a medicine no lexicon knows ("Rivoril Tablets"): its name without the tablet word
            return re.sub(r"\s+(?:tablets?|tabs|pills?|capsules?)$", "", key) or key
        if label == "ORG":
            known = self.org_case_sensitive.get(text.strip()) or self.orgs.get(key)
            if known:
                return known
            bare = self.without_legal_form(text)  # "Boeing Co." and "Boeing" are one company
            return (self.orgs.get(alias_key(bare)) or _tidy(bare)) if bare else _tidy(text)
        if label == "PERSON" and text.strip() in self.people:
            return self.people[text.strip()]
        if label == "PERSON" and text.strip() in self.people_upper[0]:  # "DONALD J. TRUMP"
            return self.people_upper[0][text.strip()]
        if label == "PLACE":
            bare = re.sub(r"\s*\(.*$", "", text.strip())  # "Dammam (KSA)"
            hit = (self.place_case_sensitive.get(text.strip()) or self.places.get(key)
                   or self.place_case_sensitive.get(bare) or self.places.get(alias_key(bare))
                   or self.place_postal.get(text.strip()))
            if hit is None and self.place_endings:  # "Splitu" -> Split, "Москве" -> Москва -> Moscow
                for stem in stems(text.strip(), self.place_endings):
                    hit = self.places.get(alias_key(stem)) or self.place_case_sensitive.get(stem)
                    if hit:
                        break
            if hit:
                return hit[0]
            name = _tidy(text)
            # a dateline's town in capitals ("FORT PIERCE") is named as elsewhere in the collection
            return name.title() if name.isupper() and sum(c.isalpha() for c in name) >= 4 else name
        return _tidy(text)

    # -- loading -----------------------------------------------------------
    @classmethod
    def load(cls, folder: str | Path | None = None, user_aliases: str | Path | None = None) -> Lexicon:
        stamp = None
        if user_aliases:  # an edited aliases file (docmine entity ...) is read again
            try:
                st = os.stat(user_aliases)
                stamp = (st.st_mtime_ns, st.st_size)
            except OSError:
                pass
        return _load_cached(str(folder or models_dir()), str(user_aliases or ""), stamp)

    def apply_user_aliases(self, path: str | Path) -> None:
        """Read a user aliases file: ``[[entity]]`` tables give a canonical name and its aliases;
        ``drop = true`` says the name is no entity, ``relabel = "PLACE"`` gives its real label."""
        data = _read_toml(Path(path))
        for ent in data.get("entity", []):
            label = ent.get("label", "*").upper()
            canonical = ent["canonical"]
            relabel = str(ent.get("relabel") or "").upper()
            if relabel and relabel not in NAME_LABELS:
                raise ValueError(f"{path}: relabel = {ent.get('relabel')!r} for {canonical!r}: give one of "
                                 f"{', '.join(NAME_LABELS)}")
            for alias in [canonical, *ent.get("aliases", [])]:
                key = alias_key(alias)
                self.user[(label, key)] = canonical
                if ent.get("drop"):
                    self.user_fate[(label, key)] = ""
                elif relabel:
                    self.user_fate[(label, key)] = relabel
                    self.user[(relabel, key)] = canonical
        self.versions["user_aliases"] = f"{Path(path).name}:{data.get('version', 'unversioned')}"

    def fate(self, label: str, *names: str) -> str | None:
        """The user's decision on a mention known by these names (its text, its canonical name):
        None (keep it), "" (no entity) or the label it really has."""
        if not self.user_fate:
            return None
        for name in names:
            key = alias_key(name)
            for lab in (label, "*"):
                hit = self.user_fate.get((lab, key))
                if hit is not None:
                    return hit
        return None


_RESTORE = ("", "a", "а", "o", "ë", "e", "η", "я", "ă")


def stems(word: str, endings: tuple[str, ...]) -> list[str]:
    """The base forms an inflected name may have: the word less one of ``endings`` (longest
    first), as it is or with a nominative ending put back ("Splitu" -> Split, "Москве" -> Москва)."""
    out: list[str] = []
    for end in sorted((e for e in endings if e), key=len, reverse=True):
        if word.endswith(end) and len(word) - len(end) >= 3:
            stem = word[: -len(end)]
            out.extend(stem + r for r in _RESTORE)
    return out


def _tidy(text: str) -> str:
    s = re.sub(r"\s+", " ", text).strip(" ,;:\"“”")
    s = re.sub(r"^(?:the|The)\s+", "", s)
    return _POSS.sub("", s)


def _surface(alias: str) -> str:
    """Lower-case form to match in text (accents kept; a leading 'the' is matched as optional)."""
    return re.sub(r"^the\s+", "", alias.strip().lower())


def _read_toml(path: Path) -> dict:
    """A data file, parsed. Parsing the TOML files is most of what a query command waits for
    (0.2-0.4 s), so the parsed data is kept as JSON in the cache folder, keyed by the file's path,
    size and modification time."""
    import hashlib
    import os

    from docmine.cache import cache_dir, cached_json

    def parse() -> dict:
        try:
            with open(path, "rb") as fh:
                return tomllib.load(fh)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{path}: invalid TOML ({exc}); fix the file and run again") from exc

    try:
        st = os.stat(path)
    except OSError:
        return parse()  # says what is wrong with the path
    key = hashlib.sha1(f"{os.path.realpath(path)}|{st.st_size}|{st.st_mtime_ns}|1".encode()).hexdigest()
    return cached_json(cache_dir() / f"toml-{key}.json", parse)


_NAME_JOINS = frozenset(("of", "and", "for", "the", "de", "del", "la", "y", "i", "e", "et", "und"))


def _is_acronym(alias: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.\-]{1,9}", alias)) or alias.isupper() and len(alias) <= 6


_FILES = (("drugs.toml", "drugs", True), ("organisations.toml", "organisations", True), ("places.toml", "places", True),
          ("people.toml", "people", False), ("demonyms.toml", "demonyms", False), ("routes.toml", "routes", False),
          ("not_entities.toml", "not_entities", False), ("rules.toml", "rules", False))
_TABLE = re.compile(r"^[ \t]*\[", re.M)


def lexicon_versions(folder: str | Path | None = None, user_aliases: str | Path | None = None) -> dict[str, str]:
    """``Lexicon.load(folder, user_aliases).versions`` without building the lexicon: each file's
    top-level ``version`` only, read from the part before its first table (where TOML puts
    top-level keys). The user aliases file is read whole, so a broken one is reported here."""
    root = Path(folder or models_dir())
    out: dict[str, str] = {}
    for name, key, required in _FILES:
        path = root / name
        if not required and not path.exists():
            continue
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        head = _TABLE.search(text)
        try:
            data = tomllib.loads(text[: head.start()] if head else text)
        except tomllib.TOMLDecodeError:  # a multi-line value that looks like a table: read it all
            data = _read_toml(path)
        out[key] = data.get("version", "")
    if user_aliases:
        lex = Lexicon()
        lex.apply_user_aliases(user_aliases)
        out["user_aliases"] = lex.versions["user_aliases"]
    return out


_WORD_HYPHEN = re.compile(r"(?<=[a-z0-9]{2})-(?=[a-z]{2})")


@lru_cache(maxsize=8)
def _load_cached(folder: str, user_aliases: str, stamp: tuple[int, int] | None = None) -> Lexicon:
    root = Path(folder)
    lex = Lexicon()
    drugs = _read_toml(root / "drugs.toml")
    lex.versions["drugs"] = drugs.get("version", "")
    for d in drugs.get("drug", []):
        ambiguous = {t.lower() for t in d.get("ambiguous", [])}
        for term in d.get("terms", []) + [d["canonical"]]:
            t = term.lower().strip()
            info = DrugInfo(d["canonical"], d.get("class", ""), d.get("kind", "substance"), t in ambiguous)
            # a hyphen between two words is often a space in running text: "Alpha PVP", "25I NBOMe"
            spaced = _WORD_HYPHEN.sub(" ", t)
            for form in {t, spaced}:
                if form not in lex.drugs or lex.drugs[form].ambiguous and not info.ambiguous:
                    lex.drugs[form] = info
    orgs = _read_toml(root / "organisations.toml")
    lex.versions["organisations"] = orgs.get("version", "")
    # "Mexican Navy", "Turkish National Police": a nationality and a body's name match only as written,
    # as "the Mexican navy" is a nationality and a common noun (no organisation; an alias written in
    # lower case, "Turkish police", still matches)
    dem = _read_toml(root / "demonyms.toml") if (root / "demonyms.toml").exists() else None
    nationalities = set(dem.get("demonyms", {})) if dem is not None else set()
    for o in orgs.get("org", []):
        canonical = o["canonical"]
        if o.get("kind") == "initiative":  # programmes and projects are not organisations
            lex.titles.extend(a for a in {canonical, *o.get("aliases", [])} if not _is_acronym(a))
            continue
        if o.get("acronym"):
            lex.org_acronyms[canonical] = o["acronym"]
        lex.org_countries[canonical] = o.get("country", "")
        lex.org_kinds[canonical] = o.get("kind", "")
        cs = set(o.get("case_sensitive", []))  # "Border Patrol", not "border patrol"
        for alias in {canonical, *o.get("aliases", []), *([o["acronym"]] if o.get("acronym") else [])}:
            words = alias.split()
            if alias in cs or _is_acronym(alias) or len(words) > 1 and words[0] in nationalities \
                    and all(w[:1].isupper() for w in words[1:] if w.isalpha() and w.lower() not in _NAME_JOINS):
                lex.org_case_sensitive[alias] = canonical
                if alias.isalpha() and alias.isupper() and len(alias) >= 5:
                    # word-like acronyms are also written in title case: "Interpol", "Ameripol"
                    lex.org_case_sensitive.setdefault(alias.title(), canonical)
            else:
                lex.orgs.setdefault(alias_key(alias), canonical)
                lex.surfaces["ORG"].add(_surface(alias))
                lex.surfaces_cased["ORG"].add(re.sub(r"^[Tt]he\s+", "", alias.strip()))
        # the body's members as a common noun ("gardaí seized", "Gardaí arrested the two men"): no
        # mention (GUIDELINES.md: generic references), but a seizure's agency read from it is the body
        for noun in o.get("nouns", []):
            lex.orgs.setdefault(alias_key(noun), canonical)
            lex.org_nouns.add(noun)
    places = _read_toml(root / "places.toml")
    lex.versions["places"] = places.get("version", "")
    for p in places.get("place", []):
        value = (p["canonical"], p.get("kind", ""))
        if p.get("country"):
            lex.place_countries[p["canonical"]] = p["country"]
        cs = set(p.get("case_sensitive", []))
        for alias in {p["canonical"], *p.get("aliases", [])}:
            if alias in cs or _is_acronym(alias):
                lex.place_case_sensitive[alias] = value
            else:
                lex.places.setdefault(alias_key(alias), value)
                lex.surfaces["PLACE"].add(_surface(alias))
                lex.surfaces_cased["PLACE"].add(re.sub(r"^[Tt]he\s+", "", alias.strip()))
        for abbr in p.get("postal", []):
            lex.place_postal[abbr] = value
    if (root / "people.toml").exists():
        ppl = _read_toml(root / "people.toml")
        lex.versions["people"] = ppl.get("version", "")
        for p in ppl.get("person", []):
            for alias in {p["canonical"], *p.get("aliases", [])}:
                lex.people.setdefault(alias, p["canonical"])
    if dem is not None:
        lex.demonyms.update(dem.get("demonyms", {}))
        lex.the_countries.update(dem.get("the_countries", []))
        lex.peoples.update(dem.get("peoples", []))
        lex.versions["demonyms"] = dem.get("version", "")
    for name, key in (("routes.toml", "routes"), ("not_entities.toml", "titles")):
        if (root / name).exists():
            data = _read_toml(root / name)
            getattr(lex, key).extend(data.get(key, []))
            lex.versions[name.split(".")[0]] = data.get("version", "")
    if (root / "rules.toml").exists():
        lex.rules = _read_toml(root / "rules.toml")
        lex.versions["rules"] = lex.rules.get("version", "")
    if user_aliases:
        lex.apply_user_aliases(user_aliases)
    return lex
