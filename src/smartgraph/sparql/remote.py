"""A remote SPARQL 1.1 triplestore (Oxigraph server, Virtuoso, Fuseki, GraphDB): query it, and replace graphs in it.

The store layer's HTTP side. Each graph is replaced as a whole: small graphs several to one SPARQL
Update request (``DROP SILENT GRAPH`` + ``INSERT DATA``), or one Graph Store Protocol PUT each; a
graph too large for one request is sent in batches into a scratch graph that one ``MOVE`` then puts
in place. A failure therefore leaves every graph either as it was or as it should be, never half loaded.
The one exception is asked for by name: Oxigraph server's non-transactional bulk load of graphs it
does not hold yet (``load --bulk``), which a failure can leave partly there until the next load.

Credentials come from the environment (``SMARTGRAPH_ENDPOINT_USER`` / ``SMARTGRAPH_ENDPOINT_PASSWORD``)
or a netrc file, never from the command line. Transient failures are retried with backoff.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable
from typing import Any

import httpx

from smartgraph.errors import StoreError
from smartgraph.sparql import union
from smartgraph.sparql.results import NTRIPLES, RESULTS_JSON, Results

ENV_USER = "SMARTGRAPH_ENDPOINT_USER"
ENV_PASSWORD = "SMARTGRAPH_ENDPOINT_PASSWORD"
TRANSIENT = {429, 502, 503, 504}
SCRATCH = "/.smartgraph-loading"
_LANG_TAG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
LANGUAGES_GRAPH = "https://w3id.org/smartgraph/graph/languages"  # + SCRATCH: written and dropped by register_languages


class RemoteStore:
    def __init__(self, query_url: str, update_url: str | None = None, graph_store_url: str | None = None, *,
                 timeout_s: float = 120.0, retries: int = 5, backoff_s: float = 0.5) -> None:
        for url in (query_url, update_url, graph_store_url):
            if url and not url.startswith(("http://", "https://")):
                raise StoreError(f"{url!r} is not an http(s) URL", hint="pass the endpoint's full URL, e.g. http://127.0.0.1:7878/query")
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.graph_store_url = graph_store_url
        self.retries = retries
        self.backoff_s = backoff_s
        user, password = os.environ.get(ENV_USER), os.environ.get(ENV_PASSWORD)
        auth: httpx.Auth | None = None
        if user and password:
            digest = os.environ.get("SMARTGRAPH_ENDPOINT_AUTH") == "digest"
            auth = httpx.DigestAuth(user, password) if digest else httpx.BasicAuth(user, password)
        self.http = httpx.Client(timeout=timeout_s, auth=auth, trust_env=True)  # trust_env: netrc and proxies

    # ------------------------------------------------------------------ transport
    def _send(self, what: str, method: str, url: str, **kw: Any) -> httpx.Response:
        delay = self.backoff_s
        for attempt in range(self.retries + 1):
            try:
                r = self.http.request(method, url, **kw)
            except httpx.TransportError as e:
                if attempt == self.retries:
                    raise StoreError(f"{what}: cannot reach {url}: {e}", hint="is the triplestore running? check the URL") from None
            else:
                if r.status_code < 300:
                    return r
                if r.status_code not in TRANSIENT or attempt == self.retries:
                    raise StoreError(f"{what}: {url} answered {r.status_code}: {r.text.strip()[:500]}",
                                     hint="check the endpoint URL, that updates are allowed there, and the credentials "
                                          f"({ENV_USER}/{ENV_PASSWORD} or netrc)")
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ reads
    def select(self, query: str) -> Results:
        """A SELECT or ASK query's answer, its cells in our spelling (``Results``)."""
        r = self._send("query", "POST", self.query_url, data={"query": query}, headers={"Accept": RESULTS_JSON})
        try:
            doc = r.json()
        except ValueError:
            raise StoreError(f"query: {self.query_url} did not answer SPARQL JSON: {r.text.strip()[:300]}",
                             hint="pass the endpoint's SPARQL query URL, e.g. http://127.0.0.1:7878/query") from None
        return Results.from_json(doc)

    def ask(self, query: str) -> bool:
        return bool(self.select(query).boolean)

    def construct(self, query: str) -> bytes:
        """A CONSTRUCT or DESCRIBE query's triples as N-Triples (language tags in BCP 47 case)."""
        from smartgraph.vocab import canonical_lang_tags

        return canonical_lang_tags(self._send("query", "POST", self.query_url, data={"query": query},
                                              headers={"Accept": NTRIPLES}).content)

    def named_graphs(self) -> list[str]:
        return self.graph_names()

    def raw_query(self, query: str, accept: str) -> httpx.Response:
        return self._send("query", "POST", self.query_url, data={"query": query}, headers={"Accept": accept})

    def default_graph_holds(self, triple: str) -> bool:
        """Whether the default graph (no GRAPH clause) holds this triple (N-Triples terms, no blank nodes)."""
        return self.ask(f"ASK {{ {triple} }}")

    def graph_names(self, prefix: str = "") -> list[str]:
        """The named graphs there whose IRI starts with ``prefix``."""
        return sorted(g for g in self.graph_counts() if g.startswith(prefix))

    def graph_counts(self) -> dict[str, int]:
        res = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {b["g"]["value"]: int(b["n"]["value"]) for b in res["results"]["bindings"]}

    # ------------------------------------------------------------------ writes
    def update(self, text: str, what: str = "update") -> None:
        self._send(what, "POST", self.update_url, data={"update": text})

    def replace_graph(self, name: str, ntriples: list[str], batch: int = 50_000, on_batch: Callable[[int], None] | None = None) -> None:
        """Make graph ``name`` hold exactly these N-Triples lines, atomically."""
        what = f"graph <{name}>"
        if self.graph_store_url:
            body = ("\n".join(ntriples) + "\n").encode("utf-8")
            self._send(what, "PUT", self.graph_store_url, params={"graph": name}, content=body,
                       headers={"Content-Type": "application/n-triples"})
            if on_batch:
                on_batch(len(ntriples))
            return
        if len(ntriples) <= batch:
            self.update(f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n" + "\n".join(ntriples) + "\n} }", what)
            if on_batch:
                on_batch(len(ntriples))
            return
        scratch = name + SCRATCH
        self.update(f"DROP SILENT GRAPH <{scratch}>", what)
        for i in range(0, len(ntriples), batch):
            chunk = ntriples[i:i + batch]
            self.update(f"INSERT DATA {{ GRAPH <{scratch}> {{\n" + "\n".join(chunk) + "\n} }", what)
            if on_batch:
                on_batch(len(chunk))
        self.update(f"MOVE SILENT GRAPH <{scratch}> TO GRAPH <{name}>", what)

    def replace_graph_nt(self, name: str, nt: str) -> None:
        """Make graph ``name`` hold exactly the N-Triples ``nt``, atomically (the embedded store's write, here)."""
        self.replace_graph(name, [ln for ln in nt.splitlines() if ln.strip()])

    def replace_graphs(self, graphs: list[tuple[str, list[str]]]) -> None:
        """Make each of several small graphs hold exactly its N-Triples lines.

        Through SPARQL Update, one request drops them all and inserts them again (one transaction on
        Oxigraph and Fuseki; 2.8× faster than a request a graph on Virtuoso, measured). Through the
        Graph Store Protocol, which has no request for several graphs, each is PUT on its own."""
        if self.graph_store_url:
            for name, lines in graphs:
                self.replace_graph(name, lines)
            return
        what = f"graph <{graphs[0][0]}>" + (f" and {len(graphs) - 1} more sent with it" if len(graphs) > 1 else "")
        text = "".join(f"DROP SILENT GRAPH <{name}> ;\n" for name, _ in graphs) + "INSERT DATA {\n" + "".join(
            f"GRAPH <{name}> {{\n" + "\n".join(lines) + "\n}\n" for name, lines in graphs) + "}"
        self.update(text, what)

    def write_union(self) -> None:
        """Make the default graph the union of the named graphs, in one update: what a store's union-default-graph
        option would show (triples found only in the default graph go)."""
        self.update(union.REUNION, "the default graph")

    def add_graphs_bulk(self, names: list[str], nquads: bytes) -> None:
        """Add graphs the triplestore does not hold yet, given as N-Quads, in one non-transactional bulk
        load: Oxigraph server's ``POST /store?no_transaction``. Faster than a transaction, but not
        atomic: after a failure these graphs may be partly there (a load run again replaces them whole)."""
        what = f"graph <{names[0]}>" + (f" and {len(names) - 1} more sent with it" if len(names) > 1 else "")
        if not self.graph_store_url:
            raise StoreError(f"{what}: a bulk load needs the Graph Store Protocol URL", hint="pass --graph-store, e.g. http://127.0.0.1:7878/store")
        try:
            self._send(what, "POST", self.graph_store_url, params={"no_transaction": ""}, content=nquads,
                       headers={"Content-Type": "application/n-quads"})
        except StoreError as e:
            raise StoreError(e.message, hint=f"{e.hint}; these new graphs may now be partly there: run smartgraph load "
                                             "again, which replaces each of them whole (or without --bulk)") from None

    def register_languages(self, tags: Iterable[str]) -> None:
        """Make the triplestore know these language tags before graphs that use them are sent in parallel.

        Virtuoso gives a new language tag its number inside the transaction that first writes it and
        caches the number at once; when that transaction is rolled back (a deadlock between parallel
        loads), the cache keeps a number its table no longer holds, and every later query reading the
        tag fails ("Unknown language in DB.DBA.RDF_LANGUAGE_OF_OBJ"). One request of its own, alone,
        writes a literal in each tag to a scratch graph and drops it; elsewhere it is a no-op."""
        tags = sorted({t.lower() for t in tags if _LANG_TAG.fullmatch(t)})
        if not tags:
            return
        scratch = LANGUAGES_GRAPH + SCRATCH
        lines = "\n".join(f'<{scratch}> <{scratch}> "{t}"@{t} .' for t in tags)
        if self.graph_store_url:  # the way this store is written to: the Graph Store Protocol
            self._send("language tags", "PUT", self.graph_store_url, params={"graph": scratch}, content=(lines + "\n").encode(),
                       headers={"Content-Type": "application/n-triples"})
            self._send("language tags", "DELETE", self.graph_store_url, params={"graph": scratch})
            return
        self.update(f"INSERT DATA {{ GRAPH <{scratch}> {{\n{lines}\n}} }} ;\nDROP SILENT GRAPH <{scratch}>", "language tags")

    def drop_scratch_graphs(self) -> None:
        """Scratch graphs left by a load that was cut off."""
        for g in self.graph_counts():
            if g.endswith(SCRATCH):
                self.update(f"DROP SILENT GRAPH <{g}>", f"graph <{g}>")

    def close(self) -> None:
        self.http.close()
