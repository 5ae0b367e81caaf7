"""Plain keys in the editor: label keys, Enter and Escape.

Label keys (single letters from the schema, in Latin or Arabic keyboard layouts) are not
actions: they are read here only while the editor has the focus, so typing in a field never
labels text. With a text selection a label key labels it; on a selected annotation it
relabels it. Enter completes a pick with the entity at the cursor or accepts the selected
suggestion; Escape cancels a pick, else drops the selected annotation. Everything else is a
menu action (see :mod:`.menu_actions`).
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.schema import Schema
from annotator.ui.editor import AnnotationView
from annotator.ui.i18n import translate
from annotator.ui.qt import QObject, Qt, QtCore, QtGui
from annotator.ui.session.hotkeys import hotkey_table, label_for_key
from annotator.ui.workbench import Workbench

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EditorKeys(QObject):
    """An event filter on the editor for the keys above; ``say`` shows a status message."""

    def __init__(self, workbench: Workbench, editor: AnnotationView,
                 say: Callable[[str, int], None]) -> None:
        super().__init__(editor)
        self.workbench = workbench
        self.editor = editor
        self.say = say
        self.hotkeys: dict[str, str] = {}
        self.set_schema(workbench.project.schema)
        editor.installEventFilter(self)

    def set_schema(self, schema: Schema) -> None:
        """Read the label keys of ``schema``."""
        self.hotkeys = hotkey_table({n: t.hotkey for n, t in schema.entity_types.items()})

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """Label keys, Enter and Escape while the editor has the focus."""
        if watched is self.editor and event.type() == QtCore.QEvent.Type.KeyPress \
                and isinstance(event, QtGui.QKeyEvent) and self._key(event):
            return True
        return super().eventFilter(watched, event)

    def _key(self, event: QtGui.QKeyEvent) -> bool:
        """Handle one key press; whether it was used."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        wb = self.workbench
        if event.key() == Qt.Key.Key_Escape and wb.session.picking:
            wb.session.cancel_pick()
            self.say(translate("EditorKeys", "Cancelled."), 3000)
            return True
        if event.key() in RETURN_KEYS and self._enter():
            return True
        if event.key() == Qt.Key.Key_Escape and wb.session.selected:
            wb.select_annotation(None)
            return True
        label = label_for_key(self.hotkeys, event.text())
        if label is not None:
            wb.actions.entity.label(label)
            return True
        return False

    def _enter(self) -> bool:
        """Enter completes a pick with the entity at the cursor, or accepts the selected
        suggestion; False when it means nothing here."""
        wb = self.workbench
        if wb.session.picking:
            position = wb.cursor_codepoint()
            found = [s for s in self.editor.span_at(position) if s.id in wb.session.entities]
            if not found and position > 0:
                found = [s for s in self.editor.span_at(position - 1)
                         if s.id in wb.session.entities]
            if not found:
                self.say(translate("EditorKeys",
                                   "Put the cursor on an entity, or click one."), 5000)
                return True
            wb.actions.pick.complete(found[0].id)
            return True
        if wb.session.selected is not None and wb.session.selected.startswith("g"):
            wb.actions.suggestion.accept_suggestion()
            return True
        if wb.session.selected is not None and wb.session.selected[:1] in ("m", "t"):
            wb.actions.recommend.accept()
            return True
        return False
