"""Agreements (memoranda, friendship and sister-city agreements, declarations) and sister-city ties.

An agreement word counts where its sentence speaks of signing (簽署, 締結, signed), or where it is
named in quotes; a bare word (這份備忘錄) refers back to an agreement already found. Its kind is the
word's; a bare memorandum or agreement in a clause that makes two cities sister or friendship
cities is a friendship agreement. Its status is planned where a future word (將, 預計, 盼, 朝…邁進)
stands before it in its clause, else signed; its date is the sentence's day, or the day of the
event it was signed at, or the paragraph's.

Parties: the places a quoted name holds (「上海市青浦區與台北市萬華區交流合作備忘錄」), pairs that
「分別簽署」 lists, else the places the sentence names before the word and those of the people who
signed, with the home city when only one is found. 「簽署文化、旅遊、環保及科技園區4項交流合作備忘錄」 is four
memoranda, one a topic; a later sentence that lists as many by name or by pairs tells them apart.
A declaration's numbered list gives its commitments.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from smartgraph.extraction.entities import add_place, organization
from smartgraph.extraction.mentions import AgreementMention, OrgMention, PlaceMention, Resolved
from smartgraph.extraction.text import Ranges, clause_end, clause_start, fold
from smartgraph.model import Agreement, Commitment, Event, SisterCity, Span

_WHEN_ONLY = re.compile(fold(r"(?:今天|今日|昨天|昨日|明天|當天|當日|本日|日前|此次|這次|本次|今年|去年|雙方|兩市|兩地)?"))
_BARE = {fold(w) for w in ("備忘錄", "合作備忘錄", "協定", "協議", "協議書", "MOU", "MoU", "意向書", "合作協定", "合作協議")}
_REFERS = re.compile(fold(r"(?:這份|該份|此份|此一|這項|該項|此項|依照|依據|根據|依|這個|該|此)$"))
# (zh) 會與 "will, with" — not the end of a body's name (「市議會與日本某町議會簽署」, 協會與, 委員會與)
_FUTURE_BEFORE = re.compile(fold(r"將|今年會|(?<![議協委商公學總社])會與|將會|預計|預定|擬|即將|規劃|計畫|計劃|準備|研議|盼|希望"
                                  r"|期盼|期待|目標|朝|邁進|下一步|未來|有望|可望"
                                  r"|爭取|打算|洽談|will|plan|expect|aim|intend|hope|next step"), re.I)
# between two agreement words of one sentence: the second is another agreement (「A備忘錄及「B協定」」「A備忘錄，同時簽訂B」)
_ANOTHER = re.compile(fold(r"[^「」。；;]{0,3}(?:及|以及|和|與|、|，\s*同時|同時|並)"))
# signed before or now, right before the agreement: 「要將此前簽的合作意向書升格為…」(將 moves the object, it plans nothing),
# 「謝謝各界促成這次簽訂的協定」; the agreement an earlier one is raised to is made now
_DONE_BEFORE = re.compile(fold(r"(?:先前|之前|早前|此前|曾經|曾|本次|此次|這次|今日|今天)(?:所|的)?(?:正式)?(?:簽署|簽訂|簽定|締結|簽)(?:之|的)?"
                               r"[^，。；;,]{0,12}$|(?:升格|升級|提升)(?:為|成)[^，。；;,]{0,6}$"))  # 「…升格為協定」: made now
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Z0-9&]{1,7})\s*(?:[(（][^()（）]{0,30}[)）]\s*)?$")
_THEMED = re.compile(fold(r"(?:馬拉松|路跑|賽事|運動|體育|棒球|教育|學術|產業|經貿|農業|醫療|科技|動物園)$"))
_THREE = re.compile(fold(r"三方|三城|三市(?!長)"))
_PAST = re.compile(fold(r"已|曾|早在|先前|過去|去年|前年|當年|(?:19|20)\d{2}\s*年|民國\d+年|已經"))
_SEPARATELY = re.compile(fold(r"分別(?!代表|以|在|於)"))  # 「A與B、C與D分別簽署」; not 「分別代表兩市簽署」 (each for their city)
_SAME_DAY = re.compile(fold(r"今天|今日|今晚|當天|當日|晚間|上午|下午|中午|稍早|傍晚"))
_EN_DECLARATION = re.compile(r"(?:[A-Z][\w'’-]* ){1,4}Declaration(?: (?:on|of|for) (?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,3})?")
_BASE_KIND = re.compile(fold(r"(?:備忘錄|協定|協議書?|意向書|宣言|倡議書|聲明|MOU|MoU)\s*$"))
_TOPIC_CUT = re.compile(fold(r".*(?:簽署|簽訂|簽定|締結|重申|見證|雙方|兩市|進行|相關|共同|的|與|和|及|副市長|市長|新一期|一份|份)\s*"))
_TIE_RESULT = re.compile(fold(r"成為|結為|締結|締盟|正式"))
_LIST_INTRO = re.compile(fold(r"宣言|倡議|如下|following|[Dd]eclaration|承諾|agree|內容|重點|主張|包括"), re.I)
_KIND_WORDS = re.compile(fold(r"(?:交流)?(?:合作)?(?:備忘錄|協定|協議書?|意向書|宣言|MOU)$"
                              r"|(?:友好|友誼|姊妹|姐妹)(?:城市|市|都市|交流|合作|關係)*(?:協定|協議|備忘錄)$"))
_PAIR_SEP = re.compile(fold(r"[、，,；;]"))
_BODY_JOIN = re.compile(fold(r"\s*(?:與|和|及|暨)\s*"))
_CONJ = re.compile(fold(r"與|和|跟|同|偕同"))
_PAIRED = re.compile(r"\s*(?:\([^()]{0,60}\))?\s*" + fold(r"(?:已|也|亦|並|則|將)?(?:與|和|跟)"))
_CLAUSE_BREAK = re.compile(r"[，,；;。]")
_FRIENDLY = re.compile(fold(r"友好|友誼|姊妹|姐妹|締盟"))
_CITY_TIE = re.compile(fold(r"友好城市|友誼城市|友誼市|友好都市|姊妹|姐妹"))
# a tie the cities have already, deepened or spoken of (增進姊妹市情誼, 姊妹市關係): no new tie
_TIE_DEEPENED = re.compile(fold(r"(?:增進|深化|強化|促進|鞏固|加強)\s*(?:兩市)?\s*(?:姊妹|姐妹|友好|友誼)|(?:姊妹|姐妹)(?:市|城市)?\s*(?:情誼|關係|友誼)"))
_MEMO_WORD = re.compile(fold(r"備忘錄|意向書|MOU"), re.I)  # a memorandum, not an agreement (協定)
_LISTED = re.compile(fold(r"[、及和]|以及"))
_LISTED_ONLY = re.compile(fold(r"[\s、及和與跟暨,]*(?:以及)?[\s、及和與跟暨,]*"))
_BOTH = re.compile(fold(r"兩市|雙方|兩地|兩縣|兩城|兩國|雙城|兩鎮|雙邊"))
_TALLY = re.compile(fold(r"至今|累計|累积|已經|已|共計|總共|總計|以來|迄今|合計|共有|共簽"))


@dataclass
class _Group:
    """Agreements one sentence makes at once (a count, a list of pairs or of names)."""

    kind: str
    items: list[Agreement] = field(default_factory=list)
    specific: int = 0  # 0 bare count, 1 topics listed, 2 pairs, 3 names


# territories that govern themselves as a city or county does and sign ties as one (關島, 波多黎各): a party, a sister
_TERRITORIES = frozenset(("GU", "PR", "MP", "AS", "VI"))


def _places_in(res: Resolved, a: int, e: int) -> list[PlaceMention]:
    rec = res.recognised
    out = [m for m in rec.within(rec.places, a, e) if m.end <= e]
    lands = [PlaceMention(c.start, c.end, c.text, c.text, None, c.code, "city") for c in rec.within(rec.countries, a, e)
             if c.code in _TERRITORIES and c.end <= e]
    if lands:  # (zh, en) 「新竹市今天與美國波多黎各締結姊妹市」: the territory is the partner
        out = sorted([*out, *lands], key=lambda m: m.start)
    # a prefecture or state right before one of its cities is context, not a party (福岡縣北九州市)
    keep = []
    for i, m in enumerate(out):
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt.start == m.end and m.kind in ("prefecture", "state", "province", "county", "region") \
                and nxt.kind not in ("prefecture", "state", "province"):
            continue
        if m.kind in ("city", "county") and nxt is not None and nxt.start == m.end and nxt.kind in ("district", "township"):
            continue
        if _LOCATED.search(res.text.fold, max(0, m.start - 3), m.start) and res.text.fold.startswith(_OF_LOC, m.end):
            continue  # 「與位於紐約的某大學簽署」: where a party lies is no party
        if _DATELINE.match(res.text.fold, m.end) and re.search(r"[【\[]", res.text.fold[max(0, m.start - 12):m.start]):
            continue  # 「【九州/綜合報導】」: where the story was written is no party
        keep.append(m)
    return keep


_ANNIVERSARY = re.compile(r"[」』]?\s*(?:(?:" + fold("屆滿|滿") + r")\s*)?(\d{1,3})\s*(?:" + fold("週年|周年") + ")")
_DATELINE = re.compile(r"[^【】\[\]。，,]{0,12}(?:" + fold(r"報導|電|訊") + r")\s*[】\]]")
_LOCATED = re.compile(fold(r"(?:位於|位在|坐落於|設於)$"))
_OF_LOC = fold("的")


def _party_key(res: Resolved, m: PlaceMention | OrgMention) -> str:
    if isinstance(m, PlaceMention):
        return add_place(res, m)
    ot = m.org_type.key if m.org_type else "association"
    rec = res.recognised
    c = next((x for x in rec.within(rec.countries, m.start, m.end) if x.start == m.start), None)
    if c is not None and m.org_type is not None and m.org_type.kind in ("council", "unit", "government") \
            and any(p.start == c.end for p in rec.within(rec.places, c.end, m.end)) and m.name.startswith(c.text):
        # (zh) 「日本長野縣白馬村議會」: the country before a place's council is not part of the council's name
        name = m.name[len(c.text):]
        return organization(res, f"org-{fold(name)}", name, ot, c.code)
    return organization(res, f"org-{fold(m.name)}", m.name, ot, "")


def _decl_core(name: str) -> str:
    return re.sub(r"[\W_]+", "", fold(name)).lower()


def _main_partner(res: Resolved) -> str:
    """The city the release names most often after its home city."""
    counts: dict[str, int] = {}
    for m in res.recognised.places:
        if m.kind in ("city", "county", "district", "township"):
            k = add_place(res, m)
            if k != res.home_place:
                counts[k] = counts.get(k, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""


class AgreementFinder:
    def __init__(self, res: Resolved, events: dict[str, Event], event_at: object, posts_of: dict[str, list[str]]) -> None:
        self.res = res
        self.events = events
        self.event_at = event_at
        self.posts_of = posts_of  # person key -> organisation keys
        self.out: list[Agreement] = []
        self.groups: list[_Group] = []
        self.made_by: dict[str, int] = {}  # agreement key -> where the mention that made it ends
        self.text = res.text
        self.partner = _main_partner(res)
        self.place_names = list(dict.fromkeys(m.text for m in _places_in(res, 0, len(res.text.raw))))  # taken out of a topic
        self.offices = Ranges([o for o in res.recognised.orgs if o.org_type is not None and o.org_type.kind == "foreign-office"],
                              lambda o: o.start, lambda o: o.end)

    # ------------------------------------------------------------------ the pieces
    def status(self, a: AgreementMention, s0: int) -> str:
        """Planned when the clause says it will be (將, 預計, 盼) before the agreement, or between the agreement and
        its signing verb when the agreement is the subject (「都柏林宣言」預定於28日晚間簽署)."""
        t = self.text.fold
        b0 = max([s0] + [t.rfind(c, s0, a.start) for c in "。；;"])
        if re.search(fold(r"已(?:經)?(?:正式)?簽"), t[b0:a.start]) or _DONE_BEFORE.search(t, max(b0, a.start - 16), a.start):
            return "signed"
        if self._future(b0, a.start):
            return "planned"
        sentence = self.text.sentences[self.text.sentence_of(a.start)]
        end = clause_end(t, a.end, sentence.end, "，,。；;")
        sign = next((c for c in self.res.recognised.within(self.res.recognised.cues, a.end, end) if c.cls == "sign"), None)
        if sign is not None and self._future(a.end, sign.start):
            return "planned"
        return "signed"

    def _future(self, a: int, e: int) -> bool:
        """Whether a future word stands in ``a..e`` outside the people's titles and affiliations (「國際發展及計畫處長」
        names a post, it plans nothing)."""
        rec = self.res.recognised
        named = [(p.start, p.end) for p in rec.ranges(rec.persons).overlapping(a, e)]
        return any(not any(x <= m.start() and m.end() <= y for x, y in named) for m in _FUTURE_BEFORE.finditer(self.text.fold, a, e))

    def date(self, a: AgreementMention, s0: int, s1: int, status: str) -> dt.date | None:
        text = self.text
        rec = self.res.recognised
        days = [d for d in rec.within(rec.dates, s0, s1) if d.precision == "day"]
        if days:
            before = [d for d in days if d.start < a.start]
            d = before[-1] if before else days[0]
            ev = self.events.get(self.event_at(a.start))  # type: ignore[operator]
            if d.kind == "day" and ev is not None and ev.start is not None and ev.start.day == d.date.day:
                return ev.start  # 「會議首日(28日)」: the day of the event's month
            return d.date
        vague = [d for d in rec.within(rec.dates, s0, a.start) if d.precision in ("month", "year")]
        if status != "signed" or vague or _PAST.search(text.fold, s0, a.start):
            return None
        ev = self.event_at(a.start)  # type: ignore[operator]
        if ev and ev in self.events and self.events[ev].start is not None:
            return self.events[ev].start
        unit = text.units[text.sentences[text.sentence_of(a.start)].unit]
        prior = [d for d in rec.within(rec.dates, unit.start, a.start) if d.precision == "day"]
        if prior:
            return prior[-1].date
        if text.doc.date is not None and _SAME_DAY.search(text.fold, s0, a.start):
            return text.doc.date  # 「晚間的簽署儀式中…簽訂」: the evening of the day the story is dated
        return None

    def kind(self, a: AgreementMention, s0: int, s1: int) -> str:
        """A memorandum or agreement named for friendship (觀光友好城市交流協定), or one that makes two cities sister or
        friendship cities, is a friendship agreement."""
        name = fold(a.name) if a.name else self.text.fold[max(s0, a.start - 6):a.end]
        memo = _MEMO_WORD.search(fold(a.word)) is not None
        if a.kind == "mou" and memo and _TIE_DEEPENED.search(name):
            return "mou"  # 「深化姊妹市情誼備忘錄」: a memorandum about a tie the cities already have makes none
        if a.kind == "mou" and (_CITY_TIE.search(name) or (_FRIENDLY.search(name) and re.search(fold(r"協定|協議"), fold(a.word)))):
            return "friendship"  # 觀光友好城市交流協定, 友好交流協定; a 友好交流備忘錄 stays a memorandum
        if a.kind != "mou" or fold(a.word) not in _BARE:
            return a.kind
        t = self.text.fold
        c0 = clause_start(t, s0, a.start, "，,；;")
        first = clause_end(t, a.end, s1)
        c1 = clause_end(t, first + 1, s1) if first < s1 else s1  # the end of the clause after the agreement's
        for c in self.res.recognised.within(self.res.recognised.cues, c0, c1):
            if c.cls != "tie" or _THEMED.search(t, max(c0, c.start - 4), c.start):
                continue  # 「簽了備忘錄後成為棒球友好城市」: a tie in one field, the memorandum stays one
            if c.start > a.end and self._future(a.end, c.start):
                continue  # 「去年簽署合作備忘錄，今年將締結姊妹市」: a tie still to come, the memorandum stays one
            if c.start < a.start or _TIE_RESULT.search(t, a.end, c.start):
                return "friendship"
        return a.kind

    def candidates(self, s0: int, e: int) -> list[tuple[int, int, str]]:
        """What could be a party in ``[s0, e)``: places, organisations, and the governments of people named, in order."""
        res = self.res
        out: list[tuple[int, int, str]] = []
        rec = res.recognised
        for m in _places_in(res, s0, e):
            if any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                   for o in self.offices.overlapping(m.start, m.end)):
                continue  # 台北駐大阪經濟文化辦事處福岡分處: an office's places are not parties
            out.append((m.start, m.end, add_place(res, m)))
        t = self.text.fold
        orgs = rec.ranges(rec.orgs)
        for o in orgs.starting(s0, e):
            if not (o.end <= e and o.org_type is not None
                    and o.org_type.key in ("park", "university", "festival-organisation", "museum", "school", "research-institute",
                                                       "agency", "council")):
                continue
            # an organisation is a party only when 與 pairs it with another: 臺北市立大學與復旦大學, 內湖科技園區與張江高科技園區
            paired = _PAIRED.match(t, o.end) or any(_PAIRED.match(t, x.end) for x in orgs.ending(o.start - 41, o.start))
            if paired:
                out.append((o.start, o.end, _party_key(res, o)))
        for pm, key in res.linked_in(res.person_of, s0, e):
            if pm.end <= e:
                for org in self.posts_of.get(key, []):
                    holder = res.organizations.get(org)
                    if holder is not None and holder.place and holder.org_type in ("city-government", "local-government"):
                        out.append((pm.start, pm.end, holder.place))
                        break
        out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        kept: list[tuple[int, int, str]] = []
        for c in out:
            if kept and c[0] < kept[-1][1]:
                if c[1] - c[0] > kept[-1][1] - kept[-1][0] and c[2] != kept[-1][2] and c[0] == kept[-1][0]:
                    kept[-1] = c  # an organisation wins over the place its name opens with
                continue
            kept.append(c)
        return kept

    def _topic(self, c: tuple[int, int, str], a: AgreementMention, signed: int | None) -> bool:
        """Whether a candidate organisation is the agreement's topic (簽署動物園合作備忘錄, 科技園區交流合作備忘錄):
        it stands between the signing verb and the agreement word, or right before the word when no verb is told."""
        if c[2] in self.res.places:
            return False
        if signed is not None and signed <= a.start:
            return c[0] >= signed
        return a.start - c[1] <= 6 and not re.search(r"[與和及、，,；;]", self.text.fold[c[1]:a.start])

    def _pair(self, cands: list[tuple[int, int, str]], lo: int, hi: int) -> list[str]:
        """「X與Y」 within ``lo..hi``: both sides, when each is a candidate."""
        t = self.text.fold
        for m in _CONJ.finditer(t, lo, hi):
            before = [c for c in cands if c[1] <= m.start() and not _CLAUSE_BREAK.search(t, c[1], m.start())]
            after = [c for c in cands if m.end() <= c[0] < hi]
            if before and after and before[-1][2] != after[0][2]:
                return [before[-1][2], after[0][2]]
        return []

    def _named_bodies(self, k: int, e: int) -> list[str]:
        """The two bodies a quoted name opens with, joined by 與/和/及/暨 (「甲動物園與乙動物園…備忘錄」), else []."""
        rec = self.res.recognised
        orgs = sorted(rec.within(rec.orgs, k, e), key=lambda m: m.start)
        if len(orgs) < 2 or orgs[0].start != k or not _BODY_JOIN.fullmatch(self.text.fold, orgs[0].end, orgs[1].start):
            return []
        if orgs[0].org_type is None or orgs[0].org_type.kind in ("government", "council"):
            return []  # a city government or council signs for its city: the places, read as before
        keys = [_party_key(self.res, m) for m in orgs[:2]]
        return keys if keys[0] != keys[1] else []

    def parties(self, a: AgreementMention, s0: int, s1: int) -> list[str]:
        res = self.res
        t = self.text.fold
        if a.name:
            k = self.text.raw.rfind(a.name, s0, a.end)
            inner = _places_in(res, k, k + len(a.name)) if k >= 0 else []
            heads = self._named_bodies(k, k + len(a.name)) if k >= 0 else []
            if heads:
                return heads  # 「甲市立動物園與乙動物園保育合作備忘錄」: the two bodies its name opens with sign it
            if len(inner) >= 2:
                # 「A局與B局也簽署「X馬拉松與Y馬拉松友好交流備忘錄」」: the bureaus that sign, not the places the name holds
                return self._signing_orgs(a, s0) or list(dict.fromkeys(add_place(res, m) for m in inner))
        if a.kind == "declaration":
            out = [c[2] for c in self.candidates(s0, s1)]
            out = list(dict.fromkeys(out))
            if res.home_place and res.home_place not in out:
                out.insert(0, res.home_place)
            return out
        sign = [c for c in res.recognised.within(res.recognised.cues, s0, a.start) if c.cls == "sign"]
        limit = sign[-1].start if sign else a.start
        cands = [c for c in self.candidates(s0, a.start) if not self._topic(c, a, sign[-1].end if sign else None)]
        c_start = clause_start(t, s0, limit, "，,；;")
        said = list(_THREE.finditer(t, s0, limit))
        if said and not any(c[0] >= said[-1].end() for c in cands):
            # 「三方因農業交流相識，前年簽署備忘錄」: the three the page made an agreement between (no place named since)
            three = [ag for ag in self.out if ag.kind != "declaration" and len(ag.parties) == 3]
            if three:
                return list(three[-1].parties)
        both = _BOTH.search(t, c_start, limit)
        if both and res.home_place:
            # 「雙方並簽署」「兩市共同簽署」: the home city and the city named last before (「兩縣」: the county or prefecture)
            county = both.group() == fold("兩縣")
            kinds = ("county", "prefecture", "province", "state") if county else ("city", "district")
            others = [c[2] for c in cands if c[2] != res.home_place and res.places.get(c[2]) is not None
                      and res.places[c[2]].kind in kinds]
            partner = others[-1] if others else (self._most_named(kinds) if county else self.partner)
            if partner and t.startswith(fold("議會"), both.end()) and partner in res.places and res.home_place in res.places:
                return [self._council(res.home_place), self._council(partner)]  # 「兩縣議會簽下交流備忘錄」: the councils
            if partner:
                return [res.home_place, partner]
        # several agreements in one sentence, each after its partner: 「…大邱市…友好協議及…拉利普爾市…備忘錄」
        prior = [m for m in res.recognised.within(res.recognised.agreements, s0, a.start) if m.end <= a.start and m is not a]
        if prior and a.kind != "declaration":
            window = [c for c in cands if c[0] >= prior[-1].end and c[2] != res.home_place]
            pair = self._pair(window, prior[-1].end, limit if limit > prior[-1].end else a.start)
            if pair:
                return pair  # 「…；台北市立動物園也與布拉格動物園簽署動物園合作備忘錄」
            if window:
                return list(dict.fromkeys([res.home_place, window[-1][2]] if res.home_place else [window[-1][2]]))
            made = [ag for ag in self.out if ag.span.start == self.text.span(s0, s1).start and len(ag.parties) >= 2]
            if made:
                return list(made[-1].parties)  # 「簽署新一期合作備忘錄，同時簽訂「災害應變國際合作協定」」: the same parties
        later = [m for m in res.recognised.within(res.recognised.agreements, a.end, s1) if m is not a]
        if later and a.kind != "declaration" and _LISTED.match(re.sub(r"^[\s)）MOU]*", "", t[a.end:later[0].start])):
            head = [c for c in cands if c[2] != res.home_place]
            last_clause = clause_start(t, s0, a.start, "、，,；;")
            near = [c for c in head if c[0] >= last_clause]
            if near:
                return list(dict.fromkeys([res.home_place, near[-1][2]] if res.home_place else [near[-1][2]]))
        # 「X與Y…簽署」: the partners after the last 與 before the signing, the other side before it
        for m in reversed(list(_CONJ.finditer(t, s0, limit))):
            after = [c for c in cands if m.end() <= c[0] < limit]
            if not after:
                continue
            before = [c for c in cands if c[1] <= m.start()]
            partners = [c[2] for c in after]
            other = before[-1][2] if before and not _CLAUSE_BREAK.search(t, before[-1][1], m.start()) else (
                before[0][2] if before else res.home_place)
            acronym = _ACRONYM.search(self.text.raw, clause_start(t, s0, m.start(), "，,；;"), m.start())
            if acronym and (not before or _CLAUSE_BREAK.search(t, before[-1][1], m.start())) \
                    and acronym.group(1).upper() not in ("MOU", "LOI", "MOA"):
                # 「ABCA與靜岡縣在2016年簽署觀光備忘錄」: a body named by its Latin initials is the other side
                other = organization(res, f"org-{acronym.group(1).lower()}", acronym.group(1), "association", "")
            out = list(dict.fromkeys([other, *partners] if other else partners))
            if len(out) >= 2:
                return out
        out = list(dict.fromkeys(c[2] for c in cands))
        if res.home_place and res.home_place not in out and len(out) <= 1:
            out.insert(0, res.home_place)
        if len(out) == 1 and _BOTH.search(t, s0, a.start) and self.partner and self.partner not in out:
            out.append(self.partner)  # 「兩市隨後簽署…」: the release's other city
        away = [c for c in cands if c[2] != res.home_place]
        if len(out) > 2 and res.home_place in out and len({c[2] for c in away}) >= 2 \
                and not _LISTED_ONLY.fullmatch(t, away[-2][1], away[-1][0]):
            # 「除拜會甲省，還前往乙市，與乙市副市長簽署備忘錄」: places told in clauses apart, not listed as parties
            return [res.home_place, away[-1][2]]
        if len(out) > 3:
            home = [res.home_place] if res.home_place in out else []
            out = home + [p for p in out if p != res.home_place][-2:]
        return out

    def _most_named(self, kinds: tuple[str, ...]) -> str:
        """The place of one of ``kinds`` the release names most often, the home place aside."""
        counts: dict[str, int] = {}
        for m in self.res.recognised.places:
            if m.kind in kinds:
                k = add_place(self.res, m)
                if k != self.res.home_place:
                    counts[k] = counts.get(k, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else ""

    def _council(self, place: str) -> str:
        """The council of a place (屏東縣 → 屏東縣議會)."""
        p = self.res.places[place]
        name = f"{p.name_zh}議會" if p.name_zh else f"{p.name_en} Council"
        return organization(self.res, f"org-{fold(name)}", name, "council", p.country, place=place)

    def _new_partner(self, a: AgreementMention, s0: int) -> bool:
        """Whether a place not yet a party of this sentence's agreements is named since the agreement word before
        ``a`` (「…簽署備忘錄；…高雄與秋田縣仙北市…並於2019年簽署合作備忘錄」: another partner, another agreement)."""
        prior = [m for m in self.res.recognised.within(self.res.recognised.agreements, s0, a.start) if m.end <= a.start]
        if not prior:
            return False
        here = self.text.span(s0, a.end).start
        told = {p for ag in self.out if ag.span.start == here for p in ag.parties}
        keys = {add_place(self.res, m) for m in _places_in(self.res, prior[-1].end, a.start)}
        return bool(keys - told - {self.res.home_place})

    def _signing_orgs(self, a: AgreementMention, s0: int) -> list[str]:
        """「A與B(也)簽署…」 where A and B are organisations (bureaus, councils, universities): the two of them."""
        sign = [c for c in self.res.recognised.within(self.res.recognised.cues, s0, a.start) if c.cls == "sign"]
        if not sign:
            return []
        t = self.text.fold
        c0 = clause_start(t, s0, sign[-1].start, "，,；;")
        orgs = [c for c in self.candidates(c0, sign[-1].start) if c[2] not in self.res.places]
        return self._pair(orgs, c0, sign[-1].start) if len(orgs) >= 2 else []

    def topic(self, a: AgreementMention, s0: int, parties_end: int) -> str:
        if a.name:
            name = a.name
            for place in sorted(self.place_names, key=len, reverse=True):  # with its 市/縣 and 政府 or 立 (臺北市立動物園)
                if place in name:  # else the pattern cannot match (and compiling it costs more than the rest)
                    name = re.sub(re.escape(place) + r"[市縣區州省]?(?:政府|立)?", "", name)
            k = _KIND_WORDS.search(fold(name))
            if k:
                name = name[:k.start()]
            name = re.sub(r"^[與和及、\s\-－—–‧·・/／]+", "", name)  # 「新竹市－浜松市科技交流備忘錄」: the dash between the parties
            # 「臺北市立動物園與上海動物園小貓熊…」: the two parties' bodies of one kind before the topic
            return _tidy_topic(re.sub(r"^(\w{1,6})[與和及]\1", "", name) or name)
        # the topic stands in the agreement word's own clause: 「…指出，今天MOU的簽署」 has none
        a0 = max(s0, parties_end, clause_start(self.text.fold, s0, a.start, "，,；;：:"))
        stretch = self.text.raw[a0:a.end]
        cut = _TOPIC_CUT.match(self.text.fold, a0, a.end)
        if cut:
            stretch = self.text.raw[cut.end():a.end]
        while base := _BASE_KIND.search(fold(stretch)):  # 「合作備忘錄 MOU」: every kind word at the end
            stretch = stretch[:base.start()]
        stretch = stretch.strip(" ，、「」")
        return "" if _WHEN_ONLY.fullmatch(fold(stretch)) else _tidy_topic(stretch)

    # ------------------------------------------------------------------ the pass
    def pairs(self, a: AgreementMention, s0: int) -> list[tuple[str, str]]:
        """「A與B、C與D…分別簽署」: the pairs, as party keys."""
        t = self.text.fold
        sep = _SEPARATELY.search(t, s0, a.start)
        if not sep:
            return []
        end = sep.start()
        while end > s0 and t[end - 1] in "，, ":
            end -= 1
        c0 = clause_start(t, s0, end, "，,：:")
        stretch_start = c0
        out = []
        res = self.res
        mentions: list[PlaceMention | OrgMention] = sorted(
            [m for m in res.recognised.within(res.recognised.orgs, stretch_start, end) if m.end <= end]
            + [m for m in _places_in(res, stretch_start, end)], key=lambda m: (m.start, -(m.end - m.start)))
        # an organisation wins over the places inside it
        chosen: list[PlaceMention | OrgMention] = []
        for m in mentions:
            if chosen and m.start < chosen[-1].end:
                continue
            chosen.append(m)
        pieces = [p for p in _PAIR_SEP.split(t[stretch_start:end]) if p.strip()]
        pos = stretch_start
        for piece in pieces:
            i = t.find(piece, pos)
            j = i + len(piece)
            pos = j
            inside = [m for m in chosen if i <= m.start and m.end <= j]
            conj = _CONJ.search(t, i, j)
            before = [m for m in inside if conj is not None and m.end <= conj.start()]
            after = [m for m in inside if conj is not None and m.start >= conj.end()]
            if before and after:
                # 「台北市松山區與上海市長寧區」: the last place named on each side of 與, whatever the other side names
                out.append((_party_key(res, before[-1]), _party_key(res, after[-1])))
            elif len(inside) >= 2:
                out.append((_party_key(res, inside[-2]), _party_key(res, inside[-1])))
        return out

    def run(self) -> list[Agreement]:
        res = self.res
        text = self.text
        cues = res.recognised.cues
        title = [s for s in text.sentences if text.units[s.unit].kind in ("title", "subtitle")]
        body = [s for s in text.sentences if text.units[s.unit].kind not in ("title", "subtitle")]
        for s in body + title:
            mentions = res.recognised.within(res.recognised.agreements, s.start, s.end)
            if not mentions:
                continue
            if s in title and any(ag.kind == a.kind for ag in self.out for a in mentions):
                continue  # the headline tells again what the body says
            signing = [c for c in res.recognised.within(cues, s.start, s.end) if c.cls in ("sign", "tie", "witness")]
            for a in mentions:
                if not a.name and not signing:
                    continue
                if not a.name and text.units[s.unit].kind == "list-item":
                    continue  # 「三、承諾…巴黎氣候協定中…的目標」: a commitment's words, not an agreement of the release
                if not a.name and a.count == 1 and fold(a.word) in _BARE and _REFERS.search(text.fold, max(s.start, a.start - 4), a.start):
                    continue
                if text.units[s.unit].kind == "title" and a.count > 1:
                    continue  # a headline's count is told again in the body
                self.one(a, s.start, s.end)
        self.declaration_names()
        self.commitments()
        return [ag for ag in self.out if len(ag.parties) >= (1 if ag.kind == "declaration" else 2)]

    def declaration_names(self) -> None:
        """A heading that names the release's one declaration (Taipei Declaration on Smart Cities) gives it that name."""
        decls = [a for a in self.out if a.kind == "declaration"]
        if len(decls) != 1:
            return
        for m in _EN_DECLARATION.finditer(self.text.raw):
            name = m.group().strip()
            if ("en", name) not in decls[0].names:
                decls[0].names.append(("en", name))

    def one(self, a: AgreementMention, s0: int, s1: int) -> None:
        res = self.res
        if not a.name and a.count == 1 and fold(a.word) in _BARE and any(ag.span.start == self.text.span(s0, s1).start for ag in self.out) \
                and self._bare(a, s0) and not self._new_partner(a, s0):
            return  # a second bare mention in one sentence tells again of what it signed
        status = self.status(a, s0)
        kind = self.kind(a, s0, s1)
        date = self.date(a, s0, s1, status)
        event = self.event_at(a.start)  # type: ignore[operator]
        span = self.text.span(s0, s1)
        pairs = self.pairs(a, s0) if a.count > 1 or _SEPARATELY.search(self.text.fold, s0, a.start) else []
        if pairs:
            group = _Group(kind, specific=2)
            for x, y in pairs:
                group.items.append(self._new(kind, status, [x, y], span, date, "", a, event))
            self._group(group)
            return
        parties = self.parties(a, s0, s1)
        if a.count > 1 and (a.count > 12 or _TALLY.search(self.text.fold, max(s0, a.start - 30), a.start)):
            return  # 「兩市已經簽署19項合作備忘錄」: a tally, not agreements of this release
        if a.count > 1:
            group = _Group(kind, specific=1 if a.items else 0)
            for n in range(a.count):
                topic = self.text.raw[a.items[n][0]:a.items[n][1]] if n < len(a.items) else ""
                group.items.append(self._new(kind, status, parties, span, date, topic, a, event, n))
            self._group(group)
            return
        if a.name and self._named_list(a, kind, status, parties, span, date, event):
            return
        topic = self.topic(a, s0, max((m.end for m in _places_in(res, s0, a.start)), default=s0))
        if kind != "declaration" and status == "signed" and self._anniversary(a, s0, kind, parties, span, topic, event):
            return
        existing = self._declaration(a) if kind == "declaration" else self._same(kind, parties, topic, date, status)
        if existing is None and not a.name and fold(a.word) in _BARE and (not topic or self._bare(a, s0)):
            # 「雙方簽署協定後」 after 「締結姊妹市」: the word tells again of an agreement made; 觀光旅遊合作備忘錄 is one more
            # (not one of another kind a sentence places before: 「三方…前年簽署備忘錄」 after today's 友好交流協定)
            past = _PAST.search(self.text.fold, s0, a.start) is not None
            existing = next((ag for ag in self.out if set(ag.parties) == set(parties) and ag.status == status
                             and (ag.kind == kind or not past)), None)
        if a.name and kind != "declaration":
            # the agreement of that name, made before, over one the name would otherwise be given to
            existing = next((ag for ag in self.out if ("zh-Hant", a.name) in ag.names and ag.kind == kind
                             and set(ag.parties) == set(parties)), existing)
        if existing is not None and a.name and not existing.names and existing.span.start == span.start \
                and _ANOTHER.match(self.text.fold, self.made_by.get(existing.key, a.start), a.start):
            existing = None  # 「簽署新一期合作備忘錄及「災害應變國際合作協定」」: a named agreement besides the one before it
        if existing is not None and kind == "declaration":
            existing.parties.extend(p for p in parties if p not in existing.parties)
        if existing is not None:
            if a.name and ("zh-Hant", a.name) not in existing.names:
                existing.names.append(("zh-Hant", a.name))
            if status == "signed" and existing.status != "signed" and not _PAST.search(self.text.fold, s0, a.start):
                existing.status, existing.span = "signed", span
            if date and existing.date is None:
                existing.date = date
            return
        self.out.append(self._new(kind, status, parties, span, date, topic, a, event))
        self.made_by[self.out[-1].key] = a.end

    def _anniversary(self, a: AgreementMention, s0: int, kind: str, parties: list[str], span: Span, topic: str, event: str) -> bool:
        """「今年適逢兩市締結友好協定15週年」: the agreement made that many years before the year told (or the page's),
        another one than an agreement the page tells made now."""
        m = _ANNIVERSARY.match(self.text.fold, a.end)
        if m is None:
            return False
        told = [d for d in self.res.recognised.within(self.res.recognised.dates, s0, a.start) if d.precision in ("month", "year", "day")]
        now = told[-1].date.year if told else (self.text.doc.date.year if self.text.doc.date else 0)
        n = int(m.group(1)) if m.group(1).isdigit() else 0
        if not now or not 0 < n < 200:
            return False
        year = now - n
        if any(ag.kind == kind and set(ag.parties) == set(parties) and ag.year == year for ag in self.out):
            return True
        ag = self._new(kind, "signed", parties, span, None, topic, a, event)
        self.out.append(replace(ag, key=f"{kind}-{'-'.join(sorted(parties)) or 'x'}-{year}-{fold(topic)[:20] or 'made'}", year=year))
        return True

    def _named_list(self, a: AgreementMention, kind: str, status: str, parties: list[str], span: Span, date: dt.date | None,
                    event: str) -> bool:
        """「3項備忘錄分別為「A」、「B」及「C」」: names for a group made before, in order."""
        sent = self.text.sentences[self.text.sentence_of(a.start)]
        s0 = sent.start
        named = [m for m in self.res.recognised.within(self.res.recognised.agreements, s0, sent.end) if m.name and m.kind == a.kind]
        if len(named) < 2 or named[0] is not a:
            return a in named[1:] and len(named) >= 2
        group = _Group(kind, specific=3)
        for m in named:
            k = self.text.raw.rfind(m.name, s0, m.end)
            inner = _places_in(self.res, k, k + len(m.name)) if k >= 0 else []
            ps = (self._named_bodies(k, k + len(m.name)) if k >= 0 else []) or self._signing_orgs(m, s0) or (
                list(dict.fromkeys(add_place(self.res, p) for p in inner)) if len(inner) >= 2 else list(parties))
            ag = self._new(kind, status, ps, span, date, self.topic(m, s0, s0), m, event)
            group.items.append(ag)
        self._group(group)
        return True

    def _group(self, group: _Group) -> None:
        """A later, more specific group of as many agreements replaces an earlier one (keeping its date)."""
        for old in self.groups:
            if old.kind == group.kind and len(old.items) == len(group.items):
                if group.specific >= old.specific:
                    for new, prev in zip(group.items, old.items, strict=True):
                        new.date = new.date or prev.date
                        if not new.topic:
                            new.topic = prev.topic
                        if prev.status == "signed":
                            new.status = "signed"
                    for prev in old.items:
                        if prev in self.out:
                            self.out.remove(prev)
                    self.groups.remove(old)
                    break
                return
        self.groups.append(group)
        self.out.extend(group.items)

    def _bare(self, a: AgreementMention, s0: int) -> bool:
        """Whether an agreement word stands with no topic of its own (「第一次簽訂合作備忘錄」, 「這份備忘錄」)."""
        t = self.text.fold
        c0 = clause_start(t, s0, a.start, "，,；;、")
        before = t[c0:a.start].rstrip()
        # 「兩市這份歷史性協議」: praise is no topic
        return not before or bool(re.search(fold(r"(?:簽署|簽訂|簽定|締結|簽|這份|該份|此份|這項|該項|的|了|歷史性|里程碑|重要)$"), before))

    def _declaration(self, a: AgreementMention) -> Agreement | None:
        """The declaration a mention names: the one whose name shares its words (智慧城市、臺北宣言 = 智慧城市 臺北宣言),
        else the last one named before it."""
        decls = [ag for ag in self.out if ag.kind == "declaration"]
        if not decls:
            return None
        if a.name:
            core = _decl_core(a.name)
            for d in decls:
                if not d.names or any(_decl_core(n) == core or core in _decl_core(n) or _decl_core(n) in core for _, n in d.names):
                    return d
            return None
        return decls[-1]

    def _same(self, kind: str, parties: list[str], topic: str, date: dt.date | None = None, status: str = "") -> Agreement | None:
        for ag in self.out:
            if ag.kind != kind or set(ag.parties) != set(parties) or any(ag in g.items for g in self.groups):
                continue
            if status and ag.status != status:
                continue
            if not topic or not ag.topic or ag.topic == topic:
                return ag
            if fold(topic) not in fold(ag.topic) and fold(ag.topic) not in fold(topic):
                continue  # (s9-dedup) 觀光合作備忘錄 and 教育合作備忘錄: two subjects, two memoranda, dated or not
            if (date and ag.date == date) or (date is None) != (ag.date is None):
                return ag
        return None

    def _new(self, kind: str, status: str, parties: list[str], span: Span, date: dt.date | None, topic: str,
             a: AgreementMention, event: str, n: int = 0) -> Agreement:
        base = "-".join(sorted(parties)) or "x"
        ev = self.events.get(event)
        s = self.text.sentences[self.text.sentence_of(a.start)]
        told = [d for d in self.res.recognised.within(self.res.recognised.dates, s.start, a.start) if d.precision in ("month", "year")]
        year = date.year if date else told[-1].date.year if told else (
            self.text.doc.date.year if self.text.doc.date else (ev.year if ev and ev.year else 0))
        key = f"{kind}-{base}-{year}-{fold(topic)[:20] or fold(a.name)[:20] or n}"
        names = [("zh-Hant", a.name)] if a.name else []
        return Agreement(key, kind, status, list(parties), span, date if status == "signed" or date else None, topic, names, event,
                         year=year)  # the year: relate.retold merges only agreements of one

    # ------------------------------------------------------------------ declarations
    def commitments(self) -> None:
        """Numbered lists introduced by a declaration become its commitments, merged by position."""
        decls = [a for a in self.out if a.kind == "declaration"]
        if not decls:
            return
        text = self.text
        decl = decls[0]
        by_pos: dict[int, dict[str, tuple[str, Span]]] = {}
        intro = False
        for u in text.units:
            if u.kind != "list-item":
                intro = bool(_LIST_INTRO.search(text.fold[u.start:u.end])) or (intro and u.kind == "heading")
                continue
            if not intro or u.number is None:
                continue
            body = re.sub(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]+)\s*[.、)）]\s*", "", text.raw[u.start:u.end]).strip()
            start = text.raw.find(body, u.start)
            lang = "zh-Hant" if re.search(r"[\u3400-\u9fff]", body) else "en"
            slot = by_pos.setdefault(u.number, {})
            if lang not in slot:
                slot[lang] = (body, text.span(start, start + len(body)))
        decl.commitments = [
            Commitment(pos, tuple((lang, t) for lang, (t, _) in sorted(slot.items())), tuple(s for _, (_, s) in sorted(slot.items())))
            for pos, slot in sorted(by_pos.items())
        ]


