"""Co-mention counts at scale: a store with N mentions (default 1,000,000), timed.

Writes a synthetic store straight through SQL (documents, sentences, entities, mentions with a
Zipf-like entity distribution), then times docmine's sparse-matrix co-mention table for the
document and sentence windows, and a SQL self-join over distinct (document, entity) pairs for
comparison. Prints seconds and the ratio.

    python benchmarks/comention_scale.py [--mentions 1000000] [--docs 50000]
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from docmine.analysis.comention import comention  # noqa: E402
from docmine.store import Store  # noqa: E402


def build(path: str, n_mentions: int, n_docs: int, seed: int = 7) -> None:
    rng = np.random.default_rng(seed)
    store = Store(path)
    con = store.conn
    labels = ["ORG"] * 2000 + ["DRUG"] * 300 + ["PLACE"] * 3000 + ["PERSON"] * 5000
    with con:
        con.executemany("INSERT INTO entities(entity_id, label, canonical) VALUES (?,?,?)",
                        [(i + 1, lab, f"{lab.lower()} {i}") for i, lab in enumerate(labels)])
        con.executemany(
            "INSERT INTO documents(doc_id, sha256, path, format, text, created) VALUES (?,?,?,?,?,0)",
            [(d + 1, f"{d:064d}", f"doc{d}.txt", "txt", "") for d in range(n_docs)])
        weights = 1.0 / np.arange(1, len(labels) + 1) ** 1.1
        ents = rng.choice(len(labels), size=n_mentions, p=weights / weights.sum()) + 1
        docs = rng.integers(1, n_docs + 1, size=n_mentions)
        sents = rng.integers(0, 30, size=n_mentions)
        lab = np.array(labels, dtype=object)[ents - 1]
        con.executemany(
            "INSERT INTO mentions(doc_id, start, end, label, text, resolved, entity_id, sentence, paragraph, page)"
            " VALUES (?,?,?,?,?,?,?,?,?,1)",
            ((int(d), 0, 1, str(lb), "x", "x", int(e), int(s), int(s) // 5)
             for d, e, s, lb in zip(docs, ents, sents, lab, strict=True)))
    store.close()


def sql_counts(path: str) -> float:
    """Document-window counts in SQL: distinct (document, entity) pairs, indexed, then a join."""
    con = sqlite3.connect(path)
    t = time.perf_counter()
    con.execute("CREATE TEMP TABLE o AS SELECT DISTINCT doc_id, entity_id FROM mentions WHERE label='ORG'")
    con.execute("CREATE TEMP TABLE g AS SELECT DISTINCT doc_id, entity_id FROM mentions WHERE label='DRUG'")
    con.execute("CREATE INDEX temp.g_doc ON g(doc_id)")
    con.execute("SELECT o.entity_id, g.entity_id, COUNT(*) FROM o JOIN g ON o.doc_id = g.doc_id"
                " GROUP BY 1, 2").fetchall()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mentions", type=int, default=1_000_000)
    ap.add_argument("--docs", type=int, default=50_000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "scale.db")
        t = time.perf_counter()
        build(db, a.mentions, a.docs)
        print(f"built a store with {a.mentions:,} mentions in {a.docs:,} documents in {time.perf_counter() - t:.1f} s")
        store = Store(db, readonly=True)
        rows = []
        print(f"{'method':58} {'seconds':>8} {'pairs':>10}", flush=True)
        for window in ("document", "sentence"):
            t = time.perf_counter()
            table = comention(store, "ORG", "DRUG", window=window, min_count=1)
            rows.append((f"docmine comention ORG x DRUG ({window})", time.perf_counter() - t, len(table)))
            print(f"{rows[-1][0]:58} {rows[-1][1]:8.2f} {rows[-1][2]:>10}", flush=True)
        t_sql = sql_counts(db)
        print(f"{'SQL join over distinct (document, entity) pairs, indexed':58} {t_sql:8.2f}")
        print(f"ratio SQL / docmine (document window): {t_sql / rows[0][1]:.1f}x")


if __name__ == "__main__":
    main()
