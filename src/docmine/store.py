"""The SQLite store: the schema and every SQL statement. The only module that writes.

One file (default ``docmine.db``, :data:`DEFAULT_DB`), WAL journal so searches can run while ingest writes,
one transaction per batch of documents so a killed ingest never leaves half a document.

Files and failures are keyed by the file's resolved path (absolute, symbolic links resolved):
a result dict's ``real`` when it has one, else its ``path``. ``documents.path`` keeps the
path as given to ingest, for display and export.
"""
from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path

from docmine.discover import storable

_NAME_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))
_SURNAME = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?")  # "Harris", "Sherwood-Randall"


def variant_key(name: str) -> str:
    """What two spellings of one name share: "al-Qaeda", "Al Qaeda" -> "alqaeda"; "AT&T" -> "atandt"."""
    from docmine.nlp.lexicon import alias_key

    return re.sub(r"[\s\-‐.'’]+", "", alias_key(name.replace("&", " and ")))


_INITIAL = re.compile(r"^[A-Z]\.?$")


def _initials(name: str) -> str:
    """A person's middle initials: "Michael D. Eisner" -> "D"; "George H. W. Bush" -> "HW"."""
    words = name.split()
    return "".join(w[0] for w in words[1:-1] if _INITIAL.match(w)) if len(words) >= 3 else ""


def _variant_group(label: str, name: str) -> str:
    """The names that may be one entity: their :func:`variant_key`, without a person's middle initials."""
    if label == "PERSON" and _initials(name):
        words = name.split()
        name = " ".join([words[0], *(w for w in words[1:-1] if not _INITIAL.match(w)), words[-1]])
    return variant_key(name)


# a model mention whose label the collection may outvote: the model's own, trimmed, or read again in a
# headline; not one a rule gave by its context ("the darknet market Hydra")
def _movable(m: str = "") -> str:
    """SQL: the mention (alias ``m``) is the model's own, trimmed or read again in a headline."""
    return (f"({m}source = 'model' AND (COALESCE(json_extract({m}attrs, '$.rule'), '') IN ('', 'model.headline')"
            f" OR json_extract({m}attrs, '$.rule') LIKE '%.clean'))")


def _own_label(m: str = "") -> str:
    """SQL: the label the mention had before a collection vote moved it."""
    return f"COALESCE(json_extract({m}attrs, '$.label_of'), {m}label)"


_DROP_ORPHAN_ENTITIES = "DELETE FROM entities WHERE entity_id NOT IN (SELECT DISTINCT entity_id FROM mentions)"

DEFAULT_DB = "docmine.db"
"""The store's file name when none is given (the CLI's ``--db``, the API's ``db=``)."""
DB_ENV = "DOCMINE_DB"
"""The environment variable that overrides :data:`DEFAULT_DB` on the command line."""


def default_db() -> str:
    """The CLI's store when ``--db`` is not given: ``$DOCMINE_DB``, else ``docmine.db`` in the working directory."""
    return os.environ.get(DB_ENV, DEFAULT_DB)


# -- migrations ------------------------------------------------------------------------------------
# A store's version is ``PRAGMA user_version``: the number of migrations applied to it. Opening a
# store for writing applies the missing ones in order, each in its own transaction, so a store is
# always at some version N and never half-way between two. To change the schema, append a function
# to MIGRATIONS; never edit one that has been released (stores in the field have already run it).
# A migration runs inside the transaction with foreign keys on (PRAGMA foreign_keys cannot change in
# a transaction): one that rebuilds a table should use PRAGMA defer_foreign_keys.
# ``meta.schema_version`` mirrors the version: docmine 0.1 (which kept only that) refuses a newer store,
# and :mod:`docmine.discover` recognises a store by it.

SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    doc_id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    title TEXT, date TEXT, language TEXT,
    pages INTEGER NOT NULL DEFAULT 1,
    page_starts TEXT NOT NULL DEFAULT '[0]',
    size INTEGER, n_chars INTEGER, n_words INTEGER,
    text TEXT NOT NULL,
    meta TEXT,
    near_dup_of INTEGER REFERENCES documents(doc_id),
    topic INTEGER, topic_weight REAL,
    status TEXT NOT NULL DEFAULT 'ok',
    run_id INTEGER, created REAL
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    doc_id INTEGER REFERENCES documents(doc_id) ON DELETE CASCADE,
    sha256 TEXT, size INTEGER, mtime_ns INTEGER,
    status TEXT NOT NULL DEFAULT 'ok',
    run_id INTEGER, seen REAL
);
CREATE INDEX IF NOT EXISTS files_doc ON files(doc_id);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entities (
    entity_id INTEGER PRIMARY KEY,
    label TEXT NOT NULL, canonical TEXT NOT NULL,
    UNIQUE (label, canonical)
);
CREATE TABLE IF NOT EXISTS mentions (
    mention_id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    label TEXT NOT NULL, text TEXT NOT NULL, resolved TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(entity_id),
    sentence INTEGER, paragraph INTEGER, page INTEGER,
    source TEXT, attrs TEXT
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_label ON mentions(label);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY,
    command TEXT, started REAL, finished REAL, status TEXT,
    docmine_version TEXT, info TEXT, counts TEXT
);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT PRIMARY KEY,
    sha256 TEXT, stage TEXT NOT NULL, reason TEXT NOT NULL,
    run_id INTEGER, time REAL
);
CREATE TABLE IF NOT EXISTS doc_minhash (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,
    sig TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS topics (
    topic INTEGER PRIMARY KEY,
    label TEXT, terms TEXT, entities TEXT, size INTEGER, model TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc_id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc_id, old.title, old.text);
END;
"""
"""The tables of docmine 0.1 (``meta.schema_version`` 1), frozen: later changes are migrations."""


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a script, one at a time (a trigger's body is part of its statement);
    ``executescript`` would commit the open transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement.strip()
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:80]!r}")


def _m1_base_schema(conn: sqlite3.Connection) -> None:
    """0 -> 1: the tables of docmine 0.1 (every statement is IF NOT EXISTS, so a half-created store is completed)."""
    for statement in _statements(SCHEMA_V1):
        conn.execute(statement)


def _m2_resolved_paths(conn: sqlite3.Connection) -> None:
    """1 -> 2: files and failures keyed by resolved path (absolute, links resolved), as ingest now
    writes them. Relative paths are resolved from the working directory, as ingest resolves the
    paths it is given. A store written since paths were resolved says so in ``meta``; it is unchanged."""
    _rekey_resolved(conn, os.path.realpath)


def _m3_tables(conn: sqlite3.Connection) -> None:
    """2 -> 3: the tables found in PDFs, DOCX and HTML, cell by cell (``rows``: a JSON list of rows,
    each a list of cell strings), with the span of their text in the document. A document stored
    before has none until its file is ingested again."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS tables ("
        " doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,"
        " idx INTEGER NOT NULL, page INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
        " n_rows INTEGER NOT NULL, n_cols INTEGER NOT NULL, rows TEXT NOT NULL,"
        " PRIMARY KEY (doc_id, idx)) WITHOUT ROWID")


