"""Event mentions in English: a name that ends in an event word (Summit, Forum, Expo, Congress, Ceremony …).

- A capitalised name runs left from its head over capitalised words, numbers and ordinals ("2018 Global Harbor
  Cities Forum", "Smart City Mayors' Summit", "KED-Talks"), through "and"/"&" when a capitalised word stands on
  each side ("Smart City Summit and Expo"), and right over a year ("EcoMobility World Congress 2017") and an
  "of the …" that names what it belongs to ("40th Anniversary Celebration of the Tainan–San Jose Sister City
  Relationship", "opening ceremony of the Congress"). Words that open a sentence (The, At, During) are not part
  of it. A quoted name is taken whole ("2023 New Taipei City–U.S. … Launch Press Conference").
- A lower-case event word with a word that makes it a part ("the opening ceremony", "the closing plenary", "the
  main forum", "a carnival parade") names a session or ceremony; a lower-case word alone after a determiner ("the
  forum", "the Congress") is *generic*: resolution ties it to the event of its kind named before it.
- An event word followed by a word that makes it something else (Exhibition Center, Forum Declaration, Reception
  Hall) is no event; a plural (sessions, workshops) is several events, none named.
- The year is the name's, else a year the clause gives right after it ("the first … Festival in Suwon in 2013").
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import DateMention, EventMention
from smartgraph.extraction.text import Text

__all__ = ["recognise_events_en", "recognise_meetings_en", "recognise_signings_en", "recognise_visits_en"]

_NOT_EVENT_AFTER = re.compile(r"[ -](?:Center|Centre|Hall|Halls|Declaration|Statement|Agreement|Secretariat|Organi[sz]ation|Committee|"
                              r"Association|Council|Foundation|Office|Venue|Site|Grounds?|Room|Building|Museum|Series|Program|"
                              r"Programme|Project|Award|Awards|Prize|City|Cities|Ground|Director|Chairman|Chair|President|"
                              r"Team|Staff|Secretary|Fund|Village|Week|Day|Route|Bureau|Zone|Area|Park)\b", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.\-–]*|[&–]")
# words that open a sentence or a clause and are no part of a name after them
_OPENERS = {"the", "a", "an", "at", "in", "on", "during", "after", "before", "besides", "also", "for", "with", "by", "from", "this",
            "that", "its", "their", "his", "her", "our", "while", "when", "as", "of", "to", "and", "both", "since", "under",
            "addressing", "attending", "speaking", "hosting", "organizing", "organising", "until", "last", "next", "each",
            "every", "whose", "which", "what", "where", "these", "those", "all", "new", "another", "one"}
_JOINERS = {"of", "the", "and", "&", "–", "-", "for", "on", "de", "du"}
_PART_WORDS = {"opening", "closing", "main", "signing", "award", "awards", "welcome", "launch", "carnival", "plenary", "final",
               "inaugural", "welcoming", "farewell", "keynote", "gala", "anniversary"}
_DETERMINERS = re.compile(r"\b(?:the|this|that|its|their|his|her|our|these|same)\s+(?:(?:[\w'’-]+)\s+){0,2}$", re.I)
_YEAR_AFTER = re.compile(r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:19|20)\d\d\b")  # "EcoMobility World Congress 2017", "EXPO Japan 2024"
_ORDINAL = re.compile(r"^(?:(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)|(\d{1,3})(?:st|nd|rd|th))\b", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}
_BRACKET = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9 &'’.,:\-–]{3,80}?)\s*\)")
# a meal or reception someone gives or attends, named by the words before its head: "hosted a year-end appreciation
# dinner", "held a commemoration banquet", "attended a welcome reception" (a bare "hosted a dinner" names none)
_MEAL = re.compile(r"\b(?:(?:co-)?host(?:ed|s|ing)?|held|holds?|holding|gave|gives|threw|attend(?:ed|s|ing)?|organi[sz]ed"
                   r"|(?:participat(?:e|ed|es|ing)|t(?:ake|ook|akes|aking)\s+part)\s+in|join(?:ed|s)?"
                   r"|presid(?:e|ed|es|ing)\s+(?:at|over)|officiated\s+at|witness(?:ed|es)?)\s+"
                   r"(?:a|an|the|their|his|her|its)\s+(?P<name>(?:[\w'’-]+\s+){1,3}"
                   r"(?:banquet|dinner|luncheon|lunch|reception|gala|ceremony|celebration))")
_OF_BODY = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_A_OR_THE = re.compile(r"\b(?:the|a|an|its|their|this\s+year['’]s)\s+(?:(?:annual|yearly|first|second|third|\d{1,3}(?:st|nd|rd|th))\s+)?$")
_OF_AFTER_HEAD = re.compile(r"\s+of\s+(?:the\s+)?")
_GENERIC_KINDS = {"summit", "forum", "expo", "congress", "conference", "festival", "ceremony", "session"}
_VERBISH = re.compile(r"(?:s|ed|ing)$")
# verbs a headline tells an event with, right before the event's word ("Hosts Dinner", "Attends Forum", "Opens Expo")
_HEADLINE_VERBS = {
    "host", "hosts", "hosted", "hold", "holds", "held", "attend", "attends", "attended", "join", "joins", "joined", "open",
    "opens", "opened", "visit", "visits", "visited", "welcome", "welcomes", "welcomed", "receive", "receives", "received",
    "give", "gives", "gave", "throw", "throws", "threw", "launch", "launches", "launched", "celebrate", "celebrates",
    "celebrated", "stage", "stages", "staged", "organize", "organizes", "organized", "organise", "organises", "organised",
    "co-host", "co-hosts", "co-hosted", "lead", "leads", "led", "address", "addresses", "addressed", "inaugurate",
    "inaugurates", "inaugurated", "invite", "invites", "invited", "close", "closes", "closed", "kick", "kicks", "wrap",
    "wraps", "concludes", "concluded", "marks", "marked", "chairs", "chaired", "hails", "hailed", "promotes", "promoted",
}


_FUNCTION = {"of", "on", "in", "at", "was", "is", "will", "with", "and", "to", "that", "which", "for", "held", "were", "are", "has",
             "had", "opened", "closed", "began", "ended", "wrapped", "came", "brought", "drew", "attracted", "featured", "took", "ran",
             "under", "from", "by", "as", "this", "last", "next", "where", "when", "organized", "organised", "hosted", "co-hosted",
             "also", "itself", "through", "until", "or", "but", "so", "after", "before", "since", "today", "yesterday", "tomorrow",
             "would", "could", "can", "may", "did", "does", "kicked", "saw", "gave", "marked", "includes", "included", "continues",
             "continued", "concluded", "starts", "started", "begins", "lasted", "lasts", "there", "here", "not", "be", "been",
             "runs", "opens", "closes", "ends", "brings", "draws", "attracts", "features", "takes", "focuses", "focused", "gathers",
             "gathered", "aims", "aimed", "invites", "invited", "welcomes", "welcomed", "highlights", "highlighted", "alternates",
             "returns", "returned", "moves", "moved", "must", "should", "might", "shall"}


def _ordinal_of(name: str) -> int | None:
    """The ordinal a name opens with ("Fourth Summit …", "40th anniversary …"), None if it opens with none."""
    om = _ORDINAL.match(name)
    if om is None:
        return None
    return _ORDINALS[om.group(1).lower()] if om.group(1) else int(om.group(2))


def category_of(h: object) -> str:
    return str(getattr(getattr(h, "entry", None), "category", ""))


def _tokens(raw: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(lo + m.start(), lo + m.end(), m.group()) for m in _TOKEN.finditer(raw[lo:hi])]


def _capital(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word in ("&", "–")


def _left(raw: str, lo: int, hs: int, title: bool) -> int:
    """Where a capitalised name ending at a head (starting at ``hs``) begins."""
    toks = _tokens(raw, lo, hs)
    start = hs
    i = len(toks) - 1
    taken = 0
    while i >= 0 and taken < 12:
        s, e, w = toks[i]
        gap = raw[e:start]
        if gap.strip(" -–'’") or ("\n" in gap):
            break  # a comma, a bracket or a quote ends the name
        if _capital(w):
            if re.search(r"['’]s$", w) and gz.place_named(w[:-2]) is not None:
                break  # "Kaohsiung's 2024 CITY COP": the host's name is no part of the event's
            if title and taken and _VERBISH.search(w) and not w[:1].isdigit() and w.lower() not in ("mayors", "cities", "games"):
                break  # a headline's verb: "Ink MOU on … at 2019 Asia Pacific Cities Summit"
            if title and w.lower() in _HEADLINE_VERBS:
                break  # "Mayor Ko Hosts Dinner for …": the verb and its subject name no event
            start, taken = s, taken + 1
            i -= 1
            continue
        if w.lower() == "for" and i > 0 and gz.place_named(toks[i - 1][2]) is not None:
            break  # "flies to Busan for Harbour Cities Forum": where one goes, then what for
        if w.lower() in _JOINERS and i > 0 and _capital(toks[i - 1][2]) and (taken or raw[hs:hs + 1].isupper()):
            # "Summit and Expo", "Celebration of the": joined only between capitalised words
            start = s
            i -= 1
            continue
        break
    # "… Nangang The 2019 Smart City Summit": a capitalised opener inside the run begins the name after it
    for s, _e, w in _tokens(raw, start, hs)[1:]:
        if w in ("The", "At", "In", "During", "After", "Before", "With", "For", "From", "On", "By", "As", "While"):
            start = s
    if start < hs:  # "the first EcoMobility World Festival", "the 2nd …": the edition is part of the name
        before = re.search(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\s+$",
                           raw[max(lo, start - 12):start])
        if before:
            start -= len(before.group())
            return start
    # words that open a sentence are no part of the name
    while start < hs:
        m = _TOKEN.match(raw, start)
        if m is None or (m.group().lower() not in _OPENERS and m.group().lower() not in ("and", "&", "of")):
            break
        nxt = raw.find(" ", m.end(), hs)
        start = nxt + 1 if 0 <= nxt < hs else hs
    return start


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH = f"(?:{_MONTHS})"
# a month as dates write it in full or shortened with a full stop ("on Sept. 3")
_MONTH_WORD = f"(?:{_MONTHS}|" + r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
# "Summit of the Americas", "Summit on Taiwan-Japan Exchanges", "Conference on Urban Resilience": the name goes on
_OF_OR_ON = re.compile(r"\s+(of|on)\s+(?:the\s+)?(?=[A-Z0-9])")
_WHEN_AFTER_ON = re.compile(r"(?:\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:" + _MONTHS
                            + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)")


def _right(raw: str, he: int, hi: int) -> int:
    """Where a name goes on after its head: a year, or "of the" and a capitalised name."""
    e = he
    y = _YEAR_AFTER.match(raw, e, hi)
    if y:
        e = y.end()
    of = _OF_OR_ON.match(raw, e, hi)
    if of and of.group(1) == "on" and _WHEN_AFTER_ON.match(raw, of.end(), hi):
        of = None  # "the Forum on Monday", "the Summit on July 4": a day, not the name's subject
    if of:
        end = of.end()
        last = end
        for s, t, w in _tokens(raw, end, min(hi, end + 120)):
            if raw[last:s].strip(" -–'’") or "\n" in raw[last:s]:
                break
            if _capital(w) or (w.lower() in ("and", "&", "of", "the", "for") and last > end):
                last = t
                continue
            break
        while last > end and raw[:last].rsplit(None, 1)[-1].lower() in ("and", "&", "of", "the", "for"):
            last = raw.rfind(" ", end, last)
        if last > end:
            e = last
    return e


def _quote(raw: str, s: int, e: int) -> tuple[int, int] | None:
    """The quotation a head ends, as (content start, content end)."""
    for o, c in (('"', '"'), ("“", "”")):
        k = raw.rfind(o, max(0, s - 160), s)
        if k < 0 or raw.count(c if c != o else o, k + 1, s) > 0:
            continue
        close = raw.find(c, e, e + 60)
        if close < 0 or not re.fullmatch(r"(?::[^\"”]{0,60})?\s*", raw[e:close]):
            continue
        return k + 1, (close if raw[e:close].strip() == "" else e)
    return None


def recognise_events_en(text: Text, dates: list[DateMention]) -> list[EventMention]:
    raw, low = text.raw, text.low
    hits = [h for h in lx.event_matcher_en().find(low) if h.entry.category != "visit"]
    out: list[EventMention] = []
    year_dates = [d for d in dates if d.precision == "year"]
    for n, h in enumerate(hits):
        word = raw[h.start:h.end]
        unit = text.unit_of(h.start)
        title = unit.kind in ("title", "subtitle", "heading")
        if _NOT_EVENT_AFTER.match(raw, h.end) or re.match(r"(?:s|es)\b|-(?:goers|related|wide)", raw[h.end:h.end + 8]):
            continue  # "Exhibition Center", "Forum Declaration", "sessions", "forum-goers"
        if word[:1].islower() and re.match(r"\s+([a-z]+)", raw[h.end:h.end + 20]) and \
                re.match(r"\s+([a-z]+)", raw[h.end:h.end + 20]).group(1) not in _FUNCTION:  # type: ignore[union-attr]
            continue  # "plenary debates", "forum participants": the word describes something else
        if category_of(h) == "day" and (title or word[:1].islower() or raw[h.start - 1:h.start] == "-"):
            continue  # "Five-Day", "a day": no day named
        if re.search(r"\b(?:Prefectural|City|Municipal|National|Legislative|County|State|Provincial|Regional|Metropolitan)\s+$",
                     raw[max(0, h.start - 16):h.start]) and h.entry.category == "congress":
            continue  # "Miyazaki Prefectural Assembly": a council, not a meeting
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        if nxt is not None and re.fullmatch(r"\s+(?:and|&)\s+(?:[A-Z][\w'’-]*\s+){0,3}", raw[h.end:nxt.start]) and word[:1].isupper() \
                and raw[nxt.start].isupper():
            continue  # "Summit and Expo", "Summit and Mayors' Forum": the later head ends the name
        s_lo = text.sentences[text.sentence_of(h.start)].start
        quoted = False
        alt = ""
        generic = False
        part = h.entry.part
        category = h.entry.category
        q = _quote(raw, h.start, h.end)
        if (q is not None and q[0] < h.start and raw[q[0]].isupper()) or (q is not None and raw[q[0]].isdigit()):
            start, end = q
            name = raw[start:end]
            quoted = True
        elif word[:1].isupper():
            start = _left(raw, max(s_lo, h.start - 160), h.start, title)
            # (s11-ev) "Opening Ceremony of 2023 … Summit": the name of the summit begins after the "of" of an event
            # word before it (that "of" phrase is the ceremony's); "the March 30-April 1 … Expo": after the days
            for p in hits[max(0, n - 3):n]:
                if start < p.end < h.start and (of := _OF_AFTER_HEAD.match(raw, p.end, h.start)) is not None:
                    start = of.end()
            for d in dates:
                if d.precision == "day" and start <= d.start and d.end < h.start and not raw[d.end:h.start].strip(" ").startswith(","):
                    start = d.end + len(raw[d.end:h.start]) - len(raw[d.end:h.start].lstrip(" "))
            end = _right(raw, h.end, text.sentences[text.sentence_of(h.start)].end)
            name = raw[start:end]
            if start == h.start and end == h.end:
                before = raw[max(s_lo, h.start - 30):h.start]
                if not _DETERMINERS.search(before) or category not in _GENERIC_KINDS:
                    continue  # a capitalised word alone, no name and no reference ("Forum" in a headline)
                generic = True  # "the Congress": the congress named before
        elif (meal := _MEAL.search(raw, max(s_lo, h.start - 60), h.end)) is not None and meal.end() == h.end \
                and not _PART_WORDS.intersection(meal["name"].lower().split()[:-1]):  # "the opening ceremony": a part, below
            start, end = meal.start("name"), h.end  # "hosted a year-end appreciation dinner", "held a commemoration banquet"
            name = raw[start:end]
        else:
            mods: list[str] = []
            k = h.start
            for s, e, w in reversed(_tokens(raw, max(s_lo, h.start - 40), h.start)):
                if raw[e:k].strip() or w.lower() not in _PART_WORDS or len(mods) >= 2:
                    break
                mods.insert(0, w)
                k = s
            if mods or word.split()[0].lower() in _PART_WORDS:
                start = k
                lead = _left(raw, max(s_lo, k - 80), k, title) if k > s_lo and raw[k - 1] == " " and raw[k - 2:k - 1].isalnum() else k
                if lead < k and raw[lead:k].strip() and all(_capital(w) for _, _, w in _tokens(raw, lead, k)):
                    start = lead  # "the GO SMART launch event"
                end = _right(raw, h.end, text.sentences[text.sentence_of(h.start)].end)
                name = raw[start:end]
                if category in ("forum", "summit", "conference"):
                    category, part = "session", True  # "the main forum": a part of the forum
            else:
                before = raw[max(s_lo, h.start - 30):h.start]
                s_end = text.sentences[text.sentence_of(h.start)].end
                if not title and word.lower() not in ("meeting", "meetings") and _OF_BODY.match(raw, h.end, s_end) \
                        and _A_OR_THE.search(before) and (end := _right(raw, h.end, s_end)) > h.end:
                    # (s11-ev) "to attend the general assembly of the Northtown Traders' Association": the body's own
                    # meeting, named by the body
                    start, name = h.start, raw[h.start:end]
                elif category not in _GENERIC_KINDS or not _DETERMINERS.search(before) or title:
                    continue
                else:
                    start, end, name, generic = h.start, h.end, word, True
        name = re.sub(r"\s+", " ", name).strip(" \"“”").rstrip(".")
        if not generic and name.split()[0].lower() in _PART_WORDS and category in ("forum", "summit", "conference"):
            category, part = "session", True  # "Main Forum" in a heading: the part, as "the main forum"
        if not name:
            continue
        b = _BRACKET.match(raw, end)
        if b and not generic and re.search(r"[a-z]", b.group(1)) and not re.fullmatch(r"[A-Z]{2,8}(?: \d{4})?", b.group(1)):
            alt = b.group(1).strip()
        year = None
        ym = re.search(r"\b((?:19|20)\d\d)\b", name)
        if ym:
            year = int(ym.group(1))
        else:
            clause_end = min([text.sentences[text.sentence_of(h.start)].end] + [i for i in (raw.find(",", end), raw.find(";", end))
                                                                                if i >= 0])
            yd = next((d for d in year_dates if end <= d.start < min(clause_end, end + 40)), None)
            if yd is not None:
                year = yd.date.year  # "the first EcoMobility World Festival, in Suwon in 2013"
        out.append(EventMention(start, end, raw[start:end], name, category, part, quoted, year, generic, alt, _ordinal_of(name),
                                h.start))
    out += _anniversaries_en(text)
    return _dedupe(out)


# (s10-ev) "celebrated the 25th anniversary of their friendship in a virtual ceremony", "marked the 30th anniversary
# … with a joint reception": a ceremony the sentence tells without a capitalised name (resolution adds the places it names)
_ANNIVERSARY_EN = re.compile(r"\b(?:celebrated|celebrates|celebrating|marked|marks|marking|commemorated|commemorates)\s+"
                             r"(?:the\s+)?(?P<ord>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+anniversary\s+of\s+[^.;]{3,100}?"
                             r"\s+(?:in|with|at|by\s+holding)\s+(?:an?\s+|the\s+)?(?P<how>(?:online|virtual|video|hybrid|joint|special)\s+)?"
                             r"(?P<head>ceremony|celebration|reception|gala)\b")


# "attended sister city San Diego's 250th anniversary, as well as the 40th anniversary of sister city relationship between
# Taichung City and Tucson": an anniversary someone attends is an event, named by its words up to the clause's end
_ATTENDED_ANNIVERSARY_EN = re.compile(
    r"\b(?:attended|attends|attending|joined|joins|(?:participated|participates|took\s+part)\s+in)\s+")  # not "marks": "this year marks …"
_AN_ANNIVERSARY_EN = re.compile(
    r"(?:(?:the|a)\s+|(?:(?:sister|friendship|partner)\s+cit(?:y|ies)\s+)?(?P<whose>(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.-]*['’]s)\s+)"
    r"(?P<ord>\d{1,3}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+anniversary\b(?P<of>\s+of\s+[^.;,()]{3,90}?)?(?=\s*(?:[.;,()]|$|\s+(?:in|on|at|with|by|was|were|is|are|will|which|that|where|when|who)\s))")
_AND_ANOTHER = re.compile(r"\s*,?\s*(?:as\s+well\s+as|and)\s+")


def _anniversaries_en(text: Text) -> list[EventMention]:
    raw = text.raw
    out: list[EventMention] = []
    for m in _ANNIVERSARY_EN.finditer(raw):
        if text.unit_of(m.start()).kind in ("title", "subtitle", "heading", "caption"):
            continue
        name = f"{m['ord']} anniversary {(m['how'] or '').lower()}{m['head'].lower()}"
        out.append(EventMention(m.start(), m.end(), raw[m.start():m.end()], name, "ceremony", False, False, None, False, "", None,
                                m.start("head")))
    for v in _ATTENDED_ANNIVERSARY_EN.finditer(raw):
        if text.unit_of(v.start()).kind in ("title", "subtitle", "heading", "caption"):
            continue
        at = v.end()
        while (a := _AN_ANNIVERSARY_EN.match(raw, at)) is not None:
            if a["of"] is None and a["whose"] is None:
                break  # "marked the 10th anniversary": whose, it does not say
            start = a.start("whose") if a["whose"] else a.start("ord")
            if any(o.start <= a.start("ord") < o.end for o in out):
                break  # told already with its ceremony
            name = raw[start:a.end()]
            out.append(EventMention(start, a.end(), name, re.sub(r"\s+", " ", name), "ceremony", False, False, None, False, "",
                                    _ordinal_of(a["ord"]), a.start("ord")))
            more = _AND_ANOTHER.match(raw, a.end())
            if more is None:
                break
            at = more.end()
    return out


def _dedupe(found: list[EventMention]) -> list[EventMention]:
    """A name that holds another mention's span whole is the one mention ("opening ceremony of the Congress" holds
    "the Congress" only as its parent: both stay, the parent as a generic reference)."""
    out: list[EventMention] = []
    for m in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if any(o.start <= m.start and m.end <= o.end and o.head is not None and m.head is not None and o.head == m.head for o in out):
            continue
        out.append(m)
    return out


# (s10-ev) "put their signatures to an MOU", "set their signatures to", "affixed his signature to": a signing told in other words
_SIGNED = re.compile(r"\b(?:signed|inked|sign)\b|\b(?:put|set|affixed)\s+(?:their|his|her|its)\s+signatures?\s+(?:to|on)\b", re.I)
_WENT_TO_SIGN = re.compile(r"\b(?:traveled|travelled|went|flew|came|headed)\s+to\s+[^.;]{0,60}?\bto\s+sign\b")
# "Several agreements were signed", "will attend the signing of": no one signing the text tells
_NOT_A_SIGNING = re.compile(r"\b(?:several|many|numerous|some|other)\s+(?:\w+\s+)?(?:agreements|memorand\w*|MOUs)\b"
                            r"|(?-i:\b(?:[Ww]ill|[Ww]ould|[Cc]ould|may|[Mm]ight|[Cc]an|[Ss]hould)\b)|\bto sign\b"  # "May 8" is a day
                            r"|\b(?:plans?|planning|expected|scheduled|hopes?)\b|\bsigned up\b|\bif\b", re.I)


_SIGNED_BEFORE = re.compile(r"\b(?:originally|first|previously|earlier|once|had)\s+(?:\w+\s+)?(?:signed|inked)\b|\bback\s+in\b", re.I)


def recognise_signings_en(text: Text, agreements: list[tuple[int, int]]) -> list[EventMention]:
    """Signings an English sentence tells ("A and B signed a sister city agreement", "an MOU was signed"): each is a
    ceremony named "signing" with its verb as head (resolution names it by the places its sentence names). A
    signing of another year than the release's ("signed an MOU in 2017"), one to come ("will sign") or a count of
    them ("several agreements were signed") is none."""
    raw = text.raw
    doc_date = getattr(text.doc, "date", None)
    doc_year = doc_date.year if doc_date is not None else None
    out: list[EventMention] = []
    seen: set[int] = set()
    for a, e in agreements:
        si = text.sentence_of(a)
        if si in seen:
            continue
        s = text.sentences[si]
        if text.units[s.unit].kind in ("title", "subtitle", "heading", "caption"):
            continue
        verbs = [m for m in _SIGNED.finditer(raw, s.start, s.end) if abs(m.start() - a) <= 120]
        if not verbs:
            continue
        v = min(verbs, key=lambda m: abs(m.start() - a))
        lo, hi = min(v.start(), a), max(v.end(), e)
        c0 = max(s.start, raw.rfind(";", s.start, lo) + 1)
        went_to_sign = _WENT_TO_SIGN.search(raw, c0, hi)  # (s10-ev) "flew to Tainan on June 2 to sign …": signed there
        if (_NOT_A_SIGNING.search(raw, c0, hi) and not (went_to_sign and not _NOT_A_SIGNING.search(raw, c0, went_to_sign.start())
                                                         and not _NOT_A_SIGNING.search(raw, went_to_sign.end(), hi))) \
                or re.search(r"\b(?:19|20)\d\d\b", raw[lo:hi]):
            continue
        if re.search(r"\bthen-[A-Za-z]", raw[s.start:s.end]) or _SIGNED_BEFORE.search(raw, c0, hi):
            continue  # "signed by then-Mayor X", "originally signed … back in 1994": a signing of an earlier time
        years = _years_in(raw[s.start:s.end])
        if doc_year is not None and years and doc_year not in years:
            continue  # "signed … on April 12, 1977": an earlier signing, told in passing
        seen.add(si)
        out.append(EventMention(v.start(), v.end(), raw[v.start():v.end()], "signing", "ceremony", False, False, None, False, "", None,
                                v.start()))
    return out


_NUMBER_WORDS = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen)"
_PLACE_WORDS = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|(?:and|of)(?=\s+[A-Z])))*"
# "a seven-day visit to Japan", "her 11-day visit to the United States", "a state visit to Taiwan", "trip to South Korea"
# (a bare "visit to Taipei" is too often a guest's call, told in passing, to stand for a trip)
_VISIT_NOUN = re.compile(r"\b((?:" + _NUMBER_WORDS + r"-day\s+(?:(?:state|official|working|study)\s+)?(?:visit|trip|tour)"
                         r"|(?:state|official|working|study)\s+(?:visit|trip|tour)|trip|tour)\s+to\s+(" + _PLACE_WORDS + r"))")
# "During the visit to San Jose on March 20, Chen and his team were welcomed by …": a visit the sentence opens with, on its day
_DURING_THE_VISIT = re.compile(r"\b(?:During|On|At)\s+(?:the|his|her|their|its)\s+(?:(?:official|working|first|two-day|one-day)\s+)?"
                               r"(visit\s+to\s+(?!the\s+[a-z])(" + _PLACE_WORDS + r"))(?=\s+on\s+" + _MONTH_WORD + r"\s+\d{1,2}\b)")
# "Deputy Mayor X traveled to the United States on behalf of Mayor Y during July 11-20, where he visited …": a trip the
# sentence gives the days of (not "also traveled to Phoenix to visit …", one stop of it)
_TRAVELED_TO = re.compile(r"\b(?:traveled|travelled|flew)\s+to\s+(" + _PLACE_WORDS + r")(?=[^.;]{0,80}?(?:\bduring\b|\bfrom\s+"
                          r"(?:" + _MONTH + r"|\d)|, where\b))")
# "Deputy Mayor Kim of Daegu City visited Taipei City Government on 23 February": a guest's call, told on its day, by the
# subject that opens the sentence
# (the subject may list several: "AIT Director A, AIT Kaohsiung Branch Chief B and Deputy Branch Chief C, and other AIT
# officials visited Tainan City Government today": the visit is named after the first)
_SUBJECT_ITEM = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the))*"
_SUBJECT_VISITED = re.compile(r"(" + _SUBJECT_ITEM + r")((?:(?:,\s+(?:and\s+)?|\s+and\s+)(?:(?:other|several|senior)\s+)?" + _SUBJECT_ITEM
                              + r"(?:\s+(?:officials|members|staff|representatives|delegates))?){0,8}),?"
                              r"\s+(?:visited|called\s+on)\s+(" + _PLACE_WORDS + r")\s+"
                              r"(?=(?:on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"|on\s+" + _MONTH + r"\s+\d{1,2}"
                              r"|today|yesterday)\b)")
_SUBJECT_OF = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")
# "headed a Taipei City Government delegation to Japan", "led a 15-member delegation to Brisbane"
_LED_TO = re.compile(r"\b(?:led|leads|headed|heads|leading|heading)\s+(?:a|an|the|his|her|their)\s+((?:[\w'’-]+\s+){0,5}?)"
                     r"(?:delegation|group|mission|team|contingent)\s+(?:of\s+[^,.;]{1,40}?\s+(?=on\s))?(?:on\s+(?:a|an)\s+[^,.;]{0,40}?\s+)?"
                     r"to\s+(?:the\s+(?:cities|city|towns?|prefectures?)\s+of\s+)?(" + _PLACE_WORDS + r")")
# "On September 24, Mayor X led a delegation …": the day, told before the verb
_ON_A_DAY_FIRST = re.compile(r"\s*On\s+" + _MONTH_WORD + r"\s+\d{1,2}\b")
# "The Association of Foreign Relations (AFR) delegation to Taichung City Government on April 16, 2019 was warmly received
# by …": a delegation's visit told by its hosts' welcome
_DELEGATION_TO_RECEIVED = re.compile(r"\b[Tt]he\s+((?:[\w'’()-]+\s+){0,8}?)(?:delegation|mission)\s+to\s+(" + _PLACE_WORDS + r")"
                                     r"[^.;]{0,40}?\s+(?:was|were)\s+(?:\w+\s+)?(?:received|welcomed|greeted)\s+by\b")


# "a 32-member Miyazaki delegation led by A, together with B, visited Taichung City Hall and was received by C"
_DELEGATION_VISITED = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+((?:[\w.'’-]+\s+){0,4}?)(?:[Dd]elegation|[Mm]ission)\b([^.;]{0,320}?)\s+"
                                 r"(?:visited|called\s+on|arrived\s+in)\s+(" + _PLACE_WORDS + r")"
                                 r"(?:\s+and\s+(?:was|were)\s+received\s+by\s+((?:[A-Z][\w.'’-]*\s+){0,6}[A-Z][\w'’-]*))?")
_A_DELEGATION = re.compile(r"an?\s", re.I)  # a delegation the text brings in, not "the delegation" met before
# the day a sentence's visit was made, told after its verb: "today (19th)", "on the 19th", "on December 19"
_ON_A_DAY = re.compile(r"[^.;]{0,60}?\b(?:today|yesterday|this\s+(?:morning|afternoon|evening)|on\s+the\s+\d{1,2}(?:st|nd|rd|th)"
                       r"|on\s+" + _MONTH_WORD + r"\s+\d{1,2}|from\s+" + _MONTH_WORD + r"\s+\d{1,2}\s*(?:to|through|until|-|–))\b", re.I)


def _only_title(words: str) -> bool:
    """Whether capitalised words are a post and nothing more ("Chair", "Deputy Mayor")."""
    low = words.lower()
    return any(h.start == 0 and h.end == len(low) for h in lx.title_matcher_en().find(low))


_LED_BY = re.compile(r"^,?\s+led\s+by\s+((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*)")
# "Mayor A received a 12-member Cebu delegation led by B", "hosted a delegation from Cebu City"
_RECEIVED_DELEGATION = re.compile(r"\b(?:received|receives|welcomed|welcomes|welcome|hosted|hosts)\s+(?:a|an|the)\s+((?:[\w'’-]+\s+){0,4}?)"
                                  r"(?:delegation|mission)\b(?:\s+(?:of|consisting\s+of|made\s+up\s+of|comprising)\s+(?:\d{1,3}\s+)?"
                                  r"(?:[a-z-]+\s+){0,2}(?:officials|members|people|representatives|guests|delegates|leaders|experts|"
                                  r"students|entrepreneurs|business\s+leaders|parliamentarians|lawmakers|legislators|"
                                  r"councilors|councillors|mayors|scholars|executives))?(?:\s+from\s+(" + _PLACE_WORDS + r"))?"
                                  r"(?:,?\s+led\s+by\s+(?:the\s+)?(?:(?:deputy|vice|acting|former|mayor|governor|speaker|chairman|"
                                  r"chairwoman|chair|president|director|minister|secretary-general|councilor|councillor)\s+){0,3}"
                                  r"((?:[A-Z][\w.'’-]*\s+){0,6}[A-Z][\w'’-]*))?")
# "A led a six-member Yatsushiro delegation, together with …, to call on Mayor B", "led a delegation to visit the Taichung City
# Government on the 23rd"
_LED_TO_CALL = re.compile(r"\b(?:led|leads|headed|heads|leading|heading)\s+(?:a|an|the|his|her|their)\s+((?:[\w'’-]+\s+){0,4}?)"
                          r"(?:delegation|group|mission)\b[^.;]{0,160}?\bto\s+(?:call\s+on|pay\s+an?\s+(?:courtesy\s+|official\s+|formal\s+)?"
                          r"(?:call|visit)\s+(?:on|to)(?:\s+the)?"
                          r"|meet(?:\s+with)?|visit(?:\s+the)?)\s+((?:[A-Z][\w.'’-]*\s+){0,6}[A-Z][\w'’-]*)")
# "Mayor A and his delegation are visiting Taiwan from March 18 to 23"
_WITH_DELEGATION = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s+and\s+(?:his|her|their)\s+delegation\s+"
                              r"(?:are|is|were|was|have\s+been|has\s+been)\s+(?:visiting|touring|in)\s+(" + _PLACE_WORDS + r")")
# "a team of delegates … arrived in Kaohsiung on February 6 for a 4-day visit": a stay of days where they arrived
_ARRIVED_FOR = re.compile(r"\barriv(?:e|ed|es|ing)\s+in\s+(" + _PLACE_WORDS + r")[^.;]{0,60}?\bfor\s+an?\s+"
                          r"(?:" + _NUMBER_WORDS + r"-day\s+(?:(?:state|official|working|study)\s+)?|(?:state|official|working|study)\s+)"
                          r"(?:visit|trip|tour|stay)\b")
# "Drew is in Taiwan on a state visit"
_IN_ON_VISIT = re.compile(r"\bin\s+(" + _PLACE_WORDS + r")\s+on\s+an?\s+((?:state|official|working|study)\s+visit)\b")


# "Lin, Speaker Dai and several councilors toured the Xuhui Riverside", "Mayor Ko also visited the Taiwan railway
# exhibition on show at …": a visit to a site, named up to the first word that leaves its name
_SITE = re.compile(r"\b(?:toured|visited|touring|visiting|tours|visits)\s+(the\s+[A-Z][\w'’&-]*(?:\s+(?!(?:at|in|on|to|and|with|for|"
                   r"from|by|of|where|which|who|that|before|after|as|during|while|accompanied|joined|today|yesterday|tomorrow|"
                   r"this|last|next|earlier|later|together)\b)[\w'’&-]+){0,6})")
_DAYS = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|"
                   r"Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}(?:\s*(?:-|–|to)\s*\d{1,2})?,\s*(?:19|20)\d\d\b")
_THIS_YEAR = re.compile(r"\bthis\s+year\s*\(\s*(?:19|20)\d\d\s*\)", re.I)
_EARLIER = re.compile(r"\blast\s+(?:year|month|week)\b|\bago\b|\bpreviously\b|\bhad\s+(?:visited|toured)\b"
                      r"|\bearlier\s+this\s+(?:year|month)\b", re.I)  # (s10-ev) "toured … earlier this month on a trip to Europe"


# a year that opens an event's name ("the 2024 Taichung Shopping Festival") dates that event, not the sentence's
_YEAR_TOLD = re.compile(r"\b((?:19|20)\d\d)\b(?!\s+[A-Z][a-z])")


def _years_in(sentence: str) -> set[int]:
    """The years a sentence places what it tells in."""
    return {int(y) for y in _YEAR_TOLD.findall(sentence)}


def recognise_visits_en(text: Text) -> list[EventMention]:
    """Visits and trips an English sentence tells: a visit, trip or tour to a named place ("a seven-day visit to
    Japan", "her trip to South Korea") or a delegation someone led there for some days ("led a delegation on a five-day trip to Brisbane"); a delegation
    led somewhere without the length of its stay is most often a guest's earlier call, told in passing. The phrase
    is the visit's name ("visit to Japan"); its verb or noun is the head. A visit one hopes, plans or is invited to
    make is none."""
    raw = text.raw
    doc_date = getattr(text.doc, "date", None)
    doc_year = doc_date.year if doc_date is not None else None
    out: list[EventMention] = []
    for s in text.sentences:
        if text.units[s.unit].kind in ("title", "subtitle", "heading", "caption"):
            continue
        found: list[tuple[int, int, str]] = []
        sites: set[int] = set()  # where a visit to a site (not a place) begins
        earlier = _EARLIER.search(raw, s.start, s.end) is not None  # the sentence tells an earlier time
        for m in _VISIT_NOUN.finditer(raw, s.start, s.end):
            if earlier and "-day" not in m.group(1):
                continue  # (s10-ev) "she toured Lyon earlier this month on a trip to Europe": a trip of an earlier time
            found.append((m.start(1), m.end(1), m.group(1)))
        for m in _DURING_THE_VISIT.finditer(raw, s.start, s.end):
            if not earlier:
                found.append((m.start(1), m.end(1), m.group(1)))
        for m in _DELEGATION_TO_RECEIVED.finditer(raw, s.start, s.end):
            whose = re.sub(r"\s*\([^()]*\)", "", m.group(1)).split()  # its acronym in brackets left out
            while whose and not whose[0][:1].isupper():
                whose.pop(0)
            found.append((m.start(), m.end(), f"{' '.join(whose)} delegation visit to {m.group(2)}".strip()))
        subject = _SUBJECT_VISITED.match(raw, s.start, s.end)
        if subject is not None and not earlier:
            home = _SUBJECT_OF.search(subject.group(1))
            who = home.group(1) if home else subject.group(1).split()[-1] + "'s"
            found.append((subject.start(), subject.end(), f"{who} visit to {subject.group(3)}"))
        for m in _TRAVELED_TO.finditer(raw, s.start, s.end):
            if not earlier:
                found.append((m.start(), m.end(), f"visit to {m.group(1)}"))
        for m in _LED_TO.finditer(raw, s.start, s.end):
            # "led a delegation on a five-day trip to Brisbane", and "led a five-person delegation to Tainan on September
            # 3": the day it gives makes it this release's visit, not one told in passing
            on_day = (_ON_A_DAY.match(raw, m.end(), s.end) is not None or _ON_A_DAY_FIRST.match(raw, s.start, m.start()) is not None) \
                and not earlier
            if ("-day" in m.group() or on_day) and not any(a <= m.end() and m.start() <= b for a, b, _ in found):
                found.append((m.start(), m.end(), f"{_group(raw, s.start, m)} visit to {m.group(2)}"))
        for m in _DELEGATION_VISITED.finditer(raw, s.start, s.end):
            group = _group(raw, s.start, m)
            led = _LED_BY.match(m.group(2))
            if group == "delegation" and led:
                leader = led.group(1).split()[-1]
                if _only_title(led.group(1)):  # "led by Chair of the Northshire Party Alan Brook": the name after the body
                    rest = re.match(r"[^,;.]{0,120}", m.group(2)[led.end(1):])
                    names = re.findall(r"\b[A-Z][\w'’-]+", rest.group()) if rest else []
                    leader = names[-1] if len(names) >= 2 and not _only_title(names[-1]) else ""
                if leader:
                    group = f"{leader}'s delegation"
            # "A delegation of 32 people, including …, visited Taichung City today (19th)": a delegation the text brings
            # in on a day it gives, though no one is said to lead it
            dated = group == "delegation" and _A_DELEGATION.match(m.group()) is not None and _ON_A_DAY.match(raw, m.end(), s.end)
            if (group != "delegation" or dated) and not any(a <= m.end() and m.start() <= b for a, b, _ in found):
                found.append((m.start(), m.end(), f"{group} visit to {m.group(3)}"))
        for m in _RECEIVED_DELEGATION.finditer(raw, s.start, s.end):
            caps = [w for w in m.group(1).split() if w[:1].isupper()]  # the host before the verb is not whose it is
            group = f"{' '.join(caps)} delegation" if caps else "delegation"
            if group == "delegation" and m.group(2):
                group = f"{m.group(2)} delegation"
            elif group == "delegation" and m.group(3):
                group = f"{m.group(3).split()[-1]}'s delegation"
            if group != "delegation" and not any(a <= m.end() and m.start() <= b for a, b, _ in found):
                found.append((m.start(), m.end(), f"{group} visit"))
        for m in _LED_TO_CALL.finditer(raw, s.start, s.end):
            group = _group(raw, s.start, m)
            who = re.match(r"((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+)\b", raw[s.start:m.start()])
            if group == "delegation" and who and who.group(1).split()[0] not in ("The", "On", "In", "At", "During", "Last", "This"):
                group = f"{who.group(1).split()[-1]}'s delegation"  # "Soichiro Miyashita, the governor of …, led a delegation"
            if group != "delegation" and group[:1].isupper() and not group.endswith("'s delegation"):
                group = f"{m.group(1).strip()} delegation"  # as written: "six-member Yatsushiro delegation"
            if not any(a <= m.end() and m.start() <= b for a, b, _ in found):
                found.append((m.start(), m.end(), f"{group} visit"))
        for m in _WITH_DELEGATION.finditer(raw, s.start, s.end):
            if not any(a <= m.end() and m.start() <= b for a, b, _ in found):
                found.append((m.start(), m.end(), f"{m.group(1)}'s delegation visit to {m.group(2)}"))
        for m in _ARRIVED_FOR.finditer(raw, s.start, s.end):
            if not any(a <= m.end() and m.start() <= b for a, b, _ in found):
                found.append((m.start(), m.end(), f"visit to {m.group(1)}"))
        for m in _IN_ON_VISIT.finditer(raw, s.start, s.end):
            if not any(a <= m.end() and m.start() <= b for a, b, _ in found):
                found.append((m.start(), m.end(), f"{m.group(2)} to {m.group(1)}"))
        for m in _SITE.finditer(raw, s.start, s.end):
            if not any(a <= m.end() and m.start() <= b for a, b, _ in found) and not earlier \
                    and not re.search(r"\b(?:to|will|would|shall|may|might|could|can|should)\s+(?:also\s+)?$", raw[s.start:m.start()]):
                found.append((m.start(), m.end(), f"visit to {m.group(1)}"))
                if not _a_place(m.group(1)):  # "toured the Netherlands" is a trip
                    sites.add(m.start())
        # "this year (2016)" is the release's own year, whether or not its date is known
        years = _years_in(_THIS_YEAR.sub("", raw[s.start:s.end]))
        if _DAYS.search(raw, s.start, s.end):
            years = set()  # "during his trip to the United States from September 6 to 13, 2016": an earlier trip, told with its days
        for a, b, name in found:
            c0 = max([s.start] + [i + 1 for i in (raw.rfind(",", s.start, a), raw.rfind(";", s.start, a)) if i >= 0])
            if re.search(r"\b(?:hopes?|hoped|plans?|planned|invited?|invitation|will|would|could|may|might|wants?|wanted|next|future|"
                         r"return(?:ed)?\s+the)\b", raw[c0:a]) or (years - {doc_year} if doc_year else years):
                continue
            name = re.sub(r"\s+", " ", name).strip()
            name = re.sub(r"\s+(?:and|of)$", "", name)
            out.append(EventMention(a, b, raw[a:b], name, "visit", False, False, None, False, "", None, a, site=a in sites))
    return out


def _a_place(name: str) -> bool:
    """Whether a name is a country's or a place's ("the United States", "the Netherlands"), not a site's."""
    return gz.country_named(name) is not None or gz.place_named(name) is not None


def _group(raw: str, s0: int, m: re.Match[str]) -> str:
    """Whose delegation: the capitalised words before the word ("a six-member Yatsushiro delegation"), else the name
    that led it ("Hrib led a delegation": Hrib's delegation)."""
    words = m.group(1).split()
    caps: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        caps.insert(0, w)
    if caps:
        return f"{' '.join(caps)} delegation"
    before = re.search(r"((?:[A-Z][\w'’.-]+\s+){1,3})(?:[a-z]\w*\s+){0,2}$", raw[max(s0, m.start() - 40):m.start()])
    if before:
        # the name after any title: "Governor Ito led" is Ito's, "Governor Muraoka Tsugumasa led" Muraoka Tsugumasa's
        run = before.group(1).split()
        k = max((i + 1 for i, w in enumerate(run) if w.lower().rstrip(".") in _title_words()), default=0)
        who = [w for w in run[k:] if w not in ("He", "She", "They", "It", "The") and w not in _OPENER_WORDS]  # "When the delegation"
        if who and len(who) == len(run[k:]):
            return f"{' '.join(who)}'s delegation"
    return "delegation"


@cache
def _title_words() -> frozenset[str]:
    """The words of English post titles and honorifics (Governor, Deputy, Mayor, Mr): no part of a name before them."""
    words = {w.lower() for t in lx.titles().values() for f in t.en for w in f.split()}
    return frozenset(words | {"mr", "ms", "mrs", "dr", "prof", "former", "acting", "then"})


# "met (with)", "received", "hosted", "sat down with", "called on", "paid a courtesy call on", "held talks with": a meeting
# with whoever follows (a capitalised name: "hosted a dinner" is none; "was received by" is the guest's side, told so)
_MEET = re.compile(r"\b(?:met|meets|meeting)(?:\s+(?:today|yesterday|this\s+(?:morning|afternoon|evening)))?(?:\s+with)?\s+"
                   r"|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:received|receives|hosted|hosts)\s+(?=[A-Z])"
                   r"|\b(?:sat|sits|sitting)\s+down\s+with\s+|\b(?:called|calls|calling)\s+on\s+"
                   r"|\b(?:paid|pays|paying)\s+(?:a\s+)?courtesy\s+(?:call|visit)s?\s+(?:on|to)\s+|\b(?:held|holds|holding|had|has)\s+(?:talks|(?:a|an)\s+(?:(?:closed-door|private|bilateral|working|video|virtual|online|"
                   r"courtesy|brief)\s+)?(?:meeting|talk|discussion))\s+with\s+"
                   # (s11-ev) "visited Northtown City Mayor Alan Brook Friday", "paid a visit to Governor X": a call on a person
                   r"|\b(?:visited|visits|paid\s+a\s+visit\s+to|pays\s+a\s+visit\s+to)\s+(?=(?:[A-Z][\w.'’-]*\s+){0,4}"
                   r"(?:Mayor|Governor|Magistrate|Speaker|President|Premier|Minister|Ambassador|Chairman|Chairwoman|Chairperson)\s+[A-Z])")
# "is due to meet", "will call on", "had met": a meeting to come, or one before the time the sentence tells
_NOT_YET = re.compile(r"\b(?:to|will|would|shall|may|might|could|can|should|had|also\s+to)\s+(?:also\s+|then\s+)?$", re.I)
_OPENER_WORDS = {"Also", "On", "In", "At", "During", "After", "Before", "Earlier", "Later", "Then", "Meanwhile", "That", "This",
                 "The", "When", "While", "As", "Since", "For", "With", "From", "Following", "Upon"}
_OPENER = re.compile(r"(?:(?:Also|On|In|At|During|After|Before|Earlier|Later|Then|Meanwhile|That|This)\b[^,.;]{0,40},\s*)?")
_WORD = re.compile(r"[^\W\d_][\w.'’\-]*")
_OF = re.compile(r"of\s+(?:the\s+)?(?=[^\W\d_])")
_GAP = re.compile(r"[ \t]+")
_IN = re.compile(r"in\s+")
_OFFICE_END = re.compile(r"\b(?:Institute|Office|Association|Council|Chamber|Bureau|Agency|Center|Centre)$")
_BRACKETED = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?")
# a day written that a release without a date cannot read: "on May 11", "21 October", "on the 23rd"
_A_DAY_UNREAD = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\."
                           r"|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d)"
                           r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October"
                           r"|November|December)\b|\bon\s+the\s+\d{1,2}(?:st|nd|rd|th)\b")
