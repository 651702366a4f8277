"""docmine's recognition rules, one module per rule family. The ``docmine_domain`` component
(:mod:`docmine.nlp.components`) composes them in a fixed order; each emitted mention records the
stage that produced or last changed it in ``span._.docmine_rule``.

- :mod:`.lexicon_match` -- lexicon and gazetteer matching (``lexicon.*``)
- :mod:`.drugs` -- ambiguous terms, drug forms, mixtures, the modifier role (``drug.*``)
- :mod:`.places` -- designator patterns, datelines, postal abbreviations, extent, relabelling
  model entities, possessives, the modifier role (``place.*``)
- :mod:`.orgs` -- what a model ORG may not be; names completed from parts (``org.*``)
- :mod:`.persons` -- titles, name extent, speakers (``person.*``)
- :mod:`.headlines` -- Title Case headlines read by the model again in sentence case (``model.headline``)
- :mod:`.model_spans` -- the model's own entities, split and trimmed (``model.ner``, ``*.clean``)
- :mod:`.merges` -- lexicon over model, gazetteer places, bracketed glosses (``*.gloss``)

Settings come from ``models/rules.toml`` through :mod:`docmine.nlp.settings`.
"""
from docmine.nlp.rules import drugs, headlines, lexicon_match, merges, model_spans, orgs, persons, places

RULE_NAMES: tuple[str, ...] = tuple(dict.fromkeys(
    lexicon_match.RULES + drugs.RULES + places.RULES + orgs.RULES + persons.RULES + headlines.RULES
    + model_spans.RULES + merges.RULES
))
"""Every value ``span._.docmine_rule`` can take on a mention of ``docmine_domain``."""
