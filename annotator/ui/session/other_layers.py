"""Other annotators' layers of the open document, shown read-only, without Qt.

:class:`OtherLayers` knows which other annotators have a layer on the open document
(``Project.annotators_of``), which of them the user chose to show (off by default; the
choice holds from one document to the next), their colours (one per annotator, stable over
the project: by the order they joined it, read from the small annotators table) and, for
the shown ones only, their entities and links read with ``layer=NAME``. Nothing here ever
writes: another layer is never edited; "Copy to my layer" (:mod:`annotator.ui.actions.layers`)
adds a copy to the user's own.

The editor knows another layer's entity by a span id of its own, ``@`` and the entity's row
id (``@17``): row ids are unique in the project, and ``@`` is no link prefix
(:mod:`.links`), so an own entity ``17`` and a shown copy never collide.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from annotator.core.model import Entity
from annotator.core.store import Project
from annotator.ui.session.links import DocumentLinks, load_links

OTHER_PREFIX = "@"
LAYER_COLORS = ("#c2255c", "#1971c2", "#e8590c", "#6741d9", "#0b7285", "#5c940d",
                "#862e9c", "#495057")
"""Annotator colours, in the order annotators joined the project (then again)."""


def other_span_id(entity_id: str) -> str:
    """The editor's span id of another layer's entity."""
    return OTHER_PREFIX + entity_id


def is_other_span(span_id: str) -> bool:
    """Whether an editor span id is another layer's entity."""
    return span_id.startswith(OTHER_PREFIX)


@dataclass(slots=True)
class OtherLayer:
    """One shown layer of the open document."""

    name: str
    color: str
    entities: dict[str, Entity] = field(default_factory=dict)
    links: DocumentLinks = field(default_factory=DocumentLinks)


@dataclass(frozen=True, slots=True)
class OtherSpan:
    """An entity of another layer as the editor draws it."""

    span_id: str
    start: int
    end: int
    label: str
    annotator: str
    color: str


class OtherLayers:
    """The other layers of the open document: available, shown, and their contents."""

    def __init__(self) -> None:
        self.me = ""
        self.available: list[str] = []
        """Other annotators with a layer on the open document, in the order they joined."""
        self.wanted: set[str] = set()
        """Annotators the user chose to show (kept across documents)."""
        self.shown: dict[str, OtherLayer] = {}
        """The layers read for the open document (wanted and available)."""
        self.colors: dict[str, str] = {}
        self.focused: str | None = None
        """The other span last hovered or clicked (what Copy to My Layer copies)."""
        self.numbers: dict[str, int] = {}
        """Annotators numbered for the curation view's keys (Alt+1/2/3), shown in the legend."""
        self.reads = 0
        """How many layers were read from the project (work counted by tests)."""
        self._doc_id: int | None = None

    def open(self, project: Project, doc_id: int) -> None:
        """Follow another document: its other annotators, the wanted ones read."""
        self.me = project.layer_name  # a curator's own layer is the curated one
        self._doc_id = doc_id
        # The annotators table in joining order (a few rows; never a scan of the layers).
        names = [name for _, name in sorted(project.annotator_names().items())]
        others = [n for n in names if n != self.me]
        self.colors = {n: LAYER_COLORS[i % len(LAYER_COLORS)] for i, n in enumerate(others)}
        self.available = [n for n in project.annotators_of(doc_id) if n != self.me]
        self.shown = {}
        self.focused = None
        for name in self.available:
            if name in self.wanted:
                self._read(project, doc_id, name)

    def set_shown(self, project: Project, name: str, on: bool) -> None:
        """Show or hide ``name``'s layer of the open document."""
        if on:
            self.wanted.add(name)
            if (name in self.available and name not in self.shown
                    and self._doc_id is not None):
                self._read(project, self._doc_id, name)
        else:
            self.wanted.discard(name)
            self.shown.pop(name, None)
            if self.focused is not None and self.entity(self.focused) is None:
                self.focused = None

    def _read(self, project: Project, doc_id: int, name: str) -> None:
        record = project.get_record(doc_id, layer=name)
        self.reads += 1
        self.shown[name] = OtherLayer(name, self.color(name),
                                      {e.id: e for e in record.entities},
                                      load_links(project, doc_id, layer=name))

    def color(self, name: str) -> str:
        """The colour of an annotator's layer."""
        return self.colors.get(name, LAYER_COLORS[-1])

    def legend_name(self, name: str) -> str:
        """``2 bob`` when the annotators are numbered (curation), else ``bob``."""
        number = self.numbers.get(name)
        return name if number is None else f"{number} {name}"

    def spans(self) -> Iterator[OtherSpan]:
        """Every entity of the shown layers, as the editor draws it."""
        for layer in self.shown.values():
            for entity in layer.entities.values():
                yield OtherSpan(other_span_id(entity.id), entity.start, entity.end,
                                entity.label, layer.name, layer.color)

    def entity(self, span_id: str) -> tuple[str, Entity] | None:
        """The annotator and entity of a shown other span, or None."""
        if not is_other_span(span_id):
            return None
        key = span_id[len(OTHER_PREFIX):]
        for layer in self.shown.values():
            found = layer.entities.get(key)
            if found is not None:
                return layer.name, found
        return None
