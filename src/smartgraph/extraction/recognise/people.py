"""People named in Chinese text, with the posts the same words give them.

- a title, then a name: 「臺北市長林大同」「市長桑托斯(Maria Santos)」「副市長 Anna Kovács-Horváth」
- a name, then a title: 「王小明副市長」「田中一郎市長指出」「Kowalski副市長」; a surname and a title
  (林市長, 田中市長) is a *short* mention that only coreference can name;
- posts joined before one name: 「臺北市政府資訊局局長兼市長室國際事務顧問陳小華」,
  「某城市聯盟主席、臺北市長林大同」, 「會長、荷蘭籍的Jan de Vries」;
- a name with its Latin form in brackets: 「諾拉（Nora Aziz）」;
- an honorific after a name: 「Maria Santos女士」「Peter Brandt博士」.
What stands before a title back to a clause break is kept, unparsed, as the post's affiliation.
"""

from __future__ import annotations

import bisect
import re
import sys
from functools import cache

from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import (
    CountryMention,
    CueMention,
    DateMention,
    NameMention,
    PersonMention,
    PlaceMention,
    TitleMention,
)
from smartgraph.extraction.names import (
    DELIMS,
    LATIN,
    LATIN_CHAR,
    NameScorer,
    adverb_across,
    ends_with,
    latin_name_at,
    latin_name_before,
    lead_ends_stretch,
    name_char,
    starts_with,
    words,
)
from smartgraph.extraction.text import Ranges, Text, fold, is_han

