"""Errors a user can act on: each names where the problem is and how to fix it.

Every error raised for bad input is a :class:`InputError`; the CLI turns it into one
line on stderr and exit status 2. Nothing is written when one is raised.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, and where known the line (1-based) and the field path."""

    file: Path
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        text = str(self.file)
        if self.line is not None:
            text += f":{self.line}"
        if self.field:
            text += f": {self.field}"
        return text


class MigkgError(Exception):
    """Base class of every error migkg raises on purpose."""

    exit_code = 1


class InputError(MigkgError):
    """The input (a card, the registry, a source text, a query) is wrong; the user must fix it."""

    exit_code = 2

    def __init__(self, location: Location, problem: str, fix: str | None = None):
        self.location = location
        self.problem = problem
        self.fix = fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.location}: {self.problem}"
        if self.fix:
            text += f" Fix: {self.fix}"
        return text


class InputErrors(InputError):
    """Several independent input errors found in one pass, reported together."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.location, first.problem, first.fix)

    @property
    def message(self) -> str:
        return "\n".join(e.message for e in self.errors)


class ValidationFailed(MigkgError):
    """The graph was built but violates the SHACL shapes; nothing was written."""

    exit_code = 1
