"""What every action object is built from: the session, the project and a notifier.

An action object (:mod:`.entity`, :mod:`.quote`, :mod:`.event`, :mod:`.stance`,
:mod:`.suggestion`, :mod:`.pick`) is given the :class:`DocumentSession` it reads, the
:class:`Project` it writes to and a :class:`Notify` it reports to; it holds no other state.
Each operation is one store action (or one ``project.batch``): one transaction, one journal
entry. The views never learn from the action what changed: the store's change events say it
(the workbench applies them to the session and the editor).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from annotator.core.store import Project, ProjectError
from annotator.ui.session.session import DocumentSession

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Notify:
    """Where actions report: a message for the status bar and the save state."""

    message: Callable[[str], object]
    """Tell the user something (a refusal, a hint, a count)."""
    save_state: Callable[[str, str], object]
    """``saving``, ``saved`` (the transaction committed) or ``failed`` (with the reason)."""


class SessionActions:
    """The three things an action object is given (the base of every action object)."""

    def __init__(self, session: DocumentSession, project: Project, notify: Notify) -> None:
        self.session = session
        self.project = project
        self.notify = notify

    def run(self, action: Callable[[], T]) -> T | bool | None:
        """Run one store action, reporting the save state: its result (True for an action
        returning None), or None when the store refused it (the reason is told)."""
        return run_store_action(self.notify, action)

    def refuse(self, why: str) -> bool:
        """Tell why nothing happens; False."""
        self.notify.message(why)
        return False


def run_store_action(notify: Notify, action: Callable[[], T]) -> T | bool | None:
    """Run a store action with the save state reported to ``notify`` (see
    :meth:`SessionActions.run`)."""
    notify.save_state("saving", "")
    try:
        result = action()
    except (ValueError, ProjectError) as error:
        notify.save_state("failed", str(error))
        notify.message(str(error))
        return None
    notify.save_state("saved", "")
    return True if result is None else result
