"""documents -> extraction -> graph -> validation -> store: each document on its own, in parallel processes.

A document that cannot be read, or whose graph does not conform, is reported and left out; the
store keeps whatever it had for it. Documents whose text did not change since the last build are
skipped (their content hash is in the store).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from rdflib import Graph

from smartgraph import documents, graph, ntlines, procs, resources, summaries, validation
from smartgraph.config import Settings
from smartgraph.errors import DocumentError, SmartgraphError
from smartgraph.extraction import extract
from smartgraph.model import Document, Notice, ValidationReport, Violation
from smartgraph.queries import Catalog
from smartgraph.sparql import spans
from smartgraph.sparql.remote import RemoteStore
from smartgraph.sparql.store import EmbeddedStore, Store
from smartgraph.vocab import SCD, canonical_lang_tags

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
    summaries: summaries.Refresh | None = None  # the canned queries' rows materialised at the end, if they were

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
UNION_LINES = 100_000  # union triples a process remembers having sent in a build (about 27 MB), so as not to send them again


@dataclass(frozen=True)
class BuildOptions:
    """How documents are built: ``strict`` refuses a document whose graph breaks a shape (instead of dropping
    the facts that break it); a file larger than ``max_document_bytes`` is refused unread; each process
    remembers up to ``union_lines`` union triples it sent to the store, and does not send them again."""

    strict: bool = False
    max_document_bytes: int | None = documents.DEFAULT_MAX_DOCUMENT_BYTES
    union_lines: int = UNION_LINES
    materialise: str = "auto"  # the canned queries' rows at the end (summaries.refresh): auto | always | never


MATERIALISE = ("auto", "always", "never")
REFRESH_SHARE = 0.05  # under auto, a build that stored this share of the store's releases writes the rows again whole


def _materialise(store: EmbeddedStore, mode: str, stored: int) -> bool | None:
    """Whether the rows are written again whole (True), only where they changed (False), or not at all (None: left stale,
    or fresh and the spans' provenance rows trusted)."""
    if mode == "never" or (summaries.fresh(store) and spans.trusted(store.oxigraph)):
        return None
    return mode == "always" or stored >= max(1, REFRESH_SHARE * len(store.document_hashes()))


def build_document(path: Path, settings: Settings, doc: Document | None = None, options: BuildOptions = BuildOptions()) -> Built:
    """One document through every stage but the store (``doc``: the file already read); its graph as N-Triples.

    A fact whose nodes break a shape is dropped, with a notice naming the line it came from, the shape
    and why, and the rest of the document is kept; ``options.strict`` refuses the whole document instead."""
    result, name, nt, _ = _build_document(path, settings, doc, options)
    return result, name, nt


def _build_document(path: Path, settings: Settings, doc: Document | None, options: BuildOptions) -> tuple[
        DocumentResult, str | None, str | None, ntlines.Lines | None]:
    """``build_document``, and its N-Triples' lines and terms as the graph stage wrote them (``graph.to_lines``; split
    again after facts were dropped), for the new graph."""
    strict = options.strict
    try:
        doc = doc or documents.read(path, options.max_document_bytes)
        facts = extract(doc)
        written = graph.to_lines(facts, settings.base_iri)
        nt, triples = written.text, len(written.lines)
        lines: ntlines.Lines | None = written
        report = validation.validate_ntriples(nt, lines)
        notices = list(facts.notices)
        if not report.conforms and not strict:
            nt, dropped, report = drop_violations(nt, report, doc)
            notices += dropped
            triples = nt.count("\n")
            lines = ntlines.split(nt)
    except SmartgraphError as e:
        return DocumentResult(str(path), "error", error=str(e)), None, None, None
    except Exception as e:  # a fault of ours on one document: reported with it, and the other documents still build
        return DocumentResult(str(path), "error", error=internal_error(e)), None, None, None
    status = "stored" if report.conforms else "invalid"
    result = DocumentResult(str(path), status, facts.count(), triples, report.violations, tuple(notices))
    return result, str(graph.graph_iri(settings.base_iri, doc.source)), nt, lines


def internal_error(e: Exception) -> str:
    """What a document's result says when smartgraph itself failed on it (not the file's fault): the exception and
    where it was raised, so that the file can be reported; the build goes on with the other documents."""
    frames = traceback.extract_tb(e.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return (f"smartgraph failed on this document ({type(e).__name__}: {e}{where}); the other documents were built. "
            "This is a bug in smartgraph, not in the file: please report it with the file attached")


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
        nt = "".join(line for line in (ln + "\n" for ln in nt.split("\n")[:-1])  # LF ends a line, not U+2028
                     if not (line.startswith(marks) or line.startswith(parts) or any(f" {m} ." in line for m in marks)))
        report = validation.validate_ntriples(nt)
    return nt, notices, report


_HASH_MARK = f"> <{SCD.sha256}> "


@dataclass(frozen=True)
class NewGraph:
    """A graph ready for the store (``EmbeddedStore.add_new_graphs``): its quads (but its content hash), the triples it
    adds to the union default graph and its spans' provenance rows (``spans.nquads``), N-Quads for one bulk load; the
    content hash's line, written last."""

    name: str
    quads: bytes
    union: bytes
    held: str
    rows: bytes = b""

    def ntriples(self) -> str:
        """The graph as N-Triples (its content hash included), to replace a graph the store has."""
        suffix = f" <{self.name}> ."
        lines = self.quads.decode("utf-8").split("\n")[:-1]  # not splitlines: U+2028 or U+0085 may stand in a literal
        return "".join(ln[:-len(suffix)] + " .\n" for ln in lines) + self.held


def new_graph(name: str, nt: str, union: set[str] | None = None, remember: int = 0, lines: ntlines.Lines | None = None) -> NewGraph:
    """Make a new graph (name, N-Triples) ready to write. ``union``: the N-Triples lines this build has already
    sent to the default graph, left out here and (up to ``remember`` lines in all) added to; None sends all.
    ``lines``: ``nt`` split already (``ntlines.split``)."""
    at = nt.find(_HASH_MARK)
    held = ""
    if at >= 0:  # the document's hash line: held back, the rest of the graph as it is
        start, end = nt.rfind("\n", 0, at) + 1, nt.index("\n", at) + 1
        held, nt = nt[start:end], nt[:start] + nt[end:]
        if lines is not None:
            lines = lines.cut(start)
    # N-Triples escape newlines inside literals; the text encoded once, its lines' ends replaced in UTF-8 (which writes
    # no ASCII byte inside another character): split and joined, the same bytes as ``replace`` in two thirds of its time
    quads = f" <{name}> .\n".encode().join(nt.encode("utf-8").split(b" .\n"))
    if union is None:
        triples = nt
    else:
        # not splitlines: U+2028 or U+0085 may stand in a literal
        text_lines = lines.lines if lines is not None else [ln + "\n" for ln in nt.split("\n")[:-1]]
        fresh = [ln for ln in text_lines if ln not in union]
        if len(union) < remember:
            union.update(fresh)
        triples = "".join(fresh)
    rows = spans.nquads_of_lines(name, lines) if lines is not None else spans.nquads_of(name, nt)
    return NewGraph(name, quads, triples.encode("utf-8"), held, rows.encode("utf-8"))


Built = tuple[DocumentResult, str | None, str | None]  # a result, its graph's name and N-Triples when stored
Prepared = tuple[DocumentResult, str | None, str | None, NewGraph | None]  # and the graph ready to add to the store


def _prepare(path: Path, settings: Settings, known_hash: str | None, options: BuildOptions, union: set[str]) -> Prepared:
    """Read a document; skip it if its text hashes as the stored one, else build it and make its graph
    ready for the store's bulk load (N-Quads; the union's triples this process sent before left out)."""
    doc = None
    if known_hash is not None:
        try:
            doc = documents.read(path, options.max_document_bytes)
        except SmartgraphError as e:
            return DocumentResult(str(path), "error", error=str(e)), None, None, None
        except Exception as e:
            return DocumentResult(str(path), "error", error=internal_error(e)), None, None, None
        if doc.sha256 == known_hash:
            return DocumentResult(str(path), "unchanged", notices=doc.notices), None, None, None
    result, name, nt, lines = _build_document(path, settings, doc, options)
    if result.status != "stored" or name is None or nt is None or known_hash is not None:
        return result, name, nt, None  # a graph the store has: replaced whole, its N-Triples as they are
    return result, name, None, new_graph(name, nt, union, options.union_lines, lines)  # the N-Triples are in it


_UNION: set[str] = set()  # in a worker process: the union's triples (N-Triples lines) it sent in this build

_WARM_TEXT = ("臺北市政府資訊局 新聞稿\n\n發布日期：2020-01-02\n\n臺北市與東京都簽署合作備忘錄\n\n"
              "臺北市長今日與日本東京都知事共同簽署智慧城市合作備忘錄。The Mayor of Taipei said the two cities will cooperate.\n")


def warm() -> None:
    """Read once what every document needs (word lists, dictionaries, shapes, TBox, the document validator): in the fork server
    (smartgraph.buildwarm), so that the worker processes forked from it start warm."""
    try:
        nt, _ = graph.to_ntriples(extract(documents.parse(_WARM_TEXT, "warm-up.txt")), "https://example.org/")
        validation.validate_ntriples(nt)  # the validator made (its TBox's index and results: 0.13 s), the SPARQL parsed
    except Exception:  # the fork server must start: a worker meets the same failure and reports it
        return


def _prepare_chunk(jobs: list[tuple[Path, str | None]], settings: Settings, options: BuildOptions) -> list[Prepared]:
    return [_prepare(path, settings, known, options, _UNION) for path, known in jobs]


GC_THRESHOLD = (10_000, 10, 10)  # a worker's collections: 0.47 ms CPU a release at Python's (700, 10, 10), none to speak of here


def _start_worker(lifeline: Any) -> None:
    """A worker's start: what the fork server read (word lists, shapes, TBox) lives as long as the worker and is
    left out of its garbage collections, which run less often (a release makes tens of thousands of short-lived objects)."""
    procs.watch(lifeline)
    _UNION.clear()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


CHUNK = 16  # documents a worker process takes at a time
WRITE_BATCH = 512  # new graphs written to the store together: a bulk load costs less a quad in larger batches (10,000 bench
# releases, load and final compaction measured alone: 8.9 ms CPU a release by 256, 8.8 by 512, 8.0 by 1024; but by 1,024 the
# build's peak RSS at 10,000 releases was 1,361 MB against 735, for a wall time within the run-to-run noise)
OPTIMIZE_AFTER = 128  # new graphs after which a build compacts the store
BULK_TRIPLES = 200_000  # triples a non-transactional bulk request of `load --bulk`


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _built(jobs: list[tuple[Path, str | None]], settings: Settings, workers: int, options: BuildOptions) -> Iterator[Prepared]:
    """Every document built, in input order: in worker processes when there are enough documents to share.

    At most a few chunks per worker are in flight, so the corpus streams through and is never held whole."""
    if workers <= 1 or len(jobs) < 4 * CHUNK:
        union: set[str] = set()
        for path, known in jobs:
            yield _prepare(path, settings, known, options, union)
        return
    chunks = iter([jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)])
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["smartgraph.pipeline", "smartgraph.buildwarm"])
    lifeline = procs.Lifeline(ctx)  # the workers end with this process, even when it is killed (kill -9)
    with closing(lifeline), ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker,
                                                 initargs=(lifeline.end,)) as pool:
        window: deque[Future[list[Prepared]]] = deque(pool.submit(_prepare_chunk, c, settings, options) for c in islice(chunks, 4 * workers))
        while window:
            done = window.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                window.append(pool.submit(_prepare_chunk, nxt, settings, options))
            yield from done


