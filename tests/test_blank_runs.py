"""Patterns rewritten so that a long run of blanks costs linear time (a leading ``\\s*`` was tried from every blank of
the run; ``\\s*X?\\s*`` split a run two ways at every blank: ``\\s*(?:X\\s*)?`` reads the same) match exactly where the
plain patterns match.
The time itself is measured in bench/extract_bench.py (layout ``blanks``), not here."""

from __future__ import annotations

import random
import re

import pytest

from smartgraph import dates, documents, webpage
from smartgraph.extraction import lexicon
from smartgraph.extraction.recognise import events as recognise_events
from smartgraph.extraction.recognise import people, people_en, places
from smartgraph.extraction.relate import agreements_en, participation, statements
from smartgraph.extraction.relate import events as relate_events
from smartgraph.extraction.resolve import events as resolve_events
from smartgraph.extraction.text import fold

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


# the patterns written ``\s*(?:X\s*)?`` and their plain ``\s*X?\s*`` forms (bench/fillers_bench.py found
# 40,000 blanks after a 論壇 head taking 8 s, 80,000 taking 31 s, through the count test after an event's head)
OPTIONAL = {
    "tally after an event": (recognise_events._TALLY_AFTER,
                             fold(r"\s*(?:超過|逾|共|達|約|近|已)?\s*[0-9一二兩三四五六七八九十百千餘多]+\s*(?:餘)?\s*(?:場|次|屆)")),
    "year of an event": (recognise_events._YEAR, r"^\s*((?:19|20)\d{2})\s*(?:年|年度)?\s*"),
    "year of an event name": (resolve_events._YEAR, r"^\s*(?:19|20)\d{2}\s*(?:年|年度)?\s*"),
    "leading words": (lexicon.LEADING, lexicon.LEADING.pattern.replace(
        fold(r"\s*(?:[(（]\s*)?(?:\d+\s*)?(?:[)）]\s*)?[日天]"), fold(r"\s*[(（]?\s*\d*\s*[)）]?\s*[日天]"))),
    "end of an event": (relate_events._END, fold(r"^\s*(?:已|正式|順利|圓滿)?\s*(?:落幕|閉幕|結束|止|截止)")),
    "sessions' dates": (relate_events._SESSIONS_DATES, fold(r"(?:(?P<n>\d+|[兩二三四五])\s*個?\s*場次|場次)\s*[（(]")),
    "countries": (relate_events._FIGURES[0][1], fold(r"(?P<v>\d[\d,]*)\s*(?:個)?\s*(?:國家|國)(?![內際外家民])")),
    "list gap": (relate_events._LIST_GAP, fold(r"\s*(?:、|及|和|與|暨|以及)?\s*")),
    "clause lead": (participation._LEAD, fold(r"\s*(?:在|於)?\s*")),
    "of an organisation": (people_en._OF_ORG, r"\s*,?\s*(?:of|at|from|with)\s+(?:the\s+)?"),
    "gap before a verb": (statements._GAP_EN, statements._GAP_EN.pattern.replace(r"^\s*(?:,\s*)?(?:", r"^\s*,?\s*(?:", 1)),
    "count line": (documents._COUNT_RE, documents._COUNT_RE.pattern.replace(r"\s*(?:[:：]\s*)?\d", r"\s*[:：]?\s*\d")),
    "English dateline": (documents._EN_DATELINE_RE, documents._EN_DATELINE_RE.pattern.replace(
        r"\s*(?:(?:--|—|–|-|:)\s*)?", r"\s*(?:--|—|–|-|:)?\s*")),
    "you are here": (documents._YOU_ARE_HERE, documents._YOU_ARE_HERE.pattern.replace(r"\s*(?:[:：]\s*)?", r"\s*[:：]?\s*")),
    "Chinese year": (dates._ZH_YEAR, dates._ZH_YEAR.pattern.replace(r"(?=\s*(?:[)）]\s*)?年)", r"(?=\s*[)）]?\s*年)")),
    "page date": (webpage._DATE_SHOWN, webpage._DATE_SHOWN.pattern.replace(r"\s*(?:[:：]\s*)?", r"\s*[:：]?\s*")),
    "relationship they formed": (agreements_en._THEY_FORMED,
                                 r"\s+(?:relationship|relations|ties?|partnership|bond)?\s*(?:that|which)\s+they\s+"),
    "page publisher": (webpage._PUBLISHER_SHOWN, webpage._PUBLISHER_SHOWN.pattern.replace(r"\s*(?:[:：]\s*)?", r"\s*[:：]?\s*")),
}
OPTIONAL_ALPHABET = [" ", " ", "  ", "\t", "\u3000", "\n", "超過", "共", "約", "3", "12", "二", "十", "餘", "場", "次", "屆", "年", "年度",
                     "2019", "今", "(", "（", ")", "）", "日", "天", "已", "正式", "落幕", "止", "個", "場次", "國", "國家", "內", "、",
                     "及", "與", "在", "於", ",", "of", "the", "at", "also", "hits", "瀏覽人次", ":", "：", "--", "—", "TAIPEI",
                     "Kaohsiung", "June 25", "CNA",
                     "relationship", "ties", "that", "which", "they", "目前位置", "二〇一", "〇", "九", "Date", "Source", "x", "A"]


def _optional_texts(seed: int, n: int = 20_000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(OPTIONAL_ALPHABET) for _ in range(rnd.randint(0, 12))) for _ in range(n)]


@pytest.mark.parametrize("name", sorted(OPTIONAL))
def test_an_optional_part_between_blanks_matches_as_its_plain_form(name: str) -> None:
    new, plain_text = OPTIONAL[name]
    plain = re.compile(plain_text, new.flags)
    assert plain.pattern != new.pattern
    for t in _optional_texts(4):
        assert [(m.span(), m.groups()) for m in new.finditer(t)] == [(m.span(), m.groups()) for m in plain.finditer(t)], t
        for pos in range(len(t)):
            a, b = new.match(t, pos), plain.match(t, pos)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (t, pos)
        a, b = new.fullmatch(t), plain.fullmatch(t)
        assert (a and a.span()) == (b and b.span()), t
