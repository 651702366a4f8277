"""Tables from PDFs, DOCX and HTML: cells kept row by row, their text searchable, never run through NER,
stored with their document and exported cell by cell (csv, parquet) or table by table (jsonl)."""
import json
import sqlite3
from pathlib import Path

import pytest

from conftest import SHARED, run_cli
from docmine import api
from docmine.extract import extract_bytes, extract_file
from docmine.extract.document import Document, Table
from docmine.nlp.prose import Region, mask_non_prose, table_regions
from makefiles import (
    SEIZURE_TABLE,
    TABLE_CAPTION,
    TABLE_PROSE_AFTER,
    TABLE_PROSE_BEFORE,
    ruled_table_pdf,
    two_column_pdf,
)

REAL_PDF = SHARED / "data" / "real-dev" / "pdf" / "specialprocedures__georgia-darkweb-main-report.pdf"

DOCX_CAPTION = "Table 1: Seizures by port, as reported to Europol by the customs service in Lisbon"
DOCX_ROWS = [["Port", "Drug", "Kilograms"], ["Rotterdam", "cocaine", "1,200"], ["Hamburg", "heroin", "45"],
             ["Valencia", "cannabis resin", "310"]]


def seizures_docx(path: Path, rows=DOCX_ROWS, caption: str = DOCX_CAPTION) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Cocaine seizures in 2023", level=1)
    d.add_paragraph("Customs officers at the port of Antwerp reported the following seizures.")
    d.add_paragraph(caption)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    d.add_paragraph("Source: national customs services.")
    d.save(str(path))
    return path


def row_lines(rows) -> str:
    return "\n\n".join(" | ".join(c for c in r if c) for r in rows)


def check_table_text(doc: Document, table: Table) -> None:
    """The table's text is where its span says, once: one paragraph per row."""
    assert doc.text[table.start:table.end] == row_lines(table.rows)
    assert doc.page_of(table.start) == table.page


# -- extraction -----------------------------------------------------------------------------------------

def test_a_ruled_pdf_table_comes_back_cell_by_cell_between_its_caption_and_the_text_after(tmp_path):
    doc = extract_file(str(ruled_table_pdf(tmp_path / "report.pdf")))
    assert [t.rows for t in doc.tables] == [SEIZURE_TABLE]
    table = doc.tables[0]
    assert (table.page, table.n_rows, table.n_cols) == (1, 4, 4)
    check_table_text(doc, table)
    paras = doc.text.split("\n\n")
    assert paras == [TABLE_PROSE_BEFORE, TABLE_CAPTION, *row_lines(SEIZURE_TABLE).split("\n\n"), TABLE_PROSE_AFTER]
    assert doc.text.count("Belgian Federal Police") == 1  # the cell's text is not left in the prose too


def test_tables_on_later_pages_carry_their_page(tmp_path):
    arrests = [["Country", "Arrests"], ["Spain", "12"], ["Portugal", "3"]]
    doc = extract_file(str(ruled_table_pdf(tmp_path / "two.pdf", tables=[SEIZURE_TABLE, arrests])))
    assert [(t.page, t.rows) for t in doc.tables] == [(1, SEIZURE_TABLE), (2, arrests)]
    for t in doc.tables:
        check_table_text(doc, t)
    assert doc.text.endswith(TABLE_PROSE_AFTER + " (second part)")


def test_a_media_box_that_does_not_start_at_zero_still_places_the_table(tmp_path):
    import pypdfium2 as pdfium

    src = ruled_table_pdf(tmp_path / "report.pdf")
    pdf = pdfium.PdfDocument(str(src))
    page = pdf[0]
    width, height = page.get_size()
    page.set_mediabox(20, 30, width + 5, height - 12)
    page.close()
    pdf.save(str(tmp_path / "shifted.pdf"))
    pdf.close()
    doc = extract_file(str(tmp_path / "shifted.pdf"))
    assert [t.rows for t in doc.tables] == [SEIZURE_TABLE]
    check_table_text(doc, doc.tables[0])
    assert doc.text.split("\n\n")[-1] == TABLE_PROSE_AFTER


