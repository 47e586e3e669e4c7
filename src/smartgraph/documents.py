"""Read press releases: bytes to text (UTF-8 with or without BOM, UTF-16, Big5/CP950), header fields,
title, and the body's blocks, all with character offsets into the text that the graph records.

The recorded text is the decoded file with line ends folded to ``\\n`` and any BOM dropped; every
offset in a ``Span`` counts code points into it.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import fnmatch
import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from smartgraph.dates import DateError, DateMatch, parse_date, recognise_dates
from smartgraph.errors import DocumentError
from smartgraph.model import Block, Document, Header, Notice, Span

SUFFIXES = (".txt", ".text", ".html", ".htm")  # what a folder contributes unless --glob says otherwise
HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Skipped:
    """A file that was named or found but is not read as a press release, and why."""

    path: Path
    reason: str


def _not_a_release(path: Path) -> str | None:
    """Why a file is not a press release, or None when it is one."""
    name = path.name
    if name.upper().startswith("README"):
        return "a README, not a press release"
    if path.suffix.lower() in SUFFIXES:
        return None
    kind = ("an image" if path.suffix.lower() in (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff")
            else "Markdown" if path.suffix.lower() in (".md", ".markdown")
            else "JSON" if path.suffix.lower() in (".json", ".jsonld")
            else f"a {path.suffix} file" if path.suffix else "a file without an extension")
    return f"{kind}, not a press release (smartgraph reads {', '.join(SUFFIXES)})"


def iter_inputs(inputs: Iterable[Path], globs: Iterable[str] = (), skipped: list[Skipped] | None = None) -> Iterator[Path]:
    """Files named, and the press releases inside folders named, each once, in a stable order.

    A folder contributes its ``.txt``, ``.text``, ``.html`` and ``.htm`` files (README files left out), or,
    with ``globs``, the files whose path inside the folder or name matches one of them. Other files are
    appended to ``skipped`` with the reason (hidden files and folders are passed over in silence). A folder
    that contributes nothing is an error that says what was looked for."""
    patterns = tuple(globs)
    seen: set[Path] = set()
    for item in inputs:
        if item.is_dir():
            paths: list[Path] = []
            for p in sorted(x for x in item.rglob("*") if x.is_file()):
                rel = p.relative_to(item)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if patterns:
                    if any(fnmatch.fnmatch(rel.as_posix(), g) or fnmatch.fnmatch(p.name, g) for g in patterns):
                        paths.append(p)
                    continue
                why = _not_a_release(p)
                if why is None:
                    paths.append(p)
                elif skipped is not None:
                    skipped.append(Skipped(p, why))
            if not paths:
                looked = (f"files matching {' or '.join(patterns)}" if patterns
                          else f"{', '.join('*' + s for s in SUFFIXES)} files other than README")
                raise DocumentError(str(item), f"holds no press release (looked for {looked})",
                                    hint="put releases in it, point smartgraph at another folder, or choose files with --glob PATTERN")
        elif item.is_file():
            why = None if patterns else _not_a_release(item)
            if why is not None:
                if skipped is not None:
                    skipped.append(Skipped(item, why))
                continue
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


_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff\ufffd]")  # controls but \t \n \f \r, private use, U+FFFD


def _is_text(text: str) -> bool:
    if not text:
        return False
    return len(_NOT_TEXT.findall(text)) / len(text) < 0.01


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
#
# A document is read line by line. From the top, lines are navigation and banners (boilerplate), header
# fields (one or several to a line, with or without a colon, in a list or between ｜), a news story's
# date line and byline, photo captions, the title and a subtitle, until the first line of the body. From
# the bottom, related-story lists, tags, copyright and editor lines, and header fields written at the
# end (資料來源/發布日期/更新日期, Updated:, Source:). A dateline that opens the first body paragraph
# (（中央社記者…上海4日電）, 〔記者…／台北報導〕, ``TAICHUNG, March 13 (CNA) --``) goes to the header too.

_BULLET = r"(?:[-*•‧●・·▪◦]\s*)?"
_SP = "[ \t\u3000]"

# Header labels as city portals write them, in Chinese and English, by the field they fill.
FIELDS: dict[str, tuple[str, ...]] = {
    "publisher": ("發布機關", "發佈機關", "發布單位", "發佈單位", "發稿單位", "發稿機關", "新聞發布單位", "新聞稿發布單位", "發布者", "發布局處",
                  "主管機關", "發布機構", "單位", "发布机关", "发布单位", "发稿单位",
                  "Issued by", "Issuing Agency", "Issuing Unit", "Issuing Department", "Publishing Unit", "Publishing Agency",
                  "Publishing Department", "Publish Unit", "Release Unit", "Releasing Unit", "Publisher", "Unit"),
    "source": ("資料來源", "來源單位", "撰稿單位", "來源", "资料来源", "来源", "Source", "Data Source", "Information Source"),
    "published": ("發布日期", "發佈日期", "發稿日期", "新聞日期", "新聞發布日期", "發布時間", "發佈時間", "發稿時間", "日期", "发布日期",
                  "发布时间", "发稿日期", "發表於", "发表于", "發表時間", "发表时间", "發表日期", "发表日期", "時間", "时间",
                  "Publish Date", "Publication Date", "Published", "Release Date", "Date of Release", "Issue Date",
                  "Date of Issue", "Date Published", "Date"),
    "posted": ("張貼日", "張貼日期", "上稿日期", "刊登日期", "上版日期", "上架日期", "公告日期", "Post Date", "Posted", "Posted on",
               "Posted Date", "Date Posted"),
    "updated": ("更新日期", "更新時間", "最後更新", "最後更新日期", "修改日期", "異動日期", "更新时间", "更新日期", "Updated",
                "Update Time", "Last Updated", "Last Update", "Last Modified", "Modified", "Update Date"),
    "contacts": ("聯絡人", "連絡人", "新聞聯絡人", "新聞連絡人", "發稿人", "撰稿人", "承辦人", "新聞聯絡", "联络人", "联系人",
                 "Contact Person", "Contact", "Contacts", "Media Contact", "Press Contact"),
    "phones": ("聯絡資訊", "聯絡電話", "連絡電話", "聯絡方式", "電話", "联系电话", "联络电话", "Phone", "Tel", "Telephone",
               "Contact Number"),
    "title": ("標題", "新聞標題", "标题", "新闻标题"),
    "ignore": ("類別", "分類", "类别", "分类", "點閱次數", "瀏覽次數", "點閱數", "點閱率", "瀏覽人次", "人氣", "審核日期", "標籤", "責任編輯",
               "责任编辑", "作者", "Author", "Category", "Categories", "Hits", "Hit", "Views", "Reviewed", "Tags", "Keywords"),
}
_FIELD_OF = {label.casefold(): name for name, labels in FIELDS.items() for label in labels}
_LABELS = "|".join(sorted(map(re.escape, (lb for labels in FIELDS.values() for lb in labels)), key=len, reverse=True))
# a label where a field may start: at the line's start (after a bullet) or after a separator
_LABEL_AT = re.compile(r"(?:^" + _BULLET + r"|(?<=[\s｜|│]))(?P<label>" + _LABELS + r")(?![A-Za-z])" + _SP + r"*(?P<colon>[:：])?" + _SP + "*",
                       re.I)
# blanks around a separator; a match starts where its blanks start (``(?<!\s)``), or at the separator right after the
# blanks an earlier match took: a plain leading ``\s*`` is tried from every blank of a long run (quadratic: 50,000
# spaces in one line took a minute to read)
_SEPARATORS = re.compile(r"(?<!\s)\s*[｜|│]\s*|(?<=\s)[｜|│]\s*")
_DATE_LABELS = {"published", "posted", "updated"}
# share buttons' words at the start of a header line, as a saved page writes them on one line
_SHARE_RUN = re.compile(r"(?:(?:分享|share|facebook|line|twitter|plurk|e-?mail|列印|友善列印|轉寄|print)(?:\s+|\s*[|｜]\s*))+", re.I)

_BANNER_RE = re.compile(r"新聞稿\s*$|^\s*(?:新聞稿|新聞資料|新聞發布|press release|news release)\s*$", re.I)
_NAV_RE = re.compile(
    r"^(?::::*(?:\s*anchor)?|(?:jump|skip|go|tab)\s+to\s+(?:the\s+)?(?:main\s+)?content\b.*|"
    r"link\s+to\s+(?:the\s+)?(?:main\s+)?content(?:\s+area)?|跳[到至]主要內容.*|回首頁|網站導覽|"
    r"(?:[•·‧●▪*-]\s*)?(?:print|forward|go\s*back|back|share|e-?mail|友善列印|列印|回上一?頁|轉寄|分享|字級.{0,8})|"
    r"(?:share|分享)\s*[:：].*|.{0,60}\blogo|.{0,80}\b(?:post|share)\s+to\s+(?:facebook|twitter|plurk|line)\b.*|"
    r"(?:you\s+are\s+here|current\s+location|目前位置|現在位置|您的位置|您現在的位置)\s*[:：]?.*|"
    r"回到頂端|回頂端|[至回]頁首?|回到頁首|按\s*enter\s*(?:鍵\s*)?[到至跳]\S{0,10}|top|contact\s+us|聯絡我們|site\s*map|\d{1,2}[- ]days?\s+forecasts?|"
    r"(?:熱門|热门|熱搜|热搜|熱門關鍵字|熱門搜尋|trending|hot\s+topics)\s*[:：].{0,60}|"  # a site's bar of trending searches
    r"to\s+activate\s+the\s+text-to-speech\s+service\b.{0,80})$",  # a news site's read-aloud notice above the headline
    re.I)
_ALT_TEXT_RE = re.compile(r"^[\w .'-]{0,40}\b(?:photo|image|picture|icon|banner)s?$|^[\u4e00-\u9fff]{0,10}(?:照片|圖片|相片)$", re.I)
_SECTION_RE = re.compile(
    r"^(?:city news|news|latest news|press releases?|news releases?|announcements|top news|breaking news|politics|society|"
    r"business|cross-strait|taiwan|local|international|world|asia|focus|sports|life|culture|opinion|features|front page|"
    r"快訊|即時|即時新聞|最新消息|新聞稿|市政新聞|新聞|焦點|要聞|政治|社會|生活|地方|國際|兩岸|財經|文教|體育|娛樂|"
    r"本市新聞|新聞發布|地方焦點|地方新聞|政治焦點|生活新聞|"
    r"(?:焦點|焦点|市政|即時|最新|重要|國際|国际|地方|政治|社會|社会|生活|財經|财经|體育|体育|文教|藝文|艺文|本市|府會|府会|縣政|县政|"
    r"市府|活動|活动|綜合|综合)(?:新聞|新闻|快訊|快讯))$", re.I)  # 焦點新聞, 市政快訊: a section's name, never a story's title
# a city site's weather and air-quality box above the headline: 晴天 / 今日氣溫 / 22 ~ 26 / • 臺南 / AQI / 30 / 良好
_WEATHER_RE = re.compile(r"^(?:[•·]\s*)?(?:晴天|陰天|多雲|晴時多雲|多雲時晴|多雲時陰|陰時多雲|陰天有雨|陣雨|雷陣雨|短暫陣雨|雨天|今日氣溫|"
                         r"空氣品質指標|AQI|良好|普通|對敏感族群不健康|對所有族群不健康|非常不健康|危害|"
                         r"\d{1,2}\s*[~～]\s*\d{1,2}(?:\s*°?C)?|\d{1,3})$")
# a town the weather box lists after its first line (• 臺南, 新營)
_WEATHER_TOWN_RE = re.compile(r"(?:[•·]\s*)?[\u4e00-\u9fff]{2,3}")
_CAPS_SECTION_RE = re.compile(r"^[A-Z][A-Z&' -]{2,24}$")
_COUNT_RE = re.compile(r"^" + _BULLET + r"(?:hits?|views?|點閱(?:次數|數)?|瀏覽(?:次數|人次)?|人氣)\s*(?:[:：]\s*)?\d[\d,]*$", re.I)
_CREDIT_RE = re.compile(
    r"^[（(]?\s*(?:圖|照片|圖片|相片|photo|image)\s*(?:[/／:：]|來源\s*[:：]|credit\s*[:：]?).{1,40}?[）)]?$|"
    r"^[（(]?(?:[\w .'-]{1,40}\s)?photo[）)]?$", re.I)
_COPYRIGHT_RE = re.compile(r"^[※*]?\s*(?:本(?:文|網站|网站|站).{0,40}(?:版權|授權|轉載|版权|授权|转载)|copyright\b|©|all rights reserved).*$", re.I)
_EDITOR_RE = re.compile(r"^[（(]\s*(?:編輯|编辑|責任編輯|责任编辑|譯者|译者|核稿)\s*[:：].{1,20}[）)]\s*\d{0,8}$|^enditem(?:/\w+)?$|^\d{7}$", re.I)
_RELATED_RE = re.compile(
    r"^(?:[【\[]?\s*(?:更多新聞|延伸閱讀|相關新聞|相關報導|看原文連結|推薦閱讀|熱門新聞|更多.{0,16}(?:新聞|報導|新闻|报道)(?:網|网)?(?:報導|报道)?)\s*[】\]]?|"
    r"▲?更多.{0,20}(?:請見|請看).*|related (?:articles|news|stories)|more (?:news|stories)|read more)$", re.I)
_RELATED_LINKS_RE = re.compile(r"^(?:related links?|相關連結|相關網站)\s*[:：].*$", re.I)
_NOTE_RE = re.compile(r"^※.*$")
# a news page's advertisement slot and reading prompt (「我是廣告 請繼續往下閱讀」「廣告 廣告」), its lead-image placeholder (首圖)
_AD_RE = re.compile(r"^(?:我是廣告|[\[［【]?廣告[\]］】]?)(?:\s*(?:廣告|(?:更多內容)?請繼續往下閱讀\.{0,3}…?))*$|^(?:更多內容)?請繼續往下閱讀\.{0,3}…?$|^首圖$")
_HASHTAGS_RE = re.compile(r"^[#＃][^#＃]+(?:[#＃][^#＃]+)+$")

_CAPTION_RE = re.compile(
    r"^\s*(?:\*\*)?(?:圖說?\s*(?P<n>\d+)?\s*[：:]|圖說\s*(?P<n2>\d+)?|▲|\[(?:photo|圖)\]|photo caption\s*[:：]|caption\s*[:：])", re.I)
_LIST_RE = re.compile(r"^\s*(?:[-*•‧●]\s+|(?P<n>\d{1,2})\s*[.、)）]\s*)")
_ATTACH_RE = re.compile(r"^\s*(?:\*\*)?(?:附件|attachments?\s*[:：])", re.I)
_URL_RE = re.compile(r"https?://[^\s<>()\[\]【】「」，。、]+")
_TERMINAL = "。！？!?.」』)）>*\"”"
_UNIT_SUFFIXES = ("組", "科", "室", "課", "處", "股", "中心", "辦公室", "局", "部", "署")
_TITLE_WORDS = ("處長", "副處長", "科長", "股長", "組長", "主任", "專員", "秘書", "局長", "副局長", "技正", "視察", "科員",
                "先生", "小姐", "女士", "發言人", "專門委員")

# Organisations: a government (and a unit of it), in Chinese or English.
_ZH_GOV = r"[\u4e00-\u9fff]{1,8}?(?:市|縣|鄉|鎮|區)(?:政府|公所|議會)"
_ZH_UNIT = r"[\u4e00-\u9fff]{1,14}?(?:局|處|室|會|中心|所|隊|署|組|科|辦公室)"
_ZH_ORG_RE = re.compile(rf"^(?P<org>(?:{_ZH_GOV}|行政院|總統府|[\u4e00-\u9fff]{{2,5}}部)(?:{_ZH_UNIT})?|{_ZH_UNIT})$")
_ZH_SITE_RE = re.compile(rf"^(?P<org>(?:{_ZH_GOV}|行政院|總統府|[\u4e00-\u9fff]{{2,5}}部)(?:{_ZH_UNIT})?)\s*(?:全球資訊網|網站|入口網|新聞稿|新聞資料)?$")
_EN_ORG_WORDS = r"(?:Government|Council|Bureau|Department|Office|Secretariat|Commission|Agency|Administration|Ministry|Assembly)"
# "Taipei City Government", "Department of Public Information": capitalised words, joined by of/and/for/the
_EN_ORG_RE = re.compile(rf"^(?:The\s+)?(?:[A-Z][\w'’.&-]*,?\s+(?:of\s+|and\s+|for\s+|the\s+)*){{0,8}}{_EN_ORG_WORDS}"
                        rf"(?:,?\s+(?:of\s+|and\s+|for\s+|the\s+)*[A-Z][\w'’.&-]*)*$")
_EN_SITE_RE = re.compile(r"^(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:City|County|Municipal|Metropolitan|Township)\s+Government$")

# News: outlets, bylines, date lines and datelines.
_ZH_OUTLET = r"(?:[A-Za-z]{2,12}\s?)?[\u4e00-\u9fff]{0,8}(?:報|报|新聞網|新闻网|新聞|新闻|日報|时报|時報|通訊社|通讯社|電子報|电子报|社|電視台|電視|網|网)"
_EN_OUTLET = (r"(?:CNA|Focus Taiwan|Central News Agency|Taiwan News|Taipei Times|Reuters|AFP|AP|Kyodo|Yonhap|Bloomberg|"
              r"Xinhua|NHK|BBC|RTI|ICRT|(?:[A-Z][\w.&'-]*\s){0,3}(?:News|Times|Post|Daily|Herald|Journal|Tribune|Press|Agency|Gazette|Telegraph))")
_ZH_OUTLET_RE = re.compile(rf"^{_ZH_OUTLET}$")
_EN_OUTLET_RE = re.compile(rf"^{_EN_OUTLET}$")
_REPORT = r"(?:即時)?(?:報導|报导|報道|报道)"
# 記者林大同、王小明／台北報導 · 某某新聞網記者陳小華／台北報導 · 台灣某某新聞／記者李大華／桃園報導 · 地方中心／台東報導
_ZH_BYLINE_RE = re.compile(
    r"^(?:(?P<outlet>[^\s／/〔〕【】]{2,20}?)\s*(?:[／/]\s*)?)?(?:記者|记者)\s*(?P<names>[\u4e00-\u9fff·．・、，, ]{2,40}?)\s*[／/]\s*"
    r"(?P<place>[\u4e00-\u9fff]{0,8}?)\s*" + _REPORT + r"$"
    r"|^(?P<who>[^\s／/〔〕【】]{2,16})\s*[／/]\s*(?P<place2>[\u4e00-\u9fff]{0,8}?)\s*" + _REPORT + r"$")
_NOT_PLACE = ("綜合", "综合", "即時", "编译", "編譯", "國際", "国际")
_EN_BYLINE_RE = re.compile(
    r"^By\s+(?P<who>[A-Z][\w.,&'’ -]{1,80}?)(?:\s*[,/]\s*(?P<role>(?:Staff|Senior|Special)\s+(?:[Ww]riter|[Rr]eporter|[Cc]orrespondent)s?|"
    r"[Rr]eporters?|[Cc]orrespondents?|[A-Z]{2,5}))?$"
    r"|^(?:(?:Staff|Senior|Special)\s+(?:[Ww]riters?|[Rr]eporters?|[Cc]orrespondents?))(?:\s*,\s*with\s+(?P<agency>[A-Z][\w .&-]{1,40}))?$",
)
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|(?:上午|下午|晚上|早上|中午|凌晨)\s*\d{1,2}[:：]\d{2})"
# a portal's or channel's name of one Latin word, digits allowed (News123, ETtoday), not a header label
_SITE_TOKEN_RE = re.compile(r"(?!(?:updated?|posted|modified|published|date|time)\b)[A-Za-z][A-Za-z0-9]{2,15}", re.I)
_DATE_LINE_NOISE = re.compile(
    _TIME + r"|[（(][^（()）]{0,20}(?:更新|updated?)[^（()）]{0,20}[）)]|(?:週|周|星期)[一二三四五六日天]|"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?|[-–—]\s*Page\s*\d+|GMT[+-]\d{1,2}(?::?\d{2})?|[｜|│,]", re.I)
# （中央社記者王小明台北5日電） · （中央社高雄1日电）
_ZH_DATELINE_RE = re.compile(
    r"^[（(]\s*(?P<outlet>中央社|中央通訊社|中央通讯社|[\u4e00-\u9fff]{2,8}?社)\s*(?:(?:記者|记者)(?P<rest>[\u4e00-\u9fff、，,·．]{2,40}?)|(?P<place>[\u4e00-\u9fff]{2,8}?))"
    r"(?P<day>\d{1,2})\s*日\s*(?:電|电|專電|专电)\s*[）)]\s*")
_DATED_REPORT_RE = re.compile(r"(?P<d>(?:19|20)\d{2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2})\s*[／/╱|｜]\s*"
                              r"(?P<outlet>[^\s／/╱|｜]{2,16}?)\s*(?:報導|报导|報道|报道)$")
_ZH_BRACKET_BYLINE_RE = re.compile(r"^[〔【\[]\s*(?P<inner>[^〕】\]\n]{2,40}?)\s*[〕】\]]\s*")
_EN_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# TAICHUNG, March 13 (CNA) -- · TAIPEI (Taiwan News) — · Kaohsiung, June 25 (CNA)
_EN_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z.'-]{1,20}(?:\s[A-Z][A-Za-z.'-]{1,20}){0,2})(?:,\s*(?P<date>" + _EN_MON + r"\s+\d{1,2}))?\s*"
    r"\((?P<outlet>" + _EN_OUTLET + r")\)\s*(?:(?:--|—|–|-|:)\s*)?")
# Taiwanese place names a dateline may end with, to split 王小明台北 into a reporter and a place.
_DATELINE_PLACES = ("台北", "臺北", "新北", "桃園", "台中", "臺中", "台南", "臺南", "高雄", "基隆", "新竹", "苗栗", "彰化", "南投",
                    "雲林", "嘉義", "屏東", "宜蘭", "花蓮", "台東", "臺東", "澎湖", "金門", "馬祖", "連江")


def _strip_span(text: str, start: int, end: int) -> Span:
    seg = text[start:end]
    if not seg.strip():
        return Span(start, start, "")
    lead = len(seg) - len(seg.lstrip())
    trail = len(seg) - len(seg.rstrip())
    return Span(start + lead, end - trail, seg.strip())


def _strip_span_of(span: Span, start: int, end: int) -> Span:
    """The part ``start..end`` of a span's text, stripped, as a span of the document."""
    seg = span.text[start:end]
    if not seg.strip(" \t\u3000"):
        return Span(span.start + start, span.start + start, "")
    lead = len(seg) - len(seg.lstrip(" \t\u3000"))
    trail = len(seg) - len(seg.rstrip(" \t\u3000"))
    return Span(span.start + start + lead, span.start + end - trail, seg.strip(" \t\u3000"))


