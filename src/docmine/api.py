"""The Python API. Each function mirrors one CLI command and returns a DataFrame or a summary.

Arguments are checked here, at the edge, with the checks and messages the CLI uses
(:mod:`docmine.validate`): a mistake raises :class:`ValueError` saying what is wrong and what to
do next, before any work starts.
"""
from __future__ import annotations

import inspect
import os
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported by the functions that need it: ingest starts faster
    import pandas as pd

from docmine import validate as v
from docmine.pipeline import IngestOptions, IngestSummary, ingest_options
from docmine.pipeline import ingest as _ingest
from docmine.rows import Rows
from docmine.store import DEFAULT_DB, Store


def open_store(db: str = DEFAULT_DB, readonly: bool = True) -> Store:
    """Open an existing store (read-only by default)."""
    v.store_path(db, "db", write=not readonly)
    return Store(db, readonly=readonly)


def _writable_store(db: str) -> Store:
    """An existing store opened for writing (topics, canonicalize)."""
    v.store_path(db, "db", write=True)
    return Store(db, create=False)


def _with_ingest_options(fn: Callable) -> Callable:
    """Give ``fn(paths, db, **options)`` the signature and documentation of :class:`IngestOptions`:
    one keyword-only parameter per field, with the field's default and help."""
    sig = inspect.signature(fn)
    params = [p for p in sig.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    params += [inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=f.type)
               for f in fields(IngestOptions)]
    fn.__signature__ = sig.replace(parameters=params)  # type: ignore[attr-defined]
    doc = [f"    ``{f.name}``: {f.metadata['help']}" for f in fields(IngestOptions)]
    header = "\n\n    Options (keyword only; the flags of ``docmine ingest``):\n\n"
    fn.__doc__ = (fn.__doc__ or "") + header + "\n".join(doc) + "\n"
    return fn


@_with_ingest_options
def ingest(paths: Sequence[str] | str, db: str = DEFAULT_DB, **options: Any) -> IngestSummary:
    """Ingest files/folders into ``db``; returns an :class:`~docmine.pipeline.IngestSummary`.

    The options are the fields of :class:`~docmine.pipeline.IngestOptions`, checked as the CLI
    checks its flags; an option given as None takes its default."""
    try:
        inspect.signature(ingest).bind(paths, db, **options)
    except TypeError as exc:  # an unknown option, as for any function
        raise TypeError(f"ingest() {exc}") from None
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = v.input_paths(paths)
    v.store_path(db, "db", write=True, exists=False)
    return _ingest(list(paths), db, ingest_options(options))


def entities(db: str = DEFAULT_DB, label: str | None = None, top: int | None = 20,
             lang: str | None = None, tag: str | None = None) -> pd.DataFrame:
    """Entity frequency table: label, entity, mentions, documents, first/last date (``lang``:
    only documents in that language, an ISO 639 code such as ``hr``; ``tag``: only documents that
    carry the tag or mention an entity that does)."""
    return entity_rows(db, label, top, lang, tag).to_frame()


def entity_rows(db: str = DEFAULT_DB, label: str | None = None, top: int | None = 20,
                lang: str | None = None, tag: str | None = None) -> Rows:
    """:func:`entities` as light :class:`~docmine.rows.Rows`, without importing pandas (what
    ``docmine entities`` prints)."""
    from docmine.analysis.entities import entity_rows as _entity_rows

    label = v.label(label)
    if top is not None:
        top = v.whole_number(top, "top", minimum=0, meaning="0 = all")
    lang = v.language(lang)
    with open_store(db) as store:
        if tag and store.version() < 5:  # a store from before tags: nothing carries one
            return Rows(_entity_rows(store, label, top, lang=lang).columns)
        return _entity_rows(store, label, top, lang=lang, tag=tag)


EXPORTS = ("mentions", "documents", "entities", "tables", "seizures", "tagged")
"""What ``export`` writes (the CLI's ``docmine export WHAT``)."""


