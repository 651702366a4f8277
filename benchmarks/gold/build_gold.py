#!/usr/bin/env python3
"""Build the docmine gold NER evaluation set for drug-trafficking press releases.

The passages below are invented (not copied from any real release) and written
in the style of UNODC, Europol, EMCDDA/EUDA, INTERPOL, WCO, national police and
customs press releases. Annotation follows ``GUIDELINES.md`` in this folder.

Inline markup
-------------
``[surface](LABEL)``            entity with the default canonical name
``[surface](LABEL|Canonical)``  entity with an explicit canonical name
``[surface](O)``                deliberate NON-entity (hard negative); the
                                surface text is kept, no entity is emitted. It
                                only tells the consistency checks below that
                                leaving this occurrence unannotated is intended.

Labels: PERSON, ORG, DRUG, PLACE.

Default canonical names
-----------------------
PERSON  explicit canonical, else: a mention that is a contiguous token
        subsequence (case-insensitive) of exactly one full-name mention in the
        same passage gets that full name ("Okafor" -> "John Okafor"); otherwise
        the surface itself. Ambiguity is an error (use an explicit canonical).
ORG     explicit canonical, else an acronym introduced in parentheses directly
        after an ORG mention in the same passage ("... Center (SELEC)") maps to
        that ORG's canonical, else ORG_CANON, else the surface.
DRUG    DRUG_CANON[surface.lower()] -- every DRUG surface must be listed there.
PLACE   explicit canonical, else PLACE_CANON, else the surface.

Run ``python benchmarks/gold/build_gold.py`` to (re)write
``press_releases.jsonl`` next to this script. The build fails loudly on any
offset mismatch, malformed span, unresolved acronym, unknown drug surface,
ambiguous surname or unannotated repeat of an annotated surface.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "press_releases.jsonl"

LABELS = ("PERSON", "ORG", "DRUG", "PLACE")
MARK_RE = re.compile(r"\[([^\[\]]+)\]\((PERSON|ORG|DRUG|PLACE|O)(?:\|([^()\[\]]+))?\)")

# --------------------------------------------------------------------------
# Canonical tables
# --------------------------------------------------------------------------
ORG_CANON = {
    "UNODC": "United Nations Office on Drugs and Crime",
    "UN Office on Drugs and Crime": "United Nations Office on Drugs and Crime",
    "UN": "United Nations",
    "EU": "European Union",
    "European Union Agency for Law Enforcement Cooperation": "Europol",
    "EMCDDA": "European Monitoring Centre for Drugs and Drug Addiction",
    "EUDA": "European Union Drugs Agency",
    "EU Drugs Agency": "European Union Drugs Agency",
    "DEA": "Drug Enforcement Administration",
    "INTERPOL": "INTERPOL",
    "Interpol": "INTERPOL",
    "International Criminal Police Organization": "INTERPOL",
    "WCO": "World Customs Organization",
    "SELEC": "Southeast European Law Enforcement Center",
    "OSCE": "Organization for Security and Co-operation in Europe",
    "INCB": "International Narcotics Control Board",
    "CND": "Commission on Narcotic Drugs",
    "UN Commission on Narcotic Drugs": "Commission on Narcotic Drugs",
    "MAOC-N": "Maritime Analysis and Operations Centre – Narcotics",
    "CARICC": "Central Asian Regional Information and Coordination Centre",
    "NCA": "National Crime Agency",
    "WHO": "World Health Organization",
    "UNDP": "United Nations Development Programme",
    "UNAIDS": "Joint United Nations Programme on HIV/AIDS",
    "FAO": "Food and Agriculture Organization of the United Nations",
    "Food and Agriculture Organization": "Food and Agriculture Organization of the United Nations",
    "ECOWAS": "Economic Community of West African States",
    "ASEAN": "Association of Southeast Asian Nations",
    "AMERIPOL": "Police Community of the Americas",
    "TNP": "Turkish National Police",
    "Spanish National Police": "Policía Nacional",
    "Polícia Federal": "Federal Police of Brazil",
    "Marine Nationale": "French Navy",
    "Council of the EU": "Council of the European Union",
    "NDLEA": "National Drug Law Enforcement Agency",
    "RCMP": "Royal Canadian Mounted Police",
    "CBSA": "Canada Border Services Agency",
    "Mounties": "Royal Canadian Mounted Police",
}
# all-caps surfaces whose canonical legitimately equals the surface
SELF_CANON_ACRONYMS = {"INTERPOL"}

DRUG_CANON = {
    # opiates / opioids
    "opiate": "opiate", "opiates": "opiate",
    "opioid": "opioid", "opioids": "opioid",
    "synthetic opioid": "synthetic opioid", "synthetic opioids": "synthetic opioid",
    "heroin": "heroin",
    "opium": "opium", "opium poppy": "opium",
    "morphine": "morphine", "morphine base": "morphine",
    "codeine": "codeine", "tramadol": "tramadol",
    "fentanyl": "fentanyl", "carfentanil": "carfentanil",
    "nitazene": "nitazene", "nitazenes": "nitazene",
    # cocaine forms -> cocaine; the plant/leaf -> coca
    "cocaine": "cocaine", "cocaine hydrochloride": "cocaine", "cocaine base": "cocaine",
    "coca paste": "cocaine", "crack cocaine": "cocaine",
    "coca leaf": "coca", "coca bush": "coca",
    # all cannabis forms -> cannabis
    "cannabis": "cannabis", "cannabis resin": "cannabis", "cannabis herb": "cannabis",
    "hashish": "cannabis", "marijuana": "cannabis", "kif": "cannabis",
    # amphetamine-type stimulants
    "methamphetamine": "methamphetamine", "crystal methamphetamine": "methamphetamine",
    "crystal meth": "methamphetamine", "shabu": "methamphetamine", "yaba": "methamphetamine",
    "mkpuru mmiri": "methamphetamine",
    "amphetamine": "amphetamine", "amphetamines": "amphetamine",
    "amphetamine-type stimulants": "amphetamine-type stimulant",
    "ats": "amphetamine-type stimulant",
    "captagon": "captagon", "fenethylline": "fenethylline",
    "mdma": "mdma", "ecstasy": "mdma",
    # other substances and classes
    "ketamine": "ketamine", "xylazine": "xylazine", "mephedrone": "mephedrone",
    "synthetic cathinones": "synthetic cathinone", "synthetic cathinone": "synthetic cathinone",
    "synthetic drugs": "synthetic drug", "synthetic drug": "synthetic drug",
    "new psychoactive substances": "new psychoactive substance",
    "new psychoactive substance": "new psychoactive substance",
    "nps": "new psychoactive substance",
    "khat": "khat",
    # precursors
    "acetic anhydride": "acetic anhydride", "ephedrine": "ephedrine",
    "pseudoephedrine": "pseudoephedrine",
    "p-2-p": "phenyl-2-propanone", "bmk": "phenyl-2-propanone",
    "4-ap": "4-anilinopiperidine", "apaa": "alpha-phenylacetoacetamide",
    "propionyl chloride": "propionyl chloride",
    "fentanyl precursors": "fentanyl precursor",
    "ephedra": "ephedrine",
}

PLACE_CANON = {
    "Turkey": "Türkiye",
    "Türkiye": "Türkiye",
    "Islamic Republic of Iran": "Iran",
    "BOGOTÁ": "Bogotá",
    "LYON": "Lyon",
    "SAN DIEGO": "San Diego",
    "GUAYAQUIL": "Guayaquil",
    "İSTANBUL": "Istanbul",
    "İzmir": "Izmir",
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "Cape Verde": "Cabo Verde",
    "Republic of Serbia": "Serbia",
    "Kingdom of Morocco": "Morocco",
}

# leading tokens that must never be inside a PERSON span
TITLE_TOKENS = {
    "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "h.e.", "prof", "prof.",
    "ambassador", "minister", "general", "colonel", "major", "captain", "inspector",
    "commissioner", "judge", "sheikh", "sir", "lt.", "lieutenant", "superintendent",
    "director", "chief", "deputy", "president", "senator", "madam", "commander",
    "prosecutor", "admiral", "brigadier", "delegate", "sergeant", "officer", "agent",
}

# "The" is part of these names and therefore inside the span
THE_IS_PART_OF_NAME = {"The Hague"}

PASSAGES: list[str] = []


def P(text: str) -> None:
    PASSAGES.append(text)


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------
def parse(marked: str):
    """Strip markup; return text, entity list (with raw canonical), O spans."""
    out, ents, negs = [], [], []
    pos = 0
    cursor = 0
    for m in MARK_RE.finditer(marked):
        out.append(marked[pos:m.start()])
        cursor += m.start() - pos
        surface, label, canon = m.group(1), m.group(2), m.group(3)
        start, end = cursor, cursor + len(surface)
        out.append(surface)
        cursor = end
        pos = m.end()
        if label == "O":
            negs.append((start, end))
        else:
            ents.append({"start": start, "end": end, "label": label,
                         "text": surface, "explicit": canon})
    out.append(marked[pos:])
    return "".join(out), ents, negs


def tokens(s: str) -> list[str]:
    return s.lower().split()


def is_subseq(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def resolve(text: str, ents: list[dict], errors: list[str], pid: str) -> None:
    # ---- ORG: acronyms introduced in parentheses
    alias: dict[str, str] = {}
    orgs = [e for e in ents if e["label"] == "ORG"]
    for e in orgs:
        if e["explicit"]:
            canon = e["explicit"]
        elif e["text"] in alias:
            canon = alias[e["text"]]
        else:
            canon = ORG_CANON.get(e["text"], e["text"])
        e["canonical"] = canon
        # is this ORG directly followed by " (" + ORG + ")"?
        nxt = [o for o in orgs if o["start"] == e["end"] + 2]
        if nxt and text[e["end"]:e["end"] + 2] == " (" and \
                text[nxt[0]["end"]:nxt[0]["end"] + 1] in (")", ","):
            acr = nxt[0]
            if not acr["explicit"]:
                alias[acr["text"]] = canon
    # ---- PERSON
    persons = [e for e in ents if e["label"] == "PERSON"]
    surf = {e["text"] for e in persons if not e["explicit"]}
    explicit_full = {e["explicit"] for e in persons if e["explicit"]}
    multi = {s for s in surf if len(s.split()) >= 2} | {c for c in explicit_full if len(c.split()) >= 2}
    full = {s for s in multi
            if not any(s != o and is_subseq(tokens(s), tokens(o)) for o in multi)}
    for e in persons:
        if e["explicit"]:
            e["canonical"] = e["explicit"]
            continue
        if e["text"] in full:
            e["canonical"] = e["text"]
            continue
        cands = sorted(f for f in full if is_subseq(tokens(e["text"]), tokens(f)))
        if len(cands) == 1:
            e["canonical"] = cands[0]
        elif not cands:
            e["canonical"] = e["text"]
        else:
            errors.append(f"{pid}: ambiguous PERSON {e['text']!r} -> {cands}")
            e["canonical"] = e["text"]
    # ---- DRUG / PLACE
    for e in ents:
        if e["label"] == "DRUG":
            key = e["text"].lower()
            if e["explicit"]:
                e["canonical"] = e["explicit"]
            elif key in DRUG_CANON:
                e["canonical"] = DRUG_CANON[key]
            else:
                errors.append(f"{pid}: DRUG surface {e['text']!r} not in DRUG_CANON")
                e["canonical"] = key
        elif e["label"] == "PLACE":
            e["canonical"] = e["explicit"] or PLACE_CANON.get(e["text"], e["text"])


# --------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------
ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&\-]{1,9}$")


def check_passage(pid: str, text: str, ents: list[dict], errors: list[str]) -> None:
    if "[" in text or "]" in text or "](" in text:
        errors.append(f"{pid}: leftover markup bracket")
    paras = text.split("\n\n")
    if len(paras) < 2:
        errors.append(f"{pid}: needs several paragraphs, has {len(paras)}")
    if "\n\n\n" in text or any(line != line.rstrip() for line in text.split("\n")):
        errors.append(f"{pid}: stray whitespace")
    n_words = len(text.split())
    if not 80 <= n_words <= 250:
        errors.append(f"{pid}: {n_words} words (need 80-250)")
    prev_end = -1
    for e in ents:
        s = e["text"]
        if text[e["start"]:e["end"]] != s:
            errors.append(f"{pid}: offset mismatch {s!r}")
        if s != s.strip() or not s:
            errors.append(f"{pid}: whitespace at span edge {s!r}")
        if e["start"] < prev_end:
            errors.append(f"{pid}: overlapping span {s!r}")
        prev_end = e["end"]
        if s.lower().startswith("the ") and s not in THE_IS_PART_OF_NAME:
            errors.append(f"{pid}: span starts with 'the': {s!r}")
        if s.endswith("'s") or s.endswith("’s"):
            errors.append(f"{pid}: possessive inside span {s!r}")
        if s[-1] in ".,;:" and not re.search(r"\b(Jr|Sr|Co|Ltd|Inc)\.$|\b[A-Z]\.$", s):
            errors.append(f"{pid}: trailing punctuation in span {s!r}")
        # span must sit on word boundaries
        if e["start"] > 0 and (text[e["start"] - 1].isalnum()):
            errors.append(f"{pid}: span {s!r} starts inside a word")
        if e["end"] < len(text) and text[e["end"]].isalnum():
            errors.append(f"{pid}: span {s!r} ends inside a word")
        if e["label"] == "PERSON":
            if s.split()[0].lower() in TITLE_TOKENS:
                errors.append(f"{pid}: title inside PERSON span {s!r}")
        if e["label"] == "ORG" and ACRONYM_RE.match(s) and e["canonical"] == s \
                and s not in SELF_CANON_ACRONYMS:
            errors.append(f"{pid}: acronym {s!r} has no expansion")


def coverage(records, errors: list[str]) -> None:
    """Every occurrence of an annotated surface must be annotated or marked O."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        for e in rec["_ents"]:
            surfaces[e["label"]].add(e["text"])
    for rec in records:
        text = rec["text"]
        covered = [(e["start"], e["end"]) for e in rec["_ents"]] + rec["_negs"]
        for label, ss in surfaces.items():
            for s in ss:
                flags = re.IGNORECASE if label == "DRUG" or (
                    label == "PERSON" and any(t[0].islower() for t in s.split())) else 0
                for m in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text, flags):
                    if not any(a <= m.start() and m.end() <= b for a, b in covered):
                        errors.append(f"{rec['id']}: unannotated occurrence of {label} "
                                      f"surface {s!r} at {m.start()}: "
                                      f"...{text[max(0, m.start() - 30):m.end() + 30]!r}...")


