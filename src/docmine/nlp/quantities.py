"""Drug amounts: "1.2 tons of cocaine", "350 kg", "3 million captagon pills".

:func:`find_quantities` finds the spans; :func:`parse_quantity` normalises one to a number
and a unit (kg, litres, tablets, or the counted thing), so amounts can be summed per drug.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from docmine.nlp.doctext import doc_text

_WORDNUM = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "dozen": 12, "a dozen": 12, "half a": 0.5, "half": 0.5,
    "several": None, "tens of": None, "hundreds of": None, "thousands of": None, "dozens of": None, "millions of": None,
}
_MULT = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
         "hundred": 1e2, "k": 1e3, "mn": 1e6, "m": 1e6, "bn": 1e9}
# unit -> (normalised unit, factor)
_UNITS = {
    "kg": ("kg", 1), "kgs": ("kg", 1), "kilogram": ("kg", 1), "kilograms": ("kg", 1), "kilogramme": ("kg", 1),
    "kilogrammes": ("kg", 1), "kilo": ("kg", 1), "kilos": ("kg", 1), "kilogans": ("kg", 1),
    "g": ("kg", 1e-3), "gr": ("kg", 1e-3), "gm": ("kg", 1e-3), "gms": ("kg", 1e-3), "gram": ("kg", 1e-3),
    "grams": ("kg", 1e-3), "gramme": ("kg", 1e-3), "grammes": ("kg", 1e-3),
    "mg": ("kg", 1e-6), "milligram": ("kg", 1e-6), "milligrams": ("kg", 1e-6),
    "t": ("kg", 1e3), "ton": ("kg", 1e3), "tons": ("kg", 1e3), "tonne": ("kg", 1e3), "tonnes": ("kg", 1e3),
    "metric ton": ("kg", 1e3), "metric tons": ("kg", 1e3), "metric tonne": ("kg", 1e3), "metric tonnes": ("kg", 1e3),
    "lb": ("kg", 0.45359), "lbs": ("kg", 0.45359), "pound": ("kg", 0.45359), "pounds": ("kg", 0.45359),
    "oz": ("kg", 0.02835), "ounce": ("kg", 0.02835), "ounces": ("kg", 0.02835),
    "l": ("litres", 1), "lt": ("litres", 1), "lts": ("litres", 1), "litre": ("litres", 1), "litres": ("litres", 1),
    "liter": ("litres", 1),
    "liters": ("litres", 1), "ml": ("litres", 1e-3), "millilitres": ("litres", 1e-3), "milliliters": ("litres", 1e-3),
    "gallon": ("litres", 3.785), "gallons": ("litres", 3.785), "barrel": ("litres", 159), "barrels": ("litres", 159),
    "tablet": ("tablets", 1), "tablets": ("tablets", 1), "tabs": ("tablets", 1), "pill": ("tablets", 1),
    "pills": ("tablets", 1), "capsule": ("tablets", 1), "capsules": ("tablets", 1),
}
# The same units in the languages of the drug routes (documents read by docmine.nlp.languages):
# normalised unit and factor -> the words ("12 kilograma", "150 кг", "1,4 tone", "3 toneladas").
_FOREIGN = {
    ("kg", 1): (
        "kilograma", "kilogramë", "kilograme", "kilogramos", "kilogramo", "kilogramas", "kilogrammi", "kilogramm",
        "kilogramów", "кг", "килограм", "килограма", "килограмм", "килограмма", "килограмов", "килограми",
        "килограмите", "κιλά", "κιλών", "κιλό", "kilo", "chili", "chilo", "chilogrammi", "chilogrammo",
    ),
    ("kg", 1e-3): (
        "grama", "gramë", "grame", "gramos", "gramo", "gramas", "grammi", "gramm", "грама", "грам", "грамм",
        "грамма", "грамов", "грамове", "γραμμάρια", "γραμμαρίων",
    ),
    ("kg", 1e3): (
        "tona", "tone", "tonë", "tonelada", "toneladas", "tonnellata", "tonnellate", "tonnen", "тона", "тоне",
        "тонн", "тонны", "тонове", "τόνοι", "τόνους", "τόνων",
    ),
    ("litres", 1): ("litara", "litra", "litros", "litri", "литра", "литар", "литров", "литри", "λίτρα", "λίτρων"),
    ("tablets", 1): (
        "tableta", "tablete", "tabletas", "tabletten", "comprimidos", "comprimés", "compresse", "pastillas",
        "pastiglie", "pilule", "pilula", "таблета", "таблете", "таблетки", "χάπια", "hap",
    ),
}
for _unit, _words in _FOREIGN.items():
    for _w in _words:
        _UNITS.setdefault(_w, _unit)
_FOREIGN_RX = "|".join(sorted((re.escape(w) for ws in _FOREIGN.values() for w in ws), key=len, reverse=True))
_COUNT_UNITS = (
    "doses|blotters|blocks|bricks|packets|packages|parcels|bags|sacks|bales|bundles|slabs|wraps|"
    "plants|bushes|pieces|cartons|boxes|bottles|vials|ampoules|sachets|pouches|cakes|jerrycans|drums|barrels|"
    "dose|blotter|block|brick|packet|package|parcel|bag|sack|bale|bundle|slab|wrap|plant|piece|bottle|vial|cake|drum"
)
_NUM = (
    r"(?:\d{1,3}(?:[,\u202f ]\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?|"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|"
    r"half\s+a|a\s+dozen|a\s+hundred|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"tens\s+of|hundreds\s+of|thousands\s+of|dozens\s+of|millions\s+of|several|an?)(?:\s*\(\d+\))?)"
)
_MULT_RX = r"(?:\s*(?:thousand|million|billion|lakhs?|crores?|hundred|mn|bn|k|m)\b)?"
_UNIT_RX = (
    r"(?:metric\s+ton(?:ne)?s?|kilogram(?:me)?s?|kilogans|kilos?|kgs?|grams?|grammes?|gms?|gr|g|milligrams?|mg|"
    r"ton(?:ne)?s?|t|lbs?|pounds?|ounces?|oz|lit(?:re|er)s?|lts?|l|ml|millilit(?:re|er)s?|gallons?|"
    r"tablets?|tabs|pills?|capsules?|" + _COUNT_UNITS + "|" + _FOREIGN_RX + r")"
)
# Modifiers that belong to the amount ("more than 2 tons"); "over", "around", "at least" stay outside.
# The convention is the majority of the seizure-news set's training four fifths (inside / outside
# the span, mid-sentence): about 37/16, approximately 20/7, more than 58/16, nearly 11/10,
# almost 8/7, around 13/14, over 4/66. At the start of a sentence ("About 2 kilos ...") the
# modifier is outside (0/10): see _SENT_START.
_MOD = r"(?:(?:approximately|approx\.|about|almost|nearly|more\s+than|less\s+than|an\s+estimated)\s+)?"
_MOD_START = re.compile(_MOD[3:-2], re.I)  # the modifier alone, at the start of a match
_SENT_START = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n\s*|[\"“]\s*)$")
_DIGITS = r"(?:\d{1,3}(?:[,\u202f ]\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?)(?:\s*\(\d+\))?"
_WORDS_RX = _NUM.replace(r"\d{1,3}(?:[,\u202f ]\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?|", "")  # words only
# after digits any unit may follow, with or without a space ("43.5kgs", "2 t"); after a number
# word ("two", "a") only a unit word of two letters or more, after a space ("a ton", not "at")
_LONG_UNIT_RX = _UNIT_RX.replace("|t|", "|").replace("|g|", "|").replace("|l|", "|")
# a number of several words, as Turkish and Vietnamese news write it: "285 thousand 412",
# "113 million 753 thousand 543", "two thousand 960 kilograms"
_COMPOUND = (r"(?:(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|"
             r"seventy|eighty|ninety)\s+(?:billion|million|thousand)\s+){1,3}(?=\d)")
_HALF = r"(?:\s+and\s+a\s+half)?"  # "5 and a half kilos", "four and a half"
_QTY_NUM = (
    rf"(?:(?:{_COMPOUND})?{_DIGITS}{_MULT_RX}{_HALF}(?:\s*(?:-|to|and)\s*{_DIGITS}{_MULT_RX})?\s*-?\s*"
    rf"(?:(?:gross|net)\s+)?{_UNIT_RX}"
    rf"|{_WORDS_RX}{_MULT_RX}{_HALF}(?:\s+(?:to|and)\s+{_NUM}{_MULT_RX})?\s+{_LONG_UNIT_RX}"
    r"|(?:an?\s+)?half-(?:kilo(?:gram)?s?|pounds?|grams?|ounces?|ton(?:ne)?s?))"
)
# the same amount converted in brackets belongs to it ("45.2 kilograms (99.6 pounds)",
# "0.2 kg (646 tablets)"): 13 of 14 such amounts in the training four fifths of the seizure-news set
# "0.208kg (646) tablets": the count in brackets, its unit after them (4 of 4 in the training folds);
# "two metric tons (MT)": the unit's abbreviation
_CONVERTED = (rf"(?:\s*\(\s*(?:(?:about|approximately|approx\.|some|around|nearly)\s+)?{_DIGITS}{_MULT_RX}\s*"
              rf"(?:(?:US|U\.S\.|short|metric)\s+)?{_UNIT_RX}\s*\)"
              r"|\s*\(\s*\d[\d,.]*\s*\)\s*(?:tablets?|pills?|capsules?|tabs)\b|\s*\((?:MT|mt|kg|KG|Kg)\))?")
_QTY = re.compile(
    rf"\b{_MOD}{_QTY_NUM}\b(?:\s+(?:of\s+|and\s+)?{_DIGITS}\s*{_UNIT_RX}\b)?{_CONVERTED}",
    re.I,
)
# packages counted with a size or material word between ("14 small bags", "59 plastic packets"), and
# containers that count an amount only when a drug follows ("12 cases of methamphetamine", "2,000
# wrappers of cocaine", "23 pots with marijuana", "6 wheels of heroin"): kept only before "of" /
# "with" / "containing" and a drug mention (see find_quantities)
_COUNT_ADJ = (r"(?:small|smaller|large|big|tiny|plastic|ziplock|zip-lock|zip|sealed|individually-wrapped|sagging|"
              r"white|black|brown|transparent|clear)")
_WEAK_COUNT = (r"(?:cans?|wrappers?|packs?|containers?|baggies|baggie|shares?|sections?|wheels?|pots?|sets?|"
               r"cases?|cartridges?|grains?|rolls?|jars?|tins?|canisters?|balls?|capsules?|sachet|pouch|carton|box|ampoule)")
_COUNTED = re.compile(
    rf"\b{_MOD}(?:(?:{_COMPOUND})?{_DIGITS}|{_WORDS_RX}){_MULT_RX}\s+(?:{_COUNT_ADJ}\s+){{0,2}}"
    rf"(?:{_COUNT_UNITS}|{_WEAK_COUNT})\b",
    re.I,
)
_BEFORE_DRUG = 240  # characters before a drug mention where a counted or vague amount can start
# Where a match of _QTY or _COUNTED can start: a digit, or a word of _MOD or _NUM (every word their
# alternatives spell, read from the patterns themselves, so a word added there is a start too; a few,
# like "than" or "of", can start no match and only cost a try). Scanning for these and trying the long
# patterns there only finds the same matches as ``finditer`` at half the cost (tests/test_nlp.py
# checks both agree).
_START_WORDS = tuple(sorted(set(re.findall(r"[a-z]+", re.sub(r"\\.", " ", _MOD + _WORDS_RX)))))
_STARTS = re.compile(r"(?<![^\W_])(?:\d|(?:" + "|".join(sorted(_START_WORDS, key=len, reverse=True))
                     + r")(?![^\W\d_]))", re.I)


def _matches_at_starts(rx: re.Pattern, text: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match]:
    """``rx.finditer(text, lo, hi)`` for a pattern whose matches begin where ``_STARTS`` matches."""
    hi = len(text) if hi is None else hi
    pos = lo
    for c in _STARTS.finditer(text, lo, hi):
        p = c.start()
        if p < pos:
            continue
        m = rx.match(text, p, hi)
        if m:
            yield m
            pos = m.end()
_A_COUNTED = re.compile(r"^(?:an?|one)\s+\S+$", re.I)  # "a bag", not "a large bag"
_DRUG_AFTER = re.compile(r"^\s+(?:of|with|containing)\s+(?:\S+\s+){0,2}$", re.I)
# "the 700 block of Hammond Branch Road": an address, not an amount
_ADDRESS_BLOCK = re.compile(r"^\s+of\s+[A-Z0-9]")
# a container counted with "a" is not an amount ("a bag", "a parcel"); "a kilo", "a ton" are
_A_CONTAINER = re.compile(rf"^(?:an?|one)\s+(?:{_COUNT_UNITS})$", re.I)
# a bare plural mass unit before "of": "tons of cocaine"
_BARE_UNIT = re.compile(r"\b(?:tons|tonnes|kilos|kilograms|kilogrammes)(?=\s+of\b)", re.I)
# a bare "a quantity of heroin" carries no amount and is not tagged; "large quantities" is
_VAGUE = re.compile(r"\b(?:an?\s+)?(?:large|small|huge|big|massive|significant|substantial|considerable|unspecified|"
                    r"industrial|commercial|misdemeanor|multi-ton|multi-kilo(?:gram)?|some|other)"
                    r"\s+(?:quantit(?:y|ies)|amounts?)\b", re.I)
# "1136x Xanax Tablets": a count written with a multiplication sign, as the Anti-Narcotics
# Force's press releases do (the drug-seizure news set marks "1136x" as the amount)
_BARE_NUM = re.compile(rf"\b(?:{_COMPOUND})?{_NUM}{_MULT_RX}(?:(?<=\d)[x×])?$", re.I)
# a count whose unit a list leaves out, before "of" and a drug: "six of cocaine"
_ELIDED = re.compile(r"(?:^|(?<=[\s,;(]))(?<![\d,.])"
                     r"(\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+of\s+$", re.I)
# Pounds that are money, not weight: "a sum of money 120 pounds", "a fine of 100,000 pounds",
# "worth about 15 million pounds", "785 pounds, 2,600 dollars"
_MONEY_BEFORE = re.compile(r"\b(?:money|sum|fine|fined|worth|valued|value|cash|amounted\s+to|price|cost|costs|"
                           r"paid|bail|salary|bribe|euros?|dollars?)\b[^.;]{0,25}$", re.I)
_MONEY_AFTER = re.compile(r"^\s*(?:,|and)\s*[\d,.]+\s*(?:dollars|euros|rupees|riyals|dirhams|pounds)\b", re.I)
# a year or a sum of money is not the lower bound of a range: "during 2019 and 426.7 metric tons"
_NOT_RANGE_START = re.compile(r"^(?:((?:19|20)\d\d)\s+and\s+|[\d,.]+\s+(?:and|to)\s+)")
_POUNDS = re.compile(r"(?:pounds?|£)$", re.I)


def _num_value(text: str) -> float | None:
    t = text.lower().strip()
    t = re.sub(r"\(\d+\)", "", t).strip()
    mult = 1.0
    m = re.search(r"\s*(thousand|million|billion|lakhs?|crores?|hundred|mn|bn|k|m)$", t)
    if m and not re.fullmatch(r"\d+(?:\.\d+)?m", t) or m and t.endswith(" m"):
        mult = _MULT[m.group(1).rstrip("s") if m.group(1).rstrip("s") in _MULT else m.group(1)]
        t = t[: m.start()].strip()
    t = re.sub(r"\s+", " ", t)
    if re.fullmatch(r"[\d,\u202f .]+", t):
        digits = re.sub(r"[,\u202f ]", "", t)
        try:
            return float(digits) * mult
        except ValueError:
            return None
    if t in _WORDNUM:
        v = _WORDNUM[t]
        return None if v is None else v * mult
    return None


_COMPOUND_RX = re.compile(rf"(?:{_COMPOUND})\d{{1,3}}(?![\d,.])", re.I)
_SCALE = {"thousand": 10**3, "million": 10**6, "billion": 10**9}


def _collapse_compound(m: re.Match) -> str:
    """"113 million 753 thousand 543" -> "113753543"."""
    words = m.group(0).lower().split()
    total, i = 0, 0
    while i + 1 < len(words) and words[i + 1] in _SCALE:
        n = int(words[i]) if words[i].isdigit() else int(_WORDNUM.get(words[i]) or 0)
        total += n * _SCALE[words[i + 1]]
        i += 2
    return str(total + int(words[-1]))


# an amount's number and unit, and a second amount of a smaller unit ("2 kg 143 g"); a range. Compiled
# once: the patterns are long, and ``re``'s cache of 512 patterns does not keep them for long.
_AMOUNT = re.compile(rf"({_NUM}{_MULT_RX})\s*-?\s*(?:({_UNIT_RX})\b)?(?:\s+({_NUM})\s*({_UNIT_RX})\b)?", re.I)
_RANGE = re.compile(rf"({_NUM}{_MULT_RX})\s*(?:-|to|and)\s*({_NUM}{_MULT_RX})\s*({_UNIT_RX})\b", re.I)


def parse_quantity(text: str) -> tuple[float | None, str | None]:
    """("1.2 tons") -> (1200.0, "kg"); ("3 million") -> (3000000.0, None); vague -> (None, None)."""
    t = re.sub(r"^(?:approximately|approx\.|about|around|nearly|almost|over|more than|less than|at least|up to|"
               r"roughly|some|an estimated|just over|just under|close to|in excess of)\s+", "", text.strip(),
               flags=re.I)
    t = re.sub(r"\s+or more$", "", t, flags=re.I)
    t = _COMPOUND_RX.sub(_collapse_compound, t)  # "two thousand 960 kilograms" -> "2960 kilograms"
    t = re.sub(r"^(?:an?\s+)?half-", "half a ", t, flags=re.I)  # "a half-kilo"
    half = re.match(r"^(\d+)\s+and\s+a\s+half\b", t, re.I)  # "5 and a half kilos"
    if half:
        t = f"{int(half.group(1)) + 0.5}{t[half.end():]}"
    t = re.sub(r"(?<=\d)[x×]$", "", t)  # "1136x" (tablets)
    t = re.sub(r"(?<![\d,.])(\d+),(\d{1,2})(?![\d,])", r"\1.\2", t)  # a decimal comma: "1,4 tone"
    t = re.sub(r"(?<=\d)\s+(?:gross|net)\s+", " ", t, flags=re.I)  # "74.3 gross grams"
    m = _AMOUNT.match(t)
    # a range "two to eight grams": take the lower bound
    rng = _RANGE.match(t)
    if rng:
        num, unit = rng.group(1), rng.group(3)
    elif m:
        num, unit = m.group(1), m.group(2)
    else:
        return None, None
    value = _num_value(num)
    if unit is None:
        return value, None
    u = unit.lower()
    u = re.sub(r"\s+", " ", u)
    if u in _UNITS:
        norm, factor = _UNITS[u]
        if value is not None:
            value = value * factor
            if m and m.group(3) and m.group(4) and m.group(4).lower() in _UNITS:  # "2 kg 143 g"
                extra = _num_value(m.group(3))
                n2, f2 = _UNITS[m.group(4).lower()]
                if extra is not None and n2 == norm:
                    value += extra * f2
            value = round(value, 6)
        return value, norm
    return value, u if u.endswith("s") else u + "s"


def find_quantities(doc: Doc, ents: Sequence[Span] | None = None) -> list[Span]:
    """Quantity spans in a doc whose drug entities are already set (``ents``: ``doc.ents``, when
    the caller has read them)."""
    text = doc_text(doc)
    spans = []
    entities: Sequence[Span] = doc.ents if ents is None else ents
    drug_starts = sorted(e.start_char for e in entities if e.label_ == "DRUG")

    def drug_follows(end: int) -> bool:
        """A drug mention begins just after ``end``, behind "of" / "with" ("12 cases of meth")."""
        return any(0 < d - end <= 40 and _DRUG_AFTER.match(text[end:d]) for d in drug_starts)

    # counted containers and vague amounts count only before a drug: they are searched only in
    # the stretch of text before each drug mention (the same matches, at a third of the cost)
    windows: list[list[int]] = []
    for d in drug_starts:
        lo = max(0, d - _BEFORE_DRUG)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = d
        else:
            windows.append([lo, d])

    def matches(rx):
        if rx is _COUNTED:
            for lo, hi in windows:
                yield from _matches_at_starts(rx, text, lo, hi)
        elif rx is _VAGUE:
            for lo, hi in windows:
                yield from rx.finditer(text, lo, hi)
        elif rx is _QTY:
            yield from _matches_at_starts(rx, text)
        else:
            yield from rx.finditer(text)

    for rx in (_QTY, _VAGUE, _BARE_UNIT, _COUNTED):
        for m in matches(rx):
            if rx is _COUNTED:
                if not drug_follows(m.end()):
                    continue  # "51 cases", "4 boxes of hairpins"
                if re.match(r"(?:an?|one)\s", m.group(0), re.I) and not (_A_COUNTED.match(m.group(0)) and any(
                        re.fullmatch(r"\s+of\s+", text[m.end():d]) for d in drug_starts)):
                    continue  # "a bag of 2CB", "one sachet of crystal meth" stay; "a packet with the drug" not
            elif _A_CONTAINER.match(m.group(0)):
                continue
            if rx is _VAGUE and not drug_follows(m.end()):
                continue  # "a large amount of cash", "a large quantity of narcotic substances"
            if re.search(r"\bblocks?$", m.group(0), re.I) and (
                    _ADDRESS_BLOCK.match(text[m.end(): m.end() + 8])
                    or re.search(r"\bthe\s+$", text[max(0, m.start() - 5): m.start()], re.I)):
                continue  # "the 700 block of Hammond Branch Road"
            before = text[max(0, m.start() - 12): m.start()]
            if rx is _BARE_UNIT and (re.search(r"\d\s*$|\b(?:a|of|metric)\s+$", before, re.I)
                                     or m.group(0).islower() and not before.strip()
                                     or re.match(r"\s+of\s+\d", text[m.end(): m.end() + 8])):
                continue  # "2 tons of", "kilos of 816 grams" (a text opening on a unit lost its number)
            if rx is _QTY and _POUNDS.search(m.group(0)) and (
                    _MONEY_BEFORE.search(text[max(0, m.start() - 40): m.start()])
                    or _MONEY_AFTER.match(text[m.end(): m.end() + 30])):
                continue  # an amount of money in (Egyptian, British) pounds
            start = m.start()
            lead = _NOT_RANGE_START.match(m.group(0)) if rx is _QTY else None
            if lead and (lead.group(1) or text[max(0, start - 2): start].strip().endswith("$")):
                start += lead.end()  # "during 2019 and 426.7 metric tons", "$800 to $1000 and 1kg"
            mod = _MOD_START.match(text, start) if rx in (_QTY, _COUNTED) else None
            if mod and mod.end() > start and _SENT_START.search(text[max(0, start - 4): start]):
                start = mod.end()  # "About 2 kilos ..." opening a sentence: the amount alone
            end = m.end()
            if rx is _QTY and m.group(0).endswith(")") and "(" in m.group(0):
                # without its conversion too, in case a mention inside the brackets keeps its place
                short = doc.char_span(start, m.start() + m.group(0).rindex("("), label="QUANTITY",
                                      alignment_mode="contract")
                if short is not None and len(short):
                    spans.append(short)
            span = doc.char_span(start, end, label="QUANTITY", alignment_mode="expand")
            if span is not None:
                spans.append(span)
    # a bare number directly before a drug: "3 million captagon pills", "13500 Xanax Tabs"
    for ent in entities:
        if ent.label_ != "DRUG" or ent.start == 0:
            continue
        elided = _ELIDED.search(text, max(0, ent.start_char - 30), ent.start_char)
        if elided and not re.fullmatch(r"(?:19|20)\d\d", elided.group(1)):
            # the unit of a list left out: "one sachet of crystal meth, six of cocaine and four of ecstasy"
            span = doc.char_span(elided.start(1), elided.end(1), label="QUANTITY", alignment_mode="expand")
            if span is not None:
                spans.append(span)
            continue
        base = max(0, ent.start_char - 40)
        head = text[base: ent.start_char].rstrip()
        num = _BARE_NUM.search(head)
        if num and "\n" in text[base + num.end(): ent.start_char]:
            continue  # a line's last number is no count of a drug on the next line ("Sofia, 11 June 2020\n\nHeroin")
        if num and ent.start_char - len(head) + num.start() >= 0:
            start = base + num.start()
            word = num.group(0).strip().lower()
            numeric = any(ch.isdigit() for ch in word) or word in _WORDNUM or any(k in word for k in _MULT)
            if word in ("a", "an", "several") or not numeric:
                continue
            span = doc.char_span(start, base + num.end(), label="QUANTITY", alignment_mode="expand")
            if span is not None:
                spans.append(span)
    return spans


def link_drug(start: int, end: int, drugs: list, after_chars: int = 40, before_chars: int = 60):
    """The drug an amount at ``start:end`` measures, among the sentence's drug mentions (objects
    with ``start``/``end``, in text order): the first within ``after_chars`` after it ("5 kg of
    heroin"), else the last within ``before_chars`` before it ("heroin weighing 5 kg"), else None.
    A mention's whole phrase counts where it has one (:attr:`Mention.extent`: "5 kg of [liquid
    cocaine]", "[captagon pills] weighing 5 kg")."""
    def edges(d) -> tuple[int, int]:
        return getattr(d, "extent", (d.start, d.end))

    after = [d for d in drugs if edges(d)[0] >= end and edges(d)[0] - end <= after_chars]
    if after:
        return after[0]
    before = [d for d in drugs if edges(d)[1] <= start and start - edges(d)[1] <= before_chars]
    return before[-1] if before else None


@Language.component("docmine_quantities")
def quantities_component(doc: Doc) -> Doc:
    ents = doc.ents  # built anew on every read: read once
    found = find_quantities(doc, ents)
    # a name the model read inside an amount is a unit misread ("4.7 [gm]" an ORG, "[60 Kilograms]"
    # a PERSON): the amount wins; a drug or a place keeps its tokens, but for the "US" of "25 US tons"
    inside = {e for e in ents if any(q.start <= e.start and e.end <= q.end for q in found)
              and (e.label_ not in ("DRUG", "PLACE", "GPE", "LOC", "FAC")
                   or e.text in ("US", "U.S.") and e.end < len(doc) and doc[e.end].lower_ in _UNITS)}
    existing = [e for e in ents if e not in inside]
    taken = {i for e in existing for i in range(e.start, e.end)}
    new = [s for s in found if not taken.intersection(range(s.start, s.end))]
    doc.ents = filter_spans(existing + filter_spans(new))
    return doc
