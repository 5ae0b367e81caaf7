"""The store's action names after Undo/Redo, in the interface language: every shape the
store and the actions write is matched, its values kept; unknown names pass through."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from annotator.ui import i18n
from annotator.ui.action_names import action_text

ARABIC = {
    "Add {label} entity": "إضافة كيان {label}",
    "Relabel {old} → {new}": "تغيير الوسم {old} ← {new}",
    "Label all «{text}» as {label}": "وسم كل «{text}» بـ {label}",
}


@pytest.fixture
def arabic() -> Iterator[None]:
    i18n.install(lambda context, text: ARABIC.get(text, "") if context == "Action" else "")
    yield
    i18n.install(None)


def test_english_names_read_as_the_store_wrote_them() -> None:
    for name in ("Add PERS entity", "Relabel ORG → GPE", "Mark done", "Something new"):
        assert action_text(name) == name


def test_a_known_shape_is_translated_with_its_values_kept(arabic: None) -> None:
    assert action_text("Add PERS entity") == "إضافة كيان PERS"
    assert action_text("Relabel ORG → GPE") == "تغيير الوسم ORG ← GPE"
    assert action_text("Label all «موسكو» as GPE") == "وسم كل «موسكو» بـ GPE"
    assert action_text("Import 3 documents") == "Import 3 documents"  # unknown: as written


def test_every_action_the_store_names_has_a_shape() -> None:
    """The f-string action names of the core and the actions, with sample values, all match
    a shape (a new action name without one would show in English in an Arabic window)."""
    from annotator.ui.action_names import _COMPILED

    samples = ["Add PERS entity", "Delete PERS entity", "Resize PERS entity",
               "Relabel PERS → ORG", "Set PERS attributes", "Add ATTACK event",
               "Delete ATTACK event", "Add agent argument", "Remove agent argument",
               "Add SUPPORT stance", "Delete SUPPORT stance", "Set stance OPPOSE", "Add quote",
               "Edit quote", "Delete quote", "Add document note", "Edit note",
               "Set label topic", "Clear label topic", "Mark done", "Decide entity 3-8",
               "Curation state", "Curate document 4 (unanimous)", "Label all «بوتين» as PERS",
               "Pre-annotate from gazetteer", "Accept 3 suggested GPE",
               "Apply schema version 2 (added 1 label)", "Merge package a.annotator (alice)"]
    unmatched = [s for s in samples if not any(p.match(s) for p, _t in _COMPILED)]
    assert unmatched == []
