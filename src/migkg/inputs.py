"""The one guarded reader of input files: regular files, in their folder, of a bounded size.

Every card, source text, registry file, draft metadata file and query file is read through :func:`read_input`.
What it refuses, each with an :class:`~migkg.errors.InputError` naming the file and the fix:

- a symlink that leads out of the folder the file is listed in (``source.txt`` linked to
  ``/etc/passwd`` or ``/proc/self/environ`` would otherwise be published verbatim);
- anything that is not a regular file: a FIFO (which would hang the build), a device such as
  ``/dev/zero`` (which never ends), a folder, a socket;
- a file larger than the limit of its kind (:data:`LIMITS`), checked on the bytes actually read,
  since ``/proc`` files and devices report a size of 0.

The fast path is one ``open`` with ``O_NOFOLLOW`` and one ``fstat``: a build reads two files per
release, so the symlink is resolved only when the last component is one. A folder of releases
is checked once, by :func:`check_within`, when the releases are listed.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from migkg.errors import InputError, Location

#: The largest file of each kind, in bytes: a press release is a few kilobytes, its card a few
#: dozen; a registry file of thousands of actors a few megabytes.
LIMITS: dict[str, int] = {
    "source": 1_000_000,
    "card": 2_000_000,
    "registry": 20_000_000,
    "metadata": 100_000,
    "query": 1_000_000,
}

_KIND_WORDS = {"source": "a source text", "card": "a card", "registry": "a registry file", "metadata": "a metadata file",
               "query": "a query file"}
#: kinds of file the user names on the command line rather than migkg finding them in its data folder: a
#: symlink is followed wherever it leads (the file is read, never published), only to a regular file
_NAMED_BY_USER = {"query"}
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)


def read_input(path: Path | str, kind: str) -> bytes:
    """The bytes of the regular file ``path``, at most ``LIMITS[kind]`` of them.

    A symlink is followed only to a file inside the folder that lists ``path``. A missing file
    raises :class:`FileNotFoundError` (callers say what belongs there); every other refusal is an
    :class:`InputError`.
    """
    limit = LIMITS[kind]
    name = os.fspath(path)
    try:
        handle = os.open(name, _OPEN_FLAGS)
    except OSError as err:
        if err.errno == errno.ELOOP:  # the last component is a symlink: follow it only inside the folder
            handle = _open_link(Path(name), anywhere=kind in _NAMED_BY_USER)
        elif err.errno == errno.ENOENT:
            raise FileNotFoundError(err.errno, err.strerror, name) from None
        else:
            raise InputError(Location(Path(name)), f"cannot be read ({err.strerror}).",
                             "check the file's permissions and that it is a plain file.") from None
    try:
        return _read_regular(handle, Path(name), kind, limit)
    finally:
        os.close(handle)


def check_within(path: Path, folder: Path, what: str) -> None:
    """Refuse ``path`` (a symlink listed in ``folder``) unless it resolves to a place inside ``folder``."""
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as err:
        problem = "is a symlink loop" if err.errno == errno.ELOOP else f"is a symlink to nowhere ({err.strerror})"
        raise InputError(Location(path), f"{problem}.", f"replace the link with the {what} itself.") from None
    home = Path(os.path.realpath(folder))
    if target != home and home not in target.parents:
        raise InputError(Location(path), f"is a symlink to {target}, outside {folder}: migkg reads and "
                         f"publishes only what is inside its data folder.",
                         f"copy the {what} into {folder} instead of linking to it.")


def _open_link(path: Path, anywhere: bool = False) -> int:
    if not anywhere:
        check_within(path, path.parent, "file")
    try:
        return os.open(os.path.realpath(path), _OPEN_FLAGS)
    except OSError as err:
        raise InputError(Location(path), f"cannot be read ({err.strerror}).",
                         "check the file's permissions and that it is a plain file.") from None


def _read_regular(handle: int, path: Path, kind: str, limit: int) -> bytes:
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        raise InputError(Location(path), f"is {_file_type(mode)}, not a regular file.",
                         f"put {_KIND_WORDS[kind]} here as a plain file.")
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = os.read(handle, min(1 << 20, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(Location(path), f"is larger than {limit:,} bytes, the limit for {_KIND_WORDS[kind]}.",
                             f"{_KIND_WORDS[kind]} is far smaller; check that this is the right file, or split it.")


def _file_type(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
