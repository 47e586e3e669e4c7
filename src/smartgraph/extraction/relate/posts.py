"""Posts: a person holds a post (a role) in an organisation, as the words around their name say.

The organisation is the one the affiliation before the title names. A post with no affiliation
takes, in order: the previous list item's government (羅茲市議會主席X、國際合作經理Y), the home
government for a local title held by someone with a Chinese name (市長林大同), the government of the
last foreign place the sentence named for someone with a foreign name, the home government for a
post in an agency, or the home country's government for a national post (總統王小明).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.entities import add_place, government, national_government, org_country, organization, place_en
from smartgraph.extraction.mentions import PersonMention, Resolved
from smartgraph.extraction.names import romanised_chinese, western_order_chinese
from smartgraph.extraction.text import fold
from smartgraph.model import Post, Role

LOCAL_SCOPES = ("city", "county", "township", "district", "council", "agency")
# posts only a company, a society or a school has (總經理, 會長, 校長, VP): held in no city government, whatever the text names
_NOT_GOVERNMENT = frozenset({
    "president-company", "vice-president-company", "chairman", "vice-chairman", "senior-vice-chairman", "general-manager",
    "deputy-general-manager", "manager", "founder", "cto", "president-society", "vice-president-society", "president-association",
    "vice-president-association", "university-president", "vice-president-university", "professor", "associate-professor",
    "board-director"})


def _looks_foreign(p: PersonMention) -> bool:
    """A Latin name, a name given with its Latin form, or a Han name that is not Chinese (田中一郎, 諾華克)."""
    if p.name.script == "latin" or p.name.alt:
        return True
    name = fold(p.name.text).replace("·", "")
    sur = lx.surnames()
    chinese = (name[:1] in sur and len(name) <= 3) or (name[:2] in sur and len(name) <= 4)
    if chinese and len(name) == 3 and name[:2] in lx.surnames_ja() and name[:2] not in sur and p.inherit:
        return True  # 「…、山本寛、川口健等議員」: a listed Japanese family name of two characters, one given name
    return not chinese


_REGION_KINDS = ("province", "state", "prefecture")


def _last_foreign_place(res: Resolved, p: PersonMention, title: lx.Title | None = None) -> str:
    """The government of the last foreign city named before a person; for a province's, state's or prefecture's
    post (省長, 州長, 知事), of the last foreign place of that kind, if the text names one."""
    rec = res.recognised
    before = rec.within(rec.places, 0, p.name.start)  # in text order: walk back from the person
    home = ("", res.home_country or "TW")
    wanted = [(title.scope,)] if title is not None and title.scope in _REGION_KINDS else []
    for kinds in (*wanted, ("city", "county", "district", "township")):
        for m in reversed(before):
            if m.end <= p.name.start and (m.country or "") not in home and m.kind in kinds:
                return government(res, add_place(res, m))
    return ""


def _last_foreign_government(res: Resolved, pos: int) -> str:
    """The last foreign city's or town's government a post before ``pos`` named, where the gazetteer knows no such
    place (「柯哈市副市長甲致詞時說，市長乙因公務在外」: 柯哈市's); "" if none."""
    best, best_end = "", -1
    home = ("", res.home_country or "TW")
    for (_start, end), key in res.org_of.items():
        o = res.organizations.get(key)
        if o is not None and best_end < end <= pos and o.org_type in ("city-government", "local-government") \
                and o.country not in home:
            best, best_end = key, end
    return best


def _last_foreign_council(res: Resolved, p: PersonMention) -> str:
    """The foreign council the last affiliation before a person named (「日本某縣議會甲議員…包括乙、丙等議員」)."""
    home = ("", res.home_country or "TW")
    best, at = "", -1
    for (a, e), key in res.org_of.items():
        o = res.organizations.get(key)
        if o is not None and e <= p.start and a > at and o.org_type == "council" and (o.country or "") not in home:
            best, at = key, a
    return best


def _last_foreign_country(res: Resolved, p: PersonMention) -> str:
    """The code of the last foreign country named before a person in their sentence."""
    rec = res.recognised
    s = res.text.sentences[res.text.sentence_of(p.name.start)]
    for m in reversed(rec.within(rec.countries, s.start, p.name.start)):
        if m.end <= p.name.start and m.code not in ("", res.home_country or "TW"):
            return m.code
    return ""


def _looks_foreign_en(p: PersonMention, home_country: str = "TW") -> bool:
    """English: a name with a Chinese form in brackets, or romanised as Taiwan writes Chinese names (Lin Chih-hao,
    Mei-Lan Wang), is the home country's; so, in a Taiwanese release, is an English given name before a Chinese family
    name (Grace Wang, Peter Lin); other Latin names are foreign."""
    if p.name.script == "han":
        return _looks_foreign(p)
    if p.name.alt:
        name = fold(p.name.alt).replace("·", "")
        sur = lx.surnames()
        return not ((name[:1] in sur and len(name) <= 3) or (name[:2] in sur and len(name) <= 4))
    if home_country == "TW" and western_order_chinese(p.name.text):
        return False
    return not romanised_chinese(p.name.text)


class _ForeignPlacesEn:
    """English: the foreign cities and regions a text names (curated gazetteer names), by where they end; found once
    a document, on first use, so each person asks by binary search instead of scanning the text before them."""

    def __init__(self, res: Resolved) -> None:
        self.res = res
        self._found: tuple[list[int], list[str]] | None = None

    def _scan(self) -> tuple[list[int], list[str]]:
        res, text = self.res, self.res.text
        ends: list[int] = []
        names: list[str] = []
        for h in gz.places().en.find(text.low, 0, len(text.low)):
            name = text.raw[h.start:h.end]
            if not name[:1].isupper():
                continue  # "technical tours", "a nice day": a word, not Tours or Nice
            entries = gz.places().curated.get(gz.fold(name), [])
            if entries and entries[0].country and entries[0].country != (res.home_country or "TW"):
                if ends and text.raw[ends[-1]:h.start] in (", ", ","):
                    continue  # "Kure, Hiroshima": where the place before lies, not a place of its own
                ends.append(h.end)
                names.append(name)
        return ends, names

    def last_before(self, pos: int) -> str:
        """The government of the last foreign place named before ``pos`` ("" if none)."""
        if self._found is None:
            self._found = self._scan()
        ends, names = self._found
        i = bisect.bisect_right(ends, pos) - 1
        if i < 0:
            return ""
        pk = place_en(self.res, names[i])
        return government(self.res, pk) if pk else ""


def _same_body(res: Resolved, title: lx.Title, org: str) -> bool:
    """Whether a list item's title is of the kind of body the previous item's organisation is: a councilor after a
    council's speaker takes the council; a deputy minister after the speaker does not."""
    o = res.organizations.get(org)
    if o is not None and title.scope in ("city", "county", "township", "district") \
            and o.org_type not in ("city-government", "local-government", "council"):
        return False  # "…, Deputy Minister of Transportation, and Mayor Lin": a mayor is of no ministry
    if o is not None and title.scope == "country" and lx.org_types().get(o.org_type) is not None \
            and lx.org_types()[o.org_type].kind not in ("government", "unit"):
        return False  # "…, Vice President of Marketing at Team X, and Vice President Hsiao": a country's post is of no company
    return o is None or (title.scope == "council") == (o.org_type == "council")


_OFFICE_TYPES = frozenset({"representative-office", "embassy", "consulate"})
_OFFICE_NAME = re.compile(r"\b(?:office|embassy|consulate|mission|exchange association|institute in)\b", re.I)


def _last_office_before(res: Resolved, pos: int) -> str:
    """The last representative office, embassy or mission the text names before ``pos`` ("" if none)."""
    best, best_end = "", -1
    for (_start, end), key in res.org_of.items():
        if best_end < end <= pos and key in res.organizations:
            o = res.organizations[key]
            if o.org_type in _OFFICE_TYPES or _OFFICE_NAME.search(o.name_en or o.name_zh):
                best, best_end = key, end
    return best


def _fallback_en(res: Resolved, p: PersonMention, title: lx.Title, previous: str, places: _ForeignPlacesEn) -> str:
    if p.inherit and previous and _same_body(res, title, previous):
        return previous
    if title.kind == "envoy":  # "on behalf of Representative Lee": of the representative office the text named before
        office = _last_office_before(res, p.name.start)
        if office:
            return office
    foreign = _looks_foreign_en(p, res.home_country or "TW")
    home = res.home_place in res.places
    if foreign:
        org = places.last_before(p.name.start)
        if org and title.scope == "country":  # a prime minister is of the country of the place named, not of the city
            country = res.organizations[org].country if org in res.organizations else ""
            return national_government(res, country) if country else org
        if org:
            return org  # else a name that only looks foreign (Wang Ta): the home rules below
    if title.scope == "country":
        return national_government(res, res.home_country or "TW")
    if home and (title.scope in LOCAL_SCOPES or title.kind in ("head", "deputy", "staff")) and title.key not in _NOT_GOVERNMENT:
        return government(res, res.home_place)
    return ""


def _national(res: Resolved, title: lx.Title, org: str) -> str:
    """A post of a country (參議員, 部長) taken from a town or city the text named is its country's: the government of
    the country that body is in (「…福井縣美濱町…鈴村大地參議員」: Japan's, not the town's)."""
    o = res.organizations.get(org)
    if title.scope != "country" or o is None or not o.country or not o.place:
        return org
    return national_government(res, o.country)


_LED_BY = re.compile(fold(r"[，,]?\s*由\s*$"))


def _led_by_of(res: Resolved, p: PersonMention) -> str:
    """「<place>，由<name><title>率…」 or 「<place>由<title><name>」: the government of the place right before 由 (a foreign
    city's Korean or Japanese mayor has a name that looks Chinese)."""
    t = res.text.fold
    lo = max(0, p.start - 40)
    m = _LED_BY.search(t, lo, p.start)
    if not m:
        return ""
    rec = res.recognised
    place = next((x for x in reversed(rec.within(rec.places, lo, m.start() + 1)) if x.end == m.start()), None)
    if place is None or (place.country or "") in ("", res.home_country or "TW"):
        return ""
    return government(res, add_place(res, place))


# a society's posts (會長, 副會長, 理事長): with no body named, the society a post before in the text is in
_SOCIETY_POSTS = frozenset(("president-society", "vice-president-society", "president-association", "vice-president-association"))
_SOCIETY_TYPES = frozenset(("association", "foundation", "alliance"))


class _Societies:
    """The societies earlier posts in the text are in, by where the post's holder is named (for a bisect)."""

    def __init__(self, res: Resolved) -> None:
        found: list[tuple[int, str]] = []
        for p in res.recognised.persons:
            for _, stretch in p.posts:
                org = res.org_of.get(stretch, "")
                o = res.organizations.get(org)
                if o is not None and o.org_type in _SOCIETY_TYPES:
                    found.append((p.name.start, org))
        found.sort()
        self.starts = [f[0] for f in found]
        self.orgs = [f[1] for f in found]

    def last_before(self, pos: int) -> str:
        k = bisect.bisect_left(self.starts, pos)
        return self.orgs[k - 1] if k else ""


def fallback_org(res: Resolved, p: PersonMention, title: lx.Title, previous: str,
                 places: _ForeignPlacesEn | None = None, societies: _Societies | None = None) -> str:
    if res.text.doc.language == "en":
        return _fallback_en(res, p, title, previous, places or _ForeignPlacesEn(res))
    prev_country = res.organizations[previous].country if previous in res.organizations else ""
    if title.key.endswith("-jp") and (res.home_country or "TW") != "JP" and not (p.inherit and prev_country == "JP"):
        # 「鎮長甲…與町長乙簽署」 in a Taiwanese release: a post only Japan has (町長) is of the Japanese place named
        # before, not of the Taiwanese body a list item before it holds
        org = _last_foreign_place(res, p, title)
        if org:
            return org
    # 「感謝駐紐約辦事處大使甲與立委乙」: a country's post (立委) takes no office's or company's name from the item before
    if p.inherit and previous and (title.scope != "country" or _same_body(res, title, previous)):
        prev = res.organizations.get(previous)
        if prev is not None and prev.org_type == "council" and title.scope == "council":
            return previous  # 「市議會議長甲、副議長乙」: the deputy speaker of the same council
        parent = prev.parent if prev is not None else ""
        if prev is not None and title.scope == "org" and lx.org_types().get(prev.org_type) is not None \
                and lx.org_types()[prev.org_type].kind in ("body", "company", "education", "foreign-office"):
            parent = ""  # 「姊妹市委員會主席甲及秘書乙」: a post of a body (秘書, 總幹事) after its head is in the same body
        return _national(res, title, parent or previous)
    if title.key in _SOCIETY_POSTS and societies is not None:
        org = societies.last_before(p.name.start)
        if org:
            return org  # 「某協會會長甲…甲會長、乙副會長出席」: the vice-president of the society named before
    led = _led_by_of(res, p)
    if led:
        return led  # 「韓國釜山市，由徐○○市長親率…」: the city the sentence opens with, whatever the name looks like
    foreign = _looks_foreign(p)
    if not foreign and title.scope in LOCAL_SCOPES and res.home_place in res.places:
        return government(res, res.home_place)
    if foreign and title.scope == "council":
        org = _last_foreign_council(res, p)
        if org:
            return org  # 「訪團貴賓包括甲、乙等10位議員」: members of the foreign council a post before named
    if foreign:
        org = _last_foreign_place(res, p, title) or (_last_foreign_government(res, p.name.start) if title.scope in LOCAL_SCOPES else "")
        if org:
            return _national(res, title, org)
        if title.scope == "country":  # 「感謝日本首相…延續前首相X的理念」: the country the sentence named
            code = _last_foreign_country(res, p)
            if code:
                return national_government(res, code)
    if title.scope == "country" and not foreign:
        return national_government(res, res.home_country or "TW")
    if title.scope == "org" and title.kind in ("head", "deputy", "staff") and not foreign and res.home_place in res.places \
            and title.key not in _NOT_GOVERNMENT:
        return government(res, res.home_place)  # 秘書長陳小華 in a city's release: the city government's
    return ""


_CHAIN_BEFORE = re.compile(fold(r"[暨兼]\s*$"))


def find_posts(res: Resolved) -> list[Post]:
    """Posts with the organisation their affiliation names first; then the others, for people no stated one holds."""
    out: list[Post] = []
    seen: set[tuple[str, str, str]] = set()
    text = res.text
    explicit: set[str] = set()
    current: set[str] = set()  # people a stated organisation gives a post they hold now
    pending: list[tuple[PersonMention, str, lx.Title, str]] = []
    previous = ""
    sentence = -1
    holders: dict[str, list[PersonMention]] = {}  # person key -> the full mentions of that person
    for p in sorted(res.recognised.persons, key=lambda m: m.start):
        key = res.person_of.get(p)
        if not key or p.short:
            continue
        holders.setdefault(key, []).append(p)
        if text.sentence_of(p.start) != sentence:
            sentence, previous = text.sentence_of(p.start), ""
        chained = ""  # the organisation of the person's post before, in one chain of posts
        for tm, stretch in p.posts:
            org = _council(res, res.org_of.get(stretch, ""), tm.title)
            if not org and chained and stretch[0] == stretch[1] and _CHAIN_BEFORE.search(text.fold, max(0, stretch[0] - 2), stretch[0]):
                org = chained  # 「SmartCitiesWorld創辦人暨執行長」: the CEO of the body the founder's post names
                c = res.organizations.get(org)
                if c is not None and c.org_type == "council" and c.parent and tm.title.scope in ("city", "county", "township", "district"):
                    org = c.parent  # 「市議會議長兼代理市長」: the acting mayor of the city, not of its council
            chained = org
            if org:
                previous = org
                explicit.add(key)
                if not tm.former:
                    current.add(key)
                _add(out, seen, Post(key, org, tm.title.key, text.span(p.start, p.end)))
            else:
                pending.append((p, key, tm.title, previous))
    places = _ForeignPlacesEn(res)
    societies = _Societies(res)
    held: set[tuple[str, str]] = set()  # a person's post found once: a later bare mention of it is the same post
    for p, key, title, prev in pending:
        if (key in explicit and not (key not in current and title.scope == "country")) or (key, title.key) in held:
            continue  # but "Premier X" of someone a stated body names only as "Tainan's then-Mayor X" is the country's
        org = _council(res, fallback_org(res, p, title, prev, places, societies), title)
        if org:
            held.add((key, title.key))
            _add(out, seen, Post(key, org, title.key, text.span(p.start, p.end)))
    _home_organisations(res, out, holders)
    if text.doc.language != "en":
        out = [p if (org := _chamber(res, p.organization, p.role)) == p.organization else replace(p, organization=org) for p in out]
    if text.doc.language == "en":
        out = _visitors_units_en(res, out, holders)
        out = [replace(p, role=_governor_en(res, p.organization, p.role)) for p in out]
    return out


def _visitors_units_en(res: Resolved, posts: list[Post], holders: dict[str, list[PersonMention]]) -> list[Post]:
    """A visiting delegation's members named by a department only ("…, Deputy Mayor of Springdale, came with A, the
    director of the Drainage Works Department"): where the holder has a foreign name and the sentence names the posts of
    one foreign city's government, the department is that city's, not a unit of the home city's government."""
    home = res.home_country or "TW"
    gov_home = government(res, res.home_place) if res.home_place in res.places else ""
    if not gov_home:
        return posts
    text = res.text

    def mention(p: Post) -> PersonMention | None:
        return next((m for m in holders.get(p.person, []) if text.span(m.start, m.end) == p.span), None)

    foreign_govs: dict[int, set[str]] = {}  # sentence -> the foreign city governments its posts are in
    for p in posts:
        o = res.organizations.get(p.organization)
        m = mention(p)
        if m is not None and o is not None and o.org_type in ("city-government", "local-government") and o.country not in ("", home):
            foreign_govs.setdefault(text.sentence_of(m.start), set()).add(p.organization)
    if not foreign_govs:
        return posts
    out = []
    for p in posts:
        o = res.organizations.get(p.organization)
        m = mention(p)
        govs = foreign_govs.get(text.sentence_of(m.start), set()) if m is not None else set()
        place = res.places.get(res.home_place)
        if o is None or m is None or o.parent != gov_home or len(govs) != 1 or not _looks_foreign_en(m, home) \
                or (place is not None and place.name_en and place.name_en.split()[0] in (o.name_zh + o.name_en)):
            out.append(p)
            continue
        gov = next(iter(govs))
        g = res.organizations[gov]
        name = o.name_zh or o.name_en
        key = organization(res, f"{gov}/{gz.fold(name)}", name, o.org_type, g.country, g.place, gov)
        out.append(replace(p, organization=key))
        for span, k in list(res.org_of.items()):
            if k == o.key:
                res.org_of[span] = key
    used = {p.organization for p in out}
    for p in posts:  # the home city's unit no one else holds a post in is gone
        if p.organization not in used and p.organization != res.publisher:
            res.organizations.pop(p.organization, None)
    return out


# a member of a national legislature sits in its chamber, not in the government (「日本參議員甲」: 日本參議院)
_CHAMBERS = {"senator": "參議院", "representative-congress": "眾議院", "member-of-parliament": "國會", "legislator": "立法院"}


def _chamber(res: Resolved, org: str, role: str) -> str:
    """The chamber of a member of a national legislature whose post names only the country's government."""
    o = res.organizations.get(org)
    chamber = _CHAMBERS.get(role.removeprefix("former-"))
    if o is None or chamber is None or o.org_type != "national-government" or not o.country:
        return org
    if chamber == "立法院" and o.country != "TW":
        return org
    c = gz.country(o.country)
    name = chamber if o.country == "TW" else f"{c.name_zh if c is not None else ''}{chamber}"
    return organization(res, f"chamber-{o.country}-{fold(chamber)}", name, "council", o.country)


# territories whose head is a governor Taiwan calls 總督 (Guam, Puerto Rico …); a governor elsewhere outside Japan and
# Korea, where the English "Governor" is a 知事, heads a state (州長)
_GOVERNED_TERRITORIES = frozenset({"GU", "PR", "AS", "MP", "VI"})
_CHIJI_COUNTRIES = frozenset({"JP", "KR"})


def _governor_en(res: Resolved, org: str, role: str) -> str:
    """English "Governor" is read as a Japanese prefecture's 知事; of a body elsewhere it is that place's governor."""
    base = role.removeprefix("former-")
    if base != "prefectural-governor" or org not in res.organizations:
        return role
    o = res.organizations[org]
    # the territory a body governs is its place's country (its own country is the sovereign state's: Guam's is US)
    country = (res.places[o.place].country if o.place in res.places else "") or o.country
    if not country or country in _CHIJI_COUNTRIES:
        return role
    key = "governor-general" if country in _GOVERNED_TERRITORIES else "governor"
    key = f"former-{key}" if role.startswith("former-") else key
    if key not in lx.titles():
        return role
    t = lx.titles()[key]
    res.roles.setdefault(key, Role(t.key, t.label_zh, t.label_en))
    return key


def _council(res: Resolved, org: str, title: lx.Title) -> str:
    """A council's post a home city's name gives (高雄市議長王美華, 市議員X) is in the city's council, not its government."""
    o = res.organizations.get(org)
    if o is None or title.scope != "council" or o.org_type not in ("city-government", "local-government") or not o.place \
            or (o.country != (res.home_country or "TW") and not (title.key in ("speaker", "deputy-speaker") and o.country in ("JP", "KR"))):
        return org  # abroad, a councillor is named as of the city (the council often unnamed: Board of Supervisors, Council)
    # but a Japanese or Korean speaker (「釜山東區議長甲」) presides over the place's council (議會), not its government
    zh = (o.name_zh[:-2] if o.name_zh.endswith("政府") else o.name_zh) + "議會"
    key = organization(res, f"{org}/{fold('議會')}", zh, "council", o.country, o.place, org)
    c = res.organizations[key]
    if not c.name_en and o.name_en:
        en = o.name_en.replace("City Government", "City Council") if "City Government" in o.name_en else \
            o.name_en.replace("Government of ", "") + " Council"
        res.organizations[key] = replace(c, name_en=en)
    return key


def _home_organisations(res: Resolved, posts: list[Post], holders: dict[str, list[PersonMention]]) -> None:
    """An organisation whose name tells no country (某聯盟秘書長陳小華) is of the release's country when everyone the
    release names in it has a Chinese name; one with a foreign-named member (某聯盟副秘書長Maria Santos) stays open."""
    home = res.home_country
    if not home:
        return
    members: dict[str, list[str]] = {}
    for post in posts:
        members.setdefault(post.organization, []).append(post.person)
    for org, people in members.items():
        o = res.organizations.get(org)
        if o is None or o.country or o.parent or o.place:
            continue
        mentions = [m for person in people for m in holders.get(person, [])]
        foreign = (lambda m: _looks_foreign_en(m, home)) if res.text.doc.language == "en" else _looks_foreign
        if mentions and not any(foreign(m) for m in mentions):
            res.organizations[org] = replace(o, country=org_country(res, home))


def _add(out: list[Post], seen: set[tuple[str, str, str]], post: Post) -> None:
    k = (post.person, post.organization, post.role)
    if k not in seen:
        seen.add(k)
        out.append(post)
