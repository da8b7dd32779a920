"""Read a card or a registry file: plain data for the models, and the line of any field in it.

One reader, one library. libyaml (PyYAML's C parser and composer) composes the text into
nodes that know their lines; yamlcore's resolver and constructors (the YAML 1.2 core schema
for PyYAML, by PyYAML's maintainer) decide what a plain scalar is. So ``yes``, ``no``, ``on``
and ``off`` stay text, ``0o17`` is 15 and ``017`` is 17, and a date such as ``2013-06-05``
stays text: the core schema has no timestamps, so a malformed date is reported by the models
with its field and line, not by the YAML reader without one.

:func:`read_yaml_text` makes the data from the nodes and lets the nodes go: they take 15 to 25
times the memory of the text, and only an error message needs a line. :func:`line_of`, the one
place that finds a line, composes the same text again on its first call (about 1 ms a card).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yamlcore import CCoreLoader

from migkg.errors import InputError, InputErrors, Location
from migkg.inputs import read_input

Model = TypeVar("Model", bound=BaseModel)
FieldPath = tuple[int | str, ...]

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _Loader(CCoreLoader):  # type: ignore[misc]
    """yamlcore's loader (libyaml and the YAML 1.2 core schema), with a quicker way to the tag of a text.

    libyaml asks the resolver for the tag of every scalar: a quoted one, or a plain one whose first character
    begins no implicit type (a number, a boolean, a null), is a text, whatever the value; PyYAML's resolver
    finds that out by walking its tables (a card has hundreds of scalars). Any other scalar, and any loader
    with path resolvers, is left to it."""

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> Any:
        if kind is ScalarNode and not self.yaml_path_resolvers:
            table = self.yaml_implicit_resolvers
            if not implicit[0] or (value[:1] not in table and None not in table):
                return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


@dataclass
class YamlDocument:
    """A YAML file as read: its path, its text and its data (plain dicts, lists, texts and numbers).

    The line of a field is found by :func:`line_of`, which composes the text again the first
    time it is asked (the document keeps its text, not its nodes: see the module docstring).
    """

    path: Path
    text: str
    data: Any
    _nodes: Node | None = field(default=None, init=False, repr=False, compare=False)

    def nodes(self) -> Node | None:
        """The document's nodes, whose marks give their lines (composed on first use, then kept)."""
        if self._nodes is None:
            self._nodes = _compose(self.text, self.path)
        return self._nodes


def read_text(path: Path, kind: str = "card") -> str:
    """A card's (or another YAML file's) text, read by the guarded reader (:mod:`migkg.inputs`)."""
    try:
        data = read_input(path, kind)
    except FileNotFoundError:
        raise InputError(Location(path), "is missing.") from None
    return decode_text(path, data)


def decode_text(path: Path, data: bytes, fix: str = "save the file as UTF-8.") -> str:
    """A file's bytes as text, strictly UTF-8; an :class:`InputError` at the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(Location(path, line_of_offset(data, err.start)),
                         f"is not valid UTF-8 (byte 0x{data[err.start]:02x} at byte offset {err.start}).",
                         fix) from None


def read_yaml(path: Path, kind: str = "card") -> YamlDocument:
    """Read one YAML file; a syntax error becomes an :class:`InputError` at the line to fix."""
    return read_yaml_text(read_text(path, kind), path)


def read_yaml_text(text: str, path: Path) -> YamlDocument:
    """Read YAML text (the contents of ``path``) as plain data, by the YAML 1.2 core schema."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            # an alias is written *name and names an anchor, &name (or the composer has refused it): most cards
            # hold neither sign, and many a "*" in a quote without any "&"
            check_bounds(root, path, aliases="*" in text and "&" in text)
        data = None if root is None else _DataMaker(loader, path).of(root)
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(path, err) from None
    except yaml.YAMLError as err:
        raise InputError(Location(path), f"is not valid YAML: {err}.") from None
    except RecursionError:
        raise InputError(Location(path), "is nested too deeply to be read.",
                         "a card or registry file nests a few levels; look for a runaway [ or {.") from None
    finally:
        loader.dispose()
    return YamlDocument(path, text, data)


