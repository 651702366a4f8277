"""Build the newswire gold from annotator markup; no source text is stored.

Two collections, each a CSV of the shared ``topics-dev`` folder:

* ``agnews`` -> ``news.jsonl``: 210 AG News titles and descriptions (``agnews.csv``), drawn with a
  fixed seed in two batches: 60 World and 30 Business items, then 80 World, 20 Business and 20
  Sci/Tech items.
* ``reuters`` -> ``reuters.jsonl``: 90 whole Reuters-21578 articles (``r8.csv``; an all-caps
  title, then a hard-wrapped body) of 400 to 1,600 characters: 20 trade, 20 crude, 15 ship,
  10 grain, 10 money-fx, 15 acq, drawn with a fixed seed.

Each record names its CSV row, the row text's sha256 and the entity offsets; ``docmine
evaluate`` reads the text from the shared folder. Rows whose number is divisible by 3 are
``heldout`` (fixed before any annotation was read), the rest ``dev``.

    python benchmarks/gold/news.py --set reuters dump --out /tmp/ann_reuters   # reuters_a.md ...
    # an annotator marks entities as [[surface|LABEL]] (REAL_DEV_GUIDELINES.md, "Newswire")
    python benchmarks/gold/news.py --set reuters build /tmp/ann_reuters/reuters_*.ann.md
    python benchmarks/gold/news.py --set reuters check
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from real_dev import data_root, parse_markup, sha

HERE = Path(__file__).resolve().parent
SEED = 20261203
ITEM = re.compile(r"^### row (\d+)\n", re.M)


def rows(source: str) -> tuple[str, ...]:
    from docmine.evaluate import source_rows

    return source_rows(str(data_root() / source))


def labels(source: str) -> list[str]:
    import csv

    with open(data_root() / source, encoding="utf-8", newline="") as fh:
        return [r["label"] for r in csv.DictReader(fh)]


def selection() -> list[int]:
    """The 90 rows, in annotation order (the first 45 in news_a.md, the rest in news_b.md)."""
    lab = labels(AGNEWS)
    rng = random.Random(SEED)
    world = [i for i, x in enumerate(lab) if x == "World"]
    business = [i for i, x in enumerate(lab) if x == "Business"]
    pick = sorted(rng.sample(world, 60) + rng.sample(business, 30))
    rng.shuffle(pick)
    return pick


def selection2() -> list[int]:
    """The second batch: 120 more rows (80 World, 20 Business, 20 Sci/Tech), none of the first
    90, in annotation order (news_c.md, news_d.md, news_e.md: 40 each)."""
    lab, first = labels(AGNEWS), set(selection())
    rng = random.Random(SEED + 1)
    pick: list[int] = []
    for label, n in (("World", 80), ("Business", 20), ("Sci_Tech", 20)):
        pool = [i for i, x in enumerate(lab) if x == label and i not in first]
        pick += rng.sample(pool, n)
    pick.sort()
    rng.shuffle(pick)
    return pick


def reuters_selection() -> list[int]:
    """90 whole Reuters articles of 400 to 1,600 characters, in annotation order (30 per file)."""
    lab, text = labels(REUTERS), rows(REUTERS)
    rng = random.Random(SEED + 2)
    pick: list[int] = []
    for label, n in (("trade", 20), ("crude", 20), ("ship", 15), ("grain", 10), ("money-fx", 10), ("acq", 15)):
        pool = [i for i, x in enumerate(lab) if x == label and 400 <= len(text[i]) <= 1600]
        pick += rng.sample(pool, n)
    pick.sort()
    rng.shuffle(pick)
    return pick


def agnews_parts() -> list[tuple[str, list[int]]]:
    pick, second = selection(), selection2()
    return [("news_a", pick[:45]), ("news_b", pick[45:]), ("news_c", second[:40]),
            ("news_d", second[40:80]), ("news_e", second[80:])]


def reuters_parts() -> list[tuple[str, list[int]]]:
    pick = reuters_selection()
    return [("reuters_a", pick[:30]), ("reuters_b", pick[30:60]), ("reuters_c", pick[60:])]


@dataclass(frozen=True)
class Collection:
    """One annotated CSV collection: where its rows come from and where its gold goes."""

    source: str
    gold: Path
    prefix: str  # record ids: f"{prefix}:{row}"
    parts: Callable[[], list[tuple[str, list[int]]]]


AGNEWS = "topics-dev/agnews.csv"
REUTERS = "topics-dev/r8.csv"
COLLECTIONS = {
    "agnews": Collection(AGNEWS, HERE / "news.jsonl", "agnews", agnews_parts),
    "reuters": Collection(REUTERS, HERE / "reuters.jsonl", "reuters", reuters_parts),
}


def split_of(row: int) -> str:
    return "heldout" if row % 3 == 0 else "dev"


def dump(c: Collection, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    text = rows(c.source)
    for name, part in c.parts():
        target = out / f"{name}.md"
        target.write_text("".join(f"### row {i}\n{text[i].rstrip()}\n\n" for i in part), encoding="utf-8")
        print(f"{target}: {len(part)} items")


def build(c: Collection, files: list[Path]) -> None:
    text = rows(c.source)
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
            rid = f"{c.prefix}:{row}"
            records[rid] = {"id": rid, "source": c.source, "row": row, "sha256": sha(original),
                            "split": split_of(row), "entities": ents}
    if errors:
        sys.exit(f"{errors} item(s) with errors; nothing written")
    with open(c.gold, "w", encoding="utf-8") as fh:
        for rid in sorted(records, key=lambda r: int(r.split(":")[1])):
            fh.write(json.dumps(records[rid], ensure_ascii=False) + "\n")
    n = sum(len(r["entities"]) for r in records.values())
    print(f"wrote {c.gold}: {len(records)} items, {n} entities")


def check(c: Collection) -> None:
    text, bad = rows(c.source), 0
    for line in c.gold.read_text(encoding="utf-8").splitlines():
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
    ap.add_argument("--set", choices=sorted(COLLECTIONS), default="agnews", help="which collection (default agnews)")
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--out", type=Path, required=True)
    b = sub.add_parser("build")
    b.add_argument("files", nargs="+", type=Path)
    sub.add_parser("check")
    args = ap.parse_args(argv)
    c = COLLECTIONS[args.set]
    if args.cmd == "dump":
        dump(c, args.out)
    elif args.cmd == "build":
        build(c, args.files)
    else:
        check(c)


if __name__ == "__main__":
    main()
