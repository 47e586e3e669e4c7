"""Exports for open-data portals: RDF dumps with a DCAT / VoID description of the dataset.

Deterministic: the same store gives the same bytes (quads are sorted; dates in the description come
from the data, not the clock). Contact persons' telephone numbers are left out unless asked for.
"""

from __future__ import annotations

import io
import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, BinaryIO

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, VOID, XSD

from smartgraph.errors import ConfigError
from smartgraph.formats import FORMATS, NAMES, rdf_format
from smartgraph.sparql.store import Store
from smartgraph.vocab import GEONAMES, LANGUAGE, NOT_DERIVED, PREFIXES, SCHEMA, WD, canonical_lang, canonical_lang_tags

EXPORT_FORMATS = NAMES  # turtle, ntriples, nquads, trig, jsonld, rdfxml (smartgraph.formats; short aliases accepted)
FILE_TYPE = Namespace("http://publications.europa.eu/resource/authority/file-type/")
DATA_THEME = Namespace("http://publications.europa.eu/resource/authority/data-theme/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
IANA = "http://www.iana.org/assignments/media-types/"
TELEPHONE = str(SCHEMA.telephone)
DESCRIPTION_GRAPH = "graph/description"
PIECE_LINES = 50_000  # triples serialized at a time in Turtle and N-Triples exports

#: the JSON-LD @context of every JSON-LD export (also shipped as ontology/context.jsonld)
CONTEXT: dict[str, str] = {**PREFIXES, "dcat": str(DCAT), "void": str(VOID), "vcard": str(VCARD), "foaf": str(FOAF)}


@dataclass(frozen=True)
class DatasetInfo:
    """What a portal needs to know that the graph does not say."""

    base_iri: str
    download_base: str = ""  # where the dumps are published; default {base_iri}download/
    endpoint: str = "http://127.0.0.1:8000/sparql"
    license: str = "http://creativecommons.org/licenses/by/4.0/"
    contact_email: str = ""
    publisher: str = ""  # the dataset's one publisher; default the government the releases' publishers belong to
    publisher_name: str = ""  # its name, when the graph has none

    @property
    def dataset(self) -> URIRef:
        return URIRef(self.base_iri + "dataset")

    def download(self, fmt: str) -> str:
        return f"{self.download_base or self.base_iri + 'download/'}smartgraph.{rdf_format(fmt).extension}"


# --------------------------------------------------------------------------- the description


def _rows(store: Store, query: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = store.select(query)["results"]["bindings"]
    return rows


def _int(store: Store, query: str) -> int:
    rows = _rows(store, query)
    return int(rows[0]["n"]["value"]) if rows else 0


def describe(store: Store, info: DatasetInfo, formats: Iterable[str] = EXPORT_FORMATS) -> Graph:
    """The DCAT-AP 3.0 dataset, its distributions and SPARQL data service, and the VoID statistics."""
    g = Graph()
    for p, ns in CONTEXT.items():
        g.bind(p, ns)
    ds = info.dataset
    base = info.base_iri
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.title, Literal("smartgraph 城市外交知識圖譜", lang="zh-Hant")))
    g.add((ds, DCTERMS.title, Literal("smartgraph city-diplomacy knowledge graph", lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "由臺北市政府新聞稿擷取的城市外交知識圖譜：智慧城市首長高峰會與場次、與會的市長與代表、發言、城市間的合作備忘錄與宣言、姊妹市關係；"
        "每項事實皆連結至新聞稿中的原文段落。", lang="zh-Hant")))
    g.add((ds, DCTERMS.description, Literal(
        "City diplomacy extracted from Taipei City Government press releases: smart-city summits and their sessions, the mayors and "
        "representatives who took part, what they said, memoranda of understanding and declarations between cities, sister-city ties; "
        "every fact points to the span of the press release it comes from.", lang="en")))
    for kw, lang in [("城市外交", "zh-Hant"), ("智慧城市", "zh-Hant"), ("姊妹市", "zh-Hant"), ("合作備忘錄", "zh-Hant"), ("臺北市", "zh-Hant"),
                     ("city diplomacy", "en"), ("smart city", "en"), ("sister cities", "en"), ("memorandum of understanding", "en"),
                     ("Taipei", "en"), ("linked open data", "en")]:
        g.add((ds, DCAT.keyword, Literal(kw, lang=lang)))
    g.add((ds, DCAT.theme, DATA_THEME.GOVE))
    g.add((DATA_THEME.GOVE, RDF.type, SKOS.Concept))
    g.add((DATA_THEME.GOVE, SKOS.prefLabel, Literal("Government and public sector", lang="en")))
    for code in ("ZHO", "ENG"):
        g.add((ds, DCTERMS.language, LANGUAGE[code]))
        g.add((LANGUAGE[code], RDF.type, DCTERMS.LinguisticSystem))
    dates = _rows(store, "PREFIX schema: <https://schema.org/> SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) "
                         "WHERE { ?doc a schema:NewsArticle ; schema:datePublished ?d }")
    if dates and "first" in dates[0]:
        g.add((ds, DCTERMS.issued, Literal(dates[0]["first"]["value"], datatype=XSD.date)))
        g.add((ds, DCTERMS.modified, Literal(dates[0]["last"]["value"], datatype=XSD.date)))
    _publisher_and_creators(store, g, info)
    contact = URIRef(base + "dataset/contact")
    g.add((ds, DCAT.contactPoint, contact))
    g.add((contact, RDF.type, VCARD.Organization))
    g.add((contact, RDF.type, VCARD.Kind))
    g.add((contact, VCARD.fn, Literal("smartgraph")))
    if info.contact_email:
        g.add((contact, VCARD.hasEmail, URIRef(f"mailto:{info.contact_email}")))
    lic = URIRef(info.license)
    g.add((lic, RDF.type, DCTERMS.LicenseDocument))

    service = URIRef(base + "dataset/sparql")
    endpoint = URIRef(info.endpoint)
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCTERMS.title, Literal("smartgraph SPARQL 1.1 端點", lang="zh-Hant")))
    g.add((service, DCTERMS.title, Literal("smartgraph SPARQL 1.1 endpoint", lang="en")))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCAT.endpointDescription, endpoint))
    g.add((endpoint, RDF.type, RDFS.Resource))
    g.add((service, DCAT.servesDataset, ds))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    g.add((URIRef("https://www.w3.org/TR/sparql11-protocol/"), RDF.type, DCTERMS.Standard))
    g.add((service, DCTERMS.license, lic))
    for fmt in [*(rdf_format(f).extension for f in formats), "sparql"]:
        dist = URIRef(f"{base}dataset/distribution/{fmt}")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.license, lic))
        if fmt == "sparql":
            g.add((dist, DCTERMS.title, Literal("SPARQL endpoint", lang="en")))
            g.add((dist, DCAT.accessURL, endpoint))
            g.add((dist, DCAT.accessService, service))
            continue
        url = URIRef(info.download(fmt))
        g.add((dist, DCTERMS.title, Literal(f"smartgraph.{fmt}", lang="en")))
        g.add((dist, DCAT.accessURL, url))
        g.add((dist, DCAT.downloadURL, url))
        g.add((url, RDF.type, RDFS.Resource))
        mt = URIRef(IANA + rdf_format(fmt).media_type)
        g.add((dist, DCAT.mediaType, mt))
        g.add((mt, RDF.type, DCTERMS.MediaType))
        ft = FILE_TYPE[rdf_format(fmt).eu_file_type]
        g.add((dist, DCTERMS["format"], ft))
        g.add((ft, RDF.type, DCTERMS.MediaTypeOrExtent))
        g.add((ds, VOID.dataDump, url))
    _void(store, g, info)
    return g


