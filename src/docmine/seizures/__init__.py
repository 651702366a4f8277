"""Seizure records: who seized what, how much, where, when, and how it was hidden.

``parse`` re-parses the sentences that may report a seizure with the model's parser and puts
docmine's mentions on them as entities; ``roles`` finds concealment and the seizing agency;
``records`` turns a sentence into records; ``merge`` joins one seizure reported by several
documents.
"""
