"""Canned queries' rows materialised at build time (smartgraph.summaries) against the plain queries.

Every materialisable canned query, in each language, for several parameter values and pages, must give
the same rows in the same order read from the materialised rows as the plain query does, on the seeds
and on a generated bench corpus; the rows stay out of the union, and any write makes them stale."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from smartgraph import graph, pipeline, summaries
from smartgraph.config import Settings
from smartgraph.queries import LANGUAGES, Catalog
from smartgraph.sparql.store import EmbeddedStore, open_store
from smartgraph.vocab import DERIVED_GRAPHS, SUMMARY_GRAPH, SUMMARY_NS

from .conftest import seeds_and_generated

ROOT = Path(__file__).resolve().parents[1]
CATALOG = Catalog.load()
MATERIALISED = [q for q in CATALOG if summaries.materialisable(q)]


@pytest.fixture(scope="module")
def bench_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 generated releases (bench/corpus.py) built into a store."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import corpus
    finally:
        sys.path.remove(str(ROOT / "bench"))
    work = tmp_path_factory.mktemp("bench")
    corpus.generate(200, work / "corpus", 7)
    st = open_store(work / "store")
    report = pipeline.build([work / "corpus"], st, Settings(store=work / "store"), workers=2)
    st.close()
    assert report.summaries is not None and report.summaries.rows > 0
    return work / "store"


def rows(st: EmbeddedStore, text: str) -> list[tuple[Any, ...]]:
    res = st.select(text)
    names = res["head"]["vars"]
    return [tuple(tuple(sorted(b[v].items())) if v in b else None for v in names) for b in res["results"]["bindings"]]


def cases(st: EmbeddedStore) -> list[tuple[str, dict[str, list[str]], int, int]]:
    """(query, parameters, limit, offset): each language, up to three values of each facet and two at once,
    first pages, page 10 of a small page size, and pages across bucket boundaries."""
    out = []
    for q in MATERIALISED:
        langs = [{"lang": [lang]} for lang in LANGUAGES] if any(p.name == "lang" for p in q.params) else [{}]
        params: list[dict[str, list[str]]] = list(langs)
        for p in summaries.facets(q):
            values = [str(v) for v in summaries._candidates(st.oxigraph, p)]
            used = [v for v in values if rows(st, q.prepare({p.name: v}))][:3]
            params += [{p.name: [v]} for v in used] + ([{p.name: used[:2], "lang": ["en"]}] if len(used) > 1 else [])
        for values in params:
            for limit, offset in ((100, 0), (10, 90), (7, 95), (100, 100)):
                out.append((q.name, values, limit, offset))
    return out


def compare(path: Path) -> int:
    st = EmbeddedStore(path, read_only=True)
    assert summaries.fresh(st)
    checked = nonempty = 0
    for name, values, limit, offset in cases(st):
        q = CATALOG.get(name)
        fast = summaries.fast_page(q, values, limit, offset)
        if fast is None:  # several values of a facet no row shows (statements' themes): the plain query answers
            assert len(values) == 2 and all(p.name not in q.variables for p in summaries.facets(q) if p.name in values)
            continue
        plain = rows(st, q.page(values, limit, offset))
        assert rows(st, fast) == plain, (name, values, limit, offset)
        checked += 1
        nonempty += bool(plain)
    assert nonempty * 5 > checked  # the comparisons are about rows, not only about empty pages
    return checked


def test_materialisable_queries() -> None:
    assert {q.name for q in MATERIALISED} >= {"documents", "statements", "officials", "network", "events"}
    assert not summaries.materialisable(CATALOG.get("provenance"))  # its entity is required: one look-up anyway


def test_materialised_pages_equal_plain_ones_on_the_seeds(built_store: Path) -> None:
    assert compare(built_store) > 50


def test_materialised_pages_equal_plain_ones_on_a_bench_corpus(bench_store: Path) -> None:
    assert compare(bench_store) > 50


def test_rows_stay_out_of_the_union_and_the_exports(built_store: Path) -> None:
    """Both derived graphs: the canned queries' rows and the spans' provenance rows (test_spans)."""
    st = EmbeddedStore(built_store, read_only=True)
    assert all(st.has_graph(g) for g in DERIVED_GRAPHS)
    assert not st.select(f"ASK {{ {{ ?row <{SUMMARY_NS}rank> ?r }} UNION {{ ?span <{SUMMARY_NS}quoted> ?r }} }}")["boolean"]
    assert not set(DERIVED_GRAPHS) & set(st.named_graphs())
    assert not set(DERIVED_GRAPHS) & set(st.graph_counts())
    assert all(q.graph_name.value not in DERIVED_GRAPHS for q in st.quads())


def test_a_parameter_that_is_no_facet_falls_back_to_the_plain_query() -> None:
    q = CATALOG.get("officials")
    both = {"country": ["https://w3id.org/smartgraph/id/country/jp"], "person": ["https://w3id.org/smartgraph/id/person/x"]}
    assert summaries.fast_page(q, both, 10) is None
    assert summaries.page(q, both, 10) == q.page(both, 10)
    assert summaries.fast_page(CATALOG.get("events"), {"year": "2021"}, 10) is None


def test_any_write_makes_the_rows_stale_and_a_build_refreshes_them(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "store"
    st = open_store(path)
    pipeline.build([corpus], st, Settings(store=path))
    assert summaries.fresh(st)
    st.update("INSERT DATA { GRAPH <https://w3id.org/smartgraph/graph/extra> { <urn:x:a> <urn:x:b> <urn:x:c> } }")
    assert not summaries.fresh(st)
    report = pipeline.build([corpus], st, Settings(store=path), materialise="never")  # never: the rows stay stale
    assert report.summaries is None and not summaries.fresh(st)
    # auto: no release stored, the rows are made right again, and the spans' provenance rows (smartgraph.sparql.spans),
    # which an update written by hand may have changed, are written again from the store
    report = pipeline.build([corpus], st, Settings(store=path))
    assert report.summaries is not None and not report.summaries.whole and report.summaries.span_rows and summaries.fresh(st)
    st.update("INSERT DATA { GRAPH <https://w3id.org/smartgraph/graph/extra> { <urn:x:a> <urn:x:b> <urn:x:d> } }")
    report = pipeline.build([corpus], st, Settings(store=path), materialise="always")  # made again, whole
    assert report.summaries is not None and report.summaries.whole and summaries.fresh(st)
    report = pipeline.build([corpus], st, Settings(store=path))
    assert report.summaries is None  # fresh already: nothing to do
    first = sorted(corpus.glob("*.txt"))[0]
    st.remove_graph(next(iter(g for g in st.named_graphs() if first.stem in g)))  # type: ignore[arg-type]
    assert not summaries.fresh(st)
    st.close()


def summary_quads(st: EmbeddedStore) -> set[str]:
    """The quads of the buckets a page can reach (the sets'), and of their rows."""
    import pyoxigraph as ox

    graph = ox.NamedNode(SUMMARY_GRAPH)
    buckets = {q.subject for q in st.oxigraph.quads_for_pattern(None, ox.NamedNode(SUMMARY_NS + "set"), None, graph)}
    rows = {q.subject for q in st.oxigraph.quads_for_pattern(None, ox.NamedNode(SUMMARY_NS + "in"), None, graph) if q.object in buckets}
    return {str(q) for q in st.oxigraph.quads_for_pattern(None, None, None, graph) if q.subject in buckets or q.subject in rows}


def test_a_build_that_changes_adds_and_removes_releases_keeps_the_rows_as_a_whole_refresh_makes_them(tmp_path: Path) -> None:
    """Seeds and 150 generated releases; then releases changed, added and removed, each time followed by a build:
    the rows it leaves, written only where they changed, are those a whole refresh writes, quad for quad (the same
    sets, ranks, buckets and columns), and every page read from them is the plain query's page."""
    folder, other = seeds_and_generated(tmp_path, 150, 7, 6, 8)
    path = tmp_path / "store"
    st = open_store(path)
    try:
        first = pipeline.build([folder], st, Settings(store=path), workers=2)
        assert first.summaries is not None and first.summaries.whole and summaries.fresh(st)
        generated = sorted(folder.glob("0000*_synthetic.txt"))
        news = sorted(other.glob("*.txt"))
        # changed: two generated releases take another corpus's text, a seed loses its second half
        for old, new in zip(generated[3:5], news[:2], strict=True):
            old.write_text(new.read_text(encoding="utf-8"), encoding="utf-8")
        seed = sorted(folder.glob("0*_*.txt"))[0]
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text[: len(text) // 2], encoding="utf-8")
        for new in news[2:5]:  # added
            shutil.copy(new, folder / f"added-{new.name}")
        steps = []
        report = pipeline.build([folder], st, Settings(store=path))
        assert report.count("stored") == 6
        steps.append(report)
        for gone in generated[10:12]:  # removed: their graphs and files
            name = graph.graph_iri(Settings().base_iri, gone.name)
            assert str(name) in st.named_graphs()
            st.remove_graph(name)
            gone.unlink()
        report = pipeline.build([folder], st, Settings(store=path))
        assert report.count("stored") == 0
        steps.append(report)
        for report in steps:
            done = report.summaries
            assert done is not None and not done.whole and summaries.fresh(st)
            assert 0 < done.buckets < done.of / 2  # a few sets and the ends of the whole lists, not every bucket
        assert steps[-1].summaries.garbage > 0  # type: ignore[union-attr]  # rows of the buckets taken away, left unreachable
        incremental = summary_quads(st)
        whole = summaries.refresh(st.oxigraph, CATALOG, garbage=0.0)  # any garbage: the rows written whole
        assert whole.whole and whole.buckets == whole.of and whole.rows == steps[-1].summaries.rows  # type: ignore[union-attr]
        assert whole.garbage == 0 and summary_quads(st) == incremental
    finally:
        st.close()
    assert compare(path) > 50


def test_a_refresh_cut_short_leaves_the_plain_queries_answering_and_the_next_build_writes_the_rows_whole(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store"
    st = open_store(path)
    try:
        pipeline.build([corpus], st, Settings(store=path))
        made = summary_quads(st)
        seed = sorted(corpus.glob("*.txt"))[0]
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text[: len(text) // 2], encoding="utf-8")

        def killed(self: Any) -> None:  # as a kill -9 in the middle of the writes
            self.gone, self.text = self.gone[: len(self.gone) // 2], []
            real(self)
            raise KeyboardInterrupt

        real = summaries._Writer.flush
        monkeypatch.setattr(summaries._Writer, "flush", killed)
        with pytest.raises(KeyboardInterrupt):
            pipeline.build([corpus], st, Settings(store=path))
        assert not summaries.fresh(st) and not summaries.complete(st.oxigraph) and summary_quads(st) != made
        monkeypatch.setattr(summaries._Writer, "flush", real)
        report = pipeline.build([corpus], st, Settings(store=path))  # the text is stored: only the rows are made
        assert report.count("stored") == 0 and report.summaries is not None and report.summaries.whole
        assert summaries.fresh(st) and summaries.complete(st.oxigraph)
    finally:
        st.close()
    assert compare(path) > 50
