"""A synthetic corpus of city-diplomacy press releases, deterministic for a seed, with the gold facts it planted.

The releases have the variety of the development corpus (../shared/eval/dev): the governments of
Taipei, Kaohsiung, Taichung, Taoyuan, Tainan and New Taipei write them, in Chinese or in English, under
the header forms their sites use (publisher and ROC or ISO dates in several layouts, breadcrumbs, one-line
date and unit, contacts); about a third are news reprints instead (an agency's dateline, a reporter's
byline, no publisher). They tell of memoranda of understanding (signed or planned), sister-city ties,
visits, summits with two sessions and their participants, and declarations with numbered commitments,
with what officials said and figure captions. Cities and countries are real ones from data/gazetteer/;
person names are generated (Taiwanese names with their Wade-Giles spelling, foreign names in Latin
letters and in Han transliteration). The gold facts are written in the scorer's format
(../shared/eval/score.py), so a generated sample can be scored like the seeds.

    python bench/corpus.py --docs 200 --out /tmp/corpus [--split mixed|zh|en]   # DIR/*.txt and DIR/gold.json
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import zlib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "data" / "gazetteer"
LEXICON = ROOT / "data" / "lexicon"

DEPARTMENTS = [("資訊局", "Department of Information Technology"), ("觀光傳播局", "Department of Information and Tourism"),
               ("產業發展局", "Department of Economic Development"), ("秘書處", "Secretariat"),
               ("研究發展考核委員會", "Research, Development and Evaluation Commission")]
UNITS = ["綜合企劃組", "媒體事務組", "國際事務科", "資訊推廣組", "企劃科"]
EVENT_KINDS = [("智慧城市首長高峰會", "Smart City Mayors' Summit"), ("智慧城市論壇", "Smart City Forum"),
               ("亞太城市高峰會", "Asia Pacific Cities Summit"), ("永續城市論壇", "Sustainable Cities Forum"),
               ("數位轉型論壇", "Digital Transformation Forum"), ("城市創新博覽會", "City Innovation Expo")]
TOPICS = [("智慧城市合作", "smart city cooperation"), ("觀光交流合作", "tourism exchange cooperation"),
          ("產業交流合作", "industrial exchange cooperation"), ("文化交流合作", "cultural exchange cooperation"),
          ("教育交流合作", "educational exchange cooperation"), ("防疫合作", "pandemic cooperation")]
# what officials say: each sentence carries words of one theme in data/gazetteer/themes.tsv
SAYINGS = ["城市必須持續強化數位基礎建設，推動5G與大數據中心的應用", "開放資料是城市施政主軸，政府必須公開整體數據",
           "電子支付與無現金交易讓市民生活更便利", "智慧交通與自駕巴士的測試場域讓企業願意進駐",
           "疫情期間以智慧科技因應，提升城市韌性", "公私協力與公民參與是智慧城市發展的關鍵",
           "智慧醫療與遠距照護能讓長者安心生活", "循環經濟與淨零排放是城市永續發展的目標",
           "數位人才的培育將帶動產業轉型", "社會創新與跨國城市合作能促進經驗交流"]
COMMITMENTS = ["同意將智慧城市作為城市發展共同願景", "透過交流活動促進城市間之產官學界合作", "積極將智慧科技導入城市治理",
               "透過建構基礎建設提供智慧公共服務", "鼓勵科技創新並扶植相關產業", "推動開放資料與資料共享",
               "共同因應氣候變遷並推動淨零轉型", "促進青年與人才交流"]
COMMITMENTS_EN = ["MAKE THE SMART CITY THE VISION for urban development", "PROMOTE COOPERATION AND EXCHANGE between sectors",
                  "IMPLEMENT INTELLIGENT TECHNOLOGIES in city governance", "PROVIDE SMARTER PUBLIC SERVICES through infrastructure",
                  "ENCOURAGE INNOVATION and foster related industries", "PROMOTE OPEN DATA and data sharing",
                  "ADDRESS CLIMATE CHANGE together", "FOSTER EXCHANGES of young people and talent"]
FIRST = ["Anna", "Lukas", "Maria", "Tomas", "Elena", "Jan", "Sofia", "David", "Laura", "Pieter", "Marta", "Oscar", "Nina",
         "Felix", "Clara", "Mateo", "Ingrid", "Hugo", "Alma", "Viktor", "Irene", "Pablo", "Greta", "Emil", "Lena", "Milan"]
SYLLABLES = ["ber", "van", "kor", "mal", "den", "sto", "ria", "lin", "gar", "hof", "mer", "tan", "vel", "dor", "sen",
             "ric", "bal", "ton", "kas", "per", "nel", "ros", "vik", "lund"]
GIVEN = "志明怡君家豪淑芬建宏雅婷俊傑美玲宗翰欣怡文彥佩珊承恩郁婷冠宇思妤柏翰育誠惠雯信宏曉"


def _table(name: str) -> list[list[str]]:
    with (GAZETTEER / name).open(encoding="utf-8") as f:
        return [row for row in csv.reader(f, delimiter="\t") if row and not row[0].startswith("#")]


@dataclass
class Person:
    name: str  # the name gold facts know the person by (Han characters for Taiwanese officials)
    post_zh: str
    post_en: str
    place: list[str]
    country: str
    latin: str = ""  # the name in Latin letters (English releases)
    han: str = ""  # the name in Han characters (Chinese releases): a transliteration for foreigners

    @property
    def aliases(self) -> list[str]:
        return list(dict.fromkeys(n for n in (self.name, self.han, self.latin) if n))


@dataclass(frozen=True)
class Home:
    """A Taiwanese city whose government (or the press) writes the release."""

    zh: str  # 臺北市
    short: str  # 臺北
    en: str  # Taipei
    area: str  # telephone area code

    @property
    def places(self) -> list[str]:
        return [self.zh, self.short, self.en, f"{self.en} City", f"{self.zh}政府", f"{self.en} City Government"]


@dataclass
class Gold:
    documents: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    officials: dict[str, dict] = field(default_factory=dict)
    participants: list[dict] = field(default_factory=list)
    agreements: list[dict] = field(default_factory=list)
    sister_cities: list[list[list[str]]] = field(default_factory=list)
    speakers: set[str] = field(default_factory=set)
    countries: dict[str, list[str]] = field(default_factory=dict)

    def official(self, p: Person) -> None:
        self.officials.setdefault(p.name, {"person": p.aliases, "post": [p.post_zh, p.post_en], "place": p.place, "country": p.country})

    def as_json(self) -> dict:
        return {
            "about": "Gold facts planted by bench/corpus.py (synthetic; the scorer's format).",
            "documents": self.documents, "events": self.events, "officials": list(self.officials.values()),
            "participants": self.participants, "agreements": self.agreements, "sister_cities": self.sister_cities,
            "speakers": sorted(self.speakers), "countries": self.countries,
        }


def _day(key: str) -> tuple[int, int]:
    """A month and day drawn from ``key`` alone: the same for every release that names the same event."""
    h = zlib.crc32(key.encode())
    return 1 + h % 12, 3 + (h // 12) % 23


HOMES = [Home("臺北市", "臺北", "Taipei", "02"), Home("高雄市", "高雄", "Kaohsiung", "07"), Home("臺中市", "臺中", "Taichung", "04"),
         Home("桃園市", "桃園", "Taoyuan", "03"), Home("臺南市", "臺南", "Tainan", "06"), Home("新北市", "新北", "New Taipei", "02")]
HOME_WEIGHTS = [5, 2, 2, 1, 1, 1]  # Taipei writes most of the corpus, as in the development corpus
# Han surnames and given-name characters with their Wade-Giles spelling (how Taiwan's English releases write names)
SURNAMES_ROMAN = [("陳", "Chen"), ("林", "Lin"), ("黃", "Huang"), ("張", "Chang"), ("李", "Lee"), ("王", "Wang"), ("吳", "Wu"),
                  ("劉", "Liu"), ("蔡", "Tsai"), ("楊", "Yang"), ("許", "Hsu"), ("鄭", "Cheng"), ("謝", "Hsieh"), ("郭", "Kuo"),
                  ("洪", "Hung"), ("曾", "Tseng"), ("邱", "Chiu"), ("廖", "Liao"), ("賴", "Lai"), ("周", "Chou"), ("葉", "Yeh"),
                  ("蘇", "Su"), ("莊", "Chuang"), ("呂", "Lu"), ("江", "Chiang"), ("何", "Ho"), ("蕭", "Hsiao"), ("羅", "Lo")]
GIVEN_ROMAN = [("志", "chih"), ("明", "ming"), ("怡", "yi"), ("君", "chun"), ("家", "chia"), ("豪", "hao"), ("淑", "shu"), ("芬", "fen"),
               ("建", "chien"), ("宏", "hung"), ("雅", "ya"), ("婷", "ting"), ("俊", "chun"), ("傑", "chieh"), ("美", "mei"),
               ("玲", "ling"), ("文", "wen"), ("彥", "yen"), ("佩", "pei"), ("珊", "shan"), ("承", "cheng"), ("恩", "en"),
               ("冠", "kuan"), ("宇", "yu"), ("育", "yu"), ("誠", "cheng"), ("惠", "hui"), ("信", "hsin"), ("德", "te"), ("榮", "jung")]
DEPARTMENTS_ALL = [*DEPARTMENTS, ("新聞局", "Information Bureau"), ("教育局", "Department of Education"),
                   ("新聞及國際關係處", "Department of News and International Relations")]
SAYINGS_EN = ["cities must keep strengthening their digital infrastructure and put 5G and big data to use",
              "open data is at the heart of city governance, and governments should publish their data",
              "electronic payments make daily life easier for residents", "smart transport and self-driving buses draw companies to the city",
              "smart technology helped the city through the pandemic and made it more resilient",
              "public-private partnerships and citizen participation are the key to a smart city",
              "the circular economy and net-zero emissions are the goals of sustainable development",
              "training digital talent will help industry transform", "exchanges between cities let them learn from each other"]
TOPICS_EN = {zh: en for zh, en in TOPICS}
REPORTER_UNITS = ["中央社", "聯合報", "自由時報", "台灣好新聞"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
SPLITS = ("mixed", "zh", "en")


def _translit() -> list[str]:
    text = (LEXICON / "transliteration.txt").read_text(encoding="utf-8")
    return [c for line in text.splitlines() if not line.startswith("#") for c in line.split() if len(c) == 1]


class Generator:
    """Releases of several Taiwanese cities (their governments' own, in Chinese or English, under the
    header forms those sites use, and news agencies' reprints with a byline), about memoranda, sister-city
    ties, summits with sessions, declarations and visits. ``split``: mixed (about one release in three in
    English), zh or en only."""

    def __init__(self, seed: int, split: str = "mixed") -> None:
        if split not in SPLITS:
            raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
        self.r = random.Random(seed)
        self.split = split
        self._event = EVENT_KINDS[0]
        # several releases may tell of one event, declaration, MOU or tie; they all tell the same facts, drawn
        # once (a generated corpus that contradicts itself would show as violations of the whole graph)
        self._guests: dict[tuple[str, int, str], list[list[Person]]] = {}
        self._declarations: dict[tuple[str, int], tuple[list[tuple[str, str, str]], str, list[int]]] = {}
        self._mous: dict[tuple[str, str, int], tuple[str, str, bool]] = {}
        self.countries = {row[0]: (row[1].split("|")[0], row[2]) for row in _table("countries.tsv")}
        world = [(row[0].split("|")[0], row[1], row[2]) for row in _table("places-world.tsv")
                 if len(row) > 3 and row[3] == "city" and row[2] != "TW" and row[2] in self.countries][:120]
        near = [(row[0].split("|")[0], row[1], row[2]) for name in ("places-jp.tsv", "places-us.tsv", "places-kr.tsv")
                for row in _table(name)[:40] if len(row) > 3 and row[3] == "city" and row[2] in self.countries]
        self.cities = world + near
        self.surnames = [s for s in (LEXICON / "surnames-zh.txt").read_text(encoding="utf-8").split()
                         if not s.startswith("#") and len(s) == 1 and "\u4e00" <= s <= "\u9fff"]
        self.translit = _translit()
        self.gold = Gold()
        self.officials: dict[tuple[str, int], list[Person]] = {}
        self.foreign: dict[tuple[str, str], Person] = {}

    # ----------------------------------------------------------------- people
    def _han_name(self) -> str:
        i = self.r.randrange(0, len(GIVEN) - 1)
        return self.r.choice(self.surnames[:60]) + GIVEN[i] + GIVEN[(i * 7 + 3) % len(GIVEN)]

    def _taiwanese(self) -> tuple[str, str]:
        """A generated Taiwanese name: Han characters and their Wade-Giles spelling."""
        (sz, se), (g1, e1), (g2, e2) = self.r.choice(SURNAMES_ROMAN), self.r.choice(GIVEN_ROMAN), self.r.choice(GIVEN_ROMAN)
        return sz + g1 + g2, f"{se} {e1.capitalize()}-{e2}"

    def _latin_name(self) -> str:
        last = "".join(self.r.choice(SYLLABLES) for _ in range(self.r.choice((2, 3)))).capitalize()
        return f"{self.r.choice(FIRST)} {last}"

    def home_officials(self, home: Home, year: int) -> list[Person]:
        """A city's mayor and deputy mayor for a four-year term."""
        key = (home.en, (year - 2012) // 4)
        if key not in self.officials:
            people = []
            for zh, en in (("市長", "Mayor"), ("副市長", "Deputy Mayor")):
                han, latin = self._taiwanese()
                people.append(Person(han, zh, en, home.places, "TW", latin=latin, han=han))
            self.officials[key] = people
        return self.officials[key]

    def foreign_official(self, city: tuple[str, str, str], post: tuple[str, str] = ("市長", "Mayor")) -> Person:
        key = (city[1], post[0])
        if key not in self.foreign or self.r.random() < 0.15:
            zh, en, _ = city
            latin = self._latin_name()
            han = "".join(self.r.choice(self.translit) for _ in range(self.r.choice((3, 3, 4))))
            self.foreign[key] = Person(latin, post[0], post[1], [zh + "市", zh, en], city[2], latin=latin, han=han)
        return self.foreign[key]

    def country(self, code: str) -> str:
        zh, en = self.countries[code]
        self.gold.countries.setdefault(code, [zh, en])
        return zh

    def country_en(self, code: str) -> str:
        self.country(code)
        return self.countries[code][1]

    @staticmethod
    def city_zh(city: tuple[str, str, str]) -> str:
        return city[0] if city[0].endswith("市") else city[0] + "市"

    def foreign_zh(self, p: Person) -> tuple[str, str]:
        """How a Chinese release writes a foreign official first (transliterated with the Latin letters in
        brackets, or in Latin letters only) and then (the transliteration, or the Latin letters)."""
        return self.r.choice(((f"{p.han}({p.latin})", p.han), (f"{p.han}（{p.latin}）", p.han), (f" {p.latin} ", p.latin)))

    # --------------------------------------------------------------- documents
    def document(self, n: int) -> tuple[str, str]:
        r = self.r
        year = 2012 + n % 12
        lang = self.split if self.split != "mixed" else ("en" if r.random() < 0.35 else "zh")
        press = r.random() < 0.3  # a news agency's reprint rather than the city's own release
        home = r.choices(HOMES, HOME_WEIGHTS)[0]
        kind = r.choice(("summit", "summit", "agreement", "agreement", "sister", "declaration", "visit"))
        month, day = r.randint(1, 12), r.randint(3, 25)
        if kind == "summit":  # an event of a year, city and kind is one event: every release about it gives the same dates
            self._event = r.choice(EVENT_KINDS[:-1])
            month, day = _day(f"{home.en}{year}{self._event[0]}")
        elif kind == "declaration":  # signed on the one day of that year's expo
            month, day = _day(f"{home.en}{year}{EVENT_KINDS[-1][0]}")
        city = r.choice(self.cities)
        if kind == "agreement":  # one MOU with a city a year, on one day
            month, day = _day(f"{home.en}{year}{city[1]}")
        mayor, deputy = self.home_officials(home, year)
        when = (year, month, day)
        body, title = getattr(self, f"_{kind}_{lang}")(n, home, city, when, mayor, deputy)
        source = f"{n:06d}_synthetic.txt"
        doc = {"source": source, "published": [f"{year}-{month:02d}-{day:02d}"], "publisher": [], "title": [title], "contacts": []}
        text = getattr(self, f"_press_{lang}")(home, when, title, body) if press else getattr(self, f"_release_{lang}")(home, when, title, body, doc)
        self.gold.documents.append(doc)
        return source, text

    # ------------------------------------------------------- headers and layouts
    def _release_zh(self, home: Home, when: tuple[int, int, int], title: str, body: list[str], doc: dict) -> str:
        r = self.r
        y, m, d = when
        roc = y - 1911
        dept_zh, dept_en = r.choice(DEPARTMENTS_ALL)
        gov = home.zh + "政府"
        publisher = gov + dept_zh
        contacts = [self._han_name() for _ in range(r.choice((1, 1, 2)))]
        unit = r.choice(UNITS)
        phone = f"({home.area}){r.randint(2000, 8999)}-{r.randint(1000, 9999)}"
        form = r.randrange(9)
        named_contacts: list[str] = contacts
        if form == 0:
            head, after = [f"{publisher} 新聞稿", f"發布機關：{publisher}", f"發布日期：{roc}-{m:02d}-{d:02d}",
                           f"聯絡人：{unit} {'/'.join(contacts)}", f"聯絡電話：{phone}"], []
        elif form == 1:  # the title first, the header as a list
            head, after = [title], [f"- 發布機關:{publisher}", f"- 發布日期:{roc}/{m:02d}/{d:02d}", f"- 聯絡人:{'、'.join(contacts)}"]
        elif form == 2:
            head, after = [f"{gov} 新聞稿", f"張貼日：{roc}/{m:02d}/{d:02d}", f"發布機關:{publisher}", f"聯絡人:{unit} {contacts[0]}"], []
            named_contacts = contacts[:1]
        elif form == 3:
            head, after = [f"{gov}{dept_zh}", f"發布日期 {y}-{m:02d}-{d:02d} ｜ 發布單位 {dept_zh}{unit}",
                           f"聯絡人：{'、'.join(contacts)}"], []
        elif form == 4:
            head, after = [f"發布日期：{y}-{m:02d}-{d:02d}", f"發布單位：{publisher}", f"聯絡人：{contacts[0]}", f"聯絡電話：{phone}"], []
            named_contacts = contacts[:1]
        elif form == 5:
            head, after = [f"{publisher} 新聞稿", f"發布機關:{publisher}", f"發布日期: {roc} 年 {m} 月 {d} 日",
                           f"聯絡人:{unit} {'/'.join(contacts)}", f"聯絡資訊:{phone}"], []
        elif form == 6:  # a breadcrumb, the title, then one line of date and unit
            head, after = ["首頁 > 市政資訊 > 新聞稿", title], [f"新聞稿 ｜ {y}/{m:02d}/{d:02d} ｜ {dept_zh}", f"聯絡人：{contacts[0]} 科長"]
            named_contacts = contacts[:1]
        elif form == 7:
            head, after = [f"{gov} 新聞稿", f"發稿日期：{roc}年{m:02d}月{d:02d}日　　發稿單位：{dept_zh}",
                           f"聯絡人：{'、'.join(contacts)}"], []
        else:
            head, after = [f"{gov}全球資訊網 > 市政新聞",
                           f"發布日期 {roc}年{m:02d}月{d:02d}日　｜　發布單位 {dept_zh}　｜　點閱次數 {r.randint(20, 900)}",
                           f"聯絡人：{contacts[0]}"], []
            named_contacts = contacts[:1]
        doc["publisher"] = [publisher, dept_zh, f"{dept_en}, {home.en} City Government"]
        doc["contacts"] = [[c] for c in named_contacts]
        parts = head + after + ([] if title in head else [title]) + body
        return "\n\n".join(parts) + "\n"

    def _release_en(self, home: Home, when: tuple[int, int, int], title: str, body: list[str], doc: dict) -> str:
        r = self.r
        y, m, d = when
        _, dept_en = r.choice(DEPARTMENTS_ALL)
        _han, contact = self._taiwanese()
        phone = f"({home.area}){r.randint(2000, 8999)}-{r.randint(1000, 9999)} ext. {r.randint(1000, 9999)}"
        form = r.randrange(3)
        if form == 0:
            head = ["Jump to the content zone at the center\n:::\nHome > News > City News", title,
                    f"Publish Date: {y}-{m:02d}-{d:02d}\nData Source: {dept_en}\nContact Person: {contact}\nPhone: {phone}"]
            doc["contacts"] = [[contact]]
        elif form == 1:
            head = [f"{home.en} City Government | City News",
                    f"- Date: {y}-{m:02d}-{d:02d}\n- Source: {dept_en}, {home.en} City Government\n- Category: International Affairs", title]
        else:
            head = [f"{home.en} City Government > City News\nPublication Date {y}-{m:02d}-{d:02d} ｜ Unit: {dept_en} ｜ Views: "
                    f"{r.randint(20, 900)}", title]
        doc["publisher"] = [dept_en, f"{dept_en}, {home.en} City Government", f"{home.en} City Government {dept_en}"]
        return "\n\n".join(head + body) + "\n"

    def _press_zh(self, home: Home, when: tuple[int, int, int], title: str, body: list[str]) -> str:
        r = self.r
        y, m, d = when
        hh, mi = r.randint(8, 22), r.randint(0, 59)
        reporter = self._han_name()
        form = r.randrange(4)
        if form == 0:  # the agency's dateline opens the first paragraph
            return "\n\n".join([title, f"{y}/{m:02d}/{d:02d} {hh:02d}:{mi:02d}",
                                f"（中央社記者{reporter}{home.short}{d}日電）{body[0]}", *body[1:]]) + "\n"
        if form == 1:
            return "\n\n".join([title, f"台灣好新聞／記者{reporter}／{home.short}報導　{y}.{m:02d}.{d:02d} {hh:02d}:{mi:02d}", *body]) + "\n"
        if form == 2:
            return "\n".join([title, f"{y}-{m:02d}-{d:02d} {hh:02d}:{mi:02d}　聯合報　記者{reporter}、{self._han_name()}／{home.short}報導",
                              "", "\n\n".join(body)]) + "\n"
        return "\n\n".join([title, f"{y}年{m:02d}月{d:02d}日 {hh:02d}:{mi:02d}　地方焦點",
                            f"【記者{reporter}／{home.short}報導】{body[0]}", *body[1:]]) + "\n"

    def _press_en(self, home: Home, when: tuple[int, int, int], title: str, body: list[str]) -> str:
        r = self.r
        y, m, d = when
        hh, mi = r.randint(1, 11), r.randint(0, 59)
        weekday = WEEKDAYS[dt.date(y, m, d).weekday()]
        if r.random() < 0.5:  # a news agency's wire: a dateline opens the first paragraph
            return "\n\n".join(["POLITICS", f"{m:02d}/{d:02d}/{y} {hh:02d}:{mi:02d} {r.choice(('AM', 'PM'))}", title,
                                f"{home.en.upper()}, {MONTHS[m - 1]} {d} (CNA) -- {body[0]}", *body[1:]]) + "\n"
        _, reporter = self._taiwanese()
        return "\n\n".join([f"{weekday}, {MONTHS[m - 1][:3]} {d:02d}, {y} - Page {r.randint(1, 4)}", title,
                            f"By {reporter} / Staff reporter", *body]) + "\n"

    # ----------------------------------------------------------------- content
    def _speech(self, p: Person, intro: str) -> str:
        self.gold.speakers.add(p.name)
        return f"{intro}表示，{self.r.choice(SAYINGS)}。"

    def _speech_en(self, p: Person, who: str) -> str:
        self.gold.speakers.add(p.name)
        return self.r.choice((f'"{self.r.choice(SAYINGS_EN).capitalize()}," {who} said.',
                              f"{who} said that {self.r.choice(SAYINGS_EN)}."))

    def _mou(self, home: Home, city: tuple[str, str, str], year: int) -> tuple[str, str, bool]:
        if (home.en, city[1], year) not in self._mous:
            r = self.r
            self._mous[home.en, city[1], year] = (r.choice(TOPICS)[0], r.choice(("mayor", "deputy")), r.random() < 0.6)
        return self._mous[home.en, city[1], year]

    def _mou_gold(self, n: int, home: Home, city: tuple[str, str, str], year: int, mayor: Person,
                  deputy: Person) -> tuple[str, bool, Person, Person]:
        """The MOU a release of either language tells (topic, signed or planned, who signs, the guest), in the gold."""
        topic, who, signed = self._mou(home, city, year)
        signer = mayor if who == "mayor" else deputy
        guest = self.foreign_official(city)
        self.gold.official(signer)
        self.gold.official(guest)
        self.gold.agreements.append({"key": f"a{n}", "kind": "mou", "parties": [home.places[:3], [self.city_zh(city), city[0], city[1]]],
                                     "status": "signed" if signed else "planned", "topic": [topic, TOPICS_EN[topic]]})
        return topic, signed, signer, guest

    def _agreement_zh(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                      mayor: Person, deputy: Person) -> tuple[list[str], str]:
        y, m, d = when
        topic, signed, signer, guest = self._mou_gold(n, home, city, y, mayor, deputy)
        country = self.country(city[2])
        cz = self.city_zh(city)
        post = signer.post_zh
        g, again = self.foreign_zh(guest)
        if signed:
            title = f"{home.short}與{country}{cz}簽署{topic}備忘錄"
            first = f"{home.zh}{post}{signer.name}今({m}/{d})日與{country}{cz}市長{g}共同簽署「{topic}備忘錄」(MOU)，雙方將深化城市交流。"
        else:
            title = f"{country}{cz}長訪{home.short} 雙方將簽署{topic}備忘錄"
            first = f"{country}{cz}市長{g}今({m}/{d})日拜會{home.zh}{post}{signer.name}，雙方今年將簽署{topic}備忘錄 MOU，強化國際交流與鏈結。"
        body = [first, self._speech(signer, f"{signer.name}{post}"), self._speech(guest, f"{again}市長")]
        body.append(f"圖1：{home.zh}{post}{signer.name}(右)與{country}{cz}市長{g}(左)合影")
        return body, title

    def _agreement_en(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                      mayor: Person, deputy: Person) -> tuple[list[str], str]:
        y, m, d = when
        topic, signed, signer, guest = self._mou_gold(n, home, city, y, mayor, deputy)
        country = self.country_en(city[2])
        topic_en = TOPICS_EN[topic]
        post = signer.post_en
        if signed:
            title = f"{home.en} and {city[1]} Sign MOU on {topic_en.title()}"
            first = (f"{home.en} City {post} {signer.latin} and {city[1]} Mayor {guest.latin} of {country} signed a memorandum of "
                     f"understanding (MOU) on {topic_en} on {MONTHS[m - 1]} {d}, {y}, committing the two cities to closer exchanges.")
        else:
            title = f"{city[1]} Mayor Visits {home.en}; Two Cities to Sign {topic_en.title()} MOU"
            first = (f"{city[1]} Mayor {guest.latin} of {country} called on {home.en} City {post} {signer.latin} on {MONTHS[m - 1]} {d}, "
                     f"{y}. The two cities plan to sign a memorandum of understanding (MOU) on {topic_en} later this year.")
        body = [first, self._speech_en(signer, f"{post} {signer.latin.split()[0]}"), self._speech_en(guest, f"Mayor {guest.latin}")]
        body.append(f"[Photo] {home.en} {post} {signer.latin} (right) and {city[1]} Mayor {guest.latin} (left)")
        return body, title

    def _tie(self, home: Home, city: tuple[str, str, str]) -> None:
        pair = [home.places[:3], [self.city_zh(city), city[0], city[1]]]
        if pair not in self.gold.sister_cities:
            self.gold.sister_cities.append(pair)

    def _sister_zh(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                   mayor: Person, deputy: Person) -> tuple[list[str], str]:
        _y, _m, d = when
        guest = self.foreign_official(city)
        self.gold.official(mayor)
        self.gold.official(guest)
        country = self.country(city[2])
        cz = self.city_zh(city)
        self._tie(home, city)
        self.gold.agreements.append({"key": f"f{n}", "kind": "friendship", "status": "signed",
                                     "parties": [home.places[:3], [cz, city[0], city[1]]]})
        g, again = self.foreign_zh(guest)
        title = f"{home.short}與{country}{cz}締結姊妹市 {mayor.name}：盼深化城市交流"
        body = [f"{home.zh}長{mayor.name}今({d})日與{country}{cz}市長{g}共同簽署姊妹市協定，兩市正式結為姊妹市，"
                f"未來將在觀光、教育及產業等面向展開交流。",
                self._speech(mayor, f"{mayor.name}市長"), self._speech(guest, f"{again}市長"),
                f"圖1：{home.zh}長{mayor.name}與{country}{cz}市長{g}互贈禮品"]
        return body, title

    def _sister_en(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                   mayor: Person, deputy: Person) -> tuple[list[str], str]:
        y, m, d = when
        guest = self.foreign_official(city)
        self.gold.official(mayor)
        self.gold.official(guest)
        country = self.country_en(city[2])
        self._tie(home, city)
        self.gold.agreements.append({"key": f"f{n}", "kind": "friendship", "status": "signed",
                                     "parties": [home.places[:3], [self.city_zh(city), city[0], city[1]]]})
        title = f"{home.en} and {city[1]} Become Sister Cities"
        body = [f"{home.en} Mayor {mayor.latin} and Mayor {guest.latin} of {city[1]}, {country}, signed a sister city agreement "
                f"on {MONTHS[m - 1]} {d}, {y}, formally making {home.en} and {city[1]} sister cities.",
                self._speech_en(mayor, f"Mayor {mayor.latin.split()[0]}"), self._speech_en(guest, guest.latin),
                f"[Photo] {home.en} Mayor {mayor.latin} (left) and {city[1]} Mayor {guest.latin} exchange gifts"]
        return body, title

    def _visit_zh(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                  mayor: Person, deputy: Person) -> tuple[list[str], str]:
        _y, m, d = when
        guest = self.foreign_official(city)
        country = self.country(city[2])
        cz = self.city_zh(city)
        self.gold.official(guest)
        self.gold.official(mayor)
        self._tie(home, city)
        g, again = self.foreign_zh(guest)
        body = [f"與{home.zh}締結姊妹市的{country}{cz}市長{g}今({m}/{d})日率團訪問{home.zh}，由{home.zh}長{mayor.name}親自接待。",
                self._speech(mayor, f"{mayor.name}市長"), self._speech(guest, f"{again}市長"),
                f"圖1：{home.zh}長{mayor.name}與{country}{cz}市長{g}互贈禮品"]
        return body, f"姊妹市{country}{cz}長訪問{home.short} 深化城市友誼"

    def _visit_en(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                  mayor: Person, deputy: Person) -> tuple[list[str], str]:
        y, m, d = when
        guest = self.foreign_official(city)
        country = self.country_en(city[2])
        self.gold.official(guest)
        self.gold.official(mayor)
        self._tie(home, city)
        body = [f"Mayor {guest.latin} of {city[1]}, {country}, one of {home.en}'s sister cities, led a delegation to {home.en} on "
                f"{MONTHS[m - 1]} {d}, {y}, and was received by {home.en} Mayor {mayor.latin}.",
                self._speech_en(mayor, f"Mayor {mayor.latin.split()[0]}"), self._speech_en(guest, guest.latin)]
        return body, f"Mayor of Sister City {city[1]} Visits {home.en}"

    def _summit_zh(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                   mayor: Person, deputy: Person) -> tuple[list[str], str]:
        r = self.r
        year, month, day = when
        ev_zh, ev_en = self._event
        name = f"{year}{home.short}{ev_zh}"
        d1 = max(1, day - 2)
        guests = self._summit_gold(n, home, year, name, f"{year} {home.en} {ev_en}", month, d1, mayor, deputy)
        countries = {p.country for ps in guests for p in ps}
        title = f"{name}圓滿落幕 {r.choice(['城市攜手數位轉型', '國際城市交流成果豐碩', '智慧治理經驗共享'])}"
        body = [f"{name}已於{d1 + 1}日圓滿落幕，兩個場次({month}/{d1}、{month}/{d1 + 1})共計有{len(countries)}國"
                f"{sum(map(len, guests))}位城市首長或代表分享智慧城市經驗；{home.zh}由{mayor.name}市長、{deputy.name}副市長出席會議。",
                self._speech(mayor, f"{home.zh}長{mayor.name}"), self._speech(deputy, f"{home.zh}副市長{deputy.name}則")]
        for p in guests[0][:2] + guests[1][:1]:
            body.append(self._speech(p, f"{self.country(p.country)}{p.place[0]}市長{self.foreign_zh(p)[0]}"))
        captions = []
        for s, ps in enumerate(guests, 1):
            body.append(f"- **{name}線上論壇 Session {s}**\n\n直播網址：<https://example.org/live/{n}-{s}>")
            listed = [f"{home.zh}市長{mayor.name}", f"{home.zh}副市長{deputy.name}"] + [
                f"{self.country(p.country)}{p.place[0]}市長 {p.latin}" for p in ps]
            captions.append(f"圖{s}：{name} Session{s}線上大合照({'、'.join(listed)})")
        return body + captions, title

    def _summit_en(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                   mayor: Person, deputy: Person) -> tuple[list[str], str]:
        year, month, day = when
        ev_zh, ev_en = self._event
        name = f"{year} {home.en} {ev_en}"
        d1 = max(1, day - 2)
        guests = self._summit_gold(n, home, year, f"{year}{home.short}{ev_zh}", name, month, d1, mayor, deputy)
        countries = {p.country for ps in guests for p in ps}
        body = [f"The {name} closed on {MONTHS[month - 1]} {d1 + 1}, {year}, after two sessions on {MONTHS[month - 1]} {d1} and "
                f"{d1 + 1} at which {sum(map(len, guests))} mayors and city representatives from {len(countries)} countries shared "
                f"their experience. {home.en} Mayor {mayor.latin} and Deputy Mayor {deputy.latin} attended.",
                self._speech_en(mayor, f"Mayor {mayor.latin.split()[0]}"), self._speech_en(deputy, f"Deputy Mayor {deputy.latin}")]
        for p in guests[0][:2]:
            body.append(self._speech_en(p, f"{p.place[2]} Mayor {p.latin} of {self.country_en(p.country)}"))
        for s, ps in enumerate(guests, 1):
            listed = [f"{home.en} Mayor {mayor.latin}", f"Deputy Mayor {deputy.latin}"] + [f"{p.place[2]} Mayor {p.latin}" for p in ps]
            body.append(f"[Photo] {name} Session {s}: {', '.join(listed)}")
        return body, f"{name} Wraps Up as Cities Share Smart Governance Experience"

    def _summit_gold(self, n: int, home: Home, year: int, name_zh: str, name_en: str, month: int, d1: int,
                     mayor: Person, deputy: Person) -> list[list[Person]]:
        key = f"e{n}"
        self.gold.events.append({"key": key, "names": [name_zh, name_en], "start": [f"{year}-{month:02d}-{d1:02d}"],
                                 "end": [f"{year}-{month:02d}-{d1 + 1:02d}"]})
        for s in (1, 2):
            self.gold.events.append({"key": f"{key}-s{s}", "names": [f"{name_zh} Session {s}", f"{name_en} Session {s}", f"Session {s}"],
                                     "start": [f"{year}-{month:02d}-{d1 + s - 1:02d}"], "end": [f"{year}-{month:02d}-{d1 + s - 1:02d}"],
                                     "partOf": key})
        ident = (home.en, year, self._event[0])
        if ident not in self._guests:  # drawn once: every release about this event names the same guests
            self._guests[ident] = [[self.foreign_official(c) for c in self.r.sample(self.cities, self.r.randint(3, 6))] for _ in (1, 2)]
        guests = self._guests[ident]
        for s, ps in enumerate(guests, 1):
            for p in [mayor, deputy, *ps]:
                self.gold.official(p)
                self.gold.participants.append({"person": p.name, "event": f"{key}-s{s}"})
        return guests

    def _declaration_zh(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                        mayor: Person, deputy: Person) -> tuple[list[str], str]:
        year, month, day = when
        cities, decl, picks = self._declaration(home, year)
        name = f"{year}{home.short}{EVENT_KINDS[-1][0]}"
        self.gold.official(mayor)
        self.gold.agreements.append({"key": f"d{n}", "kind": "declaration", "status": "signed",
                                     "parties": [home.places[:3]] + [[self.city_zh(c), c[0], c[1]] for c in cities], "topic": [decl]})
        names = "、".join(self.country(c[2]) + self.city_zh(c) for c in cities)
        body = [f"{home.zh}以及來自{names}等 {len(cities) + 1} 個城市首長，今({month}/{day})日共同簽署「{decl}」，為「{name}」揭起了最高潮。",
                self._speech(mayor, f"{home.zh}長{mayor.name}"), "宣言內容如下："]
        body.append("\n".join(f"{i}. {COMMITMENTS[j]}。" for i, j in enumerate(picks, 1)))
        body.append(f"附件 「{decl}」")
        body.append("We agree to do the following:")
        body.append("\n".join(f"{i}. **{COMMITMENTS_EN[j]}**;" for i, j in enumerate(picks, 1)))
        return body, f"國內外城市首長攜手簽署「{decl}」"

    def _declaration_en(self, n: int, home: Home, city: tuple[str, str, str], when: tuple[int, int, int],
                        mayor: Person, deputy: Person) -> tuple[list[str], str]:
        year, month, day = when
        cities, decl, picks = self._declaration(home, year)
        self.gold.official(mayor)
        self.gold.agreements.append({"key": f"d{n}", "kind": "declaration", "status": "signed",
                                     "parties": [home.places[:3]] + [[self.city_zh(c), c[0], c[1]] for c in cities], "topic": [decl]})
        names = ", ".join(f"{c[1]} ({self.country_en(c[2])})" for c in cities)
        body = [f"{home.en} Mayor {mayor.latin} and the leaders of {len(cities)} cities, {names}, signed the {decl} "
                f"on {MONTHS[month - 1]} {day}, {year}. Under the declaration, the signatories agree to:",
                "\n".join(f"{i}. {COMMITMENTS_EN[j].lower()};" for i, j in enumerate(picks, 1)),
                self._speech_en(mayor, f"Mayor {mayor.latin.split()[0]}")]
        return body, f"{home.en} and {len(cities)} Cities Sign the {decl}"

    def _declaration(self, home: Home, year: int) -> tuple[list[tuple[str, str, str]], str, list[int]]:
        r = self.r
        if (home.en, year) not in self._declarations:
            self._declarations[home.en, year] = (r.sample(self.cities, r.randint(3, 6)),
                                                 f"{r.choice(['智慧城市', '永續城市', '數位城市'])} {home.short}宣言",
                                                 r.sample(range(len(COMMITMENTS)), r.randint(3, 5)))
        return self._declarations[home.en, year]


def generate(n: int, out: Path, seed: int = 42, split: str = "mixed") -> Gold:
    """Write n documents into out/ and out/gold.json; the planted gold facts. ``split``: mixed, zh or en."""
    out.mkdir(parents=True, exist_ok=True)
    g = Generator(seed, split)
    for i in range(n):
        source, text = g.document(i)
        (out / source).write_text(text, encoding="utf-8")
    (out / "gold.json").write_text(json.dumps(g.gold.as_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    return g.gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--split", choices=SPLITS, default="mixed", help="languages of the releases (default mixed: about a third in English)")
    a = ap.parse_args()
    gold = generate(a.docs, a.out, a.seed, a.split)
    print(f"{a.docs} documents and gold.json ({len(gold.officials)} officials, {len(gold.events)} events) in {a.out}")


if __name__ == "__main__":
    main()
