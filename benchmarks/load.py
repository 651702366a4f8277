"""Load on the web app: p50/p95/p99 per route with K concurrent clients, alone and while a writer
adds documents to the same store.

    python benchmarks/load.py [--docs 10000] [--mentions-per-doc 20] [--clients 8] [--requests 30] [--db FILE]
                              [--alone] [--cli]

    # issue 17's scale: 100,000 documents, ~5 million mentions; single-client latency and the CLI
    python benchmarks/load.py --docs 100000 --mentions-per-doc 50 --db /tmp/scale.db --clients 1 --requests 5 \\
        --alone --cli

The store is generated (synthetic but realistic: press-release sentences naming agencies, drugs,
places and people with a long-tailed frequency, written through the store's API, not spaCy), the app
is served by Flask's threaded server on loopback in a subprocess, and each client thread requests
every route in turn. "During ingest" runs a second process that writes batches of new documents
(one transaction per batch of 20, as ingest does) for the whole measurement (``--alone``: not
measured). ``--cli`` also times ``docmine search`` and ``docmine entities`` as fresh processes,
beside the start-up time of the interpreter itself (``--cli-only``: only those).
"""
from __future__ import annotations

import argparse
import functools
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


MENTIONS_PER_SENTENCE = 3 * 0.7 + 0.3
"""Mentions a synthetic sentence holds on average (an ORG, DRUG and PLACE each 70% of the time, a PERSON 30%)."""
MENTIONS_PER_DOC = 20
"""The default of ``--mentions-per-doc``: 4 to 12 sentences a document, ~19 mentions."""


def sentence_range(mentions_per_doc: float = MENTIONS_PER_DOC) -> tuple[int, int]:
    """The range of sentences per document (uniform) that gives ~``mentions_per_doc`` mentions on
    average: (4, 12) for the default 20, (11, 31) for 50."""
    mid = max(1, round(mentions_per_doc / MENTIONS_PER_SENTENCE))
    return max(1, mid - mid // 2), mid + mid // 2


def synthetic_result(n: int, rng: random.Random, sentences_range: tuple[int, int] = (4, 12)) -> dict:
    """One processed document as a worker hands it to the store."""
    parts, mentions, sentences, pos = [], [], [], 0
    for s in range(rng.randint(*sentences_range)):
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
            "minhash": None, "facets": _facets().document(mentions)}


@functools.lru_cache(maxsize=1)
def _facets():
    """The drug classes and countries of a document's entities, as an ingest worker gives them."""
    from docmine.nlp.facets import FacetResolver
    from docmine.nlp.lexicon import Lexicon

    return FacetResolver(Lexicon.load())


def generate(db: str, docs: int, start: int = 0, batch: int = 200, seed: int = 0,
             mentions_per_doc: float = MENTIONS_PER_DOC, progress: float = 0.0, finish: bool = True) -> None:
    """Write ``docs`` synthetic documents (numbered from ``start``) in transactions of ``batch``;
    ``progress``: print the documents, mentions and rate so far every that many seconds (0: never).
    ``finish``: end the run as an ingest ends it (which counts the per-block entity counts); the
    writer leaves its runs open, as a long ingest is while it writes."""
    from docmine.store import Store

    rng = random.Random(seed)
    sentences_range = sentence_range(mentions_per_doc)
    t0 = last = time.perf_counter()
    written = mentions = 0
    with Store(db) as store:
        run = store.start_run("bench", {})
        for lo in range(start, start + docs, batch):
            results = [synthetic_result(n, rng, sentences_range) for n in range(lo, min(lo + batch, start + docs))]
            store.write_batch(results, run)
            written += len(results)
            mentions += sum(len(r["mentions"]) for r in results)
            now = time.perf_counter()
            if progress and (now - last >= progress or written == docs):
                last = now
                print(f"  {written:,} documents, {mentions:,} mentions in {now - t0:.0f} s"
                      f" ({written / (now - t0):.0f} documents/s)", flush=True)
        if finish:
            store.finish_run(run, {"new_documents": written})


def writer(db: str, start: int) -> None:
    """Write a batch of 20 new documents a second until killed (the `--writer` subprocess): faster
    than spaCy ingests on this machine, so the store's write lock is taken as often as a real ingest takes it."""
    n = start
    while True:
        generate(db, 20, start=n, batch=20, seed=n, finish=False)
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
    deadline = time.monotonic() + 1800  # warm_up counts the whole store first: minutes on millions of mentions
    while time.monotonic() < deadline and proc.poll() is None:
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
        "search facet": [f"/search?q={quote(d)}&country={quote(c)}"
                         for d, c in (("heroin", "Spain"), ("cocaine", "Türkiye"), ("cannabis", "Iran"))]
        + [f"/search?q=heroin&text=1&drug_class={quote(c)}" for c in ("cocaine-type", "opiate")],
        "autocomplete": [f"/autocomplete?q={quote(name[:3])}" for _, name in ents[:20]],
        "comention": ["/comention", "/comention?rows=PLACE&cols=DRUG&window=sentence"],
        "evidence": ["/evidence?row=Europol&col=heroin", "/evidence?row=Spain&col=cocaine&window=paragraph"],
        "documents": ["/documents"],
        "document": [f"/document/{1 + (i * 7919) % n_docs}" for i in range(20)],
        "seizures": ["/seizures"],
        "map": ["/map"],
        "map of entity": [f"/map?label={label}&name={quote(name)}" for label, name in ents[:5]],
        "api entities": ["/api/entities?limit=50", *(f"/api/entities?q={quote(name[:4])}" for _, name in ents[:10])],
        "api entity": [f"/api/entities/{label}/{quote(name, safe='')}" for label, name in ents],
        "api documents": [f"/api/documents?limit=50&offset={(i * 997) % max(1, n_docs - 50)}" for i in range(10)],
        "api document": [f"/api/documents/{1 + (i * 7919) % n_docs}" for i in range(20)],
        "api search": [f"/api/search?q={quote(name)}" for _, name in ents[:10]]
        + [f"/api/search?q={quote(w)}&text=1" for w in ("heroin", "container port")]
        + [f"/api/search?q={quote(d)}&facets=1&country=Spain" for d in DRUGS[:3]],
        "api comention": ["/api/comention", "/api/comention?rows=PLACE&cols=DRUG&window=sentence"],
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


