"""Build the seizure-sentence gold sets (``seizures_i18n*.jsonl``) from their ``.txt`` sources
(LANG<TAB>text with [[surface|LABEL]] marks).

    python benchmarks/gold/seizures_i18n.py            # writes every benchmarks/gold/seizures_i18n*.jsonl
    docmine evaluate benchmarks/gold/seizures_i18n.jsonl
    docmine evaluate benchmarks/gold/seizures_i18n_heldout.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from real_dev import parse_markup  # noqa: E402


def parse(line: str) -> dict:
    """``lang<TAB>text with [[surface|LABEL]] markup`` -> a record (the real-document gold's parser,
    which also refuses malformed markup and spans with blank edges)."""
    lang, marked = line.split("\t", 1)
    text, ents = parse_markup(marked.strip())
    return {"lang": lang.strip(), "text": text, "entities": ents}


SETS = ("seizures_i18n", "seizures_i18n_dev", "seizures_i18n_heldout")
"""The first set (ours, tuned on), and a second one written independently of docmine's data files:
its ``dev`` half may be looked at, its ``heldout`` half is only scored."""


def main() -> int:
    for name in SETS:
        source = HERE / f"{name}.txt"
        if not source.exists():
            continue
        lines = [ln for ln in source.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
        with open(HERE / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for i, ln in enumerate(lines):
                rec = parse(ln)
                rec["id"] = f"{rec['lang']}-{i}"
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {len(lines)} sentences to {HERE / (name + '.jsonl')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
