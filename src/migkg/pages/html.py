"""A document as an HTML page, from the Jinja templates in ``templates/`` (autoescaped, no script, nothing
fetched from elsewhere: the style sheet is inline).

The page shows the labels of each member in every language the data has (Russian and English on
this corpus), every statement with the member as subject and as object with its named graph, and
for each fact node that appears (a node with evidence) its evidence: the quoted words and the
release text around them, the words themselves in a ``<mark>`` cut from the text at the span's
offsets. A release's text, or a text's own page, is shown whole with every evidence span marked.
Every IRI of the dataset links to its own page, through a :class:`Links` that knows where the
pages are (``migkg serve``'s paths, or a static site's relative folders).
"""
from __future__ import annotations

import itertools
import posixpath
from dataclasses import dataclass
from typing import Any, Protocol

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, select_autoescape

from migkg.pages.documents import PROV_DERIVED_FROM, RDF_TYPE, Document, Span, document_of
from migkg.pages.rdf import RDF_FORMATS, RdfFormat, format_path

#: characters of the release text shown before and after the words of an evidence span
EXCERPT = 160
LANGUAGE_NAMES = {"en": "English", "ru": "Русский", "": "no language"}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PLAIN_TYPES = {_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


class Links(Protocol):
    @property
    def base(self) -> str: ...

    def href(self, iri: str) -> str:
        """The address of the page of a dataset IRI (with the IRI's fragment)."""

    def format_href(self, document: str, kind: RdfFormat) -> str:
        """The address of a document's description in an RDF format."""


@dataclass(frozen=True)
class ServedLinks:
    """Links between the pages of ``migkg serve``: the IRI's path on the server (``/state/KAZ``)."""

    base: str
    query_page: str | None = "/"

    def href(self, iri: str) -> str:
        return "/" + iri[len(self.base):]

    def format_href(self, document: str, kind: RdfFormat) -> str:
        return "/" + format_path(document[len(self.base):], kind)


@dataclass(frozen=True)
class SiteLinks:
    """Links between the pages of a static site, relative to the folder of the page they are on
    (``state/KAZ/index.html`` links to ``../../release/…/``), so that the site works under any prefix."""

    base: str
    here: str  # the path of the page's document under the base
    query_page: str | None = None

    def _relative(self, path: str) -> str:
        return posixpath.relpath(path or ".", self.here or ".")

    def href(self, iri: str) -> str:
        document, _, fragment = iri.partition("#")
        target = self._relative(document[len(self.base):])
        target = "./" if target == "." else target + "/"
        return target + ("#" + fragment if fragment else "")

    def format_href(self, document: str, kind: RdfFormat) -> str:
        return self._relative(format_path(document[len(self.base):], kind))


class Pages:
    """Renders documents of a dataset under ``base``; ``prefixes`` shorten the names of properties and classes."""

    def __init__(self, base: str, prefixes: dict[str, str]):
        self.base = base
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self.env = Environment(loader=PackageLoader("migkg.pages", "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)

    # ------------------------------------------------------------------ pages
    def page(self, doc: Document, links: Links) -> str:
        view = _View(self, doc, links)
        members = [view.member(m) for m in doc.members if m == doc.iri or doc.outgoing[m] or doc.incoming[m]]
        texts = [view.full_text(context, spans) for context, spans in sorted(doc.full_texts.items())]
        return self.env.get_template("resource.html").render(
            doc=doc, title=view.title(doc.iri), labels=view.labels(doc.iri), members=members, texts=texts,
            formats=[(f.name, f.media_type, links.format_href(doc.iri, f)) for f in RDF_FORMATS],
            graph_size=doc.graph_size, query_page=getattr(links, "query_page", None))

    def missing(self, iri: str, links: Links, near: list[str]) -> str:
        """The page of a 404: the IRI is not in the dataset; the nearest documents there are."""
        return self.env.get_template("missing.html").render(
            iri=iri, base=self.base, near=[self.link(n, links) for n in near],
            query_page=getattr(links, "query_page", None))

    def index(self, documents: list[str], links: Links) -> str:
        """Every document of the dataset, by the first segment of its path."""
        groups: dict[str, list[dict[str, Any]]] = {}
        for document in documents:
            groups.setdefault(document[len(self.base):].split("/", 1)[0], []).append(self.link(document, links))
        return self.env.get_template("index.html").render(base=self.base, groups=sorted(groups.items()))

    # ------------------------------------------------------------------ terms
    def curie(self, iri: str) -> str:
        for name, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{name}:{iri[len(namespace):]}"
        return iri

    def link(self, iri: str, links: Links, labels: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
        own = labels.get(iri, {}) if labels else {}
        text = own.get("en") or own.get("ru") or own.get("") or self.curie(iri)
        if iri.startswith(self.base):
            text = iri[len(self.base):] if text == iri else text
            return {"kind": "link", "href": links.href(iri), "text": text, "title": iri, "local": True}
        return {"kind": "link", "href": iri, "text": text, "title": iri, "local": False}


class _View:
    """The values one page's template needs, made from a document."""

    def __init__(self, pages: Pages, doc: Document, links: Links):
        self.pages, self.doc, self.links = pages, doc, links

    def term(self, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | ox.DefaultGraph) -> dict[str, Any]:
        if isinstance(term, ox.NamedNode):
            return self.pages.link(term.value, self.links, self.doc.labels)
        if isinstance(term, ox.Literal):
            datatype = None if term.datatype.value in _PLAIN_TYPES else self.pages.curie(term.datatype.value)
            return {"kind": "literal", "text": term.value, "lang": term.language, "datatype": datatype}
        return {"kind": "literal", "text": str(term), "lang": None, "datatype": None}

    def kind(self, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict[str, Any]:
        """A class the member is an instance of, as a link named in English, with its Russian name beside."""
        link = self.term(term)
        link["russian"] = self.doc.labels.get(getattr(term, "value", ""), {}).get("ru")
        return link

    def title(self, iri: str) -> str:
        own = self.doc.labels.get(iri, {})
        return own.get("en") or own.get("ru") or own.get("") or iri[len(self.pages.base):] or iri

    def labels(self, iri: str) -> list[dict[str, str]]:
        own = self.doc.labels.get(iri, {})
        order = ["en", "ru", *sorted(set(own) - {"en", "ru"})]
        return [{"lang": lang, "language": LANGUAGE_NAMES.get(lang, lang), "text": own.get(lang, "")}
                for lang in order if lang in own or lang in ("en", "ru")]

    def member(self, iri: str) -> dict[str, Any]:
        doc = self.doc
        outgoing = [{"property": self.term(q.predicate), "value": self.term(q.object), "graph": self.term(q.graph_name),
                     "evidence": self.cards(q.object.value) if isinstance(q.object, ox.NamedNode) else []}
                    for q in doc.outgoing[iri]]
        by_subject: dict[str, list[ox.Quad]] = {}
        for quad in doc.incoming[iri]:
            by_subject.setdefault(str(quad.subject), []).append(quad)
        incoming = []
        member = ox.NamedNode(iri)
        for quads in by_subject.values():
            subject = quads[0].subject.value if isinstance(quads[0].subject, ox.NamedNode) else ""
            own = doc.details.get(subject, [])
            details = [{"property": self.term(q.predicate), "value": self.term(q.object)} for q in own
                       if q.predicate.value not in (PROV_DERIVED_FROM, RDF_TYPE) and q.object != member]
            incoming.append({"subject": self.term(quads[0].subject),
                             "types": [self.term(q.object) for q in own if q.predicate.value == RDF_TYPE],
                             "properties": [self.term(q.predicate) for q in quads],
                             "graphs": [self.term(g) for g in sorted({q.graph_name for q in quads}, key=str)],
                             "details": details, "evidence": self.cards(subject)})
        fragment = iri.partition("#")[2]
        return {"iri": iri, "id": fragment, "title": self.title(iri), "labels": self.labels(iri),
                "types": [self.kind(q.object) for q in doc.outgoing[iri] if q.predicate.value == RDF_TYPE],
                "outgoing": outgoing, "evidence": self.cards(iri), "incoming": incoming,
                "more": doc.incoming_total[iri] - len(doc.incoming[iri])}

    def cards(self, fact: str) -> list[dict[str, Any]]:
        """The evidence of a fact: per span, the quoted words and the release text around them, marked."""
        cards = []
        for span in self.doc.evidence.get(fact, []):
            text = self.doc.texts.get(span.context or "")
            card: dict[str, Any] = {
                "fact": fact, "span": self.pages.link(span.iri, self.links), "words": span.words or "",
                "begin": span.begin, "end": span.end,
                "release": self.pages.link(span.release, self.links, self.doc.labels) if span.release else None,
                "before": "", "marked": None, "after": ""}
            if text is not None and span.begin is not None and span.end is not None and 0 <= span.begin <= span.end <= len(text):
                card["before"], card["marked"], card["after"] = excerpt(text, span.begin, span.end)
            cards.append(card)
        return cards

    def full_text(self, context: str, spans: list[Span]) -> dict[str, Any]:
        text = self.doc.texts.get(context, "")
        return {"context": self.pages.link(context, self.links, self.doc.labels),
                "segments": marked_segments(text, spans, self.links), "length": len(text)}


def excerpt(text: str, begin: int, end: int, width: int = EXCERPT) -> tuple[str, str, str]:
    """The text before the span (from a word start at most ``width`` before it), the span, and after it."""
    start, stop = max(0, begin - width), min(len(text), end + width)
    if start > 0:
        space = text.find(" ", start, begin)
        start = space + 1 if space >= 0 else start
    if stop < len(text):
        space = text.rfind(" ", end, stop)
        stop = space if space >= 0 else stop
    before, after = text[start:begin].lstrip(), text[end:stop].rstrip()
    return ("…" if start > 0 else "") + before, text[begin:end], after + ("…" if stop < len(text) else "")


def marked_segments(text: str, spans: list[Span], links: Links) -> list[dict[str, Any]]:
    """The text cut at every span's ends; each piece with the spans that cover it (a link to the first)."""
    bounds = [(s.begin, s.end, s) for s in spans if s.begin is not None and s.end is not None and 0 <= s.begin < s.end <= len(text)]
    cuts = sorted({0, len(text), *(b for b, _, _ in bounds), *(e for _, e, _ in bounds)})
    segments = []
    for start, stop in itertools.pairwise(cuts):
        covering = [s for b, e, s in bounds if b <= start and stop <= e]
        segments.append({"text": text[start:stop], "spans": len(covering),
                         "href": links.href(covering[0].iri) if covering else None,
                         "title": ", ".join(s.iri.rpartition("#")[2] for s in covering)})
    return segments


__all__ = ["Pages", "ServedLinks", "SiteLinks", "document_of", "excerpt", "marked_segments"]
