"""The command line's start-up: `migkg queries` and `migkg query` on a built dataset load only what they use.

Not a timing (bench/curator_loop.py measures those): which libraries the process has loaded by the time
the answer is printed. The build's codec, the cards' pydantic models and rdflib take most of a second
to import; a query on the built dataset needs none of them.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from migkg.mapping.iris import Iris
from migkg.mapping.namespaces import PREFIXES
from migkg.mapping.prefixes import VOCABULARY_PREFIXES, prefixes

ROOT = Path(__file__).resolve().parents[1]
#: modules a query on the built dataset must not load
HEAVY = ("rdflib", "pyshacl", "networkx", "migkg.build.codec", "migkg.cards.models", "migkg.validation.across")

#: runs the command line in this process, then prints the modules loaded and the output's first line
RUN_AND_LIST = """
import io, json, sys, contextlib
from migkg.cli.app import app
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        app(sys.argv[1:], standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps({"modules": sorted(sys.modules), "first": out.getvalue().splitlines()[:1]}))
"""


def loaded_by(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", RUN_AND_LIST, *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("args", [("queries",), ("query", "q02")], ids=["queries", "query"])
def test_a_query_loads_neither_the_build_nor_rdflib(args, built_dir):
    found = loaded_by(*args, *(["--out", str(built_dir), "--format", "csv"] if args[0] == "query" else []))
    assert found["first"], "the command printed nothing"
    loaded = [name for name in found["modules"] if name.split(".")[0] in HEAVY or name in HEAVY]
    assert loaded == []


def test_the_prefixes_are_the_vocabularies_namespaces():
    assert {name: str(namespace) for name, namespace in PREFIXES.items()} == VOCABULARY_PREFIXES
    names = prefixes(Iris("https://example.org/kg/"))
    assert list(names)[:len(PREFIXES)] == list(PREFIXES)
    assert names["state"] == "https://example.org/kg/state/" and names["release"] == "https://example.org/kg/release/"
