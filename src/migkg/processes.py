"""What keeps migkg's folders whole and its child processes accounted for, whatever stops a command.

- :func:`exchange`: two paths swapped in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``), so that a
  folder such as ``build/`` is at every instant either the old one or the new one;
- :class:`FolderLock`: one writer per folder (``flock`` on a lock file that names its holder's pid);
- :func:`owned_prefix` and :func:`stale_folders`: temporary folders named after the process that made them,
  so that the next run can tell the leftovers of a dead process from the folders of a live one;
- :func:`signals_as_interrupt`: SIGTERM and SIGHUP stop a command as Ctrl-C does (the ``finally`` blocks run),
  and :func:`stop_signals_held` defers them over a step that must not be cut in two;
- :func:`dying_with_this_process`, :func:`die_with_parent`: a child process that the kernel kills when its parent
  dies, even by SIGKILL.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from migkg.errors import MigkgError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2          # <linux/fs.h>
_PR_SET_PDEATHSIG = 1         # <linux/prctl.h>
#: what renameat2 answers when the kernel or the file system cannot exchange (old kernel, NFS, some FUSE)
_REFUSALS = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP}


class ExchangeRefused(OSError):
    """The system cannot swap two paths atomically here (no ``renameat2``, or the file system refuses it)."""


def _libc() -> Any:
    return ctypes.CDLL(None, use_errno=True)


def exchange(first: Path, second: Path) -> None:
    """Swap ``first`` and ``second`` (both must exist) in one step: no instant sees either path missing.

    Raises :class:`ExchangeRefused` where the kernel (Linux < 3.15, another system) or the file system
    does not offer the exchange; any other failure as :class:`OSError`."""
    renameat2 = getattr(_libc(), "renameat2", None)  # glibc >= 2.28
    if renameat2 is None:
        raise ExchangeRefused(errno.ENOSYS, "this C library has no renameat2 (an atomic exchange of two paths)")
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        kind = ExchangeRefused if code in _REFUSALS else OSError
        raise kind(code, os.strerror(code), str(first), None, str(second))


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename in it) to disk; a no-op where folders cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


# --------------------------------------------------------------------------- who owns what
def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def owned_prefix(prefix: str) -> str:
    """A temporary folder's name prefix that names this process: ``<prefix><pid>-``."""
    return f"{prefix}{os.getpid()}-"


def stale_folders(parent: Path, prefixes: tuple[str, ...], *, any_owner: bool = False) -> list[Path]:
    """The folders in ``parent`` named ``<prefix><pid>-…`` whose process no longer runs; with ``any_owner``
    (the caller holds the lock that every owner of such folders holds), all but this process's own, with or
    without a pid in their name."""
    found = []
    try:
        entries = sorted(parent.iterdir())
    except OSError:
        return []
    for entry in entries:
        prefix = next((p for p in prefixes if entry.name.startswith(p)), None)
        if prefix is None or entry.is_symlink() or not entry.is_dir():
            continue
        named = re.match(r"(\d+)-", entry.name[len(prefix):])
        pid = int(named.group(1)) if named else None
        if pid == os.getpid():
            continue
        if any_owner or (pid is not None and not pid_alive(pid)):
            found.append(entry)
    return found


class FolderBusy(MigkgError):
    """Another process holds the lock of a folder (exit status 1: not bad input, try again later)."""

    exit_code = 1


class FolderLock:
    """An exclusive ``flock`` on ``lock_file`` for as long as the context lasts; the file says who holds it
    (pid and command). The kernel drops the lock when the holder dies, however it dies, so a lock is never
    stale. The holder removes the file as it lets go (while still holding the lock), and a process that
    locked a file someone removed meanwhile tries again on the new one: two processes never hold two
    different files. A file left by a killed holder is simply locked and removed by the next one."""

    def __init__(self, lock_file: Path, what: str):
        self.path, self.what = lock_file, what
        self.handle: IO[str] | None = None

    def __enter__(self) -> FolderLock:
        while True:
            handle = self._locked_handle()
            try:
                current = os.stat(self.path).st_ino
            except FileNotFoundError:
                current = None
            if current == os.fstat(handle.fileno()).st_ino:
                break
            handle.close()  # its holder removed it as we locked it: lock the file that is there now
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}: {' '.join(_command_line())}\n")
        handle.flush()
        self.handle = handle
        return self

    def _locked_handle(self) -> IO[str]:
        # a folder that may not be written is an OSError, which the command line names with its option
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held for the whole lock)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "a process that has not written its pid yet"
            handle.close()
            raise FolderBusy(f"{self.what} is in use by another migkg process ({holder}); lock file "
                             f"{self.path}. Fix: wait for that process to finish (or stop it), then run "
                             "this command again.") from None
        except BaseException:
            handle.close()
            raise
        return handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.path.unlink(missing_ok=True)  # still locked: nobody else can be holding this file
            self.handle.close()  # closing the file releases the lock
            self.handle = None


