"""Smoke test of the benchmark suite: the corpus generator and bench/run.py on 20 documents (no timing asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

KEYS = ["build_docs_per_s", "build_peak_rss_mb", "build_never_docs_per_s", "materialise_whole_s", "build_never_docs_per_s_by_workers",
        "rebuild_one_changed_s", "query_p50_ms", "query_p99_ms", "query_speedup_vs_rdflib",
        "shacl_s", "pyshacl_whole_graph_s", "shacl_same_violations", "http_rps", "http_rps_oxigraph", "http_p99_ms",
        "load_triples_per_s", "oxigraph_load_triples_per_s"]


def test_the_generator_is_deterministic_and_writes_gold(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    a, b = tmp_path / "a", tmp_path / "b"
    corpus.generate(20, a, seed=7)
    corpus.generate(20, b, seed=7)
    files = sorted(p.name for p in a.glob("*.txt"))
    assert len(files) == 20
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    gold = json.loads((a / "gold.json").read_text(encoding="utf-8"))
    assert {"documents", "events", "officials", "participants", "agreements", "sister_cities", "speakers", "countries"} <= set(gold)
    assert len(gold["documents"]) == 20 and gold["officials"]


def test_the_corpus_has_the_variety_of_the_real_one(tmp_path: Path) -> None:
    """Both languages, several cities, several header forms, news reprints with bylines, every kind of fact."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    corpus.generate(120, tmp_path, seed=3)
    texts = [p.read_text(encoding="utf-8") for p in sorted(tmp_path.glob("*.txt"))]
    english = [t for t in texts if not any("\u4e00" <= c <= "\u9fff" for c in t.split("\n\n")[0] + t[:200])]
    assert 20 <= len(english) <= 70
    assert {h.en for h in corpus.HOMES if any(h.en in t or h.zh in t for t in texts)} >= {"Taipei", "Kaohsiung", "Taichung"}
    forms = ["發布機關", "張貼日", "發布單位", "發稿日期", "首頁 >", "Publish Date:", "- Date:", "Publication Date"]
    assert sum(any(f in t for t in texts) for f in forms) >= 6
    assert any("中央社記者" in t or "／記者" in t or "記者" in t.split("\n\n")[1] for t in texts)  # Chinese reprints with a byline
    assert any("(CNA) --" in t or "Staff reporter" in t for t in texts)
    gold = json.loads((tmp_path / "gold.json").read_text(encoding="utf-8"))
    assert {a["kind"] for a in gold["agreements"]} == {"mou", "friendship", "declaration"}
    assert gold["sister_cities"] and gold["participants"] and gold["speakers"]
    assert any(not d["publisher"] for d in gold["documents"]) and any(d["publisher"] for d in gold["documents"])
    assert len({o["country"] for o in gold["officials"]}) >= 5
    only_en = tmp_path / "en"
    corpus.generate(10, only_en, seed=3, split="en")
    assert not any("發布" in p.read_text(encoding="utf-8") for p in only_en.glob("*.txt"))


def test_the_runner_writes_every_key(tmp_path: Path) -> None:
    out, work = tmp_path / "results.json", tmp_path / "work"
    (work / "corpus").mkdir(parents=True)  # as an earlier run left it: its store would make the build a skip
    (work / "store").mkdir()
    (work / "store" / "left-over").write_text("an earlier run's store")
    # one HTTP round: the step's keys are what is checked here, not its figures
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--docs", "20", "--out", str(out), "--seconds", "0.5",
                        "--http-rounds", "1", "--repeat", "2", "--rdflib-cap", "20", "--work", str(work)],
                       capture_output=True, text=True, timeout=900)
    assert p.returncode == 0, p.stderr[-3000:]
    assert not (work / "store" / "left-over").exists() and len(list((work / "corpus").glob("*.txt"))) == 20
    r = json.loads(out.read_text(encoding="utf-8"))
    missing = [k for k in KEYS if k not in r]
    assert not missing
    assert r["shacl_same_violations"] is True
    assert r["shacl_violations"] > 0  # the planted ones were found
    assert set(r["query_p50_ms"]) == set(r["query_speedup_vs_rdflib"]) and len(r["query_p50_ms"]) >= 9
    assert r["load_verified"] is True and r["load_triples"] > 1000
    assert r["http_rps"] > 0  # Oxigraph server over its computed union may answer none in half a second
    assert "| build docs/s (both) |" in p.stdout
    assert str(os.cpu_count() or 1) in r["build_never_docs_per_s_by_workers"]  # the build on every core was timed
    assert r["query_materialised"] is True  # the rows the `--materialise always` step made answer the queries


def test_the_fairness_bench_writes_both_phases(built_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "fairness.json"
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "fairness.py"), "--store", str(built_store), "--seconds", "1",
                        "--rounds", "1", "--heavy", "2", "--timeout", "2", "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr[-3000:]
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r["unloaded"]["canned_rps"] > 0 and r["loaded"]["pages"] > 0 and r["heavy_clients"] == 2
    assert sum(r["loaded"]["heavy_statuses"].values()) >= 2  # the expensive queries were sent and answered (503: time limit)
    assert "| unloaded |" in p.stdout


def test_the_runner_empties_only_a_work_folder_of_its_own(tmp_path: Path) -> None:
    work = tmp_path / "mine"
    work.mkdir()
    (work / "notes.txt").write_text("not the bench's")
    p = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--docs", "20", "--work", str(work)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 2 and "no corpus/ from an earlier run" in p.stderr
    assert (work / "notes.txt").read_text() == "not the bench's"
