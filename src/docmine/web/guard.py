"""Who may read and write through ``docmine serve``.

- **Writes** (tags, entity clean-up) must be POSTs that carry the app's CSRF token in the
  ``X-CSRF-Token`` header (pages embed it; ``GET /api/csrf`` gives it to scripts) and, when the
  browser sends an ``Origin``, come from the app's own origin. Another site's page can neither
  read the token (no CORS headers, Host checked against DNS rebinding) nor forge the header.
- **Writable** only when asked for and safe: on loopback by default; bound to another address only
  with an access token, otherwise the app serves read-only and says so.
- **Access token** (``docmine serve --token``): every request must then present it, as
  ``Authorization: Bearer TOKEN``, or once as ``?token=TOKEN``, which sets a same-site cookie.
"""
from __future__ import annotations

import functools
import hmac
import secrets
from collections.abc import Callable
from typing import Any

from flask import Flask, Response, abort, current_app, jsonify, redirect, request

COOKIE = "docmine_token"
HEADER = "X-CSRF-Token"


def csrf_token() -> str:
    return str(current_app.config["CSRF"])


def _deny(message: str, status: int) -> None:
    if request.path.startswith("/api/"):
        abort(Response(jsonify({"error": message}).get_data(), status=status, mimetype="application/json"))
    abort(Response(message, status=status, mimetype="text/plain"))


def require_write(view: Callable[..., Any]) -> Callable[..., Any]:
    """Refuse a write that is not the app's own: wrong or missing CSRF token, another origin, or
    an app started read-only."""
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if not current_app.config.get("WRITABLE"):
            _deny("this docmine app is read-only: " + str(current_app.config.get("READ_ONLY_WHY")), 403)
        sent = request.headers.get(HEADER, "")
        if not sent or not hmac.compare_digest(sent, csrf_token()):
            _deny(f"a write needs the {HEADER} header with the token of this app (GET /api/csrf gives it)", 403)
        origin = request.headers.get("Origin")
        if origin and origin.rstrip("/") != request.host_url.rstrip("/"):
            _deny(f"a write from another origin ({origin}) is refused", 403)
        return view(*args, **kwargs)
    return wrapped


def install(app: Flask, token: str | None = None, writable: bool = True, read_only_why: str = "") -> None:
    """Set up CSRF, the optional access token and whether writes are allowed on ``app``."""
    app.config["CSRF"] = secrets.token_urlsafe(32)
    app.config["WRITABLE"] = writable
    app.config["READ_ONLY_WHY"] = read_only_why or "it was started with --read-only"
    app.config["TOKEN"] = token or None
    if not token:
        return

    @app.before_request
    def check_token():  # registered after the Host check, so it runs second
        want = str(app.config["TOKEN"])
        given = request.args.get("token")
        if given is not None:
            if not hmac.compare_digest(given, want):
                _deny("wrong access token", 401)
            args = {k: v for k, v in request.args.items() if k != "token"}
            from urllib.parse import urlencode

            resp = redirect(request.path + (("?" + urlencode(args)) if args else ""))
            resp.set_cookie(COOKIE, want, httponly=True, samesite="Strict")
            return resp
        auth = request.headers.get("Authorization", "")
        sent = auth[7:] if auth.startswith("Bearer ") else request.cookies.get(COOKIE, "")
        if not sent or not hmac.compare_digest(sent, want):
            _deny("this docmine app needs its access token: open it once as http://HOST:PORT/?token=TOKEN, or send"
                  " 'Authorization: Bearer TOKEN'", 401)
        return None
