"""Scale-out on a Dask cluster: workers extract and annotate, the client writes the store.

``docmine ingest FOLDER --executor dask --scheduler tcp://HOST:8786``. Every Dask worker
must have docmine, the spaCy model and read access to the files at the same paths (a shared
file system). Each worker process loads the pipeline once, on its first task. The task is the one the
local executor runs (:mod:`docmine.workers`); this module does not import the pipeline.
"""
from __future__ import annotations

from collections.abc import Iterator


def _dask_task(batch: list[tuple], initargs: tuple) -> list[dict]:
    from docmine import workers

    if "nlp" not in workers._WORKER:
        workers._init_worker(*initargs)
    return workers.process_files(batch)


def run_dask(batches: list[list[tuple]], opts) -> Iterator[list[dict]]:
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:
        raise RuntimeError("the Dask executor needs dask.distributed: pip install 'docmine[dask]'") from exc
    if not opts.scheduler:
        raise ValueError("--executor dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
    initargs = (opts.model, opts.models_dir, opts.aliases, opts.file_timeout, None, opts.ocr)
    try:
        client = Client(opts.scheduler, timeout="30s")
    except OSError as exc:
        raise RuntimeError(f"cannot reach the Dask scheduler at {opts.scheduler}: {exc}") from exc
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = n_workers * 2
        it = iter(batches)
        owner = {}

        def submit(batch):
            fut = client.submit(_dask_task, batch, initargs, pure=False)
            owner[fut.key] = batch
            return fut

        ac = as_completed([submit(b) for b, _ in zip(it, range(window), strict=False)])
        for fut in ac:
            try:
                yield fut.result()
            except Exception as exc:
                batch = owner.get(fut.key, [])
                yield [{"path": e[0], "sha256": e[1], "stage": "extract",
                        "error": f"Dask task failed: {type(exc).__name__}: {exc}"} for e in batch]
            owner.pop(fut.key, None)
            nxt = next(it, None)
            if nxt is not None:
                ac.add(submit(nxt))
    finally:
        client.close()
