"""Our SHACL engine (smartgraph.shacl): the W3C SHACL Core test suite, and the same results as pyshacl on our shapes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, SH

from smartgraph import shacl

SUITE = Path(__file__).resolve().parents[2] / "shared" / "vendor" / "shacl-test-suite" / "core"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"


def cases() -> list[tuple[str, Path, Path, Path]]:
    """(name, test file, data file, shapes file) for every case in the core manifests (one case a file)."""
    out = []
    for manifest in sorted(SUITE.glob("*/manifest.ttl")):
        m = Graph().parse(manifest, format="turtle")
        for inc in m.objects(None, URIRef(MF + "include")):
            path = Path(str(inc).removeprefix("file://"))
            t = Graph().parse(path, format="turtle")
            for case in t.subjects(RDF.type, URIRef(SHT + "Validate")):
                action = t.value(case, URIRef(MF + "action"))
                data = Path(str(t.value(action, URIRef(SHT + "dataGraph"))).removeprefix("file://"))
                shapes = Path(str(t.value(action, URIRef(SHT + "shapesGraph"))).removeprefix("file://"))
                out.append((f"{manifest.parent.name}/{path.stem}", path, data, shapes))
    return out


def _key(t: Any) -> str:
    """Blank nodes compare as one placeholder (their labels differ between graphs)."""
    if t is None:
        return ""
    return "_" if isinstance(t, BNode) else str(t)


def expected(path: Path) -> tuple[bool, Counter[tuple[str, ...]]]:
    t = Graph().parse(path, format="turtle")
    case = next(t.subjects(RDF.type, URIRef(SHT + "Validate")))
    report = t.value(case, URIRef(MF + "result"))
    conforms = str(t.value(report, SH.conforms)).lower() == "true"
    rows: Counter[tuple[str, ...]] = Counter()
    for r in t.objects(report, SH.result):
        comp = str(t.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        rows[(_key(t.value(r, SH.focusNode)), _key(t.value(r, SH.resultPath)), _key(t.value(r, SH.value)),
              comp, str(t.value(r, SH.resultSeverity)), _key(t.value(r, SH.sourceShape)))] += 1
    return conforms, rows


def ours(data: Path, shapes: Path, plain: bool = False) -> tuple[bool, Counter[tuple[str, ...]]]:
    """Our results; ``plain``: every shape interpreted (``Validator.validate_plain``), not compiled into checks."""
    store = ox.Store()
    store.load(path=str(data), format=ox.RdfFormat.TURTLE, base_iri=data.as_uri(), to_graph=ox.DefaultGraph())
    parsed = shacl.parse_shapes(shapes.read_text(encoding="utf-8"), base=shapes.as_uri())
    results = shacl.Validator(parsed, store, plain=plain).run()
    rows: Counter[tuple[str, ...]] = Counter()
    for r in results:
        value = None if r.value is None else shacl._rdflib(r.value)
        rows[(_key(shacl._rdflib(r.focus)), _key(r.path), _key(value), r.component, str(r.severity), _key(r.shape))] += 1
    return not results, rows


CASES = cases()


def test_the_suite_is_there() -> None:
    assert len(CASES) > 90, f"the W3C SHACL core suite is expected in {SUITE}"


@pytest.mark.parametrize(("name", "test", "data", "shapes"), CASES, ids=[c[0] for c in CASES])
def test_w3c_core(name: str, test: Path, data: Path, shapes: Path) -> None:
    want_conforms, want = expected(test)
    for plain in (False, True):  # the shapes compiled into checks, and read the plain way
        got_conforms, got = ours(data, shapes, plain)
        assert got == want, "plain" if plain else "compiled"
        assert got_conforms == want_conforms


PLANTED = """
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?p rdfs:label ?l } WHERE { { SELECT ?p WHERE { ?p a schema:Person } ORDER BY ?p LIMIT 3 } ?p rdfs:label ?l } ;
INSERT { ?e schema:startDate "2030-01-01"^^xsd:date , "not a date" } WHERE { { SELECT ?e WHERE { ?e schema:superEvent ?parent } ORDER BY ?e LIMIT 2 } } ;
DELETE { ?s ?p ?o } WHERE { { SELECT ?s WHERE { ?s a <http://www.w3.org/ns/oa#TextQuoteSelector> } ORDER BY ?s LIMIT 2 } ?s ?p ?o }
"""


def test_the_same_results_as_pyshacl_on_the_seeds_with_planted_violations(built_store: Path) -> None:
    from smartgraph import validation
    from smartgraph.sparql.store import EmbeddedStore

    src = EmbeddedStore(built_store, read_only=True)
    mem = ox.Store()
    mem.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in src.quads())
    mem.update(PLANTED)
    ours_report = validation.validate_union(mem)
    g = Graph()
    for q in mem:
        g.add((shacl._rdflib(q.subject), shacl._rdflib(q.predicate), shacl._rdflib(q.object)))
    theirs = validation.validate_with_pyshacl(g, with_tbox=False)  # the ontology graph is in the store already
    pairs = {(v.focus, v.shape) for v in ours_report.violations}
    assert pairs == {(v.focus, v.shape) for v in theirs.violations}
    assert len([v for v in ours_report.violations if v.severity == "Violation"]) >= 7
    assert {v.severity for v in ours_report.violations} >= {"Violation", "Warning"}
