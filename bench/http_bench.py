"""HTTP benchmark: `smartgraph serve` against `oxigraph serve-read-only` over the same store, side by side in one run.

Every canned query, its first page with the default parameters (a query with a required parameter, provenance:
once for a real entity of the first class the parameter completes from, a person, and once for one of the last,
an agreement, whose answer is a few rows and whose time is the server's own), through /queries/NAME on
smartgraph and as its bound SPARQL text (the same page: LIMIT page+1) through /query on Oxigraph; and one
/sparql query (--sparql). At concurrency 1 and 8 on loopback; each client thread keeps one HTTP/1.1
connection, from its own loopback address (127.0.0.2, .3, ...), as a client of its own; only answers 200 count.

    python bench/http_bench.py [--store .smartgraph/store] [--seconds 2] [--rounds 3] [--only officials] [--out results-http.json]

Rounds are interleaved: each round runs every case on both servers in turn (which one goes first alternates),
so the machine's other work weighs on both alike; a figure is the median of the rounds. Each run lasts
``--seconds``, and the requests in flight then are waited for (a slow query still counts once). Before the
runs, both servers' answers to each case are compared (the same rows, in order: ``same_rows``). Besides
requests/s and latency (p50, p99 in ms) it gives each server's CPU time a request (user + system of the server's
process tree, from /proc: smartgraph's worker processes included). The ratio column is smartgraph's req/s over
Oxigraph's. Oxigraph serves the very same store read-only (its default graph is the stored union), so both
answer the same question over the same quads. Not a test: timings belong here, not in the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_until_up(port: int, path: str, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", path)
            if c.getresponse().status < 500:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not come up")


def stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()


@contextmanager
def _started(cmd: list[str], health: str) -> Iterator[tuple[int, int]]:
    """A server started with ``cmd`` (``{port}`` replaced by a free port), up once ``health`` answers; its port and
    process id; stopped after."""
    port = free_port()
    proc = subprocess.Popen([a.replace("{port}", str(port)) for a in cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port, health, proc)
        yield port, proc.pid
    finally:
        stop(proc)


@contextmanager
def _serving(cmd: list[str], health: str) -> Iterator[int]:
    """``_started``'s port."""
    with _started(cmd, health) as (port, _):
        yield port


def smartgraph_server(store: Path, workers: int = 2, processes: int = 1) -> contextlib.AbstractContextManager[tuple[int, int]]:
    return _started([str(BIN / "smartgraph"), "serve", "--store", str(store), "--port", "{port}", "--workers", str(workers),
                     "--processes", str(processes)], "/health")


def oxigraph_server(store: Path) -> contextlib.AbstractContextManager[tuple[int, int]]:
    """`oxigraph serve-read-only` over the same store: the same quads, the same default graph (the union, stored)."""
    oxigraph = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    if not oxigraph:
        raise SystemExit("the oxigraph command is missing: pip install oxigraph (the test extra installs it)")
    return _started([oxigraph, "serve-read-only", "--location", str(store), "--bind", "127.0.0.1:{port}"], "/")


@dataclass
class Figures:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    cpu_ms: float | None = None  # CPU time of the server's process tree a request


def tree_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of a process and its live descendants (Linux /proc; None elsewhere)."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        stats = {}
        for d in Path("/proc").iterdir():
            if d.name.isdigit():
                with contextlib.suppress(OSError):
                    fields = (d / "stat").read_text().rsplit(")", 1)[1].split()
                    stats[int(d.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))  # ppid, utime + stime
    except OSError:
        return None
    if pid not in stats:
        return None
    tree, todo = {pid}, [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, _) in stats.items():
            if ppid == parent and child not in tree:
                tree.add(child)
                todo.append(child)
    return sum(stats[p][1] for p in tree) / tick


