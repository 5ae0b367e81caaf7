"""The dataset card's charts (issue 17): the label distribution per split and the documents per
split, PNG files beside ``README.md`` in an export folder, drawn from the export's report (the
figures the card's tables give) like the agreement charts (Arabic shaped, Agg canvas).
matplotlib is imported only here, when a folder export draws them (``--no-charts`` skips it)."""

from __future__ import annotations

from annotator.core.agreement.charts import chart_figure, png_bytes, shaped
from annotator.core.exports.report import LABELS_CHART, SPLITS_CHART, ExportReport

MAX_BARS = 40
"""Label bars drawn (the most frequent; the rest summed into one "other" bar)."""


def labels_png(spans: dict[str, dict[str, dict[str, int]]]) -> bytes:
    """Horizontal bars, one per ``layer: label``, stacked by split, most frequent first."""
    splits = sorted(spans)
    totals: dict[tuple[str, str], int] = {}
    for layers in spans.values():
        for layer, labels in layers.items():
            for label, n in labels.items():
                totals[(layer, label)] = totals.get((layer, label), 0) + n
    keys = sorted(totals, key=lambda key: (-totals[key], key))
    rest = keys[MAX_BARS - 1:] if len(keys) > MAX_BARS else []
    keys = keys[:MAX_BARS - 1] if rest else keys
    names = [f"{layer}: {shaped(label)}" for layer, label in keys] + (["other"] if rest else [])
    with chart_figure(7.5, 1.4 + 0.28 * max(len(names), 1)) as figure:
        axes = figure.add_subplot()
        left = [0] * len(names)
        for split in splits:
            values = [spans[split].get(layer, {}).get(label, 0) for layer, label in keys]
            if rest:
                values.append(sum(spans[split].get(layer, {}).get(label, 0)
                                  for layer, label in rest))
            axes.barh(range(len(names)), values, left=left, label=shaped(split))
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.set_yticks(range(len(names)))
        axes.set_yticklabels(names, fontsize=8)
        axes.invert_yaxis()
        axes.set_title("Annotations per label" + (", by split" if len(splits) > 1 else ""))
        if len(splits) > 1:
            axes.legend(fontsize=8, loc="lower right")
        figure.tight_layout()
        return png_bytes(figure)


def splits_png(documents: dict[str, int], records: dict[str, int]) -> bytes:
    """Documents and records per split, side by side."""
    names = sorted(set(documents) | set(records))
    with chart_figure(6.0, 3.0) as figure:
        for column, (title, counts) in enumerate((("documents", documents),
                                                  ("records", records)), start=1):
            axes = figure.add_subplot(1, 2, column)
            values = [counts.get(name, 0) for name in names]
            axes.bar(range(len(names)), values, color="#1f5f6b")
            axes.set_xticks(range(len(names)))
            axes.set_xticklabels([shaped(name) for name in names])
            for x, n in enumerate(values):
                axes.annotate(str(n), (x, n), xytext=(0, 2), textcoords="offset points",
                              ha="center", fontsize=8)
            axes.set_ylim(0, max(values, default=0) * 1.15 + 1)
            axes.set_title(f"{title} per split")
        figure.tight_layout()
        return png_bytes(figure)


def card_charts(report: ExportReport) -> list[tuple[str, bytes]]:
    """``(file name, PNG)`` of the card's charts: the labels when anything was exported, the
    splits when the export was split."""
    data = report.to_dict()
    charts: list[tuple[str, bytes]] = []
    if any(labels for layers in data["spans"].values() for labels in layers.values()):
        charts.append((LABELS_CHART, labels_png(data["spans"])))
    if report.split is not None:
        charts.append((SPLITS_CHART, splits_png(data["documents"], data["records"])))
    return charts
