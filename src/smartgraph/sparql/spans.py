"""The provenance query's rows of each quoted span, kept beside the span's release, so that an entity's sources are
a few look-ups.

The canned query ``provenance`` (queries/provenance.rq) joins each fact that names an entity to its quoted spans,
and each span to its document, file, offsets and quote: about a dozen index look-ups a span on disk (0.6 ms for a
person with a few facts at 10,000 releases, 50-80 ms for a city that hundreds of facts name, bench/). A span's part
of that join reads its own release only (its IRI is minted under its document), so it is kept, one literal a row,
in the derived graph ``SPANS_GRAPH`` (like the summaries' graph: not in the default graph, not exported, not listed):

- ``<span> sgs:quoted "{...}"``: the cells ``document``, ``source``, ``start``, ``end``, ``quote`` of one row of
  the span's join, in SPARQL JSON;
- ``<graph> sgs:span <span>``: the release graph a span's rows came from, to take them away with it.

Every write of the embedded store keeps them (``smartgraph.sparql.store``): a new release's rows go in with its
quads (a build's worker processes make them, ``nquads``), a replaced or removed release's rows are taken away in
the same update (``forget``). A SPARQL Update written by hand may change anything, so it takes away the marker
``TRUSTED`` (``UNTRUST``), and the next build's refresh of the summaries writes every row again from the store
(``from_store``). The server answers the provenance query from these rows (``page``) only while both markers say
the derived rows are those of the store's content, and only for the query they were written for (``answers``): an
edited provenance.rq is answered by its plain text.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import compress
from typing import Any, TypeVar

from smartgraph import ntlines
from smartgraph.sparql.results import XSD_STRING, Cell, cell
from smartgraph.sparql.union import UNTRUST
from smartgraph.vocab import NOT_DERIVED, SPANS_GRAPH, SPANS_TRUSTED, SUMMARY_NS, canonical_lang

T = TypeVar("T")

__all__ = ["ASK_TRUSTED", "COLUMNS", "QUOTED", "SPAN", "TRUSTED", "UNTRUST", "Row", "answers", "digest", "forget", "from_store",
           "json_page", "nquads", "nquads_of", "nquads_of_lines", "page", "replace", "trust", "trusted"]

QUOTED = SUMMARY_NS + "quoted"
SPAN = SUMMARY_NS + "span"
TRUSTED = SPANS_TRUSTED  # on SPANS_GRAPH itself: every release's span rows are written and right
ASK_TRUSTED = f"ASK {{ GRAPH <{SPANS_GRAPH}> {{ <{SPANS_GRAPH}> <{TRUSTED}> ?v }} }}"

_OA = "http://www.w3.org/ns/oa#"
_HAS_SOURCE, _HAS_SELECTOR, _START, _END, _EXACT = (_OA + n for n in ("hasSource", "hasSelector", "start", "end", "exact"))
_POSITION, _QUOTE = _OA + "TextPositionSelector", _OA + "TextQuoteSelector"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_NIL = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
_DCT_SOURCE = "http://purl.org/dc/terms/source"
_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_READ = frozenset((_HAS_SOURCE, _HAS_SELECTOR, _START, _END, _EXACT, _TYPE, _DCT_SOURCE))
COLUMNS = ("fact", "document", "source", "start", "end", "quote")

# the query these rows answer: its SPARQL (comments and blank space aside), as queries/provenance.rq has it
_ANSWERS = "0749024ef59784f9"


def _body(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"(?m)(?:^|(?<=\s))#.*$", "", text)).strip()


def digest(text: str) -> str:
    """The digest ``answers`` compares: of the query's SPARQL, its comments (and ``#+`` header) and spacing aside
    (a ``#`` after a space or at a line's start begins a comment: none stands so in the provenance query's IRIs)."""
    return hashlib.blake2b(_body(text).encode("utf-8"), digest_size=8).hexdigest()


def answers(text: str) -> bool:
    """Whether ``page`` gives the rows of this canned query text (the bundled provenance query)."""
    return digest(text) == _ANSWERS


# --------------------------------------------------------------------------- rows


def _json(row: Any) -> str:
    return _ENCODE(row)


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # json.dumps would make an encoder a row


def _rows(triples: Iterable[Any]) -> Iterator[tuple[Any, str]]:
    """(span, its row's cells as JSON) of every solution of the provenance query's span pattern over ``triples``
    (pyoxigraph triples or quads): ``?span oa:hasSource ?document ; oa:hasSelector ?pos , ?q . ?pos a
    oa:TextPositionSelector ; oa:start ?start ; oa:end ?end . ?q a oa:TextQuoteSelector ; oa:exact ?quote .
    ?document dct:source ?source``."""
    plain = ((t.subject, t.predicate.value, t.object) for t in triples)
    for span, doc, source, start, end, quote in _join(plain, lambda t: t.value if hasattr(t, "value") else None):
        yield span, _json({"document": cell(doc), "source": cell(source), "start": cell(start), "end": cell(end),
                           "quote": cell(quote)})


def _join(triples: Iterable[tuple[T, str, T]], value: Callable[[T], str | None]) -> Iterator[tuple[T, T, T, T, T, T]]:
    """(span, document, source, start, end, quote) of every solution of ``_rows``' pattern over (subject, predicate IRI,
    object) triples of any kind of term; ``value``: a term's IRI or literal value (a selector's type), None for others."""
    by: dict[T, dict[str, list[T]]] = {}
    for s, p, o in triples:
        if p in _READ:
            by.setdefault(s, {}).setdefault(p, []).append(o)
    empty: dict[str, list[T]] = {}
    for span, props in by.items():
        docs, selectors = props.get(_HAS_SOURCE), props.get(_HAS_SELECTOR)
        if not docs or not selectors:
            continue
        positions: list[tuple[T, T]] = []
        quotes: list[T] = []
        for sel in selectors:
            of = by.get(sel, empty)
            types = {value(t) for t in of.get(_TYPE, ())}
            if _POSITION in types:
                positions += [(a, b) for a in of.get(_START, ()) for b in of.get(_END, ())]
            if _QUOTE in types:
                quotes += of.get(_EXACT, [])
        if not positions or not quotes:
            continue
        for doc in docs:
            for source in by.get(doc, empty).get(_DCT_SOURCE, ()):
                for start, end in positions:
                    for quote in quotes:
                        yield span, doc, source, start, end, quote


_READ_TERMS = {f"<{p}>": p for p in _READ}
_PLAIN_IRI = re.compile(r"<[^<>\\\s]*>")
_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*)|\^\^(<[^<>\\\s]*>))?')
_ECHAR = re.compile(r"\\(.)")
_ECHARS = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class _Unusual(Exception):
    """A term ``_text_rows`` does not read (a \\u escape, a blank node): pyoxigraph parses the graph."""


