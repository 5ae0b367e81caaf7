"""The agreement charts: PNG bytes, Arabic shaped and put in visual order before matplotlib
draws it, an Arabic font chosen by name when one is installed."""

from __future__ import annotations

from collections import Counter

import arabic_reshaper
import pytest
from bidi import get_display

from annotator.core.agreement.charts import (
    FALLBACK_FONT,
    confusion_png,
    font_families,
    label_f1_png,
    matplotlib_lays_out_text,
    per_document_png,
    shaped,
)
from annotator.core.agreement.matching import Counts, LabelScores
from tests.core.agreement_helpers import reference

PNG = b"\x89PNG\r\n\x1a\n"


def test_arabic_is_shaped_and_latin_left_alone() -> None:
    """Shaped and put in visual order for a matplotlib that draws code points as given; left
    alone for one that lays text out itself (libraqm)."""
    assert shaped("PERS") == "PERS"
    if matplotlib_lays_out_text():
        assert shaped("شخص") == "شخص"
    else:
        assert shaped("شخص") == get_display(arabic_reshaper.reshape("شخص"))


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


def test_a_chart_draws_arabic_in_reading_order() -> None:
    """What a chart draws for an Arabic label is what the text means: with a matplotlib that
    shapes and orders text itself (libraqm, 3.11 on), shaping it first would draw it
    reversed, so the drawn pixels must equal those of the logical text (issue 17: found in
    the overview charts)."""
    reference("matplotlib")
    from matplotlib import ft2font

    from annotator.core.agreement.charts import chart_figure, png_bytes

    if not getattr(ft2font, "__libraqm_version__", ""):
        pytest.skip("this matplotlib draws code points as given: shaping first is right")
    label = "وسوم الكيانات في المستند"

    def drawn(text: str) -> bytes:
        with chart_figure(4, 1) as figure:
            axes = figure.add_subplot()
            axes.set_axis_off()
            axes.text(0.05, 0.4, text, fontsize=14)
            return png_bytes(figure)

    assert drawn(shaped(label)) == drawn(label)
