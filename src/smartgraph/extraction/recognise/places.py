"""Countries and places named in the text.

Names come from the gazetteer (curated tables first, GeoNames' Han names after). A GeoNames-only
Han name counts when it has three characters or more, is followed by a place suffix (市, 縣 ...)
or follows a country or a larger place, so that common words that name a small town elsewhere
are not read as places. A 市/縣 right after a name belongs to it unless it opens a title (臺北市長).
A run of Han characters ending in a place suffix right after a country or a larger place, or
followed by its Latin name in brackets (萊德市(City of Ryde)), is a place no gazetteer knows.
"""

from __future__ import annotations

import re

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import CountryMention, PlaceMention
from smartgraph.extraction.names import LATIN, common_word, frequent_word, opens_with_verb
from smartgraph.extraction.text import Text, fold, is_han

SUFFIX_CHARS = "市縣县省州區区郡鎮镇鄉乡町村"
ADMIN_KINDS = ("state", "prefecture", "province", "county", "region")
_UNKNOWN_STOP = set(fold("的與及和在於為是從向對由以之並而或等了將"))
_LATIN_PLACE = re.compile(rf"(?<!\s)\s*[（(]\s*((?:City|County|Town|Municipality) of [{LATIN} .'’\-]+|[{LATIN} .'’\-]+ (?:City|County|Municipality))\s*[）)]")


def _title_at(t: str, i: int) -> bool:
    h = lx.title_matcher().at(t, i)
    return h is not None


def _splits_word(t: str, start: int, end: int) -> bool:
    """Whether a name found in GeoNames only cuts a common word in two (地方城市 is not 方城市)."""
    return (start > 0 and is_han(t[start - 1]) and common_word(t[start - 1:start + 1])) or \
        (end < len(t) and is_han(t[end]) and end - start <= 3 and common_word(t[end - 1:end + 1]) and t[end - 1] not in SUFFIX_CHARS)


_KIND_SUFFIX = {"city": fold("市"), "county": fold("縣郡"), "prefecture": fold("縣都道府"), "state": fold("州"),
                "province": fold("省"), "district": fold("區郡"), "township": fold("鎮鄉町村市"), "region": fold("州省區")}


_DISTRICT_SUFFIX = fold("區区")


def _own_suffix(entry: gz.PlaceEntry, c: str) -> bool:
    """Whether a suffix character after a name is the one its kind takes (臺北+市, 屏東+縣; not 新園+區)."""
    if not entry.curated:
        return True
    own = {fold(n)[-1] for n in entry.names_zh if n.endswith(gz.PLACE_SUFFIXES)}
    return c in own if own else c in _KIND_SUFFIX.get(entry.kind, "")


