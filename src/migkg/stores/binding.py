"""Binding parameter values into a query's text, for a remote endpoint; and a query's form.

The embedded store binds values through Oxigraph's ``substitutions``; a remote endpoint takes
text only, so there the values go in a ``VALUES`` block inserted right after the opening brace
of the query's WHERE clause. Each value is serialised as an RDF term (never pasted as text), so
a value holding quotes, braces or ``} ; DROP ALL`` stays one value.

The query's form (SELECT, CONSTRUCT, DESCRIBE, ASK) is read by rdflib's SPARQL 1.1 parser. No
parser at hand tells *where* in the text a clause starts, so the WHERE clause's brace is found
by a small tokenizer that skips strings, IRIs and comments.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping

import pyoxigraph as ox
from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery

from migkg.mapping.terms import Term
from migkg.stores.failures import EndpointError

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
_PARSED_FORMS = {"SelectQuery": "SELECT", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE",
                 "AskQuery": "ASK"}


@functools.lru_cache(maxsize=256)
def query_form(query: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK, as rdflib's SPARQL 1.1 parser reads ``query``; None for a
    text it does not parse (an update, an error, or a server's own extension of SPARQL)."""
    try:
        parsed = parseQuery(query)
    except ParseBaseException:
        return None
    return _PARSED_FORMS.get(getattr(parsed[1], "name", ""))


_TOKEN = re.compile(r"""
    (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<comment>\#[^\n]*)
  | (?P<variable>[?$][A-Za-z0-9_\u00B7-\uFFFF]+)
  | (?P<pname>(?:[A-Za-z][\w.-]*)?:[^\s{}()<>"';,\[\]]*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<open>\{) | (?P<close>\}) | (?P<other>\S)
""", re.VERBOSE | re.DOTALL)


def tokens(query: str) -> Iterator[re.Match[str]]:
    """The tokens of a SPARQL text, in order: each match's ``lastgroup`` says its kind (iri, string, comment,
    variable, pname, word, open, close, other), so that braces and keywords inside strings, IRIs and comments
    are never taken for the query's own."""
    return _TOKEN.finditer(query)


def where_brace(query: str) -> int:
    """The index just after the ``{`` that opens the query's WHERE clause (-1 if it has none).

    For SELECT, ASK and DESCRIBE it is the first brace at nesting depth 0 after the query form;
    for CONSTRUCT the first one after the template (or after WHERE, in the short form).
    """
    depth = 0
    form = None
    skip_template = False
    for match in tokens(query):
        kind, text = match.lastgroup, match.group()
        if kind in ("iri", "string", "comment", "variable", "pname"):
            continue
        if kind == "word" and depth == 0 and form is None and text.upper() in QUERY_FORMS:
            form = text.upper()
            skip_template = form == "CONSTRUCT"
            continue
        if kind == "word" and depth == 0 and text.upper() == "WHERE":
            skip_template = False
            continue
        if kind == "open":
            if depth == 0 and form is not None and not skip_template:
                return match.end()
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0 and skip_template:
                skip_template = False
    return -1


_ECHAR = str.maketrans({'"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"})


def sparql_term(term: Term) -> str:
    """An RDF term written for a SPARQL query: an IRI in <...>, a literal quoted and escaped.

    Backslashes are doubled, and a ``u`` or ``U`` right after one, with the hex digits after it, is
    written as ``\\uXXXX`` escapes (``\\u0075``...), so that not even a server that decodes ``\\u``
    escapes before parsing, without looking at the backslash before (as SPARQL 1.1, section 19.2,
    allows, and rdflib does), can turn a value's ``\\u0022`` into a quote: the value stays itself.
    """
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"  # NamedNode refuses the characters that could close an IRI
    if isinstance(term, ox.Literal):
        text = term.value.replace("\\", "\\\\").translate(_ECHAR)
        text = re.sub(r"(?<=\\\\)[uU][0-9A-Fa-f]*", lambda m: "".join(f"\\u{ord(c):04X}" for c in m.group()), text)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            return f'"{text}"^^<{term.datatype.value}>'
        return f'"{text}"'
    raise EndpointError(f"cannot bind {term!r}: only IRIs and literals can be parameter values.")


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """The query with ``VALUES (?a ?b) { (a b) }`` first in its WHERE clause binding each variable."""
    if not bindings:
        return query
    position = where_brace(query)
    if position < 0:
        raise EndpointError("cannot bind parameters: the query has no WHERE clause to put them in. "
                            "Fix: write the query with a WHERE { ... } clause.")
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise EndpointError(f"{name!r} is not a SPARQL variable name.")
    variables = " ".join(f"?{name}" for name in bindings)
    values = " ".join(sparql_term(term) for term in bindings.values())
    return f"{query[:position]}\n  VALUES ({variables}) {{ ({values}) }}\n{query[position:]}"
