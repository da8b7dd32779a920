"""The query catalogue: the named SPARQL queries in ``queries/``, their headers and parameters.

A query file starts with a header of ``# key: value`` lines that tells a researcher what the
query answers without reading the SPARQL::

    # title: Evidence of a fact
    # question: Given any fact, which release and which exact words of it support the fact?
    # returns: one row per fact and evidence span: ?fact ?release ...
    # param: fact iri — the fact to look up; unbound, every fact is listed
    # example: migkg query queries/research/q11-evidence-of-a-fact.rq

A ``sets`` line names the columns that hold a set of values joined into one string
(``GROUP_CONCAT``, whose order SPARQL leaves to each engine), and the separator::

    # sets: ?roles ?evidence separator=" "

migkg sorts the values of those columns after parsing any answer (embedded or remote; see
:func:`migkg.queries.results.sorted_sets`), so every engine gives the same text.

``param`` lines declare the variables a user may bind with ``--param name=value``, each with a
type, so that a value becomes an RDF term of that type (never text pasted into the query):
see :data:`PARAMETER_TYPES`. Research questions live in ``queries/research``; the derivation
rules that ``migkg build`` runs (``queries/derive``) are listed apart, as rules; the network
queries (``queries/network``) as networks.
"""
from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from migkg.errors import InputError, Location
from migkg.queries.streaming import FirstRows, parse_first_rows
from migkg.schema.resources import queries_dir

if TYPE_CHECKING:
    from migkg.mapping.terms import Object

HEADER_LINE = re.compile(r"^#\s*(title|question|returns|param|example|description|sets|first-rows):\s*(.*)$")
SETS_LINE = re.compile(r'^(?P<columns>(?:\?[A-Za-z_][A-Za-z0-9_]*\s*)+)(?:separator="(?P<separator>[^"]+)")?\s*$')
CONTINUATION = re.compile(r"^#\s{2,}(\S.*)$")
PARAM_LINE = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>\S+)\s*(?:—|–|--|-)\s*(?P<description>.*)$")
PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

XSD = "http://www.w3.org/2001/XMLSchema#"

#: header type name -> (canonical name, how a value is written on the command line)
PARAMETER_TYPES = {
    "iri": ("iri", "an absolute IRI, bare or in <...>: https://w3id.org/migkg/state/KAZ"),
    "string": ("string", "any text (an xsd:string literal)"),
    "langstring": ("langstring", "text@language-tag: Almaty Process@en"),
    "rdf:langstring": ("langstring", "text@language-tag: Almaty Process@en"),
    "date": ("date", "YYYY-MM-DD (xsd:date): 2013-06-05"),
    "xsd:date": ("date", "YYYY-MM-DD (xsd:date): 2013-06-05"),
    "integer": ("integer", "a whole number (xsd:integer): 10"),
    "xsd:integer": ("integer", "a whole number (xsd:integer): 10"),
    "decimal": ("decimal", "a decimal number (xsd:decimal): 2.5"),
    "xsd:decimal": ("decimal", "a decimal number (xsd:decimal): 2.5"),
    "boolean": ("boolean", "true or false (xsd:boolean)"),
    "xsd:boolean": ("boolean", "true or false (xsd:boolean)"),
}
TYPE_NAMES = "iri, string, langstring, date, integer, decimal, boolean"


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str
    line: int

    @property
    def how_to_write(self) -> str:
        return PARAMETER_TYPES[self.type][1]


