"""Typed change events and a tiny publish/subscribe hub.

The store publishes events only AFTER the transaction that caused them committed, so a
subscriber (the GUI) never sees a change that was rolled back. Events are frozen
dataclasses; ids are store row ids.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class AnnotationsChanged:
    """Rows of one annotation ``table`` of one document were inserted, updated or deleted.

    ``table`` is one of ``entities``, ``quotes``, ``events``, ``event_arguments``,
    ``stances`` or ``notes``.
    """

    doc_id: int
    table: str
    inserted: tuple[int, ...] = ()
    updated: tuple[int, ...] = ()
    deleted: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DocumentChanged:
    """Document-level data changed: ``fields`` names document columns (``status``, ...)
    or ``labels`` for the document labels."""

    doc_id: int
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentsAdded:
    """An import added these documents."""

    doc_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class UndoStackChanged:
    """The undo/redo state of this project's annotator after an action, undo or redo."""

    can_undo: bool
    can_redo: bool
    undo_text: str | None
    redo_text: str | None


@dataclass(frozen=True, slots=True)
class SchemaChanged:
    """A new schema version was stored and is now the current one."""

    version: int


ChangeEvent = (
    AnnotationsChanged | DocumentChanged | DocumentsAdded | UndoStackChanged | SchemaChanged
)
Subscriber = Callable[[ChangeEvent], None]


class EventHub:
    """Delivers events to subscribers, in subscription order.

    A subscriber may ask for some event classes only; with none it receives every event.
    An exception raised by one subscriber is logged and does not stop delivery to the
    others (nor does it reach the code that caused the change: the change is committed).
    """

    def __init__(self) -> None:
        self._subscribers: list[tuple[Subscriber, tuple[type, ...]]] = []

    def subscribe(self, callback: Subscriber, *types: type) -> None:
        """Call ``callback(event)`` for every published event of one of ``types`` (all if none)."""
        self._subscribers.append((callback, types))

    def unsubscribe(self, callback: Subscriber) -> None:
        """Stop calling ``callback``; unknown callbacks are ignored."""
        self._subscribers = [(cb, ts) for cb, ts in self._subscribers if cb != callback]

    def publish(self, event: ChangeEvent) -> None:
        """Deliver one event to every interested subscriber."""
        for callback, types in list(self._subscribers):
            if types and not isinstance(event, types):
                continue
            try:
                callback(event)
            except Exception:  # a broken subscriber must not break the others
                log.exception("change event subscriber %r failed on %r", callback, event)

    def publish_all(self, events: list[ChangeEvent]) -> None:
        """Deliver several events in order."""
        for event in events:
            self.publish(event)
