"""A self-contained HTML report of a store (no network needed to open it)."""
from docmine.report.html import build_report  # noqa: F401
