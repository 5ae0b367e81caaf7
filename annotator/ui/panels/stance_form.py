"""The stance form (opened by "Stance…" or Ctrl+Shift+T): holder, target, label, evidence.

What it offers and starts with comes from the session
(:func:`annotator.ui.session.stance_form.stance_form`): holders near the selection (or
AUTHOR), targets (a project topic, an event, an entity near the selection), evidence (a quote
or the selected text, trimmed like every span). Each list is a :class:`ChoiceListModel`. On a
selected stance the form shows it and its label changes it; "Pick" chooses a holder or
target with the mouse.
"""

from __future__ import annotations

from annotator.ui.i18n import translate
from annotator.ui.models.choices import ChoiceListModel
from annotator.ui.qt import QtWidgets, QWidget
from annotator.ui.rows import document_combo
from annotator.ui.session.choices import Choice, entity_choice
from annotator.ui.session.stance_form import (
    evidence_of,
    picked_choice,
    stance_form,
    target_of,
)
from annotator.ui.workbench import Workbench


class StanceFormBox(QtWidgets.QGroupBox):
    """Adds a stance, or relabels the selected one."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(translate("StanceForm", "Stance"), parent)
        self.wb = workbench
        self._updating = False
        form = QtWidgets.QFormLayout(self)
        form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapLongRows)
        self.holders = ChoiceListModel(parent=self)
        self.targets = ChoiceListModel(parent=self)
        self.evidence = ChoiceListModel(parent=self)
        self.labels = ChoiceListModel([Choice(label, label) for label in
                                       workbench.project.schema.stance_labels], self)
        self.holder_combo = self._combo(translate("StanceForm", "Stance holder"), self.holders)
        self.target_combo = self._combo(translate("StanceForm", "Stance target"), self.targets)
        self.stance_label_combo = self._combo(translate("StanceForm", "Stance label"), self.labels)
        self.evidence_combo = self._combo(translate("StanceForm", "Evidence"), self.evidence)
        self.pick_holder = QtWidgets.QPushButton(translate("StanceForm", "Pick"), self)
        self.pick_target = QtWidgets.QPushButton(translate("StanceForm", "Pick"), self)
        self.add_stance_button = QtWidgets.QPushButton(translate("StanceForm", "Add stance"), self)
        for title, combo, pick in ((translate("StanceForm", "Holder"), self.holder_combo,
                                    self.pick_holder),
                                   (translate("StanceForm", "Target"), self.target_combo,
                                    self.pick_target)):
            row = QtWidgets.QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(pick)
            form.addRow(title, row)
        form.addRow(translate("StanceForm", "Label"), self.stance_label_combo)
        form.addRow(translate("StanceForm", "Evidence"), self.evidence_combo)
        form.addRow("", self.add_stance_button)
        self.pick_holder.clicked.connect(lambda: self.wb.actions.pick.begin("holder"))
        self.pick_target.clicked.connect(lambda: self.wb.actions.pick.begin("target"))
        self.add_stance_button.clicked.connect(self.submit_stance)
        self.stance_label_combo.activated.connect(self._on_stance_label)
        workbench.picked.connect(self._on_picked)
        self.hide()

    def _combo(self, name: str, model: ChoiceListModel) -> QtWidgets.QComboBox:
        combo = document_combo(QtWidgets.QComboBox(self))
        combo.setAccessibleName(name)
        combo.setModel(model)
        return combo

    def open_form(self, focus: bool = True) -> None:
        """Fill the form for the session's selection and show it."""
        wb = self.wb
        filled = stance_form(wb.session, wb.project.schema, wb.cursor_codepoint())
        self._updating = True
        self.holders.set_choices(filled.holders)
        self.targets.set_choices(filled.targets)
        self.evidence.set_choices(filled.evidence)
        # Every field is set from ``filled``: nothing stays from the stance shown before.
        self.stance_label_combo.setCurrentIndex(
            max(self.labels.row_of(filled.label), 0) if filled.label is not None else 0)
        self.holder_combo.setCurrentIndex(0)
        self.target_combo.setCurrentIndex(0)
        self.evidence_combo.setCurrentIndex(0)
        if filled.holder is not None:
            self._choose(self.holder_combo, self.holders, filled.holder)
        if filled.target is not None:
            self._choose(self.target_combo, self.targets, filled.target)
        if filled.evidence_choice is not None:
            self._choose(self.evidence_combo, self.evidence, filled.evidence_choice)
        self.setTitle(translate("StanceForm", "Stance") if filled.can_add
                      else translate("StanceForm", "Selected stance"))
        self.add_stance_button.setEnabled(filled.can_add)
        self._updating = False
        self.show()
        if focus:
            self.holder_combo.setFocus()

    def _choose(self, combo: QtWidgets.QComboBox, model: ChoiceListModel, data: str) -> None:
        """Make ``data`` current; an entity outside the nearby window is added first."""
        row = model.row_of(data)
        entity = data[len("entity:"):] if data.startswith("entity:") else data
        if row < 0 and ":" not in entity and entity in self.wb.session.entities:
            model.set_choices([*model.choices(), entity_choice(self.wb.session, entity, data)])
            row = model.row_of(data)
        if row >= 0:
            combo.setCurrentIndex(row)

    def _on_picked(self, purpose: str, span_id: str) -> None:
        choice, why = picked_choice(self.wb.session, purpose, span_id)
        if choice is None:
            self.wb.message.emit(why)
        elif purpose == "holder":
            self._choose(self.holder_combo, self.holders, choice)
        else:
            self._choose(self.target_combo, self.targets, choice)

    def submit_stance(self) -> bool:
        """Add the stance the form describes."""
        holder = self.holder_combo.currentData()
        target = self.target_combo.currentData()
        label = self.stance_label_combo.currentData()
        if not isinstance(target, str) or not isinstance(label, str):
            self.wb.message.emit(translate("StanceForm", "Choose the stance's target and label."))
            self.target_combo.setFocus()
            return False
        evidence = self.evidence_combo.currentData()
        return self.wb.actions.stance.add_stance(
            holder if isinstance(holder, str) else None, target_of(target), label,
            evidence_of(evidence if isinstance(evidence, str) else None))

    def _on_stance_label(self, _index: int) -> None:
        label = self.stance_label_combo.currentData()
        if not self._updating and self.wb.session.selected_kind("s") is not None \
                and isinstance(label, str):
            self.wb.actions.stance.set_stance_label(label)
