"""What every rule stage shares: token constants and helpers, the per-document trace that records
which stage produced each span (``span._.docmine_rule``), and :class:`Knowledge`, the lexicon,
gazetteer and settings the stages look names up in."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span

from docmine.nlp.doctext import token_words
from docmine.nlp.lexicon import Lexicon, alias_key, given_names
from docmine.nlp.settings import RuleSettings

MODEL_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE",
                "PER": "PERSON", "PLACE": "PLACE"}  # PER: French and other WikiNER-style models
APOS = ("'s", "’s", "'", "’")
# lower-case words that never stand inside a name: a model entity spanning one is two entities
AMOUNT_WORDS = {"kg", "kgs", "kilograms", "kilogram", "kilos", "kilo", "grams", "gram", "g", "tons", "tonnes",
                "pounds", "lbs", "ounces", "oz", "litres", "liters", "doses", "bags", "packets", "of"}
QUOTES = {'"', "“", "”", "‘", "’", "'"}
ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9]{1,5}|No\.?\s?\d)$")  # "MD", "PBC", "HGH", "No.4"
# a capitalised function word inside a model entity starts a new sentence or headline:
# "Münster After the evacuation", "Portugal The Brazilian Federal Police"
CAPITAL_BREAKS = {"After", "Before", "The", "In", "On", "At", "When", "While", "During", "Since", "As", "Then"}
POSS_TOKENS = ("'s", "’s")
DASHES = {"-", "--", "—", "–", "---"}
OPENERS = DASHES | {"(", "[", '"', "“", "‘", "'", ":", ";"}
"""Marks after which the next word opens a sentence of its own ("(Reuters) - Shares of", "(Reuters) -
Businessman Sam Katz")."""
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
MONTHS = frozenset("January February March April May June July August September October November December".split())
BREAK_WORDS = {"at", "in", "from", "near", "with", "to", "by", "via", "into", "onto"}


# titles that are no post of their own: they also start or end the names of bodies and places
# ("National Security Council", "Senior Directors", "Beachy Head", "General Santos")
NOT_POSTS = frozenset(("head", "general", "major", "national", "project", "programme", "vice", "rear",
                       "senior", "junior", "justice", "king", "queen", "prince", "princess", "lord",
                       "lady", "sir", "dame", "chair", "he", "charge", "det"))


class Trace:
    """Which stage produced or last changed each span of one document.

    Keyed by the Span object itself (held here, so its id is never reused while the document is
    processed): spans with the same offsets from different stages keep their own stage names.
    Nothing is written to the Doc until the component sets ``docmine_rule`` on its final spans.
    """

    __slots__ = ("_rules",)

    def __init__(self):
        self._rules: dict[int, tuple[Span, str]] = {}

    def mark(self, span: Span, rule: str) -> Span:
        self._rules[id(span)] = (span, rule)
        return span

    def rule(self, span: Span) -> str | None:
        hit = self._rules.get(id(span))
        return hit[1] if hit is not None and hit[0] is span else None


KIND_RULES = frozenset(("org.market", "org.media", "org.company"))
"""Rules that label a name by the noun beside it ("the darknet market Hydra", "the Maariv daily",
"phone maker Nokia"): evidence no list of places overrides, and one label for the whole document."""

CAPITALISED_NOUNS = frozenset({"de", "lb"})
"""Languages that capitalise every noun: a capital letter inside a sentence says nothing there."""
INLINE_ZIPF = 99.0
"""No word-frequency filter for gazetteer names inside a sentence (see ``Knowledge.gazetteer_inline``)."""


class Knowledge:
    """Names the lexicons and the gazetteer know, shared by every stage."""

    def __init__(self, lexicon: Lexicon, settings: RuleSettings):
        self.lex = lexicon
        self.settings = settings
        # a person's posts: the one-word titles that are posts on their own (no NOT_POSTS)
        self.posts = frozenset({t.rstrip(".") for t in settings.person.titles if " " not in t} - NOT_POSTS)
        self.gazetteer: dict[str, str] = {}
        self.gazetteer_inline: dict[str, str] = {}  # names taken inside a sentence only (see below)
        if settings.place.gazetteer:
            from docmine.nlp.gazetteer import place_names, place_names_for

            # looked up by n-gram text: no matcher to build; in another language, without the
            # names that are words of that language ("Policija" is a village and the police)
            if lexicon.language == "en":
                self.gazetteer = place_names()
            else:
                from docmine.nlp.gazetteer import local_place_names

                self.gazetteer = {**place_names_for(lexicon.language),
                                  **{n: "city" for n in local_place_names(lexicon.language)}}
                if lexicon.language not in CAPITALISED_NOUNS:
                    # inside a sentence a capital letter is evidence enough in a language that
                    # capitalises names only: "bei Passau" is the city although "Passau" is frequent
                    # in the language's word list ("Sada", "Policija" open sentences, not names)
                    self.gazetteer_inline = {**place_names(),
                                             **{n: "city" for n in local_place_names(lexicon.language,
                                                                                      max_zipf=INLINE_ZIPF)}}
        self.place_suffixes = set(settings.place.suffixes)
        self.given_names = given_names()

    def given_name(self, tok) -> bool:
        """A person's first name ("Tiffany", "Rosa", "Juan"; not "Paris", "Will"): see given_names.txt."""
        return tok.text in self.given_names

    def known_org(self, text: str) -> bool:
        return bool(self.lex.org_case_sensitive.get(text) or self.lex.orgs.get(alias_key(text)))

    def place_name(self, text: str) -> bool:
        """A place the lexicon or the gazetteer knows, in any case ("Turkey", "TURKEY")."""
        forms = {text, text.title()} if text.isupper() else {text}
        return self.lexicon_place(text, forms) or any(f in self.gazetteer for f in forms)

    def lexicon_place(self, text: str, forms: set[str] | None = None) -> bool:
        """A place the lexicons know (not GeoNames, which also holds dictionary words: "Plunges")."""
        return bool(self.lex.places.get(alias_key(text))) or text.lower() in self.lex.surfaces["PLACE"] \
            or any(f in self.lex.place_case_sensitive for f in (forms or {text}))

    def known_name(self, text: str) -> bool:
        """An organisation or place the lexicons or the gazetteer know ("UK", "DEA", "TURKEY")."""
        return self.known_org(text) or self.place_name(text)

    def known_place(self, span: Span) -> bool:
        """A known place, with or without its designators ("Sinaloa state")."""
        end = span.end
        while end - span.start > 1 and span.doc[end - 1].lower_ in self.place_suffixes:
            end -= 1
        return self.place_name(span.text) or self.place_name(span.doc[span.start: end].text)


def all_place_names() -> dict[str, str]:
    """Every GeoNames city and ISO subdivision, English-word names included: for datelines only,
    where the position already says "place"."""
    from docmine.nlp.gazetteer import place_names

    return place_names(max_zipf=99.0)


def in_heading(doc: Doc, i: int) -> bool:
    """Is token i part of an upper-case heading line ("KEY FINDINGS:", "THE END")?"""
    line_start = i == 0 or "\n" in doc[i - 1].text_with_ws or (i > 0 and doc[i - 1].is_upper and doc[i - 1].is_alpha)
    neighbours = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
    return line_start and any(t.is_upper and t.is_alpha and len(t) > 1 for t in neighbours)


def is_amount(tok) -> bool:
    """A number written in digits or words, not an ordinal ("4", "1,200", "five"; not "4th", "Fourth")."""
    if not tok.like_num:
        return False
    return not re.match(r"^\d+(?:st|nd|rd|th|d)$", tok.lower_) and not tok.lower_.endswith(("th", "st", "nd", "rd"))


def common_word(tok) -> bool:
    """An everyday English word ("bags", "key", "end"), by word frequency; names are rarer."""
    from docmine.nlp.gazetteer import common_words

    return tok.lower_ in common_words()


def dictionary_word(tok) -> bool:
    """An everyday word that is also a dictionary word ("end", "agents"): wordfreq folds case, so
    frequent names ("Phillips", "Juan", "Morgan") count as common words; the dictionary has none
    of them."""
    from docmine.nlp.gazetteer import dictionary_form, dictionary_words

    return common_word(tok) and dictionary_form(tok.lower_, dictionary_words())


def by_word(phrases: Iterable[list[str]], position: int) -> dict[str, list[list[str]]]:
    """Word lists grouped by their word at ``position`` (0: the first, -1: the last), each group in
    the given order: a rule tries only the lists that can match at the word it stands on."""
    out: dict[str, list[list[str]]] = {}
    for words in phrases:
        if words:
            out.setdefault(words[position], []).append(words)
    return out


def words_at(doc: Doc, i: int, words: list[str]) -> bool:
    """Do the lower-cased tokens from i on read ``words``? (Token by token: most calls fail on the
    first word, and this runs for every place span and every suffix.)"""
    n = len(words)
    if i < 0 or i + n > len(doc):
        return False
    return token_words(doc)[1][i: i + n] == list(words)


def list_neighbours(spans: list[Span], k: int) -> list[tuple[Span, bool]]:
    """The spans next to ``spans[k]`` in a coordinated list ("A, B and C"): each neighbour with
    whether the words between them hold "and" / "or" (else only a comma). ``spans`` in order."""
    span, doc, out = spans[k], spans[k].doc, []
    for j in (k - 1, k + 1):
        if 0 <= j < len(spans):
            other = spans[j]
            gap = doc[other.end: span.start] if j < k else doc[span.end: other.start]
            if 1 <= len(gap) <= 2 and all(t.text in (",", "and", "or") for t in gap):
                out.append((other, any(t.text != "," for t in gap)))
    return out


def merge_adjacent(spans: list[Span], join: Callable[[Span, Span], Span | None]) -> list[Span]:
    """Walk the spans in order; ``join(previous, span)`` returns one span that replaces both,
    or None to keep them apart."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda s: s.start):
        merged = join(out[-1], sp) if out else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(sp)
    return out


def overlaps(span: Span, blocks: list[tuple[int, int]]) -> bool:
    """Does the span overlap a blocked phrase (a route, a report title)?"""
    if not blocks:
        return False
    start, end = span.start, span.end
    return any(s < end and start < e for s, e in blocks)


def title_case_sentence(span) -> bool:
    """Is the span's sentence a headline in title case (almost no word in lower case)?"""
    doc = span.doc
    sent = span.sent if doc.has_annotation("SENT_START") else doc[max(0, span.start - 25): span.end + 25]
    return sum(1 for t in sent if t.is_alpha and len(t) > 3 and t.is_lower) < 2
