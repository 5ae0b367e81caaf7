"""The app on a server project: a save made elsewhere shows in the open window without a
reload (issue 15: live updates through the server's notifications)."""

from __future__ import annotations

from typing import Any

from tests.server.conftest import Team, team  # noqa: F401 - the fixture
from tests.server.helpers import TEXT_A, TEXT_B, span
from tests.ui.helpers import shown_window

WAIT_MS = 10_000
"""Longest wait for the window to follow (a bound on a hang, not a timing asserted)."""


def test_a_save_on_another_desktop_shows_in_the_open_window(qtbot: Any, team: Team) -> None:  # noqa: F811
    window = shown_window(qtbot, team.open("alice"))
    assert window.live is not None
    window.watch.stop()  # no reload by the file watch: only the notifications bring it
    with team.open("alice") as desk2:
        a = desk2.find_document("a")
        assert a is not None
        window.workbench.open_document(a)
        entity = desk2.add_entity(a, *span(TEXT_A, "موسكو"), "GPE")
    qtbot.waitUntil(lambda: str(entity) in window.workbench.session.entities, timeout=WAIT_MS)
    assert window.workbench.session.entities[str(entity)].label == "GPE"


def test_a_colleagues_save_in_the_open_document_reloads_the_view(
        qtbot: Any, team: Team) -> None:  # noqa: F811
    window = shown_window(qtbot, team.open("bob"))
    assert window.live is not None
    window.watch.stop()
    with team.open("alice") as alice:
        a = alice.find_document("a")
        assert a is not None
        window.workbench.open_document(a)
        with qtbot.waitSignal(window.live.reloadNeeded, timeout=WAIT_MS):
            alice.add_entity(a, *span(TEXT_A, "روسيا"), "GPE")
    assert window.workbench.session.entities == {}  # bob's own layer stays his


def test_colleagues_work_elsewhere_does_not_reload_the_view(qtbot: Any, team: Team) -> None:  # noqa: F811
    """On a server every colleague's write moves the project's data version: the file watch
    reloaded the open document (and said "another program changed this project") whenever
    anyone in the team saved anything, every two seconds for a busy team. The notifications
    say precisely what changed; the data version is left to file projects."""
    window = shown_window(qtbot, team.open("bob"))
    with team.open("alice") as alice:
        a, b = alice.find_document("a"), alice.find_document("b")
        assert a is not None
        assert b is not None
        window.workbench.open_document(a)
        opened: list[int] = []
        window.workbench.documentOpened.connect(opened.append)
        alice.add_entity(b, *span(TEXT_B, "واشنطن"), "GPE")  # alice works elsewhere
        qtbot.wait(500)  # its notification may or may not have arrived: either way,
        alice.set_state("last_document", b)  # and switches documents (no notification)
        window.watch.poll()  # neither may reload bob's view
        assert window.live is not None
        window.live.poll()
    assert opened == []
    assert "changed this project" not in window.statusBar().currentMessage()
