"""Entity frequency tables."""
from __future__ import annotations

import pandas as pd

from docmine.nlp.mention import NAME_LABELS
from docmine.store import Store

TABLE_ORDER = tuple(sorted(NAME_LABELS, key=lambda label: label == "PERSON"))
"""The order of the one-table-per-label views (report, web app): an analyst's first questions are
about organisations, drugs and places, so people come last."""


def entity_table(store: Store, label: str | None = None, top: int | None = 20,
                 include_near_duplicates: bool = True, lang: str | None = None,
                 tag: str | None = None) -> pd.DataFrame:
    """Mentions, documents and first/last publication date per entity, most mentioned first
    (``lang``: only documents in that language; ``tag``: only documents that carry the tag or
    mention an entity that does)."""
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
    return store.df(sql, tuple(params))