def build(inputs: Iterable[Path], store: Store, settings: Settings, *, force: bool = False,
          on_progress: Progress | None = None, workers: int = 1, globs: Iterable[str] = (), strict: bool = False,
          max_document_bytes: int | None = documents.DEFAULT_MAX_DOCUMENT_BYTES, union_lines: int = UNION_LINES,
          materialise: str = "auto") -> BuildReport:
    """Build every press release named (files or folders) into the store.

    With ``workers`` > 1 documents are read, extracted, mapped and validated in that many processes
    (started by a fork server: a script calling this needs the usual ``if __name__ == "__main__":``
    guard; the CLI uses one process per CPU), which also make each new graph ready for the store's bulk
    load. Graphs new to the store are written in batches (``EmbeddedStore.add_new_graphs``) by a thread
    while the next documents come in; a graph the store has is replaced on its own, all or nothing.
    The union default graph gets each triple once or a few times, not once a graph that holds it: a
    process leaves out the union triples it sent before (up to ``union_lines`` remembered).
    ``globs`` choose what a folder contributes (``documents.iter_inputs``); files that are not press
    releases are listed in the report's ``skipped``. No input at all to build is a DocumentError.
    A fact that breaks a shape is dropped with a notice and the rest of its document stored; with
    ``strict`` the document is refused whole. A file larger than ``max_document_bytes`` is refused unread
    (reported as an error; the rest still build). ``materialise`` says how the canned queries' rows in the
    derived summaries graph are made those of the store at the end (``summaries.refresh``), so that the
    server pages from them: ``auto`` (the buckets of rows that changed written again, or all of them when
    the store has none yet, a refresh was cut short or this build stored at least REFRESH_SHARE of its
    releases), ``always`` (all of them, whole) or ``never`` (left stale: the server runs the plain queries)."""
    if materialise not in MATERIALISE:
        raise ValueError(f"materialise must be one of {', '.join(MATERIALISE)}, not {materialise!r}")
    options = BuildOptions(strict, max_document_bytes, union_lines, materialise)
    report = BuildReport()
    paths = list(documents.iter_inputs(inputs, globs, report.skipped))
    if not paths:
        names = ", ".join(str(p) for p in inputs)
        raise DocumentError(names, "holds no press release: every file named was skipped",
                            hint=f"name .txt, .text, .html or .htm files ({', '.join(s.reason for s in report.skipped[:1])})")
    onto = ontology_graph().serialize(format="nt")
    if not (isinstance(store, EmbeddedStore) and store.holds(settings.base_iri + ONTOLOGY_GRAPH, onto)):
        store.replace_graph_nt(settings.base_iri + ONTOLOGY_GRAPH, onto)
    known = {} if force else store.document_hashes()
    jobs = [(p, known.get(str(graph.graph_iri(settings.base_iri, p.name)))) for p in paths]
    with _Writer(store) as writer:
        for n, (result, name, nt, new) in enumerate(_built(jobs, settings, workers, options), 1):
            report.results.append(result)
            if result.status == "stored" and name is not None and (nt is not None or new is not None):
                writer.put(result, name, nt, new)
            if on_progress:
                on_progress(n, len(paths), result)
    whole = _materialise(store, options.materialise, report.count("stored")) if isinstance(store, EmbeddedStore) else None
    if isinstance(store, EmbeddedStore) and whole is not None:  # canned queries' rows, for fast pages
        report.summaries = summaries.refresh(store.oxigraph, Catalog.load(), whole=whole)
    if report.count("stored") >= OPTIMIZE_AFTER:
        store.optimize()  # bulk loads leave many small files behind; queries are several times faster once merged
    return report


