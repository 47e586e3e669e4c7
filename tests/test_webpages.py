"""Saved web pages: main content without navigation or scripts, and the same facts as the pages' text versions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smartgraph import documents, pipeline, webpage
from smartgraph.config import Settings
from smartgraph.errors import DocumentError
from smartgraph.queries import Catalog
from smartgraph.sparql.store import open_store

from .conftest import seed_paths

HTML = Path(__file__).parent / "data" / "html"
PAGES = sorted((HTML / "pages").glob("*.htm*"))
TEXTS = sorted((HTML / "text").glob("*.txt"))
NOISE = ("跳到主要內容", "Jump to the content", "gtag(", "dataLayer", "console.log", "Copyright", "瀏覽人次", "Visitors", "友善列印",
         "回上一頁", "Go Back", "會員登入", "延伸閱讀", "版權所有", "Facebook", "LOGO", ":::", "請輸入關鍵字", "相關新聞", "廣告")


def test_the_folder_holds_pages_and_their_text_versions() -> None:
    assert len(PAGES) >= 5 and TEXTS
    stems = {p.stem for p in PAGES}
    assert {p.stem for p in TEXTS} | {p.stem for p in seed_paths()} >= stems


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_main_content_has_no_navigation_or_scripts(page: Path) -> None:
    text = webpage.extract(page.read_text(encoding="utf-8")).text
    for noise in NOISE:
        assert noise not in text, f"{noise!r} left in the text of {page.name}"
    doc = documents.read(page)
    assert doc.media_type == "text/html"
    assert doc.title is not None and doc.text[doc.title.start: doc.title.end] == doc.title.text
    for b in doc.blocks:
        assert doc.text[b.span.start: b.span.end] == b.span.text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_a_page_reads_as_its_text_version(page: Path) -> None:
    twin = next(p for p in [*TEXTS, *seed_paths()] if p.stem == page.stem)
    a, b = documents.read(page), documents.read(twin)
    assert a.title is not None and b.title is not None and a.title.text == b.title.text
    assert (a.header.publisher and a.header.publisher.text) == (b.header.publisher and b.header.publisher.text)
    assert a.date == b.date and a.language == b.language and a.header.kind == b.header.kind
    assert [c.text for c in a.header.contacts] == [c.text for c in b.header.contacts]
    assert [blk.span.text for blk in a.blocks] == [blk.span.text for blk in b.blocks]


def test_date_and_publisher_come_from_the_head_when_the_page_shows_none() -> None:
    page = HTML / "pages" / "kaohsiung-bremen.html"
    assert "Information Bureau" not in re.sub(r"<head>.*</head>", "", page.read_text(encoding="utf-8"), flags=re.S).split("<main")[1]
    doc = documents.read(page)
    assert doc.header.publisher is not None and doc.header.publisher.text == "Information Bureau, Kaohsiung City Government"
    assert doc.header.published is not None and doc.header.published.isoformat() == "2023-05-16"


def test_a_page_with_no_content_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>x()</script></head><body><nav><a href='/'>Home</a></nav><footer>©</footer></body></html>")
    with pytest.raises(DocumentError, match="no main content"):
        documents.read(path)


def _rows(inputs: list[Path], tmp: Path) -> dict[str, list[tuple[tuple[str, str], ...]]]:
    """Every canned query's rows (but provenance, whose offsets differ), file extensions taken off the sources and
    runs of white space made one space."""
    st = open_store(tmp)
    report = pipeline.build(inputs, st, Settings(store=tmp))
    assert report.ok, [r.error or r.violations for r in report.results if r.status != "stored"]
    out = {}
    for q in Catalog.load():
        if q.name == "provenance":
            continue
        rows = []
        for b in st.select(q.prepare({}))["results"]["bindings"]:
            # the same words, but white space between paragraphs differs (a quote running over a paragraph break)
            rows.append(tuple(sorted((k, re.sub(r"\s+", " ", re.sub(r"\.(?:html?|txt)$", "", v["value"]))) for k, v in b.items())))
        out[q.name] = sorted(rows)
    st.close()
    return out


def test_a_folder_of_saved_pages_builds_the_same_facts_as_their_text_versions(tmp_path: Path) -> None:
    texts = [*TEXTS, *(p for p in seed_paths() if any(p.stem == q.stem for q in PAGES))]
    from_text = _rows(texts, tmp_path / "text")
    from_html = _rows([HTML / "pages"], tmp_path / "html")
    assert from_text["documents"], "no documents built"
    assert sum(len(v) for v in from_text.values()) > 50
    for name in from_text:
        assert from_html[name] == from_text[name], name
