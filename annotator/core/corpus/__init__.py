"""Corpus tools: the concordance (search over every document) and label-all.

Plain Python over the project store and its FTS5 index; never imports Qt.
"""

from annotator.core.corpus.concordance import (
    Concordance,
    ConcordanceRow,
    Cursor,
    Page,
    SearchQuery,
    search,
)
from annotator.core.corpus.label_all import (
    LabelAllPlan,
    PlannedEntity,
    apply_plan,
    label_all,
    plan_label_all,
)
from annotator.core.corpus.matching import Matcher, Mode, compile_query

__all__ = [
    "Concordance",
    "ConcordanceRow",
    "Cursor",
    "LabelAllPlan",
    "Matcher",
    "Mode",
    "Page",
    "PlannedEntity",
    "SearchQuery",
    "apply_plan",
    "compile_query",
    "label_all",
    "plan_label_all",
    "search",
]
