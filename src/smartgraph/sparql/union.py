"""The one place that keeps a store's default graph the union of its named graphs.

Queries read the default graph: Oxigraph answers a query over a stored default graph 30 to 300 times
faster than over its computed union of named graphs (measured on the synthetic corpus, bench/). Every
write of the embedded store (a graph replaced, a graph removed, a SPARQL Update from the server or the
Python API) and ``load --write-union`` on a remote triplestore take their union text from here.
"""

from __future__ import annotations

from typing import Any

from smartgraph.sparqlscan import split_prologue, strip_trailing_separator, touched_graphs
from smartgraph.vocab import DERIVED_GRAPHS, NOT_DERIVED, SPANS_GRAPH, SPANS_TRUSTED, SUMMARY_GRAPH, SUMMARY_MARKER

# after an update written by hand: triples only in the default graph go, triples of the named graphs come in
# (inserting only the missing triples: half the time of inserting them all again, measured on 400 synthetic releases);
# the derived graphs (materialised query rows, smartgraph.summaries; spans' rows, sparql.spans) stay out of the union
REUNION = (f"DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({NOT_DERIVED}) }} }} ;\n"
           f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({NOT_DERIVED} && NOT EXISTS {{ ?s ?p ?o }}) }}")
# what every write does: the materialised rows are no longer those of the store's content
STALE = f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{SUMMARY_MARKER}> ?v }} }}"
# what an update written by hand does besides: the spans' provenance rows (sparql.spans) are written again by the next build
UNTRUST = f"DELETE WHERE {{ GRAPH <{SPANS_GRAPH}> {{ <{SPANS_GRAPH}> <{SPANS_TRUSTED}> ?v }} }}"


def leave_union(name: str) -> str:
    """The update that takes a named graph's triples out of the default graph, but those another graph still holds."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{name}>) }} }} ;\n")


def replace_graph_update(name: str, nt: str) -> str:
    """The update that replaces named graph ``name`` by the N-Triples ``nt`` and keeps the union, as one request."""
    return (f"{STALE} ;\n" + leave_union(name) + f"DROP SILENT GRAPH <{name}> ;\n"
            f"INSERT DATA {{ GRAPH <{name}> {{\n{nt}\n}} }} ;\n"
            f"INSERT DATA {{\n{nt}\n}}")


def remove_graph_update(name: str) -> str:
    return f"{STALE} ;\n" + leave_union(name) + f"DROP SILENT GRAPH <{name}>"


def with_reunion(text: str) -> str | None:
    """The update with what keeps the default graph the union of the named graphs, as one request: pyoxigraph runs
    a request in one transaction, so the update and the union are written together or not at all. None for an
    update without any operation.

    An update that names every graph it changes and reads nothing (``touched_graphs``) is framed by two
    statements over those graphs only: before it, their triples that no other graph holds leave the default
    graph; after it, their triples (as they are then) enter it again. Any other update is followed by the
    statement that re-makes the whole union, which reads every quad (seconds on a large store)."""
    body = strip_trailing_separator(text)
    if body is None:
        return None
    graphs = touched_graphs(body)
    # each update ends by taking away the markers of the materialised query rows (smartgraph.summaries) and of the
    # spans' rows (smartgraph.sparql.spans)
    if graphs is None:
        return f"{body}\n;\n{REUNION} ;\n{STALE} ;\n{UNTRUST}"
    if not graphs:
        return body
    names = [f"<{g}>" for g in graphs]
    leave = (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {' '.join(names)} }} GRAPH ?g {{ ?s ?p ?o }} "
             f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other NOT IN ({', '.join(names)})) }} }}")
    back = f"INSERT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {' '.join(names)} }} GRAPH ?g {{ ?s ?p ?o }} }}"
    prologue, rest = split_prologue(body)
    return f"{prologue}\n{leave} ;\n{rest}\n;\n{back} ;\n{STALE} ;\n{UNTRUST}"


def update(store: Any, text: str, base_iri: str | None = None) -> None:
    """Run a SPARQL Update on a pyoxigraph store and keep its union, in one transaction."""
    full = with_reunion(text)
    if full is not None:
        store.update(full, base_iri=base_iri)


def union_kept(store: Any, sample: int = 8) -> bool:
    """Whether a pyoxigraph store's default graph holds the named graphs' triples, judged from the first triple of a few graphs."""
    from itertools import islice

    import pyoxigraph as ox

    for graph in islice((g for g in store.named_graphs() if g.value not in DERIVED_GRAPHS), sample):
        first = next(iter(store.quads_for_pattern(None, None, None, graph)), None)
        if first is not None and ox.Quad(first.subject, first.predicate, first.object, ox.DefaultGraph()) not in store:
            return False
    return True