def _is_latin(text: str) -> bool:
    han = sum(1 for c in text if "\u3400" <= c <= "\u9fff")
    return han == 0 and any(c.isalpha() for c in text)


def _full_date(text: str) -> DateMatch | None:
    """The first full date (year, month, day) written in ``text``."""
    for m in recognise_dates(text, None):
        if m.kind == "full" and m.precision == "day":
            return m
    return None


@dataclass
class _Fields:
    spans: dict[str, Span] = field(default_factory=dict)
    dates: dict[str, tuple[dt.date, Span]] = field(default_factory=dict)
    outlet: Span | None = None
    reporters: list[Span] = field(default_factory=list)
    place: Span | None = None
    day: int | None = None
    site: Span | None = None
    bylines: list[Span] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)
    weather: bool = False  # a weather box was met at the top: its place names (臺南, 新營) are part of it
    breadcrumb: list[str] = field(default_factory=list)
    news: bool = False
    address: Span | None = None  # the page's own address, written on a line of its own at the top

    def put(self, name: str, span: Span) -> None:
        if name not in self.spans and span.text:
            self.spans[name] = span

    def put_date(self, name: str, date: dt.date, span: Span) -> None:
        self.dates.setdefault(name, (date, span))


def _field_segments(line: Span) -> list[tuple[str | None, Span]] | None:
    """A header line cut into (field name, value) pairs: ``發布日期 2021-06-15 ｜ 發布單位 新聞局`` gives two. Parts
    between ｜ that carry no label come as (None, part). None when the line is not a header line."""
    text = line.text
    seps = list(_SEPARATORS.finditer(text))
    sep_ends = {m.end() for m in seps}
    # an English label counts with a colon, or without one where a part of the line starts (Publication Date 2024-12-12)
    labels = [m for m in _LABEL_AT.finditer(text)
              if m["colon"] or not _is_latin(m["label"]) or m.start() == 0 or m.start() in sep_ends]
    if not labels and not seps:
        return None
    # a portal's share buttons run on into the fields (分享 Facebook Line 作者:… 時間:…): they are no field's value
    widgets = _SHARE_RUN.match(text)
    lead = widgets.end() if widgets and labels and widgets.end() == labels[0].start("label") else 0
    if labels and labels[0].start("label") > max(3, lead) and not seps:
        return None
    pieces: list[tuple[str | None, Span]] = []
    # walk the line: a label starts a field that runs to the next label or separator
    marks = sorted([(m.start(), m.end(), "label", m) for m in labels] + [(m.start(), m.end(), "sep", m) for m in seps],
                   key=lambda x: x[0])
    pos = lead
    current: str | None = None
    colon = True
    value_start = lead
    for start, end, what, m in marks:
        if start < pos:
            continue
        if start > value_start or current is not None:
            piece = _strip_span_of(line, value_start, start)
            if piece.text or current is not None:
                pieces.append((current, piece) if current is None or colon or _ok_without_colon(current, piece) else (None, piece))
        if what == "label":
            current = _FIELD_OF[m["label"].casefold()]
            colon = bool(m["colon"]) or not _is_latin(m["label"])
            if not colon and current not in _DATE_LABELS:
                return None
        else:
            current = None
            colon = True
        value_start = end
        pos = end
    piece = _strip_span_of(line, value_start, len(text))
    if current is not None and not colon and not _ok_without_colon(current, piece) and len(piece.text) > _FIELD_VALUE_MAX:
        return None  # " date 2025-06 今年是…": a word that looks like a label, then the story's first paragraph
    if piece.text or current is not None:
        pieces.append((current, piece))
    if not any(name is not None for name, _ in pieces) and not seps:
        return None
    # a value with no label must be a date, a banner, a count or an organisation for the line to be a header line
    for name, piece in pieces:
        if name is None and not (_full_date(piece.text) or _BANNER_RE.search(piece.text) or _ZH_ORG_RE.match(piece.text)
                                 or _EN_ORG_RE.match(piece.text) or _COUNT_RE.match(piece.text) or _SECTION_RE.match(piece.text)):
            return None
        if name in _DATE_LABELS and not re.search(r"\d", piece.text):
            return None
        if name == "publisher" and (len(piece.text) > 60 or re.search(r"[。！？]", piece.text)):
            return None
    return pieces


