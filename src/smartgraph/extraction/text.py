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
from dataclasses import dataclass, field
from functools import lru_cache

from smartgraph.model import Block, Document, Span

TERMINAL = "。！？!?"
_CLOSERS = "」』）)\"'”’"
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")

_SPECIAL = {
    "\u3000": " ", "\u00a0": " ", "．": "·", "‧": "·", "・": "·", "•": "·", "\uff65": "·", "∙": "·",
    "—": "-", "–": "-", "－": "-", "―": "-", "‐": "-", "“": '"', "”": '"', "‘": "'", "’": "'",
    "〔": "(", "〕": ")", "【": "[", "】": "]", "﹝": "(", "﹞": ")",
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


def fold(text: str) -> str:
    """Fold a string character by character (same length)."""
    return "".join(fold_char(c) for c in text)


def lower(text: str) -> str:
    """Lower-case without changing the length."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


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


def _is_cjk(c: str) -> bool:
    return "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"


def _append(chars: list[str], offs: list[int], src: str, start: int, end: int) -> None:
    i = start
    while i < end:
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

    for block in doc.blocks:
        if pending and pending[-1].kind == "paragraph" and block.kind in ("paragraph", "heading"):
            last = pending[-1].span.text.rstrip(_CLOSERS + " ")
            if last and last[-1] not in TERMINAL and "，" in pending[-1].span.text:
                pending.append(block)
                continue
        flush()
        pending.append(block)
    flush()
    return out


_SENT_END = re.compile(r"[。！？!?]+[」』”）)]*|(?<=[a-z0-9\)]{2})\.(?=\s+[\"“A-Z])|(?<=[a-z]{2}\))\.(?=\s)")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gov|Sen|Rep|Lt|Gen|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|U\.S|U\.K|vs)|\b[A-Z])$")


def _sentences(raw: str, unit: Unit, index: int) -> list[Sentence]:
    if unit.kind in ("caption", "title", "subtitle", "heading"):
        return [Sentence(unit.start, unit.end, index)]
    out = []
    start = unit.start
    for m in _SENT_END.finditer(raw, unit.start, unit.end):
        end = m.end()
        if m.group() == "." and _ABBREV.search(raw, max(unit.start, m.start() - 6), m.start()):
            continue
        if raw[start:end].strip():
            out.append(Sentence(start, end, index))
        start = end
    if raw[start:unit.end].strip():
        out.append(Sentence(start, unit.end, index))
    return out


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
