"""The Arabic interface (issue 17): the language chosen, the catalogue loaded or compiled,
the mirrored window, shortcuts with an Arabic keyboard layout, and screenshots of the main
window, the schema editor and the curation view in Arabic (tests/_artifacts/*_ar.png, looked
at by a person)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.curation import CURATED, curate
from annotator.core.store import Project
from annotator.ui import i18n
from annotator.ui.qt import QApplication, Qt, QtCore, QtGui
from annotator.ui.window.docks import leading_area
from annotator.ui.window.language import (
    apply_language,
    catalogue_file,
    compile_catalogue,
    interface_language,
)
from annotator.ui.window.preferences import PreferencesDialog
from annotator.ui.window.schema_editor import SchemaEditor
from annotator.ui.window.settings import Preferences, load_preferences, save_preferences
from tests.core.curation_setup import three_layers
from tests.ui.helpers import ARTIFACTS, save_shot, shown_window


@pytest.fixture
def arabic(qapp: QApplication, tmp_path: Path) -> Iterator[str]:
    """The app in Arabic for one test, English again after it."""
    language = apply_language(qapp, "ar", cache=tmp_path / "i18n")
    yield language
    apply_language(qapp, "en")
    i18n.install(None)


def test_the_system_language_decides_unless_one_is_chosen() -> None:
    assert interface_language("system", "ar_EG") == "ar"
    assert interface_language("system", "ar") == "ar"
    assert interface_language("system", "en_US") == "en"
    assert interface_language("system", "fr_FR") == "en"
    assert interface_language("en", "ar_SA") == "en"
    assert interface_language("ar", "en_GB") == "ar"


def test_the_language_choice_is_a_preference(qapp: QApplication) -> None:
    del qapp
    assert load_preferences().language == "system"
    save_preferences(Preferences(language="ar"))
    assert load_preferences().language == "ar"
    dialog = PreferencesDialog(load_preferences())
    assert dialog.language_combo.currentData() == "ar"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.preferences().language == "en"


def test_the_catalogue_is_compiled_when_no_current_one_ships(tmp_path: Path) -> None:
    """lrelease turns the shipped .ts into a .qm Qt loads (what the first start does)."""
    ts = catalogue_file("ar", tmp_path)
    assert ts is not None
    assert ts.suffix == ".qm"
    source = Path(__file__).resolve().parents[2] / "annotator/resources/i18n/annotator_ar.ts"
    built = tmp_path / "fresh" / "annotator_ar.qm"
    compile_catalogue(source, built)
    translator = QtCore.QTranslator()
    assert translator.load(str(built))
    assert translator.translate("Menu", "&File") == "&ملف"
    assert catalogue_file("fr", tmp_path) is None


def test_english_stays_english(qapp: QApplication, tmp_path: Path) -> None:
    assert apply_language(qapp, "system", system_locale="en_US", cache=tmp_path) == "en"
    assert i18n.translate("Menu", "&File") == "&File"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    i18n.install(None)


def test_in_arabic_the_window_mirrors(qtbot: Any, arabic: str, project_path: Path) -> None:
    assert arabic == "ar"
    window = shown_window(qtbot, Project.open(project_path, annotator="tester"))
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:3] == ["&ملف", "&تحرير", "&عرض"]
    assert window.docks["navigator"].windowTitle() == "المستندات"
    assert leading_area(window) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.dockWidgetArea(window.docks["navigator"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.menu_actions.undo.text() == "تراجع"
    # The edge buttons' arrows point where the edge moves on the screen (the text is right
    # to left in either language): their row keeps its left-to-right order.
    button = window.inspector.edge_buttons[("start", -1, "grapheme")]
    assert button.text() == "→"
    assert "بداية القراءة" in button.toolTip()
    # Document text is never translated.
    assert window.editor.toPlainText().startswith("😀 قالَ")
    save_shot(window, ARTIFACTS, "main_window_ar.png")


def test_shortcuts_work_with_an_arabic_keyboard_layout(qtbot: Any, arabic: str,
                                                       project_path: Path) -> None:
    """Qt matches shortcuts by key code: Ctrl with the key of Z, typing ظ on an Arabic
    layout, still undoes."""
    del arabic
    window = shown_window(qtbot, Project.open(project_path, annotator="tester"))
    for name, key, text in (("undo", Qt.Key.Key_Z, "ظ"), ("find", Qt.Key.Key_F, "ب"),
                            ("mark_quote", Qt.Key.Key_Q, "ض")):
        modifiers = Qt.KeyboardModifier.ControlModifier
        if name == "mark_quote":
            modifiers |= Qt.KeyboardModifier.ShiftModifier
        event = QtGui.QKeyEvent(QtCore.QEvent.Type.KeyPress, key, modifiers, text)
        pressed = QtGui.QKeySequence(event.keyCombination())
        assert any(pressed.matches(shortcut) == QtGui.QKeySequence.SequenceMatch.ExactMatch
                   for shortcut in window.menu_actions[name].shortcuts()), name


def test_schema_editor_and_curation_view_in_arabic(qtbot: Any, arabic: str,
                                                   tmp_path: Path) -> None:
    del arabic
    path = three_layers(tmp_path / "news.annotator")
    with Project.open(path, annotator="dana") as p:
        p.grant_role("curator", "dana")
    with Project.open(path, annotator="dana", layer=CURATED) as p:
        curate(p, policy="unanimous")
    window = shown_window(qtbot, Project.open(path, annotator="dana", layer=CURATED))
    panel = window.curation.panel
    assert panel is not None
    qtbot.waitUntil(panel.isVisible)
    assert panel.summary.text() == "المفتوح 5 من 5 خلافات"
    save_shot(window, ARTIFACTS, "curation_view_ar.png")
    dialog = SchemaEditor(window.project, window)
    qtbot.addWidget(dialog)
    dialog.resize(900, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.isRightToLeft()  # the dialog mirrors; its tables of schema names do not
    assert dialog.tabs.tabText(0) == "وسوم الكيانات"
    save_shot(dialog, ARTIFACTS, "schema_editor_ar.png")
    assert QtGui.QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window.close()
