"""Build the newswire gold (``news.jsonl``) from annotator markup; no source text is stored.

The items are 210 AG News titles and descriptions from ``../shared/data/topics-dev/agnews.csv``,
drawn with a fixed seed in two batches: 60 World and 30 Business items, then 80 World, 20
Business and 20 Sci/Tech items. Each record names its CSV row,
the row text's sha256 and the entity offsets; ``docmine evaluate`` reads the text from the
shared folder. Rows whose number is divisible by 3 are ``heldout`` (fixed before any annotation
was read), the rest ``dev``.

    python benchmarks/gold/news.py dump --out /tmp/ann_news      # news_a.md ... news_e.md
    # an annotator marks entities as [[surface|LABEL]] (REAL_DEV_GUIDELINES.md, "Newswire")
    python benchmarks/gold/news.py build /tmp/ann_news/news_a.ann.md /tmp/ann_news/news_b.ann.md
    python benchmarks/gold/news.py check
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from real_dev import data_root, parse_markup, sha

HERE = Path(__file__).resolve().parent
GOLD = HERE / "news.jsonl"
SOURCE = "topics-dev/agnews.csv"
SEED = 20261203
ITEM = re.compile(r"^### row (\d+)\n", re.M)


def rows() -> tuple[str, ...]:
    from docmine.evaluate import source_rows

    return source_rows(str(data_root() / SOURCE))


def labels() -> list[str]:
    import csv

    with open(data_root() / SOURCE, encoding="utf-8", newline="") as fh:
        return [r["label"] for r in csv.DictReader(fh)]


def selection() -> list[int]:
    """The 90 rows, in annotation order (the first 45 in news_a.md, the rest in news_b.md)."""
    lab = labels()
    rng = random.Random(SEED)
    world = [i for i, x in enumerate(lab) if x == "World"]
    business = [i for i, x in enumerate(lab) if x == "Business"]
    pick = sorted(rng.sample(world, 60) + rng.sample(business, 30))
    rng.shuffle(pick)
    return pick


def selection2() -> list[int]:
    """The second batch: 120 more rows (80 World, 20 Business, 20 Sci/Tech), none of the first
    90, in annotation order (news_c.md, news_d.md, news_e.md: 40 each)."""
    lab, first = labels(), set(selection())
    rng = random.Random(SEED + 1)
    pick: list[int] = []
    for label, n in (("World", 80), ("Business", 20), ("Sci_Tech", 20)):
        pool = [i for i, x in enumerate(lab) if x == label and i not in first]
        pick += rng.sample(pool, n)
    pick.sort()
    rng.shuffle(pick)
    return pick


def split_of(row: int) -> str:
    return "heldout" if row % 3 == 0 else "dev"


def dump(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    text, pick = rows(), selection()
    second = selection2()
    for name, part in (("news_a", pick[:45]), ("news_b", pick[45:]), ("news_c", second[:40]),
                       ("news_d", second[40:80]), ("news_e", second[80:])):
        target = out / f"{name}.md"
        target.write_text("".join(f"### row {i}\n{text[i].rstrip()}\n\n" for i in part), encoding="utf-8")
        print(f"{target}: {len(part)} items")


def build(files: list[Path]) -> None:
    text = rows()
    records, errors = {}, 0
    for f in files:
        marked = f.read_text(encoding="utf-8")
        heads = list(ITEM.finditer(marked))
        for k, head in enumerate(heads):
            row = int(head.group(1))
            body = marked[head.end(): heads[k + 1].start() if k + 1 < len(heads) else len(marked)]
            try:
                plain, ents = parse_markup(body)
            except ValueError as exc:
                print(f"{f} row {row}: {exc}", file=sys.stderr)
                errors += 1
                continue
            original = text[row]
            if plain.rstrip() != original.rstrip():
                print(f"{f} row {row}: text differs from the CSV row", file=sys.stderr)
                errors += 1
                continue
            rid = f"agnews:{row}"
            records[rid] = {"id": rid, "source": SOURCE, "row": row, "sha256": sha(original),
                            "split": split_of(row), "entities": ents}
    if errors:
        sys.exit(f"{errors} item(s) with errors; nothing written")
    with open(GOLD, "w", encoding="utf-8") as fh:
        for rid in sorted(records, key=lambda r: int(r.split(":")[1])):
            fh.write(json.dumps(records[rid], ensure_ascii=False) + "\n")
    n = sum(len(r["entities"]) for r in records.values())
    print(f"wrote {GOLD}: {len(records)} items, {n} entities")


def check() -> None:
    text, bad = rows(), 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        t = text[rec["row"]]
        if sha(t) != rec["sha256"]:
            print(f"{rec['id']}: row text changed", file=sys.stderr)
            bad += 1
            continue
        bad += sum(t[e["start"]:e["end"]] != e["text"] for e in rec["entities"])
    print("ok" if not bad else f"{bad} problem(s)")
    sys.exit(1 if bad else 0)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--out", type=Path, required=True)
    b = sub.add_parser("build")
    b.add_argument("files", nargs="+", type=Path)
    sub.add_parser("check")
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out)
    elif args.cmd == "build":
        build(args.files)
    else:
        check()


if __name__ == "__main__":
    main()
