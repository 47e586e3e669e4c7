"""Dates as press releases write them: ROC (Minguo) years, Gregorian, and dates relative to publication.

ROC year + 1911 = Gregorian year: ``110/03/28`` is 2021-03-28, ``105 年 3 月 23 日`` is 2016-03-23.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

ROC_OFFSET = 1911

MONTHS_EN = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}

_SEP = r"\s*[/\-.]\s*"
# Full dates. Each pattern has named groups y (year), m (month), d (day).
FULL_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cjk", re.compile(r"(?P<y>\d{2,4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日號]")),
    ("numeric", re.compile(rf"(?<![\d/])(?P<y>\d{{2,4}}){_SEP}(?P<m>\d{{1,2}}){_SEP}(?P<d>\d{{1,2}})(?![\d/])")),
    ("en-dmy", re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Z][a-z]{2,8})\.?,?\s+(?P<y>\d{4})\b")),
    ("en-mdy", re.compile(r"\b(?P<m>[A-Z][a-z]{2,8})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b")),
]


class DateError(ValueError):
    """A date that names no day of the calendar (ROC 110/13/45, say)."""


def year_from(text: str) -> int:
    """A written year as Gregorian: three digits or fewer are ROC years (``105`` -> 2016)."""
    y = int(text)
    if y < 1000:
        y += ROC_OFFSET
    return y


def make_date(year: str | int, month: str | int, day: str | int) -> dt.date:
    y = year_from(year) if isinstance(year, str) else year
    if isinstance(month, str) and not month.isdigit():
        m = MONTHS_EN.get(month.lower().rstrip("."))
        if m is None:
            raise DateError(f"{month!r} is not a month")
    else:
        m = int(month)
    try:
        return dt.date(y, m, int(day))
    except ValueError as e:
        raise DateError(f"{year}/{month}/{day} is not a calendar date ({e})") from None


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: where (``start``..``end``), the first day it names, and how precisely.

    ``kind`` says how it was written: ``full`` (year, month and day), ``month-day``, ``day``,
    ``relative`` (今天, 昨(7)日, yesterday, on Monday, 上週), ``month`` or ``year``.
    ``last`` is the last day of a range (``3/27~3/30``, ``March 10-13``, ``27、28日``), else None.
    ``precision`` is ``day``, ``week`` (上週: ``date`` its Monday, ``last`` its Sunday), ``month``
    (``date`` is the month's first day, ``last`` its last) or ``year`` (1 January .. 31 December):
    a mention of precision other than ``day`` names no particular day.
    """

    start: int
    end: int
    date: dt.date
    kind: str  # full | month-day | day | relative | month | year
    last: dt.date | None = None
    precision: str = "day"  # day | week | month | year


def parse_date(text: str) -> dt.date:
    """Parse one date written alone (a header field). Raises DateError when there is none or it is impossible."""
    text = text.strip()
    for _, pat in FULL_DATE_PATTERNS:
        m = pat.search(text)
        if m:
            return make_date(m["y"], m["m"], m["d"])
    raise DateError(f"no date in {text!r} (expected e.g. 110/03/28, 105 年 3 月 23 日 or 2021-03-28)")


_MONTH_DAY = re.compile(
    r"(?<![\d/])(?P<m>\d{1,2})\s*(?:/|月)\s*(?P<d>\d{1,2})(?:\s*[日號])?(?![\d/])"
)


def find_dates(text: str, anchor: dt.date | None) -> list[DateMatch]:
    """Every date in ``text``: full ones, and month/day or day-only ones resolved against ``anchor``.

    A partial date takes the anchor's year (and month); if that puts it more than 300 days after
    the anchor it is read as the previous year. Impossible dates are skipped.
    """
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for _, pat in FULL_DATE_PATTERNS:
        for m in pat.finditer(text):
            if not free(m.start(), m.end()):
                continue
            try:
                d = make_date(m["y"], m["m"], m["d"])
            except DateError:
                continue
            found.append(DateMatch(m.start(), m.end(), d, "full"))
            taken.append((m.start(), m.end()))
    if anchor is not None:
        for m in _MONTH_DAY.finditer(text):
            if not free(m.start(), m.end()):
                continue
            try:
                d = make_date(anchor.year, m["m"], m["d"])
            except DateError:
                continue
            if (d - anchor).days > 300:
                d = d.replace(year=d.year - 1)
            found.append(DateMatch(m.start(), m.end(), d, "month-day"))
            taken.append((m.start(), m.end()))
        for m in re.finditer(r"(?<![\d/月.年])(\d{1,2})\s*[日號]", text):
            if not free(m.start(), m.end()):
                continue
            try:
                d = make_date(anchor.year, anchor.month, m.group(1))
            except DateError:
                continue
            if (d - anchor).days > 20:  # "30日" read in early March is February's
                prev = (anchor.replace(day=1) - dt.timedelta(days=1))
                try:
                    d = make_date(prev.year, prev.month, m.group(1))
                except DateError:
                    continue
            found.append(DateMatch(m.start(), m.end(), d, "day"))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


