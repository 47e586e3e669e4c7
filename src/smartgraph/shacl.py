"""A SHACL engine over pyoxigraph: SHACL Core and SPARQL-based constraints (``sh:sparql`` with ``sh:select``).

Why not pyshacl alone: pyshacl re-parses a SPARQL query with pyparsing for every focus node and copies
the data graph before it starts, so one press release takes 0.3-1.2 s and a whole corpus hours. Here the
shapes are read once into plain objects; the data is a pyoxigraph store (its default graph) read through
its indexes; a SPARQL-based constraint runs once for all focus nodes, on Oxigraph's engine.

Supported: targets (node, class, implicit class, subjects-of, objects-of), every SHACL path, and the
Core constraint components (class, datatype, nodeKind, min/maxCount, value ranges, min/maxLength,
pattern, languageIn, uniqueLang, equals, disjoint, lessThan(OrEquals), not, and, or, xone, node,
property, qualifiedValueShape, closed, hasValue, in), with sh:deactivated, sh:severity and sh:message.
tests/test_shacl.py runs the W3C SHACL Core test suite on it and compares it with pyshacl on our shapes.

Each shape is compiled once into a tuple of closures, one a constraint (``_compile``), which
``Validator.validate`` runs; ``Validator.validate_plain`` interprets the shape's parameters instead
(``Validator(plain=True)``, the reference tests compare the compiled checks with).

A SPARQL-based constraint's query is run without pre-binding ``$this``; its rows are kept for the focus
nodes of the shape. That is the same result for queries that use ``$this`` as a plain variable, as ours do.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

Term = Any  # a pyoxigraph NamedNode, BlankNode or Literal
DEFAULT = ox.DefaultGraph()
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_LANGSTRING = str(RDF.langString)
_EMPTY: dict[Term, list[Term]] = {}
_NONE: frozenset[Term] = frozenset()
_NO_OBJECTS: list[Term] = []  # shared: never changed


def to_ox(t: Any) -> Term:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype or XSD.string)))
    raise TypeError(f"not an RDF term: {t!r}")


@lru_cache(maxsize=4096)
def _ox_param(t: Any) -> Term:
    """``to_ox`` for a shape's parameter, converted once (validation asks for it per focus node)."""
    return to_ox(t)


def to_ox_triple(t: tuple[Any, Any, Any]) -> ox.Triple:
    return ox.Triple(to_ox(t[0]), to_ox(t[1]), to_ox(t[2]))


# --------------------------------------------------------------------------- literal values

_INTEGERS = {str(XSD[n]) for n in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                                   "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort",
                                   "unsignedByte")}
_RANGES = {str(XSD.nonNegativeInteger): (0, None), str(XSD.positiveInteger): (1, None), str(XSD.nonPositiveInteger): (None, 0),
           str(XSD.negativeInteger): (None, -1), str(XSD.byte): (-128, 127), str(XSD.short): (-32768, 32767),
           str(XSD.int): (-2**31, 2**31 - 1), str(XSD.unsignedByte): (0, 255), str(XSD.unsignedShort): (0, 65535),
           str(XSD.unsignedInt): (0, 2**32 - 1)}
_NO_VALUE = object()


_INTEGER_FORM = re.compile(r"[+-]?\d+")
_DECIMAL_FORM = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_DATE_FORM = re.compile(r"-?\d{4,}-\d\d-\d\d")
_DECIMAL, _DOUBLES, _BOOLEAN, _DATE, _DATETIME = (str(XSD.decimal), (str(XSD.double), str(XSD.float)), str(XSD.boolean),
                                                  str(XSD.date), str(XSD.dateTime))
_VALUES: dict[Term, Any] = {}  # literals' values, kept for the next asks (a literal is checked by several constraints)
_VALUES_KEPT = 50_000


def _value(lit: Term) -> Any:
    """A literal's value for comparisons and well-formedness; _NO_VALUE when its lexical form is ill-formed."""
    got = _VALUES.get(lit, _VALUES)
    if got is _VALUES:
        if len(_VALUES) >= _VALUES_KEPT:
            _VALUES.clear()
        got = _VALUES[lit] = _value_of(lit)
    return got


def _value_of(lit: Term) -> Any:
    dtype, lex = lit.datatype.value, lit.value
    try:
        if dtype in _INTEGERS:
            if not _INTEGER_FORM.fullmatch(lex.strip()):
                return _NO_VALUE
            v = int(lex)
            lo, hi = _RANGES.get(dtype, (None, None))
            return _NO_VALUE if (lo is not None and v < lo) or (hi is not None and v > hi) else v
        if dtype == _DECIMAL:
            return Decimal(lex) if _DECIMAL_FORM.fullmatch(lex.strip()) else _NO_VALUE
        if dtype in _DOUBLES:
            return float(lex.replace("INF", "inf"))
        if dtype == _BOOLEAN:
            return {"true": True, "1": True, "false": False, "0": False}.get(lex, _NO_VALUE)
        if dtype == _DATE:
            return dt.date.fromisoformat(lex) if _DATE_FORM.fullmatch(lex) else _NO_VALUE
        if dtype == _DATETIME:
            return dt.datetime.fromisoformat(lex.replace("Z", "+00:00"))
    except (ValueError, InvalidOperation):
        return _NO_VALUE
    return lex


def _compare(a: Term, b: Term) -> int | None:
    """-1, 0 or 1 when the two literals are comparable (numbers, dates, date-times, strings), else None."""
    if not (isinstance(a, ox.Literal) and isinstance(b, ox.Literal)):
        return None
    va, vb = _value(a), _value(b)
    if type(va) is int and type(vb) is int:  # (the usual case: offsets, positions, counts)
        return (va > vb) - (va < vb)
    if va is _NO_VALUE or vb is _NO_VALUE:
        return None
    num = (int, float, Decimal)
    if isinstance(va, num) and isinstance(vb, num) and not isinstance(va, bool) and not isinstance(vb, bool):
        fa, fb = (float(va), float(vb)) if isinstance(va, float) or isinstance(vb, float) else (va, vb)
        return (fa > fb) - (fa < fb)
    for kind in (dt.datetime, dt.date, str):
        if isinstance(va, kind) and isinstance(vb, kind) and type(va) is type(vb):
            if kind is str and (a.datatype != b.datatype or a.language != b.language):
                return None
            try:
                return int(va > vb) - int(va < vb)  # type: ignore[operator]
            except TypeError:  # naive and aware date-times
                return None
    return None