SEIZURE_COLUMNS = (
    "sentence", "sent_start", "sent_end", "date", "date_kind", "drug", "drug_text", "drug_class", "amount", "unit",
    "amount_text", "place", "place_text", "country", "agency", "agency_text", "concealment_text", "transport",
    "origin", "destination", "arrests", "parts",
)
"""The columns of the ``seizures`` table after its id and document, in the order of
:class:`docmine.seizures.records.SeizureRecord`'s fields."""


def _m4_seizures(conn: sqlite3.Connection) -> None:
    """3 -> 4: seizure records (one row per reported seizure; ``parts`` is a JSON list of
    [start, end, role] spans in the document), and which documents have been read for them at
    which extractor version (``seizure_docs``), so records are built once per document and
    rebuilt when the extractor or the canonical names change."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS seizures ("
        " seizure_id INTEGER PRIMARY KEY,"
        " doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,"
        " sentence INTEGER, sent_start INTEGER, sent_end INTEGER, date TEXT, date_kind TEXT,"
        " drug TEXT NOT NULL, drug_text TEXT, drug_class TEXT, amount REAL, unit TEXT, amount_text TEXT,"
        " place TEXT, place_text TEXT, country TEXT, agency TEXT, agency_text TEXT, concealment_text TEXT,"
        " transport TEXT, origin TEXT, destination TEXT, arrests INTEGER, parts TEXT)")
    conn.execute("CREATE INDEX IF NOT EXISTS seizures_doc ON seizures(doc_id)")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS seizure_docs ("
        " doc_id INTEGER PRIMARY KEY REFERENCES documents(doc_id) ON DELETE CASCADE,"
        " version TEXT NOT NULL)")


def _m5_tags(conn: sqlite3.Connection) -> None:
    """4 -> 5: the analyst's tags, stars and notes on documents and entities. A document is known
    by its path and an entity by its label and canonical name, not by row ids, so a tag outlives
    a re-ingest of the document and a re-run of canonicalize that keeps the name. The mentions an
    analyst marked as no entity, kept for an undo. Two indexes for the web app's entity pages
    under load."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS tags ("
        " kind TEXT NOT NULL CHECK (kind IN ('document', 'entity')),"
        " target TEXT NOT NULL, tag TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', created REAL NOT NULL,"
        " PRIMARY KEY (kind, target, tag)) WITHOUT ROWID")
    conn.execute("CREATE INDEX IF NOT EXISTS tags_tag ON tags(tag)")
    # mentions the analyst marked as no entity (docmine entity drop), kept so that taking the mark
    # back (and running canonicalize) restores them without reading the documents again
    conn.execute(
        "CREATE TABLE IF NOT EXISTS dropped_mentions ("
        " mention_id INTEGER PRIMARY KEY,"
        " doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,"
        " start INTEGER NOT NULL, end INTEGER NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL,"
        " resolved TEXT NOT NULL, canonical TEXT NOT NULL, sentence INTEGER, paragraph INTEGER, page INTEGER,"
        " source TEXT, attrs TEXT)")
    # an entity's documents without reading its mentions' rows (entity pages, evidence, search),
    # and the copies of a document without a table scan
    conn.execute("CREATE INDEX IF NOT EXISTS mentions_entity_doc ON mentions(entity_id, doc_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS documents_near_dup ON documents(near_dup_of)")


DOC_BLOCK = 1024
"""Documents per block of :func:`_m6_block_generations` (doc_id // DOC_BLOCK): fixed by that
migration's triggers; a change needs a new migration."""


def _m6_block_generations(conn: sqlite3.Connection) -> None:
    """5 -> 6: a generation counter per block of 1024 documents (by doc_id), bumped by triggers on
    every change to a block's mentions or to a document's near-duplicate mark or language, whoever
    writes it. A reader that keeps results computed per block (the web app's co-mention counts)
    recomputes only the blocks whose generation changed: an ingest appends to the last block, so
    each of its batches costs one block. ``meta.store_id`` tells one store from a new one at the
    same path (generations restart there). Indexes of the mentions' surface forms per entity and of
    the documents by date."""
    conn.execute("CREATE TABLE IF NOT EXISTS doc_block_gen (block INTEGER PRIMARY KEY, gen INTEGER NOT NULL)")
    bump = ("INSERT INTO doc_block_gen(block, gen) VALUES ({0}.doc_id / 1024, 1)"
            " ON CONFLICT(block) DO UPDATE SET gen = gen + 1;")
    for name, event, rows in (("mentions_ai", "INSERT ON mentions", ("new",)),
                              ("mentions_ad", "DELETE ON mentions", ("old",)),
                              ("mentions_au", "UPDATE ON mentions", ("old", "new")),
                              ("documents_block_ad", "DELETE ON documents", ("old",)),
                              ("documents_block_au", "UPDATE OF doc_id, near_dup_of, language ON documents",
                               ("old", "new"))):
        body = " ".join(bump.format(r) for r in rows)
        conn.execute(f"CREATE TRIGGER IF NOT EXISTS {name}_block AFTER {event} BEGIN {body} END")
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('store_id', lower(hex(randomblob(16))))")
    # every entity's surface forms from the index alone (search, evidence, autocomplete, entity pages)
    conn.execute("CREATE INDEX IF NOT EXISTS mentions_entity_text ON mentions(entity_id, text)")
    # documents by date: an entity's first and last date without reading all its documents
    conn.execute("CREATE INDEX IF NOT EXISTS documents_date ON documents(date)")


def _m7_facet_index(conn: sqlite3.Connection) -> None:
    """6 -> 7: an index of each document's year, language and topic, so the web app's search
    facets count thousands of result documents without reading their rows (``topic`` lies after
    the text in a row: reading it means reading the whole text)."""
    conn.execute("CREATE INDEX IF NOT EXISTS documents_facets ON documents(language, topic, date)")


def _m8_entity_counts(conn: sqlite3.Connection) -> None:
    """7 -> 8: mentions and documents per entity per block of 1024 documents, kept with the block's
    generation (migration 6) at the time they were counted. ``docmine entities`` sums them and
    recounts only the blocks written since (5 million mentions: milliseconds instead of reading the
    whole entity index). Written at the end of every run (:meth:`Store.refresh_entity_counts`); a
    reader counts the stale blocks itself, so a missed refresh costs time, never a wrong row."""
    conn.execute("CREATE TABLE IF NOT EXISTS entity_count_blocks (block INTEGER PRIMARY KEY, gen INTEGER NOT NULL)")
    conn.execute("CREATE TABLE IF NOT EXISTS entity_counts (block INTEGER NOT NULL, entity_id INTEGER NOT NULL,"
                 " mentions INTEGER NOT NULL, documents INTEGER NOT NULL, PRIMARY KEY (block, entity_id))"
                 " WITHOUT ROWID")


