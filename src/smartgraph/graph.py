"""Facts to RDF: one named graph per document, stable IRIs, bilingual labels, and provenance for every fact.

IRIs are minted from the facts' keys under the base IRI, so the same input gives the same IRIs
(and no blank nodes are used, so exports are byte-stable). Each fact points by
``prov:wasDerivedFrom`` to an ``oa:SpecificResource``: its document, a ``TextPositionSelector``
(code-point offsets into the recorded text, which the document carries as ``schema:text``) and a
``TextQuoteSelector`` with the exact quote.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD

from smartgraph import ntlines
from smartgraph.model import Facts, Organization, Place, Span
from smartgraph.vocab import GEONAMES, LANGUAGE, LANGUAGE_CODES, OA, OPENGOV, ORG, PREFIXES, SCD, SCHEMA, WD, WDT, concept


class _Terms:
    """A namespace whose terms are looked up once each: rdflib's closed namespaces check and build a term on
    every access, a third of the time this stage took (an unknown term still fails on first use)."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> Any:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD, OA, OPENGOV, ORG, SCD, SCHEMA, WDT = (  # type: ignore[assignment,misc]
    _Terms(n) for n in (DCTERMS, FOAF, PROV, RDF, RDFS, SKOS, XSD, OA, OPENGOV, ORG, SCD, SCHEMA, WDT))

ZH = "zh-Hant"
EN = "en"
GOVERNMENT_TYPES = {"city-government", "local-government", "national-government", "metropolitan-authority", "government"}
PUBLIC_TYPES = GOVERNMENT_TYPES | {"agency", "ministry", "mayors-office", "representative-office", "embassy",
                                   "consulate", "council", "unit", "office", "centre"}


_SLUG = re.compile(r"[A-Za-z0-9._\-]+")
_NOT_SLUG = re.compile(r"[^A-Za-z0-9]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_CAPTION_MARK = re.compile(r"^\s*(?:\*\*)?(?:圖說?\s*\d*\s*[：:]|▲|\[(?:photo|圖)\]|photo caption\s*[:：])\s*", re.I)


@lru_cache(maxsize=65536)
def slug(key: str) -> str:
    """An ASCII path segment for a key: readable where the key is ASCII, else a short hash of it."""
    if _SLUG.fullmatch(key):
        return key
    ascii_part = _NOT_SLUG.sub("-", key).strip("-")[:40]
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=6).hexdigest()
    return f"{ascii_part}-{digest}" if ascii_part else digest


def span_iri(doc: str, span: Span) -> str:
    """The IRI of a span of a document (a fact's quoted evidence)."""
    return f"{doc}/span/{span.start}-{span.end}"


def lang_of(text: str) -> str:
    return ZH if _HAN.search(text) else EN


class Minter:
    """IRIs under one base IRI."""

    def __init__(self, base: str) -> None:
        self.base = base

    def iri(self, kind: str, key: str) -> URIRef:
        iri = _MINTED.get((self.base, kind, key))
        if iri is None:
            if len(_MINTED) >= KEPT:
                _MINTED.clear()
            iri = _MINTED[self.base, kind, key] = URIRef(f"{self.base}{kind}/{slug(key)}")
        return iri

    def document(self, source: str) -> URIRef:
        return self.iri("document", source.rsplit(".", 1)[0])

    def graph(self, source: str) -> URIRef:
        return self.iri("graph", source.rsplit(".", 1)[0])


# kept from one document to the next (a country, a city, an organisation is named in many), up to KEPT each:
_MINTED: dict[tuple[str, str, str], URIRef] = {}  # (base, kind, key) -> its IRI (rdflib checks every IRI it makes)
_TERMS: dict[str, str] = {}  # an IRI -> its N-Triples term
KEPT = 20_000  # (a release adds about 25 of its own: its spans; 20,000 are a few MB)


def graph_iri(base: str, source: str) -> URIRef:
    return Minter(base).graph(source)


class Literal(str):
    """A literal already written as an N-Triples term."""


