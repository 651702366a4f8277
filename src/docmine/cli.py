"""The docmine command line: parse, call the Python API, print. No logic of its own.

A user's mistake is reported in one style, ``docmine: error: <message>. <what to do next>`` on
standard error with exit status 2, never a traceback. Arguments are checked by argparse ``type=``
functions and, where two arguments or the file system are involved, right after parsing; the
checks and messages are those of the Python API (:mod:`docmine.validate`).
"""
from __future__ import annotations

import argparse
import os
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import fields
from typing import NoReturn

from docmine import api
from docmine import validate as v
from docmine.discover import shown
from docmine.nlp.mention import DEFAULT_MODEL
from docmine.pipeline import IngestOptions, check_together, option_flag
from docmine.store import DEFAULT_DB, StoreError, default_db, store_error

# and `topics` when it fits (not --trend / --cross)
WRITES_STORE = {"ingest", "canonicalize", "seizures", "entity", "tag"}


class _Parser(argparse.ArgumentParser):
    """argparse with docmine's error line: ``docmine: error: <message>. <what to do next>``."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"docmine: error: {_tidy(message, self.prog)}\n")


def _tidy(message: str, prog: str) -> str:
    # "argument --top: --top must be ..." -> "--top must be ..."; "argument --aliases: the aliases
    # file 'x' does not exist. ... or leave --aliases out" -> "the aliases file ..."
    m = re.match(r"argument ([^:]+): (.*)", message, re.S)
    if m and any(re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", m.group(2)) for flag in m.group(1).split("/")):
        message = m.group(2)
    if not re.search(r"\. [A-Z]", message):  # argparse's own messages say what, not what next
        message += f". Run `{prog} --help` to see the options"
    return message


def _arg(check: Callable, flag: str, **kw) -> Callable[[str], object]:
    """An argparse ``type=`` from a :mod:`docmine.validate` check, with its message for ``flag``."""

    def convert(value: str):
        try:
            return check(value, flag, **kw)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    # a partial names its function
    convert.__name__ = getattr(check, "__name__", None) or getattr(check, "func").__name__  # noqa: B009
    return convert


def by_k(scores: dict) -> str:
    """A topic model's score per number of topics, in order of k ("10" sorts before "2" as the
    strings a stored model's JSON keys are)."""
    return "  ".join(f"{k}:{v:g}" for k, v in sorted(scores.items(), key=lambda kv: int(kv[0])))


def _print_df(df, max_colwidth: int = 60) -> None:
    import pandas as pd

    if df.empty:
        print("(no rows)")
        return
    with pd.option_context("display.max_colwidth", max_colwidth, "display.width", 200,
                           "display.max_rows", 500, "display.max_columns", 50):
        print(df.to_string(index=False))


def _label(flag: str = "--label") -> Callable[[str], object]:
    return _arg(v.label, flag)


def _count(flag: str, minimum: int = 1, maximum: int | None = None, example: int = 20,
           meaning: str = "", default: str = "") -> Callable[[str], object]:
    """A whole number of at least ``minimum`` (``meaning`` documents 0, e.g. "0 = all")."""
    return _arg(v.whole_number, flag, minimum=minimum, maximum=maximum, example=example, meaning=meaning,
                default=default)


def _check(a) -> None:
    """Checks that involve the file system or two arguments; a ValueError is a usage error."""
    if hasattr(a, "db"):
        writes = (a.command in WRITES_STORE or (a.command == "export" and a.what == "seizures")
                  or (a.command == "topics" and not (a.trend or a.cross)))
        v.store_path(a.db, "--db", write=writes, exists=a.command != "ingest")
    if a.command == "ingest":
        v.input_paths(a.paths)
        for f in fields(IngestOptions):  # repeatable flags are checked as a whole, with the flag's name
            if f.metadata.get("repeat") and getattr(a, f.name) is not None:
                setattr(a, f.name, f.metadata["check"](getattr(a, f.name), option_flag(f.name)))
        given = {k: value for k, value in _ingest_values(a).items() if value is not None}
        check_together(IngestOptions(**given), option_flag)  # each option alone: its type= check
    if getattr(a, "aliases", None) is not None:
        if a.command in ("entity", "serve") and not os.path.exists(a.aliases):  # these write it: created if absent
            if not os.path.isdir(os.path.dirname(os.path.abspath(a.aliases))):
                raise ValueError(f"--aliases {a.aliases}: its folder does not exist; create it or give another path")
        else:
            v.aliases_file(a.aliases, "--aliases")
    if a.command == "seizures" and a.output:
        v.output_path(a.output, "-o", formats=v.TABLE_FORMATS)
    if a.command in ("search", "seizures"):
        v.date_range(a.date_from, a.date_to, ("--from", "--to"))
    if a.command == "comention" and a.output:
        v.output_path(a.output, "-o", formats=v.COMENTION_FORMATS)
    if a.command == "export" and a.output:
        v.output_path(a.output, "-o", formats=None if a.format else v.TABLE_FORMATS)
    if a.command == "report":
        v.output_path(a.output, "-o")
    if a.command == "evaluate" and not os.path.isfile(a.gold):
        raise ValueError(f"no gold file {a.gold!r}. Give a .spacy DocBin, a .jsonl file or an IOB2/CoNLL file"
                         " of gold annotations")


