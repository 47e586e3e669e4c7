"""documents -> extraction -> graph -> validation -> store, one document at a time.

A document that cannot be read, or whose graph does not conform, is reported and left out; the
store keeps whatever it had for it. Documents whose text did not change since the last build are
skipped (their content hash is in the store).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from smartgraph import documents, graph, resources, validation
from smartgraph.config import Settings
from smartgraph.errors import SmartgraphError
from smartgraph.extraction import extract
from smartgraph.model import Document, Notice, ValidationReport, Violation
from smartgraph.remote import RemoteStore
from smartgraph.store import EmbeddedStore, Store

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


def build_document(path: Path, settings: Settings, doc: Document | None = None) -> tuple[DocumentResult, URIRef | None, str | None]:
    """One document through every stage but the store (``doc``: the file already read); its graph as N-Triples."""
    try:
        doc = doc or documents.read(path)
        facts = extract(doc)
        g = graph.to_graph(facts, settings.base_iri)
        nt = graph.ntriples(g)
        report = validation.validate_ntriples(nt)
    except SmartgraphError as e:
        return DocumentResult(str(path), "error", error=str(e)), None, None
    status = "stored" if report.conforms else "invalid"
    result = DocumentResult(str(path), status, facts.count(), len(g), report.violations, tuple(facts.notices))
    return result, graph.graph_iri(settings.base_iri, doc.source), nt


def build(inputs: Iterable[Path], store: Store, settings: Settings, *, force: bool = False,
          on_progress: Progress | None = None) -> BuildReport:
    """Build every press release named (files or folders) into the store."""
    paths = list(documents.iter_inputs(inputs))
    report = BuildReport()
    store.replace_graph(URIRef(settings.base_iri + ONTOLOGY_GRAPH), ontology_graph())
    known = {} if force else store.document_hashes()
    for n, path in enumerate(paths, 1):
        result = _one(path, store, settings, known)
        report.results.append(result)
        if on_progress:
            on_progress(n, len(paths), result)
    return report


def _one(path: Path, store: Store, settings: Settings, known: dict[str, str]) -> DocumentResult:
    doc = None
    if known:
        try:
            doc = documents.read(path)
        except SmartgraphError as e:
            return DocumentResult(str(path), "error", error=str(e))
        if known.get(str(graph.graph_iri(settings.base_iri, doc.source))) == doc.sha256:
            return DocumentResult(str(path), "unchanged", notices=doc.notices)
    result, name, nt = build_document(path, settings, doc)
    if result.status == "stored" and name is not None and nt is not None:
        try:
            store.replace_graph_nt(str(name), nt)
        except SmartgraphError as e:
            return DocumentResult(str(path), "error", error=str(e))
    return result


def validate_store(store: EmbeddedStore) -> ValidationReport:
    """Validate the whole stored graph (the union of the document graphs, with the ontology graph as TBox) at once."""
    return validation.validate_union(store.oxigraph)


@dataclass
class LoadReport:
    graphs: int = 0
    triples: int = 0
    mismatches: list[tuple[str, int, int]] = field(default_factory=list)  # graph, local count, remote count

    @property
    def ok(self) -> bool:
        return not self.mismatches


def load(store: EmbeddedStore, remote: RemoteStore, *, batch: int = 50_000,
         on_progress: Callable[[str, int, int], None] | None = None) -> LoadReport:
    """Push every named graph of the embedded store into a remote store, graph by graph, then verify the counts.

    ``on_progress(graph, triples_sent, triples_in_graph)`` after each request."""
    report = LoadReport()
    remote.drop_scratch_graphs()
    local = store.graph_counts()
    for name in sorted(local):
        lines = store.graph_lines(name)
        sent = [0]

        def tick(n: int, name: str = name, total: int = len(lines), sent: list[int] = sent) -> None:
            sent[0] += n
            if on_progress:
                on_progress(name, sent[0], total)

        remote.replace_graph(name, lines, batch=batch, on_batch=tick)
        report.graphs += 1
        report.triples += len(lines)
    there = remote.graph_counts()
    for name, n in sorted(local.items()):
        if there.get(name, 0) != n:
            report.mismatches.append((name, n, there.get(name, 0)))
    return report
