"""In-document resolution and canonical names (pure functions over mentions).

* Abbreviations defined in the text ("the Foreign Law Enforcement Community (FLEC)") map the
  acronym to its expansion, and every later bare "FLEC" becomes an ORG mention of it.
* A surname-only or title + surname mention ("Mr. Fedotov", "Fedotov said") resolves to the
  one full name in the same document that ends with that surname.
* ``canonical`` = the resolved text mapped through the alias tables (lexicons + user file).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from docmine.nlp.lexicon import Lexicon, alias_key, given_names
from docmine.nlp.mention import Mention
from docmine.nlp.wordscan import occurrences

_ACR_AFTER = re.compile(r"\(\s*[“\"]?([A-Z][A-Za-z0-9&\-]{1,11}?s?)[”\"]?\s*(?:\)|;\s)")
"""A bracketed acronym, alone or before a citation after a semicolon ("Act (CSA; 21 U.S.C. §§801 et seq.)")."""
# an acronym and its lower-case long form after it: 'DDOS (“distributed denial of service”)', "NDD (next-day delivery)"
_ACR_GLOSS = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,7})[”\"]?\s*\(\s*[“\"]?([a-z][a-z -]{3,60}?)[”\"]?\s*\)")
_SMALL = {"of", "and", "the", "for", "on", "in", "against", "to", "de", "des", "du", "la", "le", "et", "&", "-"}


def _initials_match(words: list[str], acronym: str) -> int:
    """Number of trailing words whose letters spell the acronym (0 when they do not).

    Each content word supplies its initial and, optionally, further letters found in order
    inside it ("Anti-Narcotics" -> AN, "Headquarters" -> HQ); small words may be skipped.
    """
    letters = [c for c in acronym.upper() if c.isalpha()]

    @functools.cache
    def match(i: int, j: int) -> int | None:
        """Index of the first word used when words[..i] spell letters[..j]; None if impossible."""
        if j < 0:
            return i + 1
        if i < 0:
            return None
        w = words[i]
        wu = w.upper()
        if wu[:1].isalpha():
            # the word supplies letters[j-n+1 .. j], its initial being letters[j-n+1]
            for n in range(1, j + 2):
                first = j - n + 1
                if wu[:1] != letters[first]:
                    continue
                rest, pos, ok = letters[first + 1: j + 1], 1, True
                for c in rest:
                    pos = wu.find(c, pos) + 1
                    if pos == 0:
                        ok = False
                        break
                if ok:
                    r = match(i - 1, first - 1)
                    if r is not None:
                        return r
        if w.lower() in _SMALL:
            return match(i - 1, j)
        return None

    first = match(len(words) - 1, len(letters) - 1)
    if first is None or first >= len(words):
        return 0
    return len(words) - first


def name_head(name: str) -> str:
    """The head noun of a name written out: the last word before its first preposition
    ("framework" in "Bicentennial Framework for Security"), else its last word; lower case."""
    words: list[str] = []
    for w in name.split():
        if w in ("of", "for", "on", "against", "to", "with", "between", "in") and words:
            break
        if w[:1].isalpha():
            words.append(w.lower().strip(",;:"))
    return words[-1] if words else ""


def _defined_acronyms(text: str) -> Iterator[tuple[str, list[str]]]:
    """(acronym, the words it abbreviates) for each "long form (LF)" definition in the text."""
    for m in _ACR_AFTER.finditer(text):
        acr = m.group(1)
        letters = sum(c.isupper() for c in acr)
        if letters < 2:
            continue
        before = text[max(0, m.start() - 200): m.start()].rstrip()
        # a citation between the name and its acronym: "Powers Act (50 U.S.C. 1701 et seq.) (IEEPA)"
        before = re.sub(r"\s*\([^()]{1,60}\)$", "", before)
        # the sentence before; the full stop of an initial ("U.S. Interdiction Coordinator") ends none
        before = re.split(r"(?<!\b[A-Z])\.\s|[;:!?\n]\s", before)[-1]
        words = before.replace("’s", "").split()
        plural = acr.endswith("s") and acr[:-1].isupper()
        n = _initials_match(words[-(len(acr) * 2 + 3):], acr.rstrip("s") if plural else acr)
        if n:
            long_words = words[-n:]
            while long_words and long_words[0].lower() in _SMALL:
                long_words = long_words[1:]
            if long_words:
                yield acr, long_words


def find_abbreviations(text: str) -> dict[str, str]:
    """Acronym -> expansion for "Long Form Name (LFN)" definitions in the text (the first of each)."""
    found: dict[str, str] = {}
    for acr, words in _defined_acronyms(text):
        if acr not in found and words[0][:1].isupper():
            found[acr] = " ".join(words).strip(",;:")
    return found


def term_acronyms(text: str, heads: frozenset[str] = frozenset()) -> set[str]:
    """Acronyms the text defines for a phrase written in lower case: "medication for opioid use
    disorder (MOUD)", "continuing criminal enterprise (CCE)", 'anti-money laundering (“AML”)', and
    after the acronym, 'DDOS (“distributed denial of service”)', name a thing, no organisation; so
    does one defined for a name headed by one of ``heads`` ("Narcotics Rewards Program (NRP)")."""
    terms: set[str] = set()
    names: set[str] = set()
    for acr, words in _defined_acronyms(text):
        kind = terms if all(w.islower() or w.lower() in _SMALL for w in words) \
            or words[-1].lower().strip(",;") in heads else names
        kind.add(acr)
        if acr.endswith("s") and acr[:-1].isupper():  # "extrajudicial killings (EJKs)" ... "EJK victims"
            kind.add(acr[:-1])
    for hit in _ACR_GLOSS.finditer(text):
        words = hit.group(2).replace("-", " ").split()
        if _initials_match(words, hit.group(1)) == len(words):
            terms.add(hit.group(1))
    return terms - names


_ACR_RIGHT_AFTER = re.compile(r"\s?\(\s*([A-Z][A-Za-z]{0,3}[A-Z][A-Za-z]{0,6})\s*\)")


# words that join the parts of a body's name ("Global Initiative Against ...", "Office on Drugs and Crime")
NAME_JOINERS = frozenset({"and", "of", "for", "on", "to", "against", "in", "&"})


def _starts_name(text: str, start: int) -> bool:
    """Whether a name at ``start`` is not the end of a longer one: the word before it (after an
    article) is a lower-case word that joins no name's parts."""
    words = text[max(0, start - 60):start].split()
    if words and words[-1] in ("the", "The"):
        words.pop()
    return bool(words) and words[-1].isalpha() and words[-1].islower() and words[-1] not in NAME_JOINERS


