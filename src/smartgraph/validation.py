"""SHACL validation of document graphs against ontology/shapes.ttl, with the ontology and schemes as TBox.

Our engine (smartgraph.shacl, on pyoxigraph) does the work; pyshacl stays as the reference it is
compared with. A graph that does not conform is a result (a ``ValidationReport``), not an exception.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from functools import cache
from itertools import compress
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from smartgraph import ntlines, resources, shacl
from smartgraph.errors import ResourceError
from smartgraph.model import ValidationReport, Violation
from smartgraph.vocab import OA, PROV, SCHEMA, SH

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@cache
def shapes() -> Graph:
    g = Graph()
    try:
        g.parse(data=resources.read_text(resources.SHAPES), format="turtle")
    except Exception as e:  # rdflib raises several kinds of parse errors
        raise ResourceError(f"ontology/shapes.ttl does not parse: {e}", hint="fix the Turtle syntax") from e
    return g


@cache
def tbox() -> Graph:
    """The ontology and every SKOS scheme."""
    g = Graph()
    for f in resources.ontology_files():
        try:
            g.parse(data=f.read_text(encoding="utf-8"), format="turtle")
        except Exception as e:
            raise ResourceError(f"ontology file {f.name} does not parse: {e}", hint="fix the Turtle syntax") from e
    return g


@cache
def engine_shapes() -> shacl.Shapes:
    """The shapes, read once by our engine."""
    return shacl.parse_shapes(resources.read_text(resources.SHAPES))


@cache
def tbox_ntriples() -> bytes:
    import pyoxigraph as ox

    return ox.serialize([shacl.to_ox_triple(t) for t in tbox()], format=ox.RdfFormat.N_TRIPLES) or b""


def validate(data: Graph) -> ValidationReport:
    """Validate one graph (a document's) with the ontology and schemes as TBox."""
    out = data.serialize(format="nt")
    return validate_ntriples(out if isinstance(out, str) else out.decode("utf-8"))


def validate_ntriples(nt: str, lines: ntlines.Lines | None = None) -> ValidationReport:
    """Validate one document's graph given as N-Triples, with the ontology and schemes as TBox (``lines``: ``nt`` split
    already, ``ntlines.split``)."""
    with _LOCK:
        return _documents().validate(nt, lines)


class DocumentValidator:
    """Validates one document graph after another, each with the ontology and schemes as TBox.

    The TBox is read once into dictionaries (``shacl.Index``) and each document's triples beside them,
    without the triples the TBox already has, so that the two share none and are read as one. When the
    SPARQL-based constraints' queries match no predicate the TBox uses (``Shapes.sparql_predicates``:
    ours do not), the document alone goes into a new in-memory store for them (``alone``); otherwise
    the TBox is loaded into a graph of its own in a store kept from one document to the next (a new one
    every ``renew`` documents: Oxigraph's in-memory store keeps what was removed from it, and reads
    slow down as it piles up), and each document into a graph beside it, cleared after. The TBox's own
    focus nodes (every SKOS concept) are validated once: for a shape that reads only triples about its
    focus node, a node the document says nothing about keeps its result. The report is the one of a
    fresh store holding the TBox and the document (tests compare the two, both ways).

    A document written as the graph stage writes it (one ``<s> <p> o .`` a line, no blank node) takes a
    faster way (``_validate_lines``): its lines are indexed without a store, terms met before are reused,
    and only the lines the SPARQL-based constraints can match go into a store; anything else takes the
    way above."""

    TBOX = "urn:x-smartgraph:validation:tbox"
    DOCUMENT = "urn:x-smartgraph:validation:document:"

    def __init__(self, renew: int = 16) -> None:
        import pyoxigraph as ox

        self.renew = renew
        self._tbox = ox.NamedNode(self.TBOX)
        self._count = 0
        self.store = self._new_store()
        tbox = [(q.subject, q.predicate, q.object) for q in self.store.quads_for_pattern(None, None, None, self._tbox)]
        self._tbox_triples = set(tbox)
        self._tbox_subjects = {t[0] for t in tbox}
        self._tbox_index = shacl.Index()
        for t in tbox:
            self._tbox_index.add(*t)
        shapes = engine_shapes()
        read = shapes.sparql_predicates()
        # the SPARQL-based constraints match no TBox triple: they can run on a store holding the document alone
        self.alone = read is not None and read.isdisjoint(t[1].value for t in tbox)
        self.fast = True  # ``_validate_lines`` first (tests turn it off to compare)
        self.proofs = proofs(shapes)  # the queries a document's indexes can show to find no row (``_validate_lines``)
        self.prove = True  # tests turn it off to compare
        self._seeds: tuple[dict[str, Any], dict[str, Any]] | None = None  # ``_seed_terms``
        self._tbox_closures: dict[Any, set[Any]] = {}  # each class's subclasses in the TBox (``Validator.subclasses``)
        self._sparql_tokens = frozenset(f"<{p}>" for p in read or ())  # as written in N-Triples
        alone = shacl.Validator(shapes, self.store, graph=None)
        self.known: dict[Any, dict[Any, list[shacl.Result]]] = {shape.node: shacl.Known({f: alone.validate(f, shape) for f in alone.focus_nodes(shape)})
                      for shape in shapes.targeted if shapes.reads_only_its_focus(shape)}

    def _new_store(self) -> Any:
        import pyoxigraph as ox

        store = ox.Store()
        store.load(tbox_ntriples(), format=ox.RdfFormat.N_TRIPLES, to_graph=self._tbox)
        return store

    def _validate_lines(self, nt: str, split: ntlines.Lines | None = None) -> ValidationReport | None:
        """``validate`` for a graph written one triple a line, each ``<s> <p> o .`` with IRIs as subject and
        predicate and no blank node (as the graph stage writes it): the triples are indexed from the lines,
        only the terms not met before are made (by Oxigraph's parser, so that they are the terms a store
        would hold), and only the lines the SPARQL-based constraints can match (``Shapes.sparql_predicates``)
        go into a store (``split``: ``nt`` split already, ``ntlines.split``). None when a line is written another way
        (or does not parse): then the caller takes the way through a store holding the whole document, which also
        reports syntax errors."""
        import pyoxigraph as ox

        # every line "<s> <p> o ." (ending in " ."), its parts split at its first two spaces (``ntlines``)
        split = split if split is not None else ntlines.split(nt)
        if split is None:
            return None
        text_lines, s_col, p_col, o_col = split.lines, split.subjects, split.predicates, split.objects
        if len(_OBJECTS) + len(_IRIS) > _TOKENS_KEPT or not _IRIS:
            self._seed_terms()
        subjects, predicates, objects_ = set(s_col), set(p_col), set(o_col)
        new_iris = (subjects | predicates).difference(_IRIS)  # (a set's difference with a dict asks the dict)
        new_objects = objects_.difference(_OBJECTS)
        once: dict[str, Any] = {}
        if new_iris or new_objects:
            made = _make_terms(list(new_iris | new_objects))  # (a span's IRI is a subject and an object: made once)
            if made is None:
                return None
            # one object a term: an IRI met as a subject and as an object is the same object (dictionaries that
            # find their key by identity need not compare terms)
            for t in new_iris:
                made_term = _OBJECTS.get(t)
                if made_term is None:
                    made_term = made[t]
                if not isinstance(made_term, ox.NamedNode):  # a literal or a blank node as subject or predicate
                    return None
                _IRIS[t] = made_term
            for t in new_objects:
                made_term = made[t]
                if isinstance(made_term, ox.BlankNode):
                    return None
                if isinstance(made_term, ox.NamedNode):
                    made_term = _IRIS.get(t, made_term)
                (once if len(t) > _TOKEN_CHARS_KEPT and t[0] == '"' else _OBJECTS)[t] = made_term
        read = self._sparql_tokens
        # (pyoxigraph terms are never false)
        if once:  # (looked up with the others: in the dictionary for the time it takes)
            _OBJECTS.update(once)
            try:
                object_terms = list(map(_OBJECTS.__getitem__, o_col))
            finally:
                for t in once:
                    del _OBJECTS[t]
        else:
            object_terms = list(map(_OBJECTS.__getitem__, o_col))
        spo: dict[Any, dict[Any, list[Any]]] = {}
        tbox_subjects, tbox_triples = self._tbox_subjects, self._tbox_triples
        last: Any = None
        po: dict[Any, list[Any]] = {}
        in_tbox = False
        for s, p, o in zip(map(_IRIS.__getitem__, s_col), map(_IRIS.__getitem__, p_col), object_terms, strict=True):
            if s is not last:
                last = s
                got = spo.get(s)
                if got is None:
                    got = spo[s] = {}
                po = got
                in_tbox = s in tbox_subjects
            if in_tbox and (s, p, o) in tbox_triples:  # kept once, in the TBox's index
                continue
            objects = po.get(p)
            if objects is None:
                po[p] = [o]
            elif o not in objects:  # a triple written twice is one triple
                objects.append(o)
        index = shacl.Index.of(spo)
        known = self.known
        if not spo.keys().isdisjoint(tbox_subjects):  # a TBox node the document says something about: validated again
            known = {shape: shacl.Known({f: r for f, r in results.items() if f not in spo}) for shape, results in known.items()}
        store = ox.Store()

        def fill() -> None:  # the lines the queries read, once a query cannot be proved to find no row (``proofs``)
            lines = "".join(compress(text_lines, map(read.__contains__, p_col)))
            if lines:
                store.load(lines.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)

        closures = None if index.down else self._tbox_closures  # no subclass triple in the document: the TBox's classes
        validator = shacl.Validator(engine_shapes(), store, known=known, indexes=(self._tbox_index, index), closures=closures,
                                    proofs=self.proofs if self.prove else None, before_query=fill)
        return report_of(store, validator.run(), reader=validator)

    def _seed_terms(self) -> None:
        """The terms kept from one document to the next: none but the TBox's (so that a document's classes and
        concepts are the objects the TBox's dictionaries hold)."""
        import pyoxigraph as ox

        if self._seeds is None:
            iris: dict[str, Any] = {}
            objects: dict[str, Any] = {}
            for triple in self._tbox_triples:
                for t in triple:
                    if isinstance(t, ox.NamedNode):
                        iris.setdefault(f"<{t.value}>", t)
                        objects.setdefault(f"<{t.value}>", t)
                    elif isinstance(t, ox.Literal):
                        objects.setdefault(f"{t}", t)
            self._seeds = (iris, objects)
        _IRIS.clear()
        _OBJECTS.clear()
        _IRIS.update(self._seeds[0])
        _OBJECTS.update(self._seeds[1])

    def _index(self, quads: Any, store: Any) -> tuple[shacl.Index, Any]:
        """The document's triples but those the TBox has too (removed from ``store`` when given), and the
        results known for TBox nodes, but for those the document says something about."""
        spo: dict[Any, dict[Any, list[Any]]] = {}
        tbox_subjects, tbox_triples = self._tbox_subjects, self._tbox_triples
        for q in quads:
            s, p, o = q.subject, q.predicate, q.object
            po = spo.get(s)
            if po is None:
                po = spo[s] = {}
            if s in tbox_subjects and (s, p, o) in tbox_triples:  # kept once, in the TBox's graph
                if store is not None:
                    store.remove(q)
                continue
            objects = po.get(p)
            if objects is None:
                po[p] = [o]
            else:
                objects.append(o)
        index = shacl.Index.of(spo)
        known = self.known
        if not spo.keys().isdisjoint(tbox_subjects):  # a TBox node the document says something about: validated again
            known = {shape: shacl.Known({f: r for f, r in results.items() if f not in spo}) for shape, results in known.items()}
        return index, known

    def validate(self, nt: str, lines: ntlines.Lines | None = None) -> ValidationReport:
        """``lines``: ``nt`` split already (``ntlines.split``)."""
        import pyoxigraph as ox

        if self.alone and self.fast:
            report = self._validate_lines(nt, lines)
            if report is not None:
                return report
        if self.alone:  # a store of its own for the document (the SPARQL-based constraints' data), the TBox read from its index
            store = ox.Store()
            try:
                store.load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
            except SyntaxError as e:
                raise ResourceError(f"a document graph is not valid N-Triples: {e}",
                                    hint="report this as a bug in the graph stage") from None
            index, known = self._index(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None)
            validator = shacl.Validator(engine_shapes(), store, known=known, indexes=(self._tbox_index, index))
            return report_of(store, validator.run(), reader=validator)
        self._count += 1
        if self._count % self.renew == 0:
            self.store = self._new_store()
        store, name = self.store, f"{self.DOCUMENT}{self._count}"
        doc = ox.NamedNode(name)
        try:
            try:
                store.load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=doc)
            except SyntaxError as e:
                raise ResourceError(f"a document graph is not valid N-Triples: {e}",
                                    hint="report this as a bug in the graph stage") from None
            index, known = self._index(list(store.quads_for_pattern(None, None, None, doc)), store)
            validator = shacl.Validator(engine_shapes(), store, graph=None, known=known, indexes=(self._tbox_index, index))
            return report_of(store, validator.run(), graph=None, reader=validator)
        finally:
            store.clear_graph(doc)
            store.remove_graph(doc)


