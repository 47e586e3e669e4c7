"""`smartgraph serve --processes N`: server processes sharing one port, each with its own snapshot and workers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.server import Server, answers, detached, free_port, session_processes, wait_for

TOKEN = {"SMARTGRAPH_UPDATE_TOKEN": "s3cret"}
OFFICIALS = "/queries/officials?limit=5"


def served_by(log: Path) -> set[int]:
    """The server processes that answered, from the access log."""
    pids = set()
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            pids.add(json.loads(line)["pid"])
    return pids


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(d.name))
            except (OSError, IndexError, ValueError):
                continue
    return out


def spread(url: str, path: str, n: int = 64) -> list[httpx.Response]:
    """``n`` requests, eight at a time, each on a new connection (so each may land in any server process)."""
    def one(_: int) -> httpx.Response:
        with httpx.Client(timeout=30) as c:
            return c.get(url + path, headers={"Accept": "text/csv"})

    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, range(n)))


def test_two_processes_give_the_answers_one_gives_and_both_answer(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    one = Server(store)
    try:
        expected = httpx.get(one.url + OFFICIALS, headers={"Accept": "text/csv"}, timeout=30).text
    finally:
        one.stop()
    assert expected.count("\n") > 2
    log = tmp_path / "serve.log"
    two = Server(store, "--processes", "2", log=log)
    try:
        assert len(children(two.proc.pid)) >= 2  # the server processes (and the resource tracker of spawn, if any)
        assert wait_for(lambda: len(list(store.glob("smartgraph.serve.*.json"))) == 2, 60)  # both up
        for _ in range(10):  # which process takes a connection is the kernel's choice: ask until both have answered
            answers = spread(two.url, OFFICIALS)
            assert {r.status_code for r in answers} == {200}
            assert {r.text for r in answers} == {expected}
            if len(served_by(log)) == 2:
                break
        assert len(served_by(log)) == 2, served_by(log)
        registered = {json.loads(f.read_text())["pid"] for f in store.glob("smartgraph.serve.*.json")}
        assert registered == served_by(log)  # each process serves a snapshot of its own, and says so in the store
    finally:
        assert two.stop() == 0
    assert not (tmp_path / "store.serving").exists()
    assert not list(store.glob("smartgraph.serve.*.json"))


def test_an_update_through_one_process_is_seen_at_once_by_every_process(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    log = tmp_path / "serve.log"
    s = Server(store, "--processes", "2", "--allow-updates", "--per-client", "16", "--adhoc-workers", "4", log=log, env=TOKEN)
    try:
        assert wait_for(lambda: len(list(store.glob("smartgraph.serve.*.json"))) == 2, 60)  # both up
        count = "/sparql?" + str(httpx.QueryParams({"query": "SELECT (COUNT(*) AS ?n) WHERE { <https://example.org/new> ?p ?o }"}))
        assert {r.text.strip().splitlines()[-1] for r in spread(s.url, count, 16)} == {"0"}
        for i in range(3):  # each round: an update, then every process at once sees it
            update = f"INSERT DATA {{ GRAPH <https://example.org/g> {{ <https://example.org/new> <https://example.org/p> {i} }} }}"
            r = httpx.post(s.url + "/sparql", data={"update": update}, headers={"Authorization": "Bearer s3cret"}, timeout=60)
            assert r.status_code in (200, 204), r.text
            got = {r.text.strip().splitlines()[-1] for r in spread(s.url, count, 16)}
            assert got == {str(i + 1)}, got
        for _ in range(10):  # and, whichever took the update, both answered (ask until they have)
            if len(served_by(log)) == 2:
                break
            assert {r.text.strip().splitlines()[-1] for r in spread(s.url, count, 16)} == {"3"}
        assert len(served_by(log)) == 2
    finally:
        s.stop()


def test_a_process_that_dies_is_replaced_and_a_killed_server_leaves_nothing_behind(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    port = free_port()
    with detached("serve", "--store", str(store), "--port", str(port), "--processes", "2") as proc:
        assert wait_for(lambda: answers(port) and len(list(store.glob("smartgraph.serve.*.json"))) == 2, 60)
        first = {json.loads(f.read_text())["pid"] for f in store.glob("smartgraph.serve.*.json")}
        victim = min(first)
        os.kill(victim, signal.SIGKILL)
        # the supervisor starts another; the new one registers, and the store is served by two processes again
        assert wait_for(lambda: len({json.loads(f.read_text())["pid"] for f in store.glob("smartgraph.serve.*.json")} - first) == 1, 60)
        assert httpx.get(f"http://127.0.0.1:{port}{OFFICIALS}", timeout=30).status_code == 200
        proc.send_signal(signal.SIGKILL)  # the supervisor itself killed: its server processes and their workers end too
        proc.wait()
        assert wait_for(lambda: not session_processes(proc.pid), 30), session_processes(proc.pid)


def test_processes_need_a_store_and_say_so(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "smartgraph.cli", "serve", "--store", str(tmp_path / "none"), "--port", str(free_port()),
                        "--processes", "2"], capture_output=True, text=True, timeout=60)
    assert r.returncode != 0
    assert "no store at" in r.stderr and "smartgraph build" in r.stderr
    broken = tmp_path / "broken"  # looks like a store to the parent; each server process fails to open it
    broken.mkdir()
    (broken / "CURRENT").write_text("not a manifest name\n")
    r = subprocess.run([sys.executable, "-m", "smartgraph.cli", "serve", "--store", str(broken), "--port", str(free_port()),
                        "--processes", "2"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "a server process could not start" in r.stderr and "stopping the server" in r.stderr


def test_sigterm_ends_every_process_and_its_snapshot(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    s = Server(store, "--processes", "2")
    kids = children(s.proc.pid)
    assert s.stop() == 0
    assert wait_for(lambda: not any(Path(f"/proc/{k}").exists() and "Z" not in Path(f"/proc/{k}/stat").read_text().rsplit(")", 1)[1][:3]
                                    for k in kids), 20)
    assert not (tmp_path / "store.serving").exists()
