"""Tables out of the store: mentions, documents, entities and the documents' tables as DataFrames and files."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from docmine.store import Store

FORMATS = ("csv", "jsonl", "parquet", "json", "xlsx")


def mentions_df(store: Store) -> pd.DataFrame:
    df = store.df(
        "SELECT m.mention_id, m.doc_id, d.path, m.start, m.end, m.label, m.text, e.canonical, m.resolved,"
        " m.sentence, m.paragraph, m.page, m.source, m.attrs FROM mentions m"
        " JOIN entities e USING(entity_id) JOIN documents d USING(doc_id) ORDER BY m.doc_id, m.start"
    )
    attrs = df.pop("attrs").map(lambda s: json.loads(s) if isinstance(s, str) else {})
    df["role"] = attrs.map(lambda a: a.get("role"))  # DRUG: substance or modifier ("heroin trafficking")
    df["quantity_value"] = attrs.map(lambda a: a.get("value"))
    df["quantity_unit"] = attrs.map(lambda a: a.get("unit"))
    df["quantity_drug"] = attrs.map(lambda a: a.get("drug"))
    # the phrase a place or drug was narrowed from ("[Helmand] province", "[captagon] pills"), and
    # the recognition stage that produced the mention (as `docmine evaluate --errors` names it)
    extent = attrs.map(lambda a: a.get("extent") or [None, None])
    df["extent_start"] = extent.map(lambda e: e[0]).astype("Int64")
    df["extent_end"] = extent.map(lambda e: e[1]).astype("Int64")
    df["rule"] = attrs.map(lambda a: a.get("rule"))
    return df


def documents_df(store: Store, with_text: bool = False) -> pd.DataFrame:
    text = ", d.text" if with_text else ""
    df = store.df(
        "SELECT d.doc_id, d.path, d.title, d.date, d.topic, d.topic_weight, d.format, d.language, d.pages,"
        " d.n_words, d.sha256, d.near_dup_of, d.status,"
        " (SELECT group_concat(f.path, '|') FROM files f WHERE f.doc_id=d.doc_id) AS paths,"
        " (SELECT COUNT(*) FROM mentions m WHERE m.doc_id=d.doc_id) AS mentions"
        f"{text} FROM documents d ORDER BY d.doc_id"
    )
    df["topic"] = df["topic"].astype("Int64")
    df["near_dup_of"] = df["near_dup_of"].astype("Int64")
    return df


def entities_df(store: Store) -> pd.DataFrame:
    return store.df(
        "SELECT e.entity_id, e.label, e.canonical, COUNT(*) AS mentions, COUNT(DISTINCT m.doc_id) AS documents,"
        " group_concat(DISTINCT m.text) AS aliases FROM entities e JOIN mentions m USING(entity_id)"
        " GROUP BY e.entity_id ORDER BY mentions DESC"
    )


TABLE_CELL_COLUMNS = ["doc_id", "path", "table", "page", "row", "col", "text"]
TABLE_COLUMNS = ["doc_id", "path", "table", "page", "rows"]
NESTED_FORMATS = ("jsonl", "json")
"""Formats that write one record per table (its rows nested); the others write one per cell."""


def tables_df(store: Store, cells: bool = True) -> pd.DataFrame:
    """The tables found in the documents (PDF, DOCX, HTML).

    ``cells``: one row per cell (doc_id, path, table, page, row, col, text; table, row and col
    count from 0, page from 1); else one row per table whose ``rows`` is a list of rows, each a
    list of cell strings. A store written before tables were kept has none."""
    has = store.query("SELECT 1 FROM sqlite_master WHERE type='table' AND name='tables'")
    if not has:
        return pd.DataFrame(columns=TABLE_CELL_COLUMNS if cells else TABLE_COLUMNS)
    df = store.df("SELECT t.doc_id, d.path, t.idx AS \"table\", t.page, t.rows FROM tables t"
                  " JOIN documents d USING(doc_id) ORDER BY t.doc_id, t.idx")
    df["rows"] = df["rows"].map(json.loads)
    if not cells:
        return df[TABLE_COLUMNS]
    out = [(r.doc_id, r.path, r.table, r.page, i, j, text)
           for r in df.itertuples(index=False) for i, row in enumerate(r.rows) for j, text in enumerate(row)]
    cell_df = pd.DataFrame(out, columns=TABLE_CELL_COLUMNS)
    for col in ("doc_id", "table", "page", "row", "col"):
        cell_df[col] = cell_df[col].astype("int64")
    return cell_df


def records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts with None for missing values (pandas gives NaN / NA, which templates and JSON mis-handle)."""
    return df.astype(object).where(df.notna(), None).to_dict("records")


def _json_default(value):
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters other than tab, newline and carriage return: no spreadsheet cell holds them
(openpyxl refuses a NUL, which PDF metadata titles sometimes carry)."""
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (or skips before one)."""


def safe_cell(value: object) -> object:
    """One cell as spreadsheets should see it: control characters removed, and a string a
    spreadsheet would run as a formula (``=HYPERLINK(...)`` in a document title) prefixed with
    ``'`` so it shows as text (OWASP's advice for CSV injection). Other values are unchanged."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def safe_cells(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with :func:`safe_cell` applied to every text cell (and column name), for
    the formats a spreadsheet opens (CSV, XLSX)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(safe_cell)
    out.columns = [safe_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out


def write_table(df: pd.DataFrame, fmt: str | None, out: str | None) -> str | None:
    """Write a DataFrame as csv/jsonl/json/parquet/xlsx to ``out`` (stdout text when None).

    CSV and XLSX cells go through :func:`safe_cell` (a spreadsheet opens them); JSON and Parquet
    keep every value as stored."""
    fmt = (fmt or (Path(out).suffix.lstrip(".") if out else "csv")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("parquet", "xlsx") and not out:
        raise ValueError(f"--format {fmt} writes a binary file: give -o FILE")
    if fmt == "csv":
        return safe_cells(df).to_csv(out, index=False)
    if fmt in ("jsonl", "json"):
        rows = records(df)
        if fmt == "jsonl":
            text = "".join(json.dumps(r, ensure_ascii=False, default=_json_default) + "\n" for r in rows)
        else:
            text = json.dumps(rows, ensure_ascii=False, indent=1, default=_json_default) + "\n"
        if out is None:
            return text
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        return None
    try:
        if fmt == "parquet":
            df.to_parquet(out, index=False)
        else:
            safe_cells(df).to_excel(out, index=False)
    except ImportError as exc:
        raise RuntimeError(f"{fmt} export needs an optional package: pip install 'docmine[export]' ({exc})") from exc
    return None
