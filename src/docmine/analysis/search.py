"""Entity search (canonical names, aliases, fuzzy) and full-text search (FTS5, BM25)."""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from docmine.nlp.facets import DOC_FACETS
from docmine.nlp.lexicon import alias_key
from docmine.nlp.mention import NAME_LABELS
from docmine.rows import Rows
from docmine.store import Store

if TYPE_CHECKING:
    import pandas as pd

MAX_QUERY_CHARS = 500
"""The longest query accepted: longer than any entity name or sensible full-text query, short
enough that matching it costs milliseconds (SQLite refuses long LIKE patterns outright)."""
MAX_TEXT_TERMS = 32
"""The most terms in a full-text query: FTS5's cost grows faster than the number of OR-ed terms
(1,000 terms took 17 s a request on a 52-document store; 32 take milliseconds)."""
MAX_LIMIT = 10_000
"""The most rows one search returns."""
MAX_FACET_DOCS = 20_000
"""The most result documents facets count (SQLite binds each id)."""
SNIPPETS_SORTED = 5_000
"""Mentions of an entity up to which :func:`mention_snippets` sorts them all; beyond, it reads the
entity's documents in date order until it has its snippets (a frequent entity's first documents by
date come first in the date index; sorting 800,000 mentions took a second)."""
_FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def check_query(query: str, text: bool = False) -> str:
    """The query, stripped, if it is within the bounds above; else ValueError saying what to change."""
    if not isinstance(query, str) or not query.strip():
        raise ValueError("empty query: give a name to search for")
    query = query.strip()
    if len(query) > MAX_QUERY_CHARS:
        raise ValueError(f"the query is {len(query):,} characters long; give at most {MAX_QUERY_CHARS}"
                         " (a name, or a few words)")
    if text:
        if query.startswith("*"):  # FTS5 reads a query that starts with * as a special (debugging) query
            raise ValueError(f"invalid full-text query {query!r}: * ends a word (prefix*), it cannot start the"
                             f" query; {_FTS_HINT}")
        terms = [t for t in re.findall(r"\w+", query) if t not in _FTS_OPERATORS]
        if len(terms) > MAX_TEXT_TERMS:
            raise ValueError(f"the full-text query has {len(terms)} terms; give at most {MAX_TEXT_TERMS}."
                             " Search for the rarest words, or run several searches")
    return query


