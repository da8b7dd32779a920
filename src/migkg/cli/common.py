"""What every ``migkg`` command shares: the common options, the error handling, the message line.

The commands live one module per area (``build``, ``draft``, ``query``, ``publish``, ``serve``,
``network``); :mod:`migkg.cli.app` registers them on the one Typer app. They import this module,
never the app, so that the app can import them without a cycle.

Exit status: 0 success; 1 the data violates the shapes (or another failure); 2 bad input
(a card, the registry, a source text, a query) — with one line per problem on stderr
naming the file, line and field, and the fix. Nothing is written unless all went well.

Every command runs under :func:`last_resort` (through :class:`Command` and :class:`Group`), so no
exception ends in a traceback: a folder or file that cannot be written or read becomes one line naming
the option and the file with the system's words for what is wrong (exit 2 when the option names a place
migkg may not use, 1 when the machine fails: a full disk, an I/O error); anything else unexpected
becomes one line naming the command, the exception and how to report it (exit 1). ``MIGKG_DEBUG=1``
shows the traceback instead.
"""
from __future__ import annotations

import contextlib
import errno
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from migkg.errors import InputError, Location, MigkgError

P = ParamSpec("P")
R = TypeVar("R")

#: the base IRI the commands give the library unless --base says otherwise: the value of
#: :data:`migkg.mapping.iris.DEFAULT_BASE` (tests/test_one_release.py checks it), written out here so that
#: the command line starts without importing the mapping (and pydantic) for a default value
DEFAULT_BASE = "https://w3id.org/migkg/"

DataOption = Annotated[Path, typer.Option("--data", metavar="DIR", help="Folder with registry/ and releases/.")]
OutOption = Annotated[Path, typer.Option(
    "--out", metavar="DIR", help="Folder of the build: where `migkg build` writes it, and where the other commands "
                                 "read it.")]


# --------------------------------------------------------------------------- IRIs given on the command line
def check_iri(value: str | None, option: str, *, web: bool = False) -> str | None:
    """``value`` if it is an absolute IRI (RFC 3987, as Oxigraph parses it) that migkg can put names after: no
    fragment (``#``), since names of its own end in ``#char=…``; with ``web``, an http(s) URL. Otherwise a
    :class:`typer.BadParameter` saying what is wrong (exit 2)."""
    import pyoxigraph as ox

    if value is None:
        return None
    example = "https://example.org/migkg/"
    try:
        ox.NamedNode(value + "x")  # what migkg makes of it: names after it
    except ValueError as err:
        raise typer.BadParameter(f"{value!r} is not an absolute IRI ({err}). Fix: give one like {example}, with "
                                 "any space or quote written as %20 or %22.", param_hint=f"'{option}'") from None
    if "#" in value:
        raise typer.BadParameter(f"{value!r} has a fragment ('#'); the names migkg makes after it end in "
                                 f"'#char=…' and an IRI has one fragment at most. Fix: end it with '/', e.g. "
                                 f"{example}", param_hint=f"'{option}'")
    if web and not re.match(r"https?://", value, re.IGNORECASE):
        raise typer.BadParameter(f"{value!r} is not an http(s) URL. Fix: give the address the files will be "
                                 f"downloaded from, e.g. {example}files/", param_hint=f"'{option}'")
    return value


def _check_base(value: str) -> str:
    return check_iri(value, "--base") or value


BaseOption = Annotated[str, typer.Option("--base", metavar="IRI", callback=_check_base,
                                         help="Base IRI of the data (actors, releases, facts).")]

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
        with last_resort(ctx):
            _refuse_nul(ctx)
            try:
                result = super().invoke(ctx)
                sys.stdout.flush()  # a closed pipe shows here, not at exit (where Python would print a traceback)
                return result
            except BrokenPipeError:
                _quiet_stdout()
                raise typer.Exit(0) from None


class Group(TyperGroup):
    """The app and its sub-apps (``migkg network``): flags without metavars in their help too, and the
    :func:`last_resort` around the parsing of a command's options (their callbacks run there)."""

    def get_params(self, ctx):
        return _plain_params(super().get_params(ctx))

    def invoke(self, ctx):
        with last_resort(ctx):
            return super().invoke(ctx)


