"""Events: summits, expos, forums and their sessions, with dates, venue, attendance mode and reported figures.

An event is named with a year (「2021智慧城市首長高峰會議」, "2016 Smart City Mayor's Summit") or in
quotes. Within a release its identity is the year, its category (summit, expo, forum, conference)
and whether it is a mayors' event, so that the names a release uses for it (and the English ones)
are one event; its IRI adds the rest of its first name, so that two forums of one year in two
releases stay two events. A mention without a year is read as the event of the same category
already named.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from smartgraph.dates import find_dates
from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.context import Context
from smartgraph.extraction.text import View
from smartgraph.model import Event, Figure, Span, Venue

HAN = gz.HAN
SUFFIX = (
    r"論壇暨展覽|論壇暨博覽會|高峰會議|高峰論壇|高峰會|博覽會|研討會|論壇|展覽會|展覽|峰會|年會|大會|會議"
    r"|Summit\s*&\s*Expo|Summit|Expo|Forum|Conference|Congress|Exhibition"
)
STRONG = r"論壇暨展覽|論壇暨博覽會|高峰會議|高峰論壇|高峰會|博覽會|峰會|Summit|Expo"
_WITH_YEAR = re.compile(
    rf"(?P<year>(?:19|20)\d{{2}})\s*(?:年)?\s*(?:的)?\s*(?P<name>(?:[{HAN}A-Za-z&'’]|\s(?=[A-Za-z&]))"
    rf"{{0,24}}?(?:{SUFFIX}))"
)
_QUOTED = re.compile(rf"[「『](?P<name>[^「」『』]{{2,30}}?(?:{SUFFIX}))[」』]")
_YEARLESS = re.compile(rf"(?P<name>[{HAN}]{{0,8}}?(?:{STRONG}))")
_SESSION = re.compile(r"\s*(?P<extra>[\u4e00-\u9fff]{0,6}?)\s*(?:Session|SESSION|session)\s*(?P<n>\d+)|第\s*(?P<n2>\d+)\s*場")
_EN_PAREN = re.compile(r"\s*[（(](?P<en>[A-Za-z][A-Za-z &'’.\-]{3,60})(?:\s*[,，]\s*(?P<abbr>[A-Z]{2,8}))?[）)]")
_SESSIONS_DATES = re.compile(r"(?:(?P<n>\d+|[兩二三四五])\s*個?\s*場次|場次)\s*[（(](?P<dates>[^）)]{3,60})[）)]")
_END_WORDS = re.compile(r"^\s*已?\s*(?:圓滿)?(?:落幕|閉幕|結束|止)")
_START_WORDS = re.compile(r"^\s*(?:起|開幕|開始|登場|揭幕)")
_DURATION = re.compile(r"為期\s*(?P<n>\d+|[一兩二三四五六七])\s*天")
_VENUE = re.compile(
    rf"(?:於|在)(?P<v>[{HAN}A-Za-z]{{2,12}}?(?:展覽館|展覽中心|會議中心|國際會議廳|展演中心|會展中心|文化中心|飯店|酒店|會館|大樓|體育館|市政大樓))"
)
_MIXED = re.compile(r"(?:線上|視訊|online).{0,12}(?:實體|現場)|(?:實體|現場).{0,12}(?:線上|視訊|online)|虛實|hybrid", re.I)
_FIGURES: list[tuple[str, re.Pattern[str]]] = [
    ("countries", re.compile(r"(?P<v>\d[\d,]*)\s*(?:個)?\s*(?:國家|國)(?![內際外家民])")),
    ("registrants", re.compile(r"(?P<v>\d[\d,]*)\s*(?:位|人|名)[^，。；\d]{0,8}?報名")),
    ("officials", re.compile(r"(?P<v>\d[\d,]*)\s*(?:位|個)\s*(?:[^，。；\d]{0,6}?)(?:城市)?(?:首長|市長)")),
    ("views", re.compile(r"觀看[^，。；]{0,12}?(?P<v>\d[\d,]*)\s*(?:人次|次)")),
    ("cities", re.compile(r"(?P<v>\d[\d,]*)\s*(?:個)\s*(?:城市)(?!首長)")),
]
_NUM = {"一": 1, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}


def category(name: str) -> str:
    if re.search(r"暨展覽|暨博覽會|博覽會|展覽|Expo|Exhibition", name):
        return "expo"
    if re.search(r"高峰|峰會|Summit", name):
        return "summit"
    if re.search(r"論壇|Forum", name):
        return "forum"
    return "conference"


def _flags(name: str) -> str:
    """What tells two events of one year and category apart: a mayors' summit is not a business summit."""
    return "-mayors" if re.search(r"首長|市長|Mayor", name, re.I) else ""


