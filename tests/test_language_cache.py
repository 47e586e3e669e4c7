"""The language of a release, its Han characters' scripts kept from one document to the next (documents._SCRIPTS):
the language found by converting the document's own characters at once, whatever was read before."""

from __future__ import annotations

import re
from collections import Counter

import opencc
import pytest

from smartgraph import documents

from .conftest import ROOT, seed_paths

DEV = ROOT.parent / "shared" / "eval" / "dev"
SIMPLIFIED = "北九州市长首访高雄，与高雄市长陈其迈签署城市合作协定，两市将加强经济与观光交流。"


def _alone(text: str) -> str:
    """The language by the document's characters alone, converted at once (no characters kept)."""
    han = "".join(re.findall("[\u3400-\u9fff\uf900-\ufaff]+", text))
    latin = sum(map(len, re.findall("[A-Za-z]+", text)))
    if not han or len(han) < 0.2 * (len(han) + latin):
        return "en" if latin or not han else "zh-Hant"
    chars = sorted(set(han))
    to_simp = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    to_trad = opencc.OpenCC("s2t").convert("\n".join(chars)).split("\n")
    count = Counter(han)
    trad_only = sum(count[c] for c, s in zip(chars, to_simp, strict=True) if s != c)
    simp_only = sum(count[c] for c, t in zip(chars, to_trad, strict=True) if t != c)
    return "zh-Hans" if simp_only > trad_only else "zh-Hant"


def _texts() -> list[str]:
    paths = sorted((DEV / "zh").glob("*")) + sorted((DEV / "en").glob("*"))
    assert len(paths) > 40, f"the development corpus is missing from {DEV}"
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths + seed_paths()]
    return [*texts, SIMPLIFIED, SIMPLIFIED + texts[0], "臺北" + SIMPLIFIED]


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_kept_scripts_give_the_language_of_the_document_alone(order: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "_SCRIPTS", {})
    texts = _texts() if order == "forward" else _texts()[::-1]
    got = [documents.detect_language(t) for t in texts]
    assert got == [_alone(t) for t in texts]
    assert {"zh-Hans", "zh-Hant", "en"} <= set(got)
    assert len(documents._SCRIPTS) > 500  # the characters were kept


def test_a_full_table_is_read_but_not_added_to(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "_SCRIPTS", {})
    monkeypatch.setattr(documents, "SCRIPTS_KEPT", 3)
    assert documents.detect_language("臺北市政府今日舉行記者會") == "zh-Hant"
    kept = dict(documents._SCRIPTS)
    assert len(kept) > 3
    assert documents.detect_language(SIMPLIFIED) == "zh-Hans" and kept == documents._SCRIPTS

