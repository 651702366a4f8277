"""Concealment and seizing agency in a parsed sentence: a trained span recogniser.

Two roles:

* ``CONCEAL``: where or how the drugs were hidden or carried ("car", "trolley bag",
  "container of scrap metal", "false compartment in the bed", "shipment of mango", "possession").
* ``AGENCY``: the agency or officers that made the seizure ("police", "ANF Peshawar",
  "CBP officers", "officers of the regional Drug Control Office"), not every agency mentioned.

Method. :func:`candidate_spans` proposes spans from the parse: for every noun, the phrase with
leading determiners and possessives stripped, its compound core and the bare head, each
optionally extended by an "of"-PP chain, a locative PP ("compartment in the bed"), a
coordination ("sacks and nylon bags") or a parenthesised acronym, plus docmine's own entities,
an entity followed by agent nouns ("CBP officers"), an ORG followed by a PLACE
("ANF Peshawar") and the spans of the BIO tagger (:mod:`docmine.seizures.role_tagger`, e.g.
"Officers of NCB, Delhi Zonal Unit"; when it reads no CONCEAL span, the span of its best reading
that has one, ``"CONCEAL?"``). :func:`binary_features` describes a candidate (head
lemma and its word class from ``models/seizure_roles.toml``, governing preposition and verb and
their classes, dependency relation and dependency path to the nearest DRUG and QUANTITY
mention, token distance and direction to them, docmine entity label and source, casing, length,
how it was built, a hiding verb in the four words before it, the verb right after it, whether
its verb governs the drug, how it stands to the tagger's spans, a few conjunctions of these; the
verbs of the sentence and the word classes of its nouns, which only the CONCEAL regressions use)
and :func:`dense_features` adds the parser's context vectors (``doc.tensor``) of the head and
of the span. Per role two logistic regressions score it: is
the candidate's head inside a span of the role (detection), and, given that, are these its
edges (boundary); the score is their product. :func:`find_roles` keeps the candidates above
each role's threshold, best first, without overlaps and at most a cross-validated number of spans
per role and sentence. Only docmine's mentions (``doc.ents``) and
the parse are used, never gold annotations.

The weights (``models/seizure_roles.json``, and the tagger's ``models/seizure_role_tagger.json``
that it names) are written by ``scripts/train_seizure_roles.py``
from the drug-seizure news set (``../shared/data/drug-seizure-ner/train.spacy``, MIT,
github.com/shirkattack/drugdetection). Fixed split: sentence index ``i % 5 == 4`` is held
out and used only to report the final figures; features, C and thresholds are tuned by
5-fold cross-validation on the other four fifths. Inference is NumPy arithmetic on the JSON
weights (no scikit-learn, no pickle).

Output: :func:`find_roles` returns ``spacy.tokens.Span`` objects labelled ``CONCEAL`` or
``AGENCY``, sorted by position, non-overlapping, each with its probability in
``span._.role_score`` (a float in [0, 1]).
"""
from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from docmine.seizures.role_tagger import RoleTagger, load_tagger

ROLES = ("CONCEAL", "AGENCY")
MODEL_FILE = "seizure_roles.json"
CLASSES_FILE = "seizure_roles.toml"
MAX_TOKENS = 16  # longest candidate span
VECTOR_SCALE = 0.5  # context vectors (doc.tensor) enter the features scaled by this

if not Span.has_extension("role_score"):
    Span.set_extension("role_score", default=None)

_STRIP_LEFT_DEPS = frozenset({"det", "predet", "case", "punct", "cc", "prep", "mark", "advmod"})
_STRIP_LEFT_TAGS = frozenset({"DT", "PRP$", "WP$", "POS", "PDT"})
_PUNCT_EDGE = frozenset({"PUNCT", "SPACE"})
_LOC_PREPS = frozenset({"in", "inside", "on", "under", "beneath", "behind", "within", "into", "with", "aboard"})
_AGENT_PREPS = frozenset({"by", "from"})


# ----------------------------------------------------------------------------- model

_DENSE = re.compile(r"v[hm]\d+")


@dataclass
class _Compiled:
    keys: list[str]
    index: dict[str, int]
    binary: np.ndarray
    head: np.ndarray
    mean: np.ndarray
    dense_dim: int
    bias: np.ndarray