def check_int(value, name: str, minimum: int = 0, maximum: int = 2**63 - 1) -> int:
    """``value`` as an int in [minimum, maximum] (SQLite integers are 64-bit); else ValueError."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a whole number, not {value!r}") from None
    if not minimum <= number <= maximum:
        raise ValueError(f"{name} must be between {minimum} and {maximum:,}, not {number}")
    return number


def _filters(date_from=None, date_to=None, topic=None, path=None, alias="d", lang=None,
             tag=None, drug_class=None, country=None) -> tuple[str, list]:
    where: list[str] = []
    params: list = []
    for facet, value in (("drug_class", drug_class), ("country", country)):
        if value:  # documents that mention a drug of the class / a place in the country (doc_facets)
            where.append(f"{alias}.doc_id IN (SELECT doc_id FROM doc_facets WHERE value_id ="
                         f" (SELECT value_id FROM facet_values WHERE facet = '{facet}' AND value = ?))")
            params.append(value)
    if tag:  # documents that carry the tag, or mention an entity that does
        from docmine.tags import check_tag

        where.append(
            f"{alias}.doc_id IN (SELECT td.doc_id FROM documents td JOIN tags t ON t.kind = 'document'"
            " AND t.target = td.path WHERE t.tag = ? UNION SELECT tm.doc_id FROM tags t JOIN entities te"
            " ON t.kind = 'entity' AND t.target = te.label || char(9) || te.canonical"
            " JOIN mentions tm ON tm.entity_id = te.entity_id WHERE t.tag = ?)")
        params += [check_tag(tag)] * 2
    if lang:
        where.append(f"{alias}.language = ?")
        params.append(lang.lower())
    if date_from:
        where.append(f"{alias}.date >= ?")
        params.append(date_from)
    if date_to:
        where.append(f"{alias}.date <= ?")
        params.append(date_to)
    if topic is not None:
        where.append(f"{alias}.topic = ?")
        params.append(check_int(topic, "topic"))
    if path:  # a substring, not a pattern: % and _ in it are literal
        where.append(f"{alias}.path LIKE ? ESCAPE '\\'")
        params.append("%" + path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    return (" AND " + " AND ".join(where)) if where else "", params


def _reads_documents(date_from=None, date_to=None, topic=None, path=None, lang=None) -> bool:
    """Whether a filter of :func:`_filters` reads a document's row; the tag, drug class and
    country filters need only its id, so a query of mentions needs no join for them."""
    return bool(date_from or date_to or topic is not None or path or lang)


def kwic(text: str, start: int, end: int, width: int = 70, marks: tuple[str, str] = ("[", "]")) -> str:
    """Keyword in context: the mention between ``marks`` ([brackets]) with ``width`` characters either side."""
    left = text[max(0, start - width): start].replace("\n", " ")
    if start <= width and start > 0 and len(left) < start:
        left = text[:start]
    right = text[end: end + width].replace("\n", " ")
    return (f"{'…' if start > width else ''}{left}{marks[0]}{text[start:end]}{marks[1]}{right}"
            f"{'…' if end + width < len(text) else ''}")


def _fuzzy_score(query: str, name: str) -> float:
    """Best similarity of the query to the whole name or to any run of as many words."""
    from rapidfuzz import fuzz

    best = fuzz.ratio(query, name)
    words, n = name.split(), len(query.split())
    if len(words) > n:
        for i in range(len(words) - n + 1):
            best = max(best, fuzz.ratio(query, " ".join(words[i: i + n])) - 2)  # a part ranks below the whole
    return best


def distinct_forms(store: Store) -> str:
    """A subquery of every distinct (entity_id, text) of the mentions. From migration 6 on, a skip
    scan of the (entity, text) index: one seek per entity and per form, not a read of every
    mention (5 million mentions: 1 ms instead of 0.7 s)."""
    if not store.has_indexes("mentions_entity_text"):
        return "(SELECT DISTINCT entity_id, text FROM mentions)"
    return ("(WITH RECURSIVE forms(entity_id, text) AS ("
            "SELECT e.entity_id, (SELECT MIN(f.text) FROM mentions f WHERE f.entity_id = e.entity_id) FROM entities e"
            " UNION ALL SELECT forms.entity_id, (SELECT MIN(f.text) FROM mentions f"
            " WHERE f.entity_id = forms.entity_id AND f.text > forms.text) FROM forms WHERE forms.text IS NOT NULL)"
            " SELECT entity_id, text FROM forms WHERE text IS NOT NULL)")


def find_entities(store: Store, query: str, label: str | None = None, fuzzy: bool = False,
                  threshold: int = 80, limit: int = 20) -> pd.DataFrame:
    """Entities whose canonical name or any surface form matches the query (score 100 = exact)."""
    return find_entity_rows(store, query, label, fuzzy, threshold, limit).to_frame()


def find_entity_rows(store: Store, query: str, label: str | None = None, fuzzy: bool = False,
                     threshold: int = 80, limit: int = 20) -> Rows:
    """:func:`find_entities` as :class:`~docmine.rows.Rows`: best score first, then by name."""
    key = alias_key(check_query(query))
    label_sql, params = ("AND e.label = ?", [label.upper()]) if label else ("", [])
    names = store.query(  # distinct forms from the (entity, text) index, then their entities
        f"SELECT e.entity_id, e.label, e.canonical, m.text FROM {distinct_forms(store)} m"
        f" JOIN entities e USING(entity_id) WHERE 1=1 {label_sql} ORDER BY e.entity_id, m.text", tuple(params))
    from docmine.nlp.lexicon import Lexicon

    lex = Lexicon.load()
    via_lexicon = {lab: lex.canonical(lab, query) for lab in NAME_LABELS}
    scores: dict[int, tuple[float, str, str, str]] = {}
    for eid, lab, canonical, text in names:
        s = 0.0
        if alias_key(canonical) == key or alias_key(text) == key or via_lexicon.get(lab) == canonical:
            s = 100.0
        elif fuzzy:
            s = max(_fuzzy_score(key, alias_key(canonical)), _fuzzy_score(key, alias_key(text)))
        if s >= (threshold if fuzzy else 100) and s > scores.get(eid, (0,))[0]:
            scores[eid] = (s, lab, canonical, text)
    rows = sorted(((eid, lab, c, round(s, 1)) for eid, (s, lab, c, _) in scores.items()),
                  key=lambda r: (-r[3], r[2]))
    return Rows(["entity_id", "label", "entity", "score"], rows[:limit])


def mention_snippets(store: Store, entity_id: int, width: int = 70, fsql: str = "", fparams=(),
                     limit: int | None = None, marks: tuple[str, str] = ("[", "]")) -> list[dict]:
    """Every mention of one entity with its document and a KWIC snippet, by date then position.

    Only ``width`` characters either side are read from the store, not whole documents. With a
    ``limit``, an entity of many mentions is read from its first documents by date only (the
    first ``limit`` mentions lie in them), not sorted whole.
    """
    within = ""
    if limit and store.has_indexes("documents_date") and len(store.query(
            "SELECT 1 FROM mentions WHERE entity_id = ? LIMIT ?", (entity_id, SNIPPETS_SORTED))) >= SNIPPETS_SORTED:
        # walked in date order on the date index, so a filter ends the walk at ``limit`` documents
        # instead of sorting every document it keeps (a country or a language on 100,000
        # documents: 0.03 s instead of 0.3 s)
        first = store.query(
            "SELECT d.doc_id FROM documents d INDEXED BY documents_date WHERE EXISTS (SELECT 1 FROM mentions m"
            " WHERE m.entity_id = ?"
            f" AND m.doc_id = d.doc_id){fsql} ORDER BY d.date, d.doc_id LIMIT ?", (entity_id, *fparams, int(limit)))
        within = f" AND m.doc_id IN ({','.join(str(int(r[0])) for r in first) or 'NULL'})"
    rows = store.query(
        "SELECT m.doc_id, d.path, d.title, d.date, m.page, m.start, m.end, max(0, m.start - ?) AS ctx_start,"
        " substr(d.text, max(0, m.start - ?) + 1, m.end - max(0, m.start - ?) + ?) AS ctx"
        f" FROM mentions m JOIN documents d USING(doc_id) WHERE m.entity_id = ?{within}"
        f"{fsql} ORDER BY d.date, m.doc_id, m.start, m.mention_id" + (f" LIMIT {int(limit)}" if limit else ""),
        (width, width, width, width, entity_id, *fparams))
    return [{"doc_id": r["doc_id"], "path": r["path"], "title": r["title"], "date": r["date"], "page": r["page"],
             "start": r["start"], "end": r["end"],
             "snippet": kwic(r["ctx"], r["start"] - r["ctx_start"], r["end"] - r["ctx_start"], width, marks)}
            for r in rows]


def search(store: Store, query: str, label: str | None = None, fuzzy: bool = False, text: bool = False,
           date_from: str | None = None, date_to: str | None = None, topic: int | None = None,
           path: str | None = None, limit: int = 50, width: int = 70, lang: str | None = None,
           tag: str | None = None, marks: tuple[str, str] = ("[", "]"), drug_class: str | None = None,
           country: str | None = None) -> pd.DataFrame:
    """Mentions of matching entities with KWIC snippets, or full-text hits when ``text``
    (``lang``: only documents in that language; ``tag``: only documents that carry the tag or
    mention an entity that does; ``drug_class`` / ``country``: only documents that mention a drug
    of that class / a place in that country)."""
    return search_rows(store, query, label, fuzzy, text, date_from, date_to, topic, path, limit, width, lang,
                       tag, marks, drug_class=drug_class, country=country).to_frame()


def search_rows(store: Store, query: str, label: str | None = None, fuzzy: bool = False, text: bool = False,
                date_from: str | None = None, date_to: str | None = None, topic: int | None = None,
                path: str | None = None, limit: int = 50, width: int = 70, lang: str | None = None,
                tag: str | None = None, marks: tuple[str, str] = ("[", "]"), drug_class: str | None = None,
                country: str | None = None) -> Rows:
    """:func:`search` as :class:`~docmine.rows.Rows` (no pandas: what the CLI prints)."""
    query = check_query(query, text)
    limit = check_int(limit, "limit", 1, MAX_LIMIT)
    if text:
        return full_text_rows(store, query, date_from, date_to, topic, path, limit, lang=lang, tag=tag, marks=marks,
                              drug_class=drug_class, country=country)
    drug_class, country = facet_value(store, "drug_class", drug_class), facet_value(store, "country", country)
    ents = find_entity_rows(store, query, label, fuzzy)
    cols = ["entity", "label", "score", "entity_documents", "doc_id", "path", "title", "date", "page", "start", "end",
            "snippet"]
    if ents.empty:
        return Rows(cols)
    fsql, fparams = _filters(date_from, date_to, topic, path, lang=lang, tag=tag, drug_class=drug_class,
                             country=country)
    out = []
    # counted by SQL (without a filter, from the per-block entity counts of a store from migration 8
    # on, else from the (entity, document) index alone); only the snippets shown are read and cut
    # under a filter: the entity's documents from the index first, then each document's filter
    # once (not once per mention)
    count_sql = "SELECT COUNT(DISTINCT m.doc_id) FROM mentions m WHERE m.entity_id = ?"
    if fsql:
        count_sql = "SELECT COUNT(*) FROM (SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?) x"
        if _reads_documents(date_from, date_to, topic, path, lang):
            count_sql += f" JOIN documents d ON d.doc_id = x.doc_id WHERE 1 = 1{fsql}"
        else:  # tag, drug class, country: the document's id is enough (same parameters, in the same order)
            count_sql += " WHERE 1 = 1" + _filters(tag=tag, drug_class=drug_class, country=country, alias="x")[0]
    counts = None
    if not fsql and store.version() >= 8:
        from docmine.analysis.entities import entity_counts

        counts = entity_counts(store, [e.entity_id for e in ents.itertuples()])  # the found entities only
    for e in ents.itertuples():
        ndocs = counts.get(e.entity_id, (0, 0))[1] if counts is not None \
            else store.query(count_sql, (e.entity_id, *fparams))[0][0]
        for h in mention_snippets(store, e.entity_id, width, fsql, fparams, limit=limit, marks=marks):
            out.append({"entity": e.entity, "label": e.label, "score": e.score, "entity_documents": ndocs, **h})
    return Rows.from_dicts(cols, out)


_FTS_HINT = ('use words, "quoted phrases", AND / OR / NOT, NEAR(a b, 5) or prefix*; '
             'quote terms that contain punctuation, e.g. "P-2-P"')


def full_text(store: Store, query: str, date_from=None, date_to=None, topic=None, path=None,
              limit: int = 50, lang: str | None = None, tag: str | None = None,
              marks: tuple[str, str] = ("[", "]"), drug_class: str | None = None,
              country: str | None = None) -> pd.DataFrame:
    """FTS5 search over titles and text, ranked by BM25, with snippets whose hits are between ``marks``."""
    return full_text_rows(store, query, date_from, date_to, topic, path, limit, lang, tag, marks,
                          drug_class=drug_class, country=country).to_frame()


def full_text_rows(store: Store, query: str, date_from=None, date_to=None, topic=None, path=None,
                   limit: int = 50, lang: str | None = None, tag: str | None = None,
                   marks: tuple[str, str] = ("[", "]"), drug_class: str | None = None,
                   country: str | None = None) -> Rows:
    """:func:`full_text` as :class:`~docmine.rows.Rows`."""
    query = check_query(query, text=True)
    drug_class, country = facet_value(store, "drug_class", drug_class), facet_value(store, "country", country)
    fsql, fparams = _filters(date_from, date_to, topic, path, lang=lang, tag=tag, drug_class=drug_class,
                             country=country)
    # the ranking first, then the rows and snippets of the documents shown only: a snippet reads its
    # document's text, and SQLite computes a sorted query's columns for every match before its LIMIT
    # (a word found in 100,000 documents: 0.5 s of snippets for 50 rows)
    rank_sql = ("SELECT d.doc_id, round(bm25(documents_fts), 3) FROM documents_fts JOIN documents d"
                f" ON d.doc_id = documents_fts.rowid WHERE documents_fts MATCH ?{fsql} ORDER BY bm25(documents_fts)"
                " LIMIT ?") if fsql else ("SELECT rowid, round(bm25(documents_fts), 3) FROM documents_fts"
                                          " WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?")
    if fsql and not _reads_documents(date_from, date_to, topic, path, lang) and sqlite3.sqlite_version_info >= (3, 35):
        # tag, drug class, country: every match scored once, then kept by its id, no document row
        # read (a word in 90,000 of 100,000 documents: 0.18 s instead of 0.4 s)
        xsql = _filters(tag=tag, drug_class=drug_class, country=country, alias="f")[0]
        rank_sql = ("WITH f AS MATERIALIZED (SELECT rowid AS doc_id, bm25(documents_fts) AS score FROM documents_fts"
                    f" WHERE documents_fts MATCH ?) SELECT f.doc_id, round(f.score, 3) FROM f WHERE 1 = 1{xsql}"
                    " ORDER BY f.score LIMIT ?")
    row_sql = ("SELECT d.doc_id, d.path, d.title, d.date, snippet(documents_fts, 1, ?, ?, '…', 16)"
               " FROM documents_fts JOIN documents d ON d.doc_id = documents_fts.rowid"
               " WHERE documents_fts MATCH ? AND documents_fts.rowid = ?")
    columns = ["doc_id", "path", "title", "date", "score", "snippet"]
    try:
        ranked = store.query(rank_sql, (query, *fparams, check_int(limit, "limit", 1, MAX_LIMIT)))
        out = []
        for doc_id, score in ranked:
            for found in store.query(row_sql, (*marks, query, doc_id)):  # none: deleted since it was ranked
                out.append((found[0], found[1], found[2], found[3], score, found[4]))
        return Rows(columns, out)
    except sqlite3.OperationalError as exc:
        msg = str(exc)
        # anything SQLite says about the MATCH is about the query ("unknown special query", "fts5:
        # syntax error near ..."); a locked, unreadable or damaged store is not
        if not re.search(r"locked|busy|disk|malformed|readonly|unable to open|interrupt", msg, re.I):
            raise ValueError(f"invalid full-text query {query!r}: {re.sub(r'^fts5: ', '', msg)}; {_FTS_HINT}") from None
        raise


FACETS = ("label", *DOC_FACETS, "year", "language", "topic", "tag")
"""What search results can be counted and narrowed by (``drug_class`` and ``country``: of the
drugs and places the documents mention, from a store of migration 9 on)."""


def facet_value(store: Store, facet: str, value: str | None) -> str | None:
    """The stored value a ``drug_class`` or ``country`` filter names: as stored, in other case
    ("opioid" for "Opioid"), or, for a country, by any name of the country or of a place in it
    ("Turkey" -> Türkiye, "Rotterdam" -> Netherlands). A value no document has raises
    ValueError with the values there are. A drug class may be given by a drug of the class
    ("cocaine" -> cocaine-type)."""
    if not value:
        return None
    value = str(value).strip()
    if store.version() < 9:
        raise ValueError(f"this store has no {facet.replace('_', ' ')} facet yet (it was written by an older "
                         "docmine). Open it once with a command that writes, e.g. docmine canonicalize")
    # the values some document has (a value whose documents were all deleted stays numbered)
    known = [r[0] for r in store.query("SELECT value FROM facet_values v WHERE facet = ? AND EXISTS"
                                       " (SELECT 1 FROM doc_facets d WHERE d.value_id = v.value_id) ORDER BY value",
                                       (facet,))]
    if value in known:
        return value
    folded = {k.casefold(): k for k in known}
    if value.casefold() in folded:
        return folded[value.casefold()]
    from docmine.nlp.facets import place_country
    from docmine.nlp.lexicon import Lexicon

    lex = Lexicon.load()
    for form in dict.fromkeys((value, value.title())):  # "turkey": the lexicon's names are capitalised
        if facet == "country":
            named = place_country(lex, form)
        else:  # a drug's name for its class ("cocaine" -> cocaine-type)
            info = lex.drug(form)
            named = info.drug_class if info is not None else None
        if named in known:
            return named
    what = "drug class" if facet == "drug_class" else facet
    raise ValueError(f"no document here mentions a {'drug of the class' if facet == 'drug_class' else 'place in'} "
                     f"{value!r}. Give one of the {what} values in this store: "
                     + (", ".join(known[:40]) + (" ..." if len(known) > 40 else "") if known else "(none)"))


def facets(store: Store, doc_ids: Iterable[int], labels: Iterable[str] = ()) -> dict[str, list[tuple[str, int]]]:
    """Counts of the result documents by year, language, topic and tag, and of the matched
    entities by label (``labels``: one per result entity), most frequent first."""
    ids = sorted({int(i) for i in doc_ids})[:MAX_FACET_DOCS]
    return _facet_counts(store, ",".join("?" * len(ids)), ids, labels)


def result_facets(store: Store, query: str, text: bool = False, entities: Iterable[tuple[str, str]] = (),
                  date_from: str | None = None, date_to: str | None = None, topic: int | None = None,
                  lang: str | None = None, tag: str | None = None, drug_class: str | None = None,
                  country: str | None = None) -> dict[str, list[tuple[str, int]]]:
    """The facets of a search's first :data:`MAX_FACET_DOCS` documents: ``facets(store,
    result_doc_ids(..., limit=MAX_FACET_DOCS), labels)`` (one label per entity of ``entities``)
    as one statement, the ids a subquery of it: 20,000 ids neither read into Python nor bound
    back one by one (half the time of a search's facets on 100,000 documents)."""
    entities = list(entities)
    drug_class, country = facet_value(store, "drug_class", drug_class), facet_value(store, "country", country)
    ids_sql, params = _result_ids_sql(store, query, text, entities, date_from, date_to, topic, lang, tag,
                                      MAX_FACET_DOCS, drug_class=drug_class, country=country)
    return _facet_counts(store, ids_sql, params, [label for label, _ in entities])


def _facet_counts(store: Store, ids_sql: str, params: Sequence, labels: Iterable[str]
                  ) -> dict[str, list[tuple[str, int]]]:
    """:func:`facets` of the documents whose ids are ``ids_sql``: a list of ``?`` or a query, with
    its ``params`` (empty: no document)."""
    from collections import Counter

    out: dict[str, list[tuple[str, int]]] = {"label": Counter(labels).most_common()}
    if not ids_sql:
        return out | {k: [] for k in FACETS if k != "label"}
    counts: dict[str, Counter] = {"year": Counter(), "language": Counter(), "topic": Counter()}
    # from the facet index alone where the store has it (migration 7): the rows hold the text
    indexed = " INDEXED BY documents_facets" if store.has_indexes("documents_facets") else ""
    # counted by SQL: a few rows of (year, language, topic), not one per document
    sql = (f"SELECT substr(date, 1, 4), language, topic, COUNT(*) FROM documents{indexed} WHERE doc_id IN ({ids_sql})"
           " GROUP BY 1, 2, 3")
    for year, language, topic, n in store.query(sql, tuple(params)):
        for name, value in (("year", year), ("language", language), ("topic", topic)):
            if value is not None and value != "":
                counts[name][str(value)] += n
    for name, c in counts.items():
        out[name] = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
    entity_facets: dict[str, Counter] = {k: Counter() for k in DOC_FACETS}
    if store.version() >= 9:  # the classes of the drugs and the countries of the places, from doc_facets
        # grouped by the value's number (a sort of integers: half the time of one of names)
        names = {vid: (facet, value) for vid, facet, value in store.query("SELECT value_id, facet, value"
                                                                          " FROM facet_values")}
        for vid, n in store.query("SELECT value_id, COUNT(*) FROM doc_facets INDEXED BY doc_facets_doc"
                                  f" WHERE doc_id IN ({ids_sql}) GROUP BY value_id", tuple(params)):
            facet, value = names.get(vid, ("", ""))
            if facet in entity_facets:
                entity_facets[facet][str(value)] += n
    for name, c in entity_facets.items():
        out[name] = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))
    out["tag"] = []
    # a store where no document is tagged needs no look at the result documents' paths
    if store.version() >= 5 and store.query("SELECT 1 FROM tags WHERE kind = 'document' LIMIT 1"):
        rows = store.query("SELECT t.tag AS v, COUNT(DISTINCT d.doc_id) AS n FROM tags t JOIN documents d"
                           f" ON t.kind = 'document' AND t.target = d.path WHERE d.doc_id IN ({ids_sql})"
                           " GROUP BY t.tag ORDER BY n DESC, v", tuple(params))
        out["tag"] = [(str(r["v"]), int(r["n"])) for r in rows]
    return {k: out[k] for k in FACETS}


