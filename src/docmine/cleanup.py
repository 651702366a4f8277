"""Entity clean-up: merge, rename, relabel and "not an entity", as the analyst decides.

Every decision is appended to the user aliases file (``docmine.aliases.toml`` unless another is
named) as an ``[[entity]]`` table, so that every later ingest and ``docmine canonicalize`` apply
it again, and it is applied to the store at once. The file stays the one record of what the
analyst changed: reviewable, versionable, and editable by hand.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from docmine.nlp.lexicon import DEFAULT_ALIASES_FILE, alias_key
from docmine.nlp.mention import NAME_LABELS
from docmine.store import Store

ACTIONS = ("drop", "relabel", "rename", "merge")


def find_entity(store: Store, name: str, label: str | None = None) -> tuple[str, str]:
    """(label, canonical) of the stored entity called ``name`` (its canonical name, any case).

    Raises ValueError when no entity has the name, or when several labels do and none was given."""
    key = alias_key(name)
    rows = [r for r in store.query("SELECT label, canonical FROM entities WHERE label != 'QUANTITY'")
            if alias_key(r["canonical"]) == key and (label is None or r["label"] == label)]
    if not rows:
        where = f" with label {label}" if label else ""
        raise ValueError(f"no entity named {name!r}{where} in the store. "
                         f"`docmine search {json.dumps(name)}` lists the names that come close")
    labels = sorted({r["label"] for r in rows})
    if len(labels) > 1:
        raise ValueError(f"{name!r} is an entity of several labels ({', '.join(labels)}): "
                         f"say which with --label")
    return rows[0]["label"], rows[0]["canonical"]


def _toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def entry(label: str, canonical: str, aliases: list[str] = (), drop: bool = False,  # type: ignore[assignment]
          relabel: str | None = None, note: str = "") -> str:
    """One ``[[entity]]`` table of the aliases file."""
    lines = [f"\n[[entity]]{'  # ' + note if note else ''}", f"label = {_toml_string(label)}",
             f"canonical = {_toml_string(canonical)}"]
    aliases = [a for a in dict.fromkeys(aliases) if a != canonical]
    if aliases:
        lines.append("aliases = [" + ", ".join(_toml_string(a) for a in aliases) + "]")
    if drop:
        lines.append("drop = true")
    if relabel:
        lines.append(f"relabel = {_toml_string(relabel)}")
    return "\n".join(lines) + "\n"


def append_entry(path: str | os.PathLike, text: str) -> None:
    """Append a table to the aliases file, creating it (with a version line) if needed, and check
    that the whole file still reads as TOML before keeping the change."""
    import tomllib

    path = Path(path)
    before = path.read_text(encoding="utf-8") if path.exists() else 'version = "user"\n'
    after = before + ("" if before.endswith("\n") else "\n") + text
    tomllib.loads(after)  # never leave a file docmine can no longer read
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(after, encoding="utf-8")
    os.replace(tmp, path)


def decide(store: Store, action: str, names: list[str], label: str | None = None, to: str | None = None,
           aliases: str | os.PathLike | None = None) -> tuple[str, str]:
    """Record one clean-up decision in the aliases file; returns (the file, the table written).

    ``drop NAME``: no entity. ``relabel NAME --to LABEL``. ``rename NAME --to NEW``: a new
    canonical name. ``merge NAME... --to CANONICAL``: several entities of one label become one
    (CANONICAL may be one of them or a new name)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}: use one of {', '.join(ACTIONS)}")
    if not names:
        raise ValueError("name the entity to change")
    if label is not None and label not in NAME_LABELS:
        raise ValueError(f"--label {label!r}: use one of {', '.join(NAME_LABELS)}")
    path = os.fspath(aliases) if aliases else DEFAULT_ALIASES_FILE
    found = [find_entity(store, n, label) for n in names]
    if action == "merge":
        labels = sorted({lab for lab, _ in found})
        if len(labels) > 1:
            raise ValueError(f"entities of different labels ({', '.join(labels)}) cannot be merged: "
                             f"relabel one first")
        if len(found) < 2 and not to:
            raise ValueError("merge needs two names or more (or --to the canonical name)")
        canonical = to or found[0][1]
        text = entry(labels[0], canonical, [c for _, c in found], note="merged")
    else:
        if len(found) != 1:
            raise ValueError(f"{action} takes one name; give the names one by one")
        lab, canonical = found[0]
        if action == "drop":
            text = entry(lab, canonical, drop=True, note="not an entity")
        elif action == "relabel":
            if not to or to.upper() not in NAME_LABELS:
                raise ValueError(f"relabel needs --to with one of {', '.join(NAME_LABELS)}")
            if to.upper() == lab:
                raise ValueError(f"{canonical!r} is already a {lab}")
            text = entry(lab, canonical, relabel=to.upper(), note=f"{lab} -> {to.upper()}")
        else:  # rename
            if not to:
                raise ValueError("rename needs --to with the new name")
            text = entry(lab, to, [canonical], note="renamed")
    append_entry(path, text)
    return path, text
