"""Fuzzing (issue 13): mutated cards, mutated registry files and random command lines, with hypothesis.

Whatever the mutation, ``migkg build`` (run in-process, with the library's cache) ends with no traceback, a
documented exit status (0, 1 or 2), a message on stderr when it fails, and the earlier build byte-identical
when it fails. Bounded for CI: ``derandomize=True`` (the same examples on every run), a fixed number of
examples, no deadline (one build takes 0.3-0.5 s). `serve`, `site`, `network draw` and `draft` are left to the
walk of every option (tests/test_trust_cli.py): they serve until stopped, or take seconds a run.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import assert_clean, invoke, seed_project, snapshot

ROOT = Path(__file__).resolve().parents[1]
SEED = "2013-06-05-unhcr-iom-almaty-ministerial"
FUZZ = settings(max_examples=24, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return seed_project(tmp_path_factory.mktemp("fuzz"))


# --------------------------------------------------------------------------- YAML text mutations
ODD_TEXT = st.sampled_from(["", "~", "null", "[]", "{}", "'", '"', "&a x", "*a", "*nowhere", "<<: *a", "!!python/object",
                            "é", "\u200b", "\u202e", "\U0001f600", "\x85", "\ufeff", "- - -", ": :", "#", "0x1F",
                            "1e999", "-1", "2013-02-30", "yes", "\t", "x" * 300, "%YAML 1.1", "---", "..."])


@st.composite
def mutated(draw, text: str) -> str:
    """``text`` (a YAML file) with one to three line mutations: delete, duplicate, swap, change a scalar, insert
    odd text, add an anchor and aliases to it."""
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "scalar", "insert", "alias"]))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "scalar" and ": " in lines[i]:
            key = lines[i].split(": ", 1)[0]
            lines[i] = f"{key}: {draw(ODD_TEXT | st.text(max_size=20))}"
        elif kind == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(ODD_TEXT | st.text(max_size=10)) + lines[i][at:]
        elif kind == "alias" and ": " in lines[i]:
            key, value = lines[i].split(": ", 1)
            lines[i] = f"{key}: &fuzz {value}"
            j = draw(st.integers(i, len(lines) - 1))
            if ": " in lines[j] and j != i:
                lines[j] = lines[j].split(": ", 1)[0] + ": *fuzz"
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"]))


def build_with(project: Path, path: Path, text: str) -> None:
    """Build with ``path`` holding ``text``: a clean end, and on failure the build as it was."""
    original = path.read_bytes()
    before = snapshot(project / "build")
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        done = invoke(["build", "--data", "data", "--out", "build", "--cache", "cache"], cwd=project)
        assert_clean(done, [path.name, text[:300]])
        if done.exit_code:
            assert snapshot(project / "build") == before, text
    finally:
        path.write_bytes(original)


CARD = (ROOT / "data" / "releases" / SEED / "card.yaml").read_text(encoding="utf-8")
REGISTRY = (ROOT / "data" / "registry" / "organisations.yaml").read_text(encoding="utf-8")


@FUZZ
@given(text=mutated(CARD))
def test_a_mutated_card_never_ends_in_a_traceback(project, text):
    build_with(project, project / "data" / "releases" / SEED / "card.yaml", text)


@settings(FUZZ, max_examples=15)
@given(text=mutated(REGISTRY))
def test_a_mutated_registry_file_never_ends_in_a_traceback(project, text):
    build_with(project, project / "data" / "registry" / "organisations.yaml", text)


# --------------------------------------------------------------------------- command lines
COMMANDS = [["build"], ["validate"], ["query"], ["queries"], ["publish"], ["network", "stats"], ["network", "export"],
            ["draft-evaluate"], ["ontology-docs"]]
OPTIONS = ["--data", "--out", "--base", "--download-base", "--cache", "--no-cache", "--workers", "--keep-going",
           "--report", "--turtle", "--format", "--param", "--endpoint", "--connect-timeout", "--read-timeout",
           "--protocol", "--to", "--network", "--by", "--top", "--seed", "--samples", "--exact-up-to", "--help", "-h",
           "--version", "--", "-"]
VALUES = ["", "build", "data", "../..", "/dev/zero", "/dev/null", "q01", "q99", "x=1", "fact=<urn:x>", "csv", "json",
          "-1", "0", "99999999999999999999", "nan", "http://127.0.0.1:9/store", "http://exa mple/", "urn:x",
          "https://example.org/kg#", "a\x00b", "\udcff", "é" * 50, "x" * 2000, "degree", "actor-event", "gsp", "update"]


@settings(FUZZ, max_examples=40)
@given(command=st.sampled_from(COMMANDS), rest=st.lists(st.sampled_from(OPTIONS) | st.sampled_from(VALUES), max_size=6))
def test_random_command_lines_end_cleanly_and_leave_the_build(project, command, rest):
    args = [*command, *rest]
    before = snapshot(project / "build")
    done = invoke(args, cwd=project)
    assert_clean(done, args)
    if done.exit_code:
        assert snapshot(project / "build") == before, args
