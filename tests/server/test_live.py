"""Live updates between desktops (a colleague's committed change arrives as the store's
events) and a client killed mid-action (nothing half-written)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from annotator.core.server.listener import ChangeListener
from annotator.core.store import AnnotationsChanged, DocumentChanged, Project
from tests.cli.helpers import process_env
from tests.server.conftest import Team
from tests.server.helpers import TEXT_A, TEXT_B, span

WAIT_S = 10.0
"""Longest wait for a notification (a bound on a hang, not a timing asserted)."""


def _doc(project: Project, external_id: str) -> int:
    found = project.find_document(external_id)
    assert found is not None
    return found


def _backend_pid(project: Project) -> int:
    return int(project.conn.execute("SELECT pg_backend_pid()").fetchone()[0])


def test_a_second_client_sees_a_colleagues_change_of_its_open_document(team: Team) -> None:
    with team.open("bob") as bob, team.open("alice") as alice:
        a, b = _doc(bob, "a"), _doc(bob, "b")
        with ChangeListener(team.people["bob"], ignore_pid=_backend_pid(bob),
                            open_docs=lambda: {a}) as listener:
            bob.add_entity(a, *span(TEXT_A, "روسيا"), "GPE")  # bob's own: published locally
            alice.add_entity(b, *span(TEXT_B, "كيري"), "PERS")  # not open in bob's window
            moscow = alice.add_entity(a, *span(TEXT_A, "موسكو"), "GPE")
            changes = []
            for _ in range(3):  # bob's own and document b's are left out on the way
                changes += listener.poll(timeout=WAIT_S)
                if changes:
                    break
    assert [c.doc_ids for c in changes] == [(a,)]
    (change,) = changes
    assert change.annotator_id == alice.annotator_id
    (event,) = change.events
    assert isinstance(event, AnnotationsChanged)
    assert event.inserted == (moscow,)
    assert event.entities()[str(moscow)].label == "GPE"


def test_the_same_annotators_second_window_follows_a_status_change(team: Team) -> None:
    with team.open("alice") as window1, team.open("alice") as window2:
        a = _doc(window1, "a")
        with ChangeListener(team.people["alice"], ignore_pid=_backend_pid(window1),
                            open_docs=lambda: {a}) as listener:
            window2.set_status(a, "done")
            changes = listener.poll(timeout=WAIT_S)
    events = [e for c in changes for e in c.events]
    assert events == [DocumentChanged(a, ("status",), {"status": "done"})]


CRASHING_CLIENT = textwrap.dedent("""
    import sys, time
    from annotator.core.store import Project
    from tests.server.helpers import TEXT_A, span
    with Project.open(sys.argv[1], annotator=sys.argv[2]) as p:
        a = p.find_document("a")
        with p.batch("many entities"):
            p.add_entity(a, *span(TEXT_A, "موسكو"), "GPE")
            p.add_entity(a, *span(TEXT_A, "روسيا"), "GPE")
            print("half-way", flush=True)
            time.sleep(600)
            p.add_entity(a, *span(TEXT_A, "بوتين"), "PERS")
""")


def test_a_client_killed_mid_action_leaves_nothing_half_written(team: Team) -> None:
    with team.open("alice") as alice:
        journal = alice.conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    client = subprocess.Popen(
        [sys.executable, "-c", CRASHING_CLIENT, team.people["alice"], team.names["alice"]],
        stdout=subprocess.PIPE, text=True, env=process_env())
    try:
        assert client.stdout is not None
        assert client.stdout.readline().strip() == "half-way"
        client.send_signal(signal.SIGKILL)
    finally:
        client.wait(timeout=WAIT_S)
    with team.open("alice") as alice:
        a = _doc(alice, "a")
        assert alice.get_record(a).entities == []
        assert alice.conn.execute("SELECT count(*) FROM journal").fetchone()[0] == journal
        assert alice.validate() == []
        # the server let go of the dead client's write turn: the next action is saved
        alice.add_entity(a, *span(TEXT_A, "موسكو"), "GPE")
        assert alice.can_undo()


def test_documents_imported_elsewhere_arrive_as_documents_added(team: Team) -> None:
    from annotator.core.model import DocumentRecord
    from annotator.core.store import DocumentsAdded

    with team.open("bob") as bob:
        a = _doc(bob, "a")
        with ChangeListener(team.people["bob"], ignore_pid=_backend_pid(bob),
                            open_docs=lambda: {a}) as listener:
            with Project.open(team.admin) as owner:
                owner.import_records([DocumentRecord(id="c", text=TEXT_B + " جديد")])
                c = _doc(owner, "c")
            changes = listener.poll(timeout=WAIT_S)
    events = [e for change in changes for e in change.events]
    assert DocumentsAdded((c,)) in events
