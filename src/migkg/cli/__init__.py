"""The ``migkg`` command line: one Typer app (:mod:`migkg.cli.app`), its commands one module per area."""
from migkg.cli.app import app

__all__ = ["app"]