def recognise_places(text: Text) -> tuple[list[CountryMention], list[PlaceMention]]:
    if english(text):
        return recognise_places_en(text)
    t = text.fold
    home = ""
    cands: list[tuple[int, int, int, tuple[str, str]]] = []  # start, end, priority (lower wins at equal length), (source, key)
    for h in gz.countries().zh.all(t):
        cands.append((h.start, h.end, 0, ("country", h.entry)))
    p = gz.places()
    for h in p.zh.all(t):
        cands.append((h.start, h.end, 1, ("curated", h.entry)))
    for h in p.geonames_zh.all(t):
        cands.append((h.start, h.end, 2, ("geonames", h.entry)))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    # where a curated district's name begins: 「上海市長寧區」 is Changning District of Shanghai, not 上海's mayor
    district_starts = {c[0] for c in cands if c[2] == 1 and c[1] - c[0] >= 3 and t[c[1] - 1] in _DISTRICT_SUFFIX}
    countries: list[CountryMention] = []
    places: list[PlaceMention] = []
    taken = -1
    last_end = -1
    last_country = ""
    last_admin: PlaceMention | None = None
    last_was_country = False
    parts: set[str] = set()  # names read as a part of the city before them, not a place of another country
    senses: list[tuple[int, str, str]] = []  # each place, its name without suffix, and what fixed its country
    foreign_districts: dict[str, str] = {}  # a district name read as a foreign city's, and that city's country
    for start, end, _, payload in cands:
        if start < taken:
            continue
        kind, value = payload
        raw = text.raw[start:end]
        adjacent = start == last_end and (last_admin is not None or last_was_country)
        hint = last_country if adjacent else ""
        if kind == "country":
            code = str(value)
            countries.append(CountryMention(start, end, raw, code))
            taken = last_end = end
            last_country = code
            last_was_country = True
            continue
        entries = p.curated.get(str(value), []) if kind == "curated" else gz.geonames_entries(str(value))
        context = hint or (last_admin.country if adjacent and last_admin else "")
        entry = gz.pick(entries, context, home or "TW")
        if entry is None and context and _shorter_in(cands, start, end, context):
            continue  # 「紐西蘭奧克蘭市」: the shorter name at the same place is the one in the country named before it
        if entry is None:
            entry = gz.pick(entries, "", home or "TW")
        if entry is None:
            continue
        if kind == "geonames" and context and entry.country != context and not (end < len(t) and t[end] in SUFFIX_CHARS):
            continue  # 「澳洲知名的」: a name of another country's place right after Australia is a word, not that place
        if kind == "geonames" and (t[start:end] in parts or (places and places[-1].end == start and places[-1].country
                                                              and entry.country != places[-1].country)):
            parts.add(t[start:end])  # 「布拉提斯拉瓦舊城區…舊城區市長」: a common name after a city is a part of it
            continue
        if kind == "curated" and entry.country == "TW" and entry.kind == "district" and last_country \
                and last_country != "TW" and 0 <= start - last_end <= 2 and is_han(t[last_end:start] or "一") \
                and not (set(t[last_end:start]) & _UNKNOWN_STOP):
            # 「仁川廣域市中區」「馬來西亞東南區」: a district named after a foreign city or country is one of its
            # districts, not Taiwan's district of that name; a character or two between (西) belong to its name
            name = text.raw[last_end:end]
            places.append(PlaceMention(last_end, end, name, name, None, last_country, "district"))
            foreign_districts[t[last_end:end]] = last_country
            taken = last_end = end
            last_was_country = False
            last_admin = None
            continue
        e = end
        if end - start > 2 and t[end - 1] in SUFFIX_CHARS and _title_at(t, end - 1) and end not in district_starts:
            e = end = end - 1  # 臺北市長: the 市 belongs to the title 市長 (not in 上海市長寧區: a district follows)
        if kind == "geonames" and _splits_word(t, start, end):
            continue
        followed = e < len(t) and t[e] in SUFFIX_CHARS
        if kind == "geonames" and not ((end - start >= 3 and not frequent_word(t[start:end])) or followed or adjacent):
            continue
        if kind == "geonames" and not is_han(t[start:end]):
            continue
        if followed and t[e - 1] not in SUFFIX_CHARS and not _title_at(t, e) and _own_suffix(entry, t[e]):
            e += 1
        name = text.raw[start:e]
        pm = PlaceMention(start, e, name, text.raw[start:end], entry, entry.country, entry.kind)
        base = t[start:e].rstrip(SUFFIX_CHARS) or t[start:e]
        how = "named" if context else "one" if len({x.country for x in entries}) == 1 else "loose"
        senses.append((len(places), base, how))
        places.append(pm)
        taken = last_end = e
        last_country = entry.country
        last_was_country = False
        last_admin = pm if entry.curated and entry.kind in ADMIN_KINDS else None
    _one_sense(places, senses)
    if foreign_districts:  # 「仁川廣域市中區…中區議長」: that name is the foreign district throughout the document
        places = [PlaceMention(m.start, m.end, m.text, m.name, None, foreign_districts[t[m.start:m.end]], "district")
                  if m.entry is not None and m.entry.country == "TW" and t[m.start:m.end] in foreign_districts else m
                  for m in places]
    countries = _abbreviated_countries(text, countries, places)
    places = _unknown_places(text, countries, places)
    return countries, places


_ABBREVIATED = re.compile(fold(r"([\u4e00-\u9fff])國(?![會際內民家旗歌土籍境立營])"))
# characters that make a word with 國 (我國, 各國, 兩國, 多國, 鄰國), never a country's short name
_NOT_ABBREVIATION = set(fold("中我各該本兩外全大小島鄰盟強帝王和合出回歸建立開友邦他貴敝祖異母三多諸萬上下此他其同與及或是在於為入返赴訪離來愛報治救興亡"))


