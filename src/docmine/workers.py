"""Worker processes: the task that extracts and annotates files, and the local pool that runs it.

``process_files`` is the worker task (extract + NLP, plain rows back); ``_init_worker`` loads
the spaCy pipeline. Both the local executor below and the Dask executor (:mod:`docmine.scale`)
run them; :mod:`docmine.pipeline` only orchestrates.

On Linux the pipeline is loaded once per ingest, in a template process (a "zygote"), and every
worker is forked from it: workers start in milliseconds and share the loaded model's memory
copy-on-write. A file whose parser loops is stopped by an alarm inside the worker; one that
hangs in C code or exhausts memory takes its worker down, so the supervisor kills that worker,
forks a fresh one from the template, re-runs its batch one file at a time and records the file
that kept failing. No other file is lost, and the other workers' batches go on. Elsewhere a
'spawn' pool is used, each of whose workers loads the pipeline.

Workers die with the process that started them (a parent-death signal on Linux, a watchdog
thread everywhere), so a killed ingest leaves no orphans. The template is started with 'spawn'
but never re-imports the caller's ``__main__`` module: a script that calls ``docmine.ingest`` at
top level, without an ``if __name__ == "__main__":`` guard, is not re-run in every worker.
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import multiprocessing.connection
import multiprocessing.context
import multiprocessing.reduction
import multiprocessing.spawn
import os
import signal
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from typing import Any

KILL_SLACK = 5.0  # seconds past a batch's time limits before its worker is killed (it stops itself first)
STARTUP_GRACE = 120.0  # seconds a fresh worker may spend loading the model
PARENT_POLL = 0.5  # seconds between the watchdog's checks that the parent is alive

_WORKER: dict = {}  # per-process state: the spaCy pipeline, time limit, OCR flag


# -- the worker task ---------------------------------------------------------------------------

def _thread_env() -> None:
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")


MALLOC_SETTINGS = {-3: 16 * 2**20, -1: 64 * 2**20}  # glibc's M_MMAP_THRESHOLD, M_TRIM_THRESHOLD
"""glibc ``mallopt`` parameters for a worker. By default glibc maps each block
over 128 KiB on its own and returns free memory at the heap's top to the system at once; a worker
annotating documents then faults ~2,000 fresh pages per document back in (spaCy's arrays, docmine's
per-document tables). Blocks up to 16 MiB from the heap and up to 64 MiB kept free at its top cut the
faults to a tenth (0.12 against 1.2 million for 500 documents): about 9% less CPU per document
(docs/performance.md), the same mentions."""


def tune_malloc() -> bool:
    """Apply :data:`MALLOC_SETTINGS` to this process's allocator; True when glibc took them. A
    no-op elsewhere (macOS, Windows, musl), and when ``DOCMINE_MALLOC=default`` asks for glibc's
    own behaviour."""
    if os.environ.get("DOCMINE_MALLOC", "").lower() == "default" or not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
        if not hasattr(libc, "gnu_get_libc_version"):
            return False  # another C library: mallopt's numbers mean something else there, if anything
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    return all(mallopt(param, value) == 1 for param, value in MALLOC_SETTINGS.items())


def _init_worker(model, models_dir, user_aliases, file_timeout: float = 120.0, memory_mb: int | None = None,
                 ocr: bool = False) -> None:
    _thread_env()
    tune_malloc()
    limit_memory(memory_mb)
    _WORKER["file_timeout"] = file_timeout
    _WORKER["ocr"] = ocr
    from docmine.nlp.languages import Pipelines, parse_models
    from docmine.nlp.pipeline import load_nlp, use_fast_ops

    ops = use_fast_ops()
    english, per_language = parse_models(model)
    _WORKER.pop("facets", None)  # built from this ingest's lexicons on first use
    _WORKER["nlp"] = Pipelines(load_nlp(english, models_dir, user_aliases), per_language, models_dir, user_aliases)
    _WORKER["ops"] = ops
    _warm_up()


_WARM_UP = {
    # not English, so the language detector loads its profiles too
    "txt": ("warm-up.txt", "Die Polizei hat zwei Kilogramm Heroin beschlagnahmt, sagte die Beh\u00f6rde am Montag "
                           "nach einer Kontrolle.".encode("cp1252")),
    "html": ("warm-up.html", b"<html><head><title>t</title></head><body><p>Vienna, 3 April 2024 - Officers seized "
                             b"heroin at the port, the agency said in a statement on the seizure.</p></body></html>"),
}
_WARMED: set[str] = set()


def _warm_up(kind: str = "txt") -> None:
    """Import and initialise an extractor once per worker, before the first file of its format
    starts its time limit, so that file is not charged for library start-up (trafilatura, pdfium,
    the language profiles). Formats a job does not contain are never loaded. The first, "txt",
    also makes the English pipeline's first call (spaCy initialises on it)."""
    if kind in _WARMED:
        return
    _WARMED.add(kind)
    from docmine.extract import extract_bytes

    try:
        if kind == "pdf":
            import pypdfium2  # noqa: F401

            import docmine.extract.pdf  # noqa: F401
        elif kind == "docx":
            import docx  # noqa: F401

            import docmine.extract.docx  # noqa: F401
        elif kind in _WARM_UP:
            extract_bytes(*_WARM_UP[kind])
        if kind == "txt" and "nlp" in _WORKER:  # the first call of a spaCy pipeline initialises it
            from docmine.nlp.pipeline import annotate

            english = extract_bytes("warm-up-en.txt", b"Vienna, 3 April 2024 - Officers seized heroin at the port, "
                                                      b"the agency said in a statement on the seizure.")
            list(annotate(_WORKER["nlp"].get(_WORKER["nlp"].key("en")).nlp, [english]))
    except Exception:  # warming up is an optimisation only
        pass


