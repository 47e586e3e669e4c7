"""People named in English text, with the posts the same words give them.

- a title, then a name: "Taipei City Mayor Lin Ta-tung (林大同)", "Acting Mayor Wang Hsiao-ming", "deputy director Li Xiaohua";
  the capitalised words before the title are its affiliation ("Taipei City Council Speaker", "DOIT Commissioner"),
  "of the …" after the name is one too ("Commissioner Chen Hsiao-hua of the Department of Parks and Gardens");
  a title and one capitalised word ("Mayor Lin", "Speaker Wang") is a *short* mention that only coreference can name;
- an appositive: "Jan Novak, Mayor of Brno,", "Wang Hsiao-ming, chairman of the Smart City committee,",
  "Lin Mei-hua, Taiwan's Representative to Austria,";
- an honorific: "Mr. Tom Alder", "Ms. Chen Hsiao-hua", "Dr. Maria Santos"; "Mr. Tanaka" is short;
- a name with its Han form in brackets ("Lin Mei-ling (林美玲)"), or the reverse ("林大同 (Lin Ta-tung)").
Names are runs of capitalised words: Western order ("Ichiro Tanaka", "Peter J. Cruz") and Chinese order
with a hyphenated given name ("Lin Ta-tung") alike; which word is the family name is left to coreference.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from smartgraph.errors import ResourceError
from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import CueMention, NameMention, PersonMention, TitleMention
from smartgraph.extraction.names import NOT_PERSON_WORDS, demonym_matcher, demonyms, geo_code
from smartgraph.extraction.text import Text

__all__ = ["recognise_people_en", "recognise_titles_en"]

# a capitalised word of a name (Ta-tung, Dvořák, O'Brien), an initial (L., J.D.), or a particle inside a name
_WORD = re.compile(r"(?:[A-Z]\.){1,3}|[^\W\d_][^\W\d_'’]*(?:['’][^\W\d_]+)?(?:-[^\W\d_]+)*")
_PARTICLES = {"van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "binti", "al", "el", "dos"}
# capitalised words that open no name: months, weekdays, and words a sentence opens with
_NOT_NAME = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "tonight",
    "he", "she", "they", "it", "we", "i", "his", "her", "their", "its", "this", "that", "these", "those", "also",
    "then", "when", "while", "after", "before", "during", "since", "both", "all", "each", "mr", "ms", "mrs", "dr",
    "prof", "mayor", "said", "says", "photo", "photos", "left", "right", "center", "centre", "front", "back",
    "former", "acting", "deputy", "vice", "chief", "general", "director", "minister", "speaker", "president",
    "ambassador", "representative", "governor", "secretary", "chairman", "chairwoman", "chairperson", "commissioner",
    "councillor", "councilor", "councilmember", "premier", "envoy", "delegation", "delegations", "officials",
    "members", "leaders", "staff", "team", "everyone", "sister", "friendship", "partner", "mou", "memorandum",
    "but", "and", "or", "nor", "so", "yet", "as", "if", "because", "although", "though", "not", "no", "yes",
    "at", "by", "for", "from", "in", "into", "of", "on", "onto", "to", "with", "under", "over", "about", "upon",
    "a", "an", "the", "there", "here", "where", "which", "who", "whom", "whose", "what", "how", "why",
}
# verbs a Title Case headline puts right after a name ("Mayor Alan Brook Meets Delegation", "... Visits Northtown"):
# capitalised there, they are no part of the name
_NOT_NAME |= {
    "meets", "visits", "signs", "inks", "attends", "arrives", "heads", "welcomes", "receives", "hosts", "leads",
    "thanks", "departs", "seeks", "calls", "urges", "tours", "opens", "launches", "joins", "pledges", "vows", "hails",
    "praises", "greets", "invites", "presents", "unveils", "promotes", "discusses", "talks", "holds", "expands",
    "strengthens", "deepens", "celebrates", "congratulates", "renews", "returns", "travels", "speaks", "addresses",
    "announces", "shares", "highlights", "stresses", "says", "tells",
}
_IN_ORG_NAME = {"sister", "friendship", "partner"}  # open no name, yet stand in organisations' names (Sister City Association)
_CONNECT = {"of", "and", "&", "for", "the", "on", "in", "de", "du", "des", "la", "le", "'s", "’s"}
_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Madam)\.?\s+(?=[A-Z])")
_QUALIFIED = re.compile(r"(?<![\w-])(Former|Acting|Ex|former|acting)[- ](?:[A-Z][\w'’.-]*\s+){1,4}$")
_FORMER = re.compile(r"(?:\bformer|\bthen-|\bex-|\bthen |\bone-time )\s*$", re.IGNORECASE)
_BRACKET_HAN = re.compile(r"(?<!\s)\s*[（(]\s*([\u4e00-\u9fff·．]{2,8})\s*[）)]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·．]{1,7}")
_BRACKET_HAN_AT_END = re.compile(r"(?<!\s)\s*[（(]\s*([\u4e00-\u9fff·．]{2,8})\s*[）)]\s*$")
_BRACKET_LATIN_AFTER_HAN = re.compile(r"\s*[（(]\s*([^\W\d_][^()（）]{1,60}?)\s*[）)]")
_BRACKET_POS = re.compile(r"^(?:left|right|center|centre|front|back|middle|seated|standing|first|second|third|fourth|fifth)\b",
                          re.IGNORECASE)
# an English form two posts share: the first is read unless the text speaks of a legislature
_PREFER = {"representative-congress": "representative"}
_CONGRESS = re.compile(r"\b(?:Congress|House of Representatives|Congressional|Legislature)\b")
MAX_NAME_WORDS = 5
AFF_WORDS = 9  # words back from a title that may name its affiliation
EARLIER_NAME_CHARS = 4000  # how far back a family name standing alone looks for the full name it is of
AFF_AFTER = 90  # characters after "of" that may name an affiliation


# ----------------------------------------------------------------------------- shared look-ups


@cache
def _title_first_words() -> frozenset[str]:
    return frozenset(f.split()[0].lower() for t in lx.titles().values() for f in t.en if f)


# ----------------------------------------------------------------------------- titles


@cache
def _by_organisation() -> tuple[tuple[frozenset[str], tuple[str, ...], str], ...]:
    """titles-en.tsv: (English title forms, organisation head words, role key), in the table's order."""
    out = []
    known = lx.titles()
    for r in lx.rows("titles-en.tsv"):
        r += [""] * (3 - len(r))
        if r[2] not in known:
            raise ResourceError(f"lexicon file titles-en.tsv: role {r[2]!r} is not a key of titles.tsv",
                                hint="use a key from the first column of data/lexicon/titles.tsv")
        out.append((frozenset(f.lower() for f in lx.split(r[0])), lx.split(r[1].lower()), r[2]))
    return tuple(out)


_HEAD_END = re.compile(r"\s(?:of|in|for|at|to)\s|['’]s\s|\s\(")