def _abbreviated_countries(text: Text, countries: list[CountryMention], places: list[PlaceMention]) -> list[CountryMention]:
    """A country named again by one of its characters and 國 (聖克里斯多福及尼維斯 … 克國, 馬來西亞 … 馬國): the
    last country named before whose name holds that character."""
    t = text.fold
    taken = bytearray(len(t) + 1)
    for m in (*countries, *places):
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    out = list(countries)
    for a in _ABBREVIATED.finditer(t):
        i = a.start()
        c = a.group(1)
        if c in _NOT_ABBREVIATION or taken[i] or taken[i + 1] or common_word(t[i:i + 2]):
            continue
        named = [m for m in countries if m.end <= i and c in t[m.start:m.end] and m.end - m.start > 2]
        if named:
            out.append(CountryMention(i, i + 2, text.raw[i:i + 2], named[-1].code))
    return sorted(out, key=lambda m: m.start)


def _one_sense(places: list[PlaceMention], senses: list[tuple[int, str, str]]) -> None:
    """「紐西蘭奧克蘭市…奧克蘭市」「聖地牙哥市…聖地牙哥」: a name means one place in the whole document. The country
    named before one mention of it (with or without its suffix) places every other mention; else a mention whose
    name has one meaning only places those picked among several countries."""
    p = gz.places()
    named: dict[str, set[str]] = {}
    one: dict[str, set[str]] = {}
    for i, base, how in senses:
        if how != "loose":
            (named if how == "named" else one).setdefault(base, set()).add(places[i].country)
    for i, base, how in senses:
        countries = named.get(base, set()) if how != "named" else set()
        if len(countries) != 1 and how == "loose":
            countries = one.get(base, set())
        m = places[i]
        if len(countries) != 1 or m.entry is None or m.entry.country in countries:
            continue
        (code,) = countries
        names = dict.fromkeys((fold(m.name), fold(m.text), base))
        entries = [x for n in names for x in p.curated.get(n, [])]
        entry = gz.pick(entries, code)
        if entry is not None:
            places[i] = PlaceMention(m.start, m.end, m.text, m.name, entry, entry.country, entry.kind)


def _shorter_in(cands: list[tuple[int, int, int, tuple[str, str]]], start: int, end: int, country: str) -> bool:
    """Whether a shorter candidate name at ``start`` is a place in ``country``."""
    p = gz.places()
    for s, e, _, (kind, value) in cands:
        if s != start or e >= end or kind == "country":
            continue
        entries = p.curated.get(str(value), []) if kind == "curated" else gz.geonames_entries(str(value))
        if any(x.country == country for x in entries):
            return True
    return False


def english(text: Text) -> bool:
    """Whether the document is in English (its detected language), so that the English recognisers read it."""
    return (getattr(text.doc, "language", "") or "").lower().startswith("en")


# "Taipei City", "Miyazaki Prefecture", "Yeonsu-gu", "Holmdel Township": the word after a name is part of it
_EN_SUFFIX = re.compile(r"(?:\s(?:City|Prefecture|County|District|Township|Province|State|Municipality|Region)\b|-(?:gu|gun|si|shi|ku)\b)")
_EN_KIND = {"city": "city", "prefecture": "prefecture", "county": "county", "district": "district", "township": "township",
            "province": "province", "state": "state", "municipality": "city", "region": "region", "gu": "district",
            "gun": "county", "si": "city", "shi": "city", "ku": "district"}
_EN_CITY_OF = re.compile(r"\b(?:City|Municipality|Town) of ((?:[A-Z][\w'’.-]*)(?:\s[A-Z][\w'’.-]*){0,2})")
_EN_UNKNOWN = re.compile(rf"\b((?:[A-Z][{LATIN}'’.-]+\s){{0,2}}[A-Z][{LATIN}'’.-]+)"
                         r"(\s(?:City|Prefecture|County|District|Township)\b|-(?:gu|gun|si|shi)\b)")
# words that may stand before a suffix without being a place ("Taipei City Government" is a place; "Capital City" is not)
_EN_NOT_PLACE = frozenset({"the", "capital", "smart", "sister", "friendship", "friendly", "partner", "twin", "host", "this", "that",
                           "each", "our", "their", "every", "harbor", "harbour", "port", "global", "international", "new", "old",
                           "central", "special", "local", "city", "county", "district", "state", "national", "metropolitan"})
_EN_CORE = re.compile(r"\s(?:Prefecture|County|Province|State|Region)$")
_EN_HINT_GAP = re.compile(r",\s{1,2}|\s(?:in|of)\s(?:the\s)?")


