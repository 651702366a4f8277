"""Co-mention measures against hand-computed values, window semantics, near-duplicates, exports."""
import math

import pandas as pd
import pytest

from docmine.analysis.comention import comention, evidence
from docmine.dedup import NearDupIndex, signature
from docmine.store import Store
from storekit import add_document

ENTS = {"Europol": "ORG", "UNODC": "ORG", "heroin": "DRUG", "cocaine": "DRUG"}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.db")
    # 4 documents; Europol+heroin share a sentence in d1, are in different sentences in d2
    add_document(s, "d1.txt", "Europol tracked heroin shipments. Nothing else here.", ENTS)
    add_document(s, "d2.txt", "Europol met partners.\n\nLater heroin was found.", ENTS)
    add_document(s, "d3.txt", "UNODC reported cocaine trends. UNODC also saw heroin.", ENTS)
    add_document(s, "d4.txt", "UNODC published a report on cocaine.", ENTS)
    yield s
    s.close()


def cell(df, row, col):
    hit = df[(df.row == row) & (df.col == col)]
    assert len(hit) == 1, df
    return hit.iloc[0]


def test_document_window_measures_by_hand(store):
    df = comention(store, "ORG", "DRUG", window="document", min_count=1)
    c = cell(df, "Europol", "heroin")
    # N = 4 documents; Europol in 2, heroin in 3, both in 2
    assert (c["count"], c["row_count"], c["col_count"], c["windows"]) == (2, 2, 3, 4)
    pmi = math.log2((2 / 4) / ((2 / 4) * (3 / 4)))
    assert c["pmi"] == pytest.approx(pmi, abs=1e-4)
    assert c["npmi"] == pytest.approx(pmi / -math.log2(2 / 4), abs=1e-4)
    assert c["lift"] == pytest.approx(4 / 3, abs=1e-4)
    # Fisher one-sided: P[X >= 2] for hypergeometric(N=4, K=2, n=3) = C(2,2)C(2,1)/C(4,3) = 2/4
    assert c["p_value"] == pytest.approx(0.5)
    u = cell(df, "United Nations Office on Drugs and Crime" if False else "UNODC", "cocaine")
    assert (u["count"], u["row_count"], u["col_count"]) == (2, 2, 2)
    assert u["npmi"] == pytest.approx(1.0)  # always together
    # UNODC mentions x cocaine mentions: d3 has 2 x 1, d4 has 1 x 1
    assert u["mention_pairs"] == 3


def test_window_semantics_sentence_vs_document(store):
    doc = comention(store, "ORG", "DRUG", window="document", min_count=1)
    sent = comention(store, "ORG", "DRUG", window="sentence", min_count=1)
    para = comention(store, "ORG", "DRUG", window="paragraph", min_count=1)
    assert cell(doc, "Europol", "heroin")["count"] == 2
    # d2: Europol and heroin are in different sentences (and paragraphs): only d1 counts
    assert cell(sent, "Europol", "heroin")["count"] == 1
    assert cell(para, "Europol", "heroin")["count"] == 1
    # d3: UNODC ... heroin in the same paragraph, different sentences
    assert cell(para, "UNODC", "heroin")["count"] == 1
    assert ((sent.row == "UNODC") & (sent.col == "heroin")).sum() == 1  # "UNODC also saw heroin"


def test_min_count_and_same_label(store):
    df = comention(store, "ORG", "DRUG", min_count=2)
    assert set(zip(df.row, df.col, strict=True)) == {("Europol", "heroin"), ("UNODC", "cocaine")}
    same = comention(store, "DRUG", "DRUG", min_count=1)
    assert not (same.row == same.col).any()
    assert set(zip(same.row, same.col, strict=True)) == {("cocaine", "heroin")}  # each unordered pair once
    both = comention(store, "DRUG", "DRUG", min_count=1, both_orders=True)
    assert set(zip(both.row, both.col, strict=True)) == {("cocaine", "heroin"), ("heroin", "cocaine")}


def test_evidence_lists_the_sentences_behind_a_cell(store):
    ev = evidence(store, "Europol", "heroin", window="sentence")
    assert ev["text"].tolist() == ["Europol tracked heroin shipments."]
    ev_doc = evidence(store, "Europol", "heroin", window="document")
    assert sorted(ev_doc["path"]) == ["d1.txt", "d2.txt"]
    with pytest.raises(ValueError, match="no entity named"):
        evidence(store, "Interpol", "heroin")


