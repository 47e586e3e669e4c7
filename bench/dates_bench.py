"""Date recognition time for 10 KB, 100 KB and 1 MB of release-like text (both languages, dense with dates).

    .venv/bin/python bench/dates_bench.py
"""

from __future__ import annotations

import datetime as dt
import time

from smartgraph.dates import recognise_dates

UNIT = ("臺北市長柯文哲今(8)日與布拉格市長於3月27日至30日出席論壇，(3/23、3/24)兩場次，上週閉幕，去(105)年7月曾來訪。"
        "The forum ran from 2 to 4 October 2017, and the mayor left on Monday; the MOU of October 2024 was renewed yesterday. ")


def main() -> None:
    anchor = dt.date(2018, 3, 28)
    for size in (10_000, 100_000, 1_000_000):
        text = (UNIT * (size // len(UNIT) + 1))[:size]
        best = min(_time(text, anchor) for _ in range(3))
        found = len(recognise_dates(text, anchor))
        print(f"{size:>9} chars  {found:>7} mentions  {best:7.3f} s  {best / size * 1e6:6.2f} s/MB")


def _time(text: str, anchor: dt.date) -> float:
    t0 = time.perf_counter()
    recognise_dates(text, anchor)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
