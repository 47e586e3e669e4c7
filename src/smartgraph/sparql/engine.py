"""SPARQL with limits: every query runs in a worker process that can be stopped.

pyoxigraph cannot cancel a running query, so a query that runs past its time limit is ended by
ending its worker process, which another one replaces; the server keeps answering meanwhile.
Results are counted while they stream out of the store and refused past the size limit.

The SPARQL 1.1 Protocol's media types and the content negotiation between them live here too,
so that the command line, the HTTP server and the benchmarks pick formats the same way.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import json
import logging
import multiprocessing as mp
import os
import queue
import shutil
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlencode

from smartgraph import procs
from smartgraph.errors import ParameterError, SmartgraphError, StoreError
from smartgraph.sparql import spans, union
from smartgraph.sparql.results import (
    CSV,
    GRAPH_TYPES,
    JSONLD,
    NTRIPLES,
    RDFXML,
    RESULT_TYPES,
    RESULTS_JSON,
    RESULTS_XML,
    TSV,
    TURTLE,
    Results,
    Row,
    canonical_json_langs,
    cell,
    serialize_boolean,
    serialize_select,
    serialize_triples,
)
from smartgraph.sparql.store import META, SERVING, StoreBusy, StoreLock, bump_generation, read_meta

log = logging.getLogger("smartgraph.sparql.engine")

# --------------------------------------------------------------------------- media types

NQUADS = "application/n-quads"
TRIG = "application/trig"

#: aliases clients send, mapped to the type we answer with
ALIASES = {"application/json": RESULTS_JSON, "application/xml": RESULTS_XML, "text/xml": RESULTS_XML,
           "text/plain": NTRIPLES, "application/x-turtle": TURTLE, "application/json+ld": JSONLD,
           "application/turtle": TURTLE, "text/n3": TURTLE, "text/rdf+n3": TURTLE, "application/n3": TURTLE,
           "application/x-json+ld": JSONLD, "text/javascript": RESULTS_JSON, "application/javascript": RESULTS_JSON}
#: short names for the ``format`` request parameter
SHORT = {"json": RESULTS_JSON, "xml": RESULTS_XML, "csv": CSV, "tsv": TSV, "ttl": TURTLE, "turtle": TURTLE,
         "nt": NTRIPLES, "ntriples": NTRIPLES, "jsonld": JSONLD, "json-ld": JSONLD, "rdfxml": RDFXML, "rdf": RDFXML}
#: ``format`` names that stand for a results syntax or a graph syntax by the query's form (SPARQLWrapper sends
#: format=xml for RDF/XML as well as for SPARQL XML results), and the other spellings clients send
FORMAT_NAMES: dict[str, tuple[str, ...]] = {
    **{k: (v,) for k, v in SHORT.items()}, "json": (RESULTS_JSON, JSONLD), "xml": (RESULTS_XML, RDFXML),
    "n3": (TURTLE,), "json-ld": (JSONLD,), "rdf+xml": (RDFXML,), "ntriples": (NTRIPLES,), "n-triples": (NTRIPLES,),
}


def format_accept(values: Sequence[str], allowed: Sequence[str] = RESULT_TYPES + GRAPH_TYPES) -> list[tuple[str, float]] | None:
    """The ``format`` request parameter (every value given) as Accept ranges; None when it is not given.

    A value is a name (``json``, ``xml``, ``csv``, ``turtle``, ... ``FORMAT_NAMES``) or a media type; ``json`` and
    ``xml`` stand for the results or the graph syntax, whichever the query's form needs. Raises ParameterError
    for a value that names no format."""
    out: list[tuple[str, float]] = []
    for value in values:
        for part in value.split(","):
            v = part.split(";")[0].strip().lower()
            if not v:
                continue  # SPARQLWrapper sends an empty value beside the name
            types = FORMAT_NAMES.get(v) or ((ALIASES.get(v, v),) if "/" in v else ())
            if not any(t in allowed for t in types):
                names = ", ".join(k for k, ts in FORMAT_NAMES.items() if any(t in allowed for t in ts))
                raise ParameterError("", "format", f"{part.strip()!r} is not a format this endpoint sends",
                                     hint=f"pass one of {names}, or a media type: {', '.join(allowed)}")
            out += [(t, 1.0) for t in types if t in allowed]
    return out or None


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
class Dataset:
    """An RDF dataset named by the SPARQL Protocol (``default-graph-uri``, ``named-graph-uri``) instead of the store's."""

    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()


#: the lane of trusted, bounded work: canned queries, entity pages, the service description
CHEAP = "cheap"
#: the lane of queries clients write (``/sparql``): own worker processes, at a lower CPU priority
ADHOC = "adhoc"


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
    """Every worker stayed busy for the whole time limit, or the store is being written."""

    exit_code = 3


