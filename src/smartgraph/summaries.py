"""Canned queries' results materialised at build time, so that any page of them is a few index look-ups.

Why: on disk, Oxigraph answers a grouped and sorted canned query by joining every row by index look-ups
and sorting all of them before the first page (seconds at 10,000 releases, README "Performance"). Here
each build ends by running every *materialisable* canned query once per language over the union, and
keeping its rows, in order, in the derived graph ``SUMMARY_GRAPH``:

- a *facet* is a parameter other than the language (``officials``' country, ``statements``' theme):
  the query is run once with the parameter bound to all its candidate values at once and added to the
  GROUP BY, which gives, for every value, exactly the rows the query gives with that value bound (a facet
  that is a grouped, projected variable bound by a plain triple pattern takes its sets from the whole list);
- each set's rows are cut into *buckets* where their content says (``_buckets``); a bucket is named by its
  set and the digest of its rows, and carries its set (``sgs:set "QUERY|lang|param=VALUE"``), its first
  row's rank (``sgs:start``), its size and the hundreds of rows it holds (``sgs:page "KEY|k"``); a row is a
  resource with its bucket (``sgs:in``), its place in it (``sgs:pos``) and one triple per bound result
  variable (``sgs:v-NAME``).

A page is then: the buckets of its hundreds by exact look-up, and the columns of its rows only. Any page, any
parameter value, costs the same. Several values of one facet merge their sets by the query's ORDER BY. Two
facet parameters given together, or a parameter that is not a facet (events' year and since), fall back to
the plain query.

Every build refreshes the graph (``refresh``): the queries run again, and only the buckets the store does not
hold are written (a few, when a few releases changed); buckets no set has any more lose their bucket triples,
their rows left unreachable as garbage until a whole refresh.

The graph is not part of the default graph (the union users query), is not exported, and is trusted only
while it carries its marker triple (``MARKER``): every write to the store takes the marker away first,
and only a build's ``refresh`` puts it back. A store without it answers with the plain queries.
"""

from __future__ import annotations

import gc
import hashlib
import re
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Identifier, Variable

from smartgraph.queries import LANGUAGES, CannedQuery, Catalog, Parameter, with_values
from smartgraph.sparql import spans
from smartgraph.sparql.union import STALE
from smartgraph.vocab import SUMMARY_GRAPH, SUMMARY_MARKER, SUMMARY_NS

