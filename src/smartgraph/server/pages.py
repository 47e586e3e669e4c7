"""Entity pages (HTML and RDF descriptions) and the SPARQL service description.

Every IRI that goes into a query here is checked and written by rdflib's term serialiser.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from smartgraph.queries import Catalog
from smartgraph.vocab import CONCEPTS_IRI, NOT_DERIVED, PREFIXES, SCD_IRI

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")

RDFLIB_FORMATS = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
                  "application/rdf+xml": "xml"}
_IRI = re.compile(r"^https?://[^\s\x00-\x20\x7f-\x9f<>\"{}|\\^`]+$")  # no control characters either
CONTEXT = 80  # characters of the source shown either side of a quoted span

Select = Callable[[str], Awaitable[list[dict[str, Any]]]]

# the named graphs but the derived one of materialised query rows (smartgraph.summaries), which the default graph leaves out
GRAPH_COUNTS = (f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER ({NOT_DERIVED}) }} "
                "GROUP BY ?g ORDER BY ?g")


def load_strings() -> dict[str, dict[str, str]]:
    data: dict[str, dict[str, str]] = json.loads(files("smartgraph.server").joinpath("static", "i18n.json").read_text(encoding="utf-8"))
    return data


_I18N_ELEMENT = re.compile(r'(<(\w+)\b[^>]*\bdata-i18n="([^"]+)"[^>]*>)([^<]*)(</\2>)')
_I18N_ATTR = re.compile(r'\bdata-i18n-(\w[\w-]*)="([^"]+)"')


def index_page(template: str, lang: str, strings: dict[str, dict[str, str]]) -> str:
    """The web page in ``lang``: ``<html lang>``, every ``data-i18n`` element's text and every ``data-i18n-ATTR``
    attribute filled in on the server, so the page reads right before its script runs."""
    t = strings[lang]

    def element(m: re.Match[str]) -> str:
        return m.group(1) + escape(t.get(m.group(3), m.group(4))) + m.group(5)

    def attribute(m: re.Match[str]) -> str:
        return f'{m.group(1)}="{escape(t.get(m.group(2), ""), quote=True)}" {m.group(0)}'

    html = _I18N_ELEMENT.sub(element, template.replace("{{LANG}}", lang))
    other = "en" if lang == "zh-Hant" else "zh-Hant"
    return _I18N_ATTR.sub(attribute, html).replace("{{OTHER_LANG_NAME}}", escape(strings[other]["lang.name"])).replace(
        "{{OTHER_LANG}}", other)


def safe_iri(iri: str) -> bool:
    return bool(_IRI.match(iri))


LANG_COOKIE = "smartgraph.lang"  # set by the page's language switch
_LANGUAGE = re.compile(r"^(zh|en)(-[A-Za-z0-9]{1,8})*$", re.IGNORECASE)


def known_language(tag: str) -> bool:
    """Whether a ``lang`` value names a language of the page (zh-Hant, zh-TW, en, en-GB, ...: read as zh-Hant or en)."""
    return bool(_LANGUAGE.match(tag))


def pick_language(param: str | None, accept_language: str | None, cookie: str | None = None) -> str:
    """``lang`` if given, else the language the page's switch chose (its cookie), else the first of zh-Hant / en
    the browser names, else zh-Hant."""
    for cand in [param or "", cookie or ""] + [p.split(";")[0].strip() for p in (accept_language or "").split(",")]:
        c = cand.lower()
        if c.startswith("zh"):
            return "zh-Hant"
        if c.startswith("en"):
            return "en"
    return "zh-Hant"


def _n3(iri: str) -> str:
    return URIRef(iri).n3()


# --------------------------------------------------------------------------- completion

COMPLETE_MAX = 50  # suggestions a /complete request may ask for
COMPLETE_TEXT = 100  # characters of typed text a /complete request may send
COMPLETE_CLASSES = 20  # classes a /complete request may name


def fold(text: str) -> str:
    """Text for matching: lower case, 台 written 臺 (the two spellings find the same thing)."""
    return text.lower().replace("台", "臺")


def complete_query(classes: list[str], scheme: str | None, text: str, limit: int) -> str:
    """Instances of ``classes`` (and concepts of ``scheme``) whose label in any language contains ``text``.

    Each IRI and the text are bound as RDF terms by rdflib's serialiser. Labels that start with the
    text come first, then the shorter ones."""
    values = f"VALUES ?class {{ {' '.join(_n3(c) for c in classes)} }}\n  " if classes else ""
    in_scheme = f"?s skos:inScheme {_n3(scheme)} .\n  " if scheme else ""
    typed = "?s a ?class .\n  " if classes else ""
    return f"""{_PREFIX}SELECT ?s (SAMPLE(?zh) AS ?zhLabel) (SAMPLE(?en) AS ?enLabel) (SAMPLE(?any) AS ?anyLabel)
       (MAX(IF(STRSTARTS(?folded, ?q), 1, 0)) AS ?starts) (MIN(STRLEN(?folded)) AS ?length)