@dataclass
class Query:
    """One query file: its text, its header, and where it is listed in the catalogue."""

    path: Path
    text: str
    kind: str = "query"  # "research", "network", "rule", or "query" for a file given by path
    header: dict[str, list[str]] = field(default_factory=dict)
    parameters: list[Parameter] = field(default_factory=list)
    #: set-valued columns (a ``# sets:`` line): column name -> the separator between its values
    sets: dict[str, str] = field(default_factory=dict)
    #: the variable the answer is sorted by first, and where its values are (a ``# first-rows:`` line)
    first_rows: FirstRows | None = None

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def title(self) -> str:
        return (self.header.get("title") or [self.name])[0]

    @property
    def question(self) -> str:
        return " ".join(self.header.get("question") or self.header.get("description") or [])

    @property
    def form(self) -> str:
        """SELECT, CONSTRUCT, DESCRIBE or ASK (SELECT if the text has none: the store will say what is wrong)."""
        from migkg.stores.binding import query_form

        return query_form(self.text) or "SELECT"

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


# --------------------------------------------------------------------------- reading files
def read_query(path: Path, kind: str = "query") -> Query:
    from migkg.inputs import read_input

    try:
        text = read_input(path, "query").decode("utf-8")  # a regular file of bounded size: not /dev/zero, a FIFO
    except FileNotFoundError:
        raise InputError(Location(path), "no such query file.", "give a catalogue name (see `migkg queries`) "
                         "or the path of a .rq file, e.g. queries/research/q01-participating-states.rq.") from None
    except UnicodeDecodeError:
        raise InputError(Location(path), "is not UTF-8 text.", "save the query as UTF-8.") from None
    header, parameters = parse_header(path, text)
    return Query(path, text, kind, header, parameters, set_columns(path, text),
                 first_rows_of(path, text, header))


def parse_header(path: Path, text: str) -> tuple[dict[str, list[str]], list[Parameter]]:
    """The ``# key: value`` lines before the first line that is not a comment.

    A line indented by two spaces after ``#`` continues the value above it (as the rules in
    queries/derive write their descriptions).
    """
    header: dict[str, list[str]] = {}
    parameters: list[Parameter] = []
    last_key = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = HEADER_LINE.match(line)
        if match:
            last_key, value = match.group(1), match.group(2).strip()
            header.setdefault(last_key, []).append(value)
            if last_key == "param":
                parameters.append(_parameter(path, number, value))
            continue
        continuation = CONTINUATION.match(line)
        if continuation and last_key and last_key != "param":
            header[last_key][-1] += " " + continuation.group(1).strip()
    names = [p.name for p in parameters]
    for parameter in parameters:
        if names.count(parameter.name) > 1:
            raise InputError(Location(path, parameter.line, "param"), f"parameter {parameter.name!r} is declared "
                             "twice.", "keep one `# param:` line per variable.")
    return header, parameters


def _parameter(path: Path, line: int, value: str) -> Parameter:
    match = PARAM_LINE.match(value)
    if not match:
        raise InputError(Location(path, line, "param"), f"cannot read the parameter line {value!r}.",
                         "write it as `# param: NAME TYPE — what it is`, e.g. `# param: fact iri — the fact to "
                         "look up`.")
    type_name = match.group("type").lower()
    if type_name not in PARAMETER_TYPES:
        raise InputError(Location(path, line, "param"), f"unknown parameter type {match.group('type')!r}.",
                         f"use one of {TYPE_NAMES}.")
    return Parameter(match.group("name"), PARAMETER_TYPES[type_name][0], match.group("description").strip(), line)


def set_columns(path: Path, text: str) -> dict[str, str]:
    """The ``# sets: ?a ?b separator=" "`` lines of the header: column -> separator (a space if not given)."""
    sets: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = HEADER_LINE.match(line)
        if not match or match.group(1) != "sets":
            continue
        value = match.group(2).strip()
        found = SETS_LINE.match(value)
        if not found:
            raise InputError(Location(path, number, "sets"), f"cannot read the sets line {value!r}.",
                             'write it as `# sets: ?column ?other separator=" "` (the GROUP_CONCAT separator).')
        for column in found.group("columns").split():
            sets[column.lstrip("?")] = found.group("separator") or " "
    return sets


