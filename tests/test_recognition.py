"""Rules for the way seizure news names drugs and places, each with positive and negative cases,
and `docmine evaluate` itself: exact-span scoring, the modifier convention, and the targets on
the real drug-seizure sentences (skipped where ../shared/data is absent)."""
import json

import pytest

from conftest import ROOT, SHARED, run_cli
from docmine.nlp.pipeline import spacy_mentions


def mentions(nlp, text):
    ms, _ = spacy_mentions(nlp(text))
    return {(m.text, m.label): m.attrs.get("role") for m in ms}


def has(nlp, text, span, label):
    return (span, label) in mentions(nlp, text)


# --- drug spans ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,span", [
    ("Customs officers seized 12 kg of pure cocaine at the port.", "pure cocaine"),
    ("Police found 3 kg of uncut heroin in the van.", "uncut heroin"),
    ("The courier carried 900 grams of 60 per cent pure heroin.", "60 per cent pure heroin"),
    ("Officers seized 2 kg of high purity cocaine.", "high purity cocaine"),
    ("Police found 2.5 kg of methamphetamine-type narcotics in the house.", "methamphetamine-type narcotics"),
    ("Agents recovered 300 grams of hashish drugs from the car.", "hashish drugs"),
    ("The lab held 20 kg of mephedrone (MC) in drums.", "mephedrone (MC)"),
    ("They destroyed 4 kg of cocaine base paste (PBC) on site.", "cocaine base paste (PBC)"),
    ("Detectives recovered 1 kg of amphetamine in powder from the garage.", "amphetamine in powder"),
])
def test_drug_span_takes_its_purity_form_and_gloss(nlp, text, span):
    assert has(nlp, text, span, "DRUG")


@pytest.mark.parametrize("text,span,not_span", [
    # a bracketed amount is not a gloss; "pure" alone is not a drug
    ("Police seized cocaine (2 kg) and cash.", "cocaine", "cocaine (2 kg)"),
    ("The water was pure and cold, and cocaine was found later.", "cocaine", "pure cocaine"),
    # "narcotic drugs" names the legal category, not a seized item
    ("The law covers narcotic drugs, and police seized heroin.", "heroin", "narcotic drugs"),
])
def test_drug_span_negative_cases(nlp, text, span, not_span):
    found = mentions(nlp, text)
    assert (span, "DRUG") in found and (not_span, "DRUG") not in found


@pytest.mark.parametrize("text,span", [
    ("Officers seized 4 kg of a mixture of paracetamol and caffeine.", "mixture of paracetamol and caffeine"),
    ("They found 300 grams of a heroin and fentanyl mix in the flat.", "heroin and fentanyl mix"),
    ("Police seized 2 kg of speed/amphetamine at the border.", "speed/amphetamine"),
    ("Police seized 400 g of cannabis-skunk in the loft.", "cannabis-skunk"),
])
def test_mixtures_and_pairs_are_one_mention(nlp, text, span):
    assert has(nlp, text, span, "DRUG")


def test_drugs_listed_with_and_stay_separate(nlp):
    found = mentions(nlp, "The gang sold cocaine and heroin to local users.")
    assert ("cocaine", "DRUG") in found and ("heroin", "DRUG") in found


@pytest.mark.parametrize("text,span", [
    ("Police seized 87 synthetic pills at the checkpoint.", "synthetic pills"),
    ("The raid found a large amount of prescription drugs.", "prescription drugs"),
    ("The parcel held 934 grams of cannabinoids.", "cannabinoids"),
    ("They seized 10 g of methylephedrone and 5 g of mephedrone.", "methylephedrone"),
])
def test_unspecified_pills_and_added_substances(nlp, lexicon, text, span):
    assert has(nlp, text, span, "DRUG")


def test_narcotic_pills_name_no_substance_and_are_no_drug(nlp):
    # the drug-seizure news corpus never marks them (0 of 8 in its training four fifths)
    found = mentions(nlp, "Customs found 1,200 narcotic tablets and 300 narcotic pills in a parcel.")
    assert not [k for k in found if k[1] == "DRUG"]


def test_drug_words_modifying_a_noun_are_modifiers(nlp):
    found = mentions(nlp, "A cocaine courier led police to a heroin factory.")
    assert found[("cocaine", "DRUG")] == "modifier"
    assert found[("heroin", "DRUG")] == "modifier"
    assert mentions(nlp, "The courier carried cocaine.")[("cocaine", "DRUG")] == "substance"


