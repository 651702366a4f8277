"""Seizure records as tables: one seizure reported by several documents counted once, filters,
and the agency x drug x country x year cube.

Two records are one seizure when they name the same drug, their amounts (same unit) differ by
at most ``AMOUNT_TOLERANCE``, their countries do not differ, and their dates (event or
published) are at most ``DATE_WINDOW_DAYS`` apart. A record without an amount joins a measured
record of the same drug in the same document (a headline and its body). Near-duplicate documents
(``documents.near_dup_of``) count as one source.
"""
from __future__ import annotations

import json
from datetime import date

import pandas as pd

from docmine.store import Store

AMOUNT_TOLERANCE = 0.05
DATE_WINDOW_DAYS = 7

COLUMNS = ["seizure_id", "doc_id", "path", "sentence", "date", "date_kind", "drug", "drug_text", "drug_class",
           "amount", "unit", "amount_text", "kg", "place", "place_text", "country", "agency", "agency_text",
           "concealment_text", "transport", "origin", "destination", "arrests", "sources", "n_sources",
           "record_ids", "start", "end", "language"]
"""What :func:`seizure_table` returns: the fields of ``docmine export seizures``, then ``kg`` (the
amount in kilograms when it is a weight), ``sources`` (the documents reporting it, a list of
doc ids), ``record_ids`` (the stored records merged into it) and the sentence's offsets."""


def _records(store: Store) -> pd.DataFrame:
    df = store.df(
        "SELECT s.seizure_id, s.doc_id, d.path, d.language, COALESCE(d.near_dup_of, d.doc_id) AS family,"
        " s.sent_start AS start, s.sent_end AS end, substr(d.text, s.sent_start + 1, s.sent_end - s.sent_start)"
        " AS sentence, s.sentence AS sent_idx,"
        " s.date, s.date_kind, s.drug, s.drug_text, s.drug_class, s.amount, s.unit, s.amount_text,"
        " s.place, s.place_text, s.country, s.agency, s.agency_text, s.concealment_text, s.transport, s.origin,"
        " s.destination, s.arrests, s.parts"
        " FROM seizures s JOIN documents d USING(doc_id) ORDER BY s.doc_id, s.sent_start, s.seizure_id")
    df["sentence"] = df["sentence"].str.strip()
    return df


def _day(value) -> int | None:
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except (TypeError, ValueError):
        return None


def _has(value) -> bool:
    return value is not None and not (isinstance(value, float) and pd.isna(value))


def _same(a: pd.Series, b: pd.Series) -> bool:
    if a["drug"] != b["drug"]:
        return False
    if _has(a["country"]) and _has(b["country"]) and a["country"] != b["country"]:
        return False
    da, db = _day(a["date"]), _day(b["date"])
    if da is not None and db is not None and abs(da - db) > DATE_WINDOW_DAYS:
        return False
    va, vb = a["amount"], b["amount"]
    if pd.notna(va) and pd.notna(vb):
        if a["unit"] != b["unit"] or max(va, vb) <= 0:
            return False
        return abs(va - vb) / max(va, vb) <= AMOUNT_TOLERANCE
    # without an amount only within one document (family) and near it: a headline and its lead,
    # "the cocaine" in the next sentence; not a background paragraph further down
    ia, ib = int(a["sent_idx"] or 0), int(b["sent_idx"] or 0)
    near = abs(ia - ib) <= 2
    return a["family"] == b["family"] and (pd.notna(va) or pd.notna(vb)) and near


