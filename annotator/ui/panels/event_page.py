"""The links panel's page for a selected event: its type, attributes and arguments.

The argument list, the role list (the event type's roles) and the entity list (entities near
the trigger, see :mod:`annotator.ui.session.choices`) are :class:`ChoiceListModel` s over the
session. A role that does not accept the entity is refused by the store, with the reason in
the status bar.
"""

from __future__ import annotations

from annotator.ui.i18n import translate
from annotator.ui.models.choices import ChoiceListModel
from annotator.ui.panels.quote_page import page_form
from annotator.ui.plain_text import plain_label, plain_tooltip
from annotator.ui.qt import QtWidgets, QWidget
from annotator.ui.rows import document_combo, document_view
from annotator.ui.session.choices import Choice, entity_choices, entity_text, nearby
from annotator.ui.workbench import Workbench


class EventPage(QWidget):
    """Shows and edits one event of the workbench's open document."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = workbench
        self._updating = False
        form = page_form(self)
        self.type_label = plain_label("", self)
        self.type_label.setObjectName("eventType")
        form.addRow(translate("EventPage", "Type"), self.type_label)
        self.event_attr_combos: dict[str, QtWidgets.QComboBox] = {}
        for name, attr in workbench.project.schema.event_attributes.items():
            combo = QtWidgets.QComboBox(self)
            combo.setAccessibleName(name)
            combo.setToolTip(plain_tooltip(attr.description))
            combo.setModel(ChoiceListModel([Choice(v, v) for v in attr.values], combo))
            combo.activated.connect(lambda _i, n=name, c=combo: self._set_attribute(n, c))
            form.addRow(name.capitalize(), combo)
            self.event_attr_combos[name] = combo
        self.arguments = ChoiceListModel(parent=self)
        self.argument_list = QtWidgets.QListView(self)
        self.argument_list.setModel(self.arguments)
        document_view(self.argument_list)
        self.argument_list.setAccessibleName(translate("EventPage", "Arguments"))
        self.argument_list.setMaximumHeight(110)
        self.remove_argument = QtWidgets.QPushButton(translate("EventPage",
                                                               "Remove argument"), self)
        self.roles = ChoiceListModel(parent=self)
        self.role_combo = document_combo(QtWidgets.QComboBox(self))
        self.role_combo.setAccessibleName(translate("EventPage", "Role"))
        self.role_combo.setModel(self.roles)
        self.entities = ChoiceListModel(parent=self)
        self.argument_combo = document_combo(QtWidgets.QComboBox(self))
        self.argument_combo.setAccessibleName(translate("EventPage", "Argument entity"))
        self.argument_combo.setModel(self.entities)
        self.add_argument = QtWidgets.QPushButton(translate("EventPage", "Add"), self)
        self.pick_argument = QtWidgets.QPushButton(translate("EventPage", "Pick in text"), self)
        adder = QtWidgets.QHBoxLayout()
        adder.addWidget(self.argument_combo, 1)
        adder.addWidget(self.add_argument)
        form.addRow(translate("EventPage", "Arguments"), self.argument_list)
        form.addRow("", self.remove_argument)
        form.addRow(translate("EventPage", "New role"), self.role_combo)
        form.addRow(translate("EventPage", "Entity"), adder)
        form.addRow("", self.pick_argument)
        self.remove_argument.clicked.connect(self._on_remove_argument)
        self.add_argument.clicked.connect(self._on_add_argument)
        self.pick_argument.clicked.connect(lambda: self.wb.actions.pick.begin("argument"))

    def show_event(self, key: str) -> None:
        """Fill the page from the event ``key`` of the session."""
        session, schema = self.wb.session, self.wb.project.schema
        event = session.links.events[key]
        self._updating = True
        self.type_label.setText(event.type)
        for name, combo in self.event_attr_combos.items():
            value = event.attrs.get(name, schema.event_attributes[name].default)
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.arguments.set_choices(
            Choice(f"{row.role}: {entity_text(session, row.entity_id)}", str(row.id))
            for row in session.links.arguments.get(key, []))
        self.roles.set_choices(Choice(r, r) for r in schema.allowed_roles(event.type))
        self.entities.set_choices(entity_choices(session, nearby(session, event.trigger.start)))
        self._updating = False

    def _set_attribute(self, name: str, combo: QtWidgets.QComboBox) -> None:
        if not self._updating:
            self.wb.actions.event.set_event_attribute(name, str(combo.currentData()))

    def _on_remove_argument(self) -> None:
        row = self.argument_list.currentIndex()
        if not row.isValid():
            self.wb.message.emit(translate("EventPage", "Choose the argument to remove."))
            return
        self.wb.actions.event.remove_argument(int(self.arguments.choices()[row.row()].data
                                                  or 0))

    def _on_add_argument(self) -> None:
        role, entity_id = self.role_combo.currentData(), self.argument_combo.currentData()
        if not isinstance(role, str) or not isinstance(entity_id, str):
            self.wb.message.emit(translate("EventPage", "Choose a role and an entity."))
            return
        self.wb.actions.event.add_argument(role, entity_id)
