"""smartgraph: city-diplomacy press releases to a validated linked-open-data knowledge graph.

The pipeline can be read in the module names::

    documents -> extraction -> graph -> validation -> store -> queries -> cli / server
"""

from smartgraph.errors import SmartgraphError

__version__ = "0.1.0"

__all__ = ["SmartgraphError", "__version__"]
