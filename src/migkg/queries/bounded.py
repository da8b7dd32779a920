"""An embedded query run where it can be stopped: in a child process, ended at a deadline or on Ctrl-C.

pyoxigraph evaluates a query in native code, which does not return to Python until it is done:
neither a timer nor Ctrl-C (``KeyboardInterrupt``) can stop it in the process that runs it. So
``migkg query`` forks a child that holds the same in-memory store (the fork shares it, copy on
write: nothing is loaded again; about 10 ms on the seed) and runs the query there; the parent
waits for the parsed answer on a pipe, and kills the child when the deadline passes (exit
status 1, "stopped after N s") or when Ctrl-C reaches the parent (exit status 130). The child
ignores Ctrl-C itself: the parent decides, and the child never prints a traceback of its own.

Linux and other systems with ``fork`` only, as migkg is (the store is not sent to the child, it
is inherited).
"""
from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TypeVar

from migkg.errors import MigkgError

T = TypeVar("T")


class QueryStopped(MigkgError):
    """The query ran past its deadline and was stopped."""

    exit_code = 1


def in_child(work: Callable[[], T], seconds: float, what: str) -> T:
    """``work()``'s result, computed in a forked child; :class:`QueryStopped` after ``seconds`` (0: no
    deadline). A :class:`MigkgError` of the child is raised here again, with its message and exit status."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(work, writer), name="migkg-query", daemon=True)
    child.start()
    writer.close()
    try:
        if not reader.poll(seconds if seconds > 0 else None):
            raise QueryStopped(f"{what}: stopped after {seconds:g} s (--timeout). Fix: ask for less (a LIMIT, a "
                               "narrower pattern), or give a longer --timeout (0: none).")
        outcome = reader.recv()
    except EOFError:
        child.join(timeout=5)
        raise MigkgError(f"{what}: the query's process ended without an answer (exit status {child.exitcode}). "
                         "Fix: see the message above; if there is none, report it with the query.") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        reader.close()
    if outcome[0] == "answer":
        result: T = outcome[1]
        return result
    failure = MigkgError(outcome[2])
    failure.exit_code = outcome[1]
    raise failure


def _run(work: Callable[[], object], writer: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the child; a Ctrl-C is its to handle
    try:
        outcome: tuple[object, ...] = ("answer", work())
    except MigkgError as err:
        outcome = ("error", err.exit_code, str(getattr(err, "message", err)))
    except Exception as err:  # reported to the parent, which ends with one line (no traceback from a child)
        outcome = ("error", 1, f"the query failed: {type(err).__name__}: {err}")
    writer.send(outcome)
    writer.close()
