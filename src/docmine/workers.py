"""Local worker processes with per-file time and memory limits.

Each worker loads the spaCy pipeline once. A file whose parser loops is stopped by an alarm
inside the worker; one that hangs in C code or exhausts memory takes its worker down, so the
supervisor kills the pool, starts fresh workers, re-runs the batch one file at a time and
records the file that kept failing. No other file is lost.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator

STARTUP_GRACE = 120.0  # seconds a fresh worker may spend loading the model


class LocalExecutor:
    def __init__(self, workers: int, initializer: Callable, initargs: tuple, task: Callable,
                 file_timeout: float = 120.0):
        self.workers = max(1, workers)
        self.initializer, self.initargs, self.task = initializer, initargs, task
        self.file_timeout = file_timeout
        self.pool: ProcessPoolExecutor | None = None
        self.restarts = 0

    def _start(self) -> None:
        self.pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                        initializer=self.initializer, initargs=self.initargs)
        self.started = time.monotonic()

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

    def run(self, batches: list[list[tuple]]) -> Iterator[list[dict]]:
        queue = deque((b, False) for b in batches)  # (batch, isolated: one file on its own)
        inflight: dict = {}
        self._start()
        try:
            while queue or inflight:
                while queue and len(inflight) < self.workers:
                    batch, isolated = queue.popleft()
                    inflight[self.pool.submit(self.task, batch)] = (batch, isolated, time.monotonic())
                done, _ = wait(list(inflight), timeout=1.0, return_when=FIRST_COMPLETED)
                broken = []
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
                    if now - t0 > self.file_timeout * len(batch) + grace:
                        inflight.pop(fut)
                        broken.append((batch, isolated, timeout_reason(self.file_timeout, "hangs")))
                if broken:
                    # the pool is unusable or blocked: replace it, re-run what was in flight
                    for fut, (batch, isolated, _) in inflight.items():
                        queue.appendleft((batch, isolated))
                    inflight.clear()
                    self._kill()
                    for batch, isolated, reason in broken:
                        if isolated or len(batch) == 1:
                            yield [_failure(batch[0], reason)]
                        else:
                            queue.extendleft((([e], True) for e in reversed(batch)))
                    self._start()
        finally:
            if self.pool is not None:
                self.pool.shutdown(wait=True, cancel_futures=True)


def timeout_reason(seconds: float, what: str = "loops") -> str:
    """Plain-language reason for a file stopped by its time limit."""
    return f"timed out after {seconds:g} s (the parser {what}); raise --file-timeout if the file is just large"


def _failure(entry: tuple, reason: str) -> dict:
    return {"path": entry[0], "sha256": entry[1], "stage": "extract", "error": reason}


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
