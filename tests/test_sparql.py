"""The SPARQL access layer (``smartgraph.sparql``) and the Python API on it (``smartgraph.open``).

Every canned query gives the same rows through the API on the embedded store and on a real Oxigraph server
loaded with the same data; the README's Python example runs against the seeds' store.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

import smartgraph
from smartgraph import pipeline
from smartgraph.errors import ParameterError, SmartgraphError
from smartgraph.queries import Catalog
from smartgraph.sparql import connect
from smartgraph.sparql.engine import RESULTS_JSON, execute
from smartgraph.sparql.results import MissingExtra, Results, canonical_cell, cell, nt, to_rdflib
from smartgraph.sparql.store import EmbeddedStore
from tests.triplestores import Oxigraph

from .conftest import ROOT

BASE = "https://w3id.org/smartgraph/id/"
DAEGU = BASE + "place/gn-1835329"
EX = "http://example.org/"


def params_for(name: str) -> dict[str, str]:
    return {"entity": DAEGU} if name == "provenance" else {}


def row_set(res: Results, query_text: str) -> set[tuple[tuple[str, str], ...]]:
    """A result's rows as a set of (variable, N-Triples term) pairs; a GROUP_CONCAT's items sorted (SPARQL leaves
    their order to the store)."""
    seps = {col: sep for sep, col in re.findall(r'GROUP_CONCAT\(.*?separator="(.*?)"\) AS \?(\w+)', query_text)}
    out = set()
    for r in res.bindings:
        items = []
        for k, c in r.items():
            if k in seps:
                c = {**c, "value": seps[k].join(sorted(c["value"].split(seps[k])))}
            items.append((k, nt(c)))
        out.add(tuple(sorted(items)))
    return out


# --------------------------------------------------------------------------- the results model


def test_cells_are_written_in_one_spelling() -> None:
    assert cell(ox.Literal("臺北", language="zh-hant")) == {"type": "literal", "value": "臺北", "xml:lang": "zh-Hant"}
    assert cell(ox.Literal("x")) == {"type": "literal", "value": "x"}
    assert cell(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))["datatype"].endswith("#integer")
    assert cell(ox.NamedNode(EX + "a")) == {"type": "uri", "value": EX + "a"}
    # another store's JSON: Virtuoso's typed-literal and lower-case tags, an explicit xsd:string
    assert canonical_cell({"type": "typed-literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#string"}) == \
        {"type": "literal", "value": "1"}
    assert canonical_cell({"type": "literal", "value": "a", "xml:lang": "ZH-HANT"})["xml:lang"] == "zh-Hant"
    assert nt({"type": "literal", "value": 'a"\n\r', "xml:lang": "en"}) == '"a\\"\\n\\r"@en'


def test_results_give_rows_of_rdflib_terms_and_a_dataframe() -> None:
    res = Results.from_json({"head": {"vars": ["s", "n", "l"]}, "results": {"bindings": [
        {"s": {"type": "uri", "value": EX + "a"}, "n": {"type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
         "l": {"type": "literal", "value": "臺北", "xml:lang": "zh-hant"}},
        {"s": {"type": "uri", "value": EX + "b"}}]}})
    assert res.vars == ["s", "n", "l"]
    assert res.rows[0] == (URIRef(EX + "a"), Literal(2), Literal("臺北", lang="zh-Hant"))
    assert res.rows[1] == (URIRef(EX + "b"), None, None)
    df = res.to_pandas()
    assert list(df.columns) == ["s", "n", "l"] and df["n"][0] == 2 and df["l"][0] == "臺北"
    assert df["n"].isna().tolist() == [False, True]  # unbound: missing
    assert to_rdflib(None) is None
    assert json.loads(res.serialize()) == {"head": {"vars": ["s", "n", "l"]}, "results": {"bindings": res.bindings}}
    assert Results.ask(True).boolean is True and Results.ask(True).serialize() == b'{"head": {}, "boolean": true}'


def test_a_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(MissingExtra) as e:
        Results.select(["x"], []).to_pandas()
    assert "smartgraph[notebook]" in str(e.value) and isinstance(e.value, SmartgraphError)


# --------------------------------------------------------------------------- backends


def test_the_in_memory_backend_keeps_the_union() -> None:
    st = connect(None)
    assert isinstance(st, EmbeddedStore)
    st.replace_graph_nt(EX + "g1", f"<{EX}a> <{EX}p> \"1\" .\n<{EX}a> <{EX}p> \"shared\" .\n")
    st.replace_graph_nt(EX + "g2", f"<{EX}b> <{EX}p> \"2\" .\n<{EX}a> <{EX}p> \"shared\" .\n")
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{EX}p> ?o }}"
    assert st.select(count).rows == [(Literal(3),)]
    st.update(f"DROP GRAPH <{EX}g1>")  # the union follows: "1" goes, "shared" stays (g2 holds it)
    assert st.select(count).rows == [(Literal(2),)]
    assert st.ask(f'ASK {{ <{EX}a> <{EX}p> "shared" }}') and not st.ask(f'ASK {{ <{EX}a> <{EX}p> "1" }}')
    st.update(f'INSERT DATA {{ GRAPH <{EX}g3> {{ <{EX}c> <{EX}p> "3"@ZH-HANT }} }}')
    assert st.select(f"SELECT ?o WHERE {{ <{EX}c> ?p ?o }}").bindings[0]["o"]["xml:lang"] == "zh-Hant"
    assert b'"3"@zh-Hant' in st.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{EX}g3> {{ ?s ?p ?o }} }}")
    assert st.named_graphs() == [EX + "g2", EX + "g3"]
    st.close()


def test_a_page_written_by_oxigraph_is_the_page_written_cell_by_cell(built_store: Path) -> None:
    """The server's fast path for a canned query's page (SPARQL JSON as Oxigraph writes it, cut after the page) gives
    the rows, the count and the "more" of the cell-by-cell path, language tags in BCP 47 case."""
    store = ox.Store.read_only(str(built_store))
    checked = 0
    for q in Catalog.load():
        if not q.pageable:
            continue
        for lang in ("en", "zh-Hant"):
            values = {**params_for(q.name), **({"lang": lang} if any(p.name == "lang" for p in q.params) else {})}
            for page in (1, 2, 100):
                text = q.page(values, page, 0)
                fast = execute(store, text, [(RESULTS_JSON, 1.0)], 10_000, page)
                slow = execute(store, text, [(RESULTS_JSON, 1.0)], page, page)  # page == max_rows: the cell-by-cell path
                assert json.loads(fast.body) == json.loads(slow.body), (q.name, page)
                assert (fast.rows, fast.more) == (slow.rows, slow.more), (q.name, page)
                assert b'"xml:lang":"zh-hant"' not in fast.body
                checked += fast.rows
    assert checked > 100


# --------------------------------------------------------------------------- the Python API


@pytest.fixture(scope="module")
def oxigraph_loaded(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Oxigraph]:
    """A real Oxigraph server (its default graph the union of its named graphs) loaded with the seeds' store."""
    ts = Oxigraph(tmp_path_factory.mktemp("oxigraph") / "ox")
    try:
        st = EmbeddedStore(built_store, read_only=True)
        remote = ts.remote()
        assert pipeline.load(st, remote).ok
        st.close()
        remote.close()
        yield ts
    finally:
        ts.stop()