def named_acronyms(text: str, mentions: list[Mention], lex: Lexicon, known: dict[str, str]) -> dict[str, str]:
    """Acronym -> name for an organisation's name followed at once by a bracketed acronym whose
    letters do not spell it (or spell only the end of it): "the Ministry of Interior of Moldova
    (MAI)", "National Anti-Drug Agency (ANA)" give the acronym of the name in the body's own
    language. The text defines it, so it names that body in this document. Not an acronym the
    lexicon knows (its entry decides: a model span may hold only the end of a long name), a place
    ("the DEA (US)"), a drug, or after a one-word name."""
    found: dict[str, str] = {}
    for m in mentions:
        if m.label != "ORG" or len(m.text.split()) < 2:
            continue
        hit = _ACR_RIGHT_AFTER.match(text, m.end)
        if hit is None:
            continue
        acr = hit.group(1)
        # a definition found by its letters that spells only the end of the name ("Anti-Drug Agency"
        # of "National Anti-Drug Agency (ANA)") gives way to the whole name
        shorter = acr in known and m.text != known[acr] and m.text.endswith(" " + known[acr])
        if acr in known and not shorter or acr in found or sum(c.isupper() for c in acr) < 2 \
                or lex.orgs.get(alias_key(acr)) or acr in lex.org_case_sensitive \
                or lex.places.get(alias_key(acr)) or acr in lex.place_case_sensitive or lex.drug(acr) is not None:
            continue
        # a model span may hold only the end of a long name ("the Evaluation of ... Measures and the
        # [Financing of Terrorism] (MONEYVAL)"): the acronym's first letter must open one of its words,
        # unless a lower-case word that joins no name stands before it ("which the [Public
        # Prosecution Service] (OM)": the acronym of the body's name in its own language)
        if not any(w[:1] == acr[0] for w in m.text.split()) and not _starts_name(text, m.start):
            continue
        # "the Ankara clinic of the [Alcohol and Substance ... Centre] (AMATEM)": a branch of the body
        tail = m.text.rsplit(" of the ", 1)[-1]
        found[acr] = tail if tail != m.text and tail[:1] == acr[0] else m.text
    return found


