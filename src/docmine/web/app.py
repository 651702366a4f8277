"""``docmine serve``: the analyst's workbench, a Flask app on 127.0.0.1.

Pages: search (one box for entities and full text, facets), entity (aliases, ego network,
co-mentioned entities, KWIC snippets that open the reader at the mention, tags and clean-up),
co-mention table (label, measure and window selectable; each cell links to its evidence
sentences), the reader (page markers, entities highlighted, sidebar, hits), the map of places,
seizures, CSV download of every table, and the JSON API (:mod:`docmine.web.api`). Every value
from the store goes through Jinja2 autoescaping; pages open the store read-only and all SQL takes
parameters; the only writes (tags, clean-up) go through :mod:`docmine.web.guard`.

Hostile requests get a 400 with a message, never a 500 or a hang: queries are bounded in length
and terms (:mod:`docmine.analysis.search`), numbers to SQLite's 64 bits, and a request whose Host
header names neither the bound address, an IP address nor loopback is refused (DNS rebinding: a web
page on another site cannot read the store through a name it points at 127.0.0.1). Downloads are
streamed, their cells made safe for spreadsheets, their file names encoded per RFC 6266/5987.
"""
from __future__ import annotations

import io
import ipaddress
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import quote

import pandas as pd
from flask import Flask, Response, abort, jsonify, request, url_for
from markupsafe import Markup, escape

from docmine.analysis.entities import TABLE_ORDER
from docmine.nlp.mention import LABELS
from docmine.store import Store
from docmine.web.args import MAX_ID, fail, int_arg, text_arg
from docmine.web.pictures import COLORS, diverging, ego_svg, map_svg

