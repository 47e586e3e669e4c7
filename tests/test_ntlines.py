"""A document's N-Triples split once (smartgraph.ntlines) for the validation, the spans' rows and the new graph: each
gives what it gives from the text."""

from __future__ import annotations

import pytest

from smartgraph import documents, graph, ntlines, validation
from smartgraph.extraction import extract
from smartgraph.pipeline import new_graph
from smartgraph.sparql import spans
from smartgraph.vocab import SCD

from .conftest import BASE, ROOT, seed_paths
from .test_spans import _AWKWARD

DEV = ROOT.parent / "shared" / "eval" / "dev"


@pytest.fixture(scope="module")
def seed_graphs() -> list[str]:
    return [graph.to_ntriples(extract(documents.read(p)), BASE)[0] for p in seed_paths()]


def test_the_split_gives_back_every_line_and_its_three_parts(seed_graphs: list[str]) -> None:
    for nt in seed_graphs:
        lines = ntlines.split(nt)
        assert lines is not None and lines.text is nt
        assert "".join(lines.lines) == nt
        assert [f"{s} {p} {o} .\n" for s, p, o in zip(lines.subjects, lines.predicates, lines.objects, strict=True)] == lines.lines
        assert all(p.startswith("<") and not o.endswith(" .") for p, o in zip(lines.predicates, lines.objects, strict=True))


def test_the_graph_stage_gives_the_lines_and_terms_of_its_text() -> None:
    """``graph.to_lines`` gives what splitting its text gives (the stages after it read either)."""
    paths = [*seed_paths(), *sorted(DEV.glob("*/*"))]
    assert len(paths) > 40
    for p in paths:
        written = graph.to_lines(extract(documents.read(p)), BASE)
        assert written == ntlines.split(written.text), p.name
        assert (written.text, len(written.lines)) == graph.to_ntriples(extract(documents.read(p)), BASE)


@pytest.mark.parametrize("nt", ["", "<a> <b> <c> .", "<a> <b> <c>\n", "<a> .\n", "<a> <b> <c> .\n<a>\n",
                                "<a> <b> <c> .\n\n"])
def test_text_written_another_way_is_not_split(nt: str) -> None:
    assert ntlines.split(nt) is None


def test_cutting_a_line_cuts_it_from_the_text_and_every_column() -> None:
    nt = "<a> <p> <b> .\n<c> <q> \"x y\" .\n<d> <r> <e> .\n"
    lines = ntlines.split(nt)
    assert lines is not None
    for i, start in enumerate((0, nt.index("<c>"), nt.index("<d>"))):
        cut = lines.cut(start)
        rest = nt.split("\n")[:-1]
        del rest[i]
        assert cut == ntlines.split("".join(f"{ln}\n" for ln in rest))
        assert len(cut.lines) == 2 and cut.text == "".join(cut.lines)


def test_validation_spans_and_new_graph_give_from_the_split_what_they_give_from_the_text(seed_graphs: list[str]) -> None:
    union_text: set[str] = set()
    union_lines: set[str] = set()
    rows = 0
    for nt in seed_graphs:
        lines = ntlines.split(nt)
        assert lines is not None and f"<{SCD.sha256}>" in lines.predicates
        assert validation.validate_ntriples(nt, lines) == validation.validate_ntriples(nt)
        assert spans.nquads_of_lines("http://x/g", lines) == spans.nquads_of("http://x/g", nt)
        rows += spans.nquads_of("http://x/g", nt).count("\n")
        # the union remembers up to 300 lines in all: both ways stop at the same line
        assert new_graph("http://x/g", nt, union_lines, 300, lines) == new_graph("http://x/g", nt, union_text, 300)
        assert union_lines == union_text
    assert rows > 10 and len(union_text) >= 300


@pytest.mark.parametrize("extra", ["", '<http://x/d/s/q> <http://www.w3.org/ns/oa#exact> "caf\\u00E9" .\n',
                                   "_:b <http://www.w3.org/ns/oa#hasSource> <http://x/d> .\n"])
def test_span_rows_of_awkward_terms_from_the_split_are_those_from_the_text(extra: str) -> None:
    """Escapes, language tags and datatypes read as text; a \\u escape or a blank node has pyoxigraph parse the text."""
    nt = _AWKWARD + extra
    lines = ntlines.split(nt)
    assert lines is not None
    assert spans.nquads_of_lines("http://x/g", lines) == spans.nquads_of("http://x/g", nt)
    assert spans.nquads_of("http://x/g", nt).count(f"<{spans.QUOTED}>") >= 4
