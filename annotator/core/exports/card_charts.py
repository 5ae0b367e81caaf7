"""The dataset card's charts (issue 17): the labels per split and the documents and records per
split, written as SVG beside ``README.md`` in an export folder from the export's report (the
figures the card's tables give).

SVG, not matplotlib PNG: a card is read where Markdown is rendered (a repository, a dataset
hub, an editor), all of which draw SVG, and whoever draws it shapes and orders Arabic labels
itself (no arabic-reshaper here). Drawing the two charts costs milliseconds; importing
matplotlib and drawing them cost 1.3-1.7 s on every export. Every label and split name is
escaped as XML text: they come from the project and are never markup.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

from annotator.core.exports.report import LABELS_CHART, SPLITS_CHART, ExportReport

MAX_BARS = 40
"""Label bars drawn (the most frequent; the rest summed into one "other" bar)."""
COLORS = ("#1f5f6b", "#f2b134", "#7fc4cf", "#d4572a", "#8c6bb1", "#3a9a5b")
"""One colour per split, in the order of the split names."""
WIDTH = 720
NAMES_WIDTH = 230
"""The band left of the bars that holds the names (right-aligned against the bars)."""
ROW = 22
TOP = 48
FONT = 'font-family="Amiri, Noto Naskh Arabic, Noto Sans Arabic, DejaVu Sans, sans-serif"'


def _svg(height: int, title: str, body: Sequence[str]) -> bytes:
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}"'
        f' viewBox="0 0 {WIDTH} {height}" {FONT} font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        f'<text x="{WIDTH // 2}" y="20" text-anchor="middle" font-size="15">'
        f"{escape(title)}</text>",
        *body, "</svg>", ""]).encode("utf-8")


def _legend(names: Sequence[str]) -> list[str]:
    out: list[str] = []
    x = NAMES_WIDTH
    for k, name in enumerate(names):
        out.append(f'<rect x="{x}" y="28" width="10" height="10" '
                   f'fill="{COLORS[k % len(COLORS)]}"/>')
        out.append(f'<text x="{x + 14}" y="37">{escape(name)}</text>')
        x += 24 + 8 * len(name)
    return out


def stacked_bars_svg(title: str, rows: Sequence[tuple[str, str, Sequence[int]]],
                     segments: Sequence[str]) -> bytes:
    """Horizontal bars, one per ``(group, name, counts)`` row, each count a segment coloured
    by its place in ``segments`` (with a legend when there are several), the total at the
    end. The group (a layer, a split) and the name are separate text elements at the two ends
    of the names' band: each holds one name, so an Arabic one never reorders what stands
    beside it (a viewer lays out each element on its own)."""
    most = max((sum(counts) for _group, _name, counts in rows), default=0) or 1
    scale = (WIDTH - NAMES_WIDTH - 60) / most
    body = _legend(segments) if len(segments) > 1 else []
    for r, (group, name, counts) in enumerate(rows):
        y = TOP + r * ROW
        body.append(f'<text x="8" y="{y + 15}" fill="#6b7780" font-size="11">'
                    f"{escape(group)}</text>")
        body.append(f'<text x="{NAMES_WIDTH - 8}" y="{y + 15}" text-anchor="end">'
                    f"{escape(name)}</text>")
        x = float(NAMES_WIDTH)
        for k, count in enumerate(counts):
            if count:
                body.append(f'<rect x="{x:.1f}" y="{y + 3}" width="{count * scale:.1f}"'
                            f' height="{ROW - 6}" fill="{COLORS[k % len(COLORS)]}">'
                            f"<title>{escape(f'{group} {name}: {count}')}</title></rect>")
                x += count * scale
        body.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="11">{sum(counts)}</text>')
    return _svg(TOP + len(rows) * ROW + 12, title, body)


def labels_svg(spans: Mapping[str, Mapping[str, Mapping[str, int]]]) -> bytes:
    """A bar per ``layer: label``, stacked by split, most frequent first."""
    splits = sorted(spans)
    totals: dict[tuple[str, str], int] = {}
    for layers in spans.values():
        for layer, labels in layers.items():
            for label, n in labels.items():
                totals[(layer, label)] = totals.get((layer, label), 0) + n
    keys = sorted(totals, key=lambda key: (-totals[key], key))
    rest = keys[MAX_BARS - 1:] if len(keys) > MAX_BARS else []
    keys = keys[:MAX_BARS - 1] if rest else keys

    def counts(chosen: Sequence[tuple[str, str]]) -> list[int]:
        return [sum(spans[split].get(layer, {}).get(label, 0) for layer, label in chosen)
                for split in splits]

    rows = [(layer, label, counts([(layer, label)])) for layer, label in keys]
    if rest:
        rows.append(("", "other", counts(rest)))
    title = "Annotations per label" + (", by split" if len(splits) > 1 else "")
    return stacked_bars_svg(title, rows, splits)


def splits_svg(documents: Mapping[str, int], records: Mapping[str, int]) -> bytes:
    """Documents and records per split, a bar each."""
    names = sorted(set(documents) | set(records))
    rows = [(name, what, [counts.get(name, 0)]) for name in names
            for what, counts in (("documents", documents), ("records", records))]
    return stacked_bars_svg("Documents and records per split", rows, ["count"])


def card_charts(report: ExportReport) -> list[tuple[str, bytes]]:
    """``(file name, SVG)`` of the card's charts: the labels when anything was exported, the
    splits when the export was split."""
    data = report.to_dict()
    charts: list[tuple[str, bytes]] = []
    if any(labels for layers in data["spans"].values() for labels in layers.values()):
        charts.append((LABELS_CHART, labels_svg(data["spans"])))
    if report.split is not None:
        charts.append((SPLITS_CHART, splits_svg(data["documents"], data["records"])))
    return charts


__all__ = ["card_charts", "labels_svg", "splits_svg", "stacked_bars_svg"]