# --------------------------------------------------------------------------
def build() -> list[dict]:
    errors: list[str] = []
    records = []
    for i, marked in enumerate(PASSAGES, 1):
        pid = f"pr-{i:03d}"
        text, ents, negs = parse(marked.strip("\n"))
        resolve(text, ents, errors, pid)
        check_passage(pid, text, ents, errors)
        records.append({"id": pid, "text": text, "_ents": ents, "_negs": negs})
    coverage(records, errors)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        sys.exit(1)
    return records


def main() -> None:
    records = build()
    label_counts: Counter = Counter()
    canon_counts: dict[str, set] = defaultdict(set)
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            ents = [{"start": e["start"], "end": e["end"], "label": e["label"],
                     "text": e["text"], "canonical": e["canonical"]} for e in rec["_ents"]]
            for e in ents:
                assert rec["text"][e["start"]:e["end"]] == e["text"]
                label_counts[e["label"]] += 1
                canon_counts[e["label"]].add(e["canonical"])
            fh.write(json.dumps({"id": rec["id"], "text": rec["text"], "entities": ents},
                                ensure_ascii=False) + "\n")
    words = [len(r["text"].split()) for r in records]
    print(f"wrote {len(records)} passages to {OUT}")
    print(f"words per passage: min {min(words)}, max {max(words)}, total {sum(words)}")
    for label in LABELS:
        print(f"{label:7s} mentions {label_counts[label]:4d}   distinct canonicals "
              f"{len(canon_counts[label]):4d}")
    print(f"TOTAL   mentions {sum(label_counts.values()):4d}")


# ==========================================================================
# Passages
# ==========================================================================

# pr-001  UNODC expert meeting, Vienna dateline, participant list with titles
P(r"""
[Opiate](DRUG) flows along the [Western Balkan route](O) under review in [Vienna](PLACE)

[Vienna](PLACE), 3 April 2024 – The [United Nations Office on Drugs and Crime](ORG) ([UNODC](ORG)) today opened a two-day expert meeting on [heroin](DRUG) trafficking from [Afghanistan](PLACE) to [Western and Central Europe](PLACE). Forty-eight practitioners from 14 countries attended, together with analysts from [Europol](ORG), the [Southeast European Law Enforcement Center](ORG) ([SELEC](ORG)) and [INTERPOL](ORG).

Speakers included Ms. [Angela Novak](PERSON), Chief, Research Branch, [UNODC](ORG); Mr. [John Okafor](PERSON), Representative in [Nigeria](PLACE); and Dr. [Leila Haddad](PERSON), Senior Analyst at [SELEC](ORG). Mr. [Tomasz Wierzbicki](PERSON) of the Polish [Central Investigation Bureau](ORG) chaired the opening session on "[Trafficking Trends](O) and Responses".

"[Heroin](DRUG) seizures in the region have more than doubled since 2022," [Novak](PERSON) told participants. "No single agency can follow these shipments alone." Dr. [Haddad](PERSON) added that traffickers increasingly conceal [opiates](DRUG) in legitimate cargo transiting [Türkiye](PLACE) and [Bulgaria](PLACE).

[Okafor](PERSON) presented lessons from [West Africa](PLACE), where [cocaine](DRUG) and [heroin](DRUG) routes now overlap. The meeting was funded by the [European Union](ORG) and the Government of [Germany](PLACE).
""")

# pr-002  Ankara dateline, national bodies, Country Office (place inside office name)
P(r"""
30 November 2023, [Ankara](PLACE), [Türkiye](PLACE): Fifty officers of the [Turkish National Police](ORG) ([TNP](ORG)) and the [Gendarmerie General Command](ORG) have completed a five-day course on controlled deliveries, organised by [UNODC](ORG) with funding from [Japan](PLACE).

The course was opened by Mr. [Mehmet Yıldırım](PERSON), Head of the Anti-Narcotics Department of the [TNP](ORG), and Ms. [Elif Şahin](PERSON), Head of Office at the [UNODC](ORG) Country Office in [Türkiye](O). Trainers included Ms. [Radostina Petrova](PERSON) of the [Bulgarian Customs Agency](ORG) and Major [Kerem Aydoğan](PERSON) of the [Gendarmerie](ORG|Gendarmerie General Command), who presented cases of [heroin](DRUG) concealed in lorries crossing at [Kapıkule](PLACE).

"Controlled deliveries let us reach the organisers, not just the couriers," [Yıldırım](PERSON) said.

[Petrova](PERSON) described a 2022 case in which 410 kilograms of [heroin](DRUG) were followed from the Iranian border to a warehouse near [Sofia](PLACE). [Aydoğan](PERSON) noted that [methamphetamine](DRUG) is now found in the same loads. Ms. [Şahin](PERSON) said [UNODC](ORG) would repeat the course in [İzmir](PLACE) next spring for officers from [Azerbaijan](PLACE) and [Georgia](PLACE).
""")

# pr-003  Europol-style operational release, few names, many agencies
P(r"""
[Cocaine](DRUG) network using banana containers dismantled in [Spain](PLACE), [Portugal](PLACE) and the [Netherlands](PLACE)

[The Hague](PLACE), 14 February 2024

Spanish, Portuguese and Dutch investigators, supported by [Europol](ORG) and [Eurojust](ORG), have taken down a criminal network that imported [cocaine](DRUG) from [Ecuador](PLACE) hidden in banana containers. During an action day under [Operation Tanager](O), 23 suspects were arrested in [Algeciras](PLACE), [Lisbon](PLACE) and [Rotterdam](PLACE).

The investigation was led by the [Guardia Civil](ORG) and the [Policía Nacional](ORG), with the [Polícia Judiciária](ORG) and the Dutch [Fiscal Information and Investigation Service](ORG) ([FIOD](ORG)). Officers seized 8.3 tonnes of [cocaine](DRUG), EUR 2.1 million in cash and 17 vehicles.

"Criminal networks treat ports as service stations," said Lieutenant Colonel [Ignacio Serrano Vidal](PERSON), who led the [Guardia Civil](ORG) team. According to [Serrano](PERSON), the network bribed dock workers and used a freight forwarder registered in [Panama](PLACE).

[FIOD](ORG) team leader [Joost Verhagen](PERSON) said the proceeds were laundered through property in [Dubai](PLACE). [Eurojust](ORG) set up a joint investigation team, while [Europol](ORG) deployed two analysts to [Madrid](PLACE) and exchanged over 400 messages through its [SIENA](O) platform.
""")

