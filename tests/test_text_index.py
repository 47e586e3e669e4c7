"""The position indexes and text helpers that keep extraction linear, checked against the plain scans they replace."""

import inspect
import random
from typing import Any

import pytest

from smartgraph.documents import parse
from smartgraph.extraction import lexicon
from smartgraph.extraction.lexicon import Matcher
from smartgraph.extraction.text import MAX_SENTENCE, Ranges, clause_end, clause_start, fold, lower, make_text


def _intervals(rng: random.Random, n: int) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        a = rng.randrange(0, 500)
        out.append((a, a + rng.randrange(0, 30)))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_ranges_answer_as_the_scans_do(seed: int) -> None:
    rng = random.Random(seed)
    items = _intervals(rng, 200)
    r = Ranges(items, lambda x: x[0], lambda x: x[1])
    assert len(r) == 200
    for _ in range(300):
        a = rng.randrange(-10, 520)
        b = a + rng.randrange(0, 60)
        assert r.starting(a, b) == sorted((x for x in items if a <= x[0] < b), key=lambda x: x[0])
        assert sorted(r.overlapping(a, b)) == sorted(x for x in items if x[0] < b and a < x[1])
        assert sorted(r.ending(a, b)) == sorted(x for x in items if a < x[1] <= b)


def test_ranges_keep_text_order_and_equal_starts_in_given_order() -> None:
    items = [(5, 9, "b"), (1, 2, "a"), (5, 6, "c")]
    r = Ranges(items, lambda x: x[0], lambda x: x[1])
    assert [x[2] for x in r.starting(0, 10)] == ["a", "b", "c"]
    assert Ranges([], lambda x: 0, lambda x: 0).overlapping(0, 10) == []


@pytest.mark.parametrize("seed", range(3))
def test_clause_bounds_answer_as_the_scans_do(seed: int) -> None:
    rng = random.Random(seed)
    t = "".join(rng.choice("甲乙丙，,；;。") for _ in range(300))
    marks = "，,；;"
    for _ in range(200):
        lo = rng.randrange(0, 150)
        pos = lo + rng.randrange(0, 100)
        hi = pos + rng.randrange(0, 50)
        assert clause_start(t, lo, pos, marks) == max([lo] + [i + 1 for i in range(lo, pos) if t[i] in marks])
        assert clause_end(t, pos, hi, marks) == min([hi] + [i for i in range(pos, hi) if t[i] in marks])


def test_a_text_without_full_stops_is_cut_into_sentences_after_clause_marks() -> None:
    body = "臺北市長出席論壇，" * 2000  # 18,000 characters and no full stop
    text = make_text(parse(f"發布機關:臺北市政府資訊局\n發布日期:107-03-28\n\n標題\n\n{body}\n", "long.txt"))
    long = [s for s in text.sentences if text.units[s.unit].kind == "paragraph"]
    assert len(long) > 18_000 // MAX_SENTENCE
    assert all(s.end - s.start <= MAX_SENTENCE for s in long)
    assert all(text.raw[s.end - 1] == "，" for s in long[:-1])  # cut after a clause mark, not inside a word
    assert long[0].start == text.raw.index("臺北") and long[-1].end == len(text.raw.rstrip())


def test_folding_keeps_length_and_maps_variants() -> None:
    s = "臺北市長（ＡＢＣ）・“台灣”İ"
    assert len(fold(s)) == len(s) and len(lower(s)) == len(s)
    assert fold("臺北") == fold("台北") and fold("ＡＢＣ") == "ABC"


def test_a_matcher_window_finds_what_the_whole_text_has_there() -> None:
    m = Matcher([("市長", "mayor"), ("副市長", "deputy"), ("論壇", "forum")])
    text = fold("臺北市副市長出席論壇，市長致詞") * 50
    whole = m.all(text)
    for a in range(0, len(text), 7):
        b = min(len(text), a + 40)
        assert m.all(text, a, b) == [h for h in whole if a <= h.start and h.end <= b]
    assert m.at(text, text.index(fold("副市長"))).entry == "deputy"  # type: ignore[union-attr]
    assert m.ending_at(text, text.index(fold("副市長")) + 3).entry == "deputy"  # type: ignore[union-attr]


def test_find_is_the_leftmost_longest_of_every_hit_that_does_not_overlap() -> None:
    """``find`` of a Chinese list is the automaton's leftmost-longest search: it must equal taking every hit (``all``) by
    start, longest first, and skipping those that overlap one taken (entries inside, across and after one another)."""
    m = Matcher([("市長", "mayor"), ("副市長", "deputy"), ("臺北市", "taipei"), ("北市", "north"), ("市副", "odd"),
                 ("論壇", "forum"), ("壇", "altar"), ("出席", "present"), ("出席論壇", "attend")])
    text = fold("臺北市副市長出席論壇，市長致詞，北市副市長；壇") * 20

    def greedy(a: int, b: int) -> list[Any]:
        out, taken = [], -1
        for h in sorted(m.all(text, a, b), key=lambda h: (h.start, -(h.end - h.start))):
            if h.start >= taken:
                out.append(h)
                taken = h.end
        return out

    assert [h.entry for h in m.find(text)[:4]] == ["taipei", "deputy", "attend", "mayor"]
    for a in range(0, len(text), 5):
        assert m.find(text, a, min(len(text), a + 23)) == greedy(a, min(len(text), a + 23))
    assert m.find(text) == greedy(0, len(text))


def test_every_word_list_and_matcher_is_built_once_a_process() -> None:
    # a matcher built again for every document cost a twentieth of the extraction's time (a decorator had come apart
    # from its function): each one the lexicon hands out must be the same object on the second call
    made = [f for name, f in vars(lexicon).items() if inspect.isfunction(f) or hasattr(f, "cache_info")]
    builders = [f for f in made if not inspect.signature(f).parameters
                and getattr(f, "__wrapped__", f).__module__ == lexicon.__name__]
    assert len(builders) >= 10
    for f in builders:
        assert f() is f(), getattr(f, "__name__", f)
