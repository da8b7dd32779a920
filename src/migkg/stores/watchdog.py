"""``python -m migkg.stores.watchdog FOLDER``: removes a server's data folder once the process that made it is gone.

:class:`migkg.stores.serve.LocalServer` starts this watchdog in a session of its own, with the read end of a
pipe as its standard input; the server's owner keeps the write end and writes the pid of each child that
works in FOLDER, one a line. The pipe reaches its end when the owner closes it or dies, however it dies
(even SIGKILL, which no handler sees): then the watchdog stops those children (SIGTERM, SIGKILL after 5 s;
only a process whose command line names FOLDER, so a recycled pid is left alone), removes FOLDER, and exits.
On Linux the children die with their owner anyway (:func:`migkg.processes.dying_with_this_process`); the
watchdog is what removes their data, which no process killed by SIGKILL can do for itself.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import time
from pathlib import Path

from migkg.processes import pid_alive

GRACE_S = 5.0


def works_in(pid: int, folder: Path) -> bool:
    """Whether process ``pid`` runs and its command line names ``folder`` (a child of ours, not a recycled pid)."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return pid_alive(pid) and not Path("/proc/self").exists()  # no /proc: trust the pid
    return pid_alive(pid) and any(os.fsencode(folder) in word for word in words)


def stop(pids: list[int], folder: Path) -> None:
    """SIGTERM to each child still at work in ``folder``, then SIGKILL to those that outlive the grace time."""
    alive = [pid for pid in pids if works_in(pid, folder)]
    for pid in alive:
        _signal(pid, signal.SIGTERM)
    deadline = time.monotonic() + GRACE_S
    while alive and time.monotonic() < deadline:
        time.sleep(0.05)
        alive = [pid for pid in alive if pid_alive(pid)]
    for pid in alive:
        _signal(pid, signal.SIGKILL)


def _signal(pid: int, signum: signal.Signals) -> None:
    with contextlib.suppress(OSError):  # gone meanwhile
        os.kill(pid, signum)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m migkg.stores.watchdog FOLDER   (pids on stdin, one a line)", file=sys.stderr)
        return 2
    for each in (signal.SIGINT, signal.SIGHUP):  # a Ctrl-C or a closed terminal is for the owner, not for us
        signal.signal(each, signal.SIG_IGN)
    folder = Path(argv[1])
    pids = [int(line) for line in sys.stdin.buffer if line.strip().isdigit()]  # until the owner is gone
    stop(pids, folder)
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
