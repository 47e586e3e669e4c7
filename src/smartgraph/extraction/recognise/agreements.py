"""Agreement words (備忘錄, 友好交流協定, 宣言, MOU ...) with their quoted names and counts.

「創新創業國際交流合作備忘錄」 gives the agreement its name; 「簽署文化、旅遊、環保及科技園區4項交流合作備忘錄」
names four memoranda at once (the count and the listed topics are kept); an MOU in brackets right
after a Chinese agreement word (「友好交流協定」(MOU)) is the same agreement, not another.
"""

from __future__ import annotations

import re

from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import AgreementMention
from smartgraph.extraction.text import Text, fold

_COUNT = re.compile(fold(r"(?P<n>[0-9]+|[一二兩三四五六七八九十]+)\s*(?:項|份|件|紙)(?P<mid>[^，。；,;「」]{0,12})$"))
_CN = {"一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_ITEM_SPLIT = re.compile(fold(r"以及|、|及|與|和|暨|,|，"))
_ITEM_STOP = tuple(fold(w) for w in ("簽署", "簽訂", "簽定", "締結", "分別", "共同", "完成", "包括", "涵蓋", "包含", "就", "在", "於"))


def _count(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if len(s) == 1:
        return _CN.get(s)
    if len(s) == 2 and s[0] == "十":
        return 10 + (_CN.get(s[1]) or 0)
    if len(s) in (2, 3) and s[1:2] == "十":
        return (_CN.get(s[0]) or 0) * 10 + (_CN.get(s[2:3]) or 0 if len(s) == 3 else 0)
    return None


def recognise_agreements(text: Text) -> list[AgreementMention]:
    raw, t = text.raw, text.fold
    hits = lx.agreement_matcher().find(t) + lx.agreement_matcher_en().find(text.low)
    hits.sort(key=lambda h: h.start)
    out: list[AgreementMention] = []
    for h in hits:
        if t.startswith(fold("合約"), h.start) and t[h.start - 1:h.start] == fold("折"):
            continue  # 「折合約6.39億港元」: 折合 (amounts to) and 約 (about), no contract
        # (MOU) right after a Chinese agreement word: the same agreement
        if out and re.fullmatch(r"[」』]?\s*[（(]\s*", raw[out[-1].end:h.start]) and raw[h.end:h.end + 2].lstrip()[:1] in (")", "）"):
            prev = out[-1]
            out[-1] = AgreementMention(prev.start, raw.find(")" if ")" in raw[h.end:h.end + 3] else "）", h.end) + 1,
                                       prev.text, prev.kind, prev.word, prev.name, prev.count, prev.items)
            continue
        if out and re.fullmatch(r"[」』]?[ \t]{0,2}", raw[out[-1].end:h.start]) and raw[h.start:h.end].isascii() \
                and not raw[out[-1].start:out[-1].end].isascii():
            prev = out[-1]  # 「合作備忘錄 MOU」: the English word names the same agreement
            out[-1] = AgreementMention(prev.start, h.end, prev.text, prev.kind, prev.word, prev.name, prev.count, prev.items)
            continue
        name = ""
        k = raw.rfind("「", max(0, h.start - 50), h.start + 1)
        if k >= 0 and "」" not in raw[k:h.start] and h.end < len(raw) and raw[h.end] in "」』":
            name = raw[k + 1:h.end]
        count = 1
        items: tuple[tuple[int, int], ...] = ()
        s = text.sentences[text.sentence_of(h.start)].start
        m = _COUNT.search(t, max(s, h.start - 40), h.start)
        if m and not name:
            n = _count(m.group("n"))
            if n and n > 1:
                count = n
                items = _items(t, s, m.start()) if n <= 20 else ()
        out.append(AgreementMention(h.start, h.end, raw[h.start:h.end], h.entry, raw[h.start:h.end], name, count, items))
    return out


_EN_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_EN_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:(?:new|more|separate|cooperation|"
                       r"further|[a-z]+-?[a-z]*)\s+)?$", re.I)
_EN_NAME_LEFT = re.compile(r"(?:(?:[A-Z0-9][\w'’&.-]*|&)\s+(?:(?:and|of|for|on|the|&)\s+)*)+$")
_EN_NAME_RIGHT = re.compile(r"\s+(?:for|on|of|to)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w'’-]*)*")


def english_agreements(text: Text, found: list[AgreementMention]) -> list[AgreementMention]:
    """English agreement words read as a phrase: two words in a row are one agreement whose kind the last gives
    ("twin-city initiative memorandum"); a number before a plural is a count ("two memorandums of understanding");
    a quoted title or a capitalised name around the word is its name ("Smart City Exchange and Cooperation MOU",
    "Kaohsiung Strategies for the Future of Urban Mobility")."""
    raw = text.raw
    merged: list[AgreementMention] = []
    for a in found:
        if merged and re.fullmatch(r"[ \t-]{1,2}", raw[merged[-1].end:a.start]):
            prev = merged[-1]
            kind = prev.kind if prev.kind == "friendship" else a.kind
            merged[-1] = AgreementMention(prev.start, a.end, raw[prev.start:a.end], kind, raw[prev.start:a.end], prev.name,
                                          prev.count, prev.items)
            continue
        merged.append(a)
    out = []
    for a in merged:
        if a.kind == "declaration" and a.word[:1].islower() and a.word.lower() in ("strategies", "initiative", "charter"):
            continue  # "strategies such as", "a new initiative": a common noun, no declaration's name
        count = a.count
        m = _EN_COUNT.search(raw, max(0, a.start - 40), a.start)
        if m and re.search(r"s\b|memoranda", raw[a.start:a.end].split(" of ")[0], re.I):
            n = m.group(1).lower()
            count = int(n) if n.isdigit() else _EN_NUMBER[n]
        name = a.name
        q0 = max(raw.rfind('"', max(0, a.start - 120), a.start), raw.rfind("“", max(0, a.start - 120), a.start))
        if q0 >= 0 and raw.count('"', q0 + 1, a.start) + raw.count("”", q0 + 1, a.start) == 0:
            q1 = min((i for i in (raw.find('"', a.end, a.end + 160), raw.find("”", a.end, a.end + 160)) if i >= 0), default=-1)
            if q1 > 0 and raw[q0 + 1:q0 + 2].isupper():
                name = raw[q0 + 1:q1]
        if not name and raw[a.start:a.start + 1].isupper():
            # a name does not run back over the full stop of the sentence before ("… at City Hall. The MOU signing")
            left = _EN_NAME_LEFT.search(raw, max(text.sentences[text.sentence_of(a.start)].start, a.start - 80), a.start)
            start = left.start() if left else a.start
            right = _EN_NAME_RIGHT.match(raw, a.end)
            end = right.end() if right else a.end
            words_left = raw[start:a.start].split()
            while words_left and words_left[0].lower() in ("and", "of", "for", "on", "the", "&"):
                start += len(words_left[0]) + 1
                words_left = words_left[1:]
            unit = text.unit_of(a.start)
            if (words_left and start == unit.start) or (start > 0 and raw[start - 2:start] in (". ", "; ")):
                words_left = words_left[1:] if len(words_left) > 1 and not words_left[0][:1].isdigit() else words_left
            if len(words_left) + (1 if right else 0) >= 1 and unit.kind not in ("title", "subtitle", "heading", "caption"):
                name = re.sub(r"\s+", " ", raw[start:end]).strip()
        out.append(AgreementMention(a.start, a.end, a.text, a.kind, a.word, name, count, a.items))
    return out


def _items(t: str, s: int, e: int) -> tuple[tuple[int, int], ...]:
    """The topics listed right before a count: 文化、旅遊、環保及科技園區 (4項)."""
    a = e
    while a > s and t[a - 1] not in "，。；,;：:":
        a -= 1
    stretch = t[a:e]
    for stop in _ITEM_STOP:
        k = stretch.rfind(stop)
        if k >= 0:
            stretch = stretch[k + len(stop):]
            a = e - len(stretch)
    out = []
    pos = a
    stretch = re.sub(fold(r"等$"), "", stretch)
    for piece in _ITEM_SPLIT.split(stretch):
        if not piece.strip() or len(piece) > 8 or " " in piece.strip() or "\u3000" in piece:
            return ()
        i = t.find(piece, pos, e) if piece else -1
        if piece.strip() and i >= 0:
            out.append((i, i + len(piece)))
            pos = i + len(piece)
    return tuple(out) if len(out) >= 2 else ()