# pr-004  EMCDDA report launch, possessive place, report title negative
P(r"""
[EMCDDA](ORG): [cocaine](DRUG) and [synthetic drugs](DRUG) reshape [Europe](PLACE)'s drug market

[Lisbon](PLACE), 16 June 2023 — The [European Monitoring Centre for Drugs and Drug Addiction](ORG) ([EMCDDA](ORG)) today released the [European Drug Report 2023](O), warning that the drug situation in the [European Union](ORG) has become more complex, with [synthetic cathinones](DRUG), [ketamine](DRUG) and high-potency [cannabis](DRUG) products gaining ground.

Presenting the report, [EMCDDA](ORG) Director Dr. [Marek Kowalczyk](PERSON) said: "[Cocaine](DRUG) availability is at a historic high, and we see its health consequences in every Member State." Dr. [Kowalczyk](PERSON) noted that a record 303 tonnes of [cocaine](DRUG) were seized in 2021, mostly at the ports of [Antwerp](PLACE), [Rotterdam](PLACE) and [Hamburg](PLACE).

Ms. [Sofia Lindqvist](PERSON), a scientific analyst at the Centre, warned that [nitazenes](DRUG), a group of potent [synthetic opioids](DRUG), have been linked to deaths in [Ireland](PLACE), [Latvia](PLACE) and [Estonia](PLACE). "[Nitazenes](DRUG) are sometimes sold as [heroin](DRUG) or pressed into fake medicines," [Lindqvist](PERSON) said.

The launch was attended by Mr. [Pedro Albuquerque Matos](PERSON), State Secretary at [Portugal](PLACE)'s [Ministry of Health](ORG|Ministry of Health of Portugal), and by representatives of [Europol](ORG) and the [European Commission](ORG).
""")

# pr-005  Colombia / DEA, upper-case dateline, Spanish double surnames
P(r"""
[BOGOTÁ](PLACE), [Colombia](PLACE) – The [Colombian National Police](ORG) and the [Drug Enforcement Administration](ORG) ([DEA](ORG)) on Tuesday announced the arrest of [Héctor Manuel Restrepo Gil](PERSON), 52, accused of organising maritime [cocaine](DRUG) shipments from the [Gulf of Urabá](PLACE) to [Central America](PLACE) and [Mexico](PLACE).

According to Brigadier General [Luz Marina Castaño](PERSON), director of anti-narcotics at the national police, [Restrepo](PERSON) financed at least eleven semi-submersible vessels built in the mangroves of [Nariño](PLACE). The [Colombian Navy](ORG) intercepted three of them off [Tumaco](PLACE) last year with a combined 7.6 tonnes of [cocaine hydrochloride](DRUG).

"This is a logistics chief, not a foot soldier," [Castaño](PERSON) told reporters. Prosecutor [Andrea Molina Ruiz](PERSON) of the [Fiscalía General de la Nación](ORG|Office of the Attorney General of Colombia) said the case relied on financial evidence shared by the [DEA](ORG) and by the [Financial Information and Analysis Unit](ORG) ([UIAF](ORG)).

[DEA](ORG) Regional Director [Robert T. Hensley](PERSON) thanked his Colombian counterparts. "Mr. [Restrepo](PERSON) will now answer to a federal court in [Miami](PLACE)," [Hensley](PERSON) said, adding that the extradition request had been filed through the [Ministry of Justice](ORG|Ministry of Justice and Law of Colombia).
""")

# pr-006  Bulgarian customs seizure; internal units are not ORG
P(r"""
[Kapitan Andreevo](PLACE): customs officers seize 437 kg of [heroin](DRUG) in tile shipment

[Sofia](PLACE), 9 August 2023. Officers of the [Bulgarian Customs Agency](ORG) have found 437 kilograms of [heroin](DRUG) hidden among ceramic tiles in a lorry at the [Kapitan Andreevo](PLACE) border crossing with [Turkey](PLACE). It is the largest single [heroin](DRUG) seizure in [Bulgaria](PLACE) this year.

The lorry, registered in [Iran](PLACE), had entered the [European Union](ORG) on its way to [Belgium](PLACE). X-ray images raised suspicion and a detector dog from the [Customs Canine Centre](O) confirmed the find, said Mr. [Georgi Stoyanov](PERSON), Director of the [Customs Intelligence and Investigation Directorate](O).

The 38-year-old driver, an Iranian national, was detained. Prosecutor [Ivelina Dimitrova](PERSON) of the [Haskovo District Prosecutor's Office](ORG) has charged him with smuggling. "We believe the cargo was loaded near [Tabriz](PLACE)," [Dimitrova](PERSON) said.

[Stoyanov](PERSON) thanked the [Southeast European Law Enforcement Center](ORG) ([SELEC](ORG)) and the [World Customs Organization](ORG) for intelligence on risk profiles along the [Balkan route](O). Since January, [Bulgarian Customs](ORG|Bulgarian Customs Agency) has intercepted more than 900 kilograms of [heroin](DRUG) and 2.3 tonnes of [cannabis](DRUG) at the country's eastern border.
""")

# pr-007  INTERPOL / WCO airport operation; operation names are not entities
P(r"""
[INTERPOL](ORG) and [WCO](ORG) operation targets [cocaine](DRUG) couriers at 32 airports

[LYON](PLACE), [France](PLACE) – A two-week operation coordinated by the [International Criminal Police Organization](ORG) ([INTERPOL](ORG)) and the [World Customs Organization](ORG) ([WCO](ORG)) has led to 212 arrests and the seizure of 1.4 tonnes of [cocaine](DRUG), 620 kg of [cannabis](DRUG) and 91,000 [tramadol](DRUG) tablets at airports in [Africa](PLACE), [Latin America](PLACE) and [Europe](PLACE).

The operation, codenamed [Skyhook](O), built on lessons from [Operation Trigger](O) and was supported by [UNODC](ORG)'s [Airport Communication Project](O) ([AIRCOP](O)). Joint task forces in [Lomé](PLACE), [São Paulo](PLACE) and [Addis Ababa](PLACE) recorded the largest seizures.

"Couriers are recruited online and paid less than USD 2,000 per trip," said Mr. [Carlos Henrique Duarte](PERSON), [Interpol](ORG)'s Assistant Director for Drugs and Organized Crime. Ms. [Aminata Diallo](PERSON), [WCO](ORG) Deputy Director for Compliance and Enforcement, said customs risk profiling had identified 40 per cent of the couriers before boarding.

At [Kotoka International Airport](PLACE), Inspector [Kwame Asante-Mensah](PERSON) of the [Ghana Police Service](ORG) intercepted a passenger who had swallowed 96 pellets of [cocaine](DRUG). [Duarte](PERSON) and [Diallo](PERSON) will present the results to the [INTERPOL](ORG) regional conference in [Kigali](PLACE).
""")

# pr-008  WCO / UNODC Container Control Programme anniversary
P(r"""
[Brussels](PLACE), 12 October 2023 – The [World Customs Organization](ORG) ([WCO](ORG)) and the [United Nations Office on Drugs and Crime](ORG) ([UNODC](ORG)) marked twenty years of the [UNODC](ORG)-[WCO](ORG) [Container Control Programme](O) with a high-level event attended by customs chiefs from 37 countries.

Since 2004, Port Control Units trained under the programme have seized more than 400 tonnes of [cocaine](DRUG), 80 tonnes of [cannabis](DRUG) and large quantities of [precursor chemicals](O), as well as counterfeit goods and protected timber.

"Ports are where the licit and illicit economies meet," said Mr. [Oskar Lindholm](PERSON), Secretary General of the [WCO](ORG). Ms. [Nadia Benali](PERSON), who coordinates the programme at [UNODC](ORG), recalled that the first units were set up in [Ecuador](PLACE), [Ghana](PLACE), [Pakistan](PLACE) and [Senegal](PLACE).

Mr. [Rafael Ortiz Quintero](PERSON), Director General of [Ecuador](PLACE)'s [National Customs Service](ORG|National Customs Service of Ecuador) ([SENAE](ORG|National Customs Service of Ecuador)), described how the unit at [Guayaquil](PLACE) now shares real-time alerts with [Antwerp](PLACE) and [Valencia](PLACE). [Ortiz](PERSON) was joined by Ms. [Halima Abdi Warsame](PERSON) of the [Kenya Revenue Authority](ORG), who presented results from [Mombasa](PLACE).

[Lindholm](PERSON) thanked the [European Union](ORG), [Canada](PLACE) and the [United States](PLACE) for their support, and [Benali](PERSON) announced new units at [Port Qasim](PLACE) and in [Cotonou](PLACE).
""")

# pr-009  Paris Pact (programme, not ORG) meeting in Islamabad; Pashto names
P(r"""
[Islamabad](PLACE), 22 May 2024 – Senior counter-narcotics officials from [Pakistan](PLACE), the [Islamic Republic of Iran](PLACE) and [Central Asia](PLACE) met this week under the [Paris Pact Initiative](O) to review [opiate](DRUG) and [methamphetamine](DRUG) trafficking along the [Southern route](O).

The meeting was opened by Mr. [Sardar Khan Durrani](PERSON), Federal Secretary, [Ministry of Narcotics Control](ORG|Ministry of Narcotics Control of Pakistan), and Major General [Asif Mahmood Kiyani](PERSON), Director General of the [Anti-Narcotics Force](ORG) ([ANF](ORG)). Ms. [Gulalai Wazir](PERSON), National Project Officer in the [UNODC](ORG) Country Office for [Pakistan](O), presented new data from the [Afghan Opiate Trade Project](O).

"Traffickers move along the [Makran](PLACE) coast and through [Balochistan](PLACE) faster than paper can follow them," [Kiyani](PERSON) said. He reported that the [ANF](ORG) seized 26 tonnes of [hashish](DRUG), 9 tonnes of [opium](DRUG) and 1.3 tonnes of [heroin](DRUG) in 2023.

[Wazir](PERSON) noted that [acetic anhydride](DRUG) is still smuggled towards [Afghanistan](PLACE) through the [Torkham](PLACE) and [Chaman](PLACE) crossings. Mr. [Durrani](PERSON) called for closer cooperation with [Pakistan Customs](ORG) and the [Frontier Corps](ORG), and with the ports of [Karachi](PLACE) and [Gwadar](PLACE).
""")

