"""The text the extraction reads: one view over a document's title and body, and its folded twin.

A ``Text`` joins the title, subtitle and body blocks into one string (blocks separated by a line
break), drops Markdown emphasis (``**``) and line breaks inside CJK text, and joins a paragraph
that stops mid-sentence with the next one. ``fold`` has the same length and offsets: Han
characters in their simplified form (so 臺/台 and traditional/simplified spellings match one
lexicon entry), full-width forms as ASCII, dashes and name dots unified. ``low`` is ``fold`` lower-cased.
Every position maps back to a code-point offset of the recorded text, so spans stay true.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Generic, TypeVar

from smartgraph.model import Block, Document, Span

TERMINAL = "。！？!?"
_CLOSERS = "」』）)\"'”’"
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")

_SPECIAL = {
    "\u3000": " ", "\u00a0": " ", "．": "·", "‧": "·", "・": "·", "•": "·", "\uff65": "·", "∙": "·",
    "—": "-", "–": "-", "－": "-", "―": "-", "‐": "-", "“": '"', "”": '"', "‘": "'", "’": "'",
    "〔": "(", "〕": ")", "【": "[", "】": "]", "﹝": "(", "﹞": ")",
    # 于 in a Traditional Chinese text is the family name (the preposition is written 於, which folds to 于): it folds
    # to a variant of its own (亐, unused in running text), so that 「秘書處長于大同」 keeps a name's first character;
    # a simplified text's 于 is the preposition and folds back (``Text`` of a zh-Hans document)
    "于": "亐",
}


@lru_cache(maxsize=1)
def _t2s() -> object:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def fold_char(c: str) -> str:
    """One character folded (always one character): simplified Han, ASCII for full-width forms."""
    if c in _SPECIAL:
        return _SPECIAL[c]
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        return chr(o - 0xFEE0)
    if 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF:
        s = _t2s().convert(c)  # type: ignore[attr-defined]
        return s if len(s) == 1 else c
    if o > 0x7F and c.isalpha():
        n = unicodedata.normalize("NFKC", c)
        return n if len(n) == 1 else c
    return c


class _Table(dict[int, str]):
    """A ``str.translate`` table that learns each character the first time it meets it."""

    def __init__(self, one: Callable[[str], str]) -> None:
        super().__init__()
        self.one = one

    def __missing__(self, code: int) -> str:
        self[code] = value = self.one(chr(code))
        return value


def _lower_char(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


_FOLD = _Table(fold_char)
_LOWER = _Table(_lower_char)


def fold(text: str) -> str:
    """Fold a string character by character (same length).

    A full stop between two Han characters is the middle dot of a transliterated name (卡洛斯.費南德茲)."""
    out = text.translate(_FOLD)
    if "." in out:
        out = _HAN_DOT_HAN.sub("·", out)
    return out


_HAN_DOT_HAN = re.compile(r"(?<=[\u3400-\u9fff])\.(?=[\u3400-\u9fff])")


def lower(text: str) -> str:
    """Lower-case without changing the length."""
    return text.translate(_LOWER)


def is_han(c: str) -> bool:
    return bool(c) and _HAN_RE.match(c) is not None


@dataclass(frozen=True)
class Unit:
    """A title, subtitle or body block in Text offsets."""

    kind: str  # title | subtitle | paragraph | caption | list-item | heading | attachment
    start: int
    end: int
    number: int | None = None
    block: Block | None = None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    unit: int  # index into Text.units


@dataclass
class Text:
    doc: Document
    raw: str
    offsets: list[int]
    units: list[Unit]
    sentences: list[Sentence] = field(default_factory=list)
    fold: str = ""
    low: str = ""
    _starts: list[int] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """The document span behind text positions ``start..end``."""
        while start < end and self.raw[start] in " \n":
            start += 1
        while end > start and self.raw[end - 1] in " \n":
            end -= 1
        if end <= start:
            s = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return Span(s, s, "")
        s, e = self.offsets[start], self.offsets[end - 1] + 1
        return Span(s, e, self.doc.text[s:e])

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding position ``pos``."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def unit_of(self, pos: int) -> Unit:
        return self.units[self.sentences[self.sentence_of(pos)].unit]


T = TypeVar("T")


class Ranges(Generic[T]):
    """Items that each cover a stretch of a ``Text``, asked for by position in logarithmic time.

    Relation finding asks, for each sentence, person or agreement, which mentions lie in or overlap
    a stretch; scanning every mention for every question made a long document cost the square of
    its length. ``Ranges`` sorts once by start and remembers the longest item, so both questions
    become a binary search and a short walk.
    """

    def __init__(self, items: Iterable[T], start: Callable[[T], int], end: Callable[[T], int]) -> None:
        pairs = sorted(((start(x), end(x), i, x) for i, x in enumerate(items)), key=lambda p: (p[0], p[2]))
        self._starts = [p[0] for p in pairs]
        self._ends = [p[1] for p in pairs]
        self._items = [p[3] for p in pairs]
        self._longest = max((e - s for s, e in zip(self._starts, self._ends, strict=True)), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def starting(self, a: int, b: int) -> list[T]:
        """Items that begin at ``a`` or later and before ``b``, in text order."""
        return self._items[bisect.bisect_left(self._starts, a):bisect.bisect_left(self._starts, b)]

    def overlapping(self, a: int, b: int) -> list[T]:
        """Items that share at least one position with ``a..b``, in text order."""
        lo = bisect.bisect_left(self._starts, a - self._longest + 1)
        hi = bisect.bisect_left(self._starts, b)
        return [x for x, e in zip(self._items[lo:hi], self._ends[lo:hi], strict=True) if e > a]

    def ending(self, a: int, b: int) -> list[T]:
        """Items that end after ``a`` and at ``b`` or before (``a < end <= b``), in text order."""
        lo = bisect.bisect_left(self._starts, a - self._longest + 1)
        hi = bisect.bisect_right(self._starts, b)
        return [x for x, e in zip(self._items[lo:hi], self._ends[lo:hi], strict=True) if a < e <= b]


def _is_cjk(c: str) -> bool:
    return "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"


_PLAIN = re.compile(r"[^*\n]+")


def _append(chars: list[str], offs: list[int], src: str, start: int, end: int) -> None:
    i = start
    while i < end:
        run = _PLAIN.match(src, i, end)
        if run:  # a stretch with no emphasis mark and no line break is copied whole
            chars.extend(run.group())
            offs.extend(range(i, run.end()))
            i = run.end()
            continue
        c = src[i]
        if c == "*" and src.startswith("**", i):
            i += 2
            continue
        if c == "\n":
            j = i
            while j < end and src[j] in "\n \t":
                j += 1
            prev = chars[-1] if chars else ""
            nxt = src[j] if j < end else ""
            if not (_is_cjk(prev) or _is_cjk(nxt)):
                chars.append(" ")
                offs.append(i)
            i = j
            continue
        chars.append(c)
        offs.append(i)
        i += 1


# an English line of at least six words, most of them in lower case, that opens with a capital
_CUT_SENTENCE_EN = re.compile(r"[A-Z][\w'’.-]*(?: [\w'’.,-]+){5,}")


def _lower_mostly(text: str) -> bool:
    words = text.split()
    return sum(1 for w in words if w[:1].islower()) * 2 > len(words)


def _groups(doc: Document) -> list[tuple[str, list[Block | None], list[tuple[int, int]], int | None]]:
    """Title, subtitle and body blocks; a paragraph that stops mid-sentence is joined with the next one."""
    out: list[tuple[str, list[Block | None], list[tuple[int, int]], int | None]] = []
    for kind, head in (("title", doc.title), ("subtitle", doc.subtitle)):
        if head is not None:
            out.append((kind, [None], [(head.start, head.end)], None))
    pending: list[Block] = []

    def flush() -> None:
        if pending:
            out.append((pending[0].kind, list(pending), [(b.span.start, b.span.end) for b in pending], pending[0].number))
            pending.clear()

    for n, block in enumerate(doc.blocks):
        if n == len(doc.blocks) - 1 and block.kind == "heading" and _CUT_SENTENCE_EN.fullmatch(block.span.text.strip()) \
                and _lower_mostly(block.span.text):
            # a saved page cut mid-sentence ends on "Governor Reyes responded that this was his second": a paragraph's
            # start, not a heading (most of its words are in lower case)
            block = replace(block, kind="paragraph")
        if pending and pending[-1].kind == "paragraph" and block.kind in ("paragraph", "heading"):
            last = pending[-1].span.text.rstrip(_CLOSERS + " ")
            if last and last[-1] not in TERMINAL and "，" in pending[-1].span.text:
                pending.append(block)
                continue
        flush()
        pending.append(block)
    flush()
    return out


# a full stop before a capital, also one a saved page glued to the next sentence ("… and Korea.Deputy Mayor Kim said")
_SENT_END = re.compile(r"[。！？!?]+[」』”）)]*|(?:(?<=[a-z0-9\)]{2})|(?<=\s\d))\.(?=\s+[\"“A-Z])|(?<=[a-z]{2}\))\.(?=\s)"
                       r"|(?<=[a-z]{3})\.(?=[A-Z][a-z]{2,}\s)")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gov|Sen|Rep|Lt|Gen|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
                     r"|Inc|Ltd|Co|Corp|U\.S|U\.K|vs)|\b[A-Z])$")


MAX_SENTENCE = 1000  # characters; the longest sentence of the development corpus has 700
_CLAUSE_MARKS = "，；,;、 "


def _bounded(raw: str, start: int, end: int, index: int) -> list[Sentence]:
    """One sentence, or pieces of at most MAX_SENTENCE characters cut after a clause mark.

    The recognisers look around a mention within its sentence; a text with no full stop (a
    megabyte of one line) would make each look as long as the text, and the whole square.
    """
    out = []
    while end - start > MAX_SENTENCE:
        cut = max((raw.rfind(c, start + MAX_SENTENCE // 2, start + MAX_SENTENCE) for c in _CLAUSE_MARKS), default=-1)
        cut = cut + 1 if cut >= 0 else start + MAX_SENTENCE
        out.append(Sentence(start, cut, index))
        start = cut
    out.append(Sentence(start, end, index))
    return out


def _sentences(raw: str, unit: Unit, index: int) -> list[Sentence]:
    if unit.kind in ("caption", "title", "subtitle", "heading"):
        return _bounded(raw, unit.start, unit.end, index)
    out: list[Sentence] = []
    start = unit.start
    for m in _SENT_END.finditer(raw, unit.start, unit.end):
        end = m.end()
        if m.group() == "." and _ABBREV.search(raw, max(unit.start, m.start() - 6), m.start()):
            continue
        if raw[start:end].strip():
            out.extend(_bounded(raw, start, end, index))
        start = end
    if raw[start:unit.end].strip():
        out.extend(_bounded(raw, start, unit.end, index))
    return out


def clause_start(t: str, lo: int, pos: int, marks: str = "，,；;") -> int:
    """Where the clause holding ``pos`` begins: just after the last of ``marks`` in ``t[lo:pos]``, else ``lo``."""
    return max([lo] + [t.rfind(c, lo, pos) + 1 for c in marks])


def clause_end(t: str, pos: int, hi: int, marks: str = "，,；;") -> int:
    """Where the clause holding ``pos`` ends: at the first of ``marks`` in ``t[pos:hi]``, else ``hi``."""
    return min([hi] + [i for c in marks if (i := t.find(c, pos, hi)) >= 0])


def make_text(doc: Document) -> Text:
    """The document's title and body as one Text, with units and sentences."""
    chars: list[str] = []
    offs: list[int] = []
    units: list[Unit] = []
    src = doc.text
    for kind, blocks, spans, number in _groups(doc):
        if chars:
            chars.append("\n")
            offs.append(offs[-1] + 1 if offs else 0)
        start = len(chars)
        for n, (a, b) in enumerate(spans):
            if n and chars and len(chars) > start:
                prev, nxt = chars[-1], (src[a] if a < b else "")
                if not (_is_cjk(prev) or _is_cjk(nxt)):
                    chars.append(" ")
                    offs.append(a - 1)
            _append(chars, offs, src, a, b)
        first = next((b for b in blocks if b is not None), None)
        units.append(Unit(kind, start, len(chars), number, first))
    raw = "".join(chars)
    text = Text(doc, raw, offs, units)
    for i, u in enumerate(units):
        text.sentences.extend(_sentences(raw, u, i))
    text._starts = [s.start for s in text.sentences]
    text.fold = fold(raw)
    if doc.language == "zh-Hans" and "于" in raw:
        # in simplified text 于 is the preposition (於's simplified form): it folds as 於 does, not to the family name's 亐
        text.fold = text.fold.replace("亐", "于")
    text.low = lower(text.fold)
    return text


def clauses(text: str, start: int, end: int, marks: str = "，；;,") -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]``, cut at commas and semicolons."""
    out = []
    s = start
    for i in range(start, end):
        if text[i] in marks:
            if i > s:
                out.append((s, i))
            s = i + 1
    if end > s:
        out.append((s, end))
    return out
