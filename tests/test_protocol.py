"""SPARQL 1.1 Protocol conformance: the W3C test cases, and SPARQLWrapper itself, against a real ``smartgraph serve``.

The W3C cases are read from ``tests/data/w3c-sparql11-protocol/manifest.ttl`` (copied from w3c/rdf-tests, with
its licence beside it) and sent as the manifest writes them, with two adaptations the manifest asks for or
allows: the path prefix ``/sparql/`` becomes ``/sparql``, and every request carries the update token (the
server takes updates only with it). The graphs the cases name are loaded from the manifest's ``ut:graphData``
before each case. The README lists the results.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS

from smartgraph.sparql.store import EmbeddedStore
from tests.server import Server

SUITE = Path(__file__).parent / "data" / "w3c-sparql11-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
TOKEN = "w3c-protocol"
DAEGU = "https://w3id.org/smartgraph/id/place/gn-1835329"

@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[str]
    boolean: bool | None = None
    form: str | None = None
    expectation: str | None = None


@dataclass
class Case:
    name: str
    title: str
    requests: list[Request] = field(default_factory=list)


def load_cases() -> tuple[list[Case], dict[str, str]]:
    g = Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID="http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/")
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    cases, graphs = [], {}
    for entry in Collection(g, g.value(manifest, MF.entries)):
        for data in g.objects(entry, UT.graphData):
            graphs[str(g.value(data, RDFS.label))] = str(g.value(data, UT.graph)).rsplit("/", 1)[1]
        case = Case(str(entry).rsplit("#", 1)[1], str(g.value(entry, MF.name)))
        for req in Collection(g, g.value(g.value(entry, MF.action), HT.requests)):
            headers = {}
            if (hs := g.value(req, HT.headers)) is not None:
                headers = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue)) for h in Collection(g, hs)}
            body = None
            if (b := g.value(req, HT.body)) is not None:
                body = str(g.value(b, CNT.chars)).encode(str(g.value(b, CNT.characterEncoding) or "UTF-8").lower().replace("utf-16", "utf-16"))
            resp = g.value(req, HT.resp)
            boolean = g.value(resp, MF.expectedBoolean)
            case.requests.append(Request(
                method=str(g.value(req, HT.methodName)), path=str(g.value(req, HT.absolutePath)).replace("/sparql/", "/sparql", 1),
                headers=headers, body=body, statuses={str(s).rsplit("#", 1)[1] for s in g.objects(resp, MF.expectedStatus)},
                boolean=None if boolean is None else bool(boolean.toPython()), form=str(g.value(resp, MF.expectedFormat) or "") or None,
                expectation=str(g.value(resp, MF.expectation) or "") or None))
        cases.append(case)
    return cases, graphs


CASES, GRAPHS = load_cases()


def test_the_suite_is_there() -> None:
    assert len(CASES) == 34 and len(GRAPHS) == 3, (len(CASES), GRAPHS)


def graph_data() -> str:
    """The update that puts the manifest's graphs in place (and nothing else)."""
    blocks = "\n".join(f"GRAPH <{name}> {{ {(SUITE / file).read_text(encoding='utf-8')} }}" for name, file in sorted(GRAPHS.items()))
    return f"DROP ALL ;\nINSERT DATA {{ {blocks} }}"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    path = tmp_path_factory.mktemp("protocol") / "store"
    EmbeddedStore(path).close()
    s = Server(path, "--allow-updates", env={"SMARTGRAPH_UPDATE_TOKEN": TOKEN})
    yield s
    s.stop()


def outcome(r: httpx.Response, req: Request) -> str | None:
    """Why the response does not meet the manifest's expectations (None when it does)."""
    status = f"StatusCode{r.status_code // 100}xx"
    if status not in req.statuses:
        return f"status {r.status_code}, expected {sorted(req.statuses)}: {r.text[:300]}"
    if req.form is None and req.boolean is None and req.expectation is None:
        return None
    ctype = r.headers.get("content-type", "").split(";")[0].strip()
    if req.form == "RDF":
        fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml", "application/ld+json": "json-ld"}.get(ctype)
        if fmt is None:
            return f"not an RDF media type: {ctype}"
        Graph().parse(data=r.content, format=fmt)
        return None
    if ctype == "application/sparql-results+json":
        doc = json.loads(r.content)
        value = doc.get("boolean")
        rows = doc.get("results", {}).get("bindings")
    elif ctype == "application/sparql-results+xml":
        root = ET.fromstring(r.content)
        ns = "{http://www.w3.org/2005/sparql-results#}"
        b = root.find(f"{ns}boolean")
        value = None if b is None else b.text == "true"
        rows = [{x.get("name"): {"type": x[0].tag.replace(ns, ""), "value": x[0].text} for x in res} for res in root.iter(f"{ns}result")]
    elif ctype in ("text/csv", "text/tab-separated-values"):
        value, rows = None, None
    else:
        return f"not a SPARQL results media type: {ctype}"
    if req.form == "boolean" and value is None:
        return "not a boolean result"
    if req.form == "tabular" and value is not None:
        return "a boolean where rows were expected"
    if req.boolean is not None and value != req.boolean:
        return f"boolean {value}, expected {req.boolean}"
    # update_base_uri: "one result with ?o bound to an IRI that is not <test>"
    if req.expectation is not None and (not rows or len(rows) != 1 or rows[0]["o"]["type"] != "uri" or rows[0]["o"]["value"] == "test"):
        return f"expected one IRI other than <test>, got {rows}"
    return None