@dataclass
class RoleModel:
    """Loaded weights: per role a bias, sparse feature weights and a decision threshold."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    thresholds: dict[str, float]
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    max_spans: dict[str, int] = field(default_factory=dict)  # per role, at most this many per sentence
    version: str = ""
    meta: dict = field(default_factory=dict)
    tagger: RoleTagger | None = None  # the BIO tagger whose spans are candidates and features
    _compiled: _Compiled | None = field(default=None, repr=False, compare=False)

    def compiled(self) -> _Compiled:
        """The weights as matrices (built once): rows = features, columns = regressions."""
        if self._compiled is None:
            keys = list(self.weights)
            dense = [f for w in self.weights.values() for f in w if _DENSE.fullmatch(f)]
            dim = 1 + max((int(f[2:]) for f in dense), default=-1)
            names = sorted({f for w in self.weights.values() for f in w if not _DENSE.fullmatch(f)})
            index = {f: i for i, f in enumerate(names)}
            binary = np.zeros((len(names), len(keys)))
            head = np.zeros((dim, len(keys)))
            mean = np.zeros((dim, len(keys)))
            for k, key in enumerate(keys):
                for f, v in self.weights[key].items():
                    if f in index:
                        binary[index[f], k] = v
                    else:
                        (head if f.startswith("vh") else mean)[int(f[2:]), k] = v
            self._compiled = _Compiled(keys, index, binary, head, mean, dim,
                                       np.array([self.bias[k] for k in keys]))
        return self._compiled

    def _prob(self, key: str, feats: dict[str, float]) -> float:
        w = self.weights[key]
        z = self.bias[key] + sum(w.get(f, 0.0) * v for f, v in feats.items())
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def score(self, role: str, feats: dict[str, float]) -> float:
        """Probability that a candidate with these features is exactly a ``role`` span.

        Two logistic regressions per role: ``role`` (is the candidate's head word inside a span
        of that role?) times ``role:boundary`` (given that, are these the span's edges?)."""
        p = self._prob(role, feats)
        key = f"{role}:boundary"
        return p * self._prob(key, feats) if key in self.weights else p


def load_classes(folder: str | Path) -> dict[str, frozenset[str]]:
    """Word classes from ``seizure_roles.toml``: ``{"conceal.vehicle": {...}, "agency.agent": ...}``."""
    data = tomllib.loads((Path(folder) / CLASSES_FILE).read_text(encoding="utf-8"))
    out: dict[str, frozenset[str]] = {}
    for group, lists in data.items():
        if isinstance(lists, dict):
            for name, words in lists.items():
                out[f"{group}.{name}"] = frozenset(w.lower() for w in words)
    return out


@lru_cache(maxsize=4)
def _load(folder: str) -> RoleModel:
    path = Path(folder) / MODEL_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: train it with `python scripts/train_seizure_roles.py`")
    data = json.loads(path.read_text(encoding="utf-8"))
    classes = load_classes(folder)
    tagger = None
    if data.get("tagger"):  # the weights were trained with the BIO tagger's features: it must be there
        tagger = load_tagger(folder, classes)
        if tagger is None:
            raise FileNotFoundError(f"{path} needs {data['tagger']} next to it")
    return RoleModel(weights={k: dict(w) for k, w in data["weights"].items()},
                     bias={k: float(b) for k, b in data["bias"].items()},
                     thresholds={r: float(data["thresholds"][r]) for r in ROLES},
                     classes=classes, version=str(data.get("version", "")),
                     max_spans={r: int(n) for r, n in (data.get("max_spans") or {}).items() if n},
                     meta={k: v for k, v in data.items() if k not in ("weights", "bias")}, tagger=tagger)


def load_roles(models_dir: str | None = None) -> RoleModel:
    """The shipped role model (``models/seizure_roles.json`` + word classes), cached per folder.

    ``models_dir`` defaults to :func:`docmine.nlp.lexicon.models_dir` ($DOCMINE_MODELS or the
    folder shipped inside the package).
    """
    if models_dir is None:
        from docmine.nlp.lexicon import models_dir as default_dir

        models_dir = str(default_dir())
    return _load(str(models_dir))


# ----------------------------------------------------------------------------- candidates


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners / possessive pronouns / punctuation and trailing punctuation."""
    while start < end and (doc[start].tag_ in _STRIP_LEFT_TAGS or doc[start].pos_ in _PUNCT_EDGE
                           or doc[start].dep_ in ("det", "predet", "cc", "case")):
        start += 1
    while end > start and doc[end - 1].pos_ in _PUNCT_EDGE and doc[end - 1].text not in (")",):
        end -= 1
    # a closing bracket only stays when its opening one is inside
    if end > start and doc[end - 1].text == ")" and "(" not in {t.text for t in doc[start:end - 1]}:
        end -= 1
    return start, end


def _of_end(tok: Token) -> int:
    """End of ``tok``'s noun phrase extended through a chain of "of"-PPs (no other PPs)."""
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.rights if c.dep_ == "pobj"]
            if objs:
                end = max(end, _of_end(objs[0]))
        elif child.dep_ in ("compound", "nmod", "nummod", "amod") and child.i == end:
            end = child.i + 1
    return end


