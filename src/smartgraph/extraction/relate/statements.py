"""Who said what: a person named right before a verb of saying (表示, 指出, 強調, 致詞時說, said).

Between the person and the verb may stand a few words that do not open a clause (也, 則, 致詞時,
在記者會上, 受訪時); 他/她 at the head of a clause is the person the paragraph last spoke of. What was
said runs from the verb to the end of the sentence (or the semicolon), and on into the next
sentences that carry on without a new subject (他也, 並, 此外).

When no one stands right before the verb, the speaker is inferred (and marked so: not evidence of being at the
event): the person heading an earlier clause of the sentence (「甲處長致詞先恭喜…，表示」, "Lin was moved by …,
and she expressed"), the paragraph's last subject for a sentence without one (「此行參訪…，並指出」), or the one person
named before with the post a bare post names ("The vice mayor said", '"…," the mayor added').

In English, "According to X, …" at the head of a sentence and "…, according to X." at its end give X the rest;
"…, X wrote on Facebook." (the verb followed only by where it was said) gives X the words before; a guest
"welcomed" by name is greeted, not spoken to.
"""

from __future__ import annotations

import re

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.extraction.mentions import CueMention, PersonMention, Resolved
from smartgraph.extraction.text import Ranges, Text, fold
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
_GIFT_EN = re.compile(r"presented\s+[^,.;:!?\"“”]{1,60}?\s+with\s+(?:a|an|the|two|three|several)\s|"
                      # "presented a wood carving … as a token of the tie", "presented a plaque to the mayor"
                      r"presented\s+(?:a|an)\s+[^,.;:!?\"“”]{1,90}?\s+(?:as\s+a\s+(?:token|gift|souvenir|memento)|to\s+(?:the\s+)?"
                      r"(?:[A-Z][\w'’.-]*|mayor|governor|delegation|guests?|visitors?)\b)")
_GREETED_EN = re.compile(r"\s+(?:the|a|an|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:group|delegation|delegates|guests|visitors|team|mission)"
                         r"(?:\s+(?:to|at|from|of)\s+[^,;.]{1,60})?(?:\s+(?:along\s+with|together\s+with|with)\s+[^;.]{1,240})?\s*[.;,]")
