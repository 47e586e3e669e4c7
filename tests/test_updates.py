"""SPARQL Update through the server: whole or not at all, the default graph kept the union of the named graphs.

The rewriting of an update (``sparql.union.with_reunion``) is checked on real pyoxigraph stores against the full
re-making of the union; the server is then timed out and killed in the middle of updates of a store of
80 generated releases, and the union compared with the named graphs afterwards.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from smartgraph import pipeline
from smartgraph.config import Settings
from smartgraph.sparql.store import EmbeddedStore
from smartgraph.sparql.union import REUNION, with_reunion
from smartgraph.sparqlscan import touched_graphs
from smartgraph.vocab import NOT_DERIVED
from tests.server import Server

from .conftest import ROOT

EX = "http://example.org/"
TOKEN = {"SMARTGRAPH_UPDATE_TOKEN": "s3cret"}
AUTH = {"Authorization": "Bearer s3cret"}
# the default graph is the union of the named graphs but the derived one of materialised query rows (smartgraph.summaries)
UNION_BROKEN = (f"ASK {{ {{ ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({NOT_DERIVED}) }} }} "
                f"UNION {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({NOT_DERIVED} && NOT EXISTS {{ ?s ?p ?o }}) }} }}")

# (update, whether it is rewritten around the graphs it names rather than followed by the whole union)
UPDATES = [
    (f'INSERT DATA {{ GRAPH <{EX}g1> {{ <{EX}s> <{EX}p> "a", "shared" }} GRAPH <{EX}g2> {{ <{EX}s> <{EX}p> "shared", "b" }} }}', True),
    (f'PREFIX e: <{EX}> INSERT DATA {{ GRAPH e:g3 {{ e:s e:p "c" ; e:q "{{not a brace}}" }} }} ;', True),
    (f'DELETE DATA {{ GRAPH <{EX}g1> {{ <{EX}s> <{EX}p> "shared" }} }}', True),  # still in g2: stays in the union
    (f'DELETE DATA {{ GRAPH <{EX}g2> {{ <{EX}s> <{EX}p> "shared" }} }} # gone from every graph now', True),
    (f"MOVE <{EX}g2> TO <{EX}g4> ; COPY GRAPH <{EX}g4> TO GRAPH <{EX}g5>", True),
    (f"ADD SILENT <{EX}g1> TO <{EX}g5> ; DROP GRAPH <{EX}g3>", True),
    (f"CLEAR SILENT GRAPH <{EX}g4> ; CREATE GRAPH <{EX}g6>", True),
    (f"INSERT {{ GRAPH <{EX}g7> {{ ?s <{EX}copied> ?o }} }} WHERE {{ GRAPH <{EX}g5> {{ ?s ?p ?o }} }}", False),
    (f'INSERT DATA {{ <{EX}s> <{EX}p> "only in the default graph" }}', False),
    (f"MOVE DEFAULT TO <{EX}g8>", False),
    (f'BASE <{EX}> INSERT DATA {{ GRAPH <relative> {{ <{EX}s> <{EX}p> "r" }} }}', False),
    (f"DROP GRAPH <{EX}g5> ; CLEAR ALL", False),
]


def quads(store: ox.Store, graph: object = None) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store.quads_for_pattern(None, None, None, graph)}


def test_the_rewritten_update_keeps_the_union_as_the_whole_reunion_does() -> None:
    """Each update, rewritten, leaves the same quads as the update followed by the re-making of the whole union."""
    ours, reference = ox.Store(), ox.Store()
    targeted = 0
    for update, around_graphs in UPDATES:
        assert (touched_graphs(update) is not None) == around_graphs, update
        full = with_reunion(update)
        assert full is not None
        ours.update(full, base_iri=EX)
        reference.update(update, base_iri=EX)
        reference.update(REUNION)
        assert quads(ours) == quads(reference), update
        assert not bool(ours.query(UNION_BROKEN)), update
        targeted += around_graphs
    assert targeted >= 6 and quads(ours) == set()  # CLEAR ALL at the end


def test_an_update_of_nothing_runs_nothing() -> None:
    assert with_reunion("  # only a comment\n") is None
    assert touched_graphs("PREFIX e: <http://example.org/>") == []


@pytest.fixture(scope="module")
def store80(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """80 generated releases: the whole union takes about a second to re-make here, long enough to cut off."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    folder = tmp_path_factory.mktemp("corpus80")
    corpus.generate(80, folder, seed=3)
    path = tmp_path_factory.mktemp("store80") / "store"
    st = EmbeddedStore(path)
    assert pipeline.build([folder], st, Settings(store=path), workers=2).ok
    st.close()
    return path


