"""The BIO tagger of the seizure roles (docmine.seizures.role_tagger): decoding, tag <-> span
conversion, a tiny perceptron that learns a pattern, the shipped weights, and how its spans reach
the span classifier (candidates and features)."""
import json

import numpy as np
import pytest

from conftest import ROOT

MODELS = ROOT / "src" / "docmine" / "models"


@pytest.fixture(scope="module")
def parser():
    from docmine.seizures.parse import load_parser

    return load_parser()


def parsed(nlp, parser, text):
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate
    from docmine.seizures.parse import sentence_docs

    (_, mentions, _), = list(annotate(nlp, [Document(path="t", sha256="", format="txt", text=text)]))
    return sentence_docs(parser, text, [(0, len(text))], mentions)[0]


def test_tags_and_spans_round_trip():
    from docmine.seizures.role_tagger import TAGS, spans_to_tags, tags_to_spans

    spans = [(0, 2, "AGENCY"), (5, 6, "CONCEAL"), (6, 9, "CONCEAL")]
    tags = spans_to_tags(10, spans)
    assert [TAGS[t] for t in tags[:3]] == ["B-AGENCY", "I-AGENCY", "O"]
    assert tags_to_spans(tags) == spans
    # an overlapping second span is dropped, not merged
    assert tags_to_spans(spans_to_tags(5, [(0, 3, "CONCEAL"), (2, 4, "AGENCY")])) == [(0, 3, "CONCEAL")]
    # a stray I- (never produced by viterbi) opens no span
    assert tags_to_spans([TAGS.index("I-CONCEAL"), 0]) == []


def test_viterbi_never_starts_a_span_inside():
    """Emissions favour I-CONCEAL everywhere; the only legal reading starts with B-CONCEAL."""
    from docmine.seizures.role_tagger import TAGS, viterbi

    em = np.zeros((3, len(TAGS)))
    em[:, TAGS.index("I-CONCEAL")] = 5.0
    em[:, TAGS.index("B-CONCEAL")] = 1.0
    tags = viterbi(em, np.zeros((len(TAGS) + 1, len(TAGS))))
    assert [TAGS[t] for t in tags] == ["B-CONCEAL", "I-CONCEAL", "I-CONCEAL"]
    # I-AGENCY cannot follow B-CONCEAL
    em = np.zeros((2, len(TAGS)))
    em[0, TAGS.index("B-CONCEAL")] = 5.0
    em[1, TAGS.index("I-AGENCY")] = 5.0
    assert TAGS[viterbi(em, np.zeros((len(TAGS) + 1, len(TAGS))))[1]] != "I-AGENCY"
    assert viterbi(np.zeros((0, len(TAGS))), np.zeros((len(TAGS) + 1, len(TAGS)))) == []


def test_forced_viterbi_is_the_best_reading_with_a_span_of_the_role():
    """Brute force over every legal tag sequence of short random sentences."""
    import itertools

    from docmine.seizures.role_tagger import _START, ALLOWED, TAGS, viterbi, viterbi_forced

    rng = np.random.default_rng(0)
    b = TAGS.index("B-CONCEAL")
    for _ in range(50):
        n = int(rng.integers(1, 5))
        em, trans = rng.normal(size=(n, len(TAGS))), rng.normal(size=(len(TAGS) + 1, len(TAGS)))

        def total(seq, em=em, trans=trans):
            return trans[_START, seq[0]] + em[0, seq[0]] + sum(trans[seq[i - 1], seq[i]] + em[i, seq[i]]
                                                               for i in range(1, len(seq)))

        legal = [list(q) for q in itertools.product(range(len(TAGS)), repeat=n)
                 if ALLOWED[_START, q[0]] and all(ALLOWED[q[i - 1], q[i]] for i in range(1, n))]
        assert viterbi_forced(em, trans, "CONCEAL") == max((q for q in legal if b in q), key=total)
        assert viterbi(em, trans) == max(legal, key=total)
    assert viterbi_forced(np.zeros((0, len(TAGS))), np.zeros((len(TAGS) + 1, len(TAGS))), "CONCEAL") == []


