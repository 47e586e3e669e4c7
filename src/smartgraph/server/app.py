"""The HTTP server: SPARQL 1.1 Protocol at /sparql, canned queries at /queries, entity pages, the web page.

``create_app`` takes an ``Engine`` (the embedded store's worker pool, or a remote endpoint) and the
catalogue; every query it runs goes through the engine's time and size limits.
"""

from __future__ import annotations

import hmac
import json
import logging
import sys
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from html import escape
from importlib.resources import as_file, files
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.staticfiles import StaticFiles

from smartgraph import __version__
from smartgraph.engine import (
    GRAPH_TYPES,
    RESULT_TYPES,
    RESULTS_JSON,
    SHORT,
    Answer,
    Busy,
    Engine,
    Limits,
    NotAcceptable,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    negotiate,
    parse_accept,
)
from smartgraph.errors import ParameterError, QueryError, SmartgraphError
from smartgraph.queries import CannedQuery, Catalog
from smartgraph.server import pages
from smartgraph.server.openapi import openapi_document

log = logging.getLogger("smartgraph.access")

PAGE_SIZE = 100
FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class ServerSettings:
    base_iri: str = "https://w3id.org/smartgraph/id/"
    limits: Limits = field(default_factory=Limits)
    page_size: int = PAGE_SIZE
    cors_origins: tuple[str, ...] = ()
    update_token: str | None = None  # updates are allowed only when this is set
    endpoint_label: str = "embedded store"


def _error(status: int, message: str, hint: str = "") -> Response:
    body = message + (f"\nhow to fix: {hint}" if hint else "") + "\n"
    return Response(body, status_code=status, media_type="text/plain; charset=utf-8")


def _param_error(e: ParameterError) -> Response:
    """422 naming the parameter: what went wrong and how to fix it."""
    return JSONResponse({"detail": [{"loc": ["query", e.name], "msg": e.message, "hint": e.hint}]}, status_code=422)


def _answer_response(answer: Answer, headers: dict[str, str] | None = None) -> Response:
    mt = answer.media_type + ("; charset=utf-8" if answer.media_type.startswith("text/") else "")
    h = {"Vary": "Accept", **(headers or {})}
    return Response(answer.body, media_type=mt, headers=h)


def _accept(request: Request, allowed: tuple[str, ...] = RESULT_TYPES + GRAPH_TYPES) -> list[tuple[str, float]]:
    """The client's Accept header, or the ``format`` parameter (json, xml, csv, tsv, ttl, nt, jsonld, rdfxml) if given."""
    fmt = request.query_params.get("format")
    if fmt:
        mt = SHORT.get(fmt.lower(), fmt.lower())
        if mt not in allowed:
            raise NotAcceptable(f"unknown format {fmt!r}", allowed)
        return [(mt, 1.0)]
    return parse_accept(request.headers.get("accept"))


def _limits_error(e: SmartgraphError) -> Response:
    if isinstance(e, QueryTimeout | Busy):
        return _error(503, str(e.message), e.hint)
    if isinstance(e, ResultTooLarge | QuerySyntaxError | QueryError):
        return _error(422 if isinstance(e, ParameterError) else 400, e.message, e.hint)
    if isinstance(e, NotAcceptable):
        return _error(406, e.message, e.hint)
    return _error(500 if e.exit_code == 3 else 400, e.message, e.hint)


