"""What the stages hand each other: mentions (recognise), entities (resolve).

A mention is a stretch of a ``Text`` (start, end in Text positions) with a type, a normal form and
a confidence; it never states a fact. Resolution links mentions to entities of the document
(people, places, organisations, events); relation finding turns entities into ``Facts``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypeVar

from smartgraph.extraction.gazetteer import PlaceEntry
from smartgraph.extraction.lexicon import OrgType, Title
from smartgraph.extraction.text import Ranges, Text
from smartgraph.model import Country, Organization, Person, Place, Role, Venue


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


M = TypeVar("M", bound=Mention)


@dataclass(frozen=True)
class CountryMention(Mention):
    code: str


@dataclass(frozen=True)
class PlaceMention(Mention):
    name: str  # as written, without a trailing 市/縣 that the text joins to a title
    entry: PlaceEntry | None  # None: a place no gazetteer knows (烏拉圭東岬市)
    country: str = ""  # ISO code when the text or the gazetteer tells it
    kind: str = "city"


@dataclass(frozen=True)
class TitleMention(Mention):
    title: Title  # for a former post (前市長), the former role
    former: bool = False


@dataclass(frozen=True)
class OrgMention(Mention):
    """An organisation named by how its name ends (資訊局, 交流協會) or in Latin letters (ICLEI)."""

    org_type: OrgType | None
    name: str


@dataclass(frozen=True)
class NameMention(Mention):
    """A personal name: Han (柯文哲, 高島宗一郎, 賀吉普) or Latin (Zdeněk Hřib), with the other script's form
    when the text gives it in brackets."""

    script: str  # han | latin
    alt: str = ""  # the name in the other script, from brackets
    conf: float = 1.0


@dataclass(frozen=True)
class PersonMention(Mention):
    """A person named in the text, with the posts the same stretch of text gives them.

    ``posts`` pairs each title with the stretch before it that may name its organisation
    (the affiliation, unparsed); ``short`` marks a surname-and-title mention (柯市長, 高島市長) that
    only coreference can name."""

    name: NameMention
    posts: tuple[tuple[TitleMention, tuple[int, int]], ...] = ()
    short: bool = False
    how: str = "title"  # title | bracket | honorific | known | short | pronoun | party
    inherit: bool = False  # a list item without its own affiliation: it takes the previous item's


@dataclass(frozen=True)
class EventMention(Mention):
    name: str  # the name as written (quotes dropped), whitespace normalised
    category: str  # summit | forum | expo | congress | conference | festival | day | session | ceremony | visit
    part: bool  # a session or ceremony: part of a larger event
    quoted: bool = False
    year: int | None = None
    generic: bool = False  # only a head word (論壇, 記者會): a reference to an event named elsewhere
    alt: str = ""  # the name in the other language, from brackets
    ordinal: int | None = None  # 第5屆
    head: int | None = None  # where the event word or the verb of a visit stands
    site: bool = False  # a visit to a site, not a place ("toured the Xuhui Riverside"; not "visited the Netherlands")


@dataclass(frozen=True)
class DateMention(Mention):
    date: dt.date
    last: dt.date | None = None
    precision: str = "day"  # day | week | month | year
    relative: bool = False
    kind: str = "full"  # how it was written: full | month-day | day | relative | month | year


@dataclass(frozen=True)
class AgreementMention(Mention):
    kind: str  # mou | friendship | declaration
    word: str  # the agreement word as written (備忘錄, 友好交流協定)
    name: str = ""  # the full name when quoted (「創新創業國際交流合作備忘錄」)
    count: int = 1  # 4項交流合作備忘錄
    items: tuple[tuple[int, int], ...] = ()  # the topics listed before a count (文化、旅遊、環保及科技園區)


@dataclass(frozen=True)
class CueMention(Mention):
    cls: str  # say | attend | host | sign | witness | visit | future | online | in-person | tie


@dataclass
class Recognised:
    """Everything the recognisers found in one document, in text order per kind."""

    text: Text
    countries: list[CountryMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    persons: list[PersonMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    agreements: list[AgreementMention] = field(default_factory=list)
    cues: list[CueMention] = field(default_factory=list)
    _index: dict[int, tuple[list[Any], Ranges[Any]]] = field(default_factory=dict, repr=False, compare=False)

    def ranges(self, items: list[M]) -> Ranges[M]:
        """A position index over ``items`` (one of this object's lists), made once and kept while the list stays."""
        cached = self._index.get(id(items))
        if cached is None or cached[0] is not items or len(cached[1]) != len(items):
            index: Ranges[M] = Ranges(items, lambda m: m.start, lambda m: m.end)
            self._index[id(items)] = (items, index)
            return index
        return cached[1]

    def within(self, items: list[M], start: int, end: int) -> list[M]:
        """The mentions of ``items`` that begin in ``start..end``, in text order."""
        return self.ranges(items).starting(start, end)


@dataclass
class EventEntity:
    key: str
    category: str
    part: bool
    names: list[str] = field(default_factory=list)
    mentions: list[EventMention] = field(default_factory=list)
    year: int | None = None
    origin: str = "named"  # named | generic (only an event word) | act (a signing the text tells) | headline (a visit)


@dataclass
class Resolved:
    """Entities of one document and the links from mentions to them."""

    recognised: Recognised
    home_place: str = ""
    home_country: str = ""
    home_gov: str = ""
    publisher: str = ""  # organisation key
    publisher_unit: str = ""
    countries: dict[str, Country] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    venues: dict[str, Venue] = field(default_factory=dict)
    events: dict[str, EventEntity] = field(default_factory=dict)
    person_of: dict[PersonMention, str] = field(default_factory=dict)
    org_of: dict[tuple[int, int], str] = field(default_factory=dict)  # an affiliation stretch -> organisation key
    place_of: dict[PlaceMention, str] = field(default_factory=dict)
    event_of: dict[EventMention, str] = field(default_factory=dict)
    party_of: dict[tuple[int, int], str] = field(default_factory=dict)  # a stretch naming an agreement party -> key

    _index: dict[int, tuple[dict[Any, str], Ranges[tuple[Any, str]]]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> Text:
        return self.recognised.text

    def linked(self, links: dict[M, str]) -> Ranges[tuple[M, str]]:
        """A position index over one of the mention-to-entity maps (``person_of``, ``event_of``, ``place_of``)."""
        cached = self._index.get(id(links))
        if cached is None or cached[0] is not links or len(cached[1]) != len(links):
            cached = (links, Ranges(links.items(), lambda mk: mk[0].start, lambda mk: mk[0].end))
            self._index[id(links)] = cached
        return cached[1]

    def linked_in(self, links: dict[M, str], start: int, end: int) -> list[tuple[M, str]]:
        """The (mention, entity key) pairs of ``links`` whose mention begins in ``start..end``, in text order."""
        return self.linked(links).starting(start, end)
