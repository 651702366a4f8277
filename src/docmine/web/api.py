"""The workbench's JSON API under ``/api/``: the pages' data for notebooks and other tools.

Reads mirror the pages (``GET /api/entities``, ``/api/documents``, ``/api/documents/<id>``,
``/api/search``, ``/api/comention``, ``/api/evidence``, ``/api/tags``); a list answers
Datasette-style ``{"rows": [...], "total": n, "limit": l, "offset": o, "next": url or null}``.
Writes (``POST /api/tags``, ``POST /api/entities/<action>``) go through :mod:`docmine.web.guard`
(CSRF token, same origin, writable app) and through the same functions as the CLI
(:func:`docmine.api.tag`, :func:`docmine.api.clean_entity`), so a decision taken in the browser
is written to the user aliases file and survives a re-ingest. Every error answers JSON
``{"error": message}`` with a 4xx status.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for

from docmine.analysis.search import distinct_forms
from docmine.nlp.mention import LABELS, NAME_LABELS
from docmine.store import Store
from docmine.web.args import MAX_ID, fail, int_arg, text_arg
from docmine.web.guard import require_write

bp = Blueprint("api", __name__, url_prefix="/api")

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000


# -- arguments ----------------------------------------------------------------------------------
def label_arg(name: str = "label", labels: tuple[str, ...] = LABELS) -> str | None:
    value = request.args.get(name) or None
    if value is not None:
        value = value.upper()
        if value not in labels:
            fail(f"unknown {name} {value!r}; choose one of {', '.join(labels)}")
    return value


def tag_arg() -> str | None:
    from docmine.tags import check_tag

    raw = request.args.get("tag") or None
    if raw is None:
        return None
    try:
        return check_tag(raw)
    except ValueError as exc:
        fail(str(exc))
    raise AssertionError  # not reached


def page_args() -> tuple[int, int]:
    return int_arg("limit", DEFAULT_LIMIT, 1, MAX_LIMIT), int_arg("offset", 0)


def store() -> Store:
    return Store(current_app.config["DB"], readonly=True)


def listing(rows: list[dict], total: int, limit: int, offset: int) -> Response:
    """A page of a list, with the URL of the next page (same arguments, offset moved on)."""
    nxt = None
    if offset + limit < total:
        args: dict[str, Any] = {**request.args.to_dict(), **(request.view_args or {}),
                                "offset": offset + limit, "limit": limit}
        nxt = url_for(request.endpoint or "", **args)
    return jsonify({"rows": rows, "total": total, "limit": limit, "offset": offset, "next": nxt})


def _clean(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if value != value:  # NaN
        return None
    return value


def _records(df) -> list[dict]:
    from docmine.export import records

    return [{k: _clean(v) for k, v in r.items()} for r in records(df)]


# -- reads --------------------------------------------------------------------------------------
@bp.get("/")
def index():
    """What the API offers."""
    return jsonify({"routes": {
        "GET /api/entities?q=&label=&tag=&limit=&offset=": "entities by mentions, name filter",
        "GET /api/entities/<label>/<name>": "one entity: aliases, tags, co-mentioned entities",
        "GET /api/documents?lang=&topic=&tag=&limit=&offset=": "documents (no text)",
        "GET /api/documents/<id>": "one document: text, page starts, mentions, tags",
        "GET /api/search?q=&label=&text=&fuzzy=&from=&to=&lang=&tag=&drug_class=&country=&facets=&limit=":
            "as `docmine search` (facets=1: with the document counts per facet)",
        "GET /api/comention?rows=&cols=&measure=&window=&min_count=": "as `docmine comention`",
        "GET /api/evidence?row=&col=&rows=&cols=&window=": "windows that mention both entities",
        "GET /api/tags?tag=": "tagged documents and entities",
        "GET /api/csrf": "the token every write must send as the X-CSRF-Token header",
        "POST /api/tags": '{"doc": id | "entity": name, "label"?, "tag", "note"?, "remove"?}',
        "POST /api/entities/<merge|rename|relabel|drop>": '{"names": [...], "label"?, "to"?}',
    }})


@bp.get("/csrf")
def csrf():
    """The write token. Another site's page cannot read this answer (no CORS, Host checked)."""
    from docmine.web.guard import csrf_token

    return jsonify({"csrf": csrf_token(), "writable": bool(current_app.config.get("WRITABLE"))})


