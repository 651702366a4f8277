"""Build the real-document development gold from annotator markup (no source text is stored).

The gold file ``real_dev.jsonl`` holds, per passage, where its text comes from (a file under
``../shared/data/``, a paragraph range of docmine's extracted text, the text's sha256) and the
entity offsets. The text itself is never copied into the repository: :func:`passage_text`
re-extracts it from the shared data folder, and ``docmine evaluate`` does the same.

Workflow (markup lives outside the repository, e.g. in /tmp/ann):

    python benchmarks/gold/real_dev.py dump real-dev/txt/X.txt --out /tmp/ann [--paras 0:40]
    # mark entities in /tmp/ann/X.md as [[surface|LABEL]] or [[surface|LABEL|Canonical]]
    python benchmarks/gold/real_dev.py build /tmp/ann --split dev      # or --split heldout
    python benchmarks/gold/real_dev.py check                            # offsets still match

Labels: PERSON, ORG, DRUG, PLACE (see REAL_DEV_GUIDELINES.md).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = Path(os.environ.get("REAL_DEV_GOLD", HERE / "real_dev.jsonl"))  # override to try a build elsewhere
LABELS = {"PERSON", "ORG", "DRUG", "PLACE"}
MARK = re.compile(r"\[\[(?!\[)(.+?)\|(PERSON|ORG|DRUG|PLACE)(?:\|([^\]]+))?\]\]", re.S)
HEADER = re.compile(r"^# source: (\S+) paras (\d+):(\d+)\n")


def data_root() -> Path:
    """The shared data folder, found as ``docmine evaluate`` finds it ($DOCMINE_DATA, else above)."""
    from docmine.evaluate import shared_data_root

    return shared_data_root(HERE / "real_dev.jsonl")


def paragraphs(source: str) -> tuple[str, ...]:
    from docmine.evaluate import source_paragraphs

    return source_paragraphs(str(data_root() / source))


def passage_text(source: str, a: int, b: int) -> str:
    return "\n\n".join(paragraphs(source)[a:b])


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dump(sources: list[str], out: Path, paras: str | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for source in sources:
        n = len(paragraphs(source))
        a, b = (int(x) for x in paras.split(":")) if paras else (0, n)
        b = min(b, n)
        target = out / (Path(source).stem + ".md")
        target.write_text(f"# source: {source} paras {a}:{b}\n" + passage_text(source, a, b), encoding="utf-8")
        print(f"{target}: paragraphs {a}:{b} of {n}")


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Plain text and entities from ``[[surface|LABEL|Canonical]]`` markup."""
    text, ents, pos = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        text.append(before)
        length += len(before)
        surface, label, canonical = m.group(1), m.group(2), m.group(3)
        ent = {"start": length, "end": length + len(surface), "label": label, "text": surface}
        if canonical:
            ent["canonical"] = canonical.strip()
        ents.append(ent)
        text.append(surface)
        length += len(surface)
        pos = m.end()
    text.append(marked[pos:])
    plain = "".join(text)
    if "[[" in plain or "]]" in plain:
        i = plain.find("[[") if "[[" in plain else plain.find("]]")
        raise ValueError(f"malformed markup near: {plain[max(0, i - 40): i + 60]!r}")
    for e in ents:
        s = e["text"]
        if s != s.strip() or not s:
            raise ValueError(f"span with whitespace at its edge: {s!r}")
        if s.startswith("[") or s.endswith("]"):
            raise ValueError(f"span with a bracket at its edge (markup inside a Markdown link?): {s!r}")
    return plain, ents


def build(folder: Path, split: str) -> None:
    records = {}
    if GOLD.exists():
        for line in GOLD.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                records[rec["id"]] = rec
    errors = 0
    for f in sorted(folder.glob("*.md")):
        marked = f.read_text(encoding="utf-8")
        head = HEADER.match(marked)
        if not head:
            print(f"{f}: first line must be '# source: PATH paras A:B'", file=sys.stderr)
            errors += 1
            continue
        source, a, b = head.group(1), int(head.group(2)), int(head.group(3))
        try:
            plain, ents = parse_markup(marked[head.end():])
        except ValueError as exc:
            print(f"{f}: {exc}", file=sys.stderr)
            errors += 1
            continue
        original = passage_text(source, a, b)
        if plain != original:
            i = next((k for k, (x, y) in enumerate(zip(plain, original, strict=False)) if x != y),
                     min(len(plain), len(original)))
            print(f"{f}: text differs from the source at {i}: {plain[max(0, i - 40):i + 40]!r} vs "
                  f"{original[max(0, i - 40):i + 40]!r}", file=sys.stderr)
            errors += 1
            continue
        rid = f"{Path(source).stem}:{a}:{b}"
        records[rid] = {"id": rid, "source": source, "paras": [a, b], "sha256": sha(original), "split": split,
                        "entities": ents}
        print(f"{f}: {len(ents)} entities ({split})")
    if errors:
        sys.exit(f"{errors} file(s) with errors; nothing written")
    with open(GOLD, "w", encoding="utf-8") as fh:
        for rid in sorted(records):
            fh.write(json.dumps(records[rid], ensure_ascii=False) + "\n")
    print(f"wrote {GOLD} ({len(records)} passages)")


def check() -> None:
    bad = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = passage_text(rec["source"], *rec["paras"])
        if sha(text) != rec["sha256"]:
            print(f"{rec['id']}: extracted text changed", file=sys.stderr)
            bad += 1
            continue
        for e in rec["entities"]:
            if text[e["start"]:e["end"]] != e["text"]:
                print(f"{rec['id']}: offset mismatch for {e['text']!r}", file=sys.stderr)
                bad += 1
    print("ok" if not bad else f"{bad} problem(s)")
    sys.exit(1 if bad else 0)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("sources", nargs="+", help="paths relative to the shared data folder, e.g. real-dev/txt/X.txt")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--paras", help="paragraph range A:B of the extracted text")
    b = sub.add_parser("build")
    b.add_argument("folder", type=Path)
    b.add_argument("--split", choices=["train", "dev", "heldout"], required=True)
    sub.add_parser("check")
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        dump(args.sources, args.out, args.paras)
    elif args.cmd == "build":
        build(args.folder, args.split)
    else:
        check()


if __name__ == "__main__":
    main()
