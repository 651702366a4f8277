"""Ingest orchestration: discover -> (workers: extract + NLP) -> store. Glue only.

Workers (:mod:`docmine.workers`) are processes that run the spaCy pipeline, loaded once (on
Linux in a template process started as soon as the first file to read is found, which the
workers are forked from), and return plain rows (documents, mentions, sentences), never spaCy
objects. The main process is the only writer. Unchanged files (same size and modification
time, or same content hash) are skipped. A file's identity in the store is its resolved path
(absolute, symbolic links resolved), so ``ingest .`` and ``ingest /abs/path`` of the same
folder are the same files; documents keep the path as given to ingest for display.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import partial
from typing import Any, TextIO

from docmine import validate as v
from docmine.discover import FileEntry, discover, location, sha256_file, storable
from docmine.nlp.mention import DEFAULT_MODEL
from docmine.store import DEFAULT_DB, Store, StoreError, result_sha, store_error

# the worker task lives in docmine.workers (shared with docmine.scale); re-exported for callers
from docmine.workers import (  # noqa: F401
    _WORKER,
    LocalExecutor,
    _init_worker,
    _thread_env,
    _warm_up,
    discard_early,
    process_files,
)


def _option(default, help: str, check: Callable | None = None, choices: Sequence[str] | None = None,
            metavar: str | None = None, repeat: bool = False):
    """A field of :class:`IngestOptions`: its default, its help text, and how a user's value is checked.

    ``check(value, name)`` returns the value to use or raises ValueError naming the option as
    ``name`` (``--max-file-mb`` on the command line, ``max_file_mb`` in Python); it is given every
    value the API receives, the default included, so it must accept the default. ``choices``
    lists the only values allowed; ``repeat`` makes the flag repeatable (its values reach the check
    as a list)."""
    return field(default=default, metadata={"help": help, "check": check, "choices": choices, "metavar": metavar,
                                            "repeat": repeat})


@dataclass
class IngestOptions:
    """How an ingest runs: the one definition of ingest's options.

    Each field is a ``docmine ingest`` flag (``max_file_mb`` -> ``--max-file-mb``; a boolean is a
    switch) and a keyword argument of :func:`docmine.ingest`, with the field's default, help text
    and check (:func:`ingest_options`). Adding a field adds the flag and the argument: give it a
    default and ``metadata={"help": ...}`` (:func:`_option` adds a check, choices and a metavar).
    """

    workers: int = _option(0, "worker processes (default: all cores)", check=v.worker_count)
    executor: str = _option("local", "where workers run: local processes, or a Dask cluster (with --scheduler)",
                            choices=v.EXECUTORS)
    scheduler: str | None = _option(None, "Dask scheduler address (with --executor dask)")
    model: str | None = _option(None, f"installed spaCy pipeline for English (default {DEFAULT_MODEL}), or LANG=NAME "
                                      "for another language (repeatable: --model fr=fr_core_news_md --model hr=PATH)",
                                check=v.model_spec, metavar="[LANG=]NAME", repeat=True)
    aliases: str | None = _option(None, "user aliases TOML file (default ./docmine.aliases.toml if present)",
                                  check=v.aliases_file)
    retry_failed: bool = _option(False, "retry files that failed before")
    ocr: bool = _option(False, "read scanned PDFs with Tesseract (apt-get install tesseract-ocr; "
                               "pip install 'docmine[ocr]')")
    file_timeout: float = _option(120.0, "stop a file after this many seconds of extraction and entity recognition "
                                         "(default 120)",
                                  check=partial(v.positive_number, example=120), metavar="SECONDS")
    max_file_mb: float = _option(200.0, "record larger files as failures without reading them (default 200)",
                                 check=partial(v.positive_number, example=200), metavar="MB")
    memory_mb: int | None = _option(6144, "memory (address space) cap per worker process (default 6144; 0 = no cap)",
                                    check=partial(v.whole_number, minimum=0, example=6144, meaning="0 = no cap"),
                                    metavar="MB")
    models_dir: str | None = _option(None, "folder of docmine's data files (lexicons, rules) to use instead of the "
                                           "packaged ones (default: $DOCMINE_MODELS, else the packaged models/)",
                                     check=v.folder, metavar="FOLDER")
    reannotate: bool = _option(False, "read again the unchanged files whose documents another docmine version, "
                                      "other data files or another model recognised (each ingest says how many)")
    batch_files: int = _option(16, "files per worker task (default 16)",
                               check=partial(v.whole_number, example=16), metavar="N")
    progress: bool | None = _option(None, "show a progress bar (default: only when standard error is a terminal)")


def option_flag(name: str) -> str:
    """The command-line flag of an :class:`IngestOptions` field: ``max_file_mb`` -> ``--max-file-mb``."""
    return "--" + name.replace("_", "-")


def ingest_options(values: Mapping[str, Any] | None = None, name: Callable[[str], str] = str) -> IngestOptions:
    """:class:`IngestOptions` from a user's values, each checked by its field's check; a mistake
    raises ValueError naming the option as ``name(field)``. A value left out, or None, is the default."""
    values = dict(values or {})
    known = {f.name: f for f in fields(IngestOptions)}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise TypeError(f"unknown ingest option {unknown[0]!r}; the options are {', '.join(known)}")
    checked: dict[str, Any] = {}
    for key, f in known.items():
        value: Any = values.get(key)
        if value is None:
            value = f.default
        if f.metadata.get("choices") is not None:
            value = v.choice(value, name(key), f.metadata["choices"])
        if f.metadata.get("check") is not None:
            value = f.metadata["check"](value, name(key))
        checked[key] = value
    opts = IngestOptions(**checked)
    check_together(opts, name)
    return opts


def check_together(opts: IngestOptions, name: Callable[[str], str] = str) -> None:
    """The checks that involve two options: a Dask executor needs a scheduler, and only it does."""
    v.executor(opts.executor, opts.scheduler, (name("executor"), name("scheduler")))


@dataclass
class IngestSummary:
    """What an ingest did. Every file seen is exactly one of: a new document stored, unchanged,
    read again (``reannotate``), a duplicate of a stored document, failed, or skipped
    (:meth:`unaccounted` is then 0)."""

    run_id: int = 0
    files_seen: int = 0
    new_documents: int = 0
    unchanged: int = 0
    reannotated: int = 0  # unchanged files read again (--reannotate): their documents' mentions replaced
    stale: int = 0  # unchanged documents another docmine, data or model recognised, left as they are
    duplicates: int = 0
    near_duplicates: int = 0
    removed: int = 0
    failed: int = 0
    skipped: int = 0
    pages: int = 0
    mentions: dict = field(default_factory=dict)
    languages: dict = field(default_factory=dict)  # new (and read again) documents per language ("?": not detected)
    notes: list = field(default_factory=list)  # e.g. a language read with the lexicons only
    documents_in_store: int = 0
    elapsed: float = 0.0
    failures: list = field(default_factory=list)
    skipped_files: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    def unaccounted(self) -> int:
        """Files seen but in none of the outcomes (0 unless docmine has a bug)."""
        return self.files_seen - (self.new_documents + self.unchanged + self.reannotated + self.duplicates
                                  + self.failed + self.skipped)


def too_large_reason(size: int, limit_mb: float) -> str:
    return f"file too large: {size / 2**20:.1f} MB > limit {limit_mb:g} MB; raise --max-file-mb to read it"


class IngestLock:
    """One writer per store: a second concurrent ingest gets a clear message."""

    def __init__(self, db: str):
        self.path = db + ".lock"
        self.fh: TextIO | None = None

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
        if self.fh is not None:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()


def _batches(items: list, size: int, workers: int = 1) -> Iterator[list]:
    """``items`` in batches of ``size``. With several workers and more than two full batches for
    each, the last ones get smaller (each a quarter of what is left per worker, down to one file),
    so that no worker waits out the end of the run while another reads a whole batch."""
    i, n = 0, len(items)
    taper = workers > 1 and n > 2 * size * workers
    while i < n:
        left = n - i
        step = size if not taper or left > 2 * size * workers else max(1, -(-left // (2 * workers)))
        yield items[i: i + step]
        i += step


def _knows(models_dir: str | None, aliases: str | None) -> Callable[[str, str], bool]:
    """``Lexicon.knows`` of the ingest's lexicons, loaded on the first question (most ingests ask none)."""
    lexicon: list = []

    def knows(label: str, name: str) -> bool:
        if not lexicon:
            from docmine.nlp.lexicon import Lexicon

            lexicon.append(Lexicon.load(models_dir, aliases))
        return lexicon[0].knows(label, name)

    return knows


