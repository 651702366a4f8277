"""Typed settings for the recognition rules in ``models/rules.toml``.

Each ``[section]`` of rules.toml is one frozen dataclass below (``[person]`` -> PersonSettings,
``[org]`` -> OrgSettings, ``[drug]`` -> DrugSettings, ``[place]`` -> PlaceSettings), and each key
the code reads is one declared, typed field. Loading is strict:

- a key (or section) the dataclasses do not declare, a typo such as ``titels``, raises
  :class:`RulesFileError` naming the key, its section and the file, with the nearest known key;
- a value of the wrong type (a string where a list of words is expected) raises the same error;
- a missing key takes its default: every word list defaults to empty (the rule it feeds never
  fires) and every switch to ``false``. These are the values the code used before the settings
  were typed, so removing a key switches its rule off rather than changing it.

Word lists are stored as tuples in file order; the rule stages build their own sets from them.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, get_type_hints

Words = tuple[str, ...]


class RulesFileError(ValueError):
    """rules.toml holds a key the code does not declare, or a value of the wrong type."""


@dataclass(frozen=True)
class PersonSettings:
    """``[person]``: trimming and completing PERSON spans."""

    titles: Words = ()
    """Titles and honorifics stripped from the start of a PERSON span (case-insensitive, with or
    without the trailing full stop). Default: none."""
    speech_verbs: Words = ()
    """A one-word model "place" before or after one of these verbs is a person ("Trujillo
    explained"). Default: none."""
    suffixes: Words = ()
    """Name suffixes kept at the end of a PERSON span ("Jr."). Default: none."""
    particles: Words = ()
    """Particles that may stand lower-case inside a name ("van der"). Default: none."""
    handle_words: Words = ()
    """Nouns of the people who use a market ("vendor", "account", "username"): a one-word name after
    "<noun> named / called" or "<noun> such as / like" is a person's handle. Default: none."""
    handle_people: Words = ()
    """Nouns of people besides ``handle_words`` ("analyst", "suspect"): "known as" gives a handle only
    after a person named earlier in its sentence or one of these nouns in the six words before it.
    Default: none."""
    apposed_people: Words = ()
    """More nouns of people ("businessman", "national", "courier"): a name-shaped model body or place
    in apposition right after one of these or of ``handle_people`` ("a businessman, Molokwu
    Nwachukwu, who ...") is a person. Default: none."""
    handle_things: Words = ()
    """Nouns of things a name "known as" may name ("market", "app", "drug"): a handle-shaped name
    ("DeepSea", "alpha02") "known as" after one of them in its sentence is no person's handle.
    Default: none."""
    possessions: Words = ()
    """What only a person has, after a name's possessive ("Koffie's passport", "his lawyer"): evidence
    that a one-word name the model read as a body or place is a person. Default: none."""
    acts: Words = ()
    """What only a person does, right after a name ("pleaded", "was arrested"): evidence as
    ``possessions``. Default: none."""
    acted_on: Words = ()
    """What is done only to a person, right before a name ("arrest", "extradited"): evidence as
    ``possessions``. Default: none."""
    thing_possessions: Words = ()
    """What a body has, after a name's possessive ("Nokia's shares", "its spokesman"): evidence
    against a person. Default: none."""
    not_name_words: Words = ()
    """Words never part of a person's name (headings, units the model reads as people); their plurals
    neither, in a name with no first name ("Joint Investigation Teams"). Default: none."""
    letter_after: Words = ()
    """Nouns a letter names a kind of ("hepatitis C", "Schedule I", "Class A"): after one, a letter
    and its full stop are the noun's, not a person's initial ("hepatitis C. Coverage across ...").
    Default: none."""
    headline_verbs: Words = ()
    """Verbs of Title Case headlines cut from the end of a model PERSON ("Carter Delivers"). Default: none."""
    postnominals: Words = ()
    """Letters after a name cut from the end of a model PERSON ("Paul Farrer KC", "Jane Doe MP"):
    honours and offices, no part of the name. Matched as written (capitals). Default: none."""
    title_qualifiers: Words = ()
    """Title words that qualify the post after them and are none on their own ("Senior" Agent,
    "National" Coordinator, "Vice" President): before a name with no post word, they make no
    title ("National Semiconductor" is a company, not the person "Semiconductor"). Default: none."""
    addressed_posts: Words = ()
    """Posts addressed in a debate ("Mr. Speaker", "Madam Chair"): no person. Default: none."""
    honorifics: Words = ()
    """Forms of address that only a person's name follows ("Mr.", "Ms."): a place after one is a
    person of that name ("Mr. England", "Ms. Jordan"). Default: none."""
    post_qualifiers: Words = ()
    """Words that qualify a post before it ("District" in "District Judge", "Acting", "Magistrate"): a
    place the model ran into such a post before a person's name is cut off it ("[U.S.] District Judge
    Xavier Rodriguez"). Default: none."""
    title_acronyms: Words = ()
    """Titles that are acronyms themselves ("CEO", "AUSA"). Any other title written as one word in
    capitals without a full stop is no title but a body's acronym: "SEC" is the Securities and
    Exchange Commission, "Sec." a secretary. Default: none."""


@dataclass(frozen=True)
class OrgSettings:
    """``[org]``: rejecting and completing ORG spans."""

    not_org_heads: Words = ()
    """An ORG whose last word is one of these names a programme, event or publication. Default: none."""
    body_endings: Words = ()
    """Endings of the compound words that name a body in German or Dutch ("Hauptzollamt",
    "Bundespolizei", "Staatsanwaltschaft"): a model person or place with such a word is an ORG.
    Default: none."""
    charge_before: Words = ()
    """Words before the name of a criminal charge ("one count of", "charged with"): a model ORG
    right after them is the charge ("[Importation of a Controlled Substance]"). Default: none."""
    term_acronym_heads: Words = ()
    """Heads of names that are no body's ("Program", "Act", "Strategy"): an acronym a document
    defines for such a name ("the Narcotics Rewards Program (NRP)") is no entity. Default: none."""
    not_org_before: Words = ()
    """An ORG directly followed by one of these nouns names the thing ("SIENA platform"). Default: none."""
    currencies: Words = ()
    """An ORG starting with a currency is an amount ("EUR 2.1 million"). Default: none."""
    portfolio_words: Words = ()
    """"<title> for X" is a portfolio, not an organisation. Default: none."""
    unit_suffixes: Words = ()
    """A known organisation plus one of these is still that organisation ("UNODC Country Office").
    Default: none."""
    vehicle_makes: Words = ()
    """Vehicle makes and models: no person's name, no body before a model or a vehicle noun."""
    vehicle_nouns: Words = ()
    """Nouns of vehicles: a model ORG ending in one is a vehicle ("Mercedes Benz van")."""
    demonstrative_bodies: Words = ()
    """Bodies a model ORG after "this" still names ("this Congress"). Default: none."""
    maker_words: Words = ()
    """After a make, the maker or a body named for it, no vehicle ("Ford Foundation", "Toyota Motor")."""
    generic_words: Words = ()
    """A one-word ORG that is one of these common nouns is dropped. Default: none."""
    generic_body_words: Words = ()
    """Words of generic state bodies ("Ministry of Internal Affairs"). Default: none."""
    of_place_heads: Words = ()
    """Heads that take "of <place>" into the name ("Border Service of Kazakhstan"). Default: none."""
    for_place_heads: Words = ()
    """Heads that take "for <place>" into the name ("Regional Office for ..."). Default: none."""
    contact_words: Words = ()
    """Contact details end a model entity ("UNODC Telephone: ..."). Default: none."""
    not_org_starts: Words = ()
    """An ORG starting with one of these phrases is dropped ("Operation ..."). Default: none."""
    title_tails: Words = ()
    """A known organisation or a body's head word followed by one of these titles ends there
    ("Border Patrol Agents" -> "Border Patrol", "Public Safety Canada Counsellor"). Default: none."""
    plural_heads: Words = ()
    """An ORG whose last word is one of these plurals names a kind of body, not one body
    ("Foreign Terrorist Organizations", "Transnational Criminal Organizations"). Default: none."""
    lowercase_heads: Words = ()
    """Lower-case generic heads left outside an organisation's span ("the [Sinaloa] cartel", "the
    [Sinaloa] and [Jalisco] cartels"); a place before one is the organisation "<place> <Head>" when
    the lexicon knows it. Default: none."""
    buildings: Words = ()
    """Bodies named after their building: after "at", "to", "in", "into", "outside" or "near" (and
    "the") the building is meant, a PLACE ("a meeting at the White House"). Default: none."""
    company_words: Words = ()
    """Nouns that put a company's name after them ("phone maker Nokia", "aerospace group Eads", "the
    shipping firm Maersk"): a one- to three-word model PERSON or PLACE there, or capitalised words
    the model left out, are an ORG unless a known place. Default: none."""
    market_words: Words = ()
    """A name after one of these nouns, after "<noun> such as", or with one of them (or a company
    noun) in an apposition after it, is an organisation: "the darknet market Hydra", "markets such
    as Hydra", "Hydra, the largest Russian-language darknet market". Default: none."""
    darknet_words: Words = ()
    """Words that show a text speaks of darknet markets: a route named like a market there ("Silk
    Road") is the market. Default: none."""
    word_names: Words = ()
    """One-word names of organisations.toml that are everyday words, matched as written ("Guardian",
    "Economist"): no organisation as a title or in a heading ("Chief Economist at Indeed",
    "Economist Evelyn Brody", "American Economist Expected to Win Nobel"). Default: none."""
    group_words: Words = ()
    """Nouns of criminal and armed groups ("gang", "crew", "triad", "syndicate", "militia"): a name
    with one of them in an apposition after it ("Caloh Wagoh, a Dutch motorcycle gang"), after
    "<noun> such as / like / including" ("gangs like Brothas") or "<noun> called / named" ("a
    motorcycle gang called Trailer Trash") is an organisation, as with ``market_words``. Default:
    none."""
    unit_heads: Words = ()
    """Heads of a body's internal units ("Division", "Unit", "Section"): a model ORG so headed that
    names its parent is the parent ("Pittsburgh Division of the FBI" -> "FBI"). Default: none."""
    place_unit_heads: Words = ()
    """Heads of a body's regional units that only a place's name precedes ("Houston Division",
    "Washington Field Office", "Tampa District Office"): such a model ORG names no body of its own
    (GUIDELINES.md: regional offices of a larger organisation are not annotated). Default: none."""
    group_not_after: Words = ()
    """Words before a group noun that make it no organisation's kind ("an ethnic group", "a
    religious minority group"). Default: none."""
    legal_forms: Words = ()
    """A company's legal form, as written (case counts: "Inc", "Ltd.", "GmbH", "S.A."): the
    capitalised words before one, and the form, are a company, an ORG ("Ecolab Inc", "Qintex
    America Ltd", "Morgan Stanley and Co Inc"); in its document the name without the form is the
    same company ("Ecolab said"), and its canonical name leaves the form out ("Ecolab"). Default: none."""
    canonical_legal_forms: Words = ()
    """Written-out legal forms that only the canonical name leaves out ("Stanley Casinos Limited"
    -> Stanley Casinos); they do not make a name a company. Default: none."""
    media_words: Words = ()
    """Nouns of the press around a name: a one- to three-word model PERSON or PLACE right before
    one ("the Maariv daily") or right after one ("the daily Blic") is a newspaper or broadcaster,
    an ORG, unless it is a known place ("the Belgrade daily"). Default: none."""
    credit_verbs: Words = ()
    """Verbs that credit a report to its source after a comma, the source last ("..., reported La
    Prensa."): a one- to three-word model PERSON or PLACE right after one, ending the clause and
    not opening with a first name, is a newspaper or broadcaster, an ORG. Default: none."""
    named_group_heads: Words = ()
    """Lower-case nouns of a criminal group after its name ("the Head Hunters gang", "the Mongols
    cartel"): the capitalised words before one (and before ``named_group_modifiers``) are an ORG
    the model missed, as GUIDELINES.md writes "the [Sinaloa] cartel". Default: none."""
    named_group_modifiers: Words = ()
    """Lower-case words between such a name and its noun ("the [Comanchero] bikie gang"). Default: none."""
    post_bodies: Words = ()
    """Posts whose holder's office, court or department is a body when written capitalised with a
    possessive ("the Attorney General's Office", "the Magistrate's Court", "Cherokee County
    Sheriff's Office"): the capitalised words before the post, the post, and the head
    (``post_body_heads``) are one ORG. Default: none."""
    post_body_heads: Words = ()
    """The heads of ``post_bodies`` ("Office", "Court"). Default: none."""
    vessel_words: Words = ()
    """A model name right after one of these lower-case nouns ("the tanker Exxon Valdez", "motor vessel
    Stefan E. Sank"), or from one of these words on ("Coast Guard Cutter Munro", "USS Cole"; case
    counts), names a vessel: no PERSON, ORG or PLACE. Default: none."""
    operation_words: Words = ()
    """An operation's name, this word and the capitalised words after it ("Operation Hydra Strike",
    "Operación Orion"; case counts), is no entity: the model read such names as people and
    places. Default: none."""
    storm_words: Words = ()
    """A storm's name, this word (or phrase: "Tropical Storm") and the capitalised words after it
    ("Hurricane Charley"; case counts), is no entity, nor the name alone elsewhere in the document
    ("Insurers said Charley cost"); not inside a body's name ("National Hurricane Center").
    Default: none."""
    district_offices: Words = ()
    """Federal offices named with "U.S."/"United States" and their judicial district, read as one
    organisation ("U.S. Attorney's Office for the Southern District of Texas"). Default: none."""
    company_nouns_after: Words = ()
    """A name directly followed by one of these nouns (or by "'s" and one) is a company in this
    document: the model's ORG for it stays an ORG though the gazetteer knows a place of that name
    ("Waterman shares", "Waterman owners"). Default: none."""


@dataclass(frozen=True)
class DrugSettings:
    """``[drug]``: ambiguous terms, drug forms, modifiers and merges."""

    context_cues: Words = ()
    """Cue words among the three before an ambiguous term make it a drug ("seized ice"). Default: none."""
    blocking_cues: Words = ()
    """In the same sentence these make an ambiguous term ordinary English. Default: none."""
    form_nouns: Words = ()
    """Nouns after a drug that extend the span ("ecstasy pills"). Default: none."""
    modifier_heads: Words = ()
    """A drug directly before one of these is a modifier ("heroin trafficking"). Default: none."""
    form_adjectives: Words = ()
    """Adjectives before a drug that extend the span ("crystal methamphetamine"). Default: none."""
    form_phrases: Words = ()
    """Phrases after a drug that extend the span ("in powder form"). Default: none."""
    mixture_words: Words = ()
    """Two drugs mixed are one mention ("heroin and fentanyl mix"). Default: none."""
    merge_parenthesised: bool = False
    """Merge a drug or place glossed by another in brackets before the model spans are read
    ("Amphetamine (Ice)"). Default: false."""
    merge_parenthesised_acronyms: bool = False
    """Take a bracketed acronym after a drug into the span ("Mephedrone (MD)"). Default: false."""
    substance_strip_nouns: Words = ()
    """Unit, packaging and product words after a drug that the project's guidelines leave out of
    the substance ("[captagon] pills", "[codeine] syrup"): see :meth:`DrugRules.substance_parts`.
    Default: none."""
    name_heads: Words = ()
    """A capitalised drug word running into one of these heads is part of a name, not a drug
    ("Afghanistan Opium Survey"). Default: none."""
    brand_form_nouns: Words = ()
    """A capitalised unknown word directly before one of these names a medicine ("Rivoril
    Tablets"). Default: none (the rule never fires)."""
    brand_class_nouns: Words = ()
    """A capitalised word no dictionary or lexicon knows right after one of these ("the arthritis
    drug Celebrex") or right before one but "drug" ("its Vioxx painkiller") names a medicine.
    Default: none."""
    not_brand_words: Words = ()
    """Capitalised words before a tablet word that name no medicine ("Mix Tablets"). Default: none."""
    substance_strip_adjectives: Words = ()
    """State and quality words before a drug that the guidelines leave out of the substance
    ("liquid [cocaine]", "pharmaceutical [opioids]"). Default: none."""


@dataclass(frozen=True)
class PlaceSettings:
    """``[place]``: place designators, datelines, model relabelling and roles."""

    suffixes: Words = ()
    """Designators after a place that belong to it ("Samara region"). Default: none."""
    prefixes: Words = ()
    """Designators before "of" that belong to the place ("port of Antwerp"). Default: none."""
    direction_prefixes: Words = ()
    """Directions before a place that belong to it ("Upper Dir"). Default: none."""
    designator_nouns: Words = ()
    """"<Capitalised words> district" is a place. Default: none."""
    address_street_words: Words = ()
    """Last words of a street or estate in a home address ("of Church View, Dromiskin, Co Louth"):
    that part is no place, person or body; the address's other parts are places. Default: none."""
    facility_nouns: Words = ()
    """"<Capitalised words> checkpoint / Street / Highway" is a place. Default: none."""
    lowercase_facility_nouns: Words = ()
    """Facility nouns that make a place only when written in lower case ("the Grand Bazaar
    market"); capitalised, the name is one of its own ("Monopoly Market", a darknet market).
    Default: none."""
    joined_heads: Words = ()
    """"German-Dutch border": two names joined before one of these heads are one place, unless both
    are known places ("[U.S.]-[Mexico] border": two places). Default: none."""
    title_heads: Words = ()
    """Words that end the capitalised name of an instrument ("the U.S.-Mexico Bicentennial
    Framework", "the U.S.-Canada Opioid Action Plan"): no place inside such a name. Default: none."""
    event_heads: Words = ()
    """A place right before one of these words names a war, games or an accord, no place ("the
    Vietnam War", "the Iraq war", "the Athens Games", "the U.S. Open"); lower case counts only for
    the words written so here ("war"). Default: none."""
    currency_nouns: Words = ()
    """A place that names a currency with one of these nouns is no place ("Hong Kong dollars",
    "15 billion U.S. dlrs"): a currency is no entity. Default: none."""
    road_words: Words = ()
    """Numbered roads ("Highway 12A"). Default: none."""
    modifier_heads: Words = ()
    """A place before one of these nouns (or a possessive) is a modifier ("a Belfast man"). Default: none."""
    acronym_modifier_heads: Words = ()
    """A country acronym before one of these is not tagged ("U.S. ports"). Default: none."""
    org_place_heads: Words = ()
    """A model ORG/PERSON whose last word is one of these names a place ("Jinnah Town"). Default: none."""
    surname_heads: Words = ()
    """Words of ``org_place_heads`` that are also surnames: a model PERSON ending in one is a place
    only when it has no first name ("Kate Ward" stays a person). Default: none."""
    org_words: Words = ()
    """Words that keep a model ORG an organisation ("Australian Federal Police"). Default: none."""
    org_place_before: Words = ()
    """Locative words before which an unknown model ORG may be a place ("near MBC Church"). Default: none."""
    building_before: Words = ()
    """Words before which an unknown model ORG followed by a facility head is a place ("from El Puente
    Grande prison"). Default: none."""
    facility_heads: Words = ()
    """Facility heads that make such an ORG a place ("church", "chowk"). Default: none."""
    facility_modifiers: Words = ()
    """One of these may stand between a name and its facility head ("the Palmerola military base"). Default:
    none."""
    residence_before: Words = ()
    """"resident of Swabi": a model ORG/PERSON after these phrases is a place. Default: none."""
    designator_of: Words = ()
    """"village of Kordovan": an unknown model ORG/PERSON after these phrases is a place. Default: none."""
    person_place_before: Words = ()
    """"raid in Piliyawatta": an unknown model PERSON that starts with no first name after these
    words is a place. Default: none."""
    designator_before: Words = ()
    """Designators written before the name ("district Khanewal", "Tehsil Kuchlak"). Default: none."""
    not_datelines: Words = ()
    """Newsroom labels that open a line but are no dateline ("BREAKING -"). Default: none."""
    dateline_credits: Words = ()
    """News agencies credited after a dateline ("VAN (AA) -"). Default: none."""
    gazetteer: bool = False
    """Add capitalised GeoNames / ISO 3166-2 names where nothing else matched. Default: false."""
    org_suffixes: Words = ()
    """"<place> police" and the like is an organisation ("Quebec police"). Default: none."""


_SECTIONS: dict[str, type] = {
    "person": PersonSettings, "org": OrgSettings, "drug": DrugSettings, "place": PlaceSettings,
}


@dataclass(frozen=True)
class RuleSettings:
    """All of rules.toml: its ``version`` and one dataclass per section. A missing section takes
    all its defaults."""

    version: str = ""
    person: PersonSettings = field(default_factory=PersonSettings)
    org: OrgSettings = field(default_factory=OrgSettings)
    drug: DrugSettings = field(default_factory=DrugSettings)
    place: PlaceSettings = field(default_factory=PlaceSettings)
    source: str = field(default="", compare=False)  # the file read (not a rules.toml key)

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str | Path = "rules.toml") -> RuleSettings:
        """Validate parsed rules.toml data; raise :class:`RulesFileError` on an unknown key or a
        value of the wrong type."""
        src = str(source)
        top = {"version", *_SECTIONS}
        for key in data:
            if key not in top:
                raise RulesFileError(_unknown(src, key, None, top))
        version = data.get("version", "")
        if not isinstance(version, str):
            raise RulesFileError(f"{src}: 'version' must be a string, not {type(version).__name__}")
        sections = {}
        for name, klass in _SECTIONS.items():
            raw = data.get(name, {})
            if not isinstance(raw, dict):
                raise RulesFileError(f"{src}: [{name}] must be a table of settings, not {type(raw).__name__}")
            sections[name] = _section(src, name, klass, raw)
        return cls(version=version, source=src, **sections)

    @classmethod
    def load(cls, path: str | Path) -> RuleSettings:
        """Read and validate one rules.toml file; a missing file gives all defaults."""
        from docmine.nlp.lexicon import _read_toml

        p = Path(path)
        return cls.from_dict(_read_toml(p) if p.is_file() else {}, source=p)


