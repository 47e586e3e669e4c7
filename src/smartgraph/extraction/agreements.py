"""Agreements (memoranda of understanding, friendship agreements, declarations) and sister-city ties.

Each agreement word in a sentence that speaks of signing takes as its counterpart the nearest
place named before it (and after the previous agreement word); the publisher's city is the other
party. Status is *planned* where the sentence speaks of the future (將, 預計, 今年會), else *signed*.
A declaration's numbered list (in Chinese, English or both) gives its commitments.
"""

from __future__ import annotations

import re

from smartgraph.dates import find_dates
from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.context import Context, Mention
from smartgraph.extraction.text import View
from smartgraph.model import Agreement, Block, Commitment, SisterCity, Span

KINDS: list[tuple[str, str]] = [
    ("mou", r"備忘錄(?:\s*[（(]?\s*MO[Uu]\s*[)）]?)?|MO[Uu]\b|Memorandum of Understanding"),
    ("friendship", r"友好(?:城市|交流|合作)?(?:協議|協定|盟約)|友誼(?:協議|協定)|[Ff]riendship (?:[Aa]greement|[Cc]ity)"),
    ("declaration", r"宣言|[Dd]eclaration"),
    ("agreement", r"(?<!友好)(?<!友誼)(?:協議書|協議|協定)|[Aa]greement"),
]
_KIND_RE = re.compile("|".join(f"(?P<{k}>{p})" for k, p in KINDS))
SIGN = re.compile(r"簽署|簽訂|簽定|簽約|締結|重申|見證|宣布|發表|通過|sign|adopt", re.I)
FUTURE = re.compile(r"將|預計|預定|擬於|擬|即將|規劃|計畫於|今年會|明年|會與|下半年|未來|plan|will|to be signed", re.I)
SISTER = re.compile(r"姊妹市|姐妹市|姊妹城市|姐妹城市|[Ss]ister[ -][Cc]it(?:y|ies)|[Tt]win(?:ned)? cit")
TOPIC_CUT = re.compile(r".*(?:簽署|簽訂|重申|見證|雙方|兩市|進行|相關|共同|的|與|和|及|副市長|市長)\s*")
LIST_INTRO = re.compile(r"宣言|如下|following|[Dd]eclaration|承諾|agree", re.I)


def _places_only(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.kind == "place"]


def find_agreements(ctx: Context, view: View, s0: int, s1: int, mentions: list[Mention], event: str) -> None:
    text = view.text
    sentence = text[s0:s1]
    if not SIGN.search(sentence):
        return
    places = _places_only(mentions)
    used: set[str] = set()
    prev_end = s0
    for m in _KIND_RE.finditer(text, s0, s1):
        kind = next(k for k, _ in KINDS if m.group(k))
        window = [p for p in places if prev_end <= p.start and p.end <= m.start() and p.key != ctx.home_place]
        if not window:
            window = [p for p in places if p.end <= m.start() and p.key != ctx.home_place and p.key not in used]
        parties: list[str] = [ctx.home_place] if ctx.home_place else []
        if kind == "declaration":
            parties += [p.key for p in places if p.end <= m.start() and p.key not in parties]
        elif window:
            parties.append(window[-1].key)
        else:
            prev_end = m.end()
            continue  # an agreement with nobody named: not a fact we can state
        counterpart = window[-1] if window else None
        if counterpart is not None:
            used.add(counterpart.key)
        # the future is told before the agreement word: 「今年會與...簽署...備忘錄」, not 「簽署...宣言，共同表達將...」
        status = "planned" if FUTURE.search(text, s0, m.end()) else "signed"
        dates = find_dates(text[s0: m.end()], ctx.doc.date) or find_dates(sentence, ctx.doc.date)
        date = dates[0].date if dates and status == "signed" else None
        if kind == "declaration":
            when = date or ctx.doc.date
            year = when.year if when else 0
            key = f"declaration-{ctx.home_place or 'unknown'}-{year}"
        else:
            year = ctx.doc.date.year if ctx.doc.date else 0
            key = f"{kind}-{'-'.join(sorted(set(parties)))}-{year}"
        topic_start = counterpart.end if counterpart else prev_end
        topic = "" if kind == "declaration" else TOPIC_CUT.sub("", text[topic_start: m.start()]).strip(" ，、")
        if kind == "friendship" and not topic:
            topic = m.group()
        names: list[tuple[str, str]] = []
        q = re.search(r"[「『]([^「」『』]*(?:宣言|備忘錄|協議|協定)[^「」『』]*)[」』]", text[max(s0, m.start() - 30): m.end() + 2])
        if q:
            names.append(("zh-Hant", q.group(1).strip()))
        span = view.span(s0, s1)
        ag = ctx.facts.agreements.get(key)
        if ag is None:
            ctx.facts.agreements[key] = Agreement(key, kind, status, parties, span, date, topic, names, event)
        else:
            for n in names:
                if n not in ag.names:
                    ag.names.append(n)
            for p in parties:
                if p not in ag.parties:
                    ag.parties.append(p)
            if status == "signed" and ag.status != "signed":
                ag.status, ag.span = "signed", span
            if date and (ag.date is None or date < ag.date):
                ag.date = date
        prev_end = m.end()