# --- places -------------------------------------------------------------------------------
def test_possessive_and_noun_modifier_places_are_modifiers(nlp):
    found = mentions(nlp, "Mexico's shipping routes carry cocaine, a Belfast man told police.")
    assert found[("Mexico", "PLACE")] == "modifier"
    assert found[("Belfast", "PLACE")] == "modifier"
    found = mentions(nlp, "Officers seized heroin in Mexico and cocaine in Belfast.")
    assert found[("Mexico", "PLACE")] is None and found[("Belfast", "PLACE")] is None


def test_designator_heads_make_a_place(nlp):
    text = "ANF Peshawar arrested a man resident of Swabi at Peshawar International Airport with hashish."
    found = mentions(nlp, text)
    assert ("Peshawar International Airport", "PLACE") in found
    assert ("Swabi", "PLACE") in found
    assert ("ANF Peshawar", "ORG") in found


def test_designator_before_the_name(nlp):
    found = mentions(nlp, "The raid took place in district Okara and Tehsil Depalpur.")
    assert ("district Okara", "PLACE") in found and ("Tehsil Depalpur", "PLACE") in found


def test_locative_preposition_needs_a_facility_or_a_known_place(nlp):
    assert has(nlp, "The suspect was stopped near Kolra Chowk with heroin.", "Kolra Chowk", "PLACE")
    assert not has(nlp, "She works at Google in London.", "Google", "PLACE")


def test_joined_adjectives_before_border_are_one_place_and_two_countries_are_two(nlp):
    # the project's guidelines mark "[Hairatan]-[Termez] bridge"; adjectives have no place of their own
    found = mentions(nlp, "Drugs crossed the India-Pakistan border and the German-Dutch border near Venlo.")
    assert ("India", "PLACE") in found and ("Pakistan", "PLACE") in found
    assert ("German-Dutch border", "PLACE") in found
    assert ("Pakistan border", "PLACE") not in found and ("India-Pakistan border", "PLACE") not in found


def test_hyphenated_name_before_a_designator(nlp):
    assert has(nlp, "The seizure happened in the Nizhny-Tagil district of the region.", "Nizhny-Tagil district",
               "PLACE")


def test_a_one_word_place_that_speaks_is_a_person(nlp):
    found = mentions(nlp, '"We seized 400 kg," Ramirez explained.')
    assert ("Ramirez", "PERSON") in found and ("Ramirez", "PLACE") not in found
    # a known place that "said" something stays a place (a government speaking)
    assert has(nlp, "Colombia said the shipment left from Buenaventura.", "Colombia", "PLACE")


def test_capitalised_function_word_splits_a_model_entity(nlp):
    found = mentions(nlp, "Two bombs were defused in Münster After the evacuation police searched the area.")
    assert not any("After" in t for t, _ in found)


# --- docmine evaluate ---------------------------------------------------------------------
def _gold_line(text, ents):
    out = []
    for span, label in ents:
        start = text.index(span)
        out.append({"start": start, "end": start + len(span), "label": label})
    return json.dumps({"text": text, "entities": out})


@pytest.mark.slow
def test_evaluate_scores_exact_spans(tmp_path):
    gold = tmp_path / "gold.jsonl"
    lines = [
        _gold_line("Police seized 20 kg of heroin in Izmir.",
                   [("heroin", "DRUG"), ("Izmir", "PLACE"), ("20 kg", "QUANTITY")]),
        # the gold wants the whole "crystal methamphetamine"; a shorter span would be wrong
        _gold_line("Agents found crystal methamphetamine in Manila.",
                   [("crystal methamphetamine", "DRUG"), ("Manila", "PLACE")]),
        # a deliberately wrong gold span: docmine cannot score it, so precision and recall drop
        _gold_line("Customs seized cocaine in Antwerp.", [("Customs seized", "DRUG"), ("Antwerp", "PLACE")]),
    ]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = run_cli("evaluate", gold, "--errors", "10").stdout
    rows = {ln.split()[0]: [float(x) for x in ln.split()[1:4]] for ln in out.splitlines()
            if ln.strip().split()[:1] in (["DRUG"], ["PLACE"], ["QUANTITY"])}
    assert rows["PLACE"] == [1.0, 1.0, 1.0]
    # DRUG: 2 of 3 gold found, 1 extra prediction ("cocaine")
    assert rows["DRUG"] == [0.667, 0.667, 0.667]
    # with the source that produced it
    assert "FN DRUG     'Customs seized'" in out and "FP[lexicon" in out and "DRUG     'cocaine'" in out


