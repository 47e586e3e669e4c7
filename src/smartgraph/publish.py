"""Dumps of the stored graph in RDF syntaxes, deterministic: the same store gives the same bytes."""

from __future__ import annotations

import re

from smartgraph.errors import ConfigError
from smartgraph.store import Store

EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
_LANG = re.compile(rb'"@([a-z]{2,3})-([a-z]{4})\b')


def canonical_lang(tag: str) -> str:
    """BCP 47 case: ``zh-hant`` -> ``zh-Hant``, ``en-us`` -> ``en-US`` (pyoxigraph lower-cases tags)."""
    parts = tag.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        out.append(p.title() if len(p) == 4 else p.upper() if len(p) == 2 else p.lower())
    return "-".join(out)


def export(store: Store, fmt: str) -> bytes:
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(EXPORT_FORMATS)}")
    data = store.dump(fmt)
    if fmt in ("nt", "nq"):
        # one statement a line: sorted lines are a canonical order
        lines = sorted(set(data.splitlines()))
        data = b"\n".join(lines) + b"\n"
    if fmt != "jsonld":
        data = _LANG.sub(lambda m: b'"@' + m.group(1) + b"-" + m.group(2).title(), data)
    return data


__all__ = ["EXPORT_FORMATS", "canonical_lang", "export"]