def test_near_duplicates_count_once(tmp_path):
    s = Store(tmp_path / "nd.db")
    near = NearDupIndex()
    base = ("Customs officers at the port of Antwerp seized two tonnes of cocaine hidden in a shipment of bananas "
            "from Ecuador, the agency said on Monday. The consignment had been declared as fresh fruit and was "
            "selected for inspection after a risk analysis of the shipping documents. Europol supported the "
            "investigation with operational analysis and cross-checks against its databases. Three suspects were "
            "arrested in Belgium and the Netherlands, and investigators seized cash, phones and two vehicles. "
            "The agency said that criminal networks continue to exploit legitimate trade through the port, and "
            "that cooperation with producer countries in Latin America remains essential to stop the flow.")
    run = s.start_run("test", {})
    texts = [base, base.replace("on Monday", "on Tuesday") + " Photos: Belgian Customs.",
             "Europol warned about heroin in Vienna today."]
    for i, text in enumerate(texts):
        from storekit import add_document as add

        add(s, f"r{i}.txt", text, {"Europol": "ORG", "cocaine": "DRUG", "heroin": "DRUG"}, run_id=run, minhash=False)
    # mark near duplicates the way ingest does
    for doc_id, text in s.query("SELECT doc_id, text FROM documents ORDER BY doc_id"):
        sig = signature(text)
        dup = near.find(sig)
        if dup is not None:
            with s.transaction() as c:
                c.execute("UPDATE documents SET near_dup_of=? WHERE doc_id=?", (dup, doc_id))
        near.add(doc_id, sig)
    dups = s.query("SELECT doc_id, near_dup_of FROM documents WHERE near_dup_of IS NOT NULL")
    assert [tuple(r) for r in dups] == [(2, 1)]
    once = comention(s, "ORG", "DRUG", min_count=1)
    both = comention(s, "ORG", "DRUG", min_count=1, include_near_duplicates=True)
    assert cell(once, "Europol", "cocaine")["count"] == 1
    assert cell(both, "Europol", "cocaine")["count"] == 2


