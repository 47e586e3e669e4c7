"""Fairness under load: cheap work (canned queries, entity pages) while clients send an expensive ad-hoc query.

    python bench/fairness.py [--docs 2000 | --store PATH] [--seconds 20] [--rounds 3] [--heavy 4] [--out results-fairness.json]

Two phases of ``--seconds`` each against one `smartgraph serve` (default settings but ``--timeout``), run in
turn ``--rounds`` times (the figures pool the rounds of each phase):
1. unloaded: two client threads send canned queries in turn (the first page of six of them), one thread asks
   for entity pages (HTML) in turn;
2. loaded: the same, while ``--heavy`` clients, each from its own loopback address (127.0.0.2, .3, ...),
   send an expensive ad-hoc query to /sparql again and again, as fast as they are answered (a 429 or a 503
   is answered at once; they do not wait for Retry-After).

It prints canned-query throughput (requests/s), entity-page latency (p50, p99) in both phases, the ratio
loaded/unloaded, and what the heavy clients got (status counts). The store is a generated corpus of
``--docs`` releases (bench/corpus.py) unless ``--store`` names one. Not a test: timings belong here.
"""

from __future__ import annotations

import argparse
import http.client
import json
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

import corpus  # noqa: E402
import http_bench  # noqa: E402

EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # runs until the server's time limit stops it
CANNED = [("events", {}), ("sister-cities", {"lang": "en"}), ("officials", {"lang": "en"}), ("agreements", {"lang": "en"}),
          ("countries-by-event", {}), ("participants", {"lang": "en"})]


def entities(port: int, n: int = 50) -> list[str]:
    """Paths of entity pages: places and people the store describes."""
    q = ("SELECT DISTINCT ?e WHERE { { ?e a <https://schema.org/City> } UNION { ?e a <https://schema.org/Person> } } "
         f"ORDER BY ?e LIMIT {n}")
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    c.request("GET", "/sparql?" + urlencode({"query": q}), headers={"Accept": "application/sparql-results+json"})
    rows = json.loads(c.getresponse().read())["results"]["bindings"]
    base = "https://w3id.org/smartgraph/id/"
    return ["/id/" + quote(r["e"]["value"][len(base):]) for r in rows if r["e"]["value"].startswith(base)]


