"""The command line end to end, with typer's runner and a real embedded store."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smartgraph.cli import app

from .conftest import ROOT

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


def count(store: Path) -> int:
    from smartgraph.store import open_store

    st = open_store(store, read_only=True)
    return int(st.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")["results"]["bindings"][0]["n"]["value"])


def test_build_validate_query(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "st"
    code, out, err = run("build", str(corpus), "--store", str(store))
    assert code == 0, err
    assert "2 stored" in out and "[2/2]" in err
    code, out, _ = run("validate", "--store", str(store))
    assert code == 0 and "conforms" in out
    code, out, _ = run("query", "officials", "--store", str(store), "--format", "json", "--param", "lang=en")
    res = json.loads(out)
    assert code == 0 and {"personName", "postName"} <= set(res["head"]["vars"])
    assert any(b["personName"]["value"] == "Zdeněk Hřib" for b in res["results"]["bindings"])
    code, out, _ = run("query", "sister-cities", "--store", str(store), "--format", "csv")
    assert out.splitlines()[0] == "city,cityName,partner,partnerName" and len(out.splitlines()) == 3


def test_rebuild_skips_unchanged_and_never_duplicates(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "st"
    assert run("build", str(corpus), "--store", str(store))[0] == 0
    n = count(store)
    code, out, _ = run("build", str(corpus), "--store", str(store))
    assert code == 0 and "2 unchanged" in out and count(store) == n
    code, out, _ = run("build", str(corpus), "--store", str(store), "--force")
    assert code == 0 and "2 stored" in out and count(store) == n
    # a changed document replaces its own graph
    path = sorted(corpus.glob("*.txt"))[1]
    path.write_text(path.read_text(encoding="utf-8").replace("林欽榮進一步表示", "林欽榮進一步說明"), encoding="utf-8")
    code, out, _ = run("build", str(corpus), "--store", str(store))
    assert code == 0 and "1 stored, 1 unchanged" in out


def test_a_bad_document_loses_nothing(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "st"
    assert run("build", str(corpus), "--store", str(store))[0] == 0
    n = count(store)
    (corpus / "zz-empty.txt").write_bytes(b"")
    (corpus / "zz-binary.txt").write_bytes(bytes(range(256)) * 4)
    code, _, err = run("build", str(corpus), "--store", str(store))
    assert code == 1
    assert "zz-empty.txt: the file is empty" in err and "zz-binary.txt" in err
    assert count(store) == n
    # a seed turned to garbage keeps its previous graph
    victim = sorted(corpus.glob("0*.txt"))[0]
    victim.write_bytes(b"\x00\x01" * 100)
    code, _, err = run("build", str(corpus), "--store", str(store))
    assert code == 1 and victim.name in err and count(store) == n


def test_export_is_byte_identical(corpus: Path, tmp_path: Path) -> None:
    outs = []
    for n in (1, 2):
        store = tmp_path / f"st{n}"
        assert run("build", str(corpus), "--store", str(store))[0] == 0
        out = tmp_path / f"g{n}.ttl"
        assert run("export", "--store", str(store), "--format", "ttl", "--out", str(out))[0] == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 10_000
    assert b'"@zh-Hant' in outs[0] or b"@zh-Hant" in outs[0]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = run("query", "no-such-query", "--store", str(tmp_path))
    assert code == 2 and "smartgraph queries" in err
    code, _, err = run("query", "events", "--param", "year=twenty", "--store", str(tmp_path))
    assert code == 2 and "not an integer" in err
    code, _, err = run("query", "events", "--store", str(tmp_path / "none"))
    assert code == 3 and "smartgraph build" in err
    code, _, err = run("build", str(tmp_path / "missing"), "--store", str(tmp_path / "st"))
    assert code == 2 and "no such file or folder" in err


@pytest.mark.parametrize("command", ["", "build", "validate", "queries", "query", "export"])
def test_help_for_every_command(command: str) -> None:
    args = [sys.executable, "-m", "smartgraph.cli", *([command] if command else []), "--help"]
    r = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and "Usage" in r.stdout


def test_queries_lists_the_catalogue() -> None:
    code, out, _ = run("queries")
    assert code == 0 and "sister-cities" in out and "provenance" in out
