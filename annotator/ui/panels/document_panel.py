"""The document panel: document-level labels of the open document.

One field per label of the schema's ``[documents.labels]``: a combo box for a ``single``
label (the topic), one combo box per project topic for a ``per_topic`` label (the overall
stance toward each topic), a check box for a ``bool`` one and a line for ``text``. Each
change is one store action (``set_document_label``) through the link controller; the panel
follows the store's change events, so undo shows here too. ``multi`` labels are shown as a
read-only summary (they are set by import or the CLI).
"""

from __future__ import annotations

from typing import Any

from annotator.ui.plain_text import plain_label, plain_tooltip
from annotator.ui.qt import QLabel, Qt, QtWidgets, QVBoxLayout, QWidget
from annotator.ui.row_text import directed, isolate
from annotator.ui.rows import document_combo
from annotator.ui.workbench import Workbench

NO_VALUE = "—"


class DocumentPanel(QWidget):
    """Edits the document labels of the workbench's document."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = workbench
        self._updating = False
        self.fields: dict[str, QtWidgets.QWidget] = {}
        self.topic_combos: dict[tuple[str, str], QtWidgets.QComboBox] = {}
        self.form = QtWidgets.QFormLayout()
        self.form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self._build()
        workbench.linksChanged.connect(self.refresh)
        workbench.documentOpened.connect(lambda _doc: self.refresh())
        self.refresh()

    def _build(self) -> None:
        schema = self.wb.project.schema
        for name, definition in schema.document_labels.items():
            title = name.replace("_", " ").capitalize()
            if definition.per_topic:
                header = plain_label(title, self)
                bold = header.font()
                bold.setBold(True)
                header.setFont(bold)
                header.setToolTip(plain_tooltip(definition.description))
                self.form.addRow(header)
                for topic in schema.topics.values():
                    combo = self._combo(definition.values, f"{title}: {topic.label_en or topic.id}")
                    combo.activated.connect(lambda _i, n=name, t=topic.id, c=combo:
                                            self._set_topic(n, t, c))
                    label = QLabel(directed(isolate(topic.label)), self)
                    label.setToolTip(plain_tooltip(topic.label_en))
                    label.setTextFormat(Qt.TextFormat.PlainText)
                    label.setWordWrap(True)  # a long topic never widens the dock
                    self.form.addRow(label, combo)
                    self.topic_combos[(name, topic.id)] = combo
                continue
            widget: QtWidgets.QWidget
            if definition.kind == "single":
                combo = self._combo(definition.values, title)
                combo.activated.connect(lambda _i, n=name, c=combo: self._set(n, c.currentData()))
                widget = combo
            elif definition.kind == "bool":
                box = QtWidgets.QCheckBox(self)
                box.setAccessibleName(title)
                box.toggled.connect(lambda on, n=name: self._set(n, bool(on)))
                widget = box
            elif definition.kind == "text":
                line = QtWidgets.QLineEdit(self)
                line.setAccessibleName(title)
                line.editingFinished.connect(
                    lambda n=name, e=line: self._set(n, e.text().strip() or None))
                widget = line
            else:
                widget = plain_label("", self)
            widget.setToolTip(plain_tooltip(definition.description))
            self.form.addRow(title, widget)
            self.fields[name] = widget

    def _combo(self, values: tuple[str, ...], name: str) -> QtWidgets.QComboBox:
        combo = document_combo(QtWidgets.QComboBox(self))
        combo.setAccessibleName(name)
        combo.addItem(NO_VALUE, None)
        for value in values:
            combo.addItem(value, value)
        return combo

    def _set(self, name: str, value: Any) -> None:
        if not self._updating:
            self.wb.actions.stance.set_document_label(name, value)

    def _set_topic(self, name: str, topic: str, combo: QtWidgets.QComboBox) -> None:
        if not self._updating:
            value = combo.currentData()
            self.wb.actions.stance.set_topic_label(name, topic,
                                                   value if isinstance(value, str) else None)

    def refresh(self) -> None:
        """Show the stored labels of the open document."""
        labels = self.wb.session.links.labels
        self._updating = True
        self.setEnabled(self.wb.session.doc_id is not None)
        for name, widget in self.fields.items():
            value = labels.get(name)
            if isinstance(widget, QtWidgets.QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QtWidgets.QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QtWidgets.QLineEdit):
                widget.setText(str(value or ""))
            elif isinstance(widget, QLabel):
                widget.setText(", ".join(map(str, value)) if isinstance(value, list)
                               else NO_VALUE)
        for (name, topic), combo in self.topic_combos.items():
            per_topic = labels.get(name)
            value = per_topic.get(topic) if isinstance(per_topic, dict) else None
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self._updating = False