WHERE {{
  {values}VALUES ?q {{ {Literal(fold(text)).n3()} }}
  {typed}{in_scheme}?s {_LABELS}|skos:altLabel|schema:headline ?l .
  BIND (REPLACE(LCASE(STR(?l)), "台", "臺") AS ?folded)
  FILTER (CONTAINS(?folded, ?q))
  OPTIONAL {{ ?s {_LABELS}|schema:headline ?zh FILTER (langMatches(lang(?zh), "zh-Hant")) }}
  OPTIONAL {{ ?s {_LABELS}|schema:headline ?en FILTER (langMatches(lang(?en), "en")) }}
  OPTIONAL {{ ?s {_LABELS}|schema:headline ?any }}
}}
GROUP BY ?s
ORDER BY DESC(?starts) ?length ?s
LIMIT {int(limit)}"""


def completions(rows: list[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    """/complete's answer: each IRI with its label in ``lang`` (else the other language) and both labels."""
    out = []
    for r in rows:
        zh = r.get("zhLabel", {}).get("value", "")
        en = r.get("enLabel", {}).get("value", "")
        anything = r.get("anyLabel", {}).get("value", "")
        first, second = (en, zh) if lang == "en" else (zh, en)
        out.append({"iri": r["s"]["value"], "label": first or second or anything, "labels": {"zh-Hant": zh or anything, "en": en or anything}})
    return out


# --------------------------------------------------------------------------- labels of IRIs

LABELS_MAX = 200  # IRIs a /labels request may ask for (the page sends them in batches of this size, one after another)


def labels_query(iris: list[str], lang: str) -> str:
    """One label for each IRI (an IRI without any label gives no row): in ``lang``, else in its language family
    (zh-Hant: any zh), else untagged, else in any language; the first in code-point order among equals.

    One row an IRI, so a batch of IRIs can never pass the row limit. The IRIs (checked by the caller) and the
    language are written by rdflib's term serialiser."""
    primary = lang.split("-")[0]
    return f"""{_PREFIX}SELECT ?s (MIN(?ranked) AS ?label)
WHERE {{
  VALUES ?s {{ {' '.join(_n3(i) for i in iris)} }}
  ?s {_LABELS}|schema:headline ?l FILTER (isLiteral(?l))
  BIND (CONCAT(IF(langMatches(lang(?l), {Literal(lang).n3()}), "0", IF(langMatches(lang(?l), {Literal(primary).n3()}), "1",
               IF(lang(?l) = "", "2", "3"))), STR(?l)) AS ?ranked)
}}
GROUP BY ?s"""


def labels(rows: list[dict[str, Any]]) -> dict[str, str]:
    """``{iri: label}`` from the rows of ``labels_query``."""
    return {r["s"]["value"]: r["label"]["value"][1:] for r in rows if "label" in r}


# the classes and properties the store uses, for the SPARQL editor's completion (asked of the cheap lane, cached
# until the store changes, instead of the editor sending them to /sparql)
TERMS_QUERIES = {"class": "SELECT DISTINCT ?t WHERE { ?s a ?t } LIMIT 2000",
                 "property": "SELECT DISTINCT ?t WHERE { ?s ?t ?o } LIMIT 2000"}


# --------------------------------------------------------------------------- RDF descriptions


