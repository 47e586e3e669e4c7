"""The build in worker processes, batched writes of new graphs, and what a write cut off leaves behind."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from smartgraph import graph, pipeline
from smartgraph.config import Settings
from smartgraph.errors import StoreError
from smartgraph.sparql.store import EmbeddedStore
from smartgraph.vocab import SCD

from .conftest import ROOT


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough generated releases (80) for the build to share them among worker processes."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    out = tmp_path_factory.mktemp("synthetic")
    corpus.generate(5 * pipeline.CHUNK, out, seed=3)
    return out


def quads(store: EmbeddedStore) -> set[tuple[str, str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store.oxigraph}


def test_workers_build_what_one_process_builds(synthetic: Path) -> None:
    one, two = EmbeddedStore(None), EmbeddedStore(None)
    a = pipeline.build([synthetic], one, Settings(), workers=1)
    b = pipeline.build([synthetic], two, Settings(), workers=2)
    assert a.ok and b.ok and a.count("stored") == b.count("stored") == 5 * pipeline.CHUNK
    assert [r.path for r in a.results] == [r.path for r in b.results]  # input order kept
    assert quads(one) == quads(two)  # named graphs and the union default graph alike


def test_a_batch_cut_off_before_its_hashes_is_rebuilt_whole(synthetic: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The bulk part of a batch goes in, then the write of the content hashes fails: those documents do
    not count as stored, and the next build replaces their graphs whole."""
    store = EmbeddedStore(None)
    settings = Settings()

    def crash(inner: Any, quads: list[Any]) -> None:
        if any(q.predicate.value == str(SCD.sha256) for q in quads):
            raise OSError("disk full (simulated)")
        inner.extend(quads)

    monkeypatch.setattr(pipeline, "WRITE_BATCH", 1000)
    store._s = _Wrapped(store.oxigraph, crash)  # type: ignore[assignment]
    report = pipeline.build([synthetic], store, settings, workers=1)
    assert report.count("error") == 5 * pipeline.CHUNK
    assert "disk full" in report.results[0].error and not store.document_hashes()
    store._s = store._s.inner  # type: ignore[attr-defined]
    again = pipeline.build([synthetic], store, settings, workers=1)
    assert again.ok and again.count("stored") == 5 * pipeline.CHUNK
    reference = EmbeddedStore(None)
    pipeline.build([synthetic], reference, settings, workers=1)
    assert quads(store) == quads(reference)


class _Wrapped:
    """A pyoxigraph store whose ``extend`` fails."""

    def __init__(self, inner: object, extend: object) -> None:
        self.inner = inner
        self._extend = extend

    def extend(self, quads: object) -> None:
        self._extend(self.inner, quads)  # type: ignore[operator]

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def test_add_graphs_refuses_bad_ntriples_and_names_the_batch() -> None:
    store = EmbeddedStore(None)
    with pytest.raises(StoreError, match="could not write 1 new graphs"):
        store.add_graphs_nt([("http://example.org/g", "<http://example.org/s> <http://example.org/p> oops .\n")])
    assert not store.named_graphs()


def test_literals_and_iris_are_written_as_valid_ntriples() -> None:
    """Quotes, backslashes and line ends in text are escaped; characters N-Triples forbids in an IRI
    (a URL copied from a release with a space in it) are percent-encoded."""
    from rdflib import Literal, URIRef

    b = graph._Builder.__new__(graph._Builder)
    b.lines = {}
    b.terms = {}
    text = 'He said "yes" \\ then\nleft\r'
    b.add(URIRef("http://example.org/s"), URIRef("http://example.org/p"), graph.lit(text, lang="en"))
    b.add(URIRef("http://example.org/s"), URIRef("http://example.org/q"), URIRef("http://example.org/a b>c"))
    b.add(URIRef("http://example.org/s"), URIRef("http://example.org/n"), graph.lit(3, datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")))
    g = Graph().parse(data=b.written().text, format="nt")
    assert Literal(text, lang="en") in set(g.objects())
    assert URIRef("http://example.org/a%20b%3Ec") in set(g.objects())
    assert Literal(3) in set(g.objects())


def test_a_fault_of_ours_on_one_document_is_reported_with_it_and_the_others_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception that is no SmartgraphError (a bug met on one odd file) makes that document an error that names
    the exception and where it was raised; the build stores the rest and its report is not ok (exit 1)."""
    from smartgraph import documents

    (tmp_path / "a.txt").write_text("發布日期：2020-01-02\n\n臺北市與東京都簽署合作備忘錄\n\n臺北市長今日與東京都知事簽署備忘錄。\n")
    (tmp_path / "b.txt").write_text("Date: 2020-01-02\n\nTaipei signs an MOU\n\nThe Mayor of Taipei signed an MOU with Tokyo.\n")
    real = pipeline.extract

    def fails_on_b(doc: documents.Document) -> Any:
        if doc.source == "b.txt":
            return [][1]  # IndexError, as a header rule once raised on a line of three bars
        return real(doc)

    monkeypatch.setattr(pipeline, "extract", fails_on_b)
    store = EmbeddedStore(None)
    report = pipeline.build([tmp_path], store, Settings(), workers=1)
    by_name = {Path(r.path).name: r for r in report.results}
    assert by_name["a.txt"].status == "stored" and by_name["b.txt"].status == "error"
    assert "IndexError" in by_name["b.txt"].error and "test_pipeline.py:" in by_name["b.txt"].error
    assert "report it" in by_name["b.txt"].error and not report.ok
    assert len(store.document_hashes()) == 1
