"""One results model for every backend, and the SPARQL 1.1 result formats written from it.

A result is a SPARQL 1.1 Query Results JSON document (``Results``, a dict: what the server sends and the
command line prints) whose cells are made here and nowhere else: from pyoxigraph terms (``cell``) or from
a remote endpoint's JSON (``canonical_cell``). Language tags are written in BCP 47 case (``zh-Hant``)
whatever the store keeps (pyoxigraph and Virtuoso lower-case them), so the command line, the server,
the exports and the Python API spell them alike.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

from smartgraph.errors import SmartgraphError
from smartgraph.vocab import PREFIXES, canonical_lang

if TYPE_CHECKING:
    from rdflib.term import Identifier

Cell = dict[str, str]
Row = dict[str, Cell]

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# --------------------------------------------------------------------------- media types

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"

#: what a SELECT or ASK result can be sent as, the default first
RESULT_TYPES = (RESULTS_JSON, RESULTS_XML, CSV, TSV)
#: what a CONSTRUCT or DESCRIBE result can be sent as, the default first
GRAPH_TYPES = (TURTLE, NTRIPLES, JSONLD, RDFXML)


class MissingExtra(SmartgraphError, ImportError):
    """An optional dependency is not installed."""

    def __init__(self, module: str, extra: str, what: str) -> None:
        super().__init__(f"{what} needs {module}, which is not installed",
                         hint=f"install the optional extra: pip install 'smartgraph[{extra}]' (or pip install {module})")


# --------------------------------------------------------------------------- cells


def cell(term: Any) -> Cell:
    """A pyoxigraph term as a SPARQL JSON cell (language tags in BCP 47 case, xsd:string left implicit)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": canonical_lang(term.language)}
        dt = term.datatype.value
        if dt == XSD_STRING:
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": dt}
    return {"type": "literal", "value": str(term)}  # RDF-star triples: their N-Triples form


def canonical_cell(c: Cell) -> Cell:
    """A cell of another store's SPARQL JSON, in our spelling: ``typed-literal`` (old Virtuoso) is a literal,
    language tags in BCP 47 case, xsd:string left implicit."""
    if c.get("type") == "typed-literal":
        c["type"] = "literal"
    if "xml:lang" in c:
        c["xml:lang"] = canonical_lang(c["xml:lang"])
    if c.get("datatype") == XSD_STRING:
        del c["datatype"]
    return c


def nt(c: Cell | None) -> str:
    """A cell as an N-Triples term ('' for an unbound cell)."""
    if c is None:
        return ""
    v = c["value"]
    if c["type"] == "uri":
        return f"<{v}>"
    if c["type"] == "bnode":
        return f"_:{v}"
    s = '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'
    if "xml:lang" in c:
        return f"{s}@{c['xml:lang']}"
    if "datatype" in c:
        return f"{s}^^<{c['datatype']}>"
    return s


def to_rdflib(c: Cell | None) -> Identifier | None:
    """A cell as an rdflib term (None for an unbound cell)."""
    from rdflib import BNode, Literal, URIRef

    if c is None:
        return None
    if c["type"] == "uri":
        return URIRef(c["value"])
    if c["type"] == "bnode":
        return BNode(c["value"])
    if "xml:lang" in c:
        return Literal(c["value"], lang=c["xml:lang"])
    if "datatype" in c:
        return Literal(c["value"], datatype=URIRef(c["datatype"]))
    return Literal(c["value"])


# --------------------------------------------------------------------------- the results model


class Results(dict[str, Any]):
    """The answer to a SELECT or ASK query: a SPARQL 1.1 Query Results JSON document, with the view a program wants.

    ``vars`` (the result variables), ``bindings`` (rows of JSON cells), ``rows`` (tuples of rdflib terms, None where
    unbound, in the order of ``vars``), ``boolean`` (an ASK query's answer), ``to_pandas()``."""

    @classmethod
    def select(cls, variables: Sequence[str], bindings: list[Row]) -> Results:
        return cls({"head": {"vars": list(variables)}, "results": {"bindings": bindings}})

    @classmethod
    def ask(cls, value: bool) -> Results:
        return cls({"head": {}, "boolean": bool(value)})

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> Results:
        """Another store's SPARQL JSON, its cells in our spelling."""
        if "boolean" in doc:
            return cls.ask(bool(doc["boolean"]))
        rows: list[Row] = doc.get("results", {}).get("bindings", [])
        for row in rows:
            for c in row.values():
                canonical_cell(c)
        return cls.select(doc.get("head", {}).get("vars", []), rows)

    @property
    def vars(self) -> list[str]:
        return list(self.get("head", {}).get("vars", []))

    @property
    def bindings(self) -> list[Row]:
        return list(self.get("results", {}).get("bindings", []))

    @property
    def boolean(self) -> bool | None:
        return bool(self["boolean"]) if "boolean" in self else None

    @property
    def rows(self) -> list[tuple[Identifier | None, ...]]:
        names = self.vars
        return [tuple(to_rdflib(r.get(n)) for n in names) for r in self.bindings]

    def to_pandas(self) -> Any:
        """A pandas DataFrame: a column a variable; IRIs and plain literals as text, numbers, booleans and dates as
        Python values, unbound cells as None. Needs the ``notebook`` extra (pandas)."""
        try:
            import pandas as pd
        except ImportError:
            raise MissingExtra("pandas", "notebook", "Results.to_pandas()") from None
        names = self.vars
        data = [{n: _python(r.get(n)) for n in names} for r in self.bindings]
        return pd.DataFrame(data, columns=names)

    def serialize(self, media_type: str = RESULTS_JSON) -> bytes:
        if self.boolean is not None:
            return serialize_boolean(bool(self.boolean), media_type)
        return serialize_select(self.vars, self.bindings, media_type)


