"""The command line end to end, with typer's runner and a real embedded store."""

import json
import os
import re
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
    from smartgraph.sparql.store import open_store

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
    # a file that cannot be read is named and left out, the rest still builds, and the exit status says so
    code, out, err = run("build", str(corpus), "--store", str(store))
    assert code == 1
    assert "zz-empty.txt: the file is empty" in err and "zz-binary.txt" in err and "2 unreadable" in out
    assert count(store) == n
    # a seed turned to garbage keeps its previous graph
    victim = sorted(corpus.glob("0*.txt"))[0]
    victim.write_bytes(b"\x00\x01" * 100)
    code, _, err = run("build", str(corpus), "--store", str(store))
    assert code == 1 and victim.name in err and count(store) == n
    # nothing readable at all: exit 1 without --strict too
    for other in corpus.glob("*.txt"):
        if other != victim:
            other.unlink()
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


# --------------------------------------------------------------------------- issue 17: a command line without rough edges

DAEGU = "https://w3id.org/smartgraph/id/place/gn-1835329"
CZ = "https://w3id.org/smartgraph/id/country/cz"


def help_text(*command: str) -> str:
    r = subprocess.run([sys.executable, "-m", "smartgraph.cli", *command, "--help"], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "COLUMNS": "100"})
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.mark.parametrize("command", ["query", "validate", "export", "describe", "serve", "build"])
def test_help_keeps_its_brackets_and_shows_real_types(command: str) -> None:
    text = help_text(command)
    assert "[env SMARTGRAPH_STORE; default .smartgraph/store]" in " ".join(text.split())
    assert "<bool>" not in text and "--help" in text
    # each option's own column (before its help) names what it takes: PATH, N, URL, not <int range> or <list[str]>
    heads = [m.group(1) for ln in text.splitlines() if (m := re.match(r"\s+(-\S.*?)(?:\s{2,}|$)", ln))]
    assert heads and not [h for h in heads if "<" in h], heads
    assert "[env var:" not in text  # one note a variable, in the help's own words, not Click's second one
    if command == "serve":
        flat = " ".join(text.split())
        for var in ("WORKERS", "ADHOC_WORKERS", "TIMEOUT", "MAX_ROWS", "MAX_BODY", "MAX_QUERY_LENGTH", "PER_CLIENT", "PER_CLIENT_PAGES",
                    "ALLOW_SERVICE"):
            assert len(re.findall(rf"\[env SMARTGRAPH_{var}[;,]", flat)) == 1, var
    if command in ("export", "describe"):
        assert "turtle (ttl), ntriples (nt), nquads (nq), trig, jsonld (json-ld), rdfxml (xml, rdf)" in " ".join(text.split())


def test_shell_completion_is_offered() -> None:
    assert "--install-completion" in help_text() and "--show-completion" in help_text()
    script = str(Path(sys.executable).parent / "smartgraph")  # the console script: completion keys on its name
    r = subprocess.run([script], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "_SMARTGRAPH_COMPLETE": "complete_bash", "COMP_WORDS": "smartgraph que", "COMP_CWORD": "1"})
    assert set(r.stdout.split()) == {"queries", "query"}, r.stdout + r.stderr
    r = subprocess.run([script, "--show-completion", "bash"], capture_output=True, text=True, cwd=ROOT)
    assert "_smartgraph_completion()" in r.stdout


@pytest.mark.parametrize("name,alias", [("turtle", "ttl"), ("ntriples", "nt"), ("nquads", "nq"), ("trig", "TriG"),
                                        ("jsonld", "json-ld"), ("rdfxml", "xml")])
def test_one_set_of_format_names_with_short_aliases(built_store: Path, name: str, alias: str) -> None:
    code, by_name, err = run("export", "--store", str(built_store), "--format", name)
    assert code == 0, err
    assert run("export", "--store", str(built_store), "--format", alias)[1] == by_name
    code, desc, err = run("describe", "--store", str(built_store), "--format", name)
    assert code == 0, err
    assert run("describe", "--store", str(built_store), "--format", alias)[1] == desc
    from rdflib import Dataset

    parsed = Dataset().parse(data=desc, format={"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
                                                 "jsonld": "json-ld", "rdfxml": "xml"}[name])
    assert len(parsed) > 0 or sum(1 for _ in parsed.quads()) > 100


