import datetime as dt

import pytest

from smartgraph.dates import DateError, find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("110/03/28", dt.date(2021, 3, 28)),
        ("105 年 3 月 23 日", dt.date(2016, 3, 23)),
        ("2021-03-28", dt.date(2021, 3, 28)),
        ("2016年3月23日", dt.date(2016, 3, 23)),
        ("23 March 2016", dt.date(2016, 3, 23)),
        ("March 23, 2016", dt.date(2016, 3, 23)),
    ],
)
def test_header_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


def test_impossible_roc_date_is_an_error() -> None:
    with pytest.raises(DateError, match="not a calendar date"):
        parse_date("110/13/45")


def test_relative_dates_resolve_against_the_publication_date() -> None:
    anchor = dt.date(2021, 3, 28)
    found = [d.date for d in find_dates("已於24日圓滿落幕，兩個場次(3/23、3/24)", anchor)]
    assert found == [dt.date(2021, 3, 24), dt.date(2021, 3, 23), dt.date(2021, 3, 24)]


def test_a_day_well_after_the_anchor_is_read_as_last_month() -> None:
    assert [d.date for d in find_dates("於27日舉行", dt.date(2021, 4, 2))] == [dt.date(2021, 3, 27)]


# ----------------------------------------------------------------------------- recognise_dates

import doctest  # noqa: E402

from smartgraph import dates  # noqa: E402
from smartgraph.dates import recognise_dates  # noqa: E402

A = dt.date(2018, 3, 28)  # a Wednesday


def one(text: str, anchor: dt.date | None = A) -> tuple[str, str, str | None, str]:
    found = recognise_dates(text, anchor)
    assert len(found) == 1, found
    m = found[0]
    return text[m.start: m.end], m.date.isoformat(), m.last.isoformat() if m.last else None, m.precision


