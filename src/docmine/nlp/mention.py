"""The data object of the NLP stage."""
from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("PERSON", "ORG", "DRUG", "PLACE", "QUANTITY")


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
