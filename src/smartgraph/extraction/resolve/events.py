"""Events: event mentions to the events of the document.

Two named mentions are one event when they are of one kind and one name holds the other once the
year and the ordinal are set aside (2018智慧城市首長高峰會 = 智慧城市首長高峰會), or when one gives the
other as its name in the other language. A name without a year joins the one event of its kind
that has a year, when there is exactly one. A generic mention (論壇, 記者會, 該論壇) is the nearest
event of its kind named before it, else the first named after it.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from functools import lru_cache

from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import EventEntity, EventMention, Resolved
from smartgraph.extraction.text import Text, clause_end, clause_start, fold

_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*(?:(?:年|年度)\s*)?")
_ORD = re.compile(r"第\s*[0-9一二兩三四五六七八九十百]+\s*(?:屆|届|次|回)")
_THE = re.compile(r"(?<![A-Za-z])[Tt]he\s+(?=[A-Za-z0-9])")
_PUNCT = re.compile(r"[\s「」『』()（）\"'’&·\-]+")


@lru_cache(maxsize=16384)
def core(name: str) -> str:
    """What a name says besides its year and ordinal, folded."""
    c = _ORD.sub("", _YEAR.sub("", name))
    c = _THE.sub(" ", c)  # (s11-ev) "Opening Ceremony of 2023 … Summit" is "the opening ceremony of the 2023 … Summit"
    return _PUNCT.sub("", fold(c)).lower()


def _compatible(a: EventMention, e: EventEntity, ordinals: set[int | None]) -> bool:
    """Whether a named mention is another mention of ``e`` (``ordinals``: those of e's mentions)."""
    if a.category == "session" and a.ordinal is not None:
        return e.category == "session" and a.ordinal in ordinals
    if a.category != e.category and not (a.part and e.part) and not (a.name.isascii() and not a.part and not e.part and a.year == e.year
            and any(core(a.name) in core(n) or core(n) in core(a.name) for n in e.names if n.isascii() and len(core(n)) > 12)):
        return False  # "2019 Asia Pacific Cities Summit" is the "… Summit and Mayors' Forum" named in full
    if a.year and e.year and a.year != e.year:
        return False
    if a.ordinal is not None and a.category != "session" and not any(m.ordinal == a.ordinal for m in e.mentions) \
            and not (a.year and a.year == e.year) and a.name.isascii() \
            and (any(o is not None for o in ordinals) or e.year is not None):
        return False  # "the first EcoMobility World Festival" is not the 2017 one
    ca = core(a.name)
    for n in e.names:
        cb = core(n)
        if ca and cb and (ca in cb or cb in ca) and min(len(ca), len(cb)) >= 2:
            return True
    if a.name.isascii() and a.category == e.category and not a.part:
        # "Taiwan-Japan Exchange Summit" and "the Fourth Summit on Taiwan-Japan Exchanges": the same words in another order
        wa = _content_words(a.name)
        if len(wa) >= 2 and any(len(wb) >= 2 and (wa <= wb or wb <= wa) for wb in map(_content_words, (n for n in e.names if n.isascii()))):
            return True
    return bool(a.alt) and any(core(a.alt) == core(n) for n in e.names)


_FUNCTION_EN = frozenset({"the", "of", "on", "and", "for", "in", "at", "a", "an", "&", "first", "second", "third", "fourth", "fifth",
                          "sixth", "seventh", "eighth", "ninth", "tenth", "annual", "international", "global", "world"})


@lru_cache(maxsize=4096)
def _content_words(name: str) -> frozenset[str]:
    """An English event name's words that tell what it is about: no year, ordinal, function word or head (summit, forum)."""
    heads = {h.lower() for h in lx.event_heads_en()}
    words = (w.lower() for w in re.findall(r"[A-Za-z0-9]+", name))
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words
                     if w not in _FUNCTION_EN and w not in heads and not re.fullmatch(r"\d+(?:st|nd|rd|th)?", w))