__all__ = ["FRESH", "SUMMARY_GRAPH", "Refresh", "facets", "fast_page", "fresh", "materialisable", "page", "refresh"]

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
    names = " ".join("?" + v for v in q.variables)
    head = f"# {q.name}: one page of the rows materialised at build time (smartgraph.summaries)\nPREFIX sgs: <{SUMMARY_NS}>\n"
    if given and len(bound[given[0].name]) > 1:  # several values of one facet: their sets merged in the query's order
        order = _order(q)
        if given[0].name not in q.variables or order is None:  # a row can be in several sets (a statement about two themes)
            return None
        keys = " ".join(Literal(set_key(q.name, lang, facet_key(given[0], t))).n3() for t in bound[given[0].name])
        columns = "\n      ".join(f"OPTIONAL {{ ?row <{column(v)}> ?{v} }}" for v in q.variables)
        return (f"{head}SELECT {names}\nWHERE {{\n"
                f"  {{ SELECT ?rank {names} WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{\n"
                f"      VALUES ?set {{ {keys} }}\n"
                f"      ?bucket sgs:set ?set ; sgs:start ?start . ?row sgs:in ?bucket ; sgs:pos ?pos .\n"
                f"      BIND (?start + ?pos AS ?rank)\n      {columns} }} }}\n"
                f"    ORDER BY {order} ?rank OFFSET {offset} LIMIT {limit + 1} }}\n}}\nORDER BY {order} ?rank\n")
    key = set_key(q.name, lang, facet_key(given[0], bound[given[0].name][0]) if given else "")
    last = offset + limit  # limit + 1 rows: the last one says whether there is a next page
    pages = " ".join(Literal(f"{key}|{k}").n3() for k in range(offset // PAGE_INDEX, last // PAGE_INDEX + 1))
    columns = "\n  ".join(f"OPTIONAL {{ GRAPH <{SUMMARY_GRAPH}> {{ ?row <{column(v)}> ?{v} }} }}" for v in q.variables)
    return (f"{head}SELECT {names}\nWHERE {{\n"
            f"  {{ SELECT DISTINCT ?row ?rank WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{\n"
            f"      VALUES ?page {{ {pages} }}\n"
            f"      ?bucket sgs:page ?page ; sgs:start ?start .\n"
            f"      ?row sgs:in ?bucket ; sgs:pos ?pos .\n"
            f"      BIND (?start + ?pos AS ?rank)\n"
            f"      FILTER (?rank >= {offset} && ?rank <= {last}) }} }} }}\n"
            f"  {columns}\n}}\nORDER BY ?rank\n")


_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.I)
_CONDITION = re.compile(r"\?(\w+)|(?:ASC|DESC)\s*\(\s*\?(\w+)\s*\)", re.I)


def _order(q: CannedQuery) -> str | None:
    """The query's own ORDER BY conditions, when each is a projected variable (or ASC/DESC of one), else None."""
    found = list(_ORDER_BY.finditer(q.text))
    if not found:
        return ""
    conditions = re.findall(r"(?:ASC|DESC)\s*\([^)]*\)|\S+", q.text[found[-1].end():], re.I)
    if not all((m := _CONDITION.fullmatch(c)) and (m.group(1) or m.group(2)) in q.variables for c in conditions):
        return None
    return " ".join(conditions)


def column(variable: str) -> str:
    return f"{SUMMARY_NS}v-{variable}"


# --------------------------------------------------------------------------- build


@dataclass
class Refresh:
    """What a refresh did: ``rows`` the canned queries give (every set), ``quads`` written, ``removed`` buckets taken
    away or moved, ``garbage`` the rows no bucket reaches any more (this refresh's and those before), ``buckets``
    written of ``of`` buckets in all; ``whole`` when the graph was written again from nothing."""

    rows: int = 0
    quads: int = 0
    removed: int = 0
    garbage: int = 0
    buckets: int = 0
    of: int = 0
    whole: bool = True
    seconds: float = 0.0
    span_rows: int | None = None  # the spans' provenance rows written again from the store (sparql.spans), if they were


FRESH = f"ASK {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> <{SUMMARY_MARKER}> ?v }} }}"
COMPLETE = SUMMARY_NS + "complete"  # the rows are every set of some content of the store, each bucket's digest right
_XSD_INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
WRITE_BYTES = 32 << 20  # N-Quads a refresh gathers before it writes them (one bulk load)
DELETE_BUCKETS = 2_000  # buckets one SPARQL update takes away
GARBAGE = 1.0  # a refresh writes the rows whole when unreachable rows left by the ones before outnumber this share of them
PAGE_INDEX = 100  # a bucket says which hundreds of its set's rows it holds: a page finds its buckets by exact look-up
MIN_BUCKET, MAX_BUCKET, CUT = 16, 192, 48  # a bucket's rows: about MIN_BUCKET + CUT on average


def fresh(store: Any) -> bool:
    """Whether the store's materialised rows are those of its current content (its marker triple is there).
    ``store`` is anything with ``select`` (an EmbeddedStore)."""
    res = store.select(FRESH)
    return bool(res.get("boolean"))


def complete(ox_store: Any) -> bool:
    """Whether the rows a pyoxigraph store holds are whole sets, each bucket with its digest (a refresh ended), so that
    a refresh can write only the buckets whose rows changed. A refresh that was cut short leaves this false."""
    import pyoxigraph as ox

    graph = ox.NamedNode(SUMMARY_GRAPH)
    return next(iter(ox_store.quads_for_pattern(graph, ox.NamedNode(COMPLETE), None, graph)), None) is not None


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


def _runs(q: CannedQuery, ox_store: Any) -> Iterator[tuple[str, list[Parameter], Parameter | None, str]]:
    """(lang, facets read off the run's rows, facet run or None, query text) of each run that materialises ``q``."""
    langs = _langs(q)
    derived = [p for p in facets(q) if p.name in _row_facets(q)]
    for lang in (LANGUAGES if langs else ("",)):
        base: dict[str, tuple[Identifier, ...]] = {langs[0].name: (Literal(lang),)} if langs else {}
        yield lang, derived, None, with_values(q.text, base)
        for p in facets(q):
            if p in derived:
                continue
            values = _candidates(ox_store, p)
            if values:
                yield lang, [], p, with_values(_facet_text(q, p), {**base, p.name: values})


_ROW_FACETS: dict[str, frozenset[str]] = {}
_ROW_FACETS_NEW: list[str] = []  # queries parsed since the last refresh ended


def _row_facets(q: CannedQuery) -> frozenset[str]:
    """The variables whose facet sets are the whole list's rows with that value, in its order: grouped by, projected,
    and bound in every solution by a triple pattern outside any OPTIONAL, UNION, MINUS, GRAPH or subquery. Binding
    such a variable first (the facet run's VALUES) only keeps the solutions with that value, so its run is not needed."""
    if q.text not in _ROW_FACETS:
        from rdflib.plugins.sparql import prepareQuery

        node = prepareQuery(q.text).algebra
        while hasattr(node, "get") and node.name != "Group":
            node = node.get("p")
        found: frozenset[str] = frozenset()
        if getattr(node, "name", "") == "Group":
            keys = {str(e) for e in node.get("expr") or [] if isinstance(e, Variable)}
            found = frozenset(keys & _certain(node.p) & set(q.variables))
        _ROW_FACETS[q.text] = found
        _ROW_FACETS_NEW.append(q.name)
    return _ROW_FACETS[q.text]


def _certain(node: Any) -> set[str]:
    """The variables every solution of an algebra node binds from a triple pattern (an under-estimate: none for what
    is not plainly a join of triple patterns, filters and binds)."""
    name = getattr(node, "name", "")
    if name == "BGP":
        return {str(v) for t in node.triples for v in t if isinstance(v, Variable)}
    if name == "Join":
        return _certain(node.p1) | _certain(node.p2)
    if name in ("LeftJoin", "Minus"):
        return _certain(node.p1)
    if name in ("Filter", "Extend"):
        return _certain(node.p)
    return set()


def _sets(q: CannedQuery, ox_store: Any) -> Iterator[tuple[str, list[list[str]]]]:
    """Every set of ``q``'s rows (its key, its rows in order, each row its columns' terms as N-Triples, '' when unbound)."""
    for lang, derived, p, text in _runs(q, ox_store):
        sets: dict[str, list[list[str]]] = {}
        if p is None:
            whole = sets[set_key(q.name, lang)] = []  # an empty list is a set all the same
            read = [(d, {t.n3() for t in _candidates(ox_store, d)}) for d in derived]
            for row in ox_store.query(text):
                cells = ["" if (t := row[v]) is None else str(t) for v in q.variables]
                whole.append(cells)
                for d, values in read:
                    if (value := row[d.name]) is not None and (n3 := _n3(value)) in values:
                        sets.setdefault(set_key(q.name, lang, f"{d.name}={n3}"), []).append(cells)
        else:
            for row in ox_store.query(text):
                if (value := row[p.name]) is not None:
                    key = set_key(q.name, lang, f"{p.name}={_n3(value)}")
                    sets.setdefault(key, []).append(["" if (t := row[v]) is None else str(t) for v in q.variables])
        yield from sets.items()


def _set_id(query: str, key: str) -> str:
    return f"{query}-{hashlib.blake2b(key.encode('utf-8'), digest_size=8).hexdigest()}"


def _buckets(rows: list[str]) -> Iterator[tuple[int, int]]:
    """A set's rows cut into buckets, (start, end) each, where the rows' own content says (a row whose checksum is 0
    modulo CUT ends one, within MIN_BUCKET..MAX_BUCKET rows): a row added or taken away changes its bucket only,
    and the buckets after it keep their rows (they only start elsewhere)."""
    start = 0
    for i, row in enumerate(rows):
        n = i + 1 - start
        if n >= MAX_BUCKET or (n >= MIN_BUCKET and zlib.crc32(row.encode("utf-8")) % CUT == 0):
            yield start, i + 1
            start = i + 1
    if start < len(rows):
        yield start, len(rows)


def _pages(key: str, start: int, size: int) -> list[str]:
    """The page-index literals of a bucket (``"KEY|k"``: it holds rows of the k-th PAGE_INDEX rows of its set)."""
    return [str(_ox_literal(f"{key}|{k}")) for k in range(start // PAGE_INDEX, (start + size - 1) // PAGE_INDEX + 1)]


def _old_buckets(ox_store: Any) -> dict[str, dict[str, tuple[int, int]]]:
    """The buckets the store holds: set id -> bucket id -> (start, size)."""
    import pyoxigraph as ox

    out: dict[str, dict[str, tuple[int, int]]] = {}
    graph = ox.NamedNode(SUMMARY_GRAPH)
    at = len(SUMMARY_NS) + 2
    sizes = {q.subject.value[at:]: int(q.object.value) for q in ox_store.quads_for_pattern(None, ox.NamedNode(SUMMARY_NS + "size"), None, graph)}
    for quad in ox_store.quads_for_pattern(None, ox.NamedNode(SUMMARY_NS + "start"), None, graph):
        bid = quad.subject.value[at:]
        out.setdefault(bid.rsplit("-", 1)[0], {})[bid] = (int(quad.object.value), sizes.get(bid, 0))
    return out


class _Writer:
    """Writes buckets (N-Quads text, one bulk load at a time) and takes buckets away (a SPARQL update at a time)."""

    def __init__(self, ox_store: Any, out: Refresh) -> None:
        self.store, self.out = ox_store, out
        self.text: list[str] = []
        self.size = 0
        self.gone: list[str] = []  # buckets taken away
        self.moved: list[str] = []  # start triples taken away

    def remove(self, bid: str, size: int) -> None:
        """Take a bucket away. Its rows stay, unreachable (no page finds them but through it), and are counted
        as garbage: taking each quad away costs Oxigraph about 60 us, more than all else a small change does."""
        self.gone.append(f"<{SUMMARY_NS}b-{bid}>")
        self.out.garbage += size
        if len(self.gone) >= DELETE_BUCKETS:
            self.flush()

    def move(self, bid: str, key: str, size: int, old: int, new: int) -> None:
        """A bucket that starts at another row now: its start and its pages."""
        node = f"<{SUMMARY_NS}b-{bid}>"
        self.moved.append(f'{node} <{SUMMARY_NS}start> "{old}"^^{_XSD_INTEGER} .')
        self.moved.extend(f"{node} <{SUMMARY_NS}page> {page} ." for page in _pages(key, old, size))
        self.add(f'{node} <{SUMMARY_NS}start> "{new}"^^{_XSD_INTEGER} <{SUMMARY_GRAPH}> .\n'
                 + "".join(f"{node} <{SUMMARY_NS}page> {page} <{SUMMARY_GRAPH}> .\n" for page in _pages(key, new, size)))

    def add(self, text: str) -> None:
        self.text.append(text)
        self.size += len(text)
        if self.size >= WRITE_BYTES:
            self.flush()

    def flush(self) -> None:
        import pyoxigraph as ox

        g = f"<{SUMMARY_GRAPH}>"
        for at in range(0, len(self.gone), DELETE_BUCKETS):  # before the new quads: a bucket may come back
            nodes = " ".join(self.gone[at:at + DELETE_BUCKETS])
            self.store.update(f"DELETE {{ GRAPH {g} {{ ?b ?p ?o }} }} WHERE {{ VALUES ?b {{ {nodes} }} GRAPH {g} {{ ?b ?p ?o }} }}")
        for at in range(0, len(self.moved), DELETE_BUCKETS):
            self.store.update(f"DELETE DATA {{ GRAPH {g} {{\n{chr(10).join(self.moved[at:at + DELETE_BUCKETS])}\n}} }}")
        self.out.removed += len(self.gone) + len(self.moved)
        self.gone, self.moved = [], []
        if self.text:
            data = "".join(self.text).encode("utf-8")
            self.out.quads += data.count(b"\n")
            self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        self.text, self.size = [], 0


def _write_set(w: _Writer, query: str, key: str, rows: list[list[str]], columns: list[str],
               old: dict[str, tuple[int, int]]) -> None:
    """Write the buckets of one set that the store does not hold (``old``: bucket id -> start, size), move those it
    holds to their start, and take away the others."""
    g = f" <{SUMMARY_GRAPH}> .\n"
    set_id = _set_id(query, key)
    key_lit = str(_ox_literal(key))
    in_p, pos_p, set_p, start_p, size_p, page_p = (f"<{SUMMARY_NS}{n}>" for n in ("in", "pos", "set", "start", "size", "page"))
    preds = [f"<{column(v)}>" for v in columns]
    texts = ["\x00".join(row) for row in rows]
    seen: set[str] = set()
    w.out.rows += len(rows)
    for start, end in _buckets(texts):
        w.out.of += 1
        digest = hashlib.blake2b("\n".join(texts[start:end]).encode("utf-8"), digest_size=10).hexdigest()
        bid = f"{set_id}-{digest}"
        while bid in seen:  # the same rows twice in one set
            bid += "x"
        seen.add(bid)
        if bid in old:
            was, _ = old.pop(bid)
            if was != start:
                w.move(bid, key, end - start, was, start)
            continue
        bucket = f"<{SUMMARY_NS}b-{bid}>"
        lines = [f'{bucket} {set_p} {key_lit}{g}{bucket} {start_p} "{start}"^^{_XSD_INTEGER}{g}'
                 f'{bucket} {size_p} "{end - start}"^^{_XSD_INTEGER}{g}']
        lines.extend(f"{bucket} {page_p} {page}{g}" for page in _pages(key, start, end - start))
        for pos in range(end - start):
            node = f"<{SUMMARY_NS}r-{bid}-{pos}>"
            lines.append(f'{node} {in_p} {bucket}{g}{node} {pos_p} "{pos}"^^{_XSD_INTEGER}{g}')
            lines.extend(f"{node} {pred} {term}{g}" for pred, term in zip(preds, rows[start + pos], strict=True) if term)
        w.out.buckets += 1
        w.add("".join(lines))
    for bid, (_, size) in old.items():
        w.remove(bid, size)


def _ox_literal(value: str) -> Any:
    import pyoxigraph as ox

    return ox.Literal(value)


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


def refresh(ox_store: Any, catalog: Catalog, queries: Iterable[str] | None = None, *, whole: bool = False,
            garbage: float = GARBAGE) -> Refresh:
    """Make ``SUMMARY_GRAPH`` hold every materialisable canned query's rows of the store's content, and put the marker back.

    Every query runs again (a facet whose sets are the whole list's rows with its value is read off the whole
    list); each set's rows are cut into buckets where their content says (``_buckets``), and a bucket is named by
    the digest of its rows: only the buckets the store does not hold are written, those it holds that start at
    another row are moved, and those no set has any more are taken away (their rows left unreachable, counted
    as garbage). A build that changed a few releases so writes the few buckets their rows fall in. ``whole``, a
    store whose rows a refresh left unfinished, or garbage above ``garbage`` times the rows, writes the graph
    again from nothing. ``queries``: only these (the others' rows stay as they are).

    ``ox_store``: a writable pyoxigraph store whose default graph is the union of its named graphs. The
    marker goes first and comes back last, so a failure in between leaves the plain queries answering.
    Load ``catalog`` outside: rdflib's query parser keeps the frames that called it alive in reference
    cycles, and one holding ``ox_store`` would keep the store open (and locked) after it is closed."""
    import pyoxigraph as ox

    t = time.perf_counter()
    graph = ox.NamedNode(SUMMARY_GRAPH)
    ox_store.update(STALE)
    count = {p: next((int(q.object.value) for q in ox_store.quads_for_pattern(graph, ox.NamedNode(SUMMARY_NS + p), None, graph)), 0)
             for p in ("rows", "garbage")}
    out = Refresh(whole=whole or not complete(ox_store) or count["garbage"] > garbage * max(1, count["rows"]))
    if out.whole:
        ox_store.remove_graph(graph) if ox_store.contains_named_graph(graph) else None
    else:  # till every bucket is right; the counts are written again at the end
        ox_store.update(f"DELETE WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ <{SUMMARY_GRAPH}> ?p ?o }} }}")
        out.garbage = count["garbage"]
    if not spans.trusted(ox_store):  # after an update written by hand, or on a store older than the spans' rows
        out.span_rows = spans.from_store(ox_store)
    old = {} if out.whole else _old_buckets(ox_store)
    wanted = set(queries) if queries is not None else None
    w = _Writer(ox_store, out)
    for q in catalog:
        if not materialisable(q) or (wanted is not None and q.name not in wanted):
            continue
        seen: set[str] = set()
        for key, rows in _sets(q, ox_store):
            set_id = _set_id(q.name, key)
            seen.add(set_id)
            _write_set(w, q.name, key, rows, q.variables, old.get(set_id, {}))
        for set_id, buckets in old.items():  # sets no row of the store's content gives any more
            if set_id not in seen and set_id.rsplit("-", 1)[0] == q.name:
                for bid, (_, size) in buckets.items():
                    w.remove(bid, size)
    w.flush()
    integer = ox.NamedNode(_XSD_INTEGER[1:-1])
    live = out.rows if wanted is None else sum(size for sets in _old_buckets(ox_store).values() for _, size in sets.values())
    ox_store.extend([ox.Quad(graph, ox.NamedNode(SUMMARY_NS + "rows"), ox.Literal(str(live), datatype=integer), graph),
                     ox.Quad(graph, ox.NamedNode(SUMMARY_NS + "garbage"), ox.Literal(str(out.garbage), datatype=integer), graph),
                     ox.Quad(graph, ox.NamedNode(COMPLETE), ox.Literal("1"), graph),
                     ox.Quad(graph, ox.NamedNode(SUMMARY_MARKER), ox.Literal("1"), graph)])
    if _ROW_FACETS_NEW:  # rdflib's parser leaves reference cycles holding the frames that called it (and the store)
        _ROW_FACETS_NEW.clear()
        gc.collect()
    out.seconds = time.perf_counter() - t
    return out
