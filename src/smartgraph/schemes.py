"""Write ontology/schemes/{roles,themes,org-types}.ttl from the data tables: ``python -m smartgraph.schemes``.

The tables in data/lexicon (post titles, organisation types) and data/gazetteer (themes) are the one
source of these schemes; a test checks that the shipped schemes are what this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from smartgraph.extraction import gazetteer as gz
from smartgraph.extraction import lexicon as lx
from smartgraph.vocab import PREFIXES, SCD, concept

# organisation types the extractor assigns without a suffix row
EXTRA_ORG_TYPES = [
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
    for t in [*lx.titles().values(), *(lx.former(t) for t in lx.titles().values())]:
        c = concept("role", t.key)
        _scheme(g, "role", t.key, t.label_en, t.label_zh, SCD.Roles)
        for alt in t.zh[1:]:
            g.add((c, SKOS.altLabel, Literal(alt, lang="zh-Hant")))
        for alt in t.en[1:]:
            g.add((c, SKOS.altLabel, Literal(alt, lang="en")))
    out["roles.ttl"] = g
    g = _graph()
    for th in gz.themes():
        _scheme(g, "theme", th.key, th.en, th.zh, SCD.Themes)
    out["themes.ttl"] = g
    g = _graph()
    for o in sorted(lx.org_types().values(), key=lambda o: o.key):
        _scheme(g, "org-type", o.key, o.label_en, o.label_zh, SCD.OrganizationTypes)
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