def event_key(res: Resolved, m: EventMention) -> str:
    doc = res.text.doc
    year = m.year or (doc.date.year if doc.date else 0)
    return f"{year}-{m.category}/{core(m.name)[:40]}"


def _act_key(res: Resolved, m: EventMention) -> str:
    """An act's key: its name alone (簽署友好交流協定, 率團訪問) would be every act of its kind that year, so the
    places its sentence names tell it apart (two releases about one signing still meet on one key)."""
    text = res.text
    s = text.sentences[text.sentence_of(m.start)]
    places = sorted({res.place_of[p] for p in res.recognised.within(res.recognised.places, s.start, s.end) if p in res.place_of})
    return f"{event_key(res, m)}/{'-'.join(places[:4]) or text.doc.source}"


def _act(m: EventMention) -> bool:
    """A signing act (簽署友好城市協定) rather than a ceremony the text names; 「簽署儀式」 alone is an event word."""
    return m.category == "ceremony" and not m.quoted and not m.generic and (m.name[:1] in "簽締換" or _english_signing(m)
                                                                             or _english_anniversary(m))


def _english_anniversary(m: EventMention) -> bool:
    """(s10-ev) An English anniversary ceremony a sentence tells with its verb (recognise.events_en._anniversaries_en)."""
    return m.category == "ceremony" and m.head is not None and _ANNIVERSARY_ACT.search(m.name) is not None and not m.quoted


_ANNIVERSARY_ACT = re.compile(r"^\S+ anniversary (?:[a-z]+ )?(?:ceremony|celebration|reception|gala)$")  # as _anniversaries_en names it


def _english_signing(m: EventMention) -> bool:
    """An English signing a sentence tells with its verb (recognise_signings_en)."""
    return m.name == "signing" and m.head is not None


def _english_meeting(m: EventMention) -> bool:
    """An English meeting a sentence tells with its verb (recognise_meetings_en)."""
    return m.category == "visit" and m.head is not None and m.name.startswith("meeting with ")


def _told(m: EventMention, title_end: int) -> bool:
    """A visit or call the text tells with a verb (not a headline's)."""
    return m.category == "visit" and m.start >= title_end and not m.quoted and not m.year


