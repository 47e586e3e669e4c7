"""Dumps of the stored graph in RDF syntaxes, deterministic: the same store gives the same bytes."""

from __future__ import annotations

from smartgraph.errors import ConfigError
from smartgraph.store import Store
from smartgraph.vocab import canonical_lang_tags

EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")


def export(store: Store, fmt: str) -> bytes:
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(EXPORT_FORMATS)}")
    data = store.dump(fmt)
    if fmt in ("nt", "nq"):
        # one statement a line: sorted lines are a canonical order
        lines = sorted(set(data.splitlines()))
        data = b"\n".join(lines) + b"\n"
    if fmt != "jsonld":
        data = canonical_lang_tags(data)
    return data


__all__ = ["EXPORT_FORMATS", "export"]
