"""The examples in the public API's docstrings run, and say what they print.

Each public entry point shows itself at work on the seed: building (the package docstring of
:mod:`migkg`), running a query (the same), the networks (:mod:`migkg.network`, :func:`migkg.network.load`)
and drafting (:func:`migkg.draft.draft_release`). They are run here with :mod:`doctest`, from a folder
that holds what a user's checkout holds after ``migkg build``: ``data/`` and ``build/``.
"""
from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest

import migkg
import migkg.draft
import migkg.network
import migkg.network.graphs

#: the modules whose docstrings hold the examples, and the objects that must each have some
DOCUMENTED: dict[ModuleType, list[str]] = {
    migkg: ["migkg"],
    migkg.network: ["migkg.network"],
    migkg.network.graphs: ["migkg.network.graphs.load"],
    migkg.draft: ["migkg.draft.draft_release"],
}


@pytest.fixture
def checkout(tmp_path: Path, repo_root: Path, built_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder with the seed's ``data/`` and its ``build/``, as the examples expect."""
    (tmp_path / "data").symlink_to(repo_root / "data", target_is_directory=True)
    (tmp_path / "build").symlink_to(built_dir, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def examples_of(module: ModuleType) -> dict[str, doctest.DocTest]:
    """The docstrings with examples in ``module`` itself (not in what it imports), by qualified name."""
    found = doctest.DocTestFinder(exclude_empty=True).find(module, module.__name__)
    return {test.name: test for test in found if test.examples}


@pytest.mark.parametrize("module", list(DOCUMENTED), ids=lambda m: m.__name__)
def test_the_public_api_shows_itself_at_work(module: ModuleType):
    assert set(DOCUMENTED[module]) <= set(examples_of(module)), "an entry point lost its example"


@pytest.mark.parametrize("module", list(DOCUMENTED), ids=lambda m: m.__name__)
def test_the_examples_print_what_they_say(module: ModuleType, checkout: Path):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    for test in examples_of(module).values():
        runner.run(test, out=report.write)
    outcome = runner.summarize(verbose=False)
    assert outcome.attempted > 0
    assert outcome.failed == 0, report.getvalue()


def modules_with_examples() -> list[ModuleType]:
    """Every module of the package whose docstrings hold examples (not only the public entry points)."""
    found = []
    for info in pkgutil.walk_packages(migkg.__path__, "migkg."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        if examples_of(module):
            found.append(module)
    return found


@pytest.mark.parametrize("module", modules_with_examples(), ids=lambda m: m.__name__)
def test_every_example_in_the_package_runs(module: ModuleType, checkout: Path):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report = io.StringIO()
    for test in examples_of(module).values():
        runner.run(test, out=report.write)
    assert runner.summarize(verbose=False).failed == 0, report.getvalue()