def describe_query(iri: str) -> str:
    """The entity's own triples, the triples that point at it, and the labels of both ends."""
    return f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT {{ ?e ?p ?o . ?o rdfs:label ?ol . ?s ?q ?e . ?s rdfs:label ?sl }}
WHERE {{
  VALUES ?e {{ {_n3(iri)} }}
  {{ ?e ?p ?o OPTIONAL {{ ?o rdfs:label|skos:prefLabel ?ol }} }}
  UNION
  {{ ?s ?q ?e OPTIONAL {{ ?s rdfs:label ?sl }} }}
}}"""


def service_description(endpoint: str, counts: list[dict[str, Any]], *, updates: bool) -> Graph:
    """SPARQL 1.1 Service Description with VoID triple counts of the dataset and each named graph."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    s = URIRef(endpoint + "#service")
    ds = URIRef(endpoint + "#dataset")
    dg = URIRef(endpoint + "#default-graph")
    g.add((s, RDF.type, SD.Service))
    g.add((s, SD.endpoint, URIRef(endpoint)))
    g.add((s, SD.supportedLanguage, SD.SPARQL11Query))
    if updates:
        g.add((s, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((s, SD.feature, SD.UnionDefaultGraph))
    g.add((s, SD.feature, SD.BasicFederatedQuery))
    for f in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
              "N-Triples", "JSON-LD", "RDF_XML"):
        g.add((s, SD.resultFormat, FORMATS_NS[f]))
    g.add((s, SD.defaultDataset, ds))
    g.add((ds, RDF.type, SD.Dataset))
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, SD.defaultGraph, dg))
    g.add((dg, RDF.type, SD.Graph))
    total = 0
    for row in counts:
        name, n = row["g"]["value"], int(row["n"]["value"])
        total += n
        ng = URIRef(f"{endpoint}#graph-{len(g)}")
        node = URIRef(name)
        g.add((ds, SD.namedGraph, ng))
        g.add((ng, RDF.type, SD.NamedGraph))
        g.add((ng, SD.name, node))
        gd = URIRef(f"{name}#void")
        g.add((ng, SD.graph, gd))
        g.add((gd, RDF.type, SD.Graph))
        g.add((gd, VOID.triples, Literal(n, datatype=XSD.integer)))
    g.add((dg, VOID.triples, Literal(total, datatype=XSD.integer)))
    g.add((ds, VOID.triples, Literal(total, datatype=XSD.integer)))
    g.add((ds, VOID.sparqlEndpoint, URIRef(endpoint)))
    return g


# --------------------------------------------------------------------------- the entity view


@dataclass
class Fact:
    fact: str
    kind: str
    name: str
    document: str
    title: str
    source: str
    before: str
    quote: str
    after: str


@dataclass
class Moment:
    """One dated item on an entity's timeline: an event it (or someone serving it) took part in, or an agreement it is party to."""

    date: str
    kind: str  # "event" or "agreement"
    iri: str
    label: str


@dataclass
class EntityView:
    iri: str
    found: bool = False
    label: str = ""
    types: list[tuple[str, str]] = field(default_factory=list)
    properties: list[tuple[str, str, dict[str, str], str]] = field(default_factory=list)  # p, p label, object cell, object label
    incoming: list[tuple[str, str, str, str]] = field(default_factory=list)  # s, s label, p, p label
    facts: list[Fact] = field(default_factory=list)
    timeline: list[Moment] = field(default_factory=list)


def curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _best(labels: list[dict[str, str]], lang: str) -> str:
    """The label in ``lang``, else in zh-Hant, else untagged, else any."""
    for want in (lang, "zh-Hant", None):
        for c in labels:
            if c.get("xml:lang") == want:
                return c["value"]
    return labels[0]["value"] if labels else ""


_LABELS = "rdfs:label|skos:prefLabel|schema:name"
_PREFIX = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
           "PREFIX schema: <https://schema.org/>\n")


