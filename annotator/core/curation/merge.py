"""The auto-merge: fill the curated layer with what the annotators agree on.

For each document that at least ``min_annotators`` of the chosen annotators marked done,
every key of their layers is decided by the policy over those annotators' versions:
``unanimous`` (all the same) or ``majority`` (one version, absence included, held by more
than half). A decided key is written to the curated layer (nothing for an agreed absence)
and stored as ``agreed``. An undecided key gets what agrees element by element, when
anything does (entities: the labels enough annotators gave the span; a quote whose content
enough annotators marked, with the cue, speaker and kind they agree on; an event whose
trigger and type enough agree on, with the arguments enough agree on per role; a stance's
label), stored as ``partial`` and left open.

A key that holds a decision, or where the curated layer already holds something, is never
written again: a re-run adds only what is new in the layers and changes nothing a curator
decided (accepted, edited, rejected). Each document's merge is one journaled action of the
curator (undone as one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.curation.disagreements import Item, compare, decisions_of, layer_versions
from annotator.core.curation.items import Version
from annotator.core.curation.writing import write_version
from annotator.core.store import CURATED, Project

POLICIES = ("unanimous", "majority")


@dataclass(slots=True)
class DocumentMerge:
    """What the merge did to one document and what is left to decide."""

    doc_id: int
    external_id: str
    annotators: list[str]
    agreed: int = 0
    partial: int = 0
    kept: int = 0
    """Keys left as they were (decided before, or already in the curated layer)."""
    left: list[Item] = field(default_factory=list)


def threshold(policy: str, voters: int) -> int:
    """How many annotators must hold a version for the policy to pick it."""
    if policy not in POLICIES:
        raise ValueError(f"unknown policy {policy!r}; policies: {', '.join(POLICIES)}")
    return voters if policy == "unanimous" else voters // 2 + 1


def winner(versions: Sequence[Version | None], need: int) -> tuple[bool, Version | None]:
    """(True, the version) when one version is held by ``need`` annotators."""
    value, count = Counter(versions).most_common(1)[0]
    return (True, value) if count >= need else (False, None)


def _agreed(values: Sequence[object], need: int) -> object | None:
    if not values:
        return None
    value, count = Counter(values).most_common(1)[0]
    return value if count >= need else None


def partial(kind: str, versions: Sequence[Version | None], need: int) -> Version | None:
    """What agrees element by element (see the module), or None."""
    present = [v for v in versions if v]
    if kind == "entity":
        counts = Counter(e for v in present for e in set(v))
        kept = tuple(sorted((e for e, n in counts.items() if n >= need), key=repr))
        return kept or None
    if kind == "label" or len(present) < need:
        return None
    firsts = [v[0] for v in present]
    if kind == "quote":
        cue = _agreed([e[0] for e in firsts], need)
        speaker = _agreed([e[1] for e in firsts], need) or "?"
        quote_kind = Counter(e[2] for e in firsts).most_common(1)[0][0]
        return ((cue, speaker, quote_kind),)
    if kind == "event":
        event_type = _agreed([e[0] for e in firsts], need)
        if event_type is None:
            return None
        arguments = Counter(a for e in firsts if e[0] == event_type
                            for a in set(e[1]))  # type: ignore[call-overload]
        kept_args = tuple(sorted(a for a, n in arguments.items() if n >= need))
        return ((event_type, kept_args),)
    label = _agreed([e[0] for e in firsts], need)
    if label is None:
        return None
    return ((label, _agreed([e[1] for e in firsts], need)),)


def done_annotators(project: Project, doc_id: int, annotators: Sequence[str]) -> list[str]:
    """The chosen annotators who marked the document done."""
    statuses = project.statuses(doc_id)
    return [a for a in annotators if statuses.get(a) == "done"]


def merge_document(project: Project, doc_id: int, annotators: Sequence[str],
                   policy: str) -> DocumentMerge:
    """Merge one document from ``annotators`` (who marked it done) under ``policy``: one
    action. The project is a curator's on the curated layer."""
    result = DocumentMerge(doc_id, str(doc_id), list(annotators))
    need = threshold(policy, len(annotators))
    with project.batch(f"Curate document {doc_id} ({policy})"):
        layers, curated = layer_versions(project, doc_id, annotators)
        decisions = decisions_of(project, doc_id)
        for item in compare(layers, curated, decisions, every=True):
            if item.decision is not None or item.curated is not None:
                result.kept += 1
                continue
            versions = list(item.versions.values())
            decided, version = winner(versions, need)
            if not decided:
                version = partial(item.kind, versions, need)
                if version is None:
                    continue
            write_version(project, doc_id, item.kind, item.key, version)
            sources = [a for a, v in item.versions.items() if v == version
                       or (not decided and v is not None)]
            project.record_decision(doc_id, item.kind, item.key,
                                    "agreed" if decided else "partial", sources)
            if decided:
                result.agreed += 1
            else:
                result.partial += 1
        layers, curated = layer_versions(project, doc_id, annotators)
        items = compare(layers, curated, decisions_of(project, doc_id))
        result.left = [i for i in items if not i.decided]
        project.set_curation_state(doc_id, annotators, policy, len(result.left))
    return result


def curate(project: Project, annotators: Sequence[str] | None = None,
           policy: str = "unanimous", min_annotators: int = 2) -> list[DocumentMerge]:
    """Auto-merge every document that at least ``min_annotators`` of ``annotators`` (default:
    every layer but the curated one) marked done; one action per document."""
    threshold(policy, 1)
    if min_annotators < 1:
        raise ValueError("--min-annotators must be at least 1")
    chosen = list(annotators) if annotators else [
        n for n in project.layer_names() if n != CURATED]
    results: list[DocumentMerge] = []
    for doc_id in project.document_ids():
        done = done_annotators(project, doc_id, chosen)
        if len(done) < min_annotators:
            continue
        result = merge_document(project, doc_id, done, policy)
        result.external_id = project.external_id(doc_id)
        results.append(result)
    return results
