"""Read the stored documents for seizure records, once per document and extractor version.

Records are built from what ingest stored (text, mentions, sentences): no NER runs again, only
the parser on the sentences that name a drug. The first ``docmine seizures`` after an ingest
reads the new documents; later calls are queries only.
"""
from __future__ import annotations

import json
import sys

from docmine.nlp.mention import Mention
from docmine.store import Store

ENGLISH = (None, "", "en")


def extractor_version() -> str:
    """The extractor's version and a digest of its data files (vocabulary, role model, its tagger
    and its word lists): an edit to any of them re-reads the documents."""
    import hashlib

    from docmine.nlp.lexicon import models_dir
    from docmine.seizures.records import EXTRACTOR_VERSION

    digest = hashlib.sha1()
    for name in ("seizures.toml", "seizure_roles.toml", "seizure_roles.json", "seizure_role_tagger.json"):
        path = models_dir() / name
        digest.update(path.read_bytes() if path.exists() else b"-")
    return f"{EXTRACTOR_VERSION}:{digest.hexdigest()[:12]}"


def _roles():
    try:
        from docmine.seizures.roles import load_roles
    except ImportError:  # the role model is optional while it is being trained
        return None
    try:
        return load_roles()
    except FileNotFoundError:
        return None


def stored_mentions(store: Store, doc_id: int) -> list[Mention]:
    rows = store.query(
        "SELECT m.start, m.end, m.label, m.text, e.canonical, m.resolved, m.sentence, m.paragraph, m.page,"
        " m.source, m.attrs FROM mentions m JOIN entities e USING(entity_id) WHERE m.doc_id=? ORDER BY m.start",
        (doc_id,))
    return [Mention(r[0], r[1], r[2], r[3], canonical=r[4], resolved=r[5], sentence=r[6] or 0,
                    paragraph=r[7] or 0, page=r[8] or 1, source=r[9] or "model",
                    attrs=json.loads(r[10]) if r[10] else {}) for r in rows]


def update_seizures(store: Store, progress: bool | None = None) -> int:
    """Extract records for every document not yet read at the current version; returns how many
    documents were read. Shows a progress bar on a terminal (``progress`` overrides)."""
    from docmine.nlp.lexicon import Lexicon
    from docmine.seizures.lexical import extract_lexical_records, supported
    from docmine.seizures.parse import load_parser, sentence_docs
    from docmine.seizures.records import candidate_sentences, extract_records, load_vocabulary

    version = extractor_version()
    pending = store.seizure_pending(version)
    if not pending:
        return 0
    parser, lex, roles, vocab = None, Lexicon.load(), _roles(), load_vocabulary()
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=len(pending), desc="reading for seizures", unit="doc", file=sys.stderr)
    for doc_id in pending:
        row = store.query("SELECT text, date, language FROM documents WHERE doc_id=?", (doc_id,))[0]
        records = []
        if row["language"] not in ENGLISH:  # no parser: the language's seizure words (models/seizures.toml)
            if supported(row["language"]):
                sentences = [(r[0], r[1]) for r in store.query(
                    "SELECT start, end FROM sentences WHERE doc_id=? ORDER BY idx", (doc_id,))]
                records = extract_lexical_records(row["text"], row["date"], stored_mentions(store, doc_id),
                                                  sentences, lex, row["language"])
        else:  # the parser and the role model are English
            mentions = stored_mentions(store, doc_id)
            sentences = [(r[0], r[1]) for r in store.query(
                "SELECT start, end FROM sentences WHERE doc_id=? ORDER BY idx", (doc_id,))]
            cands = candidate_sentences(mentions, sentences)
            if cands:
                parser = parser or load_parser()
                docs = sentence_docs(parser, row["text"], [sentences[i] for i in cands], mentions)
                parsed = dict(zip(cands, docs, strict=True))
                records = extract_records(row["text"], row["date"], mentions, sentences, parsed, lex, roles=roles,
                                          vocab=vocab)
        store.write_seizures(doc_id, [r.as_dict() for r in records], version)
        if bar is not None:
            bar.update(1)
    if bar is not None:
        bar.close()
    return len(pending)
