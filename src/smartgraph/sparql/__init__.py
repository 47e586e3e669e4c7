"""The SPARQL access layer: every read and write of a store goes through here.

Backends: the embedded store (pyoxigraph on disk, or in memory), a remote SPARQL 1.1 triplestore
(``remote``), and the server's worker processes that run queries with limits (``engine``).
"""
