"""The word lists of ``data/lexicon``: post titles, organisation types, event words, agreement words and cues.

Each table is loaded once and compiled into an Aho-Corasick automaton (ahocorasick-rs) over its
folded forms, so that finding every entry in a text is one linear pass whatever the size of the
table (a megabyte against the 22,000 GeoNames names takes some 20 ms). Chinese forms are matched in ``Text.fold`` (simplified, so 臺/台 and both scripts match);
English forms in ``Text.low``, whole words only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Generic, NamedTuple, TypeVar

import ahocorasick_rs

from smartgraph.errors import ResourceError
from smartgraph.extraction.text import fold, lower
from smartgraph.resources import LEXICON, resource

T = TypeVar("T")


def rows(name: str, folder: str = LEXICON) -> list[list[str]]:
    """The rows of a bundled tab-separated table (comments and blank lines skipped)."""
    try:
        text = resource(f"{folder}/{name}").read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise ResourceError(f"lexicon file {name} is not UTF-8 ({e})", hint="save it as UTF-8") from None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
        if len(out[-1]) < 2:
            raise ResourceError(f"lexicon file {name}, line {n}: expected tab-separated columns", hint="separate columns with tabs")
    return out


def words(name: str) -> list[str]:
    """The whitespace-separated words of a bundled word list (comment lines skipped)."""
    text = resource(f"{LEXICON}/{name}").read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


def split(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


class Hit(NamedTuple, Generic[T]):
    """One occurrence of a word-list entry (a tuple: the matchers make hundreds of thousands)."""

    start: int
    end: int
    entry: T
    form: str


class Matcher(Generic[T]):
    """Every entry of a word list found in a text, leftmost-longest, non-overlapping."""

    def __init__(self, forms: Iterable[tuple[str, T]], *, latin: bool = False) -> None:
        self.latin = latin
        keys: list[str] = []
        self.payload: list[tuple[T, str]] = []
        seen: set[str] = set()
        for form, entry in forms:
            key = lower(fold(form)) if latin else fold(form)
            if not key or key in seen:
                continue
            seen.add(key)
            keys.append(key)
            self.payload.append((entry, form))
        self.empty = not keys
        self.keys = keys
        self.auto: Any = None if self.empty else ahocorasick_rs.AhoCorasick(keys)
        self._longest: Any = None  # the same keys, leftmost-longest (``find`` of a Chinese list), made at first use

    def all(self, text: str, start: int = 0, end: int | None = None) -> list[Hit[T]]:
        """Every occurrence (overlapping ones too) in ``text[start:end]``."""
        if self.empty:
            return []
        end = len(text) if end is None else end
        # a window is searched as a slice: a look at forty characters costs forty characters
        window = text[start:end] if start or end < len(text) else text
        out: list[Hit[T]] = []
        payload = self.payload
        for i, s, e in self.auto.find_matches_as_indexes(window, overlapping=True):
            s += start
            e += start
            if self.latin and not _word_bounded(text, s, e):
                continue
            entry, form = payload[i]
            out.append(Hit(s, e, entry, form))
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit[T]]:
        """Leftmost-longest occurrences that do not overlap (the automaton's own search where no hit is left out
        afterwards: a Latin one must stand as a whole word, and one that does not must not hide a shorter one)."""
        if not self.latin and not self.empty:
            if self._longest is None:
                self._longest = ahocorasick_rs.AhoCorasick(self.keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
            end = len(text) if end is None else end
            window = text[start:end] if start or end < len(text) else text
            payload = self.payload
            return [Hit(s + start, e + start, *payload[i]) for i, s, e in self._longest.find_matches_as_indexes(window)]
        hits = sorted(self.all(text, start, end), key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit[T]] = []
        taken = -1
        for h in hits:
            if h.start >= taken:
                out.append(h)
                taken = h.end
        return out

    def at(self, text: str, i: int, end: int | None = None) -> Hit[T] | None:
        """The longest entry that starts at ``text[i]``."""
        best = None
        for h in self.all(text, i, min(len(text), i + 40) if end is None else end):
            if h.start == i and (best is None or h.end > best.end):
                best = h
        return best

    def ending_at(self, text: str, e: int) -> Hit[T] | None:
        """The longest entry that ends at ``text[e]``."""
        best = None
        for h in self.all(text, max(0, e - 40), e):
            if h.end == e and (best is None or h.start < best.start):
                best = h
        return best


def _word_bounded(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())


# ----------------------------------------------------------------------------- titles


@dataclass(frozen=True)
class Title:
    key: str
    kind: str  # head | deputy | member | envoy | staff
    scope: str  # city | county | prefecture | state | province | district | township | country | council | agency | org
    zh: tuple[str, ...]
    en: tuple[str, ...]

    @property
    def label_zh(self) -> str:
        return self.zh[0] if self.zh else self.en[0]

    @property
    def label_en(self) -> str:
        return self.en[0] if self.en else self.zh[0]


@cache
def titles() -> dict[str, Title]:
    out: dict[str, Title] = {}
    for r in rows("titles.tsv"):
        r += [""] * (5 - len(r))
        out[r[0]] = Title(r[0], r[1], r[2], split(r[3]), split(r[4]))
    return out


def former(t: Title) -> Title:
    """The post as held before (前市長, former Mayor): a role of its own, so that a former mayor is not called mayor."""
    return Title(f"former-{t.key}", t.kind, t.scope, tuple("前" + z for z in t.zh), tuple("former " + e for e in t.en))


@cache
def title_matcher() -> Matcher[Title]:
    return Matcher((f, t) for t in titles().values() for f in t.zh)


@cache
def title_matcher_en() -> Matcher[Title]:
    return Matcher(((f, t) for t in titles().values() for f in t.en), latin=True)


# ----------------------------------------------------------------------------- organisation types


@dataclass(frozen=True)
class OrgType:
    key: str
    kind: str  # government | council | unit | foreign-office | body | company | education
    zh: tuple[str, ...]
    en: tuple[str, ...]
    label_en: str
    label_zh: str


@cache
def org_types() -> dict[str, OrgType]:
    out = {}
    for r in rows("orgtypes.tsv"):
        r += [""] * (6 - len(r))
        out[r[0]] = OrgType(r[0], r[1], split(r[2]), split(r[3]), r[4], r[5])
    return out


@cache
def _suffixes() -> list[tuple[str, OrgType]]:
    return sorted(((fold(s), o) for o in org_types().values() for s in o.zh), key=lambda x: -len(x[0]))


@lru_cache(maxsize=65536)
def org_type_of(name: str, bare: bool = False) -> OrgType | None:
    """The organisation type told by how ``name`` (folded or not) ends; ``bare`` lets the suffix be the whole name."""
    f = fold(name)
    for suffix, o in _suffixes():
        if f.endswith(suffix) and (len(f) > len(suffix) or bare):
            return o
    return None


@cache
def org_suffix_matcher() -> Matcher[OrgType]:
    return Matcher((s, o) for o in org_types().values() for s in o.zh)


# ----------------------------------------------------------------------------- events, agreements, cues


@dataclass(frozen=True)
class EventWord:
    category: str
    part: bool


@cache
def event_matcher() -> Matcher[EventWord]:
    return Matcher((f, EventWord(r[0], r[1] == "yes")) for r in rows("events.tsv") for f in split(r[2]))


@cache
def event_matcher_en() -> Matcher[EventWord]:
    return Matcher(((f, EventWord(r[0], r[1] == "yes")) for r in rows("events.tsv") for f in split(r[3])), latin=True)


@cache
def event_heads_en() -> frozenset[str]:
    """The English words event names end in (Summit, Forum, Expo, …), one word each."""
    return frozenset(w for r in rows("events.tsv") for f in split(r[3]) for w in f.split())


@cache
def agreement_matcher() -> Matcher[str]:
    return Matcher((f, r[0]) for r in rows("agreements.tsv") for f in split(r[1]))


@cache
def agreement_matcher_en() -> Matcher[str]:
    return Matcher(((f, r[0]) for r in rows("agreements.tsv") for f in split(r[2])), latin=True)


@cache
def cue_matcher(cls: str) -> Matcher[str]:
    return Matcher((f, cls) for r in rows("cues.tsv") if r[0] == cls for f in split(r[1]))


@cache
def cue_matcher_en(cls: str) -> Matcher[str]:
    return Matcher(((f, cls) for r in rows("cues.tsv") if r[0] == cls for f in split(r[2] if len(r) > 2 else "")), latin=True)


@cache
def cue_forms(cls: str) -> tuple[str, ...]:
    """The folded Chinese forms of a cue class, longest first."""
    return tuple(sorted({fold(f) for r in rows("cues.tsv") if r[0] == cls for f in split(r[1])}, key=len, reverse=True))


# ----------------------------------------------------------------------------- names


@cache
def surnames() -> frozenset[str]:
    """Folded Han surnames (Chinese, and Korean ones written in Han characters)."""
    return frozenset(fold(w) for w in words("surnames-zh.txt"))


@cache
def national_bodies() -> tuple[str, ...]:
    """Folded names of Taiwan's central government bodies (data/lexicon/national-bodies.txt)."""
    return tuple(fold(w) for w in words("national-bodies.txt"))


