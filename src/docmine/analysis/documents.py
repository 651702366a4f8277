"""The web app's documents list, one page at a time from SQL (the whole table, with every
document's files and mention count, is for the CSV download: :func:`docmine.export.documents_df`)."""
from __future__ import annotations

from collections import Counter

from docmine.store import Store

PAGE_COLUMNS = ("doc_id", "path", "title", "date", "format", "language", "topic", "mentions")


def language_counts(store: Store) -> list[tuple[str, int]]:
    """(language, documents) over every document, "?" for none, most documents first; ties in the
    order of each language's first document (as pandas' ``value_counts`` lists them)."""
    if not store.query("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'documents_facets'"):
        counts = Counter(lang if lang is not None else "?" for (lang,) in
                         store.query("SELECT language FROM documents ORDER BY doc_id"))
        return sorted(counts.items(), key=lambda kv: -kv[1])  # stable: first-seen order among ties
    # from the facet index (migration 7) alone: reading the language of each row reads its text
    # (100,000 documents: 0.4 s, on every first visit after an ingest batch)
    total: Counter = Counter()
    first: dict[str, int] = {}
    for lang, n, first_id in store.query("SELECT language, COUNT(*), MIN(doc_id) FROM documents"
                                         " INDEXED BY documents_facets GROUP BY language"):
        key = lang if lang is not None else "?"
        total[key] += n
        first[key] = min(first.get(key, first_id), first_id)
    return sorted(total.items(), key=lambda kv: (-kv[1], first[kv[0]]))


def document_list(store: Store, topic: int | None = None, lang: str | None = None, offset: int = 0,
                   limit: int = 200) -> tuple[list[dict], int]:
    """The documents (of ``topic`` / in ``lang`` when given) from ``offset`` on, by id, at most
    ``limit``, each with its number of mentions; and how many documents match in all."""
    where: list[str] = []
    params: list[int | str] = []
    if topic is not None:
        where.append("d.topic = ?")
        params.append(topic)
    if lang:
        where.append("d.language = ?")
        params.append(lang)
    sql = " WHERE " + " AND ".join(where) if where else ""
    total = store.query(f"SELECT COUNT(*) FROM documents d{sql}", tuple(params))[0][0]
    rows = store.query(
        "SELECT d.doc_id, d.path, d.title, d.date, d.format, d.language, d.topic,"
        f" (SELECT COUNT(*) FROM mentions m WHERE m.doc_id = d.doc_id) AS mentions FROM documents d{sql}"
        " ORDER BY d.doc_id LIMIT ? OFFSET ?", (*params, int(limit), int(offset)))
    return [dict(zip(PAGE_COLUMNS, tuple(r), strict=True)) for r in rows], total