def find_agreements(res: Resolved, events: dict[str, Event], event_at: object, posts_of: dict[str, list[str]]) -> list[Agreement]:
    finder = AgreementFinder(res, events, event_at, posts_of)
    found = [one for ag in finder.run() for one in _split_by_country(res, ag)]
    for ag in _tie_agreements(res, finder):
        twin = next((o for o in found if o.kind == ag.kind and set(o.parties) == set(ag.parties)), None)
        if twin is None:
            found.append(ag)
        elif twin.date is None and ag.date is not None and twin.status == ag.status == "signed" \
                and (twin.year in (None, 0) or twin.year == ag.date.year):
            twin.date = ag.date  # 「6月9日…兩鎮並簽盟為姊妹城鎮」 then 「…簽下姊妹市盟約」: the day the tie told gives
    return found


def _split_by_country(res: Resolved, ag: Agreement) -> list[Agreement]:
    """「屏東縣與美國奧斯汀市、日本大分縣及韓國濟州市簽署友好城市協定」: a friendship-city agreement ties two places;
    partners listed together from several countries each have their own with the one home place."""
    if ag.kind != "friendship" or len(ag.parties) < 3 or any(p not in res.places for p in ag.parties):
        return [ag]
    home = res.home_country or "TW"
    side = [p for p in ag.parties if res.places[p].country == home]
    others = [p for p in ag.parties if res.places[p].country != home]
    if len(side) != 1 or len(others) < 2 or len({res.places[p].country for p in others}) < 2:
        return [ag]
    return [replace(ag, key=f"{ag.key}-{n}", parties=[side[0], p]) for n, p in enumerate(others)]


