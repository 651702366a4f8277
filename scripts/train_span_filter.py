"""Train the span filter (``src/docmine/models/span_filter.json``) from openly licensed NER data.

For every document of the English corpora in ``../shared/data/ner`` (UD English-EWT web text,
WikiGold, the re3d government/defence documents, BTC news-account posts), docmine's pipeline
runs *without* the filter; each PERSON / ORG / PLACE span the statistical model produced is
labelled with the gold label of the same span (or of the gold span it overlaps: a boundary error
is not a reason to drop a mention), else NONE. A multinomial logistic regression learns to
predict that class from :func:`docmine.nlp.span_filter.span_features`.

The real-document gold's ``train`` split (``benchmarks/gold/real_dev.jsonl``: White House
statements and the Georgia darknet-market report, texts in ``../shared/data/real-dev``) adds
in-domain spans, weighted ``--domain-weight``. The public corpora are split by document: 4 of 5
train, the fifth is a test set. The drop/relabel thresholds, and a drop threshold of its own for
the model's ORG spans (its ORG spans are the noisiest on real documents and the most often right in
newswire), are chosen on the real-document ``dev`` split, among those that leave every label of
the project's press-release gold within ``--press-tolerance`` of its unfiltered F1 (a constraint,
never trained on) and every label of every public corpus within ``--general-tolerance`` (0.02) of
its unfiltered F1 on that corpus's four training folds, each fold scored by a filter fitted
without it; on a tie, the lowest ORG threshold. Those out-of-fold scores are always printed: on
its own training spans the filter looks harmless, out of fold an ORG threshold of 0.45 costs
WikiGold about 8 points of ORG F1. The ``heldout`` split is never read. ``--grid-report`` writes
every candidate's dev F1 and worst general loss; ``--cache`` keeps the annotated spans between runs.
``--news-weight W`` adds the dev splits of the newswire gold (benchmarks/gold/news.jsonl, reuters.jsonl)
as training spans of weight W (default 0: left out); ``--news-check N`` leaves every other newswire
document out of training and reports the filter on them. Measured 2026-12-04 (both halves, weight 0
against 1): newswire ORG F1 0.830 / 0.846 without the news spans, 0.833 / 0.844 with them; the
filter itself adds 0.004-0.009 ORG F1 on news. Newswire data does not make it a better news filter.
The script prints exact-span P/R/F1 per label
with and without the filter on the public test fifth and on dev, and writes the weights with a
data card. Reproducible: fixed split, deterministic solver.

    python scripts/train_span_filter.py [--data ../shared/data/ner] [--out src/docmine/models/span_filter.json]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABEL_MAP = {"PER": "PERSON", "PERSON": "PERSON", "Person": "PERSON", "person": "PERSON",
             "ORG": "ORG", "Organisation": "ORG", "organization": "ORG", "corporation": "ORG",
             "LOC": "PLACE", "GPE": "PLACE", "Location": "PLACE", "location": "PLACE"}
CORPORA = {
    "uner_en_ewt": ("en_ewt-ud-dev.iob2",),
    "wikigold": ("wikigold.conll.txt",),
    "re3d_open_subset": ("*.conll",),
    "btc": ("g.conll",),
}


def read_conll(path: Path, corpus: str) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, tag)."""
    docs: list[list[list[tuple[str, str]]]] = [[]]
    sent: list[tuple[str, str]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.rstrip("\n")
        if line.startswith("# newdoc") or line.startswith("-DOCSTART-"):
            if sent:
                docs[-1].append(sent)
                sent = []
            if docs[-1]:
                docs.append([])
            continue
        if corpus == "uner_en_ewt" and line.startswith("#"):
            continue
        if not line.strip():
            if sent:
                docs[-1].append(sent)
                sent = []
                if corpus == "btc":  # each post is its own document
                    docs.append([])
            continue
        cols = line.split("\t") if "\t" in line else line.split(" ")
        if corpus == "uner_en_ewt":
            if not cols[0].isdigit():
                continue
            tok, tag = cols[1], cols[2]
        else:
            tok, tag = cols[0], cols[-1]
        sent.append((tok, tag))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def to_text(doc: list[list[tuple[str, str]]], sentence_sep: str = " ") -> tuple[str, list[tuple[int, int, str]]]:
    """Space-joined tokens (sentences joined by ``sentence_sep``) and gold spans (IOB1 or IOB2),
    'the' and possessives trimmed."""
    parts, spans, pos = [], [], 0
    for n, sent in enumerate(doc):
        if n and sentence_sep != " ":
            parts[-1] = sentence_sep
        cur = None
        prev_type = None
        for tok, tag in sent:
            start = pos
            parts.append(tok)
            pos += len(tok) + 1
            parts.append(" ")
            typ = tag[2:] if len(tag) > 2 and tag[1] == "-" else None
            begin = tag.startswith("B-") or (typ is not None and typ != prev_type)
            if typ is None:
                cur = None
            elif begin or cur is None:
                cur = [start, start + len(tok), typ]
                spans.append(cur)
            else:
                cur[1] = start + len(tok)
            prev_type = typ
    text = "".join(parts).rstrip()
    out = []
    for s, e, typ in spans:
        label = LABEL_MAP.get(typ)
        if label is None:
            out.append((s, e, "OTHER"))
            continue
        out.append((*trim(text, s, e), label))
    return text, out


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A span without a leading "the" or a trailing possessive (docmine's gold convention)."""
    m = re.match(r"(?:the|The)\s+", text[s:e])
    if m and e - s > m.end():
        s += m.end()
    pm = re.search(r"\s*(?:'s|’s)$", text[s:e])
    if pm:
        e = s + pm.start()
    return s, e


def load_corpora(data: Path, sentence_sep: str = " ") -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    docs = []
    for corpus, patterns in CORPORA.items():
        folder = data / corpus
        if not folder.is_dir():
            print(f"skipping {corpus}: {folder} not found", file=sys.stderr)
            continue
        for pattern in patterns:
            for path in sorted(folder.glob(pattern)):
                for i, d in enumerate(read_conll(path, corpus)):
                    text, spans = to_text(d, sentence_sep)
                    if text.strip():
                        docs.append((f"{corpus}/{path.name}#{i}", text, spans))
    return docs


def target(m, gold: list[tuple[int, int, str]]) -> str:
    for s, e, lab in gold:
        if s == m.start and e == m.end:
            return lab if lab != "OTHER" else "NONE"
    for s, e, lab in gold:
        if s < m.end and m.start < e and lab != "OTHER":
            return lab
    return "NONE"


def prf(gold: set, pred: set, label: str) -> tuple[float, float, float]:
    g = {x for x in gold if x[3] == label}
    p = {x for x in pred if x[3] == label}
    tp = len(g & p)
    pr = tp / len(p) if p else 0.0
    rc = tp / len(g) if g else 0.0
    return pr, rc, (2 * pr * rc / (pr + rc) if pr + rc else 0.0)


def load_real_dev(split: str, name: str = "real_dev") -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """Records of one split of a gold file of benchmarks/gold (``real_dev``, ``news``, ``reuters``;
    texts re-read from ../shared/data)."""
    from docmine.evaluate import load_gold

    gold = ROOT / "benchmarks" / "gold" / f"{name}.jsonl"
    try:
        recs = load_gold(str(gold), split=split)
    except FileNotFoundError as exc:
        print(f"skipping {name} {split} split: {exc}", file=sys.stderr)
        return []
    prefix = "real-dev" if name == "real_dev" else name
    return [(f"{prefix}/{r['id']}", r["text"], [(s, e, lab) for s, e, lab, _ in r["entities"]
                                              if lab in ("PERSON", "ORG", "PLACE")]) for r in recs]


def load_press() -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """The project's press-release gold: a constraint on the thresholds (it must not get worse)."""
    from docmine.evaluate import load_gold

    recs = load_gold(str(ROOT / "benchmarks" / "gold" / "press_releases.jsonl"))
    return [(f"press/{r['id']}", r["text"], [(s, e, lab) for s, e, lab, _ in r["entities"]
                                             if lab in ("PERSON", "ORG", "PLACE")]) for r in recs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "docmine" / "models" / "span_filter.json")
    ap.add_argument("--press-tolerance", type=float, default=0.005,
                    help="F1 any label of the press-release gold may lose with the chosen thresholds (default 0.005)")
    ap.add_argument("--general-tolerance", type=float, default=0.02,
                    help="F1 any label of any public corpus may lose, scored out of fold on its training "
                         "folds, with the chosen thresholds (default 0.02, the margin issue 12 allows below "
                         "the bare model on general newswire; a negative value turns the constraint off)")
    ap.add_argument("--cache", type=Path, default=None,
                    help="pickle of the annotated spans: written on the first run, read on later ones")
    ap.add_argument("--grid-report", type=Path, default=None,
                    help="write every threshold candidate's dev F1 and worst out-of-fold general loss (TSV)")
    ap.add_argument("--C", type=float, default=0.15, help="inverse L2 strength of the logistic regression")
    ap.add_argument("--min-count", type=int, default=2, help="keep features seen in at least this many spans")
    ap.add_argument("--news-weight", type=float, default=0.0,
                    help="sample weight of spans from the dev splits of the newswire gold (AG News, Reuters); "
                         "0 leaves them out")
    ap.add_argument("--news-check", type=int, choices=(0, 1), default=None,
                    help="validation: leave every other newswire document out of training (those with index "
                         "%% 2 == N) and report the filter's scores on them")
    ap.add_argument("--domain-weight", type=float, default=3.0,
                    help="sample weight of spans from the real-document train split (in-domain)")
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"{args.data} not found: the training data lives in ../shared/data/ner")

    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from docmine.extract.document import Document
    from docmine.nlp.gazetteer import common_words, dictionary_words, place_names
    from docmine.nlp.pipeline import annotate, load_nlp, use_fast_ops
    from docmine.nlp.span_filter import CLASSES, FILTERED_LABELS, SpanFilter, doc_context, span_features

    t0 = time.time()
    cached = None
    if args.cache is not None and args.cache.exists():
        import pickle

        cached = pickle.loads(args.cache.read_bytes())
        print(f"read the annotated spans from {args.cache}")
    if cached is None:
        public = load_corpora(args.data)
        domain = load_real_dev("train")
        dev = load_real_dev("dev")
        press = load_press()
        news = load_real_dev("dev", "news") + load_real_dev("dev", "reuters")
    else:
        public, domain, dev, press = cached["public"], cached["domain"], cached["dev"], cached["press"]
        news = cached.get("news", [])
    docs = public + domain + dev + press + news
    kind = ["public"] * len(public) + ["domain"] * len(domain) + ["dev"] * len(dev) + ["press"] * len(press) \
        + ["news"] * len(news)
    if args.news_check is not None:
        kind = [k if k != "news" or (i - kind.index("news")) % 2 != args.news_check else "news-check"
                for i, k in enumerate(kind)]
    # the public corpora are split by document: 4 of 5 train, the fifth is a test set; the four
    # training folds also give out-of-fold scores (each fold scored by a filter fitted without it)
    fold = [i % 5 if i < len(public) else -1 for i in range(len(docs))]
    corpus_of = [d[0].split("/")[0] for d in docs]
    for i in range(len(public)):
        if i % 5 == 4:
            kind[i] = "public-test"
    print(f"{len(public)} public documents ({', '.join(CORPORA)}), {len(domain)} real-document train passages, "
          f"{len(dev)} real-document dev passages (thresholds only)")
    use_fast_ops()
    nlp = load_nlp()
    lex = nlp.get_pipe("docmine_domain").lex
    if cached is None:
        documents = [Document(path=i, sha256="", format="txt", text=t) for i, t, _ in docs]
        all_mentions = [mentions for _, mentions, _ in annotate(nlp, documents, batch_size=32, span_filter=False)]
        if args.cache is not None:
            import pickle

            args.cache.write_bytes(pickle.dumps({"public": public, "domain": domain, "dev": dev, "press": press,
                                                 "news": news, "mentions": all_mentions}))
    else:
        all_mentions = cached["mentions"]  # the features are computed below: a feature change needs no pipeline run
    gaz, common, dictionary = place_names(), common_words(), dictionary_words()
    rows = []  # (doc index, mention, features, target)
    for di, mentions in enumerate(all_mentions):
        ctx = doc_context(docs[di][1], mentions)
        for m in mentions:
            if m.source == "model" and m.label in FILTERED_LABELS:
                rows.append((di, m, span_features(m, ctx, lex, gaz, common, dictionary), target(m, docs[di][2])))
    print(f"{len(rows)} model spans in {time.time() - t0:.0f} s; targets {dict(Counter(r[3] for r in rows))}")
    row_of = {(r[0], r[1].start, r[1].end, r[1].label): i for i, r in enumerate(rows)}

    def fit(idx):
        feats = [rows[i][2] for i in idx]
        counts = Counter(k for f in feats for k in f)
        feats = [{k: v for k, v in f.items() if counts[k] >= args.min_count} for f in feats]
        vec = DictVectorizer()
        X = vec.fit_transform(feats)
        y = np.array([CLASSES.index(rows[i][3]) for i in idx])
        weight = {"domain": args.domain_weight, "news": args.news_weight}
        w = np.array([weight.get(kind[rows[i][0]], 1.0) for i in idx])
        clf = LogisticRegression(C=args.C, max_iter=3000)
        clf.fit(X, y, sample_weight=w)
        return vec, clf

    def predict(vec, clf, idx) -> dict[int, list[float]]:
        P = np.zeros((len(idx), len(CLASSES)))
        P[:, clf.classes_] = clf.predict_proba(vec.transform([rows[i][2] for i in idx]))
        return {i: [float(x) for x in P[k]] for k, i in enumerate(idx)}

    def to_filter(vec, clf, drop, relabel, org_drop=None) -> SpanFilter:
        W = np.zeros((len(CLASSES), len(vec.feature_names_)))
        W[clf.classes_] = clf.coef_
        b = np.full(len(CLASSES), -30.0)
        b[clf.classes_] = clf.intercept_
        weights = {name: [round(float(x), 4) for x in W[:, j]] for j, name in enumerate(vec.feature_names_)
                   if np.abs(W[:, j]).max() >= 1e-3}
        return SpanFilter(weights=weights, bias=[round(float(x), 4) for x in b], drop_threshold=drop,
                          relabel_threshold=relabel, org_drop_threshold=org_drop)

    def scores(doc_idx, flt: SpanFilter | None, probs_of: dict[int, list[float]] | None = None):
        """Exact-span P/R/F1 per label; a model span's class probabilities come from ``probs_of``
        (row index -> probabilities) when given, else from ``flt`` itself."""
        gold, pred = set(), set()
        for di in doc_idx:
            for s, e, lab in docs[di][2]:
                if lab in FILTERED_LABELS:
                    gold.add((di, s, e, lab))
            for m in all_mentions[di]:
                if m.label not in FILTERED_LABELS:
                    continue
                label = m.label
                if flt is not None and m.source == "model":
                    ri = row_of[(di, m.start, m.end, m.label)]
                    probs = probs_of[ri] if probs_of is not None else flt.probabilities(rows[ri][2])
                    k = max(range(len(CLASSES)), key=lambda c: probs[c])
                    if flt.drops(label, probs):
                        continue
                    if CLASSES[k] not in ("NONE", label) and probs[k] >= flt.relabel_threshold:
                        label = CLASSES[k]
                pred.add((di, m.start, m.end, label))
        return {lab: prf(gold, pred, lab) for lab in FILTERED_LABELS}

    train_kinds = ("public", "domain", "news") if args.news_weight > 0 else ("public", "domain")
    train_idx = [i for i, r in enumerate(rows) if kind[r[0]] in train_kinds]
    # out-of-fold probabilities of the public training documents: the general-text constraint below
    # must see what the filter does to text it was not fitted on (on its own training spans it
    # keeps nearly every organisation; on unseen Wikipedia text its ORG threshold dropped 9% of them)
    oof: dict[int, list[float]] = {}
    for f in range(4):
        idx_f = [i for i in train_idx if fold[rows[i][0]] != f]
        vec_f, clf_f = fit(idx_f)
        oof.update(predict(vec_f, clf_f, [i for i in train_idx if fold[rows[i][0]] == f]))
        print(f"  out-of-fold filter {f + 1}/4 fitted ({time.time() - t0:.0f} s)")
    vec, clf = fit(train_idx)
    tune_docs = [di for di in range(len(docs)) if kind[di] == "dev"] or \
        [di for di in range(len(docs)) if kind[di] == "public-test"]
    test_docs = [di for di in range(len(docs)) if kind[di] == "public-test"]
    press_docs = [di for di in range(len(docs)) if kind[di] == "press"]
    general = {c: [di for di in range(len(docs)) if kind[di] == "public" and corpus_of[di] == c] for c in CORPORA}
    general = {c: idx for c, idx in general.items() if idx}
    probs_final = predict(vec, clf, [i for i in range(len(rows)) if kind[rows[i][0]] in ("dev", "press", "news-check")])
    scores_press_base = scores(press_docs, None)
    scores_general_base = {c: scores(idx, None) for c, idx in general.items()}
    best = None
    grid: list[str] | None = [] if args.grid_report else None
    for drop in (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
        for relabel in (0.5, 0.6, 0.7, 0.8, 0.9):
            for org_drop in (None, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.4, 0.35, 0.3):
                flt_ = to_filter(vec, clf, drop, relabel, org_drop)
                s = scores(tune_docs, flt_, probs_final)
                macro = sum(v[2] for v in s.values()) / 3
                # the press-release gold is a constraint, never an objective: no label may lose
                # more than 2 of its ~400 mentions' worth of F1
                press = scores(press_docs, flt_, probs_final)
                ok = all(press[lab][2] >= scores_press_base[lab][2] - args.press_tolerance
                         for lab in FILTERED_LABELS)
                # general text is a constraint too: on every public corpus's training folds, scored
                # out of fold, no label may lose more than --general-tolerance of its unfiltered F1
                for c, idx in general.items():
                    if not ok or args.general_tolerance < 0:
                        break
                    g = scores(idx, flt_, oof)
                    ok = all(g[lab][2] >= scores_general_base[c][lab][2] - args.general_tolerance
                             for lab in FILTERED_LABELS)
                if grid is not None:
                    worst = min((scores(idx, flt_, oof)[lab][2] - scores_general_base[c][lab][2], f"{c}:{lab}")
                                for c, idx in general.items() for lab in FILTERED_LABELS)
                    grid.append(f"{drop}\t{relabel}\t{org_drop}\t{macro:.4f}\t"
                                + "\t".join(f"{s[lab][2]:.3f}" for lab in FILTERED_LABELS)
                                + f"\t{worst[0]:+.4f}\t{worst[1]}\t{ok}")
                # on a tie, the lower ORG threshold: the most filtering general text tolerates
                org_level = org_drop if org_drop is not None else drop
                if ok and (best is None or macro > best[0] + 1e-9
                           or macro > best[0] - 1e-9 and org_level < best[4] - 1e-9):
                    best = (macro, drop, relabel, org_drop, org_level)
    if grid is not None:
        args.grid_report.write_text("drop\trelabel\torg_drop\tdev_macro\tdev_PERSON\tdev_ORG\tdev_PLACE\t"
                                    "general_worst_delta\twhere\tallowed\n" + "\n".join(grid) + "\n")
    if best is None:
        best = (0.0, 1.01, 1.01, None, 1.01)  # no threshold keeps the press gold whole: the filter does nothing
    _, drop, relabel, org_drop, _ = best
    flt = to_filter(vec, clf, drop, relabel, org_drop)
    report = {}
    check_docs = [di for di in range(len(docs)) if kind[di] == "news-check"]
    for name, idx in (("public-test", test_docs), ("dev", tune_docs), ("press", press_docs),
                      ("news-check", check_docs)):
        if not idx:
            continue
        base, after = scores(idx, None), scores(idx, flt)
        report[name] = {lab: {"without": [round(x, 3) for x in base[lab]], "with": [round(x, 3) for x in after[lab]]}
                        for lab in FILTERED_LABELS}
        print(f"{name} ({len(idx)} documents), exact-span P/R/F1, thresholds drop {drop} relabel {relabel} "
              f"ORG drop {org_drop}:")
        for lab in FILTERED_LABELS:
            b, a = base[lab], after[lab]
            print(f"  {lab:7} without filter P {b[0]:.3f} R {b[1]:.3f} F1 {b[2]:.3f}   "
                  f"with filter P {a[0]:.3f} R {a[1]:.3f} F1 {a[2]:.3f}")
    for c, idx in general.items():
        base, after = scores_general_base[c], scores(idx, flt, oof)
        report[f"{c} training folds, out of fold"] = {
            lab: {"without": [round(x, 3) for x in base[lab]], "with": [round(x, 3) for x in after[lab]]}
            for lab in FILTERED_LABELS}
        print(f"{c} training folds ({len(idx)} documents), scored out of fold:")
        for lab in FILTERED_LABELS:
            b, a = base[lab], after[lab]
            print(f"  {lab:7} without filter P {b[0]:.3f} R {b[1]:.3f} F1 {b[2]:.3f}   "
                  f"with filter P {a[0]:.3f} R {a[1]:.3f} F1 {a[2]:.3f}")
    card = {
        "what": "logistic-regression filter over the model's PERSON/ORG/PLACE spans (docmine.nlp.span_filter)",
        "trained_by": "scripts/train_span_filter.py",
        "data": {**{name: "../shared/data/ner/" + name for name in CORPORA},
                 "real-dev train split":
                     "benchmarks/gold/real_dev.jsonl (split train; texts in ../shared/data/real-dev)",
                 **({"newswire dev splits": "benchmarks/gold/news.jsonl and reuters.jsonl (split dev; texts in "
                                            "../shared/data/topics-dev)"} if args.news_weight > 0 else {})},
        "licences": "UD English-EWT CC BY-SA 4.0; WikiGold CC BY 4.0; re3d per source (CC BY 3.0 AU, public "
                    "domain, OGL v3.0, CC BY-SA 3.0); BTC CC BY 4.0 (see each folder's SOURCE.md); real-dev "
                    "documents CC0 / US Government works (see ../shared/data/real-dev/MANIFEST.tsv)",
        "not_trained_on": "the fifth of the public documents reported as public-test, the real-dev dev split "
                          "(thresholds only), the press-release gold (a constraint on the thresholds) and the "
                          "real-dev heldout split and the newswire heldout splits (never read)",
        "documents": {k: kind.count(k) for k in sorted(set(kind))}, "spans": len(train_idx),
        "scores": report, "C": args.C, "min_count": args.min_count, "domain_weight": args.domain_weight,
        "news_weight": args.news_weight,
        "press_tolerance": args.press_tolerance, "general_tolerance": args.general_tolerance,
    }
    out = {"version": time.strftime("%Y.%m.%d"), "card": card, "classes": list(CLASSES),
           "drop_threshold": drop, "relabel_threshold": relabel, "org_drop_threshold": org_drop,
           "bias": flt.bias, "weights": flt.weights}
    args.out.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(flt.weights)} features, {args.out.stat().st_size // 1024} KB, "
          f"{time.time() - t0:.0f} s in all")


if __name__ == "__main__":
    main()