def _core_start(tok: Token) -> int:
    """Start of the contiguous run of compound / proper-noun modifiers just left of ``tok``."""
    start = tok.i
    doc = tok.doc
    while start > 0:
        prev = doc[start - 1]
        if prev.dep_ in ("compound", "nmod") or (prev.pos_ == "PROPN" and prev.head.i >= start) or prev.text == "-":
            start -= 1
        else:
            break
    return start


def _acronym_end(doc: Doc, end: int) -> int | None:
    """End after a parenthesised acronym right at ``end`` ("Border Security Force (BSF)")."""
    if end + 2 < len(doc) + 0 and doc[end].text == "(" and end + 2 < len(doc) and doc[end + 2].text == ")":
        word = doc[end + 1].text
        if word[:1].isupper() and sum(ch.isupper() for ch in word) >= 2:
            return end + 3
    return None


Tagged = list[tuple[int, int, str]]  # token spans (start, end, role) the BIO tagger read


def candidate_spans(doc: Doc, agent_words: frozenset[str] = frozenset(),
                    tagged: Tagged | None = None) -> dict[tuple[int, int], set[str]]:
    """Candidate token spans ``(start, end)`` -> how they were built (feature tags).

    ``tagged``: the spans of the BIO tagger (:mod:`docmine.seizures.role_tagger`), candidates too."""
    cands: dict[tuple[int, int], set[str]] = {}

    def add(start: int, end: int, how: str) -> None:
        start, end = _strip(doc, start, end)
        if 0 <= start < end <= len(doc) and end - start <= MAX_TOKENS:
            cands.setdefault((start, end), set()).add(how)

    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "PRON" and tok.dep_ == "pobj"):
            continue
        left = tok.left_edge.i
        # a possessor ("the suspect's car"): the possessed noun alone
        poss_end = max((c.right_edge.i + 1 for c in tok.lefts if c.dep_ == "poss"), default=None)
        starts = {left: "full", _core_start(tok): "core", tok.i: "head"}
        if poss_end is not None and poss_end <= tok.i:
            starts.setdefault(poss_end, "noposs")
        ends = {tok.i + 1: "h"}
        of_end = _of_end(tok)
        ends.setdefault(of_end, "of")
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ in _LOC_PREPS:
                objs = [c for c in child.rights if c.dep_ == "pobj"]
                if objs:
                    ends.setdefault(_of_end(objs[0]), "loc")
        acr = _acronym_end(doc, of_end)
        if acr:
            ends.setdefault(acr, "acr")
        # coordination: "sacks and nylon bags", "police and customs"
        conj = [c for c in tok.rights if c.dep_ == "conj"]
        if conj:
            ends.setdefault(_of_end(conj[-1]), "conj")
        for s, sh in starts.items():
            if s > tok.i:
                continue
            for e, eh in ends.items():
                add(s, e, f"np:{sh}+{eh}")
    for ent in doc.ents:
        add(ent.start, ent.end, f"ent:{ent.label_}")
        acr = _acronym_end(doc, ent.end)
        if acr:
            add(ent.start, acr, "ent+acr")
        # an entity followed by agent nouns ("CBP officers", "Langkawi police", "BSF jawans")
        e = ent.end
        while e < len(doc) and doc[e].lemma_.lower() in agent_words and e - ent.start < MAX_TOKENS:
            e += 1
            add(ent.start, e, "ent+agent")
        # an organisation followed by a place ("ANF Peshawar")
        if ent.label_ == "ORG":
            nxt = [x for x in doc.ents if x.start == ent.end and x.label_ == "PLACE"]
            if nxt:
                add(ent.start, nxt[0].end, "org+place")
    for s, e, role in tagged or ():
        add(s, e, f"tagger:{role}")
    return cands