_FRIEND_TIE = re.compile(fold(r"友好城市|友誼城市|友誼市|友好都市|友城|姊妹市|姐妹市|姊妹城市|姐妹城市|姊妹城鎮|姐妹城鎮"))
_TIE_VERB = re.compile(fold(r"締結|締盟|簽盟|結為|結成|成為|建立"))
# a tie made on the day told (「今日…結為姊妹市」「兩鎮今日簽盟為姊妹城鎮」), not one made long ago
_NOW = re.compile(fold(r"今日|今天|今\s*[（(]|昨日|昨天|本日|當天|當日|正式"))
_LONG_AGO = re.compile(fold(r"以來|週年|周年|年來|多年"))
_THAT_CITY = re.compile(fold(r"(?:該|此|這)(?:市|縣|州|城)\s*(?:也|亦|更|則|將|希望|盼望|期盼|盼)?\s*$"))
_AIM = re.compile(fold(r"目標|邁進|未來|盼|希望|期盼|期待|奠定|基礎|有望|可望|可能|預計|預定|計畫|計劃|規劃|準備|洽談|研議|將|朝"))
_AFTER_TIE = re.compile(fold(r"隨著|在"))  # 「隨著締結為姊妹市後」「在締結姊妹市後」: after the tie, made


_NO_TOPIC = re.compile(fold(r"(?:締結|簽署|簽訂|三方|雙方|兩市|城市|國際|相關|正式|新|一般)*(?:交流|合作|友好|友誼|姊妹|姐妹|城市|市|都市|"
                            r"關係|締盟|締結)*"))


