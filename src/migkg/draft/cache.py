"""The drafter's indexes kept on disk between runs (:mod:`migkg.index_cache`).

An entry is keyed by its inputs, the versions of the libraries the drafter's indexes are computed
with, and the source of this package (the rules that compute them): a change to any of these is a
new key, so a draft is the same with or without the cache.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from migkg import index_cache

#: the distributions whose code or data the drafter's cached indexes are computed with
LIBRARIES = ("natasha", "slovnet", "navec", "razdel", "pymorphy2", "pymorphy2-dicts-ru", "pycountry")


@lru_cache(maxsize=1)
def _sources() -> tuple[Path, ...]:
    return tuple(sorted(Path(__file__).parent.glob("*.py")))


def cached(kind: str, inputs: Any, build: Callable[[], Any]) -> Any:
    """``build()`` (JSON data) for ``inputs``, from the disk cache when it holds it (see :func:`migkg.index_cache.cached`).

    pymorphy2 reads another dictionary when ``PYMORPHY2_DICT_PATH`` is set: that folder is part of the key."""
    keyed = [inputs, os.environ.get("PYMORPHY2_DICT_PATH")]
    return index_cache.cached(kind, keyed, build, libraries=LIBRARIES, sources=_sources())
