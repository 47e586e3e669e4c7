"""Organisations: what an affiliation (the words before a post title) or an agreement party names.

An affiliation is read from its right end, where it meets the title:
- a place (臺北|市長, 日本福岡|市長, 延壽|區廳長): that place's government, the title's first character
  joined back to the place (臺北 + 市長 = 臺北市);
- a country (駐日|代表): that country's government, or for 駐 + country + office, the office;
- a name ending like an organisation (資訊局, 捷克經濟文化辦事處, 上海市經濟和信息化委員會, 文化|局長):
  the organisation, part of the government of the place it opens with, or of the home government
  when it names none and is a unit of a city government (資訊局, 市長室);
- Latin letters (GO SMART, ICLEI): an organisation by that name.
A foreign office's country is the country it represents: 捷克經濟文化辦事處 and 波蘭台北辦事處 (a country's name
first, no 駐) are Czech and Polish, 駐捷克台北經濟文化辦事處 and 台北駐福岡辦事處 are Taiwan's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.entities import add_place, government, national_government, organization, place_en
from smartgraph.extraction.mentions import CountryMention, PlaceMention, Resolved
from smartgraph.extraction.names import LATIN, common_word, demonyms, ends_with, geo_code, not_in_name, starts_with, words
from smartgraph.extraction.text import fold, is_han
from smartgraph.model import Organization

PLACE_SUFFIX_TITLES = "市縣區鎮鄉州省郡町村"
_TAIWAN = re.compile(fold(r"台北|臺北|台灣|臺灣|中華民國|我國"))
_STATIONED = re.compile(fold(r"駐台北|駐臺北|駐台灣|駐臺灣|駐臺|駐台|在臺|在台|台北|臺北|駐華"))
_ABROAD_OFFICE = re.compile(fold(r"(?:辦事處|分處)$"))
_GOV_SHORT = re.compile(fold(r"^(?:市政府|市府|縣政府|縣府|政府|府)"))


_SUFFIXES_FOLDED = frozenset(fold(x) for x in gz.PLACE_SUFFIXES)
_SUFFIX_KINDS = {"市": "city", "縣": "county", "区": "district", "區": "district", "鎮": "township", "鄉": "township",
                 "町": "township", "村": "township", "州": "state", "省": "province", "郡": "county"}


def _geo_in(res: Resolved, a: int, e: int) -> list[CountryMention | PlaceMention]:
    r = res.recognised
    geo: list[CountryMention | PlaceMention] = [*r.within(r.countries, a, e), *r.within(r.places, a, e)]
    return sorted([m for m in geo if m.end <= e], key=lambda m: m.start)


def _country_of(m: CountryMention | PlaceMention) -> str:
    return m.code if isinstance(m, CountryMention) else m.country


def _context_country(res: Resolved, a: int) -> str:
    """The country of the nearest country or place named before ``a`` in the same sentence."""
    text = res.text
    s = text.sentences[text.sentence_of(a)].start
    code = ""
    for m in _geo_in(res, s, a):
        code = _country_of(m) or code
    return code


_ENVOY_OFFICES = {"representative": "代表處", "chief-representative": "代表處", "deputy-representative": "代表處",
                  "ambassador": "大使館", "consul-general": "總領事館", "consul": "領事館"}


def _stationed_office(res: Resolved, a: int, country: CountryMention, title: lx.Title | None) -> str:
    """「中華民國駐波蘭代表」「駐克國大使」: the home country's office in that country (駐波蘭代表處), not the
    foreign government."""
    if title is None:
        return ""
    kind = _ENVOY_OFFICES.get(title.key.removeprefix("former-"))
    home = res.home_country or "TW"
    t = res.text.fold
    if kind is None or country.code == home or country.start <= a or t[country.start - 1] != fold("駐"):
        return ""
    if any(_country_of(m) != home for m in _geo_in(res, a, country.start - 1)):
        return ""  # 「美國駐日大使」: another country's envoy
    return _envoy_office(res, home, country.code, res.text.raw[country.start:country.end], kind)


def _envoy_office(res: Resolved, home: str, code: str, country_name: str, kind: str) -> str:
    """The office an envoy of ``home`` in country ``code`` heads: for Taiwan's representatives, the office by the name
    the table of Taiwan's offices gives (駐日代表: 臺北駐日經濟文化代表處), else 駐 + the country + the office's kind."""
    office = lx.tw_offices().get(code) if home == "TW" and kind == "代表處" else None
    if office is not None:
        return organization(res, f"org-{home.lower()}-{fold(office.name_zh)}", office.name_zh, "representative-office", home)
    ot = lx.org_type_of(kind, bare=True)
    name = f"駐{country_name}{kind}"
    return organization(res, f"org-{home.lower()}-{fold(name)}", name, ot.key if ot else "representative-office", home)


def _short_stationed(res: Resolved, a: int, e: int, title: lx.Title | None, geo: list[CountryMention | PlaceMention]) -> str:
    """「駐日代表」「駐美代表」: a country written by one character after 駐 (no country mention covers it) names the
    office of the home country's envoy there, unless the stretch names another country whose envoy it is."""
    t = res.text.fold
    kind = _ENVOY_OFFICES.get(title.key.removeprefix("former-")) if title is not None else None
    if kind is None or e - a < 2 or t[e - 2] != fold("駐"):
        return ""
    code = lx.tw_office_short_forms().get(t[e - 1], "")
    home = res.home_country or "TW"
    if not code or code == home or any(_country_of(m) != home for m in geo if m.end <= e - 2):
        return ""
    return _envoy_office(res, home, code, res.text.raw[e - 1:e], kind)


def _country_before(res: Resolved, name: str, strict: bool = False) -> str:
    """The country of a country or place written right before ``name`` where the text names it so elsewhere
    (「日本長野縣白馬村議會」 … 「白馬村村長」: Japan's); unless ``strict``, else the foreign country the sentence of
    one of its mentions names."""
    t = res.text.fold
    f = fold(name)
    home = res.home_country or "TW"
    context = ""
    i = t.find(f)
    while i >= 0:
        for m in _geo_in(res, max(0, i - 12), i):
            if m.end == i and _country_of(m):
                return _country_of(m)
        code = "" if strict else _context_country(res, i)  # 「赴位於宏都拉斯的友好城市甲鎮」: the foreign country its sentence names
        if code and code != home and not context:
            context = code
        i = t.find(f, i + 1)
    return context


_PLACE_KIND_END = re.compile(r"\s(?:State|Province|Prefecture|County|City|Region|Territory)$")


