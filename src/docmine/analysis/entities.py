"""Entity frequency tables."""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from docmine.nlp.mention import NAME_LABELS
from docmine.rows import Rows
from docmine.store import Store

if TYPE_CHECKING:
    import pandas as pd

TABLE_ORDER = tuple(sorted(NAME_LABELS, key=lambda label: label == "PERSON"))
"""The order of the one-table-per-label views (report, web app): an analyst's first questions are
about organisations, drugs and places, so people come last."""


def entity_table(store: Store, label: str | None = None, top: int | None = 20,
                 include_near_duplicates: bool = True, lang: str | None = None,
                 tag: str | None = None) -> pd.DataFrame:
    """Mentions, documents and first/last publication date per entity, most mentioned first
    (``lang``: only documents in that language; ``tag``: only documents that carry the tag or
    mention an entity that does)."""
    return entity_rows(store, label, top, include_near_duplicates, lang, tag).to_frame()


def entity_rows(store: Store, label: str | None = None, top: int | None = 20,
                include_near_duplicates: bool = True, lang: str | None = None, tag: str | None = None) -> Rows:
    """:func:`entity_table` as :class:`~docmine.rows.Rows` (no pandas: what the CLI prints)."""
    if not lang and not tag and include_near_duplicates and store.has_indexes("mentions_entity_doc", "documents_date"):
        if store.version() >= 8:
            return _entity_rows_counted(store, label, top)
        return _entity_rows_indexed(store, label, top)
    where, params = [], []
    if tag:
        from docmine.analysis.search import _filters

        tag_sql, tag_params = _filters(tag=tag)
        where.append(tag_sql.removeprefix(" AND "))
        params += tag_params
    if lang:
        where.append("d.language = ?")
        params.append(lang.lower())
    if label:
        where.append("e.label = ?")
        params.append(label.upper())
    if not include_near_duplicates:
        where.append("d.near_dup_of IS NULL")
    sql = (
        "SELECT e.label, e.canonical AS entity, COUNT(*) AS mentions, COUNT(DISTINCT m.doc_id) AS documents,"
        " MIN(d.date) AS first_date, MAX(d.date) AS last_date"
        " FROM mentions m JOIN entities e USING(entity_id) JOIN documents d USING(doc_id)"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " GROUP BY e.entity_id ORDER BY mentions DESC, documents DESC, entity"
        + (f" LIMIT {int(top)}" if top else "")
    )
    return store.rows(sql, tuple(params))


COLUMNS = ["label", "entity", "mentions", "documents", "first_date", "last_date"]
WALK_FROM_DOCUMENTS = 1000
"""An entity in this many documents or more has its first and last date found by reading the
documents in date order until one mentions it (a few documents for a frequent entity); one in
fewer, from its own documents."""


def _first_last_dates(store: Store, eid: int, documents: int | None = None) -> tuple[str | None, str | None]:
    """The earliest and latest date of the documents that mention entity ``eid`` (``documents``:
    how many they are, when known)."""
    if documents is not None and documents < WALK_FROM_DOCUMENTS or not store.has_indexes("documents_date"):
        # a rare entity (or a store before migration 6): every document of the entity
        first, last = store.query("SELECT MIN(d.date), MAX(d.date) FROM documents d WHERE d.doc_id IN"
                                  " (SELECT doc_id FROM mentions WHERE entity_id = ?)", (eid,))[0]
        return first, last
    # the documents by date until one mentions the entity: a frequent entity's first date is near
    # the first document (MIN and MAX over its documents read every one of them)
    ends = [store.query("SELECT d.date FROM documents d WHERE d.date IS NOT NULL AND EXISTS (SELECT 1 FROM"
                        f" mentions m WHERE m.entity_id = ? AND m.doc_id = d.doc_id) ORDER BY d.date {order}"
                        " LIMIT 1", (eid,)) for order in ("ASC", "DESC")]
    return ends[0][0][0] if ends[0] else None, ends[1][0][0] if ends[1] else None


