"""Project ▸ Edit Schema…: the schema as editable tables, saved as a new schema version.

One tab per part of the schema (entity labels with colour and key, attributes, quote kinds,
stance labels and topics, event types with roles and role types, document labels), each a
:class:`~annotator.ui.models.schema_rows.SchemaRowsModel`. A name edited in place is a
rename: Save applies the edited schema with those renames as ``OLD=NEW`` mappings through
``Project.apply_schema`` (one undoable action: the Edit menu names it). A refusal — a
mistake in the schema, or annotations it would orphan — is shown in the dialog, as plain
text, and nothing is saved. The window follows the store's SchemaChanged event.
"""

from __future__ import annotations

import dataclasses

from annotator.core.schema import (
    AttributeDef,
    DocumentLabelDef,
    EntityType,
    EventType,
    Schema,
    Topic,
)
from annotator.core.schema.changes import Rename
from annotator.core.schema.edit import with_entity_types
from annotator.core.store import Project, ProjectError, SchemaChangeError
from annotator.ui.i18n import noop, translate
from annotator.ui.models.schema_rows import SchemaRowsModel
from annotator.ui.plain_text import plain_label
from annotator.ui.qt import QPlainTextEdit, Qt, QtWidgets, QVBoxLayout, QWidget

LTR = Qt.LayoutDirection.LeftToRight


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.replace(";", ",").split(",") if part.strip())


def _role_types_text(event: EventType) -> str:
    return "; ".join(f"{role}: {' '.join(labels)}" for role, labels in event.role_types.items())


def _role_types(text: str) -> dict[str, tuple[str, ...]]:
    result: dict[str, tuple[str, ...]] = {}
    for part in text.split(";"):
        role, _, labels = part.partition(":")
        if role.strip():
            result[role.strip()] = tuple(labels.split())
    return result


def _attributes_rows(attributes: dict[str, AttributeDef]) -> list[list[str]]:
    return [[a.name, ", ".join(a.values), a.default or "", a.description]
            for a in attributes.values()]


def _attributes(rows: list[list[str]]) -> dict[str, AttributeDef]:
    return {r[0]: AttributeDef(r[0], _split(r[1]), r[2] or None, r[3]) for r in rows}


class SchemaTables:
    """The models of every tab, loaded from a schema; :meth:`schema` builds the edited one."""

    def __init__(self, schema: Schema) -> None:
        self.base = schema
        self.entities = SchemaRowsModel(["label", "color", "hotkey", "description"], [
            [t.name, t.color, t.hotkey or "", t.description] for t in schema.entity_types.values()])
        self.entity_attributes = SchemaRowsModel(["name", "values", "default", "description"],
                                                 _attributes_rows(schema.entity_attributes))
        self.quote_kinds = SchemaRowsModel(["quote kind"], [[k] for k in schema.quote_kinds])
        self.stance_labels = SchemaRowsModel(["stance label"],
                                             [[label] for label in schema.stance_labels])
        self.topics = SchemaRowsModel(["id", "label", "label_en"], [
            [t.id, t.label, t.label_en] for t in schema.topics.values()])
        self.events = SchemaRowsModel(["type", "roles", "role types", "description"], [
            [e.name, ", ".join(e.roles), _role_types_text(e), e.description]
            for e in schema.event_types.values()])
        self.event_attributes = SchemaRowsModel(["name", "values", "default", "description"],
                                                _attributes_rows(schema.event_attributes))
        self.document_labels = SchemaRowsModel(
            ["name", "kind", "values", "per_topic", "description"], [
                [d.name, d.kind, ", ".join(d.values), "yes" if d.per_topic else "",
                 d.description] for d in schema.document_labels.values()])

    def renames(self) -> list[Rename]:
        """Every name edited in place, as a rename of its category."""
        parts = (("entity", self.entities), ("quote", self.quote_kinds),
                 ("stance", self.stance_labels), ("topic", self.topics),
                 ("event", self.events))
        return [Rename(category, old, new) for category, model in parts
                for old, new in model.renames().items()]

    def schema(self) -> Schema:
        """The edited schema (not checked: ``Project.apply_schema`` parses its TOML)."""
        types = {r[0]: EntityType(r[0], r[1].lower(), r[2] or None, r[3])
                 for r in self.entities.rows()}
        edited = dataclasses.replace(
            self.base,
            entity_attributes=_attributes(self.entity_attributes.rows()),
            quote_kinds=tuple(r[0] for r in self.quote_kinds.rows()),
            stance_labels=tuple(r[0] for r in self.stance_labels.rows()),
            topics={r[0]: Topic(r[0], r[1], r[2]) for r in self.topics.rows()},
            event_types={r[0]: EventType(r[0], _split(r[1]), _role_types(r[2]), r[3])
                         for r in self.events.rows()},
            event_attributes=_attributes(self.event_attributes.rows()),
            document_labels={r[0]: DocumentLabelDef(r[0], r[1], _split(r[2]),
                                                    r[3].lower() in ("yes", "true", "1"), r[4])
                             for r in self.document_labels.rows()})
        return with_entity_types(edited, types, self.entities.renames())