ACCEPT = 3.0  # the least score a Han name after or before a title needs
HONORIFICS = ("先生", "女士", "博士", "教授", "閣下", "小姐")
_BRACKET_LATIN = re.compile(rf"(?<!\s)\s*[（(]\s*([{LATIN}][{LATIN}'’.\- ,]{{1,60}}?)\s*[）)]")
_HONORIFICS_FOLDED = tuple(fold(h) for h in HONORIFICS)
_LATIN_COURTESY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|H\.?E)\.?\s+", re.IGNORECASE)
_NATIONALITY = re.compile(r"、?\s*(?:[\u4e00-\u9fff]{1,6}籍(?:的)?)?\s*")
_CHAIN = tuple(fold(w) for w in ("兼", "暨", "、", "及"))
AFF_LIMIT = 40
_CLOSE_QUOTES = {fold("」"): fold("「"), fold("』"): fold("『"), "”": "“"}
_EAST_ASIA = ("TW", "CN", "JP", "KR", "HK", "MO", "SG")  # names there are not transliterated
_SHARES = fold("(股)")  # how a company limited by shares (股份有限公司) is shortened
_POSTED = fold("駐")
_SURNAME_WORD = re.compile(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?")  # Smith, Walker, Garcia-Lopez; not an acronym (AIT)
_SAID_WORDS = tuple(fold(w) for w in ("表示", "指出", "強調", "說", "致詞", "認為", "提到", "感謝", "也", "則", "並"))
_COUNTED_BEFORE = re.compile(fold(r"等\s*(?:\d{1,3}|[一二三四五六七八九十兩]{1,3})\s*(?:位|名|人)$"))


@cache
def _lead_start() -> re.Pattern[str]:
    """A lead word alone (與, 以及): what stands between a list's break and a title opens no affiliation."""
    return re.compile("|".join(map(re.escape, words("lead-start"))) + r"|\s*")


def _in_party(t: str, a: int, e: int) -> bool:
    """Whether position ``a`` falls inside a party's name before ``e`` (自由民主黨: 由 is no lead word there)."""
    for p in words("party"):
        if len(p) >= 4:
            k = t.find(p, max(0, a - len(p) + 1), min(e, a + len(p) - 1))
            if 0 <= k < a:
                return True
    return False


def _affiliation_start(text: Text, e: int, floor: int, inside: frozenset[int] = frozenset()) -> int:
    """Where the affiliation before position ``e`` begins: back to a clause break, a name or a lead word (not one inside
    a place's name, ``inside``: 首爾特別市 holds 特別)."""
    t = text.fold
    strong = words("lead")
    a = e
    if ends_with(t, a, strong) and not ends_with(t, a, words("lead-start")):
        return e
    if a - 1 > floor and t[a - 1] in _CLOSE_QUOTES:  # 「「北方青年協會」會長王大明」: the body's name in quotes
        k = t.rfind(_CLOSE_QUOTES[t[a - 1]], max(floor, a - AFF_LIMIT), a - 1)
        if k >= 0 and k + 2 < a - 1 and not any(c in DELIMS for c in t[k + 1:a - 1]):
            return k + 1
    while a > floor and e - a < AFF_LIMIT:
        c = t[a - 1]
        if c == ")" and a - 3 >= floor and t[a - 3: a] == _SHARES:  # 南方企業(股)公司: a company limited by shares
            a -= 3
            continue
        if c == ")":  # 長堤市(City of Long Beach)市長: a bracket inside the affiliation
            k = t.rfind("(", max(floor, a - 70), a - 1)
            if (k >= 0 and re.fullmatch(rf"[{LATIN}0-9 ,.&'’\-]+", text.raw[k + 1: a - 1]) and a == e) or \
                    (k >= 0 and re.fullmatch(rf"[{LATIN}0-9 ,.&'’\-]+", text.raw[k + 1: a - 1]) and not starts_with(t, a, words("lead-start"))):
                a = k
                continue
            break
        if c == " " and a >= 2 and a < len(t) and re.match(f"[{LATIN}0-9&]", t[a - 2]) and re.match(f"[{LATIN}0-9&]", t[a]):
            a -= 1  # a space inside a Latin name (GO SMART)
            continue
        if c in DELIMS and c not in "·-":
            break
        if a < e and lead_ends_stretch(t, a) and not ends_with(t, a, words("lead-start")) and not _in_party(t, a, e) \
                and a not in inside:
            break
        a -= 1
    # 「出發前曾經與外交部前部長」: an adverb and 與 (曾經與, 已和, 也跟) join a clause to the body, no name holds them
    joined = [m for m in _ADVERB_WITH.finditer(t, a, e) if m.end() < e]
    if joined:
        a = joined[-1].end()
    # lead words (以及, 包括, 由, 與 ...) open the stretch but are not part of it
    changed = True
    while changed and a < e:
        changed = False
        lead = starts_with(t, a, words("lead-start")) or starts_with(t, a, strong)
        if lead and a + len(lead) < e:
            a += len(lead)
            changed = True
    while a < e and t[a] == " ":
        a += 1
    return a


_ADVERB_WITH = re.compile(fold(r"(?:曾經|已經|曾|已|將|也|亦|並|都|均|還|再)(?:與|和|跟|同)"))
_REGION_TAIL = re.compile(fold(r"(?:亞洲|歐洲|亞太|亞太區|亞太地區|大中華區|台灣區|臺灣區|北美|北美區|全球|東亞|東南亞|中東)$"))
_BODY_ENDS = tuple(fold(w) for w in ("協會", "學會", "公會", "商會", "公司", "集團", "基金會", "聯盟", "組織", "委員會", "總會", "研究院", "研究所"))
_PARTY_MEMBER = re.compile(fold(r"(?:籍|團|團總召|團召集人|團幹事長)?$"))
_ANY_PARTY = re.compile(fold(r"[\u4e00-\u9fff]{1,6}黨籍$"))


# 「華裔市長」「日裔議員」: a descent before a title, not a name
_DESCENT = re.compile(fold(r"[華日韓台臺亞非歐美印越泰菲德法義英]裔"))
_SIDE_BEFORE = re.compile(fold(r"(?:方面|方)(?:則|也|亦|是)?(?:由|為|有)$"))


@cache
def _party_label() -> re.Pattern[str]:
    """A party's name and 籍 (國民黨籍, 無黨籍): what a politician's name follows."""
    return re.compile("(?:" + "|".join(map(re.escape, words("party"))) + ")" + fold("籍"))


_PARTY_POSTS = frozenset(("secretary-general-jp", "acting-secretary-general-jp"))


def party_cut(t: str, a: int, e: int) -> int:
    """Where an affiliation ``t[a:e]`` ends once a party label before the title is left out: 「國民黨籍市議員」
    「臺北市議會民進黨團議員」 name the member's party, not the body of the post (that is the city's council)."""
    if e <= a:
        return e
    if t[e - 1] in _CLOSE_QUOTES:  # 「北方青年協會」會長: the quotes close the body's name
        return e - 1
    k = e
    tail = _PARTY_MEMBER.search(t, a, e)
    if tail is not None and tail.start() < e:
        k = tail.start()
    party = ends_with(t, k, words("party"), a)
    if party:
        return k - len(party)
    if _ANY_PARTY.fullmatch(t, a, e):  # 「某某黨籍議員」: a party no list names, the whole stretch is its label
        return a
    region = _REGION_TAIL.search(t, a, e)
    if region is not None and region.start() > a and ends_with(t, region.start(), _BODY_ENDS, a):
        return region.start()  # 「某國電動車產業協會亞洲代表」: the region the post covers, after the body's name
    return e


def _latin_alt(s: str) -> str:
    """A Latin name in brackets without its courtesy title: 「(Mr. John Doe)」 names John Doe."""
    s = s.strip()
    bare = _LATIN_COURTESY.sub("", s)
    return bare if " " in bare else s


@cache
def _verbs_after() -> tuple[str, ...]:
    """Words of two or more characters that end a stretch before a name or follow one (見證, 出席, 表示): no name
    begins with them."""
    return tuple(w for w in (*words("lead"), *words("follow")) if len(w) > 1)


class PeopleRecogniser:
    def __init__(self, text: Text, titles: list[TitleMention], places: list[PlaceMention], countries: list[CountryMention],
                 cues: list[CueMention], dates: list[DateMention]) -> None:
        self.text = text
        self.titles = titles
        self.title_at: Ranges[TitleMention] = Ranges(titles, lambda m: m.start, lambda m: m.end)
        starts = {m.start for m in (*titles, *places, *countries, *dates)} | {c.start for c in cues if c.end - c.start > 1}
        ends = {m.end for m in (*titles, *places, *countries, *dates)} | {c.end for c in cues if c.end - c.start > 1}
        self.scorer = NameScorer(text.fold, starts, ends)
        self.geo: Ranges[CountryMention | PlaceMention] = Ranges([*countries, *places], lambda m: m.start, lambda m: m.end)
        self.title_starts = {m.start for m in titles}
        self.known_spans = {(m.start, m.end) for m in (*places, *countries)} | {(m.start, m.start + len(m.name)) for m in places}
        self.out: list[PersonMention] = []
        # positions inside a place's or country's name, where a lead word is part of the name (首爾特別市)
        self.geo_inner = frozenset(i for m in (*places, *countries) for i in range(m.start + 1, m.end))
        # where a date of a day ends (今(12)日, 3月5日): what follows is a new stretch, no affiliation runs back over it
        self.day_ends = sorted(d.end for d in dates if d.kind in ("full", "month-day", "day", "relative"))

    # ------------------------------------------------------------------ names after and before a title
    def origin(self, a: int, e: int) -> str:
        """The country an affiliation before a title ties a name to: its first country (日本台灣交流協會某地事務所 is
        Japanese), else its last place; an empty one takes the last country or place the sentence named before it."""
        inside = [m for m in self.geo.starting(a, e + 1) if m.end <= e + 1]
        if not inside and a == e:
            s = self.text.sentences[self.text.sentence_of(e)]
            inside = [m for m in self.geo.starting(s.start, e) if m.end <= e][-1:]
        # 「台北駐日經濟文化代表處橫濱分處長」「駐日代表處」: where a mission is posted (駐) is not where its staff come from
        posted = self.text.fold.find(_POSTED, a, e)
        if posted >= 0:
            inside = [m for m in inside if m.end <= posted]
        for m in inside:
            if isinstance(m, CountryMention):
                return m.code
        return inside[-1].country if inside and isinstance(inside[-1], PlaceMention) else ""

    def name_after(self, te: int, limit: int, origin: str = "") -> NameMention | None:
        raw, t = self.text.raw, self.text.fold
        i = te
        m = _NATIONALITY.match(t, i)
        skip = m.end() if m and m.end() > i and (t[i] == "、" or "籍" in t[i:m.end()]) else i
        for start in dict.fromkeys((i, skip)):
            j = start
            while j < limit and raw[j] == " ":
                j += 1
            if j < limit and LATIN_CHAR.match(raw[j]):
                lat = latin_name_at(raw, j)
                if lat is None:
                    # 「市長 Smith表示」: one capitalised word, then a word that follows names (表示, 說) or a clause break,
                    # is a family name alone
                    one = latin_name_at(raw, j, single=True)
                    if one is not None and _SURNAME_WORD.fullmatch(raw[one[0]:one[1]]) and \
                            (one[1] >= len(t) or t[one[1]] in "，。、；,;" or starts_with(t, one[1], _SAID_WORDS)):
                        lat = one
                if lat and lat[1] <= limit:
                    return NameMention(lat[0], lat[1], raw[lat[0]:lat[1]], "latin", self._bracket_han(lat[1]))
                continue
            if start != i or j >= limit or not is_han(t[j]) or j in self.title_starts:
                continue
            if starts_with(t, j, _verbs_after()):
                continue  # 「謝大同代表見證下」「市長表示」: a verb right after the title; the name is before it
            if j == te and adverb_across(t, j):
                return None
            # a Han name with its Latin form in brackets: the whole run up to the bracket
            r = self.scorer.run_after(j, limit=12)
            br = _BRACKET_LATIN.match(raw, r)
            if br and 2 <= r - j <= 10 and self.scorer.shape(t[j:r], origin) > -9 and self._latin_is_person(br.group(1)):
                h = ends_with(t, r, _HONORIFICS_FOLDED, lo=j + 2)  # 「希馬斯先生(Remi Simas)」: the name without 先生
                return NameMention(j, r - len(h), raw[j:r - len(h)], "han", _latin_alt(br.group(1)), 1.0)
            cand = self.scorer.best_after(j, origin=origin)
            shape = self.scorer.shape(t[cand.start:cand.end], origin) if cand else -9.0
            strong = shape >= 2.0 and cand is not None and cand.score >= ACCEPT - 2.5  # a title, then a typical full name
            if cand and (cand.score >= ACCEPT or strong) and cand.end <= limit and shape > 0:
                br = _BRACKET_LATIN.match(raw, cand.end)
                alt = _latin_alt(br.group(1)) if br and self._latin_is_person(br.group(1)) else ""
                return NameMention(cand.start, cand.end, raw[cand.start:cand.end], "han", alt, min(1.0, cand.score / 8))
        return None

    def name_before(self, ts: int, floor: int) -> tuple[NameMention, bool] | None:
        """A name right before a title; the flag tells a bare surname (a short mention)."""
        raw, t = self.text.raw, self.text.fold
        j = ts
        while j > floor and raw[j - 1] == " ":
            j -= 1
        if j > floor and LATIN_CHAR.match(raw[j - 1]):
            lat = latin_name_before(raw, j)
            if lat and lat[0] >= floor:
                single = " " not in raw[lat[0]:lat[1]].strip()
                return NameMention(lat[0], lat[1], raw[lat[0]:lat[1]], "latin"), single
            return None
        if j > floor and raw[j - 1] in ")）":
            return self._bracketed_before(j, floor)
        if j <= floor or not is_han(t[j - 1]):
            return None
        cand = self.scorer.best_before(j)
        if cand and cand.start >= floor and cand.score >= ACCEPT and self.scorer.shape(t[cand.start:cand.end]) > 0 \
                and (cand.start, cand.end) not in self.known_spans and not _DESCENT.fullmatch(t, cand.start, cand.end):
            return NameMention(cand.start, cand.end, raw[cand.start:cand.end], "han", "", min(1.0, cand.score / 8)), False
        # 「拜會卡皮斯省…，同時與帕拉西歐斯省長會晤」: a transliterated name where the sentence is about a foreign place
        origin = self.origin(ts, ts)
        if origin and origin not in _EAST_ASIA:
            cand = self.scorer.best_before(j, origin=origin)
            if cand and cand.start >= floor and cand.score >= ACCEPT and self.scorer.shape(t[cand.start:cand.end], origin) > 0 \
                    and (cand.start, cand.end) not in self.known_spans and not self.geo.starting(cand.start, cand.end):
                return NameMention(cand.start, cand.end, raw[cand.start:cand.end], "han", "", min(1.0, cand.score / 8)), False
        placed = self._name_after_place(j, floor)
        if placed is not None:
            return placed, False
        # a surname alone before a title: 林市長, 田中市長, 李廳長
        for k in (2, 1):
            a = j - k
            if a < floor or not all(is_han(c) for c in t[a:j]):
                continue
            if self.scorer.start_boundary(a) <= 0 and not self.geo.ending(a - 1, a):
                continue
            sur = t[a:j]
            if (k == 1 and sur in lx.surnames()) or (k == 2 and (sur in lx.surnames_ja() or sur in lx.surnames())):
                return NameMention(a, j, raw[a:j], "han", "", 0.5), True
        return None

    def _bracketed_before(self, j: int, floor: int) -> tuple[NameMention, bool] | None:
        """「鳳凰城安東尼(Anthony Brook)市長」: a transliterated name with its Latin form in brackets, right before a title."""
        raw, t = self.text.raw, self.text.fold
        k = max(raw.rfind("(", max(floor, j - 70), j), raw.rfind("（", max(floor, j - 70), j))
        if k < 0:
            return None
        br = _BRACKET_LATIN.match(raw, k)
        if br is None or br.end() != j or not self._latin_is_person(br.group(1)):
            br = None
        e = k
        while e > floor and raw[e - 1] == " ":
            e -= 1
        if br is None or e <= floor or not is_han(t[e - 1]):
            return None
        cand = self.scorer.best_before(e, min_len=2, max_len=8)
        # a Latin name in brackets and a title after it: a weaker Han run than alone will do (「參議會安娜(Anna Berg)代議長」)
        if cand is None or cand.start < floor or cand.score < ACCEPT - 1.5 or not self._looks_foreign(t[cand.start:e]) \
                or (cand.start, e) in self.known_spans:
            return None
        return NameMention(cand.start, e, raw[cand.start:e], "han", _latin_alt(br.group(1)), min(1.0, cand.score / 8)), False

    def _name_after_place(self, j: int, floor: int) -> NameMention | None:
        """「日本京都市門田大作市長」: a name between a foreign place and its title is read as that country's names
        are shaped (a Japanese name of four characters whose family name is not listed)."""
        t, raw = self.text.fold, self.text.raw
        for m in reversed(self.geo.ending(max(floor, j - 8), j - 1)):
            origin = m.code if isinstance(m, CountryMention) else m.country
            if not origin or origin in ("TW", "CN") or not all(is_han(c) for c in t[m.end:j]):
                continue
            # 「日本某縣議會甲乙丙丁議員」: the place's council between the place and the name
            at = m.end + 2 if t.startswith(fold("議會"), m.end) and j - m.end >= 5 else m.end
            cand = self.scorer.best_before(j, min_len=3, max_len=6, origin=origin)
            if cand and cand.start == at and cand.score >= ACCEPT and self.scorer.shape(t[cand.start:j], origin) > 0 \
                    and (cand.start, j) not in self.known_spans and not self.geo.starting(cand.start, j):
                return NameMention(cand.start, j, raw[cand.start:j], "han", "", min(1.0, cand.score / 8))
            return None
        return None

    def score_before(self, ts: int, floor: int) -> float:
        """The score of the best full name right before a title (to weigh it against one after it)."""
        t = self.text.fold
        j = ts
        if j <= floor or not is_han(t[j - 1]):
            return -9.0
        cand = self.scorer.best_before(j)
        if cand is None or cand.start < floor or self.scorer.shape(t[cand.start:cand.end]) <= 0 \
                or (cand.start, cand.end) in self.known_spans:
            return -9.0
        return cand.score

    def _bracket_han(self, e: int) -> str:
        m = re.match(r"\s*[（(]([\u4e00-\u9fff·]{2,8})[）)]", self.text.raw[e:e + 14])
        if not m or re.fullmatch(r"[左右中前後后上下一二三四五六七八九十第排]+", m.group(1)):
            return ""
        return m.group(1)

    @staticmethod
    def _latin_is_person(s: str) -> bool:
        found = latin_name_at(s.strip(), 0)
        return found is not None and found[1] == len(s.strip())

    # ------------------------------------------------------------------ the pass over titles
    def title_is_post(self, tm: TitleMention, aff: tuple[int, int]) -> bool:
        """代表 is a post after an office (辦事處代表, 駐日代表), a verb elsewhere (代表市府受獎)."""
        if tm.title.key not in ("representative", "chief-representative"):
            return True
        a, e = aff
        stretch = self.text.fold[a:e]
        return bool(stretch) and bool(re.search(fold(r"(辦事處|代表處|代表部|協會|委員會|館|駐|組織|聯盟|商會|公司|局|處|辦公室|事務所)"), stretch))

    def _after_where(self, a: int, e: int) -> int:
        """「簽署儀式在駐日本代表處謝大同代表見證下」: the affiliation begins after 在 when an office (駐...) or a
        country or place follows it; what stands before 在 is the scene, not the body."""
        t = self.text.fold
        k = t.rfind(fold("在"), a, e)
        if k < 0 or k + 1 >= e:
            return a
        if t[k + 1] == fold("駐") or self.geo.starting(k + 1, k + 2):
            return k + 1
        return a

    def _side(self, i: int, floor: int) -> tuple[int, int] | None:
        """「甲市方則由市長王小明、副市長陳小華出席」: the place whose side (X方, X方面) a clause speaks for is the affiliation
        of the bare title that opens it."""
        m = _SIDE_BEFORE.search(self.text.fold, max(floor, i - 8), i)
        if m is None:
            return None
        geo = self.geo.ending(m.start() - 1, m.start() + 1)
        return next(((g.start, g.end) for g in geo if g.end == m.start() and g.start >= floor), None)

    def _title_after_bracket(self, name: NameMention, nxt: TitleMention | None) -> TitleMention | None:
        """The title that follows a name's Latin form in brackets right away, if one does."""
        if nxt is None or not name.alt or name.script != "han":
            return None
        br = _BRACKET_LATIN.match(self.text.raw, name.end)
        if br is None:
            return None
        j = br.end()
        while j < nxt.start and self.text.raw[j] == " ":
            j += 1
        return nxt if j == nxt.start and self.title_is_post(nxt, (name.start, name.start)) else None

    def _day_before(self, i: int) -> int:
        """Where the last date of a day before ``i`` ends (0 if none): 「今(12)日上午北方大學校長…」 opens the body's name
        after the date, not inside it."""
        k = bisect.bisect_right(self.day_ends, i)
        return self.day_ends[k - 1] if k else 0

    def _ends_with_name(self, e: int) -> bool:
        return any(p.name.end == e for p in self.out)

    def run(self) -> list[PersonMention]:
        text = self.text
        t = text.fold
        titles = self.titles
        pending: list[tuple[TitleMention, tuple[int, int]]] = []  # posts waiting for the name after a 兼/暨/、 chain
        taken_until = 0
        for n, tm in enumerate(titles):
            s = text.sentences[text.sentence_of(tm.start)]
            floor = max(s.start, taken_until)
            if tm.start < floor:
                continue
            floor = max(floor, self._day_before(tm.start))
            nxt = titles[n + 1].start if n + 1 < len(titles) else s.end
            limit = min(s.end, nxt if nxt > tm.end else s.end)
            aff_start = _affiliation_start(text, tm.start, floor, self.geo_inner)
            # 「日本某某黨幹事長代行甲」: a party's own post (幹事長) is in the party, whose name is its body
            aff = (aff_start, tm.start if tm.title.key in _PARTY_POSTS else party_cut(t, aff_start, tm.start))
            if aff[0] == aff[1]:
                aff = self._side(aff_start, floor) or aff
            name = self.name_after(tm.end, limit, self.origin(aff_start, tm.start))
            if name is not None and name.script == "han" and not pending:
                # 「王小明副市長維也納代表受獎」: a better name before the title wins over a weak one after it
                sb = self.score_before(tm.start, floor)
                if sb > 8 * name.conf + 1:
                    name = None
            if name is not None:
                if not self.title_is_post(tm, aff) and not pending:
                    continue
                posts = (*pending, (tm, aff))
                start = min(p[1][0] for p in posts)
                bare = aff_start == tm.start or not t[aff_start:tm.start].strip() or bool(
                    _lead_start().fullmatch(t[aff_start:tm.start].strip())) or t[aff_start:tm.start] in words("former")
                inherit = bare and (self._after_list_break(aff_start if aff_start < tm.start and t[aff_start] != " " else tm.start)
                                    or self._after_list_break(tm.start))  # 「主席甲及秘書乙」: the stretch is the list word
                second = self._title_after_bracket(name, titles[n + 1] if n + 1 < len(titles) else None)
                if second is not None:  # 「團長安娜(Anna Berg)代議長」: a second post after the name's Latin form
                    posts = (*posts, (second, aff))
                self.out.append(PersonMention(start, name.end, text.raw[start:name.end], name, posts, False, "title", inherit))
                pending = []
                taken_until = name.end if second is None else second.end
                if second is None:
                    taken_until = self._list_after(name, posts, limit)
                continue
            chain = starts_with(t, tm.end, _CHAIN)
            # 「包括甲、乙等2位議員，以及商會前會長丙」: a title after a count closes the list before it, no chain to the next
            counted_list = _COUNTED_BEFORE.search(t, max(floor, tm.start - 8), tm.start) is not None
            if (chain and not counted_list and tm.end + len(chain) < limit + 20 and not self._name_after_chain(tm.end + len(chain))
                    and self._no_name_before(tm.start, floor)):
                pending.append((tm, aff))
                taken_until = tm.end + len(chain)  # the next post's affiliation begins after the chain word
                continue
            pending = []
            before = self.name_before(tm.start, floor)
            counted = _COUNTED_BEFORE.search(t, max(floor, tm.start - 8), tm.start) if before is None else None
            list_origin = ""
            if counted is not None:
                # 「包括甲、乙、丙等10位議員」: a list of names, then how many they are, then the title they share
                before = self.name_before(counted.start(), floor)
                if before is not None and before[1]:
                    before = None
                list_origin = self._foreign_before(counted.start())
                if before is None and list_origin:
                    # the list of a delegation from a country the text named before: names shaped as that country's
                    cand = self.scorer.best_before(counted.start(), min_len=3, max_len=6, origin=list_origin)
                    if cand and cand.start >= floor and cand.score >= ACCEPT and \
                            self.scorer.shape(t[cand.start:cand.end], list_origin) > 0 and \
                            (cand.start, cand.end) not in self.known_spans and not self.geo.starting(cand.start, cand.end):
                        before = (NameMention(cand.start, cand.end, text.raw[cand.start:cand.end], "han", "",
                                              min(1.0, cand.score / 8)), False)
            if before is None:
                continue
            nm, short = before
            if short and tm.title.key in ("representative", "chief-representative", "deputy-representative"):
                continue
            aff2_start = self._after_where(_affiliation_start(text, nm.start, floor, self.geo_inner), nm.start)
            aff2 = (aff2_start, party_cut(t, aff2_start, nm.start))
            if tm.title.key in ("representative", "chief-representative") and not short and aff2_start == nm.start:
                continue  # 「王小明代表林大同」: 代表 the verb
            end = tm.end
            listed = not short and aff2_start == nm.start and nm.start - 1 > floor and t[nm.start - 1] == "、"
            self.out.append(PersonMention(aff2_start, end, text.raw[aff2_start:end], nm, ((tm, aff2),), short,
                                          "short" if short else "title", listed))
            taken_until = end
            if listed:
                self._list_before(nm, tm, floor, list_origin)
        self._brackets_and_honorifics()
        self._party_members()
        return sorted(self.out, key=lambda p: p.start)

    def _party_members(self) -> None:
        """「市議員共5人，其中甲黨籍林大同、無黨籍王小明」: a name right after a party label (X黨籍) is a politician's; a
        council's title earlier in the sentence that no name took (市議員共5人) is the post each of them holds."""
        raw, t = self.text.raw, self.text.fold
        cover = _Cover(self.out)
        named = {tm.start for p in self.out for tm, _ in p.posts}
        for m in _party_label().finditer(t):
            i = m.end()
            if i >= len(t) or not is_han(t[i]) or cover.covers(i, i + 1) or i in self.title_starts:
                continue
            cand = self.scorer.best_after(i, max_len=4)
            if cand is None or cand.score < ACCEPT or self.scorer.shape(t[cand.start:cand.end]) <= 0 \
                    or cover.covers(cand.start, cand.end):
                continue
            s = self.text.sentences[self.text.sentence_of(i)]
            council = [tm for tm in self.titles if s.start <= tm.start < m.start() and tm.title.scope == "council"
                       and tm.start not in named]
            posts: tuple[tuple[TitleMention, tuple[int, int]], ...] = ()
            if council:
                tm = council[-1]
                a = _affiliation_start(self.text, tm.start, s.start, self.geo_inner)
                posts = ((tm, (a, party_cut(t, a, tm.start))),)
            nm = NameMention(cand.start, cand.end, raw[cand.start:cand.end], "han", "", min(1.0, cand.score / 8))
            self.out.append(PersonMention(m.start(), cand.end, raw[m.start():cand.end], nm, posts, False, "title" if posts else "party"))
            cover.add(self.out[-1])

    def _list_after(self, name: NameMention, posts: tuple[tuple[TitleMention, tuple[int, int]], ...], limit: int) -> int:
        """「前某鎮長林大同、王小明等人」「市議員林大同、王小明及陳小華」: names listed after a titled one share its post."""
        t, raw = self.text.fold, self.text.raw
        end = name.end
        while end < limit and t[end] in "、及和與" and name.script == "han":
            i = end + 1
            cand = self.scorer.best_after(i, max_len=4)
            if cand is None or cand.end > limit or self.scorer.shape(t[cand.start:cand.end]) < 1.5 or cand.score < ACCEPT:
                break
            if self.title_at.starting(cand.start, cand.end):
                break
            nm = NameMention(cand.start, cand.end, raw[cand.start:cand.end], "han", "", 0.6)
            self.out.append(PersonMention(cand.start, cand.end, nm.text, nm, tuple((tm, (cand.start, cand.start)) for tm, _ in posts),
                                          False, "list", True))
            end = cand.end
        return end

    def _foreign_before(self, i: int) -> str:
        """The country of the last place or country the text named before ``i`` that is neither Taiwan nor China (for
        a list of names after which only a count and a title stand)."""
        for m in sorted(self.geo.starting(max(0, i - 2000), i), key=lambda g: g.start, reverse=True):
            code = m.code if isinstance(m, CountryMention) else m.country
            if code and code not in ("TW", "CN"):
                return code if code in ("JP", "KR") else ""
        return ""

    def _list_before(self, name: NameMention, tm: TitleMention, floor: int, origin: str = "") -> None:
        """「包括林一郎、田中一郎、山本二郎參議員」: names listed before a name and its title share the title, back to
        a name that has a title of its own."""
        t, raw = self.text.fold, self.text.raw
        e = name.start
        taken = {(p.name.start, p.name.end) for p in self.out}
        while e - 1 > floor and t[e - 1] == "、" and name.script == "han":
            j = e - 1
            cand = self.scorer.best_before(j, max_len=5)
            if (cand is None or cand.start < floor or cand.score < ACCEPT or self.scorer.shape(t[cand.start:j]) < 1.5) and origin:
                cand = self.scorer.best_before(j, min_len=3, max_len=5, origin=origin)  # 「森田隆二、川口健」 in a Japanese list
                if cand is not None and self.scorer.shape(t[cand.start:j], origin) < 1.4:
                    cand = None
            elif cand is not None and self.scorer.shape(t[cand.start:j]) < 1.5:
                cand = None
            if cand is None or cand.start < floor or cand.score < ACCEPT:
                break
            if self.title_at.ending(cand.start - 1, cand.start) or (cand.start, j) in taken or (cand.start, j) in self.known_spans:
                break
            nm = NameMention(cand.start, j, raw[cand.start:j], "han", "", 0.6)
            self.out.append(PersonMention(cand.start, j, nm.text, nm, ((tm, (cand.start, cand.start)),), False, "list", True))
            e = cand.start

    def _no_name_before(self, ts: int, floor: int) -> bool:
        """Whether no name stands before a title that a chain word (暨, 兼) follows; one Latin word there is the body the
        posts are in (「SmartCitiesWorld創辦人暨執行長Alex Moore」), the name comes after the chain."""
        before = self.name_before(ts, floor)
        return before is None or (before[1] and before[0].script == "latin")

    def _name_after_chain(self, i: int) -> bool:
        """Whether a chain word is followed by a name (then it is a list of people, not of posts)."""
        raw = self.text.raw
        if i < len(raw) and LATIN_CHAR.match(raw[i]):
            return latin_name_at(raw, i) is not None
        cand = self.scorer.best_after(i)
        return (cand is not None and cand.score >= ACCEPT + 1 and (cand.end in self.scorer.blocked_starts or cand.end == len(raw))) \
            or (cand is not None and cand.score >= ACCEPT + 2)

    def _after_list_break(self, i: int) -> bool:
        t = self.text.fold
        j = i
        while j > 0 and t[j - 1] == " ":
            j -= 1
        return j > 0 and (t[j - 1] == "、" or bool(ends_with(t, j, tuple(fold(w) for w in ("及", "以及", "和", "與")))))

    # ------------------------------------------------------------------ brackets and honorifics
    def _brackets_and_honorifics(self) -> None:
        raw, t = self.text.raw, self.text.fold
        cover = _Cover(self.out)
        for m in _BRACKET_LATIN.finditer(raw):
            e = m.start()
            while e > 0 and raw[e - 1] == " ":
                e -= 1
            if e == 0 or not is_han(t[e - 1]) or not self._latin_is_person(m.group(1)):
                continue
            cand = self.scorer.best_before(e, min_len=2, max_len=8)
            if cand is None or cand.score < ACCEPT or cover.covers(cand.start, e):
                continue
            if not self._looks_foreign(t[cand.start:e]):
                continue
            nm = NameMention(cand.start, e, raw[cand.start:e], "han", m.group(1).strip(), 0.7)
            self.out.append(PersonMention(cand.start, m.end(), raw[cand.start:m.end()], nm, (), False, "bracket"))
            cover.add(self.out[-1])
        for h in HONORIFICS:
            start = 0
            while (i := raw.find(h, start)) >= 0:
                start = i + len(h)
                if i == 0 or cover.covers(i - 1, i):
                    continue
                if LATIN_CHAR.match(raw[i - 1]):
                    lat = latin_name_before(raw, i)
                    if lat and " " in raw[lat[0]:lat[1]].strip():
                        nm = NameMention(lat[0], lat[1], raw[lat[0]:lat[1]], "latin", "", 0.8)
                        self.out.append(PersonMention(lat[0], i + len(h), raw[lat[0]:i + len(h)], nm, (), False, "honorific"))
                        cover.add(self.out[-1])
                    continue
                if not name_char(t[i - 1]):
                    continue
                cand = self.scorer.best_before(i, min_len=2, max_len=4)
                if cand and cand.score >= ACCEPT + 1 and not cover.covers(cand.start, i):
                    nm = NameMention(cand.start, i, raw[cand.start:i], "han", "", 0.6)
                    self.out.append(PersonMention(cand.start, i + len(h), raw[cand.start:i + len(h)], nm, (), False, "honorific"))
                    cover.add(self.out[-1])

    def _looks_foreign(self, name: str) -> bool:
        tr = lx.translit_chars()
        return sum(c in tr for c in name) >= max(2, len(name) - 1)


class _Cover:
    """The people found so far, asked whether one covers a position or has its name start in a stretch: by binary
    search over their spans (sorted, with the longest remembered), not a scan of every person for every bracket."""

    def __init__(self, people: list[PersonMention]) -> None:
        self.spans: list[tuple[int, int]] = []
        self.name_starts: list[int] = []
        self.longest = 0
        for p in people:
            self.add(p)

    def add(self, p: PersonMention) -> None:
        for a, b in ((p.start, p.end), (p.name.start, p.name.end)):
            bisect.insort(self.spans, (a, b))
            self.longest = max(self.longest, b - a)
        bisect.insort(self.name_starts, p.name.start)

    def covers(self, i: int, j: int) -> bool:
        """Whether a person's span or name holds ``i``, or a name starts in ``i..j``."""
        lo = bisect.bisect_left(self.spans, (i - self.longest + 1, -1))
        hi = bisect.bisect_right(self.spans, (i, sys.maxsize))  # every span that starts at i or before
        if any(b > i for _, b in self.spans[lo:hi]):
            return True
        k = bisect.bisect_left(self.name_starts, i)
        return k < len(self.name_starts) and self.name_starts[k] < j


def recognise_people(text: Text, titles: list[TitleMention], places: list[PlaceMention], countries: list[CountryMention],
                     cues: list[CueMention], dates: list[DateMention]) -> list[PersonMention]:
    return PeopleRecogniser(text, titles, places, countries, cues, dates).run()
