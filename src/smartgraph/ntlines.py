"""A document's N-Triples as the graph stage writes them, one ``<s> <p> o .`` a line, split into lines and terms once
for the stages after it: the validation indexes them, the spans' rows and the store's new graph read them (each had
split the text again: three times a release). The graph stage gives them as it writes them (``graph.to_lines``)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lines:
    """``text``'s lines (each with its LF) and, for each, the parts before its first space (the subject), between its
    first two spaces (the predicate) and after them (the object, without the `` .`` that ends the line)."""

    text: str
    lines: list[str]
    subjects: tuple[str, ...]
    predicates: tuple[str, ...]
    objects: tuple[str, ...]

    def cut(self, start: int) -> Lines:
        """The same lines but the one that begins at offset ``start`` of ``text``."""
        i = self.text.count("\n", 0, start)
        end = start + len(self.lines[i])
        return Lines(self.text[:start] + self.text[end:], self.lines[:i] + self.lines[i + 1:], self.subjects[:i] + self.subjects[i + 1:],
                     self.predicates[:i] + self.predicates[i + 1:], self.objects[:i] + self.objects[i + 1:])


def split(nt: str) -> Lines | None:
    """``nt``'s lines and terms; None unless every line (LF ends one: N-Triples escapes it in literals, not U+2028)
    ends in `` .`` and has three parts, then the text is for a parser to read."""
    if nt[-1:] != "\n":
        return None
    lines = nt[:-1].split("\n")
    if nt.count(" .\n") != len(lines):
        return None
    try:
        subjects, predicates, objects = zip(*[line.split(" ", 2) for line in lines], strict=True)
    except ValueError:  # a line of fewer than three parts
        return None
    return Lines(nt, [f"{line}\n" for line in lines], subjects, predicates, tuple(o[:-2] for o in objects))