class Engine(Protocol):
    def run(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None, *,
            lane: str = CHEAP, dataset: Dataset | None = None, base_iri: str | None = None) -> Answer: ...
    def update(self, text: str, limits: Limits, *, base_iri: str | None = None) -> None: ...
    def close(self) -> None: ...


# --------------------------------------------------------------------------- serialisers


def execute(store: Any, query: str, accept: Sequence[tuple[str, float]], max_rows: int, page: int | None = None,
            dataset: Dataset | None = None, base_iri: str | None = None) -> Answer:
    """Run one query on a pyoxigraph store and serialise it for the client (the default graph is the union of the named graphs).

    ``page``: the caller asked LIMIT page+1; send ``page`` rows and say whether there are more. ``dataset``: the
    graphs the protocol named instead (then only those). ``base_iri``: what relative IRIs in the query resolve against."""
    import pyoxigraph as ox

    options: dict[str, Any] = {"base_iri": base_iri}
    if dataset is not None:
        options["default_graph"] = [ox.NamedNode(g) for g in dataset.default]  # none: an empty default graph
        options["named_graphs"] = [ox.NamedNode(g) for g in dataset.named]
    try:
        res = store.query(query, **options)
    except ValueError as e:  # a graph name that is not an IRI
        raise QuerySyntaxError(f"the dataset does not name graphs by IRIs: {e}", hint="pass absolute IRIs") from None
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
        if page is not None and mt == RESULTS_JSON and page < max_rows:
            return _json_page(res, page)
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
            rows.append({n: cell(sol[n]) for n in names if sol[n] is not None})
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


RowsCall = Callable[[Any], "tuple[list[Row], bool] | None"]  # a pyoxigraph store -> a page's rows and whether more follow


def execute_rows(rows: RowsCall | None, store: Any, query: str, accept: Sequence[tuple[str, float]], max_rows: int,
                 page: int | None = None) -> Answer:
    """``execute``, but the page read by ``rows`` when it gives one (its columns: ``spans.COLUMNS``)."""
    got = rows(store) if rows is not None else None
    if got is None:
        return execute(store, query, accept, max_rows, page)
    mt = negotiate(accept, RESULT_TYPES)
    if mt is None:
        raise NotAcceptable("a SELECT result cannot be sent in any type the client accepts", RESULT_TYPES)
    found, more = got
    body = spans.json_page(spans.COLUMNS, found) if mt == RESULTS_JSON else None  # the rows' own JSON, spliced
    return Answer(mt, body if body is not None else serialize_select(spans.COLUMNS, found, mt), len(found), more)


def _timed_rows(rows: RowsCall | None, store: Any, query: str, accept: Sequence[tuple[str, float]], max_rows: int,
                page: int | None = None) -> tuple[Answer, float]:
    """``execute_rows`` in a thread, and the CPU time the thread spent on it (waiting for the GIL aside)."""
    start = time.thread_time()
    answer = execute_rows(rows, store, query, accept, max_rows, page)
    return answer, time.thread_time() - start


_ROW_END = b'}},{"'  # between two rows of SPARQL JSON as Oxigraph writes it (a quote inside a value is escaped)
_BINDINGS = b'"bindings":['


def _json_page(res: Any, page: int) -> Answer:
    """A page of a SELECT result in SPARQL JSON, written by Oxigraph (no Python object a cell): the query asked
    ``LIMIT page+1``, so the result is small; the row after the page is cut off and says that more follow."""
    import pyoxigraph as ox

    data = canonical_json_langs(res.serialize(format=ox.QueryResultsFormat.JSON) or b"")
    start = data.find(_BINDINGS) + len(_BINDINGS)
    rows = 0 if data[start:start + 1] == b"]" else data.count(_ROW_END, start) + 1
    if rows <= page:
        return Answer(RESULTS_JSON, data, rows)
    cut = data.rfind(_ROW_END)
    return Answer(RESULTS_JSON, data[:cut + 2] + b"]}}", page, True)


# --------------------------------------------------------------------------- worker processes

_ERRORS: dict[str, type[SmartgraphError]] = {
    "syntax": QuerySyntaxError, "too-large": ResultTooLarge, "store": StoreError,
}


def _open(ox: Any, path: str, writable: bool) -> Any:
    return ox.Store(path) if writable else ox.Store.read_only(path)


