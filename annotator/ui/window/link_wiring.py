"""The window side of quotes, events and stances: the Links menu's actions, the event type
picker, the role menu and the look of pick mode.

The actions themselves are the link controller's (``workbench.links``); this module only
connects them and shows the dialogs and menus they need.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from annotator.core.model import AUTHOR
from annotator.ui.editor import AnnotationView
from annotator.ui.i18n import translate
from annotator.ui.panels.links_panel import LinksPanel
from annotator.ui.qt import QObject, Qt, QtCore, QtWidgets, QWidget
from annotator.ui.window.menu_actions import WorkbenchActions
from annotator.ui.window.status_line import StatusLine
from annotator.ui.workbench import Workbench

if TYPE_CHECKING:
    from annotator.ui.panels.event_picker import EventTypePicker


class LinkWiring(QObject):
    """Connects the Links menu; keeps the last event picker and role menu it opened."""

    def __init__(self, window: QWidget, workbench: Workbench, actions: WorkbenchActions,
                 panel: LinksPanel, status: StatusLine) -> None:
        super().__init__(window)
        self.workbench = workbench
        self.editor: AnnotationView = workbench.editor
        self.status = status
        self.event_picker: EventTypePicker | None = None
        self.role_menu: QtWidgets.QMenu | None = None
        a, wb = actions, workbench
        a.connect("mark_quote", wb.actions.quote.mark_quote)
        a.connect("cycle_quote_kind", wb.actions.quote.cycle_quote_kind)
        a.connect("mark_cue", wb.actions.quote.mark_cue)
        a.connect("quote_part", wb.actions.quote.toggle_quote_part)
        a.connect("link_speaker", lambda: wb.actions.pick.begin("speaker"))
        a.connect("plausible_speaker", wb.actions.quote.link_plausible_speaker)
        a.connect("speaker_author", lambda: wb.actions.quote.set_speaker(AUTHOR))
        a.connect("speaker_unknown", lambda: wb.actions.quote.set_speaker(None))
        a.connect("mark_event", self.open_event_picker)
        a.connect("add_argument", lambda: wb.actions.pick.begin("argument"))
        for name in ("polarity", "modality", "genericity"):
            a.connect(f"cycle_{name}", partial(wb.actions.event.cycle_event_attribute, name))
        a.connect("new_stance", panel.open_stance_form)
        a.connect("suggest_quotes", wb.actions.suggestion.suggest)
        a.connect("accept_suggestion", wb.actions.suggestion.accept_suggestion)
        a.connect("reject_suggestion", wb.actions.suggestion.reject_suggestion)
        wb.roleChoiceNeeded.connect(self.choose_role)
        wb.pickChanged.connect(self.on_pick_changed)
        panel.add_actions([a.mark_quote, a.mark_cue, a.mark_event, a.new_stance,
                           a.suggest_quotes])

    def _window(self) -> QWidget:
        """The window (the parent; not kept as an attribute, which would keep its Python
        wrapper alive after Qt deleted it)."""
        parent = self.parent()
        assert isinstance(parent, QWidget)
        return parent

    def open_event_picker(self) -> None:
        """Choose the type of an event triggered by the selected words (type-ahead)."""
        if self.editor.selection_codepoints() is None:
            self.status.show_message(translate("LinkWiring",
                                               "Select the words that trigger the event first."))
            return
        from annotator.ui.panels.event_picker import EventTypePicker  # after the first paint

        picker = EventTypePicker(self.workbench.project.schema, self._window())
        picker.typeChosen.connect(self.workbench.actions.event.add_event)
        # Back to the text once the dialog is gone (a queued call: the window takes the
        # focus back to the dialog's field otherwise), so Ctrl+Shift+R works at once.
        picker.finished.connect(lambda _r: QtCore.QTimer.singleShot(0, self._focus_text))
        self.event_picker = picker
        picker.open()
        picker.field.setFocus()

    def _focus_text(self) -> None:
        self._window().activateWindow()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_role(self, entity_id: str, roles: list[str]) -> None:
        """A menu of the roles the entity may fill (arrows + Enter, or a click)."""
        menu = QtWidgets.QMenu(self._window())
        menu.setTitle(translate("LinkWiring", "Role"))
        for role in roles:
            action = menu.addAction(role)
            action.triggered.connect(partial(self.workbench.actions.event.add_argument, role,
                                             entity_id))
            action.triggered.connect(menu.close)
        menu.aboutToHide.connect(menu.deleteLater)
        self.role_menu = menu
        rect = self.editor.cursorRect()
        menu.popup(self.editor.viewport().mapToGlobal(rect.bottomLeft()))

    def on_pick_changed(self, purpose: str) -> None:
        """A cross cursor and ``Picking: …`` in the status bar while a pick is pending."""
        self.status.show_mode(purpose)
        if purpose:
            self.editor.viewport().setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.editor.viewport().unsetCursor()