def process_files(entries: list[tuple[str, str, int, int]]) -> list[dict]:
    """Worker task: extract and annotate files; return one plain dict per file.

    Each file has one deadline, ``file_timeout`` seconds, for its extraction and its entity
    recognition together; a file that passes it is recorded as timed out at the stage it was in.
    """
    from docmine.extract import ExtractionError, extract_bytes, sniff_format

    nlp = _WORKER["nlp"]
    if "facets" not in _WORKER:  # the classes and countries of a document's drugs and places
        from docmine.nlp.facets import FacetResolver
        from docmine.nlp.lexicon import Lexicon

        _WORKER["facets"] = FacetResolver(Lexicon.load(nlp.models_dir, nlp.user_aliases))
    facets = _WORKER["facets"]
    timeout = _WORKER.get("file_timeout", 120.0)
    results: list[dict] = []
    docs: list = []
    meta: dict[int, int] = {}
    left: dict[int, float] = {}  # id(doc) -> seconds of its deadline left after extraction
    for path, sha, _size, mtime_ns in entries:
        started = time.monotonic()
        report_stage(path, "extract")
        try:
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
            except OSError as exc:  # removed or made unreadable since it was found
                raise ExtractionError(f"cannot read: {exc.strerror or exc}", stage="discover") from None
            _warm_up(sniff_format(data, path) or "txt")
            started = time.monotonic()  # a library's start-up is not the file's time
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
        left[id(doc)] = timeout - (time.monotonic() - started)
    by_language: dict[str, list] = {}
    mixed: dict[int, tuple] = {}  # id(view) -> (the document it is one language's parts of, their spans)
    for d in docs:  # each language to its own pipeline; the English model reads English only
        for key, view, spans in _language_views(nlp, d):
            if view is not d:
                mixed[id(view)] = (d, spans)
                left[id(view)] = left[id(d)]
            by_language.setdefault(key, []).append(view)
    parts_read: dict[int, list] = {}  # id(mixed document) -> what each of its parts' pipelines found
    failed: dict[int, dict] = {}
    for lang, group in by_language.items():
        try:
            pipe = nlp.get(lang)
        except Exception as exc:  # a model the user named for this language cannot be loaded
            lost = [{"path": d.path, "sha256": d.sha256, "stage": "nlp",
                     "error": f"no pipeline for language {lang!r}: {exc}"[:500]} for d in group]
            _sort_failures(lost, group, mixed, results, failed)
            continue
        lost = []
        for doc, part, mentions, sents, note in _recognise(pipe, group, left, timeout, lost):
            if id(doc) in mixed:
                whole, spans = mixed[id(doc)]
                parts_read.setdefault(id(whole), []).append((pipe, pipe.finish(part.text, mentions),
                                                             _clip(sents, spans, doc.text), note))
                continue
            if note:  # a very long text: stored whole, recognised in part
                doc.meta["nlp_part"] = note
            results.append(_result(doc, pipe.finish(part.text, mentions), sents, meta[id(doc)], facets,
                                   pipeline=pipe.model, note=pipe.note, nlp_note=note))
        _sort_failures(lost, group, mixed, results, failed)
    for d in docs:
        if id(d) in failed:  # one of its parts could not be read: the file fails, once
            results.append(failed[id(d)])
        elif id(d) in parts_read:
            results.append(_mixed_result(d, parts_read[id(d)], meta[id(d)], facets))
    report_stage(None, "idle")
    return results