def merge_records(df: pd.DataFrame) -> pd.DataFrame:
    """One row per seizure; the first record gives the evidence (one with an amount, dated by its
    sentence, from the earliest report: the agency's own release before a later article; then
    document order), the others fill its empty fields and add their documents to ``sources``."""
    if df.empty:
        return pd.DataFrame(columns=COLUMNS)
    parent = list(range(len(df)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows = [r for _, r in df.iterrows()]
    by_drug: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_drug.setdefault(r["drug"], []).append(i)
    measured = {i: (r["amount"], r["unit"]) if pd.notna(r["amount"]) else None for i, r in enumerate(rows)}

    def compatible(x, y) -> bool:
        if x is None or y is None:
            return True
        return x[1] == y[1] and max(x[0], y[0]) > 0 and abs(x[0] - y[0]) / max(x[0], y[0]) <= AMOUNT_TOLERANCE

    for idx in by_drug.values():
        for a_pos, i in enumerate(idx):
            for j in idx[a_pos + 1:]:
                ri, rj = find(i), find(j)
                # an amountless record joins one measured seizure, never bridges two
                if ri != rj and _same(rows[i], rows[j]) and compatible(measured[ri], measured[rj]):
                    parent[rj] = ri
                    measured[ri] = measured[ri] or measured[rj]
    groups: dict[int, list[int]] = {}
    for i in range(len(rows)):
        groups.setdefault(find(i), []).append(i)
    out = []
    for members in groups.values():
        members.sort(key=lambda i: (pd.isna(rows[i]["amount"]), rows[i]["date_kind"] != "event",
                                    rows[i]["date"] if _has(rows[i]["date"]) else "9999", i))
        first = rows[members[0]].to_dict()
        for i in members[1:]:
            for k, val in rows[i].items():
                if not _has(first.get(k)) and _has(val):
                    first[k] = val
        fams: dict = {}
        for i in sorted(members):
            fams.setdefault(rows[i]["family"], rows[i]["doc_id"])
        first["sources"] = sorted(fams.values())
        first["n_sources"] = len(first["sources"])
        first["record_ids"] = sorted(int(rows[i]["seizure_id"]) for i in members)
        out.append(first)
    res = pd.DataFrame(out)
    res["kg"] = res.apply(lambda r: r["amount"] if r["unit"] == "kg" else None, axis=1).astype(float)
    res["arrests"] = res["arrests"].astype("Int64")
    res = res.sort_values(["date", "doc_id", "start"], na_position="last").reset_index(drop=True)
    return res[COLUMNS]


def seizure_table(store: Store, *, drug: str | None = None, agency: str | None = None, place: str | None = None,
                  country: str | None = None, date_from: str | None = None, date_to: str | None = None,
                  min_kg: float | None = None, lang: str | None = None, ids: list[int] | None = None,
                  merge: bool = True, update: bool = True, doc_ids: set[int] | None = None) -> pd.DataFrame:
    """The seizures in ``store`` (read for new documents first), filtered. Text filters match
    case-insensitively on the canonical name or the text as written; ``drug`` also matches the
    drug class; dates are ISO strings (a month or year covers its whole period, see
    :func:`docmine.validate.date`). ``update=False`` reads what is stored (a read-only store).
    ``doc_ids``: only the records of these documents (a tagged case file), merged among themselves."""
    from docmine.seizures.build import update_seizures

    if update:
        update_seizures(store)
    elif not store.query("SELECT 1 FROM sqlite_master WHERE name='seizures'"):
        return pd.DataFrame(columns=COLUMNS)
    df = _records(store)
    if lang:
        df = df[df["language"].fillna("").str.lower() == lang.lower()]
    if doc_ids is not None:
        df = df[df["doc_id"].isin(doc_ids)]
    df = merge_records(df) if merge else df.assign(
        sources=df["doc_id"].map(lambda d: [d]), n_sources=1, record_ids=df["seizure_id"].map(lambda i: [i]),
        kg=df.apply(lambda r: r["amount"] if r["unit"] == "kg" else None, axis=1).astype(float) if len(df) else [],
    )[COLUMNS]

    def has(cols: list[str], needle: str) -> pd.Series:
        n = needle.lower()
        hit = pd.Series(False, index=df.index)
        for c in cols:
            hit |= df[c].fillna("").astype(str).str.lower().str.contains(n, regex=False)
        return hit

    if drug:
        df = df[has(["drug", "drug_text", "drug_class"], drug)]
    if agency:
        df = df[has(["agency", "agency_text"], agency)]
    if place:
        df = df[has(["place", "place_text", "country"], place)]
    if country:
        df = df[df["country"].fillna("").str.lower() == country.lower()]
    if date_from:
        df = df[df["date"].fillna("") >= date_from]
    if date_to:
        df = df[(df["date"].fillna("9999") <= date_to) & df["date"].notna()]
    if min_kg is not None:
        df = df[df["kg"].fillna(-1) >= min_kg]
    if ids:
        df = df[df["seizure_id"].isin([int(i) for i in ids])]
    return df.reset_index(drop=True)


def seizure_cube(table: pd.DataFrame) -> pd.DataFrame:
    """Agency x drug x country x year: the number of seizures, the total kilograms and the
    seizures' ids (``seizure_ids``: open any cell's records with ``docmine seizures --id``)."""
    if table.empty:
        return pd.DataFrame(columns=["agency", "drug", "country", "year", "seizures", "total_kg", "seizure_ids"])
    t = table.assign(
        agency=table["agency"].fillna("(not stated)"), country=table["country"].fillna("(not stated)"),
        year=table["date"].fillna("").str[:4].replace("", "(no date)"))
    cube = (t.groupby(["agency", "drug", "country", "year"], dropna=False)
            .agg(seizures=("seizure_id", "size"), total_kg=("kg", "sum"),
                 seizure_ids=("seizure_id", lambda s: sorted(int(x) for x in s)))
            .reset_index().sort_values(["seizures", "total_kg"], ascending=False).reset_index(drop=True))
    cube["total_kg"] = cube["total_kg"].round(3)
    return cube


def parts_of(store: Store, seizure_ids: list[int]) -> dict[int, list[tuple[int, int, str]]]:
    """The marked parts (drug, amount, place, agency, concealment, ...) of stored records."""
    if not seizure_ids:
        return {}
    marks = ",".join("?" * len(seizure_ids))
    return {r[0]: [tuple(p) for p in json.loads(r[1] or "[]")]
            for r in store.query(f"SELECT seizure_id, parts FROM seizures WHERE seizure_id IN ({marks})",
                                 tuple(seizure_ids))}
