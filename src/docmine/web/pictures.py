"""The workbench's pictures as inline SVG: an entity's ego network, the map of places, and the
diverging colour of an association measure. Drawn on the server from the store's numbers, every
name escaped, nothing fetched from the network."""
from __future__ import annotations

import math
from collections.abc import Sequence
from urllib.parse import quote

from markupsafe import Markup

COLORS = {"PERSON": "#aec7e8", "ORG": "#ffbb78", "DRUG": "#ff9896", "PLACE": "#98df8a", "QUANTITY": "#c5b0d5"}
"""The highlight colour of each label (one per :data:`docmine.nlp.mention.LABELS`)."""


def _entity_url(label: str, name: str) -> str:
    return f"/entity/{quote(label, safe='')}/{quote(name, safe='')}"


def _short(name: str, n: int = 22) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"


def ego_svg(name: str, label: str, partners: Sequence[dict], size: int = 440) -> Markup:
    """The entity in the middle, its co-mentioned entities around it; an edge's width grows with
    the documents they share, a node's colour is its label; every node links to its page.
    ``partners``: dicts with ``col``, ``col_label``, ``count`` (documents together), ``npmi``."""
    if not partners:
        return Markup('<p class="muted" id="ego-empty">No co-mentioned entities.</p>')
    cx = cy = size / 2
    radius = size / 2 - 70
    top = max(int(p["count"]) for p in partners) or 1
    edges, nodes = [], []
    for i, p in enumerate(partners):
        angle = 2 * math.pi * i / len(partners) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        width = 1 + 7 * int(p["count"]) / top
        edges.append(Markup('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#8899aa" '
                            'stroke-opacity=".7" stroke-width="{:.1f}"><title>{} documents together, NPMI {:.2f}'
                            '</title></line>').format(cx, cy, x, y, width, int(p["count"]), float(p["npmi"])))
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        dx = 12 if anchor == "start" else -12 if anchor == "end" else 0
        dy = 4 if anchor != "middle" else (18 if math.sin(angle) > 0 else -12)
        nodes.append(Markup('<a class="ego-node" href="{}"><circle cx="{:.1f}" cy="{:.1f}" r="9" fill="{}" '
                            'stroke="#555"><title>{} ({})</title></circle><text x="{:.1f}" y="{:.1f}" '
                            'text-anchor="{}" font-size="11">{}</text></a>').format(
            _entity_url(p["col_label"], p["col"]), x, y, COLORS.get(p["col_label"], "#ddd"), p["col"],
            p["col_label"], x + dx, y + dy, anchor, _short(str(p["col"]))))
    center = Markup('<circle cx="{:.1f}" cy="{:.1f}" r="14" fill="{}" stroke="#222" stroke-width="2"><title>{}'
                    '</title></circle><text x="{:.1f}" y="{:.1f}" text-anchor="middle" font-size="12" '
                    'font-weight="700">{}</text>').format(cx, cy, COLORS.get(label, "#ddd"), name, cx, cy + 30,
                                                          _short(name, 30))
    return Markup('<svg id="ego" viewBox="-130 0 {} {}" width="{}" height="{}" role="img" aria-label="{}">{}{}{}'
                  '</svg>').format(size + 260, size, size + 260, size, f"co-mentions of {name}",
                                   Markup("").join(edges), center, Markup("").join(nodes))


def map_svg(places: Sequence[dict], base_url: str, width: int = 1000, height: int = 380) -> Markup:
    """Places as circles (area by documents) over the base map; each links to its entity page.
    ``places``: dicts with ``place``, ``documents``, ``lat``, ``lon``."""
    from docmine.analysis.geo import project

    top = max([int(p["documents"]) for p in places] + [1])
    dots = []
    for p in sorted(places, key=lambda p: -int(p["documents"])):  # small dots drawn last, on top
        x, y = project(float(p["lat"]), float(p["lon"]), width, height)
        r = 3 + 15 * math.sqrt(int(p["documents"]) / top)
        dots.append(Markup('<a class="place" href="{}"><circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}" fill="#d62728" '
                           'fill-opacity=".55" stroke="#7f1111"><title>{}: {} documents</title></circle></a>').format(
            _entity_url("PLACE", p["place"]), x, y, r, p["place"], int(p["documents"])))
    return Markup('<svg id="map" viewBox="0 0 {w} {h}" width="100%" style="max-width:{w}px;border:1px solid #ddd" '
                  'role="img" aria-label="map of places"><image href="{b}" x="0" y="0" width="{w}" height="{h}"/>'
                  '{d}</svg>').format(w=width, h=height, b=base_url, d=Markup("").join(dots))


def diverging(value: float | None, vmax: float) -> str:
    """A cell's background for a signed measure: red above 0, blue below, white at 0; an empty
    cell (no pair) is grey, so "no evidence" never looks like "independent"."""
    if value is None or value != value:
        return "background:#eeeeee"
    t = max(-1.0, min(1.0, float(value) / (vmax or 1.0)))
    if t >= 0:
        return f"background:rgba(214,39,40,{t:.2f})"
    return f"background:rgba(31,119,180,{-t:.2f})"
