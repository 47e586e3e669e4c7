"""Where personal names begin and end, in Chinese text: candidates scored by what surrounds them.

A Chinese text writes no spaces, so a name after a title (臺北市長柯文哲今(8)日...) or before one
(高島宗一郎市长指出) could end after any character. Each possible length is scored by:
- the boundary: punctuation, a title, a verb of saying or attending, or a word that follows names (今, 與, 表示);
- how names look: a Chinese surname and two or three characters, a Japanese family name and four
  or five, or characters that transliterate foreign names (賀吉普, 韓德瑞克斯);
- repetition: the same string elsewhere in the document with boundaries on both sides.
All look-ups run on ``Text.fold`` (simplified, half-width).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.text import fold, is_han

# romanised Chinese family names that open a two-word name whose given name is written as one word (Wang Fang, Xu Lei)
ROMAN_SURNAMES = {
    "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo",
    "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng",
    "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
    "shen", "yao", "jin", "gong", "shi", "hua", "qin", "dai", "fan", "fang", "ko", "lee", "chang", "tsai", "hsu", "chiang",
    "chou", "hsieh", "teng", "kao", "lai", "kang", "chu", "chiu", "you", "yeh", "hung", "tseng", "tu", "kuo", "lo",
    "park", "kim", "choi", "jung", "cha", "yeom",
}
# family names only Korean names bear (romanised): a hyphenated given name after one is Korean (Kim Min-jun);
# those Chinese names share (Lee, Ko, Yang, Han, Kang, Song) are not here
KOREAN_SURNAMES = {"kim", "park", "choi", "jung", "cho", "yoon", "jang", "oh", "seo", "shin", "kwon", "hwang", "ahn", "yoo",
                   "jeon", "moon", "bae", "baek", "heo", "noh", "kwak", "joo", "ryu", "yeom", "byun", "yeo", "jeong"}
_HYPHENATED = re.compile(r"[A-Z][a-z]+-[A-Za-z][a-z]+")
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|"
             r"ia|ie|iu|ua|uo|ue|ui|ve|a|o|e|i|u|v)(?![aeiouv])")
_PINYIN = re.compile(f"(?:{_SYLLABLE}){{2,3}}")  # a given name of two or three Hanyu Pinyin syllables


def romanised_chinese(name: str) -> bool:
    """Whether a Latin name is written as Taiwan writes Chinese names: a hyphenated given name beside a Chinese family
    name, in Chinese order (Lin Chih-hao: not after a family name only Koreans bear, as Korean names are written the
    same way) or in Western order after a Chinese family name (Mei-Lan Wang, Chih-Hao Lin; not Jean-Pierre Dupont), or a
    Chinese family name and a given name of two or three Pinyin syllables (Lin Youchang; not Lee Smith)."""
    ws = name.split()
    if len(ws) != 2:
        return False
    if _HYPHENATED.fullmatch(ws[1]) and ws[0][:1].isupper() and ws[0].lower() not in KOREAN_SURNAMES:
        return True
    if ws[0].lower() in ROMAN_SURNAMES and ws[0].lower() not in KOREAN_SURNAMES and re.fullmatch(r"[A-Z][a-z]+", ws[1]) \
            and _PINYIN.fullmatch(ws[1].lower()):
        return True  # Hanyu Pinyin, written as one word: "Lin Youchang", "Wang Xiaoming"
    return bool(_HYPHENATED.fullmatch(ws[0]) and ws[1].lower() in ROMAN_SURNAMES)


# family names Taiwan, Hong Kong and the diaspora write in Western order after an English given name (Grace Chen,
# Bruce Linghu, Peter Szeto): the common ones above, more single ones in Wade-Giles or Cantonese spelling, and the
# two-syllable ones (歐陽 Ouyang/Au-Yeung, 令狐 Linghu, 司徒 Szeto/Situ, 張簡 Changchien, 范姜 Fanchiang …)
_WESTERN_ORDER_SURNAMES = (ROMAN_SURNAMES - KOREAN_SURNAMES) | {
    "chao", "chuang", "hsiao", "chien", "liao", "hou", "chung", "yen", "wen", "hsiung", "chi", "chin", "pai", "kuan",
    "fu", "shih", "ho", "chan", "cheung", "wong", "ng", "tse", "kwok", "leung", "lam", "tam", "yip", "chow", "lau",
    "hui", "tsao", "tsou", "tsui", "tsang", "tung", "yuen", "kwan", "hsueh", "hsia", "chiao", "chai", "mao", "lien",
    "chuo", "juan", "jen", "weng", "ou",
    "linghu", "ouyang", "auyeung", "szeto", "situ", "seto", "sima", "szema", "zhuge", "chuko", "shangguan",
    "shangkuan", "duanmu", "tuanmu", "huangfu", "huangpu", "changchien", "fanchiang", "xiahou", "hsiahou", "zhongli",
    "murong", "yuchi", "gongsun", "zhangsun", "ximen", "hsimen",
}
_GIVEN_WORD = re.compile(r"[A-Z][a-z]+")  # Bruce, Grace, Rongda: capitalised, one word, no hyphen or initial


def western_order_chinese(name: str) -> bool:
    """Whether a Latin name is an English (or Pinyin) given name before a Chinese family name, as Taiwanese officials
    often write their names in English (Grace Chen, Bruce Linghu, Mary Ann Ouyang): two or three capitalised words whose
    last is a Chinese family name; not a family name only Koreans bear (Jin-ho Kim's is not), not an initial. A first
    word that is itself a Chinese family name leaves the order open (Hua Yuan, Gong Zheng: Pinyin in Chinese order)."""
    ws = name.split()
    if len(ws) not in (2, 3) or not all(_GIVEN_WORD.fullmatch(w) for w in ws[:-1]):
        return False
    if ws[0].lower() in _WESTERN_ORDER_SURNAMES or ws[0].lower() in KOREAN_SURNAMES:
        return False
    last = ws[-1].replace("-", "").lower()
    return ws[-1][:1].isupper() and last in _WESTERN_ORDER_SURNAMES


DELIMS = set(" \n\t,.;:!?()[]「」『』\"'、。，；：！？（）·-/／<>《》〈〉…~～=+*#@&%|▲△■□◆◇●○※★☆▼▽►◎") - {"·"}
LATIN = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
LATIN_CHAR = re.compile(f"[{LATIN}]")  # one Latin letter
LATIN_TOKEN = re.compile(f"[{LATIN}][{LATIN}'’\\-]*\\.?|[A-Z]\\.")
PARTICLES = {"van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "binti", "al",
             "el", "dos", "das", "ten", "ter", "y", "e", "st.", "mc", "mac"}
NOT_PERSON_WORDS = {
    "city", "county", "district", "state", "province", "prefecture", "university", "college", "school", "association",
    "organization", "organisation", "council", "committee", "commission", "bureau", "department", "office", "ministry",
    "government", "center", "centre", "institute", "foundation", "company", "corporation", "group", "hub", "lab",
    "forum", "summit", "expo", "award", "awards", "day", "week", "festival", "conference", "congress", "assembly",
    "smart", "cities", "network", "alliance", "platform", "project", "program", "programme", "initiative", "park",
    "airport", "port", "station", "hall", "museum", "zoo", "hospital", "bank", "party", "world", "international",
    "global", "national", "taiwan", "taipei", "republic", "kingdom", "union", "chamber", "startup", "innovation",
    "area", "region", "metropolitan", "municipality", "new", "normal", "tech", "technology", "data",
    "open", "cup", "marathon", "library", "tower", "building", "road", "street", "square", "bridge", "garden",
    "island", "islands", "bay", "lake", "river", "mountain", "inc", "ltd", "co", "llc", "plc", "tv", "news", "times",
    "post", "daily", "the", "of", "and", "for", "on", "in", "at", "to", "a", "an", "declaration", "memorandum",
    "agreement", "mou", "joint", "statement", "plan", "strategy", "strategies", "report", "paper", "white", "living",
    "economic", "cultural", "trade", "representative", "mission", "embassy", "consulate", "authority", "agency",
    "product", "gross", "domestic", "income", "index", "system", "service", "services", "solution", "solutions",
    "prize", "act", "law", "bill", "policy", "model", "framework", "goals", "goal", "development",
    "sustainable", "sustainability", "green", "digital", "future", "briefing", "session", "panel", "keynote",
}
# buildings and venues a Latin name in brackets may name (齊希宮(Zichy Palace)): never a person
NOT_PERSON_WORDS |= {"palace", "cathedral", "stadium", "arena", "pavilion", "plaza", "gallery", "theatre", "theater"}


@cache
def _grammar() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for r in lx.rows("grammar.tsv"):
        out[r[0]] = tuple(sorted({fold(w) for w in lx.split(r[1])}, key=len, reverse=True))
    return out


def words(cls: str) -> tuple[str, ...]:
    """A class of function words from data/lexicon/grammar.tsv, folded, longest first."""
    return _grammar().get(cls, ())


@cache
def habitual() -> re.Pattern[str]:
    """Words that tell something done again and again (每年, 曾多次, 近年; grammar.tsv row ``habitual``), in folded text:
    a visit so told is no one visit, and a person so told is no sign of being at the event."""
    return re.compile("|".join(re.escape(w) for w in words("habitual")))


@cache
def not_in_name() -> frozenset[str]:
    return frozenset(words("not-in-name"))


@cache
def _by_length(forms: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """``forms`` grouped by length, longest first: one set look-up per length instead of one test per form."""
    groups: dict[int, set[str]] = {}
    for f in forms:
        if f:
            groups.setdefault(len(f), set()).add(f)
    return tuple((n, frozenset(g)) for n, g in sorted(groups.items(), reverse=True))


def starts_with(text: str, i: int, forms: tuple[str, ...]) -> str:
    """The longest of ``forms`` that ``text`` has at ``i``."""
    for n, group in _by_length(forms):
        piece = text[i:i + n]
        if piece in group:
            return piece
    return ""


def ends_with(text: str, e: int, forms: tuple[str, ...], lo: int = 0) -> str:
    """The longest of ``forms`` that ``text`` has just before ``e`` (starting at ``lo`` or later)."""
    for n, group in _by_length(forms):
        if e - n >= lo:
            piece = text[e - n:e]
            if piece in group:
                return piece
    return ""


_TEAM = fold("團")


def lead_ends_stretch(text: str, i: int) -> bool:
    """Whether a lead word (走訪, 向, 上午 …) ends just before ``i``, so that a body's name or an affiliation read
    backwards from a title stops there; not before 團, where the lead word names a delegation (參觀團, 訪視團)."""
    return bool(ends_with(text, i, words("lead"))) and text[i:i + 1] != _TEAM


def name_char(c: str) -> bool:
    return is_han(c) or c == "·"


_LIST_MARKS = set(fold("、及暨"))
# the last characters of a body's name (辦事處, 事務所, 公司, 協會, 市政府, 國會): no personal name goes on across them
_BODY_ENDS = set(fold("處所司會府局署院館心部社團"))  # 服務中心, 外交部, 通訊社, 訪問團 too
# (駐 stationed in: 「駐休士頓辦事處長」; 前 before: 「擔任知事前是記者」)
_NOT_FIRST = set(fold("的與及於們等說並也則亦都將已被讓把給從向對此這該其之所或但因在為駐前"))


@cache
def _jieba() -> tuple[dict[str, int], dict[str, str]]:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def common_word(word: str) -> bool:
    """Whether a (folded, simplified) string is a common Chinese word that is not a personal name.

    jieba's dictionary (word frequencies and part-of-speech tags, shipped in its package) tells:
    受奖, 参加, 同台 are words; 柯文哲 is not in it, and names that are (李永萍) are tagged nr."""
    freq, tags = _jieba()
    return freq.get(word, 0) >= 20 and not tags.get(word, "").startswith("nr")


def frequent_word(word: str) -> bool:
    """Whether a string is a frequent dictionary word whatever its tag (马拉松 is tagged as a name, yet a word)."""
    freq, _ = _jieba()
    return freq.get(word, 0) >= 50


_ADVERBS = set(fold("曾更再又均皆即才便則"))
_YA = fold("也")
# a day of the month or a count written in Chinese numerals (七日, 二十五日, 二度, 三次), then no more of a name
_NUMERALS = frozenset(fold("一二三四五六七八九十"))
_COUNTED = re.compile(fold(r"(?:[一二三四五六七八九]|[一二三]?十[一二三四五六七八九]?)(?:日|度|次)(?![\u4e00-\u9fff]?[長員])"))
_SAID = fold("說")
_WHEN = fold("時")
_HELD = set(fold("任經"))  # 曾任, 曾經: held, once
_AFTER = fold("後")
_VERBS_NOT_FIRST = set(fold("訪說赴抵率邀請"))  # verbs that follow a name and begin no Japanese one
_CONJ = set(fold("和與及跟同"))


@cache
def _follow_two() -> frozenset[str]:
    return frozenset(w for w in words("follow") if len(w) == 2)


def _ja_surname_before(t: str, i: int) -> bool:
    """Whether a listed Japanese family name of two or three characters ends at ``i``."""
    return t[max(0, i - 2):i] in lx.surnames_ja() or t[max(0, i - 3):i] in lx.surnames_ja()


def _conj_at(t: str, i: int) -> bool:
    return i < len(t) and t[i] in _CONJ


def opens_with_verb(word: str) -> bool:
    """Whether a string opens with a dictionary verb of two characters (締結姊妹市, 簽署協定): no place's name does."""
    freq, tags = _jieba()
    return len(word) >= 4 and freq.get(word[:2], 0) >= 100 and tags.get(word[:2], "")[:1] == "v"


def adverb_across(t: str, j: int) -> bool:
    """Whether the title's last character and the next one make an adverb (「岡山市長年友誼」: 長年, 長期, 長久), so that
    the characters before are no title and no name follows."""
    freq, tags = _jieba()
    w = t[j - 1:j + 1]
    return j > 0 and freq.get(w, 0) >= 100 and tags.get(w, "")[:1] == "d"


def _word_after(word: str) -> bool:
    """Whether two characters after a typical full name are a dictionary word that no name is part of (致謝, 導覽,
    座談): the name ends before them."""
    freq, tags = _jieba()
    return len(word) == 2 and freq.get(word, 0) >= 5 and not tags.get(word, "").startswith("nr")


# After 曾, 更, 再 … a character that is a preposition or a light verb in running text, and seldom opens a given
# name: 「他曾用兩年走訪各地」「曾在外地」「曾赴日本」. Not every frequent verb: 建, 招, 志 and many others open given names
# (「主任秘書曾建雄率團」), so a list, not the dictionary's tags.
_AFTER_ADVERB = set(fold("用在到赴是於以向從對把被讓給"))


def _verb_or_preposition(c: str) -> bool:
    """Whether one character after 曾 (the adverb) is a preposition or light verb that opens no given name."""
    return c in _AFTER_ADVERB


def _verb_or_adverb(word: str) -> bool:
    """Whether a dictionary word is a verb, adverb, numeral or time word (出席, 親自, 多次, 前往)."""
    freq, tags = _jieba()
    return freq.get(word, 0) >= 100 and tags.get(word, "")[:1] in ("v", "d", "m", "t", "p")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    score: float


class NameScorer:
    """Scores candidate Han names in one document's folded text."""

    def __init__(self, fold_text: str, blocked_starts: set[int], blocked_ends: set[int]) -> None:
        self.t = fold_text
        self.blocked_starts = blocked_starts  # positions where a title, place, cue or date begins
        self.blocked_ends = blocked_ends  # positions where one ends
        self._bounded: dict[str, int] = {}

    # ------------------------------------------------------------------ boundaries
    def end_boundary(self, j: int) -> float:
        """How well a name could end right before ``j``."""
        t = self.t
        if j >= len(t) or not name_char(t[j]):
            return 3.0
        if j in self.blocked_starts:
            return 2.5
        if t[j] in _NUMERALS and _COUNTED.match(t, j):
            return 2.0  # 「市長王大明七日簽署」「李文華二度訪台」: a day or a count in Chinese numerals follows the name
        f = starts_with(t, j, words("follow"))
        if t[j] == _WHEN and (j + 1 >= len(t) or not name_char(t[j + 1])):
            return 2.0  # 「會見市長山田一郎時，」: 時 then a clause break ends the clause after the name
        if f:
            # 「市長卡爾頓說」: 說 ends a name as 表示 does; so does 後 (「分處長王文德後，」), which ends no given name
            return 2.0 if len(f) > 1 or f == _AFTER else 1.5 if f == _SAID else 1.0
        return -2.0

    def start_boundary(self, i: int) -> float:
        """How well a name could begin at ``i``."""
        t = self.t
        if i <= 0 or not name_char(t[i - 1]):
            return 3.0
        if i in self.blocked_ends:
            return 2.5
        lead = ends_with(t, i, words("lead")) or ends_with(t, i, words("lead-start"))
        if lead:
            return 2.0 if len(lead) > 1 else 1.0
        if t[i - 1] in _BODY_ENDS:
            return 1.0  # 「駐日本代表處謝長廷代表」「南海企業公司陳大山董事長」: a body's last character, then the name
        return -2.0

    # ------------------------------------------------------------------ shape
    def shape(self, name: str, origin: str = "") -> float:
        """How much ``name`` looks like a personal name (Chinese, Japanese or transliterated).

        ``origin`` is the country the text ties the name to (the place before its title), when it does:
        a Japanese name has four characters or so, a Western one is transliterated."""
        k = len(name)
        # 高市早苗: a family name may hold 市; a Japanese one of two characters (黑須隆一) any second character
        own = 2 if (k > 2 and name[:2] in lx.surnames_ja()) or (origin == "JP" and k == 4 and name[0] not in _NOT_FIRST
                                                                    and name[0] not in not_in_name()) else 1
        inner = name[own:]
        if own == 2 and k >= 4 and name[-1] == _YA:
            inner = inner[:-1]  # 山本知也, 佐藤達也: a Japanese given name often ends in 也 (-ya), elsewhere the adverb
        if k < 2 or any(c in not_in_name() for c in inner) or (name[0] in _NOT_FIRST and own == 1):  # 都築: a listed family name
            return -9.0
        if k == 4 and common_word(name[:2]) and _verb_or_adverb(name[2:]):
            return -9.0  # 「王大同議長全力支持」: a word, then a verb (全力+支持), is what follows a title, not a name
        sur = lx.surnames()
        best = -1.0
        if name[:2] in sur and k in (3, 4):
            best = max(best, 2.2)
        if name[0] in sur:
            best = max(best, {2: 0.8, 3: 2.0, 4: 0.3}.get(k, -2.0))
            if k == 4 and name[1] in sur and name[1] != name[0]:
                best = max(best, 2.1)  # 張李美玉, 李傅中武: a married woman's name, her husband's family name before her own
        if name[:2] in lx.surnames_ja():
            best = max(best, {3: 1.5, 4: 2.2, 5: 1.6, 6: 0.5}.get(k, -2.0))
        if k == 3 and name[0] in lx.surnames_ja() and name[0] not in sur:
            best = max(best, 1.4 if origin == "JP" else 0.9)  # 奧正信, 辻一郎: a Japanese family name of one character
        if origin == "JP" and name[0] not in _VERBS_NOT_FIRST and not (common_word(name[:2]) and name[:2] not in lx.surnames_ja()) \
                and not (k == 2 and name[1] in _VERBS_NOT_FIRST):  # 「侯友宜也親邀知事」: an adverb and a verb, no name
            # 「日本參議員訪新北」: 訪 the verb opens no name; 「甲市森市長喜歡登山」: nor does a word (喜歡) no family name is
            best = max(best, {2: 0.2, 3: 1.4, 4: 2.0, 5: 1.8}.get(k, -2.0))
        tr = lx.translit_chars()
        ratio = sum(c in tr or c == "·" for c in name) / k
        if "·" in name or ratio == 1 or (k >= 4 and ratio >= 0.75):
            bonus = 0.4 if origin and origin not in ("TW", "CN", "JP", "KR", "HK", "MO", "SG") else 0.0
            best = max(best, bonus + {2: 0.5, 3: 1.4, 4: 1.6, 5: 1.6, 6: 1.4, 7: 1.2, 8: 1.0}.get(k, 0.8 if k > 8 else -1.0))
        if best > 0 and common_word(name):
            best -= 4.0
        if best > 0 and k >= 5 and name[-2:] in _follow_two():
            best -= 1.5  # 「市長山川花子跨海視訊簽署」: a word that follows names (跨海, 表示) ends no name

        if best > 0 and k == 2 and name[0] in _ADVERBS and _verb_or_adverb(name[1]):
            return -9.0  # 「他曾在外地工作」「曾任議員」: 曾 the adverb and a verb or preposition, not a name
        if best > 0 and k == 3 and name[0] in _ADVERBS and (_verb_or_adverb(name[1:]) or _verb_or_preposition(name[1])):
            return -9.0  # 「會長曾多次訪台」「市長曾親自出席」「他曾用兩年走訪各地」: 曾 the adverb, not the surname
        if best > 0 and k in (2, 3) and name[0] in _ADVERBS and name[1] in _HELD:
            return -9.0  # 「會長曾任副市長」「曾經」: 曾 the adverb before a verb of holding a post
        return best

    def bounded_count(self, name: str) -> int:
        """How often ``name`` stands in the text with name boundaries on both sides."""
        if name in self._bounded:
            return self._bounded[name]
        n = 0
        start = 0
        t = self.t
        while n < 8:
            i = t.find(name, start)
            if i < 0:
                break
            j = i + len(name)
            if self.start_boundary(i) > 0 and self.end_boundary(j) > 0:
                n += 1
            start = i + 1
        self._bounded[name] = n
        return n

    def score(self, i: int, j: int, *, after: bool, origin: str = "") -> float:
        """The score of ``t[i:j]`` as a name; ``after``: it follows a title (its start is fixed)."""
        name = self.t[i:j]
        shape = self.shape(name, origin)
        if shape <= -9:
            return shape
        s = shape + 0.8 * min(3, max(0, self.bounded_count(name) - 1))
        end = self.end_boundary(j)
        if after and end < 0 and shape >= 2.0 and (_verb_or_adverb(self.t[j:j + 2]) or _word_after(self.t[j:j + 2])) \
                and not _word_after(self.t[j - 1:j + 1]):
            # not when the name's last character and the next make a word: 「院長張文平通過電話」 is 張文平 + 通過,
            # not 張文平通 + 過電
            end = 0.5  # 「首相高市早苗延續前首相的理念」「會長王大明致謝」: a typical full name, then a verb or a word
        s += end if after else self.start_boundary(i)
        if after and len(name) > 3 and self.end_boundary(j - 1) >= 1.0 and len(starts_with(self.t, j - 1, words("follow"))) == 1:
            s -= 2.0  # 陳銘俊以視訊: the last character is the word that follows the name
        if after and len(name) > 2 and name[-1] == _WHEN and end >= 3.0:
            s -= 2.5  # 「市長山田一郎時，」: 時 (when) closes the clause the name stands in, it ends no name
        if after and j < len(self.t) and self.t[j] in _LIST_MARKS and self._person_follows(j + 1):
            s += 1.5  # 「副市長陳通及上海市政府秘書長馬春雷」: a list of people goes on after the name
        return s

    def _person_follows(self, i: int) -> bool:
        """Whether another title or place opens within a few characters (a list of people goes on)."""
        return any(k in self.blocked_starts for k in range(i, min(len(self.t), i + 6)))

    # ------------------------------------------------------------------ candidates
    def run_after(self, i: int, limit: int = 10) -> int:
        """The end of the Han run starting at ``i``, stopped by punctuation or a blocked mention."""
        t = self.t
        j = i
        while j < len(t) and j - i < limit and name_char(t[j]):
            if j > i + 1 and j in self.blocked_starts:
                break
            j += 1
        return j

    def run_before(self, e: int, limit: int = 10) -> int:
        t = self.t
        i = e
        while i > 0 and e - i < limit and name_char(t[i - 1]):
            if i < e - 1 and i in self.blocked_ends and not _ja_surname_before(t, i):
                break  # a place ends here; one that is also a Japanese family name (長崎, 山口) may open the name
            i -= 1
        return i

    def best_after(self, i: int, *, min_len: int = 2, max_len: int = 8, origin: str = "") -> Candidate | None:
        """The best name that starts at ``i`` (right after a title)."""
        r = self.run_after(i, limit=14 if "·" in self.t[i:i + 14] else 10)
        if "·" in self.t[i:r]:
            max_len = 14
        best: Candidate | None = None
        for j in range(i + min_len, min(r, i + max_len) + 1):
            s = self.score(i, j, after=True, origin=origin)
            if best is None or s > best.score or (s == best.score and j - i == 3):
                best = Candidate(i, j, s)
        if best is not None and best.score > 0:
            if _conj_at(self.t, i) and self._known_part(self.t[i + 1:best.end], self.t[i:best.end], origin):
                return None  # 「蔣市長和希馬斯市長」: 和 the conjunction, then a name that stands alone elsewhere
            surname_then_end = self.end_boundary(best.end) >= 1.0
            for j in range(i + min_len, best.end):
                if surname_then_end and self.t[i:j] in lx.surnames_ja():
                    continue  # 「町長佐野一郎出席…佐野町長」: a Japanese family name used alone later is still only a part
                if self._known_part(self.t[i:j], self.t[i:best.end], origin):
                    return Candidate(i, j, best.score)  # 「市長泰德加溫情誼」: 泰德 stands alone elsewhere
        return best

    def _known_part(self, part: str, whole: str, origin: str) -> bool:
        """Whether ``part`` of a candidate name stands elsewhere in the text as a name on its own, and the whole
        candidate does not: the rest is the words around it (加溫, 首訪, 和)."""
        return self.bounded_count(part) >= 2 and self.bounded_count(whole) <= 1 and self.shape(part, origin) > 0 \
            and not common_word(part)

    def best_before(self, e: int, *, min_len: int = 2, max_len: int = 8, origin: str = "") -> Candidate | None:
        """The best name that ends at ``e`` (right before a title)."""
        a = self.run_before(e)
        best: Candidate | None = None
        for i in range(e - min_len, max(a, e - max_len) - 1, -1):
            s = self.score(i, e, after=False, origin=origin)
            if best is None or s > best.score or (s == best.score and e - i == 3):
                best = Candidate(i, e, s)
        if best is not None and best.score > 0:
            for i in range(e - min_len, best.start, -1):
                if self._known_part(self.t[i:e], self.t[best.start:e], origin):
                    return Candidate(i, e, best.score)  # 「蔣市長和希馬斯市長」: 希馬斯 stands alone elsewhere
        return best


_NAME_GAP = re.compile(r",? (?=\S)")


def latin_name_at(text: str, i: int, *, single: bool = False) -> tuple[int, int] | None:
    """A Latin personal name of two or more capitalised words starting at ``text[i]`` (after spaces).

    ``single`` accepts one capitalised word (a surname before a title: Pustelnik副市長)."""
    while i < len(text) and text[i] == " ":
        i += 1
    pos, tokens, end, real = i, 0, i, 0
    words_seen: list[str] = []
    while pos < len(text) and tokens < 6:
        m = LATIN_TOKEN.match(text, pos)
        if not m:
            break
        word = m.group().rstrip(".") if not re.fullmatch(r"[A-Z]\.", m.group()) else m.group()
        lower = word.lower()
        if word[:1].isupper():
            if word.isupper() and len(word) > 1 and not re.fullmatch(r"[A-Z]\.", word) and real == 0:
                break  # an acronym (ICLEI, AIPH) opens no name; a family name in capitals may close one (Anne-Marie JEAN)
            real += 1
        elif lower not in PARTICLES or tokens == 0:
            break
        words_seen.append(lower)
        tokens += 1
        end = pos + len(word)
        pos = m.end()
        sep = _NAME_GAP.match(text, pos)
        if not sep:
            break
        nxt = LATIN_TOKEN.match(text, sep.end())
        if not nxt or not (nxt.group()[:1].isupper() or nxt.group().lower() in PARTICLES):
            break
        if sep.group().startswith(",") and tokens > 1:
            break  # a comma only inside a "Family, Given" name
        pos = sep.end()
    if any(w.strip(".").lower() in NOT_PERSON_WORDS for w in words_seen):
        return None
    if real >= 2 or (single and real == 1):
        return i, end
    return None


def latin_name_before(text: str, e: int) -> tuple[int, int] | None:
    """A Latin name (one or more capitalised words) that ends at ``text[e]``."""
    j = e
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and (LATIN_CHAR.match(text[i - 1]) or text[i - 1] in "-'’. ,"):
        i -= 1
    while i < j and not text[i].isalpha():
        i += 1
    if i >= j:
        return None
    found = latin_name_at(text, i, single=True)
    if found and found[1] == j:
        return found
    # the run may start with words that are not the name (an organisation's acronym): try later starts
    for m in re.finditer(r"(?<=\s)\S", text[i:j]):
        found = latin_name_at(text, i + m.start(), single=True)
        if found and found[1] == j:
            return found
    return None


# ----------------------------------------------------------------------------- English: nationalities


@cache
def demonyms() -> dict[str, str]:
    """Nationality adjectives (lower-cased) to ISO codes, from data/lexicon/demonyms-en.tsv."""
    out: dict[str, str] = {}
    for r in lx.rows("demonyms-en.tsv"):
        for w in lx.split(r[1]):
            out.setdefault(w.lower(), r[0])
    return out


@cache
def demonym_matcher() -> lx.Matcher[str]:
    return lx.Matcher(((w, code) for w, code in demonyms().items()), latin=True)


def geo_code(name: str) -> str:
    """The country an English name or adjective stands for: a country, a demonym or a known place ("" if none)."""
    s = name.strip()
    if not s:
        return ""
    c = gz.country_named(s)
    if c is not None:
        return c.code
    code = demonyms().get(s.lower(), "")
    if code:
        return code
    e = gz.place_named(s)
    return e.country if e is not None else ""
