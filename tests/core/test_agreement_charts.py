"""The agreement charts: PNG bytes, Arabic shaped and put in visual order before matplotlib
draws it, an Arabic font chosen by name when one is installed."""

from __future__ import annotations

from collections import Counter

import arabic_reshaper
from bidi import get_display

from annotator.core.agreement.charts import (
    FALLBACK_FONT,
    confusion_png,
    font_families,
    label_f1_png,
    per_document_png,
    shaped,
)
from annotator.core.agreement.matching import Counts, LabelScores
from tests.core.agreement_helpers import reference

PNG = b"\x89PNG\r\n\x1a\n"


def test_arabic_is_shaped_and_latin_left_alone() -> None:
    assert shaped("PERS") == "PERS"
    assert shaped("شخص") == get_display(arabic_reshaper.reshape("شخص"))
    assert shaped("شخص") != "شخص"


def test_charts_are_png_bytes_with_arabic_labels() -> None:
    reference("matplotlib")
    scores = LabelScores({"شخص": Counts(5, 1, 1), "PERS": Counts(1, 1, 1)})
    confusion = Counter({("شخص", "شخص"): 5, ("شخص", "O"): 1, ("O", "منظمة"): 2})
    for png in (label_f1_png({"exact": scores, "overlap": scores}, "F1"),
                confusion_png(confusion, "علي", "سلمى"),
                per_document_png([1.0, 0.5, None, 0.75], "F1 per document")):
        assert png.startswith(PNG)
        assert len(png) > 2000
    families = font_families()
    assert families[-1] == FALLBACK_FONT
