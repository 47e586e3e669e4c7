"""What a build reads: press releases in text and HTML, not READMEs, images or JSON; --glob; a folder with no release."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from smartgraph import documents
from smartgraph.cli import app

from .conftest import seed_paths

HTML = Path(__file__).parent / "data" / "html"
runner = CliRunner()


def mixed(tmp_path: Path) -> Path:
    d = tmp_path / "mixed"
    (d / "en").mkdir(parents=True)
    shutil.copy(seed_paths()[0], d / "zh-release.txt")
    shutil.copy(HTML / "text" / "kaohsiung-bremen.txt", d / "en" / "kaohsiung-bremen.txt")
    shutil.copy(HTML / "pages" / "tainan-mitte.html", d / "tainan-mitte.html")
    (d / "README.md").write_text("# Releases\nSaved from the portals.\n", encoding="utf-8")
    (d / "README.txt").write_text("Saved from the portals.\n", encoding="utf-8")
    (d / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    (d / "meta.json").write_text("{}", encoding="utf-8")
    (d / ".DS_Store").write_bytes(b"\x00\x01")
    return d


def test_a_mixed_folder_builds_with_one_line_per_skipped_file(tmp_path: Path) -> None:
    d = mixed(tmp_path)
    r = runner.invoke(app, ["build", str(d), "--store", str(tmp_path / "st")])
    assert r.exit_code == 0, r.stderr
    assert "3 documents: 3 stored" in r.stdout
    skipped = [ln for ln in r.stderr.splitlines() if ln.startswith("skipped:")]
    assert sorted(ln.split(":")[1].strip().rsplit("/", 1)[-1] for ln in skipped) == ["README.md", "README.txt", "meta.json", "photo.jpg"]
    assert any("an image, not a press release" in ln for ln in skipped)
    assert ".DS_Store" not in r.stderr


def test_glob_chooses_what_a_folder_contributes(tmp_path: Path) -> None:
    d = mixed(tmp_path)
    r = runner.invoke(app, ["build", str(d), "--glob", "en/*.txt", "--glob", "*.html", "--store", str(tmp_path / "st")])
    assert r.exit_code == 0, r.stderr
    assert "2 documents: 2 stored" in r.stdout and "skipped:" not in r.stderr
    assert [p.name for p in documents.iter_inputs([d], ["*.txt"])] == ["README.txt", "kaohsiung-bremen.txt", "zh-release.txt"]


def test_a_folder_with_no_release_is_an_error_that_says_what_it_looked_for(tmp_path: Path) -> None:
    d = tmp_path / "empty"
    d.mkdir()
    (d / "notes.md").write_text("notes", encoding="utf-8")
    store = tmp_path / "st"
    r = runner.invoke(app, ["build", str(d), "--store", str(store)])
    assert r.exit_code == 2
    assert str(d) in r.stderr and "holds no press release" in r.stderr and "*.txt" in r.stderr and "*.html" in r.stderr
    assert "how to fix" in r.stderr
    assert not store.exists()
    r = runner.invoke(app, ["build", str(d), "--glob", "*.docx", "--store", str(store)])
    assert r.exit_code == 2 and "files matching *.docx" in r.stderr


def test_a_named_file_that_is_not_a_release_is_skipped(tmp_path: Path) -> None:
    d = mixed(tmp_path)
    r = runner.invoke(app, ["build", str(d / "zh-release.txt"), str(d / "README.md"), "--store", str(tmp_path / "st")])
    assert r.exit_code == 0 and "1 documents: 1 stored" in r.stdout
    assert "skipped:" in r.stderr and "README.md" in r.stderr
    r = runner.invoke(app, ["build", str(d / "README.md"), "--store", str(tmp_path / "st2")])
    assert r.exit_code == 2 and "every file named was skipped" in r.stderr
