from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartgraph import documents
from smartgraph.config import Settings
from smartgraph.extraction import extract
from smartgraph.model import Facts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "press-releases"
BASE = "https://w3id.org/smartgraph/id/"


def seed_paths() -> list[Path]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths, "data/press-releases holds no seed press releases"
    return paths


@pytest.fixture(scope="session")
def summit_facts() -> Facts:
    """The 2021 summit release."""
    return extract(documents.read(seed_paths()[0]))


@pytest.fixture(scope="session")
def declaration_facts() -> Facts:
    """The 2016 Taipei Declaration release."""
    return extract(documents.read(seed_paths()[1]))


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into an embedded store, once for the session."""
    from smartgraph import pipeline
    from smartgraph.sparql.store import open_store

    path = tmp_path_factory.mktemp("store") / "store"
    st = open_store(path)
    report = pipeline.build([SEEDS], st, Settings(store=path))
    st.close()
    assert report.ok and report.count("stored") == len(seed_paths())
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the seeds."""
    d = tmp_path / "corpus"
    shutil.copytree(SEEDS, d)
    return d
