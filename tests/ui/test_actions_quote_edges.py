"""Moving the edges of a quote's words and cue: edge keys, the part switch, the panel's
buttons; each move is one "Edit quote" journal entry, checked in the project file."""


from __future__ import annotations

from pathlib import Path

from annotator.core.model import Span
from annotator.ui.window.main_window import MainWindow
from tests.ui.helpers import click_span, find, journal_actions, rows, shortcut

QUOTED = "لن نقبل بأي تسوية تفرض على الشعب السوري من الخارج"
CONTENT = "SELECT content_start, content_end FROM quotes"
CUE = "SELECT cue_start, cue_end FROM quotes"


def part(window: MainWindow) -> str:
    """The quote part the edge keys move (read fresh: it changes behind the test's back)."""
    return window.workbench.session.quote_part


def _quote_with_cue(window: MainWindow) -> int:
    """Store the first quote with its cue قال (inside وقال); returns the quote id."""
    text = window.workbench.session.text
    doc_id = window.workbench.session.doc_id
    assert doc_id is not None
    quote_id = window.workbench.project.add_quote(doc_id, Span(*find(text, QUOTED)),
                                                  Span(*find(text, "قال")))
    window.workbench.select_annotation(f"q{quote_id}")
    window.editor.setFocus()
    return quote_id


def test_edge_keys_move_the_quoted_words(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                         links_project: Path) -> None:
    window, text = links_window, links_window.workbench.session.text
    quote_id = _quote_with_cue(window)
    start, end = find(text, QUOTED)
    assert window.menu_actions["edge_end_word_start"].isEnabled()
    shortcut(qtbot, window, "Ctrl+Alt+Shift+Right")  # end edge: one word back
    assert rows(links_project, CONTENT) == [(start, find(text, "السوري من")[1])]
    shortcut(qtbot, window, "Ctrl+Alt+Shift+Left")  # and forward again
    assert rows(links_project, CONTENT) == [(start, end)]
    shortcut(qtbot, window, "Ctrl+Alt+Left")  # start edge: one word towards the reading end
    assert rows(links_project, CONTENT) == [(find(text, "نقبل")[0], end)]
    shortcut(qtbot, window, "Alt+Right")  # start edge back one grapheme: the space is passed
    assert rows(links_project, CONTENT) == [(find(text, "لن")[0] + 1, end)]
    # The cue did not move; the quote stays selected; one journal entry per move.
    assert rows(links_project, CUE) == [find(text, "قال")]
    assert window.workbench.session.selected == f"q{quote_id}"
    assert journal_actions(links_project) == ["Add quote"] + ["Edit quote"] * 4
    window.menu_actions.undo.trigger()
    assert rows(links_project, CONTENT) == [(find(text, "نقبل")[0], end)]


def test_the_cue_part_by_click_and_by_key(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                          links_project: Path) -> None:
    window, text = links_window, links_window.workbench.session.text
    quote_id = _quote_with_cue(window)
    content = find(text, QUOTED)
    cue_start, cue_end = find(text, "قال")
    # A click on the cue selects the quote and makes the cue the part the keys move.
    click_span(window, f"k{quote_id}")
    assert window.workbench.session.selected == f"q{quote_id}"
    assert window.editor.selected_span() == f"k{quote_id}"
    window.editor.setFocus()
    shortcut(qtbot, window, "Alt+Right")  # start edge one grapheme back: onto the و
    assert rows(links_project, CUE) == [(cue_start - 1, cue_end)]
    shortcut(qtbot, window, "Alt+Left")
    assert rows(links_project, CUE) == [(cue_start, cue_end)]
    # Ctrl+Alt+C switches back to the quoted words (and again to the cue).
    shortcut(qtbot, window, "Ctrl+Alt+C")
    assert part(window) == "content"
    assert window.editor.selected_span() == f"q{quote_id}"
    shortcut(qtbot, window, "Alt+Shift+Right")  # end edge of the words: one grapheme back
    assert rows(links_project, CONTENT) == [(content[0], content[1] - 1)]
    shortcut(qtbot, window, "Ctrl+Alt+C")
    assert part(window) == "cue"
    shortcut(qtbot, window, "Ctrl+Alt+Shift+Left")  # end edge of the cue: one word on
    assert rows(links_project, CUE) == [(cue_start, find(text, "وزير")[1])]
    assert rows(links_project, CONTENT) == [(content[0], content[1] - 1)]
    assert journal_actions(links_project) == ["Add quote"] + ["Edit quote"] * 4


def test_panel_buttons_move_words_and_cue(qtbot, links_window: MainWindow,  # type: ignore[no-untyped-def]
                                          links_project: Path) -> None:
    window, text = links_window, links_window.workbench.session.text
    _quote_with_cue(window)
    page = window.links_panel.quote_page
    assert window.links_panel.details.currentWidget() is page
    start = find(text, QUOTED)[0]
    page.edges.buttons[("end", -1, "word")].click()
    assert rows(links_project, CONTENT) == [(start, find(text, "السوري من")[1])]
    # Choosing "Cue" above the buttons: they now move the cue.
    page.part_combo.setCurrentIndex(page.part_combo.findData("cue"))
    page.part_combo.activated.emit(page.part_combo.currentIndex())
    assert part(window) == "cue"
    page.edges.buttons[("end", 1, "word")].click()
    cue_start = find(text, "قال")[0]
    assert rows(links_project, CUE) == [(cue_start, find(text, "وزير")[1])]
    page.edges.buttons[("end", -1, "word")].click()
    assert rows(links_project, CUE) == [(cue_start, find(text, "قال")[1])]
    assert page.part_combo.currentData() == "cue"
    assert journal_actions(links_project) == ["Add quote"] + ["Edit quote"] * 3


def test_cue_moves_are_refused_without_a_cue_and_at_the_text_edge(  # type: ignore[no-untyped-def]
        qtbot, links_window: MainWindow, links_project: Path) -> None:
    window, text = links_window, links_window.workbench.session.text
    wb = window.workbench
    doc_id = window.workbench.session.doc_id
    assert doc_id is not None
    quote_id = window.workbench.project.add_quote(doc_id, Span(*find(text, QUOTED)))
    window.workbench.select_annotation(f"q{quote_id}")
    assert not wb.actions.quote.set_quote_part("cue")
    assert "no cue yet" in window.statusBar().currentMessage()
    assert not wb.actions.quote.move_quote_edge("start", -1, part="cue")
    assert "no cue yet" in window.statusBar().currentMessage()
    # A cue at the very start of the text cannot grow towards the reading start.
    window.workbench.project.update_quote(quote_id, cue=Span(0, 4))
    window.workbench.select_annotation(f"k{quote_id}")
    window.editor.setFocus()
    before = journal_actions(links_project)
    shortcut(qtbot, window, "Alt+Right")
    assert "cannot move further" in window.statusBar().currentMessage()
    assert rows(links_project, CUE) == [(0, 4)]
    assert journal_actions(links_project) == before