def export(what: str, db: str = DEFAULT_DB, *, cells: bool = True, lang: str | None = None) -> pd.DataFrame:
    """``mentions``, ``documents``, ``entities``, ``tables``, ``seizures`` or ``tagged`` (the
    analyst's tags and notes) as a DataFrame.

    ``tables``: the tables found in PDFs, DOCX and HTML, one row per cell (doc_id, path, table,
    page, row, col, text); with ``cells=False`` one row per table whose ``rows`` is a list of rows
    of cell strings (what ``docmine export tables --format jsonl`` writes)."""
    # the module docmine.export, imported by name: the package attribute docmine.export is this function
    from docmine.export import documents_df, entities_df, mentions_df, tables_df

    if what not in EXPORTS:
        raise ValueError(f"cannot export {what!r}: choose {', '.join(EXPORTS[:-1])} or {EXPORTS[-1]}."
                         f" Give, for example, docmine.export('mentions')")
    if not isinstance(cells, bool):
        raise ValueError(f"cells must be True or False, not {cells!r}."
                         " Give, for example, cells=False for one row per table")
    if not cells and what != "tables":
        raise ValueError(f"cells=False applies to tables only, not {what!r}. Leave cells out")
    lang = v.language(lang)
    if what == "seizures":
        return seizures(db, lang=lang)
    if what == "tagged":
        if lang:
            raise ValueError("lang does not apply to tagged. Leave it out")
        return tags(db)
    with open_store(db) as store:
        if what == "tables":
            df = tables_df(store, cells=cells)
        else:
            df = {"mentions": mentions_df, "documents": documents_df, "entities": entities_df}[what](store)
        if lang and what != "entities":  # entities are collection-wide: filter mentions instead
            keep = set(store.df("SELECT doc_id FROM documents WHERE language = ?", (lang,))["doc_id"])
            df = df[df["doc_id"].isin(keep)].reset_index(drop=True)
        elif lang:
            raise ValueError("lang does not apply to entities (each counts every document). "
                             "Use docmine.entities(lang=...) for one language's entity table")
        return df


def failures(db: str = DEFAULT_DB) -> pd.DataFrame:
    """Every file that failed: path, stage, reason, when."""
    with open_store(db) as store:
        return store.df("SELECT path, stage, reason, datetime(time, 'unixepoch') AS time FROM failures ORDER BY path")


def canonicalize(db: str = DEFAULT_DB, aliases: str | None = None) -> int:
    """Re-apply the alias tables (and a user aliases file) to stored mentions, without NER."""
    from docmine.nlp.languages import ENGLISH, localise
    from docmine.nlp.lexicon import Lexicon

    aliases = v.aliases_file(aliases)
    with _writable_store(db) as store:
        lex = Lexicon.load(None, aliases)
        by_language: dict[str, Lexicon] = {}

        def canonical(label: str, resolved: str, language: str | None) -> str:
            # a document in another language has its names mapped by that language's lexicon
            # ("Београду" -> Belgrade), as at ingest
            key = "en" if language in ENGLISH else str(language)
            if key not in by_language:
                by_language[key] = lex if key == "en" else localise(lex, key)
            return by_language[key].canonical(label, resolved)

        from docmine.nlp.facets import FacetResolver

        changed = store.recanonicalize(canonical, lambda label, *names: lex.fate(label, *names), FacetResolver(lex))
        store.link_collection(lex.knows)  # the links and votes follow the names again
        return changed


def clean_entity(action: str, names: Sequence[str] | str, db: str = DEFAULT_DB, label: str | None = None,
                 to: str | None = None, aliases: str | None = None) -> dict:
    """Merge, rename, relabel or drop ("not an entity") stored entities, as ``docmine entity``.

    The decision is appended to the user aliases file (default ./docmine.aliases.toml, created if
    absent), so every later ingest and ``canonicalize`` apply it, and it is applied to the store at
    once. Returns ``{"aliases": file, "entry": the TOML written, "changed": mentions changed}``."""
    from docmine.cleanup import decide

    names = [names] if isinstance(names, str) else list(names)
    if label is not None:
        label = str(v.label(label))
    if aliases is not None:
        aliases = v.aliases_file(aliases) if os.path.exists(aliases) else os.fspath(aliases)
    with _writable_store(db) as store:
        path, text = decide(store, action, names, label=label, to=to, aliases=aliases)
    return {"aliases": path, "entry": text, "changed": canonicalize(db, aliases=path)}