_LOCK = threading.Lock()
# N-Triples terms as written -> pyoxigraph terms, kept for the next documents: subjects' and predicates' IRIs,
# and objects
_IRIS: dict[str, Any] = {}
_OBJECTS: dict[str, Any] = {}
_TOKENS_KEPT = 20_000
_TOKEN_CHARS_KEPT = 300  # longer literals (a release's text) are made for one document only


def _make_terms(tokens: list[str]) -> dict[str, Any] | None:
    """The pyoxigraph terms of N-Triples terms as written (each parsed as the object of a triple, by Oxigraph), None
    when one is not a term."""
    import pyoxigraph as ox

    made: dict[str, Any] = {}
    rest = []
    for t in tokens:  # an IRI written without an escape is the IRI between its brackets (a third of the parser's time)
        if t[:1] == "<" and t[-1:] == ">" and "\\" not in t:
            try:
                made[t] = ox.NamedNode(t[1:-1])
                continue
            except ValueError:  # not an IRI: the parser says why (a document's graph the store reads then)
                pass
        rest.append(t)
    if not rest:
        return made
    text = "".join(f"<urn:x:s> <urn:x:p> {t} .\n" for t in rest)
    try:
        terms = [t.object for t in ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]
    except SyntaxError:
        return None
    if len(terms) != len(rest):
        return None
    made.update(zip(rest, terms, strict=True))
    return made