def first_rows_of(path: Path, text: str, header: dict[str, list[str]]) -> FirstRows | None:
    """The header's ``# first-rows: ?variable from { pattern }`` line (see :mod:`migkg.queries.streaming`), if any:
    its value as :func:`parse_header` read it (continuation lines joined), and its line number for errors."""
    values = header.get("first-rows")
    if not values:
        return None
    number = next(number for number, line in enumerate(text.splitlines(), start=1)
                  if (match := HEADER_LINE.match(line)) and match.group(1) == "first-rows")
    return parse_first_rows(path, number, values[0])


# --------------------------------------------------------------------------- the catalogue
#: sub-folder of queries/ -> kind of query, in the order `migkg queries` lists them
FOLDERS = {"research": "research", "network": "network", "derive": "rule"}
KIND_TITLES = {"research": "Research questions", "network": "Networks (see the network analysis)",
               "rule": "Derivation rules (run by `migkg build`; listed for reference)"}


@dataclass
class Catalogue:
    """Every named query in a ``queries`` folder: research questions, networks, derivation rules."""

    queries: list[Query]

    def of_kind(self, kind: str) -> list[Query]:
        return [q for q in self.queries if q.kind == kind]

    def find(self, name: str) -> Query:
        """A query by its name (the file name without .rq) or by an unambiguous start of it (``q01``)."""
        exact = [q for q in self.queries if q.name == name]
        if exact:
            return exact[0]
        starts = [q for q in self.queries if q.name.startswith(name + "-")]
        if len(starts) == 1:
            return starts[0]
        names = ", ".join(q.name for q in (starts or self.queries))
        problem = f"{len(starts)} queries start with {name!r}" if starts else f"no query named {name!r}"
        close = [] if starts else self.close_to(name)
        hint = f"did you mean {' or '.join(close)}? Otherwise " if close else ""
        raise InputError(Location(Path(name)), f"{problem} in the catalogue.",
                         f"{hint}use one of: {names} (`migkg queries` lists them), or give the path of a .rq file.")

    def close_to(self, name: str) -> list[str]:
        """The names of the queries ``name`` may have meant: a near spelling of the whole name, of its number
        (``q2`` for q02) or of the words after the number (``opener`` for q02-opener)."""
        spellings: dict[str, str] = {}
        for query in self.queries:
            spellings[query.name] = query.name
            number, _, words = query.name.partition("-")
            if re.fullmatch(r"q\d+", number) and words:
                spellings.setdefault(number, query.name)
                spellings.setdefault(words, query.name)
        numbered = re.fullmatch(r"q(\d+)", name.lower())
        if numbered and f"q{int(numbered.group(1)):02d}" in spellings:  # q2, q002: the number is what was meant
            return [spellings[f"q{int(numbered.group(1)):02d}"]]
        close = difflib.get_close_matches(name.lower(), list(spellings), n=3, cutoff=0.6)
        return list(dict.fromkeys(spellings[spelling] for spelling in close))


def load_catalogue(folder: Path | None = None) -> Catalogue:
    folder = folder or queries_dir()
    queries = [read_query(path, kind) for sub, kind in FOLDERS.items() for path in sorted((folder / sub).glob("*.rq"))]
    seen: dict[str, Path] = {}
    for query in queries:
        if query.name in seen:
            raise InputError(Location(query.path), f"the name {query.name!r} is already used by {seen[query.name]}.",
                             "give every query file in queries/ its own file name.")
        seen[query.name] = query.path
    return Catalogue(queries)


def resolve(name_or_path: str, catalogue: Catalogue | None = None) -> Query:
    """A catalogue name, or else a path to any .rq file (with or without a header)."""
    path = Path(name_or_path)
    if path.suffix == ".rq" or path.is_file() or "/" in name_or_path:
        return read_query(path)
    return (catalogue or load_catalogue()).find(name_or_path)


