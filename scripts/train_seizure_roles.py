"""Train the seizure-role recogniser (``src/docmine/models/seizure_roles.json``).

Data: the drug-seizure news set ``../shared/data/drug-seizure-ner/train.spacy`` (1,654 English
news sentences, MIT, github.com/shirkattack/drugdetection @ 98acd1c). Its ``CONCEAL`` spans are
the CONCEAL gold; its ``ORG`` spans mark only the agency that made the seizure and are the
AGENCY gold. Its DRUG / QUANTITY / GPE / FAC spans are never used: every sentence goes through
docmine's own recognition (``docmine.nlp.pipeline.annotate``) and
``docmine.seizures.parse.sentence_docs``, exactly as at run time.

Fixed split: sentence index ``i % 5 == 4`` is HELDOUT. It is never looked at while
developing and never used for tuning; its figures are computed and printed only at the end
(``--no-heldout`` skips them). Features, C and thresholds are chosen by 5-fold
cross-validation on the other four fifths (fold of sentence ``i`` = ``(i // 5) % 5``); the final
weights are fitted on all four fifths.

First a BIO tagger (:mod:`docmine.seizures.role_tagger`, averaged structured perceptron) is
trained; its spans on every training sentence come from a tagger trained on the other four folds
(out-of-fold, as noisy as at run time) and become extra candidates and features of the classifier;
when it reads no CONCEAL span, the span of its best reading that has one (constrained Viterbi) is a
candidate too. The shipped tagger (``seizure_role_tagger.json``, next to ``--out``) is fitted on all four fifths.
``--no-tagger`` leaves it out. For every candidate of :func:`docmine.seizures.roles.candidate_spans`, a binary logistic
regression per role (scikit-learn, liblinear, deterministic) learns whether the candidate is
exactly a gold span of that role (each role its own C from ``C_GRID``, by CV; the features
:data:`ROLE_EXCLUDE` names are left out of a role's regressions). Decoding (:func:`docmine.seizures.roles.decode`) keeps
candidates above the role threshold, best first, without overlaps and at most ``max_spans[role]``
per sentence (thresholds and limits chosen by CV). Scores are exact-span
precision / recall / F1 over all gold spans (gold spans that no candidate covers count as
misses).

    python scripts/train_seizure_roles.py [--data PATH] [--out PATH] [--cache /tmp/roles.pkl] [--no-tagger]
    python scripts/train_seizure_roles.py --check   # score the shipped weights, write nothing
"""
from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from collections import Counter
from copy import copy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from docmine.seizures.role_tagger import (  # noqa: E402
    TAGGER_FILE,
    TAGS,
    RoleTagger,
    spans_to_tags,
    token_features,
    token_vectors,
    train_perceptron,
)
from docmine.seizures.roles import (  # noqa: E402
    MODEL_FILE,
    ROLES,
    RoleModel,
    candidate_spans,
    decode,
    load_classes,
    load_roles,
    span_features,
)

DATA = ROOT.parent / "shared" / "data" / "drug-seizure-ner" / "train.spacy"
GOLD_ROLE = {"CONCEAL": "CONCEAL", "ORG": "AGENCY"}
C_GRID = (0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(0.1 + 0.025 * k, 3) for k in range(29))  # 0.1 .. 0.8
MAX_SPANS = (1, 2, 3)  # candidate limits on a role's spans per sentence (decode)
TWO_STAGE = True
MIN_COUNT = 3  # features seen in fewer training candidates are dropped
VERSION = "2026.12.4"
TAGGER_VECTORS = False  # the parser's context vectors as tagger features too (CV: no gain, .575/.721 vs .577/.720)
# features a role's regressions leave out (CV: the sentence's verbs and word classes and the
# tagger's forced CONCEAL span help CONCEAL and cost AGENCY, .719 -> .713 / .715)
ROLE_EXCLUDE = {"AGENCY": re.compile(r"^(sv|scls)=|\?$")}
TAGGER_EPOCHS = 10  # perceptron passes over the training sentences (CV: 5 -> 10 helps, 15 does not)
# (tried: the sentence's verbs as tagger features of every word, CV CONCEAL .582 -> .567, AGENCY .719 -> .726)


def is_heldout(i: int) -> bool:
    return i % 5 == 4


