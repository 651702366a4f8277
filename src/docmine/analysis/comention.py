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
from dataclasses import dataclass

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


@dataclass
class Counts:
    """Co-mention counts over a set of documents, as sparse matrices indexed by entity id. They add
    up: the counts of two disjoint sets of documents sum to the counts of their union, so a store's
    counts can be kept per block of documents and a write recounts only its block."""

    window: str
    seen: np.ndarray
    """Windows holding each entity, by entity id (the length is above the largest id seen)."""
    co: sparse.csr_matrix
    """Windows holding both entities (of the pairs counted: every pair, or a rows x cols table's)."""
    pairs: sparse.csr_matrix
    """Sum over windows of the product of the two entities' mention counts."""
    docs: sparse.csr_matrix | None
    """Documents in which both share a window (None for document windows: that is ``co``)."""
    n_windows: int
    """Windows holding any mention, of any label."""
    spread: sparse.csr_matrix | None = None
    """Document windows only, when asked for (``window_counts(spread=True)``; None otherwise): at
    (x, y) the mentions of y in the documents that mention x (the map of the places in an entity's
    documents reads it)."""

    def __add__(self, other: Counts) -> Counts:
        if other.window != self.window:
            raise ValueError(f"cannot add {self.window} counts to {other.window} counts")
        n = max(len(self.seen), len(other.seen))
        seen = np.zeros(n)
        seen[:len(self.seen)] += self.seen
        seen[:len(other.seen)] += other.seen
        docs = None if self.docs is None or other.docs is None else _grow(self.docs, n) + _grow(other.docs, n)
        spread = None if self.spread is None or other.spread is None \
            else _grow(self.spread, n) + _grow(other.spread, n)
        return Counts(self.window, seen, _grow(self.co, n) + _grow(other.co, n),
                      _grow(self.pairs, n) + _grow(other.pairs, n), docs, self.n_windows + other.n_windows, spread)


def _grow(m: sparse.csr_matrix, n: int) -> sparse.csr_matrix:
    """``m`` as an ``n x n`` matrix (the entries it has, zeros beyond)."""
    if m.shape == (n, n):
        return m
    c = m.tocoo()
    return sparse.csr_matrix((c.data, (c.row, c.col)), shape=(n, n))


def window_counts(store: Store, window: str, labels: Sequence[str], include_near_duplicates: bool = False,
                  lang: str | None = None, doc_range: tuple[int, int] | None = None,
                  pair: tuple[str, str] | None = None, tag: str | None = None, spread: bool = False) -> Counts:
    """The :class:`Counts` of the mentions of ``labels`` in ``window`` windows, over every document or
    those with ``doc_range[0] <= doc_id < doc_range[1]``; near-duplicates out unless
    ``include_near_duplicates``; only documents in ``lang`` when given. ``pair`` (rows, cols): count
    only the pairs of that table, not every pair of ``labels``. ``tag``: only the documents that
    carry the tag or mention an entity that does. ``spread``: count :attr:`Counts.spread` too
    (document windows only; a matrix as large as ``pairs``, which only the map of an entity's
    places reads)."""
    unit = _unit_sql(window)
    if spread and window != "document":
        raise ValueError(f"spread is counted over document windows, not {window} windows")
    where, params = _near_dup_filter(include_near_duplicates), list[str | int]()
    if lang:
        where += " AND m.doc_id IN (SELECT doc_id FROM documents WHERE language = ?)"
        params.append(lang.lower())
    if tag:
        from docmine.analysis.search import _filters

        tag_sql, tag_params = _filters(tag=tag, alias="m")
        where += tag_sql
        params += tag_params
    if doc_range is not None:
        where += " AND m.doc_id >= ? AND m.doc_id < ?"
        params += [int(doc_range[0]), int(doc_range[1])]
    q = ",".join("?" * len(labels))
    left, right = pair if pair else ("", "")
    cur = store.conn.cursor()
    cur.row_factory = None  # plain tuples: no sqlite3.Row per row
    inc = np.array(cur.execute(
        f"SELECT {unit} AS unit, m.doc_id, m.entity_id, COUNT(*), m.label = ?, m.label = ? FROM mentions m"
        f" WHERE {'+' if doc_range else ''}m.label IN ({q}) AND {unit} IS NOT NULL{where}"  # +: the doc_id index
        " GROUP BY unit, m.entity_id",
        (left, right, *labels, *params)).fetchall(), dtype=np.int64).reshape(-1, 6)
    n_windows = store.query(f"SELECT COUNT(DISTINCT {unit}) FROM mentions m WHERE 1=1{where}", tuple(params))[0][0]
    n = int(inc[:, 2].max()) + 1 if len(inc) else 0
    units, unit_idx = np.unique(inc[:, 0], return_inverse=True)
    ent = inc[:, 2]

    def matrix(values: np.ndarray, mask: np.ndarray) -> sparse.csr_matrix:
        return sparse.csr_matrix((values[mask], (unit_idx[mask], ent[mask])), shape=(len(units), n))

    every = np.ones(len(inc), dtype=bool)
    lmask, rmask = (inc[:, 4] == 1, inc[:, 5] == 1) if pair else (every, every)
    ones, mentions = np.ones(len(inc)), inc[:, 3].astype(float)
    seen = np.asarray(matrix(ones, every).sum(axis=0)).ravel()
    co = (matrix(ones, lmask).T @ matrix(ones, rmask)).tocsr()
    pairs = (matrix(mentions, lmask).T @ matrix(mentions, rmask)).tocsr()
    docs = spread_of = None
    if window == "document":
        if spread:
            spread_of = (matrix(ones, lmask).T @ matrix(mentions, rmask)).tocsr()
    else:
        # documents in which a pair shares a window: every (window, x, y), each (document, x, y) once
        frame = pd.DataFrame({"u": unit_idx, "e": ent, "d": inc[:, 1]})
        both = frame[lmask].merge(frame[rmask][["u", "e"]], on="u", suffixes=("", "2"))
        per = both.drop_duplicates(["d", "e", "e2"]).groupby(["e", "e2"]).size()
        docs = sparse.csr_matrix((per.to_numpy(dtype=float), (per.index.get_level_values(0).to_numpy(dtype=np.int64),
                                                                per.index.get_level_values(1).to_numpy(dtype=np.int64))),
                                 shape=(n, n))
    return Counts(window, seen, co, pairs, docs, int(n_windows), spread_of)


