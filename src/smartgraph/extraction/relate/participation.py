"""Who took part in which event, and how (online, in person).

A person takes part in an event when a sentence names both and says they attended, spoke,
received, hosted, signed or witnessed (出席, 致詞, 接待, 簽署, 見證, attended ...); a caption's people
took part in the event the caption names, else in the release's main event; so did a person whose
statement was made at an event. When a sentence names several events, a person goes with the
nearest; a sentence about a future event (將, 預計) gives no participation.
"""

from __future__ import annotations

import re

from smartgraph.extraction.mentions import CueMention, EventMention, PersonMention, Resolved
from smartgraph.extraction.names import habitual
from smartgraph.extraction.relate.events import guests_visit_en, is_call, meeting_en, on_behalf, told_as_past
from smartgraph.extraction.text import Ranges, Sentence, Text, clause_end, clause_start, fold
from smartgraph.model import Participation, Statement

_FUTURE = re.compile(fold(r"將|預計|預定|預訂|原訂|原定|擬於|即將|計畫於|計劃於|明年|下個月|下週|邀請?.{0,20}(?:來|到|訪|抵)|是否|能否|會否"))
_PAST_YEAR = re.compile(r"(?:19|20)\d{2}\s*年|去\(?\d*\)?年|民國\d+年|前年")
# English: what has not happened yet ("will attend", "is scheduled to", "plans to", "is expected to")
_FUTURE_EN = re.compile(r"\b(?:will|shall|is|are|was|were)\s+(?:also\s+)?(?:be\s+)?(?:scheduled|expected|due|set|slated|going)\s+to\b"
                        r"|\b(?:will|shall)\s+(?:also\s+)?(?!have\b)\w+|\b(?:plans?|planning|intends?|hopes?)\s+to\b"
                        r"|\bnext\s+(?:week|month|year)\b|\bupcoming\b|\binvited\b", re.IGNORECASE)
_PAST_YEAR_EN = re.compile(r"\b(?:in|since|back in)\s+(?:19|20)\d{2}\b|\blast year\b|\byears? ago\b"
                           r"|\bthen-(?=[A-Za-z])", re.IGNORECASE)  # "signed by then-Mayor X": an earlier time
# English: "At the closing plenary, …" / "During the forum, …": who the sentence names took part
_DELEGATION_EN = re.compile(r"\b(?:delegation|group|entourage|party)\b[^.;]{0,60}?\b(?:included|includes|including|comprised|comprises|"
                            r"consisted of|consists of|was made up of|is made up of|were|was joined by|joined by)\s", re.IGNORECASE)
_ATTENDEES_EN = re.compile(r"\W*(?:the\s+)?(?:delegates|participants|attendees|guests|speakers|invitees)\s+(?:include|included|are|were)\s",
                           re.IGNORECASE)
# "invited them to join the …", "inviting them to take part in the …", "promoted the …": what they are asked to come to,
# and the list it opens
_INVITED_TO_EN = re.compile(r"\binvit(?:e|es|ed|ing)\b[^.;]{0,40}?\bto\s+(?:join|attend|participate\s+in|take\s+part\s+in|visit)\s+"
                            r"|\b(?:promot(?:e|es|ed|ing)|market(?:s|ed|ing)?)\s+", re.IGNORECASE)  # "also promoted the … Festival"
# (s10-ev) gifts given or exchanged, told later in a release: "presented Mayor X with", "exchanged gifts", "gave … a gift"
_GIFT_EN = re.compile(r"\bpresented\s+(?:(?:Mayor|Governor|Director|Speaker|Deputy\s+Mayor|Mr\.|Ms\.|Dr\.|him|her|them|the)\s+)"
                      r"[^.;]{0,60}?\bwith\b|\bexchanged\s+(?:\w+\s+)?gifts\b|\bgave\s+[^.;]{0,40}?\bgifts?\b")
_TOGETHER_EN = re.compile(r"\b(?:brought|brings|bringing|brought\s+in)\s+[^.;]{0,80}?\btogether\s+with\b|\b(?:brought|brings)\s+together\b")
_AT_EVENT_EN = re.compile(r"\s*(?:At|During|On the sidelines of|After)\s+(?:the\s+|a\s+|an\s+)?")
# "on behalf of Mayor X", "represented Mayor X at the reception": X was not there
_BEHALF_EN = re.compile(r"\b(?:on\s+behalf\s+of|represent(?:ed|ing|s)|stood\s+in\s+for|standing\s+in\s+for|in\s+place\s+of)\s+"
                        r"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}$")
