"""The links panel's page for a selected quote: kind, speaker and boundaries.

The speaker is AUTHOR, unknown or a nearby entity; "Pick in text" links the next clicked
entity and "Nearest speaker" the most plausible one. The boundaries box moves an edge of the
quoted words or of the cue (the part chosen above it, the same part the edge keys move) by a
grapheme or a word: the mouse path of the edge keys.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.core.model import AUTHOR
from annotator.ui.i18n import noop, translate
from annotator.ui.models.choices import ChoiceListModel
from annotator.ui.panels.edge_buttons import EdgeButtons
from annotator.ui.qt import QtWidgets, QWidget
from annotator.ui.rows import document_combo
from annotator.ui.session.choices import UNKNOWN, Choice, entity_choices, nearby
from annotator.ui.session.stance_form import AUTHOR_CHOICE
from annotator.ui.workbench import Workbench

PARTS = (("content", noop("QuotePage", "Quoted words")), ("cue", noop("QuotePage", "Cue")))


def page_form(page: QWidget) -> QtWidgets.QFormLayout:
    """The form layout of a details page of the links panel."""
    form = QtWidgets.QFormLayout(page)
    form.setContentsMargins(0, 4, 0, 0)
    form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QtWidgets.QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


class QuotePage(QWidget):
    """Shows and edits one quote of the workbench's open document."""

    def __init__(self, workbench: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = workbench
        self._updating = False
        form = page_form(self)
        self.kind_combo = QtWidgets.QComboBox(self)
        self.kind_combo.setAccessibleName(translate("QuotePage", "Quote kind"))
        self.kind_combo.setModel(ChoiceListModel(
            [Choice(k, k) for k in workbench.project.schema.quote_kinds], self.kind_combo))
        self.speakers = ChoiceListModel(parent=self)
        self.speaker_combo = document_combo(QtWidgets.QComboBox(self))
        self.speaker_combo.setAccessibleName(translate("QuotePage", "Speaker"))
        self.speaker_combo.setModel(self.speakers)
        self.pick_speaker = QtWidgets.QPushButton(translate("QuotePage", "Pick in text"), self)
        self.plausible = QtWidgets.QPushButton(translate("QuotePage", "Nearest speaker"), self)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.pick_speaker)
        row.addWidget(self.plausible)
        self.part_combo = QtWidgets.QComboBox(self)
        self.part_combo.setAccessibleName(translate("QuotePage", "Boundaries of"))
        for part, title in PARTS:
            self.part_combo.addItem(translate("QuotePage", title), part)
        self.edges = EdgeButtons(translate("QuotePage", "Boundaries"),
                                 self.wb.actions.quote.move_quote_edge, self,
                                 what=translate("QuotePage", "quoted words or cue"))
        form.addRow(translate("QuotePage", "Kind"), self.kind_combo)
        form.addRow(translate("QuotePage", "Speaker"), self.speaker_combo)
        form.addRow("", row)
        form.addRow(translate("QuotePage", "Edges of"), self.part_combo)
        form.addRow(self.edges)
        self.kind_combo.activated.connect(self._guarded(
            lambda: self.wb.actions.quote.set_quote_kind(str(self.kind_combo.currentData()))))
        self.speaker_combo.activated.connect(self._guarded(
            lambda: self.wb.actions.quote.set_speaker(self.speaker_combo.currentData() or None)))
        self.part_combo.activated.connect(self._guarded(self._on_part))
        self.pick_speaker.clicked.connect(lambda: self.wb.actions.pick.begin("speaker"))
        self.plausible.clicked.connect(self.wb.actions.quote.link_plausible_speaker)

    def _guarded(self, action: Callable[[], object]) -> Callable[[int], None]:
        """A combo box slot that acts only on the user's choice, not while filling."""
        def slot(_index: int) -> None:
            if not self._updating:
                action()
        return slot

    def _on_part(self) -> None:
        part = self.part_combo.currentData()
        if part in ("content", "cue") and part != self.wb.session.quote_part:
            self.wb.actions.quote.set_quote_part(part)
        self._show_part()

    def _show_part(self) -> None:
        self._updating = True
        part = self.wb.session.quote_part
        self.part_combo.setCurrentIndex(max(self.part_combo.findData(part), 0))
        self._updating = False

    def show_quote(self, key: str) -> None:
        """Fill the page from the quote ``key`` of the session."""
        quote = self.wb.session.links.quotes[key]
        self._updating = True
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(quote.kind), 0))
        session = self.wb.session
        ids = nearby(session, quote.content.start, self.wb.project.schema.speaker_types)
        if quote.speaker not in (None, AUTHOR) and quote.speaker not in ids:
            ids.insert(0, str(quote.speaker))
        self.speakers.set_choices([Choice(translate("Choices", UNKNOWN), ""),
                                   Choice(translate("StanceForm", AUTHOR_CHOICE), AUTHOR),
                                   *entity_choices(session, ids)])
        self.speaker_combo.setCurrentIndex(max(self.speakers.row_of(quote.speaker or ""), 0))
        self._updating = False
        self._show_part()
