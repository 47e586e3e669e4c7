"""The provenance query's rows of each quoted span, kept beside its release (smartgraph.sparql.spans), against the plain
query.

For every entity the provenance query takes (persons, organisations, places, events, agreements), several pages read
from the span rows must be the plain query's pages, in order, on the seeds and on a generated bench corpus; every way
a store is written keeps the rows those of its content (a build's new, changed and removed releases, a refresh that
writes the summaries whole) or says they are not (an update written by hand, a store older than the rows), and the
next build writes them again."""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from smartgraph import graph, pipeline, summaries
from smartgraph.config import Settings
from smartgraph.queries import Catalog
from smartgraph.sparql import spans
from smartgraph.sparql.engine import RESULTS_JSON, EmbeddedEngine, Limits, execute_rows
from smartgraph.sparql.results import cell, serialize_select
from smartgraph.sparql.store import EmbeddedStore, open_store
from smartgraph.vocab import SPANS_GRAPH

from .conftest import seeds_and_generated

CATALOG = Catalog.load()
PROVENANCE = CATALOG.get("provenance")
PAGES = ((100, 0), (3, 0), (3, 3), (5, 7))
SPAN_ROWS = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX dct: <http://purl.org/dc/terms/>
SELECT (COUNT(*) AS ?n) WHERE { ?span oa:hasSource ?document ; oa:hasSelector ?pos , ?q .
  ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . ?q a oa:TextQuoteSelector ; oa:exact ?quote .
  ?document dct:source ?source . }"""


def entities(ox_store: Any) -> list[str]:
    classes = " ".join(f"<{c}>" for c in PROVENANCE.params[0].classes)
    return sorted({r["e"].value for r in ox_store.query(f"SELECT DISTINCT ?e WHERE {{ VALUES ?c {{ {classes} }} ?e a ?c }}")})


def compare(ox_store: Any) -> int:
    """Pages compared; each is the plain query's, and the store holds as many span rows as the union gives."""
    assert spans.trusted(ox_store)
    derived = sum(1 for _ in ox_store.quads_for_pattern(None, _node(spans.QUOTED), None, _node(SPANS_GRAPH)))
    assert derived == int(next(iter(ox_store.query(SPAN_ROWS)))["n"].value) > 0
    pages = 0
    for entity in entities(ox_store):
        for limit, offset in PAGES:
            plain = [{c: cell(r[c]) for c in spans.COLUMNS} for r in ox_store.query(PROVENANCE.page({"entity": entity}, limit, offset))]
            got = spans.page(ox_store, entity, limit, offset)
            assert got == (plain[:limit], len(plain) > limit), (entity, limit, offset)
            # its SPARQL JSON spliced from the stored rows: the bytes serialize_select writes for the same rows
            assert spans.json_page(spans.COLUMNS, got[0]) == serialize_select(spans.COLUMNS, plain[:limit], RESULTS_JSON)
            pages += 1
    return pages


def _node(iri: str) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(iri)


def test_the_rows_answer_the_bundled_provenance_query_only() -> None:
    assert spans.answers(PROVENANCE.text)
    edited = PROVENANCE.text.replace("ORDER BY ?source ?start", "ORDER BY DESC(?source) ?start")
    assert edited != PROVENANCE.text and not spans.answers(edited)
    assert spans.answers(PROVENANCE.text.replace("\n", "\n  # a comment\n", 3))  # comments and spacing aside


def test_pages_from_the_span_rows_equal_plain_ones_on_the_seeds(built_store: Path) -> None:
    st = EmbeddedStore(built_store, read_only=True)
    try:
        assert compare(st.oxigraph) > 100
    finally:
        st.close()


def test_every_write_keeps_the_span_rows_those_of_the_store(tmp_path: Path) -> None:
    """Seeds and 80 generated releases built by two workers; then releases changed (their offsets move), added and
    removed, a graph replaced through ``replace_graph_nt``, and the summaries refreshed whole: after each step every
    page read from the span rows is the plain query's."""
    folder, other = seeds_and_generated(tmp_path, 80, 11, 4, 12)
    path = tmp_path / "store"
    st = open_store(path)
    try:
        pipeline.build([folder], st, Settings(store=path), workers=2)
        assert compare(st.oxigraph) > 1000
        generated = sorted(folder.glob("0000*_synthetic.txt"))
        for old, new in zip(generated[:2], sorted(other.glob("*.txt"))[:2], strict=True):  # changed
            old.write_text("\n\n" + new.read_text(encoding="utf-8"), encoding="utf-8")
        shutil.copy(sorted(other.glob("*.txt"))[2], folder / "added.txt")  # added
        report = pipeline.build([folder], st, Settings(store=path), workers=1)
        assert report.count("stored") == 3
        gone = graph.graph_iri(Settings().base_iri, generated[5].name)  # removed
        st.remove_graph(gone)
        generated[5].unlink()
        assert not any(q.subject.value == str(gone) for q in st.oxigraph.quads_for_pattern(None, _node(spans.SPAN), None, None))
        name = str(graph.graph_iri(Settings().base_iri, generated[6].name))  # replaced: its spans' quote selectors gone
        kept = "".join(ln + "\n" for ln in st.graph_ntriples(name).decode("utf-8").splitlines() if "/ns/oa#exact>" not in ln)
        st.replace_graph_nt(name, kept)
        assert compare(st.oxigraph) > 1000
        summaries.refresh(st.oxigraph, CATALOG, whole=True)
        assert compare(st.oxigraph) > 1000
    finally:
        st.close()