# "a tribute to Abe's leadership": a possessive names what is the person's, not that they were there ("Parker's
# delegation" still names who came)
_POSSESSIVE_EN = re.compile(r"['’]s\s+(?!delegation|team|group|entourage|party|visit|trip)")
# "X had led a mission to attend …", "he had just received Mayor X": what the person did before the time told
_HAD = r"\bhad\s+(?:just\s+|already\s+|previously\s+|once\s+|earlier\s+)?"
_SINCE_EN = re.compile(r"\b(?:since|before|after|when|until)\s+(?:the\s+)?$", re.IGNORECASE)
_TOOK_OFFICE_EN = re.compile(r"\s+(?:took|assumed|came\s+into|left)\s+office\b|\s+was\s+(?:elected|sworn\s+in|inaugurated)\b")
_HAD_DONE_EN = re.compile(r"\s+" + _HAD + r"(?:led|visited|attended|met|received|signed|hosted|come|joined|toured|headed)\b")
_HAD_MET_EN = re.compile(_HAD + r"(?:received|met|hosted|welcomed)\s+(?:with\s+)?(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}$")
ATTEND_CLASSES = ("attend", "host", "sign", "witness", "visit")
# 「訪團共16人，…包括A、B等人」「代表團成員有…」: the sentence lists who the delegation was
_LEADS_GROUP = re.compile(fold(r"(?:帶隊|率隊|領隊|率團|帶團)"))
_MEMBERS = re.compile(fold(r"(?:訪團|訪問團|參訪團|代表團|考察團|一行|團員|隨行成員|成員|出席人員|與會人員|出席者|與會者|陪同人員)"
                           r"[^。；;\n]{0,40}?(?:包括|包含|計有|有)"))


def _mode(res: Resolved, s0: int, s1: int) -> str:
    classes = {c.cls for c in res.recognised.within(res.recognised.cues, s0, s1)}
    if "online" in classes:
        return "online"
    if "in-person" in classes:
        return "in-person"
    return "unspecified"


