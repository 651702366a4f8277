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
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any, Callable

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
    "rahimi": P("Dr.", "Farhad", "Rahimi", "Programme Officer at the {o:UNODC} Country Office in {g:IR}", "m"),
    "kovac": P("Ms.", "Ana", "Kovač", "Senior Specialist at {o:ESOCC}", "f"),
    "papadakis": P("Lt. Col.", "Nikos", "Papadakis", "Head of the Drug Enforcement Division of {o:HELPOL}", "m"),
    "demir": P("Ms.", "Zeynep", "Demir", "Regional Director of Customs Enforcement in Edirne", "f"),
    # UNODC / shared
    "lindqvist": P("Dr.", "Karin", "Lindqvist", "Chief of the Research and Trend Analysis Branch at {o:UNODC}", "f"),
    "mensah": P("Mr.", "Kwame", "Mensah", "Coordinator of the {o:UNODC} Regional Programme for South-Eastern Europe", "m"),
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
    "aung": P("Ms.", "Thida", "Aung", "Regional Analyst at the {o:UNODC} Regional Office for Southeast Asia and the Pacific", "f"),
    "bakker": P("Mr.", "Erik", "Bakker", "Head of the Synthetic Drugs Unit of {o:NLPOL}", "m"),
    "nasser": P("Dr.", "Rania", "Nasser", "an independent researcher specialising in drug markets in the Middle East", "f"),
    # precursors
    "weber": P("Dr.", "Ingrid", "Weber", "Chief of the Precursor Control Section of the {o:INCB} secretariat", "f"),
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
    "haidari": P("Mr.", "Bilal", "Haidari", "a financial investigator with the {o:UNODC} Country Office in Pakistan", "m"),
    # treatment and prevention
    "ferreira": P("Dr.", "Ana", "Ferreira", "Head of the Prevention, Treatment and Rehabilitation Section at {o:UNODC}", "f"),
    "novak": P("Dr.", "Marko", "Novak", "Head of Health and Social Responses at {o:EMCDDA}", "m"),
    "ozturk": P("Dr.", "Ayşe", "Öztürk", "Director of the {o:AMATEM} clinic in Ankara", "f"),
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
    # capitalise sentence starts ("the EMCDDA said" at the start of a sentence)
    text = re.sub(r"(^|[.!?][”’\")]?\s+|[.!?]\s+[“‘\"])([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
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

    # -- entities -----------------------------------------------------------
    def org(self, key: str) -> str:
        if key == "EMCDDA" and self.date >= dt.date(2024, 7, 2):
            key = "EUDA"
        first, later = ORGS[key]
        tag = "o:" + key
        if tag not in self.seen:
            self.seen.add(tag)
            return first
        return self.rng.choice(later)

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
            return f"{person.full}, {self.fill(person.role, cap=False)},"
        return person.short

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
            return self.fill(person.role, cap=False)
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
    notes: list[str]
    table: Callable[[Random, dt.date], tuple[str, list[str], list[list[str]], str]]
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
    "“{q}” said {p}.",
    "“{q}”, {p} said.",
    "{p} said: “{q}”",
    "According to {p}, “{qlow}”",
    "“{q}” {p} told journalists.",
    "Speaking at a press conference, {p} said: “{q}”",
    "{p} underlined the point: “{q}”",
    "“{q}” said {p} in a statement.",
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


def heroin_table(rng: Random, d: dt.date) -> tuple[str, list[str], list[list[str]], str]:
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
             "Mobile teams trained under the {o:UNODC} regional programme now work jointly at several crossing points."],
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
             "Armed clashes between Iranian security forces and traffickers along the eastern border are frequently reported, and thousands of officers have lost their lives in counter-narcotics operations over the past four decades."],
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
        "{He:a} thanked partner services in {g:TR} and Bulgaria for their support.",
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
