"""Deterministic generator of press-release style documents for throughput benchmarks.

Each document is ~600 words about a drug seizure, a trafficking network, an agency's
operation or a cooperation meeting: agencies, places, drugs, people, amounts. Text comes
from templates filled with a seeded ``random.Random`` (one per document), so the same
``(n, seed)`` always gives the same corpus, byte for byte, and documents differ enough that
docmine's near-duplicate detector (MinHash over word 5-shingles) does not pair them.

Usage::

    python benchmarks/gen_press_corpus.py OUT_DIR --docs 500 [--formats txt,pdf] [--seed 20240601]

writes ``OUT_DIR/txt/*.txt`` and ``OUT_DIR/pdf/*.pdf`` (fpdf2, DejaVu Sans from matplotlib,
two-ish A4 pages with a running header and page numbers, like a real agency release).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from multiprocessing import get_context

DEFAULT_SEED = 20240601
TARGET_WORDS = 600

AGENCIES = [
    # (name, acronym or None, city, country)
    ("Drug Enforcement Administration", "DEA", "Washington", "the United States"),
    ("European Union Agency for Law Enforcement Cooperation", "Europol", "The Hague", "the Netherlands"),
    ("United Nations Office on Drugs and Crime", "UNODC", "Vienna", "Austria"),
    ("Guardia Civil", None, "Madrid", "Spain"),
    ("Turkish National Police", "TNP", "Ankara", "Türkiye"),
    ("Brazilian Federal Police", None, "Brasília", "Brazil"),
    ("Royal Thai Police", None, "Bangkok", "Thailand"),
    ("National Crime Agency", "NCA", "London", "the United Kingdom"),
    ("Colombian National Police", None, "Bogotá", "Colombia"),
    ("Philippine Drug Enforcement Agency", "PDEA", "Manila", "the Philippines"),
    ("Australian Federal Police", "AFP", "Canberra", "Australia"),
    ("Royal Canadian Mounted Police", "RCMP", "Ottawa", "Canada"),
    ("Ecuadorian National Police", None, "Quito", "Ecuador"),
    ("Belgian Federal Police", None, "Brussels", "Belgium"),
    ("Guardia di Finanza", None, "Rome", "Italy"),
    ("Dutch Customs", None, "Rotterdam", "the Netherlands"),
    ("Bulgarian Customs Agency", None, "Sofia", "Bulgaria"),
    ("Anti-Narcotics Force", "ANF", "Rawalpindi", "Pakistan"),
    ("Central Narcotics Bureau", "CNB", "Singapore", "Singapore"),
    ("Narcotics Control Bureau", "NCB", "New Delhi", "India"),
    ("Hellenic Coast Guard", None, "Piraeus", "Greece"),
    ("French Customs", None, "Le Havre", "France"),
    ("Policía Nacional", None, "Madrid", "Spain"),
    ("Federal Criminal Police Office", "BKA", "Wiesbaden", "Germany"),
    ("Border Police of Serbia", None, "Belgrade", "Serbia"),
    ("Kenya Police Service", None, "Nairobi", "Kenya"),
    ("Nigerian Drug Law Enforcement Agency", "NDLEA", "Abuja", "Nigeria"),
    ("Mexican Navy", None, "Manzanillo", "Mexico"),
    ("Peruvian National Police", None, "Lima", "Peru"),
    ("Jordan Armed Forces", None, "Amman", "Jordan"),
    ("Saudi Zakat, Tax and Customs Authority", "ZATCA", "Riyadh", "Saudi Arabia"),
    ("Financial Crimes Enforcement Network", "FinCEN", "Washington", "the United States"),
]

PORTS = [
    ("Antwerp", "Belgium"), ("Rotterdam", "the Netherlands"), ("Hamburg", "Germany"), ("Algeciras", "Spain"),
    ("Valencia", "Spain"), ("Le Havre", "France"), ("Gioia Tauro", "Italy"), ("Piraeus", "Greece"),
    ("Guayaquil", "Ecuador"), ("Santos", "Brazil"), ("Cartagena", "Colombia"), ("Buenaventura", "Colombia"),
    ("Callao", "Peru"), ("Manzanillo", "Mexico"), ("Mersin", "Türkiye"), ("Constanța", "Romania"),
    ("Durban", "South Africa"), ("Mombasa", "Kenya"), ("Lagos", "Nigeria"), ("Abidjan", "Côte d'Ivoire"),
    ("Karachi", "Pakistan"), ("Chittagong", "Bangladesh"), ("Port Klang", "Malaysia"), ("Sydney", "Australia"),
    ("Felixstowe", "the United Kingdom"), ("Gdańsk", "Poland"), ("Koper", "Slovenia"), ("Bar", "Montenegro"),
]

CITIES = [
    ("Istanbul", "Türkiye"), ("Van", "Türkiye"), ("Edirne", "Türkiye"), ("Sofia", "Bulgaria"),
    ("Belgrade", "Serbia"), ("Skopje", "North Macedonia"), ("Tirana", "Albania"), ("Vienna", "Austria"),
    ("Marseille", "France"), ("Barcelona", "Spain"), ("Seville", "Spain"), ("Naples", "Italy"),
    ("Amsterdam", "the Netherlands"), ("Brussels", "Belgium"), ("Frankfurt", "Germany"), ("Warsaw", "Poland"),
    ("Medellín", "Colombia"), ("Cali", "Colombia"), ("Quito", "Ecuador"), ("São Paulo", "Brazil"),
    ("Lima", "Peru"), ("Culiacán", "Mexico"), ("Tijuana", "Mexico"), ("Kabul", "Afghanistan"),
    ("Herat", "Afghanistan"), ("Quetta", "Pakistan"), ("Peshawar", "Pakistan"), ("Zahedan", "Iran"),
    ("Yangon", "Myanmar"), ("Lashio", "Myanmar"), ("Chiang Rai", "Thailand"), ("Vientiane", "Laos"),
    ("Manila", "the Philippines"), ("Kuala Lumpur", "Malaysia"), ("Amman", "Jordan"), ("Beirut", "Lebanon"),
    ("Riyadh", "Saudi Arabia"), ("Dubai", "the United Arab Emirates"), ("Nairobi", "Kenya"),
    ("Accra", "Ghana"), ("Dakar", "Senegal"), ("Bissau", "Guinea-Bissau"), ("Melbourne", "Australia"),
    ("Vancouver", "Canada"), ("Toronto", "Canada"), ("Miami", "the United States"), ("Houston", "the United States"),
    ("Liverpool", "the United Kingdom"), ("Glasgow", "the United Kingdom"), ("Dublin", "Ireland"),
]

REGIONS = ["the Balkan route", "the Golden Triangle", "the Golden Crescent", "West Africa", "the Southern Caucasus",
           "the Eastern Mediterranean", "the Andean region", "Central Asia", "the Sahel", "the Gulf region",
           "Western Europe", "South-East Asia", "the Caribbean", "East Africa", "the Western Balkans"]

DRUGS = [
    # (name, unit kind, typical amounts)
    ("cocaine", "kg", (80, 9000)), ("heroin", "kg", (20, 1200)), ("methamphetamine", "kg", (30, 3500)),
    ("crystal methamphetamine", "kg", (10, 900)), ("cannabis resin", "kg", (200, 12000)),
    ("cannabis", "kg", (150, 20000)), ("captagon", "tablets", (50000, 12000000)),
    ("fentanyl", "kg", (2, 300)), ("MDMA", "tablets", (10000, 2500000)), ("ketamine", "kg", (10, 800)),
    ("tramadol", "tablets", (20000, 5000000)), ("opium", "kg", (50, 4000)), ("hashish", "kg", (100, 9000)),
    ("amphetamine", "kg", (20, 2000)), ("crack cocaine", "kg", (5, 300)), ("yaba", "tablets", (100000, 9000000)),
]
PRECURSORS = ["acetic anhydride", "BMK", "PMK glycidate", "ephedrine", "pseudoephedrine", "NPP", "4-ANPP",
              "potassium permanganate", "safrole", "APAA"]

COVERS = ["bananas", "pineapples", "frozen fish", "tomato paste", "marble slabs", "metallurgical coke", "coffee beans",
          "avocados", "scrap metal", "ceramic tiles", "furniture", "industrial machinery", "rice sacks", "tea packets",
          "car parts", "pomegranates", "timber", "cocoa butter", "fertiliser", "textiles", "canned tuna", "soap bars"]
CONCEAL = ["a false floor of the container", "the refrigeration unit", "hollowed-out wooden pallets",
           "the fuel tank of the truck", "sealed bags hidden among the cargo", "the hull of the vessel",
           "the chassis of a lorry", "compartments welded into the trailer", "vacuum-packed bricks in the cargo",
           "the spare tyre of a car", "boxes labelled as medical supplies", "hollow machine parts"]
VEHICLES = ["container ship", "bulk carrier", "fishing trawler", "semi-submersible", "yacht", "refrigerated truck",
            "lorry", "passenger bus", "light aircraft", "cargo train", "speedboat", "ferry"]
NATIONALITIES = ["Colombian", "Albanian", "Dutch", "Spanish", "Turkish", "Bulgarian", "Serbian", "Moroccan", "Nigerian",
                 "Brazilian", "Ecuadorian", "Mexican", "Pakistani", "Afghan", "Iranian", "Thai", "Chinese", "Lebanese",
                 "Syrian", "British", "Irish", "Italian", "French", "German", "Polish", "Kenyan", "Ghanaian"]
FIRST = ["Ana", "Carlos", "Mehmet", "Elena", "Jens", "Maria", "Ahmed", "Olga", "Pieter", "Lucía", "Marco", "Aylin",
         "Ivan", "Sofia", "Daniel", "Fatima", "Tomás", "Nadia", "Georgi", "Hannah", "Rafael", "Yusuf", "Claire",
         "Somchai", "Arjun", "Grace", "Kwame", "Laura", "Dragan", "Mariam", "Paulo", "Chen", "Emeka", "Irina",
         "Javier", "Katarzyna", "Luis", "Noor", "Oliver", "Rania", "Stefan", "Valentina", "Wanjiru", "Hugo"]
LAST = ["Hartmann", "Restrepo", "Yılmaz", "Petrova", "van der Berg", "Fernández", "Rossi", "Demir", "Ivanov",
        "Okafor", "Santos", "Nguyen", "Khan", "Haddad", "Dimitrov", "Müller", "García", "Kowalski", "Popescu",
        "Murphy", "Martins", "Chaudhry", "Mensah", "Wong", "Andersson", "Nowak", "Torres", "Kariuki", "Jovanović",
        "Silva", "Al-Masri", "Schneider", "Moreau", "Bianchi", "Herrera", "Osei", "Tanaka", "Varga", "Ahmadi"]
TITLES = ["Director", "Head", "Chief Superintendent", "Deputy Director", "Spokesperson", "Regional Commander",
          "Public Prosecutor", "Minister of the Interior", "Representative", "Chief Inspector", "Commissioner"]
OPERATIONS = ["Trojan Shield", "Desert Light", "Blue Harbour", "Silver Axe", "Northern Lights", "Orion", "Pangea",
              "Lionfish", "Sea Wall", "Cold Chain", "Iron Gate", "Black Pearl", "Red Tide", "Stone Bridge",
              "Falcon", "Kingfisher", "Mercury", "Atlas", "Nightjar", "Granite"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass
class PressRelease:
    name: str  # file stem
    title: str
    date: str  # ISO
    agency: str
    paragraphs: list[str]

    @property
    def text(self) -> str:
        return "\n\n".join([self.title] + self.paragraphs) + "\n"

    @property
    def n_words(self) -> int:
        return len(self.text.split())


class _Ctx:
    """The facts of one story, drawn once so later paragraphs stay consistent."""

    def __init__(self, rng: random.Random, i: int):
        self.rng = rng
        r = rng
        self.agency = r.choice(AGENCIES)
        self.partner = r.choice([a for a in AGENCIES if a is not self.agency])
        self.third = r.choice([a for a in AGENCIES if a not in (self.agency, self.partner)])
        self.port, self.port_country = r.choice(PORTS)
        self.origin, self.origin_country = r.choice([c for c in PORTS + CITIES if c[1] != self.port_country])
        self.city, self.city_country = r.choice(CITIES)
        self.dest, self.dest_country = r.choice([c for c in CITIES if c[0] != self.city])
        self.region = r.choice(REGIONS)
        self.drug, self.unit, (lo, hi) = r.choice(DRUGS)
        self.drug2 = r.choice([d[0] for d in DRUGS if d[0] != self.drug])
        self.precursor = r.choice(PRECURSORS)
        amount = r.uniform(lo, hi)
        if self.unit == "kg":
            self.amount = f"{amount / 1000:.1f} tonnes" if amount >= 1000 and r.random() < 0.6 else f"{int(amount):,} kg"
        else:
            self.amount = f"{int(amount):,} {r.choice(['tablets', 'pills'])}"
        self.cover = r.choice(COVERS)
        self.conceal = r.choice(CONCEAL)
        self.vehicle = r.choice(VEHICLES)
        self.nat1, self.nat2 = r.sample(NATIONALITIES, 2)
        self.op = r.choice(OPERATIONS)
        self.arrests = r.randint(2, 48)
        self.countries = r.randint(3, 19)
        self.value = r.choice(["EUR", "USD", "US$", "€"]) + f" {r.randint(3, 480)} million"
        self.people = [self._person() for _ in range(4)]
        d0 = date(2018, 1, 1) + timedelta(days=(i * 7919 + r.randint(0, 400)) % 2900)
        self.date = d0
        self.weekday = WEEKDAYS[d0.weekday()]
        self.prev = d0 - timedelta(days=r.randint(3, 60))
        self.year = d0.year
        self.pct = r.randint(12, 85)
        self.years = r.randint(4, 25)
        self.n = i
        self.used: set[str] = set()

    def _person(self) -> tuple[str, str, str]:
        first, last, title = self.rng.choice(FIRST), self.rng.choice(LAST), self.rng.choice(TITLES)
        return first, last, title

    def name(self, k: int) -> str:
        return f"{self.people[k][0]} {self.people[k][1]}"

    def surname(self, k: int) -> str:
        s = self.people[k][1]
        return s[0].upper() + s[1:]

    @staticmethod
    def ag(a, long: bool = True) -> str:
        """The agency as a noun phrase: "the National Crime Agency (NCA)", "NCA", "Guardia Civil"."""
        name, acr, _, _ = a
        article = "" if name.startswith(("Guardia", "Policía", "Dutch", "French")) else "the "
        if acr and long:
            return f"{article}{name} ({acr})"
        return acr if acr else article + name

    def pick(self, sentences: list[str], k: int) -> str:
        """Up to ``k`` sentences not used earlier in this document, in random order."""
        fresh = [s for s in sentences if s not in self.used]
        self.rng.shuffle(fresh)
        out = fresh[:k]
        self.used.update(out)
        return " ".join(out)

    def when(self, d: date) -> str:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _title(c: _Ctx) -> str:
    r = c.rng
    a = c.agency[1] or c.agency[0]
    return r.choice([
        f"{a} seize {c.amount} of {c.drug} in {c.port}",
        f"{_cap(c.amount)} of {c.drug} hidden in {c.cover} intercepted at {c.port}",
        f"Operation {c.op}: {c.arrests} arrests as {c.drug} network is dismantled across {c.countries} countries",
        f"{a} and {c.partner[1] or c.partner[0]} break up {c.drug} trafficking ring in {c.city}",
        f"Record {c.drug} haul in {c.city} highlights growing role of {c.region}",
        f"{_cap(c.precursor)} shipment stopped in {c.port} before reaching {c.drug} laboratories",
    ])


def _lead(c: _Ctx) -> str:
    r = c.rng
    opening = f"{c.port.upper() if r.random() < 0.5 else c.city.upper()}, {c.when(c.date)} — "
    return opening + r.choice([
        f"Officers of {c.ag(c.agency)} have seized {c.amount} of {c.drug} concealed in a shipment of {c.cover} "
        f"that arrived in the port of {c.port} from {c.origin}, {c.origin_country}. The drugs were found in "
        f"{c.conceal} during an inspection on {c.weekday}, after a risk analysis flagged the consignment.",
        f"{_cap(c.ag(c.agency))} announced on {c.weekday} "
        f"that {c.arrests} suspects have been arrested in a coordinated operation against a network smuggling "
        f"{c.drug} from {c.origin_country} to {c.dest_country}. Operation {c.op}, supported by {c.ag(c.partner)}, "
        f"involved raids in {c.countries} countries and the seizure of {c.amount} of {c.drug}.",
        f"A {c.vehicle} carrying {c.amount} of {c.drug} was intercepted off the coast near {c.port} by officers of "
        f"{c.ag(c.agency)}, acting on intelligence shared by {c.ag(c.partner)}. The crew of {r.randint(3, 14)}, "
        f"{c.nat1} and {c.nat2} nationals, were detained and the vessel was escorted to {c.port}.",
        f"Investigators in {c.city} have dismantled a {c.drug} trafficking group that used {c.cover} imported "
        f"through {c.port} as cover, {c.ag(c.agency)} said on {c.weekday}. The group is believed to have moved "
        f"more than {c.amount} of {c.drug} over {r.randint(2, 6)} years.",
    ])


def _details(c: _Ctx) -> str:
    r = c.rng
    s = [
        f"The consignment had left {c.origin} on {c.when(c.prev)} and was declared as {c.cover} destined for a "
        f"company registered in {c.dest}, {c.dest_country}.",
        f"Detector dogs and a mobile X-ray scanner helped officers locate {r.randint(20, 600)} packages hidden in {c.conceal}.",
        f"Laboratory tests confirmed that the substance was {c.drug} with a purity of about {c.pct} per cent.",
        f"The {c.drug} bore a logo that investigators have linked to earlier shipments seized in {c.city} and {c.dest}.",
        f"Officers also found {r.randint(2, 40)} mobile telephones, encrypted devices and {c.value} in cash.",
        f"According to {c.ag(c.agency, False)}, the street value of the seizure is estimated at {c.value}.",
        f"A second shipment of {c.drug2} was found in a warehouse on the outskirts of {c.city} on {c.weekday}.",
        f"The {c.vehicle} had made {r.randint(2, 9)} similar journeys between {c.origin} and {c.port} since {c.year - r.randint(1, 3)}.",
        f"Customs officers had selected the container for inspection because its route through {c.region} "
        f"and its declared cargo did not match the shipper's usual trade.",
        f"Forensic accountants traced payments for the cargo through front companies in {c.dest_country} and {c.city_country}.",
    ]
    return c.pick(s, r.randint(3, 5))


def _quote(c: _Ctx, k: int) -> str:
    r = c.rng
    first, last, title = c.people[k]
    who = c.ag(c.agency if k % 2 == 0 else c.partner, False)
    q = r.choice([
        f"“This seizure shows what close cooperation between ports, police and customs can achieve,” said "
        f"{title} {first} {last} of {who}. “Traffickers adapt quickly, and so must we.”",
        f"“The criminal networks behind this trade use the same routes for {c.drug}, weapons and people,” "
        f"{first} {last}, {title} at {who}, told reporters in {c.city}.",
        f"{title} {first} {last} said the investigation had started {r.randint(3, 30)} months ago with a tip from "
        f"{c.ag(c.third, False)}. “Without the intelligence from our partners in {c.origin_country}, this "
        f"{c.vehicle} would have reached {c.port},” {c.surname(k)} said.",
        f"Speaking at a press conference in {c.city}, {first} {last} praised the officers involved. "
        f"“{_cap(c.amount)} of {c.drug} will not reach the streets of {c.dest},” {c.surname(k)} said, "
        f"adding that further arrests were expected.",
    ])
    extra = r.choice([
        f" {c.surname(k)} added that the suspects face up to {c.years} years in prison if convicted.",
        f" {c.surname(k)} noted that {c.pct} per cent of the {c.drug} seized this year had passed through {c.region}.",
        f" According to {c.surname(k)}, the organisers of the shipment remain at large in {c.origin_country}.",
        "",
    ])
    return q + extra


def _suspects(c: _Ctx) -> str:
    r = c.rng
    return r.choice([
        f"Among those arrested is a {r.randint(28, 64)}-year-old {c.nat1} national, {c.name(2)}, who investigators "
        f"believe organised the logistics from {c.city}. {c.name(3)}, a {c.nat2} citizen, was detained at "
        f"{c.dest} airport as he tried to board a flight to {c.origin}. Both appeared before a judge in {c.city} "
        f"and were remanded in custody.",
        f"Police searched {r.randint(5, 60)} properties in {c.city}, {c.dest} and {c.origin} and froze bank "
        f"accounts holding {c.value}. The suspected leader of the network, {c.name(2)}, had been wanted under an "
        f"international arrest warrant since {c.year - r.randint(1, 6)}.",
        f"The {c.arrests} suspects include port workers, a customs broker and the owner of a transport company in "
        f"{c.dest}. Prosecutors in {c.city} have charged {c.name(2)} and {c.name(3)} with drug trafficking, "
        f"money laundering and membership of a criminal organisation.",
    ])


def _background(c: _Ctx) -> str:
    r = c.rng
    s = [
        f"Traffickers exploit the sheer volume of trade: customs can inspect only a small share of the containers "
        f"passing through {c.port} and other major ports of {c.port_country}.",
        f"According to the {c.year - 1} World Drug Report of the United Nations Office on Drugs and Crime, "
        f"{c.drug} production and trafficking through {c.region} have reached record levels.",
        f"Seizures of {c.drug} in {c.dest_country} rose by {c.pct} per cent last year, official figures show.",
        f"Displacement is a recurrent pattern: when one port becomes too risky, shipments move to {c.dest} or {c.origin}.",
        f"Chemicals such as {c.precursor} are diverted from legitimate industry to produce {c.drug} in clandestine laboratories.",
        f"Analysts at {c.ag(c.third, False)} warn that the route through {c.region} is increasingly used for {c.drug2} as well.",
        f"Encrypted communication services have helped networks coordinate shipments between {c.origin_country} and {c.dest_country}.",
        f"Corrupt port employees in {c.port} and {c.origin} have been paid to retrieve bags before cargo is inspected.",
        f"Courts in {c.city_country} have handed down sentences of up to {c.years} years for similar offences.",
        f"The market for {c.drug} in {c.dest_country} has expanded, with wholesale prices falling in {c.dest} and {c.city}.",
    ]
    return c.pick(s, r.randint(3, 5))


def _cooperation(c: _Ctx) -> str:
    r = c.rng
    return r.choice([
        f"The operation was coordinated by {c.ag(c.partner)} with support from {c.ag(c.third)}. Liaison officers "
        f"from {c.countries} countries worked from a coordination centre in {c.partner[2]}, exchanging information "
        f"in real time with investigators in {c.city} and {c.port}.",
        f"Since {c.year - r.randint(1, 5)}, {c.ag(c.agency, False)} and {c.ag(c.partner, False)} have run joint "
        f"container control units in {c.port} and {c.origin} under a programme supported by "
        f"{c.ag(c.third, False)}, training officers in risk profiling and the use of scanners.",
        f"Officials from {c.agency[3]}, {c.partner[3]} and {c.third[3]} met in {c.partner[2]} in {MONTHS[c.prev.month - 1]} "
        f"to agree on faster exchange of intelligence about {c.drug} and {c.precursor} shipments along {c.region}.",
    ])


def _closing(c: _Ctx) -> str:
    r = c.rng
    first, last, _ = c.people[r.randint(0, 3)]
    dom = (c.agency[1] or c.agency[0].split()[0]).lower().replace(" ", "")
    return (f"Press contact: {first} {last}, Press Office, {c.agency[0]}, {c.agency[2]}\n"
            f"Telephone: +{r.randint(30, 99)} {r.randint(10, 99)} {r.randint(100, 999)} {r.randint(1000, 9999)}\n"
            f"Email: press@{dom}.example.org")


def make_release(i: int, seed: int = DEFAULT_SEED) -> PressRelease:
    """Document ``i`` of the corpus for ``seed``: the same arguments always give the same text."""
    rng = random.Random(seed * 1_000_003 + i)
    c = _Ctx(rng, i)
    title = _title(c)
    paras = [_lead(c), _details(c), _quote(c, 0), _suspects(c), _background(c)]
    optional = [lambda: _cooperation(c), lambda: _quote(c, 1), lambda: _details(c), lambda: _background(c),
                lambda: _quote(c, 2), lambda: _cooperation(c), lambda: _suspects(c), lambda: _quote(c, 3),
                lambda: _details(c), lambda: _background(c)]
    n_words = len(title.split()) + sum(len(p.split()) for p in paras)
    k = 0
    while n_words < TARGET_WORDS - 40 and k < len(optional):
        p = optional[k]()
        k += 1
        if p in paras:
            continue
        paras.insert(len(paras) - (1 if k > 2 else 0), p)
        n_words += len(p.split())
    paras.append(_closing(c))
    slug = "-".join(w.lower() for w in title.replace(":", "").split()[:6] if w.isascii() and w.isalnum())
    name = f"{c.date.isoformat()}-{i:05d}-{slug}"[:90]
    agency = c.agency[0]
    return PressRelease(name=name, title=title, date=c.date.isoformat(), agency=agency, paragraphs=paras)


def releases(n: int, seed: int = DEFAULT_SEED) -> list[PressRelease]:
    return [make_release(i, seed) for i in range(n)]


# -- writers -----------------------------------------------------------------------------

def dejavu_font() -> str:
    import matplotlib

    return os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf", "DejaVuSans.ttf")


def write_pdf(rel: PressRelease, path: str, font: str | None = None) -> None:
    from datetime import datetime

    from fpdf import FPDF

    font = font or dejavu_font()

    class _PDF(FPDF):
        def header(self):
            self.set_font("DejaVu", size=8)
            self.cell(0, 6, f"{rel.agency} — Press release", new_x="LMARGIN", new_y="NEXT", align="R")
            self.ln(2)

        def footer(self):
            self.set_y(-15)
            self.set_font("DejaVu", size=8)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    pdf = _PDF(format="A4")
    pdf.add_font("DejaVu", "", font)
    pdf.set_title(rel.title)
    pdf.set_author(rel.agency)
    y, m, d = map(int, rel.date.split("-"))
    pdf.set_creation_date(datetime(y, m, d, 9, 0, tzinfo=UTC))
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("DejaVu", size=14)
    pdf.multi_cell(0, 7, rel.title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", size=10.5)
    for p in rel.paragraphs:
        for line in p.split("\n"):
            pdf.multi_cell(0, 5.2, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(path)


def _write_range(args) -> int:
    out_dir, start, stop, seed, formats = args
    font = dejavu_font()
    n = 0
    for i in range(start, stop):
        rel = make_release(i, seed)
        if "txt" in formats:
            with open(os.path.join(out_dir, "txt", rel.name + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(rel.text)
        if "pdf" in formats:
            write_pdf(rel, os.path.join(out_dir, "pdf", rel.name + ".pdf"), font)
        n += 1
    return n


def write_corpus(out_dir: str, n: int, seed: int = DEFAULT_SEED, formats=("txt", "pdf"), jobs: int = 0) -> dict:
    """Write ``n`` documents as ``out_dir/txt/*.txt`` and/or ``out_dir/pdf/*.pdf``.

    Returns {"txt": dir, "pdf": dir, "words": total words, "docs": n}.
    """
    for f in formats:
        os.makedirs(os.path.join(out_dir, f), exist_ok=True)
    jobs = jobs or min(os.cpu_count() or 1, 4)
    step = max(1, -(-n // (jobs * 4)))
    chunks = [(out_dir, s, min(n, s + step), seed, tuple(formats)) for s in range(0, n, step)]
    if jobs > 1 and n > 50:
        with get_context("spawn").Pool(jobs) as pool:
            sum(pool.map(_write_range, chunks))
    else:
        for ch in chunks:
            _write_range(ch)
    words = sum(make_release(i, seed).n_words for i in range(n))
    return {f: os.path.join(out_dir, f) for f in formats} | {"words": words, "docs": n}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--formats", default="txt,pdf")
    a = ap.parse_args(argv)
    info = write_corpus(a.out_dir, a.docs, a.seed, tuple(a.formats.split(",")))
    print(f"{info['docs']} documents, {info['words']} words -> {a.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