def client(port: int, paths: list[str], stop: threading.Event, out: list[tuple[float, int]], source: str = "127.0.0.1",
           accept: str = "application/sparql-results+json", timeout: float = 120) -> None:
    """Request the paths in turn until ``stop``; (latency s, status) of each answer."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    i = 0
    while not stop.is_set():
        path = paths[i % len(paths)]
        i += 1
        t = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept": accept})
            r = conn.getresponse()
            r.read()
            out.append((time.perf_counter() - t, r.status))
        except OSError:
            out.append((time.perf_counter() - t, 0))
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))


@dataclass
class Run:
    """One phase: the latencies (s) of the answered cheap requests, the failures, what the heavy clients got."""

    elapsed: float
    canned: list[float]
    canned_errors: int
    pages: list[float]
    page_errors: int
    heavy: Counter[str] = field(default_factory=Counter)


def phase(port: int, seconds: float, heavy: int, canned: list[str], pages: list[str]) -> Run:
    stop = threading.Event()
    canned_out: list[tuple[float, int]] = []
    page_out: list[tuple[float, int]] = []
    heavy_out: list[tuple[float, int]] = []
    threads = [threading.Thread(target=client, args=(port, canned[k:] + canned[:k], stop, canned_out)) for k in range(2)]
    threads.append(threading.Thread(target=client, args=(port, pages, stop, page_out), kwargs={"accept": "text/html"}))
    hogs = [threading.Thread(target=client, args=(port, ["/sparql?" + urlencode({"query": EXPENSIVE})], stop, heavy_out),
                             kwargs={"source": f"127.0.0.{2 + i}"}, daemon=True) for i in range(heavy)]
    for t in hogs:
        t.start()
    if hogs:
        time.sleep(2.0)  # the expensive queries are running before the measured window opens
    start = time.perf_counter()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(120)
    elapsed = time.perf_counter() - start
    for t in hogs:
        t.join(60)
    return Run(elapsed, sorted(lat for lat, st in canned_out if st == 200), sum(1 for _, st in canned_out if st != 200),
               sorted(lat for lat, st in page_out if st == 200), sum(1 for _, st in page_out if st != 200),
               Counter(str(st) for _, st in heavy_out))


def summary(runs: list[Run]) -> dict[str, object]:
    """Several runs of a phase as one: throughput over their summed time, latencies pooled."""
    seconds = sum(r.elapsed for r in runs)
    canned = sorted(x for r in runs for x in r.canned)
    pages = sorted(x for r in runs for x in r.pages)
    heavy: Counter[str] = Counter()
    for r in runs:
        heavy.update(r.heavy)
    return {"canned_rps": round(len(canned) / seconds, 2) if seconds else 0.0, "canned_p50_ms": ms(canned, 0.5),
            "page_p50_ms": ms(pages, 0.5), "page_p99_ms": ms(pages, 0.99), "pages": len(pages),
            "canned_errors": sum(r.canned_errors for r in runs), "page_errors": sum(r.page_errors for r in runs),
            "heavy_statuses": dict(heavy), "seconds": round(seconds, 1)}


def ms(sorted_s: list[float], q: float) -> float | None:
    return round(sorted_s[min(len(sorted_s) - 1, int(len(sorted_s) * q))] * 1000, 1) if sorted_s else None


def run(store: Path, seconds: float, heavy: int, timeout: float, rounds: int = 1) -> dict[str, object]:
    from smartgraph.queries import Catalog

    catalog = Catalog.load()
    canned = [f"/queries/{name}?{urlencode(params)}" for name, params in CANNED if name in catalog.queries]
    cmd = [str(BIN / "smartgraph"), "serve", "--store", str(store), "--port", "{port}", "--timeout", str(timeout)]
    with http_bench._serving(cmd, "/health") as port:
        pages = entities(port)
        for path in canned + pages[:5]:  # warm the store's caches once
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            c.request("GET", path)
            c.getresponse().read()
        rounds_out = []
        for _ in range(rounds):  # unloaded and loaded in turn: the machine's other work weighs on both alike
            rounds_out.append((phase(port, seconds, 0, canned, pages), phase(port, seconds, heavy, canned, pages)))
    unloaded, loaded = summary([u for u, _ in rounds_out]), summary([ld for _, ld in rounds_out])
    base = float(unloaded["canned_rps"])  # type: ignore[arg-type]
    ratio = round(float(loaded["canned_rps"]) / base, 3) if base else None  # type: ignore[arg-type]
    return {"unloaded": unloaded, "loaded": loaded, "canned_ratio": ratio, "heavy_clients": heavy, "expensive_query": EXPENSIVE,
            "timeout_s": timeout, "seconds": seconds, "rounds": rounds, "canned": canned, "entity_pages": len(pages),
            "per_round": [{"unloaded": summary([u]), "loaded": summary([ld])} for u, ld in rounds_out]}


def table(r: dict[str, object]) -> str:
    u, ld = r["unloaded"], r["loaded"]
    assert isinstance(u, dict) and isinstance(ld, dict)
    return "\n".join([
        "| phase | canned req/s | canned p50 ms | entity page p50 ms | entity page p99 ms | heavy clients' answers |",
        "|---|---:|---:|---:|---:|---|",
        f"| unloaded | {u['canned_rps']} | {u['canned_p50_ms']} | {u['page_p50_ms']} | {u['page_p99_ms']} | - |",
        f"| {r['heavy_clients']} clients sending the expensive query | {ld['canned_rps']} | {ld['canned_p50_ms']} | {ld['page_p50_ms']} | "
        f"{ld['page_p99_ms']} | {ld['heavy_statuses']} |",
        f"\ncanned queries loaded / unloaded: {r['canned_ratio']} (rounds: "
        + ", ".join(f"{x['loaded']['canned_rps']}/{x['unloaded']['canned_rps']}" for x in r["per_round"]) + ")",  # type: ignore[attr-defined,index]
    ])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, help="serve this store (default: build one from --docs generated releases)")
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seconds", type=float, default=20.0, help="seconds of each phase (default 20)")
    ap.add_argument("--heavy", type=int, default=4, help="clients sending the expensive query (default 4)")
    ap.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout (default 10, the server's default)")
    ap.add_argument("--rounds", type=int, default=3, help="unloaded and loaded phases run in turn this many times (default 3)")
    ap.add_argument("--out", type=Path, help="write the figures as JSON here")
    a = ap.parse_args()
    if not (BIN / "smartgraph").exists():
        ap.error(f"no smartgraph command beside {sys.executable}: run this with the project's environment")
    store = a.store
    if store is None:
        work = Path(tempfile.mkdtemp(prefix="smartgraph-fairness-"))
        corpus.generate(a.docs, work / "corpus", seed=42)
        store = work / "store"
        print(f"building {a.docs} generated releases into {store}", file=sys.stderr)
        import subprocess

        subprocess.run([str(BIN / "smartgraph"), "build", str(work / "corpus"), "--store", str(store), "--quiet"], check=True)
    results = run(store, a.seconds, a.heavy, a.timeout, a.rounds)
    print(table(results))
    if a.out:
        a.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
