"""Validation at the edge: one message per user mistake, shared by the CLI and the Python API.

Every check raises :class:`ValueError` whose message says what is wrong and then what to do
next (``"<message>. <what to do next>"``). The API passes its own argument names (``top``),
the CLI its flags (``--top``); the CLI turns the same messages into argparse errors, which
print ``docmine: error: ...`` and exit with status 2.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import math
import numbers
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from docmine.nlp.mention import LABELS
from docmine.store import DEFAULT_DB

DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2021-03-15, 2021-03 or 2021)"
TABLE_FORMATS = ("csv", "jsonl", "json", "parquet", "xlsx")
NETWORK_FORMATS = ("graphml", "gexf")
IMAGE_FORMATS = ("png", "svg")
COMENTION_FORMATS = TABLE_FORMATS + NETWORK_FORMATS + IMAGE_FORMATS
EXECUTORS = ("local", "dask")
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _is_flag(name: str) -> bool:
    return name.startswith("-")


def _example(name: str, value) -> str:
    """How the user writes ``value`` for ``name``: ``--top 20`` on the command line, ``top=20`` in Python."""
    return f"{name} {value}" if _is_flag(name) else f"{name}={value!r}"


def _shown(value) -> str:
    return repr(value)


def _as_int(value) -> int | None:
    """An int from an int, a whole float or a string of digits (the CLI passes strings); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        return int(value)
    return None


def whole_number(value, name: str, minimum: int = 1, maximum: int | None = None, example: int = 20,
                 meaning: str = "", default: str = "") -> int:
    """``value`` as an int in [minimum, maximum].

    ``meaning`` documents a special value in the message, e.g. ``"0 = all"``; ``default`` says
    what leaving the option out does, e.g. ``"use all cores"``.
    """
    n = _as_int(value)
    if n is not None and n >= minimum and (maximum is None or n <= maximum):
        return n
    bounds = f"between {minimum} and {maximum}" if maximum is not None else f"of at least {minimum}"
    what = "a positive whole number" if minimum == 1 and maximum is None else f"a whole number {bounds}"
    if meaning:
        what += f" ({meaning})"
    hint = f"Give, for example, {_example(name, example)}" + (f", or leave {name} out to {default}" if default else "")
    raise ValueError(f"{name} must be {what}, not {_shown(value)}. {hint}")


def positive_number(value, name: str, example: float = 60) -> float:
    """``value`` as a finite float greater than 0 (seconds, megabytes)."""
    try:
        v = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        v = math.nan
    if math.isfinite(v) and v > 0:
        return v
    raise ValueError(f"{name} must be a number greater than 0, not {_shown(value)}."
                     f" Give, for example, {_example(name, example)}")


def non_negative_number(value, name: str, example: float = 10) -> float:
    """``value`` as a finite float of at least 0 (a minimum amount in kilograms)."""
    try:
        v = float(value) if not isinstance(value, bool) else math.nan
    except (TypeError, ValueError):
        v = math.nan
    if math.isfinite(v) and v >= 0:
        return v
    raise ValueError(f"{name} must be a number of at least 0, not {_shown(value)}."
                     f" Give, for example, {_example(name, example)}")


def language(value, name: str = "lang") -> str | None:
    """An ISO 639 language code as docmine stores it (``en``, ``hr``, ``sr``), or None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().lower()
    if not re.fullmatch(r"[a-z]{2,3}", text):
        raise ValueError(f"{name} must be a language code of two or three letters, not {_shown(value)}."
                         f" Give, for example, {_example(name, 'hr')}")
    return text


def model_spec(value, name: str = "model") -> str | None:
    """spaCy pipelines to use: ``NAME`` (English) and ``LANG=NAME`` entries, as a string with
    commas or a list (a repeated flag); returned as one comma-joined string, or None."""
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    parts = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
    for p in parts:
        if not re.fullmatch(r"(?:[a-z]{2,3}=)?\S+", p) or p.endswith("="):
            raise ValueError(f"{name} {p!r} is not NAME or LANG=NAME."
                             f" Give, for example, {_example(name, 'fr=fr_core_news_md')}")
        lang, _, model = p.rpartition("=")
        if lang and not _spacy_pipeline_exists(model):
            raise ValueError(f"{name} {p!r}: no installed spaCy pipeline or model folder {model!r}."
                             f" Install it (pip install ...) or give the folder of a trained pipeline")
    return ",".join(parts) or None


def _spacy_pipeline_exists(model: str) -> bool:
    import importlib.util

    if model.startswith("docmine:") or os.path.isdir(model):
        return True
    try:
        return importlib.util.find_spec(model) is not None
    except (ImportError, ValueError):
        return False


def topics_k(value, name: str = "k") -> str | int:
    """``"auto"`` or a whole number of topics of at least 2."""
    if isinstance(value, str) and value.strip().lower() == "auto":
        return "auto"
    hint = f"Give, for example, {_example(name, 8)}, or {_example(name, 'auto')} to choose the number from the data"
    k = _as_int(value)
    if k is None:
        raise ValueError(f"{name} must be auto or a whole number of topics, not {_shown(value)}. {hint}")
    if k < 2:
        why = "one topic is no clustering" if k == 1 else "a clustering needs at least 2 topics"
        raise ValueError(f"{name} must be at least 2, not {_shown(value)}: {why}. {hint}")
    return k


def label(value: str | None, name: str = "label") -> str | None:
    """An entity label, upper-cased (None passes through)."""
    if value is None:
        return None
    v = str(value).strip().upper()
    if v not in LABELS:
        raise ValueError(f"{name} {value!r} is an unknown label; choose from {', '.join(LABELS)}."
                         f" Give, for example, {_example(name, 'DRUG')}")
    return v


def choice(value: str, name: str, choices: Sequence[str]) -> str:
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}, not {_shown(value)}."
                         f" Give, for example, {_example(name, choices[0])}")
    return value


def worker_count(value, name: str = "workers") -> int:
    """Worker processes. In Python 0 means all cores (the default); on the command line the
    default is had by leaving ``--workers`` out, so a flag's value must be positive."""
    if _is_flag(name):
        return whole_number(value, name, example=2, default="use all cores")
    return whole_number(value, name, minimum=0, example=2, meaning="0 = all cores")