def _refuse_nul(ctx: typer.Context) -> None:
    """A NUL character ends a string for the system: no file name or IRI holds one (a shell cannot pass one;
    a program calling migkg can)."""
    for param in getattr(ctx.command, "params", []):
        values = ctx.params.get(param.name or "")
        for value in values if isinstance(values, (list, tuple)) else [values]:
            if isinstance(value, (str, Path)) and "\x00" in str(value):
                raise typer.BadParameter("contains a NUL character, which no file name or IRI may hold. Fix: "
                                         "leave it out.", ctx=ctx, param=param)


# --------------------------------------------------------------------------- the last resort
#: errno values that say the place given is not one migkg may use (exit 2: give another); any other
#: OSError is the machine failing (a full disk, an I/O error: exit 1)
_PLACE_ERRORS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EISDIR, errno.EEXIST, errno.ELOOP,
                 errno.ENAMETOOLONG, errno.ENOENT, errno.ENXIO, errno.ENODEV, errno.ENOTEMPTY, errno.EINVAL}
DEBUG_VARIABLE = "MIGKG_DEBUG"


def debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


@contextlib.contextmanager
def last_resort(ctx: typer.Context) -> Iterator[None]:
    """Turn whatever escapes a command into one ``error:`` line and an exit status: click's own exits and
    usage errors (typer's own click) pass; :class:`MigkgError` prints its message (its status); an :class:`OSError` names the
    option and the file (:func:`_os_error`); anything else says that migkg failed and how to report it
    (exit 1). With ``MIGKG_DEBUG=1`` the exception goes on, traceback and all."""
    try:
        yield
    except (typer.Exit, typer.Abort, typer.TyperException, KeyboardInterrupt):
        raise
    except MigkgError as err:
        if debugging():
            raise
        echo_error(str(getattr(err, "message", err)))
        raise typer.Exit(err.exit_code) from None
    except OSError as err:
        if debugging():
            raise
        status, text = _os_error(ctx, err)
        echo_error(text)
        raise typer.Exit(status) from None
    except Exception as err:
        if debugging():
            raise
        where = _parameter_of(ctx, getattr(err, "filename", None))
        echo_error(f"{_command_name(ctx)} failed unexpectedly: {type(err).__name__}: {_one_line(str(err))}"
                    + (f" (with {where})" if where else "") + ". This is a bug in migkg: please report it on "
                    f"migkg's issue tracker with the command line; {DEBUG_VARIABLE}=1 shows the traceback.")
        raise typer.Exit(1) from None


def _os_error(ctx: typer.Context, err: OSError) -> tuple[int, str]:
    """One line for a file that cannot be written or read: the option it came from (or, when the system does
    not say which file, the path options of the command), the file, the system's words; exit 2 when another
    place would do, 1 when the machine fails."""
    filename = err.filename
    what = os.strerror(err.errno) if err.errno else (err.strerror or str(err))
    where = _parameter_of(ctx, filename)
    target = repr(os.fsdecode(filename)) if filename is not None else None
    if err.errno in _PLACE_ERRORS:
        fix = {errno.ENOENT: "check that the path exists", errno.ENOTDIR: "a file stands where a folder is needed; "
               "give another path or move the file", errno.EISDIR: "a folder stands where a file is needed; give "
               "another path"}.get(err.errno or 0, "give a folder you can write to, or change its permissions")
        return 2, (f"{_command_name(ctx)}: {where + ': ' if where else ''}cannot use {target or 'a file'}: {what}. "
                   f"Fix: {fix}.")
    if target is not None:
        place = f"{where}: writing {target}" if where else f"writing {target}"
    else:  # a failed write() names no file: name the places the command writes to
        options = _path_parameters(ctx)
        place = "writing a file" + (f" (with {options})" if options else "")
    return 1, (f"{_command_name(ctx)}: {place} failed: {what}. Fix: free some space or fix the disk (the earlier "
               "outputs are as they were), then run the command again.")


def _path_parameters(ctx: typer.Context) -> str:
    """The command's options that name files or folders, as given: ``--out build, --cache /tmp/c``."""
    given = []
    for param in getattr(ctx.command, "params", []):
        value = ctx.params.get(param.name or "")
        if isinstance(value, Path):
            given.append(f"{_label(param)} {value}")
    return ", ".join(given)


