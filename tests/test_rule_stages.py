"""Each rule stage of ``docmine_domain`` (one module per family under docmine.nlp.rules) on real
sentences through the real pipeline: a positive case checks the stage named in
``span._.docmine_rule``, a negative case that the stage does not fire. Plus the typed settings
read from rules.toml: an unknown key is an error naming the key and the file."""
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from docmine.nlp.rules import RULE_NAMES
from docmine.nlp.settings import RuleSettings, RulesFileError, load_rule_settings

MODELS = ROOT / "src" / "docmine" / "models"


def ents(nlp, text):
    """{(text, label): (rule, source, role)} of the domain component's mentions."""
    return {(e.text, e.label_): (e._.docmine_rule, e._.docmine_source, e._.docmine_role)
            for e in nlp(text).ents if e.label_ != "QUANTITY"}


def rules(nlp, text):
    return {k: v[0] for k, v in ents(nlp, text).items()}


# -- every mention names its stage ---------------------------------------------------------------

def test_every_mention_has_a_known_rule_and_source(nlp):
    text = ("ANF Peshawar arrested an accused namely Ziarat Khan resident of Swabi at Peshawar International "
            "Airport and recovered 1.9 Kg Xanax Tablets. Police seized 20 kg of heroin in Izmir, UNODC said.")
    found = ents(nlp, text)
    assert found
    for (surface, _label), (rule, source, _) in found.items():
        assert rule in RULE_NAMES, (surface, rule)
        assert source in ("lexicon", "model"), (surface, source)


# -- lexicon matching (rules/lexicon_match.py) -------------------------------------------------

def test_lexicon_matches_drugs_organisations_and_places(nlp):
    found = ents(nlp, "Police seized 20 kg of heroin in Izmir, UNODC said.")
    assert found[("heroin", "DRUG")][:2] == ("lexicon.drug", "lexicon")
    assert found[("Izmir", "PLACE")][:2] == ("lexicon.place", "lexicon")
    assert found[("UNODC", "ORG")][:2] == ("lexicon.org", "lexicon")


def test_gazetteer_adds_a_place_the_lexicon_lacks(nlp):
    found = rules(nlp, "ANF Peshawar arrested an accused namely Ziarat Khan resident of Swabi at Peshawar "
                       "International Airport.")
    assert found[("Swabi", "PLACE")] == "lexicon.gazetteer"


def test_a_city_s_other_name_or_a_company_s_name_is_no_gazetteer_place(nlp):
    """GeoNames knows "Waterman" and "Bourse" only as alternate names of Barstow and a Paris
    district, unlike their own: they make no model ORG a place. A city's own name that the text
    shows as a company ("Sycamore shares") is no place either; other spellings of a city's name
    ("Madina" for Medina) and cities the model read as ORGs still are ("at Beslan")."""
    from docmine.nlp.gazetteer import place_names

    names = place_names()
    assert (names["Waterman"], names["Bourse"]) == ("alias", "alias")
    assert (names["Escondido"], names["Madina"]) == ("city", "city")
    found = rules(nlp, "PEN MAKER WATERMAN AGREES TO SALE\n\nThe family that controls the French pen maker "
                       "Waterman agreed to sell a majority stake to Gillette, the company said on Tuesday. "
                       "Gillette will pay 700 francs for each of the Waterman shares it buys and has promised to "
                       "support the price on the Bourse until the end of April.")
    assert not [k for k in found if k[1] == "PLACE"], found
    assert ("Sycamore", "PLACE") not in rules(nlp, "Sycamore shares rose 5 pct after Sycamore said it would "
                                                   "sell its 111 stores in Indiana and Ohio.")
    found = rules(nlp, "Relatives gathered at Beslan to remember the victims of the school siege. Tom Reyes, "
                       "who runs a small winery in Escondido, said sales rose by a third.")
    assert found[("Beslan", "PLACE")] == found[("Escondido", "PLACE")] == "lexicon.gazetteer"


def test_the_span_filter_makes_no_place_of_a_city_s_other_name(nlp):
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate

    text = "Gillette said Waterman shares rose 4 pct on the Bourse after the announcement."
    [(_, mentions, _)] = annotate(nlp, [Document(path="x", sha256="", format="txt", text=text)])
    labels = {m.text: m.label for m in mentions}
    assert labels.get("Bourse") != "PLACE" and labels.get("Waterman") != "PLACE", labels


def test_lexicon_place_is_not_a_gazetteer_place_and_routes_are_blocked(nlp):
    assert rules(nlp, "Police seized 20 kg of heroin in Izmir.")[("Izmir", "PLACE")] == "lexicon.place"
    found = rules(nlp, "Traffickers use the Balkan route to move heroin.")
    assert not any("Balkan" in t for t, _ in found)


def test_cached_lexicon_patterns_are_the_tokenizer_s_patterns(nlp, tmp_path, monkeypatch):
    """The lexicon's PhraseMatcher patterns come from a cache of token strings, not from tokenizing
    every name at each load: they must be exactly what the tokenizer gives, on the first call
    (cache written), on the second (cache read) and after the cache file is damaged."""
    from docmine.nlp.rules.lexicon_match import pattern_keys

    monkeypatch.setenv("DOCMINE_CACHE", str(tmp_path))
    texts = ["Sinaloa Cartel", "U.S. Drug Enforcement Administration", "Côte d'Ivoire", "N.Y.", "ecstasy",
             "crystal meth", "3,4-MDMA", ""]
    want = {attr: [[getattr(t, attr.lower()) for t in nlp.tokenizer(x)] for x in texts] for attr in ("LOWER", "ORTH")}
    for attr in ("LOWER", "ORTH"):
        assert pattern_keys(nlp, texts, attr) == want[attr]
        assert pattern_keys(nlp, texts, attr) == want[attr]
    files = sorted(tmp_path.glob("patterns-*.json"))
    assert len(files) == 2  # one per attribute
    files[0].write_text("[]", encoding="utf-8")
    assert {tuple(map(tuple, pattern_keys(nlp, texts, a))) for a in ("LOWER", "ORTH")} == {
        tuple(map(tuple, want[a])) for a in ("LOWER", "ORTH")}
    with pytest.raises(ValueError, match="LOWER or ORTH"):
        pattern_keys(nlp, texts, "NORM")
    # another tokenizer, or the same one with other rules, has its own cache entry
    import spacy
    from spacy.util import compile_infix_regex

    blank = spacy.blank("en")
    pattern_keys(blank, ["U.S.-Mexico"])
    blank.tokenizer.infix_finditer = compile_infix_regex([r"(?<=[A-Z]\.)-(?=[A-Z])"]).finditer
    assert pattern_keys(blank, ["U.S.-Mexico"]) == [[t.lower for t in blank.tokenizer("U.S.-Mexico")]]
    assert len(list(tmp_path.glob("patterns-*.json"))) == 4


def test_every_lexicon_pattern_is_cached_as_the_tokenizer_splits_it(nlp):
    """All the lexicons' names: the cached patterns equal the tokenizer's (a spaCy upgrade or a data
    change that the cache key missed would show here)."""
    from docmine.nlp.rules.lexicon_match import pattern_keys

    lex = nlp.get_pipe("docmine_domain").lex
    texts = sorted(set(lex.drugs) | lex.surfaces["ORG"] | lex.surfaces["PLACE"] | set(lex.routes))
    assert len(texts) > 3000
    assert pattern_keys(nlp, texts) == [[t.lower for t in nlp.tokenizer(x)] for x in texts]
    assert rules(nlp, "Police seized 20 kg of heroin in Izmir.")[("heroin", "DRUG")] == "lexicon.drug"


# -- drugs (rules/drugs.py) -----------------------------------------------------------------------

