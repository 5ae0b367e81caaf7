"""Agreement of chosen annotators over a project: :func:`compute_agreement` reads the shared
documents once (:mod:`.loader`) and feeds every chosen layer; :class:`AgreementResult` holds
every figure with the counts it came from (``to_dict`` for JSON, the layer objects for
charts and reports)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from annotator.core.agreement.doc_labels import DocumentLabelAgreement
from annotator.core.agreement.entities import EntityAgreement
from annotator.core.agreement.links import EventAgreement, QuoteAgreement, StanceAgreement
from annotator.core.agreement.loader import (
    AgreementSource,
    SharedDocument,
    annotators_with_annotations,
    shared_documents,
)

LAYERS: tuple[str, ...] = ("entities", "quotes", "events", "stances", "labels")
"""Layer names, as ``--layer`` takes them."""


class Layer(Protocol):
    layer: str

    def add(self, doc: SharedDocument) -> None: ...

    def to_dict(self) -> dict[str, Any]: ...


_BUILDERS: dict[str, Callable[[Sequence[str]], Layer]] = {
    "entities": EntityAgreement,
    "quotes": QuoteAgreement,
    "events": EventAgreement,
    "stances": StanceAgreement,
    "labels": DocumentLabelAgreement,
}


@dataclass(slots=True)
class AgreementResult:
    """Every figure of one agreement run."""

    annotators: list[str]
    layers: dict[str, Layer] = field(default_factory=dict)
    documents: int = 0
    """Shared documents: marked done by two or more of the annotators."""
    per_annotator: dict[str, int] = field(default_factory=dict)
    """Shared documents each annotator marked done."""
    all_raters: int = 0
    """Shared documents every chosen annotator marked done."""

    @property
    def entities(self) -> EntityAgreement | None:
        found = self.layers.get("entities")
        return found if isinstance(found, EntityAgreement) else None

    def to_dict(self) -> dict[str, Any]:
        return {"annotators": self.annotators, "documents": self.documents,
                "documents_per_annotator": self.per_annotator,
                "documents_all_annotators": self.all_raters,
                "layers": {name: layer.to_dict() for name, layer in self.layers.items()}}


def check_layers(layers: Sequence[str]) -> None:
    """Refuse a layer name that is not one of :data:`LAYERS`."""
    unknown = [name for name in layers if name not in LAYERS]
    if unknown:
        raise ValueError(f"no layer named {', '.join(map(repr, unknown))}; layers are "
                         + ", ".join(LAYERS))


def choose_annotators(project: AgreementSource, annotators: Sequence[str] | None) -> list[str]:
    """The annotators to compare: the given ones (two or more, each once), or every one who
    made an annotation."""
    chosen = list(annotators) if annotators else annotators_with_annotations(project)
    if len(set(chosen)) != len(chosen):
        raise ValueError("an annotator is named twice")
    known = set(project.annotator_names().values())
    unknown = [name for name in chosen if name not in known]
    if unknown:
        raise ValueError(f"no annotator named {', '.join(map(repr, unknown))}; the project "
                         f"has {', '.join(sorted(known)) or 'none'}")
    if len(chosen) < 2:
        raise ValueError("agreement needs two or more annotators"
                         + ("" if annotators else f"; only {chosen or 'none'} annotated"))
    return chosen


def compute_agreement(project: AgreementSource, annotators: Sequence[str] | None = None,
                      layers: Sequence[str] = LAYERS,
                      progress: Callable[[int], None] | None = None) -> AgreementResult:
    """Agreement of ``annotators`` (default: every one who annotated) on ``layers`` over
    the documents two or more of them marked done. ``progress`` is called every 500
    documents with the number read."""
    check_layers(layers)
    names = choose_annotators(project, annotators)
    result = AgreementResult(names, {name: _BUILDERS[name](names) for name in LAYERS
                                     if name in layers})
    result.per_annotator = dict.fromkeys(names, 0)
    for doc in shared_documents(project, names):
        result.documents += 1
        raters = doc.raters
        for index in raters:
            result.per_annotator[names[index]] += 1
        if len(raters) == len(names):
            result.all_raters += 1
        for layer in result.layers.values():
            layer.add(doc)
        if progress is not None and result.documents % 500 == 0:
            progress(result.documents)
    return result
