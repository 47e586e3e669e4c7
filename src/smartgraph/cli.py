"""The ``smartgraph`` command: thin commands over plain functions.

Exit codes, decided here and nowhere else: 0 done (the graph conforms), 1 done but some document
was refused or the graph does not conform, 2 bad input or usage, 3 the store failed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from smartgraph import __version__
from smartgraph.errors import SmartgraphError


class _When(StrEnum):
    """When a build writes the canned queries' rows again (``build --materialise``)."""

    auto = "auto"
    always = "always"
    never = "never"

app = typer.Typer(
    name="smartgraph",
    help="City-diplomacy press releases to a validated linked-open-data knowledge graph.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish and PowerShell
    rich_markup_mode=None,  # plain help: Rich markup would eat "[env ...; default ...]" and show flags as <bool>
    pretty_exceptions_enable=False,
)

StoreOpt = Annotated[
    Path | None, typer.Option("--store", metavar="PATH", help="The embedded store's folder [env SMARTGRAPH_STORE; default .smartgraph/store].")
]
BaseOpt = Annotated[str | None, typer.Option("--base-iri", metavar="IRI",
                                             help="Base IRI of minted entities [env SMARTGRAPH_BASE_IRI; default https://w3id.org/smartgraph/id/].")]


def _settings(store: Path | None = None, base_iri: str | None = None):  # type: ignore[no-untyped-def]
    """Settings from the flags, the environment and what the store remembers (``smartgraph.json``, written by build);
    a base IRI given that differs from the store's is an error (ConfigError)."""
    from smartgraph.config import ENV_BASE_IRI, from_env, settle_base_iri
    from smartgraph.sparql.store import read_meta

    settings = from_env().with_(store=store)
    given, source = (base_iri, "--base-iri") if base_iri else (os.environ.get(ENV_BASE_IRI) or None, ENV_BASE_IRI)
    meta = read_meta(settings.store) if settings.store.is_dir() else None
    return settings.with_(base_iri=settle_base_iri(given, source, meta.base_iri if meta else None, settings.store))


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _fail(e: SmartgraphError) -> typer.Exit:
    _err(f"error: {e}")
    return typer.Exit(e.exit_code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"smartgraph {__version__}")
        raise typer.Exit()


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|kib|m|mb|mib|g|gb|gib)?\s*", re.I)
_UNITS = {"": 1, "b": 1, "byte": 1, "bytes": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 10**6, "mb": 10**6, "mib": 2**20,
          "g": 10**9, "gb": 10**9, "gib": 2**30}


def _size(value: str, option: str) -> int:
    """A size given as bytes or with a unit (800kB, 20MB, 1.5MiB)."""
    m = _SIZE.fullmatch(value)
    if not m:
        raise typer.BadParameter(f"{value!r} is not a size; write bytes or a number with kB or MB (800kB, 20MB)", param_hint=option)
    return int(float(m[1]) * _UNITS[(m[2] or "").lower()])


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")] = False,
) -> None:
    """City-diplomacy press releases to a validated linked-open-data knowledge graph."""


