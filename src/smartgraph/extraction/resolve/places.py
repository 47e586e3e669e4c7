"""Places and countries linked to the gazetteer, and the document's home city.

The home city is the Taiwanese city, county or township the document speaks for: the place its
publisher names (臺北市政府資訊局), else the one its text gives the most weight to (named in the
title, holding the mayor or magistrate named, named most often), with the dateline's place as a
hint. No city is a default: a document that names none has no home city.
"""

from __future__ import annotations

from collections import defaultdict

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.entities import add_country, add_place
from smartgraph.extraction.mentions import PersonMention, PlaceMention, Resolved
from smartgraph.extraction.text import fold, lower

HOME_KINDS = ("city", "county", "district", "township")


def home(res: Resolved) -> None:
    """Find the home place (and country) of the document."""
    r = res.recognised
    text = r.text
    doc = text.doc
    score: dict[str, float] = defaultdict(float)  # weighted mentions
    mentions: dict[str, PlaceMention] = {}
    pub = doc.header.publisher
    publisher_place = ""
    if pub is not None and pub.text:
        entry = None
        surface = ""
        for n in range(min(len(pub.text), 8), 1, -1):
            entry = gz.place_named(pub.text[:n])
            if entry is not None and entry.country == "TW":
                break
            entry = None
        if entry is None and not any("\u3400" <= c <= "\u9fff" for c in pub.text):
            # an English publisher (Information Bureau, Kaohsiung City Government): the Taiwanese place it names
            hit = next((h for h in gz.places().en.find(lower(fold(pub.text)))
                        if any(e.country == "TW" for e in gz.places().curated.get(h.entry, []))), None)
            if hit is not None:
                entry = gz.pick(gz.places().curated.get(hit.entry, []), "TW")
                surface = pub.text[hit.start:hit.end]
        if entry is not None:
            publisher_place = entry.key()
            p = entry.place(surface or pub.text[:n])
            res.places.setdefault(p.key, p)
            add_country(res, "TW")
            score[p.key] += 20
    title_end = text.units[0].end if text.units and text.units[0].kind == "title" else 0
    heads = _heads(r.persons)
    for m in r.places:
        if m.entry is None or m.entry.country != "TW" or m.entry.kind not in HOME_KINDS:
            continue
        key = m.entry.key()
        mentions.setdefault(key, m)
        w = 1.0 if m.entry.kind in ("city", "county") else 0.6
        score[key] += w
        if m.start < title_end:
            score[key] += 2
        if m.end in heads:
            score[key] += 3
    dl = doc.header.dateline_place
    if dl is not None and dl.text:
        entry = gz.place_named(dl.text)
        if entry is not None and entry.country == "TW":
            score[entry.key()] += 2
    if not score:
        return
    key, s = max(score.items(), key=lambda kv: kv[1])  # the first named wins a tie
    if s < 2 and not publisher_place:
        return
    if key in mentions:
        add_place(res, mentions[key])
    res.home_place = key
    res.home_country = res.places[key].country if key in res.places else "TW"


def _heads(persons: list[PersonMention]) -> set[int]:
    """Positions where an affiliation that a mayor or magistrate is named with ends (臺北|市長柯文哲)."""
    out = set()
    for p in persons:
        for tm, (_, e) in p.posts:
            if tm.title.kind == "head" and tm.title.scope in ("city", "county", "township", "district"):
                out.add(e)
    return out