def test_ambiguous_term_with_local_evidence_is_a_drug(nlp):
    found = ents(nlp, "Police seized 2 kg of ice in Perth on Monday.")
    assert found[("ice", "DRUG")] == ("drug.context", "lexicon", "substance")
    # a cue word right after it, as a headline writes it; not where the sentence is about fuel
    assert ("coke", "DRUG") in rules(nlp, "US tipoff led to huge coke haul")
    assert ("coke", "DRUG") not in rules(nlp, "The steel plant received a coke haul by rail.")


def test_ambiguous_term_without_evidence_is_no_drug(nlp):
    assert not [k for k in rules(nlp, "The ice on the lake melted during the winter storm.") if k[1] == "DRUG"]


def test_drug_forms_and_mixtures_extend_the_span(nlp):
    found = rules(nlp, "NDLEA commanders in Kano also reported the seizure of 1.8 million tramadol tablets.")
    assert found[("tramadol tablets", "DRUG")] == "drug.form"
    found = rules(nlp, "Officers found a mixture of paracetamol and caffeine in the car.")
    assert found[("mixture of paracetamol and caffeine", "DRUG")] == "drug.mixture"


def test_a_drug_without_form_words_stays_a_lexicon_match_and_may_be_a_modifier(nlp):
    found = ents(nlp, "Heroin trafficking is rising in the region.")
    assert found[("Heroin", "DRUG")] == ("lexicon.drug", "lexicon", "modifier")


def test_a_quoted_drug_name_keeps_its_quotes_and_its_canonical(nlp, lexicon):
    found = rules(nlp, 'Customs officers found 3 kg of "ecstasy" and 2 kg of ‘ice’ in the lorry.')
    assert found[('"ecstasy"', "DRUG")] == "drug.form"
    assert found[("‘ice’", "DRUG")] == "drug.form"
    assert lexicon.canonical("DRUG", '"ecstasy"') == lexicon.canonical("DRUG", "ecstasy")
    # a quotation that only starts at the drug is not taken in
    found = rules(nlp, 'He said "heroin is everywhere" in the port.')
    assert ("heroin", "DRUG") in found
    # nor are the quotes around a name of two words
    assert ("synthetic marijuana", "DRUG") in rules(nlp, 'Police seized 3 kg of "synthetic marijuana" in the van.')


def test_counted_packages_belong_to_the_drug(nlp):
    found = rules(nlp, "The officers counted 40 cocaine packages and 900 ecstasy grains in the boat.")
    assert found[("cocaine packages", "DRUG")] == "drug.form"
    assert found[("ecstasy grains", "DRUG")] == "drug.form"
    found = rules(nlp, "Agents seized 12 wraps of cocaine-like substance in the flat.")
    assert found[("cocaine-like substance", "DRUG")] == "drug.form"


def test_a_capitalised_unknown_word_before_tablets_is_a_medicine(nlp, lexicon):
    found = rules(nlp, "Officers recovered 820 Zolfex Tablets and 10 cartons of Mix Tablets from the truck.")
    assert found[("Zolfex Tablets", "DRUG")] == "drug.brand"
    assert lexicon.canonical("DRUG", "Zolfex Tablets") == "zolfex"
    assert not [k for k in found if k[0].startswith("Mix")]
    # a known place is no medicine, nor is a title-case headline
    assert ("Kabul Tablets", "DRUG") not in rules(nlp, "Police seized 300 Kabul Tablets at the border.")
    assert ("Zolfex Tablets", "DRUG") not in rules(nlp, "Police Seize Zolfex Tablets In Raid")


def test_a_drug_word_inside_a_project_or_plan_name_is_no_drug(nlp):
    found = rules(nlp, "She presented new figures from the Balkan Heroin Monitoring Project in Vienna.")
    assert not [k for k in found if k[1] == "DRUG"]
    found = rules(nlp, "The two ministers signed the Cocaine Action Plan last year.")
    assert not [k for k in found if k[1] == "DRUG"]
    # an ordinary sentence, and a headline in title case, keep their drugs
    assert ("cocaine", "DRUG") in rules(nlp, "Police seized cocaine and Plan B pills in the raid.")
    assert ("Heroin", "DRUG") in rules(nlp, "Police Seize Heroin In Joint Operation")


def test_substance_parts_follow_the_project_guidelines(nlp):
    drugs = nlp.get_pipe("docmine_domain").drugs

    def parts(text, surface):
        i = text.index(surface)
        return [text[s:e] for s, e in drugs.substance_parts(text, i, i + len(surface))]

    assert parts("seized 9 million captagon pills", "captagon pills") == ["captagon"]
    assert parts("600 litres of codeine syrup", "codeine syrup") == ["codeine"]
    assert parts("58 kilograms of liquid cocaine", "liquid cocaine") == ["cocaine"]
    assert parts("94 per cent pure heroin", "94 per cent pure heroin") == ["heroin"]
    assert parts("5 kg of methamphetamine-type narcotics", "methamphetamine-type narcotics") == ["methamphetamine"]
    assert parts("12 wraps of cocaine-like substance", "cocaine-like substance") == ["cocaine"]
    assert parts("820 Zolfex Tablets were found", "Zolfex Tablets") == ["Zolfex"]
    assert parts('3 kg of "ecstasy"', '"ecstasy"') == ["ecstasy"]
    assert parts("New Psychoactive Substances (NPS) are sold", "New Psychoactive Substances (NPS)") == [
        "New Psychoactive Substances", "NPS"]
    assert parts("MDMA tablets (“ecstasy”) are sold", "MDMA tablets (“ecstasy”)") == ["MDMA", "ecstasy"]
    # fixed form terms stay whole
    for term in ("crack cocaine", "cannabis resin", "crystal methamphetamine", "cocaine base"):
        assert parts(f"2 kg of {term} were found", term) == [term]


def test_a_drug_is_stored_as_its_substance_with_its_phrase_as_extent(nlp):
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate

    text = "Police seized 9 million captagon pills and 30 kilograms of liquid cocaine in the port."
    doc = Document(path="a.txt", sha256="a", format="txt", text=text)
    _, mentions, _ = next(annotate(nlp, [doc]))
    drugs = {m.text: m for m in mentions if m.label == "DRUG"}
    assert set(drugs) == {"captagon", "cocaine"}
    assert text[slice(*drugs["captagon"].extent)] == "captagon pills"
    assert text[slice(*drugs["cocaine"].extent)] == "liquid cocaine"
    assert drugs["captagon"].canonical == "captagon"
    amounts = [m for m in mentions if m.label == "QUANTITY"]
    # the phrase still tells the unit and links the amount: "9 million captagon pills"
    assert any(q.attrs.get("unit") == "tablets" and q.attrs.get("drug") == "captagon" for q in amounts)
    assert any(q.attrs.get("drug") == "cocaine" for q in amounts)


def test_evaluate_scores_the_substance_or_on_request_the_phrase(nlp, tmp_path):
    import json

    from docmine.evaluate import evaluate

    text = "Police seized 9 million captagon pills in the port."
    i = text.index("captagon")
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": text, "entities": [
        {"start": i, "end": i + len("captagon"), "label": "DRUG"}]}) + "\n")
    df = evaluate(str(gold), nlp=nlp).set_index("label")  # the default (auto): the substance, as stored
    assert df.loc["DRUG", "f1"] == 1.0
    df = evaluate(str(gold), nlp=nlp, drug_substance=False).set_index("label")  # the phrase, as seizure gold
    assert df.loc["DRUG", "f1"] == 0.0


# -- places (rules/places.py) -----------------------------------------------------------------------

def test_place_patterns(nlp):
    found = rules(nlp, "In Phrae, police stopped a car for a search at Nangfa checkpoint in Song district.")
    assert found[("Song district", "PLACE")] == "place.designator"
    assert found[("Nangfa checkpoint", "PLACE")] == "place.facility"
    found = rules(nlp, "April 10, 2020, customs discovered five kilograms of amphetamine at the German-Dutch "
                       "border on Autobahn 280 near Bunde in a small van.")
    assert found[("German-Dutch border", "PLACE")] == "place.joined"
    assert found[("Autobahn 280", "PLACE")] == "place.road"


