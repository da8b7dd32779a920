"""Write a built dataset to files: deterministic bytes, and all-or-nothing.

Quads are sorted before they are serialised, so the same inputs give the same bytes.
Everything is written to a temporary folder beside the output folder, which then takes
the old folder's place; a run that fails before that leaves the old outputs untouched.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from .describe import Distribution, describe
from .errors import MigkgError
from .iris import SEGMENT_OF_TYPE, Iris
from .namespaces import PREFIXES
from .store import quads, store_from_graphs

MARKER = ".migkg-build"

FORMATS = (  # file name, pyoxigraph format, IANA media type, whether it keeps named graphs
    ("migkg.trig", ox.RdfFormat.TRIG, "application/trig", True),
    ("migkg.nq", ox.RdfFormat.N_QUADS, "application/n-quads", True),
    ("migkg.jsonld", ox.RdfFormat.JSON_LD, "application/ld+json", True),
    ("migkg.ttl", ox.RdfFormat.TURTLE, "text/turtle", False),
    ("migkg.nt", ox.RdfFormat.N_TRIPLES, "application/n-triples", False),
)
DESCRIPTION_FILE = "void.ttl"


def prefixes(iris: Iris) -> dict[str, str]:
    names = {name: str(ns) for name, ns in PREFIXES.items()}
    for segment in sorted(set(SEGMENT_OF_TYPE.values()) | {"event", "release"}):
        names[segment] = f"{iris.base}{segment}/"
    return names


def _sort_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def serialise(graphs: dict[URIRef, Graph], iris: Iris) -> dict[str, tuple[str, bytes]]:
    """Every output file's name -> (media type, bytes)."""
    all_quads = sorted(quads(graphs), key=_sort_key)
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in all_quads},
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    names = prefixes(iris)
    files = {}
    for file_name, fmt, media_type, keeps_graphs in FORMATS:
        data = ox.serialize(all_quads if keeps_graphs else triples, format=fmt,
                            prefixes=names if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None)
        if fmt == ox.RdfFormat.JSON_LD:
            data = (json.dumps(json.loads(data), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        files[file_name] = (media_type, data)
    return files


def render(graphs: dict[URIRef, Graph], iris: Iris, release_ids: list[str],
           download_base: str | None = None) -> dict[str, bytes]:
    """All output files in memory: the data in five formats and its VoID/DCAT description."""
    files = serialise(graphs, iris)
    distributions = [Distribution(name, media, data) for name, (media, data) in files.items()]
    description = describe(store_from_graphs(graphs), iris, release_ids, distributions, download_base)
    triples = sorted((ox.Triple(*(_ox(t) for t in triple)) for triple in description),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    out = {name: data for name, (_media, data) in files.items()}
    out[DESCRIPTION_FILE] = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes(iris))
    return out


def _ox(term):
    from .store import to_ox
    return to_ox(term)


def write_atomically(files: dict[str, bytes], out_dir: Path) -> None:
    """Replace ``out_dir`` by a folder holding exactly ``files``, or leave it as it was."""
    out_dir = out_dir.resolve()
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / MARKER).exists():
        raise MigkgError(f"{out_dir}: exists and was not made by migkg build (no {MARKER} in it); "
                         "refusing to replace it. Fix: choose another --out, or empty that folder.")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        for name, data in sorted(files.items()):
            (staging / name).write_bytes(data)
        (staging / MARKER).write_text("written by migkg build; the whole folder is replaced on each build\n")
        for path in staging.iterdir():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        if out_dir.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
            os.replace(out_dir, retired / "old")
            os.replace(staging, out_dir)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