# ---- the SPARQL-based constraints of ontology/shapes.ttl, proved to find no row without running them
#
# A document's graph nearly always conforms: then reading its indexes shows that a query can find no row, and the
# query is not run (nor the store it needs filled). Each proof says True only when no row can be found; anything
# it does not read the plain way (a literal of another form, an offset out of the text, a quote that differs) makes
# it say False, and the query runs as before. A query not listed here (shapes.ttl changed) always runs; tests check
# that every query of shapes.ttl has its proof and that the reports are the same with and without them.

_XSD = "http://www.w3.org/2001/XMLSchema#"
_S = "https://schema.org/"
_OA = "http://www.w3.org/ns/oa#"
_OFFSET = re.compile(r"[0-9]{1,9}")


def _iri(value: str) -> Any:
    import pyoxigraph as ox

    return ox.NamedNode(value)


def _no_quote_mismatch(v: shacl.Validator) -> bool:
    """SpanQuoteShape's query: every span's quote is the text at its offsets (plain strings, offsets in the text)."""
    import pyoxigraph as ox

    has_source, has_selector, text_p = _iri(_OA + "hasSource"), _iri(_OA + "hasSelector"), _iri(_S + "text")
    start_p, end_p, exact_p = _iri(_OA + "start"), _iri(_OA + "end"), _iri(_OA + "exact")
    string, integer = _XSD + "string", _XSD + "integer"
    objects = v.objects
    values: dict[Any, str | None] = {}  # each text's value, read once (a term's value is a new string each time it is read)
    for span in v.subjects_with(has_source):
        texts = []
        for this in objects(span, has_source):
            for text in objects(this, text_p):
                value = values.get(text, "")
                if value == "":
                    value = values[text] = (text.value if isinstance(text, ox.Literal) and text.language is None
                                            and text.datatype.value == string else None)
                if value is None:  # (a language-tagged text never equals a quote's string)
                    return False
                texts.append(value)
        if not texts:
            continue
        selectors = objects(span, has_selector)
        exacts = [e for quote in selectors for e in objects(quote, exact_p)]
        for pos in selectors:
            starts, ends = objects(pos, start_p), objects(pos, end_p)
            for start in starts:
                for end in ends:
                    if not (isinstance(start, ox.Literal) and isinstance(end, ox.Literal) and start.datatype.value == integer
                            and end.datatype.value == integer and _OFFSET.fullmatch(start.value) and _OFFSET.fullmatch(end.value)):
                        return False
                    a, b = int(start.value), int(end.value)
                    for text in texts:
                        if not a <= b <= len(text):
                            return False
                        quoted = text[a:b]
                        for exact in exacts:
                            if not isinstance(exact, ox.Literal) or exact.value != quoted:
                                return False
    return True