def _worker_main(path: str, writable: bool, conn: Connection, nice: int = 0, lifeline: Connection | None = None) -> None:
    import pyoxigraph as ox

    if lifeline is not None:
        procs.watch(lifeline)  # the server died: so does this worker, even in the middle of a query
    if nice:
        with contextlib.suppress(OSError):
            os.nice(nice)
    try:
        store = _open(ox, path, writable)
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
        kind = msg[0]
        try:
            if kind == "open":  # a new snapshot of the store: answer from it from now on
                del store
                store = _open(ox, msg[1], writable)
                conn.send(("ready",))
            elif kind == "update":
                _, text, base_iri = msg
                union.update(store, text, base_iri)
                store.flush()
                conn.send(("ok", None))
            elif kind == "rows":  # a bounded query spilled from the server's process (``arun_bounded``)
                _, rows, text, accept, max_rows, page = msg
                conn.send(("ok", execute_rows(rows, store, text, accept, max_rows, page)))
            else:
                _, text, accept, max_rows, page, dataset, base_iri = msg
                conn.send(("ok", execute(store, text, accept, max_rows, page, dataset, base_iri)))
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
    """One worker process with a store folder open (read-only, or writable for an update)."""

    def __init__(self, path: Path, lifeline: procs.Lifeline, *, writable: bool = False, nice: int = 0, wait: bool = True) -> None:
        ctx = mp.get_context("spawn")
        self.path = path
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(str(path), writable, child, nice, lifeline.end), daemon=True)
        self.proc.start()
        child.close()
        if wait:
            self.ready()

    def ready(self) -> None:
        """Wait until the worker has opened its store."""
        if not self.conn.poll(60):
            self.kill()
            raise StoreError("a query worker did not start within 60 s", hint="see the server log")
        try:
            msg = self.conn.recv()
        except EOFError:
            self.kill()
            raise StoreError("a query worker ended while opening the store", hint="see the server log") from None
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

    def reopen(self, path: Path) -> None:
        """Close the store this worker has open and open ``path`` instead."""
        self.conn.send(("open", str(path)))
        self.path = path
        self.ready()

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


@dataclass
class _Lane:
    name: str
    size: int
    nice: int
    idle: queue.Queue[_Worker] = field(default_factory=queue.Queue)
    #: requests on an event loop waiting for a worker of this lane (``arun``), first come first served
    waiters: collections.deque[tuple[Any, Any]] = field(default_factory=collections.deque)


@dataclass
class _View:
    """The store opened read-only in the server's own process, and how many queries read it now."""

    path: Path
    store: Any
    busy: int = 0


#: how long a query waits for the store's lock to take a new snapshot when it finds the store changed (another server
#: process taking its own snapshot holds it a moment); past it the query is answered from the snapshot it has
CATCH_UP_WAIT_S = 2.0
#: a bounded page read from derived rows (``spans.page``) that took less than this the last time runs on the event loop
#: itself: handing it to a thread and back cost as much as the page (GIL hand-offs), and pyoxigraph holds the GIL while
#: it reads such rows anyway, so the thread bought no concurrency. A page that took longer (a city named by hundreds of
#: facts) stays in a thread, where the time limit answers for it.
QUICK_S = 0.002

_ENGINES = itertools.count(1)


