"""Curation (issue 14): adjudicate annotators' layers into one curated (gold) layer.

Qt-free API for the CLI and the app's curation view:

- :func:`curate` — the auto-merge (``unanimous`` or ``majority``), one action per document;
- :func:`disagreements` — a document's :class:`Item` list in reading order;
- :func:`take`, :func:`reject`, :func:`accept_edit` — one undoable action each;
- :func:`mark_curated` — the curated layer's status ``done``;
- ``Project.curation_progress()``, ``Project.documents_with_disagreements()``,
  ``Project.open_disagreements(ids)`` — index reads for the navigator;
- :func:`gold_description` — how the gold was made, for curated exports.

The project is opened by a curator on the curated layer for every write:
``Project.open(path, annotator="dana", layer=CURATED)``.
"""

from annotator.core.curation.disagreements import Item, disagreements, open_count
from annotator.core.curation.gold import AGREEMENT_HOOK, gold_description, uncurated_documents
from annotator.core.curation.items import KINDS, describe
from annotator.core.curation.merge import POLICIES, DocumentMerge, curate
from annotator.core.curation.operations import accept_edit, mark_curated, reject, take
from annotator.core.store import CURATED

__all__ = [
    "AGREEMENT_HOOK",
    "CURATED",
    "KINDS",
    "POLICIES",
    "DocumentMerge",
    "Item",
    "accept_edit",
    "curate",
    "describe",
    "disagreements",
    "gold_description",
    "mark_curated",
    "open_count",
    "reject",
    "take",
    "uncurated_documents",
]