def _tidy_topic(topic: str) -> str:
    """No topic where only the agreement's kind is left (「姊妹市」 of 姊妹市協定, 「締結」, 「合作」 of 合作備忘錄); the
    parties' count before a topic goes (「三方友好交流」 → 友好交流)."""
    topic = topic.strip(" ，、「」")
    if _NO_TOPIC.fullmatch(fold(topic)):
        return ""
    return re.sub(r"^(?:三方|雙方|兩市|締結|簽署|簽訂)+", "", topic)


def _own_district(res: Resolved, side: str, p: str) -> bool:
    """Whether ``p`` is a district or township of the same country as the city ``side`` (「在新竹湖口鄉設有工廠…，
    此次締結友誼市」): a city does not tie with a district at home, the tie is with a foreign city met before."""
    a, b = res.places.get(side), res.places.get(p)
    return a is not None and b is not None and a.kind == "city" and b.kind in ("district", "township") \
        and bool(a.country) and a.country == b.country


def _separate_pairs(res: Resolved, a: int, e: int) -> list[tuple[str, str]]:
    """「A、B分別與C、D」 before a tie word in ``[a, e)``: (A, C), (B, D); a place that only says where the next lies
    (新竹縣|竹北市, 岐阜縣|高山市) is no item of either list."""
    t = res.text.fold
    sep = _SEPARATELY.search(t, a, e)
    conj = _CONJ.match(t, sep.end()) if sep else None
    if sep is None or conj is None:
        return []

    def items(x: int, y: int) -> list[PlaceMention]:
        found = _places_in(res, x, y)
        starts = {p.start for p in found}
        return [p for p in found if p.end not in starts]

    left, right = items(a, sep.start()), items(conj.end(), e)
    if len(left) != len(right) or len(left) < 2:
        return []
    return [(add_place(res, x), add_place(res, y)) for x, y in zip(left, right, strict=True)]


