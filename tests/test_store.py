"""The embedded store keeps its default graph the union of its named graphs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from smartgraph.errors import StoreError
from smartgraph.sparql.store import EmbeddedStore

EX = "http://example.org/"
G1, G2 = URIRef(EX + "g1"), URIRef(EX + "g2")


def graph(*objects: str) -> Graph:
    g = Graph()
    for o in objects:
        g.add((URIRef(EX + "s"), URIRef(EX + "p"), Literal(o)))
    return g


def default_graph(store: EmbeddedStore) -> set[str]:
    return {q.object.value for q in store._s.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def test_default_graph_is_the_union_of_the_named_graphs() -> None:
    s = EmbeddedStore(None)
    s.replace_graph(G1, graph("shared", "only-1"))
    s.replace_graph(G2, graph("shared", "only-2"))
    assert default_graph(s) == {"shared", "only-1", "only-2"}
    s.replace_graph(G1, graph("new-1"))  # "shared" is still in g2, "only-1" is in no graph any more
    assert default_graph(s) == {"shared", "only-2", "new-1"}
    s.remove_graph(G2)
    assert default_graph(s) == {"new-1"}
    assert len(s) == 1
    assert [q.graph_name for q in s.quads()] == [ox.NamedNode(str(G1))]


def test_an_update_by_hand_leaves_the_union_in_the_default_graph() -> None:
    s = EmbeddedStore(None)
    s.replace_graph(G1, graph("a"))
    s.update(f'INSERT DATA {{ GRAPH <{G2}> {{ <{EX}s> <{EX}p> "b" }} }} ; DELETE DATA {{ GRAPH <{G1}> {{ <{EX}s> <{EX}p> "a" }} }}')
    assert default_graph(s) == {"b"}
    rows = s.select(f"SELECT ?o WHERE {{ <{EX}s> <{EX}p> ?o }}")["results"]["bindings"]
    assert [r["o"]["value"] for r in rows] == ["b"]


def test_a_store_without_the_union_is_refused_read_only_and_upgraded_when_opened_to_write(tmp_path: Path) -> None:
    path = tmp_path / "store"
    s = EmbeddedStore(path)
    s.replace_graph(G1, graph("a", "b"))
    s._s.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")  # what a store of an older smartgraph held: no union
    s.close()
    with pytest.raises(StoreError, match="older smartgraph") as e:
        EmbeddedStore(path, read_only=True)
    assert "smartgraph build" in e.value.hint
    s = EmbeddedStore(path)
    assert default_graph(s) == {"a", "b"}
    s.close()
    assert len(EmbeddedStore(path, read_only=True)) == 2
