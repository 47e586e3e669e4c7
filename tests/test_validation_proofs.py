"""The proofs that a SPARQL-based constraint's query finds no row (``validation.proofs``): a document whose indexes
show it is validated without the query, and the report is the one the query gives (a fresh store's)."""

from __future__ import annotations

import re

import pytest

from smartgraph import documents, graph, validation
from smartgraph.extraction import extract

from .conftest import BASE, seed_paths

XSD = "http://www.w3.org/2001/XMLSchema#"
S = "https://schema.org/"


@pytest.fixture(scope="module")
def seed_nt() -> str:
    return graph.to_ntriples(extract(documents.read(seed_paths()[0])), BASE)[0]


def test_every_query_of_the_shapes_has_its_proof() -> None:
    shapes = validation.engine_shapes()
    queries = [q for shape in shapes.targeted for q, _, _ in shape.sparql]
    assert len(queries) == 3
    assert set(validation.proofs(shapes)) == set(queries)
    assert validation._documents().proofs.keys() == set(queries)


def _quote_mutations(nt: str) -> dict[str, str]:
    exact = re.search(r'^(<[^>]+/quote> <http://www\.w3\.org/ns/oa#exact> )"([^"]*)" \.$', nt, re.M)
    start = re.search(r'^(<[^>]+/position> <http://www\.w3\.org/ns/oa#start> )"(\d+)"(\^\^<[^>]+>) \.$', nt, re.M)
    text = re.search(r'^(<[^>]+> <https://schema\.org/text> "(?:[^"\\]|\\.)*")( \.)$', nt, re.M)
    assert exact and start and text
    line, prefix, value = exact.group(0), exact.group(1), exact.group(2)
    sline = start.group(0)
    return {
        "a quote that differs": nt.replace(line, f'{prefix}"{value}x" .'),
        "a quote that is a language-tagged literal": nt.replace(line, f'{prefix}"{value}"@en .'),
        "a start written with a plus": nt.replace(sline, f'{start.group(1)}"+{start.group(2)}"{start.group(3)} .'),
        "a start past the text": nt.replace(sline, f'{start.group(1)}"99999999"{start.group(3)} .'),
        "a start as a plain string": nt.replace(sline, f'{start.group(1)}"{start.group(2)}" .'),
        "the text language-tagged": nt.replace(text.group(0), f"{text.group(1)}@zh-Hant .", 1),
    }


def _event_graphs(nt: str) -> dict[str, str]:
    def session(start: str, first: str, last: str, kind: str = "date") -> str:
        return nt + "".join(f"{s} {p} {o} .\n" for s, p, o in (
            ("<urn:x:forum>", f"<{S}startDate>", f'"{first}"^^<{XSD}{kind}>'),
            ("<urn:x:forum>", f"<{S}endDate>", f'"{last}"^^<{XSD}{kind}>'),
            ("<urn:x:session>", f"<{S}startDate>", f'"{start}"^^<{XSD}date>'),
            ("<urn:x:session>", f"<{S}superEvent>", "<urn:x:forum>"),
            ("<urn:x:session>", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{S}Event>")))
    return {
        "a session within its event": session("2020-01-02", "2020-01-01", "2020-01-03"),
        "a session before its event": session("2019-12-31", "2020-01-01", "2020-01-03"),
        "a session after its event": session("2020-01-04", "2020-01-01", "2020-01-03"),
        "an event dated by date-times": session("2020-01-02", "2020-01-01T00:00:00", "2020-01-03T00:00:00", "dateTime"),
    }


def _agreements(nt: str) -> dict[str, str]:
    def agreement(kind: str, parties: int) -> str:
        return nt + f"<urn:x:a> <http://purl.org/dc/terms/type> <https://w3id.org/scd/agreement-type/{kind}> .\n" + "".join(
            f"<urn:x:a> <https://w3id.org/scd#party> <urn:x:p{i}> .\n" for i in range(parties)) + \
            "<urn:x:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/scd#Agreement> .\n"
    return {"a memorandum of one party": agreement("mou", 1), "a memorandum of two parties": agreement("mou", 2),
            "a friendship of no party": agreement("friendship", 0), "a contract of one party": agreement("contract", 1)}


def test_graphs_the_proofs_refuse_or_accept_give_the_reports_of_fresh_stores(seed_nt: str) -> None:
    checker = validation.DocumentValidator()
    cases = {"the seed": seed_nt, **_quote_mutations(seed_nt), **_event_graphs(seed_nt), **_agreements(seed_nt)}
    differ, shown = [], {}
    for label, nt in cases.items():
        want = validation.validate_ntriples_fresh(nt)
        got = checker.validate(nt)
        if got != want:
            differ.append(label)
        shown[label] = {v.shape.rsplit("#", 1)[-1] for v in want.violations}
    assert not differ, differ
    # the cases reach the queries: each breaks its constraint where it should, and not where it should not
    assert "SpanQuoteShape" not in shown["the seed"]
    broken = {"a quote that differs", "a start past the text", "the text language-tagged"}  # (a tagged text is never equal
    # to a plain quote; STR reads a tagged quote's string; the cast reads "+12" and a plain "12" as 12)
    assert {label for label in _quote_mutations(seed_nt) if "SpanQuoteShape" in shown[label]} == broken
    assert "EventShape" in shown["a session before its event"] and "EventShape" in shown["a session after its event"]
    assert "AgreementShape" in shown["a memorandum of one party"] and "AgreementShape" in shown["a friendship of no party"]


def test_a_proof_says_no_row_only_where_the_query_finds_none(seed_nt: str) -> None:
    """Each proof run on the graphs above: where it says no row, the query, run on a store, finds none."""
    import pyoxigraph as ox

    from smartgraph import shacl

    checker = validation.DocumentValidator()
    cases = {**_quote_mutations(seed_nt), **_event_graphs(seed_nt), **_agreements(seed_nt)}
    said = {True: 0, False: 0}
    for label, nt in cases.items():
        store = ox.Store()
        store.load(nt.encode(), format=ox.RdfFormat.N_TRIPLES)
        index = shacl.Index(t for t in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        reader = shacl.Validator(validation.engine_shapes(), store, indexes=(checker._tbox_index, index))
        for query, proof in checker.proofs.items():
            no_row = proof(reader)
            said[no_row] += 1
            if no_row:
                assert not list(store.query(query)), label  # type: ignore[arg-type]
    assert said[True] and said[False]