# --------------------------------------------------------------------------- shapes


@dataclass
class Path:
    kind: str  # predicate | inverse | sequence | alternative | zeroOrMore | oneOrMore | zeroOrOne
    term: Term = None
    parts: tuple[Path, ...] = ()
    node: Any = None  # the path as written in the shapes graph (for reports)


@dataclass
class Shape:
    node: Any  # its rdflib node in the shapes graph
    path: Path | None = None
    targets: list[tuple[str, Term]] = field(default_factory=list)
    params: dict[str, list[Any]] = field(default_factory=dict)  # sh:xxx -> rdflib objects
    severity: Any = SH.Violation
    messages: list[Any] = field(default_factory=list)
    deactivated: bool = False
    sparql: list[tuple[str, list[Any], Any]] = field(default_factory=list)  # (query, messages, severity)
    groups: frozenset[str] = frozenset()  # the groups of constraints it has (``_GROUPS``): validation skips the others
    checks: tuple[Check, ...] | None = field(default=None, repr=False, compare=False)  # ``_compile``d on first use


# constraint parameters in the groups Validator.validate tests together
_GROUPS = {
    "values": {"class", "datatype", "nodeKind", "maxCount", "minCount", "minExclusive", "minInclusive", "maxExclusive",
               "maxInclusive", "minLength", "maxLength", "flags", "pattern", "languageIn"},
    "pairs": {"uniqueLang", "equals", "disjoint", "lessThan", "lessThanOrEquals"},
    "logic": {"not", "and", "or", "xone", "node"},
    "rest": {"qualifiedValueShape", "closed", "hasValue", "in"},
}


@dataclass(frozen=True)
class Result:
    focus: Term
    shape: Any  # rdflib node of the source shape
    component: str  # local name of the constraint component, e.g. MinCountConstraintComponent
    severity: Any
    path: Any = None  # rdflib node
    value: Term = None
    message: str = ""


PARAMS = ("class", "datatype", "nodeKind", "minCount", "maxCount", "minExclusive", "minInclusive", "maxExclusive",
          "maxInclusive", "minLength", "maxLength", "pattern", "flags", "languageIn", "uniqueLang", "equals", "disjoint",
          "lessThan", "lessThanOrEquals", "not", "and", "or", "xone", "node", "property", "qualifiedValueShape",
          "qualifiedMinCount", "qualifiedMaxCount", "qualifiedValueShapesDisjoint", "closed", "ignoredProperties",
          "hasValue", "in")


# constraints of a property shape that look at its values and at other values of the focus node only
_SUBJECT_LOCAL = {"minCount", "maxCount", "datatype", "nodeKind", "minExclusive", "minInclusive", "maxExclusive",
                  "maxInclusive", "minLength", "maxLength", "pattern", "flags", "languageIn", "uniqueLang", "equals",
                  "disjoint", "lessThan", "lessThanOrEquals", "hasValue", "in"}


