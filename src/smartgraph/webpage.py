"""Saved web pages (``.html``/``.htm``) to the text smartgraph records: the main content without navigation,
scripts or footers, one block to a paragraph, with the title and the page's date and publisher.

The main-content extractor is our own, on selectolax's Lexbor parser: city portals put the release in an
``<article>``/``<main>`` (or a ``content``/``news`` container) between menus, breadcrumbs, share links and
footers that carry tell-tale element names and classes. trafilatura was measured on the same saved pages
(README, "Web pages"): it drops figure captions, which name who took part, so it is not used.

The recorded text is: the title, the header lines the page shows (or, where it shows none, ``發布日期``/
``Date`` and ``發布機關``/``Source`` lines made from its ``<meta>`` tags), then the content's blocks,
separated by blank lines. Every offset of the document points into that text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

# elements that are never content
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "nav", "header", "footer", "aside",
              "button", "input", "select", "textarea", "label", "object", "embed", "map", "dialog", "menu")
# class or id words of navigation, sharing and page furniture (compared word by word: news-header is not header)
_DROP_WORDS = {"breadcrumb", "breadcrumbs", "crumb", "share", "sharing", "social", "menu", "nav", "navbar", "navigation", "footer",
               "sidebar", "related", "print", "back", "goback", "search", "skip", "login", "cookie", "cookies", "pagination", "pager",
               "sitemap", "topbar", "toolbar", "gotop", "totop", "logo", "accesskey", "advert", "ads", "banner", "hotnews", "popular",
               "recommend", "fontsize", "font-size", "rss", "subscribe", "comment", "comments"}
_MAIN_SELECTORS = ("article", "main", "[role=main]", "#content", ".content", "#main", ".main", ".news", ".article", "#article", "body")
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figcaption", "caption", "dt", "dd", "blockquote", "pre", "tr", "address"}
_CONTAINER_TAGS = {"div", "section", "article", "main", "ul", "ol", "dl", "figure", "table", "tbody", "thead", "tfoot", "body", "span",
                   "center", "font"}
# a date or a publisher the page shows in its first blocks
_DATE_SHOWN = re.compile(r"(?:日期|時間|Date|Updated|Posted)\s*(?:[:：]\s*)?\S", re.I)
_PUBLISHER_SHOWN = re.compile(r"(?:發布機關|發布單位|發稿單位|資料來源|Source|Unit|Issued by)\s*(?:[:：]\s*)?\S", re.I)
_WORD_SPLIT = re.compile(r"[\s_\-]+")
_META_DATE = ("DC.Date", "DC.date", "DC.Date.Issued", "DC.date.issued", "article:published_time", "og:published_time", "pubdate",
              "publishdate", "date", "datePublished", "publish-date", "publication_date")
_META_PUBLISHER = ("DC.Publisher", "DC.publisher", "DC.Creator", "DC.creator", "publisher", "article:publisher")
_META_TITLE = ("og:title", "DC.Title", "DC.title", "twitter:title")


@dataclass(frozen=True)
class Page:
    """What a saved page gives: the recorded text and the metadata found in its head."""

    text: str
    title: str
    date: str
    publisher: str
    site: str
    language: str


def _words(node: LexborNode) -> set[str]:
    attrs = node.attributes
    value = " ".join(v for k, v in attrs.items() if k in ("class", "id", "role") and v)
    return {w for w in _WORD_SPLIT.split(value.lower()) if w}


def _meta(tree: LexborHTMLParser, names: tuple[str, ...]) -> str:
    for name in names:
        for attr in ("name", "property", "itemprop"):
            node = tree.css_first(f'meta[{attr}="{name}"]')
            if node is not None and (node.attributes.get("content") or "").strip():
                return (node.attributes.get("content") or "").strip()
    return ""


def _clean(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\r", "")
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n[ \t]+", "\n", text)
    return re.sub(r"[ \t]{2,}", "  ", text).strip()


def _inline_text(node: LexborNode) -> str:
    """A block's text: its descendants' text, with <br> as a line break."""
    for br in node.css("br"):
        br.replace_with("\n")
    return _clean(node.text(deep=True, separator=""))


def _blocks(node: LexborNode, out: list[str]) -> None:
    """The text blocks under ``node`` in document order; inline text directly inside a container is a block too."""
    run: list[str] = []

    def flush() -> None:
        text = _clean("".join(run))
        if text:
            out.append(text)
        run.clear()

    child = node.child
    while child is not None:
        tag = child.tag
        if tag == "-text":
            run.append(child.text_content or "")
        elif tag in _BLOCK_TAGS:
            flush()
            if tag == "tr":
                cells = [_inline_text(c) for c in child.iter() if c.tag in ("td", "th")]
                text = "  ".join(c for c in cells if c)
            else:
                text = _inline_text(child)
            if text:
                out.append(text)
        elif tag in _CONTAINER_TAGS or tag not in ("a", "b", "strong", "em", "i", "u", "small", "sup", "sub", "time", "abbr", "img", "br"):
            flush()
            _blocks(child, out)
        elif tag == "br":
            run.append("\n")
        elif tag != "img":
            run.append(child.text(deep=True, separator=""))
        child = child.next
    flush()


def extract(html: str) -> Page:
    """The main content of a saved page as smartgraph's recorded text, and the page's metadata."""
    tree = LexborHTMLParser(html)
    root = tree.css_first("html")
    language = (root.attributes.get("lang") or "").strip() if root is not None else ""
    title = _meta(tree, _META_TITLE)
    if not title:
        t = tree.css_first("title")
        title = _clean(t.text()) if t is not None else ""
    site = _meta(tree, ("og:site_name",))
    if site and title.endswith(site):  # "Title - Site"
        title = re.sub(r"\s*[-|｜–—:]\s*$", "", title[: -len(site)]).strip()
    date = _meta(tree, _META_DATE)
    publisher = _meta(tree, _META_PUBLISHER)
    if publisher.startswith(("http://", "https://")):
        publisher = ""
    for tag in _DROP_TAGS:
        for n in tree.css(tag):
            n.decompose()
    for n in tree.css("[class], [id], [role]"):
        if n.parent is not None and _words(n) & _DROP_WORDS:
            n.decompose()
    for n in tree.css("a"):  # accesskey anchors (:::) and "back" links
        if _clean(n.text()) in (":::", "") and not n.css_first("img"):
            n.decompose()
    main = None
    for sel in _MAIN_SELECTORS:
        main = tree.css_first(sel)
        if main is not None and _clean(main.text()):
            break
    blocks: list[str] = []
    if main is not None:
        _blocks(main, blocks)
    heads = [b for b in blocks[:3]]
    if title and not any(title == h or title.startswith(h) or h.startswith(title) for h in heads):
        blocks.insert(0, title)
    lines = "\n".join(blocks[:12])
    zh = not re.fullmatch(r"en(?:-\w+)?", language.lower()) and bool(re.search(r"[\u4e00-\u9fff]", " ".join(blocks[:20])))
    extra: list[str] = []
    if date and not _DATE_SHOWN.search(lines):
        day = date[:10]
        extra.append(f"發布日期：{day}" if zh else f"Date: {day}")
    if publisher and not _PUBLISHER_SHOWN.search(lines):
        extra.append(f"發布機關：{publisher}" if zh else f"Source: {publisher}")
    if extra:
        blocks[1:1] = extra
    return Page("\n\n".join(blocks) + "\n", title, date, publisher, site, language)
