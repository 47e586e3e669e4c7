"""Exports and the DCAT / VoID description, checked with the official DCAT-AP 3.0 shapes and three RDF parsers."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, VOID

from smartgraph import publish, resources
from smartgraph.publish import DatasetInfo
from smartgraph.sparql.store import Store, open_store
from smartgraph.validation import check_dcat_ap
from tests.conftest import BASE

PARSERS = {"turtle": ("turtle", ox.RdfFormat.TURTLE, "turtle"), "ntriples": ("nt", ox.RdfFormat.N_TRIPLES, "ntriples"),
           "jsonld": ("json-ld", ox.RdfFormat.JSON_LD, None), "rdfxml": ("xml", ox.RdfFormat.RDF_XML, "rdfxml")}


@pytest.fixture(scope="module")
def exports(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("exports")
    st = open_store(built_store, read_only=True)
    out = {}
    for fmt in publish.EXPORT_FORMATS:
        out[fmt] = d / f"smartgraph.{fmt}"
        out[fmt].write_bytes(publish.export(st, fmt, DatasetInfo(BASE)))
    return out


def test_description_conforms_to_dcat_ap_3(built_store: Path) -> None:
    g = publish.describe(open_store(built_store, read_only=True), DatasetInfo(BASE))
    assert check_dcat_ap(g) == []
    ds = URIRef(BASE + "dataset")
    assert {lit.language for lit in g.objects(ds, DCTERMS.title)} == {"zh-Hant", "en"}
    assert len(list(g.objects(ds, DCAT.distribution))) == len(publish.EXPORT_FORMATS) + 1
    assert any(g.objects(None, DCAT.endpointURL)) and any(g.objects(ds, DCTERMS.publisher))
    st = open_store(built_store, read_only=True)
    every = int(st.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")["results"]["bindings"][0]["n"]["value"])
    total = sum(st.graph_counts().values())  # the named graphs' triples, not the derived graphs' rows
    assert int(g.value(ds, VOID.triples)) == total < every
    linksets = {str(t) for ls in g.objects(ds, VOID.subset) for t in g.objects(ls, VOID.objectsTarget)}
    assert linksets == {"https://sws.geonames.org/", "http://www.wikidata.org/entity/"}
    assert any(g.objects(ds, VOID.exampleResource)) and any(g.objects(ds, VOID.vocabulary))
    # the check can fail: a description without a title does not conform
    g.remove((ds, DCTERMS.title, None))
    assert any("title" in p for p in check_dcat_ap(g))


def test_shipped_dcat_ap_shapes_are_the_official_file() -> None:
    vendor = Path(__file__).resolve().parents[2] / "shared" / "vendor" / "dcat-ap-3.0-shacl.ttl"
    shipped = resources.read_text(resources.DCAT_AP_SHAPES)
    if vendor.exists():  # beside a checkout of the workspace
        assert shipped == vendor.read_text(encoding="utf-8")
    assert "DCAT-AP" in shipped and len(Graph().parse(data=shipped, format="turtle")) > 1000


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld", "rdfxml"])
def test_rdflib_pyoxigraph_and_rapper_agree(exports: dict[str, Path], fmt: str) -> None:
    rdflib_fmt, ox_fmt, rapper_fmt = PARSERS[fmt]
    n_rdflib = len(Graph().parse(exports[fmt], format=rdflib_fmt))
    n_ox = len(set(ox.parse(path=str(exports[fmt]), format=ox_fmt)))
    n_nt = len(Graph().parse(exports["ntriples"], format="nt"))
    assert n_rdflib == n_ox == n_nt > 3000
    if rapper_fmt:  # raptor2 has no JSON-LD parser
        rapper = shutil.which("rapper")
        assert rapper, "Debian's raptor2-utils is needed: apt-get install raptor2-utils"
        r = subprocess.run([rapper, "-c", "-i", rapper_fmt, str(exports[fmt])], capture_output=True, text=True)
        assert r.returncode == 0 and f"returned {n_nt} triples" in r.stderr


def test_named_graphs_are_kept_in_trig_and_nquads(exports: dict[str, Path], built_store: Path) -> None:
    d = Dataset()
    d.parse(exports["trig"], format="trig")
    graphs = {str(c.identifier) for c in d.contexts()} - {"urn:x-rdflib:default"}
    assert BASE + "graph/description" in graphs and len(graphs) == 4  # ontology, two releases, description
    quads = list(ox.parse(path=str(exports["nquads"]), format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(list(d.quads()))
    r = subprocess.run(["rapper", "-c", "-i", "trig", str(exports["trig"])], capture_output=True, text=True)
    assert f"returned {len(quads)} triples" in r.stderr


def test_exports_are_deterministic_and_pretty(built_store: Path, exports: dict[str, Path]) -> None:
    st = open_store(built_store, read_only=True)
    for fmt in publish.EXPORT_FORMATS:
        assert publish.export(st, fmt, DatasetInfo(BASE)) == exports[fmt].read_bytes(), fmt
    ttl = exports["turtle"].read_text(encoding="utf-8")
    assert "@prefix schema: <https://schema.org/> ." in ttl and "@zh-Hant" in ttl and "@zh-hant" not in ttl
    doc = json.loads(exports["jsonld"].read_text(encoding="utf-8"))
    assert doc["@context"] == json.loads(resources.read_text(resources.JSONLD_CONTEXT))["@context"]
    assert any(n["@id"].startswith("https://w3id.org/smartgraph/id/") for n in doc["@graph"])


def test_telephones_are_left_out_unless_kept(built_store: Path) -> None:
    st = open_store(built_store, read_only=True)
    tel = re.compile(rb"<https://schema.org/telephone> \"")
    assert not tel.search(publish.export(st, "nt"))
    kept = publish.export(st, "nt", keep_contacts=True)
    assert len(tel.findall(kept)) >= 3


def test_cli_export_writes_whole_files_only(built_store: Path, tmp_path: Path) -> None:
    from tests.test_cli import run

    out = tmp_path / "g.ttl"
    code, _, err = run("export", "--store", str(built_store), "--format", "ttl", "--out", str(out))
    assert code == 0 and out.stat().st_size > 1000 and "wrote" in err
    code, _, err = run("export", "--store", str(built_store), "--format", "ttl", "--out", str(tmp_path / "missing" / "g.ttl"))
    assert code == 2 and "cannot write" in err and not (tmp_path / "missing").exists()
    assert not list(tmp_path.glob(".*.tmp"))
    code, out_text, err = run("describe", "--store", str(built_store), "--check")
    assert code == 0 and "dcat:Dataset" in out_text and "conforms to DCAT-AP 3.0" in err


def test_cli_export_reports_a_store_failure_midway_as_itself(built_store: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from smartgraph.errors import StoreError
    from smartgraph.sparql.store import EmbeddedStore
    from tests.test_cli import run

    def fail(self: EmbeddedStore) -> bytes:
        raise StoreError("the store could not be read", hint="check the disk")

    monkeypatch.setattr(EmbeddedStore, "union_ntriples", fail)
    out = tmp_path / "g.ttl"
    code, _, err = run("export", "--store", str(built_store), "--format", "ttl", "--out", str(out))
    assert code != 0 and "the store could not be read" in err and "check the disk" in err and "cannot write" not in err
    assert not out.exists() and not list(tmp_path.glob(".*.tmp"))


def _expected_quads(st: Store, info: DatasetInfo) -> list[ox.Quad]:
    """The export's quads worked out another way: every named graph's quad and the description's, without
    telephone numbers, sorted by their terms."""
    quads = {q for q in st.quads() if q.predicate.value != publish.TELEPHONE}
    g = ox.NamedNode(info.base_iri + publish.DESCRIPTION_GRAPH)
    nt = publish.describe(st, info).serialize(format="nt", encoding="utf-8")
    quads |= {ox.Quad(t.subject, t.predicate, t.object, g) for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)}
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def test_exports_hold_the_sorted_quads_and_triples_of_the_store(built_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    st = open_store(built_store, read_only=True)
    info = DatasetInfo(BASE)
    expected = _expected_quads(st, info)
    assert list(ox.parse(publish.export(st, "nq", info), format=ox.RdfFormat.N_QUADS)) == expected
    assert list(ox.parse(publish.export(st, "trig", info), format=ox.RdfFormat.TRIG)) == expected
    triples = sorted({q.triple for q in expected}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    assert [q.triple for q in ox.parse(publish.export(st, "nt", info), format=ox.RdfFormat.N_TRIPLES)] == triples
    whole = publish.export(st, "ttl", info)
    assert {q.triple for q in ox.parse(whole, format=ox.RdfFormat.TURTLE)} == set(triples)
    # written a few lines at a time, cut between subjects: the same bytes, prefixes once
    monkeypatch.setattr(publish, "PIECE_LINES", 7)
    assert publish.export(st, "ttl", info) == whole and whole.count(b"@prefix schema:") == 1
    assert publish.export(st, "nt", info) == b"".join(
        publish.canonical_lang_tags(ox.serialize([t], format=ox.RdfFormat.N_TRIPLES) or b"") for t in triples)


def test_export_writes_to_a_stream_and_reports_progress(built_store: Path, tmp_path: Path) -> None:
    st = open_store(built_store, read_only=True)
    seen: list[tuple[int, int]] = []
    with (tmp_path / "g.nq").open("wb") as f:
        publish.write_export(st, "nq", f, DatasetInfo(BASE), on_progress=lambda done, total: seen.append((done, total)))
    assert (tmp_path / "g.nq").read_bytes() == publish.export(st, "nq", DatasetInfo(BASE))
    assert seen[-1] == (len(st.named_graphs()) + 1, len(st.named_graphs()) + 1)  # and the description graph


BUREAUS = Path(__file__).parent / "data" / "bureaus"
TAIPEI_GOVERNMENT = "https://w3id.org/smartgraph/id/org/gov-gn-1668341"


@pytest.fixture(scope="module")
def bureaus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Releases of three bureaus of one city government (資訊局, 觀光傳播局, 產業發展局)."""
    from smartgraph import pipeline
    from smartgraph.config import Settings

    releases = sorted(BUREAUS.glob("*.txt"))
    assert len(releases) == 3
    path = tmp_path_factory.mktemp("bureaus") / "store"
    st = open_store(path)
    report = pipeline.build([BUREAUS], st, Settings(store=path))
    st.close()
    assert report.ok and report.count("stored") == 3
    return path


