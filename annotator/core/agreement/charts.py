"""The agreement charts as PNG bytes (for the report and the app's Agreement window).

matplotlib is imported here only, when a chart is drawn, and draws through its Agg canvas
(no pyplot, no GUI backend, no global figure state). A matplotlib built without libraqm
(before 3.11) does not shape Arabic: there every label is reshaped (arabic-reshaper) and put in
visual order (python-bidi) first; one with libraqm gets the text as it is. Labels are drawn with
an Arabic font picked by name (Amiri, Noto Naskh Arabic, Noto Sans Arabic; DejaVu Sans when
none is installed, which shows Latin labels and boxes for Arabic).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from annotator.core.agreement.matching import LabelScores
from annotator.core.exports.tagging import OUTSIDE

if TYPE_CHECKING:
    from annotator.core.agreement.entities import EntityPair

ARABIC_FONTS = ("Amiri", "Noto Naskh Arabic", "Noto Sans Arabic", "Noto Kufi Arabic")
FALLBACK_FONT = "DejaVu Sans"
MAX_CONFUSION_LABELS = 20


@lru_cache(maxsize=1)
def matplotlib_lays_out_text() -> bool:
    """Whether matplotlib shapes and orders text itself (built with libraqm: 3.11 on)."""
    try:
        from matplotlib import ft2font
    except ImportError:
        return False
    return bool(getattr(ft2font, "__libraqm_version__", ""))


def shaped(text: str) -> str:
    """``text`` as matplotlib must draw it: Arabic joined and in visual order, unless
    matplotlib lays text out itself (then shaping first would draw it reversed)."""
    if not any("\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc" for ch in text):
        return text
    if matplotlib_lays_out_text():
        return text
    import arabic_reshaper
    from bidi import get_display

    return str(get_display(arabic_reshaper.reshape(text)))


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """The installed Arabic fonts of :data:`ARABIC_FONTS` (first found first), then the
    fallback."""
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return (*[name for name in ARABIC_FONTS if name in installed], FALLBACK_FONT)


@contextmanager
def chart_figure(width: float, height: float) -> Iterator[Any]:
    """A matplotlib figure of ``width`` x ``height`` inches on an Agg canvas, Arabic fonts
    first (the agreement, overview and dataset card charts)."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"font.family": list(font_families()), "font.size": 10}):
        figure = Figure(figsize=(width, height), dpi=100)
        FigureCanvasAgg(figure)
        yield figure


def png_bytes(figure: Any) -> bytes:
    """The figure as PNG bytes."""
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def pair_title(what: str, name_a: str, name_b: str) -> str:
    """``WHAT: A / B`` with each name shaped on its own (the line stays left to right)."""
    return f"{what}: {shaped(name_a)} / {shaped(name_b)}"


def label_f1_png(scores: Mapping[str, LabelScores], title: str) -> bytes:
    """Horizontal bars: F1 per label, one bar per matching mode (``scores`` by mode);
    ``title`` is drawn as given (see :func:`pair_title`)."""
    labels = sorted({name for s in scores.values() for name in s.per_label})
    height = 1.2 + 0.35 * max(len(labels), 1) * max(len(scores), 1)
    with chart_figure(7.0, min(height, 30.0)) as figure:
        axes = figure.add_subplot()
        bar = 0.8 / max(len(scores), 1)
        for k, (mode, found) in enumerate(scores.items()):
            values = [found.per_label[name].f1 or 0.0 if name in found.per_label else 0.0
                      for name in labels]
            positions = [i + k * bar for i in range(len(labels))]
            axes.barh(positions, values, height=bar, label=mode)
        axes.set_yticks([i + bar * (len(scores) - 1) / 2 for i in range(len(labels))])
        axes.set_yticklabels([shaped(name) for name in labels])
        axes.invert_yaxis()
        axes.set_xlim(0, 1)
        axes.set_xlabel("F1")
        axes.set_title(title)
        axes.legend(loc="lower right")
        figure.tight_layout()
        return png_bytes(figure)


def confusion_png(confusion: Mapping[tuple[str, str], int], name_a: str, name_b: str) -> bytes:
    """The label confusion matrix between two annotators (rows: A, columns: B; ``O``: the
    other has no span there). Only the most frequent labels are drawn when there are many."""
    totals: dict[str, int] = {}
    for (a, b), n in confusion.items():
        totals[a] = totals.get(a, 0) + n
        totals[b] = totals.get(b, 0) + n
    labels = sorted(totals, key=lambda name: (-totals[name], name))[:MAX_CONFUSION_LABELS]
    labels = sorted(name for name in labels if name != OUTSIDE) + (
        [OUTSIDE] if OUTSIDE in labels else [])
    matrix = [[confusion.get((a, b), 0) for b in labels] for a in labels]
    size = 2.5 + 0.45 * len(labels)
    with chart_figure(size + 1.0, size) as figure:
        axes = figure.add_subplot()
        image = axes.imshow(matrix, cmap="Blues")
        figure.colorbar(image, ax=axes, fraction=0.046, pad=0.04)
        ticks = list(range(len(labels)))
        axes.set_xticks(ticks, [shaped(name) for name in labels], rotation=45, ha="right")
        axes.set_yticks(ticks, [shaped(name) for name in labels])
        axes.set_xlabel(shaped(name_b))
        axes.set_ylabel(shaped(name_a))
        peak = max((max(row) for row in matrix), default=0)
        for i, row in enumerate(matrix):
            for j, n in enumerate(row):
                if n:
                    axes.text(j, i, str(n), ha="center", va="center", fontsize=8,
                              color="white" if n > peak / 2 else "black")
        axes.set_title(pair_title("labels of overlapping spans", name_a, name_b))
        figure.tight_layout()
        return png_bytes(figure)


def per_document_png(scores: Sequence[float | None], title: str) -> bytes:
    """How many documents reached each F1 (a histogram in steps of 0.05); documents where
    neither annotator marked an entity are left out. ``title`` is drawn as given."""
    values = [v for v in scores if v is not None]
    with chart_figure(7.0, 3.5) as figure:
        axes = figure.add_subplot()
        axes.hist(values, bins=[i / 20 for i in range(21)], color="#4c72b0",
                  edgecolor="white")
        axes.set_xlim(0, 1)
        axes.set_xlabel("F1 (overlap) per document")
        axes.set_ylabel("documents")
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.set_title(f"{title} ({len(values)} documents)")
        figure.tight_layout()
        return png_bytes(figure)


def pair_charts(found: EntityPair, name_a: str, name_b: str) -> list[tuple[str, str, bytes]]:
    """``(kind, caption, png)`` of the three charts of one pair of annotators (kinds
    ``f1``, ``confusion``, ``documents``): what the report and the Agreement window show."""
    return [
        ("f1", "F1 per label", label_f1_png(dict(found.scores.items()),
                                            pair_title("F1 per label", name_a, name_b))),
        ("confusion", "label confusion", confusion_png(found.confusion, name_a, name_b)),
        ("documents", "agreement per document",
         per_document_png([f1 for _doc, f1, _a, _b in found.per_document],
                          pair_title("F1 per document", name_a, name_b))),
    ]
