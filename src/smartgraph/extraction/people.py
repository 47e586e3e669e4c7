"""People and their posts: 「匈牙利布達佩斯副市長 Gábor Kerpel-Fronius」, 「臺北市長柯文哲」, 「黃珊珊副市長」.

A person mention is a post title (from the titles gazetteer) with a name after it (Han or Latin)
or a Han name before it. What stands before the title, read from the right, is the affiliation:
a country, a place, an organisation (its type told by how its name ends), or nothing, in which
case the publisher's city or the last place named in the sentence is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.context import Context, Mention
from smartgraph.extraction.text import View
from smartgraph.model import Post

HAN = gz.HAN
DELIMS = set("，。、；：:（()「」『』【】,;!?！？\n\t") | {"\u3000"}
# words that stand between a name and what comes after it, or open a clause before an affiliation
FOLLOWERS = (
    "表示", "指出", "強調", "說明", "說", "則", "也", "亦", "於", "出席", "致詞", "進一步", "更", "認為", "提到",
    "分享", "與", "及", "和", "等", "在", "今", "率", "親", "參", "先生", "女士", "博士", "暢談", "提出", "呼籲",
    "感謝", "表達", "期盼", "希望", "就", "都", "一同", "共同", "代表", "主持", "發表", "以", "透過", "特別",
)
LEADERS = (
    "以及", "包含", "包括", "邀請", "當天", "另外", "其中", "此外", "會中", "同時", "並由", "而", "則", "並", "由",
    "及", "與", "和", "另", "如", "也", "亦", "是", "為", "的", "了", "前", "後", "於", "在", "暨", "、",
)
NOT_IN_NAME = set("市縣局處國省區會部院署室鎮鄉州府館的了在於與及和等是為並而則也亦都將從向對由表指說強之長代副總")
NOT_TITLE_AFTER = ("室", "辦公室", "團隊", "官邸", "信箱", "高峰", "論壇", "會議", "候選人", "選舉", "任內", "們")
PARTICLES = {"van", "von", "der", "den", "de", "da", "del", "della", "di", "du", "la", "le", "bin", "binti", "al",
             "el", "dos", "das", "ten", "ter", "y", "e"}
FOREIGN_OFFICE = re.compile(r"^(?:駐|在)(?:臺灣|台灣|臺北市|台北市|臺北|台北|臺|台)")
GOV_PREFIX = re.compile(r"^(?:市|縣)?政府")
_LATIN_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*\.?|[A-Z]\.")


@dataclass(frozen=True)
class PersonMention:
    person: str
    name_start: int
    name_end: int
    start: int  # the whole mention, affiliation included (view offsets)
    end: int
    org: str
    role: str


def latin_name_at(text: str, i: int) -> tuple[int, int] | None:
    """A Latin personal name of two or more words starting at ``text[i]`` (after optional spaces)."""
    while i < len(text) and text[i] == " ":
        i += 1
    pos, tokens, end = i, 0, i
    real = 0
    while pos < len(text) and tokens < 7:
        m = _LATIN_TOKEN.match(text, pos)
        if not m:
            break
        word = m.group().rstrip(".") if not re.fullmatch(r"[A-Z]\.", m.group()) else m.group()
        lower = word.lower()
        if word[:1].isupper():
            real += 1
        elif lower not in PARTICLES or tokens == 0:
            break
        tokens += 1
        end = pos + len(word)
        pos = m.end()
        sep = re.match(r",? (?=\S)", text[pos:])
        if not sep:
            break
        nxt = _LATIN_TOKEN.match(text, pos + sep.end())
        if not nxt or not (nxt.group()[:1].isupper() or nxt.group().lower() in PARTICLES):
            break
        if sep.group().startswith(",") and tokens > 1:
            break  # a comma only inside a "Family, Given" name
        pos += sep.end()
    if real >= 2:
        return i, end
    return None


def _boundary(text: str, i: int) -> bool:
    return i >= len(text) or text[i] in DELIMS or text[i] == " " or not re.match(f"[{HAN}]", text[i])


def han_name_at(text: str, i: int) -> tuple[int, int] | None:
    """A Han personal name (surname + one or two characters) starting at ``text[i]``."""
    sur = gz.surnames()
    if text[i: i + 2] in sur:
        n_sur = 2
    elif text[i: i + 1] in sur:
        n_sur = 1
    else:
        return None
    g = i + n_sur
    if _boundary(text, g) or text[g] in NOT_IN_NAME:
        return None
    # a one-character given name when a boundary or a following word comes right after it
    one_ends = _boundary(text, g + 1) or (text.startswith(FOLLOWERS, g + 1) and not text.startswith(FOLLOWERS, g + 2))
    one = (i, g + 1) if one_ends else None
    two_ok = not _boundary(text, g + 1) and text[g + 1] not in NOT_IN_NAME
    if two_ok and (_boundary(text, g + 2) or text.startswith(FOLLOWERS, g + 2) or gz.title_at(text, g + 2)):
        return i, g + 2
    if one:
        return one
    if not _boundary(text, g + 1) and text[g + 1] not in NOT_IN_NAME:
        return i, g + 2
    return i, g + 1


def han_name_before(text: str, s: int) -> tuple[int, int] | None:
    """A Han personal name that ends at ``text[s]`` (before a title)."""
    sur = gz.surnames()
    for length in (3, 2, 4):
        a = s - length
        if a < 0:
            continue
        name = text[a:s]
        if not gz.is_han(name) or any(c in NOT_IN_NAME for c in name[1:]):
            continue
        if (length == 4 and name[:2] in sur) or (length < 4 and name[0] in sur):
            return a, s
    return None


# ----------------------------------------------------------------------------- affiliations


@dataclass(frozen=True)
class Affiliation:
    org: str  # organisation key
    place: str = ""


def _strip_leaders(run: str) -> int:
    """How many characters of function words open the run."""
    cut = 0
    changed = True
    while changed:
        changed = False
        for w in sorted(LEADERS, key=len, reverse=True):
            if run.startswith(w, cut) and len(run) - cut > len(w):
                cut += len(w)
                changed = True
                break
    return cut


def affiliation_run(text: str, s: int) -> tuple[int, int]:
    """The stretch before a title at ``s`` that may name the affiliation (view offsets)."""
    a = s
    while a > 0 and s - a < 24 and text[a - 1] not in DELIMS:
        if text[a - 1] == " " and a - 2 >= 0 and re.match(r"[\w)]", text[a - 2]) and not gz.is_han(text[a - 2]):
            break
        a -= 1
    while a < s and text[a] == " ":
        a += 1
    return a + _strip_leaders(text[a:s]), s


def parse_affiliation(ctx: Context, text: str, a: int, s: int) -> Affiliation | None:
    """Read an affiliation from ``text[a:s]``, right before a title."""
    run = text[a:s]
    if not run.strip():
        return None
    # the rightmost country opens the affiliation
    country_at: tuple[int, gz.Country, int] | None = None
    i = 0
    while i < len(run):
        c = gz.match_country(run, i)
        if c:
            country_at = (i, c[0], c[1])
            i += c[1]
        else:
            i += 1
    pos = 0
    code = ""
    country_surface = ""
    if country_at:
        pos = country_at[0] + country_at[2]
        code = country_at[1].code
        country_surface = run[country_at[0]: pos]
        ctx.country(code)
    rest = run[pos:]
    after_country = rest
    # a foreign office in Taiwan: 荷蘭在臺辦事處, 加拿大駐台北貿易辦事處
    m = FOREIGN_OFFICE.match(rest)
    if code and code != "TW" and m:
        ot = gz.org_type_of(rest)
        kind = ot.key if ot else "representative-office"
        key = f"org-{code.lower()}-{gz.fold('在臺' + rest[m.end():])}"
        return Affiliation(ctx.org(key, country_surface + rest, kind, code, ctx.home_place))
    # a place, maybe with its 市/縣 suffix, then what is left
    # a place opens what is left (right after the country, if there is one)
    place_key = ""
    place_entry = None
    found = gz.match_place(rest, 0, code, ctx.home_country) if rest else None
    if found:
        place_entry, n = found
        end = n + 1 if n < len(rest) and rest[n] in gz.PLACE_SUFFIXES and not gz.title_at(rest + text[s:], n) else n
        place_key = ctx.place(place_entry, rest[:end])
        rest = rest[end:]
    ot = gz.org_type_of(rest, bare=bool(place_key)) if rest else None
    country = code or (place_entry.country if place_entry else "")
    if not rest:
        if place_key:
            return Affiliation(ctx.government(place_key), place_key)
        if code:
            return Affiliation(ctx.national_government(code))
        return None
    gm = GOV_PREFIX.match(rest)
    if place_key and gm:
        gov = ctx.government(place_key)
        unit = rest[gm.end():]
        if not unit:
            return Affiliation(gov, place_key)
        ut = gz.org_type_of(unit)
        key = f"{gov}/{gz.fold(unit)}"
        full = text[a:s]
        return Affiliation(ctx.org(key, full[_strip_leaders(full):], ut.key if ut else "agency", country, place_key, gov), place_key)
    if ot is None:
        if rest.endswith(gz.PLACE_SUFFIXES) and len(rest) >= 2 and country and gz.is_han(rest):
            pk = ctx.unknown_place(rest, country, "city" if rest.endswith("市") else "region")
            return Affiliation(ctx.government(pk), pk)
        if place_key:
            return Affiliation(ctx.government(place_key), place_key)
        if code:
            return Affiliation(ctx.national_government(code))
        return None
    if ot.kind == "unit" and not place_key and not code:
        # 資訊局, 市長室: a unit of the publisher's own government
        if ctx.publisher_unit and gz.fold(rest) == gz.fold(ctx.publisher_unit):
            return Affiliation(ctx.facts.publisher, ctx.home_place)
        if ctx.home_gov:
            key = f"{ctx.home_gov}/{gz.fold(rest)}"
            return Affiliation(ctx.org(key, rest, ot.key, ctx.home_country, ctx.home_place, ctx.home_gov), ctx.home_place)
        return Affiliation(ctx.org(f"org-{gz.fold(rest)}", rest, ot.key, ""))
    # a government body is named from its place (史特拉斯堡大都會區), other bodies with their country
    label = after_country if ot.kind == "government" else run[country_at[0]:] if country_at else run
    if place_key and ot.kind == "government":
        key = f"gov-{place_key}-{ot.key}"
        return Affiliation(ctx.org(key, label, ot.key, country, place_key), place_key)
    scope = place_key or (code.lower() if code else "")
    key = f"org-{scope}-{gz.fold(rest)}" if scope else f"org-{gz.fold(rest)}"
    parent = ctx.government(place_key) if place_key and ot.kind == "unit" else ""
    return Affiliation(ctx.org(key, label, ot.key, country, place_key, parent), place_key)


# ----------------------------------------------------------------------------- mentions


def _titles_in(text: str) -> list[tuple[int, int, gz.Title]]:
    out = []
    i = 0
    while (found := gz.next_title(text, i)) is not None:
        i, t = found
        if not text.startswith(NOT_TITLE_AFTER, i + len(t.zh)):
            out.append((i, i + len(t.zh), t))
            i += len(t.zh)
        else:
            i += 1
    return out


def _fallback_affiliation(ctx: Context, places_before: list[Mention], han: bool) -> Affiliation | None:
    """No affiliation before the title: a Han name is the publisher's city's; a Latin one the last place named."""
    if han:
        if ctx.home_gov:
            return Affiliation(ctx.home_gov, ctx.home_place)
        return None
    for m in reversed(places_before):
        if m.kind == "place" and m.key != ctx.home_place:
            return Affiliation(ctx.government(m.key), m.key)
        if m.kind == "org":
            return Affiliation(m.key)
    return None


def find_people(ctx: Context, view: View, sentence: tuple[int, int], places: list[Mention]) -> list[PersonMention]:
    """Every titled person mention in one sentence of a view, with its post recorded in the facts."""
    text = view.text
    s0, s1 = sentence
    out: list[PersonMention] = []
    taken_until = s0
    for ts, te, title in _titles_in(text[s0:s1]):
        ts += s0
        te += s0
        if ts < taken_until:
            continue
        name: tuple[int, int] | None = None
        han = False
        after = te
        lat = latin_name_at(text, te) if te < s1 else None
        if lat and lat[1] <= s1:
            name = lat
        elif te < s1 and re.match(f"[{HAN}]", text[te]):
            hn = han_name_at(text, te)
            if hn and hn[1] <= s1:
                name, han = hn, True
        before = None
        if name is None:
            before = han_name_before(text, ts)
            if before and before[0] >= taken_until:
                name, han = before, True
            else:
                continue
        else:
            after = name[1]
        if before:
            # 「黃珊珊副市長」: the affiliation stands before the name
            a, _ = affiliation_run(text, name[0])
            aff_end = name[0]
        else:
            a, _ = affiliation_run(text, ts)
            aff_end = ts
        a = max(a, taken_until)
        aff = parse_affiliation(ctx, text, a, aff_end) if a < aff_end else None
        if aff is None:
            aff = _fallback_affiliation(ctx, [m for m in places if m.end <= ts and m.start >= s0], han)
        person_name = text[name[0]: name[1]]
        pkey = ctx.person(person_name)
        start = min(a, name[0])
        end = max(after, te)
        role = title.key
        ctx.facts.roles.setdefault(role, title.role())
        if aff is not None:
            ctx.facts.posts.append(Post(pkey, aff.org, role, view.span(start, end)))
        out.append(PersonMention(pkey, name[0], name[1], start, end, aff.org if aff else "", role))
        taken_until = end
    return out


def find_known(ctx: Context, view: View, sentence: tuple[int, int], names: dict[str, str],
               taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Bare mentions of people already named with a title in this document (林欽榮進一步表示)."""
    text = view.text
    s0, s1 = sentence
    out = []
    for name, key in names.items():
        start = s0
        while True:
            i = text.find(name, start, s1)
            if i < 0:
                break
            j = i + len(name)
            if all(j <= a or i >= b for a, b in taken):
                out.append(PersonMention(key, i, j, i, j, "", ""))
                taken.append((i, j))
            start = j
    return out