# pr-010  Iran DCHQ, H.E., Islamic Republic of Iran canonicalisation, embassy
P(r"""
[Tehran](PLACE), 26 June 2023 – On the [International Day against Drug Abuse and Illicit Trafficking](O), [Iran](PLACE)'s [Drug Control Headquarters](ORG) ([DCHQ](ORG)) and [UNODC](ORG) presented the results of a year of cooperation on border control and drug treatment.

Mr. [Mohammad Reza Tavakoli](PERSON), Secretary-General of the [DCHQ](ORG), said that Iranian forces had seized more than 1,100 tonnes of drugs in 2022, including [opium](DRUG), [morphine](DRUG), [heroin](DRUG) and [crystal methamphetamine](DRUG). Brigadier General [Parviz Ghasemi](PERSON) of the [Anti-Narcotics Police](ORG) added that 34 officers had died in clashes in [Sistan and Baluchestan](PLACE) province.

Mr. [Stefano Moretti](PERSON), [UNODC](ORG) Representative in the [Islamic Republic of Iran](PLACE), praised the seizures of [acetic anhydride](DRUG) at [Bandar Abbas](PLACE). H.E. Mr. [Kenji Morimoto](PERSON), Ambassador of [Japan](PLACE), announced that the [Embassy of Japan](ORG) would fund new scanners for the [Mirjaveh](PLACE) border crossing.

[Tavakoli](PERSON) also thanked Dr. [Farzaneh Sadat-Hosseini](PERSON) of [Tehran University of Medical Sciences](ORG) for her work on treatment services. [Moretti](PERSON) and [Morimoto](PERSON) later visited a treatment centre run by the [Iranian Red Crescent Society](ORG) in [Mashhad](PLACE).
""")

# pr-011  Captagon, Jordan / Saudi Arabia / Iraq; Arabic names with Al-, bin
P(r"""
[Amman](PLACE), 14 January 2024 — [Jordan](PLACE)'s [Public Security Directorate](ORG) ([PSD](ORG)) said on Sunday that a joint operation with the [Jordan Armed Forces](ORG) had stopped an attempt to smuggle 1.2 million [captagon](DRUG) pills and 300 kilograms of [hashish](DRUG) across the northern border from [Syria](PLACE).

Lieutenant Colonel [Rami Al-Khatib](PERSON), a [PSD](ORG) spokesman, said the smugglers used drones and fog to cross near [Ruwaished](PLACE). "These networks are well armed and well financed," [Al-Khatib](PERSON) said.

The seizure came days after a regional meeting in [Riyadh](PLACE) hosted by [Saudi Arabia](PLACE)'s [General Directorate of Narcotics Control](ORG) ([GDNC](ORG)). Major General [Khalid bin Rashid Al-Otaibi](PERSON), who heads the [GDNC](ORG), told delegates that [captagon](DRUG) tablets are increasingly pressed in small mobile laboratories. Brigadier [Hussein Abd al-Karim](PERSON) of [Iraq](PLACE)'s [Ministry of Interior](ORG|Ministry of Interior of Iraq) said that [Al-Qa'im](PLACE) had become a key crossing point.

Ms. [Nour El-Sayed](PERSON), who leads the [UNODC](ORG) Regional Office for the [Middle East and North Africa](O) programme on [synthetic drugs](DRUG), presented data showing that the [amphetamine](DRUG) in seized pills is often mixed with caffeine. [Al-Otaibi](PERSON) and [El-Sayed](PERSON) agreed to hold a follow-up workshop in [Cairo](PLACE).
""")

# pr-012  Nigeria NDLEA; place name containing a person name; slang drug name
P(r"""
[Lagos](PLACE), 5 March 2024 – The [National Drug Law Enforcement Agency](ORG) ([NDLEA](ORG)) says its officers at the [Tin Can Island Port](PLACE) have intercepted 32 kilograms of [cocaine](DRUG) concealed in a container of frozen fish from [Brazil](PLACE).

In a statement, the Agency's spokesman, Mr. [Chinedu Okonkwo-Eze](PERSON), said the container was flagged after intelligence from the [Nigeria Customs Service](ORG) and the [Nigerian Ports Authority](ORG). Two clearing agents and a company director, Mr. [Oluwaseun Adebayo](PERSON), were arrested in [Lekki](PLACE).

Separately, operatives at [Murtala Muhammed International Airport](PLACE) arrested a passenger arriving from [Addis Ababa](PLACE) with 4.1 kilograms of [methamphetamine](DRUG), known locally as [mkpuru mmiri](DRUG). [NDLEA](ORG) commanders in [Kano](PLACE) also reported the seizure of 1.8 million [tramadol](DRUG) tablets and 600 litres of [codeine](DRUG) syrup.

"Our partnership with [UNODC](ORG) and the [European Union](ORG) under the [Response to Drugs and Related Organised Crime in Nigeria](O) project has improved our profiling," [Okonkwo-Eze](PERSON) said. Assistant Commander [Adaeze Nwosu](PERSON) said [Adebayo](PERSON) had previously been convicted in [Ghana](PLACE) for trafficking [cannabis](DRUG).
""")

# pr-013  Ghana NACOC, AIRCOP (project, not ORG), French name
P(r"""
[Accra](PLACE), 19 September 2023 – [Ghana](PLACE)'s [Narcotics Control Commission](ORG) ([NACOC](ORG)) has hosted a regional workshop for members of joint airport interdiction task forces from [Ghana](PLACE), [Côte d'Ivoire](PLACE), [Togo](PLACE) and [Benin](PLACE).

The workshop, held under [AIRCOP](O), was opened by Mr. [Yaw Boateng-Mensah](PERSON), Director of Operations at [NACOC](ORG), and Ms. [Akosua Frimpong](PERSON) of the [Ghana Revenue Authority](ORG). Trainers came from [INTERPOL](ORG), the [World Customs Organization](ORG) and the [French Customs](ORG|French Directorate General of Customs and Indirect Taxes).

Participants analysed recent cases at [Kotoka International Airport](PLACE), where couriers arriving from [São Paulo](PLACE) via [Doha](PLACE) were found carrying [cocaine](DRUG) in the lining of their suitcases. Mr. [Moussa Traoré](PERSON), an Ivorian police commander based in [Abidjan](PLACE), presented a case involving [ketamine](DRUG) shipped by air freight from [India](PLACE).

"The couriers change, the routes change, but the organisers stay the same," [Boateng-Mensah](PERSON) said. [Frimpong](PERSON) and [Traoré](PERSON) agreed to exchange passenger data more systematically. The workshop was funded by [Canada](PLACE) and implemented by [UNODC](ORG) with the [Ghana Police Service](ORG).
""")

# pr-014  SELEC joint investigation, Romanian/Moldovan names, Black Sea route (negative)
P(r"""
[Bucharest](PLACE), 7 December 2023 — A joint investigation coordinated through the [Southeast European Law Enforcement Center](ORG) ([SELEC](ORG)) has led to the seizure of 1.2 tonnes of [cocaine](DRUG) at the [Port of Constanța](PLACE) and the arrest of 14 people in [Romania](PLACE) and the [Republic of Moldova](PLACE|Moldova).

The case was led by the [Directorate for Investigating Organized Crime and Terrorism](ORG) ([DIICOT](ORG)) together with the [Romanian Police](ORG) and [Moldova](PLACE)'s [General Police Inspectorate](ORG|General Police Inspectorate of Moldova). The drugs had been shipped from [Paraguay](PLACE) in a consignment of timber.

"The [Black Sea route](O) is no longer a theory for us," said prosecutor [Andreea Ionescu-Popa](PERSON) of [DIICOT](ORG). Chief Commissioner [Vasile Munteanu](PERSON) said the organisers had recruited lorry drivers in [Chișinău](PLACE) to move the cargo towards [Hungary](PLACE) and [Austria](PLACE).

Mr. [Nikola Stanković](PERSON), Director General of [SELEC](ORG), said liaison officers from [Bulgaria](PLACE), [Greece](PLACE) and [Türkiye](PLACE) had supported the operation from the Centre's headquarters. [Ionescu-Popa](PERSON) thanked [Stanković](PERSON) and the [DEA](ORG) office in [Bucharest](PLACE). According to [Munteanu](PERSON), a Moldovan suspect, [Ion Ciobanu](PERSON), remains at large.
""")

# pr-015  Southeast Asia methamphetamine report; report title with place is negative
P(r"""
[Bangkok](PLACE), 30 May 2024 – Seizures of [methamphetamine](DRUG) in [East and Southeast Asia](PLACE) reached a record 190 tonnes in 2023, according to the report [Synthetic Drugs in East and Southeast Asia](O), launched today by [UNODC](ORG).

Much of the drug is produced in [Shan State](PLACE) in [Myanmar](PLACE) and moved through the [Golden Triangle](PLACE) along the [Mekong](PLACE). "Production is expanding while prices are falling," said Mr. [Daniel Whitcombe](PERSON), [UNODC](ORG) Regional Representative. [Whitcombe](PERSON)'s colleague Ms. [Phonesavanh Keomany](PERSON) highlighted record seizures of [yaba](DRUG) tablets in [Lao PDR](PLACE|Laos).

Police Major General [Somchai Rattanakul](PERSON) of the [Office of the Narcotics Control Board](ORG) ([ONCB](ORG)) said the [Royal Thai Police](ORG) had intercepted 1.1 tonnes of [crystal methamphetamine](DRUG) in [Chiang Rai](PLACE) in March alone. Mr. [Zhang Liwei](PERSON) of [China](PLACE)'s [National Narcotics Control Commission](ORG) reported more seizures of [ketamine](DRUG) and of the precursor [propionyl chloride](DRUG).

[Zhang](PERSON) and [Rattanakul](PERSON) called for closer checks on chemical shipments. Mr. [Aung Kyaw Min](PERSON) of [Myanmar](PLACE)'s [Central Committee for Drug Abuse Control](ORG) ([CCDAC](ORG)) said the committee would share data through the [ASEAN](ORG) drug monitoring network.
""")

# pr-016  CARICC, Central Asia; adjectives "Tajik-Afghan" are not places
P(r"""
[Almaty](PLACE), 11 September 2023 – Heads of drug control agencies from [Central Asia](PLACE) met at the [Central Asian Regional Information and Coordination Centre](ORG) ([CARICC](ORG)) to discuss the rise of [synthetic drugs](DRUG) sold through online shops and messaging channels.

[CARICC](ORG) Director Mr. [Nurlan Abdrakhmanov](PERSON) said that laboratories producing [mephedrone](DRUG) had been dismantled in [Kazakhstan](PLACE) and [Kyrgyzstan](PLACE) this year. "Ten years ago we talked only about [opiates](DRUG) and [hashish](DRUG) from the Tajik-Afghan border. Today the threat is also made here," [Abdrakhmanov](PERSON) said.

Mr. [Farrukh Saidov](PERSON), Deputy Director of [Tajikistan](PLACE)'s [Drug Control Agency](ORG|Drug Control Agency under the President of the Republic of Tajikistan), reported that [heroin](DRUG) seizures along the [Northern route](O) fell by half. Colonel [Aibek Toktogulov](PERSON) of [Kyrgyzstan](PLACE)'s [Ministry of Internal Affairs](ORG|Ministry of Internal Affairs of Kyrgyzstan) said couriers now carry precursors rather than finished drugs.

Ms. [Dilnoza Yusupova](PERSON) from [Uzbekistan](PLACE) and Mr. [Merdan Orazov](PERSON) from [Turkmenistan](PLACE) presented national data. Observers from the [Organization for Security and Co-operation in Europe](ORG) ([OSCE](ORG)), [UNODC](ORG) and [Europol](ORG) attended. [Saidov](PERSON) proposed that [CARICC](ORG) host a joint cyber-patrol unit in [Dushanbe](PLACE).
""")

