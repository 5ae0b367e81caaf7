"""The dataset card's charts: SVG that any Markdown viewer draws, names escaped as text, Arabic
left as it is (the viewer shapes it), bars as long as their counts."""

from __future__ import annotations

from xml.etree import ElementTree

from annotator.core.exports.card_charts import labels_svg, splits_svg

SVG = "{http://www.w3.org/2000/svg}"


def _bars(svg: bytes) -> dict[str, float]:
    """Each bar's tooltip (``group name: count``) and width."""
    root = ElementTree.fromstring(svg)
    return {rect.findtext(f"{SVG}title") or "": float(rect.get("width", "0"))
            for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None}


def test_labels_are_bars_stacked_by_split_in_proportion() -> None:
    svg = labels_svg({"train": {"entities": {"PERS": 6, "شخص": 2}},
                      "dev": {"entities": {"PERS": 2}}})
    bars = _bars(svg)
    assert set(bars) == {"entities PERS: 2", "entities PERS: 6", "entities شخص: 2"}
    assert bars["entities PERS: 6"] == 3 * bars["entities PERS: 2"]
    texts = [t.text for t in ElementTree.fromstring(svg).iter(f"{SVG}text")]
    assert "شخص" in texts  # as stored, alone in its element: never reshaped nor reordered
    text = "".join(t or "" for t in texts)
    assert "dev" in text  # the legend names the splits
    assert "train" in text


def test_names_are_text_never_markup() -> None:
    svg = splits_svg({"<script>alert(1)</script>": 3}, {"<script>alert(1)</script>": 30})
    assert b"<script>" not in svg
    root = ElementTree.fromstring(svg)
    assert not [e for e in root.iter() if e.tag.endswith("script")]
    assert "<script>alert(1)</script>" in [t.text for t in root.iter(f"{SVG}text")]


def test_many_labels_end_in_one_other_bar() -> None:
    spans = {"train": {"entities": {f"L{n:02d}": 100 - n for n in range(60)}}}
    root = ElementTree.fromstring(labels_svg(spans))
    names = [t.text for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert len(names) == 40
    assert names[-1] == "other"
    assert names[0] == "L00"
