"""The seizure-role recogniser (docmine.seizures.roles): concealment and seizing agency on
sentences written for these tests, the shipped weights' metadata, and the heldout fifth of the
drug-seizure news set staying above a floor (skipped where ../shared/data is absent)."""
import json

import pytest

from conftest import ROOT, SHARED
from docmine.nlp.mention import Mention

MODELS = ROOT / "src" / "docmine" / "models"
SEIZURE_SET = SHARED / "data" / "drug-seizure-ner" / "train.spacy"


@pytest.fixture(scope="module")
def parser():
    from docmine.seizures.parse import load_parser

    return load_parser()


@pytest.fixture(scope="module")
def roles_model():
    from docmine.seizures.roles import load_roles

    return load_roles()


def sentence_doc(nlp, parser, text):
    """docmine's own mentions on the sentence, then the parsed Doc find_roles receives."""
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate
    from docmine.seizures.parse import sentence_docs

    (_, mentions, _), = list(annotate(nlp, [Document(path="t", sha256="", format="txt", text=text)]))
    return sentence_docs(parser, text, [(0, len(text))], mentions)[0]


def roles(nlp, parser, model, text):
    from docmine.seizures.roles import find_roles

    return {(s.text, s.label_) for s in find_roles(sentence_doc(nlp, parser, text), model)}


@pytest.mark.parametrize("text,expected", [
    ("Customs officers found 20 kg of cocaine hidden in a banana container at the port.",
     {("Customs officers", "AGENCY"), ("banana container", "CONCEAL")}),
    ("Police seized 3 kg of heroin from a car near the border.",
     {("Police", "AGENCY"), ("car", "CONCEAL")}),
    ("The cocaine was concealed in a false compartment of the truck.",
     {("false compartment of the truck", "CONCEAL")}),
    ("Officers recovered 500 grams of methamphetamine from his trolley bag at the airport.",
     {("Officers", "AGENCY"), ("trolley bag", "CONCEAL")}),
    # the training set leaves a person's possessive out 9 times in 12 ("Lingman's [house]"), but the
    # tagger-backed model (2026.12.3) keeps it here ("suspect's apartment"): a boundary error only,
    # see test_possessive_concealment_is_found
    pytest.param("Anti-narcotics police found 12 kg of hashish in the suspect's apartment.",
                 {("apartment", "CONCEAL")},
                 marks=pytest.mark.xfail(reason="person's possessive kept in the span", strict=False)),
])
def test_finds_agency_and_concealment(nlp, parser, roles_model, text, expected):
    found = roles(nlp, parser, roles_model, text)
    assert expected <= found, found


def test_possessive_concealment_is_found(nlp, parser, roles_model):
    found = roles(nlp, parser, roles_model, "Anti-narcotics police found 12 kg of hashish in the suspect's apartment.")
    assert {t for t, lab in found if lab == "CONCEAL"} & {"apartment", "suspect's apartment"}, found


@pytest.mark.parametrize("text", [
    # an agency only mentioned in passing: a report, a statistic, a policy statement
    # known limitation: a body named as the author of a report ("a report by UNODC") is taken for
    # the seizing agency (the training set itself marks such bodies as ORG now and then)
    pytest.param("According to a report by the United Nations Office on Drugs and Crime, cocaine use is "
                 "rising in Europe.", marks=pytest.mark.xfail(reason="report author read as agency", strict=False)),
    # the same limitation since 2026.12.4: any refit on today's recognition (2026.12.3's code too)
    # scores "United Nations Office" 0.265 here, above the AGENCY threshold
    pytest.param("Cocaine use is rising in Europe, the United Nations Office on Drugs and Crime said in its annual "
                 "report.", marks=pytest.mark.xfail(reason="report author read as agency", strict=False)),
    "The minister said the police budget would increase next year.",
    "Experts at the World Health Organization warned about the risks of fentanyl.",
])
def test_no_agency_for_a_passing_mention(nlp, parser, roles_model, text):
    assert not {t for t, lab in roles(nlp, parser, roles_model, text) if lab == "AGENCY"}


@pytest.mark.parametrize("text", [
    "Cocaine prices fell sharply in Europe last year.",
    "The committee discussed new rules on cannabis advertising.",
])
def test_no_concealment_without_a_hiding_place(nlp, parser, roles_model, text):
    assert not {t for t, lab in roles(nlp, parser, roles_model, text) if lab == "CONCEAL"}


def test_spans_are_labelled_scored_sorted_and_disjoint(nlp, parser, roles_model):
    from docmine.seizures.roles import find_roles

    doc = sentence_doc(nlp, parser, "Border guards seized 40 kg of heroin hidden in a shipment of mango and "
                                    "in the spare tyre of a van, and searched the driver's house.")
    spans = find_roles(doc, roles_model)
    assert spans
    assert all(s.label_ in ("CONCEAL", "AGENCY") for s in spans)
    assert all(isinstance(s._.role_score, float) and 0.0 < s._.role_score <= 1.0 for s in spans)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_works_on_a_doc_without_entities(parser, roles_model):
    from docmine.seizures.parse import sentence_docs
    from docmine.seizures.roles import find_roles

    text = "Police found the pills in a suitcase."
    doc = sentence_docs(parser, text, [(0, len(text))], [])[0]
    assert {s.text for s in find_roles(doc, roles_model) if s.label_ == "CONCEAL"} == {"suitcase"}
    empty = sentence_docs(parser, "", [(0, 0)], [])[0]
    assert find_roles(empty, roles_model) == []