class BlockCounts:
    """A store's :class:`Counts` kept between requests, recounting only what a write changed.

    Stores from version 6 on keep a generation per block of :data:`docmine.store.DOC_BLOCK`
    documents, bumped by triggers at every write to the block. The counts of the blocks before the
    last one are kept summed (``base``) with the generations they were counted at, the newer blocks
    one by one: an ingest, which appends documents, makes each request after one of its batches
    recount the last block only. A write to an older block (canonicalize, a deletion) recounts
    everything once. An older store, opened read-only and so not migrated, is counted whole on each
    call (keep the result per state of the file). Thread-safe; one thread counts at a time."""

    def __init__(self) -> None:
        import threading

        self.lock = threading.Lock()
        self.base: dict[tuple, tuple[tuple, int, Counts]] = {}  # variant -> (generations, end, counts)
        self.blocks: dict[tuple, tuple[tuple, Counts]] = {}  # (variant, block) -> (generation, counts)
        self.total: dict[tuple, tuple[tuple, Counts]] = {}  # variant -> (state, counts)

    def counts(self, store: Store, window: str, labels: Sequence[str],
               include_near_duplicates: bool = False, spread: bool = False) -> Counts:
        """The store's counts of every pair of ``labels`` (as :func:`window_counts` gives them;
        ``spread``: with :attr:`Counts.spread`, document windows only)."""
        from docmine.store import DOC_BLOCK

        variant = (store.path, window, tuple(labels), include_near_duplicates, spread)
        if not store.query("SELECT 1 FROM sqlite_master WHERE name='doc_block_gen'"):
            return window_counts(store, window, labels, include_near_duplicates, spread=spread)
        with self.lock, store.snapshot():  # one snapshot: the generations are those of the rows counted
            store_id = store.get_meta("store_id")
            gens: dict[int, int] = {b: g for b, g in store.query("SELECT block, gen FROM doc_block_gen")}
            last = (store.query("SELECT MAX(doc_id) FROM documents")[0][0] or 0) // DOC_BLOCK
            state = (store_id, last, tuple(sorted(gens.items())))
            kept = self.total.get(variant)
            if kept and kept[0] == state:
                return kept[1]

            def count(lo: int, hi: int) -> Counts:
                return window_counts(store, window, labels, include_near_duplicates,
                                     doc_range=(lo * DOC_BLOCK, hi * DOC_BLOCK), spread=spread)

            def generations(hi: int) -> tuple:
                return (store_id, tuple(sorted((b, g) for b, g in gens.items() if b < hi)))

            base = self.base.get(variant)
            if base is None or base[0] != generations(base[1]):
                base = (generations(last), last, count(0, last))  # every block before the last
            total, end = base[2], base[1]
            for block in range(end, last + 1):
                key = (variant, block)
                gen = (store_id, gens.get(block, 0))
                if key not in self.blocks or self.blocks[key][0] != gen:
                    self.blocks[key] = (gen, count(block, block + 1))
                if block < last and base[1] == block:  # a block the ingest has left: into the base
                    base = (generations(block + 1), block + 1, base[2] + self.blocks.pop(key)[1])
                    total = base[2]
                else:
                    total = total + self.blocks[key][1]
            self.base[variant] = base
            for key in [k for k in self.blocks if k[0] == variant and k[1] < base[1]]:
                del self.blocks[key]
            self.total[variant] = (state, total)
            return total


