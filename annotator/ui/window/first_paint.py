"""Run work in the event-loop pass after a widget's first paint (issue 12: start-up).

A 0 ms timer alone can run before the window's first paint; an event filter that sees the
first ``Paint`` event schedules the callbacks just after it. A widget that is never painted
(hidden, or a test that never shows it) gets them after ``fallback_ms``.
"""

from __future__ import annotations

from collections.abc import Callable

from annotator.ui.qt import QObject, QtCore, QWidget

FALLBACK_MS = 2000
"""When the callbacks run if the widget was not painted by then."""


class AfterFirstPaint(QObject):
    """Calls each callback once, in order, just after ``widget``'s first paint."""

    def __init__(self, widget: QWidget, fallback_ms: int = FALLBACK_MS) -> None:
        super().__init__(widget)
        self._callbacks: list[Callable[[], None]] = []
        self._pending = True
        widget.installEventFilter(self)
        QtCore.QTimer.singleShot(fallback_ms, self, self.run_now)

    def add(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` after the first paint (at once in a later pass if that was)."""
        self._callbacks.append(callback)
        if not self._pending:
            QtCore.QTimer.singleShot(0, self, self.run_now)

    def eventFilter(self, watched: QObject, event: QtCore.QEvent) -> bool:  # noqa: N802
        """The first paint schedules the callbacks."""
        if self._pending and event.type() == QtCore.QEvent.Type.Paint:
            self._pending = False
            watched.removeEventFilter(self)
            QtCore.QTimer.singleShot(0, self, self.run_now)
        return False

    def run_now(self) -> None:
        """Run the callbacks not run yet."""
        if self._pending:
            self._pending = False
            parent = self.parent()
            if isinstance(parent, QObject):
                parent.removeEventFilter(self)
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()
