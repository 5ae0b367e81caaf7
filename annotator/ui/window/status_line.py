"""The status bar's permanent fields: cursor, document, project progress, mode, save state.

Messages (refusals, hints) are shown by the status bar itself; these labels stay.
"""

from __future__ import annotations

from annotator.ui.i18n import noop, translate
from annotator.ui.models.documents import status_name
from annotator.ui.qt import QLabel, QMainWindow, QtCore
from annotator.ui.session.session import PICK_PROMPTS
from annotator.ui.workbench import Workbench

PICK_NAMES = {"speaker": noop("StatusLine", "speaker"), "argument": noop("StatusLine", "argument"),
              "holder": noop("StatusLine", "holder"), "target": noop("StatusLine", "target")}
"""The name of each pick purpose in the status line."""
SAVE_TEXT = {"saving": noop("StatusLine", "Saving…"), "saved": noop("StatusLine", "Saved"),
             "failed": noop("StatusLine", "Not saved")}


class SteadyLabel(QLabel):
    """A status field whose size is fixed and only grows: a new text that fits lays nothing
    out again.

    ``QLabel.setText`` asks the parent's layout for a new geometry (``updateGeometry``)
    unless the label's size is fixed, and in the status bar that lays out the whole main
    window (the status bar, the docks, the central widget) after every added span. Here a
    text wider than the field widens it once; a narrower one leaves it as it is."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        """Show ``text``; the field grows when it does not fit."""
        super().setText(text)
        self.fit()

    def fit(self) -> None:
        """Fix the size to the text shown, never narrower than it already is."""
        hint = self.sizeHint()
        fixed = self.minimumSize() == self.maximumSize()
        width = max(hint.width(), self.maximumWidth()) if fixed else hint.width()
        if not fixed or (width, hint.height()) != (self.maximumWidth(), self.maximumHeight()):
            self.setFixedSize(width, hint.height())


class StatusLine:
    """The permanent labels of a window's status bar and what they show.

    It keeps the status bar, not the window: a plain object referring back to the window
    would keep the window's Python wrapper alive after Qt deleted it."""

    def __init__(self, window: QMainWindow, workbench: Workbench) -> None:
        self.workbench = workbench
        self.bar = bar = window.statusBar()
        self.cursor_label = SteadyLabel(window)
        self.document_label = SteadyLabel(window)
        self.project_label = SteadyLabel(window)
        self.mode_label = QLabel(window)
        self.save_label = SteadyLabel(translate("StatusLine", "No changes yet"), window)
        self.save_label.setObjectName("saveState")
        self.annotator_label = QLabel(translate("StatusLine", "Annotator: {annotator}").format(
            annotator=workbench.project.annotator), window)
        self.annotator_label.setObjectName("annotatorName")
        self.annotator_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # never markup
        self.annotator_label.setToolTip(translate("StatusLine",
                                                  "You see and edit this annotator's layer"
                                        " (Edit ▸ Preferences changes it)"))
        for label in (self.annotator_label, self.cursor_label, self.document_label,
                      self.project_label, self.mode_label, self.save_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)
            if isinstance(label, SteadyLabel):
                label.fit()
        self.mode_label.hide()

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        """A passing message (a hint, a refusal's reason)."""
        self.bar.showMessage(text, timeout_ms)

    def update_cursor(self) -> None:
        """Offset and line of the text cursor."""
        wb = self.workbench
        position = wb.cursor_codepoint()
        line = wb.session.text.count("\n", 0, position) + 1
        self.cursor_label.setText(translate("StatusLine", "Offset {position} · Line {line}").format(
            position=position, line=line))

    def update_document(self) -> None:
        """Entity count and status of the open document."""
        wb = self.workbench
        count = len(wb.session.entities)
        text = (translate("StatusLine", "{count} entity · {status}") if count == 1
                else translate("StatusLine", "{count} entities · {status}"))
        self.document_label.setText(text.format(count=count,
                                                status=status_name(wb.session.status)))

    def update_project(self) -> None:
        """How many documents of the project are done."""
        project = self.workbench.project
        total = project.document_count()
        done = project.document_count(status="done")
        self.project_label.setText(translate("StatusLine", "Project: {done} / {total} done").format(
            done=done, total=total))

    def update_save_state(self, state: str, detail: str) -> None:
        """Saving…, Saved (with the time of the commit) or Not saved (the reason in the tip)."""
        text = translate("StatusLine", SAVE_TEXT[state]) if state in SAVE_TEXT else state
        if state == "saved":
            text = translate("StatusLine", "Saved {time}").format(
                time=QtCore.QTime.currentTime().toString('HH:mm:ss'))
        self.save_label.setText(text)
        self.save_label.setToolTip(detail or (translate("StatusLine", "Committed to the project"
                                                        " file") if state == "saved" else ""))

    def show_mode(self, picking: str) -> None:
        """``Picking: <purpose>`` during a pick, else ``Character mode`` when that is on."""
        if picking:
            self.mode_label.setText(
                translate("StatusLine", "Picking: {picking}").format(
                    picking=translate("StatusLine", PICK_NAMES.get(picking, picking))))
            self.mode_label.show()
            return
        if self.bar.currentMessage() in {translate("Session", p) for p in PICK_PROMPTS.values()}:
            self.bar.clearMessage()  # the pick is over: its prompt must not linger
        self.mode_label.setText(translate("StatusLine", "Character mode"))
        self.mode_label.setVisible(self.workbench.session.character_mode)

