"""The ``migkg`` command line: each module adds its commands to one Typer app."""
from . import build, query  # noqa: F401  (they register their commands)
from .app import app

__all__ = ["app"]
