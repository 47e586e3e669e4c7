"""The Python API, for notebooks: ``smartgraph.open(path_or_endpoint)`` and the canned queries as methods' arguments.

    import smartgraph
    with smartgraph.open(".smartgraph/store") as g:
        df = g.query("officials", lang="en", country="https://w3id.org/smartgraph/id/country/cz").to_pandas()

A thin layer over the SPARQL access layer (``smartgraph.sparql``): the same typed parameters as the command line
(``smartgraph.queries``: validated, bound as RDF terms), the same rows on the embedded store and on a remote
triplestore, the same results model (``Results``: SPARQL JSON with ``vars``, ``rows`` of rdflib terms,
``to_pandas()``). pandas and networkx are optional (the ``notebook`` extra); a call that needs one that is
missing says which extra to install.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from smartgraph.errors import ParameterError, StoreError
from smartgraph.queries import CannedQuery, Catalog, from_graphs
from smartgraph.sparql import SparqlStore, connect, is_endpoint
from smartgraph.sparql.results import MissingExtra, Results

GRAPH_PREFIX = "graph/"


class SmartGraph:
    """A store of city-diplomacy press releases, open for reading: the embedded store or a remote SPARQL endpoint.

    ``query(name, **params)`` runs a canned query (``queries()`` lists them), ``sparql(text)`` any SELECT or ASK
    query, ``dataset()`` gives the named graphs as an rdflib ``Dataset``, ``network()`` the diplomacy network as a
    networkx graph. Use it in a ``with`` block, or ``close()`` it."""

    def __init__(self, store: SparqlStore, *, base_iri: str, catalog: Catalog | None = None, named_graphs: bool = False,
                 where: str = "") -> None:
        self.store = store
        self.base_iri = base_iri
        self.catalog = catalog or Catalog.load()
        self.named_graphs = named_graphs
        self.where = where
        self._graphs: list[str] | None = None

    # ------------------------------------------------------------------ queries
    def queries(self) -> list[str]:
        """The canned queries' names."""
        return [q.name for q in self.catalog]

    def describe(self, name: str) -> CannedQuery:
        """A canned query: its summary, parameters (``params``: name, type, default, allowed values) and result variables."""
        return self.catalog.get(name)

    def query(self, name: str, /, **params: Any) -> Results:
        """Run canned query ``name`` with its parameters as keyword arguments: text, an IRI (``str`` or rdflib
        ``URIRef``), an ``int``, a ``datetime.date``, a ``Literal`` with a language for a lang-string, or a list of
        these for a parameter that takes several. Values are validated and bound as RDF terms (ParameterError)."""
        q = self.catalog.get(name)
        values = {k: _values(name, k, v) for k, v in params.items() if v is not None}
        text = q.prepare(values)
        if self.named_graphs:
            text = from_graphs(text, self._smartgraph_graphs())
        return self.store.select(text)

    def sparql(self, text: str) -> Results:
        """Any SELECT or ASK query, as written (no parameters are bound in it)."""
        return self.store.select(text)

    def _smartgraph_graphs(self) -> list[str]:
        if self._graphs is None:
            prefix = self.base_iri + GRAPH_PREFIX
            self._graphs = [g for g in self.store.named_graphs() if g.startswith(prefix)]
            if not self._graphs:
                raise StoreError(f"{self.where or 'the store'} holds no graph under {prefix}",
                                 hint="load the graph there first (smartgraph load), or pass the base_iri it was built with")
        return self._graphs

    # ------------------------------------------------------------------ the graph as Python objects
    def dataset(self) -> Any:
        """Every named graph of the store as an rdflib ``Dataset`` (language tags in BCP 47 case)."""
        from rdflib import Dataset, URIRef

        from smartgraph.sparql.store import EmbeddedStore

        d = Dataset()
        if isinstance(self.store, EmbeddedStore):  # the quads as N-Quads: ten times faster than a query's rows
            import pyoxigraph as ox

            from smartgraph.vocab import canonical_lang_tags

            d.parse(data=canonical_lang_tags(ox.serialize(self.store.quads(), format=ox.RdfFormat.N_QUADS) or b""), format="nquads")
            return d
        res = self.store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in res.rows:
            g, s, p, o = row
            if g is not None and s is not None and p is not None and o is not None:
                d.graph(URIRef(str(g))).add((s, p, o))
        return d

    def network(self, lang: str = "en", tie: str | list[str] | None = None) -> Any:
        """The diplomacy network (the canned query ``network``) as an undirected networkx ``Graph``: a node a place
        (attribute ``label``), an edge a pair of places tied (``ties``: weight by kind of tie, ``agreement``,
        ``sister-city``, ``participation``; ``weight``: their sum). Needs the ``notebook`` extra (networkx)."""
        try:
            import networkx as nx
        except ImportError:
            raise MissingExtra("networkx", "notebook", "SmartGraph.network()") from None
        net = nx.Graph()
        for r in self.query("network", lang=lang, tie=tie).bindings:
            a, b = r["source"]["value"], r["target"]["value"]
            for node, name in ((a, "sourceName"), (b, "targetName")):
                if node not in net:
                    net.add_node(node, label=r[name]["value"] if name in r else node)
            weight = int(r["weight"]["value"]) if "weight" in r else 1
            if not net.has_edge(a, b):
                net.add_edge(a, b, ties={}, weight=0)
            edge = net.edges[a, b]
            edge["ties"][r["tie"]["value"]] = weight
            edge["weight"] += weight
        return net

    # ------------------------------------------------------------------ life
    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> SmartGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<SmartGraph {self.where}>"