def run_case(server: Server, case: Case) -> str | None:
    with httpx.Client(base_url=server.url, timeout=30, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        reset = c.post("/sparql", content=graph_data().encode(), headers={"Content-Type": "application/sparql-update"})
        assert reset.status_code == 204, reset.text
        for req in case.requests:
            r = c.request(req.method, req.path, content=req.body, headers=req.headers)
            problem = outcome(r, req)
            if problem:
                return problem
    return None


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES])
def test_w3c_protocol_case(server: Server, case: Case) -> None:
    problem = run_case(server, case)
    assert problem is None, f"{case.name} ({case.title}): {problem}"


# --------------------------------------------------------------------------- SPARQLWrapper


@pytest.fixture(scope="module")
def seeds_server(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = tmp_path_factory.mktemp("sw") / "store"
    shutil.copytree(built_store, store)
    s = Server(store)
    yield s
    s.stop()


SELECT = "SELECT ?c WHERE { ?c a <https://schema.org/City> } ORDER BY ?c"
ASK = f"ASK {{ <{DAEGU}> ?p ?o }}"
CONSTRUCT = f"CONSTRUCT {{ <{DAEGU}> ?p ?o }} WHERE {{ <{DAEGU}> ?p ?o }}"
DESCRIBE = f"DESCRIBE <{DAEGU}>"


def sparqlwrapper_result(url: str, query: str, fmt: str, method: str, request_method: str) -> object:
    import warnings

    from SPARQLWrapper import SPARQLWrapper

    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(method)
    sw.setRequestMethod(request_method)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        res = sw.query()
        out = res.convert()
    # SPARQLWrapper warns when the endpoint answered another format than the one asked for, or one it cannot read
    mismatch = [str(w.message) for w in seen if "returned by the endpoint" in str(w.message) or "unknown response" in str(w.message)]
    assert not mismatch, mismatch
    return out


def _sw_cases() -> list[tuple[str, str, str, str]]:
    from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDF, RDFXML, TSV, TURTLE, URLENCODED, XML

    out = []
    for method, request_method in ((GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)):
        for form, formats in (("SELECT", (JSON, XML, CSV, TSV)), ("ASK", (JSON, XML, CSV, TSV)),
                              ("CONSTRUCT", (TURTLE, N3, XML, RDFXML, RDF, JSONLD, JSON)),
                              ("DESCRIBE", (TURTLE, N3, XML, RDFXML, RDF, JSONLD, JSON))):
            out += [(form, fmt, method, request_method) for fmt in formats]
    return out


@pytest.mark.parametrize("form,fmt,method,request_method", _sw_cases())
def test_sparqlwrapper_in_every_format_it_asks_for(seeds_server: Server, form: str, fmt: str, method: str, request_method: str) -> None:
    import csv
    import io
    from xml.dom.minidom import Document

    query = {"SELECT": SELECT, "ASK": ASK, "CONSTRUCT": CONSTRUCT, "DESCRIBE": DESCRIBE}[form]
    res = sparqlwrapper_result(seeds_server.url + "/sparql", query, fmt, method, request_method)
    if form in ("SELECT", "ASK"):
        if fmt == "json":
            assert isinstance(res, dict)
            assert res["boolean"] is True if form == "ASK" else DAEGU in {b["c"]["value"] for b in res["results"]["bindings"]}
        elif fmt == "xml":
            assert isinstance(res, Document)
            text = res.toxml()
            assert "<boolean>true</boolean>" in text if form == "ASK" else f"<uri>{DAEGU}</uri>" in text
        else:
            assert isinstance(res, bytes)
            rows = list(csv.reader(io.StringIO(res.decode("utf-8")), delimiter="," if fmt == "csv" else "\t"))
            flat = {cell for row in rows for cell in row}
            assert "true" in flat if form == "ASK" else (DAEGU in flat or f"<{DAEGU}>" in flat)
        return
    if isinstance(res, bytes):  # Turtle and N3: SPARQLWrapper gives the bytes
        g = Graph().parse(data=res, format="turtle")
    else:  # RDF/XML and JSON-LD: SPARQLWrapper parses them into an rdflib graph
        assert isinstance(res, Graph), type(res)
        g = res
    assert (URIRef(DAEGU), None, None) in g and len(g) >= 6