@app.command()
def build(
    inputs: Annotated[list[Path] | None, typer.Argument(metavar="INPUT...", help="Press-release files or folders [default: data/press-releases].")] = None,
    store: StoreOpt = None,
    base_iri: BaseOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Rebuild every document, even unchanged ones.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the summary and problems.")] = False,
    workers: Annotated[int | None, typer.Option("--workers", "-j", min=1, metavar="N",
                                                help="Processes that read, extract and validate [default: one per CPU].")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse a document whose graph breaks a shape, instead of dropping the "
                                                       "facts that break it and storing the rest; exit 1 when one is refused.")] = False,
    glob: Annotated[list[str] | None, typer.Option("--glob", "-g", metavar="PATTERN",
                                                   help="Take from each folder only the files matching PATTERN (a shell pattern on the "
                                                        "path inside the folder or the name, e.g. 'zh/*.txt'); repeat for more "
                                                        "[default: *.txt, *.text, *.html, *.htm, README left out].")] = None,
    max_document_size: Annotated[str, typer.Option("--max-document-size", envvar="SMARTGRAPH_MAX_DOCUMENT_SIZE", metavar="SIZE",
                                                   show_envvar=False, show_default=False,
                                                   help="Refuse, unread, a file larger than SIZE (bytes, or with kB/MB: 800kB, 20MB); "
                                                        "0 for no limit [env SMARTGRAPH_MAX_DOCUMENT_SIZE; default 5MB].")] = "5MB",
    materialise: Annotated[_When, typer.Option("--materialise", envvar="SMARTGRAPH_MATERIALISE", metavar="WHEN",
                                               show_envvar=False, show_default=False, case_sensitive=False,
                                             help="How to make the canned queries' rows in the derived summaries graph those "
                                                  "of the store, so the server pages them in milliseconds: auto (the buckets "
                                                  "of rows that changed; all of them when the store has none yet or this "
                                                  "build stored at least 5% of its releases), always (all of them, whole), "
                                                  "or never (stale rows are never served: the plain queries answer) "
                                                  "[env SMARTGRAPH_MATERIALISE; default auto].")] = _When.auto,
) -> None:
    """Read press releases, extract their facts, validate each document's graph and store it.

    Documents whose text did not change since the last build are skipped. A fact that breaks a shape is
    dropped with a warning (file, line, shape, why) and the rest of its document stored (exit 0). A file
    that cannot be read (binary, empty, larger than --max-document-size) is reported and left out, the rest
    still build, and the exit status is 1; so it is when nothing could be stored, or under --strict when a
    document was refused.
    """
    from smartgraph import documents, pipeline
    from smartgraph.config import DEFAULT_INPUT
    from smartgraph.errors import DocumentError
    from smartgraph.sparql.store import open_store, record_build, servers

    limit = _size(max_document_size, "--max-document-size")
    try:
        settings = _settings(store, base_iri)
        paths = inputs or [DEFAULT_INPUT]
        if not list(documents.iter_inputs(paths, glob or ())):  # before the store is opened: a bad input leaves no store behind
            raise DocumentError(", ".join(map(str, paths)), "holds no press release: every file named was skipped",
                                hint="name .txt, .text, .html or .htm files, or choose files with --glob PATTERN")
        st = open_store(settings.store)
        for s in servers(settings.store):
            _err(f"note: smartgraph serve (pid {s['pid']}, {s.get('url') or 'no URL'}) serves this store; "
                 "it answers from the new graph once this build finishes")
        with _Progress(quiet) as progress:
            report = pipeline.build(paths, st, settings, force=force, on_progress=progress.update,
                                    workers=workers or pipeline.default_workers(), globs=glob or (), strict=strict,
                                    max_document_bytes=limit or None, materialise=materialise.value)
        st.flush()
        record_build(settings.store, settings.base_iri, paths)  # the store remembers its settings; a server reloads
        st.close()
    except SmartgraphError as e:
        raise _fail(e) from None
    for sk in report.skipped:
        _err(f"skipped: {sk.path}: {sk.reason}")
    for r in report.results:
        for n in r.notices:
            _err(f"warning: {r.path}{':' + str(n.line) if n.line else ''}: {n.message}")
        if r.status == "error":
            _err(f"error: {r.error}")
        elif r.status == "invalid":
            _err(f"error: {r.path}: the graph does not conform to the shapes; not stored")
            for v in r.violations:
                if v.severity == "Violation":
                    _err(f"  {_short(v.shape)} on {v.focus}: {v.message}")
    typer.echo(
        f"{len(report.results)} documents: {report.count('stored')} stored, {report.count('unchanged')} unchanged, "
        f"{report.count('invalid')} invalid, {report.count('error')} unreadable; {report.facts} facts; "
        f"store {settings.store}"
    )
    if report.count("error") or (strict and not report.ok) or (report.results and not report.count("stored") and not report.count("unchanged")):
        raise typer.Exit(1)  # a file left out, a document refused under --strict, or nothing could be stored


@app.command()
def validate(store: StoreOpt = None, base_iri: BaseOpt = None) -> None:
    """Validate the stored graph against the SHACL shapes; exit 1 when it does not conform."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from smartgraph import pipeline
    from smartgraph.sparql.store import open_store

    try:
        settings = _settings(store, base_iri)
        st = open_store(settings.store, read_only=True)
        st.require_documents()
        report = pipeline.validate_store(st)
    except SmartgraphError as e:
        raise _fail(e) from None
    errors = report.errors
    warnings = [v for v in report.violations if v.severity != "Violation"]
    if report.violations:
        table = Table(show_lines=False)
        for column in ("severity", "shape", "focus node", "message", "source document"):
            table.add_column(column, overflow="fold")  # IRIs wrap, never cut
        for v in report.violations:
            table.add_row(*(escape(str(x)) for x in (v.severity, _short(v.shape), v.focus, v.message, v.source)))
        Console(width=200 if not sys.stdout.isatty() else None).print(table)
    verdict = "conforms" if report.conforms else "does NOT conform"
    typer.echo(f"The graph {verdict}: {len(errors)} violations, {len(warnings)} warnings.")
    if not report.conforms:
        raise typer.Exit(1)


@app.command("queries")
def list_queries() -> None:
    """List the canned queries with their parameters."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from smartgraph.queries import Catalog

    try:
        catalog = Catalog.load()
    except SmartgraphError as e:
        raise _fail(e) from None
    table = Table()
    for column in ("name", "summary", "parameters", "result variables"):
        table.add_column(column, overflow="fold")
    for q in catalog:
        params = ", ".join(f"{p.name}:{p.type}{'*' if p.required else ''}" + (f"={p.default}" if p.default else "") for p in q.params)
        table.add_row(*(escape(x) for x in (q.name, q.summary, params, " ".join(q.variables))))
    Console().print(table)