def _date_running_on(pieces: list[tuple[str | None, Span]]) -> tuple[str, dt.date, Span, Span] | None:
    """A lone date label whose value, a full date, runs on into more text on its line (a saved page that lost its
    line break): (field, date, its span, the rest of the line), else None."""
    if len(pieces) != 1 or pieces[0][0] not in _DATE_LABELS:
        return None
    name, piece = pieces[0]
    d = _full_date(piece.text)
    if d is None or d.start != 0 or name is None:
        return None
    return name, d.date, _strip_span_of(piece, d.start, d.end), _strip_span_of(piece, d.end, len(piece.text))


def _run_on_lead(pieces: list[tuple[str | None, Span]]) -> tuple[str, dt.date, Span, Span] | None:
    """A date label written without a colon whose value runs on into the lead paragraph: the rest counts as prose
    from eight Latin words, or from twenty Chinese characters and a full stop (a headline has none)."""
    run = _date_running_on(pieces)
    if run is None:
        return None
    rest = run[3].text
    prose = len(re.findall(r"[A-Za-z]{2,}", rest)) >= 8 or (len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 20 and "。" in rest)
    return run if prose else None


# a list number glued to an English headline's first word (a distributor's feed: 「1Alex Doe, Director of …」)
_NUMBERED_HEADLINE = re.compile(r"\d(?=[A-Z][a-z]{2,}[ ,])")


def _dated_headline(pieces: list[tuple[str | None, Span]]) -> tuple[str, dt.date, Span, Span] | None:
    """A date label whose value runs on into a Chinese headline (``date 2024-03-18 <headline>``)."""
    run = _date_running_on(pieces)
    if run is None:
        return None
    rest = run[3].text
    if len(re.findall(r"[\u4e00-\u9fff]", rest)) < 8 or not _is_title(rest) or re.match(r"\d|[(（]", rest) \
            or _ZH_DATELINE_RE.match(rest) or _ZH_ORG_RE.match(rest):
        return None
    return run


_FIELD_VALUE_MAX = 60  # characters: a longer value of a label written without a colon is a paragraph, not a field


def _ok_without_colon(name: str, piece: Span) -> bool:
    """A label written without a colon takes its value only when that value is what the label announces (a date)."""
    return name not in _DATE_LABELS or _full_date(piece.text) is not None


def _take_fields(f: _Fields, pieces: list[tuple[str | None, Span]], notices: list[Notice], text: str) -> None:
    for name, piece in pieces:
        if name is None:
            d = _full_date(piece.text)
            if d is not None:
                f.put_date("published", d.date, _strip_span_of(piece, d.start, d.end))
            elif _ZH_ORG_RE.match(piece.text) or _EN_ORG_RE.match(piece.text):
                f.put("publisher", piece)
            continue
        if name in _DATE_LABELS:
            d = _full_date(piece.text)
            if d is not None:
                f.put_date(name, d.date, _strip_span_of(piece, d.start, d.end))
            continue  # an impossible date is reported by _impossible_dates
        if name != "ignore":
            f.put(name, piece)