def _city_of(m: PlaceMention) -> PlaceMention:
    cities = [e for e in gz.places().curated.get(gz.fold(f"{m.text} City"), []) if e.kind == "city" and e.country == m.country]
    return PlaceMention(m.start, m.end, m.text, m.name, cities[0], cities[0].country, "city") if cities else m


def _hint(raw: str, found: list[tuple[int, int, str]], n: int) -> tuple[str, ...]:
    """The country the name after ``found[n]`` places it in: "Medan, Indonesia", "Johns Creek, Georgia"."""
    p = gz.places()
    end = found[n][1]
    nxt = found[n + 1] if n + 1 < len(found) else None
    if nxt is None:
        return ()
    gap = _EN_HINT_GAP.fullmatch(raw, end, nxt[0])
    if gap is None:
        sm = _EN_SUFFIX.match(raw, end)
        gap = _EN_HINT_GAP.fullmatch(raw, sm.end(), nxt[0]) if sm else None
    if gap is None:
        return ()
    nk, nv = nxt[2].split(":", 1)
    # Georgia is a country and a state: either may be meant
    name = gz.fold(raw[nxt[0]:nxt[1]])
    admin = tuple(e.country for e in p.curated.get(name if nk == "country" else nv, []) if e.kind in ADMIN_KINDS)
    return ((nv,) if nk == "country" else ()) + admin


def recognise_places_en(text: Text) -> tuple[list[CountryMention], list[PlaceMention]]:
    """Countries and places in an English text: the gazetteer's English names, case-insensitively but only where the
    text capitalises them ("the china" is no country); a suffix word joins the name ("Miyazaki Prefecture",
    "Yeonsu-gu"); "Johns Creek, Georgia" or "Medan, Indonesia" tells which of two places of one name is meant;
    a capitalised name before City/District/County (or after "City of") is a place no gazetteer knows."""
    raw, low = text.raw, text.low
    p = gz.places()
    cands: list[tuple[int, int, int, str]] = []
    for h in gz.countries().en.all(low):
        cands.append((h.start, h.end, 0, "country:" + h.entry))
    for h in p.en.all(low):
        cands.append((h.start, h.end, 1, "place:" + h.entry))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    found: list[tuple[int, int, str]] = []
    taken = -1
    same_span = {(c[0], c[1]): c[3] for c in cands if c[2] == 1}
    for start, end, _, payload in cands:
        if start < taken or (not raw[start].isupper() and raw[start:start + 4].lower() != "the "):
            continue
        place = same_span.get((start, end))
        if payload.startswith("country:") and place is not None and \
                any(e.country == payload[8:] for e in p.curated.get(place[6:], [])):
            payload = place  # Guam, Singapore, Hong Kong: the place the text speaks of, in the country of its name
        found.append((start, end, payload))
        taken = end
    countries: list[CountryMention] = []
    places: list[PlaceMention] = []
    hints: dict[str, tuple[str, ...]] = {}  # a name the text once places ("Manchester, New Hampshire") is that place throughout
    for n, (_, _, payload) in enumerate(found):
        kind, value = payload.split(":", 1)
        if kind == "place" and (codes := _hint(raw, found, n)) and any(gz.pick(p.curated.get(value, []), c) for c in codes):
            hints.setdefault(value, codes)
    for n, (start, end, payload) in enumerate(found):
        kind, value = payload.split(":", 1)
        if kind == "country":
            countries.append(CountryMention(start, end, raw[start:end], value))
            continue
        entries = p.curated.get(value, [])
        hint = _hint(raw, found, n) or hints.get(value, ())
        entry = next((x for c in hint if (x := gz.pick(entries, c)) is not None), None) if hint else gz.pick(entries)
        if entry is None and hint and raw[end:end + 1] == ",":
            entry = gz.pick(entries)  # "Kaohsiung, St. Kitts and Nevis": a list, not where it lies
        if entry is None:  # "North West Region of Singapore": no place of that name there
            continue
        e = end
        sm = _EN_SUFFIX.match(raw, end)
        if sm and not raw[start:end].endswith(sm.group().strip(" -")):
            e = sm.end()
        places.append(PlaceMention(start, e, raw[start:e], raw[start:end], entry, entry.country, entry.kind))
    # one place a name throughout: "Miyazaki" in a text about "Miyazaki Prefecture" is the prefecture
    full = {_EN_CORE.sub("", m.text): m.entry for m in places
            if m.entry is not None and m.entry.kind in ADMIN_KINDS and _EN_CORE.search(m.text)}
    for m in places:  # "Shizuoka City" and "Shizuoka Prefecture" both named: "Shizuoka" is not told
        if m.text.endswith(" City"):
            full.pop(m.text[:-5], None)
    places = [PlaceMention(m.start, m.end, m.text, m.name, full[m.text], full[m.text].country, full[m.text].kind)
              if m.text == m.name and m.text in full and m.entry is not full[m.text] else m for m in places]
    # "Cebu" alone is Cebu City, not the province of that name
    places = [_city_of(m) if m.text == m.name and m.text not in full and m.kind in ("province", "state") else m for m in places]
    covered = bytearray(len(raw) + 1)
    for cm in [*countries, *places]:
        covered[cm.start:cm.end] = b"\x01" * (cm.end - cm.start)
    for um in [*_EN_UNKNOWN.finditer(raw), *_EN_CITY_OF.finditer(raw)]:
        a, b = um.span(1)
        words_ = um.group(1).split()
        while words_ and words_[0].lower() in _EN_NOT_PLACE:
            a += len(words_[0]) + 1
            words_ = words_[1:]
        if not words_ or any(covered[a:b]) or words_[-1].lower() in _EN_NOT_PLACE:
            continue
        suffix = um.group(2) if um.re is _EN_UNKNOWN else ""
        kind = _EN_KIND.get(suffix.strip(" -").lower(), "city")
        end = um.end()
        name = raw[a:b]
        entry = gz.PlaceEntry((), name, "", kind, None, "", 0, False)
        places.append(PlaceMention(a, end if suffix else b, raw[a:end] if suffix else name, name, entry, "", kind))
        covered[a:end] = b"\x01" * (end - a)
    places.sort(key=lambda m: m.start)
    return countries, places