@app.command()
def query(
    name: Annotated[str, typer.Argument(metavar="NAME", help="A canned query's name (see 'smartgraph queries').")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", metavar="NAME=VALUE", help="A parameter as NAME=VALUE; repeat for more.")] = None,
    store: StoreOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT",
                                     help="table, json (SPARQL 1.1 Query Results JSON), csv or tsv.")] = "table",
    wide: Annotated[bool, typer.Option("--wide", help="Table: full IRIs in their own columns (by default IRIs show their labels).")] = False,
    bom: Annotated[bool, typer.Option("--bom", help="CSV/TSV: start with a UTF-8 byte order mark, so Excel reads Chinese right.")] = False,
    endpoint: Annotated[str | None, typer.Option("--endpoint", metavar="URL",
                                                 help="Run it on a remote SPARQL endpoint (query URL) instead of the embedded store.")] = None,
    named_graphs: Annotated[bool, typer.Option("--named-graphs", help=(
        "Read smartgraph's named graphs (FROM / FROM NAMED each, those under BASE_IRI/graph/), not the default graph: for a "
        "triplestore whose default graph is not their union. The query grows with the number of graphs.")
    )] = False,
    base_iri: BaseOpt = None,
) -> None:
    """Run a canned query on the store, or on a remote triplestore with --endpoint. Parameters are bound as typed RDF terms.

    The table shows each IRI by its label and wraps long cells; --wide shows the full IRIs instead.
    """
    from smartgraph.errors import StoreError
    from smartgraph.queries import Catalog, from_graphs
    from smartgraph.sparql import connect
    from smartgraph.sparql.store import EmbeddedStore

    if fmt not in ("table", "json", "csv", "tsv"):
        _err(f"error: unknown format {fmt!r}\n  how to fix: use table, json, csv or tsv")
        raise typer.Exit(2)
    if bom and fmt not in ("csv", "tsv"):
        _err("error: --bom is for --format csv or tsv\n  how to fix: add --format csv")
        raise typer.Exit(2)
    values: dict[str, list[str]] = {}
    for p in param or []:
        if "=" not in p:
            _err(f"error: --param {p!r} is not NAME=VALUE\n  how to fix: e.g. --param lang=en")
            raise typer.Exit(2)
        k, v = p.split("=", 1)
        values.setdefault(k.strip(), []).append(v)
    try:
        settings = _settings(store, base_iri)
        q = Catalog.load().get(name)
        text = q.prepare(values)
        st = connect(endpoint or settings.store)
        if isinstance(st, EmbeddedStore):
            st.require_documents()
        if named_graphs:
            prefix = settings.base_iri + "graph/"
            names = [g for g in st.named_graphs() if g.startswith(prefix)]
            if not names:
                raise StoreError(f"{endpoint or settings.store} holds no graph under {prefix}",
                                 hint="load the graph there first (smartgraph load), or pass the --base-iri it was built with")
            text = from_graphs(text, names)
        results = st.select(text)
        lang = (values.get("lang") or [next((p.default for p in q.params if p.name == "lang" and p.default), "zh-Hant")])[0]
    except SmartgraphError as e:
        raise _fail(e) from None
    _print_results(results, fmt, wide=wide, bom=bom, lang=lang, select=st.select, base_iri=settings.base_iri)


FORMAT_NAMES = "turtle (ttl), ntriples (nt), nquads (nq), trig, jsonld (json-ld), rdfxml (xml, rdf)"
DownloadOpt = Annotated[str | None, typer.Option("--download-base", metavar="URL",
                                                 help="URL the dumps are published under [default: BASE_IRI/download/].")]
EndpointUrlOpt = Annotated[str, typer.Option("--endpoint-url", metavar="URL", help="The public SPARQL endpoint named in the description.")]
LicenseOpt = Annotated[str, typer.Option("--license", metavar="IRI", help="Licence IRI of the dataset.")]
PublisherOpt = Annotated[str | None, typer.Option("--publisher", metavar="IRI", help="The dataset's one publisher [default: the city "
                                                  "government whose bureaus published most releases; the bureaus are its creators].")]
PublisherNameOpt = Annotated[str | None, typer.Option("--publisher-name", metavar="NAME",
                                                      help="The publisher's name [default: its label in the graph].")]


