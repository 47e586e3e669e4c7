"""The per-document registry of entities: keys in, entities recorded once, the same key in every document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smartgraph.extraction import gazetteer as gz
from smartgraph.model import Document, Facts, Organization, Person, Place, Span


@dataclass(frozen=True)
class Mention:
    """An entity named in a view: its key, kind and where (view offsets)."""

    key: str
    kind: str  # country | place | org | person
    start: int
    end: int
    surface: str


class Context:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.facts = Facts(document=doc)
        self.home_place: str = ""
        self.home_country: str = "TW"
        self.home_gov: str = ""
        self.publisher_unit: str = ""  # the publisher's own short name (資訊局)

    # ------------------------------------------------------------------ places and countries
    def country(self, code: str) -> str:
        c = gz.country(code)
        if c is None:
            return ""
        self.facts.countries.setdefault(c.key, c)
        return c.key

    def place(self, entry: gz.PlaceEntry, surface: str = "") -> str:
        p = entry.place(surface)
        if entry.country:
            self.country(entry.country)
        existing = self.facts.places.get(p.key)
        if existing is None:
            self.facts.places[p.key] = p
        return p.key

    def unknown_place(self, name: str, country: str, kind: str) -> str:
        key = f"place-{country.lower()}-{gz.fold(name)}"
        if country:
            self.country(country)
        self.facts.places.setdefault(key, Place(key, kind, name, "", country, None, "", name))
        return key

    # ------------------------------------------------------------------ organisations
    def government(self, place_key: str, label_zh: str = "") -> str:
        """The government of a place (a city's city government)."""
        p = self.facts.places[place_key]
        key = f"gov-{place_key}"
        if key not in self.facts.organizations:
            zh = label_zh or p.name_zh
            en = p.name_en
            org_type = "city-government" if p.kind == "city" else "local-government"
            en_name = f"{en} City Government" if p.kind == "city" and en else (f"Government of {en}" if en else "")
            self.facts.organizations[key] = Organization(
                key, zh if zh.endswith("政府") else f"{zh}{'' if zh.endswith(gz.PLACE_SUFFIXES) else '市' if p.kind == 'city' else ''}政府",
                en_name, org_type, p.country, place_key,
            )
        return key

    def national_government(self, code: str) -> str:
        c = gz.country(code)
        key = f"gov-{code.lower()}"
        if c and key not in self.facts.organizations:
            self.country(code)
            self.facts.organizations[key] = Organization(key, f"{c.name_zh}政府", f"Government of {c.name_en}", "national-government", code)
        return key

    def org(self, key: str, name_zh: str, org_type: str, country: str, place: str = "", parent: str = "",
            name_en: str = "") -> str:
        if country:
            self.country(country)
        existing = self.facts.organizations.get(key)
        if existing is None:
            self.facts.organizations[key] = Organization(key, name_zh, name_en, org_type, country, place, parent)
        elif name_zh != existing.name_zh and name_zh not in existing.alt_names:
            self.facts.organizations[key] = Organization(
                existing.key, existing.name_zh, existing.name_en, existing.org_type, existing.country,
                existing.place, existing.parent, (*existing.alt_names, name_zh),
            )
        return key

    # ------------------------------------------------------------------ people
    def person(self, name: str) -> str:
        name = re.sub(r"\s+", " ", name.strip())
        if gz.is_han(name):
            key, script = f"zh-{gz.fold(name)}", "zh"
        else:
            key, script = f"la-{gz.fold_latin(name).replace(' ', '-')}", "latn"
        self.facts.persons.setdefault(key, Person(key, name, script))
        return key

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.doc.text[start:end])
