"""The bad-input tests' helpers (tests/test_bad_input.py, tests/test_geography.py): a copy of data/ to spoil
with one text edit whose line is known, and the checks every bad-input run must pass (exit 2, one located
``error:`` line with a ``Fix:``, no traceback, earlier outputs byte for byte untouched). The fixtures that make
a :class:`Case` (``earlier_outputs``, ``case``) are in conftest.py."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) -> the SHA-256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def replace_once(path: Path, old: str, new: str, at: str | None = None) -> int:
    """Replace the one occurrence of ``old`` by ``new``; return the 1-based line where ``at``
    (a part of ``new``; by default its start) now is."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the edit needs exactly one {old!r} in {path} (found {text.count(old)})"
    start = text.index(old)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return line_at(text[:start] + new, start + (new.index(at) if at is not None else 0))


def index_where(items: list, **match) -> int:
    """The index of the one mapping in ``items`` whose keys have the given values."""
    found = [i for i, item in enumerate(items) if all(item.get(k) == v for k, v in match.items())]
    assert len(found) == 1, f"{match} matches {len(found)} items"
    return found[0]


@dataclass
class Case:
    """A copy of data/ to spoil, and an output folder holding the outputs of an earlier build."""

    data: Path
    out: Path
    run: Callable
    before: dict[str, str] = field(default_factory=dict)

    def path(self, relative: Path | str) -> Path:
        return self.data / relative

    def edit(self, relative: Path | str, old: str, new: str, at: str | None = None) -> int:
        return replace_once(self.data / relative, old, new, at)

    def build_fails(self, errors: int | None = 1) -> str:
        """Run the bad build; check what every bad-input run must do; return stderr."""
        siblings = sorted(p.name for p in self.out.parent.iterdir())
        done = self.run("build", "--data", self.data, "--out", self.out, cwd=self.out.parent)
        stderr = done.stderr
        assert done.returncode == 2, f"exit status {done.returncode}, stderr:\n{stderr}"
        assert "Traceback" not in stderr, stderr
        lines = [line for line in stderr.splitlines() if line.strip()]
        assert lines and all(line.startswith("error: ") for line in lines), stderr
        assert all("Fix:" in line for line in lines), f"every message should say how to fix it:\n{stderr}"
        if errors is not None:
            assert len(lines) == errors, f"expected {errors} message(s):\n{stderr}"
        assert done.stdout == "", done.stdout
        # earlier outputs untouched, and no staging folder left behind
        assert snapshot(self.out) == self.before
        assert sorted(p.name for p in self.out.parent.iterdir()) == siblings
        return stderr


def where(file: Path, line: int, field_path: str | None = None) -> str:
    """The start of a message: ``<file>:<line>: <field>:``."""
    return f"{file}:{line}: {field_path}:" if field_path else f"{file}:{line}:"
