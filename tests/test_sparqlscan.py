"""The SPARQL lexer behind the federation check and the update rewriting (smartgraph.sparqlscan)."""

from __future__ import annotations

import pytest

from smartgraph.sparqlscan import DatasetConflict, ServiceRefused, check_fetches, fetch_targets, split_prologue, with_using

SELF = "http://127.0.0.1:8000/sparql"


@pytest.mark.parametrize("query,targets", [
    ("SELECT * WHERE { SERVICE <http://a.example/s> { ?s ?p ?o } }", [("SERVICE", "http://a.example/s")]),
    ("select * { service silent <http://a.example/s> {} }", [("SERVICE", "http://a.example/s")]),
    ("PREFIX e: <http://b.example/> SELECT * { SERVICE e:x {} }", [("SERVICE", "http://b.example/x")]),
    ("BASE <http://c.example/> SELECT * { SERVICE <d> {} }", [("SERVICE", "http://c.example/d")]),
    ("SELECT * { SERVICE <./other> {} }", [("SERVICE", "http://127.0.0.1:8000/other")]),  # relative: against the endpoint
    ("SELECT * { ?s ?p 1.SERVICE <http://e.example/> {} }", [("SERVICE", "http://e.example/")]),
    ("SELECT * { ?s ?p ?o .SERVICE ?x {} }", [("SERVICE", None)]),
    ("SELECT * { \\u0053ERVICE <http://f.example/> {} }", [("SERVICE", "http://f.example/")]),
    ("SELECT * { SERVICE<http://g.example/>{} }", [("SERVICE", "http://g.example/")]),
    ("LOAD <http://h.example/data.ttl> INTO GRAPH <http://i.example/>", [("LOAD", "http://h.example/data.ttl")]),
    ('SELECT * { ?s ?p "SERVICE <http://no.example/>" } # SERVICE <http://no.example/>', []),
    ("SELECT ?service { ?service e:service ?o }", []),
])
def test_fetch_targets(query: str, targets: list[tuple[str, str | None]]) -> None:
    assert fetch_targets(query, SELF) == targets


def test_only_allowed_urls_pass() -> None:
    check_fetches("SELECT * { SERVICE <http://a.example/s> {} }", ["http://a.example/s"], SELF)
    with pytest.raises(ServiceRefused, match=r"http://a\.example/t") as e:
        check_fetches("SELECT * { SERVICE <http://a.example/t> {} }", ["http://a.example/s"], SELF)
    assert "--allow-service http://a.example/t" in e.value.hint
    with pytest.raises(ServiceRefused, match="not a full http"):
        check_fetches("SELECT * { SERVICE ?x {} }", ["http://a.example/s"], SELF)


def test_using_clauses_go_before_each_where() -> None:
    update = ("PREFIX f: <http://xmlns.com/foaf/0.1/> CLEAR ALL ; INSERT DATA { GRAPH <http://g/1> { <http://g/1> a f:Document } } ;\n"
              "INSERT { GRAPH <http://g/out> { ?s a f:Thing } } WHERE { ?s a f:Document } ; DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    out = with_using(update, ["http://g/1"], ["http://g/2"])
    assert out.count("USING <http://g/1> USING NAMED <http://g/2> WHERE") == 2 and "DATA { GRAPH" in out
    with pytest.raises(DatasetConflict):
        with_using("WITH <http://g/a> DELETE { ?s ?p 1 } WHERE { ?s ?p 1 }", [], ["http://g/b"])
    with pytest.raises(DatasetConflict):
        with_using("DELETE WHERE { ?s ?p 1 }", ["http://g/b"], [])
    assert with_using(update, [], []) == update


def test_split_prologue() -> None:
    assert split_prologue("PREFIX a: <http://a/> BASE <http://b/> INSERT DATA {}") == ("PREFIX a: <http://a/> BASE <http://b/>", " INSERT DATA {}")
    assert split_prologue("INSERT DATA {}") == ("", "INSERT DATA {}")
