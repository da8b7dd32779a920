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
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from migkg.errors import InputError, Location, MigkgError

P = ParamSpec("P")
R = TypeVar("R")

DataOption = Annotated[Path, typer.Option("--data", metavar="DIR", help="Folder with registry/ and releases/.")]
OutOption = Annotated[Path, typer.Option(
    "--out", metavar="DIR", help="Folder of the build: where `migkg build` writes it, and where the other commands "
                                 "read it.")]
BaseOption = Annotated[str, typer.Option("--base", metavar="IRI", help="Base IRI of the data (actors, releases, facts).")]

#: ``-h`` as well as ``--help``, on every command (sub-commands inherit it from the app's context)
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


# --------------------------------------------------------------------------- help as people read it
def _plain_params(params: list) -> list:
    """A flag shows no metavar (not ``<bool>``); an argument, or an option without a metavar of its own, shows
    its name in capitals (``NAME``, ``--port PORT``), as the usage line of a Unix command does, instead of
    ``{name}`` or a type (``<int>``, ``<list[str]>``)."""
    for param in params:
        if isinstance(param, TyperArgument):
            param.display_type_rich = _no_type  # type: ignore[method-assign]  # its name and help say what it is
        if param.metavar is not None:
            continue
        flag = not isinstance(param, TyperArgument) and getattr(param, "is_flag", False)
        param.metavar = "" if flag else (param.name or "value").upper()
    return params


def _no_type(ctx) -> None:
    return None


class Command(TyperCommand):
    """A command whose help and usage line read as a Unix command's (``migkg query [OPTIONS] NAME``), and that
    ends quietly with status 0 when the reader of its output goes away (``migkg query q05 | head``)."""

    def get_params(self, ctx):
        return _plain_params(super().get_params(ctx))

    def collect_usage_pieces(self, ctx) -> list[str]:
        # Typer writes a required argument as {NAME}; NAME is what every man page writes
        return [re.sub(r"^\{(.*)\}", r"\1", piece) for piece in super().collect_usage_pieces(ctx)]

    def invoke(self, ctx):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not at exit (where Python would print a traceback)
            return result
        except BrokenPipeError:
            _quiet_stdout()
            raise typer.Exit(0) from None


class Group(TyperGroup):
    """The app and its sub-apps (``migkg network``): flags without metavars in their help too."""

    def get_params(self, ctx):
        return _plain_params(super().get_params(ctx))


class App(typer.Typer):
    """A Typer app whose commands are :class:`Command`: a command registered with ``app.command()`` gets the
    same help and pipe handling as every other, with nothing to remember."""

    def __init__(self, **settings: Any):
        settings.setdefault("cls", Group)
        settings.setdefault("context_settings", CONTEXT_SETTINGS)
        super().__init__(**settings)

    def command(self, *args: Any, **settings: Any):
        settings.setdefault("cls", Command)
        return super().command(*args, **settings)


def _quiet_stdout() -> None:
    """The recipe of the Python docs (signal module, "Note on SIGPIPE"): the rest of the output goes to
    /dev/null, so that the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (a test's captured output): nothing left to flush
        pass


def require_data_folder(data: Path) -> None:
    """An :class:`InputError` when ``data`` is not a data folder (one with registry/ or releases/): most often
    migkg was run from another folder than the project's."""
    if not (data / "registry").is_dir() and not (data / "releases").is_dir():
        raise InputError(Location(data), f"no data folder found at {data.resolve()} (a folder holding registry/ "
                                         "and releases/).",
                         "run migkg from the project folder (the one that holds data/), or pass --data DIR.")


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


