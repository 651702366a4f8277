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

from collections.abc import Mapping, Sequence

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
    inc, n_windows, names = _incidence(store, window, include_near_duplicates, tuple(sorted({rows, cols})), lang)
    if inc.empty:
        return pd.DataFrame(columns=COLUMNS)
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
        return pd.DataFrame(columns=COLUMNS)
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
    out = _table([rnames[k] for k in i], [cnames[k] for k in j], n_xy, docs,
                 # pairs[i, j] with empty index arrays is a sparse matrix, not an array: no pair, no lookup
                 np.asarray(pairs[i, j]).ravel() if len(i) else np.zeros(0), n_x[i], n_y[j], n_windows, measure)
    if top:
        out = out.head(int(top))
    out.attrs.update({"window": window, "measure": measure, "rows": rows, "cols": cols})
    if matrix:
        return out.pivot_table(index="row", columns="col", values=measure, aggfunc="first")
    return out


COLUMNS = ["row", "col", "count", "documents", "mention_pairs", "row_count", "col_count", "windows",
           "pmi", "npmi", "lift", "chi2", "p_value"]


def _table(row, col, n_xy, docs, mention_pairs, n_x, n_y, n_windows: int, measure: str) -> pd.DataFrame:
    """The long co-mention table from pair counts (arrays of one length, possibly 0), sorted by ``measure``."""
    n_xy, n_x, n_y = (np.asarray(a, dtype=float) for a in (n_xy, n_x, n_y))
    N = float(max(n_windows, 1))
    px, py, pxy = n_x / N, n_y / N, n_xy / N
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log2(pxy / (px * py))
        denom = -np.log2(pxy)
        npmi = np.where(denom > 0, pmi / np.where(denom > 0, denom, 1), 1.0)
        lift = pxy / (px * py)
        a = n_xy
        b = n_x - n_xy
        c = n_y - n_xy
        d = N - a - b - c
        num = N * (a * d - b * c) ** 2
        den = (a + b) * (c + d) * (a + c) * (b + d)
        chi2 = np.where(den > 0, num / np.where(den > 0, den, 1), 0.0)
    # one-sided Fisher exact test; a pair seen in a single window is not testable (NaN), which
    # also keeps the cost of the exact test to the pairs that matter on large stores
    p_value = np.full(len(n_xy), np.nan)
    testable = n_xy >= 2
    p_value[testable] = hypergeom.sf(n_xy[testable] - 1, N, n_x[testable], n_y[testable])
    out = pd.DataFrame({
        "row": list(row), "col": list(col), "count": n_xy.astype(int), "documents": np.asarray(docs).astype(int),
        "mention_pairs": np.asarray(mention_pairs).astype(int), "row_count": n_x.astype(int),
        "col_count": n_y.astype(int), "windows": int(N), "pmi": np.round(pmi, 4), "npmi": np.round(npmi, 4),
        "lift": np.round(lift, 4), "chi2": np.round(chi2, 4), "p_value": p_value,
    }, columns=COLUMNS)
    ascending = measure == "p_value"
    out = out.sort_values([measure, "count", "row", "col"], ascending=[ascending, False, True, True])
    return out.reset_index(drop=True)


def _near_dup_filter(include_near_duplicates: bool) -> str:
    """SQL that keeps mentions ``m`` outside near-duplicate documents, as a set SQLite builds once
    (joining documents would read each document's text to reach its near_dup_of column)."""
    return "" if include_near_duplicates else \
        " AND m.doc_id NOT IN (SELECT doc_id FROM documents WHERE near_dup_of IS NOT NULL)"


def entity_document_counts(store: Store, include_near_duplicates: bool = False) -> dict[int, int]:
    """Documents mentioning each entity (one pass over the mentions), for :func:`comention_of`'s
    ``doc_counts`` when many entities' rows are wanted from an unchanged store."""
    dup = _near_dup_filter(include_near_duplicates)
    return {r[0]: r[1] for r in store.query(
        f"SELECT m.entity_id, COUNT(DISTINCT m.doc_id) FROM mentions m WHERE 1=1{dup} GROUP BY m.entity_id")}


def comention_of(store: Store, entity_id: int, cols: str | Sequence[str], top: int | None = None,
                 include_near_duplicates: bool = False, doc_counts: Mapping[int, int] | None = None) -> pd.DataFrame:
    """One entity's row of the document-window co-mention table with each label of ``cols``: what
    ``comention(label, col, min_count=1, both_orders=True)`` lists with the entity as ``row``, by NPMI,
    with a ``col_label`` column; ``top`` rows per label.

    Reads only the documents that mention the entity and the document counts of its partners
    (``doc_counts``: :func:`entity_document_counts` of this store, when the caller keeps them), so
    an entity page does not build whole-store tables."""
    labels = [cols.upper()] if isinstance(cols, str) else [c.upper() for c in cols]
    empty = pd.DataFrame(columns=[*COLUMNS, "col_label"])
    dup = _near_dup_filter(include_near_duplicates)
    name = store.query("SELECT canonical FROM entities WHERE entity_id=?", (entity_id,))
    mine = store.df(f"SELECT m.doc_id, COUNT(*) AS cx FROM mentions m WHERE m.entity_id=?{dup} GROUP BY m.doc_id",
                    (entity_id,))
    if not name or mine.empty or not labels:
        return empty
    marks = ",".join("?" * len(labels))
    partners = store.df(
        "SELECT m.doc_id, m.entity_id, m.label, COUNT(*) AS cy FROM mentions m"
        f" WHERE +m.label IN ({marks}) AND m.entity_id<>?"  # + : from the entity's documents, not the label index
        " AND m.doc_id IN (SELECT doc_id FROM mentions WHERE entity_id=?)"
        " GROUP BY m.doc_id, m.entity_id", (*labels, entity_id, entity_id))
    partners = partners.merge(mine, on="doc_id")  # the entity's documents that count (near-duplicates out)
    if partners.empty:
        return empty
    partners["pairs"] = partners["cx"] * partners["cy"]
    per = partners.groupby(["entity_id", "label"], as_index=False).agg(n_xy=("doc_id", "size"), pairs=("pairs", "sum"))
    ids = ",".join(str(int(e)) for e in per["entity_id"])
    if doc_counts is None:
        counts = {r[0]: (r[1], r[2]) for r in store.query(
            f"SELECT e.entity_id, e.canonical, (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id ="
            f" e.entity_id{dup}) FROM entities e WHERE e.entity_id IN ({ids})")}
    else:
        counts = {r[0]: (r[1], doc_counts.get(r[0], 0))
                  for r in store.query(f"SELECT entity_id, canonical FROM entities WHERE entity_id IN ({ids})")}
    n_windows = store.query(f"SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE 1=1{dup}")[0][0]
    parts = []
    for label in labels:
        mine_per = per[per["label"] == label]
        t = _table([name[0][0]] * len(mine_per), [counts[e][0] for e in mine_per["entity_id"]], mine_per["n_xy"],
                   mine_per["n_xy"], mine_per["pairs"], np.full(len(mine_per), len(mine)),
                   [counts[e][1] for e in mine_per["entity_id"]], n_windows, "npmi")
        parts.append((t.head(int(top)) if top else t).assign(col_label=label))
    out = pd.concat(parts, ignore_index=True) if parts else empty
    out.attrs.update({"window": "document", "measure": "npmi"})
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