async def entity_view(iri: str, lang: str, select: Select, catalog: Catalog, limit: int = 500) -> EntityView:
    view = EntityView(iri)
    e = _n3(iri)
    out = await select(f"""{_PREFIX}SELECT ?p ?o ?ol ?pl WHERE {{ VALUES ?e {{ {e} }} ?e ?p ?o .
      OPTIONAL {{ ?o {_LABELS} ?ol FILTER (isLiteral(?ol)) }} OPTIONAL {{ ?p rdfs:label ?pl }} }} LIMIT {limit * 4}""")
    inc = await select(f"""{_PREFIX}SELECT ?s ?p ?sl ?pl WHERE {{ VALUES ?e {{ {e} }} ?s ?p ?e .
      OPTIONAL {{ ?s {_LABELS} ?sl FILTER (isLiteral(?sl)) }} OPTIONAL {{ ?p rdfs:label ?pl }} }} LIMIT {limit * 4}""")
    view.found = bool(out or inc)
    if not view.found:
        return view
    own: list[dict[str, str]] = []
    objects: dict[tuple[str, str], dict[str, Any]] = {}
    for r in out:
        p, o = r["p"]["value"], r["o"]
        key = (p, json.dumps(o, sort_keys=True))
        item = objects.setdefault(key, {"p": p, "o": o, "ol": [], "pl": []})
        if "ol" in r:
            item["ol"].append(r["ol"])
        if "pl" in r:
            item["pl"].append(r["pl"])
        if p in ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel",
                 "https://schema.org/name") and o["type"] == "literal":
            own.append(o)
    view.label = _best(own, lang) or curie(iri)
    for item in objects.values():
        if item["p"] == str(RDF.type):
            view.types.append((item["o"]["value"], _best(item["ol"], lang) or curie(item["o"]["value"])))
            continue
        olabel = _best(item["ol"], lang) if item["o"]["type"] == "uri" else ""
        view.properties.append((item["p"], _best(item["pl"], lang) or curie(item["p"]), item["o"], olabel))
    view.properties.sort(key=lambda t: (t[1], t[3] or t[2]["value"]))
    view.types.sort()
    subjects: dict[tuple[str, str], dict[str, Any]] = {}
    for r in inc:
        key = (r["s"]["value"], r["p"]["value"])
        item = subjects.setdefault(key, {"sl": [], "pl": []})
        if "sl" in r:
            item["sl"].append(r["sl"])
        if "pl" in r:
            item["pl"].append(r["pl"])
    view.incoming = sorted(((s, _best(i["sl"], lang), p, _best(i["pl"], lang) or curie(p)) for (s, p), i in subjects.items()),
                           key=lambda t: (t[3], t[1] or t[0]))[:limit]
    view.facts = await _facts(iri, lang, select, catalog, limit)
    view.timeline = await _timeline(iri, lang, select, limit)
    return view


def timeline_query(iri: str, limit: int = 500) -> str:
    """Dated events and agreements of an entity: events it, or a person holding a post in an organisation that
    serves or sits in it, took part in; agreements it is party to, or whose party serves or sits in it."""
    return f"""{_PREFIX}PREFIX scd: <https://w3id.org/scd#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dct: <http://purl.org/dc/terms/>
SELECT ?item ?kind (MIN(?d) AS ?date) WHERE {{
  VALUES ?e {{ {_n3(iri)} }}
  {{
    ?item a scd:Agreement ; scd:party ?party ; dct:date ?d .
    FILTER (?party = ?e || EXISTS {{ ?party schema:areaServed|schema:location ?e }})
    BIND ("agreement" AS ?kind)
  }} UNION {{
    ?participation scd:inEvent ?item ; scd:participant ?who .
    ?item schema:startDate ?d .
    FILTER (?who = ?e || EXISTS {{ ?who org:holds/org:postIn ?e }} || EXISTS {{ ?who org:holds/org:postIn/(schema:areaServed|schema:location) ?e }})
    BIND ("event" AS ?kind)
  }}
}}
GROUP BY ?item ?kind
ORDER BY ?date ?item
LIMIT {int(limit)}"""