def _unescape(text: str) -> str:
    """A literal's value from its N-Triples text (ECHAR escapes; ``_Unusual`` for UCHAR ones)."""
    if "\\" not in text:
        return text
    try:
        return _ECHAR.sub(lambda m: _ECHARS[m.group(1)], text)
    except KeyError:
        raise _Unusual(text) from None


def _text_cell(term: str) -> Cell:
    """``cell`` of an N-Triples term: an IRI without escapes or a literal (``_Unusual`` for others)."""
    if _PLAIN_IRI.fullmatch(term):
        return {"type": "uri", "value": term[1:-1]}
    m = _LITERAL.fullmatch(term)
    if m is None:
        raise _Unusual(term)
    body, lang, datatype = m.groups()
    value = _unescape(body)
    if lang:
        return {"type": "literal", "value": value, "xml:lang": canonical_lang(lang)}
    if datatype is None:
        return {"type": "literal", "value": value}
    dt = _text_cell(datatype)["value"]
    return {"type": "literal", "value": value} if dt == XSD_STRING else {"type": "literal", "value": value, "datatype": dt}


def _text_rows(text: str) -> list[tuple[str, str]]:
    """``_rows`` of a graph given as N-Triples text, read from its lines with a predicate the rows read (the others,
    the document's text among them, change nothing), terms as N-Triples text; ``_Unusual`` for a term it does not
    read (as pyoxigraph would: an escape, a blank node)."""
    triples = []
    for line in text.split("\n"):  # LF ends a line: N-Triples escapes it in literals
        at = line.find(" ") + 1
        after = line.find(" ", at)
        p = _READ_TERMS.get(line[at:after]) if at else None
        if p is not None:
            if not line.endswith(" ."):
                raise _Unusual(line)
            triples.append((line[:at - 1], p, line[after + 1:-2]))
    return _rows_of_text(triples)


