"""Document-level entity resolution: one entity, one label per document, decided by evidence.

The statistical model labels each sentence on its own, so one person can come out as ORG in
one sentence, PLACE in the next and PERSON in a third ("Zambada"). This stage looks at the whole
document:

* **Nicknames.** A quoted name introduced after a person ("Nestor Isidro Perez Salaz, known as
  “El Nini”", "Joaquín Guzmán, alias “El Chapo”") is that person; every later occurrence of
  the nickname is a PERSON mention resolved to the full name.
* **Administrations named after people.** "the Trump Administration", "the Biden-Harris
  administration": when the names are people of this document, they are PERSON mentions and
  the administration is not an organisation.
* **Known people.** Names from ``models/people.toml`` (heads of state, ministers, traffickers
  known by nickname: people the small model never saw) are PERSON wherever the model called them
  something else or missed them, with one canonical name for every listed form.
* **Acronyms in context.** A bare acronym the organisation lexicon knows for one country's body
  ("DPCI": South Africa's Directorate for Priority Crime Investigation) keeps its own name when the
  text ties it to another country right before it ("the Colombian DPCI") and does not define it.
* **Governments are their countries.** "the Government of Canada", "the Governments of Mexico and
  the United States": the country is a PLACE, the government no organisation; "the Mexican
  Government" is no entity (a nationality and a common noun).
* **Common nouns are no names.** A single capitalised word the model calls a person or an
  organisation that the same document also writes in lower case, and that is an English word (wordfreq Zipf 3 or more:
  "the Cartel" beside "the cartel's leaders"), is not a name -- unless the document names it,
  without an article, at least three times as often as it writes the lower-case word ("Google"
  twelve times, "google" once; not "the Budget").
* **Headings are not names.** Several upper-case words of an upper-case heading line are no
  organisation or person unless a lexicon knows them.
* **Full names.** A model ORG of two or three capitalised words that ends in a surname the
  document gives a person on its own ("Lydia Sheffield" in a heading, "Ms. Sheffield" later) is
  that person.
* **Posts name people.** A first name and surname followed by the post they hold ("- Anne
  Milgram, the Administrator of ...") are a person where the model read nothing.
* **Generic heads and district offices.** A lower-case "cartel" is outside the organisation's
  span ("the [Sinaloa] cartel", "the [Sinaloa] and [Jalisco] cartels"); "the U.S. Attorney's Office
  for the Southern District of Texas" is one organisation (``rules.toml``, ``[org]``).
* **One label per name.** Model mentions that share their text with a lexicon or rule mention
  take its label (lexicons are almost always right); otherwise a clear majority of the model's
  own labels for that text (two to one or better) decides for the rest.
* **A company by its short name.** Once the document names a company with its legal form
  ("Ecolab Inc", "Qintex America Ltd"), the name without it ("Ecolab said", "Qintex America",
  and a first word no dictionary knows: "Qintex") is that company wherever it stands.
* **Lines in capitals.** A name the document writes in its sentences ("ChemLawn", "Du Pont",
  "Rostenkowski") is the same entity where a line in capitals writes it ("ECOLAB STARTS BID FOR
  CHEMLAWN", "ROSTENKOWSKI OPPOSES ...").

Pure: returns a new list, never modifies its input.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache

from docmine.nlp.canonical import NAME_JOINERS, person_titles
from docmine.nlp.doctext import CAPS_LINE
from docmine.nlp.lexicon import alias_key
from docmine.nlp.mention import Mention
from docmine.nlp.rules.base import KIND_RULES, MONTHS, POSS_TOKENS, WEEKDAYS
from docmine.nlp.wordscan import occurrences

# a quoted name of one to three capitalised words right after a person's: "José Antonio Yépez, “El
# Marro”", "Ovidio Guzmán “El Ratón” (January 2023)"; not a quotation ("Smith, “We will”")
_NICK_AFTER = re.compile(r"^,?[ \t]*(?:[“\"]((?:El|La|Los|Las|[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2})[”\"]"
                         r"|[‘']((?:El|La|Los|Las|[A-Z][\w-]+)(?: [A-Z][\w-]+){0,2})[’'])(?![\w])")
_KNOWN_AS_WORDS = r"known(?:\s+(?:online|only|simply|locally|publicly))?\s+as"
_NICK_INTRO = re.compile(
    r"^\s*,?\s*(?:\(|also\s+|(?:was|is|were|are)\s+(?:also\s+)?)?(?:" + _KNOWN_AS_WORDS + r"|alias|a\.k\.a\.?|a/k/a|aka"
    r"|dubbed|nicknamed|called"
    r"|(?:who|which)\s+(?:used|uses|went\s+by|goes\s+by|operated\s+under)\s+the\s+"
    r"(?:moniker|nickname|alias|handle|username|user\s+name|name|pseudonym)s?)\s+")
# a name the introduction gives: quoted, or a bare online handle; then the next after "and", "or", ","
_NICK_ITEM = re.compile(r"[“\"‘']@?([^”\"’'\n]{1,40}?)[”\"’']|@?([A-Za-z0-9][A-Za-z0-9_-]{2,30})(?![\w-])")
# the noun of a name someone goes by, with the name right after it: 'under the username “BTCKing”', 'the
# pseudonyms “mrdrogenkommandant” and “drogenfahndung”', 'under the alias Digitalink', 'market admin “Se7en”'
_ALIAS_NOUN = re.compile(r"(?<![\w-])(?:(?P<alias>alias(?:es)?|pseudonyms?|usernames?|user\s+names?|screen\s+names?"
                         r"|handles?|monikers?|nicknames?|nom\s+de\s+guerre|a/k/a|a\.k\.a\.?|aka"
                         r"|(?:accounts?|profiles?|vendors?|users?)\s+(?:named|called|dubbed))"
                         r"|(?P<role>admin|administrator|moderator|vendor|seller|user)"
                         r"|(?P<boss>leader|boss|kingpin|chief|head|founder),)\s+(?=[“\"‘'@A-Za-z0-9])")
_ALIAS_BARE = re.compile(r"(?:(?:el|la|los|las) )?[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*){0,2}(?![\w-])")
_REDDIT_USER = re.compile(r"(?<![\w/])/?u/([A-Za-z0-9_-]{3,30})(?![\w-])")
_NICK_SEP = re.compile(r",?\s+(?:and|or)\s+|,\s*")
_SURNAME_CAMEL = re.compile(r"(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz)[A-Z][a-z]+")  # McAllister, DeSantis
_KNOWN_AS = re.compile(r"(?<![\w-])" + _KNOWN_AS_WORDS + r"\s+")
_INNER_NICK = re.compile(  # Ismael “El Mayo” Zambada, Erick “el 85” Valencia Salazar (a Spanish article or a digit)
    r"(?<![\w-])(?P<first>[A-ZÀ-Ý][\w.'’-]+(?: [A-ZÀ-Ý][\w.'’-]+){0,2}) [“\"‘']"
    r"(?P<nick>(?:[A-ZÀ-Ý0-9]|(?:el|la|los|las) (?=\S))[^”\"’'\n]{1,30}?)[”\"’'] "
    r"(?P<last>[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+){0,2})(?![\w-])")
# Michel (Sky) Langlois: a nickname in brackets between a first name and a surname, one or two capitalised words
_PAREN_NICK = re.compile(
    r"(?<![\w-])(?P<first>[A-ZÀ-Ý][a-zà-ÿ'’-]+) \((?P<nick>[A-ZÀ-Ý][a-zà-ÿ'’-]+(?: [A-ZÀ-Ý][a-zà-ÿ'’-]+)?)\) "
    r"(?P<last>[A-ZÀ-Ý][a-zà-ÿ'’-]+(?: [A-ZÀ-Ý][a-zà-ÿ'’-]+)?)(?![\w-])")
# “El Chapo” Guzman, “El Nini” Pérez Salas: a quoted nickname and the surname, with no first name before
_NICK_SURNAME = re.compile(
    r"(?:[“\"]|(?<![\w'])')(?P<nick>(?:(?:El|La|Los|Las|el|la) )?[A-ZÀ-Ý0-9][\w’.-]*(?: [A-ZÀ-Ý0-9][\w’.-]*){0,2})"
    r"(?:[”\"]|(?<=\w)') "
    r"(?P<last>[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+){0,2})(?![\w-])")
_POST_BEFORE = re.compile(r"([A-Z][\w.-]*)\s+(?:to|in|at|for)\s+$")
_PLACE_PREPOSITION = re.compile(r"(?<![\w-])(?:in|from|of|at|near)\s+$")
_TO_BEFORE = re.compile(r"(?<![\w-])(?:to|into|towards)\s+$")
_ADMIN = re.compile(r"^(?P<names>.+?)[\s-]+(?P<head>[Aa]dministration|[Gg]overnment|[Ee]ra|[Cc]abinet)$")
_LABELS = ("PERSON", "ORG", "PLACE")


def _copy(m: Mention, **changes) -> Mention:
    d = {**m.__dict__, "attrs": dict(m.attrs)}
    d.update(changes)
    return Mention(**d)


def _person_names(mentions: list[Mention]) -> dict[str, str]:
    """Every PERSON text and its name parts -> the fullest name it belongs to."""
    names: dict[str, str] = {}
    for m in sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: -len(m.text)):
        full = m.resolved or m.text
        names.setdefault(m.text, full)
        for part in m.text.split():
            if part[:1].isupper() and len(part) > 2:
                names.setdefault(part, full)
    return names


def _nicknames(text: str, mentions: list[Mention], titles: frozenset[str] = frozenset(),
               given: frozenset[str] = frozenset(), things: frozenset[str] = frozenset(),
               people_words: frozenset[str] = frozenset()) -> list[Mention]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from docmine.nlp.gazetteer import dictionary_words

    dictionary = dictionary_words()
    out = list(mentions)
    nicks: dict[str, str] = {}
    for hit in [*_INNER_NICK.finditer(text), *_PAREN_NICK.finditer(text)]:
        s, e = hit.start(), hit.end()
        first = hit.group("first").split(" ")
        while len(first) > 1 and first[0].lower().rstrip(".") in titles:  # "Leader Juan “El Huevo” ..."
            s += len(first.pop(0)) + 1
        if first[0].lower().rstrip(".") in titles or hit.re is _PAREN_NICK and first[0] not in given:
            continue  # "Special Agent (Ret.) Smith": a post, no first name; a bracket after a first name only
        # "Plaza Boss in Colima Aldrin Miguel “El Chaparrito” ...": after a preposition, a first word
        # that is no given name is the place the sentence names, not the person's
        while len(first) > 1 and given and first[0] not in given and _PLACE_PREPOSITION.search(text[max(0, s - 8):s]):
            s += len(first.pop(0)) + 1
        inside = [m for m in out if m.start < e and s < m.end]
        # evidence that this is a person: the model saw a name here, and no lexicon entry did
        if not any(m.source == "model" for m in inside) or any(m.source == "lexicon" for m in inside):
            continue
        full = f"{' '.join(first)} {hit.group('last')}"
        out = [m for m in out if m not in inside]
        out.append(Mention(s, e, "PERSON", text[s:e], resolved=full, source="rule", attrs={"rule": "nickname"}))
        nicks[hit.group("nick").strip().rstrip(",.")] = full
        nicks[hit.group("last")] = full
    for hit in _NICK_SURNAME.finditer(text):
        # the guidelines: a nickname inside a name is inside the span, "“El Chapo” Guzman" one PERSON
        # ("El Chapo” Guzman", without the opening quote, as a leading quote is never in a span)
        s, e = hit.start("nick"), hit.end()
        if re.search(r"[A-ZÀ-Ý][\w.'’-]*\s$", text[max(0, hit.start() - 30):hit.start()]):
            continue  # a first name before: "Ismael “El Mayo” Zambada" (see _INNER_NICK)
        inside = [m for m in out if m.start < e and s < m.end]
        if not any(m.start < hit.end("nick") for m in inside) \
                or any(m.start < s or m.end > e or m.label not in ("PERSON", "ORG", "PLACE")
                             or m.label != "PERSON" and m.source != "model" for m in inside) \
                or any(w.lower() in dictionary or w.lower() in STOP_WORDS for w in hit.group("last").split()) \
                or hit.group("nick").endswith("."):
            continue  # no name read here, a longer name or a known body or place holds part of it, the
            # word after the quote is an everyday one ("“Hotel California” Monday", "... Council.” The
            # plan"), or the quote ends a sentence
        # named by the nickname, which the people lexicon or the document's full name resolves
        named = next((m for m in inside if m.start == s and m.label == "PERSON" and m.resolved), None)
        full = named.resolved if named is not None else hit.group("nick")
        out = [m for m in out if m not in inside]
        out.append(Mention(s, e, "PERSON", text[s:e], resolved=full, source="rule", attrs={"rule": "nickname"}))
    for m in mentions:
        if m.label != "PERSON":
            continue
        introduced = _introduced_names(text, m.end)
        after = _NICK_AFTER.match(text[m.end: m.end + 40]) if not introduced else None
        said = after.group(1) or after.group(2) if after else ""
        if said and (said.split()[0] in ("El", "La", "Los", "Las")
                     or not any(w.lower() in dictionary for w in said.split())):
            introduced = [said.strip().rstrip(",.")]  # not an everyday word: 'Ana Ruiz “Thanks”'
        for nick in introduced:
            nicks[nick] = m.resolved or m.text
    # an online handle is a person's name wherever the document uses it: one a market noun
    # introduced ("accounts named RichieRich, happyman and BITCOINS", rule person.handle) or one
    # "known as" gives after whoever it is ("a self-proclaimed ‘psychonaut’, was known online as PlutoPete")
    handles = {m.text for m in mentions if m.attrs.get("rule") == "person.handle"}
    starts = sorted(m.start for m in mentions if m.label == "PERSON")
    handles.update(n for hit in _KNOWN_AS.finditer(text)
                   if (not _thing_before(text, hit.start(), things)
                       or _noun_right_before(text, hit.start(), people_words))
                   and _person_before(text, hit.start(), starts, people_words)
                   for n in _introduced_names(text, hit.start(), intro=False)
                   if _handle_shaped(n) or text.find("@" + n, hit.start(), hit.end() + 40) >= 0
                   or re.match(r"\s*[“\"‘']" + re.escape(n), text[hit.end():hit.end() + 80]))
    handles.update(_alias_names(text))
    people = {m.text for m in mentions if m.label == "PERSON" and _handle_shaped(m.text)}
    added = _coordinated_handles(text, handles | {n for n in nicks if _handle_shaped(n)} | people) - people
    for h in sorted(added, key=lambda h: (text.find(h), h)):  # the first written form names the handle
        if not any(h.casefold() == n.casefold() for n in nicks):
            nicks[h] = h
    if not nicks:
        return out
    for nick, full in nicks.items():
        for s, e in _nick_occurrences(text, nick):
            clash = [m for m in out if m.start < e and s < m.end]
            same = [m for m in clash if m.label == "PERSON" and (m.start, m.end) == (s, e)]
            if same:  # the model found the nickname itself: it refers to the full name
                out = [_copy(m, resolved=full, attrs={**m.attrs, "rule": m.attrs.get("rule") if m.source == "lexicon"
                                                      else "nickname"}) if m in same else m for m in out]
                continue
            if any(m.label == "PERSON" and m.start <= s and m.end >= e for m in clash):
                continue
            # a handle's first word the market-noun rule took ("BTH" of “BTH-OVERDOSE”) gives way to the whole
            if any(m.source == "lexicon"
                   and not (m.attrs.get("rule") == "person.handle" and s <= m.start and m.end <= e) for m in clash):
                continue
            out = [m for m in out if m not in clash]
            out.append(Mention(s, e, "PERSON", text[s:e], resolved=full, source="rule",
                               attrs={"rule": "nickname"}))
    return out


def _handle_shaped(word: str) -> bool:
    """One word with small letters and a digit, a capital right after a small letter or a word in
    capitals run into a capitalised one: an online handle ("alpha02", "PlutoPete", "DNMKingpin"); not a
    plain word, a code ("HY-2") or a surname ("McAllister")."""
    return re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]{2,30}", word) is not None and not _SURNAME_CAMEL.fullmatch(word) \
        and any(c.islower() for c in word) \
        and (any(c.isdigit() for c in word) or re.search(r"[a-z][A-Z]|[A-Z]{2}[a-z]", word) is not None)


def _listed(text: str, i: int, read: Callable[[int], tuple[str | None, int] | None]) -> Iterator[str]:
    """The names of a list that starts at ``i``: ``read(i)`` gives one item's name (``None`` for an
    item that names nobody: the list goes on) and its end, or ``None`` where the list ends; items
    are joined by "and", "or" or a comma."""
    while (item := read(i)) is not None:
        name, end = item
        if name:
            yield name
        sep = _NICK_SEP.match(text, end)
        if not sep:
            return
        i = sep.end()


def _introduced_names(text: str, pos: int, intro: bool = True) -> list[str]:
    """The names an introduction right at ``pos`` gives ("known as “El Mayo”", "alias Fito", "was
    known as “admin” and “alpha02”"): a quoted name in capitals or any online handle, quoted or bare,
    each after "and", "or" or a comma (a quoted everyday word is skipped: "admin"). With
    ``intro=False`` ``pos`` is where "known as" starts."""
    window = text[pos: pos + 160]
    hit = (_NICK_INTRO if intro else _KNOWN_AS).match(window)
    if not hit:
        return []

    def read(i: int) -> tuple[str | None, int] | None:
        item = _NICK_ITEM.match(window, i)
        if not item:
            return None
        quoted, bare = item.group(1), item.group(2)
        name = (quoted or bare).strip().rstrip(",.")
        at = window[item.start(): item.start() + 2].lstrip("“\"‘'").startswith("@")  # "@5auth": a handle
        if quoted is not None and (name[:1].isupper() or _handle_shaped(name) or at) \
                or bare is not None and (_handle_shaped(name) or at):
            return name, item.end()
        return (None, item.end()) if bare is None else None  # prose goes on: "known as Fito, the leader"

    return list(_listed(window, hit.end(), read))


_HANDLE_AFTER = re.compile(r"(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)[“\"]?"
                           r"([A-Za-z][A-Za-z0-9_-]{2,30})(?![\w-])")
_HANDLE_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][A-Za-z0-9_-]{2,30})[”\"]?(?:,[ \t]*|[ \t]+(?:and|or)[ \t]+)[“\"]?$")


def _coordinated_handles(text: str, known: set[str]) -> set[str]:
    """``known`` handles and the handle-shaped words listed with them ("DNMKingpin and NarcoBoss",
    "Trappy, DeSnake, Disc0"): a list of users' names goes on with users' names."""
    found = set(known)
    seen = {h.casefold() for h in known}  # a name in another case is the same handle ("NarcoBoss")
    todo = sorted(h for h in known if h)
    while todo:
        h = todo.pop()
        for s, e in _nick_occurrences(text, h):
            after = _HANDLE_AFTER.match(text, e)
            before = _HANDLE_BEFORE.search(text[max(0, s - 40):s])
            for hit in (after, before):
                name = hit.group(1) if hit else ""
                if name and _handle_shaped(name) and name.casefold() not in seen:
                    found.add(name)
                    seen.add(name.casefold())
                    todo.append(name)
    return found


def _alias_names(text: str) -> set[str]:
    """Names a noun of a name someone goes by gives right after it: quoted, any online handle, or
    (after "alias", "pseudonym", "username" ...) capitalised words ("under the alias Digitalink"; not
    after "the name", which a shop has too: 'under the name “Pygmalion”'); in a list ('the pseudonyms
    “mrdrogenkommandant” and “drogenfahndung”'); and a forum's user ("/u/SchwererGustav")."""
    from docmine.nlp.gazetteer import dictionary_words

    out = {hit.group(1) for hit in _REDDIT_USER.finditer(text)}
    for hit in _ALIAS_NOUN.finditer(text):
        if (hit.group("alias") or "").lower().startswith(("a/k/a", "a.k.a", "aka")) \
                and not re.search(r"[A-Z][\w.'’-]*[,\s]+$", text[max(0, hit.start() - 40):hit.start()]):
            continue  # "aka" after a name ("Damaso Lopez Nunez, aka Licenciado"), not after a thing ("firearms, aka")

        def read(i: int, hit: re.Match = hit) -> tuple[str | None, int] | None:
            item = _NICK_ITEM.match(text, i)
            bare = _ALIAS_BARE.match(text, i) if hit.group("alias") else None
            quoted = item.group(1) if item else None
            if hit.group("boss") and not (quoted is not None and quoted[:1].isupper() and len(quoted.split()) == 1
                                          and quoted.strip(",.").lower() not in dictionary_words()):
                return None  # after a leader and a comma only a quoted name, no word: 'whose leader, “Keylow”,'
            if item and quoted is not None and (len(quoted.split()) == 1 or quoted[:1].isupper()
                                                and len(quoted.split()) <= 3):
                name, end = quoted.strip().rstrip(",."), item.end()
            elif item and item.group(2) is not None and _handle_shaped(item.group(2)):
                name, end = item.group(2), item.end()
            elif bare and bare.group().split()[0].lower() not in ("the", "a", "an", "of", "in", "on", "to"):
                name, end = bare.group(), bare.end()
            else:
                return None
            if not hit.group("alias"):
                end = len(text)  # a role's or a leader's noun gives one name, no list
            return (name if name[:1].isalnum() else None), end + (1 if text[end:end + 1] in "”\"’'" else 0)

        out.update(_listed(text, hit.end(), read))
    return out


def _clause_start(text: str, pos: int, reach: int) -> int:
    """Where the sentence holding ``pos`` starts, looking back at most ``reach`` characters."""
    lo = max(0, pos - reach)
    return max(lo, text.rfind(". ", lo, pos), text.rfind("\n", lo, pos))


def _person_before(text: str, pos: int, starts: list[int], people_words: frozenset[str]) -> bool:
    """A person named earlier in the sentence before ``pos``, or a noun of a person in the six words
    before it ("a darknet analyst, known as ...")."""
    start = _clause_start(text, pos, 160)
    k = bisect_left(starts, start)
    if k < len(starts) and starts[k] < pos:
        return True
    return any(w.lower() in people_words for w in re.findall(r"[A-Za-z]+", text[start:pos])[-6:])


def _noun_right_before(text: str, pos: int, nouns: frozenset[str]) -> bool:
    """One of ``nouns`` among the two words right before ``pos``: "his partner, a vendor known only as"
    names a person whatever things the sentence named before."""
    return any(w.lower() in nouns for w in re.findall(r"[A-Za-z]+", text[max(0, pos - 40):pos])[-2:])


def _thing_before(text: str, pos: int, things: frozenset[str]) -> bool:
    """One of ``things`` ("market", "app") earlier in the sentence before ``pos``."""
    start = _clause_start(text, pos, 120)
    return any(w.lower() in things for w in re.findall(r"[A-Za-z]+", text[start:pos]))


def _nick_occurrences(text: str, nick: str) -> list[tuple[int, int]]:
    """Where the document uses ``nick``, and a one-word name written as a handle in another case
    ("NarcoBoss" for "Narcoboss"; not "Bitcoins" for the handle "BITCOINS")."""
    if " " in nick:
        return list(occurrences(text, nick))
    forms = {hit.group() for hit in re.finditer(re.escape(nick), text, re.IGNORECASE)}
    return sorted(o for f in forms if f == nick or _handle_shaped(f) or nick.islower() and f == nick.capitalize()
                  for o in occurrences(text, f))


_ADMIN_IN_TEXT = re.compile(
    r"(?<![\w-])[Tt]he (?P<names>[A-Z][a-z]+(?:[-–][A-Z][a-z]+)?)[ -][Aa]dministration(?![\w-])")


_OP_NAME = r"[\"“‘']?([A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*){0,2})"


@lru_cache(maxsize=8)
def _operation_pattern(words: tuple[str, ...]) -> re.Pattern:
    """An operation's name: after its word ("Operation Dark HunTOR") or "operation named/called X"."""
    alt = "|".join(map(re.escape, words))
    named = r"[Oo]peration,? (?:code-?)?(?:named|called|dubbed)"
    return re.compile(rf"(?<![\w-])(?:(?:{alt}) {_OP_NAME}|{named} {_OP_NAME})")


def _operation_names(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """An operation's name is no person, organisation or place wherever the document repeats it, or
    a part of it: "Operation Dark HunTOR ... a joint operation named Dark HunTOR", "[HunTOR]" (the
    domain stage blocks the name right after the operation's word; the model reads it elsewhere). A
    lexicon's name stays ("Operation Panama" and Panama the country)."""
    words = tuple(getattr(lex, "rules", {}).get("org", {}).get("operation_words", ()))
    if not words:
        return mentions
    names = set()
    for hit in _operation_pattern(words).finditer(text):
        name = hit.group(1) or hit.group(2)
        names.add(name)
        parts = name.split()
        names.update(" ".join(parts[i:]) for i in range(1, len(parts)) if len(parts[-1]) > 3)
    if not names:
        return mentions
    return [m for m in mentions if not (m.text in names and m.source != "lexicon" and m.label in _LABELS)]


def _administrations(text: str, mentions: list[Mention], known: dict[str, str], lex=None) -> list[Mention]:
    """"the Trump Administration", "the Biden-Harris administration": the people are PERSON
    mentions, the administration no entity. The names are this document's people, listed people,
    or (with ``lex``) surnames no dictionary, place list or nationality list knows ("the Reagan
    Administration")."""
    people = {**known, **_person_names(mentions)}

    def surname(p: str) -> bool:
        if p in people:
            return True
        if lex is None or len(p) < 3:
            return False
        from docmine.nlp.gazetteer import dictionary_words

        return p.lower() not in dictionary_words() and not lex.places.get(alias_key(p)) \
            and not lex.is_demonym(p)

    def person(p: str, s: int, m: Mention | None) -> Mention:
        return Mention(s, s + len(p), "PERSON", p, resolved=people.get(p, p), source="rule",
                       sentence=m.sentence if m else 0, attrs={"rule": "administration"})

    out = []
    for m in mentions:
        hit = _ADMIN.match(m.text) if m.label == "ORG" and m.source == "model" else None
        if hit:
            parts = [p for p in re.split(r"[\s-]+", hit.group("names")) if p]
            if parts and all(p[:1].isupper() and p[1:].islower() for p in parts) \
                    and (any(p in people for p in parts)
                         or hit.group("head").lower() in ("administration", "government")
                         and all(surname(p) for p in parts)):  # "the Howard Government" (Australia's)
                pos = m.start
                for p in parts:
                    s = text.index(p, pos, m.end)
                    out.append(person(p, s, m))
                    pos = s + len(p)
                continue
        out.append(m)
    if lex is not None:  # the model read nothing there, or one of the names ("the Biden-[Harris] administration")
        for hit in _ADMIN_IN_TEXT.finditer(text):
            a, b = hit.span("names")
            names = [(p.group(), a + p.start()) for p in re.finditer(r"[A-Z][a-z]+", hit.group("names"))]
            if not (all(surname(p) for p, _ in names) or any(p in people for p, _ in names)):
                continue
            # a model name over the names ("Biden-Harris" as one ORG) gives way to the people
            out = [m for m in out if not (m.source == "model" and m.label != "PERSON" and a <= m.start and m.end <= b)]
            out += [person(p, s, None) for p, s in names if _free(out, s, s + len(p))]
    return out


def _upper_line(text: str, s: int, e: int) -> bool:
    """Is the line around text[s:e] written in capitals ("DONALD J. TRUMP", "PRESIDENT TRUMP IS
    KEEPING HIS PROMISE")? A capitalised name in running text is no signature or heading."""
    letters = [ch for ch in _line_at(text, s, e) if ch.isalpha()]
    return len(letters) >= 6 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


_HYPHEN_WORD = re.compile(r"[-‐]([A-Z][A-Za-z]+)")


def _known_people(text: str, mentions: list[Mention], known: dict[str, str], lex) -> list[Mention]:
    if not known:
        return mentions
    out = list(mentions)
    upper, upper_pattern = lex.people_upper
    hits = [(h, known[h.group(0)]) for h in lex.people_pattern.finditer(text)]
    if upper_pattern is not None:
        hits += [(h, upper[h.group(0)]) for h in upper_pattern.finditer(text)
                 if _upper_line(text, h.start(), h.end())]
    for hit, canonical in hits:
        s, e = hit.start(), hit.end()
        joined = _HYPHEN_WORD.match(text, e)
        if joined and (lex.country_of(joined.group(1)) or lex.knows("PLACE", joined.group(1).title())):
            continue  # a company's name joined to a place: "Petro-Canada" is no Gustavo Petro
        clash = [m for m in out if m.start < e and s < m.end]
        if any(m.label == "PERSON" and m.start <= s and m.end >= e
               and (m.source != "model" or (m.start, m.end) != (s, e)) for m in clash):
            continue  # (the model's own span of a known name becomes the lexicon's: it is no heading)
        if any(m.source == "lexicon" or m.label not in _LABELS for m in clash):
            continue
        out = [m for m in out if m not in clash]
        out.append(Mention(s, e, "PERSON", hit.group(0), resolved=canonical, source="lexicon",
                           attrs={"rule": "people"}))
    return out


_GOV_OF = re.compile(r"^(?:[Tt]he\s+)?(?:[Gg]overnments?|GOVERNMENTS?)\s+of\s+(?:the\s+)?")


def _governments(text: str, mentions: list[Mention], lex) -> list[Mention]:
    out = []
    for m in mentions:
        if m.source == "model" and m.label in ("ORG", "PLACE"):
            hit = _GOV_OF.match(m.text)
            if hit:
                rest = m.text[hit.end():]
                if rest and (lex is None or lex.country_of(rest) or rest in getattr(lex, "the_countries", ())):
                    s = m.start + hit.end()
                    out.append(Mention(s, m.end, "PLACE", rest, sentence=m.sentence, source="rule",
                                       attrs={"rule": "government-of"}))
                continue
            words = m.text.split()
            if len(words) == 2 and words[1].lower() == "government" and lex is not None and words[0] in lex.demonyms:
                continue  # "the Mexican Government"
        out.append(m)
    return out


def _common_nouns(text: str, mentions: list[Mention], known: dict[str, str]) -> list[Mention]:
    from docmine.nlp.gazetteer import common_words

    people = _person_names([m for m in mentions if len(m.text.split()) > 1])
    lower: Counter | None = None
    # a name is written without an article: "Google", not "the Budget"
    named = Counter(m.text for m in mentions if m.label in ("PERSON", "ORG") and " " not in m.text
                    and not re.search(r"\b(?:[Tt]he|THE)\s+$", text[max(0, m.start - 5): m.start]))
    out = []
    for m in mentions:
        word = re.sub(r"^(?:[Tt]he)\s+", "", m.text)
        if m.label in ("PERSON", "ORG") and m.source == "model" and " " not in word and word[:1].isupper() \
                and not word.isupper() and word not in known and word not in people \
                and word.lower() in common_words(3.0):
            if lower is None:
                lower = Counter(re.findall(r"(?<![.!?]\s)(?<!^)\b[a-z][a-z-]+\b", text))
            n_lower = lower[word.lower()]
            if n_lower and not (named[word] >= 3 and named[word] >= 3 * n_lower):
                continue  # a name many times over, in lower case once ("Google" and "google is ...") stays
        out.append(m)
    return out


def _headings(text: str, mentions: list[Mention], org_words: frozenset[str] = frozenset()) -> list[Mention]:
    """Words of an upper-case heading ("CONTROLLING PORTS — NATIONAL/LOCAL GROUPS") that the model
    calls an organisation or a person are no entity unless a lexicon knows them; acronyms stay. A
    model organisation that is a whole Title Case line of its own ("New Substances" between two
    paragraphs) is a heading too, unless a body's word heads it ("Ministry of Interior")."""
    from docmine.nlp.canonical import name_head

    out = []
    for m in mentions:
        if m.source == "model" and m.label == "ORG" and " " in m.text and not m.text.isupper():
            line_start = max(text.rfind("\n", 0, m.start), -1) + 1
            line_end = text.find("\n", m.end)
            line = text[line_start: line_end if line_end >= 0 else len(text)]
            if line.strip() == m.text and name_head(m.text) not in org_words:
                continue
        if m.source == "model" and m.label in ("ORG", "PERSON") and len(m.text.split()) >= 2 and m.text.isupper():
            line_start = max(text.rfind("\n", 0, m.start), -1) + 1
            line_end = text.find("\n", m.end)
            line = text[line_start: line_end if line_end >= 0 else len(text)]
            letters = [c for c in line if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) / len(letters) > 0.9:
                continue
        out.append(m)
    return out


def _full_names(mentions: list[Mention], org_words: frozenset[str],
                given: frozenset[str] | None = None) -> list[Mention]:
    """A model ORG of two or three capitalised words ending in a surname this document gives a
    person on its own ("Lydia Sheffield" as ORG in a heading, "Ms. Sheffield" a PERSON) is that
    person. Not a name with a body's word ("Sheffield Police Department"), nor, when ``given``
    (first names, ``models/given_names.txt``) is known, one that does not start with a first name:
    a company or a product named after its founder ("Casa Luiz Caloi" beside "Caloi", "Mozilla
    Firefox")."""
    surnames = {m.text for m in mentions if m.label == "PERSON" and " " not in m.text and len(m.text) > 2}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.source == "model" and m.label == "ORG" and 2 <= len(words) <= 3 and words[-1] in surnames \
                and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words) \
                and not any(w.lower() in org_words for w in words) and (not given or words[0] in given):
            m = _copy(m, label="PERSON", attrs={**m.attrs, "rule": "full-name"})
        out.append(m)
    return out


def _surnames_again(mentions: list[Mention]) -> list[Mention]:
    """The model's body or place that is the surname (or another short form) of one person the
    document names in full is that person, also where a document rule found the full name
    ("Sedat Peker" a body to the model, a person by his first name; then "Peker left the
    country"). Resolution of names does this for the full names the model read as people."""
    from docmine.nlp.canonical import person_short_forms

    unique = person_short_forms(mentions)
    out = []
    for m in mentions:
        if m.source == "model" and m.label in ("ORG", "PLACE") and m.text in unique:
            m = _copy(m, label="PERSON", resolved=unique[m.text], attrs={**m.attrs, "rule": "surname"})
        out.append(m)
    return out


_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Aa]n?|[Ee]very|[Ee]ach)\s+$")


