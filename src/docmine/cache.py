"""What docmine can recompute, kept on disk as JSON: the parsed data files, the gazetteer's
filtered names, the map's points. Deleting the folder costs a few seconds on the next run."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``$DOCMINE_CACHE``, else ``$XDG_CACHE_HOME/docmine``, else ``~/.cache/docmine``."""
    if os.environ.get("DOCMINE_CACHE"):
        return Path(os.environ["DOCMINE_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "docmine"


def cached_json(cache: Path | None, build: Callable[[], Any]) -> Any:
    """The JSON value stored in ``cache``, or ``build()`` written there (atomically, so workers
    starting together never read half a file). An empty result is not cached; a cache that cannot
    be read or written (a read-only home, a value JSON cannot hold) is passed by."""
    if cache is not None and cache.exists():
        try:
            return json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    out = build()
    if cache is not None and out:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, cache)
        except (OSError, TypeError, ValueError):
            pass
    return out