def test_forced_spans_only_when_the_role_is_missing():
    from docmine.seizures.role_tagger import TAGS, RoleTagger

    feats = [["x"], ["y"], ["z"]]
    weights = {"x": np.eye(len(TAGS))[TAGS.index("B-AGENCY")] * 2, "y": np.zeros(len(TAGS)),
               "z": np.eye(len(TAGS))[TAGS.index("B-CONCEAL")] * 0.5}
    trans = np.zeros((len(TAGS) + 1, len(TAGS)))
    trans[:, 0] = 1.0  # "O" is cheap: the best reading has no CONCEAL span
    tagger = RoleTagger(weights=weights, transitions=trans)
    assert tagger.spans_features(feats) == [(0, 1, "AGENCY")]
    assert tagger.spans_features(feats, forced=True) == [(0, 1, "AGENCY"), (2, 3, "CONCEAL?")]
    weights["z"] = np.eye(len(TAGS))[TAGS.index("B-CONCEAL")] * 3
    assert tagger.spans_features(feats, forced=True) == [(0, 1, "AGENCY"), (2, 3, "CONCEAL")]


def test_perceptron_learns_a_pattern():
    """Toy data: the word after "in" is a concealment, "police" an agency, nothing else."""
    from docmine.seizures.role_tagger import TAGS, RoleTagger, tags_to_spans, train_perceptron

    def sent(words):
        feats = [["bias", f"w={w}", f"w-1={words[i - 1] if i else '<>'}"] for i, w in enumerate(words)]
        tags = [TAGS.index("B-CONCEAL") if i and words[i - 1] == "in" else
                TAGS.index("B-AGENCY") if w == "police" else 0 for i, w in enumerate(words)]
        return feats, tags

    data = [sent(s.split()) for s in ("police found it in car", "drugs in bag", "police seized pills",
                                      "it was in truck", "customs found nothing")] * 3
    weights, trans, dense = train_perceptron(data, epochs=5)
    assert dense is None
    tagger = RoleTagger(weights=weights, transitions=trans)
    feats, _ = sent("police found heroin in van".split())
    assert tags_to_spans(tagger.tag_features(feats)) == [(0, 1, "AGENCY"), (4, 5, "CONCEAL")]
    feats, _ = sent("prices fell last year".split())
    assert tags_to_spans(tagger.tag_features(feats)) == []


def test_shipped_tagger_file_matches_the_role_model():
    from docmine.seizures.role_tagger import TAGGER_FILE, TAGS

    roles = json.loads((MODELS / "seizure_roles.json").read_text(encoding="utf-8"))
    assert roles["tagger"] == TAGGER_FILE
    data = json.loads((MODELS / TAGGER_FILE).read_text(encoding="utf-8"))
    assert data["tags"] == list(TAGS)
    assert len(data["transitions"]) == len(TAGS) + 1
    assert all(len(w) == len(TAGS) for w in data["weights"].values())
    assert data["cv"]["CONCEAL"]["f1"] > 0 and data["cv"]["AGENCY"]["f1"] > 0


def test_shipped_tagger_reads_roles(nlp, parser):
    from docmine.seizures.roles import load_roles

    tagger = load_roles(str(MODELS)).tagger
    assert tagger is not None
    doc = parsed(nlp, parser, "Customs officers found 20 kg of cocaine hidden in a banana container at the port.")
    found = {(doc[s:e].text, r) for s, e, r in tagger.spans(doc)}
    assert ("Customs officers", "AGENCY") in found, found
    assert any(r == "CONCEAL" and "container" in t for t, r in found), found
    doc = parsed(nlp, parser, "Cocaine prices fell sharply in Europe last year.")
    assert tagger.spans(doc) == []


def test_tagger_spans_become_candidates_and_features(nlp, parser):
    from docmine.seizures.roles import binary_features, candidate_spans, load_classes

    classes = load_classes(MODELS)
    doc = parsed(nlp, parser, "Officers of NCB, Delhi Zonal Unit seized 45,000 tablets of Zolpidem.")
    tagged = [(0, 7, "AGENCY")]  # "Officers of NCB, Delhi Zonal Unit": no parse rule builds it
    assert (0, 7) not in candidate_spans(doc, classes["agency.agent"])
    cands = candidate_spans(doc, classes["agency.agent"], tagged)
    assert "tagger:AGENCY" in cands[(0, 7)]
    feats = binary_features(doc, 0, 7, sorted(cands[(0, 7)]), classes, tagged)
    assert "tag_exact=AGENCY" in feats and "tag_none=CONCEAL" in feats
    inner = binary_features(doc, 2, 3, [], classes, tagged)  # "NCB"
    assert "tag_inside=AGENCY" in inner and "tag_exact=AGENCY" not in inner
    # without the tagger, no tagger features at all
    assert not [f for f in binary_features(doc, 0, 7, [], classes) if f.startswith("tag_")]
