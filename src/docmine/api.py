"""The Python API. Each function mirrors one CLI command and returns a DataFrame or a summary."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pandas is imported by the functions that need it: ingest starts faster
    import pandas as pd

from docmine.store import Store

DEFAULT_DB = "docmine.db"


def open_store(db: str = DEFAULT_DB, readonly: bool = True) -> Store:
    """Open an existing store (read-only by default)."""
    return Store(db, readonly=readonly)


def ingest(paths: Sequence[str] | str, db: str = DEFAULT_DB, workers: int = 0, model: str | None = None,
           aliases: str | None = None, executor: str = "local", scheduler: str | None = None,
           retry_failed: bool = False, progress: bool | None = False, file_timeout: float | None = None,
           max_file_mb: float | None = None, memory_mb: int | None = None, ocr: bool = False):
    """Ingest files/folders into ``db``; returns an :class:`~docmine.pipeline.IngestSummary`.

    ``file_timeout`` (seconds per file), ``max_file_mb`` (larger files are recorded as failures)
    and ``memory_mb`` (address-space cap per worker; 0 = none): None keeps the defaults.
    ``ocr``: read scanned PDFs with Tesseract (needs tesseract-ocr and the ``ocr`` extra).
    """
    from docmine.pipeline import IngestOptions, ingest as _ingest
    from docmine.nlp.lexicon import DEFAULT_ALIASES_FILE
    import os

    if isinstance(paths, str):
        paths = [paths]
    if aliases is None and os.path.exists(DEFAULT_ALIASES_FILE):
        aliases = DEFAULT_ALIASES_FILE
    opts = IngestOptions(model=model, user_aliases=aliases, workers=workers, executor=executor,
                         scheduler=scheduler, retry_failed=retry_failed, progress=progress, ocr=ocr)
    if file_timeout is not None:
        opts.file_timeout = file_timeout
    if max_file_mb is not None:
        opts.max_file_mb = max_file_mb
    if memory_mb is not None:
        opts.memory_mb = memory_mb or None
    return _ingest(list(paths), db, opts)


def entities(db: str = DEFAULT_DB, label: str | None = None, top: int | None = 20) -> pd.DataFrame:
    """Entity frequency table: label, entity, mentions, documents, first/last date."""
    from docmine.analysis.entities import entity_table

    with open_store(db) as store:
        return entity_table(store, label, top)


def export(what: str, db: str = DEFAULT_DB) -> pd.DataFrame:
    """``mentions``, ``documents`` or ``entities`` as a DataFrame."""
    from docmine import export as ex

    fn = {"mentions": ex.mentions_df, "documents": ex.documents_df, "entities": ex.entities_df}.get(what)
    if fn is None:
        raise ValueError(f"cannot export {what!r}: choose mentions, documents or entities")
    with open_store(db) as store:
        return fn(store)


def failures(db: str = DEFAULT_DB) -> pd.DataFrame:
    """Every file that failed: path, stage, reason, when."""
    with open_store(db) as store:
        return store.df("SELECT path, stage, reason, datetime(time, 'unixepoch') AS time FROM failures ORDER BY path")


def canonicalize(db: str = DEFAULT_DB, aliases: str | None = None) -> int:
    """Re-apply the alias tables (and a user aliases file) to stored mentions, without NER."""
    from docmine.nlp.lexicon import DEFAULT_ALIASES_FILE, Lexicon
    import os

    if aliases is None and os.path.exists(DEFAULT_ALIASES_FILE):
        aliases = DEFAULT_ALIASES_FILE
    lex = Lexicon.load(None, aliases)
    with Store(db, create=False) as store:
        return store.recanonicalize(lex.canonical)


def search(query: str, db: str = DEFAULT_DB, **kw) -> pd.DataFrame:
    """Entities by name or alias (``text=True``: full-text search over documents)."""
    from docmine.analysis.search import search as _search

    with open_store(db) as store:
        return _search(store, query, **kw)


def comention(rows: str, cols: str, db: str = DEFAULT_DB, **kw) -> pd.DataFrame:
    """Co-mention table of two labels; see :func:`docmine.analysis.comention.comention`."""
    from docmine.analysis.comention import comention as _comention

    with open_store(db) as store:
        return _comention(store, rows, cols, **kw)


def evidence(row: str, col: str, db: str = DEFAULT_DB, **kw) -> pd.DataFrame:
    """The sentences (or paragraphs, documents) behind one co-mention cell."""
    from docmine.analysis.comention import evidence as _evidence

    with open_store(db) as store:
        return _evidence(store, row, col, **kw)


def topics(db: str = DEFAULT_DB, k: str | int = "auto", seed: int = 0, refit: bool = False) -> pd.DataFrame:
    """Cluster documents by topic and store the assignment; returns the topic table.

    Documents added since the last fit are assigned to the existing topics (ids stay stable)
    unless ``refit``.
    """
    from docmine.analysis.topics import fit_topics

    with Store(db, create=False) as store:
        return fit_topics(store, k=k, seed=seed, refit=refit)


def topic_trend(db: str = DEFAULT_DB, freq: str = "year") -> pd.DataFrame:
    """Documents per topic and period (``year`` or ``month``) by publication date."""
    from docmine.analysis.topics import topic_trend as _trend

    with open_store(db) as store:
        return _trend(store, freq=freq)


def topic_entities(db: str = DEFAULT_DB, label: str = "DRUG", **kw) -> pd.DataFrame:
    """Topic x entity cross table, with the same columns as :func:`comention`."""
    from docmine.analysis.topics import topic_entities as _te

    with open_store(db) as store:
        return _te(store, label=label, **kw)


def evaluate(gold: str, model: str | None = None, **kw) -> pd.DataFrame:
    """Precision, recall and F1 per label against a gold file (.spacy DocBin or .jsonl)."""
    from docmine.evaluate import evaluate as _evaluate

    if "errors" in kw and kw["errors"] is None:
        kw["errors"] = 0
    return _evaluate(gold, model=model, **kw)


def report(db: str = DEFAULT_DB, output: str = "report.html") -> str:
    """Write the self-contained HTML report; returns its path."""
    from docmine.report import build_report

    with open_store(db) as store:
        html = build_report(store, db_name=db)
    with open(output, "w", encoding="utf-8") as fh:
        fh.write(html)
    return output
