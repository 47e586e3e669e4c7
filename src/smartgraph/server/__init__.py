"""HTTP: the SPARQL 1.1 Protocol, canned queries as a web API with OpenAPI, entity pages and the web page."""

from smartgraph.server.app import ServerSettings, create_app

__all__ = ["ServerSettings", "create_app"]
