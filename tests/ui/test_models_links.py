"""The links panel's tree model over the session, under qtmodeltester while links change."""

from __future__ import annotations

from annotator.core.model import AUTHOR, StanceTarget
from annotator.ui.models.links import OwnerRole
from annotator.ui.qt import Qt
from annotator.ui.row_text import strip_isolates
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import entity_id, select_text

QUOTED = "«لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج»"


def test_links_model_passes_qtmodeltester_as_links_come_and_go(  # type: ignore[no-untyped-def]
        qtmodeltester, links_window: MainWindow) -> None:
    wb, model = links_window.workbench, links_window.links_panel.model
    qtmodeltester.check(model)
    assert [model.index(g, 0).data() for g in range(model.rowCount())] == [
        "Quotes (0)", "Events (0)", "Stances (0)", "Suggested Quotes (0)"]
    select_text(links_window, QUOTED)
    assert wb.actions.quote.mark_quote()
    assert wb.actions.quote.set_speaker(entity_id(links_window, "سيرغي لافروف"))
    assert wb.actions.stance.add_stance(AUTHOR, StanceTarget(topic="anti-isis-coalition"),
                                        "FAVOR")
    assert wb.actions.suggestion.suggest() == 1
    qtmodeltester.check(model)
    quote = model.index_of("q1")
    assert quote.data(OwnerRole) == "q1"
    assert "سيرغي لافروف (PERS)" in strip_isolates(quote.data())
    assert quote.parent() == model.group_index("q")
    assert not model.flags(model.group_index("q")) & Qt.ItemFlag.ItemIsSelectable
    assert model.index_of("s1").data().startswith("AUTHOR → ")
    assert model.index_of("g0").isValid()
    assert wb.actions.suggestion.reject_suggestion()
    assert not model.index_of("g0").isValid()
    qtmodeltester.check(model)