def time_cli(db: str, runs: int = 5) -> list[tuple[str, list[float]]]:
    """Wall time of each query command as a fresh process (interpreter start-up included), ``runs``
    times each, after ``python -c pass`` (the start-up alone) for comparison."""
    from docmine.store import Store

    with Store(db, readonly=True) as s:  # the most mentioned entity: the heaviest search
        entity = s.query("SELECT e.canonical FROM entities e JOIN mentions m USING(entity_id)"
                         " WHERE e.label = 'DRUG' GROUP BY e.entity_id ORDER BY COUNT(*) DESC LIMIT 1")[0][0]
    env = {**os.environ, "PYTHONPATH": SRC}
    docmine = [sys.executable, "-m", "docmine.cli"]
    commands = [("python -c pass", [sys.executable, "-c", "pass"]),
                (f"search {entity}", [*docmine, "search", entity, "--db", db]),
                ("search container --text", [*docmine, "search", "container", "--text", "--db", db]),
                ("entities", [*docmine, "entities", "--db", db]),
                ("entities --label DRUG", [*docmine, "entities", "--label", "DRUG", "--db", db])]
    out = []
    for name, cmd in commands:
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
            times.append(time.perf_counter() - t)
        out.append((name, times))
    return out


def _pct(xs: list[float], p: float) -> float:
    return statistics.quantiles(xs, n=100, method="inclusive")[int(p) - 1] if len(xs) > 1 else xs[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--mentions-per-doc", type=float, default=MENTIONS_PER_DOC,
                    help="mentions per generated document on average (more sentences per document; default 20)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=10, help="rounds of every route per client")
    ap.add_argument("--db", help="store to use (generated when missing)")
    ap.add_argument("--alone", action="store_true", help="measure without a writer only")
    ap.add_argument("--cli", action="store_true", help="also time `docmine search` and `docmine entities`")
    ap.add_argument("--routes", help="only the routes whose names contain one of these (comma-separated)")
    ap.add_argument("--writer", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--cli-only", action="store_true", help="time only the CLI commands (no web app)")
    a = ap.parse_args()
    if a.writer:
        writer(a.db, a.start)
        return
    db = a.db or os.path.join(tempfile.mkdtemp(), "load.db")
    if not os.path.exists(db):
        t = time.perf_counter()
        generate(db, a.docs, mentions_per_doc=a.mentions_per_doc, progress=30)
        print(f"generated {a.docs} documents in {time.perf_counter() - t:.1f} s: {db}", flush=True)
    else:  # a store of an older docmine: migrated as docmine's first writing command would (the app only reads)
        from docmine.store import SCHEMA_VERSION, Store

        with Store(db, readonly=True) as s:
            old = s.version() < SCHEMA_VERSION
        if old:
            t = time.perf_counter()
            with Store(db):
                pass
            print(f"migrated {db} in {time.perf_counter() - t:.1f} s", flush=True)
    if a.cli_only:
        cli_report(db)
        return
    port = _free_port()
    t = time.perf_counter()
    server = serve(db, port)
    print(f"app started and warmed up in {time.perf_counter() - t:.1f} s", flush=True)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        urls = routes(db)
        if a.routes:
            wanted = [w.strip() for w in a.routes.split(",") if w.strip()]
            urls = {name: u for name, u in urls.items() if any(w in name for w in wanted)}
        results["alone"] = measure(base, urls, a.clients, a.requests)
        if not a.alone:
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
    if a.alone:
        print(f"\n{a.clients} clients, {a.requests} rounds each; seconds")
        print(f"{'route':16}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}")
        for name, alone in results["alone"].items():
            print(f"{name:16}" + "".join(f"{x:8.3f}" for x in
                                         (_pct(alone, 50), _pct(alone, 95), _pct(alone, 99), max(alone))))
    else:
        print(f"\n{a.clients} clients, {a.requests} rounds each; seconds (alone | while a writer adds documents)")
        print(f"{'route':16}{'p50':>8}{'p95':>8}{'p99':>8}   |{'p50':>8}{'p95':>8}{'p99':>8}   p95 ratio")
        for name in results["alone"]:
            alone, busy = results["alone"][name], results["during ingest"][name]
            row = [_pct(alone, 50), _pct(alone, 95), _pct(alone, 99), _pct(busy, 50), _pct(busy, 95), _pct(busy, 99)]
            print(f"{name:16}" + "".join(f"{x:8.3f}" for x in row[:3]) + "   |"
                  + "".join(f"{x:8.3f}" for x in row[3:]) + f"   {row[4] / max(row[1], 1e-9):6.2f}")
    if a.cli:
        cli_report(db)


def cli_report(db: str) -> None:
    print("\nCLI, fresh process each run (5 runs); seconds")
    print(f"{'command':32}{'median':>8}{'max':>8}{'- start-up':>12}")
    timed = time_cli(db)
    startup = statistics.median(timed[0][1])
    for name, times in timed:
        med = statistics.median(times)
        print(f"{name:32}{med:8.3f}{max(times):8.3f}" + (f"{med - startup:12.3f}" if name != timed[0][0] else ""))


if __name__ == "__main__":
    main()
