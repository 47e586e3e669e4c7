"""Who said what: a person named right before a verb of saying (表示, 指出, 強調, 致詞時說, said).

Between the person and the verb may stand a few words that do not open a clause (也, 則, 致詞時,
在記者會上, 受訪時); 他/她 at the head of a clause is the person the paragraph last spoke of. What was
said runs from the verb to the end of the sentence (or the semicolon), and on into the next
sentences that carry on without a new subject (他也, 並, 此外).
"""

from __future__ import annotations

import re

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.mentions import CueMention, PersonMention, Resolved
from smartgraph.extraction.text import Ranges, fold
from smartgraph.model import Statement

GAP = 16
GAP_EN_ASIDE = 90  # an English aside between a speaker and the verb (a relative clause) may be longer
_CLAUSE = re.compile(r"[，,。；;：:！？!?「」]")
_PRONOUN = re.compile(fold(r"(?:^|[，,。；;\s])(他|她)(?:也|並|則|更|還|亦|接著|進一步|同時)?$"))
_CONTINUES = re.compile(fold(r"^\s*(?:他|她)?(?:亦|並|也|另外|另|此外|更|同時|他也|她也|他並|她並|他說|她說|他表示|她表示|他指出|她指出|他強調|她強調)"))
_PRONOUN_EN = re.compile(r"(?:^|[,.;\s\"])(he|she)\s+(?:also\s+|further\s+|then\s+|later\s+)?$")
_GAP_EN = re.compile(r"^\s*(?:,\s*)?(?:(?:also|further|then|later|again|has|had|have|once|previously|earlier|recently|too)\s+)*$")
# what may stand between an English speaker and the verb: the country of the place their title named ("…of Penang,
# Malaysia, said"), or a relative clause ("Rose Lee, who had visited Tainan before, told")
# or, after a family name standing alone, the post that name holds ("Lin, Deputy Minister of Foreign Affairs, said"),
# or what the speaker is ("Councilor Lin, a member of the delegation, said")
_ASIDE_EN = re.compile(r"\s*,\s*(?:[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}|who\s[^,;:.!?\"“”]{1,70}|(?:a|an)\s[^,;:.!?\"“”]{1,50}"
                       r"|(?:the\s)?[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|of|for|and|the|in|&)){1,9})\s*,\s*(?:(?:also|then|later)\s+)?")
_GIFT_EN = re.compile(r"presented\s+[^,.;:!?\"“”]{1,60}?\s+with\s+(?:a|an|the|two|three|several)\s")
_GREETED_EN = re.compile(r"\s+(?:the|a|an|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:group|delegation|delegates|guests|visitors|team|mission)"
                         r"(?:\s+(?:to|at|from|of)\s+[^,;.]{1,60})?\s*[.;,]")
_NOT_SPEECH = re.compile(fold(r"^(?:說明會|表示感謝|表示歡迎|表示肯定|主講人|發言人|發言權)"))
_JOINED = re.compile(fold(r"\s*(?:、|與|和|及|以及|跟)\s*"))


def _people_by_end(res: Resolved) -> list[tuple[PersonMention, str]]:
    return sorted(((m, k) for m, k in res.person_of.items()), key=lambda mk: mk[0].end)


