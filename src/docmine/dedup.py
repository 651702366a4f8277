"""Near-duplicate detection with MinHash over word 5-shingles and LSH banding.

A press release republished on several sites (other page chrome, a sentence changed) is
stored, but marked ``near_dup_of`` the first copy so counts can treat the story once.
"""
from __future__ import annotations

import re
import zlib

import numpy as np

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: pairs above ~0.6 Jaccard collide with high probability
THRESHOLD = 0.7
_rng = np.random.default_rng(20261129)
# multiply-shift hashing on 64 bits (odd multipliers): one independent permutation per row
_A = _rng.integers(0, 2**64, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
_B = _rng.integers(0, 2**64, size=NUM_PERM, dtype=np.uint64)


def signature(text: str, k: int = 5) -> list[int]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < k:
        words = words + [""] * (k - len(words))
    shingles = {zlib.crc32(" ".join(words[i: i + k]).encode()) for i in range(len(words) - k + 1)}
    x = np.fromiter(shingles, dtype=np.uint64)
    with np.errstate(over="ignore"):
        hashed = (np.outer(x, _A) + _B) >> np.uint64(32)  # wraps mod 2^64 by design
    return hashed.min(axis=0).astype(np.uint64).tolist()


def similarity(a: list[int], b: list[int]) -> float:
    return float(np.mean(np.array(a, dtype=np.uint64) == np.array(b, dtype=np.uint64)))


class NearDupIndex:
    """In-memory LSH index of the store's signatures, filled at the start of an ingest."""

    def __init__(self):
        self.buckets: dict[tuple, list[int]] = {}
        self.sigs: dict[int, list[int]] = {}

    def _bands(self, sig):
        r = NUM_PERM // BANDS
        return [(b, tuple(sig[b * r: (b + 1) * r])) for b in range(BANDS)]

    def add(self, doc_id: int, sig: list[int]) -> None:
        self.sigs[doc_id] = sig
        for key in self._bands(sig):
            self.buckets.setdefault(key, []).append(doc_id)

    def find(self, sig: list[int]) -> int | None:
        """The earliest stored document this signature nearly duplicates, if any."""
        cands = {d for key in self._bands(sig) for d in self.buckets.get(key, [])}
        best = [d for d in sorted(cands) if similarity(sig, self.sigs[d]) >= THRESHOLD]
        return best[0] if best else None
