"""The HTTP server: SPARQL 1.1 Protocol at /sparql, canned queries at /queries, entity pages, the web page.

``create_app`` takes an ``Engine`` (the embedded store's worker pool, or a remote endpoint) and the
catalogue; every query it runs goes through the engine's time and size limits.
"""

from __future__ import annotations

import functools
import hmac
import json
import logging
import os
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

from smartgraph import __version__, summaries
from smartgraph.errors import ParameterError, QueryError, SmartgraphError
from smartgraph.queries import CannedQuery, Catalog
from smartgraph.server import pages
from smartgraph.server.limits import Admission, BodyLimit
from smartgraph.server.openapi import openapi_document
from smartgraph.server.problems import error_response, install, param_error, problem
from smartgraph.sparql import spans
from smartgraph.sparql.engine import (
    ADHOC,
    CHEAP,
    GRAPH_TYPES,
    RESULT_TYPES,
    RESULTS_JSON,
    Answer,
    Dataset,
    Engine,
    Limits,
    RowsCall,
    format_accept,
    negotiate,
    parse_accept,
)
from smartgraph.sparqlscan import check_fetches, with_using

log = logging.getLogger("smartgraph.access")

PAGE_SIZE = 100
TEXTS = 1024  # canned-query texts kept, checked and bound, for requests with the same parameters
#: characters a query string's parameter may hold to be copied into a Link header as it came (visible ASCII but , ; < > " \\)
_LINK_SAFE = frozenset(chr(c) for c in range(33, 127)) - set(',;<>"\\')
_ENCODED = frozenset("%+")  # a parameter name spelt so is compared decoded: the Link is written from decoded parameters then
FORM = "application/x-www-form-urlencoded"
_READ_HEADERS = (b"host", b"accept")  # the headers a canned query's parsing reads (the Link's host, the media type)
Prepared = tuple[str, int, int, bool, "RowsCall | None"]  # a canned query's page, checked and bound (``_prepare``)


@dataclass(frozen=True)
class ServerSettings:
    base_iri: str = "https://w3id.org/smartgraph/id/"
    limits: Limits = field(default_factory=Limits)
    page_size: int = PAGE_SIZE
    cors_origins: tuple[str, ...] = ()
    update_token: str | None = None  # updates are allowed only when this is set
    endpoint_label: str = "embedded store"
    allow_service: tuple[str, ...] = ()  # URLs SERVICE (and LOAD) may reach; none: no federation
    max_body_bytes: int = 1_000_000  # a larger request body is refused (413)
    max_query_chars: int = 65_536  # a longer query or update is refused (422)
    per_client: int = 2  # ad-hoc queries (/sparql) one client may have in flight (429 past it)
    per_client_pages: int = 8  # canned queries and entity pages one client may have in flight (429 past it)
    adhoc_capacity: int = 8  # ad-hoc queries in flight in all, running or waiting for a worker (503 past it)


def _error(status: int, message: str, hint: str = "") -> Response:
    return problem(status, message, hint)


def _param_error(e: ParameterError) -> Response:
    """422 naming the parameter: what went wrong and how to fix it."""
    return param_error(e)


def _answer_response(answer: Answer, headers: dict[str, str] | None = None) -> Response:
    mt = answer.media_type + ("; charset=utf-8" if answer.media_type.startswith("text/") else "")
    h = {"Vary": "Accept", **(headers or {})}
    return Response(answer.body, media_type=mt, headers=h)


def _accept(request: Request, allowed: tuple[str, ...] = RESULT_TYPES + GRAPH_TYPES,
            params: list[tuple[str, str]] | None = None) -> list[tuple[str, float]]:
    """The ``format`` parameter if given (every value; ParameterError for an unknown one), else the Accept header.

    ``params``: the request's parameters when they come in a form body too."""
    given = params if params is not None else list(request.query_params.multi_items())
    return format_accept([v for k, v in given if k == "format"], allowed) or parse_accept(request.headers.get("accept"))


def _limits_error(e: SmartgraphError) -> Response:
    return error_response(e)


def _client(request: Request) -> str:
    return request.client.host if request.client else "-"


_LOG_LINE = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False), one encoder for all lines
_STAMP: list[Any] = [None, ""]  # the second the access log's time was last written for, and that time


