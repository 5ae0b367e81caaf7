"""What the Agreement window works on, without Qt: who can be compared, the computation on a
worker thread with its own read-only connection, and the rows of the window's tables.

The window (``ui/window/agreement_window.py``) polls an :class:`AgreementJob` from a timer (the
store's :class:`~annotator.core.store.background.BackgroundJob` pattern): the job opens the
project read-only, counts the documents it will compare (for the progress bar), runs
:func:`~annotator.core.agreement.compute_agreement` and draws the charts, so the window never
waits. The figures are the CLI's: the summary rows of ``AgreementResult.to_dict()``
(:func:`~annotator.core.agreement.summary.summary_rows`), the per-label counts of each pair,
the charts of :func:`~annotator.core.agreement.charts.pair_charts`, and the report of
:func:`~annotator.core.agreement.report.write_report`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.agreement import LAYERS, AgreementResult, compute_agreement
from annotator.core.agreement.entities import Disagreement, EntityPair
from annotator.core.agreement.figures import Pair, pair_name
from annotator.core.agreement.matching import MODES
from annotator.core.agreement.summary import Row, summary_rows
from annotator.core.output import OutputError
from annotator.core.store import Project, ProjectError
from annotator.core.store.background import BackgroundJob
from annotator.core.store.roles import CURATED
from annotator.ui.i18n import noop, translate


@dataclass(frozen=True, slots=True)
class Candidate:
    """An annotator the window offers: their name, how many documents they marked done,
    and whether the box starts ticked (done documents, and not the curated layer)."""

    name: str
    done: int

    @property
    def default(self) -> bool:
        return self.done > 0 and self.name != CURATED


def candidates(project: Project) -> list[Candidate]:
    """Every annotator with a layer in the project, in the order they joined it (the
    counts are index reads)."""
    return [Candidate(name, project.document_count(status="done", layer=name))
            for name in project.layer_names()]


def shared_count(project: Project, annotators: Sequence[str]) -> int:
    """How many documents two or more of ``annotators`` marked done (what the computation
    will read: the progress bar's end)."""
    seen: Counter[int] = Counter()
    for name in annotators:
        seen.update(project.document_ids(status="done", layer=name))
    return sum(1 for n in seen.values() if n >= 2)


class CancelledError(Exception):
    """The window closed while the job ran (raised from the progress callback)."""


@dataclass(frozen=True, slots=True)
class PairView:
    """One pair of annotators as the window shows it."""

    pair: Pair
    name: str
    """``alice~bob``, as in the CLI's tables."""
    found: EntityPair
    charts: list[tuple[str, str, bytes]]
    """``(kind, caption, png)``; empty for a pair with no shared document."""


class AgreementJob(BackgroundJob):
    """Agreement of ``annotators`` on ``layers`` over the project at ``path``. After
    :meth:`done`: ``result``, ``data`` (``to_dict()``), ``rows`` and ``pairs``, or
    ``error`` (a sentence); ``read`` and ``total`` say how far it got meanwhile."""

    name = "annotator-agreement"

    def __init__(self, path: str | Path, annotators: Sequence[str],
                 layers: Sequence[str] = LAYERS) -> None:
        super().__init__()
        self.path = Path(path)
        self.annotators = list(annotators)
        self.layers = list(layers)
        self.total = 0
        self.read = 0
        self.result: AgreementResult | None = None
        self.data: dict[str, Any] = {}
        self.rows: list[Row] = []
        self.pairs: list[PairView] = []
        self.error: str | None = None
        self.charts_missing = ""
        """Why there are no charts (matplotlib not installed), or empty."""
        self.cancelled = False

    def _progress(self, read: int) -> None:
        self.read = read
        self._check_stop()

    def _check_stop(self) -> None:
        if self.stopping():
            raise CancelledError

    def run(self) -> None:
        try:
            self._check_stop()
            with Project.open(self.path, readonly=True, quick_check=False) as project:
                self.total = shared_count(project, self.annotators)
                result = compute_agreement(project, self.annotators, self.layers,
                                           progress=self._progress)
            self._check_stop()
            self.read = result.documents
            self.data = result.to_dict()
            self.rows = summary_rows(self.data)
            self._check_stop()
            try:
                self.pairs = pair_views(result)
            except ImportError as error:  # matplotlib or the Arabic shaping is missing
                self.charts_missing = translate("Agreement", "no charts: {error}").format(
                    error=error)
                self.pairs = pair_views(result, charts=False)
            self.result = result
        except CancelledError:
            self.cancelled = True
        except (ProjectError, ValueError, OSError) as error:
            self.error = str(error)
        except Exception as error:  # a failure on the worker must reach the window
            self.error = translate("Agreement", "agreement failed: {kind}: {error}").format(
                kind=type(error).__name__, error=error)


def pair_views(result: AgreementResult, *, charts: bool = True) -> list[PairView]:
    """Each pair of the entity layer with its charts (drawn here: matplotlib is slow)."""
    entities = result.entities
    if entities is None:
        return []
    from annotator.core.agreement.charts import pair_charts

    views: list[PairView] = []
    for pair, found in entities.pairs.items():
        name_a, name_b = (result.annotators[i] for i in pair)
        drawn = pair_charts(found, name_a, name_b) if charts and found.documents else []
        views.append(PairView(pair, pair_name(result.annotators, pair), found, drawn))
    return views


def _score(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def label_rows(found: EntityPair) -> list[tuple[str, ...]]:
    """Per label of one pair: label, then precision, recall, F1 and ``tp/fp/fn`` for each
    matching mode (exact, overlap); the micro row last, as ``(all)``."""
    labels = sorted({name for mode in MODES for name in found.scores[mode].per_label})
    rows: list[tuple[str, ...]] = []
    for name in [*labels, None]:
        cells = [name if name is not None else "(all)"]
        for mode in MODES:
            scores = found.scores[mode]
            counts = scores.micro if name is None else scores.label(name) \
                if name in scores.per_label else None
            if counts is None:
                cells += ["n/a", "n/a", "n/a", "0/0/0"]
                continue
            cells += [_score(counts.precision), _score(counts.recall), _score(counts.f1),
                      f"{counts.tp}/{counts.fp}/{counts.fn}"]
        rows.append(tuple(cells))
    return rows


LABEL_HEADERS = (noop("Agreement", "label"), "P exact", "R exact", "F1 exact", "tp/fp/fn exact",
                 "P overlap", "R overlap", "F1 overlap", "tp/fp/fn overlap")
FIGURE_HEADERS = tuple(noop("Agreement", h) for h in ("layer", "figure", "annotators", "value",
                                                     "from"))
DISAGREEMENT_HEADERS = (noop("Agreement", "document"), noop("Agreement", "kind"), "A", "B",
                        noop("Agreement", "text"), noop("Agreement", "in context"))
"""Column titles (English; the window translates them in the context ``Agreement``)."""


def figure_cells(row: Row) -> tuple[str, ...]:
    """A summary row as the CLI's table prints it."""
    return row.layer, row.figure, row.who, row.shown, row.counts


def disagreements_of(view: PairView) -> list[Disagreement]:
    """The disagreements kept for a pair (the first ones, in document order)."""
    return list(view.found.disagreements)


class ReportJob(BackgroundJob):
    """``annotator agreement --report DIR`` for a computed result, on a worker thread
    (it draws the charts again); ``error`` after :meth:`done`, or ``files``."""

    name = "annotator-agreement-report"

    def __init__(self, result: AgreementResult, data: dict[str, Any], target: Path,
                 project_path: Path, project_id: str) -> None:
        super().__init__()
        self.result, self.data, self.target = result, data, target
        self.project_path, self.project_id = project_path, project_id
        self.files: list[str] = []
        self.error: str | None = None

    def run(self) -> None:
        from annotator.core.agreement.report import write_report

        try:
            self.files = write_report(self.result, self.target, self.project_path,
                                      self.project_id, self.data)
        except (OutputError, OSError) as error:
            self.error = str(error)