def test_every_canned_query_gives_the_same_rows_embedded_and_on_oxigraph_server(built_store: Path, oxigraph_loaded: Oxigraph) -> None:
    catalog = Catalog.load()
    with smartgraph.open(built_store) as here, smartgraph.open(oxigraph_loaded.query_url) as there:
        assert here.queries() == there.queries() == [q.name for q in catalog]
        for q in catalog:
            langs = ("en", "zh-Hant") if any(p.name == "lang" for p in q.params) else (None,)
            for lang in langs:
                values = {**params_for(q.name), **({"lang": lang} if lang else {})}
                a, b = here.query(q.name, **values), there.query(q.name, **values)
                assert a.vars == b.vars == list(q.variables), q.name
                text = q.prepare(values)
                assert row_set(a, text) == row_set(b, text), (q.name, lang)
                assert a.bindings, (q.name, lang)


def test_the_api_takes_the_cli_parameters_typed(built_store: Path) -> None:
    with smartgraph.open(built_store) as g:
        every = g.query("officials", lang="en")
        countries = {r[4] for r in every.rows if r[4] is not None}
        country = sorted(countries)[0]
        one = g.query("officials", lang="en", country=country)  # an rdflib URIRef or its text
        assert one.bindings and all(r[4] == country for r in one.rows)
        assert g.query("officials", lang="en", country=str(country)).bindings == one.bindings
        both = g.query("officials", lang="en", country=sorted(countries)[:2])  # a list for a parameter taking several
        assert len(both.bindings) >= len(one.bindings)
        with pytest.raises(ParameterError, match="country"):
            g.query("officials", country="not an iri")
        with pytest.raises(ParameterError, match="colour"):
            g.query("officials", colour="red")
        with pytest.raises(SmartgraphError, match="no such canned query"):
            g.query("nothing")


