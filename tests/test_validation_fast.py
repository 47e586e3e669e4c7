"""Validation's fast path (a document's lines indexed without a store, the shapes compiled into checks) gives
the report of the plain one: a fresh store holding the TBox and the document, every shape interpreted."""

from __future__ import annotations

import pytest

from smartgraph import documents, graph, shacl, validation
from smartgraph.errors import ResourceError
from smartgraph.extraction import extract

from .conftest import BASE, ROOT, seed_paths

DEV = ROOT.parent / "shared" / "eval" / "dev"


def _graphs() -> list[tuple[str, str]]:
    """(name, N-Triples) of every dev release (both languages) and every seed."""
    paths = sorted((DEV / "zh").glob("*.txt")) + sorted((DEV / "en").glob("*.txt")) + seed_paths()
    assert len(paths) > 40, f"the dev corpus is missing from {DEV}"
    return [(f"{p.parent.name}/{p.name}", graph.to_ntriples(extract(documents.read(p)), BASE)[0]) for p in paths]


@pytest.fixture(scope="module")
def graphs() -> list[tuple[str, str]]:
    return _graphs()


def test_the_fast_path_gives_the_reports_of_fresh_stores_on_the_dev_corpus_and_the_seeds(graphs: list[tuple[str, str]]) -> None:
    checker = validation.DocumentValidator()
    differ, slow = [], []
    for name, nt in graphs:
        fast = checker._validate_lines(nt)
        if fast is None:
            slow.append(name)
        elif fast != validation.validate_ntriples_fresh(nt):
            differ.append(name)
    assert not slow, f"the graph stage's N-Triples did not take the fast path: {slow[:5]}"
    assert not differ, f"the fast path's reports differ from a fresh store's: {differ[:5]}"
    reports = [validation.validate_ntriples_fresh(nt) for _, nt in graphs]
    assert sum(len(r.violations) for r in reports) >= 10  # the comparison saw results, not only empty reports


def test_the_plain_path_is_the_interpreter_on_a_fresh_store() -> None:
    """``validate_ntriples_fresh`` reads every shape the plain way, so the compiled checks are compared with it."""
    seen: list[bool] = []
    run = shacl.Validator.run

    def spy(self: shacl.Validator) -> list[shacl.Result]:
        seen.append(self.plain)
        return run(self)

    try:
        shacl.Validator.run = spy  # type: ignore[method-assign]
        validation.validate_ntriples_fresh("<urn:x:a> <urn:x:b> <urn:x:c> .\n")
    finally:
        shacl.Validator.run = run  # type: ignore[method-assign]
    assert seen == [True]


def _variants(nt: str) -> dict[str, str]:
    """The same graph written in ways the fast path leaves to the store (or reads as the same triples)."""
    lines = [line for line in nt.split("\n") if line]
    subject = lines[0].split(" ", 1)[0]
    return {
        "tabs": "\n".join(line.replace(" ", "\t", 1) for line in lines) + "\n",
        "a comment": "# a comment\n" + nt,
        "blank lines": "\n\n".join(lines) + "\n",
        "no last newline": "\n".join(lines),
        "a blank node": nt + f"{subject} <https://schema.org/about> _:b1 .\n_:b1 <https://schema.org/name> \"x\" .\n",
        "every triple written twice": nt + nt,
        "an escaped literal": nt + f'{subject} <https://schema.org/alternateName> "a\\u0041\\"\\n" .\n',
        "a literal as subject": nt + '"x" <https://schema.org/name> "y" .\n',
        "a language-tagged literal": nt + f'{subject} <https://schema.org/alternateName> "x"@zh-Hant .\n',
    }


def test_graphs_written_other_ways_give_the_reports_of_fresh_stores(graphs: list[tuple[str, str]]) -> None:
    checker = validation.DocumentValidator()
    name, nt = next((n, g) for n, g in graphs if not validation.validate_ntriples_fresh(g).conforms or "zh/" in n)
    differ = []
    for label, variant in _variants(nt).items():
        try:
            want: object = validation.validate_ntriples_fresh(variant)
        except ResourceError as e:
            want = type(e)
        try:
            got: object = checker.validate(variant)
        except ResourceError as e:
            got = type(e)
        if got != want:
            differ.append(label)
    assert not differ, f"{name}: {differ}"
    with pytest.raises(ResourceError, match="not valid N-Triples"):
        checker.validate(nt + '"x" <https://schema.org/name> "y" .\n')


def test_a_term_seen_in_an_earlier_document_is_read_in_its_place(graphs: list[tuple[str, str]]) -> None:
    """Terms are kept from one document to the next: a literal met as an object is not taken for a subject later."""
    checker = validation.DocumentValidator()
    _, nt = graphs[0]
    checker.validate(nt + '<urn:x:a> <urn:x:b> "kept" .\n')
    assert checker._validate_lines('"kept" <urn:x:b> <urn:x:c> .\n') is None
    with pytest.raises(ResourceError):
        checker.validate('"kept" <urn:x:b> <urn:x:c> .\n')
