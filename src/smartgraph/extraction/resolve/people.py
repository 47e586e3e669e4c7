"""People: person mentions to the persons of the document, by sieves run most precise first.

1. the same name (folded: 臺/台, both scripts, width; Latin names by their sorted words);
2. a name and the other script's form in brackets (賀吉普(Zdeněk Hřib)) are one person, and so is the
   same Latin name elsewhere;
3. part of a known name: a Japanese family name (高島 of 高島宗一郎), the end of a transliterated
   name (韓德瑞克斯 of 霍雷肖韓德瑞克斯, 迪萊夫斯卡 of 艾尼斯卡．迪萊夫斯卡), one word of a Latin name
   (Pustelnik of Adam Pustelnik);
4. a surname and a title (柯市長, 林副市長): the person with that surname who holds that title,
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
from smartgraph.extraction.names import NameScorer
from smartgraph.extraction.text import fold, is_han
from smartgraph.model import Person


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip()


class PeopleResolver:
    def __init__(self, res: Resolved) -> None:
        self.res = res
        self.names: dict[str, str] = {}  # folded Han name -> key
        self.latin: dict[str, str] = {}  # fold_latin -> key
        self.labels: dict[str, dict[str, str]] = {}  # key -> {"han": name, "latin": name}
        self.titles: dict[str, set[str]] = {}  # key -> title keys

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


def _chinese_given_name(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is a whole Chinese name that merely begins ``longer`` (陳菊 / 陳菊市長 is not a case)."""
    return len(shorter) == 2 and len(longer) == 3


def resolve_people(res: Resolved) -> None:
    PeopleResolver(res).run()
