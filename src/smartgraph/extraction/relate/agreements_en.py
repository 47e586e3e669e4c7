"""Agreements and sister-city ties told in English.

An agreement word (MOU, memorandum of understanding, letter of intent, sister city agreement, declaration ...)
counts where its sentence signs it ("signed", "inked", "renewed", "will sign", "issued" for a declaration, "the
signing of"), or where two places "become", "have been" or "formed" sister, friendship or partner cities. Its
parties, most explicit first:

- "between A and B" after the word; "by A and B" after "was signed";
- "with B" after the word or the verb ("with the City of Yokohama", "with five cities …: A, B and C", one
  agreement each), and "on behalf of A";
- the places and organisations of the subject before the verb ("Taipei Mayor … and Prague Mayor … signed");
- "by the A and B zoos" (universities, ports, chambers of commerce …): a body of each place;
- "the two cities", "both", "they": the parties of the agreement or tie told last, else the home city and the
  city the release names most; one party alone is paired with that city or the home city.

A definite word ("the agreement", "their first memorandum") tells again of one found before when one of its
kind with those parties exists ("originally signed" after a renewal is the first one, not it). Status: planned
when "will", "plans to", "is expected/scheduled/slated to" stand before the word in its clause, else signed.
Date: the sentence's day ("today (22nd)", "on Monday", "April 12, 1977"), else the day of the event the sentence
names, else none when a year or "last year" places it in the past.
A year given ("in 2021", "since 1970") tells two agreements of the same parties apart.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.entities import add_place, organization, place_en
from smartgraph.extraction.mentions import AgreementMention, PlaceMention, Resolved
from smartgraph.extraction.names import geo_code
from smartgraph.extraction.relate.agreements import _places_in
from smartgraph.extraction.text import Sentence, fold
from smartgraph.model import Agreement, Event, SisterCity

__all__ = ["find_agreements_en", "find_sister_cities_en"]

_SIGN = re.compile(r"\b(?:(?<!\bthe )(?<!\bnewly )(?<!\ba )(?<!\btheir )(?<!\bits )signed|sign|signs|signing|ink(?:s|ed)?|"
                   r"seal(?:s|ed)?|renew(?:s|ed)?|conclud(?:e|es|ed)|enter(?:s|ed)? into|put their signatures to)\b",
                   re.I)  # "the signed memorandum" is no signing
_ISSUE = re.compile(r"\b(?:issu(?:e|es|ed)|adopt(?:s|ed)?|launch(?:es|ed)?|releas(?:e|es|ed)|announc(?:e|es|ed)|sign(?:s|ed)?)\b", re.I)
_TIE = re.compile(r"\b(?:sister|friendship|friendly|partner|twin)[ -]?(?:cit(?:y|ies)|(?:city )?(?:ties|tie|relations(?:hip)?s?))\b|\btwinned\b|"
                  r"(?<=\bbecame )sisters\b|(?<=\bbecome )sisters\b", re.I)
_TIE_VERB = re.compile(r"\b(?:bec(?:a|o)me|becomes|becoming|have been|has been|had been|formed|form|forge[sd]?|"
                       r"establish(?:ed|es|ing|ment)?|making|made|make|seal(?:ed|s)?|sign(?:ed|s)?|twinned|linked|"
                       # a tie whose anniversary is marked, or whose years are counted, is made
                       r"anniversary|enjoy(?:s|ed)?\s+\d+\s+years)\b", re.I)
_ON_FRIENDSHIP = re.compile(r"\s+(?:on|of|for)\s+(?:(?:mutual|the)\s+)?(?:friendship|friendly|sisterhood|twinning)\b", re.I)
_FRIENDLY = re.compile(r"\b(?:sister|friendship|friendly|twin|partner(?:ship)?)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|plan(?:s|ned)? to|planning to|(?:is|are|was|were) expected to|expects? to|"
                     r"intends? to|intended to|aims? to|to be (?:signed|inked)|is to|are to|is set to|are set to|upcoming|hopes? to|proposed|"
                     r"(?:is|are|was|were)\s+(?:scheduled|slated|due|poised)\s+to|agreed\s+to\s+(?:sign|ink)|"
                     r"(?:discuss\w*|negotiat\w+|consider\w*|explor\w+|look(?:s|ed|ing)? forward to|possibility of|prospects? of)"
                     r"\s+(?:on\s+|about\s+|the\s+possibility\s+of\s+)?(?:signing|to sign)|seek(?:s|ing)? to sign|sought to sign)\b",
                     re.I)
# a tie wished for, not made: "look forward to establishing friendship, even becoming sister cities", "hope to become"
_HOPED = re.compile(r"\b(?:look(?:s|ed|ing)?\s+forward\s+to|possibility\s+of|prospects?\s+of|potential(?:ly)?|explor(?:e|es|ed|ing)|"
                    r"hop(?:e|es|ed|ing)\s+(?:to|that|for)|wish(?:es|ed)?\s+to|"
                    r"expect(?:s|ed|ations?)?\s+(?:to|of)|desire[sd]?\s+to|intention\s+to|eager\s+to|seek(?:s|ing)?\s+to|"
                    r"aim(?:s|ed)?\s+to|plan(?:s|ned)?\s+to|would\s+like\s+to|will|toward(?:s)?)\s+(?:[\w,]+\s+){0,6}?"
                    r"(?:becom|establish|form|forg|sign|mak|seal|twin|upgrad|elevat)\w*", re.I)
# ("then" that says what came next, "the two mayors then witnessed", places nothing in the past)
_PAST = re.compile(r"\b(?:had|last year|ago|since|then(?!\s+(?:\w+ed|went|met|saw|took|held|gave)\b)|former(?:ly)?|earlier|previously|"
                   r"first)\b|\b(?:19|20)\d\d\b", re.I)
_REFER = re.compile(r"\b(?:the|this|that|these|those|its|their|his|her|our|said|such)\s+(?:(?:new|first|second|third|same|signed|"
                    r"two|three|four|five|[\w-]+)\s+){0,3}$", re.I)
_BARE_WORDS = {"agreement", "agreements", "memorandum", "memorandums", "memoranda", "mou", "mous", "accord", "pact", "deal",
               "document", "declaration", "letter", "initiative"}
_GENERIC = {"agreement", "accord", "pact", "deal", "document", "agreements"}
# "The other signatories of the MOU include …", "the signatories of the agreement were …"
_SIGNATORIES = re.compile(r"\b(?:other\s+)?signator(?:y|ies)\b", re.I)
_BOTH = re.compile(r"\b(?:the two(?: cities| capitals| sides| places| governments| parties| municipalities| mayors)?|both(?: cities| sides| mayors)?|"
                   r"they|the pair|each other)\b", re.I)
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:new\s+|more\s+|separate\s+|cooperation\s+)?"
                    r"(?:memorand\w*|mous?|agreements?|letters?)", re.I)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s*&\s*|\s+as well as\s+")
_STOP_AFTER = re.compile(r"[;:.!?]|\s(?:on|to|for|in order to|at|during|under|which|who|that|when|while|after|before|covering|"
                         r"pledging|establishing|making|setting|witnessed|via|through|in)\s|,\s(?=[a-z])")
# "in/at/from …", "Medan, Indonesia", "Japan's Kure", and "Morioka, the capital of Iwate Prefecture": where another place lies
_CONTEXT_BEFORE = re.compile(r"(?:\b(?:in|at|from|near)\s+(?:the\s+)?|\b(?:capital|seat)\s+of\s+(?:the\s+)?|,\s*|'s\s+)$", re.I)
_GOV_WORDS = re.compile(r"\b(?:Government|City Hall|Council|Department|Bureau|Authority|Office|Administration|Secretariat|"
                        r"Ministry|Commission|Assembly|Municipality|Municipal)\b", re.I)
_PLACE_FILLER = {"the", "city", "county", "prefecture", "district", "township", "of", "capital", "municipal", "metropolitan",
                 "government", "special", "autonomous", "province", "state", "then", "former"}
_NAME_RUN = re.compile(r"(?:[A-Z][\w'’.-]*|&)(?:\s+(?:(?:of|for|the|on|de|du)\s+)*(?:[A-Z][\w'’.-]*|&))*")
_LIST_WORDS = {"the", "of", "and", "de", "du", "for", "representatives", "officials", "mayor", "mayors", "governor", "director",
               "commissioner", "chief", "executive", "president", "chairman", "chairwoman", "secretary", "general", "deputy",
               "vice", "lord", "acting", "then", "former", "city", "government", "district", "county", "prefecture", "s",
               "municipal", "department", "bureau"}


# "by the A and B zoos", "between the A and B chambers of commerce": one body of each place signs
_BODY_NOUN = {"zoos": "Zoo", "universities": "University", "hospitals": "Hospital", "libraries": "Library", "museums": "Museum",
              "airports": "Airport", "ports": "Port", "harbors": "Harbor", "harbours": "Harbour",
              "chambers of commerce": "Chamber of Commerce", "tourism bureaus": "Tourism Bureau", "city councils": "City Council"}
_BODIES_OF = re.compile(r"\b(?:by|between)\s+the\s+(?P<a>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)\s+and\s+"
                        r"(?P<b>[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)\s+(?P<n>" + "|".join(k.replace(" ", r"\s+") for k in _BODY_NOUN)
                        + r")\b")
_NAMES_PARTIES_AFTER = re.compile(r"\b(?:between|with|by|on behalf of)\b", re.I)
# an agreement signed again, and the first signing of it told after: two agreements, not one
_ORIGINALLY = re.compile(r"\b(?:originally|initially|first)\s+(?:signed|inked|concluded|sealed)\b", re.I)
_RENEWED = re.compile(r"\bre-?sign|\brenew|\breaffirm", re.I)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$", re.I)
_DATELINE_AFTER = re.compile(r"\s*\((?:CNA|AP|AFP|Reuters|UPI|Kyodo|Yonhap|[A-Z]{2,6})\)")
_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|reported|stated|noted|told reporters)\s+(?:on\s+)?$", re.I)


def _not_signed_on(raw: str, start: int, end: int) -> bool:
    """A day that dates the story, not the signing: the dateline's ("Taipei, June 2 (CNA)") or the day something was
    said ("…, the office said Friday")."""
    return bool(_DATELINE_AFTER.match(raw, end)) or bool(_SAID_BEFORE.search(raw, max(0, start - 30), start))


def _org_heads() -> re.Pattern[str]:
    """English words that end or begin the name of an organisation that is no part of a city's government."""
    words = {w for o in lx.org_types().values() if o.kind in ("body", "company", "education", "foreign-office") or o.key == "centre"
             for w in o.en}
    words |= {"Plaza", "Garden", "Gardens", "Zoological Garden", "Megabay"}
    alt = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b")


