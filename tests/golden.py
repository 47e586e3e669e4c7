"""Per-stage golden scores: each extraction stage's output for a development document against its expected,
hand-checked output (tests/data/golden/<doc>.json), as precision, recall and F1 per kind of thing.

Run ``python -m tests.golden`` (or ``python tests/golden.py``) from the checkout to print the table for every
golden document; ``--by-doc`` adds one table per document, ``--json`` prints the figures as JSON.
tests/test_golden.py asserts floors on the same figures.

Shared with the scorer (../shared/eval/score.py, which a fresh clone lacks, so its definitions are copied here,
not imported): ``norm`` and ``flat`` (how names are compared), ``prf`` (P = tp/pred, R = tp/gold, F1, and the
empty cases), ``kind_of`` and ``status_of`` (agreement kinds and statuses), and the way facts are counted:
an expected item marked optional neither counts nor hurts when found; several predictions that match one
expected item count once; an event is matched by one of its names, then by a ``contains`` substring; an
agreement by kind and parties; participation in a part also implied for its parent is neutral.
Two departures: taking part in an optional event is neutral too (the scorer counts it as a false positive), and
an event is never matched by its dates alone (the scorer takes the one gold event with the same start, which
would hide an unnamed event that happens to share a date).
One addition: names are folded to one script first (``smartgraph.extraction.text.fold``, Traditional and
Simplified Han alike), because f06 is written in Simplified characters.

The expectation files (see tests/data/golden/README.md) give, per stage:

- ``recognise``: the mentions, as written: ``persons``, ``places``, ``countries``, ``events`` (items whose
  aliases are the surface forms of one entity), ``agreements`` ({kind, names}: a mention belongs to the
  agreement when one of the names, where the text writes it, covers the mention), ``dates`` (ISO day,
  ``YYYY-MM``, ``YYYY``, or ``start/end`` for a stated range);
- ``resolve``: ``home`` (the home city), ``persons``, ``places``, ``countries``, ``events`` (one item per entity);
- ``relate``: ``events`` (with dates), ``posts``, ``participations``, ``agreements``, ``sister_cities``, ``speakers``.

An item is a name, a list of aliases, or ``{"names": [...], "contains": [...], "optional": true}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from smartgraph import documents
from smartgraph.extraction import recognise as rec_stage
from smartgraph.extraction import relate as rel_stage
from smartgraph.extraction import resolve as res_stage
from smartgraph.extraction.mentions import Recognised, Resolved
from smartgraph.extraction.text import fold, make_text
from smartgraph.model import Facts

GOLDEN = Path(__file__).resolve().parent / "data" / "golden"
DOCS = GOLDEN / "docs"
STAGES = ("recognise", "resolve", "relate")
KINDS: dict[str, tuple[str, ...]] = {
    "recognise": ("persons", "places", "countries", "events", "agreements", "agreement-kinds", "dates"),
    "resolve": ("home", "persons", "places", "countries", "events"),
    "relate": ("events-named", "events", "event-parts", "officials", "posts", "participations", "agreements", "agreement-status-date",
               "sister-cities", "speakers"),
}
# the keys an expectation file may hold per stage (a misspelt key would silently score nothing)
FIELDS: dict[str, tuple[str, ...]] = {
    "recognise": ("persons", "places", "countries", "events", "agreements", "dates"),
    "resolve": ("home", "persons", "places", "countries", "events"),
    "relate": ("events", "posts", "participations", "agreements", "sister_cities", "speakers"),
}


# ----------------------------------------------------------------------------- the scorer's definitions
# Copied from ../shared/eval/score.py (norm, flat, prf, kind_of, status_of); keep them identical.


def norm(s: str) -> str:
    """Compare names loosely: width, case, accents, 臺/台, punctuation and word order."""
    s = unicodedata.normalize("NFKC", s or "").casefold().replace("臺", "台")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    tokens = re.findall(r"\w+", s)
    if all(re.fullmatch(r"[\u3400-\u9fff]+", t) for t in tokens):
        return "".join(tokens)
    return " ".join(sorted(tokens))


def flat(s: str) -> str:
    """Like norm, but word order kept: for substrings and prefixes."""
    s = unicodedata.normalize("NFKC", s or "").casefold().replace("臺", "台")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", s))


class PRF(TypedDict):
    tp: int
    pred: int
    gold: int
    p: float
    r: float
    f1: float


def prf(tp: int, n_pred: int, n_gold: int) -> PRF:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


def kind_of(s: str) -> str:
    s = s.casefold()
    if "memorand" in s or "mou" in s or "備忘錄" in s:
        return "mou"
    if "declar" in s or "宣言" in s:
        return "declaration"
    if any(w in s for w in ("friend", "sister", "twin", "partner", "友好", "友誼", "姊妹", "夥伴")):
        return "friendship"
    return s


def status_of(s: str) -> str:
    s = s.casefold()
    if any(w in s for w in ("plan", "intend", "expect", "propos", "upcoming", "pending", "tobesigned", "to be signed",
                            "announc", "future", "預定", "將", "擬")):
        return "planned"
    if "sign" in s or "簽署" in s or "簽訂" in s:
        return "signed"
    return s


# ----------------------------------------------------------------------------- names and items


def key(s: str) -> str:
    """The scorer's ``norm`` of a name folded to one script."""
    return norm(fold(s or ""))


