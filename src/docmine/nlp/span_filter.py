"""A trained filter over the statistical model's PERSON / ORG / PLACE spans.

The small English model tags headings, laws, capitalised common words and citation names as
organisations and people; mentions from docmine's lexicons are almost always right. Instead of
more hand-written exceptions, a multinomial logistic regression, trained by
``scripts/train_span_filter.py`` on openly licensed English NER corpora (``../shared/data/ner``),
scores each model span from features of the span, its context and its document (casing,
shape, neighbouring words, lexicon and gazetteer membership, how often and under which labels
the same name occurs in the document, whether it is a known person's surname) and keeps it,
relabels it or drops it. The weights ship as ``models/span_filter.json`` with a data card.

Pure functions: :func:`span_features` and :func:`apply_filter` take the text and the mentions
and return new lists; nothing here runs spaCy.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from docmine.nlp.gazetteer import dictionary_form
from docmine.nlp.mention import Mention

CLASSES = ("NONE", "PERSON", "ORG", "PLACE")
FILTERED_LABELS = ("PERSON", "ORG", "PLACE")
_SMALL = frozenset("of the and for on in to de la del da do dos des du van von der al el bin".split())
_TOKEN = re.compile(r"\w+(?:[.’'&-]\w+)*\.?|[^\w\s]")


@lru_cache(maxsize=8192)
def _shape(tok: str) -> str:
    """"Xxxx", "XX", "dd.d": a word's letters and digits as classes (kept per word: every
    mention's features read the shapes of its words and neighbours)."""
    s = re.sub(r"[A-Z]", "X", tok)
    s = re.sub(r"[a-z]", "x", s)
    s = re.sub(r"\d", "d", s)
    return re.sub(r"(.)\1{2,}", r"\1\1", s)


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4+"


@dataclass
class DocContext:
    """What the features need to know about the whole document."""

    text: str
    by_text: dict[str, Counter]
    surnames: set[str]
    lower_words: set[str]
    abbreviations: dict[str, str]


def doc_context(text: str, mentions: list[Mention]) -> DocContext:
    by_text: dict[str, Counter] = defaultdict(Counter)
    surnames: set[str] = set()
    for m in mentions:
        by_text[m.text][m.label] += 1
        if m.label == "PERSON":
            parts = [p for p in m.text.split() if p[:1].isupper() and len(p) > 1]
            if len(parts) >= 2:
                surnames.update(parts)
    lower_words = set(re.findall(r"(?<![\w.])[a-z][a-z-]+", text))
    from docmine.nlp.canonical import find_abbreviations

    return DocContext(text, by_text, surnames, lower_words, find_abbreviations(text))


