"""Collection-level boilerplate: text that recurs across documents without carrying their subject.

Learned from the collection itself (:func:`learn`) and applied to any text (:meth:`Boilerplate.clean`).
It works on text as the store holds it: paragraphs separated by blank lines, the line breaks inside
a paragraph already joined.

- credits: short bracketed phrases ("(AP)", "(Reuters)", "(Sports Network)") found in at least 1%
  of the documents;
- datelines: a lead in capitals that opens one of the first paragraphs ("WASHINGTON (Reuters) - ",
  "LONDON - "), when at least 5% of the documents open so;
- recurring paragraphs: a paragraph whose shape (lower case, numbers as ``0``, addresses dropped)
  occurs in at least 3 documents and 0.5% of them, unless those documents share the rest of
  their words far more than documents do on average (then it carries their subject, as the
  "Re: Clipper chip" line of a thread does): disclaimers, page furniture, repeated signatures.

Quoted replies, reply headers and signature blocks of mail and news posts are left in: they carry
the thread's subject (blanking them cost 0.10 NMI on newsgroup posts, ``benchmarks/topics_dev.py``).

Removed text is blanked with spaces (line breaks kept), so character offsets do not move: an
entity mention whose span is blank after cleaning was boilerplate (the "Reuters" of a credit) and
does not become a topic feature.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

ADDRESS = re.compile(r"<[^<>\s]+@[^<>\s]+>|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+", re.I)
NUMBER = re.compile(r"\d[\d.,:/]*")
NONWORD = re.compile(r"[\W_]+")
BRACKETED = re.compile(r"\(([^()\n]{1,30})\)")
LEAD = re.compile(r"\s*([^\n]{1,60}?)\s+--?\s+(?=\S)")
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
MIN_DOCS = 3
PARAGRAPH_SHARE = 0.005
TOPICAL_RATIO = 2.0  # documents sharing a paragraph overlap this many times more than average: a subject
OVERLAP_DOCS = 20  # documents compared per recurring paragraph
CREDIT_SHARE = 0.01
CREDIT_WORDS = 3
LEAD_SHARE = 0.05
LEAD_WORDS = 6
LEAD_PARAGRAPHS = 3


def shape(s: str) -> str:
    """Lower case, addresses dropped, numbers as 0, punctuation as single spaces."""
    s = s.lower()
    if "@" in s or "www." in s or "://" in s:  # the address pattern is slow; most paragraphs hold none
        s = ADDRESS.sub(" ", s)
    s = NUMBER.sub("0", s)
    return NONWORD.sub(" ", s).strip()


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for m in PARAGRAPH.finditer(text):
        if m.group(0).strip():
            yield m.start(), m.end()


def _dateline(text: str, a: int, b: int) -> int:
    """End of the dateline that opens text[a:b] ("LONDON - ", "NEW YORK (Reuters) - "), else ``a``."""
    m = LEAD.match(text, a, b)
    if not m or len(m.group(1).split()) > LEAD_WORDS:
        return a
    outside = re.sub(r"\([^()]*\)", " ", m.group(1))
    return m.end() if any(c.isalpha() for c in outside) and outside.upper() == outside else a


@dataclass
class Boilerplate:
    """What :func:`learn` found; :meth:`clean` blanks it out of a text (offsets preserved)."""

    paragraphs: frozenset[str] = frozenset()
    credits: frozenset[str] = frozenset()
    datelines: bool = False
    stats: dict = field(default_factory=dict)

    def clean(self, text: str) -> str:
        """``text`` with its boilerplate (module docstring) replaced by spaces."""
        return self._clean(text or "")

    def _clean(self, text: str, shaped: list[tuple[int, int, str]] | None = None) -> str:
        """:meth:`clean`; ``shaped``: the text's paragraphs with their shapes, if already known."""
        if shaped is None:
            shaped = [(a, b, shape(text[a:b]) if self.paragraphs else "") for a, b in _paragraphs(text)]
        cut: list[tuple[int, int]] = []
        for i, (a, b, key) in enumerate(shaped):
            if self.paragraphs and key in self.paragraphs:
                cut.append((a, b))
            elif self.datelines and i < LEAD_PARAGRAPHS:
                cut.append((a, _dateline(text, a, b)))
        if self.credits:
            cut += [m.span() for m in BRACKETED.finditer(text) if shape(m.group(1)) in self.credits]
        if not cut:
            return text
        chars = list(text)
        for a, b in cut:
            chars[a:b] = [c if c == "\n" else " " for c in chars[a:b]]
        return "".join(chars)

    def to_dict(self) -> dict:
        return {"paragraphs": sorted(self.paragraphs), "credits": sorted(self.credits),
                "datelines": self.datelines, "stats": self.stats}

    @classmethod
    def from_dict(cls, d: dict | None) -> Boilerplate:
        d = d or {}
        return cls(paragraphs=frozenset(d.get("paragraphs", [])), credits=frozenset(d.get("credits", [])),
                   datelines=bool(d.get("datelines", False)), stats=dict(d.get("stats", {})))