def _portfolio_en(stretch: str) -> bool:
    """Whether the words after a minister's "of" name a portfolio, not a body or a place: "Transportation and
    Communications", "Foreign Affairs of Taiwan" (not "the Interior Ministry", not "Japan")."""
    s = _EN_LEAD.sub("", stretch.strip(" ,"))
    head = re.split(r"\s+of\s+", s, maxsplit=1)[0]
    if _PLACE_KIND_END.search(head):
        return False  # "Penang State Chief Minister": a state's government, no portfolio
    if not re.fullmatch(r"[A-Z][\w'’-]*(?:(?:\s+|,\s*)(?:and\s+|&\s+)?[A-Z][\w'’-]*)*", head):
        return False
    return _en_org_type(head) is None and not gz.places().curated.get(gz.fold(head)) and gz.country_named(head) is None \
        and geo_code(head) == ""


def _sentence_country_en(res: Resolved, a: int) -> str:
    """The one foreign country the places and countries of a sentence are in ("" when none or several): where a city
    no table knows lies ("Mayor Tanaka Ichiro of Hikari City" among Nara, Kobe and Kyoto)."""
    s = res.text.sentences[res.text.sentence_of(a)]
    codes = {_country_of(m) for m in _geo_in(res, s.start, s.end)} - {"", res.home_country or "TW"}
    return codes.pop() if len(codes) == 1 else ""


def affiliation(res: Resolved, a: int, e: int, title: lx.Title | None = None) -> str:
    """The organisation key an affiliation stretch ``[a, e)`` names (before ``title``), or ""."""
    if (a, e) in res.org_of:
        return res.org_of[(a, e)]
    if res.text.doc.language == "en":
        stretch = res.text.raw[a:e]
        named = _city_named_before(res, a) if _PLACELESS_EN.match(stretch.strip()) else ""
        came = _city_come_from(res, a, stretch.strip()) if not named and _PLACELESS_EN.fullmatch(stretch.strip()) else ""
        if came:
            res.org_of[(a, e)] = came
            return came
        if stretch.strip().startswith("Prefectural"):  # "Aomori Prefecture" … "the Prefectural Assembly": Aomori's
            named = re.sub(r"\s+Prefecture$", "", named)
        # a governor's "Aomori" is the prefecture, a mayor's "Cebu" the city where the table has both
        kinds = (title.scope,) if title is not None and title.scope in (*_REGION_SCOPES, "city") else ()
        if title is not None and "minister" not in title.key and title.scope != "city" and not named \
                and res.text.raw.endswith("of ", 0, a) and _portfolio_en(stretch) and (city := _city_mention_before(res, a)) is not None:
            # "San Jose Mayor Matt Mahan and Director of International Affairs Joseph Hedges": a portfolio of the city
            # just named, held in its government
            key = government(res, add_place(res, city))
            res.org_of[(a, e)] = key
            return key
        if title is not None and "minister" in title.key and _portfolio_en(stretch):
            # "Minister of Foreign Affairs of Taiwan": the ministry of that portfolio; "Foreign Minister": of Foreign Affairs
            stretch = f"Ministry of {stretch.strip()}{' Affairs' if stretch.strip() in ('Foreign', 'Economic') else ''}"
        key = affiliation_en(res, f"{named} {stretch.strip()}" if named else stretch, kinds, _sentence_country_en(res, a))
        if title is not None and title.scope == "council" and key in res.organizations \
                and res.organizations[key].org_type in ("city-government", "local-government"):
            key = _council_en(res, key) or key  # "Taipei City councilor": the city's council, not its government
        if kinds == ("city",) and key in res.organizations:
            key = _namesake_city_en(res, key) or key  # "Hualien Mayor": the mayor of Hualien City, not of the county
    else:
        key = _affiliation(res, a, e, title)
    res.org_of[(a, e)] = key
    return key


def _namesake_city_en(res: Resolved, gov: str) -> str:
    """A Taiwanese county has a magistrate, not a mayor: a mayor's bare "Hualien" or "Yilan" is of the city the
    county's name also names ("Hualien City", "Yilan City"), where the gazetteer knows one; else ""."""
    place = res.places.get(res.organizations[gov].place)
    if place is None or place.country != "TW" or place.kind not in ("county", "region") or not place.name_en.endswith(" County"):
        return ""
    seat = place_en(res, place.name_en.removesuffix(" County") + " City", country="TW")
    return government(res, seat) if seat and res.places[seat].country == "TW" else ""


def _council_en(res: Resolved, gov: str) -> str:
    """The council of the place a government governs, by its English name ("Keelung City Council")."""
    p = res.places.get(res.organizations[gov].place)
    if p is None or not p.name_en:
        return ""
    kind = {"city": "City", "county": "County", "district": "District"}.get(p.kind, "")
    name = p.name_en if not kind or p.name_en.endswith(kind) else f"{p.name_en} {kind}"
    return affiliation_en(res, f"{name} Council")


def _strip(t: str, a: int, e: int) -> tuple[int, int]:
    while e > a and t[e - 1] in " ·":
        e -= 1
    m = re.search(rf"\(\s*[{LATIN}0-9 &.\-]+\)\s*$", t[a:e])
    if m and m.start() > 0:
        e = a + m.start()  # 國際園藝生產者協會(AIPH): the acronym in brackets is not part of the name
    changed = True
    while changed and e > a:
        changed = False
        for cls in ("former", "lead-start"):
            w = ends_with(t, e, words(cls), a)
            if w:
                e -= len(w)
                changed = True
    ends = [m.end() for m in _TIME_AT.finditer(t, a, e)]
    if ends and ends[-1] < e:
        a = ends[-1]  # 「市府18日在福岡辦事處…」: a day and 在 (at) come before a body's name, never inside it
    while a < e and t[a] in " ·":
        a += 1
    return a, e


# a day or today/yesterday, then 在 (at): what a sentence says before the place where something was done
_TIME_AT = re.compile(r"(?:[0-9０-９]+\)?日|[今昨明前][天日]|[今昨明])在")


# "City Council", "City Government" with the city's name left out: the city the sentence has just named
_PLACELESS_EN = re.compile(r"(?:City|Municipal|Prefectural|County)\s+(?:Council|Assembly|Government)\b")


