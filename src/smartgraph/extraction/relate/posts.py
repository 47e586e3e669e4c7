"""Posts: a person holds a post (a role) in an organisation, as the words around their name say.

The organisation is the one the affiliation before the title names. A post with no affiliation
takes, in order: the previous list item's government (羅茲市議會主席X、國際合作經理Y), the home
government for a local title held by someone with a Chinese name (市長林佳龍), the government of the
last foreign place the sentence named for someone with a foreign name, the home government for a
post in an agency, or the home country's government for a national post (總統蔡英文).
"""

from __future__ import annotations

from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import PersonMention, PlaceMention, Resolved
from smartgraph.extraction.resolve.orgs import government, national_government
from smartgraph.extraction.resolve.places import add_place
from smartgraph.model import Post

LOCAL_SCOPES = ("city", "county", "township", "district", "council", "agency")


def _looks_foreign(p: PersonMention) -> bool:
    if p.name.script == "latin" or p.name.alt:
        return True
    from smartgraph.extraction.recognise.names import NameScorer

    return NameScorer("", set(), set()).shape(p.name.text) < 1.0


def _last_foreign_place(res: Resolved, p: PersonMention) -> str:
    text = res.text
    s = text.sentences[text.sentence_of(p.start)]
    best: PlaceMention | None = None
    for m in res.recognised.places:
        if s.start <= m.start and m.end <= p.name.start and (m.country or "") != (res.home_country or "TW"):
            best = m
    return government(res, add_place(res, best)) if best is not None else ""


def fallback_org(res: Resolved, p: PersonMention, title: lx.Title, previous: str) -> str:
    if p.inherit and previous:
        parent = res.organizations[previous].parent if previous in res.organizations else ""
        return parent or previous
    foreign = _looks_foreign(p)
    if not foreign and title.scope in LOCAL_SCOPES and res.home_place in res.places:
        return government(res, res.home_place)
    if foreign:
        org = _last_foreign_place(res, p)
        if org:
            return org
    if title.scope == "country" and not foreign:
        return national_government(res, res.home_country or "TW")
    return ""


def find_posts(res: Resolved) -> list[Post]:
    out: list[Post] = []
    seen: set[tuple[str, str, str]] = set()
    previous = ""
    text = res.text
    for p in sorted(res.recognised.persons, key=lambda m: m.start):
        key = res.person_of.get(p)
        if not key or p.short:
            continue
        for tm, stretch in p.posts:
            org = res.org_of.get(stretch, "") or fallback_org(res, p, tm.title, previous)
            if not org:
                continue
            previous = org
            k = (key, org, tm.title.key)
            if k in seen:
                continue
            seen.add(k)
            out.append(Post(key, org, tm.title.key, text.span(p.start, p.end)))
    return out
