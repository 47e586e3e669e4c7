"""CPU a release in each process of a build: `smartgraph build` run as a child, every process of its tree sampled.

    python bench/build_cpu.py --docs-dir /tmp/c2000 [--runs 1] [-- extra build options, e.g. --workers 2]

Each run builds into a new temporary store (`--materialise never --quiet --force`) and prints the wall time,
releases a second, and the user+sys CPU of the main process, of the fork server, of the worker processes
(summed) and of the whole tree, in milliseconds a release, with the load average before it started. The
processes are read from /proc every 50 ms (a worker's last few milliseconds before it ends may be missed;
the main process is read once more after it ended, before it is reaped). Linux only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, user+sys seconds) of a process, None once it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def run_once(docs: Path, extra: list[str], n_docs: int) -> dict[str, float]:
    store = Path(tempfile.mkdtemp(prefix="build-cpu-")) / "store"
    load = os.getloadavg()[0]
    cmd = [str(BIN / "smartgraph"), "build", str(docs), "--store", str(store), "--materialise", "never", "--quiet", "--force", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    cpu: dict[int, float] = {}
    role: dict[int, str] = {}
    parent: dict[int, int] = {}
    tree = {proc.pid}
    main_cpu = None
    try:
        while main_cpu is None:
            for entry in os.listdir("/proc"):
                if not entry.isdigit():
                    continue
                pid = int(entry)
                st = _stat(pid)
                if st is None:
                    continue
                if st[0] in tree or pid in tree:
                    tree.add(pid)
                    cpu[pid] = st[1]
                    if pid not in role:
                        parent[pid] = st[0]
                        line = _cmdline(pid)
                        role[pid] = ("main" if pid == proc.pid else "forkserver" if "forkserver" in line
                                     else "tracker" if "resource_tracker" in line else "worker")
            time.sleep(0.05)
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                main_cpu = usage.ru_utime + usage.ru_stime  # with the children it reaped: the tree's sampled figures are used
                proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        wall = time.perf_counter() - start
        shutil.rmtree(store.parent, ignore_errors=True)
    for pid in role:  # a worker forked by the fork server has the fork server's command line
        if role.get(parent.get(pid, 0)) == "forkserver":
            role[pid] = "worker"
    if proc.returncode:
        raise SystemExit(f"the build failed (exit {proc.returncode}): {' '.join(cmd)}")
    out: dict[str, float] = {"wall_s": wall, "releases_per_s": n_docs / wall, "load_avg_1m": load}
    for r in ("main", "forkserver", "worker", "tracker"):
        out[f"{r}_ms"] = 1000 * sum(c for p, c in cpu.items() if role.get(p) == r) / n_docs
    out["total_ms"] = 1000 * sum(cpu.values()) / n_docs
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs-dir", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("extra", nargs="*", help="more options for smartgraph build (after --)")
    a = ap.parse_args()
    n = sum(1 for p in a.docs_dir.iterdir() if p.suffix in (".txt", ".html", ".htm", ".text"))
    for _ in range(a.runs):
        r = run_once(a.docs_dir, a.extra, n)
        print(f"N={n} wall {r['wall_s']:.1f} s, {r['releases_per_s']:.1f} releases/s, load {r['load_avg_1m']:.2f}; CPU ms a release: "
              f"main {r['main_ms']:.2f}, fork server {r['forkserver_ms']:.2f}, workers {r['worker_ms']:.2f}, "
              f"tracker {r['tracker_ms']:.2f}, all {r['total_ms']:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
