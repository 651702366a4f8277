"""Entity frequency tables."""
from __future__ import annotations

from collections.abc import Sequence
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
    by_date = bool(store.query("SELECT 1 FROM sqlite_master WHERE name = 'documents_date'"))

    def dates(eid: int) -> tuple[str | None, str | None]:
        if not by_date:  # a store before migration 6: every document of the entity
            first, last = store.query("SELECT MIN(d.date), MAX(d.date) FROM documents d WHERE d.doc_id IN"
                                      " (SELECT doc_id FROM mentions WHERE entity_id = ?)", (eid,))[0]
            return first, last
        # the documents by date until one mentions the entity: a frequent entity's first date is near
        # the first document (MIN and MAX over its documents read every one of them)
        ends = [store.query("SELECT d.date FROM documents d WHERE d.date IS NOT NULL AND EXISTS (SELECT 1 FROM"
                            f" mentions m WHERE m.entity_id = ? AND m.doc_id = d.doc_id) ORDER BY d.date {order}"
                            " LIMIT 1", (eid,)) for order in ("ASC", "DESC")]
        return ends[0][0][0] if ends[0] else None, ends[1][0][0] if ends[1] else None

    out = {}
    for label in labels:
        rows = []
        for minus_mentions, minus_documents, canonical, eid in sorted(ranked[label])[:top]:
            first, last = dates(eid)
            rows.append((label, canonical, -minus_mentions, -minus_documents, first, last))
        out[label] = Rows(["label", "entity", "mentions", "documents", "first_date", "last_date"], rows).to_frame()
    return out
