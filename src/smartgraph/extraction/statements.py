"""Who said what, and who took part in which event.

A statement is a person mention followed, within a short gap and no clause break, by a verb of
saying (表示, 指出, 強調 ...); what was said runs to the end of the clause group (；) or sentence,
and on into the next sentences that carry on without a subject (亦, 並, 另外 ...).
Participation comes from sentences that say someone attended (出席, 參加, 親臨, 大合照), from
captions, and from speaking at the release's event; 線上 marks it online, 現場/親臨 in person.
"""

from __future__ import annotations

import re

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.context import Context
from smartgraph.extraction.people import PersonMention
from smartgraph.extraction.text import View
from smartgraph.model import Participation, Statement

SAY = re.compile(r"表示|指出|強調|說明|認為|提到|暢談|呼籲|致詞時說|致詞|分享|表達|期盼|說|said|stated|noted|stressed", re.I)
CONTINUES = re.compile(r"^\s*(?:亦|並|也|另外|另|此外|更|同時|他|她|他也|她也|他並|她並)")
ATTEND = re.compile(r"出席|參加|參與|與會|親臨|蒞臨|到場|現場|大合照|合照|出訪|參訪|率團|演講|致詞|attend|took part|joined", re.I)
ONLINE = re.compile(r"線上|視訊|遠距|online|virtual", re.I)
IN_PERSON = re.compile(r"親臨|現場|親自|實體|蒞臨|in person|on site", re.I)


def find_statements(ctx: Context, view: View, sentences: list[tuple[int, int]], people: dict[int, list[PersonMention]],
                    event_of: dict[int, str]) -> None:
    text = view.text
    if view.kind == "caption":
        return  # a caption tells who is in a picture, not what they said
    for n, (s0, s1) in enumerate(sentences):
        mentions = sorted(people.get(n, []), key=lambda p: p.name_end)
        for v in SAY.finditer(text, s0, s1):
            speaker = None
            for p in mentions:
                gap = text[p.name_end: v.start()]
                if p.name_end <= v.start() and len(gap) <= 20 and not re.search(r"[，。；;、]", gap):
                    speaker = p
            if speaker is None:
                continue
            if any(q.name_end > speaker.name_end and q.name_end <= v.start() for q in mentions):
                continue
            q0 = v.end()
            while q0 < s1 and text[q0] in "，,：: ":
                q0 += 1
            q1 = s1
            semi = re.search(r"[；;]", text[q0:s1])
            if semi:
                q1 = q0 + semi.start()
            else:
                k = n + 1
                while k < len(sentences) and CONTINUES.match(text[sentences[k][0]: sentences[k][1]]) and not people.get(k):
                    q1 = sentences[k][1]
                    k += 1
            if q1 - q0 < 4:
                continue
            quote = view.span(q0, q1)
            ctx.facts.statements.append(
                Statement(speaker.person, view.span(speaker.start, q1), quote, gz.themes_of(quote.text), event_of.get(n, ""))
            )


def _mode(text: str) -> str:
    if ONLINE.search(text):
        return "online"
    if IN_PERSON.search(text):
        return "in-person"
    return "unspecified"


def find_participation(ctx: Context, view: View, s0: int, s1: int, mentions: list[PersonMention], event: str,
                       caption: bool) -> None:
    if not event or not mentions:
        return
    sentence = view.text[s0:s1]
    if not (caption or ATTEND.search(sentence)):
        return
    mode = _mode(sentence)
    for p in mentions:
        ctx.facts.participations.append(Participation(p.person, event, mode, "participant", view.span(p.start, p.end)))


def speakers_take_part(ctx: Context, main_event: str) -> None:
    """Whoever made a statement in a release about an event took part in it (as a speaker)."""
    if not main_event:
        return
    for s in ctx.facts.statements:
        ev = s.event or main_event
        ctx.facts.participations.append(Participation(s.speaker, ev, "unspecified", "speaker", s.span))