# pr-017  Rotterdam; Dutch particles (van der, de, ter) incl. sentence-initial
P(r"""
[Rotterdam](PLACE), 22 March 2024

[Netherlands Customs](ORG|Customs Administration of the Netherlands) have found 8,000 kilograms of [cocaine](DRUG) in a shipment of bananas from [Ecuador](PLACE) at the [Port of Rotterdam](PLACE), the largest single seizure ever made in the [Netherlands](PLACE). The container arrived at the [Maasvlakte](PLACE) terminal on 12 March.

"This shows the scale of what passes through our ports," said Mr. [Pieter van der Berg](PERSON), team leader at the [Public Prosecution Service](ORG|Public Prosecution Service of the Netherlands) ([Openbaar Ministerie](ORG|Public Prosecution Service of the Netherlands)). [Van der Berg](PERSON) added that the bananas were destined for a wholesaler in [Germany](PLACE).

Ms. [Marleen de Vries](PERSON) of the [Netherlands Police](ORG|National Police of the Netherlands) said that three dock workers had been arrested. [De Vries](PERSON) said the network also produced [MDMA](DRUG) and [amphetamine](DRUG) in laboratories in [North Brabant](PLACE), using [BMK](DRUG) imported from [China](PLACE).

Mr. [Koen Vermeulen](PERSON) of the [Belgian Federal Police](ORG) confirmed that related containers had been searched in the port of [Antwerp](PLACE). [Vermeulen](PERSON), [van der Berg](PERSON) and Ms. [Sanne ter Horst](PERSON) of [Europol](ORG) will present the case at a meeting in [The Hague](PLACE). [Ter Horst](PERSON) said [Europol](ORG) had linked the shipment to 14 earlier seizures.
""")

# pr-018  Brazil, Portuguese names with dos/da, criminal organisation as ORG
P(r"""
[Santos](PLACE), [São Paulo](PLACE), 8 August 2023 – [Brazil](PLACE)'s [Federal Police](ORG|Federal Police of Brazil) and the [Receita Federal](ORG|Special Secretariat of the Federal Revenue of Brazil) have seized 2.3 tonnes of [cocaine](DRUG) hidden in sugar bags bound for [Europe](PLACE) at the port of [Santos](PLACE).

[Federal Police](ORG|Federal Police of Brazil) Delegate [Ana Paula dos Santos](PERSON) said the shipment was linked to the [Primeiro Comando da Capital](ORG) ([PCC](ORG)), which controls much of the export logistics through the port. [Dos Santos](PERSON) said two customs brokers and a port employee were arrested.

Auditor [João Carlos da Silva Neto](PERSON) of the [Receita Federal](ORG|Special Secretariat of the Federal Revenue of Brazil) explained that scanners purchased with support from [UNODC](ORG) flagged irregular densities in the cargo. "We now inspect far more containers going to [Africa](PLACE) and [Europe](PLACE)," [Da Silva Neto](PERSON) said.

The [Polícia Federal](ORG) is also cooperating with [Paraguay](PLACE)'s [National Anti-Drug Secretariat](ORG) ([SENAD](ORG)) and with the [DEA](ORG) on [cocaine base](DRUG) flights from [Bolivia](PLACE). Ms. [Fernanda Rocha Lima](PERSON), a federal prosecutor in [São Paulo](PLACE), said that assets worth BRL 40 million had been frozen. [Rocha Lima](PERSON) thanked [Europol](ORG) for information on the receivers in [Portugal](PLACE).
""")

# pr-019  MAOC-N maritime interdiction; navies
P(r"""
[Lisbon](PLACE), 2 February 2024 – The [Maritime Analysis and Operations Centre – Narcotics](ORG) ([MAOC-N](ORG)) has coordinated the interception of a sailing yacht carrying 1.6 tonnes of [cocaine](DRUG) about 400 nautical miles south-west of the [Azores](PLACE).

The vessel was boarded by the [Portuguese Navy](ORG) after a surveillance flight supported by [Frontex](ORG). Intelligence came from the [National Crime Agency](ORG) ([NCA](ORG)) of the [United Kingdom](PLACE) and from the [French Navy](ORG), which had tracked the yacht since it left [Suriname](PLACE).

"Small yachts crossing the [Atlantic](PLACE) remain a favourite method for [cocaine](DRUG) networks," said Mr. [Declan Fitzgerald](PERSON), Executive Director of [MAOC-N](ORG). [Fitzgerald](PERSON) noted that 14 vessels were stopped in 2023 with the help of the [Irish Naval Service](ORG), the [Spanish Customs Surveillance Service](ORG) and the [Marine Nationale](ORG).

Commander [Inês Carvalho](PERSON) of the [Portuguese Navy](ORG) said the three crew members, two Venezuelan nationals and a Dutch national, were handed over to the [Polícia Judiciária](ORG) in [Ponta Delgada](PLACE). Mr. [Tiago Nunes Pereira](PERSON) of the [Polícia Judiciária](ORG) said the yacht had made a stop in [Cabo Verde](PLACE). [Carvalho](PERSON) and [Nunes Pereira](PERSON) praised the [MAOC-N](ORG) liaison officers.
""")

# pr-020  World Drug Report launch; UN entities named "Programme" are ORG
P(r"""
[Vienna](PLACE), 26 June 2024 – The number of people who use drugs rose to 292 million in 2022, according to the [World Drug Report 2024](O) released today by the [United Nations Office on Drugs and Crime](ORG). [Cannabis](DRUG) remains the most widely used drug, followed by [opioids](DRUG), [amphetamines](DRUG), [cocaine](DRUG) and [ecstasy](DRUG).

"Drug production, trafficking and use continue to worsen instability and inequality," said Ms. [Catalina Ferreyra](PERSON), Executive Director of [UNODC](ORG). [Ferreyra](PERSON) pointed to a new [cocaine](DRUG) production record in [Colombia](PLACE) and to the spread of [nitazenes](DRUG) in [North America](PLACE) and [Europe](PLACE).

Ms. [Angela Novak](PERSON), Chief of the Research and Trend Analysis Branch, explained that the report for the first time includes data on the environmental impact of drug production. Mr. [Kofi Antwi](PERSON), a statistician on her team, presented estimates for [Africa](PLACE). Ms. [Chloé Marchand](PERSON) of the [World Health Organization](ORG) ([WHO](ORG)) and Mr. [Rahul Menon](PERSON) of the [Joint United Nations Programme on HIV/AIDS](ORG) ([UNAIDS](ORG)) spoke about treatment gaps.

[Novak](PERSON) said the [Afghanistan](PLACE) [opium](DRUG) ban had cut global [opium](DRUG) production by 74 per cent. [Antwi](PERSON), [Marchand](PERSON) and [Menon](PERSON) joined a panel moderated by [UNODC](ORG) spokesperson [Maria Sokolova](PERSON).
""")

# pr-021  EL PAcCTO (programme, not ORG), AMERIPOL, de la Cruz, foundations
P(r"""
[Madrid](PLACE), 18 April 2024 – Prosecutors and police chiefs from 18 Latin American countries met in the Spanish capital for a three-day seminar on [cocaine](DRUG) trafficking and money laundering, organised under the [EL PAcCTO 2.0](O) programme funded by the [European Union](ORG).

The seminar was opened by Ms. [María Fernanda de la Cruz](PERSON), Executive Secretary of the [Police Community of the Americas](ORG) ([AMERIPOL](ORG)), and Mr. [Álvaro Benítez Soler](PERSON) of the [International and Ibero-American Foundation for Administration and Public Policies](ORG) ([FIIAPP](ORG)). [De la Cruz](PERSON) said that [cocaine](DRUG) production in the [Andean](O) region had reached levels "never seen before".

General [Sebastián Ortega Villalobos](PERSON) of [Chile](PLACE)'s [Carabineros](ORG|Carabineros de Chile) described how [coca paste](DRUG) enters from [Bolivia](PLACE) through the [Atacama](PLACE) desert. Mr. [Rubén Giménez](PERSON), of [Paraguay](PLACE)'s [National Anti-Drug Secretariat](ORG) ([SENAD](ORG)), presented a case involving the [Triple Frontier](PLACE).

[Benítez Soler](PERSON) said [FIIAPP](ORG) and [Expertise France](ORG) would support joint investigation teams. [Ortega](PERSON|Sebastián Ortega Villalobos) and [Giménez](PERSON) agreed to share maritime intelligence with [Europol](ORG) and the [Guardia Civil](ORG). Ms. [de la Cruz](PERSON) closed the seminar by thanking the [Spanish National Police](ORG).
""")

# pr-022  Albania / Italy cannabis; Italian particle names; place names in criminal-org names
P(r"""
[Tirana](PLACE), 23 October 2023 – The [Albanian State Police](ORG) and [Italy](PLACE)'s [Guardia di Finanza](ORG) have dismantled a network that shipped [cannabis](DRUG) by speedboat from [Vlorë](PLACE) to the [Apulia](PLACE) coast.

Twenty-seven people were arrested in [Albania](PLACE) and [Italy](PLACE). The investigation was led by the [Special Prosecution Office against Corruption and Organised Crime](ORG) ([SPAK](ORG)) and coordinated with [Eurojust](ORG). According to prosecutor [Elona Kola](PERSON), the group moved more than 40 tonnes of [cannabis herb](DRUG) across the [Adriatic Sea](PLACE) between 2020 and 2023 and recently added [cocaine](DRUG) to its loads.

"Speedboats left [Albania](PLACE) every night the sea allowed," said Colonel [Giuseppe Lo Russo](PERSON) of the [Guardia di Finanza](ORG) in [Bari](PLACE). [Lo Russo](PERSON) said the boats were refuelled by a fishing company in [Brindisi](PLACE).

Director [Ardit Hoxha](PERSON) of the [Albanian State Police](ORG) said the proceeds were invested in hotels in [Durrës](PLACE). [Kola](PERSON) and [Hoxha](PERSON) thanked [Italy](PLACE)'s [Central Directorate for Anti-Drug Services](ORG) ([DCSA](ORG)) and Ms. [Francesca Di Stefano](PERSON), the Italian liaison officer in [Tirana](PLACE). [Di Stefano](PERSON) said that [Balkan](O) groups now control supply chains from [South America](PLACE) to [Western Europe](PLACE).
""")

