"""The inspector: the selected annotation's text, label, attributes, note and edges.

It reads from the :class:`~annotator.ui.workbench.Workbench` and asks it for every change
(so each change is one store action and comes back as a store event). Edge buttons move the
start or the end edge by a grapheme or a word, "towards the reading start" (for Arabic: to
the right) or "towards the reading end" (to the left); see :mod:`.edge_buttons`.
"""

from __future__ import annotations

from annotator.core.model import Entity
from annotator.ui.fonts import preferred_text_font
from annotator.ui.i18n import translate
from annotator.ui.panels.edge_buttons import EdgeButtons
from annotator.ui.plain_text import plain_label, plain_tooltip
from annotator.ui.qt import QLabel, Qt, QtCore, QtGui, QtWidgets, QVBoxLayout, QWidget
from annotator.ui.workbench import Workbench

NO_VALUE = "—"


class NoteEdit(QtWidgets.QPlainTextEdit):
    """A plain-text note field that commits when it loses the focus."""

    committed = QtCore.Signal(str)

    def focusOutEvent(self, event: QtGui.QFocusEvent) -> None:  # noqa: N802 - Qt override
        """Leaving the field saves the note."""
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class InspectorPanel(QWidget):
    """Shows and edits the workbench's selected annotation."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workbench = workbench
        self._entity: Entity | None = None
        self._updating = False
        self.empty_label = QLabel(translate("Inspector",
                                            "No annotation selected.\nClick a highlighted span, or "
                                  "select text and press a label key."), self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("inspectorEmpty")
        self.text_label = QLabel(self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setObjectName("inspectorText")
        self.text_label.setFont(preferred_text_font(17))
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                     | Qt.AlignmentFlag.AlignVCenter)
        self.text_label.setContentsMargins(8, 4, 8, 4)
        self.text_label.setAutoFillBackground(True)
        self.text_label.setBackgroundRole(QtGui.QPalette.ColorRole.Base)
        self.offsets_label = plain_label("", self)
        self.offsets_label.setObjectName("inspectorOffsets")
        self.label_combo = QtWidgets.QComboBox(self)
        self.label_combo.setAccessibleName(translate("Inspector", "Label"))
        self.attr_combos: dict[str, QtWidgets.QComboBox] = {}
        self.note_edit = NoteEdit(self)
        self.note_edit.setPlaceholderText(translate("Inspector",
                                                    "Note (saved when you leave the field)"))
        self.note_edit.setFixedHeight(70)
        self.delete_button = QtWidgets.QPushButton(translate("Inspector",
                                                             "Delete annotation"), self)
        self.form = QtWidgets.QFormLayout()
        self.form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(translate("Inspector", "Label"), self.label_combo)
        edges_box = EdgeButtons(translate("Inspector",
                                          "Boundaries"), workbench.actions.move_edge, self)
        self.edge_buttons = edges_box.buttons
        self.details = QWidget(self)
        details_layout = QVBoxLayout(self.details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.text_label)
        details_layout.addWidget(self.offsets_label)
        details_layout.addLayout(self.form)
        details_layout.addWidget(edges_box)
        details_layout.addWidget(QLabel(translate("Inspector", "Note"), self))
        details_layout.addWidget(self.note_edit)
        details_layout.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.set_schema()
        self.label_combo.activated.connect(self._on_label)
        self.note_edit.committed.connect(self._on_note)
        self.delete_button.clicked.connect(workbench.actions.delete_selected)
        workbench.annotationSelected.connect(self.refresh)
        workbench.schemaChanged.connect(self.set_schema)
        self.refresh()

    def set_schema(self) -> None:
        """Rebuild the label list and the attribute fields from the current schema."""
        schema = self.workbench.project.schema
        self.label_combo.clear()
        for entity_type in schema.entity_types.values():
            swatch = QtGui.QPixmap(12, 12)
            swatch.fill(QtGui.QColor(entity_type.color))
            self.label_combo.addItem(QtGui.QIcon(swatch), entity_type.name, entity_type.name)
        for combo in self.attr_combos.values():
            self.form.removeRow(combo)
        self.attr_combos.clear()
        for name, attr in schema.entity_attributes.items():
            combo = QtWidgets.QComboBox(self)
            combo.setAccessibleName(name)
            combo.setToolTip(plain_tooltip(attr.description))
            combo.addItem(translate("Inspector", "{none} (default {default})").format(
                none=NO_VALUE, default=attr.default) if attr.default else NO_VALUE, None)
            for value in attr.values:
                combo.addItem(value, value)
            combo.activated.connect(lambda _i, n=name, c=combo: self._on_attr(n, c))
            self.form.addRow(name.capitalize(), combo)
            self.attr_combos[name] = combo
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Show the workbench's selected annotation (or the hint when there is none)."""
        entity = self.workbench.session.selected_entity()
        self._entity = entity
        self.empty_label.setVisible(entity is None)
        self.details.setVisible(entity is not None)
        if entity is None:
            return
        self._updating = True
        text = self.workbench.session.text[entity.start:entity.end]
        self.text_label.setText(text)
        self.offsets_label.setText(translate(
            "Inspector", "{start}–{end} · {count} characters").format(
                start=entity.start, end=entity.end, count=entity.end - entity.start))
        self.label_combo.setCurrentIndex(max(self.label_combo.findData(entity.label), 0))
        for name, combo in self.attr_combos.items():
            combo.setCurrentIndex(max(combo.findData(entity.attrs.get(name)), 0))
        if self.note_edit.toPlainText() != (entity.note or ""):
            self.note_edit.setPlainText(entity.note or "")
        self._updating = False

    def _on_label(self, index: int) -> None:
        label = self.label_combo.itemData(index)
        if not self._updating and isinstance(label, str) \
                and not self.workbench.actions.entity.relabel(label):
            self.refresh()  # refused (or unchanged): show the label the annotation still has

    def _on_attr(self, name: str, combo: QtWidgets.QComboBox) -> None:
        if self._updating:
            return
        value = combo.currentData()
        entity_actions = self.workbench.actions.entity
        if not entity_actions.set_attribute(name, value if isinstance(value, str) else None):
            self.refresh()  # refused (or unchanged): show the stored value

    def _on_note(self, note: str) -> None:
        if self._entity is not None and self.workbench.session.selected == self._entity.id:
            self.workbench.actions.entity.set_note(note)
