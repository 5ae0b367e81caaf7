"""What the user tells the peer-format readers (``annotator import`` options), and the label
renaming every reader's records go through (``--map OLD=NEW``).

* ``label_map``: entity labels renamed on the way in (a peer project's ``PER`` becomes our
  ``PERS``); event types too, when the old name is one (``--map Attack=Conflict:Attack``);
* ``tag_scheme``: how token tags are read (``auto`` reads IOB1, IOB2 and BIOES alike;
  ``iob1``, ``iob2``, ``bioes`` also report every tag sequence that scheme forbids);
* ``doc_split``: where a CoNLL file's documents end (``docstart``: at ``-DOCSTART-``
  lines; ``blank``: at a run of two or more blank lines; ``sentence``: at every blank line);
* ``labels``: the tag names of integer ``ner_tags`` (Hugging Face), when no
  ``dataset_info.json`` or Parquet metadata gives them;
* ``mapping``: the TOML file that says which INCEpTION / WebAnno layers are quotes and
  events (``formats/webanno_mapping.py``);
* ``predictions``: what Label Studio's ``predictions`` become (``suggest``: suggestions of
  the imported documents; ``skip``: nothing, counted in a warning).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.model import DocumentRecord

TAG_SCHEMES = ("auto", "iob1", "iob2", "bioes")
DOC_SPLITS = ("docstart", "blank", "sentence")
PREDICTIONS = ("suggest", "skip")


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Options of the peer-format readers (defaults read every format as documented)."""

    label_map: Mapping[str, str] = field(default_factory=dict)
    tag_scheme: str = "auto"
    doc_split: str = "docstart"
    labels: tuple[str, ...] | None = None
    mapping: Path | None = None
    predictions: str = "suggest"

    def __post_init__(self) -> None:
        if self.predictions not in PREDICTIONS:
            raise ValueError(f"unknown predictions choice {self.predictions!r} "
                             f"({', '.join(PREDICTIONS)})")
        if self.tag_scheme not in TAG_SCHEMES:
            raise ValueError(f"unknown tag scheme {self.tag_scheme!r} ({', '.join(TAG_SCHEMES)})")
        if self.doc_split not in DOC_SPLITS:
            raise ValueError(f"unknown document split {self.doc_split!r} "
                             f"({', '.join(DOC_SPLITS)})")


def parse_label_map(items: Iterable[str]) -> dict[str, str]:
    """``["PER=PERS", ...]`` as a dict; ``ValueError`` naming a malformed or repeated item."""
    renames: dict[str, str] = {}
    for item in items:
        old, sep, new = item.partition("=")
        old, new = old.strip(), new.strip()
        if not sep or not old or not new:
            raise ValueError(f"--map {item!r}: expected OLD=NEW")
        if old in renames and renames[old] != new:
            raise ValueError(f"--map {old}: given twice ({renames[old]}, {new})")
        renames[old] = new
    return renames


def rename_labels(record: DocumentRecord, label_map: Mapping[str, str]) -> DocumentRecord:
    """``record`` with its entity labels and event types renamed by ``label_map`` (in place;
    returned for chaining). Names not in the map stay."""
    if not label_map:
        return record
    for entity in record.entities:
        entity.label = label_map.get(entity.label, entity.label)
    for event in record.events:
        event.type = label_map.get(event.type, event.type)
    return record
