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