def _language_views(nlp, doc) -> list[tuple[str, Any, list[tuple[int, int]] | None]]:
    """(pipeline key, document, its spans) to recognise: the document itself, or, when it holds
    parts in other languages (:func:`docmine.nlp.language_parts.language_parts`), one copy per
    language with the other languages' text blanked (offsets kept) and that language's spans; the
    parts go to ``doc.meta["language_parts"]``."""
    import dataclasses

    from docmine.nlp.language_parts import blank_outside, language_parts

    parts = language_parts(doc.text, doc.language)
    if not parts:
        return [(nlp.key(doc.language), doc, None)]
    doc.meta["language_parts"] = [[s, e, lang] for s, e, lang in parts]
    spans: dict[str, list[tuple[int, int]]] = {}
    for s, e, lang in parts:
        spans.setdefault(nlp.key(lang), []).append((s, e))
    return [(key, dataclasses.replace(doc, text=blank_outside(doc.text, sp)), sp) for key, sp in spans.items()]


def _clip(sents: list[tuple[int, int]], spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A part's sentences cut to its own spans (a sentence may run on into the blanked text of
    another language), without the blank ones."""
    out = []
    for s, e in sents:
        for a, b in spans:
            lo, hi = max(s, a), min(e, b)
            if lo >= hi:
                continue
            piece = text[lo:hi]
            lead, trail = len(piece) - len(piece.lstrip()), len(piece) - len(piece.rstrip())
            if lo + lead < hi - trail:
                out.append((lo + lead, hi - trail))
    return out


def _sort_failures(lost: list[dict], group: list, mixed: dict[int, tuple], results: list[dict],
                   failed: dict[int, dict]) -> None:
    """Failures of a group: a whole document's go to ``results``; a part's fail its document."""
    parts_of = {v.path: mixed[id(v)][0] for v in group if id(v) in mixed}
    for r in lost:
        doc = parts_of.get(r["path"])
        if doc is None:
            results.append(r)
        else:
            failed.setdefault(id(doc), r)


def _result(doc, mentions: list, sents: list, mtime_ns: int, facets, *, pipeline: str, note: str,
            nlp_note: str | None) -> dict:
    """The plain dict the parent stores for one recognised document."""
    from docmine.dedup import signature

    found = [m.as_dict() for m in mentions]
    return {"path": doc.path, "document": asdict(doc), "sentences": sents, "mtime_ns": mtime_ns,
            "mentions": found, "facets": facets.document(found), "minhash": signature(doc.text),
            "pipeline": pipeline, "note": note, "nlp_note": nlp_note}


def _mixed_result(doc, read: list, mtime_ns: int, facets) -> dict:
    """One result for a document whose parts were read by several pipelines: their mentions and
    sentences together, positions and amounts linked again over the whole text."""
    from docmine.nlp.pipeline import finish_mentions

    mentions = sorted((m for _, ms, _, _ in read for m in ms), key=lambda m: (m.start, m.end))
    sents = sorted({s for _, _, ss, _ in read for s in ss})
    finish_mentions(doc, mentions, sents)
    notes = [n for _, _, _, n in read if n]
    if notes:
        doc.meta["nlp_part"] = notes[0]
    return _result(doc, mentions, sents, mtime_ns, facets,
                   pipeline="+".join(dict.fromkeys(p.model for p, _, _, _ in read)),
                   note=next((p.note for p, _, _, _ in read if p.note), ""), nlp_note=notes[0] if notes else None)


def _recognise(pipe, group: list, left: dict[int, float], timeout: float, results: list[dict]) -> Iterator[tuple]:
    """(document, the part recognised, mentions, sentences, note) for each document of ``group``
    that is recognised within the time its deadline has left; the others go to ``results``.

    The group is read in one batch (spaCy is faster so) under the shortest time any of its
    documents has left: when that passes, or one document breaks the batch, each document is read
    on its own under its own time left, so only the one at fault is lost."""
    from docmine.extract.normalize import nlp_part
    from docmine.nlp.pipeline import annotate

    parts = [nlp_part(d) for d in group]

    def budget(docs) -> float:
        if timeout <= 0:
            return 0.0  # no time limit
        return max(0.05, min(left[id(d)] for d in docs))

    report_stage(group[0].path, "nlp")  # the parent uses it for a file on its own only
    try:
        with FileAlarm(budget(group)):
            annotated = list(annotate(pipe.nlp, [p for p, _ in parts]))
        for d, (p, note), (_, mentions, sents) in zip(group, parts, annotated, strict=True):
            yield d, p, mentions, sents, note
        return
    except FileTimeout:
        if len(group) == 1:
            results.append(_nlp_timeout(group[0], timeout))
            return
    except Exception:
        pass
    for d, (p, note) in zip(group, parts, strict=True):
        report_stage(d.path, "nlp")
        try:
            with FileAlarm(budget([d])):
                annotated = list(annotate(pipe.nlp, [p]))
        except FileTimeout:
            results.append(_nlp_timeout(d, timeout))
            continue
        except Exception as exc:
            results.append({"path": d.path, "sha256": d.sha256, "stage": "nlp",
                            "error": f"NLP failed: {type(exc).__name__}: {exc}"[:500]})
            continue
        for _, mentions, sents in annotated:
            yield d, p, mentions, sents, note


def _nlp_timeout(doc, timeout: float) -> dict:
    return {"path": doc.path, "sha256": doc.sha256, "stage": "nlp", "error": timeout_reason(timeout, stage="nlp")}


def report_stage(path: str | None, stage: str) -> None:
    """Tell the parent which file this worker is on and at which stage (``extract``, ``nlp``), so
    a file whose worker must be killed is recorded with the stage it hung in. A no-op outside a
    :class:`LocalExecutor`'s workers."""
    status = _WORKER.get("status_file")
    if not status:
        return
    try:
        with open(status, "wb") as fh:
            fh.write(stage.encode() + b"\n" + (os.fsencode(path) if path is not None else b""))
    except OSError:  # the stage is a courtesy for the parent's message only
        pass