def _tie_agreements(res: Resolved, finder: AgreementFinder) -> list[Agreement]:
    """Friendship-city ties a text tells without an agreement word (「與香川縣高松市、熊本縣八代市締結友好城市」) are
    friendship agreements; a sister-city tie that is only an aim (「以推動兩市締結姐妹市為目標」) is a planned one."""
    text = res.text
    t = text.fold
    out: list[Agreement] = []
    for m in _FRIEND_TIE.finditer(t):
        s = text.sentences[text.sentence_of(m.start())]
        if text.units[s.unit].kind in ("title", "subtitle"):
            continue
        a = clause_start(t, s.start, m.start(), "，。；;,")
        b = clause_end(t, m.end(), s.end, "，。；;,")
        if res.recognised.ranges(res.recognised.agreements).overlapping(a, b):
            continue  # an agreement word in the clause: the agreement finder has it
        if _THEMED.search(t, max(a, m.start() - 4), m.start()):
            continue  # 「成為棒球友好城市」: a tie in one field, told of an agreement the text names
        pairs = _separate_pairs(res, a, m.start())
        if pairs:
            # 「竹北市、新埔鎮分別與日本高山市、下呂市為友好城市」: the two lists, pairwise
            for x, y in pairs:
                out.append(Agreement(f"friendship-{'-'.join(sorted((x, y)))}-tie", "friendship", "signed", [x, y],
                                     text.span(a, b), None, "", [], ""))
            continue
        sister = "姊" in text.raw[m.start():m.end()] or "姐" in text.raw[m.start():m.end()]
        verb = _TIE_VERB.search(t, max(a, m.start() - 8), m.start())
        aim = verb is not None and (bool(_AIM.search(t, a, m.start())) or bool(re.search(fold(r"目標|邁進|基礎"), t[m.end():b])))
        if aim and (re.match(fold(r"\s*以來"), t[m.end():b]) or _PAST.search(t, a, m.start())):
            aim = False  # 「兩市自1979年締結姊妹市以來的深厚基礎」: a tie made long ago, the ground it laid
        done = verb is not None and _AFTER_TIE.search(t, a, verb.start()) is not None \
            and re.match(fold(r"[」』\"]?\s*(?:之)?後"), t[m.end():b]) is not None
        if done:
            aim = False  # 「期待隨著締結為姊妹市後，雙方…」: what is hoped for follows a tie the text says is made
        now = sister and verb is not None and not aim and not done and _made_now(res, a, s.start, m.start(), b)
        if sister and not aim and not done and not now:
            continue  # a sister-city tie told as background is a tie, not an agreement
        named_after = [p for p in _places_in(res, m.end(), b) if p.start - m.end() <= 2]
        if not named_after and re.match(r"\s*[（(]", t[m.end():b]):
            # 「已與2個城市締結友好城市(長野縣松本市、岡山縣倉敷市)」: the partners listed in brackets
            close = min((i for i in (t.find(")", m.end(), b), t.find("）", m.end(), b)) if i >= 0), default=-1)
            named_after = _list_places(res, m.end(), close) if close > 0 else []
        if not aim and not verb and not named_after:
            continue
        cands = [c for c in finder.candidates(s.start, m.start()) if c[2]]
        conj = list(_CONJ.finditer(t, s.start, m.start()))
        partners: list[str] = []
        side = res.home_place
        listed = bool(named_after) and t[m.end():m.end() + 1] in "(（"
        if conj and not listed:
            c = conj[-1]
            partners = [x[2] for x in cands if x[0] >= c.end()]
            before = [x[2] for x in cands if x[1] <= c.start()]
            side = before[-1] if before and not _CLAUSE_BREAK.search(t, [x for x in cands if x[1] <= c.start()][-1][1], c.start()) else side
            if _THAT_CITY.search(t, a, c.start()):  # 「與A市長會面時，得知該市盼與台南市結為姊妹市」: the city named before
                named = [add_place(res, p) for p in _places_in(res, s.start, a)]
                side = next((k for k in reversed(named) if k not in partners and k != res.home_place), side)
        elif named_after:
            partners = [add_place(res, p) for p in (named_after if listed else named_after[:1])]
            owner = [x[2] for x in cands if x[2] not in partners]
            side = owner[-1] if owner else side
        elif aim or done or re.search(fold(r"兩市|兩城|雙方|兩地"), t[a:m.start()]):  # 「兩市自2011年締結友誼市以來」: the city met
            partners = [x[2] for x in cands if x[2] != res.home_place][-1:] or ([finder.partner] if finder.partner else [])
        if now and not partners and _BOTH.search(t, a, m.start()):  # 「…市長到場迎接，兩鎮今日簽盟為姊妹城鎮」: the city met
            side = res.home_place
            partners = [x[2] for x in cands if x[2] != side][-1:] or ([finder.partner] if finder.partner else [])
        partners = [p for p in dict.fromkeys(partners) if p != side and not _own_district(res, side, p)]
        if not side or not partners:
            continue
        status = "planned" if aim else "signed"
        day = _tie_day(res, s.start, m.start(), a) if now else None
        for p in partners:
            span = text.span(a, b)
            key = f"friendship-{'-'.join(sorted((side, p)))}-tie"
            out.append(Agreement(key, "friendship", status, [side, p], span, day, "", [], "",
                                 year=day.year if day else None))
    return out


