"""A table of rows that needs no pandas, for the query commands.

Importing pandas takes most of a second; ``docmine search`` and ``docmine entities`` only print a
few rows, so they read :class:`Rows` (what the store's query gave, with its column names) and
print them with :func:`format_rows`. The Python API turns the same rows into a DataFrame with
:meth:`Rows.to_frame`, so the CLI and the API never disagree.
"""
from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator, Sequence
from typing import Any


class Rows:
    """Rows of a query result with their column names (a minimal, read-only table)."""

    def __init__(self, columns: Sequence[str], rows: Sequence[Sequence[Any]] = ()):
        self.columns = list(columns)
        self.rows = [tuple(r) for r in rows]
        self._tuple = namedtuple("Row", self.columns, rename=True)  # type: ignore[misc]

    @classmethod
    def from_dicts(cls, columns: Sequence[str], dicts: Sequence[dict]) -> Rows:
        return cls(columns, [tuple(d.get(c) for c in columns) for d in dicts])

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def empty(self) -> bool:
        return not self.rows

    def itertuples(self) -> Iterator[Any]:
        """Each row as a named tuple (``row.entity``), as DataFrame.itertuples(index=False) gives."""
        return (self._tuple(*r) for r in self.rows)

    def to_frame(self):
        """The rows as a pandas DataFrame with the same columns."""
        import pandas as pd

        return pd.DataFrame(self.rows, columns=self.columns)


def _cell(value: Any) -> str:
    if value is None:
        return "NaN"  # as pandas prints a missing value
    if isinstance(value, float):
        return "NaN" if value != value else f"{value:g}"
    return str(value)


def format_rows(rows: Rows) -> str:
    """The rows as right-aligned text columns under their names, as pandas'
    ``to_string(index=False)`` prints them; "(no rows)" for none."""
    if rows.empty:
        return "(no rows)"
    # a numeric column keeps a place for the sign, as pandas does: "entity  mentions"
    numeric = [all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool) or r[i] is None for r in rows.rows)
               for i in range(len(rows.columns))]
    pad = [" " if n else "" for n in numeric]
    cells = [[p + _cell(v) for p, v in zip(pad, r, strict=True)] for r in rows.rows]
    heads = [p + c for p, c in zip(pad, rows.columns, strict=True)]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(heads)]
    lines = [" ".join(h.rjust(w) for h, w in zip(heads, widths, strict=True))]
    lines += [" ".join(v.rjust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join(lines)