def resolve_events(res: Resolved) -> None:
    text = res.text
    title_end = text.units[0].end if text.units and text.units[0].kind == "title" else 0
    named = [m for m in res.recognised.events if not m.generic and not _act(m) and not _told(m, title_end)]
    generic = [m for m in res.recognised.events if m.generic]
    acts = [m for m in res.recognised.events if _act(m) or _told(m, title_end)]
    entities: list[EventEntity] = []
    ordinals: dict[int, set[int | None]] = {}  # id of an entity -> the ordinals of its mentions
    for m in named:
        target = next((e for e in entities if _compatible(m, e, ordinals[id(e)])), None)
        if target is None:
            target = EventEntity(event_key(res, m), m.category, m.part, [], [], m.year,
                                 "headline" if m.category == "visit" else "named")
            entities.append(target)
            ordinals[id(target)] = set()
        target.mentions.append(m)
        ordinals[id(target)].add(m.ordinal)
        if m.name not in target.names:
            target.names.append(m.name)
        alt = m.alt
        if alt and m.year and not re.search(r"(?:19|20)\d{2}", alt):
            alt = f"{m.year} {alt}"  # 2021 智慧城市論壇暨展覽 (Smart City Summit & Expo): 2021 Smart City Summit & Expo
        if alt and alt not in target.names:
            target.names.append(alt)
        target.year = target.year or m.year
    _told_again(text, entities)
    # a name without a year joins the only event of its kind with one
    for e in list(entities):
        if e.year is not None or e.part:
            continue
        same = [o for o in entities if o is not e and o.category == e.category and o.year is not None]
        if len(same) == 1 and not any(o.year is None and o is not e and o.category == e.category for o in entities if o is not e) \
                and _similar(e, same[0]):
            other = same[0]
            other.mentions.extend(e.mentions)
            other.names.extend(n for n in e.names if n not in other.names)
            entities.remove(e)
    for e in entities:
        res.events[e.key] = e
        for m in e.mentions:
            res.event_of[m] = e.key
    # an event word alone (the forum, 本論壇) is the event of its kind named last before it, else the first one named
    starts = {id(e): sorted(x.start for x in e.mentions) for e in entities}
    for m in generic:
        kind = [e for e in entities if e.category == m.category]
        word = core(m.name)
        headed = [e for e in kind if any(core(n).endswith(word) or (word.isascii() and (core(n).startswith(word) or re.sub(
            r"(?:19|20)\d\d$", "", core(n)).endswith(word))) for n in e.names)]  # "the festival": "… Festival 2017"
        kind = headed or kind  # 「閉幕式」 is the closing ceremony named, not the opening one
        if word.isascii() and res.text.doc.date is not None:
            this_year = [e for e in kind if e.year in (None, res.text.doc.date.year)]
            kind = this_year or kind  # "the festival" is this year's, not "the first … Festival in 2013"
        if not headed and _SIGNING_WORD.search(fold(m.name)):
            kind = []  # 「簽署儀式」 is the signing the text tells (joined to its act below), not another ceremony
        last_before = {id(e): starts[id(e)][i - 1] for e in kind if (i := bisect.bisect_left(starts[id(e)], m.start)) > 0}
        before = [e for e in kind if id(e) in last_before]
        if before:
            best = max(before, key=lambda e: last_before[id(e)])
        elif not kind and m.name.isascii():
            continue  # "the ceremony", "the meeting" with no event of its kind named: no event of its own
        elif not kind:
            # no event of its kind is named: the mention stands for one (簽約典禮, 記者會), of this release only:
            # two releases' 頒獎典禮 of one year are two ceremonies unless a name joins them
            award = _award_of(res, m)
            if award:  # 「第3屆智慧永續城市獎」…頒獎典禮: the ceremony of the award its paragraph names
                named_m = dataclasses.replace(m, name=award + m.name, generic=False)
                best = EventEntity(event_key(res, named_m), m.category, m.part, [award + m.name], [], m.year, "named")
            else:
                best = EventEntity(f"{event_key(res, m)}/{res.text.doc.source}", m.category, m.part, [m.name], [], m.year, "generic")
            entities.append(best)
            starts[id(best)] = []
            res.events[best.key] = best
        else:
            best = min(kind, key=lambda e: starts[id(e)][0] if starts[id(e)] else m.start)
        res.event_of[m] = best.key
        best.mentions.append(m)
        bisect.insort(starts[id(best)], m.start)
    headline = next((e for e in entities if e.origin == "headline"), None)
    lead = next((i for i, u in enumerate(text.units) if u.kind == "paragraph"), -1)
    # a signing the text tells is the event its sentence names; a visit is the visit its sentence tells, a call on
    # someone (拜會) another than a trip (率團訪日); else each is an event of its own
    by_sentence: dict[int, list[tuple[EventMention, str]]] = {}  # in the order the mentions were linked
    for x, k in res.event_of.items():
        by_sentence.setdefault(text.sentence_of(x.start), []).append((x, k))
    for m in sorted(acts, key=lambda x: (x.category != "visit", x.start)):
        si = text.sentence_of(m.start)
        s = text.sentences[si]
        sharing = [k for x, k in by_sentence.get(si, []) if x is not m and _joins(text.fold, m, x, res.events[k])]
        if not sharing and headline is not None and m.category == "visit" and s.unit == lead \
                and bool(_CALL.search(fold(headline.names[0]))) == bool(m.head is not None and _CALL.match(text.fold, m.head)):
            sharing = [headline.key]  # the lead tells the visit the headline names (a call is not the trip it is part of)
        retold = not sharing and headline is not None and m.category == "visit" and _retells(headline, m)
        if retold and headline is not None:
            # (s9-dedup) the headline's words again (a page that repeats its title): its visit, which the headline and
            # the lead already name (the mention links to it, and adds no name or day of its own)
            res.event_of[m] = headline.key
            by_sentence.setdefault(si, []).append((m, headline.key))
            continue
        if sharing:
            act_key = sharing[0]
        else:
            ent = EventEntity(_act_key(res, m), m.category, m.part, [m.name], [], None, "act")
            act_key = ent.key
            res.events.setdefault(act_key, ent)
        res.event_of[m] = act_key
        by_sentence.setdefault(si, []).append((m, act_key))
        res.events[act_key].mentions.append(m)
    _retold_signings(res)  # (s9-dedup) one signing told twice is one event
    _signing_words(res)


