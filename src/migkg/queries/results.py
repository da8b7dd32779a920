"""SELECT and ASK answers written as the W3C SPARQL 1.1 results formats, from parsed terms.

Every answer is first parsed into terms (the embedded store's, or a server's JSON or XML read
by pyoxigraph), its set-valued columns sorted (:func:`sorted_sets`), and only then written, so
the same rows give the same bytes whichever engine answered:

- JSON (SPARQL 1.1 Query Results JSON Format) by the ``json`` module;
- CSV (SPARQL 1.1 Query Results CSV and TSV Formats, section 2) by the ``csv`` module: the
  variable names as header, each term as a plain string (an IRI without brackets, a literal's
  lexical form), a field quoted where it holds a comma, a quote or a line break (an evidence IRI
  ``…#char=4298,4330`` stays one field), lines ending in CRLF as RFC 4180 says;
- TSV (section 3): ``?name`` headers, each term in Turtle / N-Triples syntax (``<iri>``,
  ``"text"@lang``, ``"3"^^<…#integer>``, ``_:b0``) with tab, newline and carriage return escaped
  inside strings, so a field never holds a tab or a line break; lines end in LF.

A server's own CSV or TSV is never passed through: Oxigraph leaves IRIs with a comma unquoted
in CSV, and Virtuoso's TSV quotes header and IRIs as CSV does.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping

import pyoxigraph as ox

from migkg.mapping.terms import Term
from migkg.stores.sources import SelectResult

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
FORMATS = ("json", "csv", "tsv")
__all__ = ["FORMATS", "sorted_sets", "write_results"]


# --------------------------------------------------------------------------- set-valued columns
def sorted_sets(result: SelectResult, sets: Mapping[str, str]) -> SelectResult:
    """The rows with each set-valued column's values (a literal, ``separator``-joined) in code-point order.

    ``GROUP_CONCAT`` joins values in an order SPARQL leaves open, and engines differ; sorting after
    parsing makes the column the same text everywhere. The literal keeps its datatype or language.
    """
    columns = {c: s for c, s in sets.items() if c in result.variables}
    if not columns:
        return result
    rows = []
    for row in result.rows:
        sorted_row = dict(row)
        for column, separator in columns.items():
            term = row.get(column)
            if isinstance(term, ox.Literal):
                text = separator.join(sorted(term.value.split(separator)))
                sorted_row[column] = (ox.Literal(text, language=term.language) if term.language
                                      else ox.Literal(text, datatype=term.datatype))
        rows.append(sorted_row)
    return SelectResult(list(result.variables), rows)


# --------------------------------------------------------------------------- writing
def write_results(answer: SelectResult | bool, fmt: str) -> str:
    """``answer`` (SELECT rows or an ASK boolean) in the W3C results format ``fmt``: json, csv or tsv."""
    if fmt == "json":
        return _json(answer)
    if isinstance(answer, bool):  # CSV and TSV define SELECT only; an ASK prints its value alone
        return ("true" if answer else "false") + ("\r\n" if fmt == "csv" else "\n")
    if fmt == "csv":
        return _csv(answer)
    if fmt == "tsv":
        return _tsv(answer)
    raise ValueError(f"unknown results format {fmt!r}; use one of {', '.join(FORMATS)}")


def _json(answer: SelectResult | bool) -> str:
    if isinstance(answer, bool):
        document: dict[str, object] = {"head": {}, "boolean": answer}
    else:
        document = {"head": {"vars": list(answer.variables)},
                    "results": {"bindings": [{v: json_term(t) for v, t in row.items() if t is not None}
                                             for row in answer.rows]}}
    return json.dumps(document, ensure_ascii=False) + "\n"


def json_term(term: Term | ox.Triple) -> dict[str, object]:
    """One term as the JSON results format writes it (``datatype`` left out for xsd:string)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        written: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language:
            written["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            written["datatype"] = term.datatype.value
        return written
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": json_term(term.subject),
                                            "predicate": json_term(term.predicate),
                                            "object": json_term(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def _csv(result: SelectResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([csv_field(row.get(v)) for v in result.variables])
    return buffer.getvalue()


def csv_field(term: Term | ox.Triple | None) -> str:
    """A term as the CSV format writes it: an IRI or a literal's lexical form, ``_:id``; unbound, empty."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return tsv_field(term)  # a quoted triple: its Turtle-star form


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def tsv_field(term: Term | ox.Triple | None) -> str:
    """A term in Turtle / N-Triples syntax, with tab, newline and carriage return escaped; unbound, empty."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        text = f'"{term.value.translate(_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        return text if term.datatype.value == XSD_STRING else f"{text}^^<{term.datatype.value}>"
    if isinstance(term, ox.Triple):
        return f"<< {tsv_field(term.subject)} {tsv_field(term.predicate)} {tsv_field(term.object)} >>"
    raise TypeError(f"not an RDF term: {term!r}")


def _tsv(result: SelectResult) -> str:
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join(tsv_field(row.get(v)) for v in result.variables) for row in result.rows]
    return "\n".join(lines) + "\n"