def _info(base_iri: str, download_base: str | None, endpoint_url: str, license_: str,  # type: ignore[no-untyped-def]
          publisher: str | None = None, publisher_name: str | None = None):
    from smartgraph.errors import ConfigError
    from smartgraph.publish import DatasetInfo

    if publisher and not publisher.startswith(("http://", "https://")):
        raise ConfigError(f"--publisher {publisher!r} is not an http(s) IRI", hint="pass the publisher's IRI, e.g. one from the graph")
    return DatasetInfo(base_iri=base_iri, download_base=download_base or "", endpoint=endpoint_url, license=license_,
                       publisher=publisher or "", publisher_name=publisher_name or "")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=f"One of {FORMAT_NAMES}.")] = "turtle",
    out: Annotated[Path | None, typer.Option("--out", "-o", metavar="FILE", help="File to write [default: standard output].")] = None,
    store: StoreOpt = None,
    base_iri: BaseOpt = None,
    description: Annotated[bool, typer.Option("--description/--no-description", help="Add the DCAT/VoID dataset description.")] = True,
    keep_contacts: Annotated[bool, typer.Option("--keep-contacts", help="Keep contact persons' telephone numbers (left out by default).")] = False,
    download_base: DownloadOpt = None,
    endpoint_url: EndpointUrlOpt = "http://127.0.0.1:8000/sparql",
    license_: LicenseOpt = "http://creativecommons.org/licenses/by/4.0/",
    publisher: PublisherOpt = None,
    publisher_name: PublisherNameOpt = None,
) -> None:
    """Write the stored graph in an RDF syntax for open-data portals: named graphs kept in TriG and N-Quads,
    the dataset description (DCAT-AP 3.0 and VoID) added, telephone numbers left out unless --keep-contacts.

    The same store gives the same bytes. With --out the file is written to a temporary name and renamed,
    so a failed export never leaves half a file.
    """
    from smartgraph import publish
    from smartgraph.formats import rdf_format
    from smartgraph.sparql.store import open_store

    try:
        fmt = rdf_format(fmt).name
        settings = _settings(store, base_iri)
        st = open_store(settings.store, read_only=True)
        st.require_documents()
        info = _info(settings.base_iri, download_base, endpoint_url, license_, publisher, publisher_name) if description else None
        if out is None:
            publish.write_export(st, fmt, sys.stdout.buffer, info, keep_contacts=keep_contacts)
            return
        tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as f, _ExportProgress(fmt) as progress:
                publish.write_export(st, fmt, f, info, keep_contacts=keep_contacts, on_progress=progress.update)
            tmp.replace(out)
        except SmartgraphError:
            raise  # a store error (an OSError too) is reported below, not as a write error
        except OSError as e:
            _err(f"error: cannot write {out}: {e.strerror}\n  how to fix: check the folder exists, is writable and has room")
            raise typer.Exit(2) from None
        finally:
            tmp.unlink(missing_ok=True)
    except SmartgraphError as e:
        raise _fail(e) from None
    typer.echo(f"wrote {out} ({out.stat().st_size} bytes)", err=True)


class _ExportProgress:
    """A bar of graphs (TriG, N-Quads) or triples (Turtle, N-Triples, JSON-LD) written, on a terminal only."""

    def __init__(self, fmt: str) -> None:
        self._what = "graphs" if fmt in ("nquads", "trig") else "triples"
        self._bar: Any = None

    def __enter__(self) -> _ExportProgress:
        if sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(TextColumn(f"exporting {self._what}"), BarColumn(), MofNCompleteColumn(), transient=True)
            self._task = self._bar.add_task("export", total=None)
            self._bar.start()
        return self

    def update(self, done: int, total: int) -> None:
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command()
def describe(
    store: StoreOpt = None,
    base_iri: BaseOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", help=f"One of {FORMAT_NAMES}.")] = "turtle",
    check: Annotated[bool, typer.Option("--check", help="Validate it against the DCAT-AP 3.0 SHACL shapes; exit 1 if it does not conform.")] = False,
    download_base: DownloadOpt = None,
    endpoint_url: EndpointUrlOpt = "http://127.0.0.1:8000/sparql",
    license_: LicenseOpt = "http://creativecommons.org/licenses/by/4.0/",
    publisher: PublisherOpt = None,
    publisher_name: PublisherNameOpt = None,
) -> None:
    """Print the DCAT-AP 3.0 and VoID description of the dataset (what an export carries)."""
    from smartgraph import publish
    from smartgraph.formats import rdf_format
    from smartgraph.sparql.store import open_store

    try:
        fmt = rdf_format(fmt).name
        settings = _settings(store, base_iri)
        st = open_store(settings.store, read_only=True)
        st.require_documents()
        info = _info(settings.base_iri, download_base, endpoint_url, license_, publisher, publisher_name)
        g = publish.describe(st, info)
        sys.stdout.buffer.write(publish.serialize_description(g, info, fmt))
        sys.stdout.flush()
    except SmartgraphError as e:
        raise _fail(e) from None
    if check:
        from smartgraph.validation import check_dcat_ap

        problems = check_dcat_ap(g)
        for p in problems:
            _err(f"DCAT-AP: {p}")
        _err("The description conforms to DCAT-AP 3.0." if not problems else f"The description does NOT conform: {len(problems)} problems.")
        if problems:
            raise typer.Exit(1)


