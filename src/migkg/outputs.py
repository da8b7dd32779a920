"""Write a built dataset to files: deterministic bytes, all-or-nothing, one part at a time.

The dataset is cut into parts: the registry, the vocabulary, and each release (its graph and
its derived graph). Each part is serialised on its own, its quads sorted, into a chunk per
output file (:meth:`Serialiser.make_part`); a file is its header, the chunks in the order of
their graph names, and its footer (:class:`DatasetWriter`). So the TriG, N-Quads and JSON-LD
files hold the quads sorted by graph, subject, predicate and object, byte for byte as one
global sort would write them; yet a rebuild re-serialises only the releases that changed, and
no step holds the whole dataset in memory. The Turtle and N-Triples files (all graphs'
triples, without graph names) are the TriG and N-Quads chunks without their graph names: each
graph's triples in order, so a triple stated in two parts (a registry entry's type that a
release attests too) is written twice, which is still the same RDF graph.

Everything is written to a temporary folder beside the output folder, which then takes the
old folder's place (:class:`Staging`); a run that fails before that leaves the old outputs
untouched.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _json_string  # type: ignore[attr-defined]
from pathlib import Path

import pyoxigraph as ox

from .errors import MigkgError
from .iris import SEGMENT_OF_TYPE, Iris
from .namespaces import PREFIXES

MARKER = ".migkg-build"

FORMATS = (  # file name, pyoxigraph format, IANA media type, whether it keeps named graphs
    ("migkg.trig", ox.RdfFormat.TRIG, "application/trig", True),
    ("migkg.nq", ox.RdfFormat.N_QUADS, "application/n-quads", True),
    ("migkg.jsonld", ox.RdfFormat.JSON_LD, "application/ld+json", True),
    ("migkg.ttl", ox.RdfFormat.TURTLE, "text/turtle", False),
    ("migkg.nt", ox.RdfFormat.N_TRIPLES, "application/n-triples", False),
)
FILE_NAMES = tuple(name for name, *_ in FORMATS)
#: the chunks a part keeps; the Turtle and N-Triples ones are made from them when written (:func:`complete`)
STORED = ("migkg.trig", "migkg.nq", "migkg.jsonld")
MEDIA_TYPES = {name: media for name, _fmt, media, _g in FORMATS}
DESCRIPTION_FILE = "void.ttl"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")

Triple = tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]


def prefixes(iris: Iris) -> dict[str, str]:
    names = {name: str(ns) for name, ns in PREFIXES.items()}
    for segment in sorted(set(SEGMENT_OF_TYPE.values()) | {"event", "release"}):
        names[segment] = f"{iris.base}{segment}/"
    return names


def digest(text: str) -> bytes:
    """A 128-bit digest: what the dataset statistics count distinct things by (a collision is never expected)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


# --------------------------------------------------------------------------- one part

@dataclass
class PartStats:
    """What a part adds to the dataset's VoID statistics, so that they stay exact without the whole dataset.

    Triples, subjects and objects under a release's own IRIs (``<base>release/<id>/…``) occur in
    no other part, so they are counted; everything else (a registry entry, an event, a literal)
    may occur in several parts, so it is kept as a digest and counted once over all parts.
    """

    graph_triples: int = 0          # triples of the part's main graph (a release's own graph): void:subset
    private_triples: int = 0
    private_subjects: int = 0
    private_objects: int = 0
    private_classes: dict[str, int] = field(default_factory=dict)  # class IRI -> private instances
    predicates: list[str] = field(default_factory=list)
    shared_triples: bytes = b""      # digests, 16 bytes each
    shared_subjects: bytes = b""
    shared_objects: bytes = b""
    shared_class_members: bytes = b""  # digests of "<class> <subject>"
    shared_classes: list[str] = field(default_factory=list)  # the class of each shared member, in order
    quads: int = 0                   # quads in the part's graphs, and how many graphs (for the summary)
    graphs: int = 0
    graph_names: list[str] = field(default_factory=list)  # the part's graphs, in the order written


@dataclass
class Part:
    chunks: dict[str, bytes]
    stats: PartStats


