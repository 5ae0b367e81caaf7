"""``stance``: one JSON line per stance, ready for stance classification::

    {"id": "s1", "doc_id": "doc", "holder": "بوتين", "holder_id": "e4",
     "holder_label": "PERS", "target": "الحل السياسي في سوريا", "target_kind": "topic",
     "target_id": "syria-political-solution", "label": "FAVOR",
     "evidence": "نحن مستعدون للتعاون", "evidence_kind": "quote"}

The holder is an entity, ``"AUTHOR"`` or null. The target text is the entity's text, the
event's trigger text or the topic's label from the schema. The evidence is the text of the
quote or span given as evidence (null when none). Every line has every key.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.exports.base import Context, FormatWriter
from annotator.core.exports.canonical_json import file_id
from annotator.core.exports.quotes import party
from annotator.core.exports.splits import document_key
from annotator.core.exports.writer import encode_json, open_text
from annotator.core.model import DocumentRecord, Span, Stance


class StanceWriter(FormatWriter):
    """One line per stance."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.out = open_text(path)

    def _target(self, record: DocumentRecord, stance: Stance) -> tuple[str | None, str, str]:
        target = stance.target
        if target.entity is not None:
            entity = next((e for e in record.entities if e.id == target.entity), None)
            surface = record.text[entity.start : entity.end] if entity else None
            return surface, "entity", file_id("e", target.entity)
        if target.event is not None:
            event = next((v for v in record.events if v.id == target.event), None)
            return (event.trigger.slice(record.text) if event else None), "event", \
                file_id("v", target.event)
        topic = str(target.topic)
        found = self.context.schema.topics.get(topic)
        return (getattr(found, "label", topic) if found else topic), "topic", topic

    def _evidence(self, record: DocumentRecord, stance: Stance) -> tuple[str | None, str | None]:
        evidence = stance.evidence
        if isinstance(evidence, Span):
            return evidence.slice(record.text), "span"
        if evidence is None:
            return None, None
        quote = next((q for q in record.quotes if q.id == evidence), None)
        return (quote.content.slice(record.text) if quote else None), "quote"

    def add(self, record: DocumentRecord) -> None:
        entities = {e.id: e for e in record.entities}
        doc_id = document_key(record)
        for stance in record.stances:
            holder, holder_id, holder_label = party(stance.holder, entities, record.text)
            target, target_kind, target_id = self._target(record, stance)
            evidence, evidence_kind = self._evidence(record, stance)
            line: dict[str, Any] = {
                "id": file_id("s", stance.id),
                "doc_id": doc_id,
                "holder": holder,
                "holder_id": holder_id,
                "holder_label": holder_label,
                "target": target,
                "target_kind": target_kind,
                "target_id": target_id,
                "label": stance.label,
                "evidence": evidence,
                "evidence_kind": evidence_kind,
            }
            self.out.write(encode_json(line))
            self.out.write("\n")
            self.report.count_span(self.split, "stances", stance.label)
        self.report.count_records(self.split, len(record.stances))

    def close(self) -> None:
        self.out.close()