_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
              "bin", "bint", "ibn", "al", "el", "ben", "ter", "ten"}


def short_forms(name: str) -> list[str]:
    """How a text may refer back to a full name: "Pieter van der Berg" -> "van der Berg",
    "Van der Berg", "Berg"; "Héctor Manuel Restrepo Gil" -> "Restrepo Gil", "Restrepo", "Gil"."""
    parts = name.split()
    if len(parts) < 2:
        return []
    forms = set()
    for i in range(1, len(parts)):
        tail = parts[i:]
        if tail[0].lower() in _PARTICLES:
            forms.add(" ".join(tail))
            forms.add(" ".join([tail[0].capitalize()] + tail[1:]))
        elif tail[0][:1].isupper():
            forms.add(" ".join(tail))
    if len(parts) >= 3 and parts[-2][:1].isupper() and parts[-2].lower() not in _PARTICLES \
            and not (len(parts) == 3 and parts[1] in given_names()):
        # paternal surname in Spanish and Portuguese names; not the second of three words that is a
        # first name: "José Luis Martínez", "Egbo Emmanuel Maduka" (surname first)
        forms.add(parts[-2])
    return sorted(f for f in forms if len(f) >= 3)


def person_titles(lex) -> frozenset[str]:
    """``[person] titles`` without their full stops, built once per lexicon and kept on it."""
    cached = vars(lex).get("_person_titles")
    if cached is None:
        cached = vars(lex)["_person_titles"] = frozenset(
            t.rstrip(".") for t in getattr(lex, "rules", {}).get("person", {}).get("titles", ()))
    return cached


