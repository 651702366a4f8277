"""spaCy components that turn the model's entities into docmine's labels.

``docmine_domain`` runs after ``ner``: it maps the model's labels (GPE/LOC/FAC -> PLACE),
adds lexicon matches (drugs, agencies, places) from ``models/``, removes what the rules in
``models/rules.toml`` say is not an entity (routes, report titles, programmes), and trims
titles and possessives. ``docmine_quantities`` then finds drug amounts. Both are registered
with spaCy's factory registry so they can be named in a pipeline config.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from docmine.nlp.lexicon import Lexicon, alias_key, plural_forms

MODEL_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
_APOS = ("'s", "’s", "'", "’")
# lower-case words that never stand inside a name: a model entity spanning one is two entities
_AMOUNT_WORDS = {"kg", "kgs", "kilograms", "kilogram", "kilos", "kilo", "grams", "gram", "g", "tons", "tonnes",
                 "pounds", "lbs", "ounces", "oz", "litres", "liters", "doses", "bags", "packets", "of"}
_QUOTES = {'"', "“", "”", "‘", "’", "'"}
_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9]{1,5}|No\.?\s?\d)$")  # "MD", "PBC", "HGH", "No.4"
# a capitalised function word inside a model entity starts a new sentence or headline:
# "Münster After the evacuation", "Portugal The Brazilian Federal Police"
_CAPITAL_BREAKS = {"After", "Before", "The", "In", "On", "At", "When", "While", "During", "Since", "As", "Then"}
_POSS_TOKENS = ("'s", "’s")
_DASHES = {"-", "--", "—", "–", "---"}
_BREAK_WORDS = {"at", "in", "from", "near", "with", "to", "by", "via", "into", "onto"}


def _set_ext():
    for name, default in (("docmine_source", None), ("docmine_role", None)):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


class DomainEntities:
    def __init__(self, nlp: Language, lexicon: Lexicon):
        _set_ext()
        self.lex = lexicon
        r = lexicon.rules
        self.titles = {t.rstrip(".") for t in r.get("person", {}).get("titles", [])}
        self.particles = set(r.get("person", {}).get("particles", []))
        self.name_suffixes = set(r.get("person", {}).get("suffixes", []))
        self.not_name = set(r.get("person", {}).get("not_name_words", []))
        self.speech_verbs = set(r.get("person", {}).get("speech_verbs", []))
        self.not_org_heads = set(r.get("org", {}).get("not_org_heads", []))
        self.not_org_starts = tuple(r.get("org", {}).get("not_org_starts", []))
        org = r.get("org", {})
        self.not_org_before = set(org.get("not_org_before", []))
        self.currencies = set(org.get("currencies", []))
        self.portfolio_words = set(org.get("portfolio_words", []))
        self.unit_suffixes = [u.split() for u in org.get("unit_suffixes", [])]
        self.generic_org = set(org.get("generic_words", []))
        self.contact_words = set(org.get("contact_words", []))
        dr = r.get("drug", {})
        self.cues = set(dr.get("context_cues", []))
        self.blockers = [b for b in dr.get("blocking_cues", [])]
        self.form_nouns = set(dr.get("form_nouns", []))
        self.form_adjs = set(dr.get("form_adjectives", []))
        self.merge_parens = bool(dr.get("merge_parenthesised", False))
        self.merge_acronyms = bool(dr.get("merge_parenthesised_acronyms", False))
        self.mixture_words = set(dr.get("mixture_words", []))
        self.form_phrases = sorted((p.split() for p in dr.get("form_phrases", [])), key=len, reverse=True)
        self.modifier_heads = set(dr.get("modifier_heads", []))
        self.gazetteer: dict[str, str] = {}
        pl = r.get("place", {})
        self.place_suffixes = set(pl.get("suffixes", []))
        self.place_prefixes = [p.split() for p in pl.get("prefixes", [])]
        self.place_org_suffixes = [[t.lower_ for t in nlp.tokenizer(p)] for p in pl.get("org_suffixes", [])]
        self.directions = set(pl.get("direction_prefixes", []))
        self.place_modifier_heads = set(pl.get("modifier_heads", []))
        self.not_datelines = set(pl.get("not_datelines", []))
        self.dateline_credits = {c.lower() for c in pl.get("dateline_credits", [])}
        self.acronym_modifier_heads = set(pl.get("acronym_modifier_heads", []))
        self.org_place_heads = set(pl.get("org_place_heads", []))
        self.org_words = set(pl.get("org_words", []))
        self.org_place_before = set(pl.get("org_place_before", []))
        self.facility_heads = set(pl.get("facility_heads", []))
        self.org_of_heads = set(org.get("of_place_heads", []))
        self.generic_body = set(org.get("generic_body_words", []))
        self.org_for_heads = set(org.get("for_place_heads", []))
        self.residence_before = [w.split() for w in pl.get("residence_before", [])]
        self.designator_before = set(pl.get("designator_before", []))
        from spacy.matcher import Matcher

        self.designated = Matcher(nlp.vocab)
        nouns = pl.get("designator_nouns", [])
        if nouns:
            word = {"IS_TITLE": True, "IS_ALPHA": True,
                    "ORTH": {"NOT_IN": ["The", "A", "In", "At", "Of", "On", "And", "the", "a", "an", "in", "at", "of", "on", "and"]}}
            self.designated.add("PLACE", [[{**word, "OP": "+"}, {"LOWER": {"IN": nouns}, "IS_LOWER": True}],
                                          [{**word, "OP": "+"}, {"ORTH": "-"}, {**word, "OP": "+"},
                                           {"LOWER": {"IN": nouns}, "IS_LOWER": True}]], greedy="LONGEST")
        facilities = pl.get("facility_nouns", [])
        if facilities:
            self.designated.add("FACILITY", [[{"IS_TITLE": True, "IS_ALPHA": True, "OP": "+",
                                               "LOWER": {"NOT_IN": ["the", "a", "an", "in", "at", "of", "on", "and", "near"]}},
                                              {"LOWER": {"IN": ["police", "railway", "bus", "train", "border", "fuel", "petrol", "gas"]}, "OP": "?"},
                                              {"LOWER": {"IN": facilities}}]], greedy="LONGEST")
        joined = pl.get("joined_heads", [])
        if joined:  # "India-Pakistan border", "German-Dutch border", "Van-Hakkari highway", "US/Mexico border"
            name = {"IS_ALPHA": True, "SHAPE": {"REGEX": "^X"}}
            self.designated.add("JOINED", [[name, {"ORTH": {"IN": ["-", "/", "–"]}}, name,
                                            {"LOWER": {"IN": joined}}]], greedy="LONGEST")
        roads = [w.split() for w in pl.get("road_words", [])]
        for words in roads:
            self.designated.add("ROAD", [[*({"LOWER": w, "IS_TITLE": True} for w in words),
                                          {"SHAPE": {"IN": ["d", "dd", "ddd", "dddd", "dX", "ddX", "dddX"]}}]])

        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cs_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        tok = nlp.tokenizer
        drug_terms = set()
        for term in lexicon.drugs:
            drug_terms.add(term)
            drug_terms.update(plural_forms(term))
        self.matcher.add("DRUG", [tok(t) for t in sorted(drug_terms)])
        self.matcher.add("ORG", [tok(a) for a in sorted(lexicon.surfaces["ORG"])])
        self.matcher.add("PLACE", [tok(a) for a in sorted(lexicon.surfaces["PLACE"])])
        self.matcher.add("BLOCK", [tok(t) for t in sorted(set(lexicon.routes) | set(lexicon.titles))])
        self.matcher.add("BLOCK", [tok(t.lower() + "s") for t in lexicon.routes])
        self.cs_matcher.add("ORG", [tok(a) for a in sorted(lexicon.org_case_sensitive)])
        if pl.get("gazetteer", False):
            from docmine.nlp.gazetteer import place_names

            self.gazetteer = place_names()  # looked up by n-gram text: no matcher to build
        self.cs_matcher.add("PLACE", [tok(a) for a in sorted(lexicon.place_case_sensitive)])

    # ------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        matches = [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]
        matches += [(doc.vocab.strings[m], s, e) for m, s, e in self.cs_matcher(doc)]
        blocks = [(s, e) for lab, s, e in matches if lab == "BLOCK"]
        gazetteer = filter_spans(self._gazetteer_spans(doc))
        lex_spans: list[Span] = []
        for lab, s, e in matches:
            if lab == "BLOCK":
                continue
            span = Span(doc, s, e, label=lab)
            if lab == "DRUG":
                span = self._drug_span(span)
                if span is None:
                    continue
            lex_spans.append(span)
        for _, s_, e_ in self.designated(doc):
            if doc[s_].lower_ not in self.not_name and not doc[s_].is_sent_start or e_ - s_ > 2:
                lex_spans.append(Span(doc, s_, e_, label="PLACE"))
        lex_spans += self._dateline_spans(doc) + self._postal_spans(doc)
        lex_spans = [sp for sp in lex_spans if not any(b_s < sp.end and sp.start < b_e for b_s, b_e in blocks)
                     or sp.label_ == "DRUG"]
        lex_spans = filter_spans(lex_spans)
        if self.merge_parens:
            lex_spans = self._merge_glosses(lex_spans)

        model_spans = []
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            if label is None:
                continue
            for start, end in _split_parts(doc, ent.start, ent.end, self.contact_words):
                span = self._clean(Span(doc, start, end, label=label), blocks)
                if span is not None:
                    model_spans.append(span)

        model_spans, lex_spans = self._org_ending_in_place(model_spans, lex_spans)
        final: list[Span] = []
        taken = set()
        # Lexicon matches win over the model where they cover the model's span; a model span
        # that strictly contains a lexicon ORG/PLACE match (a longer organisation name) wins.
        for span in sorted(lex_spans, key=lambda s: -(s.end - s.start)):
            if any(s < span.end and span.start < e for s, e in blocks) and span.label_ != "DRUG":
                continue
            containing = [
                m for m in model_spans
                if m.start <= span.start and span.end <= m.end and (m.end - m.start) > (span.end - span.start)
            ]
            if containing and span.label_ != "DRUG":
                if not self._name_of_org(containing[0], span):
                    continue
                name = Span(doc, containing[0].start, span.start - 1, label="PERSON")  # "Horst" of Europol
                if not taken.intersection(range(name.start, name.end)):
                    final.append(name)
                    taken.update(range(name.start, name.end))
            if containing and span.label_ == "DRUG" and containing[0].label_ == "ORG" and len(containing[0]) >= 3:
                continue
            final.append(span)
            taken.update(range(span.start, span.end))
        for span in model_spans:
            if not taken.intersection(range(span.start, span.end)):
                final.append(span)
        lex_keys = {(s.start, s.end) for s in lex_spans}
        # gazetteer places: where nothing else matched, or replacing a model ORG of the same extent
        used = {i for sp in final for i in range(sp.start, sp.end)}
        for g in gazetteer:
            if any(s < g.end and g.start < e for s, e in blocks):
                continue
            same = [sp for sp in final if (sp.start, sp.end) == (g.start, g.end)]
            after_prep = g.start > 0 and doc[g.start - 1].lower_ in ("of", "in", "from", "at", "near", "to")
            if same and (same[0].label_ == "ORG" or same[0].label_ == "PERSON" and after_prep) \
                    and (g.start, g.end) not in lex_keys:
                final.remove(same[0])
                final.append(g)
            elif not used.intersection(range(g.start, g.end)):
                final.append(g)
        final = filter_spans(final)
        others = {}  # token -> True when a name may absorb it (another PERSON, or a lone model word)
        for sp in final:
            absorbable = (sp.start, sp.end) not in lex_keys and (sp.label_ == "PERSON" or len(sp) == 1)
            for i in range(sp.start, sp.end):
                others[i] = absorbable
        final = [self._place_extent(s) if s.label_ == "PLACE"
                 else self._person_extent(s, others) if s.label_ == "PERSON" and (s.start, s.end) not in lex_keys
                 else s for s in final]
        final = self._merge_glosses(self._agency_units(filter_spans([s for s in final if s is not None])))
        final = filter_spans(final)
        final = filter_spans([self._speaker(self._model_place(s, lex_keys), lex_keys) for s in final])
        final = self._org_of_place(self._merge_possessive_places(self._merge_mixtures(final)))
        for span in final:
            span._.docmine_source = "lexicon" if (span.start, span.end) in lex_keys else "model"
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is not None and nxt.text == "-" and span.end + 1 < len(doc):
                nxt = doc[span.end + 1]
            if span.label_ == "DRUG":
                span._.docmine_role = "modifier" if nxt is not None and nxt.lower_ in self.modifier_heads else "substance"
            elif span.label_ == "PLACE" and nxt is not None and (
                    nxt.lower_ in _POSS_TOKENS or nxt.lower_ in self.place_modifier_heads and nxt.is_lower):
                span._.docmine_role = "modifier"  # "Mexico's shipping routes", "a Belfast man"
        doc.ents = final
        # lexicon matches a longer model span swallowed ("U.S." in "U.S. National Statement"): kept
        # aside so that they come back if the span filter later drops the model span
        kept = {(sp.start, sp.end) for sp in final}
        inner = []
        for sp in lex_spans:
            if (sp.start, sp.end) in kept or sp.label_ not in ("ORG", "PLACE"):
                continue
            outer = next((f for f in final if f.start <= sp.start and sp.end <= f.end
                          and (f.start, f.end) not in lex_keys), None)
            if outer is not None:
                inner.append((sp.start_char, sp.end_char, sp.label_, outer.start_char, outer.end_char))
        doc.user_data["docmine_inner"] = inner
        return doc

    def _dateline_spans(self, doc: Doc) -> list[Span]:
        """A news dateline: upper-case words opening a line before a comma, dash or bracket that
        name a known place ("BERLIN -", "REGINA --"), or that a place, a state abbreviation or an
        agency credit follows ("MARQUETTE, MICHIGAN —", "VAN (AA) -"). "WARNING -" is no place."""
        out = []
        for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
            i = sent.start
            while i < sent.end and doc[i].is_space:
                i += 1
            if i > 0 and "\n" not in doc[i - 1].text_with_ws and not doc[i - 1].is_space:
                continue  # only at the start of the text or of a line
            j = i
            while j < sent.end and j - i < 3 and doc[j].is_alpha and doc[j].is_upper and len(doc[j]) > 1:
                j += 1
            if j == i or j >= len(doc) or doc[j].text not in {",", "(", ":", *_DASHES}:
                continue
            name = doc[i:j]
            low = name.text.lower()
            if len(name.text) < 3 or low in self.not_datelines or name.text in self.lex.org_case_sensitive \
                    or low in self.lex.surfaces["ORG"]:
                continue
            after = doc[j + 1: j + 4]
            credited = doc[j].text == "(" and len(after) >= 2 and after[1].text == ")" \
                and after[0].text.lower() in self.dateline_credits
            placed = doc[j].text == "," and len(after) >= 1 and (
                after[0].text.lower() in self.lex.surfaces["PLACE"] or after[0].text.title() in self.lex.surfaces["PLACE"]
                or after[0].text in self.lex.place_postal or after[0].text.title() in self.gazetteer)
            known = low in self.lex.surfaces["PLACE"] or name.text.title() in self.gazetteer or (
                doc[j].text != ":" and name.text.title() in _all_place_names() and not any(_common_word(t) for t in name))
            if known or credited or placed:
                out.append(Span(doc, i, j, label="PLACE"))
        return out

    def _postal_end(self, doc: Doc, i: int) -> int | None:
        """End of a state or province abbreviation starting at token i after "<Town>, " ("Tucson,
        Ariz.", "Ashern, Man."), or None. An abbreviation that is also a word is not one before a
        capitalised word ("Jones, Man. United")."""
        if i < 2 or doc[i - 1].text != "," or not doc[i - 2].text[:1].isupper():
            return None
        postal = self.lex.place_postal
        end = None
        if doc[i].text in postal:
            end = i + 1
        elif i + 1 < len(doc) and doc[i + 1].text == "." and not doc[i].whitespace_ and doc[i].text + "." in postal:
            end = i + 2
        if end is not None and end < len(doc) and doc[end].is_title and _common_word(doc[i]):
            return None  # "Man. United", "Miss. Smith": a word-like abbreviation before a name
        return end

    def _postal_spans(self, doc: Doc) -> list[Span]:
        """State and province abbreviations after a town: "Tucson, Ariz.", "Ashern, Man."."""
        return [Span(doc, i, end, label="PLACE") for i in range(2, len(doc))
                if (end := self._postal_end(doc, i)) is not None]

    def _gazetteer_spans(self, doc: Doc) -> list[Span]:
        """Capitalised (or all-caps) n-grams of up to four tokens that name a gazetteer place."""
        names, out = self.gazetteer, []
        if not names:
            return out
        n_tok = len(doc)
        for i in range(n_tok):
            if not doc[i].text[:1].isupper():
                continue
            for n in (4, 3, 2, 1):
                if i + n > n_tok:
                    continue
                text = doc[i: i + n].text
                if text in names or (text.isupper() and text.title() in names):
                    out.append(Span(doc, i, i + n, label="PLACE"))
                    break
        return out

    def _may_extend(self, tok, own: set, others: dict) -> bool:
        """A word the model left outside a name joins it only if it is no everyday word: "Debra
        Perlingiere Please", "Director Carter Delivers" are a name and the next sentence."""
        return not _common_word(tok)

    def _name_token(self, tok) -> bool:
        """Could this token be part of a person's name?"""
        low = tok.lower_
        return (
            tok.is_alpha or "-" in tok.text and all(p.isalpha() for p in tok.text.split("-") if p)
        ) and tok.text[:1].isupper() and low not in self.not_name and low.rstrip(".") not in self.titles \
            and low not in self.lex.surfaces["PLACE"] and low not in self.lex.surfaces["ORG"] \
            and tok.text not in self.lex.org_case_sensitive and self.lex.drug(tok.text) is None

    def _person_extent(self, span: Span, others: set) -> Span:
        """Complete names the model cut short: "Pedro Albuquerque [Matos]", "[Ana] Paula dos Santos",
        "[van der] Berg"."""
        doc = span.doc
        start, end = span.start, span.end
        own = set(range(start, end))
        free = lambda i: 0 <= i < len(doc) and (i in own or others.get(i, True))  # noqa: E731
        while True:  # right: [particles] + capitalised name word
            j = end
            while free(j) and doc[j].lower_ in self.particles and doc[j].is_lower:
                j += 1
            if free(j) and self._name_token(doc[j]) and not doc[j].is_sent_start and doc[j - 1].whitespace_ \
                    and self._may_extend(doc[j], own, others):
                end = j + 1
            else:
                break
        if end < len(doc) and doc[end].lower_ in self.name_suffixes:
            end += 1
            if end < len(doc) and doc[end].text == "." and not doc[end - 1].text.endswith("."):
                end += 1
        while True:  # left: particles ("van der Berg") or a given name the model left out
            i = start - 1
            while free(i) and doc[i].lower_ in self.particles and not doc[i].is_punct:
                i -= 1
            if i < start - 1 and (not free(i) or not self._name_token(doc[i])):
                # particles only: keep them when they open the sentence ("Van der Berg said")
                if doc[i + 1].is_sent_start or doc[i + 1].text[:1].isupper():
                    start = i + 1
                break
            if free(i) and self._name_token(doc[i]) and not doc[i].is_sent_start and doc[i].whitespace_ \
                    and self._may_extend(doc[i], own, others):
                start = i
            else:
                break
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label="PERSON")

    def _org_ending_in_place(self, model_spans: list[Span], lex_spans: list[Span]) -> tuple[list[Span], list[Span]]:
        """An organisation whose name ends with a place the model cut short: the model's
        "UNODC Regional Office for Southeast Asia" and the lexicon's "Asia and the Pacific" make
        one ORG, "UNODC Regional Office for Southeast Asia and the Pacific"."""
        places_from = {}
        for p in lex_spans:
            if p.label_ == "PLACE":
                places_from.setdefault(p.start, []).append(p)
        drop = set()
        out = []
        for m in model_spans:
            if m.label_ == "ORG" and places_from \
                    and any(t.lower_ in self.org_for_heads or t.lower_ in self.org_of_heads for t in m):
                for i in range(m.start + 1, m.end):
                    for p in places_from.get(i, ()):
                        if m.end < p.end and any(t.lower_ in ("for", "of") for t in m.doc[m.start: p.start]):
                            m = Span(m.doc, m.start, p.end, label="ORG")
                            drop.add((p.start, p.end))
            out.append(m)
        return out, [p for p in lex_spans if (p.start, p.end) not in drop]

    def _name_of_org(self, model_span: Span, org: Span) -> bool:
        """The model ran a name into a known organisation: "(Sanne ter) Horst of Europol". When
        the words before its "of" are a name, not a body, they become a PERSON and the
        organisation stands alone ("Ministry of ... of Europol" keeps the longer span)."""
        doc = org.doc
        if org.label_ != "ORG" or model_span.label_ != "ORG" or org.end != model_span.end:
            return False
        head = doc[model_span.start: org.start - 1]
        return (org.start - model_span.start) in (2, 3) and doc[org.start - 1].lower_ == "of" \
            and all(self._name_token(t) and t.lower_ not in self.org_words and t.lower_ not in self.generic_body
                    for t in head)

    def _speaker(self, span: Span, lex_keys: set) -> Span:
        """A one-word "place" that speaks is a person: "Trujillo explained", "said Irwan." (but
        not "police in Swabi said", nor "said Swabi and Mardan were affected")."""
        doc = span.doc
        if span.label_ != "PLACE" or len(span) != 1 or (span.start, span.end) in lex_keys \
                or span.text.lower() in self.lex.surfaces["PLACE"]:
            return span
        nxt = doc[span.end] if span.end < len(doc) else None
        prev = doc[span.start - 1].lower_ if span.start > 0 else ""
        if prev in _BREAK_WORDS or prev in ("of", "across", "throughout", "towards", "around"):
            return span
        if (nxt is not None and nxt.lower_ in self.speech_verbs) \
                or (prev in self.speech_verbs and (nxt is None or nxt.is_punct)):
            return Span(doc, span.start, span.end, label="PERSON")
        return span

    def _model_place(self, span: Span, lex_keys: set) -> Span:
        """A model ORG or PERSON that names a place: a designator head ("Peshawar International
        Airport", "Jinnah Town"), a residence ("resident of Swabi"), or an unknown ORG after a
        locative preposition ("at GPO", "near MBC Church"). A designator written before a place
        name joins it ("district Khanewal")."""
        doc = span.doc
        start, end, label = span.start, span.end, span.label_
        if label in ("ORG", "PERSON") and (start, end) not in lex_keys:
            words = [t.lower_ for t in span]
            nxt = doc[end].text if end < len(doc) else ""
            if not any(w in self.org_words for w in words) and nxt not in _APOS:
                prev = doc[start - 1].lower_ if start > 0 else ""
                resident = any(_words_at(doc, start - len(w), w) for w in self.residence_before)
                postal = end + 1 < len(doc) and self._postal_end(doc, end + 1) is not None
                if (words[-1] in self.org_place_heads and len(span) > 1 and (label == "ORG" or span[-1].is_title)) \
                        or resident or postal \
                        or (label == "ORG" and prev in self.org_place_before
                            and (span.text in self.gazetteer or words[-1] in self.facility_heads)):
                    label = "PLACE"
        if label == "PLACE" and (start, end) not in lex_keys and len(span) > 1 and span[-1].lower_ in self.org_words:
            label = "ORG"  # the model's "Kennebec County Sheriff's Office" as GPE
        if label in ("ORG", "PERSON") and len(span) > 1 and span[0].lower_ in self.designator_before \
                and (start, end) not in lex_keys:
            label = "PLACE"  # "Tehsil Kuchlak" as one model entity
        if label in ("PLACE", "PERSON") and start > 0 and doc[start - 1].lower_ in self.designator_before \
                and not (start > 1 and doc[start - 2].lower_ in ("the", "a", "this", "that")) \
                and (label == "PLACE" or doc[start - 1].is_lower or doc[start - 1].is_title):
            start -= 1  # "district Khanewal", "Tehsil Kuchlak"
            label = "PLACE"
        if (start, end, label) == (span.start, span.end, span.label_):
            return span
        return Span(doc, start, end, label=label)

    def _place_extent(self, span: Span) -> Span | None:
        """Designators belong to the place; "<place> police" is an organisation."""
        doc = span.doc
        start, end = span.start, span.end
        for words in self.place_org_suffixes:
            if _words_at(doc, end, words):
                return Span(doc, start, end + len(words), label="ORG")
        if span.text.replace(".", "").isupper() and len(span.text.replace(".", "")) <= 4 and end < len(doc) \
                and doc[end].is_lower and doc[end].lower_ in self.acronym_modifier_heads:
            return None  # an acronym used as a modifier: "U.S. ports", "US federal prosecutors"; not "the UK took"
        while end < len(doc) and (doc[end].lower_ in self.place_suffixes or (
                doc[end].lower_ == "international" and end + 1 < len(doc) and doc[end + 1].lower_ == "airport")) and not (
            end + 1 < len(doc) and doc[end + 1].lower_ == "of"
        ):
            end += 1
        while start > 0 and doc[start - 1].lower_ in self.directions and (
                doc[start - 1].is_title or doc[start].lower_ in self.place_suffixes or span.end - span.start > 1):
            start -= 1  # "Upper Dir", "Northern Belize District"; not "northern Laos"
        for words in self.place_prefixes:
            if _words_at(doc, start - len(words), words):
                start -= len(words)
                break
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label="PLACE")

    # ------------------------------------------------------------------
    def _drug_span(self, span: Span) -> Span | None:
        """Context check for ambiguous terms, then extend over form words."""
        doc = span.doc
        info = self.lex.drug(span.text)
        if info is None:
            return None
        if info.ambiguous and not self._drug_context(span):
            return None
        start, end = span.start, span.end
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "type":
            end += 2  # "methamphetamine-type (narcotics)", "amphetamine-type stimulants"
            head = self.lex.drug(doc[end].text) if end < len(doc) else None
            if head is not None and head.kind == "class":
                end += 1
        if end < len(doc) and doc[end].lower_ in self.form_nouns:
            end += 1
        for phrase in self.form_phrases:  # "amphetamine in crystals", "MDMA in crystalline form"
            if _words_at(doc, end, phrase):
                end += len(phrase)
                break
        if self.merge_acronyms and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and _ACRONYM.match(doc[end + 1].text) and not self._known_name(doc[end + 1].text):
            end += 3  # "Mephedrone (MD)", "Heroin (No.4)"
        while info.kind != "class":
            if start > 0 and doc[start - 1].lower_ in self.form_adjs:
                start -= 1
            elif start >= 3 and doc[start - 2].text == "-" and f"{doc[start - 3].lower_}-{doc[start - 1].lower_}" in self.form_adjs:
                start -= 3  # "high-grade" is three tokens
            elif start >= 2 and f"{doc[start - 2].lower_} {doc[start - 1].lower_}" in self.form_adjs:
                start -= 2  # "high purity cocaine"
            else:
                break
        if start >= 2 and doc[start].lower_ == "pure" and doc[start - 1].lower_ in ("percent", "cent", "%"):
            i = start - 2 if doc[start - 1].lower_ != "cent" else start - 3  # "94 per cent pure heroin"
            if i >= 0 and doc[i].like_num and (doc[start - 1].lower_ != "cent" or doc[start - 2].lower_ == "per"):
                start = i
        return Span(doc, start, end, label="DRUG")

    def _merge_glosses(self, spans: list[Span]) -> list[Span]:
        """DRUG ( DRUG ) -> one DRUG span: "Amphetamine (Ice)", "cannabis (marijuana)"."""
        def join(a: Span, b: Span) -> Span | None:
            doc = a.doc
            if a.label_ == b.label_ and a.label_ in ("DRUG", "PLACE") and b.start == a.end + 1 \
                    and doc[a.end].text == "(" and b.end < len(doc) and doc[b.end].text == ")":
                return Span(doc, a.start, b.end + 1, label=a.label_)
            return None
        return _merge_adjacent(spans, join)

    def _org_of_place(self, spans: list[Span]) -> list[Span]:
        """"Ministry of Internal Affairs of Russia", "National Security Service of the Republic of
        Armenia", "Regional Office for South-Eastern Europe": a body's name ending "of/for <place>"
        is one organisation."""
        def join(prev: Span, sp: Span) -> Span | None:
            doc = sp.doc
            between = [t.lower_ for t in doc[prev.end: sp.start]]
            if prev.label_ != "ORG" or sp.label_ != "PLACE" or prev[-1].lower_ not in self.org_of_heads \
                    or self._known_org(prev.text):  # "National Crime Agency of the UK" stays the agency
                return None
            if between in (["for"], ["for", "the"]) and (prev[-1].lower_ not in self.org_for_heads
                                                        or (sp.end < len(doc) and doc[sp.end].text in _POSS_TOKENS)):
                return None  # "thanked the Federal Police for Brazil's cooperation"
            if between in (["of"], ["of", "the"], ["for"], ["for", "the"]):
                return Span(sp.doc, prev.start, sp.end, label="ORG")
            return None
        return _merge_adjacent(spans, join)

    def _known_org(self, text: str) -> bool:
        return bool(self.lex.org_case_sensitive.get(text) or self.lex.orgs.get(alias_key(text)))

    def _place_name(self, text: str) -> bool:
        """A place the lexicon or the gazetteer knows, in any case ("Turkey", "TURKEY")."""
        forms = {text, text.title()} if text.isupper() else {text}
        return bool(self.lex.places.get(alias_key(text))) or text.lower() in self.lex.surfaces["PLACE"] \
            or any(f in self.lex.place_case_sensitive or f in self.gazetteer for f in forms)

    def _known_name(self, text: str) -> bool:
        """An organisation or place the lexicons or the gazetteer know ("UK", "DEA", "TURKEY")."""
        return self._known_org(text) or self._place_name(text)

    def _known_place(self, span: Span) -> bool:
        """A known place, with or without its designators ("Sinaloa state")."""
        end = span.end
        while end - span.start > 1 and span.doc[end - 1].lower_ in self.place_suffixes:
            end -= 1
        return self._place_name(span.text) or self._place_name(span.doc[span.start: end].text)

    def _merge_possessive_places(self, spans: list[Span]) -> list[Span]:
        """A place inside a place's possessive is one place: "Chiang Rai's Doi Luang district"."""
        def join(prev: Span, sp: Span) -> Span | None:
            if prev.label_ == sp.label_ == "PLACE" and sp.start == prev.end + 1 and sp.doc[prev.end].text in _POSS_TOKENS \
                    and not self._known_place(sp):  # "Spain's Algeciras port" stays two places
                label = "ORG" if sp[-1].lower_ in self.org_words else "PLACE"  # "... County Sheriff's Office"
                return Span(sp.doc, prev.start, sp.end, label=label)
            return None
        return _merge_adjacent(spans, join)

    def _merge_mixtures(self, spans: list[Span]) -> list[Span]:
        """A mixture is one substance: "a mixture of paracetamol and caffeine", "heroin and fentanyl
        mix", "speed/amphetamine", "cannabis-skunk"."""
        def join(prev: Span, sp: Span) -> Span | None:
            if not sp.label_ == prev.label_ == "DRUG":
                return None
            doc = sp.doc
            between = [t.lower_ for t in doc[prev.end: sp.start]]
            mix_after = sp.end < len(doc) and doc[sp.end].lower_ in self.mixture_words
            if between in (["/"], ["-"]) and not doc[prev.end - 1].whitespace_ and not doc[prev.end].whitespace_:
                return Span(doc, prev.start, sp.end + mix_after, label="DRUG")
            if between in (["and"], ["/"], ["&"], ["with"]):
                if mix_after:
                    return Span(doc, prev.start, sp.end + 1, label="DRUG")
                if prev.start >= 2 and doc[prev.start - 1].lower_ == "of" and doc[prev.start - 2].lower_ in self.mixture_words:
                    return Span(doc, prev.start - 2, sp.end, label="DRUG")
            return None
        return _merge_adjacent(spans, join)

    def _agency_units(self, spans: list[Span]) -> list[Span]:
        """An agency acronym followed by a place names a unit: "ANF Peshawar", "NCB Mumbai" -> ORG."""
        def join(prev: Span, sp: Span) -> Span | None:
            if sp.label_ == "PLACE" and prev.label_ == "ORG" and prev.end == sp.start and len(prev) == 1 \
                    and prev.text.isupper() and len(prev.text) >= 2:
                return Span(sp.doc, prev.start, sp.end, label="ORG")
            return None
        return _merge_adjacent(spans, join)

    def _drug_context(self, span: Span) -> bool:
        """An ambiguous term ("ice", "speed", "blow", "coke") is a drug only with local evidence:
        an amount just before it, another drug in the same list, quotation marks, or a drug form
        after it; and never in a sentence about fuel, weather or sport."""
        doc = span.doc
        sent = span.sent if doc.has_annotation("SENT_START") else doc[max(0, span.start - 25): span.end + 25]
        low = sent.text.lower()
        if any(re.search(rf"\b{re.escape(b)}\b", low) for b in self.blockers):
            return False
        before = doc[max(sent.start, span.start - 3): span.start]
        after = doc[span.end: min(sent.end, span.end + 3)]
        if any(t.like_num or t.lower_ in _AMOUNT_WORDS for t in before):
            return True
        if span.end < len(doc) and doc[span.end].lower_ in self.form_nouns:
            return True
        if span.start > 0 and doc[span.start - 1].text in _QUOTES or span.end < len(doc) and doc[span.end].text in _QUOTES:
            return True
        for t in list(before) + list(after):
            info = self.lex.drugs.get(t.lower_)
            if info is not None and not info.ambiguous:
                return True
        return any(t.lower_ in self.cues for t in before)

    def _known_org_prefix(self, span: Span) -> Span | None:
        """"UNODC Country Office" -> "UNODC": a known organisation plus a generic unit word."""
        doc = span.doc
        for cut in range(span.end - 1, span.start, -1):
            head = doc[span.start: cut]
            rest = [t.lower_ for t in doc[cut: span.end]]
            if rest in self.unit_suffixes and (head.text in self.lex.org_case_sensitive or head.text.lower() in self.lex.surfaces["ORG"]):
                return Span(doc, span.start, cut, label="ORG")
        return None

    def _clean(self, span: Span, blocks) -> Span | None:
        """Trim and validate one model entity; None drops it."""
        doc = span.doc
        start, end = span.start, span.end
        # a blocked phrase (route, report title) inside: keep only the part before it
        for bs, be in blocks:
            if bs < end and start < be:
                if start < bs:
                    end = bs
                else:
                    return None
        while start < end and (doc[start].lower_ in ("the", "a", "an", "'", "\"", "“", "‘")
                               or not any(ch.isalnum() for ch in doc[start].text)):
            start += 1  # articles, quotes, bullets
        while end > start and (doc[end - 1].text in _APOS or doc[end - 1].is_punct and doc[end - 1].text not in (")",)
                                or doc[end - 1].lower_ in ("of", "the", "and", "for", "in") and doc[end - 1].is_lower):
            end -= 1  # "Ministry of Internal Affairs of" (the model stopped before the place)
        if span.label_ == "PERSON":
            while start < end and (doc[start].lower_.rstrip(".") in self.titles or doc[start].text == "."):
                start += 1
        if start >= end:
            return None
        span = Span(doc, start, end, label=span.label_)
        words = [t.lower_ for t in span if t.is_alpha]
        if not words:
            return None
        if len(span) == 1 and _common_word(span[0]) and not self._known_name(span.text) and (
                span[0].is_upper and len(span[0]) > 2 and _in_heading(doc, start)  # "KEY FINDINGS", "THE END"
                or span.label_ == "PERSON" and span[0].is_sent_start and end + 1 < len(doc) and doc[end].lower_ == "of"
                and doc[end + 1].is_lower and doc[end + 1].lower_ not in ("the", "a", "an")):
            return None  # "Bags of cocaine were found", read as a person
        if span.label_ in ("ORG", "PLACE") and span.text in self.lex.demonyms and not self._place_name(span.text):
            return None  # a nationality ("Polish", "Sri Lankan") is neither an organisation nor a place
        if span.label_ == "PERSON":
            if any(w in self.not_name for w in words) or all(w in self.titles for w in words):
                return None
            if any(t.is_alpha and t.is_lower and t.lower_ not in self.particles for t in span):
                return None
            if self.lex.drug(span.text) or self.lex.places.get(span.text.lower()):
                return None
        elif span.label_ == "ORG":
            if words[-1] in self.not_org_heads or span.text.lower().startswith(self.not_org_starts):
                return None
            if end < len(doc) and doc[end].lower_ in self.not_org_before:
                return None
            if doc[start].lower_ in self.currencies or any(_is_amount(t) for t in span) and len(span) <= 3:
                return None  # "USD 3", "50 Kg" (an ordinal names units: "Fourth Air Force", "139th")
            if start >= 2 and doc[start - 1].lower_ in self.portfolio_words and doc[start - 2].lower_.rstrip(".") in self.titles:
                return None
            known = self._known_org_prefix(span)
            if known is not None:
                return known
            if len(span) == 1 and (self.lex.drug(span.text) or span.text.lower() in self.generic_org
                                   or span.text.lower().rstrip(".") in self.titles):
                return None
            if start > 0 and doc[start - 1].lower_ in ("against", "on") and start > 1 and doc[start - 2].lower_ == "convention":
                return None
            if "convention" in words:
                return None
        elif span.label_ == "PLACE":
            if self.lex.drug(span.text):
                return None
        return span


