"""Load on the web app: p50/p95/p99 per route with K concurrent clients, alone and while a writer
adds documents to the same store.

    python benchmarks/load.py [--docs 10000] [--clients 8] [--requests 30] [--db FILE] [--keep]

The store is generated (synthetic but realistic: press-release sentences naming agencies, drugs,
places and people with a long-tailed frequency, written through the store's API, not spaCy), the app
is served by Flask's threaded server on loopback in a subprocess, and each client thread requests
every route in turn. "During ingest" runs a second process that writes batches of new documents
(one transaction per batch of 20, as ingest does) for the whole measurement.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

SRC = str(Path(__file__).resolve().parents[1] / "src")
sys.path.insert(0, SRC)

ORGS = ["Europol", "Interpol", "UNODC", "DEA", "Guardia Civil", "Turkish National Police", "Border Force",
        "Polizia di Stato", "Carabinieri", "FBI", "Customs Service", "Kołodziej Group"]
DRUGS = ["heroin", "cocaine", "cannabis", "methamphetamine", "fentanyl", "captagon", "MDMA", "amphetamine",
         "ketamine", "tramadol"]
PLACES = ["Türkiye", "Spain", "Netherlands", "Antwerp", "Rotterdam", "Istanbul", "Belgrade", "Mexico",
          "Colombia", "Albania", "Bulgaria", "Greece", "Italy", "Germany", "Iran", "Afghanistan"]
PEOPLE = [f"{first} {last}" for first in ("Ana", "Marko", "John", "Elif", "Piotr", "Maria")
          for last in ("Kovač", "Smith", "Yılmaz", "Kołodziej", "García", "Rossi")]
WORDS = ("the police said a shipment was found in a container at the port after an investigation into an "
         "organised crime group that moved drugs along the route by truck and ship").split()


def _pick(rng: random.Random, pool: list[str]) -> str:
    return pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]  # a few names dominate, as in real text


def synthetic_result(n: int, rng: random.Random) -> dict:
    """One processed document as a worker hands it to the store."""
    parts, mentions, sentences, pos = [], [], [], 0
    for s in range(rng.randint(4, 12)):
        start = pos
        words = rng.sample(WORDS, 8)
        for label, pool in (("ORG", ORGS), ("DRUG", DRUGS), ("PLACE", PLACES), ("PERSON", PEOPLE)):
            if rng.random() < (0.7 if label != "PERSON" else 0.3):
                words.insert(rng.randint(0, len(words)), "\x01" + label + "\x02" + _pick(rng, pool))
        text = ""
        for w in words:
            if w.startswith("\x01"):
                label, name = w[1:].split("\x02")
                mentions.append({"start": pos + len(text), "end": pos + len(text) + len(name), "label": label,
                                 "text": name, "canonical": name, "resolved": name, "sentence": s, "paragraph": s // 3,
                                 "page": 1, "source": "bench", "attrs": {}})
                w = name
            text += w + " "
        text = text.strip() + ". "
        parts.append(text)
        pos += len(text)
        sentences.append((start, pos))
    body = "".join(parts)
    doc = {"path": f"bench/{n}.txt", "sha256": hashlib.sha256(f"{n}{body}".encode()).hexdigest(), "format": "txt",
           "text": body, "title": f"Press release {n}", "date": f"{2015 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d}",
           "language": "en", "page_starts": [0], "size": len(body), "meta": {}, "tables": []}
    return {"path": doc["path"], "document": doc, "sentences": sentences, "mentions": mentions, "mtime_ns": 0,
            "minhash": None}


def generate(db: str, docs: int, start: int = 0, batch: int = 200, seed: int = 0) -> None:
    from docmine.store import Store

    rng = random.Random(seed)
    with Store(db) as store:
        run = store.start_run("bench", {})
        for lo in range(start, start + docs, batch):
            store.write_batch([synthetic_result(n, rng) for n in range(lo, min(lo + batch, start + docs))], run)


def writer(db: str, start: int) -> None:
    """Write a batch of 20 new documents a second until killed (the `--writer` subprocess): faster
    than spaCy ingests on this machine, so the store's write lock is taken as often as a real ingest takes it."""
    n = start
    while True:
        generate(db, 20, start=n, batch=20, seed=n)
        n += 20
        time.sleep(1)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: str, port: int) -> subprocess.Popen:
    code = ("import sys; from docmine.web.app import create_app, warm_up; "  # as `docmine serve` starts it
            f"app = create_app({db!r}); warm_up(app); app.run(host='127.0.0.1', port={port}, threaded=True)")
    proc = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": SRC},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/autocomplete?q=xx", timeout=2).read()
            return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("the app did not start")