_TWO_PARTIES = ("https://w3id.org/scd/agreement-type/mou", "https://w3id.org/scd/agreement-type/friendship")


def _no_lone_party(v: shacl.Validator) -> bool:
    """AgreementShape's query: every memorandum or friendship agreement has two parties or more."""
    import pyoxigraph as ox

    type_p, party_p = _iri("http://purl.org/dc/terms/type"), _iri("https://w3id.org/scd#party")
    kinds = {ox.NamedNode(t) for t in _TWO_PARTIES}
    objects = v.objects
    return all(kinds.isdisjoint(objects(this, type_p)) or len(set(objects(this, party_p))) >= 2 for this in v.subjects_with(type_p))


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _day(term: Any) -> dt.date | None:
    """An xsd:date literal's day, written plainly (no time zone); None for any other term."""
    import pyoxigraph as ox

    if not (isinstance(term, ox.Literal) and term.datatype.value == _XSD + "date" and _DATE.fullmatch(term.value)):
        return None
    try:
        return dt.date.fromisoformat(term.value)
    except ValueError:
        return None


def _no_session_dates(v: shacl.Validator) -> bool:
    """EventShape's query: every event part of another starts within its parent's dates (plain xsd:dates)."""
    super_p, start_p, end_p = _iri(_S + "superEvent"), _iri(_S + "startDate"), _iri(_S + "endDate")
    objects = v.objects
    for this in v.subjects_with(super_p):
        starts = objects(this, start_p)
        if not starts:
            continue
        for parent in objects(this, super_p):
            for ps in objects(parent, start_p):
                for pe in objects(parent, end_p):
                    first, last = _day(ps), _day(pe)
                    for value in starts:
                        day = _day(value)
                        if first is None or last is None or day is None or not first <= day <= last:
                            return False
    return True


