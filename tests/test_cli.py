"""The command line's shape: ``migkg --help`` lists every command, in the order the app registers them."""
from __future__ import annotations

import re

#: the commands as ``migkg --help`` listed them when each module registered its own (kept on purpose)
COMMANDS = ["build", "validate", "draft", "draft-evaluate", "draft-quality", "query", "queries", "publish", "serve", "site", "ontology-docs", "network"]
NETWORK_COMMANDS = ["stats", "export", "draw"]


def listed_commands(help_text: str) -> list[str]:
    """The command names of the help's "Commands" panel, top to bottom."""
    panel = help_text.split("Commands", 1)[1]
    return re.findall(r"^│ (\S+) {2,}", panel, re.M)


def test_help_lists_every_command_in_order(run_migkg):
    done = run_migkg("--help")
    assert done.returncode == 0, done.stderr
    assert listed_commands(done.stdout) == COMMANDS


def test_network_help_lists_its_commands_in_order(run_migkg):
    done = run_migkg("network", "--help")
    assert done.returncode == 0, done.stderr
    assert listed_commands(done.stdout) == NETWORK_COMMANDS


def test_each_command_has_its_own_help(invoke_migkg):
    for command in COMMANDS:  # in-process (the help is the app's); test_help_lists_every_command_in_order runs a process
        done = invoke_migkg(command, "--help")
        assert done.returncode == 0 and f"Usage: migkg {command} " in done.stdout, (command, done.stderr)


def test_a_command_runs_with_the_cycle_collector_quieted():
    """``migkg ...`` as its own process tells the cycle collector to run rarely before its command runs (a fifth of
    a one-release check's CPU was the collector walking imported and cached objects)."""
    import subprocess
    import sys

    script = ("import gc, sys\nfrom migkg.cli import app\nsys.argv = ['migkg', '--version']\nbefore = gc.get_threshold()\n"
              "try:\n    app()\nexcept SystemExit:\n    pass\nprint(before[0], gc.get_threshold()[0])")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    before, after = map(int, done.stdout.split()[-2:])
    assert before == 700 and after >= 50_000
