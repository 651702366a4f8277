#!/usr/bin/env python3
"""Generate docmine's bundled sample corpus (``corpus/``) and its theme key
(``benchmarks/corpus_themes.csv``).

The corpus is a set of invented, realistic-looking documents about drug
trafficking, drug markets and drug policy: research briefs (PDF), saved web
pages of press releases (HTML), briefing notes and meeting minutes (DOCX) and
plain-text press releases (TXT).  Every document belongs to exactly one of six
themes::

    heroin_balkan  cocaine_ports  synthetics  precursors
    money_laundering  treatment_prevention

The themes deliberately share entities (UNODC, Europol, Türkiye, Iran,
cocaine, heroin, ...) so that topic clustering is not trivial.  All people,
quotes, seizures, figures, e-mail addresses and telephone numbers are
fictitious; organisations, places and report series are real names used for
realism only.  No text is copied from real documents.

Test fixtures built into the corpus
-----------------------------------
* Encodings: TXT files in UTF-8, UTF-8 with BOM, UTF-16 (little-endian, with
  BOM) and Windows-1252 (with CRLF line endings); two HTML pages are
  Windows-1252 with a matching ``<meta charset>`` / ``http-equiv`` declaration.
* PDFs: one- and two-column layouts, 2-5 pages, a running header and a page
  number footer on every page, tables, metadata (title, author, subject,
  keywords, creation date).
* Near-duplicates: ``corpus/web/2023-03-08-guardia-civil-algeciras-bananas.html``
  and ``corpus/web/mirror/2023-03-09-maritime-security-watch-algeciras.html``
  carry the same press release with different page chrome and exactly one
  sentence changed.  No two files are byte-identical.
* Lexicon disambiguation: "coke" as a fuel (metallurgical coke), "ice" as
  frozen water and "speed" as velocity appear in
  ``corpus/press/2024-01-18-hamburg-coke-shipment.txt`` and
  ``corpus/web/2025-01-09-winter-outreach-mobile-teams.html``, while other
  documents use "ice" and "speed" as drug names.
* Aliases: Türkiye/Turkey (documents before mid-2022 tend to say "Turkey"),
  "the Islamic Republic of Iran"/Iran/"Iran (Islamic Republic of)",
  Côte d'Ivoire with straight and curly apostrophes, EMCDDA/EUDA, acronyms
  introduced in parentheses, people introduced with title and role and later
  referred to by title + surname.

Determinism
-----------
A fixed seed drives all random choices, documents are produced in a fixed
order, PDF and DOCX metadata dates are fixed (DOCX zip entry timestamps are
normalised too), so two runs give byte-identical files for a given version of
fpdf2 / python-docx.  ``--verify`` regenerates into a temporary directory and
compares the bytes.

Fonts
-----
PDFs use DejaVu Sans / DejaVu Serif TTF files so that "Türkiye",
"Côte d’Ivoire", curly quotes and dashes render correctly.  The fonts are
taken from matplotlib (``matplotlib/mpl-data/fonts/ttf/``, located without
importing matplotlib, so a plain ``pip install matplotlib`` is enough), then
from ``/usr/share/fonts/truetype/dejavu/``.  If neither is found, PDFs fall
back to the core Helvetica/Times fonts and their text is transliterated to
Latin-1 (PDFs only; all other formats keep full Unicode).  The font that was
used is printed at the end of a run.

Requirements: Python >= 3.11, fpdf2 (``import fpdf``), python-docx
(``import docx``); matplotlib is recommended for the fonts.  ``--check`` also
uses pdfplumber (or pypdfium2) to re-read the PDFs.

Usage::

    python scripts/make_corpus.py            # (re)write corpus/ and benchmarks/corpus_themes.csv
    python scripts/make_corpus.py --check    # ... then re-open every file and print a summary
    python scripts/make_corpus.py --verify   # ... and prove a second run is byte-identical
    python scripts/make_corpus.py --out DIR  # write into DIR/corpus and DIR/benchmarks instead
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import html
import importlib.util
import io
import re
import shutil
import sys
import tempfile
import textwrap
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

SEED = 20240626
REPO_ROOT = Path(__file__).resolve().parents[1]
THEMES = (
    "heroin_balkan",
    "cocaine_ports",
    "synthetics",
    "precursors",
    "money_laundering",
    "treatment_prevention",
)
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FIXED_ZIP_TIME = (2020, 1, 1, 0, 0, 0)

# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def long_date(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def us_date(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def fmt_int(n: int) -> str:
    return f"{n:,}"


def word_count(text: str) -> int:
    return len(text.split())


def latest_annual(d: dt.date, month: int = 6, day: int = 26) -> int:
    """Year of the latest edition of an annual report published each year on month/day."""
    return d.year if (d.month, d.day) >= (month, day) else d.year - 1


CP1252_TRANSLIT = {
    "ı": "i", "İ": "I", "ş": "s", "Ş": "S", "ğ": "g", "Ğ": "G", "č": "c", "Č": "C",
    "ć": "c", "Ć": "C", "đ": "d", "Đ": "D", "ř": "r", "ț": "t", "ș": "s", "ā": "a",
    "−": "-", "→": "->", "≥": ">=", "≤": "<=", "\u202f": " ", "\u2009": " ",
}
LATIN1_EXTRA = {
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...",
    "•": "-", "€": "EUR ", "Š": "S", "š": "s", "Ž": "Z", "ž": "z", "œ": "oe", "Œ": "OE",
    "™": "(TM)", "‰": " per mille",
}


def translit(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in text)


def to_cp1252_text(text: str) -> str:
    """Make text encodable in Windows-1252 (which has “ ” ’ – € é but not ı ş ğ č)."""
    out = translit(text, CP1252_TRANSLIT)
    out.encode("cp1252")  # raise early if something slipped through
    return out


def to_latin1_text(text: str) -> str:
    out = translit(translit(text, CP1252_TRANSLIT), LATIN1_EXTRA)
    return out.encode("latin-1", "replace").decode("latin-1")


def straighten(text: str) -> str:
    return (
        text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    )


# --------------------------------------------------------------------------
# Entities
# --------------------------------------------------------------------------

# key -> (first mention, [later mentions])
ORGS: dict[str, tuple[str, list[str]]] = {
    "UNODC": ("the United Nations Office on Drugs and Crime (UNODC)", ["UNODC"]),
    "EUROPOL": ("the European Union Agency for Law Enforcement Cooperation (Europol)", ["Europol"]),
    "INTERPOL": ("the International Criminal Police Organization (INTERPOL)", ["INTERPOL"]),
    "EMCDDA": ("the European Monitoring Centre for Drugs and Drug Addiction (EMCDDA)", ["the EMCDDA"]),
    "EUDA": ("the European Union Drugs Agency (EUDA), formerly the EMCDDA,", ["the EUDA"]),
    "WCO": ("the World Customs Organization (WCO)", ["the WCO"]),
    "DEA": ("the United States Drug Enforcement Administration (DEA)", ["the DEA"]),
    "SELEC": ("the Southeast European Law Enforcement Center (SELEC)", ["SELEC"]),
    "CARICC": (
        "the Central Asian Regional Information and Coordination Centre for combating illicit "
        "trafficking of narcotic drugs, psychotropic substances and their precursors (CARICC)",
        ["CARICC"],
    ),
    "INCB": ("the International Narcotics Control Board (INCB)", ["INCB", "the Board"]),
    "FATF": ("the Financial Action Task Force (FATF)", ["the FATF", "FATF"]),
    "WHO": ("the World Health Organization (WHO)", ["WHO"]),
    "UNAIDS": ("the Joint United Nations Programme on HIV/AIDS (UNAIDS)", ["UNAIDS"]),
    "CND": ("the Commission on Narcotic Drugs (CND)", ["the Commission", "the CND"]),
    "EU": ("the European Union (EU)", ["the EU"]),
    "TNP": ("the Turkish National Police (TNP)", ["the TNP", "the Turkish police"]),
    "JANDARMA": ("the Turkish Gendarmerie General Command", ["the Gendarmerie"]),
    "TRCUS": ("the Customs Enforcement Directorate of the Turkish Ministry of Trade", ["Turkish Customs Enforcement", "Turkish customs"]),
    "BGCUS": ("the Bulgarian Customs Agency", ["the Customs Agency", "Bulgarian customs"]),
    "BGBP": ("the Bulgarian Border Police", ["the Border Police"]),
    "HELPOL": ("the Hellenic Police", ["the Hellenic Police", "Greek police"]),
    "HELCUS": ("the Hellenic Customs Service", ["Greek customs"]),
    "RSCUS": ("the Customs Administration of Serbia", ["Serbian customs"]),
    "IRANP": ("the Anti-Narcotics Police of the Islamic Republic of Iran", ["the Iranian Anti-Narcotics Police"]),
    "DCHQ": ("the Drug Control Headquarters (DCHQ) of the Islamic Republic of Iran", ["the DCHQ"]),
    "GC": ("the Guardia Civil", ["the Guardia Civil"]),
    "PN": ("the Spanish National Police (Policía Nacional)", ["the National Police"]),
    "NLCUS": ("Dutch Customs (Douane)", ["Dutch Customs", "customs"]),
    "HARC": ("the Hit and Run Cargo team (HARC)", ["the HARC team"]),
    "NLPOL": ("the Dutch National Police", ["the Dutch police"]),
    "BEFP": ("the Belgian Federal Police", ["the Federal Police"]),
    "BECUS": ("the Belgian Customs and Excise Administration", ["Belgian customs"]),
    "ZFA": ("the Hamburg Customs Investigation Office (Zollfahndungsamt Hamburg)", ["the Customs Investigation Office", "customs investigators"]),
    "MAOC": ("the Maritime Analysis and Operations Centre – Narcotics (MAOC-N)", ["MAOC-N"]),
    "CCP": ("the UNODC-WCO Container Control Programme (CCP)", ["the CCP", "the Container Control Programme"]),
    "AIRCOP": ("the Airport Communication Project (AIRCOP)", ["AIRCOP"]),
    "ECPOL": ("the National Police of Ecuador", ["the Ecuadorian police"]),
    "PF": ("the Brazilian Federal Police (Polícia Federal)", ["the Federal Police"]),
    "JAF": ("the Jordan Armed Forces", ["the Jordanian army", "the Jordan Armed Forces"]),
    "ZATCA": ("the Saudi Zakat, Tax and Customs Authority (ZATCA)", ["ZATCA"]),
    "GDNC": ("the Saudi General Directorate of Narcotics Control (GDNC)", ["the GDNC"]),
    "SMART": ("the UNODC Global Synthetics Monitoring: Analyses, Reporting and Trends (SMART) Programme", ["the Global SMART Programme"]),
    "CMF": ("the Combined Maritime Forces (CMF)", ["the CMF"]),
    "EMPACT": ("the European Multidisciplinary Platform Against Criminal Threats (EMPACT)", ["EMPACT"]),
    "ESOCC": ("Europol’s European Serious and Organised Crime Centre (ESOCC)", ["the ESOCC"]),
    "EFECC": ("Europol’s European Financial and Economic Crime Centre (EFECC)", ["the EFECC"]),
    "EGMONT": ("the Egmont Group of Financial Intelligence Units", ["the Egmont Group"]),
    "MASAK": ("the Financial Crimes Investigation Board (MASAK)", ["MASAK"]),
    "TRACFIN": ("the French financial intelligence unit TRACFIN", ["TRACFIN"]),
    "CARIN": ("the Camden Asset Recovery Inter-Agency Network (CARIN)", ["CARIN"]),
    "MONEYVAL": (
        "the Council of Europe’s Committee of Experts on the Evaluation of Anti-Money "
        "Laundering Measures and the Financing of Terrorism (MONEYVAL)",
        ["MONEYVAL"],
    ),
    "GPML": ("the UNODC Global Programme against Money Laundering (GPML)", ["the GPML"]),
    "AMATEM": ("the Alcohol and Substance Addiction Research, Treatment and Training Centre (AMATEM)", ["AMATEM"]),
    "YESILAY": ("the Turkish Green Crescent Society (Yeşilay)", ["the Green Crescent", "Yeşilay"]),
    "GLOBALFUND": ("the Global Fund to Fight AIDS, Tuberculosis and Malaria", ["the Global Fund"]),
    "EUMLEX": ("the European Public Prosecutor’s Office (EPPO)", ["the EPPO"]),
    "EUROJUST": ("the European Union Agency for Criminal Justice Cooperation (Eurojust)", ["Eurojust"]),
}

# key -> style -> (first mention, [later mentions])
PLACES: dict[str, dict[str, tuple[str, list[str]]]] = {
    "TR": {
        "new": ("Türkiye", ["Türkiye"]),
        "formal": ("the Republic of Türkiye", ["Türkiye"]),
        "old": ("Turkey", ["Turkey"]),
        "news": ("Türkiye (formerly Turkey)", ["Türkiye", "Turkey"]),
    },
    "IR": {
        "formal": ("the Islamic Republic of Iran", ["Iran"]),
        "short": ("Iran", ["Iran"]),
    },
    "CI": {"curly": ("Côte d’Ivoire", ["Côte d’Ivoire"]), "straight": ("Côte d'Ivoire", ["Côte d'Ivoire"])},
    "SY": {"formal": ("the Syrian Arab Republic", ["Syria"]), "short": ("Syria", ["Syria"])},
    "LA": {"formal": ("the Lao People’s Democratic Republic", ["Lao PDR", "Laos"]), "short": ("Laos", ["Laos"])},
    "NL": {"std": ("the Netherlands", ["the Netherlands"])},
    "US": {"std": ("the United States", ["the United States", "the US"])},
    "AF": {"std": ("Afghanistan", ["Afghanistan"])},
    "MM": {"std": ("Myanmar", ["Myanmar"])},
}


@dataclass(frozen=True)
class Person:
    title: str
    first: str
    last: str
    role: str  # template, may contain {o:...}/{g:...}
    gender: str  # "f" / "m"

    @property
    def full(self) -> str:
        return f"{self.title} {self.first} {self.last}"

    @property
    def short(self) -> str:
        return f"{self.title} {self.last}"


def P(title: str, first: str, last: str, role: str, gender: str) -> Person:
    return Person(title, first, last, role, gender)


PEOPLE: dict[str, Person] = {
    # heroin / Balkan route
    "petrova": P("Ms.", "Elena", "Petrova", "Head of the Anti-Drug Trafficking Task Force at {o:SELEC}", "f"),
    "aydin": P("Mr.", "Murat", "Aydın", "Head of the Counter-Narcotics Department of {o:TNP}", "m"),
    "georgiev": P("Mr.", "Stoyan", "Georgiev", "Director of the Customs Intelligence and Investigation Directorate at {o:BGCUS}", "m"),
    "rahimi": P("Dr.", "Farhad", "Rahimi", "Programme Officer at the country office of {o:UNODC} in {g:IR}", "m"),
    "kovac": P("Ms.", "Ana", "Kovač", "Senior Specialist at {o:ESOCC}", "f"),
    "papadakis": P("Lt. Col.", "Nikos", "Papadakis", "Head of the Drug Enforcement Division of {o:HELPOL}", "m"),
    "demir": P("Ms.", "Zeynep", "Demir", "Regional Director of Customs Enforcement in Edirne", "f"),
    # UNODC / shared
    "lindqvist": P("Dr.", "Karin", "Lindqvist", "Chief of the Research and Trend Analysis Branch at {o:UNODC}", "f"),
    "mensah": P("Mr.", "Kwame", "Mensah", "Coordinator of the Regional Programme for South-Eastern Europe at {o:UNODC}", "m"),
    "santos": P("Ms.", "Laura", "Santos", "Senior Programme Officer of {o:CCP}", "f"),
    # cocaine / ports
    "vermeulen": P("Mr.", "Pieter", "Vermeulen", "spokesperson for {o:NLCUS} in Rotterdam", "m"),
    "claes": P("Ms.", "Sofie", "Claes", "Director of Investigations at {o:BEFP} in Antwerp", "f"),
    "ortega": P("Colonel", "Javier", "Ortega", "head of the anti-drug unit of {o:GC} in the Campo de Gibraltar", "m"),
    "hartmann": P("Mr.", "Jens", "Hartmann", "Head of {o:ZFA}", "m"),
    "mendoza": P("Ms.", "Gabriela", "Mendoza", "Coordinator of the Port Control Unit in Guayaquil", "f"),
    "ribeiro": P("Mr.", "José", "Ribeiro", "Superintendent of {o:PF} in Santos", "m"),
    "kone": P("Mr.", "Ibrahim", "Koné", "Head of the Anti-Narcotics Unit of the Ivorian National Police", "m"),
    # synthetics
    "haddad": P("Brigadier General", "Omar", "Haddad", "commander of a border guard sector of {o:JAF}", "m"),
    "alqahtani": P("Mr.", "Faisal", "Al-Qahtani", "spokesperson for {o:ZATCA}", "m"),
    "aung": P("Ms.", "Thida", "Aung", "Regional Analyst at the Regional Office for Southeast Asia and the Pacific of {o:UNODC}", "f"),
    "bakker": P("Mr.", "Erik", "Bakker", "Head of the Synthetic Drugs Unit of {o:NLPOL}", "m"),
    "nasser": P("Dr.", "Rania", "Nasser", "an independent researcher specialising in drug markets in the Middle East", "f"),
    # precursors
    "weber": P("Dr.", "Ingrid", "Weber", "Chief of the Precursor Control Section in the secretariat of {o:INCB}", "f"),
    "chen": P("Mr.", "David", "Chen", "Senior Adviser on industry partnerships at {o:UNODC}", "m"),
    "ramirez": P("Ms.", "Lucía", "Ramírez", "Head of the Chemical Control Unit of the Mexican Attorney General’s Office", "f"),
    "yilmaz": P("Mr.", "Emre", "Yılmaz", "Head of the Precursor Investigations Unit of {o:TNP}", "m"),
    "dekker": P("Ms.", "Marloes", "Dekker", "Team Leader for precursor controls at {o:NLCUS}", "f"),
    # money laundering
    "lefevre": P("Mr.", "Sébastien", "Lefèvre", "Deputy Director of {o:TRACFIN}", "m"),
    "oconnor": P("Ms.", "Siobhán", "O’Connor", "Head of the Financial Intelligence Group at {o:EFECC}", "f"),
    "baran": P("Mr.", "Kemal", "Baran", "Vice-President of {o:MASAK}", "m"),
    "nakamura": P("Dr.", "Hiroshi", "Nakamura", "Senior Virtual Assets Analyst at {o:GPML}", "m"),
    "ivanova": P("Ms.", "Maria", "Ivanova", "Head of the Asset Recovery Office of Bulgaria", "f"),
    "haidari": P("Mr.", "Bilal", "Haidari", "a financial investigator with the country office of {o:UNODC} in Pakistan", "m"),
    # treatment and prevention
    "ferreira": P("Dr.", "Ana", "Ferreira", "Head of the Prevention, Treatment and Rehabilitation Section at {o:UNODC}", "f"),
    "novak": P("Dr.", "Marko", "Novak", "Head of Health and Social Responses at {o:EMCDDA}", "m"),
    "ozturk": P("Dr.", "Ayşe", "Öztürk", "Director of the Ankara clinic of {o:AMATEM}", "f"),
    "hristova": P("Ms.", "Desislava", "Hristova", "Executive Director of the Sofia-based non-governmental organization Initiative for Health", "f"),
    "siddiqi": P("Dr.", "Nadia", "Siddiqi", "Medical Coordinator of a women’s treatment centre in Kabul", "f"),
    "kowalski": P("Mr.", "Tomasz", "Kowalski", "a peer outreach worker and member of a network of people who use drugs", "m"),
    "hughes": P("Dr.", "Rebecca", "Hughes", "Technical Officer for drug use disorders at {o:WHO}", "f"),
}

# --------------------------------------------------------------------------
# Template engine
# --------------------------------------------------------------------------
#   {o:KEY}  organisation (long form with acronym at first mention, short later)
#   {g:KEY}  place (alias style chosen per document)
#   {p:x}    person slot x (a, b, c): "Ms. Elena Petrova, Head of ...," then "Ms. Petrova"
#   {pn:x}   full name without role, {ps:x} title + surname, {pl:x} surname only
#   {he:x} {He:x} {his:x} {His:x} {him:x}  pronouns
#   {name}   document variable (str, list -> random pick each use, callable(rng) -> str)
#   [[a|b|c]] inline alternatives

ALT_RE = re.compile(r"\[\[([^\[\]]*)\]\]")
SLOT_RE = re.compile(r"\{(?:([A-Za-z]+):)?([A-Za-z0-9_]+)\}")
PRONOUNS = {
    "he": {"f": "she", "m": "he"},
    "He": {"f": "She", "m": "He"},
    "his": {"f": "her", "m": "his"},
    "His": {"f": "Her", "m": "His"},
    "him": {"f": "her", "m": "him"},
}


def tidy(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    for _ in range(2):
        text = text.replace(",,", ",").replace(", ,", ",").replace(",.", ".").replace(",:", ":")
        text = text.replace(",;", ";").replace(",)", ")").replace(" ,", ",").replace(" .", ".")
        text = text.replace(", –", " –")
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)
    text = re.sub(r"\b([Tt]he) the\b", r"\1", text)
    text = re.sub(r"\b([Aa]) (Afghan|Albanian|Iranian|Iraqi|Italian|Ivorian|Ecuadorian|Emirati|Indian)\b", r"\1n \2", text)
    # capitalise sentence starts ("the EMCDDA said" at the start of a sentence)
    text = re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    return text.strip()


class Ctx:
    """Per-document rendering context: fixed variables, people, first-mention tracking."""

    def __init__(self, rng: Random, date: dt.date, variables: dict[str, Any],
                 people: dict[str, str], place_styles: dict[str, str]):
        self.rng = rng
        self.date = date
        self.vars = variables
        self.people = people
        self.place_styles = place_styles
        self.seen: set[str] = set()
        self.canonical = False  # inside role descriptions: use the canonical short form of organisations

    # -- entities -----------------------------------------------------------
    def org(self, key: str) -> str:
        if key == "EMCDDA" and self.date >= dt.date(2024, 7, 2):
            key = "EUDA"
        first, later = ORGS[key]
        tag = "o:" + key
        if tag not in self.seen:
            self.seen.add(tag)
            return first
        return later[0] if self.canonical else self.rng.choice(later)

    def place(self, key: str) -> str:
        styles = PLACES[key]
        style = self.place_styles.get(key) or next(iter(styles))
        first, later = styles[style]
        tag = "g:" + key
        if tag not in self.seen:
            self.seen.add(tag)
            return first
        return self.rng.choice(later)

    def person(self, slot: str) -> Person:
        return PEOPLE[self.people[slot]]

    def mention(self, slot: str) -> str:
        person = self.person(slot)
        tag = "p:" + person.last
        if tag not in self.seen:
            self.seen.add(tag)
            return f"{person.full}, {self.role(person)},"
        return person.short

    def role(self, person: Person) -> str:
        self.canonical = True
        try:
            return self.fill(person.role, cap=False)
        finally:
            self.canonical = False

    # -- filling ------------------------------------------------------------
    def var(self, name: str) -> str:
        if name not in self.vars:
            raise KeyError(f"template variable {name!r} is not defined")
        value = self.vars[name]
        if callable(value):
            value = value(self.rng)
        elif isinstance(value, (list, tuple)):
            value = self.rng.choice(value)
        return str(value)

    def _slot(self, m: re.Match[str]) -> str:
        kind, key = m.group(1), m.group(2)
        if kind is None:
            return self.fill(self.var(key), cap=False)
        if kind == "o":
            return self.org(key)
        if kind == "g":
            return self.place(key)
        if kind == "p":
            return self.mention(key)
        person = self.person(key)
        if kind == "pn":
            return person.full
        if kind == "ps":
            self.seen.add("p:" + person.last)
            return person.short
        if kind == "pl":
            return person.last
        if kind == "role":
            return self.role(person)
        if kind in PRONOUNS:
            return PRONOUNS[kind][person.gender]
        raise KeyError(f"unknown slot kind {kind!r}")

    def fill(self, template: str, cap: bool = True) -> str:
        text = ALT_RE.sub(lambda m: self.rng.choice(m.group(1).split("|")), template)
        text = SLOT_RE.sub(self._slot, text)
        return tidy(text) if cap else text


# --------------------------------------------------------------------------
# Content building blocks
# --------------------------------------------------------------------------


@dataclass
class Block:
    """A paragraph made of sentence slots; each slot lists alternative sentences (None = skip)."""

    bid: str
    cat: str
    heads: list[str]
    slots: list[list[str | None]]
    after: dt.date | None = None
    before: dt.date | None = None

    def usable(self, d: dt.date) -> bool:
        return (self.after is None or d >= self.after) and (self.before is None or d < self.before)


def B(bid: str, cat: str, heads: list[str], slots: list[list[str | None]],
      after: str | None = None, before: str | None = None) -> Block:
    return Block(bid, cat, heads, slots,
                 dt.date.fromisoformat(after) if after else None,
                 dt.date.fromisoformat(before) if before else None)


@dataclass
class Theme:
    name: str
    people: list[str]
    fixed: dict[str, list[Any]]
    fresh: dict[str, Any]
    blocks: list[Block]
    quotes: list[str | tuple[str, str]]
    follow: list[str]
    findings: list[str | tuple[str, str]]
    recs: list[str]
    notes: list[str | tuple[str, str]]
    table: Callable[[Random, dt.date, dict[str, Any]], tuple[str, list[str], list[list[str]], str]]
    place_styles: dict[str, list[str]] = field(default_factory=dict)


def _dated(item: str | tuple[str, str], d: dt.date) -> str | None:
    if isinstance(item, tuple):
        text, after = item
        return text if d >= dt.date.fromisoformat(after) else None
    return item


class Usage:
    """Least-used selection so that blocks, sentences and quotes spread across documents."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.count: dict[str, int] = {}

    def pick(self, key: str, options: list[Any]) -> tuple[int, Any]:
        scores = [self.count.get(f"{key}#{i}", 0) for i in range(len(options))]
        best = min(scores)
        idx = self.rng.choice([i for i, s in enumerate(scores) if s == best])
        self.count[f"{key}#{idx}"] = best + 1
        return idx, options[idx]

    def order(self, key: str, items: list[Any], ident: Callable[[Any], str]) -> list[Any]:
        """Return items sorted by how rarely they were used (random tie-break)."""
        decorated = [(self.count.get(f"{key}#{ident(it)}", 0), self.rng.random(), it) for it in items]
        decorated.sort(key=lambda t: (t[0], t[1]))
        return [t[2] for t in decorated]

    def mark(self, key: str, ident: str) -> None:
        self.count[f"{key}#{ident}"] = self.count.get(f"{key}#{ident}", 0) + 1


def render_block(block: Block, ctx: Ctx, usage: Usage) -> str:
    parts: list[str] = []
    for i, alts in enumerate(block.slots):
        _, sentence = usage.pick(f"{block.bid}/{i}", alts)
        if sentence:
            parts.append(ctx.fill(sentence, cap=False))
    return tidy(" ".join(parts))


# ---- number generators (rng -> str) ---------------------------------------


def g_kg(lo: int, hi: int, step: int = 1) -> Callable[[Random], str]:
    def gen(rng: Random) -> str:
        n = rng.randrange(lo, hi, step)
        unit = rng.choice(["kg", "kg", "kilograms", "kilos"])
        return f"{fmt_int(n)} {unit}"
    return gen


def g_tonnes(lo: float, hi: float) -> Callable[[Random], str]:
    def gen(rng: Random) -> str:
        n = round(rng.uniform(lo, hi), 1)
        unit = rng.choice(["tonnes", "tons", "tonnes", "metric tons"])
        return f"{n:g} {unit}"
    return gen


def g_money(lo: float, hi: float) -> Callable[[Random], str]:
    def gen(rng: Random) -> str:
        n = rng.uniform(lo, hi)
        if n < 1:
            amount = f"{fmt_int(int(round(n * 1000, 0)) * 1000)}"
            return rng.choice([f"€{amount}", f"EUR {amount}", f"USD {amount}"])
        amount = f"{n:.1f}"
        return rng.choice([f"€{amount} million", f"EUR {amount} million", f"US${amount} million", f"USD {amount} million"])
    return gen


def g_int(lo: int, hi: int) -> Callable[[Random], str]:
    return lambda rng: fmt_int(rng.randint(lo, hi))


def g_pills(lo: float, hi: float) -> Callable[[Random], str]:
    def gen(rng: Random) -> str:
        n = round(rng.uniform(lo, hi), 1)
        return rng.choice([f"{n:g} million", f"{n:g} million", f"{fmt_int(int(n * 1_000_000))}"])
    return gen


def g_litres(lo: int, hi: int) -> Callable[[Random], str]:
    def gen(rng: Random) -> str:
        n = rng.randrange(lo, hi, 50)
        return f"{fmt_int(n)} {rng.choice(['litres', 'litres', 'liters'])}"
    return gen


# --------------------------------------------------------------------------
# Shared content
# --------------------------------------------------------------------------

