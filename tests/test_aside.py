"""`migkg.processes.aside`: work done in a forked copy of the process, which answers through what it leaves behind."""
from __future__ import annotations

import os
import time
from pathlib import Path

from migkg.processes import aside, pid_alive


def test_the_work_runs_in_another_process_and_wait_says_it_returned(tmp_path: Path):
    mark = tmp_path / "pid"
    running = aside(lambda: mark.write_text(str(os.getpid())))
    assert running.wait() is True
    assert int(mark.read_text()) != os.getpid()


def test_work_that_raises_is_a_failure_and_nothing_of_it_is_printed(tmp_path: Path, capfd):
    def fail() -> None:
        raise ValueError("the copy's own trouble")
    assert aside(fail).wait() is False
    assert "trouble" not in capfd.readouterr().err  # the caller does the work again, and reports it itself


def test_stop_kills_a_copy_still_at_work():
    running = aside(lambda: time.sleep(60))
    pid = running.pid
    assert pid is not None and pid_alive(pid)
    started = time.monotonic()
    running.stop()
    assert time.monotonic() - started < 10
    assert not pid_alive(pid) and running.wait() is False


def test_without_fork_the_work_runs_here(monkeypatch):
    done: list[int] = []
    monkeypatch.delattr(os, "fork")
    assert aside(lambda: done.append(os.getpid())).wait() is True
    assert done == [os.getpid()]


def test_running_says_whether_the_copy_is_still_at_work_and_keeps_its_outcome(tmp_path: Path):
    go = tmp_path / "go"

    def until_told() -> None:
        deadline = time.monotonic() + 60
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
    running = aside(until_told)
    assert running.running() is True
    go.write_text("now")
    deadline = time.monotonic() + 30
    while running.running() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert running.running() is False and running.wait() is True