#: The deepest nesting a card or registry file may have: a card nests five or six levels.
MAX_DEPTH = 40
#: How much aliases may multiply a document: its nodes with every alias expanded, at most this many
#: times its distinct nodes (plus :data:`ALIAS_ALLOWANCE`). A card of nested aliases (the "billion
#: laughs") would otherwise become billions of nodes in the models.
MAX_EXPANSION = 10
ALIAS_ALLOWANCE = 10_000


def check_bounds(root: Node, path: Path, aliases: bool = True) -> None:
    """Refuse a document nested deeper than :data:`MAX_DEPTH`, or whose aliases multiply it more than
    :data:`MAX_EXPANSION` times, with the line where it happens; walks each distinct node once.

    ``aliases`` False (the text holds no ``*``, so no alias): every node is in the tree once and nothing can
    multiply it, so only the depth is checked, by a leaner walk that meets the nodes in the same order (the
    same node is named when several are too deep)."""
    if not aliases:
        _check_depth(root, path)
        return
    expanded: dict[int, int] = {}  # id(node) -> its node count with aliases expanded
    distinct = 0
    stack: list[tuple[Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, children_done = stack.pop()
        if id(node) in expanded and not children_done:
            continue
        if depth > MAX_DEPTH:
            raise _too_deep(node, path)
        children = _children(node)
        if children_done or not children:
            if not children_done:
                distinct += 1
            expanded[id(node)] = 1 + sum(expanded[id(child)] for child in children)
            continue
        distinct += 1
        stack.append((node, depth, True))
        stack.extend((child, depth + 1, False) for child in children if id(child) not in expanded)
    if expanded[id(root)] > MAX_EXPANSION * distinct + ALIAS_ALLOWANCE:
        raise InputError(Location(path), f"uses aliases (*name) that expand its {distinct:,} nodes into "
                         f"{expanded[id(root)]:,}.",
                         "write the values out, or use aliases for a few repeated values only; nested aliases "
                         "are refused.")


def _too_deep(node: Node, path: Path) -> InputError:
    return InputError(Location(path, node.start_mark.line + 1), f"nests more than {MAX_DEPTH} levels deep.",
                      "a card or registry file nests a few levels; look for a runaway [ or { or indentation.")


def _check_depth(root: Node, path: Path) -> None:
    """The depth part of :func:`check_bounds`, for a tree without aliases: the nodes taken in its order (the
    last child first), each once; every card is read through here, so this walk is kept lean."""
    stack: list[tuple[Node, int]] = [(root, 1)]
    pop, push = stack.pop, stack.append
    while stack:
        node, depth = pop()
        if depth > MAX_DEPTH:
            raise _too_deep(node, path)
        kind = type(node)
        if kind is ScalarNode:
            continue
        below = depth + 1
        if kind is MappingNode or isinstance(node, MappingNode):
            for key, value in node.value:
                push((key, below))
                push((value, below))
        elif kind is SequenceNode or isinstance(node, SequenceNode):
            for item in node.value:
                push((item, below))


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _compose(text: str, path: Path) -> Node | None:
    """The nodes of a text already read once by :func:`read_yaml_text` (so it composes without error)."""
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
        return node
    except yaml.MarkedYAMLError as err:
        raise _syntax_error(path, err) from None
    finally:
        loader.dispose()


class _DataMaker:
    """Plain data from composed nodes, as yamlcore's constructors make it, but faster.

    Texts, lists and mappings (nearly every node of a card) are made here; every other node
    (a number, a boolean, a null, an explicit tag) by the loader's own constructor. PyYAML's
    generic construction costs about half as much again as composing (0.5 ms for the seed
    card), this walk a fifth; every build reads every card. An alias gives the very object of
    its anchor, as PyYAML's constructor does.
    """

    def __init__(self, loader: Any, path: Path):
        self.loader = loader
        self.path = path
        self.made: dict[int, Any] = {}

    def of(self, node: Node) -> Any:
        """The data of ``node``: a text, a list, a dict, or what the loader's constructor makes of it."""
        tag = node.tag
        if tag == _STR and isinstance(node, ScalarNode):
            return node.value
        made = self.made.get(id(node))
        if made is not None:
            return made
        if tag == _MAP and isinstance(node, MappingNode):
            mapping: dict[Any, Any] = {}
            self.made[id(node)] = mapping
            for key_node, value_node in node.value:
                if type(key_node) is not ScalarNode:
                    raise yaml.constructor.ConstructorError("while reading a mapping", node.start_mark,
                                                            "found a list or mapping as a key", key_node.start_mark)
                # a text (most keys and values) is taken here, without a call: what of() would return
                key = key_node.value if key_node.tag == _STR else self.of(key_node)
                if key in mapping:
                    raise self._repeated(node, key_node, key)
                mapping[key] = value_node.value if value_node.tag == _STR and type(value_node) is ScalarNode \
                    else self.of(value_node)
            return mapping
        if tag == _SEQ and isinstance(node, SequenceNode):
            sequence: list[Any] = []
            self.made[id(node)] = sequence
            sequence.extend([item.value if item.tag == _STR and type(item) is ScalarNode else self.of(item)
                             for item in node.value])
            return sequence
        return self.loader.construct_object(node, deep=True)

    def _repeated(self, mapping: MappingNode, key_node: Node, key: Any) -> InputError:
        """The error for a key given twice in one mapping, at the second, naming the line of the first."""
        first = next(k for k, _ in mapping.value if type(k) is ScalarNode and self.of(k) == key)
        return InputError(Location(self.path, key_node.start_mark.line + 1),
                          f"repeats the key '{key}' of line {first.start_mark.line + 1} in the same mapping.",
                          "keep one of the two: a mapping gives each key once.")


def _syntax_error(path: Path, err: yaml.MarkedYAMLError) -> InputError:
    """A YAML syntax error at the line a person must fix.

    For an unclosed quote or ``{``/``[`` the parser notices only where it gives up, often at
    the end of the file; the line to fix is where the quote or bracket opened.
    """
    context = str(err.context or "")
    problem = " ".join(str(p) for p in (err.context, err.problem) if p)
    opened = context.startswith(("while scanning a quoted scalar", "while parsing a flow"))
    mark = err.context_mark if opened and err.context_mark is not None else (err.problem_mark or err.context_mark)
    line = mark.line + 1 if mark is not None else None
    if opened and err.problem_mark is not None:
        return InputError(Location(path, line), f"is not valid YAML: {problem} (the parser gave up at line "
                          f"{err.problem_mark.line + 1}).",
                          "close the quote, } or ] opened on this line; a value holding ', ' or ': ' inside "
                          "{...} must be in double quotes.")
    return InputError(Location(path, line), f"is not valid YAML: {problem}.",
                      "correct the YAML syntax at that line (indentation, quotes, colons).")


def line_of_offset(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


def line_of(document: YamlDocument, path: FieldPath) -> int | None:
    """The 1-based line of the field at ``path`` (of its key, or of its list item): the deepest one found.

    ``('statements', 3, 'speakers')`` is the line of ``speakers:`` in the fourth statement; where
    the path leads out of the document, the line of the last field on it that is there.
    """
    line = None
    node = document.nodes()
    for key in path:
        if isinstance(node, MappingNode):
            found = next(((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == key), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def field_path(path: FieldPath) -> str:
    """``('statements', 3, 'speakers', 0)`` -> ``statements[3].speakers[0]``."""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def parse_model(model: type[Model], document: YamlDocument) -> Model:
    """Validate a document's data against a pydantic model; every error names its field and line."""
    try:
        return model.model_validate(document.data)
    except ValidationError as err:
        errors = []
        for detail in err.errors():
            loc = tuple(k for k in detail["loc"] if not (isinstance(k, str) and k.startswith("function-")))
            loc = _strip_union_tags(loc, document.data, detail["type"])
            where = Location(document.path, line_of(document, loc), field_path(loc) or None)
            errors.append(InputError(where, _explain(detail), _fix_for(detail)))
        raise (errors[0] if len(errors) == 1 else InputErrors(errors)) from None


def _strip_union_tags(loc: FieldPath, data: Any, error_type: str) -> FieldPath:
    """Keep the keys of ``loc`` that are in the data; drop pydantic's union-member tags.

    A key absent from the data is kept only when it is the last one of a ``missing`` error
    (the missing field itself) or of an ``extra_forbidden`` one (the unknown field).
    """
    kept: list[int | str] = []
    node = data
    for position, key in enumerate(loc):
        last = position == len(loc) - 1
        if _holds(node, key):
            kept.append(key)
            node = node[key]
        elif last and error_type in ("missing", "extra_forbidden"):
            kept.append(key)
    return tuple(kept)


def _holds(node: Any, key: int | str) -> bool:
    """Whether ``node`` (a mapping or a list of the data) has ``key``."""
    if isinstance(node, dict):
        return key in node
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)


_TYPE_WORDS = {
    "dict_type": "a mapping (key: value) is expected here",
    "model_type": "a mapping (key: value) is expected here",
    "model_attributes_type": "a mapping (key: value) is expected here",
    "list_type": "a list is expected here",
    "string_type": "a text is expected here",
    "int_type": "a whole number is expected here",
    "int_parsing": "a whole number is expected here",
    "literal_error": "this value is not one of those allowed",
}

_FIXES = {
    "int_type": "write a whole number without quotes, e.g. count: 8.",
    "int_parsing": "write a whole number without quotes, e.g. count: 8.",
    "list_type": "write a list, e.g. [a, b] or one '- item' per line.",
    "string_type": "write a text; put it in double quotes if it holds ': ' or starts with a digit.",
}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _explain(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "is required but missing."
    if kind == "extra_forbidden":
        return "is not a known field."
    message = _TYPE_WORDS.get(kind) or str(detail["msg"]).removeprefix("Value error, ")
    ctx = detail.get("ctx") or {}
    if kind == "greater_than":
        message = f"a number greater than {ctx['gt']} is expected here"
    if kind == "greater_than_equal":
        message = f"a number of at least {ctx['ge']} is expected here"
    if kind == "string_pattern_mismatch":
        message = "is not written as expected"
    return f"{message} (got {_shown(detail.get('input'))})."


def _fix_for(detail: ErrorDetails) -> str | None:
    kind = detail["type"]
    key = detail["loc"][-1] if detail["loc"] else ""
    if kind == "missing":
        return "add this field (see docs/card-format.md)."
    if kind == "extra_forbidden":
        if key == "<<":
            return "YAML 1.2 has no merge key: write the fields out (an alias *name can repeat a whole value)."
        if not re.fullmatch(r"[a-z_]+", str(key)):
            return ("a ', ' or ': ' inside an unquoted value in {...} splits it into fields: put the whole "
                    "value in double quotes.")
        return "remove it or correct its spelling (see docs/card-format.md for the fields)."
    if kind in _FIXES:
        return _FIXES[kind]
    ctx = detail.get("ctx") or {}
    if kind == "greater_than" and ctx.get("gt") == 0:
        return "write a whole number from 1 up: it counts from 1 (e.g. number: 3 for the 3rd meeting, occurrence: 1)."
    if kind in ("greater_than", "greater_than_equal"):
        return f"write a whole number {'greater than ' + str(ctx['gt']) if 'gt' in ctx else 'of at least ' + str(ctx['ge'])}."
    if "expected" in ctx:
        return f"use one of {ctx['expected']}."
    if kind == "string_pattern_mismatch" and "pattern" in ctx:
        return f"write it to match {ctx['pattern']} (see docs/card-format.md)."
    return "see docs/card-format.md for what this field takes."
