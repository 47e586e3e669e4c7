"""HTTP benchmark: `smartgraph serve` against `oxigraph serve` over the same data, side by side in one run.

Two canned queries (through /queries/NAME on smartgraph, their bound SPARQL text on Oxigraph) and one
/sparql query, at concurrency 1 and 8 on loopback. Each client thread keeps one HTTP/1.1 connection, from its
own loopback address (127.0.0.2, .3, ...), as a client of its own; only answers 200 count.

    python bench/http_bench.py [--store .smartgraph/store] [--seconds 5] [--out results-http.json]

Oxigraph serves the very same store read-only (its default graph is the stored union), so both answer the same
SPARQL over the same quads. The figures are throughput (requests/s) and latency (p50, p99 in ms); the ratio column is smartgraph
over Oxigraph. Not a test: timings belong here, not in the test suite.
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
def _serving(cmd: list[str], health: str) -> Iterator[int]:
    """A server started with ``cmd`` (``{port}`` replaced by a free port), up once ``health`` answers; stopped after."""
    port = free_port()
    proc = subprocess.Popen([a.replace("{port}", str(port)) for a in cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port, health, proc)
        yield port
    finally:
        stop(proc)


def smartgraph_server(store: Path, workers: int = 2) -> contextlib.AbstractContextManager[int]:
    return _serving([str(BIN / "smartgraph"), "serve", "--store", str(store), "--port", "{port}", "--workers", str(workers)], "/health")


def oxigraph_server(store: Path) -> contextlib.AbstractContextManager[int]:
    """`oxigraph serve-read-only` over the same store: the same quads, the same default graph (the union, stored)."""
    oxigraph = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    if not oxigraph:
        raise SystemExit("the oxigraph command is missing: pip install oxigraph (the test extra installs it)")
    return _serving([oxigraph, "serve-read-only", "--location", str(store), "--bind", "127.0.0.1:{port}"], "/")


@dataclass
class Figures:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def hammer(port: int, method: str, path: str, body: bytes | None, headers: dict[str, str], concurrency: int, seconds: float) -> Figures:
    """Send the same request from ``concurrency`` threads for ``seconds``; throughput and latency percentiles."""
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    stop_at = time.perf_counter() + seconds
    timeout = seconds + 2  # a request still unanswered then counts as an error: the run ends near its time

    def worker(i: int) -> None:
        source = (f"127.0.0.{2 + i}", 0)  # each thread its own client address: smartgraph serve gives each client a share
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=source)
        while time.perf_counter() < stop_at:
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

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - start
    all_lat = sorted(x for lat in latencies for x in lat)
    if not all_lat:
        return Figures(0.0, 0.0, 0.0, sum(errors))
    p99 = all_lat[min(len(all_lat) - 1, int(len(all_lat) * 0.99))]
    return Figures(len(all_lat) / elapsed, statistics.median(all_lat) * 1000, p99 * 1000, sum(errors))


def cases(store: Path | None = None) -> list[tuple[str, str, dict[str, str]]]:
    """(label, canned query name or '' for /sparql, parameters). With the store: also a cheap canned query (the
    provenance of one person, a few rows), where the time is the server's own, not the query's."""
    out = [("officials (canned)", "officials", {"lang": "en"}), ("sister-cities (canned)", "sister-cities", {"lang": "en"})]
    person = _a_person(store) if store is not None else None
    if person:
        out.append(("provenance of a person (canned, cheap)", "provenance", {"entity": person}))
    return [*out, ("/sparql cities", "", {})]


def _a_person(store: Path) -> str | None:
    """The first person of the store (read before the servers start: a read-only store opens beside them anyway)."""
    import pyoxigraph as ox

    s = ox.Store.read_only(str(store))
    try:
        row = next(iter(s.query("SELECT ?p WHERE { ?p a <https://schema.org/Person> } ORDER BY ?p LIMIT 1")), None)
        return None if row is None else str(row["p"].value)
    finally:
        del s


SPARQL = ("PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
          "SELECT ?city ?name WHERE { ?city a schema:City ; rdfs:label ?name FILTER (lang(?name) = 'en') } ORDER BY ?name LIMIT 100")


def run(store: Path, seconds: float, concurrencies: tuple[int, ...] = (1, 8), only: tuple[str, ...] = ()) -> dict[str, object]:
    """Every case (or those whose query is named in ``only``) against both servers."""
    sys.path.insert(0, str(ROOT / "src"))
    from smartgraph.queries import Catalog

    catalog = Catalog.load()
    results: dict[str, object] = {}
    with smartgraph_server(store) as sg_port, oxigraph_server(store) as ox_port:
        accept = {"Accept": "application/sparql-results+json"}
        for label, name, params in cases(store):
            if only and name not in only:
                continue
            if name:
                q = catalog.get(name)
                sg = ("GET", f"/queries/{name}?{urlencode(params)}", None)
                text = q.page(params, 100, 0)
            else:
                sg = ("GET", "/sparql?" + urlencode({"query": SPARQL}), None)
                text = SPARQL
            ox = ("GET", "/query?" + urlencode({"query": text}), None)
            for c in concurrencies:
                a = hammer(sg_port, sg[0], sg[1], sg[2], accept, c, seconds)
                b = hammer(ox_port, ox[0], ox[1], ox[2], accept, c, seconds)
                results[f"{label} @{c}"] = {"smartgraph": a.__dict__, "oxigraph": b.__dict__,
                                            "ratio_rps": round(a.rps / b.rps, 3) if b.rps else None}
    return results


def table(results: dict[str, object]) -> str:
    lines = ["| case | smartgraph req/s | p50 ms | p99 ms | oxigraph req/s | p50 ms | p99 ms | ratio |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for k, v in results.items():
        assert isinstance(v, dict)
        a, b = v["smartgraph"], v["oxigraph"]
        lines.append(f"| {k} | {a['rps']:.0f} | {a['p50_ms']:.2f} | {a['p99_ms']:.2f} | {b['rps']:.0f} | {b['p50_ms']:.2f} | "
                     f"{b['p99_ms']:.2f} | {v['ratio_rps']:.2f} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=Path(os.environ.get("SMARTGRAPH_STORE", ".smartgraph/store")))
    ap.add_argument("--seconds", type=float, default=5.0, help="seconds a case runs (default 5)")
    ap.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = ap.parse_args()
    if not (args.store / "CURRENT").exists():
        print(f"no store at {args.store}: run smartgraph build first", file=sys.stderr)
        return 2
    results = run(args.store, args.seconds)
    print(table(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
