"""A BIO sequence tagger for the seizure roles: proposes CONCEAL / AGENCY spans token by token.

The span classifier of :mod:`docmine.seizures.roles` can only pick among the candidates its
parse rules build. This tagger reads a parsed sentence word by word with tags ``O``,
``B-CONCEAL``, ``I-CONCEAL``, ``B-AGENCY``, ``I-AGENCY`` (an averaged structured perceptron over
:func:`token_features`, tag-bigram transitions, Viterbi decoding that never starts a span
with ``I-``). Its spans become extra candidates of the classifier and its verdict on every
candidate (the same span, an overlapping one, none) a feature of it
(:func:`docmine.seizures.roles.candidate_spans`, :func:`docmine.seizures.roles.binary_features`).

The weights (``models/seizure_role_tagger.json``) are written by
``scripts/train_seizure_roles.py`` on the same training four fifths of the drug-seizure news set as
the classifier; inference is dictionary look-ups and NumPy (no scikit-learn, no pickle).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

TAGGER_FILE = "seizure_role_tagger.json"
TAGS = ("O", "B-CONCEAL", "I-CONCEAL", "B-AGENCY", "I-AGENCY")
_N = len(TAGS)
_START = _N  # row of the transition matrix for the sentence start
FORCED_ROLES = ("CONCEAL",)  # roles whose forced best span (viterbi_forced) is a candidate too
VECTOR_SCALE = 0.1  # context vectors (doc.tensor) enter the emissions scaled by this


def _allowed() -> np.ndarray:
    """allowed[prev, tag]: an ``I-X`` tag only after ``B-X`` or ``I-X`` (prev index _N = start)."""
    ok = np.ones((_N + 1, _N), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            role = tag[2:]
            for i in range(_N + 1):
                ok[i, j] = i < _N and TAGS[i] in (f"B-{role}", f"I-{role}")
    return ok


ALLOWED = _allowed()


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1" if n == 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _classes_of(lemma: str, classes: dict[str, frozenset[str]]) -> list[str]:
    return [name for name, words in classes.items() if lemma in words]


def _np_head(tok: Token) -> Token:
    """The noun a modifier belongs to ("false" -> "compartment"), else the token itself."""
    t = tok
    for _ in range(3):
        if t.dep_ in ("amod", "compound", "nmod", "det", "nummod", "poss", "case", "punct", "quantmod") \
                and t.head.i != t.i:
            t = t.head
        else:
            break
    return t


def token_features(doc: Doc, classes: dict[str, frozenset[str]]) -> list[list[str]]:
    """Feature names of every token of ``doc`` (its parse and docmine's entities, never gold)."""
    hide = classes.get("verbs.hide", frozenset())
    seize = classes.get("verbs.seize", frozenset())
    drug_pos = [(e.start, e.end) for e in doc.ents if e.label_ in ("DRUG", "QUANTITY")]
    out: list[list[str]] = []
    for tok in doc:
        lem = tok.lemma_.lower()
        f = ["bias", f"w={tok.lower_}", f"l={lem}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}",
             f"hl={tok.head.lemma_.lower()}", f"hp={tok.head.pos_}", f"d+hl={tok.dep_}|{tok.head.lemma_.lower()}",
             f"d+hp={tok.dep_}|{tok.head.pos_}", f"shape={tok.shape_[:4]}"]
        for c in _classes_of(lem, classes):
            f.append(f"c={c}")
            f.append(f"c+d={c}|{tok.dep_}")
        for c in _classes_of(tok.head.lemma_.lower(), classes):
            f.append(f"hc={c}")
        # the noun phrase the word belongs to: its head, preposition and governing verb
        h = _np_head(tok)
        f.append(f"nph={h.lemma_.lower()}")
        for c in _classes_of(h.lemma_.lower(), classes):
            f.append(f"nphc={c}")
        if h.dep_ == "pobj" and h.head.i != h.i:
            prep = h.head.lower_
            f.append(f"prep={prep}")
            gov = h.head.head
            f.append(f"prep+gov={prep}|{gov.lemma_.lower()}")
            f.append(f"prep+govpos={prep}|{gov.pos_}")
            for c in _classes_of(gov.lemma_.lower(), classes):
                f.append(f"prep+govc={prep}|{c}")
            if gov.ent_type_:
                f.append(f"prep+govent={prep}|{gov.ent_type_}")
            for c in _classes_of(h.lemma_.lower(), classes):
                f.append(f"prep+c={prep}|{c}")
        else:
            f.append(f"nphd={h.dep_}")
        if tok.ent_type_:
            f.append(f"e={tok.ent_type_}")
            f.append(f"e={tok.ent_type_}|{tok.ent_iob_}")
        # context words
        for k in (-2, -1, 1, 2):
            j = tok.i + k
            w = doc[j] if 0 <= j < len(doc) else None
            f.append(f"w{k:+d}={w.lower_ if w is not None else '<>'}")
            if abs(k) == 1:
                f.append(f"p{k:+d}={w.pos_ if w is not None else '<>'}")
                f.append(f"e{k:+d}={(w.ent_type_ or '-') if w is not None else '<>'}")
        if any(t.lemma_.lower() in hide for t in doc[max(0, tok.i - 4):tok.i]):
            f.append("hide_left")
        if any(t.lemma_.lower() in seize and t.pos_ == "VERB" for t in doc[tok.i + 1:tok.i + 3]):
            f.append("seize_right")
        # distance to the nearest DRUG / QUANTITY mention
        if drug_pos:
            before = [tok.i - e for s, e in drug_pos if e <= tok.i]
            after = [s - tok.i for s, e in drug_pos if s > tok.i]
            inside = any(s <= tok.i < e for s, e in drug_pos)
            if inside:
                f.append("drug_in")
            else:
                f.append(f"drug_b={_bucket(min(before)) if before else '-'}")
                f.append(f"drug_a={_bucket(min(after)) if after else '-'}")
        else:
            f.append("drug_none")
        out.append(f)
    return out


@dataclass
class RoleTagger:
    """Weights: per feature a row of tag scores, the tag-bigram transitions (row ``_N`` = start)."""

    weights: dict[str, np.ndarray]
    transitions: np.ndarray
    dense: np.ndarray | None = None  # (dim x tags) weights of the parser's context vectors
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def emissions(self, feats: list[list[str]], vectors: np.ndarray | None = None) -> np.ndarray:
        em = np.zeros((len(feats), _N))
        for i, fs in enumerate(feats):
            for f in fs:
                w = self.weights.get(f)
                if w is not None:
                    em[i] += w
        if self.dense is not None and vectors is not None and vectors.shape == (len(feats), self.dense.shape[0]):
            em += vectors @ self.dense
        return em

    def tag_features(self, feats: list[list[str]], vectors: np.ndarray | None = None) -> list[int]:
        return viterbi(self.emissions(feats, vectors), self.transitions)

    def spans(self, doc: Doc, forced: bool = False) -> list[tuple[int, int, str]]:
        """(start, end, role) token spans the tagger reads in ``doc``; ``forced``: then also (as
        role ``"ROLE?"``) the spans of its best reading that has a span of a role it did not find
        (:data:`FORCED_ROLES`; candidates of the span classifier)."""
        return self.spans_features(token_features(doc, self.classes), token_vectors(doc), forced)

    def spans_features(self, feats: list[list[str]], vectors: np.ndarray | None = None,
                       forced: bool = False) -> list[tuple[int, int, str]]:
        em = self.emissions(feats, vectors)
        out = tags_to_spans(viterbi(em, self.transitions))
        for role in FORCED_ROLES if forced else ():
            if not any(r == role for *_, r in out):
                out += [(s, e, f"{r}?") for s, e, r in tags_to_spans(viterbi_forced(em, self.transitions, role))
                        if r == role]
        return out


def token_vectors(doc: Doc) -> np.ndarray | None:
    """The parser's context vectors (``doc.tensor``) scaled by :data:`VECTOR_SCALE`, or None."""
    t = doc.tensor
    if t is None or len(getattr(t, "shape", ())) != 2 or t.shape[0] != len(doc) or t.shape[1] == 0:
        return None
    return np.asarray(t, dtype=np.float64) * VECTOR_SCALE


def viterbi(em: np.ndarray, trans: np.ndarray) -> list[int]:
    """Best tag sequence (indices of :data:`TAGS`) under emissions and transitions."""
    n = len(em)
    if n == 0:
        return []
    neg = -1e9
    score = np.where(ALLOWED[_START], trans[_START] + em[0], neg)
    back = np.zeros((n, _N), dtype=int)
    t_ok = np.where(ALLOWED[:_N], trans[:_N], neg)
    for i in range(1, n):
        cand = score[:, None] + t_ok  # prev x tag
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + em[i]
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]


