"""documents -> extraction -> graph -> validation -> store: each document on its own, in parallel processes.

A document that cannot be read, or whose graph does not conform, is reported and left out; the
store keeps whatever it had for it. Documents whose text did not change since the last build are
skipped (their content hash is in the store).
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rdflib import Graph, URIRef

from smartgraph import documents, graph, procs, resources, validation
from smartgraph.config import Settings
from smartgraph.errors import DocumentError, SmartgraphError
from smartgraph.extraction import extract
from smartgraph.model import Document, Notice, ValidationReport, Violation
from smartgraph.sparql.remote import RemoteStore
from smartgraph.sparql.store import EmbeddedStore, Store
from smartgraph.vocab import canonical_lang_tags

ONTOLOGY_GRAPH = "graph/ontology"


@dataclass
class DocumentResult:
    path: str
    status: str  # stored | unchanged | invalid | error
    facts: int = 0
    triples: int = 0
    violations: tuple[Violation, ...] = ()
    notices: tuple[Notice, ...] = ()
    error: str = ""


@dataclass
class BuildReport:
    results: list[DocumentResult] = field(default_factory=list)
    skipped: list[documents.Skipped] = field(default_factory=list)  # files that are not press releases

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def facts(self) -> int:
        return sum(r.facts for r in self.results)

    @property
    def violations(self) -> int:
        return sum(sum(1 for v in r.violations if v.severity == "Violation") for r in self.results)

    @property
    def ok(self) -> bool:
        return not any(r.status in ("error", "invalid") for r in self.results)


Progress = Callable[[int, int, DocumentResult], None]


def ontology_graph() -> Graph:
    """The ontology, schemes and shapes, stored in their own named graph so queries can read labels."""
    g = Graph()
    for f in resources.ontology_files():
        g.parse(data=f.read_text(encoding="utf-8"), format="turtle")
    return g


REPAIR_ROUNDS = 4  # facts dropped in turn before a document that still breaks a shape is refused


@dataclass(frozen=True)
class BuildOptions:
    """How documents are built: ``strict`` refuses a document whose graph breaks a shape (instead of dropping
    the facts that break it); a file larger than ``max_document_bytes`` is refused unread."""

    strict: bool = False
    max_document_bytes: int | None = documents.DEFAULT_MAX_DOCUMENT_BYTES


def build_document(path: Path, settings: Settings, doc: Document | None = None, options: BuildOptions = BuildOptions()) -> Built:
    """One document through every stage but the store (``doc``: the file already read); its graph as N-Triples.

    A fact whose nodes break a shape is dropped, with a notice naming the line it came from, the shape
    and why, and the rest of the document is kept; ``options.strict`` refuses the whole document instead."""
    strict = options.strict
    try:
        doc = doc or documents.read(path, options.max_document_bytes)
        facts = extract(doc)
        nt, triples = graph.to_ntriples(facts, settings.base_iri)
        report = validation.validate_ntriples(nt)
        notices = list(facts.notices)
        if not report.conforms and not strict:
            nt, dropped, report = drop_violations(nt, report, doc)
            notices += dropped
            triples = nt.count("\n")
    except SmartgraphError as e:
        return DocumentResult(str(path), "error", error=str(e)), None, None
    status = "stored" if report.conforms else "invalid"
    result = DocumentResult(str(path), status, facts.count(), triples, report.violations, tuple(notices))
    return result, str(graph.graph_iri(settings.base_iri, doc.source)), nt


_DERIVED = re.compile(r"^<([^>]+)> <http://www\.w3\.org/ns/prov#wasDerivedFrom> <([^>]+)> \.$", re.M)
_START = re.compile(r'^<([^>]+)/position> <http://www\.w3\.org/ns/oa#start> "(\d+)"', re.M)


def drop_violations(nt: str, report: ValidationReport, doc: Document) -> tuple[str, list[Notice], ValidationReport]:
    """Drop the nodes that break a shape (every triple about them, or pointing to them, and their parts), in
    rounds until the graph conforms; each drop is a notice with the source line, the shape and the message."""
    notices: list[Notice] = []
    for _ in range(REPAIR_ROUNDS):
        bad = sorted({v.focus for v in report.violations if v.severity == "Violation"})
        if not bad:
            break
        spans = dict(_DERIVED.findall(nt))
        starts = {span: int(n) for span, n in _START.findall(nt)}
        for v in report.violations:
            if v.severity != "Violation":
                continue
            start = starts.get(spans.get(v.focus, ""))
            notices.append(Notice(f"dropped a fact that breaks {v.shape.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}: {v.message} "
                                  f"({v.focus})", doc.line_of(start) if start is not None else None))
        marks = tuple(f"<{f}>" for f in bad)
        parts = tuple(f"<{f}/" for f in bad)
        nt = "".join(line for line in nt.splitlines(keepends=True)
                     if not (line.startswith(marks) or line.startswith(parts) or any(f" {m} ." in line for m in marks)))
        report = validation.validate_ntriples(nt)
    return nt, notices, report


Built = tuple[DocumentResult, str | None, str | None]  # a result, its graph's name and N-Triples when stored


def _prepare(path: Path, settings: Settings, known_hash: str | None, options: BuildOptions) -> Built:
    """Read a document; skip it if its text hashes as the stored one, else build it."""
    doc = None
    if known_hash is not None:
        try:
            doc = documents.read(path, options.max_document_bytes)
        except SmartgraphError as e:
            return DocumentResult(str(path), "error", error=str(e)), None, None
        if doc.sha256 == known_hash:
            return DocumentResult(str(path), "unchanged", notices=doc.notices), None, None
    return build_document(path, settings, doc, options)


def _prepare_chunk(jobs: list[tuple[Path, str | None]], settings: Settings, options: BuildOptions) -> list[Built]:
    return [_prepare(path, settings, known, options) for path, known in jobs]


CHUNK = 16  # documents a worker process takes at a time
WRITE_BATCH = 128  # new graphs written to the store together
BULK_TRIPLES = 200_000  # triples a non-transactional bulk request of `load --bulk`


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _built(jobs: list[tuple[Path, str | None]], settings: Settings, workers: int, options: BuildOptions) -> Iterator[Built]:
    """Every document built, in input order: in worker processes when there are enough documents to share.

    At most a few chunks per worker are in flight, so the corpus streams through and is never held whole."""
    if workers <= 1 or len(jobs) < 4 * CHUNK:
        for path, known in jobs:
            yield _prepare(path, settings, known, options)
        return
    chunks = iter([jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)])
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["smartgraph.pipeline"])
    lifeline = procs.Lifeline(ctx)  # the workers end with this process, even when it is killed (kill -9)
    with closing(lifeline), ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=procs.watch,
                                                 initargs=(lifeline.end,)) as pool:
        window: deque[Future[list[Built]]] = deque(pool.submit(_prepare_chunk, c, settings, options) for c in islice(chunks, 3 * workers))
        while window:
            done = window.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                window.append(pool.submit(_prepare_chunk, nxt, settings, options))
            yield from done


def build(inputs: Iterable[Path], store: Store, settings: Settings, *, force: bool = False,
          on_progress: Progress | None = None, workers: int = 1, globs: Iterable[str] = (), strict: bool = False,
          max_document_bytes: int | None = documents.DEFAULT_MAX_DOCUMENT_BYTES) -> BuildReport:
    """Build every press release named (files or folders) into the store.

    With ``workers`` > 1 documents are read, extracted, mapped and validated in that many processes
    (started by a fork server: a script calling this needs the usual ``if __name__ == "__main__":``
    guard; the CLI uses one process per CPU). Graphs new to the store are written in batches
    (``EmbeddedStore.add_graphs_nt``); a graph the store has is replaced on its own, all or nothing.
    ``globs`` choose what a folder contributes (``documents.iter_inputs``); files that are not press
    releases are listed in the report's ``skipped``. No input at all to build is a DocumentError.
    A fact that breaks a shape is dropped with a notice and the rest of its document stored; with
    ``strict`` the document is refused whole. A file larger than ``max_document_bytes`` is refused unread
    (reported as an error; the rest still build)."""
    options = BuildOptions(strict, max_document_bytes)
    report = BuildReport()
    paths = list(documents.iter_inputs(inputs, globs, report.skipped))
    if not paths:
        names = ", ".join(str(p) for p in inputs)
        raise DocumentError(names, "holds no press release: every file named was skipped",
                            hint=f"name .txt, .text, .html or .htm files ({', '.join(s.reason for s in report.skipped[:1])})")
    store.replace_graph(URIRef(settings.base_iri + ONTOLOGY_GRAPH), ontology_graph())
    known = {} if force else store.document_hashes()
    jobs = [(p, known.get(str(graph.graph_iri(settings.base_iri, p.name)))) for p in paths]
    pending: list[tuple[DocumentResult, str, str]] = []

    def write_pending() -> None:
        try:
            store.add_graphs_nt([(name, nt) for _, name, nt in pending])
        except SmartgraphError as e:
            for r, _, _ in pending:
                r.status, r.error = "error", str(e)
        pending.clear()

    for n, (result, name, nt) in enumerate(_built(jobs, settings, workers, options), 1):
        report.results.append(result)
        if result.status == "stored" and name is not None and nt is not None:
            if any(name == other for _, other, _ in pending):
                write_pending()  # the same graph twice in one build (one file name in two folders): the last wins
            if store.has_graph(name):
                try:
                    store.replace_graph_nt(name, nt)
                except SmartgraphError as e:
                    result.status, result.error = "error", str(e)
            else:
                pending.append((result, name, nt))
                if len(pending) >= WRITE_BATCH:
                    write_pending()
        if on_progress:
            on_progress(n, len(paths), result)
    write_pending()
    if report.count("stored") >= WRITE_BATCH:
        store.optimize()  # bulk loads leave many small files behind; queries are several times faster once merged
    return report


def validate_store(store: EmbeddedStore) -> ValidationReport:
    """Validate the whole stored graph (the union of the document graphs, with the ontology graph as TBox) at once."""
    return validation.validate_union(store.oxigraph)


@dataclass
class LoadReport:
    graphs: int = 0
    triples: int = 0
    mismatches: list[tuple[str, int, int]] = field(default_factory=list)  # graph, local count, remote count
    union_default: bool | None = None  # whether the default graph there shows the named graphs' triples (after any --write-union)
    union_written: bool = False

    @property
    def ok(self) -> bool:
        return not self.mismatches


def load(store: EmbeddedStore, remote: RemoteStore, *, batch: int = 50_000, parallel: int = 4, bulk: bool = False,
         write_union: bool = False, on_progress: Callable[[str, int, int], None] | None = None) -> LoadReport:
    """Push every named graph of the embedded store into a remote store, each graph replaced whole, then verify the counts.

    Small graphs go several to a request, up to ``batch`` triples (one transaction on the stores that
    make a request one); a graph larger than ``batch`` goes alone, in batches through a scratch graph.
    With ``bulk``, the graphs the remote store does not hold yet go instead through Oxigraph server's
    non-transactional bulk load, ``BULK_TRIPLES`` a request: faster, and what the store held before is
    still left whole by a failure, but the new graphs may then be partly there until a load runs again.
    ``parallel`` requests are prepared and sent at a time: the triplestore parses one while the next
    is read here. ``on_progress(graph, triples_sent, triples_in_graph)`` after each request, from
    the thread that sent it.

    Then it asks the triplestore whether its default graph shows what was loaded (the canned queries read
    the default graph); where it does not, ``write_union`` makes it the union of the named graphs."""
    report = LoadReport()
    remote.drop_scratch_graphs()
    local = store.graph_counts()
    new = set(local) - set(remote.graph_counts()) if bulk else set()
    groups: list[list[str]] = []
    for names, limit in ((sorted(new), BULK_TRIPLES), (sorted(set(local) - new), batch)):
        size = 0
        first = len(groups)
        for name in names:
            if len(groups) == first or size + local[name] > limit or local[groups[-1][0]] > limit:  # a large graph goes alone
                groups.append([])
                size = 0
            groups[-1].append(name)
            size += local[name]

    def send(names: list[str]) -> int:
        if names[0] in new:  # N-Triples "s p o ." lines become N-Quads "s p o <g> ." in one pass over the bytes
            remote.add_graphs_bulk(names, b"".join(canonical_lang_tags(
                store.graph_ntriples(name).replace(b" .\n", f" <{name}> .\n".encode())) for name in names))
            for name in names:
                if on_progress:
                    on_progress(name, local[name], local[name])
            return sum(local[name] for name in names)
        if len(names) > 1 or local[names[0]] <= batch:
            graphs = [(name, store.graph_lines(name)) for name in names]
            remote.replace_graphs(graphs)
            for name, lines in graphs:
                if on_progress:
                    on_progress(name, len(lines), len(lines))
            return sum(len(lines) for _, lines in graphs)
        name = names[0]
        lines = store.graph_lines(name)
        sent = 0

        def tick(n: int) -> None:
            nonlocal sent
            sent += n
            if on_progress:
                on_progress(name, sent, len(lines))

        remote.replace_graph(name, lines, batch=batch, on_batch=tick)
        return len(lines)

    with ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        window: deque[tuple[list[str], Future[int]]] = deque()
        todo = iter(groups)
        for names in islice(todo, 2 * parallel):
            window.append((names, pool.submit(send, names)))
        while window:
            names, fut = window.popleft()
            sent = fut.result()  # a failure stops the load here; every graph sent so far is whole
            nxt = next(todo, None)
            if nxt is not None:
                window.append((nxt, pool.submit(send, nxt)))
            report.graphs += len(names)
            report.triples += sent
    there = remote.graph_counts()
    for name, n in sorted(local.items()):
        if there.get(name, 0) != n:
            report.mismatches.append((name, n, there.get(name, 0)))
    probe = _probe_triple(store)
    if probe is not None:
        report.union_default = remote.default_graph_holds(probe)
        if not report.union_default and write_union:
            remote.write_union()
            report.union_written = True
            report.union_default = remote.default_graph_holds(probe)
    return report


def _probe_triple(store: EmbeddedStore) -> str | None:
    """A triple of a named graph, IRIs only (a literal's form or tag may be rewritten by the store), as N-Triples terms."""
    rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER (isIRI(?s) && isIRI(?o)) } LIMIT 1")["results"]["bindings"]
    return " ".join(f"<{rows[0][v]['value']}>" for v in ("s", "p", "o")) if rows else None
