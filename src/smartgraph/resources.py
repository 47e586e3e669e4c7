"""Files shipped with smartgraph, named in one registry and read through ``importlib.resources``.

In a source checkout they are the top-level ``ontology/``, ``queries/``, ``data/gazetteer/`` and ``data/lexicon/``
(reached through links in ``smartgraph/_bundled``); in a wheel they are copied there.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from smartgraph.errors import ResourceError

BUNDLE = "_bundled"

ONTOLOGY = "ontology/smartgraph.ttl"
SHAPES = "ontology/shapes.ttl"
DCAT_AP_SHAPES = "ontology/dcat-ap/dcat-ap-3.0-shacl.ttl"
JSONLD_CONTEXT = "ontology/context.jsonld"
SCHEMES = "ontology/schemes"
QUERIES = "queries"
GAZETTEER = "gazetteer"
LEXICON = "lexicon"


def resource(name: str) -> Traversable:
    """A bundled file or folder by its registry name; raises ResourceError when it is missing."""
    path = files("smartgraph").joinpath(BUNDLE)
    for part in name.split("/"):
        path = path.joinpath(part)
    if not (path.is_file() or path.is_dir()):
        raise ResourceError(
            f"bundled resource {name!r} is missing",
            hint="reinstall smartgraph (pip install -e .), or restore the file from the repository",
        )
    return path


def read_text(name: str) -> str:
    return resource(name).read_text(encoding="utf-8")


def listing(folder: str, suffix: str) -> list[Traversable]:
    """The files of a bundled folder with the given suffix, sorted by name."""
    return sorted((p for p in resource(folder).iterdir() if p.name.endswith(suffix)), key=lambda p: p.name)


def ontology_files() -> list[Traversable]:
    """The ontology and every SKOS scheme: the TBox that every document graph is validated with."""
    return [resource(ONTOLOGY), *listing(SCHEMES, ".ttl")]
