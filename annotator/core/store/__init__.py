"""The project file: one SQLite database per annotation project.

``Project.open(path)`` gives the reading API, the undoable user actions (one transaction
and one journal entry each), ``import_records``, ``validate`` and ``stats``; changes are
announced through ``project.events`` after they commit.
"""

from typing import TYPE_CHECKING

from annotator.core.store.base import ActionInfo
from annotator.core.store.errors import ProjectError
from annotator.core.store.events import (
    AnnotationsChanged,
    ChangeEvent,
    DocumentChanged,
    DocumentsAdded,
    EventHub,
    SchemaChanged,
    UndoStackChanged,
)
from annotator.core.store.importer import ImportReport
from annotator.core.store.journal import JournalEntry
from annotator.core.store.project import Project
from annotator.core.store.roles import CURATED
from annotator.core.store.rows import DamagedRowError
from annotator.core.store.schema_change import SchemaChange, SchemaChangeError

if TYPE_CHECKING:
    from annotator.core.store.integrity import Violation

__all__ = [
    "CURATED",
    "ActionInfo",
    "AnnotationsChanged",
    "ChangeEvent",
    "DamagedRowError",
    "DocumentChanged",
    "DocumentsAdded",
    "EventHub",
    "ImportReport",
    "JournalEntry",
    "Project",
    "ProjectError",
    "SchemaChange",
    "SchemaChangeError",
    "SchemaChanged",
    "UndoStackChanged",
    "Violation",
]


def __getattr__(name: str) -> object:
    """``Violation`` on first use: validation is no part of opening a project (issue 12)."""
    if name == "Violation":
        from annotator.core.store.integrity import Violation

        return Violation
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