_RETOLD_SIGNING = re.compile(fold(r"(?:協定|協議|備忘錄|意向書)書?簽署$"))


def _told_again(text: Text, entities: list[EventEntity]) -> None:
    """(s10-ev) 「舉行「古城協議書」線上簽署儀式，…指出，這份協議書的簽署…」: a signing told again by its agreement's word in the
    sentence of a signing ceremony named in quotes is that ceremony, not an event of its own."""
    quoted = [(e, m) for e in entities if e.category == "ceremony" for m in e.mentions
              if m.quoted and _SIGN_IN_NAME.search(fold(m.name))]
    if not quoted:
        return
    for e in list(entities):
        if e.category != "ceremony" or any(m.quoted for m in e.mentions) or not all(_RETOLD_SIGNING.search(fold(m.name)) for m in e.mentions):
            continue
        for m in list(e.mentions):
            si = text.sentence_of(m.start)
            host = next((q for q, qm in quoted if q is not e and text.sentence_of(qm.start) == si), None)
            if host is not None:
                e.mentions.remove(m)
                host.mentions.append(m)
        if not e.mentions:
            entities.remove(e)


def _retells(headline: EventEntity, m: EventMention) -> bool:
    """Whether a visit mention holds, word for word, the name of the visit the headline names (某國某市市長某某三度訪台南)."""
    mine = core(m.name)
    return any(len(c) >= 8 and c in mine for c in (core(n) for n in headline.names))


_AWARD_CEREMONY = re.compile(fold(r"頒獎(?:典禮|儀式|晚會|式)$"))
_AWARD = re.compile(fold(r"「([^「」\n]{2,30}獎)」"))


def _award_of(res: Resolved, m: EventMention) -> str:
    """The award a generic award ceremony is for: the quoted award (「…獎」) named in its sentence, else the
    last one named before it in its paragraph; "" when none or the ceremony is not an award ceremony."""
    if not _AWARD_CEREMONY.search(fold(m.name)):
        return ""
    text = res.text
    s = text.sentences[text.sentence_of(m.start)]
    in_sentence = _AWARD.search(text.fold, s.start, s.end)
    if in_sentence:
        return text.raw[in_sentence.start(1):in_sentence.end(1)]
    para = text.unit_of(m.start)
    before = list(_AWARD.finditer(text.fold, para.start, m.start))
    return text.raw[before[-1].start(1):before[-1].end(1)] if before else ""


_SIGNING_WORD = re.compile(fold(r"(?:締盟|簽約|簽署|締約|簽字|簽訂|結盟|締結)(?:儀式|典禮|式)$"))


_SIGNING_WORD_EN = re.compile(r"(?i)(?:the\s+)?(?:virtual\s+|online\s+)?signing(?:\s+ceremony)?")