SHARED_BLOCKS = [
    B("coop-1", "cooperation", ["International cooperation", "Working across borders"], [
        ["No single country can take on transnational drug trafficking networks alone, and the results of recent years rest on a dense web of bilateral and multilateral partnerships.",
         "Drug trafficking is a transnational business, and the responses that work best are built on trust between agencies in different countries.",
         "Experience shows that the most successful investigations are those in which information moves quickly between agencies in source, transit and destination countries."],
        ["Liaison officers posted at {o:EUROPOL} in The Hague and at the General Secretariat of {o:INTERPOL} in Lyon play a central part in that exchange.",
         "Secure channels such as the I-24/7 network of {o:INTERPOL} and the SIENA system of {o:EUROPOL} allow investigators to share operational information within hours rather than weeks.",
         "Regional platforms, including {o:SELEC} in South-Eastern Europe and {o:CARICC} in Central Asia, complement global channels by bringing investigators from neighbouring countries around the same table."],
        ["{o:UNODC} supports these efforts through training, mentoring and the provision of specialised equipment.",
         "Technical assistance from {o:UNODC} has concentrated on the skills that make cooperation possible in practice: intelligence analysis, financial investigation and the handling of digital evidence.",
         None],
    ]),
    B("coop-2", "cooperation", ["Joint operations", "Partnership in practice"], [
        ["Joint operations have become the standard format for tackling networks that operate across several jurisdictions.",
         "Over the past decade, coordinated action days involving police, customs and prosecutors from many countries have become routine.",
         "Operational cooperation has matured considerably, moving from occasional information requests to jointly planned investigations."],
        ["Joint Investigation Teams, supported financially and logistically by Eurojust and {o:EUROPOL}, let prosecutors in different countries share evidence without lengthy mutual legal assistance procedures.",
         "Coordination meetings held before action days make sure that arrests, searches and asset freezes happen simultaneously, so that suspects cannot warn one another.",
         "Prosecutors are now involved from the outset, which helps to ensure that evidence gathered abroad will stand up in court."],
        ["Partners acknowledge, however, that differences in legislation and data protection rules still slow down some exchanges.",
         "Practitioners nonetheless point to persistent bottlenecks, from translation capacity to the slow execution of letters of request.",
         None],
    ]),
]

METHOD_BLOCKS = [
    B("method-1", "method", ["Methodological note", "Data and methods", "About the data"], [
        ["This brief draws on seizure data reported to {o:UNODC} through the Annual Report Questionnaire, on individual drug seizure reports and on open-source information.",
         "The analysis combines official data collected by national authorities with information from international partners, media reports and interviews with practitioners.",
         "Findings are based on government replies to the Annual Report Questionnaire, complemented by data exchanged through regional law enforcement platforms and by expert consultations."],
        ["Seizures reflect law enforcement priorities and capacity as well as underlying trafficking flows, so year-on-year changes should be interpreted with caution.",
         "Because seizure totals depend on enforcement effort, a rise or fall in a single year does not necessarily indicate a change in the size of the market.",
         "Readers should bear in mind that a handful of very large seizures can dominate national totals in any given year."],
        ["Figures for the most recent year are provisional and may be revised.",
         "Country names and designations follow United Nations practice.",
         "Where sources disagree, the most conservative figure has been retained.",
         None],
    ]),
]

QUOTE_FRAMES = [
    "“{qc}” said {p}.",
    "“{qc}” {p} said.",
    "{p} said: “{q}”",
    "According to {p}, “{qlow}”",
    "“{qc}” {p} told journalists.",
    "Speaking at a press conference, {p} said: “{q}”",
    "{p} underlined the point: “{q}”",
    "“{qc}” said {p} in a statement.",
]

MINUTES_OPENERS = [
    "{p:a} opened the meeting at 09:30, welcomed participants and thanked the host for the arrangements. The agenda was adopted without amendment.",
    "The meeting was opened by {p:a}, who recalled the purpose of the group and introduced the new members. The draft agenda was adopted as circulated.",
    "{p:a} welcomed the participants, both in the room and online, and reviewed the action points from the previous meeting, all but two of which had been completed. The agenda was adopted.",
]
MINUTES_FRAMES = [
    "{p:b} briefed the meeting on recent developments.",
    "The representative of {o:EUROPOL} presented an overview of the latest operational picture.",
    "In the discussion that followed, several delegations shared their national experience.",
    "{p:c} gave a short presentation, the slides of which will be circulated with these minutes.",
    "Participants discussed the item at length.",
    "The secretariat introduced a background paper on this item.",
    "{p:a} invited delegations to comment on the draft conclusions.",
]
MINUTES_REACTIONS = [
    "Several participants stressed the need for more systematic data sharing.",
    "One delegation cautioned against drawing firm conclusions from a single year of data.",
    "It was agreed that the secretariat would prepare a short note on this issue before the next meeting.",
    "Participants welcomed the presentation and asked for the underlying figures to be shared.",
    "The group noted the information and agreed to return to the question at a later stage.",
    "Delegations agreed that the issue should be reflected in the annual work plan.",
    None,
]

ABOUT: dict[str, str] = {
    "UNODC": (
        "About UNODC: The United Nations Office on Drugs and Crime (UNODC) helps Member States "
        "address illicit drugs, organized crime, corruption and terrorism. Working through a network "
        "of field offices, it provides research, legal and technical assistance and supports the "
        "implementation of the international drug control conventions and related treaties."
    ),
    "EUROPOL": (
        "About Europol: Europol is the European Union Agency for Law Enforcement Cooperation. "
        "Headquartered in The Hague, it supports the law enforcement authorities of EU Member States "
        "and partner countries in the fight against serious international crime and terrorism, "
        "offering operational analysis, information exchange and coordination of joint operations."
    ),
    "EMCDDA": (
        "About the EMCDDA: The European Monitoring Centre for Drugs and Drug Addiction, based in Lisbon, "
        "is the reference point for information on drugs in Europe. It collects, analyses and publishes "
        "factual, objective and comparable data on drugs, drug use and their consequences."
    ),
    "EUDA": (
        "About the EUDA: The European Union Drugs Agency (EUDA), which took over from the EMCDDA in July 2024, "
        "provides the EU and its Member States with evidence-based analysis of the drug phenomenon. "
        "It is based in Lisbon and works with a network of national focal points."
    ),
    "SELEC": (
        "About SELEC: The Southeast European Law Enforcement Center, headquartered in Bucharest, "
        "supports the competent authorities of its Member States in preventing and combating serious "
        "cross-border crime through the exchange of information and the coordination of joint operations."
    ),
    "WCO": (
        "About the WCO: The World Customs Organization is the intergovernmental body dedicated to customs "
        "matters. Together with UNODC, it runs the Container Control Programme, which helps countries set up "
        "inter-agency Port Control Units at seaports, airports and land border crossings."
    ),
    "INCB": (
        "About INCB: The International Narcotics Control Board is the independent, quasi-judicial body "
        "that monitors the implementation of the United Nations international drug control conventions, "
        "including the control of precursor chemicals under the 1988 Convention."
    ),
    "WHO": (
        "About WHO: The World Health Organization is the United Nations agency that connects nations, "
        "partners and people to promote health, keep the world safe and serve the vulnerable."
    ),
    "GC": (
        "The Guardia Civil is a Spanish law enforcement agency of military nature with national competence, "
        "responsible among other tasks for customs surveillance, border control and coastal security."
    ),
    "BGCUS": (
        "The Bulgarian Customs Agency is a specialised administration of the Ministry of Finance. "
        "Its Customs Intelligence and Investigation Directorate is responsible for countering drug "
        "trafficking and other customs offences at the external border of the European Union."
    ),
    "TNP": (
        "The Counter-Narcotics Department of the Turkish National Police coordinates operations "
        "against drug trafficking networks across the country's 81 provinces and cooperates with "
        "partner services abroad through liaison officers and international platforms."
    ),
    "TRCUS": (
        "Customs Enforcement, part of the Ministry of Trade, protects the country's borders against "
        "the smuggling of drugs, weapons, counterfeit goods and other illicit merchandise."
    ),
    "NLCUS": (
        "Dutch Customs supervises the flow of goods entering and leaving the European Union through the "
        "Netherlands and carries out checks at seaports, airports and on behalf of other government agencies."
    ),
    "ZATCA": (
        "The Zakat, Tax and Customs Authority is responsible for zakat, tax and customs affairs in the "
        "Kingdom and works with security agencies to stop the entry of drugs and prohibited goods."
    ),
    "JAF": (
        "The Jordan Armed Forces – Arab Army guard the Kingdom's borders, including its northern and "
        "eastern frontiers, where they regularly intercept attempts to smuggle drugs and weapons."
    ),
    "FIU": (
        "TRACFIN is the French financial intelligence unit. It receives and analyses suspicious "
        "transaction reports from financial institutions and other obliged entities and disseminates "
        "intelligence to judicial and law enforcement authorities."
    ),
    "MASAK": (
        "MASAK, the Financial Crimes Investigation Board, is the financial intelligence unit of Türkiye "
        "and operates under the Ministry of Treasury and Finance."
    ),
}

CONTACTS: dict[str, list[str]] = {
    "UNODC": ["For further information please contact:", "Ms. Clara Jensen, Spokesperson, UNODC",
              "Telephone: +43 1 555 0142", "Email: press.unodc@example.org"],
    "EUROPOL": ["Media contact:", "Mr. Tom De Wit, Europol Press Office",
                "Telephone: +31 70 555 0199", "Email: press@europol.example.eu"],
    "EMCDDA": ["Contact:", "Ms. Marta Lopes, Head of Communication",
               "Telephone: +351 21 555 0123", "Email: press@emcdda.example.eu"],
    "EUDA": ["Media enquiries:", "Ms. Marta Lopes, Head of Communication, EUDA",
             "Telephone: +351 21 555 0123", "Email: media@euda.example.eu"],
    "SELEC": ["For further information contact:", "SELEC Secretariat, Public Relations Office, Bucharest",
              "Email: info@selec.example.org"],
    "WCO": ["For further information contact:", "WCO Communications Service, Brussels",
            "Email: communication@wco.example.org"],
    "INCB": ["For further information please contact:", "INCB Secretariat, Vienna International Centre",
             "Telephone: +43 1 555 0177", "Email: incb.secretariat@example.org"],
    "WHO": ["Media contacts:", "WHO Media Team", "Email: mediainquiries@who.example.int"],
    "GC": ["Oficina de Relaciones Informativas y Sociales (ORIS)", "Guardia Civil, Madrid",
           "Email: prensa@guardiacivil.example.es"],
    "BGCUS": ["Public Relations Department", "Bulgarian Customs Agency, 47 G. S. Rakovski Street, Sofia",
              "Telephone: +359 2 555 0110", "Email: press@customs.example.bg"],
    "TNP": ["Press and Public Relations Office", "General Directorate of Security, Ankara",
            "Email: basin@egm.example.tr"],
    "TRCUS": ["Press Office, Ministry of Trade", "Söğütözü, Ankara", "Email: press@trade.example.tr"],
    "NLCUS": ["Press office Dutch Customs", "Telephone: +31 88 555 0150", "Email: persvoorlichting@douane.example.nl"],
    "ZATCA": ["Media Centre", "Zakat, Tax and Customs Authority, Riyadh", "Email: media@zatca.example.sa"],
    "JAF": ["Directorate of Moral Guidance", "Jordan Armed Forces – Arab Army, Amman"],
    "FIU": ["Service communication", "TRACFIN, Montreuil", "Email: communication@tracfin.example.fr"],
    "MASAK": ["Press and Public Relations Unit", "MASAK, Ankara", "Email: basin@masak.example.tr"],
    "PF": ["Assessoria de Comunicação Social", "Superintendência Regional da Polícia Federal em São Paulo – Santos office",
           "Email: imprensa.santos@pf.example.br"],
    "ZFA": ["Press contact: Hauptzollamt Hamburg, Press Office", "Telephone: +49 40 555 0163",
            "Email: presse.hamburg@zoll.example.de"],
    "NGO": ["Initiative for Health Foundation", "Sofia, Bulgaria", "Email: info@initiative-health.example.bg"],
    "BEFP": ["Federal Judicial Police – Press Office", "Brussels", "Email: press@police.example.be"],
}


# --------------------------------------------------------------------------
# Theme: heroin_balkan
# --------------------------------------------------------------------------

CROSSINGS = [
    {"bcp": "Kapitan Andreevo", "bcp_border": "Bulgarian–Turkish", "bcp_agency": "{o:BGCUS}", "bcp_country": "Bulgaria"},
    {"bcp": "Kapıkule", "bcp_border": "Turkish–Bulgarian", "bcp_agency": "{o:TRCUS}", "bcp_country": "{g:TR}"},
    {"bcp": "Lesovo", "bcp_border": "Bulgarian–Turkish", "bcp_agency": "{o:BGCUS}", "bcp_country": "Bulgaria"},
    {"bcp": "Kipoi", "bcp_border": "Greek–Turkish", "bcp_agency": "{o:HELCUS}", "bcp_country": "Greece"},
    {"bcp": "Batrovci", "bcp_border": "Serbian–Croatian", "bcp_agency": "{o:RSCUS}", "bcp_country": "Serbia"},
    {"bcp": "Bazargan", "bcp_border": "Iranian–Turkish", "bcp_agency": "{o:IRANP}", "bcp_country": "{g:IR}"},
]


def heroin_table(rng: Random, d: dt.date, opts: dict[str, Any]) -> tuple[str, list[str], list[list[str]], str]:
    y = d.year - 1
    years = [y - 2, y - 1, y]
    tr = "Türkiye" if d >= dt.date(2022, 6, 1) else "Turkey"
    base = [("Iran (Islamic Republic of)", 18000, 26000), (tr, 6000, 22000), ("Bulgaria", 150, 1400),
            ("Greece", 150, 700), ("Serbia", 40, 320), ("North Macedonia", 20, 160), ("Albania", 30, 240),
            ("Bosnia and Herzegovina", 5, 90)]
    rows = [[name] + [fmt_int(rng.randint(lo, hi)) for _ in years] for name, lo, hi in base]
    caption = f"Heroin seizures reported by selected countries along the Balkan route, {years[0]}–{years[-1]} (kg)"
    source = "Source: Annual Report Questionnaire and national official sources; figures for the latest year are provisional."
    return caption, ["Country"] + [str(x) for x in years], rows, source


HEROIN = Theme(
    name="heroin_balkan",
    people=["petrova", "aydin", "georgiev", "rahimi", "kovac", "papadakis", "mensah", "lindqvist"],
    fixed={
        "crossing": CROSSINGS,
        "concealment": ["a consignment of marble tiles", "a load of dried apricots", "boxes of glazed ceramic tiles",
                        "jars of tomato paste", "the chassis of a refrigerated semi-trailer", "rolls of upholstery fabric",
                        "sacks of hazelnuts", "the fuel tank of a passenger car", "crates of pomegranate molasses",
                        "a shipment of car batteries", "pallets of packaged pistachios"],
        "vehicle": ["a TIR truck registered in {g:TR}", "a lorry with Bulgarian plates", "a Georgian-registered articulated lorry",
                    "an international coach bound for Germany", "a refrigerated truck registered in North Macedonia"],
        "destination": ["the Netherlands", "Germany", "Belgium", "Austria", "Italy", "the United Kingdom"],
        "nat": ["Turkish", "Bulgarian", "Georgian", "Iranian", "Serbian", "Moldovan", "Albanian"],
    },
    fresh={
        "h_qty": g_kg(18, 640),
        "h_t": lambda rng: f"{rng.randint(9, 24)} tonnes",
        "balkan_country": ["Bulgaria", "Serbia", "North Macedonia", "Albania", "Bosnia and Herzegovina", "Montenegro", "Croatia", "Greece", "Romania"],
        "n_packages": g_int(38, 860),
        "age": g_int(24, 61),
        "years": ["10", "12", "15", "20"],
        "money_eur": g_money(1.5, 28),
    },
    place_styles={"IR": ["formal", "formal", "short"]},
    blocks=[
        B("h-route", "context", ["The Balkan route", "Routes and flows", "An enduring corridor"], [
            ["The Balkan route remains the main corridor for Afghan heroin destined for Western and Central Europe.",
             "For more than four decades the so-called Balkan route has carried the bulk of the heroin consumed in Europe.",
             "Most of the heroin that reaches European consumer markets still travels along the Balkan route."],
            ["Opiates produced in Afghanistan move westwards through {g:IR} into {g:TR}, from where consignments are broken down and forwarded through Bulgaria or Greece towards the Western Balkans.",
             "From Afghanistan, consignments cross {g:IR} and enter {g:TR} through its eastern provinces, most often Van and Hakkari, before heading for the land borders with Bulgaria and Greece.",
             "The route runs from Afghan production areas through {g:IR} and {g:TR} and then fans out across South-Eastern Europe, with a southern branch through Greece, Albania and Italy and a northern branch through Bulgaria, Romania and Hungary."],
            ["Along the way the drugs change hands several times, and every transfer adds to the price.",
             "Traffickers exploit the sheer volume of legitimate freight: several thousand heavy goods vehicles can pass through a single border crossing on a busy day.",
             None],
            ["Seizure data suggest that consignments have become smaller but more frequent, a pattern consistent with efforts to spread risk.",
             "Commercial trucks remain the vehicle of choice, although smaller quantities are increasingly moved in passenger cars and by couriers travelling by coach.",
             None],
        ]),
        B("h-ban", "supply", ["Supply after the 2022 ban", "Changes at the source", "Afghan supply"], [
            ["The cultivation ban announced by the Taliban de facto authorities in April 2022 has sharply reduced opium poppy cultivation in Afghanistan.",
             "Following the April 2022 drug ban in Afghanistan, opium poppy cultivation fell by roughly 95 per cent in the 2023 season, according to {o:UNODC} survey data.",
             "Satellite imagery analysed by {o:UNODC} confirmed a collapse in opium poppy cultivation across the southern provinces, including Helmand and Kandahar, after the 2022 ban."],
            ["Analysts caution that stocks accumulated during years of high production may continue to feed the market for some time.",
             "Stockpiles of opium and heroin built up during earlier bumper harvests appear to be cushioning the impact on European markets, at least for now.",
             "So far, heroin continues to arrive at the external borders of the European Union, which suggests that traffickers are drawing on stored opiates."],
            ["A prolonged shortage could push users towards more harmful substitutes, including synthetic opioids such as nitazenes.",
             "Experts fear that any lasting shortfall in heroin could be filled by synthetic opioids, a shift that would have serious public health consequences.",
             "Farmers who abandoned opium poppy have seen their incomes fall sharply, and many have yet to find viable alternatives.",
             None],
        ], after="2022-06-01"),
        B("h-prewar", "supply", ["Supply dynamics", "Production in Afghanistan"], [
            ["Afghanistan continues to account for more than 80 per cent of global opium production, according to the {wdr}.",
             "Very high levels of opium production in Afghanistan in recent years have translated into abundant heroin supply along the Balkan route.",
             "Opium production in Afghanistan has remained at historically high levels, with cultivation concentrated in the southern provinces of Helmand and Kandahar."],
            ["Retail purity in several European countries has increased while prices have remained stable, an indication of plentiful supply.",
             "High purity and stable street prices in Western Europe suggest that there is no shortage of heroin on the continent.",
             "Heroin laboratories inside Afghanistan have become more efficient, converting opium into morphine base and heroin closer to the fields."],
            ["The increasing use of methamphetamine produced from the ephedra plant has added a new dimension to the Afghan drug economy.",
             "Some of the heroin is also sent along the Southern route by sea towards the Gulf and East Africa.",
             None],
        ], before="2022-04-01"),
        B("h-op", "operation", ["The seizure", "Details of the case", "How the drugs were found"], [
            ["The heroin was packed in {n_packages} [[vacuum-sealed|taped|plastic-wrapped]] packages [[hidden|concealed|stashed]] in {concealment}.",
             "Officers found {n_packages} packages of heroin inside {concealment} after an X-ray scan showed anomalies in the density of the load.",
             "A detailed search of {vehicle} revealed a sophisticated hiding place built into {concealment}."],
            ["Detector dogs indicated the presence of drugs [[during a secondary inspection|once the vehicle had been moved to the inspection bay]], and a field test confirmed heroin.",
             "A field test showed that the substance was heroin of high purity.",
             "The vehicle had been selected for inspection on the basis of a risk profile developed jointly with partner services."],
            ["The driver, a {nat} national aged {age}, was arrested and faces drug trafficking charges carrying a prison sentence of up to {years} years.",
             "Two people, the driver and a {nat} national travelling with him, were taken into custody.",
             "Pre-trial proceedings have been opened and the driver has been detained for 72 hours.",
             None],
            ["The estimated street value of the drugs exceeds {money_eur}.",
             "According to investigators, the consignment was destined for {destination}.",
             None],
        ]),
        B("h-coop", "cooperation", ["Regional cooperation", "Working along the route"], [
            ["The operation was coordinated through {o:SELEC}, which facilitated the exchange of information between officers from {balkan_country} and {g:TR}.",
             "Information exchanged through {o:SELEC} and {o:EUROPOL} allowed investigators to follow the consignment from its departure point to the border.",
             "The case was the result of a joint investigation supported by {o:EUROPOL} and {o:INTERPOL}."],
            ["Controlled deliveries, in which a consignment is allowed to continue under surveillance so that the recipients can be identified, remain one of the most effective tools against the networks operating on the route.",
             "Regular meetings of the heads of drug units from the region, supported by {o:UNODC}, have helped to build the trust needed for operational cooperation.",
             "Mobile teams trained under a regional programme of {o:UNODC} now work jointly at several crossing points."],
            ["{o:SELEC} is headquartered in Bucharest and brings together eleven Member States in South-Eastern Europe.",
             "Such cross-border work matters because no single country can address the route alone.",
             None],
        ]),
        B("h-groups", "networks", ["Criminal networks", "Who runs the trade"], [
            ["Investigations show that heroin trafficking along the route is dominated by [[loosely connected|flexible|multi-ethnic]] networks rather than by a single hierarchical organization.",
             "Criminal groups of Turkish, Kurdish, Albanian-speaking and Balkan origin play prominent roles at different stages of the supply chain."],
            ["Many of them are poly-drug traffickers that also move cocaine, cannabis and synthetic drugs, sometimes using the same logistics and the same corrupt contacts.",
             "In recent years, networks once focused on heroin have diversified into cocaine, using contacts in Western European ports to send consignments eastwards along the same route."],
            ["Proceeds are frequently moved through hawala-type money transfer systems, which leave few documentary traces.",
             "Profits are laundered through real estate, car dealerships and cash-intensive businesses in the region and beyond.",
             None],
        ]),
        B("h-iran", "transit", ["The role of the Islamic Republic of Iran", "Interdiction at the eastern border"], [
            ["{g:IR} continues to report some of the largest opiate seizures in the world, with its law enforcement agencies intercepting hundreds of tonnes of opium, morphine and heroin each year.",
             "According to official data shared with {o:UNODC}, Iranian law enforcement accounts for the majority of global opium seizures."],
            ["The country’s eastern border with Afghanistan and Pakistan, which stretches for more than 1,900 kilometres, is heavily fortified but remains difficult to seal.",
             "Armed clashes between Iranian security forces and traffickers along the eastern border are frequently reported, and thousands of officers have lost their lives in counter-narcotics operations over the past four decades.",
             "Official crossings such as Islam Qala, on the road from Herat to Mashhad, are equipped with scanners, but most opiates are believed to cross the desert far from any checkpoint."],
            ["{o:UNODC} supports {g:IR} through its country partnership programme, providing equipment such as body scanners and drug detection kits.",
             "The Triangular Initiative, which brings together Afghanistan, {g:IR} and Pakistan under {o:UNODC} auspices, supports joint operations and border liaison offices.",
             None],
        ]),
        B("h-turkiye", "transit", ["Interdiction in Türkiye", "A key transit country"], [
            ["{g:TR} has reported record heroin seizures in several recent years, with the police, the Gendarmerie and customs all contributing.",
             "Law enforcement agencies in {g:TR} seized more than {h_t} of heroin in the course of the year, according to the national drug report."],
            ["Large shipments have also been intercepted in maritime containers, notably in the port of Mersin, and at Istanbul Airport, where couriers have tried to carry heroin in suitcases with false bottoms.",
             "Besides the land routes, heroin has been detected in containers arriving in Turkish ports from {g:IR} and Pakistan."],
            ["The authorities have invested heavily in detection technology at the land borders, including container scanners and licence plate recognition systems.",
             "Cooperation between {o:TNP} and its Bulgarian and Greek counterparts has intensified, with liaison officers now working in each other’s capitals.",
             None],
        ]),
        B("h-southern", "routes", ["The Southern route", "Alternative routes"], [
            ["While the Balkan route dominates, a growing share of Afghan heroin is moved along the Southern route, which runs from the Makran coast of Pakistan and {g:IR} by sea towards the Gulf and East Africa.",
             "The Southern route, used by dhows sailing from the Makran coast towards the Arabian Peninsula and East Africa, has gained importance in recent years."],
            ["Naval patrols of {o:CMF} in the Arabian Sea have repeatedly recovered hundreds of kilograms of heroin and methamphetamine from small vessels.",
             "Consignments that reach Kenya, the United Republic of Tanzania or Mozambique may be repackaged and sent on to Europe by air or in containers."],
            ["The Northern route through Central Asia towards the Russian Federation has meanwhile lost some of its former importance, according to {o:CARICC}.",
             "This diversification makes it harder for law enforcement to concentrate resources at a few border points.",
             None],
        ]),
        B("h-bulgaria", "border", ["The external border of the European Union", "Bulgaria’s front line"], [
            ["Bulgaria’s border with {g:TR} is part of the external border of the European Union, and the crossings at Kapitan Andreevo and Lesovo are among the busiest freight entry points to the Union.",
             "As the first EU Member State on the route, Bulgaria plays a critical role in stopping heroin before it enters the single market."],
            ["{o:BGCUS} operates mobile X-ray units and canine teams at the main crossings, and its officers are trained in risk profiling with support from EU funds.",
             "In recent years Bulgarian customs officers have regularly reported seizures of more than 100 kg of heroin hidden in single trucks."],
            ["Corruption at border crossings remains a concern, and several officers have been prosecuted for facilitating smuggling.",
             "Queues of trucks stretching for kilometres on the Turkish side illustrate the pressure under which inspections are carried out.",
             None],
        ]),
        B("h-balkans", "markets", ["Markets and prices", "The Western Balkans"], [
            ["In the Western Balkans, heroin is often stored in safe houses before being moved on towards Italy, Austria and Switzerland.",
             "Albanian-speaking groups have established a strong presence in the wholesale distribution of heroin in several Western European cities."],
            ["Wholesale prices per kilogram roughly double between the Iranian–Turkish border and Western Europe, reflecting the risks taken at each step.",
             "A kilogram of heroin bought for a few thousand euros near the Iranian border can fetch well over €20,000 at wholesale level in Western Europe."],
            ["Local consumption in transit countries has grown, and treatment services in Serbia, North Macedonia and Bosnia and Herzegovina report rising demand.",
             "Transit countries are not immune to the consequences: drug-related deaths among people who use heroin have increased in parts of the region.",
             None],
        ]),
        B("h-meth", "diversification", ["Beyond heroin", "Poly-drug trafficking"], [
            ["Seizures of methamphetamine produced in Afghanistan have increased along the same route, suggesting that traffickers are using established heroin infrastructure to move synthetic drugs.",
             "Methamphetamine of Afghan origin has started to appear in seizures in {g:TR} and, in smaller quantities, in the European Union."],
            ["Cocaine is now trafficked in the opposite direction, from Western European ports towards {g:TR} and the Balkans.",
             "The same trucks that carry heroin westwards have been found carrying cocaine on their return journey."],
            ["For analysts, these developments blur the once clear distinction between heroin and cocaine routes.",
             None],
        ]),
        B("h-outlook", "outlook", ["Outlook", "Conclusions", "Looking ahead"], [
            ["The coming years will show whether the decline in Afghan opium production translates into lasting changes along the route.",
             "Law enforcement agencies along the route will need to remain flexible as traffickers adapt to changes in supply and enforcement.",
             "The long-term outlook depends as much on developments in Afghanistan as on the capacity of transit countries to work together."],
            ["Monitoring purity, prices and drug-related deaths will be essential to detect early signs of change, including the arrival of synthetic opioids.",
             "Sustained investment in border management, financial investigations and regional intelligence sharing remains the most promising response."],
            ["Health services should prepare for the possibility that people who use heroin turn to more dangerous substances.",
             None],
        ]),
    ],
    quotes=[
        "Every kilogram stopped at the border is a kilogram that will not destroy lives in our cities.",
        "The networks we face are flexible and well financed. Our answer has to be just as flexible, and it has to be shared across borders.",
        "This seizure shows what risk profiling and good intelligence can achieve when agencies trust each other.",
        "We now see heroin, cocaine and methamphetamine moving through the same channels, often in the same trucks.",
        ("Lower cultivation in Afghanistan does not mean the problem has gone away. Stockpiles, and the risk of synthetic substitutes, require continued vigilance.", "2022-06-01"),
        "Cooperation along the Balkan route has never been more important, and it has never been more effective.",
        "Traffickers change their methods every few months. Our officers have to change faster.",
    ],
    follow=[
        "{p:a} added that the investigation was continuing and that further arrests could not be ruled out.",
        "{He:a} thanked partner services in neighbouring countries for their support.",
        "{p:b} noted that results of this kind depend on months of patient work by analysts and border officers.",
        "{He:b} added that lessons learned from the case would be shared with partners through {o:SELEC}.",
    ],
    findings=[
        "The Balkan route remains the principal conduit for Afghan heroin destined for Europe, although individual consignments have become smaller.",
        "{g:TR} and {g:IR} together account for the large majority of heroin seized along the route.",
        "Concealment in legitimate freight, particularly foodstuffs and building materials, is the dominant modus operandi.",
        "Trafficking networks increasingly move heroin, cocaine and methamphetamine through shared logistics.",
        "Wholesale heroin prices in South-Eastern Europe were broadly stable, with purity above 40 per cent at wholesale level.",
        "Encrypted communication platforms complicate investigations but yielded significant intelligence when they were dismantled.",
        ("The 2022 cultivation ban in Afghanistan has not yet produced a visible shortage at retail level in Europe.", "2022-06-01"),
    ],
    recs=[
        "Strengthen risk profiling and the use of non-intrusive inspection equipment at major border crossings.",
        "Expand the use of controlled deliveries and Joint Investigation Teams along the route.",
        "Systematically launch parallel financial investigations in heroin trafficking cases.",
        "Improve the timeliness and completeness of seizure data shared with {o:UNODC} and {o:SELEC}.",
        "Monitor retail markets for signs of substitution by synthetic opioids and prepare health services accordingly.",
        "Invest in integrity measures and rotation schemes for border and customs officers.",
    ],
    notes=[
        "UNODC, {wdr} (Vienna, {wdr_year}).",
        "UNODC, Afghanistan Opium Survey (Vienna, various years).",
        "EMCDDA and Europol, EU Drug Markets: Heroin and other opioids (Luxembourg, Publications Office of the European Union).",
        "SELEC, Drug Trafficking Situation Report for South-Eastern Europe ({prev_year}).",
        "Interviews with customs and police officers in Bulgaria, Serbia and North Macedonia.",
    ],
    table=heroin_table,
)