def _determined_names(text: str, mentions: list[Mention], given: frozenset[str]) -> list[Mention]:
    """A first name alone after an article or a demonstrative is a thing of that name, no person:
    "this Bill is still before the House" ("Bill said no" stays; a rule's person stays: "the Reagan
    administration")."""
    return [m for m in mentions if not (
        m.label == "PERSON" and m.source in ("model", "rule") and m.attrs.get("rule") is None and " " not in m.text
        and m.text in given and _DETERMINER_BEFORE.search(text[max(0, m.start - 8):m.start]))]


def _given_name_people(text: str, mentions: list[Mention], given: frozenset[str], org_words: frozenset[str],
                       lex) -> list[Mention]:
    """A model body or place of two words, a first name of the list and a surname no dictionary,
    place or organisation list knows, is a person: "while Faruk Orman had his murder conviction
    quashed", "an account for Emil Babadjov" (the model reads unfamiliar surnames as anything).
    Not before a company's noun or a legal form ("Calvin Klein shares", "Tommy Hilfiger Corp")."""
    from docmine.nlp.gazetteer import dictionary_form, dictionary_words

    dictionary = dictionary_words()
    out = []
    for m in mentions:
        words = m.text.split()
        if m.source == "model" and m.label in ("ORG", "PLACE") and m.attrs.get("rule") is None and len(words) == 2 \
                and words[0] in given and words[1].isalpha() and words[1][:1].isupper() and words[1][1:].islower() \
                and not dictionary_form(words[1].lower(), dictionary) \
                and words[1].lower() not in org_words and words[1].lower() not in _COMPANY_WORDS \
                and not _known_word(words[1], lex) and not _known_word(m.text, lex) \
                and not _COMPANY_AFTER.match(text, m.end):
            m = _copy(m, label="PERSON", attrs={**m.attrs, "rule": "first-name-surname"})
        out.append(m)
    return out


_GIVEN_BEFORE = re.compile(r"(?<![\w.’'-])([A-ZÀ-Ý][a-zà-ÿ]+) $")
_CAPITAL_BEFORE = re.compile(r"[A-ZÀ-Ý][\w.’'-]*[ \t]+$")


def _given_name_before_place(text: str, mentions: list[Mention], given: frozenset[str], lex) -> list[Mention]:
    """A first name of the list right before a one-word place is a person named like a town: "surpass
    Paloma Valencia of the CD", "Maria Salinas said" (rule ``given-place``). Not after another capitalised
    word (a longer place's name), not a first name that is an everyday word, and not where the two words
    are a place themselves."""
    from docmine.nlp.gazetteer import common_words, dictionary_words

    dictionary, common = dictionary_words(), common_words()
    index = _Index(mentions)
    by_span = {(x.start, x.end): x for x in mentions if x.label == "PERSON" or x.source == "model"}
    dropped: set[int] = set()
    added: list[Mention] = []
    for m in mentions:
        if m.label != "PLACE" or " " in m.text or not m.text[:1].isupper():
            continue
        hit = _GIVEN_BEFORE.search(text, max(0, m.start - 30), m.start)
        if hit is None:
            continue
        first = hit.group(1)
        s = hit.start(1)
        alone = by_span.get((s, hit.end(1)))
        if first not in given or first.lower() in dictionary or first.lower() in common \
                or alone is None and index.overlapping(s, hit.end(1)) \
                or _CAPITAL_BEFORE.search(text, max(0, s - 30), s) or _known_word(f"{first} {m.text}", lex):
            continue  # (the model's reading of the first name alone joins: "[Paloma] [Valencia]")
        dropped.update((id(m), id(alone)))
        added.append(Mention(s, m.end, "PERSON", text[s:m.end], resolved=text[s:m.end], source="rule",
                             attrs={"rule": "given-place"}))
    if not added:
        return mentions
    return sorted([*(x for x in mentions if id(x) not in dropped), *added], key=lambda m: (m.start, m.end))


_COMPANY_WORDS = frozenset({"bros", "cos", "corp", "inc", "ltd", "plc", "llc", "ag", "sa", "nv", "bv", "gmbh", "spa"})


_COMPANY_AFTER = re.compile(r"\s*(?:['’]s\s+)?(?:shares?|stock|Inc|Corp|Co|Ltd|LLC|Group|brand|stores?|products?)\b")


def _term_acronyms(text: str, mentions: list[Mention], lex=None) -> list[Mention]:
    """The model's name that is an acronym the document defines for a phrase in lower case is no
    name: "medication for opioid use disorder (MOUD)", "a continuing criminal enterprise (CCE)";
    nor one defined for a programme's, a law's or a plan's name ("the Narcotics Rewards Program
    (NRP)": ``[org] term_acronym_heads``). A name the lexicons know stays."""
    from docmine.nlp.canonical import term_acronyms

    if "(" not in text:
        return mentions
    heads = frozenset(getattr(lex, "rules", {}).get("org", {}).get("term_acronym_heads", ())) if lex is not None \
        else frozenset()
    terms = term_acronyms(text, heads)
    if lex is not None:
        terms = {t for t in terms if not (lex.orgs.get(alias_key(t)) or lex.places.get(alias_key(t)))}
    if not terms:
        return mentions
    return [m for m in mentions if not (m.source == "model" and m.label in _LABELS and m.text in terms)]


def _free(mentions: list[Mention], s: int, e: int) -> bool:
    return not any(m.start < e and s < m.end for m in mentions)


class _Index:
    """The mentions of one pass by start offset: which overlap a stretch of text, in O(log n + k)
    (a long document holds thousands of addresses or members' names; a scan per hit is quadratic)."""

    def __init__(self, mentions: list[Mention]):
        self.ms = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.ms]
        self.reach = max((m.end - m.start for m in self.ms), default=0)

    def overlapping(self, s: int, e: int, gone: set[int] | frozenset[int] = frozenset()) -> list[Mention]:
        lo, hi = bisect_left(self.starts, s - self.reach), bisect_left(self.starts, e)
        return [m for m in self.ms[lo:hi] if m.start < e and s < m.end and id(m) not in gone]


