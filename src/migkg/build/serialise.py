"""Serialise a built dataset piece by piece: deterministic bytes, and what each piece adds to the statistics.

The dataset is cut into pieces: the registry, the vocabulary, and each release (its graph and
its derived graph). Each piece is serialised on its own, its quads sorted, into a chunk per
format (:meth:`Serialiser.make_piece`, one module per format in :mod:`migkg.build.formats`); a file
is its header, the chunks of its pieces in the order of their graph names, and its footer
(:class:`migkg.build.dumps.DumpWriter`). So the TriG,
N-Quads and JSON-LD files hold the quads sorted by graph, subject, predicate and object, byte
for byte as one global sort would write them; yet a rebuild re-serialises only the releases
that changed, and no step holds the whole dataset in memory. The Turtle and N-Triples files
(all graphs' triples, without graph names) are the TriG and N-Quads chunks without their graph
names: each graph's triples in order, so a triple stated in two pieces (a registry entry's type
that a release attests too) is written twice, which is still the same RDF graph.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from hashlib import blake2b

import pyoxigraph as ox

from migkg.build.codec import storable
from migkg.build.formats import FORMATS, Format, SortedPiece, formats_for
from migkg.build.formats.base import Memo, Triple
from migkg.mapping.iris import Iris
from migkg.mapping.prefixes import prefixes
from migkg.mapping.terms import Term

#: the chunks a piece keeps (in the cache), by file extension; the other formats' chunks are made
#: from them when the files are written (:meth:`migkg.build.formats.Format.file_chunk`)
STORED = tuple(kind.extension for kind in FORMATS if kind.made_from is None)
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


class TermTexts(Memo[Term, str]):
    """A term's N-Triples text (what pyoxigraph's ``str`` gives), made once per term (:class:`Memo`)."""

    def __missing__(self, term: Term) -> str:
        text = self[term] = str(term)
        return text


def digest(text: str) -> bytes:
    """A 128-bit digest: what the dataset statistics count distinct things by (a collision is never expected)."""
    return blake2b(text.encode("utf-8"), digest_size=16).digest()


# --------------------------------------------------------------------------- one piece

@storable
@dataclass
class PieceStats:
    """What a piece adds to the dataset's VoID statistics, so that they stay exact without the whole dataset.

    Triples, subjects and objects under a release's own IRIs (``<base>release/<id>/…``) occur in
    no other piece, so they are counted; everything else (a registry entry, an event, a literal)
    may occur in several pieces, so it is kept as a digest and counted once over all pieces.
    """

    graph_triples: int = 0          # triples of the piece's main graph (a release's own graph): void:subset
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
    quads: int = 0                   # quads in the piece's graphs, and how many graphs (for the summary)
    graphs: int = 0
    graph_names: list[str] = field(default_factory=list)  # the piece's graphs, in the order written


@dataclass
class Piece:
    chunks: dict[str, bytes]
    stats: PieceStats


class Serialiser:
    """Makes the chunks of a piece, one per stored format (:data:`STORED`), with the prefixes they share."""

    def __init__(self, iris: Iris):
        self.iris = iris
        self.prefixes = prefixes(iris)
        self.formats: list[Format] = formats_for(self.prefixes)
        self.stored = [fmt for fmt in self.formats if fmt.stored]
        self.texts = TermTexts()
        self.digests = TermDigests()

    def make_piece(self, graphs: list[tuple[ox.NamedNode, list[Triple]]], own_prefix: str | None = None,
                  counted: ox.NamedNode | None = None) -> Piece:
        """The chunks and statistics of one piece: named graphs (name, distinct triples), written in name order.

        ``own_prefix`` is the IRI prefix of things only this piece can say anything about (a
        release's ``<base>release/<id>``); None for the registry and the vocabulary.
        ``counted`` names the graph whose size the description gives (a release's own graph).

        Only the stored formats' chunks are made here; the others are made from them when written.
        """
        graphs = sorted(((g, t) for g, t in graphs if t), key=lambda gt: gt[0].value)
        texts = self.texts
        texts.fresh()
        sorted_graphs: list[tuple[ox.NamedNode, list[Triple]]] = []
        sorted_texts: list[list[tuple[str, str, str]]] = []
        size = 0
        for name, triples in graphs:
            # distinct triples have distinct texts (and the same triple the same): the texts are the sort keys
            by_key = dict(zip([(texts[s], texts[p], texts[o]) for s, p, o in triples], triples, strict=True))
            ordered_keys = sorted(by_key)
            sorted_graphs.append((name, [by_key[k] for k in ordered_keys]))
            sorted_texts.append(ordered_keys)
            if name == counted:
                size += len(ordered_keys)
        piece = SortedPiece(sorted_graphs, sorted_texts)
        chunks = {fmt.extension: fmt.chunk(piece) for fmt in self.stored}
        union = sorted_texts[0] if len(sorted_texts) == 1 else sorted(set().union(*sorted_texts))
        stats = piece_stats(union, own_prefix, size, self.digests)
        stats.quads, stats.graphs = sum(len(rows) for rows in sorted_texts), len(graphs)
        stats.graph_names = [name.value for name, _t in graphs]
        return Piece(chunks, stats)


class TermDigests(Memo[str, bytes]):
    """A term's :func:`digest`, by its N-Triples text (:class:`Memo`)."""

    def __missing__(self, text: str) -> bytes:
        made = self[text] = digest(text)
        return made


def piece_stats(terms: list[tuple[str, str, str]], own_prefix: str | None, graph_triples: int,
                digests: TermDigests | None = None) -> PieceStats:
    """Statistics of a piece from its distinct triples, as N-Triples terms (see :class:`PieceStats`); ``digests``,
    the terms' digests known from earlier pieces."""
    term_digest = TermDigests() if digests is None else digests
    term_digest.fresh()
    if own_prefix:
        own_iri, own_under = f"<{own_prefix}>", f"<{own_prefix}/"

        def is_own(term: str) -> bool:
            return term == own_iri or term.startswith(own_under)
    else:
        def is_own(term: str) -> bool:
            return False
    stats = PieceStats(graph_triples=graph_triples)
    # whole columns at a time (comprehensions), each distinct subject and object judged once
    subjects = dict.fromkeys([s for s, _p, _o in terms])
    own_subjects = {s for s in subjects if is_own(s)}
    objects = {o for _s, _p, o in terms}
    own_objects = {o for o in objects if is_own(o)}
    shared_triples = [blake2b(f"{s} {p} {o} .\n".encode(), digest_size=16).digest()
                      for s, p, o in terms if s not in own_subjects]
    classes: Counter[str] = Counter()
    shared_members: dict[str, str] = {}
    for s, o in [(s, o) for s, p, o in terms if p == RDF_TYPE]:
        if s in own_subjects:
            classes[o[1:-1]] += 1
        else:
            shared_members[f"{o} {s}"] = o[1:-1]
    stats.private_triples = len(terms) - len(shared_triples)
    stats.private_subjects = len(own_subjects)
    stats.private_objects = len(own_objects)
    stats.shared_triples = b"".join(shared_triples)
    stats.shared_subjects = b"".join([term_digest[s] for s in sorted(subjects) if s not in own_subjects])
    stats.shared_objects = b"".join([term_digest[o] for o in sorted(objects.difference(own_objects))])
    members = sorted(shared_members)
    stats.shared_class_members = b"".join(digest(m) for m in members)
    stats.shared_classes = [shared_members[m] for m in members]
    stats.private_classes = dict(sorted(classes.items()))
    stats.predicates = sorted({p[1:-1] for _s, p, _o in terms})
    return stats