class TaiwanOffice(NamedTuple):
    code: str
    name_zh: str
    name_en: str


@cache
def tw_offices() -> dict[str, TaiwanOffice]:
    """Taiwan's representative office in each country the table lists, by ISO code (data/lexicon/tw-offices.tsv)."""
    return {r[0]: TaiwanOffice(r[0], r[1], r[2] if len(r) > 2 else "") for r in rows("tw-offices.tsv")}


@cache
def tw_office_short_forms() -> dict[str, str]:
    """Folded one-character forms of a country after 駐 (駐日, 駐美) -> its ISO code."""
    return {fold(f): r[0] for r in rows("tw-offices.tsv") if len(r) > 3 for f in split(r[3])}


@cache
def surnames_ja() -> frozenset[str]:
    """Folded Japanese family names (two characters or more)."""
    return frozenset(fold(w) for w in words("surnames-ja.txt"))


@cache
def translit_chars() -> frozenset[str]:
    """Folded characters that Taiwanese usage writes foreign names with (賀, 吉, 普, 斯, 克 ...)."""
    return frozenset(fold(c) for w in words("transliteration.txt") for c in w)


# ----------------------------------------------------------------------------- visits: what recognisers and relation finding share
VISIT_VERB = re.compile(fold(r"(?:率團|率領|帶領|組團)?(?:訪問|出訪|回訪|參訪|拜會|拜訪|考察|會晤|會見|會面|晤談|造訪|接見"
                             r"|訪台|訪臺|來台|來臺|抵台|抵臺|抵達|首訪|訪日|訪韓|訪美|訪歐|赴韓|赴日|赴美|赴歐|蒞臨)"))