def _made_now(res: Resolved, a: int, s0: int, m: int, b: int) -> bool:
    """Whether the sister tie whose word starts at ``m`` is made on the day the text tells (「今日以視訊與某市結為
    姊妹市」「兩鎮今日簽盟為姊妹城鎮」): a word of today or 正式 in its clause, or a day's date in its sentence, and
    nothing that places it long ago (「自1990年締盟以來」「締結姊妹市20週年」)."""
    t = res.text.fold
    if _PAST.search(t, a, m) or _LONG_AGO.search(t, m, b) or re.search(fold(r"自|從"), t[a:m]) \
            or re.search(fold(r"已\s*\d+\s*年|已經"), t[m:b]):  # 「結為姊妹市已25年」
        return False
    rec = res.recognised
    return bool(_NOW.search(t, a, m)) or any(d.precision == "day" for d in rec.within(rec.dates, s0, m))


def _tie_day(res: Resolved, s0: int, m: int, a: int) -> dt.date | None:
    """The day a tie made now was made: the last day's date before its word in the sentence, else the page's date
    where the clause says today (今日, 今天)."""
    rec = res.recognised
    days = [d for d in rec.within(rec.dates, s0, m) if d.precision == "day"]
    if days:
        return days[-1].date
    if res.text.doc.date is not None and re.search(fold(r"今日|今天|今\s*[（(]|本日"), res.text.fold[a:m]):
        return res.text.doc.date
    unit = res.text.units[res.text.sentences[res.text.sentence_of(m)].unit]
    prior = [d for d in rec.within(rec.dates, unit.start, s0) if d.precision == "day"]
    return prior[-1].date if prior else None