_ORG_HEAD = _org_heads()


def namesake_city(res: Resolved, key: str) -> str:
    """A Taiwanese county named bare ("Hualien") in a text that names its namesake city ("Hualien City in eastern
    Taiwan …") and never the county itself: the city."""
    p = res.places.get(key)
    if p is None or p.country != "TW" or p.kind not in ("county", "region") or not p.name_en.endswith(" County"):
        return key
    stem = p.name_en.removesuffix(" County")
    raw = res.text.raw
    if f"{stem} City" not in raw or f"{stem} County" in raw:
        return key
    return place_en(res, f"{stem} City", country="TW") or key


# "A forged sister city ties with South Korea's B City, Japan's C Town, D in the U.S. state of E, and F": one tie with
# each place the list names, the first place of each item (the others say where it lies)
_TIE_LIST = re.compile(r"\b(?:forged|established|formed|set up|built|signed|has|had|have)\s+(sister|friendship|friendly|twin)"
                       r"[- ](?:city|cities|town|towns)\s+(?:ties|relations|relationships|links|agreements)\s+with\s+", re.I)
_UNKNOWN_TOWN = re.compile(r"(?:the\s+)?(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)?['’]s\s+)?([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?\s(?:City|Town|Village))\b")
def _may_list_ties(low: str) -> bool:
    """A cheap look before the tie-list pattern runs over a whole text."""
    return any(w in low for w in (" ties with ", " relations with ", " relationships with ", " links with ", " agreements with "))


_TOWN_OF = re.compile(r"(?:the\s+)?(?:[A-Z][\w]*\s+)?(?:town|city|village)\s+of\s+([A-Z][\w'’-]+)")
_ITEM_LEAD = {"the", "of", "town", "city", "village", "county", "prefecture", "state", "capital", "ward", "district",
              "municipality", "island", "port", "s"}
_LIST_OWNER_KINDS = ("city", "county", "district", "township", "region")


def tie_list(res: Resolved, si: int, m: re.Match[str]) -> tuple[str, list[str]]:
    """The place a tie list is of and the places it ties it to ("", []) when either is missing."""
    text = res.text
    raw = text.raw
    s = text.sentences[si]
    before = [p for p in _places_in(res, s.start, m.start()) if p.kind in _LIST_OWNER_KINDS]
    if before:
        owner = before[-1]
    elif si > 0 and re.search(r"\b(?:it|its)\b", raw[s.start:m.start()], re.I):
        prev = text.sentences[si - 1]
        firsts = [p for p in _places_in(res, prev.start, prev.end) if p.kind in _LIST_OWNER_KINDS]
        if not firsts:
            return "", []
        owner = firsts[0]
    else:
        return "", []
    a = namesake_city(res, add_place(res, owner))
    items: list[str] = []
    pos = m.end()
    for sep in [*_LIST_SPLIT.finditer(raw, m.end(), s.end), None]:
        e = sep.start() if sep else s.end
        towns = [p for p in _places_in(res, pos, e) if p.kind in _LIST_KINDS]
        unknown = (_UNKNOWN_TOWN.match(raw, pos, e) or _TOWN_OF.match(raw, pos, e)) if not towns else None
        if unknown is not None:
            # "Japan's Takachiho Town", "the Japanese town of Takachiho", "South Korea's Ulsan City": the table's place by
            # its bare or town name, else a town no table knows, in the country named
            lead_country = next((c.code for c in res.recognised.countries if pos <= c.start < unknown.start(1)), "")
            lead_country = lead_country or geo_code(raw[pos:unknown.start(1)]) or ""
            stem = re.sub(r"\s(?:City|Town|Village)$", "", unknown.group(1))
            b = place_en(res, stem, country=lead_country) or place_en(res, f"{stem} Town", country=lead_country)
            if b and lead_country and res.places[b].country != lead_country:
                b = ""
            b = b or add_place(res, PlaceMention(unknown.start(1), unknown.end(1), unknown.group(1), unknown.group(1), None,
                                                 lead_country, "city"), lead_country)
            if b and b != a and b not in items:
                items.append(b)
        if towns:
            lead = re.findall(r"[A-Za-z.]+", re.sub(r"['’]s\b", " s", raw[pos:towns[0].start]))
            if any(w[:1].islower() and w.lower() not in _ITEM_LEAD for w in lead):
                break  # "…, and the mayor visited Tokyo": the list has ended
            b = add_place(res, towns[0])
            if b != a and b not in items:
                items.append(b)
        pos = sep.end() if sep else e
    return a, items


@dataclass
class _Found:
    ag: Agreement
    year: int | None  # the year the text gives it, if any
    sentence: int