# 訪問團, 參訪團, 考察團 are delegations, not the verb: the delegation's own alternative below finds them
VISIT = re.compile(fold(
    r"(?:率團|率領|帶領|組團)?(?:訪問|出訪|回訪|參訪|拜會|拜訪|考察|會晤|會見|會面|晤談|造訪)(?!團)(?=[\u4e00-\u9fffA-Za-z「，。,、])"
    r"|(?:率團|率領)[^，。；,;]{0,12}?(?:訪問團|訪團|代表團)|(?:組團)?(?:訪台|訪臺|來台|來臺|抵台|抵臺|抵達|首訪|訪日|訪韓|訪美|訪歐"
    r"|赴韓|赴日|赴美|赴歐)|來到[^，。；,;]{1,8}拜會|(?:訪問團|訪團|代表團)(?=[，,今昨明於一]|\s)"
    # 「於5日蒞臨嘉義市政府參訪」: the honorific "came to" a government's seat is a visit (not 蒞臨現場, 蒞臨指導)
    r"|蒞臨(?=[\u4e00-\u9fff]{1,5}(?:市政府|縣政府|市府|縣府|市議會|縣議會))"
    # (s9-ev) 「市長於市府接見某市長某某率領的訪問團」: receiving a delegation is the delegation's visit (a call it pays)
    r"|接見(?=[^，。；,;]{2,30}?(?:訪問團|訪團|代表團|參訪團|考察團))"
    # (s10-ev) 「市長於1日接見來自甲市、乙市的市長」: guests received who came from elsewhere
    r"|接見(?=來自)"
    # 「奧克蘭市長親自在市府接待高雄市副市長某某等人」: a guest of rank received at the hosts' seat is a call they paid
    r"|(?:接待|接見)(?=[^，。；,;]{0,12}?(?:市長|副市長|議長|副議長|知事|副知事|州長|省長|大使|總領事|代表)[^，。；,;]{1,12}?(?:等人|一行))"))
# time and linking words a clause may open with before what it tells (今(8)日, 隨後, 並, 上午)
LEADING = re.compile(fold(r"(?:(?:今|昨|明|前)\s*(?:[(（]\s*)?(?:\d+\s*)?(?:[)）]\s*)?[日天]|當天|稍早|日前|隨後|接著|並|也|亦|則|將|再|於|在"
                          r"|上午|下午|晚間|中午|\d+時(?:\d+分)?|[0-9]+月[0-9]+日|此外|另外)+"))