def _command_line() -> list[str]:
    try:
        words = Path("/proc/self/cmdline").read_bytes().split(b"\0")
        return [os.fsdecode(word) for word in words if word][:8]
    except OSError:
        return ["migkg"]


# --------------------------------------------------------------------------- signals
class Interrupted(KeyboardInterrupt):
    """A stop asked by a signal: ``signum`` says which; the exit status is 128 + ``signum`` (130, 143, 129)."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


@contextmanager
def signals_as_interrupt(*signals: signal.Signals) -> Iterator[None]:
    """SIGINT and ``signals`` (SIGTERM, SIGHUP) raise :class:`Interrupted` in the main thread, so that a
    ``kill`` stops the command as cleanly as Ctrl-C: every ``finally`` runs. The first such signal ignores the
    next ones, so that a second Ctrl-C cannot cut the cleaning short. Outside the main thread: no change."""
    wanted = (signal.SIGINT, *signals)

    def interrupt(signum: int, frame: object) -> None:
        for each in wanted:
            signal.signal(each, signal.SIG_IGN)
        raise Interrupted(signum)

    try:
        previous = {each: signal.signal(each, interrupt) for each in wanted}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for each, handler in previous.items():
            signal.signal(each, handler)


#: the signals that ask a command to stop
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@contextmanager
def stop_signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP back while the context lasts (one that arrives is handled at its end,
    none is lost): for a step that a stop must not cut in two, such as starting a worker process, whose
    start-up data would be cut short. A process started inside inherits the block: it lifts it itself
    (:func:`stop_signals_let_through`)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def stop_signals_let_through() -> None:
    """Lift the block :func:`stop_signals_held` left on a process started inside it."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)


# --------------------------------------------------------------------------- children
def dying_with_this_process() -> Callable[[], None]:
    """A ``preexec_fn`` for :class:`subprocess.Popen`: the kernel sends SIGKILL to the child when this process
    dies, even by SIGKILL (Linux ``prctl(PR_SET_PDEATHSIG)``; elsewhere it does nothing). The C function is
    found here, before the fork: the child only calls it. Strictly, the signal comes when the *thread* that
    started the child ends: start children from the main thread, or from a thread that lives as long."""
    parent = os.getpid()
    prctl = _prctl()
    return lambda: _die_with(parent, prctl)


def die_with_parent(parent: int) -> None:
    """Called in a child process (a worker started by ``multiprocessing``): the kernel kills it when ``parent``
    dies, or at once if ``parent`` is already gone (Linux; elsewhere nothing)."""
    _die_with(parent, _prctl())


def _prctl() -> Any:
    try:
        return _libc().prctl
    except (OSError, AttributeError):
        return None


def _die_with(parent: int, prctl: Any) -> None:
    if prctl is None:
        return
    prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os.kill(os.getpid(), signal.SIGKILL)


class Aside:
    """A function running in a forked copy of this process (:func:`aside`), to be waited for."""

    def __init__(self, pid: int | None, done: bool):
        self.pid, self._done = pid, done

    def wait(self) -> bool:
        """Whether the function returned (in the child, or here when no child could be made); False if it raised,
        or the child was killed."""
        if self.pid is not None:
            while True:
                try:
                    _pid, status = os.waitpid(self.pid, 0)
                    break
                except ChildProcessError:  # reaped elsewhere: its outcome is unknown
                    status = -1
                    break
                except InterruptedError:
                    continue
            self.pid = None
            self._done = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 if status >= 0 else False
        return self._done

    def running(self) -> bool:
        """Whether the child is still at work (it is reaped here once done)."""
        if self.pid is None:
            return False
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            pid, status = self.pid, -1
        if pid == 0:
            return True
        self.pid = None
        self._done = status >= 0 and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        return False

    def stop(self) -> None:
        """Kill the child if it is still running (nothing if it is done), and reap it."""
        if self.pid is not None:
            with suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
            self.wait()


def aside(work: Callable[[], object]) -> Aside:
    """Run ``work`` in a forked copy of this process while this one goes on (copy-on-write: nothing is sent to
    it, and what it leaves behind, such as a build cache entry, is how it answers); the child dies with this
    process. Where there is no ``fork``, ``work`` runs here, now. For work the caller can do again itself
    when :meth:`Aside.wait` says it failed. Fork from the main thread of a process with no other threads."""
    if not hasattr(os, "fork"):
        try:
            work()
        except Exception:
            return Aside(None, False)
        return Aside(None, True)
    parent, prctl = os.getpid(), _prctl()
    with stop_signals_held():  # a stop between fork and prctl would leave the child behind
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                _die_with(parent, prctl)
                stop_signals_let_through()
                work()
                code = 0
            finally:
                os._exit(code)  # no atexit handlers, no flushing of the parent's buffers: they are not the child's
    return Aside(pid, False)
