"""Helpers of the headless session and action tests: the paragraph their project holds,
finding words in it, and the :class:`Desk` the ``desk`` fixture (``conftest.py``) builds."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.store import Project
from annotator.ui.actions.base import Notify
from annotator.ui.actions.document_actions import DocumentActions
from annotator.ui.session.session import DocumentSession

TEXT = (
    "وقال وزير الخارجية الروسي سيرغي لافروف في مؤتمر صحفي بموسكو: «لن نقبل بأي تسوية تفرض "
    "على الشعب السوري من الخارج». وأضاف: «الحوار هو الطريق الوحيد لإنهاء الأزمة».\n"
    "وشنت طائرات التحالف الدولي هجوماً على مواقع تنظيم داعش قرب مدينة الرقة يوم الأحد، "
    "بينما رحبت الحكومة الفرنسية بالعملية."
)
ENTITIES = [("وزير الخارجية الروسي", "OCC"), ("سيرغي لافروف", "PERS"), ("موسكو", "GPE"),
            ("التحالف الدولي", "ORG"),
            ("الرقة", "GPE"), ("يوم الأحد", "DATE"), ("الحكومة الفرنسية", "ORG")]


def find(surface: str, nth: int = 0) -> tuple[int, int]:
    """``(start, end)`` of the ``nth`` occurrence of ``surface`` in :data:`TEXT`."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1)
    return start, start + len(surface)


@dataclass
class Told:
    """What the actions reported through their :class:`Notify`."""

    messages: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)

    def notify(self) -> Notify:
        return Notify(self.messages.append, lambda state, _detail: self.states.append(state))


@dataclass
class Desk:
    """A project, a session on its one document and the actions, like the workbench's."""

    project: Project
    session: DocumentSession
    actions: DocumentActions
    told: Told
    selection: list[tuple[int, int] | None]

    def select_text(self, surface: str, nth: int = 0) -> None:
        """Select ``surface`` in the text, as the editor would."""
        self.selection[0] = find(surface, nth)

    def entity(self, surface: str) -> str:
        """The id of the entity over ``surface``."""
        span = find(surface)
        return next(e.id for e in self.session.entities.values() if (e.start, e.end) == span)