class Serialiser:
    """Makes the chunks of a part; holds the prefixes and the TriG/Turtle header they share."""

    def __init__(self, iris: Iris):
        self.iris = iris
        self.prefixes = prefixes(iris)
        sample = [ox.Quad(ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"), ox.NamedNode("urn:x"))]
        self.headers = {
            "migkg.trig": self._header(ox.serialize(sample, format=ox.RdfFormat.TRIG, prefixes=self.prefixes)),
            "migkg.ttl": self._header(ox.serialize([ox.Triple(*sample[0].triple)], format=ox.RdfFormat.TURTLE,
                                                   prefixes=self.prefixes)),
            "migkg.jsonld": b"[\n", "migkg.nq": b"", "migkg.nt": b"",
        }
        self.footers = {"migkg.jsonld": b"\n]\n"}

    @staticmethod
    def _header(data: bytes) -> bytes:
        lines = data.splitlines(keepends=True)
        return b"".join(line for line in lines if line.startswith(b"@prefix "))

    def _body(self, data: bytes, name: str) -> bytes:
        header = self.headers[name]
        if not data.startswith(header):
            raise MigkgError(f"pyoxigraph wrote an unexpected {name} header; cannot join the parts.")
        return data[len(header):]

    def make_part(self, graphs: list[tuple[ox.NamedNode, list[Triple]]], own_prefix: str | None = None,
                  counted: ox.NamedNode | None = None,
                  quads: dict[ox.NamedNode, list[ox.Quad]] | None = None) -> Part:
        """The chunks and statistics of one part: named graphs (name, distinct triples), written in name order.

        ``own_prefix`` is the IRI prefix of things only this part can say anything about (a
        release's ``<base>release/<id>``); None for the registry and the vocabulary.
        ``counted`` names the graph whose size the description gives (a release's own graph).
        ``quads``: the same triples as quads, if the caller made them already (in the same order).

        The Turtle and N-Triples chunks are the TriG and N-Quads ones without graph names: each
        graph's triples in order (so a triple in both of a release's graphs is written twice,
        which is still the same RDF graph).
        """
        graphs = sorted(((g, t) for g, t in graphs if t), key=lambda gt: gt[0].value)
        texts: dict = {}
        keys: dict[Triple, tuple[str, str, str]] = {}
        for _name, triples in graphs:
            for triple in triples:
                if triple not in keys:
                    s, p, o = triple
                    ks, kp, ko = texts.get(s), texts.get(p), texts.get(o)
                    if ks is None:
                        ks = texts[s] = str(s)
                    if kp is None:
                        kp = texts[p] = str(p)
                    if ko is None:
                        ko = texts[o] = str(o)
                    keys[triple] = (ks, kp, ko)
        key = keys.__getitem__
        ordered_quads, graph_objects = [], []
        for name, triples in graphs:
            given = quads.get(name) if quads else None
            if given is not None and len(given) == len(triples):
                order = sorted(range(len(triples)), key=lambda i: key(triples[i]))
                ordered = [triples[i] for i in order]
                ordered_quads += [given[i] for i in order]
            else:
                ordered = sorted(dict.fromkeys(triples), key=key)
                ordered_quads += [ox.Quad(s, p, o, name) for s, p, o in ordered]
            graph_objects.append(_jsonld_graph(name, ordered))
        chunks = {
            "migkg.trig": self._body(ox.serialize(ordered_quads, format=ox.RdfFormat.TRIG, prefixes=self.prefixes),
                                     "migkg.trig"),
            "migkg.nq": ox.serialize(ordered_quads, format=ox.RdfFormat.N_QUADS),
            "migkg.jsonld": ",\n".join(graph_objects).encode("utf-8"),
        }
        union = sorted(keys.values())
        size = sum(len(dict.fromkeys(t)) for g, t in graphs if g == counted)
        stats = part_stats(union, own_prefix, size)
        stats.quads, stats.graphs = len(ordered_quads), len(graphs)
        stats.graph_names = [name.value for name, _t in graphs]
        return Part(chunks, stats)


def complete(chunks: dict[str, bytes], graph_names: list[str]) -> dict[str, bytes]:
    """A part's five chunks from the three it keeps: the Turtle and N-Triples chunks are the TriG and
    N-Quads ones without graph names (each graph's triples in order), made with a few byte operations."""
    nt = chunks["migkg.nq"]
    for name in graph_names:
        nt = nt.replace(f" <{name}> .\n".encode("utf-8"), b" .\n")
    return {**chunks, "migkg.ttl": _without_graphs(chunks["migkg.trig"]), "migkg.nt": nt}


def _without_graphs(trig: bytes) -> bytes:
    """TriG graph blocks as Turtle: the statements inside each ``<g> { … }``, one tab less indented.

    Safe line by line: pyoxigraph escapes line breaks inside literals, so every line of a
    block is either its opening, its closing ``}``, or a statement line starting with a tab.
    """
    out = []
    for line in trig.splitlines(keepends=True):
        if line.startswith(b"\t"):
            out.append(line[1:])
    return b"".join(out)


def part_stats(terms: list[tuple[str, str, str]], own_prefix: str | None, graph_triples: int) -> PartStats:
    """Statistics of a part from its distinct triples, as N-Triples terms (see :class:`PartStats`)."""
    if own_prefix:
        own_iri, own_under = f"<{own_prefix}>", f"<{own_prefix}/"

        def is_own(term: str) -> bool:
            return term == own_iri or term.startswith(own_under)
    else:
        def is_own(term: str) -> bool:
            return False
    stats = PartStats(graph_triples=graph_triples)
    subjects: dict[str, bool] = {}
    objects: set[str] = set()
    predicates: set[str] = set()
    shared_triples, classes = [], Counter()
    shared_members: dict[str, str] = {}
    for s, p, o in terms:
        predicates.add(p)
        objects.add(o)
        private = subjects.get(s)
        if private is None:
            private = subjects[s] = is_own(s)
        if private:
            stats.private_triples += 1
        else:
            shared_triples.append(digest(f"{s} {p} {o} .\n"))
        if p == RDF_TYPE:
            if private:
                classes[o[1:-1]] += 1
            else:
                shared_members[f"{o} {s}"] = o[1:-1]
    stats.private_subjects = sum(subjects.values())
    own_objects = [o for o in objects if is_own(o)]
    stats.private_objects = len(own_objects)
    stats.shared_triples = b"".join(shared_triples)
    stats.shared_subjects = b"".join(digest(s) for s in sorted(subjects) if not subjects[s])
    stats.shared_objects = b"".join(digest(o) for o in sorted(objects.difference(own_objects)))
    members = sorted(shared_members)
    stats.shared_class_members = b"".join(digest(m) for m in members)
    stats.shared_classes = [shared_members[m] for m in members]
    stats.private_classes = dict(sorted(classes.items()))
    stats.predicates = sorted(p[1:-1] for p in predicates)
    return stats


def _jsonld_graph(name: ox.NamedNode, triples: list[Triple]) -> str:
    """One named graph as JSON-LD, exactly as ``json.dumps(…, ensure_ascii=False, indent=1)`` lays out
    pyoxigraph's JSON-LD for these sorted triples, at the depth of an item of the top-level array
    (written directly: re-indenting pyoxigraph's output with the json module costs 3 ms a release)."""
    out = [" {\n  \"@id\": ", _json_string(name.value), ",\n  \"@graph\": [\n"]
    subject = predicate = None
    for s, p, o in triples:
        if s != subject:
            if subject is not None:
                out.append("\n    ]\n   },\n")
            out += ["   {\n    \"@id\": ", _json_string(s.value), ",\n    ", _json_string(p.value), ": [\n"]
            subject, predicate = s, p
        elif p != predicate:
            out += ["\n    ],\n    ", _json_string(p.value), ": [\n"]
            predicate = p
        else:
            out.append(",\n")
        if isinstance(o, ox.NamedNode):
            out += ["     {\n      \"@id\": ", _json_string(o.value), "\n     }"]
        elif o.language:
            out += ["     {\n      \"@language\": ", _json_string(o.language), ",\n      \"@value\": ",
                    _json_string(o.value), "\n     }"]
        elif o.datatype == _XSD_STRING:
            out += ["     {\n      \"@value\": ", _json_string(o.value), "\n     }"]
        else:
            out += ["     {\n      \"@type\": ", _json_string(o.datatype.value), ",\n      \"@value\": ",
                    _json_string(o.value), "\n     }"]
    out.append("\n    ]\n   }\n  ]\n }")
    return "".join(out)


# --------------------------------------------------------------------------- the files

@dataclass(frozen=True)
class Written:
    """A written output file: its size and SHA-256, for the VoID/DCAT description."""

    file_name: str
    media_type: str
    size: int
    sha256: str


class DatasetWriter:
    """Writes the five data files part by part, in order: each file's header, every part's chunk, its footer.

    The writing and hashing run in a thread of their own (both release the GIL), so the build
    goes on while the files are written; :meth:`add` blocks only when the thread is many parts
    behind (a bounded queue keeps memory small).
    """

    def __init__(self, folder: Path, serialiser: Serialiser, queue_size: int = 64):
        import queue
        import threading

        self.folder, self.serialiser = folder, serialiser
        self.handles = {name: open(folder / name, "wb") for name in FILE_NAMES}
        self.hashes = {name: hashlib.sha256() for name in FILE_NAMES}
        self.sizes = dict.fromkeys(FILE_NAMES, 0)
        self.first = True
        self.error: BaseException | None = None
        self.queue: "queue.Queue[dict[str, bytes] | None]" = queue.Queue(queue_size)
        self.thread = threading.Thread(target=self._run, name="migkg-writer", daemon=True)
        self.thread.start()
        self.add({name: serialiser.headers[name] for name in FILE_NAMES}, header=True)

    def _write(self, name: str, data: bytes) -> None:
        if data:
            self.handles[name].write(data)
            self.hashes[name].update(data)
            self.sizes[name] += len(data)

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            if self.error is not None:
                continue
            try:
                header = item.pop("\0header", None)
                graphs = item.pop("\0graphs", None)
                if graphs is not None:
                    item = complete(item, graphs)
                for name in FILE_NAMES:
                    data = item.get(name, b"")
                    if name == "migkg.jsonld" and data and header is None:
                        if not self.first:
                            self._write(name, b",\n")
                        self.first = False
                    self._write(name, data)
            except BaseException as err:  # reported by finish()
                self.error = err

    def add(self, chunks: dict[str, bytes], graph_names: list[str] | None = None, header: bool = False) -> None:
        """Queue one part's chunks (file name -> bytes), in publication order: all five, or the three it
        keeps (:data:`STORED`) and its graph names, from which the thread makes the other two."""
        item = dict(chunks)
        if header:
            item["\0header"] = b""
        if graph_names is not None:
            item["\0graphs"] = graph_names
        self.queue.put(item)

    def finish(self) -> list[Written]:
        """Write the footers, close the files; what was written (size and SHA-256 of each file)."""
        self.add({name: self.serialiser.footers.get(name, b"") for name in FILE_NAMES}, header=True)
        self.close()
        if self.error is not None:
            raise self.error
        return [Written(name, MEDIA_TYPES[name], self.sizes[name], self.hashes[name].hexdigest())
                for name in FILE_NAMES]

    def close(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        for handle in self.handles.values():
            handle.close()


def assemble(folder: Path, serialiser: Serialiser, chunks: Iterable[dict[str, bytes]]) -> list[Written]:
    """Write the five data files into ``folder``: each its header, every part's chunk in order, its footer."""
    writer = DatasetWriter(folder, serialiser)
    try:
        for part in chunks:
            writer.add(part)  # all five chunks
    except BaseException:
        writer.close()
        raise
    return writer.finish()


class Staging:
    """A temporary folder beside ``out_dir`` that replaces it on :meth:`commit`, or is removed.

    Refuses to replace a non-empty folder that migkg did not write (no marker file in it).
    """

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir.resolve()
        if self.out_dir.exists() and any(self.out_dir.iterdir()) and not (self.out_dir / MARKER).exists():
            raise MigkgError(f"{self.out_dir}: exists and was not made by migkg build (no {MARKER} in it); "
                             "refusing to replace it. Fix: choose another --out, or empty that folder.")
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.new-", dir=self.out_dir.parent))

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)

    def commit(self) -> None:
        (self.folder / MARKER).write_text("written by migkg build; the whole folder is replaced on each build\n")
        for path in self.folder.iterdir():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
        if self.out_dir.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.old-", dir=self.out_dir.parent))
            os.replace(self.out_dir, retired / "old")
            os.replace(self.folder, self.out_dir)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(self.folder, self.out_dir)


def write_atomically(files: dict[str, bytes], out_dir: Path) -> None:
    """Replace ``out_dir`` by a folder holding exactly ``files``, or leave it as it was."""
    with Staging(out_dir) as staging:
        for name, data in sorted(files.items()):
            (staging.folder / name).write_bytes(data)
        staging.commit()
