"""Views of a document's text for pattern matching, that map every character back to its offset.

A view drops Markdown emphasis (``**``) and joins a paragraph that stops mid-sentence with the next
one, so that patterns see ``今年`` where the file has ``今\\n\\n\\n\\n年``; every span found in a view is
given back in offsets of the recorded text, and its quote is that text's own slice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from smartgraph.model import Block, Document, Span

TERMINAL = "。！？!?"
_CLOSERS = "」』）)\"'”’"


@dataclass(frozen=True)
class View:
    text: str
    offsets: tuple[int, ...]  # offsets[i] = where view character i stands in the document
    source: str  # the document's text
    kind: str = "paragraph"
    number: int | None = None

    def span(self, start: int, end: int) -> Span:
        """The document span behind view characters ``start..end``."""
        if end <= start:
            s = self.offsets[start] if start < len(self.offsets) else (self.offsets[-1] + 1 if self.offsets else 0)
            return Span(s, s, "")
        s, e = self.offsets[start], self.offsets[end - 1] + 1
        return Span(s, e, self.source[s:e])

    def sub(self, start: int, end: int) -> View:
        return View(self.text[start:end], self.offsets[start:end], self.source, self.kind, self.number)

    def strip(self) -> View:
        s, e = 0, len(self.text)
        while s < e and self.text[s] in " \t\u3000\n":
            s += 1
        while e > s and self.text[e - 1] in " \t\u3000\n":
            e -= 1
        return self.sub(s, e)


def _is_cjk(c: str) -> bool:
    return "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"


def make_view(doc: Document, spans: list[tuple[int, int]], kind: str = "paragraph", number: int | None = None) -> View:
    """A view over one or more document spans: ``**`` dropped, line breaks inside CJK text dropped."""
    chars: list[str] = []
    offs: list[int] = []
    src = doc.text
    for n, (start, end) in enumerate(spans):
        if n and chars:
            prev = chars[-1]
            nxt = src[start] if start < end else ""
            if not (_is_cjk(prev) or _is_cjk(nxt)):
                chars.append(" ")
                offs.append(start - 1)
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
    return View("".join(chars), tuple(offs), src, kind, number)


def units(doc: Document) -> Iterator[View]:
    """The title, subtitle and body as views; a paragraph that stops mid-sentence is joined with the next."""
    for head in (doc.title, doc.subtitle):
        if head is not None:
            yield make_view(doc, [(head.start, head.end)], "title")
    pending: list[Block] = []

    def flush() -> Iterator[View]:
        if pending:
            yield make_view(doc, [(b.span.start, b.span.end) for b in pending], pending[0].kind, pending[0].number)
            pending.clear()

    for block in doc.blocks:
        if pending and pending[-1].kind == "paragraph" and block.kind in ("paragraph", "heading"):
            last = pending[-1].span.text.rstrip(_CLOSERS + " ")
            if last and last[-1] not in TERMINAL and "，" in pending[-1].span.text:
                pending.append(block)
                continue
        yield from flush()
        pending.append(block)
    yield from flush()


def sentences(view: View) -> Iterator[tuple[int, int]]:
    """Sentence boundaries in a view: after 。！？ (and a closing quote), and after '.' followed by a space."""
    start = 0
    text = view.text
    if view.kind == "caption":
        yield 0, len(text)
        return
    for m in re.finditer(r"[。！？!?]+[」』”）)]*|(?<=[a-z]{2})\.(?=\s+[A-Z])", text):
        end = m.end()
        if text[start:end].strip():
            yield start, end
        start = end
    if text[start:].strip():
        yield start, len(text)


def clauses(text: str, start: int, end: int, marks: str = "，；;,") -> Iterator[tuple[int, int]]:
    s = start
    for i in range(start, end):
        if text[i] in marks:
            if i > s:
                yield s, i
            s = i + 1
    if end > s:
        yield s, end
