"""The ``migkg`` application, its shared options and its error handling.

The ``migkg`` command is a thin shell over the library.

Exit status: 0 success; 1 the data violates the shapes (or another failure); 2 bad input
(a card, the registry, a source text, a query) — with one line per problem on stderr
naming the file, line and field, and the fix. Nothing is written unless all went well.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated

import typer

from migkg.errors import MigkgError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Build, validate and query the migkg knowledge graph of migration-dialogue press releases.")

DataOption = Annotated[Path, typer.Option("--data", help="Folder with registry/ and releases/.")]
OutOption = Annotated[Path, typer.Option("--out", help="Output folder of the build.")]
BaseOption = Annotated[str, typer.Option("--base", help="Base IRI of the data (actors, releases, facts).")]


def errors_to_exit(command):
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except MigkgError as err:
            for line in str(getattr(err, "message", err)).splitlines():
                typer.echo(f"error: {line}", err=True)
            raise typer.Exit(err.exit_code) from None
    return wrapper


def say(text: str) -> None:
    typer.echo(text, err=True)