def _impossible_dates(pieces: list[tuple[str | None, Span]], notices: list[Notice], text: str) -> None:
    for name, piece in pieces:
        if name in _DATE_LABELS:
            try:
                parse_date(piece.text)
            except DateError as e:
                notices.append(Notice(f"header field {name!r}: {e}", text.count("\n", 0, piece.start) + 1))


_YOU_ARE_HERE = re.compile(r"^(?:you\s+are\s+here|current\s+location|目前位置|現在位置|您的位置|您現在的位置)\s*(?:[:：]\s*)?", re.I)
_HOME_STEP = re.compile(r"(?:網站)?首頁|回首頁|主頁|home(?:\s*page)?", re.I)  # the first step of a trail
_CRUMB = re.compile(r"(?<!\s)\s*(?:>|＞|»|›|→)\s*|(?<=\s)(?:>|＞|»|›|→)\s*")  # as _SEPARATORS: linear in a run of blanks


def _breadcrumb(line: str) -> list[str] | None:
    body = _YOU_ARE_HERE.sub("", line)
    if len(body) > 120:  # (a paragraph: not split)
        return None
    parts = [p.strip() for p in _CRUMB.split(body)]
    if len(parts) >= 2 and all(0 < len(p) <= 40 for p in parts):
        return parts
    return None


def _crumb_headline(f: _Fields, t: str) -> bool:
    """Whether ``t``, the last step of the page's trail, is the story's own headline (首頁 > 政治 > <headline>), not a
    section's name: ten or more Chinese characters, or five or more words."""
    return bool(f.breadcrumb) and t == f.breadcrumb[-1] and (len(re.findall(r"[\u4e00-\u9fff]", t)) >= 10 or len(t.split()) >= 5)


def _site(text: str) -> str | None:
    m = _ZH_SITE_RE.match(text)
    if m:
        return m["org"]
    if _EN_SITE_RE.match(text):
        return text
    return None


# a news site's notices on a saved page: privacy and cookies, browser advice, the age-rating gate, an app's banner
_SITE_NOTICE_RE = re.compile(
    r"^本網站使用.{0,60}(?:隱私|cookie)|^請同意我們的隱私權規範|^Your browser does not appear to support"
    # browser advice: a line that opens 為達最佳瀏覽效果, or a whole line 「（為求最佳瀏覽效果，）建議使用…瀏覽器」
    r"|^(?:為達最佳瀏覽效果|(?:為求最佳瀏覽效果|為了?獲得最佳瀏覽體驗)?.{0,6}建議(?:您)?使用.{0,80}瀏覽器.{0,12}$)"
    r"|^こちらのページは|^[\u4e00-\u9fff]{0,12}APP\s*Icon|^(?:關閉此視窗\s*)?(?:請至\S{2,12}官網下載\s*)+$|^限制級$|^下載$"
    r"|^(?:地址|網址|网址|原文網址|原文网址|原文連結|原文链接|文章網址|URL|Link)\s*[:：]\s*https?://\S+$"  # a reprint's link line
    r"|^您即將進入之新聞內容|^根據「電腦網路內容分級處理辦法」|^(?:未滿18歲|我同意|我已年滿18歲)\S{0,12}$", re.I)


# an outlet's name or a section's tag in brackets before a headline
_TITLE_TAG = re.compile(r"^(?:《(?P<o>[^》]{2,30})》|【(?P<t>[^】A-Za-z]{2,12})】)\s*(?=\S)")
# a saved page's own address on a line of its own (a browser's print header, a copied link)
_ADDRESS_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
# the date a news site writes into its addresses: /2016/09/06/, /20210703…, /2021-07-03-
_ADDRESS_DATE_RE = re.compile(r"[/=](?P<y>(?:19|20)\d{2})(?P<s>[/-]?)(?P<m>[01]\d)(?P=s)(?P<d>[0-3]\d)(?=$|[/_.?#&-]|\d{2,6}(?:$|[/_.?#&-]))")


def _address_date(f: _Fields) -> None:
    """The date in the page's own address as the published date when nothing else gave one (news sites file their
    stories by day: /archives/2016/09/06/…, /news/202107030121.aspx)."""
    if "published" in f.dates or f.address is None:
        return
    m = _ADDRESS_DATE_RE.search(f.address.text)
    if m is None:
        return
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return
    f.put_date("published", date, _strip_span_of(f.address, m.start("y"), m.end("d")))


def _boilerplate(f: _Fields, line: Span, top: bool) -> bool:
    """Navigation, banners, section labels, counters, share links, credits: recorded, never title or body."""
    t = line.text
    if top and _ADDRESS_RE.match(t) and not _DOMAIN_RE.match(t):  # a site's bare domain under its name: _top reads it
        if f.address is None:
            f.address = line
        return True
    if _SITE_NOTICE_RE.match(t.strip()) or _NAV_RE.match(t) or _COUNT_RE.match(t) or _CREDIT_RE.match(t) or _RELATED_LINKS_RE.match(t) or _EDITOR_RE.match(t) \
            or _AD_RE.match(t):
        return True
    if _COPYRIGHT_RE.match(t) and len(t) <= 160:
        return True
    crumbs = _breadcrumb(t)
    # in the body only a trail that starts at the home page is one (臺北 → 布拉格 → 維也納 is an itinerary)
    if crumbs is not None and (top or _HOME_STEP.fullmatch(crumbs[0])):
        f.breadcrumb.extend(crumbs)
        site = _site(crumbs[0])
        if site and f.site is None:
            f.site = _strip_span_of(line, t.index(site), t.index(site) + len(site))
        return True
    if top:
        parts = [p for p in _SEPARATORS.split(t) if p]
        if 1 <= len(parts) <= 3 and all(_site(p) or _SECTION_RE.match(p) or _BANNER_RE.search(p) for p in parts):
            for p in parts:
                site = _site(p)
                if site and f.site is None:
                    i = t.index(site)
                    f.site = _strip_span_of(line, i, i + len(site))
            return True
        if _ALT_TEXT_RE.match(t) or _CAPS_SECTION_RE.match(t) or (t in f.breadcrumb and not _crumb_headline(f, t)) \
                or _SECTION_RE.match(t):
            return True
        if _WEATHER_RE.match(t) or (f.weather and _WEATHER_TOWN_RE.fullmatch(t)):
            f.weather = f.weather or not t.isdigit()
            return True
    return False


# a site's own date line (「2025, 12. 19  Edit this Page」): year, comma, month, full stop, day, and the page's tools
_COMMA_DOT_DATE = re.compile(r"^(?P<y>(?:19|20)\d{2}),\s*(?P<m>\d{1,2})\.\s*(?P<d>\d{1,2})(?:\s+(?:Edit\s+this\s+Page|Print|Share))?$", re.I)
# a site's clock at the top of a saved page (「ISLAND DAILY NEWS 2025, 3. 14 AM 08:20 Friday」): not the story's date
_SITE_CLOCK_RE = re.compile(r"^[A-Z][A-Z &'.-]{2,40}\s+(?:19|20)\d{2}[,./ -]\s*\d{1,2}[./ -]\s*\d{1,2}\s+(?:[AP]M\s*)?\d{1,2}:\d{2}"
                            r"(?:\s*[AP]M)?\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b.{0,20}$")


_SITE_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:新聞網|新闻网|電子報|电子报)$"
                           # 「首頁新聞版面焦點新聞…」: a menu run together; 「您現在位於 - 焦點新聞」: where the page sits
                           r"|^(?:網站)?首頁(?:[\u4e00-\u9fff]{0,4}新聞){3,}[\u4e00-\u9fff]{0,6}$"
                           # (「您的位置: …」 is navigation: _NAV_RE)
                           r"|^(?:您現在位於|您目前位於|目前位於)\s*(?:[-:：>]\s*)?[\u4e00-\u9fff ]{0,12}$")


def _comma_dot_date(f: _Fields, line: Span) -> bool:
    m = _COMMA_DOT_DATE.match(line.text)
    if m is None:
        return False
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return False
    f.put_date("published", day, _strip_span_of(line, m.start(), m.end("d")))
    f.bylines.append(line)
    return True


def _date_line(f: _Fields, line: Span) -> bool:
    """A news story's date line: ``2012-05-08 09:12　某某日報　記者…／台北報導``, ``Fri, Mar 6, 2020 - Page 2``,
    ``2021/8/3 10:05（8/3 14:40 更新）``, ``台灣某某新聞／記者李大華／桃園報導　2023.05.09 16:20``."""
    t = line.text
    if len(t) > 100:
        return False
    if _comma_dot_date(f, line):
        return True
    d = _full_date(t)
    if d is None:
        return False
    rest = (t[: d.start] + " " + t[d.end:])
    upd = re.search(r"[（(]\s*([^（()）]{0,20}?)\s*(?:更新|updated?)\s*[）)]", t, re.I)
    rest = _DATE_LINE_NOISE.sub(" ", rest)
    tokens = [tok for tok in re.split(r"[\s\u3000]+", rest) if tok]
    byline = None
    outlet = None
    for tok in tokens:
        if _ZH_BYLINE_RE.match(tok) or "／" in tok or "/" in tok:
            byline = tok
        elif _SECTION_RE.match(tok):
            continue
        elif _ZH_OUTLET_RE.match(tok) or _EN_OUTLET_RE.match(tok):
            outlet = tok
        elif len(tok) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", tok):
            continue
        elif outlet is None and len(tokens) == 1 and _SITE_TOKEN_RE.fullmatch(tok):
            outlet = tok  # 「News123 2021-03-05 00:00」: a site's or channel's one-word name and the day alone
        else:
            return False
    if byline is not None and not _byline(f, _strip_span_of(line, t.index(byline), t.index(byline) + len(byline))):
        return False
    f.put_date("published", d.date, _strip_span_of(line, d.start, d.end))
    if upd is not None:
        inner = recognise_dates(upd.group(1), d.date)
        if inner and inner[0].precision == "day":
            f.put_date("updated", inner[0].date, _strip_span_of(line, upd.start(1) + inner[0].start, upd.start(1) + inner[0].end))
    if outlet is not None and f.outlet is None:
        i = t.index(outlet)
        f.outlet = _strip_span_of(line, i, i + len(outlet))
    f.bylines.append(line)
    f.news = True
    return True


