"""Stores behind one small protocol. The embedded default is pyoxigraph on disk.

Writes are graph by graph: ``replace_graph`` drops a named graph and inserts its new content in
one transactional SPARQL update, so a failure leaves that graph whole (old or new, never half)
and rebuilding a document never duplicates its facts. Graphs the store does not have yet may go in
by the batch (``add_graphs_nt``): bulk loaded, with each document's content hash written last in one
transaction, so a batch cut off is rebuilt whole by the next build.

The embedded store keeps the union of its named graphs in the default graph, updated in the same
transaction as each named graph. Queries read the default graph: Oxigraph answers a query over a
materialised default graph 30 to 300 times faster than over its computed union of named graphs
(measured on the synthetic corpus, bench/). The default graph is not exported; it is the union.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from rdflib import Graph, URIRef

from smartgraph.errors import StoreError
from smartgraph.sparql import spans, union
from smartgraph.sparql.results import Results
from smartgraph.vocab import DERIVED_GRAPHS, NOT_DERIVED, SCD, SCHEMA, canonical_lang_tags


class Store(Protocol):
    def replace_graph(self, name: URIRef, data: Graph) -> None: ...
    def replace_graph_nt(self, name: str, nt: str) -> None: ...
    def add_graphs_nt(self, graphs: list[tuple[str, str]]) -> None: ...
    def add_new_graphs(self, graphs: list[tuple[str, tuple[bytes, ...], str]]) -> None: ...
    def restore_union(self) -> None: ...
    def has_graph(self, name: str) -> bool: ...
    def optimize(self) -> None: ...
    def remove_graph(self, name: URIRef) -> None: ...
    def named_graphs(self) -> list[str]: ...
    def document_hashes(self) -> dict[str, str]: ...
    def select(self, query: str) -> Results: ...
    def dump(self, fmt: str) -> bytes: ...
    def quads(self) -> Iterator[Any]: ...
    def graph_ntriples(self, name: str) -> bytes: ...
    def union_ntriples(self) -> bytes: ...
    def close(self) -> None: ...


def _ntriples(data: Graph) -> str:
    out = data.serialize(format="nt")
    return out if isinstance(out, str) else out.decode("utf-8")


FORMATS = {
    "ttl": "TURTLE", "turtle": "TURTLE", "nt": "N_TRIPLES", "ntriples": "N_TRIPLES", "nq": "N_QUADS",
    "nquads": "N_QUADS", "trig": "TRIG", "jsonld": "JSON_LD", "xml": "RDF_XML", "rdfxml": "RDF_XML",
}


# --------------------------------------------------------------------------- what a store remembers, and who writes it

META = "smartgraph.json"  # the store's settings, beside RocksDB's own files (which RocksDB leaves alone)
LOCK = "smartgraph.lock"  # flock: one writer (exclusive) at a time; a server taking its snapshot holds it too
SERVING = "smartgraph.serve."  # smartgraph.serve.<pid>.json: a server that serves this store says so here


@dataclass
class StoreMeta:
    """What a store remembers about how it was built; ``serve``, ``export`` and ``load`` read it.

    ``generation`` counts finished builds and updates: a server serving the store notices a new one
    and answers from the new graph."""

    base_iri: str | None = None
    inputs: list[str] = field(default_factory=list)
    built_at: str = ""
    generation: int = 0
    version: str = ""
    format: int = 1


def read_meta(path: Path) -> StoreMeta | None:
    """The settings a store remembers; None for a store made before stores remembered them (or no store)."""
    try:
        data = json.loads((path / META).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:
        raise StoreError(f"cannot read {path / META}: {e}",
                         hint="the file is written by smartgraph build; delete it and build again to rewrite it") from None
    known = {k: v for k, v in data.items() if k in StoreMeta.__dataclass_fields__}
    return StoreMeta(**known)


def write_meta(path: Path, meta: StoreMeta) -> None:
    """Write the settings whole: to a temporary file, then renamed over the old one."""
    tmp = path / f".{META}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(asdict(meta), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        tmp.replace(path / META)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"cannot write {path / META}: {e}", hint="check that the store's folder is writable") from None


def record_build(path: Path, base_iri: str, inputs: list[Path]) -> StoreMeta:
    """After a build: remember its base IRI and inputs, and count one more generation (a server then reloads)."""
    from smartgraph._version import __version__

    meta = read_meta(path) or StoreMeta()
    meta.base_iri = base_iri
    meta.inputs = [str(p.resolve()) for p in inputs]
    meta.built_at = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    meta.generation += 1
    meta.version = __version__
    write_meta(path, meta)
    return meta


def bump_generation(path: Path) -> None:
    """A write other than a build (a SPARQL Update through the server) made a new generation."""
    meta = read_meta(path) or StoreMeta()
    meta.generation += 1
    write_meta(path, meta)


def servers(path: Path) -> list[dict[str, Any]]:
    """The live ``smartgraph serve`` processes that registered as serving this store."""
    out = []
    for f in sorted(path.glob(SERVING + "*.json")) if path.is_dir() else []:
        try:
            info = json.loads(f.read_text(encoding="utf-8"))
            os.kill(int(info["pid"]), 0)
        except ProcessLookupError:
            f.unlink(missing_ok=True)  # left by a server that was killed
            continue
        except (OSError, ValueError, KeyError):
            continue
        if info.get("store") == str(path.resolve()):
            out.append(info)
    return out


def _who(path: Path) -> str:
    """Who holds the store's lock, in words, for an error message."""
    names = [f"smartgraph serve (pid {s['pid']}, {s.get('url') or 'no URL'}; {s.get('mode', '')})" for s in servers(path)]
    with contextlib.suppress(OSError):
        holder = (path / LOCK).read_text(encoding="utf-8").strip()
        if holder:
            names.insert(0, holder)
    return "; ".join(dict.fromkeys(names)) or "another smartgraph process"