def _values(query: str, name: str, value: Any) -> list[str]:
    """A keyword argument as the command line's text values (``--param name=value``), which the catalogue validates."""
    items: Iterable[Any] = value if isinstance(value, list | tuple | set | frozenset) else [value]
    out = []
    for v in items:
        if isinstance(v, bool):
            raise ParameterError(query, name, f"{v!r} is not a value for a canned query's parameter", hint="pass text, an IRI, a number or a date")
        if isinstance(v, dt.date | dt.datetime):
            out.append((v.date() if isinstance(v, dt.datetime) else v).isoformat())
        elif getattr(v, "language", None):  # an rdflib Literal with a language: a lang-string
            out.append(f"{v}@{v.language}")
        else:
            out.append(str(v))
    return out


def open(target: str | Path | None = None, *, base_iri: str | None = None, named_graphs: bool = False) -> SmartGraph:
    """Open a store for reading: a folder (the embedded store ``smartgraph build`` wrote; default ``$SMARTGRAPH_STORE`` or
    ``.smartgraph/store``) or the query URL of a SPARQL 1.1 endpoint (``http://127.0.0.1:7878/query``).

    A remote store's default graph should be the union of its named graphs (Oxigraph server's ``--union-default-graph``);
    where it is not, ``named_graphs=True`` reads smartgraph's graphs by name. ``base_iri``: the base the graph was
    built with (the embedded store remembers it; default ``https://w3id.org/smartgraph/id/``)."""
    from smartgraph.config import from_env, settle_base_iri
    from smartgraph.sparql.store import EmbeddedStore, read_meta

    settings = from_env()
    if is_endpoint(target):
        store = connect(target)
        return SmartGraph(store, base_iri=base_iri or settings.base_iri, named_graphs=named_graphs, where=str(target))
    path = Path(target) if target is not None else settings.store
    meta = read_meta(path) if path.is_dir() else None
    base = settle_base_iri(base_iri, "base_iri", meta.base_iri if meta else None, path) if base_iri else (
        meta.base_iri if meta and meta.base_iri else settings.base_iri)
    embedded = EmbeddedStore(path, read_only=True)
    try:
        embedded.require_documents()
    except StoreError:
        embedded.close()
        raise
    return SmartGraph(embedded, base_iri=base, named_graphs=named_graphs, where=str(path))