async def _timeline(iri: str, lang: str, select: Select, limit: int) -> list[Moment]:
    rows = await select(timeline_query(iri, limit))
    if not rows:
        return []
    items = sorted({r["item"]["value"] for r in rows})
    names: dict[str, list[dict[str, str]]] = {}
    for r in await select(f"""{_PREFIX}SELECT ?x ?l WHERE {{ VALUES ?x {{ {' '.join(_n3(i) for i in items)} }} ?x {_LABELS} ?l }}"""):
        names.setdefault(r["x"]["value"], []).append(r["l"])
    return [Moment(date=r["date"]["value"][:10], kind=r["kind"]["value"], iri=r["item"]["value"],
                   label=_best(names.get(r["item"]["value"], []), lang) or curie(r["item"]["value"])) for r in rows]


async def _facts(iri: str, lang: str, select: Select, catalog: Catalog, limit: int) -> list[Fact]:
    rows = await select(catalog.get("provenance").prepare({"entity": iri}) + f"\nLIMIT {limit}")
    if not rows:
        return []
    facts = sorted({r["fact"]["value"] for r in rows})
    docs = sorted({r["document"]["value"] for r in rows})
    kinds: dict[str, list[dict[str, str]]] = {}
    names: dict[str, list[dict[str, str]]] = {}
    for r in await select(f"""{_PREFIX}SELECT ?x ?tl ?xl WHERE {{ VALUES ?x {{ {' '.join(_n3(f) for f in facts)} }}
        OPTIONAL {{ ?x a ?t . ?t rdfs:label ?tl }} OPTIONAL {{ ?x rdfs:label|schema:name ?xl }} }}"""):
        if "tl" in r:
            kinds.setdefault(r["x"]["value"], []).append(r["tl"])
        if "xl" in r:
            names.setdefault(r["x"]["value"], []).append(r["xl"])
    texts: dict[str, tuple[str, str]] = {}
    for r in await select(f"""{_PREFIX}SELECT ?d ?text ?title WHERE {{ VALUES ?d {{ {' '.join(_n3(d) for d in docs)} }}
        ?d schema:text ?text OPTIONAL {{ ?d schema:headline ?title }} }}"""):
        texts[r["d"]["value"]] = (r["text"]["value"], r.get("title", {}).get("value", ""))
    out = []
    for r in rows:
        doc = r["document"]["value"]
        text, title = texts.get(doc, ("", ""))
        start, end = int(r["start"]["value"]), int(r["end"]["value"])
        quote_ = r["quote"]["value"]
        if text[start:end] != quote_:  # a span that does not fit the text: show the quote alone
            text, start, end = quote_, 0, len(quote_)
        out.append(Fact(
            fact=r["fact"]["value"], kind=_best(kinds.get(r["fact"]["value"], []), lang),
            name=_best(names.get(r["fact"]["value"], []), lang), document=doc, title=title,
            source=r["source"]["value"], before=text[max(0, start - CONTEXT):start], quote=text[start:end],
            after=text[end:end + CONTEXT],
        ))
    return out


# --------------------------------------------------------------------------- HTML


def href(iri: str, base_iri: str, lang: str) -> str:
    """Where a link to ``iri`` goes: its page on this server when the graph describes it, else the IRI itself."""
    if iri.startswith(base_iri):
        return f"/id/{quote(iri[len(base_iri):], safe='/-._~')}?lang={lang}"
    if iri.startswith((SCD_IRI, CONCEPTS_IRI.rstrip("/"))):
        return f"/resource?iri={quote(iri, safe='')}&lang={lang}"
    return iri


def _link(iri: str, text: str, base_iri: str, lang: str) -> str:
    return f'<a href="{escape(href(iri, base_iri, lang))}" title="{escape(iri)}">{escape(text or curie(iri))}</a>'


def _object(cell: dict[str, str], label: str, base_iri: str, lang: str) -> str:
    if cell["type"] == "uri":
        return _link(cell["value"], label, base_iri, lang)
    v = cell["value"]
    if len(v) > 400:
        v = v[:400] + "…"
    tag = f' <span class="tag">@{escape(cell["xml:lang"])}</span>' if "xml:lang" in cell else ""
    dt = f' <span class="tag">{escape(curie(cell["datatype"]))}</span>' if "datatype" in cell else ""
    return f'<span class="literal">{escape(v)}</span>{tag}{dt}'


