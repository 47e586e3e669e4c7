"""Plain values passed between the stages: documents, facts with their source spans, validation reports.

Nothing here imports rdflib: extraction produces these, the graph stage turns them into RDF.
Entities are named by *keys*: short strings that are the same for the same entity in every
document (a GeoNames id for a city, an ISO code for a country, a folded name for a person), so
that the graph stage can mint the same IRI from any document without global state.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

# ----------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Span:
    """A stretch of a document's text, in Unicode code points (as Python ``str`` and Web Annotation count)."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


@dataclass(frozen=True)
class Block:
    """A paragraph-level unit of the body: paragraph, list item, figure caption, attachment heading."""

    kind: str  # paragraph | list-item | caption | attachment | heading
    span: Span
    number: int | None = None  # figure number (圖N), list item number
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Notice:
    """A warning about one document: what, and where (1-based line)."""

    message: str
    line: int | None = None


@dataclass(frozen=True)
class Header:
    """What a document says about itself, outside its body: the header fields of an official release, or
    the date line, byline and dateline of a news story. Every Span points into the recorded text; absent
    fields are None or empty.

    - ``publisher``: the issuing office as the header names it (發布機關, Source, Unit, a bare unit in a
      ``新聞稿 ｜ 2025/09/15 ｜ 民政處`` line); never a news outlet.
    - ``published`` / ``published_span``: the publication date (發布日期, Publish Date, Date, a news story's
      date line); ``posted``: a posting date (張貼日, 上版日期, Post Date); ``updated`` / ``updated_span``: a
      later update (更新日期, Updated:, Update Time:, ``（7/4 15:21 更新）``), kept apart from ``published``.
    - ``contact_unit``, ``contacts``, ``phones``: the press contact.
    - ``outlet``: the news outlet a byline, date line or dateline names (聯合報, 中央社, CNA, Taiwan News).
    - ``reporters``: the reporters a byline or dateline names (記者周奕安、林珮君 -> two spans).
    - ``dateline_place``: where a news story was filed (台北報導 -> 台北, 上海4日電 -> 上海,
      ``TAICHUNG, March 13 (CNA)`` -> TAICHUNG); ``dateline_day``: the day of the month a dateline gives
      when it gives no month (上海4日電 -> 4).
    - ``kind``: "release" when an issuing office is named, "news" for a news story or reprint (a byline,
      an outlet or a dateline and no issuing office), "" when neither is known.
    - ``site``: the portal or government a page's banner or breadcrumb names (``Taichung City Government
      > City News`` -> Taichung City Government), which a unit-only publisher (``Unit: Secretariat``)
      belongs to.
    - ``bylines``: each byline, date line and dateline as written; ``boilerplate``: navigation, banners,
      share/print links, related-story lists, photo credits and the like. Neither is in the body blocks.
    """

    publisher: Span | None = None
    published: dt.date | None = None
    published_span: Span | None = None
    posted: dt.date | None = None
    contact_unit: Span | None = None
    contacts: tuple[Span, ...] = ()
    phones: tuple[Span, ...] = ()
    updated: dt.date | None = None
    updated_span: Span | None = None
    outlet: Span | None = None
    reporters: tuple[Span, ...] = ()
    dateline_place: Span | None = None
    dateline_day: int | None = None
    kind: str = ""  # release | news | ""
    site: Span | None = None
    bylines: tuple[Span, ...] = ()
    boilerplate: tuple[Span, ...] = ()


_HEADLINE_DAY = re.compile(r"[（(]\s*(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\s*[)）]\s*$")


@dataclass(frozen=True)
class Document:
    """One press release or news story, read and split, with its text kept whole so that offsets stay true.

    ``language`` is detected from the title and body: "zh-Hant", "zh-Hans" (simplified characters) or "en".
    """

    source: str  # the file name, the document's stable identity
    path: str
    text: str
    encoding: str
    sha256: str
    header: Header
    title: Span | None
    subtitle: Span | None
    blocks: tuple[Block, ...]
    notices: tuple[Notice, ...] = ()
    language: str = "zh-Hant"
    media_type: str = "text/plain"  # text/html for a saved web page (its recorded text is the extracted text)

    @functools.cached_property
    def date(self) -> dt.date | None:
        """The day the document speaks from: the publication date, else the posting date, else the update date; but
        the day its headline ends with, when earlier (an archive's story posted again years later: 「A Delegation …
        visited Taichung City(2010-04-14)」 under ``Date: 2018-07-06``), which its own "today" and "April 13th" mean."""
        published = self.header.published or self.header.posted or self.header.updated
        m = _HEADLINE_DAY.search(self.title.text) if self.title is not None else None
        if m is not None and published is not None:
            try:
                own = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return published
            if own < published:
                return own
        return published

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1