def _stages(status_dir: str) -> dict[str, str]:
    """{path: stage} of the files the workers last reported."""
    out: dict[str, str] = {}
    try:
        names = os.listdir(status_dir)
    except OSError:
        return out
    for name in names:
        try:
            with open(os.path.join(status_dir, name), "rb") as fh:
                stage, _, path = fh.read().partition(b"\n")
        except OSError:
            continue
        if path:
            out[os.fsdecode(path)] = stage.decode(errors="replace")
    return out


# -- workers die with their parent -----------------------------------------------------------------

def die_with_parent(parent_pid: int, poll: float = PARENT_POLL, watchdog: bool = True) -> None:
    """End this process when ``parent_pid`` (the process that started it) dies.

    Linux: the kernel sends SIGKILL on the parent's death (``prctl(PR_SET_PDEATHSIG)``).
    Everywhere: a daemon thread notices the parent is gone (we are re-parented, so
    ``os.getppid()`` changes) and exits. A parent that died before this ran is caught at once.
    ``watchdog=False``: no thread (a process that forks checks ``os.getppid()`` itself).
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            PR_SET_PDEATHSIG = 1
            libc.prctl(ctypes.c_int(PR_SET_PDEATHSIG), ctypes.c_ulong(int(signal.SIGKILL)),
                       ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0))
        except (OSError, AttributeError):  # no libc symbols: the watchdog still runs
            pass
    if os.getppid() != parent_pid:
        os._exit(1)
    if not watchdog:
        return
    threading.Thread(target=_watch_parent, args=(parent_pid, poll), name="docmine-parent-watchdog",
                     daemon=True).start()


def _watch_parent(parent_pid: int, poll: float) -> None:
    while True:
        time.sleep(poll)
        if os.getppid() != parent_pid:
            os._exit(1)


def _start_worker(parent_pid: int, initializer: Callable | None, initargs: tuple,
                  status_dir: str | None = None) -> None:
    """Pool initializer: tie the worker's life to its parent, then run the real initializer.
    ``status_dir``: where this worker reports its file and stage (:func:`report_stage`)."""
    die_with_parent(parent_pid)
    if status_dir:
        _WORKER["status_file"] = os.path.join(status_dir, str(os.getpid()))
    if initializer is not None:
        gc.disable()  # as in the template (:func:`_template_main`): loading makes next to no garbage
        try:
            initializer(*initargs)
        finally:
            gc.freeze()  # the loaded objects are never walked again by the collector
            gc.enable()


# -- spawn without re-running the caller's script ------------------------------------------------

_SPAWN_LOCK = threading.Lock()


def _preparation_without_main(get_preparation_data: Callable) -> Callable:
    def prepare(name):
        data = get_preparation_data(name)
        # the worker needs only importable docmine functions, never the caller's __main__
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
        return data

    return prepare


class _NoMainSpawnProcess(mp.context.SpawnProcess):
    @staticmethod
    def _Popen(process_obj):
        spawn = multiprocessing.spawn
        with _SPAWN_LOCK:
            original = spawn.get_preparation_data
            spawn.get_preparation_data = _preparation_without_main(original)
            try:
                return mp.context.SpawnProcess._Popen(process_obj)
            finally:
                spawn.get_preparation_data = original


class _NoMainSpawnContext(mp.context.SpawnContext):
    """'spawn', except that the child does not import the parent's ``__main__`` module."""

    Process = _NoMainSpawnProcess


