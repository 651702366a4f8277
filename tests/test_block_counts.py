"""The web app's fast paths give exactly what the whole-store computations give: co-mention
counts kept per block of documents (and recounted after every kind of write), an entity's
co-mention rows from those counts, the overview's top entities, search's counts."""
import sqlite3

import pandas as pd
import pytest

from docmine.analysis.comention import (
    WINDOWS,
    BlockCounts,
    comention,
    comention_of,
    comention_row,
    comention_table,
    window_counts,
)
from docmine.analysis.entities import TABLE_ORDER, entity_table, top_entities
from docmine.nlp.mention import LABELS
from docmine.store import DOC_BLOCK, Store
from storekit import add_document

ENTS = {"Europol": "ORG", "UNODC": "ORG", "heroin": "DRUG", "cocaine": "DRUG", "Spain": "PLACE",
        "Ana Rossi": "PERSON"}
TEXTS = ["Europol tracked heroin shipments to Spain. Nothing else here.",
         "Europol met partners.\n\nLater heroin was found. Ana Rossi spoke.",
         "UNODC reported cocaine trends in Spain. UNODC also saw heroin.",
         "UNODC published a report on cocaine. Europol and Ana Rossi agreed."]


def filler(store: Store, doc_id: int) -> None:
    """A document without mentions at ``doc_id``, so the next one written lands in its block."""
    store.conn.execute("INSERT INTO documents(doc_id, sha256, path, format, text) VALUES (?,?,?,'txt','')",
                       (doc_id, f"filler{doc_id}", f"filler{doc_id}.txt"))
    store.conn.commit()


def add(store: Store, n: int) -> None:
    add_document(store, f"d{n}.txt", TEXTS[n % len(TEXTS)] + f" Item {n}.", ENTS, date=f"20{10 + n % 9}-01-02")


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    for n in range(4):  # block 0
        add(s, n)
    filler(s, DOC_BLOCK + 10)
    for n in range(4, 7):  # block 1
        add(s, n)
    filler(s, 2 * DOC_BLOCK + 500)
    for n in range(7, 9):  # block 2, the last
        add(s, n)
    yield s
    s.close()


def assert_same_tables(store: Store, kept: BlockCounts) -> None:
    """Every table of every window from the kept counts equals comention() on the store now."""
    for window in WINDOWS:
        counts = kept.counts(store, window, LABELS)
        for rows, cols in (("ORG", "DRUG"), ("DRUG", "DRUG"), ("PERSON", "PLACE")):
            for min_count, both in ((1, False), (2, True)):
                want = comention(store, rows, cols, window=window, min_count=min_count, both_orders=both)
                got = comention_table(store, counts, rows, cols, min_count=min_count, both_orders=both)
                pd.testing.assert_frame_equal(got, want)
                assert got.attrs == want.attrs


def test_block_counts_follow_every_kind_of_write(store, tmp_path):
    kept = BlockCounts()
    assert_same_tables(store, kept)
    add(store, 9)  # an ingest batch: the last block
    assert_same_tables(store, kept)
    store.conn.execute("UPDATE documents SET near_dup_of=2 WHERE path='d0.txt'")  # an old block's document
    store.conn.commit()
    assert_same_tables(store, kept)
    store.conn.execute("UPDATE mentions SET entity_id=(SELECT entity_id FROM entities WHERE canonical='UNODC')"
                       " WHERE text='Europol' AND doc_id=(SELECT doc_id FROM documents WHERE path='d5.txt')")
    store.conn.commit()  # canonicalize re-maps mentions in place
    assert_same_tables(store, kept)
    store.mark_missing([store.query("SELECT path FROM files WHERE doc_id=(SELECT doc_id FROM documents"
                                    " WHERE path='d4.txt')")[0][0]], run_id=1)  # a file gone
    assert_same_tables(store, kept)
    filler(store, 3 * DOC_BLOCK + 1)  # the ingest moves on to a new block: the old last one joins the kept sum
    add(store, 10)
    add(store, 11)
    assert_same_tables(store, kept)


def test_a_new_store_at_the_same_path_is_counted_afresh(tmp_path):
    db = tmp_path / "s.db"
    kept = BlockCounts()
    with Store(db) as s:
        for n in range(3):
            add(s, n)
        assert_same_tables(s, kept)
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"s.db{suffix}").unlink(missing_ok=True)
    with Store(db) as s:  # same path, same generations, other documents
        for n in (3, 1, 2):
            add(s, n)
        assert_same_tables(s, kept)