# pr-023  Greece captagon; coast guard; Greek names
P(r"""
[Piraeus](PLACE), 3 July 2023 – The [Hellenic Coast Guard](ORG) has seized 4.5 million [captagon](DRUG) tablets hidden in industrial machinery loaded in [Latakia](PLACE), [Syria](PLACE), and destined for [Saudi Arabia](PLACE).

The container was inspected in the port of [Piraeus](PLACE) on the basis of information from the [DEA](ORG), [Europol](ORG) and the [Independent Authority for Public Revenue](ORG) ([AADE](ORG)), which is responsible for Greek customs. Rear Admiral [Nikolaos Papadakis](PERSON) said the tablets weighed almost 800 kilograms.

"Our port is a transit hub, not a destination," [Papadakis](PERSON) told journalists. Ms. [Eleni Georgiou](PERSON), a chemist at the [General Chemical State Laboratory](ORG), confirmed that the tablets contained [amphetamine](DRUG) and caffeine but no [fenethylline](DRUG), the substance originally marketed as [Captagon](DRUG).

Police Lieutenant General [Stavros Antoniou](PERSON) of the [Hellenic Police](ORG) said two suspects were arrested in [Athens](PLACE) and [Thessaloniki](PLACE). [Georgiou](PERSON) and [Antoniou](PERSON) will brief colleagues from [Cyprus](PLACE), [Italy](PLACE) and [Lebanon](PLACE) at a meeting in [Nicosia](PLACE) hosted by the [Cyprus Police](ORG).
""")

# pr-024  UK Border Force / NCA; first name that is also a country; court as ORG
P(r"""
Three men jailed after [cocaine](DRUG) found in banana boxes at [Felixstowe](PLACE)

Three men have been jailed for a combined 46 years after [Border Force](ORG) officers found 1.2 tonnes of [cocaine](DRUG) hidden in a shipment of bananas at the [Port of Felixstowe](PLACE).

The investigation by the [National Crime Agency](ORG) ([NCA](ORG)) showed that the container had been shipped from [Guayaquil](PLACE) via [Costa Rica](PLACE). [Jordan Whitfield](PERSON), 41, of [Essex](PLACE), [Darren Mulholland](PERSON), 37, of [Liverpool](PLACE), and [Arben Krasniqi](PERSON), 45, from [Kent](PLACE), were sentenced at [Ipswich Crown Court](ORG) on Friday.

[NCA](ORG) Branch Commander [Priya Raghunathan](PERSON) said: "[Whitfield](PERSON) and [Mulholland](PERSON) thought their legitimate fruit business would hide them. They were wrong." [Raghunathan](PERSON) added that [Krasniqi](PERSON) had links to suppliers in [Albania](PLACE) and [Ecuador](PLACE).

Mr. [Callum Fraser](PERSON), Director of [Border Force](ORG) Maritime, said officers at [UK](PLACE) ports had seized more than 20 tonnes of [cocaine](DRUG) last year. The case was supported by [HM Revenue and Customs](ORG) and the [Crown Prosecution Service](ORG) ([CPS](ORG)). [Fraser](PERSON) also thanked colleagues in the [Ecuadorian National Police](ORG|National Police of Ecuador) for their cooperation.
""")

# pr-025  Afghanistan opium cultivation; survey title negative; UN mission as ORG
P(r"""
[Kabul](PLACE)/[Vienna](PLACE), 5 November 2023 – [Opium poppy](DRUG) cultivation in [Afghanistan](PLACE) fell by an estimated 95 per cent in 2023, according to the latest [Afghanistan Opium Survey](O) published by [UNODC](ORG). Cultivation in [Helmand](PLACE) province dropped from more than 129,000 hectares to under 1,000 hectares.

"Farmers urgently need alternatives," said Mr. [Kristian Holm](PERSON), [UNODC](ORG) Country Manager in [Afghanistan](PLACE). [Holm](PERSON) warned that the fall in [opium](DRUG) income hits rural households in [Kandahar](PLACE), [Nangarhar](PLACE) and [Badakhshan](PLACE) hardest.

Ms. [Wazhma Popalzai](PERSON), a survey coordinator, explained that satellite images were checked against field visits. Mr. [Ahmad Shah Zazai](PERSON), an agronomist with the [Food and Agriculture Organization](ORG) ([FAO](ORG)), said wheat had replaced [opium poppy](DRUG) in most fields. [Zazai](PERSON) called for support to irrigation through the [United Nations Development Programme](ORG) ([UNDP](ORG)).

Ms. [Helen Mbeki-Carter](PERSON) of the [United Nations Assistance Mission in Afghanistan](ORG) ([UNAMA](ORG)) said that the drop in cultivation could push more people towards [methamphetamine](DRUG) production based on the [ephedra](DRUG) plant. [Popalzai](PERSON) noted that prices for dry [opium](DRUG) have risen five-fold. The data will feed into the [Afghan Opiate Trade Project](O).
""")

# pr-026  Tashkent training; OSCE field office name contains a place (not annotated)
P(r"""
[Tashkent](PLACE), 4 March 2024 – Twenty-four canine handlers from the [State Customs Committee](ORG|State Customs Committee of Uzbekistan), the [Ministry of Internal Affairs](ORG|Ministry of Internal Affairs of Uzbekistan) and the [National Information-Analytical Centre on Drug Control](ORG) completed a two-week course at the [Termez](PLACE) training centre near the border with [Afghanistan](PLACE).

The course was organised by the [OSCE](ORG) Project Co-ordinator in [Uzbekistan](O) with [UNODC](ORG) and the [Japan International Cooperation Agency](ORG) ([JICA](ORG)). Opening the course, Mr. [Hans-Peter Keller](PERSON), an [OSCE](ORG) Senior Project Officer, said dogs remain "the fastest scanner we have" for [heroin](DRUG), [hashish](DRUG) and [synthetic drugs](DRUG).

Colonel [Bekzod Rakhimov](PERSON) of the [State Customs Committee](ORG|State Customs Committee of Uzbekistan) reported that customs officers at the [Hairatan](PLACE)–[Termez](PLACE) bridge had detected 312 kilograms of [hashish](DRUG) in 2023. Ms. [Gulnora Ismoilova](PERSON), an instructor from the [National Information-Analytical Centre on Drug Control](ORG), said the handlers also trained on [precursor chemicals](O).

[Keller](PERSON) thanked [Rakhimov](PERSON) and [Ismoilova](PERSON), as well as Mr. [Takeshi Nakamura](PERSON) of [JICA](ORG), who announced that twelve more dogs would be delivered from [Kazakhstan](PLACE) in June. [Nakamura](PERSON) said [JICA](ORG) would also fund a course for border guards from [Tajikistan](PLACE) and [Turkmenistan](PLACE).
""")

# pr-027  INCB precursor report; INCB projects are not ORG; Chinese surname-only reference
P(r"""
[Vienna](PLACE), 7 March 2024 – Traffickers are using unscheduled "designer" chemicals to produce [fentanyl](DRUG) and [methamphetamine](DRUG), the [International Narcotics Control Board](ORG) ([INCB](ORG)) warns in its annual report on precursors, released today.

"Every time a precursor is placed under control, a substitute appears within months," said Dr. [Mariam Ndiaye-Sow](PERSON), President of the [INCB](ORG). [Ndiaye-Sow](PERSON) cited [4-AP](DRUG) and other [fentanyl precursors](DRUG) seized in [Mexico](PLACE) and the [United States](PLACE), and the [APAA](DRUG) and [P-2-P](DRUG) used for [methamphetamine](DRUG) in [Europe](PLACE).

Mr. [Li Xiaoming](PERSON), a Board member, presented data from [Project Prism](O) and [Project Cohesion](O) on [ephedrine](DRUG), [pseudoephedrine](DRUG) and [acetic anhydride](DRUG). Mr. [Li](PERSON) said [India](PLACE), [China](PLACE) and the [Netherlands](PLACE) had used the [PEN Online](O) system to stop 48 suspicious shipments.

Mr. [Raúl Esquivel Ortega](PERSON), Secretary of the Board, said the report will be presented to the [Commission on Narcotic Drugs](ORG) in March. [Esquivel](PERSON|Raúl Esquivel Ortega) added that the [INCB](ORG) works closely with [UNODC](ORG), the [WCO](ORG) and [INTERPOL](ORG) to alert national authorities.
""")

# pr-028  CND side event; H.E. ambassadors; permanent missions; NGO committee
P(r"""
Side event at the 67th session of the [Commission on Narcotic Drugs](ORG)

[Vienna](PLACE), 15 March 2024 – On the margins of the 67th session of the [UN Commission on Narcotic Drugs](ORG) ([CND](ORG)), the Permanent Missions of [Colombia](PLACE), [Ghana](PLACE) and [Portugal](PLACE) co-hosted a side event on alternatives to incarceration for minor drug offences.

Speakers:
- H.E. Ms. [Claudia Patricia Echeverri](PERSON), Ambassador and Permanent Representative of [Colombia](PLACE)
- H.E. Mr. [Kwesi Amoako-Atta](PERSON), Ambassador of [Ghana](PLACE) to [Austria](PLACE)
- Mr. [Tiago Mendes Barros](PERSON), Deputy Head of Mission, [Permanent Mission of Portugal](ORG)
- Dr. [Chen Yuhan](PERSON), [Hong Kong Police Force](ORG)
- Ms. [Ingrid Solberg](PERSON), Chair, [Vienna NGO Committee on Drugs](ORG) ([VNGOC](ORG))

Ambassador [Echeverri](PERSON) said that [coca leaf](DRUG) growers should not be treated as traffickers. [Amoako-Atta](PERSON) described [Ghana](PLACE)'s 2020 drug law, which replaced prison terms for personal use with fines. Dr. [Chen](PERSON) presented data on young people arrested for [cannabis](DRUG) and [ketamine](DRUG) possession.

[Solberg](PERSON) urged [CND](ORG) members to involve civil society in follow-up. [Mendes Barros](PERSON) recalled that [Portugal](PLACE) decriminalised personal possession in 2001. Representatives of the [World Health Organization](ORG) and the [International Narcotics Control Board](ORG) also attended.
""")

