"""Saved news and portal pages laid out in ways the main-content extractor must see through (webpage.py).

The pages are invented, in the shapes real sites use: an ASP.NET form around the whole page, a teaser's
<article> before the story, a story inside a container full of menus, and <title>s with the site's and the
section's names after the headline. Each test fails without the rule it names."""

from __future__ import annotations

from smartgraph import webpage

STORY = ("<p>高雄市長林大同今天接見來訪的日本和歌山市議會訪問團，雙方就城市交流、觀光及教育合作交換意見。</p>"
         "<p>林大同表示，兩市自締結姊妹市以來交流密切，期盼未來在港灣城市治理與觀光推廣上持續深化合作。</p>"
         "<p>訪問團團長田中一郎議員指出，和歌山市議會將持續推動兩市議會交流，並邀請高雄市府團隊明年回訪。</p>"
         "<p>訪問團此行也將參訪高雄港、市立圖書館總館及輕軌，了解高雄在港灣再生與公共運輸上的經驗。</p>"
         "<p>市府表示，高雄與和歌山市在觀光、教育及體育等領域已有多年交流，將持續透過城市外交拓展國際夥伴關係。</p>")
MENU = "<div class='channel'><ul>" + "".join(f"<li><a href='/c{i}'>頻道{i}</a></li>" for i in range(60)) + "</ul></div>"


def _page(body: str, title: str = "高雄市長接見和歌山市議會訪問團") -> str:
    return f"<html lang='zh-Hant'><head><title>{title}</title></head><body>{body}</body></html>"


def test_a_form_around_the_whole_page_is_no_search_box() -> None:
    page = _page("<form id='form1' method='post'><div class='wrap'><h1>高雄市長接見和歌山市議會訪問團</h1>"
                 f"<div class='story'>{STORY}</div></div></form>")
    text = webpage.extract(page).text
    assert "田中一郎議員指出" in text and "林大同表示" in text


def test_a_small_form_is_still_dropped() -> None:
    page = _page("<form class='q'><input name='q'>請輸入關鍵字查詢</form>" f"<article>{STORY}</article>")
    assert "請輸入關鍵字" not in webpage.extract(page).text


def test_a_teaser_article_before_the_story_is_not_the_story() -> None:
    page = _page("<div class='content'><article><a href='/n2'>港都夜景吸引旅客</a></article></div>"
                 f"<div class='c1'><div class='story'>{STORY}</div></div>")
    text = webpage.extract(page).text
    assert "田中一郎議員指出" in text


def test_a_page_without_a_main_container_gives_its_story_not_its_menus() -> None:
    page = _page(f"{MENU}<div class='area'><div class='txt'>{STORY}</div></div>{MENU}")
    text = webpage.extract(page).text
    assert "林大同表示" in text and "頻道12" not in text


def test_a_story_inside_a_container_full_of_menus_is_taken_alone() -> None:
    page = _page(f"<div id='main'>{MENU}<div class='text'>{STORY}</div>{MENU}</div>")
    text = webpage.extract(page).text
    assert "林大同表示" in text and "頻道12" not in text


def test_the_site_and_section_names_after_a_headline_are_not_the_title() -> None:
    for raw in ("高雄市長接見和歌山市議會訪問團 - 生活 - 某某時報電子報", "高雄市長接見和歌山市議會訪問團｜即時｜某某新聞網",
                "高雄市長接見和歌山市議會訪問團-新聞稿-高雄市政府全球資訊網", "高雄市長接見和歌山市議會訪問團 | 社會 | 某某新聞台 XYZ.COM"):
        assert webpage.extract(_page(f"<article>{STORY}</article>", raw)).title == "高雄市長接見和歌山市議會訪問團", raw


def test_a_title_s_own_dashes_and_a_place_after_one_stay() -> None:
    for raw in ("Taipei – Osaka Youth Exchange", "高雄-釜山", "A city-to-city forum"):
        assert webpage.extract(_page(f"<article>{STORY}</article>", raw)).title == raw