def agreement_names_from(ctx: Context, view: View) -> None:
    """Headings that name a declaration («Taipei Declaration on Smart Cities») become its names."""
    decls = [a for a in ctx.facts.agreements.values() if a.kind == "declaration"]
    if len(decls) != 1:
        return
    text = view.text.strip()
    m = re.search(r"[「『]([^「」『』]*宣言[^「」『』]*)[」』]|([A-Z][A-Za-z ]*Declaration[A-Za-z ]*)", text)
    if m:
        name = (m.group(1) or m.group(2)).strip()
        lang = "zh-Hant" if re.search(f"[{gz.HAN}]", name) else "en"
        if (lang, name) not in decls[0].names:
            decls[0].names.append((lang, name))


def commitments(ctx: Context, blocks: list[tuple[Block, View]]) -> None:
    """Numbered lists introduced by a declaration's heading become its commitments, merged by position."""
    decls = [a for a in ctx.facts.agreements.values() if a.kind == "declaration"]
    if not decls:
        return
    decl = decls[0]
    by_pos: dict[int, dict[str, tuple[str, Span]]] = {}
    intro = False
    for block, view in blocks:
        if block.kind != "list-item":
            intro = bool(LIST_INTRO.search(view.text)) or (intro and block.kind == "heading")
            continue
        if not intro or block.number is None:
            continue
        body = re.sub(r"^\s*\d{1,2}\s*[.、)）]\s*", "", view.text).strip()
        start = view.text.find(body)
        lang = "zh-Hant" if re.search(f"[{gz.HAN}]", body) else "en"
        slot = by_pos.setdefault(block.number, {})
        if lang not in slot:
            slot[lang] = (body, view.span(start, start + len(body)))
    decl.commitments = [
        Commitment(pos, tuple((lang, t) for lang, (t, _) in sorted(slot.items())), tuple(s for _, (_, s) in sorted(slot.items())))
        for pos, slot in sorted(by_pos.items())
    ]


def find_sister_cities(ctx: Context, view: View, s0: int, s1: int, mentions: list[Mention]) -> None:
    text = view.text
    places = _places_only(mentions)
    for m in SISTER.finditer(text, s0, s1):
        # the clause around the word
        a = max((i for i in range(s0, m.start()) if text[i] in "，。；;、"), default=s0 - 1) + 1
        b = min((i for i in range(m.end(), s1) if text[i] in "，。；;、"), default=s1)
        before = [p for p in places if a <= p.start and p.end <= m.start()]
        after = [p for p in places if m.end() <= p.start and p.end <= b]
        pair: tuple[str, str] | None = None
        if after:
            first = before[-1].key if before else ctx.home_place
            pair = (first, after[0].key) if first else None
        elif len(before) >= 2:
            pair = (before[-2].key, before[-1].key)
        elif len(before) == 1 and ctx.home_place and before[0].key != ctx.home_place:
            pair = (ctx.home_place, before[0].key)
        if pair and pair[0] != pair[1]:
            x, y = sorted(pair)
            if not any({s.a, s.b} == {x, y} for s in ctx.facts.sister_cities):
                ctx.facts.sister_cities.append(SisterCity(x, y, view.span(a, b)))
