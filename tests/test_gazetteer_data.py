"""The gazetteer tables under data/gazetteer/ are well-formed: columns, codes, kinds, parents, names.

These check the data only (the loader has its own tests): every places-*.tsv row has seven
columns, a valid ISO 3166-1 code (or XK), an allowed kind and a parent that is the preferred name
of another row; every Chinese name is made of Han characters; no name stands for two places of
one country unless it is an official name with its suffix under two different parents (中山區 in
Taipei and in Keelung, 東區 in four cities); countries.tsv covers every ISO country.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

import pycountry
import pytest

GAZ = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
PLACE_FILES = ["places-tw.tsv", "places-jp.tsv", "places-kr.tsv", "places-cn.tsv", "places-us.tsv", "places-world.tsv"]
KINDS = {"city", "county", "prefecture", "state", "province", "region", "district", "township"}
COLUMNS = 7
ISO = {c.alpha_2 for c in pycountry.countries} | {"XK"}
# which codes each file may use
FILE_CODES = {
    "places-tw.tsv": {"TW"},
    "places-jp.tsv": {"JP"},
    "places-kr.tsv": {"KR"},
    "places-cn.tsv": {"CN", "HK", "MO"},
    "places-us.tsv": {"US", "GU", "MP"},
}
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
ZH_NAME = re.compile(f"^[{HAN}][{HAN}·]*[{HAN}]$")
HAS_HAN = re.compile(f"[{HAN}]")
QID = re.compile(r"^Q[1-9][0-9]*$")
# an official name that ends with an administrative suffix may recur under different parents
ADMIN_SUFFIX = ("市", "縣", "區", "鄉", "鎮", "郡", "町", "村", "州", "省", "府", "道", "邦")


@cache
def _t2s():  # type: ignore[no-untyped-def]
    import opencc

    return opencc.OpenCC("t2s")


def fold(name: str) -> str:
    """As the loader compares names: width, case, 臺/台 and traditional/simplified forms folded."""
    s = unicodedata.normalize("NFKC", name).casefold().replace("臺", "台")
    return _t2s().convert(s)


def data_lines(name: str) -> list[tuple[int, str]]:
    text = (GAZ / name).read_text(encoding="utf-8")
    return [(i, line) for i, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]


@cache
def place_rows() -> list[tuple[str, int, list[str]]]:
    out = []
    for f in PLACE_FILES:
        for i, line in data_lines(f):
            out.append((f, i, line.split("\t")))
    return out


def where(f: str, i: int) -> str:
    return f"{f}:{i}"


@pytest.mark.parametrize("name", PLACE_FILES)
def test_header_names_the_columns(name: str) -> None:
    first = (GAZ / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and "English" in first and "parent" in first and first.count("\t") == COLUMNS - 1


@pytest.mark.parametrize("name", PLACE_FILES)
def test_place_rows_are_well_formed(name: str) -> None:
    problems = []
    for i, line in data_lines(name):
        cols = line.split("\t")
        if len(cols) != COLUMNS:
            problems.append(f"{where(name, i)}: {len(cols)} columns, not {COLUMNS}")
            continue
        zh, en, cc, kind, qid, gn, parent = cols
        if any(c != c.strip() for c in cols):
            problems.append(f"{where(name, i)}: a column has surrounding spaces")
        names = zh.split("|")
        for n in names:
            if not ZH_NAME.match(n):
                problems.append(f"{where(name, i)}: zh name {n!r} is not made of Han characters (plus ·)")
        folded = [fold(n) for n in names]
        if len(set(folded)) != len(folded):
            problems.append(f"{where(name, i)}: a zh name is listed twice (after folding 臺/台 and variants): {zh}")
        if not en or HAS_HAN.search(en):
            problems.append(f"{where(name, i)}: English name {en!r} is empty or not Latin")
        if gn and HAS_HAN.search(gn):
            problems.append(f"{where(name, i)}: GeoNames name {gn!r} is not Latin")
        if cc not in ISO:
            problems.append(f"{where(name, i)}: {cc!r} is not an ISO 3166-1 alpha-2 code")
        elif name in FILE_CODES and cc not in FILE_CODES[name]:
            problems.append(f"{where(name, i)}: {cc} does not belong in {name}")
        elif name == "places-world.tsv" and cc in {"TW", "JP", "KR", "CN", "US"}:
            problems.append(f"{where(name, i)}: {cc} has its own file")
        if kind not in KINDS:
            problems.append(f"{where(name, i)}: kind {kind!r} not in {sorted(KINDS)}")
        if qid and not QID.match(qid):
            problems.append(f"{where(name, i)}: {qid!r} is not a Wikidata Q-id")
        if parent and parent == names[0]:
            problems.append(f"{where(name, i)}: {names[0]} is its own parent")
    assert not problems, "\n".join(problems)


def test_parents_exist() -> None:
    """A parent is the preferred (first) zh name of a row of the same country (or of the country a territory belongs to)."""
    preferred: dict[str, set[str]] = defaultdict(set)
    for _f, _i, cols in place_rows():
        preferred[cols[0].split("|")[0]].add(cols[2])
    problems = []
    for f, i, cols in place_rows():
        parent = cols[6]
        if parent and parent not in preferred:
            problems.append(f"{where(f, i)}: parent {parent!r} of {cols[0]} is no row's preferred name")
    assert not problems, "\n".join(problems)


def test_parent_chains_end() -> None:
    parent_of = {cols[0].split("|")[0]: cols[6] for _f, _i, cols in place_rows()}
    for start in parent_of:
        seen, node = set(), start
        while node:
            assert node not in seen, f"parent cycle through {start}"
            seen.add(node)
            node = parent_of.get(node, "")
        assert len(seen) <= 4, f"{start}: parent chain longer than 4"


def test_no_exact_duplicate_rows() -> None:
    seen: dict[tuple[str, str, str, str], str] = {}
    problems = []
    for f, i, cols in place_rows():
        key = (cols[2], cols[1], cols[3], cols[6])
        if key in seen:
            problems.append(f"{where(f, i)}: same place as {seen[key]} ({cols[1]}, {cols[2]}, {cols[3]}, parent {cols[6]!r})")
        seen[key] = where(f, i)
    assert not problems, "\n".join(problems)


def homonyms() -> tuple[list[str], list[str]]:
    """(allowed, wrong): names given to two places of one country."""
    by_name: dict[tuple[str, str], list[tuple[str, int, list[str], str]]] = defaultdict(list)
    for f, i, cols in place_rows():
        for n in dict.fromkeys(cols[0].split("|")):
            hits = by_name[(cols[2], fold(n))]
            if not any(h[0] == f and h[1] == i for h in hits):
                hits.append((f, i, cols, n))
    allowed, wrong = [], []
    for (cc, _key), hits in sorted(by_name.items()):
        if len(hits) < 2:
            continue
        parents = [h[2][6] for h in hits]
        official = all(h[3].endswith(ADMIN_SUFFIX) for h in hits)
        text = f"{cc} {hits[0][3]}: " + ", ".join(f"{h[2][1]} ({h[2][6] or 'top'}, {where(h[0], h[1])})" for h in hits)
        if official and len(set(parents)) == len(parents):
            allowed.append(text)
        else:
            wrong.append(text)
    return allowed, wrong


def test_a_name_is_one_place_per_country_unless_official_homonyms() -> None:
    """中山區 is in Taipei and in Keelung: allowed (suffix, different parents). 松山 for two places: not allowed."""
    _allowed, wrong = homonyms()
    assert not wrong, "\n".join(wrong)


def test_homonyms_stay_few() -> None:
    """The allowed homonyms are official names under different parents; keep an eye on how many there are."""
    allowed, _wrong = homonyms()
    assert len(allowed) < 200, "\n".join(allowed)


def test_taiwan_official_names_use_tai() -> None:
    """Taiwan's official names are written with 臺 (臺北市, 臺東縣, 臺西鄉)."""
    bad = [cols[0] for f, _i, cols in place_rows() if f == "places-tw.tsv" and "台" in cols[0].split("|")[0]]
    assert not bad


