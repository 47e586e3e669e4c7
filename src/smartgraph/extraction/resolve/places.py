"""Places and countries linked to the gazetteer, and the document's home city.

The home city is the Taiwanese city, county or township the document speaks for: the place its
publisher names (臺北市政府資訊局), else the one its text gives the most weight to (named in the
title, holding the mayor or magistrate named, named most often), with the dateline's place as a
hint. No city is a default: a document that names none has no home city.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.mentions import PersonMention, PlaceMention, Resolved
from smartgraph.extraction.text import fold
from smartgraph.model import Place

HOME_KINDS = ("city", "county", "district", "township")


def add_country(res: Resolved, code: str) -> str:
    c = gz.country(code) if code else None
    if c is None:
        return ""
    res.countries.setdefault(c.key, c)
    return c.key


def add_place(res: Resolved, m: PlaceMention, country: str = "") -> str:
    """The key of a place mention's place, recorded in the resolution."""
    if m in res.place_of:
        return res.place_of[m]
    code = m.country or country
    if m.entry is not None and (m.entry.curated or m.entry.geonames_id):
        p = m.entry.place(m.text)
        if m.text.endswith(gz.PLACE_SUFFIXES) and len(m.text) >= 3 and m.text != p.name_zh and m.entry.curated:
            # the name as this text writes it in full (中波希米亞省, 弗里蒙特市), the gazetteer's as another label
            p = Place(p.key, p.kind, m.text, p.name_en, p.country, p.geonames_id, p.wikidata, p.name_zh)
        if not p.country and code:
            p = Place(p.key, p.kind, p.name_zh, p.name_en, code, p.geonames_id, p.wikidata, p.surface)
    else:
        name = m.text
        en = m.entry.name_en if m.entry is not None else ""
        key = f"place-{code.lower()}-{fold(name)}" if code else f"place-{fold(name)}"
        kind = "city" if name.endswith(("市", "City")) else "region"
        p = Place(key, kind, name, en, code, None, "", name)
    if p.country:
        add_country(res, p.country)
    existing = res.places.get(p.key)
    if existing is None or (not existing.country and p.country):
        res.places[p.key] = p
    elif not existing.name_zh.endswith(gz.PLACE_SUFFIXES) and p.name_zh.endswith(gz.PLACE_SUFFIXES) \
            and p.name_zh.startswith(existing.name_zh):
        res.places[p.key] = replace(p, country=p.country or existing.country)  # 伊賀 first, 伊賀市 later: the full name
    res.place_of[m] = p.key
    return p.key


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
        for n in range(min(len(pub.text), 8), 1, -1):
            entry = gz.place_named(pub.text[:n])
            if entry is not None and entry.country == "TW":
                break
            entry = None
        if entry is not None:
            publisher_place = entry.key()
            p = entry.place(pub.text[:n])
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