# pr-029  Philippines PDEA, Singapore CNB; suffix Jr.; Chinese surname "Tan"
P(r"""
[Manila](PLACE) — The [Philippine Drug Enforcement Agency](ORG) ([PDEA](ORG)) and the [Bureau of Customs](ORG|Bureau of Customs of the Philippines) ([BOC](ORG|Bureau of Customs of the Philippines)) seized 560 kilograms of [shabu](DRUG) worth PHP 3.8 billion from a warehouse in [Subic](PLACE), [Zambales](PLACE), on Thursday.

[PDEA](ORG) Director General [Ramon dela Cruz Jr.](PERSON) said the drugs were hidden in tea packaging shipped from [Myanmar](PLACE) through [Malaysia](PLACE). "These are the same tea bags we saw in [Singapore](PLACE) and [Thailand](PLACE) last year," [Dela Cruz](PERSON) said.

Two Chinese nationals and a Filipino broker, [Maria Cristina Bautista](PERSON), were arrested. Customs Commissioner [Eduardo Villanueva](PERSON) said [Bautista](PERSON) had cleared at least six earlier shipments. [Villanueva](PERSON) thanked the [Philippine National Police](ORG) ([PNP](ORG)) and the [Philippine Coast Guard](ORG) for their support.

The operation was based on information from [Singapore](PLACE)'s [Central Narcotics Bureau](ORG) ([CNB](ORG)). Mr. [Tan Wei Ming](PERSON), Deputy Director of [CNB](ORG), said the network also supplied [ketamine](DRUG) and [ecstasy](DRUG). [Tan](PERSON) and [dela Cruz](PERSON) agreed to present the case at the next meeting of [ASEAN](ORG) drug enforcement agencies in [Jakarta](PLACE).
""")

# pr-030  US-Mexico fentanyl; place name inside cartel name; apostrophe surname
P(r"""
[SAN DIEGO](PLACE) – [U.S. Customs and Border Protection](ORG) ([CBP](ORG)) officers at the [Otay Mesa Port of Entry](PLACE) seized 1.1 million [fentanyl](DRUG) pills and 140 pounds of [methamphetamine](DRUG) hidden in a shipment of auto parts from [Tijuana](PLACE), [Baja California](PLACE).

Port Director [Rosa Elena Gutiérrez](PERSON) said the tractor-trailer was referred for inspection after a canine alert. The driver, a 29-year-old Mexican citizen, was turned over to [Homeland Security Investigations](ORG) ([HSI](ORG)).

"Every one of these pills could be a fatal dose," [Gutiérrez](PERSON) said. [HSI](ORG) Special Agent in Charge [Michael O'Donnell](PERSON) said the pills carried markings linked to laboratories in [Sinaloa](PLACE) run by the [Sinaloa Cartel](ORG). [O'Donnell](PERSON) added that lab tests found [xylazine](DRUG) in some of the pills.

The case is being coordinated with the [Drug Enforcement Administration](ORG), the [Mexican Navy](ORG) and the [Fiscalía General de la República](ORG|Office of the Attorney General of Mexico) ([FGR](ORG|Office of the Attorney General of Mexico)). Mexican prosecutor [Jorge Alberto Sánchez Treviño](PERSON) said his office had requested the driver's phone records. [Sánchez](PERSON|Jorge Alberto Sánchez Treviño) told reporters that two suspects had been detained in [Culiacán](PLACE). [CBP](ORG) officers along the south-west border seized 27,000 pounds of [fentanyl](DRUG) last fiscal year.
""")


# pr-031  Canada RCMP / CBSA; Chinese names, Sikh name, "Mounties"
P(r"""
[Vancouver](PLACE), [British Columbia](PLACE) – The [Royal Canadian Mounted Police](ORG) ([RCMP](ORG)) and the [Canada Border Services Agency](ORG) ([CBSA](ORG)) have charged two people after 2.5 tonnes of [ketamine](DRUG) and 180 kilograms of [fentanyl precursors](DRUG) were found in containers at the [Port of Vancouver](PLACE).

[Li Jianguo](PERSON), 46, and [Wang Meilin](PERSON), 39, both of [Richmond](PLACE), face charges of importing controlled substances. Investigators believe the [ketamine](DRUG) was destined for [Australia](PLACE) and [New Zealand](PLACE).

"This is the largest [ketamine](DRUG) seizure in [Canada](PLACE)'s history," said Superintendent [Harjit Sandhu](PERSON) of the [RCMP](ORG) Federal Serious and Organized Crime unit. [Sandhu](PERSON) said [Li](PERSON) and [Wang](PERSON) had rented a warehouse in [Surrey](PLACE) where a small quantity of [carfentanil](DRUG) was also found.

Ms. [Nadine Beaulieu-Tremblay](PERSON), Regional Director General of the [CBSA](ORG), said the containers had arrived from [Hong Kong](PLACE). [Beaulieu-Tremblay](PERSON) thanked the [Australian Federal Police](ORG) and the [Hong Kong Customs and Excise Department](ORG). The [Mounties](ORG) also received support from the [Vancouver Police Department](ORG) and the [Public Prosecution Service of Canada](ORG), whose counsel, Mr. [Owen Stratford](PERSON), will lead the case. [Stratford](PERSON) said the accused will appear in court in [Vancouver](PLACE) next month.
""")

# pr-032  Australia; "Chad" as a first name vs. the country; outlaw motorcycle gang as ORG
P(r"""
[Sydney](PLACE), 14 November 2023 – The [Australian Federal Police](ORG) ([AFP](ORG)), the [Australian Border Force](ORG) ([ABF](ORG)) and the [New South Wales Police Force](ORG) have charged five men over the importation of 740 kilograms of [cocaine](DRUG) from [South America](PLACE) through [Port Botany](PLACE).

[AFP](ORG) Commander [Siobhan McAllister](PERSON) said the [cocaine](DRUG) was concealed in a shipment of steel pipes from [Brazil](PLACE). "The syndicate had links to the [Comancheros](ORG) and to brokers in [Dubai](PLACE)," [McAllister](PERSON) said.

Among those charged are [Chad Morrison](PERSON), 34, of [Parramatta](PLACE), and [Tevita Fifita](PERSON), 29, a dual Australian and Tongan citizen. [ABF](ORG) Superintendent [Mark Nguyen](PERSON) said [Morrison](PERSON) worked as a freight handler at the port, while [Fifita](PERSON) allegedly arranged storage in [Wollongong](PLACE).

The investigation received help from the [New Zealand Customs Service](ORG), the [DEA](ORG) and the [Pacific Transnational Crime Coordination Centre](ORG) in [Apia](PLACE), [Samoa](PLACE). [Nguyen](PERSON) said that vessels crossing the [Pacific](PLACE) increasingly stop in [Fiji](PLACE) and [Tonga](PLACE) before reaching [Australia](PLACE). Detective Superintendent [Grace Whitmore](PERSON) of the [NSW Police](ORG|New South Wales Police Force) said her team had seized AUD 3 million in cash. [Whitmore](PERSON) thanked the [Australian Criminal Intelligence Commission](ORG) ([ACIC](ORG)) for its analysis.
""")

# pr-033  Morocco / Spain hashish; El Amrani; Spanish particle surname
P(r"""
[Rabat](PLACE), 28 February 2024 – [Morocco](PLACE)'s [General Directorate for National Security](ORG) ([DGSN](ORG)) and [Spain](PLACE)'s [Guardia Civil](ORG) have dismantled a network that smuggled [cannabis resin](DRUG) from the [Rif](PLACE) mountains to [Europe](PLACE) on rigid-hulled speedboats.

According to the [DGSN](ORG), 18 tonnes of [hashish](DRUG) were seized in [Tangier](PLACE), [Larache](PLACE) and at the port of [Tanger Med](PLACE). Police Commissioner [Youssef El Amrani](PERSON) said the boats crossed the [Strait of Gibraltar](PLACE) at night and landed in the estuary of the [Guadalquivir](PLACE). "The same boats now bring [cocaine](DRUG) back," [El Amrani](PERSON) said.

In [Spain](PLACE), 31 people were arrested in [Cádiz](PLACE), [Huelva](PLACE) and [Ceuta](PLACE). Captain [Carmen Ruiz de Velasco](PERSON), spokesperson for the [Guardia Civil](ORG) in [Andalusia](PLACE), said her unit had seized 42 speedboats since 2022. According to [Ruiz de Velasco](PERSON), each crossing earned the pilots up to EUR 30,000.

Ms. [Fatima Zahra Benjelloun](PERSON), a prosecutor at the [Casablanca Court of Appeal](ORG), said the suspects had laundered money through real estate in [Marbella](PLACE). [Benjelloun](PERSON) and [El Amrani](PERSON) thanked [Europol](ORG), the [Spanish Customs Surveillance Service](ORG) and the [Moroccan Royal Gendarmerie](ORG|Royal Moroccan Gendarmerie) for their cooperation.
""")

# pr-034  Lebanon captagon; particle "Abi"; army, customs
P(r"""
[Beirut](PLACE), 9 May 2023 — [Lebanon](PLACE)'s [Internal Security Forces](ORG) ([ISF](ORG)) said on Tuesday they had foiled an attempt to export 9 million [captagon](DRUG) pills hidden in a shipment of pomegranates bound for [Saudi Arabia](PLACE) through the [Port of Beirut](PLACE).

Brigadier General [Georges Khoury](PERSON), head of the [ISF](ORG) anti-drug bureau, said the pills had been pressed in a workshop near [Hermel](PLACE) in the [Bekaa Valley](PLACE). "The factories are small, mobile and protected," [Khoury](PERSON) said.

The [Lebanese Army](ORG|Lebanese Armed Forces) raided the workshop the same day and seized pill presses, 700 kilograms of [amphetamine](DRUG) powder and weapons. Army spokesperson Colonel [Ziad Abi Nader](PERSON) said four suspects were arrested. [Abi Nader](PERSON) declined to say whether the group was linked to networks in [Syria](PLACE).

Ms. [Rana Saab](PERSON), director at the [Lebanese Customs Administration](ORG), said scanners donated by the [European Union](ORG) and [UNODC](ORG) had helped profile fruit shipments. [Saab](PERSON) met Saudi officials from the [General Directorate of Narcotics Control](ORG) in [Riyadh](PLACE) last month. Mr. [Tarek Mansour](PERSON) of the [UNODC](ORG) Regional Office for the [Middle East and North Africa](O) said [Lebanon](PLACE), [Jordan](PLACE) and [Iraq](PLACE) would share seizure data in real time. [Mansour](PERSON) praised [Khoury](PERSON)'s team.
""")