def entity_page(view: EntityView, lang: str, strings: dict[str, dict[str, str]], base_iri: str) -> str:
    t = strings[lang]
    other = "en" if lang == "zh-Hant" else "zh-Hant"
    self_href = href(view.iri, base_iri, lang).split("?")[0]
    sep = "&" if "?" in self_href else "?"
    if self_href.startswith("http"):
        self_href = f"/resource?iri={quote(view.iri, safe='')}"
        sep = "&"
    head = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(view.label or view.iri)} · smartgraph</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/app.css">
<link rel="alternate" type="text/turtle" href="{escape(self_href)}{sep}format=turtle">
<link rel="alternate" type="application/ld+json" href="{escape(self_href)}{sep}format=jsonld">
</head><body class="entity-page">
<header><a class="brand" href="/?lang={lang}">smartgraph</a>
<nav aria-label="{t['nav.label']}"><a href="/?lang={lang}#queries">{t['nav.queries']}</a> <a href="/?lang={lang}#sparql">{t['nav.sparql']}</a>
<a href="/?lang={lang}#network">{t['nav.network']}</a> <a href="/docs">{t['nav.api']}</a></nav>
<a id="lang-switch" class="lang" lang="{other}" href="{escape(self_href)}{sep}lang={other}">{strings[other]['lang.name']}</a></header>
<main>"""
    if not view.found:
        return head + f'<h1>{escape(view.iri)}</h1><p class="error">{t["entity.notfound"]}</p></main></body></html>\n'
    parts = [head, f'<h1 id="entity-label">{escape(view.label)}</h1><p class="iri"><code>{escape(view.iri)}</code></p>']
    parts.append(f'<p class="types">{t["entity.types"]}: '
                 + ", ".join(_link(i, lbl, base_iri, lang) for i, lbl in view.types) + "</p>")
    parts.append(f'<p class="data">{t["entity.data"]}: <a href="{escape(self_href)}{sep}format=turtle">Turtle</a> · '
                 f'<a href="{escape(self_href)}{sep}format=jsonld">JSON-LD</a> · <a href="{escape(self_href)}{sep}format=ntriples">N-Triples</a></p>')
    if view.timeline:
        parts.append(f'<section id="timeline"><h2>{t["entity.timeline"]}</h2><ol class="timeline">')
        for m in view.timeline:
            parts.append(f'<li class="moment moment-{escape(m.kind)}"><time datetime="{escape(m.date)}">{escape(m.date)}</time>'
                         f'<span class="kind">{t["timeline." + m.kind]}</span> {_link(m.iri, m.label, base_iri, lang)}</li>')
        parts.append("</ol></section>")
    if view.facts:
        parts.append(f'<section id="facts"><h2>{t["entity.sources"]}</h2><ol class="facts">')
        for f in view.facts:
            parts.append(
                f'<li><div class="fact-head">{escape(f.kind or curie(f.fact))} · {_link(f.fact, f.name or curie(f.fact), base_iri, lang)}</div>'
                f'<blockquote class="source">…{escape(f.before)}<mark>{escape(f.quote)}</mark>{escape(f.after)}…</blockquote>'
                f'<div class="fact-doc">{t["entity.source"]}: {_link(f.document, f.title or f.source, base_iri, lang)}'
                f' <span class="tag">{escape(f.source)}</span></div></li>'
            )
        parts.append("</ol></section>")
    parts.append(f'<section id="properties"><h2>{t["entity.properties"]}</h2><div class="table-wrap"><table><tbody>')
    for p, plabel, cell, olabel in view.properties:
        parts.append(f"<tr><th>{_link(p, plabel, base_iri, lang)}</th><td>{_object(cell, olabel, base_iri, lang)}</td></tr>")
    parts.append("</tbody></table></div></section>")
    if view.incoming:
        parts.append(f'<section id="incoming"><h2>{t["entity.incoming"]}</h2><div class="table-wrap"><table><tbody>')
        for s, slabel, p, plabel in view.incoming:
            parts.append(f"<tr><td>{_link(s, slabel, base_iri, lang)}</td><th>{_link(p, plabel, base_iri, lang)}</th></tr>")
        parts.append("</tbody></table></div></section>")
    parts.append("</main></body></html>\n")
    return "\n".join(parts)


__all__ = ["EntityView", "describe_query", "entity_page", "entity_view", "service_description"]
