"""Relate: facts from resolved entities. This module is the one that writes ``Facts``.

posts (relate.posts), events with dates and parts (relate.events), statements
(relate.statements), participation (relate.participation), agreements and sister-city ties
(relate.agreements), and the header's contacts. An event is kept when the text dates it, names
someone taking part in it, names it in its headline, or holds a kept event; the others were only
mentioned in passing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from smartgraph.extraction.entities import person_key
from smartgraph.extraction.mentions import Resolved
from smartgraph.extraction.relate.agreements import find_agreements, find_sister_cities
from smartgraph.extraction.relate.agreements_en import find_agreements_en, find_sister_cities_en
from smartgraph.extraction.relate.events import build_events, guests_visit_en, told_as_past, told_habitually, told_on_a_day_en
from smartgraph.extraction.relate.participation import find_participation, told_ahead
from smartgraph.extraction.relate.posts import find_posts
from smartgraph.extraction.relate.retold import merge_retold
from smartgraph.extraction.relate.statements import find_statements
from smartgraph.extraction.text import Text, fold, fold_char
from smartgraph.model import Contact, Event, Facts, Notice, Organization, Person, Place

__all__ = ["relate"]


_MEAL = re.compile(fold(r"晚宴|午宴|餐會|餐敘|酒會|歡迎會|晚會|國宴"))  # a dinner or reception of a visit's days


@lru_cache(maxsize=1)
def _s2t() -> object:
    import opencc

    return opencc.OpenCC("s2tw")


def simplified(text: str) -> bool:
    """Whether a Chinese text is written in simplified characters (folding changes almost none of them)."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if len(han) < 40:
        return False
    changed = sum(1 for c in han if fold_char(c) != c)
    return changed / len(han) < 0.04


def labeller(res: Resolved) -> Callable[[str], str]:
    """Labels in Traditional Chinese: a simplified-character reprint's names are converted (OpenCC s2tw)."""
    lang = getattr(res.text.doc, "language", "")
    if lang == "zh-Hans" or (not lang and simplified(res.text.raw)):
        conv = _s2t()

        def label(s: str) -> str:
            if not re.search(r"[\u3400-\u9fff]", s):
                return s
            out = list(conv.convert(s))  # type: ignore[attr-defined]
            # in these texts 签 is the verb to sign (簽), never a lot (籤): OpenCC reads 「签城市」 as 籤
            return "".join("簽" if c == "籤" and i < len(s) and s[i] == "签" else c for i, c in enumerate(out))

        return label
    return lambda s: s


def _event_at(res: Resolved, kept: set[str], main: str) -> Callable[[int], str]:
    text = res.text
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for m, k in res.event_of.items():
        if k in kept:
            by_sentence.setdefault(text.sentence_of(m.start), []).append((m.start, k))

    def at(pos: int) -> str:
        evs = by_sentence.get(text.sentence_of(pos))
        if evs:
            return min(evs, key=lambda x: abs(x[0] - pos))[1]
        return main if main in kept else ""

    return at


