"""docmine: mine document collections for people, organisations, drugs and places.

The Python API mirrors the command line; every function returns a pandas DataFrame
(or a list of Document / Mention objects)::

    import docmine
    docmine.ingest(["corpus/"], db="docmine.db")
    docmine.entities(db="docmine.db", label="DRUG", top=10)
"""
import sys as _sys
import types as _types

from docmine.api import (  # noqa: F401
    canonicalize,
    clean_entity,
    comention,
    entities,
    evaluate,
    evidence,
    export,
    failures,
    ingest,
    open_store,
    report,
    search,
    search_facets,
    seizure_cube,
    seizures,
    tag,
    tags,
    topic_entities,
    topic_trend,
    topics,
)
from docmine.version import __version__  # noqa: F401

__all__ = ["ingest", "search", "search_facets", "entities", "comention", "evidence", "topics", "export", "failures",
           "evaluate", "canonicalize", "clean_entity", "open_store", "report", "topic_trend", "topic_entities",
           "seizures", "seizure_cube", "tag", "tags", "__version__"]

# Three API functions share their name with a submodule: ``docmine.export`` (tables),
# ``docmine.evaluate`` (scoring) and ``docmine.report`` (the HTML report). Importing a submodule
# sets it as an attribute of its package (``import docmine.export`` would make
# ``docmine.export`` the module, and ``docmine.export("documents")`` a TypeError). The package
# therefore keeps its API functions: a submodule whose name is taken stays reachable as
# ``sys.modules["docmine.export"]``, ``importlib.import_module("docmine.export")`` and
# ``from docmine.export import write_table`` (all of which bypass the package attribute).
# Note ``import docmine.export as m`` reads the attribute, so it gives the function: use
# ``from docmine import export as ...`` only for the function, and ``importlib`` for the module.
_API_FUNCTIONS = frozenset(__all__) - {"__version__"}


class _Package(_types.ModuleType):
    """The docmine package: a submodule import never replaces an API function of the same name."""

    def __setattr__(self, name: str, value) -> None:
        if name in _API_FUNCTIONS and isinstance(value, _types.ModuleType) and callable(self.__dict__.get(name)):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package