def _signing_words(res: Resolved) -> None:
    """「此次線上締盟儀式」 with no ceremony named: the signing the release tells (its one act), not an event of its own."""
    signings = sorted((e for e in res.events.values() if e.origin == "act" and e.category == "ceremony"),
                      key=lambda e: min(m.start for m in e.mentions))
    if not signings:
        return
    for key, ent in list(res.events.items()):
        if ent.origin in ("generic", "named") and ent.category == "ceremony" and (
                any(_SIGNING_WORD.search(fold(n)) for n in ent.names) if ent.origin == "generic"
                else all(_SIGNING_WORD_EN.fullmatch(n) for n in ent.names)):
            first = min(m.start for m in ent.mentions)
            act = ([e for e in signings if min(m.start for m in e.mentions) < first] or signings)[-1]
            for m in ent.mentions:
                res.event_of[m] = act.key
                act.mentions.append(m)
            del res.events[key]


_CALL = re.compile(fold(r"(?:率團|率領|帶領|組團)?(?:拜會|拜訪|會晤|會見|會面|晤談)"))


def _joins(t: str, act: EventMention, other: EventMention, ent: EventEntity) -> bool:
    """Whether an act a sentence tells is the event another mention of the sentence names."""
    if act.category != "visit":
        # 「在記者會上簽署」: the signing is the press conference's; an English signing and "the signing ceremony" its
        # sentence names are joined later (_signing_words)
        if _english_signing(act) and (ent.category == "visit" or ent.origin == "named"):
            return False  # "signed an agreement …, the first stop of a delegation's trip to Korea": a signing on the trip
        return not (_english_signing(act) and all(_SIGNING_WORD_EN.fullmatch(n) for n in ent.names))
    if ent.category != "visit" or other.head is None or act.head is None:
        return False
    if _english_meeting(act) or _english_meeting(other):
        return _english_meeting(act) and _english_meeting(other)  # "began her visit …, sitting down with X": a meeting on the trip
    return bool(_CALL.match(t, act.head)) == bool(_CALL.match(t, other.head))


def _similar(a: EventEntity, b: EventEntity) -> bool:
    """A yearless name joins a dated one of its kind when they share a word of two characters (雙城論壇, 台北上海城市論壇)."""
    la = {core(n) for n in a.names if not re.search(r"[\u3400-\u9fff]", n)}
    lb = {core(n) for n in b.names if not re.search(r"[\u3400-\u9fff]", n)}
    if la and lb and not la & lb:
        return False  # each has an English name of its own (COP 23, EcoMobility World Congress 2017): two events
    ca = {core(n) for n in a.names}
    cb = {core(n) for n in b.names}
    return any(x[i:i + 2] in y for x in ca for y in cb for i in range(len(x) - 1))


# ----------------------------------------------------------------------------- (s9-dedup) a signing told twice

_SIGN_VERB = re.compile(fold(r"^(?:簽署|簽訂|簽定|簽下|簽|締結|締約|換約)(?:了|的)?"))
_SIGN_IN_NAME = re.compile(fold(r"(?:視訊|線上)?(?:簽署|簽訂|簽約|締結|締約|締盟)(?:儀式|典禮|式)?$"))
_MOU_TAIL = re.compile(r"\s*(?:[(（]\s*)?mou(?:\s*[)）])?$")
_DOCUMENT_WORD = re.compile(fold(r"(?<=協定|協議)書$"))
_AGREEMENT_END = re.compile(fold(r"(?:備忘錄|協定書?|協議書?|意向書|合約|mou)$"))
_BARE_OBJECT = re.compile(fold(r"(?:合作)?(?:備忘錄|協定書?|協議書?|意向書|mou)"))
_PAST_ACT = re.compile(fold(r"去年|前年|曾經?|早在|先前|過去|當年|以來|(?:19|20)\d{2}\s*年"))


