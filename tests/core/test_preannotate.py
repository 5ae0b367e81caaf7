"""Tests for annotator.core.preannotate: gazetteer matches are valid entity spans
(docs/ARABIC.md, Span edges, at the end).

A ZWNJ/ZWJ right after a name is a grapheme extender, so the folded match's cluster end
lies after it; the entity must stop before it, otherwise ``add_entity`` refuses the span
and the whole pre-annotation batch is rolled back.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.importing import import_paths
from annotator.core.preannotate import GazetteerEntry, find_name, preannotate
from annotator.core.store import Project
from annotator.core.text.folding import fold
from annotator.core.text.spans import span_problem

TEXT = "قال بوتين\u200c إن بوتينَ\u200c سيزور موسكو\u200d."


def test_find_name_does_not_end_on_a_joiner() -> None:
    spans = find_name(fold(TEXT), "بوتين")
    assert [TEXT[s:e] for s, e in spans] == ["بوتين", "بوتينَ"]  # the haraka stays
    for start, end in spans + find_name(fold(TEXT), "موسكو"):
        assert span_problem(TEXT, start, end) is None


def test_preannotate_text_with_zwnj_after_a_name(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Project.open(tmp_path / "p.annotator", create=True, annotator="t") as project:
        doc_id = import_paths(project, [source]).imported[0]
        added = preannotate(project, [GazetteerEntry("بوتين", "PERS", 1),
                                      GazetteerEntry("موسكو", "GPE", 2)])
        assert added == {"PERS": 2, "GPE": 1}
        text = project.get_text(doc_id)
        entities = project.get_record(doc_id).entities
        assert sorted(text[e.start:e.end] for e in entities) == ["بوتين", "بوتينَ", "موسكو"]
        for entity in entities:
            assert span_problem(text, entity.start, entity.end) is None