@bp.get("/entities")
def entities():
    limit, offset = page_args()
    q = text_arg("q").strip()
    label = label_arg(labels=NAME_LABELS + ("QUANTITY",))
    tag = tag_arg()
    where: list[str] = ["1=1"]
    params: list[Any] = []
    if label:
        where.append("e.label = ?")
        params.append(label)
    if tag:
        where.append("e.label || char(9) || e.canonical IN (SELECT target FROM tags WHERE kind='entity' AND tag=?)")
        params.append(tag)
    with store() as s:
        if tag and s.version() < 5:
            return listing([], 0, limit, offset)
        if q:  # the name, or any form it was found as (the distinct forms from the index, not every mention)
            where.append("(instr(lower(e.canonical), lower(?)) > 0 OR e.entity_id IN"
                         f" (SELECT entity_id FROM {distinct_forms(s)} WHERE instr(lower(text), lower(?)) > 0))")
            params += [q, q]
        cond = " AND ".join(where)
        if s.version() >= 8:  # counted from the per-block entity counts, not from every mention
            rows = _ranked_entities(s, cond, params, filtered=len(where) > 1)
            total, rows = len(rows), rows[offset: offset + limit]
        else:
            total = s.query(f"SELECT COUNT(*) FROM entities e WHERE {cond} AND EXISTS"
                            " (SELECT 1 FROM mentions m WHERE m.entity_id = e.entity_id)", tuple(params))[0][0]
            rows = [dict(r) for r in s.query(
                "SELECT e.label, e.canonical AS entity, COUNT(*) AS mentions, COUNT(DISTINCT m.doc_id) AS documents"
                f" FROM entities e JOIN mentions m USING(entity_id) WHERE {cond} GROUP BY e.entity_id"
                " ORDER BY mentions DESC, documents DESC, entity LIMIT ? OFFSET ?", (*params, limit, offset))]
    out = [{**r, "url": url_for("entity_page", label=r["label"], name=r["entity"]),
            "api": url_for("api.entity", label=r["label"], name=r["entity"])} for r in rows]
    return listing(out, total, limit, offset)


def _ranked_entities(s: Store, cond: str, params: list, filtered: bool) -> list[dict[str, Any]]:
    """The entities that meet ``cond`` and have mentions, most mentioned first (then most
    documents, then by name), with their counts summed from the store's per-block counts."""
    from docmine.analysis.entities import entity_counts

    names = {eid: (label, canonical) for eid, label, canonical in s.query(
        f"SELECT e.entity_id, e.label, e.canonical FROM entities e WHERE {cond}", tuple(params))}
    counts = entity_counts(s, names if filtered else None)
    ranked = sorted((-m, -d, names[eid][1], eid) for eid, (m, d) in counts.items() if m and eid in names)
    return [{"label": names[eid][0], "entity": canonical, "mentions": -m, "documents": -d}
            for m, d, canonical, eid in ranked]


@bp.get("/entities/<label>/<path:name>")
def entity(label: str, name: str):
    from docmine.analysis.comention import comention_row
    from docmine.analysis.entities import TABLE_ORDER

    if label not in LABELS:
        fail(f"unknown label {label!r}; choose one of {', '.join(LABELS)}", 404)
    with store() as s:
        ent = s.query("SELECT entity_id FROM entities WHERE label=? AND canonical=?", (label, name))
        if not ent:
            fail(f"no {label} entity {name!r} in the store", 404)
        eid = ent[0][0]
        aliases = [dict(r) for r in s.query("SELECT text, COUNT(*) AS n FROM mentions WHERE entity_id=?"
                                            " GROUP BY text ORDER BY n DESC", (eid,))]
        docs = s.query("SELECT COUNT(*), COUNT(DISTINCT doc_id) FROM mentions WHERE entity_id=?", (eid,))[0]
        tags = _tags_of(s, "entity", f"{label}\t{name}")
        counts = current_app.extensions["docmine"]["window_counts"](s, "document")  # kept per block of documents
        co = _records(comention_row(s, counts, eid, TABLE_ORDER, top=8))
    return jsonify({"label": label, "entity": name, "mentions": docs[0], "documents": docs[1], "aliases": aliases,
                    "tags": tags, "comentions": co, "url": url_for("entity_page", label=label, name=name)})