def test_sentence_inside_a_longer_text(nlp, parser, roles_model):
    """Mentions of the whole document, the second sentence's span: offsets stay consistent."""
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate
    from docmine.seizures.parse import sentence_docs
    from docmine.seizures.roles import find_roles

    text = "The port is busy. Customs officers found 20 kg of cocaine in a container of bananas."
    (_, mentions, sents), = list(annotate(nlp, [Document(path="t", sha256="", format="txt", text=text)]))
    assert all(isinstance(m, Mention) for m in mentions)
    doc = sentence_docs(parser, text, [sents[-1]], mentions)[0]
    found = {(s.text, s.label_) for s in find_roles(doc, roles_model)}
    assert ("Customs officers", "AGENCY") in found
    assert any(lab == "CONCEAL" and "container" in t for t, lab in found)


def test_shipped_weights_carry_their_data_card():
    data = json.loads((MODELS / "seizure_roles.json").read_text(encoding="utf-8"))
    for key in ("version", "training_data", "split", "C", "thresholds", "cv", "heldout", "weights", "bias"):
        assert key in data, key
    assert "i % 5 == 4" in data["split"]
    assert set(data["thresholds"]) == {"CONCEAL", "AGENCY"}
    assert {"CONCEAL", "AGENCY"} <= set(data["weights"])
    assert data["heldout"] and data["cv"]


def test_decode_keeps_at_most_max_spans_per_role():
    """Best first, no overlaps, and a role with a limit keeps only its best spans; a role
    without a limit keeps every span above its threshold."""
    from docmine.seizures.roles import decode

    scored = [(0.9, "CONCEAL", 5, 7), (0.6, "CONCEAL", 10, 11), (0.5, "CONCEAL", 6, 8),
              (0.8, "AGENCY", 0, 1), (0.4, "AGENCY", 2, 3), (0.05, "AGENCY", 12, 13)]
    th = {"CONCEAL": 0.2, "AGENCY": 0.2}
    assert decode(scored, th) == [(0.8, "AGENCY", 0, 1), (0.4, "AGENCY", 2, 3),
                                  (0.9, "CONCEAL", 5, 7), (0.6, "CONCEAL", 10, 11)]
    assert decode(scored, th, {"CONCEAL": 1}) == [(0.8, "AGENCY", 0, 1), (0.4, "AGENCY", 2, 3),
                                                  (0.9, "CONCEAL", 5, 7)]
    assert decode(scored, th, {"CONCEAL": 1, "AGENCY": 1}) == [(0.8, "AGENCY", 0, 1), (0.9, "CONCEAL", 5, 7)]
    # nothing above the threshold: nothing, with or without limits
    assert decode([(0.1, "CONCEAL", 0, 2)], th, {"CONCEAL": 1}) == []


def test_shipped_decoding_limits_are_known_roles():
    from docmine.seizures.roles import ROLES, load_roles

    model = load_roles(str(MODELS))
    assert set(model.max_spans) <= set(ROLES)
    assert all(isinstance(n, int) and n >= 1 for n in model.max_spans.values())


def test_one_concealment_per_sentence_in_a_non_seizure_sentence(nlp, parser, roles_model):
    """A sentence with several vehicles and bags but no seizure yields at most the limit."""
    found = roles(nlp, parser, roles_model, "Heroin prices in Europe fell as trucks, cars and boats "
                                            "carried more bags and containers across the border.")
    n = sum(1 for _, lab in found if lab == "CONCEAL")
    assert n <= roles_model.max_spans.get("CONCEAL", n), found


def test_word_classes_are_lowercase_lists():
    from docmine.seizures.roles import load_classes

    classes = load_classes(MODELS)
    assert {"conceal.vehicle", "conceal.container", "agency.agent", "verbs.seize"} <= set(classes)
    assert all(w == w.lower() and w.strip() for words in classes.values() for w in words)


@pytest.mark.slow
@pytest.mark.skipif(not SEIZURE_SET.is_file(), reason="../shared/data/drug-seizure-ner is not here")
def test_heldout_figures_stay_above_a_floor():
    """Re-score the shipped weights on the heldout fifth (i % 5 == 4) of the drug-seizure set."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_seizure_roles", ROOT / "scripts" / "train_seizure_roles.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    from docmine.seizures.roles import load_classes, load_roles

    model = load_roles(str(MODELS))
    items = [x for x in train.prepare(SEIZURE_SET, heldout_only=True)]
    rows = train.featurise(items, load_classes(MODELS), train.model_tagged(model, items))
    res = train.score(rows, train.predict(rows, model), model.thresholds, model.max_spans)
    assert res["CONCEAL"]["f1"] >= 0.55, res  # shipped: 0.632
    assert res["AGENCY"]["f1"] >= 0.70, res  # shipped: 0.750