def worker_context() -> mp.context.BaseContext:
    return _NoMainSpawnContext()


# -- the template process and the workers forked from it ---------------------------------------------

LOAD_TIMEOUT = 600.0  # seconds the template may take to load the pipeline before the ingest gives up


def forking_supported() -> bool:
    """Workers forked from a loaded template: Linux only (fork without exec is unsafe on macOS
    and absent on Windows, where each worker of a 'spawn' pool loads the pipeline)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def _template_main(conn, parent_pid: int, initializer: Callable | None, initargs: tuple, task: Callable) -> None:
    """The template: load what ``initializer`` loads, once, then fork a worker whenever the parent asks.

    It runs no thread (a fork copies only the thread that calls it); it watches for its
    parent's death between requests, and the kernel kills it when the parent dies."""
    die_with_parent(parent_pid, watchdog=False)
    # no garbage collection while the pipeline loads: loading makes hundreds of thousands of objects
    # and almost no garbage (a few dozen objects), yet each collection would walk them all again
    gc.disable()
    try:
        if initializer is not None:
            initializer(*initargs)
    except BaseException as exc:  # a model that is not installed, a broken aliases file: the parent says so
        conn.send(("failed", (type(exc).__name__, str(exc))))
        return
    # a worker's garbage collector never walks the loaded objects: their pages stay shared. (No
    # gc.collect() first: it found only a few dozen objects to free and cost 0.1-0.2 s here.)
    gc.freeze()
    conn.send(("ready", os.getpid()))
    while True:
        _reap()  # workers the parent killed or let go (their CPU time is counted as this process's children)
        try:
            if not conn.poll(PARENT_POLL):
                if os.getppid() != parent_pid:
                    os._exit(1)
                continue
            request = conn.recv()
        except (EOFError, OSError):
            request = None
        if not (isinstance(request, tuple) and request[0] == "fork"):
            _reap(wait=5.0)
            os._exit(0)
        mine, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            gc.enable()
            try:
                mine.close()
                conn.close()
                _worker_main(theirs, task, request[1])
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        theirs.close()
        try:
            mp.reduction.send_handle(conn, mine.fileno(), parent_pid)
            conn.send(pid)
        except OSError:  # the parent is gone
            os._exit(0)
        finally:
            mine.close()


def _reap(wait: float = 0.0) -> None:
    """Collect the exit status of ended workers; with ``wait``, wait up to that long for all to end."""
    deadline = time.monotonic() + wait
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:  # none left
            return
        if pid == 0:
            if time.monotonic() >= deadline:
                return
            time.sleep(0.01)


def _worker_main(sock: socket.socket, task: Callable, status_dir: str | None) -> None:
    """A forked worker: run ``task`` on each batch the parent sends, until the parent hangs up."""
    die_with_parent(os.getppid())
    _WORKER["status_file"] = os.path.join(status_dir, str(os.getpid())) if status_dir else None
    conn = mp.connection.Connection(sock.detach())
    while True:
        try:
            batch = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple = ("done", task(batch))
        except Exception as exc:  # the task itself raised: the parent records every file of the batch
            reply = ("raised", f"{type(exc).__name__}: {exc}")
        conn.send(reply)