def flatkey(s: str) -> str:
    return flat(fold(s or ""))


def matches(name: str, aliases: Iterable[str]) -> bool:
    k = key(name)
    return bool(k) and any(k == key(a) for a in aliases)


@dataclass(frozen=True)
class Item:
    """One expected thing: the names it may be written or labelled with."""

    names: tuple[str, ...]
    contains: tuple[str, ...] = ()
    optional: bool = False

    @property
    def label(self) -> str:
        return self.names[0] if self.names else (self.contains[0] if self.contains else "?")


def item(x: Any) -> Item:
    if isinstance(x, str):
        return Item((x,))
    if isinstance(x, list):
        return Item(tuple(x))
    if isinstance(x, dict):
        return Item(tuple(x.get("names", ())), tuple(x.get("contains", ())), bool(x.get("optional", False)))
    raise TypeError(f"an expected item is a name, a list of names or an object with names, not {x!r}")


def items(xs: Sequence[Any]) -> list[Item]:
    return [item(x) for x in xs]


def find(names: Sequence[str], its: Sequence[Item], *, substrings: bool = True) -> int | None:
    """The expected item that one of ``names`` matches: a whole name first, then a ``contains`` substring."""
    for i, it in enumerate(its):
        if any(matches(n, it.names) for n in names if n):
            return i
    if substrings:
        for i, it in enumerate(its):
            if any(flatkey(sub) and flatkey(sub) in flatkey(n) for sub in it.contains for n in names if n):
                return i
    return None


Log = list[str]  # what did not match, for ``--misses``


def _note(log: Log | None, kind: str, extra: Iterable[str], missing: Iterable[str]) -> None:
    if log is not None:
        log.extend(f"{kind}: extra {x}" for x in sorted(set(extra)))
        log.extend(f"{kind}: missing {x}" for x in missing)


def score_names(got: Iterable[Sequence[str]], expected: Sequence[Item], log: Log | None = None, kind: str = "",
                entities: bool = False) -> PRF:
    """P/R of predictions (each a mention or an entity, with all its names) against expected items.

    Mentions (``entities=False``): predictions that match one expected item count once, as the scorer counts;
    one that matches nothing counts once per distinct name. Entities (``entities=True``): every predicted
    entity counts, so an entity split in two (楊市長 apart from 楊正雄) costs precision. Optional items are neutral."""
    preds: set[tuple[str, Any]] = set()
    n_entities = 0
    extra: list[str] = []
    for names in got:
        names = [n for n in names if n and key(n)]
        if not names:
            continue
        i = find(names, expected)
        if i is None:
            preds.add(("x", key(names[0])))
            n_entities += 1
            extra.append(" / ".join(names))
        elif not expected[i].optional:
            if entities and ("i", i) in preds:
                extra.append(f"{' / '.join(names)} (a second entity for {expected[i].label})")
            preds.add(("i", i))
            n_entities += 1
    tp = sum(1 for p in preds if p[0] == "i")
    _note(log, kind, extra, [it.label for i, it in enumerate(expected) if not it.optional and ("i", i) not in preds])
    return prf(tp, n_entities if entities else len(preds), sum(1 for it in expected if not it.optional))


# ----------------------------------------------------------------------------- the stages


@dataclass
class Output:
    """One document through the three stages."""

    name: str
    recognised: Recognised
    resolved: Resolved
    facts: Facts


def run(path: Path) -> Output:
    doc = documents.read(path)
    r = rec_stage.recognise(make_text(doc))
    s = res_stage.resolve(r)
    return Output(path.stem, r, s, rel_stage.relate(s))


