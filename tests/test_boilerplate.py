"""Collection boilerplate: wire credits, datelines and recurring paragraphs are learned from the
collection, blanked before topic features are counted (offsets kept), and keep their entity
mentions out of the topic features."""
import random

from docmine.analysis.boilerplate import Boilerplate, learn, learn_and_clean
from docmine.analysis.topics import cluster_texts, fit_topics, load_model
from docmine.store import Store
from storekit import add_document

CITIES = ["WASHINGTON", "LONDON", "NEW YORK", "TOKYO", "PARIS", "BERLIN"]
CREDITS = ["Reuters", "AP", "AFP"]
SUBJECTS = {
    "markets": ["Stocks rose as investors bet on lower interest rates and strong earnings from banks.",
                "The dollar slipped against the euro after weak factory orders and bond yields fell.",
                "Oil prices climbed above forty dollars a barrel on supply worries in the Gulf."],
    "football": ["The striker scored twice as the home side won the league match in front of a full stadium.",
                 "The coach praised his defenders after a goalless draw in the cup quarter final.",
                 "The midfielder signed a new contract with the club until the end of the season."],
    "space": ["The probe sent back images of the ringed planet after a seven year journey.",
              "Astronomers found a comet whose orbit brings it close to the sun every century.",
              "The rocket carried a telescope into orbit to study distant galaxies."],
}
DISCLAIMER = "Copyright 2004 the publisher. All rights reserved. Not for redistribution."


def wire_story(rng: random.Random, subject: str) -> str:
    city, credit = rng.choice(CITIES), rng.choice(CREDITS)
    body = " ".join(rng.sample(SUBJECTS[subject], 2))
    return f"Headline about {subject}\n\n{city} ({credit}) - {body}\n\n{DISCLAIMER}"


def wire_collection(n: int = 60, seed: int = 0) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    subjects = [rng.choice(sorted(SUBJECTS)) for _ in range(n)]
    return [wire_story(rng, s) for s in subjects], subjects


def test_credits_datelines_and_recurring_paragraphs_are_blanked_in_place():
    texts, _ = wire_collection()
    bp = learn(texts)
    assert {"reuters", "ap", "afp"} <= bp.credits and bp.datelines
    assert any("copyright" in p for p in bp.paragraphs)
    for text in texts:
        clean = bp.clean(text)
        assert len(clean) == len(text) and clean.count("\n") == text.count("\n")  # offsets do not move
        assert "Reuters" not in clean and "(AP)" not in clean and "Copyright" not in clean
        assert not any(city in clean for city in CITIES)
        assert "Headline about" in clean  # the subject stays
    body = texts[0].split("\n\n")[1].split(" - ", 1)[1]
    assert body in bp.clean(texts[0])


def test_learn_and_clean_is_learn_then_clean():
    texts, _ = wire_collection()
    texts += ["Contact: desk@example.com\n\nThe rocket carried a telescope into orbit.", ""]
    bp, cleaned = learn_and_clean(texts)
    assert bp == learn(texts) and bp.paragraphs
    assert cleaned == [bp.clean(t) for t in texts]
    assert cleaned != texts


def test_a_collection_without_recurring_forms_is_left_whole():
    texts = ["Stocks rose - as investors bet on lower rates (in March).", "The striker scored twice (a record).",
             "The probe sent back images of the planet.", "Oil prices climbed on supply worries."]
    bp = learn(texts)
    assert not bp.credits and not bp.paragraphs and not bp.datelines
    assert [bp.clean(t) for t in texts] == texts


def test_lower_case_title_dashes_are_not_datelines():
    texts, _ = wire_collection()
    bp = learn(texts)
    title = "Bad day for drug companies - and patients\n\nShares fell."
    assert bp.clean(title) == title


def test_round_trip_through_the_stored_model(tmp_path):
    texts, subjects = wire_collection()
    labels, _, model = cluster_texts(texts, k=3, seed=0)
    assert model.boilerplate.credits and "reuters" not in model.vocabulary and "copyright" not in model.vocabulary
    again = type(model).from_json(model.to_json())
    assert again.boilerplate == model.boilerplate
    new = wire_story(random.Random(5), "space")
    assert again.predict([new])[0][0] == model.predict([new])[0][0]
    assert Boilerplate.from_dict(None) == Boilerplate()


def test_credit_and_table_furniture_entities_are_not_topic_features(tmp_path):
    """Before: every "(Reuters)" credit tagged ORG added ent_org_reuters to each wire story, and
    lower-case table furniture tagged ORG ("cts") became a feature of every earnings note."""
    texts, subjects = wire_collection()
    texts = [t + ("\n\nShr 12 cts vs 9 cts." if s == "markets" else "") for t, s in zip(texts, subjects, strict=True)]
    with Store(tmp_path / "wire.db") as store:
        for i, text in enumerate(texts):
            spec = {c: "ORG" for c in CREDITS if f"({c})" in text} | {"cts": "ORG", "Gulf": "PLACE"}
            add_document(store, f"wire/{i:03d}.txt", text, {k: v for k, v in spec.items() if k in text})
        fit_topics(store, k=3, seed=0)
        vocab = set(load_model(store).vocabulary)
    assert not {"ent_org_reuters", "ent_org_ap", "ent_org_afp", "ent_org_cts"} & vocab
    assert "ent_place_gulf" in vocab  # a name in the story's own text stays a feature