def _ingest_values(a) -> dict:
    """The ingest options as parsed (one per :class:`~docmine.pipeline.IngestOptions` field; None:
    left out, so the API's default)."""
    return {f.name: getattr(a, f.name) for f in fields(IngestOptions)}


def add_ingest_options(sp: argparse.ArgumentParser) -> None:
    """One flag per :class:`~docmine.pipeline.IngestOptions` field, with its help and check:
    ``--max-file-mb MB``; a boolean is a switch (``--ocr``), one whose default is None a pair
    (``--progress`` / ``--no-progress``). A flag left out is None, which the API takes as the
    field's default: the defaults are defined once, in the field."""
    for f in fields(IngestOptions):
        flag, meta = option_flag(f.name), f.metadata
        kw: dict = {"dest": f.name, "default": None, "help": meta["help"]}
        kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        if kind in ("bool", "bool | None"):
            kw["action"] = "store_true" if f.default is False else argparse.BooleanOptionalAction
        else:
            if meta.get("repeat"):
                kw["action"] = "append"  # each value is checked by the API's check, as a list
            if meta.get("choices") is not None:
                kw["choices"] = list(meta["choices"])
            if meta.get("check") is not None and not meta.get("repeat"):
                kw["type"] = _arg(meta["check"], flag)
            if meta.get("metavar") is not None:
                kw["metavar"] = meta["metavar"]
        sp.add_argument(flag, **kw)


def cmd_ingest(a) -> int:
    s = api.ingest(a.paths, db=a.db, **_ingest_values(a))
    mentions = ", ".join(f"{k} {v}" for k, v in s.mentions.items()) or "none"
    again = f"{s.reannotated} read again, " if s.reannotated else ""
    print(f"docmine ingest: {s.files_seen} files seen in {s.elapsed:.1f} s: {s.new_documents} stored, {s.unchanged} "
          f"unchanged, {again}{s.duplicates} duplicates, {s.failed} failed, {s.skipped} skipped")
    print(f"  new documents   {s.new_documents}  ({s.pages} pages)")
    print(f"  unchanged       {s.unchanged}")
    if s.reannotated:
        print(f"  read again      {s.reannotated} (--reannotate: their mentions replaced by this docmine's)")
    print(f"  duplicates      {s.duplicates} (exact copies stored once), near-duplicates {s.near_duplicates}")
    print(f"  removed         {s.removed} (files gone from the folder)")
    print(f"  skipped         {s.skipped} (hidden, or reached through a link)")
    print(f"  failed          {s.failed}")
    print(f"  mentions        {mentions}")
    if s.languages:
        print("  languages       " + ", ".join(f"{k} {n}" for k, n in s.languages.items()))
    for note in s.notes:
        print(f"  note            {note}")
    print(f"  store           {a.db}: {s.documents_in_store} documents")
    if s.unaccounted():
        print(f"  unaccounted     {s.unaccounted()} (a docmine bug: please report it)")
    for path, stage, reason in s.failures[:20]:
        print(f"  FAILED {shown(path)} [{stage}]: {reason}")
    if len(s.failures) > 20:
        print(f"  ... and {len(s.failures) - 20} more: run `docmine failures --db {a.db}`")
    return 0


def cmd_entities(a) -> int:
    from docmine.rows import format_rows

    print(format_rows(api.entity_rows(db=a.db, label=a.label, top=a.top, lang=a.lang, tag=a.tag)))
    return 0