# -- per-block entity counts (store migration 8) -------------------------------------------------
def count_block(store: Store, block: int) -> list[tuple[int, int, int]]:
    """(entity_id, mentions, documents) of the documents of one block (doc_id // DOC_BLOCK)."""
    from docmine.store import DOC_BLOCK

    return [tuple(r) for r in store.query(
        "SELECT entity_id, COUNT(*), COUNT(DISTINCT doc_id) FROM mentions WHERE doc_id >= ? AND doc_id < ?"
        " GROUP BY entity_id", (block * DOC_BLOCK, (block + 1) * DOC_BLOCK))]


def stale_blocks(store: Store) -> dict[int, int]:
    """Block -> its current generation, for every block whose stored counts are missing or older
    (a block never written since migration 6 has generation 0)."""
    from docmine.store import DOC_BLOCK

    top = store.query("SELECT MAX(doc_id) FROM documents")[0][0]
    gens: dict[int, int] = {b: g for b, g in store.query("SELECT block, gen FROM doc_block_gen")}
    counted: dict[int, int] = {b: g for b, g in store.query("SELECT block, gen FROM entity_count_blocks")}
    blocks = set(range(top // DOC_BLOCK + 1)) if top is not None else set()
    blocks |= set(gens) | set(counted)  # a block whose documents are all gone: its counts must go too
    return {b: gens.get(b, 0) for b in sorted(blocks) if counted.get(b) != gens.get(b, 0)}


STALE_KEPT = 16
"""Blocks whose counts :func:`entity_counts` keeps in memory between calls while the store has not
stored them (an ingest stores them when its run ends): a search during a long ingest then counts
only the block the ingest is writing, not every block written since the run began."""
_stale_kept: OrderedDict[tuple, list[tuple[int, int, int]]] = OrderedDict()
_stale_lock = threading.Lock()


def _stale_block_counts(store: Store, store_id: str | None, block: int, gen: int) -> list[tuple[int, int, int]]:
    """:func:`count_block` of a block at generation ``gen``, kept per (store, block, generation)."""
    if store_id is None:
        return count_block(store, block)
    key = (store.path, store_id, block, gen)
    with _stale_lock:
        kept = _stale_kept.get(key)
        if kept is not None:
            _stale_kept.move_to_end(key)
            return kept
    counted = count_block(store, block)
    with _stale_lock:
        _stale_kept[key] = counted
        while len(_stale_kept) > STALE_KEPT:
            _stale_kept.popitem(last=False)
    return counted


def entity_counts(store: Store, entity_ids: Iterable[int] | None = None) -> dict[int, tuple[int, int]]:
    """Entity id -> (mentions, documents) over every document, summed from the stored per-block
    counts; blocks written since they were counted are counted here (nothing is written), each
    once per generation in this process (see :data:`STALE_KEPT`).
    ``entity_ids``: only these entities (a search's: a few rows summed, not every entity's)."""
    with store.snapshot():  # the generations read are those of the rows counted
        return _entity_counts(store, entity_ids)


def _entity_counts(store: Store, entity_ids: Iterable[int] | None) -> dict[int, tuple[int, int]]:
    stale = stale_blocks(store)
    only = None if entity_ids is None else {int(e) for e in entity_ids}
    where = "" if only is None else f" WHERE entity_id IN ({','.join(map(str, sorted(only))) or 'NULL'})"
    totals: dict[int, list[int]] = {}
    for block, eid, mentions, documents in store.query("SELECT block, entity_id, mentions, documents"
                                                       " FROM entity_counts" + where):
        if block not in stale:
            t = totals.setdefault(eid, [0, 0])
            t[0] += mentions
            t[1] += documents  # a document lies in one block: the blocks' documents add up
    store_id = store.get_meta("store_id") if stale else None
    for block, gen in stale.items():
        for eid, mentions, documents in _stale_block_counts(store, store_id, block, gen):
            if only is not None and eid not in only:
                continue
            t = totals.setdefault(eid, [0, 0])
            t[0] += mentions
            t[1] += documents
    return {eid: (m, d) for eid, (m, d) in totals.items()}


def _names(store: Store, label: str | None) -> dict[int, tuple[str, str]]:
    """Entity id -> (label, canonical name), of one label or all."""
    label_sql, params = (" WHERE label = ?", (label.upper(),)) if label else ("", ())
    return {eid: (lab, canonical) for eid, lab, canonical in store.query(
        f"SELECT entity_id, label, canonical FROM entities{label_sql}", params)}


def _listed(store: Store, ranked: list[tuple[int, int, str, int]], names: dict[int, tuple[str, str]],
            top: int | None) -> Rows:
    """The table rows of the ``top`` of ``ranked`` ((-mentions, -documents, canonical, id), in
    order), with the first and last dates read for those listed only."""
    rows = []
    for minus_mentions, minus_documents, canonical, eid in ranked[:top or None]:
        first, last = _first_last_dates(store, eid, -minus_documents)
        rows.append((names[eid][0], canonical, -minus_mentions, -minus_documents, first, last))
    return Rows(COLUMNS, rows)


def _entity_rows_counted(store: Store, label: str | None, top: int | None) -> Rows:
    """:func:`entity_rows` over every document from the per-block counts (migration 8)."""
    names = _names(store, label)
    return _listed(store, sorted((-m, -d, names[eid][1], eid) for eid, (m, d) in entity_counts(store).items()
                                 if eid in names and m), names, top)


def _entity_rows_indexed(store: Store, label: str | None, top: int | None) -> Rows:
    """:func:`entity_rows` over every document from the indexes (a store from migration 6 on):
    the mentions of every entity counted from the entity index, the documents only of those
    that can make the ``top`` (the most mentions, ties included), the dates only of those listed.
    The same rows as the query over every mention joined to its document (5 million mentions: 7 s)."""
    names = _names(store, label)
    if label:
        mentions = store.query("SELECT e.entity_id, (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = e.entity_id)"
                               " FROM entities e WHERE e.label = ?", (label.upper(),))
    else:
        mentions = store.query("SELECT entity_id, COUNT(*) FROM mentions GROUP BY entity_id")
    counted = sorted(((n, eid) for eid, n in mentions if n and eid in names), reverse=True)
    if top:  # documents break ties only: the entities with as many mentions as the top-th or more
        counted = [(n, eid) for n, eid in counted if n >= counted[min(top, len(counted)) - 1][0]] if counted else []
    ranked = []
    for n, eid in counted:
        documents = store.query("SELECT COUNT(DISTINCT doc_id) FROM mentions WHERE entity_id = ?", (eid,))[0][0]
        ranked.append((-n, -documents, names[eid][1], eid))
    return _listed(store, sorted(ranked), names, top)


def top_entities(store: Store, labels: Sequence[str], top: int) -> dict[str, pd.DataFrame]:
    """``entity_table(store, label, top=top)`` for each label, near-duplicates included (the web
    app's overview): mentions and documents per entity counted from the (entity, document) index
    alone, publication dates read only for the entities listed."""
    names = {eid: (label, canonical) for eid, label, canonical in store.query(
        f"SELECT entity_id, label, canonical FROM entities WHERE label IN ({','.join('?' * len(labels))})",
        tuple(labels))}
    ranked: dict[str, list[tuple[int, int, str, int]]] = {label: [] for label in labels}
    for eid, mentions, documents in store.query(
            "SELECT entity_id, COUNT(*), COUNT(DISTINCT doc_id) FROM mentions GROUP BY entity_id"):
        if eid in names:
            label, canonical = names[eid]
            ranked[label].append((-mentions, -documents, canonical, eid))
    return {label: _listed(store, sorted(ranked[label]), names, top).to_frame() for label in labels}