# --------------------------------------------------------------------------
# Theme: cocaine_ports
# --------------------------------------------------------------------------

EU_PORTS = [
    {"port": "Antwerp", "port_country": "Belgium", "port_agency": "{o:BECUS}"},
    {"port": "Rotterdam", "port_country": "{g:NL}", "port_agency": "{o:NLCUS}"},
    {"port": "Hamburg", "port_country": "Germany", "port_agency": "{o:ZFA}"},
    {"port": "Algeciras", "port_country": "Spain", "port_agency": "{o:GC}"},
    {"port": "Valencia", "port_country": "Spain", "port_agency": "{o:GC}"},
]
SRC_PORTS = [
    {"src_port": "Guayaquil", "src_country": "Ecuador"},
    {"src_port": "Santos", "src_country": "Brazil"},
    {"src_port": "Posorja", "src_country": "Ecuador"},
    {"src_port": "Cartagena", "src_country": "Colombia"},
    {"src_port": "Moín", "src_country": "Costa Rica"},
    {"src_port": "Callao", "src_country": "Peru"},
    {"src_port": "Paranaguá", "src_country": "Brazil"},
]


def cocaine_table(rng: Random, d: dt.date, opts: dict[str, Any]) -> tuple[str, list[str], list[list[str]], str]:
    y = d.year - 1
    years = [y - 2, y - 1, y]
    if opts.get("table") == "ccp":
        units = [("Guayaquil", "Ecuador"), ("Posorja", "Ecuador"), ("Santos", "Brazil"), ("Paranaguá", "Brazil"),
                 ("Callao", "Peru"), ("Cartagena", "Colombia"), ("Moín", "Costa Rica"), ("Manzanillo", "Panama")]
        rows = [[f"{u} ({c})", fmt_int(rng.randint(180, 2600)), fmt_int(rng.randrange(300, 21000, 10)),
                 fmt_int(rng.randint(0, 40))] for u, c in units]
        return (f"Results of selected Port Control Units, July {d.year - 1} – June {d.year}",
                ["Port Control Unit", "Containers inspected", "Cocaine seized (kg)", "Other seizures (cases)"], rows,
                "Source: CCP monitoring data reported by Port Control Units; provisional.")
    base = [("Antwerp-Bruges", 55, 120), ("Rotterdam", 30, 75), ("Hamburg", 8, 40), ("Algeciras", 9, 30),
            ("Valencia", 5, 22), ("Le Havre", 4, 18), ("Gioia Tauro", 3, 16)]
    rows = [[name] + [f"{rng.uniform(lo, hi):.1f}" for _ in years] for name, lo, hi in base]
    caption = f"Cocaine seized in selected European ports, {years[0]}–{years[-1]} (tonnes)"
    source = "Source: port authorities, national customs administrations and press releases; rounded figures."
    return caption, ["Port"] + [str(x) for x in years], rows, source


COCAINE = Theme(
    name="cocaine_ports",
    people=["vermeulen", "claes", "ortega", "hartmann", "mendoza", "ribeiro", "kone", "santos"],
    fixed={
        "eu_port": EU_PORTS,
        "src": SRC_PORTS,
        "cover": ["bananas", "pineapples", "frozen shrimp", "cocoa beans", "green coffee", "avocados",
                  "cut flowers", "plantains", "canned tuna", "ceramic floor tiles"],
        "hide": ["in sports bags placed directly behind the container doors", "inside the refrigeration unit",
                 "in the floor and walls of the container", "among the boxes of the cover load",
                 "in false-bottomed fruit crates", "inside hollowed-out wooden pallets"],
    },
    fresh={
        "c_qty": g_tonnes(0.4, 9.5),
        "c_kg": g_kg(120, 2900, 10),
        "n_arrest": g_int(3, 41),
        "money_eur": g_money(20, 340),
        "teu": ["12 million", "14 million", "more than 13 million", "around 15 million"],
        "n_cont": g_int(18, 240),
    },
    place_styles={"CI": ["curly", "straight"]},
    blocks=[
        B("c-supply", "context", ["Record supply", "A market in expansion", "Production in the Andes"], [
            ["{o:UNODC} estimates that global cocaine manufacture has reached an all-time high, driven by expanding coca cultivation in Colombia and more efficient processing.",
             "Coca cultivation and cocaine manufacture in the Andean countries are at or near record levels, according to the {wdr}.",
             "Cocaine supply has never been larger: coca bush cultivation in Colombia, Peru and the Plurinational State of Bolivia has expanded, and laboratories extract more cocaine from each hectare."],
            ["Europe has become the most dynamic growth market, with wastewater analysis pointing to increasing consumption in many cities.",
             "European demand, measured through surveys, treatment data and wastewater analysis, has risen steadily.",
             "Prices have remained stable while purity at street level has reached its highest point in a decade, a clear sign of abundant supply."],
            ["Much of this cocaine crosses the Atlantic in the millions of shipping containers that link South American and European ports.",
             "The overwhelming majority of the cocaine that reaches Europe travels by sea, hidden in the flow of legitimate trade.",
             None],
        ]),
        B("c-ports", "ports", ["Ports under pressure", "The container challenge"], [
            ["Antwerp and Rotterdam together handle {teu} containers a year, and only a small fraction of them can be physically inspected.",
             "Traffickers exploit the sheer volume of trade: customs can scan or open only a few per cent of the containers passing through Europe’s main ports.",
             "Hamburg, Antwerp and Rotterdam form a chain of highly automated terminals where speed of throughput is a competitive advantage – and a vulnerability."],
            ["Risk analysis, based on shipping data, routes and the history of importers, is therefore the backbone of container selection.",
             "Customs services rely on targeting centres that screen manifests and booking data before a vessel arrives.",
             "Scanners, detector dogs and intelligence from partner agencies help customs choose which boxes to open."],
            ["As controls have tightened in Antwerp and Rotterdam, traffickers have shifted some shipments to smaller ports in northern France, Germany and the Baltic.",
             "Displacement is a recurrent pattern: when one port becomes too risky, shipments move to another.",
             None],
        ]),
        B("c-riponoff", "modus", ["Modus operandi", "How cocaine is smuggled", "Rip-on/rip-off"], [
            ["The most common method is the so-called rip-on/rip-off, in which bags of cocaine are placed in a legitimate container without the knowledge of the shipper or the receiver and removed at the destination port.",
             "In a typical rip-on/rip-off operation, sports bags are loaded into a container with a legitimate cargo after it has been sealed, and the seal is then replaced with a counterfeit copy.",
             "Criminal groups frequently use legitimate cargo, such as {cover}, as cover, with the cocaine hidden {hide}."],
            ["At the destination, so-called extractors hide inside the terminal, sometimes for days, to retrieve the drugs before customs can act.",
             "In Rotterdam, young men recruited as extractors are paid several thousand euros to collect bags from containers, and hundreds have been arrested on terminal grounds.",
             "Corrupt insiders – dock workers, truck drivers, clerks with access to terminal systems – are essential to make such operations work."],
            ["Other methods include hiding cocaine in the structure of the container, dissolving it in liquids or impregnating it into materials such as plastic or charcoal.",
             "Investigators have also found cocaine concealed in the refrigeration units and in the hulls of ships, where it is retrieved by divers.",
             None],
        ]),
        B("c-ecuador", "source", ["Ecuador and Brazil", "Departure ports in South America"], [
            ["Ecuador has emerged as a key departure point, with shipments leaving from Guayaquil and Posorja hidden in banana containers.",
             "The port of Guayaquil, Ecuador’s main outlet for banana exports, has become a major hub for cocaine shipments to Europe.",
             "Violence linked to competition for drug export routes has risen dramatically in Ecuador, where criminal groups fight for control of ports and prisons."],
            ["In Brazil, the port of Santos – the largest in Latin America – is exploited by groups with links to European buyers.",
             "Brazilian investigators say criminal groups infiltrate port operators in Santos and Paranaguá to load cocaine into containers bound for Europe and West Africa."],
            ["{o:ECPOL} and {o:PF} have increased cooperation with European liaison officers, leading to several large seizures at origin.",
             "Authorities in both countries have set up Port Control Units with support from {o:CCP}.",
             None],
        ]),
        B("c-westafrica", "transit", ["West Africa as a transit hub", "Routes through West Africa"], [
            ["West Africa continues to serve as a transit and storage area for cocaine bound for Europe.",
             "Cocaine shipments are increasingly routed through West African ports, including Abidjan in {g:CI}, Lomé and Dakar, before being sent on to Europe.",
             "Seizures in {g:CI}, Guinea-Bissau and Cabo Verde point to the renewed use of West Africa as a staging post."],
            ["Some of the cocaine is moved overland across the Sahel, often together with cannabis resin and weapons.",
             "Small aircraft, fishing vessels and yachts are used to move cocaine between the Atlantic coast of South America and West Africa.",
             "Local consumption of cocaine and crack has followed, with treatment centres in several coastal cities reporting new patients."],
            ["{o:AIRCOP} has helped establish joint interdiction task forces at international airports in the region.",
             "{o:MAOC} in Lisbon coordinates maritime interdiction in the Atlantic, sharing intelligence on suspicious vessels.",
             None],
        ]),
        B("c-spain", "interdiction", ["The Iberian Peninsula", "Southern entry points"], [
            ["Spain remains a main gateway for cocaine entering Europe, with Algeciras and Valencia among the ports most often targeted.",
             "In southern Spain, {o:GC} regularly intercepts cocaine in refrigerated containers arriving from Ecuador and Colombia.",
             "The Strait of Gibraltar is a crossroads where cocaine from South America and cannabis resin from Morocco meet."],
            ["Investigators note that the same networks that run high-powered boats across the Strait for cannabis resin now also offer their services to cocaine importers.",
             "Along the Guadalquivir river, semi-rigid boats with powerful outboard engines are used to bring drugs ashore from larger vessels."],
            ["{o:GC} and {o:PN} have set up joint teams in the Campo de Gibraltar to pool intelligence.",
             None],
        ]),
        B("c-encro", "investigation", ["Encrypted communications", "Investigative breakthroughs"], [
            ["Investigations into cocaine trafficking have benefited from the dismantling of encrypted communication services such as EncroChat and Sky ECC.",
             "Millions of messages obtained when encrypted phone networks were taken down have given investigators unprecedented insight into how cocaine networks operate.",
             "Intercepted chats revealed discussions of corrupt port workers, payment arrangements and shipment schedules."],
            ["{o:EUROPOL} supports national authorities by analysing this data and matching it with information from other investigations.",
             "Analysis carried out with the support of {o:EUROPOL} has led to thousands of arrests and the seizure of many tonnes of cocaine across Europe."],
            ["Prosecutors warn that trials based on such evidence are complex and can take years.",
             "Criminal groups have since moved to other platforms, and investigators say the advantage will not last forever.",
             None],
        ]),
        B("c-violence", "impact", ["Violence and corruption", "Consequences for port cities"], [
            ["Cocaine trafficking has brought violence to European port cities, including shootings, bombings and kidnappings linked to lost shipments.",
             "In Antwerp and Rotterdam, disputes over stolen consignments have led to explosions and shootings in residential neighbourhoods.",
             "The scale of profits in the cocaine trade has fuelled corruption of port staff, customs officers and even police."],
            ["Authorities in Belgium and {g:NL} have responded with measures to secure terminals, including stricter access controls and background checks for workers.",
             "Port operators have begun sharing data on staff access to terminal systems with law enforcement.",
             "A public–private alliance of ports and shipping companies, launched with the support of the European Commission, aims to make European ports more resilient."],
            [None, "Critics say that such measures still lag behind the adaptability of criminal networks."],
        ]),
        B("c-ccp", "capacity", ["Container Control Programme", "Building capacity at the source"], [
            ["{o:CCP} supports Port Control Units in more than 70 countries, bringing together customs, police and other agencies in joint teams at ports.",
             "Since its launch in 2004, {o:CCP} has helped partner countries to set up inter-agency units that select and inspect high-risk containers."],
            ["The units receive training in risk profiling, container inspection and the use of secure communication systems to alert counterparts in destination ports.",
             "Officers are trained to use ContainerCOMM, a secure messaging system developed by {o:WCO}, to share alerts with colleagues worldwide."],
            ["In Latin America, the units have contributed to the seizure of hundreds of tonnes of cocaine since the programme started.",
             "The programme is funded by a range of donors, including the European Union, Canada and the United States.",
             None],
        ]),
        B("c-air", "air", ["Air cargo and passengers", "Airports"], [
            ["Although most cocaine travels by sea, airports such as Schiphol and Madrid-Barajas continue to see couriers carrying cocaine in luggage or inside their bodies.",
             "Air couriers, some of them recruited in economically vulnerable communities, are still used to move small quantities of cocaine into Europe."],
            ["Customs officers at Schiphol use body scanners and behavioural analysis to identify couriers on flights from South America and the Caribbean.",
             "Air cargo and express mail are also exploited, with cocaine hidden in machinery, food products or textiles."],
            [None, "Couriers who swallow capsules put their lives at serious risk."],
        ]),
        B("c-health", "demand", ["Health consequences", "Demand in Europe"], [
            ["The increased availability of cocaine has been accompanied by rising numbers of people entering treatment for cocaine problems in Europe, according to the {edr}.",
             "Data collected by {o:EMCDDA} show that cocaine is now the second most commonly reported drug among first-time treatment entrants in Europe."],
            ["Crack cocaine use, once confined to a few cities, has been reported in more countries.",
             "Cocaine is increasingly involved in drug-induced deaths, often in combination with opioids or alcohol.",
             None],
        ]),
        B("c-op", "operation", ["The seizure", "Details of the operation"], [
            ["The cocaine was found in {n_cont} [[boxes|bales|packages]] hidden {hide}.",
             "Officers opened the container, which had arrived from {src_port}, after risk analysis flagged the shipment of {cover} as unusual.",
             "The shipment of {cover} had been declared as coming from a legitimate exporter in {src_country}, but risk analysis flagged the route and the consignee."],
            ["Many of the blocks were stamped with logos, a common practice used by criminal groups to identify the owners of different parts of a shipment.",
             "The bricks bore the marks of several different buyers, suggesting that the shipment had been shared between networks.",
             "Tests confirmed that the powder was cocaine with a purity above 80 per cent."],
            ["The importing company appears to have been unaware of the shipment, and investigators are examining whether port workers were involved.",
             "The drugs will be destroyed once the judicial authorities have authorised it.",
             None],
        ]),
    ],
    quotes=[
        "Criminal networks treat our ports as an open door. We are determined to close it.",
        "Every container we open is the result of careful analysis. This time the analysis was right.",
        "The amounts we are seeing are unprecedented. This is not a problem for customs alone; it concerns the whole of society.",
        "Cocaine does not stop at the quay. It brings violence and corruption into our cities.",
        "Cooperation with our partners in Latin America is essential: the best seizure is the one made before the container leaves.",
        "Traffickers adapt constantly. When one route is closed, they look for another port.",
    ],
    follow=[
        "{p:a} added that the case illustrated the value of intelligence sharing with partners in Latin America.",
        "{He:a} said the investigation was continuing in several countries.",
        "{p:b} stressed that port companies also had a responsibility to secure their terminals.",
        "{He:b} noted that information from {o:MAOC} had played a role in identifying the vessel.",
    ],
    findings=[
        "Cocaine supply to Europe is at record levels and the market continues to expand.",
        "Antwerp and Rotterdam remain the main entry points, but shipments are being displaced to smaller ports.",
        "Rip-on/rip-off operations relying on corrupt port insiders are the dominant modus operandi.",
        "Ecuador and Brazil have become key departure countries, alongside Colombia.",
        "West Africa, including {g:CI}, is re-emerging as a transit region.",
        "Violence linked to cocaine trafficking is increasingly visible in European port cities.",
    ],
    recs=[
        "Increase the share of high-risk containers scanned and inspected at origin and destination.",
        "Strengthen integrity screening of port and terminal staff.",
        "Expand Port Control Units in departure countries and improve real-time alerts to destination ports.",
        "Target the financial infrastructure of importing networks through parallel financial investigations.",
        "Expand treatment capacity for people with cocaine and crack use disorders.",
    ],
    notes=[
        "UNODC, {wdr} (Vienna, {wdr_year}).",
        "EMCDDA, {edr}: Trends and Developments (Lisbon, {edr_year}).",
        "EMCDDA and Europol, EU Drug Markets: Cocaine (Luxembourg, Publications Office of the European Union).",
        "UNODC-WCO Container Control Programme, Annual Report {prev_year}.",
        "Port authorities of Antwerp-Bruges, Rotterdam and Hamburg, annual statistics.",
    ],
    table=cocaine_table,
)


# --------------------------------------------------------------------------
# Theme: synthetics
# --------------------------------------------------------------------------


def synth_table(rng: Random, d: dt.date, opts: dict[str, Any]) -> tuple[str, list[str], list[list[str]], str]:
    y = d.year - 1
    years = [y - 2, y - 1, y]
    if opts.get("table") == "captagon":
        tr = "Türkiye" if d >= dt.date(2022, 6, 1) else "Turkey"
        base = [("Saudi Arabia", 60, 190), ("Jordan", 15, 65), ("Iraq", 5, 40), ("United Arab Emirates", 3, 35),
                ("Syrian Arab Republic", 5, 30), ("Lebanon", 4, 25), (tr, 2, 30), ("Italy", 0, 5)]
        rows = [[n] + [f"{rng.uniform(lo, hi):.1f}" for _ in years] for n, lo, hi in base]
        return (f"Captagon seizures reported by selected countries, {years[0]}–{years[-1]} (million tablets)",
                ["Country"] + [str(x) for x in years], rows,
                "Source: official communications and media reports compiled by UNODC; indicative figures.")
    base = [("Myanmar", 20, 60), ("Thailand", 30, 90), ("Lao People’s Democratic Republic", 10, 70),
            ("Malaysia", 10, 40), ("Viet Nam", 5, 25), ("Philippines", 2, 9), ("China", 15, 35), ("Cambodia", 2, 12)]
    rows = [[n] + [f"{rng.uniform(lo, hi):.1f}" for _ in years] for n, lo, hi in base]
    return (f"Methamphetamine seizures in East and Southeast Asia, {years[0]}–{years[-1]} (tons, all forms)",
            ["Country"] + [str(x) for x in years], rows,
            "Source: government data submitted to the Global SMART Programme; tablets converted at 0.1 g per tablet.")


SYNTH = Theme(
    name="synthetics",
    people=["haddad", "alqahtani", "aung", "bakker", "nasser", "lindqvist", "kovac"],
    fixed={
        "captagon_cover": ["pomegranates", "oranges", "a shipment of marble slabs", "industrial machinery parts",
                           "bags of animal feed", "cartons of tea", "a consignment of lemons", "the doors of a truck"],
        "gulf_entry": ["Al-Haditha crossing", "the port of Jeddah", "King Fahd Causeway", "Al-Batha crossing"],
    },
    fresh={
        "pills": g_pills(0.8, 14),
        "m_qty": g_tonnes(0.5, 4.5),
        "m_kg": g_kg(80, 1600, 5),
        "yaba": g_pills(2, 60),
        "n_labs": g_int(3, 19),
        "n_arrest": g_int(4, 36),
    },
    place_styles={"SY": ["formal", "formal", "short"], "LA": ["formal", "short"], "IR": ["formal", "short"]},
    blocks=[
        B("s-captagon", "context", ["Captagon", "What is captagon?", "A drug with a brand name"], [
            ["Captagon was originally the brand name of a medicine containing fenethylline, which was withdrawn from the market decades ago.",
             "The name captagon once referred to a pharmaceutical product based on fenethylline; today it is used for illicit tablets that usually contain amphetamine and caffeine.",
             "Although the pills are still sold under the name captagon, laboratory analyses show that they rarely contain fenethylline; the active ingredient is typically amphetamine."],
            ["The tablets, often stamped with two interlocking half-moons, are produced mainly in {g:SY} and, to a lesser extent, in Lebanon.",
             "Production is concentrated in {g:SY}, where the conflict created the conditions for large-scale manufacture, and in the Bekaa valley in Lebanon.",
             "Most of the captagon seized in the region is believed to have been produced in {g:SY}, with some production in Lebanon and, occasionally, in Europe."],
            ["The main consumer markets are in the Gulf, particularly Saudi Arabia.",
             "Demand is concentrated in the Arabian Peninsula, where the pills are used by young people, workers on long shifts and students.",
             None],
        ]),
        B("s-gulf", "interdiction", ["Interdiction in the Gulf", "Seizures in Saudi Arabia"], [
            ["Saudi authorities regularly report seizures of several million tablets at land crossings and ports.",
             "{o:ZATCA} and {o:GDNC} have intercepted tens of millions of captagon pills in recent years, often hidden in fruit, vegetables or industrial goods.",
             "At the {gulf_entry}, inspectors use X-ray scanners and detector dogs to examine trucks arriving from Jordan."],
            ["Concealment methods are inventive: pills have been found inside hollowed-out pomegranates, in plastic imitation fruit and in the walls of shipping containers.",
             "Smugglers have hidden pills in {captagon_cover}, in tyres and even inside the structure of trucks.",
             "In one case, more than four million tablets were concealed in a consignment of {captagon_cover}."],
            ["The wholesale value of a single large seizure can exceed tens of millions of dollars.",
             "Authorities publish most seizures on social media, an indication of the political importance attached to the issue.",
             None],
        ]),
        B("s-jordan", "border", ["The Jordanian–Syrian border", "A contested frontier"], [
            ["Jordan has become both a transit country and a front line in efforts to stop captagon trafficking from {g:SY}.",
             "Along Jordan’s northern border, {o:JAF} report frequent attempts to smuggle drugs from {g:SY}, some of them involving armed groups."],
            ["Smugglers use the cover of bad weather and fog to cross, and have increasingly turned to drones to fly drugs over the border.",
             "Soldiers have clashed repeatedly with armed smugglers, and the army has changed its rules of engagement to respond to the threat.",
             "The army has shot down dozens of drones carrying drugs, and sometimes weapons, across the frontier."],
            ["Captagon use among young people in Jordan itself has also grown, putting pressure on treatment services.",
             "Jordanian officials say the trade has become a national security issue.",
             None],
        ]),
        B("s-economy", "economy", ["A war economy", "The political economy of captagon"], [
            ["The captagon trade has grown into a multi-billion-dollar business that generates revenue far exceeding the legal exports of {g:SY}.",
             "Researchers estimate that the retail value of captagon traded in the region runs into billions of dollars a year.",
             "According to analysts, captagon has become one of the largest sources of foreign currency for actors in {g:SY}."],
            ["Production sites range from small mobile presses to industrial-scale facilities.",
             "Precursor chemicals and pill presses are imported, often through Lebanon or via maritime routes.",
             "Smuggling routes run through Jordan and Iraq by land, and through Lebanese and Syrian ports by sea."],
            ["Changes in the political situation in {g:SY} could reshape the trade, but experts warn that production capacity can move quickly.",
             "Any change in the political landscape is likely to displace rather than end production.",
             None],
        ], after="2021-01-01"),
        B("s-afghanmeth", "afghanistan", ["Methamphetamine from Afghanistan", "A new Afghan product"], [
            ["Afghanistan has emerged as a significant producer of methamphetamine, made in part from the ephedra plant, which grows wild in the central highlands.",
             "Methamphetamine manufacture in Afghanistan has expanded rapidly, with production centred on Bakwa district in Farah province.",
             "Afghan methamphetamine is manufactured both from ephedrine extracted from the ephedra plant and from over-the-counter medicines."],
            ["Seizures of methamphetamine of Afghan origin have risen in {g:IR}, Pakistan and further afield, including in East Africa and Europe.",
             "Consignments travel along the same routes used for heroin, across {g:IR} towards {g:TR}, or along the Southern route by sea.",
             "Drug use surveys in neighbouring countries show increasing methamphetamine use, often alongside opioids.",
             "Iranian officials report that methamphetamine is increasingly found in vehicles crossing from Herat province, including at the Islam Qala border crossing."],
            ["Experts warn that methamphetamine could partly replace income lost after the opium poppy ban.",
             "Because production requires no large fields, it is much harder to monitor from satellite imagery than opium poppy.",
             None],
        ]),
        B("s-asia", "asia", ["East and Southeast Asia", "The Golden Triangle"], [
            ["The methamphetamine market in East and Southeast Asia has expanded for more than a decade, with record seizures reported year after year.",
             "Shan State in {g:MM} is the epicentre of methamphetamine production in the region, producing both tablets and crystalline methamphetamine.",
             "Large quantities of methamphetamine are produced in the border areas of {g:MM}, {g:LA} and Thailand, known as the Golden Triangle."],
            ["Methamphetamine tablets, known as yaba, are trafficked in huge quantities towards Thailand, {g:LA} and Bangladesh.",
             "Crystalline methamphetamine, known as ‘ice’ in Australia and New Zealand and ‘shabu’ in the Philippines and Malaysia, is shipped across the region.",
             "Seizures of yaba tablets in a single operation now regularly exceed {yaba} pills."],
            ["Prices of crystal meth have fallen to historic lows in several countries, a sign of oversupply.",
             "The production model relies on industrial-scale laboratories and large volumes of precursor chemicals.",
             "Criminal groups have expanded their operations to reach markets in Japan, the Republic of Korea, Australia and New Zealand.",
             None],
        ]),
        B("s-europe", "europe", ["Production in Europe", "European laboratories"], [
            ["Europe is also a producer of synthetic drugs, with {g:NL} and Belgium the main locations of large-scale laboratories.",
             "Dutch and Belgian authorities dismantle dozens of synthetic drug laboratories each year.",
             "Amphetamine, known on European streets as ‘speed’, and MDMA are produced in clandestine laboratories in {g:NL} and Belgium."],
            ["Investigators have found methamphetamine laboratories run with the help of cooks from Mexico, suggesting a transfer of expertise between criminal groups.",
             "In recent years, Mexican criminal organizations have worked with European groups to set up methamphetamine production in Europe.",
             "Production waste, often dumped in forests and farmland, poses serious environmental risks and costs millions to clean up."],
            ["{o:EUROPOL} supports investigations through {o:ESOCC} and the exchange of forensic data on laboratory equipment.",
             "Dismantling the laboratories is dangerous work that requires specialised teams and protective equipment.",
             None],
        ]),
        B("s-health", "health", ["Health risks", "Consequences for health"], [
            ["Methamphetamine use is associated with psychosis, cardiovascular problems and dependence.",
             "Heavy stimulant use can lead to severe mental health problems, including paranoia and psychosis.",
             "The health consequences of methamphetamine use are significant, yet few countries offer specialised treatment."],
            ["Unlike opioid use disorders, there is no approved medication for methamphetamine dependence, and treatment relies on psychosocial interventions.",
             "Treatment services in many countries are designed for people who use opioids and struggle to respond to stimulant users.",
             "{o:UNODC} and {o:WHO} have called for the expansion of evidence-based treatment for stimulant use disorders."],
            [None, "Harm reduction services are also adapting, for example by distributing safer smoking kits."],
        ]),
        B("s-monitor", "monitoring", ["Monitoring the market", "Early warning"], [
            ["{o:SMART} collects and analyses data on synthetic drugs to help governments respond to rapidly changing markets.",
             "{o:UNODC} operates an Early Warning Advisory on new psychoactive substances, which now lists more than 1,000 substances reported by over 140 countries."],
            ["Forensic analyses of seized tablets help to identify production sources and changes in composition.",
             "Regular regional reports track trends in seizures, prices and use."],
            ["Governments are encouraged to share forensic data and to strengthen laboratory capacity.",
             None],
        ]),
        B("s-op", "operation", ["The operation", "Details of the seizure"], [
            ["Officers found the drugs after inspecting a consignment declared as {captagon_cover}.",
             "The pills were concealed in {captagon_cover} and detected with the help of X-ray imaging and sniffer dogs.",
             "Acting on intelligence shared by a partner agency, inspectors searched the cargo and found the pills concealed in {captagon_cover}."],
            ["{n_arrest} suspects were arrested, including the alleged organizers of the shipment.",
             "Several people linked to the consignment were detained for questioning.",
             "The recipient company was found to be a front set up shortly before the shipment arrived."],
            ["Authorities said the drugs would have been sold in several countries of the region.",
             None],
        ]),
    ],
    quotes=[
        "Captagon is not only a drug problem. It is a security problem, and it is a regional one.",
        "Our soldiers face armed smugglers on a nightly basis. We will continue to defend our border.",
        "The market for methamphetamine is larger than it has ever been, and prices are falling. That is a dangerous combination.",
        "Synthetic drugs can be produced anywhere. This makes early warning and cooperation more important than ever.",
        "We have seen production techniques move from one continent to another within a couple of years.",
        "Every seizure gives us forensic information that helps us understand where these pills come from.",
    ],
    follow=[
        "{p:a} added that the authorities would publish further details once the investigation was complete.",
        "{He:a} called for closer regional cooperation against synthetic drug trafficking.",
        "{p:b} warned that traffickers were constantly changing their concealment methods.",
        "{He:b} said forensic profiling of the seized pills was under way.",
    ],
    findings=[
        "Seizures of synthetic drugs reached record levels in several regions.",
        "Captagon trafficking from {g:SY} towards the Gulf remains a major regional concern.",
        "Methamphetamine production in Afghanistan has expanded and its products are reaching new markets.",
        "East and Southeast Asia saw another year of record methamphetamine seizures and falling prices.",
        "Synthetic drug production in Europe is increasingly linked to criminal groups from other regions.",
        "Treatment for stimulant use disorders remains scarce in most countries.",
    ],
    recs=[
        "Strengthen regional cooperation and intelligence sharing on synthetic drug trafficking.",
        "Improve forensic capacity to profile seized tablets and identify production sources.",
        "Monitor precursor chemicals and equipment such as tablet presses.",
        "Expand evidence-based treatment options for people who use stimulants.",
        "Invest in early warning systems able to detect new substances quickly.",
    ],
    notes=[
        "UNODC, {wdr} (Vienna, {wdr_year}).",
        "UNODC, Synthetic Drugs in East and Southeast Asia: Latest Developments and Challenges ({prev_year}).",
        "EMCDDA and Europol, EU Drug Markets: Methamphetamine (Lisbon and The Hague).",
        "Government of Saudi Arabia, official press releases on drug seizures.",
        "Interviews with law enforcement officials in Jordan and Iraq.",
    ],
    table=synth_table,
)


