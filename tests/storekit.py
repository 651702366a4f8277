"""Write small, exactly known stores through the store's own API (for analysis tests)."""
from __future__ import annotations

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
                        "minhash": signature(text) if minhash else None}], run_id)