# ----------------------------------------------------------------------------- sister cities

_PROPOSED = re.compile(fold(r"提議|建議|倡議|提出|邀請"))  # 「謝謝議長建議兩市結為姊妹市」: a tie proposed, not made
_SISTER = re.compile(fold(r"姊妹市|姐妹市|姊妹城市|姐妹城市|姊妹城鎮|姐妹城鎮|姊妹縣|姐妹縣|姊妹州|姊妹町|姐妹町|姊妹鎮|姐妹鎮"
                           r"|[Ss]ister[ -][Cc]it(?:y|ies)|[Tt]win(?:ned)? [Cc]it"))
_OF = re.compile(fold(r"的$|之$"))
# 「有A及B2個姊妹市」: places a subject has, counted before the tie word
_HAS_COUNTED = re.compile(fold(r"(?<![沒没])有[^，,。；;]{2,40}?(?:等)?\s*(?:\d+|[一二兩三四五六七八九十]+)\s*(?:個|座)\s*$"))
_CLAUSE_MARKS = "，。；;,"


def _list_places(res: Resolved, a: int, e: int) -> list[PlaceMention]:
    """The places of a list, without a state or prefecture that only says where the next one lies (德州|奧斯汀市); one that
    stands alone in the list (「奧斯汀市、日本大分縣及濟州市」) is a partner itself."""
    found = _places_in(res, a, e)
    starts = {p.start for p in found}
    t = res.text.fold
    return [p for p in found if p.kind not in ("state", "province", "prefecture", "region")
            or (p.kind == "prefecture" and p.end not in starts and p.end < e and t[p.end] in "、及和與（(")
            # 「與美國奧勒岡州簽署姊妹市協定」: a state or province named last, of no city after it, is the partner itself
            or (p.kind in ("state", "province") and p is found[-1] and p.end < e and t[p.end] not in "的之")]