# ----------------------------------------------------------------------------- entities


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name_zh: str
    name_en: str
    numeric: str = ""
    alpha3: str = ""

    @property
    def key(self) -> str:
        return self.code.lower()


@dataclass(frozen=True)
class Place:
    """A city, county, region or district."""

    key: str  # "gn-<geonameid>" or "place-<folded name>"
    kind: str  # city | region | district
    name_zh: str
    name_en: str
    country: str  # ISO alpha-2, "" if unknown
    geonames_id: int | None = None
    wikidata: str = ""  # Q-id, only where certain
    surface: str = ""  # as the document writes it


@dataclass(frozen=True)
class Organization:
    key: str
    name_zh: str
    name_en: str
    org_type: str  # a concept id of the organisation-type scheme
    country: str  # ISO alpha-2 of the country it belongs to (for a foreign office: the country it represents)
    place: str = ""  # key of the place it governs or sits in
    parent: str = ""  # key of the organisation it is part of
    alt_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    script: str  # "zh" (Han) or "latn"
    alt_names: tuple[str, ...] = ()  # the name in the other script (柯文哲 / Ko Wen-je)


@dataclass(frozen=True)
class Role:
    """A post title from the titles gazetteer."""

    key: str
    name_zh: str
    name_en: str


# ----------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Post:
    """Person holds a post (role) in an organisation, as one span says."""

    person: str
    organization: str
    role: str
    span: Span


@dataclass(frozen=True)
class Figure:
    """A figure reported for an event: countries, registrants, online views, speakers."""

    kind: str  # countries | registrants | views | speakers | cities
    value: int
    span: Span


@dataclass
class Event:
    key: str
    category: str  # summit | expo | forum | conference | session
    names_zh: list[str] = field(default_factory=list)
    names_en: list[str] = field(default_factory=list)
    year: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    parent: str = ""
    session: int | None = None
    venue: str = ""  # key of a Venue
    duration_days: int | None = None  # 為期兩天
    mixed_mode: bool = False
    urls: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    date_spans: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class Venue:
    key: str
    name_zh: str
    name_en: str = ""
    place: str = ""


@dataclass(frozen=True)
class Participation:
    person: str
    event: str
    mode: str  # in-person | online | unspecified
    role: str  # participant | speaker | host | signatory
    span: Span


@dataclass(frozen=True)
class Commitment:
    position: int
    texts: tuple[tuple[str, str], ...]  # (language tag, text)
    spans: tuple[Span, ...]


@dataclass
class Agreement:
    key: str
    kind: str  # mou | friendship | declaration | agreement | sister-city
    status: str  # planned | signed
    parties: list[str]  # place or organisation keys
    span: Span
    date: dt.date | None = None
    topic: str = ""
    names: list[tuple[str, str]] = field(default_factory=list)  # (language tag, name)
    event: str = ""
    commitments: list[Commitment] = field(default_factory=list)
    # (relate.retold) where the same page tells this agreement again: more evidence, not another agreement
    retold: list[Span] = field(default_factory=list)
    year: int | None = None  # the year its key was made with (the date's, a year told, the page's); not written to the graph


@dataclass(frozen=True)
class SisterCity:
    a: str
    b: str
    span: Span


@dataclass(frozen=True)
class Statement:
    speaker: str
    span: Span  # the whole reported statement (speaker, verb and what was said)
    quote: Span  # what was said
    themes: tuple[str, ...]
    event: str = ""
    # the speaker is inferred (who 他/她/he/she, a clause without a subject or a bare post means): not evidence enough that
    # they were at the event
    by_pronoun: bool = False


@dataclass(frozen=True)
class Contact:
    person: str  # person key
    name: Span
    unit: str
    phones: tuple[str, ...]


@dataclass
class Facts:
    """Everything extracted from one document."""

    document: Document
    publisher: str = ""  # organisation key
    home_city: str = ""  # place key of the publisher's city
    countries: dict[str, Country] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)
    posts: list[Post] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)
    participations: list[Participation] = field(default_factory=list)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    sister_cities: list[SisterCity] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    def count(self) -> int:
        """How many facts (not entities) this document gave."""
        return (
            len(self.posts) + len(self.events) + len(self.participations) + len(self.agreements)
            + len(self.sister_cities) + len(self.statements) + len(self.contacts)
        )


# ----------------------------------------------------------------------------- validation


@dataclass(frozen=True)
class Violation:
    focus: str
    shape: str
    message: str
    severity: str  # Violation | Warning | Info
    path: str = ""
    value: str = ""
    source: str = ""  # the document the focus node comes from


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: tuple[Violation, ...] = ()

    @property
    def errors(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.severity == "Violation")