def _cpus() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", metavar="ADDRESS",
                                      help="Address to listen on. Keep 127.0.0.1 unless a proxy in front handles access.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="TCP port.")] = 8000,
    store: StoreOpt = None,
    base_iri: BaseOpt = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, max=64, metavar="N", envvar="SMARTGRAPH_WORKERS", show_envvar=False, help=(
        "Worker processes for canned queries, entity pages and the web page's own requests "
        "[env SMARTGRAPH_WORKERS; default one per CPU, at least 2].")
    )] = None,
    bounded_threads: Annotated[int | None, typer.Option("--bounded-threads", min=0, max=256, metavar="N", envvar="SMARTGRAPH_BOUNDED_THREADS",
                                                        show_envvar=False, help=(
        "Threads of the server's own process that answer canned queries of bounded cost (a page of materialised rows, a "
        "query about one entity) without a worker process; 0 sends them to the workers too "
        "[env SMARTGRAPH_BOUNDED_THREADS; default 4 x --workers].")
    )] = None,
    adhoc_workers: Annotated[int | None, typer.Option("--adhoc-workers", min=1, max=64, metavar="N", envvar="SMARTGRAPH_ADHOC_WORKERS",
                                                      show_envvar=False, help=(
        "Worker processes for /sparql queries, at the lowest CPU priority; the server takes 4 x N of them in flight (503 past "
        "it) [env SMARTGRAPH_ADHOC_WORKERS; default one per two CPUs, at least 2].")
    )] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0.1, metavar="SECONDS", envvar="SMARTGRAPH_TIMEOUT", show_envvar=False,
                                           show_default=False, help=(
        "Seconds a query or update may run before it is stopped (answer 503) [env SMARTGRAPH_TIMEOUT; default 10].")
    )] = 10.0,
    max_rows: Annotated[int, typer.Option("--max-rows", min=1, metavar="N", envvar="SMARTGRAPH_MAX_ROWS", show_envvar=False,
                                          show_default=False, help=(
        "Rows (or triples) a result may hold (answer 400 past it) [env SMARTGRAPH_MAX_ROWS; default 10000].")
    )] = 10_000,
    page_size: Annotated[int, typer.Option("--page-size", min=1, metavar="N", show_default=False,
                                           help="Rows a page of a canned query when the request gives no limit [default 100].")] = 100,
    max_body: Annotated[int, typer.Option("--max-body", min=1024, metavar="BYTES", envvar="SMARTGRAPH_MAX_BODY", show_envvar=False,
                                          show_default=False, help=(
        "Bytes a request body may hold (answer 413 past it) [env SMARTGRAPH_MAX_BODY; default 1000000].")
    )] = 1_000_000,
    max_query_length: Annotated[int, typer.Option("--max-query-length", min=100, metavar="N", envvar="SMARTGRAPH_MAX_QUERY_LENGTH",
                                                  show_envvar=False, show_default=False, help=(
        "Characters a SPARQL query or update may have (answer 422 past it) [env SMARTGRAPH_MAX_QUERY_LENGTH; default 65536].")
    )] = 65_536,
    per_client: Annotated[int, typer.Option("--per-client", min=1, metavar="N", envvar="SMARTGRAPH_PER_CLIENT", show_envvar=False,
                                            show_default=False, help=(
        "/sparql requests one client address may have in flight (answer 429 with Retry-After past it) "
        "[env SMARTGRAPH_PER_CLIENT; default 2].")
    )] = 2,
    per_client_pages: Annotated[int, typer.Option("--per-client-pages", min=1, metavar="N", envvar="SMARTGRAPH_PER_CLIENT_PAGES",
                                                  show_envvar=False, show_default=False, help=(
        "Cheap requests one client address may have in flight: canned queries, entity pages, /complete and /labels "
        "(answer 429 with Retry-After past it) [env SMARTGRAPH_PER_CLIENT_PAGES; default 8].")
    )] = 8,
    allow_service: Annotated[list[str] | None, typer.Option("--allow-service", metavar="URL", envvar="SMARTGRAPH_ALLOW_SERVICE",
                                                            show_envvar=False, help=(
        "A URL that SERVICE (and LOAD in updates) may reach; repeat for more. Any other SERVICE is answered 400 "
        "[env SMARTGRAPH_ALLOW_SERVICE, space-separated; default none: federation off].")
    )] = None,
    trusted_proxy: Annotated[list[str] | None, typer.Option("--trusted-proxy", metavar="ADDRESS", help=(
        "Address of a reverse proxy whose X-Forwarded-For names the client (for the access log and the per-client shares); "
        "repeat for more [default none: the peer address is the client].")
    )] = None,
    cors_origin: Annotated[
        list[str] | None, typer.Option("--cors-origin", metavar="ORIGIN",
                                       help="Allow browser pages from this origin (repeat; '*' for any). CORS is off by default.")
    ] = None,
    allow_updates: Annotated[bool, typer.Option("--allow-updates", help="Accept SPARQL Update with the bearer token in env SMARTGRAPH_UPDATE_TOKEN.")] = False,
    endpoint: Annotated[str | None, typer.Option("--endpoint", metavar="URL",
                                                 help="Serve a remote triplestore (its SPARQL query URL) instead of the embedded store.")] = None,
    processes: Annotated[int, typer.Option("--processes", min=1, max=64, metavar="N", envvar="SMARTGRAPH_PROCESSES",
                                           show_envvar=False, show_default=False, help=(
        "Server processes sharing the port. One process answers on one core however many requests wait in it; on a "
        "machine with more cores, one per core serves more requests a second. Each has its own snapshot and its "
        "share of --workers and --adhoc-workers; --per-client and --per-client-pages then count in each process "
        "[env SMARTGRAPH_PROCESSES; default 1].")
    )] = 1,
    snapshot: Annotated[bool, typer.Option("--snapshot/--no-snapshot", help=(
        "Answer from a snapshot of the store (hard links in STORE.serving/ beside it), so smartgraph build can write the "
        "store meanwhile and the server then moves to the new graph. --no-snapshot reads the store itself, and build "
        "refuses to write it while the server runs.")
    )] = True,
) -> None:
    """Serve the graph over HTTP: /sparql (SPARQL 1.1 Protocol), /queries (canned queries, OpenAPI at /docs),
    /id/... (entity pages and descriptions) and the web page at /.

    Read-only unless --allow-updates is given with a token in SMARTGRAPH_UPDATE_TOKEN. The server answers from a
    snapshot of the store and moves to the new graph when smartgraph build (or an update) finishes. Every limit is
    listed in the README's "Security and limits". One JSON access-log line a request goes to standard error. Stop
    with Ctrl-C (or SIGTERM): requests in flight finish first.
    """
    import socket

    from smartgraph.errors import ConfigError, StoreError
    from smartgraph.queries import Catalog
    from smartgraph.server import ServerSettings
    from smartgraph.server import processes as served
    from smartgraph.sparql.engine import Limits

    token = os.environ.get("SMARTGRAPH_UPDATE_TOKEN") if allow_updates else None
    cheap = workers or max(2, _cpus())
    adhoc = adhoc_workers or max(2, _cpus() // 2)
    cheap_each, adhoc_each = max(1, -(-cheap // processes)), max(1, -(-adhoc // processes))
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    sock: socket.socket | None = None
    engine: Any = None
    try:
        settings = _settings(store, base_iri)
        if allow_updates and not token:
            raise ConfigError("--allow-updates needs a token", hint="set SMARTGRAPH_UPDATE_TOKEN in the environment (never on the command line)")
        services = tuple(u for item in allow_service or [] for u in item.split())
        for u in services:
            if not u.startswith(("http://", "https://")):
                raise ConfigError(f"--allow-service {u!r} is not an http(s) URL", hint="pass the service's full URL, e.g. https://query.wikidata.org/sparql")
        server_settings = ServerSettings(
            base_iri=settings.base_iri, limits=Limits(timeout_s=timeout, max_rows=max_rows), page_size=page_size,
            cors_origins=tuple(cors_origin or ()), update_token=token,
            endpoint_label=f"remote endpoint {endpoint}" if endpoint else f"embedded store {settings.store}",
            allow_service=services, max_body_bytes=max_body, max_query_chars=max_query_length, per_client=per_client,
            per_client_pages=per_client_pages, adhoc_capacity=4 * adhoc_each,
        )
        spec = served.Spec(server_settings, settings.store, endpoint, cheap_each, adhoc_each, snapshot, bounded_threads, url,
                           tuple(trusted_proxy or ()))
        catalog = Catalog.load()  # the bundled and the user's queries: an error in one is told before anything starts
        sock = served.listen(host, port)
        if processes == 1:
            sock.close()  # bound again by the server, at once: the address is known to be free
            sock = None
            engine = served.make_engine(spec)
        elif not endpoint and not (settings.store / "CURRENT").exists():
            raise StoreError(f"no store at {settings.store}", hint="build one first: smartgraph build --store PATH")
    except SmartgraphError as e:
        if sock is not None:
            sock.close()
        raise _fail(e) from None
    mode = "" if endpoint or engine is None else f"; {getattr(engine, 'mode', '')} mode"
    many = f"; {processes} processes" if processes > 1 else ""
    _err(f"smartgraph serving {url}  (SPARQL endpoint {url}sparql, API docs {url}docs; "
         f"{'updates allowed with the token' if token else 'read-only'}; federation "
         f"{'to ' + ', '.join(services) if services else 'off'}{mode}{many}); Ctrl-C to stop")
    if snapshot and getattr(engine, "mode", "") == "direct":
        _err("warning: no snapshot of the store could be made (is its folder read-only?): serving it directly; "
             "smartgraph build refuses to write it while this server runs")
    if sock is not None:
        status = served.serve(spec, processes, sock)
        if status:
            raise typer.Exit(status)
        return
    try:
        served.run(spec, engine, host=host, port=port, catalog=catalog)
    finally:
        engine.close()


@app.command()
def load(
    endpoint: Annotated[str, typer.Option("--endpoint", metavar="URL", help="The triplestore's SPARQL query URL.")],
    update_endpoint: Annotated[str | None, typer.Option("--update-endpoint", metavar="URL", help="Its SPARQL Update URL [default: the query URL].")] = None,
    graph_store: Annotated[str | None, typer.Option("--graph-store", metavar="URL", help="Its Graph Store Protocol URL: graphs are then PUT whole.")] = None,
    store: StoreOpt = None,
    batch: Annotated[int, typer.Option("--batch", min=100, metavar="TRIPLES", help="Triples a request: small graphs go several to a request; "
                                       "larger ones in batches into a scratch graph, then MOVE.")] = 50_000,
    retries: Annotated[int, typer.Option("--retries", min=0, metavar="N", help="Retries of a transient failure (backoff 0.5 s, doubling).")] = 5,
    bulk: Annotated[bool, typer.Option("--bulk", help="Oxigraph server only, with --graph-store: graphs it does not hold yet go "
                                       "through its non-transactional bulk load (faster; after a failure they may be partly "
                                       "there until load runs again). Graphs it holds are still replaced atomically.")] = False,
    write_union: Annotated[bool, typer.Option("--write-union", help=(
        "Where the triplestore's default graph is not the union of its named graphs (Oxigraph server without "
        "--union-default-graph, Fuseki's default), make it so, in one update: the default graph then holds every named "
        "graph's triples, and triples found only in the default graph go.")
    )] = False,
    base_iri: BaseOpt = None,
) -> None:
    """Push the graph into a SPARQL 1.1 triplestore, each named graph replaced whole (small ones several to a
    request); then check every graph's triple count against the embedded store, and that the triplestore's
    default graph shows them (the canned queries read the default graph): exit 1 with the fix where it does not.

    Loading twice gives the same store; a failure leaves each graph old or new, never half (with --bulk, new
    graphs may be partly there until the next load). Credentials come from SMARTGRAPH_ENDPOINT_USER /
    SMARTGRAPH_ENDPOINT_PASSWORD (SMARTGRAPH_ENDPOINT_AUTH=digest for digest auth) or a netrc file.
    """
    from smartgraph import pipeline
    from smartgraph.sparql.remote import RemoteStore
    from smartgraph.sparql.store import open_store

    try:
        settings = _settings(store, base_iri)
        st = open_store(settings.store, read_only=True)
        remote = RemoteStore(endpoint, update_endpoint, graph_store, retries=retries)
        with _LoadProgress(len(st)) as progress:
            report = pipeline.load(st, remote, batch=batch, bulk=bulk, write_union=write_union, on_progress=progress.update)
        remote.close()
    except SmartgraphError as e:
        raise _fail(e) from None
    for name, local, there in report.mismatches:
        _err(f"error: graph <{name}> holds {there} triples there, {local} here")
    if not report.ok:
        _err("  how to fix: run smartgraph load again; if it persists, the store may be rewriting literals (check its log)")
        raise typer.Exit(1)
    typer.echo(f"loaded {report.graphs} graphs, {report.triples} triples into {endpoint} (base IRI {settings.base_iri}); "
               "every graph's count verified")
    if report.union_written:
        typer.echo("the default graph there was not the union of the named graphs: it is now (--write-union)")
    if report.union_default is False:
        _err(f"error: the default graph of {endpoint} is not the union of its named graphs, so the canned queries find "
             "nothing there\n  how to fix: start Oxigraph server with --union-default-graph (Fuseki: tdb2:unionDefaultGraph "
             "true on the dataset; GraphDB and Virtuoso show the union by default); or run smartgraph load again with "
             "--write-union; or query with smartgraph query NAME --endpoint URL --named-graphs")
        raise typer.Exit(1)


class _LoadProgress:
    """One bar for the whole load (graphs go several at a time, from several threads); a line per graph when not a terminal."""

    def __init__(self, total: int) -> None:
        import threading

        self._bar: Any = None
        self._total = total
        self._sent: dict[str, int] = {}
        self._graphs = 0
        self._lock = threading.Lock()

    def __enter__(self) -> _LoadProgress:
        if sys.stderr.isatty():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), transient=True)
            self._task = self._bar.add_task("loading triples", total=self._total)
            self._bar.start()
        return self

    def update(self, graph: str, sent: int, total: int) -> None:
        with self._lock:
            before = self._sent.get(graph, 0)
            self._sent[graph] = sent
            if sent == total:
                self._graphs += 1
            if self._bar is not None:
                self._bar.update(self._task, advance=sent - before, description=f"loading triples ({self._graphs} graphs done)")
            elif sent == total:
                _err(f"loaded <{graph}>: {total} triples")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


# ----------------------------------------------------------------------------- output


def _short(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri


def _value(cell: dict[str, str] | None) -> str:
    return "" if cell is None else cell.get("value", "")


def rows_text(n: int) -> str:
    """'1 row', '2 rows', '0 rows'."""
    return f"{n} row" if n == 1 else f"{n} rows"


def _labels(select: Any, iris: list[str], lang: str) -> dict[str, str]:
    """Labels of IRIs from the store, in ``lang`` if there is one (one query for up to 500 IRIs): the ranking the
    web page's /labels uses."""
    from smartgraph.server.pages import labels, labels_query

    out: dict[str, str] = {}
    for i in range(0, len(iris), 500):
        out.update(labels(select(labels_query(iris[i:i + 500], lang))["results"]["bindings"]))
    return out


def _table(results: dict[str, Any], *, wide: bool, lang: str, select: Any, base_iri: str = "") -> tuple[list[str], list[list[str]]]:
    """Columns and cells of the table view. By default a URI column X with a column XName beside it shows the
    name (and XName is not repeated), other IRIs show their label from the store or a short form (``sg:`` for
    the base IRI); ``wide`` keeps every column with full IRIs."""
    from smartgraph.server.pages import curie

    names: list[str] = results["head"]["vars"]
    rows: list[dict[str, Any]] = results["results"]["bindings"]
    if wide:
        return names, [[_value(r.get(n)) for n in names] for r in rows]
    named = {n for n in names if f"{n}Name" in names and any(r.get(n, {}).get("type") == "uri" for r in rows)}
    shown = [n for n in names if not (n.endswith("Name") and n[:-4] in named)]
    unlabelled = sorted({r[n]["value"] for r in rows for n in shown
                         if r.get(n, {}).get("type") == "uri" and not (n in named and f"{n}Name" in r)})
    labels = _labels(select, unlabelled, lang) if select and unlabelled else {}

    def cell(r: dict[str, Any], n: str) -> str:
        c = r.get(n)
        if c is None or c.get("type") != "uri":
            return _value(c)
        if n in named and f"{n}Name" in r:
            return str(r[f"{n}Name"]["value"])
        iri = str(c["value"])
        return labels.get(iri) or (f"sg:{iri[len(base_iri):]}" if base_iri and iri.startswith(base_iri) else curie(iri))

    return shown, [[cell(r, n) for n in shown] for r in rows]


def _print_results(results: dict[str, Any], fmt: str, *, wide: bool = False, bom: bool = False, lang: str = "zh-Hant",
                   select: Any = None, base_iri: str = "") -> None:
    from smartgraph.sparql.results import nt

    if fmt == "json":
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
        return
    if "boolean" in results:
        typer.echo(str(results["boolean"]).lower())
        return
    names = results["head"]["vars"]
    rows = results["results"]["bindings"]
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        if bom:
            buf.write("\ufeff")
        if fmt == "csv":
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(names)
            for r in rows:
                w.writerow([_value(r.get(n)) for n in names])
        else:
            buf.write("\t".join(f"?{n}" for n in names) + "\n")
            for r in rows:
                buf.write("\t".join(nt(r.get(n)) for n in names) + "\n")
        sys.stdout.flush()
        sys.stdout.buffer.write(buf.getvalue().encode("utf-8"))
        sys.stdout.flush()
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    columns, cells = _table(results, wide=wide, lang=lang, select=select, base_iri=base_iri)
    table = Table(show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for row in cells:
        table.add_row(*[escape(x) for x in row])
    Console(width=None if sys.stdout.isatty() else 160).print(table)
    typer.echo(rows_text(len(rows)), err=True)


class _Progress:
    """A progress bar on a terminal, plain lines otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.facts = 0
        self.violations = 0
        self._bar: Any = None

    def __enter__(self) -> _Progress:
        if self.tty and not self.quiet:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[info]}"), TimeRemainingColumn(), transient=True)
            self._bar.start()
            self._task = self._bar.add_task("build", total=None, info="")
        return self

    def update(self, done: int, total: int, result: Any) -> None:
        self.facts += result.facts
        self.violations += sum(1 for v in result.violations if v.severity == "Violation")
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=total,
                             info=f"{self.facts} facts, {self.violations} violations")
        elif not self.quiet:
            _err(f"[{done}/{total}] {result.path}: {result.status} ({result.facts} facts, {self.facts} in all, "
                 f"{self.violations} violations)")

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def main() -> None:
    app()

if __name__ == "__main__":
    main()
