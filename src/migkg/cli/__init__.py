"""The ``migkg`` command line: every module of this package adds its commands to one Typer app."""
import importlib
import pkgutil

from migkg.cli.app import app

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
    if _module != "app":
        importlib.import_module(f"{__name__}.{_module}")

__all__ = ["app"]