@dataclass(frozen=True)
class EventMention:
    key: str
    start: int
    end: int


def _local(key: str) -> str:
    """The part of an event key that tells events of one release apart: year, category, flags."""
    return key.split("/", 1)[0]


def _core(name: str) -> str:
    """What an event's name says besides its kind: 「智慧城市首長」 of 「智慧城市首長高峰會議」."""
    core = re.sub(rf"(?:{SUFFIX})$", "", name.strip())
    return gz.fold(re.sub(r"[\s'’&]+", "", core))


def _register(ctx: Context, year: int, name: str, span: Span) -> Event:
    """The event a name with a year names, recorded in the facts.

    Within a release the year, category and flags identify it (its names in two languages, or
    written two ways, are one event). Across releases its IRI also carries the rest of the name as
    first written, so that two forums of one year are two events."""
    cat = category(name)
    local = f"{year}-{cat}{_flags(name)}"
    mine = [k for k in ctx.facts.events if _local(k) == local]
    if mine:
        key = mine[0]
    else:
        # 「2021高峰會」 after 「2021智慧城市首長高峰會」: the one event of that year and category
        same = [k for k, e in ctx.facts.events.items() if e.year == year and e.category == cat]
        key = same[0] if len(same) == 1 and not _flags(name) else f"{local}/{_core(name)}"
    ev = ctx.facts.events.get(key)
    if ev is None:
        ev = Event(key, cat, year=year)
        ctx.facts.events[key] = ev
    _add_name(ev, f"{year}{'' if gz.is_han(name[:1]) else ' '}{name}")
    ev.spans.append(span)
    return ev


def _add_name(ev: Event, name: str) -> None:
    name = re.sub(r"\s+", " ", name).strip()
    target = ev.names_zh if re.search(f"[{HAN}]", name) else ev.names_en
    if name not in target:
        target.append(name)


def _session(ctx: Context, parent: Event, n: int, name: str, span: Span) -> Event:
    key = f"{parent.key}-s{n}"
    ev = ctx.facts.events.get(key)
    if ev is None:
        ev = Event(key, "session", year=parent.year, parent=parent.key, session=n)
        ctx.facts.events[key] = ev
    _add_name(ev, name)
    ev.spans.append(span)
    return ev


def _resolve_yearless(ctx: Context, name: str) -> Event | None:
    cat = category(name)
    flags = _flags(name)
    cands = [e for e in ctx.facts.events.values() if e.category == cat]
    exact = [e for e in cands if flags and _local(e.key).endswith(flags)]
    pool = exact or cands
    return pool[0] if pool else None


