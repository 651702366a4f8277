"""Build seizures_i18n.jsonl from seizures_i18n.txt (LANG<TAB>text with [[surface|LABEL]] marks).

    python benchmarks/gold/seizures_i18n.py            # writes benchmarks/gold/seizures_i18n.jsonl
    docmine evaluate benchmarks/gold/seizures_i18n.jsonl
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


def main() -> int:
    lines = [ln for ln in (HERE / "seizures_i18n.txt").read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    with open(HERE / "seizures_i18n.jsonl", "w", encoding="utf-8") as fh:
        for i, ln in enumerate(lines):
            rec = parse(ln)
            rec["id"] = f"{rec['lang']}-{i}"
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(lines)} sentences to {HERE / 'seizures_i18n.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