def tag(tag: str, db: str = DEFAULT_DB, *, doc: str | int | None = None, entity: str | None = None,
        label: str | None = None, note: str = "", remove: bool = False) -> bool:
    """Tag (star: the tag ``"star"``) a document (``doc``: its id or a part of its path) or an
    entity (``entity``: its canonical name; ``label`` when the name has several), with an optional
    note; ``remove=True`` takes the tag away. Returns whether anything changed. Tags live in the
    store and outlive a re-ingest."""
    from docmine.tags import document_target, entity_target, mark

    if (doc is None) == (entity is None):
        raise ValueError("tag a document (doc=ID or a part of its path) or an entity (entity=NAME), one of the two")
    if label is not None:
        label = str(v.label(label))
    with _writable_store(db) as store:
        if doc is not None:
            kind, target = "document", document_target(store, doc)[0]
        else:
            kind, target = "entity", entity_target(store, str(entity), label)
        return mark(store, kind, target, tag, note=note, remove=remove)


def tags(db: str = DEFAULT_DB, tag: str | None = None) -> pd.DataFrame:
    """Every tagged document and entity (or those with ``tag``): kind, tag, name, label, doc_id,
    path, documents, note."""
    from docmine.tags import tagged

    with open_store(db) as store:
        if store.version() < 5:  # a store from before tags: it has none
            return _no_tags()
        return tagged(store, tag)


def _no_tags() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(columns=["kind", "tag", "name", "label", "doc_id", "path", "documents", "note"])


def search(query: str, db: str = DEFAULT_DB, **kw) -> pd.DataFrame:
    """Entities by name or alias (``text=True``: full-text search over documents).

    ``date_from`` / ``date_to``: ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a month or year counts
    whole: ``date_to="2021"`` keeps documents up to 2021-12-31). ``tag``: only documents that carry
    the tag, or mention an entity that does. ``drug_class`` / ``country``: only documents that
    mention a drug of that class ("opiate") / a place in that country ("Turkey", "Rotterdam" ->
    Netherlands); :func:`search_facets` counts them.
    """
    return search_rows(query, db, **kw).to_frame()


def search_rows(query: str, db: str = DEFAULT_DB, **kw) -> Rows:
    """:func:`search` as light :class:`~docmine.rows.Rows`, without importing pandas (what
    ``docmine search`` prints)."""
    from docmine.analysis.search import search_rows as _search

    if "label" in kw:
        kw["label"] = v.label(kw["label"])
    if "date_from" in kw or "date_to" in kw:
        kw["date_from"], kw["date_to"] = v.date_range(kw.get("date_from"), kw.get("date_to"))
    if kw.get("topic") is not None:
        kw["topic"] = v.whole_number(kw["topic"], "topic", minimum=0, example=3)
    if "limit" in kw:
        kw["limit"] = v.whole_number(kw["limit"], "limit", example=20)
    if "lang" in kw:
        kw["lang"] = v.language(kw["lang"])
    with open_store(db) as store:
        _check_tag_store(store, kw.get("tag"))
        return _search(store, query, **kw)


def search_facets(query: str, db: str = DEFAULT_DB, **kw) -> pd.DataFrame:
    """How the documents a search matches divide (the first 20,000 of them): one row per facet
    (label, drug_class, country, year, language, topic, tag) and value with its number of
    ``documents``, most frequent first within a facet (label: the entities found, one each).
    Takes the arguments of :func:`search` but ``limit`` and ``path``."""
    import pandas as pd

    counts = search_facet_counts(query, db, **kw)
    return pd.DataFrame([(facet, value, n) for facet, values in counts.items() for value, n in values],
                        columns=["facet", "value", "documents"])


