"""String-based constraint components (SHACL 4.4): sh:minLength, sh:maxLength, sh:pattern, sh:languageIn, sh:uniqueLang."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import Literal
from rdflib.collection import Collection
from rdflib.namespace import SH

from migkg.validation.shacl.literals import language_in, string_of
from migkg.validation.shacl.model import Check
from migkg.validation.shacl.registry import Parameter, compiles
from migkg.validation.shacl.terms import Unsupported

if TYPE_CHECKING:
    from migkg.mapping.terms import Term
    from migkg.validation.shacl.evaluate import Validator
    from migkg.validation.shacl.index import View
    from migkg.validation.shacl.model import Shape
    from migkg.validation.shacl.results import Result

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


@compiles(SH.minLength, SH.MinLengthConstraintComponent)
def min_length(parameter: Parameter) -> Check:
    least = parameter.number
    return parameter.each_value(lambda v, view: least == 0 or (not isinstance(v, ox.BlankNode)
                                                               and len(string_of(v)) >= least))


@compiles(SH.maxLength, SH.MaxLengthConstraintComponent)
def max_length(parameter: Parameter) -> Check:
    most = parameter.number
    return parameter.each_value(lambda v, view: not isinstance(v, ox.BlankNode) and len(string_of(v)) <= most)


@compiles(SH.pattern, SH.PatternConstraintComponent, secondary=(SH.flags,))
def pattern(parameter: Parameter) -> Check:
    flags = 0
    for letter in str(parameter.graph.value(parameter.shape, SH.flags) or ""):
        if letter not in _FLAGS:
            raise Unsupported(f"regular-expression flag {letter!r}")
        flags |= _FLAGS[letter]
    regex = re.compile(str(parameter.value), flags)
    return parameter.each_value(lambda v, view: not isinstance(v, ox.BlankNode) and regex.search(string_of(v)) is not None)


@compiles(SH.languageIn, SH.LanguageInConstraintComponent)
def language_in_(parameter: Parameter) -> Check:
    languages = frozenset(str(v).lower() for v in Collection(parameter.graph, parameter.value))
    return parameter.each_value(lambda v, view: language_in(languages, v))


@compiles(SH.uniqueLang, SH.UniqueLangConstraintComponent)
def unique_lang(parameter: Parameter) -> Check:
    """One result per language tag that two or more values share (no sh:value, as pyshacl has it)."""
    value, component = parameter.value, parameter.component
    if value != Literal(True):  # only true activates it (W3C uniqueLang-002: "1"^^xsd:boolean does not)
        return parameter.check(lambda *args: [])

    def unique(validator: Validator, shape: Shape, focus: Term, values: list[Term], view: View) -> list[Result]:
        seen, duplicated = set(), []
        for v in values:
            if isinstance(v, ox.Literal) and v.language:
                lang = v.language.lower()
                if lang in seen and lang not in duplicated:
                    duplicated.append(lang)
                seen.add(lang)
        return [validator.result(shape, component, focus) for _lang in duplicated]
    return parameter.check(unique, on_empty=False)
