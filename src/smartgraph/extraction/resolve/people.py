"""People: person mentions to the persons of the document, by sieves run most precise first.

1. the same name (folded: 臺/台, both scripts, width; Latin names by their sorted words);
2. a name and the other script's form in brackets (諾華克(Jan Novák)) are one person, and so is the
   same Latin name elsewhere;
3. part of a known name: a Japanese family name (田中 of 田中一郎), the end of a transliterated
   name (桑托斯 of 瑪麗亞桑托斯, 諾華克 of 揚．諾華克), one word of a Latin name
   (Kowalski of Adam Kowalski);
4. a surname and a title (王市長, 林副市長): the person with that surname who holds that title,
   else the only person with that surname; otherwise the mention names nobody and is dropped.
Then every other place the text writes a known full name is a mention of that person too.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.entities import person_key
from smartgraph.extraction.mentions import NameMention, PersonMention, Resolved
from smartgraph.extraction.names import ROMAN_SURNAMES, NameScorer
from smartgraph.extraction.resolve.orgs import english_home
from smartgraph.extraction.text import fold, is_han
from smartgraph.model import Person

_SPACES = re.compile(r"\s+")


def _clean(name: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip()


class PeopleResolver:
    def __init__(self, res: Resolved) -> None:
        self.res = res
        self.names: dict[str, str] = {}  # folded Han name -> key
        self.latin: dict[str, str] = {}  # fold_latin -> key
        self.labels: dict[str, dict[str, str]] = {}  # key -> {"han": name, "latin": name}
        self.titles: dict[str, set[str]] = {}  # key -> title keys
        self.english = res.text.doc.language == "en"

    def _record(self, key: str, script: str, name: str) -> None:
        lab = self.labels.setdefault(key, {})
        name = _clean(name)
        if script not in lab or (script == "latin" and len(name) > len(lab[script])):
            lab[script] = name
        if script == "han":
            self.names.setdefault(gz.fold(name.replace("·", "")), key)
        else:
            self.latin.setdefault(gz.fold_latin(name), key)

    def _find(self, nm: NameMention) -> str:
        if nm.script == "han":
            key = self.names.get(gz.fold(nm.text.replace("·", "")), "")
            if not key and nm.alt:
                key = self.latin.get(gz.fold_latin(nm.alt), "")
            return key
        key = self.latin.get(gz.fold_latin(nm.text), "")
        if not key and nm.alt:
            key = self.names.get(gz.fold(nm.alt), "")
        return key

    def run(self) -> None:
        res = self.res
        mentions = [p for p in res.recognised.persons if not p.short]
        # sieves 1 and 2: full names, bracket pairs first so that both scripts land on one key
        for p in sorted(mentions, key=lambda p: (not p.name.alt, p.start)):
            key = self._find(p.name)
            if not key:
                key = person_key(p.name.text, p.name.script) if p.name.script == "han" or not p.name.alt else person_key(p.name.alt, "han")
            self._record(key, p.name.script, p.name.text)
            if p.name.alt:
                self._record(key, "latin" if p.name.script == "han" else "han", p.name.alt)
            res.person_of[p] = key
            self.titles.setdefault(key, set()).update(tm.title.key for tm, _ in p.posts)
        # sieve 3: a name that is part of a longer known name
        self._merge_parts()
        # sieve 4: surname and title
        self._index_labels()
        self.order = sorted((m.start, k) for m, k in res.person_of.items())
        for p in res.recognised.persons:
            if p.short:
                key = self._short(p)
                if key:
                    res.person_of[p] = key
                    bisect.insort(self.order, (p.start, key))
        self._known_mentions()
        if self.english:
            self._family_names()
        linked = set(res.person_of.values())
        for key, lab in self.labels.items():
            if key in linked:
                han, latin = lab.get("han", ""), lab.get("latin", "")
                name, script = (han, "zh") if han else (latin, "latn")
                alt = (latin,) if han and latin else ()
                res.persons[key] = Person(key, name, script, alt)

    def _merge_parts(self) -> None:
        res = self.res
        han = {k: v["han"] for k, v in self.labels.items() if "han" in v}
        by_len = sorted(han.items(), key=lambda kv: -len(kv[1]))
        remap: dict[str, str] = {}
        for key, name in han.items():
            n = name.replace("·", "").replace("．", "")
            if len(n) > 3:
                continue
            longer = [k for k, other in by_len if k != key and len(other.replace("·", "")) > len(n) and (
                (other.startswith(name) and len(n) >= 2 and not _chinese_given_name(other, name))
                or (re.split(r"[·．]", other)[-1] == name and len(name) >= 3)
                or (other.endswith(name) and len(name) >= 4))]
            if len(longer) == 1:
                remap[key] = longer[0]
        for key, lab in self.labels.items():
            if "latin" in lab and "han" not in lab:
                words = lab["latin"].split()
                if len(words) == 1:
                    cands = [k for k, v in self.labels.items() if k != key and "latin" in v
                             and gz.fold_latin(words[0]) in gz.fold_latin(v["latin"]).split()]
                    if len(cands) == 1:
                        remap[key] = cands[0]
        if self.english:
            self._merge_latin_subsets(remap)
        if not remap:
            return
        for p, k in list(res.person_of.items()):
            if k in remap:
                res.person_of[p] = remap[k]
        for k, target in remap.items():
            for script, name in self.labels.pop(k, {}).items():
                if script not in self.labels[target]:
                    self.labels[target][script] = name
            self.titles.setdefault(target, set()).update(self.titles.pop(k, set()))
            for table in (self.names, self.latin):
                for n, kk in list(table.items()):
                    if kk == k:
                        table[n] = target

    def _merge_latin_subsets(self, remap: dict[str, str]) -> None:
        """English: a Latin name whose words are all in one longer known Latin name ("Peter Cruz" of "Peter J. Cruz")."""
        words = {k: set(gz.fold_latin(v["latin"]).split()) for k, v in self.labels.items() if "latin" in v and k not in remap}
        for key, ws in words.items():
            if len(ws) < 2:
                continue
            longer = [k for k, other in words.items() if k != key and ws < other]
            if len(longer) == 1:
                remap[key] = longer[0]

    def _family_names(self) -> None:
        """English: a known person's family name standing alone ("Lin said", "Novák welcomed Lin") is a mention of them;
        a family name two people share goes to the one named last before it. The family name is the first word of a
        name in Chinese order (Lin Ta-tung) and the last of one in Western order (Ichiro Tanaka)."""
        res = self.res
        raw = res.text.raw
        owners: dict[str, list[str]] = {}
        named = set(res.person_of.values())
        for key, lab in self.labels.items():
            if key not in named or "latin" not in lab:
                continue
            for w in _family_words(lab["latin"]):
                owners.setdefault(w, []).append(key)
            # a compound family name of a Western-order name of three words or more ("Reyes Camacho described …" after
            # "Anita Reyes Camacho"): its last two words standing together, where the text writes them so (s9-en)
            ws = lab["latin"].split()
            if len(ws) >= 3 and all(re.fullmatch(r"[A-Z][a-z]+", w) for w in ws[-2:]) and _family_words(lab["latin"]) != [ws[0]]:
                pair = f"{ws[-2]} {ws[-1]}"
                if raw.count(pair) > raw.count(lab["latin"]):
                    owners.setdefault(pair, []).append(key)
        # a given name standing alone before a verb of saying ("Noraini said", after "Noraini Yusof" was named) is its
        # bearer's, when it is one person's first word and nobody's family name (Malay and other given-name usage)
        said_by = {m.group(1) for m in _WORD_SAID_EN.finditer(raw)}  # the capitalised words a verb of saying follows
        given: dict[str, list[str]] = {}
        for key, lab in self.labels.items() if said_by else ():
            ws = lab.get("latin", "").split()
            if key in named and len(ws) >= 2 and ws[0] in said_by and ws[0] not in owners:
                given.setdefault(ws[0], []).append(key)
        for w, keys in given.items():
            if len(keys) == 1 and _family_words(self.labels[keys[0]]["latin"]) != [w] and self._given_name_country(keys[0]):
                owners[w] = keys
        if not owners:
            return
        taken = bytearray(len(raw) + 1)
        for pm0 in res.person_of:
            taken[pm0.start:pm0.end] = b"\x01" * (pm0.end - pm0.start)
            taken[pm0.name.start:pm0.name.end] = b"\x01" * (pm0.name.end - pm0.name.start)
        pattern = re.compile(r"(?<![\w\-'’.])(" + "|".join(sorted(map(re.escape, owners), key=len, reverse=True)) + r")(?![\w\-])")
        for m in pattern.finditer(raw):
            i, j = m.start(), m.end()
            if any(taken[i:j]) or _capitalised_neighbour(raw, i, j):
                continue
            keys = owners[m.group()]
            key = keys[0] if len(keys) == 1 else self._nearest(keys, i)
            nm = NameMention(i, j, m.group(), "latin")
            pm = PersonMention(i, j, m.group(), nm, (), False, "known")
            res.person_of[pm] = key
            bisect.insort(self.order, (i, key))

    def _given_name_country(self, key: str) -> bool:
        """Whether the sentence that first names a person names a country, or a place in one, whose people go by their
        given name (Malaysia, Thailand, Indonesia, Myanmar, Brunei, Iceland): "Nora said" of Nora Aziz."""
        rec = self.res.recognised
        text = self.res.text
        first = min((m.start for m, k in self.res.person_of.items() if k == key), default=-1)
        if first < 0:
            return False
        s = text.sentences[text.sentence_of(first)]
        codes = {c.code for c in rec.within(rec.countries, s.start, s.end)} | {m.country for m in rec.within(rec.places, s.start, s.end)}
        return bool(codes & _GIVEN_NAME_COUNTRIES)

    def _short(self, p: PersonMention) -> str:
        sur = p.name.text
        titles = {tm.title.key for tm, _ in p.posts}
        if p.name.script == "latin":
            cands = list(self.by_word.get(gz.fold_latin(sur), []))
        else:
            fs = gz.fold(sur)
            cands = [k for k, han in self.by_first.get(fs[:1], []) if gz.fold(han).startswith(fs) and len(han) > len(sur)]
        if not cands:
            return ""
        same = [k for k in cands if self.titles.get(k, set()) & titles]
        if len(same) == 1:
            return same[0]
        if len(same) > 1:
            return self._nearest(same, p.start)
        if len(cands) == 1:
            return cands[0]
        return ""

    def _index_labels(self) -> None:
        """Known names by their first Han character and by each Latin word, so a surname finds them at once."""
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        self.by_word: dict[str, list[str]] = {}
        for k, v in self.labels.items():
            if "han" in v:
                self.by_first.setdefault(gz.fold(v["han"])[:1], []).append((k, v["han"]))
            if "latin" in v:
                for w in dict.fromkeys(gz.fold_latin(v["latin"]).split()):
                    self.by_word.setdefault(w, []).append(k)

    def _nearest(self, keys: list[str], pos: int) -> str:
        """Of ``keys``, the person named last before ``pos`` (the first of them when none is)."""
        wanted = set(keys)
        i = bisect.bisect_left(self.order, (pos, "")) - 1
        while i >= 0:
            if self.order[i][1] in wanted:
                return self.order[i][1]
            i -= 1
        return keys[0]

    def _known_mentions(self) -> None:
        """Every other place the text writes a known full name."""
        res = self.res
        text = res.text
        t = text.fold
        taken = bytearray(len(t) + 1)  # positions a person mention already covers
        for m in res.person_of:
            taken[m.name.start:m.name.end] = b"\x01" * (m.name.end - m.name.start)
        scorer = NameScorer(t, set(), set())
        found: list[PersonMention] = []
        for key, lab in self.labels.items():
            for script, name in lab.items():
                forms = {name}
                if script == "han" and "·" in name:
                    forms.add(name.split("·")[-1])
                for form in forms:
                    f = fold(form) if script == "han" else form
                    hay = t if script == "han" else text.raw
                    start = 0
                    while f and (i := hay.find(f, start)) >= 0:
                        j = i + len(f)
                        start = j
                        if any(taken[i:j]):
                            continue
                        if script == "han" and len(f) <= 2 and not (scorer.start_boundary(i) > 0 and scorer.end_boundary(j) > 0):
                            continue
                        if script == "han" and i > 0 and is_han(t[i - 1]) and scorer.start_boundary(i) <= 0 and len(f) < 4:
                            continue
                        if script == "latin" and ((i > 0 and text.raw[i - 1].isalpha()) or (j < len(hay) and hay[j].isalpha())):
                            continue
                        nm = NameMention(i, j, text.raw[i:j], "han" if script == "han" else "latin")
                        pm = PersonMention(i, j, text.raw[i:j], nm, (), False, "known")
                        found.append(pm)
                        res.person_of[pm] = key
                        taken[i:j] = b"\x01" * (j - i)


_GIVEN_NAME_COUNTRIES = frozenset({"MY", "TH", "ID", "MM", "BN", "IS"})
_WORD_SAID_EN = re.compile(r"(?<![\w\-'’.])([A-Z][a-z]{2,})\s+(?:said|says|stated|noted|added|told|expressed|explained|stressed|"
                           r"emphasi[sz]ed|pointed out|remarked|responded|replied)\b")


def _family_words(name: str) -> list[str]:
    """The words of a Latin name that may stand alone for its bearer: the family name (first word when the given name
    is hyphenated, Chinese order, also as "Lin, Mei-ling"; else the last word)."""
    ws = [w for w in name.replace(",", " ").split() if not re.fullmatch(r"(?:[A-Z]\.)+", w)]
    if len(ws) < 2:
        return []
    comma_order = "," in name and re.fullmatch(r"[A-Z][a-z]+-[A-Za-z][a-z]*", ws[-1])
    roman = len(ws) == 2 and re.fullmatch(r"[A-Z][a-z]{1,5}", ws[0]) and ws[0].lower() in ROMAN_SURNAMES
    if re.fullmatch(r"[A-Z][a-z]+-[a-z]+", ws[-1]) or comma_order or roman:
        return [ws[0]]
    if len(ws) == 2 and all(_JAPANESE_WORD.fullmatch(w) for w in ws):
        return ws  # "Ueda Harutaka" / "Harutaka Ueda": a Japanese name is written in either order
    return [ws[-1]]


# a word of romanised Japanese: syllables of a consonant (doubled, or with y) and a vowel, or a syllabic n
_JAPANESE_WORD = re.compile(r"(?:(?:(?:([kstpc])(?=\1))?(?:sh|ch|ts|[kgszjtdnhbpmfr]y?|[wy])?[aiueoāīūēō])|n(?![aiueoy]))+",
                            re.IGNORECASE)


def _capitalised_neighbour(raw: str, i: int, j: int) -> bool:
    """Whether a word is part of a longer run of capitalised words (Power Up, Lin Mei-hua), not a name standing alone."""
    before = re.search(r"([A-Z][\w\-]*)\s$", raw[max(0, i - 30):i])
    after = re.match(r"\s([A-Z][\w\-]*)", raw[j:j + 30])
    return bool((before and before.group(1) not in _OPENERS) or (after and after.group(1) not in _OPENERS))


# capitalised words that may stand next to a family name: titles are separate mentions, these open sentences
_OPENERS = {"The", "But", "And", "As", "When", "While", "After", "Before", "Then", "Also", "In", "On", "At", "For", "With",
            "Mayor", "Deputy", "Speaker", "Governor", "Director", "Commissioner", "President", "Minister", "Ambassador",
            "Representative", "Chairman", "Chairwoman", "Councillor", "Councilor", "Mr", "Ms", "Mrs", "Dr", "Mr.", "Ms.",
            "Mrs.", "Dr.", "Secretary-General", "Premier", "Vice", "Acting", "Chief", "Taiwan", "Taipei"}


def _chinese_given_name(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is a whole Chinese name that merely begins ``longer`` (陳菊 / 陳菊市長 is not a case)."""
    return len(shorter) == 2 and len(longer) == 3


def resolve_people(res: Resolved) -> None:
    if res.text.doc.language == "en":
        english_home(res)
    PeopleResolver(res).run()
