"""A synthetic corpus of city-diplomacy press releases, deterministic for a seed, with the gold facts it planted.

The documents follow the seeds' genre and layout: a header (publisher, ROC date, contacts), a title,
paragraphs about a summit and its sessions, what officials said, memoranda of understanding and
declarations (with numbered commitments), sister-city ties, list items with livestream URLs and figure
captions listing the officials present. Cities and countries are real ones from data/gazetteer/;
person names are generated. The gold facts are written in the scorer's format
(../shared/eval/score.py), so a generated sample can be scored like the seeds.

    python bench/corpus.py --docs 200 --out /tmp/corpus        # DIR/*.txt and DIR/gold.json
"""

from __future__ import annotations

import argparse
import csv
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
    name: str
    post_zh: str
    post_en: str
    place: list[str]
    country: str


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
        self.officials.setdefault(p.name, {"person": [p.name], "post": [p.post_zh, p.post_en], "place": p.place, "country": p.country})

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


class Generator:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self._event = EVENT_KINDS[0]  # the kind of event the summit release being written is about
        # several releases may tell of one event, declaration or MOU; they all tell the same facts, drawn
        # once (a generated corpus that contradicts itself would show as violations of the whole graph)
        self._guests: dict[tuple[int, str], list[list[Person]]] = {}
        self._declarations: dict[int, tuple[list[tuple[str, str, str]], str, list[int]]] = {}
        self._mous: dict[tuple[str, int], tuple[str, str, bool]] = {}
        self._city = ("", "", "")  # the city the agreement release being written is about
        self.countries = {row[0]: (row[1].split("|")[0], row[2]) for row in _table("countries.tsv")}
        self.cities = [(row[0].split("|")[0], row[1], row[2]) for row in _table("places-world.tsv")
                       if len(row) > 3 and row[3] == "city" and row[2] != "TW" and row[2] in self.countries][:120]
        self.surnames = [s for s in (LEXICON / "surnames-zh.txt").read_text(encoding="utf-8").split()
                         if not s.startswith("#") and len(s) == 1 and "\u4e00" <= s <= "\u9fff"]
        self.gold = Gold()
        self.taipei = self._taipei_officials()
        self.foreign: dict[tuple[str, str], Person] = {}

    # ----------------------------------------------------------------- people
    def _han_name(self) -> str:
        i = self.r.randrange(0, len(GIVEN) - 1)
        return self.r.choice(self.surnames[:60]) + GIVEN[i] + GIVEN[(i * 7 + 3) % len(GIVEN)]

    def _latin_name(self) -> str:
        last = "".join(self.r.choice(SYLLABLES) for _ in range(self.r.choice((2, 3)))).capitalize()
        return f"{self.r.choice(FIRST)} {last}"

    def _taipei_officials(self) -> list[list[Person]]:
        """Taipei's mayor and deputy mayor for each four-year term."""
        taipei = ["臺北市", "Taipei", "臺北市政府", "Taipei City Government"]
        return [[Person(self._han_name(), "市長", "Mayor", taipei, "TW"), Person(self._han_name(), "副市長", "Deputy Mayor", taipei, "TW")]
                for _ in range(8)]

    def foreign_official(self, city: tuple[str, str, str], post: tuple[str, str] = ("市長", "Mayor")) -> Person:
        key = (city[1], post[0])
        if key not in self.foreign or self.r.random() < 0.15:
            zh, en, _ = city
            self.foreign[key] = Person(self._latin_name(), post[0], post[1], [zh + "市", zh, en], city[2])
        return self.foreign[key]

    def country(self, code: str) -> str:
        zh, en = self.countries[code]
        self.gold.countries.setdefault(code, [zh, en])
        return zh

    # --------------------------------------------------------------- documents
    def document(self, n: int) -> tuple[str, str]:
        r = self.r
        year = 2012 + n % 12
        kind = r.choice(("summit", "summit", "agreement", "declaration", "visit"))
        month, day = r.randint(1, 12), r.randint(3, 25)
        if kind == "summit":  # an event of a year and kind is one event: every release about it gives the same dates
            self._event = r.choice(EVENT_KINDS[:-1])
            month, day = _day(f"{year}{self._event[0]}")
        elif kind == "declaration":  # signed on the one day of that year's expo
            month, day = _day(f"{year}{EVENT_KINDS[-1][0]}")
        elif kind == "agreement":  # one MOU with a city a year, on one day
            self._city = r.choice(self.cities)
            month, day = _day(f"{year}{self._city[1]}")
        mayor, deputy = self.taipei[(year - 2012) // 4]
        dept_zh, dept_en = r.choice(DEPARTMENTS)
        publisher = "臺北市政府" + dept_zh
        contacts = [self._han_name() for _ in range(r.choice((1, 1, 2)))]
        source = f"{n:06d}_synthetic.txt"
        body, title = getattr(self, "_" + kind)(n, year, month, day, mayor, deputy)
        roc = f"{year - 1911}/{month:02d}/{day:02d}" if r.random() < 0.7 else f"{year - 1911} 年 {month} 月 {day} 日"
        header = [f"{publisher} 新聞稿", f"發布機關:{publisher}", f"發布日期:{roc}",
                  f"聯絡人:{r.choice(UNITS)} {'/'.join(contacts)}", f"聯絡資訊:02-2720{r.randint(1000, 9999)}分機{r.randint(1000, 9999)}"]
        self.gold.documents.append({"source": source, "published": [f"{year}-{month:02d}-{day:02d}"],
                                    "publisher": [publisher, f"{dept_en}, Taipei City Government"],
                                    "title": [title], "contacts": [[c] for c in contacts]})
        return source, "\n\n".join([*header, title, *body]) + "\n"

    def _speech(self, p: Person, intro: str) -> str:
        self.gold.speakers.add(p.name)
        return f"{intro}表示，{self.r.choice(SAYINGS)}。"

    def _summit(self, n: int, year: int, month: int, day: int, mayor: Person, deputy: Person) -> tuple[list[str], str]:
        r = self.r
        ev_zh, ev_en = self._event
        name = f"{year}{ev_zh}"
        d1 = max(1, day - 2)
        key = f"e{n}"
        self.gold.events.append({"key": key, "names": [name, f"{year} {ev_en}"], "start": [f"{year}-{month:02d}-{d1:02d}"],
                                 "end": [f"{year}-{month:02d}-{d1 + 1:02d}"]})
        for s in (1, 2):
            self.gold.events.append({"key": f"{key}-s{s}", "names": [f"{name} Session {s}", f"Session {s}"],
                                     "start": [f"{year}-{month:02d}-{d1 + s - 1:02d}"], "end": [f"{year}-{month:02d}-{d1 + s - 1:02d}"],
                                     "partOf": key})
        if (year, ev_zh) not in self._guests:  # drawn once: every release about this event names the same guests
            self._guests[year, ev_zh] = [[self.foreign_official(c) for c in r.sample(self.cities, r.randint(3, 7))] for _ in (1, 2)]
        guests = self._guests[year, ev_zh]
        countries = {p.country for ps in guests for p in ps}
        for p in (mayor, deputy):
            self.gold.official(p)
        title = f"{name}圓滿落幕 {r.choice(['城市攜手數位轉型', '國際城市交流成果豐碩', '智慧治理經驗共享'])}"
        body = [f"{name}已於{d1 + 1}日圓滿落幕，兩個場次({month}/{d1}、{month}/{d1 + 1})共計有{len(countries)}國"
                f"{sum(map(len, guests))}位城市首長或代表分享智慧城市經驗；臺北市由{mayor.name}市長、{deputy.name}副市長出席會議。",
                self._speech(mayor, f"臺北市長{mayor.name}"), self._speech(deputy, f"臺北市副市長{deputy.name}則")]
        for p in guests[0][:2] + guests[1][:1]:
            self.gold.official(p)
            body.append(self._speech(p, f"{self.country(p.country)}{p.place[0]}市長 {p.name}"))
        captions = []
        for s, ps in enumerate(guests, 1):
            body.append(f"- **{name}線上論壇 Session {s}**\n\n直播網址：<https://example.org/live/{n}-{s}>")
            people = [mayor, deputy, *ps]
            for p in people:
                self.gold.official(p)
                self.gold.participants.append({"person": p.name, "event": f"{key}-s{s}"})
            listed = [f"臺北市市長{mayor.name}", f"臺北市副市長{deputy.name}"] + [f"{self.country(p.country)}{p.place[0]}市市長 {p.name}" for p in ps]
            captions.append(f"圖{s}：{name} Session{s}線上大合照({'、'.join(listed)})")
        return body + captions, title

    def _agreement(self, n: int, year: int, month: int, day: int, mayor: Person, deputy: Person) -> tuple[list[str], str]:
        r = self.r
        city = self._city
        if (city[1], year) not in self._mous:
            self._mous[city[1], year] = (r.choice(TOPICS)[0], r.choice(("mayor", "deputy")), r.random() < 0.6)
        topic, who, signed = self._mous[city[1], year]
        topic_zh, topic_en = next(t for t in TOPICS if t[0] == topic)
        signer = mayor if who == "mayor" else deputy
        guest = self.foreign_official(city)
        self.gold.official(signer)
        self.gold.official(guest)
        country = self.country(city[2])
        self.gold.agreements.append({"key": f"a{n}", "kind": "mou", "parties": [["臺北市", "Taipei"], [city[0] + "市", city[0], city[1]]],
                                     "status": "signed" if signed else "planned", "topic": [topic_zh, topic_en]})
        post = "市長" if signer is mayor else "副市長"
        if signed:
            title = f"臺北市與{country}{city[0]}市簽署{topic_zh}備忘錄"
            first = (f"臺北市{post}{signer.name}今({month}/{day})日與{country}{city[0]}市市長 {guest.name} 共同簽署"
                     f"{topic_zh}備忘錄 MOU，雙方將深化城市交流。")
        else:
            title = f"{country}{city[0]}市長訪臺 雙方將簽署{topic_zh}備忘錄"
            first = (f"{country}{city[0]}市市長 {guest.name} 今({month}/{day})日拜會臺北市{post}{signer.name}，"
                     f"雙方今年將簽署{topic_zh}備忘錄 MOU，強化國際交流與鏈結。")
        body = [first, self._speech(signer, f"{signer.name}{post}"), self._speech(guest, f"{guest.name} 市長")]
        body.append(f"圖1：臺北市{post}{signer.name}(右)與{country}{city[0]}市市長 {guest.name}(左)合影")
        return body, title

    def _declaration(self, n: int, year: int, month: int, day: int, mayor: Person, deputy: Person) -> tuple[list[str], str]:
        r = self.r
        if year not in self._declarations:
            self._declarations[year] = (r.sample(self.cities, r.randint(3, 6)), f"{r.choice(['智慧城市', '永續城市', '數位城市'])} 臺北宣言",
                                        r.sample(range(len(COMMITMENTS)), r.randint(3, 5)))
        cities, decl, picks = self._declarations[year]
        name = f"{year}{EVENT_KINDS[-1][0]}"
        self.gold.official(mayor)
        self.gold.agreements.append({"key": f"d{n}", "kind": "declaration", "status": "signed",
                                     "parties": [["臺北市", "Taipei"]] + [[c[0] + "市", c[0], c[1]] for c in cities], "topic": [decl]})
        names = "、".join(self.country(c[2]) for c in cities)
        body = [f"臺北市以及來自{names}等 {len(cities) + 1} 個城市首長，今({month}/{day})日共同簽署「{decl}」，為「{name}」揭起了最高潮。",
                self._speech(mayor, f"臺北市長{mayor.name}"), "宣言內容如下："]
        body.append("\n".join(f"{i}. {COMMITMENTS[j]}。" for i, j in enumerate(picks, 1)))
        body.append(f"附件 「{decl}」")
        body.append("We agree to do the following:")
        body.append("\n".join(f"{i}. **{COMMITMENTS_EN[j]}**;" for i, j in enumerate(picks, 1)))
        return body, f"國內外城市首長攜手簽署「{decl}」"

    def _visit(self, n: int, year: int, month: int, day: int, mayor: Person, deputy: Person) -> tuple[list[str], str]:
        r = self.r
        city = r.choice(self.cities)
        guest = self.foreign_official(city)
        country = self.country(city[2])
        self.gold.official(guest)
        self.gold.official(mayor)
        pair = [["臺北市", "Taipei"], [city[0] + "市", city[0], city[1]]]
        if pair not in self.gold.sister_cities:
            self.gold.sister_cities.append(pair)
        body = [f"與臺北市締結姊妹市的{country}{city[0]}市市長 {guest.name} 今({month}/{day})日率團訪問臺北市，由臺北市長{mayor.name}親自接待。",
                self._speech(mayor, f"{mayor.name}市長"), self._speech(guest, f"{guest.name} 市長"),
                f"圖1：臺北市長{mayor.name}與{country}{city[0]}市市長 {guest.name} 互贈禮品"]
        return body, f"姊妹市{country}{city[0]}市長訪問臺北 深化城市友誼"


def generate(n: int, out: Path, seed: int = 42) -> Gold:
    """Write n documents into out/ and out/gold.json; the planted gold facts."""
    out.mkdir(parents=True, exist_ok=True)
    g = Generator(seed)
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
    a = ap.parse_args()
    gold = generate(a.docs, a.out, a.seed)
    print(f"{a.docs} documents and gold.json ({len(gold.officials)} officials, {len(gold.events)} events) in {a.out}")


if __name__ == "__main__":
    main()
