"""SPARQL with limits: every query runs in a worker process that can be stopped.

pyoxigraph cannot cancel a running query, so a query that runs past its time limit is ended by
ending its worker process, which another one replaces; the server keeps answering meanwhile.
Results are counted while they stream out of the store and refused past the size limit.

The SPARQL 1.1 Protocol's media types and the content negotiation between them live here too,
so that the command line, the HTTP server and the benchmarks pick formats the same way.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing as mp
import queue
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape, quoteattr

from smartgraph.errors import SmartgraphError, StoreError
from smartgraph.store import REUNION
from smartgraph.vocab import PREFIXES, canonical_lang, canonical_lang_tags

# --------------------------------------------------------------------------- media types

RESULTS_JSON = "application/sparql-results+json"
RESULTS_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
NTRIPLES = "application/n-triples"
JSONLD = "application/ld+json"
RDFXML = "application/rdf+xml"
NQUADS = "application/n-quads"
TRIG = "application/trig"

#: what a SELECT or ASK result can be sent as, the default first
RESULT_TYPES = (RESULTS_JSON, RESULTS_XML, CSV, TSV)
#: what a CONSTRUCT or DESCRIBE result can be sent as, the default first
GRAPH_TYPES = (TURTLE, NTRIPLES, JSONLD, RDFXML)
#: aliases clients send, mapped to the type we answer with
ALIASES = {"application/json": RESULTS_JSON, "application/xml": RESULTS_XML, "text/xml": RESULTS_XML,
           "text/plain": NTRIPLES, "application/x-turtle": TURTLE, "application/json+ld": JSONLD}
#: short names for the ``format`` request parameter
SHORT = {"json": RESULTS_JSON, "xml": RESULTS_XML, "csv": CSV, "tsv": TSV, "ttl": TURTLE, "turtle": TURTLE,
         "nt": NTRIPLES, "ntriples": NTRIPLES, "jsonld": JSONLD, "json-ld": JSONLD, "rdfxml": RDFXML, "rdf": RDFXML}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """An Accept header as (media range, q) pairs, best first; an empty or missing header is ``*/*``."""
    out: list[tuple[str, float, int]] = []
    for i, part in enumerate((header or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    q = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    q = 0.0
        out.append((fields[0].lower(), q, i))
    out.sort(key=lambda t: (-t[1], t[2]))
    return [(r, q) for r, q, _ in out] or [("*/*", 1.0)]


def negotiate(ranges: Sequence[tuple[str, float]], offers: Sequence[str]) -> str | None:
    """The offer the client likes best (ties go to the earlier offer); None when it accepts none."""
    best: tuple[float, int, str] | None = None
    for n, offer in enumerate(offers):
        q = _quality(ranges, offer)
        if q > 0 and (best is None or (q, -n) > (best[0], best[1])):
            best = (q, -n, offer)
    return best[2] if best else None


def _quality(ranges: Sequence[tuple[str, float]], offer: str) -> float:
    kind = offer.split("/")[0]
    specific: tuple[int, float] | None = None
    for r, q in ranges:
        r = ALIASES.get(r, r) if r != offer else r
        level = 3 if r == offer else 2 if r == f"{kind}/*" else 1 if r == "*/*" else 0
        if level and (specific is None or level > specific[0]):
            specific = (level, q)
    return specific[1] if specific else 0.0


# --------------------------------------------------------------------------- limits and outcomes


@dataclass(frozen=True)
class Limits:
    """How long a query may run and how many result rows (or triples) it may return."""

    timeout_s: float = 10.0
    max_rows: int = 10_000


@dataclass(frozen=True)
class Answer:
    """A serialised result: its media type, bytes, and how many rows or triples it holds."""

    media_type: str
    body: bytes
    rows: int
    more: bool = False  # a page was asked for and there are rows after it


class QueryTimeout(SmartgraphError):
    """A query ran past the time limit; it was stopped."""

    exit_code = 3


class ResultTooLarge(SmartgraphError):
    """A result has more rows than the limit allows."""


class NotAcceptable(SmartgraphError):
    """No media type the client accepts fits the query's result."""

    def __init__(self, message: str, offers: Sequence[str]) -> None:
        super().__init__(message, hint=f"send Accept: one of {', '.join(offers)}")
        self.offers = tuple(offers)


class QuerySyntaxError(SmartgraphError):
    """The query (or update) does not parse."""


class Busy(SmartgraphError):
    """Every worker stayed busy for the whole time limit."""

    exit_code = 3


class Engine(Protocol):
    def run(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None) -> Answer: ...
    def update(self, text: str, limits: Limits) -> None: ...
    def close(self) -> None: ...


# --------------------------------------------------------------------------- serialisers


