"""The choice list model behind combo boxes and lists, under qtmodeltester; and a combo box
over it finds data as with items added by hand."""

from __future__ import annotations

from annotator.ui.models.choices import ChoiceListModel
from annotator.ui.qt import Qt, QtWidgets
from annotator.ui.session.choices import Choice


def test_choices_pass_qtmodeltester_and_serve_a_combo_box(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChoiceListModel([Choice("— none —", None), Choice("<b>لافروف</b> (PERS)", "17")])
    qtmodeltester.check(model)
    combo = QtWidgets.QComboBox()
    qtbot.addWidget(combo)
    combo.setModel(model)
    assert combo.findData("17") == 1
    combo.setCurrentIndex(1)
    assert combo.currentData() == "17"
    tip = model.index(1).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;" in tip
    assert "<b>" not in tip
    model.set_choices([Choice("Place", "Place", "Where it happened")])
    qtmodeltester.check(model)
    assert model.row_of("Place") == 0
    assert model.row_of("17") == -1
    assert "Where it happened" in model.index(0).data(Qt.ItemDataRole.ToolTipRole)
