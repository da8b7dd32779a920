"""The cache's data format: MessagePack with a closed list of types, never pickle.

A cache entry's metadata (a release's issues, its checked nodes, the registry, a part's statistics)
is made of plain data and of a few of migkg's own types. :func:`pack` writes them as MessagePack, the
own types as extension records naming their class; :func:`unpack` makes them again only for the
classes listed in :data:`ALLOWED` (by their constructors, with the stored fields as data), so a
crafted entry can at worst be refused, never run code. Tuples, sets, frozensets, paths, dates, NumPy
arrays, pydantic URLs and the rdflib terms of SHACL results keep their types.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import sys
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

import msgpack  # type: ignore[import-untyped]
import rdflib
from pydantic import BaseModel
from pydantic_core import Url

from migkg.cards import models
from migkg.cards.registry import Registry
from migkg.errors import Location
from migkg.validation.across import AcrossState, NodeCheck
from migkg.validation.conflicts import Conflict, Side
from migkg.validation.reports import Issue
from migkg.validation.same_event import EventSignature
from migkg.validation.shacl.results import Result


class UnknownRecord(ValueError):
    """An entry holds a record of a type this code does not make: the entry is not to be trusted."""


def _classes() -> dict[str, type]:
    own: list[type] = [Registry, Location, AcrossState, NodeCheck, Conflict, Side, Issue, EventSignature, Result]
    own += [value for value in vars(models).values()
            if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == models.__name__]
    return {f"{cls.__module__}.{cls.__qualname__}": cls for cls in own}


#: The classes an entry may hold, by qualified name (every other record is refused): the types of the
#: layers below the build, and the build's own types marked with :func:`storable`.
ALLOWED: dict[str, type] = _classes()

T = TypeVar("T", bound=type)


def storable(cls: T) -> T:
    """Mark one of the build's own dataclasses as one the cache may store (a class decorator)."""
    ALLOWED[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return cls

_TUPLE, _SET, _FROZENSET, _PATH, _DATE, _ARRAY, _DATACLASS, _MODEL, _URIREF, _LITERAL, _URL, _BNODE = range(1, 13)


def pack(value: Any) -> bytes:
    """``value`` as MessagePack bytes; a type outside :data:`ALLOWED` (and the plain ones) is a TypeError."""
    return msgpack.packb(value, default=_record, use_bin_type=True, strict_types=True)


def unpack(data: bytes) -> Any:
    """The value :func:`pack` wrote; :class:`UnknownRecord` or a MessagePack error for anything else."""
    return msgpack.unpackb(data, ext_hook=_make, raw=False, strict_map_key=False, use_list=True)


def unpack_blob_table(header: bytes) -> tuple[None, dict[str, tuple[int, int, bytes]]]:
    """The table of blobs of a cache entry's header (``pack((meta, table))``), its metadata left unmade: its records
    are not decoded, so this is a small fraction of :func:`unpack` for an entry whose metadata is large. The
    table's records (tuples) are checked as :func:`unpack` checks them."""
    def shallow(data: bytes) -> Any:
        return msgpack.unpackb(data, raw=False, strict_map_key=False, use_list=True)
    pair = shallow(header)
    if not isinstance(pair, msgpack.ExtType) or pair.code != _TUPLE:
        raise UnknownRecord("a header that is not a (metadata, table of blobs) record")
    _meta, table = shallow(pair.data)
    if not isinstance(table, dict):
        raise UnknownRecord("a header without a table of blobs")
    found = {}
    for name, record in table.items():
        if not isinstance(record, msgpack.ExtType) or record.code != _TUPLE:
            raise UnknownRecord(f"a blob {name!r} that is not an (offset, length, checksum) record")
        found[name] = _make(record.code, record.data)
    return None, found


def _name(cls: type) -> str:
    name = f"{cls.__module__}.{cls.__qualname__}"
    if ALLOWED.get(name) is not cls:
        raise TypeError(f"the cache does not store {name}: add it to migkg.build.codec.ALLOWED")
    return name


def _record(value: Any) -> msgpack.ExtType:
    def ext(code: int, payload: Any) -> msgpack.ExtType:
        return msgpack.ExtType(code, pack(payload))
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return ext(_TUPLE, list(value))
    if isinstance(value, frozenset):
        return ext(_FROZENSET, list(value))
    if isinstance(value, set):
        return ext(_SET, list(value))
    if isinstance(value, PurePosixPath):
        return ext(_PATH, str(value))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return ext(_DATE, value.isoformat())
    numpy = sys.modules.get("numpy")  # no array without numpy loaded: the cache does not load it for nothing
    if numpy is not None and isinstance(value, numpy.ndarray):
        return ext(_ARRAY, [value.dtype.str, list(value.shape), value.tobytes()])
    if isinstance(value, rdflib.URIRef):
        return ext(_URIREF, str(value))
    if isinstance(value, rdflib.BNode):
        return ext(_BNODE, str(value))
    if isinstance(value, rdflib.Literal):
        return ext(_LITERAL, [str(value), value.language, None if value.datatype is None else str(value.datatype)])
    if isinstance(value, Url):
        return ext(_URL, str(value))
    if isinstance(value, BaseModel):
        fields = {name: getattr(value, name) for name in type(value).model_fields}
        return ext(_MODEL, [_name(type(value)), fields, sorted(value.model_fields_set)])
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return ext(_DATACLASS, [_name(type(value)), fields])
    raise TypeError(f"the cache does not store {type(value).__module__}.{type(value).__qualname__}")


def _allowed(name: str) -> type:
    cls = ALLOWED.get(name)
    if cls is None:
        raise UnknownRecord(f"a record of {name!r}, which the cache never stores")
    return cls


@functools.lru_cache(maxsize=4096)
def _path(text: str) -> Path:
    """One path object per text (they are immutable): the entries of a registry of thousands name a few files, and
    making a path anew for each was a third of reading the registry from the cache."""
    return Path(text)


@functools.lru_cache(maxsize=65536)
def _uriref(text: str) -> rdflib.URIRef:
    """One rdflib IRI per text (they are immutable): the SHACL results of thousands of releases name the same
    shapes, paths, components and severities again and again, and rdflib checks an IRI each time it makes one."""
    return rdflib.URIRef(text)


@functools.lru_cache(maxsize=65536)
def _literal(lexical: str, language: str | None, datatype: str | None) -> rdflib.Literal:
    """One rdflib literal per (lexical form, language, datatype), as :func:`_uriref`: making one casts its value
    to Python's, which was the largest cost of reading a dump part's kept outcomes back."""
    return rdflib.Literal(lexical, lang=language, datatype=None if datatype is None else _uriref(datatype))


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def _make(code: int, data: bytes) -> Any:
    payload = unpack(data)
    if code == _TUPLE:
        return tuple(payload)
    if code == _SET:
        return set(payload)
    if code == _FROZENSET:
        return frozenset(payload)
    if code == _PATH:
        return _path(payload)
    if code == _DATE:
        return dt.date.fromisoformat(payload)
    if code == _ARRAY:
        import numpy as np  # a tenth of a second at start-up: only for the entries that hold arrays

        dtype, shape, raw = payload
        if np.dtype(dtype).hasobject:
            raise UnknownRecord("an array of Python objects")
        return np.frombuffer(raw, dtype=np.dtype(dtype)).reshape(shape).copy()
    if code == _URIREF:
        return _uriref(payload)
    if code == _BNODE:
        return rdflib.BNode(payload)
    if code == _LITERAL:
        lexical, language, datatype = payload
        return _literal(lexical, language, datatype)
    if code == _URL:
        return Url(payload)
    if code == _MODEL:
        name, fields, fields_set = payload
        model = _allowed(name)
        assert issubclass(model, BaseModel)
        return model.model_construct(_fields_set=set(fields_set), **fields)
    if code == _DATACLASS:
        name, fields = payload
        cls = _allowed(name)
        if fields.keys() != _field_names(cls):
            raise UnknownRecord(f"a {name} record with the fields {sorted(fields)}")
        made: Any = object.__new__(cls)
        for field_name, value in fields.items():  # as pickle does: the stored fields, no __init__ to run
            object.__setattr__(made, field_name, value)
        return made
    raise UnknownRecord(f"an extension record of code {code}")