def _city_mention_before(res: Resolved, a: int) -> PlaceMention | None:
    """The foreign city named last before ``a`` in its sentence ("Yokohama Mayor Keiko Mori and City Council
    Chairperson …": Yokohama), None if the last place named is none or the release's own."""
    text = res.text
    s = text.sentences[text.sentence_of(a)]
    places = [m for m in res.recognised.within(res.recognised.places, s.start, a) if m.end <= a]
    prefectural = text.raw.startswith("Prefectural", a) or text.raw.startswith("the Prefectural", a)
    kinds = ("city", "county", "prefecture") if prefectural else ("city", "county")  # "Speaker of the Prefectural Assembly"
    if not places or places[-1].kind not in kinds or res.place_of.get(places[-1]) == res.home_place:
        return None
    return places[-1]


def _city_named_before(res: Resolved, a: int) -> str:
    """The name as written of the city ``_city_mention_before`` finds, "" if none."""
    m = _city_mention_before(res, a)
    return res.text.raw[m.start:m.end] if m is not None else ""


def _city_come_from(res: Resolved, a: int, stretch: str) -> str:
    """"Municipal Council President … and other officials from Georgetown": the body, as the text names it, of the
    city the people named with it come from (in the country of the sentence's other places); "" when none is said."""
    text = res.text
    s = text.sentences[text.sentence_of(a)]
    come = _FROM_PLACE_EN.search(text.raw, a, s.end)
    after = [m for m in res.recognised.within(res.recognised.places, come.end(), s.end) if m.start == come.end()] if come else []
    if not after or after[0].kind not in ("city", "county") or res.place_of.get(after[0]) == res.home_place:
        return ""
    name = text.raw[after[0].start:after[0].end]
    country = _sentence_country_en(res, a)
    pk = place_en(res, name, country=country)
    if pk and country and res.places[pk].country != country:
        pk = _unknown_city_en(res, name, country)  # a namesake elsewhere (Georgetown, Guyana) is not the one meant
    ot = _en_org_type(stretch)
    if not pk or ot is None:
        return ""
    p = res.places[pk]
    return organization(res, f"org-{pk}-{gz.fold(stretch)}", stretch, ot.key, p.country, pk)


_FROM_PLACE_EN = re.compile(r"\b(?:officials|delegation|delegates|representatives|guests|members|councilors|councillors)\s+"
                            r"(?:from|of)\s+(?:the\s+)?")


def _affiliation(res: Resolved, a: int, e: int, title: lx.Title | None) -> str:
    text = res.text
    t, raw = text.fold, text.raw
    a, e = _strip(t, a, e)
    if e <= a:
        return ""
    fused = ""
    geo = _geo_in(res, a, e)
    # 「拜會甲及台南市議會議長」: a list word with a place right after it opens this title's affiliation; what is
    # before it (a person met first) is not part of the body's name
    joined = [g for g in geo if g.start - a >= 2 and t[g.start - 1] in _LIST_JOINS]
    if joined and not any(g.end == joined[-1].start - 1 for g in geo):
        a = joined[-1].start
        geo = _geo_in(res, a, e)
    former = starts_with(t, a, words("former"))
    if former and a + len(former) < e and not any(g.start == a for g in geo):
        a += len(former)  # 「前外交部長」: the former minister's ministry is 外交部 (not 前鎮區, a place)
    if e < len(t) and t[e] in _SUFFIXES_FOLDED:
        # 「東京都知事」: the place (東京都) takes the title's first character (都知事)
        over = [m for m in _geo_in(res, a, e + 1) if m.end == e + 1 and isinstance(m, PlaceMention)]
        if over:
            return government(res, add_place(res, over[-1]))
    if title is not None:
        base = title.label_zh[1:] if title.key.startswith("former-") else title.label_zh
        c = base[:1]
        fc = fold(c)
        ends_named = lx.org_type_of(t[a:e]) is not None or (geo and geo[-1].end == e and geo[-1].text.endswith(tuple(gz.PLACE_SUFFIXES)))
        if c and t[e - 1] != fc and not ends_named and (lx.org_type_of(t[a:e] + fc, bare=False) is not None or c in PLACE_SUFFIX_TITLES):
            fused = c
    stretch = raw[a:e] + fused
    fstretch = t[a:e] + fold(fused)
    last = geo[-1] if geo else None
    if last is None or last.end < e:
        short = _short_stationed(res, a, e, title, geo)
        if short:
            return short
    # 1. a place or country right at the end
    if last is not None and last.end == e:
        if isinstance(last, CountryMention):
            office = _stationed_office(res, a, last, title)
            return office or national_government(res, last.code)
        if (fused and fused in PLACE_SUFFIX_TITLES) or not fused:
            pk = add_place(res, last)
            return government(res, pk)
    ot = lx.org_type_of(fstretch)
    # 2. an organisation name
    if ot is not None:
        return _org(res, a, e, stretch, fstretch, ot, geo)
    # 3. a place no gazetteer knows, joined to its suffix by the title: 柯哈|市長, 延壽|區廳長
    if fused and fused in PLACE_SUFFIX_TITLES and all(is_han(ch) for ch in t[a:e]) and 1 <= e - a <= 5:
        start = last.end if last is not None and last.end <= e else a
        name = raw[start:e] + fused
        if e - start >= 2 and not any(ch in not_in_name() for ch in t[start:e]) and not common_word(t[start:e]):
            code = (_country_of(last) if last is not None else "") or _context_country(res, a) or _country_before(res, raw[start:e])
            m = PlaceMention(start, e, name, name, None, code, "city" if fused == "市" else "region")
            return government(res, add_place(res, m, code))
    # 3b. a place no gazetteer knows, written with its suffix before a title that repeats it: 白馬村|村長, 米沙省|省長,
    # 柯哈市|副市長
    if not fused and title is not None and t[e - 1] in fold(title.label_zh[:2]) and t[e - 1] in fold(PLACE_SUFFIX_TITLES) \
            and all(is_han(ch) for ch in t[a:e]) and not t[a:e].endswith(fold("城市")):
        start = last.end if last is not None and last.end <= e else a
        if fold(title.label_zh[:1]) != t[e - 1]:  # 副市長: the place's name starts after a word no name holds (當地與|柯哈市)
            start = max([start, *(k + 1 for k in range(start, e - 1) if t[k] in not_in_name())])
        name = raw[start:e]
        # a word before the suffix (姊妹|市, 水上|町) is a place only where the text writes it after a country or place
        worded = common_word(t[start:e - 1])
        if 3 <= e - start <= 6 and not any(ch in not_in_name() for ch in t[start:e - 1]) and not common_word(t[start:e]) \
                and (not worded or _country_before(res, name, strict=True)):
            code = (_country_of(last) if last is not None else "") or _context_country(res, a) or _country_before(res, name)
            m = PlaceMention(start, e, name, name, None, code, _SUFFIX_KINDS.get(raw[e - 1], "region"))
            return government(res, add_place(res, m, code))
    # 4. Latin letters: an organisation by that name (GO SMART, ICLEI, SmartCitiesWorld)
    lat = re.search(rf"([{LATIN}0-9][{LATIN}0-9 &.\-]*[{LATIN}0-9])\s*$", raw[a:e])
    if lat and not fused:
        name = lat.group(1)
        code = _country_of(last) if last is not None else ""
        return organization(res, f"org-{fold(name)}", name, "international-organization", code)
    # 5a. a country, then a company's name with no telling ending, before a company's title (美國某某物流資深副董事長):
    # the company, of that country
    if isinstance(last, CountryMention) and last.start == a and title is not None and title.scope == "org" and not fused \
            and title.kind != "envoy" and not _STATIONED.search(t, last.end, e):
        k = e - len(sen.group()) if (sen := _SENIORITY.search(t, last.end, e)) else e
        if 2 <= k - last.end <= 8 and all(is_han(ch) for ch in t[last.end:k]) \
                and not any(ch in not_in_name() for ch in t[last.end:k]) and not common_word(t[last.end:k]):
            return organization(res, f"org-{last.code.lower()}-{fold(raw[a:k])}", raw[a:k], "company", last.code)
    # 5. a place followed by words that are not an organisation: the place's government
    if last is not None and isinstance(last, PlaceMention):
        return government(res, add_place(res, last))
    if last is not None:
        return national_government(res, last.code)
    # 6. a company or body named without a telling ending (台達電子創辦人): the words themselves
    if title is not None and title.scope == "org" and 2 <= e - a <= 10 and all(is_han(ch) for ch in t[a:e]) \
            and not any(ch in not_in_name() for ch in t[a:e]) and not common_word(t[a:e]):
        return organization(res, f"org-{fold(raw[a:e])}", raw[a:e], "company", res.home_country if res.home_country else "")
    return ""