def _m9_doc_facets(conn: sqlite3.Connection) -> None:
    """8 -> 9: each document's search facets that come from its entities: the classes of the
    drugs it mentions and the countries of its places (:mod:`docmine.nlp.facets`). Values are
    numbered (``facet_values``) and ``doc_facets`` holds one (value, document) pair each, so
    search counts 20,000 result documents by an integer index instead of reading their mentions
    (100,000 documents: 0.07 s instead of half a second). Filled here from the stored entities
    with docmine's own lexicons; written with each new document from then on."""
    conn.execute("CREATE TABLE IF NOT EXISTS facet_values (value_id INTEGER PRIMARY KEY, facet TEXT NOT NULL,"
                 " value TEXT NOT NULL, UNIQUE (facet, value))")
    conn.execute("CREATE TABLE IF NOT EXISTS doc_facets (value_id INTEGER NOT NULL REFERENCES facet_values(value_id),"
                 " doc_id INTEGER NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,"
                 " PRIMARY KEY (value_id, doc_id)) WITHOUT ROWID")
    conn.execute("CREATE INDEX IF NOT EXISTS doc_facets_doc ON doc_facets(doc_id, value_id)")
    if conn.execute("SELECT 1 FROM entities WHERE label IN ('DRUG', 'PLACE') LIMIT 1").fetchone():
        from docmine.nlp.facets import FacetResolver
        from docmine.nlp.lexicon import Lexicon

        _fill_doc_facets(conn, FacetResolver(Lexicon.load()))


def _facet_value_id(conn: sqlite3.Connection, facet: str, value: str) -> int:
    row = conn.execute("SELECT value_id FROM facet_values WHERE facet = ? AND value = ?", (facet, value)).fetchone()
    if row:
        return int(row[0])
    return int(conn.execute("INSERT INTO facet_values(facet, value) VALUES (?,?)", (facet, value)).lastrowid or 0)


def _fill_doc_facets(conn: sqlite3.Connection, facet_of: Callable[[str, str], tuple[str, str] | None]) -> None:
    """Write every document's facets again from its mentions' entities: ``facet_of(label,
    canonical)`` gives an entity's (facet, value) or None. One pass over the drug and place
    entities, one join in SQL."""
    from docmine.nlp.facets import FACET_OF_LABEL

    labels = tuple(FACET_OF_LABEL)
    conn.execute("DELETE FROM doc_facets")
    conn.execute("DELETE FROM facet_values")
    rows = []
    for entity_id, label, canonical in conn.execute(
            f"SELECT entity_id, label, canonical FROM entities WHERE label IN ({','.join('?' * len(labels))})",
            labels).fetchall():
        found = facet_of(label, canonical)
        if found is not None:
            rows.append((entity_id, _facet_value_id(conn, *found)))
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS entity_facet (entity_id INTEGER PRIMARY KEY, value_id INTEGER)")
    conn.execute("DELETE FROM temp.entity_facet")
    conn.executemany("INSERT INTO temp.entity_facet VALUES (?,?)", rows)
    conn.execute("INSERT OR IGNORE INTO doc_facets(value_id, doc_id) SELECT DISTINCT f.value_id, m.doc_id"
                 " FROM temp.entity_facet f JOIN mentions m ON m.entity_id = f.entity_id")
    conn.execute("DELETE FROM temp.entity_facet")


def _m10_documents_run(conn: sqlite3.Connection) -> None:
    """9 -> 10: documents by the ingest run that recognised them, so an ingest finds the documents
    another docmine version, data files or model recognised (``--reannotate``) from the index,
    without reading the rows (the run id lies after the text)."""
    conn.execute("CREATE INDEX IF NOT EXISTS documents_run ON documents(run_id)")


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _m1_base_schema,
    _m2_resolved_paths,
    _m3_tables,
    _m4_seizures,
    _m5_tags,
    _m6_block_generations,
    _m7_facet_index,
    _m8_entity_counts,
    _m9_doc_facets,
    _m10_documents_run,
]
SCHEMA_VERSION = len(MIGRATIONS)
"""The version this docmine writes: a store is at it once every migration has run."""
READABLE_FROM = 1
"""The oldest version this docmine's queries can read without migrating (a read-only open does not
migrate). Raise it when a migration changes what the queries need."""


def _rekey_resolved(conn: sqlite3.Connection, resolve: Callable[[str], str]) -> int:
    """Re-key files and failures by ``resolve(path)`` unless ``meta`` says they are; a row whose
    resolved path is already present is dropped (with a document no other file holds). Runs in
    the caller's transaction; returns the number of rows re-keyed or dropped."""
    row = conn.execute("SELECT value FROM meta WHERE key='path_identity'").fetchone()
    if row and row[0] == "resolved":
        return 0
    n = 0
    for (path,) in conn.execute("SELECT path FROM files").fetchall():
        real = resolve(path)
        if real == path:
            continue
        n += 1
        if conn.execute("SELECT 1 FROM files WHERE path=?", (real,)).fetchone():
            held = conn.execute("SELECT doc_id FROM files WHERE path=?", (path,)).fetchone()
            conn.execute("DELETE FROM files WHERE path=?", (path,))
            if held[0] is not None:
                _drop_orphan(conn, held[0])
        else:
            conn.execute("UPDATE files SET path=? WHERE path=?", (real, path))
    for (path,) in conn.execute("SELECT path FROM failures").fetchall():
        real = resolve(path)
        if real == path:
            continue
        n += 1
        if conn.execute("SELECT 1 FROM failures WHERE path=?", (real,)).fetchone():
            conn.execute("DELETE FROM failures WHERE path=?", (path,))
        else:
            conn.execute("UPDATE failures SET path=? WHERE path=?", (real, path))
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('path_identity', 'resolved')")
    return n


