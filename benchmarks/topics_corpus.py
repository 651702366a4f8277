"""In-domain topic check: the bundled corpus against its themes (benchmarks/corpus_themes.csv).

Ingests corpus/ into a temporary store, runs docmine's topic clustering with k = number of themes
and with k="auto" for three seeds, and prints NMI / ARI against the themes, the chosen k and the
topic labels with their theme make-up.

    python benchmarks/topics_corpus.py [--db existing.db]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
THEMES = ROOT / "benchmarks" / "corpus_themes.csv"
SEEDS = (0, 1, 2)


def gold_for(paths: list[str], themes: pd.DataFrame) -> list[str | None]:
    """Theme of each stored path (matched on the path relative to the repository)."""
    by_rel = dict(zip(themes["path"], themes["theme"], strict=True))
    out = []
    for p in paths:
        rel = Path(p).resolve().relative_to(ROOT).as_posix() if Path(p).is_absolute() else Path(p).as_posix()
        out.append(by_rel.get(rel) or next((t for q, t in by_rel.items() if rel.endswith(q)), None))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="use this already ingested store (a copy is made) instead of ingesting corpus/")
    a = ap.parse_args()
    if not THEMES.exists() or not CORPUS.exists():
        sys.exit(f"no corpus: expected {CORPUS} and {THEMES}")
    themes = pd.read_csv(THEMES)
    from docmine import api
    from docmine.analysis.topics import fit_topics, topic_entities
    from docmine.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "corpus.db")
        if a.db:
            import shutil

            shutil.copy(a.db, db)
        else:
            t = time.perf_counter()
            s = api.ingest([str(CORPUS)], db=db, workers=2)
            print(f"ingested {s.documents_in_store} documents ({s.near_duplicates} near duplicates) in {time.perf_counter() - t:.1f}s")
        n_themes = themes["theme"].nunique()
        rows = []
        for k in (n_themes, "auto"):
            for seed in SEEDS:
                with Store(db) as store:
                    t = time.perf_counter()
                    table = fit_topics(store, k=k, seed=seed, refit=True)
                    dt = time.perf_counter() - t
                    docs = store.df("SELECT path, topic FROM documents WHERE near_dup_of IS NULL ORDER BY doc_id")
                docs["theme"] = gold_for(docs["path"].tolist(), themes)
                docs = docs.dropna(subset=["theme", "topic"])
                rows.append({"k": k, "seed": seed, "chosen_k": len(table),
                             "nmi": normalized_mutual_info_score(docs["theme"], docs["topic"]),
                             "ari": adjusted_rand_score(docs["theme"], docs["topic"]), "seconds": dt,
                             "docs": len(docs), "scores": table.attrs.get("k_selection")})
                if seed == 0:
                    print(f"\n== k={k} (seed 0): {len(table)} topics")
                    for r in table.itertuples():
                        mix = docs[docs["topic"] == r.topic]["theme"].value_counts()
                        print(f"  {r.topic}: {r.label}  [{r.size} docs: "
                              + ", ".join(f"{t} {n}" for t, n in mix.items()) + "]")
                        print(f"     terms: {r.terms}\n     entities: {r.entities}")
                    if k == "auto" and table.attrs.get("k_selection"):
                        sel = table.attrs["k_selection"]
                        print(f"  {sel.get('measure', 'stability')} by k:", sel["scores"])
        with Store(db) as store:
            fit_topics(store, k=n_themes, seed=0, refit=True)
            cross = topic_entities(store, "DRUG", min_count=2).head(12)
        print("\n== topic x DRUG (npmi, min 2 documents)")
        print(cross[["row", "col", "count", "row_count", "col_count", "npmi", "p_value"]].to_string(index=False))
    res = pd.DataFrame(rows)
    print("\n== NMI / ARI against the themes (non-near-duplicate documents)")
    print(res[["k", "seed", "chosen_k", "nmi", "ari", "seconds"]].round(3).to_string(index=False))
    for k, g in res.groupby(res["k"].astype(str), sort=False):
        print(f"k={k}: median NMI {g['nmi'].median():.3f}, median ARI {g['ari'].median():.3f}, chosen k {sorted(g['chosen_k'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