BASE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ title }} · docmine</title>
<meta name="csrf-token" content="{{ csrf }}"><meta name="writable" content="{{ 1 if writable else 0 }}">
<style>
body{font-family:system-ui,sans-serif;margin:0;color:#222}header{background:#1f3b57;color:#fff;padding:.6rem 1.2rem;\
display:flex;gap:1.5rem;align-items:center}
header a{color:#fff;text-decoration:none;font-weight:600}main{padding:1rem 1.5rem;max-width:1200px}
table{border-collapse:collapse;font-size:.9rem}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;\
vertical-align:top}th{background:#f3f3f3}
.num{text-align:right}mark{padding:0 .15em;border-radius:3px}.lab{font-size:.7em;font-weight:700;margin-left:.2em;\
color:#333}
.kwic{font-family:ui-monospace,monospace;font-size:.85rem}.kwic a.hitlink{color:inherit;text-decoration:none}
.kwic a.hitlink:hover{text-decoration:underline}.muted{color:#666}form.inline{display:inline}
#suggest{border:1px solid #ccc;max-width:30rem;background:#fff;position:absolute}#suggest div{padding:.2rem .4rem;\
cursor:pointer}#suggest div:hover{background:#eef}
.doc{white-space:pre-wrap;line-height:1.6;max-width:60rem}
.reader{display:flex;gap:1.5rem;align-items:flex-start}.side{position:sticky;top:.5rem;max-height:95vh;overflow:auto;\
min-width:16rem;font-size:.85rem}.side h4{margin:.6rem 0 .2rem}.side a{cursor:pointer}
.pg{display:block;color:#888;font-size:.75rem;border-top:1px dashed #bbb;margin:.8rem 0 .3rem}
.hit{outline:3px solid #f0a500;background:#ffe7a3}.cur{outline:3px solid #d62728}
.tags span{background:#eef;border-radius:3px;padding:0 .3em;margin-right:.3em}.actions{margin:.4rem 0}
.actions button,.actions input{font-size:.8rem}#msg{color:#1f6b2a}
</style></head><body>
<header><a href="{{ url_for('index') }}">docmine</a><a href="{{ url_for('comention_page') }}">co-mentions</a>\
<a href="{{ url_for('documents_page') }}">documents</a>\
<a href="{{ url_for('seizures_page') }}">seizures</a>\
<a href="{{ url_for('map_page') }}">map</a>
<form class="inline" action="{{ url_for('search_page') }}">\
<input id="q" name="q" placeholder="search entities or text…" autocomplete="off" value="{{ request.args.get('q','') }}\
" size="30">
<select name="label"><option value="">any label</option>{% for l in labels %}\
<option {% if request.args.get('label')==l %}selected{% endif %}>{{ l }}</option>{% endfor %}</select>
<label style="color:#fff">\
<input type="checkbox" name="fuzzy" value="1" {% if request.args.get('fuzzy') %}checked{% endif %}>fuzzy</label>
<label style="color:#fff"><input type="checkbox" name="text" value="1" {% if request.args.get('text') %}checked\
{% endif %}>full text</label>
<input type="submit" value="Search"></form><div id="suggest"></div></header>
<main>{{ body }}</main>
<script>
const q=document.getElementById('q'),box=document.getElementById('suggest');let seq=0;
q.addEventListener('input',async()=>{const mine=++seq;if(q.value.length<2){box.textContent='';return;}
const r=await fetch('{{ url_for('autocomplete') }}?q='+encodeURIComponent(q.value));const items=await r.json();
if(mine!==seq)return;box.textContent='';
for(const it of items){const d=document.createElement('div');\
d.textContent=it.entity+' ('+it.label+', '+it.documents+' docs)';
d.onclick=()=>{location.href=it.url};box.appendChild(d);}});
document.querySelectorAll('table:not(#matrix)').forEach(t=>{const head=t.rows[0];
if(!head||!head.querySelector('th')||t.rows.length<3)return;[...head.cells].forEach((th,i)=>{th.style.cursor='pointer';
th.title='sort';th.addEventListener('click',()=>{const rows=[...t.rows].slice(1),dir=th.dataset.dir==='asc'?-1:1;
th.dataset.dir=dir===1?'asc':'desc';const key=r=>{const c=r.cells[i];const x=c?c.textContent.trim():'';
const n=parseFloat(x.replace(/,/g,''));return isNaN(n)||!/^[-\\d.,]+$/.test(x)?x.toLowerCase():n;};
rows.sort((a,b)=>{const x=key(a),y=key(b);return (typeof x===typeof y?(x<y?-1:x>y?1:0):typeof x==='number'?-1:1)*dir;});
rows.forEach(r=>t.tBodies[0].appendChild(r));});});});
async function dmWrite(url, body){
const r=await fetch(url,{method:'POST',headers:{'Content-Type':'application/json','X-CSRF-Token':
document.querySelector('meta[name=csrf-token]').content},body:JSON.stringify(body)});
const out=await r.json().catch(()=>({error:r.statusText}));const m=document.getElementById('msg');
if(m)m.textContent=r.ok?'saved':('not saved: '+out.error);return r.ok?out:null;}
</script></body></html>"""


ENTITY_ACTIONS = """<div class="tags" id="tags">{% for t in tags %}<span title="{{ t.note }}">{{ t.tag }}</span>\
{% endfor %}</div>
{% if writable %}<div class="actions" id="actions"><button id="star">☆ star</button>
<input id="tagname" size="12" placeholder="tag"> <button id="addtag">add tag</button>
· <button id="drop" title="not an entity: removed here and in every later ingest">not an entity</button>
· <input id="newname" size="16" placeholder="new name"> <button id="rename">rename</button>
· <select id="newlabel">{% for l in labels if l not in (label, 'QUANTITY') %}<option>{{ l }}</option>{% endfor %}\
</select> <button id="relabel">relabel</button>
· merge with <input id="other" size="16" placeholder="other entity name"> <button id="merge">merge</button>
<span id="msg"></span></div>
<script>
const ENT={{ {'name': name, 'label': label}|tojson }};
function val(id){return document.getElementById(id).value.trim();}
async function tagEnt(tag){if(!tag)return;const r=await dmWrite('/api/tags',{entity:ENT.name,label:ENT.label,tag:tag});
if(r){const s=document.createElement('span');s.textContent=tag;document.getElementById('tags').appendChild(s);}}
async function clean(action,o){const body={names:[ENT.name],label:ENT.label};
if(action==='merge'){if(!o.others)return;body.names.push(o.others);body.to=ENT.name;}else if(o.to!==undefined){
if(!o.to)return;body.to=o.to;}
if(action==='drop'&&!confirm('Remove '+ENT.name+' as an entity, here and in every later ingest?'))return;
const r=await dmWrite('/api/entities/'+action,body);if(!r)return;
const name=action==='rename'?o.to:ENT.name,label=action==='relabel'?o.to:ENT.label;
location.href=action==='drop'?'/':'/entity/'+encodeURIComponent(label)+'/'+encodeURIComponent(name);}
const on=(id,f)=>document.getElementById(id).addEventListener('click',f);
on('star',()=>tagEnt('star'));on('addtag',()=>tagEnt(val('tagname')));on('drop',()=>clean('drop',{}));
on('rename',()=>clean('rename',{to:val('newname')}));on('relabel',()=>clean('relabel',{to:val('newlabel')}));
on('merge',()=>clean('merge',{others:val('other')}));
</script>{% endif %}"""
"""Tags and clean-up on an entity's page (through the JSON API, with the page's CSRF token)."""

"""The largest id or count a request may give (SQLite integers are 64-bit)."""
LOOPBACK_NAMES = ("localhost",)
"""Host names always accepted (IP addresses are accepted too: DNS rebinding needs a name)."""
SUGGEST_STALE_S = 10.0
"""How long autocomplete may go on suggesting the names of an older state of a store being written
(reading every name again on each of an ingest's batches would make it slow while ingest runs)."""
MARKS = ("\ue000", "\ue001")
"""Where a snippet's hit starts and ends (private-use characters), made <mark> after escaping."""
DOCUMENTS_PER_PAGE = 200
"""Rows of the documents page (the CSV download has them all)."""


def create_app(db: str, allowed_hosts: Iterable[str] = (), *, writable: bool = True, token: str | None = None,
               aliases: str | None = None, read_only_why: str = "") -> Flask:
    """The app over store ``db``. ``allowed_hosts``: host names (besides IP addresses and
    ``localhost``) a browser may use to reach it, e.g. the machine's name when bound to 0.0.0.0.
    ``writable``: tags and entity clean-up allowed (through :mod:`docmine.web.guard`);
    ``token``: an access token every request must present; ``aliases``: the user aliases file
    clean-up decisions are written to (default ``./docmine.aliases.toml``)."""
    from docmine.web import api, guard

    app = Flask(__name__)
    app.config["DB"] = db
    app.config["ALIASES"] = aliases
    app.config["ALLOWED_HOSTS"] = {h.lower().rstrip(".") for h in allowed_hosts if h} | set(LOOPBACK_NAMES)
    Store(db, readonly=True).close()  # fail early with a clear message

    def store() -> Store:
        return Store(app.config["DB"], readonly=True)

    cache = StateCache(db)
    names_cache = StateCache(db, max_stale_s=SUGGEST_STALE_S)

    from docmine.analysis.comention import BlockCounts, Counts

    block_counts = BlockCounts()

    def window_counts(s: Store, window: str) -> Counts:
        """The store's co-mention counts of every pair of labels in ``window`` windows: kept per block
        of documents, so a write (an ingest batch) costs a recount of its block, not of the store.
        Document windows carry ``spread`` (the map of an entity's places reads it): one kept set
        serves the entity pages, the tables and the map."""
        return cache.get(("counts", window),
                         lambda: block_counts.counts(s, window, LABELS, spread=window == "document"))

    app.extensions["docmine"] = {"window_counts": window_counts, "cache": cache}  # shared with the JSON API

    def entity_names(s: Store) -> list[tuple[int, str, str, set[str]]]:
        """(entity_id, label, canonical, its surface forms in lower case) of every entity, once per state."""
        def read():
            forms: dict[int, set[str]] = {}
            for eid, text in s.query("SELECT DISTINCT entity_id, text FROM mentions"):
                forms.setdefault(eid, set()).add(text.casefold())
            return [(eid, lab, canonical, forms.get(eid, set()))
                    for eid, lab, canonical in s.query("SELECT entity_id, label, canonical FROM entities")]
        return names_cache.get(("entity_names",), read)

    compiled: dict[str, Any] = {}

    def render(source: str, **ctx) -> str:
        """A page template rendered in the request's context, compiled once per process
        (Flask's render_template_string compiles the source on every call: ~20 ms a page)."""
        template = compiled.get(source)
        if template is None:
            template = compiled[source] = app.jinja_env.from_string(source)
        app.update_template_context(ctx)  # request, url_for, ... as render_template_string gives them
        return template.render(ctx)

    def page(title: str, body_template: str, **ctx) -> str:
        body = render(body_template, writable=app.config["WRITABLE"], **ctx)
        return render(BASE, title=title, body=Markup(body), labels=LABELS,
                                      csrf=guard.csrf_token(), writable=app.config["WRITABLE"])

    def csv_response(df: pd.DataFrame, name: str) -> Response:
        return Response(_csv_chunks(df), mimetype="text/csv",
                        headers={"Content-Disposition": content_disposition(f"{name}.csv")})

    @app.before_request
    def check_host():
        if not host_allowed(request.host, app.config["ALLOWED_HOSTS"]):
            abort(Response(f"docmine refuses the Host {request.host!r}: open it as http://127.0.0.1:PORT/, or start"
                           " it with `docmine serve --allow-host NAME` to reach it by that name", status=400,
                           mimetype="text/plain"))

    guard.install(app, token=token, writable=writable, read_only_why=read_only_why)  # after the Host check
    app.register_blueprint(api.bp)
    app.jinja_env.filters["kwic"] = kwic_html

    @app.after_request
    def security_headers(resp):
        resp.headers.setdefault("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline';"
                                " style-src 'unsafe-inline'; img-src 'self' data:")  # an original keeps "sandbox"
        resp.headers["X-Content-Type-Options"] = "nosniff"
        return resp

    @app.route("/")
    def index():
        from docmine.analysis.entities import top_entities

        with store() as s:
            tables = cache.get(("top_entities",), lambda: top_entities(s, TABLE_ORDER, 12))
            n = s.query("SELECT COUNT(*) FROM documents")[0][0]
            topics = [dict(r) for r in s.query("SELECT topic, label, size FROM topics ORDER BY topic")]
        if request.args.get("format") == "csv":
            return csv_response(pd.concat(tables.values()), "entities")
        return page("overview", """
<h1>{{ n }} documents</h1><p><a href="?format=csv">download entity table (CSV)</a></p>
<div style="display:flex;gap:1.5rem;flex-wrap:wrap">{% for lab, t in tables.items() %}<div><h3>{{ lab }}</h3><table>\
<tr><th>entity</th><th class="num">mentions</th><th class="num">docs</th></tr>
{% for r in t.itertuples() %}<tr><td><a href="{{ url_for('entity_page', label=r.label, name=r.entity) }}">\
{{ r.entity }}</a></td><td class="num">{{ r.mentions }}</td><td class="num">{{ r.documents }}</td></tr>{% endfor %}\
</table></div>{% endfor %}</div>
{% if topics %}<h2>Topics</h2><table><tr><th>#</th><th>label</th><th class="num">docs</th></tr>{% for t in topics %}\
<tr><td><a href="{{ url_for('documents_page', topic=t.topic) }}">{{ t.topic }}</a></td><td>{{ t.label }}</td>\
<td class="num">{{ t.size }}</td></tr>{% endfor %}</table>{% endif %}
""", n=n, tables=tables, topics=topics)

    @app.route("/autocomplete")
    def autocomplete():
        q = text_arg("q").strip()
        if len(q) < 2:
            return jsonify([])
        from docmine.analysis.comention import entity_document_counts

        key = q.casefold()
        with store() as s:  # names and counts kept per state of the store: no scan of the mentions per keystroke
            counts = names_cache.get(("document_counts", True), lambda: entity_document_counts(s, True))
            hits = [h for h in entity_names(s) if key in h[2].casefold() or any(f.startswith(key) for f in h[3])]
        # exact name first, then names that start with the query, then the most documented
        ranked = sorted(hits, key=lambda h: (not (h[2].casefold() == key or key in h[3]),
                                             not h[2].casefold().startswith(key), -counts.get(h[0], 0), h[2]))[:10]
        return jsonify([{"entity": canonical, "label": lab, "documents": counts.get(eid, 0),
                         "url": url_for("entity_page", label=lab, name=canonical)}
                        for eid, lab, canonical, _ in ranked])

    background = ThreadPoolExecutor(max_workers=4, thread_name_prefix="docmine-search")

    def facets_of(q: str, text: bool, label: str | None, fuzzy: bool, filters: dict[str, Any]) -> dict:
        """The facets of search ``q`` under ``filters``, on a connection of its own (a background
        job of the search page, run while the page's own connection searches): a full-text
        search's, or those of the entities an entity search finds (its label facet is counted
        from the rows the page shows)."""
        from docmine.analysis.search import find_entity_rows, result_facets

        with store() as s:
            found = [] if text else [(e.label, e.entity) for e in find_entity_rows(s, q, label, fuzzy).itertuples()]
            return result_facets(s, q, text, found, **filters) if text or found else {}

    app.extensions["docmine"]["facets_of"] = lambda *a: background.submit(facets_of, *a)  # for /api/search

    @app.route("/search")
    def search_page():
        """One box for entities and full text, filters kept across pages, facets that narrow."""
        from docmine import validate as v
        from docmine.analysis.search import MAX_LIMIT, search

        q = text_arg("q").strip()
        label = request.args.get("label") or None
        if label and label not in LABELS:
            fail(f"unknown label {label!r}; choose one of {', '.join(LABELS)}")
        topic = int_arg("topic")
        limit = min(int_arg("limit", 50, minimum=1), MAX_LIMIT)
        text_mode = bool(request.args.get("text"))
        error, df = None, pd.DataFrame()
        marks = ("[", "]") if request.args.get("format") == "csv" else MARKS
        counts: dict = {}
        if q:
            try:
                date_from, date_to = v.date_range(text_arg("from") or None, text_arg("to") or None, ("from", "to"))
                filters: dict[str, Any] = dict(date_from=date_from, date_to=date_to, topic=topic,
                                               lang=request.args.get("lang") or None,
                                               tag=request.args.get("tag") or None,
                                               drug_class=text_arg("drug_class") or None,
                                               country=text_arg("country") or None)
                csv = request.args.get("format") == "csv"  # a table: no facets
                fuzzy = bool(request.args.get("fuzzy"))
                # the facets need only the query: counted on a second connection while this one
                # ranks every match by BM25 (which cannot stop early) or counts and cuts the
                # entities' snippets
                pending = None if csv else background.submit(facets_of, q, text_mode, label, fuzzy, filters)
                try:
                    with store() as s:
                        df = search(s, q, label=label, fuzzy=fuzzy, text=text_mode, limit=limit, marks=marks,
                                    **filters)
                    if not df.empty and pending is not None:
                        counts = pending.result()
                        if not text_mode and counts:  # the entities the rows show, one each
                            shown = df.drop_duplicates(["entity", "label"])["label"]
                            counts["label"] = Counter(shown).most_common()
                finally:
                    if pending is not None and not pending.cancel():
                        pending.exception()  # done, or wait: a request leaves no query running behind it
            except ValueError as exc:
                error = str(exc)
        if request.args.get("format") == "csv":
            if error:
                fail(error)
            return csv_response(df, "search")
        args: dict[str, Any] = {k: v for k, v in request.args.items() if v and k not in ("format",)}

        def narrowed(facet: str, value: str) -> str:
            """This search with one more filter (a year filters from and to)."""
            extra = {"from": value, "to": value} if facet == "year" else {"lang" if facet == "language" else facet:
                                                                           value}
            return url_for("search_page", **{**args, **extra})

        def widened(*names: str) -> str:
            return url_for("search_page", **{k: v for k, v in args.items() if k not in names})

        active = [(k, args[k]) for k in ("label", "drug_class", "country", "from", "to", "lang", "topic", "tag")
                  if k in args]
        return page("search", """
<h1>Search: {{ q }}</h1>{% if error %}<p style="color:#b00">{{ error }}</p>{% endif %}
<form id="filters"><input type="hidden" name="q" value="{{ q }}"><input type="hidden" name="label" \
value="{{ label or '' }}">
<label><input type="checkbox" name="text" value="1" {% if text_mode %}checked{% endif %}>full text</label>
<label><input type="checkbox" name="fuzzy" value="1" {% if request.args.get('fuzzy') %}checked{% endif %}>fuzzy\
</label>
from <input name="from" size="10" placeholder="YYYY[-MM[-DD]]" value="{{ request.args.get('from','') }}"> \
to <input name="to" size="10" placeholder="YYYY[-MM[-DD]]" value="{{ request.args.get('to','') }}">
topic <input name="topic" size="3" value="{{ request.args.get('topic','') }}">
language <input name="lang" size="3" value="{{ request.args.get('lang','') }}">
tag <input name="tag" size="10" value="{{ request.args.get('tag','') }}">
drug class <input name="drug_class" size="10" value="{{ request.args.get('drug_class','') }}">
country <input name="country" size="10" value="{{ request.args.get('country','') }}"> \
<input type="submit" value="filter"></form>
{% if active %}<p id="active">filters: {% for k, val in active %}<b>{{ k|replace('_', ' ') }}</b> {{ val }} \
<a href="{{ widened(k, 'from', 'to') if k in ('from', 'to') else widened(k) }}" title="remove">✕</a> \
{% endfor %}</p>{% endif %}
<div class="reader"><div>
{% if df.empty %}<p>No match.{% if not request.args.get('fuzzy') and not text_mode %} Try fuzzy matching or full \
text.{% endif %}</p>
{% elif text_mode %}<p><a href="{{ request.full_path }}&format=csv">download CSV</a></p><table>\
{% for r in df.itertuples() %}<tr><td><a href="{{ url_for('document_page', doc_id=r.doc_id, find=q) }}">\
{{ r.title or r.path }}</a><br><span class="muted">{{ r.date or '' }} · bm25 {{ r.score }}</span></td><td class="kwic">\
<a class="hitlink" href="{{ url_for('document_page', doc_id=r.doc_id, find=q) }}">{{ r.snippet|kwic }}</a></td>\
</tr>{% endfor %}</table>{% else %}
<p><a href="{{ request.full_path }}&format=csv">download CSV</a></p>
{% for (entity, lab), g in df.groupby(['entity','label'], sort=False) %}<h2>\
<a href="{{ url_for('entity_page', label=lab, name=entity) }}">{{ entity }}</a> <span class="muted">\
{{ lab }} · {{ g.entity_documents.iloc[0] }} documents</span></h2>
<table>{% for r in g.itertuples() %}<tr><td><a href="{{ url_for('document_page', doc_id=r.doc_id) }}">\
{{ r.title or r.path }}</a><br><span class="muted">{{ r.date or '' }} · p.{{ r.page }}</span></td><td class="kwic">\
<a class="hitlink" href="{{ url_for('document_page', doc_id=r.doc_id, at=r.start) }}">{{ r.snippet|kwic }}</a>\
</td></tr>{% endfor %}</table>{% endfor %}{% endif %}
{% if df|length >= limit %}<p><a id="more" href="{{ more }}">show {{ limit }} more</a></p>{% endif %}</div>
{% if counts %}<div class="side" id="facets"><p class="muted">documents matched</p>\
{% for facet, values in counts.items() if values %}<h4>{{ facet|replace('_', ' ') }}</h4>\
{% for val, n in values[:12] %}<div>\
<a class="facet" data-facet="{{ facet }}" href="{{ narrowed(facet, val) }}">{{ val }}</a> <span class="muted">{{ n }}\
</span></div>{% endfor %}{% endfor %}</div>{% endif %}</div>
""", q=q, df=df, error=error, label=label, text_mode=text_mode, counts=counts, narrowed=narrowed, widened=widened,
            active=active, limit=limit, more=url_for("search_page", **{**args, "limit": min(2 * limit, MAX_LIMIT)})), \
            400 if error else 200

    @app.route("/entity/<label>/<path:name>")
    def entity_page(label, name):
        from docmine.analysis.comention import comention_row
        from docmine.analysis.search import mention_snippets

        if label not in LABELS:
            abort(404)
        with store() as s:
            ent = s.query("SELECT entity_id FROM entities WHERE label=? AND canonical=?", (label, name))
            if not ent:
                abort(404)
            eid = ent[0][0]
            aliases = s.query("SELECT text, COUNT(*) AS n FROM mentions WHERE entity_id=?"
                              " GROUP BY text ORDER BY n DESC", (eid,))
            csv = request.args.get("format") == "csv"
            snippets = [{"doc_id": h["doc_id"], "title": h["title"] or h["path"], "date": h["date"], "page": h["page"],
                         "start": h["start"], "kwic": h["snippet"]}
                        for h in mention_snippets(s, eid, width=80, limit=300, marks=("[", "]") if csv else MARKS)]
            if request.args.get("format") == "csv":
                return csv_response(pd.DataFrame(snippets), f"{label}-{name}")
            tags = (s.query("SELECT tag, note FROM tags WHERE kind='entity' AND target=? ORDER BY tag",
                            (f"{label}\t{name}",)) if s.version() >= 5 else [])
            # this entity's row of each co-mention table, not the whole tables
            co = comention_row(s, window_counts(s, "document"), eid, TABLE_ORDER, top=8).to_dict("records")
        return page(name, """
<h1>{{ name }} <span class="muted">{{ label }}</span></h1>
{{ actions }}
<p>Written as: {% for a in aliases %}<b>{{ a.text }}</b> ({{ a.n }}){% if not loop.last %}, {% endif %}{% endfor %}</p>
<h2>Mentioned with</h2>{{ ego }}<p><a id="map-link" \
href="{{ url_for('map_page', label=label, name=name) }}">map of the places in its documents</a></p>
<table><tr><th>entity</th><th>label</th><th class="num">docs together</th>\
<th class="num">NPMI</th><th>evidence</th></tr>
{% for c in co %}<tr><td><a href="{{ url_for('entity_page', label=c.col_label, name=c.col) }}">{{ c.col }}</a></td><td>\
{{ c.col_label }}</td><td class="num">{{ c.count }}</td><td class="num">{{ '%.2f'|format(c.npmi) }}</td>
<td><a href="{{ url_for('evidence_page', row=name, col=c.col, rows=label, cols=c.col_label, window='sentence') }}\
">sentences</a></td></tr>{% endfor %}</table>
<h2>Mentions <a class="muted" href="?format=csv">CSV</a></h2><table>{% for m in snippets %}<tr><td>\
<a href="{{ url_for('document_page', doc_id=m.doc_id) }}">{{ m.title }}</a><br><span class="muted">\
{{ m.date or '' }} · p.{{ m.page }}</span></td><td class="kwic"><a class="hitlink" \
href="{{ url_for('document_page', doc_id=m.doc_id, at=m.start) }}">{{ m.kwic|kwic }}</a></td></tr>{% endfor %}</table>
""", name=name, label=label, aliases=aliases, snippets=snippets, co=co,
            ego=ego_svg(name, label, co[:16]),
            actions=Markup(render(ENTITY_ACTIONS, name=name, label=label, tags=tags,
                                                  writable=app.config["WRITABLE"], labels=LABELS)))

    def subset_args() -> tuple[str | None, str | None]:
        """``tag`` and ``lang`` of a page that can be narrowed to a case file or a language."""
        from docmine import validate as v

        tag, lang = text_arg("tag") or None, request.args.get("lang") or None
        try:
            return tag, v.language(lang)
        except ValueError as exc:
            fail(str(exc))

    @app.route("/comention")
    def comention_page():
        from docmine.analysis.comention import MEASURES, WINDOWS, comention_table

        rows = request.args.get("rows", "ORG")
        cols = request.args.get("cols", "DRUG")
        measure = request.args.get("measure", "npmi")
        window = request.args.get("window", "document")
        min_count = int_arg("min_count", 2, minimum=1)
        if rows not in LABELS or cols not in LABELS or measure not in MEASURES or window not in WINDOWS:
            fail(f"rows and cols must be one of {', '.join(LABELS)}, measure one of {', '.join(MEASURES)}"
                        f" and window one of {', '.join(WINDOWS)}")
        tag, lang = subset_args()
        with store() as s:
            if tag or lang:  # a case file or one language: counted for this subset (not per block)
                from docmine.analysis.comention import comention

                t = cache.get(("comention", rows, cols, window, measure, min_count, tag, lang),
                              lambda: comention(s, rows, cols, window, measure, min_count, lang=lang, tag=tag))
            else:
                t = cache.get(("comention", rows, cols, window, measure, min_count),
                              lambda: comention_table(s, window_counts(s, window), rows, cols, measure, min_count))
            tags = [r[0] for r in s.query("SELECT DISTINCT tag FROM tags ORDER BY tag")] if s.version() >= 5 else []
        if request.args.get("format") == "csv":
            return csv_response(t, f"comention-{rows}-{cols}")
        top_rows, top_cols = [], []
        if len(t):
            top_rows = t.groupby("row")["row_count"].first().sort_values(ascending=False).head(20).index.tolist()
            top_cols = t.groupby("col")["col_count"].first().sort_values(ascending=False).head(12).index.tolist()
        cells = {(r.row, r.col): r for r in t.itertuples()}
        vmax = max([abs(float(getattr(r, measure))) for r in cells.values()] + [1e-9])
        signed = measure in ("npmi", "pmi")

        def cell_style(value) -> str:
            if value is None:
                return diverging(None, vmax)
            return diverging(float(value), 1.0 if measure == "npmi" else vmax) if signed else \
                f"background:rgba(214,39,40,{max(0.0, float(value) / vmax):.2f})"
        return page("co-mentions", """
<h1>{{ rows }} × {{ cols }}</h1>
<form>rows <select name="rows">{% for l in labels %}<option {% if l==rows %}selected{% endif %}>{{ l }}</option>\
{% endfor %}</select>
cols <select name="cols">{% for l in labels %}<option {% if l==cols %}selected{% endif %}>{{ l }}</option>{% endfor %}\
</select>
measure <select name="measure">{% for m in measures %}<option {% if m==measure %}selected{% endif %}>{{ m }}</option>\
{% endfor %}</select>
window <select name="window">{% for w in windows %}<option {% if w==window %}selected{% endif %}>{{ w }}</option>\
{% endfor %}</select>
min count <input name="min_count" size="3" value="{{ min_count }}">
{% if tags %}tag <select name="tag"><option value="">(all documents)</option>{% for g in tags %}\
<option {% if g==tag %}selected{% endif %}>{{ g }}</option>{% endfor %}</select>{% endif %}
language <input name="lang" size="3" value="{{ lang or '' }}" placeholder="any"> \
<input type="submit" value="show"></form>
<p><a href="{{ request.full_path }}&format=csv">download CSV</a> · click a cell for its evidence · \
{% if signed %}<span style="background:rgba(214,39,40,.6)">&nbsp;above 0&nbsp;</span> \
<span style="background:rgba(31,119,180,.6)">&nbsp;below 0&nbsp;</span> {% endif %}\
<span style="background:#eee">&nbsp;no pair&nbsp;</span></p>
{% if not top_rows %}<p>No pairs at this threshold.</p>{% else %}
<table id="matrix"><tr><th></th>{% for c in top_cols %}<th>{{ c }}</th>{% endfor %}</tr>
{% for r in top_rows %}<tr><th>{{ r }}</th>{% for c in top_cols %}{% set x = cells.get((r, c)) %}
<td class="num" style="{{ cell_style(x[measure_idx] if x else None) }}"{% if not x %} title="no pair"{% endif %}>
{% if x %}<a class="cell" \
href="{{ url_for('evidence_page', row=r, col=c, rows=rows, cols=cols, \
window='sentence' if window=='document' else window, tag=tag or None, lang=lang or None) }}" \
title="{{ x.count }} {{ window }}s">\
{{ '%.2f'|format(x[measure_idx]|float) if measure not in ('count','documents','mention_pairs') else x[measure_idx] }}\
</a>{% endif %}</td>{% endfor %}</tr>{% endfor %}
</table>{% endif %}
""", rows=rows, cols=cols, measure=measure, window=window, min_count=min_count, labels=LABELS, measures=MEASURES,
            windows=WINDOWS, top_rows=top_rows, top_cols=top_cols, cells=cells, vmax=vmax, signed=signed,
            cell_style=cell_style, tag=tag, lang=lang, tags=tags,
            measure_idx=list(t.columns).index(measure) + 1 if len(t) else 0)

    @app.route("/evidence")
    def evidence_page():
        from docmine.analysis.comention import evidence

        row, col = text_arg("row"), text_arg("col")
        rows, cols = request.args.get("rows") or None, request.args.get("cols") or None
        window = request.args.get("window", "sentence")
        if window not in ("document", "paragraph", "sentence"):
            fail(f"unknown window {window!r}; choose document, paragraph or sentence")
        tag, lang = subset_args()
        try:
            with store() as s:
                ev = evidence(s, row, col, window=window, rows_label=rows, cols_label=cols, lang=lang, tag=tag)
        except ValueError as exc:
            return page("evidence", "<p>{{ e }}</p>", e=str(exc)), 404
        if request.args.get("format") == "csv":
            return csv_response(ev, "evidence")
        return page("evidence", """
<h1 id="evidence-title">{{ row }} + {{ col }}</h1><p class="muted">\
{{ ev|length }} {{ window }}s mention both · <a href="{{ request.full_path }}&format=csv">CSV</a></p>
<table id="evidence">{% for r in ev.itertuples() %}<tr><td><a href="{{ url_for('document_page', doc_id=r.doc_id) }}">\
{{ r.title or r.path }}</a><br><span class="muted">{{ r.date or '' }} · p.{{ r.page }}</span></td>\
<td class="evidence-text">{{ r.text }}</td></tr>{% endfor %}</table>
""", row=row, col=col, ev=ev, window=window)

    @app.route("/map")
    def map_page():
        """Places on a world map (dot area: documents), optionally only those in the documents that
        mention one entity (``label`` and ``name``); the places docmine cannot locate are listed."""
        from docmine.analysis.geo import place_table
        from docmine.export import records

        label, name = request.args.get("label") or None, text_arg("name") or None
        if (label is None) != (name is None) or (label and label not in LABELS):
            fail(f"give both label (one of {', '.join(LABELS)}) and name, or neither")
        with_entity = (label, name) if label and name else None
        with store() as s:
            # an entity's places from the co-mention counts the app keeps, not from every place mention
            df = cache.get(("places", with_entity), lambda: place_table(
                s, with_entity=with_entity, counts=window_counts(s, "document") if with_entity else None))
        if request.args.get("format") == "csv":
            return csv_response(df, "places")
        located = records(df[df["lat"].notna()])
        missing = records(df[df["lat"].isna()])
        return page("map", """
<h1>Places{% if name %} in the documents that mention {{ name }}{% endif %}</h1>
<p>{{ located|length }} places on the map{% if missing %}, {{ missing|length }} not located (listed below){% endif %}\
 · dot area: documents · <a href="{{ request.full_path }}&format=csv">download CSV</a></p>
{{ svg }}
<h2>Places by documents</h2><table id="places"><tr><th>place</th><th class="num">docs</th>\
<th class="num">mentions</th><th>located as</th></tr>{% for p in (located + missing)|sort(attribute='documents', \
reverse=True) %}<tr><td><a href="{{ url_for('entity_page', label='PLACE', name=p.place) }}">{{ p.place }}</a></td>\
<td class="num">{{ p.documents }}</td><td class="num">{{ p.mentions }}</td><td>{{ p.kind or 'not located' }}</td>\
</tr>{% endfor %}</table>
""", svg=map_svg(located, url_for("base_map")), located=located, missing=missing, name=name)

    @app.route("/map/base.png")
    def base_map():
        from docmine.analysis.geo import base_map_png

        resp = Response(base_map_png(), mimetype="image/png")
        resp.headers["Cache-Control"] = "max-age=86400"
        return resp

    @app.route("/documents")
    def documents_page():
        from docmine.analysis.documents import document_list, language_counts
        from docmine.export import documents_df

        topic = int_arg("topic")
        lang = request.args.get("lang") or None
        shown = int_arg("page", 1, minimum=1)
        with store() as s:
            if request.args.get("format") == "csv":
                df = documents_df(s)
                if topic is not None:
                    df = df[df["topic"] == topic]
                if lang:
                    df = df[df["language"] == lang]
                return csv_response(df, "documents")
            # one page from SQL: the whole table, read again after every ingest batch, made this page slow
            all_langs = cache.get(("language_counts",), lambda: language_counts(s))
            offset = min((shown - 1) * DOCUMENTS_PER_PAGE, MAX_ID)
            rows, total = document_list(s, topic, lang, offset, DOCUMENTS_PER_PAGE)
        pages = max(1, -(-total // DOCUMENTS_PER_PAGE))
        return page("documents", """
<h1>Documents{% if topic is not none %} in topic {{ topic }}{% endif %}</h1><p>\
<a href="?format=csv{% if topic is not none %}&topic={{ topic }}{% endif %}">download CSV</a></p>
<p>languages: {% for l, n in langs %}<a href="?lang={{ l }}">{{ l }}</a> ({{ n }}) {% endfor %}</p>
<table><tr><th>title</th><th>date</th><th>format</th><th>language</th><th>topic</th><th class="num">mentions</th></tr>
{% for d in records %}<tr><td><a href="{{ url_for('document_page', doc_id=d.doc_id) }}">{{ d.title or d.path }}</a>\
</td><td>{{ d.date or '' }}</td><td>{{ d.format }}</td><td>{{ d.language or '' }}</td>\
<td>{{ '' if d.topic is none else d.topic }}</td>\
<td class="num">{{ d.mentions }}</td></tr>{% endfor %}</table>
{% if pages > 1 %}<p>page {{ shown }} of {{ pages }} ({{ total }} documents){% if shown > 1 %} · \
<a href="{{ url_for('documents_page', topic=topic, lang=lang, page=shown - 1) }}">previous</a>{% endif %}\
{% if shown < pages %} · <a href="{{ url_for('documents_page', topic=topic, lang=lang, page=shown + 1) }}">next</a>\
{% endif %}</p>{% endif %}
""", records=rows, topic=topic, lang=lang, langs=all_langs, shown=shown, pages=pages, total=total)

    def seizure_filters() -> dict:
        from docmine import validate as v

        args = request.args
        try:
            date_from, date_to = v.date_range(args.get("from") or None, args.get("to") or None, ("from", "to"))
            min_kg = v.non_negative_number(args["min_kg"], "min_kg") if args.get("min_kg") else None
            ids = [v.whole_number(i, "ids", maximum=MAX_ID) for i in args.get("ids", "").split(",") if i.strip()]
        except ValueError as exc:
            abort(Response(str(exc), status=400, mimetype="text/plain"))
        return dict(drug=args.get("drug") or None, agency=args.get("agency") or None,
                    place=args.get("place") or None, country=args.get("country") or None, date_from=date_from,
                    date_to=date_to, min_kg=min_kg, ids=ids or None)

    @app.route("/seizures")
    @app.route("/api/seizures")
    def seizures_page():
        from docmine.export import records
        from docmine.seizures.table import seizure_cube, seizure_table

        filters = seizure_filters()
        with store() as s:
            table = seizure_table(s, update=False, **filters)
        cube = request.args.get("view") == "cube"
        df = seizure_cube(table) if cube else table
        if request.path.startswith("/api/"):
            return jsonify(records(df))
        if request.args.get("format") == "csv":
            return csv_response(df, "seizure-cube" if cube else "seizures")
        return page("seizures", """
<h1>Seizures{% if cube %}: agency × drug × country × year{% endif %}</h1>
<form>{% for k in ['drug','agency','place','country'] %}{{ k }} <input name="{{ k }}" size="10" value="{{ \
request.args.get(k,'') }}"> {% endfor %}from <input name="from" size="8" value="{{ request.args.get('from','') }}">\
 to <input name="to" size="8" value="{{ request.args.get('to','') }}">\
 min kg <input name="min_kg" size="5" value="{{ request.args.get('min_kg','') }}"> <label>\
<input type="checkbox" name="view" value="cube" {% if cube %}checked{% endif %}>cube</label>\
 <input type="submit" value="show"></form>
<p><a href="{{ request.full_path }}&format=csv">download CSV</a> · {{ rows|length }} rows</p>
{% if cube %}<table id="cube"><tr><th>agency</th><th>drug</th><th>country</th><th>year</th><th class="num">\
seizures</th><th class="num">total kg</th></tr>{% for r in rows %}<tr><td>{{ r.agency }}</td><td>{{ r.drug }}</td>\
<td>{{ r.country }}</td><td>{{ r.year }}</td><td class="num">\
<a href="{{ url_for('seizures_page', ids=r.seizure_ids|join(',')) }}">{{ r.seizures }}</a></td><td class="num">\
{{ r.total_kg }}</td></tr>{% endfor %}</table>
{% else %}<table id="seizures"><tr><th>date</th><th>drug</th><th>amount</th><th>place</th><th>agency</th><th>\
concealment</th><th>transport</th><th>evidence</th></tr>{% for r in rows %}<tr><td>{{ r.date or '' }}<br>\
<span class="muted">{{ r.date_kind or '' }}</span></td><td>{{ r.drug }}</td><td>{{ r.amount_text or '' }}</td><td>\
{{ r.place or '' }}{% if r.country %}<br><span class="muted">{{ r.country }}</span>{% endif %}</td><td>\
{{ r.agency or '' }}</td><td>{{ r.concealment_text or '' }}</td><td>{{ r.transport or '' }}</td><td class="kwic">\
<a href="{{ url_for('document_page', doc_id=r.doc_id, seizure=r.seizure_id) }}#seizure">{{ r.sentence }}</a>\
{% if r.n_sources > 1 %}<br><span class="muted">\
{{ r.n_sources }} sources: {% for d in r.sources %}<a href="{{ url_for('document_page', doc_id=d) }}">{{ d }}</a>\
 {% endfor %}</span>{% endif %}</td></tr>{% endfor %}</table>{% endif %}
""", rows=records(df), cube=cube)

    @app.route(f"/document/<int(max={MAX_ID}):doc_id>")
    def document_page(doc_id):
        """The reader: the text with page markers and entities highlighted, a sidebar of the
        document's entities, the hit of a search (``at``: a character offset; ``find``: words)
        marked and scrolled to, with next/previous, the document's tags and a link to the original."""
        import json

        from docmine.seizures.table import parts_of

        seizure = int_arg("seizure")
        at = int_arg("at")
        find = text_arg("find").strip()
        with store() as s:
            d = s.query("SELECT doc_id, path, title, date, format, language, pages, page_starts, text, meta"
                        " FROM documents WHERE doc_id=?", (doc_id,))
            if not d:
                abort(404)
            d = d[0]
            ms = s.query("SELECT m.start, m.end, m.label, e.canonical FROM mentions m JOIN entities e USING(entity_id)"
                         " WHERE m.doc_id=? ORDER BY m.start", (doc_id,))
            parts = []
            if seizure is not None and s.query("SELECT 1 FROM sqlite_master WHERE name='seizures'"):
                row = s.query("SELECT doc_id FROM seizures WHERE seizure_id=?", (seizure,))
                if row and row[0][0] == doc_id:
                    parts = parts_of(s, [seizure]).get(seizure, [])
            tags = (s.query("SELECT tag, note FROM tags WHERE kind='document' AND target=? ORDER BY tag", (d["path"],))
                    if s.version() >= 5 else [])
        text = d["text"]
        hits = find_hits(text, find) if find else []
        if at is not None:
            hit = next(((m["start"], m["end"]) for m in ms if m["start"] <= at < m["end"]), None)
            hits.insert(0, hit or (min(at, len(text)), min(at + 1, len(text))))
        sidebar: dict[str, dict[str, int]] = {}
        for m in ms:
            sidebar.setdefault(m["label"], {}).setdefault(m["canonical"], 0)
            sidebar[m["label"]][m["canonical"]] += 1
        sidebar = {lab: dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))) for lab, c in sidebar.items()}
        page_starts = json.loads(d["page_starts"] or "[0]")
        try:  # the languages of a document's parts when it mixes languages (docmine.nlp.language_parts)
            other = [p[2] for p in json.loads(d["meta"] or "{}").get("language_parts") or [] if p[2] != d["language"]]
        except (ValueError, AttributeError, TypeError, IndexError):
            other = []
        other_langs = ", ".join(dict.fromkeys(str(x) for x in other))
        return page(d["title"] or d["path"], """
<h1>{{ d.title or d.path }}</h1><p class="muted">{{ d.path }} · {{ d.date or 'no date' }} · {{ d.format }}\
{% if d.language %} · {{ d.language }}{% endif %}{% if other_langs %} \
<span id="langparts">(with parts in {{ other_langs }})</span>{% endif %} · \
{{ d.pages }} page{{ '' if d.pages == 1 else 's' }} · \
<a id="original" href="{{ url_for('original_file', doc_id=d.doc_id) }}" target="_blank" rel="noopener">\
original file</a></p>
<div class="tags" id="tags">{% for t in tags %}<span title="{{ t.note }}">{{ t.tag }}</span>{% endfor %}</div>
{% if writable %}<div class="actions"><button id="star">☆ star</button>
<input id="tagname" size="14" placeholder="tag"> <input id="tagnote" size="24" placeholder="note (optional)">
<button id="addtag">add tag</button> <span id="msg"></span></div>{% endif %}
{% if parts %}<p id="seizure">Seizure record {{ seizure }}: {% for s, e, role in parts %}<b>{{ role }}</b>\
 “{{ d.text[s:e] }}”{% if not loop.last %}, {% endif %}{% endfor %} (outlined below)</p>{% endif %}
{% if n_hits %}<p id="hitnav"><b id="hitpos">1</b> of {{ n_hits }} hit{{ '' if n_hits == 1 else 's' }} · \
<a id="prevhit" href="#">previous</a> · <a id="nexthit" href="#">next</a></p>{% endif %}
<div class="reader"><div class="doc">{{ highlighted }}</div>
<div class="side" id="sidebar"><p>{% for l, c in colors.items() %}<mark style="background:{{ c }}">{{ l }}</mark> \
{% endfor %}</p>{% for lab, ents in sidebar.items() %}<h4>{{ lab }}</h4>{% for name, n in ents.items() %}\
<div><a class="ent" href="#" data-e="{{ lab }}|{{ name }}">{{ name }}</a> \
<span class="muted">{{ n }}</span></div>{% endfor %}{% endfor %}</div></div>
<script>
let hits=[...document.querySelectorAll('.hit')],pos=0;
function show(i){if(!hits.length)return;pos=(i+hits.length)%hits.length;hits.forEach(h=>h.classList.remove('cur'));
hits[pos].classList.add('cur');hits[pos].scrollIntoView({block:'center'});const p=document.getElementById('hitpos');
if(p)p.textContent=pos+1;}
function step(d){show(pos+d);}
const seen={};function cycle(a){const k=a.dataset.e;const els=[...document.querySelectorAll('mark[data-e]')]
.filter(m=>m.dataset.e===k);if(!els.length)return;seen[k]=((seen[k]??-1)+1)%els.length;
document.querySelectorAll('.cur').forEach(h=>h.classList.remove('cur'));els[seen[k]].classList.add('cur');
els[seen[k]].scrollIntoView({block:'center'});}
async function tagDoc(tag){if(!tag)return;const note=(document.getElementById('tagnote')||{}).value||'';
const r=await dmWrite('{{ url_for('api.add_tag') }}',{doc:{{ d.doc_id }},tag:tag,note:note});
if(r){const s=document.createElement('span');s.textContent=tag;document.getElementById('tags').appendChild(s);}}
function on(id,f){const e=document.getElementById(id);if(e)e.addEventListener('click',ev=>{ev.preventDefault();f();});}
on('prevhit',()=>step(-1));on('nexthit',()=>step(1));on('star',()=>tagDoc('star'));
on('addtag',()=>tagDoc(document.getElementById('tagname').value.trim()));
document.querySelectorAll('a.ent').forEach(a=>a.addEventListener('click',ev=>{ev.preventDefault();cycle(a);}));
if(hits.length)show(0);
</script>
""", d=d, colors=COLORS, highlighted=highlight(text, ms, parts, page_starts=page_starts, hits=hits), parts=parts,
            seizure=seizure, tags=tags, sidebar=sidebar, n_hits=len(hits), other_langs=other_langs)

    @app.route(f"/original/<int(max={MAX_ID}):doc_id>")
    def original_file(doc_id):
        """The file the document was read from, read-only, only if it lies under a folder or file
        that was ingested into this store; a page of another format downloads instead of rendering."""
        from flask import send_file

        with store() as s:
            paths = [r[0] for r in s.query("SELECT path FROM files WHERE doc_id=? ORDER BY path", (doc_id,))]
            if not paths:
                paths = [r[0] for r in s.query("SELECT path FROM documents WHERE doc_id=?", (doc_id,))]
            roots = cache.get(("ingested_roots",), lambda: ingested_roots(s))  # exact: never stale
        for path in paths:
            real = original_path(path, roots)
            if real is not None:
                inline = real.lower().endswith((".pdf", ".txt", ".png", ".jpg", ".jpeg"))
                resp = send_file(real, as_attachment=not inline, conditional=True,
                                 mimetype="text/plain" if real.lower().endswith(".txt") else None)
                resp.headers["Content-Security-Policy"] = "sandbox"  # an original never runs in the app's origin
                return resp
        abort(Response("the original file of this document is not available: it was moved or deleted, or it lies"
                       " outside the folders ingested into this store", status=404, mimetype="text/plain"))

    return app


class StateCache:
    """Results of whole-store queries, kept while the store file is unchanged.

    A commit changes the size or time of the store's file or of its write-ahead log, so the key
    (size and modification time of both) changes with every write, including an ingest's batches,
    ``docmine topics`` and ``canonicalize``; everything kept for the old state is dropped, unless it
    is younger than ``max_stale_s`` seconds (0: never kept across a write)."""

    def __init__(self, db: str, size: int = 64, max_stale_s: float = 0.0):
        import threading
        import time

        self.clock = time.monotonic
        self.max_stale_s, self.since = max_stale_s, 0.0

        self.paths = (db, db + "-wal")
        self.size = size
        self.state: tuple | None = None
        self.items: dict[tuple, object] = {}
        self.lock = threading.Lock()
        self.flights: dict[tuple, threading.Lock] = {}  # key -> held while one thread computes it

    def _state(self) -> tuple:
        import os

        out: list[int | None] = []
        for path in self.paths:
            try:
                st = os.stat(path)
                out += [st.st_size, st.st_mtime_ns]
            except OSError:
                out += [None, None]
        return tuple(out)

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """The value kept for ``key`` in the store's current state, else ``compute()``'s. One thread
        computes a key at a time: the requests that arrive meanwhile (every client, right after an
        ingest batch) wait for its value instead of computing it again side by side."""
        import threading

        with self.lock:
            flight = self.flights.setdefault(key, threading.Lock())
        with flight:
            state: tuple | None = self._state()
            with self.lock:
                if state != self.state and (not self.max_stale_s or self.clock() - self.since > self.max_stale_s):
                    self.state, self.items, self.since = state, {}, self.clock()
                    # forget the locks of keys nobody computes (a key's lock is made again when needed)
                    self.flights = {k: f for k, f in self.flights.items() if f.locked()}
                elif state != self.state:
                    state = self.state  # tolerably stale: serve what is kept
                if key in self.items:
                    return self.items[key]
            value = compute()
            with self.lock:
                if self.state == state:
                    if len(self.items) >= self.size:
                        self.items.pop(next(iter(self.items)))
                    self.items[key] = value
            return value


def host_allowed(host: str, allowed: set[str]) -> bool:
    """Whether a request's Host header (``name[:port]``) is an IP address or an allowed name."""
    name = host.strip().lower()
    m = re.fullmatch(r"\[([0-9a-f:.]+)\](?::\d+)?|([^:\[\]]*)(?::\d+)?", name)
    if not m:
        return False
    name = (m.group(1) or m.group(2) or "").rstrip(".")
    try:
        ipaddress.ip_address(name)
        return True
    except ValueError:
        return name in allowed


def content_disposition(filename: str) -> str:
    """An ``attachment`` header for any file name (RFC 6266): an ASCII ``filename`` with every
    other character replaced, and the exact name as UTF-8 in ``filename*`` (RFC 5987)."""
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", filename).strip("._") or "download"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _csv_chunks(df: pd.DataFrame, rows: int = 2000) -> Iterator[bytes]:
    """The table as CSV (cells safe for spreadsheets), encoded to UTF-8 a few thousand rows at a time."""
    from docmine.export import safe_cells

    for start in range(0, max(len(df), 1), rows):
        buf = io.StringIO()
        safe_cells(df.iloc[start: start + rows]).to_csv(buf, index=False, header=start == 0)
        yield buf.getvalue().encode("utf-8")


def highlight(text: str, mentions, parts=(), page_starts: Iterable[int] = (), hits=()) -> Markup:
    """displaCy-style highlighting; every piece of document text is escaped. ``parts`` (start,
    end, role) of a seizure record are outlined and titled with their role; ``page_starts``
    become page markers (``id="p2"``...); ``hits`` (start, end) are marked ``class="hit"`` (a
    mention they overlap is marked whole)."""
    items = [dict(m) for m in mentions]
    covered = [(m["start"], m["end"]) for m in items]
    for s, e, role in parts:
        found = next((m for m in items if m["start"] == s and m["end"] == e), None)
        if found is not None:
            found["role"] = role
        elif not any(a < e and s < b for a, b in covered):
            items.append({"start": s, "end": e, "label": role, "canonical": role, "role": role})
    for s, e in hits:
        over = [m for m in items if m["start"] < e and s < m["end"]]
        for m in over:
            m["hit"] = True
        if not over:
            items.append({"start": s, "end": e, "label": "", "canonical": "", "plainhit": True})
    items.sort(key=lambda m: m["start"])
    marks = sorted(p for p in page_starts if 0 < p <= len(text))
    out, pos = [], 0

    def plain(a: int, b: int) -> None:
        """Text from a to b, with the page markers that fall inside it."""
        nonlocal marks
        while marks and marks[0] < b:
            p = max(marks.pop(0), a)
            out.append(escape(text[a:p]))
            n = len([x for x in page_starts if 0 < x <= p]) + 1
            out.append(Markup('<span class="pg" id="p{}">page {}</span>').format(n, n))
            a = p
        out.append(escape(text[a:b]))

    for m in items:
        if m["start"] < pos:
            continue
        plain(pos, m["start"])
        seg = text[m["start"]: m["end"]]
        cls = ' class="hit"' if m.get("hit") else ""
        if m.get("plainhit"):
            out.append(Markup('<mark class="hit">{}</mark>').format(seg))
        elif m.get("role"):
            box = Markup('<span class="part{}" title="{}" style="outline:2px solid #1f3b57">{}</span>')
            out.append(box.format(" hit" if m.get("hit") else "", m["role"], seg))
        else:
            url = f"/entity/{escape(m['label'])}/{escape(_urlquote(m['canonical']))}"
            tag = Markup('<mark{} data-e="{}|{}" style="background:{}" title="{}"><a href="{}">{}</a>'
                         '<span class="lab">{}</span></mark>')
            out.append(tag.format(Markup(cls), m["label"], m["canonical"], COLORS.get(m["label"], "#ddd"),
                                  m["canonical"], url, seg, m["label"]))
        pos = m["end"]
    plain(pos, len(text))
    return Markup("").join(out)


def kwic_html(snippet: str) -> Markup:
    """A snippet whose hit lies between :data:`MARKS`, escaped, with the hit in <mark>."""
    html = str(escape(snippet or ""))
    return Markup(html.replace(MARKS[0], '<mark class="kw">').replace(MARKS[1], "</mark>"))


def find_hits(text: str, query: str, limit: int = 500) -> list[tuple[int, int]]:
    """Where the words of a full-text query occur in ``text`` (whole words, any case; FTS operators
    and quotes ignored; a trailing ``*`` matches a prefix), at most ``limit``."""
    words = [w for w in re.findall(r"\w+\*?", query) if w.upper() not in ("AND", "OR", "NOT", "NEAR")]
    if not words:
        return []
    alts = "|".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(rf"\b(?:{alts})\b", text, re.IGNORECASE)][:limit]


def ingested_roots(s: Store) -> list[str]:
    """The real paths of the files and folders ingested into the store (from its runs)."""
    import json

    roots: set[str] = set()
    for (info,) in s.query("SELECT info FROM runs WHERE command='ingest' AND info IS NOT NULL"):
        try:
            data = json.loads(info)
        except ValueError:
            continue
        given = (data.get("roots") or []) + (data.get("paths") or [])  # stores before 0.x kept only "paths"
        roots.update(r for r in given if isinstance(r, str) and os.path.isabs(r))
    return sorted(roots)


def original_path(path: str, roots: Iterable[str]) -> str | None:
    """``path`` resolved, if it is a regular file that lies under one of ``roots``; else None
    (a file replaced by a link to elsewhere, or a store whose runs do not name their folders)."""
    try:
        real = os.path.realpath(path)
    except (OSError, ValueError):
        return None
    for root in roots:
        root = os.path.realpath(root)
        if (real == root or real.startswith(root.rstrip(os.sep) + os.sep)) and os.path.isfile(real):
            return real
    return None


def _urlquote(s: str) -> str:
    from urllib.parse import quote

    return quote(s, safe="")


def serve(db: str, host: str = "127.0.0.1", port: int = 8765, allowed_hosts: Iterable[str] = (), *,
          read_only: bool = False, token: str | None = None, aliases: str | None = None) -> None:
    """Serve the app on ``host:port``; ``allowed_hosts`` as in :func:`create_app` (``host`` is allowed too).

    Writes (tags, entity clean-up) are allowed on a loopback address, or on another address with an
    access ``token``; ``read_only`` turns them off."""
    try:  # read new documents for seizures once
        from docmine.seizures.build import update_seizures

        with Store(db, create=False) as s:
            update_seizures(s)
    except Exception as exc:  # a read-only store: serve the records it has
        print(f"docmine: seizure records not updated ({exc}); run `docmine seizures` to update them")
    why = ""
    if read_only:
        why = "it was started with --read-only"
    elif not is_loopback(host) and not token:
        why = (f"it listens on {host}, beyond this machine, without an access token; start it with --token TOKEN"
               " to allow tags and clean-up")
    app = create_app(db, allowed_hosts=[host, *allowed_hosts], writable=not why, token=token, aliases=aliases,
                     read_only_why=why)
    warm_up(app, token)
    mode = f"read-only: {why}" if why else "tags and entity clean-up allowed"
    print(f"docmine serving {db} on http://{host}:{port}/ ({mode}; Ctrl+C to stop)")
    if token:
        print(f"open it once as http://{host}:{port}/?token=... ; scripts send 'Authorization: Bearer ...'")
    app.run(host=host, port=port, debug=False, use_reloader=False)


def warm_up(app: Flask, token: str | None = None) -> None:
    """Count the store once before the first visitor: the overview, the co-mention counts by
    document and by sentence that entity, co-mention and evidence pages read, the names
    autocomplete offers, the map's places and their coordinates (on 10,000 documents a few seconds;
    without it the first visitors of each page wait for these counts together); and one search,
    which loads the lexicon of canonical names search and evidence match against (a quarter of a
    second, else the first search's)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with app.test_client() as c:
        for url in ("/", "/comention", "/comention?window=sentence", "/autocomplete?q=ab", "/search?q=ab", "/map"):
            c.get(url, headers=headers)


def is_loopback(host: str) -> bool:
    """Whether a bind address only reaches this machine."""
    if host.lower().rstrip(".") in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