def _late_date_field(f: _Fields, line: Span, notices: list[Notice], text: str) -> bool:
    """A date field a saved page writes below its title and site lines (``Published 2026 年 3 月 19 日``): read it as
    the header's date when the top held none."""
    pieces = _field_segments(line)
    if not pieces or any(name not in _DATE_LABELS for name, _ in pieces):
        return False
    _take_fields(f, pieces, notices, text)
    return "published" in f.dates


# a news agency's stamp, the Minguo date (yyyMMdd), after a story's last sentence or its editor's name
_AFTER_STORY = r"(?<=[。！？」])|[（(]\s*(?:編輯|编辑|責任編輯|责任编辑|核稿)\s*[:：][^（()）\n]{1,20}[）)]"
_STAMP_RE = re.compile(r"(?:" + _AFTER_STORY + r"\s*)(?P<d>1\d{6})$")
# the stamp at the end of a line, the page's chrome (comments, related stories) below it; or alone on its line
_LINE_STAMP_RE = re.compile(r"(?:" + _AFTER_STORY + r"[ \t]*|^[ \t]*)(?P<d>1\d{6})[ \t]*$", re.M)


def _stamp_date(f: _Fields, text: str) -> None:
    """The stamp's date as the published date when no header gave one, and the dateline's day (25日電) agrees: at the
    end of the text, or at the end of a line with a dateline's day to agree with (a saved page's chrome below it)."""
    if "published" in f.dates:
        return
    last = _STAMP_RE.search(text.rstrip())
    if last is not None:
        found = [last]
    elif f.day is not None:  # a stamp inside the text needs a dateline's day to agree with: the last one first
        found = list(_LINE_STAMP_RE.finditer(text))[::-1]
    else:
        return
    for m in found:
        d = m["d"]
        try:
            date = dt.date(int(d[:3]) + 1911, int(d[3:5]), int(d[5:]))
        except ValueError:
            continue
        if f.day is not None and f.day != date.day:
            continue
        f.put_date("published", date, _strip_span(text, m.start("d"), m.end("d")))
        return


def _dateline_day(f: _Fields, paras: list[Span], text: str) -> None:
    """A news page whose date stands apart (a short line of its own above the story, a forum's or a mirror's stamp):
    when no other date was read, the date written on a short line whose day is the dateline's (高雄10日電 and
    ``2021/11/10 20:14``), the last one before the dateline or else the first after it. The dateline may open a later
    paragraph than the first when a mirror's chrome comes before the story."""
    if "published" in f.dates:
        return
    at = paras[0].start if f.day is not None and paras else None
    day = f.day
    if day is None:
        for p in paras:
            m = _ZH_DATELINE_RE.match(p.text)
            if m:
                day, at = int(m["day"]), p.start
                break
    if day is None or at is None:
        return
    before: tuple[DateMatch, int] | None = None
    after: tuple[DateMatch, int] | None = None
    pos = 0
    for line in text.split("\n"):
        if len(line) <= 100 and pos != at:
            d = _full_date(line)
            if d is not None and d.date.day == day:
                if pos < at:
                    before = (d, pos)
                elif after is None:
                    after = (d, pos)
        pos += len(line) + 1
    best = before or after
    if best is not None:
        d, pos = best
        f.put_date("published", d.date, _strip_span(text, pos + d.start, pos + d.end))


def _names(span: Span, start: int, end: int) -> list[Span]:
    out = []
    for m in re.finditer(r"[^、，,\s]+", span.text[start:end]):
        out.append(_strip_span_of(span, start + m.start(), start + m.end()))
    return [n for n in out if n.text]


def _byline(f: _Fields, line: Span) -> bool:
    """A byline alone on its line (or inside a bracket): reporters, outlet and the place it was filed from."""
    t = line.text
    if _AGENCY_CREDIT_RE.match(t):
        if f.outlet is None:
            f.outlet = _strip_span_of(line, 0, t.index("社") + 1)
        f.bylines.append(line)
        f.news = True
        return True
    m = _ZH_BYLINE_RE.match(t)
    if m:
        if m["names"]:
            f.reporters.extend(_names(line, m.start("names"), m.end("names")))
            who = "outlet"
            place = "place"
        else:
            who, place = "who", "place2"
        if (m[who] and (_ZH_OUTLET_RE.match(m[who]) or who == "outlet") and f.outlet is None and not m[who].endswith("中心")
                and not _SECTION_RE.match(m[who])):
            f.outlet = _strip_span_of(line, m.start(who), m.end(who))
        if m[place] and m[place] not in _NOT_PLACE and f.place is None:
            f.place = _strip_span_of(line, m.start(place), m.end(place))
        f.bylines.append(line)
        f.news = True
        return True
    m = _EN_BYLINE_RE.match(t)
    if m:
        if m["who"]:
            if _EN_OUTLET_RE.match(m["who"]):
                if f.outlet is None:
                    f.outlet = _strip_span_of(line, m.start("who"), m.end("who"))
            else:
                pos = 0
                for sep in [*re.finditer(r"\s*(?:,|&|\band\b)\s*", m["who"]), None]:
                    end = sep.start() if sep else len(m["who"])
                    if end > pos:
                        f.reporters.append(_strip_span_of(line, m.start("who") + pos, m.start("who") + end))
                    pos = sep.end() if sep else end
            if m["role"] and _EN_OUTLET_RE.match(m["role"]) and f.outlet is None:
                f.outlet = _strip_span_of(line, m.start("role"), m.end("role"))
        if m["agency"] and f.outlet is None:
            f.outlet = _strip_span_of(line, m.start("agency"), m.end("agency"))
        f.bylines.append(line)
        f.news = True
        return True
    return False


def _dateline(f: _Fields, para: Span) -> int:
    """A dateline opening the first body paragraph; how many characters of it belong to the header."""
    t = para.text
    m = _ZH_DATELINE_RE.match(t)
    if m:
        f.outlet = f.outlet or _strip_span_of(para, m.start("outlet"), m.end("outlet"))
        f.day = int(m["day"])
        if m["place"]:
            f.place = f.place or _strip_span_of(para, m.start("place"), m.end("place"))
        else:
            rest_start, rest = m.start("rest"), m["rest"]
            head, _, last = rest.rpartition("、")
            offset = rest_start + (len(head) + 1 if head else 0)
            name_len = _reporter_length(last)
            if head:
                f.reporters.extend(_names(para, rest_start, rest_start + len(head)))
            f.reporters.append(_strip_span_of(para, offset, offset + name_len))
            if name_len < len(last):
                f.place = f.place or _strip_span_of(para, offset + name_len, offset + len(last))
        f.bylines.append(_strip_span_of(para, 0, m.end()))
        f.news = True
        return m.end()
    m = _ZH_BRACKET_BYLINE_RE.match(t)
    dated = _DATED_REPORT_RE.match(m["inner"]) if m else None
    if m and dated and "published" not in f.dates:
        # 【2017.09.04╱新聞大聯盟報導】: the day and the outlet that reports, in the story's opening bracket
        d = _full_date(dated["d"])
        if d is not None:
            i = m.start("inner")
            f.put_date("published", d.date, _strip_span_of(para, i + dated.start("d"), i + dated.end("d")))
            f.outlet = f.outlet or _strip_span_of(para, i + dated.start("outlet"), i + dated.end("outlet"))
            f.bylines.append(_strip_span_of(para, 0, m.end()))
            f.news = True
            return m.end()
    if m and _byline(f, _strip_span_of(para, m.start("inner"), m.end("inner"))):
        f.bylines[-1] = _strip_span_of(para, 0, m.end())
        return m.end()
    m = _EN_DATELINE_RE.match(t)
    if m and len(m["place"].split()) <= 3:
        f.place = f.place or _strip_span_of(para, m.start("place"), m.end("place"))
        f.outlet = f.outlet or _strip_span_of(para, m.start("outlet"), m.end("outlet"))
        f.bylines.append(_strip_span_of(para, 0, m.end()))
        f.news = True
        if m["date"] and "published" not in f.dates:
            d = _full_date(m["date"])  # a month and day alone is no publication date
            if d is not None:
                f.put_date("published", d.date, _strip_span_of(para, m.start("date"), m.end("date")))
        return m.end()
    return 0


def _reporter_length(chunk: str) -> int:
    """王小明台北 -> 3: a reporter's name before a place (three characters unless that leaves no place)."""
    for n in (3, 2, 4):
        if chunk[n:] in _DATELINE_PLACES:
            return n
    if len(chunk) <= 3:
        return len(chunk)
    return 3 if len(chunk) - 3 >= 2 else 2


def _is_title(t: str) -> bool:
    if _is_latin(t):
        return 3 <= len(t) <= 220 and not t.endswith((".", ":")) and len(t.split()) >= 2
    return 2 <= len(t) <= 100 and not t.endswith(("。", "：", ":")) and "。" not in t.rstrip("。")


def _is_subtitle(t: str) -> bool:
    if _is_latin(t):
        # one word alone (a widget's or a button's: "Alexa", "Print") is no subtitle
        return len(t) <= 140 and len(t.split()) >= 2 and not t.endswith((".", ":")) and not _EN_DATELINE_RE.match(t)
    return len(t) <= 40 and "。" not in t and not _LIST_RE.match(t)


def _bracket_byline(t: str) -> bool:
    """``〔記者…／台北報導〕`` or ``[Reporter X/Kaohsiung Report]`` opening a line; not an English tag such as ``【SDG 17】``."""
    m = _ZH_BRACKET_BYLINE_RE.match(t)
    if m is None:
        return False
    inner = m["inner"]
    return not _is_latin(inner) or bool(re.search(r"[/／]|\breport", inner, re.I))


def _value_below(f: _Fields, pieces: list[tuple[str | None, Span]], lines: list[_Line], i: int, skip: set[int]) -> None:
    """A label written alone (``Release Unit:``) whose value is the next line (a saved page's table): take that line
    when it is what the label announces (an organisation, a date), and mark it read."""
    if not pieces:  # a line of bare separators (``|||``) splits into no field at all
        return
    name, piece = pieces[-1]
    if name is None or piece.text or (name != "publisher" and name not in _DATE_LABELS):
        return
    j = next((k for k in range(i + 1, min(i + 3, len(lines))) if not lines[k].blank), None)
    if j is None or _field_segments(lines[j].span) is not None:
        return
    value = lines[j].span
    if name == "publisher":
        if len(value.text) <= 60 and (_EN_ORG_RE.match(value.text) or _ZH_ORG_RE.match(value.text)):
            f.put(name, value)
            skip.add(j)
    else:
        d = _full_date(value.text)
        if d is not None and len(value.text) <= 40:
            f.put_date(name, d.date, _strip_span_of(value, d.start, d.end))
            skip.add(j)