@bp.get("/documents")
def documents():
    limit, offset = page_args()
    where: list[str] = ["1=1"]
    params: list[Any] = []
    lang = request.args.get("lang") or None
    if lang:
        where.append("d.language = ?")
        params.append(lang.lower())
    if request.args.get("topic"):
        where.append("d.topic = ?")
        params.append(int_arg("topic", 0))
    tag = tag_arg()
    with store() as s:
        if tag:
            if s.version() < 5:
                return listing([], 0, limit, offset)
            from docmine.tags import tagged_doc_ids

            ids = sorted(tagged_doc_ids(s, tag))
            where.append(f"d.doc_id IN ({','.join('?' * len(ids)) or 'NULL'})")
            params += ids
        cond = " AND ".join(where)
        total = s.query(f"SELECT COUNT(*) FROM documents d WHERE {cond}", tuple(params))[0][0]
        rows = s.query(
            "SELECT d.doc_id, d.path, d.title, d.date, d.format, d.language, d.pages, d.n_words, d.topic,"
            " d.near_dup_of, (SELECT COUNT(*) FROM mentions m WHERE m.doc_id = d.doc_id) AS mentions"
            f" FROM documents d WHERE {cond} ORDER BY d.doc_id LIMIT ? OFFSET ?", (*params, limit, offset))
    out = [{**dict(r), "url": url_for("document_page", doc_id=r["doc_id"]),
            "api": url_for("api.document", doc_id=r["doc_id"])} for r in rows]
    return listing(out, total, limit, offset)


@bp.get(f"/documents/<int(max={MAX_ID}):doc_id>")
def document(doc_id: int):
    import json

    with store() as s:
        d = s.query("SELECT doc_id, path, title, date, format, language, pages, page_starts, n_words, topic,"
                    " near_dup_of, text FROM documents WHERE doc_id=?", (doc_id,))
        if not d:
            fail(f"no document {doc_id} in the store", 404)
        row = dict(d[0])
        row["page_starts"] = json.loads(row["page_starts"] or "[0]")
        row["mentions"] = [dict(r) for r in s.query(
            "SELECT m.start, m.end, m.label, m.text, e.canonical, m.page FROM mentions m JOIN entities e"
            " USING(entity_id) WHERE m.doc_id=? ORDER BY m.start", (doc_id,))]
        row["tags"] = _tags_of(s, "document", row["path"])
    row["url"] = url_for("document_page", doc_id=doc_id)
    return jsonify(row)


