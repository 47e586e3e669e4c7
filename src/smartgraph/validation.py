"""SHACL validation of document graphs against ontology/shapes.ttl, with the ontology and schemes as TBox.

A graph that does not conform is a result (a ``ValidationReport``), not an exception.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from smartgraph import resources
from smartgraph.errors import ResourceError
from smartgraph.model import ValidationReport, Violation
from smartgraph.vocab import OA, SCHEMA, SH

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


def _source_of(data: Graph, focus: URIRef) -> str:
    """The press release a focus node comes from (through its provenance span), if any."""
    for span in data.objects(focus, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")):
        for doc in data.objects(span, OA.hasSource):
            return str(doc)
    if (focus, RDF.type, SCHEMA.NewsArticle) in data:
        return str(focus)
    return ""


def validate(data: Graph) -> ValidationReport:
    """Validate one graph (a document's, or a union) and report every result."""
    from pyshacl import validate as shacl_validate

    merged = Graph()
    for t in data:
        merged.add(t)
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
        shape_id = str(shape) if isinstance(shape, URIRef) else _node_shape_of(shape)
        out.append(Violation(
            focus=str(focus), shape=shape_id, message=str(msg or ""), severity=sev,
            path=str(path or ""), value=str(value or "")[:200],
            source=_source_of(data, focus) if isinstance(focus, URIRef) else "",
        ))
    out.sort(key=lambda v: (v.severity != "Violation", v.source, v.shape, v.focus, v.path))
    return ValidationReport(conforms=not any(v.severity == "Violation" for v in out), violations=tuple(out))


def _node_shape_of(prop_shape: object) -> str:
    g = shapes()
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