_IN_TAIWAN = re.compile(fold(r"(?:台北|臺北|台灣|臺灣|台|臺|華|中華民國|高雄|台中|臺中)(?:市)?"))


def _sent_by(t: str, a: int, c: int) -> bool:
    """Whether the country at ``c`` in an office's name is the one that sent it: no 駐 before it (韓國駐台北代表部), or
    only a 駐 that says the office sits in Taiwan (駐台北以色列經濟文化辦事處); 駐日本 names the country it is posted to."""
    k = t.rfind(fold("駐"), a, c)
    return k < 0 or _IN_TAIWAN.fullmatch(t, k + 1, c) is not None


_LIST_JOINS = frozenset(fold("及與和"))
_SENIORITY = re.compile(fold(r"(?:資深|高級|首席|區域|常務)$"))
# a country's one-character short name as the first of a pair of countries (日台, 美臺) or of 日華, 日交
_SHORT_COUNTRY = {fold(k): v for k, v in {"日": "JP", "美": "US", "韓": "KR", "英": "GB", "法": "FR", "德": "DE", "澳": "AU", "加": "CA",
                                          "菲": "PH", "泰": "TH", "越": "VN", "星": "SG", "荷": "NL", "捷": "CZ", "波": "PL",
                                          "紐": "NZ"}.items()}
_BILATERAL = re.compile(fold(r"^([日美韓英法德澳加菲泰越星荷捷波紐])(?:台|臺)|^(日)(?:華|交)"))