def test_evaluate_compares_canonical_entities_not_spellings(tmp_path):
    # the real-document gold names the entity "United States Department of Justice"; docmine's
    # lexicon calls it "U.S. Department of Justice": the same entity, a canonical hit
    text = "The Justice Department charged him in Texas."
    start = text.index("Justice Department")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"text": text, "entities": [
        {"start": start, "end": start + len("Justice Department"), "label": "ORG",
         "canonical": "United States Department of Justice"},
        {"start": text.index("Texas"), "end": text.index("Texas") + 5, "label": "PLACE"}]}) + "\n",
        encoding="utf-8")
    out = run_cli("evaluate", gold).stdout
    org = next(ln.split() for ln in out.splitlines() if ln.split()[:1] == ["ORG"])
    assert float(org[3]) == 1.0 and float(org[5]) == 1.0  # f1, canonical_f1


@pytest.mark.slow
def test_evaluate_modifier_convention(tmp_path):
    """.spacy seizure gold leaves modifiers out by default; --modifiers include counts them."""
    import spacy
    from spacy.tokens import DocBin

    blank = spacy.blank("en")
    db = DocBin()
    doc = blank("Heroin trafficking grew as police seized heroin in Izmir.")
    doc.ents = [doc.char_span(doc.text.index("heroin in"), doc.text.index("heroin in") + 6, label="DRUG"),
                doc.char_span(doc.text.index("Izmir"), doc.text.index("Izmir") + 5, label="GPE")]
    db.add(doc)
    path = tmp_path / "gold.spacy"
    db.to_disk(path)
    auto = run_cli("evaluate", path).stdout
    include = run_cli("evaluate", path, "--modifiers", "include").stdout
    legacy = run_cli("evaluate", path, "--drug-modifiers", "include").stdout
    drug = lambda out: next([float(x) for x in ln.split()[1:4]]  # noqa: E731
                            for ln in out.splitlines() if ln.strip().startswith("DRUG"))
    assert drug(auto) == [1.0, 1.0, 1.0]
    assert drug(include)[0] == 0.5  # "Heroin" (modifier) now counts as a false positive
    assert drug(legacy) == drug(include)


@pytest.mark.slow
def test_press_release_gold_meets_person_and_org_targets():
    from docmine.evaluate import evaluate

    df = evaluate(str(ROOT / "benchmarks" / "gold" / "press_releases.jsonl"))
    f1 = df.set_index("label")["f1"]
    assert f1["PERSON"] >= 0.95 and f1["ORG"] >= 0.85


SEIZURE = SHARED / "data" / "drug-seizure-ner" / "train.spacy"


@pytest.mark.slow
@pytest.mark.skipif(not SEIZURE.exists(), reason="../shared/data/drug-seizure-ner is not present")
def test_seizure_news_meets_drug_place_and_quantity_targets():
    from docmine.evaluate import evaluate

    f1 = evaluate(str(SEIZURE)).set_index("label")["f1"]
    assert f1["DRUG"] >= 0.90 and f1["PLACE"] >= 0.75 and f1["QUANTITY"] >= 0.80


# --- datelines and postal abbreviations -----------------------------------------------------
@pytest.mark.parametrize("text,place", [
    ("REGINA -- Saskatchewan RCMP seized cannabis and cash.", "REGINA"),
    ("BERLIN - German customs officials found cocaine in a container.", "BERLIN"),
    ("MARQUETTE, MICHIGAN — Three men were sentenced for trafficking heroin.", "MARQUETTE"),
])
def test_upper_case_dateline_is_a_place(nlp, text, place):
    assert has(nlp, text, place, "PLACE")