def hammer(port: int, method: str, path: str, body: bytes | None, headers: dict[str, str], concurrency: int, seconds: float,
           pid: int | None = None, timeout: float = 300.0) -> Figures:
    """Send the same request from ``concurrency`` threads for ``seconds`` (each thread sends at least one and finishes the
    one in flight at the end); throughput, latency percentiles, and the server's CPU time a request when ``pid`` is given."""
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    stop_at = time.perf_counter() + seconds

    def worker(i: int) -> None:
        source = (f"127.0.0.{2 + i}", 0)  # each thread its own client address: smartgraph serve gives each client a share
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=source)
        first = True
        while first or time.perf_counter() < stop_at:
            first = False
            t = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                r = conn.getresponse()
                r.read()
                if r.status != 200:
                    errors[i] += 1
                    continue
            except OSError:
                errors[i] += 1
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=source)
                continue
            latencies[i].append(time.perf_counter() - t)
        conn.close()

    cpu0 = tree_cpu_s(pid) if pid else None
    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - start
    cpu1 = tree_cpu_s(pid) if pid else None
    all_lat = sorted(x for lat in latencies for x in lat)
    if not all_lat:
        return Figures(0.0, 0.0, 0.0, sum(errors))
    p99 = all_lat[min(len(all_lat) - 1, int(len(all_lat) * 0.99))]
    cpu = (cpu1 - cpu0) * 1000 / len(all_lat) if cpu0 is not None and cpu1 is not None else None
    return Figures(len(all_lat) / elapsed, statistics.median(all_lat) * 1000, p99 * 1000, sum(errors), cpu)


@dataclass(frozen=True)
class Case:
    label: str
    name: str  # the canned query, or "" for /sparql
    params: tuple[tuple[str, str], ...] = ()


def cases(store: Path, catalog: Any, sparql: bool = False, entities: tuple[str, ...] = ()) -> list[Case]:
    """Every canned query with its default parameters; a required IRI parameter bound to real entities of the store,
    and provenance of each of ``entities`` besides (labelled by the IRI's last segment)."""
    out = [Case(f"provenance {e.rstrip('/#').rsplit('/', 1)[-1]}", "provenance", (("entity", e),)) for e in entities]
    for q in sorted(catalog, key=lambda q: q.name):
        required = [p for p in q.params if p.required]
        if not required:
            out.append(Case(q.name, q.name))
            continue
        p = required[0]
        if p.type != "iri" or not p.classes:
            continue
        for cls in dict.fromkeys((p.classes[0], p.classes[-1])):
            entity = first_instance(store, cls)
            if entity:
                out.append(Case(f"{q.name} {cls.rstrip('/#').rsplit('/', 1)[-1].rsplit('#', 1)[-1].lower()}", q.name, ((p.name, entity),)))
    if sparql:
        out.append(Case("/sparql cities", ""))
    return out


def first_instance(store: Path, cls: str) -> str | None:
    """The first instance of a class in IRI order (read before the servers start: a read-only store opens beside them anyway)."""
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store))
    try:
        row = next(iter(s.query(f"SELECT ?e WHERE {{ ?e a <{cls}> }} ORDER BY ?e LIMIT 1")), None)  # type: ignore[arg-type]
        return None if row is None else str(row["e"].value)
    finally:
        del s