def test_datelines_and_postal_abbreviations(nlp):
    assert rules(nlp, "REGINA -- Saskatchewan RCMP seized cannabis and cash.")[("REGINA", "PLACE")] == "place.dateline"
    found = rules(nlp, "Cocaine was found at a gas station in Ashern, Man., on Friday, and in Tucson, Ariz.")
    assert found[("Ariz.", "PLACE")] == "place.postal" and found[("Man.", "PLACE")] == "place.postal"
    # the two-letter codes too, and a dateline before one ("TYLER, TX—"); not a word in a line in capitals
    found = rules(nlp, "Orlando, FL – A judge sentenced him. He was held in Boise, ID on Friday.")
    assert found[("FL", "PLACE")] == "place.postal" and found[("ID", "PLACE")] == "place.postal"
    found = rules(nlp, "TYLER, TX—U.S. Attorney John M. Bales announced the indictment.")
    assert found[("TYLER", "PLACE")] == "place.dateline"
    assert ("IN", "PLACE") not in rules(nlp, "POLICE SEIZED HEROIN, IN A RAID ON THE PORT.")


def test_no_dateline_inside_a_sentence(nlp):
    assert ("REGINA", "PLACE") not in rules(nlp, "Police said the REGINA shipment was cocaine.")


def test_place_extent_relabelling_and_possessives(nlp):
    found = rules(nlp, "Brigadier General Parviz Ghasemi of the Anti-Narcotics Police added that 34 officers had "
                       "died in clashes in Sistan and Baluchestan province.")
    assert found[("Sistan and Baluchestan province", "PLACE")] == "place.extent"
    assert ("Quebec Police", "ORG") in rules(nlp, "Quebec Police seized cocaine.")
    found = ents(nlp, "Quebec police seized cocaine.")  # a place, modifying a common noun
    assert found[("Quebec", "PLACE")][2] == "modifier" and ("Quebec police", "ORG") not in found
    # the longest of a place's body suffixes: "police department", not "police" alone
    found = rules(nlp, "It was comprised of agents of the U. S. Drug Enforcement Administration, the New York "
                       "City Police Department, Immigration and Customs Enforcement.")
    assert found[("New York City Police Department", "ORG")] == "place.org_suffix"
    # a court is a body, as every gold set here marks it (press releases, real documents, newswire,
    # and 7 of the seizure news' 9 courts)
    found = rules(nlp, "Jordan Whitfield, 41, of Essex was sentenced at Ipswich Crown Court on Friday.")
    assert ("Ipswich Crown Court", "ORG") in found and ("Ipswich Crown Court", "PLACE") not in found
    # a court named for a province the lexicon knows is the court too, not the province
    found = rules(nlp, "The Sindh High Court has upheld the life term handed to him.")
    assert found[("Sindh High Court", "ORG")] == "place.org_suffix" and ("Sindh", "PLACE") not in found
    found = rules(nlp, "The men appeared in Parramatta Local Court on Wednesday and did not apply for bail.")
    assert ("Parramatta Local Court", "ORG") in found
    found = rules(nlp, "Police searched a house in tambon Mai Khao of Thalang district.")
    assert found[("tambon Mai Khao", "PLACE")] == "place.designator_before"
    found = rules(nlp, "Chiang Rai's Doi Luang district is a transit point.")
    assert found[("Chiang Rai's Doi Luang district", "PLACE")] == "place.possessive"


def test_known_places_stay_apart_and_acronym_modifiers_are_modifiers(nlp):
    found = rules(nlp, "Cocaine was found in Spain's Algeciras port last week.")
    assert found[("Spain", "PLACE")] == "lexicon.place" and found[("Algeciras port", "PLACE")] == "lexicon.place"
    # a country acronym before a head noun is a mention of the country, in the role of a modifier
    # (real-document gold marks it; the seizure-news gold, scored without modifiers, does not)
    assert ents(nlp, "U.S. ports received the shipment.")[("U.S.", "PLACE")][2] == "modifier"
    assert ents(nlp, "It grew, according to U.S. court documents.")[("U.S.", "PLACE")][2] == "modifier"
    assert ents(nlp, "The UK took part in the operation.")[("UK", "PLACE")][2] != "modifier"


# -- organisations (rules/orgs.py) ------------------------------------------------------------------

def test_organisation_names_completed_from_parts(nlp):
    found = rules(nlp, "The Ministry of Internal Affairs of Russia reported the seizure.")
    assert found[("Ministry of Internal Affairs of Russia", "ORG")] == "org.of_place"
    found = rules(nlp, "The UNODC Regional Office for Southeast Asia and the Pacific launched the report.")
    assert found[("UNODC Regional Office for Southeast Asia and the Pacific", "ORG")] == "org.ends_in_place"
    found = rules(nlp, "ANF Peshawar arrested an accused namely Ziarat Khan resident of Swabi at Peshawar "
                       "International Airport.")
    assert found[("ANF Peshawar", "ORG")] == "org.agency_unit"


def test_no_organisation_from_a_portfolio_platform_or_unit_word(nlp):
    found = rules(nlp, "The Commissioner thanked the Federal Police for Brazil's cooperation.")
    assert found[("Federal Police", "ORG")] != "org.of_place" and ("Brazil", "PLACE") in found
    found = rules(nlp, "Europol deployed two analysts and exchanged over 400 messages through its SIENA platform.")
    assert ("SIENA", "ORG") not in found
    found = rules(nlp, "The UNODC Country Office in Pakistan hosted the meeting.")  # the model's span is cut
    assert found[("UNODC", "ORG")] == "lexicon.org" and not [k for k in found if "Country" in k[0]]


# -- persons (rules/persons.py) ------------------------------------------------------------------------

def test_person_titles_extent_speakers_and_names_before_an_organisation(nlp):
    found = rules(nlp, "Sergeant Manuel Silva, 38, was arrested in Seville, Spain in June 2019.")
    assert found[("Manuel Silva", "PERSON")] == "person.title"
    found = rules(nlp, "Police arrested Pedro Albuquerque Matos in Lisbon.")
    assert found[("Pedro Albuquerque Matos", "PERSON")] == "person.extent"
    found = rules(nlp, '"We are concerned," Trujillo explained to reporters.')
    assert found[("Trujillo", "PERSON")] == "person.speaker"
    found = rules(nlp, "Horst of Europol presented the case.")
    assert found[("Horst", "PERSON")] == "person.name_of_org" and found[("Europol", "ORG")] == "lexicon.org"


def test_a_full_name_does_not_absorb_the_next_full_name_of_a_list(nlp):
    found = rules(nlp, "Associate Team 1 : Coach : Ben Markey Mary John , Russell Dyk , Webb Jennings")
    assert ("Ben Markey", "PERSON") in found and ("Mary John", "PERSON") in found
    assert not [k for k in found if k[0] == "Ben Markey Mary John"]
    # a name cut short still grows by a word the model left out
    assert rules(nlp, "Police arrested Pedro Albuquerque Matos in Lisbon.")[("Pedro Albuquerque Matos", "PERSON")] \
        == "person.extent"


def test_a_name_the_model_read_as_two_full_names_is_one_person(nlp):
    # DOJ release: the model gave "Néstor Isidro" and "Pérez Salas" (two surnames, no first name)
    found = rules(nlp, 'The Justice Department announced it. Néstor Isidro Pérez Salas, known as "El Nini," '
                       'headed security for the sons of Joaquín "El Chapo" Guzmán.')
    assert found[("Néstor Isidro Pérez Salas", "PERSON")] == "person.extent"
    assert ("Pérez Salas", "PERSON") not in found


