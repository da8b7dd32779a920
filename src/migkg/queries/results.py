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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TextIO

import pyoxigraph as ox

from migkg.mapping.terms import Term
from migkg.stores.sources import SelectResult

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
FORMATS = ("json", "csv", "tsv")
__all__ = ["FORMATS", "sorted_row", "sorted_sets", "sorting_sets", "write_boolean", "write_results", "write_rows"]

#: one row of a SELECT answer: variable name -> term (None where unbound)
Row = Mapping[str, Term | None]


# --------------------------------------------------------------------------- set-valued columns
def sorted_sets(result: SelectResult, sets: Mapping[str, str]) -> SelectResult:
    """The rows with each set-valued column's values (a literal, ``separator``-joined) in code-point order.

    ``GROUP_CONCAT`` joins values in an order SPARQL leaves open, and engines differ; sorting after
    parsing makes the column the same text everywhere. The literal keeps its datatype or language.
    """
    columns = {c: s for c, s in sets.items() if c in result.variables}
    if not columns:
        return result
    return SelectResult(list(result.variables), [sorted_row(row, columns) for row in result.rows])


def sorting_sets(variables: Sequence[str], rows: Iterable[Row], sets: Mapping[str, str]) -> Iterator[Row]:
    """:func:`sorted_sets` one row at a time, as the rows come (for an answer that is streamed)."""
    columns = {c: s for c, s in sets.items() if c in variables}
    return (sorted_row(row, columns) for row in rows) if columns else iter(rows)


def sorted_row(row: Row, columns: Mapping[str, str]) -> dict[str, Term | None]:
    """One row with the values of each of ``columns`` (column -> separator) sorted."""
    written = dict(row)
    for column, separator in columns.items():
        term = row.get(column)
        if isinstance(term, ox.Literal):
            text = separator.join(sorted(term.value.split(separator)))
            written[column] = (ox.Literal(text, language=term.language) if term.language
                               else ox.Literal(text, datatype=term.datatype))
    return written


# --------------------------------------------------------------------------- writing
def write_results(answer: SelectResult | bool, fmt: str) -> str:
    """``answer`` (SELECT rows or an ASK boolean) in the W3C results format ``fmt``: json, csv or tsv."""
    buffer = io.StringIO()
    if isinstance(answer, bool):
        write_boolean(answer, fmt, buffer)
    else:
        write_rows(answer.variables, answer.rows, fmt, buffer)
    return buffer.getvalue()


def write_boolean(answer: bool, fmt: str, out: TextIO) -> None:
    """An ASK answer: the JSON document, or (CSV and TSV define SELECT only) its value alone on a line."""
    _check_format(fmt)
    if fmt == "json":
        out.write(json.dumps({"head": {}, "boolean": answer}, ensure_ascii=False) + "\n")
    else:
        out.write(("true" if answer else "false") + ("\r\n" if fmt == "csv" else "\n"))


def write_rows(variables: Sequence[str], rows: Iterable[Row], fmt: str, out: TextIO) -> int:
    """SELECT rows in the results format ``fmt``, each written to ``out`` as it comes from ``rows`` (an
    iterator is read once, never held whole: JSON too, whose document is written in pieces); the number
    of rows. The text is the same, byte for byte, as the whole answer's written at once."""
    _check_format(fmt)
    count = 0
    if fmt == "json":
        out.write(f'{{"head": {{"vars": {json.dumps(list(variables), ensure_ascii=False)}}}, "results": {{"bindings": [')
        for row in rows:
            binding = {v: json_term(t) for v, t in row.items() if t is not None}
            out.write((", " if count else "") + json.dumps(binding, ensure_ascii=False))
            count += 1
        out.write("]}}\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(variables)
        for row in rows:
            writer.writerow([csv_field(row.get(v)) for v in variables])
            count += 1
    else:
        out.write("\t".join(f"?{v}" for v in variables) + "\n")
        for row in rows:
            out.write("\t".join(tsv_field(row.get(v)) for v in variables) + "\n")
            count += 1
    return count


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown results format {fmt!r}; use one of {', '.join(FORMATS)}")


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