def _all_place_names() -> dict[str, str]:
    """Every GeoNames city and ISO subdivision, English-word names included: for datelines only,
    where the position already says "place"."""
    from docmine.nlp.gazetteer import place_names

    return place_names(max_zipf=99.0)


def _in_heading(doc: Doc, i: int) -> bool:
    """Is token i part of an upper-case heading line ("KEY FINDINGS:", "THE END")?"""
    line_start = i == 0 or "\n" in doc[i - 1].text_with_ws or (i > 0 and doc[i - 1].is_upper and doc[i - 1].is_alpha)
    neighbours = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
    return line_start and any(t.is_upper and t.is_alpha and len(t) > 1 for t in neighbours)


def _is_amount(tok) -> bool:
    """A number written in digits or words, not an ordinal ("4", "1,200", "five"; not "4th", "Fourth")."""
    if not tok.like_num:
        return False
    return not re.match(r"^\d+(?:st|nd|rd|th|d)$", tok.lower_) and not tok.lower_.endswith(("th", "st", "nd", "rd"))


def _common_word(tok) -> bool:
    """An everyday English word ("bags", "key", "end"), by word frequency; names are rarer."""
    from docmine.nlp.gazetteer import common_words

    return tok.lower_ in common_words()


def _words_at(doc: Doc, i: int, words: list[str]) -> bool:
    """Do the lower-cased tokens from i on read ``words``?"""
    return 0 <= i and i + len(words) <= len(doc) and [t.lower_ for t in doc[i: i + len(words)]] == words


