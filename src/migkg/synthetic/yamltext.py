"""YAML written as a person would write it (plain scalars where unambiguous, flow mappings for short
entries), not as a serialiser would: the cards of the corpus should read like the seed's."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]*[A-Za-z0-9.]|[A-Za-z]")
_NUMBER_LIKE = re.compile(r"[-+]?[0-9][0-9_.:eE+-]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


def scalar(value: object) -> str:
    """A YAML scalar: plain where that is unambiguous, else a double-quoted (JSON) string."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return _text(str(value))


@lru_cache(maxsize=1 << 16)
def _text(text: str) -> str:
    """A string as a YAML scalar (cached: a corpus repeats its ids, roles and dates many times)."""
    if _DATE.fullmatch(text):
        return text  # a date, plain, as the seed card writes it
    if _PLAIN.fullmatch(text) and not _NUMBER_LIKE.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in mapping.items()) + "}"


def _value(value: object) -> str:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return flow(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return scalar(value)


def block(value: dict[str, Any], indent: int = 0) -> list[str]:
    """Block-style YAML lines for a mapping; lists of mappings as '- ' items; short things in flow style."""
    pad = " " * indent
    lines = []
    for key, item in value.items():
        if isinstance(item, dict):
            text = _value(item)
            if len(text) > 100:
                lines.append(f"{pad}{key}:")
                lines += block(item, indent + 2)
            else:
                lines.append(f"{pad}{key}: {text}")
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(f"{pad}{key}:")
            for entry in item:
                text = _value(entry)
                if len(text) <= 110:
                    lines.append(f"{pad}  - {text}")
                else:
                    inner = block(entry, indent + 4)
                    lines.append(f"{pad}  - {inner[0].lstrip()}")
                    lines += inner[1:]
        else:
            lines.append(f"{pad}{key}: {_value(item)}")
    return lines
