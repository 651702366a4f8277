"""Co-mention tables as networks (GraphML, GEXF for Gephi) and heatmap images."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value) -> str:
    """``value`` as text GraphML and GEXF can hold: a character XML forbids (a NUL byte a PDF left in
    a name) becomes U+FFFD instead of failing the whole export."""
    return _NOT_XML.sub("\ufffd", str(value))


def to_graph(table: pd.DataFrame, measure: str = "npmi"):
    """An undirected networkx graph: nodes are entities, edges carry the measure.

    Node ids are ``TYPE:name``; each node's ``label`` is the entity's canonical name (what Gephi
    and yEd show), ``type`` its entity label (ORG, DRUG, ...), plus ``name`` and ``frequency``.
    """
    import networkx as nx

    g = nx.Graph()
    rows_label = table.attrs.get("rows", "ROW")
    cols_label = table.attrs.get("cols", "COL")
    for r in table.itertuples(index=False):
        for name, label, freq in ((r.row, rows_label, r.row_count), (r.col, cols_label, r.col_count)):
            node = _xml_text(f"{label}:{name}")
            if node not in g:
                g.add_node(node, label=_xml_text(name), name=_xml_text(name), type=_xml_text(label),
                           frequency=int(freq))
        g.add_edge(_xml_text(f"{rows_label}:{r.row}"), _xml_text(f"{cols_label}:{r.col}"),
                   weight=float(getattr(r, measure)),
                   count=int(r.count), documents=int(r.documents), measure=measure)
    return g


def write_network(table: pd.DataFrame, out: str, measure: str = "npmi") -> None:
    import networkx as nx

    g = to_graph(table, measure)
    if out.endswith(".graphml"):
        nx.write_graphml(g, out)
    elif out.endswith(".gexf"):
        nx.write_gexf(g, out)
    else:
        raise ValueError("network export needs a .graphml or .gexf file name")


def heatmap(table: pd.DataFrame, out: str, measure: str = "npmi", max_rows: int = 25, max_cols: int = 25) -> None:
    """A heatmap of the measure for the most frequent rows and columns (PNG or SVG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    if table.empty:
        raise ValueError("the co-mention table is empty: nothing to draw")
    rows = table.groupby("row")["row_count"].first().sort_values(ascending=False).head(max_rows).index
    cols = table.groupby("col")["col_count"].first().sort_values(ascending=False).head(max_cols).index
    m = table[table["row"].isin(rows) & table["col"].isin(cols)].pivot_table(
        index="row", columns="col", values=measure, aggfunc="first").reindex(index=rows, columns=cols)
    fig, ax = plt.subplots(figsize=(1.2 + 0.45 * len(cols), 1.5 + 0.35 * len(rows)))
    cmap = "RdBu_r" if measure in ("npmi", "pmi") else "viridis"
    vmax = 1 if measure == "npmi" else None
    im = ax.imshow(m.to_numpy(dtype=float), cmap=cmap, vmin=-1 if measure == "npmi" else None, vmax=vmax, aspect="auto")
    ax.set_xticks(range(len(cols)), [str(c)[:30] for c in cols], rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(rows)), [str(r)[:40] for r in rows], fontsize=8)
    attrs = table.attrs
    ax.set_title(f"{attrs.get('rows', '')} x {attrs.get('cols', '')}: {measure} ({attrs.get('window', '')})",
                 fontsize=9)
    fig.colorbar(im, ax=ax, shrink=0.8)
    fig.tight_layout()
    fig.savefig(out, format=Path(out).suffix.lstrip(".") or "png", dpi=120)
    plt.close(fig)
