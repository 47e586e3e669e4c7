"""The RDF syntaxes smartgraph writes, under one set of names used everywhere (CLI, exports, descriptions).

Canonical names: ``turtle``, ``ntriples``, ``nquads``, ``trig``, ``jsonld``, ``rdfxml``; the short
aliases ``ttl``, ``nt``, ``nq``, ``json-ld``, ``xml`` and ``rdf`` (and ``n-triples``, ``n-quads``) are
accepted too, in any case.
"""

from __future__ import annotations

from dataclasses import dataclass

from smartgraph.errors import ConfigError


@dataclass(frozen=True)
class RdfFormat:
    name: str  # the canonical name
    title: str
    media_type: str
    extension: str  # file extension, also the short alias
    aliases: tuple[str, ...]
    quads: bool  # keeps named graphs
    eu_file_type: str  # the EU file-type authority code, for DCAT-AP


FORMATS: dict[str, RdfFormat] = {f.name: f for f in (
    RdfFormat("turtle", "Turtle", "text/turtle", "ttl", ("ttl",), False, "RDF_TURTLE"),
    RdfFormat("ntriples", "N-Triples", "application/n-triples", "nt", ("nt", "n-triples"), False, "RDF_N_TRIPLES"),
    RdfFormat("nquads", "N-Quads", "application/n-quads", "nq", ("nq", "n-quads"), True, "RDF_N_QUADS"),
    RdfFormat("trig", "TriG", "application/trig", "trig", (), True, "RDF_TRIG"),
    RdfFormat("jsonld", "JSON-LD", "application/ld+json", "jsonld", ("json-ld",), False, "JSON_LD"),
    RdfFormat("rdfxml", "RDF/XML", "application/rdf+xml", "rdf", ("xml", "rdf", "rdf/xml"), False, "RDF_XML"),
)}
NAMES = tuple(FORMATS)
_BY_ALIAS = {alias: f for f in FORMATS.values() for alias in (f.name, *f.aliases)}


def rdf_format(name: str) -> RdfFormat:
    """The format a name or alias stands for; ConfigError naming the choices when none does."""
    try:
        return _BY_ALIAS[name.strip().lower()]
    except KeyError:
        raise ConfigError(f"unknown format {name!r}", hint=f"use one of {help_text()}") from None


def help_text() -> str:
    """'turtle (ttl), ntriples (nt), …' for help texts and errors."""
    return ", ".join(f"{f.name} ({f.aliases[0]})" if f.aliases else f.name for f in FORMATS.values())


__all__ = ["FORMATS", "NAMES", "RdfFormat", "help_text", "rdf_format"]
