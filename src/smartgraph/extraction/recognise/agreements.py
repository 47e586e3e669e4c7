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
