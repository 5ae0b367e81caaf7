"""The name lexicon behind proclitic snapping (docs/ARABIC.md, Proclitics), grown as the
annotator works.

Evidence comes from three places: the schema's gazetteer, the names already annotated in
the project, and the words of the documents (a vocabulary: ``واشنطن`` seen alone supports
cutting ``لواشنطن`` to ``واشنطن``). A small project is read whole once, streaming; a large
one would take too long at start-up, so there the lexicon starts from the gazetteer and
learns each document (its words and its annotated names) when it is opened, and each new
annotation as it is made.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.model import Entity
from annotator.core.store import Project
from annotator.core.text import NameLexicon

FULL_SCAN_LIMIT = 2000
"""Projects with at most this many documents are read whole for names and vocabulary."""


def entity_names(text: str, entities: Iterable[Entity]) -> list[str]:
    """The surface strings of ``entities`` in ``text``."""
    return [text[e.start:e.end] for e in entities if 0 <= e.start < e.end <= len(text)]


class ProjectLexicon:
    """A :class:`NameLexicon` for one project that learns documents once each."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._seen: set[int] = set()
        self.lexicon = NameLexicon(
            names=[name for names in project.schema.gazetteer.values() for name in names])
        if project.document_count() <= FULL_SCAN_LIMIT:
            for record in project.iter_records():
                self._learn(record.text, record.entities)
                if record.id is not None:
                    found = project.find_document(record.id)
                    if found is not None:
                        self._seen.add(found)

    def learn_document(self, doc_id: int, text: str, entities: Iterable[Entity]) -> None:
        """Add a document's words and annotated names (once per document)."""
        if doc_id in self._seen:
            return
        self._seen.add(doc_id)
        self._learn(text, entities)

    def learn_name(self, name: str) -> None:
        """Add one annotated name (a new annotation)."""
        self.lexicon.add_name(name)

    def _learn(self, text: str, entities: Iterable[Entity]) -> None:
        self.lexicon.add_text(text)
        for name in entity_names(text, entities):
            self.lexicon.add_name(name)
