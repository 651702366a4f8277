"""Score the pipeline against gold annotations: per-label P/R/F1 (exact span) and canonical F1.

Gold files: a spaCy ``DocBin`` (``.spacy``) or JSON lines with ``text`` and ``entities``
(``start``, ``end``, ``label``, optional ``canonical``). Gold labels are mapped to docmine's
(GPE/LOC/FAC -> PLACE) and labels the gold does not annotate the docmine way can be ignored.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

GOLD_LABEL_MAP = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "PLACE": "PLACE", "DRUG": "DRUG",
                  "QUANTITY": "QUANTITY", "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG"}
IOB_SUFFIXES = (".iob2", ".iob", ".bio", ".conll", ".conllu", ".tsv")
"""Token-per-line gold (IOB2, or IOB1): ``ID FORM TAG ...`` (Universal NER) or ``FORM ... TAG``."""


def read_iob(path: Path, documents: bool = True) -> list[dict]:
    """Records of a token-per-line file: text (from ``# text =`` when given, else the tokens
    joined by spaces) and entity character spans from the IOB tags (an ``I-`` after ``O`` or
    another type starts an entity, as in IOB1).

    With ``documents`` (the default) the sentences between two ``# newdoc`` markers are one
    record, as the article they come from: their texts joined by a space, or by a line break
    after a sentence without final punctuation (a headline), the entity offsets moved with
    them; each record's ``sentences`` holds its sentences' (start, end). A file without markers,
    or ``documents=False``, gives one record per sentence."""
    out: list[dict] = []
    tokens: list[tuple[str, str]] = []
    text_line: str | None = None
    doc_of: list[int] = []  # the newdoc index of each sentence record
    newdoc = -1

    def flush() -> None:
        nonlocal tokens, text_line
        if tokens:
            text = text_line if text_line is not None else " ".join(t for t, _ in tokens)
            spans, pos, cur = [], 0, None
            for form, tag in tokens:
                start = text.find(form, pos)
                if start < 0:  # the text line disagrees with the tokens: rebuild from tokens
                    return _fallback()
                end = start + len(form)
                pos = end
                kind, _, label = tag.partition("-")
                if kind in ("B", "I") and label and (kind == "B" or cur is None or cur[2] != label):
                    if cur:
                        spans.append(cur)
                    cur = [start, end, label]
                elif kind == "I" and cur is not None:
                    cur[1] = end
                else:
                    if cur:
                        spans.append(cur)
                    cur = None
            if cur:
                spans.append(cur)
            out.append({"id": str(len(out)), "text": text, "entities": [(s, e, lab, None) for s, e, lab in spans]})
            doc_of.append(newdoc)
        tokens, text_line = [], None

    def _fallback() -> None:
        nonlocal text_line
        text_line = None
        flush()

    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                flush()
                continue
            if line.startswith("#"):
                if line.startswith("# text = "):
                    text_line = line[len("# text = "):]
                elif line.startswith("# newdoc"):
                    flush()
                    newdoc += 1
                continue
            cols = line.split("\t") if "\t" in line else line.split()
            if len(cols) < 2 or "-" in cols[0] and cols[0].replace("-", "").isdigit():
                continue  # a multi-word token range line (CoNLL-U)
            form, tag = (cols[1], cols[2]) if cols[0].isdigit() and len(cols) >= 3 else (cols[0], cols[-1])
            tokens.append((form, tag))
    flush()
    if not documents or newdoc < 0:
        return out
    return _join_documents(out, doc_of)


_FINAL = (".", "!", "?", "…", ":", ";", '"', "'", "”", "’", "»", ")")


def _join_documents(sentences: list[dict], doc_of: list[int]) -> list[dict]:
    """Sentence records -> one record per document (``doc_of``: each sentence's document)."""
    docs: list[dict] = []
    current: dict | None = None
    for rec, di in zip(sentences, doc_of, strict=True):
        if current is None or di != current["_doc"]:
            current = {"id": str(len(docs)), "text": "", "entities": [], "sentences": [], "_doc": di}
            docs.append(current)
        elif current["text"]:
            current["text"] += " " if current["text"].rstrip().endswith(_FINAL) else "\n"
        base = len(current["text"])
        current["text"] += rec["text"]
        current["sentences"].append((base, len(current["text"])))
        current["entities"].extend((s + base, e + base, lab, c) for s, e, lab, c in rec["entities"])
    for d in docs:
        del d["_doc"]
    return docs


def load_gold(path: str, split: str | None = None, documents: bool = True) -> list[dict]:
    """[{id, text, entities: [(start, end, label, canonical|None)]}]

    JSON-lines records either carry their ``text`` or name where it comes from (``source``,
    a file under the shared data folder; ``paras``, a paragraph range of docmine's extracted
    text, or ``row``, a row of a CSV collection's ``text`` column; and ``sha256``), so that gold
    for documents the project may not copy stores offsets only. ``split`` keeps the records of
    one split (``dev`` / ``heldout``). Token-per-line gold is read by :func:`read_iob`: one
    record per ``# newdoc`` document, or per sentence when the file has no such markers or
    ``documents`` is False.
    """
    p = Path(path)
    if not p.exists():
        raise FileNotFoundError(f"gold file {path} not found")
    out: list[dict] = []
    if p.suffix.lower() in IOB_SUFFIXES:
        return read_iob(p, documents=documents)
    if p.suffix == ".spacy":
        import spacy
        from spacy.tokens import DocBin

        vocab = spacy.blank("en").vocab
        for i, d in enumerate(DocBin().from_disk(p).get_docs(vocab)):
            # a DocBin has no split field: every fifth document (i % 5 == 4) is "heldout", the
            # rest "train" (= "dev"); the seizure role model is trained and tuned on the rest only
            if split and (split == "heldout") != (i % 5 == 4):
                continue
            out.append({"id": str(i), "text": d.text,
                        "entities": [(e.start_char, e.end_char, e.label_, None) for e in d.ents]})
    else:
        with open(p, encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if not line.strip():
                    continue
                rec = json.loads(line)
                if split and rec.get("split", "dev") != split:
                    continue
                text, notes = (rec["text"], []) if "text" in rec else _source_text(p, rec)
                ents = [(e["start"], e["end"], e["label"], e.get("canonical")) for e in rec.get("entities", [])]
                if "row" in rec and "text" not in rec:
                    text, ents = as_ingested(text, ents, rec.get("id", str(i)))
                out.append({"id": rec.get("id", str(i)), "text": text, "entities": ents, "lang": rec.get("lang"),
                            "notes": notes})
    return out


def shared_data_root(gold: Path) -> Path:
    """$DOCMINE_DATA, else the first ``shared/data`` folder above the gold file."""
    import os

    env = os.environ.get("DOCMINE_DATA")
    if env:
        return Path(env)
    for parent in gold.resolve().parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared" / "data"
    raise FileNotFoundError(
        f"{gold} refers to documents in a shared data folder (../shared/data) that is not here; "
        "set DOCMINE_DATA to that folder"
    )


@lru_cache(maxsize=16)
def source_document(path: str):
    """docmine's extraction of one shared document (extracted once: several gold records may
    cite the same long report)."""
    from docmine.extract import extract_file

    return extract_file(path)


@lru_cache(maxsize=4)
def source_paragraphs(path: str) -> tuple[str, ...]:
    """docmine's extracted text of one shared document, split into paragraphs."""
    return tuple(source_document(path).text.split("\n\n"))


@lru_cache(maxsize=4)
def source_rows(path: str) -> tuple[str, ...]:
    """The ``text`` column of a shared CSV collection, row by row (header excluded)."""
    import csv

    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(r["text"] for r in csv.DictReader(fh))


def as_ingested(raw: str, entities: list[tuple], rid: str = "") -> tuple[str, list[tuple]]:
    """``raw`` as docmine's plain-text extraction gives it, with the entities' offsets carried
    over: what a user who ingests it as a ``.txt`` file gets. A CSV row keeps its hard line breaks
    ("ChemLawn\\nCorp"), which ingestion joins (:func:`docmine.extract.text.split_paragraphs`);
    scoring the raw row would score text no user's store holds. The two texts are aligned on
    their non-blank characters, in order (the extraction only drops blanks, control characters
    and the hyphen of a word broken across lines)."""
    from docmine.extract.text import split_paragraphs

    text = "\n\n".join(split_paragraphs(raw))
    where: dict[int, int] = {}  # raw offset -> text offset, for every non-blank character of text
    j = 0
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        while j < len(raw) and raw[j] != ch:
            j += 1
        if j == len(raw):
            raise ValueError(f"gold record {rid}: its text and the extracted text do not align")
        where[j] = i
        j += 1
    out = []
    for s, e, lab, canonical in entities:
        if s not in where or e - 1 not in where:
            raise ValueError(f"gold record {rid}: entity {raw[s:e]!r} at {s}:{e} is not in the extracted text")
        out.append((where[s], where[e - 1] + 1, lab, canonical))
    return text, out


def _source_text(gold: Path, rec: dict) -> tuple[str, list[tuple[int, int]]]:
    """A gold record's text from its shared source, and the spans of the source's footnotes in it
    (which ingestion does not read for entities either)."""
    import hashlib

    src = shared_data_root(gold) / rec["source"]
    if not src.exists():
        raise FileNotFoundError(f"gold record {rec.get('id')}: source document {src} not found")
    if "row" in rec:  # one row of a labelled CSV collection (text,label): the row's text as it is
        rows = source_rows(str(src))
        if not 0 <= rec["row"] < len(rows):
            raise ValueError(f"gold record {rec.get('id')}: {src} has no row {rec['row']} ({len(rows)} rows)")
        text, notes = rows[rec["row"]], []
    else:
        a, b = rec.get("paras", [0, None])
        paras = source_paragraphs(str(src))
        text = "\n\n".join(paras[a:b])
        start = sum(len(x) + 2 for x in paras[:a])
        notes = [(x - start, y - start) for x, y in source_document(str(src)).notes
                 if start <= x and y <= start + len(text)]
    if rec.get("sha256") and hashlib.sha256(text.encode("utf-8")).hexdigest() != rec["sha256"]:
        raise ValueError(f"gold record {rec.get('id')}: the extracted text of {src} changed since the gold "
                         "was built (extraction changed?); rebuild it with benchmarks/gold/real_dev.py")
    return text, notes


def _annotate_by_language(pipelines, records: list[dict], lang: str | None):
    """annotate() per language group, results in the order of ``records``; a language without
    a model keeps only the labels its pipeline can produce."""
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import annotate

    groups: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        groups.setdefault(lang or r.get("lang") or "en", []).append(i)
    out: list = [None] * len(records)
    for key, idxs in groups.items():
        pipe = pipelines.get(key)
        docs = [Document(path=records[i]["id"], sha256="", format="txt", text=records[i]["text"], language=key,
                         notes=records[i].get("notes") or []) for i in idxs]
        for i, (d, ms, ss) in zip(idxs, annotate(pipe.nlp, docs, batch_size=32), strict=True):
            out[i] = (d, pipe.finish(d.text, ms), ss)
    return out


class _SeizureParts:
    """Scores concealment, seizing agency and drug-amount pairs, sentence by sentence."""

    def __init__(self) -> None:
        from docmine.seizures.build import _roles
        from docmine.seizures.parse import load_parser

        self.roles = _roles()
        self.parser = load_parser() if self.roles is not None else None

    @staticmethod
    def _pairs(quantities, drugs) -> set:
        from docmine.nlp.quantities import link_drug

        out = set()
        for q in quantities:
            d = link_drug(q.start, q.end, drugs)
            if d is not None:  # a drug as the seizure gold marks it: its whole phrase ("captagon pills")
                out.add((q.start, q.end, *getattr(d, "extent", (d.start, d.end))))
        return out

    def add(self, rec: dict, mentions, sents, counts, examples) -> None:
        from types import SimpleNamespace as NS

        from docmine.seizures.parse import sentence_docs

        text = rec["text"]
        gold = [NS(start=s, end=e, label=lab) for s, e, lab, _ in rec["entities"]]
        g_pairs = self._pairs([x for x in gold if x.label == "QUANTITY"], [x for x in gold if x.label == "DRUG"])
        p_pairs = set()
        for si in {m.sentence for m in mentions}:
            ms = [m for m in mentions if m.sentence == si]
            p_pairs |= self._pairs([m for m in ms if m.label == "QUANTITY"], [m for m in ms if m.label == "DRUG"])
        self._count(counts, "DRUG+QUANTITY", g_pairs, p_pairs, examples, text)
        if self.roles is None:
            return
        from docmine.seizures.roles import find_roles

        spans = sents or [(0, len(text))]
        found = set()
        for doc in sentence_docs(self.parser, text, spans, mentions):
            off = doc.user_data["offset"]
            found |= {(sp.start_char + off, sp.end_char + off, sp.label_) for sp in find_roles(doc, self.roles)}
        for role, gold_label in (("CONCEAL", "CONCEAL"), ("AGENCY", "ORG")):
            g = {(x.start, x.end) for x in gold if x.label == gold_label}
            p = {(s, e) for s, e, lab in found if lab == role}
            self._count(counts, role, g, p, examples, text)

    @staticmethod
    def _count(counts, label: str, g: set, p: set, examples, text: str) -> None:
        counts[label]["tp"] += len(g & p)
        counts[label]["fp"] += len(p - g)
        counts[label]["fn"] += len(g - p)
        counts[label]["overlap_tp"] += sum(1 for x in p if any(y[0] < x[-1] and x[0] < y[-1] for y in g))
        if examples is not None:
            for kind, items in (("FN", g - p), ("FP", p - g)):
                for x in sorted(items):
                    s, e = x[0], x[-1]
                    examples.append((kind, label, text[s:e], text[max(0, s - 40): e + 40]))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def evaluate(gold: str, model: str | None = None, ignore: tuple[str, ...] | None = None,
             errors: int = 0, limit: int | None = None, nlp=None,
             modifiers: bool | None = None, drug_modifiers: bool | None = None,
             split: str | None = None, seizures: bool = True, lang: str | None = None,
             drug_substance: bool | None = None, documents: bool = True,
             place_extent: bool | None = None) -> pd.DataFrame:
    """Per-label precision/recall/F1 (exact span), precision with boundaries forgiven
    (``p_overlap``: a prediction overlapping a gold span of the same label counts as right) and
    canonical-level F1.

    ``ignore`` defaults to ORG and CONCEAL for DocBin gold (the drug-seizure set marks only
    the seizing agency as ORG) and to nothing for JSON-lines gold. ``modifiers`` says whether
    mentions with role "modifier" ("heroin trafficking", "Mexico's ports", "a Belfast man")
    are scored; None scores them except for .spacy drug-seizure gold, which does not annotate
    them. ``drug_modifiers`` is its former name.

    On drug-seizure gold (.spacy) ``seizures`` also scores the seizure records' parts:
    ``CONCEAL`` (concealment spans), ``AGENCY`` (the seizing agency, the gold's ORG) and
    ``DRUG+QUANTITY`` (an amount and the drug it measures, both spans exact). The gold marks
    no pairs: its pairs are its QUANTITY spans linked to its DRUG spans by the rule docmine
    links its own (:func:`docmine.nlp.quantities.link_drug`), so that row measures the spans
    and the linking together, with the gold's spans as the reference.

    ``drug_substance`` scores a DRUG mention as the substance docmine stores, as the project's
    own gold marks it (benchmarks/gold/GUIDELINES.md: "[captagon] pills", "liquid [cocaine]", a
    bracketed acronym a mention of its own; :meth:`DrugRules.substance_parts`); False scores its
    whole phrase instead (``attrs["extent"]``), as the .spacy drug-seizure news annotators kept
    form, packaging and quotes in the span ("ecstasy pills", "crystal methamphetamine",
    "\"joker\""); None (the default) chooses the phrase for that corpus only.

    ``place_extent`` scores a PLACE mention as its whole phrase (``attrs["extent"]``: "Helmand
    province", "the port of Antwerp", "Sudan's Darfur region", as the drug-seizure news
    annotators marked places) instead of the name docmine stores ("Helmand", "Antwerp", "Sudan"
    and "Darfur"); None does so for the .spacy drug-seizure corpus only.

    ``lang`` reads every record with that language's pipeline (:mod:`docmine.nlp.languages`);
    else a JSON-lines record's own ``lang``, else English. Token-per-line gold (IOB2 / CoNLL:
    ``.iob2``, ``.conll``, ...) is read too; its PER / LOC / ORG are PERSON / PLACE / ORG. Its
    sentences are read as the documents its ``# newdoc`` markers delimit, as analysts' documents
    are whole articles (a surname alone names the person named in full before it); with
    ``documents=False``, or in a file without markers, every sentence is a document of its own.
    """
    if modifiers is None:
        modifiers = drug_modifiers
    from docmine.nlp.pipeline import load_nlp, use_fast_ops

    records = load_gold(gold, split=split, documents=documents)[:limit]
    seizure_gold = gold.endswith(".spacy")
    if modifiers is None:
        # The drug-seizure corpus annotates seized substances and the places where things
        # happened, not words that modify another noun ("heroin trafficking", "Mexico's ports");
        # docmine keeps those as role="modifier" mentions.
        modifiers = not seizure_gold
    if ignore is None:
        ignore = ("ORG", "CONCEAL", "PERSON") if gold.endswith(".spacy") else ()
    if drug_substance is None:
        drug_substance = not seizure_gold
    if place_extent is None:
        place_extent = seizure_gold
    langs = {(lang or r.get("lang") or "en") for r in records}
    if nlp is None:
        use_fast_ops()
        nlp = load_nlp(model) if "en" in langs or not langs else None
    from docmine.nlp.languages import Pipelines

    pipelines = Pipelines(nlp)

    def lexicon(rec: dict):
        """The lexicon of the pipeline that reads this record: a gold name is made canonical as
        docmine's own mention of it is ("heroina" is heroin in Croatian, not in English)."""
        reader: Any = pipelines.get(lang or rec.get("lang") or "en").nlp
        return reader.get_pipe("docmine_domain").lex
    def drug_rules(rec: dict):
        reader: Any = pipelines.get(lang or rec.get("lang") or "en").nlp
        return reader.get_pipe("docmine_domain").drugs
    gold_labels = {GOLD_LABEL_MAP.get(lab) for r in records for _, _, lab, _ in r["entities"]
                   if GOLD_LABEL_MAP.get(lab) and lab not in ignore} - set(ignore)
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    canon_gold, canon_pred = defaultdict(set), defaultdict(set)
    examples: list = []
    roles_scorer = _SeizureParts() if seizure_gold and seizures else None
    for rec, (_, mentions, sents) in zip(records, _annotate_by_language(pipelines, records, lang), strict=True):
        if roles_scorer is not None:
            roles_scorer.add(rec, mentions, sents, counts, examples if errors else None)
        g = set()
        for s, e, label, canonical in rec["entities"]:
            lab = GOLD_LABEL_MAP.get(label)
            if lab is None or label in ignore or lab in ignore:
                continue
            g.add((s, e, lab))
            # the gold's name for the entity, as docmine's lexicon names it ("United States Department
            # of Justice" is the lexicon's "U.S. Department of Justice"): entities compared, not spellings
            canon_gold[lab].add((rec["id"], lexicon(rec).canonical(lab, canonical or rec["text"][s:e])))
        labels = gold_labels  # only labels the gold file annotates are scored
        pr = set()
        source = {}
        for m in mentions:
            if m.label in ignore or m.label not in labels:
                continue
            if not modifiers and m.attrs.get("role") == "modifier":
                continue
            parts = [(m.start, m.end)]
            if place_extent and m.label == "PLACE" and m.attrs.get("extent"):
                parts = [tuple(m.attrs["extent"])]  # two places of one possessive: one span, counted once
            if m.label == "DRUG":
                parts = (drug_rules(rec).substance_parts(rec["text"], m.start, m.end) if drug_substance
                         else [m.extent])
            for s, e in parts:
                pr.add((s, e, m.label))
                source[(s, e, m.label)] = m.source + (f":{m.attrs['rule']}" if m.attrs.get("rule") else "")
            if place_extent and m.label == "PLACE" and m.attrs.get("extent"):
                xs, xe = m.attrs["extent"]  # the whole phrase's canonical name, as the gold's is made
                canon_pred["PLACE"].add((rec["id"], lexicon(rec).canonical("PLACE", rec["text"][xs:xe])))
            else:
                canon_pred[m.label].add((rec["id"], m.canonical))
        for lab in {x[2] for x in g | pr}:
            gl = {x for x in g if x[2] == lab}
            pl = {x for x in pr if x[2] == lab}
            counts[lab]["tp"] += len(gl & pl)
            counts[lab]["fp"] += len(pl - gl)
            counts[lab]["fn"] += len(gl - pl)
            # boundaries forgiven: a prediction overlapping a gold span of its label is right
            counts[lab]["overlap_tp"] += sum(1 for ps, pe, _ in pl if any(gs < pe and ps < ge for gs, ge, _ in gl))
        if errors:
            for s, e, lab in sorted(g - pr):
                examples.append(("FN", lab, rec["text"][s:e], rec["text"][max(0, s - 40): e + 40]))
            for s, e, lab in sorted(pr - g):
                examples.append((f"FP[{source.get((s, e, lab), '?')}]", lab, rec["text"][s:e],
                                 rec["text"][max(0, s - 40): e + 40]))
    rows = []
    for lab in sorted(counts):
        c = counts[lab]
        p, r, f = _prf(c["tp"], c["fp"], c["fn"])
        ctp = len(canon_gold[lab] & canon_pred[lab])
        _, _, cf = _prf(ctp, len(canon_pred[lab]) - ctp, len(canon_gold[lab]) - ctp)
        po = c["overlap_tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        rows.append({"label": lab, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                     "p_overlap": round(po, 3), "canonical_f1": round(cf, 3), "gold": c["tp"] + c["fn"],
                     "predicted": c["tp"] + c["fp"], "tp": c["tp"]})
    df = pd.DataFrame(rows)
    df.attrs["errors"] = examples
    df.attrs["documents"] = len(records)
    return df