class EmbeddedEngine:
    """Worker processes that answer queries from the embedded store, in two lanes.

    - **Lanes.** Canned queries, entity pages and the service description run in the ``cheap`` lane;
      queries clients write (``/sparql``) in the ``adhoc`` lane, whose processes run at a lower CPU
      priority (``nice``): an expensive ad-hoc query takes the CPU the cheap work leaves, and never a
      worker the cheap work needs.
    - **Snapshots.** The workers read a snapshot of the store (a RocksDB checkpoint: hard links, made in
      a moment, in ``STORE.serving/`` beside it), never the store itself, so ``smartgraph build`` can
      write the store while the server runs. When a build (or an update) finishes, the store's
      generation (``smartgraph.json``) changes; the server takes a new snapshot and each worker moves
      to it between two queries. Where no snapshot can be made (a read-only folder), the workers read
      the store directly and the server holds its lock, so a build refuses and names the server.
    - **Updates** (when allowed) run in one writable worker on the store itself, the update and the
      re-made union in one transaction, then a new snapshot is served.
    - Every worker ends with the server, however the server ends (``procs.Lifeline``)."""

    def __init__(self, path: Path, workers: int = 2, adhoc_workers: int = 1, *, owner: str = "", snapshot: bool = True,
                 poll_s: float = 1.0, adhoc_nice: int = 19, lock_wait_s: float = 15.0, inline: int | None = None,
                 spill: int | None = 1, quick_s: float = QUICK_S) -> None:
        if not (path / "CURRENT").exists():
            raise StoreError(f"no store at {path}", hint="build one first: smartgraph build --store PATH")
        self.path = path
        self.owner = owner
        self.poll_s = poll_s
        self.size = max(1, workers)
        self.snapshots: Path | None = path.parent / f"{path.name}.serving" if snapshot else None
        self.generation = 0
        self._lifeline = procs.Lifeline(mp.get_context("spawn"))
        self._lock = threading.Lock()  # guards _current and _refs
        self._refresh_lock = threading.Lock()
        self._update_lock = threading.Lock()
        self._refs: dict[Path, int] = {}
        self._held: StoreLock | None = None
        self._seq = 0
        self._id = next(_ENGINES)  # snapshots are named by process, engine and sequence: PID-ENGINE-SEQ
        self._closed = False
        self.mode = "snapshot"
        self._meta_path = str(path / META)
        self._meta_seen = self._meta_stamp()
        self._catching: Any = None  # the new snapshot being taken for queries that found the store changed (``_catch_up``)
        self._current = self._first_view(lock_wait_s)
        # bounded queries answered in this process at once (threads; default four a cheap worker, as a thread waits on I/O too)
        self.inline = 4 * max(1, workers) if inline is None else max(0, inline)
        # bounded queries running here past which the next goes to an idle cheap worker (None: never, as when the server
        # runs a process a core: a worker then only adds a pickled round trip on a core that is busy already)
        self.spill = None if spill is None else max(0, spill)
        self.quick_s = quick_s  # a rows call that last took less runs on the event loop itself (``arun_bounded``)
        self._took: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()
        self._inline_busy = 0
        self._inline_view: _View | None = None
        self._pool: Any = None
        self.lanes = {CHEAP: _Lane(CHEAP, self.size, 0), ADHOC: _Lane(ADHOC, max(1, adhoc_workers), adhoc_nice)}
        try:
            started = [(lane, self._start(lane, wait=False)) for lane in self.lanes.values() for _ in range(lane.size)]
            for lane, w in started:
                w.ready()
                lane.idle.put(w)
        except BaseException:
            self.close()
            raise
        self._register()
        if self.mode == "snapshot":
            threading.Thread(target=self._watch, name="store-watcher", daemon=True).start()

    # ------------------------------------------------------------------ snapshots
    def _first_view(self, wait_s: float) -> Path:
        if self.snapshots is not None:
            self._drop_stale_snapshots()
            try:
                target, self.generation = self._snapshot(wait_s)
                return target
            except StoreBusy:
                raise
            except OSError as e:  # no snapshot here (a read-only folder): read the store itself, and keep builds away
                log.warning("cannot snapshot the store at %s (%s): serving it directly; builds into it are refused meanwhile", self.path, e)
        self.mode = "direct"
        self._held = StoreLock(self.path, exclusive=False, wait_s=wait_s)
        meta = read_meta(self.path)
        self.generation = meta.generation if meta else 0
        return self.path

    def _snapshot(self, wait_s: float) -> tuple[Path, int]:
        """A checkpoint of the store as it is now, and its generation, taken while no one writes it."""
        import pyoxigraph as ox

        assert self.snapshots is not None
        with StoreLock(self.path, exclusive=True, wait_s=wait_s, holder=f"smartgraph serve (pid {os.getpid()}) taking a snapshot"):
            meta = read_meta(self.path)
            self._seq += 1
            target = self.snapshots / f"{os.getpid()}-{self._id}-{self._seq}"
            self.snapshots.mkdir(exist_ok=True)
            try:
                store = ox.Store(str(self.path))  # writable: the checkpoint then holds what the log has too
                store.backup(str(target))
                del store
            except OSError:
                shutil.rmtree(target, ignore_errors=True)
                raise
        with self._lock:
            self._refs.setdefault(target, 0)
        return target, (meta.generation if meta else 0)

    def _drop_stale_snapshots(self) -> None:
        """Snapshots left by servers that were killed."""
        assert self.snapshots is not None
        for d in self.snapshots.glob("*-*") if self.snapshots.is_dir() else []:
            pid = d.name.split("-", 1)[0]
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                shutil.rmtree(d, ignore_errors=True)
            except OSError:
                pass

    def refresh(self, wait_s: float = 15.0) -> bool:
        """Serve a new snapshot if the store's generation changed; whether it did."""
        with self._refresh_lock:
            meta = read_meta(self.path)
            if (meta.generation if meta else 0) == self.generation or self._closed:
                return False
            target, generation = self._snapshot(wait_s)
            with self._lock:
                old, self._current, self.generation = self._current, target, generation
            self._forget(old)
            log.warning("the store at %s changed (generation %d): serving the new graph", self.path, generation)
            for lane in self.lanes.values():  # move idle workers now, so the next requests do not wait for it
                idle = []
                while True:
                    try:
                        idle.append(lane.idle.get_nowait())
                    except queue.Empty:
                        break
                for w in idle:
                    self._put_back(lane, self._fresh(lane, w))
            return True

    def _meta_stamp(self) -> tuple[int, int]:
        try:
            st = os.stat(self._meta_path)  # written whole and renamed: a new file, a new inode
        except OSError:
            return (0, 0)
        return (st.st_ino, st.st_mtime_ns)

    async def _catch_up(self) -> None:
        """Before a query: if the store's ``smartgraph.json`` changed since this process last looked (one ``stat``), serve
        the new generation first rather than at the watcher's next tick: another server process's update
        (``--processes``) is then seen by the next query, whichever process answers it. Queries that come meanwhile
        wait for the same new snapshot."""
        import asyncio

        if self.mode != "snapshot":
            return
        task = self._catching
        if task is None:
            stamp = self._meta_stamp()
            if stamp == self._meta_seen:
                return
            self._meta_seen = stamp
            task = self._catching = asyncio.ensure_future(asyncio.to_thread(self._refresh_quietly, CATCH_UP_WAIT_S))

            def done(_: Any) -> None:
                self._catching = None

            task.add_done_callback(done)
        await asyncio.shield(task)

    def _refresh_quietly(self, wait_s: float) -> None:
        try:
            self.refresh(wait_s=wait_s)
        except StoreBusy:
            pass  # a build (or a long update) holds the store: the watcher takes the snapshot when it ends
        except Exception as e:
            log.warning("could not take a new snapshot of %s: %s", self.path, e)

    def _watch(self) -> None:
        while not self._closed:
            time.sleep(self.poll_s)
            try:
                self.refresh(wait_s=0)
            except StoreBusy:
                continue  # a build still holds the store; the next tick tries again
            except Exception as e:
                log.warning("could not take a new snapshot of %s: %s", self.path, e)

    def _forget(self, path: Path, workers: int = 0) -> None:
        """``workers`` fewer workers read ``path``; a snapshot no longer served and read by none is deleted."""
        with self._lock:
            n = self._refs.get(path, 0) - workers
            self._refs[path] = n
            drop = n <= 0 and path != self._current and self.snapshots is not None and path.parent == self.snapshots
            if drop:
                del self._refs[path]
        if drop:
            shutil.rmtree(path, ignore_errors=True)

    # ------------------------------------------------------------------ workers
    def _start(self, lane: _Lane, wait: bool = True) -> _Worker:
        with self._lock:
            path = self._current
            self._refs[path] = self._refs.get(path, 0) + 1
        try:
            return _Worker(path, self._lifeline, nice=lane.nice, wait=wait)
        except BaseException:
            self._forget(path, 1)
            raise

    def _gone(self, w: _Worker) -> None:
        w.kill()
        self._forget(w.path, 1)

    def _replace(self, lane: _Lane) -> None:
        def start() -> None:
            if not self._closed:
                try:
                    self._put_back(lane, self._start(lane))
                except SmartgraphError as e:
                    log.warning("could not start a query worker: %s", e)

        threading.Thread(target=start, daemon=True).start()

    def _put_back(self, lane: _Lane, w: _Worker | None) -> None:
        if w is None:
            return
        if self._closed:
            w.stop()
            self._forget(w.path, 1)
            return
        with self._lock:  # a request on the event loop waiting for a worker gets it at once, without a thread
            while lane.waiters:
                loop, fut = lane.waiters.popleft()
                if not fut.done():
                    loop.call_soon_threadsafe(self._hand, lane, fut, w)
                    return
            lane.idle.put(w)

    def _hand(self, lane: _Lane, fut: Any, w: _Worker) -> None:
        """On the waiter's event loop: the worker to the request waiting for it, or back when it stopped waiting."""
        if fut.done():
            self._put_back(lane, w)
        else:
            fut.set_result(w)

    async def _aacquire(self, lane: _Lane, timeout_s: float) -> _Worker:
        """An idle worker of the lane, waited for on the event loop (no thread) up to ``timeout_s``."""
        import asyncio

        loop = asyncio.get_running_loop()
        with self._lock:
            try:
                w: _Worker | None = lane.idle.get_nowait()
            except queue.Empty:
                w = None
                fut: asyncio.Future[_Worker] = loop.create_future()
                lane.waiters.append((loop, fut))
        if w is None:
            try:
                await asyncio.wait({fut}, timeout=timeout_s)
            finally:
                if not fut.done():
                    fut.cancel()  # a worker handed to it meanwhile goes back (``_hand``)
            if fut.cancelled():
                raise Busy(f"every {lane.name} query worker stayed busy for {timeout_s:g} s",
                           hint="try again shortly; the operator can start the server with more --workers / --adhoc-workers")
            w = fut.result()
        if w.path != self._current:  # the store changed: the worker moves to the new snapshot first
            fresh = await asyncio.to_thread(self._fresh, lane, w)
            if fresh is None:
                return await asyncio.to_thread(self._acquire, lane, timeout_s)
            w = fresh
        return w

    def _fresh(self, lane: _Lane, w: _Worker) -> _Worker | None:
        """The worker, moved to the snapshot served now if it reads an older one (None if it failed and was replaced)."""
        current = self._current
        if w.path == current:
            return w
        old = w.path
        with self._lock:
            self._refs[current] = self._refs.get(current, 0) + 1
        try:
            w.reopen(current)
        except (SmartgraphError, OSError) as e:
            log.warning("a query worker could not open the new snapshot: %s", e)
            w.kill()
            self._forget(current, 1)
            self._forget(old, 1)
            self._replace(lane)
            return None
        self._forget(old, 1)
        return w

    def _acquire(self, lane: _Lane, timeout_s: float) -> _Worker:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                w = lane.idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise Busy(f"every {lane.name} query worker stayed busy for {timeout_s:g} s",
                           hint="try again shortly; the operator can start the server with more --workers / --adhoc-workers") from None
            fresh = self._fresh(lane, w)
            if fresh is not None:
                return fresh

    def run(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None, *,
            lane: str = CHEAP, dataset: Dataset | None = None, base_iri: str | None = None) -> Answer:
        pool = self.lanes[lane]
        start = time.monotonic()
        worker = self._acquire(pool, limits.timeout_s)
        left = max(0.01, limits.timeout_s - (time.monotonic() - start))
        try:
            reply = worker.ask(("query", query, list(accept), limits.max_rows, page, dataset, base_iri), left)
        except StoreError:
            self._gone(worker)
            self._replace(pool)
            raise
        if reply is None:
            self._gone(worker)
            self._replace(pool)
            raise QueryTimeout(f"the query ran past the time limit of {limits.timeout_s:g} s and was stopped",
                               hint="narrow it (more specific patterns, LIMIT), or raise the server's --timeout")
        self._put_back(pool, worker)
        if reply[0] != "ok":
            _raise(reply)
        answer: Answer = reply[1]
        return answer

    async def arun(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None, *,
                   lane: str = CHEAP, dataset: Dataset | None = None, base_iri: str | None = None,
                   rows: RowsCall | None = None) -> Answer:
        """``run`` for the server's event loop: the reply is awaited on the worker's pipe, not in a thread.

        Handing each request to a thread of the pool and back cost as much as a cheap query itself (bench/http_bench.py).
        A request waits for an idle worker on the loop too; only moving a worker to a new snapshot takes a thread.
        ``rows``: as ``execute_rows`` (a picklable call: ``functools.partial`` of a module's function)."""
        await self._catch_up()
        return await self._arun(query, accept, limits, page, lane=lane, dataset=dataset, base_iri=base_iri, rows=rows)

    async def _arun(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None, *,
                    lane: str = CHEAP, dataset: Dataset | None = None, base_iri: str | None = None,
                    rows: RowsCall | None = None) -> Answer:
        """``arun`` once the store's generation is caught up with."""
        import asyncio

        pool = self.lanes[lane]
        start = time.monotonic()
        worker = await self._aacquire(pool, limits.timeout_s)
        left = max(0.01, limits.timeout_s - (time.monotonic() - start))
        loop = asyncio.get_running_loop()
        readable: asyncio.Future[None] = loop.create_future()
        fd = worker.conn.fileno()

        def ready() -> None:
            if not readable.done():
                readable.set_result(None)

        try:
            if rows is not None:
                worker.conn.send(("rows", rows, query, list(accept), limits.max_rows, page))
            else:
                worker.conn.send(("query", query, list(accept), limits.max_rows, page, dataset, base_iri))
            loop.add_reader(fd, ready)
            try:
                await asyncio.wait_for(readable, left)
            finally:
                loop.remove_reader(fd)
                os.set_blocking(fd, True)  # uvloop makes a watched descriptor non-blocking; a long answer is read whole
            reply: tuple[Any, ...] = worker.conn.recv()
        except TimeoutError:
            self._gone(worker)
            self._replace(pool)
            raise QueryTimeout(f"the query ran past the time limit of {limits.timeout_s:g} s and was stopped",
                               hint="narrow it (more specific patterns, LIMIT), or raise the server's --timeout") from None
        except (EOFError, OSError):
            self._gone(worker)
            self._replace(pool)
            raise StoreError("a query worker ended while answering", hint="see the server log; the query may need too much memory") from None
        except BaseException:  # cancelled (the client went away): the worker's answer is read, then it serves again
            threading.Thread(target=self._drain, args=(pool, worker, left), daemon=True).start()
            raise
        self._put_back(pool, worker)
        if reply[0] != "ok":
            _raise(reply)
        answer: Answer = reply[1]
        return answer

    # ------------------------------------------------------------------ bounded queries in this process
    async def arun_bounded(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None,
                           *, rows: RowsCall | None = None) -> Answer:
        """A query of bounded cost (a page of materialised rows, a canned query about one entity) answered in this process,
        in a thread (pyoxigraph lets go of the GIL while it evaluates), under the same time and size limits. ``rows``:
        a call that reads the page from the store's derived rows instead (``spans.page``; ``query`` if it gives None).

        A worker process costs a pickled round trip a request, as much as such a query itself (bench/http_bench.py). A
        thread cannot be stopped, though: past the time limit the request is answered 503 and the thread's slot stays
        taken until it ends. When every slot is taken (``inline``: four a cheap worker), or the store is served
        without snapshots, the query goes to the cheap lane's worker processes, which a time-out stops.

        **Spill.** This process runs Python one thread at a time, so under concurrent load it is one core however
        many threads wait in it. While ``spill`` or more bounded queries already run here and a cheap worker is
        idle, the next one goes to that worker: its page is read and serialised on another core, and this process
        only forwards the bytes (the HTTP benchmark's concurrency-8 figures)."""
        import asyncio

        await self._catch_up()
        if self.spill is not None and self._inline_busy >= self.spill and not self.lanes[CHEAP].idle.empty():
            return await self._arun(query, accept, limits, page, rows=rows)
        view = self._view() if self._inline_busy < self.inline and self.mode == "snapshot" else None
        if view is None:
            return await self._arun(query, accept, limits, page, rows=rows)
        took = self._took.get(rows, None) if rows is not None else None
        if took is not None and took < self.quick_s:  # quick last time: on the loop, without a thread's hand-off
            start = time.perf_counter()
            try:
                return execute_rows(rows, view.store, query, list(accept), limits.max_rows, page)
            finally:
                self._took[rows] = time.perf_counter() - start
        self._inline_busy += 1
        view.busy += 1
        loop = asyncio.get_running_loop()
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(self.inline, thread_name_prefix="bounded-query")
        job = loop.run_in_executor(self._pool, _timed_rows, rows, view.store, query, list(accept), limits.max_rows, page)

        def done(_: Any) -> None:  # on the loop, when the thread ends, answered or not
            if rows is not None and not job.cancelled() and job.exception() is None:
                self._took[rows] = job.result()[1]
            self._inline_busy -= 1
            view.busy -= 1
            if view.busy == 0 and view is not self._inline_view:
                self._close_view(view)

        job.add_done_callback(done)
        try:
            answer: Answer = (await asyncio.wait_for(asyncio.shield(job), limits.timeout_s))[0]
        except TimeoutError:
            raise QueryTimeout(f"the query ran past the time limit of {limits.timeout_s:g} s",
                               hint="narrow it, or raise the server's --timeout") from None
        return answer

    def _view(self) -> _View | None:
        """The store opened read-only in this process, on the snapshot served now (None if it cannot be opened)."""
        import pyoxigraph as ox

        view = self._inline_view
        current = self._current
        if view is not None and view.path == current:
            return view
        with self._lock:
            self._refs[current] = self._refs.get(current, 0) + 1
        try:
            fresh = _View(current, ox.Store.read_only(str(current)))
        except OSError as e:
            log.warning("cannot open the store in the server's process (%s): bounded queries go to the workers", e)
            self._forget(current, 1)
            return None
        self._inline_view = fresh
        if view is not None and view.busy == 0:
            self._close_view(view)
        return fresh

    def _close_view(self, view: _View) -> None:
        view.store = None
        self._forget(view.path, 1)

    def _drain(self, pool: _Lane, worker: _Worker, timeout_s: float) -> None:
        """Wait for the answer of a request nobody waits for any more; then the worker is idle again (or replaced)."""
        try:
            ok = worker.conn.poll(timeout_s)
            if ok:
                worker.conn.recv()
        except (EOFError, OSError):
            ok = False
        if ok:
            self._put_back(pool, worker)
        else:
            self._gone(worker)
            self._replace(pool)

    # ------------------------------------------------------------------ updates
    def update(self, text: str, limits: Limits, *, base_iri: str | None = None) -> None:
        """Run a SPARQL Update on the store, whole or not at all (a time-out included), then serve what it made."""
        with self._update_lock:
            if self.mode == "direct":
                self._update_direct(text, limits, base_iri)
                return
            try:
                lock = StoreLock(self.path, exclusive=True, wait_s=min(5.0, limits.timeout_s),
                                 holder=f"smartgraph serve (pid {os.getpid()}) running a SPARQL Update")
            except StoreBusy as e:
                raise Busy(f"the store cannot take an update now: {e.message}", hint="try again when that finishes") from None
            try:
                reply = self._write(text, limits, base_iri)
                if reply is not None and reply[0] == "ok":
                    bump_generation(self.path)
            finally:
                lock.release()
            self._check(reply, limits)
            self.refresh()  # before answering: the client's next query sees its update

    def _write(self, text: str, limits: Limits, base_iri: str | None) -> tuple[Any, ...] | None:
        writer = _Worker(self.path, self._lifeline, writable=True)
        reply = writer.ask(("update", text, base_iri), limits.timeout_s)
        if reply is not None:
            writer.stop()
        return reply

    @staticmethod
    def _check(reply: tuple[Any, ...] | None, limits: Limits) -> None:
        if reply is None:
            raise QueryTimeout(f"the update ran past the time limit of {limits.timeout_s:g} s and was stopped; nothing of it "
                               "was written (an update is one transaction)", hint="split it into smaller updates")
        if reply[0] != "ok":
            _raise(reply)

    def _update_direct(self, text: str, limits: Limits, base_iri: str | None) -> None:
        """Without snapshots the readers have the store itself open: they close for the update and open again after it."""
        workers = [(lane, self._acquire(lane, limits.timeout_s * 6)) for lane in self.lanes.values() for _ in range(lane.size)]
        for _, w in workers:
            w.stop()
            self._forget(w.path, 1)
        try:
            reply = self._write(text, limits, base_iri)
            if reply is not None and reply[0] == "ok":
                with contextlib.suppress(StoreError):
                    bump_generation(self.path)
        finally:
            for lane, _ in workers:
                self._put_back(lane, self._start(lane))
        self._check(reply, limits)

    # ------------------------------------------------------------------ registration and shutdown
    def _register(self) -> None:
        """Say in the store's folder that this server serves it (``smartgraph build`` names it)."""
        info = {"pid": os.getpid(), "store": str(self.path.resolve()), "url": self.owner, "mode": self.mode,
                "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        with contextlib.suppress(OSError):
            (self.path / f"{SERVING}{os.getpid()}.json").write_text(json.dumps(info), encoding="utf-8")

    def close(self) -> None:
        self._closed = True
        if getattr(self, "_pool", None) is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        view = getattr(self, "_inline_view", None)
        if view is not None:
            self._inline_view = None
            self._close_view(view)
        for lane in getattr(self, "lanes", {}).values():
            while True:
                try:
                    lane.idle.get_nowait().stop()
                except queue.Empty:
                    break
        self._lifeline.close()  # workers still busy end too
        with contextlib.suppress(OSError):
            (self.path / f"{SERVING}{os.getpid()}.json").unlink(missing_ok=True)
        if self.snapshots is not None and self.snapshots.is_dir():
            for d in self.snapshots.glob(f"{os.getpid()}-{self._id}-*"):
                shutil.rmtree(d, ignore_errors=True)
            with contextlib.suppress(OSError):
                self.snapshots.rmdir()  # only when no other server keeps a snapshot there
        if self._held is not None:
            self._held.release()


class RemoteEngine:
    """Queries sent to a remote SPARQL endpoint, their results checked against the same limits and re-serialised."""

    def __init__(self, endpoint: str) -> None:
        from smartgraph.sparql.remote import RemoteStore

        self.remote = RemoteStore(endpoint, retries=0)
        self.endpoint = endpoint

    def run(self, query: str, accept: Sequence[tuple[str, float]], limits: Limits, page: int | None = None, *,
            lane: str = CHEAP, dataset: Dataset | None = None, base_iri: str | None = None) -> Answer:
        import httpx
        import pyoxigraph as ox

        del lane, base_iri  # the triplestore has its own workers, and resolves relative IRIs against its own endpoint
        data: list[tuple[str, str]] = [("query", query)]
        if dataset is not None:
            data += [("default-graph-uri", g) for g in dataset.default] + [("named-graph-uri", g) for g in dataset.named]
        try:
            r = self.remote.http.post(self.endpoint, content=urlencode(data).encode(), timeout=limits.timeout_s,
                                      headers={"Accept": f"{RESULTS_JSON}, {NTRIPLES};q=0.9",
                                               "Content-Type": "application/x-www-form-urlencoded"})
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
            res = Results.from_json(r.json())
            mt = negotiate(accept, RESULT_TYPES)
            if res.boolean is not None:
                if mt is None:
                    raise NotAcceptable("an ASK result cannot be sent in any type the client accepts", RESULT_TYPES)
                return Answer(mt, serialize_boolean(res.boolean, mt), 1)
            if mt is None:
                raise NotAcceptable("a SELECT result cannot be sent in any type the client accepts", RESULT_TYPES)
            rows = res.bindings
            more = page is not None and len(rows) > page
            if page is not None:
                rows = rows[:page]
            if len(rows) > limits.max_rows:
                raise ResultTooLarge(f"the result has more than {limits.max_rows} rows", hint="add LIMIT and OFFSET to page through it")
            return Answer(mt, serialize_select(res.vars, rows, mt), len(rows), more)
        mt = negotiate(accept, GRAPH_TYPES)
        if mt is None:
            raise NotAcceptable("a CONSTRUCT or DESCRIBE result cannot be sent in any type the client accepts", GRAPH_TYPES)
        fmt = ox.RdfFormat.from_media_type(ctype) or ox.RdfFormat.N_TRIPLES
        triples = list(ox.parse(r.content, format=fmt))
        if len(triples) > limits.max_rows:
            raise ResultTooLarge(f"the result has more than {limits.max_rows} triples", hint="add LIMIT to the query")
        return Answer(mt, serialize_triples([t.triple if hasattr(t, "triple") else t for t in triples], mt), len(triples))

    def update(self, text: str, limits: Limits, *, base_iri: str | None = None) -> None:
        del limits, base_iri
        self.remote.update(text)

    def close(self) -> None:
        self.remote.close()
