"""Extraction: a Document in, its Facts out. Plain Python: no RDF here.

One pass over the document's units (title, subtitle, paragraphs, list items, captions) finds,
sentence by sentence, places, events, people with posts, agreements, sister-city ties and
participation; a second pass finds statements once every titled person is known.
"""

from __future__ import annotations

import re

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.agreements import agreement_names_from, commitments, find_agreements, find_sister_cities
from smartgraph.extraction.context import Context, Mention
from smartgraph.extraction.events import event_details, find_events, finish_events, main_event
from smartgraph.extraction.people import GOV_PREFIX, PersonMention, find_known, find_people
from smartgraph.extraction.places import find_places
from smartgraph.extraction.statements import find_participation, find_statements, speakers_take_part
from smartgraph.extraction.text import View, sentences, units
from smartgraph.model import Contact, Document, Facts, Notice, Participation, Post

__all__ = ["extract"]


def _publisher(ctx: Context) -> None:
    """The publishing agency, its city and country, from the header's 發布機關 (臺北市政府資訊局)."""
    span = ctx.doc.header.publisher
    if span is None or not span.text:
        return
    name = span.text
    mentions = [m for m in find_places(ctx, name, 0, len(name)) if m.kind == "place"]
    ot = gz.org_type_of(name)
    if not mentions or mentions[0].start != 0:
        # an English header (Information Bureau, Kaohsiung City Government; Secretariat) is an English label, not a Chinese one
        latin = not re.search(f"[{gz.HAN}]", name)
        ctx.facts.publisher = ctx.org(f"org-{gz.fold(name)}", "" if latin else name, ot.key if ot else "agency", ctx.home_country,
                                      name_en=name if latin else "")
        return
    place = mentions[0]
    ctx.home_place = place.key
    ctx.home_country = ctx.facts.places[place.key].country or "TW"
    ctx.home_gov = ctx.government(place.key)
    rest = name[place.end:]
    gm = GOV_PREFIX.match(rest)
    unit = rest[gm.end():] if gm else rest
    if not unit:
        ctx.facts.publisher = ctx.home_gov
        return
    ut = gz.org_type_of(unit)
    ctx.publisher_unit = unit
    key = f"{ctx.home_gov}/{gz.fold(unit)}"
    ctx.facts.publisher = ctx.org(key, name, ut.key if ut else "agency", ctx.home_country, ctx.home_place, ctx.home_gov)
    ctx.org(key, unit, ut.key if ut else "agency", ctx.home_country)  # the short name, as the text writes it


def _contacts(ctx: Context) -> None:
    h = ctx.doc.header
    phones = tuple(p.text for p in h.phones)
    unit = h.contact_unit.text if h.contact_unit else ""
    for c in h.contacts:
        if len(c.text) >= 2:
            ctx.facts.contacts.append(Contact(ctx.person(c.text), c, unit, phones))


def extract(doc: Document) -> Facts:
    """Every fact of one document."""
    ctx = Context(doc)
    ctx.facts.notices.extend(doc.notices)
    _publisher(ctx)
    _contacts(ctx)
    views = list(units(doc))
    per_view: list[tuple[View, list[tuple[int, int]], dict[int, list[PersonMention]], dict[int, str], dict[int, list[Mention]]]] = []
    known: dict[str, str] = {}
    # pass 1: places, events, titled people
    for view in views:
        sents = list(sentences(view))
        people: dict[int, list[PersonMention]] = {}
        places: dict[int, list[Mention]] = {}
        event_of: dict[int, str] = {}
        for n, (s0, s1) in enumerate(sents):
            places[n] = find_places(ctx, view.text, s0, s1)
            evs = find_events(ctx, view, s0, s1)
            if evs:
                event_of[n] = evs[0].key
            found = find_people(ctx, view, (s0, s1), places[n])
            people[n] = found
            for p in found:
                name = view.text[p.name_start: p.name_end]
                if len(name) >= 2:
                    known.setdefault(name, p.person)
        per_view.append((view, sents, people, event_of, places))
    main = main_event(ctx)
    # pass 2: bare names, event details, agreements, sister cities, participation
    blocks_views = []
    block_at = {b.span.start: b for b in doc.blocks}
    for view, sents, people, event_of, places in per_view:
        block = block_at.get(view.offsets[0]) if view.offsets and view.kind != "title" else None
        for n, (s0, s1) in enumerate(sents):
            taken = [(p.name_start, p.name_end) for p in people[n]]
            people[n] = people[n] + find_known(ctx, view, (s0, s1), known, taken)
            event = event_of.get(n, "")
            target = ctx.facts.events.get(event or main)
            if target is not None and (event or re.search(r"場次|落幕|閉幕|開幕|舉行|舉辦|為期|觀看|報名|線上", view.text[s0:s1])):
                event_details(ctx, view, s0, s1, target)
            find_agreements(ctx, view, s0, s1, places[n], event or main)
            find_sister_cities(ctx, view, s0, s1, places[n])
            caption = view.kind == "caption"
            ev_for_people = event or (main if caption or view.kind != "title" else "")
            find_participation(ctx, view, s0, s1, people[n], ev_for_people, caption)
        if view.kind in ("heading", "attachment", "title"):
            agreement_names_from(ctx, view)
        if block is not None:
            blocks_views.append((block, view))
    finish_events(ctx)
    main = main_event(ctx)
    for view, sents, people, event_of, _ in per_view:
        find_statements(ctx, view, sents, people, event_of)
    speakers_take_part(ctx, main)
    commitments(ctx, blocks_views)
    _dedupe(ctx.facts)
    _drop_partyless(ctx.facts)
    ctx.facts.home_city = ctx.home_place
    for notice in doc.notices:
        if notice not in ctx.facts.notices:
            ctx.facts.notices.append(notice)
    if not ctx.facts.count() and not ctx.facts.persons:
        ctx.facts.notices.append(Notice("no facts found: is this a city-diplomacy press release?"))
    return ctx.facts


def _drop_partyless(facts: Facts) -> None:
    """An agreement with fewer known parties than its kind needs (two for an MOU or a friendship agreement, one
    otherwise) would make the shapes refuse the whole document: it is dropped and reported instead."""
    for key, ag in list(facts.agreements.items()):
        parties = {p for p in ag.parties if p in facts.places or p in facts.organizations}
        need = 2 if ag.kind in ("mou", "friendship") else 1
        if len(parties) < need:
            del facts.agreements[key]
            facts.notices.append(Notice(f"an agreement ({ag.kind}) with {len(parties)} known part{'y' if len(parties) == 1 else 'ies'} "
                                        f"was left out: «{ag.span.text[:60]}»", facts.document.line_of(ag.span.start)))


def _dedupe(facts: Facts) -> None:
    seen_posts: set[tuple[str, str, str]] = set()
    posts: list[Post] = []
    for post in facts.posts:
        pk = (post.person, post.organization, post.role)
        if pk not in seen_posts:
            seen_posts.add(pk)
            posts.append(post)
    facts.posts = posts
    # one participation per person and event: a stated mode beats none, a speaker role beats plain attendance
    best: dict[tuple[str, str], int] = {}
    parts: list[Participation] = []
    for part in facts.participations:
        key = (part.person, part.event)
        if key in best:
            i = best[key]
            old = parts[i]
            if old.mode == "unspecified" and part.mode != "unspecified":
                role = old.role if old.role != "participant" else part.role
                parts[i] = Participation(part.person, part.event, part.mode, role, part.span)
            continue
        best[key] = len(parts)
        parts.append(part)
    facts.participations = parts

