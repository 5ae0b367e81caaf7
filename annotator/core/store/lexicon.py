"""The store side of the project's name lexicon (proclitic snapping: docs/ARABIC.md, Proclitics).

* :meth:`LexiconMixin.entity_name_counts`: every distinct annotated entity string of the
  project with its label and count, each document text read once;
* :meth:`LexiconMixin.disabled_names`, :meth:`~LexiconMixin.disable_name`,
  :meth:`~LexiconMixin.enable_name`: names an annotator turned off as evidence, so a wrong
  correction does not spread. They are kept by folded key (``أحمد`` turns off ``احمد``) in
  the ``lexicon_disabled`` table; each change is one transaction with an audit entry in the
  journal (it is a project setting, not an annotation: undo does not touch it).

:func:`annotator.core.lexicon.build_project_lexicon` puts these together with the shipped
names into a :class:`~annotator.core.text.NameLexicon`.
"""

from __future__ import annotations

import sqlite3
from collections import Counter

from annotator.core.store.base import ProjectBase
from annotator.core.store.journal import write_entry
from annotator.core.store.timeutil import utc_now
from annotator.core.text.clitics import name_key


class LexiconMixin(ProjectBase):
    """Annotated names and turned-off lexicon entries of a project."""

    def entity_name_counts(self) -> list[tuple[str, str, int]]:
        """``(surface text, label, count)`` of every distinct annotated entity string.

        One pass over the entities in document order beside one over the texts of the
        documents that have any, so each text is read once (a per-entity ``substr`` in SQL
        reads the whole text again for every entity: ten times slower, see
        docs/BENCHMARKS.md)."""
        self._check_open()
        counts: Counter[tuple[str, str]] = Counter()
        texts = self.conn.execute(
            "SELECT id, text FROM documents WHERE id IN (SELECT doc_id FROM entities)"
            " ORDER BY id")
        rows = self.conn.execute(
            'SELECT doc_id, start, "end", label FROM entities ORDER BY doc_id')
        doc_id, text = -1, ""
        for row_doc, start, end, label in rows:
            while doc_id < row_doc:
                found = texts.fetchone()
                if found is None:
                    break
                doc_id, text = found
            if doc_id == row_doc:
                counts[(text[start:end], label)] += 1
        return [(name, label, count) for (name, label), count in counts.items()]

    def disabled_names(self) -> dict[str, str]:
        """Turned-off names: folded key -> the name as it was given."""
        self._check_open()
        rows = self.conn.execute("SELECT key, name FROM lexicon_disabled ORDER BY key")
        return {str(key): str(name) for key, name in rows}

    def disable_name(self, name: str) -> bool:
        """Stop using ``name`` (any spelling that folds alike) as snapping evidence; False
        when it was already off. ``ValueError`` for a blank name."""
        key = self._lexicon_key(name)
        with self._transaction() as conn:
            if conn.execute("SELECT 1 FROM lexicon_disabled WHERE key = ?", (key,)).fetchone():
                return False
            conn.execute("INSERT INTO lexicon_disabled(key, name, annotator_id, created)"
                         " VALUES (?, ?, ?, ?)", (key, name.strip(), self.actor_id,
                                                  utc_now()))
            self._lexicon_audit(conn, "Turn off lexicon name", name)
        return True

    def enable_name(self, name: str) -> bool:
        """Use ``name`` as evidence again; False when it was not turned off."""
        key = self._lexicon_key(name)
        with self._transaction() as conn:
            if conn.execute("DELETE FROM lexicon_disabled WHERE key = ?", (key,)).rowcount == 0:
                return False
            self._lexicon_audit(conn, "Turn on lexicon name", name)
        return True

    @staticmethod
    def _lexicon_key(name: str) -> str:
        key = name_key(name)
        if not key:
            raise ValueError("a lexicon name cannot be blank")
        return key

    def _lexicon_audit(self, conn: sqlite3.Connection, action: str, name: str) -> None:
        write_entry(conn, annotator_id=self.actor_id, doc_id=None, action=action,
                    kind="audit", target_id=None, changes={"name": name.strip()})
