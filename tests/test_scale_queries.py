"""The queries made cheap for large stores (benchmarks/load.py at 100,000 documents) give what the
plain queries give: entity tables from the indexes, snippets from an entity's first documents by
date, distinct surface forms by skip scan, full-text ranking before snippets, result ids cut in
id order."""
import pytest

from docmine.analysis import entities as ent_mod
from docmine.analysis import search as search_mod
from docmine.analysis.search import _filters, full_text_rows, mention_snippets, result_doc_ids
from docmine.store import Store
from storekit import add_document

DOCS = [  # (path, text, date): ties in mentions and documents, undated documents, dates out of id order
    ("a.txt", "Europol seized heroin. Europol and Interpol found cocaine in Spain.", "2021-05-01"),
    ("b.txt", "Interpol seized heroin in Spain. HEROIN again. Europol.", "2019-01-01"),
    ("c.txt", "Undated: Europol, heroin, cocaine.", None),
    ("d.txt", "Interpol and heroin. Spain said cocaine.", "2019-01-01"),
    ("e.txt", "Europol, Europol, Interpol. Heroin in Spain.", "2023-07-07"),
    ("f.txt", "Undated too: cocaine and Interpol.", None),
    ("g.txt", "Kovač met Europol about heroin.", "2020-02-02"),
]
ENTITIES = {"Europol": "ORG", "Interpol": "ORG", "heroin": "DRUG", "HEROIN": "DRUG|heroin", "Heroin": "DRUG|heroin",
            "cocaine": "DRUG", "Spain": "PLACE", "Kovač": "PERSON"}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "s.db")
    for path, text, date in DOCS:
        add_document(s, path, text, {k: v for k, v in ENTITIES.items() if k in text}, date=date)
    # an entity no mention refers to any more (a deleted document leaves it)
    s.conn.execute("INSERT INTO entities(label, canonical) VALUES ('ORG', 'Orphan Agency')")
    s.conn.commit()
    yield s
    s.close()


@pytest.mark.parametrize("walk_from", [0, 10**9])
def test_entity_rows_from_the_indexes_equal_the_joined_query(store, monkeypatch, walk_from):
    monkeypatch.setattr(ent_mod, "WALK_FROM_DOCUMENTS", walk_from)  # dates by walking the date index, or not
    for label in (None, "ORG", "DRUG", "PERSON", "QUANTITY"):
        for top in (None, 0, 1, 2, 3, 20):
            fast = ent_mod.entity_rows(store, label, top)
            with monkeypatch.context() as m:
                m.setattr(Store, "has_indexes", lambda *a: False)  # the query over every mention
                plain = ent_mod.entity_rows(store, label, top)
            assert fast.columns == plain.columns
            assert fast.rows == plain.rows, (label, top)
    assert "Orphan Agency" not in [r.entity for r in ent_mod.entity_rows(store, None, 0).itertuples()]


@pytest.mark.parametrize("filters", [{}, {"date_from": "2019-06-01"}, {"date_to": "2021-12-31"}])
def test_snippets_from_the_first_documents_by_date_equal_the_sorted_mentions(store, monkeypatch, filters):
    fsql, fparams = _filters(**filters)
    for (eid,) in store.query("SELECT entity_id FROM entities"):
        for limit in (1, 2, 3, 5, 8, 100):
            monkeypatch.setattr(search_mod, "SNIPPETS_SORTED", 1)  # every entity read by date
            walked = mention_snippets(store, eid, 20, fsql, fparams, limit=limit)
            monkeypatch.setattr(search_mod, "SNIPPETS_SORTED", 10**9)  # every mention sorted
            assert walked == mention_snippets(store, eid, 20, fsql, fparams, limit=limit), (eid, limit)


def test_distinct_forms_by_skip_scan(store):
    forms = store.query(f"SELECT entity_id, text FROM {search_mod.distinct_forms(store)} ORDER BY 1, 2")
    assert "WITH RECURSIVE" in search_mod.distinct_forms(store)
    assert [tuple(r) for r in forms] == [tuple(r) for r in store.query(
        "SELECT DISTINCT entity_id, text FROM mentions ORDER BY 1, 2")]
    assert {r[1] for r in forms} >= {"heroin", "HEROIN", "Heroin"}


OLD_FULL_TEXT = (  # one query: snippets computed for every match before the LIMIT
    "SELECT d.doc_id, d.path, d.title, d.date, round(bm25(documents_fts), 3) AS score,"
    " snippet(documents_fts, 1, ?, ?, '…', 16) AS snippet"
    " FROM documents_fts JOIN documents d ON d.doc_id = documents_fts.rowid"
    " WHERE documents_fts MATCH ?{} ORDER BY bm25(documents_fts) LIMIT ?")


