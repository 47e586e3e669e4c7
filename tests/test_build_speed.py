"""The build's fast paths give the same results as the plain ones: validation of one document after
another against a TBox loaded once, and the store written in batches."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from smartgraph import documents, graph, validation
from smartgraph.errors import ResourceError
from smartgraph.extraction import extract

from .conftest import BASE, ROOT, seed_paths

EXAMPLES = ROOT / "ontology" / "examples"


def _nt(g: Graph) -> str:
    out = g.serialize(format="nt")
    return out if isinstance(out, str) else out.decode("utf-8")


def _document_graphs() -> list[tuple[str, str]]:
    """(name, N-Triples): the seeds' graphs, the shapes' invalid and valid examples, and graphs that touch the TBox."""
    out = [(p.stem, graph.to_ntriples(extract(documents.read(p)), BASE)[0]) for p in seed_paths()]
    for kind in ("invalid", "valid"):
        paths = sorted((EXAMPLES / kind).glob("*.ttl"))
        assert paths, f"no {kind} examples"
        out += [(f"{kind}/{p.stem}", _nt(Graph().parse(p))) for p in paths]
    concept = next(iter(validation.tbox().subjects(RDF.type, SKOS.Concept)))
    label = next(iter(validation.tbox().objects(concept, SKOS.prefLabel)))
    seed = out[0][1]
    # a second preferred label in the same language about a TBox concept: ConceptShape breaks for it
    twice = Graph().add((concept, SKOS.prefLabel, Literal(f"{label} (again)", lang=label.language)))
    out.append(("concept-labelled-twice", seed + _nt(twice)))
    # a triple the TBox already holds, restated by a document: counted once
    out.append(("tbox-triple-restated", seed + _nt(Graph().add((concept, SKOS.prefLabel, label)))))
    return out


def test_validating_documents_in_turn_gives_the_reports_of_fresh_stores() -> None:
    graphs = _document_graphs()
    checker = validation.DocumentValidator(renew=3)  # a new store every third document, as in a long build
    differ = []
    for name, nt in graphs * 2:  # twice: what a document leaves behind must not change the next one's report
        if checker.validate(nt) != validation.validate_ntriples_fresh(nt):
            differ.append(name)
    assert not differ
    reports = {name: validation.validate_ntriples_fresh(nt) for name, nt in graphs}
    assert not reports["concept-labelled-twice"].conforms  # the TBox node's cached result was not reused
    assert any(v.shape.endswith("#ConceptShape") for v in reports["concept-labelled-twice"].errors)
    assert reports["tbox-triple-restated"].conforms
    assert sum(not r.conforms for r in reports.values()) >= 8


def test_a_graph_that_does_not_parse_is_reported_and_leaves_nothing_behind() -> None:
    checker = validation.DocumentValidator()
    with pytest.raises(ResourceError, match="not valid N-Triples"):
        checker.validate("<urn:a> <urn:b> .\n")
    name, nt = _document_graphs()[0]
    assert checker.validate(nt) == validation.validate_ntriples_fresh(nt), name
    assert len(list(checker.store.named_graphs())) == 1  # the TBox's graph only


def test_only_shapes_that_read_their_focus_node_alone_reuse_results() -> None:
    shapes = validation.engine_shapes()
    local = {str(s.node).rsplit("#", 1)[-1] for s in shapes.targeted if shapes.reads_only_its_focus(s)}
    assert "ConceptShape" in local
    assert not local & {"EventShape", "PersonShape", "SpanQuoteShape", "MembershipShape", "PostShape"}