class StoreLock:
    """An advisory lock on a store folder (``flock`` on ``smartgraph.lock``), released by the kernel if its holder dies.

    Writers take it exclusive. Servers take it while they snapshot the store, and for as long as they
    run when they read it directly. ``wait_s``: how long to wait for it before giving up."""

    def __init__(self, path: Path, *, exclusive: bool, wait_s: float = 15.0, holder: str = "") -> None:
        import fcntl

        self.path = path
        self.exclusive = exclusive
        self._f: IO[str] | None = None
        try:
            f = open(path / LOCK, "a+", encoding="utf-8")  # noqa: SIM115
        except OSError as e:
            if exclusive:
                raise StoreError(f"cannot lock the store at {path}: {e}", hint="check that its folder is writable") from None
            return  # a store nobody can write to needs no lock to be read
        if exclusive and any(s.get("mode") == "direct" for s in servers(path)):
            wait_s = 0  # a server reading the store directly holds it for as long as it runs: no use waiting
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(f.fileno(), (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    f.close()
                    raise StoreBusy(path, _who(path)) from None
                time.sleep(0.1)
        if exclusive:  # say who holds it, for the message of whoever waits
            f.truncate(0)
            f.write(holder or f"smartgraph (pid {os.getpid()})")
            f.flush()
        self._f = f

    def release(self) -> None:
        import fcntl

        if self._f is not None:
            with contextlib.suppress(OSError):
                if self.exclusive:
                    self._f.truncate(0)
                fcntl.flock(self._f.fileno(), fcntl.LOCK_UN)
            self._f.close()
            self._f = None

    def __enter__(self) -> StoreLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


class StoreBusy(StoreError):
    """Another process writes the store, or reads it in a way a write would break."""

    def __init__(self, path: Path, who: str) -> None:
        super().__init__(f"the store at {path} is in use by {who}",
                         hint="wait for a build to finish; stop a server that reads the store directly (it says so when it "
                              "starts), or build into another --store and serve that")


def _held_quads(held: list[tuple[str, str]]) -> list[Any]:
    """The quads of each graph's held-back N-Triples line (its content hash), in the graph and in the union:
    written last, so a graph cut off before them is built again whole."""
    import pyoxigraph as ox

    out = []
    for name, line in held:
        t = next(iter(ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
        out += [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name)),
                ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())]
    return out


class EmbeddedStore:
    """pyoxigraph on disk (or in memory when ``path`` is None).

    Opened to write, it holds the store's lock (``StoreLock``) until ``close``: one writer at a time,
    and a server never snapshots a store half written."""

    def __init__(self, path: Path | None, read_only: bool = False, *, lock_wait_s: float = 15.0) -> None:
        import pyoxigraph as ox

        self.path = path
        self.read_only = read_only
        self._lock: StoreLock | None = None
        try:
            if path is None:
                self._s = ox.Store()
            elif read_only:
                if not (path / "CURRENT").exists():
                    raise StoreError(f"no store at {path}: nothing has been built there",
                                     hint=f"build one first (smartgraph build data/press-releases --store {path}), or pass --store "
                                          "or set SMARTGRAPH_STORE to the store you built")
                self._s = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._lock = StoreLock(path, exclusive=True, wait_s=lock_wait_s, holder=f"smartgraph build (pid {os.getpid()})")
                self._s = ox.Store(str(path))
        except OSError as e:
            if self._lock is not None:
                self._lock.release()
            if isinstance(e, StoreError):
                raise
            raise StoreError(f"cannot open the store at {path}: {e}",
                             hint="is another program (oxigraph?) writing to it? wait for it, or pass another --store") from None
        if not read_only and next(iter(self._s.named_graphs()), None) is None:
            spans.trust(self._s)  # a new store: every graph written from now on comes with its spans' rows
        if path is not None and not union.union_kept(self._s):
            if read_only:
                raise StoreError(f"the store at {path} was made by an older smartgraph: its default graph is not the union "
                                 "of its named graphs, so queries and exports would miss triples",
                                 hint="run smartgraph build once on it (that upgrades it in place), then try again")
            self._s.update(f"{union.REUNION} ;\n{union.UNTRUST}")

    # ------------------------------------------------------------------ writes
    def replace_graph(self, name: URIRef, data: Graph) -> None:
        self.replace_graph_nt(str(name), _ntriples(data))

    def replace_graph_nt(self, name: str, nt: str) -> None:
        """Replace a named graph by the N-Triples ``nt``, and keep the default graph the union of the named graphs
        and its spans' provenance rows (``spans``) those of its new triples.

        A graph the store does not have yet goes in with one transactional ``extend`` (parsed by the
        N-Triples parser, 5-10 times faster than a SPARQL INSERT DATA); a graph it has is replaced by
        one SPARQL update. Either way the write is all or nothing."""
        import pyoxigraph as ox

        try:
            graph = ox.NamedNode(name)
            triples = list(ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
            if not self._s.contains_named_graph(graph):
                rows = spans.nquads(name, triples)
                self._s.update(union.STALE)
                self._s.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
                               + [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
                               + (list(ox.parse(rows.encode("utf-8"), format=ox.RdfFormat.N_QUADS)) if rows else []))
                return
            self._s.update(f"{union.replace_graph_update(name, nt)} ;\n{spans.replace(name, triples)}")
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"could not write graph <{name}>: {e}", hint="the previous content of that graph is kept") from None

    def add_graphs_nt(self, graphs: list[tuple[str, str]]) -> None:
        """Write many graphs the store does not have yet (name, N-Triples), in two bulk loads and one transaction.

        Bulk loading is three times faster than transactional writes, but not atomic. So each graph's
        content hash (its document's ``scd:sha256`` triple, by which a rebuild decides what to skip) is
        held back and written last, in one transaction: a graph whose hash is missing after a crash is
        rebuilt (replaced whole) by the next build, and no stored graph loses anything."""
        import pyoxigraph as ox

        if not graphs:
            return
        marker = f"> <{SCD.sha256}> "
        quads: list[str] = []
        triples: list[str] = []
        held: list[tuple[str, str]] = []
        for name, nt in graphs:
            at = nt.find(marker)
            if at >= 0:  # the document's hash line: held back, the rest of the graph as it is
                start, end = nt.rfind("\n", 0, at) + 1, nt.index("\n", at) + 1
                held.append((name, nt[start:end]))
                nt = nt[:start] + nt[end:]
            triples.append(nt)
            quads.append(nt.replace(" .\n", f" <{name}> .\n"))  # N-Triples escape newlines inside literals
        try:
            quads += [spans.nquads_of(name, nt) for (name, _), nt in zip(graphs, triples, strict=True)]
            self._s.update(union.STALE)
            self._s.bulk_load("".join(quads).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            self._s.bulk_load("".join(triples).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
            self._s.extend(_held_quads(held))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"could not write {len(graphs)} new graphs: {e}",
                             hint="graphs already stored are untouched; build again to write these") from None

    def holds(self, name: str, nt: str) -> bool:
        """Whether the named graph holds exactly the triples of the N-Triples ``nt`` (a graph with blank nodes never does),
        so that writing it again, which makes the materialised query rows stale, can be left out."""
        import pyoxigraph as ox

        new = {(t.subject, t.predicate, t.object) for t in ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)}
        old = {(q.subject, q.predicate, q.object) for q in self._s.quads_for_pattern(None, None, None, ox.NamedNode(name))}
        return new == old and not any(isinstance(x, ox.BlankNode) for t in new for x in t)

    def has_graph(self, name: str) -> bool:
        import pyoxigraph as ox

        return bool(self._s.contains_named_graph(ox.NamedNode(name)))

    def remove_graph(self, name: URIRef) -> None:
        self._s.update(f"{union.remove_graph_update(str(name))} ;\n{spans.forget([str(name)])}")

    def update(self, text: str, base_iri: str | None = None) -> None:
        """Run a SPARQL Update and keep the default graph the union of the named graphs, in one transaction."""
        try:
            union.update(self._s, text, base_iri)
        except SyntaxError as e:
            raise StoreError(f"the update does not parse: {e}", hint="check the SPARQL Update syntax") from None

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._s.flush()

    def optimize(self) -> None:
        """Compact the store on disk. After bulk loads its indexes sit in many small files, and reads are
        3 to 10 times slower until they are merged (measured on 10,000 synthetic releases, bench/)."""
        if self.path is not None and not self.read_only:
            self._s.optimize()

    def add_new_graphs(self, graphs: list[tuple[str, tuple[bytes, ...], str]]) -> None:
        """``add_graphs_nt`` for graphs a build's worker processes made ready: (name, N-Quads of its quads, of
        the triples it adds to the default graph and of its spans' provenance rows (``spans.nquads``), in parts,
        the content hash's N-Triples line held back and written last).

        Loaded leniently (IRIs not checked again): each graph's N-Triples were parsed strictly when they were
        validated, in the worker that made them (``validation.validate_ntriples``); a tenth of the load's CPU."""
        import pyoxigraph as ox

        if not graphs:
            return
        data = b"".join(part for _, parts, _ in graphs for part in parts)
        try:
            self._s.update(union.STALE)  # the materialised rows no longer answer for the store
            self._s.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
            self._s.extend(_held_quads([(name, held) for name, _, held in graphs if held]))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"could not write {len(graphs)} new graphs: {e}",
                             hint="graphs already stored are untouched; build again to write these") from None

    def restore_union(self) -> None:
        """Make the default graph the union of the named graphs again (after a write that failed part way); the spans'
        rows are written again by the next refresh (``spans``)."""
        self._s.update(f"{union.REUNION} ;\n{union.UNTRUST}")

    # ------------------------------------------------------------------ reads
    @property
    def oxigraph(self) -> Any:
        """The pyoxigraph store itself (its default graph is the union of the named graphs)."""
        return self._s

    def named_graphs(self) -> list[str]:
        """The named graphs, but the derived one of materialised query rows (``summaries``)."""
        return sorted(g.value for g in self._s.named_graphs() if g.value not in DERIVED_GRAPHS)

    def document_hashes(self) -> dict[str, str]:
        """Each document graph's content hash, so a rebuild can skip what did not change."""
        res = self.select(
            f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?d a <{SCHEMA.NewsArticle}> ; <{SCD.sha256}> ?h }} }}"
        )
        return {b["g"]["value"]: b["h"]["value"] for b in res["results"]["bindings"]}

    def select(self, query: str) -> Results:
        """Run a SELECT or ASK query over the union of all graphs; SPARQL 1.1 Query Results JSON."""
        import pyoxigraph as ox

        try:
            res = self._s.query(query)
        except SyntaxError as e:
            raise StoreError(f"the query does not parse: {e}", hint="check the SPARQL syntax") from None
        if isinstance(res, ox.QueryBoolean):
            return Results.ask(bool(res))
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError("the query is not a SELECT or ASK query", hint="use a SELECT query here")
        data = res.serialize(format=ox.QueryResultsFormat.JSON)
        assert data is not None
        return Results.from_json(json.loads(data))  # BCP 47 case, as the server and the exports write tags

    def ask(self, query: str) -> bool:
        return bool(self.select(query)["boolean"])

    def construct(self, query: str) -> bytes:
        """A CONSTRUCT or DESCRIBE query's triples as N-Triples (language tags in BCP 47 case)."""
        import pyoxigraph as ox

        try:
            res = self._s.query(query)
        except SyntaxError as e:
            raise StoreError(f"the query does not parse: {e}", hint="check the SPARQL syntax") from None
        if not isinstance(res, ox.QueryTriples):
            raise StoreError("the query is not a CONSTRUCT or DESCRIBE query", hint="use a CONSTRUCT query here")
        return canonical_lang_tags(res.serialize(format=ox.RdfFormat.N_TRIPLES) or b"")

    def require_documents(self) -> None:
        """StoreError with the next step when the store holds no press release (so that a query or a check
        would say nothing, or 'conforms', about nothing)."""
        if not self.ask(f"ASK {{ ?d a <{SCHEMA.NewsArticle}> }}"):
            where = f"the store at {self.path}" if self.path else "the store"
            raise StoreError(f"{where} holds no press releases: there is nothing to query, check or export",
                             hint=f"build it first: smartgraph build [INPUT ...]{f' --store {self.path}' if self.path else ''}")

    def dump(self, fmt: str) -> bytes:
        import pyoxigraph as ox

        f = getattr(ox.RdfFormat, FORMATS[fmt])
        if f in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            out = ox.serialize(self.quads(), format=f)
        else:
            out = self._s.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({NOT_DERIVED}) }}"
                                ).serialize(format=f)
        return out or b""

    def quads(self) -> Iterator[Any]:
        """Every quad of the named graphs (pyoxigraph terms), in the store's index order; not the default graph (their union),
        nor the derived graph of materialised query rows (``summaries``), which each build makes again."""
        import pyoxigraph as ox

        return (q for q in self._s.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value not in DERIVED_GRAPHS)

    def graph_ntriples(self, name: str) -> bytes:
        """One named graph as N-Triples, in the store's index order, language tags as stored (lower case)."""
        import pyoxigraph as ox

        return self._s.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b""

    def union_ntriples(self) -> bytes:
        """The union of the named graphs (which the default graph holds) as N-Triples, in index order."""
        import pyoxigraph as ox

        return self._s.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()) or b""

    def graph_lines(self, name: str) -> list[str]:
        """One named graph as sorted N-Triples lines (language tags in BCP 47 case)."""
        data = canonical_lang_tags(self.graph_ntriples(name))
        return sorted(ln for ln in data.decode("utf-8").splitlines() if ln.strip())

    def graph_counts(self) -> dict[str, int]:
        res = self.select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({NOT_DERIVED}) }} GROUP BY ?g")
        return {b["g"]["value"]: int(b["n"]["value"]) for b in res["results"]["bindings"]}

    def __len__(self) -> int:
        """Quads in the named graphs."""
        return sum(self.graph_counts().values())

    def close(self) -> None:
        self.flush()
        del self._s
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def open_store(path: Path | None, read_only: bool = False) -> EmbeddedStore:
    return EmbeddedStore(path, read_only=read_only)
