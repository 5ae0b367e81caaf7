"""Stance actions: stances in the text and the document-level labels (the
topic, and the overall stance towards each project topic).

Every operation is one store action or one ``project.batch``, hence one journal entry: a
stance's label is part of its identity in the store, so changing it replaces the stance
(delete + add) in one batch.
"""

from __future__ import annotations

from typing import Any

from annotator.core.model import Span, StanceTarget
from annotator.ui.actions.base import SessionActions
from annotator.ui.i18n import translate


class StanceActions(SessionActions):
    """Adding stances, changing their label, and setting document labels."""

    def add_stance(self, holder: str | None, target: StanceTarget, label: str,
                   evidence: str | Span | None = None) -> bool:
        """Store a stance; ``evidence`` a quote id (``"12"``) or a span."""
        doc_id = self.session.doc_id
        if doc_id is None:
            return False
        new_id = self.run(lambda: self.project.add_stance(doc_id, holder, target, label,
                                                          evidence))
        if new_id is None:
            return False
        self.session.select(f"s{new_id}")
        return True

    def delete(self, key: str) -> bool:
        """Delete the stance ``key``."""
        if key not in self.session.links.stances:
            return False
        return self.run(lambda: self.project.delete_stance(int(key))) is not None

    def set_stance_label(self, label: str) -> bool:
        """Change the selected stance's label: one journal entry replacing the stance."""
        key = self.session.selected_kind("s")
        doc_id = self.session.doc_id
        if key is None or doc_id is None:
            self.notify.message(translate("Stance", "Select a stance first."))
            return False
        old = self.session.links.stances[key]
        if old.label == label:
            return False
        project = self.project
        evidence = old.evidence

        def replace() -> int:
            with project.batch(f"Set stance {label}"):
                project.delete_stance(int(key))
                return project.add_stance(doc_id, old.holder, old.target, label, evidence,
                                          attrs=old.attrs)

        new_id = self.run(replace)
        if new_id is None:
            return False
        self.session.select(f"s{new_id}")
        return True

    # -- document labels ----------------------------------------------------------------------

    def set_document_label(self, key: str, value: Any) -> bool:
        """Set (None: clear) a document-level label of the open document."""
        doc_id = self.session.doc_id
        if doc_id is None or self.session.links.labels.get(key) == value:
            return False
        return self.run(lambda: self.project.set_document_label(doc_id, key, value)) \
            is not None

    def set_topic_label(self, key: str, topic: str, value: str | None) -> bool:
        """Set one topic's value of a per-topic document label (overall stance)."""
        current = self.session.links.labels.get(key)
        values = dict(current) if isinstance(current, dict) else {}
        if value is None:
            values.pop(topic, None)
        else:
            values[topic] = value
        return self.set_document_label(key, values or None)
