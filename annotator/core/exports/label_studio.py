"""``label-studio``: Label Studio tasks with annotations, as one JSON array::

    [{"data": {"text": "...", "doc_id": "doc", "title": "..."},
      "annotations": [{"result": [
          {"id": "e12", "from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 12, "end": 17, "text": "موسكو", "labels": ["GPE"]}},
          {"from_id": "q3", "to_id": "e5", "type": "relation", "direction": "right",
           "labels": ["speaker"]}]}]}]

This is Label Studio's documented import format for pre-annotated text (tasks with
``annotations[].result``); ``resources/label-studio-task.schema.json`` checks it. Label
Studio counts ``start``/``end`` in code points (its front end stores code points since
label-studio-frontend#308, which fixed offsets after emoji), the same unit as the store.
The labeling config that matches the results (a ``Labels`` control named ``label`` on a
``Text`` object named ``text``, and the relation labels) is written as
``label_config.xml`` in an export folder, and always in the report under
``label_config``. The array is streamed: one task per line between ``[`` and ``]``.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from annotator.core.exports.base import Context, FormatWriter, SchemaLike
from annotator.core.exports.graph import CUE, CUE_LABEL, QUOTE_LABEL, SPEAKER, span_graph
from annotator.core.exports.splits import document_key
from annotator.core.exports.writer import encode_json, open_text
from annotator.core.model import DocumentRecord

FROM_NAME = "label"
TO_NAME = "text"
CONFIG_NAME = "label_config.xml"


def label_config(schema: SchemaLike, layers: frozenset[str]) -> str:
    """The Label Studio labeling config (XML) for the labels and relations exported."""
    labels: list[tuple[str, str | None]] = []
    relations: list[str] = []
    if "entities" in layers:
        for name, entity_type in schema.entity_types.items():
            labels.append((name, getattr(entity_type, "color", None)))
    if "quotes" in layers:
        labels += [(QUOTE_LABEL, None), (CUE_LABEL, None)]
        relations += [SPEAKER, CUE]
    if "events" in layers:
        for name, event_type in schema.event_types.items():
            labels.append((name, None))
            relations += [r for r in getattr(event_type, "roles", ()) if r not in relations]
    lines = ["<View>"]
    if relations:
        lines.append("  <Relations>")
        lines += [f"    <Relation value={quoteattr(r)}/>" for r in relations]
        lines.append("  </Relations>")
    lines.append(f"  <Labels name={quoteattr(FROM_NAME)} toName={quoteattr(TO_NAME)}>")
    for name, color in labels:
        background = f" background={quoteattr(color)}" if color else ""
        lines.append(f"    <Label value={quoteattr(name)}{background}/>")
    lines.append("  </Labels>")
    lines.append(f'  <Text name={quoteattr(TO_NAME)} value="$text"/>')
    lines.append("</View>")
    return "\n".join(lines) + "\n"


class LabelStudioWriter(FormatWriter):
    """Streams a JSON array of tasks, one task per line."""

    def __init__(self, path: Path, split: str, context: Context) -> None:
        super().__init__(path, split, context)
        self.out = open_text(path)
        self.out.write("[")
        self.first = True
        context.report.extra["label_config"] = label_config(context.schema, context.layers)

    def add(self, record: DocumentRecord) -> None:
        spans, relations = span_graph(record, self.context.layers, self.report, self.split)
        text = record.text
        result: list[dict[str, object]] = [
            {
                "id": span.key,
                "from_name": FROM_NAME,
                "to_name": TO_NAME,
                "type": "labels",
                "value": {"start": span.start, "end": span.end,
                          "text": text[span.start : span.end], "labels": [span.label]},
            }
            for span in spans
        ]
        result += [
            {"from_id": r.source, "to_id": r.target, "type": "relation",
             "direction": "right", "labels": [r.type]}
            for r in relations
        ]
        task = {
            "data": {"text": text, "doc_id": document_key(record), "title": record.title},
            "annotations": [{"result": result}],
        }
        self.out.write("\n" if self.first else ",\n")
        self.first = False
        self.out.write(encode_json(task))
        self.report.count_records(self.split)

    def close(self) -> None:
        self.out.write("\n]\n")
        self.out.close()


def write_config(folder: Path, context: Context) -> list[str]:
    """``label_config.xml`` in an export folder."""
    (folder / CONFIG_NAME).write_text(label_config(context.schema, context.layers),
                                      encoding="utf-8")
    return [CONFIG_NAME]
