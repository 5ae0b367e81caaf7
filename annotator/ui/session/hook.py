"""A Qt-free notification: the session tells the views what changed without knowing them.

``hook.connect(callback)``; ``hook.emit(...)`` calls every callback in connection order. The
Qt side (:class:`~annotator.ui.workbench.Workbench`) turns them into editor updates and Qt
signals; a headless test connects a list's ``append``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")


class Hook(Generic[P]):
    """Callbacks called with the same arguments, in connection order."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[P, object]] = []

    def connect(self, callback: Callable[P, object]) -> None:
        """Call ``callback`` on every :meth:`emit`."""
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[P, object]) -> None:
        """Stop calling ``callback`` (unknown callbacks are ignored)."""
        self._callbacks = [c for c in self._callbacks if c != callback]

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        """Call every callback."""
        for callback in list(self._callbacks):
            callback(*args, **kwargs)
