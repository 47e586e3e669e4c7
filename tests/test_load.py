"""Loading into a real Oxigraph server (PyPI `oxigraph`, started here on loopback) and querying it there."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from smartgraph import pipeline
from smartgraph.config import Settings
from smartgraph.errors import StoreError
from smartgraph.queries import Catalog
from smartgraph.remote import RemoteStore
from smartgraph.store import open_store
from tests.server import free_port

DAEGU = "https://w3id.org/smartgraph/id/place/gn-1835329"


class Oxigraph:
    def __init__(self, location: Path) -> None:
        self.location = location
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def start(self) -> None:
        exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
        assert exe, "the oxigraph server is needed: pip install oxigraph (the test extra installs it)"
        self.proc = subprocess.Popen([exe, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
                                      "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                httpx.get(self.url + "/query", params={"query": "ASK {}"}, timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("oxigraph serve did not start")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def remote(self, **kw: object) -> RemoteStore:
        return RemoteStore(self.url + "/query", self.url + "/update", **kw)  # type: ignore[arg-type]


@pytest.fixture()
def oxigraph(tmp_path: Path) -> Iterator[Oxigraph]:
    ox = Oxigraph(tmp_path / "oxigraph")
    yield ox
    ox.kill()


def canned_rows(run: object, catalog: Catalog) -> dict[str, set[tuple[tuple[str, str], ...]]]:
    out = {}
    for q in catalog:
        text = q.prepare({"entity": DAEGU} if q.name == "provenance" else {})
        rows = run(text)["results"]["bindings"]  # type: ignore[operator]
        out[q.name] = {tuple(sorted((k, v["value"]) for k, v in r.items())) for r in rows}
    return out


def test_load_verify_and_the_same_canned_answers(built_store: Path, oxigraph: Oxigraph) -> None:
    st = open_store(built_store, read_only=True)
    remote = oxigraph.remote()
    report = pipeline.load(st, remote, batch=500)  # the long release goes in batches through a scratch graph
    assert report.ok and report.graphs == 3 and report.triples == len(st)
    assert remote.graph_counts() == st.graph_counts()
    catalog = Catalog.load()
    here, there = canned_rows(st.select, catalog), canned_rows(remote.select, catalog)
    for name in here:
        assert here[name] == there[name], name
        assert here[name], name
    # loading again changes nothing: no duplicates
    assert pipeline.load(st, remote).ok
    assert remote.graph_counts() == st.graph_counts()


def test_graph_store_protocol_put(built_store: Path, oxigraph: Oxigraph) -> None:
    st = open_store(built_store, read_only=True)
    remote = RemoteStore(oxigraph.url + "/query", graph_store_url=oxigraph.url + "/store")
    assert pipeline.load(st, remote).ok
    assert remote.graph_counts() == st.graph_counts()


def test_a_load_cut_off_leaves_every_graph_old_or_new(built_store: Path, corpus: Path, tmp_path: Path, oxigraph: Oxigraph) -> None:
    old = open_store(built_store, read_only=True)
    assert pipeline.load(old, oxigraph.remote(), batch=500).ok
    old_counts = old.graph_counts()
    # a new version of the corpus: the long release gains a paragraph naming one more city
    doc = sorted(corpus.glob("*.txt"))[0]
    doc.write_text(doc.read_text(encoding="utf-8") + "\n臺北市長並與日本福岡市長簽署智慧城市合作備忘錄。\n", encoding="utf-8")
    new_path = tmp_path / "new-store"
    new = open_store(new_path)
    assert pipeline.build([corpus], new, Settings(store=new_path)).ok
    new_counts = new.graph_counts()
    assert new_counts != old_counts

    sent: list[str] = []

    def kill_midway(graph: str, done: int, total: int) -> None:
        sent.append(graph)
        if len(sent) == 3 and done < total:  # in the middle of the long graph's batches
            oxigraph.kill()

    with pytest.raises(StoreError, match="graph <"):
        pipeline.load(new, oxigraph.remote(retries=1, backoff_s=0.05), batch=500, on_progress=kill_midway)
    oxigraph.start()
    remote = oxigraph.remote()
    after = {g: n for g, n in remote.graph_counts().items() if not g.endswith("/.smartgraph-loading")}
    for g, n in after.items():
        assert n in (old_counts.get(g), new_counts.get(g)), g
    assert pipeline.load(new, remote, batch=500).ok  # a rerun completes, scratch graphs gone
    assert remote.graph_counts() == new_counts


def test_refused_requests_name_the_graph(built_store: Path, oxigraph: Oxigraph) -> None:
    st = open_store(built_store, read_only=True)
    remote = RemoteStore(oxigraph.url + "/query", oxigraph.url + "/query", retries=0)  # updates sent to the query URL
    with pytest.raises(StoreError, match=r"graph <https://w3id.org/smartgraph/id/graph/.*answered"):
        pipeline.load(st, remote)
    with pytest.raises(StoreError, match="not an http"):
        RemoteStore("ftp://x")


def test_cli_load_query_and_serve_over_the_endpoint(built_store: Path, oxigraph: Oxigraph) -> None:
    from tests.server import Server
    from tests.test_cli import run

    code, out, err = run("load", "--endpoint", oxigraph.url + "/query", "--update-endpoint", oxigraph.url + "/update",
                         "--store", str(built_store))
    assert code == 0 and "every graph's count verified" in out
    code, out, _ = run("query", "sister-cities", "--endpoint", oxigraph.url + "/query", "--format", "csv", "-p", "lang=en")
    assert code == 0 and "Daegu" in out and "Prague" in out
    code, _, err = run("query", "events", "--endpoint", f"http://127.0.0.1:{free_port()}/query")
    assert code == 3 and "how to fix" in err
    s = Server(built_store, "--endpoint", oxigraph.url + "/query")
    try:
        r = httpx.get(s.url + "/queries/officials", params={"lang": "en", "limit": "5"}, timeout=30)
        assert r.status_code == 200 and len(r.json()["results"]["bindings"]) == 5 and 'rel="next"' in r.headers["link"]
        page = httpx.get(s.url + "/id/place/gn-1835329", headers={"Accept": "text/html"}, params={"lang": "en"}, timeout=30)
        assert "Daegu" in page.text and "<mark>" in page.text
    finally:
        s.stop()