def cmd_export(a) -> int:
    from pathlib import Path

    from docmine.export import NESTED_FORMATS, write_table

    fmt = a.format or (Path(a.output).suffix.lstrip(".").lower() if a.output else "csv")
    # tables: one record per cell in flat formats, one per table (rows nested) in JSON
    if a.what == "tables":
        df = api.export(a.what, db=a.db, cells=fmt not in NESTED_FORMATS, lang=a.lang)
    else:
        df = api.export(a.what, db=a.db, lang=a.lang)
    text = write_table(df, fmt, a.output)
    if text is not None:
        sys.stdout.write(text)
    elif a.what == "tables" and fmt not in NESTED_FORMATS:
        n_tables = len(df.drop_duplicates(["doc_id", "table"]))
        print(f"wrote {len(df)} cells of {n_tables} tables to {a.output}", file=sys.stderr)
    else:
        print(f"wrote {len(df)} {a.what} to {a.output}", file=sys.stderr)
    return 0


def cmd_failures(a) -> int:
    df = api.failures(db=a.db)
    if df.empty:
        print("no failures recorded")
        return 0
    # one line per file, never truncated: the reason says what to do
    for r in df.itertuples(index=False):
        print(f"{shown(r.path)} [{r.stage}]: {r.reason}")
    print(f"{len(df)} files failed; fix them and run `docmine ingest --retry-failed`", file=sys.stderr)
    return 0


def cmd_canonicalize(a) -> int:
    n = api.canonicalize(db=a.db, aliases=a.aliases)
    print(f"canonical names re-applied: {n} mentions changed")
    return 0


def cmd_entity(a) -> int:
    out = api.clean_entity(a.action, a.names, db=a.db, label=a.label, to=a.to, aliases=a.aliases)
    print(out["entry"].strip())
    print(f"written to {out['aliases']}; {out['changed']} mentions changed in {a.db}. Every later ingest and "
          f"`docmine canonicalize` apply it again; to undo, remove the table and run `docmine canonicalize`")
    return 0


def cmd_tag(a) -> int:
    changed = api.tag(a.tag, db=a.db, doc=a.doc, entity=a.entity, label=a.label, note=a.note or "",
                      remove=a.remove)
    what = f"document {a.doc}" if a.doc is not None else f"entity {a.entity}"
    verb = ("removed from" if a.remove else "tagged on") if changed else ("was not on" if a.remove else "already on")
    print(f"{a.tag!r} {verb} {what}")
    return 0


def cmd_tags(a) -> int:
    df = api.tags(db=a.db, tag=a.tag)
    if df.empty:
        print("nothing tagged yet: docmine tag TAG --doc ID|PATH or --entity NAME")
        return 0
    show = df.drop(columns=["path"]).astype(object).where(df.drop(columns=["path"]).notna(), "")
    print(show.to_string(index=False))
    return 0


def cmd_search(a) -> int:
    filters = dict(label=a.label, fuzzy=a.fuzzy, text=a.text, date_from=a.date_from, date_to=a.date_to, topic=a.topic,
                   lang=a.lang, tag=a.tag, drug_class=a.drug_class, country=a.country)
    if a.facets:
        if a.path:
            a.parser.error("--path does not apply to --facets. Narrow by --from/--to, --topic, --lang, --tag, "
                           "--drug-class or --country")
        counts = api.search_facet_counts(a.query, db=a.db, **filters)
        if not any(counts.values()):
            print(f"no match for {a.query!r}")
        for facet, values in counts.items():
            if values:
                shown = ", ".join(f"{value} {n}" for value, n in values[:a.limit])
                more = f", ... ({len(values) - a.limit} more)" if len(values) > a.limit else ""
                print(f"{facet.replace('_', ' ')}: {shown}{more}")
        return 0
    df = api.search_rows(a.query, db=a.db, path=a.path, limit=a.limit, **filters)
    if df.empty:
        hint = "" if a.fuzzy or a.text else "; try --fuzzy for misspellings or --text for full text"
        print(f"no match for {a.query!r}" + hint)
        return 0
    if a.text:
        for r in df.itertuples():
            snippet = " ".join(str(r.snippet).split())
            print(f"{r.path}  ({r.date or 'no date'}, bm25 {r.score})\n    {r.title or ''}\n    {snippet}")
        return 0
    entity = document = None  # rows come grouped: by entity, then by document (date order)
    for r in df.itertuples():
        if (r.entity, r.label) != entity:
            entity, document = (r.entity, r.label), None
            print(f"{r.entity} [{r.label}] in {r.entity_documents} documents (match {r.score:.0f})")
        if (r.path, r.date) != document:
            document = (r.path, r.date)
            print(f"  {r.path} ({r.date if isinstance(r.date, str) else 'no date'})")
        print(f"    p.{r.page}: {r.snippet}")
    return 0


