"""The curation view's state, without Qt: a document's disagreements, the current one, and
what a key decides.

:class:`CurationList` holds the :class:`~annotator.core.curation.Item` list of the open
document (``disagreements``, reading order), the annotators it is curated from, numbered from
1 as in the legend (the order they joined the project), and the current item. Next and
previous move to the next OPEN item (wrapping), or to the next item at all when every one is
decided. :func:`decision_for_key` turns ``Alt+1``.. ``Alt+0`` into a :class:`Decision`;
:meth:`CurationList.rows` is what the Curation panel lists and :meth:`CurationList.marks`
what the editor marks in the text (every item with a span: entities, quotes' content, event
triggers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.store import Project
from annotator.ui.i18n import noop, translate

if TYPE_CHECKING:  # the core's curation loads when a window curates (issue 12: start-up)
    from annotator.core.curation import Item

SPAN_KINDS = frozenset({"entity", "quote", "event"})
"""Kinds whose key is a span of the text (``start-end``)."""
KIND_NAMES = {"entity": noop("Curation", "Entity"), "quote": noop("Curation", "Quote"),
              "event": noop("Curation", "Event"), "stance": noop("Curation", "Stance"),
              "label": noop("Curation", "Doc label")}
DECISION_NAMES = {None: noop("Curation", "open"), "partial": noop("Curation", "open (partial)"),
                  "agreed": noop("Curation", "agreed"), "accepted": noop("Curation", "taken"),
                  "rejected": noop("Curation", "rejected"), "edited": noop("Curation", "edited")}
"""English names of kinds and decisions (the rows show them translated)."""
EXCERPT = 40
"""Code points of text shown for an item in the panel."""


@dataclass(frozen=True, slots=True)
class Decision:
    """What a key decides: take an annotator's version (``annotator``), or reject."""

    kind: str  # "take" | "reject"
    annotator: str = ""


@dataclass(frozen=True, slots=True)
class CurationRow:
    """One row of the Curation panel."""

    kind: str
    where: str
    versions: tuple[str, ...]
    state: str
    decided: bool


@dataclass(frozen=True, slots=True)
class DisputeMark:
    """An item's span in the text: open or decided, current or not."""

    start: int
    end: int
    decided: bool
    current: bool


def decision_for_key(digit: int, annotators: Sequence[str]) -> Decision | None:
    """``Alt+N``: take annotator N's version (1-based, legend order); ``Alt+0``: reject;
    None for a number with no annotator."""
    if digit == 0:
        return Decision("reject")
    if 1 <= digit <= len(annotators):
        return Decision("take", annotators[digit - 1])
    return None


def item_span(item: Item) -> tuple[int, int] | None:
    """The span of the text an item is about (None for stances and document labels)."""
    if item.kind not in SPAN_KINDS:
        return None
    from annotator.core.curation.items import parse_span

    span = parse_span(item.key)
    return span.start, span.end


class CurationList:
    """The open document's disagreements and the current one."""

    def __init__(self) -> None:
        self.doc_id: int | None = None
        self.text = ""
        self.annotators: list[str] = []
        self.items: list[Item] = []
        self.current: int | None = None
        self.loads = 0
        """How many times the items were read (work counted by tests)."""

    def load(self, project: Project, doc_id: int, text: str) -> None:
        """Read the document's items; the current item stays on the same key when it is
        still listed (after a decision or an undo)."""
        key = self.current_key() if doc_id == self.doc_id else None
        self.doc_id, self.text = doc_id, text
        from annotator.core.curation import disagreements

        self.items = disagreements(project, doc_id)
        self.loads += 1
        joined = [name for _, name in sorted(project.annotator_names().items())]
        chosen = set(self.items[0].versions) if self.items else set()
        self.annotators = [n for n in joined if n in chosen] or sorted(chosen)
        keys = [(i.kind, i.key) for i in self.items]
        self.current = keys.index(key) if key in keys else None

    def current_key(self) -> tuple[str, str] | None:
        """``(kind, key)`` of the current item, or None."""
        item = self.current_item()
        return None if item is None else (item.kind, item.key)

    def current_item(self) -> Item | None:
        """The current item, or None."""
        return None if self.current is None else self.items[self.current]

    def open_count(self) -> int:
        """How many items are still to decide."""
        return sum(1 for i in self.items if not i.decided)

    def move(self, step: int) -> Item | None:
        """Go to the next (``step`` 1) or previous (-1) open item, wrapping; to the next item
        at all when none is open. None when the document has no item."""
        if not self.items:
            self.current = None
            return None
        count = len(self.items)
        here = self.current if self.current is not None else (-1 if step > 0 else count)
        order = [(here + step * n) % count for n in range(1, count + 1)]
        open_ones = [i for i in order if not self.items[i].decided]
        self.current = open_ones[0] if open_ones else order[0]
        return self.items[self.current]

    def choose(self, row: int) -> Item | None:
        """Make row ``row`` current (a click in the panel)."""
        if 0 <= row < len(self.items):
            self.current = row
            return self.items[row]
        return None

    def where(self, item: Item) -> str:
        """What an item is about, as short text: the span's words, or the key."""
        span = item_span(item)
        if span is None:
            return item.key
        words = self.text[span[0]:span[1]]
        return words if len(words) <= EXCERPT else words[:EXCERPT - 1] + "…"

    def rows(self) -> list[CurationRow]:
        """The panel's rows: kind, text, each annotator's version, decided or open."""
        return [CurationRow(translate("Curation", KIND_NAMES.get(i.kind, i.kind)), self.where(i),
                            tuple(i.text(name) for name in self.annotators),
                            translate("Curation", DECISION_NAMES.get(i.decision,
                                                                     i.decision or "open")),
                            i.decided)
                for i in self.items]

    def marks(self) -> list[DisputeMark]:
        """The spans in dispute, for the editor."""
        found: list[DisputeMark] = []
        for index, item in enumerate(self.items):
            span = item_span(item)
            if span is not None:
                found.append(DisputeMark(span[0], span[1], item.decided,
                                         index == self.current))
        return found

    def who_said(self, item: Item) -> str:
        """``1 alice: GPE · 2 bob: GPE · 3 carol: LOC`` (a tooltip, the status line)."""
        return " · ".join(f"{n} {name}: {item.text(name)}"
                          for n, name in enumerate(self.annotators, start=1))