_PROVED = {
    """SELECT $this ?value WHERE {
        $this schema:text ?text .
        ?value oa:hasSource $this ; oa:hasSelector ?pos , ?quote .
        ?pos oa:start ?start ; oa:end ?end .
        ?quote oa:exact ?exact .
        FILTER (SUBSTR(?text, xsd:integer(?start) + 1, xsd:integer(?end) - xsd:integer(?start)) != STR(?exact))
    }""": _no_quote_mismatch,
    """SELECT $this (COUNT(DISTINCT ?party) AS ?n) WHERE {
        $this dct:type ?type .
        FILTER (?type IN (<https://w3id.org/scd/agreement-type/mou>, <https://w3id.org/scd/agreement-type/friendship>))
        OPTIONAL { $this scd:party ?party }
    } GROUP BY $this HAVING (COUNT(DISTINCT ?party) < 2)""": _no_lone_party,
    """SELECT $this ?value WHERE {
        $this schema:superEvent ?parent ; schema:startDate ?value .
        ?parent schema:startDate ?ps ; schema:endDate ?pe .
        FILTER (?value < ?ps || ?value > ?pe)
    }""": _no_session_dates,
}
_PREFIXES = {"PREFIX schema: <https://schema.org/>", "PREFIX oa: <http://www.w3.org/ns/oa#>", "PREFIX scd: <https://w3id.org/scd#>",
             "PREFIX dct: <http://purl.org/dc/terms/>", "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>"}