def _partner(res: Resolved) -> str:
    """The place the release names most often after its home city (a city, prefecture, district or island)."""
    counts: dict[str, int] = {}
    for m in res.recognised.places:
        if m.kind in ("state", "province") and m.entry is not None and m.entry.curated:
            continue
        k = add_place(res, m)
        if k != res.home_place:
            counts[k] = counts.get(k, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""


def plural_word(word: str) -> bool:
    return bool(re.search(r"\b(?:memorand\w*s|memoranda|mous|agreements|letters|accords)\b", word, re.I))


class EnglishAgreements:
    def __init__(self, res: Resolved, events: dict[str, Event], event_at: Callable[[int], str]) -> None:
        self.res = res
        self.text = res.text
        self.events = events
        self.event_at = event_at
        self.found: list[_Found] = []
        self.partner = _partner(res)
        self.last_parties: list[str] = []
        self.acronyms: dict[str, str] = {}
        self.explicit = False  # whether the text named two parties of the agreement read last  # "DDP" -> the organisation named before it in brackets

    # ------------------------------------------------------------------ parties
    def _context(self, m: PlaceMention, lo: int) -> bool:
        """A place that only says where another one lies ("Yatsushiro City in Kumamoto Prefecture", "In Seoul yesterday")."""
        raw = self.text.raw
        if m.kind in ("city", "county", "prefecture") and self._holds_district(m, lo):
            return True
        before = raw[max(lo, m.start - 16):m.start]
        if re.search(r"(?:,\s*|'s\s+)$", before):
            # "Medan, Indonesia", "South Korea's Incheon": only right after another place
            k = m.start - len(re.search(r"(?:,\s*|'s\s+)$", before).group())  # type: ignore[union-attr]
            rec = self.res.recognised
            if m.kind in ("district", "township") and any(x.end == k and x.kind in ("city", "county") for x in rec.places):
                return False  # "Seoul's Gangnam District": the district is the party, its city the context
            return any(x.end == k for x in [*rec.places, *rec.countries]) and not self._listed(m)
        return bool(_CONTEXT_BEFORE.search(before)) and not re.search(r"\b(?:with|and|between|by)\s+(?:the\s+)?$", before, re.I)

    def _holds_district(self, m: PlaceMention, lo: int) -> bool:
        """A city that only says where a district it names lies: "Gangnam District of Seoul", "Gangnam District, Seoul",
        "Seoul's Gangnam District" (the district is the party, as 「首爾市江南區」 is)."""
        raw = self.text.raw
        places = self.res.recognised.places
        gap = re.search(r"(?:\s+of\s+(?:the\s+)?|,\s*)$", raw[max(lo, m.start - 12):m.start])
        if gap and any(x.end == m.start - len(gap.group()) and x.kind in ("district", "township") for x in places) \
                and ("of" in gap.group() or not self._listed(m)):
            return True
        own = re.match(r"['’]s\s+", raw[m.end:m.end + 4])
        return own is not None and any(x.start == m.end + own.end() and x.kind in ("district", "township") for x in places)

    def _listed(self, m: PlaceMention) -> bool:
        """Whether a place after a comma is an item of a list of places that ends in "and" ("Hsinchu, Brno and Portland
        signed"), not where the one before it lies ("Kure, Hiroshima, Japan")."""
        raw = self.text.raw
        rec = self.res.recognised
        starts: dict[int, tuple[int, bool]] = {x.start: (x.end, False) for x in rec.places}
        starts.update({x.start: (x.end, True) for x in rec.countries})
        end = m.end
        while True:
            gap = re.match(r",?\s+and\s+(?:the\s+)?|,\s*", raw[end:end + 12])
            if gap is None or end + gap.end() not in starts:
                return False
            end, country = starts[end + gap.end()]
            if country:
                return False  # "Kure, Hiroshima, Japan and …": where it lies, told down to its country
            if "and" in gap.group():
                return True

    def _place_key(self, m: PlaceMention) -> str:
        # the place a titled person's affiliation opens with is the one their post is in ("Hualien Mayor": Hualien City)
        org = next((self.res.organizations.get(k) for (a, _), k in self.res.org_of.items() if a == m.start), None)
        if org is not None and org.place and org.place in self.res.places and m.entry is not None \
                and self.res.places[org.place].name_en.startswith(m.name):
            return org.place
        return namesake_city(self.res, add_place(self.res, m))

    def _org(self, name: str) -> str:
        name = re.sub(r"^(?:the|The)\s+", "", name.strip())
        of = re.search(r"\s(?:of|from)\s+(?:the\s+)?(?=[A-Z])", name)
        if of and any(pm.name.text in name[:of.start()] for pm in self.res.person_of):
            name = name[of.end():]  # "Chairman Petr Dvorak of the Brno Chamber of Commerce": the chamber, not the person
        if name in self.acronyms:
            return self.acronyms[name]
        ot = lx.org_type_of(name)
        key = organization(self.res, f"org-{fold(name).lower().replace(' ', '-')}", name, ot.key if ot else "association", "")
        org = self.res.organizations[key]
        if not org.name_en and not re.search(r"[\u3400-\u9fff]", name):
            self.res.organizations[key] = replace(org, name_en=name)
        return key

    def _piece(self, a: int, b: int) -> str:
        """The party one item of a list names: a place (with a title or a government word around it), else an organisation."""
        raw = self.text.raw
        piece = raw[a:b]
        if not piece.strip():
            return ""
        places = [m for m in _places_in(self.res, a, b) if m.kind not in ("state", "province") or m.entry is None]
        head = _ORG_HEAD.search(piece)
        if head:
            for run in _NAME_RUN.finditer(piece):
                if run.start() <= head.start() < run.end():
                    key = self._org(run.group())
                    acr = re.match(r"\s*\(([A-Z]{2,8})\)", piece[run.end():])
                    if acr:
                        self.acronyms[acr.group(1)] = key
                    return key
        if places and self._holds_district(places[0], 0):
            return ""  # "with Gangnam District, Seoul": where the district lies, not a party
        if places and raw[:places[0].start].rstrip().endswith(",") and self._context(places[0], max(0, places[0].start - 16)):
            return ""  # "with Yasugi City, Shimane Prefecture, Japan": where the city lies, not a party
        if places:
            first = places[0]
            rest = (piece[:first.start - a] + " " + piece[first.end - a:]).split()
            caps = [w.strip(",.()'’s") for w in rest if w[:1].isupper()]
            titled = lx.title_matcher_en().find(self.text.low, a, b)
            if titled or _GOV_WORDS.search(piece) or all(w.lower() in _PLACE_FILLER for w in caps if w):
                return self._place_key(first)
            if lx.event_matcher_en().find(self.text.low, first.end, b):
                return self._place_key(first)  # "the Taipei Marathon and the Shizuoka Marathon": the cities' events
            if m := re.match(r"\s*(?:the\s+)?(" + re.escape(raw[first.start:first.end]) + r"(?:\s+[A-Z][\w'’-]*){1,3})", piece):
                return self._org(m.group(1))  # "Kaohsiung Megabay": an organisation named after its place
            return self._place_key(first)
        core = re.sub(r"\([^)]*\)", "", piece).strip(" ,")
        core = re.sub(r"^(?:the|The)\s+", "", core)
        if core in self.acronyms:
            return self.acronyms[core]
        if re.fullmatch(r"[A-Z][A-Z0-9&.\- ]{1,30}", core) and not lx.title_matcher_en().find(core.lower()):
            return self._org(core)  # GO SMART, ICLEI
        return ""

    def _list(self, a: int, b: int) -> list[str]:
        """The parties a stretch lists ("A and B", "A, B and C"), each once, in order; names of places are not cut."""
        raw = self.text.raw
        mask = list(raw[a:b])
        for m in [*self.res.recognised.within(self.res.recognised.places, a, b),
                  *self.res.recognised.within(self.res.recognised.countries, a, b)]:
            for i in range(m.start, min(m.end, b)):
                mask[i - a] = "X"
        for q in re.finditer(r"\([^)]*\)", raw[a:b]):
            for i in range(q.start(), q.end()):
                mask[i] = "X"
        masked = "".join(mask)
        out: list[str] = []
        pos = 0
        for sep in [*_LIST_SPLIT.finditer(masked), None]:
            e = sep.start() if sep else len(masked)
            k = self._piece(a + pos, a + e)
            if k and k not in out:
                out.append(k)
            pos = sep.end() if sep else e
        return out

    def _subject(self, s: Sentence, verb: int, start: int | None = None) -> list[str]:
        """The places and organisations named before the verb, in the clause that holds it."""
        raw = self.text.raw
        lo = s.start if start is None else start
        # (", and on February 7, A signed …": a clause of its own after the comma and its time)
        for cut in re.finditer(r"\b(?:when|which|where|whom|after which|and then|while)\b|;|,\s+and\s+(?=(?:on|in|at|later|then)\b)",
                               raw[s.start:verb]):
            lo = s.start + cut.end()
        keys: list[str] = []
        orgs: list[tuple[int, int]] = []
        for run in _NAME_RUN.finditer(raw, lo, verb):
            if _ORG_HEAD.search(run.group()):
                k = self._org(run.group())
                acr = re.match(r"\s*\(([A-Z]{2,8})\)", raw[run.end():run.end() + 12])
                if acr:
                    self.acronyms[acr.group(1)] = k
                orgs.append((run.start(), run.end()))
                keys.append(k)
        for m in _places_in(self.res, lo, verb):
            if any(x <= m.start < y for x, y in orgs) or self._context(m, lo) \
                    or (m.kind in ("state", "province") and not self._state_party(m)):
                continue
            k = self._place_key(m)
            if k not in keys:
                keys.append(k)
        for acr in re.finditer(r"(?:^|(?<=,\s)|(?<=\band\s))([A-Z]{2,}(?:\s[A-Z]{2,}){0,3})(?=\s+and\b|\s*,|\s*$)", raw[lo:verb]):
            if any(x <= lo + acr.start(1) < y for x, y in orgs) or acr.group(1) in ("MOU", "LOI"):
                continue
            k = self.acronyms.get(acr.group(1)) or self._org(acr.group(1))  # GO SMART and the LGAQ signed
            if k not in keys:
                keys.insert(0, k)
        return keys

    def _stretch(self, start: int, end: int) -> int:
        """Where a list of parties ends: at a clause mark or the first lower-case word that is no part of a name or title."""
        raw = self.text.raw
        m = re.compile(r"[;:.!?]|,\s(?=[a-z])").search(raw, start, end)
        stop = m.start() if m else end
        for w in re.finditer(r"\(|[A-Za-z][\w'’]*(?:-[\w'’]+)*", raw[start:stop]):
            if w.group() == "(":
                continue
            if start + w.start() > start and raw[start + w.start() - 1] == "(":
                continue
            word = w.group()
            if word[:1].islower() and word.lower() not in _LIST_WORDS and not word.startswith(("then-", "former-")):
                stop = start + w.start()
                break
        while stop > start and raw[stop - 1] in " ,(":
            stop -= 1
        return stop

    def parties(self, a: AgreementMention, s: Sentence, verb: tuple[int, int] | None, kind: str) -> list[str]:
        raw = self.text.raw
        home = self.res.home_place
        if kind == "declaration":
            return [home] if home else []
        out: list[str] = []
        bodies = _BODIES_OF.search(raw, a.end, s.end)
        if bodies is not None and not re.search(r"[;.]", raw[a.end:bodies.start()]):
            # "the signing of the MOU by the Fresno and Taipei zoos": one body of each place, named for it
            kind_of = _BODY_NOUN[re.sub(r"\s+", " ", bodies.group("n")).lower()]
            keys = [self._org(f"{bodies.group(g)} {kind_of}") for g in ("a", "b")]
            if keys[0] != keys[1]:
                self.explicit = True
                return keys
        between = re.compile(r"\bbetween\s+", re.I).search(raw, a.end, s.end)
        if between and not re.search(r"[;.]", raw[a.end:between.start()]):
            stop = self._stretch_between(between.end(), s.end)
            out = self._list(between.end(), stop)
            if not out and _BOTH.match(raw, between.end()):
                out = list(self.last_parties)
                if re.match(r"the two (?:cities|capitals|municipalities)\b", raw[between.end():], re.I) \
                        and not all(k in self.res.places for k in out):
                    out = self._last_places()  # "… a MOU between the two cities" after the chambers' pact: the cities'
                if len(out) < 2 and re.match(r"the two (?:cities|capitals|municipalities)\b", raw[between.end():], re.I):
                    # "… a MOU between the two cities": the places of the subject, not the bodies named with them
                    subject = self._subject(s, verb[0] if verb is not None and verb[0] < a.start else a.start)
                    out += [k for k in subject if k in self.res.places and k not in out]
            if len(out) >= 2:
                self.explicit = True
                return out
        if len(out) < 2:
            by = re.compile(r"\bsigned\s+(?:online\s+|later\s+)*by\s+", re.I).search(raw, a.end, s.end)
            if by:
                for k in self._list(by.end(), self._stretch_between(by.end(), s.end)):
                    if k not in out:
                        out.append(k)
        subject = self._subject(s, verb[0] if verb is not None and verb[0] < a.start else a.start)
        if verb is not None and verb[0] > a.end and not re.search(r"\b(?:was|were|been|be)\s+(?:\w+\s+){0,2}$", raw[a.end:verb[0]]):
            # "the partnership agreement Prague had signed with Beijing": the subject of a relative clause
            subject += [k for k in self._subject(s, verb[0], a.end) if k not in subject]
        for k in subject:
            if k not in out:
                out.append(k)
        which = re.compile(r"\bwith which\b", re.I).search(raw, s.start, verb[0] if verb and verb[0] > a.start else a.start)
        if which is not None:
            places = [m for m in _places_in(self.res, s.start, which.start()) if not self._context(m, s.start)]
            if places:
                k = self._place_key(places[-1])
                if k not in out:
                    out.append(k)
        anchor = max(a.end, verb[1]) if verb and verb[0] < a.end + 40 else a.end
        with_ = re.compile(r"\bwith\s+(?!which\b)", re.I).search(raw, anchor, min(s.end, anchor + 80))
        if with_ is not None and re.search(r"[,;]", re.sub(r"\([^)]*\)", "", raw[anchor:with_.start()])):
            with_ = None
        if with_ is not None:
            colon = raw.find(":", with_.end(), s.end)
            if colon >= 0 and re.search(r"\b(?:cities|partners|municipalities|counties|places)\b", raw[with_.end():colon]):
                first = out[0] if out else home
                each = [k for k in self._list_colon(colon + 1, s.end) if k != first]
                return [first, *each] if first else each
            for k in self._list(with_.end(), self._stretch(with_.end(), s.end)):
                if k not in out:
                    out.append(k)
        behalf = re.compile(r"\bon behalf of\s+", re.I).search(raw, a.end, s.end)
        if behalf:
            for k in self._list(behalf.end(), self._stretch(behalf.end(), s.end)):
                if k not in out:
                    out.append(k)
        self.explicit = len(out) >= 2
        if len(out) < 2 and _BOTH.search(raw, s.start, max(a.start, verb[0] if verb else a.start)):
            for k in self.last_parties or [home, self.partner]:
                if k and k not in out:
                    out.append(k)
        if len(out) == 1:
            only = out[0]
            if only in self.res.organizations:
                other = home  # an organisation signed with the city ("an MOU with the DDP")
            elif only == home or (only != self.partner and self.partner):
                other = self.partner
            else:
                other = home
            if other and other not in out:
                out.append(other)
        if not out and home:
            out = [home, self.partner] if self.partner else []
        return out

    def _state_party(self, m: PlaceMention) -> bool:
        """A state or province that signs as a party ("Hsinchu City and the State of Oregon signed …"), not one that
        tells where a city lies ("Phoenix, Arizona", "in the U.S. state of New Mexico") (s9-en2)."""
        before = self.text.raw[max(0, m.start - 30):m.start]
        return not re.search(r"(?:\bin|,)\s*(?:the\s+)?(?:U\.?S\.?\s+)?(?:(?:state|province)\s+of\s+)?$", before, re.I)

    def _stretch_between(self, start: int, end: int) -> int:
        return self._stretch(start, end)

    def _list_colon(self, start: int, end: int) -> list[str]:
        """After "with five cities in the United States:", each city listed (the states after "in" are where they lie)."""
        out = []
        for m in _places_in(self.res, start, end):
            if m.kind in ("state", "province", "prefecture", "region") and m.entry is not None and m.entry.curated:
                continue
            if self._context(m, start) and re.search(r"\bin\s+$", self.text.raw[max(start, m.start - 4):m.start]):
                continue
            k = self._place_key(m)
            if k not in out:
                out.append(k)
        return out

    # ------------------------------------------------------------------ status, date, kind
    def status(self, a: AgreementMention, s: Sentence, verb: tuple[int, int] | None) -> str:
        """Planned when a future word governs the clause before the word ("Lu will … attend the signing of an MOU")."""
        raw = self.text.raw
        lo = s.start
        for m in re.finditer(r";\s|\bwhen\b|\bwhich\b|\bafter\b|\bsince\b", raw[s.start:a.start]):
            lo = s.start + m.end()
        before = raw[lo:a.start]
        fut = list(_FUTURE.finditer(before))
        if fut and not re.search(r"\b(?:signed|sealed|inked|renewed)\b", before[fut[-1].end():]):
            return "planned"
        if verb is not None and verb[0] > a.end and _FUTURE.search(raw, a.end, verb[0]):
            return "planned"
        return "signed"

    def date_and_year(self, a: AgreementMention, s: Sentence, status: str) -> tuple[dt.date | None, int | None]:
        """The sentence's day nearest before the word (else the first after it), else the day of an event the sentence
        names, else the last day its paragraph gave ("On January 28 …. The same day, … signed"); none for an agreement
        the sentence places in a year or in the past."""
        rec = self.res.recognised
        text = self.text
        dates = rec.within(rec.dates, s.start, s.end)
        days = [d for d in dates if d.precision == "day" and not _not_signed_on(text.raw, d.start, d.end)]
        vague = [d for d in dates if d.precision in ("month", "year")]
        if days:
            before = [d for d in days if d.start < a.start]
            d = before[-1] if before else days[0]
            return d.date, d.date.year
        year = vague[-1].date.year if vague else None
        if year is None:  # "Their ties go back to 2017, when …"
            bare_year = [int(y) for y in re.findall(r"(?<![\d/.-])((?:19|20)\d\d)(?![\d/.-])", text.raw[s.start:s.end])]
            year = min(bare_year, key=lambda y: abs(y - (text.doc.date.year if text.doc.date else y))) if bare_year else None
            if year is not None and text.doc.date is not None and year >= text.doc.date.year:
                year = None  # "the 2019 summit": a name's year, not when it was signed
        own = text.raw.rfind(a.name, s.start, a.end) if a.name else -1
        if year is not None or status != "signed" or _PAST.search(text.raw, s.start, own if own >= 0 else a.start):
            return None, year  # (the year of its own name, "the 2018 … Forum Declaration", places it nowhere)
        for m, k in self.res.linked_in(self.res.event_of, s.start, s.end):
            ev = self.events.get(k)
            if ev is not None and ev.start is not None and not (ev.end and ev.end != ev.start and m.end > a.start):
                return ev.start, ev.start.year
        at = re.search(r"\b(?:at|during)\s+the\s+([a-z][\w-]+)\b", text.raw[s.start:a.start])
        if at:  # "Also at the launch, A and B signed an MOU": on the day of the launch event named before
            for _, k in reversed(self.res.linked_in(self.res.event_of, 0, s.start)):
                ev = self.events.get(k)
                if ev is not None and ev.start is not None and (ev.end is None or ev.end == ev.start) \
                        and any(at.group(1) in n.lower().split() for n in ev.names_en):
                    return ev.start, ev.start.year
        unit = text.units[s.unit]
        same_day = re.search(r"\b(?:the same|that) (?:day|ceremony|occasion|event|morning|afternoon|evening)\b", text.raw[s.start:s.end], re.I)
        prior = [d for d in rec.within(rec.dates, 0 if same_day else unit.start, s.start) if d.precision == "day"]
        if prior:
            return prior[-1].date, prior[-1].date.year
        return None, None

    def kind(self, a: AgreementMention, s: Sentence) -> str:
        raw = self.text.raw
        word = a.word.lower()
        # "a statement of cooperation … to deepen ties": named for cooperation, a memorandum whatever the tie
        if a.kind != "mou" or re.search(r"memorand|mou|letter of intent|loi|of cooperation", word):
            if a.name and a.kind == "mou" and _FRIENDLY.search(a.name) and not re.search(r"memorand|mou", a.name, re.I):
                return "friendship"
            return a.kind
        # "an agreement formally making the two capitals sister cities", "sister agreement", "partnership agreement"
        lo = max(s.start, a.start - 30)
        if _FRIENDLY.search(raw, lo, a.start) or (a.name and _FRIENDLY.search(a.name)):
            return "friendship"
        if _TIE.search(raw, a.end, min(s.end, a.end + 120)):
            return "friendship"
        if _ON_FRIENDSHIP.match(raw, a.end, min(s.end, a.end + 40)):
            return "friendship"  # "signed an agreement on friendship", "an agreement of friendship and cooperation" (s9-en2)
        if word.split()[-1] in _GENERIC and _TIE.search(raw, s.start, s.end):
            return "friendship"  # "have been sister cities since 1973, and … renewed … with a letter of agreement"
        if word.split()[-1] in ("accord", "accords", "pact") and any(not _EVENT_AFTER.match(raw, t.end()) for t in _TIE.finditer(raw)):
            return "friendship"  # "signed an accord to consolidate the rapport …" between cities the text calls sister cities
        return "mou"

    # ------------------------------------------------------------------ the agreements
    def _verb(self, a: AgreementMention, s: Sentence, kind: str) -> tuple[int, int] | None:
        raw = self.text.raw
        pat = _ISSUE if kind == "declaration" else _SIGN
        others = [m.end for m in self.res.recognised.within(self.res.recognised.agreements, s.start, a.start)]
        before = [m for m in pat.finditer(raw, max(s.start, a.start - 120), a.start) if ";" not in raw[m.end():a.start]
                  and not any(m.end() <= e < a.start for e in others)  # "signed X … in an accord": X is what was signed
                  and "," not in re.sub(r"\([^)]*\)", "", raw[m.end():a.start])]
        if before:
            return before[-1].span()
        if kind == "declaration":
            return None  # "the Initiative launched in 2020": a declaration is what someone issued, told before it
        after = pat.search(raw, a.end, min(s.end, a.end + 80))
        if after is None:
            return None
        passive = re.search(r"\b(?:was|were|has been|have been|had been|is|are|be|being)\s+(?:\w+\s+){0,2}$", raw[a.end:after.start()])
        if (not passive and re.search(r"[,;]", re.sub(r"\([^)]*\)", "", raw[a.end:after.start()]))
                and not _SIGNED_ON.match(raw, after.start())) or ";" in raw[a.end:after.start()]:
            # "five earlier sister-city accords, and said … could sign": another clause's verb; but "the agreement
            # with Columbus, signed on May 2, 1979,": its own verb, set off by commas
            return None
        return after.span()

    def _last_places(self) -> list[str]:
        """The parties of the last agreement told between two places, else the home city and the partner city."""
        for f in reversed(self.found):
            if len(f.ag.parties) == 2 and all(k in self.res.places for k in f.ag.parties):
                return list(f.ag.parties)
        return [k for k in (self.res.home_place, self.partner) if k]

    def _same(self, kind: str, parties: list[str], year: int | None) -> _Found | None:
        for f in reversed(self.found):
            if f.ag.kind != kind or set(f.ag.parties) != set(parties):
                continue
            if year is not None and f.year is not None and year != f.year:
                continue
            return f
        return None

    def one(self, a: AgreementMention, si: int, title: bool) -> None:
        text = self.text
        raw = text.raw
        s = text.sentences[si]
        kind = self.kind(a, s)
        if self._signatories(a, s, kind):
            return
        verb = self._verb(a, s, kind)
        if verb is None:
            if a.name and kind == "declaration":
                for f in self.found:  # "also known as the Kaohsiung Declaration": another name of the one issued
                    if f.ag.kind == "declaration" and f.sentence == si and ("en", a.name) not in f.ag.names:
                        f.ag.names.append(("en", a.name))
            if not (a.name and kind != "declaration"):
                return
        if a.count > 12 or re.search(r"\b(?:had|have) signed \d+\b|\bover the (?:first|past|last)\b", raw[s.start:s.end]):
            return  # "had signed 45 cooperation memorandums over the first 14 editions": a tally
        if re.search(r"\b(?:several|many|numerous|various|some|a number of|a series of|other|more)\s+(?:[\w-]+\s+)?$",
                     raw[max(s.start, a.start - 30):a.start], re.I) and plural_word(a.word):
            return  # "Several agreements were signed on the sidelines": the ones the text goes on to tell
        bare = a.word.lower().split()[-1] in _BARE_WORDS and not a.name
        earlier = [f for f in self.found if f.sentence == si]
        if earlier and bare and a.count == 1:
            prev_end = max(m.end for m in self.res.recognised.within(self.res.recognised.agreements, s.start, a.start)) \
                if self.res.recognised.within(self.res.recognised.agreements, s.start, a.start) else s.start
            if not _SIGN.search(raw, prev_end, a.start):
                return  # "the partnership agreement … in an accord about cultural exchanges": the same one again
        status = self.status(a, s, verb)
        date, year = self.date_and_year(a, s, status)
        parties = self.parties(a, s, verb, kind)
        if kind != "declaration" and len(parties) < 2:
            return
        lead = raw[max(s.start, a.start - 40):a.start]
        det = _REFER.search(lead)
        refer = det is not None and bare and not _SIGN.search(det.group()) and not re.search(r"\b(?:cities|sides|two)\s+\w+\s*$", lead)
        fresh = bool(re.search(r"\b(?:another|second|third|new|first|further)\s+(?:[\w-]+\s+){0,2}$", lead, re.I))
        same: _Found | None = None
        if kind == "declaration":
            same = next((f for f in self.found if f.ag.kind == "declaration" and (f.sentence == si or refer or title)), None)
        elif not fresh or refer:
            same = self._same(kind, parties, year)
            if same is not None and not refer and not title and date is not None and same.ag.date not in (None, date):
                same = None
            if same is not None and not refer and not title and date is None and year is not None and same.year is None \
                    and _INDEFINITE.search(lead) and a.word.lower() not in same.ag.span.text.lower():
                same = None  # "a statement of cooperation is signed … went on to sign a memorandum … in 2019": another one
            if same is None and refer and a.count <= 1:
                # "the agreement", "their first memorandum": the last one of these parties, whatever its word (when the
                # sentence names the parties, "The agreement was signed by Taipei Mayor … and Houston Mayor …", all of them)
                same = next((f for f in reversed(self.found) if (f.ag.kind == kind or a.word.lower() in _GENERIC)
                             and (set(parties) == set(f.ag.parties) if self.explicit else set(parties) & set(f.ag.parties))), None)
        if same is not None and _ORIGINALLY.search(raw, s.start, a.start) and _RENEWED.search(same.ag.span.text):
            same = None  # "… re-signed the sister city agreement …. A originally signed the agreement with B in 1994": the first one
        if same is None and refer and a.count <= 1 and self.explicit and not _NAMES_PARTIES_AFTER.search(raw, a.end, s.end):
            # "… and Mayor A signed the agreement during the reception": the parties read off the clause before the
            # verb are not told as the agreement's; the last one that shares a party is the one signed
            same = next((f for f in reversed(self.found) if (f.ag.kind == kind or a.word.lower() in _GENERIC)
                         and set(parties) & set(f.ag.parties)), None)
        if bare and re.search(r"\bwitness(?:ed|es|ing)?\s+(?:the\s+)?(?:signing|inking)\s+of\s+(?:the|this|their)\s+$", lead, re.I):
            # "… who were present to witness the signing of the MOU": those named are witnesses, the MOU one told before
            same = next((f for f in reversed(self.found) if f.ag.kind == kind), None)
            if same is None:
                return
        if title and same is None:
            same = next((f for f in self.found if f.ag.kind == kind or (kind == "mou" and a.word.lower() in _GENERIC)), None)
        if same is None and refer and plural_word(a.word) and any(f.ag.kind == kind for f in self.found):
            return  # "the memorandums signed today": those found before
        if same is not None and (a.count <= 1 or refer or len(self._group(same)) >= a.count):
            ag = same.ag
            if date is not None and ag.date is None and (not refer or verb is not None) and status == "signed":
                # "The agreement was signed … on July 30, 2021": its day, told again
                ag.date = date
            if status == "signed" and ag.status == "planned" and not title and not refer:
                ag.status = "signed"
            same.year = same.year or year
            if a.name and ("en", a.name) not in ag.names:
                ag.names.append(("en", a.name))
            self.last_parties = list(ag.parties)
            return
        if title and any(f.ag.kind == kind for f in self.found):
            return
        plural = plural_word(a.word)
        topics = self._topics(a, s) if a.count > 1 or plural else []
        n = max(a.count, len(topics) if plural else 1, 1)
        own = set()
        for t in topics:
            bt = re.search(r"\bbetween\s+(.+)$", t)
            start = raw.find(bt.group(1), s.start, s.end) if bt else -1
            if bt and start >= 0:
                own |= set(self._list(start, start + len(bt.group(1))))
        base = [k for k in parties if k not in own] if own else parties
        if own and len(base) < 2:
            base = list(dict.fromkeys([*base, *(k for k in (self.res.home_place, self.partner) if k)]))
        for i in range(n):
            topic = topics[i] if i < len(topics) else ""
            ps = base
            if topic:
                bt = re.search(r"\bbetween\s+(.+)$", topic)
                if bt:
                    start = raw.find(bt.group(1), s.start, s.end)
                    sub = self._list(start, start + len(bt.group(1))) if start >= 0 else []
                    if len(sub) >= 2:
                        ps = sub
                        topic = topic[:bt.start()].strip()
            if len(ps) > 2 and plural and n == 1:  # "signed memorandums … with five cities": one each
                for k in ps[1:]:
                    self._add(kind, status, [ps[0], k], s, date, year, a, si, "")
                continue
            self._add(kind, status, ps, s, date, year, a, si, topic or (self._topic(a, s) if n == 1 else ""))
        self.last_parties = parties

    def _signatories(self, a: AgreementMention, s: Sentence, kind: str) -> bool:
        """"The other signatories of the MOU include Mayor A of X City, Mayor B of Y City and …": the places named are
        more parties of the agreement told before (of that kind, else the last one)."""
        raw = self.text.raw
        sig = _SIGNATORIES.search(raw, s.start, s.end)
        if sig is None or not self.found or a.name or not _REFER.search(raw[max(s.start, a.start - 20):a.start]):
            return False
        target = next((f for f in reversed(self.found) if f.ag.kind == kind), self.found[-1])
        lo = max(sig.end(), a.end)
        for m in _places_in(self.res, lo, s.end):
            if self._context(m, lo) or (m.kind in ("state", "province", "prefecture", "region") and m.entry is not None \
                    and m.entry.curated and not re.match(r"\s*Cit(?:y|ies)\b", raw[m.end:m.end + 6])):
                continue
            k = self._place_key(m)
            if k not in target.ag.parties:
                target.ag.parties.append(k)
        return True

    def _group(self, f: _Found) -> list[_Found]:
        return [g for g in self.found if g.sentence == f.sentence and g.ag.kind == f.ag.kind]

    def _topics(self, a: AgreementMention, s: Sentence) -> list[str]:
        """"MOUs on smart healthcare and on red panda exchange …", "one on water governance and one on …"."""
        raw = self.text.raw
        rest = raw[a.end:s.end]
        m = re.match(r"[^,.;]*?(?:,\s*)?(?:one\s+)?on\s+(.+?)\s+and\s+(?:one\s+)?on\s+(.+?)[.;]?$", rest)
        if m:
            return [m.group(1).strip(" ,"), m.group(2).strip(" ,.")]
        return []

    def _topic(self, a: AgreementMention, s: Sentence) -> str:
        m = re.match(r"\s*(?:\([^)]*\)\s*)?(?:on|for)\s+(?:a\s+|the\s+)?([^,;.]{3,90}?)(?=\s+(?:between|with|at|in order|to|under|which|"
                     r"when|during|(?:was|were|is|are|has been|have been|will be)\s+\w+ed|signed|inked)\b|[,;.]|$)", self.text.raw[a.end:s.end])
        if not m or re.match(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                             r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d)", m.group(1)):
            return ""
        return m.group(1).strip(" \"“”")

    def _add(self, kind: str, status: str, parties: list[str], s: Sentence, date: dt.date | None, year: int | None,
             a: AgreementMention, si: int, topic: str) -> None:
        span = self.text.span(s.start, s.end)
        doc_year = self.text.doc.date.year if self.text.doc.date else 0
        base = "-".join(sorted(parties)) or "x"
        if kind == "declaration" and a.name:  # two declarations of one city are told apart by their names
            key = f"{kind}-{base}-{re.sub(r'[^0-9a-z]+', '', a.name.lower())[:40]}"
        else:
            key = f"{kind}-{base}-{year or 'undated'}-{fold(topic)[:20] or fold(a.name)[:20] or len(self.found)}"
        names = [("en", a.name)] if a.name else []
        event = self.event_at(a.start) if status == "signed" and (year is None or year == doc_year) else ""
        ag = Agreement(key, kind, status, list(parties), span, date, topic, names, event, year=year)  # year: see relate.retold
        self.found.append(_Found(ag, year, si))

    def ties(self) -> None:
        """Two places that become (or have been) sister, friendship or partner cities: a friendship agreement."""
        text = self.text
        raw = text.raw
        any_list = _may_list_ties(text.low) and _TIE_LIST.search(raw) is not None
        for si, s in enumerate(text.sentences):
            listed = _TIE_LIST.search(raw, s.start, s.end) if any_list else None
            if listed is not None and listed.group(1).lower() in ("sister", "twin") and len(tie_list(self.res, si, listed)[1]) >= 2:
                continue  # "A forged sister city ties with B, C and D": sister cities (find_sister_cities_en), one by one
            if listed is not None and listed.group(1).lower() in ("friendship", "friendly"):
                # "it established friendship city ties with A, B and C": one friendship agreement with each
                owner, items = tie_list(self.res, si, listed)
                if owner and len(items) >= 2:
                    for b in items:
                        if self._same("friendship", [owner, b], None) is None:
                            fake = AgreementMention(listed.start(), listed.end(), listed.group(), "friendship", listed.group())
                            self._add("friendship", "signed", [owner, b], s, None, None, fake, si, "")
                    continue
            for m in _TIE.finditer(raw, s.start, s.end):
                if not _TIE_VERB.search(raw, s.start, s.end) or re.search(r"\b(?:association|program|programme|international)\b",
                                                                          raw[m.end():m.end() + 14], re.I):
                    continue
                if _EVENT_AFTER.match(raw, m.end()):
                    continue  # "the Taipei-Shanghai Twin-City Forum": an event's name, no tie
                if raw.startswith(" alliance", m.end()):
                    continue  # "the anniversary of the sister city alliance between A and B": a tie (sister cities), no signing told (s9-en2)
                last = self.last_parties if len(self.last_parties) == 2 else [self.res.home_place, self.partner]
                pair = _tie_pair(self.res, s.start, m.start(), m.end(), s.end, (last[0], last[1]) if all(last) else None)
                hoped = bool(_HOPED.search(raw, s.start, m.start()))  # "They look forward to … even becoming sister cities"
                if pair is None and hoped and all(last) and not _places_in(self.res, s.start, s.end):
                    # "He also highlighted the possibility of establishing a formal sister-city relationship": the two
                    # the release is about
                    pair = (last[0], last[1])
                if pair is None:
                    continue
                rec = self.res.recognised
                c0 = max([s.start] + [i + 1 for i in (raw.rfind(",", s.start, m.start()), raw.rfind(";", s.start, m.start()))])
                c1 = min([s.end] + [i for i in (raw.find(",", m.end(), s.end), raw.find(";", m.end(), s.end)) if i >= 0])
                near = [d for d in rec.within(rec.dates, c0, c1)]  # the year of the tie's own clause
                if re.search(r"\banniversary\b", raw[s.start:m.start()]):
                    near = []  # "celebrated on Friday the 60th anniversary of their sister city ties": the date is the celebration's
                years = sorted(near, key=lambda d: abs(d.start - m.end()))[:1]
                year = years[0].date.year if years else None
                if any(f.sentence == si and set(f.ag.parties) == set(pair) and (year is None or f.year in (None, year))
                       for f in self.found):
                    continue  # the agreement word of the sentence tells it
                if self._same("friendship", list(pair), year) is not None:
                    continue
                if any(f.ag.kind == "friendship" and set(f.ag.parties) == set(pair) for f in self.found) and year is None:
                    continue
                fake = AgreementMention(m.start(), m.end(), m.group(), "friendship", m.group())
                day = next((d.date for d in years if d.precision == "day"), None)
                self._add("friendship", "planned" if hoped else "signed", list(pair), s, None if hoped else day,
                          None if hoped else year, fake, si, "")
                break

    def run(self) -> list[Agreement]:
        text = self.text
        rec = self.res.recognised
        order = [i for i, s in enumerate(text.sentences) if text.units[s.unit].kind not in ("title", "subtitle")] + \
                [i for i, s in enumerate(text.sentences) if text.units[s.unit].kind in ("title", "subtitle")]
        for si in order:
            s = text.sentences[si]
            title = text.units[s.unit].kind in ("title", "subtitle")
            if text.units[s.unit].kind == "caption":
                continue
            for a in rec.within(rec.agreements, s.start, s.end):
                self.one(a, si, title)
        self.ties()
        return [f.ag for f in self.found]


def find_agreements_en(res: Resolved, events: dict[str, Event], event_at: Callable[[int], str]) -> list[Agreement]:
    return EnglishAgreements(res, events, event_at).run()


# ----------------------------------------------------------------------------- sister cities

_SISTER = re.compile(r"\bsister[ -](?:cit(?:y|ies)|prefectures?|states?|counties|county|provinces?|regions?)\b|\btwinned\b|"
                     r"\btwin cit(?:y|ies)\b|(?<=\bbecame )sisters\b|(?<=\bbecome )sisters\b", re.I)
_OWNER = re.compile(r"(?:'s|’s)?\s+(?:(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|oldest|newest|latest|another|only|"
                    r"longest-standing|[A-Z]{2}|US|U\.S\.|Japanese|American|European|Asian)\s+){0,3}$")


def _place_written(res: Resolved, m: PlaceMention) -> str:
    """The place a mention names, as written: "Laguna City" where the table knows only the province Laguna is a city of
    its own, not the province (s9-en2)."""
    name = m.text if m.text.endswith(" City") else f"{m.text} City" if res.text.raw.startswith(" City", m.end) else ""
    if name and m.kind not in ("city", "country") and m.entry is not None \
            and not any(x.kind == "city" for x in gz.places().curated.get(gz.fold(name.removesuffix(" City")), [])):
        return add_place(res, PlaceMention(m.start, m.start + len(name), name, name, None, m.country, "city"), m.country)
    return add_place(res, m)


def _tie_places(res: Resolved, a: int, b: int, lo: int) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in _places_in(res, a, b):
        before = res.text.raw[max(lo, m.start - 12):m.start]
        if re.search(r"\b(?:in|at)\s+(?:the\s+)?$|,\s*$", before) and out:
            continue  # "San Jose, California", "Tacoma in Washington": where the one before lies
        out.append(m)
    return out


def _tie_pair(res: Resolved, s0: int, w0: int, w1: int, s1: int, both: tuple[str, str] | None = None) -> tuple[str, str] | None:
    """The two places a sister-city word ties: "A and B (have been) sister cities", "B, A's 39th sister city",
    "A's sister city B", "A, a sister city of B", "A has been a sister city of B", "sister city B" (with the home
    city)."""
    raw = res.text.raw
    home = res.home_place
    before = _tie_places(res, s0, w0, s0)
    after = _tie_places(res, w1, s1, w1)
    keys_before = [add_place(res, m) for m in before]
    of = after[0] if after and _OF_PLACE.fullmatch(raw, w1, after[0].start) and not raw[w0:w1].lower().endswith("ies") else None
    if of is not None:
        # "A, a sister city of B, …", "A has been a sister city of B since 1979": the place the clause is about and B
        head = _of_head(res, s0, w0)
        if head is not None:
            x, y = add_place(res, head), _place_written(res, of)
            return (x, y) if x != y else None
    # "A, B's sister city since 1990": B owns the tie though a comma stands before it (not where A lies)
    owner = next((m for m in reversed(_places_in(res, max(s0, w0 - 60), w0)) if m not in before and m.kind in _LIST_KINDS
                  and _OWNER.fullmatch(raw, m.end, w0) and re.search(r"['’]s", raw[m.end:w0])), None)
    owner = owner or next((m for m in reversed(before) if _OWNER.fullmatch(raw, m.end, w0) or
                           (raw[m.end:w0].strip() == "" )), None)
    if owner is not None:
        ok = add_place(res, owner)
        others = [add_place(res, m) for m in reversed(before) if m is not owner]
        partner = next((k for k in others if k != ok), None)
        if partner is None and after and re.match(r"\s*(?:\([^)]*\)\s*)?$", raw[w1:after[0].start]):
            partner = add_place(res, after[0])
        if partner is None and ok != home:
            partner = home
        return (ok, partner) if partner and partner != ok else None
    plural = raw[w0:w1].lower().endswith(("ies", "twinned", "s"))
    distinct = list(dict.fromkeys(keys_before))
    if (plural or re.search(r"\btheir\s+$", raw[s0:w0])) and len(distinct) >= 2 and (
            not plural or re.search(r"\btheir\s+$", raw[s0:w0]) or _BOTH.search(raw, s0, w0)
            or _joined(res, before, distinct[-2], distinct[-1])):
        return distinct[-2], distinct[-1]  # "A and B are sister cities", "A and B marked 60 years of their sister city ties"
    pair = _between_pair(res, after, w1)
    if pair is not None:
        return pair
    if len(distinct) >= 2 and _THEY_FORMED.match(raw, w1, s1) \
            and _joined(res, before, distinct[-2], distinct[-1]):
        return distinct[-2], distinct[-1]  # "A and B … the sister-city relationship that they formed in 1978"
    if len(distinct) >= 2 and re.search(r"\b(?:years|anniversary)\s+of\s+(?:the\s+|their\s+)?$", raw[s0:w0]) \
            and _joined(res, before, distinct[-2], distinct[-1]):
        return distinct[-2], distinct[-1]  # "A and B have enjoyed 12 years of sister city status"
    if after and (re.match(r"\s*(?:\([^)]*\)\s*)?$", raw[w1:after[0].start])
                  or (not plural and re.match(r"\s*[,—–]\s*$", raw[w1:after[0].start]))):
        k = _place_written(res, after[0])  # "sister city B", "its sister city, B" (s9-en2)
        return (home, k) if home and k != home else None
    if after and _TIE_WITH.fullmatch(raw, w1, after[0].start):
        first = after[0]
        if len(after) > 1 and re.fullmatch(r"['’]s\s+", raw[first.end:after[1].start]):
            first = after[1]  # "ties with Incheon's Yeonsu District": the district of the city
        k = add_place(res, first)  # "Sister City Relationship with B"; "A … a relationship with home" is A's, below
        if home and k != home:
            return home, k
    if len(distinct) == 2 and _ESTABLISHING.search(raw, s0, w0):
        return distinct[0], distinct[1]  # "A signed an MOU with B, officially establishing a sister city relationship"
    if len(distinct) == 1 and distinct[0] != home and home:
        return home, distinct[0]
    if plural and not distinct and both is not None and _BOTH.search(raw, s0, w0):
        return both  # "The two cities have been sister cities since 1999"
    return None


# "sister city of (the City of) B"; before the word, the place it is said of: set off as an appositive ("A, a sister
# city of B") or the subject of "is", "has been", "became" ("A has long been a sister city of B")
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?(?:[Cc]ity\s+of\s+)?")
_APPOSITIVE_OF = re.compile(r"\s*,\s+(?:also\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?")
_PREDICATE_OF = re.compile(r"\s+(?:(?:has|have|had)\s+(?:long\s+|also\s+)?been|is|was|(?:has\s+|had\s+)?bec(?:a|o)me|becomes|remains?|"
                           r"remained)\s+(?:also\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?")


def _of_head(res: Resolved, s0: int, w0: int) -> PlaceMention | None:
    """The place a "sister city of B" is said of: the city right before the appositive or the verb, past the state or
    country that says where it lies ("Fresno, California, a sister city of B")."""
    raw = res.text.raw
    rec = res.recognised
    lo = max(s0, w0 - 160)  # the place stands right before the words that tie it: a short window, whatever the sentence
    places = _places_in(res, lo, w0)
    where = sorted([(p.start, p.end) for p in places if p.kind not in _LIST_KINDS] +
                   [(c.start, c.end) for c in rec.within(rec.countries, lo, w0)])
    for m in reversed(places):
        if m.kind not in _LIST_KINDS:
            continue
        end = m.end
        for a, b in where:
            if a >= end and re.fullmatch(r",\s*", raw[end:a]):
                end = b
        if _APPOSITIVE_OF.fullmatch(raw, end, w0) or _PREDICATE_OF.fullmatch(raw, end, w0):
            return m
    return None


def _joined(res: Resolved, before: list[PlaceMention], x: str, y: str) -> bool:
    """Whether places x and y are named together ("A and B", "A, B"): "the delegates from Missouri visited Tainan to
    … in the sister cities" ties neither to the other."""
    raw = res.text.raw
    keys = [(add_place(res, m), m) for m in before]
    return any({k1, k2} == {x, y} and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", raw[m1.end:m2.start])
               for (k1, m1), (k2, m2) in itertools.pairwise(keys))


# "the sister city relationship between A, Japan, and B"; "since the establishment of sister city ties in 2017, A and B
# have …": the two places named right after the tie word
_BETWEEN = re.compile(r"\s+(?:relationship|relations|ties?|partnership|agreement|bond|alliance)\s+between\s+(?:the\s+)?", re.I)
_TIES_THEN_PAIR = re.compile(r"\s+(?:relationship|relations|ties?|partnership|bond)(?:\s+(?:in|since)\s+(?:19|20)\d\d)?,\s+", re.I)


def _between_pair(res: Resolved, after: list[PlaceMention], w1: int) -> tuple[str, str] | None:
    raw = res.text.raw
    towns = [m for m in after if (m.kind or "") != "country"]
    if len(towns) < 2:
        return None
    a, b = towns[0], towns[1]
    between = _BETWEEN.fullmatch(raw, w1, a.start) and re.fullmatch(r"(?:,\s*[A-Z][\w .'-]{1,30})?,?\s+and\s+(?:the\s+)?",
                                                                   raw[a.end:b.start])
    if not between and not (_TIES_THEN_PAIR.fullmatch(raw, w1, a.start) and re.fullmatch(r"\s+and\s+", raw[a.end:b.start])):
        return None
    x, y = _place_written(res, a), _place_written(res, b)
    return (x, y) if x != y else None


_SIGNED_ON = re.compile(r"(?<=, )signed (?:on|in) ")
_TIE_WITH = re.compile(r"\s+(?:relationship|relations|ties?|partnership|agreement|bond)\s+with\s+(?:the\s+)?", re.I)
_ESTABLISHING = re.compile(r"\b(?:establishing|forming|forging|formalizing|formalising|creating)\s+(?:an?\s+|the\s+|their\s+)?"
                           r"(?:formal\s+|official\s+|new\s+)?$", re.I)
# "… sister-city relationship that they formed": \s*(?:X\s*)? splits a run of blanks one way only
_THEY_FORMED = re.compile(r"\s+(?:(?:relationship|relations|ties?|partnership|bond)\s*)?(?:that|which)\s+they\s+")
_EVENT_AFTER = re.compile(r"\s+(?:Forum|Summit|Conference|Festival|Expo|Games|Exhibition|Fair)\b")
_BODY_AFTER = re.compile(r"\s+(?:Association|Program|Programme|International|Youth|Promotion|Exchange|Committee|Commission)\b")


def find_sister_cities_en(res: Resolved, agreements: Sequence[Agreement] = ()) -> list[SisterCity]:
    """Sister-city ties told in English (a friendship city is an agreement, not a sister city): the two places of a
    sister-city agreement ("renewed its sister city agreement with Fort Lauderdale", "a sister agreement"), and the
    places a sister-city phrase ties ("Guam becomes Taichung's 18th sister city")."""
    text = res.text
    raw = text.raw
    out: list[SisterCity] = []
    seen: set[frozenset[str]] = set()
    for ag in agreements:
        if ag.kind != "friendship" or ag.status == "planned" or len(ag.parties) != 2 or not all(p in res.places for p in ag.parties):
            continue  # a tie only planned is not made
        if not re.search(r"\bsister\b|\btwin", ag.span.text, re.I) or (ag.names and not re.search(r"sister|twin", " ".join(
                n for _, n in ag.names), re.I) and re.search(r"friendship|friendly|partner", " ".join(n for _, n in ag.names), re.I)):
            continue
        said = ag.span.text
        if all(_HOPED.search(said, 0, m.start()) or _BODY_AFTER.match(said, m.end())
               for m in re.finditer(r"\b(?:sister|twin)(?:[ -]cit(?:y|ies)|s)?\b", said, re.I)):
            # "friendship cities since 2015 and expected to upgrade their ties to sister cities": not yet sisters;
            # "Aurora Sister Cities International announced a friendship agreement": a body's name, no tie
            continue
        x, y = sorted(ag.parties)
        if frozenset((x, y)) not in seen:
            seen.add(frozenset((x, y)))
            out.append(SisterCity(x, y, ag.span))
    partner = _partner(res)  # the same for every phrase: counted once
    for m in _SISTER.finditer(raw):
        if _BODY_AFTER.match(raw, m.end()):
            continue  # "Sister Cities International", "San Jose-Tainan Sister City Association": a body's name
        s = text.sentences[text.sentence_of(m.start())]
        if text.units[s.unit].kind == "caption":
            continue
        if m.group() == "Sister Cities" and text.units[s.unit].kind not in ("title", "subtitle", "heading") \
                and any(p.end == m.start() - 1 for p in _places_in(res, max(s.start, m.start() - 40), m.start())):
            continue  # "Aurora Sister Cities welcomes …": the place's sister-city body, named in running text
        pair = _tie_pair(res, s.start, m.start(), m.end(), s.end, (res.home_place, partner) if res.home_place and partner else None)
        if pair is None or _HOPED.search(raw, s.start, m.start()):
            continue  # a tie hoped for is not made
        x, y = sorted(pair)
        if x == y or frozenset((x, y)) in seen or x not in res.places or y not in res.places:
            continue
        seen.add(frozenset((x, y)))
        out.append(SisterCity(x, y, text.span(s.start, s.end)))
    _sister_lists(res, out, seen)
    for si, s in (enumerate(text.sentences) if _may_list_ties(text.low) and _TIE_LIST.search(raw) else ()):
        listed = _TIE_LIST.search(raw, s.start, s.end)
        if listed is None or listed.group(1).lower() not in ("sister", "twin") or _HOPED.search(raw, s.start, listed.start()):
            continue
        owner, items = tie_list(res, si, listed)  # "A forged sister city ties with B, C and D"
        for b in items if owner in res.places else []:
            if b in res.places and frozenset((owner, b)) not in seen:
                x, y = sorted((owner, b))
                seen.add(frozenset((x, y)))
                out.append(SisterCity(x, y, text.span(s.start, s.end)))
    return out


# "it has eight sister cities, which include A in France, B in Germany and C", "Lyon's sister cities are A and B"
# (s9-en2) "toured four sister cities in the United States, which included A, Oklahoma, B and C"
_SISTER_LIST = re.compile(r"\bsister cities(?: in (?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})?,? (?:which |that )?"
                          r"(?:include|includes|included|including|are|among them|such as)\b|"
                          r"\bsister cities:", re.I)
_LIST_KINDS = ("city", "county", "district", "township")


def _sister_lists(res: Resolved, out: list[SisterCity], seen: set[frozenset[str]]) -> None:
    """The cities a list names after "<A> has N sister cities, including": each a sister city of A, the city named
    last before the phrase in its sentence, else (the list opens with "it" or "its") the first city of the sentence
    before."""
    text = res.text
    for m in _SISTER_LIST.finditer(text.raw):
        si = text.sentence_of(m.start())
        s = text.sentences[si]
        if text.units[s.unit].kind == "caption" or _HOPED.search(text.raw, s.start, m.start()):
            continue
        before = [p for p in _places_in(res, s.start, m.start()) if p.kind in _LIST_KINDS]
        if before:
            owner = before[-1]
        elif si > 0 and re.search(r"\b(?:it|its)\b", text.raw[s.start:m.start()], re.I):
            prev = text.sentences[si - 1]
            firsts = [p for p in _places_in(res, prev.start, prev.end) if p.kind in _LIST_KINDS]
            if not firsts:
                continue
            owner = firsts[0]
        else:
            continue
        a = add_place(res, owner)
        for p in _places_in(res, m.end(), s.end):
            if p.kind not in _LIST_KINDS:
                continue
            b = add_place(res, p)
            if a == b or frozenset((a, b)) in seen or a not in res.places or b not in res.places:
                continue
            x, y = sorted((a, b))
            seen.add(frozenset((x, y)))
            out.append(SisterCity(x, y, text.span(s.start, s.end)))

