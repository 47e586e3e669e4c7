"""The SPARQL access layer: every read and write of a store goes through here.

One interface (``SparqlStore``: select, ask, construct, update, replace a graph, list graphs), three backends:

- ``store.EmbeddedStore(path)``: pyoxigraph on disk (the store ``smartgraph build`` writes);
- ``store.EmbeddedStore(None)``: pyoxigraph in memory;
- ``remote.RemoteStore(url)``: any SPARQL 1.1 triplestore over the SPARQL 1.1 Protocol.

One results model (``results.Results``: SPARQL JSON whose cells are written in one place, language tags in
BCP 47 case), and one place that keeps the default graph the union of the named graphs (``union``). The
server's worker processes (``engine``) run queries with time and size limits on the same stores.
``connect`` opens a backend from a folder, ``None`` or a URL.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from smartgraph.sparql.results import Results


class SparqlStore(Protocol):
    """What every backend answers. Writes keep the default graph the union of the named graphs where the backend
    can (the embedded store always; a remote triplestore by its own union option, or ``load --write-union``)."""

    def select(self, query: str) -> Results: ...
    def ask(self, query: str) -> bool: ...
    def construct(self, query: str) -> bytes: ...
    def update(self, text: str) -> None: ...
    def replace_graph_nt(self, name: str, nt: str) -> None: ...
    def named_graphs(self) -> list[str]: ...
    def close(self) -> None: ...


def is_endpoint(target: str | Path | None) -> bool:
    return isinstance(target, str) and target.startswith(("http://", "https://"))


def connect(target: str | Path | None, *, read_only: bool = True, retries: int = 1, update_url: str | None = None) -> SparqlStore:
    """A backend for ``target``: an http(s) URL is a remote SPARQL endpoint (its query URL; ``update_url`` where updates
    go elsewhere), ``None`` a new store in memory, anything else the embedded store's folder (read-only unless told)."""
    if is_endpoint(target):
        from smartgraph.sparql.remote import RemoteStore

        return RemoteStore(str(target), update_url, retries=retries)
    from smartgraph.sparql.store import EmbeddedStore

    if target is None:
        return EmbeddedStore(None)
    return EmbeddedStore(Path(target), read_only=read_only)


__all__ = ["SparqlStore", "connect", "is_endpoint"]
