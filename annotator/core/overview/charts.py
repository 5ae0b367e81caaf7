"""The overview's charts as PNG bytes, drawn like the agreement charts (matplotlib's Agg
canvas, imported only here and only when a chart is drawn; Arabic labels shaped by
:func:`annotator.core.agreement.charts.shaped`). Titles and axis names are given by the
caller, so the app passes them in the interface language and the report in English."""

from __future__ import annotations

from collections.abc import Mapping

from annotator.core.agreement.charts import chart_figure, png_bytes, shaped
from annotator.core.overview.figures import Overview

MAX_LABELS = 25
"""Labels drawn per layer in the label chart (the most frequent)."""


def _stacked(rows: Mapping[str, Mapping[str, int]], keys: list[str], title: str,
             axis: str, horizontal: bool) -> bytes:
    """Stacked bars: one bar per row name, one colour per key (in ``keys`` order)."""
    names = list(rows)
    size = 1.6 + 0.4 * max(len(names), 1)
    with chart_figure(7.0, min(max(size, 3.0), 14.0) if horizontal else 3.8) as figure:
        axes = figure.add_subplot()
        base = [0] * len(names)
        positions = list(range(len(names)))
        for key in keys:
            values = [rows[name].get(key, 0) for name in names]
            if not any(values):
                continue
            if horizontal:
                axes.barh(positions, values, left=base, label=shaped(key))
            else:
                axes.bar(positions, values, bottom=base, label=shaped(key))
            base = [b + v for b, v in zip(base, values, strict=True)]
        shown = [shaped(name) for name in names]
        (axes.xaxis if horizontal else axes.yaxis).get_major_locator().set_params(integer=True)
        if horizontal:
            axes.set_yticks(positions, shown)
            axes.invert_yaxis()
            axes.set_xlabel(shaped(axis))
        else:
            step = max(1, len(names) // 12)
            axes.set_xticks(positions[::step], shown[::step], rotation=45, ha="right")
            axes.set_ylabel(shaped(axis))
        axes.set_title(shaped(title))
        if any(base):  # beside the bars: inside, a full bar has no free corner to hold it
            axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8,
                        frameon=False)
        figure.tight_layout()
        return png_bytes(figure)


def status_png(overview: Overview, title: str, axis: str,
               names: Mapping[str, str] | None = None) -> bytes:
    """Documents per status, one bar per annotator; ``names`` renames the statuses."""
    named = names or {}
    rows = {who: {named.get(s, s): n for s, n in found.items()}
            for who, found in overview.statuses.items()}
    keys = [named.get(s, s) for s in ("done", "in-progress", "skipped", "todo")]
    return _stacked(rows, keys, title, axis, horizontal=True)


def per_day_png(overview: Overview, title: str, axis: str) -> bytes:
    """Journal actions per day, stacked by annotator."""
    annotators = sorted({who for day in overview.per_day.values() for who in day})
    return _stacked(overview.per_day, annotators, title, axis, horizontal=False)


def labels_png(overview: Overview, title: str, axis: str) -> bytes:
    """Entities per label, one bar per label, stacked by layer (annotator)."""
    totals: dict[str, int] = {}
    for found in overview.labels.values():
        for label, n in found.items():
            totals[label] = totals.get(label, 0) + n
    labels = sorted(totals, key=lambda name: (-totals[name], name))[:MAX_LABELS]
    rows = {label: {who: found.get(label, 0) for who, found in overview.labels.items()}
            for label in labels}
    return _stacked(rows, list(overview.labels), title, axis, horizontal=True)