# --------------------------------------------------------------------------
# Theme: precursors
# --------------------------------------------------------------------------


def precursor_table(rng: Random, d: dt.date, opts: dict[str, Any]) -> tuple[str, list[str], list[list[str]], str]:
    y = d.year - 1
    subs = [("Acetic anhydride", "litres", 20000, 190000), ("Potassium permanganate", "kg", 30000, 220000),
            ("Ephedrine and pseudoephedrine", "kg", 800, 9000), ("P-2-P (BMK)", "kg", 2000, 16000),
            ("BMK glycidate and derivatives", "kg", 10000, 60000), ("APAA", "kg", 5000, 40000),
            ("NPP", "kg", 50, 900), ("4-ANPP", "kg", 20, 700), ("PMK glycidate", "kg", 3000, 28000)]
    rows = [[name, unit, fmt_int(rng.randint(5, 140)), fmt_int(rng.randrange(lo, hi, 10))] for name, unit, lo, hi in subs]
    return (f"Precursor incidents communicated through PICS, {y} (selected substances)",
            ["Substance", "Unit", "Incidents", "Quantity seized"], rows,
            "Source: INCB Precursors Incident Communication System (PICS); incidents as communicated by governments, not validated.")


PRECURSORS = Theme(
    name="precursors",
    people=["weber", "chen", "ramirez", "yilmaz", "dekker", "rahimi", "lindqvist"],
    fixed={
        "aa_origin": ["a chemical distributor in Europe", "a trading company in East Asia", "a manufacturer in South Asia",
                      "a broker operating from the Gulf"],
        "label": ["industrial cleaning solvent", "glacial acetic acid", "paint thinner", "textile dye auxiliary",
                  "food-grade preservative", "water treatment chemicals"],
        "container": ["200-litre steel drums", "1,000-litre intermediate bulk containers", "25-litre plastic jerrycans",
                      "iron drums hidden behind a legitimate load"],
    },
    fresh={
        "aa_l": g_litres(800, 24000),
        "chem_kg": g_kg(300, 9800, 25),
        "chem_t": g_tonnes(1.2, 36),
        "n_ctry": g_int(12, 58),
        "n_pen": g_int(28000, 42000),
    },
    place_styles={"IR": ["formal", "short"]},
    blocks=[
        B("p-basics", "context", ["Why precursors matter", "The chemistry of drug production", "Background"], [
            ["Almost all drugs produced in clandestine laboratories depend on chemicals that also have legitimate industrial uses.",
             "Drug manufacture is impossible without precursors: chemicals that are incorporated into the final drug, and other substances used as solvents or reagents.",
             "Behind every kilogram of heroin, cocaine or methamphetamine lies a supply chain of chemicals, most of which are produced by the legitimate industry."],
            ["Acetic anhydride is needed to convert morphine into heroin, potassium permanganate is used in cocaine processing, and ephedrine or P-2-P are the starting points for methamphetamine.",
             "Heroin manufacture requires acetic anhydride; methamphetamine can be made from ephedrine, pseudoephedrine or P-2-P (also known as BMK); fentanyl is synthesised from NPP and 4-ANPP.",
             "The chemicals are traded legally in vast quantities – acetic anhydride, for instance, is used to produce plastics, pharmaceuticals and textiles."],
            ["Controlling their diversion therefore means working with an industry whose legitimate needs dwarf the volumes required by traffickers.",
             "Only a tiny fraction of global trade needs to be diverted to supply illicit laboratories.",
             None],
        ]),
        B("p-framework", "regulation", ["The international control framework", "Legal framework"], [
            ["Article 12 of the 1988 United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances sets out the international framework for precursor control.",
             "Substances listed in Tables I and II of the 1988 Convention are subject to international control, including pre-export notification requirements."],
            ["{o:INCB} monitors the international trade and runs the Pre-Export Notification Online (PEN Online) system, through which governments exchanged some {n_pen} notifications last year.",
             "Through PEN Online, importing countries can verify the legitimacy of a shipment before it leaves the exporting country.",
             "The Precursors Incident Communication System (PICS) allows authorities to share real-time information on seizures, diverted shipments and clandestine laboratories."],
            ["{o:CND} decides on the scheduling of new substances on the recommendation of {o:INCB}.",
             "Recent scheduling decisions by {o:CND} have added several fentanyl and methamphetamine precursors to Table I.",
             None],
        ]),
        B("p-aa", "acetic", ["Acetic anhydride and heroin", "Diversion of acetic anhydride"], [
            ["Afghanistan does not produce acetic anhydride, so every litre used in heroin laboratories has to be smuggled into the country.",
             "Acetic anhydride destined for Afghan heroin laboratories has been traced to suppliers in Europe, East Asia and South Asia.",
             "Traffickers use front companies and false declarations to divert acetic anhydride from legitimate trade."],
            ["Seizures in {g:TR} and {g:IR} indicate that some shipments travel along the Balkan route in the opposite direction to heroin.",
             "Large quantities have been intercepted in {g:TR}, where customs have found acetic anhydride declared as {label}.",
             "Shipments often arrive in {container}, with labels that disguise their contents."],
            ["Prices of acetic anhydride in Afghanistan are considered a useful indicator of the state of the heroin industry.",
             "Following the 2022 ban, reports suggest that prices of acetic anhydride inside Afghanistan have fallen, reflecting reduced demand.",
             None],
        ]),
        B("p-designer", "designer", ["Designer precursors", "Chemical innovation"], [
            ["Traffickers increasingly use so-called designer precursors: close chemical relatives of controlled substances, made specifically to circumvent controls.",
             "Designer precursors such as BMK glycidate, APAA and MAPA can be converted into BMK with simple chemistry.",
             "When one chemical is placed under control, producers switch to a non-scheduled alternative, often within months."],
            ["Dutch and Belgian authorities have seized tonnes of such chemicals destined for synthetic drug laboratories.",
             "The European Union has scheduled several designer precursors, but new derivatives appear regularly.",
             "Many of these substances have no known legitimate use, which makes them easier to target if the law allows it."],
            ["{o:INCB} has proposed that governments adopt generic control measures covering entire families of chemicals.",
             "Experts argue that voluntary cooperation with industry is the fastest response to chemicals that are not yet controlled.",
             None],
        ]),
        B("p-fentanyl", "fentanyl", ["Fentanyl precursors", "Synthetic opioids"], [
            ["Illicit fentanyl production, concentrated in North America, relies on precursors such as NPP, 4-ANPP, 4-AP and 1-boc-4-AP.",
             "The fentanyl crisis in North America has focused attention on chemicals such as NPP and 4-ANPP, as well as newer alternatives.",
             "NPP and 4-ANPP were placed under international control in 2017; 4-AP, 1-boc-4-AP and norfentanyl followed in 2022."],
            ["Manufacturers have moved to pre-precursors and non-scheduled chemicals that are traded openly online.",
             "Shipments are often ordered from chemical suppliers in Asia and sent by air cargo or courier services.",
             "Mexican authorities have reported a growing number of seizures of fentanyl precursors at Pacific ports."],
            ["Cooperation between {g:US}, Mexico and chemical-producing countries has intensified, with {o:DEA} and partner agencies sharing information.",
             "{o:INCB} has set up a global task force focused on fentanyl-related substances.",
             None],
        ]),
        B("p-ephedrine", "ephedrine", ["Ephedrine and methamphetamine", "Methamphetamine precursors"], [
            ["Ephedrine and pseudoephedrine, used in cold medicines, were long the main starting materials for methamphetamine.",
             "As controls on ephedrine tightened, producers in Mexico and {g:MM} switched to P-2-P-based methods.",
             "In Afghanistan, the wild ephedra plant provides a low-cost source of ephedrine for methamphetamine laboratories."],
            ["Pharmaceutical preparations containing pseudoephedrine remain vulnerable to diversion in several regions.",
             "Large seizures of pseudoephedrine tablets continue to be reported in Southeast Asia."],
            ["The methamphetamine market has proven remarkably adaptable to changes in chemical controls.",
             None],
        ]),
        B("p-cocaine", "cocaine", ["Chemicals for cocaine", "Cocaine processing"], [
            ["Cocaine manufacture requires large volumes of solvents and reagents, including potassium permanganate, sulfuric acid and various solvents.",
             "Potassium permanganate is used to purify cocaine base, and its diversion has been documented in Colombia and neighbouring countries."],
            ["Europe has also seen laboratories where cocaine is extracted from carrier materials such as plastics or clothing.",
             "Secondary extraction laboratories in Spain and {g:NL} recover cocaine impregnated into materials such as charcoal, clothing or plastics.",
             "Chemicals for such laboratories are often bought from legitimate suppliers in Europe."],
            [None, "These laboratories pose serious fire and explosion risks."],
        ]),
        B("p-industry", "industry", ["Working with industry", "Public–private partnership"], [
            ["Most diversion attempts are stopped thanks to vigilant companies that report suspicious orders.",
             "Voluntary partnerships with the chemical, pharmaceutical and logistics industries are a key pillar of precursor control.",
             "Companies are encouraged to apply know-your-customer principles and to report suspicious orders to the competent authorities."],
            ["{o:INCB} has published guidelines for voluntary codes of practice for industry.",
             "In the European Union, Regulations 273/2004 and 111/2005 require operators to register and to report suspicious transactions.",
             "Online marketplaces and courier companies are also being drawn into these partnerships."],
            ["Training for customs officers, chemists and industry staff supported by {o:UNODC} has helped to identify diversion attempts.",
             None],
        ]),
        B("p-seizure", "operation", ["The seizure", "Details of the case"], [
            ["The chemicals were packed in {container} and declared as {label}.",
             "Officers found {container} containing the precursor; the shipping documents described the contents as {label}.",
             "Laboratory tests confirmed that the liquid declared as {label} was in fact a controlled precursor."],
            ["The consignment had been ordered from {aa_origin} through a company registered only a few months earlier.",
             "Investigators are examining the trading company that ordered the chemicals, whose registered address turned out to be a residential flat.",
             "The shipment had been flagged through PICS by authorities in the exporting country."],
            ["Information on the case has been shared with {o:INCB} and partner countries.",
             None],
        ]),
        B("p-online", "online", ["Online sales", "E-commerce and precursors"], [
            ["Chemicals are increasingly marketed online, on business-to-business platforms and social media.",
             "Suppliers advertise non-scheduled precursors openly, often with offers of discreet shipping and guarantees against seizure."],
            ["{o:INCB} has worked with online platforms to remove listings offering precursors.",
             "Monitoring of online advertising has led to the identification of hundreds of suspicious suppliers."],
            [None, "Small parcels sent by express courier are difficult to detect among millions of legitimate shipments."],
        ]),
    ],
    quotes=[
        "Without chemicals, there are no drugs. Precursor control is one of the most effective tools we have.",
        "Traffickers exploit every gap between what is controlled and what is not.",
        "The chemical industry is our partner. Most diversion attempts are stopped because a company picks up the phone.",
        "We are in a race with chemists who design substances precisely to escape control.",
        "This seizure deprived illicit laboratories of chemicals that could have produced drugs worth many millions on the street.",
        "Information shared through PICS allowed us to act before the chemicals reached the laboratories.",
    ],
    follow=[
        "{p:a} added that the case had been reported to {o:INCB} through PICS.",
        "{He:a} urged companies to report any suspicious orders without delay.",
        "{p:b} said that non-scheduled chemicals were now the main challenge.",
        "{He:b} welcomed the support of industry partners.",
    ],
    findings=[
        "Traffickers increasingly rely on non-scheduled and designer precursors.",
        "Acetic anhydride continues to be diverted for heroin manufacture, with seizures reported in {g:TR} and {g:IR}.",
        "Fentanyl precursors are traded openly online and shipped by courier.",
        "Voluntary cooperation with industry prevents a significant number of diversion attempts.",
        "Pre-export notifications through PEN Online remain a key safeguard for international trade.",
    ],
    recs=[
        "Make systematic use of PEN Online and PICS.",
        "Consider generic or extended control measures for families of designer precursors.",
        "Strengthen voluntary partnerships with chemical, pharmaceutical, online and logistics companies.",
        "Train customs officers in the identification of precursor chemicals and mislabelled shipments.",
        "Investigate the financial flows behind precursor diversion.",
    ],
    notes=[
        "INCB, Precursors and Chemicals Frequently Used in the Illicit Manufacture of Narcotic Drugs and Psychotropic Substances (Vienna, {prev_year}).",
        "United Nations Convention against Illicit Traffic in Narcotic Drugs and Psychotropic Substances, 1988, article 12.",
        "UNODC, {wdr} (Vienna, {wdr_year}).",
        "European Commission, Report on the implementation of EU drug precursor legislation.",
    ],
    table=precursor_table,
)


# --------------------------------------------------------------------------
# Theme: money_laundering
# --------------------------------------------------------------------------


def ml_table(rng: Random, d: dt.date, opts: dict[str, Any]) -> tuple[str, list[str], list[list[str]], str]:
    y = d.year - 1
    cats = ["Cash", "Real estate", "Vehicles and boats", "Bank accounts", "Virtual assets", "Luxury goods"]
    rows = [[c, f"{rng.uniform(0.5, 45):.1f}", f"{rng.uniform(0.2, 30):.1f}", fmt_int(rng.randint(4, 120))] for c in cats]
    return (f"Assets seized or frozen in drug-related financial investigations, {y} (selected cases)",
            ["Asset type", "Seized (EUR million)", "Confiscated (EUR million)", "Number of cases"], rows,
            "Source: asset recovery offices and financial intelligence units; indicative figures compiled for this brief.")


MONEY = Theme(
    name="money_laundering",
    people=["lefevre", "oconnor", "baran", "nakamura", "ivanova", "haidari", "kovac"],
    fixed={
        "front": ["a car dealership", "a chain of nail salons", "a fruit import company", "a currency exchange office",
                  "a construction company", "a network of mobile phone shops", "a restaurant group"],
        "haven": ["Dubai", "Hong Kong, China", "Istanbul", "Panama", "Cyprus"],
    },
    fresh={
        "money": g_money(0.3, 90),
        "n_arrest": g_int(5, 48),
        "n_search": g_int(12, 95),
        "n_str": g_int(800, 14000),
        "n_prop": g_int(3, 40),
    },
    place_styles={"IR": ["formal", "short"]},
    blocks=[
        B("m-follow", "context", ["Following the money", "Why financial investigations matter"], [
            ["Drug trafficking generates enormous profits, and criminal networks depend on their ability to launder them.",
             "Money is the lifeblood of drug trafficking networks: it pays for supplies, transport, corruption and violence.",
             "Seizing drugs alone does little to weaken criminal organizations unless their assets are also targeted."],
            ["Financial investigations can reveal the structure of a network, identify its leaders and provide evidence that is harder to dispute than testimony.",
             "Following the money often leads investigators to people who never touch the drugs themselves.",
             "Only a small fraction of illicit proceeds are ever confiscated, according to estimates by {o:EUROPOL}."],
            ["Parallel financial investigations should therefore be launched in every major drug trafficking case.",
             None],
        ]),
        B("m-hawala", "hawala", ["Hawala and informal value transfer", "Informal money transfer"], [
            ["Hawala is an informal value transfer system based on trust, in which money is transferred without physically moving it.",
             "In a typical hawala transaction, a customer hands cash to a broker in one country and a partner broker pays out the equivalent sum elsewhere, with balances settled later.",
             "Informal value transfer systems such as hawala are widely used for legitimate remittances, particularly where banking services are limited."],
            ["The same systems are exploited by drug traffickers to move proceeds between Europe, {g:TR}, {g:IR}, the Gulf and Afghanistan.",
             "Balances between hawaladars are often settled through trade, for instance by over- or under-invoicing goods.",
             "Investigators have traced proceeds from heroin sales in Europe through hawala networks to {haven} and onwards to Afghanistan."],
            ["Because records are minimal and often kept in code, hawala networks are difficult to investigate.",
             "Regulating rather than banning such systems is widely seen as the most effective approach.",
             None],
        ]),
        B("m-crypto", "crypto", ["Virtual assets", "Cryptocurrency"], [
            ["Virtual assets have become a standard tool for drug trafficking networks, from darknet vendors to wholesale cocaine importers.",
             "Stablecoins, particularly those pegged to the US dollar, are increasingly used to settle transactions between criminal groups.",
             "Criminal networks convert cash into cryptocurrency through over-the-counter brokers, who charge a commission for their services."],
            ["Blockchain analysis allows investigators to trace transactions, but mixers, privacy coins and cross-chain bridges make the task harder.",
             "Investigators have frozen cryptocurrency wallets worth {money} in recent operations.",
             "Exchanges that do not apply customer due diligence remain an important vulnerability."],
            ["{o:FATF} has extended its standards to virtual asset service providers, but implementation remains uneven.",
             "Specialised training in blockchain investigation, supported by {o:UNODC}, has been delivered to investigators in many countries.",
             None],
        ]),
        B("m-tbml", "trade", ["Trade-based money laundering", "Laundering through trade"], [
            ["Trade-based money laundering disguises the movement of value through the manipulation of trade transactions.",
             "Laundering through trade – over- and under-invoicing, phantom shipments and misdescribed goods – is among the hardest techniques to detect."],
            ["Cocaine proceeds from Europe have been laundered through the export of used cars and electronics to West Africa and South America.",
             "Chinese underground banking networks offer money laundering services to Latin American cartels, exchanging dollars for yuan through mirror transactions.",
             "Fruit import companies, used as fronts for cocaine shipments, also serve to move money."],
            ["Customs data and financial intelligence need to be brought together to identify these schemes.",
             None],
        ]),
        B("m-fatf", "standards", ["International standards", "The FATF framework"], [
            ["{o:FATF} sets the international standards for combating money laundering, and its forty Recommendations have been endorsed by more than 200 jurisdictions.",
             "Under the standards of {o:FATF}, countries must criminalise money laundering, establish financial intelligence units and be able to confiscate criminal proceeds."],
            ["Mutual evaluations assess how effectively countries apply these standards; jurisdictions with strategic deficiencies are placed under increased monitoring.",
             "Listing on the so-called grey list can have significant economic consequences and creates strong incentives for reform.",
             "In Europe, {o:MONEYVAL} carries out evaluations for Council of Europe member States that are not members of the FATF."],
            [None, "Recent evaluations have highlighted weaknesses in the supervision of real estate agents, lawyers and accountants."],
        ]),
        B("m-fiu", "fiu", ["Financial intelligence units", "The role of FIUs"], [
            ["Financial intelligence units receive and analyse suspicious transaction reports from banks and other obliged entities.",
             "Banks, money transfer operators, notaries and casinos are required to report suspicious transactions to their national FIU."],
            ["Last year, FIUs in the region received {n_str} reports linked to suspected drug trafficking.",
             "Analysis of suspicious transaction reports allowed investigators to identify networks of money mules and front companies.",
             "{o:EGMONT} provides a secure channel for the exchange of information between FIUs worldwide."],
            ["The software goAML, developed by {o:UNODC}, is used by many FIUs to receive and analyse reports.",
             "Feedback from FIUs to reporting institutions remains limited, according to the banking sector.",
             None],
        ]),
        B("m-assets", "confiscation", ["Asset recovery", "Confiscating criminal assets"], [
            ["Confiscating the proceeds of drug trafficking removes the incentive for crime and deprives networks of the means to reinvest.",
             "Asset recovery offices in each EU Member State trace and identify criminal property on behalf of investigators and prosecutors.",
             "Non-conviction-based confiscation allows authorities to recover assets even when a criminal conviction cannot be obtained."],
            ["{o:CARIN} connects practitioners in more than 100 jurisdictions to facilitate the tracing of assets across borders.",
             "Some countries reuse confiscated assets for social purposes, turning villas into community centres or funding treatment programmes.",
             "Investigators seized {n_prop} properties, luxury vehicles and bank accounts worth {money} in the course of the investigation."],
            ["Yet only a small share of criminal proceeds is ever recovered, and the management of seized assets remains a challenge.",
             None],
        ]),
        B("m-op", "operation", ["The operation", "Action day"], [
            ["During the action day, officers carried out {n_search} searches and arrested {n_arrest} suspects.",
             "The investigation led to {n_arrest} arrests and the freezing of bank accounts and cryptocurrency wallets.",
             "Searches were carried out simultaneously in several countries, coordinated from an operational centre set up at {o:EUROPOL}."],
            ["The network used {front} as a front to mix drug proceeds with legitimate income.",
             "The suspects allegedly laundered proceeds from cocaine and heroin trafficking through {front} and a web of shell companies.",
             "Investigators found cash hidden in false walls, alongside ledgers recording payments to couriers."],
            ["Cash worth {money}, luxury watches and high-end vehicles were seized.",
             "The suspects face charges of money laundering and participation in a criminal organization.",
             None],
        ]),
        B("m-professionals", "enablers", ["Professional enablers", "Professional money launderers"], [
            ["Drug networks increasingly rely on professional money launderers who provide their services to several groups at once.",
             "Lawyers, accountants and company service providers can play a critical role in setting up the structures used to launder money.",
             "Professional money laundering networks offer a complete service, from the collection of cash to the reinvestment of proceeds abroad."],
            ["Real estate in {haven} and elsewhere is a common destination for laundered proceeds.",
             "Luxury goods, gold and high-value cars provide convenient stores of value."],
            ["Investigations into such enablers are complex but can disrupt many criminal groups at once.",
             None],
        ]),
        B("m-mules", "cash", ["Cash couriers and money mules", "Moving cash"], [
            ["Despite the growth of digital payments, cash remains the main currency of the drug trade.",
             "Cash couriers move large sums across borders by car, bus and plane, often in concealed compartments."],
            ["Money mules, often young people recruited online, allow their bank accounts to be used to move illicit funds.",
             "The annual European Money Mule Action, supported by {o:EUROPOL}, identifies thousands of mules each year."],
            [None, "Cash controls at borders and limits on cash payments are important tools to disrupt these flows."],
        ]),
    ],
    quotes=[
        "Drug trafficking is a business, and businesses can be hit where it hurts: their money.",
        "Financial investigations should not be an afterthought. They should start on day one.",
        "Criminals adapt quickly to new technologies. Virtual assets are now part of almost every large investigation.",
        "Confiscated assets must be returned to society, not just frozen in a bank account.",
        "Hawala is not criminal in itself. The problem is when it is used to move drug money without any oversight.",
        "No single FIU can see the whole picture. Information sharing is essential.",
    ],
    follow=[
        "{p:a} added that further seizures were expected as the analysis of financial records continued.",
        "{He:a} called on banks and virtual asset service providers to strengthen their due diligence.",
        "{p:b} said that the case illustrated the value of parallel financial investigations.",
        "{He:b} noted that cooperation with partner FIUs through {o:EGMONT} had been essential.",
    ],
    findings=[
        "Drug proceeds are laundered through a mix of cash, informal value transfer, trade and virtual assets.",
        "Hawala networks link European drug markets with {g:TR}, {g:IR}, the Gulf and Afghanistan.",
        "Virtual assets, especially stablecoins, are increasingly used by drug trafficking networks.",
        "Only a small share of illicit proceeds is confiscated.",
        "Professional money launderers serve several criminal groups at once.",
    ],
    recs=[
        "Launch parallel financial investigations in all major drug trafficking cases.",
        "Strengthen the supervision of money value transfer services, including hawala operators.",
        "Build capacity in blockchain analysis and cooperation with virtual asset service providers.",
        "Make greater use of non-conviction-based confiscation where legally possible.",
        "Improve feedback from FIUs to reporting entities.",
    ],
    notes=[
        "FATF, International Standards on Combating Money Laundering and the Financing of Terrorism & Proliferation (Paris, updated {prev_year}).",
        "FATF, Money Laundering from Fentanyl and Synthetic Opioids (Paris, 2022).",
        "UNODC, {wdr} (Vienna, {wdr_year}).",
        "Europol, Serious and Organised Crime Threat Assessment (The Hague).",
    ],
    table=ml_table,
)


# --------------------------------------------------------------------------
# Theme: treatment_prevention
# --------------------------------------------------------------------------


def treatment_table(rng: Random, d: dt.date, opts: dict[str, Any]) -> tuple[str, list[str], list[list[str]], str]:
    y = d.year - 1
    if opts.get("table") == "family":
        sites = ["Almaty", "Bishkek", "Dushanbe", "Tashkent", "Ashgabat", "Ankara", "Sarajevo", "Skopje"]
        rows = [[s, fmt_int(rng.randint(40, 420)), f"{rng.randint(68, 93)}%", f"{rng.randint(12, 38)}%"] for s in sites]
        return (f"Family skills programme: participation and results by site, {y}",
                ["Site", "Families enrolled", "Completion rate", "Reduction in risk behaviour score"], rows,
                "Source: programme monitoring data; pre- and post-intervention questionnaires.")
    countries = ["Albania", "Bosnia and Herzegovina", "Bulgaria", "Croatia", "Montenegro", "North Macedonia", "Serbia", "Slovenia"]
    rows = [[c, fmt_int(rng.randint(300, 6000)), fmt_int(rng.randint(2, 60)), rng.choice(["Yes", "No", "Pilot"]),
             f"{rng.randint(8, 55)}%"] for c in countries]
    return (f"Selected treatment and harm reduction indicators, {y}",
            ["Country", "Clients in opioid agonist treatment", "Needle and syringe programme sites", "Take-home naloxone", "Estimated coverage"],
            rows, "Source: national focal points, UNODC and WHO data collection; estimates of coverage are approximate.")