_ECHAR = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def lit(value: object, lang: str | None = None, datatype: URIRef | None = None) -> Literal:
    """An RDF literal as its N-Triples term: a language tag, a datatype or neither (xsd:string)."""
    text = str(value)
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:  # (str.translate copies every text: 4 us for 80 Han characters)
        text = text.translate(_ECHAR)
    body = f'"{text}"'
    if lang:
        return Literal(f"{body}@{lang}")
    return Literal(f"{body}^^<{datatype}>" if datatype else body)


def _iri(term: str) -> str:
    """An IRI as its N-Triples term; characters N-Triples forbids in IRIs (from URLs in the text) percent-encoded."""
    if _IRI_UNSAFE.search(term):
        term = _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), term)
    return f"<{term}>"


class _Builder:
    """Writes a document's triples as N-Triples lines (no rdflib graph: building one cost more than the rest)."""

    def __init__(self, facts: Facts, base: str) -> None:
        self.f = facts
        self.m = Minter(base)
        # (subject, predicate, object) as N-Triples terms: a set that keeps the order triples were made in (a line's terms
        # tell it: the subject and predicate are IRIs, which hold no space)
        self.lines: dict[tuple[str, str, str], None] = {}
        self.spans: set[str] = set()
        if len(_TERMS) >= KEPT:
            _TERMS.clear()
        self.terms = _TERMS  # IRIs already written as N-Triples terms
        self.doc = self.m.document(facts.document.source)
        self.done: dict[tuple[str, str], URIRef] = {}  # entities written (the same lines each time: written once)

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        terms = self.terms
        subject = terms.get(s) or self._term(s)
        obj = o if isinstance(o, Literal) else terms.get(o) or self._term(o)
        self.lines[subject, _PREDICATES.get(p) or _predicate(p), obj] = None

    def written(self) -> ntlines.Lines:
        """The triples added so far, as N-Triples lines and terms."""
        triples = list(self.lines)
        lines = [f"{s} {p} {o} .\n" for s, p, o in triples]
        subjects, predicates, objects = zip(*triples, strict=True) if triples else ((), (), ())
        return ntlines.Lines("".join(lines), lines, subjects, predicates, objects)

    def _term(self, iri: str) -> str:
        term = self.terms[iri] = _iri(iri)
        return term

    def label(self, s: URIRef, text: str, lang: str | None = None, prop: URIRef = RDFS.label) -> None:
        if text:
            self.add(s, prop, lit(text, lang=lang or lang_of(text)))

    def derived(self, s: URIRef, span: Span) -> None:
        """``s prov:wasDerivedFrom`` a span of this document, with both selectors. The span's IRI (``span_iri``) is
        written as its term at once: it is this document's alone, so neither an rdflib term nor kept among the terms met
        before (which then keep those other documents name too)."""
        t = _iri(span_iri(self.doc, span))
        if t not in self.spans:
            self.spans.add(t)
            pos, quote = f"{t[:-1]}/position>", f"{t[:-1]}/quote>"  # _iri(f"{r}/position"): the suffix needs no escape
            doc = self.terms.get(self.doc) or self._term(self.doc)
            a, specific, source, selector, position, start, end, quoted, exact = _SPAN_TERMS
            integer = _INTEGER_SUFFIX
            self.lines.update(dict.fromkeys((
                (t, a, specific), (t, source, doc), (t, selector, pos), (t, selector, quote), (pos, a, position),
                (pos, start, Literal(f'"{span.start}"{integer}')), (pos, end, Literal(f'"{span.end}"{integer}')),
                (quote, a, quoted), (quote, exact, lit(span.text)))))
        self.lines[self.terms.get(s) or self._term(s), _DERIVED_FROM, t] = None

    # ------------------------------------------------------------------ entities
    def _once(self, kind: str, key: str, write: Callable[[str], URIRef]) -> URIRef:
        """An entity's IRI, its lines written the first time the document names it (the same lines each time)."""
        s = self.done.get((kind, key))
        if s is None:
            s = self.done[kind, key] = write(key)
        return s

    def country(self, key: str) -> URIRef:
        return self._once("country", key, self._country)

    def _country(self, key: str) -> URIRef:
        c = self.f.countries[key]
        s = self.m.iri("country", c.key)
        self.add(s, RDF.type, SCHEMA.Country)
        self.label(s, c.name_zh, ZH)
        self.label(s, c.name_en, EN)
        self.add(s, SCHEMA.identifier, lit(c.code))
        return s

    def place(self, key: str) -> URIRef:
        return self._once("place", key, self._place)

    def _place(self, key: str) -> URIRef:
        p: Place = self.f.places[key]
        s = self.m.iri("place", p.key)
        self.add(s, RDF.type, SCHEMA.City if p.kind == "city" else SCHEMA.AdministrativeArea)
        self.add(s, RDF.type, SCHEMA.Place)
        self.label(s, p.name_zh, ZH)
        self.label(s, p.name_en, EN)
        if p.surface and p.surface != p.name_zh:
            self.label(s, p.surface, ZH, SKOS.altLabel)
        if p.country and p.country.lower() in self.f.countries:
            self.add(s, SCHEMA.containedInPlace, self.country(p.country.lower()))
        if p.geonames_id:
            self.add(s, SCHEMA.sameAs, URIRef(f"{GEONAMES}{p.geonames_id}/"))
        if p.wikidata:
            self.add(s, SCHEMA.sameAs, WD[p.wikidata])
        return s

    def org(self, key: str) -> URIRef:
        return self._once("org", key, self._org)

    def _org(self, key: str) -> URIRef:
        o: Organization = self.f.organizations[key]
        s = self.m.iri("org", o.key)
        self.add(s, RDF.type, ORG.Organization)
        self.add(s, RDF.type, SCHEMA.GovernmentOrganization if o.org_type in PUBLIC_TYPES else SCHEMA.Organization)
        self.label(s, o.name_zh, ZH)
        self.label(s, o.name_en, EN)
        for alt in o.alt_names:
            self.label(s, alt, None, SKOS.altLabel)
        self.add(s, DCTERMS.type, concept("org-type", o.org_type))
        if o.country and o.country.lower() in self.f.countries:
            self.add(s, SCD.country, self.country(o.country.lower()))
        if o.place and o.place in self.f.places:
            place = self.place(o.place)
            self.add(s, SCHEMA.areaServed if o.org_type in GOVERNMENT_TYPES else SCHEMA.location, place)
        if o.parent and o.parent in self.f.organizations:
            parent = self.org(o.parent)
            self.add(s, ORG.subOrganizationOf, parent)
            self.add(parent, ORG.hasSubOrganization, s)
        return s

    def person(self, key: str) -> URIRef:
        return self._once("person", key, self._person)

    def _person(self, key: str) -> URIRef:
        p = self.f.persons[key]
        s = self.m.iri("person", p.key)
        self.add(s, RDF.type, SCHEMA.Person)
        self.add(s, RDF.type, FOAF.Person)
        lang = ZH if p.script == "zh" else EN
        self.label(s, p.name, lang)
        self.label(s, p.name, lang, SCHEMA.name)
        for alt in p.alt_names:
            self.label(s, alt)
            self.label(s, alt, None, SCHEMA.name)
        return s

    def event(self, key: str) -> URIRef:
        return self.m.iri("event", key)

    # ------------------------------------------------------------------ the document
    def document(self) -> None:
        d = self.f.document
        s = self.doc
        self.add(s, RDF.type, SCHEMA.NewsArticle)
        self.add(s, SCHEMA.inLanguage, lit(d.language))
        language = LANGUAGE[LANGUAGE_CODES[d.language]]
        self.add(s, DCTERMS.language, language)
        self.add(language, RDF.type, DCTERMS.LinguisticSystem)
        self.add(s, DCTERMS.source, lit(d.source))
        self.add(s, SCHEMA.encodingFormat, lit(d.media_type))
        self.add(s, SCHEMA.text, lit(d.text))
        self.add(s, SCD.sha256, lit(d.sha256))
        for prop, head in ((SCHEMA.headline, d.title), (SCHEMA.name, d.title), (RDFS.label, d.title), (SCHEMA.alternativeHeadline, d.subtitle)):
            if head is not None:  # a Chinese title in the document's script: zh-Hans for a simplified-character reprint
                self.label(s, head.text, d.language if lang_of(head.text) == ZH and d.language.startswith("zh") else None, prop)
        if d.header.published:
            self.add(s, DCTERMS.issued, lit(d.header.published.isoformat(), datatype=XSD.date))
        if d.header.posted:
            self.add(s, SCHEMA.dateCreated, lit(d.header.posted.isoformat(), datatype=XSD.date))
        if d.date:  # published, else posted, else the only date the header gives (an update)
            self.add(s, SCHEMA.datePublished, lit(d.date.isoformat(), datatype=XSD.date))
        if d.header.updated:
            self.add(s, SCHEMA.dateModified, lit(d.header.updated.isoformat(), datatype=XSD.date))
            self.add(s, DCTERMS.modified, lit(d.header.updated.isoformat(), datatype=XSD.date))
        if self.f.publisher:
            self.add(s, SCHEMA.publisher, self.org(self.f.publisher))
        for b in d.blocks:
            if b.kind == "caption" and b.number is not None:
                img = URIRef(f"{s}/figure/{b.number}")
                self.add(img, RDF.type, SCHEMA.ImageObject)
                caption = _CAPTION_MARK.sub("", b.span.text)
                self.add(img, SCHEMA.caption, lit(caption, lang=lang_of(caption)))
                self.add(img, SCHEMA.position, lit(b.number, datatype=XSD.integer))
                self.add(s, SCHEMA.image, img)
                self.derived(img, b.span)
            elif b.kind == "attachment":
                att = URIRef(f"{s}/attachment/{b.span.start}")
                self.add(att, RDF.type, SCHEMA.CreativeWork)
                self.label(att, b.span.text, None, SCHEMA.name)
                self.add(s, SCHEMA.hasPart, att)
                self.derived(att, b.span)
            for url in b.urls:
                self.add(s, SCHEMA.citation, URIRef(url))
        for c in self.f.contacts:
            person = self.person(c.person)
            cp = self.m.iri("contact", f"{d.source}-{c.name.text}")
            self.add(cp, RDF.type, SCHEMA.ContactPoint)
            self.add(cp, SCHEMA.contactType, lit("媒體聯絡", lang=ZH))
            self.add(cp, SCHEMA.name, lit(c.name.text, lang=ZH))
            for phone in c.phones:
                self.add(cp, SCHEMA.telephone, lit(phone))
            self.add(person, SCHEMA.contactPoint, cp)
            self.add(s, SCHEMA.contactPoint, cp)
            if c.unit and self.f.publisher:
                unit = self.m.iri("org", f"{self.f.publisher}/{c.unit}")
                self.add(unit, RDF.type, ORG.OrganizationalUnit)
                self.add(unit, RDF.type, ORG.Organization)
                self.add(unit, RDF.type, SCHEMA.GovernmentOrganization)
                self.label(unit, c.unit, ZH)
                self.add(unit, DCTERMS.type, concept("org-type", "unit"))
                self.add(unit, ORG.unitOf, self.org(self.f.publisher))
                self.add(unit, ORG.subOrganizationOf, self.org(self.f.publisher))
                self.add(person, ORG.memberOf, unit)
            self.derived(cp, c.name)

    # ------------------------------------------------------------------ facts
    def posts(self) -> None:
        for p in self.f.posts:
            person = self.person(p.person)
            org = self.org(p.organization)
            role = self.f.roles[p.role]
            o = self.f.organizations[p.organization]
            post = self.m.iri("post", f"{p.organization}/{p.role}")
            self.add(post, RDF.type, ORG.Post)
            self.add(post, ORG.postIn, org)
            self.add(post, ORG.role, concept("role", role.key))
            self.label(post, f"{o.name_zh}{role.name_zh}", ZH)
            if o.name_en:
                self.label(post, f"{role.name_en}, {o.name_en}", EN)
            self.add(person, ORG.holds, post)
            self.add(person, ORG.memberOf, org)
            ms = self.m.iri("membership", f"{p.person}/{p.organization}/{p.role}")
            self.add(ms, RDF.type, ORG.Membership)
            self.add(ms, ORG.member, person)
            self.add(ms, ORG.organization, org)
            self.add(ms, OPENGOV.post, post)
            self.add(ms, ORG.role, concept("role", role.key))
            self.derived(ms, p.span)

    def events(self) -> None:
        for e in self.f.events.values():
            s = self.event(e.key)
            self.add(s, RDF.type, SCHEMA.Event)
            names = e.names_zh + e.names_en
            for n in names:
                self.label(s, n, None, SCHEMA.name)
            if e.names_zh:
                self.label(s, e.names_zh[0], ZH)
            if e.names_en:
                self.label(s, e.names_en[0], EN)
            for n in e.names_zh[1:] + e.names_en[1:]:
                self.label(s, n, None, SKOS.altLabel)
            if e.start:
                self.add(s, SCHEMA.startDate, lit(e.start.isoformat(), datatype=XSD.date))
            if e.end:
                self.add(s, SCHEMA.endDate, lit(e.end.isoformat(), datatype=XSD.date))
            if e.session:
                self.add(s, SCHEMA.position, lit(e.session, datatype=XSD.integer))
            if e.parent and e.parent in self.f.events:
                parent = self.event(e.parent)
                self.add(s, SCHEMA.superEvent, parent)
                self.add(parent, SCHEMA.subEvent, s)
            if e.venue:
                v = self.f.venues[e.venue]
                vs = self.m.iri("venue", v.key)
                self.add(vs, RDF.type, SCHEMA.Place)
                self.label(vs, v.name_zh, ZH)
                self.label(vs, v.name_zh, ZH, SCHEMA.name)
                if v.place and v.place in self.f.places:
                    self.add(vs, SCHEMA.containedInPlace, self.place(v.place))
                self.add(s, SCHEMA.location, vs)
            if e.urls:
                vl = URIRef(f"{s}/online")
                self.add(vl, RDF.type, SCHEMA.VirtualLocation)
                for u in e.urls:
                    self.add(vl, SCHEMA.url, URIRef(u))
                self.add(s, SCHEMA.location, vl)
            if e.mixed_mode:
                self.add(s, SCHEMA.eventAttendanceMode, SCHEMA.MixedEventAttendanceMode)
            for fig in e.figures:
                q = self.m.iri("figure", f"{e.key}/{fig.kind}/{fig.value}")
                self.add(q, RDF.type, SCHEMA.QuantitativeValue)
                self.add(q, SCHEMA.value, lit(fig.value, datatype=XSD.integer))
                self.add(q, SCD.figureType, concept("figure", fig.kind))
                self.add(s, SCD.reportedFigure, q)
                self.derived(q, fig.span)
            for sp in e.spans[:3]:
                self.derived(s, sp)
            for sp in e.date_spans[:3]:
                self.derived(s, sp)

    def participations(self) -> None:
        modes = {"online": SCHEMA.OnlineEventAttendanceMode, "in-person": SCHEMA.OfflineEventAttendanceMode}
        for p in self.f.participations:
            s = self.m.iri("participation", f"{p.person}/{p.event}")
            person = self.person(p.person)
            event = self.event(p.event)
            self.add(s, RDF.type, SCD.Participation)
            self.add(s, SCD.participant, person)
            self.add(s, SCD.inEvent, event)
            self.add(s, SCD.role, concept("participation-role", p.role))
            if p.mode in modes:
                self.add(s, SCD.attendanceMode, modes[p.mode])
            self.add(event, SCHEMA.attendee, person)
            if p.role == "speaker":
                self.add(event, SCHEMA.performer, person)
            self.derived(s, p.span)

    def statements(self) -> None:
        for n, st in enumerate(self.f.statements, 1):
            s = self.m.iri("statement", f"{self.f.document.source.rsplit('.', 1)[0]}-{n}")
            self.add(s, RDF.type, SCD.Statement)
            self.add(s, SCHEMA.creator, self.person(st.speaker))
            self.add(s, SCHEMA.text, lit(st.quote.text, lang=lang_of(st.quote.text)))
            for t in st.themes:
                self.add(s, SCHEMA.about, concept("theme", t))
            self.add(s, SCHEMA.isPartOf, self.doc)
            if st.event and st.event in self.f.events:
                self.add(s, SCHEMA.recordedAt, self.event(st.event))
            self.derived(s, st.span)

    def agreements(self) -> None:
        for a in self.f.agreements.values():
            s = self.m.iri("agreement", a.key)
            self.add(s, RDF.type, SCD.Agreement)
            self.add(s, DCTERMS.type, concept("agreement-type", a.kind))
            self.add(s, SCHEMA.creativeWorkStatus, concept("agreement-status", a.status))
            for party in a.parties:
                if party in self.f.places:
                    self.add(s, SCD.party, self.place(party))
                elif party in self.f.organizations:
                    self.add(s, SCD.party, self.org(party))
            if a.date:
                self.add(s, DCTERMS.date, lit(a.date.isoformat(), datatype=XSD.date))
            if a.topic:
                self.label(s, a.topic, None, SCD.topic)
            for lang, name in a.names:
                self.add(s, SCHEMA.name, lit(name, lang=lang))
            if a.event and a.event in self.f.events:
                self.add(s, SCHEMA.recordedAt, self.event(a.event))
            for c in a.commitments:
                cs = URIRef(f"{s}/commitment/{c.position}")
                self.add(cs, RDF.type, SCD.Commitment)
                self.add(cs, SCHEMA.position, lit(c.position, datatype=XSD.integer))
                for lang, text in c.texts:
                    self.add(cs, SCHEMA.text, lit(text, lang=lang))
                self.add(s, SCHEMA.hasPart, cs)
                self.add(cs, SCHEMA.isPartOf, s)
                for sp in c.spans:
                    self.derived(cs, sp)
            self.derived(s, a.span)
            for sp in a.retold:  # the same agreement told again in the page (relate.retold)
                self.derived(s, sp)

    def sister_cities(self) -> None:
        for sc in self.f.sister_cities:
            a, b = self.place(sc.a), self.place(sc.b)
            s = self.m.iri("sister-cities", f"{sc.a}/{sc.b}")
            self.add(s, RDF.type, SCD.SisterCityRelation)
            self.add(s, SCD.city, a)
            self.add(s, SCD.city, b)
            self.add(a, WDT.P190, b)
            self.add(b, WDT.P190, a)
            self.derived(s, sc.span)


