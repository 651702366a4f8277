"""spaCy components that turn the model's entities into docmine's labels.

``docmine_domain`` runs after ``ner``: it maps the model's labels (GPE/LOC/FAC -> PLACE),
adds lexicon matches (drugs, agencies, places) from ``models/``, removes what the rules in
``models/rules.toml`` say is not an entity (routes, report titles, programmes), and trims
titles and possessives. ``docmine_quantities`` then finds drug amounts. Both are registered
with spaCy's factory registry so they can be named in a pipeline config.

The rules themselves live in :mod:`docmine.nlp.rules`, one module per rule family, with typed
settings from :mod:`docmine.nlp.settings`; :class:`DomainEntities` only runs the stages in order.
Each mention gets ``span._.docmine_source`` ("lexicon" / "model"), ``span._.docmine_role``
(DRUG and PLACE modifiers) and ``span._.docmine_rule``, the stage that produced or last changed
it (see :data:`docmine.nlp.rules.RULE_NAMES`).
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from docmine.nlp.doctext import SPAN_ATTRS, doc_text, span_attrs, span_key
from docmine.nlp.lexicon import Lexicon
from docmine.nlp.rules import merges
from docmine.nlp.rules.base import MODEL_LABELS, Knowledge, Trace  # noqa: F401  (MODEL_LABELS re-exported)
from docmine.nlp.rules.drugs import DrugRules
from docmine.nlp.rules.headlines import Headlines
from docmine.nlp.rules.lexicon_match import LexiconMatch
from docmine.nlp.rules.model_spans import ModelSpans
from docmine.nlp.rules.orgs import OrgRules
from docmine.nlp.rules.persons import PersonRules
from docmine.nlp.rules.places import PlaceRules
from docmine.nlp.settings import RuleSettings


def _attr_getter(name: str):
    def get(span: Span) -> str | None:
        return span.doc.user_data.get(SPAN_ATTRS, {}).get(span_key(span.start_char, span.end_char), {}).get(name)
    return get


def _attr_setter(name: str):
    def set_(span: Span, value: str | None) -> None:
        span_attrs(span.doc).setdefault(span_key(span.start_char, span.end_char), {})[name] = value
    return set_


def _set_ext():
    for name in ("docmine_source", "docmine_role", "docmine_rule"):
        Span.set_extension(name, getter=_attr_getter(name), setter=_attr_setter(name), force=True)


def _settings_of(lexicon: Lexicon, models_dir: str | None) -> RuleSettings:
    """The lexicon's rules.toml as typed settings (an unknown key raises RulesFileError)."""
    from docmine.nlp.lexicon import models_dir as default_dir

    return RuleSettings.from_dict(lexicon.rules, source=Path(models_dir or default_dir()) / "rules.toml")


