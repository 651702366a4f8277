"""Topic-clustering benchmark on BBC News (1,249 articles, 5 sections) against baselines.

Runs docmine's clustering (``docmine.analysis.topics.cluster_texts``) with k=5 and k="auto" and,
in the same run, plain TF-IDF + k-means, LSA(100) + k-means, NMF (argmax) and LDA (argmax), each
with three seeds. Prints NMI and ARI against the sections, the k used and the time (medians over
seeds), the peak traced memory of one extra run per method (tracemalloc counts numpy buffers but
slows pure-Python code such as LDA several-fold, so it is kept out of the timed runs), the
agreement between docmine's seeds,
and the incremental check through a real store: fit on 90%, add the other 10% without re-fitting,
confirm that no earlier assignment moved.

    python benchmarks/topics_bbc.py
"""
from __future__ import annotations

import hashlib
import itertools
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/bbc-news/bbc-text.csv"
SEEDS = (0, 1, 2)
K = 5


def _tfidf(texts):
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(texts)


def docmine_k5(texts, seed):
    from docmine.analysis.topics import cluster_texts

    labels, _, model = cluster_texts(texts, k=K, seed=seed)
    return labels, model.k


def docmine_auto(texts, seed):
    from docmine.analysis.topics import cluster_texts

    labels, _, model = cluster_texts(texts, k="auto", seed=seed)
    return labels, model.k


def tfidf_kmeans(texts, seed):
    from sklearn.cluster import KMeans

    return KMeans(K, n_init=10, random_state=seed).fit_predict(_tfidf(texts)), K


def lsa_kmeans(texts, seed):
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize

    Z = normalize(TruncatedSVD(100, random_state=seed).fit_transform(_tfidf(texts)))
    return KMeans(K, n_init=10, random_state=seed).fit_predict(Z), K


def nmf_argmax(texts, seed):
    from sklearn.decomposition import NMF

    W = NMF(K, init="nndsvda", random_state=seed, max_iter=400).fit_transform(_tfidf(texts))
    return W.argmax(axis=1), K


def lda_argmax(texts, seed):
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    X = CountVectorizer(stop_words="english", min_df=2, max_df=0.95).fit_transform(texts)
    lda = LatentDirichletAllocation(K, learning_method="batch", max_iter=20, random_state=seed)
    return lda.fit_transform(X).argmax(axis=1), K


METHODS = {
    "docmine (k=5)": docmine_k5,
    "docmine (k=auto)": docmine_auto,
    "TF-IDF + k-means": tfidf_kmeans,
    "LSA(100) + k-means": lsa_kmeans,
    "NMF (argmax)": nmf_argmax,
    "LDA (argmax)": lda_argmax,
}


def timed(fn, texts, seed):
    t = time.perf_counter()
    labels, k = fn(texts, seed)
    return np.asarray(labels), k, time.perf_counter() - t


def peak_mb(fn, texts, seed) -> float:
    tracemalloc.start()
    try:
        fn(texts, seed)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _doc(path: str, text: str) -> dict:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return {"path": path, "mtime_ns": 0, "sentences": [], "mentions": [],
            "document": {"path": path, "sha256": sha, "format": "txt", "text": text, "title": path, "date": None,
                         "language": "en", "page_starts": [0], "size": len(text), "meta": {}}}


def incremental_check(df: pd.DataFrame) -> dict:
    """Fit on 90% in a real store, add 10%, assign without re-fitting; earlier rows must not move."""
    from docmine.analysis.topics import fit_topics
    from docmine.store import Store

    rng = np.random.default_rng(0)
    order = rng.permutation(len(df))
    cut = int(0.9 * len(df))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bbc.db") as store:
        run = store.start_run("benchmark", {})
        store.write_batch([_doc(f"bbc/{i}.txt", df["text"].iloc[i]) for i in order[:cut]], run)
        t = time.perf_counter()
        fit_topics(store, k=K, seed=0)
        fit_seconds = time.perf_counter() - t
        before = store.df("SELECT path, topic, topic_weight FROM documents ORDER BY doc_id")
        model_before = store.get_meta("topic_model")
        store.write_batch([_doc(f"bbc/{i}.txt", df["text"].iloc[i]) for i in order[cut:]], run)
        t = time.perf_counter()
        table = fit_topics(store, k="auto", seed=123)  # a different seed must not matter: nothing is re-fitted
        assign_seconds = time.perf_counter() - t
        after = store.df("SELECT path, topic, topic_weight FROM documents ORDER BY doc_id")
        unchanged = after.head(len(before)).equals(before) and store.get_meta("topic_model") == model_before
    gold = df["category"].to_numpy()
    after["gold"] = [gold[int(p.split("/")[1].split(".")[0])] for p in after["path"]]
    old, new = after.head(len(before)), after.iloc[len(before):]
    majority = old.groupby("topic")["gold"].agg(lambda s: s.value_counts().index[0])
    return {"fitted": len(old), "added": len(new), "assigned": int(new["topic"].notna().sum()),
            "earlier_unchanged": bool(unchanged), "sizes": table["size"].tolist(),
            "new_accuracy": float((new["topic"].map(majority) == new["gold"]).mean()),
            "fitted_accuracy": float((old["topic"].map(majority) == old["gold"]).mean()),
            "fit_seconds": fit_seconds, "assign_seconds": assign_seconds}


