"""Read press releases: bytes to text (UTF-8 with or without BOM, UTF-16, Big5/CP950), header fields,
title, and the body's blocks, all with character offsets into the text that the graph records.

The recorded text is the decoded file with line ends folded to ``\\n`` and any BOM dropped; every
offset in a ``Span`` counts code points into it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from smartgraph.dates import DateError, parse_date
from smartgraph.errors import DocumentError
from smartgraph.model import Block, Document, Header, Notice, Span

SUFFIXES = (".txt", ".md", ".text")

# Header field labels as Taiwanese government press releases write them.
FIELDS: dict[str, tuple[str, ...]] = {
    "publisher": ("發布機關", "發佈機關", "發布單位", "發佈單位", "發稿單位", "新聞發布單位"),
    "published": ("發布日期", "發佈日期", "發稿日期", "新聞日期"),
    "posted": ("張貼日", "張貼日期", "上稿日期", "刊登日期"),
    "contacts": ("聯絡人", "連絡人", "新聞聯絡人", "新聞連絡人"),
    "phones": ("聯絡資訊", "聯絡電話", "連絡電話", "聯絡方式", "電話"),
}
_FIELD_OF = {label: name for name, labels in FIELDS.items() for label in labels}
_FIELD_RE = re.compile(
    r"^[ \t\u3000]*(?P<label>" + "|".join(sorted(map(re.escape, _FIELD_OF), key=len, reverse=True))
    + r")[ \t\u3000]*[:：][ \t\u3000]*(?P<value>.*?)[ \t\u3000]*$",
    re.M,
)
_BANNER_RE = re.compile(r"新聞稿\s*$|^\s*(?:新聞稿|press release)\s*$", re.I)
_CAPTION_RE = re.compile(r"^\s*(?:\*\*)?圖\s*(?P<n>\d+)\s*[：:]")
_LIST_RE = re.compile(r"^\s*(?:[-*•‧●]\s+|(?P<n>\d{1,2})\s*[.、)）]\s*)")
_ATTACH_RE = re.compile(r"^\s*(?:\*\*)?附件")
_URL_RE = re.compile(r"https?://[^\s<>()\[\]【】「」，。、]+")
_TERMINAL = "。！？!?.」』)）>*"
_CONTACT_SPLIT = re.compile(r"[/／、,，;；]|\s{2,}")
_UNIT_SUFFIXES = ("組", "科", "室", "課", "處", "股", "中心", "辦公室", "局", "部", "署")


def iter_inputs(inputs: Iterable[Path]) -> Iterator[Path]:
    """Files named, and the press releases inside folders named, each once, in a stable order."""
    seen: set[Path] = set()
    for item in inputs:
        if item.is_dir():
            paths = sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif item.is_file():
            paths = [item]
        else:
            raise DocumentError(str(item), "no such file or folder", hint="check the path, or omit it to build data/press-releases")
        for p in paths:
            r = p.resolve()
            if r not in seen:
                seen.add(r)
                yield p


# ----------------------------------------------------------------------------- decoding


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: one byte of each pair is NUL for ASCII-heavy text, or CJK decodes cleanly."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nul = data[0::2].count(0) / (len(data) / 2)
    odd_nul = data[1::2].count(0) / (len(data) / 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _is_text(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f") or 0xE000 <= ord(c) <= 0xF8FF or c == "\ufffd")
    return bad / len(text) < 0.01


def decode(data: bytes, path: str) -> tuple[str, str, list[Notice]]:
    """Bytes to text and the encoding used. Raises DocumentError for empty, binary or undecodable input."""
    notices: list[Notice] = []
    if not data.strip():
        raise DocumentError(path, "the file is empty", hint="remove it or put the press release's text in it")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, notices
            except UnicodeDecodeError as e:
                raise DocumentError(path, f"starts with a {enc} byte-order mark but does not decode ({e.reason})",
                                    hint="save the file again as UTF-8") from None
    utf16 = _looks_utf16(data[:4000])
    if utf16:
        try:
            text = data.decode(utf16)
            if _is_text(text):
                return text, utf16, notices
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8000]:
        raise DocumentError(path, "is a binary file, not a text press release",
                            hint="give smartgraph .txt files saved as UTF-8, Big5 or UTF-16")
    try:
        return data.decode("utf-8"), "utf-8", notices
    except UnicodeDecodeError as e:
        if e.start >= len(data) - 3 and e.reason == "unexpected end of data":
            # a file cut inside the last character: keep what is whole
            line = data[: e.start].count(b"\n") + 1
            notices.append(Notice("the file ends inside a UTF-8 character: it looks truncated", line))
            return data[: e.start].decode("utf-8"), "utf-8", notices
        utf8_error = e
    for enc in ("cp950", "big5hkscs"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _is_text(text) and re.search(r"[\u4e00-\u9fff]", text):
            return text, enc, notices
    line = data[: utf8_error.start].count(b"\n") + 1
    raise DocumentError(
        path, f"is in an encoding smartgraph cannot detect (not UTF-8 at byte {utf8_error.start}, nor Big5/CP950 or UTF-16)",
        line=line, hint="convert it to UTF-8, e.g. iconv -f YOUR-ENCODING -t UTF-8",
    )


# ----------------------------------------------------------------------------- parsing


def _strip_span(text: str, start: int, end: int) -> Span:
    seg = text[start:end]
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    return Span(start + lead, end - trail, seg.strip())


def _paragraphs(text: str, start: int) -> Iterator[Span]:
    """Runs of non-blank lines after ``start``."""
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text[start:]):
        span = _strip_span(text, start + m.start(), start + m.end())
        if span.text:
            yield span


def _header(text: str, path: str, notices: list[Notice]) -> tuple[Header, int]:
    """The header fields and where the header ends (0 when there is none)."""
    fields: dict[str, Span] = {}
    end = 0
    for m in _FIELD_RE.finditer(text):
        # header fields sit at the top: stop at the first one after a body paragraph
        before = text[end: m.start()]
        if end and any(p.strip() and not _BANNER_RE.search(p) for p in before.split("\n")):
            break
        if not end and any(len(p.strip()) > 60 for p in text[: m.start()].split("\n")):
            break
        name = _FIELD_OF[m["label"]]
        fields.setdefault(name, Span(m.start("value"), m.end("value"), m["value"]))
        end = m.end()
    if not fields:
        return Header(), 0

    def date_of(name: str) -> dt.date | None:
        span = fields.get(name)
        if span is None or not span.text:
            return None
        try:
            return parse_date(span.text)
        except DateError as e:
            notices.append(Notice(f"header field {name!r}: {e}", text.count("\n", 0, span.start) + 1))
            return None

    contacts: list[Span] = []
    unit: Span | None = None
    if "contacts" in fields:
        c = fields["contacts"]
        for m in re.finditer(r"[^/／、,，;；\s]+", c.text):
            piece = Span(c.start + m.start(), c.start + m.end(), m.group())
            if unit is None and not contacts and piece.text.endswith(_UNIT_SUFFIXES) and len(piece.text) >= 3:
                unit = piece
            else:
                contacts.append(piece)
    phones: list[Span] = []
    if "phones" in fields:
        p = fields["phones"]
        for m in re.finditer(r"[^/／、,，;；]+", p.text):
            piece = _strip_span(p.text, m.start(), m.end())
            if re.search(r"\d{3,}", piece.text):
                phones.append(Span(p.start + piece.start, p.start + piece.end, piece.text))
    header = Header(
        publisher=fields.get("publisher"),
        published=date_of("published"),
        published_span=fields.get("published"),
        posted=date_of("posted"),
        contact_unit=unit,
        contacts=tuple(contacts),
        phones=tuple(phones),
    )
    return header, end


def _block(span: Span) -> Block:
    urls = tuple(_URL_RE.findall(span.text))
    m = _CAPTION_RE.match(span.text)
    if m:
        return Block("caption", span, int(m["n"]), urls)
    if _ATTACH_RE.match(span.text):
        return Block("attachment", span, None, urls)
    m = _LIST_RE.match(span.text)
    if m:
        return Block("list-item", span, int(m["n"]) if m["n"] else None, urls)
    if len(span.text) <= 60 and not re.search(r"[。！？]", span.text):
        return Block("heading", span, None, urls)
    return Block("paragraph", span, None, urls)


def parse(text: str, source: str, path: str = "", encoding: str = "utf-8", notices: Iterable[Notice] = ()) -> Document:
    """Split a press release's text into header, title and blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    path = path or source
    notes = list(notices)
    if not text.strip():
        raise DocumentError(path, "holds only white space", hint="remove it or put the press release's text in it")
    header, body_start = _header(text, path, notes)
    paras = [p for p in _paragraphs(text, body_start) if not (body_start == 0 and _BANNER_RE.search(p.text))]
    if body_start == 0:
        notes.append(Notice("no header (發布機關, 發布日期, 聯絡人): publisher and date are unknown, facts are still read"))
    title = subtitle = None
    # lines, not paragraphs: a title and a subtitle may stand on adjacent lines
    lines: list[Span] = []
    for p in paras[:3]:
        pos = p.start
        for ln in p.text.split("\n"):
            lines.append(_strip_span(text, pos, pos + len(ln)))
            pos += len(ln) + 1
    heads = [ln for ln in lines if ln.text]
    if heads and len(heads[0].text) <= 80 and not heads[0].text.endswith("。") and not _CAPTION_RE.match(heads[0].text):
        title = heads[0]
        if len(heads) > 1 and len(heads[1].text) <= 40 and "。" not in heads[1].text and not _LIST_RE.match(heads[1].text):
            subtitle = heads[1]
    last_head = subtitle or title
    head_end = last_head.end if last_head is not None else body_start
    blocks: list[Block] = []
    for p in paras:
        if p.end <= head_end:
            continue
        if p.start < head_end:
            p = _strip_span(text, head_end, p.end)
        for piece in _split_lines_of_items(text, p):
            blocks.append(_block(piece))
    if header.publisher is not None and not blocks:
        raise DocumentError(path, "has a header but no body: the file looks truncated",
                            line=text.count("\n") + 1, hint="check that the whole press release was saved")
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    if paragraphs and not paragraphs[-1].span.text.endswith(tuple(_TERMINAL)) and blocks[-1].kind == "paragraph":
        notes.append(Notice("the last paragraph stops mid-sentence: the file may be truncated",
                            text.count("\n", 0, paragraphs[-1].span.end) + 1))
    return Document(
        source=source, path=path, text=text, encoding=encoding,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        header=header, title=title, subtitle=subtitle, blocks=tuple(blocks), notices=tuple(notes),
    )


def _split_lines_of_items(text: str, p: Span) -> Iterator[Span]:
    """A paragraph whose lines are list items or captions is split into one block per line."""
    lines = p.text.split("\n")
    if len(lines) > 1 and sum(bool(_LIST_RE.match(ln) or _CAPTION_RE.match(ln)) for ln in lines) >= 1:
        pos = p.start
        for ln in lines:
            s = _strip_span(text, pos, pos + len(ln))
            if s.text:
                yield s
            pos += len(ln) + 1
    else:
        yield p


def read(path: Path) -> Document:
    """Read one press release file."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(str(path), f"cannot be read ({e.strerror})", hint="check the file's permissions") from None
    text, encoding, notices = decode(data, str(path))
    if not _is_text(text):
        raise DocumentError(str(path), "decodes to control characters, not text: it looks binary",
                            hint="give smartgraph .txt files saved as UTF-8, Big5 or UTF-16")
    return parse(text, path.name, str(path), encoding, notices)