def _org(res: Resolved, a: int, e: int, stretch: str, fstretch: str, ot: lx.OrgType, geo: list[CountryMention | PlaceMention]) -> str:
    """An organisation name ``stretch`` (raw, with the fused title character) of type ``ot``."""
    text = res.text
    t = text.fold
    # 駐 + place/country: an office abroad
    stationed = "駐" in stretch or "驻" in fstretch
    country = ""
    place_key = ""
    pair = _BILATERAL.match(fstretch)
    if pair is not None and not stationed and ot.kind in ("body", "foreign-office", "unit"):
        # 「日台交流協會台中事務所」「日交台中事務所」「美台商會」: a body named for two countries is the first one's (台日關係
        # 協會 is Taiwan's), whatever place in Taiwan its office is named for
        code = _SHORT_COUNTRY[pair.group(1) or pair.group(2)]
        return organization(res, f"org-{code.lower()}-{fstretch}", stretch, ot.key, code)
    if ot.kind == "foreign-office":
        codes = [m for m in geo if isinstance(m, CountryMention)]
        opens_foreign = bool(codes) and codes[0].code != "TW" and codes[0].start - a <= 2
        if not stationed and opens_foreign:
            country = codes[0].code  # 波蘭台北辦事處, 波蘭投資貿易局台北辦事處: Poland's office in Taipei
        elif stationed or _TAIWAN.search(fstretch):
            # 駐捷克台北經濟文化辦事處, 台北駐福岡辦事處: Taiwan's; 駐台北韓國代表部: Korea's
            foreign = [m for m in codes if m.code != "TW" and _sent_by(t, a, m.start)] if stationed else []
            country = foreign[-1].code if foreign else "TW"
            if stationed and not foreign and not _TAIWAN.search(fstretch):
                # 「美國駐日本代表處」: the country before 駐 sent it; 「駐日本代表處」 alone: the home country's office there
                k = t.find(fold("駐"), a)
                senders = [m for m in codes if m.code != "TW" and m.start < k]
                country = senders[0].code if senders else "TW"
            if stationed and codes and _TAIWAN.search(fstretch) and not foreign:
                country = "TW"
            k = t.find(fold("駐"), a)
            if stationed and not foreign and k >= 0 and _IN_TAIWAN.match(t, k + 1):
                # 「釜山市駐台辦事處」: a foreign city's office in Taiwan is that city's country's
                sender = [m for m in geo if isinstance(m, PlaceMention) and m.start - a <= 1 and m.end <= k
                          and m.country not in ("", "TW")]
                if sender:
                    country = sender[0].country
        elif codes:
            country = codes[0].code
        elif geo and isinstance(geo[0], PlaceMention) and geo[0].start - a <= 1 and _ABROAD_OFFICE.search(fstretch) \
                and (res.home_country or "TW") == "TW" and geo[0].country not in ("", "TW"):
            country = "TW"  # 「福岡辦事處處長」: Taiwan's office in a foreign city, named by the city alone (駐福岡辦事處)
        elif geo:
            country = _country_of(geo[0])
        # 加拿大在臺貿易辦事處 = 加拿大駐台北貿易辦事處: the office's key leaves out where it sits
        core = _STATIONED.sub("", fstretch) if country != "TW" else fstretch
        return organization(res, f"org-{country.lower()}-{core}", stretch, ot.key, country)
    if fstretch.startswith(lx.national_bodies()):
        home = res.home_country or "TW"
        parent = national_government(res, home)
        return organization(res, f"{parent}/{fold(stretch)}", stretch, ot.key, home, "", parent)
    if ot.kind == "government" and geo:
        last = geo[-1]
        if isinstance(last, PlaceMention):
            pk = add_place(res, last)
            gov = government(res, pk)
            rest = fstretch[last.end - a:]
            short = _GOV_SHORT.match(rest)
            unit = rest[short.end():] if short else rest
            if not unit or lx.org_type_of(unit, bare=True) in (None, ot):
                return gov
    if len(geo) > 1 and isinstance(geo[0], CountryMention) and geo[0].start - a <= 2 and isinstance(geo[1], PlaceMention) \
            and geo[1].start == geo[0].end and ot.kind in ("council", "unit", "government"):
        # 「日本長野縣白馬村議會」: a place's council or office named after its country, which is not part of its name
        cut = geo[1].start - a
        a, stretch, fstretch, geo = geo[1].start, stretch[cut:], fstretch[cut:], geo[1:]
    if geo:
        lead_geo = geo[0]
        if isinstance(lead_geo, PlaceMention) and lead_geo.start - a <= 2:
            place_key = add_place(res, lead_geo)
            country = lead_geo.country
            # the place's government, then the unit (上海市 + 經濟和信息化委員會; 臺北市政府 + 公務人員訓練處)
            rest = fstretch[lead_geo.end - a:]
            gm = _GOV_SHORT.match(rest)
            unit_raw = stretch[lead_geo.end - a + (gm.end() if gm else 0):]
            gov = government(res, place_key)
            if ot.kind in ("unit", "government") or (ot.kind == "body" and ot.key == "committee") or ot.kind == "council":
                if not unit_raw:
                    return gov
                return organization(res, f"{gov}/{fold(unit_raw)}", stretch, ot.key, country, place_key, gov)
            return organization(res, f"org-{place_key}-{fold(stretch)}", stretch, ot.key, country, place_key)
        if isinstance(lead_geo, CountryMention) and lead_geo.start - a <= 2:
            country = lead_geo.code
            return organization(res, f"org-{country.lower()}-{fold(stretch)}", stretch, ot.key, country)
    if ot.kind == "council" and not geo and len(fstretch) <= 3:
        council = _bare_council(res, a, stretch, ot.key)
        if council:
            return council
    # a unit with no place: one of the home government's (資訊局, 市長室, 縣府國際發展及計畫處)
    if ot.kind in ("unit", "government") and res.home_place and res.home_place in res.places:
        gov = government(res, res.home_place)
        gm = _GOV_SHORT.match(fstretch)
        unit = stretch[gm.end():] if gm else stretch
        if not unit:
            return gov
        if res.publisher_unit and fold(unit) == fold(res.publisher_unit) and res.publisher:
            return res.publisher
        return organization(res, f"{gov}/{fold(unit)}", unit, ot.key, res.home_country, res.home_place, gov)
    country = _country_of(geo[-1]) if geo else _delegation_country(res, a)
    if not country:  # 「白馬村議會」 where the text wrote 「日本長野縣白馬村議會」 before: the country named there
        head = next((fstretch[:-len(fold(s))] for s in sorted(ot.zh, key=len, reverse=True)
                     if fstretch.endswith(fold(s)) and len(fstretch) > len(fold(s)) + 1), "")
        country = _country_before(res, head) if head else ""
    scope = country.lower() if country else "x"
    return organization(res, f"org-{scope}-{fold(stretch)}", stretch, ot.key, country)


def _bare_council(res: Resolved, a: int, stretch: str, org_type: str) -> str:
    """「拜會布蘭登市政廳，受到市議會議長…」「由市議會議長…主持」: a council named by its kind alone is the council of the
    last city (county) the sentence named before it, else of the home city."""
    text = res.text
    s = text.sentences[text.sentence_of(a)].start
    kind = {"市": ("city",), "縣": ("county",)}.get(stretch[:1], ("city", "county", "district"))
    named = [m for m in _geo_in(res, s, a) if isinstance(m, PlaceMention) and m.entry is not None and m.entry.kind in kind]
    if named:
        pk = add_place(res, named[-1])
    elif res.home_place and res.home_place in res.places and res.places[res.home_place].kind in kind:
        pk = res.home_place
    else:
        return ""
    place = res.places[pk]
    gov = government(res, pk)
    lead = stretch[:1] if stretch[:1] in "市縣" else ""
    name = place.name_zh + ("" if not lead or place.name_zh.endswith(lead) else lead) + stretch[len(lead):]
    return organization(res, f"{gov}/{fold(stretch[len(lead):])}", name, org_type, place.country, pk, gov)


_MEMBERS = re.compile(fold(r"(?:訪團|訪問團|參訪團|代表團|考察團|一行|團員|隨行成員|成員)[^。；;\n]{0,40}?(?:包括|包含|計有)"))


def _delegation_country(res: Resolved, a: int) -> str:
    """「波蘭羅茲市副市長…率團拜會…，訪團成員包括…以及波台工商會會長…」: an organisation that names no place, in the list of
    a delegation's members, is of the country the list or the delegation's leader named last before it."""
    text = res.text
    s = text.sentences[text.sentence_of(a)].start
    found = list(_MEMBERS.finditer(text.fold, s, a))
    if not found:
        return ""
    m = found[-1]
    inside = [g for g in _geo_in(res, m.end(), a) if _country_of(g)]
    before = [g for g in _geo_in(res, s, m.start()) if _country_of(g)]
    return _country_of(inside[-1]) if inside else _country_of(before[0]) if before else ""


# ----------------------------------------------------------------------------- English affiliations

_EN_GOV_TAIL = re.compile(r"\s+(?:(?:City|County|Prefectural|Prefecture|Metropolitan|Municipal|State|Provincial|District|Town"
                          r"|Township)\s+)?(?:Government|Hall|Office)$|\s+(?:City|County|Prefecture|District|Township|Town"
                          r"|Special Municipality|Metropolitan City|Special Autonomous City|Metropolis)$")
