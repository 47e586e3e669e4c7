"""Serving from more than one process: ``smartgraph serve --processes N``.

One Python process runs Python one thread at a time, so however many requests wait in it, it answers on one
core. With ``--processes N`` the parent binds the listening socket, starts N server processes that share it
(each with its own engine: its own snapshot of the store, its own worker processes, its own per-client shares)
and watches them: one that ends unexpectedly is started again; one that fails while starting stops the
whole server with its error (a process has started once its engine is up). The kernel hands each new connection to one of them.

Each process takes its own snapshot and notices a new generation of the store by itself (``EmbeddedEngine``
looks at the store's ``smartgraph.json`` before each query), so an update through one process is seen
by the next query whichever process answers it. Every server process ends with the parent
(``procs.Lifeline``), however the parent ends.
"""

from __future__ import annotations

import dataclasses
import logging
import multiprocessing as mp
import os
import signal
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from smartgraph import procs
from smartgraph.errors import ConfigError
from smartgraph.server.app import ServerSettings

log = logging.getLogger("smartgraph.server")

@dataclass(frozen=True)
class Spec:
    """What a server process needs to build its engine and application (picklable: it crosses to a new process)."""

    settings: ServerSettings
    store: Path
    endpoint: str | None
    cheap: int
    adhoc: int
    snapshot: bool
    inline: int | None
    owner: str
    trusted_proxy: tuple[str, ...] = ()
    #: hand a bounded query to an idle worker process when one already runs in this process (``EmbeddedEngine``'s
    #: spill): worth it while a core is left over, not with a server process a core (``serve`` turns it off then)
    spill: bool = True


def cores() -> int:
    """The CPUs this process may run on."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def make_engine(spec: Spec) -> Any:
    from smartgraph.sparql.engine import EmbeddedEngine, RemoteEngine

    if spec.endpoint:
        return RemoteEngine(spec.endpoint)
    return EmbeddedEngine(spec.store, workers=spec.cheap, adhoc_workers=spec.adhoc, owner=spec.owner,
                          snapshot=spec.snapshot, inline=spec.inline, spill=1 if spec.spill else None)


def run(spec: Spec, engine: Any, *, host: str = "127.0.0.1", port: int = 8000, sock: socket.socket | None = None,
        catalog: Any = None) -> None:
    """Serve with ``engine`` in this process until SIGINT or SIGTERM (requests in flight finish first); the caller closes
    the engine after. ``sock``: a listening socket shared with other server processes, else bind ``host``:``port``."""
    import uvicorn

    from smartgraph.queries import Catalog
    from smartgraph.server.app import create_app, setup_logging

    setup_logging()
    web = create_app(engine, catalog or Catalog.load(), spec.settings)
    # uvicorn answers SIGTERM by finishing the requests in flight, then raises the signal again with the handler it
    # found: this one, so that the caller cleans up the workers and snapshots rather than the process just ending
    signal.signal(signal.SIGTERM, _exit)
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", access_log=False, timeout_graceful_shutdown=10,
                            proxy_headers=bool(spec.trusted_proxy),
                            forwarded_allow_ips=list(spec.trusted_proxy) if spec.trusted_proxy else None)
    uvicorn.Server(config).run(sockets=[sock] if sock is not None else None)


def _exit(*_: Any) -> None:
    sys.exit(0)


def _child(spec: Spec, sock: socket.socket, lifeline: Any, started: Any) -> None:
    procs.watch(lifeline)  # the parent died, however: this process goes too
    for sig in (signal.SIGINT, signal.SIGTERM):  # stopped while it starts: what it started is cleaned up
        signal.signal(sig, _exit)
    engine = None
    try:
        try:
            engine = make_engine(spec)
        except Exception as e:  # the parent reports it and stops the server
            hint = getattr(e, "hint", "")
            print(f"error: a server process could not start: {getattr(e, 'message', e)}" + (f"\n  how to fix: {hint}" if hint else ""),
                  file=sys.stderr)
            raise SystemExit(3) from None
        started.set()
        run(spec, engine, sock=sock)
    finally:
        if engine is not None:
            engine.close()


def listen(host: str, port: int, backlog: int = 2048) -> socket.socket:
    """The listening socket the server processes share (ConfigError naming the address if it cannot be had)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(backlog)
    except OSError as e:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {e.strerror}", hint="pass another --port, or stop what uses it") from None
    sock.set_inheritable(True)
    return sock


def serve(spec: Spec, processes: int, sock: socket.socket, *, poll_s: float = 0.5) -> int:
    """Run ``processes`` server processes on ``sock`` and watch them until SIGINT or SIGTERM; the exit status.

    With a process a core (or more) no process hands bounded queries to its workers (``Spec.spill``): measured with
    ``--processes 2`` on 2 cores, provenance of a person at concurrency 8 went from 0.78-0.85 ms of CPU a request
    (every process of the server) to 0.56-0.61, and from ~1,500 to ~2,300 requests a second."""
    if processes >= cores():
        spec = dataclasses.replace(spec, spill=False)
    ctx = mp.get_context("spawn")
    lifeline = procs.Lifeline(ctx)
    children: list[tuple[Any, Any]] = []
    stopping = False

    def start() -> tuple[Any, Any]:
        started = ctx.Event()
        p = ctx.Process(target=_child, args=(spec, sock, lifeline.end, started), name="smartgraph-serve", daemon=False)
        p.start()
        return p, started

    def stop(*_: Any) -> None:
        nonlocal stopping
        stopping = True

    old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    status = 0
    try:
        children = [start() for _ in range(processes)]
        while not stopping:
            time.sleep(poll_s)
            for i, (p, started) in enumerate(children):
                if p.is_alive() or stopping:
                    continue
                if not started.is_set():
                    log.error("a server process ended before it could serve (exit status %s): stopping the server", p.exitcode)
                    stopping, status = True, 1
                    break
                log.warning("a server process ended (exit status %s): starting another", p.exitcode)
                children[i] = start()
    finally:
        for p, _ in children:  # each finishes its requests in flight, then ends
            if p.is_alive():
                p.terminate()
        deadline = time.monotonic() + 15
        for p, _ in children:
            p.join(max(0.1, deadline - time.monotonic()))
            if p.is_alive():
                p.kill()
                p.join()
        lifeline.close()
        sock.close()
        for s, h in old.items():
            signal.signal(s, h)
    return status
