"""Large request bodies: what several clients POSTing tens of megabytes at once cost `smartgraph serve`.

    python bench/body_flood.py --store .smartgraph/store [--clients 8] [--mb 50]

Each client sends a ``--mb`` MB body to /sparql (``application/sparql-query``), in 64 KB chunks with its
``Content-Length`` or, with ``--chunked``, without one. Printed: the statuses, the seconds until all were
answered, and the server process's peak resident memory (sampled from /proc every 20 ms) against its
resident memory before. Not a test: memory is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import http.client
import sys
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path[:0] = [str(ROOT / "bench")]

import http_bench  # noqa: E402

CHUNK = b"#" + b"x" * 65_535


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def server_pid(port: int) -> int:
    """The `smartgraph serve` process started with this --port (found by its command line)."""
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                args = (d / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"serve" in args and b"--port" in args and args[args.index(b"--port") + 1] == str(port).encode():
                return int(d.name)
    raise SystemExit(f"no smartgraph serve process on port {port}")


def send(port: int, mb: int, chunked: bool, out: list[int]) -> None:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    n = mb * 16
    headers = {"Content-Type": "application/sparql-query"}
    try:
        if chunked:
            c.putrequest("POST", "/sparql")
            for k, v in {**headers, "Transfer-Encoding": "chunked"}.items():
                c.putheader(k, v)
            c.endheaders()
            for _ in range(n):
                c.send(b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK))
            c.send(b"0\r\n\r\n")
        else:
            c.putrequest("POST", "/sparql")
            for k, v in {**headers, "Content-Length": str(n * len(CHUNK))}.items():
                c.putheader(k, v)
            c.endheaders()
            for _ in range(n):
                c.send(CHUNK)
        out.append(c.getresponse().status)
    except OSError:
        out.append(0)  # the server answered 413 and closed the connection while the body was still coming


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--mb", type=int, default=50)
    ap.add_argument("--chunked", action="store_true", help="send without Content-Length, in chunks")
    a = ap.parse_args()
    cmd = [str(BIN / "smartgraph"), "serve", "--store", str(a.store), "--port", "{port}"]
    with http_bench._serving(cmd, "/health") as port:
        pid = server_pid(port)
        before = rss_mb(pid)
        peak = before
        statuses: list[int] = []
        threads = [threading.Thread(target=send, args=(port, a.mb, a.chunked, statuses)) for _ in range(a.clients)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            peak = max(peak, rss_mb(pid))
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
    print(f"{a.clients} clients x {a.mb} MB ({'chunked' if a.chunked else 'Content-Length'}): statuses {dict(Counter(statuses))}, "
          f"{elapsed:.2f} s, server RSS {before:.0f} MB before, {peak:.0f} MB at most")
    return 0


if __name__ == "__main__":
    sys.exit(main())