def _drop_orphan(conn: sqlite3.Connection, doc_id: int) -> None:
    """Delete a document no file points to any more (its file changed or vanished)."""
    n = conn.execute("SELECT COUNT(*) FROM files WHERE doc_id=?", (doc_id,)).fetchone()[0]
    if n == 0:
        conn.execute("UPDATE documents SET near_dup_of=NULL WHERE near_dup_of=?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))


def result_sha(r: dict) -> str | None:
    """The content hash of a worker's result: a stored document's, or a failed file's."""
    return r["document"]["sha256"] if "document" in r else r.get("sha256")


class StoreError(Exception):
    """The store cannot be used; the message says what to do."""


_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def store_error(exc: BaseException, path: str) -> StoreError:
    """A plain-language :class:`StoreError` for an SQLite or OS error met using the store at ``path``."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if isinstance(exc, OSError) and exc.errno in _NO_SPACE or name == "SQLITE_FULL" or name.startswith("SQLITE_IOERR"):
        return StoreError(
            f"cannot write the store {path}: the disk is full or failing ({getattr(exc, 'strerror', None) or exc}). "
            "Free some space on that disk, or give a store on another disk with --db; what was stored so far is "
            "kept, and the next ingest resumes")
    if name.startswith("SQLITE_READONLY"):
        return StoreError(
            f"the store {path} is read-only (a read-only disk, or no write permission): queries can read it, but "
            "it cannot be written. Copy it to a folder you can write to, or give another file with --db")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
        return StoreError(f"{path} is not a docmine store ({exc}). Give another file with --db "
                          "(a new name creates a new store)")
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreError(f"cannot open the store {path} ({exc}). Check that the path names a file in a folder "
                          "you can read, or give another file with --db")
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return StoreError(f"the store {path} is busy: another program holds it ({exc}). Try again when it is done")
    return StoreError(f"cannot use the store {path} ({exc}). Check that --db names a docmine store file "
                      "you can read and write")


class Store:
    """A docmine SQLite store. Open read-only for queries, read-write for ingest."""

    def __init__(self, path: str | os.PathLike = DEFAULT_DB, readonly: bool = False, create: bool = True):
        self.path = str(path)
        self.readonly = readonly
        self._entity_ids: dict[tuple[str, str], int] | None = None  # see write_batch
        self._facet_ids: dict[tuple[str, str], int] | None = None
        if readonly or not create:
            if not Path(self.path).exists():
                raise StoreError(f"no docmine store at {self.path}: run `docmine ingest FOLDER --db {self.path}` first")
        try:
            self.conn = self._open_readonly() if readonly else sqlite3.connect(self.path, timeout=30,
                                                                             check_same_thread=False)
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=30000")
            if not readonly:
                self._refuse_foreign()  # before anything is written to the file
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
            else:
                self._check_readable()
        except sqlite3.Error as exc:
            self.conn.close()
            raise store_error(exc, self.path) from exc
        except BaseException:
            self.conn.close()
            raise

    def _open_readonly(self) -> sqlite3.Connection:
        """A read-only connection. A store on a read-only medium (a DVD, a write-protected share, a
        folder without write permission) cannot get the ``-shm`` file a WAL store is read with:
        it is opened ``immutable`` instead (nothing can change it while we read)."""
        from urllib.parse import quote

        uri = "file:" + quote(os.fsencode(os.path.abspath(self.path)))
        for params in ("mode=ro", "mode=ro&immutable=1"):
            conn = sqlite3.connect(f"{uri}?{params}", uri=True, timeout=30, check_same_thread=False)
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.OperationalError:
                conn.close()
                if params.endswith("immutable=1"):
                    raise
        raise AssertionError("unreachable")

    def _refuse_foreign(self) -> None:
        """Never write docmine's tables into another program's database: a file that has any
        schema object must carry docmine's mark (``meta.schema_version``)."""
        if self.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0:
            return  # a new, empty file
        try:
            marked = self.conn.execute("SELECT 1 FROM meta WHERE key='schema_version'").fetchone() is not None
        except sqlite3.OperationalError:  # no meta table, or one of another shape
            marked = False
        if not marked:
            names = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                                                     " ORDER BY name LIMIT 4")]
            raise StoreError(
                f"{self.path} is an SQLite database of another program (it holds {', '.join(names) or 'objects'}"
                f"{' ...' if len(names) == 4 else ''}), not a docmine store; docmine does not write into it. "
                "Give another file with --db (a new name creates a new store)")

    # -- schema ---------------------------------------------------------------
    def version(self) -> int:
        """The store's version: the number of :data:`MIGRATIONS` applied to it (0: a new, empty file)."""
        c = self.conn
        version = c.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" not in tables:
            if version == 0 and not tables:
                return 0
            raise StoreError(f"{self.path} is an SQLite file but not a docmine store. "
                             "Give another file with --db (a new name creates a new store)")
        if version == 0:  # written before the version was kept in user_version: docmine 0.1 kept it in meta
            row = c.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row and str(row[0]).isdigit() else 0
        return version

    def _refuse_newer(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            from docmine.version import __version__

            raise StoreError(
                f"{self.path} was written by a newer docmine (store version {version}; docmine {__version__} "
                f"reads versions up to {SCHEMA_VERSION}). Upgrade docmine to open it: pip install --upgrade docmine")

    def _check_readable(self) -> None:
        """A read-only open never migrates: it reads any version from :data:`READABLE_FROM` on."""
        version = self.version()
        self._refuse_newer(version)
        if version == 0:
            raise StoreError(f"{self.path} is not a docmine store (it is empty). "
                             f"Run `docmine ingest FOLDER --db {self.path}` to fill it")
        if version < READABLE_FROM:
            raise StoreError(
                f"{self.path} was written by an older docmine (store version {version}; this one reads "
                f"{READABLE_FROM} to {SCHEMA_VERSION}). "
                f"Run `docmine ingest FOLDER --db {self.path}` once to upgrade it")

    def _migrate(self) -> None:
        """Apply the missing migrations in order, each in its own transaction.

        The version is read again under the write lock, so two processes opening an old store at
        once run each migration once: the second waits, then finds the work done."""
        self._refuse_newer(self.version())
        while self.version() < SCHEMA_VERSION:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                current = self.version()
                if current < SCHEMA_VERSION:
                    MIGRATIONS[current](self.conn)
                    self.conn.execute(f"PRAGMA user_version = {current + 1:d}")
                    self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(current + 1),))
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.conn:
            yield self.conn

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Read in one snapshot: what the block reads comes from one read transaction, so a writer's
        commit in between (another connection) cannot make two of its reads disagree. Begins a
        transaction and rolls it back at the end (nothing is written, nothing is left open to hold
        back the writer's checkpoints); inside a transaction already open on this connection, it
        reads in that one and neither begins nor ends it."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.rollback()

    # -- runs -----------------------------------------------------------------
    def start_run(self, command: str, info: dict) -> int:
        from docmine.version import __version__

        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO runs(command, started, status, docmine_version, info) VALUES (?,?,?,?,?)",
                (command, time.time(), "running", __version__, json.dumps(info)),
            )
        return int(cur.lastrowid or 0)

    def close_stale_runs(self, command: str = "ingest") -> int:
        """Mark runs of ``command`` still 'running' as 'interrupted' (their process was killed).

        Only call while holding the command's lock, when no such run can be alive."""
        with self.conn:
            return self.conn.execute(
                "UPDATE runs SET status='interrupted', finished=COALESCE(finished, started) "
                "WHERE command=? AND status='running'", (command,)).rowcount

    def finish_run(self, run_id: int, counts: dict, status: str = "ok") -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE runs SET finished=?, status=?, counts=? WHERE run_id=?",
                (time.time(), status, json.dumps(counts), run_id),
            )
        self.refresh_entity_counts()

    def refresh_entity_counts(self) -> int:
        """Recount the per-block entity counts (migration 8) of the blocks written since they were
        counted; returns the blocks recounted."""
        from docmine.analysis.entities import count_block, stale_blocks

        if self.readonly or self.version() < 8:
            return 0
        with self.conn:  # one transaction: the generations read are those of the counts written
            stale = stale_blocks(self)
            for block, gen in stale.items():
                self.conn.execute("DELETE FROM entity_counts WHERE block = ?", (block,))
                self.conn.executemany("INSERT INTO entity_counts VALUES (?,?,?,?)",
                                      [(block, *row) for row in count_block(self, block)])
                self.conn.execute("INSERT OR REPLACE INTO entity_count_blocks VALUES (?,?)", (block, gen))
        return len(stale)

    # -- files & documents ------------------------------------------------------
    def known_files(self) -> dict[str, sqlite3.Row]:
        rows = self.conn.execute("SELECT path, doc_id, sha256, size, mtime_ns, status FROM files")
        return {r["path"]: r for r in rows}

    def doc_by_sha(self, sha256: str) -> int | None:
        row = self.conn.execute("SELECT doc_id FROM documents WHERE sha256=?", (sha256,)).fetchone()
        return row[0] if row else None

    def link_file(self, path: str, doc_id: int, sha256: str, size: int, mtime_ns: int, run_id: int) -> None:
        """Record that a file (new path, duplicate or moved) holds an already stored document."""
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO files(path, doc_id, sha256, size, mtime_ns, status, run_id, seen) "
                "VALUES (?,?,?,?,?,'ok',?,?)",
                (path, doc_id, sha256, size, mtime_ns, run_id, time.time()),
            )
            self.conn.execute("DELETE FROM failures WHERE path=?", (path,))
            self.conn.execute("UPDATE documents SET status='ok' WHERE doc_id=?", (doc_id,))

    def resolve_paths(self, resolve) -> int:
        """Re-key files and failures by ``resolve(path)`` unless ``meta`` marks them resolved (the
        work of migration 2, for a store whose mark is missing); returns the rows changed."""
        with self.conn:
            return _rekey_resolved(self.conn, resolve)

    def write_batch(self, results: list[dict], run_id: int, near_dups=None,
                    replace: Mapping[str, int] | None = None) -> None:
        """Write a batch of processed files in one transaction (all or nothing).

        ``near_dups`` (a :class:`docmine.dedup.NearDupIndex`) marks each new document that
        nearly duplicates one already stored. ``replace`` maps the content hash of a stored
        document read again to its id: that reading replaces the stored one (an error leaves it).
        """
        # entity ids looked up in this transaction, which adds entities and never deletes one: most
        # of a batch's mentions name an entity another mention of the batch names too
        self._entity_ids = {}
        self._facet_ids = {}
        # SQLite keeps each statement's undo journal in memory instead of a spill-able temp file:
        # a fifth less CPU per batch (benchmarks/throughput.py). Only while writing, so that a large
        # query's sort elsewhere still spills to disk.
        self.conn.execute("PRAGMA temp_store=MEMORY")
        try:
            with self.conn:
                for r in results:
                    sha = result_sha(r)
                    if replace and sha is not None and sha in replace:
                        if "error" not in r:
                            self._replace_document(replace[sha], r, run_id)
                        continue
                    if "error" in r:
                        self._record_failure(r, run_id)
                        continue
                    sig = r.get("minhash")
                    if near_dups is not None and sig is not None:
                        r["near_dup_of"] = near_dups.find(sig)
                    doc_id = self._write_document(r, run_id)
                    if near_dups is not None and sig is not None and doc_id is not None:
                        near_dups.add(doc_id, sig)
        finally:
            self._entity_ids = None
            self._facet_ids = None
            with suppress(sqlite3.Error):  # never hide the error that ended the batch
                self.conn.execute("PRAGMA temp_store=DEFAULT")

    def minhashes(self) -> Iterator[tuple[int, list[int]]]:
        for doc_id, sig in self.conn.execute("SELECT doc_id, sig FROM doc_minhash ORDER BY doc_id"):
            yield doc_id, json.loads(sig)

    def _record_failure(self, r: dict, run_id: int) -> None:
        key = storable(r.get("real") or r["path"])
        self.conn.execute(
            "INSERT OR REPLACE INTO failures(path, sha256, stage, reason, run_id, time) VALUES (?,?,?,?,?,?)",
            (key, r.get("sha256"), r.get("stage", "extract"), r["error"], run_id, time.time()),
        )
        # a file that failed no longer holds its previous content: drop the document it held
        # unless another file still holds it
        row = self.conn.execute("SELECT doc_id FROM files WHERE path=?", (key,)).fetchone()
        self.conn.execute("DELETE FROM files WHERE path=?", (key,))
        if row is not None and row[0] is not None:
            self._drop_orphan(row[0])

    def _entity_id(self, label: str, canonical: str) -> int:
        ids = self._entity_ids  # a dict while write_batch runs
        if ids is not None and (label, canonical) in ids:
            return ids[(label, canonical)]
        row = self.conn.execute("SELECT entity_id FROM entities WHERE label=? AND canonical=?",
                                (label, canonical)).fetchone()
        if row:
            eid = row[0]
        else:
            cur = self.conn.execute("INSERT INTO entities(label, canonical) VALUES (?,?)", (label, canonical))
            eid = int(cur.lastrowid or 0)
        if ids is not None:
            ids[(label, canonical)] = eid
        return eid

    def _facet_value_id(self, facet: str, value: str) -> int:
        ids = self._facet_ids  # a dict while write_batch runs, like the entity ids
        if ids is None:
            return _facet_value_id(self.conn, facet, value)
        if (facet, value) not in ids:
            ids[(facet, value)] = _facet_value_id(self.conn, facet, value)
        return ids[(facet, value)]

    def _write_document(self, r: dict, run_id: int) -> int | None:
        """Store one processed file; returns the id of a newly stored document (None: already stored)."""
        d = r["document"]
        d["path"] = storable(d["path"])
        key = storable(r.get("real") or d["path"])  # the file's identity; d["path"] (as given) is for display
        c = self.conn
        old = c.execute("SELECT doc_id FROM files WHERE path=?", (key,)).fetchone()
        existing = c.execute("SELECT doc_id FROM documents WHERE sha256=?", (d["sha256"],)).fetchone()
        new = existing is None
        if existing:  # the same content arrived twice in one run
            doc_id = existing[0]
        else:
            doc_id = c.execute(
                "INSERT INTO documents(sha256, path, format, title, date, language, pages, page_starts, size,"
                " n_chars, n_words, text, meta, near_dup_of, run_id, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (d["sha256"], d["path"], d["format"], d["title"], d["date"], d["language"], len(d["page_starts"]),
                 json.dumps(d["page_starts"]), d["size"], len(d["text"]), len(d["text"].split()), d["text"],
                 json.dumps(d.get("meta") or {}), r.get("near_dup_of"), run_id, time.time()),
            ).lastrowid or 0
            self._write_parts(doc_id, r)
        c.execute(
            "INSERT OR REPLACE INTO files(path, doc_id, sha256, size, mtime_ns, status, run_id, seen) "
            "VALUES (?,?,?,?,?,'ok',?,?)",
            (key, doc_id, d["sha256"], d["size"], r.get("mtime_ns"), run_id, time.time()),
        )
        c.execute("DELETE FROM failures WHERE path=?", (key,))
        if old and old[0] != doc_id:
            self._drop_orphan(old[0])
        return doc_id if new else None

    def _write_parts(self, doc_id: int, r: dict) -> None:
        """A document's sentences, mentions, facets, MinHash signature and tables."""
        d = r["document"]
        c = self.conn
        c.executemany(
            "INSERT INTO sentences(doc_id, idx, start, end) VALUES (?,?,?,?)",
            [(doc_id, i, s, e) for i, (s, e) in enumerate(r["sentences"])],
        )
        rows = []
        for m in r["mentions"]:
            eid = self._entity_id(m["label"], m["canonical"])
            rows.append((doc_id, m["start"], m["end"], m["label"], m["text"], m["resolved"], eid,
                         m["sentence"], m["paragraph"], m["page"], m["source"],
                         json.dumps(m["attrs"]) if m.get("attrs") else None))
        c.executemany(
            "INSERT INTO mentions(doc_id, start, end, label, text, resolved, entity_id, sentence, paragraph,"
            " page, source, attrs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        c.executemany("INSERT OR IGNORE INTO doc_facets(value_id, doc_id) VALUES (?,?)",
                      [(self._facet_value_id(facet, value), doc_id) for facet, value in r.get("facets") or ()])
        if r.get("minhash") is not None:
            c.execute("INSERT INTO doc_minhash(doc_id, sig) VALUES (?,?)", (doc_id, json.dumps(r["minhash"])))
        c.executemany(
            "INSERT INTO tables(doc_id, idx, page, start, end, n_rows, n_cols, rows) VALUES (?,?,?,?,?,?,?,?)",
            [(doc_id, i, t["page"], t["start"], t["end"], len(t["rows"]), max(map(len, t["rows"]), default=0),
              json.dumps(t["rows"], ensure_ascii=False)) for i, t in enumerate(d.get("tables") or [])],
        )

    _PARTS = ("sentences", "mentions", "doc_facets", "doc_minhash", "tables", "seizures", "seizure_docs")
    """The tables a document's recognition writes (seizure records are rebuilt from its mentions)."""

    def _replace_document(self, doc_id: int, r: dict, run_id: int) -> None:
        """Store a stored document's new reading (``docmine ingest --reannotate``) in place of its old
        one. The document keeps its id, so its topic, near-duplicate mark and
        files stay; its text, metadata and everything recognised in it are replaced, and its seizure
        records are rebuilt on the next ``docmine seizures``. The mentions an analyst dropped from it
        are kept for an undo unless its text changed (their offsets would point elsewhere)."""
        d = r["document"]
        c = self.conn
        old = c.execute("SELECT title, text FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        if old is None:  # gone since the ingest planned it: stored as a new document
            self._write_document(r, run_id)
            return
        c.execute("INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                  (doc_id, old["title"], old["text"]))
        c.execute(
            "UPDATE documents SET format=?, title=?, date=?, language=?, pages=?, page_starts=?, n_chars=?,"
            " n_words=?, text=?, meta=?, run_id=?, status='ok' WHERE doc_id=?",
            (d["format"], d["title"], d["date"], d["language"], len(d["page_starts"]), json.dumps(d["page_starts"]),
             len(d["text"]), len(d["text"].split()), d["text"], json.dumps(d.get("meta") or {}), run_id, doc_id))
        c.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)", (doc_id, d["title"], d["text"]))
        for table in self._PARTS:
            c.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))
        if old["text"] != d["text"]:
            c.execute("DELETE FROM dropped_mentions WHERE doc_id=?", (doc_id,))
        self._write_parts(doc_id, r)

    def link_variants(self) -> int:
        """Across the collection, an organisation, a person or a place written two ways is one entity: names
        that differ only in case, hyphens, spaces, full stops, apostrophes or "&" for "and"
        ("al-Qaeda", "Al Qaeda", "al Qaeda"; "YUKOS", "Yukos"), and a person's name with and without
        middle initials ("Michael D. Eisner", "Michael Eisner") unless two sets of initials make it
        ambiguous ("George H. W. Bush", "George W. Bush"). The mentions join the form with most
        mentions and keep their own name in ``variant_of``; run after every ingest, the links follow
        the counts and come undone when a name becomes ambiguous. Returns the mentions moved."""
        counts: Counter[tuple[str, str]] = Counter()  # (label, own name) -> mentions
        rows = self.conn.execute(
            "SELECT m.entity_id, e.label, e.canonical, json_extract(m.attrs, '$.variant_of'), COUNT(*)"
            " FROM mentions m JOIN entities e USING(entity_id) WHERE e.label IN ('ORG', 'PERSON', 'PLACE')"
            " GROUP BY m.entity_id, json_extract(m.attrs, '$.variant_of')").fetchall()
        for _, label, name, own, n in rows:
            counts[(label, own or name)] += n
        groups: dict[tuple[str, str], list[str]] = {}
        for label, name in counts:
            groups.setdefault((label, _variant_group(label, name)), []).append(name)
        target: dict[tuple[str, str], str] = {}
        for (label, _), names in groups.items():
            if label == "PERSON" and len({_initials(n) for n in names} - {""}) > 1:
                # two people with these first and last names: only the spellings of each join
                parts: dict[str, list[str]] = {}
                for n in names:
                    parts.setdefault(variant_key(n), []).append(n)
                sets = list(parts.values())
            else:
                sets = [names]
            for names_ in sets:
                # most mentions first; on a tie the form not in capitals ("Yukos" before "YUKOS")
                best = min(names_, key=lambda n: (-counts[(label, n)], n.isupper(), n))
                target.update({(label, n): best for n in names_})
        moved = 0
        with self.conn:
            for eid, label, name, own, _ in rows:
                own = own or name
                goal = target[(label, own)]
                if goal != name:
                    moved += self._move_mentions(
                        " WHERE entity_id=? AND COALESCE(json_extract(attrs, '$.variant_of'), ?) = ?",
                        (eid, name, own), label, goal, "variant_of", own if goal != own else None)
            if moved:
                self.conn.execute(_DROP_ORPHAN_ENTITIES)
        return moved

    def vote_labels(self, known: Callable[[str, str], bool] | None = None) -> int:
        """Across the collection, one label per name: the model's mentions of a name take the label
        the lexicons give it elsewhere in the collection ("Boeing Co." is a company, so the
        model's PLACE "Boeing" of "Boeing-Airbus talks" is too), by two to one. The model's own
        majority decides nothing across documents: a sentence repeated in three releases made "the
        Gendarmerie" a place three times. A model mention keeps a label ``known(label,
        name)`` vouches for (a place the gazetteer knows, a person the lexicon knows), and one a rule
        gave by its context. Moved mentions keep their own label in ``label_of``; run after every
        ingest, the votes follow the counts. Returns the mentions relabelled."""
        groups = self.conn.execute(
            f"SELECT m.entity_id, e.canonical, m.label, {_own_label('m.')}, {_movable('m.')}, m.source = 'lexicon',"
            " COUNT(*)"
            " FROM mentions m JOIN entities e USING(entity_id) WHERE m.label IN ('ORG', 'PERSON', 'PLACE')"
            " GROUP BY 1, 3, 4, 5, 6").fetchall()
        trusted: dict[str, Counter[str]] = {}  # the lexicons' labels (a rule's context-bound label is not one)
        for _, name, _, own, movable, lexicon, n in groups:
            if lexicon and not movable:
                trusted.setdefault(name, Counter())[own] += n
        changes = []
        for eid, name, label, own, movable, _, _ in groups:
            if not movable:
                continue
            goal = own
            votes = trusted.get(name)  # the lexicons' label, by two to one (the model's own majority
            if votes:                  # outvoted it where it was wrong: "the Gendarmerie" PLACE 3, ORG 1)
                top, n = votes.most_common(1)[0]
                if n >= 2 * (sum(votes.values()) - n):
                    goal = top
            if goal != own and known is not None and known(own, name):
                goal = own
            if goal != label:
                changes.append((eid, name, own, goal))
        moved = 0
        with self.conn:
            for eid, name, own, goal in changes:
                moved += self._move_mentions(f" WHERE entity_id=? AND {_own_label()}=? AND {_movable()}",
                                             (eid, own), goal, name, "label_of", own if goal != own else None)
            if moved:
                self.conn.execute(_DROP_ORPHAN_ENTITIES)
        return moved

    def _move_mentions(self, where: str, args: tuple, label: str, name: str, key: str, own: str | None) -> int:
        """Give the mentions ``where`` selects the entity (``label``, ``name``) and the label; keep what
        they had in ``attrs[key]`` (``own``), or drop that key when ``own`` is None (the mention is its
        own again). Their documents are read for seizures again (records name the entities). Returns
        the mentions moved."""
        self.conn.execute("DELETE FROM seizure_docs WHERE doc_id IN (SELECT doc_id FROM mentions" + where + ")",
                          args)
        mark, kept = (f"json_set(COALESCE(attrs, '{{}}'), '$.{key}', ?)", (own,)) if own is not None \
            else (f"json_remove(attrs, '$.{key}')", ())
        return self.conn.execute(f"UPDATE mentions SET label=?, entity_id=?, attrs={mark}" + where,
                                 (label, self._entity_id(label, name), *kept, *args)).rowcount

    def link_collection(self, known: Callable[[str, str], bool] | None = None) -> tuple[int, int, int]:
        """The collection-level steps, in their order: spellings (:meth:`link_variants`), labels
        (:meth:`vote_labels`), surnames (:meth:`link_people`). Returns the mentions each moved."""
        return self.link_variants(), self.vote_labels(known), self.link_people()

    def link_people(self) -> int:
        """Across the collection, a person named by a surname alone is the one person the collection
        names in full with that surname ("Harris" in "the Biden-Harris Administration" is Kamala
        Harris when no other Harris is named in full; the paternal surname of a Spanish name too,
        "Gertz" of "Alejandro Gertz Manero"): the mentions of the surname's entity move to the full
        name's. A link whose surname a later document makes ambiguous (a second full name
        with it) is undone; names the lexicons or the user's aliases map are never touched (their
        canonical is no lone word). Returns the mentions moved."""
        from docmine.nlp.lexicon import given_names

        people = self.conn.execute("SELECT entity_id, canonical FROM entities WHERE label='PERSON'").fetchall()
        # first names: the list's, and the first words of the collection's full names ("Jesus Esquivel")
        given = given_names() | {n.split()[0] for _, n in people if " " in n}
        by_surname: dict[str, set[int]] = {}
        lone: dict[str, int] = {}
        for eid, name in people:
            words = name.replace(",", " ").split()
            while len(words) > 2 and words[-1].rstrip(".") in _NAME_SUFFIXES:
                words.pop()
            if len(words) == 1 and _SURNAME.fullmatch(name):
                lone[name] = eid
            elif len(words) >= 2 and _SURNAME.fullmatch(words[-1]):
                by_surname.setdefault(words[-1], set()).add(eid)
                # a Spanish or Portuguese name's paternal surname: "Cárdenas" of "Osiel Cárdenas Guillén"
                if len(words) >= 3 and _SURNAME.fullmatch(words[-2]) and words[-2] not in given:
                    by_surname.setdefault(words[-2], set()).add(eid)
        moved = 0
        with self.conn:
            for surname, full in by_surname.items():
                if len(full) == 1 and surname in lone:
                    moved += self.conn.execute(
                        "UPDATE mentions SET entity_id=?, attrs=json_set(COALESCE(attrs, '{}'), '$.person_link', 1)"
                        " WHERE entity_id=?", (next(iter(full)), lone[surname])).rowcount
                elif len(full) > 1:  # ambiguous now: links made before go back to the surname's own entity
                    for eid in full:
                        rows = self.conn.execute(
                            "SELECT mention_id FROM mentions WHERE entity_id=? AND resolved=?"
                            " AND json_extract(attrs, '$.person_link') = 1", (eid, surname)).fetchall()
                        if rows:
                            back = self._entity_id("PERSON", surname)
                            self.conn.executemany("UPDATE mentions SET entity_id=? WHERE mention_id=?",
                                                  [(back, r[0]) for r in rows])
                            moved += len(rows)
            if moved:
                self.conn.execute(_DROP_ORPHAN_ENTITIES)
        return moved

    def drop_orphan_entities(self) -> None:
        """Delete the entities no mention names any more (after documents were read again)."""
        with self.conn:
            self.conn.execute(_DROP_ORPHAN_ENTITIES)

    def recognised_by(self) -> dict[int, tuple[str, dict]]:
        """Each ingest run's docmine version and run info (its model and data files' versions)."""
        return {r["run_id"]: (r["docmine_version"] or "", json.loads(r["info"] or "{}") if r["info"] else {})
                for r in self.conn.execute("SELECT run_id, docmine_version, info FROM runs WHERE command='ingest'")}

    def documents_of_runs(self, run_ids: Iterable[int | None]) -> set[int]:
        """The documents written by these runs (None: documents of no known run)."""
        ids = [i for i in run_ids if i is not None]
        out = {r[0] for r in self.conn.execute(
            f"SELECT doc_id FROM documents WHERE run_id IN ({','.join('?' * len(ids))})", ids)} if ids else set()
        if None in run_ids:
            out |= {r[0] for r in self.conn.execute(
                "SELECT doc_id FROM documents WHERE run_id IS NULL"
                " OR run_id NOT IN (SELECT run_id FROM runs WHERE command='ingest')")}
        return out

    def _drop_orphan(self, doc_id: int) -> None:
        _drop_orphan(self.conn, doc_id)

    def mark_missing(self, paths: Iterable[str], run_id: int, delete: bool = True) -> int:
        """Files gone from the folder: drop them (and documents no file holds any more)."""
        n = 0
        with self.conn:
            for p in paths:
                row = self.conn.execute("SELECT doc_id FROM files WHERE path=?", (p,)).fetchone()
                if row is None:
                    continue
                n += 1
                if delete:
                    self.conn.execute("DELETE FROM files WHERE path=?", (p,))
                    self._drop_orphan(row[0])
                else:
                    self.conn.execute("UPDATE files SET status='missing' WHERE path=?", (p,))
            if n and delete:  # entities no mention refers to any more
                self.conn.execute(_DROP_ORPHAN_ENTITIES)
        return n

    def forget_failures(self, paths: Iterable[str]) -> None:
        with self.conn:
            self.conn.executemany("DELETE FROM failures WHERE path=?", [(p,) for p in paths])

    # -- reads ------------------------------------------------------------------
    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def has_indexes(self, *names: str) -> bool:
        """Whether every one of the named indexes exists (the migration that made it has run)."""
        found = {r[0] for r in self.conn.execute(
            f"SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ({','.join('?' * len(names))})", names)}
        return found == set(names)

    def rows(self, sql: str, params: tuple | dict = ()):
        """A query's result as :class:`docmine.rows.Rows` (no pandas)."""
        from docmine.rows import Rows

        cur = self.conn.execute(sql, params)
        return Rows([d[0] for d in cur.description], cur.fetchall())

    def df(self, sql: str, params: tuple | dict = ()):
        import pandas as pd

        return pd.read_sql_query(sql, self.conn, params=params)

    # -- canonical names (re-applied without NER) ---------------------------------
    def recanonicalize(self, canonical_fn, fate_fn=None, facet_of=None) -> int:
        """Re-map every mention's entity from its stored ``resolved`` text and its document's
        language, ``canonical_fn(label, resolved, language)``; returns changes.

        ``fate_fn(label, resolved, text, canonical)``, the user's clean-up, may return "" (the
        mention is no entity: deleted) or another label (the mention takes it). ``facet_of(label,
        canonical)`` (a :class:`docmine.nlp.facets.FacetResolver`): every document's facets are
        written again from the mentions (a store from migration 9 on)."""
        changed = 0
        with self.conn:
            rows = self.conn.execute(
                "SELECT m.mention_id, m.label, m.resolved, m.text, e.canonical, d.language, m.attrs"
                " FROM mentions m JOIN entities e USING(entity_id) JOIN documents d USING(doc_id)"
            ).fetchall()
            for mid, label, resolved, text, current, language, attrs in rows:
                fate = fate_fn(label, resolved, text, current) if fate_fn is not None else None
                if fate == "":
                    self.conn.execute(
                        "INSERT OR REPLACE INTO dropped_mentions SELECT m.mention_id, m.doc_id, m.start, m.end,"
                        " m.label, m.text, m.resolved, e.canonical, m.sentence, m.paragraph, m.page, m.source, m.attrs"
                        " FROM mentions m JOIN entities e USING(entity_id) WHERE m.mention_id=?", (mid,))
                    self.conn.execute("DELETE FROM mentions WHERE mention_id=?", (mid,))
                elif fate and fate != label:
                    self.conn.execute("UPDATE mentions SET label=?, entity_id=? WHERE mention_id=?",
                                      (fate, self._entity_id(fate, canonical_fn(fate, resolved, language)), mid))
                else:
                    new = canonical_fn(label, resolved, language)
                    if new == current or new == resolved and resolved in current.replace(",", " ").split() \
                            and '"person_link"' in (attrs or ""):
                        continue  # a surname linked to the collection's full name (link_people) stays
                    if '"variant_of"' in (attrs or "") and json.loads(attrs).get("variant_of") == new:
                        continue  # one spelling of a name joined to another (link_variants) stays
                    self.conn.execute("UPDATE mentions SET entity_id=? WHERE mention_id=?",
                                      (self._entity_id(label, new), mid))
                changed += 1
            # dropped mentions whose mark was taken back come back
            dropped = self.conn.execute(
                "SELECT dm.mention_id, dm.doc_id, dm.start, dm.end, dm.label, dm.text, dm.resolved, dm.canonical,"
                " dm.sentence, dm.paragraph, dm.page, dm.source, dm.attrs, d.language"
                " FROM dropped_mentions dm JOIN documents d USING(doc_id)").fetchall()
            for (mid, doc_id, start, end, label, text, resolved, current, sentence, paragraph, page, source,
                 attrs, language) in dropped:
                if fate_fn is not None and fate_fn(label, resolved, text, current) == "":
                    continue
                entity = self._entity_id(label, canonical_fn(label, resolved, language))
                self.conn.execute(
                    "INSERT INTO mentions(doc_id, start, end, label, text, resolved, entity_id, sentence, paragraph,"
                    " page, source, attrs) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (doc_id, start, end, label, text, resolved, entity, sentence, paragraph, page, source, attrs))
                self.conn.execute("DELETE FROM dropped_mentions WHERE mention_id=?", (mid,))
                changed += 1
            if facet_of is not None and self.version() >= 9:  # new lexicons may class or place anew too
                _fill_doc_facets(self.conn, facet_of)
            self.conn.execute(_DROP_ORPHAN_ENTITIES)
            if changed:  # seizure records carry canonical names: read the documents again
                self.conn.execute("DELETE FROM seizure_docs")
        return changed

    # -- seizure records -------------------------------------------------------------
    def seizure_pending(self, version: str) -> list[int]:
        """Documents not yet read for seizures by extractor ``version``."""
        return [r[0] for r in self.conn.execute(
            "SELECT d.doc_id FROM documents d LEFT JOIN seizure_docs s USING(doc_id)"
            " WHERE s.version IS NOT ? ORDER BY d.doc_id", (version,))]

    def write_seizures(self, doc_id: int, records: list[dict], version: str) -> None:
        """Replace one document's seizure records (one transaction)."""
        cols = ", ".join(SEIZURE_COLUMNS)
        marks = ", ".join("?" * (len(SEIZURE_COLUMNS) + 1))
        with self.conn:
            self.conn.execute("DELETE FROM seizures WHERE doc_id=?", (doc_id,))
            self.conn.executemany(
                f"INSERT INTO seizures(doc_id, {cols}) VALUES ({marks})",
                [(doc_id, *[json.dumps(r[c]) if c == "parts" else r[c] for c in SEIZURE_COLUMNS]) for r in records])
            self.conn.execute("INSERT OR REPLACE INTO seizure_docs(doc_id, version) VALUES (?,?)", (doc_id, version))

    # -- topics ---------------------------------------------------------------------
    def write_topics(self, assignments: list[tuple[int, int, float]], topics: list[dict], replace: bool) -> None:
        with self.conn:
            if replace:
                self.conn.execute("DELETE FROM topics")
                self.conn.execute("UPDATE documents SET topic=NULL, topic_weight=NULL")
            for t in topics:
                self.conn.execute(
                    "INSERT OR REPLACE INTO topics(topic, label, terms, entities, size, model) VALUES (?,?,?,?,?,?)",
                    (t["topic"], t["label"], json.dumps(t["terms"]), json.dumps(t["entities"]), t["size"],
                     t.get("model")),
                )
            self.conn.executemany("UPDATE documents SET topic=?, topic_weight=? WHERE doc_id=?",
                                  [(t, w, d) for d, t, w in assignments])

    def set_meta(self, key: str, value: str) -> None:
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?,?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None
