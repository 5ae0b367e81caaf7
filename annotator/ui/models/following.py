"""A model that follows the store's change events while attached."""

from __future__ import annotations

from annotator.core.store import ChangeEvent, Project


class FollowsStore:
    """``attach``/``detach`` a model's ``_on_event`` to ``project.events``. The model sets
    ``_project`` and ``_attached = False`` in its ``__init__``."""

    _project: Project
    _attached: bool

    def _on_event(self, event: ChangeEvent) -> None:
        raise NotImplementedError

    def attach(self) -> None:
        """Follow the store's change events (call :meth:`detach` before the project closes)."""
        if not self._attached:
            self._project.events.subscribe(self._on_event)
            self._attached = True

    def detach(self) -> None:
        """Stop following the store."""
        if self._attached:
            self._project.events.unsubscribe(self._on_event)
            self._attached = False