def person_short_forms(mentions: list[Mention]) -> dict[str, str]:
    """Short form -> full name, for the short forms ("Peker", "Restrepo Gil") of exactly one person
    the mentions name in full."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == "PERSON":
            for short in short_forms(m.text):
                full.setdefault(short, set()).add(m.text)
    out = {short: next(iter(names)) for short, names in full.items() if len(names) == 1}
    # the same name with the other apostrophe: "Michael O'Leary", then "O’Leary admitted"
    for short, name in list(out.items()):
        for a, b in (("'", "’"), ("’", "'")):
            if a in short:
                out.setdefault(short.replace(a, b), name)
    return out


def _definitions(text: str, expansion: str, acr: str) -> Iterator[re.Match]:
    """Where the text defines ``acr`` by its long form: "Chicago Board of Trade (CBT)"."""
    return re.finditer(rf"(?<![\w-]){re.escape(expansion)}(?=\s?\(\s*{re.escape(acr)}\s*\))", text)


def _defined_bodies(text: str, mentions: list[Mention], abbrevs: dict[str, str], org_words: set[str]) -> list[Mention]:
    """The long form of an organisation's acronym where the text defines it: "the [Chicago Board of
    Trade] (CBT)" is an ORG when "CBT" is one and the name's head is a body's word (rules.toml
    ``[place] org_words`` and ``[org]`` ``generic_words``, ``of_place_heads``, ``for_place_heads``:
    board, bureau, police ...); the place or person the model read inside it goes
    (rule ``acronym-long-form``). Not over a drug, nor where an ORG already covers the name."""
    out = mentions
    orgs = {m.text for m in mentions if m.label == "ORG"}
    for acr, expansion in abbrevs.items():
        if acr not in orgs or name_head(expansion) not in org_words:
            continue
        for hit in _definitions(text, expansion, acr):
            s, e = hit.start(), hit.end()
            inside = [m for m in out if m.start < e and s < m.end]
            for m in inside:  # the model read it: the definition is the evidence the span filter heeds
                if m.label == "ORG" and (m.start, m.end) == (s, e) and m.source == "model":
                    m.attrs["rule"] = "acronym-long-form"
            if any(m.label in ("ORG", "DRUG") or m.start < s or m.end > e for m in inside):
                continue
            out = [m for m in out if m not in inside]
            out.append(Mention(s, e, "ORG", expansion, source="rule", attrs={"rule": "acronym-long-form"}))
    return out


def _joined_long_forms(text: str, mentions: list[Mention], abbrevs: dict[str, str], not_heads: set[str],
                       non_entities: set[str]) -> list[Mention]:
    """The model read a name the text defines an acronym for in pieces, or only a piece of it: "the
    [Joint Criminal Opioid] and [Darknet Enforcement] (JCODE) team", "the FBI's [Joint Criminal
    Opioid] and Darknet Enforcement (J-CODE) team". The acronym's letters spell the whole name, so
    the name is one ORG (rule ``acronym-long-form``), and the acronym an ORG with it. Only where
    every mention inside is a model ORG within the name. The name of a programme, law or report
    (``[org] not_org_heads``) is no organisation: a model ORG inside it goes ("the [Comprehensive
    Addiction] and Recovery Act (CARA)")."""
    out = mentions
    for acr, expansion in abbrevs.items():
        if len(expansion.split()) < 3:
            continue
        not_body = name_head(expansion) in not_heads or expansion.split()[-1].lower() in not_heads \
            or alias_key(expansion) in non_entities
        for hit in _definitions(text, expansion, acr):
            s, e = hit.start(), hit.end()
            inside = [m for m in out if m.start < e and s < m.end]
            if not_body:  # a piece of a law's or programme's name is no organisation
                out = [m for m in out if not (m in inside and m.label == "ORG" and m.source == "model"
                                              and s <= m.start and m.end <= e)]
                continue
            if not inside or any(m.label != "ORG" or m.source != "model" or m.start < s or m.end > e
                                 for m in inside):
                continue
            if len(inside) == 1 and (inside[0].start != s or inside[0].end == e):
                continue  # one piece must open the name and stop short of its end (else nothing to join)
            out = [m for m in out if m not in inside]
            out.append(Mention(s, e, "ORG", expansion, source="model", attrs={"rule": "acronym-long-form"}))
    return out