def test_unknown_format_names_the_choices(built_store: Path) -> None:
    for command in ("export", "describe"):
        code, _, err = run(command, "--store", str(built_store), "--format", "n3")
        assert code == 2 and "unknown format 'n3'" in err and "turtle (ttl)" in err and "rdfxml" in err


def _column(text: str, name: str) -> str:
    """One column of a Rich table, its cells' lines joined: what was folded over several lines reads whole again."""
    lines = text.splitlines()
    header = next(ln for ln in lines if "┃" in ln).split("┃")[1:-1]
    j = [h.strip() for h in header].index(name)
    return "".join(ln.split("│")[1:-1][j].strip() for ln in lines if ln.startswith("│"))


def test_table_shows_labels_wraps_and_wide_shows_iris(built_store: Path) -> None:
    code, out, err = run("query", "officials", "--store", str(built_store), "-p", f"country={CZ}", "-p", "lang=en")
    assert code == 0 and err.strip().endswith("3 rows")
    assert "Zdeněk Hřib" in out and "Prague" in out and "https://" not in out and "…" not in out
    code, wide, _ = run("query", "officials", "--store", str(built_store), "-p", f"country={CZ}", "-p", "lang=en", "--wide")
    assert code == 0 and "…" not in wide
    assert _column(wide, "country") == CZ * 3 and "Zdeněk Hřib" in _column(wide, "personName")
    # an IRI column without a name beside it shows the IRI's label from the store
    code, out, _ = run("query", "statements", "--store", str(built_store), "-p", "lang=en")
    assert code == 0 and "https://" not in _column(out, "statement") and _column(out, "statement")


def test_one_row_is_one_row(built_store: Path) -> None:
    code, out, _ = run("query", "documents", "--store", str(built_store), "--format", "json")
    per_document: dict[str, int] = {}
    for row in json.loads(out)["results"]["bindings"]:
        per_document[row["document"]["value"]] = per_document.get(row["document"]["value"], 0) + 1
    single = [d for d, n in per_document.items() if n == 1]
    assert single, per_document  # a release with one contact person: one row
    code, _, err = run("query", "documents", "--store", str(built_store), "-p", f"document={single[0]}")
    assert code == 0 and err.strip().splitlines()[-1] == "1 row"
    code, _, err = run("query", "documents", "--store", str(built_store))
    assert code == 0 and err.strip().splitlines()[-1] == f"{sum(per_document.values())} rows"


def test_csv_with_a_bom_for_excel(built_store: Path) -> None:
    r = runner.invoke(app, ["query", "sister-cities", "--store", str(built_store), "--format", "csv", "--bom"])
    assert r.exit_code == 0 and r.stdout_bytes.startswith(b"\xef\xbb\xbfcity,cityName")
    assert "大邱".encode() in r.stdout_bytes
    plain = runner.invoke(app, ["query", "sister-cities", "--store", str(built_store), "--format", "csv"])
    assert plain.stdout_bytes.startswith(b"city,") and plain.stdout_bytes == r.stdout_bytes[3:]
    code, _, err = run("query", "sister-cities", "--store", str(built_store), "--bom")
    assert code == 2 and "--format csv" in err


def test_language_tags_are_spelled_zh_hant_as_the_server_does(built_store: Path) -> None:
    code, out, _ = run("query", "officials", "--store", str(built_store), "--format", "json")
    tags = {c["xml:lang"] for row in json.loads(out)["results"]["bindings"] for c in row.values() if "xml:lang" in c}
    assert code == 0 and "zh-Hant" in tags and "zh-hant" not in tags


