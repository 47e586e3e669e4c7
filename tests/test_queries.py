import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from smartgraph.errors import ParameterError, QueryError
from smartgraph.queries import Catalog, load_query, with_values
from smartgraph.sparql.store import open_store

# the result variables the scorer (../shared/eval/score.py) reads: part of the product's contract
CONTRACT = {
    "documents": {"source", "title", "publisherName", "published", "contactName"},
    "events": {"event", "eventName", "start", "end"},
    "officials": {"person", "personName", "organizationName", "countryName", "countryCode", "postName"},
    "participants": {"event", "eventName", "person", "personName"},
    "agreements": {"agreement", "kind", "status", "date", "party", "partyName"},
    "sister-cities": {"city", "cityName", "partner", "partnerName"},
    "statements": {"speaker", "speakerName"},
    "provenance": {"source", "start", "end", "quote"},
    "countries-by-event": {"event", "country", "countryName"},
    "network": {"source", "sourceName", "target", "targetName", "tie", "weight"},
}
INJECTIONS = ['Taipei"@en . } UNION { ?s ?p ?o } #', "https://x.org/a> } UNION { ?s ?p ?o } <", "1; DROP ALL", "zh-Hant\" } #"]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def test_catalogue_holds_the_contract(catalog: Catalog) -> None:
    assert set(CONTRACT) <= set(catalog.queries)
    for name, variables in CONTRACT.items():
        assert variables <= set(catalog.get(name).variables), name


def test_every_query_has_a_summary_and_runs(catalog: Catalog, built_store: Path) -> None:
    st = open_store(built_store, read_only=True)
    for q in catalog:
        assert q.summary
        values = {p.name: "https://w3id.org/smartgraph/id/place/gn-1668341" for p in q.params if p.required}
        res = st.select(q.prepare(values))
        assert set(res["head"]["vars"]) == set(q.variables)
        if not q.params or not any(p.required for p in q.params):
            assert res["results"]["bindings"], f"{q.name} returned no rows on the seeds"


def test_broken_query_fails_at_load() -> None:
    with pytest.raises(QueryError, match="not valid SPARQL"):
        load_query("broken", '#+ summary: "x"\nSELECT ?x WHERE { ?x ?y }')
    with pytest.raises(QueryError, match="no summary"):
        load_query("bare", "SELECT ?x WHERE { ?x ?y ?z }")


def test_parameters_are_typed_terms(catalog: Catalog) -> None:
    b = catalog.get("events").bind({"year": "2021"})
    assert b["year"] == (Literal(2021),)
    b = catalog.get("officials").bind({"lang": "EN", "person": "https://w3id.org/smartgraph/id/person/x"})
    assert b["lang"] == (Literal("en"),) and b["person"] == (URIRef("https://w3id.org/smartgraph/id/person/x"),)
    b = catalog.get("officials").bind({"country": ["https://w3id.org/smartgraph/id/country/cz", "https://w3id.org/smartgraph/id/country/fr"]})
    assert len(b["country"]) == 2
    with pytest.raises(ParameterError, match="takes one value"):
        catalog.get("officials").bind({"lang": ["en", "zh-Hant"]})
    with pytest.raises(ParameterError, match="not an integer"):
        catalog.get("events").bind({"year": "2021 } UNION {"})
    with pytest.raises(ParameterError, match="not a parameter"):
        catalog.get("events").bind({"nope": "1"})
    with pytest.raises(ParameterError, match="required"):
        catalog.get("provenance").bind({})


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_are_refused_or_harmless(catalog: Catalog, built_store: Path, value: str) -> None:
    st = open_store(built_store, read_only=True)
    for q in catalog:
        for p in q.params:
            try:
                text = q.prepare({p.name: value})
            except ParameterError:
                continue
            # accepted only as a literal: the query still parses and returns no more rows than honest input
            assert value.replace('"', '\\"') in text or p.type in ("enum", "language")
            honest = st.select(q.prepare({}) if not any(x.required for x in q.params) else q.prepare({p.name: "x"}))
            got = st.select(text)
            assert len(got["results"]["bindings"]) <= len(honest["results"]["bindings"])


