"""Countries and places named in a sentence, in order, with view offsets."""

from __future__ import annotations

import re

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction.context import Context, Mention

_WORD_START = re.compile(r"[A-Z\u4e00-\u9fff\u3400-\u4dbf]")


def find_places(ctx: Context, text: str, s0: int, s1: int) -> list[Mention]:
    """Country and place mentions in ``text[s0:s1]``; a place right after a country is looked up in it.

    A Han run such as 烏拉圭東岬市 that no gazetteer knows, ending in 市/縣/省 right after a country,
    becomes a place of that country."""
    out: list[Mention] = []
    i = s0
    last_country = ""
    last_country_end = -1
    upto = text[:s1]  # look-ups must not run past the sentence
    while i < s1:
        if not _WORD_START.match(text[i]) or (i > s0 and text[i].isascii() and text[i - 1].isalnum()):
            i += 1
            continue
        c = gz.match_country(upto, i)
        if c:
            country, n = c
            ctx.country(country.code)
            out.append(Mention(country.key, "country", i, i + n, text[i: i + n]))
            last_country, last_country_end = country.code, i + n
            i += n
            continue
        hint = last_country if last_country_end >= 0 and not text[last_country_end:i].strip() else ""
        p = gz.match_place(upto, i, hint, ctx.home_country)
        if p:
            entry, n = p
            end = i + n
            if end < s1 and text[end] in gz.PLACE_SUFFIXES and not gz.title_at(text, end):
                end += 1
            key = ctx.place(entry, text[i:end])
            out.append(Mention(key, "place", i, end, text[i:end]))
            i = end
            continue
        if hint and gz.is_han(text[i]):
            m = re.match(f"[{gz.HAN}]{{1,6}}?[市縣省州]", text[i:s1])
            if m and not gz.title_at(text, i + m.end() - 1) and not re.search("[的與及和在之]", m.group()):
                key = ctx.unknown_place(m.group(), last_country, "city" if m.group().endswith("市") else "region")
                out.append(Mention(key, "place", i, i + m.end(), m.group()))
                i += m.end()
                continue
        i += 1
    return out