def _label(param: Any) -> str:
    return param.opts[0] if param.param_type_name == "option" else (param.name or "").upper()


def _parameter_of(ctx: typer.Context, filename: Any) -> str | None:
    """The option (``--out build``) whose path holds ``filename``, or whose folder does (a build writes its
    new folder beside its --out); None when no option names a path."""
    if filename is None:
        return None
    try:
        path = Path(os.path.abspath(os.fsdecode(filename)))
    except (TypeError, ValueError):
        return None
    best: tuple[int, str] | None = None
    for param in getattr(ctx.command, "params", []):
        values = ctx.params.get(param.name or "")
        for value in values if isinstance(values, (list, tuple)) else [values]:
            if not isinstance(value, Path):
                continue
            given = Path(os.path.abspath(value))
            if path == given or given in path.parents or (path.parent == given.parent and given.name in path.name):
                label = _label(param)
                score = len(given.parts)
                if best is None or score > best[0]:
                    best = (score, f"{label} {value}")
    return best[1] if best else None


def _command_name(ctx: typer.Context) -> str:
    return ctx.command_path or "migkg"


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def echo_error(text: str) -> None:
    """Each line of ``text`` as an ``error:`` line on stderr (an empty text: one empty error line)."""
    for line in text.splitlines() or [""]:
        typer.echo(f"error: {line}", err=True)


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

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """The command line as its own process (``migkg ...``): the cycle collector told to run rarely first."""
        quiet_collector()
        return super().__call__(*args, **kwargs)


#: the collector's first threshold in a process of the command line (Python's default: 700)
COLLECTOR_THRESHOLD = 50_000


def quiet_collector() -> None:
    """Make the cycle collector's passes rare in a process of the command line, as the build's workers have them
    (:func:`migkg.build.workbench.quiet_garbage_collector`). A command imports pydantic, rdflib and the cards'
    models and reads thousands of cache records: hundreds of thousands of objects, none of them garbage, which
    Python's default thresholds (a pass every 700 new objects, a full one every 100 passes) walk again and
    again: a fifth of the CPU of ``migkg validate --release`` at 10,000 releases. migkg makes no reference
    cycles to reclaim; what cycles the libraries make are still collected, less often."""
    import gc

    if gc.get_threshold()[0] < COLLECTOR_THRESHOLD:
        gc.set_threshold(COLLECTOR_THRESHOLD, 20, 100)


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


def require_folder_or_nothing(folder: Path, option: str) -> None:
    """An :class:`InputError` when ``folder`` (an output folder) exists and is not a folder."""
    if folder.exists() and not folder.is_dir():
        raise InputError(Location(Path(option)), f"{folder} is a file, not a folder; migkg writes a folder there.",
                         f"give {option} a folder (new or from an earlier run), or move the file away.")


def require_writable_file(path: Path, option: str) -> None:
    """An :class:`InputError` when the file ``path`` cannot be written where it is: its folder is missing, or it
    is a folder or another file that is not a regular one."""
    if path.is_dir():
        raise InputError(Location(Path(option)), f"{path} is a folder.", f"give {option} a file name, e.g. "
                         f"{path / 'report.ttl'}.")
    if path.exists() and not path.is_file():  # a FIFO would block the write, a device swallow it
        raise InputError(Location(Path(option)), f"{path} is not a regular file (a FIFO, a device or a socket).",
                         f"give {option} the name of a plain file.")
    if not path.parent.is_dir():
        raise InputError(Location(Path(option)), f"the folder {path.parent} does not exist.",
                         f"create it first (mkdir -p {path.parent}), or give {option} a file in an existing folder.")


def errors_to_exit(command: Callable[P, R]) -> Callable[P, R]:
    """Our own errors (:class:`MigkgError`) end the command with one ``error:`` line each and their exit
    status, instead of a traceback: they already name the file, line and field, and the fix."""
    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except MigkgError as err:
            echo_error(str(getattr(err, "message", err)))
            raise typer.Exit(err.exit_code) from None
    return wrapper


def say(text: str) -> None:
    """A line for people, on stderr: stdout stays the command's answer (a table, a file list) for pipes."""
    typer.echo(text, err=True)


