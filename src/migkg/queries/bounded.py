"""An embedded query run where it can be stopped: in a child process, ended at a deadline or on Ctrl-C.

pyoxigraph evaluates a query in native code, which does not return to Python until it is done:
neither a timer nor Ctrl-C (``KeyboardInterrupt``) can stop it in the process that runs it. So
``migkg query`` forks a child that holds the same in-memory store (the fork shares it, copy on
write: nothing is loaded again; about 10 ms on the seed) and runs the query there; the parent
waits for the parsed answer on a pipe, and kills the child when the deadline passes (exit
status 1, "stopped after N s") or when Ctrl-C reaches the parent (exit status 130). The child
ignores Ctrl-C itself: the parent decides, and the child never prints a traceback of its own.

:func:`streamed_in_child` streams: the child writes its output (formatted text) in pieces as the
query's rows come, and the parent writes each piece out as it arrives; at the deadline or on
Ctrl-C what was written stays written, and the command ends as above.

Linux and other systems with ``fork`` only, as migkg is (the store is not sent to the child, it
is inherited).
"""
from __future__ import annotations

import io
import multiprocessing
import signal
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import TextIO, TypeVar, cast

from migkg.errors import MigkgError
from migkg.processes import stop_signals_held, stop_signals_let_through

T = TypeVar("T")


class QueryStopped(MigkgError):
    """The query ran past its deadline and was stopped."""

    exit_code = 1


def in_child(work: Callable[[], T], seconds: float, what: str) -> T:
    """``work()``'s result, computed in a forked child; :class:`QueryStopped` after ``seconds`` (0: no
    deadline). A :class:`MigkgError` of the child is raised here again, with its message and exit status."""
    return streamed_in_child(lambda _piped: work(), None, seconds, what)


def streamed_in_child(work: Callable[[TextIO], T], out: TextIO | None, seconds: float, what: str) -> T:
    """``work(piped)``'s result, computed in a forked child, with what ``work`` writes to ``piped`` written to
    ``out`` (and flushed) piece by piece as the child sends it: a piece at least every
    :data:`Piped.EVERY` seconds while the child writes, or when :data:`Piped.SIZE` characters are waiting.
    The deadline (``seconds``; 0: none) is for the whole run: what was written before it stays written."""
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    if out is not None:
        out.flush()  # nothing buffered before the fork is written twice
    child = context.Process(target=_run_piped, args=(work, writer), name="migkg-query", daemon=True)
    try:
        # a stop (Ctrl-C) that came between the fork and the clean-up below would leave the child running the
        # query, holding this process's stdout and stderr open: held back until the child is started (the child
        # lifts the block itself), it is raised here, inside the try
        with stop_signals_held():
            child.start()
            writer.close()
        deadline = time.monotonic() + seconds if seconds > 0 else None
        while True:
            if not reader.poll(None if deadline is None else max(deadline - time.monotonic(), 0.0)):
                raise QueryStopped(f"{what}: stopped after {seconds:g} s (--timeout). Fix: ask for less (a LIMIT, "
                                   "--limit, a narrower pattern), or give a longer --timeout (0: none).")
            outcome = reader.recv()
            if outcome[0] != "text":
                break
            if out is not None:
                out.write(outcome[1])
                out.flush()
    except EOFError:
        child.join(timeout=5)
        raise MigkgError(f"{what}: the query's process ended without an answer (exit status {child.exitcode}). "
                         "Fix: see the message above; if there is none, report it with the query.") from None
    finally:
        if child.pid is not None:  # started
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


class Piped(io.TextIOBase):
    """A text stream whose writes go to the parent over ``writer`` in pieces (see :func:`streamed_in_child`)."""

    EVERY = 0.05
    SIZE = 1 << 16

    def __init__(self, writer: Connection):
        self.writer = writer
        self.pending: list[str] = []
        self.size = 0
        self.sent = time.monotonic()

    def write(self, text: str) -> int:
        self.pending.append(text)
        self.size += len(text)
        if self.size >= self.SIZE or time.monotonic() - self.sent >= self.EVERY:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.writer.send(("text", "".join(self.pending)))
            self.pending, self.size = [], 0
        self.sent = time.monotonic()


def _run_piped(work: Callable[[TextIO], object], writer: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the child; a Ctrl-C is its to handle
    stop_signals_let_through()  # forked inside stop_signals_held (a SIGINT held back is ignored now)
    piped = Piped(writer)
    try:
        result = work(cast(TextIO, piped))
        piped.flush()
        outcome: tuple[object, ...] = ("answer", result)
    except MigkgError as err:
        outcome = ("error", err.exit_code, str(getattr(err, "message", err)))
    except Exception as err:  # reported to the parent, which ends with one line (no traceback from a child)
        outcome = ("error", 1, f"the query failed: {type(err).__name__}: {err}")
    writer.send(outcome)
    writer.close()