def _now() -> str:
    """The access log's local time to the second (written once a second, not once a request)."""
    second = int(time.time())
    if _STAMP[0] != second:
        _STAMP[:] = [second, time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(second))]
    return str(_STAMP[1])


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
            if log.isEnabledFor(logging.INFO):
                client = scope.get("client") or ("-", 0)
                _write(_LOG_LINE({
                    "time": _now(), "client": client[0], "method": scope["method"],
                    "path": scope["path"], "query": scope.get("query_string", b"").decode("latin-1")[:500],
                    "status": info["status"], "bytes": info["bytes"], "ms": round((time.perf_counter() - start) * 1000, 2),
                    "pid": os.getpid(),  # which server process answered (serve --processes)
                }))


class _Lines(logging.StreamHandler):
    """``setup_logging``'s handler: each message as it is, one a line (``_write`` writes to it directly)."""


def _write(line: str) -> None:
    """``log.info(line)``, without a log record while ``setup_logging``'s handler is the access log's only one and
    nothing filters it (a record, its caller's frame looked up, cost a twentieth of a cheap request)."""
    handlers = log.handlers
    if len(handlers) == 1 and type(handlers[0]) is _Lines and not log.filters and log.isEnabledFor(logging.INFO):
        h = handlers[0]
        if not h.filters and h.level <= logging.INFO:
            try:
                with h.lock:  # type: ignore[union-attr]
                    h.stream.write(line + "\n")
                    h.stream.flush()
                return
            except Exception:
                pass  # the handler's own way: it reports what went wrong
    log.info(line)


