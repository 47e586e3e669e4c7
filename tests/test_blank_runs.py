"""Patterns rewritten so that a long run of blanks costs linear time (a leading ``\\s*`` was tried from every blank of
the run; ``\\s*[／/]?\\s*`` split a run two ways at every blank) match exactly where the plain patterns match.
The time itself is measured in bench/extract_bench.py (layout ``blanks``), not here."""

from __future__ import annotations

import random
import re

import pytest

from smartgraph import documents
from smartgraph.extraction.recognise import people, people_en, places

LEADING = [people_en._BRACKET_HAN, people_en._BRACKET_HAN_AT_END, people._BRACKET_LATIN, places._LATIN_PLACE]
PLAIN = {
    "separators": (documents._SEPARATORS, re.compile(r"\s*[｜|│]\s*")),
    "crumb": (documents._CRUMB, re.compile(r"\s*(?:>|＞|»|›|→)\s*")),
}
ALPHABET = [" ", " ", "\t", "\u3000", "\n", "(", ")", "（", "）", "|", "｜", "│", ">", "»", "→", "/", "／",
            "林", "美", "玲", "記者", "報導", "A", "b", "City", " of ", "Ryde", ",", "x"]


def _texts(seed: int, n: int = 20_000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 18))) for _ in range(n)]


@pytest.mark.parametrize("pattern", LEADING, ids=lambda p: p.pattern[:24])
def test_a_bracket_pattern_matches_where_its_plain_form_does(pattern: re.Pattern[str]) -> None:
    assert pattern.pattern.startswith("(?<!\\s)")
    plain = re.compile(pattern.pattern[len("(?<!\\s)"):], pattern.flags)
    for t in _texts(1):
        assert [m.span() for m in pattern.finditer(t)] == [m.span() for m in plain.finditer(t)], t


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_a_separator_pattern_finds_and_splits_as_its_plain_form(name: str) -> None:
    new, plain = PLAIN[name]
    for t in _texts(2):
        assert [m.span() for m in new.finditer(t)] == [m.span() for m in plain.finditer(t)], t
        assert new.split(t) == plain.split(t), t


def test_the_byline_pattern_reads_as_its_plain_form() -> None:
    plain = re.compile(documents._ZH_BYLINE_RE.pattern.replace(r"\s*(?:[／/]\s*)?)?(?:記者", r"\s*[／/]?\s*)?(?:記者", 1))
    assert plain.pattern != documents._ZH_BYLINE_RE.pattern
    lines = [f"{o}{a}{s}{b}記者{n}{c}／{p}報導" for o in ("", "中央社", "自由時報") for a in ("", " ", "   ") for s in ("", "/", "／")
             for b in ("", " ", "\u3000\u3000") for n in ("王小明", "王小明、李大華") for c in ("", " ") for p in ("", "臺北")]
    lines += ["中央社記者王小明臺北報導", "王小明／臺北報導", "記者 王小明 / 臺北報導", *_texts(3, 5_000)]
    for line in lines:
        a, b = documents._ZH_BYLINE_RE.match(line), plain.match(line)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), line
    assert documents._ZH_BYLINE_RE.match("中央社 / 記者王小明／臺北報導") is not None