def _cell(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": canonical_lang(term.language)}
        dt = term.datatype.value
        if dt == "http://www.w3.org/2001/XMLSchema#string":
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": dt}
    return {"type": "literal", "value": str(term)}  # RDF-star triples: their N-Triples form


def _nt(cell: dict[str, str]) -> str:
    v = cell["value"]
    if cell["type"] == "uri":
        return f"<{v}>"
    if cell["type"] == "bnode":
        return f"_:{v}"
    s = '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'
    if "xml:lang" in cell:
        return f"{s}@{cell['xml:lang']}"
    if "datatype" in cell:
        return f"{s}^^<{cell['datatype']}>"
    return s


def _csv_field(v: str) -> str:
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\r\n') else v


def serialize_select(names: Sequence[str], rows: Sequence[dict[str, dict[str, str]]], media_type: str) -> bytes:
    """SELECT results (SPARQL JSON cells) in one of the four SPARQL 1.1 result formats."""
    if media_type == RESULTS_JSON:
        doc = {"head": {"vars": list(names)}, "results": {"bindings": list(rows)}}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if media_type == CSV:
        lines = [",".join(names)]
        lines += [",".join(_csv_field(r[n]["value"]) if n in r else "" for n in names) for r in rows]
        return ("\r\n".join(lines) + "\r\n").encode("utf-8")
    if media_type == TSV:
        lines = ["\t".join(f"?{n}" for n in names)]
        lines += ["\t".join(_nt(r[n]) if n in r else "" for n in names) for r in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    if media_type == RESULTS_XML:
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
        out += [f"<variable name={quoteattr(n)}/>" for n in names]
        out.append("</head>\n<results>")
        for r in rows:
            out.append("<result>")
            for n in names:
                if n not in r:
                    continue
                c = r[n]
                if c["type"] == "uri":
                    inner = f"<uri>{escape(c['value'])}</uri>"
                elif c["type"] == "bnode":
                    inner = f"<bnode>{escape(c['value'])}</bnode>"
                elif "xml:lang" in c:
                    inner = f"<literal xml:lang={quoteattr(c['xml:lang'])}>{escape(c['value'])}</literal>"
                elif "datatype" in c:
                    inner = f"<literal datatype={quoteattr(c['datatype'])}>{escape(c['value'])}</literal>"
                else:
                    inner = f"<literal>{escape(c['value'])}</literal>"
                out.append(f"<binding name={quoteattr(n)}>{inner}</binding>")
            out.append("</result>")
        out.append("</results>\n</sparql>\n")
        return "".join(out).encode("utf-8")
    raise ValueError(media_type)


def serialize_boolean(value: bool, media_type: str) -> bytes:
    if media_type == RESULTS_JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if media_type == RESULTS_XML:
        return (f'<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/>'
                f"<boolean>{str(value).lower()}</boolean></sparql>\n").encode()
    return (("_askResult\r\n" if media_type == CSV else "?_askResult\n") + str(value).lower() + "\n").encode()


def serialize_triples(triples: Iterable[Any], media_type: str) -> bytes:
    import pyoxigraph as ox

    fmt = {TURTLE: ox.RdfFormat.TURTLE, NTRIPLES: ox.RdfFormat.N_TRIPLES, JSONLD: ox.RdfFormat.JSON_LD,
           RDFXML: ox.RdfFormat.RDF_XML}[media_type]
    prefixes = PREFIXES if media_type in (TURTLE, RDFXML) else None
    out = ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
    return out if media_type == JSONLD else canonical_lang_tags(out)


def execute(store: Any, query: str, accept: Sequence[tuple[str, float]], max_rows: int, page: int | None = None) -> Answer:
    """Run one query on a pyoxigraph store and serialise it for the client (the default graph is the union of the named graphs).

    ``page``: the caller asked LIMIT page+1; send ``page`` rows and say whether there are more."""
    import pyoxigraph as ox

    try:
        res = store.query(query)
    except SyntaxError as e:
        raise QuerySyntaxError(f"the query does not parse: {e}", hint="check the SPARQL syntax near the position given") from None
    if isinstance(res, ox.QueryBoolean):
        mt = negotiate(accept, RESULT_TYPES)
        if mt is None:
            raise NotAcceptable("an ASK result cannot be sent in any type the client accepts", RESULT_TYPES)
        return Answer(mt, serialize_boolean(bool(res), mt), 1)
    if isinstance(res, ox.QuerySolutions):
        mt = negotiate(accept, RESULT_TYPES)
        if mt is None:
            raise NotAcceptable("a SELECT result cannot be sent in any type the client accepts", RESULT_TYPES)
        names = [v.value for v in res.variables]
        cap = max_rows if page is None else min(max_rows, page)
        rows: list[dict[str, dict[str, str]]] = []
        more = False
        for sol in res:
            if len(rows) >= cap:
                if page is not None and len(rows) >= page:
                    more = True
                    break
                raise ResultTooLarge(f"the result has more than {max_rows} rows",
                                     hint="add LIMIT and OFFSET to page through it, or raise the server's --max-rows")
            rows.append({n: _cell(sol[n]) for n in names if sol[n] is not None})
        return Answer(mt, serialize_select(names, rows, mt), len(rows), more)
    mt = negotiate(accept, GRAPH_TYPES)
    if mt is None:
        raise NotAcceptable("a CONSTRUCT or DESCRIBE result cannot be sent in any type the client accepts", GRAPH_TYPES)
    triples: list[Any] = []
    for t in res:
        if len(triples) >= max_rows:
            raise ResultTooLarge(f"the result has more than {max_rows} triples",
                                 hint="add LIMIT to the query, or raise the server's --max-rows")
        triples.append(t)
    return Answer(mt, serialize_triples(triples, mt), len(triples))


# --------------------------------------------------------------------------- worker processes

_ERRORS: dict[str, type[SmartgraphError]] = {
    "syntax": QuerySyntaxError, "too-large": ResultTooLarge, "store": StoreError,
}


def _worker_main(path: str, writable: bool, conn: Connection) -> None:
    import pyoxigraph as ox

    try:
        store = ox.Store(path) if writable else ox.Store.read_only(path)
    except OSError as e:
        conn.send(("store", f"cannot open the store at {path}: {e}", "build it first: smartgraph build"))
        return
    conn.send(("ready",))
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        kind, text, accept, max_rows, page = msg
        try:
            if kind == "update":
                store.update(text)
                store.update(REUNION)  # the default graph stays the union of the named graphs
                store.flush()
                conn.send(("ok", None))
            else:
                conn.send(("ok", execute(store, text, accept, max_rows, page)))
        except NotAcceptable as e:
            conn.send(("not-acceptable", e.message, list(e.offers)))
        except SmartgraphError as e:
            name = next((k for k, v in _ERRORS.items() if isinstance(e, v)), "store")
            conn.send((name, e.message, e.hint))
        except SyntaxError as e:
            conn.send(("syntax", f"the update does not parse: {e}", "check the SPARQL Update syntax"))
        except Exception as e:  # the store's own errors: report them, keep serving
            conn.send(("store", f"the store failed: {e}", "see the server log"))


class _Worker:
    def __init__(self, path: Path, writable: bool = False) -> None:
        ctx = mp.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(str(path), writable, child), daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(60):
            self.kill()
            raise StoreError("a query worker did not start within 60 s", hint="see the server log")
        msg = self.conn.recv()
        if msg[0] != "ready":
            self.kill()
            raise StoreError(msg[1], hint=msg[2])

    def ask(self, msg: tuple[Any, ...], timeout_s: float) -> tuple[Any, ...] | None:
        """Send one request; the reply, or None when the time limit passed (the worker is then killed)."""
        self.conn.send(msg)
        if self.conn.poll(timeout_s):
            try:
                reply: tuple[Any, ...] = self.conn.recv()
                return reply
            except EOFError:
                raise StoreError("a query worker ended while answering", hint="see the server log; the query may need too much memory") from None
        self.kill()
        return None

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.proc.join(2)
        self.kill()

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)
        self.conn.close()


def _raise(reply: tuple[Any, ...]) -> None:
    if reply[0] == "not-acceptable":
        raise NotAcceptable(reply[1], reply[2])
    raise _ERRORS.get(reply[0], StoreError)(reply[1], hint=reply[2])


class EmbeddedEngine:
    """A pool of worker processes, each with the embedded store open read-only.

    Updates (when the server allows them) close the readers, run in one writable worker, and
    open fresh readers: RocksDB must not be written while other processes read it."""

    def __init__(self, path: Path, workers: int = 2) -> None:
        if not (path / "CURRENT").exists():
            raise StoreError(f"no store at {path}", hint="build one first: smartgraph build --store PATH")
        self.path = path
        self.size = max(1, workers)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._idle.put(_Worker(path))

    def _acquire(self, timeout_s: float) -> _Worker:
        try:
            return self._idle.get(timeout=timeout_s)
        except queue.Empty:
            raise Busy(f"every query worker stayed busy for {timeout_s:g} s",
                       hint="try again shortly, or start the server with more --workers") from None

    def _replace(self) -> None:
        def start() -> None:
            if not self._closed:
                self._idle.put(_Worker(self.path))

        threading.Thread(target=start, daemon=True).start()

    def run(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None) -> Answer:
        start = time.monotonic()
        worker = self._acquire(limits.timeout_s)
        left = max(0.01, limits.timeout_s - (time.monotonic() - start))
        try:
            reply = worker.ask(("query", query, list(accept), limits.max_rows, page), left)
        except StoreError:
            worker.kill()
            self._replace()
            raise
        if reply is None:
            self._replace()
            raise QueryTimeout(f"the query ran past the time limit of {limits.timeout_s:g} s and was stopped",
                               hint="narrow it (more specific patterns, LIMIT), or raise the server's --timeout")
        self._idle.put(worker)
        if reply[0] != "ok":
            _raise(reply)
        answer: Answer = reply[1]
        return answer

    def update(self, text: str, limits: Limits) -> None:
        """Run a SPARQL Update with every reader closed; readers reopen on the new data."""
        with self._lock:
            readers = [self._acquire(limits.timeout_s * 6) for _ in range(self.size)]
            for r in readers:
                r.stop()
            try:
                writer = _Worker(self.path, writable=True)
                reply = writer.ask(("update", text, [], 0, None), limits.timeout_s)
                if reply is not None:
                    writer.stop()
            finally:
                for _ in range(self.size):
                    self._idle.put(_Worker(self.path))
            if reply is None:
                raise QueryTimeout(f"the update ran past the time limit of {limits.timeout_s:g} s and was rolled back",
                                   hint="split it into smaller updates")
            if reply[0] != "ok":
                _raise(reply)

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().stop()
            except queue.Empty:
                return


class RemoteEngine:
    """Queries sent to a remote SPARQL endpoint, their results checked against the same limits and re-serialised."""

    def __init__(self, endpoint: str) -> None:
        from smartgraph.remote import RemoteStore

        self.remote = RemoteStore(endpoint, retries=0)
        self.endpoint = endpoint

    def run(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None) -> Answer:
        import httpx
        import pyoxigraph as ox

        try:
            r = self.remote.http.post(self.endpoint, data={"query": query}, timeout=limits.timeout_s,
                                      headers={"Accept": f"{RESULTS_JSON}, {NTRIPLES};q=0.9"})
        except httpx.TimeoutException:
            raise QueryTimeout(f"the remote endpoint did not answer within {limits.timeout_s:g} s",
                               hint="narrow the query, or raise --timeout") from None
        except httpx.TransportError as e:
            raise StoreError(f"cannot reach {self.endpoint}: {e}", hint="is the triplestore running?") from None
        if r.status_code == 400:
            raise QuerySyntaxError(f"the endpoint refused the query: {r.text.strip()[:300]}", hint="check the SPARQL syntax")
        if r.status_code >= 300:
            raise StoreError(f"{self.endpoint} answered {r.status_code}: {r.text.strip()[:300]}", hint="see the triplestore's log")
        ctype = r.headers.get("content-type", "").split(";")[0].strip()
        if ctype in (RESULTS_JSON, "application/json"):
            doc = r.json()
            if "boolean" in doc:
                mt = negotiate(accept, RESULT_TYPES)
                if mt is None:
                    raise NotAcceptable("an ASK result cannot be sent in any type the client accepts", RESULT_TYPES)
                return Answer(mt, serialize_boolean(bool(doc["boolean"]), mt), 1)
            mt = negotiate(accept, RESULT_TYPES)
            if mt is None:
                raise NotAcceptable("a SELECT result cannot be sent in any type the client accepts", RESULT_TYPES)
            rows = doc["results"]["bindings"]
            for row in rows:
                for cell in row.values():
                    if cell.get("type") == "typed-literal":  # SPARQL JSON of old servers (Virtuoso)
                        cell["type"] = "literal"
                    if "xml:lang" in cell:
                        cell["xml:lang"] = canonical_lang(cell["xml:lang"])
            more = page is not None and len(rows) > page
            if page is not None:
                rows = rows[:page]
            if len(rows) > limits.max_rows:
                raise ResultTooLarge(f"the result has more than {limits.max_rows} rows", hint="add LIMIT and OFFSET to page through it")
            return Answer(mt, serialize_select(doc["head"]["vars"], rows, mt), len(rows), more)
        mt = negotiate(accept, GRAPH_TYPES)
        if mt is None:
            raise NotAcceptable("a CONSTRUCT or DESCRIBE result cannot be sent in any type the client accepts", GRAPH_TYPES)
        fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
        triples = list(ox.parse(r.content, format=fmt))
        if len(triples) > limits.max_rows:
            raise ResultTooLarge(f"the result has more than {limits.max_rows} triples", hint="add LIMIT to the query")
        return Answer(mt, serialize_triples([t.triple if hasattr(t, "triple") else t for t in triples], mt), len(triples))

    def update(self, text: str, limits: Limits) -> None:
        del limits
        self.remote.update(text)

    def close(self) -> None:
        self.remote.close()