def find_participation(res: Resolved, main: str, statements: list[Statement], kept: set[str],
                       starts: dict[str, object] | None = None, parents: dict[str, str] | None = None) -> list[Participation]:
    """Participations in the kept events; an event that begins after the release's date has none yet. ``parents``
    (event -> the event it is part of) lets a delegation's members go to the one call its visit is told to make."""
    text = res.text
    doc_date = text.doc.date
    if starts and doc_date is not None:
        kept = {k for k in kept if starts.get(k) is None or starts[k] <= doc_date}  # type: ignore[operator]
    out: list[Participation] = []
    seen: dict[tuple[str, str], int] = {}  # (person, event) -> its place in out
    events_in: dict[int, list[tuple[int, str]]] = {}
    english = (getattr(text.doc, "language", "") or "").lower().startswith("en")
    # "Yoshiro Mori, president of the Tokyo Organising Committee of the Olympic and Paralympic Games": an event named
    # in someone's affiliation is what they work for, not where they took part
    spans: Ranges[tuple[int, int]] = Ranges([(m.start, m.end) for m, k in res.event_of.items() if k in kept] if english else [],
                                            lambda x: x[0], lambda x: x[1])
    affiliations: Ranges[tuple[int, int]] = Ranges(
        [span for p in res.recognised.persons for _, span in p.posts if span[1] > span[0]] if english else [],
        lambda x: x[0], lambda x: x[1])

    def within(r: Ranges[tuple[int, int]], a: int, b: int, strictly: bool = False) -> bool:
        return any(x <= a and b <= y and not (strictly and (x, y) == (a, b)) for x, y in r.overlapping(a, b))

    for m, k in res.event_of.items():
        if k in kept:
            if english and within(spans, m.start, m.end, strictly=True):
                continue  # "the opening ceremony of the 2018 … Forum": the ceremony, not the forum inside its name
            if english and within(affiliations, m.start, m.end):
                continue
            events_in.setdefault(text.sentence_of(m.start), []).append((m.start, k))

    # (s11-ev) 「…到訪，這是繼2023年前市長某某率團來台後，睽違3年再相見」: a visit told as an earlier one holds only the
    # people of its own clause; the others of the sentence, and of the sentences after it, were at the release's event
    earlier = set() if english else {k for k in kept if k in res.events and res.events[k].origin == "act"
                                     and told_as_past(res, res.events[k])}
    openers = _at_the_en(res, kept, events_in) if english else {}
    body = [i for i, u in enumerate(text.units) if u.kind == "paragraph"]
    opening = set(body[:3])  # the lead and the two paragraphs after it tell who else was there
    main_happened = _happened(res, main) if main in kept else False
    if english and main in res.events and all(within(affiliations, m.start, m.end) for m in res.events[main].mentions):
        main_happened = False  # named only in someone's affiliation
    if english and not main_happened and body:
        # the release's main event has not begun (an expo it invites guests to): the lead's first event that has
        lead = text.units[body[0]]
        firsts = sorted((m.start, k) for m, k in res.event_of.items() if k in kept and lead.start <= m.start < lead.end)
        for _, k in firsts:
            if _happened(res, k):
                main, main_happened = k, True
                break
    # English: the trips the release tells ("a city delegation's trip to South Korea"), first told first; a member of
    # "the delegation" went on the trip, not only to the event its lead sentence names
    trips = [k for _, k in sorted((min(m.start for m in res.events[k].mentions), k) for k in kept
                                  if english and k in res.events and res.events[k].category == "visit"
                                  and res.events[k].mentions and not _call_en(res.events[k].names) and not guests_visit_en(res, k)
                                  and not _site_en(res, k))]
    # 「一行16人前往市政府拜會市長」: the one call on the hosts that the release's visit is told to make, told as the whole
    # group's (not 「市長率團訪日…拜會名古屋市長」, the leader's call on one stop of a trip)
    # the visit a delegation's members went on: the release's main event, else (s10-ev) when the main one is its headline's
    # (not kept) the first visit the body tells that is kept (「某縣議會議員團拜會市長」 over 「某議員帶領訪問團昨日拜會市長」)
    members_visit = main if main_happened and main in res.events and res.events[main].category == "visit" else ""
    if not english and not members_visit and main not in kept and main in res.events and res.events[main].category == "visit":
        told = sorted((min(m.start for m in res.events[k].mentions), k) for k in kept if k in res.events
                      and res.events[k].category == "visit" and res.events[k].origin == "act" and res.events[k].mentions)
        members_visit = told[0][1] if told else ""
    calls = [k for k in kept if parents and parents.get(k) == main and k != main and k in res.events and is_call(res.events[k])
             and _group_call(text, res.events[k].mentions)]
    members_call = calls[0] if len(calls) == 1 else ""
    past_of: dict[int, bool] = {}  # sentence -> whether it speaks of an earlier year
    opens_by_meeting: dict[int, int] = {}  # sentence -> where its 「會見某某時，」 opener ends, -1 if it has none
    brings_together: dict[int, bool] = {}  # sentence -> whether it says an event "brought A together with B"
    weak: set[tuple[str, str]] = set()  # told only by the paragraph's or the release's event, not by the sentence's

    ahead = {k for k in kept if told_ahead(res, k)}  # every mention tells it as still to come: nobody was there yet

    def add(person: str, event: str, mode: str, role: str, pm: PersonMention | None, span: object, strong: bool = True) -> None:
        if not event or event in ahead:
            return
        if not strong and (person, event) not in seen:
            weak.add((person, event))
        elif strong:
            weak.discard((person, event))
        if (person, event) in seen:
            # a stated mode beats none, speaking beats attending
            i = seen[(person, event)]
            p = out[i]
            if p.mode == "unspecified" and mode != "unspecified":
                out[i] = Participation(person, event, mode, p.role if p.role != "participant" else role, p.span)
            return
        seen[(person, event)] = len(out)
        out.append(Participation(person, event, mode, role, span))  # type: ignore[arg-type]

    # a spokesperson tells what others did (市府發言人某某指出，市長此行將…): telling it is not taking part
    spokespeople = {key for pm, key in res.person_of.items() if any(tm.title.key == "spokesperson" for tm, _ in pm.posts)}
    for pm, key in sorted(res.person_of.items(), key=lambda mk: mk[0].start):
        si = text.sentence_of(pm.start)
        s = text.sentences[si]
        unit = text.units[s.unit]
        evs = events_in.get(si, [])
        caption = unit.kind == "caption"
        cues = [c for c in res.recognised.within(res.recognised.cues, s.start, s.end) if c.cls in ATTEND_CLASSES]
        at_event = english and bool(evs) and _at_event_en(text.raw, s.start, evs)
        opened_by = "" if english or not evs else _opened_by(res, s.start, s.end)
        member = _member_en(text.raw, s.start, pm.start) if english else _member(text, s.start, pm.start, pm.end)
        if si not in opens_by_meeting:  # (s10-ev) once a sentence
            met = None if english or not main_happened or res.events[main].category != "visit" else _MET_WHEN.match(text.fold, s.start)
            opens_by_meeting[si] = met.end() if met is not None and not _PAST_YEAR.search(text.raw, s.start, met.end()) else -1
            # "the mayors' session brought A together with B and C": a meeting's words for who took part
            brings_together[si] = english and bool(evs) and _TOGETHER_EN.search(text.raw, s.start, s.end) is not None
        met_main = pm.end <= opens_by_meeting[si]
        together = brings_together[si]
        if key in spokespeople and not (caption or member):
            continue
        if not (caption or cues or at_event or member or opened_by or met_main or together):
            continue
        if english and _BEHALF_EN.search(text.raw, max(s.start, pm.start - 50), pm.start):
            continue  # "received by the deputy mayor on behalf of Mayor X": X was not there
        if english and _TOOK_OFFICE_EN.match(text.raw, pm.end) and _SINCE_EN.search(text.raw, max(s.start, pm.start - 12), pm.start):
            continue  # "the most visitors since Mayor X took office": a time, not someone there
        if english and (_HAD_DONE_EN.match(text.raw, pm.end) or _HAD_MET_EN.search(text.raw, max(s.start, pm.start - 60), pm.start)):
            continue  # "Kure Mayor X had led a mission to …", "he had just received Mayor X": an earlier time
        if english and pm.how == "known" and _POSSESSIVE_EN.match(text.raw, pm.end):
            continue
        if not english and not caption and _absent(res, s.start, s.end, pm):
            continue  # (s9-ev) thanked for bringing it about, reached by phone, under whose lead, last year's: not there
        if not caption and not opened_by and (_future_en(text, s.start, s.end, pm, cues) if english
                                              else _future(text, s.start, s.end, pm.start, cues, res)):
            continue
        if unit.kind == "title":
            continue
        if si not in past_of:
            past_of[si] = bool((_PAST_YEAR_EN if english else _PAST_YEAR).search(text.raw, s.start, s.end))
        past = past_of[si]
        prev = _previous(events_in, text.sentences, si)
        if member and not english and members_visit and not past:
            event = members_visit  # a member of the delegation whose visit the release tells
        elif member and english and trips and not past and len(trips) == 1:
            event = trips[0]
        elif met_main:
            event = main  # (s10-ev) 「會見甲市長某某時，…」「在與某某會談中，…」: one of the guests the release's call received
        elif opened_by:
            event = opened_by  # 「簽署儀式上，…市長Jan de Vries…交付給林市長」: everyone the sentence names was there
        elif evs and not english and (witnessed := _witnessed(res, kept, s.start, s.end, pm.name.start, evs)):
            event = witnessed  # (s9-ev) 「在甲、乙等人見證下，共同簽署…」: they witnessed the act the phrase leads to
        elif evs and (near := _nearest(text, s, evs, pm.start, earlier)):
            event = near
        elif prev and not past and not (english and _site_en(res, prev[0][-1][1])) \
                and (told := [x for x in prev[0] if x[1] not in earlier]):
            event = _told_before(res, told)  # 「…訪日行程自2月24日至3月1日。隨行成員包括…」: the event the paragraph spoke of
        elif english and not past and any(c.cls == "sign" for c in cues) and (signed := _signed_at(res, events_in, si)):
            event = signed  # "The MOU was signed by A and B": at the signing told before
        elif english and len(trips) == 1 and not past and s.start >= min(m.start for m in res.events[trips[0]].mentions):
            event = trips[0]  # "Mayor X met Mayor Y" after the release told its one trip: a call on the trip
        elif main_happened and (caption or member or s.unit in opening) and not past:
            event = main
        elif not english and main_happened and not evs and _came_to_it(text, s, pm, cues):
            event = main  # 「歡迎甲市長某某出席」「市長某某也遠道而來參加」: came to what the release is about, not named again
        elif english and main_happened and not past and not evs and _GIFT_EN.search(text.raw, s.start, s.end):
            event = main  # (s10-ev) "A presented Mayor B with a sculpture": gifts are given where the release's event is
        else:
            continue
        add(key, event, _mode(res, s.start, s.end), "participant", pm, text.span(pm.start, pm.end), strong=bool(evs))
        if openers and not past:
            # "Also at the launch, A and B signed an MOU. X and Y witnessed the signing.": X and Y were at the launch too
            h = si
            while h >= 0 and text.sentences[h].unit == s.unit and h not in openers:
                h -= 1
            if h >= 0 and text.sentences[h].unit == s.unit and openers[h] != event:
                add(key, openers[h], _mode(res, s.start, s.end), "participant", pm, text.span(pm.start, pm.end))
        if member and not english and event == main and members_call:
            add(key, members_call, _mode(res, s.start, s.end), "participant", pm, text.span(pm.start, pm.end))
        if not english and not caption and not past and evs and pm.start <= min(x for x, _ in evs):
            # 「林美玲率團訪日…，抵達名古屋市，拜會名古屋市長田中一郎，雙方並簽署…」: the sentence's subject did each thing it
            # tells, up to a semicolon (「；同一場合中，兩局也簽署…」 is someone else's)
            stop = text.fold.find("；", pm.start, s.end)
            for x, k in evs:
                if k != event and (stop < 0 or x < stop) and res.events[k].origin in ("act", "headline"):
                    add(key, k, _mode(res, s.start, s.end), "participant", pm, text.span(pm.start, pm.end))
        on_trip = [k for _, k in evs if k in trips and k != event]
        if on_trip and not past:
            # "X signed an agreement with Y, the first stop of a delegation's trip to Korea": X is on the trip too
            add(key, on_trip[0], _mode(res, s.start, s.end), "participant", pm, text.span(pm.start, pm.end))
    if english:
        # "Also today, Mayor A met Mayor B", "a delegation led by A visited City Hall and was received by B": whoever
        # the sentence names up to the meeting's or visit's end took part in it
        for m, k in res.event_of.items():
            e = res.events[k]
            if k not in kept or m.head is None or not (meeting_en(e) or (e.category == "visit" and e.origin == "act")):
                continue
            s = text.sentences[text.sentence_of(m.start)]
            # "met with A of X, B of Y, and C of Z, to express …": the list the meeting's object opens goes on
            end = m.end + len(_LISTED_ON_EN.match(text.raw, m.end, s.end).group()) if meeting_en(e) else m.end  # type: ignore[union-attr]
            for pm, key in res.linked(res.person_of).overlapping(s.start, end):
                if s.start <= pm.start and pm.end <= end and not _BEHALF_EN.search(text.raw, max(s.start, pm.start - 50), pm.start):
                    add(key, k, _mode(res, s.start, s.end), "participant", pm, text.span(pm.start, pm.end))
    for st in statements:
        ev = st.event if st.event in kept else (main if main in kept else "")
        if st.speaker in spokespeople:
            continue
        if ev == main and not main_happened:
            continue  # a main event not yet begun, or named only in an affiliation
        if ev and not st.by_pronoun and not _PAST_YEAR.search(st.span.text[:20]):
            add(st.speaker, ev, "unspecified", "speaker", None, st.span)
    # a person a sentence places at one session is not at its sibling sessions by a weaker reading
    def session(event: str) -> bool:
        return res.events.get(event) is not None and res.events[event].part

    placed: dict[str, set[str]] = {}  # person -> the sessions a sentence places them at
    for p in out:
        if (p.person, p.event) not in weak and session(p.event):
            placed.setdefault(p.person, set()).add(p.event)
    return [p for p in out if not ((p.person, p.event) in weak and session(p.event) and placed.get(p.person, set()) - {p.event})]


