"""The label-all preview: every occurrence label-all would add, each with a box to untick,
and the occurrences it skips with the reason.

Each row shows the occurrence in a few words of context (right to left, the document's text
as plain text) and its document; nothing is stored until the dialog is accepted, and then
the ticked occurrences are added as ONE undoable action.
"""

from __future__ import annotations

from annotator.core.corpus import LabelAllPlan, PlannedEntity
from annotator.core.store import Project
from annotator.ui.i18n import translate
from annotator.ui.models.concordance import isolated, one_line
from annotator.ui.plain_text import plain_label
from annotator.ui.qt import Qt, QtWidgets, QVBoxLayout, QWidget

CONTEXT = 30


class LabelAllDialog(QtWidgets.QDialog):
    """Planned occurrences (checkable) and skipped ones; :meth:`left_out` after accepting."""

    def __init__(self, project: Project, plan: LabelAllPlan,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self._texts: dict[int, str] = {}
        self._project = project
        self.setWindowTitle(translate("LabelAllDialog", "Label all «{text}» as {label}").format(
            text=plan.text, label=plan.label))
        self.planned = QtWidgets.QListWidget(self)
        self.planned.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.planned.setAccessibleName(translate("LabelAllDialog", "Occurrences to label"))
        for planned in plan.add:
            item = QtWidgets.QListWidgetItem(self._line(planned), self.planned)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked)
        self.skipped = QtWidgets.QListWidget(self)
        self.skipped.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.skipped.setAccessibleName(translate("LabelAllDialog", "Occurrences skipped"))
        for planned in plan.skipped:
            QtWidgets.QListWidgetItem(f"{self._line(planned)} — {isolated(planned.reason)}",
                                      self.skipped)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(translate(
            "LabelAllDialog", "{count} to label as {label} (untick to leave one out):").format(
                count=len(plan.add), label=plan.label), self))
        layout.addWidget(self.planned, 3)
        layout.addWidget(plain_label(translate("LabelAllDialog", "{count} skipped:").format(
            count=len(plan.skipped)), self))
        layout.addWidget(self.skipped, 1)
        layout.addWidget(self.buttons)
        self.planned.itemChanged.connect(self._update_ok)
        self._update_ok()
        self.resize(720, 480)

    def _line(self, planned: PlannedEntity) -> str:
        """``… before [match] after … — document`` for one occurrence."""
        text = self._texts.get(planned.doc_id)
        if text is None:
            text = self._texts[planned.doc_id] = self._project.get_text(planned.doc_id)
        before = one_line(text[max(0, planned.start - CONTEXT):planned.start])
        after = one_line(text[planned.end:planned.end + CONTEXT])
        match = one_line(text[planned.start:planned.end])
        return f"{isolated(f'…{before}[{match}]{after}…')} — {isolated(planned.external_id)}"

    def left_out(self) -> list[int]:
        """Indexes (in ``plan.add``) of the unticked occurrences."""
        return [i for i in range(self.planned.count())
                if self.planned.item(i).checkState() != Qt.CheckState.Checked]

    def _update_ok(self) -> None:
        ticked = len(self.plan.add) - len(self.left_out())
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("LabelAllDialog", "Label {ticked}").format(ticked=ticked))
        ok.setEnabled(ticked > 0)
