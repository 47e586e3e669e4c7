"""Events with their dates, duration, venue, sessions, attendance mode, reported figures and the event they are part of.

A date in a sentence belongs to the event mentioned nearest to it in that sentence; a range
(3/27~3/30, 27、28日) gives start and end; 為期四天 gives the end from the start; 止/落幕 mark an end
and 起/開幕 a start. Events listed in one sentence with one date and no date of their own share it.
A ceremony or session is part of the larger event its sentence names, else of the release's main
event; a summit, forum or conference is part of the expo of its year.
"""

from __future__ import annotations

import datetime as dt
import re

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import DateMention, EventEntity, EventMention, PersonMention, Resolved
from smartgraph.extraction.names import demonym_matcher, habitual
from smartgraph.extraction.text import Text, clause_end, clause_start, fold
from smartgraph.model import Event, Figure, Venue

_DURATION = re.compile(fold(r"為期\s*(?P<n>\d+|[一兩二三四五六七八九十])\s*(?:天|日)"))
_END = re.compile(fold(r"^\s*(?:(?:已|正式|順利|圓滿)\s*)?(?:落幕|閉幕|結束|止|截止)"))
_OPENS = re.compile(fold(r"開幕(?!式|典禮|儀式)"))
_OPENS_ON = re.compile(fold(r"\s*(?:(?:盛大|正式|隆重)\s*)?(?:開幕|揭幕|登場|開跑|舉行|舉辦)"))
_START = re.compile(fold(r"^\s*(?:起|開幕|開始|登場|揭幕|開跑)"))
_NUM = {"一": 1, "兩": 2, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_VENUE = re.compile(fold(
    r"(?:於|在)(?P<v>[\u4e00-\u9fffA-Za-z0-9]{2,16}?(?:展覽館|展覽中心|會議中心|國際會議廳|展演中心|會展中心|文化中心|飯店|酒店"
    r"|會館|大樓|體育館|市政大樓|市政廳|會議廳|大講堂|倉庫群|宴會廳|綜合會議廳|大禮堂|廣場|公所))"))
_MIXED = re.compile(fold(r"(?:線上|視訊|online).{0,12}(?:實體|現場)|(?:實體|現場).{0,12}(?:線上|視訊|online)|虛實|hybrid"), re.I)
_SESSIONS_DATES = re.compile(fold(r"(?:(?P<n>\d+|[兩二三四五])\s*(?:個\s*)?場次|場次)\s*[（(]"))
_FIGURES: list[tuple[str, re.Pattern[str]]] = [
    ("countries", re.compile(fold(r"(?P<v>\d[\d,]*)\s*(?:個\s*)?(?:國家|國)(?![內際外家民])"))),
    ("registrants", re.compile(fold(r"(?P<v>\d[\d,]*)\s*(?:位|人|名)[^，。；\d]{0,8}?報名"))),
    ("officials", re.compile(fold(r"(?P<v>\d[\d,]*)\s*(?:位|個)\s*(?:[^，。；\d]{0,6}?)(?:城市)?(?:首長|市長)"))),
    ("views", re.compile(fold(r"觀看[^，。；]{0,12}?(?P<v>\d[\d,]*)\s*(?:人次|次)"))),
    ("cities", re.compile(fold(r"(?P<v>\d[\d,]*)\s*(?:個)\s*(?:城市)(?!首長)"))),
]
BIG = ("expo", "summit", "forum", "congress", "conference", "festival", "day", "visit")


def _extend(ev: Event, start: dt.date | None, end: dt.date | None) -> None:
    if start is not None:
        ev.start = start if ev.start is None else min(ev.start, start)
    if end is not None:
        ev.end = end if ev.end is None else max(ev.end, end)


def _mentions_in(res: Resolved, s0: int, s1: int) -> list[tuple[EventMention, str]]:
    return res.linked_in(res.event_of, s0, s1)


def main_event(res: Resolved) -> str:
    """The event the release is about: the most mentioned event (a large one before a ceremony), the earliest on a tie."""
    text = res.text
    body = [u for u in text.units if u.kind == "paragraph"]
    opening_end = body[min(1, len(body) - 1)].end if body else 0  # the title, the lead and the paragraph after it

    def told_early(e: EventEntity) -> bool:
        return any(m.start < opening_end for m in e.mentions)

    title_end = text.units[0].end if text.units and text.units[0].kind == "title" else 0

    title = fold(text.raw[:title_end]).lower()

    def in_title(e: EventEntity) -> bool:
        # 「2022 GO SMART Day三合一登場」: a title may name the event without quotes the recogniser needs
        return any(m.start < title_end for m in e.mentions) or any(
            len(n) >= 6 and fold(n).lower() in title for n in e.names if e.origin == "named")

    named = {k: e for k, e in res.events.items() if e.origin == "named" and not e.part}
    early_acts = {k: e for k, e in res.events.items() if e.origin in ("act", "headline") and told_early(e)}
    # 「副縣長去年還曾親赴三重縣訪問」: a visit or signing of an earlier time is not what the release is about
    early_acts = {k: e for k, e in early_acts.items() if not told_as_past(res, e)} or early_acts
    doc_date = getattr(text.doc, "date", None)
    year = doc_date.year if doc_date is not None else None
    if early_acts and year is not None:
        # 「去年的臺灣燈會」, "Brno's participation in the 2023 Lantern Festival": an event of an earlier year is not what
        # a release that tells of an act of its own time is about
        named = {k: e for k, e in named.items() if not (e.year and e.year < year)}
    if early_acts and text.doc.language == "en":
        # "… invited Governor X to take part in the Tainan International Travel Fair": an event someone is invited to is
        # not what a release telling of a visit is about (s9-en)
        named = {k: e for k, e in named.items() if not all(_INVITED_EN.search(text.raw, text.sentences[text.sentence_of(m.start)].start,
                                                                               m.start) for m in e.mentions)}
    if early_acts and text.doc.language != "en":
        # 「滋賀縣有絢爛繽紛的琵琶湖花火大會」: an event a place has (an attraction) is not what a release telling of a visit is about
        named = {k: e for k, e in named.items() if not all(_ATTRACTION.search(text.fold, clause_start(
            text.fold, text.sentences[text.sentence_of(m.start)].start, m.start, "，,；;。"), m.start) for m in e.mentions)}
    if early_acts:
        # (s10-ev) 「曾多次參加國際龍舟賽」, "has joined the Dragon Boat Festival many times": an event told as done again
        # and again is not what a release telling of a visit or signing is about
        named = {k: e for k, e in named.items() if not all(told_habitually(res, m) for m in e.mentions)}
    if named and early_acts and (not any(told_early(e) for e in named.values())
                                 or (any(in_title(e) for e in early_acts.values()) and not any(in_title(e) for e in named.values()))):
        named = {}  # 「東京食品展」 named in passing: the signing the title or the opening tells is what the release is about
    if not named:
        visits = {k: e for k, e in res.events.items() if e.origin in ("act", "headline") and e.category == "visit"}
        named = early_acts \
            or {k: e for k, e in visits.items() if not told_as_past(res, e)} \
            or {k: e for k, e in res.events.items() if e.origin == "named" and told_early(e)} \
            or visits \
            or {k: e for k, e in res.events.items() if e.origin == "named"} \
            or dict(res.events)
    if not named:
        return ""
    counts = {k: len(e.mentions) for k, e in named.items()}

    def rank(e: EventEntity) -> tuple[int, int, int, int]:
        return (e.part, -counts[e.key] - (3 if in_title(e) else 0), 0 if e.year else 1, min(m.start for m in e.mentions))

    return min(named.values(), key=rank).key


# (s10-ev) what an English sentence tells as done again and again, or over years: no one event of the release's time
_HABITUAL_EN = re.compile(r"\b(?:many|several|numerous|countless)\s+times\b|\b(?:every|each)\s+year\b|\byear\s+after\s+year\b"
                          r"|\bover\s+the\s+(?:past\s+|last\s+)?(?:\w+\s+)?years\b|\bin\s+the\s+past\b|\bregularly\b|\brepeatedly\b"
                          r"|\bcontinuous(?:ly)?\s+support|\bha(?:s|ve)\s+(?:(?:he|she|it|they|also|long|often|frequently|actively|even)\s+)?"
                          r"(?:sent|participated\s+in|taken\s+part\s+in|joined)\b", re.I)


def told_habitually(res: Resolved, m: EventMention) -> bool:
    """Whether a mention stands where its text tells something done again and again: in its clause (Chinese: 多次,
    每年, 近年) or its sentence (English: many times, every year, over the years)."""
    text = res.text
    s = text.sentences[text.sentence_of(m.start)]
    if (getattr(text.doc, "language", "") or "").lower().startswith("en"):
        return bool(_HABITUAL_EN.search(text.raw, s.start, s.end))
    t = text.fold
    c0 = clause_start(t, s.start, m.start, "，,；;。")
    # its clause, and a few words on (「例如世界城市大會，某市一再…」)
    return bool(habitual().search(t, c0, max(clause_end(t, m.end, s.end, "，,；;。"), min(s.end, m.end + 12))))


_ATTRACTION = re.compile(fold(r"(?<![沒没])有\s*(?:[^，,。；;有]{0,12}的)?\s*$"))
_INVITED_EN = re.compile(r"\binvit(?:e|es|ed|ing)\b[^.;]{0,80}?\bto\s+(?:take\s+part\s+in|attend|join|participate\s+in|come\s+to|visit)"
                         r"\s+(?:the\s+|this\s+year['’]s\s+|next\s+year['’]s\s+)?[^.;]{0,20}$")
_EARLIER = re.compile(fold(r"去\s*(?:[(（]\s*\d*\s*[)）])?\s*年|前年|曾|早在|先前|過去|當年|(?P<y>(?:19|20)\d{2})\s*年"))


def told_as_past(res: Resolved, e: EventEntity) -> bool:
    """Whether every mention of an act stands in a clause that tells an earlier time (去年, 曾, 2012年 before the
    release's year)."""
    text = res.text
    t = text.fold
    year = text.doc.date.year if text.doc.date else None
    for m in e.mentions:
        s = text.sentences[text.sentence_of(m.start)]
        c0 = clause_start(t, s.start, m.start, "，,；;。")
        if not any(x["y"] is None or (year is not None and int(x["y"]) < year) for x in _EARLIER.finditer(t, c0, m.end)):
            return False
    return bool(e.mentions)


def build_events(res: Resolved, label: object) -> tuple[dict[str, Event], str, set[str]]:
    """The events with their names, dates, sessions and parents; the main event; the visits the text says who made."""
    text = res.text
    to_label = label  # converts simplified names to traditional
    events: dict[str, Event] = {}
    told_by: set[str] = set()
    english = (getattr(text.doc, "language", "") or "").lower().startswith("en")
    for key, ent in res.events.items():
        ev = Event(key, ent.category if ent.category != "ceremony" else "ceremony", year=ent.year)
        names = ent.names
        if ent.origin == "act" and ent.category == "ceremony":
            names = list(dict.fromkeys([*(_act_name(res, ent, n) for n in names),  # with the places its sentence names
                                        *_signing_names(res, ent),
                                        # (s9-dedup) and as the text names it when that tells what was signed (簽署教育、文化及經濟
                                        # 合作備忘錄): its own words; 簽署友好交流協定 alone names every signing of its kind
                                        *(n for n in names if _says_what(n))]))
        elif ent.origin == "act" and ent.category == "visit" and english:
            # "seven-day visit to Japan"; a meeting also by both sides ("meeting between Mayor A and Mayor B")
            names = list(dict.fromkeys(n for m in ent.mentions for n in (m.name, m.alt) if n))
            if names and not names[0].startswith("meeting") and (home := _guests_home_en(res, ent, names[0])):
                names.append(f"{names[0]} from {home}")  # "official visit to the Taichung City Government from Guam"
        elif ent.origin in ("act", "headline") and ent.category == "visit":
            told, by_whom = _visit_names(res, ent)
            names = list(dict.fromkeys([*names, *told])) if ent.origin == "headline" else (told or names)
            if by_whom and not _planned(res, ent):
                told_by.add(key)
        for n in names:
            n2 = to_label(n)  # type: ignore[operator]
            target = ev.names_zh if re.search(r"[\u3400-\u9fff]", n2) else ev.names_en
            if n2 not in target:
                target.append(n2)
        for m in ent.mentions:
            if not m.generic:
                ev.spans.append(text.span(m.start, m.end))
        if not ev.spans and ent.mentions:
            ev.spans.append(text.span(ent.mentions[0].start, ent.mentions[0].end))
        events[key] = ev
    main = main_event(res)
    _dates(res, events)
    for key, ent in res.events.items():
        ev = events[key]
        if ent.origin == "generic" and ev.start is not None:
            # 「記者會」 alone names every press conference: its day tells this one apart
            ev.names_zh = [f"{ev.start.isoformat()} {n}" for n in ev.names_zh]
            ev.names_en = [f"{ev.start.isoformat()} {n}" for n in ev.names_en]
    _sessions(res, events, main)
    _parents(res, events, main)
    _details(res, events)
    if (getattr(text.doc, "language", "") or "").lower().startswith("en"):
        _english_days(res, events, main)
    for key, ev in events.items():
        if ev.duration_days and ev.start is not None and (ev.end is None or ev.end == ev.start):
            ev.end = ev.start + dt.timedelta(days=ev.duration_days - 1)
        if ev.start is not None and ev.end is None and not _trip(res.events[key]):
            ev.end = ev.start
        if english and ev.start is not None and meeting_en(res.events[key]):
            ev.end = ev.start  # a meeting lasts its day ("met X, who is leading a delegation until Sunday")
        if ev.end is not None and ev.start is None:
            ev.start = ev.end
    for ev in events.values():
        parent = events.get(ev.parent) if ev.parent else None
        if ev.start is None and ev.category == "session" and parent is not None and parent.start is not None \
                and parent.start == parent.end:
            ev.start = ev.end = parent.start  # a session of a one-day forum is on that day
    for key, ev in events.items():
        if ev.parent and ev.parent in events and ev.category == "session" and res.events[key].origin == "named":
            parent = events[ev.parent]
            for d in (ev.start, ev.end):
                if d is not None and parent.start is not None:
                    _extend(parent, d, d)
        elif ev.parent in events and ev.start is not None and any(_OPENS.match(fold(n)) for n in ev.names_zh):
            _extend(events[ev.parent], ev.start, None)  # 「已於10月1日以開幕嘉年華揭開序幕」: the event began that day
    return events, main, told_by


# (s9-dedup) a signing's own name without its verb and the agreement's kind: its subject (觀光, 教育、文化及經濟)
_SIGN_HEAD = re.compile(r"^(?:簽署|簽訂|簽定|簽下|簽|締結)(?:了|的)?(?:三方|雙方|兩市|正式|共同|新一期|一份)*")
_KIND_TAIL = re.compile(r"(?:國際)?(?:友好|友誼|姊妹|姐妹)?(?:城市|市|都市)?(?:交流)?(?:合作)?(?:交流)?"
                        r"(?:備忘錄|協定書?|協議書?|意向書)(?:\s*(?:[(（]\s*)?MOU(?:\s*[)）])?)?$", re.I)


def _says_what(name: str) -> bool:
    """Whether a signing's own name tells what was signed beyond its kind (簽署教育合作備忘錄, not 簽署友好交流協定)."""
    head = _SIGN_HEAD.match(name)
    if head is None:
        return False
    rest = name[head.end():]
    tail = _KIND_TAIL.search(rest)
    return tail is not None and len(rest[:tail.start()].strip()) >= 2


_TRIP = re.compile(fold(r"訪問團|訪團|代表團|參訪團|率團|出訪|出發|抵台|抵臺|抵達|來台|來臺|訪台|訪臺|訪日|訪韓|訪美|訪歐|赴"))
_CALL = re.compile(fold(r"拜會|拜訪|會晤|會見|會面|晤談|接見"))


def _trip(e: EventEntity) -> bool:
    """A trip or a delegation's stay, whose end a release seldom tells; a call on someone (拜會) lasts its day."""
    return e.category == "visit" and any(_TRIP.search(fold(n)) for n in e.names) and not is_call(e)


def meeting_en(e: EventEntity) -> bool:
    """A meeting an English sentence tells with its verb ("met Mayor X": recognise_meetings_en)."""
    return e.category == "visit" and e.origin == "act" and any(n.startswith("meeting with ") for n in e.names)


_RECEIVED = re.compile(r"(?:received|receives|welcomed|welcomes|hosted|hosts)\b")
_TO_CALL = re.compile(r"\bto\s+(?:call\s+on|pay\s+a\s+(?:courtesy\s+)?(?:call|visit)|meet)\b")


def guests_visit_en(res: Resolved, key: str) -> bool:
    """Whether an English visit is guests' to the release's own city or country ("the delegation visited Taichung City
    Hall", "is in Taiwan on a state visit"), not a trip of the release's own people: who else its later sentences
    name did not go on it."""
    e = res.events.get(key)
    if e is None or e.category != "visit" or e.origin != "act" or meeting_en(e):
        return False
    rec = res.recognised
    for m in e.mentions:
        if _RECEIVED.match(res.text.raw, m.start) or _TO_CALL.search(res.text.raw, m.start, m.end):
            return True  # "Mayor A received a Cebu delegation", "led a delegation to call on Mayor A"
        if any(res.place_of.get(p) == res.home_place for p in rec.within(rec.places, m.start, m.end)) and res.home_place:
            return True
        if res.home_country and any(c.code == res.home_country for c in rec.within(rec.countries, m.start, m.end)):
            return True
    return False


def is_call(e: EventEntity) -> bool:
    """A call on someone (拜會, 會晤), not a trip."""
    return e.category == "visit" and any(_CALL.search(fold(n)) for n in e.names)


_PRONOUN = re.compile(fold(r"(?:他|她)(?:也|並|還|則|曾|亦)?$"))


_VISIT_STOP = re.compile(fold(r"(?:等)?一行|自|於|在(?!台|臺)|期間|行程|進行|時|並|將|後|以|就|與|和|(?:今|昨|明|當)[天日]|\d|[(（、]"))
_TOWARDS = re.compile(fold(r"(?:赴|前往|到|至)$"))
_DESTINATION = re.compile(fold(r"訪台|訪臺|來台|來臺|抵台|抵臺|訪日|訪韓|訪美|訪歐|赴韓|赴日|赴美|赴歐"))
_DELEGATION = re.compile(fold(r"訪問團|參訪團|訪團|代表團|考察團"))
_VERB_REACH = 16  # characters a visit's verb phrase may run after its verb


_HAN_GAP = re.compile(r"[\u4e00-\u9fff][ \u3000]+(?=[\u4e00-\u9fff])")
_LIST_GAP = re.compile(fold(r"\s*(?:(?:、|及|和|與|暨|以及)\s*)?"))


_BEHALF = re.compile(fold(r"(?<!駐)(?<!副)代表(?![處团團人會])\s*[\u4e00-\u9fff]{1,8}$"))


def on_behalf(t: str, s0: int, pm: PersonMention) -> bool:
    """(s10-ev) 「並代表市長周文德拜會…」: whom someone stands in for was not there. 代表 is the verb when a title stands between it
    and the name (right before a name, 駐日代表某某, it is the post)."""
    return pm.name.start > pm.start and _BEHALF.search(t, max(s0, pm.start - 4), pm.name.start) is not None


_WITH = re.compile(fold(r"偕同|偕|陪同|率同|帶同"))


_MEETING_VERB = re.compile(fold(r"會晤|會面|晤談"))  # the visit verbs (lexicon.VISIT) whose counterpart may stand before them
_WITH_BEFORE = re.compile(fold(r"(?:與|和|同|跟)[^，,；;。]{2,30}"))


def _visit_names(res: Resolved, ent: EventEntity) -> tuple[list[str], bool]:
    """A visit's names as its sentence tells it, and whether it names who made it.

    The verb phrase runs from the verb to the end of its clause, or to a word that leaves the phrase
    (自, 於, 期間, 今天, a number), within a few characters (率團出訪愛爾蘭, 拜會東京都知事小池百合子, 訪問歐洲);
    who: the person before the verb (or the one 他/她 stands for), else the delegation or organisation the clause
    opens with (鹿兒島縣訪團, 美國華裔民選官員協會). Names: who and verb phrase (周春米率團訪問鹿兒島縣), the verb
    phrase, the delegation (林冠英率領的檳州訪問團), and the clause up to the verb when it names no one (此次澳洲市政考察)."""
    text = res.text
    m = next((x for x in ent.mentions if x.head is not None), None)
    if m is None or m.head is None:
        return [], False
    t, raw = text.fold, text.raw
    rec = res.recognised
    s = text.sentences[text.sentence_of(m.start)]
    c0 = clause_start(t, s.start, m.head, "，,；;")
    c1 = clause_end(t, m.head, s.end, "，,；;。")
    verb_word = lx.VISIT_VERB.match(t, m.head)
    v1 = verb_word.end() if verb_word else m.head + 2
    # 「會見來自美國西雅圖…的市長」: 來自 (from) opens who was received, not a word that leaves the phrase
    stop = _VISIT_STOP.search(t, v1 + 2 if t.startswith(fold("來自"), v1) else v1, c1)
    named = [p for p, _ in res.linked(res.person_of).overlapping(v1, c1)]  # the people the phrase may hold
    while stop is not None and any(p.name.start <= stop.start() < p.name.end for p in named):
        stop = _VISIT_STOP.search(t, stop.end(), c1)  # 「接待副市長葉匡時等人」: 時 ends no clause inside a name
    end = stop.start() if stop else c1
    if end - m.head > _VERB_REACH:
        objects = sorted([x.end for x in (*rec.within(rec.places, v1, c1), *rec.within(rec.orgs, v1, c1),
                                          *rec.within(rec.countries, v1, c1)) if x.end <= c1]
                         + [p.name.end for p in named if v1 <= p.start and p.name.end <= c1])
        end = objects[0] if objects else min(end, m.head + 6)
        d = _DELEGATION.match(t, end)
        if d:
            end = d.end()  # 率領的檳州訪問團
    if t.startswith(fold("接見"), m.head):
        received = _DELEGATION.search(t, v1, c1)
        if received:
            end = received.end()  # (s9-ev) 「接見某市長某某率領的訪問團」: the delegation received ends the phrase
        elif t.startswith(fold("接見來自"), m.head) and c1 - m.head <= 60:
            end = c1  # (s10-ev) 「接見來自甲市、乙市與丙市的市長」: whom it received, the list and all
    gap = _HAN_GAP.search(raw, m.head, end)
    if gap:
        end = gap.start() + 1  # (zh) 「知事三度訪嘉義 市長盼擴大合作」: a headline's blank ends the phrase as a comma does
    verb = re.sub(r"[「」『』\s]", "", raw[m.head:end])
    people = [(p, k) for p, k in res.linked(res.person_of).overlapping(c0, m.head) if c0 <= p.name.start and p.name.end <= m.head]
    stood_in_for = [x for x in people if on_behalf(t, c0, x[0])]  # (s10-ev) 「並代表市長某某拜會…」: not who called
    people = [x for x in people if x not in stood_in_for]
    lead0 = lx.LEADING.match(t, c0)
    if _WITH.match(t, lead0.end() if lead0 else c0):
        # 「甲會長首度訪問某市，偕同乙所長拜會市長」: who called is the one the sentence began with, 乙 went along
        leader = [(p, k) for p, k in res.linked(res.person_of).overlapping(s.start, c0) if s.start <= p.name.start and p.name.end <= c0]
        people = leader[:1] or people
    who = ""
    if people:
        n = len(people) - 1
        while n > 0 and _LIST_GAP.fullmatch(t[people[n - 1][0].end:people[n][0].start]):
            n -= 1  # 「會長甲議員及幹事長乙議員於26日抵台」: the first of the people listed leads
        first, key = people[n]
        who = res.persons[key].name if key in res.persons else first.name.text
    elif _PRONOUN.search(t, max(c0, m.head - 6), m.head):
        # 他/她: the person the paragraph is about, the first it names (「周春米縣長致詞時…歡迎塩田知事…她率團」)
        u = text.units[s.unit]
        earlier = res.linked_in(res.person_of, u.start, m.head)
        if earlier:
            k = earlier[0][1]
            who = res.persons[k].name if k in res.persons else ""
    if (len(verb) <= 4 and m.head == m.end - len(verb)) or end == v1:
        # 「親赴三重縣訪問」: the place the verb goes to stands before it
        before = [x for x in rec.ranges(rec.places).ending(m.head - 1, m.head) if _TOWARDS.search(t, max(c0, x.start - 2), x.start)]
        if before:
            verb = f"{verb}{raw[before[-1].start:before[-1].end]}"
    names: list[str] = []
    if who and "·" not in who and people and _MEETING_VERB.match(t, m.head):
        # 「陳菊與八王子市、小岩城及貝里斯等姊妹市首長會晤」: whom a meeting was with, told before its verb
        after_name = people[n][0].name.end
        when = lx.LEADING.match(t, after_name)  # 「今（12）日」「也」: a time or a linking word before 與
        between = _WITH_BEFORE.fullmatch(t, when.end() if when else after_name, m.head)
        if between is not None:
            met = re.sub(r"[「」『』\s]", "", raw[between.start():m.head])
            names.append(f"{who}{met}{verb}")
    if who and "·" not in who:
        names.append(f"{who}{verb}")
        if people and (styled := _styled(res, people[n][0])):
            names.append(f"{styled}{verb}")  # 「日本青森縣知事三村申吾…拜會市長林佳龍」: also with the post and place before the name
    if len(verb) >= 3:
        names.append(verb)
    lead = lx.LEADING.match(t, c0)
    a = _past_when(res, lead.end() if lead else c0, m.head)  # (s9-dedup) 「23日某訪問團」: the day is no part of the name
    found = list(_DELEGATION.finditer(t, a, m.head + 3))
    d = found[-1] if found else None  # the last delegation word before the verb
    if d is not None and d.end() <= max(m.head, m.start + 3) + 3:
        group = re.sub(r"[「」『』\s]", "", raw[a:d.end()])
        if len(group) >= 4 and _names_someone(res, a, d.start()):
            names.append(group)  # 鹿兒島縣訪團, 林冠英率領的檳州訪問團
            if not who:
                who = group
    if not who:
        subject = [o for o in rec.within(rec.orgs, a, m.head) if o.end <= m.head]
        quoted = re.search(r"「([^」]{3,30})」", raw[s.start:m.head])  # 「美國華裔民選官員協會」（…，CAEO）睽違20年再度組團訪台
        if quoted or subject:
            who = quoted.group(1) if quoted else subject[-1].name
            names.append(who + verb)  # 美國華裔民選官員協會組團訪台
    if not people and not stood_in_for and not _VISIT_STOP.search(t, a, m.head) and 3 <= m.head - a <= 10 and not who:
        names.append(re.sub(r"[「」『』\s]", "", raw[a:end]))  # 此次澳洲市政考察
    # who went where: a place, organisation, person or country in the verb phrase, or a verb that names it (訪台)
    where = bool(_DESTINATION.search(t, m.head, end)) or any(
        x.start >= v1 - 1 and x.end <= end for x in (*rec.within(rec.places, m.head, end), *rec.within(rec.orgs, m.head, end),
                                                     *rec.within(rec.countries, m.head, end))) or any(
        p.name.end <= end for p, _ in res.linked_in(res.person_of, v1, end)) or len(verb) > end - m.head
    return list(dict.fromkeys(n for n in names if len(n) >= 3)), bool(who) and where


_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")
_PLACE_OR_POST_WORDS = frozenset({"City", "County", "State", "Prefecture", "Province", "Island", "Islands", "District", "Republic",
                                  "Government", "Governor", "Mayor", "Council", "Delegation", "Metropolitan", "Municipal", "Capital"})


def _guests_home_en(res: Resolved, ent: EventEntity, name: str) -> str:
    """Where the guests of an English visit come from when its name does not say: the first foreign place its sentence
    names from its start to the visit's end, a place the name holds left out ("Governor Lou Leon Guerrero of Guam … paid an official visit to the Taichung City
    Government", "The US delegation from Arizona State arrived in Taiwan"), "" when there is none."""
    m = next((x for x in ent.mentions if x.head is not None), None)
    if m is None or m.head is None:
        return ""
    text = res.text
    s0 = text.sentences[text.sentence_of(m.start)].start
    people = res.linked(res.person_of)
    for x, k in res.linked(res.place_of).overlapping(s0, m.end):
        if s0 <= x.start and x.end <= m.end and k != res.home_place and not any(
                p.name.start < x.end and x.start < p.name.end for p, _ in people.overlapping(x.start, x.end)):
            written = text.raw[x.start:x.end]
            nxt = _NEXT_WORD.match(text.raw, x.end)
            if nxt is not None and nxt.group(1) not in _PLACE_OR_POST_WORDS:
                continue  # "Yoshikawa Yuum": a name that happens to be a place's
            if written.lower() not in name.lower():
                return written
    return ""


def _styled(res: Resolved, p: PersonMention) -> str:
    """A guest as the text styles them when a post of a foreign place stands before the name (日本青森縣知事三村申吾),
    "" when it does not (a post after the name, one of the home city, or a long stretch)."""
    a = _past_when(res, min([p.start, *(span[0] for _, span in p.posts if span[1] > span[0])]), p.name.start)  # not 「23日」
    if a >= p.name.start or p.name.start - a > 16:
        return ""
    if not any(k != res.home_place for x, k in res.linked(res.place_of).overlapping(a, p.name.start) if a <= x.start):
        return ""
    return re.sub(r"[「」『』\s]", "", res.text.raw[a:p.name.end])


_WHEN_WORD = re.compile(fold(r"\s*(?:\d{1,2}\s*月(?:\s*\d{1,2}\s*[日號])?|\d{1,2}\s*[日號]|今年|今天|今日|昨天|昨日|明天|日前|近日"
                              r"|稍早|此次|本次|這次|上午|下午|晚間|中午|也|亦|並|再度|首度)\s*"))


def _past_when(res: Resolved, a: int, b: int) -> int:
    """Where a name may begin at or after ``a``: past the dates and time words it opens with (「23日」「今年7月」「今天」),
    so that a name made from the text never opens with when it was told."""
    rec = res.recognised
    while a < b:
        d = next((x for x in rec.within(rec.dates, a, a + 1) if x.start == a and x.end <= b), None)
        if d is not None:
            a = d.end
            continue
        w = _WHEN_WORD.match(res.text.fold, a, b)
        if w is None or w.end() == a:
            break
        a = w.end()
    return a


# (s9-dedup) a visit its clause tells only as a wish (「未來可考慮至某州參訪」), or as what will be if something allows
# (「若行程允許，將再度造訪」); one scheduled (預定於9月下旬率團出訪, 預計3月將率團回訪) is a visit told ahead
_WISHED = re.compile(fold(r"可考慮|考慮|盼|希望|期盼|期待|邀請|有機會|未來"))
_IF = re.compile(fold(r"若|如果|倘若|假如"))
_WILL = re.compile(fold(r"將|會"))


def _planned(res: Resolved, ent: EventEntity) -> bool:
    """Whether every mention of a visit is told as a wish or on a condition: no visit made or scheduled."""
    t = res.text.fold
    heads = [(m, m.head) for m in ent.mentions if m.head is not None]
    for m, h in heads:
        s = res.text.sentences[res.text.sentence_of(m.start)]
        c0 = clause_start(t, s.start, h, "，,；;。")
        if not (_WISHED.search(t, c0, h) or (_IF.search(t, s.start, c0) and _WILL.search(t, c0, h))):
            return False
    return bool(heads)


def _names_someone(res: Resolved, a: int, b: int) -> bool:
    """Whether ``a..b`` names a place, organisation, country or person: 鹿兒島縣訪團 names its delegation, 市府代表團 and
    之後代表團 name no one and are no name of the visit."""
    rec = res.recognised
    return any(x.end <= b for x in (*rec.within(rec.places, a, b), *rec.within(rec.orgs, a, b), *rec.within(rec.countries, a, b))) or any(
        p.name.end <= b for p, _ in res.linked_in(res.person_of, a, b))


_SIGNING_WORD = re.compile(fold(r"(?:簽約|簽署|締約|締盟)(?:記者會|儀式|典禮)"))


def _signing_names(res: Resolved, ent: EventEntity) -> list[str]:
    """A signing ceremony named by its event word alone (簽約記者會, 簽署儀式) whose sentence names the agreement in quotes
    (舉行簽約記者會，雙方共同簽署「創新創業國際交流合作備忘錄」): the agreement's name before the word names it too."""
    text, rec = res.text, res.recognised
    raw = text.raw
    out: list[str] = []
    for m in ent.mentions:
        if not _SIGNING_WORD.fullmatch(fold(m.name)):
            continue
        s = text.sentences[text.sentence_of(m.start)]
        for a in rec.within(rec.agreements, s.start, s.end):
            q0 = raw.rfind("「", s.start, a.start)
            q1 = raw.find("」", a.start + 1, min(s.end, a.end + 2))  # the agreement ends its quote (「高雄協定書」)
            if q0 < 0 or q1 < 0 or "」" in raw[q0:a.start] or not 2 <= q1 - q0 - 1 <= 40:
                continue
            out.append(re.sub(r"\s+", "", raw[q0 + 1:q1]) + m.name)
            break
    return out


# (s9-ev) a celebration the text names (締盟十週年慶祝晚會, 歡迎晚宴): its own name tells it apart, no places before it
_CELEBRATION = re.compile(fold(r"(?:晚會|晚宴|餐會|酒會|茶會|歡迎會|慶祝活動|紀念活動)$"))


def _act_name(res: Resolved, ent: EventEntity, name: str) -> str:
    """A signing's name with the places its sentence names (臺南市與土浦市簽署友好交流協定): 簽署友好交流協定 alone would
    name every signing of its kind."""
    if _CELEBRATION.search(fold(name)):
        return name
    text = res.text
    m = ent.mentions[0]
    s = text.sentences[text.sentence_of(m.start)]
    places: list[str] = []
    found = res.recognised.within(res.recognised.places, s.start, s.end)
    if m.name != "signing":  # 「A與B…簽署協議，…A所在的C市…」: the places before the signing are its sides
        found = [p for p in found if p.end <= m.end] or found
    # (s9-ev) 「日本某協會高雄事務所」: a place inside a body's name, after its first word, is where the body sits, not a side
    # of the signing (「東區廳」「臺南市政府」, which the place opens, are the side's own government)
    bodies = [(o.start, o.end) for o in res.recognised.within(res.recognised.orgs, s.start, s.end)]
    found = [p for p in found if not any(a < p.start and p.end <= b for a, b in bodies)]
    inner = {q.start for q in found if q.kind in ("city", "district", "township")}
    for p in found:
        if p.end in inner and p.kind in ("city", "county", "prefecture", "state", "province"):
            continue  # 「台中市西屯區」: the city before its district is where the district lies, not a party
        if p.kind in ("city", "county", "district", "township") or (m.name == "signing" and p.kind != "country"):
            place = res.places.get(res.place_of[p]) if p in res.place_of else None
            label = p.text if place is None else (place.name_en or p.text) if m.name.isascii() else place.name_zh
            if label not in places:
                places.append(label)
    if name == "signing" and m.head is not None:  # English: "Kaohsiung–Basseterre signing"
        if not places:  # "Mayor Ko inked the MOU with several Japanese cities": the home city and the country named
            places = _signing_countries_en(res, s.start, s.end)
        return f"{'–'.join(places[:3])} signing" if places else name
    if name.isascii() and m.head is not None:  # (s10-ev) "Kaohsiung–Springfield 30th anniversary joint reception"
        return f"{'–'.join(places[:3])} {name}" if places else name
    return f"{'與'.join(places[:3])}{name}" if places else name


def _signing_countries_en(res: Resolved, s0: int, s1: int) -> list[str]:
    """The home city and the foreign countries (by name or nationality) an English signing's sentence names."""
    home = res.places.get(res.home_place) if res.home_place else None
    codes = [c.code for c in res.recognised.within(res.recognised.countries, s0, s1)]
    codes += [h.entry for h in demonym_matcher().find(res.text.low, s0, s1)]
    names = [gz.countries().by_code[c].name_en for c in dict.fromkeys(codes)
             if c in gz.countries().by_code and c != (res.home_country or "TW")]
    return [home.name_en, *names] if home is not None and home.name_en and names else []


def _told_day(res: Resolved, m: EventMention, key: str, d: DateMention) -> bool:
    """(s9-dedup) Whether a day inside a visit's mention is the day it tells, not part of a name: the mention of a visit
    a sentence tells runs from who to the verb (某某22日至26日率團來台), and the days before the verb are its stay."""
    return m.category == "visit" and res.events[key].origin in ("act", "headline") and m.head is not None \
        and m.start <= d.start and d.end <= m.head and not m.quoted \
        and (d.last is not None or is_call(res.events[key]))  # a stay's days (from, to); (s10-ev) or the day of a call


def _day_dates(res: Resolved, s0: int, s1: int) -> list[DateMention]:
    return [d for d in res.recognised.within(res.recognised.dates, s0, s1) if d.precision == "day"]


# (s11-ev) a day followed by a verb of announcing is the day something was told (今天公布, 昨日宣布)
_TOLD_ON = re.compile(fold(r"\s*(?:[(（]\s*\d{1,2}\s*[)）]\s*日?)?\s*(?:上午|下午|晚間|中午)?\s*(?:公布|宣布|發布|發表聲明|證實|透露)"))
# (s11-ev) a clause opened by a word of cause or contrast (但因19日發生…, 由於5日颱風…) tells its own happening: its day is
# not the day of an event named in another clause
_OWN_CLAUSE = re.compile(fold(r"\s*(?:但是|但因|但|因為|因(?![應此而])|由於|然而|不過|可是|卻因)"))


def _other_clause(t: str, s0: int, s1: int, d: DateMention, mentions: list[tuple[EventMention, str]]) \
        -> list[tuple[EventMention, str]] | None:
    """The mentions a day may date when it stands in a clause of cause or contrast: only those inside that clause
    (none when the clause names no event); None when the day's clause is no such clause."""
    c0 = clause_start(t, s0, d.start)
    if not _OWN_CLAUSE.match(t, c0):
        return None
    c1 = clause_end(t, d.end, s1)
    return [mk for mk in mentions if c0 <= mk[0].start < c1]


_REPORTED_ON_EN = re.compile(r"\b(?:said|says|reported|announced|told\s+(?:reporters|the\s+press|the\s+media))\s+(?:on\s+)?"
                             r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*\(\s*)?$")
_TODAY_EN = re.compile(r"\b(?:today|today['’]s|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)


def _dates(res: Resolved, events: dict[str, Event]) -> None:
    text = res.text
    english = (getattr(text.doc, "language", "") or "").lower().startswith("en")
    shared: list[tuple[list[str], dt.date, dt.date | None]] = []
    for s in text.sentences:
        mentions = _mentions_in(res, s.start, s.end)
        if not mentions:
            continue
        dates = _day_dates(res, s.start, s.end)
        if english:  # "…, reports said Friday (Sept. 22)": the day it was told, not the event's (s9-en)
            dates = [d for d in dates if not _REPORTED_ON_EN.search(text.raw, max(s.start, d.start - 40), d.start)]
        # (s10-ev) a visit whose own clause tells its day (市長於1日接見…) takes no other day of the sentence (為迎接3日揭幕的…)
        own_day = {k for m, k in mentions for d in dates if m.start <= d.start < m.end and _told_day(res, m, k, d)}
        for d in dates:
            if any(m.start <= d.start < m.end and not _told_day(res, m, k, d) for m, k in mentions):
                continue  # a date inside an event's name
            if not english and _TOLD_ON.match(text.fold, d.end):
                continue  # (s11-ev) 「市府今天公布，16日將舉行…」: the day it was announced, not the event's
            other = None if english else _other_clause(text.fold, s.start, s.end, d, mentions)
            mentions_d = mentions if other is None else other
            if not mentions_d:
                continue
            fitting = [mk for mk in mentions_d if not events[mk[1]].year or events[mk[1]].year == d.date.year] or mentions_d
            fitting = [mk for mk in fitting if not _ATTEND_GAP.search(text.raw, d.end, mk[0].start)
                       or not d.end <= mk[0].start or mk[0].start - d.end > 60]
            if not fitting:
                continue  # "visiting Taiwan from March 18 to 23 to attend the … Expo": the visit's days, not the expo's
            m, key = min(fitting, key=lambda mk: _distance(text, mk[0], d))  # the 2022 forum is not dated in 2021
            if key in own_day and not m.start <= d.start < m.end:
                continue
            if res.events[key].category == "visit" and res.events[key].origin == "act" and not m.start <= d.start < m.end \
                    and _OPENS_ON.match(text.fold, d.end):
                continue  # (s10-ev) 「將於11月3日正式揭幕，市長…接見…」: the day something opens, not the day of a visit
            ev = events[key]
            after = text.fold[d.end:d.end + 6]
            if _END.match(after):
                _extend(ev, None, d.last or d.date)
            elif _START.match(after) or (d.last is None and _trip(res.events[key])):
                _extend(ev, d.date, None)  # a trip's first day tells nothing of its last
            else:
                _extend(ev, d.date, d.last or d.date)
            ev.date_spans.append(text.span(d.start, d.end))
        du = _DURATION.search(text.fold, s.start, s.end)
        if du:
            n = int(du["n"]) if du["n"].isdigit() else _NUM.get(du["n"], 1)
            m, key = min(mentions, key=lambda mk: abs(mk[0].start - du.start()))
            events[key].duration_days = n
        if len(dates) == 1:
            opens = bool(_OPENS_ON.match(text.fold, dates[0].end))
            shared.append(([k for _, k in mentions if not (opens and res.events[k].category == "visit" and res.events[k].origin == "act")],
                           dates[0].date, dates[0].last))
    for keys, day, last in shared:
        for k in keys:
            if events[k].year and events[k].year != day.year:
                continue  # "up from 49 cities at the 2016 forum": another year's event shares no day
            if events[k].start is None and events[k].end is None:
                events[k].start, events[k].end = day, last or day
    # a signing or a visit told without a day takes the day its paragraph last named (今天率團拜會…。雙方並簽署…)
    for key, ent in res.events.items():
        ev = events[key]
        if not (ent.origin == "act" or ent.category == "ceremony") or ev.start is not None:
            continue  # a ceremony told without its day (「市長在閉幕式上…」) is on the day its paragraph named too
        if any(re.match(r"(?:the\s+)?(?:opening|closing)\b", n, re.I) for n in ent.names):
            continue  # an opening or closing ceremony is on its event's first or last day (_english_days)
        for m in ent.mentions:
            sentence = text.sentences[text.sentence_of(m.start)]
            if english and _TODAY_EN.search(text.raw, sentence.start, sentence.end):
                continue  # "at today's re-signing ceremony": the release's day, unread when it has no date
            unit = text.units[sentence.unit]
            prior = [d for d in _day_dates(res, unit.start, m.start) if not _OPENS_ON.match(text.fold, d.end)]  # (s10-ev) another's opening
            # up to the verb: 「省長曾在去年8月造訪台南」 tells an earlier visit inside its own clause
            upto = m.head if m.head is not None and m.head > m.start else m.start
            if prior and not re.search(fold(r"(?:19|20)\d{2}\s*年|去年|前年|曾|已於"), text.fold[prior[-1].end:upto]):
                ev.start = prior[-1].date
                ev.date_spans.append(text.span(prior[-1].start, prior[-1].end))
                break


_MONTH_EN = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\."
             r"|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
# a day an English sentence tells an act on, whether or not a release's date resolves it: today, this evening, on the
# 12th, on Monday, (on) October 20, 21 October
_ON_A_DAY_EN = re.compile(r"\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|on\s+the\s+\d{1,2}(?:st|nd|rd|th)\b"
                          r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|" + _MONTH_EN + r"\s+\d{1,2}\b"
                          r"|\b\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_EN + r")")
_BEFORE_EN = re.compile(r"\b(?:originally|back in|first|previously|earlier|once|ago|last year|had (?:signed|met|visited))\b", re.I)


def told_on_a_day_en(res: Resolved, e: EventEntity) -> bool:
    """Whether an English act is told in a sentence that gives its day ("met … today", "On October 20, … inked the
    MOU") and tells no earlier time: what an undated release reports, though its date cannot be read."""
    text = res.text
    for m in e.mentions:
        s = text.sentences[text.sentence_of(m.start)]
        if _ON_A_DAY_EN.search(text.raw, s.start, s.end) and not _BEFORE_EN.search(text.raw, s.start, s.end) \
                and not re.search(r"\b(?:19|20)\d\d\b", text.raw[s.start:s.end]):
            return True
    return False


_ATTEND_GAP = re.compile(r"\bto (?:attend|join|take part in|participate in|visit)\b", re.I)
_OPENING_DAY = re.compile(r"\b(?:on|during)\s+the\s+(opening|first|closing|last|final)\s+day\b", re.I)
_PAST_EN = re.compile(r"\b(?:last year|ago|previous|had been|in (?:19|20)\d\d)\b", re.I)


def _english_days(res: Resolved, events: dict[str, Event], main: str) -> None:
    """Days an English text gives without a date: "on the opening day" (the main event's first day), "the opening
    ceremony of X" (X's first day; a closing one its last), a session told beside a dated one ("After the main forum,
    three sub-forums …"), and a part of a one-day main event ("The forum was split into two parts … a Mayor's Forum")."""
    text = res.text
    top = events.get(main)
    for key, ent in res.events.items():  # the opening ceremony of a congress is on the congress's first day
        ev = events[key]
        parent = events.get(ev.parent) if ev.parent else None
        if ev.category == "ceremony" and ent.part and parent is not None and ev.start is not None and parent.start is not None:
            _extend(parent, ev.start, ev.end or ev.start)
    for key, ent in res.events.items():
        ev = events[key]
        if ev.start is not None or key == main:
            continue
        sentences = sorted({text.sentence_of(m.start) for m in ent.mentions})
        for si in sentences:
            s = text.sentences[si]
            od = _OPENING_DAY.search(text.raw, s.start, s.end)
            # (s10-ev) the opening day of an event that has days: the one it is part of, the release's main one, else the
            # first that lasts days (the expo, when the release's main event is a one-day signing)
            lasting = [x for x in (events.get(ev.parent) if ev.parent else None, top, *events.values())
                       if x is not None and x.start is not None and x.end is not None and x.end > x.start]
            holder = lasting[0] if lasting else top
            if od and holder is not None and holder.start is not None:
                ev.start = ev.end = holder.start if od.group(1).lower() in ("opening", "first") else (holder.end or holder.start)
                break
        if ev.start is not None:
            continue
        names = " ".join(ev.names_en).lower()
        parent = events.get(ev.parent) if ev.parent else top
        if parent is not None and parent.start is not None and re.match(r"(?:the\s+)?(?:opening|closing)\b", names):
            ev.start = ev.end = parent.start if names.lstrip("the ").startswith("opening") else (parent.end or parent.start)
            continue
        for si in sentences:
            s = text.sentences[si]
            sib = [events[k] for _, k in res.linked_in(res.event_of, s.start, s.end) if k != key and events[k].start is not None
                   and events[k].start == events[k].end and events[k].category == "session" and events[k].parent == ev.parent]
            if sib and ev.category == "session":
                ev.start = ev.end = sib[0].start
                break
        if ev.start is not None or top is None or top.start is None or top.end not in (None, top.start):
            continue
        if ev.year not in (None, top.year) or ev.category not in ("forum", "session", "ceremony", "summit", "conference"):
            continue
        if res.events[main].origin == "act":
            told_after = max(((m.start, k2) for m, k2 in res.event_of.items() if m.start < first_mention(ent) and k2 != key),
                             default=(0, ""))[1]
            if told_after and told_after != main and events[told_after].start is not None:
                continue  # (s10-ev) "The alliance's launch event took place … At the same launch, A and B signed an MOU": told after another
                # dated event, not on the day of the signing the release is about
        first_main = min((m.start for m in res.events[main].mentions), default=0)
        if all(m.start > first_main for m in ent.mentions) and not any(
                _PAST_EN.search(text.raw, text.sentences[si].start, text.sentences[si].end)
                or _day_dates(res, text.sentences[si].start, text.sentences[si].end) for si in sentences):
            ev.start = ev.end = top.start  # a part of the one-day event the release is about


def first_mention(e: EventEntity) -> int:
    return min((m.start for m in e.mentions), default=0)


def _distance(text: Text, m: EventMention, d: DateMention) -> int:
    """How far a date stands from an event mention; a date after the mention in its clause comes first."""
    if d.start >= m.end:
        gap = text.raw[m.end:d.start]
        return (d.start - m.end) + (40 if "，" in gap or "," in gap else 0)
    gap = text.raw[d.end:m.start]
    return (m.start - d.end) + 5 + (40 if "，" in gap or "," in gap else 0)


def _sessions(res: Resolved, events: dict[str, Event], main: str) -> None:
    """Sessions numbered in their names (Session 1) get the dates a 「兩個場次(3/23、3/24)」 lists, in order."""
    text = res.text
    numbered = [e for e in events.values() if e.category == "session" and e.session]
    for ev in events.values():
        if ev.category == "session" and ev.session is None:
            m = re.search(r"(?:Session|SESSION|session)\s*(\d+)|第\s*(\d+)\s*場", " ".join(ev.names_zh + ev.names_en))
            if m:
                ev.session = int(m.group(1) or m.group(2))
                numbered.append(ev)
    if not numbered:
        return
    for s in text.sentences:
        sm = _SESSIONS_DATES.search(text.fold, s.start, s.end)
        if not sm:
            continue
        dates = [d for d in _day_dates(res, sm.end() - 1, s.end) if d.start < sm.end() + 40]
        days: list[dt.date] = []
        for d in dates:
            cur = d.date
            while True:
                days.append(cur)
                if d.last is None or cur >= d.last:
                    break
                cur += dt.timedelta(days=1)
        for ev in sorted(numbered, key=lambda e: e.session or 0):
            k = (ev.session or 0) - 1
            if 0 <= k < len(days):
                ev.start = ev.end = days[k]
        break


def _parents(res: Resolved, events: dict[str, Event], main: str) -> None:
    text = res.text
    parts = {k for k, e in res.events.items() if e.part or e.origin != "named"}
    for key in parts:
        ev = events[key]
        if ev.parent:
            continue
        ent = res.events[key]
        if meeting_en(ent):
            ev.parent = _trip_of_meeting(res, key, main)
            continue
        host = ""
        for m in ent.mentions:
            s = text.sentences[text.sentence_of(m.start)]
            bigger = [k for mm, k in _mentions_in(res, s.start, s.end) if k != key and k not in parts]
            if bigger:
                host = bigger[0]
                break
        if not host and main and main != key and main not in parts:
            host = main
        if host and res.events[key].part:
            ev.parent = host
        elif main and main != key and main in res.events and _trip(res.events[main]) and is_call(res.events[key]):
            ev.parent = main  # a call the delegation made (拜會市長) is part of the trip the release tells
    expos = {e.year: e.key for e in events.values() if e.category == "expo" and e.year}
    for ev in events.values():
        if ev.category in ("summit", "forum", "conference", "congress") and not ev.parent and ev.year in expos \
                and expos[ev.year] != ev.key:
            ev.parent = expos[ev.year]


def _trip_of_meeting(res: Resolved, key: str, main: str) -> str:
    """The trip an English meeting was part of: the visit its sentence tells ("began her visit to the United States in
    Manchester, sitting down with Mayor X"), else the release's main event when that is a visit; "" if neither."""
    def trip(k: str) -> bool:
        return k != key and k in res.events and res.events[k].category == "visit" and not meeting_en(res.events[k])

    text = res.text
    for m in res.events[key].mentions:
        s = text.sentences[text.sentence_of(m.start)]
        for _, k in _mentions_in(res, s.start, s.end):
            if trip(k):
                return k
    return main if trip(main) else ""


def _details(res: Resolved, events: dict[str, Event]) -> None:
    text = res.text
    t = text.fold
    for s in text.sentences:
        mentions = _mentions_in(res, s.start, s.end)
        if not mentions:
            continue
        key = mentions[0][1]
        ev = events[key]
        vm = _VENUE.search(t, s.start, s.end)
        if vm and not ev.venue:
            vname = text.raw[vm.start("v"):vm.end("v")]
            vkey = f"venue-{gz.fold(vname)}"
            res.venues.setdefault(vkey, Venue(vkey, vname, "", res.home_place))
            ev.venue = vkey
        if _MIXED.search(t, s.start, s.end):
            ev.mixed_mode = True
        for kind, pat in _FIGURES:
            for fm in pat.finditer(t, s.start, s.end):
                value = int(fm["v"].replace(",", ""))
                if not any(f.kind == kind and f.value == value for f in ev.figures):
                    ev.figures.append(Figure(kind, value, text.span(fm.start(), fm.end())))
