"""Inter-annotator agreement on every layer (no Qt; matplotlib only when drawing).

* :mod:`.stats` — Cohen's kappa, Fleiss' kappa, Krippendorff's alpha (nominal, missing
  values) from tallies; :mod:`.matching` — span matching (exact, overlap) and P/R/F1 counts;
  :mod:`.figures` — one figure with its counts;
* :mod:`.loader` — each annotator's done documents, matched by id;
* :mod:`.entities`, :mod:`.links` (quotes, events, stances), :mod:`.doc_labels` — the units
  of each layer; :mod:`.compute` — :func:`compute_agreement` and :class:`AgreementResult`;
* :mod:`.charts` — PNG bytes of the charts; :mod:`.report` — report.md and report.html.
"""

from annotator.core.agreement.compute import (
    LAYERS,
    AgreementResult,
    check_layers,
    choose_annotators,
    compute_agreement,
)
from annotator.core.agreement.stats import (
    cohen_kappa,
    fleiss_kappa,
    fleiss_kappa_from_table,
    krippendorff_alpha,
)

__all__ = [
    "LAYERS",
    "AgreementResult",
    "check_layers",
    "choose_annotators",
    "cohen_kappa",
    "compute_agreement",
    "fleiss_kappa",
    "fleiss_kappa_from_table",
    "krippendorff_alpha",
]