def search_facet_counts(query: str, db: str = DEFAULT_DB, **kw) -> dict[str, list[tuple[str, int]]]:
    """:func:`search_facets` as {facet: [(value, documents), ...]}, without importing pandas
    (what ``docmine search --facets`` prints)."""
    from docmine.analysis.search import find_entity_rows, result_facets

    text = bool(kw.pop("text", False))
    label, fuzzy = kw.pop("label", None), bool(kw.pop("fuzzy", False))
    kw.pop("limit", None)
    if label is not None:
        label = v.label(label)
    if "date_from" in kw or "date_to" in kw:
        kw["date_from"], kw["date_to"] = v.date_range(kw.get("date_from"), kw.get("date_to"))
    if kw.get("topic") is not None:
        kw["topic"] = v.whole_number(kw["topic"], "topic", minimum=0, example=3)
    if "lang" in kw:
        kw["lang"] = v.language(kw["lang"])
    with open_store(db) as store:
        _check_tag_store(store, kw.get("tag"))
        found = [] if text else [(e.label, e.entity) for e in find_entity_rows(store, query, label, fuzzy).itertuples()]
        return result_facets(store, query, text, found, **kw)


def comention(rows: str, cols: str, db: str = DEFAULT_DB, **kw) -> pd.DataFrame:
    """Co-mention table of two labels; see :func:`docmine.analysis.comention.comention`."""
    from docmine.analysis.comention import comention as _comention

    rows, cols = str(v.label(rows, "rows")), str(v.label(cols, "cols"))
    if "min_count" in kw:
        kw["min_count"] = v.whole_number(kw["min_count"], "min_count", example=2)
    if kw.get("top") is not None:
        kw["top"] = v.whole_number(kw["top"], "top", minimum=0, example=30, meaning="0 = all")
    if "lang" in kw:
        kw["lang"] = v.language(kw["lang"])
    with open_store(db) as store:
        if kw.get("tag") and store.version() < 5:
            raise ValueError("this store has no tags yet: tag documents or entities with `docmine tag` first")
        return _comention(store, rows, cols, **kw)


def evidence(row: str, col: str, db: str = DEFAULT_DB, **kw) -> pd.DataFrame:
    """The sentences (or paragraphs, documents) behind one co-mention cell."""
    from docmine.analysis.comention import evidence as _evidence

    for key in ("rows_label", "cols_label"):
        if kw.get(key) is not None:
            kw[key] = v.label(kw[key], key)
    if "lang" in kw:
        kw["lang"] = v.language(kw["lang"])
    with open_store(db) as store:
        _check_tag_store(store, kw.get("tag"))
        return _evidence(store, row, col, **kw)


def topics(db: str = DEFAULT_DB, k: str | int = "auto", seed: int = 0, refit: bool = False,
           tag: str | None = None, lang: str | None = None) -> pd.DataFrame:
    """Cluster documents by topic and store the assignment; returns the topic table.

    Documents added since the last fit are assigned to the existing topics (ids stay stable)
    unless ``refit``. ``tag`` / ``lang``: the table counts only the documents that carry the tag
    (or mention an entity that does) / are in that language; every document is still clustered.
    """
    from docmine.analysis.topics import fit_topics, topic_table

    k = v.topics_k(k)
    seed = v.whole_number(seed, "seed", minimum=0, example=0)
    lang = v.language(lang)
    with _writable_store(db) as store:
        _check_tag_store(store, tag)
        out = fit_topics(store, k=k, seed=seed, refit=refit)
        if tag or lang:
            attrs, out = out.attrs, topic_table(store, tag=tag, lang=lang)
            out.attrs.update(attrs)
        return out


def _check_tag_store(store: Store, tag: str | None) -> None:
    if tag and store.version() < 5:
        raise ValueError("this store has no tags yet (it was written by an older docmine): tag documents "
                         "or entities with docmine.tag(), or leave tag out")


def topic_trend(db: str = DEFAULT_DB, freq: str = "year", tag: str | None = None,
                lang: str | None = None) -> pd.DataFrame:
    """Documents per topic and period (``year`` or ``month``) by publication date (``tag`` /
    ``lang``: only those documents)."""
    from docmine.analysis.topics import topic_trend as _trend

    lang = v.language(lang)
    with open_store(db) as store:
        _check_tag_store(store, tag)
        return _trend(store, freq=freq, tag=tag, lang=lang)


