"""Saved web pages (``.html``/``.htm``) to the text smartgraph records: the main content without navigation,
scripts or footers, one block to a paragraph, with the title and the page's date and publisher.

The main-content extractor is our own, on selectolax's Lexbor parser: city portals put the release in an
``<article>``/``<main>`` (or a ``content``/``news`` container) between menus, breadcrumbs, share links and
footers that carry tell-tale element names and classes. News sites are laid out otherwise (a teaser's <article>
first, the story in a ``story``/``text`` div, menus beside it in one big container, the whole page in an ASP.NET
``<form>``), so the element that holds most of the page's paragraphs (Readability's way of scoring) is taken
instead when the matched container does not hold it, or holds far more than it. trafilatura was measured on the same saved pages
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
# (not <form>: ASP.NET pages, many city portals among them, wrap the whole page in one; its controls go, and a small form)
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "canvas", "nav", "header", "footer", "aside",
              "button", "input", "select", "textarea", "label", "object", "embed", "map", "dialog", "menu")
_SMALL_FORM = 200  # characters of text below which a <form> is a search box or a login, not a page's wrapper
_PARAGRAPH = 25  # characters a <p> needs to count as running text
_STORY = 200  # characters of running text that make a story of their own: a container with much more around it is not the story
_WIDER = 2.5  # how much more text than the paragraphs' own home a matched container may hold and still be taken
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


_SPACE = re.compile(r"\s+")
# "Headline - Section - Site", "Headline｜即時｜某某新聞網": the separators of a <title>'s trailing parts
_TITLE_PARTS = re.compile(r"\s+[-|–—]\s+|\s*[｜|]\s*|(?<=[\u4e00-\u9fff）」』])\s*[-－]\s*(?=[\u4e00-\u9fff])")
# a trailing part that names a site or a news outlet, or a news site's section
_SITE_PART = re.compile(r"(?:即時|社會|生活|政治|國際|地方|財經|娛樂|體育|兩岸|焦點|要聞|新聞|新聞稿|新聞發布|最新消息|市政新聞|市政|公告|影音|中央社)"
                        r"(?:新聞)?|.*(?:新聞網|電子報|日報|時報|晚報|新聞雲|新聞台|中央社|聯合報|通訊社|News|Times|Post|Herald"
                        r"|\.com|\.tw|\bCNA\b|政府|市府|資訊網|Government).*", re.I)


def _headline(title: str, site: str) -> str:
    """A page's <title> without the site's and sections' names after it."""
    title = title.strip()
    end = len(title)
    for sep in reversed(list(_TITLE_PARTS.finditer(title))):
        part = title[sep.end():end].strip()
        if not part or not (_SITE_PART.fullmatch(part) or (site and (site in part or part in site))):
            break
        end = sep.start()
    return title[:end].strip() or title


def _length(node: LexborNode) -> int:
    return len(_SPACE.sub("", node.text(deep=True)))


def _holds(outer: LexborNode, inner: LexborNode) -> bool:
    node: LexborNode | None = inner
    while node is not None:
        if node == outer:
            return True
        node = node.parent
    return False


def _paragraphs_home(tree: LexborHTMLParser) -> LexborNode | None:
    """The element that holds most of the page's running text, Readability's way: each paragraph's (``<p>``) text counts
    to its parent and half to its grandparent. None when the page has no paragraphs (a portal's release in plain
    ``<div>`` lines), where the matched container stands."""
    score: dict[int, float] = {}
    node_of: dict[int, LexborNode] = {}
    for p in tree.css("p"):
        n = _length(p)
        if n < _PARAGRAPH:
            continue
        parent = p.parent
        for node, share in ((parent, 1.0), (parent.parent if parent is not None else None, 0.5)):
            if node is None or node.tag in ("html", "body"):
                continue
            node_of[node.mem_id] = node
            score[node.mem_id] = score.get(node.mem_id, 0.0) + n * share
    if not score:
        return None
    return node_of[max(score, key=lambda k: score[k])]


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
    title = _headline(title, site)
    date = _meta(tree, _META_DATE)
    publisher = _meta(tree, _META_PUBLISHER)
    if publisher.startswith(("http://", "https://")):
        publisher = ""
    for tag in _DROP_TAGS:
        for n in tree.css(tag):
            n.decompose()
    for n in tree.css("form"):
        if _length(n) < _SMALL_FORM and not any(_length(p) >= _PARAGRAPH for p in n.css("p")):
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
    home = _paragraphs_home(tree)
    if home is not None and (main is None or main.tag == "body" or not _holds(main, home)
                             or (_length(home) >= _STORY and _length(main) > _WIDER * _length(home))):
        main = home  # the matched container is another (a teaser's <article>) or mostly not the story (a whole page's #main)
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
