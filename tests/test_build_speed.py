"""The build's fast paths give the same results as the plain ones: validation of one document after
another against a TBox loaded once, and the store written in batches."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from smartgraph import documents, graph, ntlines, pipeline, shacl, validation
from smartgraph.config import Settings
from smartgraph.errors import ResourceError
from smartgraph.extraction import extract
from smartgraph.pipeline import new_graph
from smartgraph.sparql.store import EmbeddedStore
from smartgraph.vocab import DERIVED_GRAPHS, SCD

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


def test_documents_validated_in_the_store_shared_with_the_tbox_give_the_reports_of_fresh_stores() -> None:
    """The way taken when a SPARQL-based constraint may read the TBox: each document in a graph beside it."""
    checker = validation.DocumentValidator(renew=3)
    assert checker.alone  # our shapes' queries match no TBox predicate: each document is validated in a store of its own
    checker.alone = False
    differ = [name for name, nt in _document_graphs() if checker.validate(nt) != validation.validate_ntriples_fresh(nt)]
    assert not differ


def test_the_predicates_a_constraint_query_reads_are_known_or_it_is_read_as_reading_anything() -> None:
    head = "PREFIX s: <https://schema.org/>\n"
    assert shacl._query_predicates(head + "SELECT $this WHERE { $this s:a ?x FILTER NOT EXISTS { ?x s:b ?y } "
                                          "OPTIONAL { ?x s:c ?z } }") == {f"https://schema.org/{p}" for p in "abc"}
    for body in ("$this ?p ?x", "$this s:a/s:b ?x", "GRAPH ?g { $this s:a ?x }", "$this s:a ?x . { SELECT ?x WHERE { ?x ?q ?z } }"):
        assert shacl._query_predicates(head + f"SELECT $this WHERE {{ {body} }}") is None, body
    assert shacl._query_predicates("SELECT nonsense") is None


def test_a_graph_that_does_not_parse_is_reported_and_leaves_nothing_behind() -> None:
    checker = validation.DocumentValidator()
    for alone in (True, False):
        checker.alone = alone
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


# --------------------------------------------------------------------------- the store: built the plain way and the fast way


@pytest.fixture(scope="module")
def bench_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated releases of every form (both languages, reprints), enough to share among worker processes
    and to fill more than one write batch."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    out = tmp_path_factory.mktemp("bench-corpus")
    corpus.generate(12 * pipeline.CHUNK, out, seed=11)
    return out


def _quads(store: EmbeddedStore) -> set[tuple[str, str, str, str]]:
    """The store's quads but the derived graphs' (the canned queries' rows and the spans', tested in test_summaries and
    test_spans)."""
    derived = {f"<{g}>" for g in DERIVED_GRAPHS}
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in store.oxigraph
            if str(q.graph_name) not in derived}


def _plain_build(folder: Path) -> EmbeddedStore:
    """The store built the plain way: each document validated in a fresh store, its graph written alone in one
    transaction with its triples added to the default graph."""
    store = EmbeddedStore(None)
    settings = Settings()
    store.replace_graph(URIRef(settings.base_iri + pipeline.ONTOLOGY_GRAPH), pipeline.ontology_graph())
    fast = validation.validate_ntriples
    validation.validate_ntriples = validation.validate_ntriples_fresh  # type: ignore[assignment]
    try:
        for path in sorted(folder.glob("*.txt")):
            result, name, nt = pipeline.build_document(path, settings)
            if result.status == "stored" and name and nt:
                store.replace_graph_nt(name, nt)
    finally:
        validation.validate_ntriples = fast  # type: ignore[assignment]
    return store


@pytest.fixture(scope="module")
def plain(bench_corpus: Path) -> set[tuple[str, str, str, str]]:
    return _quads(_plain_build(bench_corpus))


@pytest.mark.parametrize(("workers", "union_lines", "batch"), [(1, pipeline.UNION_LINES, 40), (2, pipeline.UNION_LINES, 40), (2, 300, 1000)])
def test_the_fast_build_stores_what_the_plain_one_does(bench_corpus: Path, plain: set[tuple[str, str, str, str]], workers: int,
                                                       union_lines: int, batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batched bulk loads, union triples sent once a process (or, past ``union_lines``, again), writes in a
    thread: the same named graphs and the same union default graph as writing graph by graph."""
    monkeypatch.setattr(pipeline, "WRITE_BATCH", batch)
    store = EmbeddedStore(None)
    report = pipeline.build([bench_corpus], store, Settings(), workers=workers, union_lines=union_lines)
    assert report.ok and report.count("stored") == 12 * pipeline.CHUNK
    got = _quads(store)
    assert len(got) > 10_000 and any(q[3] == "DEFAULT" for q in got)
    assert got == plain


