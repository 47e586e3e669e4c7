"""Resolve: mentions to the entities of one document. Resolvers read mentions, not the raw text again.

- places and countries linked to the gazetteer, and the document's home city (resolve.places);
- the publisher, from the header;
- people, by coreference sieves (resolve.people);
- the organisation each affiliation and each organisation mention names (resolve.orgs);
- events, by name (resolve.events).
"""

from __future__ import annotations

import re

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.entities import add_place, government, org_country, organization
from smartgraph.extraction.mentions import Recognised, Resolved
from smartgraph.extraction.resolve.events import resolve_events
from smartgraph.extraction.resolve.orgs import affiliation, foreign_ministry_en, mission_en, premier_en
from smartgraph.extraction.resolve.people import resolve_people
from smartgraph.extraction.resolve.places import home
from smartgraph.extraction.text import Ranges, fold
from smartgraph.model import Organization, Role

__all__ = ["resolve"]

_GOV = ("市政府", "縣政府", "市府", "縣府", "政府")


def _publisher(res: Resolved) -> None:
    """The publishing agency, from the header (臺北市政府資訊局, 新聞局, Information Bureau, ...)."""
    span = res.text.doc.header.publisher
    if span is None or not span.text.strip():
        return
    name = span.text.strip()
    ot = lx.org_type_of(name, bare=True)
    entry = None
    n = 0
    for n in range(min(len(name), 8), 1, -1):
        entry = gz.place_named(name[:n])
        if entry is not None and entry.country == (res.home_country or "TW"):
            break
        entry = None
    if entry is not None and entry.key() == res.home_place and res.home_place in res.places:
        gov = government(res, res.home_place)
        rest = name[n:]
        for g in _GOV:
            if rest.startswith(g):
                rest = rest[len(g):]
                break
        if rest.startswith(("市", "縣")) and not rest.startswith(("市長", "縣長")):
            rest = rest[1:]
            for g in _GOV:
                if rest.startswith(g):
                    rest = rest[len(g):]
                    break
        if not rest:
            res.publisher = gov
            return
        ut = lx.org_type_of(rest, bare=True)
        res.publisher_unit = rest
        res.publisher = organization(res, f"{gov}/{fold(rest)}", name, ut.key if ut else "agency", res.home_country,
                                     res.home_place, gov)
        return
    if res.home_place and res.home_place in res.places and ot is not None and ot.kind in ("unit", "government"):
        gov = government(res, res.home_place)
        res.publisher_unit = name
        res.publisher = organization(res, f"{gov}/{fold(name)}", name, ot.key, res.home_country, res.home_place, gov)
        return
    if not re.search(r"[\u3400-\u9fff]", name):
        # an English header (Information Bureau, Kaohsiung City Government; Secretariat): an English label
        key = f"org-{fold(name)}"
        res.organizations.setdefault(key, Organization(key, "", name, ot.key if ot else "agency",
                                                               org_country(res, res.home_country)))
        res.publisher = key
        return
    res.publisher = organization(res, f"org-{fold(name)}", name, ot.key if ot else "agency", res.home_country)


def resolve(r: Recognised) -> Resolved:
    res = Resolved(r)
    home(res)
    _publisher(res)
    resolve_people(res)
    # a surname before a title that named a known person (高島市長 = 高島宗一郎) is not the place it also spells
    named = Ranges([p.name for p in res.person_of if p.short], lambda n: n.start, lambda n: n.end)
    for m in r.places:
        if not named.overlapping(m.start, m.end):
            add_place(res, m)
    for p in r.persons:
        for tm, (a, e) in p.posts:
            affiliation(res, a, e, tm.title)
            if r.text.doc.language == "en":  # "Taiwan's Ambassador to X": the embassy, not the government that sent them
                mission = mission_en(res, tm.title.key, a, e, tm.end) or foreign_ministry_en(res, tm.text, a, e) \
                    or premier_en(res, tm.title.key, a, e)
                if mission:
                    res.org_of[(a, e)] = mission
            res.roles.setdefault(tm.title.key, _role(tm.title))
    resolve_events(res)
    return res


def _role(t: lx.Title) -> Role:
    return Role(t.key, t.label_zh, t.label_en)