TREATMENT = Theme(
    name="treatment_prevention",
    people=["ferreira", "novak", "ozturk", "hristova", "siddiqi", "kowalski", "hughes", "lindqvist"],
    fixed={
        "programme": ["the Strong Families programme", "the Unplugged school curriculum", "the Line Up Live Up sports programme",
                      "a community-based treatment programme", "a family skills training programme"],
        "venue": ["a community centre", "a district health clinic", "a secondary school", "a youth centre"],
    },
    fresh={
        "n_people": g_int(1200, 48000),
        "pct": lambda rng: f"{rng.randint(8, 64)} per cent",
        "n_sites": g_int(6, 140),
        "n_fam": g_int(60, 2400),
        "n_staff": g_int(25, 480),
    },
    place_styles={"IR": ["formal", "short"]},
    blocks=[
        B("t-gap", "context", ["The treatment gap", "Access to treatment", "Background"], [
            ["Worldwide, only a minority of people with drug use disorders receive treatment, according to the {wdr}.",
             "Fewer than one in five people who need treatment for drug use disorders receive it, with the gap widest in low- and middle-income countries.",
             "Access to evidence-based treatment remains limited in most parts of the world, despite decades of research on what works."],
            ["Women face particular barriers, including stigma, lack of childcare and services designed primarily for men.",
             "People in prison, migrants and people living in rural areas are among those least likely to receive care.",
             "Stigma and the fear of criminal sanctions keep many people from seeking help."],
            ["Closing the treatment gap is both a public health priority and a question of human rights.",
             "Investment in treatment pays off: every dollar spent returns several dollars in reduced crime and health costs.",
             None],
        ]),
        B("t-standards", "standards", ["International standards", "Evidence-based treatment"], [
            ["The International Standards for the Treatment of Drug Use Disorders, developed by {o:UNODC} and {o:WHO}, describe the components of an effective treatment system.",
             "According to the joint UNODC-WHO standards, treatment should be voluntary, based on informed consent and available without discrimination.",
             "The standards set out principles such as accessibility, ethical care and integration with health and social services."],
            ["They cover a continuum of care, from outreach and screening to outpatient and residential treatment, recovery management and social reintegration.",
             "Compulsory detention in the name of treatment is not supported by the evidence and violates human rights."],
            ["Countries are encouraged to use the standards to review and improve their national systems.",
             None],
        ]),
        B("t-oat", "oat", ["Opioid agonist treatment", "Methadone and buprenorphine"], [
            ["Opioid agonist treatment with methadone or buprenorphine is among the most effective interventions for people dependent on heroin and other opioids.",
             "Methadone and buprenorphine reduce illicit opioid use, overdose deaths and the transmission of HIV and hepatitis C.",
             "Long-term opioid agonist treatment is recommended by {o:WHO} for people with opioid dependence."],
            ["{g:IR} runs one of the largest methadone programmes in the region, with thousands of clinics across the country.",
             "In {g:TR}, specialised centres such as {o:AMATEM} offer outpatient and inpatient treatment for substance use disorders.",
             "Coverage across South-Eastern Europe varies widely, from a few hundred patients in some countries to several thousand in others."],
            ["Continuity of treatment after release from prison is critical, as the risk of overdose is particularly high in the first weeks.",
             "Take-home doses, introduced in many countries during the COVID-19 pandemic, have made treatment more accessible.",
             None],
        ]),
        B("t-harm", "harm_reduction", ["Harm reduction", "Reducing harm"], [
            ["Harm reduction services such as needle and syringe programmes, naloxone distribution and drug consumption rooms save lives.",
             "Needle and syringe programmes have been shown to reduce the spread of HIV and hepatitis C among people who inject drugs.",
             "Naloxone, a medicine that reverses opioid overdose, is increasingly distributed to people who use drugs, their families and first responders."],
            ["In many countries, services are run by non-governmental organizations and peer workers who are trusted by the communities they serve.",
             "Mobile outreach teams bring testing, clean equipment and counselling to people who do not visit fixed sites.",
             "Drug checking services help people who use drugs to learn about the content of what they have bought."],
            ["Funding remains fragile, and several programmes in the region closed after international donors withdrew.",
             "{o:UNAIDS} has warned that harm reduction coverage is far below global targets.",
             None],
        ]),
        B("t-prevention", "prevention", ["Prevention", "What works in prevention"], [
            ["The International Standards on Drug Use Prevention identify interventions that are supported by evidence, from early childhood to adulthood.",
             "Effective prevention starts early: programmes that strengthen parenting skills and family relations reduce later substance use.",
             "Prevention works best when it addresses the reasons why young people start using drugs, rather than simply warning them of the dangers."],
            ["School-based programmes that build personal and social skills have shown positive effects, while one-off information sessions have not.",
             "{programme} has reached {n_fam} families in the pilot areas.",
             "Evaluations show that family skills training improves communication between parents and children and reduces risk behaviours."],
            ["Scare tactics and testimonies by former users are widely used but have little or no effect.",
             "Prevention also means providing young people with opportunities, from sports to vocational training.",
             None],
        ]),
        B("t-stigma", "rights", ["Stigma and human rights", "A people-centred approach"], [
            ["Stigma remains one of the main barriers to care for people who use drugs.",
             "People who use drugs often face discrimination in health services, at work and in their communities.",
             "Using respectful, non-stigmatising language – for example, ‘people who use drugs’ instead of ‘addicts’ – is a first step."],
            ["Alternatives to conviction or punishment, as provided for in the international drug control conventions, can divert people towards treatment.",
             "Health-centred approaches that treat drug use disorders as a health condition are gaining ground.",
             "Involving people with lived experience in the design of services improves their quality and acceptance."],
            [None, "Civil society organizations play a key role in advocating for the rights of people who use drugs."],
        ]),
        B("t-europe", "europe", ["The European situation", "Trends in Europe"], [
            ["The {edr} shows that drug-induced deaths in Europe remain high, with opioids involved in most cases.",
             "Data collected by {o:EMCDDA} show that the population of people who use heroin in Europe is ageing, with growing health needs.",
             "More people are entering treatment for cocaine problems in Europe, while the number of new heroin clients has fallen."],
            ["New synthetic opioids, such as nitazenes, pose a growing threat because of their high potency.",
             "Polydrug use, including combinations of stimulants, opioids and alcohol, complicates treatment.",
             "Waiting lists for treatment have lengthened in several countries."],
            ["National drug strategies increasingly integrate treatment with mental health and social services.",
             None],
        ]),
        B("t-afghan", "humanitarian", ["Services in crisis settings", "Afghanistan"], [
            ["Afghanistan has one of the highest rates of drug use in the world, with many women and children affected.",
             "In Afghanistan, drug use has long been associated with poverty, displacement and the lack of health services.",
             "Humanitarian crises disrupt access to treatment, as seen in Afghanistan and in other conflict settings."],
            ["Community-based treatment, delivered in homes and villages, has proven effective where clinics are out of reach.",
             "Treatment centres for women and children, supported by {o:UNODC}, provide care alongside education and vocational training.",
             "Returnees from {g:IR} and Pakistan who developed drug use disorders abroad are among those seeking help."],
            [None, "Funding shortfalls threaten the continuity of many services."],
        ]),
        B("t-workforce", "training", ["Training the workforce", "Building capacity"], [
            ["Training health workers is essential to expand access to quality care.",
             "{o:UNODC} has trained thousands of health professionals through its Treatnet training package.",
             "Through training courses and mentoring, {n_staff} doctors, nurses, psychologists and social workers have been trained."],
            ["The courses cover screening, brief interventions, pharmacological treatment and the management of co-occurring disorders.",
             "Participants learn to deliver evidence-based interventions in primary health care settings."],
            ["Trained staff then pass on their knowledge to colleagues in their own institutions.",
             None],
        ]),
        B("t-covid", "covid", ["Keeping services open", "Continuity of care"], [
            ["The COVID-19 pandemic forced treatment and harm reduction services to adapt rapidly.",
             "During the lockdowns, many services reduced opening hours or moved consultations online.",
             "Services for people who use drugs were disrupted in most countries during the first months of the pandemic."],
            ["Several countries relaxed rules on take-home doses of methadone and buprenorphine to reduce the need for daily clinic visits.",
             "Outreach workers delivered medication and supplies to people in quarantine."],
            ["Many of these adaptations proved so useful that they have been maintained.",
             None],
        ], after="2020-03-01"),
        B("t-event", "event", ["The event", "World Drug Day"], [
            ["Each year on 26 June, the International Day against Drug Abuse and Illicit Trafficking is marked around the world.",
             "The event brought together government officials, health professionals, civil society representatives and young people.",
             "Participants included representatives of ministries of health, justice and education, as well as non-governmental organizations."],
            ["Discussions focused on how to make health services more accessible and to reduce stigma.",
             "Young people presented their own ideas for prevention campaigns in schools and on social media.",
             "The {wdr} was presented during the event."],
            [None, "A photo exhibition documented the lives of people in recovery."],
        ]),
    ],
    quotes=[
        "Drug use disorders are health conditions. People who use drugs deserve care, not stigma.",
        "Treatment works. The problem is that too few people can access it.",
        "Prevention is an investment in the future of our children.",
        "Every overdose death is preventable. Naloxone should be available wherever it is needed.",
        "We need services that meet people where they are, not where we would like them to be.",
        "Families are the first line of prevention. When we support parents, we protect children.",
        "The evidence is clear: health-based approaches save lives and money.",
    ],
    follow=[
        "{p:a} added that services had to be accessible, affordable and free of discrimination.",
        "{He:a} called on governments to increase funding for prevention and treatment.",
        "{p:b} said that people with lived experience should be involved in designing services.",
        "{He:b} highlighted the need for better data on treatment outcomes.",
    ],
    findings=[
        "Only a minority of people with drug use disorders receive evidence-based treatment.",
        "Opioid agonist treatment and harm reduction services remain under-resourced in many countries.",
        "Family skills programmes show consistent positive effects on risk behaviour.",
        "Women and people in prison face significant barriers to treatment.",
        "Stigma continues to prevent people from seeking help.",
    ],
    recs=[
        "Expand access to evidence-based treatment in line with the UNODC-WHO International Standards.",
        "Ensure sustainable funding for harm reduction services, including naloxone programmes.",
        "Scale up prevention programmes with proven effectiveness, such as family skills training.",
        "Provide gender-responsive services and continuity of care between prison and community.",
        "Involve people who use drugs in the design and evaluation of services.",
    ],
    notes=[
        ("UNODC and WHO, International Standards for the Treatment of Drug Use Disorders (revised edition, 2020).", "2020-11-19"),
        "UNODC and WHO, Principles of Drug Dependence Treatment (Vienna and Geneva, 2008).",
        "UNODC and WHO, International Standards on Drug Use Prevention (second updated edition, 2018).",
        "UNODC, {wdr} (Vienna, {wdr_year}).",
        "EMCDDA, {edr} (Lisbon, {edr_year}).",
    ],
    table=treatment_table,
)

THEME_OBJS = {t.name: t for t in (HEROIN, COCAINE, SYNTH, PRECURSORS, MONEY, TREATMENT)}


# --------------------------------------------------------------------------
# Document specifications
# --------------------------------------------------------------------------


@dataclass
class Spec:
    slug: str
    theme: str
    fmt: str  # pdf | html | docx | txt
    kind: str  # report | press | briefing | minutes
    date: str
    title: str
    lead: str
    issuer: str = "UNODC"
    city: str = "Vienna"
    country: str = "Austria"
    dateline: int = 0
    people: tuple[str, ...] = ()
    vars: dict[str, Any] = field(default_factory=dict)
    extras: list[str] = field(default_factory=list)
    prefer: list[str] = field(default_factory=list)
    avoid: list[str] = field(default_factory=list)
    max_blocks: int | None = None
    enc: str = "utf-8"
    crlf: bool = False
    wrap: int = 0
    straight: bool = False
    places: dict[str, str] = field(default_factory=dict)
    opts: dict[str, Any] = field(default_factory=dict)
    folder: str = ""
    # pdf
    header: str = ""
    subtitle: str = ""
    author: str = ""
    columns: int = 1
    serif: bool = False
    footer: str = "of"  # "of" -> "Page 3 of 5", "num" -> "3"
    # html
    tpl: str = "portal"
    site: str = "unodc"
    charset: str = "utf-8"
    mirror_of: str | None = None
    change: tuple[str, str] | None = None

    @property
    def d(self) -> dt.date:
        return dt.date.fromisoformat(self.date)

    @property
    def ext(self) -> str:
        return self.fmt

    @property
    def relpath(self) -> str:
        folder = self.folder or {"pdf": "reports", "html": "web", "docx": "notes", "txt": "press"}[self.fmt]
        return f"corpus/{folder}/{self.date}-{self.slug}.{self.ext}"