def _headline_with_stop(lines: list[_Line], i: int) -> bool:
    """An English headline that ends with a full stop (city portals write some so): one sentence, not long, and either
    repeated on the next line (the page's photo caption or alt text) or a few lines on, or followed by header fields
    (Release Unit:)."""
    t = lines[i].span.text
    if not t.endswith(".") or not 20 <= len(t) <= 200 or re.search(r"[.!?]\s+[A-Z]", t[:-1]) or _EN_DATELINE_RE.match(t):
        return False
    nxt = next((ln.span for ln in lines[i + 1:i + 4] if not ln.blank), None)
    if nxt is None:
        return False
    if nxt.text == t or any(_same_text(ln.span.text, t) for ln in lines[i + 1:i + 14] if not ln.blank):
        return True  # or written again over the story, below the site's chrome (Go To Content, the trail, print)
    pieces = _field_segments(nxt)
    return pieces is not None and any(name is not None for name, _ in pieces)


@dataclass
class _Line:
    span: Span  # the stripped line
    blank: bool


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        s = _strip_span(text, pos, pos + len(raw))
        out.append(_Line(s, not s.text))
        pos += len(raw) + 1
    return out


_TRAILING_BUTTON = re.compile(r"(?:\s{2,}|\t)(?:print|列印|友善列印|share|分享)\s*$", re.I)


_DOMAIN_RE = re.compile(r"^(?:https?://)?www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/?$", re.I)
# a photo's caption ends with its credit: (Reuters photo), （圖／市府提供）, 「…簽署協定。（高市府提供）」
_CREDITED_RE = re.compile(r"[（(](?:[\w ,.'&-]{1,60}\s)?photos?[）)]$|(?<=[.!])\s+photos?\s*:\s*[^.:]{2,60}$|"
                           r"[。！]\s*(?:圖|照片|圖片|攝影|图|图片|摄影)\s*[/／:：][^。，,\s]{1,30}$|"  # 「兩市締盟。圖/市府提供」
                           r"[（(]圖\s*[/／].{1,30}[）)]$|[（(][^（()）]{1,20}提供[）)]$"
                           r"|[（(]記者[^（()）]{1,12}攝[）)]$", re.I)


def _top(f: _Fields, lines: list[_Line], notices: list[Notice], text: str) -> tuple[Span | None, Span | None, int, list[Span]]:
    """Scan the top: (title, subtitle, index of the first body line, captions met on the way)."""
    title = subtitle = None
    captions: list[Span] = []
    last = ""
    non_blank = 0
    skip: set[int] = set()  # lines taken as the value of a label written alone on the line above
    for i, ln in enumerate(lines):
        if ln.blank or i in skip:
            continue
        non_blank += 1
        if non_blank > 40:
            return title, subtitle, i, captions
        t = ln.span.text
        if title is not None and last in ("title", "field", "boilerplate", "byline") and _same_text(t, title.text):
            # a saved page's <title> on its first line, then the same headline over the story: one title
            f.boilerplate.append(ln.span)
            last = "title"
            continue
        if title is not None and non_blank <= 6 and re.fullmatch(r"[A-Za-z]{2,12}", t):
            f.boilerplate.append(ln.span)  # 「Alexa」「Print」 alone under the headline: a widget's or a button's word
            last = "boilerplate"
            continue
        trail = (_vertical_trail(lines, i) or _stepped_trail(lines, i) if title is None else None) or _numbered_trail(lines, i)
        if trail is not None:  # 「• 首頁」「• >」「• 政治」…: a trail written one step a line
            crumbs, end = trail
            f.breadcrumb.extend(crumbs)
            f.boilerplate.extend(lines[k].span for k in range(i, end) if not lines[k].blank)
            skip.update(range(i, end))
            last = "boilerplate"
            continue
        if _boilerplate(f, ln.span, top=True) or _SITE_CLOCK_RE.match(t) or (title is None and _SITE_NAME_RE.match(t)):
            # 「太平洋新聞網」 alone on the first line of a saved page: the site's name, not the story's title
            f.boilerplate.append(ln.span)
            last = "boilerplate"
            if f.weather:
                non_blank -= 1  # a weather box's dozens of short lines do not use up the top's lines
            continue
        if _DOMAIN_RE.match(t):
            # 「八方新聞」「www.example.net」: a site's name and address head a saved page; the title comes after them
            if last == "title" and title is not None and len(title.text) <= 12:
                f.boilerplate.append(title)
                title = None
            f.boilerplate.append(ln.span)
            last = "boilerplate"
            continue
        pieces = _field_segments(ln.span)
        lead = _run_on_lead(pieces) if pieces is not None else None
        if lead is not None:  # `date 2024-03-23 TAIPEI (CNA) — The mayor ...`: the date is header, the rest the body
            name, date, date_span, rest = lead
            f.put_date(name, date, date_span)
            if _boilerplate(f, rest, top=True):  # `date 2024-09-04 To activate the text-to-speech service …`: the page's
                last = "field"  # notice, and the headline is still to come
                continue
            lines[i] = _Line(rest, False)
            return title, subtitle, i, captions
        dated = _dated_headline(pieces) if pieces is not None and title is None else None
        if dated is not None:  # `date 2024-03-18 <headline>`: the date is header, the rest the title
            name, date, date_span, rest = dated
            f.put_date(name, date, date_span)
            title = rest
            last = "title"
            continue
        if pieces is not None:
            _impossible_dates(pieces, notices, text)
            _take_fields(f, pieces, notices, text)
            _value_below(f, pieces, lines, i, skip)
            last = "field"
            continue
        if _date_line(f, ln.span) or _byline(f, ln.span):
            last = "byline"
            continue
        credit = _CREDITED_RE.search(t)
        if _CAPTION_RE.match(t) or credit:
            cut = credit.start() + (t[credit.start()] in "。！") if credit is not None else 0
            if credit is not None and cut > 0:
                # the credit is no part of what the photo shows (「Photo: A B, Taipei Times」 names no place in the story)
                captions.append(_strip_span_of(ln.span, 0, cut))
                f.boilerplate.append(_strip_span_of(ln.span, cut, len(t)))
            else:
                captions.append(ln.span)
            last = "caption"
            continue
        if title is None and _is_latin(t) and _headline_with_stop(lines, i):
            title = ln.span
            last = "title"
            continue
        if title is None and _is_title(t) and not _ZH_DATELINE_RE.match(t) and not _EN_DATELINE_RE.match(t) and not _bracket_byline(t):
            b = _TRAILING_BUTTON.search(t)
            title = _strip_span_of(ln.span, 0, b.start()) if b else ln.span
            if b:
                f.boilerplate.append(_strip_span_of(ln.span, b.start(), len(t)))
            tag = _TITLE_TAG.match(title.text)
            if tag is not None and _is_title(title.text[tag.end():]):
                # 「《TAIPEI TIMES》 Japan summit …」「【影音報導】高雄與…」: the outlet's or the section's tag, then the headline
                if tag["o"] and f.outlet is None and (_EN_OUTLET_RE.match(tag["o"].title()) or _ZH_OUTLET_RE.match(tag["o"])):
                    f.outlet = _strip_span_of(title, tag.start("o"), tag.end("o"))
                f.boilerplate.append(_strip_span_of(title, 0, tag.end()))
                title = _strip_span_of(title, tag.end(), len(title.text))
            last = "title"
            continue
        # a subtitle follows the title, or the header fields written under it (a saved page's layout)
        if (last == "title" or (last == "field" and title is not None and subtitle is None and not captions)) and subtitle is None \
                and _is_subtitle(t) and not _ZH_DATELINE_RE.match(t) and not _CAPTION_RE.match(t):
            subtitle = ln.span
            last = "subtitle"
            continue
        below = next((k for k in range(i + 1, min(len(lines), i + 4)) if not lines[k].blank), None)
        if title is not None and below is not None and _CREDIT_RE.match(lines[below].span.text):
            captions.append(ln.span)  # a photo's caption over its credit line (「Photo: A B, Taipei Times」), the story below
            last = "caption"
            continue
        head = _headline_before_byline(lines, i) if title is not None else None
        if head is not None:
            # 「快訊」 and other stories' headlines above this story's own, which stands right over its byline: those
            # headlines are the page's, not the title and subtitle
            f.boilerplate.extend(x for x in (title, subtitle) if x is not None)
            f.boilerplate.extend(lines[k].span for k in range(i, head) if not lines[k].blank)
            skip.update(range(i, head + 1))
            title, subtitle, last = lines[head].span, None, "title"
            continue
        return title, subtitle, i, captions
    return title, subtitle, len(lines), captions


# 「中央社／ 屏東3日電」「中央社／ 記者王小明台中3日電」: a portal's credit line for a news agency's story
_AGENCY_CREDIT_RE = re.compile(r"^(?:中央社|中央通訊社)\s*[／/]\s*(?:記者\s*)?[\u4e00-\u9fff、]{2,24}?\d{1,2}\s*日\s*(?:電|电|專電)$")


_LIST_STEP_RE = re.compile(r"^[•·‧●▪*-]\s*(?P<step>.{1,100})$")


def _same_text(a: str, b: str) -> bool:
    """Whether two lines say the same, spaces and case aside."""
    return re.sub(r"\s+", " ", a).strip().casefold() == re.sub(r"\s+", " ", b).strip().casefold()


_NUMBERED_STEP_RE = re.compile(r"^(?P<n>\d{1,2})\.\s+(?P<step>\S.{0,59})$")