def cmd_comention(a) -> int:
    if a.evidence:
        row, col = a.evidence
        df = api.evidence(row, col, db=a.db, window=a.window if a.window != "document" else "sentence",
                          rows_label=a.rows, cols_label=a.cols, include_near_duplicates=a.include_near_duplicates,
                          lang=a.lang, tag=a.tag)
        if df.empty:
            print(f"no {a.window} mentions both {row!r} and {col!r}")
        for r in df.itertuples():
            print(f"{r.path} (p.{r.page}, {r.date or 'no date'})\n    {r.text}")
        return 0
    table = api.comention(a.rows, a.cols, db=a.db, window=a.window, measure=a.measure, min_count=a.min_count,
                          include_near_duplicates=a.include_near_duplicates, lang=a.lang, tag=a.tag)
    if a.output:
        from docmine.analysis.network import heatmap, write_network
        from docmine.export import write_table

        out = a.output
        if out.endswith((".graphml", ".gexf")):
            write_network(table, out, a.measure)
        elif out.endswith((".png", ".svg")):
            heatmap(table, out, a.measure)
        else:
            write_table(table, None, out)
        print(f"wrote {len(table)} pairs to {out}", file=sys.stderr)
    shown = table.head(a.top) if a.top else table
    if a.matrix:
        _print_df(shown.pivot_table(index="row", columns="col", values=a.measure, aggfunc="first").reset_index())
    else:
        _print_df(shown[["row", "col", "count", "documents", "row_count", "col_count",
                         "pmi", "npmi", "lift", "p_value"]])
    return 0


def cmd_topics(a) -> int:
    k = a.k
    if a.trend:
        df = api.topic_trend(db=a.db, freq=a.trend, tag=a.tag, lang=a.lang)
        _print_df(df.reset_index() if df.index.name else df)
        return 0
    if a.cross:
        df = api.topic_entities(db=a.db, label=a.cross, min_count=a.min_count, tag=a.tag, lang=a.lang)
        columns = ["row", "col", "count", "row_count", "col_count", "npmi", "lift", "p_value"]
        _print_df((df.head(a.top) if a.top else df)[columns])
        return 0
    df = api.topics(db=a.db, k=k, seed=a.seed, refit=a.refit, tag=a.tag, lang=a.lang)
    info = df.attrs
    how = info.get("k_selection")
    how = how.get("criterion", "") if isinstance(how, dict) else (how or f"k={k}")
    print(f"{info.get('k')} topics ({how}); {info.get('assigned', 0)} documents assigned this run")
    sel = info.get("k_selection") if isinstance(info.get("k_selection"), dict) else {}
    if sel.get("scores"):  # models fitted before the distinct-terms criterion measured stability
        print(f"{sel.get('measure', 'stability')} by k: " + by_k(sel["scores"]))
    if sel.get("lower_third"):
        print("distinct terms (lower third) by k: " + by_k(sel["lower_third"]))

    def items(v, n=8):
        v = v.split(", ") if isinstance(v, str) else list(v or [])
        return ", ".join(map(str, v[:n]))

    for r in df.itertuples():
        print(f"\n[{r.topic}] {r.label}  ({r.size} documents, {r.first_date or '?'} – {r.last_date or '?'})")
        print(f"    terms:    {items(r.terms)}")
        print(f"    entities: {items(r.entities)}")
        reps = r.representative.split(" | ") if isinstance(r.representative, str) else list(r.representative or [])
        for title in reps[:3]:
            print(f"    · {title}")
    return 0


def cmd_report(a) -> int:
    path = api.report(db=a.db, output=a.output, tag=a.tag, lang=a.lang)
    print(f"wrote {path}")
    return 0


def cmd_serve(a) -> int:
    from docmine.web.app import serve

    if a.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: serving on {a.host} exposes the store to the network", file=sys.stderr)
    token = a.token or os.environ.get("DOCMINE_TOKEN") or None
    if token is not None and len(token) < 16:
        print("docmine: --token must be at least 16 characters (e.g. python -c 'import secrets;"
              " print(secrets.token_urlsafe())')", file=sys.stderr)
        return 2
    serve(a.db, host=a.host, port=a.port, allowed_hosts=a.allow_host or (), read_only=a.read_only, token=token,
          aliases=a.aliases)
    return 0