_CAPS_MEMBER = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Dr)\.?[ ]+([A-Z]{3,}(?:[- ][A-Z]{3,})?)"
                          r"(?=[.,:;)]|[ ]of[ ][A-Z])")
_SEAT = re.compile(r"\b(?:[Mm]ember|MP|MPs|MLA|MPP|MSP|MHA|MNA|TD)(?:[ ]of[ ]Parliament)?[ ]for[ ]+"
                   r"((?:the[ ])?[A-Z][\w'’]*(?:[- ](?:and[ ]|upon[ ]|on[ ]|under[ ])?[A-Z][\w'’]*)*)")


def _parliament_names(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """Parliamentary records: a member's name written in capitals after a form of address is a
    person ("Ms. KAPTUR. Mr. Speaker, ...", "Mr. SMITH of Texas."; rule ``person-member``), not a
    name a list knows ("Mr. FBI" is none); a member's seat is a place ("MP for Waiariki", "the
    member for Wigan", "Member of Parliament for Te Tai Tokerau"; rule ``place-seat``): a model
    person or body there gives way."""
    index, gone, added = _Index(mentions), set[int](), list[Mention]()
    for hit in _CAPS_MEMBER.finditer(text):
        s, e = hit.span(1)
        if _known_word(hit.group(1), lex):
            continue
        inside = index.overlapping(s, e, gone)
        if not inside:
            added.append(Mention(s, e, "PERSON", hit.group(1), source="rule", attrs={"rule": "person-member"}))
        elif len(inside) == 1 and (inside[0].start, inside[0].end) == (s, e) and inside[0].source == "model":
            # the model's reading stays, with the evidence the span filter heeds
            gone.add(id(inside[0]))
            added.append(_copy(inside[0], label="PERSON", attrs={**inside[0].attrs, "rule": "person-member"}))
    for hit in _SEAT.finditer(text):
        s, e = hit.span(1)
        if text[s:e].startswith("the "):
            s += 4
        inside = index.overlapping(s, e, gone)
        if any(m.label == "PLACE" or m.source == "lexicon" or m.start < s or m.end > e for m in inside):
            continue
        gone.update(id(m) for m in inside)
        added.append(Mention(s, e, "PLACE", text[s:e], source="rule", attrs={"rule": "place-seat"}))
    return [m for m in mentions if id(m) not in gone] + added if added else mentions


_QUOTE_SPEAKER = re.compile(r"[,?!][”\"]\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+"
                            r"(?:said|says|added|told|asked|explained|noted|stressed|argued|warned)\b")


def _quote_speakers(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """The one-word name that speaks after a quotation is a person: '"... in fact," Byrd said.'
    (mid-sentence, so its capital is a name's). Not a place, an organisation, a nationality or a
    drug the lexicons know, nor a word the document also writes in lower case ("Police")."""
    out = list(mentions)
    lower = text.lower()
    for hit in _QUOTE_SPEAKER.finditer(text):
        s, e = hit.span("name")
        name = hit.group("name")
        key = alias_key(name)
        if lex.places.get(key) or lex.orgs.get(key) or lex.is_demonym(name) \
                or lex.drug(name) is not None or name.lower() in lower and any(
                    occurrences(text.replace(name, ""), name.lower())):
            continue
        same = [k for k, m in enumerate(out) if (m.start, m.end) == (s, e) and m.source == "model"]
        if same:  # the model read it: the quotation is the evidence the span filter keeps
            k = same[0]
            out[k] = _copy(out[k], label="PERSON", attrs={**out[k].attrs, "rule": "quote-speaker"})
        elif _free(out, s, e):
            out.append(Mention(s, e, "PERSON", name, resolved=name, source="rule", attrs={"rule": "quote-speaker"}))
    return out


_SAID_NAME = re.compile(r"[,?!][”\"]\s+(?:said|says|added|explained|noted|stressed|argued|warned)\s+"
                        r"(?P<name>[A-Z][\w'’-]+(?:\s[A-Z][\w'’.-]+){1,3})(?=[,.;])"
                        # after a post and a comma or its bracketed acronym: "Assistant Commissioner of
                        # Organised and Serious Crime, Justin Kelly said:", "(DGP) Ashish Bhatia told"
                        r"|\w[,)][ ](?P<name2>[A-Z][\w'’-]+(?:\s[A-Z][\w'’.-]+){1,2})[ ](?:said|says|told|added)\b")


def _said_names(text: str, mentions: list[Mention], given: frozenset[str]) -> list[Mention]:
    """The name after a quotation and its verb of saying, opening with a first name, is a person:
    '"... hub for cocaine," said Cyril Gout, INTERPOL's ...' (the model read an ORG). What the
    model read there as an ORG or a place becomes the person; a lexicon's name stays, and so does a
    name with no first name ('," said Amnesty International.')."""
    if not given:
        return mentions
    out = list(mentions)
    for hit in _SAID_NAME.finditer(text):
        group = "name" if hit.group("name") else "name2"
        s, e = hit.span(group)
        if hit.group(group).split()[0] not in given:
            continue
        over = [m for m in out if m.start < e and s < m.end]
        if over and not all(m.source == "model" and m.label in _LABELS and s <= m.start and m.end <= e for m in over):
            continue
        if over and all(m.label == "PERSON" for m in over):
            continue
        out = [m for m in out if m not in over]
        if group == "name2" and not (over and len(over) == 1 and (over[0].start, over[0].end) == (s, e)):
            continue  # before its verb, only what the model read as the whole name
        out.append(Mention(s, e, "PERSON", hit.group(group), source="model" if over else "rule",
                           attrs={"rule": "said-name"}))
    return out


def _family_names(mentions: list[Mention], org_words: frozenset[str], lex) -> list[Mention]:
    """A model place or body of two or three capitalised words that ends in the surname of a person the
    document names is a relative: "Baktash Akasha and Ibrahim Akasha" (the model read a place, then a
    person; rule ``family-name``). Not a name a list knows, nor one with an organisation's word."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.source == "model" and m.label in ("ORG", "PLACE") and m.attrs.get("rule") in _MODEL_AS_READ \
                and 2 <= len(words) <= 3 and words[-1] in surnames and all(w[:1].isupper() for w in words) \
                and words[0].isalpha() and words[0][1:].islower() \
                and not any(w.lower() in org_words for w in words) and not _known_word(m.text, lex) \
                and not _known_word(words[0], lex):
            m = _copy(m, label="PERSON", attrs={**m.attrs, "rule": "family-name"})
        out.append(m)
    return out


_BYLINE = re.compile(r"(?:^|(?<=[\n|]))[ \t]*[Bb]y[ \t]+"
                     r"(?P<name>[A-ZÀ-Ý][A-Za-zÀ-ÿ.'’-]+(?:[ \t]+[A-ZÀ-Ý][A-Za-zÀ-ÿ.'’-]+){1,3})"
                     r"(?=[ \t]*(?:[;,|\n]|$))")


def _bylines(text: str, mentions: list[Mention], given: frozenset[str], lex) -> list[Mention]:
    """A byline's name is a person: "September 29, 1995|By EDMUND MAHONY; Courant Staff Writer", "By
    Jane Smith, Reuters" (a line or a field that opens with "By"; the first name on the list, in any
    case; rule ``byline``). What the model read there becomes the person."""
    out = list(mentions)
    for hit in _BYLINE.finditer(text):
        name = hit.group("name")
        words = name.split()
        if words[0].capitalize() not in given or _known_word(name, lex) or _known_word(name.title(), lex):
            continue
        s, e = hit.span("name")
        over = [m for m in out if m.start < e and s < m.end]
        if any(m.start < s or m.end > e or m.source == "lexicon" for m in over) \
                or over and all(m.label == "PERSON" for m in over):
            continue
        out = [m for m in out if m not in over]
        out.append(Mention(s, e, "PERSON", name, resolved=name, source="rule", attrs={"rule": "byline"}))
    out.sort(key=lambda m: (m.start, m.end))
    return out


# a capitalised word, Latin Extended-A letters too ("Milović", "Škaljari")
_LOWER = r"[^\W\d_A-ZÀ-ÖØ-Þ]"
_TITLE_WORD = rf"[A-ZÀ-ÖØ-ÞČĆŠŽĐŁŚŻŹŃŘŤĽ]{_LOWER}+(?:-[^\W\d_]+|[’'](?!s\b)[^\W\d_]+)?"
_NAME_RUN = re.compile(rf"(?<![\w’'.-]){_TITLE_WORD}(?: {_TITLE_WORD}){{1,4}}(?![\w-])(?![’'](?!s\b))")
_AGE_AFTER = re.compile(r",[ \t]*(?:aged[ \t]+)?(?:1[2-9]|[2-9]\d)[ \t]*,|[ \t]*\((?:1[2-9]|[2-9]\d)\)")
_ACT_BEFORE = re.compile(r"(?<![\w-])(?:arrested|detained|charged|sentenced|jailed|convicted|extradited|nabbed|"
                         r"apprehended|suspects?|defendants?|accused|lawyer|attorney|counsel|judge|magistrate|"
                         r"prosecutor|inspector|constable|sergeant|spokesperson|spokesman|spokeswoman|organi[sz]er|"
                         r"ringleader|leader|boss|kingpin|businessman|businesswoman|mayor|fugitive|smuggler|"
                         r"trafficker|dealer|courier)[ \t]+$")
# kinship before a name: "son of deceased Habibullah", "the wife of Ruhul Amin" (Bangladeshi and Pakistani
# police releases name suspects by their fathers)
_KIN_BEFORE = re.compile(r"(?<![\w-])(?:son|sons|daughter|daughters|wife|husband|brother|sister|father|mother|widow|"
                         r"nephew|niece|cousin)[ \t]+of[ \t]+(?:the[ \t]+)?(?:(?:late|deceased)[ \t]+)?$")
_KIN_AFTER = re.compile(r",?[ \t]+(?:son|daughter|wife|husband|widow)[ \t]+of[ \t]+(?:(?:the[ \t]+)?(?:late|deceased)"
                        r"[ \t]+)?[A-ZÀ-Ý]")  # "Salamatullah, son of deceased Habibullah"
# a post of a body and the body's capitalised name right before a name ("spokeswoman of RS Ministry of Interior")
_POST_OF_BODY = re.compile(r"(?<![\w-])(?:spokes(?:wo)?man|spokesperson|head|chief|director|minister|commander|"
                           r"president|member|judge|officer|leader|boss|prosecutor|deputy|secretary|governor|mayor)"
                           r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+(?:(?:of|for|in|and|on)\s+(?:the\s+)?)?){1,7}$")
_ACT_AFTER = re.compile(r"[ \t]+(?:(?:was|were|has[ \t]+been|had[ \t]+been)[ \t]+(?:arrested|detained|charged|"
                        r"sentenced|jailed|convicted|extradited|remanded|killed|shot|released|acquitted|accused|"
                        r"identified|found[ \t]+guilty)|said|says|told|admitted|pleaded|denied|confessed|testified|"
                        r"appeared|fled|escaped)\b|['’]s[ \t]+(?:wife|husband|son|daughter|brother|sister|father|"
                        r"mother|lawyer|lawyers|attorney|arrest|trial|home|house)\b")


def _unread_people(text: str, mentions: list[Mention], given: frozenset[str], org_words: frozenset[str],
                   lex) -> list[Mention]:
    """Two to five capitalised words the model read as nothing (or as a place or body inside them) are a
    person where the sentence says so and no word is an everyday word or a name a list knows (rule
    ``person-frame``): an age after them ("Olumide Adeyemi, 45, was"), an act of the law before or after
    them ("Police detained Chukwuemeka Obi", "... Micock were arrested"), kinship before them ("son of
    deceased Habibullah": one word is enough there), or another person joined to them by "and" ("Nelson
    Vivian George and Nedy Conrad Rodney Micock"). Names from everywhere that no first-name list holds
    and the small model never saw."""
    from docmine.nlp.gazetteer import common_words

    common = common_words()
    index = _Index(mentions)
    person_starts = {m.start for m in mentions if m.label == "PERSON"}
    person_ends = {m.end for m in mentions if m.label == "PERSON"}
    dropped: set[int] = set()
    added: list[Mention] = []

    def plain(w: str) -> bool:
        return w.lower() not in common or w in given

    titles = person_titles(lex)
    for hit in _NAME_RUN.finditer(text):
        words = hit.group().split(" ")
        s, e = hit.start(), hit.end()
        while words and (not plain(words[0]) or words[0].lower() in titles):
            s += len(words.pop(0)) + 1
        while words and not plain(words[-1]):
            e -= len(words.pop()) + 1
        if len(words) < 2 or not all(plain(w) for w in words) \
                or any(w.lower() in org_words or w.lower() in _COMPANY_WORDS for w in words):
            continue  # ("Norstar Bancorp said": an organisation's word)
        inside = index.overlapping(s, e)
        # a word only the gazetteer knows may open a name the model read as a person ("Devis [Rivera
        # Maradiaga] testified": Devis is a town too); else no word a list knows
        read = any(m.label == "PERSON" for m in inside)
        if any(_listed_word(w, lex) if read else _known_word(w, lex) for w in words) \
                or _known_word(" ".join(words), lex):
            continue
        if any(m.start < s or m.end > e or m.source != "model" or m.label == "PERSON" and (m.start, m.end) == (s, e)
               for m in inside):
            continue  # a longer mention, a list's or a rule's name, or the person read already (a shorter
            # one the model read grows: "Eliu [Elixander Lorenzana-Cordon], 43, arrived")
        before, after = text[max(0, s - 40):s], text[e:e + 60]
        joined = any(b in person_ends and text[b:s] in (" and ", ", ") for b in range(s - 5, s)) \
            or any(a in person_starts and text[e:a] in (" and ", ", and ") for a in range(e + 2, e + 7))
        if not (_AGE_AFTER.match(after) or _ACT_BEFORE.search(before) or _ACT_AFTER.match(after) or joined
                or _KIN_BEFORE.search(before) or _KIN_AFTER.match(after)
                or _POST_OF_BODY.search(text, max(0, s - 90), s)):
            continue
        dropped.update(id(m) for m in inside)
        added.append(Mention(s, e, "PERSON", text[s:e], resolved=text[s:e], source="rule",
                             attrs={"rule": "person-frame"}))
        person_starts.add(s)  # "Chukwuemeka Obi and Tunde Bakare": the next of a list joins it
        person_ends.add(e)
    # one word after kinship: "son of deceased Habibullah" (the frame is evidence enough for one word)
    for hit in _LONE_NAME.finditer(text):
        s, e = hit.span()
        w = hit.group()
        if not (_KIN_BEFORE.search(text, max(0, s - 40), s) or _KIN_AFTER.match(text, e)) or not plain(w) \
                or _known_word(w, lex) \
                or w.lower() in org_words or re.match(r"[ \t]+[A-ZÀ-Ý]", text[e:e + 2]):
            continue
        inside = index.overlapping(s, e)
        if any(m.start < s or m.end > e or m.source != "model" for m in inside) or not _free(added, s, e):
            continue  # (the model's own PERSON there takes the frame's rule: a one-word person it introduces)
        dropped.update(id(m) for m in inside)
        added.append(Mention(s, e, "PERSON", w, resolved=w, source="rule", attrs={"rule": "person-frame"}))
    if not added:
        return mentions
    return sorted([*(m for m in mentions if id(m) not in dropped), *added], key=lambda m: (m.start, m.end))


_POST_COMMA = re.compile(r"(?<![\w-])([a-z][a-z-]+),[ \t]*$")
_COMMA_BEFORE = re.compile(r",[ \t]*$")
_SAYING_AFTER = re.compile(r",[ \t]+(?:said|says|told|added|explained|noted|stated)\b")


def _post_comma_names(text: str, mentions: list[Mention], titles: frozenset[str], given: frozenset[str],
                      org_words: frozenset[str], lex) -> list[Mention]:
    """A name in apposition that the model read as a body or a place is a person: after a post and a
    comma ("the NDLEA spokesperson, Femi Babafemi."), or between commas before a verb of saying when it
    opens with a first name or initials ("social services, JP Smith, said"; rule ``post-name``). Names
    of two to four capitalised words that no list knows, and no organisation's word."""
    out = []
    for m in mentions:
        words = m.text.split()
        if m.source == "model" and m.label in ("ORG", "PLACE") and m.attrs.get("rule") in _MODEL_AS_READ \
                and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
                and not any(w.lower().strip(".,") in org_words for w in words) and not _known_word(m.text, lex) \
                and not any(_known_word(w, lex) for w in words):
            post = _POST_COMMA.search(text, max(0, m.start - 40), m.start)
            said = _SAYING_AFTER.match(text, m.end) and _COMMA_BEFORE.search(text, max(0, m.start - 3), m.start) \
                and (words[0] in given or re.fullmatch(r"[A-Z]{1,3}\.?", words[0]))
            if post and post.group(1) in titles or said:
                m = _copy(m, label="PERSON", attrs={**m.attrs, "rule": "post-name"})
        out.append(m)
    return out


_LIST_GAP = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)")


_SIBLINGS = re.compile(r"(?<![\w-])[Tt]he\s+((?:[A-ZÀ-Ý][\w'’-]+\s+){1,3})(?:brothers|sisters|siblings)\b")


def _sibling_names(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """The family name before "brothers" or "sisters" is a person's (rule ``siblings``): "the AA Cartel, run
    by the [Ardon] brothers", "the [Arellano Félix] brothers"; not a name a list knows as a body or place
    ("the Beltrán Leyva brothers" stays the organisation where the lexicon holds it) nor a band's everyday
    words ("the Blues Brothers" is capitalised and no such phrase)."""
    from docmine.nlp.gazetteer import common_words

    common = common_words()
    out, added = list(mentions), []  # type: list[Mention], list[Mention]
    for hit in _SIBLINGS.finditer(text):
        name = hit.group(1).strip()
        s, e = hit.start(1), hit.start(1) + len(name)
        if any(w.lower() in common for w in name.split()) or _listed_word(name, lex):
            continue
        inside = [m for m in out if m.start < e and s < m.end]
        if any(m.start < s or m.end > e or m.source != "model" and m.label != "PERSON" for m in inside):
            continue
        out = [m for m in out if m not in inside]
        added.append(Mention(s, e, "PERSON", name, resolved=name, source="rule", attrs={"rule": "siblings"}))
    return sorted(out + added, key=lambda m: m.start) if added else mentions


def _coordinated_people(text: str, mentions: list[Mention], org_words: frozenset[str], lex) -> list[Mention]:
    """A name the model read as a body, beside a person the document names in full, in a list joined by
    "and", "or" or a comma, is a person too (rule ``coordinated-person``): "the court sentenced Arocha, while
    [Sanchez] and Hinojosa received ..." after "Jose Hinojosa". The sentence-level reading
    (``person.coordinated``) sees only the model's labels; here the neighbour is a person by the
    document's full name. One to three capitalised words no list knows, no everyday or body's word."""
    from docmine.nlp.gazetteer import common_words

    common = common_words()
    out = list(mentions)
    for k, m in enumerate(out):
        words = m.text.split()
        if m.source != "model" or m.label != "ORG" or m.attrs.get("rule") not in _MODEL_AS_READ \
                or not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha()
                                                       for w in words) \
                or any(w.lower() in org_words or w.lower() in common or _known_word(w, lex) for w in words):
            continue
        for j in (k - 1, k + 1):
            if not 0 <= j < len(out):
                continue
            p = out[j]
            a, b = (p.end, m.start) if j < k else (m.end, p.start)
            if p.label == "PERSON" and p.resolved and p.resolved != p.text and " " in p.resolved \
                    and _LIST_GAP.fullmatch(text, a, b):
                out[k] = _copy(m, label="PERSON", attrs={**m.attrs, "rule": "coordinated-person"})
                break
    return out


_FROM = re.compile(r"\s(?:from|with)\s+(?:the\s+)?$")


def _known_word(w: str, lex) -> bool:
    """A word a place, organisation, nationality or drug list knows: no name part of a person (a
    city's alternate name unlike its own, "Bianchi", is no such word)."""
    from docmine.nlp.gazetteer import place_names

    return _listed_word(w, lex) or place_names().get(w, "alias") != "alias"


def _listed_word(w: str, lex) -> bool:
    """A word a place, organisation, nationality or drug list of the lexicons knows (no gazetteer)."""
    key = alias_key(w)
    return bool(lex.places.get(key) or lex.orgs.get(key) or lex.is_demonym(w) or lex.drug(w) is not None)


_PERSON_VERB_AFTER = re.compile(
    r"(?:['’]s\s+(?:office|lawyer|lawyers|attorney|wife|husband|son|daughter|brother|arrest|trial|passport)\b"
    r"|\s+(?:also\s+)?(?:said|says|told|added|denies|denied|pleaded|faces|faced|is\s+alleged|was\s+arrested"
    r"|was\s+sentenced|was\s+charged|has\s+been|had\s+been)\b)")
_BESIDE_PERSON = re.compile(r"\s+and\s+")
_MODEL_AS_READ = frozenset((None, "", "org.clean", "place.clean", "model.headline"))  # no rule's evidence
_SPEAKS_AFTER = re.compile(r"\s+(?:also\s+)?(?:said|says|told|added)\b")


def _name_parts(text: str, mentions: list[Mention], given: frozenset[str], lex) -> list[Mention]:
    """A person's first name or surname alone, once the document gives the full name, is that
    person ("Dragan Petrovski ... Dragan had links", "Ovidio Guzmán López ... Ovidio was
    trapped"): a model place of the part becomes PERSON (an organisation stays: a company named
    after its founder), and where the
    model read nothing the part is added (a first name the first-name list knows, or a surname
    no dictionary knows). Not a part two people of the document share, nor one a place, an
    organisation or a nationality list knows ("Salinas" stays a surname only where the model
    read a person)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from docmine.nlp.gazetteer import dictionary_words

    fulls: dict[str, set[str]] = defaultdict(set)
    firsts: set[str] = set()
    for m in mentions:
        words = m.text.split()
        if m.label != "PERSON" or len(words) < 2 or not all(w[:1].isupper() for w in (words[0], words[-1])):
            continue
        full = m.resolved or m.text
        for k, w in enumerate((words[0], words[-1])):
            if len(w) > 2 and w[1:].islower() and w.isalpha():
                fulls[w].add(full)
                if k == 0:
                    firsts.add(w)
    labels: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        labels[m.text].add(m.label)
    lone: set[str] = set()
    # a one-word name the model read as a person inside a sentence, and as nothing else
    # ("Akasha brothers [Baktash] and Ibrahim Akasha ... facing Baktash and Ibrahim")
    for m in mentions:
        if m.label == "PERSON" and m.source == "model" and m.attrs.get("rule") is None \
                and labels[m.text] == {"PERSON"} and m.text.isalpha() and m.text[1:].islower() \
                and len(m.text) > 2 and m.text not in fulls \
                and not _SENTENCE_OPEN.search(text, max(0, m.start - 4), m.start):
            fulls[m.text].add(m.text)
            lone.add(m.text)
    if not fulls:
        return mentions
    dictionary = dictionary_words()
    # a first name of the list is no everyday word (the list leaves those out), though a dictionary
    # may hold it as a famous person's ("Ibrahim")
    parts = {w: next(iter(f)) for w, f in fulls.items() if len(f) == 1 and not _known_word(w, lex)
             and (w in given or w.lower() not in dictionary) and w.lower() not in STOP_WORDS
             and (w not in firsts or w in given)}
    people = {m.text for m in mentions if m.label == "PERSON"}
    out = []
    for m in mentions:
        if m.source == "model" and m.label == "PLACE" and m.text in parts:  # not an ORG: "Ford" after "Henry Ford"
            m = _copy(m, label="PERSON", resolved=parts[m.text], attrs={**m.attrs, "rule": "name-part"})
        elif m.source == "model" and m.label == "PLACE" and " " not in m.text and not _known_word(m.text, lex) \
                and m.attrs.get("rule") != "place-resident" \
                and (m.text in given or m.text in people) and m.text.lower() not in dictionary \
                and not _PLACE_PREPOSITION.search(text[max(0, m.start - 8):m.start]) \
                and not _town_of_place(m.end, mentions, text):  # "of Delmar", "Blaine, Minnesota": a town
            # a first name no place list knows ("Ovidio, Ivan, and Alfredo"), or a name the document
            # calls a person elsewhere ("go next to Zolan" beside "Zolan, go ahead")
            m = _copy(m, label="PERSON", attrs={**m.attrs, "rule": "name-part"})
        out.append(m)
    # a surname that is also a word or a place ("Bridge", "Peace", "Monaco") is the person where the
    # sentence says so: a verb of a person after it, an owner of a person's things, or another person
    # beside it ("Bridge and Brennand have been charged", "Peace's office said", "Monaco also said")
    worded = {w: next(iter(f)) for w, f in fulls.items() if len(f) == 1 and w not in parts and w not in firsts
              and w.lower() not in STOP_WORDS and not lex.is_demonym(w)}
    if worded:
        index, gone, found = _Index(out), set[int](), list[Mention]()
        person_starts = {m.start for m in out if m.label == "PERSON"}
        found_at: list[tuple[int, int]] = []  # (start, end) of the names this loop adds, by start
    for w, full in worded.items():
        for s, e in occurrences(text, w, ".’'-", "-"):  # an owner too: "Peace’s office"
            beside = _BESIDE_PERSON.match(text, e)
            if not (_PERSON_VERB_AFTER.match(text, e) or beside is not None and beside.end() in person_starts) \
                    or _ARTICLE_BEFORE.search(text[max(0, s - 7):s]) \
                    or re.search(r"(?:[A-Z][\w’'-]*|\b(?:da|das|de|del|della|di|do|dos|du|van|von|der|den|al|el|bin))"
                                 r"\s+$", text[max(0, s - 30):s]):
                continue  # the end of a longer name ("Ana Paula dos Santos said")
            k = bisect_left(found_at, (s, -1))
            if any(a < e and s < b for a, b in found_at[max(0, k - 1):k + 1]):
                continue  # a name this loop added already
            inside = index.overlapping(s, e, gone)
            if inside and not all(m.start == s and m.end == e and (
                    m.source == "model" and m.label in ("PLACE", "ORG") and m.attrs.get("rule") in _MODEL_AS_READ
                    or m.label == "PLACE" and _SPEAKS_AFTER.match(text, e)) for m in inside):
                continue  # the model's bare reading gives way, a lexicon's place only when it speaks
                # ("Monaco also said"); a company a rule found stays ("Taft said" of Taft Broadcasting)
            gone.update(id(m) for m in inside)
            found.append(Mention(s, e, "PERSON", w, resolved=full, source="rule", attrs={"rule": "name-part"}))
            insort(found_at, (s, e))
            person_starts.add(s)
    if worded:
        out = [m for m in out if id(m) not in gone] + found
    index = _Index(out)  # by offset: a long document names a surname thousands of times
    for w, full in parts.items():
        for s, e in occurrences(text, w, ".’'-", "’'-"):
            # alone: not a word of a longer name the model did not read ("Dr. Alejandro Svarch Pérez",
            # "Stefan E. Sank"), nor a name's gloss (the words are whole words: what this loop adds
            # overlaps nothing it adds later)
            if not index.overlapping(s, e) and not re.match(r"\s*(?:\(|-|[A-Z])", text[e:e + 3]) \
                    and not re.search(r"[A-Z][\w’'-]*\s+$", text[max(0, s - 30):s]) \
                    and not ((w in lone or w in firsts) and _ARTICLE_BEFORE.search(text[max(0, s - 7):s])):
                # not after an article: "the Bassiani nightclub", "thanked the Emir" (after "Emir Nawaf")
                out.append(Mention(s, e, "PERSON", w, resolved=full, source="rule", attrs={"rule": "name-part"}))
    return out


def _town_of_place(end: int, mentions: list[Mention], text: str) -> bool:
    """A name ending at ``end`` is followed by a comma and a place: "Blaine, Minnesota", "Redmond,
    Wash." (a town and its state or country, not a person)."""
    return any(p.label == "PLACE" and 0 < p.start - end <= 2 and text[end:p.start].strip() == ","
               for p in mentions)


@lru_cache(maxsize=8)
def _event_pattern(heads: tuple[str, ...]) -> re.Pattern:
    """A storm's, operation's or ship's word and the name after it ("Hurricane Charley")."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, heads))})\s+([A-ZÀ-Ý][a-zà-ÿ]+)")


_LONE_NAME = re.compile(r"(?<![\w'’.-])[A-ZÀ-Ý][a-zà-ÿ]{2,}(?![\w'’-])")


_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]h(?:is|ese|ose))\s+$")


def _lone_given_names(text: str, mentions: list[Mention], given: frozenset[str], lex) -> list[Mention]:
    """A first name on its own is a person where the model read nothing: "go next to Colleen",
    "Ovidio, Ivan, and Alfredo" (a press call's moderator and reporters, brothers named by their
    first names); so is the model's one-word place or body that is one. Only a name of the
    first-name list that is no everyday word and that no dictionary, place, organisation, drug or
    nationality list knows, with no capitalised word right before or after it (a longer name is
    the model's to read)."""
    from docmine.nlp.gazetteer import common_words, dictionary_words, every_place_name

    dictionary, common = dictionary_words(), common_words()
    org = getattr(lex, "rules", {}).get("org", {})
    heads = (*org.get("storm_words", ()), *org.get("operation_words", ()),
             *(w for w in org.get("vessel_words", ()) if w[:1].isupper()))
    # a storm's, an operation's or a ship's name is no person wherever the document repeats it
    # ("Hurricane Charley ... Insurers said Charley"), as the domain stage blocks it
    events = {hit.group(1) for hit in _event_pattern(heads).finditer(text)} if heads else set()

    titles = person_titles(lex)
    makes = set(org.get("vehicle_makes", ()))

    def first_name(w: str, s: int, e: int) -> bool:
        if w not in given or w.lower() in dictionary or w.lower() in common or w in events or w.lower() in titles \
                or w.lower() in makes:
            return False  # "Among", "Media", "Grace": everyday words are on the first-name list too, and
            # titles ("Maj. Gen. Gary J. Volesky") and makes of cars ("drove a Porsche")
        if re.match(r"\s+[A-ZÀ-Ý]", text[e:e + 3]) or re.search(r"[A-ZÀ-Ý][\w.'’-]*\s+$", text[max(0, s - 30):s]):
            return False  # a capitalised word beside it: part of a longer name
        if _PLACE_PREPOSITION.search(text[max(0, s - 8):s]):
            return False  # "Gardaí in Milford", "of Delmar": a town named like a person
        if _TO_BEFORE.search(text[max(0, s - 8):s]) and w in every_place_name():
            return False  # "taken to Carlisle" (the city), not "go next to Colleen"
        if _ARTICLE_BEFORE.search(text[max(0, s - 7):s]):
            return False  # "the Dow", "a Libor rate", "its Irvine property": a person is rarely "the Dow"
            # ("that" is left out: "proves that Sharon has lost")
        if _town_of_place(e, mentions, text):
            return False  # "the behemoth Redmond, Wash., software company": a town and its state
        return not _known_word(w, lex)

    taken = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _ in taken]
    # the model's one-word place or body that is such a first name ("Ovidio, Ivan, and Alfredo": two places)
    out = [_copy(m, label="PERSON", attrs={**m.attrs, "rule": "given-name"})
           if m.source == "model" and m.label in ("ORG", "PLACE") and _LONE_NAME.fullmatch(m.text)
           and m.attrs.get("rule") != "place-resident"
           and first_name(m.text, m.start, m.end) else m for m in mentions]
    for hit in _LONE_NAME.finditer(text):
        s, e = hit.span()
        k = bisect_right(starts, s) - 1
        if k >= 0 and taken[k][1] > s or k + 1 < len(taken) and taken[k + 1][0] < e \
                or not first_name(hit.group(0), s, e):
            continue  # inside or against a mention, or no first name alone
        out.append(Mention(s, e, "PERSON", hit.group(0), resolved=hit.group(0), source="rule",
                           attrs={"rule": "given-name"}))
    return out


_PRONOUN = re.compile(r"(?<![\w'’-])(?:(?P<person>[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|[Hh]ers)"
                      r"|(?P<thing>[Ii]ts|[Ii]t(?=\s+(?:would|will|plans|planned|expects|expected|intends|"
                      r"intended|agreed|completed|reported|posted|sold|bought|acquired|aims|hopes|filed)\b)))"
                      r"(?![\w'’-])")
_PREPOSITIONS = frozenset(("with", "from", "of", "for", "in", "on", "at", "by", "to", "about", "over", "under", "into",
                           "through", "despite", "after", "before", "than"))
_WEAK_PERSON = ("person.speaker", "given-name", "quote-speaker", "one-label:ORG>PERSON", "one-label:PLACE>PERSON")


def _pronouns_after(text: str, name: str, named: bool = False) -> tuple[int, int]:
    """How often the document refers back to ``name`` as a thing ("its", "it would") and as a
    person ("he", "his", "her"): the first such pronoun after each occurrence, within four words
    of it and with no other name, comma or preposition between ("Landon said Kansas City Southern
    ... its" and "For Taiwan, Yeutter said that with its surplus" are no evidence). ``named``:
    only occurrences inside a sentence and after no article count, where a capital marks a name
    ("Rumor was that he", "an enraged Likudnik who is venting his" are none)."""
    thing = person = 0
    for s, e in occurrences(text, name, ".’'-", "’'-"):
        if named and (_SENT_START.search(text[max(0, s - 12): s]) or _ARTICLE_BEFORE.search(text[max(0, s - 8): s])):
            continue
        clause = re.split(r"[.,;:!?()\n\"“”]", text[e:e + 60], maxsplit=1)[0]
        hit = _PRONOUN.search(clause)
        if hit is None:
            continue
        before = clause[:hit.start()].split()
        if len(before) > 4 or re.search(r"(?<![\w'’-])[A-Z]", clause[:hit.start()]) \
                or before and before[-1].lower() in _PREPOSITIONS:
            continue
        thing, person = thing + bool(hit.group("thing")), person + bool(hit.group("person"))
    return thing, person


def _pronoun_agreement(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word name that the model read and a rule made a person (it speaks, it is on the
    first-name list) is a body where the document refers to it as "it" and never as "he" or
    "she": "Nokia says it plans", "Porsche expects its world volume" (people are "he" or "she").
    The first such pronoun after an occurrence, within four words of it and with no other name or
    comma between, is the evidence ("For Taiwan, Yeutter said that with its surplus" is none); "it"
    counts only before a company's verb ("it would", "it plans"), not as in "it was hard"."""
    names = {m.text for m in mentions if m.label == "PERSON" and m.source == "model" and " " not in m.text
             and m.attrs.get("rule") in _WEAK_PERSON}
    bodies = set()
    for name in names:
        thing, person = _pronouns_after(text, name)
        if thing and not person:
            bodies.add(name)
    if not bodies:
        return mentions
    return [_copy(m, label="ORG", attrs={**m.attrs, "rule": "pronoun-it"})
            if m.label == "PERSON" and m.source == "model" and m.text in bodies else m for m in mentions]


def _handle_words(lex) -> tuple[frozenset[str], frozenset[str]]:
    """``[person]`` handle_things, and handle_words with handle_people in lower case, built once per
    lexicon and kept on it."""
    if lex is None:
        return frozenset(), frozenset()
    words = vars(lex).get("_handle_words")
    if words is None:
        rules = getattr(lex, "rules", {}).get("person", {})
        words = vars(lex)["_handle_words"] = (
            frozenset(rules.get("handle_things", ())),
            frozenset(w.lower() for w in (*rules.get("handle_words", ()), *rules.get("handle_people", ()))))
    return words


def _evidence_words(lex) -> tuple[frozenset[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    """``[person]`` possessions, acts, acted_on and thing_possessions, built once per lexicon and kept on it."""
    words = vars(lex).get("_evidence_words")
    if words is None:
        rules = getattr(lex, "rules", {}).get("person", {})
        words = vars(lex)["_evidence_words"] = (
            frozenset(rules.get("possessions", ())), tuple(rules.get("acts", ())),
            frozenset(rules.get("acted_on", ())), frozenset(rules.get("thing_possessions", ())))
    return words


def _person_evidence(text: str, name: str, lex) -> tuple[int, int]:
    """(occurrences of ``name`` the document treats as a person's, as a thing's): a possession
    after its possessive, an act right after it, a deed right before it (``[person]`` possessions,
    acts, acted_on, thing_possessions in rules.toml), "he"/"his" or "its" after it."""
    possessions, acts, acted_on, things = _evidence_words(lex)
    person = thing = 0
    for s, e in occurrences(text, name, ".’'-", "-"):
        after = text[e:e + 60]
        owned = re.match(r"[’']s\s+((?:[\w-]+\s+){0,2}[\w-]+)", after)
        words = owned.group(1).lower().split() if owned else []
        if any(w in things for w in words):
            thing += 1
            continue
        said = after.lower().lstrip()
        before = re.search(r"([a-z]+)\s+$", text[max(0, s - 16):s])
        if any(w in possessions for w in words) \
                or any(said.startswith(a) and not said[len(a): len(a) + 1].isalpha() for a in acts) \
                or before is not None and before.group(1) in acted_on:
            person += 1
    pro_thing, pro_person = _pronouns_after(text, name, named=True)
    return person + pro_person, thing + pro_thing


def _people_by_evidence(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A one-word name the model read as a body or a place, that no lexicon or gazetteer knows and
    no rule labelled, is a person where the document treats it as a person at least twice and never
    as a thing (rule ``person-context``): "arrest Koffie ... Koffie’s passport" makes every "Koffie"
    and its capitals form "KOFFIE" a person; "Hansa’s administrators" or "its" keeps a body."""
    from docmine.nlp.gazetteer import dictionary_words

    names: dict[str, set[str]] = defaultdict(set)  # name -> its forms (as written, in capitals)
    fixed = set()
    for m in mentions:
        if m.label not in _LABELS:
            continue
        key = m.text.title() if m.text.isupper() else m.text
        if m.source != "model" or m.attrs.get("rule") in KIND_RULES:
            fixed.add(key)
        elif m.label in ("ORG", "PLACE") and re.fullmatch(r"[A-Z][a-zà-ÿ]+(?:[’'-][A-Za-zà-ÿ]+)?", key) \
                and len(key) >= 3:
            names[key].add(m.text)
    people = set()
    for key, forms in names.items():
        if key in fixed or key not in forms and key not in text or _place_name(key, lex) \
                or lex.knows("ORG", key) or key.lower() in dictionary_words():
            continue
        counts = [_person_evidence(text, f, lex) for f in {key, key.upper()}]
        person, thing = sum(c[0] for c in counts), sum(c[1] for c in counts)
        if person >= 2 and not thing:
            people.add(key)
    if not people:
        return mentions
    return [_copy(m, label="PERSON", attrs={**m.attrs, "rule": "person-context"})
            if m.label in ("ORG", "PLACE") and m.source == "model"
            and (m.text.title() if m.text.isupper() else m.text) in people else m for m in mentions]


def _people_from(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A person "from" or "with" a name no place list knows is with an organisation ("Carmen Paun
    ... Politico", "Michelle Jamrisko from Bloomberg": a model PLACE there is an ORG); "Maria from
    Culiacán" stays a place."""
    from docmine.nlp.gazetteer import place_names

    ends = {m.end for m in mentions if m.label == "PERSON"}
    out = []
    for m in mentions:
        if m.label == "PLACE" and m.source == "model" and not lex.places.get(alias_key(m.text)) \
                and m.text not in place_names():
            base = max(0, m.start - 12)
            before = _FROM.search(text[base: m.start])
            if before and base + before.start() in ends:
                m = _copy(m, label="ORG", attrs={**m.attrs, "rule": "person-from"})
        out.append(m)
    return out


_PERSON_AFTER = re.compile(
    r"(?:,\s+(?:who\b|known\s+as\b|a\.?k\.?a\.?\s|the\s+(?:man|woman|suspect|leader|boss|kingpin|founder)\b|aged\s+\d)"
    r"|,?\s+\((?:1[2-9]|[2-9]\d)\)|,\s+(?:1[2-9]|[2-9]\d),)")
_PERSON_BEFORE = re.compile(r"\b(?:arrested|detained|extradited|hired|hiring)[ \t]+$")
_NAME_WORDS = re.compile(r"[A-ZÀ-ÝČĆĐŠŽ][\w'’-]+(?: [A-ZÀ-ÝČĆĐŠŽ][\w'’-]+){0,3}")


def _people_by_context(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A name no place list knows, that the model (or a facility pattern) read as a place, is a
    person where the sentence says so: an apposition ("Srđan Jezdimir, known in Ecuador as ...",
    "Ridouan Tagih, the man accused of ..."), an age ("Boden Gregory Bridge (20)", "Jason Flisher,
    43,") or an arrest or hire right before it ("arrested Srđan Jezdimir")."""
    out = []
    for m in mentions:
        if m.label == "PLACE" and (m.source == "model" or m.attrs.get("rule") == "place.facility") \
                and _NAME_WORDS.fullmatch(m.text) and not _place_name(m.text, lex) \
                and not _PLACE_PREPOSITION.search(text[max(0, m.start - 8):m.start]) \
                and not _THE_BEFORE.search(text, max(0, m.start - 5), m.start) \
                and (_PERSON_AFTER.match(text, m.end) or _PERSON_BEFORE.search(text, max(0, m.start - 14), m.start)):
            m = _copy(m, label="PERSON", attrs={**m.attrs, "rule": "person-context"})
        out.append(m)
    return out


_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?(?=\s*\((?:born\s+(?:in\s+)?)?(?:19|20)\d\d\)"
                       r"|,\s+(?:aged\s+)?\d{2},)"
                       r"|(?<=as )[A-Z]{2,3}(?=,\s+(?:aged\s+)?\d{2},))")  # "identified only as MJ, 27, after"
# a label, brand or print on a package, in quotes ("bags marked “Frozen Cassava”"): no name of anyone
_LABEL_BEFORE = re.compile(r"\b(?:marked|labell?ed|branded|stamped|bearing|printed|emblazoned)"
                           r"(?:\s+(?:with|as))?\s*[“\"‘']$")


def _initialled_people(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A suspect named by initials and a birth year or an age, as police releases of the Balkan
    route write them: "a Serbian citizen, S.T. (1966)", "N.M. (born in 1979) was arrested", "D.K.,
    45, was held", "identified only as MJ, 27,". Not initials a place or organisation list knows
    ("U.S. (2020)"), nor an everyday word."""
    from docmine.nlp.gazetteer import common_words

    added = []
    for hit in _INITIALS.finditer(text):
        s, e = hit.span()
        if _free(mentions, s, e) and not _known_word(hit.group(0), lex) \
                and hit.group(0).lower() not in common_words():
            added.append(Mention(s, e, "PERSON", hit.group(0), resolved=hit.group(0), source="rule",
                                 attrs={"rule": "person-initials"}))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions


_INITIALLED_NAME = re.compile(r"(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?")
_LIST_JOIN = re.compile(r",\s*(?:(?:the|a|an)\s+[a-z][a-z -]{0,40},\s*)?(?:and\s+)?|\s+and\s+")  # ", the former pilot,"


def _initialled_list_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """A model ORG or PLACE of initials and a surname listed with a person named so is a person: "S.M.
    Chowdhury and [P.D. Muthu]", "[S.G. Mahida], the former pilot, S.M. Chowdhury" (not "the U.S.
    Senate, Barack Obama"; a firm, "J.P. Morgan", is listed with none)."""
    people = [m for m in mentions if m.label == "PERSON" and _INITIALLED_NAME.fullmatch(m.text)]
    out = []
    for m in mentions:
        if m.label in ("ORG", "PLACE") and m.source == "model" and _INITIALLED_NAME.fullmatch(m.text) \
                and any(_LIST_JOIN.fullmatch(text[p.end:m.start]) or _LIST_JOIN.fullmatch(text[m.end:p.start])
                        for p in people if abs(p.start - m.start) < 80):
            m = _copy(m, label="PERSON", attrs={**m.attrs, "rule": "person-initials"})
        out.append(m)
    return out


def _country_bodies(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A country right before a body of that country that the lexicon names is part of the body's
    name, as the guidelines write it: "[US Justice Department]", "[UK Border Force]" (rule
    ``country-body``; "U.S. Department of Justice" is one lexicon name already)."""
    orgs = {m.start: m for m in mentions if m.label == "ORG" and m.source == "lexicon"}
    merged: dict[int, Mention] = {}
    drop: set[int] = set()
    for m in mentions:
        if m.label != "PLACE" or m.source != "lexicon" or text[m.end:m.end + 1] != " ":
            continue
        body = orgs.get(m.end + 1)
        if body is None or not body.text[:1].isupper():
            continue
        country = lex.canonical("PLACE", m.text)
        if country and lex.org_countries.get(body.canonical or "") == country:
            merged[id(m)] = _copy(body, start=m.start, text=text[m.start:body.end],
                                  attrs={**body.attrs, "rule": "country-body"})
            drop.add(id(body))
    if not merged:
        return mentions
    return [merged.get(id(m), m) for m in mentions if id(m) not in drop]


def _package_labels(text: str, mentions: list[Mention]) -> list[Mention]:
    """What is printed on a package, in quotes, names no one: "bags marked “Frozen Cassava”",
    "packages labelled 'Real Madrid'" (the model reads a person or a body there)."""
    return [m for m in mentions if not (m.source == "model" and m.label in _LABELS
                                        and _LABEL_BEFORE.search(text, max(0, m.start - 30), m.start))]


_UNIT_AFTER = re.compile(
    r"[ \t]+(?:(?:Field|Resident|District|Regional|Area|Country)[ \t]+(?:Division|Office)|Division)s?(?![\w-])")


def unit_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """The place an office or division is named for is part of the unit's name, no mention of the
    place (GUIDELINES.md: "UNODC Country Office in Türkiye"; only the parent organisation is
    annotated): "DEA Seattle Field Division", "the New Orleans Division", "FBI Houston Field Office",
    "DEA Laredo District Office" ("IMF to Close Harare Office" keeps its place: an office alone may
    be the place's).
    English documents, after the span filter (which gives back the names inside a name it drops)."""
    return [m for m in mentions if not (m.label == "PLACE" and (
        _UNIT_AFTER.match(text, m.end) or m.text.endswith(" District") and text.startswith(" Office", m.end)))]


_RESIDENT_AFTER = re.compile(r" (?:man|woman|men|women|resident|residents|native|natives|teenager|teenagers|"
                             r"boy|girl|youth)(?![\w-])")  # not "family": "the Haft family" is a surname's
_RESIDENT_BEFORE = re.compile(r"(?:\b(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several|many)|"
                              r"\d+-year-old|\d+)\s+$", re.I)


def _residents(text: str, mentions: list[Mention]) -> list[Mention]:
    """A one-word name before a noun of people from a place is that place ("a 30-year-old Levin
    man", "three Manawatü women", "a Belfast man"), not a person or body: the model reads a person
    there (a first name too: "Levin" is one). Not a surname of a person the document names."""
    people = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()[1:]}
    places = {m.text for m in mentions
              if m.source == "model" and m.label in ("PERSON", "ORG") and " " not in m.text and m.text[:1].isupper()
              and m.text not in people and _RESIDENT_AFTER.match(text, m.end)
              and _RESIDENT_BEFORE.search(text, max(0, m.start - 16), m.start)}
    if not places:
        return mentions
    # the document's other mentions of the name are the place too ("one at Levin" beside "a Levin man")
    return [_copy(m, label="PLACE", attrs={**m.attrs, "rule": "place-resident"})
            if m.source == "model" and m.label in ("PERSON", "ORG") and m.text in places else m for m in mentions]


_ADDRESS_PART = r"(?:The\s+)?[A-Z][\w'’-]*(?:\.(?=,))?(?:[ ]+(?:[A-Z][\w'’-]*(?:\.(?=,))?|an|na|on|upon|le))*"
_ADDRESS_PART_RE = re.compile(_ADDRESS_PART)
_ADDRESS = re.compile(rf"(?:\(\d{{1,3}}(?:[ ]years?)?\)|,[ ]\d{{1,3}}|\S),?[ ]+(?:of|from)[ ]+"
                      rf"({_ADDRESS_PART}(?:,[ ]+{_ADDRESS_PART})+)"
                      # "a resident of Itwari, Lalganj Telipura, Nagpur", "a native of Sale"
                      rf"|\b(?P<resident>resident|residents|native|natives)[ ]+of[ ]+"
                      rf"({_ADDRESS_PART}(?:,[ ]+{_ADDRESS_PART})*)")


def _addresses(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A person's home address in court and police news, "McDonagh (39) of Rossmakeagh,
    Knockbridge, Dundalk", "Taylor, of Durham Grove, Jarrow": after a person's name or age, "of" or
    "from" and capitalised parts joined by commas that end in a place docmine knows (after "a
    resident of" or "a native of", any such parts: "a resident of Itwari, Lalganj Telipura,
    Nagpur"). Each part is a place (a townland, a suburb: the model reads persons and bodies there),
    except a street, an estate or a named house (its last word in ``[place] address_street_words``,
    or "The ...": "Church View", "Cedarwood Park", "The Crescent"), which is no person and no body
    (a street the text's own rules read as a place stays one; the guidelines are silent on streets
    and annotators split). Rule ``place-address``."""
    streets = frozenset(w.lower() for w in getattr(lex, "rules", {}).get("place", {}).get("address_street_words", ()))
    if not streets:
        return mentions
    index, gone, added = _Index(mentions), set[int](), list[Mention]()
    for hit in _ADDRESS.finditer(text):
        g = 3 if hit.group("resident") else 1
        lead = text[hit.start():hit.start(g)]
        aged = bool(hit.group("resident") or re.match(r"\(\d|,[ ]\d|\d", lead))
        if not aged and not any(m.label == "PERSON" and hit.start() <= m.end <= hit.start() + 1
                                for m in index.overlapping(hit.start() - 1, hit.start() + 1, gone)):
            continue  # the name or age of a person before "of": not "the Ministries of Justice, ..."
        parts = [p.span() for p in _ADDRESS_PART_RE.finditer(text, hit.start(g), hit.end(g))]
        # a part followed by an age is the next person of a list ("Whitfield, 41, of Essex, Darren
        # Mulholland, 37, of Liverpool"): the address ends before it
        aged_part = next((i for i, (a, b) in enumerate(parts) if re.match(r",?[ ]+\(?\d{1,3}\b", text[b:b + 6])), None)
        if aged_part is not None:
            parts = parts[:aged_part]
        if not parts:
            continue
        # a model name across the parts' commas gives way to them ("of [Rathanny, Golflinks Road], ...")
        gone.update(id(m) for m in index.overlapping(parts[0][0], parts[-1][1], gone)
                    if m.source == "model" and parts[0][0] <= m.start and m.end <= parts[-1][1] and ", " in m.text)
        ls, le = parts[-1]
        last = index.overlapping(ls, le, gone)
        if not (aged or any(m.label == "PLACE" and (m.start, m.end) == (ls, le) for m in last)
                or _place_name(text[ls:le], lex)):
            continue  # after a name, the address ends in a town or county docmine knows
        for a, b in parts:
            inside = index.overlapping(a, b, gone)
            if any(m.label in ("PLACE", "DRUG") or m.start < a or m.end > b or m.source == "lexicon" for m in inside):
                continue
            part = text[a:b]
            street = part.startswith("The ") or part.split()[-1].lower().rstrip(".") in streets
            gone.update(id(m) for m in inside)
            if not street:
                added.append(Mention(a, b, "PLACE", part, source="rule", attrs={"rule": "place-address"}))
    return [m for m in mentions if id(m) not in gone] + added if gone or added else mentions


def _place_and_agency(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A model ORG that is a place and a national agency's acronym names the agency's office or
    detachment there, an internal unit (GUIDELINES.md): "Burnaby RCMP said", "the Dallas DEA
    office" are the place and the agency (rule ``place-agency``). Only an acronym the lexicon
    knows, written in capitals, after a place docmine knows."""
    out: list[Mention] = []
    for m in mentions:
        words = m.text.split()
        if m.label == "ORG" and m.source == "model" and len(words) >= 2 and "\n" not in m.text:
            acr = words[-1]
            place = m.text[:m.text.rindex(acr)].rstrip()
            if acr.isupper() and acr.isalpha() and len(acr) >= 3 and (lex.orgs.get(alias_key(acr)) or acr in
                                                                      lex.org_case_sensitive) \
                    and _place_name(place, lex) and not lex.orgs.get(alias_key(m.text)):
                out.append(Mention(m.start, m.start + len(place), "PLACE", place, source="rule",
                                   attrs={"rule": "place-agency"}))
                out.append(Mention(m.end - len(acr), m.end, "ORG", acr, source="rule", attrs={"rule": "place-agency"}))
                continue
        out.append(m)
    return out


_JOINED = re.compile(r"([^\W\d][\w.'’ ]*?)[ ]?[-–][ ]?([^\W\d][\w.'’ ]*)")


def _joined_places(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A model name that is two places docmine knows joined by a hyphen or dash is the two places
    (rule ``place-joined``): "the Russia- Ukraine war" (the model read a person); a body only after
    a preposition of place, "a syndicate active in Maharashtra-Gujarat" ("a Louisiana-Pacific
    sawmill" is a company's). Not a name the lexicon knows ("Guinea-Bissau")."""
    out: list[Mention] = []
    for m in mentions:
        hit = _JOINED.fullmatch(m.text) if m.source == "model" and "\n" not in m.text else None
        if hit and m.label == "ORG" and not re.search(r"\b(?:in|from|to|across|between|through|into)\s+$",
                                                      text[max(0, m.start - 12):m.start]):
            hit = None
        if hit and _place_name(hit.group(1), lex) and _place_name(hit.group(2), lex) \
                and not _place_name(m.text, lex) and not lex.orgs.get(alias_key(m.text)):
            for g in (1, 2):
                a, b = m.start + hit.start(g), m.start + hit.end(g)
                out.append(Mention(a, b, "PLACE", hit.group(g), source="rule", attrs={"rule": "place-joined"}))
            continue
        out.append(m)
    return out


_YEAR_BEFORE = re.compile(r"\d[ ]?$")


def _eras(text: str, mentions: list[Mention]) -> list[Mention]:
    """"B.C." after a year is an era, no place ("grown in 3400 B.C."; alone it is British Columbia)."""
    return [m for m in mentions if not (m.label == "PLACE" and m.text in ("B.C.", "BC")
                                        and _YEAR_BEFORE.search(text, max(0, m.start - 2), m.start))]


def _place_name(name: str, lex) -> bool:
    """A place the lexicon or the gazetteer knows by this name."""
    from docmine.nlp.gazetteer import place_names

    return name in place_names() or lex is not None and bool(lex.places.get(alias_key(name)))


def _company_names(text: str, mentions: list[Mention], forms: frozenset[str], lex=None) -> list[Mention]:
    """Mentions of a company by its name without the legal form ("Ecolab" after "Ecolab Inc"), or
    by its first two words when it has more and they name no place ("Carter Hawley" after "Carter
    Hawley Hale Stores Inc"; not "New York" after "New York Times Co")."""
    if not forms:
        return mentions
    from docmine.nlp.gazetteer import common_words, dictionary_words
    from docmine.nlp.lexicon import given_names

    short: dict[str, str] = {}  # short name -> the full name
    for m in mentions:
        words = m.text.split()
        if m.label != "ORG" or len(words) < 2 or words[-1] not in forms:
            continue
        while words and (words[-1] in forms or words[-1] == ","):
            words.pop()
        if words and words[-1].endswith(","):
            words[-1] = words[-1][:-1]
        if not words or len(" ".join(words)) < 3:
            continue
        if len(words) > 1 or lex is None or words[0].lower().rstrip(".") not in person_titles(lex):
            short.setdefault(" ".join(words), m.text)  # not a post: "[American] President Cos Ltd"
        if len(words) >= 3 and all(len(w) >= 3 and w.istitle() and w.isalpha() for w in words[:2]) \
                and not _place_name(" ".join(words[:2]), lex):
            short.setdefault(" ".join(words[:2]), m.text)  # "Carter Hawley" after "Carter Hawley Hale Stores Inc"
        first = words[0]
        # not an everyday word ("Shell" of "Shell Canada Ltd"); a rare one may name the company ("Cisco")
        everyday = first.lower() in dictionary_words() and first.lower() in common_words()
        if len(words) > 1 and len(first) >= 4 and first.isalpha() and not everyday and first not in given_names():
            short.setdefault(first, m.text)
        elif len(words) > 1 and first[-2:] in POSS_TOKENS and len(first) >= 5 and first[:-2].isalpha() \
                and first[:1].isupper():
            short.setdefault(first, m.text)  # a founder's name: "Wendy's" after "Wendy's International Inc"
    if not short:
        return mentions
    out = []
    for m in mentions:
        if m.text in short and m.source == "model" and m.label in _LABELS:
            m = _copy(m, label="ORG", resolved=short[m.text], attrs={**m.attrs, "rule": "company-name"})
        out.append(m)
    added: list[Mention] = []
    caps = [(m.start(), m.end()) for m in CAPS_LINE.finditer(text)]
    for name, full in short.items():
        hits = list(occurrences(text, name, "&.-", "&-"))
        if caps and len(name.upper()) == len(name):  # "ECOLAB STARTS BID ..."
            hits += [h for a, b in caps for h in occurrences(text, name.upper(), "&.", "&", end=b) if h[0] >= a]
        for hs, he in hits:
            inside = [m for m in out if m.start < he and hs < m.end]
            if inside and all((m.source == "model" or m.source == "rule" and m.label == "PERSON")
                              and hs <= m.start and m.end <= he and m.end - m.start < he - hs for m in inside):
                # the model read part of the name: "[Wireless]" of "Cable and Wireless shares"; or a
                # person's surname was carried there: "Rite [Aid]" after the model's person "Rite Aid"
                out = [m for m in out if m not in inside]
            if _free(out, hs, he) and _free(added, hs, he):
                added.append(Mention(hs, he, "ORG", text[hs:he], resolved=full, source="rule",
                                     attrs={"rule": "company-name"}))
    return out + added


# a bracketed word that refers back to any body of its kind, no name of its own: "(the Company)"
_GENERIC_SHORT = frozenset(("company", "companies", "cartel", "group", "agency", "bank", "firm", "fund", "trust",
                            "organization", "organisation", "department", "office", "board", "commission",
                            "authority", "council", "ministry", "government", "court", "network"))
# a short name defined in brackets right after a body's full name: "Guangzhou Tengyue Chemical Co., Ltd.
# (Guangzhou Tengyue)", "Acme Holdings Limited ("Acme")" (not a word of _GENERIC_SHORT: "(the Cartel)")
_DEFINED_NAME = re.compile(r"\s*\(\s*(?:[Tt]he\s+)?[\"“‘']?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})[\"”’']?\s*\)")


def _defined_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A short name a document defines in brackets after a body's full name (rule `defined-name`):
    "Guangzhou Tengyue Chemical Co., Ltd. (Guangzhou Tengyue)", "Acme Holdings Limited ("Acme")".
    The short name's words are words of the full name, in order (an acronym is read elsewhere);
    everywhere in the document it is that body, ORG, whatever the words alone were read as
    ("Guangzhou" the city, "Tengyue" a town)."""
    short: dict[str, str] = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        d = _DEFINED_NAME.match(text, m.end)
        if not d or d.group(1) == m.text:
            continue
        name, words = d.group(1), m.text.replace(",", " ").split()
        k = 0
        for w in name.split():
            while k < len(words) and words[k] != w:
                k += 1
            if k == len(words):
                break
            k += 1
        else:
            if not name.isupper() and name.lower() not in _GENERIC_SHORT:
                short.setdefault(name, m.resolved or m.text)
    if not short:
        return mentions
    out, added = list(mentions), []  # type: list[Mention], list[Mention]
    for name, full in short.items():
        for hs, he in occurrences(text, name, "&.-", "&-"):
            inside = [m for m in out if m.start < he and hs < m.end]
            if any(m.start < hs or m.end > he or m.label == "ORG" for m in inside):
                continue  # inside a longer name (the full name itself) or read as the body already
            out = [m for m in out if m not in inside]
            if _free(added, hs, he):
                added.append(Mention(hs, he, "ORG", text[hs:he], resolved=full, source="rule",
                                     attrs={"rule": "defined-name"}))
    return sorted(out + added, key=lambda m: m.start)


_SHORT_ORG_AT = re.compile(r"(?<![\w-])[Tt]he\s+$")


def _org_short_names(text: str, mentions: list[Mention], lex=None) -> list[Mention]:
    """A body named in full and later by its name up to where the name goes on with a preposition
    ("the Global Initiative" after "the Global Initiative Against Transnational Organized Crime";
    "the European Monitoring Centre", "the National Police" after "the National Police of
    Colombia") is that body: ORG, resolved to the full name. The short name must be two capitalised
    words or more, name no place, follow "the", and not go on with a capitalised word or with the
    preposition of another name ("the Global Initiative on Drug Policy" is another body)."""
    short: dict[str, str] = {}
    for m in mentions:
        if m.label != "ORG":
            continue
        words = m.text.split()
        cut = next((i for i, w in enumerate(words) if w.lower() in NAME_JOINERS), 0)
        if cut < 2 or not all(w[:1].isupper() and w.rstrip(".").replace("-", "").isalpha() for w in words[:cut]):
            continue
        name = " ".join(words[:cut])
        if not _place_name(name, lex):
            short.setdefault(name, m.resolved or m.text)
    if not short:
        return mentions
    taken = {m.text: m.label for m in mentions if m.label != "ORG"}
    added: list[Mention] = []
    for name, full in short.items():
        if name in taken:
            continue  # the document calls these words something else
        for hs, he in occurrences(text, name, "&.-", "&-"):
            after = text[he:he + 30].split()
            nxt = after[0].strip(".,;:()\"'“”’") if after else ""
            if not _SHORT_ORG_AT.search(text[max(0, hs - 6):hs]) \
                    or nxt[:1].isupper() and text[he:he + 1] not in ".,;:)\"”'’" \
                    or nxt.lower() in NAME_JOINERS and text[he:he + 1] == " ":
                continue
            if _free(mentions, hs, he) and _free(added, hs, he):
                added.append(Mention(hs, he, "ORG", text[hs:he], resolved=full, source="rule",
                                     attrs={"rule": "org-short-name"}))
    return mentions + added


_CREDIT = re.compile(r"(?<![\w-])(?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ww]ritten|[Cc]ompiled"
                     r"|[Ff]act-checking|[Gg]raphics|[Pp]hotos?)\s+by\s+")
_CREDIT_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’-]*(?![\w'’-])")
_CREDIT_SEP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|&\s*)")


# a stock ticker after a name: "Citicorp <CCI>", "Norcros <NCRO.L> Plc", "Acme Corp. (NYSE: ACM)"
_TICKER = re.compile(r"\s?(?:<[A-Z][A-Z0-9.]{0,7}>|\((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|TSXV|ASX|OTC|OTCQB|OTCQX)"
                     r"(?: [A-Z][a-z]+)?\s?:\s?[A-Z][A-Z0-9.]{0,7}\))")


def _tickers(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name right before a stock ticker is a company (rule `ticker`): a person or place there
    ("Yesterday Citicorp <CCI>", "MITSUI <MITSY>") becomes an ORG, and so do the document's other
    mentions of the name in any case ("Mitsui said"); the ticker itself is no name. Run before the
    document's one label per name, and again after its lines in capitals are read."""
    listed = {m.text.casefold() for m in mentions if _TICKER.match(text, m.end)}
    if not listed:
        return mentions
    out = []
    for m in mentions:
        if m.start and text[m.start - 1] == "<" and text[m.end: m.end + 1] == ">" and m.source != "lexicon":
            continue  # the ticker itself names nothing ("<HAN>")
        if m.source != "lexicon" and m.label in ("PERSON", "PLACE") and m.text.casefold() in listed:
            m = _copy(m, label="ORG", source="rule", attrs={**m.attrs, "rule": "ticker"})
        out.append(m)
    return out


def _credit_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """The people a news item credits ("Reporting by Ece Toksabay; Editing by Jonathan Spicer and
    Mark Heinrich"): each name after "Reporting/Editing/Writing by" is a PERSON, whatever the model
    read (a model ORG or PLACE there becomes one). A body or a place the lexicon named stays
    ("Reporting by Reuters staff"), and a name needs two words."""
    out = list(mentions)
    for hit in _CREDIT.finditer(text):
        pos = hit.end()
        while True:
            name = _CREDIT_NAME.match(text, pos)
            if not name:
                break
            s, e = name.start(), name.end()
            over = [m for m in out if m.start < e and s < m.end]
            if len(name.group().split()) >= 2 and "\n" not in name.group() \
                    and all(m.source == "model" and m.start >= s and m.end <= e for m in over):
                out = [m for m in out if m not in over]
                out.append(Mention(s, e, "PERSON", name.group(), source="rule", attrs={"rule": "credit-name"}))
            sep = _CREDIT_SEP.match(text, e)
            if not sep:
                break
            pos = sep.end()
    return out


def _caps_lines(text: str, mentions: list[Mention]) -> list[Mention]:
    """Names of the document found again in its lines in capitals."""
    lines = [(m.start(), m.end()) for m in CAPS_LINE.finditer(text)]
    if not lines:
        return mentions

    def in_caps(m: Mention) -> bool:
        return any(a <= m.start and m.end <= b for a, b in lines)

    names: dict[str, tuple[str, str]] = {}  # NAME IN CAPITALS -> (label, the name as written)
    for m in mentions:
        if m.label not in _LABELS or in_caps(m) or m.text.isupper():
            continue
        forms = [m.text]
        if m.label == "PERSON" and " " in m.text:
            forms.append(m.text.split()[-1])  # "ROSTENKOWSKI" for Dan Rostenkowski
        for f in forms:
            up = f.upper()
            if len(f) >= 4 and len(up) == len(f):
                names.setdefault(up, (m.label, m.resolved or m.text))
    if not names:
        return mentions
    out = list(mentions)
    # "IRAQ-TURKEY": a hyphen joins two names in capitals
    pattern = re.compile(r"(?<![\w&.])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                         + r")(?![\w&])")
    for a, b in lines:
        for hit in pattern.finditer(text, a, b):
            s, e = hit.start(), hit.end()
            label, resolved = names[hit.group()]
            same = [k for k, m in enumerate(out) if m.start == s and m.end == e]
            if same:
                k = same[0]
                if out[k].source == "model":  # the document's evidence decides, the filter keeps it
                    out[k] = _copy(out[k], label=label, resolved=resolved, attrs={**out[k].attrs, "rule": "caps-line"})
                continue
            # a model name of the line around it that the document does not confirm gives way
            # ("BANGLADESH PORT" where the document names Bangladesh)
            out = [m for m in out if not (m.start < e and s < m.end and m.source == "model"
                                          and m.text not in names and a <= m.start and m.end <= b)]
            if _free(out, s, e):
                out.append(Mention(s, e, label, text[s:e], resolved=resolved, source="rule",
                                   attrs={"rule": "caps-line"}))
    return out


def _one_label(mentions: list[Mention], key: Callable[[str], str] = lambda text: text) -> list[Mention]:
    """One label per name per document: the model's mentions of a name (``key`` of its text: the
    text itself, or a key common to its case forms) take the label a lexicon (a drug lexicon too) or rule gives it,
    else a clear majority of the model's own labels for it (two to one or better, three mentions
    at least)."""
    trusted: dict[str, Counter] = defaultdict(Counter)
    model: dict[str, Counter] = defaultdict(Counter)
    keys = {}
    for m in mentions:
        if m.label == "DRUG" and m.source == "lexicon":  # "NPP" a drug in one sentence is one in the next
            trusted[key(m.text)][m.label] += 1
        if m.label not in _LABELS:
            continue
        keys[id(m)] = k = key(m.text)
        # a model label the noun beside it decided ("the darknet market Hydra") counts as a lexicon's does
        (model if m.source == "model" and m.attrs.get("rule") not in KIND_RULES else trusted)[k][m.label] += 1
    out = []
    for m in mentions:
        if m.source == "model" and m.label in _LABELS and m.attrs.get("rule") not in KIND_RULES:
            k = keys[id(m)]
            label = None
            if trusted.get(k):
                label = trusted[k].most_common(1)[0][0]
            else:
                votes = model[k]
                top, n = votes.most_common(1)[0]
                if n >= 2 * (sum(votes.values()) - n) and sum(votes.values()) >= 3:
                    label = top
            if label and label != m.label:
                attrs = {**m.attrs, "rule": f"one-label:{m.label}>{label}"}
                if label == "DRUG":
                    attrs["role"] = "substance"
                m = _copy(m, label=label, attrs=attrs)
        out.append(m)
    return out


_APPOSITIVE = re.compile(
    r"(?<![\w.’'-])(?P<first>[A-Z][a-z]+) (?:[A-Z]\. )?(?P<last>[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)"
    r",\s+(?:who(?:\s+is|['’]s)\s+)?(?P<article>(?:the|our)\s+)?(?P<post>(?:[\w-]+\s+){0,3}[\w-]+)")
_MONTHS = MONTHS | WEEKDAYS
_NOT_POSTS = frozenset({"national", "project", "programme", "senior", "junior", "rear", "vice", "he", "h.e",
                        "charge", "head", "chief", "general", "major", "justice", "king", "queen"})


def _appositive_people(text: str, mentions: list[Mention], titles: frozenset[str], lex) -> list[Mention]:
    """A first name and a surname followed by the post they hold are a person, where the model read
    nothing: "- Anne Milgram, the Administrator of the Drug Enforcement Administration", "Todd
    Robinson, who is the Assistant Secretary" (lists of officials in statements and readouts). The
    post is one of the person titles of rules.toml; neither word may be a place or organisation
    docmine knows."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from docmine.nlp.gazetteer import dictionary_words
    from docmine.nlp.lexicon import given_names

    posts = titles - _NOT_POSTS
    if not posts:
        return mentions
    out = list(mentions)
    for hit in _APPOSITIVE.finditer(text):
        s, e = hit.start(), hit.end("last")
        words = hit.group("post").split()
        if not any(w.lower().rstrip(".") in posts for w in words):
            continue
        first, last = hit.group("first"), hit.group("last")
        if not hit.group("article") and (not any(w.lower().rstrip(".") in posts for w in words[:2])
                                         or re.search(r"[A-Z][\w.'’-]*\s+$", text[max(0, s - 30):s])
                                         or first not in given_names() and first.lower() in dictionary_words()):
            continue  # without "the", the post opens the apposition: "Murat Cihan, deputy police chief of
            # Mersin"; no longer name ends there ("... Leadership Advisory Group, Vice Chair of"), and the
            # first word is a first name or no word ("a March 14 Executive Order, President Biden ...")
        over = [m for m in out if m.start < e and s < m.end]
        if over and not (len(over) == 1 and over[0].source == "model" and over[0].label in ("ORG", "PLACE")
                         and (over[0].start, over[0].end) == (s, e) and hit.group("article") is None
                         and first in given_names()):
            continue  # the model's name of a body or place is a person with a first name before a bare post
        if first.lower() in STOP_WORDS or last in _MONTHS or any(
                lex.places.get(alias_key(w)) or lex.orgs.get(alias_key(w)) for w in (first, last)):
            continue  # "In March, the President determined ..."
        if any(w.lower().rstrip(".") in titles for w in (first, last)):
            continue  # a post in a list of posts: "the Attorney General, the Secretary of Homeland Security"
        out = [m for m in out if m not in over]
        out.append(Mention(s, e, "PERSON", text[s:e], resolved=text[s:e], source="rule",
                           attrs={"rule": "appositive"}))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _place_then_person(text: str, mentions: list[Mention], given: frozenset[str], titles: frozenset[str],
                       lex, org_words: frozenset[str] = frozenset()) -> list[Mention]:
    """A model PLACE (or ORG) that runs a known place into a person's name is both: "U.S. Ambassador
    to [Mexico] [Ken Salazar]" (the model read "Mexico Ken Salazar" as one name). The name holds two
    or three words and starts with a first name (``models/given_names.txt``), or the place follows
    a post ("Ambassador to", "Consul in"); it does not end in a body's word ("the U.S. Marshal
    Service": ``[place] org_words``)."""
    out = []
    for m in mentions:
        words = m.text.split(" ")
        if m.label in ("PLACE", "ORG") and m.source == "model" and 3 <= len(words) <= 5:
            before = _POST_BEFORE.search(text[max(0, m.start - 40): m.start])
            post = before is not None and before.group(1).lower().rstrip(".") in titles
            for k in range(1, len(words) - 1):
                place, name = " ".join(words[:k]), words[k:]
                if (name[0] in given or post) and len(name) <= 3 and all(w[:1].isupper() for w in name) \
                        and name[-1].lower() not in org_words \
                        and (lex.places.get(alias_key(place)) or place in lex.place_case_sensitive):
                    person = " ".join(name)
                    attrs = {key: v for key, v in m.attrs.items() if key != "_inner"}
                    out.append(_copy(m, end=m.start + len(place), text=place, resolved=place, label="PLACE",
                                     attrs={**attrs, "rule": "place-person"}))
                    out.append(Mention(m.end - len(person), m.end, "PERSON", person, resolved=person,
                                       source="rule", attrs={"rule": "place-person"}))
                    break
            else:
                out.append(m)
            continue
        out.append(m)
    return out


_MARKET_WORD = re.compile(r"\s+(?:[Dd]arknet\s+)?[Mm]arket(?:place)?$")


def _darknet_knowledge(lex) -> tuple[dict[str, str], re.Pattern | None]:
    """The market names of :func:`_market_names` and the darknet-words pattern, built once per
    lexicon and kept on it."""
    known = vars(lex).get("_darknet")
    if known is None:
        words = getattr(lex, "rules", {}).get("org", {}).get("darknet_words", ())
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I) if words else None
        known = vars(lex)["_darknet"] = (_market_names(lex), pattern)
    return known


def _market_names(lex) -> dict[str, str]:
    """A darknet market's name without its "Market" (organisations.toml, kind "darknet market"):
    "Empire" -> Empire Market; not a place or a route ("Bohemia", "Silk Road")."""
    out = {}
    for canonical, kind in getattr(lex, "org_kinds", {}).items():
        if kind != "darknet market":
            continue
        short = _MARKET_WORD.sub("", canonical)
        if short != canonical and " " not in short and not _place_name(short, lex) and short not in lex.routes:
            out[short] = canonical
    return out


def _darknet_markets(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """In a text about darknet markets (``[org] darknet_words``), a market's name without "Market",
    capitalised inside a sentence, is the market (rule ``darknet-market``): "sold drugs on Agora and
    Evolution", "took down Alphabay and Hansa". A model mention there gives way; a lexicon's stays."""
    names, darknet = _darknet_knowledge(lex)
    if darknet is None or not names or not darknet.search(text):
        return mentions
    out = list(mentions)
    for short, canonical in names.items():
        for s, e in occurrences(text, short, "-", "-"):
            if _SENT_START.search(text[max(0, s - 12): s]):
                continue
            clash = [m for m in out if m.start < e and s < m.end]
            if any(m.source != "model" or m.start < s or m.end > e for m in clash):
                continue  # a lexicon's or a rule's name, or a longer one ("Empire State Building")
            out = [m for m in out if m not in clash]
            out.append(Mention(s, e, "ORG", short, canonical=canonical, resolved=canonical, source="lexicon",
                               attrs={"rule": "darknet-market"}))
    return out


def _lowercase_heads(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A lower-case generic head is outside an organisation's span, as the guidelines write it:
    "the [Sinaloa] cartel", "the [Sinaloa] and [Jalisco] cartels" (``org.lowercase_heads`` in
    rules.toml). A lexicon organisation matched with the head ("Sinaloa cartel") loses it and keeps
    its canonical name; a place before the head ("Jalisco cartels") is that organisation only when
    the lexicon knows "<place> Cartel" ("Mexico cartels" stays a place)."""
    heads = tuple(h.lower() for h in lex.rules.get("org", {}).get("lowercase_heads", ()))
    if not heads:
        return mentions
    after = _after_heads(heads, tuple(lex.rules.get("org", {}).get("named_group_modifiers", ())))
    groups = _group_after(tuple(lex.rules.get("org", {}).get("group_words", ())))
    out = []
    for m in mentions:
        if m.label == "ORG" and " " in m.text:
            words = m.text.split(" ")
            k = len(words) - 1
            while k > 1 and words[k - 1].islower():
                k -= 1  # the head's lower-case modifiers go too: "Silk Road [darknet market]"
            name, head = " ".join(words[:k]), words[-1]
            if head.islower() and lex.is_demonym(name):
                continue  # a nationality and a common noun: no body ("Dutch police", "Turkish customs")
            if (head.lower() in heads or head.lower().rstrip("s") in heads) and head.islower() and name[:1].isupper():
                out.append(_copy(m, end=m.start + len(name), text=name, resolved=m.canonical or m.resolved or m.text,
                                 attrs={**m.attrs, "rule": "lowercase-head"}))
                continue
        if m.label == "PERSON" and m.source == "model" and groups and " " in m.text:
            hit = groups.match(text, m.end)
            if hit:  # a group named after a person: "the Alfonso Cano group", "the Alfonso Cano splinter group"
                out.append(_copy(m, label="ORG", attrs={**m.attrs, "rule": "lowercase-head"}))
                continue
        if m.label == "PLACE" and not m.text.isupper():
            hit = after.match(text[m.end: m.end + 160])
            if hit and text[m.end + hit.start(1): m.end + hit.end(1)].islower():
                known = lex.orgs.get(alias_key(f"{m.text} {hit.group(1).title()}"))
                if known:
                    out.append(_copy(m, label="ORG", resolved=known, attrs={**m.attrs, "rule": "lowercase-head"}))
                    continue
        out.append(m)
    return out


def _district_offices(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A federal office named for its judicial district is one organisation: "the U.S. Attorney's
    Office for the Southern District of Texas", "the United States District Court for the District
    of Columbia" (offices in ``org.district_offices`` of rules.toml); the mentions inside it (the
    country, the district, the state) are part of its name, as "U.S." is of "U.S. Department of
    Justice"."""
    offices = lex.rules.get("org", {}).get("district_offices", ())
    if not offices:
        return mentions
    out = list(mentions)
    for label, pattern in (("ORG", _district_pattern(tuple(offices))), ("PLACE", _DISTRICT)):
        for hit in pattern.finditer(text):
            s, e = hit.start(), hit.end()
            inside = [m for m in out if m.start < e and s < m.end]
            if any(m.start < s or m.end > e for m in inside) or any(m.label == "ORG" for m in inside) \
                    and label == "PLACE":
                continue  # a mention that runs across its edge (or the office it names): leave it
            out = [m for m in out if m not in inside]
            out.append(Mention(s, e, label, text[s:e], resolved=text[s:e], source="rule",
                               attrs={"rule": "district-office" if label == "ORG" else "district"}))
            if label == "ORG":
                out = _district_short_name(text, out, s, e)
    out.sort(key=lambda m: (m.start, m.end))
    return out


_BRACKET_AFTER = re.compile(r" ?\((?P<short>[A-Z][\w.’' ]{1,40})\)")


def _district_short_name(text: str, mentions: list[Mention], s: int, e: int) -> list[Mention]:
    """The short name a court or office defines in brackets after its full name, and every later use
    of it: "... for the Eleventh Circuit (Eleventh Circuit)", "... for the Southern District of New
    York (SDNY)" (the end of the name, or the initials of its district)."""
    hit = _BRACKET_AFTER.match(text, e)
    if hit is None:
        return mentions
    name, short = text[s:e], hit.group("short")
    district = name.split(" for the ", 1)[-1]
    initials = "".join(w[0] for w in district.replace(".", " ").split() if w[0].isupper())
    if not (name.endswith(" " + short) or short == initials and len(short) >= 3):
        return mentions
    out = list(mentions)
    for found in re.finditer(rf"(?<![\w.-]){re.escape(short)}(?![\w-])", text[e:]):
        a, b = e + found.start(), e + found.end()
        inside = [m for m in out if m.start < b and a < m.end]
        if any(m.start < a or m.end > b or m.source == "lexicon" for m in inside):
            continue
        out = [m for m in out if m not in inside]
        out.append(Mention(a, b, "ORG", short, resolved=name, source="rule", attrs={"rule": "district-office"}))
    return out


_DISTRICT_NAME = r"(?:[A-Z](?:\.[A-Z])+\.|[A-Z]\w*)(?: (?:[A-Z](?:\.[A-Z])+\.|[A-Z]\w*)){0,2}(?![\w’'])"
"""The place a judicial district is named for: words, or an abbreviation with its full stops ("N.C.")."""
_DISTRICT_PHRASE = r"(?:(?:Northern|Southern|Eastern|Western|Middle|Central) )?District of " + _DISTRICT_NAME
_DISTRICT = re.compile(r"(?<![\w.])" + _DISTRICT_PHRASE)
"""A judicial district on its own ("in the District of Arizona", "the Southern District of New York")."""


@lru_cache(maxsize=8)
def _district_pattern(offices: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(o).replace("'", "['’]") for o in sorted(offices, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:U\.S\.|US|United States) (?:{alt})"
                      rf"(?: for the (?:{_DISTRICT_PHRASE}|{_CIRCUIT_PHRASE}))?(?![\w’'])")


_CIRCUIT_PHRASE = (r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|D\.C\.|Federal)"
                   r" Circuit")
"""A federal court of appeals' circuit ("the U.S. Court of Appeals for the Second Circuit")."""


@lru_cache(maxsize=8)
def _group_after(group_words: tuple[str, ...]) -> re.Pattern | None:
    """A singular group noun after a name, with one modifier at most and no determiner: " group", "
    splinter group" ("James Baker the group said" is no group)."""
    nouns = [w for w in group_words if not w.endswith("s")]
    if not nouns:
        return None
    alt = "|".join(map(re.escape, nouns))
    det = r"(?!(?:the|a|an|this|that|these|those|its|his|her|their|our|which|who|whose)\b)"
    return re.compile(rf" (?:{det}[a-z-]+ )?(?:{alt})(?![\w-])")


@lru_cache(maxsize=8)
def _after_heads(heads: tuple[str, ...], modifiers: tuple[str, ...] = ()) -> re.Pattern:
    """Names joined by "," / "and" / "or" up to one of ``heads`` (plural too), from the start; a
    lower-case modifier may stand before the head ("the Sinaloa drug cartel")."""
    alt = "|".join(re.escape(h) for h in heads)
    mods = "|".join(re.escape(m) for m in modifiers)
    mod = rf"(?:(?:{mods})\s+)?" if mods else ""
    names = r"(?:\s*(?:,|and|or|&)\s*[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*){0,2})*"
    return re.compile(rf"^{names}\s+{mod}({alt})s?(?![\w-])")


def _acronyms_in_context(text: str, mentions: list[Mention], lex) -> None:
    """Undo a lexicon expansion of a national body's acronym when the text ties it to another
    country right before it ("Colombia's DPCI", "the Colombian DPCI", "Colombian police (DPCI)")."""
    from docmine.nlp.canonical import find_abbreviations

    defined = find_abbreviations(text)
    for m in mentions:
        if m.label != "ORG" or m.text in defined or m.text not in lex.org_case_sensitive \
                or not re.sub(r"[\W\d_]", "", m.text).isupper():
            continue  # acronyms only ("Brazilian Federal Police" is case-sensitive for its nationality)
        canonical = lex.org_case_sensitive[m.text]
        home = lex.org_countries.get(canonical, "")
        if not home or m.canonical != canonical:
            continue
        before = text[max(0, m.start - 40): m.start]
        words = re.findall(r"[A-Z][\w-]+(?=(?:'s|’s)?[\s(]+(?:[a-z]+[\s(]+){0,2}$)", before)
        if not words:
            continue
        other = lex.demonyms.get(words[-1]) or lex.country_of(words[-1])
        if other and other != home:
            m.canonical = m.text
            m.attrs = {**m.attrs, "rule": "acronym-context"}


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")


def _groups_in_lists(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A place named in a list of organisations is the group named after it: "Tren de Aragua, MS-13,
    and Sinaloa", "such as Sinaloa or Jalisco New Generation Cartel" -> ORG, the lexicon's "Sinaloa
    Cartel" (rule ``group-in-list``). Only where the lexicon knows a cartel of that name and a list
    neighbour of the place is an organisation."""
    out = list(mentions)
    for k, m in enumerate(out):
        if m.label != "PLACE":
            continue
        group = lex.orgs.get(alias_key(m.text + " Cartel"))
        if not group:
            continue
        before = out[k - 1] if k else None
        after = out[k + 1] if k + 1 < len(out) else None
        if before is not None and before.label == "ORG" and _LIST_GAP.fullmatch(text[before.end:m.start]) \
                or after is not None and after.label == "ORG" and _LIST_GAP.fullmatch(text[m.end:after.start]):
            out[k] = _copy(m, label="ORG", attrs={**m.attrs, "rule": "group-in-list"})
            out[k].canonical = out[k].resolved = lex.canonical("ORG", m.text + " Cartel")
    return out


def _bare_bodies(lex) -> dict[str, frozenset[str]]:
    """The lexicon's organisations by their names without a country before them: "department of
    justice" -> {"U.S. Department of Justice"} (from "U.S. Department of Justice"), "treasury" ->
    {"U.S. Department of the Treasury"} (from "U.S. Treasury"), where the bare name is no alias of
    its own (several countries have a Department of Justice, a Treasury, a Customs)."""
    cached = vars(lex).get("_bare_bodies")  # built once per lexicon, kept on it
    if cached is not None:
        return cached
    prefixes = {key for key, hit in lex.places.items() if hit[1] == "country"}
    prefixes |= {alias_key(d) for d in lex.demonyms} | {"u s", "us"}
    found: dict[str, set[str]] = defaultdict(set)
    aliases = [*lex.orgs.items(), *((alias_key(a), c) for a, c in lex.org_case_sensitive.items())]
    for key, canonical in aliases:
        words = key.split()
        for n in range(1, min(4, len(words) - 1) + 1):
            if " ".join(words[:n]) in prefixes:
                bare = " ".join(words[n:])
                if bare not in lex.orgs and len(words) - n >= 1:
                    found[bare].add(canonical)
    out = {k: frozenset(v) for k, v in found.items()}
    vars(lex)["_bare_bodies"] = out
    return out


_PEOPLE_GAP = re.compile(r"\s*(?:(?:,|and|&|or)\s*)?")
_INTRODUCES = 800  # characters: a document long enough to introduce the people it names
_BEFORE_WORD = re.compile(r"([A-Za-z]+)\.?\s+$")
_SPOKEN_AFTER = re.compile(r"['’]?s?\s+(?:said|says|told|added|asked|wrote|explained|stated|announced|"
                           r"Says|Said|Tells|administration|government|cabinet)\b")
_SPOKEN_BEFORE = re.compile(r"\b(?:[Aa]ccording to|said)\s+$")
_OWNS = re.compile(r" ?['’]s\s+[a-z]")  # "Rod's office", "Arafat's passing" ("Rod 's" as tokenized corpora write it)


def unintroduced_people(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """News names a person in full, or with a title, before it uses a surname alone. A one-word
    PERSON of the model that its document never introduces (no full name ending with it, no title
    or honorific before any of its mentions, no first name, no person the lexicon knows) is no
    person: in wire copy it is a company, a river or a heading word ("companies have looked at
    Fairchild", "the Rhine", "Postal Minister"). A speaker ("Murphy said"), an owner ("Rod's office"),
    a name the document calls "he" or "she" ("negotiate with Hitler and trust him"),
    a leader's government ("the Bush administration"), a part of a long name the model split, a name
    in a list of people, and every name of a brief
    (a headline and its lede: "Karzai sacks regional governor") stay. English documents, after the
    span filter has had its say on each label."""
    people = [m for m in mentions if m.label == "PERSON"]
    if not people or len(text) < _INTRODUCES:
        return mentions  # a brief (a headline and its lede) names the famous by surname alone
    from docmine.nlp.lexicon import given_names

    given = given_names()
    titles = person_titles(lex)
    # every word of a full name: "Tan" of "Tan Wei Ming", "Ovidio" of "Ovidio Guzmán López"
    surnames = {w for m in people if len((m.resolved or m.text).split()) > 1 for w in (m.resolved or m.text).split()}
    titled = set()
    for m in people:
        before = _BEFORE_WORD.search(text, max(0, m.start - 30), m.start)
        if before and before.group(1).lower() in titles:
            titled.add(m.text.casefold())
    spoken = set()  # a person speaks ("Murphy said", "According to Fernández") or heads a government
    for m in people:
        if _SPOKEN_AFTER.match(text, m.end) or _SPOKEN_BEFORE.search(text, max(0, m.start - 16), m.start) \
                or _OWNS.match(text, m.end):
            spoken.add(m.text.casefold())
    for name in {m.text for m in people if " " not in m.text and m.text.casefold() not in spoken}:
        thing, person = _pronouns_after(text, name, named=True)
        if person and not thing:  # "negotiate with Hitler and trust him"
            spoken.add(name.casefold())
    def beside_a_person(m: Mention) -> bool:
        """A part of a long name the model split ("Alcalde [Luján]"), or a name in a list of people
        ("Steve, Rod and Elyse")."""
        return any(p is not m and (0 <= m.start - p.end <= 12 and _PEOPLE_GAP.fullmatch(text, p.end, m.start)
                                   or 0 <= p.start - m.end <= 12 and _PEOPLE_GAP.fullmatch(text, m.end, p.start))
                   for p in people)

    out = []
    for m in mentions:
        name = m.resolved or m.text
        if m.label == "PERSON" and m.source in ("model", "rule") and " " not in name \
                and m.attrs.get("rule") in (None, "", "person.clean", "model.headline", "caps-line") \
                and name.title() not in surnames and name not in surnames and m.text.casefold() not in titled \
                and m.text.casefold() not in spoken and name.title() not in given and not lex.knows("PERSON", name) \
                and not beside_a_person(m):
            continue
        out.append(m)
    return out


def _home_bodies(mentions: list[Mention], lex) -> None:
    """A body named without its country ("the Department of Justice", "the Department of the
    Treasury") is the lexicon's body of that name ("U.S. Department of Justice") when the document
    names that country or another of its bodies, and no other country's body of that name fits:
    one entity with "Justice Department" and "U.S. Department of Justice". Sets ``canonical`` and
    ``resolved``."""
    bare = _bare_bodies(lex)
    if not bare:
        return
    countries = {m.canonical for m in mentions if m.label == "PLACE"}
    countries |= {lex.org_countries.get(m.canonical, "") for m in mentions if m.label == "ORG"}
    for m in mentions:
        if m.label != "ORG" or m.text in lex.org_case_sensitive:
            continue
        key = alias_key(m.text)
        if key in lex.orgs:
            continue
        fits = [c for c in bare.get(key, ()) if lex.org_countries.get(c) in countries]
        if len(fits) == 1:  # resolved too: `docmine canonicalize` maps a stored mention from it
            m.canonical = m.resolved = fits[0]
            m.attrs = {**m.attrs, "rule": m.attrs.get("rule") or "home-body"}


_LONE_BODY = re.compile(r"(?<![\w.&'’-])([A-Z][a-z]+)(?![\w&'’-]| [A-Z]| of\b)")
_THE_BEFORE = re.compile(r"(?<![\w-])[Tt]he\s+$")  # "the Police" is the generic back-reference
_NAME_GOES_ON = re.compile(r"\b(?:for|of)\s+(?:[A-Z][\w'’-]*,?\s+)+(?:and|&)\s+$")  # "Minister for Justice and Customs"
# what a body does or who works for it, after its name at a sentence's start ("Customs has seized",
# "Customs officers inspected"; not "Customs enforcement teams of the Ministry of Trade")
_BODY_ACTS = re.compile(r" (?:has|have|had|is|was|will|would|also|said|says|seized|seizes|intercepted|found|"
                        r"detected|works|worked|officers|officials|staff|investigators)(?![\w-])")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\"“”(\n–—]|\n\s*[-*•]?| -)\s*$")  # a dateline's dash too


def _lone_home_bodies(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """A body's one-word name inside a sentence ("intercepted by Customs", "working alongside
    Customs") is the lexicon's body of that name of the one country the document is about ("New
    Zealand Customs Service" in a release that names New Zealand), where the model read nothing; not
    at a sentence's start unless a verb or its staff follows ("Customs has seized", "Customs
    officers inspected") and the document names the body so inside a sentence too, nor beside
    another capitalised word ("Manawatu Police"), nor after "the" (the guidelines' generic
    back-reference: "monitored by the Police")."""
    bare = vars(lex).get("_lone_bodies")  # built once per lexicon, kept on it
    if bare is None:
        words = set(getattr(lex, "rules", {}).get("place", {}).get("org_words", ()))
        bare = vars(lex)["_lone_bodies"] = {k: v for k, v in _bare_bodies(lex).items() if k in words}
    if not bare:  # "police", "customs", "navy"
        return mentions
    countries = {m.canonical for m in mentions if m.label == "PLACE"}
    countries |= {lex.org_countries.get(m.canonical, "") for m in mentions if m.label == "ORG"}
    added, opening = [], []
    for hit in _LONE_BODY.finditer(text):
        word = hit.group(1)
        fits = [c for c in bare.get(word.lower(), ()) if lex.org_countries.get(c) in countries]
        s, e = hit.span(1)
        if len(fits) != 1 or _THE_BEFORE.search(text, max(0, s - 5), s) \
                or _NAME_GOES_ON.search(text, max(0, s - 60), s) \
                or re.search(r"[A-Z][\w.]*[ \t]+$", text[max(0, s - 30):s]) or not _free(mentions, s, e):
            continue
        m = Mention(s, e, "ORG", word, resolved=fits[0], canonical=fits[0], source="rule", attrs={"rule": "home-body"})
        if not _SENTENCE_OPEN.search(text, max(0, s - 4), s):
            added.append(m)
        elif _BODY_ACTS.match(text, e):
            opening.append(m)
    # a sentence's first word is a capital anyway: it is the body where the document also names it so
    # inside a sentence ("detained by Customs ... Customs has seized"; not a lone "Police said")
    named = {m.text for m in added}
    added += [m for m in opening if m.text in named]
    return mentions + added if added else mentions


def _adjective_before_surname(mentions: list[Mention], given: frozenset[str]) -> list[Mention]:
    """"Unrepentant Dumani", "Young Dumani": the model read an adjective that opens a sentence into the
    person's name. When the document names the person in full ("Edmond Dumani") and the first word is
    a WordNet adjective and no first name, the mention is the surname alone (rule ``surname-alone``)."""
    from docmine.nlp.gazetteer import word_classes

    adjectives = word_classes().get("adj", frozenset())
    lasts: dict[str, str] = {}
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and len(words) >= 2:
            lasts.setdefault(words[-1], m.resolved or m.text)
    out = []
    for m in mentions:
        words = m.text.split(" ")
        if m.label == "PERSON" and len(words) == 2 and words[1] in lasts and words[0].lower() in adjectives \
                and words[0] not in given and not lasts[words[1]].startswith(words[0] + " "):
            start = m.start + len(words[0]) + 1
            m = _copy(m, start=start, text=words[1], resolved=lasts[words[1]],
                      attrs={**m.attrs, "rule": "surname-alone"})
        out.append(m)
    return out


_CAPS_ACRONYM = re.compile(r"(?<![\w.’'-])[A-Z]{3,6}(?![\w’'-])")
_INITIAL_SMALL = frozenset(("of", "and", "the", "for", "on", "in", "against", "to", "&"))


def _initialled_bodies(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """An acronym the text never defines that spells the initials of an organisation the document
    names in full is that organisation: "The Dutch High Tech Crime Unit ... HTCU took Hansa offline"
    (the name's words, or all but a first word such as a nationality; three letters at least). Not
    an acronym a lexicon knows, nor one two names spell."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = m.text.split()
        if m.label != "ORG" or len(words) < 3:
            continue
        content = [w for w in words if w.lower() not in _INITIAL_SMALL]
        if not all(w[:1].isupper() for w in content):
            continue
        initials = "".join(w[0] for w in content)
        full = m.resolved or m.text
        by_initials[initials].add(full)
        if len(initials) >= 4:
            by_initials[initials[1:]].add(full)
    if not by_initials:
        return mentions
    index = _Index(mentions)
    titles = frozenset(getattr(lex, "rules", {}).get("place", {}).get("title_heads", ()))
    spans = {(m.start, m.end): m for m in mentions}
    dropped: set[int] = set()
    added: list[Mention] = []
    for hit in _CAPS_ACRONYM.finditer(text):
        acr = hit.group()
        names = by_initials.get(acr)
        if not names or len(names) > 1 or lex.orgs.get(alias_key(acr)) or acr in lex.org_case_sensitive \
                or lex.places.get(alias_key(acr)) or acr in lex.place_case_sensitive or lex.drug(acr) is not None:
            continue
        after = re.match(r"\s+([a-z]+)", text[hit.end():hit.end() + 20])
        if after and after.group(1) in titles:
            continue  # "the GELS programme": an instrument's name, no body
        s, e = hit.span()
        same = spans.get((s, e))
        if same is None and index.overlapping(s, e):
            continue  # inside or against another mention
        full = next(iter(names))
        if same is not None and (same.label != "ORG" and same.source != "model"
                                 or same.label == "ORG" and same.resolved not in ("", acr)):
            continue  # another rule's mention, or an acronym already resolved (defined in brackets)
        if same is not None:
            dropped.add(id(same))
        added.append(Mention(s, e, "ORG", acr, resolved=full, source="rule", attrs={"rule": "acronym-initials"}))
    if not added:
        return mentions
    return sorted([*(m for m in mentions if id(m) not in dropped), *added], key=lambda m: (m.start, m.end))


def resolve_document(text: str, mentions: list[Mention], lex=None) -> list[Mention]:
    """Apply the document-level rules; canonical names are recomputed for changed mentions."""
    known = getattr(lex, "people", None) or {}
    titles = person_titles(lex) if lex is not None else frozenset()
    from docmine.nlp.lexicon import given_names

    given = given_names() if lex is not None else frozenset()
    out = _nicknames(text, _eras(text, mentions), titles, given, *_handle_words(lex))
    out = _administrations(text, out, known, lex)
    out = _operation_names(text, out, lex)
    out = _known_people(text, out, known, lex)
    out = _governments(text, out, lex)
    out = _common_nouns(text, out, known)
    org_words = frozenset(getattr(lex, "rules", {}).get("place", {}).get("org_words", ())) if lex is not None \
        else frozenset()
    out = _headings(text, out, org_words)
    out = _bodies_again(text, out, org_words, lex)
    out = _term_acronyms(text, out, lex)
    if lex is not None:
        out = _initialled_bodies(text, out, lex)
    if lex is not None:
        out = _full_names(out, org_words, given)
        out = _adjective_before_surname(out, given)
        out = _appositive_people(text, out, titles, lex)
        out = _place_then_person(text, out, given, titles, lex, org_words)
    else:
        out = _full_names(out, org_words)
    out = _tickers(text, out)
    if lex is not None:  # before one label per name: "the [Hansa] marketplace" says what "Hansa" is
        out = _lowercase_heads(text, out, lex)
        out = _darknet_markets(text, out, lex)
    out = _one_label(out)
    if lex is not None:
        out = _groups_in_lists(text, out, lex)
        out = _district_offices(text, out, lex)
        out = _company_names(text, out, frozenset(getattr(lex, "rules", {}).get("org", {}).get("legal_forms", ())), lex)
        out = _org_short_names(text, out, lex)
        out = _defined_names(text, out)
        out = _tickers(text, _caps_lines(text, out))
        out = _quote_speakers(text, out, lex)
        out = _credit_names(text, out)
        out = _said_names(text, out, given)
        out = _post_comma_names(text, out, titles, given, org_words, lex)
        out = _coordinated_people(text, out, org_words, lex)
        out = _sibling_names(text, out, lex)
        out = _family_names(out, org_words, lex)
        out = _bylines(text, out, given, lex)
        out = _unread_people(text, out, given, org_words, lex)
        out = _people_by_context(text, out, lex)
        out = _initialled_people(text, out, lex)
        out = _initialled_list_people(text, out)
        out = _country_bodies(text, out, lex)
        out = _package_labels(text, out)
        out = _given_name_people(text, out, given, org_words, lex)
        out = _given_name_before_place(text, out, given, lex)
        out = _residents(text, out)
        out = _addresses(text, out, lex)
        out = _parliament_names(text, out, lex)
        out = _place_and_agency(text, out, lex)
        out = _joined_places(text, out, lex)
        # a surname that speaks after a quotation makes the full name a person too ("Ivan Bianchi"
        # as ORG beside '... expected," Bianchi said')
        out = _full_names(out, org_words, given)
        out = _people_from(text, out, lex)
        out = _name_parts(text, out, given, lex)
        out = _lone_given_names(text, out, given, lex)
        out = _determined_names(text, out, given)
        out = _pronoun_agreement(text, out)
        out = _people_by_evidence(text, out, lex)
        out = _surnames_again(out)
        out = _places_by_prepositions(text, out, given, lex)
        for m in out:
            if m.attrs.get("rule") in ("nickname", "administration", "people", "government-of", "full-name",
                                       "lowercase-head", "district-office", "district", "appositive",
                                       "place-person", "company-name", "org-short-name", "caps-line", "quote-speaker",
                                       "credit-name", "said-name", "person-from", "name-part", "given-name",
                                       "ticker", "pronoun-it", "person-context", "place-resident", "place-address",
                                       "person-member", "place-seat", "place-agency", "place-joined",
                                       "acronym-initials", "defined-name") \
                    or str(m.attrs.get("rule", "")).startswith("one-label") or m.label == "PERSON":
                m.canonical = lex.canonical(m.label, m.resolved or m.text)
    if lex is not None and getattr(lex, "org_countries", None):
        _acronyms_in_context(text, out, lex)
        _home_bodies(out, lex)
        out = _lone_home_bodies(text, out, lex)
    out.sort(key=lambda m: (m.start, m.end))
    return out


_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:in|from|at|near|to|into|across|towards)\s+$")


def _places_by_prepositions(text: str, mentions: list[Mention], given: frozenset[str], lex) -> list[Mention]:
    """A one-word name the model read as a person that the document writes two times or more after
    "in", "from", "to", "at" or "near", in at least half of its occurrences, is a place (rule
    ``place-by-preposition``): "yaba pills from Maheshkhali of Cox's Bazar ... son of Muslim Mia of
    Kutubzom in Maheshkhali ... from Myanmar to Maheshkhali's coast" (a village no list knows). Not a
    first name, not a word of a longer person's name, and no person's evidence beside it (a title
    before, a verb of saying after)."""
    name_words = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    titles = person_titles(lex)
    candidates = {m.text for m in mentions if m.label == "PERSON" and m.source in ("model", "rule")
                  and _LONE_NAME.fullmatch(m.text) and m.text not in given and m.text not in name_words
                  and not str(m.attrs.get("rule") or "").startswith("person")}
    places: set[str] = set()
    for name in candidates:
        hits = list(occurrences(text, name, "-", "-"))
        before = [text[max(0, s - 12):s] for s, _ in hits]
        if any(_SPEAKS_AFTER.match(text, e) for _, e in hits) \
                or any(b.split()[-1].lower().rstrip(".") in titles for b in before if b.split()):
            continue
        n = sum(bool(_PLACE_BEFORE.search(b)) for b in before)
        if n >= 2 and 2 * n >= len(hits):
            places.add(name)
    if not places:
        return mentions
    out = []
    for m in mentions:
        if m.text in places and m.label == "PERSON":
            m = _copy(m, label="PLACE", resolved=m.text, attrs={**m.attrs, "rule": "place-by-preposition"})
            m.canonical = lex.canonical("PLACE", m.text)
        out.append(m)
    return out


# -- languages that decline names (Croatian, Serbian, Bosnian) -------------------------------------------

_CAP_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'’-]*(?![\w-])")
_MIN_STEM = 3


def name_stems(word: str, endings: tuple[str, ...]) -> set[str]:
    """The stems a declined name may have: the word itself and the word less each case ending it
    ends in ("Sanaderu" -> "Sanaderu", "Sanader", "Sanade"; "Тадића" -> "Тадића", "Тадић", "Тадић")."""
    out = {word}
    for e in endings:
        if e and word.endswith(e) and len(word) - len(e) >= _MIN_STEM:
            out.add(word[: -len(e)])
    return out


def _same_name(a: str, b: str, endings: tuple[str, ...]) -> bool:
    """Two forms of one declined name: one is the other with a case ending, or both are a shared
    stem with one ("Sanader" / "Sanadera" / "Sanaderu", "Berisha" / "Berishe", "Horvata" / "Horvat")."""
    if a == b:
        return True
    if a[:_MIN_STEM] != b[:_MIN_STEM]:
        return False
    sa, sb = name_stems(a, endings), name_stems(b, endings)
    return bool(sa & sb) and min(len(s) for s in sa & sb) >= max(4, min(len(a), len(b)) - 3)


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() and len(word) >= 4


def resolve_declined_names(text: str, mentions: list[Mention], lex, endings: tuple[str, ...]) -> list[Mention]:
    """Document-level resolution for a language that declines names (``endings``: its case endings,
    from ``models/languages.toml``). A person named in full in the document ("Ivo Sanader",
    "Marka Horvata") is the PERSON of every other form of the surname in it: "Sanader",
    "Sanadera", "Sanaderu" alone, which the model calls a person, an organisation or a place or
    misses, all resolved to the full name; a given name right before a surname form is part of
    the mention ("Ive Sanadera"). A lexicon's mention of the same letters (a place) keeps its label."""
    people: list[tuple[str, str, str]] = []  # (surname form, first name form, the full name)
    for m in sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start):
        words = m.text.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() or w in ("-", "–") for w in words) \
                and _is_name_word(words[-1]):
            people.append((words[-1], words[0], m.resolved or m.text))
    if not people:
        return mentions
    # one full name per person: the shortest of its forms, most often the nominative ("Marko Horvat"
    # rather than "Marka Horvata"), the first written on a tie
    for i, (surname, first, _) in enumerate(people):
        forms = [p[2] for p in people if _same_name(p[0], surname, endings) and _same_name(p[1], first, endings)]
        people[i] = (surname, first, min(forms, key=len))

    def person_of(word: str) -> tuple[str, str, str] | None:
        hits = {full: (s, f, full) for s, f, full in people if _same_name(word, s, endings)}
        if len(hits) > 1:  # two people of that surname (a couple, brothers): a person, but which one?
            return (word, "", word)
        return next(iter(hits.values())) if hits else None

    from docmine.nlp.lexicon import given_names

    given = given_names()
    out = list(mentions)
    for hit in _CAP_WORD.finditer(text):
        word = hit.group(0)
        if not _is_name_word(word):
            continue
        person = person_of(word)
        if person is None:
            continue
        s, e = hit.start(), hit.end()
        clash = [m for m in out if m.start < e and s < m.end]
        if len(clash) == 1 and clash[0].label == "PERSON" and (clash[0].start, clash[0].end) == (s, e):
            m = clash[0]  # the model's own "Sanadera": the person named in full
            if m.resolved in ("", m.text):
                out[out.index(m)] = _copy(m, resolved=person[2], attrs={**m.attrs, "rule": "declined-name"})
            continue
        if any(m.label == "PERSON" for m in clash):
            continue
        if clash:
            if len(clash) == 1 and (clash[0].start, clash[0].end) == (s, e) and clash[0].source == "model" \
                    and clash[0].label in ("ORG", "PLACE"):
                m = clash[0]
                out[out.index(m)] = _copy(m, label="PERSON", resolved=person[2],
                                          attrs={**m.attrs, "rule": f"declined-name:{m.label}"})
            continue
        # a given name right before it is the person's too ("Ive Sanadera")
        before = re.search(r"([^\W\d_][\w'’-]*) $", text[max(0, s - 40): s])
        if before and person[1] and before.group(1)[:1].isupper() and not before.group(1).isupper() and (
                _same_name(before.group(1), person[1], endings) or before.group(1) in given):
            b = s - len(before.group(0))
            if not any(m.start < s and b < m.end for m in out):
                s = b
        out.append(Mention(s, e, "PERSON", text[s:e], resolved=person[2], source="rule",
                           attrs={"rule": "declined-name"}))
    for m in out:
        if str(m.attrs.get("rule", "")).startswith("declined-name"):
            m.canonical = lex.canonical("PERSON", m.resolved) if lex is not None else m.resolved
    out.sort(key=lambda m: (m.start, m.end))
    return out


def name_key(text: str, endings: tuple[str, ...]) -> str:
    """One key for every case form of a name: each word's shortest stem ("Europske unije",
    "Europska unija" -> "Europsk unij")."""
    return " ".join(min(name_stems(w, endings), key=len) for w in text.split())


def one_label_declined(mentions: list[Mention], endings: tuple[str, ...]) -> list[Mention]:
    """One label per name per document in a language that declines names: :func:`_one_label` over
    every case form of a name ("Kosovo", "Kosova", "Kosovu")."""
    return _one_label(mentions, lambda text: name_key(text, endings))


_SENT_START = re.compile(r"(?:^|[.!?…:;][\"”»“'’)]*\s|\n)[\s\"“„»«(–—-]*$")
_EVIDENCE_CHARS = 600
_COMMON_ZIPF = 3.5  # wordfreq's Zipf frequency of an everyday Serbo-Croatian word ("alat" 4.3, "gitara" 3.8)


def _bcms_zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    return zipf_frequency(word.lower(), "sr")  # "sr" reads Latin and Cyrillic alike


def drop_sentence_initial_words(text: str, mentions: list[Mention], endings: tuple[str, ...]) -> list[Mention]:
    """A sentence's first word is capitalised whatever it is, and the model often calls an everyday
    word there a person ("Alat za otklanjanje...", "Gitara ima od 300 kn", "Lovci pritom ...").
    A single-word model PERSON at the start of a sentence is dropped when it is an everyday word --
    written in lower case elsewhere in the document, or frequent in Serbo-Croatian (wordfreq) --
    and nothing in the document says it is a name: it is no given name, no case form of a word of a
    longer PERSON mention ("Kosor" after "Jadranka Kosor"), and not capitalised anywhere inside a
    sentence."""
    from docmine.nlp.lexicon import given_names

    given = given_names()
    name_words = [w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()]
    out = []
    for m in mentions:
        word = m.text
        if m.source == "model" and m.label == "PERSON" and " " not in word and word[:1].isupper() \
                and not word.isupper() and word not in given \
                and _SENT_START.search(text[max(0, m.start - 12): m.start]) \
                and not any(_same_name(word, w, endings) for w in name_words):
            lower = any(occurrences(text, word.lower()))
            inside = any(not _SENT_START.search(text[max(0, hs - 12): hs]) for hs, _ in occurrences(text, word))
            # frequency alone only in a text long enough to have named its people in full: a lone sentence
            # ("Kosor je rekla ...") has no such evidence either way
            if not inside and (lower or (len(text) >= _EVIDENCE_CHARS and _bcms_zipf(word) >= _COMMON_ZIPF)):
                continue
        out.append(m)
    return out


def _known_place(text: str, lex, endings: tuple[str, ...]) -> bool:
    """Is this name, as written or in the nominative a case ending hides ("Hong Konga", "Ptuja"), a place
    of the gazetteer?"""
    import itertools

    words = text.split()
    if not 1 <= len(words) <= 3:
        return False
    if len(words) == 1:  # one word: only a singular case form of it ("Ptuja", "Statfordu"), as a person
        # may be named like a town ("Massa"), and a plural or vowel ending is as often a name's own ("Takumi");
        # and only a place's own name, not a spelling the gazetteer also lists ("Sejdi" for Seydi: "Sejdiu")
        from docmine.nlp.lexicon import strip_accents

        for e in _CASE_ENDINGS:
            stem = text[: -len(e)].lower()
            if text.endswith(e) and len(stem) >= _MIN_STEM and stem in lex.places \
                    and strip_accents(lex.places[stem][0]).lower() == strip_accents(stem):
                return True
        return False
    forms = [sorted(name_stems(w, endings)) for w in words]
    return any(" ".join(combo).lower() in lex.places for combo in itertools.product(*forms))


_CASE_ENDINGS = ("a", "u", "om", "em", "а", "у", "ом", "ем")  # genitive, dative/locative, instrumental


def places_not_people(text: str, mentions: list[Mention], lex, endings: tuple[str, ...]) -> list[Mention]:
    """A model PERSON that is a place of the gazetteer in one of its case forms ("iz Zagreba",
    "grada Ptuja", "od Hong Konga") is that PLACE, unless something in the document says it is a
    person: it starts with a given name, or it is a word of a longer PERSON mention."""
    from docmine.nlp.lexicon import given_names

    if lex is None or not getattr(lex, "places", None):
        return mentions
    given = given_names()
    name_words = [w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()]
    out = []
    for m in mentions:
        if m.source == "model" and m.label == "PERSON" and m.text.split()[0] not in given \
                and not (" " not in m.text and any(_same_name(m.text, w, endings) for w in name_words)) \
                and _known_place(m.text, lex, endings):
            m = _copy(m, label="PLACE", attrs={**m.attrs, "rule": "place-not-person"})
            m.canonical = lex.canonical("PLACE", m.text)
        out.append(m)
    return out


_NAME_WORD = re.compile(r"[^\W\d_][\w'’&-]*")
_ACRONYM_CASE = re.compile(r"\b([^\W\d_a-zčćšžđа-яђјљњћџ]{2,})-[^\W\d_]{1,4}\b")  # "IZ-a", "NATO-om", "ЕУ-а"


def _org_key(text: str, endings: tuple[str, ...]) -> str:
    """:func:`name_key`, an acronym's case ending after the hyphen dropped ("IZ-a" -> "IZ")."""
    return name_key(_ACRONYM_CASE.sub(r"\1", text), endings)


def _bodies_again(text: str, mentions: list[Mention], org_words: frozenset[str], lex=None) -> list[Mention]:
    """A body's full name the document labels ORG, and nothing else, is an ORG wherever the document
    writes it again, also in a title-case heading the model did not read ("Department of State
    Announces New Sanctions ...", rule ``org-again``). Only names of three words or more whose head
    is a body's word ("Homeland Security" of "Homeland Security Advisor" is not carried around); and
    an acronym the document labels ORG and nothing else, no everyday word, where the model missed it
    again ("resulted in AFP and ABF ... AFP investigators removed the drugs": a sentence's first
    word)."""
    from docmine.nlp.canonical import name_head
    from docmine.nlp.gazetteer import common_words

    labels: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label in _LABELS:
            labels[m.text.casefold()].add(m.label)
    names = {m.text for m in mentions if m.label == "ORG" and labels[m.text.casefold()] == {"ORG"}
             and len(m.text.split()) >= 3 and "\n" not in m.text and name_head(m.text) in org_words}
    acronyms = {m.text for m in mentions if m.label == "ORG" and labels[m.text.casefold()] == {"ORG"}
                and _ACRONYM.fullmatch(m.text) and m.text.lower() not in common_words()}
    if acronyms and "(" in text:  # not an acronym of a phrase in lower case: "opioid use disorder (MOUD)"
        from docmine.nlp.canonical import term_acronyms

        acronyms -= term_acronyms(text)
    if acronyms:
        # evidence that the acronym names a body, beyond one reading of the model: the document
        # defines it ("... Training Centre (AMATEM)"), the model read it twice, or it stands beside
        # another body ("AFP and ABF")
        read = Counter(m.text for m in mentions if m.label == "ORG" and m.text in acronyms)
        starts = {m.start for m in mentions if m.label == "ORG"}
        acronyms = {a for a in acronyms if read[a] >= 2 or f"({a})" in text or any(
            (hit := re.match(r"\s+(?:and|or|&)\s+", text[e:e + 8])) and e + hit.end() in starts
            for _, e in occurrences(text, a, "-", "-"))}
        covered = _Index(mentions)
        again = [_org_again(text, s, e, lex) for name in acronyms for s, e in occurrences(text, name, "-<", "-")
                 if not covered.overlapping(s, e) and not CAPS_LINE.match(_line_at(text, s))
                 and not re.match(r"\.[A-Z]", text[e:e + 2])  # not a ticker: "<BP.L>"
                 and not re.search(r"\d\S*\s+$", text[max(0, s - 8):s])]  # nor a unit: "1400 GMT", "256K DRAM"
        if again:
            mentions = sorted([*mentions, *again], key=lambda m: (m.start, m.end))
    if not names:
        return mentions
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?![\w-])", re.I)
    covered = _Index(mentions)
    added = [_org_again(text, s, e, lex) for s, e in (hit.span() for hit in pattern.finditer(text))
             if text[s].isupper() and not covered.overlapping(s, e)]
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions


_ACRONYM = re.compile(r"[A-Z]{2,6}")


def _line_at(text: str, i: int, j: int | None = None) -> str:
    """The line of ``text`` that holds position ``i`` (the lines from ``i``'s to ``j``'s)."""
    return text[text.rfind("\n", 0, i) + 1: (text.find("\n", i if j is None else j) + 1 or len(text) + 1) - 1]


def _org_again(text: str, start: int, end: int, lex=None) -> Mention:
    """The ORG mention of a name found again (rule ``org-again``), with its canonical name."""
    m = Mention(start, end, "ORG", text[start:end], resolved=text[start:end], source="rule",
                attrs={"rule": "org-again"})
    m.canonical = lex.canonical("ORG", m.text) if lex is not None else m.text
    return m


def propagate_orgs(text: str, mentions: list[Mention], endings: tuple[str, ...], lex=None) -> list[Mention]:
    """An organisation the document names is an organisation wherever it names it again: every other
    occurrence of an ORG mention's words, in any case form ("IZ" after "IZ-a", "APN-u" after "APN"), that
    no mention covers becomes an ORG mention -- when ORG is the only label the document's mentions of that
    name have. A single everyday word ("Ministarstvu" out of "Ministarstvu graditeljstva") is not
    propagated unless written in capitals (an acronym)."""
    labels: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.label in _LABELS:
            labels[_org_key(m.text, endings)].add(m.label)
    keys = {k for k, labs in labels.items() if labs == {"ORG"}}
    if not keys:
        return mentions
    covered = sorted((m.start, m.end) for m in mentions)
    words = [(h.start(), h.end(), h.group(0)) for h in _NAME_WORD.finditer(text)]
    added: list[Mention] = []
    i = 0
    while i < len(words):
        hit = None
        for n in (4, 3, 2, 1):  # the longest name first
            run = words[i:i + n]
            if len(run) < n or not run[0][2][:1].isupper():
                continue
            s, e = run[0][0], run[-1][1]
            if re.search(r"[\n.,;:\"“”„()]", text[s:e]) or _org_key(text[s:e], endings) not in keys:
                continue
            if n == 1 and not run[0][2].split("-")[0].isupper() and _bcms_zipf(run[0][2]) >= _COMMON_ZIPF:
                continue
            if any(a < e and s < b for a, b in covered) or any(a.start < e and s < a.end for a in added):
                continue
            hit = (s, e, n)
            break
        if hit is None:
            i += 1
            continue
        s, e, n = hit
        added.append(_org_again(text, s, e, lex))
        i += n
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end)) if added else mentions
