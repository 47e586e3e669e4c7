"""One error model for every HTTP answer that is not a success: ``application/problem+json`` (RFC 9457).

    {"type": "about:blank", "title": "Unprocessable Content", "status": 422,
     "detail": "query 'events': parameter 'year': 'twenty' is not an integer", "hint": "pass digits, e.g. 2021",
     "errors": [{"in": "query", "name": "year", "detail": "...", "hint": "..."}]}

Every bad parameter (a value of the wrong type, out of range, unknown, too long) is **422** with the
parameter named in ``errors``. The other statuses: 400 a query or update that does not parse (the
SPARQL 1.1 Protocol asks for 400) or that the server refuses (``SERVICE``), 403 updates not allowed,
404 nothing there, 405 wrong method (``Allow`` says which), 406 no acceptable media type, 413 a body
over the limit, 415 a body type or charset the endpoint does not read, 429 a client over its share
(``Retry-After``), 503 a time limit or a busy server (``Retry-After`` when waiting helps).
"""

from __future__ import annotations

import math
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from smartgraph.errors import ParameterError, QueryError, SmartgraphError
from smartgraph.sparql.engine import Busy, NotAcceptable, QuerySyntaxError, QueryTimeout, ResultTooLarge
from smartgraph.sparqlscan import DatasetConflict, ServiceRefused

PROBLEM = "application/problem+json"


class TooManyRequests(SmartgraphError):
    """A client has more requests in flight than its share."""

    def __init__(self, message: str, *, hint: str = "", retry_after_s: float = 1.0) -> None:
        super().__init__(message, hint=hint)
        self.retry_after_s = retry_after_s


class Overloaded(Busy):
    """The server has as many requests of a kind in flight as it takes."""

    def __init__(self, message: str, *, hint: str = "", retry_after_s: float = 1.0) -> None:
        super().__init__(message, hint=hint)
        self.retry_after_s = retry_after_s


class BodyTooLarge(SmartgraphError):
    """A request body over the server's limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the request body is larger than this server's limit of {limit:,} bytes",
                         hint="send a shorter query or update; the operator can raise the limit with --max-body")
        self.limit = limit


def problem(status: int, detail: str, hint: str = "", *, param: str | None = None, where: str = "query",
            headers: dict[str, str] | None = None) -> Response:
    """An ``application/problem+json`` answer; ``param`` names the parameter at fault (``where``: query, path, body)."""
    body: dict[str, Any] = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail}
    if hint:
        body["hint"] = hint
    if param is not None:
        body["errors"] = [{"in": where, "name": param, "detail": detail, **({"hint": hint} if hint else {})}]
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def param_error(e: ParameterError, where: str = "query") -> Response:
    """422 naming the parameter: what went wrong and how to fix it."""
    return problem(422, e.message, e.hint, param=e.name, where=where)


def _retry_after(seconds: float) -> dict[str, str]:
    return {"Retry-After": str(max(1, math.ceil(seconds)))}


def error_response(e: SmartgraphError) -> Response:
    """The answer for an error raised while serving a request (the status follows the module's table)."""
    if isinstance(e, ParameterError):
        return param_error(e)
    if isinstance(e, TooManyRequests):
        return problem(429, e.message, e.hint, headers=_retry_after(e.retry_after_s))
    if isinstance(e, Overloaded):
        return problem(503, e.message, e.hint, headers=_retry_after(e.retry_after_s))
    if isinstance(e, Busy):
        return problem(503, e.message, e.hint, headers=_retry_after(2))
    if isinstance(e, QueryTimeout):
        return problem(503, e.message, e.hint)
    if isinstance(e, BodyTooLarge):
        return problem(413, e.message, e.hint)
    if isinstance(e, NotAcceptable):
        return problem(406, e.message, e.hint)
    if isinstance(e, ServiceRefused | DatasetConflict | ResultTooLarge | QuerySyntaxError | QueryError):
        return problem(400, e.message, e.hint)
    return problem(500 if e.exit_code == 3 else 400, e.message, e.hint)


def install(app: FastAPI) -> None:
    """Answer FastAPI's and Starlette's own errors (a missing or mistyped parameter, no such path, wrong method) the same way."""

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ())]
        where, name = (loc[0], loc[-1]) if len(loc) >= 2 else ("query", loc[-1] if loc else "")
        detail = f"parameter {name!r}: {first.get('msg', 'is not valid')}"
        return problem(422, detail, "see /docs for the parameters this operation takes", param=name, where=where)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        hints = {404: "see / and /docs for what this server serves", 405: "use a method the Allow header names"}
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != HTTPStatus(exc.status_code).phrase \
            else f"{request.method} {request.url.path}: {HTTPStatus(exc.status_code).phrase.lower()}"
        return problem(exc.status_code, detail, hints.get(exc.status_code, ""), headers=dict(exc.headers or {}))

    async def smartgraph_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SmartgraphError)
        return error_response(exc)

    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(SmartgraphError, smartgraph_error)
