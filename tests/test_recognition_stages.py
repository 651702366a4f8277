"""Each recognition stage on real sentences, with positive and negative cases: prose masking,
document-level resolution, the trained span filter, and gold that references shared documents."""
import json
import re

import pytest

from conftest import ROOT, SHARED
from docmine.extract.document import Document
from docmine.nlp.doc_resolution import resolve_document
from docmine.nlp.mention import Mention
from docmine.nlp.prose import mask_non_prose, non_prose_regions


def _mentions(nlp, text):
    from docmine.nlp.pipeline import annotate

    (_, ms, _), = annotate(nlp, [Document(path="t", sha256="", format="txt", text=text)])
    return ms


def _found(nlp, text):
    """(label, text) of every mention docmine makes in ``text``."""
    return {(m.label, m.text) for m in _mentions(nlp, text)}


def _kinds(text):
    return {(r.kind, text[r.start:r.end]) for r in non_prose_regions(text)}


# -- prose masking -----------------------------------------------------------------------------

def test_aka_with_slashes_is_prose_not_a_path():
    """"a/k/a" (also known as) is no file path: the alias after it must reach the recogniser."""
    assert not _kinds("Prosecutors charged John Doe, a/k/a “CoinLord,” today.")
    assert ("path", "docs/reports/wdr.pdf") in _kinds("See docs/reports/wdr.pdf for the tables.")


def test_front_matter_is_masked_and_offsets_are_kept():
    text = ("date: '2024-05-25' source_url: https://example.org/a/b tags: statements title: \"Statement "
            "from President Joe Biden\"\n\nToday, President Joe Biden spoke in Vienna.")
    masked = mask_non_prose(text)
    assert len(masked) == len(text)
    assert "Biden" not in masked.split("\n\n")[0]
    assert masked.split("\n\n")[1] == text.split("\n\n")[1]


def test_a_first_paragraph_with_a_colon_is_still_prose():
    text = "Vienna: police seized 20 kg of heroin on Monday, the ministry said.\n\nMore text."
    assert non_prose_regions(text) == []


def test_urls_link_targets_emails_and_markup_are_masked():
    text = ("Mexico [extradited](https://www.justice.gov/opa/pr/attorney-general-merrick-b-garland) "
            "him. Write to press@unodc.org or see www.unodc.org/wdr. **Washington, D.C.** – Today")
    kinds = {k for k, _ in _kinds(text)}
    assert {"link-target", "email", "url", "markup"} <= kinds
    masked = mask_non_prose(text)
    assert "garland" not in masked and "press@" not in masked and "**" not in masked
    assert "[extradited" in masked and "Washington, D.C." in masked


def test_reference_lists_contents_and_table_rows_are_masked():
    refs = "16 Aldridge and Décary-Hétu 2014; Soska and Christin 2015 17 M. J. Barratt and Aldridge 2016"
    toc = "Executive Summary ........................................ 7"
    row = "France 4.52 11 0.41 12.3"
    prose = "In 2019, Aldridge found that sales in Tbilisi and Batumi rose in 2020 and 2021 as the market grew."
    text = "\n\n".join([refs, toc, row, prose])
    kinds = {k for k, _ in _kinds(text)}
    assert kinds == {"references", "toc", "table"}
    assert mask_non_prose(text).endswith(prose)


def test_a_source_note_that_cites_is_masked_and_prose_or_a_credit_is_not():
    note = ("Source: EUDA and Europol (2024), EU Drug Markets Analysis: Key insights for policy and practice. "
            "Publications Office of the European Union, Luxembourg.")
    prose = "The source said Europol helped. Sources say 2 tonnes were seized in Algeciras."
    credit = "Source: press release issued by the Guardia Civil."  # a credit names a body: prose
    text = "\n\n".join([note, prose, credit])
    assert [k for k, _ in _kinds(text)] == ["references"]
    masked = mask_non_prose(text)
    assert not masked[:len(note)].strip() and masked.endswith(prose + "\n\n" + credit)


def test_a_citation_inside_prose_is_masked_and_a_year_after_a_name_in_prose_is_not():
    # the Georgia darknet report: footnotes run into the text ("35 Christin and Thomas 2019 36 For
    # example"), citations sit in sentences; the model made people and organisations of them
    text = ("Prices rose in the capital as the survey of users shows (Otiashvili et al. 2013; UNODC 2019a, "
            "p. 4). As in Soska and Christin (2015), we scraped the market. 35 Christin and Thomas 2019 "
            "36 For example, in the Christin and Thomas study the price of a gram fell.")
    assert _kinds(text) == {("citation", "(Otiashvili et al. 2013; UNODC 2019a, p. 4)"),
                            ("citation", "Soska and Christin (2015)"), ("citation", "Christin and Thomas 2019")}
    assert "Christin and Thomas study" in mask_non_prose(text)
    # a year after a name is prose outside parentheses without "et al." or two authors, and a month
    # is no author
    prose = ("Mexico in 2023 and Colombia 2019 figures were released in June 2023 (June 2023), and the "
             "leaders of Mexico and Canada met in 2024 in the city of Ottawa for a summit.")
    assert non_prose_regions(prose) == []


def test_html_tags_left_in_text_are_masked_and_angle_brackets_around_a_name_are_not():
    # AG News items carry feed markup: the model read "Sans Serif" of a font list as a person
    text = ('Tiger population grows, the agency said. <BR> <FONT face="verdana,MS Sans Serif,arial,helvetica" '
            'size="-2" color="#666666"><B>-The Washington Post</B></FONT>\n\n'
            "Ecolab said it would buy <Qintex America Ltd> and <BSL> shares.")
    assert {t for k, t in _kinds(text) if k == "html"} == {
        "<BR>", '<FONT face="verdana,MS Sans Serif,arial,helvetica" size="-2" color="#666666">', "<B>", "</B>",
        "</FONT>"}
    masked = mask_non_prose(text)
    assert "Sans Serif" not in masked and "-The Washington Post" in masked and "<Qintex America Ltd>" in masked


def test_no_entities_come_from_front_matter_or_references(nlp):
    text = ("date: '2023-12-19' tags: statements title: \"Drug Czar Sara Carter Leads U.S. Delegation\"\n\n"
            "Sara Carter met officials in Vienna.\n\n"
            "8 Ada Beselia, Kirtadze, and Otiashvili 2019 9 UNODC 2019b 10 Hillebrand, Olszewski, and Sedefov 2010")
    ms = _mentions(nlp, text)
    body = text.index("Sara Carter met")
    assert all(body <= m.start < text.index("8 Ada") for m in ms), [(m.text, m.start) for m in ms]
    assert {(m.label, m.text) for m in ms} >= {("PERSON", "Sara Carter"), ("PLACE", "Vienna")}


# -- document-level resolution ----------------------------------------------------------------

def test_nickname_in_quotes_and_surname_join_the_full_name(nlp):
    text = ('US authorities arrested Ismael "El Mayo" Zambada in Texas. Zambada was flown to El Paso. '
            "Later, El Mayo pleaded guilty.")
    ms = _mentions(nlp, text)
    people = {(m.text, m.canonical) for m in ms if m.label == "PERSON"}
    full = "Ismael Zambada García"  # models/people.toml knows him; the document alone gives "Ismael Zambada"
    assert ('Ismael "El Mayo" Zambada', full) in people
    assert ("Zambada", full) in people and ("El Mayo", full) in people
    assert not [m for m in ms if m.text == "Zambada" and m.label != "PERSON"]


def test_a_quoted_nickname_before_a_surname_is_one_person(nlp):
    """The guidelines put a nickname inside a name's span: "“El Chapo” Guzman" is one PERSON (the model
    read an ORG), named as the people lexicon names the nickname; a quoted title before an everyday
    word is not a person."""
    text = ("The cartel was formally led by “El Chapo” Guzman, who is now serving a life sentence. Last week the "
            "Sinaloa cartel founder, “El Mayo” Zambada, was arrested. He sang “Hotel California” Monday Night.")
    ms = _mentions(nlp, text)
    people = {(m.text, m.canonical) for m in ms if m.label == "PERSON"}
    assert ("El Chapo” Guzman", "Joaquín Guzmán Loera") in people
    assert ("El Mayo” Zambada", "Ismael Zambada García") in people
    assert not [m for m in ms if "Monday" in m.text or "Hotel" in m.text]


def test_a_nickname_in_straight_single_quotes_joins_the_name(nlp):
    """Wire copy writes "Joaquin 'El Chapo' Guzman" with typewriter quotes: one PERSON, and the surname
    the model then read as an ORG a hundred times ("Guzman, 56, faces ...") is that person; an apostrophe
    in a possessive or a contraction opens no nickname."""
    text = ("MEXICO CITY (AP) — A senior U.S. official said Joaquin 'El Chapo' Guzman was taken alive overnight in "
            "Mazatlan. Guzman, 56, faces multiple federal drug trafficking indictments in the U.S. Guzman's "
            "capture ended a long hunt. His partner Ismael 'El Mayo' Zambada wasn't there.")
    ms = _mentions(nlp, text)
    people = [m.text for m in ms if m.label == "PERSON"]
    assert "Joaquin 'El Chapo' Guzman" in people and "Ismael 'El Mayo' Zambada" in people
    assert people.count("Guzman") == 2 and not [m for m in ms if "Guzman" in m.text and m.label != "PERSON"]


def test_a_first_name_alone_is_a_person_and_an_everyday_word_on_the_first_name_list_is_not(nlp):
    text = ("MODERATOR: Next, we will go to Demetri with the FT. The sons in these indictments, Ovidio, Ivan, and "
            "Alfredo, are known as the Chapitos. Ovidio was previously arrested. Among the main factors, the Bank "
            "said bills matured. Media reports attributed the deaths to fentanyl.")
    people = {m.text for m in _mentions(nlp, text) if m.label == "PERSON"}
    assert {"Demetri", "Ovidio", "Ivan", "Alfredo"} <= people
    assert not people & {"Among", "Media", "Bank", "MODERATOR"}
    # a person is rarely "the Dow": a first name after an article is no person alone
    ms = _mentions(nlp, "Stocks fell on Monday, with the Dow dipping briefly below 10,000. Gina said the Dow fell.")
    assert [m.text for m in ms if m.label == "PERSON"] == ["Gina"]


def test_a_body_named_again_in_a_title_case_heading_is_an_organisation(nlp):
    """The model misses a body's full name in a title-case heading; the document names it in its
    text, so it is an ORG there too (rule ``org-again``). A two-word piece of a post ("Homeland
    Security" of "White House Homeland Security Advisor") and a name whose head is no body's word
    are not carried around."""
    text = ("Department of State Announces New Sanctions on Sinaloa Cartel Members\n\n"
            "WASHINGTON - The Department of State is designating two individuals today.")
    ms = _mentions(nlp, text)
    assert ("ORG", "Department of State", "org-again") in {(m.label, m.text, m.attrs.get("rule")) for m in ms}
    assert sum(m.text == "Department of State" and m.label == "ORG" for m in ms) == 2
    text = ("The delegation was led by White House Homeland Security Advisor Elizabeth Sherwood-Randall. "
            "The Homeland Security Advisor met the Mexican delegation. Homeland Security matters were discussed.")
    assert not [m for m in _mentions(nlp, text) if m.attrs.get("rule") == "org-again"]


def test_an_everyday_word_left_before_a_blocked_phrase_is_no_name(nlp):
    """A model entity cut short by a blocked phrase keeps its first part ("Ministry of Interior" before
    a report's title), but one everyday word left over is a heading's verb, not a name."""
    text = ("The delegations discussed migration, as well as human smuggling.\n\n**<u>Combating TCOs</u>**\n\n"
            "- The Attorney General announced new indictments.")
    assert not [m for m in _mentions(nlp, text) if "Combating" in m.text]


def test_a_name_with_a_known_bodys_acronym_is_no_person_and_lends_no_surname(nlp):
    """The model read a task force's name in an italic heading as a person ("Laredo DEA HIDTA"); its
    last word then became a "surname" that made every "HIDTA" of the document a PERSON. A name with
    an acronym the lexicon knows as a body ("DEA") is nobody's name."""
    text = ("**OVERDOSE REDUCTION**\n\n*South Texas HIDTA, Laredo DEA HIDTA Task Force*\n\nIn 2023, the DEA "
            "Laredo District Office created a HIDTA Overdose Task Force initiative. The HIDTA partners met monthly.")
    ms = _mentions(nlp, text)
    assert not [m for m in ms if m.label == "PERSON"]
    assert ("ORG", "DEA") in {(m.label, m.text) for m in ms}


def test_a_place_in_a_list_of_organisations_is_the_cartel_named_after_it(nlp):
    """"Tren de Aragua, MS-13, and Sinaloa": the list names groups, and the lexicon knows a Sinaloa
    Cartel (rule ``group-in-list``). The state named beside another place stays a place."""
    text = ("The order designates cartels, including Tren de Aragua, MS-13, and Sinaloa, as terrorist groups. "
            "A trafficking organisation such as Sinaloa or Jalisco New Generation Cartel controls the route. "
            "Police in Sinaloa and Sonora seized 40 kg.")
    found = [(m.label, m.text, m.canonical) for m in _mentions(nlp, text) if m.text == "Sinaloa"]
    assert found == [("ORG", "Sinaloa", "Sinaloa Cartel"), ("ORG", "Sinaloa", "Sinaloa Cartel"),
                     ("PLACE", "Sinaloa", "Sinaloa")]


def test_nickname_after_known_as(nlp):
    text = ("Today, Mexico extradited Nestor Isidro Perez Salaz, known as “El Nini,” to the United States. "
            "El Nini played a prominent role in the Sinaloa Cartel.")
    ms = _mentions(nlp, text)
    nini = [m for m in ms if m.text == "El Nini"]
    assert len(nini) == 2 and all(m.label == "PERSON" and m.canonical == "Nestor Isidro Perez Salaz" for m in nini)


def test_nickname_of_someone_nobody_lists_resolves_in_the_document(nlp):
    text = 'Police detained Marko "the Butcher" Petrovic in Belgrade. Petrovic denied the charges.'
    ms = _mentions(nlp, text)
    people = {(m.text, m.canonical) for m in ms if m.label == "PERSON"}
    assert ('Marko "the Butcher" Petrovic', "Marko Petrovic") not in people  # lower-case nickname: not matched
    text = 'Police detained Marko "Kobra" Petrovic in Belgrade. Later, Kobra denied the charges.'
    people = {(m.text, m.canonical) for m in _mentions(nlp, text) if m.label == "PERSON"}
    assert ("Kobra", "Marko Petrovic") in people


def test_a_spanish_nickname_in_lower_case_or_digits_stays_inside_the_name(nlp):
    # real release text: "target Erick “el 85” Valencia Salazar" gave a PLACE "Erick" and a PERSON
    # "Valencia Salazar"; the guidelines keep a nickname inside the name's span
    text = "The DEA targeted Erick “el 85” Valencia Salazar in August. Joaquín “el Chapo” Guzmán was extradited."
    people = {m.text: m.canonical for m in _mentions(nlp, text) if m.label == "PERSON"}
    assert people.get("Erick “el 85” Valencia Salazar") == "Erick Valencia Salazar"
    assert "Joaquín “el Chapo” Guzmán" in people
    assert not [m for m in _mentions(nlp, text) if m.text == "Erick"]


def test_a_nickname_name_drops_a_leading_title_and_keeps_a_three_word_surname(nlp):
    text = ("The United States secured the expulsion of Rafael Caro Quintero, Cartel de Noreste (CDN) Leader "
            "Juan “El Huevo” Gerardo Treviño Chávez, Cartel Jalisco Nueva Generación leaders.")
    ms = _mentions(nlp, text)
    people = {m.text for m in ms if m.label == "PERSON"}
    assert "Juan “El Huevo” Gerardo Treviño Chávez" in people
    assert not [p for p in people if p.startswith("Leader")]
    # the cartel's Spanish name without "de" is the lexicon's organisation, not a person
    assert ("Cartel Jalisco Nueva Generación", "ORG") in {(m.text, m.label) for m in ms}


def test_a_nickname_name_does_not_take_the_place_before_it(nlp):
    text = ("The Treasury designated the CJNG Plaza Boss in Colima Aldrin Miguel “El Chaparrito” Jarquín "
            "Jarquín, and the boss of Juan Carlos “El Toro” Ruiz Pérez.")
    people = {m.text: m.canonical for m in _mentions(nlp, text) if m.label == "PERSON"}
    assert people.get("Aldrin Miguel “El Chaparrito” Jarquín Jarquín") == "Aldrin Miguel Jarquín Jarquín"
    assert not [p for p in people if p.startswith("Colima")]
    # after a preposition, a first word that is a given name stays part of the name
    assert "Juan Carlos “El Toro” Ruiz Pérez" in people