def _python(c: Cell | None) -> Any:
    if c is None:
        return None
    if c["type"] != "literal" or "datatype" not in c:
        return c["value"]
    term = to_rdflib(c)
    value = term.toPython() if term is not None and hasattr(term, "toPython") else c["value"]
    return c["value"] if value is term else value


# --------------------------------------------------------------------------- the SPARQL 1.1 result formats


def _csv_field(v: str) -> str:
    return '"' + v.replace('"', '""') + '"' if any(ch in v for ch in ',"\r\n') else v


def serialize_select(names: Sequence[str], rows: Sequence[Row], media_type: str) -> bytes:
    """SELECT results (SPARQL JSON cells) in one of the four SPARQL 1.1 result formats."""
    if media_type == RESULTS_JSON:
        doc = {"head": {"vars": list(names)}, "results": {"bindings": list(rows)}}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if media_type == CSV:
        lines = [",".join(names)]
        lines += [",".join(_csv_field(r[n]["value"]) if n in r else "" for n in names) for r in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    if media_type == TSV:
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(nt(r.get(n)) for n in names) for r in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if media_type == RESULTS_XML:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out.append("</head>\n<results>")
        for r in rows:
            out.append("<result>")
            for n in names:
                if n not in r:
                    continue
                c = r[n]
                if c["type"] == "uri":
                    inner = f"<uri>{escape(c['value'])}</uri>"
                elif c["type"] == "bnode":
                    inner = f"<bnode>{escape(c['value'])}</bnode>"
                elif "xml:lang" in c:
                    inner = f"<literal xml:lang={quoteattr(c['xml:lang'])}>{escape(c['value'])}</literal>"
                elif "datatype" in c:
                    inner = f"<literal datatype={quoteattr(c['datatype'])}>{escape(c['value'])}</literal>"
                else:
                    inner = f"<literal>{escape(c['value'])}</literal>"
                out.append(f"<binding name={quoteattr(n)}>{inner}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "".join(out).encode("utf-8")
    raise ValueError(media_type)


def serialize_boolean(value: bool, media_type: str) -> bytes:
    if media_type == RESULTS_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if media_type == RESULTS_XML:
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    return (("_askResult\r\n" if media_type == CSV else "?_askResult\n") + str(value).lower() + "\n").encode()


def serialize_triples(triples: Iterable[Any], media_type: str) -> bytes:
    """pyoxigraph triples in an RDF syntax, language tags in BCP 47 case in every syntax (JSON-LD too)."""
    import pyoxigraph as ox

    from smartgraph.vocab import canonical_lang_tags

    fmt = {TURTLE: ox.RdfFormat.TURTLE, NTRIPLES: ox.RdfFormat.N_TRIPLES, JSONLD: ox.RdfFormat.JSON_LD,
           RDFXML: ox.RdfFormat.RDF_XML}[media_type]
    prefixes = PREFIXES if media_type in (TURTLE, RDFXML) else None
    out = ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
    if media_type == JSONLD:  # the tag is a JSON string there: "@language":"zh-hant"
        return _JSONLD_LANG.sub(lambda m: b'"@language":"' + canonical_lang(m.group(1).decode()).encode() + b'"', out)
    return canonical_lang_tags(out)


_JSONLD_LANG = re.compile(rb'"@language":"([A-Za-z0-9-]+)"')
_JSON_LANG = re.compile(rb'"xml:lang":"([A-Za-z0-9-]+)"')


def canonical_json_langs(data: bytes) -> bytes:
    """SPARQL JSON results as a store wrote them, language tags in BCP 47 case (``"xml:lang":"zh-Hant"``)."""
    return _JSON_LANG.sub(lambda m: b'"xml:lang":"' + canonical_lang(m.group(1).decode()).encode() + b'"', data)