def comention(store: Store, rows: str, cols: str, window: str = "document", measure: str = "npmi",
              min_count: int = 2, top: int | None = None, include_near_duplicates: bool = False,
              matrix: bool = False, both_orders: bool = False, lang: str | None = None,
              tag: str | None = None) -> pd.DataFrame:
    """Long table (row, col, count, documents, mention_pairs, pmi, npmi, lift, chi2, p_value);
    ``lang`` / ``tag``: only the documents in that language / that carry the tag (or mention an
    entity that does).

    ``min_count``: minimum number of shared windows for a pair to be listed. ``matrix=True``
    pivots the chosen measure into a rows x cols table. When ``rows`` and ``cols`` are the same
    label, each unordered pair is listed once (row before col alphabetically) and no entity is
    paired with itself; ``both_orders=True`` lists it both ways (A-B and B-A), for callers that
    look an entity up in the ``row`` column.
    """
    rows, cols = rows.upper(), cols.upper()
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose from {', '.join(MEASURES)}")
    counts = window_counts(store, window, tuple(sorted({rows, cols})), include_near_duplicates, lang,
                           pair=(rows, cols), tag=tag)
    return comention_table(store, counts, rows, cols, measure, min_count, top, matrix, both_orders)


def comention_table(store: Store, counts: Counts, rows: str, cols: str, measure: str = "npmi", min_count: int = 2,
                    top: int | None = None, matrix: bool = False, both_orders: bool = False,
                    row_entity: int | None = None) -> pd.DataFrame:
    """:func:`comention`'s table from ``counts`` (:func:`window_counts` of the store, over labels
    that include ``rows`` and ``cols``, or kept per block and added up). ``row_entity``: only that
    entity's rows (the rows of the whole table whose ``row`` is that entity)."""
    rows, cols = rows.upper(), cols.upper()
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose from {', '.join(MEASURES)}")
    seen = counts.seen

    def entities(label: str) -> tuple[np.ndarray, list[str]]:
        """The ids (ascending) and names of the entities of ``label`` in the counted windows."""
        found = sorted((e, name) for e, name in store.query(
            "SELECT entity_id, canonical FROM entities WHERE label = ?", (label,)) if e < len(seen) and seen[e] > 0)
        return np.array([e for e, _ in found], dtype=np.int64), [name for _, name in found]

    rids, rnames = entities(rows)
    cids, cnames = (rids, rnames) if cols == rows else entities(cols)
    if not rnames or not cnames:
        return pd.DataFrame(columns=COLUMNS)
    co = counts.co[rids][:, cids].tocoo()  # windows holding both
    keep = co.data >= max(1, min_count)
    i, j, n_xy = co.row[keep], co.col[keep], co.data[keep]
    if rows == cols:  # one matrix: (i, j) and (j, i) are the same pair, (i, i) no pair at all
        if both_orders:
            keep = i != j
        else:
            keep = np.array([rnames[a] < rnames[b] for a, b in zip(i, j, strict=True)], dtype=bool)
        i, j, n_xy = i[keep], j[keep], n_xy[keep]
    if row_entity is not None:
        keep = rids[i] == row_entity
        i, j, n_xy = i[keep], j[keep], n_xy[keep]
    docs = n_xy.copy() if counts.docs is None or not len(i) else \
        np.asarray(counts.docs[rids[i], cids[j]]).ravel()  # a document window is its document
    # a lookup with empty index arrays gives a sparse matrix, not an array: no pair, no lookup
    mention_pairs = np.asarray(counts.pairs[rids[i], cids[j]]).ravel() if len(i) else np.zeros(0)
    out = _table([rnames[k] for k in i], [cnames[k] for k in j], n_xy, docs, mention_pairs, seen[rids[i]],
                 seen[cids[j]], counts.n_windows, measure)
    if top:
        out = out.head(int(top))
    out.attrs.update({"window": counts.window, "measure": measure, "rows": rows, "cols": cols})
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