@pytest.mark.parametrize("text,word", [
    ("BREAKING - Police seize two tonnes of cocaine in Rotterdam.", "BREAKING"),
    ("UNODC - the agency published its annual report.", "UNODC"),
    ("Police said the REGINA shipment was cocaine.", "REGINA"),  # not at the start of a line
])
def test_dateline_rule_negative_cases(nlp, text, word):
    assert not has(nlp, text, word, "PLACE")


def test_postal_abbreviation_after_a_town(nlp, lexicon):
    text = "Cocaine was found at a gas station in Ashern, Man., on Friday, and in Tucson, Ariz."
    found = mentions(nlp, text)
    assert ("Man.", "PLACE") in found and ("Ariz.", "PLACE") in found and ("Ashern", "PLACE") in found
    assert lexicon.canonical("PLACE", "Ariz.") == "Arizona"
    # on its own an abbreviation is an ordinary word
    assert not has(nlp, "Man. City fans were searched at the gate.", "Man.", "PLACE")


def test_place_in_a_possessive_place_is_one_place(nlp):
    found = mentions(nlp, "Police found 4 kg of heroin in Chiang Rai's Mae Ai district on Monday.")
    assert ("Chiang Rai's Mae Ai district", "PLACE") in found
    # a possessive before anything else stays a separate (modifier) place
    assert mentions(nlp, "Chiang Rai's police seized heroin.").get(("Chiang Rai", "PLACE")) == "modifier"


@pytest.mark.parametrize("text,org", [
    ("Officers of the Ministry of Internal Affairs of Russia detained two men with heroin.",
     "Ministry of Internal Affairs of Russia"),
    ("Kennebec County Sheriff's Office deputies seized 58 grams of fentanyl.", "Kennebec County Sheriff's Office"),
    # a national force's detachment is the place and the force ("Yorkton RCMP": test_recognition_stages.py)
    ("On Friday, Yorkton Police Service executed a search warrant.", "Yorkton Police Service"),
])
def test_agency_named_after_a_place_is_an_organisation(nlp, text, org):
    found = mentions(nlp, text)
    assert (org, "ORG") in found, found


def test_place_after_of_stays_a_place_when_no_agency_precedes(nlp):
    found = mentions(nlp, "Most of the heroin seized in the north of Russia came by rail.")
    assert ("Russia", "PLACE") in found


# --- quantities -----------------------------------------------------------------------------
def test_gross_weight_is_a_quantity(nlp):
    assert has(nlp, "He carried 74.3 gross grams of heroin.", "74.3 gross grams", "QUANTITY")


def test_a_bare_quantity_of_is_not_an_amount(nlp):
    found = mentions(nlp, "Police found a quantity of heroin and large quantities of cannabis.")
    assert not any(t.lower() == "a quantity" for t, _ in found)
    assert ("large quantities", "QUANTITY") in found


def test_amounts_counted_in_containers_words_and_halves(nlp):
    found = mentions(nlp, "Police found 14 small bags of heroin, 12 cases of methamphetamine, 285 thousand 412 "
                          "captagon pills and 5 and a half kilos of cocaine.")
    for amount in ("14 small bags", "12 cases", "285 thousand 412", "5 and a half kilos"):
        assert (amount, "QUANTITY") in found, found
    # a container with no drug after it, a vague amount of cash, a street block: no amounts
    found = mentions(nlp, "He had 51 cases pending and a large amount of cash at the 700 block of Main Street.")
    assert not [t for t, lab in found if lab == "QUANTITY"], found


def test_an_amount_wins_over_a_name_the_model_read_in_it(nlp):
    found = mentions(nlp, "The police found 41 gm of heroin and 4.7 gm of syabu, at 4 pm.")
    assert ("41 gm", "QUANTITY") in found and ("4.7 gm", "QUANTITY") in found, found
    found = mentions(nlp, "Customs found 23 metric tons (25 US tons) of cocaine and 0.208kg (646) tablets of Rohypnol.")
    assert ("23 metric tons (25 US tons)", "QUANTITY") in found and ("0.208kg (646) tablets", "QUANTITY") in found
    found = mentions(nlp, "Smugglers moved tens of tons of cocaine and industrial quantities of methamphetamine.")
    assert ("tens of tons", "QUANTITY") in found and ("industrial quantities", "QUANTITY") in found, found