def routes(db: str) -> dict[str, list[str]]:
    """Route name -> the URLs its requests cycle through."""
    from docmine.store import Store

    with Store(db, readonly=True) as s:
        ents = s.query("SELECT label, canonical FROM entities ORDER BY entity_id")
        n_docs = s.query("SELECT MAX(doc_id) FROM documents")[0][0]
    ent_urls = [f"/entity/{label}/{quote(name, safe='')}" for label, name in ents]
    return {
        "overview /": ["/"],
        "entity": ent_urls,
        "entity csv": [u + "?format=csv" for u in ent_urls[:10]],
        "search entity": [f"/search?q={quote(name)}" for _, name in ents[:20]],
        "search text": [f"/search?q={quote(w)}&text=1" for w in ("heroin", "container port", '"organised crime"')],
        "autocomplete": [f"/autocomplete?q={quote(name[:3])}" for _, name in ents[:20]],
        "comention": ["/comention", "/comention?rows=PLACE&cols=DRUG&window=sentence"],
        "evidence": ["/evidence?row=Europol&col=heroin", "/evidence?row=Spain&col=cocaine&window=paragraph"],
        "documents": ["/documents"],
        "document": [f"/document/{1 + (i * 7919) % n_docs}" for i in range(20)],
        "seizures": ["/seizures"],
    }


def measure(base: str, urls: dict[str, list[str]], clients: int, requests: int) -> dict[str, list[float]]:
    """Each client requests every route ``requests`` times in turn; latencies in seconds per route."""
    times: dict[str, list[float]] = {name: [] for name in urls}
    errors: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        rng = random.Random(k)
        for _ in range(requests):
            for name, pool in urls.items():
                url = base + rng.choice(pool)
                t = time.perf_counter()
                try:
                    with urllib.request.urlopen(url, timeout=120) as r:
                        r.read()
                except urllib.error.HTTPError as exc:
                    errors.append(f"{exc.code} {url}")
                with lock:
                    times[name].append(time.perf_counter() - t)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"  {len(errors)} error responses, e.g. {errors[:3]}")
    return times


def _pct(xs: list[float], p: float) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[int(p) - 1] if len(xs) > 1 else xs[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=10, help="rounds of every route per client")
    ap.add_argument("--db", help="store to use (generated when missing)")
    ap.add_argument("--writer", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.writer:
        writer(a.db, a.start)
        return
    db = a.db or os.path.join(tempfile.mkdtemp(), "load.db")
    if not os.path.exists(db):
        t = time.perf_counter()
        generate(db, a.docs)
        print(f"generated {a.docs} documents in {time.perf_counter() - t:.1f} s: {db}")
    port = _free_port()
    server = serve(db, port)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        urls = routes(db)
        results["alone"] = measure(base, urls, a.clients, a.requests)
        w = subprocess.Popen([sys.executable, __file__, "--writer", "--db", db, "--start", str(10 ** 7)],
                             env={**os.environ, "PYTHONPATH": SRC})
        try:
            results["during ingest"] = measure(base, urls, a.clients, a.requests)
        finally:
            w.kill()
            w.wait()
    finally:
        server.kill()
        server.wait()
    print(f"\n{a.clients} clients, {a.requests} rounds each; seconds (alone | while a writer adds documents)")
    print(f"{'route':16}{'p50':>8}{'p95':>8}{'p99':>8}   |{'p50':>8}{'p95':>8}{'p99':>8}   p95 ratio")
    for name in results["alone"]:
        alone, busy = results["alone"][name], results["during ingest"][name]
        row = [_pct(alone, 50), _pct(alone, 95), _pct(alone, 99), _pct(busy, 50), _pct(busy, 95), _pct(busy, 99)]
        print(f"{name:16}" + "".join(f"{x:8.3f}" for x in row[:3]) + "   |" + "".join(f"{x:8.3f}" for x in row[3:])
              + f"   {row[4] / max(row[1], 1e-9):6.2f}")


if __name__ == "__main__":
    main()
