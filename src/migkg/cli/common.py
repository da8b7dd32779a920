"""What every ``migkg`` command shares: the common options, the error handling, the message line.

The commands live one module per area (``build``, ``draft``, ``query``, ``publish``, ``serve``,
``network``); :mod:`migkg.cli.app` registers them on the one Typer app. They import this module,
never the app, so that the app can import them without a cycle.

Exit status: 0 success; 1 the data violates the shapes (or another failure); 2 bad input
(a card, the registry, a source text, a query) — with one line per problem on stderr
naming the file, line and field, and the fix. Nothing is written unless all went well.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from migkg.errors import MigkgError

P = ParamSpec("P")
R = TypeVar("R")

DataOption = Annotated[Path, typer.Option("--data", help="Folder with registry/ and releases/.")]
OutOption = Annotated[Path, typer.Option("--out", help="Output folder of the build.")]
BaseOption = Annotated[str, typer.Option("--base", help="Base IRI of the data (actors, releases, facts).")]


def errors_to_exit(command: Callable[P, R]) -> Callable[P, R]:
    """Our own errors (:class:`MigkgError`) end the command with one ``error:`` line each and their exit
    status, instead of a traceback: they already name the file, line and field, and the fix."""
    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except MigkgError as err:
            for line in str(getattr(err, "message", err)).splitlines():
                typer.echo(f"error: {line}", err=True)
            raise typer.Exit(err.exit_code) from None
    return wrapper


def say(text: str) -> None:
    """A line for people, on stderr: stdout stays the command's answer (a table, a file list) for pipes."""
    typer.echo(text, err=True)