_EN_OF_PLACE = re.compile(r"^(?:the\s+)?(?:Government of|City of|County of|Municipality of|Prefecture of|State of|Town of)\s+(?:the\s+)?")
_EN_PLACE_IN = re.compile(r"(?:\s+(City|County|Prefecture|District|Township|Town|Special Autonomous City|Metropolitan City|"
                          r"Special City|Special Municipality))?\s+in\s+(?:the\s+)?[A-Z]")
# an article, or a participle that tells what the holder is doing, not whose the post is ("Visiting Guam Governor …")
_EN_LEAD = re.compile(r"^(?:(?:the|a|an)\s+)?(?:(?:visiting|incoming|newly[- ]elected)\s+)?", re.IGNORECASE)


def _en_geo(s: str) -> list[tuple[int, int, str, object]]:
    """Countries, places and nationality adjectives in an English stretch: (start, end, kind, entry or code)."""
    low = s.lower()
    out: list[tuple[int, int, str, object]] = []
    for h in gz.countries().en.find(low):
        out.append((h.start, h.end, "country", h.entry))
    for h in gz.places().en.find(low):
        out.append((h.start, h.end, "place", h.form))
    for w, code in demonyms().items():
        if w not in low:  # the pattern is the word itself between boundaries (a pattern a word costs re's cache)
            continue
        for m in re.finditer(rf"(?<![\w.]){re.escape(w)}(?!\w)", low):
            out.append((m.start(), m.end(), "country", code))
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    taken = -1
    kept = []
    for x in out:
        if x[0] >= taken:
            kept.append(x)
            taken = x[1]
    # "Department of North American Affairs", "Bureau of Japanese Affairs": the region a body deals with, not its country
    return [x for x in kept if not re.match(r"\s+affairs\b", low[x[1]:])]


def _government_en(res: Resolved, place_key: str) -> str:
    """The government of a place only an English name is known for ("Cebu City Government", not "Cebu City市政府")."""
    key = government(res, place_key)
    o = res.organizations[key]
    p = res.places[place_key]
    if not re.search(r"[\u3400-\u9fff]", p.name_zh):
        res.organizations[key] = Organization(o.key, f"{p.name_zh} Government", "", o.org_type, o.country, o.place, o.parent, o.alt_names)
    return key


def english_home(res: Resolved) -> None:
    """The home city of an English document when resolving its places found none: the Taiwanese city its publisher
    or headline names, else the one its text names most often (a headline or dateline counts more)."""
    if res.home_place:
        return
    text = res.text
    doc = text.doc
    score: dict[str, float] = {}
    names: dict[str, str] = {}
    title_end = text.units[0].end if text.units and text.units[0].kind == "title" else 0
    pieces = [(doc.header.publisher.text if doc.header.publisher is not None else "", 20.0),
              (doc.header.dateline_place.text if doc.header.dateline_place is not None else "", 3.0)]
    for h in gz.places().en.find(text.low):
        # "the New Taipei City Government" names the government the release is of: it counts as two mentions
        gov = text.low.startswith((" city government", " government"), h.end) or text.low.endswith("city government", 0, h.end)
        pieces.append((text.raw[h.start:h.end], 3.0 if h.start < title_end else 2.0 if gov else 1.0))
    for piece, weight in pieces:
        for h in gz.places().en.find(piece.lower()):
            name = piece[h.start:h.end]
            entries = [x for x in gz.places().curated.get(gz.fold(name), []) if x.country == "TW" and x.kind in ("city", "county")]
            if entries:
                key = entries[0].key()
                score[key] = score.get(key, 0.0) + weight
                names.setdefault(key, name)
    if not score:
        return
    key, best = max(score.items(), key=lambda kv: kv[1])
    if best < 2:
        return
    pk = place_en(res, names[key], country="TW")
    if pk:
        res.home_place = pk
        res.home_country = res.places[pk].country or "TW"


def _unknown_city_en(res: Resolved, name: str, country: str) -> str:
    m = PlaceMention(0, 0, name, name, None, country, "city")
    return add_place(res, m, country)


_REGION_SCOPES = ("prefecture", "state", "province", "county")
_EN_KIND_WORD = {"prefecture": "prefecture", "prefectural": "prefecture", "county": "county", "province": "province",
                 "provincial": "province", "state": "state"}


_OFFICE_SECTION = re.compile(r"(\b(?:Office|Embassy|Consulate|Mission)(?: in [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)?) [A-Z][\w'’-]* (?:Sector|Section|Division)$")


_ACRONYM_AFTER = re.compile(r"(?<=[A-Za-z])\s*\([A-Z][A-Za-z&]{1,9}\)$")