def test_dataset_and_network(built_store: Path, oxigraph_loaded: Oxigraph) -> None:
    with smartgraph.open(built_store) as g, smartgraph.open(oxigraph_loaded.query_url) as r:
        st = EmbeddedStore(built_store, read_only=True)
        counts = st.graph_counts()
        st.close()
        for d in (g.dataset(), r.dataset()):
            got = {str(x.identifier): len(x) for x in d.graphs() if str(x.identifier) in counts}
            assert got == counts
            langs = {o.language for _, _, o, _ in d.quads((None, None, None, None)) if isinstance(o, Literal) and o.language}
            assert "zh-Hant" in langs and "zh-hant" not in langs
        net = g.network()
        rows = g.query("network", lang="en").bindings
        assert net.number_of_edges() == len({(x["source"]["value"], x["target"]["value"]) for x in rows}) > 0
        assert sum(sum(e["ties"].values()) for _, _, e in net.edges(data=True)) == sum(int(x["weight"]["value"]) for x in rows)
        assert all("label" in net.nodes[n] for n in net.nodes)
        assert r.network().edges == net.edges


def test_open_says_what_to_do_with_no_store(tmp_path: Path) -> None:
    with pytest.raises(SmartgraphError, match="smartgraph build"):
        smartgraph.open(tmp_path / "nothing")


def test_the_readme_python_example_runs(built_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "the README's Python API section has no python block"
    monkeypatch.setenv("SMARTGRAPH_STORE", str(built_store))
    ns: dict[str, object] = {}
    exec(compile(blocks[0], "README.md: Python API", "exec"), ns)
    df = ns["df"]
    assert len(df) > 0 and "personName" in df.columns  # type: ignore[attr-defined]
    assert ns["net"].number_of_edges() > 0  # type: ignore[attr-defined]
    assert len(list(ns["ds"].graphs())) > 2  # type: ignore[attr-defined]


@pytest.mark.parametrize("media_type", ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"])
def test_graphs_are_sent_with_the_tags_the_command_line_writes(media_type: str) -> None:
    """The server's CONSTRUCT answers and entity descriptions write ``zh-Hant`` in every syntax, JSON-LD included
    (pyoxigraph keeps tags lower case), as the exports and the command line do."""
    from smartgraph.sparql.results import serialize_triples

    t = ox.Triple(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal("臺北", language="zh-hant"))
    out = serialize_triples([t], media_type)
    assert b"zh-Hant" in out and b"zh-hant" not in out
