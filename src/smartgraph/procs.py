"""Worker processes that end with the process that started them.

A worker started by ``multiprocessing`` outlives a parent killed with ``kill -9``: nothing tells it the
parent is gone, and a fork server or a resource tracker waits for it in turn. So the parent hands each
worker the reading end of a pipe whose writing end only the parent holds (a *lifeline*); a thread in
the worker waits on it and ends the process when it reads end-of-file, which the kernel delivers as
soon as the parent dies, however it dies. Queries in pyoxigraph release the GIL, so the thread runs
even while the worker is busy.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import threading
from multiprocessing.connection import Connection
from typing import Any

#: exit status of a worker that ended because its parent did
ORPHANED = 70


class Lifeline:
    """Made in the parent; ``end`` goes to each worker (as a process argument), which calls ``watch(end)``."""

    def __init__(self, ctx: Any = None) -> None:
        self.end, self._keep = (ctx or mp).Pipe(duplex=False)

    def close(self) -> None:
        """Let every worker watching this lifeline go (they exit)."""
        self._keep.close()


def watch(end: Connection) -> None:
    """In a worker: end this process when the parent's end of ``end`` closes."""

    def wait() -> None:
        with contextlib.suppress(EOFError, OSError):
            end.recv()
        os._exit(ORPHANED)

    threading.Thread(target=wait, name="lifeline", daemon=True).start()