def topic_entities(db: str = DEFAULT_DB, label: str = "DRUG", **kw) -> pd.DataFrame:
    """Topic x entity cross table, with the same columns as :func:`comention`."""
    from docmine.analysis.topics import topic_entities as _te

    label = str(v.label(label))
    if "min_count" in kw:
        kw["min_count"] = v.whole_number(kw["min_count"], "min_count", example=2)
    if kw.get("top") is not None:
        kw["top"] = v.whole_number(kw["top"], "top", minimum=0, example=30, meaning="0 = all")
    if "lang" in kw:
        kw["lang"] = v.language(kw["lang"])
    with open_store(db) as store:
        _check_tag_store(store, kw.get("tag"))
        return _te(store, label=label, **kw)


def evaluate(gold: str, model: str | None = None, **kw) -> pd.DataFrame:
    """Precision, recall and F1 per label against a gold file (.spacy DocBin or .jsonl)."""
    from docmine.evaluate import evaluate as _evaluate

    if "errors" in kw and kw["errors"] is None:
        kw["errors"] = 0
    if "errors" in kw:
        kw["errors"] = v.whole_number(kw["errors"], "errors", minimum=0, example=10)
    return _evaluate(gold, model=model, **kw)


def seizures(db: str = DEFAULT_DB, *, drug: str | None = None, agency: str | None = None, place: str | None = None,
             country: str | None = None, date_from: str | None = None, date_to: str | None = None,
             min_kg: float | None = None, lang: str | None = None, ids: Sequence[int] | None = None,
             merge: bool = True) -> pd.DataFrame:
    """One row per reported seizure: drug, amount, place, country, date, seizing agency,
    concealment, transport, origin, destination, arrests, and the documents reporting it.

    The first call after an ingest reads the new documents for seizures (the store is written).
    Text filters match part of the canonical name or of the text as written (``drug`` also the
    drug class, ``place`` also the country); ``country`` matches the whole country name;
    ``date_from``/``date_to`` take YYYY-MM-DD, YYYY-MM or YYYY; ``min_kg`` keeps weighed seizures of
    at least that many kilograms; ``ids`` keeps the given seizure ids (a cube cell's
    ``seizure_ids``); ``merge=False`` lists every stored record, one seizure reported by several
    documents as several rows."""
    from docmine.seizures.table import seizure_table

    date_from, date_to = v.date_range(date_from, date_to)
    lang = v.language(lang)
    if min_kg is not None:
        min_kg = v.non_negative_number(min_kg, "min_kg")
    if ids is not None:
        ids = [v.whole_number(i, "ids", minimum=1, example=12) for i in ids]
    with _writable_store(db) as store:
        return seizure_table(store, drug=drug, agency=agency, place=place, country=country, date_from=date_from,
                             date_to=date_to, min_kg=min_kg, lang=lang, ids=list(ids) if ids else None, merge=merge)


def _update_seizures(db: str) -> None:
    """Read new documents for seizures when the store can be written (else report what is stored)."""
    from docmine.seizures.build import update_seizures

    if os.access(db, os.W_OK) and os.access(os.path.dirname(os.path.abspath(db)), os.W_OK):
        with Store(db, create=False) as store:
            update_seizures(store)


def seizure_cube(db: str = DEFAULT_DB, **filters: Any) -> pd.DataFrame:
    """Agency x drug x country x year: number of seizures, total kg and the seizures' ids, for the
    seizures :func:`seizures` returns with the same filters."""
    from docmine.seizures.table import seizure_cube as _cube

    return _cube(seizures(db, **filters))


def report(db: str = DEFAULT_DB, output: str = "report.html", tag: str | None = None,
           lang: str | None = None) -> str:
    """Write the self-contained HTML report; returns its path. ``tag`` / ``lang``: a report of the
    documents that carry the tag (or mention an entity that does) / are in that language."""
    from docmine.report import build_report

    output = v.output_path(output, "output")
    lang = v.language(lang)
    if tag is not None:
        from docmine.tags import check_tag

        tag = check_tag(tag)
    _update_seizures(db)
    with open_store(db) as store:
        _check_tag_store(store, tag)
        html = build_report(store, db_name=db, tag=tag, lang=lang)
    with open(output, "w", encoding="utf-8") as fh:
        fh.write(html)
    return output
