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
from smartgraph.vocab import canonical_lang

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


def build_document(path: Path, settings: Settings, doc: Document | None = None) -> tuple[DocumentResult, URIRef | None, Graph | None]:
    """One document through every stage but the store (``doc``: the file already read)."""
    try:
        doc = doc or documents.read(path)
        facts = extract(doc)
        g = graph.to_graph(facts, settings.base_iri)
        report = validation.validate(g)
    except SmartgraphError as e:
        return DocumentResult(str(path), "error", error=str(e)), None, None
    status = "stored" if report.conforms else "invalid"
    result = DocumentResult(str(path), status, facts.count(), len(g), report.violations, tuple(facts.notices))
    return result, graph.graph_iri(settings.base_iri, doc.source), g


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
    result, name, g = build_document(path, settings, doc)
    if result.status == "stored" and name is not None and g is not None:
        try:
            store.replace_graph(name, g)
        except SmartgraphError as e:
            return DocumentResult(str(path), "error", error=str(e))
    return result


def read_graph(store: Store, name: str) -> Graph:
    res = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    g = Graph()
    from rdflib import BNode, Literal

    def term(b: dict[str, str]) -> URIRef | BNode | Literal:
        if b["type"] == "uri":
            return URIRef(b["value"])
        if b["type"] == "bnode":
            return BNode(b["value"])
        lang = b.get("xml:lang")
        return Literal(b["value"], lang=canonical_lang(lang) if lang else None,
                       datatype=URIRef(b["datatype"]) if "datatype" in b else None)

    for row in res["results"]["bindings"]:
        g.add((term(row["s"]), term(row["p"]), term(row["o"])))
    return g


def validate_store(store: Store, settings: Settings, on_progress: Callable[[int, int], None] | None = None) -> ValidationReport:
    """Validate every document graph in the store, one graph at a time."""
    names = [g for g in store.named_graphs() if g != settings.base_iri + ONTOLOGY_GRAPH]
    violations: list[Violation] = []
    for n, name in enumerate(names, 1):
        r = validation.validate(read_graph(store, name))
        violations.extend(r.violations)
        if on_progress:
            on_progress(n, len(names))
    return ValidationReport(not any(v.severity == "Violation" for v in violations), tuple(violations))


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