# ----------------------------------------------------------------------------- features


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _word_classes(lemma: str, classes: dict[str, frozenset[str]]) -> list[str]:
    return [name for name, words in classes.items() if lemma in words]


def _governor(root: Token) -> tuple[str, str, Token | None]:
    """(preposition, relation, governing verb or noun) of a span's root token."""
    prep = ""
    rel = root.dep_
    head = root.head
    if rel == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        prep = head.lower_
        # complex prepositions: "on board", "inside of", "in front of"
        if head.head.dep_ == "prep" and head.head.i == head.i - 1:
            prep = head.head.lower_ + "_" + prep
        rel = f"pobj<{head.dep_}"
        head = head.head
        if head.dep_ == "prep":  # stacked prepositions
            head = head.head
    elif rel == "conj":
        # a conjunct takes its first conjunct's relation ("in a car and a house")
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first is not root:
            p, r, h = _governor(first)
            return p, "conj:" + r, h
    return prep, rel, (head if head.i != root.i else None)


def _verb(tok: Token | None) -> Token | None:
    """The nearest verb at or above ``tok``."""
    seen = 0
    while tok is not None and seen < 8:
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        seen += 1
    return None


def _dep_path(a: Token, b: Token) -> list[str] | None:
    """Dependency labels from ``a`` up to the lowest common ancestor (``^rel``), the ancestor's
    part of speech, then down to ``b`` (``vrel``); None when the two are not connected."""
    up = [a, *a.ancestors]
    pos_in_up = {t.i: k for k, t in enumerate(up)}
    down: list[Token] = []
    t = b
    while t.i not in pos_in_up:
        down.append(t)
        if t.head.i == t.i:
            return None
        t = t.head
    k = pos_in_up[t.i]
    path = [f"^{x.dep_}" for x in up[:k]] + [t.pos_] + [f"v{x.dep_}" for x in reversed(down)]
    return path


def _tagger_features(start: int, end: int, root: int, tagged: Tagged) -> list[str]:
    """How the candidate ``[start, end)`` stands to the tagger's spans of each role."""
    out = []
    forced = sorted({r for *_, r in tagged if r not in ROLES})  # "CONCEAL?": its forced best span
    for role in (*ROLES, *forced):
        spans = [(s, e) for s, e, r in tagged if r == role]
        if (start, end) in spans:
            out.append(f"tag_exact={role}")
        elif any(s <= start and end <= e for s, e in spans):
            out.append(f"tag_inside={role}")
        elif any(start <= s and e <= end for s, e in spans):
            out.append(f"tag_contains={role}")
        elif any(s < end and start < e for s, e in spans):
            out.append(f"tag_overlap={role}")
        else:
            out.append(f"tag_none={role}")
        if any(s <= root < e for s, e in spans):
            out.append(f"tag_root_in={role}")
        if any(s == start for s, _ in spans):
            out.append(f"tag_same_start={role}")
        if any(e == end for _, e in spans):
            out.append(f"tag_same_end={role}")
    return out


def _sentence_features(doc: Doc, classes: dict[str, frozenset[str]]) -> list[str]:
    """Features of the whole sentence, the same for every candidate of it (cached on the Doc)."""
    key = "_role_sent_feats"
    cached = doc.user_data.get(key)
    if cached is None:
        names: set[str] = set()
        for t in doc:
            lem = t.lemma_.lower()
            if t.pos_ == "VERB":
                names.add(f"sv={lem}")
            if t.pos_ in ("NOUN", "PROPN", "VERB"):
                names.update(f"scls={c}" for c in _word_classes(lem, classes))
        cached = doc.user_data[key] = sorted(names)
    return list(cached)