def _date_label(d: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def score_recognise(got: Recognised, exp: dict[str, Any], log: Log | None = None) -> dict[str, PRF]:
    """Mentions; a surname-and-title mention (柯市長), a pronoun and a bare event word (記者會) are references that
    resolve names, so they are not scored here."""
    out: dict[str, PRF] = {}
    persons = [[m.name.text, m.name.alt] for m in got.persons if not m.short and m.how not in ("short", "pronoun")]
    out["persons"] = score_names(persons, items(exp.get("persons", [])), log, "persons")
    out["places"] = score_names([[m.text, m.name] for m in got.places], items(exp.get("places", [])), log, "places")
    out["countries"] = score_names([[m.text] for m in got.countries], items(exp.get("countries", [])), log, "countries")
    out["events"] = score_names([[m.name, m.alt] for m in got.events if not m.generic], items(exp.get("events", [])), log, "events")
    out.update(_score_agreement_mentions(got, exp.get("agreements", []), log))
    want = [tuple(d) if isinstance(d, list) else (d,) for d in exp.get("dates", [])]
    preds: set[tuple[str, Any]] = set()
    for m in got.dates:
        a = _date_label(m.date, m.precision)
        b = _date_label(m.last, m.precision) if m.last else a
        label = a if a == b else f"{a}/{b}"
        i = next((i for i, alts in enumerate(want) if label in alts), None)
        preds.add(("x", label) if i is None else ("i", i))
    _note(log, "dates", [str(p[1]) for p in preds if p[0] == "x"], ["|".join(w) for i, w in enumerate(want) if ("i", i) not in preds])
    out["dates"] = prf(sum(1 for p in preds if p[0] == "i"), len(preds), len(want))
    return out


def _occurrences(hay: str, needle: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not needle:
        return out
    i = hay.find(needle)
    while i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return out


def _score_agreement_mentions(got: Recognised, exp: list[dict[str, Any]], log: Log | None = None) -> dict[str, PRF]:
    """An agreement mention belongs to the expected agreement one of whose names, where the text writes it,
    covers the mention (備忘錄 in 觀光旅遊合作備忘錄), or whose names hold the mention's quoted name."""
    text = fold(got.text.raw)
    spans: list[list[tuple[int, int]]] = [[o for n in a.get("names", []) for o in _occurrences(text, fold(n))] for a in exp]
    preds: set[tuple[str, Any]] = set()
    right_kind: set[int] = set()
    extra: list[str] = []
    wrong_kind: list[str] = []
    for m in got.agreements:
        hit = None
        for i, a in enumerate(exp):
            if (m.name and matches(m.name, a.get("names", []))) or any(s <= m.start and m.end <= e for s, e in spans[i]):
                hit = i
                break
        if hit is None:
            preds.add(("x", key(m.name or m.text)))
            extra.append(f"{m.kind} {got.text.raw[max(0, m.start - 8):m.end]}")
        elif not exp[hit].get("optional"):
            preds.add(("i", hit))
            if m.kind == exp[hit]["kind"]:
                right_kind.add(hit)
            else:
                wrong_kind.append(f"{m.kind} {m.name or m.text} (expected {exp[hit]['kind']})")
    tp = sum(1 for p in preds if p[0] == "i")
    n_gold = sum(1 for a in exp if not a.get("optional"))
    _note(log, "agreements", extra, [a["names"][0] for i, a in enumerate(exp) if not a.get("optional") and ("i", i) not in preds])
    _note(log, "agreement-kinds", wrong_kind, [])
    return {"agreements": prf(tp, len(preds), n_gold), "agreement-kinds": prf(len(right_kind), len(preds), n_gold)}


def score_resolve(got: Resolved, exp: dict[str, Any], log: Log | None = None) -> dict[str, PRF]:
    """Entities: each one the resolver made counts (two for one expected entity: one is a false positive)."""
    out: dict[str, PRF] = {}
    home = got.places.get(got.home_place)
    want = item(exp["home"]) if exp.get("home") else None
    # the home's key counts as one of its names: a home chosen but not registered as a place is still chosen
    home_names = [home.name_zh, home.name_en, home.surface, home.key] if home else ([got.home_place] if got.home_place else [])
    ok = bool(want and home_names and find(home_names, [want]) is not None)
    out["home"] = prf(int(ok), 1 if home_names else 0, 1 if want else 0)
    if not ok:
        _note(log, "home", [f"{got.home_place} {home_names}"], [want.label] if want else [])
    for kind, names in (("persons", [[p.name, *p.alt_names] for p in got.persons.values()]),
                        ("places", [[p.name_zh, p.name_en, p.surface] for p in got.places.values()]),
                        ("countries", [[c.name_zh, c.name_en] for c in got.countries.values()]),
                        ("events", [e.names for e in got.events.values()])):
        out[kind] = score_names(names, items(exp.get(kind, [])), log, kind, entities=True)
    return out


def _party_names(f: Facts, k: str) -> list[str]:
    if k in f.places:
        p = f.places[k]
        return [p.name_zh, p.name_en, p.surface]
    if k in f.organizations:
        o = f.organizations[k]
        return [o.name_zh, o.name_en, *o.alt_names]
    return [k]


class _Events:
    """The expected events of relate, found by name as the scorer's Gold.event finds them."""

    def __init__(self, evs: list[dict[str, Any]]) -> None:
        self.evs = evs
        self.items = [Item(tuple(e.get("names", ())), tuple(e.get("contains", ())), bool(e.get("optional"))) for e in evs]

    def find(self, names: Sequence[str]) -> str | None:
        i = find(names, self.items)
        return str(self.evs[i]["key"]) if i is not None else None

    def optional(self, k: str) -> bool:
        return any(e["key"] == k and e.get("optional") for e in self.evs)

    def parent(self, k: str) -> str:
        return next((str(e.get("partOf", "")) for e in self.evs if e["key"] == k), "")


def score_relate(f: Facts, exp: dict[str, Any], persons: Sequence[Item], log: Log | None = None) -> dict[str, PRF]:
    """``persons``: the document's people (resolve's expected persons), to tell who a fact names."""
    out: dict[str, PRF] = {}
    E = _Events(exp.get("events", []))

    def iso(d: dt.date | None) -> str:
        return d.isoformat() if d else ""

    # events: named (any dates), and the scorer's measure (dates right)
    found: dict[str, set[tuple[str, str]]] = {}
    unknown: set[str] = set()
    event_of: dict[str, str] = {}
    for k, e in f.events.items():
        g = E.find([*e.names_zh, *e.names_en])
        if g is None:
            unknown.add(k)
            continue
        event_of[k] = g
        if not E.optional(g):
            found.setdefault(g, set()).add((iso(e.start), iso(e.end)))
    scored = [e for e in E.evs if not e.get("optional")]
    tp_dates = 0
    for e in scored:
        if e["key"] in found:
            ok_s = not e.get("start") or any(s in e["start"] for s, _ in found[e["key"]])
            ok_e = not e.get("end") or any(x in e["end"] for _, x in found[e["key"]])
            tp_dates += 1 if ok_s and ok_e else 0
    n_pred = len(found) + len(unknown)
    out["events-named"] = prf(len(found), n_pred, len(scored))
    out["events"] = prf(tp_dates, n_pred, len(scored))
    _note(log, "events", [f"{(f.events[k].names_zh + f.events[k].names_en + [k])[0]} {iso(f.events[k].start)}..{iso(f.events[k].end)}" for k in unknown],
          [e["key"] for e in scored if e["key"] not in found])
    # part-of between events: a pair with an optional end is neutral
    gold_parts = {(str(e["key"]), str(e["partOf"])) for e in scored if e.get("partOf")}
    pred_parts: set[tuple[str, str]] = set()
    for k, e in f.events.items():
        if e.parent:
            child, parent = event_of.get(k, k), event_of.get(e.parent, e.parent)
            if child != parent and not (E.optional(child) or E.optional(parent)):  # two got events for one: not a part
                pred_parts.add((child, parent))
    out["event-parts"] = prf(len(pred_parts & gold_parts), len(pred_parts), len(gold_parts))
    _note(log, "event-parts", [f"{a} < {b}" for a, b in pred_parts - gold_parts], [f"{a} < {b}" for a, b in gold_parts - pred_parts])
    _note(log, "events", [], [f"{k} dates {sorted(v)}" for k, v in found.items() if k not in
                              {e["key"] for e in scored if (not e.get("start") or any(s in e["start"] for s, _ in v))
                               and (not e.get("end") or any(x in e["end"] for _, x in v))}])

    def who(name_and_alts: Sequence[str]) -> int | str:
        i = find(name_and_alts, persons, substrings=False)
        return i if i is not None else key(name_and_alts[0])

    def person_names(k: str) -> list[str]:
        p = f.persons.get(k)
        return [p.name, *p.alt_names] if p else [k]

    # posts: a person with a post (the scorer's "persons"), and person + post + organisation
    posts = exp.get("posts", [])
    post_people = [Item(tuple(p["person"]) if isinstance(p["person"], list) else (p["person"],), (), bool(p.get("optional"))) for p in posts]
    officials: set[Any] = set()
    full: set[Any] = set()
    for post in f.posts:
        pn = person_names(post.person)
        role = f.roles.get(post.role)
        rn = [role.name_zh, role.name_en] if role else [post.role]
        on = _party_names(f, post.organization)
        i = find(pn, post_people, substrings=False)
        if i is not None and post_people[i].optional:
            continue
        officials.add(("i", i) if i is not None else ("x", key(pn[0])))
        if i is not None and any(matches(r, posts[i]["post"]) for r in rn) and any(matches(o, posts[i]["org"]) for o in on):
            full.add(("i", i))
        else:
            full.add(("x", key(pn[0]), key(rn[0]), key(on[0])))
    n_posts = sum(1 for p in post_people if not p.optional)
    out["officials"] = prf(sum(1 for x in officials if x[0] == "i"), len(officials), n_posts)
    out["posts"] = prf(sum(1 for x in full if x[0] == "i"), len(full), n_posts)
    _note(log, "posts", [" / ".join(x[1:]) for x in full if x[0] == "x"],
          [post_people[i].label for i in range(len(posts)) if not post_people[i].optional and ("i", i) not in full])

    # participation (the scorer's participants-session: a part's parent implied by the part is neutral)
    gold_p = {(who([p]), e) for p, e in exp.get("participations", [])}
    pred_p: set[tuple[int | str, str]] = set()
    for pa in f.participations:
        ev = event_of.get(pa.event, pa.event)
        if not E.optional(ev):  # taking part in an optional event neither counts nor hurts
            pred_p.add((who(person_names(pa.person)), ev))
    implied = {(i, E.parent(e)) for i, e in gold_p if E.parent(e)}
    pred_p -= {x for x in pred_p if x in implied and x not in gold_p}
    out["participations"] = prf(len(pred_p & gold_p), len(pred_p), len(gold_p))
    def pair(x: tuple[int | str, str]) -> str:
        return f"{persons[x[0]].label if isinstance(x[0], int) else x[0]} @ {x[1]}"

    _note(log, "participations", [pair(x) for x in pred_p - gold_p], [pair(x) for x in gold_p - pred_p])

    # agreements: kind and every party; then status and date
    got_agr = []
    for a in f.agreements.values():
        got_agr.append({"kind": kind_of(a.kind), "status": status_of(a.status), "date": iso(a.date),
                        "parties": [_party_names(f, p) for p in a.parties]})
    used: set[int] = set()
    tp = tp_status = 0
    want_agr = exp.get("agreements", [])
    unmatched: list[str] = []
    for g in want_agr:
        label = f"{g['kind']} {g['status']} {'|'.join(g.get('date', []))} {[p[0] for p in g['parties']]}"
        for j, a in enumerate(got_agr):
            if j in used or g["kind"] != a["kind"]:
                continue
            covered = all(any(any(matches(n, aliases) for n in p) for p in a["parties"]) for aliases in g["parties"])
            if g["kind"] != "declaration":
                covered = covered and len({key(p[0]) for p in a["parties"]}) <= len(g["parties"]) + 1
            if covered:
                used.add(j)
                tp += 1
                date_ok = not g.get("date") or a["date"] in g["date"]
                tp_status += 1 if (g["status"] == a["status"] and date_ok) else 0
                if not (g["status"] == a["status"] and date_ok):
                    unmatched.append(f"status/date of {label}: got {a['status']} {a['date']}")
                break
        else:
            unmatched.append(label)
    out["agreements"] = prf(tp, len(got_agr), len(want_agr))
    _note(log, "agreements", [f"{a['kind']} {a['status']} {a['date']} {[p[0] for p in a['parties']]}" for j, a in enumerate(got_agr) if j not in used], [])
    _note(log, "agreements", [], unmatched)
    out["agreement-status-date"] = prf(tp_status, len(got_agr), len(want_agr))

    # sister cities, counted as the scorer counts them
    pairs = exp.get("sister_cities", [])
    hit: set[int] = set()
    pred_pairs: set[frozenset[str]] = set()
    for s in f.sister_cities:
        an, bn = _party_names(f, s.a), _party_names(f, s.b)
        pred_pairs.add(frozenset((key(an[0]), key(bn[0]))))
        for i, (x, y) in enumerate(pairs):
            if (any(matches(n, x) for n in an) and any(matches(n, y) for n in bn)) or (
                    any(matches(n, y) for n in an) and any(matches(n, x) for n in bn)):
                hit.add(i)
    out["sister-cities"] = prf(len(hit), max(len(hit), len(pred_pairs)), len(pairs))
    _note(log, "sister-cities", [], [f"{x[0]}-{y[0]}" for i, (x, y) in enumerate(pairs) if i not in hit])

    # speakers
    gold_s = {who([s]) for s in exp.get("speakers", [])}
    pred_s = {who(person_names(st.speaker)) for st in f.statements}
    out["speakers"] = prf(len(pred_s & gold_s), len(pred_s), len(gold_s))
    _note(log, "speakers", [persons[x].label if isinstance(x, int) else x for x in pred_s - gold_s],
          [persons[x].label if isinstance(x, int) else x for x in gold_s - pred_s])
    return out


def score_stage(stage: str, got: Output, expected: dict[str, Any], log: Log | None = None) -> dict[str, PRF]:
    """One stage of one document against its expectation file (the whole file: relate needs resolve's persons)."""
    if stage == "recognise":
        return score_recognise(got.recognised, expected["recognise"], log)
    if stage == "resolve":
        return score_resolve(got.resolved, expected["resolve"], log)
    if stage == "relate":
        return score_relate(got.facts, expected["relate"], items(expected["resolve"].get("persons", [])), log)
    raise ValueError(f"no stage {stage!r}: one of {', '.join(STAGES)}")


def pool(scores: Iterable[dict[str, PRF]]) -> dict[str, PRF]:
    """Counts summed over documents, P/R/F1 computed again (micro average)."""
    tot: dict[str, list[int]] = {}
    for sc in scores:
        for k, v in sc.items():
            t = tot.setdefault(k, [0, 0, 0])
            t[0] += v["tp"]
            t[1] += v["pred"]
            t[2] += v["gold"]
    return {k: prf(*v) for k, v in tot.items()}


# ----------------------------------------------------------------------------- the table


def table(rows: Iterable[tuple[str, str, PRF]]) -> str:
    """A fixed-width table: stage, kind, P, R, F1, tp/pred/gold."""
    lines = [f"{'stage':10} {'kind':22} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold"]
    for stage, kind, v in rows:
        lines.append(f"{stage:10} {kind:22} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}   {v['tp']}/{v['pred']}/{v['gold']}")
    return "\n".join(lines)


def rows_of(stage: str, scores: dict[str, PRF]) -> list[tuple[str, str, PRF]]:
    return [(stage, k, scores[k]) for k in KINDS[stage] if k in scores]


def expectation_paths() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def score_all(paths: Sequence[Path] | None = None, logs: dict[str, dict[str, Log]] | None = None,
              ) -> tuple[dict[str, dict[str, PRF]], dict[str, dict[str, dict[str, PRF]]]]:
    """Pooled scores per stage, and each document's scores per stage; ``logs`` collects what did not match."""
    per_doc: dict[str, dict[str, dict[str, PRF]]] = {}
    for p in paths if paths is not None else expectation_paths():
        exp = load(p)
        out = run(DOCS / exp["document"])
        doc_logs = logs.setdefault(p.stem, {s: [] for s in STAGES}) if logs is not None else None
        per_doc[p.stem] = {s: score_stage(s, out, exp, doc_logs[s] if doc_logs else None) for s in STAGES}
    pooled = {s: pool(d[s] for d in per_doc.values()) for s in STAGES}
    return pooled, per_doc


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Per-stage precision and recall on the golden development documents.")
    ap.add_argument("--by-doc", action="store_true", help="also print one table per document")
    ap.add_argument("--misses", action="store_true", help="also list, per document and stage, what was extra or missing")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    a = ap.parse_args(argv)
    logs: dict[str, dict[str, Log]] = {}
    pooled, per_doc = score_all(logs=logs)
    if a.json:
        print(json.dumps({"pooled": pooled, "documents": per_doc}, ensure_ascii=False, indent=1))
        return 0
    if a.by_doc:
        for name, sc in per_doc.items():
            print(f"== {name}")
            print(table([r for s in STAGES for r in rows_of(s, sc[s])]))
            print()
    if a.misses:
        for name, by_stage in logs.items():
            print(f"== {name}: what did not match")
            for s in STAGES:
                for line in by_stage[s]:
                    print(f"{s:10} {line}")
            print()
    print(f"== {len(per_doc)} golden documents, pooled")
    print(table([r for s in STAGES for r in rows_of(s, pooled[s])]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
