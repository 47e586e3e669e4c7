"""Write ontology/schemes/{roles,themes,org-types}.ttl from the gazetteer tables: ``python -m smartgraph.schemes``.

The tables in data/gazetteer are the one source of post titles, themes and organisation types;
a test checks that the shipped schemes are what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from smartgraph.extraction import gazetteer as gz
from smartgraph.vocab import PREFIXES, SCD, concept

# organisation types the extractor assigns without a suffix row
EXTRA_ORG_TYPES = [
    ("local-government", "local government", "地方政府"),
    ("national-government", "national government", "中央政府"),
]


def _scheme(g: Graph, scheme: str, key: str, en: str, zh: str, in_scheme: object) -> None:
    c = concept(scheme, key)
    g.add((c, RDF.type, SKOS.Concept))
    g.add((c, SKOS.inScheme, in_scheme))  # type: ignore[arg-type]
    g.add((c, SKOS.topConceptOf, in_scheme))  # type: ignore[arg-type]
    g.add((c, SKOS.notation, Literal(key)))
    if en:
        g.add((c, SKOS.prefLabel, Literal(en, lang="en")))
    if zh:
        g.add((c, SKOS.prefLabel, Literal(zh, lang="zh-Hant")))


def build() -> dict[str, Graph]:
    out: dict[str, Graph] = {}
    g = _graph()
    for t in gz.titles().values():
        c = concept("role", t.key)
        if (c, RDF.type, SKOS.Concept) in g:
            g.add((c, SKOS.altLabel, Literal(t.zh, lang="zh-Hant")))
            continue
        _scheme(g, "role", t.key, t.en, t.zh, SCD.Roles)
    out["roles.ttl"] = g
    g = _graph()
    for th in gz.themes():
        _scheme(g, "theme", th.key, th.en, th.zh, SCD.Themes)
    out["themes.ttl"] = g
    g = _graph()
    seen: set[str] = set()
    for o in sorted(gz.org_types(), key=lambda o: o.key):
        if o.key in seen:
            continue
        seen.add(o.key)
        zh = max((x.suffix for x in gz.org_types() if x.key == o.key), key=len)  # the fullest suffix names it
        _scheme(g, "org-type", o.key, o.en, zh, SCD.OrganizationTypes)
    for key, en, zh in EXTRA_ORG_TYPES:
        _scheme(g, "org-type", key, en, zh, SCD.OrganizationTypes)
    out["org-types.ttl"] = g
    return out


def _graph() -> Graph:
    g = Graph()
    for p in ("scd", "scdc", "skos"):
        g.bind(p, PREFIXES[p])
    return g


def main(argv: list[str] | None = None) -> int:
    folder = Path(argv[0] if argv else "ontology/schemes")
    for name, g in build().items():
        path = folder / name
        tmp = path.with_suffix(".tmp")
        tmp.write_text(g.serialize(format="turtle"), encoding="utf-8")
        tmp.replace(path)
        print(f"wrote {path} ({len(g)} triples)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