@pytest.mark.parametrize("filters", [{}, {"date_from": "2020-01-01"}])
def test_full_text_ranks_then_cuts_snippets_as_one_query_did(store, filters):
    fsql, fparams = _filters(**filters)
    for query in ("heroin", "Europol OR cocaine", '"seized heroin"', "undated*", "nothing"):
        for limit in (1, 2, 50):
            got = full_text_rows(store, query, limit=limit, marks=("<", ">"), **filters)
            want = store.query(OLD_FULL_TEXT.format(fsql), ("<", ">", query, *fparams, limit))
            assert got.columns == ["doc_id", "path", "title", "date", "score", "snippet"]
            assert got.rows == [tuple(r) for r in want], (query, limit)
    with pytest.raises(ValueError, match="invalid full-text query"):
        full_text_rows(store, '"unterminated')


def test_result_ids_cut_at_a_limit_are_the_first_of_all(store):
    for text, query, found in ((True, "heroin OR cocaine", ()), (False, "x", [("DRUG", "heroin"), ("PLACE", "Spain")])):
        for filters in ({}, {"date_from": "2019-06-01"}):
            every = result_doc_ids(store, query, text, found, **filters)
            assert every == sorted(every) and every
            for limit in range(1, len(every) + 2):
                assert result_doc_ids(store, query, text, found, **filters, limit=limit) == every[:limit]


def test_language_counts_from_the_index_equal_a_count_of_every_row(store):
    from docmine.analysis.documents import language_counts

    store.conn.execute("UPDATE documents SET language = NULL WHERE doc_id IN (2, 5)")
    store.conn.execute("UPDATE documents SET language = 'es' WHERE doc_id IN (3, 4)")
    store.conn.execute("UPDATE documents SET language = '?' WHERE doc_id = 7")
    store.conn.commit()
    want = language_counts(store)
    store.conn.execute("DROP INDEX documents_facets")  # as a store before migration 7 is read
    assert language_counts(store) == want == [("?", 3), ("en", 2), ("es", 2)]


@pytest.mark.parametrize("query", ["*", "*reads", "  *id", "*heroin"])
def test_a_full_text_query_that_starts_with_a_star_is_refused_with_a_message(store, query):
    """FTS5 takes a query that starts with * for one of its debugging queries: "*" was a raw
    "unknown special query" database error, "*reads" no search at all."""
    for call in (lambda: full_text_rows(store, query), lambda: result_doc_ids(store, query, text=True)):
        with pytest.raises(ValueError, match=r"invalid full-text query .*cannot start the query"):
            call()
    assert [r.path for r in full_text_rows(store, "heroin*").itertuples()]  # a prefix query still works


def _plain(store, monkeypatch, label=None, top=None):
    with monkeypatch.context() as m:
        m.setattr(Store, "has_indexes", lambda *a: False)  # the query over every mention
        return ent_mod.entity_rows(store, label, top).rows


def test_entity_counts_are_kept_per_block_and_recounted_where_written(store, monkeypatch):
    """`docmine entities` sums per-block counts stored at the end of each run (migration 8); a
    block written since is recounted on reading, so the table is never stale."""
    run = store.start_run("test", {})
    store.finish_run(run, {})  # stores the counts
    assert store.query("SELECT COUNT(*) FROM entity_counts")[0][0] > 0
    assert ent_mod.stale_blocks(store) == {}
    with monkeypatch.context() as m:  # fresh: nothing is recounted
        m.setattr(ent_mod, "count_block", lambda *a: pytest.fail("a fresh block was recounted"))
        assert ent_mod.entity_rows(store, None, None).rows == _plain(store, monkeypatch)
    add_document(store, "h.txt", "Europol and Interpol seized cocaine in Spain.",
                 {"Europol": "ORG", "Interpol": "ORG", "cocaine": "DRUG", "Spain": "PLACE"}, date="2024-01-01")
    assert ent_mod.stale_blocks(store)  # written since: counted on reading, still right
    assert ent_mod.entity_rows(store, None, None).rows == _plain(store, monkeypatch)
    assert store.refresh_entity_counts() == 1 and ent_mod.stale_blocks(store) == {}
    store.conn.execute("DELETE FROM mentions WHERE doc_id = (SELECT doc_id FROM documents WHERE path = 'g.txt')")
    store.conn.commit()
    got = ent_mod.entity_rows(store, None, None).rows
    assert got == _plain(store, monkeypatch) and "Kovač" not in [r[1] for r in got]