def find_statements(res: Resolved, event_at: object) -> list[Statement]:
    text = res.text
    t = text.fold
    people = _people_by_end(res)
    placed = Ranges(people, lambda mk: mk[0].start, lambda mk: mk[0].end)
    says = Ranges([c for c in res.recognised.cues if c.cls == "say"], lambda c: c.start, lambda c: c.end)
    english = text.doc.language == "en"
    out: list[Statement] = []
    last_subject: dict[int, str] = {}  # unit index -> person key last named there
    used: set[int] = set()
    according = english and "according to" in text.raw
    for si, s in enumerate(text.sentences):
        unit = text.units[s.unit]
        if unit.kind in ("caption", "title", "subtitle", "heading"):
            continue
        in_s = placed.starting(s.start, s.end)
        said_until = s.start
        spoke = ""  # the last speaker of this sentence
        for v in says.starting(s.start, s.end):
            if v.start in used or v.start < said_until or _NOT_SPEECH.match(t, v.start):
                continue
            if english and text.raw.startswith("presented", v.start) and _GIFT_EN.match(text.raw, v.start, s.end):
                continue  # "presented the mayor with a vase": a gift given, nothing said
            if english and text.raw.startswith("welcomed", v.start) and _GREETED_EN.match(text.raw, v.end, s.end):
                continue  # "… welcomed the group.": guests greeted, nothing said
            speaker = _speaker(text.raw, t, in_s, v, english)
            after = _speaker_after(text.raw, in_s, v, s.start) if english and not speaker else None
            if after is not None:  # '“We hope to …,” said Tanaka, who …': the words before the verb are the quote
                speaker, q1 = after
                q0 = s.start
                while q0 < q1 and text.raw[q0] in " \"“'‘":
                    q0 += 1
                if q1 - q0 >= 4:
                    used.add(v.start)
                    quote = text.span(q0, q1)
                    named = next(m for m, k in in_s if k == speaker and m.start >= v.end)
                    out.append(Statement(speaker, text.span(q0, named.end), quote, gz.themes_of(quote.text), event_at(v.start), False))  # type: ignore[operator]
                    spoke = speaker
                    said_until = named.end
                continue
            by_pronoun = not speaker
            if not speaker:
                # from the sentence before's full stop on: '。他表示'
                pm = (_PRONOUN_EN if english else _PRONOUN).search(text.low if english else t, max(s.start - 1, v.start - 8, 0), v.start)
                earlier = [mk for mk in in_s if pm and mk[0].end <= pm.start()] if not english else []
                if earlier:
                    # (zh) 「甲會長首次造訪某市，他提到…」: 他 after a comma is the sentence's own subject, named before it
                    speaker = min(earlier, key=lambda mk: mk[0].start)[1]
                elif pm and s.unit in last_subject:
                    speaker = last_subject[s.unit]
            if not speaker:
                continue
            q0 = v.end
            while q0 < s.end and text.raw[q0] in "，,：: 「":
                q0 += 1
            q1 = s.end
            semi = re.search(r"[；;]", text.raw[q0:s.end])
            if semi:
                q1 = q0 + semi.start()
            else:
                k = si + 1
                while k < len(text.sentences) and text.sentences[k].unit == s.unit \
                        and _CONTINUES.match(t, text.sentences[k].start) \
                        and not placed.starting(text.sentences[k].start, text.sentences[k].end):
                    q1 = text.sentences[k].end
                    k += 1
            if q1 - q0 < 4 and english:
                # "…, Ko said." / "…, he said.": the words before the speaker were said
                q0, q1 = s.start, v.start
                head0 = next((m for m, k in in_s if k == speaker and m.end <= v.start), None)
                q1 = head0.start if head0 is not None else max(s.start, v.start - 4)
                while q1 > q0 and text.raw[q1 - 1] in " ,\"”'":
                    q1 -= 1
            if q1 - q0 < 4:
                continue
            used.add(v.start)
            quote = text.span(q0, q1)
            head = next((m for m, k in in_s if k == speaker and m.end <= v.start), None)
            start = head.start if head is not None else v.start
            # "…, Ko said.": the words said stand before the speaker, so the statement runs from them to the verb
            s0, s1 = (q0, v.end) if q1 <= start else (start, q1)
            out.append(Statement(speaker, text.span(s0, s1), quote, gz.themes_of(quote.text), event_at(v.start), by_pronoun))  # type: ignore[operator]
            if head is not None and not english:
                # 「由主任甲、局長乙主講」「局長甲與主任乙分別介紹」: the people listed with the speaker said it too
                first = head
                for m, other in sorted(in_s, key=lambda mk: -mk[0].end):
                    if m.end <= first.start and other != speaker and _JOINED.fullmatch(t, m.end, first.start):
                        out.append(Statement(other, text.span(m.start, s1), quote, gz.themes_of(quote.text), event_at(v.start), False))  # type: ignore[operator]
                        first = m
            spoke = speaker
            said_until = q1  # later verbs before the end of what was said belong to it
        if according and not spoke:
            # "…, according to Mayor Tanaka." / "“…” according to Tanaka.": the person the sentence ends on said the rest
            acc = _ACCORDING_EN.search(text.raw, s.start, s.end)
            by_acc = next((mk for mk in in_s if acc and mk[0].start == acc.end()
                          and _SENTENCE_REST_EN.fullmatch(text.raw, mk[0].end, s.end)), None) if acc else None
            if acc is not None and by_acc is not None:
                q0, q1 = s.start, acc.start()
                while q0 < q1 and text.raw[q0] in " \"“'‘":
                    q0 += 1
                while q1 > q0 and text.raw[q1 - 1] in " ,\"”'’":
                    q1 -= 1
                if q1 - q0 >= 4:
                    quote = text.span(q0, q1)
                    out.append(Statement(by_acc[1], text.span(q0, by_acc[0].end), quote, gz.themes_of(quote.text), event_at(acc.start()), False))  # type: ignore[operator]
                    spoke = by_acc[1]
        # the sentence's subject, whom a pronoun heading a later sentence of the paragraph means: the one who spoke
        # in it, else the first person it names ("Mayor A welcomed B … He stated": A), not the last one named
        if spoke:
            last_subject[s.unit] = spoke
        elif in_s:
            last_subject[s.unit] = min(in_s, key=lambda mk: mk[0].start)[1]
    return out