# N-Triples terms -> (their cell, the cell as JSON), kept from one release to the next (selector types, offsets), up to
# CELLS_KEPT
_CELLS: dict[str, tuple[Cell, str]] = {}
CELLS_KEPT = 20_000


def _rows_of_text(triples: list[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """``_text_rows`` of the (subject, predicate IRI, object) triples read, terms as N-Triples text."""
    cells = _CELLS
    if len(cells) >= CELLS_KEPT:
        cells.clear()

    def of(term: str) -> tuple[Cell, str]:
        c = cells.get(term)
        if c is None:
            made = _text_cell(term)
            c = cells[term] = (made, _json(made))
        return c

    rows = []
    # a row as _json writes the dictionary of its five cells: the cells' JSON joined (no space, no key sorted)
    for span, doc, source, start, end, quote in _join(triples, lambda t: of(t)[0]["value"] if t[:1] in "<\"" else None):
        if not _PLAIN_IRI.fullmatch(span):
            raise _Unusual(span)
        rows.append((span, f'{{"document":{of(doc)[1]},"source":{of(source)[1]},"start":{of(start)[1]},"end":{of(end)[1]},'
                           f'"quote":{of(quote)[1]}}}'))
    return rows


def nquads(graph: str, triples: Iterable[Any], end: str = f" <{SPANS_GRAPH}> .\n") -> str:
    """The rows of a release graph's spans as N-Quads of ``SPANS_GRAPH``, with the triples that tie them to ``graph``
    (``end=" .\\n"``: as N-Triples, for an INSERT DATA). ``triples``: the graph's (pyoxigraph terms), e.g.
    ``pyoxigraph.parse`` of its N-Triples."""
    return _lines(graph, _rows(triples), end)[0]


def _lines(graph: str, rows: Iterable[tuple[Any, str]], end: str) -> tuple[str, set[str]]:
    """``nquads`` of (span, row) pairs, and the spans the rows are of (N-Triples terms)."""
    import pyoxigraph as ox

    out: list[str] = []
    seen: set[str] = set()
    for span, row in rows:
        term = str(span)
        if term not in seen:
            seen.add(term)
            out.append(f"<{graph}> <{SPAN}> {term}{end}")
        out.append(f"{term} <{QUOTED}> {ox.Literal(row)}{end}")
    return "".join(out), seen


def nquads_of(graph: str, nt: str | bytes) -> str:
    """``nquads`` of a graph given as N-Triples text (read as text: pyoxigraph parses it only for a term with an escape
    or a blank node, and builds a Python object for every term of every line, ten times the time)."""
    import pyoxigraph as ox

    text = nt.decode("utf-8") if isinstance(nt, bytes) else nt
    try:
        return _lines(graph, _text_rows(text), f" <{SPANS_GRAPH}> .\n")[0]
    except _Unusual:
        data = text.encode("utf-8")
        return nquads(graph, ox.parse(data, format=ox.RdfFormat.N_TRIPLES)) if data else ""


def nquads_of_lines(graph: str, lines: ntlines.Lines) -> str:
    """``nquads_of`` of N-Triples split already (``ntlines.split``): only the lines with a predicate the rows read are
    looked at."""
    import pyoxigraph as ox

    read = _READ_TERMS
    subjects, predicates, objects = lines.subjects, lines.predicates, lines.objects
    triples = [(subjects[i], read[predicates[i]], objects[i]) for i in compress(range(len(predicates)), map(read.__contains__, predicates))]
    try:
        return _lines(graph, _rows_of_text(triples), f" <{SPANS_GRAPH}> .\n")[0]
    except _Unusual:
        return nquads(graph, ox.parse(lines.text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))


def replace(graph: str, triples: Iterable[Any]) -> str:
    """The update that takes away a release graph's span rows and writes those of its new triples (end it with `` ;``)."""
    rows, spans = _lines(graph, _rows(triples), " .\n")
    text = forget([graph])
    if spans:  # rows a write cut short may have left without their graph's link
        text += (f" ;\nDELETE {{ GRAPH <{SPANS_GRAPH}> {{ ?span <{QUOTED}> ?row }} }} WHERE {{ VALUES ?span {{ {' '.join(sorted(spans))} }} "
                 f"GRAPH <{SPANS_GRAPH}> {{ ?span <{QUOTED}> ?row }} }}")
    if rows:
        text += f" ;\nINSERT DATA {{ GRAPH <{SPANS_GRAPH}> {{\n{rows}}} }}"
    return text


def forget(graphs: Iterable[str]) -> str:
    """The update that takes away the span rows of these release graphs (end it with `` ;`` to go on)."""
    names = " ".join(f"<{g}>" for g in graphs)
    if not names:
        return ""
    s = f"<{SPANS_GRAPH}>"
    return (f"DELETE {{ GRAPH {s} {{ ?span <{QUOTED}> ?row }} }} WHERE {{ VALUES ?g {{ {names} }} "
            f"GRAPH {s} {{ ?g <{SPAN}> ?span . ?span <{QUOTED}> ?row }} }} ;\n"
            f"DELETE {{ GRAPH {s} {{ ?g <{SPAN}> ?span }} }} WHERE {{ VALUES ?g {{ {names} }} GRAPH {s} {{ ?g <{SPAN}> ?span }} }}")


def trusted(ox_store: Any) -> bool:
    import pyoxigraph as ox

    graph = ox.NamedNode(SPANS_GRAPH)
    return next(iter(ox_store.quads_for_pattern(graph, ox.NamedNode(TRUSTED), None, graph)), None) is not None


def trust(ox_store: Any) -> None:
    import pyoxigraph as ox

    graph = ox.NamedNode(SPANS_GRAPH)
    ox_store.add(ox.Quad(graph, ox.NamedNode(TRUSTED), ox.Literal("1"), graph))


_ALL = (f"SELECT ?g ?span ?document ?source ?start ?end ?quote WHERE {{ GRAPH ?g {{ ?span <{_HAS_SOURCE}> ?document ; "
        f"<{_HAS_SELECTOR}> ?pos , ?q . ?pos a <{_POSITION}> ; <{_START}> ?start ; <{_END}> ?end . "
        f"?q a <{_QUOTE}> ; <{_EXACT}> ?quote . ?document <{_DCT_SOURCE}> ?source . }} FILTER ({NOT_DERIVED}) }}")


def from_store(ox_store: Any, batch_bytes: int = 32 << 20) -> int:
    """Write every release graph's span rows again from the store (after an update written by hand, or on a store made
    before the rows were kept), and mark them trusted. Returns the rows written. One query joins each graph's spans
    within the graph, as ``nquads`` does (about 40 s at 10,000 releases); the old rows go with their graph, at once."""
    import pyoxigraph as ox

    if ox_store.contains_named_graph(ox.NamedNode(SPANS_GRAPH)):
        ox_store.remove_graph(ox.NamedNode(SPANS_GRAPH))
    g_end = f" <{SPANS_GRAPH}> .\n"
    rows, text, size = 0, [], 0
    linked: set[tuple[str, str]] = set()
    for r in ox_store.query(_ALL):
        span = str(r["span"])
        link = (r["g"].value, span)
        if link not in linked:
            linked.add(link)
            text.append(f"<{link[0]}> <{SPAN}> {span}{g_end}")
        row = _json({"document": cell(r["document"]), "source": cell(r["source"]), "start": cell(r["start"]),
                     "end": cell(r["end"]), "quote": cell(r["quote"])})
        text.append(f"{span} <{QUOTED}> {ox.Literal(row)}{g_end}")
        rows += 1
        size += len(text[-1])
        if size >= batch_bytes:
            ox_store.bulk_load("".join(text).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
            text, size = [], 0
    if text:
        ox_store.bulk_load("".join(text).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    trust(ox_store)
    return rows


# --------------------------------------------------------------------------- pages


class Unusual(Exception):
    """Rows whose order the page cannot tell as SPARQL does (a start that is no xsd:integer, a file name that is no
    plain string): the plain query answers."""


def _key(fact: Any, row: dict[str, dict[str, str]]) -> tuple[Any, ...]:
    """The provenance query's ORDER BY ?source ?start ?fact ?end ?quote ?document, for the kinds of terms it meets."""
    source, start, end, quote = row["source"], row["start"], row["end"], row["quote"]
    if ("datatype" in source or "xml:lang" in source or start.get("datatype") != _XSD_INTEGER
            or end.get("datatype") != _XSD_INTEGER or "datatype" in quote or "xml:lang" in quote):
        raise Unusual
    return (source["value"], int(start["value"]), 0 if fact["type"] == "bnode" else 1, fact["value"],
            int(end["value"]), quote["value"], row["document"]["value"])


class Row(dict[str, dict[str, str]]):
    """A row of a page (its cells by column, ``COLUMNS`` in order) and ``text``: the row in SPARQL JSON as
    ``serialize_select`` writes it, spliced from the stored row, so that a page in SPARQL JSON is written without
    encoding its cells again (``json_page``)."""

    __slots__ = ("text",)
    text: str


_ROW_KEYS = ("document", "source", "start", "end", "quote")
_HEADS: dict[tuple[str, ...], str] = {}


def json_page(names: Iterable[str], rows: list[Any]) -> bytes | None:
    """A page in SPARQL JSON, its rows' ``Row.text`` joined; None unless every row carries one."""
    texts = [r.text for r in rows if isinstance(r, Row)]
    if len(texts) != len(rows):
        return None
    names = tuple(names)
    head = _HEADS.get(names)
    if head is None:
        head = _HEADS[names] = f'{{"head":{{"vars":{_ENCODE(list(names))}}},"results":{{"bindings":['
    return (head + ",".join(texts) + "]}}").encode("utf-8")


def page(ox_store: Any, entity: str, limit: int, offset: int = 0) -> tuple[list[dict[str, dict[str, str]]], bool] | None:
    """One page of the provenance query's rows for ``entity`` (an IRI), read from the span rows: (rows, whether more
    follow), or None when the plain query must answer (``Unusual`` rows, an IRI pyoxigraph refuses). ``ox_store``'s
    default graph is the union of its release graphs, and the caller has checked that its span rows are trusted and
    its summaries fresh (``ASK_TRUSTED``, ``summaries.FRESH``)."""
    import pyoxigraph as ox

    default, derived = ox.DefaultGraph(), ox.NamedNode(SPANS_GRAPH)
    quoted, was_derived = ox.NamedNode(QUOTED), ox.NamedNode(_DERIVED)
    keyed: list[tuple[tuple[Any, ...], Cell, str, dict[str, dict[str, str]], str]] = []
    try:
        target = ox.NamedNode(entity)
        facts = {target}  # ?fact (!rdf:nil)? ?entity: the entity itself, and every subject naming it but by rdf:nil
        facts.update(q.subject for q in ox_store.quads_for_pattern(None, None, target, default) if q.predicate.value != _NIL)
        for fact in facts:
            fcell = cell(fact)
            head = f'{{"fact":{_ENCODE(fcell)},'
            for d in ox_store.quads_for_pattern(fact, was_derived, None, default):
                for r in ox_store.quads_for_pattern(d.object, quoted, None, derived):
                    text = r.object.value
                    row = json.loads(text)
                    keyed.append((_key(fcell, row), fcell, head, row, text))
    except (Unusual, ValueError, KeyError):
        return None
    keyed.sort(key=lambda kr: kr[0])
    rows: list[dict[str, dict[str, str]]] = []
    for _, fcell, head, stored, text in keyed[offset:offset + limit]:
        out = Row(fact=fcell)
        for c in _ROW_KEYS:
            out[c] = stored[c]
        # the stored row is written by ``_json`` with its cells in ``_ROW_KEYS``' order (nothing else): spliced after the
        # fact's cell it is the row as ``serialize_select`` writes it; a row stored otherwise is written again
        out.text = head + text[1:] if text.startswith('{"document":') and tuple(stored) == _ROW_KEYS else _ENCODE(out)
        rows.append(out)
    return rows, len(keyed) > offset + limit