def test_a_first_name_that_opens_the_sentence_joins_the_name(nlp):
    # the model left "Néstor" out; a sentence's first word joins only when it is a first name
    found = rules(nlp, "Néstor Isidro Pérez Salas headed security.")
    assert found[("Néstor Isidro Pérez Salas", "PERSON")] == "person.extent"
    assert not [k for k in rules(nlp, "Yesterday Isidro Pérez Salas headed security.") if "Yesterday" in k[0]]
    # after a credit's dash a word opens a sentence too, and a nationality is no first name
    found = rules(nlp, "NEW YORK (Reuters) - Businessman Sam Katz tried to tap into the fund a decade ago.")
    assert ("Sam Katz", "PERSON") in found and not [k for k in found if "Businessman" in k[0]]
    found = rules(nlp, "A US hostage being held with Briton Ken Bigley has been killed by his captors.")
    assert ("Ken Bigley", "PERSON") in found and not [k for k in found if "Briton" in k[0]]


def test_a_common_word_split_off_a_model_person_is_no_person(nlp):
    found = rules(nlp, "Eduardo Tellechea - Associate , Milson Mundim - Associate Alternates : Heather Johnson")
    assert ("Eduardo Tellechea", "PERSON") in found and ("Milson Mundim", "PERSON") in found
    assert ("Associate", "PERSON") not in found
    found = rules(nlp, "Vince Vince - Thanks for the message regarding a possible interview.")
    assert ("Thanks", "PERSON") not in found


def test_a_lower_case_name_stands_only_where_the_writer_capitalises_nothing(nlp):
    text = ("i am going out tonight if anyone is interested . jill allen finishes her cpa today and "
            "she is going to party .")
    assert rules(nlp, text)[("jill allen", "PERSON")] == "model.ner"
    # in a capitalised sentence a lower-case "name" is no name; an amount is never one
    assert ("jill allen", "PERSON") not in rules(nlp, "Police said jill allen was arrested in Lisbon.")
    found = rules(nlp, "kilos 310 grams of bonzai, 7 kilos of 984 grams of marijuana were seized.")
    assert not [k for k in found if k[1] == "PERSON"]


def test_a_spaced_dash_after_a_name_particle_does_not_split_the_name(nlp):
    found = rules(nlp, "Radical Shiite cleric Muqtada al - Sadr said the attack was criminal .")
    assert ("Muqtada al - Sadr", "PERSON") in found and ("Sadr", "PERSON") not in found
    # a dash between blanks after any other word still ends the name (a headline runs on)
    found = rules(nlp, "Portugal - The Brazilian Federal Police seized cocaine.")
    assert ("Portugal", "PLACE") in found and not [k for k in found if k[0].startswith("Portugal -")]


def test_a_lone_common_word_split_off_a_model_org_is_no_organisation(nlp):
    found = rules(nlp, "Milepost 9.0 : Perley 's Mills - southbound spur with small flag stop . Milepost 10.5 : "
                       "Ingall 's Road - southbound spur .")
    assert ("Mills", "ORG") not in found and ("Road", "ORG") not in found
    # pieces that are names stay: "KaVo / Gendex" is two companies
    found = rules(nlp, "Major clients include Sub-Zero , Herman Miller , KaVo / Gendex , SHURE and LifeFitness .")
    assert ("KaVo", "ORG") in found and ("Gendex", "ORG") in found


def test_no_person_from_a_common_word_or_a_place_after_a_preposition(nlp):
    assert not [k for k in rules(nlp, "Bags of cocaine were found in the truck.") if k[1] == "PERSON"]
    found = rules(nlp, "Police in Swabi said the men were arrested.")
    assert ("Swabi", "PERSON") not in found and found[("Swabi", "PLACE")] != "person.speaker"


# -- the model's own entities (rules/model_spans.py) -----------------------------------------------------

def test_model_entities_as_they_stand_or_trimmed(nlp):
    found = ents(nlp, "Maria Santos met the delegation in Lisbon.")
    assert found[("Maria Santos", "PERSON")][:2] == ("model.ner", "model")
    found = rules(nlp, "The meeting was funded by the European Union and the Government of Germany.")
    assert found[("Government of Germany", "ORG")] == "org.clean"  # the model's "the Government of Germany"


def test_model_entity_that_is_a_common_word_is_dropped(nlp):
    # the model reads "Bags" as a PERSON; the cleaning stage drops it
    ner = nlp.get_pipe("ner")
    assert [(e.text, e.label_) for e in ner(nlp.make_doc("Bags of cocaine were found in the truck.")).ents] \
        == [("Bags", "PERSON")]
    assert ("Bags", "PERSON") not in rules(nlp, "Bags of cocaine were found in the truck.")


# -- merges (rules/merges.py) -------------------------------------------------------------------------------

def test_bracketed_glosses_merge(nlp):
    assert rules(nlp, "Police seized Amphetamine (Ice) in Bangkok.")[("Amphetamine (Ice)", "DRUG")] == "drug.gloss"
    assert rules(nlp, "The shipment was seized in Dammam (KSA) on Monday.")[("Dammam (KSA)", "PLACE")] == "place.gloss"


def test_a_bracketed_amount_is_no_gloss(nlp):
    found = rules(nlp, "Police seized heroin (20 kg) in Bangkok.")
    assert found[("heroin", "DRUG")] == "lexicon.drug"
    assert not [k for k in found if "(" in k[0]]


# -- typed settings (docmine/nlp/settings.py) ----------------------------------------------------------------

def test_every_key_in_rules_toml_is_declared():
    settings = load_rule_settings(MODELS)
    assert settings.version and settings.person.titles and settings.place.gazetteer is True
    assert settings.drug.merge_parenthesised is True


def test_a_missing_key_takes_its_default():
    settings = RuleSettings.from_dict({"version": "x", "person": {"titles": ["mr"]}})
    assert settings.person.titles == ("mr",) and settings.person.particles == ()
    assert settings.org.not_org_heads == () and settings.drug.merge_parenthesised is False
    assert settings.place.gazetteer is False


def test_a_value_of_the_wrong_type_is_an_error():
    with pytest.raises(RulesFileError, match=r"\[drug\] merge_parenthesised must be true or false"):
        RuleSettings.from_dict({"drug": {"merge_parenthesised": "yes"}}, source="x/rules.toml")
    with pytest.raises(RulesFileError, match=r"\[person\] titles must be a list of strings"):
        RuleSettings.from_dict({"person": {"titles": "mr"}}, source="x/rules.toml")


def test_an_unknown_key_in_rules_toml_is_a_clear_error(tmp_path, monkeypatch):
    copy = tmp_path / "models"
    shutil.copytree(MODELS, copy)
    rules_toml = copy / "rules.toml"
    text = rules_toml.read_text(encoding="utf-8")
    rules_toml.write_text(text.replace("[person]\n", "[person]\ntitels = [\"mr\"]\n", 1), encoding="utf-8")
    monkeypatch.setenv("DOCMINE_MODELS", str(copy))
    from docmine.nlp.pipeline import load_nlp

    with pytest.raises(RulesFileError) as err:
        load_nlp()
    msg = str(err.value)
    assert "'titels'" in msg and "[person]" in msg and str(rules_toml) in msg and "'titles'" in msg


