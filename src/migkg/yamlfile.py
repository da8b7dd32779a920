"""Read YAML files keeping line numbers, and turn pydantic errors into located input errors.

Dates stay strings here (``2013-06-05``) so that a malformed date is reported by the
models with its field and line, not by the YAML parser without one.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import InputError, InputErrors, Location

Model = TypeVar("Model", bound=BaseModel)


class _DatesAsStrings(RoundTripConstructor):
    pass


_DatesAsStrings.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_str)


def _parser() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _DatesAsStrings
    yaml.allow_duplicate_keys = False
    return yaml


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; syntax errors become an :class:`InputError` with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        raise InputError(Location(path, line_of_offset(path.read_bytes(), err.start)),
                         f"not valid UTF-8 (byte 0x{err.object[err.start]:02x} at byte {err.start}).",
                         "save the file as UTF-8.") from None
    except OSError as err:
        raise InputError(Location(path), f"cannot be read ({err.strerror}).") from None
    try:
        return _parser().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(p) for p in (err.context, err.problem) if p)
        raise InputError(Location(path, line), f"is not valid YAML: {problem}.",
                         "correct the YAML syntax at that line (indentation, quotes, colons).") from None
    except YAMLError as err:
        raise InputError(Location(path), f"is not valid YAML: {err}.") from None


def line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


def line_of(tree: Any, path: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the node at ``path`` in a ruamel tree (the deepest one found)."""
    line = None
    node = tree
    for key in path:
        if isinstance(node, CommentedMap) and key in node:
            line = node.lc.key(key)[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line = node.lc.item(key)[0] + 1
            node = node[key]
        else:
            break
    return line


def field_path(path: tuple[int | str, ...]) -> str:
    """``('statements', 3, 'speakers', 0)`` -> ``statements[3].speakers[0]``."""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def parse_model(model: type[Model], tree: Any, path: Path, prefix: tuple[int | str, ...] = ()) -> Model:
    """Validate a YAML tree against a pydantic model; every error names its field and line."""
    try:
        return model.model_validate(tree)
    except ValidationError as err:
        errors = []
        for detail in err.errors():
            loc = tuple(k for k in detail["loc"] if not (isinstance(k, str) and k.startswith("function-")))
            loc = _strip_union_tags(loc, tree)
            where = Location(path, line_of(tree, loc), field_path(prefix + loc) or None)
            errors.append(InputError(where, _explain(detail), _fix_for(detail)))
        raise (errors[0] if len(errors) == 1 else InputErrors(errors)) from None


def _strip_union_tags(loc: tuple, tree: Any) -> tuple:
    """Drop pydantic's union-member tags (``str``, ``Quote``...) that are not keys of the data."""
    kept: list[int | str] = []
    node = tree
    for key in loc:
        if isinstance(node, dict) and key in node:
            kept.append(key)
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            kept.append(key)
            node = node[key]
        elif isinstance(node, (dict, list)) or node is None:
            if not isinstance(node, (dict, list)):
                kept.append(key)
            elif isinstance(node, dict) and not _looks_like_type_tag(key):
                kept.append(key)
        # a scalar: further keys are type tags, ignore them
    return tuple(kept)


def _looks_like_type_tag(key: int | str) -> bool:
    return isinstance(key, str) and (key[:1].isupper() or key in {"str", "int", "list", "dict", "date", "float"}
                                     or "[" in key)


def _explain(detail: dict) -> str:
    kind = detail["type"]
    given = detail.get("input")
    if kind == "missing":
        return "is required but missing."
    if kind == "extra_forbidden":
        return "is not a known field."
    shown = repr(given) if not isinstance(given, (dict, list)) else type(given).__name__
    return f"{detail['msg']} (got {shown})."


def _fix_for(detail: dict) -> str | None:
    kind = detail["type"]
    if kind == "missing":
        return "add this field (see docs/card-format.md)."
    if kind == "extra_forbidden":
        return "remove it or correct its spelling (see docs/card-format.md for the fields)."
    ctx = detail.get("ctx") or {}
    if "expected" in ctx:
        return f"use one of {ctx['expected']}."
    return "see docs/card-format.md for what this field takes."
