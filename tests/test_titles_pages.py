"""A saved page's title under its chrome: category labels, a section's name, a trail written one step a line, a
headline run on after a date label, a title given as a field at the end, a photo's caption on the first line.
Invented pages of the shapes real sites give."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartgraph import documents
from smartgraph.model import Document

BODY = "市長今(5)日接見來訪的市長，雙方簽署合作備忘錄，盼深化交流。\n\n雙方也交換了紀念品。\n"
HEAD = "市長出訪友好城市 深化雙邊交流"


def read(text: str, tmp_path: Path) -> Document:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return documents.read(path)


@pytest.mark.parametrize("text", [
    # a blog's category line over the headline
    f"Categories: 未分類\n\n{HEAD}\n\n{BODY}",
    # a section's name, then the trail one step a line, its last step the headline
    f"焦點新聞\n  • 首頁\n  • >\n  • 市政\n  • >\n  • {HEAD}\n\n{HEAD}\n\n{BODY}",
    # the trail on one line, its last step the headline the next line repeats
    f"首頁 > 市政 > {HEAD}\n\n{HEAD}\n\n{BODY}",
    # a date label whose value runs on into the headline
    f" date 2024-03-18 {HEAD}\n\n{BODY}",
    # a reprint: no headline on top, the title given as a field at the end, then the link
    f"{BODY}\n本站聲明:轉載文章僅供參考。\n標題:{HEAD}\n地址:https://example.com/a/1.html\n",
])
def test_the_headline_under_a_pages_chrome(tmp_path: Path, text: str) -> None:
    doc = read(text, tmp_path)
    assert doc.title is not None and doc.title.text == HEAD
    assert doc.blocks[0].span.text.startswith("市長今(5)日")


def test_a_section_name_alone_is_not_the_title(tmp_path: Path) -> None:
    doc = read(f"焦點新聞\n\n{HEAD}\n\n{BODY}", tmp_path)
    assert doc.title is not None and doc.title.text == HEAD


def test_a_trail_whose_last_step_is_a_section_keeps_it_out_of_the_title(tmp_path: Path) -> None:
    doc = read(f"首頁 > 新聞 > 市政\n\n市政\n\n{HEAD}\n\n{BODY}", tmp_path)
    assert doc.title is not None and doc.title.text == HEAD


def test_a_dated_line_of_prose_is_not_a_title(tmp_path: Path) -> None:
    doc = read(f"{HEAD}\n\n date 2024-03-18 （中央社記者王小明台北18日電）市長今天接見訪問團。\n\n{BODY}", tmp_path)
    assert doc.title is not None and doc.title.text == HEAD


def test_a_credited_photo_caption_on_the_first_line_is_no_title(tmp_path: Path) -> None:
    caption = "兩市締結姊妹市。圖/市政府提供"
    doc = read(f"{caption}\n{caption}\n\n{BODY}", tmp_path)
    assert doc.title is None
    # the credit is the page's, not what the photo shows
    assert [b.kind for b in doc.blocks if b.span.text == "兩市締結姊妹市。"] == ["caption", "caption"]
    assert [s.text for s in doc.header.boilerplate].count("圖/市政府提供") == 2


def test_a_title_field_does_not_count_as_a_header(tmp_path: Path) -> None:
    doc = read(f"{BODY}\n標題:{HEAD}\n", tmp_path)
    assert doc.title is not None and doc.title.text == HEAD
    assert any("no header" in n.message for n in doc.notices)


def test_a_list_number_glued_to_an_english_headline_is_not_part_of_it(tmp_path: Path) -> None:
    head = "Alex Doe, Director of Culture of the Northshire Government, toured the new city library and[...]"
    text = f"Springdale City Government\n\n03/08/2024 | Press release | Distributed by Public on 03/08/2024 09:15\n\n1{head}\n\n" \
           "[Link] Alex Doe, Director of Culture of the Northshire Government, toured the new city library on Monday.\n"
    doc = read(text, tmp_path)
    assert doc.title is not None and doc.title.text == head


def test_a_chinese_lead_run_on_after_a_date_label_is_the_body(tmp_path: Path) -> None:
    # a saved page that lost the line break between its date and its lead paragraph
    lead = "甲市政府今天與乙市結為姊妹市，兩市市長在甲市市府簽下協定，雙方將擴大交流。"
    doc = read(f"{HEAD}\n date 2026-03-05 {lead}\n\n雙方也交換了紀念品。\n", tmp_path)
    assert doc.title is not None and doc.title.text == HEAD
    assert doc.header.published is not None and doc.header.published.isoformat() == "2026-03-05"
    assert doc.blocks[0].span.text == lead


def test_a_dated_agency_lead_keeps_its_dateline_out_of_the_body(tmp_path: Path) -> None:
    doc = read(f"{HEAD}\n\n date 2024-03-18 （中央社記者王小明台北18日電）市長今天接見來訪的友好城市訪問團。\n\n{BODY}", tmp_path)
    assert doc.header.published is not None and doc.header.published.isoformat() == "2024-03-18"
    assert doc.blocks[0].span.text == "市長今天接見來訪的友好城市訪問團。"


def test_tags_one_a_line_at_the_end_are_not_the_body(tmp_path: Path) -> None:
    body = "TAIPEI — The mayor met the visiting mayor of Northtown on Monday to discuss exchanges between the two cities."
    tags = ["Alan Brook (布魯克)", "Northtown City Government", "Northtown City Mayor", "Twin City Forum", "City diplomacy"]
    doc = read("Mayor meets Northtown mayor\n\n" + body + "\n" + "\n".join(tags) + "\n", tmp_path)
    assert [b.span.text for b in doc.blocks] == [body]


def test_a_short_closing_list_of_three_stays_in_the_body(tmp_path: Path) -> None:
    items = ["Green ports", "Smart transport", "Youth exchange"]
    doc = read("Mayor meets Northtown mayor\n\nThe two cities agreed on three areas of work.\n" + "\n".join(items) + "\n", tmp_path)
    assert all(any(i in b.span.text for b in doc.blocks) for i in items)


def test_the_headline_repeated_under_the_pages_title_is_one_title(tmp_path: Path) -> None:
    head = "Northtown mayor meets Southport delegation"
    lead = "The mayor of Northtown met a delegation from Southport on Monday to talk about port exchanges."
    doc = read(f"{head}\n date 2024-09-04 To activate the text-to-speech service, accept the terms of use "
               f"first.\n\n{head}\n\nNorthtown, Sept. 4 (CNA) {lead}\n\nThe two cities signed a memorandum.\n", tmp_path)
    assert doc.title is not None and doc.title.text == head
    assert doc.header.published is not None and doc.header.published.isoformat() == "2024-09-04"
    assert doc.blocks[0].span.text == lead
    assert not any(b.span.text == head for b in doc.blocks)


def test_a_headline_written_again_under_the_pages_chrome_is_no_paragraph(tmp_path: Path) -> None:
    head = "Mayor meets with the Mayor of Northtown and a joint delegation"
    doc = read(f"{head}\nJump to the content zone at the center\n\n{head}\n\n {head}\n\n{BODY}", tmp_path)
    assert doc.title is not None and doc.title.text == head
    assert doc.blocks[0].span.text.startswith("市長今(5)日")


def test_a_headline_with_a_full_stop_written_again_below_the_chrome(tmp_path: Path) -> None:
    head = "Governor of Northshire visits Northtown and Mayor Brook presents him with a city medal."
    text = (f"{head}\nGo To Content\nCurrent Location Home > City Government > City News\n  • print\n  • Go Back\n\n{head}\n\n"
            "The governor of Northshire and his delegation visited the Northtown City Government today to mark a friendship.\n")
    doc = read(text, tmp_path)
    assert doc.title is not None and doc.title.text == head
    assert doc.blocks[0].span.text.startswith("The governor of Northshire")



def test_a_news_sites_widget_word_and_numbered_trail_are_chrome(tmp_path: Path) -> None:
    head = "Northtown mayor to speak at harbour forum in Southport"
    sub = "The mayor will sign an MOU with the Southport mayor"
    text = (f"{head}\nAlexa\n  • Directory of Northland\n  1. Home\n  2. Politics\n\n{head}\n\n{sub}\n\n"
            "By Alan Brook, Northland News, Staff Writer\n2023/09/22 14:05\n\n"
            "NORTHTOWN (Northland News) — The mayor of Northtown will speak at a harbour forum in Southport next week.\n")
    doc = read(text, tmp_path)
    assert doc.title is not None and doc.title.text == head
    assert doc.subtitle is not None and doc.subtitle.text == sub
    assert [b.span.text[:20] for b in doc.blocks] == ["The mayor of Northto"]


def test_a_site_name_over_its_bare_domain_is_no_title_and_an_address_line_is_none_either(tmp_path: Path) -> None:
    doc = read(f"八方新聞\nwww.example.net\n\n{HEAD}\n\n{BODY}", tmp_path)
    assert doc.title is not None and doc.title.text == HEAD
    doc = read(f"https://news.example.net/a/2023/05/05/123\n{HEAD}\n\n{BODY}", tmp_path)
    assert doc.title is not None and doc.title.text == HEAD
    assert doc.date is not None and doc.date.isoformat() == "2023-05-05"