def learn(texts: Sequence[str]) -> Boilerplate:
    """The boilerplate of a collection: the forms (module docstring) that recur across its documents."""
    return _learn(texts, None)


def learn_and_clean(texts: Sequence[str]) -> tuple[Boilerplate, list[str]]:
    """:func:`learn`, and the texts cleaned by what it found (each paragraph's shape computed once)."""
    shaped: list[list[tuple[int, int, str]]] = []
    bp = _learn(texts, shaped)
    return bp, [bp._clean(t or "", s) for t, s in zip(texts, shaped, strict=True)]


def _learn(texts: Sequence[str], shaped: list[list[tuple[int, int, str]]] | None) -> Boilerplate:
    """:func:`learn`; appends to ``shaped`` (unless None) each text's paragraphs with their shapes."""
    n = len(texts)
    paras: Counter[str] = Counter()
    credits: Counter[str] = Counter()
    dated = 0
    where: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        text = text or ""
        spans = list(_paragraphs(text))
        found = [(a, b, shape(text[a:b])) for a, b in spans]
        if shaped is not None:
            shaped.append(found)
        keys = {k for _, _, k in found if k}
        paras.update(keys)
        for k in keys:
            where.setdefault(k, []).append(i)
        credits.update({k for k in (shape(m.group(1)) for m in BRACKETED.finditer(text))
                        if k and len(k.split()) <= CREDIT_WORDS})
        dated += any(_dateline(text, a, b) > a for a, b in spans[:LEAD_PARAGRAPHS])

    def common(counter: Counter[str], share: float) -> frozenset[str]:
        return frozenset(k for k, c in counter.items() if c >= max(MIN_DOCS, share * n))

    recurring = common(paras, PARAGRAPH_SHARE)
    if recurring:
        spread = max(1, n // OVERLAP_DOCS)
        average = _overlap([_words(t or "", recurring) for t in texts[::spread][:OVERLAP_DOCS]])
        recurring = frozenset(k for k in recurring if not _topical(texts, where[k], recurring, average))
    return Boilerplate(paragraphs=recurring, credits=common(credits, CREDIT_SHARE),
                       datelines=dated >= max(MIN_DOCS, LEAD_SHARE * n),
                       stats={"documents": n, "dateline_documents": dated})


def _words(text: str, skip: frozenset[str]) -> set[str]:
    return {w for a, b in _paragraphs(text) if (k := shape(text[a:b])) not in skip for w in k.split()}


def _overlap(sets: list[set[str]]) -> float:
    pairs = [(a, b) for i, a in enumerate(sets) for b in sets[i + 1:]]
    return sum(len(a & b) / max(len(a | b), 1) for a, b in pairs) / max(len(pairs), 1)


def _topical(texts: Sequence[str], docs: list[int], recurring: frozenset[str], average: float) -> bool:
    """Do these documents (holding one recurring paragraph) share their other words far more than
    ``average`` documents do?"""
    step = max(1, len(docs) // OVERLAP_DOCS)
    return _overlap([_words(texts[i] or "", recurring) for i in docs[::step][:OVERLAP_DOCS]]) > TOPICAL_RATIO * average
