"""The span index and the underline lanes (plain Python)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.ui.editor.layers import (
    LONG_SPAN,
    SpanIndex,
    SpanItem,
    SpanLayers,
    assign_lanes,
)

RANGES = st.lists(
    st.tuples(st.integers(0, 3000), st.one_of(st.integers(1, 40), st.integers(LONG_SPAN, 2500)))
    .map(lambda t: (t[0], t[0] + t[1])),
    max_size=60,
)


def items(ranges: list[tuple[int, int]]) -> list[SpanItem]:
    return [SpanItem(f"s{n}", a, b, "ORG", "#1f77b4") for n, (a, b) in enumerate(ranges)]


@given(RANGES, st.integers(0, 3500), st.integers(0, 600))
def test_index_finds_exactly_the_overlapping_spans(ranges: list[tuple[int, int]], a: int,
                                                   width: int) -> None:
    index = SpanIndex()
    index.bulk_load((s, e, f"s{n}") for n, (s, e) in enumerate(ranges))
    found = {i for _, _, i in index.overlapping(a, a + width)}
    expected = {f"s{n}" for n, (s, e) in enumerate(ranges) if s < a + width and e > a}
    assert found == expected


@given(RANGES)
def test_overlapping_spans_never_share_a_lane(ranges: list[tuple[int, int]]) -> None:
    lanes = assign_lanes((s, e, f"s{n}") for n, (s, e) in enumerate(ranges))
    for n, (s1, e1) in enumerate(ranges):
        for m, (s2, e2) in enumerate(ranges[:n]):
            if s1 < e2 and s2 < e1:
                assert lanes[f"s{n}"] != lanes[f"s{m}"]


def test_nested_spans_get_different_lanes_inner_nearest_the_text() -> None:
    layers = SpanLayers()
    # ORG "جامعة القاهرة" holding GPE "القاهرة", a PERS elsewhere.
    layers.reset([SpanItem("org", 10, 23, "ORG", "#1f77b4"),
                  SpanItem("gpe", 16, 23, "GPE", "#2ca02c"),
                  SpanItem("pers", 40, 45, "PERS", "#d62728")])
    assert layers.lanes == {"gpe": 0, "org": 1, "pers": 0}
    layers.add(SpanItem("event", 0, 30, "EVENT", "#ff7f0e"))
    assert layers.lanes["event"] == 2
    assert [item.id for item in layers.at(18)] == ["gpe", "org", "event"]
    layers.remove("gpe")
    assert layers.lanes == {"org": 0, "event": 1, "pers": 0}


@given(RANGES, st.data())
def test_incremental_lanes_equal_a_full_recompute(ranges: list[tuple[int, int]],
                                                  data: st.DataObject) -> None:
    spans = items(ranges)
    layers = SpanLayers()
    for item in spans:
        layers.add(item)
    for item in data.draw(st.lists(st.sampled_from(spans), unique=True)) if spans else []:
        layers.remove(item.id)
    fresh = SpanLayers()
    fresh.reset(layers.items.values())
    assert layers.lanes == fresh.lanes


def test_update_moves_a_span_and_relabels_in_place() -> None:
    layers = SpanLayers()
    layers.reset(items([(0, 5), (2, 4)]))
    old = layers.update(SpanItem("s1", 10, 12, "GPE", "#2ca02c"))
    assert (old.start, old.end) == (2, 4)
    assert layers.lanes == {"s0": 0, "s1": 0}
    layers.update(SpanItem("s1", 10, 12, "LOC", "#8c564b"))
    assert layers.items["s1"].label == "LOC"
    assert [item.id for item in layers.overlapping(11, 12)] == ["s1"]


def test_bad_spans_are_rejected() -> None:
    layers = SpanLayers()
    with pytest.raises(ValueError, match="empty"):
        layers.add(SpanItem("x", 5, 5, "ORG", "#000"))
    layers.add(SpanItem("x", 1, 5, "ORG", "#000"))
    with pytest.raises(ValueError, match="duplicate"):
        layers.add(SpanItem("x", 2, 3, "ORG", "#000"))
    with pytest.raises(KeyError):
        layers.remove("missing")
