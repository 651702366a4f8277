"""The analyst's workbench in `docmine serve`: the JSON API under /api/, writes (tags, entity
clean-up) behind CSRF, origin, read-only and token checks, the document reader (page markers,
jump to a hit, entity sidebar) and the original file. Flask's test client over a private copy of
the bundled corpus store; the re-ingest check runs the real ingest."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import tomllib

import pytest

from docmine.web.app import create_app
from storekit import copy_store, rows

pytestmark = pytest.mark.slow  # the corpus store takes a minute to build once per session


@pytest.fixture()
def db(corpus_db, tmp_path):
    return copy_store(corpus_db, str(tmp_path / "docmine.db"))


@pytest.fixture()
def client(db, tmp_path):
    return create_app(db, aliases=str(tmp_path / "aliases.toml")).test_client()


def token(client) -> dict:
    return {"X-CSRF-Token": client.get("/api/csrf").json["csrf"]}


q = rows


def test_api_lists_are_paged_with_a_next_link_and_match_the_store(client, db):
    first = client.get("/api/documents?limit=5").json
    n = q(db, "SELECT COUNT(*) FROM documents")[0][0]
    assert first["total"] == n and len(first["rows"]) == 5 and first["offset"] == 0
    second = client.get(first["next"]).json
    assert [r["doc_id"] for r in second["rows"]] == [r[0] for r in q(db, "SELECT doc_id FROM documents"
                                                                          " ORDER BY doc_id LIMIT 5 OFFSET 5")]
    last = client.get(f"/api/documents?limit=5&offset={n - 2}").json
    assert len(last["rows"]) == 2 and last["next"] is None

    ents = client.get("/api/entities?label=ORG&q=europol").json
    assert ents["rows"][0]["entity"] == "Europol" and ents["rows"][0]["label"] == "ORG"
    want = q(db, "SELECT COUNT(*) FROM mentions m JOIN entities e USING(entity_id) WHERE e.label='ORG'"
                 " AND e.canonical='Europol'")[0][0]
    assert ents["rows"][0]["mentions"] == want
    one = client.get(ents["rows"][0]["api"]).json
    assert one["mentions"] == want and one["aliases"] and one["comentions"]


def test_api_document_search_comention_and_evidence(client, db):
    doc_id = q(db, "SELECT doc_id FROM documents WHERE pages > 2 ORDER BY doc_id LIMIT 1")[0][0]
    d = client.get(f"/api/documents/{doc_id}").json
    assert len(d["page_starts"]) == d["pages"] > 2
    assert len(d["mentions"]) == q(db, "SELECT COUNT(*) FROM mentions WHERE doc_id=?", (doc_id,))[0][0]
    m = d["mentions"][0]
    assert d["text"][m["start"]: m["end"]] == m["text"]

    hits = client.get("/api/search?q=heroin&limit=3").json["rows"]
    assert hits and all(h["entity"] == "heroin" for h in hits)
    text = client.get("/api/search?q=acetic&text=1").json["rows"]
    assert text and all("[" in h["snippet"] for h in text)
    co = client.get("/api/comention?rows=ORG&cols=DRUG&measure=npmi&limit=3").json
    assert co["total"] > 3 and len(co["rows"]) == 3 and co["next"]
    cell = co["rows"][0]
    ev = client.get("/api/evidence", query_string={"row": cell["row"], "col": cell["col"], "rows": "ORG",
                                                    "cols": "DRUG", "window": "document"}).json
    assert ev["total"] >= 1


@pytest.mark.parametrize("url, message", [
    ("/api/documents?limit=0", "limit"),
    ("/api/documents?offset=99999999999999999999999", "offset"),
    ("/api/entities?label=ANIMAL", "unknown label"),
    ("/api/comention?window=page", "window"),
    ("/api/search", "give a query"),
    ("/api/documents/999999", "no document"),
    ("/api/tags?tag=%3Cb%3E", "tag"),
])
def test_api_errors_are_json_with_a_message(client, url, message):
    r = client.get(url)
    assert 400 <= r.status_code < 500 and r.is_json and message in r.json["error"]


def test_writes_need_the_token_of_the_app_and_its_own_origin(client, db):
    doc_id = 3
    r = client.post("/api/tags", json={"doc": doc_id, "tag": "star"})
    assert r.status_code == 403 and "X-CSRF-Token" in r.json["error"]
    r = client.post("/api/tags", json={"doc": doc_id, "tag": "star"}, headers={"X-CSRF-Token": "guess"})
    assert r.status_code == 403
    r = client.post("/api/tags", json={"doc": doc_id, "tag": "star"},
                    headers={**token(client), "Origin": "http://attacker.example"})
    assert r.status_code == 403 and "another origin" in r.json["error"]
    assert q(db, "SELECT COUNT(*) FROM tags")[0][0] == 0
    r = client.post("/api/tags", data="tag=star", headers=token(client),
                    content_type="application/x-www-form-urlencoded")
    assert r.status_code == 400 and "JSON" in r.json["error"]


def test_a_read_only_app_refuses_writes(db):
    c = create_app(db, writable=False, read_only_why="it was started with --read-only").test_client()
    r = c.post("/api/tags", json={"doc": 3, "tag": "star"}, headers=token(c))
    assert r.status_code == 403 and "--read-only" in r.json["error"]
    assert b"add tag" not in c.get("/document/3").data


def test_an_access_token_guards_every_request(db):
    secret = "s3cret-token-for-tests-0123456789"
    c = create_app(db, token=secret).test_client()
    assert c.get("/").status_code == 401
    assert c.get("/api/documents").status_code == 401
    assert c.get("/api/documents", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert c.get("/api/documents", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    r = c.get(f"/documents?token={secret}&page=1")
    assert r.status_code == 302 and r.headers["Location"].endswith("/documents?page=1")
    assert "HttpOnly" in r.headers["Set-Cookie"] and "SameSite=Strict" in r.headers["Set-Cookie"]
    assert c.get("/documents?page=1").status_code == 200  # the cookie now carries it


def test_tag_a_document_and_an_entity_then_filter_by_the_tag(client, db):
    h = token(client)
    assert client.post("/api/tags", json={"doc": 3, "tag": "balkan route", "note": "check"}, headers=h).json == \
        {"changed": True}
    assert client.post("/api/tags", json={"entity": "Europol", "label": "ORG", "tag": "star"}, headers=h).json == \
        {"changed": True}
    rows = client.get("/api/tags").json["rows"]
    assert {(r["kind"], r["tag"]) for r in rows} == {("document", "balkan route"), ("entity", "star")}
    assert [r["doc_id"] for r in client.get("/api/documents?tag=balkan%20route").json["rows"]] == [3]
    assert [r["entity"] for r in client.get("/api/entities?tag=star").json["rows"]] == ["Europol"]
    assert client.get("/api/documents/3").json["tags"] == [{"tag": "balkan route", "note": "check"}]
    page = client.get("/document/3").data.decode()
    assert ">balkan route</span>" in page
    r = client.post("/api/tags", json={"doc": 3, "tag": "balkan route", "remove": True}, headers=h)
    assert r.json == {"changed": True} and client.get("/api/tags?tag=balkan%20route").json["total"] == 0


def test_merge_from_the_api_is_written_to_the_aliases_file_and_survives_a_re_ingest(client, db, tmp_path):
    from docmine import api

    names = {r[0] for r in q(db, "SELECT canonical FROM entities WHERE label='ORG'")}
    assert {"Europol", "INTERPOL"} <= names
    r = client.post("/api/entities/merge", json={"names": ["Europol", "INTERPOL"], "label": "ORG", "to": "Europol"},
                    headers=token(client))
    assert r.status_code == 200, r.json
    assert r.json["changed"] > 0
    aliases = tomllib.loads((tmp_path / "aliases.toml").read_text(encoding="utf-8"))
    assert aliases  # the decision is in the user's file
    assert "INTERPOL" not in {r[0] for r in q(db, "SELECT e.canonical FROM mentions m JOIN entities e"
                                                  " USING(entity_id) WHERE e.label='ORG'")}
    new = tmp_path / "inbox"
    new.mkdir()
    (new / "note.txt").write_text("Vienna, 3 June 2025 - Interpol and the Turkish National Police seized 40 kg of "
                                  "heroin in Mersin.\n", encoding="utf-8")
    api.ingest([str(new)], db=db, aliases=str(tmp_path / "aliases.toml"), workers=0)
    got = {r[0] for r in q(db, "SELECT e.canonical FROM mentions m JOIN entities e USING(entity_id) JOIN documents d"
                               " USING(doc_id) WHERE d.path LIKE '%note.txt' AND e.label='ORG'")}
    assert "Europol" in got and "INTERPOL" not in got


def test_clean_up_mistakes_answer_400_with_the_reason(client):
    h = token(client)
    r = client.post("/api/entities/merge", json={"names": ["Europol", "heroin"]}, headers=h)
    assert r.status_code == 400 and "different labels" in r.json["error"]
    r = client.post("/api/entities/relabel", json={"names": ["Europol"], "to": "ANIMAL"}, headers=h)
    assert r.status_code == 400 and "relabel needs --to" in r.json["error"]
    r = client.post("/api/entities/explode", json={"names": ["Europol"]}, headers=h)
    assert r.status_code == 404 and "unknown action" in r.json["error"]


def test_the_reader_marks_the_hit_it_was_opened_at_and_shows_pages_and_entities(client, db):
    doc_id, start, end, text, pages = q(db, "SELECT m.doc_id, m.start, m.end, m.text, d.pages FROM mentions m JOIN"
                                            " documents d USING(doc_id) WHERE d.pages > 2 AND m.label='DRUG'"
                                            " ORDER BY m.start DESC LIMIT 1")[0]
    page = client.get(f"/document/{doc_id}?at={start}").data.decode()
    marked = re.findall(r'<mark class="hit"[^>]*><a [^>]*>([^<]*)</a>', page)
    assert marked == [text]
    assert page.count('class="pg"') == pages - 1 and 'id="p2"' in page
    assert 'id="sidebar"' in page and "data-e=\"DRUG|" in page
    assert 'id="hitnav"' in page
    # a full-text hit: every whole-word occurrence of the query is marked
    doc_text = q(db, "SELECT text FROM documents WHERE doc_id=?", (doc_id,))[0][0]
    n = len(re.findall(r"\bheroin\b", doc_text, re.IGNORECASE))
    page = client.get(f"/document/{doc_id}?find=heroin").data.decode()
    assert n and page.count('class="hit"') >= 1 and f"of {n} hit" in page
    # search results link to the reader at the mention
    html = client.get("/search?q=heroin").data.decode()
    assert re.search(r'href="/document/\d+\?at=\d+"', html) and '<mark class="kw">' in html


def test_snippets_mark_the_hit_without_letting_document_text_through(client, db):
    html = client.get("/entity/ORG/Europol").data.decode()
    kw = re.findall(r'<mark class="kw">([^<]*)</mark>', html)
    forms = {r[0] for r in q(db, "SELECT DISTINCT m.text FROM mentions m JOIN entities e USING(entity_id)"
                                 " WHERE e.label='ORG' AND e.canonical='Europol'")}
    assert kw and set(kw) <= forms
    assert "\ue000" not in html and "\ue001" not in html


def test_the_original_file_is_served_read_only_from_the_ingested_folders_only(client, db, tmp_path):
    doc_id, path = q(db, "SELECT doc_id, path FROM documents WHERE format='txt' ORDER BY doc_id LIMIT 1")[0]
    r = client.get(f"/original/{doc_id}")
    assert r.status_code == 200 and r.data == open(path, "rb").read()
    assert r.headers["Content-Security-Policy"] == "sandbox"
    # a path the store names outside every ingested folder is refused
    con = sqlite3.connect(db)
    con.execute("UPDATE files SET path='/etc/hostname' WHERE doc_id=?", (doc_id,))
    con.execute("UPDATE documents SET path='/etc/hostname' WHERE doc_id=?", (doc_id,))
    con.commit()
    con.close()
    r = client.get(f"/original/{doc_id}")
    assert r.status_code == 404 and b"outside the folders ingested" in r.data


def test_a_file_replaced_by_a_link_to_elsewhere_is_not_served(tmp_path):
    from docmine import api

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("Europol seized heroin in Turkey.\n", encoding="utf-8")
    db = str(tmp_path / "s.db")
    api.ingest([str(folder)], db=db, workers=0)
    c = create_app(db).test_client()
    assert c.get("/original/1").status_code == 200
    secret = tmp_path / "secret.txt"
    secret.write_text("not yours", encoding="utf-8")
    (folder / "a.txt").unlink()
    (folder / "a.txt").symlink_to(secret)
    r = c.get("/original/1")
    assert r.status_code == 404 and b"not yours" not in r.data
    info = json.loads(q(db, "SELECT info FROM runs WHERE command='ingest'")[0][0])
    assert info["roots"] == [os.path.realpath(folder)]


def test_facets_count_the_results_and_a_facet_narrows_them(client, db):
    html = client.get("/search?q=heroin").data.decode()
    years = dict((y, int(n)) for y, n in re.findall(
        r'data-facet="year" href="[^"]+">(\d{4})</a> <span class="muted">(\d+)', html))
    assert years
    year, n = max(years.items(), key=lambda kv: kv[1])
    narrowed = client.get(f"/search?q=heroin&from={year}&to={year}").data.decode()
    dates = re.findall(r'<span class="muted">(\d{4})-\d\d-\d\d · p\.', narrowed)
    assert dates and set(dates) == {year}
    assert 'id="active"' in narrowed and "✕" in narrowed
    # the count is the number of matched documents of that year, beyond the 50 rows a page shows
    hits = client.get("/api/search?q=heroin&limit=1000").json["rows"]
    assert n == len({h["doc_id"] for h in hits if (h["date"] or "").startswith(year)})
    assert len(hits) > 50 and 'id="more"' in html


def test_drug_class_and_country_facets_count_and_narrow_a_search(client, db):
    html = client.get("/search?q=heroin").data.decode()
    countries = dict((c, int(n)) for c, n in re.findall(
        r'data-facet="country" href="[^"]+">([^<]+)</a> <span class="muted">(\d+)', html))
    classes = dict((c, int(n)) for c, n in re.findall(
        r'data-facet="drug_class" href="[^"]+">([^<]+)</a> <span class="muted">(\d+)', html))
    assert countries.get("Türkiye", 0) >= 5 and classes.get("opiate", 0) >= 5
    heroin_docs = {r[0] for r in q(db, "SELECT DISTINCT m.doc_id FROM mentions m JOIN entities e USING(entity_id)"
                                       " WHERE e.label='DRUG' AND e.canonical='heroin'")}
    turkish = {r[0] for r in q(db, "SELECT doc_id FROM doc_facets JOIN facet_values USING(value_id)"
                                 " WHERE facet='country' AND value='Türkiye'")}
    assert countries["Türkiye"] == len(heroin_docs & turkish)
    # a facet link narrows: every row is a heroin document with a place in Türkiye
    link = re.search(r'data-facet="country" href="([^"]+)">Türkiye<', html).group(1).replace("&amp;", "&")
    narrowed = client.get(link).data.decode()
    assert "<b>country</b> Türkiye" in narrowed
    api = client.get("/api/search?q=heroin&country=turkey&facets=1&limit=1000").json
    assert {r["doc_id"] for r in api["rows"]} == heroin_docs & turkish
    assert {f["value"]: f["documents"] for f in api["facets"]["country"]}["Türkiye"] == len(heroin_docs & turkish)
    bad = client.get("/api/search?q=heroin&drug_class=nonsense")
    assert bad.status_code == 400 and "opiate" in bad.json["error"]


def test_the_map_places_every_located_place_and_lists_the_rest(client, db):
    from docmine.analysis.geo import locate

    html = client.get("/map").data.decode()
    places = {r[0] for r in q(db, "SELECT DISTINCT e.canonical FROM mentions m JOIN entities e USING(entity_id)"
                                  " JOIN documents d USING(doc_id) WHERE e.label='PLACE' AND d.near_dup_of IS NULL")}
    located = {p for p in places if locate(p)}
    assert html.count('class="place"') == len(located) > 10
    assert locate("Türkiye")[:2] == locate("Ankara")[:2]  # a country at its capital
    assert locate("Port of Rotterdam")[:2] == locate("Rotterdam")[:2]
    assert locate("West Africa")[2] == "region" and locate("Nowhere Special") is None
    assert client.get("/map/base.png").data[:8] == b"\x89PNG\r\n\x1a\n"
    only = client.get("/map?label=DRUG&name=captagon").data.decode()
    assert 0 < only.count('class="place"') < html.count('class="place"')


def test_the_entity_page_draws_its_ego_network_and_the_matrix_tells_empty_from_negative(client, db):
    html = client.get("/entity/DRUG/heroin").data.decode()
    nodes = re.findall(r'<a class="ego-node" href="(/entity/[^"]+)"', html)
    assert 1 < len(nodes) <= 16 and all(client.get(u).status_code == 200 for u in nodes[:3])
    matrix = client.get("/comention?rows=ORG&cols=DRUG&measure=npmi&min_count=1").data.decode()
    assert "rgba(31,119,180" in matrix  # a negative NPMI is blue
    assert 'background:#eeeeee" title="no pair"' in matrix  # an empty cell is grey, not white


def test_entities_of_tagged_documents_from_the_cli(client, db, tmp_path):
    from conftest import run_cli

    client.post("/api/tags", json={"doc": 3, "tag": "case 7"}, headers=token(client))
    out = run_cli("entities", "--db", db, "--tag", "case 7", "--top", "0").stdout
    want = {r[0] for r in q(db, "SELECT DISTINCT e.canonical FROM mentions m JOIN entities e USING(entity_id)"
                                " WHERE m.doc_id = 3")}
    listed = {line.split(None, 1)[1].rsplit(None, 4)[0].strip() for line in out.splitlines()[1:] if line.strip()}
    assert listed == want
    bad = run_cli("entities", "--db", db, "--tag", "<b>", check=False)
    assert bad.returncode == 2 and "use 1 to 50 letters" in bad.stderr


def test_serve_counts_the_store_before_the_first_visitor(db):
    from docmine.nlp import lexicon
    from docmine.web.app import warm_up

    app = create_app(db)
    cache = app.extensions["docmine"]["cache"]
    assert not cache.items
    lexicon._load_cached.cache_clear()
    warm_up(app)
    assert {("top_entities",), ("counts", "document")} <= set(cache.items)
    assert lexicon._load_cached.cache_info().currsize == 1  # the first search does not load it
    secret = "s3cret-token-for-tests-0123456789"
    guarded = create_app(db, token=secret)
    warm_up(guarded, secret)  # through the access token
    assert ("counts", "document") in guarded.extensions["docmine"]["cache"].items


@pytest.mark.parametrize("args", ["", "label=DRUG", "q=pol", "label=ORG&q=un", "q=zzzz-none", "limit=7&offset=5"])
def test_api_entities_counted_from_block_counts_equal_every_mention_counted(client, db, args):
    """/api/entities ranks from the store's per-block counts (not a scan of every mention): the
    same rows, order and total as counting every mention, during an open ingest run too."""
    def want() -> tuple[int, list[tuple]]:
        params = dict(p.split("=") for p in args.split("&") if p)
        where, binds = ["1=1"], []
        if "label" in params:
            where.append("e.label = ?")
            binds.append(params["label"])
        if "q" in params:
            where.append("(instr(lower(e.canonical), ?) > 0 OR e.entity_id IN (SELECT entity_id FROM mentions"
                         " WHERE instr(lower(text), ?) > 0))")
            binds += [params["q"]] * 2
        ranked = q(db, "SELECT e.label, e.canonical, COUNT(*) AS n, COUNT(DISTINCT m.doc_id) AS d FROM entities e"
                       f" JOIN mentions m USING(entity_id) WHERE {' AND '.join(where)} GROUP BY e.entity_id"
                       " ORDER BY n DESC, d DESC, e.canonical", tuple(binds))
        lo = int(params.get("offset", 0))
        return len(ranked), [tuple(r) for r in ranked[lo: lo + int(params.get("limit", 50))]]

    def got() -> tuple[int, list[tuple]]:
        body = client.get(f"/api/entities?{args}").json
        return body["total"], [(r["label"], r["entity"], r["mentions"], r["documents"]) for r in body["rows"]]

    assert got() == want()
    with sqlite3.connect(db) as c:  # an ingest's batch moves Europol's mentions of a document; its run is open
        europol, other = [r[0] for r in c.execute(
            "SELECT entity_id FROM entities WHERE label = 'ORG' AND canonical IN ('Europol', 'European Union')"
            " ORDER BY canonical")]
        c.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND doc_id = (SELECT MIN(doc_id)"
                  " FROM mentions WHERE entity_id = ?)", (other, europol, europol))
    assert got() == want()
