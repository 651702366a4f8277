"""MinHash near-duplicate detection: estimates track true Jaccard; unrelated documents never match."""
import random
import re

from docmine.dedup import NearDupIndex, signature, similarity


def _shingles(text, k=5):
    w = re.findall(r"\w+", text.lower())
    return {" ".join(w[i: i + k]) for i in range(len(w) - k + 1)}


def _text(rng, vocab, n):
    return " ".join(rng.choice(vocab) for _ in range(n))


def test_estimate_tracks_true_jaccard():
    # regression: a linear hash without mixing estimated 0.8 for documents with Jaccard 0.05
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(400)]
    base = _text(rng, vocab, 600)
    for keep in (0.0, 0.3, 0.6, 0.9, 1.0):
        words = base.split()
        other = [w if rng.random() < keep else rng.choice(vocab) for w in words]
        a, b = base, " ".join(other)
        true = len(_shingles(a) & _shingles(b)) / len(_shingles(a) | _shingles(b))
        assert abs(similarity(signature(a), signature(b)) - true) < 0.15, (keep, true)


def test_shared_boilerplate_is_not_a_near_duplicate():
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(2000)]
    boiler = ("About UNODC: the United Nations Office on Drugs and Crime is a global leader in the fight against"
              " illicit drugs. ")
    docs = [boiler + _text(rng, vocab, 300) for _ in range(20)]
    idx = NearDupIndex()
    for i, d in enumerate(docs):
        assert idx.find(signature(d)) is None
        idx.add(i, signature(d))
    republished = docs[4].replace("w1 ", "w2 ", 1) + " One sentence was added by the second site."
    assert idx.find(signature(republished)) == 4