class SchemaEditor(QtWidgets.QDialog):
    """The schema editor dialog of one project."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(translate("SchemaEditor", "Edit Schema"))
        # The dialog mirrors with the interface (Arabic); its tables and report of schema
        # names stay left to right (see _page).
        self.tables = SchemaTables(project.schema)
        self.tabs = QtWidgets.QTabWidget(self)
        self.views: dict[str, QtWidgets.QTableView] = {}
        t = self.tables
        for title, model in ((noop("SchemaEditor", "Entity labels"), t.entities),
                             (noop("SchemaEditor", "Entity attributes"), t.entity_attributes),
                             (noop("SchemaEditor", "Quote kinds"), t.quote_kinds),
                             (noop("SchemaEditor", "Stance labels"), t.stance_labels),
                             (noop("SchemaEditor", "Stance topics"), t.topics),
                             (noop("SchemaEditor", "Event types"), t.events),
                             (noop("SchemaEditor", "Event attributes"), t.event_attributes),
                             (noop("SchemaEditor", "Document labels"), t.document_labels)):
            self.tabs.addTab(self._page(title, model), translate("SchemaEditor", title))
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setLayoutDirection(LTR)
        self.report.setMaximumHeight(120)
        self.report.setPlaceholderText(translate("SchemaEditor",
                                                 "What Save would refuse is shown here."))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Save
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(translate("SchemaEditor",
                                               "Rename a name in place to relabel its annotations;"
                                     " Save stores a new schema version (Edit ▸ Undo reverts"
                                     " it)."), self))
        layout.addWidget(self.tabs)
        layout.addWidget(self.report)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def _page(self, title: str, model: SchemaRowsModel) -> QWidget:
        page = QWidget(self)
        view = QtWidgets.QTableView(page)
        view.setModel(model)
        view.setLayoutDirection(LTR)  # Arabic cells keep their own direction inside
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        view.resizeColumnsToContents()  # whole Arabic topic labels and glosses where they fit
        view.setAccessibleName(title)
        self.views[title] = view
        row = QtWidgets.QHBoxLayout()
        add = QtWidgets.QPushButton(translate("SchemaEditor", "Add"), page)
        add.clicked.connect(lambda: self._add(view, model))
        remove = QtWidgets.QPushButton(translate("SchemaEditor", "Remove"), page)
        remove.clicked.connect(lambda: model.remove_row(view.currentIndex().row()))
        row.addWidget(add)
        row.addWidget(remove)
        if "color" in model.columns:
            color = QtWidgets.QPushButton(translate("SchemaEditor", "Colour…"), page)
            color.clicked.connect(lambda: self.pick_color(view.currentIndex().row()))
            row.addWidget(color)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(view)
        layout.addLayout(row)
        return page

    def _add(self, view: QtWidgets.QTableView, model: SchemaRowsModel) -> None:
        row = model.add_row([])
        view.setCurrentIndex(model.index(row, 0))
        view.edit(model.index(row, 0))

    def pick_color(self, row: int) -> None:
        """Choose the colour of an entity label with QColorDialog."""
        model = self.tables.entities
        if not 0 <= row < model.rowCount():
            return
        index = model.index(row, model.columns.index("color"))
        from annotator.ui.qt import QtGui

        chosen = QtWidgets.QColorDialog.getColor(QtGui.QColor(str(index.data())), self,
                                                 translate("SchemaEditor", "Label colour"))
        if chosen.isValid():
            model.setData(index, chosen.name())

    def save(self) -> bool:
        """Apply the edited schema; on a refusal show why and stay open."""
        try:
            toml_text = self.tables.schema().to_toml()
            change = self.project.apply_schema(toml_text, self.tables.renames())
        except SchemaChangeError as exc:
            self.report.setPlainText(translate("SchemaEditor", "Not saved:") + "\n"
                                     + "\n".join(exc.lines))
            return False
        except (ProjectError, ValueError) as exc:
            self.report.setPlainText(translate("SchemaEditor", "Not saved: {exc}").format(exc=exc))
            return False
        self.report.setPlainText("\n".join(change.lines()))
        self.accept()
        return True