def test_a_store_far_past_one_block_sums_its_blocks(tmp_path, monkeypatch):
    from docmine.store import DOC_BLOCK

    with Store(tmp_path / "big.db") as s:
        s.conn.execute("INSERT INTO documents(doc_id, sha256, path, format, text) VALUES (?, 'x', 'x.txt', 'txt', '')",
                       (2 * DOC_BLOCK - 3,))  # the next documents get ids 2046, 2047 | 2048, ...: two blocks
        s.conn.commit()
        for path, text, date in DOCS:
            add_document(s, path, text, {k: v for k, v in ENTITIES.items() if k in text}, date=date)
        assert {d // DOC_BLOCK for (d,) in s.query("SELECT doc_id FROM documents WHERE path != 'x.txt'")} == {1, 2}
        s.refresh_entity_counts()
        assert {b for (b,) in s.query("SELECT DISTINCT block FROM entity_counts")} == {1, 2}
        assert ent_mod.entity_rows(s, None, None).rows == _plain(s, monkeypatch)


FACET_FILTERS = [{}, {"date_from": "2019-06-01"}, {"lang": "en"}, {"tag": "case-7"}, {"country": "Spain"},
                 {"drug_class": "cocaine-type"}]


def test_drug_class_and_country_facets_count_and_narrow_the_documents(store):
    """A document counts once for each class of the drugs it mentions and each country of its
    places; a filter keeps the documents that have the value, named as a user would name it."""
    every = search_mod.result_facets(store, "heroin OR cocaine", True)
    heroin, cocaine, spain = ({i for i, (_, text, _) in enumerate(DOCS, 1) if word in text.lower()}
                              for word in ("heroin", "cocaine", "spain"))
    assert every["drug_class"] == sorted([("opiate", len(heroin)), ("cocaine-type", len(cocaine))],
                                         key=lambda kv: (-kv[1], kv[0]))
    assert every["country"] == [("Spain", len(spain))]
    assert list(every) == list(search_mod.FACETS)
    for given in ("Spain", "spain", "Madrid"):  # a city names its country
        assert result_doc_ids(store, "heroin OR cocaine", True, country=given) == sorted(spain)
    assert result_doc_ids(store, "x", False, [("DRUG", "heroin")], drug_class="cocaine") == sorted(heroin & cocaine)
    narrowed = search_mod.result_facets(store, "x", False, [("DRUG", "heroin")], drug_class="cocaine-type")
    assert dict(narrowed["drug_class"]) == {"opiate": len(heroin & cocaine), "cocaine-type": len(heroin & cocaine)}
    hits = search_mod.search_rows(store, "heroin", country="Spain", limit=100)
    assert {r.doc_id for r in hits.itertuples()} == heroin & spain
    assert {r.entity_documents for r in hits.itertuples()} == {len(heroin & spain)}  # counted under the filter
    dated = search_mod.search_rows(store, "heroin", country="Spain", date_from="2020-01-01", limit=100)
    assert {r.entity_documents for r in dated.itertuples()} == {
        len({i for i in heroin & spain if (DOCS[i - 1][2] or "") >= "2020-01-01"})}
    assert {r.doc_id for r in full_text_rows(store, "Europol", drug_class="opiate").itertuples()} == {
        i for i, (_, text, _) in enumerate(DOCS, 1) if "Europol" in text} & heroin
    with pytest.raises(ValueError, match=r"no document here mentions a place in 'Narnia'.*Spain"):
        search_mod.search_rows(store, "heroin", country="Narnia")
    with pytest.raises(ValueError, match="drug class values in this store: cocaine-type, opiate"):
        search_mod.result_facets(store, "heroin", True, drug_class="stimulant")


@pytest.mark.parametrize("filters", FACET_FILTERS)
@pytest.mark.parametrize("cut", [1, 2, 3, 20_000])
def test_result_facets_in_one_statement_equal_facets_of_the_result_ids(store, monkeypatch, filters, cut):
    """The search page's facets (ids a subquery of the count) equal the facets of the ids read
    first, cut at MAX_FACET_DOCS the same way (each entity's first documents, united, the first
    of them), with document tags counted."""
    from docmine.tags import mark

    mark(store, "document", "b.txt", "case-7")
    mark(store, "document", "e.txt", "case-7")
    mark(store, "entity", "PERSON\tKovač", "case-7")
    store.conn.execute("UPDATE documents SET topic = doc_id % 2, language = CASE WHEN doc_id = 3 THEN 'es' ELSE 'en'"
                       " END")
    store.conn.commit()
    monkeypatch.setattr(search_mod, "MAX_FACET_DOCS", cut)
    for text, query, found in ((True, "heroin OR cocaine", []), (True, "nothing", []), (False, "x", []),
                               (False, "x", [("DRUG", "heroin"), ("PLACE", "Spain"), ("PERSON", "Kovač")]),
                               (False, "x", [("ORG", "Interpol")])):
        ids = result_doc_ids(store, query, text, found, **filters, limit=cut)
        want = search_mod.facets(store, ids, [label for label, _ in found])
        got = search_mod.result_facets(store, query, text, found, **filters)
        assert got == want, (text, query, found)
        if ids and cut > 3:
            assert sum(n for _, n in got["year"]) + sum(1 for i in ids if i in (3, 6)) == len(ids)  # undated: 3, 6
    ids = result_doc_ids(store, "heroin OR cocaine", True, limit=cut)  # every document, the first ``cut``
    everything = search_mod.result_facets(store, "heroin OR cocaine", True)
    assert ids == [1, 2, 3, 4, 5, 6, 7][:cut]
    tagged = len({2, 5} & set(ids))  # b.txt and e.txt
    assert everything["tag"] == ([("case-7", tagged)] if tagged else [])
    assert dict(everything["language"]) == {k: v for k, v in (("en", len(ids) - (3 in ids)), ("es", 3 in ids)) if v}
    assert dict(everything["topic"]) == {k: v for k, v in (("0", sum(i % 2 == 0 for i in ids)),
                                                           ("1", sum(i % 2 for i in ids))) if v}

def test_entity_counts_of_some_entities_equal_those_of_every_entity(store):
    """A search counts the documents of the entities it found only, blocks written since their
    counts were stored included."""
    every_id = [eid for (eid,) in store.query("SELECT entity_id FROM entities")]
    for refreshed in (False, True):
        if refreshed:
            store.refresh_entity_counts()
        every = ent_mod.entity_counts(store)
        assert every and ent_mod.stale_blocks(store) == ({} if refreshed else ent_mod.stale_blocks(store))
        for eid in every_id:
            assert ent_mod.entity_counts(store, [eid]) == ({eid: every[eid]} if eid in every else {})
        assert ent_mod.entity_counts(store, every_id) == every
        assert ent_mod.entity_counts(store, []) == {}
    add_document(store, "h.txt", "Europol again.", {"Europol": "ORG"}, date="2024-01-01")  # a stale block
    europol = store.query("SELECT entity_id FROM entities WHERE canonical = 'Europol'")[0][0]
    assert ent_mod.stale_blocks(store)
    assert ent_mod.entity_counts(store, [europol]) == {europol: ent_mod.entity_counts(store)[europol]}
    assert ent_mod.entity_counts(store, [europol])[europol][1] == 6  # a, b, c, e, g and h


def _facets_shown(html: str) -> dict[str, dict[str, int]]:
    import re

    shown: dict[str, dict[str, int]] = {}
    for facet, value, n in re.findall(r'data-facet="(\w+)" href="[^"]*">([^<]+)</a> <span class="muted">(\d+)', html):
        shown.setdefault(facet, {})[value] = int(n)
    return shown


def test_the_search_page_shows_the_facets_of_its_search_and_a_table_counts_none(store, monkeypatch):
    """Full-text facets are counted on a second connection while the page ranks: the page shows
    what :func:`result_facets` gives; a CSV download counts no facets; a bad query is a message."""
    from docmine.web.app import create_app

    store.conn.execute("UPDATE documents SET topic = doc_id % 2")
    store.conn.commit()
    client = create_app(str(store.path)).test_client()
    for url, text, found in (("/search?q=heroin%20OR%20cocaine&text=1", True, []),
                             ("/search?q=cocaine&text=1&from=2019-06-01", True, []),
                             ("/search?q=heroin", False, [("DRUG", "heroin")])):
        html = client.get(url).data.decode()
        filters = {"date_from": "2019-06-01"} if "from=" in url else {}
        query = "heroin OR cocaine" if "OR" in url else url.split("q=")[1].split("&")[0]
        want = search_mod.result_facets(store, query, text, found, **filters)
        assert _facets_shown(html) == {k: {str(v): n for v, n in vals[:12]} for k, vals in want.items() if vals}
        assert want["year"] and want["topic"]
    with monkeypatch.context() as m:
        m.setattr(search_mod, "result_facets", lambda *a, **k: pytest.fail("facets counted for a CSV download"))
        for url in ("/search?q=heroin&text=1&format=csv", "/search?q=heroin&format=csv"):
            r = client.get(url)
            assert r.status_code == 200 and r.data.count(b"\n") > 3
    r = client.get('/search?q=%22unterminated&text=1')
    assert r.status_code == 400 and b"invalid full-text query" in r.data