class DomainEntities:
    """Runs the rule stages of :mod:`docmine.nlp.rules` over the model's entities."""

    def __init__(self, nlp: Language, lexicon: Lexicon, settings: RuleSettings | None = None,
                 models_dir: str | None = None):
        _set_ext()
        # another language's NER model: docmine's English correction rules do not apply to it
        self.light = lexicon.language != "en" and "ner" in nlp.pipe_names
        self.has_model = "ner" in nlp.pipe_names
        self.models_dir = models_dir  # the trained span filter is read from the same folder
        self.lex = lexicon
        self.settings = settings if settings is not None else _settings_of(lexicon, models_dir)
        self.know = Knowledge(lexicon, self.settings)
        self.lexicon = LexiconMatch(nlp, self.know)
        self.drugs = DrugRules(self.know)
        self.places = PlaceRules(nlp, self.know)
        self.persons = PersonRules(self.know)
        self.orgs = OrgRules(self.know, self.persons)
        self.model = ModelSpans(self.know, self.persons, self.orgs, self.places)
        self.headlines = Headlines(nlp, self.know)

    @property
    def gazetteer(self) -> dict[str, str]:
        return self.know.gazetteer

    # ------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if self.light:
            return self._light(doc)
        trace = Trace()
        # 0. Title Case headlines read again in sentence case
        reread = self.headlines.reread(doc) | self.headlines.reread_caps(doc)
        # 1. lexicon, gazetteer and pattern matches
        matches, blocks = self.lexicon.matches(doc)
        blocks = blocks + self.model.blocked_names(doc)
        gazetteer = filter_spans(self.lexicon.gazetteer_spans(doc, trace))
        lex_spans = self._lexicon_spans(doc, matches, trace)
        lex_spans += self.drugs.brand_spans(doc, trace)
        lex_spans += self.places.designated_spans(doc, trace)
        lex_spans += self.places.dateline_spans(doc, trace) + self.places.postal_spans(doc, trace)
        lex_spans += self.orgs.credit_spans(doc, trace) + self.orgs.media_spans(doc, trace)
        lex_spans += self.orgs.kind_spans(doc, trace) + self.orgs.handle_spans(doc, trace)
        lex_spans += self.orgs.legal_form_spans(doc, trace) + self.orgs.post_body_spans(doc, trace)
        lex_spans += self.orgs.group_name_spans(doc, trace)
        lex_spans = filter_spans(merges.earlier_places(merges.drop_blocked(lex_spans, blocks)))
        if self.drugs.merge_parens:
            lex_spans = merges.merge_glosses(lex_spans, trace)

        # 2. the model's entities, cleaned; lexicon over model; gazetteer places
        model_spans = self.model.spans(doc, blocks, trace, reread)
        model_spans, lex_spans = self.orgs.ends_in_place(model_spans, lex_spans, trace)
        model_spans, lex_spans = self.orgs.starts_in_place(model_spans, lex_spans, trace)
        final = merges.lexicon_over_model(doc, lex_spans, model_spans, blocks, self.orgs, trace)
        lex_keys = {(s.start, s.end) for s in lex_spans}
        final = filter_spans(merges.add_gazetteer(doc, final, gazetteer, blocks, lex_keys, self.know.gazetteer,
                                                     self.persons.company_nouns))

        # 3. extents, units, relabelling, merges
        others = self.persons.absorbable(final, lex_keys)
        extended = [self.places.extent(s, trace) if s.label_ == "PLACE"
                    else self.persons.extent(s, others, trace)
                    if s.label_ == "PERSON" and (s.start, s.end) not in lex_keys
                    else s for s in final]
        final = filter_spans([s for s in extended if s is not None])
        final = merges.merge_glosses(self.orgs.agency_units(final, trace), trace)
        final = filter_spans(final)
        relabelled = [self.persons.after_honorific(self.places.relabel(s, lex_keys, trace), trace) for s in final]
        final = filter_spans([self.orgs.building(self.orgs.media(self.persons.aged(self.persons.speaker(
            s, lex_keys, trace), lex_keys, trace), lex_keys, trace), trace) for s in relabelled])
        final = self.persons.coordinated(final, lex_keys, trace)
        final = self.places.coordinated(final, lex_keys, trace)
        final = self.places.coordinated_regions(final, trace)
        final = self.orgs.unit_of_parent(self.orgs.seat_of_unit(final), lex_keys)
        final = self.orgs.of_place(self.places.merge_possessive(self.drugs.merge_mixtures(final, trace), trace), trace)
        final = self.places.not_currencies(self.places.outside_titles(final, self.drugs._headline))
        final = [s for s in final if not (s.label_ == "PLACE" and self.places.adjective_only(s))]

        # 4. source, role and rule of each mention
        attrs = span_attrs(doc)
        for span in final:
            nxt = doc[span.end] if span.end < len(doc) else None
            if nxt is not None and nxt.text == "-" and span.end + 1 < len(doc):
                nxt = doc[span.end + 1]
            role = None
            if span.label_ == "DRUG":
                role = self.drugs.role(span, nxt)
            elif span.label_ == "PLACE" and self.places.is_modifier(nxt, span):
                role = "modifier"  # "Mexico's shipping routes", "a Belfast man"
            attrs[span_key(span.start_char, span.end_char)] = {
                "docmine_source": "lexicon" if (span.start, span.end) in lex_keys else "model",
                "docmine_role": role, "docmine_rule": trace.rule(span) or "model.ner"}
        doc.ents = final
        doc.user_data["docmine_inner"] = _inner(final, lex_spans, lex_keys)
        doc.user_data["docmine_cores"] = self._name_cores(final)
        return doc

    def _name_cores(self, spans: list[Span]) -> list[tuple[int, int, list[tuple[int, int]]]]:
        """(start, end, cores) of each place whose name is narrower than its span ("[Helmand]
        province", "[Sudan]'s [Darfur] region") and each drug whose substance is ("[captagon]
        pills", "liquid [cocaine]", "[New Psychoactive Substances] ([NPS])"), in characters. The
        mention keeps its span through resolution and the span filter (both read it whole);
        :func:`docmine.nlp.pipeline.name_cores` narrows it at the end."""
        out = []
        for span in spans:
            if span.label_ == "DRUG":
                parts = self.drugs.substance_parts(doc_text(span.doc), span.start_char, span.end_char)
                if parts and parts != [(span.start_char, span.end_char)]:
                    out.append((span.start_char, span.end_char, parts))
                continue
            if span.label_ != "PLACE" or span._.docmine_rule in ("place.joined", "place.road"):
                continue
            cores = self.places.name_core(span)
            if cores[0] is not span:
                out.append((span.start_char, span.end_char, [(c.start_char, c.end_char) for c in cores]))
        return out

    def _lexicon_spans(self, doc: Doc, matches: list[tuple[str, int, int]], trace: Trace) -> list[Span]:
        """The lexicon's matches as spans (blocked phrases left out), each drug checked by the drug rules."""
        spans: list[Span] = []
        for lab, s, e in matches:
            if lab == "BLOCK":
                continue
            span = self.lexicon.span(doc, lab, s, e, trace)
            if lab == "ORG" and self.orgs.word_name_as_title(span):
                continue
            if lab == "DRUG":
                drug = self.drugs.span(span, trace)
                if drug is None:
                    continue
                span = drug
            spans.append(span)
        return spans

    def _trim(self, span: Span, trace: Trace) -> Span | None:
        """A model span without the prepositions and conjunctions it ends in ("Ministarstvo okoliša u")."""
        from docmine.nlp.languages import FUNCTION_WORDS

        words = FUNCTION_WORDS.get(self.lex.language)
        end = span.end
        while words and end > span.start and span.doc[end - 1].text in words:
            end -= 1
        if end == span.end:
            return span
        if end == span.start:
            return None
        return trace.mark(Span(span.doc, span.start, end, label=span.label), f"{_RULE_PREFIX[span.label_]}.clean")

    def _light(self, doc: Doc) -> Doc:
        """Another language's model: its PERSON / ORG / PLACE as they are, the lexicons' drugs over
        them, then lexicon and gazetteer places and organisations where the model found nothing."""

        trace = Trace()
        matches, _ = self.lexicon.matches(doc)
        lexicon = self._lexicon_spans(doc, matches, trace)
        drugs = [s for s in lexicon if s.label_ == "DRUG"]
        # a one-word name at the start of a sentence is the model's call: there a capital letter says
        # nothing, and the word is as likely an adjective or a common word ("Hrvatska premijerka",
        # "Turski ministar", "Mali broj"); the model has read the language's sentences, the lexicon has not
        names = [s for s in lexicon if s.label_ != "DRUG" and not (len(s) == 1 and _sentence_initial(s))]
        trimmed = [self._trim(trace.mark(Span(doc, e.start, e.end, label=MODEL_LABELS[e.label_]), "model.ner"), trace)
                   for e in doc.ents if e.label_ in MODEL_LABELS]
        # a name after a place's preposition with no first name in it ("iz Kičeva"), or in a list of
        # places: the same frames as in English, with the language's prepositions (rules.toml)
        model = [self.places.relabel(s, set(), trace) for s in trimmed if s is not None]
        # the gazetteer only where the model reads no names at all: a model knows its language's
        # capitalisation better than a list of towns does ("Sada", "Nakon" at a sentence start)
        gazetteer = [] if any(e.label_ in MODEL_LABELS for e in doc.ents) or self.has_model else \
            self.lexicon.gazetteer_spans(doc, trace)
        final: list[Span] = []
        taken: set[int] = set()
        for group in (filter_spans(drugs), filter_spans(model), filter_spans(names), filter_spans(gazetteer)):
            for span in group:
                if not taken.intersection(range(span.start, span.end)):
                    final.append(span)
                    taken.update(range(span.start, span.end))
        lex_keys = {(s.start, s.end) for s in drugs + names + gazetteer}
        final.sort(key=lambda s: s.start)
        attrs = span_attrs(doc)
        for span in final:
            attrs[span_key(span.start_char, span.end_char)] = {
                "docmine_source": "lexicon" if (span.start, span.end) in lex_keys else "model",
                "docmine_role": None, "docmine_rule": trace.rule(span) or "model.ner"}
        doc.ents = final
        return doc