@pytest.mark.slow
def test_exports_open_in_their_readers(store, tmp_path):
    import networkx as nx
    import openpyxl

    from docmine.analysis.network import heatmap, write_network
    from docmine.export import write_table

    df = comention(store, "ORG", "DRUG", min_count=1)
    write_table(df, None, str(tmp_path / "t.csv"))
    write_table(df, None, str(tmp_path / "t.xlsx"))
    write_table(df, None, str(tmp_path / "t.parquet"))
    write_table(df, None, str(tmp_path / "t.json"))
    assert pd.read_csv(tmp_path / "t.csv").shape == df.shape
    assert pd.read_parquet(tmp_path / "t.parquet")["count"].tolist() == df["count"].tolist()
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").active.max_row == len(df) + 1
    assert len(pd.read_json(tmp_path / "t.json")) == len(df)
    write_network(df, str(tmp_path / "g.graphml"))
    write_network(df, str(tmp_path / "g.gexf"))
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.nodes["ORG:Europol"]["frequency"] == 2
    assert g.edges["ORG:Europol", "DRUG:heroin"]["weight"] == pytest.approx(cell(df, "Europol", "heroin")["npmi"])
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == len(df)
    heatmap(df, str(tmp_path / "h.png"))
    heatmap(df, str(tmp_path / "h.svg"))
    assert (tmp_path / "h.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (tmp_path / "h.svg").read_bytes()[:500]


def test_one_entitys_row_equals_its_row_of_the_whole_table(store, tmp_path):
    """The entity page's comention_of reads only that entity's documents; its rows are the table's."""
    from docmine.analysis.comention import comention_of, entity_document_counts

    add_document(store, "d5.txt", "UNODC and Europol saw cocaine and heroin. Europol again.", ENTS)
    store.conn.execute("UPDATE documents SET near_dup_of=1 WHERE path='d5.txt'")  # a republished copy
    store.conn.commit()
    for with_dups in (False, True):
        for eid, label, name in store.query("SELECT entity_id, label, canonical FROM entities"):
            for other in ("ORG", "DRUG", "PLACE", "PERSON"):
                whole = comention(store, label, other, min_count=1, both_orders=label == other,
                                  include_near_duplicates=with_dups)
                want = whole[whole["row"] == name].reset_index(drop=True)
                got = comention_of(store, eid, other, include_near_duplicates=with_dups)
                pd.testing.assert_frame_equal(got.drop(columns="col_label"), want, check_dtype=False)
                together = comention_of(store, eid, ["ORG", "DRUG", "PLACE", "PERSON"],
                                        include_near_duplicates=with_dups)
                mine = together[together["col_label"] == other].drop(columns="col_label").reset_index(drop=True)
                pd.testing.assert_frame_equal(mine, want, check_dtype=False)
                kept = comention_of(store, eid, other, include_near_duplicates=with_dups,
                                    doc_counts=entity_document_counts(store, with_dups))
                pd.testing.assert_frame_equal(kept.drop(columns="col_label"), want, check_dtype=False)
                top1 = comention_of(store, eid, other, top=1, include_near_duplicates=with_dups)
                assert len(top1) == min(1, len(want))


def test_a_tag_keeps_the_documents_that_carry_it(tmp_path):
    """`docmine comention --tag`: the table of the tagged documents (or those mentioning a tagged
    entity) only, through the real command line."""
    from conftest import run_cli
    from docmine.store import Store
    from docmine.tags import mark
    from storekit import small_store

    db = small_store(str(tmp_path / "s.db"))
    with Store(db) as s:
        mark(s, "document", "a.txt", "case 7")
    tagged = docmine_comention(db, tag="case 7")
    assert set(zip(tagged["row"], tagged["col"], strict=True)) == {("Europol", "heroin"), ("Europol", "cocaine"),
                                                     ("Interpol", "heroin"), ("Interpol", "cocaine")}
    assert set(tagged["documents"]) == {1}
    whole = docmine_comention(db)
    assert whole["documents"].max() == 3
    out = run_cli("comention", "--db", db, "--rows", "ORG", "--cols", "DRUG", "--min-count", "1", "--tag", "case 7")
    assert "Europol" in out.stdout
    bad = run_cli("comention", "--db", db, "--rows", "ORG", "--cols", "DRUG", "--tag", "<b>", check=False)
    assert bad.returncode == 2 and "use 1 to 50 letters" in bad.stderr


def docmine_comention(db, **kw):
    from docmine import api

    return api.comention("ORG", "DRUG", db=db, min_count=1, **kw)


def test_the_web_table_and_its_evidence_follow_a_tag(tmp_path):
    """The co-mention page narrows to a tag (the form offers the store's tags) and its cells open
    the evidence of the tagged documents only; so does `comention --evidence --tag`."""
    from conftest import run_cli
    from docmine import api
    from docmine.store import Store
    from docmine.tags import mark
    from docmine.web.app import create_app
    from storekit import small_store

    db = small_store(str(tmp_path / "s.db"))
    with Store(db) as s:
        mark(s, "document", "b.txt", "case 7")
    client = create_app(db).test_client()
    whole = client.get("/comention?rows=ORG&cols=DRUG&measure=documents&min_count=1").get_data(as_text=True)
    page = client.get("/comention?rows=ORG&cols=DRUG&measure=documents&min_count=1&tag=case+7").get_data(as_text=True)
    assert '<option selected>case 7</option>' in page and "tag=case+7" in page  # cells keep the tag
    assert ">3</a>" in whole and ">3</a>" not in page and ">1</a>" in page
    ev = client.get("/evidence?row=Europol&col=heroin&rows=ORG&cols=DRUG&window=document&tag=case+7")
    assert ev.status_code == 200 and "b.txt" in ev.get_data(as_text=True)
    assert "a.txt" not in ev.get_data(as_text=True)
    assert len(api.evidence("Europol", "heroin", db=db, window="document", tag="case 7")) == 1
    assert len(api.evidence("Europol", "heroin", db=db, window="document")) == 3
    out = run_cli("comention", "--db", db, "--rows", "ORG", "--cols", "DRUG", "--evidence", "Europol", "heroin",
                  "--window", "document", "--tag", "case 7").stdout
    assert "b.txt" in out and "a.txt" not in out
    assert client.get("/comention?lang=english!").status_code == 400


def test_a_report_of_the_tagged_documents_only(tmp_path):
    """`docmine report --tag T`: the report of a case file: its documents, its entities and
    co-mentions; the untagged documents are not in it."""
    from conftest import run_cli
    from docmine.store import Store
    from docmine.tags import mark
    from storekit import add_document, small_store

    db = small_store(str(tmp_path / "s.db"))
    with Store(db) as s:
        add_document(s, "z.txt", "Carabinieri seized ketamine in Italy.",
                     {"Carabinieri": "ORG", "ketamine": "DRUG", "Italy": "PLACE"}, date="2024-02-02")
        mark(s, "document", "a.txt", "case 7")
    whole, case = tmp_path / "whole.html", tmp_path / "case.html"
    run_cli("report", "--db", db, "-o", str(whole))
    run_cli("report", "--db", db, "-o", str(case), "--tag", "case 7")
    w, c = whole.read_text(encoding="utf-8"), case.read_text(encoding="utf-8")
    assert "z.txt" in w and "Carabinieri" in w and "Only the documents" not in w
    assert "a.txt" in c and "z.txt" not in c and "b.txt" not in c and "Carabinieri" not in c
    assert "Only the documents tagged &#39;case 7&#39;" in c
    bad = run_cli("report", "--db", db, "-o", str(case), "--tag", "<b>", check=False)
    assert bad.returncode == 2 and "use 1 to 50 letters" in bad.stderr