# pr-035  EUDA replaces EMCDDA; several EU institutions
P(r"""
[Lisbon](PLACE), 2 July 2024 – The [European Union Drugs Agency](ORG) ([EUDA](ORG)) officially began operations today, replacing the [European Monitoring Centre for Drugs and Drug Addiction](ORG) ([EMCDDA](ORG)), which had monitored drug trends in [Europe](PLACE) since 1995.

Under its new mandate, adopted by the [European Parliament](ORG) and the [Council of the European Union](ORG) in 2023, the agency will run a European drug alert system and a network of forensic and toxicological laboratories, and will assess health threats from [new psychoactive substances](DRUG).

"We are moving from monitoring to preparedness," said Dr. [Marek Kowalczyk](PERSON), Executive Director of the [EUDA](ORG). [Kowalczyk](PERSON) said that 950 [NPS](DRUG) are currently monitored by the [EU](ORG) [Early Warning System](O), and that [synthetic cathinones](DRUG) and [nitazenes](DRUG) are priorities.

The ceremony was attended by Ms. [Ana Gomes Ferreira](PERSON), Minister of Health of [Portugal](PLACE); Mr. [Lukas Brenner](PERSON) of the [European Commission](ORG); and Ms. [Sanne ter Horst](PERSON), representing [Europol](ORG). [Gomes Ferreira](PERSON) said [Portugal](PLACE) was proud to host the agency. [Brenner](PERSON) confirmed that the [EUDA](ORG) budget will grow by 40 per cent by 2027. Ms. [ter Horst](PERSON) said [Europol](ORG) and the [EU Drugs Agency](ORG) will publish a joint analysis of the [cocaine](DRUG) market later this year, together with the [European Medicines Agency](ORG).
""")

# pr-036  Western Balkans; region vs. route; criminal clans named after places; diacritics
P(r"""
[Podgorica](PLACE), 18 January 2024 – Police from [Montenegro](PLACE), [Serbia](PLACE) and [Croatia](PLACE) have arrested 19 members of a [cocaine](DRUG) trafficking group linked to the [Škaljari clan](ORG), following an investigation supported by [Europol](ORG) and the [DEA](ORG).

The [Police Directorate of Montenegro](ORG) said 650 kilograms of [cocaine](DRUG) had been found in a container of coffee at the [Port of Bar](PLACE). Chief Inspector [Milica Đurović](PERSON) said the shipment came from [Ecuador](PLACE) via [Valencia](PLACE) and was intended for markets in the [Western Balkans](PLACE) and [Central Europe](PLACE), moving along the [Western Balkan route](O) in reverse.

Mr. [Aleksandar Jovanović](PERSON) of the [Ministry of Interior of the Republic of Serbia](ORG) said that arrests in [Belgrade](PLACE) and [Novi Sad](PLACE) had targeted the group's money couriers. "We followed the cash, not only the drugs," [Jovanović](PERSON) said.

In [Zagreb](PLACE), the [Office for the Suppression of Corruption and Organised Crime](ORG) ([USKOK](ORG)) indicted two Croatian port agents. Prosecutor [Ivana Kovačić](PERSON) said [USKOK](ORG) was also cooperating with the [Special State Prosecutor's Office](ORG|Special State Prosecutor's Office of Montenegro) in [Podgorica](PLACE). [Đurović](PERSON) and [Kovačić](PERSON) thanked Mr. [Dragan Perić](PERSON), the [SELEC](ORG) liaison officer, whose analysis linked the case to the rival [Kavač clan](ORG). [Perić](PERSON) said [Balkan](O) groups now broker [cocaine](DRUG) deals directly in [South America](PLACE). Ms. [Jelena Marković](PERSON) of the [UNODC](ORG) Regional Office for [South-Eastern Europe](O) added that [cocaine](DRUG) prices in [South-Eastern Europe](PLACE) had fallen by a third since 2020.
""")

# pr-037  Sahel report; "Ould" particle; very short surname "Sy"; region names
P(r"""
[Dakar](PLACE), 12 June 2023 – Trafficking of [cannabis resin](DRUG) from [North Africa](PLACE) through the [Sahel](PLACE) is fuelling armed groups and corruption, according to a new [UNODC](ORG) threat assessment, [Drug Trafficking in the Sahel](O), presented today in the Senegalese capital.

The assessment found that seizures of [cannabis resin](DRUG) in [Niger](PLACE), [Mali](PLACE), [Burkina Faso](PLACE) and [Chad](PLACE) rose sharply in 2022, and that [cocaine](DRUG) and pharmaceutical [opioids](DRUG) such as [tramadol](DRUG) also transit the region towards [Libya](PLACE).

"The same convoys that carry [hashish](DRUG) carry fuel, arms and migrants," said Mr. [Ousmane Sy](PERSON), who leads the [UNODC](ORG) Regional Office for [West and Central Africa](O). [Sy](PERSON) presented the report with Ms. [Mariama Ould Cheikh](PERSON), a researcher from [Mauritania](PLACE), and Mr. [Amadou Issoufou Garba](PERSON), head of [Niger](PLACE)'s [Central Office for the Repression of Illicit Drug Trafficking](ORG) ([OCRTIS](ORG)).

[Ould Cheikh](PERSON) described how shipments are handed over at [Agadez](PLACE) and [Salvador Pass](PLACE) before crossing into [Libya](PLACE). [Garba](PERSON) said [OCRTIS](ORG) officers had seized 17 tonnes of [cannabis resin](DRUG) near the border with [Algeria](PLACE). Ms. [Aïcha Touré](PERSON) of the [Economic Community of West African States](ORG) ([ECOWAS](ORG)) said the [African Union](ORG) would discuss the findings in [Addis Ababa](PLACE).
""")

# pr-038  Istanbul airport; dotted-capital İ; airline as ORG; airport names as PLACE
P(r"""
[İSTANBUL](PLACE) – Customs enforcement teams of [Türkiye](PLACE)'s [Ministry of Trade](ORG|Ministry of Trade of Türkiye) have seized 58 kilograms of liquid [cocaine](DRUG) in the luggage of two passengers arriving at [Istanbul Airport](PLACE) from [São Paulo](PLACE).

The bottles were labelled as shampoo and wine. A detector dog alerted officers after the passengers landed on a [Turkish Airlines](ORG) flight from [Guarulhos International Airport](PLACE), the Ministry said in a statement.

Regional Director [Ayşe Nur Kaplan](PERSON) said the couriers, a Brazilian and a Portuguese national, had been recruited in [Lisbon](PLACE). "Liquid [cocaine](DRUG) is harder to detect but not impossible," [Kaplan](PERSON) said.

In a separate case, narcotics officers of the [Turkish National Police](ORG) in [Istanbul](PLACE) detained 12 suspects after officers found 1.4 million [captagon](DRUG) tablets in a truck at [Kapıkule](PLACE). Superintendent [Burak Öztürk](PERSON) said the tablets had been pressed in [Syria](PLACE). [Öztürk](PERSON) and Inspector [Selin Arslan](PERSON) briefed officials from the [Gendarmerie General Command](ORG) and [Europol](ORG). [Arslan](PERSON) said the [Turkish Coast Guard Command](ORG) had also stopped a boat carrying [crystal meth](DRUG) near [Mersin](PLACE).
""")

# pr-039  Ecuador; gangs as ORG; upper-case dateline
P(r"""
[GUAYAQUIL](PLACE), [Ecuador](PLACE) – The [National Police of Ecuador](ORG) and the [Armed Forces](ORG|Armed Forces of Ecuador) have seized 22 tonnes of [cocaine](DRUG) in a warehouse near the port of [Guayaquil](PLACE), the largest seizure in the country's history.

General [Patricio Andrade Mora](PERSON), head of the police anti-drug directorate, said the drugs were packed in banana boxes and destined for [Belgium](PLACE) and the [Netherlands](PLACE). He linked the shipment to [Los Lobos](ORG), a gang that has fought [Los Choneros](ORG) for control of prisons and ports.

"These groups work for Mexican cartels and Balkan brokers," [Andrade](PERSON|Patricio Andrade Mora) told reporters. Ms. [Verónica Cevallos](PERSON) of the [National Customs Service of Ecuador](ORG) ([SENAE](ORG)) said that the container scanners installed under [UNODC](ORG)'s [Container Control Programme](O) had flagged the boxes.

Prosecutor [Diego Zambrano Ruiz](PERSON) of the [Attorney General's Office](ORG|Attorney General's Office of Ecuador) said 11 suspects were detained in [Guayas](PLACE) and [El Oro](PLACE). [Zambrano](PERSON) said [Cevallos](PERSON) and her team had worked with the [Belgian Federal Police](ORG) and the [DEA](ORG). Officials from [Europol](ORG) and the [Colombian National Police](ORG) will visit [Quito](PLACE) next week.
""")

# pr-040  Caribbean; Haitian hyphenated names; regional agencies; "CARICOM IMPACS"
P(r"""
[Santo Domingo](PLACE), 6 December 2023 – The [Dominican Republic](PLACE)'s [National Drug Control Directorate](ORG) ([DNCD](ORG)) and the [Jamaica Constabulary Force](ORG) ([JCF](ORG)) have concluded a joint maritime operation in the [Caribbean Sea](PLACE) that led to the seizure of 3.2 tonnes of [cocaine](DRUG) and 11 tonnes of [marijuana](DRUG).

The operation was supported by the [CARICOM Implementation Agency for Crime and Security](ORG) ([CARICOM IMPACS](ORG)), the [Regional Security System](ORG) and the [United States Coast Guard](ORG). Vice Admiral [José Manuel Cabrera Ulloa](PERSON), president of the [DNCD](ORG), said speedboats had been intercepted off [Punta Cana](PLACE) and near [Isla Saona](PLACE).

"Go-fast boats leave [Venezuela](PLACE) at dusk and reach our coast by morning," [Cabrera](PERSON|José Manuel Cabrera Ulloa) said. Assistant Commissioner [Marlon Campbell-Reid](PERSON) of the [JCF](ORG) said that [marijuana](DRUG) was being swapped for firearms in [Haiti](PLACE).

Mr. [Pierre-Louis Jean-Baptiste](PERSON), an official of the [Haitian National Police](ORG), confirmed that gangs in [Port-au-Prince](PLACE) were involved. Ms. [Keisha Thompson](PERSON), an analyst at [CARICOM IMPACS](ORG), said [Jean-Baptiste](PERSON) and [Campbell-Reid](PERSON) had agreed to share information through [INTERPOL](ORG) channels. [Thompson](PERSON) said a follow-up meeting would be held in [Kingston](PLACE).
""")


if __name__ == "__main__":
    main()
