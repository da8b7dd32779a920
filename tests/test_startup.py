"""The command line starts light: each command loads the libraries it uses, and no others.

Checked on what a real process imports (``python -X importtime``), never on times: `migkg queries`
loads neither rdflib nor pySHACL nor networkx, and `migkg query` on a built dataset does not load
rdflib's SPARQL parser (Oxigraph reads the query; the parser is asked only about a text Oxigraph
cannot read, to name an update as one), nor rdflib at all, nor the build's cache codec, the cards'
pydantic models or the checks across releases (most of a second of imports, none of them used there).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from migkg.cli.common import DEFAULT_BASE
from migkg.mapping import namespaces
from migkg.mapping.iris import DEFAULT_BASE as LIBRARY_BASE
from migkg.mapping.iris import Iris
from migkg.mapping.prefixes import VOCABULARY_PREFIXES, prefixes


def imported_by(*args: str) -> tuple[set[str], subprocess.CompletedProcess]:
    """The modules a ``python -m migkg ARGS`` process imports, as ``-X importtime`` lists them."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "migkg", *args], capture_output=True,
                          text=True, timeout=120, check=False)
    modules = {line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    return modules, done


def top_level(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_queries_loads_no_rdf_library():
    modules, done = imported_by("queries")
    assert done.returncode == 0 and "q02" in done.stdout
    assert "typer" in top_level(modules)  # the list is read: a run that imported nothing proves nothing
    assert not top_level(modules) & {"rdflib", "pyshacl", "networkx", "numpy"}


def test_query_on_a_build_does_not_load_the_sparql_parser(built_dir):
    modules, done = imported_by("query", "q02", "--out", str(built_dir))
    assert done.returncode == 0, done.stderr
    assert "1 row(s)" in done.stdout
    assert "pyoxigraph" in top_level(modules)
    assert "rdflib.plugins.sparql.parser" not in modules
    assert not top_level(modules) & {"pyshacl", "networkx", "requests", "numpy"}


def test_query_on_a_build_loads_neither_rdflib_nor_the_build(built_dir):
    modules, done = imported_by("query", "q02", "--out", str(built_dir), "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("event,")  # the answer was printed: the list is that of a whole run
    assert "rdflib" not in top_level(modules)
    assert not modules & {"migkg.build.codec", "migkg.build.cache", "migkg.cards.models", "migkg.validation.across"}


def test_validate_release_after_a_change_loads_neither_numpy_nor_dateparser(tmp_path):
    """Checking a changed card (the seed's, with dates in words) needs neither: the month names come from
    dateparser's data modules alone, and numpy only makes the statistics of the files a build writes."""
    import shutil

    from tests.servers import ROOT

    data = Path(shutil.copytree(ROOT / "data", tmp_path / "data"))
    cache = tmp_path / "cache"
    release = next((data / "releases").iterdir())
    assert subprocess.run([sys.executable, "-m", "migkg", "validate", "--data", str(data), "--cache", str(cache)],
                          capture_output=True, timeout=300, check=False).returncode == 0
    card = release / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8") + "# changed\n", encoding="utf-8")
    modules, done = imported_by("validate", "--data", str(data), "--cache", str(cache), "--release", release.name)
    assert done.returncode == 0, done.stderr
    assert "(built)" in done.stderr  # the card was checked again, not taken from the cache
    assert not top_level(modules) & {"numpy", "dateparser", "regex"}


def test_the_prefixes_are_the_vocabularies_namespaces():
    exported = {str(getattr(namespaces, name)) for name in namespaces.__all__ if name.isupper()}
    assert set(VOCABULARY_PREFIXES.values()) <= exported  # each prefix names a namespace the mapping writes
    assert str(namespaces.ORG) == VOCABULARY_PREFIXES["org"] and str(namespaces.SDO) == VOCABULARY_PREFIXES["schema"]
    names = prefixes(Iris("https://example.org/kg/"))
    assert list(names)[:len(VOCABULARY_PREFIXES)] == list(VOCABULARY_PREFIXES)
    assert names["state"] == "https://example.org/kg/state/" and names["release"] == "https://example.org/kg/release/"


def test_an_update_is_still_named_as_one(built_dir, tmp_path, run_migkg):
    update = tmp_path / "drop.rq"
    update.write_text("DROP ALL", encoding="utf-8")
    done = run_migkg("query", update, "--out", built_dir)
    assert done.returncode == 2
    assert "is a SPARQL Update; migkg query only reads" in done.stderr


def test_the_default_base_of_the_command_line_is_the_library_one():
    assert DEFAULT_BASE == LIBRARY_BASE
