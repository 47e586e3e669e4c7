"""The HTTP server, started for real on a loopback port and spoken to over HTTP."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import Namespace

from smartgraph.queries import Catalog
from smartgraph.vocab import NOT_DERIVED
from tests.server import Server, free_port

VOID = Namespace("http://rdfs.org/ns/void#")
DAEGU = "https://w3id.org/smartgraph/id/place/gn-1835329"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ALL = "SELECT * WHERE { ?s ?p ?o }"
INJECTIONS = ['Taipei"@en . } UNION { ?s ?p ?o } #', "https://w3id.org/x> } UNION { ?s ?p ?o } #", "2021 } UNION { ?s ?p ?o }",
              "zh-Hant\" } #", "en\n} UNION {", "1; DROP ALL"]


@pytest.fixture(scope="module")
def log_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("log") / "serve.log"


@pytest.fixture(scope="module")
def server(built_store: Path, log_path: Path) -> Iterator[Server]:
    # a time limit with room for the examples on a machine busy with other test processes, short enough for HEAVY
    s = Server(built_store, "--timeout", "10", "--max-rows", "1000", log=log_path)
    yield s
    assert s.stop() in (0, -signal.SIGTERM)


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def count(client: httpx.Client) -> int:
    r = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                               f"FILTER ({NOT_DERIVED}) }}"})  # the derived graphs are no data
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# --------------------------------------------------------------------------- SPARQL 1.1 Protocol


def test_get_without_accept_gives_sparql_json(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s a <https://schema.org/City> }"}, headers={"Accept": ""})
    assert r.status_code == 200 and r.headers["content-type"] == "application/sparql-results+json"
    cities = {b["s"]["value"] for b in r.json()["results"]["bindings"]}
    assert DAEGU in cities


@pytest.mark.parametrize("accept,media_type", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/json", "application/sparql-results+json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/*", "text/csv"),
])
def test_select_results_by_accept(client: httpx.Client, accept: str, media_type: str) -> None:
    q = ("SELECT ?city ?name WHERE { ?city a <https://schema.org/City> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name "
         "FILTER (lang(?name) = \"en\") } ORDER BY ?name")
    r = client.get("/sparql", params={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].split(";")[0] == media_type
    if media_type.endswith("json"):
        names = [b["name"]["value"] for b in r.json()["results"]["bindings"]]
    elif media_type.endswith("xml"):
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        names = [e.text or "" for e in ET.fromstring(r.content).findall(".//r:binding[@name='name']/r:literal", ns)]
    elif media_type == "text/csv":
        names = [row["name"] for row in csv.DictReader(io.StringIO(r.text))]
    else:
        lines = r.text.splitlines()
        assert lines[0] == "?city\t?name"
        names = [ln.split("\t")[1].rsplit("@", 1)[0].strip('"') for ln in lines[1:]]
    assert "Daegu" in names and names == sorted(names) and len(names) > 10


def test_post_form_and_direct_query_agree(client: httpx.Client) -> None:
    q = "SELECT ?s WHERE { ?s a <https://schema.org/City> } ORDER BY ?s"
    a = client.post("/sparql", data={"query": q}).json()
    b = client.post("/sparql", content=q.encode(), headers={"Content-Type": "application/sparql-query"}).json()
    c = client.get("/sparql", params={"query": q}).json()
    assert a == b == c and a["results"]["bindings"]
    assert client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415


def test_ask(client: httpx.Client) -> None:
    yes = client.get("/sparql", params={"query": f"ASK {{ <{DAEGU}> ?p ?o }}"})
    no = client.get("/sparql", params={"query": "ASK { <https://example.org/none> ?p ?o }"}, headers={"Accept": "application/sparql-results+xml"})
    assert yes.json()["boolean"] is True
    assert "<boolean>false</boolean>" in no.text


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
                                         ("application/rdf+xml", "xml"), ("", "turtle")])
def test_construct_and_describe_by_accept(client: httpx.Client, accept: str, fmt: str) -> None:
    q = f"CONSTRUCT {{ <{DAEGU}> ?p ?o }} WHERE {{ <{DAEGU}> ?p ?o }}"
    r = client.get("/sparql", params={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200
    g = Graph().parse(data=r.content, format=fmt)
    assert len(g) >= 6 and (URIRef(DAEGU), None, None) in g
    d = client.get("/sparql", params={"query": f"DESCRIBE <{DAEGU}>"}, headers={"Accept": accept})
    assert len(Graph().parse(data=d.content, format=fmt)) >= len(g)


def test_unacceptable_and_malformed(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "application/sparql-results+json" in r.text
    r = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p "})
    assert r.status_code == 400 and "parse" in r.text


def test_service_description_with_void_counts(client: httpx.Client) -> None:
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert [str(o) for o in g.objects(None, sd.endpoint)] == [str(client.base_url).rstrip("/") + "/sparql"]
    totals = [int(o) for s, o in g.subject_objects(VOID.triples) if str(s).endswith("#dataset")]
    assert totals == [count(client)]
    graphs = list(g.objects(None, sd.name))
    assert len(graphs) == 3  # ontology + two press releases


def test_updates_are_refused(client: httpx.Client) -> None:
    before = count(client)
    upd = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 } }"
    assert client.post("/sparql", data={"update": upd}).status_code == 403
    r = client.post("/sparql", content=upd.encode(), headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer x"})
    assert r.status_code == 403 and "disabled" in r.text
    assert count(client) == before


def test_time_limit_stops_the_query_and_the_server_goes_on(client: httpx.Client) -> None:
    start = time.monotonic()
    r = client.get("/sparql", params={"query": HEAVY})
    assert r.status_code == 503 and "time limit" in r.text
    assert time.monotonic() - start < 25
    for _ in range(3):  # the other worker answers at once; the killed one is replaced
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_result_size_limit(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": ALL})
    assert r.status_code == 400 and "more than 1000 rows" in r.text and "LIMIT" in r.text
    assert client.get("/sparql", params={"query": ALL + " LIMIT 1000"}).status_code == 200


def test_sparqlwrapper_works_unchanged(server: Server) -> None:
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery("SELECT ?c WHERE { ?c a <https://schema.org/City> }")
    sw.setReturnFormat(JSON)
    res = sw.query().convert()
    assert DAEGU in {b["c"]["value"] for b in res["results"]["bindings"]}  # type: ignore[index,call-overload]
    sw.setQuery(f"ASK {{ <{DAEGU}> ?p ?o }}")
    assert sw.query().convert()["boolean"] is True  # type: ignore[index,call-overload]
    sw.setQuery(f"CONSTRUCT {{ <{DAEGU}> ?p ?o }} WHERE {{ <{DAEGU}> ?p ?o }}")
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")  # type: ignore[arg-type]
    assert len(g) >= 6
    sw.setMethod("POST")
    sw.setQuery("SELECT ?c WHERE { ?c a <https://schema.org/City> } LIMIT 2")
    sw.setReturnFormat(JSON)
    assert len(sw.query().convert()["results"]["bindings"]) == 2  # type: ignore[index,call-overload]


# --------------------------------------------------------------------------- canned queries


def test_every_canned_query_is_listed_and_runs(client: httpx.Client) -> None:
    listed = {q["name"]: q for q in client.get("/queries").json()}
    catalog = Catalog.load()
    assert set(listed) == set(catalog.queries)
    for q in catalog:
        params = {"entity": DAEGU} if q.name == "provenance" else {}
        r = client.get(f"/queries/{q.name}", params=params)
        assert r.status_code == 200, (q.name, r.text)
        assert r.json()["head"]["vars"] == list(q.variables)
        assert listed[q.name]["params"] == [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                                             "values": list(p.values), "multiple": p.multiple, "description": p.description,
                                             "labels": dict(p.labels), "descriptions": dict(p.descriptions), "classes": list(p.classes),
                                             "scheme": p.scheme} for p in q.params]
        assert listed[q.name]["columns"] == {v: dict(dict(q.columns)[v]) for v in q.variables}
        assert set(listed[q.name]["summaries"]) == {"zh-Hant", "en"} and "SELECT" in listed[q.name]["sparql"]


def test_parameters_are_typed_and_checked(client: httpx.Client) -> None:
    ok = client.get("/queries/events", params={"year": "2021"})
    assert ok.status_code == 200 and all(b["start"]["value"].startswith("2021") for b in ok.json()["results"]["bindings"])
    for name, params, field in [("events", {"year": "twenty"}, "year"), ("officials", {"lang": "fr"}, "lang"),
                                ("agreements", {"status": "rumoured"}, "status"), ("officials", {"person": "not an iri"}, "person"),
                                ("provenance", {}, "entity"), ("officials", {"nope": "1"}, "nope"), ("officials", {"limit": "0"}, "limit")]:
        r = client.get(f"/queries/{name}", params=params)
        assert r.status_code == 422, (name, params, r.text)
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["errors"][0]["name"] == field and r.json()["errors"][0]["in"] == "query"
    assert client.get("/queries/nothing").status_code == 404


def test_injection_strings_are_refused_or_harmless(client: httpx.Client) -> None:
    catalog = Catalog.load()
    tried = 0
    for q in catalog:
        honest = {"entity": DAEGU} if q.name == "provenance" else {}
        base = client.get(f"/queries/{q.name}", params={**honest, "limit": "1000"}).json()["results"]["bindings"]
        for p in q.params:
            for value in INJECTIONS:
                r = client.get(f"/queries/{q.name}", params={**honest, p.name: value, "limit": "1000"})
                tried += 1
                if r.status_code == 422:
                    continue
                assert r.status_code == 200, (q.name, p.name, value, r.text)
                rows = r.json()["results"]["bindings"]
                assert all(row in base for row in rows) if p.type != "language" else len(rows) <= len(base)
    assert tried > 100


def test_multi_valued_parameters(client: httpx.Client) -> None:
    cz, fr = "https://w3id.org/smartgraph/id/country/cz", "https://w3id.org/smartgraph/id/country/fr"
    one = client.get("/queries/officials", params={"country": cz}).json()["results"]["bindings"]
    two = client.get("/queries/officials", params=[("country", cz), ("country", fr)]).json()["results"]["bindings"]
    assert {r["country"]["value"] for r in one} == {cz}
    assert {r["country"]["value"] for r in two} == {cz, fr} and len(two) > len(one)
    r = client.get("/queries/officials", params=[("lang", "en"), ("lang", "zh-Hant")])
    assert r.status_code == 422


def test_paging_with_link_headers(client: httpx.Client) -> None:
    everything = client.get("/queries/officials", params={"lang": "en", "limit": "1000"}).json()["results"]["bindings"]
    seen = []
    url: str | None = "/queries/officials?lang=en&limit=7"
    pages = 0
    while url:
        r = client.get(url)
        assert r.status_code == 200
        seen += r.json()["results"]["bindings"]
        links = r.headers["link"]
        assert 'rel="first"' in links
        assert ('rel="prev"' in links) == (pages > 0)
        nxt = [part.split(";")[0].strip(" <>") for part in links.split(",") if 'rel="next"' in part]
        url = nxt[0] if nxt else None
        pages += 1
    assert seen == everything and pages == -(-len(everything) // 7)


def test_canned_query_formats(client: httpx.Client) -> None:
    r = client.get("/queries/sister-cities", params={"lang": "en", "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv") and "Daegu" in r.text
    r = client.get("/queries/sister-cities", headers={"Accept": "application/sparql-results+xml"})
    assert r.headers["content-type"].startswith("application/sparql-results+xml")
    r = client.get("/queries/sister-cities", params={"format": "png"})  # no such format: a bad parameter
    assert r.status_code == 422 and r.json()["errors"][0]["name"] == "format"
    assert client.get("/queries/sister-cities", params={"format": "ttl"}).status_code == 422  # not one of json, xml, csv, tsv
    assert client.get("/queries/sister-cities", headers={"Accept": "text/turtle"}).status_code == 406


def test_openapi_describes_every_canned_query(client: httpx.Client) -> None:
    doc = client.get("/openapi.json").json()
    for q in Catalog.load():
        op = doc["paths"][f"/queries/{q.name}"]["get"]
        names = {p["name"] for p in op["parameters"]}
        assert {p.name for p in q.params} <= names and {"limit", "offset", "format"} <= names
        for p in q.params:
            schema = next(x["schema"] for x in op["parameters"] if x["name"] == p.name)
            if p.multiple:
                assert schema["type"] == "array"
    assert "/sparql" in doc["paths"]
    # one error model: every error answer declared is problem+json, FastAPI's detail[].loc shape nowhere
    assert "HTTPValidationError" not in json.dumps(doc) and "Problem" in doc["components"]["schemas"]
    for path in ("/complete", "/labels", "/terms", "/resource", "/sparql", "/queries/events"):
        for op in doc["paths"][path].values():
            assert list(op["responses"]["422"]["content"]) == ["application/problem+json"], path
    html = client.get("/docs").text
    assert "/static/api-docs/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert client.get("/static/api-docs/swagger-ui-bundle.js").status_code == 200


# --------------------------------------------------------------------------- entities


def test_entity_iris_dereference(client: httpx.Client) -> None:
    path = "/id/" + DAEGU.removeprefix("https://w3id.org/smartgraph/id/")
    html = client.get(path, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, params={"lang": "en"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<h1 id=\"entity-label\">Daegu</h1>" in html.text and "<mark>" in html.text and "South Korea" in html.text
    zh = client.get(path, headers={"Accept": "text/html", "Accept-Language": "zh-TW,zh;q=0.9"})
    assert re.search(r'<h1 id="entity-label">大邱[^<]*</h1>', zh.text)  # 大邱 or the gazetteer's full 大邱廣域市
    for accept, fmt in [("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt")]:
        r = client.get(path, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["vary"].startswith("Accept")
        g = Graph().parse(data=r.content, format=fmt)
        assert (URIRef(DAEGU), None, None) in g and (None, None, URIRef(DAEGU)) in g
    assert client.get("/id/place/nowhere", headers={"Accept": "text/turtle"}).status_code == 404
    assert client.get("/id/place/nowhere", headers={"Accept": "text/html"}).status_code == 404
    r = client.get("/resource", params={"iri": "https://w3id.org/scd#party", "lang": "en"})
    assert r.status_code == 200 and "party" in r.text
    r = client.get("/resource", params={"iri": "javascript:alert(1)"})
    assert r.status_code == 422 and r.json()["errors"][0]["name"] == "iri"


def test_every_link_on_an_entity_page_resolves(client: httpx.Client) -> None:
    import re

    html = client.get("/id/place/gn-1835329", headers={"Accept": "text/html"}).text
    local = sorted({h.replace("&amp;", "&") for h in re.findall(r'href="(/[^"]*)"', html)})
    assert len(local) > 10
    for h in local:
        assert client.get(h).status_code == 200, h


# --------------------------------------------------------------------------- operations


def test_access_log_is_one_json_line_a_request(client: httpx.Client, log_path: Path) -> None:
    client.get("/queries/events", params={"year": "2016"})
    time.sleep(0.3)
    lines = [json.loads(ln) for ln in log_path.read_text(encoding="utf-8").splitlines() if ln.startswith("{")]
    hit = [x for x in lines if x["path"] == "/queries/events" and x["query"] == "year=2016"]
    assert hit and hit[-1]["status"] == 200 and hit[-1]["ms"] >= 0 and hit[-1]["client"] == "127.0.0.1"


def test_cors_is_off_by_default(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in r.headers


def test_updates_with_the_token_and_cors_when_asked(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    s = Server(store, "--allow-updates", "--cors-origin", "https://portal.example.org", env={"SMARTGRAPH_UPDATE_TOKEN": "s3cret"})
    try:
        with httpx.Client(base_url=s.url, timeout=30) as c:
            before = count(c)
            upd = "INSERT DATA { GRAPH <https://example.org/g> { <https://example.org/s> <https://example.org/p> 1 } }"
            assert c.post("/sparql", data={"update": upd}, headers={"Authorization": "Bearer wrong"}).status_code == 403
            assert count(c) == before
            r = c.post("/sparql", content=upd.encode(), headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer s3cret"})
            assert r.status_code == 204
            assert count(c) == before + 1
            r = c.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://portal.example.org"})
            assert r.headers["access-control-allow-origin"] == "https://portal.example.org"
            r = c.get("/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://evil.example.org"})
            assert "access-control-allow-origin" not in r.headers
    finally:
        s.stop()


def test_graceful_shutdown_finishes_requests_in_flight(built_store: Path) -> None:
    s = Server(built_store, "--timeout", "2")
    got: list[int] = []

    def slow() -> None:
        got.append(httpx.get(s.url + "/sparql", params={"query": HEAVY}, timeout=30).status_code)

    t = threading.Thread(target=slow)
    t.start()
    time.sleep(0.7)
    s.proc.send_signal(signal.SIGTERM)
    t.join(30)
    assert got == [503]  # answered (time limit), not cut off
    assert s.proc.wait(20) in (0, -signal.SIGTERM)


def test_serve_refuses_bad_setups(built_store: Path, server: Server) -> None:
    def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        import os

        e = {k: v for k, v in os.environ.items() if k != "SMARTGRAPH_UPDATE_TOKEN"} | (env or {})
        return subprocess.run([sys.executable, "-m", "smartgraph.cli", "serve", "--store", str(built_store), *args],
                              capture_output=True, text=True, timeout=60, env=e)

    r = serve("--allow-updates", "--port", str(free_port()))
    assert r.returncode == 2 and "SMARTGRAPH_UPDATE_TOKEN" in r.stderr
    r = serve("--port", str(server.port))
    assert r.returncode == 2 and "cannot listen" in r.stderr and "--port" in r.stderr
    r = subprocess.run([sys.executable, "-m", "smartgraph.cli", "serve", "--store", "/nonexistent/store", "--port", str(free_port())],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 3 and "smartgraph build" in r.stderr
    help_text = subprocess.run([sys.executable, "-m", "smartgraph.cli", "serve", "--help"], capture_output=True, text=True).stdout
    for option in ("--host", "--port", "--store", "--workers", "--timeout", "--max-rows", "--cors-origin", "--allow-updates"):
        assert option in help_text


# --------------------------------------------------------------------------- issue 17: completion, languages, favicon, timeline


def test_complete_suggests_iris_by_label_in_both_languages(client: httpx.Client) -> None:
    r = client.get("/complete", params={"class": "https://schema.org/City", "q": "大邱", "lang": "en"})
    first = r.json()[0]
    assert r.status_code == 200 and first["iri"] == DAEGU and first["label"] == "Daegu" == first["labels"]["en"]
    assert first["labels"]["zh-Hant"].startswith("大邱")
    r = client.get("/complete", params={"class": "https://schema.org/City", "q": "dae"})
    assert [c["iri"] for c in r.json()][:1] == [DAEGU] and r.json()[0]["label"].startswith("大邱")  # zh-Hant unless asked
    # 台 and 臺 find the same city; a canned query's parameter names its own classes
    a = client.get("/complete", params={"query": "sister-cities", "param": "member", "q": "台北"}).json()
    b = client.get("/complete", params={"query": "sister-cities", "param": "member", "q": "臺北"}).json()
    assert a == b and a[0]["iri"] == "https://w3id.org/smartgraph/id/place/gn-1668341"
    assert client.get("/complete", params={"class": "https://schema.org/Country", "q": "捷克"}).json()[0]["iri"].endswith("/country/cz")
    assert client.get("/complete", params={"class": "https://schema.org/City", "q": "no such place"}).json() == []
    assert len(client.get("/complete", params={"class": "https://schema.org/City", "limit": "5"}).json()) == 5
    for params, loc in [({"q": "x"}, "class"), ({"class": "javascript:alert(1)"}, "class"), ({"class": "https://schema.org/City", "limit": "0"}, "limit"),
                        ({"class": "https://schema.org/City", "q": "x" * 101}, "q")]:
        r = client.get("/complete", params=params)
        assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json", params
        assert r.json()["errors"][0]["name"] == loc and r.json()["errors"][0]["in"] == "query", params
    for value in INJECTIONS:  # typed text is bound as a literal: harmless
        assert client.get("/complete", params={"class": "https://schema.org/City", "q": value}).status_code == 200


def test_the_page_speaks_the_browsers_language(client: httpx.Client) -> None:
    zh = client.get("/", headers={"Accept-Language": "zh-TW,zh;q=0.9,en;q=0.5"})
    en = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="zh-Hant">' in zh.text and "查詢</a>" in zh.text and 'lang="en">English</button>' in zh.text
    assert '<html lang="en">' in en.text and "Queries</a>" in en.text and "Accept-Language" in en.headers["vary"]
    assert '<html lang="en">' in client.get("/", params={"lang": "en"}, headers={"Accept-Language": "zh-TW"}).text
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon.headers["content-type"].startswith("image/svg+xml")
    for path in ("/static/vendor/yasgui/yasgui.min.js", "/static/vendor/cytoscape/cytoscape.min.js", "/static/table.js"):
        assert client.get(path).status_code == 200, path


def test_entity_page_has_a_timeline(client: httpx.Client) -> None:
    html = client.get("/id/place/gn-1835329", params={"lang": "en"}, headers={"Accept": "text/html"}).text
    assert '<section id="timeline">' in html
    dates = re.findall(r'<time datetime="([0-9-]+)">', html)
    assert dates and dates == sorted(dates)
    assert 'class="moment moment-agreement"' in html or 'class="moment moment-event"' in html
    assert '<link rel="icon" href="/static/favicon.svg"' in html


# --------------------------------------------------------------------------- issue 17's endpoints under issue 16's model

CZ = "https://w3id.org/smartgraph/id/country/cz"
LABEL_PROPERTIES = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
                    "https://schema.org/name", "https://schema.org/headline")


def assert_bad_parameter(r: httpx.Response, name: str) -> None:
    assert r.status_code == 422 and r.headers["content-type"] == "application/problem+json", r.text
    assert r.json()["errors"][0]["name"] == name, r.text


def test_complete_refuses_what_it_cannot_take(client: httpx.Client) -> None:
    city = ("class", "https://schema.org/City")
    for params, name in [([("query", "nothing"), ("param", "country")], "query"), ([("query", "officials"), ("param", "nope")], "param"),
                         ([("query", "events"), ("param", "year")], "param"), ([city, ("bogus", "1")], "bogus"),
                         ([city, ("lang", "fr")], "lang"), ([("class", f"https://example.org/c{i}") for i in range(21)], "class"),
                         ([city, ("limit", "many")], "limit")]:
        assert_bad_parameter(client.get("/complete", params=params), name)
    assert client.get("/complete", params=[city, ("lang", "en-GB"), ("q", "dae")]).json()[0]["label"] == "Daegu"


def test_labels_of_iris_in_either_language(client: httpx.Client) -> None:
    from smartgraph.server.pages import LABELS_MAX

    r = client.get("/labels", params=[("iri", DAEGU), ("iri", CZ), ("iri", "https://example.org/none"), ("lang", "en")])
    assert r.status_code == 200 and r.json() == {DAEGU: "Daegu", CZ: "Czechia"}
    zh = client.post("/labels", data={"iri": [DAEGU, CZ], "lang": "zh-Hant"}).json()
    assert zh[DAEGU].startswith("大邱") and zh[CZ] == "捷克"
    # as many IRIs as a request takes, form-encoded: one label each, one the store holds, in the language asked when it has one
    iris = [b["s"]["value"] for b in client.get("/sparql", params={
        "query": f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER isIRI(?s) }} ORDER BY ?s LIMIT {LABELS_MAX}"}).json()["results"]["bindings"]]
    assert len(iris) == LABELS_MAX
    got = client.post("/labels", data={"iri": iris, "lang": "en"}).json()
    held: dict[str, list[tuple[str, str]]] = {}
    values = " ".join(URIRef(i).n3() for i in iris)
    props = "|".join(URIRef(p).n3() for p in LABEL_PROPERTIES)
    for b in client.post("/sparql", data={"query": f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s {props} ?l FILTER isLiteral(?l) }}"}
                         ).json()["results"]["bindings"]:
        held.setdefault(b["s"]["value"], []).append((b["l"]["value"], b["l"].get("xml:lang", "").lower()))
    assert set(got) == set(held) and len(got) > 50
    for iri, label in got.items():
        english = sorted(v for v, tag in held[iri] if tag.startswith("en"))
        assert label == (english[0] if english else label) and label in [v for v, _ in held[iri]], iri
    # what it does not take: 422 naming the parameter
    assert_bad_parameter(client.post("/labels", data={"iri": [*iris, DAEGU + "x"], "lang": "en"}), "iri")
    for value in [*INJECTIONS, "javascript:alert(1)", "https://w3id.org/x\x01y", ""]:  # never pasted into the query: refused
        assert_bad_parameter(client.get("/labels", params={"iri": value}), "iri")
    for params, name in [({}, "iri"), ({"iri": DAEGU, "lang": "fr"}, "lang"), ({"iri": DAEGU, "bogus": "1"}, "bogus"),
                         ([("iri", DAEGU), ("lang", "en"), ("lang", "zh-Hant")], "lang")]:
        assert_bad_parameter(client.get("/labels", params=params), name)
    r = client.post("/labels", json={"iri": [DAEGU]})
    assert r.status_code == 415 and r.headers["content-type"] == "application/problem+json"


def test_terms_for_the_editors_completion(client: httpx.Client) -> None:
    classes = client.get("/terms", params={"kind": "class"}).json()
    properties = client.get("/terms", params={"kind": "property"}).json()
    assert "https://schema.org/City" in classes and "https://w3id.org/scd#Agreement" in classes
    assert LABEL_PROPERTIES[0] in properties and LABEL_PROPERTIES[0] not in classes
    assert client.get("/terms", params={"kind": "class"}).json() == classes
    for params, name in [({"kind": "things"}, "kind"), ({}, "kind"), ({"kind": "class", "x": "1"}, "x")]:
        assert_bad_parameter(client.get("/terms", params=params), name)


def test_a_bad_language_is_a_bad_parameter_and_the_switch_cookie_is_followed(client: httpx.Client) -> None:
    page = "/id/" + DAEGU.removeprefix("https://w3id.org/smartgraph/id/")
    for path in ("/", page):
        assert_bad_parameter(client.get(path, params={"lang": "fr"}, headers={"Accept": "text/html"}), "lang")
        en = client.get(path, headers={"Accept": "text/html", "Accept-Language": "zh-TW", "Cookie": "smartgraph.lang=en"})
        assert '<html lang="en">' in en.text and "Cookie" in en.headers["vary"]
        odd = client.get(path, headers={"Accept": "text/html", "Accept-Language": "zh-TW", "Cookie": "smartgraph.lang=<b>"})
        assert odd.status_code == 200 and '<html lang="zh-Hant">' in odd.text  # a cookie naming no language counts as none
    assert '<html lang="en">' in client.get("/", params={"lang": "en-GB"}).text
    r = client.post("/favicon.ico")
    assert r.status_code == 405 and r.headers["content-type"] == "application/problem+json" and r.headers["allow"] == "GET"


def test_every_editor_example_runs_within_the_ad_hoc_limits(client: httpx.Client) -> None:
    """The /queries `sparql` field is what the editor's "Examples" opens and sends to /sparql: each runs there, under
    --max-rows (1000 here), a pageable one asking for one page."""
    for q in client.get("/queries").json():
        r = client.post("/sparql", data={"query": q["sparql"]})
        assert r.status_code == 200, (q["name"], r.text[:300])
        assert len(r.json()["results"]["bindings"]) <= 100, q["name"]


def test_link_headers_keep_the_parameters_as_sent_or_encoded(client: httpx.Client) -> None:
    """The next page's Link keeps every other parameter: a percent-encoded IRI as the client sent it, a value with a
    comma (which would split the header) encoded again."""
    country = quote("https://w3id.org/smartgraph/id/country/jp", safe="")
    r = client.get(f"/queries/officials?lang=en&country={country}&limit=1")
    assert r.status_code == 200
    assert f"country={country}&limit=1&offset=0>" in r.headers["link"]
    r = client.get("/queries/sister-cities?lang=en&limit=1&format=application/sparql-results%2Bjson,text/csv;q=0.5")
    first = r.headers["link"].split(", <")[0]
    assert first.startswith("<") and "format=application%2Fsparql-results%2Bjson%2Ctext%2Fcsv%3Bq%3D0.5&limit=1&offset=0>" in first