def _query_key(query: str) -> tuple[frozenset[str], str]:
    """A query's prefix declarations and its body with its blanks made one space."""
    lines = query.split("\n")
    prefixes = frozenset(" ".join(ln.split()) for ln in lines if ln.lstrip().upper().startswith("PREFIX "))
    body = " ".join(" ".join(ln for ln in lines if not ln.lstrip().upper().startswith("PREFIX ")).split())
    return prefixes, body


def proofs(shapes: shacl.Shapes) -> dict[str, shacl.Proof]:
    """The proofs (``shacl.Validator``'s ``proofs``) of those of the shapes' queries listed here, declared with the
    prefixes they are written with."""
    known = {" ".join(q.split()): proof for q, proof in _PROVED.items()}
    out: dict[str, shacl.Proof] = {}
    for shape in shapes.targeted:
        for query, _, _ in shape.sparql:
            prefixes, body = _query_key(query)
            proof = known.get(body)
            if proof is not None and prefixes >= _PREFIXES:
                out[query] = proof
    return out


@cache
def _documents() -> DocumentValidator:
    return DocumentValidator()


def validate_ntriples_fresh(nt: str, lines: ntlines.Lines | None = None) -> ValidationReport:
    """``validate_ntriples`` the plain way: a new store with the TBox and the document, every focus node
    validated, every shape interpreted (``Validator.validate_plain``): what DocumentValidator must equal
    (tests compare the two). ``lines`` is not read: the store parses the text."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(tbox_ntriples(), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    try:
        store.bulk_load(nt.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    except SyntaxError as e:
        raise ResourceError(f"a document graph is not valid N-Triples: {e}", hint="report this as a bug in the graph stage") from None
    return report_of(store, shacl.Validator(engine_shapes(), store, plain=True).run())


def validate_union(store: object) -> ValidationReport:
    """Validate the default graph of a pyoxigraph store (for the embedded store: the union of every graph, TBox included)."""
    return report_of(store, shacl.validate(store, engine_shapes()))  # type: ignore[arg-type]


def report_of(store: object, results: list[shacl.Result], graph: Any = shacl.DEFAULT,
              reader: shacl.Validator | None = None) -> ValidationReport:
    """The report of ``results`` found in ``graph`` of ``store`` (None: every graph, read as one); ``reader``:
    the validator that found them, whose data (``Validator.objects``) names each result's press release."""
    import pyoxigraph as ox

    assert isinstance(store, ox.Store)
    derived, has_source = ox.NamedNode(str(PROV.wasDerivedFrom)), ox.NamedNode(str(OA.hasSource))
    article, rdf_type = ox.NamedNode(str(SCHEMA.NewsArticle)), ox.NamedNode(str(RDF.type))

    def read_source_of(focus: Any) -> str:
        assert reader is not None
        for span in reader.objects(focus, derived):
            for doc in reader.objects(span, has_source):
                return str(doc.value)
        return focus.value if article in reader.objects(focus, rdf_type) else ""

    def source_of(focus: Any) -> str:
        if reader is not None:
            return read_source_of(focus)
        for q in store.quads_for_pattern(focus, derived, None, graph):
            span: Any = q.object
            for d in store.quads_for_pattern(span, has_source, None, graph):
                doc: Any = d.object
                return str(doc.value)
        if isinstance(focus, ox.NamedNode) and next(iter(store.quads_for_pattern(focus, ox.NamedNode(str(RDF.type)), article, graph)), None):
            return focus.value
        return ""

    out = []
    for r in results:
        shape_id = str(r.shape) if isinstance(r.shape, URIRef) else _node_shape_of(engine_shapes().g, r.shape)
        out.append(Violation(
            focus=str(r.focus.value), shape=shape_id, message=r.message, severity=_SEVERITY.get(r.severity, "Violation"),
            path=str(r.path or ""), value=str(r.value.value if r.value is not None else "")[:200],
            source=source_of(r.focus) if isinstance(r.focus, ox.NamedNode) else "",
        ))
    out = sorted(set(out), key=lambda v: (v.severity != "Violation", v.source, v.shape, v.focus, v.path, v.value))
    return ValidationReport(conforms=not any(v.severity == "Violation" for v in out), violations=tuple(out))


