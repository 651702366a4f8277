"""Build seizures_i18n.jsonl from seizures_i18n.txt (LANG<TAB>text with [[surface|LABEL]] marks).

    python benchmarks/gold/seizures_i18n.py            # writes benchmarks/gold/seizures_i18n.jsonl
    docmine evaluate benchmarks/gold/seizures_i18n.jsonl
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[([^|\]]+)\|([A-Z]+)\]\]")


def parse(line: str) -> dict:
    lang, marked = line.split("\t", 1)
    text, ents, pos = [], [], 0
    out_len = 0
    for m in MARK.finditer(marked):
        before = marked[pos: m.start()]
        text.append(before)
        out_len += len(before)
        ents.append({"start": out_len, "end": out_len + len(m.group(1)), "label": m.group(2)})
        text.append(m.group(1))
        out_len += len(m.group(1))
        pos = m.end()
    text.append(marked[pos:])
    return {"lang": lang.strip(), "text": "".join(text).strip(), "entities": ents}


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
