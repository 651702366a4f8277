"""Write small, exactly known stores through the store's own API (for analysis tests)."""
from __future__ import annotations

import functools
import hashlib
import re

from docmine.dedup import signature
from docmine.store import Store


def add_document(store: Store, path: str, text: str, entities: dict[str, str], date: str | None = None,
                 run_id: int | None = None, minhash: bool = False, tables: list[dict] | None = None) -> None:
    """Store ``text``; every occurrence of each key of ``entities`` ({surface: "LABEL" or "LABEL|canonical"})
    becomes a mention. Sentences end at '. '; paragraphs at blank lines. ``tables``: as an extractor's
    ``Document.tables`` become in a worker's result (dicts of page, start, end, rows)."""
    run_id = run_id or store.start_run("test", {})
    sents = []
    for m in re.finditer(r"[^.]+(?:\.|$)\s*", text):
        if m.group(0).strip():
            sents.append((m.start(), m.end()))
    para_starts = [0] + [m.end() for m in re.finditer(r"\n\n", text)]
    mentions = []
    for surface, spec in entities.items():
        label, _, canonical = spec.partition("|")
        for m in re.finditer(re.escape(surface), text):
            s_idx = max(i for i, (a, _) in enumerate(sents) if a <= m.start())
            p_idx = max(i for i, a in enumerate(para_starts) if a <= m.start())
            mentions.append({"start": m.start(), "end": m.end(), "label": label, "text": surface,
                             "canonical": canonical or surface, "resolved": surface, "sentence": s_idx,
                             "paragraph": p_idx, "page": 1, "source": "test", "attrs": {}})
    doc = {"path": path, "sha256": hashlib.sha256(text.encode()).hexdigest(), "format": "txt", "text": text,
           "title": path, "date": date, "language": "en", "page_starts": [0], "size": len(text), "meta": {},
           "tables": tables or []}
    store.write_batch([{"path": path, "document": doc, "sentences": sents, "mentions": mentions, "mtime_ns": 0,
                        "minhash": signature(text) if minhash else None,
                        "facets": facet_resolver().document(mentions)}], run_id)


@functools.lru_cache(maxsize=1)
def facet_resolver():
    """The drug classes and countries of a document's entities, as an ingest worker gives them."""
    from docmine.nlp.facets import FacetResolver
    from docmine.nlp.lexicon import Lexicon

    return FacetResolver(Lexicon.load())


# A three-document store of two agencies, two drugs and two countries, for tests of the query
# commands and their argument checks.
SMALL_DOCS = [("a.txt", "Europol seized heroin in Turkey. Interpol said cocaine too.", "2021-03-04"),
              ("b.txt", "Interpol found cocaine in Spain. Europol and heroin again.", "2022-05-01"),
              ("c.txt", "Europol heroin Turkey report. Interpol cocaine Spain.", "2023-01-10")]
SMALL_ENTITIES = {"Europol": "ORG", "Interpol": "ORG", "heroin": "DRUG", "cocaine": "DRUG", "Turkey": "PLACE",
                  "Spain": "PLACE"}


def small_store(path: str) -> str:
    """Write :data:`SMALL_DOCS` into a new store at ``path``; returns the path."""
    with Store(path) as store:
        for name, text, date in SMALL_DOCS:
            add_document(store, name, text, {k: v for k, v in SMALL_ENTITIES.items() if k in text}, date=date)
    return path


def copy_store(db: str, dest: str) -> str:
    """A private copy of the store at ``db`` (with its write-ahead log) at ``dest``, for tests that
    write; returns ``dest``."""
    import os
    import shutil

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            shutil.copy(db + suffix, dest + suffix)
    return dest


def rows(db: str, sql: str, args: tuple = ()) -> list[tuple]:
    """The rows of one query on the store at ``db``, read outside docmine's own API."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()