_CALL_EN = re.compile(r"\b(?:meeting|meet|met|call|called|courtesy)\b", re.IGNORECASE)


def _call_en(names: list[str]) -> bool:
    """Whether an English visit is a call on someone (a meeting), not a trip."""
    return any(_CALL_EN.search(n) for n in names)


def _site_en(res: Resolved, key: str) -> bool:
    """Whether an English visit is to a site ("toured the Xuhui Riverside"): a stop of its own, not a trip nor what the
    paragraph goes on to tell."""
    e = res.events.get(key)
    return e is not None and e.origin == "act" and any(m.site for m in e.mentions)


def _signed_at(res: Resolved, events_in: dict[int, list[tuple[int, str]]], si: int) -> str:
    """The event of the nearest earlier sentence that tells a signing and names an event ("At the main forum, A and B
    witnessed the signing of two MOUs"), "" if none."""
    rec, text = res.recognised, res.text
    for k in range(si - 1, -1, -1):
        if k in events_in:
            s = text.sentences[k]
            if any(c.cls == "sign" for c in rec.within(rec.cues, s.start, s.end)):
                return events_in[k][-1][1]
    return ""


def _told_before(res: Resolved, evs: list[tuple[int, str]]) -> str:
    """The event an earlier sentence spoke of: its one event, else the first whole event of several (「舉辦「X Day」，一次串起
    「A頒獎典禮」、「B大會」以及「C」論壇」: X Day, which holds the others), else the last it named."""
    keys = list(dict.fromkeys(k for _, k in sorted(evs)))
    if len(keys) > 1:
        whole = [k for k in keys if k in res.events and not res.events[k].part]
        if len(whole) < len(keys) and whole:
            return whole[0]
    return evs[-1][1]


