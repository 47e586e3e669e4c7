"""Canned queries' results materialised at build time, so that any page of them is a few index look-ups.

Why: on disk, Oxigraph answers a grouped and sorted canned query by joining every row by index look-ups
and sorting all of them before the first page (seconds at 10,000 releases, README "Performance"). Here
each build ends by running every *materialisable* canned query once per language over the union, and
writing its rows, in order, into the derived graph ``SUMMARY_GRAPH``:

- a row is a resource with one triple per bound result variable (``sgs:v-NAME``), its position in its
  run (``sgs:rank``) and the page bucket it falls in (``sgs:bucket "QUERY|lang|FACET|i"``: the i-th
  hundred rows of that set);
- a *facet* is a parameter other than the language (``officials``' country, ``statements``' theme):
  the query is run once with the parameter bound to all its candidate values at once and added to the
  GROUP BY, which gives, for every value, exactly the rows the query gives with that value bound; those
  rows also carry ``sgs:set "QUERY|lang|param=VALUE"`` (several values of one parameter: their sets,
  merged by rank).

A page is then: the bucket(s) covering [offset, offset + limit] by exact look-up, sorted by rank, and
the columns of those rows only. Any page, any parameter value, costs the same. Two facet parameters
given together, or a parameter that is not a facet (events' year and since), fall back to the plain query.

The whole graph is made again by any build that changed the store (``refresh``); not yet incrementally.

The graph is not part of the default graph (the union users query), is not exported, and is trusted only
while it carries its marker triple (``MARKER``): every write to the store takes the marker away first,
and only a build's ``refresh`` puts it back. A store without it answers with the plain queries.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from smartgraph.queries import LANGUAGES, CannedQuery, Catalog, Parameter, with_values
from smartgraph.vocab import SUMMARY_GRAPH, SUMMARY_MARKER, SUMMARY_NS

__all__ = ["BUCKET", "FRESH", "SUMMARY_GRAPH", "Refresh", "facets", "fast_page", "fresh", "materialisable", "page", "refresh"]

BUCKET = 100  # rows a bucket holds: a page reads ceil(limit / BUCKET) + 1 buckets at most
_GROUP_BY = re.compile(r"\bGROUP\s+BY\b([^\n]*)", re.I)
_SELECT = re.compile(r"\bSELECT\b(\s+DISTINCT\b)?", re.I)
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_IN_SCHEME = "http://www.w3.org/2004/02/skos/core#inScheme"


def _langs(q: CannedQuery) -> list[Parameter]:
    return [p for p in q.params if p.type == "language"]


def facets(q: CannedQuery) -> list[Parameter]:
    """The parameters whose values each get their own materialised rows: iri (with a class or scheme) and enum
    parameters of a grouped query (a facet's run adds it to the GROUP BY)."""
    if not _GROUP_BY.search(q.text):
        return []
    return [p for p in q.params if p.type != "language" and (p.type == "enum" or (p.type == "iri" and (p.classes or p.scheme)))]


def materialisable(q: CannedQuery) -> bool:
    """A pageable query that runs without parameters (provenance needs its entity) and has one language at most.
    Parameters that are no facet (events' year and since) are answered by the plain query."""
    return q.pageable and len(_langs(q)) <= 1 and not any(p.required for p in q.params)


def set_key(query: str, lang: str, facet: str = "") -> str:
    return f"{query}|{lang.lower()}|{facet}"


def facet_key(p: Parameter, term: Identifier) -> str:
    return f"{p.name}={term.n3()}"


# --------------------------------------------------------------------------- pages


def page(q: CannedQuery, values: dict[str, list[str]] | dict[str, str], limit: int, offset: int = 0) -> str:
    """The query for one page (``limit + 1`` rows from ``offset``), read from the materialised rows when they can
    answer it, else ``q.page``. Parameters are validated and bound as terms either way (ParameterError)."""
    return fast_page(q, values, limit, offset) or q.page(values, limit, offset)


def fast_page(q: CannedQuery, values: dict[str, list[str]] | dict[str, str], limit: int, offset: int = 0) -> str | None:
    """The page read from ``SUMMARY_GRAPH``, or None when the materialised rows cannot answer these parameters."""
    bound = q.bind(values)  # validates: the same errors as the plain query
    if not materialisable(q):
        return None
    langs = _langs(q)
    lang = str(bound[langs[0].name][0]) if langs and langs[0].name in bound else ""
    given = [p for p in facets(q) if p.name in bound]
    if len(given) > 1 or any(p.name in bound and p.type != "language" and p not in given for p in q.params):
        return None
    limit, offset = max(0, int(limit)), max(0, int(offset))
    if given and len(bound[given[0].name]) > 1:  # several values of one facet: their sets merged by rank
        if given[0].name not in q.variables:  # a row can be in several sets (a statement about two themes): plain
            return None
        keys = [set_key(q.name, lang, facet_key(given[0], t)) for t in bound[given[0].name]]
        rows = (f"VALUES ?set {{ {' '.join(Literal(k).n3() for k in keys)} }}\n"
                f"      ?row sgs:set ?set ; sgs:rank ?rank")
        skip = offset
    else:
        key = set_key(q.name, lang, facet_key(given[0], bound[given[0].name][0]) if given else "")
        first, last = offset // BUCKET, (offset + limit) // BUCKET
        buckets = [Literal(f"{key}|{i}").n3() for i in range(first, last + 1)]
        rows = f"VALUES ?bucket {{ {' '.join(buckets)} }}\n      ?row sgs:bucket ?bucket ; sgs:rank ?rank"
        skip = offset - first * BUCKET
    columns = "\n  ".join(f"OPTIONAL {{ GRAPH <{SUMMARY_GRAPH}> {{ ?row <{column(v)}> ?{v} }} }}" for v in q.variables)
    return (f"# {q.name}: one page of the rows materialised at build time (smartgraph.summaries)\n"
            f"PREFIX sgs: <{SUMMARY_NS}>\n"
            f"SELECT {' '.join('?' + v for v in q.variables)}\nWHERE {{\n"
            f"  {{ SELECT ?row ?rank WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{\n      {rows} }} }}\n"
            f"    ORDER BY ?rank OFFSET {skip} LIMIT {limit + 1} }}\n"
            f"  {columns}\n}}\nORDER BY ?rank\n")


def column(variable: str) -> str:
    return f"{SUMMARY_NS}v-{variable}"


# --------------------------------------------------------------------------- build


@dataclass
class Refresh:
    rows: int = 0
    quads: int = 0
    seconds: float = 0.0


FRESH = f"ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{SUMMARY_MARKER}> ?v }} }}"


def fresh(store: Any) -> bool:
    """Whether the store's materialised rows are those of its current content (its marker triple is there).
    ``store`` is anything with ``select`` (an EmbeddedStore)."""
    res = store.select(FRESH)
    return bool(res.get("boolean"))


def _facet_text(q: CannedQuery, p: Parameter) -> str:
    """The query giving every value's rows at once: ``?p`` added to the outer GROUP BY (and projected)."""
    text = q.text
    matches = list(_GROUP_BY.finditer(text))
    last = matches[-1]
    if f"?{p.name}" not in last.group(1).split():
        text = f"{text[: last.end(1)].rstrip()} ?{p.name}{text[last.end(1):]}"
    if p.name not in q.variables:
        m = _SELECT.search(text)
        assert m is not None
        text = f"{text[: m.end()]} ?{p.name}{text[m.end():]}"
    return text


def _candidates(ox_store: Any, p: Parameter) -> tuple[Identifier, ...]:
    """Every value a facet can take: an enum's values; an iri parameter's instances of its classes or concepts of its scheme."""
    if p.type == "enum":
        return tuple(Literal(v) for v in p.values)
    classes = " ".join(URIRef(c).n3() for c in p.classes)  # a scheme's concepts, when it names one (skos:Concept is wider)
    where = f"?v <{_IN_SCHEME}> {URIRef(p.scheme).n3()}" if p.scheme else f"VALUES ?c {{ {classes} }} ?v <{_RDF_TYPE}> ?c"
    res = ox_store.query(f"SELECT DISTINCT ?v WHERE {{ {where} FILTER (isIRI(?v)) }}")
    return tuple(URIRef(r["v"].value) for r in res)


def _runs(q: CannedQuery, ox_store: Any) -> Iterator[tuple[str, str, Parameter | None, str]]:
    """(lang, facet name, facet, query text) of each run that materialises ``q``."""
    langs = _langs(q)
    for lang in (LANGUAGES if langs else ("",)):
        base: dict[str, tuple[Identifier, ...]] = {langs[0].name: (Literal(lang),)} if langs else {}
        yield lang, "", None, with_values(q.text, base)
        for p in facets(q):
            values = _candidates(ox_store, p)
            if values:
                yield lang, p.name, p, with_values(_facet_text(q, p), {**base, p.name: values})


def _quads(q: CannedQuery, ox_store: Any, counter: list[int]) -> Iterator[Any]:
    import pyoxigraph as ox

    graph = ox.NamedNode(SUMMARY_GRAPH)
    rank_p, bucket_p, set_p = (ox.NamedNode(SUMMARY_NS + n) for n in ("rank", "bucket", "set"))
    cols = {v: ox.NamedNode(column(v)) for v in q.variables}
    for lang, _, p, text in _runs(q, ox_store):
        seen: dict[str, int] = {}
        for rank, row in enumerate(ox_store.query(text)):
            if p is None:
                key = set_key(q.name, lang)
            else:
                value = row[p.name]
                if value is None:
                    continue
                key = set_key(q.name, lang, f"{p.name}={_n3(value)}")
            i = seen[key] = seen.get(key, -1) + 1
            counter[0] += 1
            node = ox.NamedNode(f"{SUMMARY_NS}r{counter[0]}")
            yield ox.Quad(node, rank_p, ox.Literal(str(rank), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), graph)
            yield ox.Quad(node, bucket_p, ox.Literal(f"{key}|{i // BUCKET}"), graph)
            if p is not None:
                yield ox.Quad(node, set_p, ox.Literal(key), graph)
            for v, pred in cols.items():
                term = row[v]
                if term is not None:
                    yield ox.Quad(node, pred, term, graph)


def _n3(term: Any) -> str:
    """A pyoxigraph term written as rdflib writes the bound parameter (``Identifier.n3``), so that keys match."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value).n3()
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language).n3()
        return Literal(term.value, datatype=None if term.datatype.value.endswith("#string") else URIRef(term.datatype.value)).n3()
    return str(term)


def refresh(ox_store: Any, catalog: Catalog, queries: Iterable[str] | None = None) -> Refresh:
    """Recompute every materialisable canned query's rows into ``SUMMARY_GRAPH`` and put the marker back.

    ``ox_store``: a writable pyoxigraph store whose default graph is the union of its named graphs. The
    marker goes first and comes back last, so a failure in between leaves the plain queries answering.
    Load ``catalog`` outside: rdflib's query parser keeps the frames that called it alive in reference
    cycles, and one holding ``ox_store`` would keep the store open (and locked) after it is closed."""
    import pyoxigraph as ox

    t = time.perf_counter()
    graph = ox.NamedNode(SUMMARY_GRAPH)
    ox_store.remove_graph(graph) if ox_store.contains_named_graph(graph) else None
    out = Refresh()
    counter = [0]
    wanted = set(queries) if queries is not None else None
    for q in catalog:
        if not materialisable(q) or (wanted is not None and q.name not in wanted):
            continue
        quads = list(_quads(q, ox_store, counter))
        ox_store.bulk_extend(quads)
        out.quads += len(quads)
    out.rows = counter[0]
    ox_store.add(ox.Quad(graph, ox.NamedNode(SUMMARY_MARKER), ox.Literal("1"), graph))
    out.seconds = time.perf_counter() - t
    return out