def test_several_bureaus_one_publisher_and_the_bureaus_as_creators(bureaus_store: Path) -> None:
    st = open_store(bureaus_store, read_only=True)
    publishers = {r["p"]["value"] for r in st.select("SELECT DISTINCT ?p WHERE { ?d a <https://schema.org/NewsArticle> ; "
                                                     "<https://schema.org/publisher> ?p }")["results"]["bindings"]}
    assert len(publishers) == 3  # three bureaus published releases
    g = publish.describe(st, DatasetInfo(BASE))
    ds = URIRef(BASE + "dataset")
    assert [str(p) for p in g.objects(ds, DCTERMS.publisher)] == [TAIPEI_GOVERNMENT]
    assert {str(c) for c in g.objects(ds, DCTERMS.creator)} == publishers
    assert {str(n) for n in g.objects(URIRef(TAIPEI_GOVERNMENT), FOAF.name)} >= {"臺北市政府", "Taipei City Government"}
    assert check_dcat_ap(g) == []


def test_describe_check_passes_on_several_bureaus_and_the_publisher_is_configurable(bureaus_store: Path) -> None:
    from tests.test_cli import run

    code, out, err = run("describe", "--store", str(bureaus_store), "--check")
    assert code == 0 and "conforms to DCAT-AP 3.0" in err, err
    other = "https://data.example.org/open-data-office"
    code, out, err = run("describe", "--store", str(bureaus_store), "--check", "--publisher", other, "--publisher-name", "Open data office")
    assert code == 0, err
    g = Graph().parse(data=out, format="turtle")
    assert [str(p) for p in g.objects(URIRef(BASE + "dataset"), DCTERMS.publisher)] == [other]
    code, _, err = run("describe", "--store", str(bureaus_store), "--publisher", other)
    assert code == 2 and "--publisher-name" in err
