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

When docmine's extraction of a source changes (paragraphs cut differently), carry the gold over
instead of annotating again: snapshot the paragraphs with the old code, then rebase with the new:

    python benchmarks/gold/real_dev.py snapshot /tmp/old.json           # at the old commit
    python benchmarks/gold/real_dev.py rebase /tmp/old.json             # with the new extraction

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


def snapshot(out: Path) -> None:
    """Write the extracted paragraphs of every gold source to ``out`` (JSON), for :func:`rebase`."""
    sources = sorted({json.loads(x)["source"] for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()})
    out.write_text(json.dumps({s: list(paragraphs(s)) for s in sources}, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out} ({len(sources)} sources)")


def _char_map(old: str, new: str) -> list[int]:
    """For each character of ``old``, its offset in ``new``, or -1 (whitespace, or a word the new
    text does not have in the same place). Words are aligned as sequences, so paragraphs that the
    new extraction moved (a paragraph carried over a page end, joined again before the page's
    footnotes) are found where they went."""
    from difflib import SequenceMatcher

    ow = [(m.group(), m.start()) for m in re.finditer(r"\S+", old)]
    nw = [(m.group(), m.start()) for m in re.finditer(r"\S+", new)]
    out = [-1] * len(old)
    old_left, new_left = list(range(len(ow))), list(range(len(nw)))
    for _ in range(2):  # the second pass aligns what moved past text that the first aligned
        matcher = SequenceMatcher(None, [ow[i][0] for i in old_left], [nw[j][0] for j in new_left], autojunk=False)
        used_old, used_new = set(), set()
        for i, j, n in matcher.get_matching_blocks():
            for k in range(n):
                (word, a), (_, b) = ow[old_left[i + k]], nw[new_left[j + k]]
                used_old.add(old_left[i + k])
                used_new.add(new_left[j + k])
                for c in range(len(word)):
                    out[a + c] = b + c
        old_left = [i for i in old_left if i not in used_old]
        new_left = [j for j in new_left if j not in used_new]
    return out


def _offsets(paras: list[str]) -> list[int]:
    """Where each paragraph starts in the paragraphs joined by blank lines (one more: the end)."""
    out = [0]
    for p in paras:
        out.append(out[-1] + len(p) + 2)
    return out


def rebase(snapshot_file: Path) -> None:
    """Carry every gold passage whose source's paragraphs changed over to the current extraction.

    Entity offsets are mapped word by word (:func:`_char_map`). A passage's range becomes the whole
    new paragraphs its old text falls in. A paragraph that now straddles two neighbouring passages
    goes to the first, with the entities of both parts; one that runs into text no passage
    annotated is left out, with its entities."""
    old_paras = json.loads(snapshot_file.read_text(encoding="utf-8"))
    records = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    moved = 0
    for source in sorted({r["source"] for r in records}):
        old, new = old_paras[source], list(paragraphs(source))
        if old == new:
            continue
        new_text = "\n\n".join(new)
        cmap = _char_map("\n\n".join(old), new_text)
        old_start, new_start = _offsets(old), _offsets(new)
        mine = sorted((r for r in records if r["source"] == source), key=lambda r: r["paras"][0])
        starts = {r["paras"][0] for r in mine}
        ents = []  # every entity of the source, in new-text offsets
        for r in mine:
            base = old_start[r["paras"][0]]
            for e in r["entities"]:
                a, b = cmap[base + e["start"]], cmap[base + e["end"] - 1] + 1
                if a < 0 or b <= a or b - a > 2 * (e["end"] - e["start"]):
                    print(f"{r['id']}: entity {e['text']!r} not found in the new text; left out", file=sys.stderr)
                    continue
                ents.append((a, b, e))
        for r in mine:
            a, b = r["paras"]
            mapped = [cmap[k] for k in range(old_start[a], old_start[b] - 2) if cmap[k] >= 0]
            first, last = min(mapped), max(mapped)
            na = max(k for k in range(len(new)) if new_start[k] <= first)
            nb = max(k for k in range(len(new)) if new_start[k] <= last) + 1
            if new_start[na] < first:
                na += 1  # the paragraph now begins in text nobody annotated, or the passage before holds it
            if new_start[nb] - 3 > last and b not in starts:
                nb -= 1  # the paragraph now runs on into text nobody annotated
            lo, hi = new_start[na], new_start[nb] - 2
            kept = []
            for ea, eb, e in ents:
                if lo <= ea and eb <= hi:
                    kept.append({**e, "start": ea - lo, "end": eb - lo, "text": new_text[ea:eb]})
                elif ea < hi and eb > lo and (ea < lo or eb > hi):
                    print(f"{r['id']}: entity {e['text']!r} crosses the passage edge; left out", file=sys.stderr)
            r.update({"id": f"{Path(source).stem}:{na}:{nb}", "paras": [na, nb],
                      "sha256": sha("\n\n".join(new[na:nb])), "entities": kept})
            moved += 1
        for x, y in zip(mine, mine[1:], strict=False):
            if x["paras"][1] > y["paras"][0]:
                raise SystemExit(f"{x['id']} and {y['id']} overlap after rebasing")
    with open(GOLD, "w", encoding="utf-8") as fh:
        for r in sorted(records, key=lambda r: r["id"]):
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"rebased {moved} passages; run `check`")


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
    sn = sub.add_parser("snapshot", help="save the extracted paragraphs of every gold source")
    sn.add_argument("out", type=Path)
    rb = sub.add_parser("rebase", help="carry the gold over to the current extraction")
    rb.add_argument("snapshot", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        dump(args.sources, args.out, args.paras)
    elif args.cmd == "build":
        build(args.folder, args.split)
    elif args.cmd == "snapshot":
        snapshot(args.out)
    elif args.cmd == "rebase":
        rebase(args.snapshot)
    else:
        check()


if __name__ == "__main__":
    main()