def comention_row(store: Store, counts: Counts, entity_id: int, cols: str | Sequence[str],
                  top: int | None = None) -> pd.DataFrame:
    """:func:`comention_of` from ``counts``: the store's document-window :class:`Counts` of every
    pair of labels (kept by :class:`BlockCounts`), so an entity page reads no mentions at all."""
    labels = [cols.upper()] if isinstance(cols, str) else [c.upper() for c in cols]
    empty = pd.DataFrame(columns=[*COLUMNS, "col_label"])
    if counts.window != "document":
        raise ValueError(f"comention_row needs document-window counts, not {counts.window} windows")
    name = store.query("SELECT canonical FROM entities WHERE entity_id=?", (entity_id,))
    seen = counts.seen
    if not name or entity_id >= len(seen) or not seen[entity_id] or not labels:
        return empty
    row = counts.co[entity_id].tocoo()
    together = {int(j): n for j, n in zip(row.col, row.data, strict=True) if j != entity_id and n > 0}
    marks = ",".join("?" * len(labels))
    partners = store.query(f"SELECT entity_id, label, canonical FROM entities WHERE label IN ({marks})"
                           f" AND entity_id IN ({','.join(str(j) for j in together) or 'NULL'})", tuple(labels))
    if not partners:
        return empty
    parts = []
    for label in labels:
        mine = [(e, canonical) for e, lab, canonical in partners if lab == label]
        ids = np.array([e for e, _ in mine], dtype=np.int64)
        n_xy = np.array([together[e] for e in ids], dtype=float)
        pairs = np.asarray(counts.pairs[np.full(len(ids), entity_id), ids]).ravel() if len(ids) else np.zeros(0)
        t = _table([name[0][0]] * len(ids), [c for _, c in mine], n_xy, n_xy, pairs, np.full(len(ids), seen[entity_id]),
                   seen[ids], counts.n_windows, "npmi")
        parts.append((t.head(int(top)) if top else t).assign(col_label=label))
    out = pd.concat(parts, ignore_index=True)
    out.attrs.update({"window": "document", "measure": "npmi"})
    return out


def evidence(store: Store, row: str, col: str, window: str = "sentence", rows_label: str | None = None,
             cols_label: str | None = None, include_near_duplicates: bool = False, limit: int = 100,
             lang: str | None = None, tag: str | None = None) -> pd.DataFrame:
    """The windows (sentences, paragraphs or documents) where both entities are mentioned
    (``lang`` / ``tag``: only in the documents in that language / that carry the tag or mention an
    entity that does, as the co-mention table of the same filter counts them)."""
    from docmine.analysis.search import _filters, find_entities

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
    fsql, fparams = _filters(lang=lang, tag=tag)
    # the first ``limit`` documents (by date, then id) where the two share a window hold the first
    # ``limit`` windows: read the documents in that order until enough are found, not every
    # window of a frequent pair
    first = store.query(
        "SELECT d.doc_id FROM documents d WHERE EXISTS (SELECT 1 FROM mentions ma JOIN mentions mb"
        f" ON ma.doc_id = mb.doc_id{same} WHERE ma.doc_id = d.doc_id AND mb.doc_id = d.doc_id"
        f" AND ma.entity_id IN ({qa}) AND mb.entity_id IN ({qb}))"
        + ("" if include_near_duplicates else
           " AND d.doc_id NOT IN (SELECT doc_id FROM documents WHERE near_dup_of IS NOT NULL)")
        + fsql + " ORDER BY d.date, d.doc_id LIMIT ?", (*a, *b, *fparams, max(limit, 1)))
    docs = ",".join(str(int(r[0])) for r in first) or "NULL"
    rows = store.query(
        "SELECT DISTINCT d.doc_id, d.path, d.title, d.date, ma.page, ma.sentence, ma.paragraph, ma.start AS a_start,"
        " ma.end AS a_end, mb.start AS b_start, mb.end AS b_end"
        " FROM mentions ma JOIN mentions mb ON ma.doc_id = mb.doc_id JOIN documents d ON d.doc_id = ma.doc_id"
        f" WHERE ma.entity_id IN ({qa}) AND mb.entity_id IN ({qb}){same}{dup} AND ma.doc_id IN ({docs})"
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