@pytest.mark.parametrize("command", [["query", "events"], ["validate"], ["export"], ["describe"]])
def test_missing_or_empty_store_says_what_to_do(command: list[str], tmp_path: Path) -> None:
    code, out, err = run(*command, "--store", str(tmp_path / "nowhere"))
    assert code == 3 and "no store at" in err and "smartgraph build" in err and "conforms" not in out
    from smartgraph.sparql.store import open_store

    open_store(tmp_path / "st").close()  # a store made, with nothing built into it
    code, out, err = run(*command, "--store", str(tmp_path / "st"))
    assert code == 3 and "holds no press releases" in err and "smartgraph build" in err
    assert "conforms" not in out and "rows" not in err


def test_a_file_over_the_size_limit_is_refused_unread(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "st"
    big = corpus / "zz-big.txt"
    big.write_text("發布機關:臺北市政府資訊局\n發布日期:107-03-28\n\n標題\n\n" + "臺北市長出席論壇。" * 40_000 + "\n", encoding="utf-8")
    code, out, err = run("build", str(corpus), "--store", str(store), "--max-document-size", "500kB")
    assert code == 1, err
    assert "zz-big.txt: is 1.08 MB, more than the 500 kB a document may have" in err
    assert "--max-document-size" in err and "SMARTGRAPH_MAX_DOCUMENT_SIZE" in err
    assert "2 stored" in out  # the others still build
    r = runner.invoke(app, ["build", str(big), "--store", str(store)], env={"SMARTGRAPH_MAX_DOCUMENT_SIZE": "1MB"})
    assert r.exit_code == 1 and "more than the 1 MB" in r.stderr
    code, out, err = run("build", str(big), "--store", str(store), "--max-document-size", "2MiB")
    assert code == 0 and "1 stored" in out, err
    code, _, err = run("build", str(big), "--store", str(store), "--max-document-size", "lots")
    assert code == 2 and "'lots' is not a size" in err


def test_build_materialises_the_canned_queries_rows_unless_told_not_to(corpus: Path, tmp_path: Path) -> None:
    from smartgraph import summaries
    from smartgraph.sparql.store import EmbeddedStore

    def fresh(store: Path) -> bool:
        st = EmbeddedStore(store, read_only=True)
        try:
            return summaries.fresh(st)
        finally:
            st.close()

    plain, full = tmp_path / "plain", tmp_path / "full"
    assert run("build", str(corpus), "--store", str(plain), "-q", "--materialise", "never")[0] == 0
    assert not fresh(plain)
    assert run("build", str(corpus), "--store", str(full), "-q")[0] == 0
    assert fresh(full)


def test_auto_materialises_a_new_store_and_a_large_change_whole_and_a_small_one_where_it_changed(tmp_path: Path) -> None:
    from smartgraph import pipeline, summaries
    from smartgraph.config import Settings
    from smartgraph.sparql.store import EmbeddedStore

    src = ROOT / "data" / "press-releases"
    folder = tmp_path / "in"
    folder.mkdir()
    seed = sorted(src.glob("*.txt"))[0].read_text(encoding="utf-8")
    for i in range(30):  # 30 releases: one changed is 3 %, under the 5 % that refreshes whole under auto
        (folder / f"r{i:02d}.txt").write_text(seed + f"\n附註{i}\n", encoding="utf-8")
    st = EmbeddedStore(tmp_path / "store")
    try:
        report = pipeline.build([folder], st, Settings())  # a new store: materialised whole
        assert report.summaries is not None and report.summaries.whole and summaries.fresh(st)
        (folder / "r00.txt").write_text(seed + "\n附註 changed\n", encoding="utf-8")
        report = pipeline.build([folder], st, Settings())
        assert report.count("stored") == 1 and report.summaries is not None and not report.summaries.whole
        assert summaries.fresh(st)
        for i in (1, 2):  # 2 of 30: whole
            (folder / f"r{i:02d}.txt").write_text(seed + f"\n附註 changed {i}\n", encoding="utf-8")
        report = pipeline.build([folder], st, Settings())
        assert report.count("stored") == 2 and report.summaries is not None and report.summaries.whole
        report = pipeline.build([folder], st, Settings(), materialise="never")
        assert report.summaries is None and summaries.fresh(st)  # nothing changed: fresh still
    finally:
        st.close()