_GROUP = re.compile(fold(r"(?<!率)(?:一行|訪團|訪問團|參訪團|代表團|考察團|團員)"))


def _group_call(text: Text, mentions: list[EventMention]) -> bool:
    """Whether a call is told with the delegation as the one who calls (「一行16人前往新北市政府拜會市長」): the clause
    before a mention of it names the group."""
    for m in mentions:
        s = text.sentences[text.sentence_of(m.start)]
        c0 = clause_start(text.fold, s.start, m.start, "；;。")
        if _GROUP.search(text.fold, c0, m.end):
            return True
    return False


# (s9-ev) what tells a person named in a sentence was not at its event: thanked for bringing it about (「感謝某處長居中引薦」),
# reached by phone (「曾與某前院長通過電話」), someone under whose lead the city works (「在某市長帶領下」), or named in a
# clause that tells an earlier time (「去年8月某總統贈與…」), or told as doing it again and again
_THANKED = re.compile(fold(r"(?:感謝|謝謝|感激|感念)"))
_BROUGHT_ABOUT = re.compile(fold(r"\s*(?:的\s*)?(?:(?:居中|從中|大力|熱心|一路)\s*)?(?:引薦|牽線|穿針引線|促成|協助|幫忙|支持)"))
_PHONE_AFTER = re.compile(fold(r"\s*(?:(?:通過|通了|透過)\s*)?(?:電話|通話)"))
_UNDER_LEAD = re.compile(fold(r"\s*(?:的\s*)?(?:帶領|領導|率領)\s*下"))
_EARLIER = re.compile(fold(r"(?:去|前)\s*(?:[(（]\s*\d+\s*[)）]\s*)?年|上個?月"))


