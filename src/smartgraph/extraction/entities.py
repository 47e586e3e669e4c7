"""The entities of one document: places, countries, governments, organisations and people, each under one key.

Resolution records the entities its mentions name; relation finding may name one more (the government of a
city a post belongs to, a party an agreement names). Both go through these functions, so that one place,
one government or one person is one key in the ``Resolved`` tables and one node in the graph.
"""

from __future__ import annotations

from dataclasses import replace

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.mentions import PlaceMention, Resolved
from smartgraph.extraction.text import fold
from smartgraph.model import Organization, Place


def add_country(res: Resolved, code: str) -> str:
    c = gz.country(code) if code else None
    if c is None:
        return ""
    res.countries.setdefault(c.key, c)
    return c.key


def org_country(res: Resolved, code: str) -> str:
    """The country an organisation of ``code`` belongs to, recorded: a territory's bodies are the sovereign state's
    (Guam's government: US); a code the gazetteer lacks is kept as it is."""
    if code and gz.sovereign(code) != code:
        return add_country(res, gz.sovereign(code)).upper() or code
    return code


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


def gov_key(place_key: str) -> str:
    return f"gov-{place_key}"


def government(res: Resolved, place_key: str) -> str:
    """The government of a place (a city's city government, a county's county government)."""
    p = res.places[place_key]
    key = gov_key(place_key)
    if key not in res.organizations:
        zh, en = p.name_zh, p.name_en
        kind = "city-government" if p.kind == "city" else "local-government"
        zh_name = zh if zh.endswith("政府") else f"{zh}{'' if zh.endswith(gz.PLACE_SUFFIXES) else '市' if p.kind == 'city' else ''}政府"
        en_name = (f"{en} Government" if en.endswith(" City") else f"{en} City Government") if p.kind == "city" and en \
            else (f"Government of {en}" if en else "")  # "Panama City Government", not "Panama City City Government"
        res.organizations[key] = Organization(key, zh_name, en_name, kind, org_country(res, p.country), place_key)
    return key


def national_government(res: Resolved, code: str) -> str:
    c = gz.country(code)
    key = f"gov-{code.lower()}"
    if c is not None and key not in res.organizations:
        add_country(res, code)
        res.organizations[key] = Organization(key, f"{c.name_zh}政府", f"Government of {c.name_en}", "national-government",
                                              org_country(res, code))
    return key


def organization(res: Resolved, key: str, name: str, org_type: str, country: str, place: str = "", parent: str = "") -> str:
    if country:
        add_country(res, country)
        country = org_country(res, country)
    existing = res.organizations.get(key)
    if existing is None:
        res.organizations[key] = Organization(key, name, "", org_type, country, place, parent)
    elif name != existing.name_zh and name not in existing.alt_names:
        res.organizations[key] = Organization(existing.key, existing.name_zh, existing.name_en, existing.org_type,
                                              existing.country or country, existing.place, existing.parent,
                                              (*existing.alt_names, name))
    return key


def person_key(name: str, script: str) -> str:
    if script == "han":
        return f"zh-{gz.fold(name.replace('·', '').replace('．', ''))}"
    return f"la-{gz.fold_latin(name).replace(' ', '-')}"


def place_en(res: Resolved, name: str, city: bool = False, country: str = "", kinds: tuple[str, ...] = ()) -> str:
    """The key of a place named in English (a curated gazetteer entry, a city for "X City", one of ``kinds`` when
    the words around it say so: "Yamaguchi Prefecture", a governor's "Aomori"), recorded in ``res``;
    a "X City" no table knows becomes a place of its own."""
    entries = gz.places().curated.get(gz.fold(name), [])
    if kinds and not city:  # the table may name the region in full: "Yamaguchi Prefecture" beside the city "Yamaguchi"
        full = [x for k in kinds for x in gz.places().curated.get(gz.fold(f"{name} {k}"), []) if x.kind == k]
        entries = [x for x in full + entries if x.kind in kinds] or entries
    if city:
        entries = [x for x in entries if x.kind == "city"] or ([] if any(x.kind != "city" for x in entries) else entries)
    if len({x.country for x in entries}) > 1 and not country:
        # a name the text's places told apart ("Manchester, New Hampshire") is that place in an affiliation too
        # ("Manchester Mayor …"), not the largest of its name (s9-en)
        told = [x for x in entries if any(m.entry is x for m in res.recognised.places if m.name == name)]
        entries = told or entries
    entry = gz.pick(entries, country, res.home_country or "TW") or gz.pick(entries, "", res.home_country or "TW")
    if entry is None:
        return ""
    m = PlaceMention(0, 0, name, name, entry, entry.country, entry.kind)
    return add_place(res, m)
