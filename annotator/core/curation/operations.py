"""A curator's decisions, each ONE undoable action of the curator (journal: who decided,
from which annotators' versions): take an annotator's version, reject the item, accept the
curated layer as edited; and marking a document curated.

The project must be opened by a curator on the curated layer:
``Project.open(path, annotator="dana", layer=CURATED)``. Each decision also updates the
document's count of open disagreements (in the same action, so undo restores it too).
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.curation.disagreements import (
    Item,
    chosen_annotators,
    compare,
    decisions_of,
    disagreements,
    layer_versions,
    open_count,
)
from annotator.core.curation.writing import clear_key, write_version
from annotator.core.store import Project, ProjectError


def refresh_state(project: Project, doc_id: int, annotators: Sequence[str],
                  policy: str) -> int:
    """Recount a document's open disagreements and store them with its settings (call it
    inside the action that changed a decision); returns the count."""
    layers, curated = layer_versions(project, doc_id, annotators)
    count = open_count(compare(layers, curated, decisions_of(project, doc_id)))
    project.set_curation_state(doc_id, annotators, policy, count)
    return count


def _decide(project: Project, doc_id: int, item: Item, name: str, decision: str,
            version_of: str | None) -> None:
    state = project.curation_state(doc_id)
    annotators = chosen_annotators(project, doc_id, list(item.versions) or None)
    policy = state.policy if state is not None else "manual"
    version = item.versions.get(version_of) if version_of is not None else None
    if decision == "edited":
        version = item.curated
    sources = [a for a, v in item.versions.items() if v == version]
    with project.batch(name):
        if decision != "edited":
            clear_key(project, doc_id, item.kind, item.key)
            write_version(project, doc_id, item.kind, item.key, version)
        project.record_decision(doc_id, item.kind, item.key, decision, sources)
        refresh_state(project, doc_id, annotators, policy)


def take(project: Project, doc_id: int, item: Item, annotator: str) -> None:
    """Copy ``annotator``'s version of the item into the curated layer, replacing the curated
    one at its key (their absence empties it): one action, "Take bob's entity 12-17"."""
    if annotator not in item.versions:
        raise ValueError(f"{annotator} is not one of the annotators of this item"
                         f" ({', '.join(item.versions)})")
    _decide(project, doc_id, item, f"Take {annotator}'s {item.kind} {item.key}", "accepted",
            annotator)


def reject(project: Project, doc_id: int, item: Item) -> None:
    """Leave nothing at the item's key in the curated layer: one action."""
    _decide(project, doc_id, item, f"Reject {item.kind} {item.key}", "rejected", None)


def accept_edit(project: Project, doc_id: int, item: Item) -> None:
    """Decide the item as the curated layer holds it now (after the curator edited it with
    the ordinary actions): one action."""
    _decide(project, doc_id, item, f"Accept edited {item.kind} {item.key}", "edited", None)


def mark_curated(project: Project, doc_id: int, *, force: bool = False) -> None:
    """Mark the document curated (the curated layer's status ``done``): refused while
    disagreements are open, unless ``force``."""
    if not force:
        left = [i for i in disagreements(project, doc_id) if not i.decided]
        if left:
            shown = "; ".join(i.summary() for i in left[:3])
            raise ProjectError(f"document {doc_id} has {len(left)} open disagreement(s)"
                               f" ({shown}{'; ...' if len(left) > 3 else ''}): decide them,"
                               " or mark it curated anyway (force)")
    project.set_status(doc_id, "done")
