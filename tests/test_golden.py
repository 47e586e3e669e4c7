"""Per-stage golden tests: each stage's precision and recall on the golden development documents
(tests/data/golden), with a floor per kind just under what the extractor scored when the floor was set.

`pytest -s tests/test_golden.py` prints the tables; `python -m tests.golden --by-doc --misses` shows, per
document, what was extra or missing. Raise a floor when the work lands that lifts it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from .golden import (
    DOCS,
    FIELDS,
    GOLDEN,
    KINDS,
    PRF,
    STAGES,
    Item,
    Log,
    expectation_paths,
    find,
    fold,
    item,
    items,
    key,
    load,
    matches,
    norm,
    prf,
    rows_of,
    score_all,
    score_names,
    table,
)

# F1 floors of the Chinese documents, set 0.05 under the scores of 2026-12 (rounded down); a kind at 0 is printed but
# not yet guarded
FLOORS: dict[str, dict[str, float]] = {
    "recognise": {"persons": 0.86, "places": 0.86, "countries": 0.90, "events": 0.80, "agreements": 0.95, "agreement-kinds": 0.72,
                  "dates": 0.93},
    "resolve": {"home": 0.95, "persons": 0.86, "places": 0.85, "countries": 0.63, "events": 0.53},
    "relate": {"events-named": 0.73, "events": 0.64, "event-parts": 0.0, "officials": 0.86, "posts": 0.77, "participations": 0.53,
               "agreements": 0.68, "agreement-status-date": 0.68, "sister-cities": 0.75, "speakers": 0.85},
}


# English documents (language "en": d05, d06, e03, e04, e06), pooled on their own, 0.05 under their scores of 2026-12
# (rounded down)
FLOORS_EN: dict[str, dict[str, float]] = {
    "recognise": {"persons": 0.93, "places": 0.90, "countries": 0.85, "events": 0.92, "agreements": 0.79, "agreement-kinds": 0.71,
                  "dates": 0.90},
    "resolve": {"home": 0.95, "persons": 0.93, "places": 0.87, "countries": 0.78, "events": 0.92},
    "relate": {"events-named": 0.92, "events": 0.87, "event-parts": 0.80, "officials": 0.93, "posts": 0.70, "participations": 0.71,
               "agreements": 0.95, "agreement-status-date": 0.88, "sister-cities": 0.95, "speakers": 0.79},
}


def _english(path_stem: str) -> bool:
    return load(GOLDEN / f"{path_stem}.json").get("language") == "en"


Scored = tuple[dict[str, dict[str, PRF]], dict[str, dict[str, Log]]]


def _score(english: bool) -> Scored:
    paths = [p for p in expectation_paths() if _english(p.stem) == english]
    logs: dict[str, dict[str, Log]] = {}
    pooled, per_doc = score_all(paths, logs=logs)
    assert len(per_doc) == len(paths) >= 3
    return pooled, logs


@pytest.fixture(scope="module")
def scored() -> Scored:
    """The Chinese documents, pooled."""
    return _score(english=False)


@pytest.fixture(scope="module")
def scored_en() -> Scored:
    """The English documents, pooled."""
    return _score(english=True)


def _check(stage: str, scored: Scored, floors: dict[str, dict[str, float]]) -> None:
    pooled, logs = scored
    figures = table(rows_of(stage, pooled[stage]))
    print(f"\n{figures}")
    assert set(pooled[stage]) == set(KINDS[stage])
    low = {k: (v["f1"], floors[stage][k]) for k, v in pooled[stage].items() if v["f1"] < floors[stage][k]}
    misses = "\n".join(f"{doc}: {line}" for doc, by_stage in logs.items() for line in by_stage[stage])
    assert not low, f"{stage}: F1 below its floor (got, floor): {low}\n{figures}\nwhat did not match:\n{misses}"


def test_the_golden_set_holds_documents_in_both_languages() -> None:
    langs = [_english(p.stem) for p in expectation_paths()]
    assert len(langs) >= 10 and langs.count(True) >= 3 and langs.count(False) >= 7


@pytest.mark.parametrize("stage", STAGES)
def test_stage_scores_stay_above_their_floors(stage: str, scored: Scored) -> None:
    _check(stage, scored, FLOORS)


@pytest.mark.parametrize("stage", STAGES)
def test_english_stage_scores_stay_above_their_floors(stage: str, scored_en: Scored) -> None:
    _check(stage, scored_en, FLOORS_EN)


# ----------------------------------------------------------------------------- the expectation files

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
STRIP = re.compile(r"[「」『』“”\"\s]")


def _in_text(name: str, text: str) -> bool:
    """Whether the document writes ``name`` (folded; quotes and spaces aside)."""
    return STRIP.sub("", fold(name)) in text


def _problems(path_name: str, exp: dict[str, Any]) -> list[str]:
    out: list[str] = []

    def bad(msg: str) -> None:
        out.append(f"{path_name}: {msg}")

    extra_top = set(exp) - {"document", "language", "sources", "notes", *STAGES}
    if extra_top:
        bad(f"unknown keys {sorted(extra_top)}")
    doc = DOCS / str(exp.get("document", ""))
    if not doc.is_file():
        bad(f"document {doc.name!r} is not in {DOCS}")
        return out
    if doc.stem != path_name:
        bad(f"the file is named for {path_name!r} but describes {doc.name!r}")
    text = STRIP.sub("", fold(doc.read_text(encoding="utf-8")))
    for stage in STAGES:
        if not isinstance(exp.get(stage), dict):
            bad(f"no {stage!r} section")
            return out
        unknown = set(exp[stage]) - set(FIELDS[stage])
        if unknown:
            bad(f"{stage}: unknown keys {sorted(unknown)} (known: {', '.join(FIELDS[stage])})")
    rec, res, rel = exp["recognise"], exp["resolve"], exp["relate"]

    def check_items(where: str, xs: list[Any], written: str) -> list[Item]:
        """``written``: "all" (every name is written in the document), "some" (one name or substring is), "" (no check)."""
        its = []
        for x in xs:
            try:
                it = item(x)
            except TypeError as e:
                bad(f"{where}: {e}")
                continue
            if not it.names and not it.contains:
                bad(f"{where}: an item with no names: {x!r}")
            if written == "all":
                for n in it.names:
                    if not _in_text(n, text):
                        bad(f"{where}: {n!r} is not written in the document")
            elif written == "some" and not any(_in_text(n, text) for n in (*it.names, *it.contains)):
                bad(f"{where}: none of {[*it.names, *it.contains]} is written in the document")
            its.append(it)
        return its

    # recognise: the mentions as written
    for kind in ("persons", "places", "countries"):
        check_items(f"recognise.{kind}", rec.get(kind, []), written="all")
    check_items("recognise.events", rec.get("events", []), written="some")
    for a in rec.get("agreements", []):
        if a.get("kind") not in ("mou", "friendship", "declaration"):
            bad(f"recognise.agreements: kind {a.get('kind')!r}")
        for n in a.get("names", []):
            if fold(n) not in fold(doc.read_text(encoding="utf-8")):
                bad(f"recognise.agreements: {n!r} is not written in the document (names are found where the text writes them)")
    for d in rec.get("dates", []):
        for alt in d if isinstance(d, list) else [d]:
            if not all(DATE.fullmatch(part) for part in str(alt).split("/")) or str(alt).count("/") > 1:
                bad(f"recognise.dates: {alt!r} is not YYYY, YYYY-MM, YYYY-MM-DD or start/end")

    # resolve: one item per entity; every person was recognised, and every recognised person resolved
    if not res.get("home"):
        bad("resolve: no home")
    people = check_items("resolve.persons", res.get("persons", []), written="")
    seen = items(rec.get("persons", []))
    for p in people:
        if find(p.names, seen, substrings=False) is None:
            bad(f"resolve.persons: {p.label!r} is not among the recognised persons")
    for p in seen:
        if find(p.names, people, substrings=False) is None:
            bad(f"recognise.persons: {p.label!r} is not among the resolved persons")
    for kind in ("places", "countries", "events"):
        check_items(f"resolve.{kind}", res.get(kind, []), written="")
    res_events = items(res.get("events", []))

    # relate: the people and events it names are those of resolve and of its own event list
    def person(where: str, name: Any) -> None:
        names = name if isinstance(name, list) else [name]
        if find(names, people, substrings=False) is None:
            bad(f"relate.{where}: {name!r} is not among the resolved persons")

    keys = [e.get("key") for e in rel.get("events", [])]
    if len(set(keys)) != len(keys) or None in keys:
        bad(f"relate.events: keys missing or repeated: {keys}")
    for e in rel.get("events", []):
        for field in ("start", "end"):
            for d in e.get(field, []):
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                    bad(f"relate.events {e.get('key')}: {field} {d!r} is not YYYY-MM-DD")
        if e.get("partOf") and e["partOf"] not in keys:
            bad(f"relate.events {e.get('key')}: partOf {e['partOf']!r} is no event of the file")
        if not e.get("optional") and find([*e.get("names", []), *e.get("contains", [])], res_events) is None:
            bad(f"relate.events {e.get('key')}: none of its names is a resolve event's")
    for p in rel.get("posts", []):
        person("posts", p.get("person"))
        if not p.get("post") or not p.get("org"):
            bad(f"relate.posts: {p.get('person')!r} needs post and org names")
    for pair in rel.get("participations", []):
        if len(pair) != 2:
            bad(f"relate.participations: {pair!r} is not [person, event key]")
            continue
        person("participations", pair[0])
        if pair[1] not in keys:
            bad(f"relate.participations: event {pair[1]!r} is no key of relate.events")
        elif any(e.get("optional") for e in rel["events"] if e["key"] == pair[1]):
            bad(f"relate.participations: event {pair[1]!r} is optional (taking part in it is not scored)")
    for s in rel.get("speakers", []):
        person("speakers", s)
    for a in rel.get("agreements", []):
        if a.get("kind") not in ("mou", "friendship", "declaration") or a.get("status") not in ("signed", "planned"):
            bad(f"relate.agreements: kind {a.get('kind')!r}, status {a.get('status')!r}")
        if not a.get("parties") or not all(isinstance(p, list) and p for p in a["parties"]):
            bad(f"relate.agreements: parties must be lists of aliases: {a.get('parties')!r}")
        for d in a.get("date", []):
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
                bad(f"relate.agreements: date {d!r} is not YYYY-MM-DD")
    for pair in rel.get("sister_cities", []):
        if len(pair) != 2 or not all(isinstance(p, list) and p for p in pair):
            bad(f"relate.sister_cities: {pair!r} is not a pair of alias lists")
    return out


def test_expectation_files_are_well_formed() -> None:
    paths = expectation_paths()
    assert len(paths) >= 8, f"expected the golden expectation files in {GOLDEN}"
    problems = [p for path in paths for p in _problems(path.stem, load(path))]
    described = {load(p)["document"] for p in paths}
    problems += [f"{d.name}: a golden document without an expectation file" for d in sorted(DOCS.glob("*.txt")) if d.name not in described]
    assert not problems, "\n".join(problems)


def test_every_scored_kind_has_a_floor() -> None:
    assert {s: set(k) for s, k in KINDS.items()} == {s: set(f) for s, f in FLOORS.items()}
    assert all(0.0 <= f <= 1.0 for fl in FLOORS.values() for f in fl.values())


def test_the_checks_catch_a_typo() -> None:
    """The well-formedness check names a person of relate missing from resolve, an unknown key, a bad date."""
    exp = json.loads((GOLDEN / "a01_fukuoka_startup.json").read_text(encoding="utf-8"))
    exp["relate"]["speakers"].append("柯文哲哲")
    exp["relate"]["particpations"] = []
    exp["recognise"]["dates"].append("2017-2-8")
    exp["recognise"]["persons"].append(["高島宗一朗"])
    found = "\n".join(_problems("a01_fukuoka_startup", exp))
    assert "'柯文哲哲' is not among the resolved persons" in found
    assert "unknown keys ['particpations']" in found
    assert "'2017-2-8' is not YYYY" in found
    assert "'高島宗一朗' is not written in the document" in found
    assert not _problems("a01_fukuoka_startup", json.loads((GOLDEN / "a01_fukuoka_startup.json").read_text(encoding="utf-8")))


# ----------------------------------------------------------------------------- the helper's definitions


def test_prf_is_the_scorers() -> None:
    assert prf(2, 4, 5) == {"tp": 2, "pred": 4, "gold": 5, "p": 0.5, "r": 0.4, "f1": 0.444}
    assert prf(0, 0, 0) == {"tp": 0, "pred": 0, "gold": 0, "p": 1.0, "r": 1.0, "f1": 1.0}  # nothing to find, nothing found
    assert prf(0, 0, 3)["p"] == 0.0 and prf(0, 0, 3)["f1"] == 0.0  # nothing found of three
    assert prf(0, 2, 0)["r"] == 1.0 and prf(0, 2, 0)["p"] == 0.0  # two found where nothing was


def test_names_compare_as_the_scorer_compares_them() -> None:
    assert norm("臺北市") == norm("台北市") == norm("台北 市")
    assert norm("Ko Wen-je") == norm("wen-je ko") == norm("ＫＯ　ＷＥＮ－ＪＥ")
    assert norm("Zdeněk Hřib") == norm("Zdenek Hrib")
    assert key("陈其迈") == key("陳其邁")  # one addition: simplified and traditional fold alike
    assert matches("臺北市", ["台北市"]) and not matches("臺北", ["台北市"])


def test_mentions_count_once_entities_each() -> None:
    expected = [Item(("柯文哲",)), Item(("高島宗一郎",)), Item(("林春霞",), optional=True)]
    got = [["柯文哲"], ["柯文哲"], ["林春霞"], ["王小明"]]
    mentions = score_names(got, expected)
    assert (mentions["tp"], mentions["pred"], mentions["gold"]) == (1, 2, 2)  # 柯文哲 once, 王小明 wrong, 林春霞 neutral
    log: Log = []
    ents = score_names(got, expected, log, "persons", entities=True)
    assert (ents["tp"], ents["pred"], ents["gold"]) == (1, 3, 2)  # a second 柯文哲 entity is a split
    assert "persons: missing 高島宗一郎" in log and any("second entity for 柯文哲" in x for x in log)
