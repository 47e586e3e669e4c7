"""What keeps one client, or one request, from taking the server: a body limit and fair shares.

- ``BodyLimit``: a request body over the limit is refused (413) before it is read: at once when its
  ``Content-Length`` says so, as soon as the limit is passed when it comes in chunks. A chunked body is
  then read on, unkept, up to ``DRAIN_FACTOR`` times the limit, so that the client, still sending, is not
  reset before it reads the answer; past that the connection is closed.
- ``Admission``: how many requests of a kind a client may have in flight (answered 429 with
  ``Retry-After`` past it), and how many the server takes in all (503 with ``Retry-After``). The
  client is the peer address (``--trusted-proxy`` lets a proxy in front name it instead).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any

from smartgraph.server.problems import BodyTooLarge, Overloaded, TooManyRequests, error_response

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


DRAIN_FACTOR = 8


class BodyLimit:
    """Pure ASGI middleware: no request body over ``max_bytes`` reaches the application."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or ()).get(b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > self.max_bytes):
            await error_response(BodyTooLarge(self.max_bytes))(scope, receive, send)
            return
        seen = 0

        async def limited() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    await self._drain(receive, message)
                    raise BodyTooLarge(self.max_bytes)  # answered 413 by the application's error handler
            return message

        await self.app(scope, limited, send)

    async def _drain(self, receive: Receive, message: MutableMapping[str, Any]) -> None:
        """Read what the client is still sending, up to a bound, and keep none of it."""
        left = DRAIN_FACTOR * self.max_bytes
        while message.get("more_body") and left > 0:
            message = await receive()
            if message["type"] != "http.request":
                return
            left -= len(message.get("body", b""))


class Admission:
    """Requests of one kind in flight: at most ``per_client`` for each client, ``capacity`` in all (None: no cap).

    The server runs on one event loop, so ``slot`` needs no lock: it does not wait for anything."""

    def __init__(self, kind: str, per_client: int, capacity: int | None, retry_after_s: float, option: str) -> None:
        self.kind = kind
        self.per_client = per_client
        self.capacity = capacity
        self.retry_after_s = retry_after_s
        self.option = option
        self.in_flight: dict[str, int] = {}
        self.total = 0

    @contextmanager
    def slot(self, client: str) -> Iterator[None]:
        mine = self.in_flight.get(client, 0)
        if mine >= self.per_client:
            raise TooManyRequests(
                f"this client already has {mine} {self.kind} in flight, its share on this server",
                hint=f"wait for an answer before sending more (retry after the Retry-After seconds); the operator sets the share "
                     f"with {self.option}", retry_after_s=self.retry_after_s)
        if self.capacity is not None and self.total >= self.capacity:
            raise Overloaded(f"the server has {self.total} {self.kind} in flight, as many as it takes",
                             hint="try again after the Retry-After seconds", retry_after_s=self.retry_after_s)
        self.in_flight[client] = mine + 1
        self.total += 1
        try:
            yield
        finally:
            self.total -= 1
            left = self.in_flight[client] - 1
            if left:
                self.in_flight[client] = left
            else:
                del self.in_flight[client]