def test_a_store_before_block_generations_is_counted_whole(store, tmp_path):
    """A store of version 5 served read-only (never migrated) has no generations: counted whole."""
    for (trigger,) in store.query("SELECT name FROM sqlite_master WHERE type='trigger' AND name LIKE '%_block'"):
        store.conn.execute(f"DROP TRIGGER {trigger}")
    store.conn.execute("DROP TABLE doc_block_gen")
    store.conn.commit()
    kept = BlockCounts()
    assert_same_tables(store, kept)
    add(store, 12)  # written by an older docmine: nothing says which block changed
    assert_same_tables(store, kept)


def test_triggers_bump_the_generation_of_the_written_block(store):
    def gens():
        return dict(store.query("SELECT block, gen FROM doc_block_gen"))

    before = gens()
    add(store, 13)
    after = gens()
    assert after[2] > before[2] and after[0] == before[0] and after[1] == before[1]
    store.conn.execute("UPDATE documents SET language='es' WHERE path='d5.txt'")
    store.conn.commit()
    assert gens()[1] > after[1] and gens()[0] == after[0]


@pytest.mark.parametrize("with_dups", [False, True])
def test_an_entitys_row_from_kept_counts_equals_comention_of(store, with_dups):
    store.conn.execute("UPDATE documents SET near_dup_of=1 WHERE path='d3.txt'")
    store.conn.commit()
    counts = window_counts(store, "document", LABELS, include_near_duplicates=with_dups)
    for (eid,) in store.query("SELECT entity_id FROM entities"):
        for cols in (TABLE_ORDER, "DRUG", ["PERSON", "ORG"]):
            for top in (None, 1):
                want = comention_of(store, eid, cols, top=top, include_near_duplicates=with_dups)
                got = comention_row(store, counts, eid, cols, top=top)
                pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert comention_row(store, counts, 10 ** 6, TABLE_ORDER).empty  # no such entity
    with pytest.raises(ValueError, match="document-window"):
        comention_row(store, window_counts(store, "sentence", LABELS), 1, "DRUG")


def test_top_entities_equal_the_entity_table(store):
    for top in (1, 2, 100):
        for label, got in top_entities(store, TABLE_ORDER, top).items():
            pd.testing.assert_frame_equal(got, entity_table(store, label, top=top))
    store.conn.execute("DROP INDEX documents_date")  # a store before migration 6: dates the slow way
    for label, got in top_entities(store, TABLE_ORDER, 2).items():
        pd.testing.assert_frame_equal(got, entity_table(store, label, top=2))


def test_search_counts_every_document_but_cuts_only_the_snippets_shown(store):
    from docmine.analysis.search import search

    hits = search(store, "heroin", limit=1)
    n_docs = store.query("SELECT COUNT(DISTINCT doc_id) FROM mentions m JOIN entities e USING(entity_id)"
                         " WHERE e.canonical='heroin'")[0][0]
    assert len(hits) == 1 and n_docs > 1 and hits["entity_documents"].iloc[0] == n_docs
    assert search(store, "heroin", limit=100)["entity_documents"].nunique() == 1


def test_app_pages_follow_writes_with_kept_counts(store, tmp_path):
    from docmine.web.app import create_app

    client = create_app(store.path).test_client()

    def csv(url):
        r = client.get(url)
        assert r.status_code == 200
        return r.data

    url = "/comention?rows=ORG&cols=DRUG&min_count=1&window=sentence&format=csv"
    first = csv(url)
    add_document(store, "new.txt", "UNODC and Europol seized cocaine. UNODC again with cocaine.", ENTS)
    second = csv(url)
    assert first != second
    import io

    want = comention(store, "ORG", "DRUG", window="sentence", min_count=1)
    got = pd.read_csv(io.BytesIO(second))
    assert got[["row", "col", "count", "documents"]].values.tolist() == \
        want[["row", "col", "count", "documents"]].values.tolist()
    page = client.get("/entity/ORG/UNODC").get_data(as_text=True)
    row = comention_of(store, store.query("SELECT entity_id FROM entities WHERE canonical='UNODC'")[0][0], "DRUG")
    assert f"<td class=\"num\">{int(row[row['col'] == 'cocaine']['count'].iloc[0])}</td>" in page


