"""Loading into real triplestores started here on loopback (Oxigraph server and Virtuoso, tests/triplestores.py), and querying them there."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from smartgraph import pipeline
from smartgraph.config import Settings
from smartgraph.errors import StoreError
from smartgraph.queries import Catalog
from smartgraph.sparql.remote import RemoteStore
from smartgraph.sparql.store import open_store
from tests.server import free_port
from tests.triplestores import STORES, Oxigraph, Triplestore

BASE = "https://w3id.org/smartgraph/id/"
DAEGU = BASE + "place/gn-1835329"


@pytest.fixture(params=sorted(STORES))
def triplestore(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Triplestore]:
    """Each real triplestore in turn, started on loopback in a fresh folder."""
    ts = STORES[request.param](tmp_path / request.param)
    yield ts
    ts.stop()


@pytest.fixture()
def oxigraph(tmp_path: Path) -> Iterator[Triplestore]:
    ts = Oxigraph(tmp_path / "oxigraph")
    yield ts
    ts.stop()


def ours(counts: dict[str, int]) -> dict[str, int]:
    """Our graphs only (Virtuoso keeps system graphs of its own)."""
    return {g: n for g, n in counts.items() if g.startswith(BASE)}


def canned_rows(run: object, catalog: Catalog) -> dict[str, set[tuple[tuple[str, str], ...]]]:
    """Each canned query's rows as a set; a GROUP_CONCAT's items sorted (SPARQL leaves their order to the store)."""
    out = {}
    for q in catalog:
        text = q.prepare({"entity": DAEGU} if q.name == "provenance" else {})
        seps = {col: sep for sep, col in re.findall(r'GROUP_CONCAT\(.*?separator="(.*?)"\) AS \?(\w+)', text)}
        rows = run(text)["results"]["bindings"]  # type: ignore[operator]
        out[q.name] = {tuple(sorted((k, seps[k].join(sorted(v["value"].split(seps[k]))) if k in seps else v["value"])
                                    for k, v in r.items())) for r in rows}
    return out


def test_load_verify_and_the_same_canned_answers(built_store: Path, triplestore: Triplestore) -> None:
    st = open_store(built_store, read_only=True)
    remote = triplestore.remote()
    report = pipeline.load(st, remote, batch=500)  # the long release goes in batches through a scratch graph
    assert report.ok and report.graphs == 3 and report.triples == len(st)
    assert ours(remote.graph_counts()) == st.graph_counts()
    catalog = Catalog.load()
    here, there = canned_rows(st.select, catalog), canned_rows(remote.select, catalog)
    for name in here:
        assert here[name] == there[name], name
        assert here[name], name
    # loading again changes nothing: no duplicates
    assert pipeline.load(st, remote).ok
    assert ours(remote.graph_counts()) == st.graph_counts()


def test_graph_store_protocol_put(built_store: Path, oxigraph: Triplestore) -> None:
    st = open_store(built_store, read_only=True)
    remote = RemoteStore(oxigraph.url + "/query", graph_store_url=oxigraph.url + "/store")
    assert pipeline.load(st, remote).ok
    assert remote.graph_counts() == st.graph_counts()


def test_small_graphs_go_several_to_a_request(built_store: Path, oxigraph: Triplestore) -> None:
    st = open_store(built_store, read_only=True)
    remote = oxigraph.remote()
    updates: list[httpx.Request] = []
    remote.http.event_hooks["request"].append(lambda r: updates.append(r) if r.url.path == "/update" else None)
    report = pipeline.load(st, remote)
    assert report.ok and report.graphs == len(st.graph_counts()) >= 3
    bodies = [httpx.QueryParams(r.content.decode()).get("update", "") for r in updates]
    assert len(updates) == 2 and "language tags" not in bodies[1]
    # first, alone, the language tags (Virtuoso numbers a new tag in the transaction that first uses it:
    # parallel loads could lose it); then every graph fits in one batch: one request drops and inserts them all
    assert '"zh-hant"@zh-hant' in bodies[0] and '"en"@en' in bodies[0] and "DROP SILENT GRAPH" in bodies[0]
    assert "INSERT DATA" in bodies[1] and "@zh-hant" in bodies[1].lower()
    assert ours(remote.graph_counts()) == st.graph_counts()
    assert not [g for g in remote.graph_counts() if "smartgraph-loading" in g]  # the scratch graph is gone


def test_bulk_sends_new_graphs_without_a_transaction_and_replaces_held_ones_atomically(
        built_store: Path, oxigraph: Triplestore) -> None:
    st = open_store(built_store, read_only=True)
    remote = RemoteStore(oxigraph.url + "/query", oxigraph.url + "/update", oxigraph.url + "/store")
    seen: list[tuple[str, str, str]] = []
    remote.http.event_hooks["request"].append(lambda r: seen.append((r.method, r.url.path, r.url.query.decode())))
    ontology = next(g for g in st.graph_counts() if g.endswith("/graph/ontology"))
    remote.replace_graph(ontology, ['<http://example.org/old> <http://example.org/p> "held before" .'])
    seen.clear()
    report = pipeline.load(st, remote, bulk=True)
    assert report.ok and ours(remote.graph_counts()) == st.graph_counts()
    bulk = [s for s in seen if s[2].startswith("no_transaction")]
    assert len(bulk) == 1 and bulk[0][:2] == ("POST", "/store")  # the two releases' graphs, new there, in one request
    assert ("PUT", "/store", "graph=" + ontology.replace(":", "%3A").replace("/", "%2F")) in seen  # held: replaced whole
    # loaded again: nothing is new any more, every graph goes the atomic way
    seen.clear()
    assert pipeline.load(st, remote, bulk=True).ok
    assert not [s for s in seen if s[2].startswith("no_transaction")]
    with pytest.raises(StoreError, match="Graph Store Protocol") as e:  # bulk needs the /store URL
        RemoteStore(oxigraph.url + "/query", oxigraph.url + "/update").add_graphs_bulk(["http://example.org/g"], b"")
    assert "--graph-store" in e.value.hint


def test_a_load_cut_off_leaves_every_graph_old_or_new(built_store: Path, corpus: Path, tmp_path: Path,
                                                      triplestore: Triplestore) -> None:
    old = open_store(built_store, read_only=True)
    assert pipeline.load(old, triplestore.remote(), batch=500).ok
    old_counts = old.graph_counts()
    # a new version of the corpus: the long release gains a paragraph naming one more city
    doc = sorted(corpus.glob("*.txt"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n臺北市長並與日本福岡市長簽署智慧城市合作備忘錄。\n", encoding="utf-8")
    new_path = tmp_path / "new-store"
    new = open_store(new_path)
    assert pipeline.build([corpus], new, Settings(store=new_path)).ok
    # its graph also gains triples of its own, so that old and new tell apart by their counts whatever facts the
    # extraction finds in the paragraph (main's finds none that add a triple)
    name = next(g for g in new.graph_counts() if g.endswith("/graph/" + doc.stem))
    extra = "".join(f'<{name}#note> <http://www.w3.org/2000/01/rdf-schema#comment> "note {i}" .\n' for i in range(40))
    new.replace_graph_nt(name, new.graph_ntriples(name).decode("utf-8") + extra)
    new_counts = new.graph_counts()
    assert new_counts != old_counts

    sent: list[str] = []
    killed_at: list[tuple[int, int]] = []

    def kill_midway(graph: str, done: int, total: int) -> None:
        sent.append(graph)
        if not killed_at and done < total:  # in the middle of the long graph's batches (graphs go four at a time)
            triplestore.kill()
            killed_at.append((done, total))

    with pytest.raises(StoreError, match="graph <"):
        pipeline.load(new, triplestore.remote(retries=1, backoff_s=0.05), batch=500, on_progress=kill_midway)
    assert killed_at and killed_at[0][0] < killed_at[0][1]  # the kill came in the middle of a graph
    triplestore.start()
    remote = triplestore.remote()
    after = {g: n for g, n in ours(remote.graph_counts()).items() if not g.endswith("/.smartgraph-loading")}
    assert set(after) == set(old_counts)
    for g, n in after.items():
        assert n in (old_counts.get(g), new_counts.get(g)), g
    assert pipeline.load(new, remote, batch=500).ok  # a rerun completes, scratch graphs gone
    assert ours(remote.graph_counts()) == new_counts


def test_refused_requests_name_the_graph(built_store: Path, oxigraph: Oxigraph) -> None:
    st = open_store(built_store, read_only=True)
    remote = RemoteStore(oxigraph.url + "/query", oxigraph.url + "/query", retries=0)  # updates sent to the query URL
    with pytest.raises(StoreError, match=r"^language tags: .*answered 400"):  # the first write a load sends
        pipeline.load(st, remote)
    name = next(iter(st.graph_counts()))
    with pytest.raises(StoreError, match=r"graph <https://w3id.org/smartgraph/id/graph/.*answered"):
        remote.replace_graphs([(name, st.graph_lines(name))])
    with pytest.raises(StoreError, match="not an http"):
        RemoteStore("ftp://x")


def test_cli_load_query_and_serve_over_the_endpoint(built_store: Path, triplestore: Triplestore) -> None:
    from tests.server import Server
    from tests.test_cli import run

    remote = triplestore.remote()
    code, out, err = run("load", "--endpoint", remote.query_url, "--update-endpoint", remote.update_url, "--store", str(built_store))
    assert code == 0 and "every graph's count verified" in out
    code, out, _ = run("query", "sister-cities", "--endpoint", triplestore.query_url, "--format", "csv", "-p", "lang=en")
    assert code == 0 and "Daegu" in out and "Prague" in out
    code, _, err = run("query", "events", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert code == 3 and "how to fix" in err
    s = Server(built_store, "--endpoint", triplestore.query_url)
    try:
        r = httpx.get(s.url + "/queries/officials", params={"lang": "en", "limit": "5"}, timeout=30)
        assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 5 and 'rel="next"' in r.headers["link"]
        page = httpx.get(s.url + "/id/place/gn-1835329", headers={"Accept": "text/html"}, params={"lang": "en"}, timeout=30)
        assert "Daegu" in page.text and "<mark>" in page.text
    finally:
        s.stop()


# --------------------------------------------------------------------------- a triplestore without a union default graph


@pytest.fixture()
def plain_oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    """Oxigraph server as it starts by default: its default graph is a graph of its own, not the union."""
    ts = Oxigraph(tmp_path / "plain", union=False)
    yield ts
    ts.stop()


def test_load_finds_a_default_graph_that_is_not_the_union_and_says_how_to_fix_it(built_store: Path, plain_oxigraph: Oxigraph) -> None:
    from tests.test_cli import run

    args = ("load", "--endpoint", plain_oxigraph.url + "/query", "--update-endpoint", plain_oxigraph.url + "/update",
            "--store", str(built_store))
    code, out, err = run(*args)
    assert code == 1, err
    assert "every graph's count verified" in out  # the graphs are there ...
    assert "not the union" in err and "--union-default-graph" in err and "--write-union" in err and "--named-graphs" in err
    remote = plain_oxigraph.remote()
    assert ours(remote.graph_counts()) == open_store(built_store, read_only=True).graph_counts()
    assert not remote.select(f"ASK {{ <{DAEGU}> ?p ?o }}")["boolean"]  # ... but the canned queries would find nothing


def test_the_named_graphs_form_of_the_canned_queries_works_on_any_store(built_store: Path, plain_oxigraph: Oxigraph) -> None:
    from tests.test_cli import run

    st = open_store(built_store, read_only=True)
    assert pipeline.load(st, plain_oxigraph.remote()).union_default is False
    catalog = Catalog.load()
    here = canned_rows(st.select, catalog)
    graphs = ours(plain_oxigraph.remote().graph_counts())
    from smartgraph.queries import from_graphs

    there = canned_rows(lambda text: plain_oxigraph.remote().select(from_graphs(text, sorted(graphs))), catalog)
    for name in here:
        assert here[name] == there[name] and here[name], name
    code, out, err = run("query", "sister-cities", "--endpoint", plain_oxigraph.query_url, "--named-graphs", "--format", "csv",
                         "-p", "lang=en")
    assert code == 0 and "Daegu" in out and "Prague" in out, err
    code, out, _ = run("query", "sister-cities", "--endpoint", plain_oxigraph.query_url, "--format", "csv", "-p", "lang=en")
    assert code == 0 and "Daegu" not in out  # the default graph form finds nothing there


def test_write_union_makes_the_canned_queries_answer_there(built_store: Path, plain_oxigraph: Oxigraph) -> None:
    from tests.test_cli import run

    remote = plain_oxigraph.remote()
    remote.update('INSERT DATA { <http://example.org/stale> <http://example.org/p> "only in the default graph" }')
    code, out, err = run("load", "--endpoint", plain_oxigraph.url + "/query", "--update-endpoint", plain_oxigraph.url + "/update",
                         "--store", str(built_store), "--write-union")
    assert code == 0, err
    assert "--write-union" in out
    st = open_store(built_store, read_only=True)
    catalog = Catalog.load()
    here, there = canned_rows(st.select, catalog), canned_rows(remote.select, catalog)
    for name in here:
        assert here[name] == there[name] and here[name], name
    assert not remote.select("ASK { <http://example.org/stale> ?p ?o }")["boolean"]  # the default graph is exactly the union
    code, _, err = run("load", "--endpoint", plain_oxigraph.url + "/query", "--update-endpoint", plain_oxigraph.url + "/update",
                       "--store", str(built_store))
    assert code == 0, err  # loaded again: the union is there, nothing to fix
