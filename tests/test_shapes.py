"""The shapes on valid and invalid example graphs, the seeds' graphs, and the ontology linting itself."""

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from smartgraph import documents, graph, resources, validation
from smartgraph.extraction import extract
from smartgraph.vocab import SCD, SCD_IRI

from .conftest import BASE, ROOT, seed_paths

EXAMPLES = ROOT / "ontology" / "examples"


def _examples(kind: str) -> list[Path]:
    paths = sorted((EXAMPLES / kind).glob("*.ttl"))
    assert paths, f"no {kind} examples"
    return paths


@pytest.mark.parametrize("path", _examples("valid"), ids=lambda p: p.stem)
def test_valid_examples_conform(path: Path) -> None:
    report = validation.validate(Graph().parse(path))
    assert report.conforms, report.errors


@pytest.mark.parametrize("path", _examples("invalid"), ids=lambda p: p.stem)
def test_invalid_examples_fail_on_the_named_shape(path: Path) -> None:
    report = validation.validate(Graph().parse(path))
    assert not report.conforms
    shape = path.stem.split("-")[0]
    assert any(v.shape.endswith("#" + shape) for v in report.errors), [v.shape for v in report.errors]
    assert all(v.message for v in report.errors)


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_graphs_conform(path: Path) -> None:
    g = graph.to_graph(extract(documents.read(path)), BASE)
    report = validation.validate(g)
    assert report.conforms, report.errors[:3]


def test_every_own_term_is_labelled_and_defined() -> None:
    g = Graph().parse(data=resources.read_text(resources.ONTOLOGY), format="turtle")
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(SCD_IRI)}
    assert len(terms) >= 20
    for t in terms:
        langs = {lit.language for lit in g.objects(t, RDFS.label)}
        assert {"en", "zh-Hant"} <= langs, t
        assert {lit.language for lit in g.objects(t, SKOS.definition)} >= {"en", "zh-Hant"}, t
        assert (t, RDFS.isDefinedBy, None) in g, t
    onto = URIRef("https://w3id.org/scd")
    assert (onto, OWL.versionIRI, None) in g and (onto, OWL.versionInfo, None) in g


def test_closed_namespace_matches_the_ontology() -> None:
    g = Graph().parse(data=resources.read_text(resources.ONTOLOGY), format="turtle")
    declared = {str(s)[len(SCD_IRI):] for s in g.subjects(RDF.type, None) if str(s).startswith(SCD_IRI)}
    in_code = {n for n in SCD.__annotations__}
    assert declared == in_code
    with pytest.raises(AttributeError):
        _ = SCD.participnat  # a typo raises


def test_shapes_have_stable_ids_and_messages() -> None:
    g = validation.shapes()
    sh = "http://www.w3.org/ns/shacl#"
    node_shapes = set(g.subjects(RDF.type, URIRef(sh + "NodeShape")))
    assert node_shapes and all(isinstance(s, URIRef) for s in node_shapes)
    for prop in g.objects(None, URIRef(sh + "property")):
        assert g.value(prop, URIRef(sh + "message")) is not None


def test_generated_schemes_are_up_to_date() -> None:
    from rdflib.compare import isomorphic

    from smartgraph import schemes

    for name, expected in schemes.build().items():
        shipped = Graph().parse(ROOT / "ontology" / "schemes" / name)
        assert isomorphic(shipped, expected), f"run: python -m smartgraph.schemes ({name} is stale)"