def test_a_text_only_pdf_never_reaches_pdfplumber(tmp_path, monkeypatch):
    import docmine.extract.pdf as pdf_module

    def no_plumber(*a, **kw):
        raise AssertionError("pdfplumber opened for a page without rules")

    monkeypatch.setattr(pdf_module, "_find_tables", no_plumber)
    doc = extract_file(str(two_column_pdf(tmp_path / "brief.pdf", pages=3)))
    assert doc.tables == [] and doc.pages == 3


def test_tables_off_gives_the_text_only_extraction(tmp_path):
    from docmine.extract.pdf import extract_pdf

    path = ruled_table_pdf(tmp_path / "report.pdf")
    data = path.read_bytes()
    plain = extract_pdf(str(path), data, "x", tables=False)
    assert plain.tables == [] and "Rotterdam cocaine 1,200 Dutch Customs" in plain.text.split("\n\n")


@pytest.mark.slow
@pytest.mark.skipif(not REAL_PDF.exists(), reason="../shared/data/real-dev is not here")
def test_the_real_report_keeps_every_word_and_its_tables_read_cell_by_cell():
    import re
    from collections import Counter

    from docmine.extract.pdf import extract_pdf

    data = REAL_PDF.read_bytes()
    plain = extract_pdf(str(REAL_PDF), data, "x", tables=False)
    doc = extract_pdf(str(REAL_PDF), data, "x")
    words = Counter(re.findall(r"\w+", plain.text))
    assert Counter(re.findall(r"\w+", doc.text)) == words  # nothing lost, nothing doubled
    assert len(doc.tables) >= 10
    for t in doc.tables:
        check_table_text(doc, t)
    # Table 2 is ruled between rows only: its columns come from the ruled header
    table2 = next(t for t in doc.tables if t.rows[0][0] == "Country")
    assert table2.rows[0] == ["Country", "Total revenue (USD, millions)", "Study duration (months)",
                              "Monthly revenue (USD, millions)"]
    assert ["Georgia†", "1.60", "6.3", "0.25"] in table2.rows
    assert doc.text[:table2.start].rstrip().endswith("Table 2: Monthly cryptomarket drug sales – European comparison")


def test_a_docx_table_stays_after_its_caption_and_its_cells_come_back(tmp_path):
    doc = extract_file(str(seizures_docx(tmp_path / "seizures.docx")))
    assert [t.rows for t in doc.tables] == [DOCX_ROWS]
    table = doc.tables[0]
    check_table_text(doc, table)
    before = doc.text[:table.start].split("\n\n")
    assert before[-2] == DOCX_CAPTION and before[-1] == ""  # the caption is the paragraph right before
    assert doc.text[table.end:] == "\n\nSource: national customs services."


