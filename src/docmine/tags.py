"""The analyst's marks: tags, stars and notes on documents and entities.

A document is known by its stored path and an entity by its label and canonical name (not by row
ids), so a mark outlives a re-ingest of the document. A star is the tag ``star``. The store is
the only writer; these functions say what to write and read it back as tables.
"""
from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING

from docmine.store import Store

if TYPE_CHECKING:
    import pandas as pd

STAR = "star"
_TAG = re.compile(r"[^\W\d_][\w\-:./ ]{0,49}|\d[\w\-:./ ]{0,49}")


def check_tag(tag: str) -> str:
    """A tag: 1 to 50 letters, digits, spaces or - _ : . /, starting with a letter or digit."""
    tag = (tag or "").strip()
    if not _TAG.fullmatch(tag):
        raise ValueError(f"tag {tag!r}: use 1 to 50 letters, digits, spaces or - _ : . / (e.g. 'balkan route')")
    return tag


def document_target(store: Store, ref: str | int) -> tuple[str, int]:
    """(stored path, doc_id) of the document with this id, or the one whose path contains ``ref``."""
    text = str(ref).strip()
    if text.isdigit():
        rows = store.query("SELECT doc_id, path FROM documents WHERE doc_id = ?", (int(text),))
    else:
        rows = store.query("SELECT doc_id, path FROM documents WHERE instr(path, ?) > 0 ORDER BY doc_id", (text,))
    if not rows:
        raise ValueError(f"no document {text!r} in the store: give its id (the doc_id column of "
                         f"`docmine search`) or a part of its path")
    if len(rows) > 1:
        shown = ", ".join(f"{r['doc_id']} ({r['path']})" for r in rows[:3])
        raise ValueError(f"{len(rows)} documents have {text!r} in their path ({shown}...): give its id or more "
                         f"of the path")
    return rows[0]["path"], int(rows[0]["doc_id"])


def entity_target(store: Store, name: str, label: str | None = None) -> str:
    """``LABEL<TAB>canonical`` of the stored entity called ``name``."""
    from docmine.cleanup import find_entity

    found_label, canonical = find_entity(store, name, label)
    return f"{found_label}\t{canonical}"


def mark(store: Store, kind: str, target: str, tag: str, note: str = "", remove: bool = False) -> bool:
    """Add (or with ``remove``, take away) a tag with an optional note; returns whether anything
    changed. Tagging again replaces the note."""
    tag = check_tag(tag)
    with store.conn:
        if remove:
            cur = store.conn.execute("DELETE FROM tags WHERE kind=? AND target=? AND tag=?", (kind, target, tag))
            return cur.rowcount > 0
        cur = store.conn.execute(
            "INSERT INTO tags(kind, target, tag, note, created) VALUES (?,?,?,?,?)"
            " ON CONFLICT(kind, target, tag) DO UPDATE SET note=excluded.note WHERE note != excluded.note",
            (kind, target, tag, note or "", time.time()))
        return cur.rowcount > 0


def tagged(store: Store, tag: str | None = None) -> pd.DataFrame:
    """Every mark: kind, tag, name (a document's title or path; an entity's canonical name),
    label (entities), doc_id and path (documents), documents (how many mention the entity), note."""
    import pandas as pd

    cols = ["kind", "tag", "name", "label", "doc_id", "path", "documents", "note"]
    sql = "SELECT kind, target, tag, note FROM tags" + (" WHERE tag = ?" if tag else "") + \
        " ORDER BY tag, kind, target"
    rows = []
    for r in store.query(sql, (check_tag(tag),) if tag else ()):
        if r["kind"] == "document":
            doc = store.query("SELECT doc_id, title FROM documents WHERE path = ? ORDER BY doc_id DESC LIMIT 1",
                              (r["target"],))
            rows.append({"kind": "document", "tag": r["tag"], "name": (doc[0]["title"] if doc else None) or r["target"],
                         "label": None, "doc_id": int(doc[0]["doc_id"]) if doc else None, "path": r["target"],
                         "documents": 1 if doc else 0, "note": r["note"]})
        else:
            label, _, canonical = r["target"].partition("\t")
            n = store.query("SELECT COUNT(DISTINCT m.doc_id) AS n FROM mentions m JOIN entities e USING(entity_id)"
                            " WHERE e.label = ? AND e.canonical = ?", (label, canonical))[0]["n"]
            rows.append({"kind": "entity", "tag": r["tag"], "name": canonical, "label": label, "doc_id": None,
                         "path": None, "documents": int(n), "note": r["note"]})
    df = pd.DataFrame(rows, columns=cols)
    df["doc_id"] = df["doc_id"].astype("Int64")  # None for entities, not a float column
    return df


def tagged_doc_ids(store: Store, tag: str) -> set[int]:
    """The documents that carry ``tag``, or mention an entity that does."""
    tag = check_tag(tag)
    ids = {int(r[0]) for r in store.conn.execute(
        "SELECT d.doc_id FROM documents d JOIN tags t ON t.kind = 'document' AND t.target = d.path WHERE t.tag = ?",
        (tag,))}
    ids |= {int(r[0]) for r in store.conn.execute(
        "SELECT DISTINCT m.doc_id FROM tags t JOIN entities e ON t.kind = 'entity'"
        " AND t.target = e.label || char(9) || e.canonical JOIN mentions m USING(entity_id) WHERE t.tag = ?", (tag,))}
    return ids
