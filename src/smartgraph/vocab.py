"""Namespaces and prefixes. ``SCD`` is closed: a term not in ontology/smartgraph.ttl raises (a test keeps them in step)."""

from __future__ import annotations

import re

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

SCD_IRI = "https://w3id.org/scd#"
# the EU Publications Office's language authority (DCAT-AP's vocabulary for dct:language)
LANGUAGE = Namespace("http://publications.europa.eu/resource/authority/language/")
# a document's detected language (BCP 47, schema:inLanguage) -> its code in that authority (ISO 639-3, dct:language)
LANGUAGE_CODES = {"zh-Hant": "ZHO", "zh-Hans": "ZHO", "en": "ENG"}
CONCEPTS_IRI = "https://w3id.org/scd/"


class SCD(DefinedNamespace):
    """The smart-city-diplomacy ontology: the few terms no reused vocabulary has."""

    _NS = Namespace(SCD_IRI)
    _fail = True

    # classes
    Participation: URIRef
    Statement: URIRef
    Agreement: URIRef
    Commitment: URIRef
    SisterCityRelation: URIRef
    # properties
    participant: URIRef
    inEvent: URIRef
    role: URIRef
    attendanceMode: URIRef
    party: URIRef
    topic: URIRef
    city: URIRef
    country: URIRef
    reportedFigure: URIRef
    figureType: URIRef
    sha256: URIRef
    # concept schemes
    ParticipationRoles: URIRef
    AgreementTypes: URIRef
    AgreementStatuses: URIRef
    Themes: URIRef
    Roles: URIRef
    OrganizationTypes: URIRef
    FigureTypes: URIRef


SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
OPENGOV = Namespace("http://www.w3.org/ns/opengov#")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
WD = Namespace("http://www.wikidata.org/entity/")
GEONAMES = "https://sws.geonames.org/"
CONCEPTS = Namespace(CONCEPTS_IRI)
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "scd": SCD_IRI,
    "scdc": CONCEPTS_IRI,
    "schema": str(SCHEMA),
    "org": str(ORG),
    "oa": str(OA),
    "opengov": str(OPENGOV),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wdt": str(WDT),
    "wd": str(WD),
    "sh": str(SH),
}


def concept(scheme: str, key: str) -> URIRef:
    """A SKOS concept IRI: ``scdc:role/mayor``, ``scdc:theme/open-data``."""
    return URIRef(f"{CONCEPTS_IRI}{scheme}/{key}")


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def canonical_lang(tag: str) -> str:
    """BCP 47 case: ``zh-hant`` -> ``zh-Hant``, ``en-us`` -> ``en-US`` (pyoxigraph lower-cases tags)."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        out.append(p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p.lower())
    return "-".join(out)


_LANG_TAG = re.compile(rb'"@([a-z]{2,3})-([a-z]{4})\b')
_XML_LANG = re.compile(rb'xml:lang="([a-z]{2,3})-([a-z]{4})\b')


def canonical_lang_tags(data: bytes) -> bytes:
    """``"..."@zh-hant`` -> ``"..."@zh-Hant`` in Turtle, TriG, N-Triples or N-Quads text, ``xml:lang="zh-Hant"`` in RDF/XML."""
    data = _LANG_TAG.sub(lambda m: b'"@' + m.group(1) + b"-" + m.group(2).title(), data)
    return _XML_LANG.sub(lambda m: b'xml:lang="' + m.group(1) + b"-" + m.group(2).title(), data)


# the derived graph of canned queries' materialised rows (smartgraph.summaries): not part of the default graph
SUMMARY_NS = "https://w3id.org/smartgraph/summary#"
SUMMARY_GRAPH = "https://w3id.org/smartgraph/graph/summaries"
SUMMARY_MARKER = SUMMARY_NS + "fresh"  # present while the rows are those of the store's content
# the derived graph of the provenance query's rows of each quoted span (smartgraph.sparql.spans): not part of the default graph
SPANS_GRAPH = "https://w3id.org/smartgraph/graph/spans"
SPANS_TRUSTED = SUMMARY_NS + "spans"  # present while the provenance rows of every span are written
DERIVED_GRAPHS = (SUMMARY_GRAPH, SPANS_GRAPH)  # graphs a build derives from the others: no data of their own
NOT_DERIVED = f"?g NOT IN (<{SUMMARY_GRAPH}>, <{SPANS_GRAPH}>)"  # a SPARQL filter on ?g that leaves them out
