from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from smartgraph import documents, graph
from smartgraph.extraction import extract
from smartgraph.model import Facts
from smartgraph.vocab import OA, SCD, SCHEMA

from .conftest import BASE, seed_paths


def test_same_input_same_iris_and_triples(summit_facts: Facts) -> None:
    again = extract(documents.read(seed_paths()[0]))
    a = graph.to_graph(summit_facts, BASE)
    b = graph.to_graph(again, BASE)
    assert set(a) == set(b)
    assert all(not str(x).startswith("_:") for t in a for x in t), "no blank nodes: exports stay byte-stable"


def test_base_iri_is_a_setting(summit_facts: Facts) -> None:
    g = graph.to_graph(summit_facts, "https://data.example.org/sg/")
    subjects = {str(s) for s in g.subjects() if str(s).startswith("https://data.example.org/sg/")}
    assert subjects and not any(str(s).startswith(BASE) for s in g.subjects())


def test_every_span_reproduces_its_quote() -> None:
    for path in seed_paths():
        facts = extract(documents.read(path))
        g = graph.to_graph(facts, BASE)
        text = str(next(g.objects(None, SCHEMA.text)))
        spans = list(g.subjects(RDF.type, OA.SpecificResource))
        assert len(spans) > 5
        for span in spans:
            selectors = list(g.objects(span, OA.hasSelector))
            start = next(int(g.value(s, OA.start)) for s in selectors if g.value(s, OA.start) is not None)
            end = next(int(g.value(s, OA.end)) for s in selectors if g.value(s, OA.end) is not None)
            exact = next(str(g.value(s, OA.exact)) for s in selectors if g.value(s, OA.exact) is not None)
            assert text[start:end] == exact


def test_every_fact_has_provenance(summit_facts: Facts) -> None:
    g = graph.to_graph(summit_facts, BASE)
    prov = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    for cls in (SCD.Participation, SCD.Statement, SCD.Agreement, SCD.SisterCityRelation):
        nodes = list(g.subjects(RDF.type, cls))
        assert nodes, cls
        assert all(g.value(n, prov) is not None for n in nodes)


def test_labels_are_language_tagged(summit_facts: Facts) -> None:
    g = graph.to_graph(summit_facts, BASE)
    labels = list(g.objects(None, RDFS.label))
    assert labels and all(isinstance(x, Literal) and x.language in ("zh-Hant", "en") for x in labels)
    taiwan = URIRef(BASE + "country/tw")
    assert Literal("臺灣", lang="zh-Hant") in set(g.objects(taiwan, RDFS.label))
    assert Literal("Taiwan", lang="en") in set(g.objects(taiwan, RDFS.label))


def test_one_city_spelled_two_ways_is_one_iri() -> None:
    from smartgraph.documents import parse

    a = extract(parse("發布機關:臺北市政府資訊局\n\n標題\n\n尼泊爾拉利普爾市市長 Chiri Babu Maharjan 表示，很好。\n", "a.txt"))
    b = extract(parse("發布機關:臺北市政府資訊局\n\n標題\n\n尼泊爾勒利德布爾市市長 Chiri Babu Maharjan 表示，很好。\n", "b.txt"))
    assert set(a.places) == set(b.places)
    ga, gb = graph.to_graph(a, BASE), graph.to_graph(b, BASE)
    persons = lambda g: set(g.subjects(RDF.type, SCHEMA.Person))  # noqa: E731
    assert persons(ga) == persons(gb)
    assert URIRef("https://sws.geonames.org/1282931/") in set(ga.objects(None, SCHEMA.sameAs))
