"""Does document-level resolution stay linear in a long document?

A court record, a Hansard day or a merged PDF can hold thousands of addresses, members' names and
acronyms. Each document-level rule (``docmine.nlp.doc_resolution``) must look mentions up by
offset, not scan every mention for every hit: one quadratic rule turned 1.7 s into 23.6 s on a
441,000-character record (release 2026.12.29, fixed before it shipped). This times
``resolve_document`` on a synthetic record repeated n times (n doubling) and prints the time per
repetition side by side; linear means a ratio (largest n against smallest, per repetition) near 1.

    python benchmarks/resolution_scale.py              # n = 500, 1000, 2000, 4000
    python benchmarks/resolution_scale.py --sizes 250 500 --reps 3
"""
from __future__ import annotations

import argparse
import statistics
import time

UNIT = ("Brian Mulligan (25) of Church View, Dromiskin, Co Louth, was paid by the Gujarat Anti-Terrorist Squad (ATS). "
        "Ms. KAPTUR. Mr. Speaker, the member for Wigan and Jane Doe, 41, of Essex, spoke to Burnaby RCMP. "
        # names only the document's frames find (release 2026.12.30): person-frame, acronym-initials,
        # given-place, family-name
        "Police detained Chukwuemeka Obi and Tunde Bakare. The Dutch High Tech Crime Unit said HTCU acted. "
        "Paloma Valencia and Baktash Akasha met Ibrahim Akasha. ")
NAMES = (("Brian Mulligan", "PERSON"), ("Co Louth", "PLACE"), ("KAPTUR", "PERSON"), ("Jane Doe", "PERSON"),
         ("Burnaby RCMP", "ORG"), ("Wigan", "PERSON"), ("Dutch High Tech Crime Unit", "ORG"), ("Valencia", "PLACE"),
         ("Baktash Akasha", "PLACE"), ("Ibrahim Akasha", "PERSON"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 4000], help="repetitions of the unit")
    ap.add_argument("--reps", type=int, default=3, help="timings per size (the median is printed)")
    args = ap.parse_args()

    from docmine.nlp.doc_resolution import resolve_document
    from docmine.nlp.mention import Mention
    from docmine.nlp.pipeline import load_nlp

    lex = load_nlp().get_pipe("docmine_domain").lex
    per_unit = {}
    print(f"{'n':>6} {'chars':>10} {'mentions':>9} {'median s':>9} {'ms per n':>9}")
    for n in args.sizes:
        text = UNIT * n
        times = []
        for _ in range(args.reps):
            mentions = []
            for i in range(n):
                for name, label in NAMES:
                    s = i * len(UNIT) + UNIT.index(name)
                    mentions.append(Mention(s, s + len(name), label, name, source="model"))
            t0 = time.perf_counter()
            resolve_document(text, mentions, lex)
            times.append(time.perf_counter() - t0)
        med = statistics.median(times)
        per_unit[n] = med / n
        print(f"{n:>6} {len(text):>10,} {len(mentions):>9,} {med:>9.2f} {1000 * med / n:>9.3f}")
    lo, hi = min(per_unit), max(per_unit)
    print(f"time per repetition, n={hi} against n={lo}: {per_unit[hi] / per_unit[lo]:.2f} (linear: about 1; "
          f"quadratic: {hi / lo:.0f})")


if __name__ == "__main__":
    main()