def title_for(tm: TitleMention, raw: str, aff: tuple[int, int]) -> TitleMention:
    """The post an English title names in its organisation: "Director" of a department, of an office, of a bureau."""
    form = _ELECT.sub("", tm.text.lower())
    rows = [r for r in _by_organisation() if form in r[0]]
    if not rows:
        return tm
    name = raw[aff[0]:aff[1]]
    cut = _HEAD_END.search(name)
    head = re.sub(r"[^\w\s-]", "", (name[:cut.start()] if cut else name)).lower().strip()
    unit = _SUB_UNIT_END.search(name.rstrip() + " ")
    if unit:  # "… Office in Japan Political Sector" + Chief: the chief of the section
        head = unit.group().split()[-1].lower()
    for _, words, key in rows:
        if "*" in words or any(head == w or head.endswith(" " + w) for w in words):
            title = lx.titles()[key]
            if title.key == tm.title.key.removeprefix("former-"):
                return tm
            return TitleMention(tm.start, tm.end, tm.text, lx.former(title) if tm.former else title, tm.former)
    if tm.title.key == "vice-head-of-state" and name.strip() and not geo_code(name) and "vice-president-company" in lx.titles():
        # "Vice President … at Team Springdale": a body that names no country has a corporate vice president
        return TitleMention(tm.start, tm.end, tm.text, lx.titles()["vice-president-company"], tm.former)
    return tm


def recognise_titles_en(text: Text) -> list[TitleMention]:
    """Post titles written in English ("Deputy Mayor", "Director-General"), whole words, any case;
    "former"/"then-" before a title makes it the former post."""
    out = []
    low = text.low
    hits = list(lx.title_matcher_en().find(low))
    by_start = {h.start: h for h in hits}
    for h in hits:
        end = _compound_end(low, h.end, by_start)
        if end is None:
            continue  # a title word inside a compound (Mayor-led)
        if h.start > 0 and low[h.start - 1] == "-" and low[max(0, h.start - 5):h.start] != "then-":
            continue  # the second title of a compound (mayor-president), read with the first
        was = _FORMER.search(text.raw, max(0, h.start - 12), h.start) is not None
        qual = _QUALIFIED.search(text.raw, max(0, h.start - 50), h.start)  # "Former Brno Mayor", "Acting Tainan Mayor"
        was = was or (qual is not None and qual.group(1).lower() in ("former", "ex"))  # "then-Shizuoka Mayor": mayor then
        entry = h.entry
        if qual is not None and qual.group(1).lower() == "acting":
            entry = lx.titles().get(f"acting-{entry.key}", entry)
        if entry.key in _PREFER and not _CONGRESS.search(text.raw, max(0, h.start - 40), min(len(low), h.end + 40)):
            entry = lx.titles().get(_PREFER[entry.key], entry)
        title = lx.former(entry) if was else entry
        out.append(TitleMention(h.start, end, text.raw[h.start:end], title, was))
    return out


_ELECT = re.compile(r"-elect\b")


def _compound_end(low: str, end: int, by_start: dict[int, lx.Hit[lx.Title]]) -> int | None:
    """Where a title ends that a hyphen joins to more: "-elect" (Mayor-elect, deputy mayor-elect) and a second title
    (mayor-president, governor-president) are part of it, the post being the first title's; a title word before any
    other hyphenated word (Mayor-led) is none (None)."""
    while end < len(low) and low[end] == "-":
        m = _ELECT.match(low, end)
        if m:
            end = m.end()
            continue
        second = by_start.get(end + 1)
        if second is None:
            return None
        end = second.end
    return end


_COUNT = re.compile(r"(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Several|Many|\d+)\s+", re.IGNORECASE)


@cache
def _plural_titles() -> re.Pattern[str]:
    """A title in the plural ("councilors", "Deputy Mayors"): its English forms with an s."""
    forms = sorted({f for t in lx.titles().values() for f in t.en if f and not f.endswith("s")}, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")s\b", re.IGNORECASE)


# ----------------------------------------------------------------------------- names


def _words_at(raw: str, i: int, limit: int) -> list[tuple[int, int]]:
    """The words (start, end) of the run of capitalised words beginning at ``i`` (single spaces between)."""
    out: list[tuple[int, int]] = []
    pos = i
    while pos < limit and len(out) < MAX_NAME_WORDS + 2:
        m = _WORD.match(raw, pos, limit)
        if not m:
            break
        out.append((m.start(), m.end()))
        pos = m.end()
        if pos < limit and raw[pos] == " ":
            pos += 1
        else:
            break
    return out


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def _is_name_word(w: str) -> bool:
    low = w.lower().rstrip(".")
    if not w[:1].isupper():
        return False
    if _INITIALS.fullmatch(w):
        return True  # "A." inside "Marie A. Dupont": an initial, not the article (name_after lets none open or end a name)
    if low in _NOT_NAME or low in NOT_PERSON_WORDS:
        return False
    # an acronym (GO, DOIT, ICLEI) is no name; a family name in capitals is rare in releases
    return not (w.isupper() and len(w) > 2 and "." not in w)


_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")  # a hyphenated given name in Chinese or Korean order (Hyun-ju, Chi-mai)


def _family_before_given(raw: str, w: str, words: list[tuple[int, int]], k: int) -> bool:
    """A word that is also a common noun (Park, Hall, Bay) is a family name before a hyphenated given name."""
    return (w[:1].isupper() and w.lower() in NOT_PERSON_WORDS and w.lower() not in _NOT_NAME and k + 1 < len(words)
            and _GIVEN.fullmatch(raw[words[k + 1][0]:words[k + 1][1]]) is not None)


_MONTH_WORDS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def _given_like_a_month(raw: str, w: str, e: int) -> bool:
    """A given name spelt like a month or its short form ("Ito Jun", "Park Jun"), after a family name: no day follows it."""
    return w[:1].isupper() and w.lower() in _MONTH_WORDS and re.match(r"\.?\s*\d", raw[e:e + 4]) is None


def _month_opens_name(raw: str, w: str, e: int, words: list[tuple[int, int]], k: int) -> bool:
    """A given name spelt like a month that opens a name ("Mayor Jan van Dijk"): a particle or a name word follows,
    no day (s9-en2)."""
    if not _given_like_a_month(raw, w, e) or k + 1 >= len(words):
        return False
    nxt = raw[words[k + 1][0]:words[k + 1][1]]
    return nxt.lower() in _PARTICLES or (_is_name_word(nxt) and nxt.lower() not in _MONTH_WORDS)


# "Lin, Mei-ling", "Chen, Yi-Hsuan": a Taiwanese name written family name, comma, hyphenated given name (New Taipei's
# English releases write their officials so, in lists: "Chen, Yi-Hsuan, Deputy Secretary-General, Wu, Chia-Hao, ...")
_COMMA_FAMILY = re.compile(r"[A-Z][a-z]{1,4}")
_COMMA_GIVEN = re.compile(r", ([A-Z][a-z]{1,5}-[A-Za-z][a-z]{1,5})(?![\w'’-])")


def _comma_order_end(raw: str, i: int, limit: int) -> int | None:
    """The end of "Family, Given-name" that starts at ``raw[i]``, else None."""
    fam = _COMMA_FAMILY.match(raw, i)
    if fam is None or fam.end() >= limit or (i > 0 and (raw[i - 1].isalnum() or raw[i - 1] in "-'’.")):
        return None
    given = _COMMA_GIVEN.match(raw, fam.end())
    # the family name may also be a place's (Ho, Yao); the given name may not (Busan, Jeju-do)
    if given is None or given.end() > limit or geo_code(given.group(1)) or not _is_name_word(fam.group()) \
            or not _is_name_word(given.group(1)):
        return None
    return given.end()