class AccessLog:
    """Pure ASGI middleware: one JSON line per request (time, client, method, path, status, bytes, ms)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                       send: Callable[[MutableMapping[str, Any]], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        info = {"status": 500, "bytes": 0}

        async def wrapped(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                info["status"] = message["status"]
            elif message["type"] == "http.response.body":
                info["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, wrapped)
        finally:
            client = scope.get("client") or ("-", 0)
            log.info(json.dumps({
                "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "client": client[0], "method": scope["method"],
                "path": scope["path"], "query": scope.get("query_string", b"").decode("latin-1")[:500],
                "status": info["status"], "bytes": info["bytes"], "ms": round((time.perf_counter() - start) * 1000, 2),
            }, ensure_ascii=False))


def setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False


def create_app(engine: Engine, catalog: Catalog, settings: ServerSettings) -> FastAPI:
    from fastapi_offline import FastAPIOffline

    app = FastAPIOffline(
        title="smartgraph",
        version=__version__,
        description="City-diplomacy knowledge graph: a SPARQL 1.1 endpoint, canned queries with typed parameters, entity pages.",
        static_url="/static/api-docs",
    )
    strings = pages.load_strings()
    index_template = (files("smartgraph.server").joinpath("static", "index.html").read_text(encoding="utf-8")
                      .replace("{{BASE_IRI}}", escape(settings.base_iri, quote=True)))
    index_html = {lang: pages.index_page(index_template, lang, strings) for lang in strings}
    stats: dict[str, Any] = {}

    async def run(query: str, accept: list[tuple[str, float]], page: int | None = None) -> Answer:
        answer: Answer = await run_in_threadpool(engine.run, query, accept, settings.limits, page)
        return answer

    async def select(query: str) -> list[dict[str, Any]]:
        answer = await run(query, [(RESULTS_JSON, 1.0)])
        rows: list[dict[str, Any]] = json.loads(answer.body)["results"]["bindings"]
        return rows

    # ------------------------------------------------------------------ the web page
    with as_file(files("smartgraph.server").joinpath("static")) as static_dir:
        app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    @app.get("/", include_in_schema=False)
    async def index(request: Request) -> Response:
        lang = pages.pick_language(request.query_params.get("lang"), request.headers.get("accept-language"),
                                   request.cookies.get(pages.LANG_COOKIE))
        return HTMLResponse(index_html[lang], headers={"Vary": "Accept-Language, Cookie", "Content-Language": lang})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        svg = files("smartgraph.server").joinpath("static", "favicon.svg").read_bytes()
        return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

    @app.get("/health", tags=["service"], summary="Liveness: the server answers and its store can be queried")
    async def health() -> Response:
        try:
            await run("ASK { }", [(RESULTS_JSON, 1.0)])
        except SmartgraphError as e:
            return JSONResponse({"status": "failing", "error": e.message}, status_code=503)
        return JSONResponse({"status": "ok", "version": __version__, "store": settings.endpoint_label})

    # ------------------------------------------------------------------ SPARQL 1.1 Protocol
    async def sparql(request: Request) -> Response:
        params = list(request.query_params.multi_items())
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        query = update = None
        if request.method == "POST":
            body = await request.body()
            if ctype == FORM:
                params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            elif ctype == "application/sparql-query":
                query = body.decode("utf-8", "replace")
            elif ctype == "application/sparql-update":
                update = body.decode("utf-8", "replace")
            else:
                return _error(415, f"unsupported Content-Type {ctype or '(none)'!r}",
                              "send application/x-www-form-urlencoded, application/sparql-query or application/sparql-update")
        for k, v in params:
            if k == "query" and query is None:
                query = v
            elif k == "update" and update is None:
                update = v
        if query is not None and update is not None:
            return _error(400, "a request carries either a query or an update, not both")
        if update is not None:
            return await _update(request, update)
        if request.method == "POST" and query is None:
            return _error(400, "the POST request has no query", "send query=... form-encoded or an application/sparql-query body")
        try:
            accept = _accept(request)
        except NotAcceptable as e:
            return _limits_error(e)
        if query is None:
            return await _service_description(request, accept)
        dataset = [(k, v) for k, v in params if k in ("default-graph-uri", "named-graph-uri")]
        if dataset:
            return _error(400, "default-graph-uri and named-graph-uri are not supported here",
                          "name graphs in the query with FROM / FROM NAMED or GRAPH; the default graph is the union of all graphs")
        try:
            answer = await run(query, accept)
        except SmartgraphError as e:
            return _limits_error(e)
        return _answer_response(answer)

    sparql_doc = ("GET with `query`, POST form-encoded (`query` or `update`) or POST `application/sparql-query` "
                  "(`application/sparql-update`). Results by `Accept`: SPARQL JSON (default), XML, CSV, TSV; graphs as "
                  "Turtle (default), N-Triples, JSON-LD, RDF/XML. Without a query: the service description with VoID counts.")
    for method in ("GET", "POST"):
        app.add_api_route("/sparql", sparql, methods=[method], name="sparql", tags=["SPARQL"], description=sparql_doc,
                          summary=f"SPARQL 1.1 Protocol ({method})", operation_id=f"sparql_{method.lower()}")

    async def _update(request: Request, text: str) -> Response:
        if settings.update_token is None:
            return _error(403, "updates are disabled on this server",
                          "start it with --allow-updates and the token in SMARTGRAPH_UPDATE_TOKEN to accept SPARQL Update")
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {settings.update_token}".encode()):
            return _error(403, "the update's bearer token is missing or wrong", "send Authorization: Bearer <token>")
        try:
            await run_in_threadpool(engine.update, text, settings.limits)
        except SmartgraphError as e:
            return _limits_error(e)
        stats.clear()
        return Response(status_code=204)

    async def _service_description(request: Request, accept: list[tuple[str, float]]) -> Response:
        if negotiate(accept, ("text/html", *GRAPH_TYPES)) == "text/html":
            return RedirectResponse("/#sparql", status_code=303)
        if "counts" not in stats:
            stats["counts"] = await select(pages.GRAPH_COUNTS)
        mt = negotiate(accept, GRAPH_TYPES)
        if mt is None:
            return _error(406, "the service description is RDF", f"send Accept: one of {', '.join(GRAPH_TYPES)}")
        endpoint = str(request.url_for("sparql"))
        g = pages.service_description(endpoint, stats["counts"], updates=settings.update_token is not None)
        body = g.serialize(format=pages.RDFLIB_FORMATS[mt])
        return Response(body, media_type=mt, headers={"Vary": "Accept"})

    # ------------------------------------------------------------------ canned queries
    @app.get("/queries", tags=["canned queries"], summary="List the canned queries with their parameters")
    async def list_queries(request: Request) -> Response:
        return JSONResponse([_describe(q, request) for q in catalog])

    def _describe(q: CannedQuery, request: Request) -> dict[str, Any]:
        return {
            "name": q.name, "summary": q.summary, "summaries": dict(q.summaries), "description": q.description,
            "labels": dict(q.labels), "tags": list(q.tags), "variables": list(q.variables),
            "columns": {v: dict(dict(q.columns).get(v, ())) for v in q.variables},
            "url": str(request.url_for("run_query", name=q.name)), "sparql": _example(q),
            "params": [{"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                        "values": list(p.values), "multiple": p.multiple, "description": p.description,
                        "labels": dict(p.labels), "descriptions": dict(p.descriptions), "classes": list(p.classes),
                        "scheme": p.scheme} for p in q.params],
        }

    @app.get("/complete", tags=["canned queries"], summary="Suggest IRIs by their labels (for a canned query's IRI parameter)",
             description="Instances of `class` (repeatable) or concepts of `scheme` whose label in zh-Hant or en contains `q` "
                         "(臺 and 台 match each other), best first: `[{iri, label, labels: {zh-Hant, en}}]`. "
                         "`query` and `param` name a canned query's parameter instead of `class`/`scheme`.")
    async def complete(request: Request, q: str = "", lang: str | None = None, limit: int = 10,
                       class_: Annotated[list[str] | None, Query(alias="class", description="a class IRI (repeatable)")] = None,
                       scheme: str | None = None, query: str | None = None, param: str | None = None) -> Response:
        try:
            classes = list(class_ or [])
            if query or param:
                p = catalog.get(query or "").param(param or "")
                classes, scheme = list(p.classes), p.scheme
            for name, iri in [*(("class", c) for c in classes), *([("scheme", scheme)] if scheme else [])]:
                if not pages.safe_iri(iri):
                    raise ParameterError("complete", name, f"{iri!r} is not an absolute http(s) IRI", hint="pass a class IRI")
            if not classes and not scheme:
                raise ParameterError("complete", "class", "is required", hint="pass class=IRI (repeatable) or scheme=IRI")
            if len(q) > pages.COMPLETE_TEXT:
                raise ParameterError("complete", "q", f"is longer than {pages.COMPLETE_TEXT} characters", hint="type less")
            if not 1 <= limit <= pages.COMPLETE_MAX:
                raise ParameterError("complete", "limit", f"{limit} is out of range", hint=f"pass 1 to {pages.COMPLETE_MAX}")
            language = pages.pick_language(lang, request.headers.get("accept-language"))
            rows = await select(pages.complete_query(classes[:20], scheme, q.strip(), limit))
        except ParameterError as e:
            return _param_error(e)
        except SmartgraphError as e:
            return _limits_error(e)
        return JSONResponse(pages.completions(rows, language), headers={"Vary": "Accept-Language"})

    @app.get("/queries/{name}", name="run_query", include_in_schema=False)
    async def run_query(name: str, request: Request) -> Response:
        try:
            q = catalog.get(name)
        except QueryError as e:
            return _error(404, e.message, e.hint)
        values: dict[str, list[str]] = {}
        limit, offset = settings.page_size, 0
        try:
            for k, v in request.query_params.multi_items():
                if k == "limit":
                    limit = _integer(q.name, k, v, 1, settings.limits.max_rows)
                elif k == "offset":
                    offset = _integer(q.name, k, v, 0, 10**9)
                elif k != "format":
                    q.param(k)
                    values.setdefault(k, []).append(v)
            text = q.page(values, limit, offset) if q.pageable else q.prepare(values)
            accept = _accept(request, RESULT_TYPES)
        except ParameterError as e:
            return _param_error(e)
        except SmartgraphError as e:
            return _limits_error(e)
        try:
            answer = await run(text, accept, page=limit if q.pageable else None)
        except SmartgraphError as e:
            return _limits_error(e)
        return _answer_response(answer, {"Link": _links(request, limit, offset, answer.more)})

    def _links(request: Request, limit: int, offset: int, more: bool) -> str:
        base = str(request.url).split("?", 1)[0]
        keep = [(k, v) for k, v in request.query_params.multi_items() if k not in ("limit", "offset")]

        def url(off: int) -> str:
            return f"<{base}?{urlencode([*keep, ('limit', str(limit)), ('offset', str(off))])}>"

        links = [f'{url(0)}; rel="first"']
        if offset > 0:
            links.append(f'{url(max(0, offset - limit))}; rel="prev"')
        if more:
            links.append(f'{url(offset + limit)}; rel="next"')
        return ", ".join(links)

    # ------------------------------------------------------------------ entities (Cool URIs)
    @app.get("/id/{path:path}", tags=["entities"], summary="Dereference an entity IRI minted under the base IRI",
             description="Content negotiation: HTML for browsers; Turtle, N-Triples, JSON-LD or RDF/XML for clients. "
                         "`lang` picks the page's language (zh-Hant or en).")
    async def entity(path: str, request: Request) -> Response:
        return await _entity(settings.base_iri + path, request)

    @app.get("/resource", tags=["entities"], summary="Describe any IRI the graph holds (ontology terms, concepts, places)")
    async def resource(iri: str, request: Request) -> Response:
        return await _entity(iri, request)

    async def _entity(iri: str, request: Request) -> Response:
        if not pages.safe_iri(iri):
            return _error(400, f"{iri!r} is not an IRI", "pass an absolute http(s) IRI")
        try:
            accept = _accept(request, ("text/html", *GRAPH_TYPES))
        except NotAcceptable as e:
            return _limits_error(e)
        mt = negotiate(accept, ("text/html", *GRAPH_TYPES))
        if mt is None:
            return _error(406, "no acceptable representation", f"send Accept: text/html or one of {', '.join(GRAPH_TYPES)}")
        try:
            if mt != "text/html":
                answer = await run(pages.describe_query(iri), [(mt, 1.0)])
                if answer.rows == 0:
                    return _error(404, f"the graph holds nothing about <{iri}>")
                return _answer_response(answer)
            lang = pages.pick_language(request.query_params.get("lang"), request.headers.get("accept-language"),
                                       request.cookies.get(pages.LANG_COOKIE))
            view = await pages.entity_view(iri, lang, select, catalog)
        except SmartgraphError as e:
            return _limits_error(e)
        html = pages.entity_page(view, lang, strings, settings.base_iri)
        return HTMLResponse(html, status_code=200 if view.found else 404, headers={"Vary": "Accept, Accept-Language, Cookie"})

    app.add_middleware(AccessLog)
    app.openapi = lambda: openapi_document(app, catalog, settings.limits.max_rows, settings.page_size)  # type: ignore[method-assign]
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Accept", "Content-Type", "Authorization"], expose_headers=["Link"])
    return app


def _example(q: CannedQuery) -> str:
    """The query as an example for the SPARQL editor: its defaults bound (the bare text when a parameter is required)."""
    try:
        return q.prepare({})
    except ParameterError:
        return q.text


def _integer(query: str, name: str, value: str, low: int, high: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise ParameterError(query, name, f"{value!r} is not an integer", hint=f"pass a number from {low} to {high}") from None
    if not low <= n <= high:
        raise ParameterError(query, name, f"{n} is out of range", hint=f"pass a number from {low} to {high}")
    return n