# a capitalised name whose last word is a body's head, right before a bracketed acronym:
# "the Special State Prosecutor's Office (SDT)", "the Criminal Police Directorate (UKP)"
_NAMED_BODY = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w-]*(?:['’]s)?\s+(?:(?:of|for|and|on|the|de|del|la)\s+)*)+([A-Z][a-z]+))"
    r"\s?\(\s*([A-Z][A-Za-z]{0,3}[A-Z][A-Za-z]{0,6})\s*\)")


def _bodies_by_acronym(text: str, mentions: list[Mention], heads: set[str], abbrevs: dict[str, str],
                       unit_heads: set[str] | frozenset[str] = frozenset(),
                       posts: frozenset[str] = frozenset()) -> list[Mention]:
    """A capitalised name that ends in a body's head word and is followed at once by a bracketed
    acronym is an organisation even where the model read nothing there: "the Special State
    Prosecutor's Office (SDT) said" (rule ``acronym-long-form``); the acronym names it in this
    document. Only where no mention overlaps the name; ``heads`` are the body words of
    ``rules.toml`` (office, agency, directorate, ministry, police ...). The acronym is added to
    ``abbrevs``, which the caller's acronym step reads. A unit's head (``unit_heads``: squad,
    section ...) names a body only after the place it serves ("the Gujarat Anti-Terrorist Squad
    (ATS)"; GUIDELINES.md: a unit named alone by what it does is no organisation). The name may
    start after an "and", and the model's piece of it or the place opening it gives way to it; a
    person's post (``posts``: "Director General of Police (DGP)") is none."""
    out = mentions
    for hit in _NAMED_BODY.finditer(text):
        name, head, acr = hit.group(1), hit.group(2), hit.group(3)
        unit = head.lower() in unit_heads and head.lower() not in heads
        if head.lower() not in heads and name_head(name) not in heads and not unit or len(name.split()) < 2:
            continue
        if abbrevs.get(acr, "").lower() in posts:
            continue  # a person's post, no body: "the Gujarat Director General of Police (DGP)"
        # the name may start after an "and" ("Punjab Police and the [Gujarat Anti-Terrorist Squad] (ATS)")
        # or after a possessor's name ("Niger's [Central Office for the Repression of ...] (OCRTIS)")
        starts = [hit.start(1)] + [hit.start(1) + j.end() for j in re.finditer(r"(?:\sand|['’]s)\s+", name)]
        post = re.match(r"(.+?)\s+of\s+(?:the\s+)?", name)
        if post and post.group(1).lower() in posts:
            starts[0] = hit.start(1) + post.end()  # a post in the body: "Vice-President of the [... Board] (MASAK)"
        for s in starts:
            cand = text[s:hit.end(1)]
            article = re.match(r"(?:(?:The|the|A|An)\s+)+", cand)  # a sentence's article is no part of the name
            if article:
                s, cand = s + article.end(), cand[article.end():]
            e = s + len(cand)
            inside = [m for m in out if m.start < e and s < m.end]
            if acr in abbrevs and abbrevs[acr] != cand and not (
                    cand.endswith(" " + abbrevs[acr])  # the place it serves before the name: "Gujarat Anti-..."
                    and any(m.label == "PLACE" and (m.start, m.end) == (s, e - len(abbrevs[acr]) - 1) for m in inside)):
                continue  # the acronym stands for another phrase (found by the abbreviation step)
            words = cand.split()
            if any(w.endswith(("'s", "’s")) and name_head(" ".join(words[i + 1:i + 2])) != name_head(cand)
                   for i, w in enumerate(words)):
                continue  # a possessive only before the head: "the Attorney General's Office (AGO)"
            # the model's piece of the name ("the [Central Office] for the Suppression of Cybercrime
            # (ZIT)") and the place that opens it ("the [Gujarat] Anti-Terrorist Squad (ATS)") give way
            if len(words) < 2 or any(
                    m.start < s or m.end > e or not (m.label == "ORG" and m.source == "model"
                                                     or m.label == "PLACE" and m.start == s and m.end < e)
                    for m in inside) or unit and not any(m.label == "PLACE" and m.start == s for m in inside):
                continue
            out = [m for m in out if m not in inside] + [
                Mention(s, e, "ORG", cand, source="rule", attrs={"rule": "acronym-long-form"})]
            abbrevs[acr] = cand
            break
    return out


def resolve_mentions(text: str, mentions: list[Mention], lex: Lexicon, titles: set[str] | None = None) -> list[Mention]:
    """Fill ``resolved`` and ``canonical`` and add the mentions only resolution can find.

    Returns the mentions sorted by start offset. Pure: the input list is not modified.
    """
    out = [Mention(**{**m.__dict__, "attrs": dict(m.attrs)}) for m in mentions]
    abbrevs = find_abbreviations(text)
    abbrevs.update(named_acronyms(text, out, lex, abbrevs))
    heads = set(lex.rules.get("org", {}).get("not_org_heads", []))
    non_entities = {alias_key(t) for t in lex.titles}
    out = _joined_long_forms(text, out, abbrevs, heads, non_entities)
    rules = lex.rules
    body_words = {w for key in ("generic_words", "for_place_heads", "of_place_heads")
                  for w in rules.get("org", {}).get(key, [])} | set(rules.get("place", {}).get("org_words", []))
    out = _bodies_by_acronym(text, out, body_words, abbrevs, set(rules.get("org", {}).get("unit_heads", [])),
                             person_titles(lex))
    taken = [(m.start, m.end) for m in out]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    # acronyms: ORG when their expansion is an ORG (or a known organisation)
    org_texts = {alias_key(m.text) for m in out if m.label == "ORG"}
    for acr, expansion in abbrevs.items():
        is_org = alias_key(expansion) in org_texts or alias_key(expansion) in lex.orgs
        if not is_org:
            continue
        for hs, he in occurrences(text, acr):
            if free(hs, he):
                out.append(Mention(hs, he, "ORG", acr, source="rule"))
                taken.append((hs, he))
    out = _defined_bodies(text, out, abbrevs, body_words)
    taken = [(m.start, m.end) for m in out]
    # persons: full names in this document, and the short forms that refer back to them
    unique = person_short_forms(out)
    for word in [w for w in unique if w in lex.peoples or w in lex.demonyms]:
        del unique[word]  # "Maori" of a model's "te Ao Maori" is a people, no one's surname
    for m in out:  # the model took a surname for an organisation or a place
        if m.label in ("ORG", "PLACE") and m.source == "model" and m.text in unique:
            m.label = "PERSON"
    # the full name again where the model read nothing ("... Lawyer X\n\nTony Mokbel may not have"),
    # before its short forms, so that no surname alone is taken out of it
    names = {m.text for m in out if m.label == "PERSON" and " " in m.text and "\n" not in m.text
             and not re.search(r"\b[A-Z]\.$", m.text)}  # not "Stefan E." of "the vessel Stefan E. Sank"
    bodies = [m.text for m in out if m.label == "ORG"]

    given = given_names()
    # a person's name, by its first name ("Nord Stream" and "Continued Presence" are no one's), no
    # company's ("Rite Aid" of "Rite Aid Corporation")
    names = {n for n in names if n.split()[0] in given and not any(n in b for b in bodies)}
    for name in sorted(names, key=len, reverse=True):
        for hs, he in occurrences(text, name):
            # alone: not a part of a longer name ("Stefan E. Sank")
            if free(hs, he) and not re.match(r"\s*(?:\(|-|[A-Z])", text[he:he + 3]) \
                    and not re.search(r"[A-Z][\w’'.-]*[ \t]+$", text[max(0, hs - 30):hs]):
                out.append(Mention(hs, he, "PERSON", name, source="rule"))
                taken.append((hs, he))
    for short in sorted(unique, key=len, reverse=True):
        for hs, he in occurrences(text, short):
            if free(hs, he):
                out.append(Mention(hs, he, "PERSON", short, source="rule"))
                taken.append((hs, he))
    # an acronym whose expansion is a programme, project or report is not an organisation ("CCP"),
    # unless the lexicon knows that expansion as one ("Organized Crime and Corruption Reporting Project")
    def long_form(acr: str) -> str | None:  # "HIDTAs" is the plural of a defined "HIDTA"
        return abbrevs.get(acr) or (abbrevs.get(acr[:-1]) if acr.endswith("s") and acr[:-1].isupper() else None)

    posts = person_titles(lex)  # ... nor one whose expansion is a person's post ("Director General of Police (DGP)")
    out = [m for m in out if not (
        m.label == "ORG" and (long := long_form(m.text)) is not None and alias_key(long) not in lex.orgs
        and (alias_key(long) in non_entities or long.split()[-1].lower() in heads or name_head(long) in heads
             or long.lower() in posts))]
    # fill resolved / canonical
    org_texts = {m.text.strip() for m in out if m.label == "ORG"}
    generic = set(lex.rules.get("org", {}).get("generic_body_words", []))
    for m in out:
        resolved = m.text
        if m.label == "ORG" and m.text in abbrevs and not lex.org_case_sensitive.get(m.text):
            resolved = abbrevs[m.text]
        elif m.label == "PERSON" and m.text in unique and m.text != unique[m.text]:
            resolved = unique[m.text]
        elif m.label == "ORG":
            resolved = qualify_generic_body(text, m, lex, org_texts, generic) or resolved
        m.resolved = resolved
        m.canonical = lex.canonical(m.label, resolved)
    out.sort(key=lambda m: (m.start, m.end))
    return out



_THE = re.compile(r"^(?:the|The)\s+")


def _body_and_country(name: str, lex: Lexicon, generic: set[str]) -> tuple[str, str | None] | None:
    """Split a generic state body's name into (body, country): "Kyrgyz Ministry of Internal
    Affairs", "Iraq's Ministry of Interior" and "Ministry of Interior of Iraq" name their
    country; a bare "National Police" gives (name, None). None: not a generic body."""
    name = _THE.sub("", name.strip())
    words = name.split()
    body, country = name, None
    for n in (2, 1):
        head = re.sub(r"(?:'s|’s)$", "", " ".join(words[:n]))
        if len(words) > n and lex.country_of(head):
            body, country = " ".join(words[n:]), lex.country_of(head)
            break
    else:
        tail = re.fullmatch(r"(.+)\s+(?:of|in|for)\s+(?:the\s+)?(.+)", name)
        if tail and lex.country_of(tail.group(2)):
            body, country = tail.group(1), lex.country_of(tail.group(2))
    if not body or not all(w.lower() in generic for w in re.findall(r"[\w'’-]+", body)):
        return None
    return body, country


# a full stop that ends a sentence (not the one in "U.S." or "St.")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bSt)(?<!\bMt)[.!?;:]\s+(?=[A-Z]|$)")


def qualify_generic_body(text: str, m: Mention, lex: Lexicon, org_texts: set[str], generic: set[str]) -> str | None:
    """"the Ministry of Internal Affairs" of which country? A generic state body (every word of
    its name, but the country, in ``rules.toml`` [org] ``generic_body_words``) is named
    "<body> of <country>", whichever way the text writes it: "Kyrgyz Ministry of Internal
    Affairs", "Kyrgyzstan's ..." or "... of the Kyrgyz Republic". A bare one takes the country
    written just before it in the same sentence, or else the one country the document gives
    that body. ``generic``: the generic body words. Known organisations keep their lexicon
    name. None: nothing to qualify."""
    name = _THE.sub("", m.text.strip())
    if lex.org_case_sensitive.get(name) or lex.orgs.get(alias_key(name)):
        return None
    split = _body_and_country(name, lex, generic) if generic else None
    if split is None:
        return None
    body, country = split

    def named(b: str, c: str) -> str:
        """The lexicon's form when it knows this body ("Bulgarian Customs Agency"), else "<b> of <c>"."""
        of = f"{b} of {'the ' if c in lex.the_countries else ''}{c}"
        for form in [*(f"{d} {b}" for d, dc in lex.demonyms.items() if dc == c), f"{c} {b}", of]:
            if lex.orgs.get(alias_key(form)) or lex.org_case_sensitive.get(form):
                return form
        return of

    if country:
        return named(body, country)
    before = _SENTENCE_END.split(text[max(0, m.start - 40): m.start])[-1]
    words = re.search(r"(?:([A-Z][\w.]*)\s)?([A-Z][\w.]*?)(?:'s|’s)?\s+(?:the\s+)?$", before)
    if words:  # "Iraq's Ministry of Interior"; a two-word place is read whole ("Northern Ireland's")
        two = f"{words.group(1)} {words.group(2)}" if words.group(1) else None
        if two and (lex.country_of(two) or lex.places.get(alias_key(two))):
            country = lex.country_of(two)
        else:
            country = lex.country_of(words.group(2))
    if country:
        return named(body, country)
    # the document names it with its country elsewhere: "the Haitian National Police ... the National Police"
    others = {named(b, c) for t in org_texts if (sp := _body_and_country(t, lex, generic))
              and (b := sp[0]) == body and (c := sp[1])}
    return next(iter(others)) if len(others) == 1 else None


def apply_user_fate(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """The user's clean-up from the aliases file: a name marked ``drop`` is no entity, one marked
    ``relabel`` takes its label (and the canonical name for that label)."""
    if not lex.user_fate:
        return mentions
    out = []
    for m in mentions:
        fate = lex.fate(m.label, m.resolved or m.text, m.text, m.canonical)
        if fate == "":
            continue
        if fate and fate != m.label:
            m.label = fate
            m.canonical = lex.canonical(fate, m.resolved or m.text)
            m.attrs = {**m.attrs, "user": "relabel"}
        out.append(m)
    return out