def _comma_order_start(raw: str, e: int, floor: int) -> int | None:
    """The start of "Family, Given-name" that ends at ``raw[e]``, else None."""
    m = re.search(r"([A-Z][a-z]{1,4}), [A-Z][a-z]{1,5}-[A-Za-z][a-z]{1,5}$", raw[max(floor, e - 20):e])
    if m is None:
        return None
    s = max(floor, e - 20) + m.start()
    return s if _comma_order_end(raw, s, e) == e else None


def name_after(raw: str, i: int, limit: int) -> tuple[int, int] | None:
    """A personal name that begins at ``raw[i]``: capitalised words (particles inside), no title, month or
    organisation word among them; an initial ("L.") only inside a name."""
    comma_end = _comma_order_end(raw, i, limit)
    if comma_end is not None:
        return i, comma_end
    words = _words_at(raw, i, limit)
    end = -1
    n = 0
    for k, (s, e) in enumerate(words):
        w = raw[s:e]
        if n >= MAX_NAME_WORDS:
            break
        if len(w) > 3 and w.endswith(("'s", "’s")):  # "President Pedro Santos’s visit": the name, not its possessive (s9-en2)
            w, e = w[:-2], e - 2
        if w.lower() in _PARTICLES and n > 0 and k + 1 < len(words) and _is_name_word(raw[words[k + 1][0]:words[k + 1][1]]):
            continue
        if not _is_name_word(w) and not (n == 0 and _family_before_given(raw, w, words, k)) \
                and not (n > 0 and _given_like_a_month(raw, w, e)) and not (n == 0 and _month_opens_name(raw, w, e, words, k)):
            break
        if re.fullmatch(r"(?:[A-Z]\.)+", w) and n == 0:
            break
        if gz.country_named(w) is not None or (w.lower() in demonyms() and n == 0):
            break
        n += 1
        end = e
        if raw.startswith(("'s", "’s"), e):
            break
    if n == 0:
        return None
    if re.search(r"(?:[A-Z]\.)$", raw[i:end]):  # ends on an initial: drop it
        return None
    return i, end


def name_before(raw: str, e: int, floor: int) -> tuple[int, int] | None:
    """A personal name of two or more capitalised words that ends at ``raw[e]`` (after ``floor``)."""
    comma_start = _comma_order_start(raw, e, floor)
    if comma_start is not None:
        return comma_start, e
    starts: list[int] = []
    words = 0  # a particle inside (de, van) is not one of the name's words (name_after counts so too)
    j = e
    while j > floor and words < MAX_NAME_WORDS:
        k = j
        while k > floor and (raw[k - 1].isalpha() or raw[k - 1] in "-'’."):
            k -= 1
        if k == j:
            break
        starts.append(k)
        words += raw[k:j].lower() not in _PARTICLES
        if k - 1 <= floor or raw[k - 1] != " ":
            break
        j = k - 1
    for s in reversed(starts):  # the longest run that reads as a name
        found = name_after(raw, s, e)
        if found and found[1] == e and " " in raw[s:e]:
            return found
    return None


_LONE_FAMILY = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{1,11}$")


def _family_of_earlier(raw: str, e: int, floor: int) -> tuple[tuple[int, int] | None, str, str]:
    """A family name alone at ``raw[e]`` whose full name, in Chinese order with a hyphenated given name, the text gave
    before (one such name only, in the EARLIER_NAME_CHARS before): its span, the full name and its Han form in brackets."""
    m = _LONE_FAMILY.search(raw, floor, e)
    if m is None:
        return None, "", ""
    full_re = re.compile(rf"(?<![\w'’.-]){m.group()} [A-Z][a-z]+-[a-z]+(?![\w-])")
    found = {f.group(): f.end() for f in full_re.finditer(raw, max(0, m.start() - EARLIER_NAME_CHARS), m.start())}
    if len(found) != 1:
        return None, "", ""
    (full, fe), = found.items()
    return (m.start(), e), full, _bracket_han(raw, fe)[0]


def _comma_name(raw: str, i: int, limit: int, listed: bool = False) -> bool:
    """A name of two or more words at ``raw[i]`` that closes an appositive (a comma, bracket or the sentence's end
    follows): "Mayor of Dayton, Ellen Marsh, said"; not "Mayor of Brno, Czech Republic". ``listed``: or "and" and the
    next item ("Director of Agricultural Bureau, Jun-hsiung Wang and Director of …")."""
    found = name_after(raw, i, limit)
    if found is None or " " not in raw[found[0]:found[1]]:
        return False
    return found[1] >= limit or raw[found[1]] in ",;.(（" or raw.startswith(" (", found[1]) \
        or (listed and _AND_NEXT.match(raw, found[1], limit) is not None)


_AND_NEXT = re.compile(r" and (?=[A-Z])| (?!and\b)[a-z]+\b")  # "…, Jun-hsiung Wang and Director …", "…, Shen-Shan Chen in addition to"
# "Director of Agricultural Bureau, Jun-hsiung Wang": a body named by capitalised words that end in its kind, then a comma
_BODY_THEN_COMMA = re.compile(r"(?:the )?(?:[A-Z][\w'’-]*(?: (?:and|of|for|&))? ){0,6}(?:Bureau|Department|Office|Division|Agency|"
                              r"Commission|Council|Committee|Association|Institute|Administration|Ministry|Center|Centre)(?=, )")


def _bracket_han(raw: str, e: int) -> tuple[str, int]:
    m = _BRACKET_HAN.match(raw, e)
    return (m.group(1), m.end()) if m else ("", e)


# ----------------------------------------------------------------------------- affiliations


_SUB_UNIT_END = re.compile(r"[A-Z][\w'’-]* (?:Sector|Section|Division) ?$")


# a company's posts: two or more capitalised words before one name the company ("Northwind Logistics CEO Jane Fox")
_COMPANY_HEADS = frozenset(("ceo", "chief executive officer", "chairman", "chairwoman", "general manager", "managing director",
                            "founder", "cto"))
_COMPANY_RUN = re.compile(r"(?:[A-Z][\w&'’.-]*\s+){1,4}[A-Z][\w&'’.-]*\s*")
_ACRONYM_BEFORE = re.compile(r"(?<=[A-Za-z]) ?\([A-Z][A-Za-z&]{1,9}\) ?$")


