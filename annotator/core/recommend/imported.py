"""Imported suggestions offered beside the trained model's (issue 18;
:mod:`annotator.core.store.imported_suggestions`).

A document's suggestions are the model's (when a model is trained) and those imported from
another tool's predictions (Label Studio), less what is annotated and what was ever rejected;
each imported one keeps its source, so that its review is counted under it. A span and label
both offer is the model's.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.recommend.suggest import filter_suggestions
from annotator.core.recommend.tags import Labelled
from annotator.core.store import Project


def with_imported(project: Project, doc_id: int, kind: str, existing: Iterable[tuple[int, int]],
                  model: Iterable[Labelled] = ()) -> tuple[list[Labelled], dict[Labelled, str]]:
    """The suggestions to offer in ``doc_id`` (``model``'s, already filtered, and the
    imported ones), by position, and the source of each imported one."""
    imported = project.imported_suggestions(doc_id, kind)
    offered = list(model)
    if not imported:
        return offered, {}
    sources = {(s, e, label): source for s, e, label, source in imported}
    kept = filter_suggestions(sources, existing, project.rejected_suggestions(doc_id, kind))
    taken = set(offered)
    added = [s for s in kept if s not in taken]
    return sorted(offered + added), {s: sources[s] for s in added}