SPARQL = ("PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          "SELECT ?city ?name WHERE { ?city a schema:City ; rdfs:label ?name FILTER (lang(?name) = 'en') } ORDER BY ?name LIMIT 100")
ACCEPT = {"Accept": "application/sparql-results+json"}


def requests(case: Case, catalog: Any, page_size: int) -> tuple[str, str]:
    """The path smartgraph is asked and the path Oxigraph is asked: the same page of the same query."""
    if not case.name:
        return "/sparql?" + urlencode({"query": SPARQL}), "/query?" + urlencode({"query": SPARQL})
    q = catalog.get(case.name)
    params = dict(case.params)
    text = q.page(params, page_size, 0) if q.pageable else q.prepare(params)
    return f"/queries/{case.name}?{urlencode(case.params)}", "/query?" + urlencode({"query": text})


def rows(port: int, path: str, page_size: int) -> list[Any]:
    """The rows of an answer (a page's worth: Oxigraph is asked one row more), language tags in one case."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    c.request("GET", path, headers=ACCEPT)
    r = c.getresponse()
    body = r.read()
    if r.status != 200:
        return [f"HTTP {r.status}: {body[:200]!r}"]
    out = []
    for b in json.loads(body)["results"]["bindings"][:page_size]:
        out.append({k: {**v, **({"xml:lang": v["xml:lang"].lower()} if "xml:lang" in v else {})} for k, v in b.items()})
    return out


def run(store: Path, seconds: float, concurrencies: tuple[int, ...] = (1, 8), only: tuple[str, ...] = (), rounds: int = 3,
        sparql: bool = False, workers: int = 2, page_size: int = 100, processes: int = 1, entities: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every case (or those whose query is named in ``only``) against both servers, in ``rounds`` interleaved rounds."""
    sys.path.insert(0, str(ROOT / "src"))
    from smartgraph.queries import Catalog

    catalog = Catalog.load()
    todo = [c for c in cases(store, catalog, sparql, entities) if not only or c.name in only or c.label in only]
    per: dict[str, dict[str, list[Figures]]] = {}
    same: dict[str, bool] = {}
    with smartgraph_server(store, workers, processes) as (sg_port, sg_pid), oxigraph_server(store) as (ox_port, ox_pid):
        paths = {c.label: requests(c, catalog, page_size) for c in todo}
        for c in todo:  # the same answer from both, and each store's caches warm
            sg_path, ox_path = paths[c.label]
            same[c.label] = rows(sg_port, sg_path, page_size) == rows(ox_port, ox_path, page_size)
        for r in range(rounds):
            for c in todo:
                sg_path, ox_path = paths[c.label]
                for n in concurrencies:
                    key = f"{c.label} @{n}"
                    runs = per.setdefault(key, {"smartgraph": [], "oxigraph": []})
                    order = [("smartgraph", sg_port, sg_path, sg_pid), ("oxigraph", ox_port, ox_path, ox_pid)]
                    for who, port, path, pid in order if r % 2 == 0 else order[::-1]:
                        runs[who].append(hammer(port, "GET", path, None, ACCEPT, n, seconds, pid))
    results: dict[str, Any] = {}
    for key, runs in per.items():
        a, b = median_of(runs["smartgraph"]), median_of(runs["oxigraph"])
        results[key] = {"smartgraph": a.__dict__, "oxigraph": b.__dict__, "ratio_rps": round(a.rps / b.rps, 3) if b.rps else None,
                        "same_rows": same[key.rsplit(" @", 1)[0]],
                        "rounds_ratio": [round(x.rps / y.rps, 3) if y.rps else None for x, y in zip(runs["smartgraph"], runs["oxigraph"], strict=True)]}
    return results


def median_of(runs: list[Figures]) -> Figures:
    """The median of the rounds, each figure on its own."""
    cpu = [r.cpu_ms for r in runs if r.cpu_ms is not None]
    return Figures(round(statistics.median(r.rps for r in runs), 1), round(statistics.median(r.p50_ms for r in runs), 3),
                   round(statistics.median(r.p99_ms for r in runs), 3), sum(r.errors for r in runs),
                   round(statistics.median(cpu), 3) if cpu else None)


def table(results: dict[str, Any]) -> str:
    lines = ["| case | smartgraph req/s | p50 ms | p99 ms | CPU ms/req | oxigraph req/s | p50 ms | p99 ms | CPU ms/req | ratio | same rows |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for k, v in results.items():
        a, b = v["smartgraph"], v["oxigraph"]
        ratio = "-" if v["ratio_rps"] is None else f"{v['ratio_rps']:.2f}"
        lines.append(f"| {k} | {a['rps']:.0f} | {a['p50_ms']:.2f} | {a['p99_ms']:.2f} | {_cpu(a)} | {b['rps']:.0f} | {b['p50_ms']:.2f} | "
                     f"{b['p99_ms']:.2f} | {_cpu(b)} | {ratio} | {'yes' if v['same_rows'] else 'NO'} |")
    return "\n".join(lines)


def _cpu(f: dict[str, Any]) -> str:
    return "-" if f.get("cpu_ms") is None else f"{f['cpu_ms']:.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=Path(os.environ.get("SMARTGRAPH_STORE", ".smartgraph/store")))
    ap.add_argument("--seconds", type=float, default=2.0, help="seconds a case runs on a server in a round (default 2)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds; figures are their medians (default 3)")
    ap.add_argument("--concurrency", type=int, action="append", help="client threads (repeat; default 1 and 8)")
    ap.add_argument("--only", action="append", default=[], help="only this canned query or case label (repeat)")
    ap.add_argument("--sparql", action="store_true", help="also an ad-hoc query through /sparql (the ad-hoc lane)")
    ap.add_argument("--workers", type=int, default=2, help="smartgraph serve --workers (default 2)")
    ap.add_argument("--processes", type=int, default=1, help="smartgraph serve --processes (default 1)")
    ap.add_argument("--entity", action="append", default=[], help="also provenance of this entity IRI (repeat)")
    ap.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = ap.parse_args()
    if not (args.store / "CURRENT").exists():
        print(f"no store at {args.store}: run smartgraph build first", file=sys.stderr)
        return 2
    results = run(args.store, args.seconds, tuple(args.concurrency or (1, 8)), tuple(args.only), args.rounds, args.sparql, args.workers,
                  processes=args.processes, entities=tuple(args.entity))
    print(table(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
