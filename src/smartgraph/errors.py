"""One exception root for smartgraph. Every message says what went wrong and how to fix it.

A graph that does not conform to the shapes is a *result* (``ValidationReport``), not an exception.
"""

from __future__ import annotations


class SmartgraphError(Exception):
    """Root of every error smartgraph raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n  how to fix: {self.hint}" if self.hint else self.message


class DocumentError(SmartgraphError, ValueError):
    """A press release that cannot be read or parsed."""

    def __init__(self, path: str, message: str, *, line: int | None = None, hint: str = "") -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}", hint=hint)
        self.path = path
        self.line = line


class ConfigError(SmartgraphError, ValueError):
    """A setting or command-line value that cannot be used."""


class ResourceError(SmartgraphError, FileNotFoundError):
    """A file shipped with smartgraph (ontology, shapes, queries, gazetteer) is missing or broken."""


class QueryError(SmartgraphError, ValueError):
    """A canned query that is unknown, broken, or called with bad parameters."""

    def __init__(self, message: str, *, query: str = "", hint: str = "") -> None:
        super().__init__(f"query {query!r}: {message}" if query else message, hint=hint)
        self.query = query


class ParameterError(QueryError):
    """A canned-query parameter value that does not fit its declared type."""

    def __init__(self, query: str, name: str, message: str, *, hint: str = "") -> None:
        super().__init__(f"parameter {name!r}: {message}", query=query, hint=hint)
        self.name = name


class StoreError(SmartgraphError, OSError):
    """The store cannot be opened, read or written."""

    exit_code = 3