def _pyshacl_source_of(data: Graph, focus: URIRef) -> str:
    """The press release a focus node comes from (through its provenance span), if any."""
    for span in data.objects(focus, PROV.wasDerivedFrom):
        for doc in data.objects(span, OA.hasSource):
            return str(doc)
    if (focus, RDF.type, SCHEMA.NewsArticle) in data:
        return str(focus)
    return ""


def validate_with_pyshacl(data: Graph, with_tbox: bool = True) -> ValidationReport:
    """The same validation by pyshacl: the reference our engine is compared with (tests, bench/)."""
    from pyshacl import validate as shacl_validate

    merged = Graph()
    for t in data:
        merged.add(t)
    if with_tbox:
        for t in tbox():
            merged.add(t)
    _, report, _ = shacl_validate(merged, shacl_graph=shapes(), inference="none", advanced=True, allow_warnings=True)
    assert isinstance(report, Graph)
    out = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(r, SH.focusNode)
        shape = report.value(r, SH.sourceShape)
        msg = report.value(r, SH.resultMessage)
        severity = report.value(r, SH.resultSeverity)
        sev = _SEVERITY.get(severity, "Violation") if isinstance(severity, URIRef) else "Violation"
        path = report.value(r, SH.resultPath)
        value = report.value(r, SH.value)
        # a blank property shape is reported by its node shape
        shape_id = str(shape) if isinstance(shape, URIRef) else _node_shape_of(shapes(), shape)
        out.append(Violation(
            focus=str(focus), shape=shape_id, message=str(msg or ""), severity=sev,
            path=str(path or ""), value=str(value or "")[:200],
            source=_pyshacl_source_of(data, focus) if isinstance(focus, URIRef) else "",
        ))
    out.sort(key=lambda v: (v.severity != "Violation", v.source, v.shape, v.focus, v.path))
    return ValidationReport(conforms=not any(v.severity == "Violation" for v in out), violations=tuple(out))


def _node_shape_of(g: Graph, prop_shape: object) -> str:
    """The node shape a blank property shape belongs to (results name it)."""
    for node in g.subjects(SH.property, prop_shape):  # type: ignore[arg-type]
        if isinstance(node, URIRef):
            return str(node)
    return "(anonymous shape)"


def check_dcat_ap(description: Graph) -> list[str]:
    """Check a dataset description against the official DCAT-AP 3.0 shapes; the problems (empty when it conforms)."""
    import pyshacl

    shapes_graph = Graph().parse(data=resources.read_text(resources.DCAT_AP_SHAPES), format="turtle")
    _conforms, report, _ = pyshacl.validate(description, shacl_graph=shapes_graph, inference="none", allow_warnings=True)
    problems = []
    for r in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(r, SH.resultSeverity) != SH.Violation:
            continue
        problems.append(f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath)}: {report.value(r, SH.resultMessage)}")
    return sorted(problems)
