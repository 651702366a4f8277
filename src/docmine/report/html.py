"""Render the collection report: summary, entity charts, ORG x DRUG heatmap, topics, timelines,
failures. Everything from the store is escaped by Jinja2's autoescaping; pictures are inline
SVG produced by matplotlib, so the file opens offline."""
from __future__ import annotations

import io
import json

import pandas as pd

from docmine.store import DEFAULT_DB, Store

COLORS = {"PERSON": "#4c78a8", "ORG": "#f58518", "DRUG": "#e45756", "PLACE": "#54a24b", "QUANTITY": "#b279a2"}
"""The colour of each label in the report's charts (one per :data:`docmine.nlp.mention.LABELS`)."""

TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>docmine report: {{ db }}</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222;\
padding:0 1rem}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;\
text-align:left;vertical-align:top}
th{background:#f3f3f3}.num{text-align:right}.cards{display:flex;gap:1rem;flex-wrap:wrap}
.card{background:#f6f8fa;border-radius:8px;padding:.8rem 1.2rem;min-width:8rem}.card b{display:block;font-size:1.5rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(480px,1fr));gap:1rem}figure{margin:0}\
svg{max-width:100%;height:auto}
.muted{color:#666;font-size:.85rem}
</style></head><body>
<h1>docmine report</h1>
<p class="muted">Store {{ db }} · generated {{ generated }} · docmine {{ version }}</p>
{% if subset %}<p><b>Only {{ subset }}</b> (documents, entities, co-mentions, topic sizes, timelines and
seizures; the failures are the whole store's).</p>{% endif %}
<div class="cards">
{% for k, v in cards %}<div class="card"><b>{{ v }}</b>{{ k }}</div>{% endfor %}
</div>

<h2>Entities by label</h2>
<div class="grid">
{% for label, svg in entity_charts %}<figure><figcaption><b>{{ label }}</b>: most mentioned</figcaption>{{ svg|safe }}\
</figure>{% endfor %}
</div>

<h2>Agencies and drugs: ORG × DRUG co-mention (NPMI, document window)</h2>
{% if heatmap %}{{ heatmap|safe }}
<table><tr><th>organisation</th><th>drug</th><th class="num">documents together</th><th class="num">NPMI</th>\
<th class="num">p (Fisher)</th></tr>
{% for r in top_pairs %}<tr><td>{{ r.row }}</td><td>{{ r.col }}</td><td class="num">{{ r.count }}</td><td class="num">\
{{ '%.3f'|format(r.npmi) }}</td><td class="num">{{ '%.3g'|format(r.p_value) }}</td></tr>{% endfor %}
</table>{% else %}<p>Not enough ORG and DRUG mentions for a co-mention table.</p>{% endif %}

<h2>Seizures</h2>
{% if seizures %}<p class="muted">{{ seizures|length }} seizures reported (one seizure reported by several documents is
one row); <code>docmine seizures --evidence</code> prints each with its sentence.</p>
{% if seizure_chart %}<figure><figcaption>Seized kilograms per month, by drug (weighed seizures)</figcaption>\
{{ seizure_chart|safe }}</figure>{% endif %}
<h3>Agency × drug × country × year</h3>
<table><tr><th>agency</th><th>drug</th><th>country</th><th>year</th><th class="num">seizures</th><th class="num">\
total kg</th><th>seizure ids</th></tr>
{% for r in cube %}<tr><td>{{ r.agency }}</td><td>{{ r.drug }}</td><td>{{ r.country }}</td><td>{{ r.year }}</td>\
<td class="num">{{ r.seizures }}</td><td class="num">{{ r.total_kg }}</td><td>{{ r.seizure_ids|join(', ') }}</td>\
</tr>{% endfor %}</table>
<h3>Seizure records</h3>
<table><tr><th>id</th><th>date</th><th>drug</th><th>amount</th><th>place</th><th>agency</th><th>concealment</th><th>\
evidence</th></tr>
{% for r in seizures[:100] %}<tr><td>{{ r.seizure_id }}</td><td>{{ r.date or '' }}</td><td>{{ r.drug }}</td><td>\
{{ r.amount_text or '' }}</td><td>{{ r.place or '' }}{% if r.country %} ({{ r.country }}){% endif %}</td><td>\
{{ r.agency or '' }}</td><td>{{ r.concealment_text or '' }}</td><td>{{ r.sentence }}<br><span class="muted">\
{{ r.path }}{% if r.n_sources > 1 %} and {{ r.n_sources - 1 }} more{% endif %}</span></td></tr>{% endfor %}</table>
{% else %}<p>No seizure records: run <code>docmine seizures</code> after ingest.</p>{% endif %}

<h2>Topics</h2>
{% if topics %}<table><tr><th>#</th><th>label</th><th class="num">documents</th><th>top entities</th></tr>
{% for t in topics %}<tr><td>{{ t.topic }}</td><td>{{ t.label }}</td><td class="num">{{ t.size }}</td><td>\
{{ t.entities }}</td></tr>{% endfor %}
</table>{% else %}<p>No topics yet: run <code>docmine topics</code>.</p>{% endif %}

<h2>Timeline</h2>
<div class="grid">{% if timeline %}<figure><figcaption>Documents per month</figcaption>{{ timeline|safe }}</figure>\
{% endif %}
{% if drug_timeline %}<figure><figcaption>Top drugs: documents per month</figcaption>{{ drug_timeline|safe }}</figure>\
{% endif %}</div>

<h2>Documents</h2>
<table><tr><th>title</th><th>date</th><th>format</th><th>language</th><th>path</th><th class="num">mentions</th></tr>
{% for d in documents %}<tr><td>{{ d.title or '' }}</td><td>{{ d.date or '' }}</td><td>{{ d.format }}</td><td>\
{{ d.language or '' }}</td><td>\
{{ d.path }}</td><td class="num">{{ d.mentions }}</td></tr>{% endfor %}
</table>

<h2>Failures</h2>
{% if failures %}<table><tr><th>file</th><th>stage</th><th>reason</th></tr>
{% for f in failures %}<tr><td>{{ f.path }}</td><td>{{ f.stage }}</td><td>{{ f.reason }}</td></tr>{% endfor %}
</table>{% else %}<p>No file failed.</p>{% endif %}
</body></html>
"""



def _months(dates: pd.Series) -> pd.Series:
    """Month periods of ISO dates of any precision ("2021", "2021-05", "2021-05-03"); pandas'
    default parser guesses one format from the first value and loses the others."""
    return pd.to_datetime(dates, errors="coerce", format="ISO8601").dt.to_period("M")


def month_counts(dates: pd.Series) -> pd.Series:
    """Documents per month, every month from the first to the last (an empty month is 0)."""
    months = _months(dates).dropna()
    if months.empty:
        return pd.Series(dtype=int)
    counts = months.value_counts()
    return counts.reindex(pd.period_range(months.min(), months.max(), freq="M"), fill_value=0)

def _svg(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.find("<svg"):]  # drop the XML prolog and doctype


def _bar(series: pd.Series, color: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(5.5, 0.3 * len(series) + 0.8))
    ax.barh([str(x)[:40] for x in series.index[::-1]], series.values[::-1], color=color)
    ax.set_xlabel("mentions")
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig)


def build_report(store: Store, db_name: str = DEFAULT_DB, tag: str | None = None, lang: str | None = None) -> str:
    """The report as one HTML string; ``tag`` / ``lang``: of the documents that carry the tag (or
    mention an entity that does) / are in that language only."""
    import datetime as dt

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from jinja2 import Environment

    from docmine.analysis.comention import comention
    from docmine.analysis.entities import TABLE_ORDER, entity_table
    from docmine.analysis.search import _filters
    from docmine.export import documents_df, records
    from docmine.version import __version__

    fsql, fparams = _filters(lang=lang, tag=tag)
    keep = None if not fsql else {r[0] for r in store.query(f"SELECT d.doc_id FROM documents d WHERE 1=1{fsql}",
                                                            tuple(fparams))}
    docs = documents_df(store)
    if keep is not None:
        docs = docs[docs["doc_id"].isin(keep)].reset_index(drop=True)
    counts = store.query("SELECT m.label, COUNT(*) FROM mentions m JOIN documents d USING(doc_id)"
                         f" WHERE 1=1{fsql} GROUP BY m.label", tuple(fparams))
    n_fail = store.query("SELECT COUNT(*) FROM failures")[0][0]
    cards: list[tuple[str, object]] = [("documents", len(docs)),
                                       ("pages", int(docs["pages"].sum()) if len(docs) else 0)]
    cards += [(f"{lab} mentions", n) for lab, n in counts] + [("failed files", n_fail)]
    if len(docs):
        langs = docs["language"].fillna("?").value_counts()
        cards.append(("languages", ", ".join(f"{k} {n}" for k, n in langs.items())))
    charts = []
    for label in TABLE_ORDER:
        t = entity_table(store, label, top=15, lang=lang, tag=tag)
        if not t.empty:
            charts.append((label, _bar(t.set_index("entity")["mentions"], COLORS.get(label, "#888888"))))
    heat, pairs = "", []
    table = comention(store, "ORG", "DRUG", min_count=2, lang=lang, tag=tag)
    if not table.empty:
        import os
        import tempfile

        from docmine.analysis.network import heatmap

        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "h.svg")
            heatmap(table, path, "npmi", max_rows=15, max_cols=12)
            heat = open(path, encoding="utf-8").read()
            heat = heat[heat.find("<svg"):]
        pairs = table.sort_values(["npmi", "count"], ascending=False).head(15).to_dict("records")
    topics = []
    sizes = None
    if keep is not None:
        from docmine.analysis.topics import topic_table

        sizes = dict(zip(*(topic_table(store, tag=tag, lang=lang)[c] for c in ("topic", "size")), strict=True))
    for r in store.query("SELECT topic, label, size, entities FROM topics ORDER BY topic"):
        ents = json.loads(r["entities"] or "[]")
        topics.append({"topic": r["topic"], "label": r["label"],
                       "size": r["size"] if sizes is None else sizes.get(r["topic"], 0),
                       "entities": ", ".join(str(e) for e in ents[:8])})
    timeline = drug_timeline = ""
    dated = docs.dropna(subset=["date"])
    if len(dated):
        months = month_counts(dated["date"])
        fig, ax = plt.subplots(figsize=(5.5, 2.6))
        ax.bar([str(p) for p in months.index], months.values, color="#4c78a8")
        ax.tick_params(axis="x", rotation=70, labelsize=7)
        ax.spines[["top", "right"]].set_visible(False)
        timeline = _svg(fig)
        dm = store.df("SELECT e.canonical AS drug, d.date FROM mentions m JOIN entities e USING(entity_id)"
                      f" JOIN documents d USING(doc_id) WHERE m.label='DRUG' AND d.date IS NOT NULL{fsql}"
                      " GROUP BY m.doc_id, e.entity_id", tuple(fparams))
        if len(dm):
            top = dm["drug"].value_counts().head(5).index
            dm = dm[dm["drug"].isin(top)]
            dm["month"] = _months(dm["date"])
            pivot = dm.pivot_table(index="month", columns="drug", values="date", aggfunc="count")
            # every month between the first and the last, so a quiet month shows as 0, not as nothing
            if len(pivot):
                pivot = pivot.reindex(pd.period_range(pivot.index.min(), pivot.index.max(), freq="M"), fill_value=0)
            pivot = pivot.fillna(0)
            pivot.index = pivot.index.astype(str)
            fig, ax = plt.subplots(figsize=(5.5, 2.6))
            for col in pivot.columns:
                ax.plot(pivot.index, pivot[col], marker="o", ms=3, label=str(col))
            ax.tick_params(axis="x", rotation=70, labelsize=7)
            ax.legend(fontsize=7)
            ax.spines[["top", "right"]].set_visible(False)
            drug_timeline = _svg(fig)
    from docmine.seizures.table import seizure_cube, seizure_table

    seizures = seizure_table(store, update=False, doc_ids=keep)
    seizure_chart = ""
    weighed = seizures.dropna(subset=["kg", "date"]) if len(seizures) else seizures
    if len(weighed):
        month = _months(weighed["date"]).dt.to_timestamp()
        pivot = weighed.assign(month=month).pivot_table(index="month", columns="drug", values="kg", aggfunc="sum")
        top = weighed.groupby("drug")["kg"].sum().sort_values(ascending=False).head(6).index
        fig, ax = plt.subplots(figsize=(7, 2.8))
        for col in top:
            series = pivot[col].dropna()
            ax.plot(series.index, series.values, marker="o", ms=4, lw=0, label=str(col))  # a real time axis
        ax.set_yscale("log")
        ax.set_ylabel("kg")
        ax.legend(fontsize=7)
        ax.spines[["top", "right"]].set_visible(False)
        seizure_chart = _svg(fig)
    failures = [dict(r) for r in store.query("SELECT path, stage, reason FROM failures ORDER BY path")]
    env = Environment(autoescape=True)
    return env.from_string(TEMPLATE).render(
        db=db_name, generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"), version=__version__, cards=cards,
        subset=" and ".join(([f"the documents tagged {tag!r} (or mentioning an entity tagged so)"] if tag else [])
                            + ([f"the documents in language {lang!r}"] if lang else [])),
        entity_charts=charts, heatmap=heat, top_pairs=pairs, topics=topics, timeline=timeline,
        drug_timeline=drug_timeline, documents=records(docs), failures=failures, seizures=records(seizures),
        cube=records(seizure_cube(seizures).head(40)), seizure_chart=seizure_chart)