def span_features(m: Mention, ctx: DocContext, lex=None, gazetteer: dict | None = None,
                  common: frozenset[str] | None = None,
                  dictionary: frozenset[str] | None = None) -> dict[str, float]:
    """Sparse features of one mention (binary indicators, value 1.0)."""
    text = ctx.text
    lab = m.label
    toks = _TOKEN.findall(m.text)
    words = [t for t in toks if t[:1].isalnum()]
    before = text[max(0, m.start - 60): m.start]
    after = text[m.end: m.end + 60]
    prev = _TOKEN.findall(before)[-2:] or ["<s>"]
    nxt = _TOKEN.findall(after)[:2] or ["</s>"]
    f: dict[str, float] = {}

    def add(name: str) -> None:
        f[name] = 1.0
        f[f"{lab}|{name}"] = 1.0

    add("bias")
    add(f"src={m.source}")
    add(f"ntok={min(len(words), 5)}")
    add("shape=" + " ".join(_shape(w) for w in words[:4]))
    if words:
        add(f"first={words[0].lower()}")
        add(f"last={words[-1].lower()}")
        add(f"suf3={words[-1][-3:].lower()}")
    add(f"prev={prev[-1].lower()}")
    add(f"prev2={' '.join(p.lower() for p in prev)}")
    add(f"next={nxt[0].lower()}")
    add(f"next2={' '.join(n.lower() for n in nxt)}")
    add(f"prevshape={_shape(prev[-1])}")
    add(f"nextshape={_shape(nxt[0])}")
    if m.text.isupper() and len(m.text) > 1:
        add("allcaps")
    if any(ch.isdigit() for ch in m.text):
        add("digit")
    if any(w.islower() and w.lower() not in _SMALL for w in words):
        add("lowerword")
    if "\n" in m.text:
        add("newline")
    line_start = before.rstrip(" ").endswith(("\n", ".", ":", "•", "-", "–")) or not before.strip()
    if line_start:
        add("sentstart")
    if words and re.search(r"[a-z]s$", words[-1]) and not re.search(r"(?:ss|us|is)$", words[-1]):
        add("last_plural")
    # headings and title-case runs: the paragraph around the span
    p_start = text.rfind("\n", 0, m.start) + 1
    p_end = text.find("\n", m.end)
    para = text[p_start: p_end if p_end >= 0 else len(text)]
    para_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", para)]
    if len(para_words) <= 14 and not para.rstrip().endswith((".", "!", "?", ":", "”", '"')):
        add("heading")
    if para_words and para.isupper():
        add("upper_paragraph")
    if prev[-1][:1].isupper() and prev[-1].lower() not in _SMALL and not line_start:
        add("caps_before")
    if nxt[0][:1].isupper() and nxt[0].lower() not in _SMALL:
        add("caps_after")
    if before.rstrip().endswith(("“", '"', "‘", "'")):
        add("quoted")
    if after.lstrip().startswith("("):
        add("before_paren")
    if re.match(r"\s*(?:'s|’s)\b", after):
        add("possessive")
    # document-level evidence
    same = ctx.by_text.get(m.text, Counter())
    add(f"count={_bucket(sum(same.values()))}")
    others = sum(same.values()) - 1
    if others > 0:
        agree = (same[lab] - 1) / others
        add(f"agree={'all' if agree == 1 else 'none' if agree == 0 else 'some'}")
        for other_label in same:
            if other_label != lab:
                add(f"also={other_label}")
    if len(words) == 1 and words[0] in ctx.surnames:
        add("person_name_part")
    if len(words) == 1 and words[0].lower() in ctx.lower_words and not m.text.isupper():
        add("lower_elsewhere")
    if m.text in ctx.abbreviations:
        add("defined_acronym")
    # lexicons and gazetteer
    if lex is not None:
        from docmine.nlp.lexicon import alias_key

        key = alias_key(m.text)
        if key in lex.orgs or m.text in lex.org_case_sensitive:
            add("lex_org")
        if key in lex.places or m.text in lex.place_case_sensitive:
            add("lex_place")
        if m.text in lex.demonyms:
            add("demonym")
    if lex is not None and words:
        from docmine.nlp.canonical import name_head

        rules = getattr(lex, "rules", {})
        head = name_head(" ".join(words))
        if head in rules.get("place", {}).get("org_words", ()):
            add("head=org_word")
        if head in rules.get("org", {}).get("not_org_heads", ()):
            add("head=not_org")
        if head in rules.get("person", {}).get("titles", ()):
            add("head=title")
        if head in rules.get("place", {}).get("suffixes", ()):
            add("head=place_word")
    if gazetteer is not None and (m.text in gazetteer or m.text.lower() in gazetteer):
        add("gazetteer")
    if common is not None and words:
        content = [w for w in words if w.lower() not in _SMALL]
        n_common = sum(w.lower() in common for w in content if not _acronym(w))
        add("common=" + ("all" if n_common == len(content) else "none" if n_common == 0 else "some"))
        if dictionary is not None:
            classes = [_word_class(w, common, dictionary) for w in content] or ["R"]
            add("wc=" + "".join(sorted(set(classes))))
            add("wc_last=" + classes[-1])
    return f


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _word_class(word: str, common: frozenset[str], dictionary: frozenset[str]) -> str:
    """A for an acronym; D for a frequent dictionary word ("union"), F for a frequent word no
    dictionary has: most often a brand or a name ("microsoft", "samsung"); d for a rarer dictionary
    word, R for anything else. wordfreq folds case, so frequency alone cannot tell "Microsoft" from
    "Administration"; the dictionary can."""
    if _acronym(word):
        return "A"
    low = word.lower()
    in_dict = dictionary_form(low, dictionary)
    if low in common:
        return "D" if in_dict else "F"
    return "d" if in_dict else "R"