_PUBLISHERS = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?p ?parent (COUNT(DISTINCT ?doc) AS ?n) WHERE {
  ?doc a schema:NewsArticle ; schema:publisher ?p .
  OPTIONAL { ?p org:subOrganizationOf ?parent }
} GROUP BY ?p ?parent ORDER BY ?p ?parent"""


def _names(store: Store, iri: str) -> list[Literal]:
    rows = _rows(store, f"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?n WHERE {{ {URIRef(iri).n3()} rdfs:label ?n "
                        "FILTER (isLiteral(?n)) } ORDER BY ?n")
    return [Literal(r["n"]["value"], lang=canonical_lang(r["n"]["xml:lang"]) if "xml:lang" in r["n"] else None) for r in rows]


def _publisher_and_creators(store: Store, g: Graph, info: DatasetInfo) -> None:
    """One ``dct:publisher`` (DCAT-AP allows one): ``info.publisher``, else the government whose bureaus published
    most releases (the bureau itself when it belongs to none). Every bureau that published a release is a
    ``dct:creator`` of the dataset."""
    rows = _rows(store, _PUBLISHERS)
    counts: dict[str, int] = {}
    bureaus = sorted({r["p"]["value"] for r in rows})
    for r in rows:
        top = r.get("parent", r["p"])["value"]
        counts[top] = counts.get(top, 0) + int(r["n"]["value"])
    ds = info.dataset
    for bureau in bureaus:
        agent = URIRef(bureau)
        g.add((ds, DCTERMS.creator, agent))
        g.add((agent, RDF.type, FOAF.Agent))
        for name in _names(store, bureau):
            g.add((agent, FOAF.name, name))
    publisher = info.publisher or (min(counts, key=lambda k: (-counts[k], k)) if counts else "")
    if not publisher:
        return
    names = _names(store, publisher)
    if info.publisher_name:
        names = [Literal(info.publisher_name)]
    if not names:
        raise ConfigError(f"the publisher <{publisher}> has no name in the graph", hint="pass its name with --publisher-name")
    agent = URIRef(publisher)
    g.add((ds, DCTERMS.publisher, agent))
    g.add((agent, RDF.type, FOAF.Agent))
    for name in names:
        g.add((agent, FOAF.name, name))


def _void(store: Store, g: Graph, info: DatasetInfo) -> None:
    ds, base = info.dataset, info.base_iri
    n3 = URIRef(base).n3()[1:-1]
    g.add((ds, VOID.sparqlEndpoint, URIRef(info.endpoint)))
    g.add((ds, VOID.uriSpace, Literal(base)))
    g.add((ds, VOID.triples, Literal(_int(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({NOT_DERIVED}) }}"),
                                     datatype=XSD.integer)))
    g.add((ds, VOID.entities, Literal(_int(store, f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER (STRSTARTS(STR(?s), "{n3}")) }}'),
                                      datatype=XSD.integer)))
    g.add((ds, VOID.distinctSubjects, Literal(_int(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"), datatype=XSD.integer)))
    classes = _rows(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c")
    props = _rows(store, "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY ?p")
    g.add((ds, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    g.add((ds, VOID.properties, Literal(len(props), datatype=XSD.integer)))
    vocabularies: set[str] = set()
    for i, row in enumerate(classes):
        part = URIRef(f"{base}dataset/class/{i}")
        c = row["c"]["value"]
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(c)))
        g.add((part, VOID.entities, Literal(int(row["n"]["value"]), datatype=XSD.integer)))
        vocabularies.add(_namespace(c))
    for i, row in enumerate(props):
        part = URIRef(f"{base}dataset/property/{i}")
        p = row["p"]["value"]
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(p)))
        g.add((part, VOID.triples, Literal(int(row["n"]["value"]), datatype=XSD.integer)))
        vocabularies.add(_namespace(p))
    for v in sorted(vocabularies):
        g.add((ds, VOID.vocabulary, URIRef(v)))
    for row in _rows(store, "PREFIX schema: <https://schema.org/> SELECT (MIN(STR(?s)) AS ?example) WHERE { VALUES ?c { schema:City "
                            "schema:Event schema:Person schema:NewsArticle } ?s a ?c } GROUP BY ?c"):
        g.add((ds, VOID.exampleResource, URIRef(row["example"]["value"])))
    for name, target, title in [("geonames", GEONAMES, "GeoNames"), ("wikidata", str(WD), "Wikidata")]:
        n = _int(store, f'PREFIX schema: <https://schema.org/> SELECT (COUNT(*) AS ?n) WHERE {{ ?s schema:sameAs ?o '
                        f'FILTER (STRSTARTS(STR(?o), "{target}")) }}')
        ls = URIRef(f"{base}dataset/links/{name}")
        other = URIRef(target)
        g.add((ls, RDF.type, VOID.Linkset))
        g.add((ls, DCTERMS.title, Literal(f"links to {title}", lang="en")))
        g.add((ls, VOID.subjectsTarget, ds))
        g.add((ls, VOID.objectsTarget, other))
        g.add((ls, VOID.linkPredicate, SCHEMA.sameAs))
        g.add((ls, VOID.triples, Literal(n, datatype=XSD.integer)))
        g.add((ds, VOID.subset, ls))
        g.add((other, RDF.type, VOID.Dataset))
        g.add((other, DCTERMS.title, Literal(title)))


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


# --------------------------------------------------------------------------- dumps


def export(store: Store, fmt: str, info: DatasetInfo | None = None, *, keep_contacts: bool = False) -> bytes:
    """The stored graph in one syntax; with ``info``, the dataset description too (in its own graph in TriG/N-Quads)."""
    out = io.BytesIO()
    write_export(store, fmt, out, info, keep_contacts=keep_contacts)
    return out.getvalue()


def write_export(store: Store, fmt: str, out: BinaryIO, info: DatasetInfo | None = None, *, keep_contacts: bool = False,
                 on_progress: Callable[[int, int], None] | None = None) -> None:
    """Write the export to ``out`` a piece at a time. TriG and N-Quads hold one named graph in memory at
    a time; Turtle and N-Triples sort the union of the graphs in memory (as N-Triples lines, about twice
    their size) and write it in pieces; JSON-LD is built whole.

    ``fmt`` is a name or alias of ``smartgraph.formats`` (RDF/XML is built whole, like JSON-LD).
    The bytes are those of one sorted serialization: quads ordered by (graph, subject, predicate,
    object), triples by (subject, predicate, object), each once. ``on_progress(done, total)`` counts
    graphs (TriG, N-Quads) or triples."""
    import pyoxigraph as ox

    fmt = rdf_format(fmt).name
    extra: list[Any] = []  # the description's triples
    if info is not None:
        nt = describe(store, info).serialize(format="nt", encoding="utf-8")
        extra = list(ox.parse(nt, format=ox.RdfFormat.N_TRIPLES))
    if fmt in ("jsonld", "rdfxml"):
        union = (t for lines in _union_lines(store, extra, keep_contacts, on_progress)
                   for t in ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES))
        if fmt == "jsonld":
            out.write(jsonld(union))
        else:
            out.write(canonical_lang_tags(ox.serialize(list(union), format=ox.RdfFormat.RDF_XML, prefixes=CONTEXT) or b""))
        return
    if FORMATS[fmt].quads:
        for i, (name, lines) in enumerate(_graph_lines(store, extra, info, keep_contacts, on_progress)):
            if fmt == "nquads":  # an N-Triples line "s p o ." becomes the N-Quads line "s p o <g> ."
                graph = f"<{name}>".encode()
                out.write(canonical_lang_tags(b"".join(ln[:-1] + graph + b" .\n" for ln in lines)))
            else:
                g = ox.NamedNode(name)
                triples = ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
                _write_chunk(out, [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples], ox.RdfFormat.TRIG, i == 0)
        return
    for i, lines in enumerate(_union_lines(store, extra, keep_contacts, on_progress)):
        if fmt == "ntriples":
            out.write(canonical_lang_tags(b"".join(ln + b"\n" for ln in lines)))
        else:
            _write_chunk(out, list(ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_TRIPLES)), ox.RdfFormat.TURTLE, i == 0)


def _write_chunk(out: BinaryIO, items: list[Any], fmt: Any, first: bool) -> None:
    import pyoxigraph as ox

    data = ox.serialize(items, format=fmt, prefixes=CONTEXT if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None) or b""
    if not first:  # the @prefix lines go once, at the top
        while data.startswith(b"@prefix "):
            data = data[data.index(b"\n") + 1:]
    out.write(canonical_lang_tags(data))


_TELEPHONE_NT = f"<{TELEPHONE}>".encode()


def _graph_lines(store: Store, extra: list[Any], info: DatasetInfo | None, keep_contacts: bool,
                 on_progress: Callable[[int, int], None] | None) -> Iterator[tuple[str, list[bytes]]]:
    """Each named graph's sorted N-Triples lines, graphs in order of their N-Quads form.

    Sorted lines are in the order of their (subject, predicate, object) terms: a term ends at a
    space, which sorts before any character a term holds. Language tags are still lower case here
    (canonical case would reorder ``@zh-hant`` and ``@zh-hk``). Two graphs are read from the store
    at a time, a few ahead of the one being written."""
    import pyoxigraph as ox

    names = {f"<{g}>": g for g in store.named_graphs()}
    described = f"<{info.base_iri}{DESCRIPTION_GRAPH}>" if info is not None else ""
    if described:
        names.setdefault(described, described[1:-1])
    order = [names[k] for k in sorted(names)]

    def read(name: str) -> list[bytes]:
        lines = set(store.graph_ntriples(name).splitlines()) if store.has_graph(name) else set()
        if name == described[1:-1]:
            lines |= set((ox.serialize(extra, format=ox.RdfFormat.N_TRIPLES) or b"").splitlines())
        if not keep_contacts:  # subjects hold no spaces (IRIs, blank nodes): the second word is the predicate
            lines = {ln for ln in lines if ln.split(b" ", 2)[1] != _TELEPHONE_NT}
        return sorted(lines)

    with ThreadPoolExecutor(max_workers=2) as pool:
        ahead: deque[Future[list[bytes]]] = deque(pool.submit(read, n) for n in order[:4])
        for done, name in enumerate(order, 1):
            if done + 3 < len(order):
                ahead.append(pool.submit(read, order[done + 3]))
            yield name, ahead.popleft().result()
            if on_progress:
                on_progress(done, len(order))


def _union_lines(store: Store, extra: list[Any], keep_contacts: bool,
                 on_progress: Callable[[int, int], None] | None) -> Iterator[list[bytes]]:
    """The triples of all named graphs, each once, as sorted N-Triples lines, about ``PIECE_LINES`` lines a
    piece, cut between subjects (so that Turtle groups each subject's triples in one piece).

    Reads the union the store keeps in its default graph in one pass and sorts it in memory: about
    twice its N-Triples size (reading the named graphs subject by subject took twice as long)."""
    import pyoxigraph as ox

    lines = set(store.union_ntriples().splitlines())
    lines |= set((ox.serialize(extra, format=ox.RdfFormat.N_TRIPLES) or b"").splitlines())
    ordered = sorted(ln for ln in lines if keep_contacts or ln.split(b" ", 2)[1] != _TELEPHONE_NT)
    del lines
    start = 0
    while start < len(ordered):
        end = min(start + PIECE_LINES, len(ordered))
        subject = ordered[end - 1].split(b" ", 1)[0]
        while end < len(ordered) and ordered[end].split(b" ", 1)[0] == subject:
            end += 1
        yield ordered[start:end]
        start = end
        if on_progress:
            on_progress(start, len(ordered))


def _compact(iri: str) -> str:
    for p, ns in sorted(CONTEXT.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{p}:{iri[len(ns):]}"
    return iri


def jsonld(triples: Iterable[Any]) -> bytes:
    """Compact JSON-LD: the project's prefixes as @context, one node object per subject, values in sorted order."""
    import pyoxigraph as ox

    nodes: dict[str, dict[str, Any]] = {}
    for t in triples:
        s = t.subject.value if isinstance(t.subject, ox.NamedNode) else f"_:{t.subject.value}"
        node = nodes.setdefault(s, {"@id": _compact(s)})
        o = t.object
        if t.predicate.value == str(RDF.type) and isinstance(o, ox.NamedNode):
            node.setdefault("@type", []).append(_compact(o.value))
            continue
        if isinstance(o, ox.NamedNode):
            value: Any = {"@id": _compact(o.value)}
        elif isinstance(o, ox.BlankNode):
            value = {"@id": f"_:{o.value}"}
        elif o.language:
            value = {"@value": o.value, "@language": canonical_lang(o.language)}
        elif o.datatype.value == str(XSD.string):
            value = o.value
        else:
            value = {"@value": o.value, "@type": _compact(o.datatype.value)}
        node.setdefault(_compact(t.predicate.value), []).append(value)
    doc = {"@context": CONTEXT, "@graph": [nodes[k] for k in sorted(nodes)]}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def serialize_description(g: Graph, info: DatasetInfo, fmt: str) -> bytes:
    """The description ``describe`` made, in one of the RDF formats (in TriG and N-Quads inside its own named
    graph, as in an export)."""
    f = rdf_format(fmt)
    if f.quads:
        from rdflib import Dataset

        d = Dataset()
        for p, ns in CONTEXT.items():
            d.bind(p, ns)
        named = d.graph(URIRef(info.base_iri + DESCRIPTION_GRAPH))
        for t in g:
            named.add(t)
        return d.serialize(format="nquads" if f.name == "nquads" else "trig", encoding="utf-8")
    rdflib_name = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml"}[f.name]
    return g.serialize(format=rdflib_name, encoding="utf-8")


__all__ = ["CONTEXT", "EXPORT_FORMATS", "DatasetInfo", "describe", "export", "jsonld", "serialize_description", "write_export"]
