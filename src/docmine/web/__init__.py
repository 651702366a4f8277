"""Local, read-only web app for analysts (Flask)."""
from docmine.web.app import create_app  # noqa: F401