def test_a_container_counted_with_a_before_a_drug_and_a_list_without_units(nlp):
    found = mentions(nlp, "Officers found one sachet of crystal methamphetamine, six of cocaine and four of ecstasy,"
                          " and a bundle of heroin.")
    for amount in ("one sachet", "six", "four", "a bundle"):
        assert (amount, "QUANTITY") in found, found
    found = mentions(nlp, "They found a large bag of suspected cocaine. Gardai seized €15,000 of amphetamine.")
    assert not [t for t, lab in found if lab == "QUANTITY"], found


def test_a_colon_ends_a_model_entity(nlp):
    found = mentions(nlp, "27 March 2025, Edirne, Türkiye: Customs enforcement teams found 96 kg of heroin.")
    assert ("Türkiye", "PLACE") in found
    assert not any(":" in t for t, _ in found)


# --- nationalities and generic state bodies -------------------------------------------------
def test_a_nationality_alone_is_not_an_organisation_or_a_place(nlp):
    found = mentions(nlp, "Polish police arrested two Sri Lankan nationals. The Dutch said nothing.")
    assert not any(t in ("Polish", "Sri Lankan", "Dutch") for t, _ in found)
    assert has(nlp, "Officials in the UK agreed.", "UK", "PLACE")  # a country acronym before a verb
    # a country acronym before a head noun is the country, as a modifier
    assert mentions(nlp, "Drugs entered through U.S. ports of entry.")[("U.S.", "PLACE")] == "modifier"


def _canonicals(nlp, lexicon, text):
    from docmine.nlp.canonical import resolve_mentions

    ms, _ = spacy_mentions(nlp(text))
    return [(m.text, m.canonical) for m in resolve_mentions(text, ms, lexicon) if m.label == "ORG"]


def test_generic_state_body_takes_its_country(nlp, lexicon):
    c = _canonicals(nlp, lexicon, "Kyrgyzstan's Ministry of Internal Affairs seized 20 kg of heroin. "
                                  "The Ministry of Internal Affairs of Kyrgyzstan said so.")
    assert {canon for _, canon in c} == {"Ministry of Internal Affairs of Kyrgyzstan"}
    c = _canonicals(nlp, lexicon,
                    "The Haitian National Police arrested him. Later the National Police said it would act.")
    assert {canon for _, canon in c} == {"National Police of Haiti"}
    c = _canonicals(nlp, lexicon, "The Kyrgyz Ministry of Internal Affairs and the Ministry of Internal Affairs of the "
                                  "Kyrgyz Republic agreed.")
    assert {canon for _, canon in c} == {"Ministry of Internal Affairs of Kyrgyzstan"}
    # abbreviations with full stops are not sentence ends
    c = dict(_canonicals(nlp, lexicon, "St. Lucia's Police Force said so."))
    assert c["Police Force"] == "Police Force of Saint Lucia"


def test_generic_body_without_evidence_is_left_alone(nlp, lexicon):
    # two countries' police in one document: the bare "National Police" could be either
    c = dict(_canonicals(nlp, lexicon, "The Haitian National Police and the Chilean National Police met. "
                                       "The National Police said little."))
    assert c["National Police"] == "National Police"
    c = dict(_canonicals(nlp, lexicon, "The Ministry of Health said nothing."))
    assert c["Ministry of Health"] == "Ministry of Health"


def test_a_name_run_into_a_known_organisation_is_split(nlp):
    found = mentions(nlp, "Vermeulen and Ms. Sanne ter Horst of Europol will present the case.")
    assert ("Sanne ter Horst", "PERSON") in found and ("Europol", "ORG") in found
    # a body "of" a known organisation keeps its longer name
    assert has(nlp, "The Bank of America and UNODC signed.", "Bank of America", "ORG")


@pytest.mark.parametrize("text,canonical", [
    ("94 per cent pure heroin", "heroin"), ("amphetamine in crystals", "amphetamine"),
    ("methamphetamine-type narcotics", "methamphetamine"), ("cannabis-skunk", "cannabis"),
    ("speed/amphetamine", "amphetamine"), ("mixture of paracetamol and caffeine", "paracetamol + caffeine"),
    ("Mephedrone (MD)", "mephedrone"),
])
def test_extended_drug_spans_keep_their_drug_canonical(lexicon, text, canonical):
    assert lexicon.canonical("DRUG", text) == canonical


