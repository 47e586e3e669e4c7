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
    """A date found in text: where, what it says, and the day it names."""

    start: int
    end: int
    date: dt.date
    kind: str  # full | month-day | day


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
