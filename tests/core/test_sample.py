"""The bundled sample project holds its annotations in the layer of the person opening it."""

from __future__ import annotations

from pathlib import Path

from annotator.core.sample import build_sample_project
from annotator.core.store import Project


def test_the_sample_is_built_in_the_openers_layer(tmp_path: Path) -> None:
    path = build_sample_project(tmp_path / "sample.annotator", annotator="zainab")
    with Project.open(path, annotator="zainab") as mine:
        assert mine.layer_names() == ["zainab"]
        first = mine.document_ids()[0]
        assert mine.get_record(first).entities  # her own layer: the sample's annotations
    with Project.open(path, annotator="omar") as other:
        assert other.get_record(first).entities == []  # someone else starts empty
        assert other.get_record(first, layer="zainab").entities
