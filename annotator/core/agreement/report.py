"""``annotator agreement --report DIR``: report.md, report.html and the PNG charts, written as
one folder through the safe output writer (:func:`annotator.core.output.staged_folder`: an
earlier report of the same project is moved aside, anything else refused; the project and its
side files are never written).

Document text is untrusted: in HTML every value is escaped and shown as text (``<bdi>`` keeps
its direction from spilling over), never markup; in Markdown the characters Markdown or HTML
would act on are escaped. The disagreements read right to left (``dir="rtl"``).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from annotator.core.agreement.charts import pair_charts
from annotator.core.agreement.compute import AgreementResult
from annotator.core.agreement.entities import Disagreement
from annotator.core.agreement.figures import pair_name
from annotator.core.agreement.summary import Row, empty_layers, summary_rows
from annotator.core.output import project_guard, staged_folder

REPORT_FORMAT = "agreement-report"
SHOWN_DISAGREEMENTS = 200
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
"""What Markdown acts on inside a table cell (``<`` and ``&`` are entities already; a cell
never starts a line, so ``#``, ``-`` and ``+`` are inert; ``(`` only counts after ``]``)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


def _plain(text: str) -> str:
    """One line: controls and bidi embeddings/overrides become spaces."""
    return _CONTROL.sub(" ", text)


def md_escape(text: str) -> str:
    """``text`` as literal Markdown: HTML characters as entities, Markdown ones escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(_plain(text), quote=False))


def _h(text: object) -> str:
    return html.escape(_plain(str(text)))


def _charts(result: AgreementResult) -> list[tuple[str, str, bytes]]:
    """``(file name, caption, png)`` of every chart."""
    entities = result.entities
    if entities is None:
        return []
    out: list[tuple[str, str, bytes]] = []
    for number, (pair, found) in enumerate(entities.pairs.items(), start=1):
        who = pair_name(result.annotators, pair)
        if not found.documents:
            continue
        name_a, name_b = (result.annotators[i] for i in pair)
        out += [(f"pair{number}-{kind}.png", f"{caption}, {who}", png)
                for kind, caption, png in pair_charts(found, name_a, name_b)]
    return out


def _disagreements(result: AgreementResult) -> list[tuple[str, list[Disagreement], int]]:
    entities = result.entities
    if entities is None:
        return []
    return [(pair_name(result.annotators, pair), found.disagreements[:SHOWN_DISAGREEMENTS],
             found.disagreement_count) for pair, found in entities.pairs.items()
            if found.disagreement_count]


def _heading(result: AgreementResult, data: dict[str, Any]) -> str:
    nothing = empty_layers(data)
    return (f"{result.documents} shared documents (marked done by two or more of "
            f"{', '.join(result.annotators)}); per annotator: "
            + ", ".join(f"{k} {v}" for k, v in result.per_annotator.items())
            + (f". Nothing to compare in: {', '.join(nothing)}." if nothing else "."))


def render_markdown(result: AgreementResult, data: dict[str, Any], rows: Sequence[Row],
                    charts: Sequence[tuple[str, str, bytes]]) -> str:
    lines = ["# Inter-annotator agreement", "", md_escape(_heading(result, data)), "",
             "| layer | figure | annotators | value | from |", "|---|---|---|---:|---|"]
    lines += [f"| {r.layer} | {md_escape(r.figure)} | {md_escape(r.who)} | {r.shown} | "
              f"{md_escape(r.counts)} |" for r in rows]
    for name, caption, _png in charts:
        lines += ["", f"![{md_escape(caption)}]({name})"]
    for who, shown, total in _disagreements(result):
        lines += ["", f"## Entity disagreements, {md_escape(who)} ({len(shown)} of {total})",
                  "", "| document | kind | A | B | context |", "|---|---|---|---|---|"]
        lines += [f"| {md_escape(d.doc_id)} | {d.kind} | {md_escape(d.label_a)} | "
                  f"{md_escape(d.label_b)} | {md_escape(d.before)} **{md_escape(d.surface)}** "
                  f"{md_escape(d.after)} |" for d in shown]
    return "\n".join(lines) + "\n"


def render_html(result: AgreementResult, data: dict[str, Any], rows: Sequence[Row],
                charts: Sequence[tuple[str, str, bytes]]) -> str:
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           "<title>Inter-annotator agreement</title>",
           "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:2px 6px}td.n{text-align:right}"
           "[dir=rtl] td{font-family:'Amiri','Noto Naskh Arabic',serif}mark{background:#fde68a}"
           "</style></head><body>", "<h1>Inter-annotator agreement</h1>",
           f"<p>{_h(_heading(result, data))}</p>",
           "<table><tr><th>layer</th><th>figure</th><th>annotators</th><th>value</th>"
           "<th>from</th></tr>"]
    out += [f"<tr><td>{_h(r.layer)}</td><td>{_h(r.figure)}</td><td><bdi>{_h(r.who)}</bdi></td>"
            f'<td class="n">{r.shown}</td><td>{_h(r.counts)}</td></tr>' for r in rows]
    out.append("</table>")
    for name, caption, _png in charts:
        out.append(f'<figure><img src="{_h(name)}" alt="{_h(caption)}">'
                   f"<figcaption>{_h(caption)}</figcaption></figure>")
    for who, shown, total in _disagreements(result):
        out.append(f"<h2>Entity disagreements, <bdi>{_h(who)}</bdi> "
                   f"({len(shown)} of {total})</h2>")
        out.append('<table dir="rtl"><tr><th>document</th><th>kind</th><th>A</th><th>B</th>'
                   "<th>context</th></tr>")
        out += [f"<tr><td><bdi>{_h(d.doc_id)}</bdi></td><td>{_h(d.kind)}</td>"
                f"<td><bdi>{_h(d.label_a)}</bdi></td><td><bdi>{_h(d.label_b)}</bdi></td>"
                f"<td><bdi>{_h(d.before)}<mark>{_h(d.surface)}</mark>{_h(d.after)}</bdi></td>"
                "</tr>" for d in shown]
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_report(result: AgreementResult, target: str | os.PathLike[str], project_path: Path,
                 project_id: str, data: dict[str, Any] | None = None) -> list[str]:
    """Write the report folder; return the names of the files written."""
    data = data if data is not None else result.to_dict()
    rows = summary_rows(data)
    charts = _charts(result)
    files = ["report.md", "report.html", *(name for name, _c, _p in charts)]
    marker = {"format": REPORT_FORMAT, "project": project_id}
    with staged_folder(target, marker, project_guard(project_path)) as staged:
        folder = staged.path
        (folder / "report.md").write_text(render_markdown(result, data, rows, charts),
                                          encoding="utf-8")
        (folder / "report.html").write_text(render_html(result, data, rows, charts),
                                            encoding="utf-8")
        for name, _caption, png in charts:
            (folder / name).write_bytes(png)
    return files
