"""The Dask executor on a LocalCluster (loopback) writes the same store as a local run."""
import sqlite3

import pytest

from makefiles import html_file, text_file

pytest.importorskip("dask.distributed")
pytestmark = pytest.mark.slow  # a Dask LocalCluster takes seconds to start


def _content(db):
    con = sqlite3.connect(db)
    docs = sorted(con.execute("SELECT path, sha256, title, date, text FROM documents").fetchall())
    ments = sorted(con.execute(
        "SELECT d.path, m.start, m.end, m.label, m.text, e.canonical FROM mentions m JOIN documents d USING(doc_id)"
        " JOIN entities e USING(entity_id)").fetchall())
    return docs, ments


def test_dask_local_cluster_matches_local_run(tmp_path):
    from dask.distributed import LocalCluster

    from docmine import api

    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(6):
        text_file(folder / f"r{i}.txt",
                  f"Release {i}\n\nVienna, {i + 1} May 2023 – Europol and UNODC said {i + 2} tons "
                  f"of cocaine were seized in Antwerp and {i + 10} kg of heroin in Istanbul.")
    html_file(folder / "w.html", "Captagon in Jordan",
              ["Jordan seized 3 million captagon pills near the border with Syria.",
               "The Anti-Narcotics Department of Jordan announced it on Monday."])
    local_db, dask_db = str(tmp_path / "local.db"), str(tmp_path / "dask.db")
    api.ingest([str(folder)], db=local_db, workers=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        s = api.ingest([str(folder)], db=dask_db, executor="dask", scheduler=cluster.scheduler_address)
    assert s.new_documents == 7 and s.failed == 0
    assert _content(dask_db) == _content(local_db)
