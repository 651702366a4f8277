"""Query arguments of the web app and its JSON API, validated in one place.

Every bad argument stops the request with 400 and a message that says what to give instead:
JSON (``{"error": ...}``) under ``/api/`` and for autocomplete, plain text elsewhere.
"""
from __future__ import annotations

from typing import NoReturn, overload

from flask import Response, abort, jsonify, request

MAX_ID = 2**63 - 1  # SQLite's largest integer: ids and numbers beyond it are refused, not a 500


def fail(message: str, status: int = 400) -> NoReturn:
    """Stop the request with ``message`` and ``status``."""
    if request.path.startswith(("/api/", "/autocomplete")):
        abort(Response(jsonify({"error": message}).get_data(), status=status, mimetype="application/json"))
    abort(Response(message, status=status, mimetype="text/plain"))


@overload
def int_arg(name: str, default: int, minimum: int = 0, maximum: int = MAX_ID) -> int: ...
@overload
def int_arg(name: str, default: None = None, minimum: int = 0, maximum: int = MAX_ID) -> int | None: ...
def int_arg(name: str, default: int | None = None, minimum: int = 0, maximum: int = MAX_ID) -> int | None:
    """A whole-number argument within [minimum, maximum]; ``default`` when absent or blank."""
    from docmine.analysis.search import check_int

    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    try:
        return check_int(raw, name, minimum, maximum)
    except ValueError as exc:
        fail(f"{exc}. Give, for example, {name}={max(minimum, 1)}")


def text_arg(name: str, default: str = "") -> str:
    """A text argument of at most MAX_QUERY_CHARS characters."""
    from docmine.analysis.search import MAX_QUERY_CHARS

    value = request.args.get(name, default)
    if len(value) > MAX_QUERY_CHARS:
        fail(f"{name} is {len(value):,} characters long; give at most {MAX_QUERY_CHARS}")
    return value
