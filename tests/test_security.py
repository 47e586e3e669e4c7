"""Safe by default: federation off, bounded bodies and queries, one error model, fair shares under load.

Each test runs a real ``smartgraph serve`` on loopback (tests/server.py) and speaks HTTP to it.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.server import Server

DAEGU = "https://w3id.org/smartgraph/id/place/gn-1835329"
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PROBLEM = "application/problem+json"


class Canary:
    """A local HTTP server that records every request it gets and answers as a SPARQL endpoint with one row."""

    def __init__(self) -> None:
        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                hits.append(f"{self.command} {self.path}")
                body = json.dumps({"head": {"vars": ["canary"]}, "results": {"bindings": [
                    {"canary": {"type": "literal", "value": "tweet"}}]}}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.hits = hits
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def canary() -> Iterator[Canary]:
    c = Canary()
    yield c
    c.close()


@pytest.fixture(scope="module")
def server(built_store: Path) -> Iterator[Server]:
    s = Server(built_store, "--timeout", "6")  # --per-client 2 is the default
    yield s
    s.stop()


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def assert_problem(r: httpx.Response, status: int, field: str | None = None) -> dict[str, object]:
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"] == PROBLEM, r.headers["content-type"]
    doc: dict[str, object] = r.json()
    assert doc["status"] == status and doc["detail"] and doc["title"]
    if field is not None:
        errors = doc["errors"]
        assert isinstance(errors, list) and errors[0]["name"] == field, doc
    return doc


# --------------------------------------------------------------------------- federation


def test_service_is_refused_and_the_canary_hears_nothing(client: httpx.Client, canary: Canary) -> None:
    port = canary.url.split(":")[2].split("/")[0]
    spellings = [
        f"SELECT * WHERE {{ SERVICE <{canary.url}> {{ ?s ?p ?o }} }}",
        f"select * {{ service silent <{canary.url}> {{ ?s ?p ?o }} }}",
        f"PREFIX c: <http://127.0.0.1:{port}/> SELECT * {{ SERVICE c:sparql {{ ?s ?p ?o }} }}",
        f"BASE <http://127.0.0.1:{port}/> SELECT * {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
        f"SELECT * {{ ?s ?p 1.SERVICE <{canary.url}> {{ ?a ?b ?c }} }}",
        f"SELECT * {{ BIND(<{canary.url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        "SELECT * { \\u0053ERVICE <" + canary.url + "> { ?s ?p ?o } }",
    ]
    for q in spellings:
        for r in (client.get("/sparql", params={"query": q}), client.post("/sparql", data={"query": q}),
                  client.post("/sparql", content=q.encode(), headers={"Content-Type": "application/sparql-query"})):
            doc = assert_problem(r, 400)
            assert "SERVICE" in str(doc["detail"]) and "--allow-service" in str(doc["hint"]), (q, doc)
    # a keyword in a string or a comment is not one: such queries run
    harmless = f'SELECT ?x WHERE {{ BIND ("SERVICE <{canary.url}>" AS ?x) }} # SERVICE <{canary.url}>'
    assert client.get("/sparql", params={"query": harmless}).status_code == 200
    time.sleep(0.5)
    assert canary.hits == []
    # the service description no longer claims federation
    sd = client.get("/sparql", headers={"Accept": "application/n-triples"}).text
    assert "BasicFederatedQuery" not in sd


def test_an_allowed_service_is_reached(built_store: Path, canary: Canary) -> None:
    s = Server(built_store, "--allow-service", canary.url)
    try:
        r = httpx.get(s.url + "/sparql", params={"query": f"SELECT ?canary WHERE {{ SERVICE <{canary.url}> {{ ?x ?y ?canary }} }}"},
                      timeout=30)
        assert r.status_code == 200, r.text
        assert [b["canary"]["value"] for b in r.json()["results"]["bindings"]] == ["tweet"]
        assert len(canary.hits) == 1
        other = canary.url.replace("/sparql", "/other")
        assert httpx.get(s.url + "/sparql", params={"query": f"SELECT * {{ SERVICE <{other}> {{ ?s ?p ?o }} }}"}).status_code == 400
        assert len(canary.hits) == 1
    finally:
        s.stop()


def test_load_in_an_update_is_refused_too(built_store: Path, canary: Canary, tmp_path: Path) -> None:
    import shutil

    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    s = Server(store, "--allow-updates", env={"SMARTGRAPH_UPDATE_TOKEN": "t0ken"})
    try:
        r = httpx.post(s.url + "/sparql", data={"update": f"LOAD <{canary.url}> INTO GRAPH <urn:x>"},
                       headers={"Authorization": "Bearer t0ken"}, timeout=30)
        assert_problem(r, 400)
        assert "LOAD" in r.json()["detail"]
        assert canary.hits == []
    finally:
        s.stop()


# --------------------------------------------------------------------------- limits


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: httpx.Client) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_200_000
    assert_problem(client.post("/sparql", content=big.encode(), headers={"Content-Type": "application/sparql-query"}), 413)
    assert_problem(client.post("/sparql", data={"query": big}), 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit holds as the body comes in
        for _ in range(40):
            yield b"#" + b"y" * 65_535

    assert_problem(client.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"}), 413)
    assert client.get("/sparql", params={"query": "ASK {}"}).json()["boolean"] is True


def test_an_over_limit_chunked_body_is_read_on_unkept_up_to_a_bound_before_the_413() -> None:
    """The client still sending a refused body reads the 413, not a reset; one that never stops is cut off."""
    import asyncio

    from smartgraph.server.limits import DRAIN_FACTOR, BodyLimit
    from smartgraph.server.problems import BodyTooLarge, error_response

    async def app(scope: dict, receive: Any, send: Any) -> None:  # reads the whole body; answers as the server's handler does
        try:
            while (await receive())["more_body"]:
                pass
        except BodyTooLarge as exc:
            await error_response(exc)(scope, receive, send)

    def run(chunks: int) -> tuple[int, list[int]]:
        got: list[int] = []
        sent: list[dict] = []

        async def receive() -> dict:
            got.append(1)
            return {"type": "http.request", "body": b"x" * 1000, "more_body": len(got) < chunks}

        async def send(message: Any) -> None:
            sent.append(message)

        asyncio.run(BodyLimit(app, 10_000)({"type": "http", "headers": []}, receive, send))
        return len(got), [m["status"] for m in sent if m["type"] == "http.response.start"]

    assert run(40) == (40, [413])  # 40 kB sent, limit 10 kB: all of it read, then answered
    read, status = run(10**6)  # never ends: read up to the bound, then answered
    assert status == [413] and read == 11 + DRAIN_FACTOR * 10


def test_a_query_over_the_length_limit_is_a_bad_parameter(client: httpx.Client) -> None:
    long = "ASK {} #" + "z" * 70_000  # under the body limit, over the query limit
    doc = assert_problem(client.post("/sparql", data={"query": long}), 422, "query")
    assert "--max-query-length" in str(doc["hint"])
    assert client.post("/sparql", data={"query": "ASK {} #" + "z" * 60_000}).status_code == 200


def test_control_characters_in_an_iri_are_a_bad_parameter(client: httpx.Client) -> None:
    for path, params, field in [("/queries/officials", {"person": "https://w3id.org/x\x01y"}, "person"),
                                ("/queries/provenance", {"entity": "https://w3id.org/x\x7f"}, "entity"),
                                ("/resource", {"iri": "https://w3id.org/x\x01y"}, "iri"),
                                ("/sparql", {"query": "ASK {}", "default-graph-uri": "https://x/\x02"}, "default-graph-uri")]:
        assert_problem(client.get(path, params=params), 422, field)


def test_every_bad_parameter_is_422_problem_json_naming_it(client: httpx.Client) -> None:
    for path, params, field in [("/queries/events", {"year": "twenty"}, "year"), ("/queries/events", {"limit": "many"}, "limit"),
                                ("/queries/events", {"offset": "-1"}, "offset"), ("/queries/events", {"bogus": "1"}, "bogus"),
                                ("/queries/events", {"format": "png"}, "format"), ("/sparql", {"query": "ASK {}", "format": "png"}, "format"),
                                ("/resource", {}, "iri"), ("/sparql", {"query": "ASK {}", "named-graph-uri": "not an iri"}, "named-graph-uri")]:
        assert_problem(client.get(path, params=params), 422, field)
    assert_problem(client.get("/no/such/page"), 404)
    assert_problem(client.get("/queries/nothing"), 404)
    assert_problem(client.put("/sparql", params={"query": "ASK {}"}), 405)
    assert_problem(client.get("/sparql", params={"query": "ASK {"}), 400)
    assert_problem(client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "image/png"}), 406)
    assert_problem(client.post("/sparql", content=b"ASK {}", headers={"Content-Type": "text/plain"}), 415)


def test_an_update_by_get_is_405_and_changes_nothing(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"update": "CLEAR ALL"})
    assert_problem(r, 405)
    assert r.headers["allow"] == "POST"
    assert client.get("/sparql", params={"query": f"ASK {{ <{DAEGU}> ?p ?o }}"}).json()["boolean"] is True


# --------------------------------------------------------------------------- fair shares


def heavy(url: str, source: str, out: dict[str, tuple[int, float]], key: str) -> None:
    with httpx.Client(transport=httpx.HTTPTransport(local_address=source), timeout=60) as c:
        r = c.get(url + "/sparql", params={"query": HEAVY})
        out[key] = (r.status_code, time.monotonic())


def test_cheap_work_goes_on_while_expensive_ad_hoc_queries_run(server: Server, client: httpx.Client) -> None:
    """Four clients (four addresses) each send a query that runs until the 6 s time limit stops it; a canned
    query and an entity page sent meanwhile are answered while those four are still running."""
    done: dict[str, tuple[int, float]] = {}
    threads = [threading.Thread(target=heavy, args=(server.url, f"127.0.0.{i}", done, f"heavy-{i}")) for i in range(2, 6)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    r = client.get("/queries/sister-cities", params={"lang": "en"})
    page = client.get("/id/place/gn-1835329", headers={"Accept": "text/html"}, params={"lang": "en"})
    answered = time.monotonic()
    assert r.status_code == 200 and "Daegu" in r.text
    assert page.status_code == 200 and "Daegu" in page.text
    still_running = [k for k in (f"heavy-{i}" for i in range(2, 6)) if k not in done]
    for t in threads:
        t.join(60)
    assert len(done) == 4 and all(status in (503, 429) for status, _ in done.values()), done
    assert still_running == sorted(done), "the cheap requests waited for the expensive ones"
    assert all(at > answered for _, at in done.values())


def test_a_client_over_its_share_gets_429_with_retry_after(server: Server) -> None:
    done: dict[str, tuple[int, float]] = {}
    threads = [threading.Thread(target=heavy, args=(server.url, "127.0.0.9", done, f"mine-{i}")) for i in range(2)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.9"), timeout=30) as c:
        third = c.get(server.url + "/sparql", params={"query": "ASK {}"})
    refused_while_running = len(done) == 0
    with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.10"), timeout=30) as c:
        other = c.get(server.url + "/sparql", params={"query": "ASK {}"})
    for t in threads:
        t.join(60)
    doc = assert_problem(third, 429)
    assert int(third.headers["retry-after"]) >= 1 and "--per-client" in str(doc["hint"])
    assert refused_while_running
    assert other.status_code in (200, 503), other.text  # another client is not refused for this one's share


def test_the_pages_own_requests_are_cheap_work_not_the_sparql_share(server: Server) -> None:
    """The web page's labels (/labels), completion (/complete) and editor terms (/terms) run in the cheap lane: a client
    whose two /sparql queries are running (its whole ad-hoc share) still gets them answered."""
    done: dict[str, tuple[int, float]] = {}
    threads = [threading.Thread(target=heavy, args=(server.url, "127.0.0.11", done, f"mine-{i}")) for i in range(2)]
    for t in threads:
        t.start()
    time.sleep(1.0)
    with httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.11"), base_url=server.url, timeout=30) as c:
        third = c.get("/sparql", params={"query": "ASK {}"})
        labels = c.post("/labels", data={"iri": [DAEGU], "lang": "en"})
        complete = c.get("/complete", params={"class": "https://schema.org/City", "q": "dae", "lang": "en"})
        terms = c.get("/terms", params={"kind": "class"})
    while_running = len(done) == 0
    for t in threads:
        t.join(60)
    assert_problem(third, 429)
    assert labels.status_code == 200 and labels.json() == {DAEGU: "Daegu"}
    assert complete.status_code == 200 and complete.json()[0]["iri"] == DAEGU
    assert terms.status_code == 200 and "https://schema.org/City" in terms.json()
    assert while_running


def burst(url: str, params: dict[str, str], n: int) -> list[httpx.Response]:
    """``n`` GET requests sent at the same moment from one address."""
    got: list[httpx.Response] = []
    start = threading.Barrier(n)

    def ask() -> None:
        start.wait()
        got.append(httpx.get(url, params=params, timeout=30))

    threads = [threading.Thread(target=ask) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return got


def test_complete_and_labels_count_against_the_cheap_share(built_store: Path) -> None:
    """With --per-client-pages 1, requests of one client that overlap get 429 (one at a time is answered)."""
    s = Server(built_store, "--per-client-pages", "1")
    try:
        for path, params in [("/complete", {"class": "https://schema.org/City", "q": "a"}), ("/labels", {"iri": DAEGU})]:
            for _ in range(3):  # sixteen at once overlap (each waits for a worker process); a round without overlap is tried again
                got = burst(s.url + path, params, 16)
                statuses = sorted(r.status_code for r in got)
                assert set(statuses) <= {200, 429}, statuses
                if 429 in statuses:
                    break
            assert 200 in statuses and 429 in statuses, (path, statuses)
            refused = next(r for r in got if r.status_code == 429)
            assert "--per-client-pages" in str(assert_problem(refused, 429)["hint"]) and int(refused.headers["retry-after"]) >= 1
            assert httpx.get(s.url + path, params=params, timeout=30).status_code == 200  # one at a time is answered
    finally:
        s.stop()


def test_the_client_is_the_peer_unless_a_trusted_proxy_names_it(built_store: Path, tmp_path: Path) -> None:
    """X-Forwarded-For counts only from an address given with --trusted-proxy: a client cannot pick its own share."""
    seen = {}
    for trusted in (False, True):
        log = tmp_path / f"serve-{trusted}.log"
        s = Server(built_store, *(["--trusted-proxy", "127.0.0.1"] if trusted else []), log=log)
        try:
            httpx.get(s.url + "/health", headers={"X-Forwarded-For": "203.0.113.7"}, timeout=30)
        finally:
            s.stop()
        lines = [json.loads(ln) for ln in log.read_text(encoding="utf-8").splitlines() if ln.startswith("{")]
        seen[trusted] = {x["client"] for x in lines if x["path"] == "/health"}
    assert "203.0.113.7" not in seen[False] and seen[False] == {"127.0.0.1"}
    assert "203.0.113.7" in seen[True]


def test_limits_are_set_by_flag_or_environment(built_store: Path) -> None:
    s = Server(built_store, "--max-body", "2048", env={"SMARTGRAPH_MAX_QUERY_LENGTH": "300"})
    try:
        with httpx.Client(base_url=s.url, timeout=30) as c:
            assert_problem(c.post("/sparql", data={"query": "ASK {} #" + "a" * 400}), 422, "query")  # over 300 characters
            assert_problem(c.post("/sparql", data={"query": "ASK {} #" + "b" * 3000}), 413)  # over 2048 bytes
            assert c.post("/sparql", data={"query": "ASK {} #" + "c" * 200}).json()["boolean"] is True
    finally:
        s.stop()
