"""The figures of the project overview: documents per status and annotator, journal actions
per day and annotator, entity labels per layer, and the agreement headline when two or more
annotators marked the same documents done. Counts only, read with a few grouped queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from annotator.core.model import STATUSES

if TYPE_CHECKING:
    from annotator.core.agreement.summary import Row
    from annotator.core.store import Project


@dataclass(frozen=True, slots=True)
class Overview:
    """``statuses[annotator][status]``, ``per_day[day][annotator]`` (actions done, from the
    journal; ``day`` is ``YYYY-MM-DD``), ``labels[annotator][label]`` (entities per layer),
    ``agreement`` (the agreement headline rows, empty with fewer than two annotators)."""

    documents: int
    statuses: dict[str, dict[str, int]]
    per_day: dict[str, dict[str, int]]
    labels: dict[str, dict[str, int]]
    agreement: list[Row] = field(default_factory=list)
    shared_documents: int = 0


def _per_day(project: Project) -> dict[str, dict[str, int]]:
    days: dict[str, dict[str, int]] = {}
    for day, name, count in project.conn.execute(
            "SELECT substr(j.ts, 1, 10), a.name, count(*) FROM journal j"
            " JOIN annotators a ON a.id = j.annotator_id WHERE j.kind = 'do'"
            " GROUP BY 1, 2 ORDER BY 1, 2"):
        days.setdefault(str(day), {})[str(name)] = int(count)
    return days


def _labels(project: Project) -> dict[str, dict[str, int]]:
    labels: dict[str, dict[str, int]] = {}
    for name, label, count in project.conn.execute(
            "SELECT a.name, e.label, count(*) FROM entities e"
            " JOIN annotators a ON a.id = e.annotator_id GROUP BY 1, 2 ORDER BY 1, 3 DESC"):
        labels.setdefault(str(name), {})[str(label)] = int(count)
    return labels


def project_overview(project: Project, agreement: bool = True) -> Overview:
    """The overview of ``project``; ``agreement`` computes the agreement headline (it reads
    every done document of each annotator) when two or more annotators have a layer."""
    figures = project.stats()
    statuses = {name: {s: int(layer["documents"].get(s, 0)) for s in STATUSES}
                for name, layer in figures["layers"].items()}
    rows: list[Row] = []
    shared = 0
    if agreement and len(statuses) >= 2:
        from annotator.core.agreement.compute import compute_agreement
        from annotator.core.agreement.summary import summary_rows

        result = compute_agreement(project)
        shared = result.documents
        if shared:
            rows = summary_rows(result.to_dict())
    return Overview(int(figures["documents"]["total"]), statuses, _per_day(project),
                    _labels(project), rows, shared)