def _numbered_trail(lines: list[_Line], i: int, reach: int = 10) -> tuple[list[str], int] | None:
    """A breadcrumb trail written as a numbered list from the home page (``1. Home`` ``2. Politics``), after at most
    one bulleted link (``• Directory of Taiwan``): its steps and the index after its last line, or None."""
    k = i
    if _LIST_STEP_RE.match(lines[k].span.text):
        k = next((j for j in range(k + 1, min(len(lines), k + 3)) if not lines[j].blank), len(lines))
    steps: list[str] = []
    end = k
    for j in range(k, min(len(lines), k + reach)):
        if lines[j].blank:
            continue
        m = _NUMBERED_STEP_RE.match(lines[j].span.text)
        if m is None or int(m["n"]) != len(steps) + 1 or len(m["step"].split()) > 6:
            break
        steps.append(m["step"].strip())
        end = j + 1
    if len(steps) < 2 or not _HOME_STEP.fullmatch(steps[0]):
        return None
    return steps, end


_SEPARATED_STEP_RE = re.compile(r"^\s*(?:>|＞|»|›|→)\s*(?P<step>\S.{0,39})$")


def _stepped_trail(lines: list[_Line], i: int, reach: int = 8) -> tuple[list[str], int] | None:
    """A breadcrumb trail written one step a line, each step after the home page led by its separator (``Home``
    ``> City Government`` ``> City News``): its steps and the index after its last line, or None."""
    first = _YOU_ARE_HERE.sub("", lines[i].span.text).strip()
    if not _HOME_STEP.fullmatch(first):
        return None
    steps = [first]
    end = i + 1
    for k in range(i + 1, min(len(lines), i + reach)):
        if lines[k].blank:
            continue
        m = _SEPARATED_STEP_RE.match(lines[k].span.text)
        if m is None:
            break
        steps.append(m["step"].strip())
        end = k + 1
    return (steps, end) if len(steps) >= 2 else None


def _vertical_trail(lines: list[_Line], i: int, reach: int = 12) -> tuple[list[str], int] | None:
    """A breadcrumb trail written as a list, one step a line (``• 首頁`` ``• >`` ``• 政治`` ``• >`` ``• <headline>``):
    its steps and the index after its last line, or None. It opens at the home page and has a separator step."""
    m = _LIST_STEP_RE.match(lines[i].span.text)
    if m is None or not _HOME_STEP.fullmatch(m["step"].strip()):
        return None
    steps: list[str] = []
    seps = 0
    end = i
    for k in range(i, min(len(lines), i + reach)):
        if lines[k].blank:
            continue
        s = _LIST_STEP_RE.match(lines[k].span.text)
        if s is None:
            break
        step = s["step"].strip()
        if _CRUMB.fullmatch(step):
            seps += 1
        else:
            steps.append(step)
        end = k + 1
    return (steps, end) if seps and len(steps) >= 2 else None


def _headline_before_byline(lines: list[_Line], i: int, reach: int = 4) -> int | None:
    """The index of a headline that stands right over a byline within the next few lines from ``i``, all lines up
    to it being headline-like (no full stop), or None."""
    seen: list[int] = []
    for k in range(i, min(len(lines), i + 2 * reach + 2)):
        if lines[k].blank:
            continue
        t = lines[k].span.text
        if _ZH_BYLINE_RE.match(t) or _AGENCY_CREDIT_RE.match(t):
            return seen[-1] if seen else None
        if len(seen) >= reach or not _is_title(t) or _is_latin(t) or _ZH_DATELINE_RE.match(t) or _bracket_byline(t):
            return None
        seen.append(k)
    return None


def _bottom(f: _Fields, lines: list[_Line], first: int, notices: list[Notice], text: str) -> int:
    """Scan the end: related stories, tags, notes and header fields written last; the index where they start."""
    end = len(lines)
    for i in range(first, len(lines)):
        ln = lines[i]
        if not ln.blank and _RELATED_RE.match(ln.span.text):
            after = [x.span.text for x in lines[i + 1:] if not x.blank]
            if all(len(a) <= 60 and not a.endswith(("。", ".")) for a in after):
                for x in lines[i:]:
                    if not x.blank:
                        f.boilerplate.append(x.span)
                end = i
                break
    end = _tag_lines(f, lines, first, end)
    i = end
    while i > first:
        ln = lines[i - 1]
        if ln.blank:
            i -= 1
            continue
        t = ln.span.text
        if _boilerplate(f, ln.span, top=False) or _NOTE_RE.match(t) or _HASHTAGS_RE.match(t) or _tags(t):
            f.boilerplate.append(ln.span)
            i -= 1
            continue
        pieces = _field_segments(ln.span)
        if pieces is not None and any(name is not None for name, _ in pieces):
            _impossible_dates(pieces, notices, text)
            _take_fields(f, pieces, notices, text)
            i -= 1
            continue
        m = re.fullmatch(r"[（(]\s*(By\s.{2,80}?)\s*[）)]", t)  # (By Yeh Su-ping and Evelyn Kao), a news agency's last line
        if m and _byline(f, _strip_span_of(ln.span, m.start(1), m.end(1))):
            f.bylines[-1] = ln.span
            i -= 1
            continue
        break
    return i


_TAG_LINE_RE = re.compile(r"[^。，,.!?！？:：;；]{1,40}")


def _tag_lines(f: _Fields, lines: list[_Line], first: int, end: int) -> int:
    """A page's tags written one a line at its end (a name, a body, a topic: four or more short lines with no sentence
    in them and no blank line between): boilerplate; the index where they start."""
    j = end
    while j > first and lines[j - 1].blank:
        j -= 1
    k = j
    while k > first and not lines[k - 1].blank and _tag_line(lines[k - 1].span.text):
        k -= 1
    if j - k < 4 or k == first or (not lines[k - 1].blank and len(lines[k - 1].span.text) <= 40):
        return end  # too few, the whole body, or the run goes on above with a line that is no tag and no paragraph
    f.boilerplate.extend(lines[x].span for x in range(k, j))
    return k


def _tag_line(t: str) -> bool:
    return _TAG_LINE_RE.fullmatch(t) is not None and len(t.split()) <= 6 and len(re.findall(r"\d", t)) < 5


def _tags(t: str) -> bool:
    """A line of tags: three or more short words or names set apart by wide spaces, with no sentence in it."""
    parts = [p for p in re.split(r"\s{2,}|\u3000+|\t", t) if p]
    return len(parts) >= 3 and all(len(p) <= 30 and not re.search(r"[。，,.!?！？:：]", p) for p in parts)


_NO_ONE = re.compile(r"無|无|暫無|暂无|從缺|从缺|略|不詳|不详|none|n/?a|nil|tbd|[-–—]+", re.I)


def _contacts(f: _Fields, text: str) -> tuple[Span | None, list[Span], list[Span]]:
    unit: Span | None = None
    contacts: list[Span] = []
    phones: list[Span] = []
    c = f.spans.get("contacts")
    if c is not None and not _NO_ONE.fullmatch(c.text.strip()):
        latin = _is_latin(c.text)
        pattern = r"[^/／、,，;；]+" if latin else r"[^/／、,，;；\s]+"
        for m in re.finditer(pattern, c.text):
            piece = _strip_span_of(c, m.start(), m.end())
            if not piece.text:
                continue
            if re.search(r"\d{3,}", piece.text):
                phones.append(piece)
            elif unit is None and not contacts and piece.text.endswith(_UNIT_SUFFIXES) and len(piece.text) >= 3 and not latin:
                unit = piece
            elif piece.text in _TITLE_WORDS or _NO_ONE.fullmatch(piece.text):
                continue  # 「聯絡人：無」「Contact: N/A」: the field says there is none
            else:
                for w in _TITLE_WORDS:
                    if not latin and piece.text.endswith(w) and len(piece.text) - len(w) >= 2:
                        piece = Span(piece.start, piece.end - len(w), piece.text[: -len(w)])
                        break
                contacts.append(piece)
    p = f.spans.get("phones")
    if p is not None:
        for m in re.finditer(r"[^/／、,，;；]+", p.text):
            piece = _strip_span_of(p, m.start(), m.end())
            if re.search(r"\d{3,}", piece.text):
                phones.append(piece)
    return unit, contacts, phones


def _header(f: _Fields) -> Header:
    source = f.spans.get("source")
    if source is not None and (_ZH_OUTLET_RE.match(source.text) or _EN_OUTLET_RE.match(source.text)):
        f.outlet = f.outlet or source  # 來源：中央社 names an outlet, not an issuing office
        f.bylines.append(source)
        source = None
    news = f.news or f.outlet is not None
    publisher = f.spans.get("publisher")
    if publisher is None and not news:
        publisher = source
    if publisher is None and not news and f.site is not None and _is_latin(f.site.text) and _EN_ORG_RE.match(f.site.text):
        publisher = f.site  # a distributor's page: "Hsinchu City Government" over "05/04/2022 | Press release | …"
    kind = "release" if publisher is not None else "news" if news else ""
    return Header(
        publisher=publisher,
        published=f.dates["published"][0] if "published" in f.dates else None,
        published_span=f.dates["published"][1] if "published" in f.dates else None,
        posted=f.dates["posted"][0] if "posted" in f.dates else None,
        updated=f.dates["updated"][0] if "updated" in f.dates else None,
        updated_span=f.dates["updated"][1] if "updated" in f.dates else None,
        outlet=f.outlet,
        reporters=tuple(f.reporters),
        dateline_place=f.place,
        dateline_day=f.day,
        kind=kind,
        site=f.site,
        bylines=tuple(f.bylines),
        boilerplate=tuple(sorted(f.boilerplate, key=lambda s: s.start)),
    )


def _block(span: Span) -> Block:
    urls = tuple(_URL_RE.findall(span.text))
    m = _CAPTION_RE.match(span.text)
    if m:
        n = m["n"] or m["n2"]
        return Block("caption", span, int(n) if n else None, urls)
    if _ATTACH_RE.match(span.text):
        return Block("attachment", span, None, urls)
    m = _LIST_RE.match(span.text)
    if m:
        return Block("list-item", span, int(m["n"]) if m["n"] else None, urls)
    if len(span.text) <= 60 and not re.search(r"[。！？]|[a-z]\.(?:\s|$)", span.text):
        return Block("heading", span, None, urls)
    return Block("paragraph", span, None, urls)


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]+")  # runs: one string a run, not one a character
_LATIN = re.compile("[A-Za-z]+")


