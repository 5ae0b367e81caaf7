"""``annotator stats PROJECT --report DIR``: overview.md, overview.html and the PNG charts,
written as one folder through :func:`annotator.core.output.staged_folder` (an earlier overview
of the same project is moved aside, anything else refused). Names (annotators, labels) come
from the untrusted file: escaped in HTML and Markdown, isolated with ``<bdi>``."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.agreement.report import _h, md_escape
from annotator.core.output import project_guard, staged_folder
from annotator.core.overview.charts import labels_png, per_day_png, status_png
from annotator.core.overview.figures import Overview

REPORT_FORMAT = "overview-report"
STATUS_ORDER = ("todo", "in-progress", "done", "skipped")


def overview_charts(overview: Overview) -> list[tuple[str, str, bytes]]:
    """``(file name, caption, png)`` of the report's charts (English titles)."""
    charts = [("statuses.png", "Documents per status and annotator",
               status_png(overview, "Documents per status", "documents"))]
    if overview.per_day:
        charts.append(("per-day.png", "Annotation actions per day (journal)",
                       per_day_png(overview, "Actions per day", "actions")))
    if overview.labels:
        charts.append(("labels.png", "Entity labels per layer",
                       labels_png(overview, "Entity labels", "entities")))
    return charts


def _status_rows(overview: Overview) -> list[list[str]]:
    return [[who, *(str(found.get(s, 0)) for s in STATUS_ORDER)]
            for who, found in overview.statuses.items()]


def render_markdown(overview: Overview, charts: list[tuple[str, str, bytes]]) -> str:
    lines = ["# Project overview", "", f"{overview.documents} documents.", "",
             "| annotator | " + " | ".join(STATUS_ORDER) + " |",
             "|---|" + "---:|" * len(STATUS_ORDER)]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |"
              for row in _status_rows(overview)]
    if overview.agreement:
        lines += ["", f"## Agreement ({overview.shared_documents} shared documents)", "",
                  "| layer | figure | annotators | value |", "|---|---|---|---:|"]
        lines += [f"| {r.layer} | {md_escape(r.figure)} | {md_escape(r.who)} | {r.shown} |"
                  for r in overview.agreement]
    for name, caption, _png in charts:
        lines += ["", f"![{md_escape(caption)}]({name})"]
    return "\n".join(lines) + "\n"


def render_html(overview: Overview, charts: list[tuple[str, str, bytes]]) -> str:
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           "<title>Project overview</title>",
           "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
           "td,th{border:1px solid #ccc;padding:2px 6px}td.n{text-align:right}</style>"
           "</head><body>", "<h1>Project overview</h1>",
           f"<p>{overview.documents} documents.</p>", "<table><tr><th>annotator</th>"
           + "".join(f"<th>{s}</th>" for s in STATUS_ORDER) + "</tr>"]
    out += ["<tr><td><bdi>" + _h(row[0]) + "</bdi></td>"
            + "".join(f'<td class="n">{_h(c)}</td>' for c in row[1:]) + "</tr>"
            for row in _status_rows(overview)]
    out.append("</table>")
    if overview.agreement:
        out.append(f"<h2>Agreement ({overview.shared_documents} shared documents)</h2>")
        out.append("<table><tr><th>layer</th><th>figure</th><th>annotators</th>"
                   "<th>value</th></tr>")
        out += [f"<tr><td>{_h(r.layer)}</td><td>{_h(r.figure)}</td>"
                f'<td><bdi>{_h(r.who)}</bdi></td><td class="n">{r.shown}</td></tr>'
                for r in overview.agreement]
        out.append("</table>")
    for name, caption, _png in charts:
        out.append(f'<figure><img src="{_h(name)}" alt="{_h(caption)}">'
                   f"<figcaption>{_h(caption)}</figcaption></figure>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_overview(overview: Overview, target: str | os.PathLike[str], project_path: Path,
                   project_id: str) -> list[str]:
    """Write the overview folder; return the names of the files written."""
    charts = overview_charts(overview)
    marker = {"format": REPORT_FORMAT, "project": project_id}
    with staged_folder(target, marker, project_guard(project_path)) as staged:
        folder = staged.path
        (folder / "overview.md").write_text(render_markdown(overview, charts), encoding="utf-8")
        (folder / "overview.html").write_text(render_html(overview, charts), encoding="utf-8")
        for name, _caption, png in charts:
            (folder / name).write_bytes(png)
    return ["overview.md", "overview.html", *(name for name, _c, _p in charts)]