# words that describe a place instead of naming it: 「韓國最大港灣城市」「日本第二大城市」「美國西岸城市」
# what a release calls a city before naming it, after its country: 工業城, 首都, 港都 (not part of the name)
def _unknown_kind(suffix: str) -> str:
    """The kind a place no gazetteer knows has by its last character (美濱町 a township, 柯哈市 a city)."""
    return {"市": "city", "縣": "county", "县": "county", "郡": "county", "區": "district", "区": "district",
            "鎮": "township", "镇": "township", "鄉": "township", "乡": "township", "町": "township",
            "村": "township"}.get(suffix, "region")


_LISTED = re.compile(r"[、及和與]([\u4e00-\u9fff]{1,4}[" + SUFFIX_CHARS + "])")
_DESCRIPTOR = re.compile(fold(r"首都|首府|港都|古都|工業城|科技城|工業重鎮|大城|古城|港城|山城|水都|花都"))
_DESCRIBED = re.compile(fold(r"城市$|^(?:最|第|大型|主要|重要|知名|著名|沿海|港灣|港口|西岸|東岸|南部|北部|首要)"))


# 「越南各姊妹市」「日本友好城市」: a determiner (each, that, all) or a tie (sister city) is no city's own name
# 「北海道台日農村交流」: two countries' short names together (台日, 日韓, 台美) say what is between them, not a place's name
_NO_CITY = re.compile(fold(r"^[各每該本諸其此全]|(?:姊妹|姐妹|友好|友誼|締盟|夥伴)(?:城)?市$"
                           r"|^(?:[台臺][日韓美歐菲越泰星印]|[日韓美歐][台臺日韓美歐])"))


