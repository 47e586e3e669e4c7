"""The OpenAPI document: FastAPI's own routes plus one path for every canned query, from its ``#+`` header."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from smartgraph.queries import LANGUAGES, CannedQuery, Catalog, Parameter
from smartgraph.sparql.engine import RESULT_TYPES

_SCHEMAS: dict[str, dict[str, Any]] = {
    "iri": {"type": "string", "format": "uri"},
    "string": {"type": "string", "maxLength": 500},
    "language": {"type": "string", "enum": list(LANGUAGES)},
    "lang-string": {"type": "string", "pattern": "^.+@(zh-Hant|en)$"},
    "integer": {"type": "integer"},
    "date": {"type": "string", "format": "date"},
}


PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object", "title": "Problem",
    "description": "RFC 9457 problem details; `errors` names each bad parameter (see smartgraph.server.problems)",
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
        "detail": {"type": "string", "description": "what went wrong"}, "hint": {"type": "string", "description": "how to fix it"},
        "errors": {"type": "array", "items": {"type": "object", "properties": {
            "in": {"type": "string", "enum": ["query", "path", "body"]}, "name": {"type": "string"},
            "detail": {"type": "string"}, "hint": {"type": "string"}}, "required": ["in", "name", "detail"]}},
    },
    "required": ["type", "title", "status", "detail"],
}
_PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def _problems(doc: dict[str, Any]) -> None:
    """Every 422 (and the other error answers declared) as application/problem+json, the server's one error model;
    FastAPI's own validation-error schema (``detail[].loc``), which the server never sends, is left out."""
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    schemas["Problem"] = PROBLEM_SCHEMA
    for name, path in doc.get("paths", {}).items():
        for op in path.values():
            responses = op.setdefault("responses", {})
            if op.get("parameters") or op.get("requestBody") or name == "/sparql":
                responses.setdefault("422", {"description": "a parameter that does not fit, named in errors[].name"})
            for status, response in responses.items():
                if status[0] in "45":
                    response["content"] = dict(_PROBLEM)


def _schema(p: Parameter) -> dict[str, Any]:
    s = dict(_SCHEMAS.get(p.type, {"type": "string"}))
    if p.type == "enum":
        s = {"type": "string", "enum": list(p.values)}
    if p.default is not None:
        s["default"] = int(p.default) if p.type == "integer" else p.default
    if p.multiple:
        return {"type": "array", "items": s, "maxItems": 100}
    return s


def _operation(q: CannedQuery, max_rows: int, page_size: int) -> dict[str, Any]:
    params: list[dict[str, Any]] = [
        {"name": p.name, "in": "query", "required": p.required, "description": p.description + (" (repeat for several)" if p.multiple else ""),
         "schema": _schema(p), "style": "form", "explode": True}
        for p in q.params
    ]
    if q.pageable:
        params += [
            {"name": "limit", "in": "query", "description": "rows a page",
             "schema": {"type": "integer", "minimum": 1, "maximum": max_rows, "default": page_size}},
            {"name": "offset", "in": "query", "description": "rows to skip", "schema": {"type": "integer", "minimum": 0, "default": 0}},
        ]
    params.append({"name": "format", "in": "query", "description": "overrides Accept: json, xml, csv or tsv",
                   "schema": {"type": "string", "enum": ["json", "xml", "csv", "tsv"]}})
    return {
        "operationId": f"query_{q.name.replace('-', '_')}",
        "summary": q.summary,
        "description": (q.description + "\n\n" if q.description else "") + f"Result variables: {', '.join(q.variables)}.",
        "tags": ["canned queries"],
        "parameters": params,
        "responses": {
            "200": {"description": "SPARQL 1.1 results; a `Link` header points to the first, previous and next pages",
                    "headers": {"Link": {"schema": {"type": "string"}}},
                    "content": {mt: {} for mt in RESULT_TYPES}},
            "406": {"description": "none of the accepted media types fits"},
            "422": {"description": "a parameter value does not fit its type"},
            "503": {"description": "the query ran past the time limit, or the server is busy"},
        },
    }


def openapi_document(app: FastAPI, catalog: Catalog, max_rows: int = 10_000, page_size: int = 100) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    for q in catalog:
        doc.setdefault("paths", {})[f"/queries/{q.name}"] = {"get": _operation(q, max_rows, page_size)}
    _problems(doc)
    app.openapi_schema = doc
    return doc