# --------------------------------------------------------------------------- binding values
def parse_assignments(assignments: list[str]) -> dict[str, str]:
    """``name=value`` strings from the command line, in order; a name given twice is an error."""
    values: dict[str, str] = {}
    for text in assignments:
        name, sep, value = text.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not PARAM_NAME.fullmatch(name):
            raise InputError(Location(Path("--param")), f"{text!r} is not name=value.",
                             "write it as --param name=value, e.g. --param fact=https://w3id.org/migkg/...")
        if name in values:
            raise InputError(Location(Path("--param")), f"{name!r} is given twice.", "give each parameter once.")
        values[name] = value
    return values


def bind(query: Query, values: dict[str, str]) -> dict[str, Object]:
    """Each value as an RDF term of the type its ``# param:`` line declares.

    A query without ``param`` lines (an ad-hoc file) takes any variable: a value in <...> or
    starting with http(s):// or urn: is an IRI, anything else a string.
    """
    terms: dict[str, Object] = {}
    for name, value in values.items():
        parameter = query.parameter(name)
        if parameter is None and query.parameters:
            declared = ", ".join(f"{p.name} ({p.type})" for p in query.parameters)
            raise InputError(Location(query.path, None, f"--param {name}"), f"this query has no parameter {name!r}.",
                             f"use one of: {declared}.")
        if parameter is None and query.kind != "query":
            raise InputError(Location(query.path, None, f"--param {name}"), f"{query.name} takes no parameters, "
                             f"so {name!r} would change nothing.", f"leave out --param (`migkg queries {query.name}` "
                             "shows what the query answers).")
        if parameter is None and not re.search(rf"[?$]{name}\b", query.text):
            raise InputError(Location(query.path, None, f"--param {name}"), f"the query has no variable ?{name}, "
                             "so the value would change nothing.", "give the name of one of the query's variables.")
        if parameter is None:
            type_name = "iri" if value.startswith(("<", "http://", "https://", "urn:")) else "string"
            parameter = Parameter(name, type_name, "", 0)
        terms[name] = term_of(parameter, value, query.path)
    return terms


def term_of(parameter: Parameter, value: str, path: Path) -> Object:
    try:
        return _TERM_BUILDERS[parameter.type](value)
    except ValueError as err:
        where = Location(path, parameter.line or None, f"--param {parameter.name}")
        raise InputError(where, f"{value!r} is not a valid {parameter.type}: {err}.",
                         f"write {parameter.how_to_write}.") from None


def _iri(value: str) -> ox.NamedNode:
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise ValueError("an IRI starts with a scheme such as https:")
    return ox.NamedNode(value)  # raises ValueError for characters an IRI cannot hold (space, <, >, ", {, }...)


def _date(value: str) -> ox.Literal:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected YYYY-MM-DD")
    datetime.date.fromisoformat(value)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))


def _integer(value: str) -> ox.Literal:
    if not re.fullmatch(r"[+-]?\d+", value.strip()):
        raise ValueError("expected digits")
    return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))


def _decimal(value: str) -> ox.Literal:
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value.strip()):
        raise ValueError("expected a number such as 2.5")
    return ox.Literal(value.strip(), datatype=ox.NamedNode(XSD + "decimal"))


def _boolean(value: str) -> ox.Literal:
    if value.strip().lower() not in ("true", "false"):
        raise ValueError("expected true or false")
    return ox.Literal(value.strip().lower(), datatype=ox.NamedNode(XSD + "boolean"))


def _langstring(value: str) -> ox.Literal:
    text, at, tag = value.rpartition("@")
    if not at or not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*", tag):
        raise ValueError("expected text@language-tag")
    return ox.Literal(text, language=tag)


def _string(text: str) -> ox.Literal:
    return ox.Literal(text)


_TERM_BUILDERS: dict[str, Callable[[str], Object]] = {
    "iri": _iri,
    "string": _string,
    "langstring": _langstring,
    "date": _date,
    "integer": _integer,
    "decimal": _decimal,
    "boolean": _boolean,
}