_RULE_PREFIX = {"PERSON": "person", "ORG": "org", "PLACE": "place"}


def _sentence_initial(span: Span) -> bool:
    """Whether only punctuation (quotes, a dash, a bracket) comes before ``span`` in its sentence."""
    doc = span.doc
    i = span.start
    while i > 0 and not doc[i].is_sent_start and doc[i - 1].is_punct:
        i -= 1
    return i == 0 or bool(doc[i].is_sent_start)


def _inner(final: list[Span], lex_spans: list[Span], lex_keys: set) -> list[tuple]:
    """Lexicon matches a longer model span swallowed ("U.S." in "U.S. National Statement"): kept
    aside so that they come back if the span filter later drops the model span."""
    kept = {(sp.start, sp.end) for sp in final}
    inner = []
    for sp in lex_spans:
        if (sp.start, sp.end) in kept or sp.label_ not in ("ORG", "PLACE"):
            continue
        outer = next((f for f in final if f.start <= sp.start and sp.end <= f.end
                      and (f.start, f.end) not in lex_keys), None)
        if outer is not None:
            inner.append((sp.start_char, sp.end_char, sp.label_, outer.start_char, outer.end_char))
    return inner


@Language.component("docmine_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line (paragraph break) always ends a sentence."""
    spaces = doc.to_array("IS_SPACE").tolist()  # the whitespace tokens only are read
    for i in range(len(doc) - 1):
        if spaces[i] and "\n\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


@Language.factory("docmine_domain", default_config={"models_dir": None, "user_aliases": None, "lang": "en"})
def make_domain(nlp: Language, name: str, models_dir: str | None, user_aliases: str | None, lang: str = "en"):
    lexicon = Lexicon.load(models_dir, user_aliases)
    if lang != "en":  # drugs and places by their names in that language (models/languages.toml)
        from docmine.nlp.languages import localise

        lexicon = localise(lexicon, lang, models_dir)
    return DomainEntities(nlp, lexicon, models_dir=models_dir)