def find_sister_cities(res: Resolved) -> list[SisterCity]:
    """Sister-city ties (姊妹市; not friendship cities, which are agreements):

    - 「A、B、C分別是D的X區、Y區及Z區的姊妹市」: the two lists, pairwise;
    - 「…都是A的姊妹市」「B是A的姊妹市」「A的姊妹市B」: A with each;
    - 「A已與B、C締結姊妹市」「A與B締結為姊妹市」: the side before 與 with each after it;
    - 「姊妹市B」: the home city with B."""
    text = res.text
    t = text.fold
    out: list[SisterCity] = []
    seen: set[frozenset[str]] = set()
    home = res.home_place

    def add(x: str, y: str, a: int, b: int) -> None:
        if not x or not y or x == y or frozenset((x, y)) in seen or x not in res.places or y not in res.places:
            return
        px, py = res.places[x], res.places[y]
        if px.country and px.country == py.country and len(px.name_zh) > 2 and px.name_zh[:2] == py.name_zh[:2] and px.kind != py.kind:
            return  # 苗栗縣 and 苗栗市: a county and its seat are no pair of sisters
        seen.add(frozenset((x, y)))
        x, y = sorted((x, y))
        out.append(SisterCity(x, y, text.span(a, b)))

    for m in _SISTER.finditer(t):
        s = text.sentences[text.sentence_of(m.start())]
        a = clause_start(t, s.start, m.start(), _CLAUSE_MARKS)
        b = clause_end(t, m.end(), s.end, _CLAUSE_MARKS)
        if _FUTURE_BEFORE.search(t, a, m.start()) or _PROPOSED.search(t, a, m.start()):
            continue  # 「朝締結姐妹市目標邁進」「盼早日結為姊妹市」「建議兩市結為姊妹市」: a tie hoped for, not one made
        before = _list_places(res, a, m.start())
        after = _list_places(res, m.end(), b)
        of = _OF.search(t, max(a, m.start() - 1), m.start())
        sep = _SEPARATELY.search(t, s.start, m.start())
        if sep and of:
            # 「A、B、C分別是D的X區、Y區及Z區的姊妹市」
            left = _list_places(res, s.start, sep.start())
            right = [p for p in _list_places(res, sep.end(), m.start()) if p.kind in ("district", "township", "city", "county")]
            parts = [p for p in right if p.kind in ("district", "township")] or right
            if len(parts) == len(left) and len(left) >= 2:
                for x, y in zip(parts, left, strict=True):
                    add(add_place(res, x), add_place(res, y), s.start, b)
                continue
        first_after = after[0] if after and not re.search(r"[\u4e00-\u9fff]{3,}", t[m.end():after[0].start]) else None
        region = next((p for p in _places_in(res, m.end(), b)[:1] if p.start == m.end() and p.kind in ("province", "state")), None)
        if region is not None and (first_after is None or first_after.start > region.start):
            first_after = region  # 「拜會姊妹市卡皮斯省」: a province or state that is itself the sister
        if first_after is not None and not of:
            # 「姊妹市韓國大邱市」: the home city's sister, named right after the word
            owner_key = home
            conj_before = list(_CONJ.finditer(t, a, m.start()))
            if conj_before:
                lhs = _list_places(res, conj_before[-1].end(), m.start())
                owner_key = add_place(res, lhs[-1]) if lhs else home
            if owner_key and owner_key != add_place(res, first_after):
                add(owner_key, add_place(res, first_after), a, b)
                continue
        if of and before:
            owner = before[-1]
            if after:
                for p in after[:1]:
                    add(add_place(res, owner), add_place(res, p), a, b)
            else:
                listed = _list_places(res, s.start, a)
                for p in [*before[:-1], *listed]:
                    add(add_place(res, owner), add_place(res, p), s.start, b)
            continue
        has = _HAS_COUNTED.search(t, a, m.start())
        owners = _list_places(res, a, has.start()) if has else []
        if has and owners:
            # 「台南市在加州有蒙特麗市及聖荷西市2個姊妹市」: the place that has them, with each
            for p in _list_places(res, has.start() + 1, m.start()):
                add(add_place(res, owners[0]), add_place(res, p), a, b)
            continue
        conj = list(_CONJ.finditer(t, a if before else s.start, m.start()))
        if conj:
            c = conj[-1]
            if len(conj) >= 2 and t[c.start() - 1:c.start()] in ("、", ",", "，"):
                c_first = conj[0]  # 「A已與B締結友好城市、與C締結姊妹市」: A is the side of every 與 in the chain
                lhs0 = _list_places(res, s.start, c_first.start())
                rhs = _list_places(res, c.end(), m.start())
                if lhs0 and rhs:
                    add(add_place(res, lhs0[-1]), add_place(res, rhs[0]), s.start, b)
                    continue
            partners = _list_places(res, c.end(), m.start())
            lhs = _list_places(res, s.start, c.start())
            side = add_place(res, lhs[-1]) if lhs else home
            keys = [add_place(res, p) for p in partners]
            if keys and side and any(k != side for k in keys):
                for k in keys:
                    add(side, k, s.start, b)
                continue
        if after and not before:
            if home:
                add(home, add_place(res, after[0]), a, b)
        elif len(before) >= 2:
            add(add_place(res, before[-2]), add_place(res, before[-1]), a, b)
        elif len(before) == 1 and after:
            add(add_place(res, before[0]), add_place(res, after[0]), a, b)
        elif len(before) == 1 and home:
            add(home, add_place(res, before[0]), a, b)
        elif not before and not after and home and _BOTH.search(t, a, m.start()) \
                and _TIE_VERB.search(t, max(a, m.start() - 8), m.start()):
            add(home, _main_partner(res), a, b)  # 「兩鎮今日簽盟為姊妹城鎮」: the home city and the city it met
    return out