def test_docx_merged_cells_are_kept_once(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Arrests by country.")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "Arrests in 2023"
    t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "Spain", "12", "12"
    t.cell(2, 0).text, t.cell(2, 1).text, t.cell(2, 2).text = "Portugal", "3", "4"
    t.cell(1, 0).merge(t.cell(2, 0))  # keeps both texts in the merged cell
    path = tmp_path / "merged.docx"
    d.save(str(path))
    doc = extract_file(str(path))
    rows = doc.tables[0].rows
    assert rows[0][1:] == ["12", "12"]  # equal neighbours are two cells, not a merged one
    assert rows[1] == ["", "3", "4"]  # the vertically merged cell's text is kept in its first row only
    check_table_text(doc, doc.tables[0])
    # a title row (one cell across the table) is the paragraph before the table, where NER reads it
    assert doc.text[:doc.tables[0].start] == "Arrests by country.\n\nArrests in 2023\n\n"


def test_an_html_table_comes_back_and_a_one_column_layout_table_stays_prose():
    html = ("<html><head><title>Seizures</title></head><body><article><h1>Seizures in 2023</h1>"
            "<p>The agency reported the following seizures at European ports during the year, according to "
            "the annual report published in Vienna.</p><table><caption>Table 1: Seizures by port</caption>"
            "<tr><th>Port</th><th>Drug</th><th>Kilograms</th></tr>"
            "<tr><td>Rotterdam</td><td>cocaine</td><td>1,200</td></tr>"
            "<tr><td>Antwerp</td><td>heroin | mixed</td><td>45</td></tr></table>"
            "<p>Officials in Brussels said the figures were the highest on record and more were expected.</p>"
            "<table><tr><td>A boxed note about Interpol and the ports of the North Sea.</td></tr></table>"
            "</article></body></html>")
    doc = extract_bytes("page.html", html.encode())
    assert [t.rows for t in doc.tables] == [[["Port", "Drug", "Kilograms"], ["Rotterdam", "cocaine", "1,200"],
                                             ["Antwerp", "heroin | mixed", "45"]]]
    check_table_text(doc, doc.tables[0])
    paras = doc.text.split("\n\n")
    assert paras[paras.index("Port | Drug | Kilograms") - 1] == "Table 1: Seizures by port"
    assert paras[-1] == "A boxed note about Interpol and the ports of the North Sea."


# -- masking ----------------------------------------------------------------------------------------------

def test_table_regions_are_masked_with_the_other_non_prose_regions():
    text = "Police in Lyon said.\n\nRotterdam | cocaine\n\nHamburg | heroin\n\nSee https://example.org/x now."
    start = text.index("Rotterdam")
    end = text.index("heroin") + len("heroin")
    regions = table_regions([{"start": start, "end": end}])
    assert regions == [Region(start, end, "table")]
    assert table_regions([Table(page=1, start=start, end=end)]) == regions
    masked = mask_non_prose(text, extra=regions)
    assert len(masked) == len(text) and masked[:start] == text[:start]
    assert masked[start:end].strip() == "" and masked[start:end].count("\n") == 2
    assert "https" not in masked  # the URL is still masked too


# -- ingest, store, export ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tables") / "docs"
    folder.mkdir()
    ruled_table_pdf(folder / "report.pdf")
    seizures_docx(folder / "seizures.docx")
    db = str(folder.parent / "t.db")
    api.ingest([str(folder)], db=db, workers=1)
    return db, folder


def q(db: str, sql: str, params=()) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def test_no_entity_inside_a_table_while_the_caption_is_read(store):
    db, _ = store
    spans = q(db, "SELECT doc_id, start, end FROM tables")
    assert len(spans) == 2
    mentions = q(db, "SELECT doc_id, start, end, label, text FROM mentions")
    inside = [m for m in mentions for d, s, e in spans if m[0] == d and s <= m[1] < e]
    assert inside == []
    texts = {(m[3], m[4]) for m in mentions}
    assert ("PLACE", "Lisbon") in texts  # in the DOCX caption, right above the table
    assert ("PLACE", "Valencia") in texts  # in the PDF caption
    # the cells' names are nowhere an entity: they are only in the tables
    assert not {t for _, t in texts} & {"Rotterdam", "Hamburg", "Dutch Customs", "Belgian Federal Police", "Zoll"}


def test_tables_are_stored_with_their_document_and_their_text_is_searchable(store):
    db, _ = store
    rows = q(db, "SELECT d.path, t.idx, t.page, t.n_rows, t.n_cols, t.rows,"
                 " substr(d.text, t.start + 1, t.end - t.start) FROM tables t JOIN documents d USING(doc_id)"
                 " ORDER BY d.path")
    assert [(Path(p).name, i, pg, nr, nc) for p, i, pg, nr, nc, _, _ in rows] == [
        ("report.pdf", 0, 1, 4, 4), ("seizures.docx", 0, 1, 4, 3)]
    assert [json.loads(r[5]) for r in rows] == [SEIZURE_TABLE, DOCX_ROWS]
    assert [r[6] for r in rows] == [row_lines(SEIZURE_TABLE), row_lines(DOCX_ROWS)]
    hits = api.search("Zoll", db=db, text=True)
    assert [Path(p).name for p in hits["path"]] == ["report.pdf"]


@pytest.mark.slow
def test_export_tables_csv_and_jsonl_from_the_command_line(store, tmp_path):
    import pandas as pd

    db, _ = store
    csv_text = run_cli("export", "tables", "--db", db).stdout
    cells = pd.read_csv(__import__("io").StringIO(csv_text), keep_default_na=False, dtype={"text": str})
    assert list(cells.columns) == ["doc_id", "path", "table", "page", "row", "col", "text"]
    assert len(cells) == 16 + 12
    pdf_cells = cells[cells.path.str.endswith("report.pdf")]
    grid = [[pdf_cells[(pdf_cells.row == i) & (pdf_cells.col == j)].text.item() for j in range(4)] for i in range(4)]
    assert grid == SEIZURE_TABLE
    lines = run_cli("export", "tables", "--db", db, "--format", "jsonl").stdout.splitlines()
    tables = [json.loads(line) for line in lines]
    assert [sorted(t) for t in tables] == [["doc_id", "page", "path", "rows", "table"]] * 2
    assert sorted((Path(t["path"]).name, t["table"], t["page"], json.dumps(t["rows"])) for t in tables) == [
        ("report.pdf", 0, 1, json.dumps(SEIZURE_TABLE)), ("seizures.docx", 0, 1, json.dumps(DOCX_ROWS))]
    # a file: the format from its extension; csv and parquet hold the same cells
    p = run_cli("export", "tables", "--db", db, "-o", tmp_path / "cells.parquet")
    assert "wrote 28 cells of 2 tables" in p.stderr
    assert pd.read_parquet(tmp_path / "cells.parquet").astype(str).equals(cells.astype(str))
    run_cli("export", "tables", "--db", db, "-o", tmp_path / "tables.jsonl")
    assert (tmp_path / "tables.jsonl").read_text(encoding="utf-8").splitlines() == lines


def test_the_api_exports_tables_per_cell_or_per_table(store):
    db, _ = store
    cells = api.export("tables", db=db)
    assert list(cells.columns) == ["doc_id", "path", "table", "page", "row", "col", "text"] and len(cells) == 28
    per_table = api.export("tables", db=db, cells=False)
    assert list(per_table.columns) == ["doc_id", "path", "table", "page", "rows"]
    assert sorted(map(json.dumps, per_table["rows"])) == sorted(map(json.dumps, [SEIZURE_TABLE, DOCX_ROWS]))
    with pytest.raises(ValueError, match="cannot export 'cells'.*tables"):
        api.export("cells", db=db)
    with pytest.raises(ValueError, match="cells=False applies to tables only"):
        api.export("mentions", db=db, cells=False)


def test_the_cli_rejects_an_unknown_export_in_its_style(store):
    db, _ = store
    p = run_cli("export", "cells", "--db", db, check=False)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "docmine: error:" in p.stderr and "tables" in p.stderr


@pytest.mark.slow
def test_tables_follow_their_document_when_the_file_changes_or_goes(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    path = seizures_docx(folder / "seizures.docx")
    db = str(tmp_path / "t.db")
    api.ingest([str(folder)], db=db, workers=1)
    (doc_id,) = q(db, "SELECT doc_id FROM documents")[0]
    assert q(db, "SELECT doc_id, rows FROM tables") == [(doc_id, json.dumps(DOCX_ROWS))]
    changed = [DOCX_ROWS[0], ["Algeciras", "cocaine", "9"]]
    seizures_docx(path, rows=changed)
    api.ingest([str(folder)], db=db, workers=1)
    (new_id,) = q(db, "SELECT doc_id FROM documents")[0]
    assert new_id != doc_id and q(db, "SELECT doc_id, rows FROM tables") == [(new_id, json.dumps(changed))]
    path.unlink()
    api.ingest([str(folder)], db=db, workers=1)
    assert q(db, "SELECT COUNT(*) FROM documents") == [(0,)] and q(db, "SELECT COUNT(*) FROM tables") == [(0,)]


def test_a_dateline_with_its_date_is_prose_not_a_table_row():
    """A police release's place-and-date line ("Prishtinë, on 13 December 2021") is two numbers in
    five words and no full stop: it was blanked as a table's row, and the town lost. A date's
    numbers do not make a row; a row of numbers still does."""
    text = "Six persons cuffed\n\nPrishtinë, on 13 December 2021\n\nHeroin 12 15 18\n\nThe operation began."
    masked = mask_non_prose(text)
    assert "Prishtinë, on 13 December 2021" in masked and "Heroin" not in masked