SEIZURE_SHOWN = ["seizure_id", "date", "drug", "amount_text", "place", "country", "agency", "concealment_text",
                 "transport", "n_sources", "path"]


def cmd_seizures(a) -> int:
    filters = dict(drug=a.drug, agency=a.agency, place=a.place, country=a.country, date_from=a.date_from,
                   date_to=a.date_to, min_kg=a.min_kg, lang=a.lang, ids=a.id)
    if a.cube:
        df = api.seizure_cube(db=a.db, **filters)
        if a.output:
            from docmine.export import write_table

            write_table(df, None, a.output)
            print(f"wrote {len(df)} cells to {a.output}", file=sys.stderr)
        _print_df(df.head(a.top) if a.top else df)
        if len(df) and not a.output:
            print("open a cell's seizures with: docmine seizures --id N [--id M ...] --evidence", file=sys.stderr)
        return 0
    df = api.seizures(db=a.db, **filters)
    if a.output:
        from docmine.export import write_table

        write_table(df, None, a.output)
        print(f"wrote {len(df)} seizures to {a.output}", file=sys.stderr)
        return 0
    if df.empty:
        print("no seizure records match" if any(v is not None for v in filters.values())
              else "no seizure records: no document reports a seizure (a drug, and a word such as seized)")
        return 0
    if a.evidence:
        for r in df.itertuples():
            amount = f"{r.amount_text} " if isinstance(r.amount_text, str) else ""
            where = next((x for x in (r.place, r.country) if isinstance(x, str)), "place not stated")
            print(f"[{r.seizure_id}] {amount}{r.drug}, {where},"
                  f" {r.date or 'no date'} ({r.date_kind or '-'}); {r.n_sources} source(s)")
            print(f"    {r.path}: {' '.join(str(r.sentence).split())}")
        return 0
    shown = df[SEIZURE_SHOWN].head(a.top) if a.top else df[SEIZURE_SHOWN]
    _print_df(shown, max_colwidth=40)
    if a.top and len(df) > a.top:
        print(f"... {len(df) - a.top} more: --top 0 lists all, -o FILE writes them", file=sys.stderr)
    return 0