# '“…,” said Tanaka' and '“….” as stated by Mayor Tanaka' (the quotation's own full stop, then "as … by")
_ACCORDING_EN = re.compile(r"(?:,|[.!?][\"”’'])\s*according to\s+(?:the\s+)?")
_SENTENCE_REST_EN = re.compile(r"[\s.!?\"”’')]*")
_QUOTE_BEFORE_EN = re.compile(r"(?:[,!?][\"”’']\s*|\.[\"”’']\s*as\s+)$")
_VERB_THEN_NAME_EN = re.compile(r"\s+(?:by\s+)?(?:(?:the|a)\s+)?")


def _speaker_after(raw: str, in_s: list[tuple[PersonMention, str]], v: CueMention, s0: int) -> tuple[str, int] | None:
    """English, a quotation closed before its verb and the speaker after it: '“…,” said Tanaka' gives Tanaka's key and
    where the quoted words end (before the comma), else None."""
    q = _QUOTE_BEFORE_EN.search(raw, s0, v.start)
    if q is None:
        return None
    gap = _VERB_THEN_NAME_EN.match(raw, v.end)
    at = gap.end() if gap else v.end
    for m, k in in_s:
        if m.start == at or (m.start < at < m.name.start and m.name.start - at <= 40):
            return k, q.start()
    return None


def _speaker(raw: str, t: str, in_s: list[tuple[PersonMention, str]], v: CueMention, english: bool = False) -> str:
    """The person named closest before the verb, with no clause break or other person between (in English, the
    comma that closes an appositive may stand there: "Su Liang, chairman of …, said")."""
    best = ""
    best_end = -1
    for m, k in in_s:
        if m.end > v.start or m.end < v.start - (GAP_EN_ASIDE if english else GAP):
            continue
        gap = raw[m.end:v.start]
        if m.end < v.start - GAP and not _ASIDE_EN.fullmatch(gap):
            continue
        if english and "," in gap:
            if not ((_GAP_EN.match(gap) and m.posts) or _ASIDE_EN.fullmatch(gap)):
                continue
        elif _CLAUSE.search(gap):
            continue
        if m.end > best_end:
            best, best_end = k, m.end
    return best