def to_ntriples(facts: Facts, base_iri: str) -> tuple[str, int]:
    """The RDF of one document's facts (its named graph's content) as N-Triples, and the number of triples."""
    lines = to_lines(facts, base_iri)
    return lines.text, len(lines.lines)


def to_lines(facts: Facts, base_iri: str) -> ntlines.Lines:
    """``to_ntriples``, with its lines and their terms (``ntlines.Lines``: as the stages after this one read them)."""
    b = _Builder(facts, base_iri)
    b.document()
    b.posts()
    b.events()
    b.participations()
    b.statements()
    b.agreements()
    b.sister_cities()
    return b.written()


_PREDICATES: dict[str, str] = {}  # predicate IRIs as N-Triples terms (vocabulary: none needs an escape)


def _predicate(p: str) -> str:
    term = _PREDICATES[p] = f"<{p}>"
    return term


_DERIVED_FROM = _predicate(PROV.wasDerivedFrom)
_INTEGER_SUFFIX = f"^^<{XSD.integer}>"  # an int's literal as ``lit`` writes it (its digits need no escape)
_SPAN_TERMS = tuple(_predicate(p) for p in (RDF.type, OA.SpecificResource, OA.hasSource, OA.hasSelector, OA.TextPositionSelector,
                                            OA.start, OA.end, OA.TextQuoteSelector, OA.exact))


def to_graph(facts: Facts, base_iri: str) -> Graph:
    """The same triples as an rdflib graph, with the usual prefixes bound (for tests and Python users)."""
    g = Graph()
    for p, iri in PREFIXES.items():
        g.bind(p, iri)
    return g.parse(data=to_ntriples(facts, base_iri)[0], format="nt")