def _said_at(res: Resolved, kept: set[str], main: str) -> Callable[[int], str]:
    """The event a statement was made at: one its sentence names before the verb (「開幕典禮上，總統指出…」), else one
    an earlier sentence of its paragraph names, else the release's main event. Events inside the quoted words are
    what was spoken of (「ICLEI選擇在高雄舉辦第三屆盛典」), not where."""
    text = res.text
    english = (getattr(text.doc, "language", "") or "").lower().startswith("en")
    # a guests' stay in the city (a delegation's visit, a state visit) is not where what they and their hosts say was said
    # (s10-ev) nor is an event its sentence tells as done again and again ("has taken part in the festival many times")
    ranked = sorted(((m.start, k) for m, k in res.event_of.items() if k in kept and not (english and guests_visit_en(res, k))
                     and not (english and told_habitually(res, m))))
    starts = [p for p, _ in ranked]
    says = sorted(c.start for c in res.recognised.cues if c.cls == "say")
    longest: dict[int, str] = {}  # where mentions start -> the event of the longest one starting there
    for m, k in sorted(((m, k) for m, k in res.event_of.items() if k in kept), key=lambda mk: (mk[0].start, mk[0].end)):
        longest[m.start] = k

    def spoken_of(p: int) -> bool:
        """Whether an event mention stands after a verb of saying in its own sentence: in what was said."""
        j = bisect.bisect_left(says, p) - 1
        return j >= 0 and says[j] >= text.sentences[text.sentence_of(p)].start

    def at(pos: int) -> str:
        s = text.sentences[text.sentence_of(pos)]
        unit = text.units[s.unit]
        if english:  # "Mayor Chen said in her remarks at the opening of the Congress"
            j = bisect.bisect_left(starts, pos)
            while j < len(ranked) and ranked[j][0] < s.end:
                if re.search(r"\b(?:at|during)\s+(?:the\s+)?$", text.raw[max(s.start, ranked[j][0] - 12):ranked[j][0]]) \
                        and not re.search(r"[,;\"“”]", text.raw[pos:ranked[j][0]]):
                    return ranked[j][1]
                j += 1
            return _said_at_en(text, ranked, starts, pos, s.start, s.unit) or (main if main in kept else "")
        i = bisect.bisect_left(starts, pos) - 1
        while i >= 0 and ranked[i][0] >= unit.start:
            if not spoken_of(ranked[i][0]):
                return longest.get(ranked[i][0], ranked[i][1])  # 「世界大會開幕典禮」, not the 「世界大會」 inside it
            i -= 1  # 「總統指出，ICLEI選擇在高雄舉辦第三屆盛典」: what an earlier speaker spoke of, not where
        return main if main in kept else ""

    return at


def _said_at_en(text: Text, ranked: list[tuple[int, str]], starts: list[int], pos: int, s0: int, ui: int) -> str:
    """English: the event the sentence names before the verb; else the first one its paragraph names before it (the
    paragraph's subject: "The launch event was held at the expo. X said …"); else the first one the nearest earlier
    paragraph naming any names (the paragraphs after "The launch event was held …" tell of the launch)."""
    i = bisect.bisect_left(starts, pos) - 1
    if i >= 0 and ranked[i][0] >= s0:
        return ranked[i][1]
    unit = text.units[ui]

    def first_in(a: int, b: int) -> str:  # ranked is in text order: the first event that starts in a..b
        j = bisect.bisect_left(starts, a)
        return ranked[j][1] if j < len(ranked) and ranked[j][0] < b else ""

    first = first_in(unit.start, s0)
    if first:
        return first
    h = ui - 1
    while h >= 0 and text.units[h].kind == "paragraph":
        first = first_in(text.units[h].start, text.units[h].end)
        if first:
            return first
        h -= 1
    return ""


