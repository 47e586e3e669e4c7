"""Recognise: pure functions from a document's text to mentions. A mention never states a fact.

The recognisers run in order over one ``Text``: dates, countries and places, post titles, cues,
organisations, events, agreement words, then people (whose names are bounded by what the others found).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from smartgraph.dates import DateMatch, recognise_dates
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import CueMention, DateMention, EventMention, OrgMention, Recognised, TitleMention
from smartgraph.extraction.names import LATIN, ends_with, lead_ends_stretch, starts_with, words
from smartgraph.extraction.recognise.agreements import english_agreements, recognise_agreements
from smartgraph.extraction.recognise.events import recognise_acts, recognise_events, recognise_visits
from smartgraph.extraction.recognise.events_en import (
    recognise_events_en,
    recognise_meetings_en,
    recognise_signings_en,
    recognise_visits_en,
)
from smartgraph.extraction.recognise.people import recognise_people
from smartgraph.extraction.recognise.people_en import recognise_people_en, recognise_titles_en
from smartgraph.extraction.recognise.places import english, recognise_places
from smartgraph.extraction.text import Ranges, Text, fold, is_han

__all__ = ["recognise", "recognise_cues", "recognise_dates_in", "recognise_orgs", "recognise_titles"]

CUE_CLASSES = ("say", "attend", "host", "sign", "witness", "visit", "future", "online", "in-person", "tie")


DAY_CONTEXT = 400  # characters back in its paragraph where a bare day (28日) looks for the month it is in
DAY_CONTEXT_EN = 150  # the same in English, where a date far back is most often of another time told in passing


def recognise_dates_in(text: Text) -> list[DateMention]:
    """Every date mention; a bare day of the month (「會議首日(28日)」) is in the month its paragraph last named
    (「研討會訂於9月28日至30日」), else the nearest one to the release's date. In English the month is looked for
    nearer ("on the 12th" long after "resumed on January 19, 2023" is of the release's month)."""
    out: list[DateMention] = []
    english = (getattr(text.doc, "language", "") or "").lower().startswith("en")
    found = recognise_dates(text.raw, text.doc.date) if text.doc.date is not None else _undated(text.raw)
    for d in found:
        date, last = d.date, d.last
        if d.kind == "day" and date is not None:
            lo = max(text.unit_of(d.start).start, d.start - (DAY_CONTEXT_EN if english else DAY_CONTEXT))
            ref = None
            for m in reversed(out):  # the dates before it, nearest first, back to the window's start
                if m.start < lo:
                    break
                if m.kind in ("full", "month-day", "relative") and m.precision == "day":
                    ref = m.date
                    break
            if ref is not None:
                try:
                    moved = ref.replace(day=date.day)
                except ValueError:
                    moved = None
                if moved is not None and moved != date:
                    shift = moved - date
                    date, last = moved, (last + shift if last is not None else None)
        out.append(DateMention(d.start, d.end, text.raw[d.start:d.end], date, last, d.precision, d.kind == "relative", d.kind))
    return out


def _undated(raw: str) -> list[DateMatch]:
    """The dates of a release without a date line: those written in full, and a month and day without a year
    (「3月5日」, "March 5") in the year that puts it nearest the last full date before it (「2024年3月3日出發…3月5日
    拜會」; 「2024年12月30日…1月2日」 is 2025's); before any full date, only when every full date has one year.
    Relative words (今天, last week) and bare days stay unread: with no release date they have nothing to count from."""
    plain = recognise_dates(raw, None)
    # (s10-ev) 「本(2024)年11月3日」 writes its year as a full date does: read without a release date, it is one
    full = [d for d in plain if d.kind in ("full", "relative") and d.precision == "day" and d.date is not None]
    if not full:
        return plain
    known = {(d.start, d.end): d for d in plain}
    years = {d.date.year for d in full if d.date is not None}
    out: list[DateMatch] = []
    for d in recognise_dates(raw, full[0].date):
        if (d.start, d.end) in known:
            out.append(known[(d.start, d.end)])
            continue
        if d.kind != "month-day" or d.date is None:
            continue
        before = [f for f in full if f.end <= d.start]
        if before:
            ref = before[-1].date
        elif len(years) == 1:
            ref = full[0].date
        else:
            continue
        assert ref is not None
        moved = _near_year(d.date, ref)
        if moved is None:
            continue
        shift = moved - d.date
        out.append(replace(d, date=moved, last=d.last + shift if d.last is not None else None))
    return out


def _near_year(day: dt.date, ref: dt.date) -> dt.date | None:
    """A month and day in the year (the reference's, the one before or after) that puts it nearest ``ref``."""
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(day.replace(year=y))
        except ValueError:  # 29 February
            continue
    return min(cands, key=lambda c: abs((c - ref).days)) if cands else None


# 「前蘇澳鎮長」「前臺北市長」: 前 at a word's start, a place's name, then the title: the post as held before (not 前往,
# 前來, 目前, 之前)
_FORMER_OF_PLACE = re.compile(fold(r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[、及與和暨括]))前(?![往來進夕後述面方年天日晚任])[\u4e00-\u9fff]{2,4}$"))


def recognise_titles(text: Text) -> list[TitleMention]:
    t = text.fold
    out = []
    bad_after = words("not-title-after")
    former = words("former")
    elect = fold("當選人")
    for h in lx.title_matcher().find(t):
        end = h.end + len(elect) if t.startswith(elect, h.end) else h.end  # 「議員當選人李小華」: the post she was elected to
        if end == h.end and starts_with(t, h.end, bad_after):
            continue
        if h.end < len(t) and is_han(t[h.end]):
            body = lx.org_suffix_matcher().ending_at(t, h.end + 1)
            if body is not None and body.start < h.end and body.end - body.start >= 2:
                continue  # 「州參議會」「理事會」: the title's last character opens the ending of a body's name
        was = any(t.startswith(f, h.start - len(f)) for f in former if h.start >= len(f)) or \
            _FORMER_OF_PLACE.search(t, max(0, h.start - 7), h.start) is not None
        title = lx.former(h.entry) if was else h.entry
        out.append(TitleMention(h.start, end, text.raw[h.start:end], title, was))
    return out


def recognise_cues(text: Text) -> list[CueMention]:
    out = []
    for cls in CUE_CLASSES:
        for h in lx.cue_matcher(cls).find(text.fold):
            out.append(CueMention(h.start, h.end, text.raw[h.start:h.end], cls))
        for h in lx.cue_matcher_en(cls).find(text.low):
            out.append(CueMention(h.start, h.end, text.raw[h.start:h.end], cls))
    return sorted(out, key=lambda c: (c.start, c.cls))


# compared with Text.fold, so written folded (與 folds to 与, ， to ,)
_ORG_STOP = set(fold("，。、；：,.;:!?！？「」『』()（）\n"))
_SINGLE_OK_AFTER = set(fold("，。、；：,.;:與和及的在等長(（ \n」也並亦已將於則共"))
ORG_LIMIT = 18
_BODY_OF = re.compile(r"\b(?:Committee|Council|Association|Federation|Secretariat|Foundation|Commission|Office|Bureau)"
                      r"\s+(?:of|for)\s+(?:the\s+)?(?:\d{4}\s+)?$")
_NEGATED = re.compile(fold(r"(?:不設|未設|不另設|沒有|並無|取消|停辦|不舉辦|未舉辦|不辦)$"))
_NEGATED_NAME = re.compile(_NEGATED.pattern.rstrip("$"))
_NOT_ORG_ENDINGS = {fold(w) for w in ("簽署", "部署", "連署", "布局", "格局", "大局", "結局", "當局", "到處", "各處", "好處", "相處", "之處")}


def recognise_orgs(text: Text, stops: set[int], place_ends: set[int] = frozenset()) -> list[OrgMention]:  # type: ignore[assignment]
    """Organisations named by how they end (臺北市立大學, 上海國際藝術節, 北九州市都市品牌創造局).

    The name runs left from its ending over Han or Latin characters to a clause break, a lead word
    or the end of another mention (``stops``)."""
    raw, t = text.raw, text.fold
    out: list[OrgMention] = []
    lead = words("lead")
    for h in lx.org_suffix_matcher().find(t):
        if h.end - h.start == 1 and h.end < len(t) and t[h.end] not in _SINGLE_OK_AFTER and not lx.title_matcher().at(t, h.start):
            continue
        if h.end - h.start == 1 and t[h.start - 1:h.end] in _NOT_ORG_ENDINGS:
            continue  # 簽署, 部署: a verb, not an agency
        i = h.start
        conj = words("lead-start")
        while i > 0 and h.end - i < ORG_LIMIT and t[i - 1] not in _ORG_STOP and i not in stops:
            if t[i - 1] == " " and not (i >= 2 and t[i - 2].isascii()):
                break
            if lead_ends_stretch(t, i):
                break  # 「走訪北方協會」; not 「參觀團」, a delegation named by what it does
            c = ends_with(t, i, conj)
            if c and i < h.start and (lx.org_suffix_matcher().ending_at(t, i - len(c)) is not None or (i - len(c)) in place_ends):
                break  # 臺北市立大學與|復旦大學: the organisation before the conjunction is another one
            i -= 1
        # lead words open the stretch but are not part of the name
        changed = True
        while changed:
            changed = False
            lw = starts_with(t, i, lead) or starts_with(t, i, conj)
            if lw and i + len(lw) < h.start:
                i += len(lw)
                changed = True
        while i < h.start and t[i] in " ·":
            i += 1
        name = raw[i:h.end]
        if len(name) < 2 or (name == raw[h.start:h.end] and len(name) < 3):
            continue
        if not (is_han(t[i]) or re.match(f"[{LATIN}0-9]", raw[i])):
            continue
        out.append(OrgMention(i, h.end, name, h.entry, name))
    return out


def _meeting_en(e: EventMention) -> bool:
    """A meeting an English sentence tells with its verb (recognise_meetings_en)."""
    return e.category == "visit" and e.head is not None and e.name.startswith(("meeting with ", "meeting between "))


def _site_visit_en(e: EventMention) -> bool:
    """A visit to a site an English sentence tells ("toured the Xuhui Riverside": recognise_visits_en)."""
    return e.site


_BARE_TREATY = frozenset({"協定", "協議", "协定", "协议"})  # the bare words of the agreement list, not 合作協定
_PARTY_BEFORE = re.compile(fold(r"[與和及、跟同]\s*$"))  # 「臺北與福岡協議」 would be the two cities'


def recognise(text: Text) -> Recognised:
    """Every mention in one document's text."""
    r = Recognised(text)
    r.dates = recognise_dates_in(text)
    r.countries, r.places = recognise_places(text)
    en = english(text)
    r.titles = recognise_titles_en(text) if en else recognise_titles(text)
    r.cues = recognise_cues(text)
    r.agreements = recognise_agreements(text)
    if not en:  # 「簽訂巴黎協定」: a treaty a city gives its name to (the Paris Agreement), no city's own agreement
        place_ends = {p.end: p for p in r.places}
        r.agreements = [a for a in r.agreements if not (a.word in _BARE_TREATY and a.start in place_ends and not _PARTY_BEFORE.search(
            text.fold, max(0, place_ends[a.start].start - 2), place_ends[a.start].start))]
    if en:
        r.agreements = english_agreements(text, r.agreements)
        r.events = recognise_events_en(text, r.dates)
        r.events += recognise_signings_en(text, [(a.start, a.end) for a in r.agreements])
        told = Ranges(r.events, lambda e: e.start, lambda e: e.end)
        visits = [v for v in recognise_visits_en(text)
                  if not any(not e.generic or not _site_visit_en(v) for e in told.overlapping(v.start, v.end))]
        sites = Ranges([v for v in visits if _site_visit_en(v)], lambda e: e.start, lambda e: e.end)
        # "visited the Taiwan railway exhibition": the event word is the site's, not an exhibition named elsewhere
        r.events = [e for e in r.events if not e.generic or not sites.overlapping(e.start, e.end)] + visits
        r.events += recognise_meetings_en(text, r.dates)
    else:
        r.events = recognise_events(text, r.dates, {c.end for c in r.cues if c.cls in ("attend", "host", "visit", "say", "future")
                                                    and c.text not in ("簽署", "簽約", "簽訂")} | {m.end for m in r.titles})
        quoted = Ranges([e for e in r.events if e.quoted], lambda e: e.start, lambda e: e.end)
        # (s10-ev) 「「古城協議書」線上簽署儀式」: a signing inside a ceremony named in quotes is that ceremony, no act of its own
        r.events += [a for a in recognise_acts(text, [(a.start, a.end) for a in r.agreements])
                     if not any(q.start <= a.start and a.end <= q.end for q in quoted.overlapping(a.start, a.end))]
        told = Ranges(r.events, lambda e: e.start, lambda e: e.end)
        r.events += [v for v in recognise_visits(text) if not told.overlapping(v.start, v.end)]
    r.events.sort(key=lambda e: e.start)
    if en:  # "the Organising Committee of the Olympic Games": the name of a body, not the event
        r.events = [e for e in r.events if not _BODY_OF.search(text.raw, max(0, e.start - 60), e.start)]
    # 「不設分論壇」「取消記者會」: an event the text says is not held
    r.events = [e for e in r.events if not _NEGATED.search(text.fold, max(0, e.start - 4), e.start)
                and not _NEGATED_NAME.match(fold(e.name))]
    r.persons = recognise_people_en(text, r.titles, r.cues) if en else \
        recognise_people(text, r.titles, r.places, r.countries, r.cues, r.dates)
    if en:  # a meeting is with someone: a person named after its verb, or a delegation ("met today with a … delegation")
        met = Ranges([(p.name.start, p.name.end) for p in r.persons], lambda x: x[0], lambda x: x[1])
        r.events = [e for e in r.events if not _meeting_en(e) or e.name.lower().endswith((" delegation", " mission")) or any(
            e.head is not None and e.head <= a and b <= e.end for a, b in met.overlapping(e.start, e.end))]
        # a visit to a site is one a person made: someone named before its verb in its sentence
        r.events = [e for e in r.events if not _site_visit_en(e) or any(
            b <= e.start for a, b in met.overlapping(text.sentences[text.sentence_of(e.start)].start, e.start))]
    # a name is not a place (芭堤雅 the person, not Pattaya); a surname before a title may be one (福岡市長, 三浦市長):
    # the place stays, and resolution keeps the surname only if it finds the person's full name
    names = Ranges([(p.name.start, p.name.end) for p in r.persons if not p.short], lambda x: x[0], lambda x: x[1])
    r.places = [m for m in r.places if not names.overlapping(m.start, m.end)]
    # an event word inside a name or a title (衛生局長曾梓展, 土浦市議會議長) is not an event
    taken = Ranges([(p.name.start, p.name.end) for p in r.persons] + [(m.start, m.end) for m in r.titles],
                   lambda x: x[0], lambda x: x[1])
    r.events = [e for e in r.events if e.quoted or e.head is not None or not taken.overlapping(e.end - 1, e.end)]
    # an event word in a person's affiliation (盛典創辦人, 論壇執行長) names what the person works for
    affiliations = Ranges([span for p in r.persons for _, span in p.posts if span[1] > span[0]], lambda x: x[0], lambda x: x[1])
    r.events = [e for e in r.events if not e.generic or not affiliations.overlapping(e.end - 1, e.end)]
    stops = {p.name.end for p in r.persons} | {m.end for m in r.titles} | {d.end for d in r.dates} \
        | {c.end for c in r.cues if c.cls in ("sign", "attend", "host", "visit", "say", "witness")}
    r.orgs = recognise_orgs(text, stops, {m.end for m in r.places})
    return r

