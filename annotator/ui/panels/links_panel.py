"""The links panel: the document's quotes, events, stances and suggestions, and their details.

* The list groups the links; choosing one (click, or arrows + Enter) selects it in the
  workbench and scrolls the editor to it, and selecting one in the editor makes it current.
* Below it, the selected link's details: a quote's kind, speaker and boundaries (see
  :mod:`.quote_page`), an event's attributes and arguments (a role and a nearby entity;
  the role list is the type's, so a role that does not accept the entity is refused by the
  store with the reason in the status bar), a suggestion's Accept and Reject.
* The stance form (opened by "Stance…" or Ctrl+Shift+T) chooses holder, target (entity,
  event or project topic), label and evidence; on a selected stance its label changes it.

Item data are strings (``entity:17``, ``event:3``, ``topic:ID``,
``quote:2``, ``span:START:END``). Combo boxes list *nearby* entities (around the
selection, see :mod:`annotator.ui.session.choices`). Every control is reachable with Tab.
"""

from __future__ import annotations

from annotator.core.model import AUTHOR, Span, StanceTarget
from annotator.core.text import settle_span
from annotator.ui.panels.quote_page import QuotePage
from annotator.ui.plain_text import plain_label, plain_tooltip
from annotator.ui.qt import QAction, QLabel, Qt, QtCore, QtWidgets, QVBoxLayout, QWidget
from annotator.ui.session.choices import UNKNOWN, entity_text, nearby, preview
from annotator.ui.workbench import Workbench