def affiliation_en(res: Resolved, stretch: str, kinds: tuple[str, ...] = (), country: str = "") -> str:
    """The organisation an English affiliation names: a place ("Taipei City", "Mayor of Pristina"), a country or
    nationality ("Taiwan's", "Australian"), or an organisation by its English name, part of the government of the
    place it opens with or, for a unit no place opens ("Department of Labor"), of the home government. A city no
    table knows ("Sakaminato City") lies in ``country``, the one its sentence's other places are in."""
    s = re.sub(r"['’]s?$", "", stretch.strip(" ,")).strip()
    s = _EN_LEAD.sub("", s).strip()
    s = _ACRONYM_AFTER.sub("", s)  # "American Institute in Taiwan (AIT)": the body is named without its acronym
    s = _OFFICE_SECTION.sub(r"\1", s)  # "… Office in Japan Political Sector": a post in the section is the office's
    s = re.sub(r"\s+(?:District|Ward|Precinct)\s+\d{1,3}$", "", s)  # "X County District 1 Supervisor": the county's (s9-en2)
    if not s:
        return ""
    stationed = re.fullmatch(r"(.+?) (?:in|to) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?", s)
    if stationed is not None and gz.country_named(stationed.group(1)) is not None:
        s = stationed.group(1)  # "Consul General of Japan in Kaohsiung": the country's, where it is stationed aside
    country_only = gz.country_named(s)
    if country_only is not None and gz.sovereign(country_only.code) != country_only.code and gz.places().curated.get(gz.fold(s)):
        pk = place_en(res, s)  # a territory (Guam) governs itself as a region does: its government, named by its place (s9-en2)
        if pk:
            return government(res, pk)
    if country_only is not None:
        return national_government(res, country_only.code)
    # a place, alone or with a government word: Taipei, Fukuoka City, City of Brisbane, Kaohsiung City Government
    core = _EN_OF_PLACE.sub("", s)
    if " " in core and gz.places().curated.get(gz.fold(core)) and gz.country_named(core.split()[0]) is not None:
        pk = place_en(res, core, True)  # "Panama City", "Mexico City": the city, not the country its name opens with
        if pk:
            return government(res, pk)
    city = core != s and s.lower().startswith(("city of", "the city of"))
    if re.search(r"\s(?:City|Town)$", core) and any(x.kind == "city" for x in gz.places().curated.get(gz.fold(core), [])):
        pk = place_en(res, core, True)  # "Male City": a city the table knows by this whole name
        if pk:
            return government(res, pk)
    if core != s:  # "City of Springdale and North Springdale County in Ohio": the place the name opens with
        lead_place = next((h for h in gz.places().en.find(core.lower()) if h.start == 0), None)
        if lead_place is not None and re.match(r"\s+(?:in|and)\s|\s*,", core[lead_place.end:]):
            pk = place_en(res, core[:lead_place.end], city)
            if pk:
                return government(res, pk)
    lead_place = next((h for h in gz.places().en.find(s.lower()) if h.start == 0), None)
    placed = _EN_PLACE_IN.match(s, lead_place.end) if lead_place is not None else None
    if lead_place is not None and placed is not None:
        # "Kisarazu City in Japan's Chiba Prefecture", "Jeju Special Self-Governing Province in South Korea": the place the name
        # opens with, told where it lies
        said = placed.group(1) or ""
        pk = place_en(res, s[:lead_place.end], "City" in said,
                      kinds=(_EN_KIND_WORD[said.lower()],) if said.lower() in _EN_KIND_WORD else ())
        if pk:
            return government(res, pk)
    tail = _EN_GOV_TAIL.search(core)
    bare = core[:tail.start()] if tail else core
    city = city or bool(tail and re.search(r"\bCity\b", tail.group()))
    said = re.match(r"\s*(\w+)", tail.group()) if tail else None  # "Yamaguchi Prefecture": the prefecture, not its city
    if said is not None and said.group(1).lower() in _EN_KIND_WORD:
        kinds = (_EN_KIND_WORD[said.group(1).lower()],)
    if bare and (gz.places().curated.get(gz.fold(bare)) or gz.country_named(bare) is not None):
        c = gz.country_named(bare)
        if c is not None and not gz.places().curated.get(gz.fold(bare)):
            return national_government(res, c.code)
        pk = place_en(res, bare, city, kinds=kinds)
        if pk:
            return government(res, pk)
        if city:
            return _government_en(res, _unknown_city_en(res, f"{bare} City", geo_code(bare)))
    if tail and tail.group().strip() == "County" and country and country != (res.home_country or "TW") \
            and re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", bare):
        # a foreign county no table knows ("Pima County Supervisor" beside Arizona): that county, not the home city (s9-en2)
        return _government_en(res, add_place(res, PlaceMention(0, 0, f"{bare} County", f"{bare} County", None, country, "county"), country))
    if city and country and re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}", bare):
        return _government_en(res, _unknown_city_en(res, f"{bare} City", country))
    code = geo_code(s)
    if code and " " not in s and s.lower() in demonyms():
        return national_government(res, code)
    full = _spelt_out(res.text.raw, s) if re.fullmatch(r"[A-Z]{2,8}", s) else ""
    if full:  # "NCCI Chair Tanaka Ichiro" after "Nara Chamber of Commerce and Industry (NCCI)": the body spelt out
        return affiliation_en(res, full, kinds, country)
    ot = _en_org_type(s)
    geo = _en_geo(s)
    if ot is None:
        if re.fullmatch(r"[A-Z][A-Za-z0-9&.\- ]*", s) and (re.search(r"[A-Z]{2}", s) or len(s.split()) <= 4):
            cc = _en_country(geo)  # an acronym alone (ICLEI, DOIT): the country its members tell (relate/posts)
            return organization(res, f"org-{gz.fold(s)}", s, "international-organization", cc)
        return ""
    lead = geo[0] if geo and geo[0][0] == 0 else None
    if ot.kind == "foreign-office":
        cc = _sender_en(s, geo, res.home_country or "TW") or _en_country(geo)
        return organization(res, f"org-{cc.lower()}-{gz.fold(s)}", s, ot.key, cc)
    if lead is not None and lead[2] == "place":
        name = s[lead[0]:lead[1]]
        rest = s[lead[1]:].strip()
        is_city = rest.startswith("City")
        pk = place_en(res, name, is_city, country, kinds=("prefecture",) if rest.startswith("Prefectur") else ())
        if pk:
            gov = government(res, pk)
            country = res.places[pk].country
            unit = re.sub(r"^(?:(?:City|County|Prefectural|Metropolitan|Municipal|State|Provincial)\s+)?(?:Government\s+)?", "", rest)
            if ot.kind == "government" and not unit:
                return gov
            if ot.kind in ("unit", "government", "council") or ot.key == "committee":
                return organization(res, f"{gov}/{gz.fold(unit or rest)}", s, ot.key, country, pk, gov)
            return organization(res, f"org-{pk}-{gz.fold(s)}", s, ot.key, country, pk)
    if ot.key == "ministry" and not geo:
        # a ministry no place names is the home country's, not a unit of the home city ("Foreign Minister X") (s9-en2)
        nat = national_government(res, res.home_country or "TW")
        return organization(res, f"{nat}/{gz.fold(s)}", s, ot.key, res.home_country or "TW", "", nat)
    if ot.kind in ("unit", "council") and not geo and res.home_place and res.home_place in res.places:
        gov = government(res, res.home_place)
        if res.publisher_unit and gz.fold(s) == gz.fold(res.publisher_unit) and res.publisher:
            return res.publisher
        return organization(res, f"{gov}/{gz.fold(s)}", s, ot.key, res.home_country, res.home_place, gov)
    cc = _en_country(geo)
    home = res.home_country or "TW"
    public = ot.kind in ("unit", "council") or ot.key == "committee"
    if public and len(geo) == 1 and geo[0][2] == "country" and cc != home and geo[0][1] >= len(s.rstrip(" ."))\
            and re.search(r"\sin\s+(?:the\s+)?$", s[:geo[0][0]]):
        # a public body whose name has no country but the foreign one it sits in ("Overseas Community Affairs
        # Council in Thailand") is the home country's body there, not that country's (s9-en2)
        cc = home
    return organization(res, f"org-{(cc or 'x').lower()}-{gz.fold(s)}", s, ot.key, cc)


_CONNECTORS_EN = {"of", "and", "for", "the", "&", "on", "in"}


