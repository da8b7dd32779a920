"""How wide the tables that migkg prints are: the terminal's width, or, in a pipe or a file, the table's own.

rich lays a table out for a width and wraps the cells that do not fit. On a terminal that width is the
terminal's, as rich finds it (``COLUMNS``, else the terminal's size). Where the output goes to a pipe or a
file there is no screen to fit: the table gets the width it needs, so that no cell is wrapped and each row
stays one line for ``grep``, ``sort`` and ``head`` (``COLUMNS`` still wins when set). rich is imported only
when a table is printed.
"""
from __future__ import annotations

import os
import sys
from typing import IO, Any

#: the narrowest table printed to a pipe, as rich's own default for a stream that is not a terminal
PIPE_MIN_WIDTH = 80


def table_width(renderable: Any, stream: IO[str] | None = None) -> int:
    """The width to lay ``renderable`` (a rich Table) out for, printed to ``stream`` (default: stdout)."""
    from rich.console import Console

    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    out = stream if stream is not None else sys.stdout
    try:
        terminal = out.isatty()
    except (AttributeError, ValueError):  # closed, or not a real stream
        terminal = False
    if terminal:
        return Console(file=out).width
    return max(PIPE_MIN_WIDTH, Console(width=1_000_000).measure(renderable).maximum)