class LinksPanel(QWidget):
    """Lists and edits the links of the workbench's document."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = workbench
        self._updating = False
        self.buttons = QtWidgets.QWidget(self)
        self.button_row = QtWidgets.QHBoxLayout(self.buttons)
        self.button_row.setContentsMargins(0, 0, 0, 0)
        self.button_row.setSpacing(4)
        self.tree = QtWidgets.QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Quotes, events and stances")
        self.tree.setRootIsDecorated(True)
        self.groups: dict[str, QtWidgets.QTreeWidgetItem] = {}
        for kind, title in (("q", "Quotes"), ("v", "Events"), ("s", "Stances"),
                            ("g", "Suggestions")):
            group = QtWidgets.QTreeWidgetItem(self.tree, [title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setExpanded(True)
            self.groups[kind] = group
        self.details = QtWidgets.QStackedWidget(self)
        self.empty_page = QLabel("Select a quote, event or stance, or mark one:\n"
                                 "select text, then Quote (Ctrl+Shift+Q) or Event "
                                 "(Ctrl+Shift+E).", self)
        self.empty_page.setWordWrap(True)
        self.details.addWidget(self.empty_page)
        self.quote_page = QuotePage(workbench, self)
        self.details.addWidget(self.quote_page)
        self._build_event_page()
        self._build_suggestion_page()
        self._build_stance_form()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.buttons)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.details)
        layout.addWidget(self.stance_box)
        self.tree.itemActivated.connect(self._on_item)
        self.tree.itemClicked.connect(self._on_item)
        self.wb.linksChanged.connect(self.refresh)
        # A row names its speaker, holder, target and arguments with their labels.
        workbench.annotationsChanged.connect(self.refresh)
        self.wb.picked.connect(self._on_picked)
        workbench.annotationSelected.connect(self._on_selected)
        # The stance form holds the open document's entities, quotes and selected text:
        # another document must not inherit them (a span would point into the wrong text).
        workbench.documentOpened.connect(self._on_document_opened)
        self.refresh()

    def add_actions(self, actions: list[QAction]) -> None:
        """Tool buttons for the window's link actions (the panel's mouse path)."""
        for action in actions:
            button = QtWidgets.QToolButton(self.buttons)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)

    # -- pages --------------------------------------------------------------------------------

    def _form_page(self) -> tuple[QWidget, QtWidgets.QFormLayout]:
        page = QWidget(self)
        form = QtWidgets.QFormLayout(page)
        form.setContentsMargins(0, 4, 0, 0)
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.details.addWidget(page)
        return page, form

    def _build_event_page(self) -> None:
        self.event_page, form = self._form_page()
        self.event_type_label = plain_label("", self.event_page)
        self.event_type_label.setObjectName("eventType")
        form.addRow("Type", self.event_type_label)
        self.event_attr_combos: dict[str, QtWidgets.QComboBox] = {}
        for name, attr in self.wb.project.schema.event_attributes.items():
            combo = QtWidgets.QComboBox(self.event_page)
            combo.setAccessibleName(name)
            combo.setToolTip(plain_tooltip(attr.description))
            for value in attr.values:
                combo.addItem(value, value)
            combo.activated.connect(lambda _i, n=name, c=combo: self._guard(
                lambda: self.wb.actions.event.set_event_attribute(n, str(c.currentData()))))
            form.addRow(name.capitalize(), combo)
            self.event_attr_combos[name] = combo
        self.argument_list = QtWidgets.QListWidget(self.event_page)
        self.argument_list.setAccessibleName("Arguments")
        self.argument_list.setMaximumHeight(110)
        self.remove_argument = QtWidgets.QPushButton("Remove argument", self.event_page)
        self.role_combo = QtWidgets.QComboBox(self.event_page)
        self.role_combo.setAccessibleName("Role")
        self.argument_combo = QtWidgets.QComboBox(self.event_page)
        self.argument_combo.setAccessibleName("Argument entity")
        self.add_argument = QtWidgets.QPushButton("Add", self.event_page)
        self.pick_argument = QtWidgets.QPushButton("Pick in text", self.event_page)
        adder = QtWidgets.QHBoxLayout()
        adder.addWidget(self.role_combo)
        adder.addWidget(self.argument_combo, 1)
        adder.addWidget(self.add_argument)
        form.addRow("Arguments", self.argument_list)
        form.addRow("", self.remove_argument)
        form.addRow("New", adder)
        form.addRow("", self.pick_argument)
        self.remove_argument.clicked.connect(self._on_remove_argument)
        self.add_argument.clicked.connect(self._on_add_argument)
        self.pick_argument.clicked.connect(lambda: self.wb.actions.pick.begin("argument"))

    def _build_suggestion_page(self) -> None:
        self.suggestion_page, form = self._form_page()
        self.suggestion_label = plain_label("", self.suggestion_page)
        self.suggestion_label.setWordWrap(True)
        self.accept_button = QtWidgets.QPushButton("Accept (Enter)", self.suggestion_page)
        self.reject_button = QtWidgets.QPushButton("Reject (Delete)", self.suggestion_page)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        form.addRow(self.suggestion_label)
        form.addRow(row)
        suggestions = self.wb.actions.suggestion
        self.accept_button.clicked.connect(lambda _checked=False: suggestions.accept_suggestion())
        self.reject_button.clicked.connect(lambda _checked=False: suggestions.reject_suggestion())

    def _build_stance_form(self) -> None:
        self.stance_box = QtWidgets.QGroupBox("Stance", self)
        form = QtWidgets.QFormLayout(self.stance_box)
        self.holder_combo = QtWidgets.QComboBox(self.stance_box)
        self.holder_combo.setAccessibleName("Stance holder")
        self.target_combo = QtWidgets.QComboBox(self.stance_box)
        self.target_combo.setAccessibleName("Stance target")
        self.stance_label_combo = QtWidgets.QComboBox(self.stance_box)
        self.stance_label_combo.setAccessibleName("Stance label")
        for label in self.wb.project.schema.stance_labels:
            self.stance_label_combo.addItem(label, label)
        self.evidence_combo = QtWidgets.QComboBox(self.stance_box)
        self.evidence_combo.setAccessibleName("Evidence")
        self.pick_holder = QtWidgets.QPushButton("Pick", self.stance_box)
        self.pick_target = QtWidgets.QPushButton("Pick", self.stance_box)
        self.add_stance_button = QtWidgets.QPushButton("Add stance", self.stance_box)
        for title, combo, pick in (("Holder", self.holder_combo, self.pick_holder),
                                   ("Target", self.target_combo, self.pick_target)):
            row = QtWidgets.QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(pick)
            form.addRow(title, row)
        form.addRow("Label", self.stance_label_combo)
        form.addRow("Evidence", self.evidence_combo)
        form.addRow("", self.add_stance_button)
        self.pick_holder.clicked.connect(lambda: self.wb.actions.pick.begin("holder"))
        self.pick_target.clicked.connect(lambda: self.wb.actions.pick.begin("target"))
        self.add_stance_button.clicked.connect(self.submit_stance)
        self.stance_label_combo.activated.connect(self._on_stance_label)
        self.stance_box.hide()

    # -- filling ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rebuild the list from the controller's data and show the selection's details."""
        data, text = self.wb.session.links, self.wb.session.text
        self._updating = True
        for group in self.groups.values():
            group.takeChildren()
        for key, quote in data.quotes.items():
            speaker = "AUTHOR" if quote.speaker == AUTHOR else (
                entity_text(self.wb.session, quote.speaker) if quote.speaker else UNKNOWN)
            self._child("q", key, f"«{preview(quote.content.slice(text))}» — {speaker}")
        for key, event in data.events.items():
            self._child("v", key, f"{event.type}: {event.trigger.slice(text)}"
                        f" ({len(event.arguments)} arguments)")
        topics = self.wb.project.schema.topics
        for key, stance in data.stances.items():
            holder = "AUTHOR" if stance.holder == AUTHOR else (
                entity_text(self.wb.session, stance.holder) if stance.holder else UNKNOWN)
            target = stance.target
            if target.topic is not None:
                aim = topics[target.topic].label if target.topic in topics else target.topic
            elif target.entity is not None:
                aim = entity_text(self.wb.session, target.entity)
            else:
                trigger = data.events.get(str(target.event))
                aim = trigger.type if trigger is not None else "event"
            self._child("s", key, f"{holder} → {aim}: {stance.label}")
        for n, suggestion in enumerate(self.wb.session.suggestions):
            self._child("g", str(n), f"«{preview(suggestion.content.slice(text))}»")
        for group in self.groups.values():
            title = group.text(0).split(" (")[0]
            group.setText(0, f"{title} ({group.childCount()})")
        self._updating = False
        self._on_selected(self.wb.session.selected or "")

    def _on_document_opened(self, _doc_id: int) -> None:
        """Close the stance form: its choices belong to the document shown before."""
        self.stance_box.hide()

    def _child(self, kind: str, key: str, text: str) -> None:
        item = QtWidgets.QTreeWidgetItem(self.groups[kind], [text])
        item.setData(0, Qt.ItemDataRole.UserRole, f"{kind}{key}")
        item.setToolTip(0, plain_tooltip(text))

    def item_for(self, owner: str) -> QtWidgets.QTreeWidgetItem | None:
        """The list row of a link."""
        group = self.groups.get(owner[:1])
        if group is None:
            return None
        for i in range(group.childCount()):
            child = group.child(i)
            if child is not None and child.data(0, Qt.ItemDataRole.UserRole) == owner:
                return child
        return None

    def _on_item(self, item: QtWidgets.QTreeWidgetItem, _column: int = 0) -> None:
        owner = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(owner, str) and not self._updating:
            self.wb.reveal(owner)

    def _on_selected(self, selected: str) -> None:
        """Follow the workbench's selection: current row and details page."""
        self._updating = True
        item = self.item_for(selected) if selected else None
        if item is not None:
            self.tree.setCurrentItem(item)
        elif self.tree.currentItem() is not None:
            self.tree.clearSelection()
            self.tree.setCurrentIndex(QtCore.QModelIndex())
        kind, key = selected[:1], selected[1:]
        if item is not None and kind == "q":
            self.quote_page.show_quote(key)
            self.details.setCurrentWidget(self.quote_page)
        elif item is not None and kind == "v":
            self._show_event(key)
        elif item is not None and kind == "g":
            self._show_suggestion(int(key))
        elif item is not None and kind == "s":
            self.details.setCurrentWidget(self.empty_page)
            self.open_stance_form(focus=False)
        else:
            self.details.setCurrentWidget(self.empty_page)
        self._updating = False

    def _show_event(self, key: str) -> None:
        event = self.wb.session.links.events[key]
        schema = self.wb.project.schema
        self.event_type_label.setText(event.type)
        for name, combo in self.event_attr_combos.items():
            definition = schema.event_attributes[name]
            value = event.attrs.get(name, definition.default)
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.argument_list.clear()
        for row in self.wb.session.links.arguments.get(key, []):
            who = entity_text(self.wb.session, row.entity_id)
            item = QtWidgets.QListWidgetItem(f"{row.role}: {who}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.argument_list.addItem(item)
        self.role_combo.clear()
        for role in schema.allowed_roles(event.type):
            self.role_combo.addItem(role, role)
        self.argument_combo.clear()
        for entity_id in nearby(self.wb.session, event.trigger.start):
            self.argument_combo.addItem(entity_text(self.wb.session, entity_id), entity_id)
        self.details.setCurrentWidget(self.event_page)

    def _show_suggestion(self, index: int) -> None:
        suggestion = self.wb.session.suggestions[index]
        text = self.wb.session.text
        speaker = (entity_text(self.wb.session, suggestion.speaker) if suggestion.speaker
                   else UNKNOWN)
        self.suggestion_label.setText(
            f"Cue: {suggestion.cue.slice(text)} ({suggestion.cue_lemma})\n"
            f"Speaker: {speaker} — {suggestion.speaker_reason}\nKind: {suggestion.kind}")
        self.details.setCurrentWidget(self.suggestion_page)

    # -- stance form --------------------------------------------------------------------------

    def open_stance_form(self, focus: bool = True) -> None:
        """Fill and show the stance form: holder from the selected entity or quote speaker,
        evidence from a selected quote, target choices near the selection."""
        data, wb = self.wb.session.links, self.wb
        selected = wb.session.selected or ""
        stance = data.stances.get(selected[1:]) if selected[:1] == "s" else None
        quote = data.quotes.get(selected[1:]) if selected[:1] == "q" else None
        centre = wb.cursor_codepoint()
        if selected in wb.session.entities:
            centre = wb.session.entities[selected].start
        elif quote is not None:
            centre = quote.content.start
        self.holder_combo.clear()
        self.holder_combo.addItem("AUTHOR (the article's author)", AUTHOR)
        for entity_id in nearby(self.wb.session, centre, wb.project.schema.holder_types):
            self.holder_combo.addItem(entity_text(self.wb.session, entity_id), entity_id)
        self.target_combo.clear()
        for topic in wb.project.schema.topics.values():
            self.target_combo.addItem(f"Topic: {topic.label}", f"topic:{topic.id}")
        for key, event in data.events.items():
            self.target_combo.addItem(f"Event: {event.type} ({event.trigger.slice(wb.session.text)})",
                                      f"event:{key}")
        for entity_id in nearby(self.wb.session, centre):
            self.target_combo.addItem(entity_text(self.wb.session, entity_id), f"entity:{entity_id}")
        self.evidence_combo.clear()
        self.evidence_combo.addItem("— none —", None)
        for key, q in data.quotes.items():
            self.evidence_combo.addItem(f"Quote «{preview(q.content.slice(wb.session.text))}»",
                                        f"quote:{key}")
        selection = wb.editor.selection_codepoints()
        if selection is not None:  # trimmed like every span (no space, joiner or bidi mark edge)
            start, end = settle_span(wb.session.text, *selection)
            if start < end:
                self.evidence_combo.addItem("The selected text", f"span:{start}:{end}")
        holder = quote.speaker if quote is not None else (
            selected if selected in wb.session.entities else None)
        if stance is not None:
            holder = stance.holder
            self.stance_label_combo.setCurrentIndex(
                max(self.stance_label_combo.findData(stance.label), 0))
        if holder is not None:
            self._select_data(self.holder_combo, holder)
        if quote is not None:
            self._select_data(self.evidence_combo, f"quote:{selected[1:]}")
        self.add_stance_button.setEnabled(stance is None)
        self.stance_box.show()
        if focus:
            self.holder_combo.setFocus()

    @staticmethod
    def _select_data(combo: QtWidgets.QComboBox, value: object) -> None:
        for i in range(combo.count()):
            if combo.itemData(i) == value:
                combo.setCurrentIndex(i)
                return
        if isinstance(value, str) and ":" not in value:  # an entity outside the nearby window
            combo.addItem(value, value)
            combo.setCurrentIndex(combo.count() - 1)

    def _on_picked(self, purpose: str, span_id: str) -> None:
        owner = self.wb.session.links
        if purpose == "holder":
            if span_id not in self.wb.session.entities:
                self.wb.message.emit("Refused: a stance holder must be an entity (or AUTHOR).")
                return
            self._select_data(self.holder_combo, span_id)
        elif span_id in self.wb.session.entities:
            self._select_data(self.target_combo, f"entity:{span_id}")
        elif span_id.startswith("v") and span_id[1:] in owner.events:
            self._select_data(self.target_combo, f"event:{span_id[1:]}")
        else:
            self.wb.message.emit("Refused: a stance target is an entity, an event trigger"
                                 " or a topic.")

    def submit_stance(self) -> bool:
        """Add the stance the form describes."""
        holder = self.holder_combo.currentData()
        target_data = self.target_combo.currentData()
        label = self.stance_label_combo.currentData()
        if not isinstance(target_data, str) or not isinstance(label, str):
            self.wb.message.emit("Choose the stance's target and label.")
            return False
        kind, key = target_data.split(":", 1)
        target = StanceTarget(**{kind: key})
        evidence_data = self.evidence_combo.currentData()
        evidence: str | Span | None = None
        if isinstance(evidence_data, str) and evidence_data.startswith("quote:"):
            evidence = evidence_data.split(":", 1)[1]
        elif isinstance(evidence_data, str) and evidence_data.startswith("span:"):
            _, start, end = evidence_data.split(":")
            evidence = Span(int(start), int(end))
        return self.wb.actions.stance.add_stance(holder if isinstance(holder, str) else None, target,
                                     label, evidence)

    def _on_stance_label(self, _index: int) -> None:
        label = self.stance_label_combo.currentData()
        if not self._updating and self.wb.session.selected_kind("s") is not None \
                and isinstance(label, str):
            self.wb.actions.stance.set_stance_label(label)

    # -- event arguments ----------------------------------------------------------------------

    def _on_remove_argument(self) -> None:
        item = self.argument_list.currentItem()
        if item is None:
            self.wb.message.emit("Choose the argument to remove.")
            return
        self.wb.actions.event.remove_argument(int(item.data(Qt.ItemDataRole.UserRole)))

    def _on_add_argument(self) -> None:
        role, entity_id = self.role_combo.currentData(), self.argument_combo.currentData()
        if not isinstance(role, str) or not isinstance(entity_id, str):
            self.wb.message.emit("Choose a role and an entity.")
            return
        self.wb.actions.event.add_argument(role, entity_id)

    def _guard(self, action: object) -> None:
        if not self._updating and callable(action):
            action()