def test_a_generational_suffix_after_a_comma_is_part_of_the_name(nlp):
    text = "Prosecutors said that Othon Marban, Sr., and Othon Marban, Jr., pleaded guilty in Atlanta."
    people = [m.text for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert people == ["Othon Marban, Sr.", "Othon Marban, Jr."]
    # a comma and a lower-case word is no suffix
    assert not [m for m in _mentions(nlp, "Prosecutors said that Othon Marban, sr. of Atlanta, pleaded guilty.")
                if m.text.endswith("sr.")]


def test_a_lower_case_cartel_is_outside_the_name_and_places_before_it_are_the_cartels(nlp):
    text = ("Most of the fentanyl is trafficked by the Sinaloa cartel, officials said. The Sinaloa and "
            "Jalisco cartels poison Americans, and Mexico cartels too. He lives in Sinaloa.")
    found = [(m.text, m.label, m.canonical) for m in _mentions(nlp, text) if m.label in ("ORG", "PLACE")]
    assert found == [("Sinaloa", "ORG", "Sinaloa Cartel"), ("Sinaloa", "ORG", "Sinaloa Cartel"),
                     ("Jalisco", "ORG", "Jalisco New Generation Cartel"), ("Mexico", "PLACE", "Mexico"),
                     ("Sinaloa", "PLACE", "Sinaloa")]
    # a capitalised head is part of the name
    assert [(m.text, m.label) for m in _mentions(nlp, "The Sinaloa Cartel moved the drugs.")
            if m.label == "ORG"] == [("Sinaloa Cartel", "ORG")]


def test_a_us_attorneys_office_for_its_district_is_one_organisation(nlp):
    text = ("In May 2022, the U.S. Attorney’s Office for the Northern District of Georgia announced the "
            "plea. The United States District Court for the District of Columbia sentenced him. "
            "Officers in the Northern District of Georgia and in Texas helped.")
    ms = _mentions(nlp, text)
    orgs = [m.text for m in ms if m.label == "ORG"]
    assert orgs == ["U.S. Attorney’s Office for the Northern District of Georgia",
                    "United States District Court for the District of Columbia"]
    # no place is left inside the office's name; the district named on its own is a place
    assert [m.text for m in ms if m.label == "PLACE"] == ["Northern District of Georgia", "Texas"]


def test_a_name_followed_by_the_post_it_holds_is_a_person(nlp):
    text = ("We will also be joined by: - Rob Silvers, who’s the Under Secretary for Strategy at the "
            "Department of Homeland Security; - Anne Milgram, the Administrator of the Drug Enforcement "
            "Administration; - Todd Robinson, the Assistant Secretary at the Bureau of International "
            "Narcotics and Law Enforcement. In March, the President determined that Canada had acted.")
    people = [m.text for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert "Anne Milgram" in people and "Todd Robinson" in people
    assert not [p for p in people if "March" in p]
    # an apposition that names no post is no evidence
    assert [m.text for m in _mentions(nlp, "We met Grant Thornton, the big firm, in London.")
            if m.label == "PERSON" and m.attrs.get("rule") == "appositive"] == []
    # a post in a list of posts is nobody ("the Attorney General, the Secretary of ..."), nor its
    # capitals in the memorandum's address line
    text = ("MEMORANDUM FOR THE SECRETARY OF DEFENSE THE ATTORNEY GENERAL THE SECRETARY OF COMMERCE\n\n(vi) The "
            "Secretary of Defense, the Attorney General, the Secretary of Homeland Security, and the Director "
            "of National Intelligence shall report.")
    assert not [m for m in _mentions(nlp, text) if m.label == "PERSON"]


def test_a_place_the_model_ran_into_a_name_is_a_place_and_a_person(nlp):
    text = "U.S. Ambassador to Mexico Ken Salazar met the prosecutors on Tuesday."
    found = [(m.label, m.text) for m in _mentions(nlp, text) if m.label in ("PLACE", "PERSON")]
    assert found == [("PLACE", "U.S."), ("PLACE", "Mexico"), ("PERSON", "Ken Salazar")]
    # a name that ends in a body's word is that body, though "Marshal" is also a first name
    found = _found(nlp, "The FBI, the U.S. Secret Service, the U.S. Marshal Service, New York National Guard "
                        "and Office of Foreign Assets Control took part.")
    assert ("ORG", "U.S. Marshal Service") in found and not [t for label, t in found if label == "PERSON"]


def test_a_judicial_district_is_one_place_unless_it_names_an_office(nlp):
    text = ("The case was tried in the District of Arizona and in the Southern District of New York. "
            "The U.S. Attorney's Office for the Western District of N.C. charged him.")
    ms = _mentions(nlp, text)
    assert [m.text for m in ms if m.label == "PLACE"] == ["District of Arizona", "Southern District of New York"]
    assert [m.text for m in ms if m.label == "ORG"] == ["U.S. Attorney's Office for the Western District of N.C."]


def test_an_acronym_defined_after_a_place_is_a_mention_of_its_own(nlp):
    text = "Cooperation with the People’s Republic of China (PRC) grew, the minister said."
    assert [(m.text, m.canonical) for m in _mentions(nlp, text) if m.label == "PLACE"] == [
        ("People’s Republic of China", "China"), ("PRC", "China")]


def test_a_nationality_before_a_facility_word_is_no_place(nlp):
    text = "They will study the North American market and the Turkish market, not the Grand Bazaar market."
    places = [(m.text, text[slice(*m.attrs.get("extent", (m.start, m.end)))]) for m in _mentions(nlp, text)
              if m.label == "PLACE"]
    assert places == [("Grand Bazaar", "Grand Bazaar market")]  # the name; the phrase as its extent


def test_no_lone_article_is_left_of_a_name_cut_at_a_paragraph_break_and_an_acronym_is_no_city(nlp):
    """From a bundled PDF: "network of the ⏎⏎ International Criminal Police Organization" left an ORG
    "the"; "the SIENA system" (Europol's network) was read as the city of Siena."""
    text = ("6. Working across borders\n\nNo single country can take on transnational drug trafficking networks "
            "alone, and the results of recent years rest on a dense web of bilateral and multilateral partnerships. "
            "Secure channels such as the I-24/7 network of the\n\nInternational Criminal Police Organization "
            "(INTERPOL) and the SIENA system of the European Union Agency for Law Enforcement Cooperation (Europol) "
            "allow investigators to share information.")
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert ("International Criminal Police Organization", "ORG") in found
    assert not [k for k in found if k[0].lower() == "the" or k[0] == "SIENA"]
    # an all-caps place in a dateline is still a place
    assert ("MADRID", "PLACE") in {(m.text, m.label) for m in _mentions(nlp, "MADRID (Reuters) - Police seized "
                                                                                  "two tonnes of cocaine.")}
    # AG News: a credit and its dash open the line before the dateline ("Canadian Press - EDMONTON (CP) -")
    found = {(m.text, m.label, m.canonical) for m in _mentions(
        nlp, "Canadian Press - EDMONTON (CP) - Alberta Premier Ralph Klein acknowledged Tuesday that fees rise.")}
    assert ("EDMONTON", "PLACE", "Edmonton") in found and ("Canadian Press", "ORG", "The Canadian Press") in found
    assert not [t for t, label, _ in found if t == "EDMONTON" and label != "PLACE"]


def test_known_people_are_persons_with_one_canonical(nlp):
    text = ("The Trump Administration welcomed President Sheinbaum. Earlier, the Biden-Harris Administration "
            "had met Joe Biden's advisers. Harris County is in Texas.")
    ms = _mentions(nlp, text)
    people = {(m.text, m.canonical) for m in ms if m.label == "PERSON"}
    assert {("Trump", "Donald Trump"), ("Sheinbaum", "Claudia Sheinbaum"), ("Biden", "Joe Biden"),
            ("Joe Biden", "Joe Biden")} <= people
    assert not [m for m in ms if m.label == "ORG" and "Administration" in m.text]
    assert not [m for m in ms if m.label == "PERSON" and "County" in m.text]


def test_a_quoted_title_is_not_a_nickname(nlp):
    ms = _mentions(nlp, 'UNODC published "World Drug Report 2024" in Vienna on Monday.')
    assert not [m for m in ms if m.attrs.get("rule") == "nickname"]


def test_a_quoted_name_that_ends_a_sentence_is_not_a_nickname(nlp):
    """20 Newsgroups: '... is the "World Nonproliferation Council." The plan ...' made the person
    'World Nonproliferation Council." The' and then every "The" of the post (65) a person's name part."""
    text = ('The new organization will be based in Geneva, Switzerland. The working name, though this may be '
            'changed, is the "World Nonproliferation Council." The plan is to bring it into being next year. '
            "The council will meet in Geneva. The members will be named later.")
    ms = _mentions(nlp, text)
    assert not [m for m in ms if m.label == "PERSON"]


def test_administration_named_after_a_person_is_that_person():
    text = "President Trump spoke. The Trump Administration acts. The Drug Enforcement Administration too."
    ms = [Mention(10, 15, "PERSON", "Trump", source="model"),
          Mention(26, 46, "ORG", "Trump Administration", source="model"),
          Mention(57, 87, "ORG", "Drug Enforcement Administration", source="lexicon")]
    out = resolve_document(text, ms)
    assert [(m.label, m.text) for m in out] == [("PERSON", "Trump"), ("PERSON", "Trump"),
                                                ("ORG", "Drug Enforcement Administration")]


def test_administration_of_someone_not_named_as_a_person_stays():
    text = "The Food Administration acts."
    ms = [Mention(4, 23, "ORG", "Food Administration", source="model")]
    assert [(m.label, m.text) for m in resolve_document(text, ms)] == [("ORG", "Food Administration")]


def test_an_acronym_defined_for_a_phrase_in_lower_case_is_no_name(nlp):
    """"medication for opioid use disorder (MOUD)": the model's ORG "MOUD" names a treatment; an
    acronym defined for a name in capitals stays ("Drug Enforcement Administration (DEA)")."""
    from docmine.nlp.canonical import find_abbreviations, term_acronyms

    text = ("The plan expands access to medication for opioid use disorder (MOUD) programs for jails. MOUD "
            "programs saved lives, and the Drug Enforcement Administration (DEA) agreed. Prosecutors may bring "
            "continuing criminal enterprise (CCE) charges.")
    assert term_acronyms(text) == {"MOUD", "CCE"}
    assert find_abbreviations(text) == {"DEA": "Drug Enforcement Administration"}
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert ("DEA", "ORG") in found and not {t for t, _ in found} & {"MOUD", "CCE"}


def test_a_model_org_ending_in_a_persons_surname_is_that_person():
    from docmine.nlp.doc_resolution import _full_names

    # "Atlanta HIDTA, Lydia Sheffield. Ms. Sheffield spoke to the Sheffield Police Department."
    ms = [Mention(15, 30, "ORG", "Lydia Sheffield", source="model"),
          Mention(36, 45, "PERSON", "Sheffield", source="model"),
          Mention(59, 86, "ORG", "Sheffield Police Department", source="model")]
    out = _full_names(ms, frozenset({"department", "police"}))
    assert [(m.text, m.label) for m in out] == [("Lydia Sheffield", "PERSON"), ("Sheffield", "PERSON"),
                                                ("Sheffield Police Department", "ORG")]
    assert out[0].attrs["rule"] == "full-name"
    # without the surname on its own, the organisation stays
    assert _full_names([ms[0]], frozenset())[0].label == "ORG"


def test_a_surname_that_speaks_after_a_quotation_makes_its_full_name_a_person(nlp, lexicon):
    """The model read "Ivan Bianchi" as an ORG; '..." Bianchi said' is a person (a quotation's
    speaker), so the full name is that person, and the surname alone later is too. Bianchi is
    only an alternate name of a city in GeoNames, which does not keep it from being a surname."""
    from docmine.nlp.pipeline import annotate

    text = ("Police in Lima seized 393 kg of crystal methamphetamine from a bulk carrier on Friday.\n\n"
            "Speaking at a press conference in Liverpool, Ivan Bianchi praised the officers involved. \"The "
            "drugs will not reach the streets of Medellin,\" Bianchi said, adding that more arrests were "
            "expected. Bianchi noted that most of the methamphetamine seized this year came by sea.\n")
    [(_, ms, _)] = annotate(nlp, [Document(path="x", sha256="", format="txt", text=text)])
    people = [(m.text, m.resolved) for m in ms if m.label == "PERSON"]
    assert people == [("Ivan Bianchi", "Ivan Bianchi"), ("Bianchi", "Bianchi"), ("Bianchi", "Ivan Bianchi")], people


def test_a_nationality_that_speaks_after_a_quotation_is_no_person(nlp, lexicon):
    """'..." Tajik said' names no one: the nationality check of the quotation speakers (and of the
    administrations, headlines and known words) looked the word up with a case-folded key in a
    list keyed as written, so it never matched and "Tajik" became a PERSON."""
    assert lexicon.is_demonym("Tajik") and lexicon.is_demonym("TAJIK") and lexicon.is_demonym("the Dutch")
    assert not lexicon.is_demonym("Tajikistan") and not lexicon.is_demonym("Bianchi")
    for text in ("\u201cWe will keep the border closed,\u201d Tajik said on Monday.",
                 "\u201cSeizures doubled,\u201d Kyrgyz said."):
        assert not [m for m in _mentions(nlp, text) if m.label == "PERSON"], text
    # a surname there still speaks
    assert ("PERSON", "Rahmon") in _found(nlp, "\u201cWe will keep the border closed,\u201d Rahmon said on Monday.")


def test_a_company_that_speaks_is_no_person_when_the_document_reads_it_as_a_body(nlp):
    """A lone model ORG that speaks becomes a PERSON ("Kundar said": the model reads a lone surname
    as a body), but not when the model reads the same word as an ORG where it does not speak (a
    headline) or the document writes a company noun after it; a first name before the word
    somewhere keeps it a person."""
    found = _found(nlp, "Nokia to ship new phones in May\n\nNokia says it plans to ship three new "
                        "handsets in May, ahead of its rivals.")
    assert ("PERSON", "Nokia") not in found and ("ORG", "Nokia") in found
    ms = _mentions(nlp, "Deputy Director Ana Popescu said the inquiry began in May. \u201cThe lorry was bound "
                        "for Abidjan,\u201d Popescu said. According to Popescu, the organisers remain at large.")
    assert {m.label for m in ms if m.text.endswith("Popescu")} == {"PERSON"}, ms
    assert [m.text for m in ms if m.label == "PERSON"] == ["Ana Popescu", "Popescu", "Popescu"], ms


def test_a_bank_holding_company_that_speaks_and_a_first_name_after_its_are_no_people(nlp):
    """A company's word ("Bancorp", "Bancshares", "Holdings": ``[place] org_words``) speaks as a body
    ("Norstar Bancorp said"), and a first name after "its", "their", "this" names a thing ("its
    Irvine property"), as after "the"."""
    found = _found(nlp, "NORSTAR TO MERGE\n\nNorstar Bancorp said that its board approved the merger.")
    assert not [f for f in found if f[0] == "PERSON"], found
    found = _found(nlp, "Rainier Bancorp said it completed the acquisition of a Tacoma bank.")
    assert ("ORG", "Rainier Bancorp") in found, found
    found = _found(nlp, "The company said it had secured a loan on its Irvine property from a major bank.")
    assert ("PERSON", "Irvine") not in found, found
    # "that" before a name is a conjunction as often as a determiner
    assert ("PERSON", "Sharon") in _found(nlp, "The vote shows that Sharon has lost the support of her party.")


def test_a_name_the_document_calls_it_is_a_body_and_one_it_calls_he_is_a_person(nlp):
    """Pronoun agreement: a one-word name a rule made a person (a first name, a speaker) is the
    body the model read when the document refers to it as "it"/"its" and never as "he"/"she"
    ("Porsche expects its world sales"); "its" in a phrase of its own or after another name, and
    an "it" that is no company's ("it was time"), are no such evidence."""
    found = _found(nlp, "Carmaker sees record year\n\nPorsche expects its world sales this year to top 50,000 "
                        "cars. Porsche said demand in Europe was strong.")
    assert ("ORG", "Porsche") in found and ("PERSON", "Porsche") not in found, found
    for text, name in (("Trade talks\n\nFor Taiwan, Yeutter said that with its large trade surplus the island "
                        "must open its markets. Yeutter said talks would go on.", "Yeutter"),
                       ("\u201cWe will act,\u201d Kundar said. Kundar said it was time to act.", "Kundar"),
                       ("Landon said Kansas City Southern is continuing its efforts. Landon spoke on Monday.",
                        "Landon")):
        found = _found(nlp, text)
        assert ("PERSON", name) in found and ("ORG", name) not in found, found


def test_a_company_named_for_its_founder_keeps_the_possessive_and_its_short_name(nlp):
    """"Wendy's International Inc" is one company (the legal form's name takes a founder's "'s"
    before the form or an everyday word), and "Wendy's" later is that company, not the person
    "Wendy"; a parent company's or a person's possessive stays outside ("Textron Inc's Fairfield
    Manufacturing Co", "Alleghany's MSL Industries Inc", "Burt Sugarman ... Sugarman's Giant Group
    Ltd"), as a country's does ("Britain's Acme Plc")."""
    ms = _mentions(nlp, "Takeover talk lifted Wendy's International Inc stock on Monday. Wendy's declined "
                        "comment, and analysts said Wendy's could be sold.")
    assert [(m.label, m.text) for m in ms] == [("ORG", "Wendy's International Inc"), ("ORG", "Wendy's"),
                                               ("ORG", "Wendy's")], ms
    assert {m.resolved for m in ms} == {"Wendy's International Inc"}
    for text, company in (("Textron Inc's Fairfield Manufacturing Co said it sold a unit.",
                           "Fairfield Manufacturing Co"),
                          ("Alleghany's MSL Industries Inc said it sold a unit.", "MSL Industries Inc"),
                          ("Hollywood producer Burt Sugarman made a bid. A unit of Sugarman's Giant Group Ltd held "
                           "a stake.", "Giant Group Ltd"),
                          ("Britain's Acme Plc said profits rose.", "Acme Plc")):
        assert ("ORG", company) in _found(nlp, text), text


def test_a_person_named_after_a_trade_word_stays_a_person(nlp):
    """A company noun before a name makes a company ("phone maker Nokia", "the courier firm DHL"),
    but not of the model's PERSON that opens with a first name ("Hollywood producer Burt Sugarman",
    "film-maker Theo van Gogh", "operator George F. Hauser")."""
    found = _found(nlp, "A 1986 bid by Hollywood producer Burt Sugarman to take over TRE Corp was examined.")
    assert ("PERSON", "Burt Sugarman") in found and ("ORG", "Burt Sugarman") not in found, found
    assert ("ORG", "Nokia") in _found(nlp, "Shares of phone maker Nokia fell.")
    assert ("ORG", "DHL") in _found(nlp, "The courier firm DHL said volumes rose.")


def test_qualifiers_of_a_post_make_no_title_before_a_company_name(nlp):
    """"Senior", "National", "Vice" qualify a post ("National Coordinator"); alone before a name
    they make no title: "National Semiconductor" is a company, not the person "Semiconductor"."""
    found = _found(nlp, "Phone maker picks new chip supplier\n\nThe handset maker will use a security "
                        "controller from National Semiconductor that stores encryption keys.")
    assert ("PERSON", "Semiconductor") not in found and ("ORG", "National Semiconductor") in found
    # with its post, the qualifier is still part of a title
    assert ("PERSON", "Maria Lopez") in _found(nlp, "The seizure was announced by Senior Agent Maria Lopez on Monday.")


def test_a_place_after_a_form_of_address_is_a_person(nlp):
    """Meeting minutes: "Ms. Mendoza opened the meeting", "Ms. Santos briefed" were the places
    Mendoza and Santos (a lexicon match); after "Mr.", "Ms." only a person's name comes. The same
    place elsewhere stays a place, and "Dr." (also "Drive" in an address) makes no person."""
    found = _found(nlp, "Ms. Mendoza opened the meeting in Guayaquil. Ms. Santos briefed the delegations on "
                        "the port of Santos. Mr. England wrote the review. Trucks left Mendoza for Chile.")
    assert {("PERSON", "Mendoza"), ("PERSON", "Santos"), ("PERSON", "England"), ("PLACE", "Mendoza"),
            ("PLACE", "Santos")} <= found
    assert ("PERSON", "Reston") not in _found(nlp, "Write to 12 Sunrise Valley Dr. Reston, Virginia.")


def test_an_acronym_before_a_name_and_a_title_are_no_part_of_a_person(nlp):
    """re3d (defence press releases): "the Global Coalition to Counter ISIL Brett McGurk" made the
    person "ISIL Brett McGurk", and "said Maj. Gen. Gary J. Volesky" the person "Maj" (a title on
    the first-name list)."""
    found = _found(nlp, "Special Presidential Envoy for the Global Coalition to Counter ISIL Brett McGurk will "
                        "lead an interagency delegation to Berlin.")
    assert ("PERSON", "Brett McGurk") in found and ("PERSON", "ISIL Brett McGurk") not in found
    text = ('"We must mitigate the risk to our forces," said Maj. Gen. Gary J. Volesky, commander of the task '
            "force. " + "The commander spoke for an hour about the campaign and the partners in the region. " * 10)
    people = {t for lab, t in _found(nlp, text) if lab == "PERSON"}
    assert people == {"Gary J. Volesky"}


def test_a_verb_opening_the_sentence_is_no_part_of_a_districts_name(nlp):
    """re3d: "Declaring Mosul district under the criminal code ..." made the place "Declaring Mosul
    district"; a name docmine does not know keeps its first word ("Sistan and Baluchistan")."""
    found = _found(nlp, "Declaring Mosul district under the criminal code follows the declaration of Al-Raqqa "
                        "province in Syria. New York district courts were busy.")
    # docmine stores a place's name ("Mosul"; the extent "Mosul district" is in its attrs)
    assert ("PLACE", "Mosul") in found and not [t for _, t in found if t.startswith("Declaring")]
    assert ("PLACE", "New York") in found


def test_trade_and_finance_bodies_are_organisations_though_agreements_are_not(nlp):
    """Reuters gold marks the GATT (the agreement's council and secretariat) an ORG 11 times; docmine
    dropped it with the agreements ("the USMCA"). The lexicon now knows it, the WTO, OPEC, the ECB,
    the European Community and the Federal Reserve."""
    found = _found(nlp, "David Woods, spokesman of the General Agreement on Tariffs and Trade (GATT), told a "
                        "briefing that the European Community and OPEC had asked the WTO, the European Central "
                        "Bank and the Federal Reserve Board for data.")
    assert {("ORG", "General Agreement on Tariffs and Trade"), ("ORG", "GATT"), ("ORG", "European Community"),
            ("ORG", "OPEC"), ("ORG", "WTO"), ("ORG", "European Central Bank"),
            ("ORG", "Federal Reserve Board")} <= found


def test_a_company_named_systems_is_an_organisation_and_a_system_is_not(nlp):
    """AG News: "Cisco Systems is aggressively targeting small businesses" lost the model's ORG:
    the plural of the heads that name a database or a programme ("Early Warning System") took
    "Systems" too, which names companies."""
    found = _found(nlp, "Cisco Systems is aggressively targeting small and midsize businesses with a set of "
                        "Ethernet switching products. Europol runs the Secure Information Exchange Network "
                        "Application and the Europol Information System.")
    assert ("ORG", "Cisco Systems") in found
    assert ("ORG", "Europol Information System") not in found


def test_a_town_and_its_state_abbreviation_are_no_company(nlp):
    """AG News: "near Reno, NV." was the company "Reno, NV" (NV as the Dutch legal form), and
    "Adelaide, SA" a company by the same reading; a company named with a comma stays one."""
    found = _found(nlp, "The festival is held near Reno, NV. every year. Police in Adelaide, SA seized 2 kg of "
                        "cocaine. Cargill, Inc. and Heineken NV said so.")
    assert ("PLACE", "Reno") in found and ("PLACE", "Adelaide") in found
    assert not [t for lab, t in found if lab == "ORG" and ("Reno" in t or "Adelaide" in t)]
    assert {("ORG", "Cargill, Inc."), ("ORG", "Heineken NV")} <= found


def test_a_first_name_before_a_comma_and_a_state_is_a_town(nlp):
    """"suburban Redmond, Wash.", "sleepy Marion, Ind.": a first name followed by a comma and a
    place is the town of that state, not a person (as "Blaine, Minnesota" for a surname)."""
    for text, town in (("The games maker's American arm, long a fixture of suburban Redmond, Wash., said "
                        "sales rose.", "Redmond"),
                       ("Officers from sleepy Marion, Ind., found 2 kg of heroin in the car.", "Marion")):
        found = _found(nlp, text)
        assert ("PERSON", town) not in found and ("PLACE", town) in found, found


def test_a_name_beside_a_place_only_the_model_reads_stays_what_it_is(nlp):
    """A model ORG or PERSON in a list with a model PLACE becomes a place only when docmine knows
    that place or a place frame opens the list ("the municipalities of La Celia and Balboa"): the
    model's place "Cisco" does not make "Microsoft" one."""
    found = _found(nlp, "Cisco and Microsoft Team Up on Security\n\nCisco Systems said on Monday it would "
                        "work with Microsoft on network security.")
    assert ("PLACE", "Microsoft") not in found and ("ORG", "Microsoft") in found
    found = _found(nlp, "The suspects fled to the municipalities of La Celia and Balboa when they saw the police.")
    assert {("PLACE", "La Celia"), ("PLACE", "Balboa")} <= found, found


def test_a_model_org_ending_in_a_surname_is_a_person_only_from_a_first_name():
    from docmine.nlp.doc_resolution import _full_names
    from docmine.nlp.lexicon import given_names

    # "the company changed its name from Casa Luiz Caloi ... Caloi was directed by the Caloi family"
    ms = [Mention(0, 15, "ORG", "Casa Luiz Caloi", source="model"),
          Mention(20, 25, "PERSON", "Caloi", source="model"),
          Mention(30, 45, "ORG", "Lydia Caloi", source="model")]
    out = _full_names(ms, frozenset(), given_names())
    assert [(m.text, m.label) for m in out] == [("Casa Luiz Caloi", "ORG"), ("Caloi", "PERSON"),
                                                ("Lydia Caloi", "PERSON")]


def test_one_label_per_name_follows_the_lexicon_then_a_clear_majority():
    text = "Matanga. Matanga. Matanga. Matanga. Europol. Europol."
    ms = [Mention(0, 7, "PLACE", "Matanga", source="model"), Mention(9, 16, "PLACE", "Matanga", source="model"),
          Mention(18, 25, "ORG", "Matanga", source="model"), Mention(27, 34, "PLACE", "Matanga", source="model"),
          Mention(36, 43, "ORG", "Europol", source="lexicon"), Mention(45, 52, "PERSON", "Europol", source="model")]
    out = resolve_document(text, ms)
    assert [m.label for m in out] == ["PLACE", "PLACE", "PLACE", "PLACE", "ORG", "ORG"]
    # two against one is not enough on three... it is: 3 PLACE vs 1 ORG; a tie is left alone
    tie = [Mention(0, 7, "PLACE", "Matanga", source="model"), Mention(9, 16, "ORG", "Matanga", source="model")]
    assert [m.label for m in resolve_document(text, tie)] == ["PLACE", "ORG"]


def test_an_ambiguous_precursor_in_a_list_of_precursors_is_a_drug(nlp):
    """"NPP" is a precursor and a party: beside "4-ANPP" (three tokens) or after "precursors"."""
    for text in ("Fentanyl is synthesised from NPP and 4-ANPP.",
                 "Makers turned to other precursors such as NPP last year."):
        assert ("NPP", "DRUG") in {(m.text, m.label) for m in _mentions(nlp, text)}, text
    assert ("NPP", "DRUG") not in {(m.text, m.label) for m in _mentions(nlp, "The NPP party won in Ghana.")}


def test_a_name_the_drug_lexicon_reads_in_a_document_is_a_drug_wherever_the_model_reads_it():
    """From a bundled briefing: "NPP" is a precursor in its heading and a model ORG in a list."""
    text = "Precursors: NPP and 4-ANPP. Makers rely on precursors such as NPP, 4-ANPP and 4-AP."
    ms = [Mention(12, 15, "DRUG", "NPP", source="lexicon"), Mention(20, 26, "DRUG", "4-ANPP", source="lexicon"),
          Mention(66, 69, "ORG", "NPP", source="model"), Mention(71, 77, "DRUG", "4-ANPP", source="lexicon")]
    out = resolve_document(text, ms)
    assert [(m.text, m.label) for m in out] == [("NPP", "DRUG"), ("4-ANPP", "DRUG"), ("NPP", "DRUG"),
                                                ("4-ANPP", "DRUG")]
    assert out[2].attrs["role"] == "substance"


def test_a_title_case_line_the_model_calls_an_organisation_is_a_heading(lexicon):
    text = ("Monitoring Center 2020\n\nNew Substances\n\nRecent studies show use rising.\n\n"
            "Ministry of Interior\n\nIt said.")
    s1 = text.index("New Substances")
    s2 = text.index("Ministry of Interior")
    s3 = text.index("Recent")
    ms = [Mention(s1, s1 + 14, "ORG", "New Substances", source="model"),
          Mention(s2, s2 + 20, "ORG", "Ministry of Interior", source="model"),
          Mention(s3, s3 + 14, "ORG", "Recent studies", source="model")]  # not a whole line
    out = resolve_document(text, ms, lexicon)
    assert [m.text for m in out] == ["Recent studies", "Ministry of Interior"]


def test_the_plural_of_an_acronym_whose_long_form_is_no_body_is_no_organisation(nlp):
    text = ("ONDCP added two counties to the High Intensity Drug Trafficking Areas (HIDTA) Program. "
            "In 2024, the HIDTAs seized an estimated $18 billion in illicit drugs.")
    assert not [m for m in _mentions(nlp, text) if m.label == "ORG" and m.text.startswith("HIDTA")]


# -- trained span filter ----------------------------------------------------------------------

def test_span_filter_ships_with_its_data_card():
    from docmine.nlp.lexicon import models_dir
    from docmine.nlp.span_filter import CLASSES, load_filter

    data = json.loads((models_dir() / "span_filter.json").read_text(encoding="utf-8"))
    assert data["classes"] == list(CLASSES) and data["card"]["trained_by"] == "scripts/train_span_filter.py"
    flt = load_filter(str(models_dir()))
    assert flt is not None and 0.5 <= flt.drop_threshold < 1 and len(flt.weights) > 1000


def test_span_filter_leaves_lexicon_mentions_alone_and_records_relabels():
    from docmine.nlp.span_filter import SpanFilter, apply_filter

    text = "Europol and Awareness met."
    always_none = SpanFilter(weights={}, bias=[5.0, 0.0, 0.0, 0.0], drop_threshold=0.5, relabel_threshold=0.5)
    ms = [Mention(0, 7, "ORG", "Europol", source="lexicon"), Mention(12, 21, "ORG", "Awareness", source="model")]
    assert [m.text for m in apply_filter(text, ms, always_none)] == ["Europol"]
    to_person = SpanFilter(weights={}, bias=[0.0, 5.0, 0.0, 0.0], drop_threshold=0.5, relabel_threshold=0.5)
    ms = [Mention(12, 21, "ORG", "Awareness", source="model")]
    (m,) = apply_filter(text, ms, to_person)
    assert m.label == "PERSON" and m.attrs["filter"] == "relabel:ORG>PERSON"


def test_span_filter_keeps_a_model_org_its_head_word_names_a_body(nlp):
    from docmine.nlp.span_filter import SpanFilter, apply_filter

    lex = nlp.get_pipe("docmine_domain").lex
    text = "He studied at Bucknell University and the Institute of Applied Cybernetics. Reiterates the Administration"
    ms = [Mention(m.start(), m.end(), "ORG", m.group(), source="model")
          for m in re.finditer(r"Bucknell University|Institute of Applied Cybernetics|Reiterates the Administration|"
                               r"Executive Office Building", text)]
    text += " at the Executive Office Building."
    ms.append(Mention(text.index("Executive"), text.index("Executive") + 27, "ORG", "Executive Office Building",
                      source="model"))
    always_none = SpanFilter(weights={}, bias=[5.0, 0.0, 0.0, 0.0], drop_threshold=0.5, relabel_threshold=0.5)
    kept = [m.text for m in apply_filter(text, ms, always_none, lex)]
    assert kept == ["Bucknell University", "Institute of Applied Cybernetics"]  # a heading, a building: filtered


def test_span_filter_keeps_an_acronym_the_document_defines():
    from docmine.nlp.span_filter import SpanFilter, apply_filter

    text = "They lost to the Fiji Labour Party ( FLP ) in 1999. The FLP won. The MTV crew came."
    ms = [Mention(m.start(), m.end(), "ORG", m.group(), source="model") for m in re.finditer(r"FLP|MTV", text)]
    always_none = SpanFilter(weights={}, bias=[5.0, 0.0, 0.0, 0.0], drop_threshold=0.5, relabel_threshold=0.5)
    assert [m.text for m in apply_filter(text, ms, always_none)] == ["FLP", "FLP"]  # "MTV" is not defined here


def test_span_filter_features_see_the_document():
    from docmine.nlp.span_filter import doc_context, span_features

    text = "Sara Carter spoke. Carter left. The awareness grew. Awareness matters."
    ms = [Mention(0, 11, "PERSON", "Sara Carter"), Mention(19, 25, "ORG", "Carter"),
          Mention(52, 61, "ORG", "Awareness")]
    ctx = doc_context(text, ms)
    assert "person_name_part" in span_features(ms[1], ctx)
    assert "lower_elsewhere" in span_features(ms[2], ctx)
    assert "person_name_part" not in span_features(ms[2], ctx)


# -- gold that references shared documents ----------------------------------------------------

REAL_DEV = SHARED / "data" / "real-dev"


def test_real_dev_gold_stores_no_source_text():
    for line in (ROOT / "benchmarks" / "gold" / "real_dev.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert "text" not in rec and rec["split"] in ("train", "dev", "heldout") and len(rec["sha256"]) == 64


@pytest.mark.slow
@pytest.mark.skipif(not REAL_DEV.is_dir(), reason="needs ../shared/data/real-dev")
def test_real_dev_gold_offsets_match_the_extracted_documents():
    from docmine.evaluate import load_gold

    recs = load_gold(str(ROOT / "benchmarks" / "gold" / "real_dev.jsonl"))
    assert len(recs) >= 10
    raw = [json.loads(x) for x in (ROOT / "benchmarks" / "gold" / "real_dev.jsonl").read_text().splitlines()]
    for rec, r in zip(recs, raw, strict=True):
        for e, (s, t, _, _) in zip(r["entities"], rec["entities"], strict=True):
            assert rec["text"][s:t] == e["text"]


def test_gold_rebase_maps_offsets_across_rejoined_and_moved_paragraphs():
    """When extraction cuts a source's paragraphs anew, ``real_dev.py rebase`` carries every entity
    offset over: line breaks become spaces, and a sentence joined again past a page's footnotes
    (text that moved) is found where it went."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("real_dev", ROOT / "benchmarks" / "gold" / "real_dev.py")
    real_dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(real_dev)
    old = "Seized in the Russian\n\nFederation and\n\n1 Note on Skopje.\n\nin Sofia by police."
    new = "Seized in the Russian Federation and in Sofia by police.\n\n1 Note on Skopje."
    cmap = real_dev._char_map(old, new)
    for word in ("Russian", "Federation", "Sofia", "Skopje"):
        a = old.index(word)
        assert new[cmap[a]:cmap[a + len(word) - 1] + 1] == word


NEWS_GOLD = ROOT / "benchmarks" / "gold" / "news.jsonl"


REUTERS_GOLD = ROOT / "benchmarks" / "gold" / "reuters.jsonl"


@pytest.mark.parametrize("gold,n", [(NEWS_GOLD, 210), (REUTERS_GOLD, 90)])
def test_news_gold_stores_no_source_text(gold, n):
    recs = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == n and {r["split"] for r in recs} == {"dev", "heldout"}
    assert all("text" not in r and isinstance(r["row"], int) and len(r["sha256"]) == 64 for r in recs)
    assert all(r["split"] == ("heldout" if r["row"] % 3 == 0 else "dev") for r in recs)


@pytest.mark.skipif(not (SHARED / "data" / "topics-dev").is_dir(), reason="needs ../shared/data/topics-dev")
def test_gold_rows_of_a_csv_collection_are_read_and_checked(tmp_path, monkeypatch):
    from docmine.evaluate import load_gold

    monkeypatch.setenv("DOCMINE_DATA", str(SHARED / "data"))
    for gold in (NEWS_GOLD, REUTERS_GOLD):
        recs = load_gold(str(gold), split="dev")
        raw = {json.loads(x)["id"]: json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()}
        assert len(recs) == sum(r["split"] == "dev" for r in raw.values())
        for rec in recs:  # the text as ingestion gives it: a name broken across lines is joined
            for e, (s, t, _, _) in zip(raw[rec["id"]]["entities"], rec["entities"], strict=True):
                assert rec["text"][s:t] == " ".join(e["text"].split())
    # a row whose text changed, or a row the file does not have, is an error that says so
    first = dict(next(iter(raw.values())))
    bad = tmp_path / "gold" / "x.jsonl"
    bad.parent.mkdir()
    for change, message in (({"sha256": "0" * 64}, "changed since the gold was built"), ({"row": 10**6}, "has no row")):
        bad.write_text(json.dumps({**first, **change}) + "\n", encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            load_gold(str(bad))


@pytest.mark.slow
@pytest.mark.skipif(not REAL_DEV.is_dir(), reason="needs ../shared/data/real-dev")
def test_evaluate_split_keeps_only_that_split(nlp):
    from docmine.evaluate import evaluate

    gold = str(ROOT / "benchmarks" / "gold" / "real_dev.jsonl")
    held = evaluate(gold, nlp=nlp, split="heldout")
    dev = evaluate(gold, nlp=nlp, split="dev")
    n = sum(1 for line in open(gold) if '"heldout"' in line)
    assert held.attrs["documents"] == n and dev.attrs["documents"] > 0
    assert set(held["label"]) == {"PERSON", "ORG", "PLACE", "DRUG"}


def test_gold_naming_a_missing_shared_document_says_where_to_look(tmp_path, monkeypatch):
    from docmine.evaluate import load_gold

    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "x", "source": "real-dev/none.txt", "paras": [0, 1], "entities": []}) + "\n")
    monkeypatch.setenv("DOCMINE_DATA", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="not found"):
        load_gold(str(gold))


def test_no_mention_runs_across_a_paragraph_break(nlp):
    text = ("Against this backdrop, the country’s Constitutional\n\nCourt declared custodial sentences "
            "unconstitutional.\n\nThe ministry of Georgia\n\nJohn Smith said the police acted.")
    for m in _mentions(nlp, text):
        assert "\n" not in m.text, m


def test_dots_in_informal_prose_are_not_a_table_of_contents():
    text = "maybe the cat needs a new home ......... Julie said so, and Catriona agreed with her."
    assert non_prose_regions(text) == []
    toc = "Executive Summary ......... 7 Aims of the study ......... 12 Methods ......... 14"
    assert {r.kind for r in non_prose_regions(toc)} == {"toc"}


def test_a_list_of_dated_postings_is_prose_not_references_or_a_table():
    text = ("Fourth Air Force, 27 March 1943; Army Service Forces, 6 May 1943; Eighth Air Force, 2 June 1943; "
            "VIII Fighter Command, 4 June 1943. Madrid, Spain, 8 April 1957; Torrejon Air Base, Spain.")
    assert non_prose_regions(text) == []


def test_a_national_acronym_is_not_expanded_against_the_documents_countries(nlp):
    col = _mentions(nlp, "Officers of the Colombian DPCI seized cocaine in Bogotá, Colombia, on Monday.")
    dpci = [m for m in col if m.text == "DPCI"]
    assert dpci and dpci[0].canonical == "DPCI"
    za = _mentions(nlp, "In Durban, the DPCI seized cocaine on Monday, with help from the Colombian police.")
    assert [m.canonical for m in za if m.text == "DPCI"] == ["Directorate for Priority Crime Investigation"]


def test_a_government_is_its_country(nlp):
    text = ("On January 27, the Government of Canada hosted the Governments of Mexico and the United States "
            "in Ottawa. Today, the Mexican Government extradited him. The Government said so.")
    got = _found(nlp, text)
    assert ("PLACE", "Canada") in got and ("PLACE", "Ottawa") in got
    assert not [g for g in got if "Government" in g[1]], got


def test_a_capitalised_common_noun_the_text_also_writes_in_lower_case_is_no_person():
    text = "The Cartel has the largest network. The cartel's brokers buy chemicals. Rice said so; rice is cheap."
    ms = [Mention(4, 10, "PERSON", "Cartel", source="model"), Mention(79, 83, "PERSON", "Rice", source="model")]
    out = resolve_document(text, ms)
    assert [m.text for m in out] == ["Rice"] or [m.text for m in out] == []
    assert "Cartel" not in [m.text for m in out]
    keep = "Sara Carter spoke. Carter left; the carter's cart was empty."
    ms = [Mention(0, 11, "PERSON", "Sara Carter", source="model"), Mention(19, 25, "PERSON", "Carter", source="model")]
    assert [m.text for m in resolve_document(keep, ms)] == ["Sara Carter", "Carter"]


def test_a_name_written_far_more_often_than_the_lower_case_word_stays():
    text = ("Google hired him. He joined Google in May. Every move Google makes is news. "
            "I think google is serious. The Budget grows. The Budget funds it. The Budget helps. "
            "The budget is large.")
    ms = [Mention(m.start(), m.end(), "ORG", m.group(), source="model")
          for m in re.finditer(r"Google|(?<=The )Budget", text)]
    out = [m.text for m in resolve_document(text, ms)]
    assert out.count("Google") == 3  # named three times, "google" once
    assert "Budget" not in out  # always "the Budget": a common noun, however often


def test_dates_are_not_paths_and_no_name_runs_over_masked_text(nlp):
    text = "Jolene Harvey 05/22/2001 09:25 AM wrote about docs/reports/wdr.pdf and https://example.org/a/b today."
    assert {r.kind for r in non_prose_regions(text)} == {"path", "url"}
    for m in _mentions(nlp, text):
        assert "  " not in m.text and "/" not in m.text, m


def test_upper_case_heading_words_are_no_organisation_but_acronyms_stay():
    text = "CONTROLLING PORTS — NATIONAL/LOCAL GROUPS\n\nThe DEA and the LOCAL GROUPS Alliance met."
    ms = [Mention(30, 42, "ORG", "LOCAL GROUPS", source="model"),
          Mention(48, 51, "ORG", "DEA", source="model"),
          Mention(60, 72, "ORG", "LOCAL GROUPS", source="model")]
    out = resolve_document(text, ms)
    assert [(m.start, m.text) for m in out] == [(48, "DEA"), (60, "LOCAL GROUPS")]


def test_a_capitalised_word_also_written_in_lower_case_is_no_organisation():
    text = "Awareness campaigns help. Raising awareness matters. Europol agreed."
    ms = [Mention(0, 9, "ORG", "Awareness", source="model"), Mention(53, 60, "ORG", "Europol", source="model")]
    assert [m.text for m in resolve_document(text, ms)] == ["Europol"]


def test_a_form_laid_out_as_a_table_keeps_its_values_for_ner():
    from docmine.extract.document import Table
    from docmine.nlp.prose import table_regions

    para = "\n\n"
    text = para.join(["MEMO", "From | Mr. Kwame Mensah, Ghana Police Service", "Date | 3 May 2024", "Body text."])
    start, end = text.index("From"), text.index("Body") - 2
    form = Table(page=1, start=start, end=end, rows=[["From", "Mr. Kwame Mensah, Ghana Police Service"],
                                                    ["Date", "3 May 2024"]])
    masked = mask_non_prose(text, extra=table_regions([form], text))
    assert "Kwame Mensah" in masked and "From" not in masked and "|" not in masked
    data = Table(page=1, start=start, end=end, rows=[["From", "Mr. Kwame Mensah"], ["2021", "3 May 2024"]])
    assert "Kwame" not in mask_non_prose(text, extra=table_regions([data], text))


def test_span_filter_drops_an_org_at_its_own_threshold():
    """The filter drops a model span whose most likely class is "no entity"; a model ORG also
    when "no entity" reaches the lower ORG threshold, though another class is likelier."""
    from docmine.nlp.span_filter import CLASSES, SpanFilter

    def probs(none: float, org: float) -> list[float]:
        p = [0.0] * len(CLASSES)
        p[CLASSES.index("NONE")], p[CLASSES.index("ORG")] = none, org
        p[CLASSES.index("PERSON")] = 1.0 - none - org
        return p

    flt = SpanFilter(weights={}, bias=[0.0] * len(CLASSES), drop_threshold=0.5, relabel_threshold=0.5,
                     org_drop_threshold=0.4)
    assert flt.drops("ORG", probs(0.6, 0.3))
    assert flt.drops("ORG", probs(0.42, 0.5))  # "no entity" is not the likeliest, but past the ORG threshold
    assert not flt.drops("PERSON", probs(0.42, 0.5))
    assert not flt.drops("ORG", probs(0.35, 0.6))
    plain = SpanFilter(weights={}, bias=[0.0] * len(CLASSES), drop_threshold=0.5, relabel_threshold=0.5)
    assert not plain.drops("ORG", probs(0.42, 0.5))
    # the ORG threshold may also be stricter than the others': an ORG needs surer evidence to go
    strict = SpanFilter(weights={}, bias=[0.0] * len(CLASSES), drop_threshold=0.5, relabel_threshold=0.5,
                        org_drop_threshold=0.8)
    assert not strict.drops("ORG", probs(0.6, 0.3)) and strict.drops("ORG", probs(0.85, 0.1))
    assert strict.drops("PERSON", probs(0.6, 0.3))


def test_span_filter_tells_a_brand_from_a_dictionary_word():
    """wordfreq folds case, so "microsoft" and "administration" are both frequent words; the
    dictionary (WordNet's lemmas, shipped with the English pipeline) knows only the second."""
    from docmine.nlp.gazetteer import common_words, dictionary_words
    from docmine.nlp.span_filter import _word_class, doc_context, span_features

    common, dictionary = common_words(), dictionary_words()
    assert len(dictionary) > 10000
    assert [_word_class(w, common, dictionary) for w in ("Microsoft", "Administration", "NFL", "Industries")] \
        == ["F", "D", "A", "D"]
    text = "Microsoft may seek to grow. The Administration said so."
    ms = [Mention(0, 9, "ORG", "Microsoft"), Mention(32, 46, "ORG", "Administration")]
    ctx = doc_context(text, ms)
    assert "wc=F" in span_features(ms[0], ctx, common=common, dictionary=dictionary)
    assert "wc=D" in span_features(ms[1], ctx, common=common, dictionary=dictionary)


def test_span_filter_keeps_a_company_with_a_designator_and_its_full_stop(nlp):
    from docmine.nlp.span_filter import SpanFilter, apply_filter

    lex = nlp.get_pipe("docmine_domain").lex
    text = "Microsoft Corp.'s platform and Cisco Systems Inc. equipment."
    ms = [Mention(m.start(), m.end(), "ORG", m.group(), source="model")
          for m in re.finditer(r"Microsoft Corp\.|Cisco Systems Inc\.", text)]
    to_person = SpanFilter(weights={}, bias=[0.0, 5.0, 0.0, 0.0], drop_threshold=0.5, relabel_threshold=0.5)
    assert [(m.text, m.label) for m in apply_filter(text, ms, to_person, lex)] == \
        [("Microsoft Corp.", "ORG"), ("Cisco Systems Inc.", "ORG")]


def test_newswire_companies_and_leagues_stay_organisations(nlp):
    """The shipped filter on wire copy: the model's one-word companies and leagues are kept
    (they were dropped as "common words" before the dictionary feature)."""
    text = ("Microsoft CFO: Expect more acquisitions\n\nMicrosoft may seek to become a more distributed "
            "company as it eyes future large deals.\n\nVinatieri scored 127 points in '98, his third NFL season.")
    orgs = [m.text for m in _mentions(nlp, text) if m.label == "ORG"]
    assert "Microsoft" in orgs and "NFL" in orgs


def test_a_bibliography_in_one_long_paragraph_is_references(nlp):
    """A PDF report's bibliography arrives as one paragraph of author-date entries; its journal
    names and title words were read as ORG ("Journal of Psychopharmacology 27", "Clinical
    Management") and its authors as people."""
    bib = ("Novak, Petra, and Ivo Marin. 2017. “Courier Routes: How Parcel Services Reshape Retail Drug "
           "Supply.” Journal of Drug Market Studies 12: 40–58. ———. 2019. “Escrow, Trust and Vendor Exit in "
           "Online Markets.” Addiction Research Quarterly 8, no. 2: 101–19. Okafor, Daniel, Lena Roth, and "
           "Sami Haddad. 2020. “Synthetic Cannabinoids: Pharmacology and Clinical Management.” Toxicology "
           "Reviews 33: 5–17. At https://example.org/tr/33, accessed May 25, 2020.")
    prose = "Petra Novak of the Zagreb Institute studied courier routes through Split in 2017."
    text = bib + "\n\n" + prose
    assert [r.kind for r in non_prose_regions(text)][:1] == ["references"]
    ms = _mentions(nlp, text)
    assert all(m.start >= len(bib) for m in ms), [(m.label, m.text) for m in ms if m.start < len(bib)]
    assert ("PLACE", "Split") in {(m.label, m.text) for m in ms}


def test_prose_that_quotes_a_title_after_a_year_is_not_a_bibliography():
    text = ("The market grew in 2019. “We saw new vendors every week,” an officer said. Prices fell in "
            "2020. “It was cheaper than ever,” a buyer told reporters in Tbilisi after the police raids.")
    assert non_prose_regions(text) == []


def test_numbered_entries_under_a_references_heading_are_references():
    entries = ["1. Novak P, Marin I. Courier routes and retail drug supply. Journal of Drug Market Studies. "
               "2017;12:40-58. doi:10.1000/jdms.2017.040",
               "2. Okafor D. Scraping tools for market research. Published online 2019.",
               "3. Roth L. Replication code and source data. Zagreb Institute; 2020. https://example.org/rr"]
    after = "Conclusions"
    prose = "Petra Novak of the Zagreb Institute studied courier routes through Split in 2017."
    text = "\n\n".join(["The study ends here.", "References", *entries, after, prose])
    refs = [r for r in non_prose_regions(text) if r.kind == "references"]
    assert [text[r.start:r.end] for r in refs] == entries
    notes = "\n\n".join(["Notes", "The market grew in 2019, the survey shows, and kept growing after that."])
    assert non_prose_regions(notes) == []  # prose under a heading, not an entry
    assert non_prose_regions("\n\n".join(["Sources", "police said so"])) == []


def test_a_heading_run_into_its_first_sentence_is_no_name(nlp):
    """PDF extraction joins a section heading to the sentence that repeats it; the model read
    "Scraping Scraping" as a person, and every later "(see Scraping)" joined that person."""
    text = ("Methodological Annex\n\nScraping Scraping was conducted using Python, with a modified version of the "
            "browser. The scraping strategy is described below (see Scraping). Maria Lopez wrote the parser.")
    got = _found(nlp, text)
    assert not [g for g in got if "Scraping" in g[1]], got


def test_a_known_person_in_a_signature_or_a_heading_in_capitals_is_that_person(nlp):
    text = ("PRESIDENT TRUMP IS KEEPING HIS PROMISE TO STOP THE FLOW OF FENTANYL\n\nPresident Trump acted "
            "today.\n\nDONALD J. TRUMP\nTHE WHITE HOUSE,\nDecember 15, 2025.")
    people = {(m.text, m.canonical) for m in _mentions(nlp, text) if m.label == "PERSON"}
    # the heading rule dropped the model's all-caps "DONALD J. TRUMP"; the people lexicon knows it
    assert ("DONALD J. TRUMP", "Donald Trump") in people and ("TRUMP", "Donald Trump") in people
    # a capitalised word in running text is no signature: "TRUMP" here is a verb
    ms = _mentions(nlp, "He said that in the end the facts would TRUMP fear, and they did.")
    assert not [m for m in ms if m.label == "PERSON"]


# -- place.relabel: a model name in a place's frame ---------------------------------------------

def _with_model_ents(nlp, text, ents):
    """The domain component's mentions when the statistical model had found ``ents`` ((text, label)
    pairs), so that a case does not depend on what the model reads in one sentence."""
    with nlp.select_pipes(disable=["ner", "docmine_domain", "docmine_quantities"]):
        doc = nlp(text)
    doc.ents = [doc.char_span(text.index(surface), text.index(surface) + len(surface), label=label)
                for surface, label in ents]
    return {(e.text, e.label_) for e in nlp.get_pipe("docmine_domain")(doc).ents}


@pytest.mark.parametrize("text,ents,place", [
    # after a designator and "of"
    ("Troops found the cache in the district of Moreninho.", [("Moreninho", "ORG")], "Moreninho"),
    ("Officers seized the shipment near the village of Kordovan.", [("Kordovan", "PERSON")], "Kordovan"),
    # a model PERSON with no first name after "in" / "near"
    ("A raid in Piliyawatta led to two arrests.", [("Piliyawatta", "PERSON")], "Piliyawatta"),
    # a residence after an age
    ("Charged was Mark Kessler, 41, of Stewardsville.", [("Mark Kessler", "PERSON"), ("Stewardsville", "PERSON")],
     "Stewardsville"),
    # an unknown name between two places of a list
    ("The heroin was sold in Sevilla, Valencia, Ibizza and Malaga.", [("Sevilla", "GPE"), ("Valencia", "GPE"),
                                                                      ("Ibizza", "PERSON"), ("Malaga", "GPE")],
     "Ibizza"),
])
def test_a_model_name_in_a_place_frame_is_a_place(nlp, text, ents, place):
    assert (place, "PLACE") in _with_model_ents(nlp, text, ents)


@pytest.mark.parametrize("text,ents,person", [
    # a first name: people are sometimes "in" a sentence
    ("He put his trust in Tiffany Moreno.", [("Tiffany Moreno", "PERSON")], "Tiffany Moreno"),
    # a name the model ran into the town before it keeps its person
    ("Charged were Ann Fox, 56, of Milford Derek Hale, 31.", [("Ann Fox", "PERSON"),
                                                                ("Milford Derek Hale", "PERSON")],
     "Milford Derek Hale"),
    # an unknown name after a place and a comma is the person who speaks for it
    ("The police chief of Valencia, Tarsem Walia, said the port was busy.", [("Valencia", "GPE"),
                                                                               ("Tarsem Walia", "PERSON")],
     "Tarsem Walia"),
])
def test_a_person_beside_a_place_stays_a_person(nlp, text, ents, person):
    assert (person, "PERSON") in _with_model_ents(nlp, text, ents)


def test_everyday_words_after_in_are_no_place(nlp):
    found = _with_model_ents(nlp, "The pills were concealed in Dry Milk Boxes.", [("Dry Milk Boxes", "PERSON")])
    assert not any(label == "PLACE" for _, label in found)


# -- org.validate / person.coordinated: what a model ORG beside people is ------------------------

def test_a_portfolio_before_a_post_is_no_organisation(nlp):
    found = _with_model_ents(nlp, '"We will act," said Finance Minister Jan Verhoeven.',
                             [("Finance", "ORG"), ("Jan Verhoeven", "PERSON")])
    assert found == {("Jan Verhoeven", "PERSON")}
    # a known body before a post stays
    found = _with_model_ents(nlp, "White House Director of National Drug Control Policy Rahul Gupta spoke.",
                             [("White House", "ORG"), ("Rahul Gupta", "PERSON")])
    assert ("White House", "ORG") in found


def test_titles_then_a_name_read_as_an_organisation_are_a_person(nlp):
    found = _with_model_ents(nlp, "The team worked under the supervision of Major General Tarek Fawzi.",
                             [("Major General Tarek Fawzi", "ORG")])
    assert found == {("Tarek Fawzi", "PERSON")}
    # a post's portfolio after "of the" is no part of the name (Reuters)
    found = _with_model_ents(nlp, "Chancellor of the Exchequer Nigel Lawson said rates would fall.",
                             [("Nigel Lawson", "PERSON")])
    assert found == {("Nigel Lawson", "PERSON")}
    # a nationality before a first name is no part of the name; alone it is no person (AG News)
    found = _with_model_ents(nlp, "Briton Ken Bigley was kidnapped in Baghdad.", [("Briton Ken Bigley", "PERSON")])
    assert ("Ken Bigley", "PERSON") in found
    found = _with_model_ents(nlp, "Two Americans and a Briton were abducted.", [("Briton", "PERSON")])
    assert not [t for t, label in found if t == "Briton"]
    # a body's word keeps the organisation
    found = _with_model_ents(nlp, "Officers of the General Directorate of Security seized the pills.",
                             [("General Directorate of Security", "ORG")])
    assert ("General Directorate of Security", "ORG") in found


def test_a_name_in_a_list_of_people_is_a_person(nlp):
    text = "The defendants Ashford, Pryce, Bentley and Whitcombe were charged."
    found = _with_model_ents(nlp, text, [("Ashford", "PERSON"), ("Pryce", "PERSON"), ("Bentley", "ORG"),
                                         ("Whitcombe", "PERSON")])
    assert ("Bentley", "PERSON") in found
    # beside an organisation, or a body's name, it stays an organisation
    found = _with_model_ents(nlp, "Funding went to Bentley and Europol.", [("Bentley", "ORG"), ("Europol", "ORG")])
    assert ("Bentley", "ORG") in found
    found = _with_model_ents(nlp, "Smith, Jones and Harlow Police met.", [("Smith", "PERSON"), ("Jones", "PERSON"),
                                                                          ("Harlow Police", "ORG")])
    assert ("Harlow Police", "ORG") in found


def test_titles_alone_are_no_organisation_and_a_person_ending_in_a_body_word_is_one(nlp):
    found = _with_model_ents(nlp, "The raid was led by Police Colonel Somchai Rattana.",
                             [("Police Colonel", "ORG"), ("Somchai Rattana", "PERSON")])
    assert found == {("Somchai Rattana", "PERSON")}
    found = _with_model_ents(nlp, "On Friday Alberta RCMP seized four kilos of cocaine.", [("Alberta RCMP", "PERSON")])
    assert {("Alberta", "PLACE"), ("RCMP", "ORG")} <= found  # no person; the force's detachment is its place
    assert not any(label == "PERSON" for _, label in found)


def test_a_name_in_a_list_of_places_is_a_place(nlp):
    text = "The road links the municipalities of La Cruzada and Balbuena with the coast."
    found = _with_model_ents(nlp, text, [("La Cruzada", "ORG"), ("Balbuena", "PERSON")])
    assert {("La Cruzada", "PLACE"), ("Balbuena", "PLACE")} <= found
    # a person after a place and a comma, and a first name, stay people
    found = _with_model_ents(nlp, "The chief of Balbuena, Torvik Amundsen, spoke.", [("Balbuena", "GPE"),
                                                                                   ("Torvik Amundsen", "PERSON")])
    assert ("Torvik Amundsen", "PERSON") in found
    found = _with_model_ents(nlp, "Officers from Valencia and Tiffany Moreno's unit took part.",
                             [("Valencia", "GPE"), ("Tiffany Moreno", "PERSON")])
    assert ("Tiffany Moreno", "PERSON") in found


def test_a_lone_model_org_that_speaks_is_a_person_unless_it_is_a_body(nlp):
    found = _with_model_ents(nlp, "The drugs were hidden in a tractor, Kundar said.", [("Kundar", "ORG")])
    assert ("Kundar", "PERSON") in found
    # an acronym, a news agency and a known body speak as bodies
    for text, name in (("ALERT said charges are pending.", "ALERT"),
                       ("Reuters said the shipment came from Ecuador.", "Reuters"),
                       ("Europol said the network was dismantled.", "Europol")):
        assert (name, "ORG") in _with_model_ents(nlp, text, [(name, "ORG")]), name


def test_a_place_frame_reads_a_short_first_word_but_not_an_initial(nlp):
    found = _with_model_ents(nlp, "Troops patrolled in Al Zubaydin overnight.", [("Al Zubaydin", "PERSON")])
    assert ("Al Zubaydin", "PLACE") in found
    places = nlp.get_pipe("docmine_domain").model.places
    doc = nlp.make_doc("Rome fell in the V. century, said Al Zubaydin.")
    assert not places.nameless(doc[4:5]) and places.nameless(doc[9:11])


@pytest.mark.parametrize("text,ents,expected", [
    # a first name the model read as a place or a body, and the surname it left out
    ("Dragan Kovacevic, 44, was charged on Monday.", [("Dragan", "GPE")], ("Dragan Kovacevic", "PERSON")),
    ("Officers detained Yusuf Karadeniz Oglu at the port.", [("Yusuf", "ORG")],
     ("Yusuf Karadeniz Oglu", "PERSON")),
    # not when the next word is an everyday word, a known place, or in the next sentence
    ("Chelsea Harbour police searched the boat.", [("Chelsea", "GPE")], None),
    ("The courier from Florence Italy was held.", [("Florence", "GPE")], None),
    ("The boat sailed from Florence. Customs officers searched it.", [("Florence", "GPE")], None),
])
def test_a_first_name_the_model_read_as_a_place_opens_a_persons_name(nlp, text, ents, expected):
    found = _with_model_ents(nlp, text, ents)
    if expected is None:
        assert not any(label == "PERSON" for _, label in found), found
    else:
        assert expected in found


# -- Title Case headlines read again in sentence case ------------------------------------------

@pytest.mark.parametrize("text,expected,absent", [
    # the model ran a headline's verb into a name, or read two everyday words as one
    ("Jamaica Searches for Missing Fishermen After Storm\n\nKINGSTON (Reuters) - Coast guard crews "
     "searched on Monday for 30 fishermen.", ("Jamaica", "PLACE"), "Jamaica Searches"),
    ("Putin Responds to Border Attack\n\nThe Russian president said on Tuesday that the attack would be "
     "answered.", ("Putin", "PERSON"), "Putin Responds"),
    ("Kovacic Leads Police Raid on Harbour Warehouse\n\nPolice said on Monday that officers found 40 "
     "kilograms of cocaine.", ("Kovacic", "PERSON"), "Kovacic Leads Police Raid"),
    ("Crude Oil Falls as Sales Forecast Shrinks\n\nOil prices fell on Monday.", None, "Oil Falls"),
    ("Policeman Shot Dead in Border Battle\n\nOne policeman was killed on Sunday.", None, "Shot Dead"),
    # AG News: a headline with a name written with capitals inside ("WorldCom", "DaimlerChrysler")
    ("Ex-WorldCom CEO Wants Witness Immunity (Reuters)\n\nReuters - Lawyers for former WorldCom Chief "
     "Executive Bernard Ebbers are seeking immunity for two witnesses.", ("Bernard Ebbers", "PERSON"),
     "Wants Witness Immunity"),
    ("DaimlerChrysler, Bombardier Settle Dispute\n\nGerman-American automaker DaimlerChrysler and the train "
     "maker Bombardier settled their dispute over Adtranz.", ("Bombardier", "ORG"), "Bombardier Settle Dispute"),
    # the headline's verb after a title ("President Meets"), not a name after a title ("Director Carter")
    ("Chinese President Meets With Castro (AP)\n\nAP - Chinese President Hu Jintao met with Fidel Castro "
     "in Havana on Monday.", ("Hu Jintao", "PERSON"), "Meets With"),
])
def test_a_title_case_headline_is_read_again_in_sentence_case(nlp, text, expected, absent):
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert not any(t == absent for t, _ in found), found
    if expected:
        assert expected in found
    assert all(label != "PERSON" for t, label in found if t in ("Oil Falls", "Sales Forecast Shrinks"))


def test_a_headline_keeps_names_the_document_capitalises_and_list_items_are_no_headlines(nlp):
    from docmine.nlp.rules.headlines import lowered

    doc = nlp("Carter Leads Delegation to Vienna Meeting\n\nDirector Sara Carter met officials in Vienna, and "
              "Carter spoke on Monday.\n\n- Mr. Tiago Mendes Barros, Deputy Head of Mission\n")
    dom = nlp.get_pipe("docmine_domain").headlines
    lines = dom.lines(doc)
    assert [doc[a:b].text for a, b in lines] == ["Carter Leads Delegation to Vienna Meeting"]
    names, _ = dom.in_sentences(doc, lines)
    assert "Carter" in names and not dom.everyday(doc[0], names)  # capitalised inside a sentence
    assert dom.everyday(doc[1], names) and dom.everyday(doc[2], names)  # "Leads", "Delegation"
    assert not dom.everyday(doc[4], names)  # "Vienna": a known place
    assert all(i < lines[0][1] for i in lowered(doc))  # lower-cased words only on the headline
    people = {m.text for m in _mentions(nlp, doc.text) if m.label == "PERSON"}
    assert "Tiago Mendes Barros" in people and "Sara Carter" in people


def test_only_the_title_case_line_is_a_headline(nlp):
    doc = nlp.make_doc("Police Seize Heroin\n\nPolice seized heroin in Vienna on Monday, officials said.")
    dom = nlp.get_pipe("docmine_domain").headlines
    assert [doc[a:b].text for a, b in dom.lines(doc)] == ["Police Seize Heroin"]


@pytest.mark.parametrize("text,credits", [
    ("BAGHDAD (AFP) - The United States failed to win support on Monday.", ["AFP"]),
    ("Border guards seize heroin, say officials (AFP)\n\nAFP - Border guards seized 40 kg of heroin.", ["AFP", "AFP"]),
    ("Reuters - Police in Lagos said on Monday they had seized cocaine.", ["Reuters"]),
    # an acronym in brackets that is no credit, and a credit word inside a sentence
    ("The Moroccan Armed Police (MAP) project ended. A map - not a plan - was drawn.", []),
])
def test_a_news_agency_credit_is_an_organisation(nlp, text, credits):
    # by the credit rule, or by the lexicon's news organisations ("Reuters")
    found = [m.text for m in _mentions(nlp, text) if m.attrs.get("rule") in ("org.credit", "lexicon.org")]
    assert found == credits


def test_a_table_written_with_bars_is_masked_with_its_headers_but_a_form_is_not():
    rows = ["Seizures by year | Total", "Country | 2022 | 2023 | Change",
            "Rest of Europe (inc. Norway) | 6.81 | 11 | 0.62", "Serbia | 1,200 | 980 | -"]
    form = ["From | Mr. Kwame Mensah", "To | Ms. Ana Silva"]
    text = "\n\n".join(["Table 2. Seizures.", *rows, "Source: national police.", *form])
    assert {text[r.start:r.end] for r in non_prose_regions(text) if r.kind == "table"} == set(rows)


def test_a_pointer_to_a_section_is_no_name(nlp):
    found = {m.text for m in _mentions(nlp, "Prices rose in 2021 (see Market Dynamics), as the UNODC noted "
                                             "(see UNODC). Officers went to see Maria Lopez in Madrid.")}
    assert "Market Dynamics" not in found and {"UNODC", "Maria Lopez", "Madrid"} <= found


@pytest.mark.parametrize("text,names", [
    ("Cultivation in Helmand province dropped.", ["Helmand"]),
    ("The containers were searched in the port of Antwerp on Monday.", ["Antwerp"]),
    ("Officers at the Mirjaveh border crossing found heroin.", ["Mirjaveh"]),
    ("A bomb went off in a market in district Khuzdar on Monday.", ["Khuzdar"]),
    ("Police raided farms in Chiang Rai's Mae Ai district.", ["Chiang Rai", "Mae Ai"]),
    # capitalised designators are the name; a known name with a possessive stays whole
    ("The flight landed at Peshawar International Airport.", ["Peshawar International Airport"]),
    ("Talks with the People's Republic of China resumed.", ["People's Republic of China"]),
])
def test_a_place_is_stored_as_its_name_and_keeps_its_whole_phrase(nlp, text, names):
    places = [m for m in _mentions(nlp, text) if m.label == "PLACE"]
    assert [m.text for m in places] == names
    for m in places:
        if m.attrs.get("rule") == "place.name":
            s, e = m.attrs["extent"]
            assert s <= m.start and m.end <= e and text[s:e] != m.text
            assert m.canonical == m.text or m.canonical in ("Mae Ai",)


def test_evaluate_scores_a_place_by_its_name_or_its_extent(nlp, tmp_path):
    from docmine.evaluate import evaluate

    text = "Cultivation in Helmand province dropped, and police in the port of Antwerp seized cocaine."
    gold = tmp_path / "g.jsonl"
    for spans, extent in (([("Helmand", 15), ("Antwerp", 67)], False),
                          ([("Helmand province", 15), ("port of Antwerp", 59)], True)):
        ents = [{"start": s, "end": s + len(t), "label": "PLACE"} for t, s in spans]
        assert all(text[e["start"]:e["end"]] == t for e, (t, _) in zip(ents, spans, strict=True))
        gold.write_text(json.dumps({"id": "1", "text": text, "entities": ents}) + "\n", encoding="utf-8")
        df = evaluate(str(gold), nlp=nlp, place_extent=extent).set_index("label")
        assert df.loc["PLACE", "f1"] == 1.0
        assert evaluate(str(gold), nlp=nlp, place_extent=not extent).set_index("label").loc["PLACE", "f1"] == 0.0


def test_a_post_after_an_organisation_and_a_body_named_after_its_building(nlp):
    text = ("The delegation was led by White House Homeland Security Advisor Dr. Elena Marsh, with White House "
            "National Security Council Senior Directors Juan Gonzalez and Ana Ruiz, and Mr. Kristian Holm, UNODC "
            "Country Manager in Kabul. She flew to the White House on Monday. The White House said it would act.")
    found = [(m.text, m.label) for m in _mentions(nlp, text)]
    assert ("National Security Council", "ORG") in found and ("UNODC", "ORG") in found
    assert not any(t.startswith("White House ") or t == "UNODC Country" for t, _ in found)
    assert [label for t, label in found if t == "White House"] == ["ORG", "ORG", "PLACE", "ORG"]


def test_a_name_after_a_company_noun_is_an_organisation(nlp):
    text = ("The phone maker Nokia said on Tuesday its phones would be used. He quit aerospace group Eads. "
            "The gang leader Juan Perez fled with a group of Mexicans.")
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert {("Nokia", "ORG"), ("Eads", "ORG"), ("Juan Perez", "PERSON")} <= found
    # AG News: a weekday after the name is the date of what it did ("giant Yukos Wednesday filed")
    found = {(m.text, m.label) for m in _mentions(nlp, "Russian oil giant Yukos Wednesday filed for bankruptcy "
                                                          "protection in a U.S. court.")}
    assert ("Yukos", "ORG") in found and not [t for t, _ in found if "Wednesday" in t]


# -- wire copy: lines in capitals, companies, credits, legislators (session 34) -----------------------

def test_a_line_in_capitals_is_read_in_true_case_and_names_the_documents_entities(nlp):
    text = ("ECOLAB STARTS BID FOR CHEMLAWN\n\nEcolab Inc said it has started its tender offer for all shares of "
            "ChemLawn Corp at 36.50 dlrs each. The ChemLawn board has approved the tender.\n\n"
            "IRAQ-TURKEY OIL PIPELINE CUT BY LANDSLIDE\n\nThe pipeline from Iraq to Turkey was cut, officials said.")
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert {("ECOLAB", "ORG"), ("CHEMLAWN", "ORG"), ("IRAQ", "PLACE"), ("TURKEY", "PLACE")} <= found
    # everyday words of the line are no names
    assert not {t for t, _ in found if t in ("STARTS", "BID", "OIL PIPELINE", "LANDSLIDE", "CUT")}
    dom = nlp.get_pipe("docmine_domain").headlines
    doc = nlp(text)
    forms = dom.body_forms(doc, dom.caps_lines(doc))
    assert [dom.true_case(t, forms) for t in dom.caps_lines(doc)[0]] == \
        ["Ecolab", "starts", "bid", "for", "ChemLawn"]


def test_a_line_in_capitals_without_names_gives_none(nlp):
    found = [(m.text, m.label) for m in _mentions(nlp, "OIL PRICES FALL AGAIN ON WEAK DEMAND\n\n"
                                                      "Oil prices fell for a third day, traders said.")
             if m.label in ("PERSON", "ORG", "PLACE")]
    assert found == []


@pytest.mark.parametrize("text,companies", [
    ("Ecolab Inc said it would buy the plant.", ["Ecolab Inc"]),
    ("Shares of Ecolab Inc rose 3 pct.", ["Ecolab Inc"]),
    ("It was advised by Morgan Stanley and Co Inc and by Cargill, Inc. on the sale.",
     ["Morgan Stanley and Co Inc", "Cargill, Inc."]),
    ("The cocaine was hidden in a shipment of Frutas del Sur S.A. from Guayaquil.", ["Frutas del Sur S.A."]),
    ("The merger of Cingular Wireless LLC and AT T Wireless Services Inc. won approval.",
     ["Cingular Wireless LLC", "AT T Wireless Services Inc."]),
    # no capitalised name before the form, or a form written in lower case
    ("The co-operation of co. workers and the inc. rate were discussed.", []),
    # a capitalised everyday word after a credit's dash or a quote is no part of the name (AG News)
    ("NEW YORK (Reuters) - Shares of Google Inc. fell on Friday.", ["Google Inc."]),
    ("GEORGETOWN, Del., Nov. 18 -- When Walt Disney Co. hired him, the board agreed.", ["Walt Disney Co."]),
    ('"Although Motorola Inc. lost money, it gained share," he said.', ["Motorola Inc."]),
    # a post before the company, and a body named before "and"
    ("The CEO of Molson Inc. raised doubts about the merger.", ["Molson Inc."]),
    ("The Securities and Exchange Commission and Time Warner Inc. are near a deal.", ["Time Warner Inc."]),
    ("Shares of Procter and Gamble Co. rose.", ["Procter and Gamble Co."]),
    ("The Bank of America Corp. said it would cut jobs.", ["Bank of America Corp."]),
    # a sentence's first word joined by "and" to the next is the name's, though a dictionary word
    ("Cable and Wireless Plc said the consortium's terms were not acceptable.", ["Cable and Wireless Plc"]),
])
def test_a_company_is_named_by_its_legal_form(nlp, text, companies):
    assert [m.text for m in _mentions(nlp, text) if m.attrs.get("rule") == "org.legal_form"] == companies


def test_a_companys_short_name_is_the_company_in_its_document(nlp):
    text = ("Qintex America Ltd said its offer for Princeville shares was extended. As of yesterday, Qintex said, "
            "7,060,197 shares had been tendered. Ecolab Inc made a bid. Ecolab said the offer stands.")
    ms = _mentions(nlp, text)
    short = [(m.text, m.label, m.canonical) for m in ms if m.text in ("Qintex", "Ecolab")]
    # one company, named without its legal form
    assert short == [("Qintex", "ORG", "Qintex America"), ("Ecolab", "ORG", "Ecolab")]
    assert {m.canonical for m in ms if m.text in ("Qintex America Ltd", "Ecolab Inc")} == {"Qintex America", "Ecolab"}
    # a rare dictionary word may be the company's short name: the headline's "Cisco" is no place (AG News)
    ms = _mentions(nlp, "Cisco Systems 1st-Quarter Earnings Rise (Reuters)\n\nReuters - Cisco Systems Inc., the "
                        "biggest maker of network equipment, on Tuesday said profit rose.")
    # (the model read "Cisco" of the headline; the company's name there is "Cisco Systems")
    assert [(m.text, m.label) for m in ms if m.start == 0] == [("Cisco Systems", "ORG")]
    # the short name where the model read only a part of it ("Wireless")
    ms = _mentions(nlp, "Cable and Wireless Plc said the terms were not acceptable. Cable and Wireless shares rose 4 "
                        "pct on the news.")
    assert [(m.text, m.canonical) for m in ms if m.label == "ORG"] == [
        ("Cable and Wireless Plc", "Cable and Wireless"), ("Cable and Wireless", "Cable and Wireless")]
    # a company's name that is an everyday dictionary word is no short name of its own ("Shell")
    ms = _mentions(nlp, "Shell Canada Ltd sold three tankers. The shell of the vessel was damaged.")
    assert not [m for m in ms if m.text.lower() == "shell"]


def test_a_credit_that_signs_off_a_paragraph_is_an_organisation(nlp):
    text = "The pipeline carries oil from Kirkuk, officials said. Reuter\n\nIt met the ceiling. REUTER"
    assert [m.text for m in _mentions(nlp, text) if m.attrs.get("rule") == "org.credit"] == ["Reuter", "REUTER"]
    # a credit word inside a sentence, or a name that ends a sentence, is no sign-off
    found = _mentions(nlp, "Petra Novak met the press. She thanked Reuters for the interview and left.")
    assert not [m for m in found if m.attrs.get("rule") == "org.credit"]


def test_a_legislators_state_and_an_administration_named_after_a_person(nlp):
    text = ("Chairman Dan Rostenkowski, D-Ill., and Dan Glickman (D-Kans.) opposed the bill. The Obama "
            "Administration agreed, and the Maritime Administration and the Drug Enforcement Administration did too.")
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert {("Ill.", "PLACE"), ("Kans.", "PLACE"), ("Obama", "PERSON")} <= found
    assert not {t for t, lab in found if lab == "PERSON" and t in ("Maritime", "Drug Enforcement")}
    assert not {t for t, _ in found if t.endswith("Obama Administration")}
    # "reagan" is a WordNet word, so only the people lexicon makes the Reagan Administration's Reagan a person
    found = {(m.text, m.label) for m in _mentions(nlp, "Herrington sent the options to the Reagan Administration "
                                                        "for consideration.")}
    assert ("Reagan", "PERSON") in found and not {t for t, _ in found if "Administration" in t}


def test_csv_row_gold_is_scored_on_the_text_ingestion_gives(tmp_path):
    from docmine.evaluate import as_ingested

    raw = "CHEMLAWN BID\n\nEcolab said it bid for ChemLawn\nCorp at 36.50 dlrs.\n    The offer ex-\npires today."
    s = raw.index("ChemLawn\nCorp")
    text, ents = as_ingested(raw, [(s, s + len("ChemLawn\nCorp"), "ORG", None)])
    assert text == "CHEMLAWN BID\n\nEcolab said it bid for ChemLawn Corp at 36.50 dlrs. The offer expires today."
    (a, b, label, _), = ents
    assert text[a:b] == "ChemLawn Corp" and label == "ORG"


def test_a_moniker_is_the_persons_and_a_headline_word_opens_no_place(nlp):
    text = ("Man Sentenced for Running Incognito Market\n\nRui-Siang Lin, 24, of Taipei was sentenced today. Lin, "
            "who used the moniker \"Pharoah,\" ran Incognito Market from 2020. Pharoah shipped pills worldwide.")
    ms = _mentions(nlp, text)
    assert [(m.text, m.canonical) for m in ms if m.text == "Pharoah"] == [("Pharoah", "Rui-Siang Lin")] * 2
    assert not [m for m in ms if m.text.startswith("Running")]


def test_a_medicine_named_by_its_kind_and_a_nationality_is_no_place(nlp):
    text = ("Merck said its arthritis drug Celebrex was safe. After the withdrawal of its Vioxx painkiller, it cut "
            "jobs. The Zetas drug gang and DEA drug agents were there. Fighting went on in the western Sudanese "
            "region, and cultivation in Helmand province dropped.")
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert {("Celebrex", "DRUG"), ("Vioxx", "DRUG"), ("Helmand", "PLACE")} <= found
    assert not {t for t, lab in found if lab == "DRUG" and t in ("Zetas", "DEA")}
    assert not {t for t, _ in found if t == "Sudanese"}


def test_a_place_that_names_a_drug_trafficking_area_is_no_place(nlp):
    text = ("The areas are:\n\n- St. Joseph County, Indiana (Indiana HIDTA)\n\n"
            "The Chicago HIDTA funds police in Chicago.")
    places = [m.text for m in _mentions(nlp, text) if m.label == "PLACE"]
    assert places == ["Indiana", "Chicago"]
    assert [m.start for m in _mentions(nlp, text) if m.text == "Chicago"] == [text.rindex("Chicago")]


def test_a_name_that_speaks_after_a_quotation_is_a_person(nlp):
    text = ('"We will sell it to the highest bidder," Miller said. "That fear has no basis," Crosibie said. '
            '"It is fine," Washington said. "We left," Police said, and the police left.')
    people = [m.text for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert people == ["Miller", "Crosibie"]


def test_press_call_outlets_administrations_and_drug_names_written_without_hyphen(nlp):
    text = ("This is Carmen Paun from Politico, and Michelle Jamrisko from Bloomberg. Maria Lopez from Texas asked "
            "too. The Biden-Harris administration acted, the Washington Post reported. The stimulant Alpha PVP "
            "was sold.")
    found = {(m.text, m.label) for m in _mentions(nlp, text)}
    assert {("Politico", "ORG"), ("Bloomberg", "ORG"), ("Texas", "PLACE"), ("Biden", "PERSON"),
            ("Harris", "PERSON"), ("Washington Post", "ORG"), ("Alpha PVP", "DRUG")} <= found
    assert not {t for t, _ in found if t in ("Biden-Harris", "Washington")}


def test_a_vessel_s_name_is_no_entity_and_the_names_around_it_stay(nlp):
    # Reuters and White House text: the model read ships as people and organisations, and a lexicon
    # found the "Pacific" of a tanker's name
    text = ("The captain of the Singapore-registered tanker Nord Pacific reported a fire. The motor vessel "
            "Stefan E. Sank sank. The U.S. Coast Guard Cutter Munro seized cocaine off Colombia.")
    found = _found(nlp, text)
    assert not [t for _, t in found if any(w in t for w in ("Nord", "Pacific", "Stefan", "Sank", "Munro", "Cutter"))]
    assert {("PLACE", "Singapore"), ("ORG", "U.S. Coast Guard"), ("PLACE", "Colombia")} <= found
    # a ship noun before lower-case words, or a company after "ferry operator", is not a vessel
    text = "The ferry operator Jadrolinija said the vessel from Colombia docked in Split."
    found = _found(nlp, text)
    assert {("ORG", "Jadrolinija"), ("PLACE", "Colombia"), ("PLACE", "Split")} <= found


def test_operations_and_regional_hidtas_are_no_entities_but_bodies_named_with_them_are(nlp):
    # REAL_DEV_GUIDELINES.md: operations and a regional HIDTA are no organisations; the model read
    # "Hydra Strike" as a person and "Chicago HIDTA" as an organisation
    text = ("Operation Hydra Strike targeted fentanyl traffickers. The Chicago HIDTA and the Atlanta-Carolinas "
            "HIDTA helped. The New England HIDTA Task Force arrested 12 people. The Maritime Analysis and "
            "Operations Centre – Narcotics (MAOC-N) coordinated the seizure.")
    found = _found(nlp, text)
    assert not [t for _, t in found if "Hydra" in t or "Strike" in t or t.endswith("HIDTA") or "Chicago" in t]
    assert ("ORG", "New England HIDTA Task Force") in found
    assert ("ORG", "Maritime Analysis and Operations Centre – Narcotics") in found


def test_a_footnote_mark_glued_to_a_word_is_split_off(nlp):
    # the Georgia darknet report's PDF text: "such as Russia.30 It", "the Russian Federation63 and"
    text = ("Darknet markets play a prominent role in countries such as Russia.30 It is not possible to say more. "
            "A market for heroin has been documented in the Russian Federation63 and in Georgia.24")
    found = _found(nlp, text)
    assert {("PLACE", "Russia"), ("PLACE", "Russian Federation"), ("PLACE", "Georgia")} <= found
    # an abbreviation before a number, a code and an amount stay whole
    doc = nlp.make_doc("Heroin (No.4) and MS13 and G7 and 12.5kg")
    assert {"No.4", "MS13", "G7"} <= {t.text for t in doc}


def test_a_sentence_s_first_word_before_a_noun_is_no_name_but_a_body_before_its_verb_is(nlp):
    # the Georgia report: "Healthcare practitioners need ...", read as an organisation
    text = ("New substances and drugs are found to be in  circulation. Healthcare practitioners need to be able "
            "to easily identify them.\n\nProfessionals working with  people who use drugs. Healthcare workers, "
            "psychologists and social workers need training.\n\nCongress passed the law. Treasury announced "
            "sanctions. Tan and dela Cruz agreed to plead.")
    found = _found(nlp, text)
    assert not [t for _, t in found if t == "Healthcare"]
    assert {("ORG", "Congress"), ("ORG", "Treasury"), ("PERSON", "Tan")} <= found


def test_a_place_that_names_a_war_games_or_an_accord_is_no_place(nlp):
    # AG News and a White House fact sheet: "the Vietnam War", "the Athens Games" (the guidelines
    # mark no place inside an event)
    text = ("American lives were lost in the entirety of the Vietnam War. The controversy over the Vietnam war "
            "record grew. He won at the Athens Games. Nations signing the recent Paris Accord met.")
    found = _found(nlp, text)
    assert not [t for _, t in found if t in ("Vietnam", "Athens", "Paris", "Paris Accord")]
    text = "Troops in Iraq went to war. Police in Athens said Mexico opened talks."
    found = _found(nlp, text)
    assert {("PLACE", "Iraq"), ("PLACE", "Athens"), ("PLACE", "Mexico")} <= found


def test_a_first_name_or_surname_alone_is_the_person_the_document_named_in_full(nlp):
    # a background press call: "Ovidio Guzmán López ... Ovidio was previously trapped" (missed), and
    # "Dragan" after "Dragan Petrovski" read as a place
    text = ("Mexico extradited Ovidio Guzmán López, son of El Chapo. The sons named in these indictments — Ovidio, "
            "Ivan, and Alfredo — are known as the Chapitos. Ovidio was previously trapped.\n\n"
            "Police arrested Dragan Petrovski in Belgrade on Monday. Petrovski was flown to Skopje. "
            "Prosecutors said Dragan had links to Kosovo.")
    people = [(m.text, m.canonical) for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert people.count(("Ovidio", "Ovidio Guzmán López")) == 2
    assert ("Dragan", "Dragan Petrovski") in people and ("Alfredo", "Alfredo") in people
    # a first name inside a longer name the model did not read is not taken out of it, and a place
    # a place list knows stays a place
    text = ("The delegation included Alejandro Tagle Marroquin and Dr. Alejandro Svarch Pérez. "
            "Police in Victoria and Sydney said Victoria Bell was held.")
    ms = _mentions(nlp, text)
    assert not [m for m in ms if m.text == "Alejandro"]
    assert ("PLACE", "Victoria") in {(m.label, m.text) for m in ms}


def test_a_capital_the_inside_a_sentence_belongs_to_the_place(nlp):
    # press-release and real-document gold: "in [The Hague]", "Afghanistan, [The Bahamas], Belize"
    text = ("Europol will present the case at a meeting in The Hague. The countries are Afghanistan, The Bahamas "
            "and Belize.\n\n- The United States and Mexico agreed. He flew to the Netherlands.")
    found = _found(nlp, text)
    assert {("PLACE", "The Hague"), ("PLACE", "The Bahamas"), ("PLACE", "United States"),
            ("PLACE", "Netherlands")} <= found


def test_a_darknet_market_by_the_noun_beside_it_is_an_organisation(nlp):
    # the Georgia report ("Russian markets such as Hydra") and darknet-market news: the model read
    # market names as people
    text = ("German police took down Hydra, the largest Russian-language darknet market, in April 2022. "
            "Vendors moved to darknet markets such as Mega. The system used in Russian markets such as Hydra.")
    found = _found(nlp, text)
    assert {("ORG", "Hydra"), ("ORG", "Mega")} <= found and not [t for lab, t in found if lab == "PERSON"]
    # a kind word that is not the apposition's head names no organisation
    found = {(m.label, m.text) for m in _mentions(nlp, "Ivan Petrov, a vendor on the forum, said. "
                                                     "Mr. Jones, a firm believer, said.")}
    assert ("PERSON", "Ivan Petrov") in found and not [t for lab, t in found if lab == "ORG"]


def test_a_nationality_and_a_lower_case_body_is_no_organisation_but_the_capitalised_name_is(nlp):
    # an AP headline, "Mexican navy seizes record fentanyl haul": the guidelines mark no ORG for a
    # nationality and a common noun; the lexicon's "Mexican Navy" matched it whatever the case
    found = {(m.label, m.text) for m in _mentions(nlp, "Mexican navy seizes record fentanyl haul. The Mexican "
                                                     "Navy said. The Turkish National Police said.")}
    assert ("ORG", "Mexican navy") not in found
    assert {("ORG", "Mexican Navy"), ("ORG", "Turkish National Police")} <= found


def test_a_body_named_without_its_country_is_the_lexicon_s_body_of_the_country_the_document_names(nlp):
    # issue 12: "U.S. Department of Justice", "Department of Justice" and "Justice Department" were
    # three entities
    text = ("The Department of Justice unsealed indictments in Texas. The Justice Department and the U.S. "
            "Department of the Treasury acted together; the Department of the Treasury sanctioned 12 people.")
    orgs = {m.text: m.canonical for m in _mentions(nlp, text) if m.label == "ORG"}
    assert orgs["Department of Justice"] == orgs["Justice Department"] == "U.S. Department of Justice"
    assert orgs["Department of the Treasury"] == "U.S. Department of the Treasury"
    # another country's Department of Justice is not the American one
    text = "The Department of Justice in Manila charged the suspects, Philippine police said."
    orgs = {m.text: m.canonical for m in _mentions(nlp, text) if m.label == "ORG"}
    assert orgs.get("Department of Justice") != "U.S. Department of Justice"
    # a one-word name too: "Treasury" in a release about the United States ("U.S. Treasury" in the lexicon)
    text = ("Treasury today sanctioned six members of a cartel network that smuggles fentanyl into the United "
            "States, Treasury said.")
    assert {m.canonical for m in _mentions(nlp, text) if m.text == "Treasury"} == {"U.S. Department of the Treasury"}


def test_a_market_s_own_name_stays_an_organisation_in_a_list_and_across_the_document(nlp):
    text = ("Police arrested two men suspected of running Bohemia, one of the largest darkweb marketplaces. "
            "Bohemia launched in 2021 and grew quickly after the closure of Monopoly Market and Abacus.")
    found = [(m.label, m.text) for m in _mentions(nlp, text)]
    assert ("ORG", "Bohemia") in found and ("ORG", "Monopoly Market") in found
    assert not [lab for lab, t in found if t == "Bohemia" and lab != "ORG"]


def test_a_name_after_a_title_is_a_person_where_the_model_missed_it_or_read_an_organisation(nlp):
    # news and releases: "Spokesman Pieter de Vries said" gave no PERSON (the model read an ORG
    # "Spokesman Pieter de Vries"); "Brigadier General Luz Marina Castaño" gave none at all
    text = ("Police in Rotterdam seized cocaine. Spokesman Pieter de Vries said Europol helped. According to "
            "Brigadier General Luz Marina Castaño, director of anti-narcotics, the route changed.")
    found = _found(nlp, text)
    assert {("PERSON", "Pieter de Vries"), ("PERSON", "Luz Marina Castaño")} <= found
    assert not [t for lab, t in found if lab == "ORG" and "Spokesman" in t]
    # a post with its portfolio, a comma allowed after it
    text = ("The delegation included Secretary of Public Security Ana Lucía Torres, the Commissioner of the "
            "National Migration Institute, Alejandro Tagle Ruiz, and others.")
    found = _found(nlp, text)
    assert {("PERSON", "Ana Lucía Torres"), ("PERSON", "Alejandro Tagle Ruiz")} <= found
    # a surname alone after a post, in a readout's list of officials
    text = ("Participants included Assistant to the President and Chief of Staff Zients, and Deputy Homeland "
            "Security Advisor Daskal.")
    found = _found(nlp, text)
    assert {("PERSON", "Zients"), ("PERSON", "Daskal")} <= found
    # no first name, or a body's words after it: the title gives no person
    found = {(m.label, m.text) for m in _mentions(nlp, "Director General Europol spoke. Director Maria Health "
                                                     "Services said.")}
    assert not [t for lab, t in found if lab == "PERSON"]


def test_a_company_by_its_first_two_words_is_the_company_but_not_a_place(nlp):
    # Reuters: "approval by [Carter Hawley] shareholders" was a PERSON beside "Carter Hawley Hale Stores Inc"
    text = ("Carter Hawley Hale Stores Inc said its board approved the sale. The sale requires approval by "
            "Carter Hawley shareholders.")
    found = [(m.label, m.text, m.canonical) for m in _mentions(nlp, text)]
    assert ("ORG", "Carter Hawley", "Carter Hawley Hale Stores") in found
    assert not [t for lab, t, _ in found if lab == "PERSON"]
    found = {(m.label, m.text) for m in _mentions(nlp, "New York Times Co said profits rose. New York "
                                                     "officials agreed.")}
    assert ("PLACE", "New York") in found and ("ORG", "New York") not in found


def test_a_body_s_name_the_text_defines_an_acronym_for_is_an_organisation(nlp):
    # AG News: "the Chicago Board of Trade (CBT)" gave PLACE "Chicago" and ORG "CBT" (the span
    # filter dropped the model's ORG)
    text = "Wheat futures rose on the Chicago Board of Trade (CBT) on Monday. The CBT said volume was high."
    found = [(m.label, m.text) for m in _mentions(nlp, text)]
    assert ("ORG", "Chicago Board of Trade") in found and ("PLACE", "Chicago") not in found
    # a law's acronym defines no body
    found = [(m.label, m.text) for m in _mentions(nlp, "Under the Controlled Substances Act (CSA), fentanyl "
                                                     "is listed.")]
    assert ("ORG", "Controlled Substances Act") not in found


def test_a_nationality_is_no_person(nlp):
    text = ("The program ensures Papua New Guinean ownership of the mine. Police seized 40 kg from Levita "
            "Fifita, 29, a dual Australian and Tongan citizen.")
    found = _found(nlp, text)
    assert not [t for lab, t in found if t in ("Papua New Guinean", "Tongan")]
    assert ("PERSON", "Levita Fifita") in found


def test_a_name_in_apposition_to_a_noun_of_a_person_is_a_person(nlp):
    """The model read "Molokwu Nwachukwu" as a body; after "a businessman," and before "who" it is a
    person. A known place after such a noun stays one ("a trader, Kano Market,")."""
    found = _found(nlp, "Operatives have arrested a businessman, Molokwu Nwachukwu, who frequents China. He sold "
                        "it to a trader, Kano Market, in town.")
    assert ("PERSON", "Molokwu Nwachukwu") in found and ("ORG", "Molokwu Nwachukwu") not in found
    assert not [t for label, t in found if label == "PERSON" and "Kano" in t]


def test_a_storm_is_no_entity_wherever_the_document_names_it(nlp):
    # AG News: "Hurricane Charley ... Insurers said Charley" gave PERSON "Charley"; the guidelines
    # mark no entity in an event's name
    text = ("Hurricane Charley hit Florida on Friday. Insurers said Charley caused losses of $7 billion. "
            "Tropical Storm Jeanne killed 1,500 people in Haiti. The Storm Prediction Center said. The "
            "National Hurricane Center's forecast was close.")
    found = _found(nlp, text)
    assert not [t for lab, t in found if "Charley" in t or "Jeanne" in t]
    assert {("PLACE", "Florida"), ("PLACE", "Haiti"), ("ORG", "National Hurricane Center")} <= found


def test_a_weekday_after_a_place_is_not_part_of_its_name(nlp):
    # AG News: "a U.S. aircraft carrier in the Gulf Saturday" gave PLACE "Gulf Saturday"
    found = {(m.label, m.text) for m in _mentions(nlp, "A U.S. aircraft carrier arrived in the Gulf Saturday. "
                                                     "The Friday Group met.")}
    assert ("PLACE", "Gulf") in found and not [t for _, t in found if "Saturday" in t]


def test_a_region_the_lexicon_knows_is_in_no_country_of_a_geonames_namesake(nlp):
    # the corpus's "by sea towards the Gulf" counted for Papua New Guinea (GeoNames' Gulf Province)
    from docmine.nlp.facets import place_country

    lex = nlp.get_pipe("docmine_domain").lex
    assert place_country(lex, "Gulf region") is None
    assert place_country(lex, "Rotterdam") == "Netherlands" and place_country(lex, "Vienna") == "Austria"


def test_a_headline_s_everyday_words_make_no_facility_name(nlp):
    # AG News: "Turkey Faces Long Road to EU" gave PLACE "Turkey Faces Long Road"
    text = "Turkey Faces Long Road to EU\n\nTurkey faces a long road to EU membership, officials said."
    found = _found(nlp, text)
    assert ("PLACE", "Turkey") in found and not [t for _, t in found if "Road" in t]
    found = _found(nlp, "Police on Kolra Chowk Road seized heroin.")
    assert ("PLACE", "Kolra Chowk Road") in found


def test_plural_instruments_and_a_post_after_a_name_are_no_entities(nlp):
    # a White House fact sheet: "two Executive Orders" gave an ORG; "the CJNG Plaza Boss in Colima" a PLACE
    text = ("The President announced two Executive Orders to counter cartels. The Cartel Jalisco Nueva "
            "Generación (CJNG) Plaza Boss in Colima was arrested.")
    found = _found(nlp, text)
    assert not [t for _, t in found if t in ("Executive Orders", "Plaza Boss")]
    assert ("PLACE", "Colima") in found
    # a body's parts in the plural stay a body
    found = _found(nlp, "The Teams of the Van Gendarmerie Command seized heroin.")
    assert not [t for lab, t in found if lab == "PLACE" and "Gendarmerie" in t]


def test_a_name_before_a_stock_ticker_is_a_company_and_the_ticker_no_name(nlp):
    # Reuters: "NORCROS BREAKS OFF ... Norcros <NCRO.L> Plc said" gave PERSON Norcros, "MITSUI <MITSY>" too
    text = ("IMATRON <IMAT> SELLS STAKE TO MITSUI <MITSY>\n\nImatron Inc said Mitsui and Co Ltd of Japan has "
            "purchased a two mln dlr equity interest in Imatron. Mitsui said it would distribute the scanners.")
    found = _found(nlp, text)
    assert ("ORG", "MITSUI") in found and not [t for label, t in found if label == "PERSON"]
    assert not [t for _, t in found if t in ("IMAT", "MITSY")]
    found = _found(nlp, "Shares of Acme Widgets (NYSE: ACW) rose after Harrowgate said it would buy the firm.")
    assert not [t for label, t in found if label == "PERSON" and "Acme" in t]


def test_a_company_by_its_legal_form_starts_after_a_credit_s_dash_and_a_sentence_s_conjunction(nlp):
    # AG News: "Reuters - Stelco Inc." and "Although Motorola Inc." were one company each
    text = ("Reuters - Stelco Inc. said on Monday it would cut jobs. Although Motorola Inc. reported a loss, "
            "Hewlett-Packard Co said sales rose. Profits fell short of Wall Street forecasts.")
    found = _found(nlp, text)
    assert {("ORG", "Stelco Inc."), ("ORG", "Motorola Inc."), ("ORG", "Hewlett-Packard Co")} <= found
    assert not [t for _, t in found if t.startswith(("Reuters -", "Although")) or t == "Wall Street"]


def test_a_headline_s_past_verb_ends_the_person_before_it(nlp):
    # AG News: "Theo Van Gogh Killed in Amsterdam" gave PERSON "Theo Van Gogh Killed"
    text = "Theo Van Gogh Killed in Amsterdam\n\nDutch filmmaker Theo van Gogh was killed on Tuesday."
    found = _found(nlp, text)
    assert ("PERSON", "Theo Van Gogh") in found and not [t for _, t in found if "Killed" in t]


def test_a_place_run_into_a_person_s_post_is_the_place(nlp):
    # court and sheriff releases: the model reads "U.S. District", "U.S. Magistrate", "Harris County
    # Sheriff" as one place or body; the post and the person's name follow
    text = ("U.S. District Judge Xavier Rodriguez sentenced him. He appeared before U.S. Magistrate Judge "
            "Anne Berton in Tucson. Harris County Sheriff Ed Gonzalez said deputies found fentanyl.")
    found = _found(nlp, text)
    assert {("PERSON", "Xavier Rodriguez"), ("PERSON", "Anne Berton"), ("PERSON", "Ed Gonzalez"),
            ("PLACE", "Harris County")} <= found
    assert [t for lab, t in found if t.startswith("U.S.")] == ["U.S."]
    assert not {t for _, t in found} & {"U.S. District", "U.S. Magistrate", "Harris County Sheriff"}


def test_a_body_before_a_post_and_a_sheriff_s_office_stay_organisations(nlp):
    text = ("Texas Department of Public Safety Director Steve McCraw spoke. The U.S. District Court in Austin "
            "ruled. Kennebec County Sheriff's Office deputies arrested him. Quebec Police seized cocaine. "
            "Quebec police arrested 63 people.")
    found = _found(nlp, text)
    assert {("ORG", "Texas Department of Public Safety"), ("ORG", "U.S. District Court"),
            ("ORG", "Kennebec County Sheriff's Office"), ("ORG", "Quebec Police"), ("PLACE", "Quebec")} <= found
    # in lower case the body is a common noun after its place, as "Bulgarian customs" (GUIDELINES.md), and
    # so it is in all 7 such phrases of the blind development and held-out texts
    assert ("ORG", "Quebec police") not in found


def test_the_office_of_a_post_is_one_organisation(nlp):
    # the model read "the Orange County Sheriff's Department" whole; the possessive split it in two
    # and neither half survived
    text = ("The case was investigated by the DEA and the Orange County Sheriff's Department. The Frankfurt "
            "Public Prosecutor's Office seized the servers. UNODC's Regional Office helped.")
    found = _found(nlp, text)
    assert {("ORG", "Orange County Sheriff's Department"), ("ORG", "Frankfurt Public Prosecutor's Office")} <= found
    assert ("ORG", "UNODC") in found and not [t for _, t in found if t.startswith("UNODC's")]


def test_platforms_and_darknet_markets_are_organisations(nlp):
    # "Twitter" was a PERSON; "Bohemia" the Czech region
    text = ("Interior Minister Ali Yerlikaya said on X, formerly Twitter, that three suspects were detained. "
            "Police arrested two men suspected of running Bohemia Market and Cannabia. The discord grew.")
    found = _found(nlp, text)
    assert {("ORG", "Twitter"), ("ORG", "Bohemia Market"), ("ORG", "Cannabia")} <= found
    assert not [t for _, t in found if t.lower() == "discord"]
    # "Abacus" was a PLACE; blockchain analytics firms were nothing
    text = ("Researchers at Chainalysis said the market had processed millions of dollars. After its closure, many "
            "vendors moved to Abacus and Archetyp Market, according to Elliptic. An elliptic orbit; an abacus.")
    found = _found(nlp, text)
    assert {("ORG", "Chainalysis"), ("ORG", "Abacus"), ("ORG", "Elliptic")} <= found
    assert not [t for _, t in found if t in ("elliptic", "abacus")]


def test_a_capitalised_class_term_is_no_brand_before_its_noun(nlp):
    # "Synthetic drugs" at a sentence start was cut to "Synthetic", as a brand before its form
    # noun ("Xanax pills" -> "Xanax") is
    text = "Synthetic drugs such as fentanyl kill thousands. Police found Xanax pills. Synthetic Opioids Rise"
    found = _found(nlp, text)
    assert {("DRUG", "Synthetic drugs"), ("DRUG", "Xanax"), ("DRUG", "Synthetic Opioids")} <= found
    assert ("DRUG", "Synthetic") not in found


def test_a_body_named_again_by_its_name_before_a_preposition_is_that_body(nlp):
    # darknet-market report: "The Global Initiative said" after the full name was nothing
    text = ("A report by the Global Initiative Against Transnational Organized Crime found that prices fell. "
            "The Global Initiative said vendors moved to other markets.")
    short = [(m.label, m.text, m.canonical) for m in _mentions(nlp, text) if m.text == "Global Initiative"]
    assert short == [("ORG", "Global Initiative", "Global Initiative Against Transnational Organized Crime")]
    # another body whose name goes on with a preposition, and the words without "the", stay untouched
    text = ("The Global Initiative Against Transnational Organized Crime met. The Global Initiative on Drug "
            "Policy disagreed. Global Initiative members left.")
    assert not [m for m in _mentions(nlp, text) if m.text == "Global Initiative"]


def test_abbreviated_police_ranks_are_no_part_of_the_name(nlp):
    text = "Det Supt Morgan Rogers said Insp Mark Lee led the raid, and Cmdr Kate Ward spoke."
    people = {m.text for m in _mentions(nlp, text) if m.label == "PERSON"}
    assert {"Morgan Rogers", "Mark Lee", "Kate Ward"} <= people
    # a surname that is a place's head word keeps a person a person; a name with no first name is a place
    assert ("PLACE", "Yau Tsim Ward") in {(m.label, m.text) for m in _mentions(nlp, "A fire broke out in Yau "
                                                                                      "Tsim Ward on Monday.")}


def test_the_acronym_of_a_known_body_whose_name_ends_in_project_is_kept(nlp):
    # "(OCCRP)" was dropped: an acronym for a "... Project" is a programme's, unless the lexicon knows the body
    found = [(m.label, m.text) for m in _mentions(nlp, "The Organized Crime and Corruption Reporting Project "
                                                       "(OCCRP) has linked several of the seizures to the party.")]
    assert ("ORG", "OCCRP") in found
    found = [(m.label, m.text) for m in _mentions(nlp, "The Container Control Programme (CCP) trained officers.")]
    assert ("ORG", "CCP") not in found


def test_the_people_a_news_item_credits_are_people(nlp):
    # Reuters sign-off: "Ece Toksabay" was an ORG
    text = ("Police seized 1.2 million captagon pills at the border, the ministry said.\n\n"
            "Reporting by Ece Toksabay; Editing by Jonathan Spicer and Mark Heinrich")
    people = {m.text for m in _mentions(nlp, text) if m.label == "PERSON"}
    assert {"Ece Toksabay", "Jonathan Spicer", "Mark Heinrich"} <= people
    # a body the lexicon names stays a body; a name needs two words; the place after "in" is a place
    found = {(m.label, m.text) for m in _mentions(nlp, "Prices fell. (Reporting by Reuters staff; Additional "
                                                       "reporting by Jane Doe in Istanbul)")}
    assert {("ORG", "Reuters"), ("PERSON", "Jane Doe"), ("PLACE", "Istanbul")} <= found


def test_a_model_org_with_no_capital_letter_is_a_common_noun(nlp):
    text = ("The Hellenic Coast Guard intercepted a cargo ship off Crete carrying 1,000 kilograms of cocaine. "
            "The minister praised the coast guard's officers.")
    found = _found(nlp, text)
    assert ("ORG", "Hellenic Coast Guard") in found and ("PLACE", "Crete") in found
    assert not [t for lab, t in found if lab == "ORG" and t.lower() == t]


def test_a_footnote_number_after_a_word_s_punctuation_is_masked(nlp):
    # a report's "Buenaventura (Colombia).12 According to ...": "Colombia).12" was one token, no place
    text = ("Criminal groups are present in the ports of Santos (Brazil), Guayaquil (Ecuador) and Buenaventura "
            "(Colombia).12 According to Europol, they ship cocaine to Hamburg.13\n\nThe rest follows.")
    assert _kinds(text) == {("note-mark", "12"), ("note-mark", "13")}
    places = [m.text for m in _mentions(nlp, text) if m.label == "PLACE"]
    assert places == ["Santos", "Brazil", "Guayaquil", "Ecuador", "Buenaventura", "Colombia", "Hamburg"]
    # amounts written without a space are no footnotes; nor is a number after a number
    assert _kinds("It was valued at Rs.1 billion, with dagga,15 packets and figure 3.12 Shows it.") == set()


def test_a_place_glossed_with_a_place_is_two_places_and_one_extent(nlp):
    ms = [m for m in _mentions(nlp, "Police seized 40 kg of heroin in Dammam (KSA) on Monday.") if m.label == "PLACE"]
    assert [m.text for m in ms] == ["Dammam", "KSA"]
    text = "Police seized 40 kg of heroin in Dammam (KSA) on Monday."
    assert {text[slice(*m.extent)] for m in ms} == {"Dammam (KSA)"}  # the seizure gold marks it whole


def test_a_region_and_a_charity_releases_name_are_known(nlp):
    # "the Algarve" was a model ORG; "Crime Stoppers" was nothing
    text = ("Officers arrested 34 people in Cádiz, Huelva and the Algarve. Anyone with information is urged to "
            "contact Crime Stoppers on 1800 333 000.")
    found = _found(nlp, text)
    assert {("PLACE", "Algarve"), ("ORG", "Crime Stoppers")} <= found


def test_a_body_s_acronym_in_its_own_language_after_its_english_name_is_that_body(nlp):
    # "(OM)" (Openbaar Ministerie) after "the Public Prosecution Service" was nothing
    text = ("Cocaine seizures fell by half, which the Public Prosecution Service (OM) attributed to smugglers "
            "shifting to smaller ports. The OM said more checks would follow.")
    oms = [(m.label, m.canonical) for m in _mentions(nlp, text) if m.text == "OM"]
    assert oms == [("ORG", "Public Prosecution Service")] * 2
    # the end of a longer name the model cut stays without the acronym ("... Measures and the [Financing
    # of Terrorism] (MONEYVAL)")
    text = "The Evaluation of Anti-Money Laundering Measures and the Financing of Terrorism (MONEYVAL) met."
    assert not [m for m in _mentions(nlp, text) if m.text == "MONEYVAL" and m.canonical == "Financing of Terrorism"]


def test_newspapers_an_article_cites_are_organisations(nlp):
    text = ('"The port remains the main gateway," said Kristian Vanderwaeren in an interview with De Standaard. '
            "El tiempo es bueno en el mundo.")
    found = _found(nlp, text)
    assert ("ORG", "De Standaard") in found and ("PERSON", "De Standaard") not in found
    assert not [t for _, t in found if t.lower() in ("el tiempo", "el mundo")]  # case-sensitive names


def test_the_name_after_a_quotation_and_said_is_a_person(nlp):
    # INTERPOL release: "Cyril Gout" was an ORG; "Brig" of "Brig. Gen." a PERSON
    text = ('"West Africa has become a key transit hub for cocaine," said Cyril Gout, INTERPOL\'s Acting Executive '
            "Director. NDLEA Chairman Brig. Gen. Mohamed Buba Marwa said the agency would act.")
    people = {m.text for m in _mentions(nlp, text) if m.label == "PERSON"}
    assert "Cyril Gout" in people and "Brig" not in people
    # a body that speaks is no person
    found = _found(nlp, '"We will act," said Amnesty International.')
    assert ("ORG", "Amnesty International") in found
    # after a post and its comma, before the verb (an Irish Garda release: "Justin Kelly" was an ORG)
    found = _found(nlp, 'Assistant Commissioner of Organised and Serious Crime, Justin Kelly said: "The focus is '
                        'clear." In a statement, Morgan Stanley said profits rose.')
    assert ("PERSON", "Justin Kelly") in found and ("PERSON", "Morgan Stanley") not in found


def test_letters_after_a_name_are_no_part_of_it_and_encrypted_networks_are_known(nlp):
    text = ("Kavanagh used EncroChat under the handle \"Plumbing Supplies\". Judge Paul Farrer KC said the "
            "defendant had played a leading role. Tom Jones MP welcomed the sentence.")
    found = _found(nlp, text)
    assert {("ORG", "EncroChat"), ("PERSON", "Paul Farrer"), ("PERSON", "Tom Jones")} <= found
    assert not [t for _, t in found if t.endswith((" KC", " MP"))]


def test_a_surname_the_document_never_introduces_is_no_person(lexicon):
    """Reuters: in wire copy long enough to introduce its people, a one-word PERSON with no full name,
    no title and no speech is a company, a river or a heading word (600 articles: 29 of 40 such
    mentions were wrong: "companies have looked at Fairchild", "the Rhine")."""
    from docmine.nlp.doc_resolution import unintroduced_people

    text = ("Fairchild Industries rose 2 dlrs on the New York exchange. \"A lot of companies have looked at "
            "Fairchild and would be willing to buy it,\" said analyst Adam Cuhney of Janney Montgomery. "
            "Barges on the Rhine carried less coal this week. Cuhney said the company could fetch more. "
            "President Reagan met the board. Reagan said the talks would go on. Harper said profits rose. "
            "Tan Wei Ming, the chairman, resigned. Tan had run the firm for ten years, the company said. "
            "Kresge's stores will close. Steve, Rod and Elyse met the buyers. "
            + "The company gave no details of the talks, which began in March, and declined to comment further. " * 5)

    def person(word, nth=0):
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return Mention(start, start + len(word), "PERSON", word, source="model")

    kept = {(m.text, m.start) for m in unintroduced_people(text, [
        person("Fairchild", 1), person("Rhine"), person("Adam Cuhney"), person("Cuhney", 1), person("Reagan"),
        person("Reagan", 1), person("Harper"), person("Tan Wei Ming"), person("Tan", 1), person("Kresge"),
        person("Steve"), person("Rod"), person("Elyse")], lexicon)}
    # a speaker, an owner, a name after a title, a part of a full name, a name in a list of people stay
    assert {t for t, _ in kept} == {"Adam Cuhney", "Cuhney", "Reagan", "Harper", "Tan Wei Ming", "Tan", "Kresge",
                                    "Steve", "Rod", "Elyse"}
    # a brief (a headline and its lede) names the famous by surname alone
    brief = "Karzai sacks regional governor\n\nAfghan President Hamid Karzai sacked a governor on Monday."
    m = Mention(0, 6, "PERSON", "Karzai", source="model")
    assert unintroduced_people(brief, [m], lexicon) == [m]


def test_a_surname_the_document_calls_he_or_she_is_a_person(lexicon):
    """20 Newsgroups: a person the writer names by surname alone and refers back to as "him" or
    "his" stays a person ("negotiate with Hitler and trust him"); a capitalised word that opens a
    sentence ("Rumor was that he") or follows an article is no such evidence, and "its" after the
    name makes no person."""
    from docmine.nlp.doc_resolution import unintroduced_people

    text = ("After all, we could negotiate with Hitler and trust him to keep his end of the bargain. "
            "Rumor was that he hunted pigeons in the park. Shares of Fairchild and its parent fell. "
            "An enraged Kowalczyk fan wrote to the paper. "
            + "The writer gave no details of the talks, which began in March, and declined to comment further. " * 7)

    def person(word):
        start = text.index(word)
        return Mention(start, start + len(word), "PERSON", word, source="model")

    kept = {m.text for m in unintroduced_people(text, [person("Hitler"), person("Rumor"), person("Fairchild"),
                                                       person("Kowalczyk")], lexicon)}
    assert kept == {"Hitler"}


def test_a_title_written_as_a_body_s_acronym_is_that_body(nlp):
    """AG News: "Sec." abbreviates a secretary, so the model's ORG "SEC" was dropped as a title
    alone; written in capitals without a full stop it is the Securities and Exchange Commission.
    A transcript's "SEC. RUMSFELD:" and an acronym title ("CEO") stay no organisation."""
    text = "A deeply divided SEC voted Tuesday to mandate new oversight for hedge funds."
    assert ("SEC", "ORG") in _with_model_ents(nlp, text, [("SEC", "ORG")])
    text = "SEC. RUMSFELD: As you know, we are going to be stopping in El Salvador."
    assert ("SEC", "ORG") not in _with_model_ents(nlp, text, [("SEC", "ORG")])
    text = "SEC RUMSFELD: As you know, we are going to be stopping in El Salvador."  # a line in capitals
    assert ("SEC", "ORG") not in _with_model_ents(nlp, text, [("SEC", "ORG")])
    text = "The CEO told analysts on Tuesday that sales would fall."
    assert ("CEO", "ORG") not in _with_model_ents(nlp, text, [("CEO", "ORG")])


def test_a_company_named_by_its_web_address_is_an_organisation(nlp):
    """AG News: "Amazon.com" is one token without a letter-only word, and the model's ORG was
    dropped as if it held no name; a file name is no company."""
    text = "SEATTLE -- Amazon.com has filed three lawsuits against unidentified defendants."
    assert ("Amazon.com", "ORG") in _with_model_ents(nlp, text, [("Amazon.com", "ORG")])
    text = "The figures are in Annex.pdf on the website."
    assert ("Annex.pdf", "ORG") not in _with_model_ents(nlp, text, [("Annex.pdf", "ORG")])
    # the site, not the company (EWT, WikiGold: "Go to Goldstar.com", "the websites Ripoffreport.com")
    text = "Go to Goldstar.com and get tickets for about a third of the price."
    assert ("Goldstar.com", "ORG") not in _with_model_ents(nlp, text, [("Goldstar.com", "ORG")])


def test_a_legal_form_is_no_word_s_first_part(nlp):
    """AG News: "Nike Inc. co-founder Philip Knight" in a Title Case headline ("Nike Co-Founder
    Knight") made the company "Nike Co"; "Co." before a capitalised word stays a legal form."""
    found = _found(nlp, "Nike Co-Founder Knight to Retire\n\nNike Inc. co-founder Philip Knight will step down.")
    assert ("ORG", "Nike Co") not in found
    assert ("ORG", "Nike Inc.") in found
    assert ("ORG", "Dow Chemical Co.") in _found(nlp, "Dow Chemical Co. said on Tuesday that earnings rose.")
    # a company's name without its legal form is no post: "American President Cos Ltd" made every
    # "President" of the article the company
    found = _found(nlp, "American President Cos Ltd said its shipping subsidiary obtained approval. American "
                        "President said it will lease the ships, and President Reagan agreed.")
    assert ("ORG", "President") not in found
    # "Cos." (companies) is a legal form too: "Lowe's Cos." was the person "Lowe"
    assert ("ORG", "Lowe's Cos.") in _found(nlp, "Home improvement retailer Lowe's Cos. on Monday reported a "
                                                 "15 percent rise in profit.")


def test_a_body_s_word_before_of_heads_its_name(nlp):
    """AG News: the span filter dropped the model's ORG "Chicago Board of Trade" for the place
    inside it; the word before "of" ("Board", like "Bank" in "Bank of America") says it is a body.
    The credit rating agencies' possessive names are one organisation each."""
    from docmine.nlp.span_filter import _named_body

    def org(text):
        return Mention(0, len(text), "ORG", text, source="model")

    words = {"board", "bank", "bureau"}
    assert _named_body(org("Chicago Board of Trade"), words)
    assert _named_body(org("Bank of America"), words)
    assert not _named_body(org("Chicago Tribune of Trade"), words)
    assert not _named_body(org("Board"), words)
    found = _found(nlp, "Moody's Investors Service cut its rating, and Standard & Poor's Ratings Services "
                        "followed on Thursday.")
    assert ("ORG", "Moody's Investors Service") in found
    assert ("ORG", "Standard & Poor's Ratings Services") in found
    # the mortgage companies named like people
    found = _found(nlp, "Speculation swirled over the futures of Fannie Mae's top executives. Freddie Mac said "
                        "its profit rose.")
    assert {("ORG", "Fannie Mae"), ("ORG", "Freddie Mac")} <= found


def test_the_portfolio_inside_a_post_is_no_person(nlp):
    """Reuters: "Chief Cabinet Secretary Masaharu Gotoda" made "Cabinet" (a one-word name after the
    title "Chief") a person; a word between two titles is the post's portfolio. "Sec. Mayorkas"
    stays a person."""
    text = "Nakasone will visit Washington, Chief Cabinet Secretary Masaharu Gotoda told reporters."
    found = _with_model_ents(nlp, text, [("Cabinet", "ORG"), ("Masaharu Gotoda", "PERSON")])
    assert ("Cabinet", "PERSON") not in found and ("Masaharu Gotoda", "PERSON") in found
    text = "The visit was announced by Sec. Mayorkas on Tuesday."
    assert ("Mayorkas", "PERSON") in _with_model_ents(nlp, text, [("Mayorkas", "ORG")])


def test_no_place_inside_the_name_of_an_event(nlp):
    """WikiGold and re3d (guidelines: events are no entities, and no place is marked inside them):
    "the MTV Europe Music Award", "the Delaware Water Gap Jazz Festival" and "the Vienna
    Conference" held a place; a venue named after an event stays a place ("the Santa Clara
    Convention Center")."""
    assert not {t for label, t in _found(nlp, "In 2007 the band won the MTV Europe Music Award for best rock video, "
                                              "beating five other acts.") if label == "PLACE"}
    found = _found(nlp, "He was featured at the Delaware Water Gap Jazz Festival last year, and later toured "
                        "with his band.")
    assert not {t for label, t in found if label == "PLACE"}
    found = _found(nlp, "Leaders met at the Vienna Conference on drugs last week and agreed on a plan.")
    assert not {t for label, t in found if label == "PLACE"}
    found = _found(nlp, "From 2008 to 2010 it will be held at the Santa Clara Convention Center in Santa Clara, "
                        "California.")
    assert ("PLACE", "Santa Clara Convention Center") in found and ("PLACE", "California") in found


def test_a_person_described_by_the_company_he_runs_stays_a_person(nlp):
    """AG News: "Rod Eddington, the airline's chief executive" made "Rod Eddington" a company (the
    apposition's "airline" read as its head); the owner of a possessive is no head. "Sendo, a UK
    phone maker," stays a company."""
    text = ("The recriminations begin tomorrow. Rod Eddington, the airline's gregarious Australian chief "
            "executive, will face questions. Sendo, a UK phone maker, sued Microsoft.")
    found = _with_model_ents(nlp, text, [("Rod Eddington", "PERSON"), ("Sendo", "PERSON")])
    assert ("Rod Eddington", "PERSON") in found and ("Sendo", "ORG") in found


def test_a_line_of_clauses_ending_in_a_full_stop_is_no_headline(nlp):
    """White House nominations: "Karen Brazell, of Maryland, to be Under Secretary for Benefits of
    the Department of Veterans Affairs." has nearly every word capitalised and was read again as a
    Title Case headline, which lost the department; a sentence's clauses and full stop say it is
    prose. A numbered heading ending in a full stop stays a heading."""
    from docmine.nlp.rules.headlines import Headlines  # noqa: F401  (the stage under test)

    text = ("Nominations Sent to the Senate\n\n"
            "Karen Brazell, of Maryland, to be Under Secretary for Benefits of the Department of Veterans Affairs.\n\n"
            "Jeremy Ellis, of California, to be Inspector General, Department of Housing and Urban Development.\n")
    found = _found(nlp, text)
    assert ("ORG", "Department of Veterans Affairs") in found
    assert ("ORG", "Department of Housing and Urban Development") in found
    domain = nlp.get_pipe("docmine_domain")
    with nlp.select_pipes(disable=["docmine_domain", "docmine_quantities"]):
        doc = nlp("(a) Establish and Maintain a Common Intelligence Picture.\n\nThe office will report.")
    assert [doc[a:b].text for a, b in domain.headlines.lines(doc)] == [
        "(a) Establish and Maintain a Common Intelligence Picture."]


def test_the_span_filter_keeps_a_first_name_and_a_surname(nlp):
    """White House nominations: the filter dropped the model's PERSON "Riley Barnes" on the line
    that opens the list (its features read it like a heading); a first name that is no common
    word and a surname that is no word are a person's name. "Will Tellabs" (a headline's verb
    and a company) is no such evidence."""
    from docmine.nlp.gazetteer import dictionary_words
    from docmine.nlp.lexicon import given_names
    from docmine.nlp.span_filter import _full_name, _not_names

    given, dictionary, not_names = given_names(), dictionary_words(), _not_names()
    assert _full_name("Riley Barnes", given, dictionary, not_names)
    assert _full_name("Karen Brazell", given, dictionary, not_names)
    assert not _full_name("Will Tellabs", given, dictionary, not_names)
    assert not _full_name("Grace Period", given, dictionary, not_names)
    assert not _full_name("Barnes", given, dictionary, not_names)


def test_un_agencies_named_programme_and_an_ambassador_s_title(nlp):
    """White House briefings: "the World Food Programme" was dropped as a programme's name (no
    organisation); "Ambassador Extraordinary and Plenipotentiary" made the person "Extraordinary"."""
    found = _found(nlp, "The World Food Programme will get another $180 million of that money.")
    assert ("ORG", "World Food Programme") in found
    found = _found(nlp, "Darryl Nirenberg, of Virginia, to be Ambassador Extraordinary and Plenipotentiary of the "
                        "United States of America to Romania.")
    assert not {t for label, t in found if label == "PERSON" and "Extraordinary" in t}


def test_the_acronym_of_a_deal_or_a_tool_is_no_organisation(nlp):
    """White House fact sheets: "the Technology Prosperity Deal (TPD)" and "a Solution Trust
    Accountability Tracker (STAT)" define acronyms the span filter kept as organisations (any
    acronym the text defines passed it); an acronym whose long form ends in a programme's,
    deal's or tool's word, with no body's word in it, names no body. "the Department of Justice
    (DOJ)" stays one."""
    found = _found(nlp, "Prime Minister Keir Starmer signed the Technology Prosperity Deal (TPD), a landmark "
                        "agreement. The TPD establishes a research partnership. The TPD will create jobs.")
    assert not {t for label, t in found if label == "ORG"}
    from docmine.nlp.lexicon import models_dir
    from docmine.nlp.span_filter import apply_filter, load_filter

    text = ("The Department will complete a Solution Trust Accountability Tracker (STAT) this year. STAT will "
            "help investigators. The Fiji Labour Party (FLP) said so.")
    stat = Mention(text.index("STAT"), text.index("STAT") + 4, "ORG", "STAT", source="model")
    flp = Mention(text.index("FLP"), text.index("FLP") + 3, "ORG", "FLP", source="model")
    kept = apply_filter(text, [stat, flp], load_filter(str(models_dir())), nlp.get_pipe("docmine_domain").lex)
    assert [m.text for m in kept] == ["FLP"]


def test_names_in_a_list_of_nominees(nlp):
    """White House nominations: the town Paredes inside the surname "Paredes-Ariza"; the model's
    place "Steven L. Swig" (a first name, an initial, a surname) after "Croatia -"; "Nominee" and
    "Plenipotentiary" alone as a person or a place."""
    found = _found(nlp, "Emmanual Paredes-Ariza, a Mexican national, was arrested on Tuesday.")
    assert ("PLACE", "Paredes") not in found
    assert ("PLACE", "Osijek-Baranja County") in _found(nlp, "Troops moved into Osijek-Baranja County.")
    found = _with_model_ents(nlp, "Nominee for Ambassador to the Republic of Croatia - Steven L. Swig, Nominee "
                                  "for Member of the Board.", [("Steven L. Swig", "GPE"), ("Nominee", "PERSON")])
    assert ("Steven L. Swig", "PERSON") in found and not {t for t, _ in found if t == "Nominee"}
    found = _with_model_ents(nlp, "Edgard Kagan, Nominee for Ambassador Extraordinary and Plenipotentiary to "
                                  "Malaysia.", [("Plenipotentiary", "GPE"), ("Malaysia", "GPE")])
    assert ("Plenipotentiary", "PLACE") not in found and ("Malaysia", "PLACE") in found


def test_a_place_by_its_initials_is_kept(nlp):
    """White House fact sheet: the model's place "D.C." has no letter-only word and was dropped as
    holding no name ("crime in D.C. has fallen"); the places lexicon knows it (as written: not
    "d.c.", and not a person's initials "A.K.")."""
    found = _with_model_ents(nlp, "As a result, crime in D.C. has fallen dramatically.", [("D.C.", "GPE")])
    assert ("D.C.", "PLACE") in found
    found = _found(nlp, "He sold the drugs to A.K. and B.A. last week.")
    assert not {t for label, t in found if label == "PLACE"}


def test_a_technology_s_acronym_is_no_place_and_an_armed_group_is_known(nlp):
    """White House fact sheets: the model calls "AI" (artificial intelligence) a country, eight
    times in one document; "the Haqqani Network" was a person."""
    found = _with_model_ents(nlp, "The two countries will deepen cooperation on AI and quantum computing.",
                             [("AI", "GPE")])
    assert not found
    assert ("ORG", "Haqqani Network") in _found(nlp, "Funds must not benefit the Taliban or the Haqqani Network.")
    # the acronym is blocked as written, not a Thai district's "Ai"
    found = _found(nlp, "He was arrested in Chiang Mai's Mae Ai district on Oct 11.")
    assert {t for label, t in found if label == "PLACE" and "Ai" in t}


def test_a_body_s_name_in_a_title_case_line_is_not_read_again(nlp):
    """White House nominations: the Title Case line "Rostin Behnam, Nominee for Chair and
    Commissioner of the Commodity Futures Trading Commission" was read again in sentence case,
    which left the organisation "Commodity"; a name whose last word is a body's word is no
    headline's everyday words."""
    found = _found(nlp, "Rostin Behnam, Nominee for Chair and Commissioner of the Commodity Futures Trading "
                        "Commission\n\nRostin Behnam joined the agency in 2017.\n")
    assert ("ORG", "Commodity Futures Trading Commission") in found
    assert ("ORG", "Commodity") not in found


def test_names_joined_by_an_ampersand_are_a_firm(nlp):
    """White House nominations: "the law firms of Akin Gump Strauss Hauer & Feld; Snell & Wilmer"
    made two persons (the model's, extended to "Akin", and the span filter's relabel)."""
    found = _found(nlp, "She was a litigator at the law firms of Akin Gump Strauss Hauer & Feld; Snell & Wilmer; "
                        "and Jenner & Block.")
    assert not {t for label, t in found if label == "PERSON"}
    assert ("ORG", "Snell & Wilmer") in found
    # two people the model read as one name stay no firm
    from docmine.nlp.lexicon import models_dir
    from docmine.nlp.span_filter import apply_filter, load_filter

    text = "Watch the debate with Alex Salmond & Alistair Darling tonight."
    m = Mention(text.index("Alex"), text.index(" tonight"), "PERSON", "Alex Salmond & Alistair Darling", source="model")
    kept = apply_filter(text, [m], load_filter(str(models_dir())), nlp.get_pipe("docmine_domain").lex)
    assert [k.label for k in kept if k.text == m.text] in ([], ["PERSON"])


def test_a_company_by_corporation_is_one_organisation_everywhere(nlp):
    """A DOJ release: the model read "Rite Aid" as a person in every sentence, and its surname "Aid"
    was carried into "Rite Aid Corporation"; "Corporation" is a legal form, a dateline's "WASHINGTON-"
    is no part of the name."""
    text = ("WASHINGTON- Rite Aid Corporation (Rite Aid) agreed to pay $5 million in civil penalties. "
            "In addition to the penalty, Rite Aid agreed to a compliance plan. The DEA investigated 53 "
            "separate Rite Aid locations. Rite Aid is headquartered in Camp Hill, Pa.")
    found = _found(nlp, text)
    assert not {t for label, t in found if label == "PERSON"}
    assert ("ORG", "Rite Aid Corporation") in found and ("ORG", "Rite Aid") in found
    assert not any("WASHINGTON" in t for label, t in found if label == "ORG")


def test_a_group_named_by_the_noun_beside_it_is_an_organisation(nlp):
    """Crime news names gangs as it names darknet markets: in an apposition, after "like" or
    "called"; the name is an organisation wherever the document repeats it. An ethnic group is none."""
    text = ("Police arrested members of Vargo Tellen, a Swedish motorcycle gang whose leader fled. "
            "Prosecutors say a kingpin hired Vargo Tellen to carry out attacks. Vargo Tellen denies it. "
            "Rival crews like Brothas then moved in, and a gang called Iron Pact took the port.")
    found = _found(nlp, text)
    assert {t for label, t in found if label == "PERSON"} == set()
    assert ("ORG", "Vargo Tellen") in found
    assert ("ORG", "Brothas") in found or ("ORG", "Iron Pact") in found
    text = "The group was founded by several prominent Kachins, a largely Christian ethnic group, who live there."
    assert ("ORG", "Kachins") not in _found(nlp, text)
    # a past tense after the noun is the sentence's verb, and a first name makes a person
    text = "According to prosecutor Elona Kola, the group moved more than 40 tonnes of cocaine. Kola said so."
    ms = [m for m in _mentions(nlp, text) if "Kola" in m.text]
    assert {m.label for m in ms} == {"PERSON"} and {m.canonical for m in ms} == {"Elona Kola"}


def test_a_lower_case_head_of_a_group_or_market_is_outside_its_name(nlp):
    """"the Hansa marketplace", "Hansa market": the organisation is "Hansa" (REAL_DEV_GUIDELINES.md, as
    "the Sinaloa cartel"), and so is every bare "Hansa" of the document, not the town of the gazetteer."""
    text = ("Dutch authorities took control of the Hansa marketplace in June. They ran Hansa market for a month "
            "and seized more than $2 million from Hansa before the takedown.")
    found = _found(nlp, text)
    assert {t for label, t in found if "Hansa" in t} == {"Hansa"}
    assert {label for label, t in found if t == "Hansa"} == {"ORG"}
    # a clan's name keeps its word, as GUIDELINES.md lists it ("Kavač clan")
    assert ("ORG", "Kavač clan") in _found(nlp, "Analysts linked the case to the rival Kavač clan.")


def test_an_operation_s_name_is_no_person_wherever_it_is_repeated(nlp):
    text = ("Police arrested 150 suspects in a joint operation named Dark Huntor. As part of Operation Dark "
            "Huntor, officers seized 234 kilograms of drugs, Europol said.")
    found = _found(nlp, text)
    assert not any("Huntor" in t for label, t in found)


def test_a_county_before_a_sheriff_s_title_is_a_place(nlp):
    found = _found(nlp, "\"We will keep drugs out of our towns,\" said Deschutes County Sheriff L. Shane Nelson.")
    assert ("PLACE", "Deschutes County") in found
    assert not any("Sheriff" in t for label, t in found)


def test_a_route_named_like_a_darknet_market_is_the_market_where_the_text_speaks_of_them(nlp):
    darknet = "Vendors on Silk Road sold heroin for bitcoin until the FBI closed Silk Road in 2013."
    assert ("ORG", "Silk Road") in _found(nlp, darknet)
    route = "Opium moved west along the ancient Silk Road to Europe."
    assert ("ORG", "Silk Road") not in _found(nlp, route)


def test_a_body_s_one_word_name_is_the_body_of_the_country_the_release_is_about(nlp):
    """A New Zealand police release says "Customs" for the New Zealand Customs Service; not at a
    sentence's start, nor in a release that names no country with such a body."""
    text = ("Five Arrested in New Zealand\n\nA joint Manawatu Police and Customs operation led to five arrests. "
            "In October, 432 grams of methamphetamine was intercepted by Customs in Auckland.")
    ms = [m for m in _mentions(nlp, text) if m.text == "Customs"]
    assert len(ms) == 2 and {m.label for m in ms} == {"ORG"}
    assert {m.canonical for m in ms} == {"New Zealand Customs Service"}
    text = "Customs officers checked the truck. The parcel was intercepted by Customs at the border."
    assert ("ORG", "Customs") not in _found(nlp, text)
    text = "ISTANBUL – Customs enforcement teams of Türkiye's Ministry of Trade seized 1.2 tonnes of captagon."
    assert ("ORG", "Customs") not in _found(nlp, text)
    text = "Police in Kosovo seized 400 kg of cocaine. The truck was monitored at all times by the Police."
    assert ("ORG", "Police") not in _found(nlp, text)
    text = "Australia's Minister for Justice and Customs, Senator Chris Ellison, said today that heroin use fell."
    assert ("ORG", "Customs") not in _found(nlp, text)


def test_a_body_s_one_word_name_opens_a_sentence_where_the_document_names_it_inside_one(nlp):
    """A New Zealand Customs release: "Customs has seized" after a dated line is the body, as
    "detained by Customs" is; "Police said" opening a news sentence is not, where the document
    never writes "Police" as a name inside a sentence."""
    text = ("Customs Seizes 47 Kgs Of Methamphetamine At Auckland Airport\n\n30 August 2024\n\n"
            "Customs has seized 47 kilograms of methamphetamine at Auckland Airport. The boxes were detained "
            "by Customs for inspection.\n\nCustoms officers inspected the boxes sent to New Zealand.")
    starts = {m.start for m in _mentions(nlp, text) if m.label == "ORG" and m.text == "Customs"}
    assert {text.index("Customs has"), text.index("by Customs") + 3, text.index("Customs officers")} <= starts
    text = ("Police in New Zealand found 15 million tablets in boats. Police said two others escaped. "
            "Customs was not involved.")
    assert ("ORG", "Police") not in _found(nlp, text) and ("ORG", "Customs") not in _found(nlp, text)


def test_an_acronym_the_document_names_as_a_body_is_the_body_where_the_model_missed_it(nlp):
    """The model read "AFP" in "resulted in AFP and ABF charging a man" and missed it opening a
    later sentence; an everyday word in capitals ("IT") is not carried around."""
    text = ("The investigation resulted in AFP and ABF charging a Sydney man. The drugs came from Kuala Lumpur, "
            "Malaysia.\n\nAFP investigators removed the illicit drugs and delivered them to a storage facility.")
    found = [m for m in _mentions(nlp, text) if m.text == "AFP"]
    assert len(found) == 2 and {m.label for m in found} == {"ORG"}


def test_places_of_a_list_that_a_preposition_opens(nlp):
    """"in Prishtina, Peja and Gjilan": a name the gazetteer holds as an alternate name counts in a
    list of places after "in"; "addresses in Miller, Baulkham Hills, and ..." the model's person
    between places is a place; places joined by a hyphen are two places (beside a road's word, when
    the model read a body: "Louisiana-Pacific" is a company); "Police" alone is no place, "the
    Gendarmerie" is a body. A place then a comma then a person stays a person."""
    found = _found(nlp, "Three operations took place in Prishtina, Peja and Gjilan. A car was stopped on the "
                        "highway Prishtina-Gjilan by the fast reaction units of Police in Prishtina (NJRSH).")
    assert {("PLACE", "Peja"), ("PLACE", "Gjilan"), ("PLACE", "Prishtina")} <= found
    assert ("ORG", "Prishtina-Gjilan") not in found and ("PLACE", "Police") not in found
    found = _found(nlp, "Turkey has made record heroin seizures, with the police, the Gendarmerie and customs all "
                        "contributing. A Louisiana-Pacific sawmill closed.")
    assert ("ORG", "Gendarmerie") in found and ("PLACE", "Pacific") not in found
    found = _found(nlp, "AFP and ABF officers also executed search warrants at two other residential addresses in "
                        "Miller, Baulkham Hills, and Kings Park and two business premises in Hornsby.")
    assert ("PLACE", "Baulkham Hills") in found
    found = _found(nlp, "The police chief in Valencia, Tarsem Walia, said the port was closed.")
    assert ("PLACE", "Tarsem Walia") not in found


def test_names_the_model_left_out_that_a_group_or_market_noun_introduces(nlp):
    """The model reads nothing (or a "work of art") in "gangs like Brothas and Loyal to Familia";
    the noun says they are organisations. A place or a month after such a noun is none."""
    text = ("Rival clubs ceded territory to gangs like Brothas and Loyal to Familia. A motorcycle gang called "
            "Trailer Trash moved in, with No Surrender, a largely Moroccan-Dutch crew. Police shut two dark web "
            "marketplaces called DeepSea and Berlusconi Market.")
    found = _found(nlp, text)
    for name in ("Brothas", "Loyal to Familia", "Trailer Trash", "No Surrender", "DeepSea", "Berlusconi Market"):
        assert ("ORG", name) in found, name
    found = _found(nlp, "Cartels such as those in Mexico grew. In March, a group of farmers met in Kabul.")
    assert not {t for label, t in found if label == "ORG"}


def test_a_press_noun_after_a_name_is_outside_it(nlp):
    found = _found(nlp, "According to Avaz news portal, cocaine was seized. A spokesman confirmed it to Avaz news "
                        "portal on Monday.")
    assert {t for label, t in found if label == "ORG"} == {"Avaz"}


def test_the_darknet_is_no_place_and_a_market_in_it_is_no_bazaar(nlp):
    found = _found(nlp, "Authorities are searching through the Darknet market for traders. The old Silk Road "
                        "market owner, Ross Ulbricht, was arrested. Tourists visit the Grand Bazaar market.")
    assert not any("Darknet" in t for label, t in found)
    assert ("ORG", "Silk Road") in found and ("PLACE", "Silk Road") not in found
    assert ("PLACE", "Grand Bazaar") in found


def test_a_name_the_sentence_calls_a_person_is_no_place(nlp):
    """An apposition, an age or an arrest says "person" where the model read a place."""
    found = _found(nlp, "Police arrested Srđan Jezdimir, known in Ecuador as the Serbian Escobar. The honour goes "
                        "to Ridouan Tagih, the man accused of hiring the gang. Boden Gregory Bridge (20) and "
                        "Tristan Simpson Brennand (21) were charged.")
    for name in ("Srđan Jezdimir", "Ridouan Tagih", "Boden Gregory Bridge"):
        assert ("PERSON", name) in found, name
        assert ("PLACE", name) not in found
    assert ("PLACE", "Santa Cruz") in _found(nlp, "He moved to a farm in Santa Cruz, who knows why.")


def test_a_name_before_a_bare_post_is_a_person(nlp):
    """"Murat Cihan, deputy local police chief of Mersin": a post opens the apposition without
    "the"; the model's ORG there becomes the person. The end of a longer name is none ("... Executive
    Leadership Advisory Group, Vice Chair of the Board")."""
    found = _found(nlp, '"We will bring them to justice," Breon Peace, US Attorney for the Eastern District of '
                        'New York, said. Murat Cihan, deputy local police chief of Mersin, noted that the '
                        'investigation continues.')
    assert ("PERSON", "Breon Peace") in found and ("PERSON", "Murat Cihan") in found
    found = _found(nlp, "She served on the Binational Executive Leadership Advisory Group, Vice Chair of the "
                        "Board of Directors of the Hispanic Chamber.")
    assert ("PERSON", "Advisory Group") not in found
    found = _found(nlp, "In a March 14 Executive Order, President Biden directed the agency. He met Deputy Chief "
                        "of Staff Reed, Assistant to the President.")
    assert not {t for label, t in found if label == "PERSON"} - {"Biden", "Reed"}


def test_a_group_named_after_a_person_is_an_organisation(nlp):
    found = _found(nlp, "The vessel belonged to the Western Block Alfonso Cano splinter group. It carried cocaine "
                        "belonging to the Alfonso Cano group.")
    assert ("ORG", "Alfonso Cano") in found and ("PERSON", "Alfonso Cano") not in found
    found = _found(nlp, "In a letter to Treasury Secretary James Baker the group said sanctions were due.")
    assert ("PERSON", "James Baker") in found


def test_a_government_named_after_a_person_is_that_person(nlp):
    found = _found(nlp, "Health funding rose under the Albanese Government, the minister said.")
    assert ("PERSON", "Albanese") in found and not any("Government" in t for label, t in found)


def test_a_nationality_and_a_common_noun_name_no_body(nlp):
    """GUIDELINES.md: "Bulgarian customs" (lower case) is generic; "Dutch Police" stays the force."""
    found = _found(nlp, "Europol said the Dutch police used a hacking tool. IN JUNE DUTCH police seized drugs. "
                        "The Dutch Police said it acted.")
    assert ("ORG", "Dutch police") not in found and ("ORG", "DUTCH police") not in found
    assert ("ORG", "Dutch Police") in found


def test_an_internal_unit_is_its_parent(nlp):
    found = _found(nlp, "He worked at the Pittsburgh Division of the FBI. Hurwit commended the work of the Nampa "
                        "Police Department Special Investigations Unit and the Idaho State Police.")
    assert ("ORG", "FBI") in found and ("ORG", "Nampa Police Department") in found
    assert not any("Division" in t or "Unit" in t for label, t in found)
    # cells and wings are units too (an Indian police report, an Irish news feature)
    found = _found(nlp, "Posts were uploaded by Mizoram Police Social Media Cell and shared. They boarded the ship "
                        "using the Irish Army Rangers Wing.")
    assert {("ORG", "Mizoram Police"), ("ORG", "Irish Army")} <= found
    assert not any("Cell" in t or "Wing" in t for label, t in found)
    # the place a field division or office is named for is part of the unit, no place
    found = _found(nlp, "said Special Agent in Charge Ms. Reames, DEA Seattle Field Division. Agents in Seattle "
                        "and the FBI Houston Field Office helped.")
    assert ("ORG", "DEA") in found and ("ORG", "FBI") in found and ("PLACE", "Seattle") in found
    found = _found(nlp, "Agents of the DEA Phoenix Field Division and the DEA Laredo District Office met.")
    assert ("ORG", "DEA") in found and not {t for label, t in found if label == "PLACE"}


def test_xanax_bars_are_the_substance_xanax(nlp):
    ms = [m for m in _mentions(nlp, "Police seized 200 Xanax bars and a chocolate bar.") if m.label == "DRUG"]
    assert [(m.text, m.canonical) for m in ms] == [("Xanax", "alprazolam")]


def test_online_handles_a_vendor_or_account_noun_introduces_are_persons(nlp):
    found = _found(nlp, "Within two weeks, a vendor named Narcoboss appeared on the darknet. He ran three accounts "
                        "named RichieRich, happyman and BITCOINS. Vendors such as Owlcity or Fentmaster were busted. "
                        "Users like me complained.")
    for name in ("Narcoboss", "RichieRich", "happyman", "BITCOINS", "Owlcity", "Fentmaster"):
        assert ("PERSON", name) in found, name
    assert not any(t == "me" for label, t in found)


def test_an_online_handle_is_a_person_wherever_the_document_uses_it(nlp):
    """A handle a market noun introduces, or one "known as" gives, is the person's name in every later
    sentence too, in another case as well ("ZetaKing" / "Zetaking"); a handle listed with it is one
    ("QuickSilver7 and ZetaKing"); a plain word "known as" gives is not ("admin")."""
    text = ("Prosecutors said a vendor named Zetaking sold fentanyl on Hydra. Mark Oduya, a 31-year-old "
            "chemist, was known online as PillBaron. The court heard that QuickSilver7 and ZetaKing shipped "
            "from Leeds. Later, PillBaron confessed. Ana Kowalczyk was known as “admin” and “m00nshine.” "
            "Zetaking denied it, and m00nshine fled.")
    found = _found(nlp, text)
    for name in ("Zetaking", "ZetaKing", "PillBaron", "QuickSilver7", "m00nshine"):
        assert ("PERSON", name) in found, name
    people = [m for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert sum(m.text.lower() == "zetaking" for m in people) == 3
    assert {m.canonical for m in people if m.text.lower() == "zetaking"} == {"Zetaking"}  # its first written form
    assert sum(m.text == "PillBaron" for m in people) == 2
    assert not any(t == "admin" for label, t in found)


def test_a_name_after_a_post_and_a_comma_or_before_said_is_a_person(nlp):
    """The model read "Femi Babafemi" and "JP Smith" as bodies: after a post and a comma, or between
    commas before a verb of saying with a first name or initials, the name is a person; a company so
    placed stays one."""
    found = _found(nlp, "This was disclosed on January 21 by the NDLEA spokesperson, Femi Babafemi. The mayoral "
                        "committee member for safety, security and social services, JP Smith, said the Hawks had "
                        "received the case. Its partner, Bank Asya, said no.")
    assert {("PERSON", "Femi Babafemi"), ("PERSON", "JP Smith")} <= found
    assert ("PERSON", "Bank Asya") not in found


def test_names_the_model_never_read_are_people_where_the_sentence_says_so(nlp):
    """Names no first-name list holds and the small model misses: an act of the law before or after them,
    an age, or a person joined by "and" makes two to five capitalised words a person (rule
    person-frame); a company's words are everyday words and make none ("Zenith Bank said")."""
    found = _found(nlp, "Two Seychellois men, Nelson Vivian George and Nedy Conrad Rodney Micock, were also arrested "
                        "in a raid. Police detained Chukwuemeka Obi and Tunde Bakare on Friday. Zenith Bank said "
                        "profits rose.")
    assert {("PERSON", "Nedy Conrad Rodney Micock"), ("PERSON", "Chukwuemeka Obi"),
            ("PERSON", "Tunde Bakare")} <= found
    assert not [t for label, t in found if label == "PERSON" and "Zenith" in t]
    found = _found(nlp, "The court heard from defence lawyer Chidi Okonkwo-Eze. Later Emeka Nwosu's wife testified.")
    assert {("PERSON", "Chidi Okonkwo-Eze"), ("PERSON", "Emeka Nwosu")} <= found, found


def test_the_name_frame_takes_two_mentions_of_one_span(nlp):
    """Two mentions with the same offsets (no order between them) do not stop the name frames."""
    from docmine.nlp.doc_resolution import _unread_people
    from docmine.nlp.lexicon import given_names
    from docmine.nlp.mention import Mention

    lex = next(c for _, c in nlp.pipeline if hasattr(c, "know")).know.lex
    text = "Police detained Chukwuemeka Obi on Friday with heroin."
    twice = [Mention(43, 49, "DRUG", "heroin"), Mention(43, 49, "PLACE", "heroin")]
    found = _unread_people(text, twice, given_names(), frozenset(), lex)
    assert [(m.text, m.label) for m in found][0] == ("Chukwuemeka Obi", "PERSON")


def test_a_byline_names_a_person(nlp):
    """"September 29, 1995|By EDMUND MAHONY; Courant Staff Writer": a line or a field opening with "By" and
    a first name is a person in any case; "By Reuters Staff" names none."""
    found = _found(nlp, "Drug Smuggling Ring\n\nSeptember 29, 1995|By EDMUND MAHONY; Courant Staff Writer\n\nNEW "
                        "HAVEN — Police arrested five men.\n\nBy Reuters Staff\n\nThe men were held.")
    assert ("PERSON", "EDMUND MAHONY") in found
    assert not [t for label, t in found if label == "PERSON" and "Reuters" in t]


def test_a_relative_the_model_read_as_a_place_is_a_person(nlp):
    """"Baktash Akasha and Ibrahim Akasha": a model place ending in the surname of a person the document
    names is a person (rule family-name)."""
    found = _found(nlp, "Kenya extradited to the US alongside Gulam Hussein of Pakistan, Baktash Akasha and Ibrahim "
                        "Akasha to face drug charges.")
    assert {("PERSON", "Baktash Akasha"), ("PERSON", "Ibrahim Akasha")} <= found


def test_a_nickname_in_brackets_inside_a_name_is_one_person(nlp):
    """"Michel (Sky) Langlois, 71": one PERSON, and "Langlois" later is him; not after a post ("Special
    Agent (SA) Smith") nor a place ("the Kenya (Nairobi) Police")."""
    text = ("Ensnared in the bust was Michel (Sky) Langlois, 71, a founding member of the Hells Angels. Langlois was "
            "arrested. Special Agent (SA) Smith said so. The Kenya (Nairobi) Police said it.")
    people = [(m.text, m.canonical) for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert ("Michel (Sky) Langlois", "Michel Langlois") in people and ("Langlois", "Michel Langlois") in people
    assert not [p for p, _ in people if "(" in p and "Sky" not in p]


def test_a_first_name_before_a_town_s_name_is_a_person(nlp):
    """"surpass Paloma Valencia of the CD": a first name of the list before a one-word place is a person;
    not a place of two words ("Santa Cruz")."""
    found = _found(nlp, "He could surpass Paloma Valencia of the CD. She flew from Santa Cruz to Lima.")
    assert ("PERSON", "Paloma Valencia") in found
    assert {("PLACE", "Santa Cruz"), ("PLACE", "Lima")} <= found


def test_an_undefined_acronym_that_spells_a_named_body_is_that_body(nlp):
    """"The Dutch High Tech Crime Unit ... HTCU took Hansa offline": the text never defines HTCU, but its
    letters are the initials of a body the document names (less its nationality); not an acronym before
    a programme's noun, nor one the lexicon knows as something else."""
    text = ("Operation Bayonet: This is how HTCU took Hansa Market offline\n\nThe Dutch High Tech Crime Unit "
            "expertly assumed control over Hansa. The HTCU got signals that the FBI was active. The Gateway "
            "Employment and Learning Scheme began in 1990. The main goal of the GELS programme was jobs.")
    orgs = [(m.text, m.canonical) for m in _mentions(nlp, text) if m.label == "ORG"]
    assert orgs.count(("HTCU", "Dutch High Tech Crime Unit")) == 2, orgs
    assert not [t for t, _ in orgs if t == "GELS"]


def test_a_quoted_name_a_vendor_is_known_only_as_is_that_person(nlp):
    """"his partner, a vendor known only as “Heisenberg,”": a quoted capitalised name "known (only) as"
    gives right after a noun of a person is a person everywhere, though the sentence named drugs before
    it; "known as “Spice”" after a drug is none."""
    text = ("Not only did Sebastian sell drugs under the “BossRumcheck” username, he also helped his partner, a "
            "vendor known only as “Heisenberg,” with their darknet operation. He was one of the primary shippers "
            "for Heisenberg. Heisenberg, a vendor from Hesse, managed it. The drug known as “Spice” was sold.")
    people = [m.text for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert people.count("Heisenberg") == 3, people
    assert "Spice" not in people


def test_a_handle_shaped_name_of_a_thing_is_no_person(nlp):
    """After a noun of things ("market", "app") in its sentence, a handle-shaped name "known as" gives
    is no handle; a handle in capitals is not found again in a word written otherwise ("Bitcoins")."""
    from docmine.nlp.doc_resolution import _nick_occurrences

    found = _found(nlp, "Investigators shut the market known as DeepSea. They used a messaging app known as "
                        "SkyTalk2 to trade.")
    people = {t for label, t in found if label == "PERSON"}
    assert "DeepSea" not in people and "SkyTalk2" not in people
    text = "BITCOINS paid. He sold Bitcoins. NarcoBoss and Narcoboss met."
    assert [text[s:e] for s, e in _nick_occurrences(text, "BITCOINS")] == ["BITCOINS"]
    assert [text[s:e] for s, e in _nick_occurrences(text, "Narcoboss")] == ["NarcoBoss", "Narcoboss"]


def test_a_name_the_document_treats_as_a_person_twice_is_a_person(nlp):
    """A one-word name the model reads as an organisation is a person where the document twice says
    so (a person's possession after it, a deed done to it) and never treats it as a thing; its
    capitals form goes with it. A body's possession or "its" keeps a body."""
    from docmine.nlp.doc_resolution import _person_evidence

    text = ("Agents set out to arrest Okonkwe in May. Okonkwe’s passport was found in the car. Reports "
            "said OKONKWE had bought bitcoin.")
    class Lex:
        rules = {"person": {"possessions": ["passport"], "acted_on": ["arrest"], "thing_possessions": ["shares"]}}
    assert _person_evidence(text, "Okonkwe", Lex()) == (2, 0)
    assert _person_evidence("Vantrix’s shares fell. Police arrest Vantrix staff.", "Vantrix", Lex())[1] == 1
    ms = _mentions(nlp, "Federal agents moved to arrest Delvantis in March. Delvantis had used the darknet. "
                        "Delvantis’s passport showed trips to Lagos. DELVANTIS sold bitcoin.")
    labels = {(m.text, m.label) for m in ms if m.text.lower() == "delvantis"}
    assert labels and all(label == "PERSON" for _, label in labels), labels


def test_a_report_credited_to_the_press_and_a_surname_after_a_late_full_name(nlp):
    """", reported La Prensa." credits a newspaper (not a person, not with a first name); "Hon." is
    a title, no body; a body of the name of a person named in full by a document rule is that
    person ("Sedat Peker", then "Peker left"); "the Indirect Taxation Administration of Bosnia and
    Herzegovina" is one body."""
    found = _found(nlp, "Over 200 police took part, reported La Prensa. No arrests were made, reported El "
                        "Heraldo. The cartel moved on, reported Maria Lopez. The bill was sponsored by Hon. "
                        "Benjamin Kalu. Police worked with the Indirect Taxation Administration of Bosnia and "
                        "Herzegovina.")
    assert {("ORG", "La Prensa"), ("ORG", "El Heraldo"), ("PERSON", "Maria Lopez"), ("PERSON", "Benjamin Kalu"),
            ("ORG", "Indirect Taxation Administration of Bosnia and Herzegovina")} <= set(found)
    assert not [t for label, t in found if t == "Hon"]
    text = ("Sedat Peker claims to reveal new cocaine route\n\nConvicted organized crime boss Sedat Peker has "
            "claimed to reveal a cocaine trafficking scheme from Colombia to Turkey.\n\nFormerly a "
            "pro-government figure, Peker left the country in late 2019. In today's video, Peker continued to "
            "talk about cocaine.")
    peker = [m for m in _mentions(nlp, text) if m.text == "Peker"]
    assert len(peker) == 2 and all(m.label == "PERSON" and m.canonical == "Sedat Peker" for m in peker)


def test_a_name_the_model_split_in_two_and_a_greek_company_form(nlp):
    """The model read "Justice Mohammad Karim Khan Agha" as two people: the second opens with no first
    name and the first ends in one, so they are one, though "khan" is also a word ("Ben Markey Mary
    John" stay two). "ABEE" is a Greek company's legal form: "Don ABEE" is a company, and "Don" is
    that company later in the document."""
    found = _found(nlp, "A bench headed by Justice Mohammad Karim Khan Agha dismissed the appeal. Coach : Ben "
                        "Markey Mary John spoke.")
    people = [t for label, t in found if label == "PERSON"]
    assert sorted(people) == ["Ben Markey", "Mary John", "Mohammad Karim Khan Agha"]
    found = [(m.label, m.text) for m in _mentions(nlp, "The recipient was Don ABEE, based in Kallithea, Athens. The "
                                                      "owners of Don had closed their offices. The head of Don was "
                                                      "Christakis Christodoulou.")]
    assert ("ORG", "Don ABEE") in found and found.count(("ORG", "Don")) == 2 and ("PERSON", "Don") not in found


def test_parliamentary_texts_titles_houses_and_bills(nlp):
    """"Shri" is an honorific; the Lok Sabha, SSB and the Railway Protection Force are bodies; BZP is
    a drug; "this Bill" is legislation, no person ("Bill said no" is one)."""
    found = _found(nlp, "Union Home Minister Shri Amit Shah replied in the Lok Sabha today. The Border Security "
                        "Force, SSB and Railway Protection Force have been empowered. Submissions on the status "
                        "of BZP were heard. And that is what this Bill is all about. Bill said no.")
    assert {("PERSON", "Amit Shah"), ("ORG", "Lok Sabha"), ("ORG", "SSB"), ("ORG", "Railway Protection Force"),
            ("DRUG", "BZP")} <= found and ("PERSON", "Shri Amit Shah") not in found
    # kinds of body in the plural are no one body: "State Governments and Union Territories", "State Coastal
    # Police Stations"
    found = _found(nlp, "It has to be fought by the Centre, State Governments and Union Territories. The Indian "
                        "Coast Guard, State Coastal Police Stations and Railway Protection Force acted.")
    assert {t for label, t in found if label == "ORG"} == {"Indian Coast Guard", "Railway Protection Force"}
    text = "Bill Smith spoke first. And that is what this Bill is all about, Bill said."
    assert [m.start for m in _mentions(nlp, text) if m.text == "Bill" and m.label == "PERSON"] == [text.rindex("Bill")]


def test_a_currency_s_country_and_the_acronym_of_a_post(nlp):
    """"US $50 million" names a currency, no place; "Director General of Police (DGP)" defines the
    acronym of a post, no body."""
    found = _found(nlp, "It seized fentanyl worth nearly 1 billion pesos (US $50 million). “It was used,” Gujarat "
                        "Director General of Police (DGP) Ashish Bhatia told reporters. The DGP added that the US "
                        "will help.")
    assert ("PLACE", "US") in found and ("PLACE", "Gujarat") in found  # "the US will help" is the country
    assert not [t for label, t in found if t == "DGP"]
    text = "It was worth US $50 million in the US."
    assert [m.start for m in _mentions(nlp, text) if m.text == "US"] == [text.rindex("US")]


def test_a_courts_papers_are_no_organisation(nlp):
    """"The Criminal Complaint", "the Superseding Indictment" are documents (``[org] not_org_heads``)."""
    found = _found(nlp, "Special Agent Eric Yingling filed the Criminal Complaint affidavit. The Criminal Complaint "
                        "detailed the steps. The Superseding Indictment names him.")
    assert not {t for label, t in found if label == "ORG"}, found
    assert ("PERSON", "Eric Yingling") in found


def test_names_someone_goes_by_are_persons(nlp):
    """The noun of a name someone goes by gives it right after it ("under the username “QuickFox”", "the
    pseudonyms “grauwolf” and “nachtfalke”", "under the alias Meridiano", "a/k/a “CoinLord,”", "admin
    “Tr1cky”"), so does a forum's user ("/u/BlueHeron") and a handle with "@" ("known as @7vex"); each
    is a person wherever the document repeats it, a handle in small letters also capitalised at a
    sentence's start. "the name “Pygmalion”" (a shop has a name too) and a tool "known as" are none."""
    text = ("Prosecutors charged DANIEL ROSS, a/k/a “CoinLord,” an exchanger. Operating under the username "
            "“QuickFox,” Ross sold bitcoin. A German man used the pseudonyms “grauwolf” and “nachtfalke.” "
            "Police opened an investigation into grauwolf in May. Grauwolf sold drugs. Another man sold pills "
            "under the alias Meridiano. Empire market admin “Tr1cky” claimed the attack; payments went to "
            "/u/BlueHeron. An anonymous analyst, known as @7vex, agrees. They ran a shop under the name "
            "“Pygmalion”. The market installed a defence shield, known as NetWall9.")
    found = _found(nlp, text)
    for name in ("CoinLord", "QuickFox", "grauwolf", "nachtfalke", "Grauwolf", "Meridiano", "Tr1cky", "BlueHeron",
                 "7vex"):
        assert ("PERSON", name) in found, name
    people = {t for label, t in found if label == "PERSON"}
    assert "Pygmalion" not in people and "NetWall9" not in people
    # a quoted nickname after a leader and a comma, no everyday word
    found = _found(nlp, "Police raided a motorcycle gang whose leader, “Zorvak”, had been arrested. Zorvak denies "
                        "it. Its chief, “Thanks”, wrote back.")
    assert sum(1 for label, t in found if (label, t) == ("PERSON", "Zorvak")) == 1 and ("PERSON", "Thanks") not in found
    people = [m for m in _mentions(nlp, "A gang whose leader, “Zorvak”, was held. Zorvak denies it.")
              if m.label == "PERSON"]
    assert [m.text for m in people] == ["Zorvak", "Zorvak"]
    # a quoted handle of several words is whole, not its first word ("BTH")
    found = _found(nlp, "He sold through two accounts named “KLX-OVERDOSE” and “NORTH-SUB,” the complaint says.")
    assert {("PERSON", "KLX-OVERDOSE"), ("PERSON", "NORTH-SUB")} <= found and ("PERSON", "KLX") not in found


def test_an_acronym_glossed_in_lower_case_is_no_organisation(nlp):
    """An acronym with its lower-case long form after or before it names a thing: 'DDOS (“distributed
    denial of service”)', 'anti-money laundering (“AML”)', '“NDD” (next-day delivery)'."""
    from docmine.nlp.canonical import term_acronyms

    text = ("This massive DDOS (“distributed denial of service”) attack hit the market. He broke anti-money "
            "laundering (“AML”) laws. Vendors offered “NDD” (next-day delivery). The Drug Enforcement "
            "Administration (DEA) led it.")
    assert term_acronyms(text) == {"DDOS", "AML", "NDD"}
    orgs = {t for label, t in _found(nlp, text) if label == "ORG"}
    assert not orgs & {"DDOS", "AML", "NDD"} and "DEA" in orgs
    # defined in the plural, the acronym is the same term in the singular
    text = ("He faces charges over the thousands of extrajudicial killings (EJKs) of his drug war. Due process "
            "was routinely denied EJK victims. Dark.fail lists all current darknet markets (DNMs). The former "
            "DNM leader, Dream Market, closed in 2019.")
    assert {"EJK", "EJKs", "DNM", "DNMs"} <= term_acronyms(text)
    assert not {t for label, t in _found(nlp, text) if label == "ORG"} & {"EJK", "DNM"}


def test_a_country_before_its_body_is_in_the_name(nlp):
    """"US Justice Department", "UK Border Force": a country right before a lexicon body of that country
    is part of the body's name; initials and a surname listed with a person named so are a person."""
    found = _found(nlp, "CNN has learned that a US Justice Department aircraft was used, and UK Border Force "
                        "officers seized it. The suspects were S.G. Mahida, the former pilot, S.M. Chowdhury and "
                        "P.D. Muthu, all from Mumbai. Muthu has a record. Mahida trained in Texas. He was elected "
                        "to the U.S. Senate, Barack Obama said.")
    assert ("ORG", "US Justice Department") in found and ("ORG", "UK Border Force") in found
    for name in ("S.G. Mahida", "P.D. Muthu", "Muthu", "Mahida"):
        assert ("PERSON", name) in found, name
    assert ("PERSON", "U.S. Senate") not in found


def test_darknet_markets_by_their_short_names(nlp):
    """In a text about darknet markets a market's name without "Market" is the market ("sold drugs on
    Agora and Evolution"); not at a sentence's start, and not in a text about something else."""
    found = _found(nlp, "Prosecutors say the vendor sold drugs on Agora and Evolution, two darknet markets. "
                        "Evolution of the trade continued.")
    assert ("ORG", "Agora") in found
    assert sum(1 for label, t in found if t == "Evolution" and label == "ORG") == 1
    assert not any(t == "Agora" for label, t in _found(nlp, "The Agora of Athens drew tourists in May."))


def test_a_lower_case_group_head_is_outside_the_name(nlp):
    """"the Kinahan organised crime group": the name is the organisation, as with "cartel" and "gang";
    a currency in the plural is no name ("sold Bitcoins"), a handle in capitals is ("BITCOINS")."""
    found = _found(nlp, "A leader of the notorious Kinahan organised crime group was flown in. He sold over $1 "
                        "million in Bitcoins to users. He ran accounts named RichieRich and BITCOINS.")
    assert ("ORG", "Kinahan") in found
    assert not any(t == "Bitcoins" for label, t in found)
    assert ("PERSON", "BITCOINS") in found


def test_an_ex_prefix_is_no_part_of_a_name(nlp):
    """"an ex-Irish Army commandant", "the ex-FBI agent": the body is named without "ex-"."""
    found = _found(nlp, "Cathal Berry, an ex-Irish Army commandant, said so. The ex-FBI agent and an ex-Europol "
                        "official agreed.")
    assert {("ORG", "Irish Army"), ("ORG", "FBI"), ("ORG", "Europol")} <= found, found
    assert not any(t.startswith("ex-") for _, t in found)
    assert not any(t == "Im" for _, t in _found(nlp, "Japan's Ex-Im bank announced a 900 mln dlr credit."))


def test_criminal_groups_and_markets_of_the_lexicon(nlp):
    """organisations.toml: motorcycle gangs, triads, cartels and darknet markets crime news names; a
    one-word name that is also a word is matched as written (Spanish "los bandidos" is no gang)."""
    found = _found(nlp, "The Bandidos and the Comancheros fought in Sydney. Crips and Bloods members were held. "
                        "The Marechaussee confirmed it, and Berlusconi Market went offline.")
    for name in ("Bandidos", "Comancheros", "Crips", "Bloods", "Marechaussee", "Berlusconi Market"):
        assert ("ORG", name) in found, name
    assert not {t for label, t in _found(nlp, "The old bandidos and bloods of the west.") if label == "ORG"}


def test_a_name_before_area_is_a_place(nlp):
    found = _found(nlp, "Yaba enters Bangladesh from Myanmar's Maungdaw area through the Ashikaniya area. The war "
                        "in Kachin goes on. It is an EU member state.")
    for name in ("Maungdaw", "Ashikaniya"):
        assert ("PLACE", name) in found, name
    assert not any("member" in t for label, t in found)


def test_a_name_before_a_noun_of_residents_is_a_place(nlp):
    found = _found(nlp, "Officers executed two search warrants, one at Levin and one at Waitarere. "
                        "As a result of the warrants a 30-year-old Levin man is facing charges. The following month, "
                        "three Manawatu women were arrested. Kevin Smith was held, and the Smith family spoke. "
                        "Dart is controlled by the Haft family of Washington.")
    assert ("PLACE", "Levin") in found and ("PLACE", "Manawatu") in found
    assert ("PERSON", "Levin") not in found  # "one at Levin": the same place
    assert ("PLACE", "Smith") not in found and ("PLACE", "Haft") not in found


def test_a_person_s_home_address_is_places_and_streets_no_names(nlp):
    # court news: the model read townlands as bodies, a street as a body, a town as a person
    found = _found(nlp, "Four Co Louth men were jailed at Dundalk Circuit Court. Brian Mulligan (25) of Church "
                        "View, Dromiskin, Co Louth, was paid. James McDonagh (39) of Rossmakeagh, Knockbridge, "
                        "Dundalk, organised it. At Newcastle Crown Court, Taylor, of Durham Grove, Jarrow, admitted "
                        "it. Dean McCaffrey, 30, of Brede Walk, Sale, was sentenced.")
    for place in ("Co Louth", "Dromiskin", "Rossmakeagh", "Knockbridge", "Jarrow", "Sale"):
        assert ("PLACE", place) in found, place
    assert not any(t in ("Church View", "Durham Grove", "Brede Walk") for _, t in found)
    assert not any(label in ("ORG", "PERSON") and ("Co" in t.split() or t in ("Rossmakeagh", "Jarrow", "Sale"))
                   for label, t in found)  # "Co Louth" is a county, no company ("Dromiskin, Co")
    assert {("PERSON", "Brian Mulligan"), ("PERSON", "Taylor"), ("PERSON", "Dean McCaffrey")} <= found
    # a list of people with their ages: the next name is no part of the address before it
    found = _found(nlp, "Jordan Whitfield, 41, of Essex, Darren Mulholland, 37, of Liverpool, and Arben "
                        "Krasniqi, 45, from Kent, were sentenced.")
    assert ("PERSON", "Darren Mulholland") in found and ("PLACE", "Darren Mulholland") not in found
    # an age in years, and a model place across the address's comma
    found = _found(nlp, "The van driven by Mr John Joseph Carey (57 years) of Rathanny, Golflinks Road, Tipperary "
                        "Town, was found to contain cocaine.")
    assert ("PLACE", "Rathanny") in found and not any("Golflinks" in t for _, t in found)
    # "a resident of": the parts are places whatever comes before (Nagpur was read as a person)
    found = _found(nlp, "He said that he was a resident of Itwari, Lalganj Telipura, Nagpur. Cops found ganja.")
    assert {("PLACE", "Itwari"), ("PLACE", "Nagpur")} <= found
    # no person or age before "of": a list of bodies is no address
    found = _found(nlp, "The Ministries of Justice, Interior, Finance and Health met the heads of Europol, "
                        "Eurojust, Spain.")
    assert ("PLACE", "Interior") not in found and ("ORG", "Europol") in found


def test_a_parliamentary_record_s_members_seats_bills_and_peoples(nlp):
    found = _found(nlp, "NAFTA AND THE DRUG TRADE\n\nMs. KAPTUR. Mr. Speaker, this evening we will talk. Under "
                        "NAFTA, the North American Free Trade Agreement, trade grew. It is not what is in Bill C-51 "
                        "that is objectionable. The Border Protection Legislation Bill is debated today. Te Ururoa "
                        "Flavell, MP for Waiariki, said this is bold for many Maori. Members of the Mongrel Mob "
                        "spoke. Introduced by:\nMPs Hashemi N. Dilangalen and Michael E. Midtimbang\n\nMadam "
                        "Deputy Speaker, I rise. Bill Clinton spoke.")
    assert ("PERSON", "KAPTUR") in found and ("PLACE", "Waiariki") in found
    assert ("PERSON", "Hashemi N. Dilangalen") in found and ("PERSON", "Bill Clinton") in found
    assert ("ORG", "Mongrel Mob") in found
    texts = {t for _, t in found}
    for junk in ("Speaker", "Deputy Speaker", "NAFTA", "Bill C-51", "Bill", "Border Protection Legislation",
                 "Maori", "MPs Hashemi N. Dilangalen"):
        assert junk not in texts, junk
    # the chamber before its Speaker's name stays the body (Reuters gold: "House Speaker Jim Wright")
    found = _found(nlp, "He had no comment on a proposal by House Speaker Jim Wright, D- Texas, to tax securities.")
    assert {("ORG", "House"), ("PERSON", "Jim Wright")} <= found


def test_a_place_before_a_national_agency_s_acronym_is_the_place_and_the_agency(nlp):
    # the agency's detachment or office is an internal unit (GUIDELINES.md); every annotator split it
    found = _found(nlp, "Members of the Burnaby RCMP’s Drug and Organized Crime Section said. “They were pills,” "
                        "Burnaby RCMP said in a news release. New Brunswick RCMP Cpl. Jullie Rogers-Marsh said. The "
                        "Dallas DEA office helped. Drugs were shipped as far away as Yukon and Manitoba.")
    assert {("PLACE", "Burnaby"), ("ORG", "RCMP"), ("PLACE", "New Brunswick"), ("PLACE", "Dallas"),
            ("ORG", "DEA"), ("PLACE", "Yukon")} <= found
    # "B.C." alone is British Columbia; after a year an era
    eras = _mentions(nlp, "Drugs went from B.C. to other parts of Canada. Opium was grown in 3400 B.C. in Sumer.")
    assert [(m.text, m.canonical) for m in eras if m.text == "B.C."] == [("B.C.", "British Columbia")]
    assert not any(t.endswith(("RCMP", "DEA")) and " " in t for _, t in found)
    # a body whose name holds its country stays whole
    assert ("ORG", "Kosovo Police") in _found(nlp, "Kosovo Police said on Monday.")


def test_two_known_places_joined_by_a_hyphen_are_two_places(nlp):
    found = _found(nlp, "The syndicate was active in Maharashtra-Gujarat and seized 60 kg of mephedrone. Cocaine "
                        "reached Guinea-Bissau.")
    assert {("PLACE", "Maharashtra"), ("PLACE", "Gujarat"), ("PLACE", "Guinea-Bissau")} <= found
    assert not any("Maharashtra-" in t for _, t in found)


def test_garda_capitalised_is_the_irish_police_and_its_station_no_place(nlp):
    found = _found(nlp, "It showed the vigilance of Garda personnel. Gardaí arrested him and took him to a Garda "
                        "station in County Meath. The garda on duty said little.")
    assert ("ORG", "Garda") in found and ("PLACE", "County Meath") in found
    assert ("PLACE", "Garda") not in found and ("PERSON", "Garda") not in found
    assert not any(t in ("Gardaí", "garda") for _, t in found)


def test_vehicles_peoples_and_a_body_s_members_are_no_entities(nlp):
    found = _found(nlp, "He was driving a Toyota Yaris when stopped. A Volkswagen Golf screeched to a halt. Officers "
                        "inspected a 2012 Honda Civic. The Mercedes Benz van held cannabis. Gardaí conducted a "
                        "detailed search. This is bold for many Maori in te Ao Maori. Mercedes Sosa sang.")
    texts = {t for label, t in found if label != "DRUG"}
    assert texts == {"Mercedes Sosa"}, texts
    # a make alone after an article, a possessive or a model year, or before a model code, is a car or a plane
    found = _found(nlp, "Rawmeo claimed that he drove a Porsche. To prove his Porsche ownership, he sent a video of "
                        "himself driving the Porsche. They sold a 2011 Ford F-350. He flew on an Air Corps Airbus "
                        "C295.")
    assert not {t for _, t in found} & {"Porsche", "Ford", "Airbus"}, found
    # a company named with its country or a maker's word stays one
    assert ("ORG", "Fiat Australia") in _found(nlp, "Fiat Australia said sales rose in Sydney.")
    found = _found(nlp, "The Ford Foundation gave money. Ford said profits rose. Toyota Motor said sales fell.")
    assert {("ORG", "Ford Foundation"), ("ORG", "Ford"), ("ORG", "Toyota Motor")} <= found
    # a first name that is also a people's name elsewhere stays a name (seizure news: "Sami Ullah")
    found = _found(nlp, "ANF Rawalpindi arrested Sami Ullah resident of Shangla at Islamabad International Airport.")
    assert {("PERSON", "Sami Ullah"), ("PLACE", "Shangla")} <= found


def test_a_place_and_a_post_run_into_a_name_are_the_place_and_the_person(nlp):
    found = _found(nlp, "The suspect will be presented again before Shanzu Magistrate Diana Mochache on February "
                        "21. John Major spoke.")
    assert ("PERSON", "Diana Mochache") in found and ("PERSON", "John Major") in found
    assert not any("Magistrate" in t for label, t in found)


def test_a_common_noun_is_no_place(nlp):
    found = _found(nlp, '"We must end the narcotics menace at the coast region." Sheikh Khalifa urged the '
                        'government to act.')
    assert not {t for label, t in found if label == "PLACE"}


def test_a_surname_that_is_a_word_or_a_place_is_the_person_where_the_sentence_says_so(nlp):
    text = ("Boden Gregory Bridge (20) and Tristan Simpson Brennand (21) were indicted. Bridge and Brennand have "
            "each been charged. Bridge is alleged to have sold MDMA. The Bridge was closed.\n\n"
            '"We will bring them to justice," Breon Peace, US Attorney, said. Peace’s office said he had no lawyer.'
            "\n\nDeputy Attorney General Lisa Monaco spoke in Washington. Monaco also said that most suspects "
            "were held. Monaco is a small country.")
    ms = _mentions(nlp, text)
    people = [(m.text, m.resolved) for m in ms if m.label == "PERSON" and " " not in m.text]
    assert people.count(("Bridge", "Boden Gregory Bridge")) == 2
    assert ("Peace", "Breon Peace") in people and ("Monaco", "Lisa Monaco") in people
    assert [m.label for m in ms if m.text == "Monaco"] == ["PERSON", "PLACE"]
    # the end of a longer name is none of this ("Ana Paula dos Santos said", Santos the Brazilian port)
    text = "Police seized cocaine in Santos. Federal Police Delegate Ana Paula dos Santos said the shipment was large."
    assert ("PERSON", "Santos") not in _found(nlp, text)


def test_a_one_word_person_and_a_listed_first_name_are_the_person_again(nlp):
    """"Akasha brothers Baktash and Ibrahim Akasha" then "facing Baktash and Ibrahim": a first name of
    the list is the person again though a dictionary holds it (WordNet has "Ibrahim"), and a one-word
    name the model read as a person inside a sentence is the person where it missed it; not after an
    article ("the Bassiani nightclub")."""
    text = ("The DCI announced that two Kenyan citizens, Akasha brothers Baktash and Ibrahim Akasha, had pleaded "
            "guilty to six counts.\n\nThe drug trafficking case facing Baktash and Ibrahim came to a close "
            "Wednesday.\n\nOn January 30, 2017, Ibrahim and Baktash were transferred to the custody of US agents.")
    people = [m.text for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert people.count("Baktash") == 3 and people.count("Ibrahim") == 2
    text = "Police said Bassiani was closed. Four young people died after attending the Bassiani nightclub."
    assert len([m for m in _mentions(nlp, text) if m.text == "Bassiani"]) == 1


def test_an_adjective_that_opens_a_sentence_is_no_part_of_the_surname(nlp):
    """"Unrepentant Dumani stood in the dock": once the document names Edmond Dumani, the adjective the
    model read into the name stays outside it; a first name that is also a word stays in."""
    text = ("Edmond Dumani, 44, was jailed for nine years.\n\nUnrepentant Dumani stood in the dock as prosecutors "
            "spoke.\n\nYoung Dumani - speaking through an interpreter - said little.")
    people = [(m.text, m.canonical) for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert people.count(("Dumani", "Edmond Dumani")) == 2, people
    assert not [p for p, _ in people if p.startswith(("Unrepentant", "Young"))]


def test_a_court_of_appeals_and_the_short_name_it_defines_are_one_body(nlp):
    text = ("Maduro appealed to the U.S. Court of Appeals for the Eleventh Circuit (Eleventh Circuit). He was charged "
            "in the U.S. District Court for the Southern District of New York (SDNY). The SDNY may consider it, "
            "and the Eleventh Circuit agreed.")
    orgs = [(m.text, m.canonical) for m in _mentions(nlp, text) if m.label == "ORG"]
    court = "U.S. Court of Appeals for the Eleventh Circuit"
    sdny = "U.S. District Court for the Southern District of New York"
    assert (court, court) in orgs and orgs.count(("Eleventh Circuit", court)) == 2, orgs
    assert orgs.count(("SDNY", sdny)) == 2


def test_a_body_named_with_this_is_the_text_naming_itself(nlp):
    """"This Legal Sidebar describes": a report or a body with a demonstrative is no name; a known body
    stays, and "that" is a conjunction more often ("that Congress reauthorize")."""
    found = _found(nlp, "This Legal Sidebar describes the charges. This Sidebar then discusses them. That Interpol "
                        "notice was issued. We ask that Congress reauthorize the law.")
    assert not [t for _, t in found if "Sidebar" in t]
    assert {("ORG", "Interpol"), ("ORG", "Congress")} <= found
    assert ("ORG", "Congress") in _found(nlp, "This Congress passed the law in March.")


def test_a_law_s_parts_and_its_acronym_before_a_citation_are_no_bodies(nlp):
    """"Controlled Substances Act (CSA; 21 U.S.C. §§801 et seq.)" defines CSA as the law (the guidelines
    mark no laws); "P.L. 119-37, Division B" is a part of a law."""
    found = _found(nlp, "Marijuana is controlled by the Controlled Substances Act (CSA; 21 U.S.C. §§801 et seq.). The "
                        "2018 farm bill amended the CSA definition of marijuana. The appropriations law (P.L. "
                        "119-37, Division B) amends the definition.")
    assert not [t for label, t in found if label == "ORG"], found


def test_a_prison_a_gated_community_and_a_station_after_a_preposition_are_places(nlp):
    found = _found(nlp, "He escaped from El Puente Grande prison in 2001. Police entered a house in the gated "
                        "community of Nordelta. He moved to Google in 2010. The Committee of Inquiry into Violent "
                        "Offending reported.")
    assert {("PLACE", "El Puente Grande"), ("PLACE", "Nordelta"), ("ORG", "Google")} <= found
    assert not [t for label, t in found if label == "PLACE" and "Offending" in t]


def test_a_police_station_s_place_is_its_name_alone(nlp):
    """"taken to Port police station", "the Kibera police station": the place is the name; the kind of
    facility and its head stay outside, as "station" always did."""
    found = _found(nlp, "The suspects were taken to Port police station in Kenya. They were held at the Kibera "
                        "police station.")
    assert ("PLACE", "Kibera") in found and ("PLACE", "Port") in found
    assert not [k for k in found if "police" in k[1]]


def test_an_apposition_that_names_a_facility_makes_a_place(nlp):
    """"La Roca, a maximum security prison": the model's person is the prison; a person with a first
    name and a job ("Ivan Roca, a prison guard") stays a person."""
    found = _found(nlp, "He was taken to La Roca, a maximum security prison. Ivan Roca, a prison guard, said so.")
    assert ("PLACE", "La Roca") in found and ("PERSON", "Ivan Roca") in found


def test_initials_with_a_birth_year_or_an_age_are_a_person(nlp):
    """Police releases of the Balkan route name suspects by initials: "S.T. (1966)", "N.M. (born in
    1979)", "D.K., 45,"; "U.S. (2020)" is the place."""
    found = _found(nlp, "The group was organized by a Serbian citizen, S.T. (1966). N.M. (born in 1979) was arrested "
                        "in Serbia and D.K., 45, was held. The U.S. (2020) report was cited.")
    assert {("PERSON", "S.T."), ("PERSON", "N.M."), ("PERSON", "D.K.")} <= found
    assert ("PERSON", "U.S.") not in found


def test_a_nationality_before_a_complete_name_is_no_part_of_it(nlp):
    """GUIDELINES.md: nationality adjectives are not entities. "the Ecuadorian Ministry of the
    Interior" is the ministry, "the British NCA" the NCA; "Colombian Navy" is the navy's name."""
    found = _found(nlp, "The Ecuadorian Ministry of the Interior said police found it. According to the British "
                        "NCA, he sold drugs. The Colombian Navy reported it.")
    assert {("ORG", "Ministry of the Interior"), ("ORG", "NCA"), ("ORG", "Colombian Navy")} <= found
    assert ("ORG", "Ecuadorian Ministry of the Interior") not in found
    # a country's abbreviation is no nationality: one name, and no failure on a word list without it
    found = _found(nlp, "JAPAN BECOMES FOCUS OF U.S. CONGRESS TRADE ANGER\n\nThe U.S. Congress has made Japan the "
                        "symbol of the U.S. trade crisis, the US Department of Agriculture said.")
    assert ("ORG", "U.S. Congress") in found and ("ORG", "US Department of Agriculture") in found


def test_news_outlets_that_crime_reporting_cites_are_organisations(nlp):
    """organisations.toml's English-language outlets; a name that is an everyday word counts only
    as written ("the Guardian", not "the guardian of the child")."""
    found = _found(nlp, "Herald Sun reported it, Ars Technica said, and an economist told the Guardian. The guardian "
                        "of the child spoke to Motherboard. Vendors on Silkroad were charged.")
    assert {("ORG", "Herald Sun"), ("ORG", "Ars Technica"), ("ORG", "Guardian"), ("ORG", "Motherboard"),
            ("ORG", "Silkroad")} <= found
    assert not {t for label, t in found if t.lower() in ("economist", "guardian") and t.islower()}
    # the word as a title or in a heading is no outlet
    found = _found(nlp, "Economist Evelyn Brody at Morgan Grenfell spoke. He was Chief Economist at Indeed.\n\n"
                        "American Economist Expected to Win Nobel Prize in Economics")
    assert ("ORG", "Economist") not in found


def test_a_quoted_nickname_after_a_person_is_the_person(nlp):
    """"José Antonio Yépez, “El Marro”": the quoted name after a person is a nickname of the person,
    wherever the document uses it; a quotation after a name is none."""
    text = ("José Antonio Yépez, “El Marro” (August 2020). Mexico said that “El Marro” was detained. "
            "Ana Ruiz “Thanks” said he.")
    ms = [m for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert [m.text for m in ms].count("El Marro") == 2 and "Thanks" not in {m.text for m in ms}


def test_a_full_name_the_model_missed_after_a_heading_is_the_person(nlp):
    """The model read "Tony Mokbel" in the headline, not after it: the full name again is the
    person, not its surname alone."""
    text = ("Drug kingpin Tony Mokbel received unfair trial as lawyer doubled as police informant, Lawyer X\n\n"
            "Tony Mokbel may not have received a fair trial when he was sentenced.")
    people = [m.text for m in _mentions(nlp, text) if m.label == "PERSON"]
    assert people.count("Tony Mokbel") == 2 and "Mokbel" not in people


def test_report_prose_units_classes_and_bodies(nlp):
    """An INCSR chapter: "1.4 MT were opiates" is a unit, no body; "amphetamine-type stimulants" is a
    class the guidelines' table names whole; the model's unit of a named ministry is no mention;
    two bodies run together across a comma are two."""
    found = _found(nlp, "Of this total amount, 1.4 MT were opiates and four MT were synthetic drugs. Amphetamine-type "
                        "stimulants (ATS) are trafficked, and 5 kg of methamphetamine-type narcotics were seized. "
                        "According to the Counter-Narcotics Unit of the Ministry of the Interior (MOI), use is "
                        "rising. Duties lie with the Ministry of Customs and Trade, Directorate General of Customs "
                        "Guards, and the police.")
    assert ("ORG", "MT") not in found
    assert ("DRUG", "Amphetamine-type stimulants") in found and ("DRUG", "methamphetamine") in found
    assert ("ORG", "Ministry of the Interior") in found and ("ORG", "Counter-Narcotics Unit") not in found
    assert ("ORG", "Ministry of Customs and Trade") in found


def test_a_first_name_and_an_unknown_surname_are_a_person(nlp):
    """The model reads unfamiliar surnames as bodies or places ("Faruk Orman", "Emil Babadjov"); a
    first name of the list and a surname no list knows make a person, not before a company's noun."""
    found = _found(nlp, "He spent a decade in jail, while Faruk Orman had his conviction quashed. Coinbase set up an "
                        "account for Emil Babadjov. Tommy Hilfiger Corp said.")
    assert {("PERSON", "Faruk Orman"), ("PERSON", "Emil Babadjov")} <= found
    assert ("PERSON", "Tommy Hilfiger Corp") not in found
    found = _found(nlp, "Hanson Industries, the U.S. arm of Hanson Trust PLC, said it sold the unit. Salomon Bros had "
                        "agreed to provide financing.")
    assert not {t for label, t in found if label == "PERSON"}


def test_a_wire_credit_after_a_dash_signs_off_the_article(nlp):
    found = _found(nlp, "Police seized the product that makes it through. — AFP")
    assert ("ORG", "AFP") in found


def test_news_of_the_americas_and_africa(nlp):
    """From a blind batch of Caribbean, Latin American and Kenyan news: an airport named after a
    person with "airport" in lower case is a place, so is a Nairobi estate; a plural rank before
    two names ("Insps Simon Alexis and Roland Morris") is outside them; a label printed on a package
    names no one; a suspect by initials and age ("only as MJ, 27,"); precursors by name."""
    found = _found(nlp, "He tried to leave the Alejandro Velasco Astete airport with cocaine. A raid in Nairobi’s "
                        "Nyayo Estate followed. ASP Raymond Craig and Insps Simon Alexis and Roland Morris attended. "
                        "The cocaine was in bags marked “Frozen Cassava”. Police identified him only as MJ, 27, after "
                        "the raid. Over 21 tons of acetyl chloride were seized in N.Macedonia.")
    assert {("PLACE", "Alejandro Velasco Astete"), ("PLACE", "Nyayo Estate"), ("PERSON", "Simon Alexis"),
            ("PERSON", "MJ"), ("DRUG", "acetyl chloride"), ("PLACE", "N.Macedonia")} <= found
    assert not {t for label, t in found if "Cassava" in t or t.startswith("Insps")}


def test_a_body_named_for_a_post_and_a_defined_acronym_the_model_missed(nlp):
    """A capitalised post's possessive before "Office" or "Court" names a body ("the Attorney
    General's Office", "the Magistrate's Court", "Cherokee County Sheriff's Office"); "Victoria's
    Court of Appeal" is not named for a post. A sentence's full stop after a name in mixed case
    ("of BiH.") is no part of it."""
    found = _found(nlp, "But to date, the Honduran Attorney General's Office has failed to act. Members of the Prime "
                        "Minister's Office attended. They appeared at the Magistrate's Court on Monday. Officers from "
                        "the Cherokee County Sheriff’s Office arrested him. The file went to the Prosecutor’s Office "
                        "of BiH. Victoria's Court of Appeal quashed it.")
    assert {("ORG", "Honduran Attorney General's Office"), ("ORG", "Prime Minister's Office"),
            ("ORG", "Magistrate's Court"), ("ORG", "Cherokee County Sheriff’s Office"),
            ("ORG", "Prosecutor’s Office of BiH"), ("ORG", "Court of Appeal")} <= found
    assert not {t for label, t in found if t.startswith("Victoria") and label == "ORG"}


def test_balkan_and_middle_east_news(nlp):
    """From a blind batch of Balkan, Turkish and Middle East news: a known body before a notice is
    the body alone ("the Interpol Red Notice"); "Bosnia and Hercegovina" is the country; an
    unlisted agency's acronym in brackets after a dateline and before a dash is a credit
    ("SULAIMANI (ESTA) —"); a post named inside a longer body's name is no body of its own ("the
    Department of Justice's Office of ...")."""
    found = _found(nlp, "SULAIMANI (ESTA) — The authorities on Sunday announced the arrest of a gang.\n\nPolice "
                        "arrested Naser Kelmendi in responding to the Interpol Red Notice. He was a fugitive from "
                        "justice in Bosnia and Hercegovina. The Department of Justice’s Office of Overseas "
                        "Prosecutorial Development Assistance and Training (OPDAT) trained them.")
    assert {("PLACE", "SULAIMANI"), ("ORG", "ESTA"), ("ORG", "Interpol"), ("PLACE", "Bosnia and Hercegovina"),
            ("ORG", "Office of Overseas Prosecutorial Development Assistance and Training")} <= found
    assert not {t for _, t in found if "Notice" in t or t.startswith("Justice")}
    assert not {t for label, t in found if t == "WARNING"} and ("PLACE", "WARNING") not in _found(
        nlp, "WARNING (PDF) - this file is large.")


def test_people_the_model_cut_or_read_as_a_drug_or_a_body(nlp):
    """A form of address, a first name the model left out and a model place are a person ("Hon.
    Olumide [Osoba]"); a name with particles in a list of people is one ("Kian de los Santos");
    a street name of a drug that is someone's first name before a surname is the person, and a
    quote that ends before it is no quotation mark around it (", ” Charlie Eastaugh")."""
    found = _found(nlp, "The bill was sponsored by Hon. Benjamin Kalu and Hon. Olumide Osoba. Police were found "
                        "guilty in the killings of Kian de los Santos, Carl Arnaiz, and Reynaldo de Guzman. “We have "
                        "made record cocaine seizures at sea,” Charlie Eastaugh, UK Border Force maritime director, "
                        "said. Dealers sold ‘ice’ and heroin.")
    assert {("PERSON", "Olumide Osoba"), ("PERSON", "Kian de los Santos"), ("PERSON", "Charlie Eastaugh"),
            ("DRUG", "ice")} <= found
    assert ("DRUG", "Charlie") not in found


def test_an_internal_unit_named_alone_by_what_it_does_is_no_organisation(nlp):
    """GUIDELINES.md annotates a body, not its internal units: "the Criminal Division", "the Asset
    Forfeiture Unit" named alone are no ORG, nor "Riot Squad" a person. A unit with a place or a
    nationality in it, or one the lexicon knows as a national agency, stays."""
    found = _found(nlp, "The Criminal Division and the Asset Forfeiture Unit worked with the Anti-Narcotic Unit. "
                        "Officers of the Public Order and Riot Squad arrested him. The Financial Intelligence Unit "
                        "said. The FBI New Orleans Division said so on Monday.")
    assert not {t for _, t in found if t.endswith(("Division", "Unit", "Squad"))} - {
        "Financial Intelligence Unit", "FBI New Orleans Division"}
    assert {("ORG", "Financial Intelligence Unit"), ("ORG", "FBI New Orleans Division")} <= found
    assert ("ORG", "East Flanders Drug Unit") in _found(nlp, "Police from the East Flanders Drug Unit helped.")
    # the national agency's name as written; "the country's financial intelligence unit" is a common noun
    assert not _found(nlp, "The country's financial intelligence unit said so.")


def test_british_and_irish_counties_and_a_town_with_its_county(nlp):
    """UK court releases name people "from Folkestone, Kent": the model read town and county as
    one body or place; they are two places, and counties are in places.toml (Kent, Essex and
    "East London" were unknown). A county that is a first name is matched only with "County"
    ("County Kerry", not "Kerry Smith"); a force named for its county stays a body."""
    found = _found(nlp, "Those sentenced were Jason Flisher, 43, from Folkestone, Kent (16 years), Richard Edwards, "
                        "58, from Bow, East London and David Roberts, 61, from Romford, Essex. Greater Manchester "
                        "Police and Essex Police helped. Police in County Kerry said so. Kerry Smith said.")
    assert {("PLACE", "Folkestone"), ("PLACE", "Kent"), ("PLACE", "Bow"), ("PLACE", "East London"),
            ("PLACE", "Essex"), ("ORG", "Greater Manchester Police"), ("ORG", "Essex Police"),
            ("PLACE", "County Kerry"), ("PERSON", "Kerry Smith")} <= found
    assert not {t for _, t in found if "," in t}


def test_local_court_news_gangs_surnames_and_post_nominals(nlp):
    """From a blind batch of British, Irish, Australian and New Zealand local news: a gang named
    before its lower-case noun is the gang ("the Head Hunters gang", "the WA Comanchero bikie
    gang"; not "Transnational gangs", "Mexican cartels"); a surname written with the other
    apostrophe is the person named in full ("Michael O'Leary", then "O’Leary"); letters after a
    name are no part of it ("Donal O’Sullivan BL"); a place whose canonical name has its "The"
    keeps it at a line's start ("The Hague, 14 February 2024")."""
    found = _found(nlp, "Thirty-eight Head Hunters gang members face charges after an operation against the Head "
                        "Hunters gang. The president of the newly formed WA Comanchero bikie gang was held. "
                        "Transnational gangs and Mexican cartels operate.\n\nMichael O'Leary (45) pleaded guilty. "
                        "O’Leary admitted the offence. O’Leary’s barrister, Donal O’Sullivan BL, said so.")
    assert {("ORG", "Head Hunters"), ("ORG", "Comanchero"), ("PERSON", "O’Leary"),
            ("PERSON", "Donal O’Sullivan")} <= found
    assert not {t for label, t in found if label == "ORG" and t in ("Transnational", "Mexican", "WA Comanchero")}
    assert not {t for _, t in found if t.endswith("BL")}
    found = _found(nlp, "Police seized cocaine.\n\nThe Hague, 14 February 2024\n\nThe Netherlands helped.")
    assert {("PLACE", "The Hague"), ("PLACE", "Netherlands")} <= found


def test_a_body_s_members_as_a_common_noun_are_no_mention_but_name_the_agency(nlp):
    """"Gardaí" are Irish police officers, a common noun (two blind annotators left every one
    unmarked): no ORG mention, while the lexicon still resolves a seizure's agency read from it."""
    from docmine.nlp.lexicon import Lexicon, alias_key

    found = _found(nlp, "Gardaí arrested the two men. He was caught by gardaí with almost €800,000 of cannabis.")
    assert not {t for label, t in found if label == "ORG"}
    lex = Lexicon.load()
    assert lex.orgs.get(alias_key("gardaí")) == lex.orgs.get(alias_key("Garda Síochána")) == "An Garda Síochána"


def test_a_law_s_name_names_no_bill_and_an_adjective_is_no_first_name(nlp):
    """Parliamentary text: the model read "the Foreshore and Seabed Bill" as a person, and every
    later "Bill" became him; a law's name is nobody. An adjective before a first name is no part of
    the person ("Glaswegian Stefan Boyd"), though the model read it in."""
    found = _found(nlp, "Like the Foreshore and Seabed Bill for example: 2,171 submissions. The Misuse of Drugs "
                        "Amendment Bill is nothing but noise. Panorama has identified him as Glaswegian Stefan Boyd "
                        "- although it is not known. Bill Clinton said so.")
    people = {t for label, t in found if label == "PERSON"}
    assert people == {"Stefan Boyd", "Bill Clinton"}, people


def test_a_cartel_with_a_modifier_and_an_age_before_a_semicolon(nlp):
    """Wire news: "the Sinaloa drug cartel" is the cartel as "the Sinaloa cartel" is (a lower-case
    modifier before the head); "lawyers for Baktash Akasha, 40; Ibrahim Akasha, 28;" gives two
    people aged in a list that semicolons separate (the model read the first as a place)."""
    found = _found(nlp, "The Sinaloa drug cartel, along with the Gulf cartel, was hit hard. U.S. lawyers for "
                        "Baktash Akasha, 40; Ibrahim Akasha, 28; and Vijaygiri Goswami, 56, said so. The Mexico "
                        "drug cartels grew.")
    assert {("ORG", "Sinaloa"), ("ORG", "Gulf"), ("PERSON", "Baktash Akasha"), ("PERSON", "Ibrahim Akasha"),
            ("PLACE", "Mexico")} <= found


def test_a_legal_citation_and_a_lower_case_word_run_into_a_body(nlp):
    """Parliamentary text: "Article IX of Republic Act No. 11054" is a citation, no body; a
    lower-case word the typist ran into a body's name is no part of it ("fromthe Ministry of
    Health"); a name particle stays ("al-Qaeda")."""
    found = _found(nlp, "It took submissions on the status of BZP, fromthe Ministry of Health. Under Article IX of "
                        "Republic Act No. 11054, the Bangsamoro Parliament acts. He fought al-Qaeda in Iraq.")
    assert {("ORG", "Ministry of Health"), ("ORG", "Bangsamoro Parliament"), ("ORG", "al-Qaeda")} <= found
    assert not {t for _, t in found if t.startswith(("Article", "fromthe"))}


def test_a_year_ending_a_line_is_no_count_of_the_drug_on_the_next(nlp):
    """A memo's date line, now read as prose, ended in a year right before a paragraph that opens
    with a drug: "Sofia, 11 June 2020\n\nHeroin flows" made "2020" a count of heroin."""
    found = _found(nlp, "Sofia, 11 June 2020\n\nHeroin flows through the Balkans. They seized 13500 Xanax tablets.")
    amounts = {t for label, t in found if label == "QUANTITY"}
    assert "2020" not in amounts and any(t.startswith("13500") for t in amounts), amounts



def test_compass_words_alone_are_no_body(nlp):
    """A settlement release listed "the Eastern, Northern, and Western Districts of New York": the
    model read "Northern" and "Central Districts" as bodies; directions alone name none, while
    "Central Bank" and "Northern Ireland Office" stay."""
    found = _found(nlp, "Attorneys for the Eastern, Northern, and Western Districts of New York and the Eastern and "
                        "Central Districts of California joined. The Central Bank and the Northern Ireland Office "
                        "spoke.")
    orgs = {t for label, t in found if label == "ORG"}
    assert orgs == {"Central Bank", "Northern Ireland Office"}, orgs


def test_a_known_body_before_its_unit_s_name_is_the_body(nlp):
    """GUIDELINES.md annotates the parent of an internal unit: the model's "NSW Police Criminal
    Groups" and "BGB Teknaf Battalion" are the police and the BGB; the battalion's place joins no
    agency acronym ("BGB Teknaf" was a unit read as a person)."""
    found = _found(nlp, "NSW Police Criminal Groups Squad detectives arrested him. Based on the information, BGB "
                        "Teknaf Battalion (2 BGB) Commanding officer (CO) Lt Col Ashikur Rahman directed an "
                        "operation.")
    assert {("ORG", "NSW Police"), ("ORG", "BGB"), ("PERSON", "Ashikur Rahman")} <= found
    assert not {t for _, t in found if "Criminal Groups" in t or "BGB Teknaf" in t}


def test_malaysian_and_west_african_honorifics_are_no_part_of_the_name(nlp):
    """A Malaysian police release: "deputy director Datuk Kang Chez Chiang" came out as two people,
    "Datuk Kang" and "Chez Chiang"; "Datuk" is an honorific, like "Alhaji" and "Pol Lt Gen"."""
    found = _found(nlp, "Narcotics deputy director Datuk Kang Chez Chiang said four men were held. "
                        "Pol Lt Gen Kitti Prasert said so. Alhaji Sani Abubakar was arrested.")
    people = {t for label, t in found if label == "PERSON"}
    assert {"Kang Chez Chiang", "Kitti Prasert", "Sani Abubakar"} <= people, people
    assert not {t for t in people if t.startswith(("Datuk", "Pol", "Alhaji")) or t == "Chez Chiang"}


def test_a_regional_office_named_by_its_place_is_no_body(nlp):
    """GUIDELINES.md annotates no regional office of a larger body: the model's "Tampa District
    Office" and "Cincinnati Field Office" (the DEA's and the FBI's) went; the agencies stay, and so
    does a unit with its parent inside ("FBI New Orleans Division")."""
    found = _found(nlp, "The DEA, including the Tampa District Office, as well as the FBI and its Cincinnati "
                        "Field Office, helped. The FBI New Orleans Division said so.")
    orgs = {t for label, t in found if label == "ORG"}
    assert {"DEA", "FBI"} <= orgs and not {"Tampa District Office", "Cincinnati Field Office"} & orgs, orgs


def test_ice_cream_is_no_drug(nlp):
    """An ICE release: "71 pounds of cocaine inside ice cream machines" made "ice" methamphetamine
    twice; ice with an amount stays the drug."""
    ms = _mentions(nlp, "HSI officers find 71 pounds of cocaine inside ice cream machines. The substance was "
                        "concealed inside six ice cream machines. Police seized 2 kg of ice and heroin.")
    drugs = [m.text for m in ms if m.label == "DRUG"]
    assert sorted(drugs) == ["cocaine", "heroin", "ice"], drugs


def test_a_short_name_defined_in_brackets_is_the_body_everywhere(nlp):
    """An OFAC release: "Guangzhou Tengyue Chemical Co., Ltd. (Guangzhou Tengyue)" and then
    "Guangzhou Tengyue" alone were the city and a town three times; the short name the document
    defines is the company. A bracketed common noun ("the Company") defines no name."""
    text = ("OFAC sanctioned Guangzhou Tengyue Chemical Co., Ltd. (Guangzhou Tengyue), a chemical company in "
            "China. Guangzhou Tengyue has also sold analgesics. Acme Holdings Limited (the Company) sold them "
            "in Guangzhou.")
    ms = _mentions(nlp, text)
    short = [m for m in ms if m.text == "Guangzhou Tengyue"]
    assert len(short) == 2 and all(m.label == "ORG" for m in short), [(m.text, m.label) for m in ms]
    assert short[0].canonical == "Guangzhou Tengyue Chemical"
    assert ("PLACE", "Guangzhou") in {(m.label, m.text) for m in ms}  # the city alone stays
    assert not [m for m in ms if m.text == "Company"]


def test_a_date_after_a_place_is_no_part_of_a_name(nlp):
    """A photo caption: "a press conference in George Town August 23, 2018" gave the PERSON
    "George Town August"."""
    found = _found(nlp, "The packets were shown at a press conference in George Town August 23, 2018.")
    assert ("PLACE", "George Town") in found and not {t for _, t in found if "August" in t}, found


def test_a_surname_before_a_first_name_joins_the_name(nlp):
    """An NDLEA statement: "the arrest of Egbo Emmanuel Maduka" came out as "Emmanuel Maduka";
    the rare capitalised word before a first name opens the name (surname first). A nationality
    or a place there does not, and a first name in the middle is no short form of the name."""
    found = _found(nlp, "The arrest of Egbo Emmanuel Maduka followed. Police arrested Nigerian Emmanuel Okafor "
                        "in Lagos. A court in Abuja fined Chukwu Emmanuel Obi.")
    people = {t for label, t in found if label == "PERSON"}
    assert {"Egbo Emmanuel Maduka", "Emmanuel Okafor"} <= people, people
    assert "Emmanuel" not in people and not {t for t in people if t.startswith(("Nigerian", "Lagos"))}


def test_an_acronym_of_a_programme_is_no_body(nlp):
    """A State Department statement: "the Narcotics Rewards Program (NRP)" and "under the NRP" made
    "NRP" a place and a body; an acronym a document defines for a programme's or a law's name is no
    entity, while the bureau's acronym stays."""
    found = _found(nlp, "The Bureau of International Narcotics and Law Enforcement Affairs (INL) manages the "
                        "Narcotics Rewards Program (NRP). More than 75 traffickers were brought to justice under "
                        "the NRP. The Controlled Substances Act (CSA) applies; the CSA was passed in 1970.")
    assert ("ORG", "INL") in found and not {t for _, t in found if t in ("NRP", "CSA")}, found


def test_a_charge_s_name_is_no_body_and_no_person(nlp):
    """An RCMP release: "one count of Importation of a Controlled Substance" was a body, and
    "convicted of Conspiracy to Distribute" a person; the DEA after "charged with" stays."""
    found = _found(nlp, "Police charged Joshua Wrenn of Calgary with one count of Importation of a Controlled "
                        "Substance. He was convicted of Conspiracy to Distribute Cocaine, charged with the DEA's help.")
    assert not {t for _, t in found if t.startswith(("Importation", "Conspiracy"))}, found
    assert {("PERSON", "Joshua Wrenn"), ("ORG", "DEA")} <= found


def test_a_name_listed_with_a_person_the_document_names_in_full_is_a_person(nlp):
    """A DEA sentencing release: "while Sanchez and Hinojosa received 108 and 120 months" after
    "Jose Hinojosa" kept "Sanchez" a body; a company beside a person stays one."""
    found = _found(nlp, "Judge Smith sentenced Ruben Arocha, Jose Hinojosa and Luis Lopez. The court imposed a term "
                        "for Arocha, while Sanchez and Hinojosa received 108 and 120 months. Microsoft and Hinojosa "
                        "spoke.")
    assert ("PERSON", "Sanchez") in found and ("ORG", "Sanchez") not in found, found
    assert ("PERSON", "Microsoft") not in found


def test_a_town_after_to_is_no_first_name_and_cctv_footage_is_no_body(nlp):
    """An NCA release: "taken to Carlisle to be questioned" made the city a person by its first-name
    reading, and "CCTV footage" a body."""
    found = _found(nlp, "He has now been taken to Carlisle to be questioned. Officers canvassed the area for CCTV "
                        "footage. Go next to Colleen.")
    assert ("PERSON", "Carlisle") not in found and ("ORG", "CCTV") not in found, found


def test_a_village_the_document_places_with_prepositions_is_a_place(nlp):
    """A Bangladeshi report: "Maheshkhali" (a sub-district no list knows) was a person five times;
    written after "from", "in" and "to", it is a place. Kinship names people, one word or more:
    "Salamatullah, son of deceased Habibullah"."""
    text = ("Four drug dealers were arrested along with 1.30 lakh yaba pills from Maheshkhali of Cox's Bazar. "
            "Acting on a tip about a consignment arriving in the Kutubjom of Maheshkhali, a team of RAB raided "
            "the area. The arrested are Zahid Hossain, son of Muslim Mia of Kutubzom in Maheshkhali; Salamatullah, "
            "son of deceased Habibullah; and Ruhul Amin. They bring yaba from Myanmar to Maheshkhali's coast.")
    ms = _mentions(nlp, text)
    labels = {m.label for m in ms if m.text == "Maheshkhali"}
    assert labels == {"PLACE"}, [(m.text, m.label) for m in ms]
    people = {m.text for m in ms if m.label == "PERSON"}
    assert {"Zahid Hossain", "Salamatullah", "Habibullah", "Ruhul Amin"} <= people, people


def test_an_agency_s_acronym_before_its_unit_s_name_is_the_agency(nlp):
    """An RCMP release: "The RCMP Federal Serious and Organized Crime (FSOC) in Calgary" was one
    body; GUIDELINES.md annotates the agency, not its unit. A body's own organ stays whole
    ("UN Human Rights Council": a body's word in it)."""
    found = _found(nlp, "The RCMP Federal Serious and Organized Crime (FSOC) in Calgary have charged him. The UN "
                        "Human Rights Council met.")
    orgs = {t for label, t in found if label == "ORG"}
    assert "RCMP" in orgs and not {t for t in orgs if t.startswith("RCMP ")}, orgs
    assert "UN Human Rights Council" in orgs


def test_a_nickname_in_single_quotes_after_a_name_and_names_after_alias(nlp):
    """Ecuadorian and Colombian news: "José Adolfo Macías, 'Fito', the boss ..." and later "'Fito'"
    alone were nobody; "alias la Viuda" lost its article and "Alias Arcángel" kept the word alias."""
    ms = _mentions(nlp, "Ecuador was shaken by the escapes of José Adolfo Macías, 'Fito', the boss of the gang. "
                        "The last public image we have of 'Fito' is with abundant hair. Authorities captured "
                        "alias la Viuda, alias Nicolás, and alias el Rolo. Alias Arcángel, 53, had been a member.")
    people = {(m.text, m.resolved) for m in ms if m.label == "PERSON"}
    assert ("Fito", "José Adolfo Macías") in people, people
    assert len([m for m in ms if m.text == "Fito" and m.label == "PERSON"]) == 2
    assert {"la Viuda", "Nicolás", "Arcángel"} <= {t for t, _ in people}
    assert not {t for t, _ in people if t.startswith("Alias") or t == "Viuda"}


def test_names_with_latin_extended_letters_and_a_post_before_them(nlp):
    """Montenegrin news: "the organizer Ljubo Milović" was a body (the person frame read no "ć");
    a sentence's opening word is no part of a name ("Besides Saric"); a name the model cut short
    grows where the frame holds ("Eliu Elixander Lorenzana-Cordon, 43,"), but not into a title."""
    found = _found(nlp, "The smuggling was identified as the work of the organizer Ljubo Milović, a man from Tivat. "
                        "Darko Saric was jailed. Besides Saric, the court jailed 30 people. Eliu Elixander "
                        "Lorenzana-Cordon, 43, arrived in the United States. ABF Superintendent Mark Nguyen, 50, "
                        "said so. SIM cards were seized.")
    people = {t for label, t in found if label == "PERSON"}
    assert {"Ljubo Milović", "Eliu Elixander Lorenzana-Cordon", "Mark Nguyen"} <= people, people
    assert not {t for t in people if t.startswith(("Besides", "Superintendent"))}
    assert ("ORG", "SIM") not in found


def test_german_states_are_places_and_a_small_count_in_brackets_is_no_age(nlp):
    """A Hamburg police release: "searches in Hamburg (8), Lower Saxony (3), Mecklenburg-Western
    Pomerania (3)" made the states people of three (an age in brackets) or nothing."""
    found = _found(nlp, "Officers searched homes in Hamburg (8), Lower Saxony (3), Mecklenburg-Western Pomerania (3) "
                        "and Schleswig-Holstein (1).")
    assert {("PLACE", "Lower Saxony"), ("PLACE", "Mecklenburg-Western Pomerania"),
            ("PLACE", "Schleswig-Holstein")} <= found, found
    assert not {t for label, t in found if label == "PERSON"}


def test_a_car_after_adjectives_and_a_saint_s_name_are_no_body_and_no_person(nlp):
    """"confiscated a high-quality BMW" made the maker a body and "a Vauxhall Vivaro van" a person;
    a saint's name in an address is a place ("a farmer of Cattaboo district, St Elizabeth")."""
    found = _found(nlp, "Officers also confiscated a high-quality BMW as a suspected means of crime. Cocaine was "
                        "found in the back of a Vauxhall Vivaro van. George Shakespeare, a farmer of Cattaboo "
                        "district, St Elizabeth, was charged.")
    assert not {t for label, t in found if label in ("ORG", "PERSON") and ("BMW" in t or "Vauxhall" in t)}, found
    assert ("PLACE", "St Elizabeth") in found and ("PERSON", "St Elizabeth") not in found


def test_a_town_s_name_may_open_a_name_the_model_read_and_a_post_of_a_body_frames_one(nlp):
    """"Devis [Rivera Maradiaga] testified": "Devis" is a town in the gazetteer, and the run was
    refused; beside the model's person it opens the name."""
    found = _found(nlp, "Los Cachiros testify to bribes paid to Tony Hernandez\n\nDevis Rivera Maradiaga testified "
                        "in Federal Court in New York on Monday.")
    assert ("PERSON", "Devis Rivera Maradiaga") in found, found
    assert ("PLACE", "Devis") not in found


def test_a_family_name_before_brothers_is_a_person_and_a_designator_alone_no_place(nlp):
    """Honduran court news: "run by the Ardon brothers" read as a town; Montenegrin news: "the
    president of the Municipality of Budva" made "Municipality" a place of its own."""
    found = _found(nlp, "He tied Tony Hernandez to the AA Cartel, run by the Ardon brothers in El Paraiso, Copan, "
                        "Honduras. The president of the Municipality of Budva was detained.")
    assert ("PERSON", "Ardon") in found and ("PLACE", "Ardon") not in found, found
    assert ("PLACE", "Municipality") not in found


def test_a_surname_after_a_name_particle_on_a_title_case_line_stays_in_the_name(nlp):
    """The bundled corpus's Europol contact line "Mr. Tom De Wit, Europol Press Office" is Title
    Case; "Wit" was read as an everyday word of a headline and the person became "Tom De"."""
    found = _found(nlp, "Press contact\nMr. Tom De Wit, Europol Press Office\nPhone: +31 70 302 5001")
    assert ("PERSON", "Tom De Wit") in found and ("PERSON", "Tom De") not in found, found
    # the headline's other everyday words are still read again ("Putin Responds" is no name)
    found = _found(nlp, "Oil Falls As Putin Responds To Sanctions\nPrices fell on Monday, traders said.")
    assert ("PERSON", "Putin") in found and not {t for _, t in found if "Responds" in t or "Oil" in t}, found


def test_a_letter_after_a_noun_it_names_a_kind_of_is_no_initial(nlp):
    """"hepatitis C. Coverage across the region" made "C. Coverage" a person; "Schedule I. John
    Carter" swallowed the schedule's letter. A real initial stays ("by J. Smith", "Dr. A. Jones")."""
    found = _found(nlp, "Injecting drug use drives the transmission of HIV and hepatitis C. Coverage across the "
                        "region remains low.")
    assert not {t for label, t in found if label == "PERSON"}, found
    found = _found(nlp, "Cocaine is listed in Schedule I. John Carter, the director, disagreed.")
    assert ("PERSON", "John Carter") in found and not {t for label, t in found if "Schedule" in t}, found
    found = _found(nlp, "The report was written by J. Smith and presented by Dr. A. Jones in Vienna.")
    assert {("PERSON", "J. Smith"), ("PERSON", "A. Jones")} <= found, found


def test_plural_unit_words_make_no_person_and_a_questionnaire_no_body(nlp):
    """The bundled corpus: "Joint Investigation Teams" was a person in two reports and "the Annual
    Report Questionnaire" an organisation in four. A surname that is a plural stays ("David Laws")."""
    found = _found(nlp, "Cooperation ranges from information requests to jointly planned investigations. Joint "
                        "Investigation Teams, supported financially by Eurojust, help. This brief draws on seizure "
                        "data reported to UNODC through the Annual Report Questionnaire.")
    assert not {t for label, t in found if "Teams" in t and label == "PERSON"}, found
    assert not {t for label, t in found if "Questionnaire" in t}, found
    assert ("PERSON", "David Laws") in _found(nlp, "Former minister David Laws spoke to reporters in London.")


def test_a_numbered_heading_and_a_list_item_s_verb_are_no_names(nlp):
    """Bundled reports: "8. Conclusions" was an organisation (a heading with its number), and so
    was "Invest" opening a recommendation; "the Center" (a back-reference to SELEC) is generic."""
    found = _found(nlp, "None of the challenges have been met.\n\n8. Conclusions\n\nNone of the challenges "
                        "described here is new.\n\nRecommendations\n\n• Invest in integrity measures and rotation "
                        "schemes.\n\nThe Southeast European Law Enforcement Center (SELEC) held its autumn meeting at "
                        "the headquarters of the Center in Bucharest on 4 and 5 October 2022.")
    assert not {t for label, t in found if t in ("Conclusions", "Invest", "Center")}, found
    assert ("ORG", "Southeast European Law Enforcement Center") in found and ("PLACE", "Bucharest") in found
    # a one-word heading that names a body stays; a verb that is also a noun is no list item's verb only
    found = _found(nlp, "Europol helped.\n\n2. Europol\n\nEuropol supports the member states.")
    assert ("ORG", "Europol") in found


def test_a_post_before_a_body_s_acronym_and_a_title_before_a_first_name_on_a_contact_line(nlp):
    """"Vice-President of the Financial Crimes Investigation Board (MASAK)" was the body's name;
    "Ms. Marta Lopes, Head of Communication" (Title Case) lost "Lopes", a verb's form; "Project
    Prism" made "Prism" a person ("Project" only qualifies a post)."""
    found = _found(nlp, "Participants\nMr. Kemal Baran – Vice-President of the Financial Crimes Investigation Board "
                        "(MASAK)\n\nPress contact\nMs. Marta Lopes, Head of Communication\nTelephone: +351 21 121 02 00"
                        "\n\nMinutes: Project Prism and Project Cohesion Task Force meeting\nDate | 10 December 2019")
    assert {("PERSON", "Kemal Baran"), ("ORG", "Financial Crimes Investigation Board"), ("ORG", "MASAK"),
            ("PERSON", "Marta Lopes")} <= found, found
    assert not {t for _, t in found if t.startswith("Vice-President") or t == "Marta"}, found
    assert ("PERSON", "Prism") not in found


def test_a_body_s_part_before_its_name_and_the_domain_s_common_nouns_are_no_places(nlp):
    """Bundled corpus: "the General Secretariat of the International Criminal Police Organization"
    gave the place "General Secretariat"; "Hawala" (the money-transfer system) opening a headline
    and "Member States" were places."""
    found = _found(nlp, "Hawala network that moved drug money from Europe to Dubai dismantled\n\nOfficers posted at "
                        "Europol in The Hague and at the General Secretariat of the International Criminal Police "
                        "Organization in Lyon wrote it. The report, with contributions from Member States, describes "
                        "typologies.")
    assert not {t for _, t in found if t in ("General Secretariat", "Hawala", "Member States")}, found
    assert {("PLACE", "Lyon"), ("PLACE", "Dubai"), ("ORG", "International Criminal Police Organization")} <= found


def test_a_german_body_s_compound_makes_a_body(nlp):
    """The bundled Hamburg customs release: "Press contact: Hauptzollamt Hamburg, Press Office" was
    a person; the city alone stays a place."""
    found = _found(nlp, "Germany seized cocaine in Hamburg.\n\nPress contact: Hauptzollamt Hamburg, Press Office "
                        "Telephone: +49 40 555 0163")
    assert ("ORG", "Hauptzollamt Hamburg") in found and ("PERSON", "Hauptzollamt Hamburg") not in found, found
    assert ("PLACE", "Hamburg") in found
