"""Where the annotators' layers of a document differ: the items a curator decides.

``disagreements(project, doc_id, annotators)`` lists, in reading order, every key where the
given annotators' versions are not all the same (one has it and another not, or they differ),
with each annotator's version, the curated layer's, and the decision stored there, if any.
An item is DECIDED when the auto-merge's policy decided it (``agreed``) or a curator did
(``accepted``, ``rejected``, ``edited``); a ``partial`` merge (what agreed was written,
the rest is not) leaves it open.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.core.curation.items import Place, Version, describe, layer_items, reading_order
from annotator.core.store import CURATED, Project, ProjectError

DECIDED = frozenset({"agreed", "accepted", "rejected", "edited"})


@dataclass(frozen=True, slots=True)
class Item:
    """One disagreement: kind (``entity``, ``quote``, ``event``, ``stance``, ``label``),
    stable key, reading position, each annotator's version (None: absent), the curated
    layer's version, and the stored decision (None: none yet)."""

    kind: str
    key: str
    position: int
    versions: Mapping[str, Version | None]
    curated: Version | None
    decision: str | None

    @property
    def decided(self) -> bool:
        """Whether the policy or a curator decided it (a partial merge did not)."""
        return self.decision in DECIDED

    def text(self, annotator: str) -> str:
        """An annotator's version as short text (``describe``); ``—`` when absent."""
        return describe(self.kind, self.versions.get(annotator))

    def summary(self) -> str:
        """``entity 12-17: alice PERS, bob ORG, carol —`` for a report."""
        shown = ", ".join(f"{name} {self.text(name)}" for name in self.versions)
        return f"{self.kind} {self.key}: {shown}"


def curated_layer_exists(project: Project) -> bool:
    """Whether the project knows the curated layer's name yet."""
    return CURATED in project.annotator_names().values()


def layer_versions(project: Project, doc_id: int, annotators: Sequence[str]
                   ) -> tuple[dict[str, dict[Place, Version]], dict[Place, Version]]:
    """Every item of each annotator's layer of a document, and of the curated layer."""
    known = set(project.annotator_names().values())
    missing = [name for name in annotators if name not in known]
    if missing:
        raise ProjectError(f"{project.path}: no annotator named {', '.join(missing)}")
    layers = {name: layer_items(project.get_record(doc_id, layer=name)) for name in annotators}
    curated = (layer_items(project.get_record(doc_id, layer=CURATED))
               if CURATED in known else {})
    return layers, curated


def compare(layers: Mapping[str, Mapping[Place, Version]], curated: Mapping[Place, Version],
            decisions: Mapping[tuple[str, str], str], *, every: bool = False) -> list[Item]:
    """The items of the layers in reading order: those where the versions differ, or (with
    ``every``) all of them. A key's position is the first layer's that has it."""
    places: dict[tuple[str, str], Place] = {}
    for items in [*layers.values(), curated]:
        for place in items:
            places.setdefault((place.kind, place.key), place)
    by_key = {name: {(p.kind, p.key): v for p, v in items.items()}
              for name, items in layers.items()}
    curated_by_key = {(p.kind, p.key): v for p, v in curated.items()}
    found: list[Item] = []
    for place in reading_order(places.values()):
        k = (place.kind, place.key)
        versions = {name: items.get(k) for name, items in by_key.items()}
        if not any(v is not None for v in versions.values()):
            continue  # only in the curated layer: nobody disagrees about it
        if not every and len(set(versions.values())) < 2:
            continue
        found.append(Item(place.kind, place.key, place.position, versions,
                          curated_by_key.get(k), decisions.get(k)))
    return found


def decisions_of(project: Project, doc_id: int) -> dict[tuple[str, str], str]:
    """The stored decision at each ``(kind, key)`` of a document."""
    return {k: d.decision for k, d in project.curation_decisions(doc_id).items()}


def chosen_annotators(project: Project, doc_id: int,
                      annotators: Sequence[str] | None = None) -> list[str]:
    """The annotators a document is curated from: ``annotators``, else the ones its curation
    state names, else every layer of it but the curated one."""
    if annotators:
        return list(annotators)
    state = project.curation_state(doc_id)
    if state is not None and state.annotators:
        return list(state.annotators)
    return [name for name in project.annotators_of(doc_id) if name != CURATED]


def disagreements(project: Project, doc_id: int,
                  annotators: Sequence[str] | None = None) -> list[Item]:
    """Every disagreement between the annotators' layers of a document, in reading order
    (see the module). ``annotators`` defaults to :func:`chosen_annotators`."""
    names = chosen_annotators(project, doc_id, annotators)
    layers, curated = layer_versions(project, doc_id, names)
    return compare(layers, curated, decisions_of(project, doc_id))


def open_count(items: Sequence[Item]) -> int:
    """How many of the items are still to decide."""
    return sum(1 for item in items if not item.decided)