def _aff_start(raw: str, s: int, floor: int) -> int:
    """Where the capitalised words before a title (its affiliation) begin: "Taipei City Council|Speaker"."""
    a = s
    n = 0
    pos = s
    # a section of the body right before the title ("… Office in Japan Political Section|Chief") is not counted
    limit = AFF_WORDS + (2 if _SUB_UNIT_END.search(raw, max(floor, s - 40), s) else 0)
    acr = _ACRONYM_BEFORE.search(raw, max(floor, s - 16), s)
    if acr is not None:  # "American Institute in Taiwan (AIT) Chairperson": the body's acronym after its name
        pos = a = acr.start()
    while pos > floor and n < limit:
        j = pos
        while j > floor and raw[j - 1] == " ":
            j -= 1
        if j == pos and pos != s and (acr is None or pos != acr.start()):
            break
        k = j
        while k > floor and (raw[k - 1].isalnum() or raw[k - 1] in "-'’.&"):
            k -= 1
        w = raw[k:j]
        if not w:
            break
        lead = re.match(r"(?:then|ex|former)-(?=[A-Z])", w)
        if lead:  # "then-Taichung Mayor": the place after the qualifier, and no further back
            a = k + lead.end()
            break
        bare = w.rstrip(".")
        if w.endswith(".") and pos != s and not re.fullmatch(r"(?:[A-Z]\.)+|St\.|Mt\.|Ft\.", w):
            break  # a full stop the sentence splitter kept (FUKUOKA SMART EAST. DOIT)
        poss = bare.endswith(("'s", "’s"))
        if not (w[:1].isupper() or w[:1].isdigit() or bare.lower() in _CONNECT or bare in ("&",)):
            break
        if bare.lower() in _NOT_NAME and bare.lower() not in _CONNECT and not poss and bare.lower() not in _title_first_words() \
                and not (w[:1].isupper() and bare.lower() in _IN_ORG_NAME):
            break
        a = k
        n += 1
        pos = k
    # connectors and sentence openers at the start are not part of it
    while a < s:
        m = _WORD.match(raw, a, s)
        if not m:
            break
        w = m.group().lower()
        if w in _CONNECT or w in ("a", "an", "also", "former", "acting", "then", "ex", "interim"):
            a = m.end()
            while a < s and raw[a] == " ":
                a += 1
            continue
        break
    return a


# ", Smith's predecessor," / ", Jones' successor,": the post of the person of that family name (recognise.people_en)
_PREDECESSOR = re.compile(r",\s+(?P<who>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s?\s+(?:predecessor|successor)\b")
# what may stand before a title in lower case that a name set off by commas follows: "the French representative, A B,",
# "Japan's representative to Taiwan, A B,"
_LOWER_LEAD = re.compile(r"(?:\b[Tt]he (?P<who>[A-Z][\w-]*(?:['’]s)? )?|\b(?P<whose>[A-Z][\w-]*['’]s) )$")
_PLACE_BODY = re.compile(r" (?:(?:City|County|Municipal|Metropolitan|Prefectural|Provincial|State) )?(?:Council|Assembly|Government)(?![\w-])")
_POSTED_IN = re.compile(r" (?:in|to) (?=[A-Z])")
_PLACE_KIND_WORD = re.compile(r" (?:City|Prefecture|County|Town|Village|Province|State|Municipality|District|Ward)(?![\w-])")
# a place no table knows, told by the word its name ends in ("Sakaminato City", "Hinokage Town")
# (and its numbered electoral district: "Pima County District 3 Supervisor", s9-en2)
_UNKNOWN_PLACE = re.compile(r"(?:[A-Z][\w'’-]+ ){1,3}(?:City|County|Prefecture|Town|Village|Province|Municipality|Shire)"
                            r"(?: (?:District|Ward|Precinct) \d{1,3})?")


# a minister's portfolio told before the title ("Foreign Minister Lin …"): the ministry (resolve/orgs) (s9-en2)
_PORTFOLIO_WORD = re.compile(r"Foreign|Interior|Economic|Finance|Defen[cs]e|Education|Health|Justice|Labou?r|Culture|Digital")


def _useful_aff(raw: str, a: int, e: int) -> bool:
    """Whether capitalised words before a title name anything: a place, country, nationality, organisation or acronym."""
    s = raw[a:e].strip()
    if not s:
        return False
    if re.search(r"\b[A-Z]{2,}\b", s) or _UNKNOWN_PLACE.fullmatch(s) \
            or (_PORTFOLIO_WORD.fullmatch(s) and raw.startswith("Minister", e)):
        return True
    low = s.lower()
    if gz.countries().en.all(low) or gz.places().en.all(low) or demonym_matcher().all(low):
        return True
    return any(w.lower() in low and re.search(rf"\b{re.escape(w.lower())}\b", low) for o in lx.org_types().values() for w in o.en)


_ORG_IN_TITLE = re.compile(r"(?:(?:City|County|Council|Town|District|Prefectural|State|Municipal|Branch)\s+)+")


def _into_title(tm: TitleMention) -> int:
    """Where an affiliation before a title ends when the title form opens with its organisation's words: "Taipei
    City Council|Speaker", "Cebu City|Mayor"."""
    m = _ORG_IN_TITLE.match(tm.text)
    return tm.start + len(m.group().rstrip()) if m else tm.start


_WHEN_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                         "march", "april", "june", "july", "august", "september", "october", "november", "december"})


# words of a ministry's or department's portfolio ("Minister of Foreign Affairs", "Director of Economic Development"):
# between a title's "of" and a name after it they are the body, not words of the name
_PORTFOLIO_TEXT = """foreign affairs interior economic economy finance financial education justice defense defence
national transportation transport communications communication labor labour health welfare culture cultural digital
environment environmental agriculture trade industry industries commerce tourism science technology development overseas
community mainland ocean oceans veterans home security energy land infrastructure planning housing social public works
information water resources sports youth urban rural international relations research innovation investment
employment legal administration personnel budget accounting statistics human services family families women
children aboriginal indigenous hakka maritime marine fisheries forestry climate change internal external general"""
_PORTFOLIO_WORDS = frozenset(_PORTFOLIO_TEXT.split())
_PORTFOLIO_JOINS = frozenset({"and", "&", "of", "the", "for"})


def _portfolio_end(raw: str, k: int, limit: int) -> int | None:
    """Where a portfolio that opens at ``k`` ends when a personal name of two words or more follows it in the same
    run of capitalised words ("Foreign Affairs|Tien Chung-kwang"); None when any word before the name is not one."""
    end = None
    last_joined = False
    for m in re.finditer(r"\S+", raw[k:min(limit, k + 80)]):
        w = m.group()
        low = w.lower()
        if low in _PORTFOLIO_JOINS:
            last_joined = True
            continue
        if w[:1].isupper() and low in _PORTFOLIO_WORDS:
            end = k + m.end()
            last_joined = False
            continue
        if end is None or last_joined or not w[:1].isupper():
            return None
        found = name_after(raw, k + m.start(), limit)
        if found is None or " " not in raw[found[0]:found[1]]:
            return None
        return end
    return None


def _org_then_name(raw: str, k: int, limit: int) -> int | None:
    """Where an organisation's name that opens at ``k`` ends when a personal name of two words or more follows it in
    the same run of capitalised words and the organisation's last word is an organisation word ("Riverside Farmers
    Union|Dana Holt", "Department of Civil Affairs|Lin Mei-hua" reads through the portfolio); else None."""
    words = list(re.finditer(r"[^\s,;:!?()\"“”]+", raw[k:min(limit, k + AFF_AFTER)]))
    for n, w in enumerate(words):
        if n == 0:
            continue
        if raw[k + words[n - 1].end():k + w.start()] != " ":
            return None  # the run broke (two spaces, a line end)
        prev = words[n - 1].group()
        stationed = prev == "in" and n >= 2 and _org_word(words[n - 2].group())  # "American Institute in|Taiwan"
        if not (prev[:1].isupper() or prev.lower() in _PORTFOLIO_JOINS or stationed):
            return None  # a lower-case word: the run of capitalised words ends before any name
        # "British Office Taipei|Catherine Nettleton", "American Institute in Taiwan|…": the place an office is in ends its name
        placed = n >= 2 and prev[:1].isupper() and bool(geo_code(prev)) \
            and (_org_word(words[n - 2].group()) or words[n - 2].group() == "in")
        if not (_org_word(prev) or (prev.lower() in _PORTFOLIO_WORDS and n >= 2) or placed):
            continue
        found = name_after(raw, k + w.start(), limit)
        if found is None or " " not in raw[found[0]:found[1]]:
            continue
        if re.match(r" [A-Z]", raw[found[1]:found[1] + 2]):
            continue  # more capitalised words follow: the name is not where the run ends
        return k + words[n - 1].end()
    return None