def test_an_unknown_section_is_a_clear_error(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text('version = "1"\n[persons]\ntitles = ["mr"]\n', encoding="utf-8")
    with pytest.raises(RulesFileError, match=r"unknown key 'persons' at the top level \(did you mean 'person'\?\)"):
        RuleSettings.load(path)


def test_an_org_headed_by_an_event_or_instrument_word_before_its_preposition_is_no_organisation(nlp):
    # the head of "X Statement on Y" is "Statement": a title, whatever follows the preposition
    found = rules(nlp, "Director Carter delivered the National Statement on Behalf of the United States.")
    assert not [k for k in found if k[1] == "ORG" and "Statement" in k[0]]
    found = rules(nlp, "They signed the U.S.-Mexico Bicentennial Framework for Security, Public Health, "
                       "and Safe Communities.")
    assert not [k for k in found if k[1] == "ORG" and "Framework" in k[0]]
    # a body's head before the preposition stays an organisation
    found = rules(nlp, "She joined the Bank for International Settlements in Basel last year.")
    assert ("Bank for International Settlements", "ORG") in found
    # ... even when its last word, after the preposition, is an event's or a project's
    found = rules(nlp, "Funding came from the Institute for Crime Prevention Research Project.")
    assert ("Institute for Crime Prevention Research Project", "ORG") in found
    # a fund is as often a body as a sum of money ("World Monuments Fund", "International Monetary Fund")
    found = rules(nlp, "The grant to the World Monuments Fund (WMF) will support conservation work.")
    assert ("World Monuments Fund", "ORG") in found


def test_a_plural_body_word_names_a_kind_of_body_not_one_body(nlp):
    found = rules(nlp, "The President designated cartels as Foreign Terrorist Organizations and acted.")
    assert not [k for k in found if k[1] == "ORG" and "Organizations" in k[0]]
    found = rules(nlp, "He worked for the American Medical Association for ten years.")
    assert ("American Medical Association", "ORG") in found


def test_a_known_place_before_a_designator_word_is_a_place_not_a_person(nlp):
    found = rules(nlp, "In Manzanillo, Colima state, Mexico, for example, local groups demand payments.")
    # the model's person, or the gazetteer's place of a list after "In" with its designator
    assert (found.get(("Colima", "PLACE")) == "place.relabel" or ("Colima state", "PLACE") in found) \
        and ("Colima", "PERSON") not in found
    found = rules(nlp, "Trujillo said the state would act.")  # a person before a designator word elsewhere
    assert ("Trujillo", "PLACE") not in found


def test_a_post_named_after_a_title_and_of_is_no_organisation(nlp):
    found = rules(nlp, "Remarks by the Director of National Drug Control Policy on Tuesday.")
    assert not [k for k in found if k[1] == "ORG"]
    found = rules(nlp, "He was chairman of Lloyds Banking Group until 2009.")  # a body's word: the body
    assert ("Lloyds Banking Group", "ORG") in found


def test_a_plural_name_after_los_or_las_is_a_group_not_a_person(nlp):
    found = rules(nlp, "“In areas controlled by Los Rusos, the city is so heavily monitored that nobody talks.")
    assert ("Los Rusos", "ORG") in found and ("Los Rusos", "PERSON") not in found
    found = rules(nlp, "He flew to Las Vegas and then to Los Angeles.")
    assert ("Las Vegas", "PLACE") in found and ("Los Angeles", "PLACE") in found


def test_a_list_of_drugs_the_model_reads_as_an_organisation_is_drugs(nlp):
    # en_core_web_sm reads the capitalised list as one ORG; every word of it is a lexicon drug
    found = rules(nlp, "The seized items included Psilocybin (magic mushrooms), Fentanyl, Methylphenidate, "
                       "Buprenorphine, Dextroamphetamine and Adderall, all with a combined street value of $1 million.")
    for drug in ("Methylphenidate", "Buprenorphine", "Dextroamphetamine", "Adderall"):
        assert (drug, "DRUG") in found
    assert not [k for k in found if k[1] == "ORG"]
    # a drug word inside an agency's name is still no drug
    found = rules(nlp, "Agents of the Drug Enforcement Administration seized 4 kg of cocaine.")
    assert ("Drug Enforcement Administration", "ORG") in found


def test_an_ambiguous_street_name_after_an_article_is_no_drug(nlp):
    # "a blow", "an ice rink": a count noun; street names are mass nouns
    found = rules(nlp, "The seizure of 500 kilos of cocaine is a blow to the structure of the criminal organisation.")
    assert ("cocaine", "DRUG") in found
    assert ("blow", "DRUG") not in found
    assert ("blow", "DRUG") in rules(nlp, "He sold blow and heroin to students.")


def test_a_formula_is_no_name(nlp):
    found = rules(nlp, "A conditional term 𝐶𝑡 < 𝐶𝑡−1 is used to identify and ignore cases in which stock "
                       "levels fell, as shown by Smith.")
    assert not [k for k in found if "𝐶" in k[0]]


def test_currency_codes_file_formats_and_software_are_no_organisations(nlp):
    found = rules(nlp, "Prices were standardized in USD, based on day-rate conversion from BTC where available. "
                       "The use of the CSV file format for storage of parsed HTML became challenging.")
    assert not [k for k in found if k[1] == "ORG"]


def test_a_name_that_ends_in_a_currency_is_no_entity(nlp):
    """The model reads a currency written in capitals as an organisation ("Russian Rubles", "United
    States Dollars"); a name that only begins with a currency's word stays ("Euro Disney")."""
    found = rules(nlp, "Vendors listed prices in US dollars (USD), Euros (EUR) and Russian Rubles (RUB).\n\n"
                       "Normalizing currency in United States Dollars")
    assert not [k for k in found if "Rubles" in k[0] or "Dollars" in k[0] or k[0] == "Euros"]
    assert ("Euro Disney", "ORG") in rules(nlp, "Euro Disney reported a loss in Paris on Monday, the company said.")


def test_legal_designations_and_transcript_stage_directions_are_no_organisations(nlp):
    """Sanctions releases write designations and the classes of groups they name in capitals
    ("Specially Designated Global Terrorists (SDGTs)", "TCOs"); briefing transcripts mark
    "(Inaudible.)". None is a body; the cartel named beside them is."""
    found = rules(nlp, "The Secretary designated eight cartels as Foreign Terrorist Organizations (FTOs) and "
                       "Specially Designated Global Terrorists (SDGTs), including Tren de Aragua. These DTOs and "
                       "TCOs launder billions. (Inaudible.) This executive order establishes the council.")
    orgs = {k[0] for k in found if k[1] == "ORG"}
    assert orgs == {"Tren de Aragua"}


def test_an_org_named_for_an_agreement_process_or_schedule_is_no_organisation(nlp):
    found = rules(nlp, "We call on Congress to pass the Bipartisan Border Security Agreement. Ms. Sheffield "
                       "coordinates the Performance Management Process for the region.")
    assert not [k for k in found if k[1] == "ORG" and ("Agreement" in k[0] or "Process" in k[0])]


def test_the_name_of_a_building_before_its_kind_is_a_place(nlp):
    found = rules(nlp, "Officers searched the Berghain nightclub in Berlin.")
    assert found[("Berghain", "PLACE")] == "place.relabel"
    assert rules(nlp, "Drugs were sold at the Starlight motel near Tbilisi.")[("Starlight", "PLACE")] == "place.relabel"
    # a company before a common noun that is no building stays an organisation
    assert ("Pfizer", "ORG") in rules(nlp, "Police questioned the Pfizer executives in London.")


def test_a_name_before_a_base_border_or_station_is_a_place(nlp):
    """The facility head may follow "at" without an article ("at Lunga Lunga border") or after a kind
    word ("the Palmerola military base")."""
    found = rules(nlp, "Drugs worth 2 billion were seized at Lunga Lunga border in Kwale County.")
    assert found[("Lunga Lunga", "PLACE")] == "place.relabel"
    found = rules(nlp, "Cruz voluntarily surrendered at the Palmerola military base in Honduras on Monday.")
    assert found[("Palmerola", "PLACE")] == "place.relabel"
    # a body after "at" before a word that is no facility stays a body
    assert ("Google", "ORG") in rules(nlp, "He works at Google in London.")


def test_the_place_the_model_read_into_a_body_s_name_is_a_place(nlp):
    """The model read "the University of Illinois at Urbana-Champaign" as one ORG; split at "at",
    the part after it is the place."""
    found = rules(nlp, "He earned a PhD in physics from the University of Illinois at Urbana-Champaign and "
                       "worked for Boeing.")
    assert found[("University of Illinois", "ORG")] == "org.clean"
    assert found[("Urbana-Champaign", "PLACE")] == "place.relabel"


def test_a_known_place_in_a_list_of_places_is_a_place(nlp):
    """The model reads the last city of a list as a person ("Tbilisi, Batumi, and Kutaisi")."""
    found = rules(nlp, "Sales concentrate in Georgia's major cities of Tbilisi, Batumi, and Kutaisi. "
                       "This level of trade is substantial.")
    assert found[("Kutaisi", "PLACE")] == "place.relabel"
    assert ("Kutaisi", "PERSON") not in found
    # a surname that is also a town stays a person beside people
    assert ("Jackson", "PERSON") in rules(nlp, "Smith and Jones spoke to Jackson, Reuters reported.")
    # a company whose name ends in a country's is no place, nor the company listed beside it
    found = rules(nlp, "Air New Zealand and Qantas Airways have lost their bid to get their alliance approved.")
    assert ("Qantas Airways", "PLACE") not in found


def test_a_headline_verb_is_not_part_of_a_name(nlp):
    found = rules(nlp, "Remarks in Vienna\n\n*Director Carter Delivers the National Statement on Behalf of the "
                       "United States")
    assert ("Carter", "PERSON") in found and not [k for k in found if "Delivers" in k[0]]
    assert ("Blinken", "PERSON") in rules(nlp, "Secretary Blinken Announces New Sanctions\n\nThe sanctions "
                                               "target networks.")
    # the verb must be capitalised and the name keeps its own words
    assert ("Anna Delacroix", "PERSON") in rules(nlp, "Anna Delacroix delivers the keynote in Paris.")


def test_a_post_between_a_body_and_a_name_splits_them(nlp):
    found = rules(nlp, "President Biden was briefed by Secretary Blinken, Attorney General Garland, "
                       "and DEA Administrator Milgram.")
    assert ("DEA", "ORG") in found and found[("Milgram", "PERSON")] == "org.title_tail"
    assert not [k for k in found if "Administrator" in k[0]]
    # a body's own title word stays in its name
    assert ("Border Patrol", "ORG") in rules(nlp, "The Border Patrol Agents arrived at dawn.")


def test_only_a_person_has_a_junior(nlp):
    found = ents(nlp, "The court announced that Othon Marban, Sr., and Othon Marban, Jr., pleaded guilty.")
    # the suffix is part of the name: it tells father and son apart
    assert ("Othon Marban, Sr.", "PERSON") in found and ("Othon Marban, Jr.", "PERSON") in found
    assert not [k for k in found if k[1] != "PERSON"]


def test_an_executive_order_is_no_organisation(nlp):
    found = rules(nlp, "This new EO allows Treasury to act. The EO also authorizes sanctions.")
    assert not [k for k in found if k[0] == "EO"]


def test_a_one_word_name_after_a_title_is_a_person(nlp):
    found = rules(nlp, "President Biden was briefed by Sec. Mayorkas.")
    assert found[("Mayorkas", "PERSON")] == "person.clean"
    assert not [k for k in found if k[1] == "ORG"]
    # a known organisation after a title word stays an organisation
    assert ("Europol", "ORG") in rules(nlp, "Commissioner Europol declined to comment.")
    # "AUSAs" (Assistant U.S. Attorneys) is a title, not part of the name
    found = rules(nlp, "In prosecuting Fahie, AUSAs Gerarde and McLaughlin overcame a variety of challenges.")
    assert ("Gerarde", "PERSON") in found and not [k for k in found if "AUSA" in k[0]]


def test_the_anonymity_network_and_cryptocurrencies_are_no_names(nlp):
    assert rules(nlp, "Users may access the platform through Tor and pay in Bitcoin.") == {}


def test_an_ambiguous_street_name_without_drug_context_keeps_the_models_name(nlp):
    found = rules(nlp, "The title was theirs until the last challenge game , when the Crystals won 3-2 .")
    assert ("Crystals", "ORG") in found
    assert rules(nlp, "Police seized 3 kg of ice and Crystals in the raid.").get(("Crystals", "DRUG"))


def test_a_blocked_code_that_starts_a_longer_name_is_part_of_it(nlp):
    # "NOK" alone is a currency; the first word of a company's name is not
    found = rules(nlp, "In 2002 , Angelo launched NOK Entertainment to create a company that could market events .")
    assert ("NOK Entertainment", "ORG") in found
    assert ("Python Software Foundation", "ORG") in rules(nlp, "The Python Software Foundation said so.")
    assert rules(nlp, "Prices were listed in NOK and EUR 2.1 million was seized.") == {}


def test_a_capitalised_phrase_that_starts_with_a_verb_is_no_organisation(nlp):
    # fact-sheet headings and titles of orders: a verb and its object, read by the model as ORG
    found = rules(nlp, "Mexico's National Strategy to Prevent Addictions reached 25 million people.")
    assert ("Prevent Addictions", "ORG") not in found
    found = rules(nlp, "**Enables Access to Resources to Scale Border Enforcement.** The Budget funds it.")
    assert ("Enables Access", "ORG") not in found
    # bodies named after an activity keep their name: a noun ("Housing"), or the head itself
    found = rules(nlp, "The Housing Authority and the Training Centre opened in 2019.")
    assert ("Housing Authority", "ORG") in found


def test_a_verb_base_form_in_running_text_starts_a_name(nlp):
    # after a preposition or a verb the base form is a name's first word; after "to" and in a
    # heading it is a verb (the headings above stay dropped)
    found = rules(nlp, "Konami won a patent infringement suit against Amuse World in 2007.")
    assert ("Amuse World", "ORG") in found
    found = rules(nlp, "A Korean judge has ordered Amuse World to pay Konami damages.")
    assert ("Amuse World", "ORG") in found
    heading = "Prevent Addictions\nThe strategy reached 25 million people."
    assert ("Prevent Addictions", "ORG") not in rules(nlp, heading)


def test_verb_forms_from_the_dictionary():
    from docmine.nlp.gazetteer import verb_form, word_classes

    classes = word_classes()
    assert all(verb_form(w, classes) for w in ("Prevent", "Enables", "Imposing", "Combating", "Resettle"))
    # nouns, past forms that name bodies, and -ing nouns are no verb forms
    assert not any(verb_form(w, classes) for w in ("Support", "United", "Housing", "Training", "Friends",
                                                   "Boeing", "Enforcement"))


def test_a_name_after_a_known_body_is_a_person_even_when_the_name_is_a_frequent_word(nlp):
    # "Phillips" is frequent (wordfreq folds case) but no dictionary word: a surname
    found = rules(nlp, "Deputy Assistant Secretary of INL Charisse Phillips attended the meeting.")
    assert found.get(("INL", "ORG")) and ("Charisse Phillips", "PERSON") in found


def test_a_model_org_shaped_like_a_name_is_a_person_only_with_evidence(nlp):
    # listed with a person: the model's ORG "Tiffany Eppelheimer" is a person
    found = rules(nlp, "The delegation included White House National Security Council Senior Directors "
                       "Juan González and Tiffany Eppelheimer.")
    assert found.get(("Tiffany Eppelheimer", "PERSON")) == "person.given_name"
    # a company named after a person, with no title and no person beside it, keeps its label
    found = rules(nlp, "Shares of Calvin Klein fell while Ralph Lauren rose on Tuesday.")
    assert "person.given_name" not in found.values()


def test_the_given_names_list_ships_without_places_or_everyday_words():
    from docmine.nlp.lexicon import given_names

    names = given_names()
    assert len(names) > 10_000 and {"Tiffany", "Juan", "Rosa", "Ivan", "Mehmet"} <= names
    assert not {"Paris", "Georgia", "Will", "May", "Grant"} & names
    # the commonest English first names are dictionary words too ("john", "mark"); months, virtues
    # and surnames that are also first names stay out
    assert {"John", "Mary", "David", "Anne", "Ken", "Todd", "Mark", "Paul"} <= names
    assert not {"April", "June", "Grace", "Hope", "Jackson", "Carter", "Christian"} & names


def test_the_given_names_list_rebuilds_as_shipped():
    pytest.importorskip("faker")
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_given_names.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_a_legal_citation_is_no_organisation_and_a_name_ends_before_a_conjunction(nlp):
    found = rules(nlp, "Such articles have the status defined in 19 CFR 146.41. Such articles will be taxed.")
    assert ("CFR", "ORG") not in found
    found = rules(nlp, "Investigators identified eight separate Drug Trafficking or Money Laundering "
                       "Organizations and disrupted them.")
    assert not [k for k in found if k[1] == "ORG" and k[0].endswith(" or")]


def test_plural_posts_teams_and_task_forces_are_kinds_of_body(nlp):
    found = rules(nlp, "Operation Southbound has deployed nine interagency Firearms Trafficking Task Forces "
                       "to eight cities along the border.")
    assert not [k for k in found if k[1] == "ORG" and k[0].endswith("Task Forces")]
    found = rules(nlp, "The Organized Crime Drug Enforcement Task Force coordinated 427 investigations.")
    assert [k for k in found if k[1] == "ORG" and k[0].endswith("Task Force")]


def test_overdose_reversal_medicines_are_drugs(nlp):
    found = rules(nlp, "My Administration expanded access to Naloxone, which can reverse overdoses; Narcan is "
                       "now sold over the counter.")
    assert ("Naloxone", "DRUG") in found and ("Naloxone", "ORG") not in found and ("Narcan", "DRUG") in found


def test_an_agency_acronym_before_a_noun_is_no_street_name_and_drug_words_in_names_are_no_drugs(nlp):
    found = rules(nlp, "The budget supports 34,000 ICE immigration detention beds.")
    assert ("ICE", "DRUG") not in found
    found = rules(nlp, "Police seized 2 kg of ICE and 3 kg of heroin.")  # the street name, with an amount
    assert ("ICE", "DRUG") in found
    found = rules(nlp, "It adds $18 million in Counter-Fentanyl Threat Targeting Teams at the DEA.")
    assert not [k for k in found if k[1] == "DRUG"]


def test_the_plural_of_a_hyphenated_drug_term_is_that_drug_and_a_schedule_is_no_person(nlp, lexicon):
    # lexicon.drug() replaced hyphens before trying the plural, so the listed
    # "fentanyl-related substance" never matched its plural
    assert lexicon.drug("fentanyl-related substances").canonical == "fentanyl analogue"
    found = rules(nlp, "This measure made all fentanyl-related substances Schedule I. Xylazine is in Schedule III.")
    assert ("fentanyl-related substances", "DRUG") in found
    assert not [k for k in found if "Schedule" in k[0]]


def test_two_countries_joined_before_border_are_two_places_and_a_country_government_is_the_country(nlp):
    # spaCy's tokenizer kept "U.S.-Mexico" as one token: neither country was found
    found = rules(nlp, "97% of seizures occur at the U.S.-Mexico border.")
    assert ("U.S.", "PLACE") in found and ("Mexico", "PLACE") in found
    found = rules(nlp, "Troops patrol the India-Pakistan border near Lahore.")
    assert ("India", "PLACE") in found and ("Pakistan", "PLACE") in found
    found = rules(nlp, "Police watch the German-Dutch border.")  # adjectives: one place
    assert found.get(("German-Dutch border", "PLACE")) == "place.joined"
    found = rules(nlp, "This order directs the U.S. Government to enhance its efforts.")
    assert ("U.S.", "PLACE") in found and not [k for k in found if k[1] == "ORG"]


def test_a_non_breaking_hyphen_splits_a_word_as_a_hyphen_does(nlp):
    """Word and HTML write U+2011 (and U+2010) for "-": "United States\u2011donated" was one token,
    and the model read "United States\u2011donated" as an ORG."""
    for hyphen in ("\u2011", "\u2010"):
        found = rules(nlp, f"For example, United States{hyphen}donated canines supported the seizure.")
        assert ("United States", "PLACE") in found and not [k for k in found if k[1] == "ORG"], found


def test_an_abbreviation_keeps_its_full_stop_when_a_hyphen_follows(nlp):
    assert [t.text for t in nlp.make_doc("U.S.-bound drugs")][:3] == ["U.S.", "-", "bound"]


def test_no_place_inside_the_name_of_a_framework_or_plan(nlp):
    found = rules(nlp, "The delegations reviewed progress made through existing bilateral mechanisms, including the "
                       "North American Drug Dialogue, the U.S.-Mexico Bicentennial Framework for Security, Public "
                       "Health, and Safe Communities, and the U.S.-Canada Opioid Action Plan.")
    assert not [k for k in found if k[1] == "PLACE"]
    found = rules(nlp, "Most seizures occur at the U.S.-Mexico border, officials said on Monday.")
    assert ("U.S.", "PLACE") in found and ("Mexico", "PLACE") in found
    # a summit or an agreement right after the place, a title the model read as one place, a possessive
    # inside the title
    for text in ("Seizures fell after the Woodside Summit between the two presidents.",
                 "Preferential treatment under the United States-Mexico-Canada Agreement (USMCA) continues.",
                 "The President committed to it during the North America Leaders’ Summit in January."):
        assert not [k for k in rules(nlp, text) if k[1] == "PLACE"], text
    # a country's government, or a country, owning the title stays a place
    found = rules(nlp, "The order will enhance the U.S. Government’s Threat Mitigation Working Group. Mexico’s "
                       "National Security Strategy names fentanyl.")
    assert ("U.S.", "PLACE") in found and ("Mexico", "PLACE") in found


def test_a_surname_after_a_post_of_a_body_is_the_person_holding_it(nlp):
    found = rules(nlp, "He met the Director of National Intelligence Haines and the Secretary of Homeland "
                       "Security Mayorkas.")
    assert found.get(("Haines", "PERSON")) == "org.title_tail" and ("Mayorkas", "PERSON") in found
    assert not [k for k in found if k[1] == "ORG"]
    found = rules(nlp, "He was the president of General Motors for ten years.")  # a body's word: the body
    assert not [k for k in found if k[1] == "PERSON"]


def test_a_known_name_that_holds_a_blocked_phrase_is_that_name(nlp):
    # "Wall Street" is blocked (the financial industry), which took "Wall Street Market" with it
    found = rules(nlp, "He sold pills on Dream Market and Wall Street Market. Wall Street forecasts fell.")
    assert found[("Wall Street Market", "ORG")] == "lexicon.org"
    assert not [t for t, _ in found if t == "Wall Street"]


def test_a_body_s_acronym_its_posts_and_a_name_the_model_read_as_one_org(nlp):
    # "AFP" is no lexicon name (Agence France-Presse or the Australian Federal Police); the posts
    # between it and the name say a person follows. "National" and "Senior" are no posts: they
    # start bodies' names ("White House National Security Council Senior Directors")
    found = rules(nlp, "AFP Detective Superintendent Morgan Rogers said the seizure had stopped about 500,000 "
                       "street deals.")
    assert found[("AFP", "ORG")] == "org.title_tail" and found[("Morgan Rogers", "PERSON")] == "org.title_tail"
    found = rules(nlp, "White House National Security Council Senior Directors Juan González and Tiffany "
                       "Eppelheimer met.")
    assert ("National Security Council", "ORG") in found and ("Security Council", "PERSON") not in found


def test_directions_coordinated_before_one_region_are_one_place(nlp):
    """"Eastern and South-Eastern Europe" is one region (the guidelines' fixed regions); the model read
    the first direction alone as an organisation or a place."""
    found = rules(nlp, "In Latin America the market grew, while in Eastern and South-Eastern Europe opioids dominate.")
    assert found[("Eastern and South-Eastern Europe", "PLACE")] == "place.coordinated_region"
    assert not [k for k in found if k[0] == "Eastern"]
    found = rules(nlp, "Prices fell in Northern, Southern and Western Europe last year.")
    assert ("Northern, Southern and Western Europe", "PLACE") in found
    # not when a direction with the name is no place ("West Asia"), nor inside a longer name
    found = rules(nlp, "Trafficking rose in West and Central Asia.")
    assert ("Central Asia", "PLACE") in found and ("West and Central Asia", "PLACE") not in found
    found = rules(nlp, "He met John West and Southern Africa officials.")
    assert ("John West", "PERSON") in found and ("Southern Africa", "PLACE") in found


def test_the_place_an_office_is_named_for_is_no_place_mention(nlp):
    """"UNODC Country Office in Türkiye" names an office (the guidelines); a lower-case office or
    headquarters in a city is a place."""
    found = rules(nlp, "She works at the UNODC Country Office in Pakistan. He leads the UNODC Regional Office for "
                       "West and Central Africa. She joined the UNODC Regional Office for the Middle East and North "
                       "Africa.")
    assert ("UNODC", "ORG") in found
    assert not [k for k in found if k[1] == "PLACE"]
    found = rules(nlp, "Officials at Europol headquarters in The Hague said the UNODC office in Vienna agreed.")
    assert ("Vienna", "PLACE") in found and [k for k in found if "Hague" in k[0] and k[1] == "PLACE"]


def test_a_body_named_after_a_place_the_model_cut_in_two_is_one_organisation(nlp):
    found = rules(nlp, "Officers of the Bosnia and Herzegovina State Border Service seized heroin. The Frankfurt am "
                       "Main Customs Investigation Office charged three men.")
    assert found[("Bosnia and Herzegovina State Border Service", "ORG")] == "org.starts_in_place"
    assert found[("Frankfurt am Main Customs Investigation Office", "ORG")] == "org.starts_in_place"
    # named for a post, the prosecutor's office is one body by the post rule, the place's particle inside
    found = rules(nlp, "The Frankfurt am Main Public Prosecutor's Office charged three men.")
    assert found[("Frankfurt am Main Public Prosecutor's Office", "ORG")] == "org.post_body"
    assert not [k for k in found if k[1] == "PLACE"]
    # the place on its own stays a place
    assert ("Bosnia and Herzegovina", "PLACE") in rules(nlp, "Police in Bosnia and Herzegovina seized heroin.")


def test_a_heading_line_is_neither_part_of_a_name_nor_a_one_word_organisation(nlp):
    """The model runs a heading's line break into its entity ("Office of the Spokesperson\\n\\n",
    "Sofia\\nTelephone"): the break is trimmed, and a one-word heading that is an everyday word
    ("Background") is no organisation."""
    doc = nlp("Office of the Spokesperson\n\nThe Department of the Treasury sanctioned six people.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("Office of the Spokesperson") == "ORG" and not [t for t in ents if "\n" in t]
    found = rules(nlp, "Background\n\nCartels move fentanyl across the border.")
    assert not [k for k in found if k[0].startswith("Background")]
    found = rules(nlp, "Contacts\n\nPress Office, Bulgarian Customs Agency, Sofia\nTelephone: +359 2 9859 4210")
    assert ("Sofia", "PLACE") in found and ("Bulgarian Customs Agency", "ORG") in found
    assert not [k for k in found if k[1] == "ORG" and ("Sofia" in k[0] or "Contacts" in k[0])]
    # a one-word heading that is a name stays
    assert ("Europol", "ORG") in rules(nlp, "Europol\n\nThe agency supported the operation.")


def test_a_hyphenated_first_name_is_whole(nlp):
    """The tokenizer splits "Rui-Siang" at its hyphen and the model may read only "Siang Lin"."""
    found = rules(nlp, "A vendor who sold counterfeit oxycodone pills on Incognito Market was sentenced to 87 months "
                       "in federal prison, according to the U.S. Attorney's Office for the Southern District of New "
                       "York. Rui-Siang Lin, who ran the market under the moniker \"Pharoah\", pleaded guilty in "
                       "December.")
    assert ("Rui-Siang Lin", "PERSON") in found and ("Siang Lin", "PERSON") not in found
    # a hyphen with blanks around it is no part of a name
    found = rules(nlp, "Officers met in Madrid - Carlos Ruiz said the cocaine came from Colombia.")
    assert not [k for k in found if k[1] == "PERSON" and "Madrid" in k[0]]


def test_crypto_exchanges_and_mixers_are_organisations(nlp):
    found = rules(nlp, "Investigators traced bitcoin payments through Binance and Coinbase accounts; funds passed "
                       "through Tornado Cash and Garantex.")
    assert {("Binance", "ORG"), ("Coinbase", "ORG"), ("Tornado Cash", "ORG"), ("Garantex", "ORG")} <= set(found)


def test_everyday_words_on_a_line_of_their_own_are_no_person(nlp):
    """A heading line ("Press Briefing"), or "Schedule I. However" run across a sentence end, read as
    a person: everyday words only, no first name, on a line of their own or with a word no name is.
    Names made of dictionary words stay ("Grace Khan", "Morris Broad")."""
    from spacy.tokens import Span

    persons = nlp.get_pipe("docmine_domain").persons

    def validate(text: str, start: int, end: int):
        doc = nlp.make_doc(text)
        span = Span(doc, start, end, label="PERSON")
        return persons.validate(span, [t.lower_ for t in span if t.is_alpha])

    assert validate("Press Briefing\n\n9:06 A.M. EST", 0, 2) is None
    assert validate("The drugs were placed in Schedule I. However, the agency objected.", 5, 8) is None
    assert validate("Grace Khan, a spokesperson, said the schedule held.", 0, 2) is not None
    assert validate("He met chairman Morris Broad on Monday.", 3, 5) is not None


def test_the_end_of_a_longer_name_is_no_organisation(nlp):
    """The model cut a name after "on" or "and" and kept its end: "Working Group on [Cyber Issues]",
    "Secretary of Security and [Citizen Protection]". A body after another ("Sony and Microsoft"),
    after a headline's verb ("Calls on Congress") or with a body's word stays."""
    from spacy.tokens import Span

    from docmine.nlp.rules.base import Trace

    orgs = nlp.get_pipe("docmine_domain").orgs

    def validate(text: str, name: str):
        doc = nlp.make_doc(text)
        start = next(t.i for t in doc if doc[t.i: t.i + len(name.split())].text == name)
        span = Span(doc, start, start + len(name.split()), label="ORG")
        doc.ents = [span]  # the model's reading: this name alone
        return orgs.validate(span, [t.lower_ for t in span if t.is_alpha], Trace())

    assert validate("In August, officials of the Working Group on Cyber Issues convened their first bilateral "
                    "dialogue.", "Cyber Issues") is None
    assert validate("Representing Mexico were the Secretary of Security and Citizen Protection and three other "
                    "ministers.", "Citizen Protection") is None
    assert validate("Executives of Sony and Microsoft Corporation met with their lawyers in Tokyo.",
                    "Microsoft Corporation") is not None
    assert validate("The President Calls on Homeland Security to Act", "Homeland Security") is not None
    assert validate("Officials from the Office of Policy and Drug Control Agency met their partners.",
                    "Drug Control Agency") is not None


def test_two_places_of_a_list_win_over_a_longer_place_inside_them(nlp):
    """"the Middle East and Southeast Asia": two places, not "East and Southeast Asia" (a lexicon
    place that starts inside "Middle East"); the longer place alone stays."""
    found = rules(nlp, "ATS are trafficked to markets in the Middle East and Southeast Asia. Trafficking in East "
                       "and Southeast Asia rose.")
    assert ("Middle East", "PLACE") in found and ("Southeast Asia", "PLACE") in found
    assert ("East and Southeast Asia", "PLACE") in found


def test_every_rule_a_stage_marks_is_a_known_rule_name():
    """RULE_NAMES lists every value of ``span._.docmine_rule``: a rule name written in a stage's
    code and missing from its module's RULES ("place.hyphen_pair" was) is caught here."""
    import glob
    import re

    import docmine.nlp.rules as rules_pkg

    folder = Path(rules_pkg.__file__).parent
    used = set()
    for path in [*glob.glob(str(folder / "*.py")), str(folder.parent / "components.py")]:
        used |= set(re.findall(r'"((?:org|place|person|drug|model|lexicon)\.[a-z_]+)"', Path(path).read_text()))
    assert used - set(RULE_NAMES) == set()