def ingest(paths: list[str], db: str = DEFAULT_DB, options: IngestOptions | None = None) -> IngestSummary:
    """Ingest files and folders into the store at ``db``; returns what happened."""
    _refuse_while_bootstrapping()
    if os.fspath(db).endswith(os.sep) or os.path.isdir(db):
        raise StoreError(f"the store {db!r} names a folder, not a file. Give a file name, "
                         f"e.g. {os.path.join(os.fspath(db), DEFAULT_DB)}")
    opts = options or IngestOptions()
    t0 = time.perf_counter()
    summary = IngestSummary()
    _thread_env()
    try:
        with IngestLock(db):
            store = Store(db)
            early: list = []  # the workers' template, when started while files are still found
            try:
                _ingest(store, paths, opts, summary, early)
            finally:
                store.close()
                for template in early:  # started for work that never ran (an error on the way)
                    discard_early(template)
    except sqlite3.Error as exc:  # disk full, store on a read-only disk, ...: a message, not a traceback
        raise store_error(exc, db) from exc
    except OSError as exc:
        if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS):
            raise
        if exc.errno == errno.EROFS:
            raise StoreError(f"cannot write the store {db}: its disk is read-only. Give a store in a folder you can "
                             "write to with --db") from exc
        raise store_error(exc, db) from exc
    summary.elapsed = time.perf_counter() - t0
    return summary