@pytest.mark.slow
def test_quantity_links_to_the_drug_canonical(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = ("Police seized 2 kg of 94 per cent pure heroin in Izmir on Monday, and 40 captagon pills in "
            "Helmand province.\n")
    (folder / "release.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "s.db"
    run_cli("ingest", folder, "--db", db, "--workers", "1")
    rows = [json.loads(ln) for ln in run_cli("export", "mentions", "--db", db, "--format", "jsonl").stdout.splitlines()]
    qty = next(r for r in rows if r["label"] == "QUANTITY")
    assert (qty["quantity_value"], qty["quantity_unit"], qty["quantity_drug"]) == (2.0, "kg", "heroin")
    # the phrase a place or drug was narrowed from, and the stage that made each mention
    helmand = next(r for r in rows if r["text"] == "Helmand")
    assert text[helmand["extent_start"]:helmand["extent_end"]] == "Helmand province"
    assert helmand["rule"] == "place.name" and next(r for r in rows if r["text"] == "Izmir")["extent_start"] is None


# --- regressions found in review --------------------------------------------------------------
def test_a_known_place_after_a_possessive_stays_its_own_place(nlp):
    found = mentions(nlp, "Police seized cocaine at Spain's Algeciras port and in Ecuador's Guayaquil.")
    assert ("Guayaquil", "PLACE") in found and ("Spain", "PLACE") in found


def test_a_known_agency_keeps_its_name_before_of_place(nlp, lexicon):
    found = mentions(nlp, "The National Crime Agency of the UK took part.")
    assert ("National Crime Agency", "ORG") in found and ("UK", "PLACE") in found
    assert has(nlp, "The Ministry of Internal Affairs of Russia reported the arrest.",
               "Ministry of Internal Affairs of Russia", "ORG")


@pytest.mark.parametrize("text,word", [
    ("WARNING - do not take unknown pills.", "WARNING"),
    ("KEY FINDINGS: cocaine markets grew.", "KEY FINDINGS"),
    ("DISCLAIMER: this is not advice.", "DISCLAIMER"),
])
def test_upper_case_labels_are_not_datelines(nlp, text, word):
    assert not has(nlp, text, word, "PLACE")


def test_dateline_with_an_agency_credit(nlp):
    assert has(nlp, "VAN (AA) - 25 kilos of heroin were seized.", "VAN", "PLACE")


@pytest.mark.parametrize("text,place", [
    ("Police in Swabi said the raid worked.", "Swabi"),
    ("Officers in Kohat told reporters about the seizure.", "Kohat"),
])
def test_a_town_before_a_speech_verb_stays_a_place(nlp, text, place):
    assert has(nlp, text, place, "PLACE")


def test_generic_body_country_never_crosses_a_sentence(nlp, lexicon):
    c = dict(_canonicals(nlp, lexicon,
                         "The cocaine was shipped from Colombia. National Police officers in Quito seized it."))
    assert c["National Police"] == "National Police"


def test_capitalised_the_after_of_stays_inside_a_name(nlp):
    assert has(nlp, "The Bank of The Philippine Islands reported the case.", "Bank of The Philippine Islands", "ORG")


def test_type_class_and_longest_form_phrase(nlp):
    found = mentions(nlp, "Police seized 3 kg of methamphetamine-type stimulants and 2 kg of heroin in powder form.")
    assert ("methamphetamine-type stimulants", "DRUG") in found and ("heroin in powder form", "DRUG") in found


def test_a_country_in_brackets_is_not_a_drug_gloss(nlp):
    found = mentions(nlp, "Cocaine (UK) seizures rose.")
    assert ("UK", "PLACE") in found and ("Cocaine (UK)", "DRUG") not in found


def test_a_name_before_of_a_known_organisation_becomes_a_person(nlp):
    found = mentions(nlp, "Horst of Europol presented the case.")
    assert ("Horst", "PERSON") in found and ("Europol", "ORG") in found


def test_postal_abbreviation_needs_the_dateline_position(nlp):
    assert not has(nlp, "Jones, Man. United fans were happy.", "Man.", "PLACE")


def test_an_office_for_a_region_is_one_organisation(nlp):
    found = mentions(nlp, "Mr. Batyr Geldiyev, Regional Office for South-Eastern Europe, attended.")
    assert ("Regional Office for South-Eastern Europe", "ORG") in found
    assert ("Regional Office", "ORG") not in found


@pytest.mark.parametrize("text,word", [
    ("KEY FINDINGS: cocaine markets grew.", "KEY"),
    ("THE END - nothing more was found.", "END"),
    ("Bags of cocaine were found at a gas station.", "Bags"),
])
def test_everyday_words_in_headings_or_before_of_are_not_entities(nlp, text, word):
    assert not any(t == word for t, _ in mentions(nlp, text))


def test_acronyms_and_names_survive_the_everyday_word_rule(nlp):
    found = mentions(nlp, "NATO helped the FBI. Mark Rose said so. Smith of Europol agreed.")
    assert ("NATO", "ORG") in found and ("FBI", "ORG") in found and ("Mark Rose", "PERSON") in found


# --- regressions found in the second review ---------------------------------------------------
def test_postal_abbreviation_before_a_new_sentence(nlp):
    assert has(nlp, "The arrests took place in Tucson, Ariz. Officers seized 20 kg of cocaine.", "Ariz.", "PLACE")


def test_upper_case_headline_keeps_its_places(nlp):
    found = mentions(nlp, "JORDAN, GEORGIA AND TURKEY SEIZE CAPTAGON")
    assert ("TURKEY", "PLACE") in found and ("JORDAN", "PLACE") in found


def test_a_surname_before_of_the_stays_a_person(nlp):
    assert has(nlp, "Rice of the State Department said sanctions would follow.", "Rice", "PERSON")


def test_for_a_place_possessive_is_not_part_of_a_body(nlp):
    found = mentions(nlp, "The DEA thanked the Federal Police for Brazil's cooperation.")
    assert ("Federal Police", "ORG") in found and not any(t.startswith("Federal Police for") for t, _ in found)


def test_a_title_before_of_a_known_organisation_is_not_a_person(nlp):
    assert not has(nlp, "A Spokesperson of Europol said the case was closed.", "Spokesperson", "PERSON")


@pytest.mark.parametrize("text,word", [
    ("MEDIA: Jane Doe, 202-555-0100", "MEDIA"),
    ("EXHIBIT (A) - the seized items.", "EXHIBIT"),
])
def test_heading_words_that_are_also_towns_are_not_datelines(nlp, text, word):
    assert not has(nlp, text, word, "PLACE")


def test_country_acronym_before_people_is_a_modifier(nlp):
    found = mentions(nlp, "The US soldiers and EU ministers agreed.")
    assert found[("US", "PLACE")] == "modifier" and ("EU", "PLACE") not in found


def test_a_known_agency_resolves_its_bare_body(nlp, lexicon):
    c = _canonicals(nlp, lexicon, "The Bulgarian Customs Agency seized heroin. The Customs Agency said so.")
    assert {canon for _, canon in c} == {lexicon.canonical("ORG", "Bulgarian Customs Agency")}


def test_an_office_named_for_a_region_the_model_cut_short(nlp):
    found = mentions(nlp, "The UNODC Regional Office for Southeast Asia and the Pacific launched the report.")
    assert ("UNODC Regional Office for Southeast Asia and the Pacific", "ORG") in found
    # a place after a body without "for/of" stays a place
    assert has(nlp, "The Ministry of Interior and Asia and the Pacific countries met.", "Asia and the Pacific", "PLACE")


# --- organisations from the lexicon ---------------------------------------------------------
@pytest.mark.parametrize("text,org", [
    ("Funds went to the Bureau of Alcohol, Tobacco, Firearms, and Explosives to hire agents.",
     "Bureau of Alcohol, Tobacco, Firearms, and Explosives"),
    ("The Budget hires 1,300 additional Border Patrol agents.", "Border Patrol"),
    ("Head of the Federal Commission for the Protection Against Sanitary Risks spoke.",
     "Federal Commission for the Protection Against Sanitary Risks"),
    ("The countries joined the Global Coalition to Address Synthetic Drug Threats last year.",
     "Global Coalition to Address Synthetic Drug Threats"),
])
def test_agencies_and_bodies_named_in_full_are_one_organisation(nlp, text, org):
    found = mentions(nlp, text)
    assert (org, "ORG") in found, found


def test_case_sensitive_organisation_alias(nlp, lexicon):
    # "Border Patrol" is the agency; "border patrol" is what any guard does
    assert "Border Patrol" in lexicon.org_case_sensitive
    assert lexicon.orgs.get("border patrol") is None
    found = mentions(nlp, "Soldiers on border patrol found nothing near the river.")
    assert not any(label == "ORG" and "border patrol" in t for t, label in found), found


def _model_spans(nlp, text, ents):
    """docmine's cleaning of model entities given as (text, label), without the model's own choice."""
    from docmine.nlp.rules.base import Trace

    with nlp.select_pipes(disable=["ner", "docmine_domain", "docmine_quantities"]):
        doc = nlp(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label))
    doc.ents = spans
    return {(sp.text, sp.label_) for sp in nlp.get_pipe("docmine_domain").model.spans(doc, [], Trace())}


@pytest.mark.parametrize("text,org", [
    ("The band was sponsored by MTV2 during the tour.", "MTV2"),
    ("Clients include AT&T and several banks.", "AT&T"),
    ("He was a member of One Nation at the time.", "One Nation"),
    ("Fans of Sub-Zero gathered.", "Sub-Zero"),
    ("When the A-League began in 2005 the club joined.", "A-League"),
    ("He represented the Ratepayers' Association in 1992.", "Ratepayers' Association"),
    ("It was founded by Nicholson's Limited in 1931.", "Nicholson's Limited"),
    ("The Centennial Convention Hall is in Hayward.", "Centennial Convention Hall"),
])
def test_model_organisations_written_with_digits_numbers_or_possessives_are_kept(nlp, text, org):
    assert (org, "ORG") in _model_spans(nlp, text, [(org, "ORG")])


@pytest.mark.parametrize("text,ent,kept", [
    ("They seized 50kg at the port.", "50kg", set()),
    ("Parties to the 1988 Convention met.", "1988 Convention", set()),
    ("Parties to the Single Convention on Narcotic Drugs met.", "Single Convention on Narcotic Drugs", set()),
    ("Through the United Nations' Commission on Narcotic Drugs, states agreed.",
     "United Nations' Commission on Narcotic Drugs",
     {("United Nations", "ORG"), ("Commission on Narcotic Drugs", "ORG")}),
    ("The UNODC's Regional Office opened.", "UNODC's Regional Office", {("UNODC", "ORG"), ("Regional Office", "ORG")}),
    ("As seen in Hydra.27 and elsewhere.", "Hydra.27", set()),
])
def test_digits_numbers_and_possessives_negative_cases(nlp, text, ent, kept):
    assert _model_spans(nlp, text, [(ent, "ORG")]) == kept


@pytest.mark.parametrize("text,ent,expected", [
    ("The Budget hires 300 Border Patrol Agents this year.", "Border Patrol Agents", {("Border Patrol", "ORG")}),
    ("He met the Public Safety Canada Counsellor at the embassy.", "Public Safety Canada Counsellor",
     {("Public Safety Canada", "ORG")}),
    ("She met officials at the Foreign Ministry Roberto Velasco and others.", "Foreign Ministry Roberto Velasco",
     {("Foreign Ministry", "ORG"), ("Roberto Velasco", "PERSON")}),
])
def test_an_organisation_run_into_a_title_or_a_name_ends_there(nlp, text, ent, expected):
    assert _model_spans(nlp, text, [(ent, "ORG")]) == expected


@pytest.mark.parametrize("text,ent", [
    ("Officers of Police Scotland seized cannabis.", "Police Scotland"),  # a place, not a name
    ("The Ministry of Internal Affairs reported.", "Ministry of Internal Affairs"),
    ("Shares of Bank Mandiri rose.", "Bank Mandiri"),  # one word after the head: kept
])
def test_title_tail_negative_cases(nlp, text, ent):
    assert _model_spans(nlp, text, [(ent, "ORG")]) == {(ent, "ORG")}


def test_a_unit_of_a_named_body_is_the_body_and_no_title_splits_it(nlp):
    """GUIDELINES.md's internal units: only the parent named inside a unit is annotated (this case was a
    negative case of the title split above, the whole unit kept, before data release 2026.12.24)."""
    ent = "National Crime Agency Investigations Unit"
    assert _model_spans(nlp, "The National Crime Agency Investigations Unit acted.", [(ent, "ORG")]) \
        == {("National Crime Agency", "ORG")}
