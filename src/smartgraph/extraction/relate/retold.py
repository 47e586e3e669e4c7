"""One agreement told twice in one page is one agreement.

A release tells a signing in its lead and again in its body (「雙方今日簽署…備忘錄」 … 「此次簽署的備忘錄…」;
"signed an MOU … The memorandum, signed by …"), sometimes naming the parties differently: a city or its
government, a short or a full name, or one party left implied. The finders keep apart what one sentence
tells; this pass, run on one document's agreements, merges those of different sentences that agree on

- kind and status;
- the year their keys were made with, and the day when both have one;
- parties, once a government stands for its place and a name for the place it names: the same parties, or one
  party fewer where the shorter telling does not say it was between two (「兩市」, "the two cities");
- topic and names: the same, one missing, or one holding the other (「觀光」 in 「觀光交流合作」).

Within one agreement, a party named twice (a city, and the same city read as an organisation from a dateline's
"KAOHSIUNG"; a city and its government) is one party, the place kept.

Two agreements one sentence makes (「簽署兩項備忘錄」, "two MOUs on A and on B") are never merged here, nor two whose
topics differ. The agreement told with more parties (else the first told) keeps its key, so that what another
document's agreement meets across documents is what it met before; the other's sentence becomes more evidence.
"""

from __future__ import annotations

import re

from smartgraph.extraction.mentions import Resolved
from smartgraph.extraction.text import fold
from smartgraph.model import Agreement

_SUFFIX = re.compile(r"(?:市政府|縣政府|政府|市府|縣府|市|縣|city government|government|city|county)$")
# the shorter telling says its agreement was between two: then a party more elsewhere is another agreement
_TWO = re.compile(fold(r"兩市|兩城|兩地|兩縣|雙邊|雙城|兩國") + r"|\b(?:two|both) (?:cities|sides|governments|counties)\b|\bbilateral\b",
                  re.I)


def _name_core(name: str) -> str:
    n = re.sub(r"[\s\W_]+", " ", fold(name).lower()).strip()
    return _SUFFIX.sub("", n).strip()


def _canonical(res: Resolved, key: str) -> str:
    """What a party stands for: a city government its city; a place or organisation no table knows, its name without
    the 市/縣/City it may be written with (so that 「某某」 and 「某某市」 are one party)."""
    org = res.organizations.get(key)
    if org is not None and org.place and org.org_type in ("city-government", "local-government"):
        key = org.place
        org = None
    place = res.places.get(key)
    if place is not None:
        if place.geonames_id or place.wikidata:
            return key
        core = _name_core(place.name_zh or place.name_en)
        return f"name:{core}" if core else key
    if org is not None and not (org.org_type or "").endswith(("council", "university", "school", "park", "museum")):
        # "KAOHSIUNG" read as an organisation: the place of that name when the page names one
        core = _name_core(org.name_en or org.name_zh)
        for pk, p in res.places.items():
            if core and core in (_name_core(p.name_en), _name_core(p.name_zh)):
                return _canonical(res, pk)
    return key


def _topics_agree(a: Agreement, b: Agreement) -> bool:
    ta, tb = fold(a.topic).lower(), fold(b.topic).lower()
    if ta and tb and ta not in tb and tb not in ta:
        return False  # two memoranda on different subjects
    na = {fold(n).lower() for _, n in a.names}
    nb = {fold(n).lower() for _, n in b.names}
    return not (na and nb) or any(x in y or y in x for x in na for y in nb)


def _parties_agree(res: Resolved, a: Agreement, b: Agreement) -> bool:
    pa = {_canonical(res, k) for k in a.parties}
    pb = {_canonical(res, k) for k in b.parties}
    if pa == pb:
        return True
    small, big, told = (pa, pb, a) if len(pa) < len(pb) else (pb, pa, b)
    return len(small) >= 2 and small < big and len(big - small) == 1 and not _TWO.search(fold(told.span.text))


def same_agreement(res: Resolved, a: Agreement, b: Agreement) -> bool:
    """Whether two agreements found in different sentences of one document are one agreement told twice."""
    if a.kind != b.kind or a.status != b.status or a.span.start == b.span.start:
        return False
    if a.year != b.year or (a.date is not None and b.date is not None and a.date != b.date):
        return False
    return _topics_agree(a, b) and _parties_agree(res, a, b)


def _absorb(keep: Agreement, other: Agreement) -> None:
    keep.date = keep.date or other.date
    if not keep.topic or (other.topic and len(other.topic) > len(keep.topic) and keep.topic in other.topic):
        keep.topic = other.topic or keep.topic
    keep.names.extend(n for n in other.names if n not in keep.names)
    keep.event = keep.event or other.event
    keep.commitments = keep.commitments or other.commitments
    for sp in (other.span, *other.retold):
        if sp != keep.span and sp not in keep.retold:
            keep.retold.append(sp)


def _one_each(res: Resolved, ag: Agreement) -> None:
    """A party named twice in one agreement (Kaohsiung City and "KAOHSIUNG", a city and its government) is one party:
    the place is kept."""
    seen: dict[str, str] = {}
    for k in ag.parties:
        c = _canonical(res, k)
        if c not in seen or (k in res.places and seen[c] not in res.places):
            seen[c] = k
    if 2 <= len(seen) < len(ag.parties):
        keep = set(seen.values())
        ag.parties[:] = list(dict.fromkeys(k for k in ag.parties if k in keep))


def merge_retold(res: Resolved, agreements: list[Agreement]) -> list[Agreement]:
    """The agreements of one document, each told twice or more merged into one (see the module's docstring)."""
    for ag in agreements:
        if ag.kind != "declaration" and len(ag.parties) > 2:
            _one_each(res, ag)
    if len(agreements) < 2:
        return agreements
    out: list[Agreement] = []
    for ag in agreements:
        if ag.kind == "declaration":  # declarations are merged by name where they are found
            out.append(ag)
            continue
        prior = next((o for o in out if same_agreement(res, o, ag)), None)
        if prior is None:
            out.append(ag)
            continue
        keep, other = (ag, prior) if len(ag.parties) > len(prior.parties) else (prior, ag)
        if keep is ag:
            out[out.index(prior)] = ag
        _absorb(keep, other)
    return out
