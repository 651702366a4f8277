"""Topic clustering on collections nobody tuned for: 20 Newsgroups, Reuters R8, AG News (+ BBC News).

Through the user's path: every row of ``../shared/data/topics-dev/<name>.csv`` that falls in the
sample becomes its own text file, the files are ingested with ``docmine.ingest`` (spaCy NER, the
store's de-duplication) and the methods read the stored text and entities, as ``docmine topics``
does. Each collection is split once (stratified, seed 0) into a **tune** part and a **held** part
that was never looked at while choosing the method's settings; both are reported. Ingested stores
are cached under ``benchmarks/out/topics_dev/`` (delete the folder to re-ingest).

For each part and seed (0, 1, 2) it runs docmine at k = number of classes and with k="auto", and
LSA(100) + k-means on the same stored texts (plain TF-IDF with English stop words, no entity
tokens); it prints medians of NMI against the labels, the k chosen, ARI between seeds and the time
ratio to the baseline (also to the baseline run with one BLAS thread, as docmine fits).

    python benchmarks/topics_dev.py [--parts tune,held] [--collections 20ng,r8,agnews,bbc]
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from threadpoolctl import threadpool_limits

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/topics-dev"
BBC = ROOT.parent / "shared/data/bbc-news/bbc-text.csv"
OUT = ROOT / "benchmarks/out/topics_dev"
SEEDS = (0, 1, 2)
# documents per part (stratified): 20ng and AG News have 2,000 rows, split in halves; R8 is sampled
SIZES = {"20ng": 1000, "r8": 1200, "agnews": 1000, "bbc": 600}


def split(name: str) -> dict[str, pd.DataFrame]:
    """The tune and held parts of a collection: disjoint, stratified by label, fixed seed."""
    if name == "bbc":
        df = pd.read_csv(BBC).rename(columns={"category": "label"})
    else:
        df = pd.read_csv(DATA / f"{name}.csv")
    df = df.dropna(subset=["text"]).reset_index(drop=True)
    rng = np.random.default_rng(0)
    frac = min(1.0, 2 * SIZES[name] / len(df))
    tune, held = [], []
    for _, g in df.groupby("label", sort=True):
        idx = rng.permutation(g.index.to_numpy())
        take = max(2, int(round(frac * len(idx))))
        tune += idx[: take // 2].tolist()
        held += idx[take // 2: take].tolist()
    return {"tune": df.loc[sorted(tune)], "held": df.loc[sorted(held)]}


def ingested(name: str, part: str, rows: pd.DataFrame) -> tuple[str, dict[str, str]]:
    """The cached store of one part (ingested on first use) and gold label by file name."""
    from docmine import api

    folder = OUT / f"{name}-{part}"
    db = OUT / f"{name}-{part}.db"
    gold = {f"{i:05d}.txt": str(lab) for i, lab in zip(rows.index, rows["label"], strict=True)}
    if not db.exists():
        folder.mkdir(parents=True, exist_ok=True)
        for i, text in zip(rows.index, rows["text"], strict=True):
            (folder / f"{i:05d}.txt").write_text(str(text), encoding="utf-8")
        t = time.perf_counter()
        tmp = db.with_suffix(".partial.db")
        tmp.unlink(missing_ok=True)
        s = api.ingest([str(folder)], db=str(tmp), workers=2)
        tmp.rename(db)
        print(f"  ingested {name}-{part}: {s.documents_in_store} documents in {time.perf_counter() - t:.0f}s",
              flush=True)
    return str(db), gold


def stored(db: str, gold: dict[str, str]) -> pd.DataFrame:
    """Distinct (not near-duplicate) stored documents: doc_id, text, gold label."""
    from docmine.store import Store

    with Store(db) as store:
        docs = store.df("SELECT doc_id, path, text FROM documents WHERE near_dup_of IS NULL ORDER BY doc_id")
    docs["gold"] = [gold[Path(p).name] for p in docs["path"]]
    return docs


def lsa_kmeans(texts: list[str], k: int, seed: int) -> np.ndarray:
    """The baseline: TF-IDF (English stop words, sublinear tf, min_df 2), LSA(100), k-means (10 inits)."""
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    X = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(texts)
    Z = normalize(TruncatedSVD(100, random_state=seed).fit_transform(X))
    return KMeans(k, n_init=10, random_state=seed).fit_predict(Z)


def docmine_topics(db: str, k: int | str, seed: int) -> pd.Series:
    """``docmine topics --refit --k K --seed S`` on the store: topic per doc_id."""
    from docmine import api
    from docmine.store import Store

    api.topics(db=db, k=k, seed=seed, refit=True)
    with Store(db) as store:
        got = store.df("SELECT doc_id, topic FROM documents WHERE near_dup_of IS NULL ORDER BY doc_id")
    return got.set_index("doc_id")["topic"]


def evaluate(name: str, part: str, db: str, gold: dict[str, str], auto: bool = True) -> dict:
    docs = stored(db, gold)
    y, k = docs["gold"].to_numpy(), docs["gold"].nunique()
    texts = docs["text"].tolist()
    runs: dict[str, list] = {"base": [], "base1": [], "k": [], "auto": []}
    for seed in SEEDS:
        t = time.perf_counter()
        runs["base"].append((lsa_kmeans(texts, k, seed), time.perf_counter() - t))
        # the baseline again with one BLAS thread (as docmine fits): on a busy machine OpenBLAS's
        # threads can slow the baseline's SVD several times, which flatters docmine's time ratio
        with threadpool_limits(limits=1, user_api="blas"):
            t = time.perf_counter()
            runs["base1"].append((lsa_kmeans(texts, k, seed), time.perf_counter() - t))
        t = time.perf_counter()
        got = docmine_topics(db, k, seed)
        runs["k"].append((got.reindex(docs["doc_id"]).fillna(-1).to_numpy(), time.perf_counter() - t))
        if auto:
            t = time.perf_counter()
            got = docmine_topics(db, "auto", seed)
            runs["auto"].append((got.reindex(docs["doc_id"]).fillna(-1).to_numpy(), time.perf_counter() - t))
    out = {"collection": name, "part": part, "docs": len(docs), "classes": k}
    for key, rs in runs.items():
        if not rs:
            continue
        labels = [r[0] for r in rs]
        out[f"{key}_nmi"] = statistics.median(normalized_mutual_info_score(y, lab) for lab in labels)
        out[f"{key}_seed_ari"] = min(adjusted_rand_score(a, b) for a, b in itertools.combinations(labels, 2))
        out[f"{key}_s"] = statistics.median(r[1] for r in rs)
        out[f"{key}_k"] = "/".join(str(len(set(lab) - {-1})) for lab in labels)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="tune,held")
    ap.add_argument("--collections", default="20ng,r8,agnews,bbc")
    ap.add_argument("--ingest-only", action="store_true", help="only build the cached stores")
    ap.add_argument("--no-auto", action="store_true", help="skip k=auto (faster)")
    a = ap.parse_args()
    names = [n for n in a.collections.split(",") if n]
    if not DATA.exists():
        sys.exit(f"no development data at {DATA}; it is expected in the shared data folder next to the repository")
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in names:
        if name == "bbc" and not BBC.exists():
            continue
        parts = split(name)
        for part in a.parts.split(","):
            db, gold = ingested(name, part, parts[part])
            if a.ingest_only:
                continue
            r = evaluate(name, part, db, gold, auto=not a.no_auto)
            rows.append(r)
            print(f"{name:7} {part:5} n={r['docs']:5} classes={r['classes']:2}  LSA(100)+k-means {r['base_nmi']:.3f}"
                  f"  docmine k=classes {r['k_nmi']:.3f} ({r['k_nmi'] - r['base_nmi']:+.3f})"
                  + (f"  auto k {r['auto_k']} NMI {r['auto_nmi']:.3f} ({r['auto_s'] / r['base_s']:.2f}x)"
                     if "auto_k" in r else "")
                  + f"  seed ARI {r['k_seed_ari']:.2f} (baseline {r['base_seed_ari']:.2f})"
                  f"  time {r['k_s']:.1f}s vs {r['base_s']:.1f}s = {r['k_s'] / r['base_s']:.2f}x"
                  f" (baseline at one BLAS thread {r['base1_s']:.1f}s: {r['k_s'] / r['base1_s']:.2f}x"
                  + (f", auto {r['auto_s'] / r['base1_s']:.2f}x" if "auto_s" in r else "") + ")", flush=True)
    if rows:
        res = pd.DataFrame(rows)
        res.to_csv(OUT / "results.csv", index=False)
        print("\n" + res.round(3).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
