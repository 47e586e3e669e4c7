"""smartgraph: city-diplomacy press releases to a validated linked-open-data knowledge graph.

The pipeline can be read in the module names::

    documents -> extraction -> graph -> validation -> sparql (store) -> queries -> api / cli / server

For notebooks: ``smartgraph.open(path_or_endpoint)`` (see ``smartgraph.api``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from smartgraph.errors import SmartgraphError

if TYPE_CHECKING:
    from pathlib import Path

    from smartgraph.api import SmartGraph

from smartgraph._version import __version__


def open(target: str | Path | None = None, *, base_iri: str | None = None, named_graphs: bool = False) -> SmartGraph:
    """Open a store for reading: the embedded store's folder or a SPARQL endpoint's query URL (``smartgraph.api.open``)."""
    from smartgraph import api  # here, so that ``import smartgraph`` (and ``smartgraph --help``) stay light

    return api.open(target, base_iri=base_iri, named_graphs=named_graphs)


def __getattr__(name: str) -> Any:
    if name in ("SmartGraph", "Results"):
        from smartgraph import api

        return getattr(api, name)
    raise AttributeError(f"module 'smartgraph' has no attribute {name!r}")


__all__ = ["Results", "SmartGraph", "SmartgraphError", "__version__", "open"]