def _capital_break(doc: Doc, i: int, end: int) -> bool:
    """A capitalised function word that starts a new sentence or headline inside a model entity:
    "Münster After the evacuation", "Portugal The Brazilian Federal Police"; but not "Bank of
    The Philippine Islands" or "Burton On Trent"."""
    t = doc[i]
    if t.text not in _CAPITAL_BREAKS or doc[i - 1].lower_ in ("of", "and", "de", "del", "la", "&"):
        return False
    if t.text == "The":
        return True
    return i + 1 >= end or not doc[i + 1].is_title


def _merge_adjacent(spans: list[Span], join) -> list[Span]:
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


def _split_parts(doc: Doc, start: int, end: int, stop_words: set = frozenset()) -> list[tuple[int, int]]:
    """Split a model entity at "/" and at an inner possessive: "Project/Branch",
    "UNODC's Regional Office" -> ("UNODC", "Regional Office")."""
    parts, cur = [], start
    for i in range(start, end):
        t = doc[i]
        if t.text in ("/", "(", ")", "[", "]", ":", ";", "|") or (t.text in _APOS and i > start) or t.text in _BREAK_WORDS \
                or (i > start and _capital_break(doc, i, end)) \
                or (t.text in _DASHES and t.whitespace_ and i > 0 and doc[i - 1].whitespace_):
            if cur < i:
                parts.append((cur, i))
            cur = i + 1
        if t.lower_ in stop_words:  # contact details: nothing after belongs to the name
            end = i
            break
    if cur < end:
        parts.append((cur, end))
    return parts


@Language.component("docmine_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line (paragraph break) always ends a sentence."""
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@Language.factory("docmine_domain", default_config={"models_dir": None, "user_aliases": None})
def make_domain(nlp: Language, name: str, models_dir: str | None, user_aliases: str | None):
    component = DomainEntities(nlp, Lexicon.load(models_dir, user_aliases))
    component.models_dir = models_dir  # the trained span filter is read from the same folder
    return component