def test_coverage_counts() -> None:
    rows = place_rows()

    def count(f: str, kinds: set[str], top: bool | None = None) -> int:
        return sum(1 for g, _i, c in rows if g == f and c[3] in kinds and (top is None or (not c[6]) == top))

    assert count("places-tw.tsv", {"city", "county"}, top=True) == 22
    assert count("places-tw.tsv", {"district", "township"}) == 368
    assert count("places-jp.tsv", {"prefecture"}) == 47
    assert count("places-jp.tsv", {"district"}) == 23  # Tokyo's special wards
    assert count("places-kr.tsv", {"city", "province"}, top=True) == 17
    assert count("places-us.tsv", {"state"}) == 50
    assert count("places-cn.tsv", {"city", "province", "region"}, top=True) == 33  # with Hong Kong and Macao, without Taiwan
    for name in ("places-world.tsv",):
        assert count(name, {"state"}, top=True) >= 6 + 13 + 13 + 28  # AU, DE, MY, IN


def test_every_country_has_a_capital_or_main_city() -> None:
    """Each sovereign state of pycountry has at least one city row (its capital)."""
    territories = {
        "AI",
        "AQ",
        "AS",
        "AW",
        "AX",
        "BL",
        "BM",
        "BQ",
        "BV",
        "CC",
        "CK",
        "CW",
        "CX",
        "EH",
        "FK",
        "FO",
        "GF",
        "GG",
        "GI",
        "GL",
        "GP",
        "GS",
        "GU",
        "HK",
        "HM",
        "IM",
        "IO",
        "JE",
        "KY",
        "MF",
        "MO",
        "MP",
        "MQ",
        "MS",
        "NC",
        "NF",
        "NU",
        "PF",
        "PM",
        "PN",
        "PR",
        "RE",
        "SH",
        "SJ",
        "SX",
        "TC",
        "TF",
        "TK",
        "UM",
        "VG",
        "VI",
        "WF",
        "YT",
    }
    with_city = {c[2] for _f, _i, c in place_rows() if c[3] in {"city", "prefecture"}}
    missing = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in territories and c.alpha_2 not in with_city)
    assert not missing