def result_doc_ids(store: Store, query: str, text: bool = False, entities: Iterable[tuple[str, str]] = (),
                   date_from: str | None = None, date_to: str | None = None, topic: int | None = None,
                   lang: str | None = None, tag: str | None = None, limit: int | None = None,
                   drug_class: str | None = None, country: str | None = None) -> list[int]:
    """Every document a search matches, not only the rows it shows: those whose text matches the
    full-text ``query`` (``text``), or that mention one of ``entities`` ((label, canonical) pairs,
    as :func:`search` found them), under the same filters; by id. ``limit``: only the first that
    many (what :func:`facets` counts: :data:`MAX_FACET_DOCS`), read from the indexes in id order."""
    drug_class, country = facet_value(store, "drug_class", drug_class), facet_value(store, "country", country)
    sql, params = _result_ids_sql(store, query, text, entities, date_from, date_to, topic, lang, tag, limit,
                                  drug_class=drug_class, country=country)
    return [int(r[0]) for r in store.query(sql, tuple(params))] if sql else []


def _result_ids_sql(store: Store, query: str, text: bool, entities: Iterable[tuple[str, str]],
                    date_from: str | None, date_to: str | None, topic: int | None, lang: str | None,
                    tag: str | None, limit: int | None, drug_class: str | None = None,
                    country: str | None = None) -> tuple[str, list]:
    """The query of :func:`result_doc_ids` and its parameters ("" when no entity is given): one
    statement, the first ``limit`` of each entity's documents united."""
    fsql, fparams = _filters(date_from, date_to, topic, None, lang=lang, tag=tag, drug_class=drug_class,
                             country=country)
    # tag, drug class, country only: filtered on the mention's document id, no document row read
    by_id = bool(fsql) and not _reads_documents(date_from, date_to, topic, None, lang)
    msql = _filters(tag=tag, drug_class=drug_class, country=country, alias="m")[0] if by_id else fsql
    first = f" LIMIT {check_int(limit, 'limit', 1)}" if limit is not None else ""
    if text:
        if not fsql:  # no filter: the full-text index alone, no document row read
            sql = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid"
        else:
            sql = ("SELECT d.doc_id FROM documents_fts JOIN documents d ON d.doc_id = documents_fts.rowid"
                   f" WHERE documents_fts MATCH ?{fsql} ORDER BY documents_fts.rowid")
        return sql + first, [check_query(query, text=True), *fparams]
    parts, params = [], []
    for label, canonical in entities:  # the first ``limit`` of the union lie in the first ``limit`` of each
        if not fsql:  # no filter: the (entity, document) index alone
            parts.append("SELECT DISTINCT m.doc_id FROM mentions m JOIN entities e USING(entity_id)"
                         " WHERE e.label = ? AND e.canonical = ? ORDER BY m.doc_id" + first)
            params += [label, canonical]
        else:
            parts.append("SELECT DISTINCT m.doc_id FROM mentions m JOIN entities e USING(entity_id)"
                         + ("" if by_id else " JOIN documents d USING(doc_id)")
                         + f" WHERE e.label = ? AND e.canonical = ?{msql} ORDER BY m.doc_id" + first)
            params += [label, canonical, *fparams]
    if not parts:
        return "", []
    # each entity's in a subquery (a part of a compound select cannot have its own ORDER BY / LIMIT)
    return " UNION ".join(f"SELECT doc_id FROM ({p})" for p in parts) + " ORDER BY 1" + first, params