def detect_language(text: str) -> str:
    """``zh-Hant``, ``zh-Hans`` or ``en`` by counting scripts: Chinese when Han characters make a fifth or more of
    the letters (a Chinese release full of English names stays Chinese), and simplified when more of its
    characters exist only in simplified script than only in traditional (OpenCC's tables tell which).

    >>> detect_language("Taipei Mayor Lin Ta-tung (林大同) met Prague Mayor Jan Novak."), detect_language("北九州市长首访高雄")
    ('en', 'zh-Hans')
    """
    han = "".join(_HAN.findall(text))  # every Han character, in order
    latin = sum(map(len, _LATIN.findall(text)))
    if not han or len(han) < 0.2 * (len(han) + latin):
        return "en" if latin or not han else "zh-Hant"
    count = Counter(han)
    scripts = _SCRIPTS
    chars = sorted(c for c in count if c not in scripts)  # characters no document read before had
    new: dict[str, tuple[bool, bool]] = {}
    if chars:
        joined = "\n".join(chars)  # one a line: OpenCC converts each alone
        to_simp = _opencc("t2s").convert(joined).split("\n")
        to_trad = _opencc("s2t").convert(joined).split("\n")
        if len(to_simp) != len(chars) or len(to_trad) != len(chars):
            return "zh-Hant"
        new = {c: (s != c, t != c) for c, s, t in zip(chars, to_simp, to_trad, strict=True)}
        if len(scripts) < SCRIPTS_KEPT:  # (never emptied: another thread may be reading it)
            scripts.update(new)
    flags = [(n, scripts.get(c) or new[c]) for c, n in count.items()]
    trad_only = sum(n for n, (to_simp_changes, _) in flags if to_simp_changes)
    simp_only = sum(n for n, (_, to_trad_changes) in flags if to_trad_changes)
    return "zh-Hans" if simp_only > trad_only else "zh-Hant"


# each Han character met: (whether OpenCC changes it to simplified script, whether to traditional), kept from one
# document to the next (a release has a few hundred different characters, mostly those of the ones before)
_SCRIPTS: dict[str, tuple[bool, bool]] = {}
SCRIPTS_KEPT = 100_000


@functools.lru_cache(maxsize=2)
def _opencc(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def parse(text: str, source: str, path: str = "", encoding: str = "utf-8", notices: Iterable[Notice] = (),
          media_type: str = "text/plain") -> Document:
    """Split a press release's or news story's text into header, title and blocks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    path = path or source
    notes = list(notices)
    if not text.strip():
        raise DocumentError(path, "holds only white space", hint="remove it or put the press release's text in it")
    lines = _lines(text)
    f = _Fields()
    title, subtitle, first, captions = _top(f, lines, notes, text)
    last = _bottom(f, lines, first, notes, text)
    # the body: runs of lines between the top and the bottom, boilerplate lines left out
    paras: list[Span] = []
    run: list[Span] = []

    def flush() -> None:
        if run:
            paras.append(_strip_span(text, run[0].start, run[-1].end))
            run.clear()

    prose = False  # a sentence of the story met: no header line comes after it
    for ln in lines[first:last]:
        early = not paras and not run  # before the first paragraph: a date line may stand here
        if ln.blank:
            flush()
        elif _boilerplate(f, ln.span, top=False) or (early and _date_line(f, ln.span)) or _NOTE_RE.match(ln.span.text) \
                or (not prose and "published" not in f.dates
                    and ((not early and _date_line(f, ln.span)) or _late_date_field(f, ln.span, notes, text))):
            flush()
            if not f.bylines or f.bylines[-1] is not ln.span:
                f.boilerplate.append(ln.span)
        else:
            run.append(ln.span)
            prose = prose or len(ln.span.text) > 60 or "。" in ln.span.text
    flush()
    if title is None or len(title.text) <= 8:
        title, paras = _headline_over_dated_byline(f, title, paras, text)
    cut = 0
    if paras:
        cut = _dateline(f, paras[0])
        if cut:
            rest = _strip_span_of(paras[0], cut, len(paras[0].text))
            paras[0] = rest
            if not rest.text:
                paras.pop(0)
    if paras:  # a news agency's date stamp after the last sentence (。1140701, 。（編輯：王小明）1140701)
        m = _STAMP_RE.search(paras[-1].text)
        if m:
            f.boilerplate.append(_strip_span_of(paras[-1], m.start(), m.end()))
            paras[-1] = _strip_span_of(paras[-1], 0, m.start())
    _stamp_date(f, text)
    _address_date(f)
    _dateline_day(f, paras, text)
    header = _header(f)
    if not (f.spans.keys() - {"title"}) and not f.dates and header.kind != "news":
        notes.append(Notice("no header (發布機關, 發布日期, 聯絡人): publisher and date are unknown, facts are still read"))
    unit, contacts, phones = _contacts(f, text)
    header = dataclasses.replace(header, contact_unit=unit, contacts=tuple(contacts), phones=tuple(phones))
    if title is None and "title" in f.spans:  # 「標題：…」 written as a field (a reprint gives it at the end)
        title = f.spans["title"]
    if title is not None and _NUMBERED_HEADLINE.match(title.text):  # 「1Alex Doe, Director of …」: a distributor's list number
        title = _strip_span_of(title, 1, len(title.text))
    # no title line in the top: the first short line of the body, unless a dateline opens the body (the story follows it)
    if title is None and paras and not cut:
        head = _strip_span(text, paras[0].start, paras[0].start + len(paras[0].text.split("\n")[0]))
        if len(head.text) <= 80 and not head.text.endswith("。") and not _CAPTION_RE.match(head.text):
            title = head
            rest = _strip_span(text, head.end, paras[0].end)
            paras = ([rest] if rest.text else []) + paras[1:]
    blocks: list[Block] = [b if b.kind == "caption" else Block("caption", b.span, None, b.urls) for b in map(_block, captions)]
    for p in paras:
        for piece in _split_lines_of_items(text, p):
            blocks.append(_block(piece))
    blocks.sort(key=lambda b: b.span.start)
    if header.publisher is not None and not blocks:
        raise DocumentError(path, "has a header but no body: the file looks truncated",
                            line=text.count("\n") + 1, hint="check that the whole press release was saved")
    paragraphs = [b for b in blocks if b.kind == "paragraph"]
    if paragraphs and not paragraphs[-1].span.text.endswith(tuple(_TERMINAL)) and blocks[-1].kind == "paragraph":
        notes.append(Notice("the last paragraph stops mid-sentence: the file may be truncated",
                            text.count("\n", 0, paragraphs[-1].span.end) + 1))
    body_text = " ".join([s.text for s in (title, subtitle) if s is not None] + [b.span.text for b in blocks])
    return Document(
        source=source, path=path, text=text, encoding=encoding,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        header=header, title=title, subtitle=subtitle, blocks=tuple(blocks), notices=tuple(notes),
        language=detect_language(body_text or text), media_type=media_type,
    )


_NEXT_LINE = re.compile(r"\n[ \t\u3000]*(?:\n[ \t\u3000]*)*([^\n]+)")  # the next line that is not blank


def _headline_over_dated_byline(f: _Fields, title: Span | None, paras: list[Span], text: str) -> tuple[Span | None, list[Span]]:
    """A news page whose menus the top did not know: a line like a headline right over a line with the day and the
    byline (``2025/11/20 16:32 記者某某／台南報導``) within the body's first paragraphs is the story's headline, what
    comes before it the page's; the title the top found, if any, was a short menu word (「自由影音」)."""
    for k, head in enumerate(paras[:8]):
        if "\n" in head.text or not _is_title(head.text) or _is_latin(head.text):
            continue
        m = _NEXT_LINE.match(text, head.end)
        if m is None or not _full_date(m.group(1)):
            continue
        line = _strip_span(text, m.start(1), m.end(1))
        probe = _Fields()
        if not _date_line(probe, line) or not probe.reporters:
            continue
        if line not in f.bylines:
            _date_line(f, line)
        f.boilerplate.extend([title] if title is not None else [])
        f.boilerplate.extend(paras[:k])
        rest = paras[k + 1:]
        if rest and rest[0].start == line.start:
            cut = _strip_span(text, line.end, rest[0].end)
            rest = ([cut] if cut.text else []) + rest[1:]
        return head, rest
    return title, paras


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


DEFAULT_MAX_DOCUMENT_BYTES = 5_000_000  # a press release is tens of kilobytes; a saved page with its scripts a few megabytes


def size_text(n: int) -> str:
    """A byte count as people write it (5 MB, 800 kB, 512 bytes)."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.3g} MB"
    if n >= 1_000:
        return f"{n / 1_000:.3g} kB"
    return f"{n} bytes"


def read(path: Path, max_bytes: int | None = DEFAULT_MAX_DOCUMENT_BYTES) -> Document:
    """Read one press release file: text, or a saved web page (``.html``/``.htm``) through its main content.

    A file larger than ``max_bytes`` is refused before it is read (``None``: no limit)."""
    try:
        if max_bytes is not None and (size := path.stat().st_size) > max_bytes:
            raise DocumentError(str(path), f"is {size_text(size)}, more than the {size_text(max_bytes)} a document may have",
                                hint="raise the limit with --max-document-size (or SMARTGRAPH_MAX_DOCUMENT_SIZE), "
                                     "or split the file into one file per release")
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(str(path), f"cannot be read ({e.strerror})", hint="check the file's permissions") from None
    text, encoding, notices = decode(data, str(path))
    if not _is_text(text):
        raise DocumentError(str(path), "decodes to control characters, not text: it looks binary",
                            hint="give smartgraph .txt files saved as UTF-8, Big5 or UTF-16")
    if path.suffix.lower() in HTML_SUFFIXES:
        from smartgraph import webpage

        page = webpage.extract(text)
        if not page.text.strip():
            raise DocumentError(str(path), "is a web page with no main content (nothing left once menus, scripts and footers are removed)",
                                hint="save the press release's own page, or its text as a .txt file")
        return parse(page.text, path.name, str(path), encoding, notices, media_type="text/html")
    return parse(text, path.name, str(path), encoding, notices)