def _named_with_title(raw: str, i: int, limit: int) -> bool:
    """Whether a personal name opens at ``raw[i:]`` (after a space) and a comma and a title follow it."""
    m = re.match(r"\s+(?=[A-Z])", raw[i:limit])
    if m is None:
        return False
    found = name_after(raw, i + m.end(), limit)
    if found is None or " " not in raw[found[0]:found[1]]:
        return False
    t = re.match(r",\s*(?:the\s+)?([A-Za-z-]+)", raw[found[1]:limit])
    return t is not None and t.group(1).lower() in _title_first_words()


_FOR_THEN_OF = re.compile(r"\s+for\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and|&|[A-Z][\w'’-]*)){0,8}?(?=\s+of\s+(?:the\s+)?[A-Z])()")


_OF_ORG = re.compile(r"\s*(?:,\s*)?(?:of|at|from|with)\s+(?:the\s+)?")  # what leads to a person's organisation
_COPULA = re.compile(r"\s+(?:was|is|had been|has been|served as|became|,\s*who\s+(?:is|was))\s+(?:the\s+|then\s+)?$")


_SISTER_OF = re.compile(r" (?:sister|partner|friendship|twin)[ -](?:city|prefecture|state|county|province) (?=[A-Z])")


_SCHOOL_UNIT = re.compile(r"(?:Department|School|Faculty|College|(?:Graduate\s+)?Institute|Center|Centre)\s+(?:of|for)\s")
_UNIVERSITY_AFTER = re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}(?:University|College)"
                               r"(?:\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?(?![\w'’-])")


def _after_of(raw: str, i: int, limit: int, portfolio: bool = True) -> tuple[int, int] | None:
    """"of the Shanghai Water Authority" / "at the Taipei Economic and Cultural Office in Denver": the organisation."""
    m = _OF_ORG.match(raw, i, limit)
    if not m:
        return None
    a = m.end()
    if a >= limit or not (raw[a].isupper() or raw[a].isdigit()):
        return None
    e = a
    last_cap = a
    for w in re.finditer(r"[^\s,;:!?()\"“”]+", raw[a:min(limit, a + AFF_AFTER)]):
        if raw[a + w.start() - 1: a + w.start()] not in (" ", "") and w.start() > 0:
            break
        if a + w.start() != e and not raw[e:a + w.start()].isspace():
            break
        word = w.group().rstrip(".")
        if (word[:1].isdigit() or word.lower() in _WHEN_WORDS) and raw[a:a + w.start()].rstrip().endswith((" on", " in", " at")):
            break  # "of Yokohama City on 10th anniversary", "… in Houston on Tuesday": a day or an edition, not a word of the name
        if word[:1].isupper() or word[:1].isdigit() or word == "&":
            # "St. Vincent and the Grenadines", "U.S.": the abbreviation's full stop is part of the name
            kept = w.group() if re.fullmatch(r"(?:[A-Z]\.)+|St\.|Mt\.|Ft\.", w.group()) else word
            e = last_cap = a + w.start() + len(kept)
        elif word.lower() == "and" and re.match(r"\s*(?:the\s+)?([A-Za-z-]+)", raw[a + w.end():]) and \
                re.match(r"\s*(?:the\s+)?([A-Za-z-]+)", raw[a + w.end():]).group(1).lower() in _title_first_words():  # type: ignore[union-attr]
            break  # "… of the Department of Health and Director Wang …": another person's title
        elif word.lower() == "and" and _named_with_title(raw, a + w.end(), limit):
            break  # "… Office in Japan and Chen Hui, Director-General of …": another person, named before their title
        elif word.lower() in ("of", "and", "for", "the", "on", "in", "&", "de"):
            e = a + w.end()
        else:
            break
        if w.group().endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|St\.", w.group()):
            break
    e = last_cap
    if _SCHOOL_UNIT.match(raw, a, e) and (uni := _UNIVERSITY_AFTER.match(raw, e, limit)) is not None:
        e = uni.end()  # "from the Department of Diplomacy, Northshire University": the department of that university
    sister = _SISTER_OF.match(raw, e, limit) if raw[a:e].endswith(("'s", "’s")) else None
    if sister is not None:  # "Deputy Mayor of Taichung’s sister city Quetzaltenango": the sister city's post (s9-en2)
        run = re.match(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}", raw[sister.end():limit])
        if run is not None:
            return sister.end(), sister.end() + len(run.group().rstrip("."))
    # "Minister of Agriculture, Forestry, Fisheries, and Water of the Northshire Prefecture Government": the portfolio's list
    # runs on to the body the post is in, after its last "of"
    more = _PORTFOLIO.match(raw, e, limit) if portfolio else None
    if more and re.search(r"\band\s+(\w+)", more.group()) and \
            re.search(r"\band\s+(\w+)", more.group()).group(1).lower() in _title_first_words():  # type: ignore[union-attr]
        more = None  # "Mayor of Yonago City and Chairman of …": a second post, not a portfolio's last word
    if more:
        body = _after_of(raw, more.end(), limit, portfolio=False)
        if body is not None:
            return body
    # "Vice President of Sales and Events at Team Springdale": the portfolio, then the body it is at
    at = re.match(r"\s+at\s+(?:the\s+)?(?=[A-Z])", raw[e:limit]) if portfolio else None
    if at is not None:
        body = _after_of(raw, e, limit, portfolio=False)
        if body is not None:
            return body
    # lower-case words up to the clause's end that end in an organisation word: "GO SMART preparatory advisory committee"
    tail = re.match(r"((?: [a-z][a-z-]*){1,4})(?=[,;.)]|$| (?:and|who|which|said))", raw[e:limit])
    if tail and _org_word(tail.group(1).split()[-1]):
        e += tail.end()
    return (a, e) if e > a else None


_PORTFOLIO = re.compile(r"(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*,?\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=\s+of\s)")


def _org_word(w: str) -> bool:
    w = w.lower()
    return any(f.lower() == w for o in lx.org_types().values() for f in o.en)


def _appositive_aff(raw: str, a: int, e: int) -> tuple[int, int]:
    """The affiliation in an appositive before its title: "the Northshire Government's …" gives the part before 's."""
    s = raw[a:e]
    m = list(re.finditer(r"['’]s\b", s))
    if m:
        e = a + m[-1].start()
    lead = re.match(r"\s*(?:the|a|an)\s+", raw[a:e], re.IGNORECASE)
    if lead:
        a += lead.end()
    return a, e


# ----------------------------------------------------------------------------- the recogniser



def _bracket_han_before(raw: str, s0: int, e: int) -> tuple[str, int]:
    """A Han name in brackets that ends ``raw[s0:e]`` ("Wang Hsiao-ming (王小明)"): the name and where its blanks and
    brackets start; else ("", e)."""
    br = _BRACKET_HAN_AT_END.search(raw[s0:e])  # the slice: nothing before s0 counts as a blank before the match
    return (br.group(1), s0 + br.start()) if br else ("", e)