S = Spec
SPECS: list[Spec] = [
    # ------------------------------------------------------------------ heroin_balkan
    S("balkan-route-heroin-trends-2016-2018", "heroin_balkan", "pdf", "report", "2019-11-14",
      "Heroin Trafficking on the Balkan Route: Trends and Responses, 2016–2018",
      "This brief reviews heroin trafficking along the Balkan route between 2016 and 2018, drawing on seizure data from {g:IR}, {g:TR} and the countries of South-Eastern Europe. It was prepared by the Regional Programme for South-Eastern Europe of {o:UNODC} in cooperation with {o:SELEC} and is intended for policymakers and practitioners in the region. Its main message is simple: despite record seizures, the flow of heroin towards the European Union has not diminished.",
      people=("mensah", "petrova", "georgiev"), header="UNODC Regional Office for South-Eastern Europe | Research Brief",
      subtitle="Research Brief No. 3/2019", author="UNODC Regional Programme for South-Eastern Europe",
      places={"TR": "old"}, opts={"long": True}, prefer=["h-route", "h-prewar", "h-turkiye"]),
    S("afghan-opiate-ban-early-signals-see", "heroin_balkan", "pdf", "report", "2023-09-20",
      "Opiate Flows after the Afghan Cultivation Ban: Early Signals from South-Eastern Europe",
      "In April 2022 the Taliban de facto authorities announced a ban on opium poppy cultivation in Afghanistan, and within a year cultivation had fallen by an estimated 95 per cent. This brief, prepared by {o:UNODC} with input from {o:SELEC} and national authorities, examines whether the decline in supply has begun to affect heroin trafficking along the Balkan route, and what signals practitioners should watch for in the months ahead.",
      people=("lindqvist", "petrova", "rahimi"), header="UNODC Research Brief | Drugs Monitoring Platform",
      subtitle="Research Brief, September 2023", author="UNODC Research and Trend Analysis Branch",
      columns=2, places={"TR": "new"}, prefer=["h-ban", "h-route", "h-meth", "h-outlook"], footer="num"),
    S("bulgarian-customs-412kg-heroin-kapitan-andreevo", "heroin_balkan", "html", "press", "2021-03-18",
      "Bulgarian customs seize 412 kg of heroin at Kapitan Andreevo",
      "Officers of {o:BGCUS} at the Kapitan Andreevo border crossing point found 412 kg of heroin in {vehicle} that had entered Bulgaria from {g:TR} on the evening of 16 March. The drugs were hidden in {concealment}. It is the largest single heroin seizure at the crossing so far this year.",
      issuer="BGCUS", city="Sofia", country="Bulgaria", dateline=0, people=("georgiev", "petrova"),
      vars={"crossing": CROSSINGS[0], "concealment": "rolls of upholstery fabric", "vehicle": "a TIR truck registered in {g:TR}"},
      places={"TR": "old"}, prefer=["h-op", "h-bulgaria"], tpl="customs", site="bgcustoms"),
    S("europol-balkan-route-heroin-network-27-arrests", "heroin_balkan", "html", "press", "2024-02-07",
      "Heroin network dismantled along the Balkan route: 27 arrests in five countries",
      "Law enforcement authorities from Bulgaria, Greece, {g:TR}, Serbia and {g:NL}, supported by {o:EUROPOL} and {o:SELEC}, have dismantled a criminal network suspected of trafficking heroin from {g:TR} to Western Europe. During a coordinated action day on 30 January, officers arrested 27 suspects and carried out 41 house searches. Investigators estimate that the network moved at least 1.3 tonnes of heroin along the Balkan route over two years.",
      issuer="EUROPOL", city="The Hague", country="the Netherlands", dateline=2, people=("kovac", "aydin", "papadakis"),
      places={"TR": "new"}, prefer=["h-groups", "h-coop"], tpl="portal", site="europol"),
    S("briefing-heroin-turkey-western-balkans", "heroin_balkan", "docx", "briefing", "2020-06-11",
      "Briefing note: Heroin flows through Turkey and the Western Balkans",
      "This note provides an overview of recent trends in heroin trafficking through {g:TR} and the Western Balkans for the regional steering committee. It summarises seizure data for 2019, highlights changes in trafficking methods observed during the first months of COVID-19 movement restrictions and proposes areas for further support.",
      people=("mensah", "aydin", "petrova"), places={"TR": "old"}, prefer=["h-turkiye", "h-balkans"]),
    S("minutes-selec-heroin-task-force-bucharest", "heroin_balkan", "docx", "minutes", "2022-10-05",
      "Minutes of the SELEC Anti-Drug Trafficking Task Force meeting, Bucharest",
      "The Anti-Drug Trafficking Task Force of {o:SELEC} held its autumn meeting at the headquarters of the Center in Bucharest on 4 and 5 October 2022. Representatives of all Member States attended, together with observers from {o:EUROPOL}, {o:UNODC} and {o:DEA}.",
      issuer="SELEC", city="Bucharest", country="Romania", people=("petrova", "georgiev", "papadakis"),
      places={"TR": "new"}, prefer=["h-ban", "h-bulgaria", "h-meth"]),
    S("turkish-police-heroin-van-province", "heroin_balkan", "txt", "press", "2019-04-03",
      "Turkish police seize 1.1 tonnes of heroin in Van province",
      "Counter-narcotics teams of {o:TNP} seized 1.1 tonnes of heroin in an operation in the eastern province of Van, near the border with {g:IR}. The drugs were found in a truck carrying {concealment} after several weeks of surveillance. Five suspects were detained, among them the alleged organiser of the shipment, who was arrested at a petrol station outside the city.",
      issuer="TNP", city="Ankara", country="Turkey", dateline=0, people=("aydin", "rahimi"),
      vars={"concealment": "a load of dried apricots"}, places={"TR": "old", "IR": "short"}, prefer=["h-op", "h-iran", "h-turkiye"]),
    S("unodc-iran-border-cooperation-opiates", "heroin_balkan", "txt", "press", "2022-12-14",
      "UNODC and the Islamic Republic of Iran strengthen border cooperation against opiate trafficking",
      "{o:UNODC} and {o:DCHQ} today signed a new two-year cooperation plan to strengthen controls along the eastern border of {g:IR}. The plan provides for the delivery of body scanners, drug detection kits and training for border officers, and for the expansion of the border liaison offices established under the Triangular Initiative.",
      city="Tehran", country="Islamic Republic of Iran", dateline=1, people=("rahimi", "lindqvist"),
      enc="utf-16", places={"TR": "new"}, prefer=["h-iran", "h-ban", "h-southern"]),
    S("kapikule-heroin-tomato-paste", "heroin_balkan", "txt", "press", "2025-03-27",
      "Heroin hidden in tomato paste jars intercepted at Kapıkule border gate",
      "Customs enforcement teams at the Kapıkule border gate in Edirne found 96 kg of heroin hidden in 640 jars of tomato paste carried by a truck heading for Bulgaria. The truck, registered in {g:TR}, was selected for a detailed inspection after a risk analysis of its route and cargo. The driver was detained.",
      issuer="TRCUS", city="Edirne", country="Türkiye", dateline=1, people=("demir", "aydin"),
      vars={"crossing": CROSSINGS[1], "concealment": "jars of tomato paste"}, places={"TR": "new"},
      prefer=["h-op", "h-turkiye"], wrap=72),
    # ------------------------------------------------------------------ cocaine_ports
    S("cocaine-european-seaports-threat-assessment", "cocaine_ports", "pdf", "report", "2020-05-28",
      "Cocaine Trafficking through European Seaports: A Threat Assessment",
      "This report assesses the threat posed by cocaine trafficking through the seaports of the European Union. It draws on information contributed by Member States and partner countries to {o:EUROPOL}, on data from {o:MAOC} and on open sources. The analysis covers the period from 2017 to 2019 and focuses on the main container ports of Antwerp, Rotterdam, Hamburg, Algeciras and Valencia.",
      issuer="EUROPOL", city="The Hague", people=("claes", "vermeulen", "ortega"),
      header="Europol Public Information | Strategic Analysis Report", subtitle="Public version",
      author="Europol – European Serious and Organised Crime Centre", columns=2, serif=True,
      prefer=["c-supply", "c-ports", "c-riponoff", "c-violence"]),
    S("ccp-latin-american-ports-annual-review", "cocaine_ports", "pdf", "report", "2024-11-12",
      "Container Control Programme: Results from Latin American Ports",
      "{o:CCP} helps governments to establish Port Control Units that identify and inspect high-risk containers. This review summarises the results achieved by units in Latin America and the Caribbean between July 2023 and June 2024 and the challenges they face as cocaine production reaches record levels.",
      people=("santos", "mendoza", "ribeiro"), header="UNODC–WCO Container Control Programme | Annual Review",
      subtitle="Annual Review 2023–2024", author="UNODC-WCO Container Control Programme", opts={"table": "ccp", "long": True},
      prefer=["c-ccp", "c-ecuador", "c-supply", "c-westafrica"], footer="num"),
    S("guardia-civil-algeciras-bananas", "cocaine_ports", "html", "press", "2023-03-08",
      "Guardia Civil seizes 6.3 tonnes of cocaine hidden in banana containers in Algeciras",
      "Officers of {o:GC}, working with the Customs Surveillance Service of the Spanish Tax Agency, have seized 6.3 tonnes of cocaine hidden in six refrigerated containers of bananas in the port of Algeciras (Cádiz). The containers had arrived from Guayaquil, Ecuador, aboard a vessel that had called at two ports in Central America. Seven people have been arrested in Cádiz, Madrid and Málaga.",
      issuer="GC", city="Madrid", country="Spain", dateline=0, people=("ortega", "claes"),
      vars={"eu_port": EU_PORTS[3], "src": SRC_PORTS[0], "cover": "bananas", "hide": "among the boxes of the cover load"},
      prefer=["c-op", "c-spain", "c-ecuador"], max_blocks=3, tpl="customs", site="guardiacivil"),
    S("maritime-security-watch-algeciras", "cocaine_ports", "html", "press", "2023-03-09",
      "Guardia Civil seizes 6.3 tonnes of cocaine hidden in banana containers in Algeciras",
      "", issuer="GC", tpl="news", site="msw", folder="web/mirror", mirror_of="guardia-civil-algeciras-bananas",
      change=("Seven people have been arrested in Cádiz, Madrid and Málaga.",
              "Seven people were arrested in the provinces of Cádiz, Madrid and Málaga, according to the Guardia Civil.")),
    S("dutch-customs-cocaine-pineapples-rotterdam", "cocaine_ports", "html", "press", "2021-10-21",
      "Customs find 2,150 kilos of cocaine among pineapples in Rotterdam",
      "{o:NLCUS} found 2,150 kilos of cocaine in a container of pineapples in the port of Rotterdam on 14 October. The shipment had departed from Moín in Costa Rica and was destined for a fruit importer in Belgium. The cocaine was packed in sports bags placed directly behind the container doors. {o:HARC}, a partnership of customs, the police and the Public Prosecution Service, is investigating the case.",
      issuer="NLCUS", city="Rotterdam", country="the Netherlands", dateline=3, people=("vermeulen", "claes"),
      vars={"eu_port": EU_PORTS[1], "src": SRC_PORTS[4], "cover": "pineapples"},
      prefer=["c-riponoff", "c-ports"], tpl="ngo", site="douane"),
    S("briefing-cocaine-west-africa-cote-divoire", "cocaine_ports", "docx", "briefing", "2022-02-16",
      "Briefing note: Cocaine flows via West Africa and Côte d’Ivoire",
      "This note summarises recent evidence on the use of West African countries, in particular {g:CI}, as transit points for cocaine destined for Europe, and outlines options for support under {o:CCP} and {o:AIRCOP}.",
      people=("kone", "santos", "lindqvist"), places={"CI": "curly"}, prefer=["c-westafrica", "c-air", "c-ccp"]),
    S("minutes-pcu-coordination-guayaquil", "cocaine_ports", "docx", "minutes", "2025-01-22",
      "Minutes – Port Control Unit coordination meeting, Guayaquil",
      "Heads of Port Control Units from Ecuador, Colombia, Peru and Brazil met in Guayaquil on 21 and 22 January 2025, together with liaison officers from Belgium, Spain and {g:NL} and representatives of {o:CCP}, to review cooperation on container controls and the response to record cocaine production.",
      city="Guayaquil", country="Ecuador", people=("mendoza", "santos", "ribeiro"),
      prefer=["c-ecuador", "c-ccp", "c-riponoff"]),
    S("santos-cocaine-bound-for-antwerp", "cocaine_ports", "txt", "press", "2019-09-25",
      "Federal Police seize 1.8 tonnes of cocaine in Santos bound for Antwerp",
      "{o:PF} seized 1.8 tonnes of cocaine at the port of Santos on Tuesday, hidden in a container loaded with green coffee and bound for Antwerp, Belgium. The drugs were found in 64 sports bags placed behind the container doors, a technique known as “rip-on/rip-off”. Two port workers were arrested at the terminal’s main gate.",
      issuer="PF", city="Santos", country="Brazil", dateline=3, people=("ribeiro", "claes"),
      vars={"eu_port": EU_PORTS[0], "src": SRC_PORTS[1], "cover": "green coffee"},
      enc="cp1252", crlf=True, prefer=["c-ecuador", "c-riponoff"], avoid=["c-op"], places={"CI": "straight"}),
    S("hamburg-coke-shipment", "cocaine_ports", "txt", "press", "2024-01-18",
      "Customs find 640 kg of cocaine in metallurgical coke shipment in Hamburg",
      "Investigators of {o:ZFA} have found 640 kg of cocaine in a bulk shipment of metallurgical coke that arrived in the port of Hamburg from Colombia. The drugs were packed in 25 waterproof bags buried in the coke, a solid fuel made by heating coking coal in the absence of air and used mainly in blast furnaces for steel production.",
      issuer="ZFA", city="Hamburg", country="Germany", dateline=2, people=("hartmann", "vermeulen"),
      extras=[
          "The bulk carrier had been scheduled to berth on 9 January, but thick ice on the lower Elbe and strong easterly winds forced the pilots to reduce the vessel’s speed to six knots and delayed its arrival by more than a day. Icebreakers kept the shipping channel open, and the unloading of 38,000 tonnes of coke began on the morning of 11 January.",
          "Customs officers monitoring the discharge noticed that several grab loads contained dark plastic sacks, and the terminal stopped operations immediately. Over the following three days, officers and detector dog teams searched the coke pile, working in temperatures of minus eight degrees while ice formed on the conveyor belts.",
          "“Finding cocaine in a cargo of coke is like looking for a needle in a haystack, only darker and colder,” said {p:a}. “The speed with which the terminal staff reacted made all the difference.” {He:a} said that the recipient, a steel company in Lower Saxony, was not under suspicion and was cooperating fully with the investigation.",
          "Shipments of coal and coke from South America have been used before to conceal cocaine, because the bulky, dense cargo is difficult to scan and accomplices at the terminal can retrieve the bags before the fuel is loaded onto barges for transport inland. Investigators believe that the bags were to be removed at night, before the coke left the terminal.",
      ],
      prefer=["c-ports", "c-encro"], max_blocks=2),
    # ------------------------------------------------------------------ synthetics
    S("captagon-trafficking-near-middle-east", "synthetics", "pdf", "report", "2023-05-10",
      "Captagon: Trafficking and Markets in the Near and Middle East",
      "Captagon has become one of the most widely trafficked drugs in the Near and Middle East. This brief brings together seizure data, forensic analyses and interviews with law enforcement officials to describe the captagon market, from production in {g:SY} and Lebanon to consumer markets in the Gulf, and to identify priorities for regional cooperation.",
      people=("lindqvist", "nasser", "haddad"), header="UNODC Research Brief | Synthetic Drugs in Focus",
      subtitle="Research Brief, May 2023", author="UNODC Research and Trend Analysis Branch", columns=2,
      opts={"table": "captagon"}, places={"SY": "formal", "TR": "new"},
      prefer=["s-captagon", "s-gulf", "s-jordan", "s-economy"], avoid=["s-asia", "s-afghanmeth"]),
    S("synthetic-drugs-east-southeast-asia-update", "synthetics", "pdf", "report", "2025-05-20",
      "Synthetic Drug Markets in East and Southeast Asia: Latest Developments",
      "Methamphetamine seizures in East and Southeast Asia reached another record in 2024. This update, prepared under {o:SMART}, summarises the latest data reported by governments in the region and examines the expansion of production in Shan State, {g:MM}, and the diversification of trafficking routes towards new markets.",
      people=("aung", "lindqvist"), header="UNODC Global SMART Programme | Regional Update",
      subtitle="Regional Update, May 2025", author="UNODC Regional Office for Southeast Asia and the Pacific",
      opts={"table": "asia"}, places={"LA": "formal"}, serif=True,
      prefer=["s-asia", "s-health", "s-monitor"], avoid=["s-gulf", "s-jordan", "s-captagon"]),
    S("zatca-captagon-pomegranates", "synthetics", "html", "press", "2021-11-03",
      "ZATCA foils attempt to smuggle 4.5 million captagon pills hidden in pomegranates",
      "{o:ZATCA} foiled an attempt to smuggle 4.5 million captagon pills hidden in a shipment of pomegranates arriving through the {gulf_entry}. The pills were concealed inside plastic balls painted to look like the fruit and placed among the genuine pomegranates. The authority coordinated with {o:GDNC}, which arrested two people in Riyadh who had been waiting for the shipment.",
      issuer="ZATCA", city="Riyadh", country="Saudi Arabia", dateline=0, people=("alqahtani", "nasser"),
      vars={"gulf_entry": "Al-Haditha crossing", "captagon_cover": "pomegranates"}, places={"SY": "short"},
      prefer=["s-gulf", "s-captagon"], max_blocks=3, tpl="customs", site="zatca"),
    S("europol-meth-labs-mexican-cooks-netherlands", "synthetics", "html", "press", "2024-08-29",
      "Methamphetamine labs run with Mexican cooks dismantled in the Netherlands and Belgium",
      "Police in {g:NL} and Belgium, supported by {o:EUROPOL}, have dismantled three large methamphetamine laboratories in which cooks from Mexico were working alongside local criminals. In total 16 suspects were arrested, including four Mexican nationals, and more than 1,200 kilograms of methamphetamine and 18,000 litres of chemicals were seized.",
      issuer="EUROPOL", city="The Hague", country="the Netherlands", dateline=2, people=("bakker", "kovac"),
      prefer=["s-europe", "s-monitor"], avoid=["s-gulf", "s-jordan"], tpl="portal", site="europol"),
    S("briefing-afghan-methamphetamine", "synthetics", "docx", "briefing", "2020-09-10",
      "Briefing note: Methamphetamine from Afghanistan – emerging trafficking patterns",
      "Methamphetamine manufacture in Afghanistan has expanded rapidly since 2017. This note summarises the evidence available to {o:UNODC} on production and trafficking, including the use of the ephedra plant, and considers the implications for neighbouring countries and for Europe.",
      people=("lindqvist", "rahimi"), places={"IR": "formal", "TR": "old"},
      prefer=["s-afghanmeth", "s-health", "s-monitor"], avoid=["s-gulf", "s-jordan", "s-economy"]),
    S("minutes-expert-group-captagon-amman", "synthetics", "docx", "minutes", "2022-05-17",
      "Minutes of the expert group meeting on captagon trafficking, Amman",
      "The expert group met in Amman on 16 and 17 May 2022 at the invitation of the Jordanian authorities, with participants from Iraq, Jordan, Lebanon, Saudi Arabia, {g:TR} and the United Arab Emirates, as well as {o:UNODC}, {o:INTERPOL} and {o:WCO}.",
      city="Amman", country="Jordan", people=("nasser", "haddad", "alqahtani"), places={"TR": "old", "SY": "formal"},
      prefer=["s-captagon", "s-jordan", "s-economy", "s-gulf"], avoid=["s-asia", "s-europe"]),
    S("shan-state-methamphetamine-record", "synthetics", "txt", "press", "2019-07-15",
      "Record methamphetamine haul in Shan State highlights scale of Golden Triangle production",
      "Authorities in {g:MM} seized 17 tons of methamphetamine tablets and crystal methamphetamine in Shan State over the past three months, according to information shared with {o:UNODC}. The seizures, together with large quantities of precursor chemicals found at the same sites, confirm that production in the Golden Triangle is operating on an industrial scale.",
      city="Bangkok", country="Thailand", dateline=0, people=("aung", "lindqvist"), places={"LA": "formal"},
      prefer=["s-asia", "s-health"], avoid=["s-gulf", "s-jordan", "s-captagon", "s-economy"]),
    S("jordan-drone-captagon-syrian-border", "synthetics", "txt", "press", "2023-12-05",
      "Jordan Armed Forces foil drone-borne captagon smuggling attempt on Syrian border",
      "{o:JAF} said on Tuesday that soldiers in the northern military region had shot down two drones carrying a total of 48,000 captagon pills as they crossed the border from {g:SY} overnight. In a separate incident in the same area, a patrol clashed with a group of armed smugglers, who withdrew into Syrian territory leaving behind 1.1 million pills.",
      issuer="JAF", city="Amman", country="Jordan", dateline=2, people=("haddad", "nasser"), places={"SY": "short"},
      enc="utf-8-sig", prefer=["s-jordan", "s-economy", "s-captagon"], avoid=["s-asia", "s-europe"]),
    # ------------------------------------------------------------------ precursors
    S("acetic-anhydride-diversion-heroin", "precursors", "pdf", "report", "2021-04-29",
      "Acetic Anhydride Diversion and Heroin Manufacture: Trafficking Patterns, 2017–2020",
      "Heroin manufacture in Afghanistan depends on imported acetic anhydride. This brief analyses seizures and diversion attempts reported between 2017 and 2020, examines the routes used to smuggle the chemical into Afghanistan – including through {g:IR}, {g:TR} and Central Asia – and reviews the tools available to governments to prevent diversion.",
      people=("weber", "rahimi", "yilmaz"), header="UNODC Research Brief | Precursor Control",
      subtitle="Research Brief, April 2021", author="UNODC Laboratory and Scientific Service",
      places={"TR": "old", "IR": "formal"}, prefer=["p-basics", "p-aa", "p-framework", "p-industry"]),
    S("designer-precursors-chemical-innovation", "precursors", "pdf", "report", "2024-03-14",
      "Designer Precursors and the Challenge of Chemical Innovation",
      "Since the mid-2010s drug manufacturers have increasingly turned to designer precursors – chemicals that are close relatives of controlled substances, have no known legitimate use and are made specifically to circumvent controls. This technical brief describes the phenomenon, reviews the regulatory responses adopted so far and discusses options for a more proactive approach.",
      issuer="INCB", people=("weber", "dekker", "chen"), header="INCB | Precursor Control Technical Brief",
      subtitle="Technical Brief No. 2", author="INCB Secretariat", columns=2, footer="num",
      prefer=["p-designer", "p-framework", "p-fentanyl", "p-online"]),
    S("mersin-acetic-anhydride-1500-litres", "precursors", "html", "press", "2020-10-08",
      "1,500 litres of acetic anhydride seized in Mersin",
      "Police in the southern province of Mersin seized 1,500 litres of acetic anhydride, a chemical used to produce heroin, in a warehouse near the port, the provincial security directorate said on Thursday. The chemical was stored in {container} labelled as {label}. Three suspects were detained.",
      issuer="TNP", city="Mersin", country="Turkey", dateline=1, people=("yilmaz", "weber"),
      vars={"container": "200-litre steel drums", "label": "industrial cleaning solvent"}, places={"TR": "old"},
      prefer=["p-seizure", "p-aa"], max_blocks=3, tpl="news", site="tdm"),
    S("incb-non-scheduled-fentanyl-precursors", "precursors", "html", "press", "2025-02-11",
      "INCB warns of rapid growth in non-scheduled fentanyl precursors",
      "{o:INCB} today warned that traffickers are rapidly shifting to chemicals that are not under international control to manufacture fentanyl and other synthetic opioids. In a special alert to governments, the Board said that more than a dozen non-scheduled chemicals closely related to NPP and 4-ANPP had been identified in seizures over the past year.",
      issuer="INCB", city="Vienna", country="Austria", dateline=0, people=("weber", "ramirez"),
      prefer=["p-fentanyl", "p-online", "p-framework"], tpl="portal", site="incb"),
    S("briefing-fentanyl-precursors", "precursors", "docx", "briefing", "2023-07-04",
      "Briefing note: Fentanyl precursors – NPP, 4-ANPP and emerging alternatives",
      "This note was prepared for the intersessional meeting of {o:CND}. It summarises the current situation regarding precursors of fentanyl and related substances, including recent scheduling decisions, trafficking trends and the role of non-scheduled chemicals.",
      issuer="INCB", people=("weber", "ramirez", "chen"), prefer=["p-fentanyl", "p-framework", "p-online"]),
    S("minutes-project-prism-cohesion-task-force", "precursors", "docx", "minutes", "2019-12-10",
      "Minutes: Project Prism and Project Cohesion Task Force meeting",
      "The Task Force of Project Prism and Project Cohesion met at the Vienna International Centre on 9 and 10 December 2019. Project Prism covers precursors of amphetamine-type stimulants; Project Cohesion covers acetic anhydride and potassium permanganate. Participants reviewed recent incidents and agreed on operational priorities for 2020.",
      issuer="INCB", people=("weber", "yilmaz", "dekker"), places={"TR": "old"},
      prefer=["p-aa", "p-cocaine", "p-ephedrine", "p-designer"]),
    S("rotterdam-bmk-glycidate-seizure", "precursors", "txt", "press", "2022-03-23",
      "Dutch Customs seize 4 tonnes of BMK precursor in Rotterdam",
      "{o:NLCUS} seized more than 4,000 kilograms of BMK glycidate, a designer precursor used to produce amphetamine and methamphetamine, in the port of Rotterdam. The chemical was found in {container} inside a container from China that was declared as {label}.",
      issuer="NLCUS", city="Rotterdam", country="the Netherlands", dateline=0, people=("dekker", "bakker"),
      vars={"container": "1,000-litre intermediate bulk containers", "label": "water treatment chemicals"},
      prefer=["p-designer", "p-seizure"], wrap=76),
    S("industry-regulators-voluntary-code-diversion", "precursors", "txt", "press", "2024-09-18",
      "Chemical industry and regulators agree on voluntary measures to prevent precursor diversion",
      "Representatives of chemical manufacturers, distributors, online marketplaces and logistics companies met with regulators in Vienna this week and agreed on a set of voluntary measures to prevent the diversion of chemicals to illicit drug manufacture. The meeting was co-organised by {o:UNODC} and {o:INCB}.",
      city="Vienna", country="Austria", dateline=0, people=("chen", "weber"),
      prefer=["p-industry", "p-online", "p-basics"], straight=True),
    # ------------------------------------------------------------------ money_laundering
    S("financial-flows-opiate-trafficking", "money_laundering", "pdf", "report", "2022-11-09",
      "Following the Money: Financial Flows Linked to Opiate Trafficking",
      "Opiate trafficking from Afghanistan generates illicit financial flows that cross many borders. This brief maps how proceeds are collected, moved and laundered along the Balkan and Southern routes, with a focus on informal value transfer systems, trade-based money laundering and the emerging use of virtual assets.",
      people=("haidari", "nakamura", "baran"), header="UNODC Global Programme against Money Laundering | Research Brief",
      subtitle="Research Brief, November 2022", author="UNODC Global Programme against Money Laundering",
      columns=2, places={"TR": "new", "IR": "formal"}, prefer=["m-hawala", "m-tbml", "m-crypto", "m-follow"]),
    S("cryptocurrency-drug-markets-typologies", "money_laundering", "pdf", "report", "2025-04-15",
      "Cryptocurrency and Drug Markets: Typologies and Investigative Responses",
      "Virtual assets now feature in most large drug trafficking investigations in the European Union. This report, produced by {o:EFECC} with contributions from Member States, describes the main typologies observed by investigators and sets out good practices for tracing, freezing and confiscating crypto-assets.",
      issuer="EUROPOL", city="The Hague", people=("oconnor", "nakamura", "lefevre"),
      header="Europol Spotlight | Financial and Economic Crime", subtitle="Spotlight Report",
      author="Europol – European Financial and Economic Crime Centre", serif=True, footer="num",
      prefer=["m-crypto", "m-professionals", "m-assets", "m-fiu"]),
    S("europol-action-freezes-cocaine-proceeds", "money_laundering", "html", "press", "2019-06-05",
      "€12 million in cocaine proceeds frozen in coordinated action across four countries",
      "Law enforcement and judicial authorities from Belgium, France, {g:NL} and Spain, supported by {o:EUROPOL} and {o:EUROJUST}, have frozen assets worth €12 million linked to a network that laundered the proceeds of cocaine trafficking. On 4 June, officers carried out 38 searches and arrested 14 suspects.",
      issuer="EUROPOL", city="The Hague", country="the Netherlands", dateline=2, people=("oconnor", "lefevre"),
      vars={"front": "a fruit import company"}, prefer=["m-op", "m-tbml", "m-assets"], tpl="portal", site="europol"),
    S("hawala-network-dismantled-drug-money", "money_laundering", "html", "press", "2023-04-26",
      "Hawala network that moved drug money from Europe to Dubai dismantled",
      "Investigators from France, Belgium and Spain, supported by {o:EUROPOL}, have dismantled a hawala banking network suspected of moving more than €80 million in drug proceeds from Europe to Dubai and onwards to Afghanistan and {g:TR}. The network collected cash from cocaine and cannabis sales in Marseille, Brussels and Málaga and used a currency exchange office in Liège as its European hub.",
      issuer="BEFP", city="Brussels", country="Belgium", dateline=0, people=("lefevre", "oconnor", "haidari"),
      vars={"haven": "Dubai", "front": "a currency exchange office"}, places={"TR": "new"},
      prefer=["m-hawala", "m-op", "m-mules"], tpl="customs", site="befp", charset="windows-1252"),
    S("briefing-hawala-opiate-economy", "money_laundering", "docx", "briefing", "2021-07-13",
      "Briefing note: Hawala and informal value transfer in the opiate economy",
      "This note was prepared at the request of the regional working group on illicit financial flows. It explains how hawala and other informal value transfer systems are used to move the proceeds of opiate trafficking between Europe, {g:TR}, {g:IR}, the Gulf and Afghanistan, and outlines options for regulation and investigation.",
      people=("haidari", "nakamura", "rahimi"), places={"TR": "old", "IR": "formal"},
      prefer=["m-hawala", "m-tbml", "m-fatf"]),
    S("minutes-asset-recovery-workshop-sofia", "money_laundering", "docx", "minutes", "2024-06-12",
      "Minutes of the asset recovery practitioners’ workshop, Sofia",
      "Asset recovery practitioners from Bulgaria, Greece, North Macedonia, Romania, Serbia and {g:TR} met in Sofia on 11 and 12 June 2024 to discuss the tracing and confiscation of proceeds of drug trafficking. The workshop was organised by {o:UNODC} with the support of {o:CARIN}.",
      city="Sofia", country="Bulgaria", people=("ivanova", "oconnor", "baran"), places={"TR": "new"},
      prefer=["m-assets", "m-crypto", "m-professionals"]),
    S("tracfin-drug-cash-luxury-goods", "money_laundering", "txt", "press", "2020-01-30",
      "TRACFIN highlights laundering of drug cash through luxury goods",
      "{o:TRACFIN} has identified a marked increase in cases in which the proceeds of drug trafficking are laundered through the purchase of luxury goods, according to its annual analysis of money laundering trends published today. Cash from cannabis and cocaine sales is used to buy watches, jewellery and designer handbags, which are then resold or exported – a method that investigators have nicknamed the “Champs-Élysées route”.",
      issuer="FIU", city="Paris", country="France", dateline=0, people=("lefevre", "oconnor"),
      enc="cp1252", crlf=True, prefer=["m-professionals", "m-fiu", "m-mules"], avoid=["m-op"]),
    S("masak-unodc-virtual-asset-training-ankara", "money_laundering", "txt", "press", "2023-10-03",
      "MASAK and UNODC launch training on virtual asset investigations in Ankara",
      "{o:MASAK} and {o:UNODC} today launched a training programme for financial analysts and investigators on tracing virtual assets linked to drug trafficking and other serious crime. The first course, held in Ankara, brought together 32 participants from MASAK, {o:TNP}, the Gendarmerie and the Ministry of Justice.",
      issuer="MASAK", city="Ankara", country="Türkiye", dateline=1, people=("baran", "nakamura"), places={"TR": "new"},
      prefer=["m-crypto", "m-fiu", "m-fatf"]),
    # ------------------------------------------------------------------ treatment_prevention
    S("treatment-coverage-south-eastern-europe", "treatment_prevention", "pdf", "report", "2019-06-26",
      "Drug Treatment and Care Services in South-Eastern Europe: A Review of Coverage",
      "This brief reviews the availability and coverage of drug treatment and harm reduction services in eight countries of South-Eastern Europe. It was prepared by {o:UNODC} and {o:WHO} under their joint Programme on Drug Dependence Treatment and Care and draws on national data, site visits and consultations with service providers and with people who use drugs.",
      people=("ferreira", "hughes", "hristova"),
      header="UNODC–WHO Programme on Drug Dependence Treatment and Care | Technical Brief",
      subtitle="Technical Brief, June 2019", author="UNODC Prevention, Treatment and Rehabilitation Section",
      places={"TR": "old"}, opts={"long": True}, prefer=["t-gap", "t-oat", "t-harm", "t-stigma"], avoid=["t-afghan", "t-event"]),
    S("family-skills-prevention-central-asia", "treatment_prevention", "pdf", "report", "2024-06-26",
      "Prevention Works: Family Skills Programmes in Central Asia and Beyond",
      "Family skills programmes are among the best-evidenced interventions for preventing drug use and other risk behaviours among children and adolescents. This policy brief summarises the results of programmes implemented with {o:UNODC} support in Central Asia, {g:TR} and the Western Balkans, and draws lessons for scaling them up.",
      people=("ferreira", "ozturk", "hughes"), header="UNODC Prevention, Treatment and Rehabilitation Section | Policy Brief",
      subtitle="Policy Brief, June 2024", author="UNODC Prevention, Treatment and Rehabilitation Section",
      columns=2, opts={"table": "family"}, places={"TR": "new"},
      vars={"programme": "the Strong Families programme"},
      prefer=["t-prevention", "t-workforce", "t-stigma", "t-gap"], avoid=["t-covid", "t-event"]),
    S("emcdda-opioid-treatment-covid-lockdowns", "treatment_prevention", "html", "press", "2020-04-22",
      "Keeping opioid agonist treatment running during COVID-19 lockdowns",
      "As countries across Europe introduce restrictions to contain the spread of COVID-19, {o:EMCDDA} today published guidance to help services maintain opioid agonist treatment for the hundreds of thousands of people in Europe who receive methadone or buprenorphine. The guidance draws on rapid reports from national focal points and from service providers in more than 20 countries.",
      issuer="EMCDDA", city="Lisbon", country="Portugal", dateline=2, people=("novak", "kowalski"),
      prefer=["t-covid", "t-oat", "t-harm"], avoid=["t-event", "t-afghan"], tpl="portal", site="emcdda"),
    S("world-drug-day-2022-sofia-stigma", "treatment_prevention", "html", "press", "2022-06-27",
      "World Drug Day 2022: Sofia event calls for stigma-free health services",
      "Health professionals, government officials, civil society organizations and young people gathered in Sofia on 26 June to mark the International Day against Drug Abuse and Illicit Trafficking. The event, organised by {o:UNODC} with the Bulgarian Ministry of Health and the non-governmental organization Initiative for Health, focused on addressing drug challenges in health and humanitarian crises.",
      city="Sofia", country="Bulgaria", dateline=0, people=("hristova", "mensah", "ferreira"),
      prefer=["t-event", "t-stigma", "t-harm"], avoid=["t-afghan"], tpl="portal", site="unodc_see", charset="windows-1252"),
    S("winter-outreach-mobile-teams", "treatment_prevention", "html", "press", "2025-01-09",
      "Winter outreach: mobile health teams keep harm reduction services on the road",
      "When temperatures in Sofia dropped to minus 14 degrees last week, the two mobile health units of Initiative for Health kept to their schedule. The vans, which provide sterile injecting equipment, naloxone, HIV and hepatitis C testing and basic medical care to people who use drugs, are often the only health service their clients see in winter.",
      issuer="NGO", city="Sofia", country="Bulgaria", dateline=0, people=("hristova", "kowalski"),
      extras=[
          "Driving conditions were difficult. Ice covered many of the side streets where outreach workers meet their clients, and the teams had to reduce their speed to walking pace on the roads around the central railway station. “On some evenings we needed two hours to cover a route that normally takes forty minutes,” said {p:b}. “But people know when we are coming, and they wait for us in the cold.”",
          "The teams also hand out thermal blankets, hot tea and warm socks. Frostbite and hypothermia are real risks for people who sleep outside, and outreach workers check on clients who have not been seen for several days. Where ice has made the pavement dangerous, staff carry small bags of grit to clear a safe place in front of the van’s door.",
          "{p:a} said that the speed with which the city’s emergency services responded to calls from the outreach teams had improved after a joint training session in November. “We now have a direct line to the ambulance dispatch centre, and that saves minutes when someone has overdosed,” {he:a} said.",
      ],
      prefer=["t-harm", "t-stigma"], max_blocks=2, tpl="ngo", site="ngo"),
    S("briefing-naloxone-scale-up", "treatment_prevention", "docx", "briefing", "2021-02-24",
      "Briefing note: Scaling up take-home naloxone programmes",
      "Opioid overdose is a leading cause of preventable death among people who use drugs. This note summarises the evidence on take-home naloxone, describes the situation in countries of the region and proposes steps to scale up distribution, in line with {o:WHO} guidelines.",
      issuer="WHO", people=("hughes", "novak", "kowalski"), prefer=["t-harm", "t-oat", "t-europe"], avoid=["t-event"]),
    S("minutes-family-skills-steering-committee-ankara", "treatment_prevention", "docx", "minutes", "2023-02-15",
      "Minutes: Steering committee of the family skills prevention programme, Ankara",
      "The steering committee of the family skills prevention programme met in Ankara on 15 February 2023, hosted by the Ministry of Health of {g:TR}. Members reviewed progress in the pilot provinces, discussed the results of the first evaluation and agreed on the work plan for the rest of the year.",
      city="Ankara", country="Türkiye", people=("ozturk", "ferreira", "hughes"), places={"TR": "new"},
      vars={"programme": "the family skills training programme"}, prefer=["t-prevention", "t-workforce"], avoid=["t-event", "t-covid"]),
    S("unodc-who-revised-treatment-standards", "treatment_prevention", "txt", "press", "2020-11-19",
      "UNODC and WHO launch revised International Standards for the Treatment of Drug Use Disorders",
      "{o:UNODC} and {o:WHO} today launched the revised International Standards for the Treatment of Drug Use Disorders, following a field-testing period in which the draft standards were applied in more than 20 countries. The standards describe the key components of effective treatment systems and the interventions recommended at each stage of care.",
      city="Vienna", country="Austria", dateline=0, people=("ferreira", "hughes"), enc="utf-16",
      prefer=["t-standards", "t-gap", "t-covid"], avoid=["t-event"]),
    S("ankara-conference-families-prevention", "treatment_prevention", "txt", "press", "2023-11-30",
      "Ankara conference highlights the role of families in preventing drug use",
      "More than 300 participants from 18 countries gathered in Ankara for a two-day conference on family-based drug prevention, organised by the Ministry of Health of {g:TR}, {o:YESILAY} and {o:UNODC}. Speakers presented evidence from programmes that help parents strengthen communication with their children and set consistent rules.",
      city="Ankara", country="Türkiye", dateline=1, people=("ozturk", "ferreira"), places={"TR": "new"},
      vars={"programme": "the Strong Families programme"}, prefer=["t-prevention", "t-stigma"], avoid=["t-event", "t-covid"]),
    S("kabul-womens-treatment-centre", "treatment_prevention", "txt", "press", "2021-05-12",
      "New treatment centre for women and children opens in Kabul",
      "A new residential treatment centre for women with drug use disorders and their children opened in Kabul this week with support from {o:UNODC}. The centre has 40 beds and offers medical care, counselling, literacy classes and vocational training, as well as a kindergarten for the children of patients.",
      city="Kabul", country="Afghanistan", dateline=0, people=("siddiqi", "ferreira"), places={"IR": "formal"},
      prefer=["t-afghan", "t-gap", "t-workforce"], avoid=["t-event", "t-europe"], wrap=70),
    # ------------------------------------------------------------------ added last, so that the documents
    # above keep their text: a news report of the Kapıkule seizure two days after the customs release
    # (the same seizure in two documents, worded differently: `docmine seizures` shows it once)
    S("turkish-customs-96kg-heroin-edirne", "heroin_balkan", "html", "press", "2025-03-29",
      "Turkish customs find 96 kilograms of heroin in tomato paste jars at Bulgarian border",
      "Turkish customs officers found 96 kilograms of heroin hidden in jars of tomato paste in a truck at the Kapıkule border crossing in Edirne on Thursday, the Trade Ministry said. The truck, bound for Bulgaria, was stopped after an X-ray scan showed irregular densities in its load. Its driver, a Turkish national, was detained.",
      issuer="TRCUS", city="Istanbul", country="Türkiye", dateline=1, people=("demir",), places={"TR": "new"},
      prefer=["h-turkiye"], max_blocks=1, tpl="news", site="tdm"),
]


# --------------------------------------------------------------------------
# Composition: spec + theme -> structured items
# --------------------------------------------------------------------------
# Items: ("p", text) ("h", text) ("h2", text) ("quote", text) ("ul", [..]) ("ol", [..])
#        ("table", caption, header, rows, source) ("findings", [..]) ("notes", [..])
#        ("kv", [(k, v), ..]) ("boiler", text) ("contact", [lines])

Item = tuple[Any, ...]

CLOSERS = [
    "The evidence reviewed in this brief points to a market that adapts quickly to changes in enforcement, regulation and demand. Responses will be effective only if they are equally adaptable and rest on timely data shared between countries.",
    "Several priorities emerge from the analysis. They concern data collection, operational cooperation and the integration of law enforcement and health responses.",
    "None of the challenges described here can be addressed by a single agency or country. The recommendations below are addressed to national authorities, regional organizations and international partners alike.",
    "The picture that emerges is one of resilience on the part of criminal networks, but also of real progress where agencies have pooled information and resources.",
]

BRIEF_TO = ["Members of the Regional Steering Committee", "Director, Division for Operations", "Members of the Working Group",
            "Head of Office", "Participants of the intersessional meeting"]
CLASSIFICATION = ["For official use only", "Internal – not for publication", "Unclassified", "Restricted distribution"]
VENUES = {
    "Bucharest": "SELEC Headquarters, Bucharest", "Guayaquil": "Hotel conference centre, Guayaquil",
    "Amman": "Conference room, Ministry of Interior, Amman", "Vienna": "Vienna International Centre, Conference Room M3",
    "Sofia": "Ministry of Justice training centre, Sofia", "Ankara": "Ministry of Health, Ankara",
}


def make_ctx(spec: Spec, theme: Theme, rng: Random) -> Ctx:
    d = spec.d
    variables: dict[str, Any] = {}
    for name, choices in theme.fixed.items():
        value = rng.choice(choices)
        if isinstance(value, dict):
            variables.update(value)
        else:
            variables[name] = value
    variables.update(theme.fresh)
    for name, value in spec.vars.items():
        if isinstance(value, dict):
            variables.update(value)
        else:
            variables[name] = value
    wdr_year = latest_annual(d)
    edr_year = latest_annual(d, 6, 6)
    variables.update({
        "wdr": f"World Drug Report {wdr_year}", "wdr_year": str(wdr_year),
        "edr": f"European Drug Report {edr_year}", "edr_year": str(edr_year),
        "year": str(d.year), "prev_year": str(d.year - 1),
    })
    people = list(spec.people)
    extra = [k for k in theme.people if k not in people]
    rng.shuffle(extra)
    people += extra
    slots = {s: people[i] for i, s in enumerate("abcd")}
    styles: dict[str, str] = {}
    for key, choices in theme.place_styles.items():
        styles[key] = rng.choice(choices)
    styles.setdefault("TR", "old" if d < dt.date(2022, 6, 1) else rng.choice(["new", "new", "new", "formal", "news"]))
    styles.update(spec.places)
    return Ctx(rng, d, variables, slots, styles)


def dateline(spec: Spec) -> str:
    d = spec.d
    country = spec.country[4:] if spec.country.startswith("the ") else spec.country
    return [
        f"{spec.city}, {long_date(d)} – ",
        f"{long_date(d)}, {spec.city}, {spec.country}: ",
        f"{spec.city.upper()}, {long_date(d)} — ",
        f"{spec.city} ({country}), {us_date(d)} - ",
    ][spec.dateline]


def candidate_blocks(spec: Spec, theme: Theme, usage: Usage, rng: Random, shared: bool) -> list[Block]:
    d = spec.d
    skip = set() if is_case_story(spec) else {"operation"}
    pool = [b for b in theme.blocks if b.usable(d) and b.bid not in spec.avoid and b.cat not in skip]
    preferred = [b for bid in spec.prefer for b in pool if b.bid == bid]
    rest = usage.order(f"{theme.name}/blocks", [b for b in pool if b not in preferred], lambda b: b.bid)
    if shared:
        extra = usage.order("shared/blocks", SHARED_BLOCKS, lambda b: b.bid)[0]
        rest.insert(rng.randint(0, min(3, len(rest))), extra)
    return preferred + rest


def use_block(block: Block, theme: Theme, ctx: Ctx, usage: Usage) -> tuple[str, str]:
    usage.mark(f"{theme.name}/blocks" if block in theme.blocks else "shared/blocks", block.bid)
    _, head = usage.pick(f"{block.bid}/head", block.heads)
    return ctx.fill(head), render_block(block, ctx, usage)


def choose(usage: Usage, key: str, items: list[Any], ident: Callable[[Any], str] = str) -> Any:
    item = usage.order(key, items, ident)[0]
    usage.mark(key, ident(item))
    return item


SEIZURE_RE = re.compile(r"\b(seize[sd]?|found|intercepted|arrested|dismantled|foiled|frozen|shot down)\b", re.I)


def is_case_story(spec: Spec) -> bool:
    """True when the document reports a concrete seizure or operation."""
    return spec.kind in ("press", "minutes") and bool(SEIZURE_RE.search(spec.lead))


def quote_para(theme: Theme, ctx: Ctx, usage: Usage, slot: str, case_story: bool = False) -> str:
    quotes = [q for q in (_dated(x, ctx.date) for x in theme.quotes) if q]
    if not case_story:
        quotes = [q for q in quotes if "seizure" not in q.lower()]
    q = choose(usage, f"{theme.name}/quotes", quotes)
    frame = choose(usage, "quote-frames", QUOTE_FRAMES)
    qc = q[:-1] + "," if q.endswith(".") else q
    text = (frame.replace("{p}", "{p:" + slot + "}").replace("{qlow}", q[0].lower() + q[1:])
            .replace("{qc}", qc).replace("{q}", q))
    return ctx.fill(text)


def follow_line(theme: Theme, ctx: Ctx, usage: Usage, slot: str) -> str | None:
    lines = [f for f in theme.follow if f":{slot}}}" in f]
    if not lines:
        return None
    return ctx.fill(choose(usage, f"{theme.name}/follow", lines))


def words_of(items: list[Item]) -> int:
    total = 0
    for it in items:
        kind = it[0]
        if kind in ("p", "h", "h2", "quote", "boiler"):
            total += word_count(it[1])
        elif kind in ("ul", "ol", "findings", "notes", "contact"):
            total += sum(word_count(x) for x in it[1])
        elif kind == "table":
            total += word_count(it[1]) + sum(word_count(" ".join(r)) for r in it[3])
        elif kind == "kv":
            total += sum(word_count(f"{k} {v}") for k, v in it[1])
        elif kind == "box":
            total += word_count(it[1]) + word_count(it[2])
    return total


def closing_items(spec: Spec) -> list[Item]:
    out: list[Item] = []
    if spec.issuer in ABOUT:
        out.append(("boiler", ABOUT[spec.issuer if not (spec.issuer == "EMCDDA" and spec.d >= dt.date(2024, 7, 2)) else "EUDA"]))
    if spec.issuer in CONTACTS:
        out.append(("contact", CONTACTS[spec.issuer]))
    return out


