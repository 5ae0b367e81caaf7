"""Agreement on document labels: for each label name, the documents are the units and each
annotator's value (missing when they did not mark the document done or did not set it) is
compared: Cohen's kappa per pair, Fleiss' kappa (three or more, documents with every value)
and Krippendorff's alpha (nominal). A list or object value is compared whole (as JSON)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any

from annotator.core.agreement.figures import (
    alpha_statistic,
    fleiss_statistic,
    kappa_statistic,
    pair_name,
    pairs_of,
)
from annotator.core.agreement.loader import SharedDocument
from annotator.core.agreement.stats import pair_tally


def label_value(value: Any) -> str:
    """A label value as one nominal category."""
    return value if isinstance(value, str) else json.dumps(value, sort_keys=True,
                                                           ensure_ascii=False)


class DocumentLabelAgreement:
    layer = "labels"

    def __init__(self, annotators: Sequence[str]) -> None:
        self.annotators = list(annotators)
        self.units: dict[str, Counter[tuple[Hashable | None, ...]]] = {}

    def add(self, doc: SharedDocument) -> None:
        keys = {k for r in doc.records if r is not None for k in r.labels}
        for key in keys:
            values = tuple(None if r is None or r.labels.get(key) is None
                           else label_value(r.labels[key]) for r in doc.records)
            self.units.setdefault(key, Counter())[values] += 1

    def to_dict(self) -> dict[str, Any]:
        names = self.annotators
        out: dict[str, Any] = {}
        for key in sorted(self.units):
            units = self.units[key]
            fleiss = fleiss_statistic(units, len(names))
            out[key] = {
                "cohen_kappa": {pair_name(names, p): kappa_statistic(
                    pair_tally(units, *p)).to_dict() for p in pairs_of(len(names))},
                "fleiss_kappa": None if fleiss is None else fleiss.to_dict(),
                "krippendorff_alpha": alpha_statistic(units, len(names)).to_dict(),
            }
        return {"labels": out}
