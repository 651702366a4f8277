"""Co-mention tables: which entities of two labels occur in the same window, beyond chance.

Windows are documents, paragraphs or sentences. For each pair (x, y), with N the number of
windows that hold any mention, n_x and n_y the windows holding x and y, and n_xy those
holding both:  PMI = log2(n_xy N / (n_x n_y)),  NPMI = PMI / -log2(n_xy / N),
lift = n_xy N / (n_x n_y), and the one-sided Fisher exact test (hypergeometric tail
P[X >= n_xy], for pairs seen in two windows or more) and the chi-square statistic of the 2x2 table.
Counts are sparse matrix products, so a million mentions take seconds. Near-duplicate documents count once unless
``include_near_duplicates``.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import hypergeom

from docmine.store import Store

WINDOWS = ("document", "paragraph", "sentence")
MEASURES = ("count", "documents", "mention_pairs", "pmi", "npmi", "lift", "chi2", "p_value")


def _unit_sql(window: str) -> str:
    """An integer id per window: the document, or (document, paragraph / sentence) packed."""
    if window not in WINDOWS:
        raise ValueError(f"unknown window {window!r}; choose document, paragraph or sentence")
    return {"document": "m.doc_id", "paragraph": "m.doc_id * 1048576 + m.paragraph",
            "sentence": "m.doc_id * 1048576 + m.sentence"}[window]


def _incidence(store: Store, window: str, include_near_duplicates: bool, labels: tuple[str, ...],
               lang: str | None = None):
    dup = "" if include_near_duplicates else " AND d.near_dup_of IS NULL"
    lang_sql, lang_params = (" AND d.language = ?", (lang.lower(),)) if lang else ("", ())
    join = "" if include_near_duplicates and not lang else " JOIN documents d USING(doc_id)"
    q = ",".join("?" * len(labels))
    pairs = store.df(
        f"SELECT {_unit_sql(window)} AS unit, m.doc_id, m.entity_id, m.label, COUNT(*) AS n"
        f" FROM mentions m{join} WHERE m.label IN ({q}){dup}{lang_sql} GROUP BY unit, m.entity_id",
        labels + lang_params)
    n_windows = store.query(
        f"SELECT COUNT(DISTINCT {_unit_sql(window)}) FROM mentions m{join} WHERE 1=1{dup}{lang_sql}", lang_params)[0][0]
    names: dict[int, str] = {r[0]: r[1] for r in
                             store.query(f"SELECT entity_id, canonical FROM entities WHERE label IN ({q})", labels)}
    return pairs, n_windows, names


def comention(store: Store, rows: str, cols: str, window: str = "document", measure: str = "npmi",
              min_count: int = 2, top: int | None = None, include_near_duplicates: bool = False,
              matrix: bool = False, both_orders: bool = False, lang: str | None = None) -> pd.DataFrame:
    """Long table (row, col, count, documents, mention_pairs, pmi, npmi, lift, chi2, p_value).

    ``min_count``: minimum number of shared windows for a pair to be listed. ``matrix=True``
    pivots the chosen measure into a rows x cols table. When ``rows`` and ``cols`` are the same
    label, each unordered pair is listed once (row before col alphabetically) and no entity is
    paired with itself; ``both_orders=True`` lists it both ways (A-B and B-A), for callers that
    look an entity up in the ``row`` column.
    """
    rows, cols = rows.upper(), cols.upper()
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose from {', '.join(MEASURES)}")
    columns = ["row", "col", "count", "documents", "mention_pairs", "row_count", "col_count", "windows",
               "pmi", "npmi", "lift", "chi2", "p_value"]
    inc, n_windows, names = _incidence(store, window, include_near_duplicates, tuple(sorted({rows, cols})), lang)
    if inc.empty:
        return pd.DataFrame(columns=columns)
    units, unit_idx = np.unique(inc["unit"].to_numpy(), return_inverse=True)
    n_units = len(units)

    def matrix_for(label: str):
        part = inc[inc["label"] == label]
        ids = np.unique(part["entity_id"].to_numpy())
        c = np.searchsorted(ids, part["entity_id"].to_numpy())
        r = unit_idx[part.index.to_numpy()]
        binary = sparse.csr_matrix((np.ones(len(part)), (r, c)), shape=(n_units, len(ids)))
        counts = sparse.csr_matrix((part["n"].to_numpy(dtype=float), (r, c)), shape=(n_units, len(ids)))
        return [names[e] for e in ids], binary, counts

    rnames, rb, rc = matrix_for(rows)
    cnames, cb, cc = matrix_for(cols)
    if not rnames or not cnames:
        return pd.DataFrame(columns=columns)
    co = (rb.T @ cb).tocoo()  # windows holding both
    pairs = (rc.T @ cc).tocsr()  # sum over windows of mention products
    n_x = np.asarray(rb.sum(axis=0)).ravel()
    n_y = np.asarray(cb.sum(axis=0)).ravel()
    keep = co.data >= max(1, min_count)
    i, j, n_xy = co.row[keep], co.col[keep], co.data[keep]
    if rows == cols:  # one matrix: (i, j) and (j, i) are the same pair, (i, i) no pair at all
        if both_orders:
            keep = i != j
        else:
            rank = np.empty(len(rnames), dtype=np.int64)  # rows and cols share one entity list here
            rank[np.argsort(np.array(rnames, dtype=object), kind="stable")] = np.arange(len(rnames))
            keep = rank[i] < rank[j]
        i, j, n_xy = i[keep], j[keep], n_xy[keep]
    if window == "document" or not len(i):
        docs = n_xy.copy()  # a document window is its document
    else:
        # documents in which the pair shares a window: the same product at document level over
        # (document, window) incidence, thresholded per window first
        doc_of_unit = np.zeros(n_units, dtype=np.int64)
        doc_of_unit[unit_idx] = inc["doc_id"].to_numpy()
        doc_ids, doc_idx = np.unique(doc_of_unit, return_inverse=True)
        ra, rcol = rb.nonzero()
        ca, ccol = cb.nonzero()
        left = pd.DataFrame({"u": ra, "i": rcol})
        right = pd.DataFrame({"u": ca, "j": ccol})
        both = left.merge(right, on="u")
        both["d"] = doc_idx[both["u"].to_numpy()]
        per = both.drop_duplicates(["d", "i", "j"]).groupby(["i", "j"]).size()
        docs = per.reindex(list(zip(i, j, strict=True)), fill_value=0).to_numpy()
    N = float(max(n_windows, 1))
    px, py, pxy = n_x[i] / N, n_y[j] / N, n_xy / N
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log2(pxy / (px * py))
        denom = -np.log2(pxy)
        npmi = np.where(denom > 0, pmi / np.where(denom > 0, denom, 1), 1.0)
        lift = pxy / (px * py)
        a = n_xy
        b = n_x[i] - n_xy
        c = n_y[j] - n_xy
        d = N - a - b - c
        num = N * (a * d - b * c) ** 2
        den = (a + b) * (c + d) * (a + c) * (b + d)
        chi2 = np.where(den > 0, num / np.where(den > 0, den, 1), 0.0)
    # one-sided Fisher exact test; a pair seen in a single window is not testable (NaN), which
    # also keeps the cost of the exact test to the pairs that matter on large stores
    p_value = np.full(len(n_xy), np.nan)
    testable = n_xy >= 2
    p_value[testable] = hypergeom.sf(n_xy[testable] - 1, N, n_x[i][testable], n_y[j][testable])
    out = pd.DataFrame({
        "row": [rnames[k] for k in i], "col": [cnames[k] for k in j], "count": n_xy.astype(int),
        "documents": docs.astype(int),
        # pairs[i, j] with empty index arrays is a sparse matrix, not an array: no pair, no lookup
        "mention_pairs": (np.asarray(pairs[i, j]).ravel() if len(i) else np.zeros(0)).astype(int),
        "row_count": n_x[i].astype(int), "col_count": n_y[j].astype(int), "windows": int(N),
        "pmi": np.round(pmi, 4), "npmi": np.round(npmi, 4), "lift": np.round(lift, 4),
        "chi2": np.round(chi2, 4), "p_value": p_value,
    }, columns=columns)
    ascending = measure == "p_value"
    out = out.sort_values([measure, "count", "row", "col"], ascending=[ascending, False, True, True])
    out = out.reset_index(drop=True)
    if top:
        out = out.head(int(top))
    out.attrs.update({"window": window, "measure": measure, "rows": rows, "cols": cols})
    if matrix:
        return out.pivot_table(index="row", columns="col", values=measure, aggfunc="first")
    return out


def evidence(store: Store, row: str, col: str, window: str = "sentence", rows_label: str | None = None,
             cols_label: str | None = None, include_near_duplicates: bool = False, limit: int = 100) -> pd.DataFrame:
    """The windows (sentences, paragraphs or documents) where both entities are mentioned."""
    from docmine.analysis.search import find_entities

    def ids(name, label):
        ents = find_entities(store, name, label)
        if ents.empty:
            raise ValueError(f"no entity named {name!r}" + (f" with label {label}" if label else "")
                             + "; try `docmine search --fuzzy`")
        return tuple(int(x) for x in ents["entity_id"])

    a, b = ids(row, rows_label), ids(col, cols_label)
    unit = {"document": "doc_id", "paragraph": "paragraph", "sentence": "sentence"}.get(window)
    if unit is None:
        raise ValueError(f"unknown window {window!r}; choose document, paragraph or sentence")
    dup = "" if include_near_duplicates else " AND d.near_dup_of IS NULL"
    qa = ",".join("?" * len(a))
    qb = ",".join("?" * len(b))
    same = "" if window == "document" else f" AND ma.{unit} = mb.{unit}"
    rows = store.query(
        "SELECT DISTINCT d.doc_id, d.path, d.title, d.date, ma.page, ma.sentence, ma.paragraph, ma.start AS a_start,"
        " ma.end AS a_end, mb.start AS b_start, mb.end AS b_end"
        " FROM mentions ma JOIN mentions mb ON ma.doc_id = mb.doc_id JOIN documents d ON d.doc_id = ma.doc_id"
        f" WHERE ma.entity_id IN ({qa}) AND mb.entity_id IN ({qb}){same}{dup}"
        " ORDER BY d.date, d.doc_id, ma.start", (*a, *b))
    out, seen = [], set()
    for r in rows:
        key = (r["doc_id"], r["sentence"] if window == "sentence" else r["paragraph"] if window == "paragraph" else 0)
        if key in seen:
            continue
        seen.add(key)
        text = _window_text(store, r, window)
        out.append({"doc_id": r["doc_id"], "path": r["path"], "title": r["title"], "date": r["date"],
                    "page": r["page"], "text": text})
        if len(out) >= limit:
            break
    return pd.DataFrame(out, columns=["doc_id", "path", "title", "date", "page", "text"])


def _window_text(store: Store, r, window: str) -> str:
    doc_text = store.query("SELECT text FROM documents WHERE doc_id=?", (r["doc_id"],))[0][0]
    if window == "sentence":
        s = store.query("SELECT start, end FROM sentences WHERE doc_id=? AND idx=?", (r["doc_id"], r["sentence"]))
        if s:
            return doc_text[s[0][0]: s[0][1]].strip()
    if window == "paragraph":
        paras = doc_text.split("\n\n")
        if 0 <= r["paragraph"] < len(paras):
            return paras[r["paragraph"]]
    # document window: the sentence of each mention
    parts = []
    for start in (r["a_start"], r["b_start"]):
        s = store.query("SELECT start, end FROM sentences WHERE doc_id=? AND start<=? ORDER BY idx DESC LIMIT 1",
                        (r["doc_id"], start))
        if s and doc_text[s[0][0]: s[0][1]].strip() not in parts:
            parts.append(doc_text[s[0][0]: s[0][1]].strip())
    return " … ".join(parts)