def compose_press(spec: Spec, theme: Theme, ctx: Ctx, usage: Usage, rng: Random) -> list[Item]:
    items: list[Item] = [("p", dateline(spec) + ctx.fill(spec.lead))]
    items += [("p", ctx.fill(e)) for e in spec.extras]
    target = rng.randint(420, 760)
    max_blocks = spec.max_blocks if spec.max_blocks is not None else 6
    blocks = candidate_blocks(spec, theme, usage, rng, shared=rng.random() < 0.35)
    quoted: list[str] = []
    n = 0
    for block in blocks:
        if n >= max_blocks or words_of(items) >= target:
            break
        _, text = use_block(block, theme, ctx, usage)
        items.append(("p", text))
        n += 1
        if n in (1, 3) and len(quoted) < 2 and not (spec.extras and n == 1):
            slot = "a" if not quoted else "b"
            quoted.append(slot)
            items.append(("quote", quote_para(theme, ctx, usage, slot, is_case_story(spec))))
            if rng.random() < 0.6:
                line = follow_line(theme, ctx, usage, slot)
                if line:
                    items[-1] = ("quote", items[-1][1] + " " + line)
    return items + closing_items(spec)


def compose_report(spec: Spec, theme: Theme, ctx: Ctx, usage: Usage, rng: Random) -> list[Item]:
    d = spec.d
    findings = [f for f in (_dated(x, d) for x in theme.findings) if f]
    findings = usage.order(f"{theme.name}/findings", findings, str)[: rng.randint(4, 5)]
    for f in findings:
        usage.mark(f"{theme.name}/findings", f)
    items: list[Item] = [("findings", [ctx.fill(f) for f in findings])]
    blocks = candidate_blocks(spec, theme, usage, rng, shared=True)
    intro = next((b for b in blocks if b.cat == "context"), blocks[0])
    blocks.remove(intro)
    items += [("h", "1. Introduction"), ("p", ctx.fill(spec.lead)), ("p", use_block(intro, theme, ctx, usage)[1])]
    target = rng.randint(1180, 1260) if spec.opts.get("long") else rng.randint(960, 1160)
    sec = 2
    table_done = False
    outlook = None
    open_section = False
    for block in blocks:
        if words_of(items) >= target:
            break
        if block.cat == "outlook":
            outlook = block
            continue
        head, text = use_block(block, theme, ctx, usage)
        if open_section:
            items.append(("p", text))  # second block in the same section
            open_section = False
            continue
        items += [("h", f"{sec}. {head}"), ("p", text)]
        open_section = rng.random() < 0.5
        if sec == 3:
            items.append(("quote", quote_para(theme, ctx, usage, "b")))
            open_section = False
        if sec == 3 and not table_done:
            caption, header, rows, source = theme.table(rng, d, spec.opts)
            items.append(("table", f"Table 1. {caption}", header, rows, source))
            table_done = True
        if sec == 5:
            case = next((b for b in theme.blocks if b.cat == "operation" and b.usable(d)), None)
            if case is not None:
                items.append(("box", "Box 1. Case study: " + rng.choice(["a typical seizure", "anatomy of a case", "an illustrative case"]),
                              use_block(case, theme, ctx, usage)[1]))
        sec += 1
    items.append(("h", f"{sec}. " + rng.choice(["Conclusions", "Recommendations", "The way forward", "Conclusions"])))
    if outlook is not None:
        items.append(("p", use_block(outlook, theme, ctx, usage)[1]))
    else:
        items.append(("p", ctx.fill(choose(usage, "closers", CLOSERS))))
    recs = usage.order(f"{theme.name}/recs", theme.recs, str)[: rng.randint(4, 5)]
    for r in recs:
        usage.mark(f"{theme.name}/recs", r)
    items.append(("ul", [ctx.fill(r) for r in recs]))
    if rng.random() < 0.6:
        head, text = use_block(METHOD_BLOCKS[0], theme, ctx, usage)
        items += [("h", head), ("p", text)]
    notes = [n for n in (_dated(x, d) for x in theme.notes) if n]
    items.append(("notes", [ctx.fill(n, cap=False) for n in notes]))
    return items + [it for it in closing_items(spec) if it[0] == "boiler"]


def compose_briefing(spec: Spec, theme: Theme, ctx: Ctx, usage: Usage, rng: Random) -> list[Item]:
    d = spec.d
    items: list[Item] = [("kv", [
        ("To", rng.choice(BRIEF_TO)),
        ("From", f"{ctx.person('a').full}, {ctx.role(ctx.person('a'))}"),
        ("Date", long_date(d)),
        ("Subject", spec.title.split(":", 1)[-1].strip()),
        ("Classification", rng.choice(CLASSIFICATION)),
    ])]
    ctx.seen.add("p:" + ctx.person("a").last)
    items += [("h", "Purpose"), ("p", ctx.fill(spec.lead))]
    blocks = candidate_blocks(spec, theme, usage, rng, shared=rng.random() < 0.3)
    background = next((b for b in blocks if b.cat == "context"), None)
    if background is not None:
        blocks.remove(background)
        items += [("h", "Background"), ("p", use_block(background, theme, ctx, usage)[1])]
    items.append(("h", rng.choice(["Current situation", "Key developments", "Analysis"])))
    target = rng.randint(520, 760)
    for block in blocks[:4]:
        if words_of(items) >= target:
            break
        head, text = use_block(block, theme, ctx, usage)
        items += [("h2", head), ("p", text)]
    if rng.random() < 0.5:
        caption, header, rows, source = theme.table(rng, d, spec.opts)
        items += [("h2", "Key figures"), ("table", caption, header, rows[:6], source)]
    findings = [f for f in (_dated(x, d) for x in theme.findings) if f]
    chosen = usage.order(f"{theme.name}/findings", findings, str)[:3]
    for f in chosen:
        usage.mark(f"{theme.name}/findings", f)
    items += [("h", "Issues for consideration"), ("ul", [ctx.fill(f) for f in chosen])]
    recs = usage.order(f"{theme.name}/recs", theme.recs, str)[: rng.randint(3, 4)]
    for r in recs:
        usage.mark(f"{theme.name}/recs", r)
    items += [("h", "Recommendations"), ("ol", [ctx.fill(r) for r in recs])]
    items.append(("p", f"Prepared by: {ctx.person('a').full}. Contributors: {ctx.person('b').full}"
                       f"{', ' + ctx.person('c').full if rng.random() < 0.5 else ''}."))
    return items


def compose_minutes(spec: Spec, theme: Theme, ctx: Ctx, usage: Usage, rng: Random) -> list[Item]:
    d = spec.d
    pa, pb, pc = ctx.person("a"), ctx.person("b"), ctx.person("c")
    items: list[Item] = [("kv", [
        ("Date", long_date(d)),
        ("Venue", VENUES.get(spec.city, spec.city)),
        ("Chair", pa.full),
        ("Minutes", rng.choice(["Secretariat", pc.full])),
    ])]
    participants = [f"{p.full} – {ctx.role(p)}" for p in (pa, pb, pc)]
    participants += rng.sample([
        "Representatives of national police and customs services of the participating countries",
        "Liaison officers accredited in the host country",
        "Observers from {o:EUROPOL} and {o:INTERPOL}",
        "Representatives of {o:UNODC} field offices",
        "Representatives of the ministries of health, justice and the interior",
        "Observers from {o:EMCDDA}",
    ], 2)
    items += [("h", "Participants"), ("ul", [ctx.fill(p, cap=False) for p in participants])]
    ctx.seen.update("p:" + p.last for p in (pa, pb, pc))
    items += [("h", "1. Opening of the meeting"), ("p", ctx.fill(spec.lead)),
              ("p", ctx.fill(choose(usage, "minutes-open", MINUTES_OPENERS)))]
    blocks = candidate_blocks(spec, theme, usage, rng, shared=rng.random() < 0.4)
    target = rng.randint(560, 820)
    num = 2
    for block in blocks[:4]:
        if words_of(items) >= target:
            break
        head, text = use_block(block, theme, ctx, usage)
        frame = ctx.fill(choose(usage, "minutes-frames", MINUTES_FRAMES))
        reaction = choose(usage, "minutes-react", [r for r in MINUTES_REACTIONS if r] + [""])
        items += [("h", f"{num}. {head}"), ("p", f"{frame} {text} {reaction}".strip())]
        num += 1
    recs = usage.order(f"{theme.name}/recs", theme.recs, str)[:3]
    owners = [pa.short, pb.short, pc.short, "Secretariat", "All delegations"]
    rows = []
    for i, r in enumerate(recs, 1):
        usage.mark(f"{theme.name}/recs", r)
        due = d + dt.timedelta(weeks=rng.choice([4, 6, 8, 12, 16]))
        rows.append([str(i), ctx.fill(r), rng.choice(owners), long_date(due)])
    items += [("h", f"{num}. Action points"), ("table", "Summary of agreed action points", ["No.", "Action", "Responsible", "Deadline"], rows, "")]
    nxt = d + dt.timedelta(days=rng.choice([91, 120, 182]))
    items += [("h", f"{num + 1}. Any other business and closing"),
              ("p", f"No other business was raised. {pa.short} thanked the participants and the interpreters and closed the meeting at "
                    f"{rng.choice(['16:30', '16:45', '17:10', '13:00'])}. The next meeting is provisionally scheduled for "
                    f"{MONTHS[nxt.month - 1]} {nxt.year}.")]
    return items


COMPOSERS = {"press": compose_press, "report": compose_report, "briefing": compose_briefing, "minutes": compose_minutes}


# --------------------------------------------------------------------------
# Rendering: TXT
# --------------------------------------------------------------------------


def render_txt(spec: Spec, title: str, items: list[Item], rng: Random) -> bytes:
    style = rng.choice(["plain", "underline", "upper"])
    lines: list[str] = []
    if style == "upper":
        lines += [title.upper(), ""]
    elif style == "underline":
        lines += [title, "=" * min(len(title), 78), ""]
    else:
        lines += [title, ""]
    sep = rng.choice(["* * *", "###", "-- ends --", "---"])
    boiler_started = False

    def para(text: str) -> None:
        if spec.wrap:
            lines.extend(textwrap.wrap(text, spec.wrap, break_long_words=False, break_on_hyphens=False))
        else:
            lines.append(text)
        lines.append("")

    for it in items:
        kind = it[0]
        if kind in ("p", "quote"):
            para(it[1])
        elif kind in ("h", "h2"):
            lines += [it[1], ""]
        elif kind in ("ul", "ol"):
            for i, x in enumerate(it[1], 1):
                lines.append(f"{i}. {x}" if kind == "ol" else f"- {x}")
            lines.append("")
        elif kind == "boiler":
            if not boiler_started:
                lines += [sep, ""]
                boiler_started = True
            para(it[1])
        elif kind == "contact":
            if not boiler_started:
                lines += [sep, ""]
                boiler_started = True
            lines += list(it[1]) + [""]
    text = "\n".join(lines).rstrip("\n") + "\n"
    if spec.straight:
        text = straighten(text)
    if spec.crlf:
        text = text.replace("\n", "\r\n")
    if spec.enc == "cp1252":
        return to_cp1252_text(text).encode("cp1252")
    if spec.enc == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if spec.enc == "utf-8-sig":
        return text.encode("utf-8-sig")
    return text.encode("utf-8")


# --------------------------------------------------------------------------
# Rendering: HTML
# --------------------------------------------------------------------------

SITES: dict[str, dict[str, Any]] = {
    "unodc": {"name": "United Nations Office on Drugs and Crime", "short": "UNODC", "domain": "www.unodc.example.org",
              "address": "Vienna International Centre, Wagramer Strasse 5, 1400 Vienna, Austria",
              "nav": ["Home", "About us", "Drug prevention and treatment", "Drug trafficking", "Research", "Press centre", "Contact"]},
    "unodc_see": {"name": "UNODC Programme Office in South-Eastern Europe", "short": "UNODC South-Eastern Europe",
                  "domain": "see.unodc.example.org", "address": "UN House, Sofia, Bulgaria",
                  "nav": ["Home", "Our work", "Countries", "Publications", "News", "Contact"]},
    "europol": {"name": "Europol", "short": "Europol", "domain": "www.europol.example.eu",
                "address": "Eisenhowerlaan 73, 2517 KK The Hague, the Netherlands",
                "nav": ["About Europol", "Crime areas", "Operations, services & innovation", "Partners & collaboration",
                        "Media & press", "Publications & events", "Careers & procurement"]},
    "emcdda": {"name": "European Monitoring Centre for Drugs and Drug Addiction", "short": "EMCDDA",
               "domain": "www.emcdda.example.eu", "address": "Praça Europa 1, Cais do Sodré, 1249-289 Lisbon, Portugal",
               "nav": ["Topics", "Countries", "Data", "Publications", "Best practice", "News", "About"]},
    "incb": {"name": "International Narcotics Control Board", "short": "INCB", "domain": "www.incb.example.org",
             "address": "Vienna International Centre, P.O. Box 500, 1400 Vienna, Austria",
             "nav": ["Home", "About", "Narcotic drugs", "Psychotropics", "Precursors", "Publications", "News"]},
    "bgcustoms": {"name": "Bulgarian Customs Agency", "short": "Customs Agency", "domain": "customs.example.bg",
                  "address": "47 G. S. Rakovski Street, 1202 Sofia, Bulgaria",
                  "nav": ["Home", "About the Agency", "Citizens", "Business", "Excise", "Press centre", "Contacts"]},
    "guardiacivil": {"name": "Guardia Civil", "short": "Guardia Civil", "domain": "www.guardiacivil.example.es",
                     "address": "Calle de Guzmán el Bueno 110, 28003 Madrid, Spain",
                     "nav": ["Inicio", "Institución", "Servicios al ciudadano", "Prensa", "Noticias", "Contacto"]},
    "zatca": {"name": "Zakat, Tax and Customs Authority", "short": "ZATCA", "domain": "zatca.example.sa",
              "address": "Riyadh, Kingdom of Saudi Arabia",
              "nav": ["Home", "Zakat", "Tax", "Customs", "Media Center", "About ZATCA", "Contact Us"]},
    "befp": {"name": "Belgian Federal Police", "short": "Federal Police", "domain": "www.police.example.be",
             "address": "Rue Fritz Toussaint 8, 1050 Brussels, Belgium",
             "nav": ["Home", "About us", "Press releases", "Wanted", "Missing persons", "Jobs", "Contact"]},
    "msw": {"name": "Maritime Security Watch", "short": "MSW", "domain": "www.maritimesecuritywatch.example.com",
            "address": "Maritime Security Watch Ltd, 14 Dock Street, London E1, United Kingdom",
            "nav": ["News", "Ports", "Shipping", "Smuggling", "Piracy", "Analysis", "Events", "Subscribe"]},
    "tdm": {"name": "Turkey Daily Monitor", "short": "TDM", "domain": "www.turkeydailymonitor.example.com",
            "address": "Maslak, Istanbul",
            "nav": ["Turkey", "Politics", "Economy", "World", "Security", "Sports", "Life", "Opinion"]},
    "douane": {"name": "Dutch Customs (Douane)", "short": "Douane", "domain": "www.douane.example.nl",
               "address": "Postbus 3070, 6401 DN Heerlen, the Netherlands",
               "nav": ["Home", "Business", "Private individuals", "About Customs", "News", "Contact"]},
    "ngo": {"name": "Initiative for Health", "short": "Initiative for Health", "domain": "www.initiative-health.example.bg",
            "address": "Sofia, Bulgaria",
            "nav": ["Home", "Who we are", "Programmes", "Get help", "News", "Donate", "Contact"]},
}

COOKIE_TEXTS = [
    "We use cookies to make this website work and, with your consent, to understand how it is used. You can change your preferences at any time.",
    "This site uses cookies. Some are essential for the site to function; others help us improve your experience. By clicking “Accept” you agree to our use of cookies.",
    "Our website uses cookies and similar technologies to analyse traffic and personalise content. See our cookie policy for details.",
]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def article_html(items: list[Item], quote_tag: str = "blockquote") -> str:
    out: list[str] = []
    for it in items:
        kind = it[0]
        if kind == "p":
            out.append(f"<p>{esc(it[1])}</p>")
        elif kind == "quote":
            if quote_tag == "blockquote":
                out.append(f"<blockquote><p>{esc(it[1])}</p></blockquote>")
            else:
                out.append(f"<p class=\"quote\">{esc(it[1])}</p>")
        elif kind in ("h", "h2"):
            out.append(f"<h2>{esc(it[1])}</h2>")
        elif kind in ("ul", "ol"):
            out.append(f"<{kind}>" + "".join(f"<li>{esc(x)}</li>" for x in it[1]) + f"</{kind}>")
        elif kind == "boiler":
            out.append(f"<div class=\"boilerplate\"><p><em>{esc(it[1])}</em></p></div>")
        elif kind == "contact":
            out.append("<address class=\"media-contact\">" + "<br>\n".join(esc(x) for x in it[1]) + "</address>")
    return "\n".join(out)


def related_links(spec: Spec, rng: Random, n: int) -> list[tuple[str, str]]:
    others = [s for s in SPECS if s.slug != spec.slug and s.mirror_of is None and s.slug != spec.mirror_of]
    same = [s for s in others if s.theme == spec.theme]
    diff = [s for s in others if s.theme != spec.theme]
    picks = rng.sample(same, min(len(same), n - 1)) + rng.sample(diff, 1)
    return [(s.title, f"/news/{s.date[:4]}/{s.slug}.html") for s in picks]


def html_head(spec: Spec, site: dict[str, Any], title: str, desc: str, charset_tag: str, date_meta: str) -> str:
    return f"""<head>
{charset_tag}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} | {esc(site['name'])}</title>
<meta name="description" content="{esc(desc)}">
<meta property="og:title" content="{esc(title)}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{esc(site['name'])}">
<meta property="og:url" content="https://{site['domain']}/news/{spec.date[:4]}/{spec.slug}.html">
{date_meta}
<link rel="canonical" href="https://{site['domain']}/news/{spec.date[:4]}/{spec.slug}.html">
<link rel="stylesheet" href="/assets/css/site.css">
</head>"""


def tpl_portal(spec: Spec, title: str, items: list[Item], rng: Random, charset_tag: str) -> str:
    """Institutional portal: header/nav, cookie banner, <main><article>, aside 'Related news', footer."""
    site = SITES[spec.site]
    d = spec.d
    desc = items[0][1][:180]
    date_meta = f'<meta property="article:published_time" content="{spec.date}T{rng.randint(8, 17):02d}:00:00+01:00">'
    if spec.site in ("emcdda", "europol") and rng.random() < 0.5:
        date_meta += f'\n<meta name="date" content="{spec.date}">'
    nav = "\n".join(f'<li><a href="/{re.sub(r"[^a-z]+", "-", n.lower()).strip("-")}">{esc(n)}</a></li>' for n in site["nav"])
    related = "\n".join(f'<li><a href="{href}">{esc(t)}</a></li>' for t, href in related_links(spec, rng, 4))
    crumbs = '<a href="/">Home</a> &rsaquo; <a href="/media">Media &amp; press</a> &rsaquo; <a href="/news">News</a>'
    return f"""<!DOCTYPE html>
<html lang="en">
{html_head(spec, site, title, desc, charset_tag, date_meta)}
<body class="page-news">
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookie consent">
<p>{esc(rng.choice(COOKIE_TEXTS))}</p>
<button type="button" class="btn-accept">Accept all cookies</button>
<button type="button" class="btn-reject">Accept only essential cookies</button>
</div>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="brand"><a href="/"><img src="/assets/img/logo.svg" alt="{esc(site['short'])} logo"> {esc(site['name'])}</a></div>
<nav class="main-nav" aria-label="Main navigation">
<ul>
{nav}
</ul>
</nav>
<form class="search" action="/search" role="search"><label for="q">Search</label><input id="q" name="q" type="search"><button>Go</button></form>
</header>
<div class="breadcrumb">{crumbs}</div>
<div class="container">
<main id="main">
<article class="news-item">
<header>
<h1>{esc(title)}</h1>
<p class="meta"><time datetime="{spec.date}">{long_date(d)}</time> &middot; Press release</p>
</header>
<div class="news-body">
{article_html(items)}
</div>
<div class="tags">Tags: <a href="/tags/{spec.theme}">{esc(spec.theme.replace('_', ' '))}</a></div>
</article>
</main>
<aside class="sidebar">
<section class="related">
<h2>Related news</h2>
<ul>
{related}
</ul>
</section>
<section class="newsletter">
<h2>Newsletter</h2>
<p>Subscribe to receive our latest news and publications.</p>
<form><input type="email" placeholder="Your e-mail address"><button>Subscribe</button></form>
</section>
</aside>
</div>
<footer class="site-footer">
<nav aria-label="Footer"><ul><li><a href="/contact">Contact</a></li><li><a href="/legal">Legal notice</a></li><li><a href="/privacy">Privacy statement</a></li><li><a href="/cookies">Cookie policy</a></li><li><a href="/accessibility">Accessibility</a></li></ul></nav>
<p>{esc(site['address'])}</p>
<p>&copy; {d.year} {esc(site['name'])}. All rights reserved.</p>
</footer>
<script src="/assets/js/cookie-consent.js"></script>
</body>
</html>
"""


def tpl_customs(spec: Spec, title: str, items: list[Item], rng: Random, charset_tag: str) -> str:
    """Older national-agency CMS: wrapper divs, menu div, <main> without <article>, meta name=date."""
    site = SITES[spec.site]
    d = spec.d
    desc = items[0][1][:160]
    date_meta = f'<meta name="date" content="{spec.date}">\n<meta name="author" content="{esc(site["name"])} – Press Office">'
    nav = " | ".join(f'<a href="/{i}.html">{esc(n)}</a>' for i, n in enumerate(site["nav"]))
    related = "\n".join(f'<li><a href="{href}">{esc(t)}</a> <span class="small">({href[6:10]})</span></li>'
                        for t, href in related_links(spec, rng, 3))
    return f"""<!DOCTYPE html>
<html lang="en">
{html_head(spec, site, title, desc, charset_tag, date_meta)}
<body>
<div id="wrapper">
<div id="top">
<div id="logo"><a href="/"><img src="/images/logo.gif" alt="{esc(site['name'])}" width="220" height="60"></a></div>
<div id="lang"><a href="/bg/">BG</a> | <b>EN</b></div>
</div>
<nav id="menu">{nav}</nav>
<div class="cookie-notice" id="cookieNotice">{esc(rng.choice(COOKIE_TEXTS))} <a href="#" onclick="hideCookie();return false;">OK</a></div>
<table id="layout" width="100%" cellpadding="0" cellspacing="0">
<tr>
<td id="left" valign="top" width="200">
<div class="box"><h3>Press centre</h3>
<ul><li><a href="/press/news.html">News</a></li><li><a href="/press/releases.html">Press releases</a></li><li><a href="/press/gallery.html">Photo gallery</a></li></ul></div>
</td>
<td id="content" valign="top">
<main>
<div class="date">{d.day:02d}.{d.month:02d}.{d.year}</div>
<h1 class="title">{esc(title)}</h1>
{article_html(items, quote_tag="p")}
<p class="print"><a href="javascript:window.print()">Print</a> | <a href="/press/releases.html">Back to all press releases</a></p>
</main>
</td>
<td id="right" valign="top" width="220">
<div class="box related-news"><h3>Related news</h3>
<ul>
{related}
</ul></div>
<div class="box"><h3>Useful links</h3><ul><li><a href="/faq.html">FAQ</a></li><li><a href="/signal.html">Report smuggling</a></li></ul></div>
</td>
</tr>
</table>
<div id="footer" class="footer" role="contentinfo">
<p>{esc(site['name'])} &middot; {esc(site['address'])}</p>
<p>Copyright &copy; {d.year} {esc(site['name'])}. All rights reserved. | <a href="/sitemap.html">Site map</a> | <a href="/contacts.html">Contacts</a></p>
</div>
</div>
<script>function hideCookie(){{document.getElementById('cookieNotice').style.display='none';}}</script>
</body>
</html>
"""


def tpl_news(spec: Spec, title: str, items: list[Item], rng: Random, charset_tag: str) -> str:
    """Commercial news portal: top bar, ads, byline, share buttons, 'Most read' and 'Related news'."""
    site = SITES[spec.site]
    d = spec.d
    hh, mm = rng.randint(7, 21), rng.choice([5, 12, 24, 38, 41, 53])
    desc = items[0][1][:150]
    date_meta = (f'<meta property="article:published_time" content="{spec.date}T{hh:02d}:{mm:02d}:00Z">\n'
                 f'<meta property="article:section" content="Security">\n'
                 f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle", '
                 f'"headline": {json_str(title)}, "datePublished": "{spec.date}T{hh:02d}:{mm:02d}:00Z", '
                 f'"publisher": {{"@type": "Organization", "name": {json_str(site["name"])}}}}}</script>')
    nav = "\n".join(f'<li><a href="/section/{n.lower()}">{esc(n)}</a></li>' for n in site["nav"])
    related = "\n".join(f'<li><a href="{href}">{esc(t)}</a></li>' for t, href in related_links(spec, rng, 4))
    most = "\n".join(f"<li><a href=\"/story/{i}\">{esc(t)}</a></li>" for i, t in enumerate(rng.sample([
        "Port strike enters third day as talks stall", "New container terminal to double capacity by 2026",
        "Shipping rates fall for fourth consecutive month", "Coast guard rescues 14 fishermen after storm",
        "Minister promises more scanners for border crossings", "Court jails former dock worker for 12 years",
        "Insurers warn of rising cargo theft on European motorways"], 4), 1))
    author = rng.choice(["By Staff Reporter", "By Daniel Reyes", "By Aylin Kaya", "By Marta Nowak", "By News Desk"])
    source_line = ""
    if spec.mirror_of:
        source_line = '<p class="source">Source: press release issued by the Guardia Civil.</p>'
    return f"""<!DOCTYPE html>
<html lang="en">
{html_head(spec, site, title, desc, charset_tag, date_meta)}
<body class="article-page">
<div class="topbar"><span class="today">{WEEKDAYS[d.weekday()]}, {long_date(d)}</span> <a href="/login">Sign in</a> <a href="/subscribe" class="cta">Subscribe</a></div>
<header class="masthead"><a href="/" class="logo">{esc(site['name'])}</a>
<nav class="sections"><ul>
{nav}
</ul></nav></header>
<div class="ad ad-leaderboard" data-slot="top-728x90">Advertisement</div>
<main class="layout">
<div class="article-body" itemscope itemtype="https://schema.org/NewsArticle">
<p class="kicker">Security</p>
<h1 itemprop="headline">{esc(title)}</h1>
<div class="byline"><span class="author">{author}</span> &middot; <time itemprop="datePublished" datetime="{spec.date}T{hh:02d}:{mm:02d}:00Z">{long_date(d)}, {hh:02d}:{mm:02d}</time></div>
<div class="share"><a href="#" class="share-x">Share on X</a> <a href="#" class="share-li">LinkedIn</a> <a href="#" class="share-mail">E-mail</a></div>
{source_line}
<div itemprop="articleBody">
{article_html(items)}
</div>
<div class="ad ad-inline" data-slot="inline-300x250">Advertisement</div>
</div>
<aside class="rail">
<section class="most-read"><h3>Most read</h3><ol>
{most}
</ol></section>
<section class="related"><h3>Related news</h3><ul>
{related}
</ul></section>
</aside>
</main>
<div class="consent-banner" id="consent"><p>{esc(rng.choice(COOKIE_TEXTS))}</p><button>I agree</button> <button>Manage options</button></div>
<footer><p>&copy; {d.year} {esc(site['name'])}. {esc(site['address'])}. Contact the newsroom: newsdesk@{site['domain'].removeprefix('www.')}</p>
<p><a href="/about">About us</a> | <a href="/advertise">Advertise</a> | <a href="/terms">Terms</a> | <a href="/privacy">Privacy</a></p></footer>
</body>
</html>
"""


def tpl_ngo(spec: Spec, title: str, items: list[Item], rng: Random, charset_tag: str) -> str:
    """Blog-style CMS: <main><article class="post">, widgets sidebar, cookie bar at the bottom."""
    site = SITES[spec.site]
    d = spec.d
    desc = items[0][1][:170]
    date_meta = f'<meta property="article:published_time" content="{spec.date}T09:30:00+02:00">\n<meta property="article:modified_time" content="{(d + dt.timedelta(days=1)).isoformat()}T11:02:00+02:00">'
    nav = "\n".join(f'<li class="menu-item"><a href="/{i}/">{esc(n)}</a></li>' for i, n in enumerate(site["nav"]))
    related = "\n".join(f'<li><a href="{href}">{esc(t)}</a></li>' for t, href in related_links(spec, rng, 3))
    return f"""<!DOCTYPE html>
<html lang="en">
{html_head(spec, site, title, desc, charset_tag, date_meta)}
<body class="post-template-default single single-post">
<div class="site">
<header id="masthead" class="site-header">
<p class="site-title"><a href="/" rel="home">{esc(site['name'])}</a></p>
<p class="site-description">{esc(site['short'])}</p>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button>
<ul id="primary-menu" class="menu">
{nav}
</ul></nav>
</header>
<div id="content" class="site-content">
<main id="primary" class="site-main">
<article class="post type-post status-publish">
<header class="entry-header">
<h1 class="entry-title">{esc(title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{spec.date}">{long_date(d)}</time></span> <span class="cat-links">in <a href="/news/">News</a></span></div>
</header>
<div class="entry-content">
{article_html(items)}
</div>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/tag/{spec.theme}/">{esc(spec.theme.replace('_', ' '))}</a></span></footer>
</article>
<nav class="post-navigation"><a href="/news/" rel="prev">&larr; Previous post</a> <a href="/news/" rel="next">Next post &rarr;</a></nav>
</main>
<aside id="secondary" class="widget-area">
<section class="widget widget_search"><form role="search" class="search-form"><input type="search" class="search-field" placeholder="Search &hellip;"></form></section>
<section class="widget widget_recent_entries"><h2 class="widget-title">Related news</h2><ul>
{related}
</ul></section>
<section class="widget"><h2 class="widget-title">Contact</h2><p>{esc(site['address'])}</p></section>
</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; {d.year} {esc(site['name'])} &middot; <a href="/privacy/">Privacy policy</a> &middot; <a href="/contact/">Contact us</a></div></footer>
</div>
<div id="cookie-law-info-bar" class="cli-bar"><span>{esc(rng.choice(COOKIE_TEXTS))}</span> <a role="button" class="cli-accept">Accept</a> <a role="button" class="cli-settings">Cookie settings</a></div>
</body>
</html>
"""