def viterbi_forced(em: np.ndarray, trans: np.ndarray, role: str) -> list[int]:
    """Best tag sequence that contains at least one ``role`` span (the tagger's best guess of
    such a span when the unconstrained best has none): Viterbi over (tag, seen-``role``) states."""
    n = len(em)
    if n == 0:
        return []
    b = TAGS.index(f"B-{role}")
    neg = -1e9
    t_ok = np.where(ALLOWED[:_N], trans[:_N], neg)
    first = np.where(ALLOWED[_START], trans[_START] + em[0], neg)
    s0 = first.copy()
    s0[b] = neg
    s1 = np.full(_N, neg)
    s1[b] = first[b]
    back = np.zeros((n, 2, _N, 2), dtype=int)  # (step, flag, tag) -> (prev flag, prev tag)
    for i in range(1, n):
        c0 = s0[:, None] + t_ok
        c1 = s1[:, None] + t_ok
        n0 = c0.max(axis=0) + em[i]
        n0[b] = neg
        back[i, 0, :, 0] = 0
        back[i, 0, :, 1] = c0.argmax(axis=0)
        n1 = c1.max(axis=0) + em[i]
        back[i, 1, :, 0] = 1
        back[i, 1, :, 1] = c1.argmax(axis=0)
        via0 = c0[:, b].max() + em[i, b]
        if via0 > n1[b]:
            n1[b] = via0
            back[i, 1, b] = (0, int(c0[:, b].argmax()))
        s0, s1 = n0, n1
    flag, tag = 1, int(s1.argmax())
    best = [tag]
    for i in range(n - 1, 0, -1):
        flag, tag = (int(x) for x in back[i, flag, tag])
        best.append(tag)
    return best[::-1]