@pytest.mark.parametrize(("text", "expected"), [
    # ranges and consecutive lists
    ("(3/27~3/30)", ("3/27~3/30", "2018-03-27", "2018-03-30", "day")),
    ("兩個場次(3/23、3/24)", ("3/23、3/24", "2018-03-23", "2018-03-24", "day")),
    ("於27、28日兩天", ("27、28日", "2018-03-27", "2018-03-28", "day")),
    ("27日至30日", ("27日至30日", "2018-03-27", "2018-03-30", "day")),
    ("3月10日至13日", ("3月10日至13日", "2018-03-10", "2018-03-13", "day")),
    ("2017年10月29日至11月2日", ("2017年10月29日至11月2日", "2017-10-29", "2017-11-02", "day")),
    ("March 10-13", ("March 10-13", "2018-03-10", "2018-03-13", "day")),
    ("from 2 to 4 October", ("2 to 4 October", "2017-10-02", "2017-10-04", "day")),  # the nearer October
    ("Oct. 2-4, 2017", ("Oct. 2-4, 2017", "2017-10-02", "2017-10-04", "day")),
    ("24 February to 1 March", ("24 February to 1 March", "2018-02-24", "2018-03-01", "day")),
    ("on December 27 and 28", ("December 27 and 28", "2017-12-27", "2017-12-28", "day")),
    # relative days against the anchor
    ("今天", ("今天", "2018-03-28", None, "day")),
    ("今日", ("今日", "2018-03-28", None, "day")),
    ("今(28)日", ("今(28)日", "2018-03-28", None, "day")),
    ("昨(27)日", ("昨(27)日", "2018-03-27", None, "day")),
    ("明(29)日", ("明(29)日", "2018-03-29", None, "day")),
    ("昨(28)日", ("昨(28)日", "2018-03-28", None, "day")),  # the bracket wins over the word
    ("去(105)年7月", ("去(105)年7月", "2016-07-01", "2016-07-31", "month")),
    ("上週", ("上週", "2018-03-19", "2018-03-25", "week")),
    ("上周", ("上周", "2018-03-19", "2018-03-25", "week")),
    ("本週", ("本週", "2018-03-26", "2018-04-01", "week")),
    ("明年", ("明年", "2019-01-01", "2019-12-31", "year")),
    ("on Monday", ("on Monday", "2018-03-26", None, "day")),
    ("on Wednesday", ("on Wednesday", "2018-03-28", None, "day")),
    ("next Monday", ("next Monday", "2018-04-02", None, "day")),
    ("yesterday", ("yesterday", "2018-03-27", None, "day")),
    ("today", ("today", "2018-03-28", None, "day")),
    ("this afternoon (27th)", ("this afternoon (27th)", "2018-03-27", None, "day")),
    ("on Thursday (Aug. 10)", ("on Thursday (Aug. 10)", "2018-08-10", None, "day")),
    ("on the 27th", ("the 27th", "2018-03-27", None, "day")),
    # month and day without a year
    ("March 13", ("March 13", "2018-03-13", None, "day")),
    ("13 March", ("13 March", "2018-03-13", None, "day")),
    ("Mar. 13", ("Mar. 13", "2018-03-13", None, "day")),
    # a month and day the words place in a year ("last year" is not the year nearest the release)
    ("on Nov. 14 last year", ("Nov. 14 last year", "2017-11-14", None, "day")),
    ("by May 2 next year", ("May 2 next year", "2019-05-02", None, "day")),
    ("on April 1 this year", ("April 1 this year", "2018-04-01", None, "day")),
    # ROC years
    ("113年1月22日", ("113年1月22日", "2024-01-22", None, "day")),
    ("113-01-22", ("113-01-22", "2024-01-22", None, "day")),
    ("106年10月04日", ("106年10月04日", "2017-10-04", None, "day")),
    ("民國110年7月26日", ("民國110年7月26日", "2021-07-26", None, "day")),
    # date lines
    ("Wed, Jan 15, 2020 - Page 3", ("Wed, Jan 15, 2020", "2020-01-15", None, "day")),
    ("06/25/2024 08:41 PM", ("06/25/2024", "2024-06-25", None, "day")),
    ("2022.12.15 15:41", ("2022.12.15", "2022-12-15", None, "day")),
    # a month or a year names no day
    ("2024年10月", ("2024年10月", "2024-10-01", "2024-10-31", "month")),
    ("October 2024", ("October 2024", "2024-10-01", "2024-10-31", "month")),
    ("1979年", ("1979年", "1979-01-01", "1979-12-31", "year")),
    ("since 2010", ("2010", "2010-01-01", "2010-12-31", "year")),
])
def test_recognised_mentions(text: str, expected: tuple[str, str, str | None, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize("text", ["說明日本的作法", "至今日本仍", "the 40th anniversary", "02-2720-8889 ext. 8551", "明年度預算", "走上月台"])
def test_words_that_are_not_dates(text: str) -> None:
    assert recognise_dates(text, A) == []


def test_a_list_of_days_that_do_not_follow_each_other_stays_two_mentions() -> None:
    found = recognise_dates("3月3日、5日", A)
    assert [(m.date.day, m.last) for m in found] == [(3, None), (5, None)]


def test_without_an_anchor_only_full_dates_and_months_and_years() -> None:
    found = recognise_dates("2019年7月4日 今天 on Monday 3/27 2024年10月", None)
    assert [(m.kind, m.precision) for m in found] == [("full", "day"), ("month", "month")]


def test_find_dates_is_unchanged_for_its_callers() -> None:
    assert [(m.date, m.kind, m.last, m.precision) for m in find_dates("(3/27~3/30)", A)] == [
        (dt.date(2018, 3, 27), "month-day", None, "day"), (dt.date(2018, 3, 30), "month-day", None, "day")]


def test_the_docstrings_examples() -> None:
    result = doctest.testmod(dates)
    assert result.attempted >= 2 and result.failed == 0


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # the first day's 日 left out before the range, after a year written out or told relatively
        ("論壇於2024年3月7至12日舉行", dt.date(2024, 3, 7), dt.date(2024, 3, 12)),
        ("論壇今年3月7至12日舉行", dt.date(2024, 3, 7), dt.date(2024, 3, 12)),
        ("展覽今(113)年3月7至4月2日舉行", dt.date(2024, 3, 7), dt.date(2024, 4, 2)),
        ("活動去年12月30至1月2日舉行", dt.date(2023, 12, 30), dt.date(2024, 1, 2)),
        # a range that runs into the next year names its second month only
        ("活動2024年12月30日至1月2日舉行", dt.date(2024, 12, 30), dt.date(2025, 1, 2)),
    ],
)
def test_a_range_whose_first_day_leaves_out_its_unit_is_one_range(text: str, first: dt.date, last: dt.date) -> None:
    from smartgraph.dates import recognise_dates

    found = recognise_dates(text, dt.date(2024, 5, 20))
    assert [(m.date, m.last) for m in found] == [(first, last)]


@pytest.mark.parametrize("text", ["訪問團於3月7日、9日拜會市長", "訪問團於今年3月7、9日拜會市長", "訪問團於3月7日和9日拜會市長"])
def test_a_bare_day_listed_after_a_date_is_in_that_dates_month(text: str) -> None:
    """Two days that are not consecutive stay two dates; the second, written as a day alone, is in the first's month
    (not the month of the release, May here)."""
    from smartgraph.dates import recognise_dates

    found = recognise_dates(text, dt.date(2024, 5, 20))
    assert [(m.date, m.last) for m in found] == [(dt.date(2024, 3, 7), None), (dt.date(2024, 3, 9), None)]