class EnglishPeople:
    def __init__(self, text: Text, titles: list[TitleMention], cues: list[CueMention]) -> None:
        self.text = text
        self.raw = text.raw
        self.titles = titles
        self.out: list[PersonMention] = []
        self.ends: list[int] = []  # the people's ends, sorted
        self.taken = bytearray(len(text.raw) + 1)

    def _last_end(self, pos: int) -> int:
        """The end of the last person mention before ``pos`` (an affiliation does not reach back over it)."""
        i = bisect.bisect_right(self.ends, pos)
        return self.ends[i - 1] if i else 0

    def _past_named(self, a: int, e: int) -> int:
        """"Wang and Suwon City|Mayor": an affiliation starts after "X and" when X is a word of someone's name
        already read (the person the sentence pairs with the title's holder)."""
        m = re.match(r"([A-Z][\w'’-]*) and ", self.raw[a:e])
        if m and any(m.group(1) in p.name.text.split() for p in self.out):
            return a + m.end()
        return a

    def _free(self, a: int, b: int) -> bool:
        return not any(self.taken[a:b])

    def _add(self, pm: PersonMention) -> None:
        if pm.posts:
            pm = replace(pm, posts=tuple((title_for(tm, self.raw, aff), aff) for tm, aff in pm.posts))
        self.out.append(pm)
        bisect.insort(self.ends, pm.end)
        self.taken[pm.name.start:pm.name.end] = b"\x01" * (pm.name.end - pm.name.start)

    def _name(self, s: int, e: int, alt: str = "", conf: float = 1.0) -> NameMention:
        return NameMention(s, e, self.raw[s:e], "latin", alt, conf)

    def _skip(self, pos: int) -> bool:
        """Title-case headlines and headings read as names everywhere: only coreference names people there."""
        return self.text.unit_of(pos).kind in ("title", "subtitle", "heading")

    def run(self) -> list[PersonMention]:
        text = self.text
        for n, tm in enumerate(self.titles):
            if self._skip(tm.start) and not self._headline_named(tm):
                continue
            s = text.sentences[text.sentence_of(tm.start)]
            nxt = self.titles[n + 1].start if n + 1 < len(self.titles) and self.titles[n + 1].start > tm.end else s.end
            if not self._title_then_name(tm, s.start, s.end, nxt) and not self._appositive(tm, s.start, s.end) \
                    and not self._second_post(tm, s.end) and not self._copula(tm, s.start, s.end):
                self._title_of_then_name(tm, s.start, s.end)
        self._plural_lists()
        self._honorifics()
        self._brackets()
        self._predecessors()
        return sorted(self.out, key=lambda p: (p.start, p.name.start))

    def _headline_named(self, tm: TitleMention) -> bool:
        """A headline's "Mayor Noriko Sakai of Kobe City" whose body only says "Mayor Sakai": the headline gives
        the full name the body's short mentions stand for (a word of it ending like a verb, "Lu Visits", is no name)."""
        raw = self.raw
        unit = self.text.unit_of(tm.start)
        if unit.kind != "title" or not raw.startswith(" ", tm.end):
            return False
        found = name_after(raw, tm.end + 1, unit.end)
        if found is None:
            return False
        words = raw[found[0]:found[1]].split()
        if len(words) < 2 or any(re.search(r"(?:s|ed|ing)$", w) for w in words[1:]):
            return False
        body = raw[unit.end:]
        if tm.text not in body:  # the pattern holds the title as it is written
            return False
        return any(w in body and re.search(rf"\b{re.escape(tm.text)}\s+{re.escape(w)}\b(?!\s+[A-Z])", body) for w in (words[0], words[-1]))

    def _title_then_name(self, tm: TitleMention, s0: int, s1: int, nxt: int) -> bool:
        raw = self.raw
        i = tm.end
        # "Representative to Taiwan Tom Alder", "Mayor of Taipei Lin Ta-tung": a place between title and name
        # a title in lower case only as "the deputy mayor of Sapporo, Taro Yamada," (the name set off by commas)
        lower = not tm.text[:1].isupper()
        lead = _LOWER_LEAD.search(raw, max(s0, tm.start - 30), tm.start) if lower else None
        led = lead is not None
        qual = re.match(r" (to|for|of|in) (?:the )?", raw[i:s1]) \
            if not lower or led else None
        aff_after_title: tuple[int, int] | None = None
        if qual:
            k = i + qual.end()
            best = None
            for w_end in (m.end() for m in re.finditer(r"[^\s,.;]+", raw[k:min(s1, k + 40)])):
                piece = raw[k:k + w_end]
                if geo_code(piece) and piece[:1].isupper():
                    best = k + w_end
            posted = _POSTED_IN.match(raw, best, s1) if best is not None and qual.group(1) == "of" \
                and gz.country_named(raw[k:best]) is not None else None
            if posted is not None:
                # "Consul General of Japan in Kaohsiung, Sato Ichiro", "Ambassador of Japan to Palau …": the country's post,
                # then the place it is posted to
                p0 = posted.end()
                best = next((p0 + m.end() for m in re.finditer(r"[^\s,.;]+", raw[p0:min(s1, p0 + 30)])
                             if geo_code(raw[p0:p0 + m.end()])), best)
            kind = _PLACE_KIND_WORD.match(raw, best, s1) if best is not None else None
            if kind is not None:  # "Deputy Mayor of Nara City Tanaka Ichiro": the place's kind word is the place's
                best = kind.end()
            body = _PLACE_BODY.match(raw, best, s1) if best is not None and qual.group(1) == "of" else None
            if body is not None:  # "Speaker of the Hsinchu City Council Wang Mei-hua": the place's council, then the name
                best = body.end()
            # "Mayor of Dayton, Ellen Marsh,": the name set off by a comma after the place
            comma = best is not None and (qual.group(1) == "of" or led) and raw.startswith(", ", best) and \
                _comma_name(raw, best + 2, s1)
            if qual.group(1) == "of" and not lower and (pe := _org_then_name(raw, k, s1)) is not None:
                # "Chair of the Riverside Farmers Union Dana Holt", "Chair of Ohio Farmers Union Dana Holt": the body
                # (a place may open its name), then the name
                aff_after_title = (k, pe)
                i = pe
            elif best is not None and best < s1 and (raw[best] == " " or comma) and (comma or not lower):
                if qual.group(1) == "of":
                    aff_after_title = (k, best)
                i = best + 1 if comma else best
            elif best is None and qual.group(1) == "of" and not lower and (bc := _BODY_THEN_COMMA.match(raw, k, s1)) is not None \
                    and _comma_name(raw, bc.end() + 2, s1, listed=True):
                aff_after_title = (k, bc.end())  # "Director of Agricultural Bureau, Jun-hsiung Wang and …"
                i = bc.end() + 1
            elif best is None and qual.group(1) == "of" and (pe := _portfolio_end(raw, k, s1)) is not None:
                aff_after_title = (k, pe)  # "Deputy Minister of Foreign Affairs Tien Chung-kwang": the portfolio, then the name
                i = pe
        if lead is not None and (lead["who"] or lead["whose"]) and i == tm.end and raw.startswith(", ", i) \
                and _comma_name(raw, i + 2, s1):
            i += 1  # "the French representative, Marie Dupont,": the name set off by commas right after the title
        elif not lower and i == tm.end and raw.startswith(", ", i) and not raw.endswith(", ", 0, tm.start) \
                and _comma_name(raw, i + 2, s1, listed=True):  # (not "Wang, Mei-Ling, Deputy Secretary-General, Tsai, …")
            i += 1  # "Japanese Senator, Takinami Hirofumi, Yoshikawa Yuum …": a capitalised title, a comma, the name
        if i >= s1 or raw[i] != " ":
            return False
        j = i + 1
        found = name_after(raw, j, s1)
        if found is None or not self._free(found[0], found[1]):
            return False
        ns, ne = found
        alt, after = _bracket_han(raw, ne)
        short = " " not in raw[ns:ne] and not alt
        if short and (raw[ns:ne].isupper() or len(raw[ns:ne]) < 2 or i != tm.end):
            return False  # "chairman of the Springdale Organising Committee": a word of the organisation, not a name
        # the affiliation: capitalised words before the title, else "of the …" after the name
        qual = re.search(r"(?:\bthen-|\bex-|\b[Ff]ormer\s+)$", raw[max(s0, tm.start - 8):tm.start])
        t0 = tm.start - len(qual.group()) if qual else tm.start  # "Tainan's then-Mayor": the affiliation ends before "then-"
        while t0 > s0 and raw[t0 - 1] == " " and qual:
            t0 -= 1
        a = self._past_named(_aff_start(raw, t0, max(s0, self._last_end(tm.start))), t0)
        # "Male City Mayor": the title form "City Mayor" holds the word that makes the place's name
        useful = _useful_aff(raw, a, t0) or (a < t0 and not qual and _useful_aff(raw, a, _into_title(tm))) \
            or (tm.text.lower() in _COMPANY_HEADS and _COMPANY_RUN.fullmatch(raw, a, t0) is not None)
        aff = (a, t0) if useful else (tm.start, tm.start)
        if aff[0] < aff[1]:
            aff = (aff[0], t0 if qual else _into_title(tm))
        if aff_after_title is not None and aff[0] == aff[1]:
            aff = aff_after_title
        end = after
        if aff[0] == aff[1] and not short:
            of = _after_of(raw, after, s1)
            if of is not None and _useful_aff(raw, of[0], of[1]):
                aff = of
                end = of[1]
        inherit = aff[0] == aff[1] and bool(re.search(r"(?:,|\band)\s*$", raw[max(s0, tm.start - 6):tm.start]))
        start = min(aff[0], tm.start)
        nm = self._name(ns, ne, alt)
        self._add(PersonMention(start, max(end, ne), raw[start:max(end, ne)], nm, ((tm, aff),), short,
                                "short" if short else "title", inherit))
        return True

    def _appositive(self, tm: TitleMention, s0: int, s1: int) -> bool:
        """"Jan Novak, Mayor of Brno," / "Tom Alder, the Northshire Government's … Commissioner for Taiwan,"."""
        raw = self.raw
        s0 = max(s0, self._last_end(tm.start))
        a = _aff_start(raw, tm.start, s0)
        m = re.search(r"(?:,|\s[-–—])\s*(?:(?:who is|who was|now|currently|also)\s+)?(?:(?:the|a|an)\s+)?"
                      r"(?:(?:former|then-?)\s*)?(?:(?:first|second|third|fourth|fifth|sixth)\s+)?$", raw[s0:a])
        # "…, the former Deputy Mayor of Taichung,"; "…, second councilor;" (a lower-case title with its rank)
        pre = raw[s0:a]
        if m is None:
            # "…, the Northshire Government's Trade and Tourism Commissioner": the run may hold the article
            m2 = re.search(r",\s*$", pre)
            if m2 is None:
                return False
            m = m2
        comma = s0 + m.start()
        e = comma
        alt, e = _bracket_han_before(raw, s0, e)
        found = name_before(raw, e, s0)
        full = ""
        if found is None:  # "Lin, Deputy Minister of Foreign Affairs, said": the family name of a name given before
            found, full, alt = _family_of_earlier(raw, e, s0)
        if found is None or not self._free(*found):
            return False
        ns, ne = found
        aff_a, aff_e = _appositive_aff(raw, a, tm.start)
        aff = (aff_a, aff_e) if _useful_aff(raw, aff_a, aff_e) else (tm.start, tm.start)
        end = tm.end
        of = _after_of(raw, tm.end, s1)
        if of is not None:
            if aff[0] == aff[1]:
                aff = of
            end = of[1]
        else:
            q = re.match(r"\s+(?:to|for|in)\s+(?:the\s+)?[A-Z][^,;.]{0,40}", raw[tm.end:s1])
            if q:
                end = tm.end + q.end()
            # "State Executive Councillor for Housing and Local Government of Selangor": the portfolio, then
            # the body the post is in
            body = _FOR_THEN_OF.match(raw, tm.end, s1)
            of = _after_of(raw, body.end(1), s1) if body is not None else None
            if of is not None and aff[0] == aff[1] and _useful_aff(raw, of[0], of[1]):
                aff = of
                end = max(end, of[1])
        nm = NameMention(ns, ne, full, "latin", alt) if full else self._name(ns, ne, alt)
        self._add(PersonMention(ns, end, raw[ns:end], nm, ((tm, aff),), False, "title"))
        return True

    def _copula(self, tm: TitleMention, s0: int, s1: int) -> bool:
        """"when Wang Hsiao-ming (王小明) was mayor of Tainan", "Chen Hsiao-hua, who is director of …": a name, a verb of being,
        then the title and the body after "of"."""
        raw = self.raw
        s0 = max(s0, self._last_end(tm.start))
        m = _COPULA.search(raw, s0, tm.start)
        if m is None:
            return False
        e = m.start()
        alt, e = _bracket_han_before(raw, s0, e)
        found = name_before(raw, e, s0)
        if found is None or not self._free(*found) or " " not in raw[found[0]:found[1]]:
            return False
        of = _after_of(raw, tm.end, s1)
        if of is None or not _useful_aff(raw, of[0], of[1]):
            return False
        ns, ne = found
        self._add(PersonMention(ns, of[1], raw[ns:of[1]], self._name(ns, ne, alt), ((tm, of),), False, "title"))
        return True

    def _title_of_then_name(self, tm: TitleMention, s0: int, s1: int) -> bool:
        """"The vice mayor of Springdale on the coast of X, Anna Bell Cruz, toured …": "the", the title, "of" its body
        and words with no comma, then the name set off by commas (or followed by its Han form in brackets)."""
        raw = self.raw
        if not re.search(r"(?:^|[\s,;:–—-])[Tt]he\s+$", raw[max(s0, self._last_end(tm.start)):tm.start]):
            return False
        of = _after_of(raw, tm.end, s1)
        if of is None or not (_useful_aff(raw, of[0], of[1]) or re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", raw[of[0]:of[1]])):
            return False
        comma = raw.find(",", of[1], s1)
        if comma < 0 or re.search(r"[;:()]|\b(?:and|who|which|said|says)\b", raw[of[1]:comma]):
            return False
        i = comma + 1
        while i < s1 and raw[i] == " ":
            i += 1
        found = name_after(raw, i, s1)
        if found is None or not self._free(*found) or " " not in raw[found[0]:found[1]]:
            return False
        ns, ne = found
        if not re.match(r"\s*(?:[,(（]|$)", raw[ne:s1]):
            return False
        alt = _bracket_han(raw, ne)[0]
        self._add(PersonMention(tm.start, ne, raw[tm.start:ne], self._name(ns, ne, alt), ((tm, of),), False, "title"))
        return True

    def _second_post(self, tm: TitleMention, s1: int) -> bool:
        """"Tanaka Ichiro, Mayor of Nara City and Chairman of the Lake Council,": a second post of the one just named,
        joined by "and" to the end of the first."""
        raw = self.raw
        if not self.out or not re.fullmatch(r",?\s+and\s+(?:the\s+)?", raw[self.out[-1].end:tm.start]):
            return False
        of = _after_of(raw, tm.end, s1)
        if of is None or not _useful_aff(raw, of[0], of[1]):
            return False
        named = re.match(r"[^,;.]{0,40}?, ", raw[of[1]:s1])
        if named is not None and _comma_name(raw, of[1] + named.end(), s1):
            return False  # "…, and the Ambassador of Chile to Palau, Ana Reyes,": another person, named after the post
        last = self.out.pop()
        end = max(last.end, of[1])
        self.out.append(replace(last, end=end, text=raw[last.start:end], posts=(*last.posts, (tm, of))))
        self.ends.remove(last.end)
        bisect.insort(self.ends, end)
        return True

    def _plural_lists(self) -> None:
        """"Six Taipei City councilors, A, B and C," / "Keelung city councilors A (甲), B (乙) and C (丙)": each name
        of the list after a plural title holds the post, in the organisation named before the title."""
        raw = self.raw
        for m in _plural_titles().finditer(raw):
            if self._skip(m.start()) or raw[m.end():m.end() + 1] not in (" ", ","):
                continue
            s = self.text.sentences[self.text.sentence_of(m.start())]
            hit = next((h for h in lx.title_matcher_en().find(m.group(1).lower())
                        if h.start == 0 and h.end == len(m.group(1))), None)
            if hit is None:
                continue
            tm = TitleMention(m.start(), m.end(), m.group(), hit.entry, False)
            a = _aff_start(raw, tm.start, max(s.start, self._last_end(tm.start)))
            count = _COUNT.match(raw, a, tm.start)
            if count:
                a = count.end()
            aff = (a, _into_title(tm)) if _useful_aff(raw, a, tm.start) else (tm.start, tm.start)
            j = m.end()
            names: list[tuple[int, int, str, int]] = []
            while True:
                sep = re.match(r",?\s+(?:and\s+)?", raw[j:s.end])
                if sep is None:
                    break
                found = name_after(raw, j + sep.end(), s.end)
                if found is None or " " not in raw[found[0]:found[1]] or not self._free(*found):
                    break
                alt, after = _bracket_han(raw, found[1])
                names.append((found[0], found[1], alt, after))
                j = after
                if sep.group().strip() == "and" or sep.group().rstrip().endswith("and"):
                    break
            if len(names) < 2:
                continue
            for ns, ne, alt, after in names:
                self._add(PersonMention(ns, after, raw[ns:after], self._name(ns, ne, alt), ((tm, aff),), False, "title"))
        self._title_comma_lists()

    def _title_comma_lists(self) -> None:
        """"Japanese Senator, A, B, C and D visited": a capitalised title in the singular, a comma, then a list closed by
        "and": the names after the first (which the title pass read) hold its post too."""
        raw = self.raw
        for p in list(self.out):
            tm = p.posts[0][0] if p.how == "title" and len(p.posts) == 1 else None
            if tm is None or raw[tm.end:p.name.start] != ", " or not tm.text[:1].isupper():
                continue
            s1 = self.text.sentences[self.text.sentence_of(p.start)].end
            j = p.end
            names: list[tuple[int, int, str, int]] = []
            closed = False
            while not closed:
                sep = re.match(r",\s+(?:and\s+)?|\s+and\s+", raw[j:s1])
                if sep is None:
                    break
                found = name_after(raw, j + sep.end(), s1)
                if found is None or " " not in raw[found[0]:found[1]] or not self._free(*found):
                    break
                alt, after = _bracket_han(raw, found[1])
                names.append((found[0], found[1], alt, after))
                j = after
                closed = sep.group().rstrip().endswith("and")
            if not closed or (j < s1 and raw[j] == ","):
                continue  # an appositive goes on ("Senator, A, B, …,"), or the list is not closed: no shared post
            for ns, ne, alt, after in names:
                self._add(PersonMention(ns, after, raw[ns:after], self._name(ns, ne, alt), p.posts, False, "title"))

    def _honorifics(self) -> None:
        raw = self.raw
        for m in _HONORIFIC.finditer(raw):
            if self._skip(m.start()):
                continue
            s1 = self.text.sentences[self.text.sentence_of(m.start())].end
            found = name_after(raw, m.end(), s1)
            if found is None or not self._free(*found):
                continue
            ns, ne = found
            alt, after = _bracket_han(raw, ne)
            short = " " not in raw[ns:ne] and not alt
            self._add(PersonMention(m.start(), after, raw[m.start():after], self._name(ns, ne, alt, 0.8), (), short,
                                    "short" if short else "honorific"))

    def _predecessors(self) -> None:
        """"Jane Roe, Smith's predecessor," / "…, the successor of Smith,": the post of the person named before, held
        by the one named here."""
        raw = self.raw
        for m in _PREDECESSOR.finditer(raw):
            if self._skip(m.start()):
                continue
            s0 = self.text.sentences[self.text.sentence_of(m.start())].start
            found = name_before(raw, m.start(), max(s0, self._last_end(m.start())))
            if found is None or not self._free(*found) or " " not in raw[found[0]:found[1]]:
                continue
            family = m.group("who")
            holder = next((p for p in reversed(self.out) if p.posts and p.end <= found[0]
                           and p.name.text.split()[-1] == family), None)
            if holder is None:
                continue
            ns, ne = found
            self._add(PersonMention(ns, ne, raw[ns:ne], self._name(ns, ne), holder.posts[:1], False, "title"))

    def _brackets(self) -> None:
        """"Lin Mei-ling (林美玲)" with no title nearby, and "林大同 (Lin Ta-tung)"."""
        raw = self.raw
        for m in _BRACKET_HAN.finditer(raw):
            e = m.start()
            if self._skip(e) or not self._free(max(0, e - 1), e):
                continue
            found = name_before(raw, e, max(0, e - 60))
            if found is None or not self._free(*found):
                continue
            ns, ne = found
            self._add(PersonMention(ns, m.end(), raw[ns:m.end()], self._name(ns, ne, m.group(1), 0.8), (), False, "bracket"))
        for h in _HAN_RUN.finditer(raw):
            br = _BRACKET_LATIN_AFTER_HAN.match(raw, h.end())
            if br is None or self._skip(h.start()) or not self._free(h.start(), h.end()):
                continue
            inner = br.group(1)
            found = name_after(inner, 0, len(inner))
            if found is None or found[1] != len(inner) or " " not in inner or _BRACKET_POS.match(inner):
                continue
            nm = NameMention(h.start(), h.end(), h.group(), "han", inner, 0.8)
            self._add(PersonMention(h.start(), br.end(), raw[h.start():br.end()], nm, (), False, "bracket"))


def recognise_people_en(text: Text, titles: list[TitleMention], cues: list[CueMention]) -> list[PersonMention]:
    return EnglishPeople(text, titles, cues).run()