def tags_to_spans(tags: list[int]) -> list[tuple[int, int, str]]:
    out = []
    start, role = None, None
    for i, t in enumerate([*tags, 0]):
        name = TAGS[t]
        if start is not None and not (name.startswith("I-") and name[2:] == role):
            out.append((start, i, role))
            start, role = None, None
        if name.startswith("B-"):
            start, role = i, name[2:]
    return [(s, e, r) for s, e, r in out if r is not None]


def spans_to_tags(n: int, spans: list[tuple[int, int, str]]) -> list[int]:
    tags = [0] * n
    for s, e, role in spans:
        if any(tags[i] for i in range(s, e)):
            continue
        tags[s] = TAGS.index(f"B-{role}")
        for i in range(s + 1, e):
            tags[i] = TAGS.index(f"I-{role}")
    return tags


def train_perceptron(data: list[tuple[list[list[str]], list[int]]], epochs: int = 10,
                     seed: int = 0, min_count: int = 1, dense: list[np.ndarray] | None = None,
                     ) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray | None]:
    """Averaged structured perceptron (Collins 2002): ``data`` = [(token features, gold tags)];
    ``dense``: per sentence a (tokens x dim) matrix of real-valued features (weights returned third)."""
    from collections import Counter

    counts: Counter[str] = Counter(f for fs, _ in data for tf in fs for f in tf)
    names = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(names)}
    W = np.zeros((len(names), _N))
    T = np.zeros((_N + 1, _N))
    # averaging by the "lazy" trick: accumulate c * update, average = W - U / c
    U = np.zeros_like(W)
    UT = np.zeros_like(T)
    dim = dense[0].shape[1] if dense else 0
    D = np.zeros((dim, _N))
    UD = np.zeros_like(D)
    c = 1
    rng = np.random.default_rng(seed)
    rows = [([[index[f] for f in tf if f in index] for tf in fs], tags) for fs, tags in data]
    for _ in range(epochs):
        for k in rng.permutation(len(rows)):
            idx, gold = rows[k]
            em = np.array([W[ix].sum(axis=0) for ix in idx]) if idx else np.zeros((0, _N))
            if dense:
                em = em + dense[k] @ D
            pred = viterbi(em, T)
            if pred != gold:
                for i, (g, p) in enumerate(zip(gold, pred, strict=True)):
                    if g != p:
                        W[idx[i], g] += 1
                        W[idx[i], p] -= 1
                        U[idx[i], g] += c
                        U[idx[i], p] -= c
                        if dense:
                            x = dense[k][i]
                            D[:, g] += x
                            D[:, p] -= x
                            UD[:, g] += c * x
                            UD[:, p] -= c * x
                    pg = gold[i - 1] if i else _START
                    pp = pred[i - 1] if i else _START
                    if pg != pp or g != p:
                        T[pg, g] += 1
                        T[pp, p] -= 1
                        UT[pg, g] += c
                        UT[pp, p] -= c
            c += 1
    Wa = W - U / c
    Ta = T - UT / c
    weights = {f: Wa[i] for f, i in index.items() if np.abs(Wa[i]).max() >= 1e-3}
    return weights, Ta, (D - UD / c) if dense else None


def load_tagger(folder: str | Path, classes: dict[str, frozenset[str]] | None = None) -> RoleTagger | None:
    """The shipped tagger of ``folder`` (None when the file is absent), cached per folder."""
    t = _load(str(folder))
    if t is not None and classes is not None:
        t.classes = classes
    return t


@lru_cache(maxsize=4)
def _load(folder: str) -> RoleTagger | None:
    path = Path(folder) / TAGGER_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data["tags"]) != list(TAGS):
        raise ValueError(f"{path}: tags {data['tags']} are not {TAGS}")
    from docmine.seizures.roles import load_classes

    dense = np.array(data["dense"], dtype=np.float64) if data.get("dense") else None
    return RoleTagger(weights={f: np.array(w, dtype=np.float64) for f, w in data["weights"].items()},
                      transitions=np.array(data["transitions"], dtype=np.float64), dense=dense,
                      classes=load_classes(folder),
                      meta={k: v for k, v in data.items() if k not in ("weights", "transitions")})