def _signed_object(ent: EventEntity) -> str:
    """What a signing signed, as its name gives it: 友好交流協定 of 簽署三方友好交流協定 (an act) or of
    友好交流協定簽署儀式 (a named ceremony); "" for other events."""
    if ent.category != "ceremony" or not ent.names:
        return ""
    name = fold(ent.names[0]).lower()
    if ent.origin == "act":
        obj = _SIGN_VERB.sub("", name)
    elif ent.origin == "named":
        m = _SIGN_IN_NAME.search(name)
        obj = name[:m.start()] if m and m.start() > 0 else ""
    else:
        return ""
    obj = _MOU_TAIL.sub("", obj)
    obj = _DOCUMENT_WORD.sub("", obj)  # 高雄協定書 and 高雄協定: one agreement, with or without 書
    obj = re.sub(r"^(?:三方|雙方|兩市|正式|共同|的)+", "", obj)
    if ent.origin == "named" and _BARE_OBJECT.fullmatch(obj):
        return ""  # 「備忘錄簽署」 names no signing of its own: an act is not joined to it
    # a memorandum or agreement: a declaration is signed by one city after another (「第一位…簽署宣言」), each its own act
    return obj if len(obj) >= 2 and _AGREEMENT_END.search(obj) else ""


def _act_places(res: Resolved, ent: EventEntity) -> set[str]:
    text = res.text
    out: set[str] = set()
    for m in ent.mentions:
        s = text.sentences[text.sentence_of(m.start)]
        out |= {res.place_of[p] for p in res.recognised.within(res.recognised.places, s.start, s.end) if p in res.place_of}
    return out


def _told_earlier(res: Resolved, ent: EventEntity) -> bool:
    """Whether a mention of the act stands in a clause that tells an earlier time (「2016年簽署…以來」)."""
    t = res.text.fold
    for m in ent.mentions:
        s = res.text.sentences[res.text.sentence_of(m.start)]
        c0 = clause_start(t, s.start, m.start, "，,；;。")
        c1 = clause_end(t, m.end, s.end, "，,；;。")
        if _PAST_ACT.search(t, c0, c1):
            return True
    return False


def _retold_signings(res: Resolved) -> None:
    """A release tells its signing in the lead and again in the body (「簽署教育、文化及經濟合作備忘錄」 … 「簽署合作備忘錄」,
    「友好交流協定簽署儀式」 … 「簽署協定」): one signing, one event. Two signings of one page are one when what one signed
    ends what the other did (合作備忘錄 of 教育…合作備忘錄), the places one's sentences name are among the other's, and
    neither is told as of an earlier time; a ceremony the text names keeps its key, else the first told. Two signings
    of different things (觀光合作備忘錄, 教育合作備忘錄) stay two."""
    signings = [e for e in res.events.values() if e.category == "ceremony" and e.origin in ("act", "named")
                and e.mentions and _signed_object(e)]
    if len(signings) < 2 or not any(e.origin == "act" for e in signings):
        return
    signings.sort(key=lambda e: (e.origin != "named", min(m.start for m in e.mentions)))
    objects = {id(e): _signed_object(e) for e in signings}
    past = {id(e): _told_earlier(res, e) for e in signings}
    kept: list[EventEntity] = []
    for e in signings:
        target = None
        if e.origin == "act" and not past[id(e)]:
            mine = _act_places(res, e)
            for k in kept:
                a, b = objects[id(k)], objects[id(e)]
                if past[id(k)] or not (a.endswith(b) or b.endswith(a)):
                    continue
                theirs = _act_places(res, k) if k.origin == "act" else set()
                if theirs and mine and not (mine <= theirs or theirs <= mine):
                    continue
                target = k
                break
        if target is None:
            kept.append(e)
            continue
        for m in e.mentions:
            res.event_of[m] = target.key
            target.mentions.append(m)
        if target.origin == "act":
            target.names.extend(n for n in e.names if n not in target.names)
        if len(objects[id(e)]) > len(objects[id(target)]):
            objects[id(target)] = objects[id(e)]
        del res.events[e.key]