def _unknown_places(text: Text, countries: list[CountryMention], places: list[PlaceMention]) -> list[PlaceMention]:
    """Places no gazetteer knows: 「美國加州鑽石吧市」「南非東開普省柯哈市」「萊德市(City of Ryde)」."""
    t = text.fold
    known: list[CountryMention | PlaceMention] = sorted([*countries, *places], key=lambda m: m.start)
    starts = {m.start for m in known}
    out = list(places)
    covered = bytearray(len(t) + 1)  # positions a place already covers
    last_chars: set[int] = set()  # the last position of each place
    for p in out:
        covered[p.start:p.end] = b"\x01" * (p.end - p.start)
        last_chars.add(p.end - 1)

    def add(p: PlaceMention) -> None:
        out.append(p)
        covered[p.start:p.end] = b"\x01" * (p.end - p.start)
        last_chars.add(p.end - 1)

    for m in known:
        if isinstance(m, PlaceMention) and m.kind not in ADMIN_KINDS:
            continue
        i = m.end
        d = _DESCRIPTOR.match(t, i)
        if d and d.end() not in starts:
            i = d.end()  # 「波蘭工業城拉當市」: the words that describe the city go before its name
        elif t.startswith("有", i) and i + 1 not in starts:
            i += 1  # 「台南市在加州有蒙特麗市及聖荷西市」: what a place has is named after the verb
        j = i
        while j < len(t) and j - i < 6 and is_han(t[j]) and t[j] not in _UNKNOWN_STOP and (j == i or j not in starts):
            j += 1
            if t[j - 1] in SUFFIX_CHARS and j - i >= 3 and not _title_at(t, j - 1) and not common_word(t[i:j]) \
                    and not common_word(t[i:j - 1]) and not _DESCRIBED.search(t[i:j]) and not opens_with_verb(t[i:j]) \
                    and not _NO_CITY.search(t[i:j]):
                code = m.code if isinstance(m, CountryMention) else m.country
                name = text.raw[i:j]
                if not covered[i]:
                    add(PlaceMention(i, j, name, name, None, code, _unknown_kind(t[j - 1])))
                    # 「福井縣美濱町、大飯町」: a list goes on with places of the same suffix
                    while (nxt := _LISTED.match(t, j)) and nxt.group(1)[-1] == t[j - 1] and not covered[nxt.start(1)] \
                            and nxt.start(1) not in starts and not common_word(nxt.group(1)):
                        k0, j = nxt.start(1), nxt.end(1)
                        add(PlaceMention(k0, j, text.raw[k0:j], text.raw[k0:j], None, code, _unknown_kind(t[j - 1])))
                break
    for lm in _LATIN_PLACE.finditer(text.raw):
        e = lm.start()
        if e == 0 or t[e - 1] not in SUFFIX_CHARS or covered[e - 1]:
            continue
        i = e - 1
        while i > 0 and e - i < 6 and is_han(t[i - 1]) and t[i - 1] not in _UNKNOWN_STOP and i - 1 not in last_chars:
            i -= 1
        if e - i >= 2:
            name = text.raw[i:e]
            latin = re.sub(r"\b(?:City|County|Town|District|Township|Municipality|Prefecture)\b|\bof\b", "", lm.group(1)).strip()
            entry = gz.PlaceEntry((name,), latin, "", "city" if t[e - 1] == "市" else "county", None, "", 0, False)
            # 「美國加州聖塔羅莎郡(Santa Rosa County)」: in the country of the place or country right before it
            code = next((m.code if isinstance(m, CountryMention) else m.country for m in known if m.end == i), "")
            add(PlaceMention(i, e, name, name, entry, code, entry.kind))
    # 「波蘭拉當市(Radom)…拉當市市長」: a place found once is that place wherever else its name stands
    ends = {p.end for p in out}
    for p in [p for p in out[len(places):] if p.end - p.start >= 3 and p.entry is None]:
        name = t[p.start:p.end]
        k = t.find(name)
        while k >= 0:
            if not any(covered[k:k + len(name)]) and (k == 0 or not is_han(t[k - 1]) or k in ends or t[k - 1] in _UNKNOWN_STOP):
                add(PlaceMention(k, k + len(name), text.raw[k:k + len(name)], text.raw[k:k + len(name)], p.entry, p.country, p.kind))
                ends.add(k + len(name))
            k = t.find(name, k + 1)
    # 「聖塔羅莎郡(Santa Rosa County，以下簡稱聖郡)」: the short name the text gives a place stands for it throughout
    for p in list(out):
        hm = _HEREAFTER.match(t, p.end)
        if hm is None:
            continue
        short = hm.group(1)
        k = t.find(short, hm.end())
        while k >= 0:
            if not any(covered[k:k + len(short)]):
                add(PlaceMention(k, k + len(short), text.raw[k:k + len(short)], p.name, p.entry, p.country, p.kind))
            k = t.find(short, k + 1)
    return sorted(out, key=lambda p: p.start)


_HEREAFTER = re.compile(fold(r"\s*[(（][^()（）]{0,60}?(?:以下簡稱|以下稱|下稱|簡稱)\s*[「『]?([\u4e00-\u9fff]{2,6}?)[」』]?\s*[)）]"))