def test_values_block_opens_the_where_clause() -> None:
    text = with_values("SELECT ?a WHERE {\n ?a ?b ?c }", {"b": (URIRef("https://x.org/p"), URIRef("https://x.org/q"))})
    assert "VALUES ?b { <https://x.org/p> <https://x.org/q> }" in text.split("WHERE {", 1)[1].splitlines()[1]


def test_iri_parameters_filter_their_column(catalog: Catalog, built_store: Path) -> None:
    """A parameter named like a result column keeps only rows with that value (not rows where an OPTIONAL missed)."""
    st = open_store(built_store, read_only=True)
    checked = 0
    for q in catalog:
        for p in q.params:
            if p.type != "iri" or p.name not in q.variables or p.required:
                continue
            rows = st.select(q.prepare({}))["results"]["bindings"]
            values = sorted({r[p.name]["value"] for r in rows if p.name in r})
            assert values, f"{q.name}: no value of {p.name} on the seeds"
            pick = values[len(values) // 2]
            got = st.select(q.prepare({p.name: pick}))["results"]["bindings"]
            assert got and all(r[p.name]["value"] == pick for r in got), f"{q.name}?{p.name}={pick}"
            both = st.select(q.prepare({p.name: [values[0], values[-1]]}))["results"]["bindings"]
            assert {r[p.name]["value"] for r in both} == {values[0], values[-1]} or len(values) == 1
            checked += 1
    assert checked >= 8


def test_provenance_of_an_unknown_entity_is_empty(catalog: Catalog, built_store: Path) -> None:
    st = open_store(built_store, read_only=True)
    q = catalog.get("provenance")
    assert st.select(q.prepare({"entity": "https://w3id.org/smartgraph/id/place/nowhere"}))["results"]["bindings"] == []
    some = st.select(q.prepare({"entity": "https://w3id.org/smartgraph/id/place/gn-1835329"}))["results"]["bindings"]
    assert 0 < len(some) < 20


def test_language_parameter_switches_labels(catalog: Catalog, built_store: Path) -> None:
    st = open_store(built_store, read_only=True)
    zh = st.select(catalog.get("officials").prepare({}))["results"]["bindings"]
    en = st.select(catalog.get("officials").prepare({"lang": "en"}))["results"]["bindings"]
    assert any(r["postName"]["value"] == "副市長" for r in zh)
    assert any(r["postName"]["value"] == "Deputy Mayor" for r in en)
    assert json.dumps(en)


def test_headers_speak_both_languages(catalog: Catalog) -> None:
    """Titles, summaries, parameter labels and help, and every column header, in zh-Hant and en (issue 17)."""
    for q in catalog:
        assert {lang for lang, _ in q.labels} == {"zh-Hant", "en"}, q.name
        assert {lang for lang, _ in q.summaries} == {"zh-Hant", "en"}, q.name
        assert q.summary_in("zh-Hant") != q.summary_in("en")
        for p in q.params:
            assert {lang for lang, _ in p.labels} == {"zh-Hant", "en"}, (q.name, p.name)
            assert {lang for lang, _ in p.descriptions} == {"zh-Hant", "en"}, (q.name, p.name)
            if p.type == "iri":
                assert p.classes, (q.name, p.name)  # completion needs to know what to look for
        columns = dict(q.columns)
        assert set(columns) == set(q.variables), q.name
        for v in q.variables:
            assert {lang for lang, _ in columns[v]} == {"zh-Hant", "en"}, (q.name, v)
            assert q.column(v, "zh-Hant") != v


def test_header_columns_must_name_result_variables() -> None:
    text = '#+ summary: {en: x, zh-Hant: 甲}\n#+ columns: {nope: {en: No, zh-Hant: 無}}\nSELECT ?x WHERE { ?x ?y ?z }'
    with pytest.raises(QueryError, match="nope"):
        load_query("bad-columns", text)
    with pytest.raises(QueryError, match="not an absolute IRI"):
        load_query("bad-class", '#+ summary: x\n#+ params:\n#+   x: {type: iri, class: City}\nSELECT ?x WHERE { ?x ?y ?z }')
    q = load_query("ok", '#+ summary: {en: Things, zh-Hant: 東西}\n#+ columns: {x: {en: Thing, zh-Hant: 東西}}\nSELECT ?x WHERE { ?x ?y ?z }')
    assert q.summary == "Things" and q.summary_in("zh-Hant") == "東西" and q.column("x", "zh-hant") == "東西" and q.column("y", "en") == "y"