class Shapes:
    """A shapes graph, read once."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self._shapes: dict[Any, Shape] = {}
        self._paths: dict[Any, Path] = {}
        self._lists: dict[Any, tuple[Any, ...]] = {}
        self._ox_sets: dict[Any, frozenset[Term]] = {}
        roots: set[Any] = set()
        for kind in (SH.NodeShape, SH.PropertyShape):
            roots.update(g.subjects(RDF.type, kind))
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            roots.update(g.subjects(p, None))
        for s in roots:
            self.shape(s)  # shapes they name (sh:property, sh:node, sh:and, ...) are read on the way
        self.targeted = [s for s in self._shapes.values() if s.targets and not s.deactivated]

    def shape(self, node: Any) -> Shape:
        if node in self._shapes:
            return self._shapes[node]
        g = self.g
        s = Shape(node)
        self._shapes[node] = s
        path = g.value(node, SH.path)
        if path is not None:
            s.path = self.path(path)
        for p, kind in ((SH.targetClass, "class"), (SH.targetNode, "node"), (SH.targetSubjectsOf, "subjectsOf"),
                        (SH.targetObjectsOf, "objectsOf")):
            s.targets.extend((kind, to_ox(o)) for o in g.objects(node, p))
        if isinstance(node, URIRef) and (node, RDF.type, RDFS.Class) in g and not s.path:
            s.targets.append(("class", to_ox(node)))
        for name in PARAMS:
            values = list(g.objects(node, SH[name]))
            if values:
                s.params[name] = values
        s.groups = frozenset(group for group, names in _GROUPS.items() if not names.isdisjoint(s.params))
        s.severity = g.value(node, SH.severity) or SH.Violation
        s.messages = list(g.objects(node, SH.message))
        s.deactivated = str(g.value(node, SH.deactivated) or "") == "true"
        for c in g.objects(node, SH.sparql):
            if str(g.value(c, SH.deactivated) or "") == "true":
                continue
            select = g.value(c, SH.select)
            if select is not None:
                query = self._prologue(c) + str(select)
                s.sparql.append((query, list(g.objects(c, SH.message)) or s.messages, g.value(c, SH.severity) or s.severity))
        for name in ("property", "node", "not", "qualifiedValueShape"):
            for o in s.params.get(name, ()):
                self.shape(o)
        for name in ("and", "or", "xone"):
            for lst in s.params.get(name, ()):
                for o in Collection(g, lst):
                    self.shape(o)
        return s

    def _prologue(self, constraint: Any) -> str:
        lines = []
        for prefixes in self.g.objects(constraint, SH.prefixes):
            for decl in self.g.objects(prefixes, SH.declare):
                lines.append(f"PREFIX {self.g.value(decl, SH.prefix)}: <{self.g.value(decl, SH.namespace)}>")
        return "\n".join(lines) + "\n"

    def path(self, node: Any) -> Path:
        if node in self._paths:
            return self._paths[node]
        g = self.g
        if isinstance(node, URIRef):
            p = Path("predicate", to_ox(node), node=node)
        elif (node, RDF.first, None) in g:
            p = Path("sequence", parts=tuple(self.path(x) for x in Collection(g, node)), node=node)
        else:
            for pred, kind in ((SH.inversePath, "inverse"), (SH.alternativePath, "alternative"), (SH.zeroOrMorePath, "zeroOrMore"),
                               (SH.oneOrMorePath, "oneOrMore"), (SH.zeroOrOnePath, "zeroOrOne")):
                inner = g.value(node, pred)
                if inner is not None:
                    parts = tuple(self.path(x) for x in Collection(g, inner)) if kind == "alternative" else (self.path(inner),)
                    p = Path(kind, parts=parts, node=node)
                    break
            else:
                raise ValueError(f"unsupported SHACL path {node}")
        self._paths[node] = p
        return p

    def reads_only_its_focus(self, shape: Shape) -> bool:
        """Whether validating a focus node against ``shape`` reads only triples whose subject is that node:
        a node shape whose property shapes follow one predicate and test the values themselves (counts,
        datatypes, languages, patterns, lists, comparisons with other values of the node). Its results for
        a node then stay the same in any graph that adds no triple about the node."""
        if shape.path is not None or shape.sparql or set(shape.params) - {"property"}:
            return False
        for node in shape.params.get("property", ()):
            prop = self.shape(node)
            if prop.path is None or prop.path.kind != "predicate" or prop.sparql or set(prop.params) - _SUBJECT_LOCAL:
                return False
        return True

    def sparql_predicates(self) -> frozenset[str] | None:
        """Every predicate the SPARQL-based constraints' queries match triples with, or None when one of them may
        read triples another way (a variable predicate, a property path, GRAPH, SERVICE, FROM, an unparsable
        query): a graph without any of these predicates cannot change what the queries find."""
        out: set[str] = set()
        for shape in self._shapes.values():
            for query, _, _ in shape.sparql:
                found = _query_predicates(query)
                if found is None:
                    return None
                out |= found
        return frozenset(out)

    def list(self, node: Any) -> tuple[Any, ...]:
        """The members of an RDF list of the shapes graph (read once: validation asks for them per focus node)."""
        if node not in self._lists:
            self._lists[node] = tuple(Collection(self.g, node))
        return self._lists[node]

    def ox_set(self, node: Any) -> frozenset[Term]:
        """The members of an RDF list as pyoxigraph terms (sh:in), read once."""
        if node not in self._ox_sets:
            self._ox_sets[node] = frozenset(to_ox(x) for x in self.list(node))
        return self._ox_sets[node]


_READS_GRAPHS = {"Graph", "GraphGraphPattern", "ServiceGraphPattern", "Service"}


def _query_predicates(query: str) -> set[str] | None:
    """The IRIs a SPARQL query's triple patterns have as predicates (EXISTS, OPTIONAL and sub-queries included),
    None when it may match other triples (see ``Shapes.sparql_predicates``)."""
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        algebra = prepareQuery(query).algebra
    except Exception:  # rdflib raises several kinds of parse errors: then nothing is known of the query
        return None
    if algebra.get("datasetClause"):
        return None
    out: set[str] = set()
    todo: list[Any] = [algebra]
    while todo:
        node = todo.pop()
        if isinstance(node, CompValue):
            if node.name in _READS_GRAPHS:
                return None
            for key, value in node.items():
                if key == "triples":
                    for t in value:
                        if not isinstance(t[1], URIRef):
                            return None
                        out.add(str(t[1]))
                else:
                    todo.append(value)
        elif isinstance(node, (list, tuple)):
            todo.extend(node)
        elif isinstance(node, dict):
            todo.extend(node.values())
    return out


# --------------------------------------------------------------------------- validation


class Index:
    """Triples read once into dictionaries (objects by subject and predicate, instances by class, subclasses by
    class), so that validation asks Python dictionaries instead of the store for every node and predicate."""

    def __init__(self, triples: Iterable[Any] = ()) -> None:
        self.spo: dict[Term, dict[Term, list[Term]]] = {}
        self.typed: dict[Term, set[Term]] = {}
        self.down: dict[Term, set[Term]] = {}  # class -> its direct subclasses
        self._pso: dict[Term, list[tuple[Term, Term]]] | None = None
        self._subjects: dict[Term, list[Term]] = {}  # ``subjects_with``, as found
        self._instances: dict[int, tuple[set[Term], set[Term] | frozenset[Term]]] = {}  # ``instances_of``, as found
        for t in triples:
            self.add(t.subject, t.predicate, t.object)

    def add(self, s: Term, p: Term, o: Term) -> None:
        self.spo.setdefault(s, {}).setdefault(p, []).append(o)
        self._pso = None
        self._subjects.clear()
        self._instances.clear()
        if p == _RDF_TYPE:
            self.typed.setdefault(o, set()).add(s)
        elif p == _SUBCLASS:
            self.down.setdefault(o, set()).add(s)

    @classmethod
    def of(cls, spo: dict[Term, dict[Term, list[Term]]]) -> Index:
        """An index of the objects by subject and predicate given (kept, not copied)."""
        index = cls()
        index.spo = spo
        for s, po in spo.items():
            for c in po.get(_RDF_TYPE, ()):
                index.typed.setdefault(c, set()).add(s)
            for c in po.get(_SUBCLASS, ()):
                index.down.setdefault(c, set()).add(s)
        return index

    def instances_of(self, classes: set[Term]) -> set[Term] | frozenset[Term]:
        """The subjects typed with one of ``classes`` (kept while the same set is asked again: a TBox's index is asked
        for the same closures of its classes, ``Validator.subclasses``, for every document)."""
        got = self._instances.get(id(classes))
        if got is not None and got[0] is classes:
            return got[1]
        typed = self.typed
        found = [typed[c] for c in classes if c in typed]
        out: set[Term] | frozenset[Term] = _NONE if not found else found[0] if len(found) == 1 else set().union(*found)
        if len(self._instances) >= 1_000:  # (closures made for one document only are not kept for long)
            self._instances.clear()
        self._instances[id(classes)] = (classes, out)
        return out

    def subjects_with(self, p: Term) -> list[Term]:
        """The subjects of predicate ``p`` (kept: a TBox's index is asked again for every document)."""
        got = self._subjects.get(p)
        if got is None:
            got = self._subjects[p] = [s for s, po in self.spo.items() if p in po]
        return got

    def pairs(self, p: Term) -> list[tuple[Term, Term]]:
        """The (subject, object) pairs of predicate ``p`` (the index by predicate is made on first use)."""
        if self._pso is None:
            pso: dict[Term, list[tuple[Term, Term]]] = {}
            for s, po in self.spo.items():
                for pred, objects in po.items():
                    pairs = pso.setdefault(pred, [])
                    pairs += ((s, o) for o in objects)
            self._pso = pso
        return self._pso.get(p, [])


class Known(dict[Term, list[Result]]):
    """Results known for a shape's focus nodes, those that are not empty listed once (``_with_results``)."""

    def __init__(self, results: dict[Term, list[Result]]) -> None:
        super().__init__(results)
        self.with_results = [(f, done) for f, done in results.items() if done]
        # the focus nodes as a set, which a set of focus nodes leaves out by the hashes both hold (a dictionary's keys
        # would have each term hashed again: 0.03 ms for a shape with the TBox's 339 concepts, a document)
        self.nodes = frozenset(results)


def _with_results(known: dict[Term, list[Result]]) -> list[tuple[Term, list[Result]]]:
    """The (focus node, results) of ``known`` whose results are not empty, in their order."""
    if isinstance(known, Known):
        return known.with_results
    return [(f, done) for f, done in known.items() if done]


def _objects_of_two(first: dict[Term, dict[Term, list[Term]]], second: dict[Term, dict[Term, list[Term]]]) -> Callable[[Term, Term], list[Term]]:
    """``Validator.objects`` read from two indexes (a TBox's and a document's: asked hundreds of times a document)."""
    def objects(s: Term, p: Term) -> list[Term]:
        po = first.get(s)
        if po is None:
            po = second.get(s)
            return _NO_OBJECTS if po is None else po.get(p) or _NO_OBJECTS
        found = po.get(p)
        po = second.get(s)
        more = None if po is None else po.get(p)
        if found and more:
            return found + more
        return found or more or _NO_OBJECTS
    return objects


class Validator:
    """Validate the default graph of a pyoxigraph store against a shapes graph."""

    def __init__(self, shapes: Shapes, store: ox.Store, *, graph: Any = DEFAULT,
                 known: dict[Any, dict[Term, list[Result]]] | None = None, indexes: tuple[Index, ...] | None = None,
                 plain: bool = False, closures: dict[Term, set[Term]] | None = None,
                 proofs: dict[str, Proof] | None = None, before_query: Callable[[], None] | None = None) -> None:
        """``graph``: the graph validated, the default graph unless given; None reads every graph of the
        store as one (the caller keeps the graphs free of shared triples, or counts would see a triple
        twice). ``known``: results already known for (shape, focus node), reused instead of validated.
        ``indexes``: the same triples as ``graph``, read into dictionaries (``Index``, sharing no triple):
        objects, instances and subclasses are then looked up there; SPARQL-based constraints, inverse
        paths and closed shapes still read the store. ``plain``: every shape read the plain way
        (``validate_plain``) instead of by its compiled checks (tests compare the two). ``closures``: each class's
        subclasses (``subclasses``) as found before in the same subclass triples, added to as they are found.
        ``proofs``: for a SPARQL-based constraint's query (as ``Shape.sparql`` holds it), a check that reads the data
        through this validator and says True only when the query can find no row in it: the query is then not run.
        ``before_query``: called before a query is run on the store (to fill it only when one is)."""
        self.shapes = shapes
        self.plain = plain
        if plain:
            self.validate = self.validate_plain  # type: ignore[method-assign]
        self.store = store
        self.graph = graph
        self.known = known or {}
        self.indexes = indexes
        self._conforms: dict[tuple[Any, Term], bool] = {}
        self._subclasses: dict[Term, set[Term]] | None = None
        self._closures: dict[Term, set[Term]] = {} if closures is None else closures
        self._objects: dict[tuple[Term, Term], list[Term]] = {}
        self._typed: dict[Term, set[Term]] | None = None
        self.proofs = proofs or {}
        self.before_query = before_query
        if indexes is not None and len(indexes) == 2:
            self.objects = _objects_of_two(indexes[0].spo, indexes[1].spo)  # type: ignore[method-assign,assignment]

    # ---- data access (the default graph, or the graph given)
    def objects(self, s: Term, p: Term) -> list[Term]:
        """The objects of (s, p); read once a run (the store does not change while it validates)."""
        if self.indexes is not None:  # the indexes' own list when one index alone has objects (not to be changed)
            found = None
            for index in self.indexes:
                po = index.spo.get(s)
                if po is not None:
                    objects = po.get(p)
                    if objects:
                        found = objects if found is None else found + objects
            return _NO_OBJECTS if found is None else found
        if isinstance(s, ox.Literal):
            return []
        key = (s, p)
        got = self._objects.get(key)
        if got is None:
            got = [q.object for q in self.store.quads_for_pattern(s, p, None, self.graph)]
            self._objects[key] = got
        return got

    def subjects(self, p: Term | None, o: Term) -> list[Term]:
        if self.indexes is not None and p is not None:
            return [s for index in self.indexes for s, x in index.pairs(p) if x == o]
        if self.indexes is not None:
            return [s for index in self.indexes for s, po in index.spo.items() for objects in po.values() for x in objects if x == o]
        return [q.subject for q in self.store.quads_for_pattern(None, p, o, self.graph)]

    def subjects_with(self, p: Term) -> list[Term]:
        """The subjects of predicate ``p`` (a subject once an index, or once a triple when read from the store)."""
        if self.indexes is not None:
            found = [index.subjects_with(p) for index in self.indexes]
            return [s for subjects in found for s in subjects] if len(found) != 1 else found[0]
        return [q.subject for q in self.store.quads_for_pattern(None, p, None, self.graph)]

    def predicate_objects(self, s: Term) -> list[tuple[Term, Term]]:
        """Every (predicate, object) of subject ``s``."""
        if self.indexes is not None:
            return [(p, o) for index in self.indexes for p, objects in index.spo.get(s, _EMPTY).items() for o in objects]
        return [(q.predicate, q.object) for q in self.store.quads_for_pattern(s, None, None, self.graph)]

    def subclasses(self, c: Term) -> set[Term]:
        """c and every class below it (rdfs:subClassOf*)."""
        got = self._closures.get(c)
        if got is None:
            got = self._closures[c] = self._subclasses_of(c)
        return got

    def _subclasses_of(self, c: Term) -> set[Term]:
        if self._subclasses is None:
            down: dict[Term, set[Term]] = {}
            if self.indexes is not None:
                for index in self.indexes:
                    for sup, subs in index.down.items():
                        down.setdefault(sup, set()).update(subs)
            else:
                for q in self.store.quads_for_pattern(None, _SUBCLASS, None, self.graph):
                    down.setdefault(q.object, set()).add(q.subject)
            self._subclasses = down
        out, todo = {c}, [c]
        while todo:
            for sub in self._subclasses.get(todo.pop(), ()):
                if sub not in out:
                    out.add(sub)
                    todo.append(sub)
        return out

    def instances(self, c: Term) -> set[Term]:
        if self.indexes is not None:
            out: set[Term] = set()
            classes = self.subclasses(c)
            for index in self.indexes:
                out |= index.instances_of(classes)
            return out
        if self._typed is None:  # every rdf:type triple, read once a run: class targets ask for many classes
            typed: dict[Term, set[Term]] = {}
            for q in self.store.quads_for_pattern(None, _RDF_TYPE, None, self.graph):
                typed.setdefault(q.object, set()).add(q.subject)
            self._typed = typed
        out = set()
        for sub in self.subclasses(c):
            out |= self._typed.get(sub, _NONE)
        return out

    def is_instance(self, node: Term, c: Term) -> bool:
        if isinstance(node, ox.Literal):
            return False
        classes = self.subclasses(c)
        return any(t in classes for t in self.objects(node, _RDF_TYPE))

    def values(self, focus: Term, path: Path) -> list[Term]:
        k = path.kind
        if k == "predicate":
            return self.objects(focus, path.term)
        if k == "inverse":
            inner = path.parts[0]
            if inner.kind == "predicate":
                return [] if isinstance(focus, ox.Literal) else self.subjects(inner.term, focus)
            return [n for n in self._all_nodes() if focus in self.values(n, inner)]
        if k == "sequence":
            nodes = [focus]
            for part in path.parts:
                nodes = list(dict.fromkeys(v for n in nodes for v in self.values(n, part)))
            return nodes
        if k == "alternative":
            return list(dict.fromkeys(v for part in path.parts for v in self.values(focus, part)))
        if k == "zeroOrOne":
            return list(dict.fromkeys([focus, *self.values(focus, path.parts[0])]))
        seen: dict[Term, None] = {focus: None} if k == "zeroOrMore" else {}
        todo = [focus]
        while todo:
            for v in self.values(todo.pop(), path.parts[0]):
                if v not in seen:
                    seen[v] = None
                    todo.append(v)
        return list(seen)

    def _all_nodes(self) -> set[Term]:
        out: set[Term] = set()
        if self.indexes is not None:
            for index in self.indexes:
                for s, po in index.spo.items():
                    out.add(s)
                    for objects in po.values():
                        out.update(objects)
            return out
        for q in self.store.quads_for_pattern(None, None, None, self.graph):
            out.add(q.subject)
            out.add(q.object)
        return out

    # ---- targets
    def focus_nodes(self, shape: Shape) -> set[Term]:
        out: set[Term] = set()
        for kind, t in shape.targets:
            if kind == "node":
                out.add(t)
            elif kind == "class":
                out |= self.instances(t)
            elif self.indexes is not None and kind == "subjectsOf":
                for index in self.indexes:
                    out.update(index.subjects_with(t))
            elif self.indexes is not None:
                out |= {o for index in self.indexes for _, o in index.pairs(t)}
            elif kind == "subjectsOf":
                out |= {q.subject for q in self.store.quads_for_pattern(None, t, None, self.graph)}
            else:
                out |= {q.object for q in self.store.quads_for_pattern(None, t, None, self.graph)}
        return out

    def run(self) -> list[Result]:
        results: list[Result] = []
        for shape in self.shapes.targeted:
            focus = self.focus_nodes(shape)
            known = self.known.get(shape.node, {})
            for f in sorted(focus - (known.nodes if isinstance(known, Known) else known.keys()) if known else focus, key=str):
                results.extend(self.validate(f, shape))
            for f, done in _with_results(known):  # results already known, for focus nodes of this graph too
                if f in focus:
                    results.extend(done)
            if shape.sparql:
                results.extend(self.sparql(shape, focus))
        return results

    def conforms(self, node: Term, shape_node: Any) -> bool:
        key = (shape_node, node)
        if key not in self._conforms:
            self._conforms[key] = True  # recursion guard
            self._conforms[key] = not self.validate(node, self.shapes.shape(shape_node))
        return self._conforms[key]

    def sparql(self, shape: Shape, focus: set[Term]) -> Iterator[Result]:
        if not focus:  # its rows are kept for the shape's focus nodes only
            return
        for query, messages, severity in shape.sparql:
            proof = self.proofs.get(query)
            if proof is not None and proof(self):
                continue
            if self.before_query is not None:
                self.before_query()
                self.before_query = None
            res = (self.store.query(query) if isinstance(self.graph, ox.DefaultGraph) else self.store.query(query, use_default_graph_as_union=True)
                   if self.graph is None else self.store.query(query, default_graph=self.graph))
            assert isinstance(res, ox.QuerySolutions)
            for row in res:
                this = row["this"]
                if this is None or this not in focus:
                    continue
                value = row["value"] if "value" in [v.value for v in res.variables] else None
                yield Result(this, shape.node, "SPARQLConstraintComponent", severity, shape.path.node if shape.path else None,
                             value if value is not None else (this if shape.path is None else None), _message(messages))

    def validate(self, focus: Term, shape: Shape) -> list[Result]:
        """The results of ``focus`` against ``shape``, by the shape's checks compiled once (``_compile``);
        the same as ``validate_plain``, which reads the shape's parameters every time (tests compare the two)."""
        checks = shape.checks
        if checks is None:
            checks = shape.checks = _compile(self.shapes, shape)
        if not checks:
            return []
        path = shape.path
        if path is None:
            values = [focus]
        elif path.kind == "predicate":
            values = self.objects(focus, path.term)
        else:
            values = self.values(focus, path)
        out: list[Result] = []
        for check in checks:
            check(self, focus, values, out)
        return out

    def conforms_to(self, node: Term, shape: Shape) -> bool:
        """``conforms`` given the shape itself."""
        key = (shape.node, node)
        got = self._conforms.get(key)
        if got is None:
            self._conforms[key] = True  # recursion guard
            got = self._conforms[key] = not self.validate(node, shape)
        return got

    def validate_plain(self, focus: Term, shape: Shape) -> list[Result]:
        if shape.deactivated:
            return []
        values = self.values(focus, shape.path) if shape.path else [focus]
        out: list[Result] = []
        p = shape.params
        path_node = shape.path.node if shape.path else None

        groups = shape.groups

        def fail(component: str, value: Term = None) -> None:
            out.append(Result(focus, shape.node, component, shape.severity, path_node, value, _message(shape.messages)))

        if "values" in groups:
            if "class" in p:
                for c in p.get("class", ()):
                    cls = _ox_param(c)
                    for v in values:
                        if not self.is_instance(v, cls):
                            fail("ClassConstraintComponent", v)
            if "datatype" in p:
                for d in p.get("datatype", ()):
                    for v in values:
                        if not (isinstance(v, ox.Literal) and v.datatype.value == str(d)
                                and (str(d) == _LANGSTRING or v.language is None) and _value(v) is not _NO_VALUE):
                            fail("DatatypeConstraintComponent", v)
            if "nodeKind" in p:
                for k in p.get("nodeKind", ()):
                    allowed = _NODE_KINDS[str(k)]
                    for v in values:
                        if type(v).__name__ not in allowed:
                            fail("NodeKindConstraintComponent", v)
            if ("maxCount" in p or "minCount" in p) and shape.path:
                for n in p.get("minCount", ()):
                    if len(values) < int(n):
                        fail("MinCountConstraintComponent")
                for n in p.get("maxCount", ()):
                    if len(values) > int(n):
                        fail("MaxCountConstraintComponent")
            if "maxExclusive" in p or "maxInclusive" in p or "minExclusive" in p or "minInclusive" in p:
                for name, ok in (("minExclusive", (1,)), ("minInclusive", (0, 1)), ("maxExclusive", (-1,)), ("maxInclusive", (-1, 0))):
                    for bound in p.get(name, ()):
                        b = _ox_param(bound)
                        for v in values:
                            if _compare(v, b) not in ok:
                                fail(name[0].upper() + name[1:] + "ConstraintComponent", v)
            if "minLength" in p or "maxLength" in p:
                for name in ("minLength", "maxLength"):
                    for n in p.get(name, ()):
                        for v in values:
                            if isinstance(v, ox.BlankNode) or (len(v.value) < int(n) if name == "minLength" else len(v.value) > int(n)):
                                fail(name[0].upper() + name[1:] + "ConstraintComponent", v)
            if "flags" in p or "pattern" in p:
                for pat in p.get("pattern", ()):
                    flags = 0
                    for f in str(next(iter(p.get("flags", ())), "")):
                        flags |= {"i": re.I, "s": re.S, "m": re.M, "x": re.X}.get(f, 0)
                    rx = re.compile(str(pat), flags)
                    for v in values:
                        if isinstance(v, ox.BlankNode) or not rx.search(v.value):
                            fail("PatternConstraintComponent", v)
            if "languageIn" in p:
                for lst in p.get("languageIn", ()):
                    ranges = [str(x).lower() for x in self.shapes.list(lst)]
                    for v in values:
                        lang = (v.language or "").lower() if isinstance(v, ox.Literal) else ""
                        if not lang or not any(lang == r or lang.startswith(r + "-") or r == "*" for r in ranges):
                            fail("LanguageInConstraintComponent", v)
        if "pairs" in groups:
            if "uniqueLang" in p and shape.path and any(str(x) == "true" for x in p.get("uniqueLang", ())):
                seen: dict[str, int] = {}
                for v in values:
                    if isinstance(v, ox.Literal) and v.language:
                        seen[v.language.lower()] = seen.get(v.language.lower(), 0) + 1
                for _ in [lang for lang, n in seen.items() if n > 1]:
                    fail("UniqueLangConstraintComponent")
            if "equals" in p:
                for prop in p.get("equals", ()):
                    others = set(self.objects(focus, _ox_param(prop)))
                    for v in [v for v in values if v not in others] + [o for o in others if o not in values]:
                        fail("EqualsConstraintComponent", v)
            if "disjoint" in p:
                for prop in p.get("disjoint", ()):
                    others = set(self.objects(focus, _ox_param(prop)))
                    for v in values:
                        if v in others:
                            fail("DisjointConstraintComponent", v)
            if "lessThan" in p or "lessThanOrEquals" in p:
                for name, ok in (("lessThan", (-1,)), ("lessThanOrEquals", (-1, 0))):
                    for prop in p.get(name, ()):
                        bounds = self.objects(focus, _ox_param(prop))
                        for v in values:
                            for o in bounds:  # one result for each pair that is not in order
                                if _compare(v, o) not in ok:
                                    fail(name[0].upper() + name[1:] + "ConstraintComponent", v)
        if "logic" in groups:
            if "not" in p:
                for s in p.get("not", ()):
                    for v in values:
                        if self.conforms(v, s):
                            fail("NotConstraintComponent", v)
            if "and" in p:
                for lst in p.get("and", ()):
                    members = self.shapes.list(lst)
                    for v in values:
                        if not all(self.conforms(v, m) for m in members):
                            fail("AndConstraintComponent", v)
            if "or" in p:
                for lst in p.get("or", ()):
                    members = self.shapes.list(lst)
                    for v in values:
                        if not any(self.conforms(v, m) for m in members):
                            fail("OrConstraintComponent", v)
            if "xone" in p:
                for lst in p.get("xone", ()):
                    members = self.shapes.list(lst)
                    for v in values:
                        if sum(self.conforms(v, m) for m in members) != 1:
                            fail("XoneConstraintComponent", v)
            if "node" in p:
                for s in p.get("node", ()):
                    for v in values:
                        if not self.conforms(v, s):
                            fail("NodeConstraintComponent", v)
        if "property" in p:
            for s in p.get("property", ()):
                for v in values:
                    out.extend(self.validate_plain(v, self.shapes.shape(s)))
        if "rest" in groups:
            out.extend(self.validate_rest(focus, shape, values))
            if "hasValue" in p:
                for hv in p.get("hasValue", ()):
                    if _ox_param(hv) not in values:
                        fail("HasValueConstraintComponent")
            if "in" in p:
                for lst in p.get("in", ()):
                    allowed_values = self.shapes.ox_set(lst)
                    for v in values:
                        if v not in allowed_values:
                            fail("InConstraintComponent", v)
        return out

    def validate_rest(self, focus: Term, shape: Shape, values: list[Term]) -> list[Result]:
        """The results of sh:qualifiedValueShape and sh:closed."""
        out: list[Result] = []
        p = shape.params

        def fail(component: str, value: Term = None) -> None:
            out.append(Result(focus, shape.node, component, shape.severity, shape.path.node if shape.path else None,
                              value, _message(shape.messages)))

        if "qualifiedValueShape" in p:
            for q in p.get("qualifiedValueShape", ()):
                self._qualified(shape, q, values, fail)
        if "closed" in p and any(str(x) == "true" for x in p.get("closed", ())):
            closed = {to_ox(self.shapes.g.value(ps, SH.path)) for ps in p.get("property", ())
                      if isinstance(self.shapes.g.value(ps, SH.path), URIRef)}
            for lst in p.get("ignoredProperties", ()):
                closed |= {to_ox(x) for x in self.shapes.list(lst)}
            for v in values:
                if isinstance(v, ox.Literal):
                    continue
                for pred, obj in self.predicate_objects(v):
                    if pred not in closed:
                        out.append(Result(focus, shape.node, "ClosedConstraintComponent", shape.severity,
                                          _rdflib(pred), obj, _message(shape.messages)))
        return out

    def _qualified(self, shape: Shape, q: Any, values: list[Term], fail: Any) -> None:
        p = shape.params
        siblings: list[Any] = []
        if any(str(x) == "true" for x in p.get("qualifiedValueShapesDisjoint", ())):
            g = self.shapes.g
            for parent in g.subjects(SH.property, shape.node):
                for sib in g.objects(parent, SH.property):
                    if sib != shape.node:
                        siblings.extend(g.objects(sib, SH.qualifiedValueShape))
        n = sum(1 for v in values if self.conforms(v, q) and not any(self.conforms(v, s) for s in siblings))
        for m in p.get("qualifiedMinCount", ()):
            if n < int(m):
                fail("QualifiedMinCountConstraintComponent")
        for m in p.get("qualifiedMaxCount", ()):
            if n > int(m):
                fail("QualifiedMaxCountConstraintComponent")


_NODE_KINDS = {
    str(SH.IRI): ("NamedNode",), str(SH.BlankNode): ("BlankNode",), str(SH.Literal): ("Literal",),
    str(SH.BlankNodeOrIRI): ("NamedNode", "BlankNode"), str(SH.BlankNodeOrLiteral): ("BlankNode", "Literal"),
    str(SH.IRIOrLiteral): ("NamedNode", "Literal"),
}


def _message(messages: Iterable[Any]) -> str:
    msgs = list(messages)
    en = [m for m in msgs if isinstance(m, Literal) and m.language == "en"]
    return str((en or msgs or [""])[0])


def _rdflib(t: Term) -> Any:
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    if t.datatype.value == str(XSD.string):
        return Literal(t.value)  # rdflib tells "x" from "x"^^xsd:string; RDF 1.1 does not
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def parse_shapes(text: str, base: str | None = None) -> Shapes:
    """A shapes graph from Turtle, its literals as written ("1"^^xsd:boolean is not sh:uniqueLang true)."""
    import rdflib

    normalize = rdflib.NORMALIZE_LITERALS
    rdflib.NORMALIZE_LITERALS = False
    try:
        g = Graph().parse(data=text, format="turtle", publicID=base)
    finally:
        rdflib.NORMALIZE_LITERALS = normalize
    return Shapes(g)


def validate(store: ox.Store, shapes: Shapes) -> list[Result]:
    """Every validation result for the default graph of ``store``."""
    return Validator(shapes, store).run()


# --------------------------------------------------------------------------- shapes compiled into checks

Proof = Callable[["Validator"], bool]  # True: a SPARQL-based constraint's query finds no row in the validator's data
Check = Callable[["Validator", Term, list[Term], list[Result]], None]  # (validator, focus, values, results out)


def _compile(shapes: Shapes, shape: Shape) -> tuple[Check, ...]:
    """``Validator.validate_plain`` taken apart: one closure a constraint, its parameters read once, in the order
    ``validate_plain`` tests them (so the results come in the same order)."""
    if shape.deactivated:
        return ()
    p = shape.params
    groups = shape.groups
    node, severity, path_node, message = shape.node, shape.severity, shape.path.node if shape.path else None, _message(shape.messages)
    checks: list[Check] = []

    def failer(component: str) -> Callable[[Term, Term], Result]:
        def result(focus: Term, value: Term = None) -> Result:
            return Result(focus, node, component, severity, path_node, value, message)
        return result

    if "values" in groups:
        for c in p.get("class", ()):
            checks.append(_check_class(_ox_param(c), failer("ClassConstraintComponent")))
        for d in p.get("datatype", ()):
            checks.append(_check_datatype(str(d), failer("DatatypeConstraintComponent")))
        for k in p.get("nodeKind", ()):
            checks.append(_check_node_kind(_NODE_KINDS[str(k)], failer("NodeKindConstraintComponent")))
        if ("maxCount" in p or "minCount" in p) and shape.path:
            for n in p.get("minCount", ()):
                checks.append(_check_count(int(n), True, failer("MinCountConstraintComponent")))
            for n in p.get("maxCount", ()):
                checks.append(_check_count(int(n), False, failer("MaxCountConstraintComponent")))
        for name, ok in (("minExclusive", (1,)), ("minInclusive", (0, 1)), ("maxExclusive", (-1,)), ("maxInclusive", (-1, 0))):
            for bound in p.get(name, ()):
                checks.append(_check_range(_ox_param(bound), ok, failer(name[0].upper() + name[1:] + "ConstraintComponent")))
        for name in ("minLength", "maxLength"):
            for n in p.get(name, ()):
                checks.append(_check_length(int(n), name == "minLength", failer(name[0].upper() + name[1:] + "ConstraintComponent")))
        for pat in p.get("pattern", ()):
            flags = 0
            for f in str(next(iter(p.get("flags", ())), "")):
                flags |= {"i": re.I, "s": re.S, "m": re.M, "x": re.X}.get(f, 0)
            checks.append(_check_pattern(re.compile(str(pat), flags), failer("PatternConstraintComponent")))
        for lst in p.get("languageIn", ()):
            checks.append(_check_language_in(tuple(str(x).lower() for x in shapes.list(lst)), failer("LanguageInConstraintComponent")))
    if "pairs" in groups:
        if "uniqueLang" in p and shape.path and any(str(x) == "true" for x in p.get("uniqueLang", ())):
            checks.append(_check_unique_lang(failer("UniqueLangConstraintComponent")))
        for prop in p.get("equals", ()):
            checks.append(_check_equals(_ox_param(prop), failer("EqualsConstraintComponent")))
        for prop in p.get("disjoint", ()):
            checks.append(_check_disjoint(_ox_param(prop), failer("DisjointConstraintComponent")))
        for name, ok in (("lessThan", (-1,)), ("lessThanOrEquals", (-1, 0))):
            for prop in p.get(name, ()):
                checks.append(_check_less_than(_ox_param(prop), ok, failer(name[0].upper() + name[1:] + "ConstraintComponent")))
    if "logic" in groups:
        for sh in p.get("not", ()):
            checks.append(_check_logic("not", (shapes.shape(sh),), failer("NotConstraintComponent")))
        for name in ("and", "or", "xone"):
            for lst in p.get(name, ()):
                checks.append(_check_logic(name, tuple(shapes.shape(m) for m in shapes.list(lst)),
                                           failer(name[0].upper() + name[1:] + "ConstraintComponent")))
        for sh in p.get("node", ()):
            checks.append(_check_node(shapes.shape(sh), failer("NodeConstraintComponent")))
    for sh in p.get("property", ()):
        checks.append(_check_property(shapes.shape(sh)))
    if "rest" in groups:
        if "qualifiedValueShape" in p or ("closed" in p and any(str(x) == "true" for x in p.get("closed", ()))):
            checks.append(_check_rest_plain(shape))
        for hv in p.get("hasValue", ()):
            checks.append(_check_has_value(_ox_param(hv), failer("HasValueConstraintComponent")))
        for lst in p.get("in", ()):
            checks.append(_check_in(shapes.ox_set(lst), failer("InConstraintComponent")))
    return tuple(checks)


Fail = Callable[..., Result]


def _check_class(cls: Term, fail: Fail) -> Check:
    Lit = ox.Literal

    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        classes = v.subclasses(cls)
        objects = v.objects
        for x in values:  # ``Validator.is_instance``
            if isinstance(x, Lit) or classes.isdisjoint(objects(x, _RDF_TYPE)):
                out.append(fail(focus, x))
    return check


def _check_datatype(d: str, fail: Fail) -> Check:
    lang_ok = d == _LANGSTRING
    Lit = ox.Literal

    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        for x in values:
            if not (isinstance(x, Lit) and x.datatype.value == d and (lang_ok or x.language is None) and _value(x) is not _NO_VALUE):
                out.append(fail(focus, x))
    return check


def _check_node_kind(allowed: tuple[str, ...], fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        for x in values:
            if type(x).__name__ not in allowed:
                out.append(fail(focus, x))
    return check


def _check_count(n: int, minimum: bool, fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        if (len(values) < n) if minimum else (len(values) > n):
            out.append(fail(focus))
    return check


def _check_range(bound: Term, ok: tuple[int, ...], fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        for x in values:
            if _compare(x, bound) not in ok:
                out.append(fail(focus, x))
    return check


def _check_length(n: int, minimum: bool, fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        for x in values:
            if isinstance(x, ox.BlankNode) or (len(x.value) < n if minimum else len(x.value) > n):
                out.append(fail(focus, x))
    return check


def _check_pattern(rx: re.Pattern[str], fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        for x in values:
            if isinstance(x, ox.BlankNode) or not rx.search(x.value):
                out.append(fail(focus, x))
    return check


def _check_language_in(ranges: tuple[str, ...], fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        for x in values:
            lang = (x.language or "").lower() if isinstance(x, ox.Literal) else ""
            if not lang or not any(lang == r or lang.startswith(r + "-") or r == "*" for r in ranges):
                out.append(fail(focus, x))
    return check


def _check_unique_lang(fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        seen: dict[str, int] = {}
        for x in values:
            if isinstance(x, ox.Literal) and x.language:
                seen[x.language.lower()] = seen.get(x.language.lower(), 0) + 1
        for _ in [lang for lang, n in seen.items() if n > 1]:
            out.append(fail(focus))
    return check


def _check_equals(prop: Term, fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        others = set(v.objects(focus, prop))
        for x in [x for x in values if x not in others] + [o for o in others if o not in values]:
            out.append(fail(focus, x))
    return check


def _check_disjoint(prop: Term, fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        others = set(v.objects(focus, prop))
        for x in values:
            if x in others:
                out.append(fail(focus, x))
    return check


def _check_less_than(prop: Term, ok: tuple[int, ...], fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        bounds = v.objects(focus, prop)
        for x in values:
            for o in bounds:  # one result for each pair that is not in order
                if _compare(x, o) not in ok:
                    out.append(fail(focus, x))
    return check


def _check_logic(kind: str, members: tuple[Shape, ...], fail: Fail) -> Check:
    """sh:not (one member), sh:and, sh:or (both stop at the first member that decides, as ``validate_plain``), sh:xone."""
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        conforms = v.conforms_to
        for x in values:
            if kind == "not":
                failed = conforms(x, members[0])
            elif kind == "and":
                failed = not all(conforms(x, m) for m in members)
            elif kind == "or":
                failed = not any(conforms(x, m) for m in members)
            else:
                failed = sum(conforms(x, m) for m in members) != 1
            if failed:
                out.append(fail(focus, x))
    return check


def _check_node(target: Shape, fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        for x in values:
            if not v.conforms_to(x, target):
                out.append(fail(focus, x))
    return check


def _check_property(prop: Shape) -> Check:
    """sh:property: ``Validator.validate`` of each value against the property shape (inlined for a predicate path)."""
    path = prop.path
    if path is None or path.kind != "predicate" or prop.deactivated:
        def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
            for x in values:
                out.extend(v.validate(x, prop))
        return check
    predicate = path.term

    def check_predicate(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        checks = prop.checks
        if checks is None:
            checks = prop.checks = _compile(v.shapes, prop)
        objects = v.objects
        for x in values:
            found = objects(x, predicate)
            for c in checks:
                c(v, x, found, out)
    return check_predicate


def _check_rest_plain(shape: Shape) -> Check:
    """sh:qualifiedValueShape and sh:closed (rare: read the plain way)."""
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        out.extend(v.validate_rest(focus, shape, values))
    return check


def _check_has_value(hv: Term, fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        if hv not in values:
            out.append(fail(focus))
    return check


def _check_in(allowed: frozenset[Term], fail: Fail) -> Check:
    def check(v: Validator, focus: Term, values: list[Term], out: list[Result]) -> None:
        for x in values:
            if x not in allowed:
                out.append(fail(focus, x))
    return check