_SENT_STAFF = re.compile(fold(r"(?:[、及和與跟][^，,。；;、及和與]{1,12}?)*\s*(?:也|亦|均|皆|都|另|則|還|特別|特地|分別)*\s*"
                              r"(?:派員|派代表|指派代表|委派代表|派人|派出代表)"))


# the items a meeting's object list goes on with: ", B of the Y, and C of the Z" (capitalised words, "of", "the", "in",
# "and", commas), up to what the meeting was for or the sentence's end
_LISTED_ON_EN = re.compile(r"(?:,\s+(?:and\s+)?(?:[A-Z][\w.'’-]*|of|the|in|for|and)(?:\s+(?:[A-Z][\w.'’-]*|of|the|in|for|and|&))*)*")


def _absent(res: Resolved, s0: int, s1: int, pm: PersonMention) -> bool:
    """Whether the sentence names the person only as someone not at its event (see above)."""
    t = res.text.fold
    a = pm.name.start  # the mention's own start may take in the words before its affiliation
    c0 = clause_start(t, s0, a, "，,；;")
    end = max(pm.end, pm.name.end)
    if _THANKED.search(t, c0, a) and _BROUGHT_ABOUT.match(t, end):
        return True
    if _PHONE_AFTER.match(t, end) or _UNDER_LEAD.match(t, end):
        return True
    if on_behalf(t, s0, pm):
        return True
    stop = clause_end(t, end, s1)
    if _SENT_STAFF.match(t, end, stop):
        return True  # 「議員甲、乙及丙也派員到場」: they sent their staff, they were not there
    habit = habitual().search(t, end, min(end + 12, stop))  # 「甲議員每年帶著合唱團來訪」: again and again, not this event
    if habit and not any(habit.start() <= m.start < stop for m in res.event_of):
        return True
    if _EARLIER.search(t, c0, a):
        return not any(c0 <= m.start < clause_end(t, a, s1) for m in res.event_of)
    return False


# (s10-ev) a sentence that opens with the meeting it is about: 「會見甲市長某某時，」「在與某某會談中，」「接見某某時，」
_MET_WHEN = re.compile(fold(r"\s*(?:(?:在|於)\s*)?[^，,。；;]{0,40}?(?:會見|接見|會晤|會談|會面)[^，,。；;]{0,40}?(?:時|中)\s*[，,]"))
_SIGN_VERB = re.compile(fold(r"簽署|簽訂|簽約|締結|締盟"))
_WITNESSED_BY = re.compile(fold(r"(?:在|於)[^。；;]{0,80}?(?:見證|陪同|觀禮)\s*下"))


def _witnessed(res: Resolved, kept: set[str], s0: int, s1: int, pos: int, evs: list[tuple[int, str]]) -> str:
    """The event the 「在…見證下」 phrase that holds ``pos`` leads to: the signing it tells (the one signing the release
    tells, when the sentence's own words for it are no event of their own), else the first event named after it; ""
    if the person is in no such phrase."""
    t = res.text.fold
    for m in _WITNESSED_BY.finditer(t, s0, min(s1, pos + 80)):
        if not m.start() < pos < m.end():
            continue
        after = sorted(x for x in evs if x[0] >= m.end())
        if _SIGN_VERB.search(t, m.end(), s1):
            signings = {k for k in kept if k in res.events and res.events[k].category == "ceremony" and res.events[k].origin == "act"}
            told = [k for _, k in after if k in signings]
            if told or len(signings) == 1:
                return told[0] if told else next(iter(signings))
        return after[0][1] if after else ""
    return ""


def _member(text: Text, s0: int, pos: int, end: int | None = None) -> bool:
    """Whether the person at ``pos`` is named in a list of a delegation's members that starts in their sentence, or
    as the one who led the group (「由召集人某某帶隊」)."""
    if _MEMBERS.search(text.fold, s0, pos) is not None:
        return True
    t = text.fold
    return end is not None and _LEADS_GROUP.match(t, end) is not None and t.rfind(fold("由"), clause_start(t, s0, pos, "，,；;"), pos) >= 0


