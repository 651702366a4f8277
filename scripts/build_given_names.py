"""Build ``src/docmine/models/given_names.txt``: people's first names in the languages of the
drug routes and of the documents analysts read, from the name lists of the Faker package.

The recognition stages use the list to tell a person's name from the body or place the
statistical model ran it into ("Ambassador to Mexico Ken Salazar", "Senior Directors Juan
González and Tiffany Eppelheimer"); see docs/recognition.md. Faker (MIT licence, Copyright (c)
2012 Daniele Faraglia) collects first names per locale from public sources (census and civil
registry lists). Faker is needed only to rebuild the file, not to run docmine:

    pip install faker==40.63.0          # also in the test extra: the test suite checks the file
    python scripts/build_given_names.py            # writes src/docmine/models/given_names.txt
    python scripts/build_given_names.py --check    # exit 1 when the shipped file differs

A name is left out when it is also a place that docmine's gazetteer or lexicon knows ("Paris",
"Georgia", "Victoria") or an everyday English dictionary word ("Will", "May", "Hope", "Grant"):
those need more evidence than a first-name list can give. WordNet, the dictionary, also lists
the commonest English first names ("john", "mark", "paul"): a dictionary word that at least two
of Faker's English locales list as a first name is kept, unless it is in ``NOT_FIRST_NAMES``
(everyday words, months, places, and names more often a surname than a first name).
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "docmine" / "models" / "given_names.txt"
ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
# one word, a capital first letter (any script), letters (and an inner apostrophe or hyphen) only
WORD = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)?$")
EVERYDAY_ZIPF = 4.0  # lower-case frequency from which a dictionary word is an everyday word
ENGLISH_LOCALES = 2  # English locales that must list a dictionary word for it to stay a first name
NOT_FIRST_NAMES = frozenset("""
April June Summer Autumn Jan Christian Roman Rose Faith Hope Grace Joy Charity Mercy Patience Destiny
Harmony Lucky Angel Olive Penny Sandy Diamond Frank Grant Max Guy Chase Hunter Drew Said Job Dean Duke
Dawn Norman Mason Eve Jesus Victoria Madison Austin Brooklyn Dakota Sierra Lincoln Kent Hudson Clinton
Jackson Johnson Wilson Davis Clark Anderson Kennedy Murray Cooper Nelson Parker Campbell Perry Evans
Morris Collins Rogers Harper Blair Carter Morgan Logan Carol Bailey Harrison Taylor Lewis Franklin
Howard Spencer Cole Allen
""".split())


def faker_names() -> tuple[str, dict[str, set[str]]]:
    """Faker's version and {name: locales} over every locale's person provider."""
    try:
        import faker
        from faker.providers import person
    except ImportError:
        sys.exit("this script reads Faker's name lists: pip install faker")
    names: dict[str, set[str]] = {}
    for mod in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        except Exception:
            continue
        for attr in ATTRS:
            value = next((c.__dict__[attr] for c in provider.__mro__
                          if isinstance(c.__dict__.get(attr), (list, tuple, dict))), None)
            for name in value or ():
                names.setdefault(str(name).strip(), set()).add(mod.name)
    return faker.VERSION, names


def select(names: dict[str, set[str]]) -> list[str]:
    from wordfreq import zipf_frequency

    from docmine.nlp.gazetteer import dictionary_form, dictionary_words, place_names
    from docmine.nlp.lexicon import Lexicon, alias_key

    dictionary = dictionary_words()
    places = place_names()
    lex = Lexicon.load()
    keep = []
    for name in names:
        if not WORD.match(name) or not name[:1].isupper() or len(name) < 2 or name.isupper():
            continue
        low = name.lower()
        if name in places or low in places or lex.places.get(alias_key(name)) or lex.drug(name):
            continue
        if dictionary_form(low, dictionary) and zipf_frequency(low, "en") >= EVERYDAY_ZIPF \
                and (sum(loc.startswith("en") for loc in names[name]) < ENGLISH_LOCALES or name in NOT_FIRST_NAMES):
            continue
        keep.append(name)
    return sorted(set(keep))


def render(names: list[str], version: str, faker_version: str) -> str:
    header = [
        "# docmine given names: people's first names, one per line, for the recognition stages.",
        f"# Built by scripts/build_given_names.py from the person name lists of Faker {faker_version}",
        "# (https://github.com/joke2k/faker, MIT licence, Copyright (c) 2012 Daniele Faraglia),",
        "# without places docmine knows and everyday English words. Do not edit by hand: re-run the script.",
        f"# version {version}",
    ]
    return "\n".join(header + names) + "\n"


def shipped_version() -> str:
    if OUT.exists():
        for line in OUT.read_text(encoding="utf-8").splitlines():
            if line.startswith("# version "):
                return line.split()[-1]
    import tomllib

    return tomllib.loads((OUT.parent / "drugs.toml").read_text(encoding="utf-8"))["version"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--version", default=None, help="data version (default: the shipped file's)")
    ap.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    args = ap.parse_args()
    faker_version, names = faker_names()
    text = render(select(names), args.version or shipped_version(), faker_version)
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("given_names.txt is up to date" if same else "given_names.txt differs from a rebuild")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"{text.count(chr(10)) - 5} given names from {len(names)} Faker names -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