def json_str(s: str) -> str:
    import json
    return json.dumps(s, ensure_ascii=False)


HTML_TEMPLATES = {"portal": tpl_portal, "customs": tpl_customs, "news": tpl_news, "ngo": tpl_ngo}


def render_html(spec: Spec, title: str, items: list[Item], rng: Random) -> bytes:
    if spec.charset == "windows-1252":
        charset_tag = ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
                       if spec.tpl == "customs" else '<meta charset="windows-1252">')
    else:
        charset_tag = '<meta charset="utf-8">'
    page = HTML_TEMPLATES[spec.tpl](spec, title, items, rng, charset_tag)
    if spec.charset == "windows-1252":
        page = translit(page, {"\u202f": " "})
        return page.encode("cp1252", errors="xmlcharrefreplace")
    return page.encode("utf-8")


# --------------------------------------------------------------------------
# Rendering: DOCX
# --------------------------------------------------------------------------


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed entry timestamps so output is byte-reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def render_docx(spec: Spec, title: str, items: list[Item], rng: Random, author: str) -> bytes:
    import docx  # python-docx
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    header_text = {"briefing": "BRIEFING NOTE", "minutes": "MINUTES"}.get(spec.kind, "")
    section.header.paragraphs[0].text = f"{header_text} – {rng.choice(CLASSIFICATION)}" if header_text else ""
    section.footer.paragraphs[0].text = f"{spec.slug} · {long_date(spec.d)}"
    document.add_heading(title, level=0)
    for it in items:
        kind = it[0]
        if kind == "kv":
            table = document.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for k, v in it[1]:
                row = table.add_row().cells
                row[0].text = k
                row[1].text = v
                for run in row[0].paragraphs[0].runs:
                    run.bold = True
            document.add_paragraph()
        elif kind == "h":
            document.add_heading(it[1], level=1)
        elif kind == "h2":
            document.add_heading(it[1], level=2)
        elif kind == "p":
            document.add_paragraph(it[1])
        elif kind == "quote":
            document.add_paragraph(it[1], style="Quote")
        elif kind in ("ul", "ol"):
            for x in it[1]:
                document.add_paragraph(x, style="List Bullet" if kind == "ul" else "List Number")
        elif kind == "table":
            _, caption, header, rows, source = it
            cap = document.add_paragraph()
            cap.add_run(caption).bold = True
            table = document.add_table(rows=1, cols=len(header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, header, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for r in rows:
                for cell, text in zip(table.add_row().cells, r, strict=True):
                    cell.text = text
            if source:
                src = document.add_paragraph()
                run = src.add_run(source)
                run.italic = True
                run.font.size = Pt(8)
    props = document.core_properties
    created = dt.datetime(spec.d.year, spec.d.month, spec.d.day, 9, 0, 0, tzinfo=dt.UTC)
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.created = created
    props.modified = created + dt.timedelta(hours=rng.randint(1, 30))
    props.subject = spec.theme.replace("_", " ")
    props.keywords = ", ".join(sorted(THEME_KEYWORDS[spec.theme]))
    props.category = {"briefing": "Briefing note", "minutes": "Meeting minutes"}.get(spec.kind, "Document")
    props.comments = "Sample document generated for the docmine test corpus (fictitious content)."
    props.revision = rng.randint(1, 7)
    buf = io.BytesIO()
    document.save(buf)
    return normalise_zip(buf.getvalue())


THEME_KEYWORDS = {
    "heroin_balkan": {"heroin", "Balkan route", "opiates", "border control"},
    "cocaine_ports": {"cocaine", "ports", "containers", "maritime trafficking"},
    "synthetics": {"captagon", "methamphetamine", "synthetic drugs"},
    "precursors": {"precursors", "acetic anhydride", "chemical diversion", "fentanyl"},
    "money_laundering": {"money laundering", "hawala", "asset recovery", "virtual assets"},
    "treatment_prevention": {"drug treatment", "prevention", "harm reduction", "public health"},
}


# --------------------------------------------------------------------------
# Rendering: PDF
# --------------------------------------------------------------------------


@dataclass
class FontSet:
    unicode: bool
    sans: str
    serif: str
    source: str


def find_font_dir() -> Path | None:
    candidates: list[Path] = []
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin:
        candidates.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf")
    candidates.append(Path("/usr/share/fonts/truetype/dejavu"))
    for c in candidates:
        if all((c / f).is_file() for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
                                           "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf")):
            return c
    return None


FONT_DIR = find_font_dir()


def setup_fonts(pdf: Any) -> FontSet:
    if FONT_DIR is None:
        return FontSet(False, "helvetica", "times", "core fonts (Latin-1 transliteration)")
    pdf.add_font("dvsans", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("dvsans", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_font("dvsans", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
    pdf.add_font("dvserif", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    pdf.add_font("dvserif", "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
    pdf.add_font("dvserif", "I", str(FONT_DIR / "DejaVuSerif-Italic.ttf"))
    return FontSet(True, "dvsans", "dvserif", str(FONT_DIR))


def render_pdf(spec: Spec, title: str, items: list[Item], rng: Random, author: str) -> tuple[bytes, int]:
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    accent = rng.choice([(0, 84, 147), (0, 112, 110), (122, 30, 56), (40, 60, 90)])

    class ReportPDF(FPDF):
        def header(self) -> None:
            self.set_font(fonts.sans, "", 7.5)
            self.set_text_color(95, 95, 95)
            self.set_xy(self.l_margin, 9)
            left, _, right = spec.header.partition(" | ")
            self.cell(self.epw / 2, 4, t(spec.header if spec.columns == 1 else left), align="L")
            if spec.columns == 2:
                self.cell(self.epw / 2, 4, t(right), align="R")
            self.set_draw_color(*accent)
            self.set_line_width(0.4)
            self.line(self.l_margin, 14.5, self.w - self.r_margin, 14.5)
            self.set_text_color(0, 0, 0)
            self.set_y(self.t_margin)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font(fonts.sans, "", 7.5)
            self.set_text_color(95, 95, 95)
            if spec.footer == "of":
                self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")
            else:
                self.cell(self.epw * 0.8, 5, t(f"{short_title} – {MONTHS[spec.d.month - 1]} {spec.d.year}"), align="L")
                self.cell(self.epw * 0.2, 5, str(self.page_no()), align="R")
            self.set_text_color(0, 0, 0)

    pdf = ReportPDF(format="A4", unit="mm")
    fonts = setup_fonts(pdf)
    t = (lambda s: s) if fonts.unicode else to_latin1_text
    body = fonts.serif if spec.serif else fonts.sans
    short_title = title.split(":")[0]
    pdf.set_margins(20, 21, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_subject(spec.subtitle or spec.theme)
    pdf.set_keywords(", ".join(sorted(THEME_KEYWORDS[spec.theme])))
    pdf.set_creator("docmine scripts/make_corpus.py")
    pdf.set_lang("en")
    pdf.set_creation_date(dt.datetime(spec.d.year, spec.d.month, spec.d.day, 9, 0, 0, tzinfo=dt.UTC))
    pdf.add_page()

    # -- title block (full width)
    pdf.set_font(fonts.sans, "B", 19)
    pdf.set_text_color(*accent)
    pdf.multi_cell(0, 8.5, t(title), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    if spec.subtitle:
        pdf.set_font(fonts.sans, "I", 11)
        pdf.multi_cell(0, 6, t(spec.subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(fonts.sans, "", 9)
    pdf.set_text_color(80, 80, 80)
    pdf.multi_cell(0, 5, t(f"{author} · {long_date(spec.d)}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(3)

    size = 9.6 if spec.columns == 2 else (11.2 if spec.opts.get("long") else 10.2)
    lh = size * (0.54 if spec.opts.get("long") else 0.5)

    def findings_box(findings: list[str]) -> None:
        pdf.set_fill_color(236, 241, 246)
        pdf.set_font(fonts.sans, "B", 10.5)
        pdf.cell(0, 7, t("Key findings"), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(fonts.sans, "", 9.4)
        for f in findings:
            pdf.multi_cell(0, 4.9, t(f"•  {f}"), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.cell(0, 2, "", fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(4)

    def table_block(caption: str, header: list[str], rows: list[list[str]], source: str) -> None:
        if pdf.will_page_break(12 + 6.5 * (len(rows) + 2)):
            pdf.add_page()
        pdf.set_font(fonts.sans, "B", 9.5)
        pdf.multi_cell(0, 5, t(caption), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
        pdf.set_font(fonts.sans, "", 8.6)
        first = 0.34 if len(header) <= 4 else 0.3
        widths = [first] + [(1 - first) / (len(header) - 1)] * (len(header) - 1)
        with pdf.table(col_widths=tuple(w * 100 for w in widths), line_height=4.8,
                       text_align=["LEFT"] + ["RIGHT"] * (len(header) - 1),
                       first_row_as_headings=True) as table:
            for row in [header] + rows:
                r = table.row()
                for cell in row:
                    r.cell(t(cell))
        pdf.set_font(fonts.sans, "I", 7.8)
        pdf.multi_cell(0, 4, t(source), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(3)

    def flow(chunk: list[Item]) -> None:
        """Body text: one column with multi_cell, or two columns with text_columns."""
        if not chunk:
            return
        if spec.columns == 1:
            for it in chunk:
                kind = it[0]
                if kind == "h":
                    if pdf.will_page_break(18):
                        pdf.add_page()
                    pdf.ln(1.5)
                    pdf.set_font(fonts.sans, "B", 12)
                    pdf.set_text_color(*accent)
                    pdf.multi_cell(0, 6.5, t(it[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    pdf.set_text_color(0, 0, 0)
                    pdf.ln(0.8)
                elif kind == "p":
                    pdf.set_font(body, "", size)
                    pdf.multi_cell(0, lh + 0.6, t(it[1]), align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    pdf.ln(2.2)
                elif kind == "quote":
                    pdf.set_font(body, "I", size)
                    pdf.set_x(pdf.l_margin + 8)
                    pdf.multi_cell(pdf.epw - 16, lh + 0.6, t(it[1]), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    pdf.ln(2.2)
                elif kind == "box":
                    if pdf.will_page_break(30):
                        pdf.add_page()
                    pdf.set_fill_color(244, 240, 230)
                    pdf.set_font(fonts.sans, "B", size - 0.6)
                    pdf.multi_cell(0, lh + 1, t(it[1]), fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    pdf.set_font(fonts.sans, "", size - 0.8)
                    pdf.multi_cell(0, lh + 0.4, t(it[2]), fill=True, align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                    pdf.ln(3)
                elif kind == "ul":
                    pdf.set_font(body, "", size)
                    for x in it[1]:
                        pdf.set_x(pdf.l_margin + 4)
                        pdf.multi_cell(pdf.epw - 4, lh + 0.6, t(f"•  {x}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                        pdf.ln(0.8)
                    pdf.ln(1.5)
            return
        pdf.set_font(body, "", size)
        with pdf.text_columns(ncols=2, gutter=7, text_align="J", line_height=1.32, balance=True) as cols:
            for it in chunk:
                kind = it[0]
                if kind == "h":
                    pdf.set_font(fonts.sans, "B", 10.8)
                    with cols.paragraph(text_align="L", top_margin=2.5, bottom_margin=1.2) as par:
                        par.write(t(it[1]))
                elif kind == "p":
                    pdf.set_font(body, "", size)
                    with cols.paragraph(bottom_margin=2.2) as par:
                        par.write(t(it[1]))
                elif kind == "quote":
                    pdf.set_font(body, "I", size)
                    with cols.paragraph(text_align="L", bottom_margin=2.2, indent=4) as par:
                        par.write(t(it[1]))
                elif kind == "box":
                    pdf.set_font(fonts.sans, "B", size - 0.4)
                    with cols.paragraph(text_align="L", top_margin=2, bottom_margin=0.8) as par:
                        par.write(t(it[1]))
                    pdf.set_font(fonts.sans, "", size - 0.8)
                    with cols.paragraph(bottom_margin=2.5, indent=3) as par:
                        par.write(t(it[2]))
                elif kind == "ul":
                    pdf.set_font(body, "", size)
                    for x in it[1]:
                        with cols.paragraph(text_align="L", bottom_margin=1, indent=4, bullet_string=t("•"),
                                            bullet_r_margin=2) as par:
                            par.write(t(x))
        pdf.ln(2)

    pending: list[Item] = []
    for it in items:
        kind = it[0]
        if kind == "findings":
            findings_box([x for x in it[1]])
            if spec.opts.get("long"):
                pdf.add_page()  # long reports: title and key findings on a page of their own
        elif kind == "table":
            flow(pending)
            pending = []
            table_block(it[1], it[2], it[3], it[4])
        elif kind in ("notes", "boiler"):
            flow(pending)
            pending = []
            if kind == "notes":
                if pdf.will_page_break(8 + 4.2 * len(it[1])):
                    pdf.add_page()
                pdf.ln(2)
                pdf.set_font(fonts.sans, "B", 9)
                pdf.cell(0, 5, t("Notes and sources"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
                pdf.set_font(fonts.sans, "", 8)
                for i, n in enumerate(it[1], 1):
                    pdf.multi_cell(0, 4, t(f"{i}  {n}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            else:
                if pdf.will_page_break(10 + 4 * (len(it[1]) // 105 + 1)):
                    pdf.add_page()
                pdf.ln(3)
                pdf.set_draw_color(*accent)
                pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + 40, pdf.get_y())
                pdf.ln(2)
                pdf.set_font(fonts.sans, "I", 8)
                pdf.multi_cell(0, 4, t(it[1]), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        else:
            pending.append(it)
    flow(pending)
    data = bytes(pdf.output())
    return data, pdf.page_no()


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


@dataclass
class Record:
    spec: Spec
    words: int
    pages: int = 0
    size: int = 0
    sha: str = ""


def default_author(spec: Spec, ctx: Ctx) -> str:
    if spec.author:
        return spec.author
    if spec.kind == "minutes":
        return {"SELEC": "SELEC Secretariat", "INCB": "INCB Secretariat"}.get(spec.issuer, "UNODC Secretariat")
    return ctx.person("a").full


def apply_change(items: list[Item], old: str, new: str) -> list[Item]:
    hits = [i for i, it in enumerate(items) if it[0] in ("p", "quote") and old in it[1]]
    if len(hits) != 1 or items[hits[0]][1].count(old) != 1:
        raise RuntimeError(f"near-duplicate change: sentence found {len(hits)} times: {old!r}")
    out = list(items)
    kind, text = out[hits[0]][:2]
    out[hits[0]] = (kind, text.replace(old, new))
    return out


def build(out_root: Path, quiet: bool = False) -> tuple[list[Record], str]:
    corpus_dir = out_root / "corpus"
    if corpus_dir.exists():
        shutil.rmtree(corpus_dir)
    usage = Usage(Random(SEED))
    composed: dict[str, list[Item]] = {}
    records: list[Record] = []
    font_source = ""
    slugs = [s.slug for s in SPECS]
    if len(set(slugs)) != len(slugs):
        raise RuntimeError("duplicate slugs in SPECS")
    for spec in SPECS:
        theme = THEME_OBJS[spec.theme]
        doc_rng = Random(f"{SEED}:{spec.slug}")
        ctx = make_ctx(spec, theme, doc_rng)
        if spec.mirror_of:
            items = apply_change(composed[spec.mirror_of], *spec.change)  # type: ignore[misc]
        else:
            items = COMPOSERS[spec.kind](spec, theme, ctx, usage, doc_rng)
        if spec.straight:
            items = [tuple(straighten(x) if isinstance(x, str) else x for x in it) for it in items]
        composed[spec.slug] = items
        title = spec.title
        rec = Record(spec, words_of(items) + word_count(title))
        path = out_root / spec.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if spec.fmt == "txt":
            data = render_txt(spec, title, items, doc_rng)
        elif spec.fmt == "html":
            data = render_html(spec, title, items, doc_rng)
        elif spec.fmt == "docx":
            data = render_docx(spec, title, items, doc_rng, default_author(spec, ctx))
        else:
            data, rec.pages = render_pdf(spec, title, items, doc_rng, default_author(spec, ctx))
            font_source = "DejaVu TTF from " + str(FONT_DIR) if FONT_DIR else "core fonts, Latin-1 transliteration"
        path.write_bytes(data)
        rec.size = len(data)
        rec.sha = hashlib.sha256(data).hexdigest()
        records.append(rec)
    records.extend(write_foreign(out_root))
    bench = out_root / "benchmarks"
    bench.mkdir(parents=True, exist_ok=True)
    with open(bench / "corpus_themes.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["path", "theme", "format", "date", "title"])
        for rec in sorted(records, key=lambda r: r.spec.relpath):
            writer.writerow([rec.spec.relpath, rec.spec.theme, rec.spec.fmt, rec.spec.date, rec.spec.title])
    if not quiet:
        print(f"wrote {len(records)} documents under {corpus_dir} and {bench / 'corpus_themes.csv'}")
    return records, font_source


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------


def sniff_txt(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return "utf-16", data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", data.decode("utf-8-sig")
    try:
        return "utf-8", data.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252", data.decode("cp1252")


def check(out_root: Path, records: list[Record]) -> bool:
    problems: list[str] = []
    try:
        import pdfplumber  # type: ignore
    except ImportError:  # pragma: no cover
        pdfplumber = None
    import docx

    for rec in records:
        spec = rec.spec
        path = out_root / spec.relpath
        data = path.read_bytes()
        if not 250 <= rec.words <= 1500:
            problems.append(f"{spec.relpath}: {rec.words} words (outside 250-1500)")
        if spec.fmt == "txt":
            enc, text = sniff_txt(data)
            if enc != spec.enc:
                problems.append(f"{spec.relpath}: sniffed {enc}, expected {spec.enc}")
            if spec.enc == "cp1252":
                for ch in "é’“”":
                    if ch not in text:
                        problems.append(f"{spec.relpath}: cp1252 file lacks {ch!r}")
            if not re.search(r"\d{4}", text.splitlines()[2] + text.splitlines()[3] if len(text.splitlines()) > 3 else text):
                problems.append(f"{spec.relpath}: no dateline near the top")
        elif spec.fmt == "html":
            m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', data[:2000])
            charset = m.group(1).decode() if m else "utf-8"
            text = data.decode(charset)
            for marker in ('<html lang="en">', "<nav", "cookie", "Related news", "footer", 'property="og:title"', "<main"):
                if marker.lower() not in text.lower():
                    problems.append(f"{spec.relpath}: missing {marker}")
            if not any(c in text for c in ("&copy;", "©", "Copyright")):
                problems.append(f"{spec.relpath}: no copyright line")
            if 'name="date"' not in text and "article:published_time" not in text:
                problems.append(f"{spec.relpath}: no date meta")
        elif spec.fmt == "docx":
            document = docx.Document(io.BytesIO(data))
            props = document.core_properties
            if props.title != spec.title or props.created is None or props.created.date() != spec.d:
                problems.append(f"{spec.relpath}: core properties mismatch")
            if not any(p.style.name.startswith("Heading") for p in document.paragraphs):
                problems.append(f"{spec.relpath}: no headings")
        elif spec.fmt == "pdf":
            if pdfplumber is not None:
                with pdfplumber.open(io.BytesIO(data)) as pdf:
                    n = len(pdf.pages)
                    meta = pdf.metadata
                    if meta.get("Title") != spec.title or not str(meta.get("CreationDate", "")).startswith("D:" + spec.date.replace("-", "")):
                        problems.append(f"{spec.relpath}: PDF metadata mismatch {meta}")
                    head = spec.header.partition(" | ")[0] if spec.columns == 2 else spec.header
                    if FONT_DIR is None:
                        head = to_latin1_text(head)
                    for i, page in enumerate(pdf.pages, 1):
                        txt = page.extract_text() or ""
                        if head not in txt:
                            problems.append(f"{spec.relpath}: running header missing on page {i}")
                        want = f"Page {i} of {n}" if spec.footer == "of" else str(i)
                        if want not in txt.splitlines()[-1]:
                            problems.append(f"{spec.relpath}: footer {want!r} missing on page {i}")
            else:
                import pypdfium2  # type: ignore
                n = len(pypdfium2.PdfDocument(data))
            if not 2 <= n <= 5:
                problems.append(f"{spec.relpath}: {n} pages (expected 2-5)")
            rec.pages = n
    shas = [r.sha for r in records]
    if len(set(shas)) != len(shas):
        problems.append("byte-identical files found")
    total = sum(r.size for r in records)
    if total >= 5 * 1024 * 1024:
        problems.append(f"corpus too large: {total} bytes")

    # summary
    fmts = ["pdf", "html", "docx", "txt"]
    print(f"\n{'theme':<22}" + "".join(f"{f:>6}" for f in fmts) + f"{'total':>7}")
    for th in THEMES:
        row = [sum(1 for r in records if r.spec.theme == th and r.spec.fmt == f) for f in fmts]
        print(f"{th:<22}" + "".join(f"{x:>6}" for x in row) + f"{sum(row):>7}")
    col = [sum(1 for r in records if r.spec.fmt == f) for f in fmts]
    print(f"{'total':<22}" + "".join(f"{x:>6}" for x in col) + f"{len(records):>7}")
    years = sorted({r.spec.date[:4] for r in records})
    print("by year: " + ", ".join(f"{y}: {sum(1 for r in records if r.spec.date[:4] == y)}" for y in years))
    encs: dict[str, int] = {}
    for r in records:
        key = f"{r.spec.fmt}:{r.spec.enc if r.spec.fmt == 'txt' else r.spec.charset if r.spec.fmt == 'html' else 'binary'}"
        encs[key] = encs.get(key, 0) + 1
    print("encodings: " + ", ".join(f"{k}={v}" for k, v in sorted(encs.items())))
    words = [r.words for r in records]
    print(f"words per document: min {min(words)}, max {max(words)}, mean {sum(words) / len(words):.0f}")
    pdfs = [r for r in records if r.spec.fmt == "pdf"]
    print("pdf pages: " + ", ".join(f"{r.spec.slug[:28]}={r.pages}({r.spec.columns}col)" for r in pdfs))
    print(f"total size: {total / 1024:.0f} KiB in {len(records)} files")
    if problems:
        print("\nPROBLEMS:")
        for p in problems:
            print("  - " + p)
        return False
    print("all checks passed")
    return True


def verify(out_root: Path) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp), quiet=True)
        ok = True
        for rel in sorted(p.relative_to(out_root) for p in (out_root / "corpus").rglob("*") if p.is_file()):
            other = Path(tmp) / rel
            if not other.is_file() or other.read_bytes() != (out_root / rel).read_bytes():
                print(f"NOT reproducible: {rel}")
                ok = False
        csv_rel = Path("benchmarks/corpus_themes.csv")
        if (Path(tmp) / csv_rel).read_bytes() != (out_root / csv_rel).read_bytes():
            print("NOT reproducible: benchmarks/corpus_themes.csv")
            ok = False
    print("second run byte-identical" if ok else "second run differs")
    return ok


# --------------------------------------------------------------------------
# Documents in the languages of the routes (written verbatim; invented like the rest)
# --------------------------------------------------------------------------

FOREIGN = [
    ("2024-05-14-policija-bajakovo-heroin.txt", "hr", "heroin_balkan", "2024-05-14",
     "Zaplijenjeno 48 kilograma heroina na graničnom prijelazu Bajakovo",
     "Zagreb, 14. svibnja 2024. – Službenici Ravnateljstva policije i carinici na graničnom prijelazu Bajakovo "
     "zaplijenili su 48 kilograma heroina skrivenog u rezervoaru kamiona koji je dolazio iz Srbije. Vozač, "
     "državljanin Turske, uhićen je i predan istražitelju.\n\n"
     "Prema podacima policije, heroin je stigao balkanskom rutom iz Turske preko Bugarske i Srbije, a bio je "
     "namijenjen tržištu zapadne Europe. Od početka godine na hrvatskim granicama zaplijenjeno je više od "
     "200 kilograma heroina i kokaina.\n\n"
     "Policija surađuje s Europolom i SELEC-om u istrazi o kriminalnoj skupini koja organizira krijumčarenje."),
    ("2023-11-02-policija-beograd-marihuana.txt", "sr", "heroin_balkan", "2023-11-02",
     "Заплена 150 килограма марихуане у Београду",
     "Београд, 2. новембар 2023. – Припадници Управе криминалистичке полиције запленили су 150 кг марихуане и "
     "2 кг хероина у складишту на Новом Београду. Ухапшена су три држављанина Албаније.\n\n"
     "Дрога је, према сумњама истражитеља, у Србију стигла из Албаније преко Косова, а требало је да буде "
     "превезена у Хрватску и даље у земље Европске уније.\n\n"
     "Полиција наставља истрагу у сарадњи са колегама из Северне Македоније."),
    ("2025-03-28-kapikule-eroin-haber.txt", "tr", "heroin_balkan", "2025-03-28",
     "Kapıkule'de domates salçası kavanozlarında 96 kilogram eroin ele geçirildi",
     "Edirne, 28 Mart 2025 – Kapıkule Gümrük Kapısı'nda gümrük muhafaza ekipleri, Bulgaristan'a gitmek üzere "
     "olan bir tırda 640 kavanoz domates salçasına gizlenmiş 96 kilogram eroin ele geçirdi. Tır şoförü "
     "gözaltına alındı.\n\n"
     "Yetkililer, eroinin İran'dan kara yoluyla getirildiğini ve Balkan rotası üzerinden Avrupa'ya "
     "götürüleceğini açıkladı.\n\n"
     "Türkiye'de geçen yıl 20 tondan fazla eroin ele geçirildiği bildirildi."),
    ("2024-09-10-policia-durres-kokaine.txt", "sq", "cocaine_ports", "2024-09-10",
     "Sekuestrohen 120 kilogramë kokainë në portin e Durrësit",
     "Durrës, 10 shtator 2024 – Policia e Shtetit dhe doganat sekuestruan 120 kilogramë kokainë në portin e "
     "Durrësit, të fshehura në një kontejner me banane që vinte nga Ekuadori. Dy persona u arrestuan.\n\n"
     "Sipas policisë, kokaina ishte e destinuar për tregun e Italisë dhe të Greqisë. Hetimi vazhdon në "
     "bashkëpunim me Europolin."),
    ("2023-03-10-guardia-civil-algeciras-cocaina.txt", "es", "cocaine_ports", "2023-03-10",
     "La Guardia Civil interviene 6,3 toneladas de cocaína en el puerto de Algeciras",
     "Madrid, 10 de marzo de 2023 – La Guardia Civil, junto al Servicio de Vigilancia Aduanera, ha "
     "intervenido 6,3 toneladas de cocaína ocultas en seis contenedores de plátanos en el puerto de Algeciras. "
     "Los contenedores procedían de Guayaquil, Ecuador. Siete personas han sido detenidas en Cádiz, Madrid y "
     "Málaga.\n\n"
     "Se trata de una de las mayores aprehensiones de cocaína realizadas en España en los últimos años."),
    ("2024-06-20-douane-le-havre-cocaine.txt", "fr", "cocaine_ports", "2024-06-20",
     "Saisie de 1,2 tonne de cocaïne au port du Havre",
     "Le Havre, 20 juin 2024 – Les agents des douanes ont saisi 1,2 tonne de cocaïne dans un conteneur de "
     "bananes en provenance de Colombie, au port du Havre. Le ministre de l'Action et des Comptes publics a "
     "salué le travail des douaniers.\n\n"
     "La drogue était dissimulée derrière les cartons de fruits. Une enquête a été ouverte par l'Office "
     "anti-stupéfiants (OFAST)."),
]


def write_foreign(out_root: Path) -> list[Record]:
    """The documents in other languages, written as UTF-8 text under corpus/languages/."""
    out = []
    for name, _lang, theme, date, title, body in FOREIGN:
        spec = Spec(name[11:-4], theme, "txt", "press", date, title, "", folder="languages")
        text = title + "\n\n" + body + "\n"
        path = out_root / spec.relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        out.append(Record(spec, word_count(text), size=len(data), sha=hashlib.sha256(data).hexdigest()))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT, help="root under which corpus/ and benchmarks/ are written")
    parser.add_argument("--check", action="store_true", help="re-open every file and print a summary")
    parser.add_argument("--verify", action="store_true", help="regenerate in a temp dir and compare bytes")
    args = parser.parse_args(argv)
    out_root = args.out.resolve()
    records, font_source = build(out_root)
    print(f"PDF font: {font_source}")
    ok = True
    if args.check or args.verify:
        ok = check(out_root, records) and ok
    if args.verify:
        ok = verify(out_root) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
