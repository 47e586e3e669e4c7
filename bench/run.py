"""The benchmark suite: a synthetic corpus of N press releases through every stage, side by side with the alternatives.

    python bench/run.py --docs 2000 --out results.json [--split mixed|zh|en] [--seconds 5] [--skip-pyshacl] [--virtuoso]

One JSON object (keys below) and a table on stdout:
- build_never_docs_per_s: `smartgraph build --materialise never` of the N documents on every core (a child process;
  build_never_peak_rss_mb its peak RSS); with --scaling also with one worker (build_never_docs_per_s_by_workers);
  materialise_whole_s: then `build --materialise always` with nothing changed (the canned queries' rows made whole);
  build_docs_per_s, build_peak_rss_mb: the two together, what a first `smartgraph build` costs;
- rebuild_one_changed_s: the same build after one document changed (content hashes skip the rest);
- query_p50_ms, query_p99_ms: each canned query (first page, default page size) on the embedded store, read from
  the rows the build materialised when they are fresh (query_materialised), as the server does;
  query_page10_p50_ms, query_page10_p99_ms: the same for page 10;
- query_speedup_vs_rdflib: rdflib's in-memory engine time over ours, same query text, same triples;
- shacl_s, pyshacl_whole_graph_s, shacl_same_violations: the whole graph with ~50 planted violations,
  our engine against pyshacl; true when both give the same set of (focus node, shape) pairs;
- http_rps, http_rps_oxigraph, http_p99_ms: the officials query over HTTP at concurrency 8 (bench/http_bench.py);
  http_ratio: every canned query's first page (provenance for real entities) at concurrency 1 and 8, smartgraph
  req/s over `oxigraph serve-read-only` answering the same SPARQL on the same store (interleaved rounds, medians);
  http_all: every figure of that step;
- export_nq_s, export_peak_rss_mb: `smartgraph export --format nq` of the named graphs (the file loaded next);
- load_triples_per_s, oxigraph_load_triples_per_s: `smartgraph load --bulk` into a fresh Oxigraph server
  against `oxigraph load` of the same N-Quads (load_atomic_triples_per_s: without --bulk, a GSP PUT a
  graph); with --virtuoso also into Virtuoso against its bulk loader (ld_dir + rdf_loader_run);
- extraction_scores: the scorer (../shared/eval/score.py) on the first 200 generated documents.
Timings are measured here, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(ROOT / "bench")]

import corpus  # noqa: E402
import http_bench  # noqa: E402

PAGE = 100


# Starts the command and reports its peak RSS. A child forked straight from this process would
# inherit this process's peak (Linux keeps it across exec), and this process holds the rdflib graph.
_RSS_OF = """import os, sys
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def timed(cmd: list[str]) -> tuple[float, float]:
    """Run a command; its wall time (s) and peak RSS (MB)."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss:
        t = time.perf_counter()  # a file, not a pipe, for stderr: a pipe nobody reads fills up and stalls the command
        p = subprocess.run([sys.executable, "-c", _RSS_OF, rss.name, *cmd], stdout=subprocess.DEVNULL, stderr=err)
        wall = time.perf_counter() - t
        if p.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed: {err.read().decode(errors='replace')[-2000:]}")
        return wall, int(rss.read()) / 1024


def percentile(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, math.ceil(q * len(xs)) - 1)]


def capped(work: Any, cap_s: float) -> Any:
    """``work()`` in a forked child (it sees this process's memory), its result, or None past ``cap_s`` seconds."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=lambda: child.send(work()))
    proc.start()
    result = parent.recv() if parent.poll(cap_s) else None
    proc.kill()
    proc.join()
    return result


def rdflib_ms(g: Any, text: str, cap_s: float) -> float | None:
    """rdflib's time for one query, or None past ``cap_s`` seconds."""

    def run() -> float:
        t = time.perf_counter()
        list(g.query(text))
        return (time.perf_counter() - t) * 1000

    result: float | None = capped(run, cap_s)
    return result


def bench_queries(store_path: Path, repeat: int, rdflib_too: bool, cap_s: float = 120.0) -> dict[str, Any]:
    import pyoxigraph as ox
    from rdflib import Dataset

    from smartgraph import summaries
    from smartgraph.queries import Catalog
    from smartgraph.sparql import spans
    from smartgraph.sparql.store import EmbeddedStore
    from smartgraph.vocab import DERIVED_GRAPHS

    fresh = summaries.fresh(EmbeddedStore(store_path, read_only=True))
    store = ox.Store.read_only(str(store_path))
    sourced = fresh and spans.trusted(store)  # provenance pages read from the spans' rows, as the server reads them
    catalog = Catalog.load()
    entity = next(iter(store.query("SELECT ?c WHERE { ?c a <https://schema.org/City> } LIMIT 1")))["c"].value  # type: ignore[index]
    p50: dict[str, float] = {}
    p99: dict[str, float] = {}
    p50_10: dict[str, float] = {}
    p99_10: dict[str, float] = {}
    texts: dict[str, str] = {}
    for q in catalog:
        values = {"entity": entity} if q.name == "provenance" else {}
        texts[q.name] = q.page(values, PAGE, 0)  # rdflib gets the plain query
        from_spans = sourced and spans.answers(q.text) and "entity" in values
        for offset, (a, b) in ((0, (p50, p99)), (9 * PAGE, (p50_10, p99_10))):  # first page and page 10, as the server asks
            text = summaries.page(q, values, PAGE, offset) if fresh else q.page(values, PAGE, offset)
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                if from_spans:
                    spans.page(store, values["entity"], PAGE, offset)
                else:
                    list(store.query(text))  # type: ignore[call-overload]
                times.append((time.perf_counter() - t) * 1000)
            a[q.name], b[q.name] = round(statistics.median(times), 2), round(percentile(times, 0.99), 2)
    out: dict[str, Any] = {"query_p50_ms": p50, "query_p99_ms": p99, "query_page10_p50_ms": p50_10,
                           "query_page10_p99_ms": p99_10, "query_materialised": fresh}
    if rdflib_too:
        g = Dataset(default_union=True)  # the named graphs, queried as their union like ours; parsed, the fastest way in
        t = time.perf_counter()
        names = [q["g"].value for q in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")
                 if q["g"].value not in DERIVED_GRAPHS]
        g.parse(data="".join(f"{ln[:-1]}<{name}> .\n" for name in names for ln in (store.dump(
            format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) or b"").decode("utf-8").splitlines()), format="nquads")
        out["rdflib_load_s"] = round(time.perf_counter() - t, 1)
        speed, capped = {}, []
        for name, text in texts.items():
            ms = rdflib_ms(g, text, cap_s)
            if ms is None:  # rdflib did not finish within the cap: the ratio is at least cap / ours
                capped.append(name)
                ms = cap_s * 1000
            speed[name] = round(ms / max(p50[name], 0.01), 1)
        out["query_speedup_vs_rdflib"] = speed
        out["rdflib_capped_at_s"] = {n: cap_s for n in capped}
        out["query_speedup_vs_rdflib_geomean"] = round(math.exp(statistics.mean(math.log(v) for v in speed.values())), 1)
    return out


PLANT = """
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?p rdfs:label ?l } WHERE { VALUES ?p { %s } ?p rdfs:label ?l } ;
INSERT { ?e schema:startDate "2030-01-01"^^xsd:date } WHERE { VALUES ?e { %s } } ;
DELETE { ?s <http://www.w3.org/ns/oa#exact> ?o } WHERE { VALUES ?s { %s } ?s <http://www.w3.org/ns/oa#exact> ?o }
"""


def bench_shacl(store_path: Path, with_pyshacl: bool, seed: int, pyshacl_cap_s: float = 3600.0) -> dict[str, Any]:
    """About 50 planted violations (labels removed, a second start date, quotes removed) in a copy of the whole graph.

    Not ill-typed dates: rdflib and Oxigraph disagree on comparing a string with a date inside the
    SPARQL-based constraint, so pyshacl and our engine would differ on the SPARQL engines, not on SHACL."""
    import pyoxigraph as ox
    from rdflib import Graph

    from smartgraph import validation

    src = ox.Store.read_only(str(store_path))
    mem = ox.Store()
    mem.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                    for q in src.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    r = random.Random(seed)

    def pick(cls: str, n: int) -> str:
        nodes = sorted(str(row["x"]) for row in mem.query(f"SELECT ?x WHERE {{ ?x a <{cls}> }}"))  # type: ignore[index,union-attr]
        return " ".join(r.sample(nodes, min(n, len(nodes))))

    mem.update(PLANT % (pick("https://schema.org/Person", 20), pick("https://schema.org/Event", 15),
                        pick("http://www.w3.org/ns/oa#TextQuoteSelector", 15)))
    t = time.perf_counter()
    ours = validation.validate_union(mem)
    out: dict[str, Any] = {"shacl_s": round(time.perf_counter() - t, 2), "shacl_violations": len(ours.errors),
                           "graph_triples": len(mem)}
    if with_pyshacl:
        g = Graph()
        g.parse(data=mem.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
        del mem

        def run() -> tuple[float, set[tuple[str, str]]]:
            t = time.perf_counter()
            theirs = validation.validate_with_pyshacl(g, with_tbox=False)
            return time.perf_counter() - t, {(v.focus, v.shape) for v in theirs.violations}

        answer = capped(run, pyshacl_cap_s)
        if answer is None:
            out["pyshacl_capped_at_s"] = pyshacl_cap_s  # pyshacl took longer: the speed-up is at least cap / ours
            out["shacl_speedup_at_least"] = round(pyshacl_cap_s / max(out["shacl_s"], 0.001), 1)
        else:
            out["pyshacl_whole_graph_s"] = round(answer[0], 2)
            out["shacl_same_violations"] = {(v.focus, v.shape) for v in ours.violations} == answer[1]
            out["shacl_speedup"] = round(out["pyshacl_whole_graph_s"] / max(out["shacl_s"], 0.001), 1)
    return out


def in_fresh_process(fn: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """``fn(*args)`` in a new interpreter. This one holds rdflib's copy of the graph by then (gigabytes at
    N = 10,000), which slowed the load's threads (0.39× against 0.60× alone) and inflated child RSS."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(fn, args)  # type: ignore[no-any-return]


def bench_load(store_path: Path, work: Path, virtuoso: bool) -> dict[str, Any]:
    from tests.triplestores import Oxigraph, Virtuoso

    from smartgraph import pipeline
    from smartgraph.sparql.remote import RemoteStore
    from smartgraph.sparql.store import open_store

    st = open_store(store_path, read_only=True)
    triples = len(st)
    nq = work / "load" / "data.nq"
    nq.parent.mkdir(parents=True, exist_ok=True)
    wall, rss = timed([str(BIN / "smartgraph"), "export", "--store", str(store_path), "--format", "nq", "--keep-contacts",
                       "--no-description", "--out", str(nq)])
    out: dict[str, Any] = {"load_triples": triples, "export_nq_s": round(wall, 1), "export_peak_rss_mb": round(rss)}
    # into a fresh Oxigraph server: `load --bulk` (every graph is new there: one non-transactional POST of
    # N-Quads per ~200k triples), then the atomic way (a GSP PUT a graph) into another fresh server
    for key, bulk in (("load_triples_per_s", True), ("load_atomic_triples_per_s", False)):
        server = Oxigraph(work / f"oxigraph-server-{key}")
        try:
            t = time.perf_counter()
            remote = server.remote()
            report = pipeline.load(st, RemoteStore(remote.query_url, remote.update_url, server.url + "/store"), bulk=bulk)
            out[key] = round(triples / (time.perf_counter() - t))
            out[key.replace("triples_per_s", "verified")] = report.ok
        finally:
            server.stop()
    t = time.perf_counter()
    subprocess.run([server.exe, "load", "--location", str(work / "oxigraph-bulk"), "--file", str(nq)], check=True, capture_output=True)
    out["oxigraph_load_triples_per_s"] = round(triples / (time.perf_counter() - t))
    if virtuoso:
        v = Virtuoso(work / "virtuoso")
        try:
            t = time.perf_counter()
            report = pipeline.load(st, v.remote(), batch=20_000)
            out["virtuoso_load_triples_per_s"] = round(triples / (time.perf_counter() - t))
            bulk = work / "virtuoso" / "bulk"
            bulk.mkdir()
            shutil.copy(nq, bulk / "data.nq")
            t = time.perf_counter()
            v.isql(f"ld_dir('{bulk}', '*.nq', 'urn:x-smartgraph:bulk'); rdf_loader_run(); checkpoint;")
            out["virtuoso_bulk_load_triples_per_s"] = round(triples / (time.perf_counter() - t))
        finally:
            v.stop()
    st.close()
    return out


def bench_http(store_path: Path, seconds: float, rounds: int = 3, processes: int = 1) -> dict[str, Any]:
    """Every canned query over HTTP, smartgraph (``serve --processes``) against `oxigraph serve-read-only` on the same
    store (bench/http_bench.py)."""
    res = http_bench.run(store_path, seconds, concurrencies=(1, 8), rounds=rounds, processes=processes)
    row = res.get("officials @8") or next(iter(res.values()))
    return {"http_rps": round(row["smartgraph"]["rps"], 1), "http_rps_oxigraph": round(row["oxigraph"]["rps"], 1),
            "http_p99_ms": round(row["smartgraph"]["p99_ms"], 1), "http_ratio": {k: v["ratio_rps"] for k, v in res.items()},
            "http_all": res, "http_processes": processes}


def score_sample(folder: Path, work: Path, n: int) -> dict[str, Any]:
    scorer = ROOT.parent / "shared" / "eval" / "score.py"
    if not scorer.exists():
        return {"skipped": f"no scorer at {scorer}"}
    sample = work / "sample"
    sample.mkdir()
    for p in sorted(folder.glob("*.txt"))[:n]:
        shutil.copy(p, sample / p.name)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    names = {p.name for p in sample.glob("*.txt")}
    text = "\n".join(p.read_text(encoding="utf-8") for p in sample.glob("*.txt"))
    numbers = {int(name[:6]) for name in names}

    def planted_here(key: str) -> bool:  # gold keys carry the number of the release that planted them: e12-s1, d7
        m = re.match(r"[a-z]+(\d+)", key)
        return bool(m) and int(m.group(1)) in numbers

    # only what the sample's releases planted or name: the corpus-wide gold would make recall meaningless
    gold["documents"] = [d for d in gold["documents"] if d["source"] in names]
    gold["events"] = [e for e in gold["events"] if planted_here(e["key"])]
    gold["participants"] = [p for p in gold["participants"] if planted_here(p["event"])]
    gold["agreements"] = [a for a in gold["agreements"] if planted_here(a["key"])]
    gold["officials"] = [o for o in gold["officials"] if any(n in text for n in o["person"])]
    gold["speakers"] = [n for n in gold["speakers"] if n in text]
    gold["countries"] = {c: ns for c, ns in gold["countries"].items() if any(n in text for n in ns)}
    (work / "sample-gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    p = subprocess.run([sys.executable, str(scorer), "--gold", str(work / "sample-gold.json"), "--input", str(sample),
                        "--cmd", str(BIN / "smartgraph")], capture_output=True, text=True, timeout=1800)
    lines = [ln for ln in p.stdout.splitlines() if ln.strip()]
    return {"macro_f1": float(lines[-1].split()[-1]) if lines and lines[-1].startswith("macro") else None,
            "table": lines[-16:], "note": "gold facts the sample's releases planted or name; sister-city ties of the whole corpus"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=Path("results.json"))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--split", choices=corpus.SPLITS, default="mixed",
                    help="languages of the generated releases (default mixed: about a third in English)")
    ap.add_argument("--seconds", type=float, default=3.0, help="seconds of each HTTP run (default 3)")
    ap.add_argument("--http-rounds", type=int, default=3, help="interleaved rounds of the HTTP step (default 3)")
    ap.add_argument("--serve-processes", type=int, default=len(os.sched_getaffinity(0)),
                    help="smartgraph serve --processes in the HTTP step (default: one a CPU, as Oxigraph's server uses them all)")
    ap.add_argument("--repeat", type=int, default=10, help="runs of each canned query for its percentiles (default 10)")
    ap.add_argument("--skip-pyshacl", action="store_true", help="leave out pyshacl on the whole graph (slow at scale)")
    ap.add_argument("--skip-rdflib", action="store_true", help="leave out rdflib's query engine (slow at scale)")
    ap.add_argument("--pyshacl-cap", type=float, default=60.0,
                    help="seconds pyshacl gets for the whole graph (default 60; past it the speed-up is a lower bound)")
    ap.add_argument("--rdflib-cap", type=float, default=6.0,
                    help="seconds rdflib gets for one query (default 6; past it the speed-up is a lower bound)")
    ap.add_argument("--virtuoso", action="store_true", help="also load into Virtuoso (needs virtuoso-opensource)")
    ap.add_argument("--work", type=Path, help="keep the corpus and stores here: a new or empty folder, or an earlier run's "
                    "(emptied first); default: a temporary folder")
    ap.add_argument("--scaling", action="store_true", help="also build with one worker (build_never_docs_per_s_by_workers)")
    a = ap.parse_args()
    if not (BIN / "smartgraph").exists():
        ap.error(f"no smartgraph command beside {sys.executable}: run this with the project's environment "
                 "(.venv/bin/python bench/run.py, after pip install -e '.[test]')")
    work = a.work or Path(tempfile.mkdtemp(prefix="smartgraph-bench-"))
    if work.exists() and any(work.iterdir()):  # a store left by an earlier run would turn the build into a skip: start afresh
        if not (work / "corpus").is_dir():
            ap.error(f"--work {work} holds files but no corpus/ from an earlier run: name a new or empty folder")
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"docs": a.docs, "seed": a.seed, "split": a.split, "machine": machine()}
    docs, store = work / "corpus", work / "store"

    t0 = time.perf_counter()

    def step(msg: str) -> None:
        print(f"== [{time.perf_counter() - t0:6.0f} s] {msg}", file=sys.stderr, flush=True)

    step(f"generating {a.docs} documents")
    corpus.generate(a.docs, docs, a.seed, a.split)
    sg = str(BIN / "smartgraph")
    cores = os.cpu_count() or 1
    by_workers: dict[str, float] = {}
    if a.scaling and cores > 1:  # one worker; the build below, on every core, is the other point
        step("smartgraph build --materialise never --workers 1")
        scratch = work / "store-w1"
        shutil.rmtree(scratch, ignore_errors=True)
        wall, _ = timed([sg, "build", str(docs), "--store", str(scratch), "--materialise", "never", "--workers", "1", "-q"])
        by_workers["1"] = round(a.docs / wall, 1)
        shutil.rmtree(scratch, ignore_errors=True)
    step(f"smartgraph build --materialise never --workers {cores}")
    wall, rss = timed([sg, "build", str(docs), "--store", str(store), "--materialise", "never", "--workers", str(cores)])
    by_workers[str(cores)] = round(a.docs / wall, 1)
    results["build_never_docs_per_s_by_workers"] = by_workers
    results.update(build_never_s=round(wall, 1), build_never_docs_per_s=round(a.docs / wall, 1), build_never_peak_rss_mb=round(rss))
    step("smartgraph build --materialise always (nothing changed: the canned queries' rows made whole)")
    mwall, mrss = timed([sg, "build", str(docs), "--store", str(store), "--materialise", "always"])
    results.update(materialise_whole_s=round(mwall, 1), materialise_peak_rss_mb=round(mrss))
    results.update(build_s=round(wall + mwall, 1), build_docs_per_s=round(a.docs / (wall + mwall), 1),
                   build_peak_rss_mb=round(max(rss, mrss)))
    one = sorted(docs.glob("*.txt"))[a.docs // 2]
    one.write_text(one.read_text(encoding="utf-8") + "\n臺北市長並與日本福岡市長簽署智慧城市合作備忘錄。\n", encoding="utf-8")
    step("rebuild after one change")
    results["rebuild_one_changed_s"] = round(timed([str(BIN / "smartgraph"), "build", str(docs), "--store", str(store)])[0], 2)
    step("canned queries")
    results.update(bench_queries(store, a.repeat, not a.skip_rdflib, a.rdflib_cap))
    step("SHACL")
    results.update(bench_shacl(store, not a.skip_pyshacl, a.seed, a.pyshacl_cap))
    step("HTTP")
    results.update(bench_http(store, a.seconds, a.http_rounds, a.serve_processes))
    step("load")
    results.update(in_fresh_process(bench_load, store, work, a.virtuoso))
    step("scoring a sample")
    results["extraction_scores"] = score_sample(docs, work, min(200, a.docs))
    a.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    print(table(results))
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def machine() -> str:
    import platform

    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def table(r: dict[str, Any]) -> str:
    pyshacl = r.get("pyshacl_whole_graph_s") or (f"> {r['pyshacl_capped_at_s']:.0f}" if "pyshacl_capped_at_s" in r else None)
    rows = [("documents", r["docs"]), ("triples", r.get("load_triples")),
            ("build docs/s, --materialise never, by workers", r.get("build_never_docs_per_s_by_workers")),
            ("materialise the rows whole (s)", r.get("materialise_whole_s")),
            ("build docs/s (both)", r["build_docs_per_s"]),
            ("build peak RSS MB", r["build_peak_rss_mb"]), ("rebuild, one changed (s)", r["rebuild_one_changed_s"]),
            ("SHACL ours (s)", r["shacl_s"]), ("SHACL pyshacl (s)", pyshacl),
            ("same violations", r.get("shacl_same_violations")), ("HTTP req/s (officials @8)", r["http_rps"]),
            ("HTTP req/s oxigraph serve", r["http_rps_oxigraph"]), ("HTTP p99 ms", r["http_p99_ms"]),
            ("export N-Quads (s)", r.get("export_nq_s")), ("export peak RSS MB", r.get("export_peak_rss_mb")),
            ("load triples/s (smartgraph load --bulk → oxigraph)", r["load_triples_per_s"]),
            ("load triples/s (smartgraph load, atomic → oxigraph)", r.get("load_atomic_triples_per_s")),
            ("oxigraph load triples/s", r["oxigraph_load_triples_per_s"]),
            ("load triples/s (smartgraph load → Virtuoso)", r.get("virtuoso_load_triples_per_s")),
            ("Virtuoso ld_dir triples/s", r.get("virtuoso_bulk_load_triples_per_s")),
            ("extraction macro F1 (sample)", r["extraction_scores"].get("macro_f1"))]
    out = ["| measure | value |", "|---|---:|"] + [f"| {k} | {v} |" for k, v in rows if v is not None]
    if r.get("http_all"):
        out += ["", http_bench.table(r["http_all"])]
    out += ["", "| canned query | p50 ms | p99 ms | page 10 p50 ms | page 10 p99 ms | × rdflib |", "|---|---:|---:|---:|---:|---:|"]
    for name in r["query_p50_ms"]:
        out.append(f"| {name} | {r['query_p50_ms'][name]} | {r['query_p99_ms'][name]} | {r.get('query_page10_p50_ms', {}).get(name, '')} "
                   f"| {r.get('query_page10_p99_ms', {}).get(name, '')} | {r.get('query_speedup_vs_rdflib', {}).get(name, '')} |")
    return "\n".join(out)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    sys.exit(main())