def main() -> int:
    if not DATA.exists():
        sys.exit(f"BBC data not found at {DATA}; it is expected in the shared data folder next to the repository")
    df = pd.read_csv(DATA)
    texts, gold = df["text"].tolist(), df["category"].to_numpy()
    print(f"BBC News: {len(df)} articles, {df['category'].nunique()} sections; seeds {SEEDS}\n")
    start = time.perf_counter()
    results, labels_by = [], {}
    peaks = {}
    for name, fn in METHODS.items():
        for seed in SEEDS:
            labels, k, seconds = timed(fn, texts, seed)
            labels_by[(name, seed)] = labels
            results.append({"method": name, "seed": seed, "k": k, "nmi": normalized_mutual_info_score(gold, labels),
                            "ari": adjusted_rand_score(gold, labels), "seconds": seconds})
        peaks[name] = peak_mb(fn, texts, SEEDS[0])
    res = pd.DataFrame(results)
    summary = res.groupby("method", sort=False).agg(
        nmi=("nmi", "median"), nmi_min=("nmi", "min"), nmi_max=("nmi", "max"), ari=("ari", "median"),
        k=("k", lambda s: "/".join(map(str, s))), seconds=("seconds", "median"))
    summary["peak_mb"] = pd.Series(peaks)
    print("Medians over seeds (NMI range in brackets; k per seed; peak traced memory of a seed-0 run):")
    print(f"{'method':22} {'NMI':>6} {'[min-max]':>13} {'ARI':>6} {'k':>7} {'time s':>7} {'peak MB':>8}")
    for name, r in summary.iterrows():
        print(f"{name:22} {r.nmi:6.3f} [{r.nmi_min:.3f}-{r.nmi_max:.3f}] {r.ari:6.3f} {r.k:>7} {r.seconds:7.2f} {r.peak_mb:8.1f}")

    print("\nSeed agreement (ARI between runs with different seeds):")
    agreement = {}
    for name in METHODS:
        pairs = [adjusted_rand_score(labels_by[(name, a)], labels_by[(name, b)]) for a, b in itertools.combinations(SEEDS, 2)]
        agreement[name] = min(pairs)
        print(f"  {name:22} min {min(pairs):.3f}  median {statistics.median(pairs):.3f}")

    from docmine.analysis.topics import cluster_texts

    _, _, model = cluster_texts(texts, k=K, seed=0)
    print("\ndocmine k=5 topics (seed 0):")
    for t in model.topics:
        print(f"  {t['topic']}: {t['size']:4d}  {', '.join(t['features'][:8])}")

    inc = incremental_check(df)
    print(f"\nIncremental: fitted {inc['fitted']} (k=5, {inc['fit_seconds']:.1f}s), added {inc['added']},"
          f" assigned {inc['assigned']} in {inc['assign_seconds']:.2f}s without re-fitting;"
          f" earlier assignments and model unchanged: {inc['earlier_unchanged']};"
          f" new documents in their section's topic: {inc['new_accuracy']:.3f}"
          f" (fitted documents: {inc['fitted_accuracy']:.3f}); topic sizes {inc['sizes']}")

    s = summary["nmi"]
    checks = {
        "docmine k=5 NMI >= 0.90": s["docmine (k=5)"] >= 0.90,
        "docmine auto NMI >= 0.80": s["docmine (k=auto)"] >= 0.80,
        "docmine k=5 ahead of TF-IDF + k-means and LDA": s["docmine (k=5)"] > max(s["TF-IDF + k-means"], s["LDA (argmax)"]),
        "docmine auto ahead of TF-IDF + k-means and LDA": s["docmine (k=auto)"] > max(s["TF-IDF + k-means"], s["LDA (argmax)"]),
        "docmine seeds agree (ARI >= 0.9, k=5 and auto)": min(agreement["docmine (k=5)"], agreement["docmine (k=auto)"]) >= 0.9,
        "incremental: earlier assignments unchanged": inc["earlier_unchanged"] and inc["assigned"] == inc["added"],
    }
    print(f"\nTotal {time.perf_counter() - start:.0f}s")
    for what, ok in checks.items():
        print(f"  {'PASS' if ok else 'FAIL'}  {what}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