class _Worker:
    def __init__(self, pid: int, conn: mp.connection.Connection):
        self.pid, self.conn = pid, conn
        self.job: tuple[list, bool, float] | None = None  # (batch, isolated, started)

    def kill(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except OSError:  # already gone
            pass
        self.conn.close()


class _Template:
    """The parent's handle on a template process: start it, wait until it has loaded, fork workers."""

    def __init__(self, initializer: Callable | None, initargs: tuple, task: Callable):
        ctx = _NoMainSpawnContext()
        self.conn, theirs = ctx.Pipe(duplex=True)
        self.process = ctx.Process(target=_template_main, name="docmine-template",
                                   args=(theirs, os.getpid(), initializer, initargs, task))
        self.process.start()
        theirs.close()
        self.pid: int | None = None

    def ready(self, timeout: float = LOAD_TIMEOUT) -> None:
        """Wait until the template has loaded; raise RuntimeError if it cannot."""
        if self.pid is not None:
            return
        if not self.conn.poll(timeout):
            raise RuntimeError(f"the worker processes did not load the NLP pipeline within {timeout:g} s")
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            raise RuntimeError("the worker process died while loading the NLP pipeline "
                               f"(exit code {self.process.exitcode}; out of memory?)") from None
        if kind == "failed":
            name, message = value
            raise RuntimeError(message if name == "RuntimeError"
                               else f"cannot load the NLP pipeline: {name}: {message}")
        self.pid = value

    def fork(self, status_dir: str | None) -> _Worker:
        self.conn.send(("fork", status_dir))
        fd = mp.reduction.recv_handle(self.conn)
        pid = self.conn.recv()
        return _Worker(pid, mp.connection.Connection(fd))

    def close(self) -> None:
        try:
            self.conn.send(("stop",))
        except OSError:
            pass
        self.conn.close()
        self.process.join(6.0)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


_EARLY: dict[tuple, _Template] = {}


def start_early(initializer: Callable | None, initargs: tuple, task: Callable) -> _Template | None:
    """Start loading the template of a :class:`LocalExecutor` to come with these arguments now,
    while the caller does other work (finding and hashing files); the first such executor takes
    it. None where workers are not forked, or when one is already loading. :func:`discard_early`
    ends one that no executor took."""
    key = _key(initializer, initargs, task)
    if not forking_supported() or key in _EARLY:
        return None
    template = _EARLY[key] = _Template(initializer, initargs, task)
    return template


def _key(initializer: Callable | None, initargs: tuple, task: Callable) -> tuple:
    return (initializer, repr(initargs), task)


def discard_early(template: _Template | None) -> None:
    """End ``template`` (from :func:`start_early`) unless an executor took it."""
    for key, t in list(_EARLY.items()):
        if t is template:
            del _EARLY[key]
            t.close()


# -- the local pool ----------------------------------------------------------------------------------

class LocalExecutor:
    def __init__(self, workers: int, initializer: Callable | None, initargs: tuple, task: Callable,
                 file_timeout: float = 120.0):
        self.workers = max(1, workers)
        self.initializer, self.initargs, self.task = initializer, initargs, task
        self.file_timeout = file_timeout
        self.pool: ProcessPoolExecutor | None = None
        self.restarts = 0
        self.status_dir: str | None = None

    def run(self, batches: list[list[tuple]]) -> Iterator[list[dict]]:
        import shutil
        import tempfile

        try:  # where workers say which file and stage they are on; without it, a hang is blamed on extraction
            self.status_dir = tempfile.mkdtemp(prefix="docmine-workers-")
        except OSError:
            self.status_dir = None
        try:
            if forking_supported():
                yield from self._run_forked(batches)
            else:
                yield from self._run_pool(batches)
        finally:
            if self.status_dir:
                shutil.rmtree(self.status_dir, ignore_errors=True)

    # -- Linux: workers forked from a loaded template --------------------------------------------------

    def _run_forked(self, batches: list[list[tuple]]) -> Iterator[list[dict]]:
        queue = deque((b, False) for b in batches)  # (batch, isolated: one file on its own)
        template = _EARLY.pop(_key(self.initializer, self.initargs, self.task), None)
        if template is None:
            template = _Template(self.initializer, self.initargs, self.task)
        idle: list[_Worker] = []
        busy: dict[Any, _Worker] = {}  # a worker's connection -> the worker
        try:
            template.ready()
            idle = [template.fork(self.status_dir) for _ in range(self.workers)]
            while queue or busy:
                self._dispatch(queue, idle, busy, template)
                done = mp.connection.wait(list(busy), timeout=1.0)
                results: list[list[dict]] = []
                for conn in done:
                    w = busy.pop(conn)
                    assert w.job is not None
                    batch = w.job[0]
                    try:
                        kind, value = w.conn.recv()
                    except (EOFError, OSError):
                        results.extend(self._lost(w, "the worker died (out of memory or a parser crash)", queue,
                                                  idle, template))
                        continue
                    w.job = None
                    idle.append(w)
                    results.append(value if kind == "done" else
                                   [_failure(e, f"processing failed: {value}") for e in batch])
                now = time.monotonic()
                for conn, w in list(busy.items()):
                    assert w.job is not None
                    batch, _, started = w.job
                    if now - started > self.file_timeout * len(batch) + KILL_SLACK:
                        busy.pop(conn)
                        results.extend(self._lost(w, None, queue, idle, template))
                # give the idle workers their next batch before the caller stores these results
                self._dispatch(queue, idle, busy, template)
                yield from results
        finally:
            for w in [*idle, *busy.values()]:
                w.kill()
            template.close()

    def _dispatch(self, queue: deque, idle: list[_Worker], busy: dict, template: _Template) -> None:
        while queue and idle:
            w = idle.pop()
            batch, isolated = self._next(queue)
            try:
                w.conn.send(batch)
            except OSError:  # it died while it waited
                w.kill()
                queue.appendleft((batch, isolated))
                idle.append(template.fork(self.status_dir))
                self.restarts += 1
                continue
            w.job = (batch, isolated, time.monotonic())
            busy[w.conn] = w

    def _next(self, queue: deque) -> tuple[list, bool]:
        """The next batch; near the end of the work, a part of it, so that the workers finish
        together instead of one working through a whole batch while the others wait."""
        batch, isolated = queue.popleft()
        if not isolated and len(batch) > 1 and len(queue) < 4 * self.workers:
            left = len(batch) + sum(len(b) for b, _ in queue)
            size = max(1, -(-left // (2 * self.workers)))
            if size < len(batch):
                queue.appendleft((batch[size:], False))
                batch = batch[:size]
        return batch, isolated

    def _lost(self, w: _Worker, reason: str | None, queue: deque, idle: list[_Worker],
              template: _Template) -> list[list[dict]]:
        """A worker died (``reason``) or passed its batch's time limit (None): kill it, fork a fresh
        one, and re-run its batch one file at a time; a file that was already on its own fails."""
        assert w.job is not None
        batch, isolated, _ = w.job
        stage = self._stage(w.pid, batch[0][0])
        w.kill()
        self.restarts += 1
        idle.append(template.fork(self.status_dir))
        if isolated or len(batch) == 1:
            reason = reason or timeout_reason(self.file_timeout, "hangs", stage)
            return [[_failure(batch[0], reason, stage)]]
        queue.extendleft(([e], True) for e in reversed(batch))
        return []

    def _stage(self, pid: int, path: str) -> str:
        """The stage (extract or nlp) the worker ``pid`` last reported for ``path``; extract if none."""
        if not self.status_dir:
            return "extract"
        report = os.path.join(self.status_dir, str(pid))
        try:
            with open(report, "rb") as fh:
                stage, _, where = fh.read().partition(b"\n")
            os.remove(report)
        except OSError:
            return "extract"
        text = stage.decode(errors="replace")
        return text if os.fsdecode(where) == path and text in ("extract", "nlp") else "extract"

    # -- elsewhere: a 'spawn' pool, each worker loading the pipeline ------------------------------------

    def _start(self) -> ProcessPoolExecutor:
        self.pool = ProcessPoolExecutor(self.workers, mp_context=worker_context(), initializer=_start_worker,
                                        initargs=(os.getpid(), self.initializer, self.initargs, self.status_dir))
        self.started = time.monotonic()
        return self.pool

    def _kill(self) -> None:
        if self.pool is None:
            return
        for p in list(getattr(self.pool, "_processes", {}).values()):
            try:
                p.kill()
            except Exception:
                pass
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = None
        self.restarts += 1

    def _run_pool(self, batches: list[list[tuple]]) -> Iterator[list[dict]]:
        queue = deque((b, False) for b in batches)  # (batch, isolated: one file on its own)
        inflight: dict = {}
        pool = self._start()
        try:
            while queue or inflight:
                while queue and len(inflight) < self.workers:
                    batch, isolated = queue.popleft()
                    inflight[pool.submit(self.task, batch)] = (batch, isolated, time.monotonic())
                done, _ = wait(list(inflight), timeout=1.0, return_when=FIRST_COMPLETED)
                broken: list[tuple[list, bool, str | None]] = []  # (batch, isolated, reason; None: timed out)
                for fut in done:
                    batch, isolated, _ = inflight.pop(fut)
                    try:
                        yield fut.result()
                    except BrokenProcessPool:
                        broken.append((batch, isolated, "the worker died (out of memory or a parser crash)"))
                    except Exception as exc:  # the task itself raised: record every file of it
                        yield [_failure(e, f"processing failed: {type(exc).__name__}: {exc}") for e in batch]
                now = time.monotonic()
                grace = STARTUP_GRACE if now - self.started < STARTUP_GRACE else 0.0
                for fut, (batch, isolated, t0) in list(inflight.items()):
                    if now - t0 > self.file_timeout * len(batch) + KILL_SLACK + grace:
                        inflight.pop(fut)
                        broken.append((batch, isolated, None))
                if broken:
                    # the pool is unusable or blocked: replace it, re-run what was in flight
                    stages = _stages(self.status_dir) if self.status_dir else {}
                    for batch, isolated, _ in inflight.values():
                        queue.appendleft((batch, isolated))
                    inflight.clear()
                    self._kill()
                    _clear(self.status_dir)  # the killed workers' reports must not speak for the new ones
                    for batch, isolated, reason in broken:
                        if isolated or len(batch) == 1:
                            stage = stages.get(batch[0][0], "extract")
                            if stage not in ("extract", "nlp"):
                                stage = "extract"
                            reason = reason or timeout_reason(self.file_timeout, "hangs", stage)
                            yield [_failure(batch[0], reason, stage)]
                        else:
                            queue.extendleft(([e], True) for e in reversed(batch))
                    pool = self._start()
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True, cancel_futures=True)


def _clear(folder: str | None) -> None:
    if not folder:
        return
    for name in os.listdir(folder):
        try:
            os.remove(os.path.join(folder, name))
        except OSError:
            pass


def timeout_reason(seconds: float, what: str = "loops", stage: str = "extract") -> str:
    """Plain-language reason for a file stopped by its time limit at ``stage`` (extract or nlp)."""
    doing = (f"the parser {what}" if stage == "extract"
             else f"entity recognition {'hangs' if what == 'hangs' else 'is slow'}")
    return f"timed out after {seconds:g} s ({doing}); raise --file-timeout if the file is just large"


def _failure(entry: tuple, reason: str, stage: str = "extract") -> dict:
    return {"path": entry[0], "sha256": entry[1], "stage": stage, "error": reason}


def limit_memory(megabytes: int | None) -> None:
    """Cap this process's address space so a ballooning parser raises MemoryError."""
    if not megabytes:
        return
    try:
        import resource

        limit = int(megabytes) * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit < hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):
        pass


class FileAlarm:
    """SIGALRM-based time limit for pure-Python parser loops (main thread only).

    The alarm repeats after it first fires: a FileTimeout raised while Python runs a weakref
    callback, a ``__del__`` or the garbage collector cannot propagate and is lost, so it is
    raised again (every ``min(seconds, 1)`` s) until the parser has stopped.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self):
        import signal

        self.active = self.seconds > 0 and hasattr(signal, "SIGALRM") and os.getpid() != 0
        if self.active:
            try:
                self.old = signal.signal(signal.SIGALRM, _raise_timeout)
                signal.setitimer(signal.ITIMER_REAL, self.seconds, min(self.seconds, 1.0))
            except ValueError:  # not in the main thread
                self.active = False
        return self

    def __exit__(self, *exc):
        if self.active:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.old)


class FileTimeout(BaseException):
    """Raised by the alarm inside a parser. A BaseException, like KeyboardInterrupt, so that
    parsers' own ``except Exception`` fallbacks cannot swallow it and keep looping."""


def _raise_timeout(signum, frame):
    raise FileTimeout()