def relate(res: Resolved) -> Facts:
    text = res.text
    doc = text.doc
    label = labeller(res)
    facts = Facts(document=doc)
    english = (getattr(doc, "language", "") or "").lower().startswith("en")
    facts.publisher = res.publisher
    facts.home_city = res.home_place
    posts = find_posts(res)
    events, main, visits_told = build_events(res, label)
    title_end = text.units[0].end if text.units and text.units[0].kind == "title" else 0
    everything = set(events)
    statements = find_statements(res, _said_at(res, everything, main))
    trial = find_participation(res, main, statements, everything)
    attended = {p.event for p in trial}
    doc_date = doc.date

    def current(e: Event) -> bool:
        """A signing, visit or event word the text tells: kept when it happened near the release's date."""
        return e.start is not None and (doc_date is None or abs((e.start - doc_date).days) <= 60)

    def near_year(e: Event) -> bool:
        """An event named with its year, near the release's year (2021智慧城市論壇暨展覽)."""
        return e.year is not None and doc_date is not None and abs(e.year - doc_date.year) <= 1

    kept = {k for k, e in events.items()
            if (res.events[k].origin == "named" and (
                e.start is not None or near_year(e) or any(m.start < title_end for m in res.events[k].mentions)
                # (s10-ev) 「市長提起2016年台南舉辦青年論壇，他亦出席」: one attended at an earlier time is not this release's
                or (k in attended and (english or not (told_as_past(res, res.events[k])
                                                       or all(told_habitually(res, m) for m in res.events[k].mentions))))
                or english  # an English event named with capitals is named for itself
                or told_ahead(res, k)))  # 「明年也將舉辦世界港灣城市論壇」: an event the text announces
            or (res.events[k].origin != "named" and current(e) and not (english and res.events[k].origin == "act"))
            or (english and res.events[k].origin == "act" and k in attended and e.start is not None)  # a dated signing someone was at
            # an undated release: an act someone took part in, told on a day the missing date leaves unread ("met … today")
            or (english and doc_date is None and res.events[k].origin == "act" and k in attended
                and told_on_a_day_en(res, res.events[k]))
            or (english and res.events[k].origin == "act" and res.events[k].category == "visit" and k in attended)  # a visit someone made
            or k in visits_told  # a visit the text says who made (周春米率團訪問鹿兒島縣), whenever it was
            # 「隨後於西子灣舉辦歡迎晚宴，雙方一同出席」: a dinner or reception of the release's own days someone was at
            or (not english and res.events[k].origin == "generic" and k in attended and e.start is None
                and any(_MEAL.search(fold(n)) for n in res.events[k].names)
                and not told_as_past(res, res.events[k]) and not told_ahead(res, k))
            # a news story without a date (記者…報導): a signing someone took part in, not told as past, is what it reports
            or (doc_date is None and not english and res.events[k].origin == "act" and res.events[k].category == "ceremony"
                and e.start is None and k in attended and not told_as_past(res, res.events[k]))}
    for k in list(kept):
        parent = events[k].parent
        while parent and parent in events and parent not in kept:
            kept.add(parent)
            parent = events[parent].parent
    event_at = _event_at(res, kept, main)
    if kept != everything:  # else the trial's statements are these (neither the trial nor what followed changed res)
        statements = find_statements(res, _said_at(res, kept, main))
    participations = find_participation(res, main, statements, kept, {k: e.start for k, e in events.items()},
                                        {k: e.parent for k, e in events.items() if e.parent})
    posts_of: dict[str, list[str]] = {}
    for p in posts:
        posts_of.setdefault(p.person, []).append(p.organization)
    kept_events = {k: e for k, e in events.items() if k in kept}
    for e in kept_events.values():
        if e.parent not in kept:
            e.parent = ""
    agreements = find_agreements_en(res, kept_events, event_at) if english else find_agreements(res, kept_events, event_at, posts_of)
    agreements = merge_retold(res, agreements)  # one agreement told twice in the page is one (relate.retold)
    for a in agreements:
        a.topic = label(a.topic)
        a.names = [(lang, label(n)) for lang, n in a.names]
        facts.agreements.setdefault(a.key, a)
    facts.sister_cities = find_sister_cities_en(res, agreements) if english else find_sister_cities(res)
    facts.posts = posts
    facts.events = kept_events
    facts.participations = participations
    facts.statements = statements
    facts.contacts = _contacts(res)
    # the entities the facts name (a territory's bodies have the sovereign state's country: entities.org_country)
    facts.countries = dict(res.countries)
    facts.places = {k: _label_place(p, label) for k, p in res.places.items()}
    facts.organizations = {k: _label_org(o, label) for k, o in res.organizations.items()}
    facts.roles = dict(res.roles)
    facts.venues = dict(res.venues)
    facts.persons = {k: Person(p.key, label(p.name), p.script, p.alt_names) for k, p in res.persons.items()}
    for c in facts.contacts:
        if c.person not in facts.persons:
            facts.persons[c.person] = Person(c.person, c.name.text, "zh" if re.search(r"[\u3400-\u9fff]", c.name.text) else "latn")
    facts.notices.extend(doc.notices)
    if not facts.count() and not facts.persons:
        facts.notices.append(Notice("no facts found: is this a city-diplomacy press release?"))
    return facts


def _label_place(p: Place, label: Callable[[str], str]) -> Place:
    return replace(p, name_zh=label(p.name_zh), surface=label(p.surface))


def _label_org(o: Organization, label: Callable[[str], str]) -> Organization:
    return replace(o, name_zh=label(o.name_zh), alt_names=tuple(label(a) for a in o.alt_names))


def _contacts(res: Resolved) -> list[Contact]:
    h = res.text.doc.header
    phones = tuple(p.text for p in h.phones)
    unit = h.contact_unit.text if h.contact_unit else ""
    out = []
    for c in h.contacts:
        if len(c.text) >= 2:
            script = "han" if re.search(r"[\u3400-\u9fff]", c.text) else "latin"
            out.append(Contact(person_key(c.text, script), c, unit, phones))
    return out

