"""Live updates in the app for a project on a PostgreSQL server (issue 15).

A :class:`~annotator.core.server.listener.ChangeListener` on its own connection; a
``QSocketNotifier`` on that connection's socket wakes the window as soon as a colleague's
transaction commits (a 500 ms timer is the safety net for notifications libpq had already
buffered). What arrives is handled like this:

- changes to the window's OWN layer (the same person in a second window or on a second
  desktop) are published on the project's event hub, exactly as a local action's events: the
  editor, links, status and undo menu follow them row by row;
- changes to another layer, or to the document itself, of the open document (a colleague
  whose layer may be shown, a curator's decision) and documents added by an import ask the
  window to reload (``reloadNeeded``), as after another program's save on SQLite; other
  people's changes to other documents are left alone (their layers are not shown).

What arrived here is consumed from ``Project.external_changes`` so the file watch does not
reload it again.
"""

from __future__ import annotations

from annotator.core.server.listener import ChangeListener, RemoteChange
from annotator.core.store import DocumentsAdded, Project
from annotator.ui.qt import QObject, QtCore, Signal
from annotator.ui.workbench import Workbench

SAFETY_POLL_MS = 500


class LiveUpdates(QObject):
    """Follows the server's notifications for one window."""

    reloadNeeded = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, project: Project, workbench: Workbench,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.workbench = workbench
        pid = project.conn.execute("SELECT pg_backend_pid()").fetchone()[0]
        self.listener = ChangeListener(str(project.path), ignore_pid=int(pid))
        self._notifier = QtCore.QSocketNotifier(self.listener.fileno(),
                                                QtCore.QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self.poll)
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(SAFETY_POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self._stopped = False

    def stop(self) -> None:
        """Stop listening and close the listener's connection (before the project closes)."""
        if self._stopped:
            return
        self._stopped = True
        self._timer.stop()
        self._notifier.setEnabled(False)
        self.listener.close()

    def poll(self) -> None:
        """Read what arrived and hand it on."""
        if self._stopped:
            return
        changes = self.listener.poll()
        if not changes:
            return
        self.project.external_changes()
        self.apply(changes)

    def apply(self, changes: list[RemoteChange]) -> None:
        """Own layer: the events, then the undo state; the open document's other changes and
        new documents: one reload."""
        open_doc = self.workbench.session.doc_id
        mine = self.project.annotator_id
        reload = False
        followed = False
        for change in changes:
            if change.annotator_id == mine:
                self.project.events.publish_all(list(change.events))
                followed = True
            elif open_doc in change.doc_ids or any(
                    isinstance(e, DocumentsAdded) for e in change.events):
                reload = True
        if followed:
            self.project.events.publish(self.project.undo_state())
        if reload:
            self.reloadNeeded.emit()