def test_qids_are_unique() -> None:
    seen: dict[str, str] = {}
    for f, i, cols in place_rows():
        q = cols[4]
        if q:
            assert q not in seen, f"{q} on {where(f, i)} and {seen[q]}"
            seen[q] = where(f, i)


# ----------------------------------------------------------------------------- countries.tsv


def country_rows() -> list[tuple[int, list[str]]]:
    return [(i, line.split("\t")) for i, line in data_lines("countries.tsv")]


def test_countries_are_well_formed() -> None:
    problems = []
    for i, cols in country_rows():
        if len(cols) != 3:
            problems.append(f"countries.tsv:{i}: {len(cols)} columns, not 3")
            continue
        code, zh, en = cols
        if code not in ISO:
            problems.append(f"countries.tsv:{i}: {code!r} is not an ISO 3166-1 alpha-2 code")
        for n in zh.split("|"):
            if not ZH_NAME.match(n):
                problems.append(f"countries.tsv:{i}: zh name {n!r} is not made of Han characters")
        if not en or HAS_HAN.search(en):
            problems.append(f"countries.tsv:{i}: English label {en!r}")
    assert not problems, "\n".join(problems)


def test_every_iso_country_is_listed_once() -> None:
    codes = [cols[0] for _i, cols in country_rows()]
    assert len(codes) == len(set(codes))
    assert {c.alpha_2 for c in pycountry.countries} - set(codes) == set()
    assert "XK" in codes


def test_a_country_name_names_one_country() -> None:
    owner: dict[str, str] = {}
    problems = []
    for _i, (code, zh, _en) in country_rows():
        for n in zh.split("|"):
            k = fold(n)
            if k in owner and owner[k] != code:
                problems.append(f"{n}: {owner[k]} and {code}")
            owner[k] = code
    assert not problems, "\n".join(problems)


def test_place_names_are_not_country_names() -> None:
    """A place may carry a country's name only if it is that territory itself (香港 is HK in both tables)."""
    country_of = {fold(n): code for _i, (code, zh, _en) in country_rows() for n in zh.split("|")}
    problems = []
    for f, i, cols in place_rows():
        for n in cols[0].split("|"):
            code = country_of.get(fold(n))
            if code and code != cols[2]:
                problems.append(f"{where(f, i)}: {n} is also the country {code}")
    assert not problems, "\n".join(problems)


def test_themes_of_a_text_are_those_with_a_keyword_in_it_in_table_order() -> None:
    """themes_of finds every theme keyword in one pass: a text has a theme when any of its keywords is in the folded
    text (one keyword inside another, two themes' keywords, none: general), listed in the table's order."""
    from smartgraph.extraction import gazetteer as gaz

    themes = gaz.themes()
    assert gaz.themes_of("") == ("general",)
    for t in themes:
        for k in t.keywords:
            assert t.key in gaz.themes_of(f"甲 {k} 乙"), (t.key, k)
    every = "，".join(t.keywords[0] for t in reversed(themes) if t.keywords)
    assert gaz.themes_of(every) == tuple(t.key for t in themes if t.keywords)
    for t in themes:
        for k in t.keywords:
            folded = gaz.fold(k)
            expected = tuple(u.key for u in themes if any(w in folded for w in u.keywords))
            assert gaz.themes_of(k) == expected, k
