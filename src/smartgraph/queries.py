"""The catalogue of canned queries: ``queries/NAME.rq`` with a ``#+`` YAML header, parsed when loaded.

Parameters are typed (iri, string, language, lang-string, integer, date, enum), validated, and
bound as RDF terms: never pasted into the query text. A query that does not parse fails when the
catalogue loads, not when a user runs it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from smartgraph import resources
from smartgraph.errors import ParameterError, QueryError

TYPES = ("iri", "string", "language", "lang-string", "integer", "date", "enum")
LANGUAGES = ("zh-Hant", "en")
MAX_VALUES = 100

#: text in both languages, as (language, text) pairs in the order of LANGUAGES
Texts = tuple[tuple[str, str], ...]


def pick(texts: Texts, lang: str) -> str:
    """The text in ``lang`` (compared case-insensitively), else in English, else any."""
    by = {k.lower(): v for k, v in texts}
    return by.get(lang.lower()) or by.get("en") or (texts[0][1] if texts else "")


_IRI_OK = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x20\x7f-\x9f<>\"{}|\\^`]*$")  # no control characters either


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str = ""
    default: str | None = None
    required: bool = False
    values: tuple[str, ...] = ()
    multiple: bool = False
    labels: Texts = ()  # the form's label in zh-Hant and en
    descriptions: Texts = ()  # the form's help text in zh-Hant and en (``description`` is the English one)
    classes: tuple[str, ...] = ()  # an iri parameter: the classes its values are instances of (for completion)
    scheme: str | None = None  # an iri parameter whose values are concepts of this SKOS scheme

    def label(self, lang: str) -> str:
        return pick(self.labels, lang) or self.name


@dataclass(frozen=True)
class CannedQuery:
    name: str
    summary: str
    text: str
    description: str = ""
    params: tuple[Parameter, ...] = ()
    tags: tuple[str, ...] = ()
    variables: tuple[str, ...] = field(default=())
    labels: Texts = ()  # (language, short name) for menus
    pageable: bool = True  # no LIMIT/OFFSET of its own, so a page's LIMIT can be added
    summaries: Texts = ()  # the summary in zh-Hant and en (``summary`` is the English one)
    columns: tuple[tuple[str, Texts], ...] = ()  # each result variable's column header in zh-Hant and en

    def label(self, lang: str) -> str:
        return pick(self.labels, lang) or self.name

    def summary_in(self, lang: str) -> str:
        return pick(self.summaries, lang) or self.summary

    def column(self, variable: str, lang: str) -> str:
        """The column header of a result variable in ``lang`` (the variable's name if the header gives none)."""
        return pick(dict(self.columns).get(variable, ()), lang) or variable

    def param(self, name: str) -> Parameter:
        for p in self.params:
            if p.name == name:
                return p
        raise ParameterError(self.name, name, "is not a parameter of this query",
                             hint=f"its parameters are: {', '.join(p.name for p in self.params) or 'none'}")

    def prepare(self, values: dict[str, list[str]] | dict[str, str]) -> str:
        """The query text with the user's values bound (validated first; raises ParameterError)."""
        return with_values(self.text, self.bind(values))

    def page(self, values: dict[str, list[str]] | dict[str, str], limit: int, offset: int = 0) -> str:
        """The bound query asking for one page: ``limit + 1`` rows from ``offset``, so the caller knows if more follow."""
        if not self.pageable:
            raise QueryError("sets its own LIMIT or OFFSET and cannot be paged", query=self.name, hint="leave out limit and offset")
        return f"{self.prepare(values)}\nLIMIT {int(limit) + 1}\nOFFSET {max(0, int(offset))}\n"

    def bind(self, values: dict[str, list[str]] | dict[str, str]) -> dict[str, tuple[Identifier, ...]]:
        """Validate user values and turn them into RDF terms, defaults filled in.

        A parameter declared ``multiple`` takes several values (any of them matches)."""
        given = {k: (v if isinstance(v, list) else [v]) for k, v in values.items()}
        out: dict[str, tuple[Identifier, ...]] = {}
        for k in given:
            self.param(k)
        for p in self.params:
            raw = given.get(p.name)
            if not raw or raw == [""]:
                if p.required:
                    raise ParameterError(self.name, p.name, "is required", hint=f"pass --param {p.name}=VALUE")
                if p.default is None:
                    continue
                raw = [p.default]
            raw = [r for r in raw if r != ""]
            if len(raw) > 1 and not p.multiple:
                raise ParameterError(self.name, p.name, "takes one value", hint="give the parameter once")
            if len(raw) > MAX_VALUES:
                raise ParameterError(self.name, p.name, f"takes at most {MAX_VALUES} values", hint="split the question")
            out[p.name] = tuple(dict.fromkeys(to_term(self.name, p, r) for r in raw))
        return out


def to_term(query: str, p: Parameter, value: str) -> Identifier:
    """One parameter value as an RDF term of the parameter's type; ParameterError when it does not fit."""
    v = value.strip()
    if p.type == "iri":
        if not _IRI_OK.match(v) or not v.startswith(("http://", "https://", "urn:")):
            raise ParameterError(query, p.name, f"{value!r} is not an absolute http(s) IRI",
                                 hint="pass a full IRI such as https://w3id.org/smartgraph/id/place/gn-1668341")
        return URIRef(v)
    if p.type == "integer":
        if not re.fullmatch(r"[+-]?\d{1,12}", v):
            raise ParameterError(query, p.name, f"{value!r} is not an integer", hint="pass digits, e.g. 2021")
        return Literal(int(v), datatype=XSD.integer)
    if p.type == "date":
        try:
            return Literal(dt.date.fromisoformat(v).isoformat(), datatype=XSD.date)
        except ValueError:
            raise ParameterError(query, p.name, f"{value!r} is not a date", hint="pass YYYY-MM-DD") from None
    if p.type == "language":
        for lang in LANGUAGES:
            if v.lower() == lang.lower():
                return Literal(lang)
        raise ParameterError(query, p.name, f"{value!r} is not a supported language", hint=f"pass one of {', '.join(LANGUAGES)}")
    if p.type == "enum":
        if v not in p.values:
            raise ParameterError(query, p.name, f"{value!r} is not allowed", hint=f"pass one of {', '.join(p.values)}")
        return Literal(v)
    if p.type == "lang-string":
        m = re.fullmatch(r"(?s)(.*)@(zh-Hant|en)", v, re.I)
        if not m or not m.group(1):
            raise ParameterError(query, p.name, f"{value!r} is not a text tagged @zh-Hant or @en", hint="pass e.g. 臺北@zh-Hant")
        lang = next(x for x in LANGUAGES if x.lower() == m.group(2).lower())
        return Literal(m.group(1), lang=lang)
    if len(v) > 500:
        raise ParameterError(query, p.name, "is longer than 500 characters", hint="pass a shorter text")
    return Literal(v)


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def with_values(text: str, bindings: dict[str, tuple[Identifier, ...]]) -> str:
    """The query with a VALUES block for each bound parameter opening its WHERE clause.

    The terms come from ``to_term`` (validated, typed RDF terms) and are written by rdflib's own
    term serialiser: user text never becomes query syntax."""
    if not bindings:
        return text
    block = "\n  ".join(f"VALUES ?{n} {{ {' '.join(t.n3() for t in bindings[n])} }}" for n in sorted(bindings))
    m = _WHERE.search(text)
    if m is None:
        raise QueryError("has no WHERE { to bind parameters in", hint="write the query with an explicit WHERE clause")
    return f"{text[: m.end()]}\n  {block}{text[m.end():]}"


def from_graphs(text: str, graphs: list[str]) -> str:
    """The query reading its default graph as the merge of ``graphs`` (``FROM``) and its named graphs from them
    (``FROM NAMED``): the same answers on a triplestore whose default graph is not the union of its named graphs.
    The IRIs are written by rdflib's term serialiser."""
    m = _WHERE.search(text)
    if m is None:
        raise QueryError("has no WHERE { to name its dataset before", hint="write the query with an explicit WHERE clause")
    terms = [URIRef(g).n3() for g in graphs]
    clauses = "".join(f"FROM {t}\n" for t in terms) + "".join(f"FROM NAMED {t}\n" for t in terms)
    return f"{text[: m.start()]}{clauses}{text[m.start():]}"


def parse_header(text: str, name: str) -> dict[str, Any]:
    lines = [ln[2:] for ln in text.splitlines() if ln.startswith("#+")]
    try:
        header = yaml.safe_load("\n".join(ln[1:] if ln.startswith(" ") else ln for ln in lines)) or {}
    except yaml.YAMLError as e:
        raise QueryError(f"the #+ header is not YAML: {e}", query=name, hint="fix the header lines that start with #+") from None
    if not isinstance(header, dict) or "summary" not in header:
        raise QueryError("the #+ header has no summary", query=name, hint="add a line '#+ summary: what the query answers'")
    return header


def _texts(value: Any, name: str, where: str) -> Texts:
    """A header value in both languages: a map {en: ..., zh-Hant: ...}, or a plain text (English only)."""
    if value is None:
        return ()
    if isinstance(value, str | int | float):
        return (("en", str(value)),)
    if not isinstance(value, dict) or not value or not all(k in LANGUAGES for k in value):
        raise QueryError(f"the #+ header's {where} is not a text or a map of zh-Hant and en texts", query=name,
                         hint=f"write '{where.split()[-1]}: {{en: ..., zh-Hant: ...}}'")
    return tuple((lang, str(value[lang])) for lang in LANGUAGES if value.get(lang) is not None)


def load_query(name: str, text: str) -> CannedQuery:
    header = parse_header(text, name)
    params = []
    for pname, spec in (header.get("params") or {}).items():
        spec = spec or {}
        ptype = spec.get("type", "string")
        if ptype not in TYPES:
            raise QueryError(f"parameter {pname!r} has unknown type {ptype!r}", query=name, hint=f"use one of {', '.join(TYPES)}")
        descriptions = _texts(spec.get("description"), name, f"parameter {pname} description")
        classes = spec.get("class") or []
        classes = [classes] if isinstance(classes, str) else classes
        for c in [*classes, *([spec["scheme"]] if spec.get("scheme") else [])]:
            if not _IRI_OK.match(str(c)) or not str(c).startswith(("http://", "https://")):
                raise QueryError(f"parameter {pname!r}: class or scheme {c!r} is not an absolute IRI", query=name,
                                 hint="write the full IRI of the class")
        if (classes or spec.get("scheme")) and ptype != "iri":
            raise QueryError(f"parameter {pname!r} has a class but is not of type iri", query=name, hint="remove the class")
        params.append(Parameter(
            name=str(pname), type=ptype, description=pick(descriptions, "en"),
            default=None if spec.get("default") is None else str(spec["default"]),
            required=bool(spec.get("required", False)), values=tuple(str(x) for x in spec.get("values", []) or []),
            multiple=bool(spec.get("multiple", False)), labels=_texts(spec.get("label"), name, f"parameter {pname} label"),
            descriptions=descriptions, classes=tuple(str(c) for c in classes),
            scheme=str(spec["scheme"]) if spec.get("scheme") else None,
        ))
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(text)
    except Exception as e:  # pyparsing's errors carry the line and column
        raise QueryError(f"is not valid SPARQL 1.1: {e}", query=name, hint=f"fix queries/{name}.rq") from None
    projected = tuple(str(v) for v in (prepared.algebra.get("PV") or []))
    for p in params:
        if f"?{p.name}" not in text and f"${p.name}" not in text:
            raise QueryError(f"declares parameter {p.name!r} but never uses ?{p.name}", query=name, hint="remove it from the header")
    labels = header.get("label") or {}
    if not isinstance(labels, dict) or not all(k in LANGUAGES for k in labels):
        raise QueryError("the #+ label is not a map of zh-Hant and en names", query=name, hint="write '#+ label: {en: ..., zh-Hant: ...}'")
    summaries = _texts(header["summary"], name, "summary")
    columns = header.get("columns") or {}
    if not isinstance(columns, dict):
        raise QueryError("the #+ columns is not a map of result variables", query=name, hint="write '#+ columns: {var: {en: ..., zh-Hant: ...}}'")
    unknown = sorted(str(v) for v in columns if str(v) not in projected)
    if unknown:
        raise QueryError(f"the #+ columns name {', '.join(unknown)}, which the query does not return", query=name,
                         hint=f"its result variables are: {', '.join(projected)}")
    body = "\n".join(ln.split("#", 1)[0] for ln in text.splitlines())
    return CannedQuery(
        name=name, summary=pick(summaries, "en"), description=str(header.get("description", "")), text=text,
        params=tuple(params), tags=tuple(header.get("tags", []) or []), variables=projected,
        labels=_texts(labels, name, "label") if labels else (),
        pageable=not re.search(r"\b(LIMIT|OFFSET)\s+\d+\s*$", body.strip(), re.I),
        summaries=summaries, columns=tuple((str(v), _texts(t, name, f"column {v}")) for v, t in columns.items()),
    )


class Catalog:
    """Every canned query, loaded and parsed."""

    def __init__(self, queries: dict[str, CannedQuery]) -> None:
        self.queries = dict(sorted(queries.items()))

    @classmethod
    def load(cls) -> Catalog:
        out = {}
        for f in resources.listing(resources.QUERIES, ".rq"):
            name = f.name[:-3]
            out[name] = load_query(name, f.read_text(encoding="utf-8"))
        return cls(out)

    def get(self, name: str) -> CannedQuery:
        try:
            return self.queries[name]
        except KeyError:
            raise QueryError("no such canned query", query=name,
                             hint=f"run 'smartgraph queries' to list them: {', '.join(self.queries)}") from None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.queries.values())

    def __len__(self) -> int:
        return len(self.queries)
