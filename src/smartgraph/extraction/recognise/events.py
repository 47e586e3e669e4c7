"""Event mentions: a name that ends in an event word (論壇, 高峰會, 博覽會, 記者會, 簽約儀式, Summit ...).

The name runs left from the event word to a clause break or a word that is not part of names
(舉行, 出席, 在, 的); a name in quotes is taken whole (「2022國際城市首長論壇」, 「創新設計之都」場次);
「2021 GO SMART Day」記者會 is the event 2021 GO SMART Day. A year (2018, 2017年) or an ordinal
(第5屆) at the start is kept; an English name in brackets after it is its other name. A mention
that is only the event word (記者會, 論壇) is *generic*: resolution ties it to an event named elsewhere.
"""

from __future__ import annotations

import re

from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import DateMention, EventMention
from smartgraph.extraction.names import DELIMS, LATIN, common_word, ends_with, habitual, words
from smartgraph.extraction.text import Text, clause_start, fold, is_han

NAME_LIMIT = 24
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:(?:年|年度)\s*)?")
_ORDINAL = re.compile(r"第\s*([0-9一二兩两三四五六七八九十百]+)\s*(?:屆|届|次|回)")
_CN_NUM = {"一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_SESSION = re.compile(r"\s*(?:Session|SESSION|session)\s*(\d+)|\s*第\s*(\d+)\s*場(?!次)")
_EN_BRACKET = re.compile(rf"\s*[（(]\s*([0-9{LATIN}][0-9{LATIN} &'’.,:\-]{{3,80}}?)\s*[）)]")
_SINGLE_HEAD_BAD_AFTER = set(fold("現開示望期出館區場覽演售銷品延"))
_SINGLE_HEAD_BAD_BEFORE = set(fold("發拓進推開擴施伸延舒招巡策畫影書特個參"))
_TALLY_AFTER = re.compile(fold(r"\s*(?:(?:超過|逾|共|達|約|近|已)\s*)?[0-9一二兩三四五六七八九十百千餘多]+\s*(?:餘\s*)?(?:場|次|屆)"))
_TALLY_BEFORE = re.compile(fold(r"(?:[0-9一二兩三四五六七八九十]+|多|數|幾)次"))
_BAD_AFTER = tuple(fold(w) for w in ("中心", "室", "廳", "桌", "館", "場地", "主席", "秘書", "官網", "網站", "員", "場", "廳"))
_DETERMINERS = tuple(fold(w) for w in ("這場", "這次", "該場", "本場", "此次", "本屆", "該", "本", "此", "各種", "各項", "多場", "一系列", "系列",
                                        "相關", "各國", "多項", "各場", "每年", "年度", "線上", "實體", "視訊", "國際", "其他", "定期"))
_CLASSIFIER = re.compile(fold(r"(?:[0-9]+|[一二兩三四五六七八九十百千]+)\s*(?:場|個|位|項|天|日|國|次|家|件|名|人)$"))
_JOINERS = tuple(fold(w) for w in ("暨", "及", "與", "&", "和"))
_OPENING = tuple(fold(w) for w in ("開幕", "閉幕"))


def _cn_number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if s in _CN_NUM:
        return _CN_NUM[s]
    if s.startswith("十") and len(s) == 2:
        return 10 + _CN_NUM.get(s[1], 0)
    if len(s) == 2 and s[1] == "十":
        return _CN_NUM.get(s[0], 0) * 10
    if len(s) == 3 and s[1] == "十":
        return _CN_NUM.get(s[0], 0) * 10 + _CN_NUM.get(s[2], 0)
    return None


def _quote_before(raw: str, e: int) -> tuple[int, int] | None:
    """The quote that ends at ``raw[e]`` (right before it), as (content start, content end)."""
    if e == 0 or raw[e - 1] not in "」』":
        return None
    k = raw.rfind("「" if raw[e - 1] == "」" else "『", max(0, e - 60), e - 1)
    return (k + 1, e - 1) if k >= 0 else None


def _quote_around(raw: str, s: int, e: int) -> tuple[int, int] | None:
    """The quote that holds ``raw[s:e]``, as (content start, content end)."""
    k = raw.rfind("「", max(0, s - 40), s + 1)
    if k < 0 or "」" in raw[k:s]:
        return None
    close = raw.find("」", e, e + 30)
    if close < 0 or "「" in raw[e:close]:
        return None
    return k + 1, close


def recognise_events(text: Text, dates: list[DateMention], stops: set[int]) -> list[EventMention]:
    """Event mentions; an unquoted name does not run left past a position in ``stops`` (ends of cues, dates, titles)."""
    raw, t = text.raw, text.fold
    date_ends = {d.end for d in dates} | stops
    hits = lx.event_matcher().find(t) + lx.event_matcher_en().find(text.low)
    hits.sort(key=lambda h: h.start)
    out: list[EventMention] = []
    covered_until = -1
    for n, h in enumerate(hits):
        if h.start < covered_until:
            continue
        if h.entry.category == "visit" and not _quote_around(raw, h.start, h.end):
            continue  # a visit is told with a verb (recognise_visits), or named in quotes (「歐洲4國參訪」)
        single = h.end - h.start == 1
        quoted_inside = _quote_around(raw, h.start, h.end)
        if quoted_inside and not _ends_quote(raw, h.end, quoted_inside[1]):
            quoted_inside = None
        if single and ((h.end < len(t) and t[h.end] in _SINGLE_HEAD_BAD_AFTER)
                                             or (h.start > 0 and t[h.start - 1] in _SINGLE_HEAD_BAD_BEFORE)):
            continue
        if h.entry.category == "day" and not quoted_inside:
            continue
        tb = lx.title_matcher().ending_at(t, h.start)
        if tb is not None and not quoted_inside and tb.entry.kind in ("envoy", "staff", "member") and h.end - h.start <= 2:
            continue  # 「在臺代表會議到現場」: representatives, not a meeting
        if any(t.startswith(w, h.end) for w in _BAD_AFTER) and not quoted_inside:
            continue
        if not quoted_inside and (_TALLY_AFTER.match(t, h.end) or _TALLY_BEFORE.search(t, clause_start(t, max(0, h.start - 30), h.start), h.start)):
            continue  # 「媒合會議超過200場」「兩次…辦理線上國際論壇」: a count of events, no one of them
        # a head joined to the next one (論壇暨展覽): the later head ends the name
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        if nxt is not None and nxt.start - h.end <= 2 and any(t.startswith(j, h.end) for j in _JOINERS) and nxt.start > h.end:
            continue
        alt = ""
        quoted = False
        if quoted_inside and quoted_inside[1] - quoted_inside[0] <= 40:
            s, e = quoted_inside
            name = raw[s:e]
            quoted = True
            start, end = s - 1, e + 1
        else:
            # 「X」(English)論壇 / 「X」場次: the quote right before the head
            j = h.start
            br = re.search(rf"[（(][0-9{LATIN} &'’.,:\-]{{3,80}}[）)]\s*$", raw[max(0, j - 90):j])
            if br:
                alt = br.group()[1:-1].strip()
                j -= len(br.group())
            q = _quote_before(raw, j)
            mode = _MODE_BEFORE.search(raw, max(0, j - 4), j) if q is None else None
            if mode is not None:  # (s10-ev) 「古城協議書」線上簽署儀式: how it was held, between the quote and the event word
                q = _quote_before(raw, mode.start())
            if q is not None and q[1] - q[0] <= 40:
                inner = raw[q[0]:q[1]]
                inner_is_event = bool(lx.event_matcher().find(t, q[0], q[1]) or lx.event_matcher_en().find(text.low, q[0], q[1]))
                head = raw[mode.start():h.end] if mode is not None else raw[h.start:h.end]
                name = inner if inner_is_event else inner + head
                quoted = True
                start, end = q[0] - 1, h.end
            else:
                start = _name_start(text, h.start, date_ends)
                name = raw[start:h.end]
                end = h.end
        name = re.sub(r"\s+", " ", name).strip(" 」「『』")
        if not name:
            continue
        m = _EN_BRACKET.match(raw, end)
        if m and not alt and re.search(r"[A-Za-z]{3}", m.group(1)):
            alt = m.group(1).strip()
            end = m.end()
        if alt:
            alt = re.sub(r"\s*,\s*[A-Z]{2,8}$", "", alt)  # 「(Smart City Summit & Expo, SCSE)」: the acronym is not the name
        year = None
        ym = _YEAR.match(name)
        if ym:
            year = int(ym.group(1))
        om = _ORDINAL.search(name)
        ordinal = _cn_number(om.group(1)) if om else None
        core = _YEAR.sub("", name)
        core = _ORDINAL.sub("", core).strip()
        folded_core = fold(core)
        det = next((d for d in _DETERMINERS if folded_core.startswith(d)), "")
        if det and not quoted:
            core = core[len(det):]
            name = name[name.find(core):] if core else name
        if not quoted and re.fullmatch(fold(r"[0-9一二兩三四五六七八九十多數幾]+\s*(?:[個場項屆]\s*)?") + "(?:" + re.escape(fold(raw[h.start:h.end])) + ")",
                                       fold(core)):
            continue  # 「兩場次」「4個分論壇」: several events at once, no one of them
        generic = (not quoted and len(core) <= h.end - h.start + 1) or core in ("本屆", "該")
        sm = _SESSION.match(raw, end)
        if sm and not generic:
            # 「2021智慧城市首長高峰會線上論壇 Session 1」: the session, not a forum of its own
            end = sm.end()
            out.append(EventMention(start, end, raw[start:end], f"{name} {sm.group(0).strip()}", "session", True, quoted,
                                    year, False, "", int(sm.group(1) or sm.group(2))))
        else:
            opening = not quoted and fold(raw[start:h.start]) in _OPENING  # 「開幕嘉年華」: a part of the event it opens
            out.append(EventMention(start, end, raw[start:end], name, h.entry.category, h.entry.part or opening, quoted, year, generic,
                                    alt, ordinal))
        covered_until = end
    return out


_ACT = re.compile(fold(r"(?:簽署|簽訂|簽定|締結|簽下|換約|簽)(?:了)?\s*(?:(?:新一期|一份|兩份|[0-9一二兩三四五]+項)?[^，。；,;]{0,24}?)"))
_TITLE_VISIT = re.compile(fold(r"率團|訪問|拜會|拜訪|首訪|來訪|訪台|訪臺|訪日|訪韓|訪美|訪歐|出訪|參訪|考察|訪(?=[\u4e00-\u9fff]{1,4}(?:市|縣|府|$))"))


_SIGN_AFTER = re.compile(fold(r"[」』]?[^，。；,;]{0,24}?(?:簽署|簽訂|簽約|簽名)"))


def recognise_acts(text: Text, agreements: list[tuple[int, int]]) -> list[EventMention]:
    """Signing acts (簽署「友好城市協定」, 締結友誼城市) as ceremonies, and a visit a headline names (北九州市長首訪高雄)."""
    raw, t = text.raw, text.fold
    out: list[EventMention] = []
    for a, e in agreements:
        s = text.sentences[text.sentence_of(a)]
        m = None
        for mm in _ACT.finditer(t, max(s.start, a - 30), a + 1):
            if mm.end() >= a - 1 or not re.search(r"[，。；,;]", raw[mm.start():a]):
                m = mm
        if m is None or re.search(r"[，。；,;]", raw[m.start():a]):
            after = _SIGN_AFTER.match(t, e, s.end)
            if not after:
                continue
            m = None
            name = re.sub(r"[「」『』\s]", "", raw[a:e]) + "簽署"
            out.append(EventMention(a, after.end(), raw[a:after.end()], name, "ceremony", True, False, None, False, "", None))
            continue
        name = re.sub(r"[「」『』\s]", "", raw[m.start():e])
        out.append(EventMention(m.start(), e, raw[m.start():e], name, "ceremony", True, False, None, False, "", None))
    if text.units and text.units[0].kind == "title":
        u = text.units[0]
        head = re.split(r"[\s　：:！!？?]", raw[u.start:u.end].strip())[0]
        if 4 <= len(head) <= 30 and _TITLE_VISIT.search(fold(head)) and not _ASKED.search(fold(head)):
            out.append(EventMention(u.start, u.start + len(head), head, head, "visit", False, False, None, False, "", None))
    return out


_VISIT = lx.VISIT
# a headline that asks or invites (「是否邀某某訪台」「邀某某訪台」): no visit made
_ASKED = re.compile(fold(r"是否|能否|會否|可否|會不會|有沒有|邀"))
_INVITED = re.compile(fold(r"邀|歡迎|盼|希望|期待|期盼|誠摯|鼓勵|協助"))
# 「應都柏林市長邀請，市長率團出訪愛爾蘭」「受邀訪問」: a visit made at someone's invitation is told
_ACCEPTED = re.compile(fold(r"應|受(?!到)|獲邀"))
_TIMES_AFTER = re.compile(fold(r"[^，。；,;]{0,8}?(?:多達|高達|共|已|達|超過|逾)\s*(?:[0-9]+|[二兩三四五六七八九十百]+)\s*(?:餘\s*)?次"))
_AFTER_WHEN = re.compile(fold(r"(?:之|以)?後(?!續|來|援|盾)"))
_MODE_BEFORE = re.compile(r"(?:視訊|视讯|線上|线上|實體|实体|遠距|远距)$")
_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")
_DAY_FIRST = re.compile(fold(r"(?:(?:今|昨|明|本|前|翌)?[（(]?\d{1,2}[)）]?日|\d{1,2}月\d{1,2}日)(?:上午|下午|晚間|中午|清晨|傍晚)?"))
_NEXT_ACT = re.compile(fold(r"也(?=參訪|參觀|拜會|拜訪|出席|前往|考察)|並(?=參訪|參觀|拜會|拜訪|出席|前往|考察)"))
_LEADING = lx.LEADING
_REMARK = re.compile(fold(r"(?:這|此|也|亦|更|則|而)?\s*是\s*(?:他們|她們|他|她|其)?\s*(?:的)?\s*"
                          r"(?:首次|首度|第一次|第[0-9一二兩三四五六七八九十]+次|再度|再次)?\s*(?:前來|到|來)?\s*"))


# what a page's chrome asks readers to visit: a web site or its mobile version (not 網走市: a name goes on after 網)
_WEB_OBJECT = re.compile(fold(r"[^，。；,;\s]{0,10}?(?:網站|網頁|網|移動版|手機版|行動版|APP|App)(?![\u4e00-\u9fffA-Za-z])"))
_SCAN = re.compile(fold(r"掃描|掃碼|QR\s*code|二維碼|QR碼"), re.I)


def recognise_visits(text: Text) -> list[EventMention]:
    """Visits, calls and meetings the text tells with a verb (率團訪日, 拜會台北市長柯文哲, 訪台, 鳳凰城市長訪問團):
    the clause that tells it is the event's name."""
    raw, t = text.raw, text.fold
    out: list[EventMention] = []
    for m in _VISIT.finditer(t):
        s = text.sentences[text.sentence_of(m.start())]
        if text.units[s.unit].kind in ("title", "subtitle", "caption"):
            continue
        a = max([s.start] + [i + 1 for i in range(max(s.start, m.start() - 30), m.start()) if _CLAUSE_END.match(t[i])])
        e = m.end()
        nxt = _CLAUSE_END.search(t, e, s.end)
        e = min(nxt.start() if nxt else s.end, e + 16)
        if habitual().search(t, a, m.start()):  # 「近年…學生團體常來台」「每年都有訪團來訪」: no one visit
            continue
        if _WEB_OBJECT.match(t, m.end(), e) or _SCAN.search(t, max(a, m.start() - 10), m.start()):
            continue  # 「掃描二維碼訪問某某網移動版」「歡迎訪問本網站」: a site's chrome, a visit to a web page
        if _TIMES_AFTER.match(t, m.end(), e):
            continue  # (s10-ev) 「造訪某地已超過15次」: a count of visits, no one of them
        if t.startswith(fold("過"), m.end()) or (_AFTER_WHEN.match(t, m.end()) and fold("在") in t[a:m.start()]):
            continue  # (s10-ev) 「曾拜訪過某校」「在某議員訪台之後」: a visit once made, a time told by an earlier visit
        lead = _LEADING.match(t, a)
        if lead:
            a = lead.end()
        day = _DAY_FIRST.match(t, a)  # 「26日從北海道搭機到名古屋市拜訪…」: the day and the journey are not the name
        if day:
            a = day.end()
        if t.startswith(fold("從"), a) and m.start() > a:
            a = m.start()
        if _REMARK.fullmatch(t, a, m.start()):
            continue  # (s11-ev) 「…今赴甲市拜會市長，這也是他第一次造訪甲市」: a remark on the visit told before it, no other one
        more = _NEXT_ACT.search(t, m.end(), e)  # 「…拜訪名古屋市長田中一郎也參訪名古屋巨蛋」: the next act is another
        if more:
            e = more.start()
        name = re.sub(r"[「」『』\s]", "", raw[a:e])
        if len(name) < 3 or any(o.start <= m.start() < o.end for o in out[-4:]):  # the visits before it, in text order
            continue
        clause = max([s.start] + [i + 1 for i in range(max(s.start, m.start() - 20), m.start()) if _CLAUSE_END.match(t[i])])
        inv = _INVITED.search(t, clause, m.start())
        if inv and not _ACCEPTED.search(t, max(s.start, inv.start() - 30), inv.start()):
            continue  # 「邀請賀瑞普來台」「歡迎大家再度造訪萊德」「協助學生來台」: an invitation or help, not a visit
        out.append(EventMention(a, e, raw[a:e], name, "visit", False, False, None, False, "", None, m.start()))
    return out


def _name_start(text: Text, hs: int, date_ends: set[int]) -> int:
    """Where an unquoted event name begins: left from its head to a break or a word outside names."""
    raw, t = text.raw, text.fold
    lead = words("event-lead")
    i = hs
    floor = max(0, hs - NAME_LIMIT)
    while i > floor:
        c = t[i - 1]
        if i in date_ends:
            break
        if _CLASSIFIER.search(t, max(0, i - 6), i) and not (i < hs and is_han(t[i]) and common_word(t[i - 1:i + 1])):
            break  # 「3國城市論壇」: a count ends the name, but not where its last character opens a word (「Top7國際論壇」)
        if c in DELIMS and c not in "&·-":
            if c == " " and i >= 2 and (t[i - 2].isalnum() or t[i - 2] == "&") and i < len(t) and (t[i].isascii() or t[i] == "&"):
                i -= 1  # a space inside a Latin name (Smart City Summit)
                continue
            if c == " " and i >= 5 and re.fullmatch(r"(?:19|20)\d{2}", t[i - 5:i - 1]):
                i -= 1  # 「2021 智慧城市論壇暨展覽」: the year before a space
                continue
            break
        if not (is_han(c) or c.isalnum() or c in "&·-"):
            break
        w = ends_with(t, i, lead, floor)
        if w and not (w in _JOINERS and _head_ends_at(t, i - len(w))) and not (i == hs and w in _OPENING):
            break  # 「開幕嘉年華」「閉幕晚宴」: the opening's own event, not a verb before a name
        i -= 1
    if 0 < i < hs - 1 and is_han(t[i - 1]) and is_han(t[i]) and common_word(t[i - 1:i + 1]) and ends_with(t, i, lead, floor):
        i += 1  # 「本次Top 7論壇」: the word that stopped the name ends inside it, so the name begins after that word
    while i < hs and raw[i] == " ":
        i += 1
    return i


def _ends_quote(raw: str, e: int, close: int) -> bool:
    """Whether an event word ends its quote, give or take two Latin words (「Future Cities Briefing Taipei」)."""
    tail = raw[e:close]
    return not tail.strip() or bool(re.fullmatch(rf"(?:\s+[{LATIN}0-9]+){{1,2}}\s*", tail))


def _head_ends_at(t: str, e: int) -> bool:
    return lx.event_matcher().ending_at(t, e) is not None