class _Writer:
    """Writes a build's graphs to the store in input order: new graphs by the batch (``WRITE_BATCH``), in
    a thread of their own (Oxigraph's bulk load lets the interpreter go on receiving documents meanwhile),
    a graph the store has replaced whole in its own transaction, once the batches before it are written.

    A document's graph leaves out the union triples an earlier document of the build sent (they are in
    an earlier batch, or the same one). If a write fails, its documents are errors and, as later graphs
    may have counted on its union triples, the default graph is made the union again at the end."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pending: list[tuple[DocumentResult, NewGraph]] = []
        self.names: set[str] = set()  # the graphs this build added
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self.inflight: deque[tuple[list[DocumentResult], Future[None]]] = deque()
        self.failed = False

    def put(self, result: DocumentResult, name: str, nt: str | None, new: NewGraph | None) -> None:
        if name in self.names:
            self.drain()  # the same graph twice in one build (one file name in two folders): the last wins
        if new is None or name in self.names or self.store.has_graph(name):
            self.drain()
            try:
                self.store.replace_graph_nt(name, nt if nt is not None else new.ntriples() if new is not None else "")
            except SmartgraphError as e:
                self.failed = True
                result.status, result.error = "error", str(e)
            return
        self.names.add(name)
        self.pending.append((result, new))
        if len(self.pending) >= WRITE_BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        graphs: list[tuple[str, tuple[bytes, ...], str]] = [(g.name, (g.quads, g.union, g.rows), g.held) for _, g in batch]
        self.inflight.append(([r for r, _ in batch], self.thread.submit(self.store.add_new_graphs, graphs)))
        while len(self.inflight) > 1:
            self._settle()

    def _settle(self) -> None:
        results, fut = self.inflight.popleft()
        try:
            fut.result()
        except SmartgraphError as e:
            self.failed = True
            for r in results:
                r.status, r.error = "error", str(e)

    def drain(self) -> None:
        self.flush()
        while self.inflight:
            self._settle()

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if exc[0] is None:
                self.drain()
        finally:
            self.thread.shutdown(wait=True)
        if self.failed:
            self.store.restore_union()


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


_LANG_AT = re.compile(rb'"@([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*) ')


def _language_tags(store: EmbeddedStore, graphs: dict[str, int]) -> set[str]:
    """The language tags a load will write: those the build writes, and those of the graphs that are not a
    release's (the ontology, the dataset description: small). Reading every release's literals would cost a
    scan of the store (100 s at 10,000 releases)."""
    tags = {graph.ZH, graph.EN}
    releases = store.document_hashes()
    for name in graphs:
        if name not in releases:
            tags |= {m.decode() for m in _LANG_AT.findall(store.graph_ntriples(name))}
    return tags


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
    remote.register_languages(_language_tags(store, local))  # alone, before the parallel requests (Virtuoso)
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
