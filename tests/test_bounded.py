"""Bounded canned queries answered in the server's own process (``EmbeddedEngine.arun_bounded``): the same answers
as the worker processes give, the same time limit, and a query that runs past it cannot stall the next ones."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest

from smartgraph.queries import Catalog
from smartgraph.sparql.engine import RESULTS_JSON, EmbeddedEngine, Limits, QueryTimeout

ACCEPT = [(RESULTS_JSON, 1.0)]
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # seconds on the seeds: past a time limit of 0.05 s


def _entity(engine: EmbeddedEngine) -> str:
    import json

    answer = asyncio.run(engine.arun("SELECT ?p WHERE { ?p a <https://schema.org/Person> } ORDER BY ?p LIMIT 1", ACCEPT, Limits()))
    iri: str = json.loads(answer.body)["results"]["bindings"][0]["p"]["value"]
    return iri


def test_a_bounded_query_in_the_server_process_answers_as_a_worker_does(built_store: Path) -> None:
    engine = EmbeddedEngine(built_store, workers=1, adhoc_workers=1)
    try:
        q = Catalog.load().get("provenance")
        text = q.page({"entity": _entity(engine)}, 100, 0)
        by_worker = asyncio.run(engine.arun(text, ACCEPT, Limits(), 100))
        in_process = asyncio.run(engine.arun_bounded(text, ACCEPT, Limits(), 100))
        assert in_process.rows > 0
        assert (in_process.body, in_process.rows, in_process.more) == (by_worker.body, by_worker.rows, by_worker.more)
        assert engine._inline_view is not None  # it was answered in this process, not handed on
    finally:
        engine.close()


def test_a_bounded_query_spilled_to_a_worker_answers_as_in_process_with_its_rows_call(built_store: Path) -> None:
    """Past ``spill`` bounded queries in the server's process the next goes to an idle worker, its rows call with it."""
    import functools

    from smartgraph.sparql import spans

    inline = EmbeddedEngine(built_store, workers=1, adhoc_workers=1)
    spilling = EmbeddedEngine(built_store, workers=1, adhoc_workers=1, spill=0)  # every bounded query to an idle worker
    try:
        entity = _entity(inline)
        text = Catalog.load().get("provenance").page({"entity": entity}, 100, 0)
        for rows in (None, functools.partial(spans.page, entity=entity, limit=100, offset=0)):
            here = asyncio.run(inline.arun_bounded(text, ACCEPT, Limits(), 100, rows=rows))
            there = asyncio.run(spilling.arun_bounded(text, ACCEPT, Limits(), 100, rows=rows))
            assert here.rows > 0
            assert (there.body, there.rows, there.more) == (here.body, here.rows, here.more)
        assert inline._inline_view is not None and spilling._inline_view is None  # the second never read in its own process
    finally:
        inline.close()
        spilling.close()


def test_a_bounded_query_past_the_time_limit_does_not_stall_the_next(built_store: Path) -> None:
    """Its one in-process slot taken by a query that cannot be stopped, the next query goes to a worker process."""
    engine = EmbeddedEngine(built_store, workers=1, adhoc_workers=1, inline=1)
    try:
        q = Catalog.load().get("provenance")
        cheap = q.page({"entity": _entity(engine)}, 100, 0)

        async def both() -> tuple[float, int]:
            with pytest.raises(QueryTimeout):
                await engine.arun_bounded(SLOW, ACCEPT, Limits(timeout_s=0.05))
            assert engine._inline_busy == 1  # the thread still runs: its slot stays taken
            t = time.monotonic()
            answer = await engine.arun_bounded(cheap, ACCEPT, Limits(timeout_s=5), 100)
            took = time.monotonic() - t
            slow_ran = time.monotonic()
            while engine._inline_busy and time.monotonic() - slow_ran < 120:  # the thread ends by itself; no CPU left burning
                await asyncio.sleep(0.1)
            assert engine._inline_busy == 0
            return took, answer.rows

        seconds, rows = asyncio.run(both())
        assert rows > 0 and seconds < 3
    finally:
        engine.close()


def test_a_rows_page_that_was_quick_runs_on_the_event_loop_and_answers_the_same(built_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rows call that took less than ``quick_s`` last time runs on the loop itself (no thread); a slow one stays in a
    thread; either way the answer is the one the thread gives."""
    import functools

    from smartgraph.sparql import engine as engine_module
    from smartgraph.sparql import spans

    threaded: list[int] = []
    real = engine_module._timed_rows

    def counted(*args: object) -> object:
        threaded.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module, "_timed_rows", counted)
    quick = EmbeddedEngine(built_store, workers=1, adhoc_workers=1, quick_s=60.0)
    never = EmbeddedEngine(built_store, workers=1, adhoc_workers=1, quick_s=0.0)
    try:
        entity = _entity(quick)
        text = Catalog.load().get("provenance").page({"entity": entity}, 100, 0)
        rows = functools.partial(spans.page, entity=entity, limit=100, offset=0)
        answers = [asyncio.run(quick.arun_bounded(text, ACCEPT, Limits(), 100, rows=rows)) for _ in range(3)]
        assert len(threaded) == 1  # the first in a thread, which measured it; the next two on the loop
        assert 0 <= quick._took[rows] < 60
        slow = [asyncio.run(never.arun_bounded(text, ACCEPT, Limits(), 100, rows=rows)) for _ in range(2)]
        assert len(threaded) == 3  # never quick enough: each in a thread
        assert answers[0].rows > 0
        assert {(a.body, a.rows, a.more) for a in answers + slow} == {(answers[0].body, answers[0].rows, answers[0].more)}
    finally:
        quick.close()
        never.close()


def test_a_server_process_a_core_never_spills_to_its_workers(built_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve --processes N`` with N at least the CPUs: each process's engine answers bounded queries itself
    (``Spec.spill`` off); with fewer processes the spill stays on."""
    import dataclasses
    import multiprocessing as mp
    import socket

    from smartgraph.server import processes
    from smartgraph.server.app import ServerSettings

    class Started(Exception):
        """What serve() would start, caught before any process is."""

    def process(*args: object, **kwargs: Any) -> None:
        seen.append(kwargs["args"][0])
        raise Started

    spec = processes.Spec(ServerSettings(), built_store, None, 1, 1, True, None, "test")
    seen: list[processes.Spec] = []
    monkeypatch.setattr(mp.get_context("spawn"), "Process", process)
    for n in (processes.cores(), 1):
        with socket.socket() as sock, pytest.raises(Started):
            processes.serve(spec, n, sock)
    monkeypatch.undo()
    assert [s.spill for s in seen] == [False, processes.cores() > 1]
    engine = processes.make_engine(dataclasses.replace(spec, spill=False))
    try:
        assert engine.spill is None
    finally:
        engine.close()
