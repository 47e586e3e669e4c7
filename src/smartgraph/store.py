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

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from rdflib import Graph, URIRef

from smartgraph.errors import StoreError
from smartgraph.vocab import SCD, SCHEMA, canonical_lang, canonical_lang_tags

Results = dict[str, Any]  # SPARQL 1.1 Query Results JSON


class Store(Protocol):
    def replace_graph(self, name: URIRef, data: Graph) -> None: ...
    def replace_graph_nt(self, name: str, nt: str) -> None: ...
    def add_graphs_nt(self, graphs: list[tuple[str, str]]) -> None: ...
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


# after an update written by hand: triples only in the default graph go, triples of the named graphs come in
REUNION = ("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } } ;\n"
           "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def _leave_union(name: str) -> str:
    """The update that takes a named graph's triples out of the default graph, but those another graph still holds."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{name}>) }} }} ;\n")


class EmbeddedStore:
    """pyoxigraph on disk (or in memory when ``path`` is None)."""

    def __init__(self, path: Path | None, read_only: bool = False) -> None:
        import pyoxigraph as ox

        self.path = path
        self.read_only = read_only
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
                self._s = ox.Store(str(path))
        except OSError as e:
            raise StoreError(f"cannot open the store at {path}: {e}",
                             hint="is another smartgraph build writing to it? wait for it, or pass another --store") from None
        if path is not None and not self._union_kept():
            if read_only:
                raise StoreError(f"the store at {path} was made by an older smartgraph: its default graph is not the union "
                                 "of its named graphs, so queries and exports would miss triples",
                                 hint="run smartgraph build once on it (that upgrades it in place), then try again")
            self._s.update(REUNION)

    def _union_kept(self, sample: int = 8) -> bool:
        """Whether the default graph holds the named graphs' triples, judged from the first triple of a few graphs."""
        import pyoxigraph as ox

        for graph in islice(self._s.named_graphs(), sample):
            first = next(iter(self._s.quads_for_pattern(None, None, None, graph)), None)
            if first is not None and ox.Quad(first.subject, first.predicate, first.object, ox.DefaultGraph()) not in self._s:
                return False
        return True

    # ------------------------------------------------------------------ writes
    def replace_graph(self, name: URIRef, data: Graph) -> None:
        self.replace_graph_nt(str(name), _ntriples(data))

    def replace_graph_nt(self, name: str, nt: str) -> None:
        """Replace a named graph by the N-Triples ``nt``, and keep the default graph the union of the named graphs.

        A graph the store does not have yet goes in with one transactional ``extend`` (parsed by the
        N-Triples parser, 5-10 times faster than a SPARQL INSERT DATA); a graph it has is replaced by
        one SPARQL update. Either way the write is all or nothing."""
        import pyoxigraph as ox

        try:
            graph = ox.NamedNode(name)
            if not self._s.contains_named_graph(graph):
                triples = list(ox.parse(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
                self._s.extend([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
                               + [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples])
                return
            self._s.update(
                _leave_union(name) + f"DROP SILENT GRAPH <{name}> ;\n"
                f"INSERT DATA {{ GRAPH <{name}> {{\n{nt}\n}} }} ;\n"
                f"INSERT DATA {{\n{nt}\n}}"
            )
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
            self._s.bulk_load("".join(quads).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            self._s.bulk_load("".join(triples).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
            done = []
            for name, line in held:
                t = next(iter(ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)))
                done += [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(name)),
                         ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())]
            self._s.extend(done)
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"could not write {len(graphs)} new graphs: {e}",
                             hint="graphs already stored are untouched; build again to write these") from None

    def has_graph(self, name: str) -> bool:
        import pyoxigraph as ox

        return bool(self._s.contains_named_graph(ox.NamedNode(name)))

    def remove_graph(self, name: URIRef) -> None:
        self._s.update(_leave_union(str(name)) + f"DROP SILENT GRAPH <{name}>")

    def update(self, text: str) -> None:
        """Run a SPARQL Update, then make the default graph the union of the named graphs again."""
        self._s.update(text)
        self._s.update(REUNION)

    def flush(self) -> None:
        if self.path is not None and not self.read_only:
            self._s.flush()

    def optimize(self) -> None:
        """Compact the store on disk. After bulk loads its indexes sit in many small files, and reads are
        3 to 10 times slower until they are merged (measured on 10,000 synthetic releases, bench/)."""
        if self.path is not None and not self.read_only:
            self._s.optimize()

    # ------------------------------------------------------------------ reads
    @property
    def oxigraph(self) -> Any:
        """The pyoxigraph store itself (its default graph is the union of the named graphs)."""
        return self._s

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._s.named_graphs())

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
            return {"head": {}, "boolean": bool(res)}
        if not isinstance(res, ox.QuerySolutions):
            raise StoreError("the query is not a SELECT or ASK query", hint="use a SELECT query here")
        data = res.serialize(format=ox.QueryResultsFormat.JSON)
        assert data is not None
        results: Results = json.loads(data)
        for row in results["results"]["bindings"]:  # BCP 47 case, as the server and the exports write tags
            for cell in row.values():
                if "xml:lang" in cell:
                    cell["xml:lang"] = canonical_lang(cell["xml:lang"])
        return results

    def require_documents(self) -> None:
        """StoreError with the next step when the store holds no press release (so that a query or a check
        would say nothing, or 'conforms', about nothing)."""
        if not self.select(f"ASK {{ ?d a <{SCHEMA.NewsArticle}> }}")["boolean"]:
            where = f"the store at {self.path}" if self.path else "the store"
            raise StoreError(f"{where} holds no press releases: there is nothing to query, check or export",
                             hint=f"build it first: smartgraph build [INPUT ...]{f' --store {self.path}' if self.path else ''}")

    def dump(self, fmt: str) -> bytes:
        import pyoxigraph as ox

        f = getattr(ox.RdfFormat, FORMATS[fmt])
        if f in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            out = ox.serialize(self.quads(), format=f)
        else:
            out = self._s.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }").serialize(format=f)
        return out or b""

    def quads(self) -> Iterator[Any]:
        """Every quad of the named graphs (pyoxigraph terms), in the store's index order; not the default graph (their union)."""
        import pyoxigraph as ox

        return (q for q in self._s.quads_for_pattern(None, None, None, None) if not isinstance(q.graph_name, ox.DefaultGraph))

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
        res = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {b["g"]["value"]: int(b["n"]["value"]) for b in res["results"]["bindings"]}

    def __len__(self) -> int:
        """Quads in the named graphs."""
        return sum(self.graph_counts().values())

    def close(self) -> None:
        self.flush()
        del self._s


def open_store(path: Path | None, read_only: bool = False) -> EmbeddedStore:
    return EmbeddedStore(path, read_only=read_only)