def fold_of(i: int) -> int:
    return (i // 5) % 5


# ----------------------------------------------------------------------------- data


def prepare(data: Path, cache: Path | None = None,
            heldout_only: bool = False) -> list[tuple[int, object, list[tuple[int, int, str]]]]:
    """[(index, parsed Doc with docmine's mentions, gold (start_char, end_char, role))].

    ``heldout_only`` processes only the heldout fifth (the test of the shipped weights)."""
    if cache is not None and cache.is_file():
        with open(cache, "rb") as fh:
            items = pickle.load(fh)
        return [x for x in items if is_heldout(x[0])] if heldout_only else items
    import spacy
    from spacy.tokens import DocBin

    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate, load_nlp, use_fast_ops
    from docmine.seizures.parse import load_parser, sentence_docs

    gold = list(enumerate(DocBin().from_disk(data).get_docs(spacy.blank("en").vocab)))
    if heldout_only:
        gold = [(i, g) for i, g in gold if is_heldout(i)]
    texts = [g.text for _, g in gold]
    use_fast_ops()
    nlp = load_nlp()
    docs = (Document(path=str(i), sha256="", format="txt", text=t) for i, t in enumerate(texts))
    mentions = [ms for _, ms, _ in annotate(nlp, docs, batch_size=32)]
    # every sentence is its own document for recognition; parse them together (one pipe batch):
    # offsets are shifted into one joined text and each Doc is the same as a one-sentence call
    joined, spans, shifted, pos = [], [], [], 0
    for t, ms in zip(texts, mentions, strict=True):
        spans.append((pos, pos + len(t)))
        for m in ms:
            m2 = copy(m)
            m2.start, m2.end = m.start + pos, m.end + pos
            shifted.append(m2)
        joined.append(t)
        pos += len(t) + 2
    parsed = sentence_docs(load_parser(), "\n\n".join(joined), spans, shifted)
    out = []
    for (i, g), doc in zip(gold, parsed, strict=True):
        assert doc.text == g.text
        doc.user_data["offset"] = 0
        roles = [(e.start_char, e.end_char, GOLD_ROLE[e.label_]) for e in g.ents if e.label_ in GOLD_ROLE]
        out.append((i, doc, roles))
    if cache is not None and not heldout_only:
        with open(cache, "wb") as fh:
            pickle.dump(out, fh)
    return out


def tagger_rows(items, classes) -> list[tuple[int, list[list[str]], list[int], object]]:
    """Per sentence: (index, token features, gold BIO tags, context vectors); a gold span is widened
    to whole tokens."""
    rows = []
    for i, doc, gold in items:
        spans = []
        for s, e, role in sorted(gold):
            sp = doc.char_span(s, e, alignment_mode="expand")
            if sp is not None:
                spans.append((sp.start, sp.end, role))
        rows.append((i, token_features(doc, classes), spans_to_tags(len(doc), spans), token_vectors(doc)))
    return rows


def fit_tagger(rows) -> RoleTagger:
    vectors = [v for *_, v in rows] if TAGGER_VECTORS and all(v is not None for *_, v in rows) else None
    weights, trans, dense = train_perceptron([(f, t) for _, f, t, _ in rows], epochs=TAGGER_EPOCHS, dense=vectors)
    return RoleTagger(weights=weights, transitions=trans, dense=dense)


def out_of_fold_tagged(rows) -> dict[int, list[tuple[int, int, str]]]:
    """The tagger's spans of every training sentence, each read by a tagger trained on the other
    four folds (the classifier then learns from tagger output as noisy as at run time)."""
    out = {}
    for k in range(5):
        tagger = fit_tagger([r for r in rows if fold_of(r[0]) != k])
        for i, f, _, v in rows:
            if fold_of(i) == k:
                out[i] = tagger.spans_features(f, v, forced=True)
    return out


def tagger_json(tagger: RoleTagger, cv: dict | None) -> dict:
    return {
        "version": VERSION,
        "description": "BIO tagger of the seizure roles (docmine.seizures.role_tagger): averaged structured "
                       "perceptron; written by scripts/train_seizure_roles.py, not hand-edited.",
        "tags": list(TAGS),
        "epochs": TAGGER_EPOCHS,
        "training_data": "drug-seizure-ner train.spacy, the four training fifths (i % 5 != 4)",
        "cv": cv,
        "transitions": [[round(float(v), 4) for v in row] for row in tagger.transitions],
        "dense": [[round(float(v), 4) for v in row] for row in tagger.dense] if tagger.dense is not None else None,
        "weights": {f: [round(float(v), 4) for v in w] for f, w in sorted(tagger.weights.items())},
    }


def model_tagged(model: RoleModel, items) -> dict[int, list[tuple[int, int, str]]] | None:
    """The spans the model's own tagger reads in every sentence (None for a model without tagger)."""
    tg = model.tagger
    return {i: tg.spans(d, forced=True) for i, d, _ in items} if tg is not None else None


def score_tagged(items, tagged: dict[int, list[tuple[int, int, str]]]) -> dict[str, dict[str, float]]:
    """Exact-span scores of the tagger's own spans."""
    rows = [{"gold": set(g)} for _, _, g in items]
    scored = [[(1.0, role, doc[s:e].start_char, doc[s:e].end_char) for s, e, role in tagged[i] if role in ROLES]
              for i, doc, _ in items]
    return score(rows, scored, dict.fromkeys(ROLES, 0.5))


def featurise(items, classes, tagged: dict[int, list[tuple[int, int, str]]] | None = None) -> list[dict]:
    """Per sentence: candidates (start, end), their feature lists and char offsets, gold set.

    ``tagged``: the tagger's spans per sentence index (candidates and features), or None."""
    agent_words = classes.get("agency.agent", frozenset())
    rows = []
    for i, doc, gold in items:
        tg = tagged.get(i, []) if tagged is not None else None
        cands = candidate_spans(doc, agent_words, tg)
        keys = list(cands)
        feats = [span_features(doc, s, e, sorted(cands[(s, e)]), classes, tg) for s, e in keys]
        chars = [(doc[s:e].start_char, doc[s:e].end_char) for s, e in keys]
        heads = [doc[s:e].root.idx for s, e in keys]
        rows.append({"i": i, "keys": keys, "feats": feats, "chars": chars, "heads": heads, "gold": set(gold)})
    return rows


# ----------------------------------------------------------------------------- model


def fit(rows: list[dict], C: float | dict[str, float], two_stage: bool | None = None) -> RoleModel:
    """The regressions of every role; ``C``: one inverse regularisation strength or one per role."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: Counter[str] = Counter(f for r in rows for fs in r["feats"] for f in fs)
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    X_dicts = [{f: v for f, v in fs.items() if f in keep and f != "bias"} for r in rows for fs in r["feats"]]
    vec = DictVectorizer()
    X = vec.fit_transform(X_dicts).tocsr()
    X.indices = X.indices.astype(np.int32)  # liblinear takes 32-bit sparse indices only
    X.indptr = X.indptr.astype(np.int32)
    names = vec.get_feature_names_out()
    weights, bias = {}, {}
    exact = {role: np.array([(s, e, role) in r["gold"] for r in rows for s, e in r["chars"]], dtype=int)
             for role in ROLES}
    for role in ROLES:
        # head inside a gold span of the role (detection) ...
        inside = np.array([any(gs <= h < ge for gs, ge, gr in r["gold"] if gr == role)
                           for r in rows for h in r["heads"]], dtype=int)
        jobs = [(role, np.ones(len(inside), dtype=bool), inside)]
        if TWO_STAGE if two_stage is None else two_stage:  # ... and, among those, the exact edges (boundary)
            jobs.append((f"{role}:boundary", inside.astype(bool), exact[role]))
        else:
            jobs = [(role, np.ones(len(inside), dtype=bool), exact[role])]
        skip = ROLE_EXCLUDE.get(role)
        cols = np.array([skip is None or not skip.search(str(n)) for n in names])
        for key, mask, y in jobs:
            clf = LogisticRegression(C=C[role] if isinstance(C, dict) else C, solver="liblinear", max_iter=1000)
            clf.fit(X[mask][:, cols], y[mask])
            w = clf.coef_[0]
            weights[key] = {str(n): round(float(v), 3) for n, v in zip(names[cols], w, strict=True)
                            if abs(v) >= 1e-3}
            bias[key] = round(float(clf.intercept_[0]), 3)
    return RoleModel(weights=weights, bias=bias, thresholds={r: 0.5 for r in ROLES})


def predict(rows: list[dict], model: RoleModel) -> list[list[tuple[float, str, int, int]]]:
    """Scored candidates per sentence, in character offsets."""
    out = []
    for r in rows:
        scored = []
        for (cs, ce), fs in zip(r["chars"], r["feats"], strict=True):
            for role in ROLES:
                scored.append((model.score(role, fs), role, cs, ce))
        out.append(scored)
    return out


def score(rows: list[dict], scored: list, thresholds: dict[str, float],
          max_spans: dict[str, int] | None = None) -> dict[str, dict[str, float]]:
    c: dict[str, Counter] = {r: Counter() for r in ROLES}
    for r, sc in zip(rows, scored, strict=True):
        pred = {(s, e, role) for _, role, s, e in decode(sc, thresholds, max_spans)}
        for role in ROLES:
            g = {x for x in r["gold"] if x[2] == role}
            p = {x for x in pred if x[2] == role}
            c[role]["tp"] += len(g & p)
            c[role]["fp"] += len(p - g)
            c[role]["fn"] += len(g - p)
    out = {}
    for role in ROLES:
        tp, fp, fn = c[role]["tp"], c[role]["fp"], c[role]["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        out[role] = {"precision": round(p, 3), "recall": round(rc, 3), "f1": round(f, 3),
                     "gold": tp + fn, "predicted": tp + fp}
    return out


def tune_thresholds(rows: list[dict], scored: list, max_spans: dict[str, int] | None = None) -> dict[str, float]:
    """Per-role threshold maximising CV F1 (coordinate ascent: the roles share the decoder)."""
    th = {r: 0.5 for r in ROLES}
    for _ in range(2):
        for role in ROLES:
            best = max(THRESHOLDS, key=lambda t: (score(rows, scored, {**th, role: t}, max_spans)[role]["f1"],
                                                  -abs(t - 0.5)))
            th[role] = best
    return th


def tune_decoding(rows: list[dict], scored: list) -> tuple[dict[str, float], dict[str, int]]:
    """Per-role thresholds and per-role limit on spans per sentence (MAX_SPANS; 0 = none),
    maximising CV F1; a limit is kept only when it raises the role's F1."""
    limits: dict[str, int] = {}
    th = tune_thresholds(rows, scored, limits)
    base = score(rows, scored, th, limits)
    for role in ROLES:
        best_f, best_n = base[role]["f1"], 0
        for n in MAX_SPANS:
            trial = {**limits, role: n}
            t = tune_thresholds(rows, scored, trial)
            f = score(rows, scored, t, trial)[role]["f1"]
            if f > best_f:
                best_f, best_n = f, n
        if best_n:
            limits[role] = best_n
    return tune_thresholds(rows, scored, limits), limits


def cross_validate(rows: list[dict], C: float) -> list:
    """Out-of-fold scored candidates for every training sentence (order of ``rows``)."""
    scored: list = [None] * len(rows)
    for k in range(5):
        train = [r for r in rows if fold_of(r["i"]) != k]
        model = fit(train, C)
        test_idx = [j for j, r in enumerate(rows) if fold_of(r["i"]) == k]
        for j, sc in zip(test_idx, predict([rows[j] for j in test_idx], model), strict=True):
            scored[j] = sc
    return scored


def fmt(res: dict) -> str:
    return "  ".join(f"{r}: P {v['precision']:.3f} R {v['recall']:.3f} F1 {v['f1']:.3f} "
                     f"(gold {v['gold']}, pred {v['predicted']})" for r, v in res.items())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--out", default=str(ROOT / "src" / "docmine" / "models" / MODEL_FILE))
    ap.add_argument("--cache", default=None, help="pickle of the processed sentences (development)")
    ap.add_argument("--C", type=float, default=None, help="skip the C search")
    ap.add_argument("--stages", type=int, choices=(1, 2), default=None,
                    help="1: one regression per role; 2: head detection x boundary (default: TWO_STAGE)")
    ap.add_argument("--check", action="store_true", help="score the shipped weights on heldout; write nothing")
    ap.add_argument("--no-heldout", action="store_true", help="do not score the heldout fifth")
    ap.add_argument("--no-tagger", action="store_true",
                    help="no BIO tagger: the classifier alone (its candidates and features without the tagger's)")
    args = ap.parse_args(argv)
    t0 = time.time()
    global TWO_STAGE
    if args.stages:
        TWO_STAGE = args.stages == 2
    models = ROOT / "src" / "docmine" / "models"
    classes = load_classes(models)
    items = prepare(Path(args.data), Path(args.cache) if args.cache else None, heldout_only=args.check)
    train_items = [x for x in items if not is_heldout(x[0])]
    held_items = [x for x in items if is_heldout(x[0])]
    print(f"prepared {len(items)} sentences ({len(train_items)} train, {len(held_items)} heldout) "
          f"in {time.time() - t0:.0f}s", flush=True)
    if args.check:
        model = load_roles(str(models))
        held = featurise(held_items, classes, model_tagged(model, held_items))
        res = score(held, predict(held, model), model.thresholds, model.max_spans)
        print("shipped weights, heldout:", fmt(res))
        return 0
    tagger, tagger_cv, oof = None, None, None
    if not args.no_tagger:
        trows = tagger_rows(train_items, classes)
        oof = out_of_fold_tagged(trows)
        tagger_cv = score_tagged(train_items, oof)
        print(f"tagger alone, CV: {fmt(tagger_cv)} ({time.time() - t0:.0f}s)", flush=True)
        tagger = fit_tagger(trows)
        tagger.classes = classes
    train = featurise(train_items, classes, oof)
    print(f"candidates: {sum(len(r['keys']) for r in train)} in {len(train)} train sentences", flush=True)
    results = {}
    for C in ([args.C] if args.C else C_GRID):
        scored = cross_validate(train, C)
        th, limits = tune_decoding(train, scored)
        res = score(train, scored, th, limits)
        results[C] = (res, scored)
        print(f"C={C}: CV {fmt(res)}  thresholds {th}  max_spans {limits}", flush=True)
    # each role its own C (the roles' regressions are separate; they meet only in the decoder)
    best_C = {role: max(results, key=lambda c: results[c][0][role]["f1"]) for role in ROLES}
    per_role = {role: results[best_C[role]][1] for role in ROLES}
    scored = [[x for role in ROLES for x in per_role[role][j] if x[1] == role] for j in range(len(train))]
    th, limits = tune_decoding(train, scored)
    cv = score(train, scored, th, limits)
    print(f"C={best_C}: CV {fmt(cv)}  thresholds {th}  max_spans {limits}", flush=True)
    model = fit(train, best_C)
    model.thresholds = th
    model.max_spans = limits
    out = {
        "version": VERSION,
        "description": "Seizure-role recogniser (docmine.seizures.roles): one logistic regression per role "
                       "over candidate-span features; written by scripts/train_seizure_roles.py, not hand-edited.",
        "roles": list(ROLES),
        "training_data": "drug-seizure-ner train.spacy (1,654 news sentences; MIT, "
                         "github.com/shirkattack/drugdetection @ 98acd1c): CONCEAL spans -> CONCEAL, "
                         "ORG spans (seizing agency only) -> AGENCY",
        "split": "sentence index i % 5 == 4 is heldout (never tuned on); 5-fold CV on the rest, fold (i // 5) % 5",
        "C": best_C,
        "min_feature_count": MIN_COUNT,
        "thresholds": th,
        "max_spans": limits,
        "cv": cv,
        "heldout": None,
        "tagger": TAGGER_FILE if tagger is not None else None,
        "bias": model.bias,
        "weights": model.weights,
    }
    if not args.no_heldout:
        held_tagged = {i: tagger.spans(d, forced=True) for i, d, _ in held_items} if tagger is not None else None
        held = featurise(held_items, classes, held_tagged)
        res = score(held, predict(held, model), th, limits)
        out["heldout"] = res
        print(f"HELDOUT (C={best_C}): {fmt(res)}")
        if held_tagged is not None:
            print(f"HELDOUT, tagger alone: {fmt(score_tagged(held_items, held_tagged))}")
    Path(args.out).write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    tagger_path = Path(args.out).with_name(TAGGER_FILE)
    if tagger is not None:
        tagger_path.write_text(json.dumps(tagger_json(tagger, tagger_cv), indent=0, ensure_ascii=False) + "\n",
                               encoding="utf-8")
        print(f"wrote {tagger_path} ({len(tagger.weights)} features)")
    elif tagger_path.is_file():
        tagger_path.unlink()  # the classifier no longer uses it
    print(f"wrote {args.out} ({sum(len(w) for w in model.weights.values())} weights) in {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