def test_a_build_killed_with_kill_9_leaves_a_store_the_next_build_completes(bench_corpus: Path, tmp_path: Path,
                                                                              plain: set[tuple[str, str, str, str]]) -> None:
    store = tmp_path / "store"
    cmd = [sys.executable, "-m", "smartgraph.cli", "build", str(bench_corpus), "--store", str(store), "--workers", "2", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None and len(list(store.glob("*.sst"))) < 2:
            time.sleep(0.05)  # the first batches are on disk: kill it in the middle of the build
        assert proc.poll() is None, "the build ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-2000:]
    done = re.search(r"(\d+) stored, (\d+) unchanged", again.stdout)
    assert done and int(done.group(1)) > 0, again.stdout  # the killed build had left work to do
    st = EmbeddedStore(store, read_only=True)
    try:
        assert _quads(st) == plain
    finally:
        st.close()


def test_a_new_graph_keeps_lines_whole_when_a_literal_holds_unicode_line_separators() -> None:
    """N-Triples ends lines at LF only: a literal may hold U+2028, U+0085 or a form feed, which str.splitlines
    would cut at; the graph must still load whole, and read back as it was written."""
    name = "http://example.org/graph/a"
    sha = f"<http://example.org/doc/a> <{SCD.sha256}> \"abc\" .\n"
    nt = ('<http://example.org/s> <http://example.org/p> "one\u2028two\u0085three\x0cfour"@en .\n'
          '<http://example.org/s> <http://example.org/q> <http://example.org/o> .\n' + sha)
    union: set[str] = {'<http://example.org/s> <http://example.org/q> <http://example.org/o> .\n'}
    g = new_graph(name, nt, union, remember=10)
    assert g.held == sha and sorted(g.ntriples().split("\n")) == sorted(nt.split("\n"))
    assert g.union.decode("utf-8").count("\n") == 1  # the line sent before is left out of the union
    store = EmbeddedStore(None)
    store.add_new_graphs([(g.name, (g.quads, g.union), g.held)])
    assert store.graph_ntriples(name).count(b"\n") == 3 and store.union_ntriples().count(b"\n") == 2
    def quads() -> int:  # but the derived graphs' (a new store's marker that its spans' rows are kept)
        return sum(1 for q in store.oxigraph if getattr(q.graph_name, "value", "") not in DERIVED_GRAPHS)

    assert quads() == 3 + 2  # the line left out of the union (as if an earlier graph had sent it) is not there
    store.restore_union()  # what a build does after a failed write
    assert quads() == 3 + 3


def test_every_constraint_parameter_is_in_a_group_validation_tests() -> None:
    """Validation skips the groups of constraints a shape does not have: a parameter outside every group would never be checked."""
    grouped = set().union(*shacl._GROUPS.values())
    read_with_another = {"property", "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint", "ignoredProperties"}
    assert set(shacl.PARAMS) - read_with_another == grouped


def test_a_new_graphs_quads_are_its_lines_with_the_graph_named() -> None:
    """Each line ``s p o .`` of a new graph is written ``s p o <g> .`` (the text split at the lines' ends and joined): the
    same bytes as replacing every line's end, a literal holding `` .`` or an escaped newline left as it is."""
    name = "http://example.org/graph/b"
    nt = ('<http://example.org/s> <http://example.org/p> "a dot . then an escaped newline \\n ." .\n'
          '<http://example.org/s> <http://example.org/q> "臺北 ." .\n'
          '<http://example.org/s> <http://example.org/r> <http://example.org/o> .\n')
    g = new_graph(name, nt)
    assert g.quads == nt.encode("utf-8").replace(b" .\n", f" <{name}> .\n".encode())
    assert g.quads.decode("utf-8").split("\n")[:-1] == [ln[:-1] + f"<{name}> ." for ln in nt.split("\n")[:-1]]


def test_long_literals_are_made_for_their_document_alone() -> None:
    """A literal longer than validation keeps from one document to the next (a release's text) is looked up with the other
    objects for its document only, then left out of the terms kept: the report is a fresh store's, named twice or once."""
    long = "長" * (validation._TOKEN_CHARS_KEPT + 10)
    doc = "<http://example.org/doc/long>"
    nt = graph.to_ntriples(extract(documents.read(seed_paths()[0])), BASE)[0]
    nt += f'{doc} <https://schema.org/text> "{long}" .\n{doc} <http://www.w3.org/2000/01/rdf-schema#comment> "{long}" .\n'
    lines = ntlines.split(nt)
    assert lines is not None
    checker = validation.DocumentValidator()
    for _ in range(2):
        assert checker.validate(nt, lines) == validation.validate_ntriples_fresh(nt)
        assert not [t for t in validation._OBJECTS if t[:1] == '"' and len(t) > validation._TOKEN_CHARS_KEPT]