def cmd_evaluate(a) -> int:
    df = api.evaluate(a.gold, model=a.model, errors=a.errors, split=a.split, lang=a.lang, documents=not a.sentences,
                      modifiers={"auto": None, "include": True, "exclude": False}[a.modifiers],
                      drug_substance={"auto": None, "substance": True, "mention": True, "extent": False}[a.drug_spans],
                      place_extent={"auto": None, "extent": True, "name": False}[a.place_spans])
    print(f"{a.gold}: {df.attrs.get('documents', 0)} documents, exact-span scores")
    _print_df(df)
    for kind, label, text, ctx in df.attrs.get("errors", [])[: a.errors]:
        print(f"  {kind} {label:8} {text!r}  …{ctx.replace(chr(10), ' ')}…")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="docmine", description="Mine document collections for people, organisations, drugs and places.")
    p.add_argument("--version", action="version", version=f"docmine {__import__('docmine').__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def add(name, fn, help):
        sp = sub.add_parser(name, help=help, description=help)
        sp.add_argument("--db", default=default_db(), help=f"store file (default {DEFAULT_DB})")
        sp.set_defaults(fn=fn, parser=sp)
        return sp

    sp = add("ingest", cmd_ingest, "extract, recognise and store the documents of files and folders")
    sp.add_argument("paths", nargs="+", metavar="PATH")
    add_ingest_options(sp)

    sp = add("entities", cmd_entities, "entity frequency table by label")
    sp.add_argument("--label", type=_label())
    sp.add_argument("--top", type=_count("--top", minimum=0, meaning="0 = all"), default=20,
                    help="entities to list (default 20; 0 = all)")
    sp.add_argument("--lang", type=_arg(v.language, "--lang"), metavar="CODE",
                    help="only documents in this language (ISO 639 code: en, fr, hr, sr, tr, ...)")
    sp.add_argument("--tag", help="only documents with this tag, or that mention an entity with it (docmine tag)")

    sp = add("export", cmd_export, "write mentions, documents, entities or the documents' tables as a table "
                                   "(tables: one record per cell; with --format jsonl/json one per table)")
    sp.add_argument("what", choices=list(api.EXPORTS))
    sp.add_argument("--format", type=_arg(v.table_format, "--format"), metavar="{" + ",".join(v.TABLE_FORMATS) + "}",
                    help="table format (default: from the -o extension, else csv)")
    sp.add_argument("-o", "--output", help="output file (default: standard output)")
    sp.add_argument("--lang", type=_arg(v.language, "--lang"), metavar="CODE",
                    help="only documents in this language (ISO 639 code: en, fr, hr, sr, tr, ...)")

    sp = add("search", cmd_search, "find entities by name or alias (or --text: full-text search)")
    sp.add_argument("query")
    sp.add_argument("--label", type=_label())
    sp.add_argument("--fuzzy", action="store_true", help="match misspellings and transliterations")
    sp.add_argument("--text", action="store_true", help="full-text search (FTS5 syntax, ranked by BM25)")
    sp.add_argument("--from", dest="date_from", type=_arg(v.date, "--from"), metavar="DATE",
                    help="earliest publication date: YYYY-MM-DD, YYYY-MM or YYYY (from its first day)")
    sp.add_argument("--to", dest="date_to", type=_arg(v.date, "--to", end=True), metavar="DATE",
                    help="latest publication date: YYYY-MM-DD, YYYY-MM or YYYY (to its last day)")
    sp.add_argument("--topic", type=_count("--topic", minimum=0, example=3), help="only documents of this topic id")
    sp.add_argument("--path", help="only documents whose path contains this")
    sp.add_argument("--tag", help="only documents with this tag, or that mention an entity with it (docmine tag)")
    sp.add_argument("--drug-class", metavar="CLASS",
                    help="only documents that mention a drug of this class (opiate, cocaine, precursor, ...)")
    sp.add_argument("--country", help="only documents that mention a place in this country (Turkey, Netherlands, ...)")
    sp.add_argument("--facets", action="store_true",
                    help="count the matched documents by label, drug class, country, year, language, topic and tag "
                         "instead of listing them")
    sp.add_argument("--limit", type=_count("--limit"), default=20,
                    help="snippets per entity, or values per facet with --facets (default 20)")
    sp.add_argument("--lang", type=_arg(v.language, "--lang"), metavar="CODE",
                    help="only documents in this language (ISO 639 code: en, fr, hr, sr, tr, ...)")

    sp = add("comention", cmd_comention, "co-mention table of two labels, with PMI/NPMI/lift and significance")
    sp.add_argument("--rows", type=_label("--rows"), required=True)
    sp.add_argument("--cols", type=_label("--cols"), required=True)
    sp.add_argument("--window", choices=["document", "paragraph", "sentence"], default="document")
    sp.add_argument("--measure", default="npmi",
                    choices=["count", "documents", "mention_pairs", "pmi", "npmi", "lift", "chi2", "p_value"])
    sp.add_argument("--min-count", type=_count("--min-count", example=2), default=2,
                    help="minimum shared windows for a pair (default 2)")
    sp.add_argument("--top", type=_count("--top", minimum=0, example=30, meaning="0 = all"), default=30,
                    help="pairs to print (default 30; 0 = all)")
    sp.add_argument("--matrix", action="store_true", help="print as a rows x cols matrix of the measure")
    sp.add_argument("--include-near-duplicates", action="store_true", help="count republished copies too")
    sp.add_argument("--tag", help="only documents with this tag, or that mention an entity with it (docmine tag)")
    sp.add_argument("--evidence", nargs=2, metavar=("ROW", "COL"), help="list the sentences behind one cell")
    sp.add_argument("-o", "--output", help="write " + v.format_list(v.COMENTION_FORMATS))
    sp.add_argument("--lang", type=_arg(v.language, "--lang"), metavar="CODE",
                    help="only documents in this language (ISO 639 code: en, fr, hr, sr, tr, ...)")

    sp = add("topics", cmd_topics, "cluster documents by topic (or show trends / topic x entity tables)")
    sp.add_argument("--k", type=_arg(v.topics_k, "--k"), default="auto",
                    help="number of topics (at least 2), or auto (default)")
    sp.add_argument("--seed", type=_count("--seed", minimum=0, example=0), default=0)
    sp.add_argument("--refit", action="store_true", help="re-cluster everything (renumbers topics)")
    sp.add_argument("--trend", choices=["year", "month"], help="documents per topic and period")
    sp.add_argument("--cross", type=_label("--cross"), help="topic x entity table for this label (e.g. DRUG)")
    sp.add_argument("--min-count", type=_count("--min-count", example=2), default=1)
    sp.add_argument("--top", type=_count("--top", minimum=0, example=30, meaning="0 = all"), default=30,
                    help="rows of the --cross table to print (default 30; 0 = all)")
    sp.add_argument("--tag", help="count only documents with this tag, or that mention an entity with it "
                                  "(docmine tag); every document is still clustered")
    sp.add_argument("--lang", type=_arg(v.language, "--lang"), metavar="CODE",
                    help="count only documents in this language (ISO 639 code: en, fr, hr, sr, tr, ...)")

    sp = add("report", cmd_report, "write a self-contained HTML report of the store")
    sp.add_argument("-o", "--output", default="report.html")
    sp.add_argument("--tag", help="a report of the documents with this tag, or that mention an entity with it")
    sp.add_argument("--lang", type=_arg(v.language, "--lang"), metavar="CODE",
                    help="a report of the documents in this language (ISO 639 code: en, fr, hr, sr, tr, ...)")

    sp = add("serve", cmd_serve, "local web workbench (127.0.0.1 by default)")
    sp.add_argument("--port", type=_count("--port", maximum=65535, example=8765), default=8765)
    sp.add_argument("--host", default="127.0.0.1", help="bind address (default 127.0.0.1, loopback only)")
    sp.add_argument("--allow-host", action="append", metavar="NAME",
                    help="a host name browsers may use to reach the app (repeatable; IP addresses and localhost"
                         " always work; other names are refused against DNS rebinding)")
    sp.add_argument("--read-only", action="store_true", help="no tags or entity clean-up from the browser")
    sp.add_argument("--token", help="access token every request must present (or $DOCMINE_TOKEN); needed for"
                                    " writes when --host is not a loopback address")
    sp.add_argument("--aliases", help="the user aliases file entity clean-up writes to"
                                      " (default ./docmine.aliases.toml)")

    sp = sub.add_parser("evaluate", help="precision, recall and F1 per label against a gold file",
                        description="Score the pipeline against gold annotations (.spacy DocBin, .jsonl, or"
                                    " token-per-line IOB2/CoNLL: .iob2, .conll, ...).")
    sp.add_argument("gold")
    sp.add_argument("--model", help=f"installed spaCy pipeline to evaluate (default {DEFAULT_MODEL})")
    sp.add_argument("--errors", type=_count("--errors", minimum=0, example=10), default=0,
                    help="print this many false positives/negatives")
    sp.add_argument("--lang", type=_arg(v.language, "--lang"), metavar="CODE",
                    help="read the gold with this language's pipeline (default: a record's own lang, else en)")
    sp.add_argument("--sentences", action="store_true",
                    help="IOB2/CoNLL gold: score every sentence as a document of its own; by default the"
                         " sentences between two '# newdoc' markers are read together as one document (the"
                         " article they come from), as docmine reads a whole document (files without markers:"
                         " one document per sentence either way)")
    sp.add_argument("--split", choices=["train", "dev", "heldout"],
                    help="score only this split of a gold file whose records carry one (real_dev.jsonl)")
    sp.add_argument("--modifiers", "--drug-modifiers", dest="modifiers", choices=["auto", "include", "exclude"],
                    default="auto",
                    help="score mentions that modify another noun ('heroin trafficking', \"Mexico's ports\", "
                         "'a Belfast man'); auto: exclude for .spacy drug-seizure gold, which annotates seized "
                         "substances and the places where things happened only")
    sp.add_argument("--drug-spans", dest="drug_spans", choices=["auto", "substance", "extent", "mention"],
                    default="auto",
                    help="score a DRUG mention as the substance docmine stores ('[captagon] pills', 'liquid "
                         "[cocaine]', as the project's GUIDELINES.md marks it; 'mention' is the same) or as its "
                         "whole phrase ('captagon pills', its extent); auto: the extent for .spacy drug-seizure "
                         "gold, whose annotators kept form words in the span, else the substance")
    sp.add_argument("--place-spans", dest="place_spans", choices=["auto", "name", "extent"], default="auto",
                    help="score a PLACE mention as the name docmine stores ('[Helmand] province', 'the port of "
                         "[Antwerp]') or as its whole phrase ('Helmand province', its extent); auto: the extent for "
                         ".spacy drug-seizure gold, whose annotators marked the designator, else the name")
    sp.set_defaults(fn=cmd_evaluate, parser=sp)

    sp = add("seizures", cmd_seizures, "seizure records: who seized what, how much, where, when, how hidden"
                                       " (one seizure reported by several documents is one row)")
    sp.add_argument("--drug", help="drug name or class (part of it matches: heroin, opiate)")
    sp.add_argument("--agency", help="seizing agency (part of its name)")
    sp.add_argument("--place", help="place or country (part of its name)")
    sp.add_argument("--country", help="country (whole name: Türkiye, Netherlands)")
    sp.add_argument("--from", dest="date_from", type=_arg(v.date, "--from"), metavar="DATE",
                    help="earliest seizure date: YYYY-MM-DD, YYYY-MM or YYYY")
    sp.add_argument("--to", dest="date_to", type=_arg(v.date, "--to", end=True), metavar="DATE",
                    help="latest seizure date: YYYY-MM-DD, YYYY-MM or YYYY")
    sp.add_argument("--min-kg", type=_arg(v.non_negative_number, "--min-kg"), metavar="KG",
                    help="only weighed seizures of at least this many kilograms")
    sp.add_argument("--lang", type=_arg(v.language, "--lang"), metavar="CODE",
                    help="only documents in this language (ISO 639 code: en, fr, hr, ...)")
    sp.add_argument("--id", type=_count("--id", example=12), action="append",
                    help="only this seizure id (repeatable; a cube cell's seizure_ids)")
    sp.add_argument("--cube", action="store_true", help="agency x drug x country x year: seizures and total kg")
    sp.add_argument("--evidence", action="store_true", help="print each seizure's sentence and document")
    sp.add_argument("--top", type=_count("--top", minimum=0, example=50, meaning="0 = all"), default=50,
                    help="rows to print (default 50; 0 = all)")
    sp.add_argument("-o", "--output", help="write the table: " + v.format_list(v.TABLE_FORMATS))

    add("failures", cmd_failures, "every file that failed: path, stage, reason")

    sp = add("entity", cmd_entity, "clean up entities: drop (not an entity), relabel, rename or merge; "
                                   "written to the aliases file and applied at once")
    sp.add_argument("action", choices=["drop", "relabel", "rename", "merge"])
    sp.add_argument("names", nargs="+", metavar="NAME",
                    help="the entity's canonical name (as `docmine entities` shows)")
    sp.add_argument("--label", type=_label(), help="the entity's label, when the name has several")
    sp.add_argument("--to", help="relabel: the new label; rename: the new name; merge: the canonical name "
                                 "(default: the first NAME)")
    sp.add_argument("--aliases", help="user aliases TOML file to write (default ./docmine.aliases.toml)")

    sp = add("tag", cmd_tag, "tag, star (the tag 'star') or annotate a document or an entity; kept across re-ingests")
    sp.add_argument("tag")
    target = sp.add_mutually_exclusive_group(required=True)
    target.add_argument("--doc", help="the document: its id or a part of its path")
    target.add_argument("--entity", help="the entity: its canonical name")
    sp.add_argument("--label", type=_label(), help="the entity's label, when the name has several")
    sp.add_argument("--note", help="a note kept with the tag (tagging again replaces it)")
    sp.add_argument("--remove", action="store_true", help="take the tag away")

    sp = add("tags", cmd_tags, "list tagged documents and entities, with their notes")
    sp.add_argument("--tag", help="only this tag")

    sp = add("canonicalize", cmd_canonicalize, "re-apply alias tables to stored mentions without re-running NER")
    sp.add_argument("--aliases", help="user aliases TOML file (default ./docmine.aliases.toml if present)")
    return p


def _fail(message: str) -> int:
    print(f"docmine: error: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    a = parser.parse_args(argv)
    try:
        _check(a)
    except ValueError as exc:
        a.parser.error(str(exc))  # usage, then the message; exits 2
    try:
        return a.fn(a) or 0
    except (StoreError, ValueError, RuntimeError) as exc:
        return _fail(str(exc))
    except sqlite3.Error as exc:
        return _fail(str(store_error(exc, getattr(a, "db", ""))))
    except KeyboardInterrupt:
        print("docmine: interrupted; what was written so far is kept, run the command again to resume", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the user named cannot be read or written
        where = f" {exc.filename!r}" if exc.filename else ""
        return _fail(f"cannot use{where}: {exc.strerror or exc}. Check the path and its permissions")


if __name__ == "__main__":
    sys.exit(main())