@dataclass
class SpanFilter:
    weights: dict[str, list[float]]
    bias: list[float]
    drop_threshold: float
    relabel_threshold: float
    version: str = ""
    # a model ORG is dropped when P(no entity) reaches this instead of drop_threshold, most likely
    # class or not (None: the same rule as the other labels), chosen by train_span_filter.py: the
    # model's ORG spans are the noisiest on real documents and the most often right in newswire
    org_drop_threshold: float | None = None

    @classmethod
    def load(cls, path: str | Path) -> SpanFilter:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(weights=data["weights"], bias=data["bias"], drop_threshold=data["drop_threshold"],
                   relabel_threshold=data["relabel_threshold"], version=data.get("version", ""),
                   org_drop_threshold=data.get("org_drop_threshold"))

    def drops(self, label: str, probs: list[float]) -> bool:
        """Is a model span with this label and these class probabilities no entity?"""
        if label == "ORG" and self.org_drop_threshold is not None:
            return probs[CLASSES.index("NONE")] >= self.org_drop_threshold
        best = max(range(len(probs)), key=lambda k: probs[k])
        return CLASSES[best] == "NONE" and probs[best] >= self.drop_threshold

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        z = list(self.bias)
        for name, value in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for k in range(len(z)):
                    z[k] += w[k] * value
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return [v / s for v in e]


@lru_cache(maxsize=4)
def load_filter(folder: str) -> SpanFilter | None:
    path = Path(folder) / "span_filter.json"
    return SpanFilter.load(path) if path.exists() else None


def _named_body(m: Mention, org_words: set[str]) -> bool:
    """A model ORG of several capitalised words headed by a body's word ("Bucknell University",
    "American Medical Association", "Ministry of Interior", "Chicago Board of Trade"; not
    "Executive Office Building" nor "Reiterates the Administration", a heading): the name says
    what it is, which the filter's features do not see. A trailing full stop does not hide the
    word ("Microsoft Corp.", "Cisco Systems Inc.")."""
    words = m.text.split()
    if m.label != "ORG" or len(words) < 2 or not all(w[:1].isupper() or w in ("of", "for", "and", "&") for w in words):
        return False
    if words[-1].lower().rstrip(".") in org_words:
        return True
    # the word before the first "of"/"for" heads the name: "Bank of America", "Chicago Board of Trade"
    cut = next((i for i, w in enumerate(words) if w in ("of", "for")), 0)
    return cut > 0 and words[cut - 1].lower() in org_words


def _full_name(text: str, given, dictionary, not_names) -> bool:
    """A first name that is no verb, adjective or adverb and one or two surnames that are no
    words at all ("Riley Barnes", "Karen Brazell"; not "Will Tellabs", "Grace Period"): a
    person's name whatever line it opens, which the filter's features do not see."""
    words = text.split()
    return 2 <= len(words) <= 3 and words[0] in given and words[0].lower() not in not_names and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) \
        and not any(w.lower() in dictionary for w in words[1:])


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """The verbs, adjectives and adverbs of the English model's vocabulary (a first name is a noun)."""
    from docmine.nlp.gazetteer import word_classes

    classes = word_classes()
    return classes["verb"] | classes["adj"] | classes["adv"]


RESOLVED_BY_EVIDENCE = frozenset(("company-name", "caps-line", "nickname", "quote-speaker", "person-from",
                                  "name-part", "acronym-long-form", "person.titled", "person.aged",
                                  "person-context", "first-name-surname", "person-member"))