_DAY_WORD = re.compile(r"\b(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)


def _capitalised_run(raw: str, i: int, hi: int) -> int:
    """Where a run of capitalised words starting at ``i`` ends ("Cebu City Mayor Peter J. Cruz", "Governor Shunji
    Kōno of Miyazaki Prefecture"); ``i`` itself when no capitalised word starts there."""
    end = i
    k = i
    while k < hi:
        m = _WORD.match(raw, k, hi)
        if m is None or not m.group()[:1].isupper():
            j = _OF.match(raw, k, hi)
            if j is None and _OFFICE_END.search(raw, i, end):
                j = _IN.match(raw, k, hi)  # "American Institute in Taiwan Kaohsiung Branch Chief Neil Gibson": the office's name
            if j is None or end == i or not raw[j.end():j.end() + 1].isupper():
                break
            k = j.end()
            continue
        end = m.end()
        sp = _GAP.match(raw, end, hi)
        if sp is None:
            break
        k = sp.end()
    while end > i and raw[end - 1] in ".,'’":
        if raw[end - 1] == "." and re.search(r"\b[A-Z]\.$", raw[i:end]):
            break  # "Jay P.": an initial keeps its stop
        end -= 1
    if raw[end - 2:end] in ("'s", "’s"):
        end -= 2
    return end


# "A and B discussed … in a meeting on Friday": a meeting between the two the sentence opens with
# a delegation met, named by the words before its noun ("a bipartisan US delegation", "the Auckland City Council delegation")
_A_DELEGATION_MET = re.compile(r"(?:a|an|the)\s+(?:[\w'’-]+\s+){1,5}?(?:[Dd]elegation|[Mm]ission)\b")  # not a bare "a delegation"
_IN_A_MEETING = re.compile(r"\b(?:in|at|during)\s+a\s+meeting\s*$")


def _meeting_of_subjects(raw: str, s0: int, m: re.Match[str]) -> list[EventMention]:
    op = _OPENER.match(raw, s0)
    a = op.end() if op else s0
    e1 = _capitalised_run(raw, a, m.start())
    gap = _BRACKETED.match(raw, e1, m.start())
    k = gap.end() if gap else e1
    if e1 == a or not raw.startswith("and ", k):
        return []
    b = k + 4
    e2 = _capitalised_run(raw, b, m.start())
    rest = _BRACKETED.match(raw, e2, m.start())
    if e2 == b or " " not in raw[a:e1] + raw[b:e2] or rest is None or not raw[rest.end():rest.end() + 1].islower():
        return []  # "A and B" must be the sentence's subject, a verb after it
    name = f"meeting between {raw[a:e1]} and {raw[b:e2]}"
    # the mention spans the two named, so that the check that a meeting is with someone finds them
    return [EventMention(a, m.end(), raw[a:m.end()], name, "visit", False, False, None, False, "", None, a)]


def recognise_meetings_en(text: Text, dates: list[DateMention]) -> list[EventMention]:
    """Meetings and calls an English sentence tells with its verb and the day it gives ("Also today, Mayor Chen met
    Cebu City Mayor Peter J. Cruz", "sitting down with Manchester Mayor John P. Baker on Thursday"). A meeting is
    named by whom it was with ("meeting with Cebu City Mayor Peter J. Cruz") and, when the sentence opens with the
    one who met them, by both ("meeting between Mayor Chiang and Mayor Gong"). A meeting to come ("is due to meet"),
    one of another year, one told without its day (a call in a tour's itinerary) or one with no one named after the
    verb is none; that a person is named is checked once people are found (recognise)."""
    raw = text.raw
    doc_date = getattr(text.doc, "date", None)
    out: list[EventMention] = []
    days = sorted(d.start for d in dates if d.precision == "day")
    for s in text.sentences:
        if text.units[s.unit].kind in ("title", "subtitle", "heading", "caption"):
            continue
        found = list(_MEET.finditer(raw, s.start, s.end))
        if not found:
            continue
        lo = bisect.bisect_left(days, s.start)
        dated = (lo < len(days) and days[lo] < s.end) or bool(_DAY_WORD.search(raw, s.start, s.end)) \
            or (doc_date is None and bool(_A_DAY_UNREAD.search(raw, s.start, s.end)))  # an undated release's "on May 11"
        years = _years_in(raw[s.start:s.end])
        if not dated or (doc_date is not None and years - {doc_date.year}) or re.search(r"\bthen-[A-Za-z]", raw[s.start:s.end]):
            continue
        for m in found:
            if raw[m.start():m.start() + 7].lower() == "meeting" and _IN_A_MEETING.search(raw, max(s.start, m.start() - 12), m.end()):
                out.extend(_meeting_of_subjects(raw, s.start, m))
                continue
            if raw[m.start():m.start() + 7].lower() == "meeting" and not raw[m.start():m.end()].rstrip().endswith("with"):
                continue  # "meeting Mayor X" is told by "met"; "a meeting with" names the meeting
            c0 = max([s.start] + [i + 1 for i in (raw.rfind(",", s.start, m.start()), raw.rfind(";", s.start, m.start())) if i >= 0])
            if _NOT_YET.search(raw, max(c0, m.start() - 20), m.start()):
                continue
            end = _capitalised_run(raw, m.end(), s.end)
            if end == m.end() and (group := _A_DELEGATION_MET.match(raw, m.end(), s.end)) is not None:
                end = group.end()  # "met today with a bipartisan US delegation"
            if end == m.end():
                continue
            obj = raw[m.end():end]
            name = f"meeting with {obj}"
            alt = ""
            op = _OPENER.match(raw, s.start)
            a = op.end() if op else s.start
            se = _capitalised_run(raw, a, m.start())
            if se > a and se < m.start() and raw[a:se] not in _OPENER_WORDS:  # "On the last day of …, X met": no subject
                rest = _BRACKETED.match(raw, se, m.start())
                nxt = raw[rest.end():rest.end() + 1] if rest else ""
                if nxt.islower():
                    alt = f"meeting between {raw[a:se]} and {obj}"
            out.append(EventMention(m.start(), end, raw[m.start():end], name, "visit", False, False, None, False, alt, None, m.start()))
    return out