def binary_features(doc: Doc, start: int, end: int, how: Iterable[str],
                    classes: dict[str, frozenset[str]], tagged: Tagged | None = None) -> list[str]:
    """Names of the binary features of the candidate ``doc[start:end]`` (``tagged``: the BIO
    tagger's spans; None leaves its features out)."""
    span = doc[start:end]
    root = span.root
    lemma = root.lemma_.lower()
    f: list[str] = ["bias"]
    add = f.append
    if tagged is not None:
        f.extend(_tagger_features(start, end, root.i, tagged))
    for h in how:
        add(f"how={h}")
    n = end - start
    add(f"ntok={_bucket(n)}")
    add(f"lemma={lemma}")
    add(f"pos={root.pos_}")
    head_cls = _word_classes(lemma, classes)
    for c in head_cls:
        add(f"cls={c}")
    if not head_cls:
        add("cls=none")
    first, last = doc[start], doc[end - 1]
    add(f"first={first.lemma_.lower()}")
    add(f"firstpos={first.pos_}")
    add(f"last={last.lemma_.lower()}")
    inner = {c for t in span if t.i != root.i for c in _word_classes(t.lemma_.lower(), classes)}
    for c in inner:
        add(f"incls={c}")
    # casing
    words = [t for t in span if t.is_alpha]
    if words and all(t.is_lower for t in words):
        add("case=lower")
    elif words and all(t.text[:1].isupper() for t in words):
        add("case=title")
    else:
        add("case=mixed")
    if any(t.is_upper and len(t) > 1 for t in span):
        add("has_acronym")
    if start == 0 or (start == 1 and doc[0].is_punct):
        add("sent_start")
    if any(t.like_num for t in span):
        add("has_num")
    if root.tag_ in ("NNS", "NNPS"):
        add("plural")
    # entities
    ent_labels = {e.label_: e for e in doc.ents if e.start < end and start < e.end}
    exact = [e for e in doc.ents if e.start == start and e.end == end]
    if exact:
        add(f"ent_exact={exact[0].label_}")
        m = doc.user_data.get("mentions", {}).get((exact[0].start_char, exact[0].end_char))
        if m is not None:
            add(f"ent_src={exact[0].label_}:{m.source}")
    for lab in ent_labels:
        add(f"ent_in={lab}")
    if root.ent_type_:
        add(f"root_ent={root.ent_type_}")
    if not ent_labels:
        add("ent_none")
    # syntax: governing preposition, relation, verb
    prep, rel, gov = _governor(root)
    add(f"rel={rel}")
    if prep:
        add(f"prep={prep}")
        for c in head_cls:
            add(f"prep+cls={prep}|{c}")
    verb = _verb(gov) if gov is not None else (root if root.pos_ == "VERB" else None)
    if gov is not None:
        add(f"gov={gov.lemma_.lower()}")
        for c in _word_classes(gov.lemma_.lower(), classes):
            add(f"govcls={c}")
            add(f"rel+govcls={rel}|{c}")
    if verb is not None:
        vl = verb.lemma_.lower()
        add(f"verb={vl}")
        vcls = [c for c in _word_classes(vl, classes) if c.startswith("verbs.")] or ["verbs.none"]
        for c in vcls:
            add(f"vcls={c}")
            add(f"rel+vcls={rel}|{c}")
            if prep:
                add(f"prep+vcls={prep}|{c}")
        if verb.tag_ == "VBN":
            add("verb_vbn")
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            add("verb_passive")
    else:
        add("verb=none")
    # neighbours
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < len(doc) else None
    add(f"prev={prev.lower_ if prev is not None else '<s>'}")
    add(f"next={nxt.lower_ if nxt is not None else '</s>'}")
    if nxt is not None and nxt.lemma_.lower() in classes.get("verbs.seize", ()):
        add("next_seize_verb")
    if prev is not None and prev.lemma_.lower() in classes.get("verbs.hide", ()):
        add("prev_hide_verb")
    # position relative to docmine's DRUG and QUANTITY mentions
    for lab in ("DRUG", "QUANTITY"):
        ents = [e for e in doc.ents if e.label_ == lab]
        if not ents:
            add(f"{lab}=absent")
            continue
        before = [start - e.end for e in ents if e.end <= start]
        after = [e.start - end for e in ents if e.start >= end]
        if before:
            add(f"{lab}_before={_bucket(min(before))}")
        if after:
            add(f"{lab}_after={_bucket(min(after))}")
        if not before and not after:
            add(f"{lab}_inside")
    # is it syntactically connected to the drug: the drug's ancestors include the candidate's verb
    drugs = [e.root for e in doc.ents if e.label_ in ("DRUG", "QUANTITY")]
    if verb is not None and drugs:
        if any(verb in set(d.ancestors) for d in drugs):
            add("verb_governs_drug")
        if any(root in set(d.ancestors) for d in drugs):
            add("root_governs_drug")
    # a hiding verb just before the span ("hidden inside [..]", "concealed in the [..]")
    hide_words = classes.get("verbs.hide", frozenset())
    if any(t.lemma_.lower() in hide_words for t in doc[max(0, start - 4):start]):
        add("hide_verb_left")
        if prep:
            add(f"hide_verb_left+prep={prep}")
    gov_drug = verb is not None and any(verb in set(d.ancestors) for d in drugs)
    add(f"rel+verbdrug={rel}|{gov_drug}")
    if prep:
        add(f"prep+verbdrug={prep}|{gov_drug}")
    if verb is not None and verb.i > end:
        add(f"before_verb={rel}")
    # the verb right after the span ("X said", "X seized", "X hidden in")
    if nxt is not None and nxt.pos_ in ("VERB", "AUX"):
        add(f"next_verb={nxt.lemma_.lower()}")
    # dependency path to the nearest DRUG / QUANTITY mention (relation-extraction style)
    for lab in ("DRUG", "QUANTITY"):
        targets = [e.root for e in doc.ents if e.label_ == lab and (e.end <= start or e.start >= end)]
        paths = [p for p in (_dep_path(root, t) for t in targets) if p is not None]
        if paths:
            path = min(paths, key=len)
            add(f"path:{lab}={'|'.join(path) if len(path) <= 5 else 'far'}")
            add(f"pathlen:{lab}={min(len(path), 6)}")
    # conjunction with another candidate of the same kind
    if any(c.dep_ == "conj" for c in root.children):
        add("has_conj")
    # what an "of"-PP inside the span names ("officers of [the Drug Control Office]")
    for child in root.rights:
        if child.dep_ == "prep" and child.i < end:
            for obj in child.rights:
                if obj.dep_ == "pobj" and obj.i < end:
                    add(f"pp={child.lower_}:{obj.ent_type_ or 'none'}")
                    for c in _word_classes(obj.lemma_.lower(), classes):
                        add(f"pp={child.lower_}:{c}")
    # sentence context
    sent_labels = {e.label_ for e in doc.ents}
    seize_verb = any(t.pos_ == "VERB" and t.lemma_.lower() in classes.get("verbs.seize", ()) for t in doc)
    context = ("drug" if "DRUG" in sent_labels else "nodrug") + ("+qty" if "QUANTITY" in sent_labels else "")
    if root.dep_ == "ROOT" or (gov is not None and gov.dep_ == "ROOT"):
        add("main_clause")
    # the sentence as a whole: its verbs and the word classes of its nouns (does it tell of a
    # hiding place at all?)
    for name in _sentence_features(doc, classes):
        add(name)
    # conjunctions of the strongest cues
    for c in head_cls or ["none"]:
        add(f"cls|ctx={c}|{context}")
        add(f"cls|rel={c}|{rel}")
        add(f"cls|seizeverb={c}|{seize_verb}")
        for h in how:
            add(f"cls|how={c}|{h}")
        if verb is not None:
            for vc in _word_classes(verb.lemma_.lower(), classes):
                if vc.startswith("verbs."):
                    add(f"cls|vcls={c}|{vc}")
    for lab in ent_labels:
        add(f"ent|rel={lab}|{rel}")
        add(f"ent|ctx={lab}|{context}")
    if prep:
        add(f"prep|lemma={prep}|{lemma}")
    return f