@bp.get("/search")
def search():
    from docmine import validate as v
    from docmine.analysis.search import search as run

    q = text_arg("q").strip()
    if not q:
        fail("give a query: /api/search?q=cocaine (text=1 for full-text search)")
    limit = int_arg("limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    text = bool(request.args.get("text"))
    filters: dict[str, Any] = dict(date_from=text_arg("from") or None, date_to=text_arg("to") or None,
                                   lang=request.args.get("lang") or None, tag=tag_arg(),
                                   drug_class=text_arg("drug_class") or None, country=text_arg("country") or None)
    counts = pending = None
    label, fuzzy = label_arg(), bool(request.args.get("fuzzy"))
    try:
        if filters["date_from"] or filters["date_to"]:
            filters["date_from"], filters["date_to"] = v.date_range(filters["date_from"], filters["date_to"],
                                                                    ("from", "to"))
        if request.args.get("facets"):  # the search page's side bar, counted beside the search
            pending = current_app.extensions["docmine"]["facets_of"](q, text, label, fuzzy, filters)
        try:
            with store() as s:
                df = run(s, q, label=label, fuzzy=fuzzy, text=text, limit=limit, **filters)
            if pending is not None:
                counts = pending.result() if not df.empty else {}
                if counts and not text:  # the entities the rows show, one each
                    counts["label"] = Counter(df.drop_duplicates(["entity", "label"])["label"]).most_common()
        finally:
            if pending is not None and not pending.cancel():
                pending.exception()  # a request leaves no query running behind it
    except ValueError as exc:
        fail(str(exc))
    rows = _records(df)
    out: dict[str, Any] = {"rows": rows, "total": len(rows), "limit": limit, "offset": 0, "next": None}
    if counts is not None:
        out["facets"] = {k: [{"value": val, "documents": n} for val, n in vals] for k, vals in counts.items()}
    return jsonify(out)


@bp.get("/comention")
def comention():
    from docmine.analysis.comention import MEASURES, WINDOWS, comention_table

    rows, cols = label_arg("rows") or "ORG", label_arg("cols") or "DRUG"
    measure = request.args.get("measure", "npmi")
    window = request.args.get("window", "document")
    if measure not in MEASURES or window not in WINDOWS:
        fail(f"measure must be one of {', '.join(MEASURES)} and window one of {', '.join(WINDOWS)}")
    min_count = int_arg("min_count", 2, 1)
    limit, offset = page_args()
    shared = current_app.extensions["docmine"]
    with store() as s:  # the counts the pages keep, per block of documents
        t = shared["cache"].get(("comention", rows, cols, window, measure, min_count),
                                lambda: comention_table(s, shared["window_counts"](s, window), rows, cols, measure,
                                                        min_count))
    out = _records(t.iloc[offset: offset + limit])
    return listing(out, len(t), limit, offset)


@bp.get("/evidence")
def evidence():
    from docmine.analysis.comention import evidence as run

    window = request.args.get("window", "sentence")
    if window not in ("document", "paragraph", "sentence"):
        fail(f"unknown window {window!r}; choose document, paragraph or sentence")
    try:
        with store() as s:
            ev = run(s, text_arg("row"), text_arg("col"), window=window, rows_label=label_arg("rows"),
                     cols_label=label_arg("cols"))
    except ValueError as exc:
        fail(str(exc), 404)
    rows = _records(ev)
    return jsonify({"rows": rows, "total": len(rows), "limit": len(rows), "offset": 0, "next": None})


@bp.get("/tags")
def tags():
    from docmine.tags import tagged

    with store() as s:
        if s.version() < 5:
            return jsonify({"rows": [], "total": 0, "limit": 0, "offset": 0, "next": None})
        try:
            rows = _records(tagged(s, tag_arg()))
        except ValueError as exc:
            fail(str(exc))
    return jsonify({"rows": rows, "total": len(rows), "limit": len(rows), "offset": 0, "next": None})


def _tags_of(s: Store, kind: str, target: str) -> list[dict]:
    if s.version() < 5:
        return []
    return [dict(r) for r in s.query("SELECT tag, note FROM tags WHERE kind=? AND target=? ORDER BY tag",
                                     (kind, target))]


# -- writes -------------------------------------------------------------------------------------
def _body() -> dict:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        fail('send a JSON object with Content-Type: application/json, e.g. {"doc": 3, "tag": "star"}')
    assert isinstance(data, dict)
    return data


@bp.post("/tags")
@require_write
def add_tag():
    from docmine import api

    data = _body()
    doc, name = data.get("doc"), data.get("entity")
    if (doc is None) == (name is None):
        fail('name a document ("doc": its id) or an entity ("entity": its name, "label" if needed), one of the two')
    note = data.get("note") or ""
    if not isinstance(note, str) or len(note) > 2000:
        fail("note: text of at most 2,000 characters")
    try:
        changed = api.tag(str(data.get("tag", "")), db=current_app.config["DB"],
                          doc=int(doc) if doc is not None and str(doc).isdigit() else doc,
                          entity=None if name is None else str(name), label=data.get("label") or None,
                          note=note, remove=bool(data.get("remove")))
    except ValueError as exc:
        fail(str(exc))
    return jsonify({"changed": changed})


@bp.post("/entities/<action>")
@require_write
def clean(action: str):
    from docmine import api
    from docmine.cleanup import ACTIONS

    if action not in ACTIONS:
        fail(f"unknown action {action!r}; use one of {', '.join(ACTIONS)}", 404)
    data = _body()
    names = data.get("names") or ([data["name"]] if data.get("name") else [])
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n for n in names):
        fail('give "names": a list of entity names (or "name")')
    to = data.get("to")
    if to is not None and not isinstance(to, str):
        fail('"to" must be text')
    try:
        result = api.clean_entity(action, names, db=current_app.config["DB"], label=data.get("label") or None,
                                  to=to or None, aliases=current_app.config.get("ALIASES"))
    except ValueError as exc:
        fail(str(exc))
    return jsonify(result)