def test_an_update_by_hand_untrusts_the_rows_and_the_next_build_writes_them_again(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "store"
    st = open_store(path)
    try:
        pipeline.build([corpus], st, Settings(store=path))
        before = compare(st.oxigraph)
        st.update("DELETE WHERE { GRAPH ?g { ?q <http://www.w3.org/ns/oa#exact> ?quote } }")
        assert not spans.trusted(st.oxigraph) and not summaries.fresh(st)
        report = pipeline.build([corpus], st, Settings(store=path))
        assert report.count("stored") == 0 and report.summaries is not None and report.summaries.span_rows == 0
        assert spans.trusted(st.oxigraph) and summaries.fresh(st)
        assert sum(1 for _ in st.oxigraph.quads_for_pattern(None, _node(spans.QUOTED), None, None)) == 0
        pipeline.build([corpus], st, Settings(store=path), force=True)  # the quotes back
        assert compare(st.oxigraph) == before
    finally:
        st.close()


def test_a_store_older_than_the_rows_gets_them_at_its_next_build(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "store"
    st = open_store(path)
    try:
        pipeline.build([corpus], st, Settings(store=path))
        s = f"<{SPANS_GRAPH}>"
        st.oxigraph.update(f"DELETE WHERE {{ GRAPH {s} {{ ?a <{spans.QUOTED}> ?b }} }} ; DELETE WHERE {{ GRAPH {s} {{ ?a <{spans.SPAN}> ?b }} }} ;"
                           f"DELETE WHERE {{ GRAPH {s} {{ ?a <{spans.TRUSTED}> ?b }} }}")
        assert not spans.trusted(st.oxigraph) and summaries.fresh(st)  # as a store made before: fresh summaries, no span rows
    finally:
        st.close()
    engine = EmbeddedEngine(path, workers=1, adhoc_workers=1)  # the server asks for both markers before it reads span rows
    try:
        assert json.loads(asyncio.run(engine.arun(spans.ASK_TRUSTED, [(RESULTS_JSON, 1.0)], Limits())).body)["boolean"] is False
    finally:
        engine.close()
    st = open_store(path)
    try:
        report = pipeline.build([corpus], st, Settings(store=path))
        assert report.count("stored") == 0 and report.summaries is not None and (report.summaries.span_rows or 0) > 0
        assert compare(st.oxigraph) > 100
    finally:
        st.close()


def test_rows_whose_order_the_page_cannot_tell_go_to_the_plain_query() -> None:
    """A start offset that is no xsd:integer: SPARQL orders such terms by its own rules, so the page gives None and the
    engine runs the query text instead."""
    st = EmbeddedStore(None)
    try:
        oa, doc = "http://www.w3.org/ns/oa#", "https://example.org/doc"
        span, fact = f"{doc}/span/1-3", "https://example.org/fact"
        nt = (f'<{fact}> <http://www.w3.org/ns/prov#wasDerivedFrom> <{span}> .\n'
              f'<{span}> <{oa}hasSource> <{doc}> .\n<{span}> <{oa}hasSelector> <{span}/p> .\n<{span}> <{oa}hasSelector> <{span}/q> .\n'
              f'<{span}/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{oa}TextPositionSelector> .\n'
              f'<{span}/p> <{oa}start> "one" .\n<{span}/p> <{oa}end> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
              f'<{span}/q> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{oa}TextQuoteSelector> .\n'
              f'<{span}/q> <{oa}exact> "ab" .\n<{doc}> <http://purl.org/dc/terms/source> "a.txt" .\n')
        st.replace_graph_nt("https://example.org/graph", nt)
        assert spans.page(st.oxigraph, fact, 10) is None
        text = PROVENANCE.page({"entity": fact}, 10, 0)
        answer = execute_rows(lambda s: spans.page(s, fact, 10), st.oxigraph, text, [(RESULTS_JSON, 1.0)], 1000, 10)
        rows = json.loads(answer.body)["results"]["bindings"]
        assert [r["start"]["value"] for r in rows] == ["one"]
    finally:
        st.close()


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_the_server_answers_provenance_from_the_span_rows_as_the_plain_query_does(built_store: Path, accept: str) -> None:
    """Through ``arun_bounded`` with the page call the server passes: the same body as the plain query's text gives."""
    engine = EmbeddedEngine(built_store, workers=1, adhoc_workers=1)
    try:
        st = EmbeddedStore(built_store, read_only=True)
        try:
            entity = max(entities(st.oxigraph), key=lambda e: len((spans.page(st.oxigraph, e, 1000) or ([], False))[0]))
        finally:
            st.close()
        text = PROVENANCE.page({"entity": entity}, 5, 5)
        plain = asyncio.run(engine.arun(text, [(accept, 1.0)], Limits(), 5))
        fast = asyncio.run(engine.arun_bounded(text, [(accept, 1.0)], Limits(), 5,
                                               rows=lambda s: spans.page(s, entity, 5, 5)))
        assert fast.rows == plain.rows == 5 and fast.more == plain.more
        if accept == RESULTS_JSON:
            assert json.loads(fast.body) == json.loads(plain.body)
        else:
            assert fast.body == plain.body
    finally:
        engine.close()


_AWKWARD = """<http://x/d> <http://purl.org/dc/terms/source> "a \\"b\\"\\\\c\\td.txt" .
<http://x/d> <http://purl.org/dc/terms/source> "second"@EN-gb .
<http://x/d/s> <http://www.w3.org/ns/oa#hasSource> <http://x/d> .
<http://x/d/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/oa#SpecificResource> .
<http://x/d/s> <http://www.w3.org/ns/oa#hasSelector> <http://x/d/s/p> .
<http://x/d/s> <http://www.w3.org/ns/oa#hasSelector> <http://x/d/s/q> .
<http://x/d/s/p> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/oa#TextPositionSelector> .
<http://x/d/s/p> <http://www.w3.org/ns/oa#start> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://x/d/s/p> <http://www.w3.org/ns/oa#start> "03"^^<http://www.w3.org/2001/XMLSchema#string> .
<http://x/d/s/p> <http://www.w3.org/ns/oa#end> "9"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://x/d/s/q> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/oa#TextQuoteSelector> .
<http://x/d/s/q> <http://www.w3.org/ns/oa#exact> "line\\nnext \\r \\"quoted\\" \u2028 tab\t"@zh-hant .
<http://x/d/t> <http://www.w3.org/ns/oa#hasSource> <http://x/d> .
<http://x/d/t> <http://www.w3.org/ns/oa#hasSelector> <http://x/d/s/q> .
"""


@pytest.mark.parametrize("extra", ["", '<http://x/d/s/q> <http://www.w3.org/ns/oa#exact> "caf\\u00E9" .\n',
                                   "_:b <http://www.w3.org/ns/oa#hasSource> <http://x/d> .\n"])
def test_rows_read_from_the_ntriples_text_are_those_of_pyoxigraphs_parse(extra: str) -> None:
    """nquads_of reads the N-Triples as text (escapes, language tags, datatypes, several rows a span, a span without a
    position), or has pyoxigraph parse them (a \\u escape, a blank node): the same rows either way."""
    import pyoxigraph as ox

    nt = _AWKWARD + extra
    parsed = spans.nquads("http://x/g", ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    assert parsed.count(f"<{spans.QUOTED}>") >= 4
    assert spans.nquads_of("http://x/g", nt) == spans.nquads_of("http://x/g", nt.encode("utf-8")) == parsed


def test_a_row_stored_in_another_spelling_is_written_again_not_spliced() -> None:
    """``json_page`` splices a stored row after its fact's cell only when ``_json`` wrote it (its cells in column
    order, no spaces): a row stored otherwise (another writer, cells in another order) is encoded again, so the page's
    bytes are serialize_select's either way."""
    import pyoxigraph as ox

    fact, span = "https://example.org/fact", "https://example.org/doc/span/1-3"
    cells = {"document": {"type": "uri", "value": "https://example.org/doc"}, "source": {"type": "literal", "value": "a.txt"},
             "start": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
             "end": {"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
             "quote": {"type": "literal", "value": "ab"}}
    for stored in (json.dumps(cells, ensure_ascii=False, separators=(",", ":")), json.dumps(dict(reversed(cells.items()))),
                   json.dumps(cells, indent=1)):
        store = ox.Store()
        store.add(ox.Quad(ox.NamedNode(fact), ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), ox.NamedNode(span), ox.DefaultGraph()))
        store.add(ox.Quad(ox.NamedNode(span), ox.NamedNode(spans.QUOTED), ox.Literal(stored), ox.NamedNode(SPANS_GRAPH)))
        got = spans.page(store, fact, 10)
        assert got is not None and len(got[0]) == 1
        assert list(got[0][0]) == list(spans.COLUMNS)
        assert spans.json_page(spans.COLUMNS, got[0]) == serialize_select(spans.COLUMNS, got[0], RESULTS_JSON)
    assert spans.json_page(spans.COLUMNS, [dict(got[0][0])]) is None  # a plain dict carries no text: serialize_select writes it