# ----------------------------------------------------------------------------- the recogniser
#
# ``recognise_dates`` finds every date mention of a text in both languages: full dates, month-day
# and day-only dates, ranges and consecutive lists (read as ranges), relative days, weeks, months and
# years, and month-only or year-only mentions (which name no day). Each pattern is anchored on a digit,
# a month name or a fixed word and has bounded quantifiers, so the scan is linear in the text's length.

_EN_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?")
_ORD = r"(?:st|nd|rd|th)?"
_RANGE_SEP_ZH = r"(?:至|到|~|～|－|-|—|–|、)"
_LIST_SEPS = {"、", ",", "，", "and", "及", "和", "與", "与"}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ZH_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_ZH_REL_DAY = {"今": 0, "本": 0, "昨": -1, "明": 1, "前": -2, "後": 2, "后": 2}
_ZH_REL_YEAR = {"今": 0, "本": 0, "去": -1, "明": 1, "前": -2}
_ZH_REL_WEEK = {"上上": -2, "上": -1, "本": 0, "這": 0, "这": 0, "下": 1}
_EN_REL_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}

_P = re.compile
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 2017年10月29日(至11月2日) / 民國110年7月26日 / 2016年5月26日、27日
    # (the first day's 日 may be left out before the range: 2024年3月7至12日)
    ("zh-full", _P(r"(?:民國\s{0,2})?(?<!\d)(?P<y>\d{2,4})\s{0,2}年\s{0,2}(?P<m>\d{1,2})\s{0,2}月\s{0,2}(?P<d>\d{1,2})"
                   r"(?:\s{0,2}[日號号]|(?=\s{0,2}" + _RANGE_SEP_ZH + r"\s{0,2}(?:\d{1,2}\s{0,2}月\s{0,2})?\d{1,2}\s{0,2}[日號号]))"
                   r"(?:\s{0,2}(?P<sep>" + _RANGE_SEP_ZH + r")\s{0,2}(?:(?P<y2>\d{2,4})\s{0,2}年\s{0,2})?(?:(?P<m2>\d{1,2})\s{0,2}月\s{0,2})?"
                   r"(?P<d2>\d{1,2})\s{0,2}[日號号])?")),
    # 3月10日(至13日) / 3月27日至4月2日
    ("zh-md", _P(r"(?<![\d年/.])(?P<m>\d{1,2})\s{0,2}月\s{0,2}(?P<d>\d{1,2})(?:\s{0,2}[日號号]|(?![\d]))"
                 r"(?:\s{0,2}(?P<sep>" + _RANGE_SEP_ZH + r")\s{0,2}(?:(?P<m2>\d{1,2})\s{0,2}月\s{0,2})?(?P<d2>\d{1,2})\s{0,2}[日號号])?")),
    # 3/27~3/30, (3/23、3/24)
    ("slash-md", _P(r"(?<![\d/.\-])(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"
                    r"(?:\s{0,2}(?P<sep>~|～|－|-|—|–|至|到|、|,|，)\s{0,2}(?:(?P<m2>\d{1,2})/)?(?P<d2>\d{1,2})(?![\d/]))?")),
    # 27、28日 / 27日至30日 / 27至30日
    ("zh-day-range", _P(r"(?<![\d/月.年\-:])(?P<d>\d{1,2})\s{0,2}[日號号]?\s{0,2}(?P<sep>" + _RANGE_SEP_ZH + r")\s{0,2}(?P<d2>\d{1,2})\s{0,2}[日號号]")),
    ("zh-day", _P(r"(?<![\d/月.年\-:])(?P<d>\d{1,2})\s{0,2}[日號号](?!本)")),
    # 2024年10月 (month only), 2019年 / 民國99年 (year only)
    ("zh-month", _P(r"(?:民國\s{0,2}(?P<roc>\d{2,3})|(?<!\d)(?P<y>\d{4}))\s{0,2}年\s{0,2}(?P<m>\d{1,2})\s{0,2}月(?!\s{0,2}\d)")),
    ("zh-year", _P(r"(?:民國\s{0,2}(?P<roc>\d{2,3})|(?<!\d)(?P<y>\d{4}))\s{0,2}年(?!\s{0,2}\d{1,2}\s{0,2}月)(?!代|度|級|级)")),
    # 今天 今日 今(8)日 昨(7)日 明(29)日
    # (the word before or after must not make it another word: 說明日本, 至今日本, 資本日)
    ("zh-rel-day", _P(r"(?P<rel>今|本|昨|明|前|後|后)\s{0,2}[(（]\s{0,2}(?P<d>\d{1,2})\s{0,2}[)）]\s{0,2}(?P<u>日)"
                      r"|(?<![至如而迄當当古從从說说表聲声證证透光文發发簡简清分標标指開开精英嚴严日基資资根成原版劇剧課课樣样範范])"
                      r"(?P<rel2>今|本|昨|明)(?P<u2>天|日)(?!本)|(?P<rel3>前|後|后)天"
                      # news style: 「市長陳大同昨與…簽署」「三人昨皆出席」: 昨 alone after its subject, before the verb
                      r"|(?<=[\u4e00-\u9fff])(?P<rel4>昨)(?=[與和同赴抵出率到在於參接會簽舉晚夜午皆也亦並正透舉前])"
                      # (s11-ev) and 今 so: 「平澤市長某某今赴台中拜會…」「兩市今正式締盟」 (not 至今, 如今, 迄今, 現今)
                      r"|(?<=[\u4e00-\u9fff])(?<![至如而迄當当古從从現现自於于])(?P<rel5>今)(?=[與和同赴抵出率到在參接簽舉晚也亦並]|正式)")),
    # 去(105)年7月, 今年, 明年, 去年12月15日
    ("zh-rel-year", _P(r"(?<![\d年十百千幾几多說说表聲声證证透光文發发])(?P<rel>今|本|去|明|前)\s{0,2}(?:[(（]\s{0,2}(?P<y>\d{2,4})\s{0,2}[)）]\s{0,2})?年"
                       r"(?:\s{0,2}(?P<m>\d{1,2})\s{0,2}月(?:\s{0,2}(?P<d>\d{1,2})(?:\s{0,2}[日號号]|(?=\s{0,2}" + _RANGE_SEP_ZH
                       + r"\s{0,2}(?:\d{1,2}\s{0,2}月\s{0,2})?\d{1,2}\s{0,2}[日號号]))(?:\s{0,2}(?P<sep>" + _RANGE_SEP_ZH
                       + r")\s{0,2}(?:(?P<m2>\d{1,2})\s{0,2}月\s{0,2})?(?P<d2>\d{1,2})\s{0,2}[日號号])?)?)?(?!度)")),
    # 上週 上周 本週 下週五
    ("zh-week", _P(r"(?P<rel>上上|上|本|這|这|下)\s{0,2}(?:個|个)?\s{0,2}(?:週|周|星期|禮拜|礼拜)(?P<wd>[一二三四五六日天](?!\d))?")),
    ("zh-rel-month", _P(r"(?P<rel>上|本|這|这|下)\s{0,2}(?:個|个)?\s{0,2}月(?![台臺球亮光餅饼份\d])")),
    # numeric: 2021-03-28, 2022.12.15, 113-01-22, 110/03/28, 06/25/2024
    ("numeric", _P(r"(?<![\d/.\-])(?P<y>\d{4})(?P<s>[-/.])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?!\d)")),
    ("numeric-roc", _P(r"(?<![\d/.\-])(?P<y>\d{2,3})(?P<s>[-/])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})(?![\d/])")),
    ("numeric-us", _P(r"(?<![\d/.\-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?!\d)")),
    # Wed, Jan 15, 2020 / March 13 / Mar. 13, 2026 / Oct. 2-4, 2017 / Sept. 30 to Oct. 3 / December 27 and 28
    ("en-mdy", _P(r"(?P<head>(?:\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s{1,2})?\b(?P<m>" + _EN_MON + r")\s{1,2}"
                  r"(?P<d>\d{1,2})" + _ORD + r"\b(?:,?\s{1,2}(?P<y>\d{4})\b)?)"
                  r"(?:\s{0,2}(?P<sep>-|–|—|to|through|until|and)\s{0,2}(?:(?P<m2>" + _EN_MON + r")\s{1,2})?(?P<d2>\d{1,2})" + _ORD + r"\b(?!\s?%)"
                  r"(?:,?\s{1,2}(?P<y2>\d{4})\b)?)?")),
    # 13 March 2026 / 2 to 4 October / 24 February to 1 March
    ("en-dmy", _P(r"(?P<head>\b(?P<d>\d{1,2})" + _ORD + r"(?:\s{1,2}(?P<m>" + _EN_MON + r"))?(?:,?\s{1,2}(?P<y>\d{4}))?)"
                  r"(?:\s{0,2}(?P<sep>-|–|—|to|and)\s{0,2}(?P<d2>\d{1,2})" + _ORD + r")?\s{1,2}(?P<m2>" + _EN_MON + r")(?:,?\s{1,2}(?P<y2>\d{4})\b)?")),
    # October 2024
    ("en-month", _P(r"\b(?P<m>" + _EN_MON + r")\s{1,2}(?P<y>\d{4})\b(?![/\-.]\d)")),
    ("en-month-rel", _P(r"\b(?P<rel>[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id-?|[Ll]ast|[Nn]ext|[Tt]his)\s{1,2}"
                        r"(?P<m>" + _EN_MON + r")(?!\s{0,2}\d)")),
    # in 2017, since 2010
    ("en-year", _P(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?)\s{1,2}"
                   r"(?P<y>(?:19|20)\d\d)\b(?!\s{0,2}[-–/]\s{0,2}\d)")),
    ("en-rel-year", _P(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s{1,2}(?P<u>year|month|week)\b")),
    # today, yesterday (December 17), this afternoon (27th)
    ("en-rel-day", _P(r"\b(?P<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Tt]his\s{1,2}(?:morning|afternoon|evening))\b"
                      r"(?:\s{0,2}\(\s{0,2}(?:(?P<bm>" + _EN_MON + r")\s{1,2})?(?P<bd>\d{1,2})" + _ORD + r"\s{0,2}\))?")),
    # on Monday, next Friday, Thursday (Aug. 10)
    ("en-weekday", _P(r"\b(?:(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hat)\s{1,2})?"
                      r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                      r"(?:\s{0,2}\(\s{0,2}(?:(?P<bm>" + _EN_MON + r")\s{1,2})?(?P<bd>\d{1,2})" + _ORD + r"\s{0,2}\))?")),
    # (on) the 27th
    ("en-nth", _P(r"\bthe\s{1,2}(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?P<next>\s{1,2}[A-Za-z]{1,12})?")),
]
_NTH_FOLLOWERS = {"of", "and", "to", "through", "at", "in", "when", "with", "as", "after", "before", "until", "from", "that"}


_REL_YEAR_AFTER = re.compile(r",?\s{1,2}(last|next|this)\s{1,2}year\b", re.I)


def _month_of(name: str) -> int:
    return MONTHS_EN[name.lower().rstrip(".")]


def _num(value: str | None) -> int | None:
    return int(value) if value else None


def _date_or_none(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


def _near_year(m: int, d: int, anchor: dt.date) -> dt.date | None:
    """A month and day without a year: in the year (the anchor's, the one before or after) that puts it nearest the anchor."""
    cands = [c for c in (_date_or_none(y, m, d) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if c is not None]
    return min(cands, key=lambda c: abs((c - anchor).days)) if cands else None


def _near_day(d: int, anchor: dt.date, expected: dt.date | None = None) -> dt.date | None:
    """A day of the month alone: the anchor's month, or the previous one when that day lies over 20 days ahead;
    a relative day (昨(7)日) takes the month that puts it nearest ``expected``."""
    prev = anchor.replace(day=1) - dt.timedelta(days=1)
    nxt = _month_end(anchor.year, anchor.month) + dt.timedelta(days=1)
    if expected is not None:
        cands = [c for c in (_date_or_none(prev.year, prev.month, d), _date_or_none(anchor.year, anchor.month, d),
                             _date_or_none(nxt.year, nxt.month, d)) if c is not None]
        return min(cands, key=lambda c: abs((c - expected).days)) if cands else None
    date = _date_or_none(anchor.year, anchor.month, d)
    if date is not None and (date - anchor).days <= 20:
        return date
    return _date_or_none(prev.year, prev.month, d)


def _weekday(anchor: dt.date, wd: int, rel: str) -> dt.date:
    """``on Monday``: the latest Monday on or before the anchor; ``last Monday`` strictly before; ``next Monday`` after;
    ``until Monday`` the first Monday on or after."""
    back = (anchor.weekday() - wd) % 7
    if rel == "next":
        return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    if rel == "until":  # (s11-ev) "the expo runs until Friday": the day a stretch of time ends, on or after the anchor
        return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
    if rel == "last" and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def _build(kind: str, m: re.Match[str], anchor: dt.date | None) -> DateMatch | None:
    g = m.groupdict()
    start, end = m.start(), m.end()

    def day(date: dt.date | None, form: str, last: dt.date | None = None, e: int | None = None) -> DateMatch | None:
        if date is None or (last is not None and last < date):
            return None
        return DateMatch(start, end if e is None else e, date, form, last if last != date else None, "day")

    def period(first: dt.date, last: dt.date, form: str, precision: str) -> DateMatch:
        return DateMatch(start, end, first, form, last, precision)

    def ranged(first: dt.date, y: int, mo: int, form: str) -> DateMatch | None:
        """The day, or the range to the second day (``d2``, in ``m2`` and ``y2`` when they are given)."""
        if g.get("d2"):
            y2 = year_from(g["y2"]) if g.get("y2") else y
            m2 = int(g["m2"]) if g.get("m2") else mo
            last = _date_or_none(y2, m2, int(g["d2"]))
            if last is not None and not g.get("m2") and last < first:
                last = _date_or_none(y2 + (m2 == 12), m2 % 12 + 1, int(g["d2"]))
            elif last is not None and not g.get("y2") and last < first:  # 12月30日至1月2日: into the next year
                last = _date_or_none(y2 + 1, m2, int(g["d2"]))
            if last is None or last <= first or (g["sep"] in _LIST_SEPS and (last - first).days != 1):
                return day(first, form, e=_head_end(m))
            return day(first, form, last)
        return day(first, form)

    if kind in ("zh-full", "numeric", "numeric-roc", "numeric-us"):
        y, mo, d = year_from(g["y"]), int(g["m"]), int(g["d"])
        first = _date_or_none(y, mo, d)
        if first is None or (kind == "numeric-roc" and y < 1912):
            return None
        return ranged(first, y, mo, "full")
    if kind in ("zh-md", "slash-md", "en-mdy", "en-dmy"):
        if kind == "en-dmy":
            mo_name = g["m"] or g["m2"]
            mo = _month_of(mo_name)
        elif kind == "en-mdy":
            mo = _month_of(g["m"])
        else:
            mo = int(g["m"])
        d = int(g["d"])
        ys = g.get("y") or g.get("y2")
        rel_year = _REL_YEAR_AFTER.match(m.string, m.end()) if kind.startswith("en-") and not ys else None
        if ys:
            first = _date_or_none(int(ys), mo, d)
        elif anchor is not None and rel_year is not None:
            # "Nov. 14 last year": the year the words name, not the one nearest the release
            first = _date_or_none(anchor.year + {"last": -1, "next": 1}.get(rel_year.group(1).lower(), 0), mo, d)
            end = rel_year.end()
        elif anchor is not None:
            first = _near_year(mo, d, anchor)
        else:
            return None
        if first is None:
            return None
        form = "full" if ys else "month-day"
        if g.get("d2"):
            m2s = g.get("m2")
            if kind == "en-dmy":
                mo2 = _month_of(g["m2"])
            elif kind == "en-mdy":
                mo2 = _month_of(m2s) if m2s else mo
            else:
                mo2 = int(m2s) if m2s else mo
            y2 = int(g["y2"]) if g.get("y2") else first.year
            last = _date_or_none(y2, mo2, int(g["d2"]))
            if last is not None and last < first:
                last = _date_or_none(y2 + 1, mo2, int(g["d2"]))
            ok = last is not None and last > first and (g["sep"] not in _LIST_SEPS or (last - first).days == 1)
            if kind == "slash-md" and g["sep"] in _LIST_SEPS and not m2s:
                ok = False
            if not ok:
                if kind == "en-dmy" and not g["m"]:
                    return None  # "2 to 4 October" with no range is not "2"
                return day(first, form, e=m.end("head") if g.get("head") else _head_end(m))
            return day(first, form, last)
        return day(first, form)
    if kind in ("zh-day", "zh-day-range"):
        if anchor is None:
            return None
        first = _near_day(int(g["d"]), anchor)
        if first is None:
            return None
        if g.get("d2"):
            last = first.replace(day=1) + dt.timedelta(days=int(g["d2"]) - 1)
            if last.month != first.month or last <= first or (g["sep"] in _LIST_SEPS and (last - first).days != 1):
                return None
            return day(first, "day", last)
        return day(first, "day")
    if kind in ("zh-month", "zh-year"):
        y = year_from(g["roc"]) if g.get("roc") else int(g["y"])
        if kind == "zh-month":
            mo = int(g["m"])
            if not 1 <= mo <= 12:
                return None
            return period(dt.date(y, mo, 1), _month_end(y, mo), "month", "month")
        return period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "year")

    def in_year(y: int) -> DateMatch | None:
        """去(105)年7月, 今年, 本(112)年2月4日: the year, its month or its day."""
        if g["m"]:
            mo = int(g["m"])
            if not 1 <= mo <= 12:
                return None
            if g["d"]:
                first = _date_or_none(y, mo, int(g["d"]))
                return ranged(first, y, mo, "relative") if first is not None else None
            return period(dt.date(y, mo, 1), _month_end(y, mo), "relative", "month")
        return period(dt.date(y, 1, 1), dt.date(y, 12, 31), "relative", "year")

    if kind == "zh-rel-year" and g["y"]:
        return in_year(year_from(g["y"]))  # 本(112)年2月4日 writes its year: no anchor is needed
    if anchor is None:
        return None
    if kind == "zh-rel-day":
        rel = g["rel"] or g["rel2"] or g["rel3"] or g["rel4"] or g["rel5"]
        offset = _ZH_REL_DAY[rel]
        if rel == "本" and g["u2"] == "天":
            return None
        expected = anchor + dt.timedelta(days=offset)
        if g["d"]:
            return day(_near_day(int(g["d"]), anchor, expected), "relative")
        return day(expected, "relative")
    if kind == "zh-rel-year":
        return in_year(anchor.year + _ZH_REL_YEAR[g["rel"]])
    if kind == "zh-week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=_ZH_REL_WEEK[g["rel"]])
        if g["wd"]:
            return day(monday + dt.timedelta(days=_ZH_WEEKDAY[g["wd"]]), "relative")
        return period(monday, monday + dt.timedelta(days=6), "relative", "week")
    if kind == "zh-rel-month":
        shift = {"上": -1, "下": 1}.get(g["rel"], 0)
        n = anchor.year * 12 + anchor.month - 1 + shift
        y, mo = divmod(n, 12)
        return period(dt.date(y, mo + 1, 1), _month_end(y, mo + 1), "relative", "month")
    if kind == "en-month":
        y, mo = int(g["y"]), _month_of(g["m"])
        return period(dt.date(y, mo, 1), _month_end(y, mo), "month", "month")
    if kind == "en-month-rel":
        mo = _month_of(g["m"])
        rel = g["rel"].lower()
        y = anchor.year
        if rel == "last":
            y = anchor.year if mo < anchor.month else anchor.year - 1
        elif rel == "next":
            y = anchor.year if mo > anchor.month else anchor.year + 1
        return DateMatch(m.start("m"), end, dt.date(y, mo, 1), "month", _month_end(y, mo), "month")
    if kind == "en-year":
        y = int(g["y"])
        return DateMatch(m.start("y"), end, dt.date(y, 1, 1), "year", dt.date(y, 12, 31), "year")
    if kind == "en-rel-year":
        shift = {"last": -1, "next": 1, "this": 0}[g["rel"].lower()]
        if g["u"] == "year":
            y = anchor.year + shift
            return period(dt.date(y, 1, 1), dt.date(y, 12, 31), "relative", "year")
        if g["u"] == "month":
            n = anchor.year * 12 + anchor.month - 1 + shift
            y, mo = divmod(n, 12)
            return period(dt.date(y, mo + 1, 1), _month_end(y, mo + 1), "relative", "month")
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=shift)
        return period(monday, monday + dt.timedelta(days=6), "relative", "week")
    if kind in ("en-rel-day", "en-weekday"):
        if kind == "en-rel-day":
            word = g["rel"].lower().split()[0]
            expected = anchor + dt.timedelta(days=_EN_REL_DAY.get(word, 0))
        else:
            rel = (g["rel"] or "").lower()
            expected = _weekday(anchor, _WEEKDAYS.index(g["wd"].lower()), rel)
        if g["bd"]:
            bracket = (_near_year(_month_of(g["bm"]), int(g["bd"]), anchor) if g["bm"]
                       else _near_day(int(g["bd"]), anchor, expected))
            return day(bracket, "relative")
        return day(expected, "relative")
    if kind == "en-nth":
        nxt = (g["next"] or "").strip()
        if nxt and nxt.lower() not in _NTH_FOLLOWERS:
            return None  # the 40th anniversary
        return day(_near_day(int(g["d"]), anchor), "day", e=m.end("d") + 2)
    return None


def _head_end(m: re.Match[str]) -> int:
    """The end of a range's first date when its second part does not make a range."""
    e = m.end("d")
    rest = m.string[e: m.end()]
    k = 0
    while k < len(rest) and rest[k] in " \u3000":
        k += 1
    if rest[k: k + 1] in ("日", "號", "号"):
        return e + k + 1
    suffix = re.match(r"(?:st|nd|rd|th)\b", rest)
    return e + (suffix.end() if suffix else 0)


def recognise_dates(text: str, anchor: dt.date | None) -> list[DateMatch]:
    """Every date mention in ``text``, Chinese or English, in text order, without overlaps.

    Partial and relative mentions are resolved against ``anchor`` (the document's date) and left out
    when it is None. A list of consecutive days (``(3/23、3/24)``, ``27、28日``) is one range.

    >>> d = dt.date(2018, 4, 2)
    >>> [(m.date.isoformat(), m.last and m.last.isoformat(), m.precision) for m in recognise_dates("(3/27~3/30)上週閉幕", d)]
    [('2018-03-27', '2018-03-30', 'day'), ('2018-03-26', '2018-04-01', 'week')]
    >>> [(m.date.isoformat(), m.precision) for m in recognise_dates("去(105)年7月 on Monday", dt.date(2025, 9, 18))]
    [('2016-07-01', 'month'), ('2025-09-15', 'day')]
    """
    text = _ZH_YEAR.sub(lambda m: m.group().translate(_ZH_DIGITS), text)  # 二〇一六年 as 2016年, same length
    text = _ZH_MONTH_DAY.sub(_zh_month_day, text)  # 三月七日 as 3月7日, 十九日 as 19日, 二十五日 as " 25日", same length
    found: list[DateMatch] = []
    n = len(text)
    for master in _MASTERS:
        pos = 0
        while pos < n:
            m = master.search(text, pos)
            if m is None:
                break
            kind, pat = _PATTERNS[int(str(m.lastgroup)[1:])]
            own = pat.match(text, m.start())
            dm = _build(kind, own, anchor) if own is not None else None
            if dm is None:
                pos = m.start() + 1
                continue
            found.append(dm)
            pos = max(dm.end, m.start() + 1)
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[DateMatch] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return _merge(text, out)


# a year written digit by digit in Chinese numerals, zero as 〇, ○, 零 or 0 (二〇一六年, 今(二0二六)年)
_ZH_YEAR = re.compile(r"(?<![一二三四五六七八九十〇○零\d])(?:一九|二[〇○零0])[〇○零0一二三四五六七八九]{2}(?=\s*(?:[)）]\s*)?年)")
_ZH_DIGITS = str.maketrans("〇○零0一二三四五六七八九", "000012345678" + "9")


# a month and day, or a day of 10 to 31, in Chinese numerals (三月七至十二日, 十九日會見): not a count of days (為期十五日, 第十日)
_ZH_MONTH_DAY = re.compile(r"(?<![一二三四五六七八九十〇○零百千\d期續续第每數数約约近逾共])(?:(?P<m>十[一二]|[一二三四五六七八九])月)?"
                           r"(?P<d>[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]|(?<=月)[一二三四五六七八九])"
                           r"(?=日|[至到、～~][一二三四五六七八九十]{1,3}日)")
_ZH_UNITS = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def _zh_small_number(s: str) -> int:
    """一 to 三十九 in Chinese numerals."""
    if "十" not in s:
        return _ZH_UNITS[s]
    tens, _, units = s.partition("十")
    return (_ZH_UNITS[tens] if tens else 1) * 10 + (_ZH_UNITS[units] if units else 0)


def _zh_month_day(m: re.Match[str]) -> str:
    out = ""
    if m["m"]:
        out += str(_zh_small_number(m["m"])).rjust(len(m["m"])) + "月"
    d = _zh_small_number(m["d"])
    if d > 31:
        return m.group()
    return out + str(d).rjust(len(m["d"]))


def _masters() -> list[re.Pattern[str]]:
    """The patterns as three alternations by what they start with (a digit or 民國, a Chinese relative word, a
    Latin letter), each behind a look-ahead that lets the engine skip the characters that cannot start one:
    the text is scanned three times, not once a pattern. At one position the first alternative that
    matches wins, so longer forms come first in ``_PATTERNS``."""
    digit_led = {"zh-full", "zh-md", "slash-md", "zh-day-range", "zh-day", "zh-month", "zh-year",
                 "numeric", "numeric-roc", "numeric-us", "en-dmy"}
    groups: dict[str, list[str]] = {"digit": [], "zh": [], "en": []}
    for i, (kind, pat) in enumerate(_PATTERNS):
        body = re.sub(r"\(\?P<(\w+)>", rf"(?P<g{i}_\1>", pat.pattern)
        body = re.sub(r"\(\?P=(\w+)\)", rf"(?P=g{i}_\1)", body)
        group = "digit" if kind in digit_led else "en" if kind.startswith("en-") else "zh"
        groups[group].append(f"(?P<k{i}>{body})")
    lead = {"digit": r"(?=[\d民])", "zh": r"(?=[今本昨明前後后去上這这下])", "en": r"(?=[A-Za-z])"}
    return [re.compile(lead[g] + "(?:" + "|".join(parts) + ")") for g, parts in groups.items()]


_MASTERS = _masters()


_JOIN_RANGE = re.compile(r"\s{0,3}(?:至|到|~|～|-|–|—|to|through|until)\s{0,3}")
_JOIN_LIST = re.compile(r"\s{0,3}(?:、|,|，|及|和|與|与|and)\s{0,3}")


def _merge(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Adjacent day mentions joined by a range word, or listed on consecutive days, become one range."""
    out: list[DateMatch] = []
    for c in found:
        if out and c.precision == "day" and out[-1].precision == "day":
            a = out[-1]
            gap = text[a.end: c.start]
            a_last = a.last or a.date
            joined = _JOIN_RANGE.fullmatch(gap) or _JOIN_LIST.fullmatch(gap)
            if joined and c.kind == "day" and c.date.day > a_last.day:  # 3月7日、9日: the bare day is in the month before it
                same = _date_or_none(a_last.year, a_last.month, c.date.day)
                if same is not None and same != c.date:
                    c = DateMatch(c.start, c.end, same, c.kind, None if c.last is None else
                                  _date_or_none(same.year, same.month, c.last.day), "day")
            if (_JOIN_RANGE.fullmatch(gap) and c.date > a_last) or (_JOIN_LIST.fullmatch(gap) and (c.date - a_last).days == 1):
                out[-1] = DateMatch(a.start, c.end, a.date, a.kind, c.last or c.date, "day")
                continue
        out.append(c)
    return out
