"""Build and serve on one store, processes that end with their parent, and a store that remembers its settings."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from smartgraph import pipeline
from tests.server import Server, answers, detached, free_port, session_processes, wait_for
from tests.test_cli import run

from .conftest import ROOT, SEEDS

NEW_PARAGRAPH = "臺北市長並與日本福岡市長簽署智慧城市合作備忘錄。"
OTHER_BASE = "https://data.example.org/kg/"


# --------------------------------------------------------------------------- build and serve on one store


def a_new_release(corpus: Path) -> None:
    """A release more: a seed's text with one paragraph added, under a new name. Its graph is new whatever facts the
    extraction finds in the paragraph (the store holds every release's text)."""
    seed = sorted(corpus.glob("*.txt"))[-1]
    (corpus / "zz-new.txt").write_text(seed.read_text(encoding="utf-8") + f"\n{NEW_PARAGRAPH}\n", encoding="utf-8")


def triples(url: str) -> int:
    """The dataset's triple count in the service description (VoID)."""
    sd = httpx.get(url + "/sparql", headers={"Accept": "application/n-triples"}, timeout=30).text
    return next(int(ln.split('"')[1]) for ln in sd.splitlines() if "#dataset>" in ln.split()[0] and "void#triples" in ln)


def test_the_server_answers_from_the_new_graph_once_a_build_finishes(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("build", str(corpus), "--store", str(store), "--quiet")[0] == 0
    s = Server(store)
    ask = {"query": f'ASK {{ ?d <https://schema.org/text> ?t FILTER (CONTAINS(?t, "{NEW_PARAGRAPH}")) }}'}
    try:
        assert httpx.get(s.url + "/sparql", params=ask, timeout=30).json()["boolean"] is False
        before = triples(s.url)
        a_new_release(corpus)
        r = subprocess.run([sys.executable, "-m", "smartgraph.cli", "build", str(corpus), "--store", str(store), "--quiet"],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stderr
        assert f"smartgraph serve (pid {s.proc.pid}" in r.stderr and "new graph" in r.stderr
        assert wait_for(lambda: httpx.get(s.url + "/sparql", params=ask, timeout=30).json()["boolean"], 30)
        assert triples(s.url) != before  # the service description's counts too, not the old graph's
        assert httpx.get(s.url + "/queries/agreements", params={"lang": "en", "limit": "1000"}, timeout=30).status_code == 200
    finally:
        s.stop()
    assert not (tmp_path / "store.serving").exists()  # its snapshots go with it


def test_a_server_reading_the_store_directly_makes_build_refuse_and_name_it(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("build", str(corpus), "--store", str(store), "--quiet")[0] == 0
    s = Server(store, "--no-snapshot")
    try:
        a_new_release(corpus)
        r = subprocess.run([sys.executable, "-m", "smartgraph.cli", "build", str(corpus), "--store", str(store), "--quiet"],
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 3, r.stderr
        assert f"pid {s.proc.pid}" in r.stderr and s.url in r.stderr and "how to fix" in r.stderr
    finally:
        s.stop()
    assert run("build", str(corpus), "--store", str(store), "--quiet")[0] == 0  # free again once it stopped


# --------------------------------------------------------------------------- processes end with their parent


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough generated releases for build to use its worker processes."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    out = tmp_path_factory.mktemp("big")
    corpus.generate(16 * pipeline.CHUNK, out, seed=5)
    return out


def test_kill_9_of_build_leaves_no_process_behind(big_corpus: Path, tmp_path: Path) -> None:
    with detached("build", str(big_corpus), "--store", str(tmp_path / "store"), "--workers", "2", "--quiet") as proc:
        assert wait_for(lambda: len(session_processes(proc.pid)) >= 4, 120), session_processes(proc.pid)  # main, workers, fork server
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert wait_for(lambda: not session_processes(proc.pid), 20), session_processes(proc.pid)


def test_kill_9_of_serve_leaves_no_process_behind(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    port = free_port()
    with detached("serve", "--store", str(store), "--port", str(port), "--timeout", "30") as proc:
        assert wait_for(lambda: answers(port), 60)
        heavy = subprocess.Popen([sys.executable, "-c", "import httpx,sys; httpx.get(sys.argv[1], params={'query': sys.argv[2]}, timeout=60)",
                                  f"http://127.0.0.1:{port}/sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.5)  # an ad-hoc worker is in the middle of that query
        assert len(session_processes(proc.pid)) >= 4
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert wait_for(lambda: not session_processes(proc.pid), 20), session_processes(proc.pid)
        heavy.kill()
        heavy.wait()
        # the next server cleans what the killed one left: its snapshot and its registration
        s = Server(store)
        s.stop()
        assert not (tmp_path / "store.serving").exists()
        assert not list(store.glob("smartgraph.serve.*.json"))


# --------------------------------------------------------------------------- the store remembers its settings


@pytest.fixture()
def other_base_store(tmp_path: Path) -> Iterator[Path]:
    store = tmp_path / "store"
    code, _, err = run("build", str(SEEDS), "--store", str(store), "--base-iri", OTHER_BASE, "--quiet")
    assert code == 0, err
    yield store


def test_serve_export_and_load_use_the_base_iri_the_store_was_built_with(other_base_store: Path, tmp_path: Path) -> None:
    s = Server(other_base_store)  # no --base-iri
    try:
        page = httpx.get(s.url + "/id/place/gn-1835329", headers={"Accept": "text/turtle"}, timeout=30)
        assert page.status_code == 200 and OTHER_BASE + "place/gn-1835329" in page.text
    finally:
        s.stop()
    out = tmp_path / "g.ttl"
    code, _, err = run("export", "--store", str(other_base_store), "--format", "ttl", "--out", str(out))
    assert code == 0, err
    assert f"<{OTHER_BASE}dataset>" in out.read_text(encoding="utf-8") or f"{OTHER_BASE}dataset" in out.read_text(encoding="utf-8")


def test_a_flag_that_contradicts_the_store_is_an_error_that_says_so(other_base_store: Path) -> None:
    for command in (["serve", "--port", str(free_port())], ["export", "--format", "nt"], ["build", str(SEEDS)],
                    ["load", "--endpoint", "http://127.0.0.1:9/query"], ["query", "events"]):
        r = subprocess.run([sys.executable, "-m", "smartgraph.cli", *command, "--store", str(other_base_store),
                            "--base-iri", "https://w3id.org/smartgraph/id/"], capture_output=True, text=True, timeout=120)
        assert r.returncode == 2, (command, r.stderr)
        assert OTHER_BASE in r.stderr and "https://w3id.org/smartgraph/id/" in r.stderr and "--base-iri" in r.stderr, r.stderr
    env = {**os.environ, "SMARTGRAPH_BASE_IRI": "https://w3id.org/smartgraph/id/"}
    r = subprocess.run([sys.executable, "-m", "smartgraph.cli", "export", "--store", str(other_base_store)],
                       capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 2 and "SMARTGRAPH_BASE_IRI" in r.stderr


def test_the_store_remembers_what_it_was_built_from(other_base_store: Path) -> None:
    import json

    meta = json.loads((other_base_store / "smartgraph.json").read_text(encoding="utf-8"))
    assert meta["base_iri"] == OTHER_BASE and meta["inputs"] == [str(SEEDS.resolve())] and meta["generation"] == 1
    assert run("build", str(SEEDS), "--store", str(other_base_store), "--quiet")[0] == 0  # the same base: no flag needed
    assert json.loads((other_base_store / "smartgraph.json").read_text(encoding="utf-8"))["generation"] == 2
