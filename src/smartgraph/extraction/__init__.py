"""Extraction: a Document in, its Facts out. Plain Python: no RDF here.

Three stages, each testable alone:

1. ``recognise`` (text to mentions): dates, countries and places, post titles, cue words,
   events, agreement words, people; a mention never states a fact;
2. ``resolve`` (mentions to entities): the home city, the publisher, people by coreference
   sieves, the organisation each affiliation names, events by name;
3. ``relate`` (entities to facts): posts, events with dates, statements, participation,
   agreements, sister-city ties; the one module that writes ``Facts``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from smartgraph.extraction import recognise, relate, resolve
from smartgraph.extraction.text import make_text
from smartgraph.model import Document, Facts

__all__ = ["extract", "recognise", "relate", "resolve"]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while one document is read.

    A long document makes hundreds of thousands of small mentions at once; the collector would walk
    all of them again and again as they pile up (a third of the time for a megabyte). Nothing they
    form outlives the document, and the collector runs as before once it is done.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def extract(doc: Document) -> Facts:
    """Every fact of one document: its text recognised, resolved and related."""
    with _collector_paused():
        return relate.relate(resolve.resolve(recognise.recognise(make_text(doc))))