def _clause(t: str, s0: int, s1: int, a: int, b: int) -> tuple[int, int]:
    """The clause that holds ``t[a:b]`` (between commas, semicolons or the sentence's ends)."""
    c0 = clause_start(t, s0, a, "，,；;：")
    c1 = clause_end(t, b, s1, "，,；;")
    return c0, c1


def _happened(res: Resolved, key: str) -> bool:
    """Whether the main event had begun by the release's date (a planned conference is not yet attended)."""
    doc = res.text.doc.date
    ev = res.events.get(key)
    if doc is None or ev is None:
        return True
    text, rec = res.text, res.recognised
    sentences = [text.sentences[i] for i in sorted({text.sentence_of(m.start) for m in ev.mentions})]
    dates = [d.date for s in sentences for d in rec.within(rec.dates, s.start, s.end) if d.precision == "day"]
    if told_ahead(res, key):
        return False  # 「明年我們也將舉辦世界港灣城市論壇」: every mention tells it as still to come
    return not dates or min(dates) <= doc


def told_ahead(res: Resolved, key: str) -> bool:
    """Whether every mention of an event tells it as still to come."""
    ev = res.events.get(key)
    return ev is not None and bool(ev.mentions) and all(_told_ahead(res.text, m.start, m.end) for m in ev.mentions)


def _told_ahead(text: Text, a: int, b: int) -> bool:
    """Whether the clause that names an event, up to its name, speaks of it as still to come (將舉辦, will host)."""
    s = text.sentences[text.sentence_of(a)]
    if text.units[s.unit].kind == "title":
        return False  # a headline's tense is its own
    if (getattr(text.doc, "language", "") or "").lower().startswith("en"):
        raw = text.raw
        asked = [m for m in _INVITED_TO_EN.finditer(raw, s.start, a)]
        if asked and _names_only(raw[asked[-1].end():a]):
            return True  # "invited them to join the Shopping Festival, the Golf Championship and the Lantern Festival"
        return _FUTURE_EN.search(raw, clause_start(raw, s.start, a, ",;"), b) is not None
    c0 = clause_start(text.fold, s.start, a, "，,；;")
    if _INVITED_TO_ZH.search(text.fold, c0, a):
        return True  # 「他邀請神奈川縣參加今年9月新北舉辦的研討會」: an invitation to it, nobody there yet
    return _FUTURE.search(text.fold, c0, b) is not None


# 「邀請某縣參加」「邀請各國代表出席」: asked to come to what follows, named within the clause
_INVITED_TO_ZH = re.compile(fold(r"邀請?[^，,。；;]{0,20}?(?:參加|出席|參與|蒞臨|前來|來台參加|到訪)"))


def _names_only(s: str) -> bool:
    """Whether a stretch holds only the names of a list (capitalised words, numbers, "the", "and", commas)."""
    return all(w in ("the", "and", "&") or w[:1].isupper() or w[:1].isdigit() for w in re.split(r"[\s,]+", s) if w)


def _future(text: Text, s0: int, s1: int, pos: int, cues: list[CueMention], res: Resolved | None = None) -> bool:
    """Whether the clause that names a person (up to the verb after it) speaks of what has not happened yet: a word of
    plans (將, 預計), or (s11-ev) a day after the release's own (「市長明(28)日出席主論壇」 in a release of the 27th)."""
    t = text.fold
    c0 = clause_start(t, s0, pos, "，,；;")
    after = [c.end for c in cues if c.start >= pos]
    c1 = min(after) if after else clause_end(t, pos, s1, "，,；;")
    if _FUTURE.search(t, c0, c1):
        return True
    doc = text.doc.date
    if res is None or doc is None:
        return False
    c2 = clause_end(t, max(c1, pos), s1, "，,；;")
    return any(d.precision == "day" and d.date > doc for d in res.recognised.within(res.recognised.dates, c0, c2))


_AT_EVENT = re.compile(fold(r"\s*(?:上|中|時|期間|當天|現場)\s*[，,]"))
_LEAD = re.compile(fold(r"\s*(?:(?:在|於)\s*)?"))  # 在/於 a clause opens with


def _opened_by(res: Resolved, s0: int, s1: int) -> str:
    """The event a Chinese sentence opens with, as where it happened (「簽署儀式上，」「在記者會中，」), "" if none."""
    t = res.text.fold
    lead = _LEAD.match(t[s0:s1])
    a = s0 + (lead.end() if lead else 0)
    for m, k in res.linked_in(res.event_of, a, a + 1):
        if m.start == a and _AT_EVENT.match(t, m.end, s1):
            return k
    return ""