def load_rule_settings(folder: str | Path | None = None) -> RuleSettings:
    """The settings in ``<folder>/rules.toml`` (default: $DOCMINE_MODELS or the packaged models/)."""
    from docmine.nlp.lexicon import models_dir

    return RuleSettings.load(Path(folder or models_dir()) / "rules.toml")


def _section(src: str, name: str, klass: type, raw: dict[str, Any]):
    hints = get_type_hints(klass)
    known = [f.name for f in fields(klass)]
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in hints:
            raise RulesFileError(_unknown(src, key, name, known))
        want = hints[key]
        if want is bool:
            if not isinstance(value, bool):
                raise RulesFileError(f"{src}: [{name}] {key} must be true or false, not {value!r}")
            values[key] = value
        else:  # Words
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise RulesFileError(f"{src}: [{name}] {key} must be a list of strings, not {value!r:.80}")
            values[key] = tuple(value)
    return klass(**values)


def _unknown(src: str, key: str, section: str | None, known) -> str:
    where = f"in [{section}]" if section else "at the top level"
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return (f"{src}: unknown key {key!r} {where}{hint}. docmine reads only the keys declared in "
            f"docmine.nlp.settings; known {where}: {', '.join(sorted(known))}. "
            "Fix or remove the key and run again.")


__all__ = ["DrugSettings", "OrgSettings", "PersonSettings", "PlaceSettings", "RuleSettings", "RulesFileError",
           "load_rule_settings"]