def find_events(ctx: Context, view: View, s0: int, s1: int) -> list[EventMention]:
    """Event mentions in one sentence; new events and sessions are recorded in the facts."""
    text = view.text
    out: list[EventMention] = []
    taken: list[tuple[int, int]] = []
    for m in _WITH_YEAR.finditer(text, s0, s1):
        name = m["name"].strip()
        if len(re.sub(r"\s", "", name)) < 3 or not re.search(f"[{HAN}]|[A-Z]", name):
            continue
        ev = _register(ctx, int(m["year"]), name, view.span(m.start(), m.end()))
        end = m.end()
        en = _EN_PAREN.match(text, end)
        if en and category(en["en"]) == ev.category:
            _add_name(ev, f"{ev.year} {en['en'].strip()}")
            if en["abbr"]:
                _add_name(ev, f"{en['abbr']} {ev.year}")
            end = en.end()
        sm = _SESSION.match(text, m.end())
        if sm and (sm["n"] or sm["n2"]):
            n = int(sm["n"] or sm["n2"])
            label = text[m.start(): sm.end()].strip()
            ses = _session(ctx, ev, n, label, view.span(m.start(), sm.end()))
            out.append(EventMention(ses.key, m.start(), sm.end()))
            end = sm.end()
        else:
            out.append(EventMention(ev.key, m.start(), end))
        taken.append((m.start(), end))
    for m in _QUOTED.finditer(text, s0, s1):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
            continue
        name = m["name"]
        ev_or_none = _resolve_yearless(ctx, name)
        if ev_or_none is None and ctx.doc.date is not None and re.search(STRONG, name):
            ev_or_none = _register(ctx, ctx.doc.date.year, name, view.span(m.start(), m.end()))
        if ev_or_none is not None:
            out.append(EventMention(ev_or_none.key, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _YEARLESS.finditer(text, s0, s1):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
            continue
        ev_or_none = _resolve_yearless(ctx, m["name"])
        if ev_or_none is not None:
            sm = _SESSION.match(text, m.end())
            if sm and (sm["n"] or sm["n2"]):
                n = int(sm["n"] or sm["n2"])
                ses = _session(ctx, ev_or_none, n, text[m.start(): sm.end()].strip(), view.span(m.start(), sm.end()))
                out.append(EventMention(ses.key, m.start(), sm.end()))
            else:
                out.append(EventMention(ev_or_none.key, m.start(), m.end()))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda e: e.start)


def event_details(ctx: Context, view: View, s0: int, s1: int, event: Event) -> None:
    """Dates, sessions' dates, duration, venue, attendance mode and figures that one sentence gives an event."""
    text = view.text
    anchor = ctx.doc.date
    sentence = text[s0:s1]
    seen: list[tuple[int, int]] = []
    sm = _SESSIONS_DATES.search(sentence)
    if sm:
        inner_start = s0 + sm.start("dates")
        dates = find_dates(sm["dates"], anchor)
        sessions = sorted((e for e in ctx.facts.events.values() if e.parent == event.key and e.session), key=lambda e: e.session or 0)
        for k, d in enumerate(dates):
            _extend(event, d.date, d.date)
            event.date_spans.append(view.span(inner_start + d.start, inner_start + d.end))
            if k < len(sessions):
                sessions[k].start = sessions[k].end = d.date
                sessions[k].date_spans.append(view.span(inner_start + d.start, inner_start + d.end))
        seen.append((sm.start(), sm.end()))
    for d in find_dates(sentence, anchor):
        if any(a <= d.start < b for a, b in seen):
            continue
        after = sentence[d.end: d.end + 8]
        span = view.span(s0 + d.start, s0 + d.end)
        if _END_WORDS.match(after):
            _extend(event, None, d.date)
        elif _START_WORDS.match(after):
            _extend(event, d.date, None)
        else:
            _extend(event, d.date, d.date)
        event.date_spans.append(span)
    du = _DURATION.search(sentence)
    if du:
        event.duration_days = int(du["n"]) if du["n"].isdigit() else _NUM.get(du["n"], 1)
    vm = _VENUE.search(sentence)
    if vm and not event.venue:
        vname = vm["v"]
        vkey = f"venue-{gz.fold(vname)}"
        ctx.facts.venues.setdefault(vkey, Venue(vkey, vname, "", ctx.home_place))
        event.venue = vkey
    if _MIXED.search(sentence):
        event.mixed_mode = True
    for kind, pat in _FIGURES:
        for fm in pat.finditer(sentence):
            value = int(fm["v"].replace(",", ""))
            span = view.span(s0 + fm.start(), s0 + fm.end())
            if not any(f.kind == kind and f.value == value for f in event.figures):
                event.figures.append(Figure(kind, value, span))


def _extend(ev: Event, start: dt.date | None, end: dt.date | None) -> None:
    if start is not None:
        ev.start = start if ev.start is None else min(ev.start, start)
    if end is not None:
        ev.end = end if ev.end is None else max(ev.end, end)


def finish_events(ctx: Context) -> None:
    """Apply durations (為期兩天), bound parents by their sessions, and nest events under the expo of their year."""
    events = ctx.facts.events
    for ev in events.values():
        if ev.parent and ev.parent in events:
            parent = events[ev.parent]
            for d in (ev.start, ev.end):
                if d is not None:
                    _extend(parent, d, d)
    for ev in events.values():
        n = ev.duration_days
        if n and ev.start is not None and (ev.end is None or ev.end == ev.start):
            ev.end = ev.start + dt.timedelta(days=n - 1)
        if ev.start is not None and ev.end is None:
            ev.end = ev.start
        if ev.end is not None and ev.start is None:
            ev.start = ev.end
    expos = {e.year: e for e in events.values() if e.category == "expo"}
    for ev in events.values():
        if ev.category in ("summit", "forum", "conference") and not ev.parent and ev.year in expos:
            ev.parent = expos[ev.year].key


def main_event(ctx: Context) -> str:
    """The event the release is about: the most mentioned summit/forum, else any, sessions aside."""
    cands = [e for e in ctx.facts.events.values() if e.category != "session"]
    if not cands:
        return ""
    rank = {"summit": 0, "forum": 1, "conference": 2, "expo": 3}
    best = sorted(cands, key=lambda e: (rank.get(e.category, 4), -len(e.spans), e.spans[0].start if e.spans else 0))
    return best[0].key