def setup_logging() -> None:
    handler = _Lines(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(logging.INFO)
    log.propagate = False


class Served(FastAPI):
    """A canned query's GET goes straight to its handler (``fast``): FastAPI's middleware stack and routing over every
    route cost as much as the rest of a cheap request (bench/http_bench.py). The access log still writes its line;
    a request with a body goes the usual way (the body limit)."""

    fast: Any = None

    async def __call__(self, scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                       send: Callable[[MutableMapping[str, Any]], Awaitable[None]]) -> None:
        if (self.fast is not None and scope["type"] == "http" and scope["method"] == "GET" and scope["path"].startswith("/queries/")
                and "/" not in scope["path"][9:] and len(scope["path"]) > 9
                and not any(k in (b"content-length", b"transfer-encoding") for k, _ in scope["headers"])):
            await self.fast(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(engine: Engine, catalog: Catalog, settings: ServerSettings) -> FastAPI:
    from fastapi_offline import FastAPIOffline

    app = FastAPIOffline(
        title="smartgraph",
        version=__version__,
        description="City-diplomacy knowledge graph: a SPARQL 1.1 endpoint, canned queries with typed parameters, entity pages.",
        static_url="/static/api-docs",
    )
    app.__class__ = Served  # FastAPIOffline makes a FastAPI; its canned queries' GETs take the short way
    install(app)
    strings = pages.load_strings()
    index_template = (files("smartgraph.server").joinpath("static", "index.html").read_text(encoding="utf-8")
                      .replace("{{BASE_IRI}}", escape(settings.base_iri, quote=True))
                      .replace("{{LABELS_MAX}}", str(pages.LABELS_MAX)))
    index_html = {lang: pages.index_page(index_template, lang, strings) for lang in strings}
    examples = {q.name: _example(q, settings.page_size) for q in catalog}
    favicon_svg = files("smartgraph.server").joinpath("static", "favicon.svg").read_bytes()
    stats: dict[str, Any] = {}  # answers that last until the store changes (service description counts, editor terms)
    retry = max(1.0, settings.limits.timeout_s)
    adhoc = Admission("ad-hoc queries", settings.per_client, settings.adhoc_capacity, retry, "--per-client")
    cheap = Admission("cheap requests (canned queries, pages, labels, completions)", settings.per_client_pages, None, retry, "--per-client-pages")

    arun = getattr(engine, "arun", None)
    arun_bounded = getattr(engine, "arun_bounded", None)

    async def run(query: str, accept: list[tuple[str, float]], page: int | None = None, *, lane: str = CHEAP,
                  dataset: Dataset | None = None, base_iri: str | None = None, bounded: bool = False,
                  rows: RowsCall | None = None) -> Answer:
        """Run a query through the engine's limits, in the cheap lane unless told (``/sparql`` uses the ad-hoc lane).

        ``bounded``: a canned query of bounded cost (a page of materialised rows, a query about one entity), which the
        embedded engine answers in this process (``EmbeddedEngine.arun_bounded``); ``rows``: the page read from the
        store's derived rows instead, where the engine can (``spans.page``)."""
        if bounded and arun_bounded is not None:
            bounded_answer: Answer = await arun_bounded(query, accept, settings.limits, page, rows=rows)
            return bounded_answer
        if arun is not None:  # the embedded engine's workers are awaited on the event loop
            answer: Answer = await arun(query, accept, settings.limits, page, lane=lane, dataset=dataset, base_iri=base_iri)
            return answer
        answer = await run_in_threadpool(
            functools.partial(engine.run, query, accept, settings.limits, page, lane=lane, dataset=dataset, base_iri=base_iri))
        return answer

    async def select(query: str) -> list[dict[str, Any]]:
        answer = await run(query, [(RESULTS_JSON, 1.0)])
        rows: list[dict[str, Any]] = json.loads(answer.body)["results"]["bindings"]
        return rows

    def cached() -> dict[str, Any]:
        """``stats``, emptied when the store has changed since it was filled: the embedded store's generation (a build
        or an update), a remote endpoint's every minute."""
        generation = getattr(engine, "generation", None)
        key = ("generation", generation) if generation is not None else ("minute", int(time.monotonic() // 60))
        if stats.get("key") != key:
            stats.clear()
            stats["key"] = key
        return stats

    async def asked(key: str, query: str) -> bool:
        """An ASK about the store, asked once per store generation."""
        memo = cached()
        if key not in memo:
            answer = await run(query, [(RESULTS_JSON, 1.0)])
            memo[key] = bool(json.loads(answer.body).get("boolean"))
        return bool(memo[key])

    async def materialised() -> bool:
        """Whether the store's materialised query rows are fresh (``summaries.fresh``)."""
        return await asked("summaries", summaries.FRESH)

    async def spans_trusted() -> bool:
        """Whether every release's span rows are written (``spans.trusted``)."""
        return await asked("spans", spans.ASK_TRUSTED)

    def language(request: Request, given: str | None) -> str:
        """The language of a page or an answer: ``lang`` if given (ParameterError unless zh-Hant or en, in any BCP 47
        spelling), else the page's language switch (its cookie; a cookie naming no language of the page counts as
        none), else ``Accept-Language``, else zh-Hant."""
        if given and not pages.known_language(given):
            raise ParameterError("", "lang", f"{given!r} is not a language of this server", hint="pass zh-Hant or en")
        return pages.pick_language(given, request.headers.get("accept-language"), request.cookies.get(pages.LANG_COOKIE))

    def only(request: Request, allowed: set[str], params: list[tuple[str, str]] | None = None) -> None:
        """ParameterError (422) naming the first parameter this operation does not take."""
        for k, _ in params if params is not None else request.query_params.multi_items():
            if k not in allowed:
                raise ParameterError("", k, f"is not a parameter of {request.url.path}",
                                     hint=f"its parameters are: {', '.join(sorted(allowed))}")

    # ------------------------------------------------------------------ the web page
    with as_file(files("smartgraph.server").joinpath("static")) as static_dir:
        app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    @app.get("/", include_in_schema=False)
    async def index(request: Request) -> Response:
        try:
            lang = language(request, request.query_params.get("lang"))
        except ParameterError as e:
            return param_error(e)
        return HTMLResponse(index_html[lang], headers={"Vary": "Accept-Language, Cookie", "Content-Language": lang})

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(favicon_svg, media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})

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
        queries: list[str] = []
        updates: list[str] = []
        if request.method == "POST":
            ctype, _, options = request.headers.get("content-type", "").partition(";")
            ctype = ctype.strip().lower()
            charset = next((v.strip().strip('"').lower() for k, _, v in (o.partition("=") for o in options.split(";"))
                            if k.strip().lower() == "charset"), "utf-8")
            if ctype not in (FORM, "application/sparql-query", "application/sparql-update"):
                return _error(415, f"unsupported Content-Type {ctype or '(none)'!r}",
                              "send application/x-www-form-urlencoded, application/sparql-query or application/sparql-update")
            if charset not in ("utf-8", "utf8"):
                return _error(415, f"the body is in {charset}; this endpoint reads UTF-8 only", "send the body in UTF-8")
            try:
                text = (await request.body()).decode("utf-8")
            except UnicodeDecodeError as e:
                return _error(400, f"the body is not UTF-8: {e.reason} at byte {e.start}", "send the body in UTF-8")
            if ctype == FORM:
                params += parse_qsl(text, keep_blank_values=True)
            else:
                (queries if ctype == "application/sparql-query" else updates).append(text)
        queries += [v for k, v in params if k == "query"]
        updates += [v for k, v in params if k == "update"]
        if updates and request.method != "POST":
            return problem(405, "a SPARQL Update must be sent with POST (the SPARQL 1.1 Protocol forbids GET updates)",
                           "POST it as application/sparql-update, or form-encoded as update=...", headers={"Allow": "POST"})
        if queries and updates:
            return _error(400, "a request carries either a query or an update, not both")
        if len(queries) > 1 or len(updates) > 1:
            which = "query" if len(queries) > 1 else "update"
            return problem(400, f"the request carries more than one {which}", f"send one {which} a request", param=which)
        endpoint = str(request.url_for("sparql"))
        try:
            if updates:
                return await _update(request, updates[0], params, endpoint)
            if request.method == "POST" and not queries:
                return _error(400, "the POST request has no query", "send query=... form-encoded or an application/sparql-query body")
            accept = _accept(request, params=params)
            if not queries:
                return await _service_description(request, accept)
            query = queries[0]
            _check_length("query", query)
            dataset = _dataset(params, "default-graph-uri", "named-graph-uri")
            check_fetches(query, settings.allow_service, base=endpoint)
            with adhoc.slot(_client(request)):
                answer = await run(query, accept, lane=ADHOC, dataset=dataset, base_iri=endpoint)
        except SmartgraphError as e:
            return _limits_error(e)
        return _answer_response(answer)

    def _check_length(name: str, text: str) -> None:
        if len(text) > settings.max_query_chars:
            raise ParameterError("", name, f"is {len(text):,} characters long; this server takes at most {settings.max_query_chars:,}",
                                 hint="send a shorter one; the operator can raise the limit with --max-query-length")

    def _dataset(params: list[tuple[str, str]], default: str, named: str) -> Dataset | None:
        """The dataset the protocol parameters name (checked IRIs), or None when they name none."""
        graphs = {default: [v for k, v in params if k == default], named: [v for k, v in params if k == named]}
        for name, values in graphs.items():
            for v in values:
                if not pages.safe_iri(v):
                    raise ParameterError("", name, f"{v!r} is not an absolute http(s) IRI", hint="pass a graph's full IRI")
        if not graphs[default] and not graphs[named]:
            return None
        return Dataset(tuple(graphs[default]), tuple(graphs[named]))

    sparql_doc = ("GET with `query`, POST form-encoded (`query` or `update`) or POST `application/sparql-query` "
                  "(`application/sparql-update`). Results by `Accept` or `format`: SPARQL JSON (default), XML, CSV, TSV; graphs as "
                  "Turtle (default), N-Triples, JSON-LD, RDF/XML. `default-graph-uri` and `named-graph-uri` name the dataset. "
                  "Without a query: the service description with VoID counts. Errors are application/problem+json.")
    for method in ("GET", "POST"):
        app.add_api_route("/sparql", sparql, methods=[method], name="sparql", tags=["SPARQL"], description=sparql_doc,
                          summary=f"SPARQL 1.1 Protocol ({method})", operation_id=f"sparql_{method.lower()}")

    async def _update(request: Request, text: str, params: list[tuple[str, str]], endpoint: str) -> Response:
        if settings.update_token is None:
            return _error(403, "updates are disabled on this server",
                          "start it with --allow-updates and the token in SMARTGRAPH_UPDATE_TOKEN to accept SPARQL Update")
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {settings.update_token}".encode()):
            return _error(403, "the update's bearer token is missing or wrong", "send Authorization: Bearer <token>")
        _check_length("update", text)
        check_fetches(text, settings.allow_service, base=endpoint)
        using = _dataset(params, "using-graph-uri", "using-named-graph-uri")
        if using is not None:
            text = with_using(text, list(using.default), list(using.named))
        with adhoc.slot(_client(request)):
            await run_in_threadpool(functools.partial(engine.update, text, settings.limits, base_iri=endpoint))
        stats.clear()  # the engine's generation changes too; this is at once
        return Response(status_code=204)

    async def _service_description(request: Request, accept: list[tuple[str, float]]) -> Response:
        if negotiate(accept, ("text/html", *GRAPH_TYPES)) == "text/html":
            return RedirectResponse("/#sparql", status_code=303)
        memo = cached()
        if "counts" not in memo:
            memo["counts"] = await select(pages.GRAPH_COUNTS)
        mt = negotiate(accept, GRAPH_TYPES)
        if mt is None:
            return _error(406, "the service description is RDF", f"send Accept: one of {', '.join(GRAPH_TYPES)}")
        endpoint = str(request.url_for("sparql"))
        g = pages.service_description(endpoint, memo["counts"], updates=settings.update_token is not None)
        if not settings.allow_service:  # federation is off: do not announce it
            g.remove((None, pages.SD.feature, pages.SD.BasicFederatedQuery))
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
            "url": str(request.url_for("run_query", name=q.name)), "sparql": examples[q.name],
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
            only(request, {"q", "lang", "limit", "class", "scheme", "query", "param"})
            classes = list(class_ or [])
            if query or param:
                classes, scheme = _completed(query or "", param or "")
            if len(classes) > pages.COMPLETE_CLASSES:
                raise ParameterError("", "class", f"has {len(classes)} values; it takes at most {pages.COMPLETE_CLASSES}",
                                     hint="name fewer classes")
            for name, iri in [*(("class", c) for c in classes), *([("scheme", scheme)] if scheme else [])]:
                if not pages.safe_iri(iri):
                    raise ParameterError("", name, f"{iri!r} is not an absolute http(s) IRI", hint="pass a class IRI")
            if not classes and not scheme:
                raise ParameterError("", "class", "is required", hint="pass class=IRI (repeatable) or scheme=IRI")
            if len(q) > pages.COMPLETE_TEXT:
                raise ParameterError("", "q", f"is longer than {pages.COMPLETE_TEXT} characters", hint="type less")
            if not 1 <= limit <= pages.COMPLETE_MAX:
                raise ParameterError("", "limit", f"{limit} is out of range", hint=f"pass 1 to {pages.COMPLETE_MAX}")
            lang_ = language(request, lang)
            with cheap.slot(_client(request)):
                rows = await select(pages.complete_query(classes, scheme, q.strip(), limit))
        except SmartgraphError as e:
            return error_response(e)
        return JSONResponse(pages.completions(rows, lang_), headers={"Vary": "Accept-Language, Cookie"})

    def _completed(query: str, param: str) -> tuple[list[str], str | None]:
        """The classes and scheme of a canned query's IRI parameter (ParameterError naming ``query`` or ``param``)."""
        try:
            q = catalog.get(query)
        except QueryError as e:
            raise ParameterError("", "query", f"no canned query is named {query!r}", hint=e.hint) from None
        try:
            p = q.param(param)
        except ParameterError as e:
            raise ParameterError("", "param", f"{param!r} is not a parameter of {query}", hint=e.hint) from None
        if not p.classes and not p.scheme:
            raise ParameterError("", "param", f"{query}'s parameter {param!r} has no values to complete",
                                 hint="name an IRI parameter, e.g. query=officials&param=country")
        return list(p.classes), p.scheme

    labels_doc = ("The label of each IRI, one an IRI, in `lang` (zh-Hant or en) if it has one, else in the other language, "
                  f"else untagged: `{{iri: label}}`; IRIs without a label are left out. `iri` is repeatable, at most "
                  f"{pages.LABELS_MAX} a request; POST them form-encoded when they are many. The web page's results tables "
                  "use it; it runs in the cheap lane, not in the ad-hoc lane of /sparql.")

    async def labels(request: Request) -> Response:
        params = list(request.query_params.multi_items())
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").partition(";")[0].strip().lower()
            if ctype != FORM:
                return _error(415, f"unsupported Content-Type {ctype or '(none)'!r}", "send application/x-www-form-urlencoded: iri=...&iri=...&lang=en")
            try:
                params += parse_qsl((await request.body()).decode("utf-8"), keep_blank_values=True)
            except UnicodeDecodeError as e:
                return _error(400, f"the body is not UTF-8: {e.reason} at byte {e.start}", "send the body in UTF-8")
        try:
            only(request, {"iri", "lang"}, params)
            iris = [v for k, v in params if k == "iri"]
            langs = [v for k, v in params if k == "lang"]
            if len(langs) > 1:
                raise ParameterError("", "lang", "is given more than once", hint="pass one lang")
            lang = language(request, langs[0] if langs else None)
            if not iris:
                raise ParameterError("", "iri", "is required", hint="pass iri=IRI, once for each IRI")
            if len(iris) > pages.LABELS_MAX:
                raise ParameterError("", "iri", f"has {len(iris)} values; a request takes at most {pages.LABELS_MAX}",
                                     hint=f"send them in requests of {pages.LABELS_MAX}, one after another")
            for iri in iris:
                if not pages.safe_iri(iri):
                    raise ParameterError("", "iri", f"{iri!r} is not an absolute http(s) IRI",
                                         hint="pass IRIs without spaces or control characters")
            with cheap.slot(_client(request)):
                rows = await select(pages.labels_query(sorted(set(iris)), lang))
        except SmartgraphError as e:
            return error_response(e)
        return JSONResponse(pages.labels(rows), headers={"Vary": "Accept-Language, Cookie"})

    iri_param = {"name": "iri", "in": "query", "required": True, "style": "form", "explode": True,
                 "schema": {"type": "array", "items": {"type": "string", "format": "uri"}, "maxItems": pages.LABELS_MAX}}
    lang_param = {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh-Hant", "en"]}}
    app.add_api_route("/labels", labels, methods=["GET"], tags=["canned queries"], summary="Labels of IRIs (GET)",
                      description=labels_doc, operation_id="labels_get", openapi_extra={"parameters": [iri_param, lang_param]})
    app.add_api_route("/labels", labels, methods=["POST"], tags=["canned queries"], summary="Labels of IRIs (POST form-encoded)",
                      description=labels_doc, operation_id="labels_post", openapi_extra={"requestBody": {"content": {FORM: {
                          "schema": {"type": "object", "properties": {"iri": iri_param["schema"], "lang": lang_param["schema"]},
                                     "required": ["iri"]}}}}})

    @app.get("/terms", tags=["canned queries"], summary="The classes or properties the store uses (for the SPARQL editor's completion)",
             description="`kind=class` or `kind=property`: a JSON list of IRIs (at most 2000), kept until the store changes. "
                         "It runs in the cheap lane, so the editor's completion never takes the client's share of /sparql.")
    async def terms(request: Request, kind: str) -> Response:
        try:
            only(request, {"kind"})
            if kind not in pages.TERMS_QUERIES:
                raise ParameterError("", "kind", f"{kind!r} is not one of {', '.join(pages.TERMS_QUERIES)}", hint="pass kind=class or kind=property")
            memo = cached()
            if f"terms:{kind}" not in memo:
                with cheap.slot(_client(request)):
                    memo[f"terms:{kind}"] = [r["t"]["value"] for r in await select(pages.TERMS_QUERIES[kind])]
        except SmartgraphError as e:
            return error_response(e)
        return JSONResponse(memo[f"terms:{kind}"])

    async def run_query(request: Request) -> Response:
        """A canned query's page. A plain route (its OpenAPI paths come from the catalogue, ``openapi.py``): FastAPI's
        parameter machinery cost a tenth of a cheap query's time over HTTP (bench/http_bench.py)."""
        name = request.path_params["name"]
        try:
            q = catalog.get(name)
        except QueryError as e:
            return _error(404, e.message, e.hint)
        scope = request.scope
        seen = (name, scope.get("query_string", b""), scope.get("scheme"), scope.get("server"), scope.get("root_path", ""),
                scope["path"], tuple(h for h in scope["headers"] if h[0] in _READ_HEADERS))
        parsed = parsing.get(seen)
        if parsed is None:  # parameters, Accept and the Link's base read from the request line and headers once
            items = request.query_params.multi_items()
            accept: list[tuple[str, float]] | SmartgraphError
            try:
                accept = _accept(request, RESULT_TYPES, items)
            except SmartgraphError as e:
                accept = e  # told after the parameters' errors, as before
            parsed = parsing[seen] = (items, tuple((k, v) for k, v in items if k != "format"), accept, _link_base(request))
            if len(parsing) > TEXTS:
                del parsing[next(iter(parsing))]
        items, given, accept, base = parsed
        fresh = q.pageable and (summaries.materialisable(q) or (_sourced(q) and await spans_trusted())) and await materialised()
        key = (name, fresh, given)
        if key in texts:  # the same parameters as a request answered before: checked and bound then
            text, limit, offset, bounded, rows = texts[key]
        else:
            prepared = _prepare(q, items, fresh)
            if isinstance(prepared, Response):
                return prepared
            text, limit, offset, bounded, rows = texts[key] = prepared
            if len(texts) > TEXTS:
                del texts[next(iter(texts))]
        if isinstance(accept, SmartgraphError):
            return error_response(accept)
        try:
            with cheap.slot(_client(request)):
                answer = await run(text, accept, page=limit if q.pageable else None, bounded=bounded, rows=rows)
        except SmartgraphError as e:
            return _limits_error(e)
        return _answer_response(answer, {"Link": _links(base, limit, offset, answer.more)})

    texts: dict[tuple[Any, ...], Prepared] = {}  # the query text of each page asked lately (not its answer)
    #: what run_query reads from a request's line and headers (its parameters, Accept, the Link's base), by those
    parsing: dict[tuple[Any, ...], tuple[list[tuple[str, str]], tuple[tuple[str, str], ...], list[tuple[str, float]] | SmartgraphError, str]] = {}
    sourced: dict[str, bool] = {}

    def _sourced(q: CannedQuery) -> bool:
        """Whether the spans' derived rows answer this canned query (the bundled provenance query, ``spans.answers``)."""
        if q.name not in sourced:
            sourced[q.name] = spans.answers(q.text)
        return sourced[q.name]

    def _prepare(q: CannedQuery, items: list[tuple[str, str]], fresh: bool) -> Prepared | Response:
        """A canned query's page for the request's parameters, checked and bound: its text, limit, offset, whether its
        cost is bounded, and the call that reads the page from the spans' rows (or None); or the 422 naming the
        parameter at fault."""
        values: dict[str, list[str]] = {}
        limit, offset = settings.page_size, 0
        try:
            for k, v in items:
                if k == "limit":
                    limit = _integer(q.name, k, v, 1, settings.limits.max_rows)
                elif k == "offset":
                    offset = _integer(q.name, k, v, 0, 10**9)
                elif k != "format":
                    q.param(k)
                    values.setdefault(k, []).append(v)
            bound = q.bind(values)  # ParameterError before any work
            # a page read from the rows the build materialised when they can answer it, else the plain query
            fast = summaries.fast_page(q, values, limit, offset) if fresh else None
            text = fast or (q.page(values, limit, offset) if q.pageable else q.prepare(values))
        except ParameterError as e:
            return _param_error(e)
        except SmartgraphError as e:
            return _limits_error(e)
        rows: RowsCall | None = None
        if fresh and _sourced(q) and len(bound.get("entity", ())) == 1:
            rows = functools.partial(spans.page, entity=str(bound["entity"][0]), limit=limit, offset=offset)
        # bounded: a page of materialised rows, or a query about the entity its required parameters name
        required = [p for p in q.params if p.required]
        return text, limit, offset, fast is not None or (bool(required) and all(p.type == "iri" for p in required)), rows

    app.add_route("/queries/{name}", run_query, methods=["GET"], name="run_query", include_in_schema=False)

    async def canned_page(scope: MutableMapping[str, Any], receive: Callable[[], Awaitable[Any]],
                          send: Callable[[MutableMapping[str, Any]], Awaitable[None]]) -> None:
        """``run_query`` without FastAPI's middleware and routing (``Served``), answered the same way."""
        scope["path_params"] = {"name": scope["path"][len("/queries/"):]}
        try:
            response = await run_query(Request(scope, receive))
        except Exception:
            log.exception("a canned query failed")
            response = problem(500, "the server failed answering this request", "see the server log")
        await response(scope, receive, send)

    if not settings.cors_origins:
        app.fast = AccessLog(canned_page)  # type: ignore[attr-defined]

    def _link_base(request: Request) -> str:
        """The start of a page's links: the request's URL and its parameters but limit and offset, up to ``limit=``."""
        base = str(request.url).split("?", 1)[0]
        raw = request.scope.get("query_string", b"").decode("latin-1").split("&")
        kept = [p for p in raw if p and p.partition("=")[0] not in ("limit", "offset")]
        if not all(_LINK_SAFE.issuperset(p) and not _ENCODED.intersection(p.partition("=")[0]) for p in kept):  # written again, encoded
            keep = urlencode([(k, v) for k, v in request.query_params.multi_items() if k not in ("limit", "offset")])
        else:  # the parameters as the client sent them (decoding and encoding them again cost a tenth of a cheap request)
            keep = "&".join(kept)
        return f"{base}?{keep}&" if keep else f"{base}?"

    def _links(keep: str, limit: int, offset: int, more: bool) -> str:
        """The Link header of a page (first, prev, next) from ``_link_base``."""

        def url(off: int) -> str:
            return f"<{keep}limit={limit}&offset={off}>"

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
        return await _entity(settings.base_iri + path, request, "path", "path")

    @app.get("/resource", tags=["entities"], summary="Describe any IRI the graph holds (ontology terms, concepts, places)")
    async def resource(iri: str, request: Request) -> Response:
        return await _entity(iri, request, "iri", "query")

    async def _entity(iri: str, request: Request, name: str, where: str) -> Response:
        if not pages.safe_iri(iri):
            return param_error(ParameterError("", name, f"{iri!r} is not an absolute http(s) IRI",
                                              hint="pass an IRI without spaces or control characters, e.g. https://w3id.org/scd#party"),
                               where)
        try:
            accept = _accept(request, ("text/html", *GRAPH_TYPES))
        except SmartgraphError as e:
            return _limits_error(e)
        mt = negotiate(accept, ("text/html", *GRAPH_TYPES))
        if mt is None:
            return _error(406, "no acceptable representation", f"send Accept: text/html or one of {', '.join(GRAPH_TYPES)}")
        try:
            lang = language(request, request.query_params.get("lang"))
            with cheap.slot(_client(request)):
                if mt != "text/html":
                    answer = await run(pages.describe_query(iri), [(mt, 1.0)])
                    if answer.rows == 0:
                        return _error(404, f"the graph holds nothing about <{iri}>")
                    return _answer_response(answer)
                view = await pages.entity_view(iri, lang, select, catalog)
        except SmartgraphError as e:
            return _limits_error(e)
        html = pages.entity_page(view, lang, strings, settings.base_iri)
        return HTMLResponse(html, status_code=200 if view.found else 404, headers={"Vary": "Accept, Accept-Language, Cookie"})

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(AccessLog)
    app.openapi = lambda: openapi_document(app, catalog, settings.limits.max_rows, settings.page_size)  # type: ignore[method-assign]
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Accept", "Content-Type", "Authorization"], expose_headers=["Link"])
    return app


def _example(q: CannedQuery, page_size: int) -> str:
    """The query as an example for the SPARQL editor: its defaults bound (the bare text when a parameter is required),
    and a pageable one asking for a page of ``page_size`` rows, so that it runs within the ad-hoc lane's row limit
    on any store."""
    try:
        text = q.prepare({})
    except ParameterError:
        text = q.text
    return f"{text.rstrip()}\nLIMIT {int(page_size)}\n" if q.pageable else text


def _integer(query: str, name: str, value: str, low: int, high: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise ParameterError(query, name, f"{value!r} is not an integer", hint=f"pass a number from {low} to {high}") from None
    if not low <= n <= high:
        raise ParameterError(query, name, f"{n} is out of range", hint=f"pass a number from {low} to {high}")
    return n
