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