def union_holds(path: Path) -> bool:
    return not bool(ox.Store.read_only(str(path)).query(UNION_BROKEN))


def has(path: Path, pattern: str) -> bool:
    return bool(ox.Store.read_only(str(path)).query(f"ASK {{ {pattern} }}"))


SLOW = (f"INSERT {{ GRAPH <{EX}added> {{ <{EX}s> <{EX}p> ?n }} }} WHERE {{ BIND (42 AS ?n) }}")  # a WHERE: the whole union
# seconds whatever the machine: a count over the union's cross product, then the insert and the whole union again
SLOWER = (f"INSERT {{ GRAPH <{EX}added> {{ <{EX}s> <{EX}p> ?n }} }} "
          "WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f } } }")


def test_an_update_that_times_out_writes_nothing(store80: Path, tmp_path: Path) -> None:
    path = tmp_path / "store"
    shutil.copytree(store80, path)
    s = Server(path, "--allow-updates", "--timeout", "0.2", env=TOKEN)
    try:
        r = httpx.post(s.url + "/sparql", data={"update": SLOW}, headers=AUTH, timeout=60)
    finally:
        s.stop()
    assert r.status_code == 503, r.text
    assert not has(path, f"GRAPH <{EX}added> {{ ?s ?p ?o }}")
    assert union_holds(path)
    assert "nothing of it was written" in r.json()["detail"]


def test_an_update_that_completes_is_whole_and_served_at_once(store80: Path, tmp_path: Path) -> None:
    path = tmp_path / "store"
    shutil.copytree(store80, path)
    s = Server(path, "--allow-updates", "--timeout", "60", env=TOKEN)
    try:
        with httpx.Client(base_url=s.url, timeout=60) as c:
            assert c.post("/sparql", data={"update": SLOW}, headers=AUTH).status_code == 204
            ask = f"ASK {{ <{EX}s> <{EX}p> 42 }}"  # the default graph: the union, served from a new snapshot
            assert c.get("/sparql", params={"query": ask}).json()["boolean"] is True
            quick = f"DELETE DATA {{ GRAPH <{EX}added> {{ <{EX}s> <{EX}p> 42 }} }}"
            assert c.post("/sparql", content=quick.encode(), headers={**AUTH, "Content-Type": "application/sparql-update"}).status_code == 204
            assert c.get("/sparql", params={"query": ask}).json()["boolean"] is False
    finally:
        s.stop()
    assert union_holds(path)


def test_a_server_killed_in_the_middle_of_an_update_leaves_it_whole_or_absent(store80: Path, tmp_path: Path) -> None:
    path = tmp_path / "store"
    shutil.copytree(store80, path)
    s = Server(path, "--allow-updates", "--timeout", "60", env=TOKEN)
    import threading

    got: list[object] = []

    def send() -> None:
        try:
            got.append(httpx.post(s.url + "/sparql", data={"update": SLOWER}, headers=AUTH, timeout=60).status_code)
        except httpx.HTTPError as e:
            got.append(e)

    t = threading.Thread(target=send)
    t.start()
    time.sleep(0.6)  # the writer process is in the middle of its transaction
    os.kill(s.proc.pid, signal.SIGKILL)
    s.proc.wait()
    t.join(30)
    assert got and not isinstance(got[0], int), got  # cut off: no answer
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # the writer ends with the server (its lifeline): the store comes free
        try:
            EmbeddedStore(path, lock_wait_s=0).close()
            break
        except OSError:
            time.sleep(0.2)
    assert union_holds(path)
    added = has(path, f"GRAPH <{EX}added> {{ ?s ?p ?o }}")
    assert added == has(path, f"<{EX}s> <{EX}p> ?n")  # whole (in its graph and in the union) or absent