def _has_tensor(doc: Doc) -> bool:
    t = doc.tensor
    return t is not None and len(getattr(t, "shape", ())) == 2 and t.shape[0] == len(doc) and t.shape[1] > 0


def dense_features(doc: Doc, start: int, end: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Context vectors of the span's head and the span mean from ``doc.tensor`` (the tok2vec
    output the parse leaves behind), scaled by :data:`VECTOR_SCALE`; None without a tensor."""
    if not _has_tensor(doc):
        return None
    tensor = np.asarray(doc.tensor, dtype=np.float64)
    root = doc[start:end].root.i
    return tensor[root] * VECTOR_SCALE, tensor[start:end].mean(axis=0) * VECTOR_SCALE


def span_features(doc: Doc, start: int, end: int, how: Iterable[str],
                  classes: dict[str, frozenset[str]], tagged: Tagged | None = None) -> dict[str, float]:
    """Features of the candidate ``doc[start:end]`` as a dict: the binary indicators of
    :func:`binary_features` (1.0) and the dense context vectors (``vh0``.. head, ``vm0``.. mean)."""
    feats = dict.fromkeys(binary_features(doc, start, end, how, classes, tagged), 1.0)
    dense = dense_features(doc, start, end)
    if dense is not None:
        for prefix, vec in zip(("vh", "vm"), dense, strict=True):
            for k, v in enumerate(vec.tolist()):
                feats[f"{prefix}{k}"] = v
    return feats


# ----------------------------------------------------------------------------- decoding


def score_candidates(doc: Doc, model: RoleModel) -> list[tuple[float, str, int, int]]:
    """(probability, role, start, end) of every candidate and role: the same arithmetic as
    :meth:`RoleModel.score` on :func:`span_features`, done as matrix products."""
    agent_words = model.classes.get("agency.agent", frozenset())
    tagged = model.tagger.spans(doc, forced=True) if model.tagger is not None else None
    cands = list(candidate_spans(doc, agent_words, tagged).items())
    if not cands:
        return []
    c = model.compiled()
    z = np.tile(c.bias, (len(cands), 1))
    use_dense = c.dense_dim > 0 and _has_tensor(doc) and doc.tensor.shape[1] == c.dense_dim
    if use_dense:
        tensor = np.asarray(doc.tensor, dtype=np.float64) * VECTOR_SCALE
    for row, ((s, e), how) in enumerate(cands):
        names = dict.fromkeys(binary_features(doc, s, e, sorted(how), model.classes, tagged))  # a name counts once
        idx = [c.index[f] for f in names if f in c.index]
        if idx:
            z[row] += c.binary[idx].sum(axis=0)
        if use_dense:
            z[row] += tensor[doc[s:e].root.i] @ c.head + tensor[s:e].mean(axis=0) @ c.mean
    p = 1.0 / (1.0 + np.exp(-z))
    out: list[tuple[float, str, int, int]] = []
    for role in ROLES:
        prob = p[:, c.keys.index(role)]
        if f"{role}:boundary" in c.keys:
            prob = prob * p[:, c.keys.index(f"{role}:boundary")]
        out.extend((float(pr), role, s, e) for pr, ((s, e), _) in zip(prob, cands, strict=True))
    return out


Scored = tuple[float, str, int, int]  # (probability, role, start, end)


def decode(scored: list[Scored], thresholds: dict[str, float],
           max_spans: dict[str, int] | None = None) -> list[Scored]:
    """Greedy by score: keep a candidate above its role's threshold unless it overlaps a kept one
    or its role already has ``max_spans[role]`` spans in the sentence (no limit for a role not in
    ``max_spans``; the limits are chosen by cross-validation and stored with the weights)."""
    taken: list[Scored] = []
    used: set[int] = set()
    count: dict[str, int] = {}
    limits = max_spans or {}
    for p, role, s, e in sorted(scored, key=lambda x: (-x[0], x[2], x[3])):
        if p < thresholds[role] or any(i in used for i in range(s, e)):
            continue
        if role in limits and count.get(role, 0) >= limits[role]:
            continue
        taken.append((p, role, s, e))
        used.update(range(s, e))
        count[role] = count.get(role, 0) + 1
    return sorted(taken, key=lambda x: x[2])


def find_roles(doc: Doc, model: RoleModel) -> list[Span]:
    """CONCEAL and AGENCY spans of one parsed sentence (from :func:`docmine.seizures.parse.sentence_docs`).

    Returns non-overlapping ``Span`` objects of ``doc`` sorted by position, labelled
    ``"CONCEAL"`` or ``"AGENCY"``; ``span._.role_score`` holds the model's probability.
    """
    out = []
    for p, role, s, e in decode(score_candidates(doc, model), model.thresholds, model.max_spans):
        span = Span(doc, s, e, label=role)
        span._.role_score = round(p, 4)
        out.append(span)
    return out