def executor(value: str, scheduler: str | None, names: tuple[str, str] = ("executor", "scheduler")) -> str:
    """The executor, and a scheduler address exactly when it is Dask's."""
    ename, sname = names
    choice(value, ename, EXECUTORS)
    dask = _example(ename, "dask")
    if value == "dask" and not scheduler:
        needs = f"{sname} ADDRESS" if _is_flag(sname) else "a scheduler address"
        raise ValueError(f"{dask} needs {needs}. Give, for example, {_example(sname, 'tcp://127.0.0.1:8786')}")
    if scheduler and value != "dask":
        given = sname if _is_flag(sname) else _example(sname, scheduler)
        raise ValueError(f"{given} is only used with {dask}. Add {dask}, or leave {sname} out")
    return value


def aliases_file(value: str | os.PathLike | None, name: str = "aliases") -> str | None:
    """The user aliases file: the one given (which must exist), else ./docmine.aliases.toml if present."""
    from docmine.nlp.lexicon import DEFAULT_ALIASES_FILE

    if value is None:
        return DEFAULT_ALIASES_FILE if os.path.exists(DEFAULT_ALIASES_FILE) else None
    text = os.fspath(value)
    if not os.path.isfile(text):
        what = "is a folder" if os.path.isdir(text) else "does not exist"
        raise ValueError(f"the aliases file {text!r} {what}. Check the path to your TOML file, or leave {name} out")
    return text


def folder(value: str | os.PathLike | None, name: str) -> str | None:
    """An existing folder (None passes through)."""
    if value is None:
        return None
    text = os.fspath(value)
    if not os.path.isdir(text):
        what = "is a file" if os.path.exists(text) else "does not exist"
        raise ValueError(f"{name} {text!r} {what}; it must be a folder. Check the path, or leave {name} out")
    return text


# -- dates --------------------------------------------------------------------------------------
def _period(value, name: str) -> tuple[_dt.date, _dt.date]:
    """The first and last day of the period an ISO date names (a day, a month or a year)."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return value, value
    text = value.strip() if isinstance(value, str) else None
    m = _DATE_RE.fullmatch(text) if text else None
    if m is None:
        raise ValueError(f"{name} {_shown(value)} is not a date in an accepted form. Write it as {DATE_FORMS}")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if mo is None:
            return _dt.date(y, 1, 1), _dt.date(y, 12, 31)
        if d is None:
            last = calendar.monthrange(y, int(mo))[1] if 1 <= int(mo) <= 12 else 0
            return _dt.date(y, int(mo), 1), _dt.date(y, int(mo), last)
        day = _dt.date(y, int(mo), int(d))
        return day, day
    except ValueError as exc:
        raise ValueError(f"{name} {_shown(value)} is not a calendar date ({exc}). Write it as {DATE_FORMS}") from None


def date(value, name: str, end: bool = False) -> str | None:
    """An ISO date, or a month or year, as the first (``end``: last) ``YYYY-MM-DD`` of its period.

    ``--to 2021`` means up to 2021-12-31; ``--from 2021-03`` means from 2021-03-01. None passes through.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    first, last = _period(value, name)
    return (last if end else first).isoformat()