def _refuse_while_bootstrapping() -> None:
    """docmine's own workers never re-run the caller's script; another library's 'spawn' pool
    does, and an unguarded top-level ``docmine.ingest(...)`` would then run once per process."""
    import multiprocessing as mp

    if getattr(mp.current_process(), "_inheriting", False):
        raise RuntimeError(
            "docmine.ingest() was called while a new process was starting: the script that calls it "
            "is being re-run by a multiprocessing worker. Put the call under "
            "`if __name__ == \"__main__\":` at the bottom of the script.")


_NOT_RECOGNITION = ("seizure", "topic_", "place_coordinates", "README", "given_names.LICENSE")
"""Data files recognition does not read (seizure records, topics and the map have their own)."""


def recognition_digest(models_dir: str | None = None) -> str:
    """A digest of what decides the text and the mentions docmine stores: its extraction and NLP
    code and the data files recognition reads (lexicons, rules, trained models), by content. Any
    change between two docmine builds changes it, whatever their version numbers say."""
    import hashlib
    from pathlib import Path

    from docmine.nlp.lexicon import models_dir as packaged_models

    package = Path(__file__).resolve().parent
    data = Path(models_dir) if models_dir else Path(str(packaged_models()))
    files = [("code", package, p) for part in ("extract", "nlp") for p in sorted((package / part).rglob("*.py"))]
    files += [("data", data, p) for p in sorted(data.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
              and not p.name.startswith(_NOT_RECOGNITION)]
    h = hashlib.sha256()
    for kind, root, path in files:
        h.update(f"{kind}:{path.relative_to(root).as_posix()}\0".encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def recognition(docmine_version: str, info: Mapping) -> str:
    """What decides how a document is recognised, as one comparable value: docmine's version, the
    model(s), the data files' versions and the digest of recognition's code and data
    (:func:`recognition_digest`), from an ingest run's info. The user aliases are left out:
    ``docmine canonicalize`` applies them to stored mentions without reading documents again."""
    lexicons = {k: val for k, val in (info.get("lexicons") or {}).items() if k != "user_aliases"}
    return json.dumps([docmine_version, info.get("model"), lexicons, info.get("recognition")], sort_keys=True)


def recognised_otherwise(store: Store, info: Mapping, run_id: int) -> set[int]:
    """The stored documents an ingest with ``info`` would recognise differently: written by a run
    of another docmine version, model or data files (or by no run the store knows)."""
    from docmine.version import __version__

    now = recognition(__version__, info)
    other = [rid for rid, (version, old) in store.recognised_by().items()
             if rid != run_id and recognition(version, old) != now]
    return store.documents_of_runs([*other, None])


def _plan(store: Store, found: list[FileEntry], opts: IngestOptions, summary: IngestSummary, run_id: int,
          on_work: Callable[[], None] | None = None, stale: set[int] | None = None,
          reread: dict[str, int] | None = None):
    """Split the files found into work for the workers, twins of that work, and early failures.

    Files are known to the store by their resolved path (``FileEntry.real``). ``on_work`` is
    called once, when the first file for the workers is found. An unchanged file whose document
    is in ``stale`` (recognised otherwise) is read again with ``opts.reannotate``, its content
    hash and document added to ``reread``; else it is counted in ``summary.stale``."""
    stale = stale or set()
    reread = {} if reread is None else reread
    stale_seen: set[int] = set()

    def settled(doc_id: int, path: str, sha: str, size: int, mtime_ns: int) -> bool:
        """True unless the unchanged document ``doc_id`` is to be read again (then it is queued)."""
        if doc_id not in stale:
            return True
        if not opts.reannotate:
            stale_seen.add(doc_id)
            return True
        if sha in reread or sha in pending_sha:  # another path of the same document is read
            return True
        reread[sha] = doc_id
        queue(path, sha, size, mtime_ns)
        return False

    def queue(path: str, sha: str, size: int, mtime_ns: int) -> None:
        """A file for the workers."""
        pending_sha[sha] = path
        if not todo and on_work is not None:
            on_work()
        todo.append((path, sha, size, mtime_ns))

    known = store.known_files()
    failed = {r["path"]: r for r in store.query("SELECT path, sha256 FROM failures")}
    todo: list[tuple[str, str, int, int]] = []
    twins: list[FileEntry] = []  # same content as a file processed in this run: settled after it
    twin_sha: dict[str, str] = {}  # twin's resolved path -> sha256
    rejects: list[dict] = []  # failures found before any worker runs (too large, unreadable)
    pending_sha: dict[str, str] = {}
    limit = opts.max_file_mb
    for f in found:
        if limit and limit > 0 and f.size > limit * 2**20:
            rejects.append({"path": f.path, "real": f.real, "sha256": None, "stage": "discover",
                            "error": too_large_reason(f.size, limit)})
            continue
        k = known.get(f.real)
        if k is not None and k["size"] == f.size and k["mtime_ns"] == f.mtime_ns and k["status"] == "ok":
            if settled(k["doc_id"], f.path, k["sha256"], f.size, f.mtime_ns):
                summary.unchanged += 1
            continue
        try:
            sha = sha256_file(f.path)
        except OSError as exc:
            rejects.append({"path": f.path, "real": f.real, "sha256": None, "stage": "discover",
                            "error": f"cannot read: {exc.strerror or exc}"})
            continue
        if f.real in failed and not opts.retry_failed and failed[f.real]["sha256"] == sha:
            summary.failed += 1  # still failing, unchanged since
            continue
        if k is not None and k["sha256"] == sha:
            store.link_file(f.real, k["doc_id"], sha, f.size, f.mtime_ns, run_id)  # touched, same content
            if settled(k["doc_id"], f.path, sha, f.size, f.mtime_ns):
                summary.unchanged += 1
            continue
        doc_id = store.doc_by_sha(sha)
        if doc_id is not None:  # a new path (a copy, or the file moved) of a stored document
            store.link_file(f.real, doc_id, sha, f.size, f.mtime_ns, run_id)
            if settled(doc_id, f.path, sha, f.size, f.mtime_ns):
                summary.duplicates += 1
            continue
        if sha in pending_sha:
            twins.append(f)  # stored as a duplicate once its twin is stored, or failed as it failed
            twin_sha[f.real] = sha
            continue
        queue(f.path, sha, f.size, f.mtime_ns)
    summary.stale = len(stale_seen)
    return todo, [(f, twin_sha[f.real]) for f in twins], rejects


def _record(summary: IngestSummary, failures: list[dict]) -> None:
    for r in failures:
        r["path"] = storable(r["path"])
    summary.failed += len(failures)
    summary.failures.extend((r["path"], r.get("stage"), r["error"]) for r in failures)


def _count_reread(summary: IngestSummary, r: dict) -> None:
    """A stored document read again: replaced, or kept as it was when it cannot be read now."""
    if "error" not in r:
        summary.reannotated += 1
        return
    summary.unchanged += 1
    summary.notes.append(f"{storable(r['path'])}: not read again ({r['error']}); it keeps its earlier mentions")


def _settle_twins(store: Store, twins: list[tuple[FileEntry, str]], failed_sha: dict[str, dict],
                  summary: IngestSummary, run_id: int) -> None:
    """Files with the same bytes as one processed in this run share its fate: a duplicate of
    the stored document, or a failure of their own (recorded under their own path)."""
    failures = []
    for f, sha in twins:
        doc_id = store.doc_by_sha(sha)
        if doc_id is not None:
            store.link_file(f.real, doc_id, sha, f.size, f.mtime_ns, run_id)
            summary.duplicates += 1
        elif sha in failed_sha:
            first = failed_sha[sha]
            failures.append({"path": f.path, "real": f.real, "sha256": sha, "stage": first.get("stage", "extract"),
                             "error": first["error"]})
        else:  # its copy gave no result (cannot happen unless a worker lost it): say so, try again next run
            failures.append({"path": f.path, "real": f.real, "sha256": None, "stage": "extract",
                             "error": "not read: the copy of this file read in its place gave no result; "
                                      "run the ingest again"})
    if failures:
        store.write_batch(failures, run_id)
        _record(summary, failures)


def _ingest(store: Store, paths: list[str], opts: IngestOptions, summary: IngestSummary,
            early: list | None = None) -> None:
    from docmine.discover import STORE_SUFFIXES
    from docmine.nlp.lexicon import lexicon_versions

    # the versions only: the lexicons themselves are loaded where they are used, in the workers
    versions = lexicon_versions(opts.models_dir, opts.aliases)
    info = {"paths": paths, "roots": [storable(os.path.realpath(p)) for p in paths],  # the app's originals
            "model": opts.model or DEFAULT_MODEL, "lexicons": versions,
            "recognition": recognition_digest(opts.models_dir),
            "workers": opts.workers, "executor": opts.executor}
    store.close_stale_runs("ingest")  # we hold the ingest lock: a 'running' ingest was killed
    run_id = store.start_run("ingest", info)
    summary.run_id = run_id
    # opening the store re-keyed one written before paths were stored resolved (migration 2); this
    # does the same for a store whose mark of resolved paths is missing, and is a no-op otherwise
    store.resolve_paths(os.path.realpath)

    found = discover(paths, exclude=[store.path + suffix for suffix in STORE_SUFFIXES])
    summary.files_seen = len(found.files) + len(found.rejected) + len(found.skipped)
    summary.skipped = len(found.skipped)
    summary.skipped_files = [(storable(p), reason) for p, reason in found.skipped]
    # files under the given folders that the store knows but the folder no longer has
    present = {f.real for f in found.files}
    real_of = {f.path: f.real for f in found.files}
    roots = [storable(os.path.realpath(p)).rstrip(os.sep) + os.sep for p in paths]

    def under_roots(p: str) -> bool:
        return any(p.startswith(r) or p == r[:-1] for r in roots)

    gone = [p for p in store.known_files() if p not in present and under_roots(p)]
    summary.removed = store.mark_missing(gone, run_id)
    # failures of files that are gone are no longer failures
    discover_rejects = [{"path": p, "real": location(p), "sha256": None, "stage": "discover", "error": reason}
                        for p, reason in found.rejected]
    rejected = {r["real"] for r in discover_rejects}
    store.forget_failures([r["path"] for r in store.query("SELECT path FROM failures")
                           if r["path"] not in present and r["path"] not in rejected and under_roots(r["path"])])
    reread: dict[str, int] = {}  # content hash -> stored document, for documents read again
    todo, twins, rejects = _plan(store, found.files, opts, summary, run_id, on_work=partial(_start_early, opts, early),
                                 stale=recognised_otherwise(store, info, run_id), reread=reread)
    rejects = discover_rejects + rejects
    if rejects:
        store.write_batch(rejects, run_id)
        _record(summary, rejects)
    # imported only now (it imports NumPy): the workers' template, started while the files were
    # found, is loading meanwhile
    from docmine.dedup import NearDupIndex

    near = NearDupIndex()
    if todo:  # only a run with new documents needs the stored signatures
        for doc_id, sig in store.minhashes():
            near.add(doc_id, sig)
    counts: Counter = Counter()
    langs: Counter = Counter()
    mixed: Counter = Counter()  # documents with parts in other languages, by their languages ("en+hr")
    failed_sha: dict[str, dict] = {}
    show = sys.stderr.isatty() if opts.progress is None else opts.progress
    bar = None
    if todo and show:
        from tqdm import tqdm

        from docmine.cache import cache_dir
        from docmine.nlp.gazetteer import built_on_this_machine

        if not built_on_this_machine():  # the workers are building them now, before their first document
            print(f"docmine: first ingest on this machine: building its place and word lists in {cache_dir()} "
                  "(10-30 s, once)", file=sys.stderr, flush=True)

        bar = tqdm(total=len(todo), unit="file", desc="ingest", dynamic_ncols=True)
    try:
        for batch in _run(todo, opts, info):
            for r in batch:  # workers report the path as given; the store keys files by the resolved one
                r.setdefault("real", real_of.get(r["path"]) or storable(os.path.realpath(r["path"])))
                r["path"] = storable(r["path"])
                if "document" in r:
                    r["document"]["path"] = r["path"]
            store.write_batch(batch, run_id, near, replace=reread)
            for r in batch:
                again = result_sha(r) in reread
                if again:
                    _count_reread(summary, r)
                    if "error" in r:
                        continue
                elif "error" in r:
                    _record(summary, [r])
                    if r.get("sha256"):
                        failed_sha.setdefault(r["sha256"], r)
                    continue
                else:
                    summary.new_documents += 1
                    summary.pages += len(r["document"]["page_starts"])
                    if r.get("near_dup_of"):
                        summary.near_duplicates += 1
                # what was recognised, in new documents and in documents read again
                counts.update(m["label"] for m in r["mentions"])
                langs[r["document"].get("language") or "?"] += 1
                parts = (r["document"].get("meta") or {}).get("language_parts")
                if parts:
                    mixed["+".join(dict.fromkeys(str(p[2] or "?") for p in parts))] += 1
                if r.get("note") and r["note"] not in summary.notes:
                    summary.notes.append(r["note"])
                if r.get("nlp_note"):
                    summary.notes.append(f"{r['path']}: {r['nlp_note']}")
            if bar is not None:
                bar.update(len(batch))
    except BaseException:
        store.finish_run(run_id, dict(counts), status="interrupted")
        raise
    finally:
        if bar is not None:
            bar.close()
    if summary.reannotated:
        store.drop_orphan_entities()
    if summary.new_documents or summary.reannotated or summary.removed:
        joined, voted, linked = store.link_collection(_knows(opts.models_dir, opts.aliases))
        done = [f"{n} {what}" for n, what in ((joined, "joined to their name's most frequent spelling"),
                                               (voted, "given the label the lexicons give their name"),
                                               (linked, "(a surname alone) joined to the one person it names"))
                if n]
        if done:  # README, "Canonical names": what the collection-level steps did this run
            summary.notes.append("across the collection, mentions: " + "; ".join(done))
    if summary.stale:
        summary.notes.append(
            f"{summary.stale} unchanged document(s) were recognised by another docmine version, other data files or "
            "another model: they keep the mentions found then. Add --reannotate to read them again with this one")
    _settle_twins(store, twins, failed_sha, summary, run_id)
    summary.mentions = dict(sorted(counts.items()))
    summary.languages = dict(langs.most_common())
    if mixed:
        which = ", ".join(f"{k} {n}" for k, n in mixed.most_common())
        summary.notes.append(f"{sum(mixed.values())} document(s) hold paragraphs in another language, each part"
                             f" read by its language's pipeline: {which}")
    summary.documents_in_store = store.query("SELECT COUNT(*) FROM documents")[0][0]
    store.finish_run(run_id, {"new_documents": summary.new_documents, "failed": summary.failed,
                              "unchanged": summary.unchanged, "mentions": summary.mentions,
                              "removed": summary.removed, "ner_ops": info.get("ops"),
                              "languages": summary.languages, "notes": summary.notes})


def _initargs(opts: IngestOptions) -> tuple:
    return (opts.model, opts.models_dir, opts.aliases, opts.file_timeout, opts.memory_mb, opts.ocr)


def _in_process(opts: IngestOptions, workers: int) -> bool:
    """One worker without a time limit: the work runs in the ingest's own process."""
    return workers == 1 and opts.file_timeout <= 0


def _start_early(opts: IngestOptions, started: list | None) -> None:
    """Start loading the workers' pipeline while the ingest still finds and hashes files; what
    was started is added to ``started``."""
    if opts.executor == "local" and not _in_process(opts, opts.workers or os.cpu_count() or 1):
        from docmine.workers import start_early

        template = start_early(_init_worker, _initargs(opts), process_files)
        if template is not None and started is not None:
            started.append(template)


HOLD_RESULTS = 512
"""Results held back at most while an earlier file is still being read (see :func:`in_order`)."""


def in_order(batches: list[list[tuple]], results: Iterable[list[dict]],
             hold: int = HOLD_RESULTS) -> Iterator[list[dict]]:
    """The workers' results in the order of the files (each result names its file by ``path``), so
    that a fresh ingest of the same folder gives every document the same ``doc_id`` and marks the
    same near-duplicates, whichever worker finishes first. A result waits while an earlier file is
    still being read; when more than ``hold`` wait (one file far slower than the rest), they go on
    in order of their files rather than fill memory."""
    position: dict[str, int] = {}
    for batch in batches:
        for entry in batch:
            position.setdefault(entry[0], len(position))
    held: dict[int, dict] = {}
    passed: set[int] = set()  # positions let go ahead of an earlier one
    expected = 0
    for got in results:
        ready = []
        for r in got:
            p = position.get(r.get("path", ""))
            if p is None or p < expected or p in held or p in passed:
                ready.append(r)  # a file not asked for, or a second result for one: nothing to wait for
            else:
                held[p] = r
        while expected in held or expected in passed:
            if expected in held:
                ready.append(held.pop(expected))
            passed.discard(expected)
            expected += 1
        if len(held) > hold:
            for p in sorted(held):
                ready.append(held.pop(p))
                passed.add(p)
        if ready:
            yield ready
    if held:
        yield [held[p] for p in sorted(held)]


def _run(todo, opts: IngestOptions, info: dict) -> Iterator[list[dict]]:
    """Yield result batches from the chosen executor, in a bounded window, in the order of the files."""
    if not todo:
        return
    workers = opts.workers or os.cpu_count() or 1
    batches = list(_batches(todo, opts.batch_files, workers))
    if opts.executor == "dask":
        from docmine.scale import run_dask

        yield from in_order(batches, run_dask(batches, opts))
        return
    workers = max(1, min(workers, len(batches)))
    initargs = _initargs(opts)
    if _in_process(opts, workers):
        _init_worker(*initargs)
        for b in batches:
            yield process_files(b)
        return
    yield from in_order(batches, LocalExecutor(workers, _init_worker, initargs, process_files, opts.file_timeout)
                        .run(batches))