def _spelt_out(raw: str, acronym: str) -> str:
    """The name an acronym stands for where the text first gives it in brackets: "Nara Chamber of Commerce and
    Industry (NCCI)" ("" when the text spells it out nowhere)."""
    m = re.search(r"\(\s*" + re.escape(acronym) + r"\s*\)", raw)
    if m is None:
        return ""
    words = raw[max(0, m.start() - 120):m.start()].split()
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or (w.lower() in _CONNECTORS_EN and run):
            run.insert(0, w)
            continue
        break
    while run and run[0].lower() in _CONNECTORS_EN:
        run.pop(0)
    full = " ".join(run)
    initials = "".join(w[0] for w in run if w[:1].isupper())
    return full if len(run) >= 2 and initials.startswith(acronym[:1]) and re.search(r"[a-z]", full) else ""


def _sender_en(s: str, geo: list[tuple[int, int, str, object]], home: str) -> str:
    """The home country when an office's English name carries a home place or country not written after "in" (the
    Fukuoka Branch of the Taipei Economic and Cultural Representative Office in Japan: Taiwan's office abroad, not
    Japan's; "the Polish Office in Taipei" is Poland's), else ""."""
    for a, _, kind, v in geo:
        code = str(v) if kind == "country" else getattr(gz.place_named(str(v)), "country", "")
        if code == home and not re.search(r"\bin\s+(?:the\s+)?$", s[:a]):
            return home
    return ""


def _en_country(geo: list[tuple[int, int, str, object]]) -> str:
    """The country of the first country, nationality or place an English stretch names."""
    for _, _, kind, v in geo:
        if kind == "country":
            return str(v)
        e = gz.place_named(str(v))
        if e is not None and e.country:
            return e.country
    return ""


def _en_org_type(s: str) -> lx.OrgType | None:
    """The organisation type an English name tells: the type word that ends last ("City Government Department of
    Parks and Gardens" is a department), the longest of those ending there ("Trade Office" is a representative office,
    not an office)."""
    low = s.lower()
    best: tuple[int, int, lx.OrgType] | None = None
    for o in lx.org_types().values():
        for w in o.en:
            if w.lower() not in low:  # the pattern is the word itself between boundaries
                continue
            for m in re.finditer(rf"(?<!\w){re.escape(w.lower())}(?!\w)", low):
                cand = (m.end(), m.end() - m.start(), o)
                if best is None or (cand[0], cand[1]) > (best[0], best[1]):
                    best = cand
    return best[2] if best else None


# the state a mission's name gives for the Republic of China ("Embassy of the Republic of China (Taiwan) in …")
_STATE_NAME = {"TW": "the Republic of China (Taiwan)"}
_TO_COUNTRY = re.compile(r"\s+(?:to|in)\s+((?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|of|the)){0,5})")


def mission_en(res: Resolved, title_key: str, a: int, e: int, title_end: int) -> str:
    """The mission an English envoy heads, from the title's "to <country>": an ambassador's embassy ("St. Kitts and
    Nevis Ambassador to Taiwan": Embassy of St. Kitts and Nevis in Taiwan; "Taiwan's Ambassador to X": Embassy of the
    Republic of China (Taiwan) in X); a representative's office ("Taiwan's Representative to Hungary": Taipei
    Representative Office in Hungary; "Australian Representative to Taiwan": Australian Office). "" when the title
    names no country it is sent to, or the affiliation no country that sends."""
    if title_key not in ("ambassador", "representative", "deputy-representative", "chief-representative"):
        return ""
    raw = res.text.raw
    to = _TO_COUNTRY.match(raw, title_end)
    if to is None:
        return ""
    words = to.group(1).split()
    host = None
    while words and host is None:  # "to Hungary, whose office …", "to St. Kitts and Nevis David Wu": the longest country
        host = gz.country_named(" ".join(words))
        if host is None:
            words.pop()
    sender = res.org_of.get((a, e), "")
    org = res.organizations.get(sender)
    if host is None or org is None or org.org_type != "national-government" or not org.country or org.country == host.code:
        return ""
    written = re.sub(r"['’]s?$", "", raw[a:e].strip(" ,")).strip()
    host_name = "Taiwan" if host.code == "TW" else " ".join(words)
    demonym = written.lower() in demonyms()
    if title_key == "ambassador":
        state = gz.country(org.country)
        sending = _STATE_NAME.get(org.country, state.name_en if demonym and state is not None else written)
        return organization(res, f"org-{org.country.lower()}-embassy-{host.code.lower()}", f"Embassy of {sending} in {host_name}",
                            "embassy", org.country)
    if org.country == "TW":
        return organization(res, f"org-tw-office-{host.code.lower()}", f"Taipei Representative Office in {host_name}",
                            "representative-office", "TW")
    if demonym:
        return organization(res, f"org-{org.country.lower()}-office-{host.code.lower()}", f"{written} Office", "representative-office",
                            org.country)
    return ""


_FOREIGN_MINISTER = re.compile(r"\bForeign\s+Minister\b")


def foreign_ministry_en(res: Resolved, title: str, a: int, e: int) -> str:
    """A (Deputy, Vice) Foreign Minister's organisation: the Ministry of Foreign Affairs of the country the affiliation
    names, else of the release's country; "" for any other title or an affiliation that names something else."""
    if not _FOREIGN_MINISTER.search(title):
        return ""
    sender = res.org_of.get((a, e), "")
    org = res.organizations.get(sender)
    if sender and (org is None or org.org_type != "national-government"):
        return ""
    cc = org.country if org is not None else res.home_country
    if not cc:
        return ""
    return organization(res, f"org-{cc.lower()}-ministry-of-foreign-affairs", "Ministry of Foreign Affairs", "ministry", cc)


def premier_en(res: Resolved, title_key: str, a: int, e: int) -> str:
    """Taiwan's Premier heads the Executive Yuan (行政院): his organisation, not the government at large; "" for any other
    title, a premier of another country, or an affiliation that names something else."""
    if title_key != "premier":
        return ""
    sender = res.org_of.get((a, e), "")
    org = res.organizations.get(sender)
    if sender and (org is None or org.org_type != "national-government"):
        return ""
    if (org.country if org is not None else res.home_country or "TW") != "TW":
        return ""
    key = organization(res, "org-tw-executive-yuan", "行政院", "agency", "TW")
    o = res.organizations[key]
    if not o.name_en:
        res.organizations[key] = replace(o, name_en="Executive Yuan")
    return key