def _at_event_en(raw: str, s0: int, evs: list[tuple[int, str]]) -> bool:
    """Whether an English sentence opens with the event it happened at ("At the closing plenary, …")."""
    m = _AT_EVENT_EN.match(raw, s0)
    return m is not None and any(m.end() <= p <= m.end() + 3 for p, _ in evs)


_AT_THE_EN = re.compile(r"\s*(?:Also\s+)?(?:at|during)\s+the\s+(?P<noun>[a-z][\w-]+)\s*,", re.IGNORECASE)


def _at_the_en(res: Resolved, kept: set[str], events_in: dict[int, list[tuple[int, str]]]) -> dict[int, str]:
    """"Also at the launch, …": a sentence that opens with the head word of an event named before (the GO SMART launch
    event) tells what happened at it; it names that event for the sentences after it. Returns sentence -> that event."""
    text = res.text
    firsts = sorted((m.start, k) for m, k in res.event_of.items() if k in kept)
    out: dict[int, str] = {}
    for si, s in enumerate(text.sentences):
        m = _AT_THE_EN.match(text.raw, s.start, s.end)
        if m is None or any(p <= m.end() for p, _ in events_in.get(si, [])):
            continue
        noun = m["noun"].casefold()
        told = [k for p, k in firsts if p < s.start and k in res.events
                and any(noun in re.findall(r"[\w-]+", n.casefold())[-2:] for n in res.events[k].names)]
        if told:
            out[si] = told[-1]
            if si not in events_in:
                events_in[si] = [(m.start("noun"), told[-1])]
    return out


def _member_en(raw: str, s0: int, pos: int) -> bool:
    """Whether a person stands in the list of a delegation's members ("The delegation included A, B and C"), or in the
    list of those who come ("The delegates include A from Australia; B of Peru; and C")."""
    if _ATTENDEES_EN.match(raw, s0, pos):
        return True
    ends = [m.end() for m in _DELEGATION_EN.finditer(raw, s0, pos)]
    return bool(ends) and ";" not in raw[ends[-1]:pos]


def _future_en(text: Text, s0: int, s1: int, pm: PersonMention, cues: list[CueMention]) -> bool:
    """English: the words from the person to the verb after them (or from the clause's start to the person) speak of
    what has not happened yet ("Mayor X will attend", "X is scheduled to visit", "X plans to sign")."""
    raw = text.raw
    after = [c.start for c in cues if c.start >= pm.end]
    c1 = min(after) if after else clause_end(raw, pm.end, s1, ",;")
    c0 = clause_start(raw, s0, pm.start, ",;")
    if _FUTURE_EN.search(raw, pm.end, c1):
        return True
    before = _FUTURE_EN.search(raw, c0, pm.start)
    # "Lu is due to meet Mayor Wu, visit …": what the clause is to do before it names the person
    return before is not None and (not after or not any(c0 <= c.start < before.start() for c in cues))


def _nearest(text: Text, s: Sentence, evs: list[tuple[int, str]], pos: int, earlier: set[str]) -> str:
    """The event of the sentence nearest to ``pos``; (s11-ev) an event told as an earlier one only for a person named in
    its own clause, "" when that is all the sentence names."""
    t = text.fold
    c0 = clause_start(t, s.start, pos)
    c1 = clause_end(t, pos, s.end)
    fit = [x for x in evs if x[1] not in earlier or c0 <= x[0] < c1]
    return min(fit, key=lambda x: abs(x[0] - pos))[1] if fit else ""


_CLAUSE_ENDS = re.compile(r"\s*[，,。；;！!]")


def _came_to_it(text: Text, s: Sentence, pm: PersonMention, cues: list[CueMention]) -> bool:
    """Whether the person's clause ends in a verb of coming or taking part with nothing after it (出席，參加，與會，來訪，):
    what they came to is the event the release is about."""
    stop = clause_end(text.fold, pm.end, s.end, "，,。；;")
    if _PAST_YEAR.search(text.raw, clause_start(text.fold, s.start, pm.start, "，,。；;"), stop):
        return False  # 「2019年某市長曾來訪，」: an earlier year's
    return any(pm.end <= c.start and c.end <= stop and c.cls in ("attend", "visit") and _CLAUSE_ENDS.match(text.fold, c.end)
               for c in cues)


def _previous(events_in: dict[int, list[tuple[int, str]]], sentences: list[Sentence], si: int) -> list[list[tuple[int, str]]]:
    """The events of the nearest earlier sentence of the same paragraph that names any (empty if none)."""
    unit = sentences[si].unit
    k = si - 1
    while k >= 0 and sentences[k].unit == unit:
        if k in events_in:
            return [events_in[k]]
        k -= 1
    return []