def apply_filter(text: str, mentions: list[Mention], flt: SpanFilter, lex=None) -> list[Mention]:
    """Drop or relabel the model's PERSON / ORG / PLACE spans the filter is confident about.

    Lexicon and rule mentions are left alone, and so are names the document resolved by evidence
    (a company's short name, a name found again in a line in capitals, a nickname the text
    introduces, a name that speaks after a quotation, the outlet a person is from: rules
    ``company-name``, ``caps-line``, ``nickname``, ``quote-speaker``, ``person-from``), and so is
    a model ORG whose head word names a body (``[place] org_words`` in rules.toml: "Bucknell
    University") or an acronym the document defines ("Fiji Labour Party (FLP)") and a body's name
    the document defines an acronym for (rule ``acronym-long-form``), and a name after a person's
    title or before an age (``person.titled``, ``person.aged``); a relabelled
    mention records ``attrs["filter"]`` (``relabel:ORG>PERSON``), and its canonical name is
    recomputed for the new label.
    """
    from docmine.nlp.canonical import person_titles
    from docmine.nlp.gazetteer import common_words, dictionary_words, place_names
    from docmine.nlp.lexicon import alias_key, given_names

    ctx = doc_context(text, mentions)
    gazetteer = place_names()
    common = common_words()
    dictionary = dictionary_words()
    rules = getattr(lex, "rules", {}) if lex is not None else {}
    org_words = set(rules.get("place", {}).get("org_words", []))
    not_org_heads = set(rules.get("org", {}).get("not_org_heads", []))
    titles = person_titles(lex) if lex is not None else frozenset()
    out: list[Mention] = []
    given = given_names()
    for m in mentions:
        if m.source == "model" and m.label == "PERSON" and _firm(m.text, given, titles):
            out.append(_relabel(m, "ORG", lex))
            continue
        if m.source != "model" or m.label not in FILTERED_LABELS or _named_body(m, org_words) \
                or m.label == "PERSON" and _full_name(m.text, given, dictionary, _not_names()) \
                or m.attrs.get("rule") in RESOLVED_BY_EVIDENCE \
                or m.label == "ORG" and m.text.isupper() and m.text in ctx.abbreviations:
            long_form = ctx.abbreviations.get(m.text, "").lower().split() \
                if m.source == "model" and m.label == "ORG" else []
            if long_form and long_form[-1] in not_org_heads and not org_words.intersection(long_form):
                # the acronym of a programme, a deal or a tool: "Technology Prosperity Deal (TPD)" (not
                # "Executive Office for Immigration Review (EOIR)", headed by a body's word)
                continue
            out.append(m)
            continue
        probs = flt.probabilities(span_features(m, ctx, lex, gazetteer, common, dictionary))
        best = max(range(len(CLASSES)), key=lambda k: probs[k])
        label = CLASSES[best]
        if flt.drops(m.label, probs):
            for s, e, lab in m.attrs.get("_inner", []):  # the lexicon's names inside come back
                inner = Mention(s, e, lab, text[s:e], resolved=text[s:e], sentence=m.sentence, source="lexicon")
                if lex is not None:
                    inner.canonical = lex.canonical(lab, inner.text)
                out.append(inner)
            continue
        # a city's alternate name unlike its own ("Waterman" for Barstow) is too weak to make a place
        alias = label == "PLACE" and gazetteer.get(m.text) == "alias" \
            and not (lex is not None and lex.places.get(alias_key(m.text)))
        if label not in ("NONE", m.label) and probs[best] >= flt.relabel_threshold and not alias \
                and not (label == "PERSON" and " & " in m.text):
            m = _relabel(m, label, lex)
        out.append(m)
    return out


def _relabel(m: Mention, label: str, lex=None) -> Mention:
    """``m`` under another label, recorded in ``attrs["filter"]``, its canonical name computed again."""
    m.attrs = {**m.attrs, "filter": f"relabel:{m.label}>{label}"}
    m.label = label
    if lex is not None:
        m.canonical = lex.canonical(label, m.resolved or m.text)
    return m


def _firm(text: str, given, titles) -> bool:
    """Names joined by "&" are a firm ("Akin Gump Strauss Hauer & Feld", "Snell & Wilmer"), unless a
    first name or a title follows the "&": two people ("Alex Salmond & Alistair Darling")."""
    if " & " not in text:
        return False
    after = text.split(" & ", 1)[1].split()
    return bool(after) and after[0] not in given and after[0].lower().rstrip(".") not in titles
