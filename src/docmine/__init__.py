"""docmine: mine document collections for people, organisations, drugs and places.

The Python API mirrors the command line; every function returns a pandas DataFrame
(or a list of Document / Mention objects)::

    import docmine
    docmine.ingest(["corpus/"], db="docmine.db")
    docmine.entities(db="docmine.db", label="DRUG", top=10)
"""
from docmine.api import (  # noqa: F401
    ingest,
    search,
    entities,
    comention,
    evidence,
    topics,
    export,
    failures,
    evaluate,
    canonicalize,
    open_store,
    report,
    topic_trend,
    topic_entities,
)
from docmine.version import __version__  # noqa: F401