def test_counts_read_one_snapshot_while_a_writer_commits(store):
    """The generations and the rows counted come from one read transaction: a commit between
    them would keep old counts under a new generation (stale until the next write)."""
    reader = Store(store.path, readonly=True)
    kept = BlockCounts()
    kept.counts(reader, "document", LABELS)
    assert not reader.conn.in_transaction  # nothing left open to hold back the writer's checkpoints
    writer = sqlite3.connect(store.path)
    writer.execute("BEGIN IMMEDIATE")  # a writer mid-batch does not block the count
    kept.counts(reader, "sentence", LABELS)
    writer.rollback()
    writer.close()
    reader.close()


def test_state_cache_computes_a_key_once_for_requests_that_arrive_together(store):
    """Right after an ingest batch every client asks for the same whole-store result: one computes it."""
    import threading
    import time

    from docmine.web.app import StateCache

    cache = StateCache(store.path)
    calls = []

    def compute():
        calls.append(1)
        time.sleep(0.3)
        return len(calls)

    got: list[int] = []
    threads = [threading.Thread(target=lambda: got.append(cache.get(("k",), compute))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and got == [1] * 6
    add(store, 20)  # a write: computed again, once
    assert cache.get(("k",), compute) == 2 and cache.get(("k",), compute) == 2


@pytest.mark.parametrize("window", WINDOWS)
def test_evidence_reads_only_the_first_windows_and_lists_the_same(store, window):
    """evidence(limit=k) lists the first k of the windows it lists without a limit, by date."""
    from docmine.analysis.comention import evidence

    store.conn.execute("UPDATE documents SET near_dup_of=1 WHERE path='d4.txt'")
    store.conn.commit()
    for row, col in (("Europol", "heroin"), ("UNODC", "Spain"), ("heroin", "Ana Rossi")):
        every = evidence(store, row, col, window=window, limit=1000)
        assert list(every["date"]) == sorted(every["date"]) and "d4.txt" not in set(every["path"])
        for k in range(1, len(every) + 1):
            pd.testing.assert_frame_equal(evidence(store, row, col, window=window, limit=k), every.head(k))
        with_dups = evidence(store, row, col, window=window, limit=1000, include_near_duplicates=True)
        assert len(with_dups) >= len(every)


def test_document_list_pages_equal_the_whole_table_cut(store):
    """The documents page's rows and language counts from SQL equal the whole table's, filtered and cut."""
    from docmine.analysis.documents import PAGE_COLUMNS, document_list, language_counts
    from docmine.export import documents_df, records

    store.conn.execute("UPDATE documents SET language='es', topic=1 WHERE doc_id % 3 = 0")
    store.conn.execute("UPDATE documents SET language=NULL, topic=2 WHERE doc_id % 5 = 0")
    store.conn.commit()
    df = documents_df(store)
    assert language_counts(store) == list(df["language"].fillna("?").value_counts().items())
    for topic in (None, 1, 2, 7):
        for lang in (None, "en", "es", "xx"):
            want = df if topic is None else df[df["topic"] == topic]
            want = want if not lang else want[want["language"] == lang]
            for offset, limit in ((0, 200), (0, 2), (2, 3), (50, 5)):
                rows, total = document_list(store, topic, lang, offset, limit)
                assert total == len(want)
                assert rows == records(want.iloc[offset: offset + limit][list(PAGE_COLUMNS)])


def test_entity_counts_during_an_open_run_count_each_written_block_once(store, monkeypatch):
    """While an ingest's run is open the per-block counts are not stored: a search counts the
    blocks written since, and keeps them per generation, so the next search counts none, and a
    further write to a block is counted again (and right)."""
    import docmine.analysis.entities as entities

    def truth() -> dict[int, tuple[int, int]]:
        return {eid: (m, d) for eid, m, d in store.query(
            "SELECT entity_id, COUNT(*), COUNT(DISTINCT doc_id) FROM mentions GROUP BY entity_id")}

    store.refresh_entity_counts()
    add(store, 9)  # the last block, written by a run that has not ended
    filler(store, 3 * DOC_BLOCK + 1)
    add(store, 10)  # and a new block
    assert entities.stale_blocks(store).keys() == {2, 3}
    counted: list[int] = []
    real = entities.count_block
    monkeypatch.setattr(entities, "count_block", lambda s, b: counted.append(b) or real(s, b))
    assert entities.entity_counts(store) == truth()
    assert sorted(counted) == [2, 3]
    assert entities.entity_counts(store) == truth() and sorted(counted) == [2, 3]  # kept
    add(store, 11)  # the ingest's next batch: its block only is counted again
    assert entities.entity_counts(store) == truth()
    assert sorted(counted) == [2, 3, 3]
    some = sorted(truth())[:2]
    assert entities.entity_counts(store, some) == {e: truth()[e] for e in some}
    store.refresh_entity_counts()  # the run ends: stored, nothing stale
    counted.clear()
    assert entities.entity_counts(store) == truth() and counted == []


def test_place_table_from_block_counts_equals_every_place_mention_counted(store):
    """The map's table of places (no entity chosen) comes from the per-block counts less the
    near-duplicates' share: the same rows as counting every place mention, after writes too."""
    from docmine.analysis.geo import _place_counts_sql, place_table

    def same() -> None:
        for dups in (False, True):
            got = place_table(store, include_near_duplicates=dups)[["place", "documents", "mentions"]]
            want = _place_counts_sql(store, dups, None)
            assert got.to_dict("records") == want.to_dict("records") and len(got)

    same()
    store.conn.execute("UPDATE documents SET near_dup_of=2 WHERE path IN ('d0.txt', 'd7.txt')")
    store.conn.commit()
    same()
    add(store, 9)  # an open run's batch: its block is not counted in the store yet
    same()
    store.refresh_entity_counts()
    same()


def test_the_map_of_an_entity_from_kept_counts_equals_its_place_mentions_counted(store):
    """The map of the places in one entity's documents reads the kept co-mention counts (the
    documents shared, the place's mentions in them): the same rows as counting the mentions, after
    an ingest batch and a near-duplicate mark too."""
    from docmine.analysis.geo import _place_counts_sql, place_table

    kept = BlockCounts()

    def same() -> None:
        for entity in (("ORG", "Europol"), ("DRUG", "cocaine"), ("PLACE", "Spain"), ("ORG", "Nobody")):
            counts = kept.counts(store, "document", LABELS, spread=True)
            assert counts.spread is not None
            got = place_table(store, with_entity=entity, counts=counts)[["place", "documents", "mentions"]]
            assert got.to_dict("records") == _place_counts_sql(store, False, entity).to_dict("records")

    same()
    add(store, 9)
    store.conn.execute("UPDATE documents SET near_dup_of=2 WHERE path = 'd3.txt'")
    store.conn.commit()
    same()


def test_store_snapshot_reads_one_state_and_rolls_back(store):
    """Store.snapshot(): the reads inside see one state of the store (a writer's commit on another
    connection stays out until the snapshot ends), nothing is left open after it, even when the
    block raises."""
    def documents() -> int:
        return store.query("SELECT COUNT(*) FROM documents")[0][0]

    before = documents()
    writer = sqlite3.connect(store.path)
    with store.snapshot() as conn:
        assert conn is store.conn and store.conn.in_transaction
        assert documents() == before
        writer.execute("INSERT INTO documents(doc_id, sha256, path, format, text)"
                       " VALUES (99999, 'w', 'w.txt', 'txt', '')")
        writer.commit()
        assert documents() == before  # the snapshot's state, not the writer's
    assert not store.conn.in_transaction and documents() == before + 1
    with pytest.raises(KeyError), store.snapshot():
        documents()
        raise KeyError("boom")
    assert not store.conn.in_transaction
    writer.close()


def test_store_snapshot_inside_a_transaction_neither_begins_nor_ends_it(store):
    """Inside a transaction already open on the connection (a write not yet committed, or another
    snapshot), snapshot() reads in it: it does not begin one (an error in SQLite) nor roll it back."""
    before = store.query("SELECT COUNT(*) FROM documents")[0][0]
    store.conn.execute("INSERT INTO documents(doc_id, sha256, path, format, text)"
                       " VALUES (99998, 'o', 'o.txt', 'txt', '')")
    assert store.conn.in_transaction
    with store.snapshot():
        assert store.query("SELECT COUNT(*) FROM documents")[0][0] == before + 1  # the open write is seen
    assert store.conn.in_transaction  # still open: the write is not rolled back
    with pytest.raises(KeyError), store.snapshot():
        raise KeyError("boom")
    assert store.conn.in_transaction  # an error inside does not end the outer transaction either
    store.conn.commit()
    assert store.query("SELECT COUNT(*) FROM documents")[0][0] == before + 1
    with store.snapshot():
        with store.snapshot():  # nested: the inner one leaves the outer one open
            pass
        assert store.conn.in_transaction
        kept = BlockCounts().counts(store, "document", LABELS)  # the counts read in the open snapshot
        assert store.conn.in_transaction
    assert not store.conn.in_transaction
    want = window_counts(store, "document", LABELS)
    assert (kept.co != want.co).nnz == 0 and kept.n_windows == want.n_windows



def test_place_frame_orders_by_documents_then_place():
    """The one table both fast map paths build: most documents first, ties by place then mentions."""
    from docmine.analysis.geo import _place_frame

    got = _place_frame([(1, "Spain", 3), (2, "Turkey", 1), (1, "Peru", 5), (1, "Peru", 2)])
    assert got.to_dict("records") == [{"place": "Turkey", "documents": 2, "mentions": 1},
                                      {"place": "Peru", "documents": 1, "mentions": 2},
                                      {"place": "Peru", "documents": 1, "mentions": 5},
                                      {"place": "Spain", "documents": 1, "mentions": 3}]
    assert list(_place_frame([]).columns) == ["place", "documents", "mentions"] and _place_frame([]).empty

def test_spread_is_counted_only_for_the_map_of_an_entity(store, monkeypatch):
    """The CLI's table (comention(), as `docmine comention` and the API call it) and counts not
    asked for it do not count ``spread``; counts without it still give the map of an entity (from
    the mentions); the web app's kept document counts carry it, and its map of an entity reads it:
    the same rows as counting the place mentions."""
    import docmine.analysis.comention as co
    import docmine.analysis.geo as geo
    from docmine import api
    from docmine.web.app import create_app

    made: list[co.Counts] = []
    real = co.window_counts
    monkeypatch.setattr(co, "window_counts", lambda *a, **kw: made.append(real(*a, **kw)) or made[-1])
    comention(store, "ORG", "PLACE", window="document", min_count=1)
    api.comention("ORG", "DRUG", db=store.path, window="document", min_count=1)
    assert len(made) == 2 and all(c.spread is None for c in made)
    made.clear()
    for window in WINDOWS:
        assert BlockCounts().counts(store, window, LABELS).spread is None
    assert made and all(c.spread is None for c in made)
    with pytest.raises(ValueError, match="document windows"):
        real(store, "sentence", LABELS, spread=True)
    with_spread = real(store, "document", LABELS, spread=True)
    plain = real(store, "document", LABELS)
    for m in ("co", "pairs"):
        assert (getattr(with_spread, m) != getattr(plain, m)).nnz == 0
    # spread, entry by entry: the mentions of y in the documents that mention x
    want = {(x, y): n for x, y, n in store.query(
        "SELECT a.entity_id, b.entity_id, COUNT(*) FROM (SELECT DISTINCT doc_id, entity_id FROM mentions) a"
        " JOIN mentions b USING(doc_id) WHERE a.doc_id NOT IN (SELECT doc_id FROM documents WHERE"
        " near_dup_of IS NOT NULL) GROUP BY a.entity_id, b.entity_id")}
    got = with_spread.spread.tocoo()
    assert {(int(x), int(y)): int(n) for x, y, n in zip(got.row, got.col, got.data, strict=True)} == want

    entity = ("ORG", "Europol")
    want_places = geo._place_counts_sql(store, False, entity)
    assert geo.place_table(store, with_entity=entity, counts=plain)[["place", "documents", "mentions"]] \
        .to_dict("records") == want_places.to_dict("records")  # no spread: counted from the mentions

    def no_sql(*a, **kw):
        raise AssertionError("the map of an entity counted the mentions instead of reading the kept counts")

    monkeypatch.setattr(geo, "_place_counts_sql", no_sql)
    made.clear()
    client = create_app(store.path).test_client()
    r = client.get("/map?label=ORG&name=Europol&format=csv")
    assert r.status_code == 200
    import io

    got_places = pd.read_csv(io.BytesIO(r.data))[["place", "documents", "mentions"]]
    assert got_places.to_dict("records") == want_places.to_dict("records") and len(got_places)
    assert made and all(c.spread is not None for c in made)  # the app's document counts, block by block