def date_range(date_from, date_to, names: tuple[str, str] = ("date_from", "date_to")) -> tuple[str | None, str | None]:
    """Both ends of a date filter, checked and normalised; the start may not come after the end."""
    start = date(date_from, names[0])
    end = date(date_to, names[1], end=True)
    if start and end and start > end:
        raise ValueError(f"{names[0]} {date_from} is after {names[1]} {date_to}, so nothing can match."
                         f" Swap the two dates, or leave one out")
    return start, end


# -- paths --------------------------------------------------------------------------------------
def input_paths(paths: Iterable[str | os.PathLike], what: str = "ingest") -> list[str]:
    """Files and folders to read: every one must exist (a typo must not ingest half of what was meant)."""
    given: list[str] = [os.fspath(p) for p in paths]
    if not given:
        raise ValueError(f"nothing to {what}: no file or folder given. Give at least one, e.g. docmine {what} reports/")
    missing = [p for p in given if not os.path.exists(p)]
    if missing:
        shown = ", ".join(repr(p) for p in missing)
        where = f" (relative paths are read from {os.getcwd()})" if any(not os.path.isabs(p) for p in missing) else ""
        noun = "no such file or folder" if len(missing) == 1 else "no such files or folders"
        raise ValueError(f"{noun}: {shown}; nothing was ingested. Check the spelling{where}")
    unreadable = [p for p in given if not os.access(p, os.R_OK)]
    if unreadable:
        raise ValueError(f"cannot read {', '.join(repr(p) for p in unreadable)}: permission denied."
                         " Check the permissions, or leave it out")
    return given


def store_path(db: str | os.PathLike, name: str = "db", write: bool = False, exists: bool = True) -> str:
    """The store file: never a folder; it must ``exist`` (all but ingest); for ``write``, its
    folder must exist and be writable."""
    text = os.fspath(db)
    if not text:
        raise ValueError(f"{name} is empty. Give a store file, e.g. {_example(name, DEFAULT_DB)}")
    p = Path(text)
    if p.is_dir():
        raise ValueError(f"{name} {text!r} is a folder, not a store file."
                         f" Give a file name, e.g. {_example(name, str(p / DEFAULT_DB))}")
    if exists and not p.exists():
        how = (f"docmine ingest FOLDER --db {text}" if _is_flag(name)
               else f"docmine.ingest(['FOLDER/'], {_example(name, text)})")
        raise ValueError(f"no docmine store at {text!r}. Run `{how}` first, or check the file name given as {name}")
    if p.exists():
        mode = os.R_OK | (os.W_OK if write else 0)
        if not os.access(p, mode):
            raise ValueError(f"cannot {'write' if write else 'read'} the store {text!r}: permission denied."
                             f" Check its permissions, or choose another file with {name}")
    if write:
        folder = p.parent if str(p.parent) else Path(".")
        if not folder.is_dir():
            raise ValueError(f"cannot create the store {text!r}: the folder {str(folder)!r} does not exist."
                             f" Create it first, or choose another file with {name}")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ValueError(f"cannot write the store {text!r}: the folder {str(folder)!r} is not writable."
                             f" Choose a folder you can write to with {name}")
    return text


def output_path(out: str | os.PathLike, name: str = "output", formats: Sequence[str] | None = None) -> str:
    """A file to write: not a folder, its folder exists, and (with ``formats``) a known extension."""
    text = os.fspath(out)
    p = Path(text)
    if p.is_dir() or text.endswith(os.sep):
        example = _example(name, str(p / ("out." + (formats or ["csv"])[0])))
        raise ValueError(f"{name} {text!r} is a folder. Give a file name, e.g. {example}")
    if formats is not None:
        ext = p.suffix.lstrip(".").lower()
        if ext not in formats:
            what = f"unknown format {'.' + ext!r}" if ext else "no extension"
            raise ValueError(f"cannot write {text!r}: {what}. Supported formats: {format_list(formats)}")
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise ValueError(f"cannot write {text!r}: the folder {str(folder)!r} does not exist."
                         " Create it first, or write somewhere else")
    return text


def format_list(formats: Sequence[str]) -> str:
    """``.csv .jsonl ... (tables), .graphml .gexf (networks), .png .svg (heatmaps)``."""
    groups = [(TABLE_FORMATS, "tables"), (NETWORK_FORMATS, "networks for Gephi"), (IMAGE_FORMATS, "heatmap images")]
    parts, seen = [], set()
    for group, what in groups:
        here = [f for f in formats if f in group]
        if here:
            parts.append(f"{' '.join('.' + f for f in here)} ({what})")
            seen.update(here)
    rest = [f for f in formats if f not in seen]
    if rest:
        parts.append(" ".join("." + f for f in rest))
    return ", ".join(parts)


def table_format(value: str, name: str = "format") -> str:
    v = str(value).strip().lower().lstrip(".")
    if v not in TABLE_FORMATS:
        raise ValueError(f"{name} {value!r} is not a supported format. Choose one of {', '.join(TABLE_FORMATS)}")
    return v