_SAYING_EN = re.compile(r",\s+(?:saying|adding|noting|stressing|stating|expressing)\b")
_GREETED_PERSON_EN = re.compile(r"\s+(?:the\s+)?(?:visiting\s+)?(?:[A-Z][\w'’.-]*\s+){0,6}")
_NOT_SPEECH = re.compile(fold(r"^(?:說明會|表示感謝|表示歡迎|表示肯定|主講人|發言人|發言權)"))
_JOINED = re.compile(fold(r"\s*(?:、|與|和|及|以及|跟)\s*"))
_JOINED_AND_EN = re.compile(r",?\s+and\s+", re.I)
_JOINED_EN = re.compile(r"\s*,\s*")


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
    according = english and "according to" in text.low
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
            if english and text.raw.startswith("welcomed", v.start) and any(
                    m.start > v.end and _GREETED_PERSON_EN.fullmatch(text.raw, v.end, m.start)
                    and not _SAYING_EN.search(text.raw, m.end, s.end) for m, _ in in_s):
                continue  # "… welcomed Fresno Mayor Alan Brook on Monday": a guest greeted, nothing said
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
                # 「林處長致詞先恭喜…，表示」「…，並感謝」 / "Lin was moved by …, and she expressed": the sentence's subject
                speaker = _clause_subject(text, t, placed, v, s.start, english)
            if not speaker:
                # "The vice mayor said" / 「該國總理表示」: the one person named before with that post
                speaker = _described(res, people, v, s.start, english)
            if not speaker:
                # from the sentence before's full stop on: '。他表示'
                pm = (_PRONOUN_EN if english else _PRONOUN).search(text.low if english else t, max(s.start - 1, v.start - 8, 0), v.start)
                earlier = [mk for mk in in_s if pm and mk[0].end <= pm.start()] if not english else []
                if earlier:
                    # (zh) 「甲會長首次造訪某市，他提到…」: 他 after a comma is the sentence's own subject, named before it
                    speaker = min(earlier, key=lambda mk: mk[0].start)[1]
                elif pm and s.unit in last_subject:
                    speaker = last_subject[s.unit]
            if not speaker and not english and s.unit in last_subject and _ZERO_SUBJECT_ZH.fullmatch(t, s.start, v.start) \
                    and not placed.starting(s.start, v.start) and not _opens_with_subject(res, t, s.start, v.start):
                # 「此行參訪…，並指出…」: a sentence without a subject of its own carries on the paragraph's last one
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
            if english and (q1 - q0 < 4 or (_TRAILING_EN.fullmatch(text.raw, q0, q1) and not _THAT_EN.search(text.raw, q0, q1)
                                            and _SAID_BEFORE_EN.search(text.raw, s.start, v.start))):
                # "…, Ko said." / "…, he said.": the words before the speaker were said
                q0, q1 = s.start, v.start
                head0 = next((m for m, k in in_s if k == speaker and m.end <= v.start), None)
                closed = _QUOTE_CLOSED_EN.search(text.raw, max(s.start, v.start - 40), v.start) if head0 is None else None
                q1 = head0.start if head0 is not None else closed.start() + 1 if closed is not None else max(s.start, v.start - 4)
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
            if head is not None:
                # 「由主任甲、局長乙主講」「局長甲與主任乙分別介紹」"Wang and Kim both said": the people listed with the
                # speaker said it too (in English the one right before the speaker joined by "and", then by commas)
                first = head
                for m, other in sorted(in_s, key=lambda mk: -mk[0].end):
                    joined = (_JOINED_AND_EN if first is head else _JOINED_EN) if english else _JOINED
                    if m.end <= first.start and other != speaker and joined.fullmatch(t, m.end, first.start):
                        out.append(Statement(other, text.span(m.start, s1), quote, gz.themes_of(quote.text), event_at(v.start), False))  # type: ignore[operator]
                        first = m
            spoke = speaker
            said_until = q1  # later verbs before the end of what was said belong to it
        if according and not spoke:
            # "…, according to Mayor Tanaka." / "“…” according to Tanaka.": the person the sentence ends on said the rest
            acc = _ACCORDING_EN.search(text.raw, s.start, s.end)
            by_acc = next((mk for mk in in_s if acc and mk[0].start == acc.end()
                          and _SENTENCE_REST_EN.fullmatch(text.raw, mk[0].end, s.end)), None) if acc else None
            acc_head = _ACCORDING_HEAD_EN.match(text.raw, s.start, s.end) if acc is None or by_acc is None else None
            if acc_head is not None:
                # "According to Mayor Tanaka of Sendai, the city will …": the person the sentence opens with said the rest
                opener = next((mk for mk in sorted(in_s, key=lambda mk: mk[0].start) if mk[0].start >= acc_head.end()), None)
                comma = _ACCORDING_REST_EN.match(text.raw, opener[0].end, s.end) if opener is not None \
                    and _TITLE_WORDS_EN.fullmatch(text.raw, acc_head.end(), opener[0].start) else None
                if opener is not None and comma is not None and s.end - comma.end() >= 4:
                    q0, q1 = comma.end(), s.end
                    while q1 > q0 and text.raw[q1 - 1] in " .\"”'’":
                        q1 -= 1
                    quote = text.span(q0, q1)
                    out.append(Statement(opener[1], text.span(s.start, q1), quote, gz.themes_of(quote.text), event_at(acc_head.start()), False))  # type: ignore[operator]
                    spoke = opener[1]
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
# "According to (Taoyuan Mayor) Lin Ta-wei(, chairman of …), …": the head of the sentence, the titled words before the
# name, and the comma (after an aside) that opens what was said
_ACCORDING_HEAD_EN = re.compile(r"[\s\"“]*According to\s+(?:the\s+)?")
_TITLE_WORDS_EN = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,6}")
_ACCORDING_REST_EN = re.compile(r"(?:\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:of|for|at)\s+(?:the\s+)?"
                                r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z&][\w'’.-]*|of|and|for)){0,6})?\s*,\s*")
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
    best_m: PersonMention | None = None
    for m, k in in_s:
        if m.end > v.start or m.end < v.start - (GAP_EN_ASIDE if english else GAP):
            continue
        gap = raw[m.end:v.start]
        if m.end < v.start - GAP and not _ASIDE_EN.fullmatch(gap) and not (english and _PRESENT_EN.fullmatch(gap)):
            continue
        if english and "," in gap:
            if not ((_GAP_EN.match(gap) and m.posts) or _ASIDE_EN.fullmatch(gap)):
                continue
        elif _CLAUSE.search(gap):
            continue
        if best_m is None or m.end > best_m.end:
            best, best_m = k, m
    if best_m is not None and not english:
        # 「越川市長也向鄭市長表示」: the person after 向 is spoken to; the one right before the preposition speaks
        speaker = next((k for m, k in in_s if m.end <= best_m.start and _SPOKEN_TO_ZH.fullmatch(t, m.end, best_m.start)), None)
        if speaker is not None:
            return speaker
    return best


# (the speaker's name may be followed by a bracket and the name in Latin letters: 「鞏薩蕾(共和黨)Rep. Jenniffer Gonzalez (R-PR)也向」)
# (an atomic group over ASCII runs: a run of Latin words splits one way only, so a failed match does not backtrack
# through every split of it)
_SPOKEN_TO_ZH = re.compile(fold(r"(?>(?:\s*[(（][^()（）]{0,40}[)）]|\s*[A-Za-z][A-Za-z0-9 .'’-]{0,60})*)"
                                r"\s*(?:也|並|亦|則|更|還|再|同時|特別|特地|當面)*\s*(?:向|對|跟)\s*"))


# "Commissioner Lin of the Department of Health was present and replied that …"
_PRESENT_EN = re.compile(r"\s+(?:was|were)\s+(?:also\s+)?(?:present|on hand|in attendance|there)\s+and\s+(?:also\s+)?")
# what may open a clause whose subject is the sentence's first person: connectives, and an interpreter
# (「，並表示」「，表示」「，透過翻譯人員表示」); in English ", and he said"
_CONNECTIVE_ZH = r"(?:並|也|亦|更|另|還|同時|隨後|接著|最後|進一步|再)*"
_CLAUSE_REST_ZH = re.compile(fold(_CONNECTIVE_ZH + r"(?:(?:透過|經由|經)(?:翻譯|口譯)(?:人員)?)?(?:也|並|亦)?"))
_CLAUSE_REST_EN = re.compile(r",?\s+and\s+(?:he|she)\s+(?:also\s+|further\s+|then\s+|later\s+)?")
# right before a person who is not the sentence's subject: a preposition or a verb that makes them its object (在, 於,
# 由 and 被 anywhere before the name: _PREPOSITION_ZH)
_NOT_SUBJECT_ZH = re.compile(fold(r"(?:與|和|跟|同|向|對|為|替|讓|請|邀|邀請|陪同|偕同|會見|接見|拜會|感謝)$"))
_PREPOSITION_ZH = re.compile(fold(r"[在於由被]"))
_NOT_CLAUSE_ZH = re.compile(fold(r"[；;：:「」。！？!?]"))  # before the verb: a quotation or another sentence, not a clause of this one
_CLAUSE_BREAK_ZH = re.compile(fold(r"[，,；;：:「」]"))
CLAUSES_BACK = 6  # clauses the subject of a verb of saying is looked for in
REACH = 240  # characters before the verb it is looked for in
_SUBJECT_LEAD_EN = re.compile(r"[\s\"“'‘]*")
# a sentence that goes on without a subject: 「此行參訪…，對…印象深刻，並指出」 (a connective before the verb), with
# no other clause break than commas
_ZERO_SUBJECT_ZH = re.compile(fold(r"[^，,。；;：:「」！？!?]{1,40}(?:[，,][^，,。；;：:「」！？!?]{1,40}){0,4}[，,](?:並|也|亦|同時|更|另)+"))
# subjects that are not one person: 「雙方並表示」「市府也指出」
_COLLECTIVE_ZH = re.compile(fold(r"(?:此行|此次|這次|隨後|之後|另外|同時|會中|席間|當天|今天|昨天)?"
                                 r"(?:雙方|兩市|兩國|兩地|兩縣|雙邊|大家|與會|各界|各國|市府|本府|府方|該市|該國|該團|訪團|訪問團|代表團|團員|他們|她們|我們|雙方代表)"))


def _clause_subject(text: Text, t: str, placed: Ranges[tuple[PersonMention, str]], v: CueMention, s0: int, english: bool) -> str:
    """The sentence's subject, when the verb of saying opens a later clause of it with no subject of its own: the person
    heading the nearest earlier clause (not after a preposition), within ``CLAUSES_BACK`` clauses and ``REACH``
    characters (so a sentence of thousands of commas costs no more a verb than a short one)."""
    raw = text.raw
    w0 = max(s0, v.start - REACH)
    if english:
        m = _CLAUSE_REST_EN.search(raw, max(w0, v.start - 30), v.start)
        if m is None or m.end() != v.start:
            return ""
        c0 = m.start()
    else:
        cut = max(t.rfind("，", w0, v.start), t.rfind(",", w0, v.start))
        if cut < 0 or not _CLAUSE_REST_ZH.fullmatch(t, cut + 1, v.start) or _NOT_CLAUSE_ZH.search(t, w0, v.start):
            return ""
        c0 = cut
    # the nearest clause before the verb's that a person heads: 「甲拜會乙，甲市長非常開心…，期盼」 is the second 甲's
    heads = [i + 1 for i in range(w0, c0) if t[i] in "，,"][-CLAUSES_BACK:]
    if w0 == s0 and len(heads) < CLAUSES_BACK:
        heads.insert(0, s0)
    for h in reversed(heads):
        if not english and _COLLECTIVE_ZH.match(t, h):
            return ""  # 「…，雙方並表示」: a subject that is no one person
        at = [mk for mk in placed.starting(h, c0) if mk[0].end <= c0]
        if not at:
            continue
        first, key = at[0]
        lead = t[h:first.start]
        if english:
            if not _SUBJECT_LEAD_EN.fullmatch(lead):
                continue
        elif len(lead) > 12 or _CLAUSE_BREAK_ZH.search(lead) or _NOT_SUBJECT_ZH.search(lead) \
                or _PREPOSITION_ZH.search(t, h, first.name.start):
            continue  # 「在某市長甲帶領下，…，希望」: the person is no subject (the mention may take the preposition in)
        if not english and _JOINED.match(t, first.end):
            return ""  # 「甲與乙會面，表示」「甲市長與乙鄉長簽署，承諾」: two subjects, whose words they are is not told
        return key
    return ""


def _described(res: Resolved, people: list[tuple[PersonMention, str]], v: CueMention, s0: int, english: bool) -> str:
    """A post named instead of a person ("The vice mayor said", 「該國總理表示」): the one person named before with that
    post, else nothing."""
    text = res.text
    m = (_DESCRIBED_EN.fullmatch(text.raw, s0, v.start) if english else _DESCRIBED_ZH.fullmatch(text.fold, s0, v.start))
    if m is None and english:
        # '“…,” the mayor said.': the post after the quotation it closes
        closed = _QUOTE_CLOSED_EN.search(text.raw, max(s0, v.start - 40), v.start)
        m = _DESCRIBED_EN.fullmatch(text.raw, closed.end(), v.start) if closed is not None and text.raw[s0:closed.start()].lstrip()[:1] in ("\"", "“") else None
    if m is None:
        return ""
    at, end = m.start(1), m.end(1)
    hit = lx.title_matcher_en().at(text.low, at, end) if english else lx.title_matcher().at(text.fold, at, end)
    if hit is None or hit.end != end:
        return ""
    keys = {k for pm, k in people if pm.end <= v.start and any(tm.title.key == hit.entry.key for tm, _ in pm.posts)}
    return next(iter(keys)) if len(keys) == 1 else ""


# "…, Lin wrote on Facebook." / "…, she said in a statement.": what follows the verb only says where it was said, the
# words before the speaker were said
_TRAILING_EN = re.compile(r"\s*(?:on|in|at|via|through|during)\s+(?:(?:a|an|the|his|her|their)\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s*[.!?]?\s*")
_THAT_EN = re.compile(r"\bthat\b")
_SAID_BEFORE_EN = re.compile(r"[,\"”]\s*(?:[A-Z][\w'’.-]*\s+){0,6}[A-Z][\w'’.-]*(?:\s*\([^)]{0,20}\))?\s+$")
_QUOTE_CLOSED_EN = re.compile(r"[,!?][\"”]\s+(?=(?:the|The)\s)")
_DESCRIBED_EN = re.compile(r"[\s\"“]{0,2}(?:the|The)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:(?:also|then|later)\s+)?")
_DESCRIBED_ZH = re.compile(fold(r"(?:該國|該市|該|這位|此位)?(\w{2,6}?)(?:也|並|則|亦|隨即|隨後)?"))


def _opens_with_subject(res: Resolved, t: str, s0: int, v0: int) -> bool:
    """Whether a sentence opens with a subject of its own: a collective (雙方, 市府), or a body, place or country named
    at its head."""
    if _COLLECTIVE_ZH.match(t, s0):
        return True
    rec = res.recognised
    return any(m.start <= s0 + 2 for m in rec.within(rec.orgs, s0, v0)) or any(m.start <= s0 + 2 for m in rec.within(rec.places, s0, v0)) \
        or any(m.start <= s0 + 2 for m in rec.within(rec.countries, s0, v0))
