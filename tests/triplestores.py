"""Real triplestores started on loopback for the load tests and the load benchmark.

- Oxigraph server: the ``oxigraph`` command of the PyPI package (the test extra installs it).
- OpenLink Virtuoso: Debian's ``virtuoso-opensource`` (``virtuoso-t``, ``isql-vt``; ``.ci/run`` installs it),
  run from a private ini in a temporary folder, SPARQL updates granted to the anonymous SPARQL user.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from smartgraph.sparql.remote import RemoteStore
from tests.server import free_port


def _wait(url: str, proc: subprocess.Popen[bytes], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode} before it answered")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer at {url} within {seconds:g} s")


class Triplestore:
    name = ""
    proc: subprocess.Popen[bytes]

    def __init__(self, location: Path) -> None:
        self.location = location
        self.start()

    def start(self) -> None:
        raise NotImplementedError

    def remote(self, **kw: object) -> RemoteStore:
        raise NotImplementedError

    @property
    def query_url(self) -> str:
        raise NotImplementedError

    def kill(self) -> None:
        """SIGKILL: no chance to flush or finish a request."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


class Oxigraph(Triplestore):
    """``union``: start it with --union-default-graph (its default graph then shows every named graph)."""

    name = "oxigraph"

    def __init__(self, location: Path, union: bool = True) -> None:
        self.union = union
        super().__init__(location)

    def start(self) -> None:
        exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
        if not exe:
            raise RuntimeError("the oxigraph server is needed: pip install oxigraph (the test extra installs it)")
        self.exe = exe
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen([exe, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
                                      *(["--union-default-graph"] if self.union else [])],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait(self.url + "/query", self.proc, "oxigraph serve")

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def remote(self, **kw: object) -> RemoteStore:
        return RemoteStore(self.url + "/query", self.url + "/update", **kw)  # type: ignore[arg-type]


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {d}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 300
"""


class Virtuoso(Triplestore):
    name = "virtuoso"

    def start(self) -> None:
        exe, self.isql_exe = shutil.which("virtuoso-t"), shutil.which("isql-vt")
        if not exe or not self.isql_exe:
            raise RuntimeError("Virtuoso is needed: apt-get install virtuoso-opensource (.ci/run installs it)")
        self.location.mkdir(parents=True, exist_ok=True)
        first = not (self.location / "virtuoso.db").exists()
        self.sql_port, self.http_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        ini = self.location / "virtuoso.ini"
        ini.write_text(VIRTUOSO_INI.format(d=self.location, sql_port=self.sql_port, http_port=self.http_port), encoding="utf-8")
        self.proc = subprocess.Popen([exe, "+configfile", str(ini), "+foreground"], cwd=self.location,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait(self.query_url, self.proc, "virtuoso-t", seconds=120)
        if first:
            self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')

    def isql(self, sql: str) -> str:
        assert self.isql_exe
        p = subprocess.run([self.isql_exe, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"],
                           capture_output=True, text=True, timeout=3600)
        if p.returncode != 0 or "*** Error" in p.stdout + p.stderr:
            raise RuntimeError(f"isql-vt {sql!r} failed: {p.stdout[-500:]} {p.stderr[-500:]}")
        return p.stdout

    @property
    def query_url(self) -> str:
        return self.url + "/sparql"

    def remote(self, **kw: object) -> RemoteStore:
        return RemoteStore(self.url + "/sparql", **kw)  # type: ignore[arg-type]


STORES: dict[str, type[Triplestore]] = {"oxigraph": Oxigraph, "virtuoso": Virtuoso}
