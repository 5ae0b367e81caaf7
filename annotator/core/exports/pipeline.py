"""Run a training-data export: select, split, write every split, report; all atomically.

Documents stream from ``project.iter_records`` one at a time into the writer of their split
(every split's writer is open at once, so one pass suffices). A stratified split needs one
extra pass first that keeps only document ids and labels.

Where things go (``OUT`` is the destination given by the user):

* no split, one-file format: ``OUT`` is the file; the report is ``OUT.report.json``;
* a split or a folder format (brat, spaCy's shards): ``OUT`` is a folder holding
  ``<split><suffix>`` per split (``<split>/`` for brat, the folder ``<split>.spacy/`` of
  shards for spaCy; without a split brat's pairs and spaCy's shards lie at the top),
  ``report.json``, ``README.md`` (the dataset card), ``splits.json`` (with a split), the
  format's schema file (``annotation.conf``, ``label_config.xml``) and the marker
  ``.annotator-export.json`` (format and project) that lets a later export replace it;
* ``"-"``: standard output (formats that can stream there: canonical, without a split).

Every destination is checked and written by :mod:`annotator.core.output`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from annotator.core.exports.base import (
    STDOUT,
    Context,
    ExportOptions,
    ExportSource,
    FormatWriter,
)
from annotator.core.exports.registry import FORMATS, resolve_layers
from annotator.core.exports.report import LABELS_CHART, SPLITS_CHART, ExportReport
from annotator.core.exports.splits import (
    MANIFEST_NAME,
    Splitter,
    empty_splits,
    read_manifest,
)
from annotator.core.exports.tokens import TOKENIZATION, TOKENIZATION_SPLIT
from annotator.core.exports.writer import REPORT_NAME
from annotator.core.model import DocumentRecord
from annotator.core.output import (
    MARKER_NAME,
    atomic_file,
    project_guard,
    safe_stem,
    staged_folder,
)

ALL_DOCUMENTS = "all"
"""The split name used in the report when there is no split."""
CARD_NAME = "README.md"
MAX_SPLIT_NAME = 64


def selected_records(
    project: ExportSource, statuses: Sequence[str] | None, annotator: str | None
) -> Iterator[DocumentRecord]:
    """The records to export, in the store's order (one status is filtered in SQL)."""
    if statuses is not None and len(statuses) == 1:
        yield from project.iter_records(status=statuses[0], annotator=annotator)
        return
    wanted = set(statuses) if statuses else None
    for record in project.iter_records(status=None, annotator=annotator):
        if wanted is None or record.status in wanted:
            yield record


def selected_keys(project: ExportSource, statuses: Sequence[str] | None,
                  annotator: str | None = None) -> Iterator[str]:
    """The split keys of the selected documents (their external ids), without their text
    (statuses of ``annotator``'s layer, else the reading annotator's)."""
    wanted: Sequence[str | None] = statuses or [None]
    for status in wanted:
        yield from project.external_ids(status, layer=annotator)


def selected_count(project: ExportSource, statuses: Sequence[str] | None,
                   annotator: str | None = None) -> int:
    """How many documents the selection holds (for the progress bar)."""
    if statuses:
        return sum(project.document_count(status=s, layer=annotator) for s in statuses)
    return project.document_count()


def check_one_layer(project: ExportSource, spec_name: str, options: ExportOptions) -> None:
    """A training format holds one annotator's layer: without ``--annotator``, refuse
    (``ValueError`` naming the layers) when the selected documents hold several. The
    canonical format keeps every layer (each annotation names its annotator)."""
    if spec_name == "canonical" or options.annotator is not None:
        return
    names = project.layer_names(options.statuses)
    if len(names) > 1:
        shown = ", ".join(names)
        raise ValueError(f"the documents hold the layers of {len(names)} annotators ({shown});"
                         f" a {spec_name} export holds one: choose it with --annotator NAME"
                         " (the canonical export keeps them all)")


def new_report(project: ExportSource, options: ExportOptions) -> tuple[ExportReport, Context]:
    """The empty report and the shared context of an export (checks the options)."""
    spec = FORMATS.get(options.format)
    if spec is None:
        raise ValueError(f"unknown format {options.format!r}; known: {', '.join(FORMATS)}")
    layers = resolve_layers(spec, options.layers)
    schema = project.schema
    tokenization = None
    if spec.tokenized:
        tokenization = TOKENIZATION_SPLIT if options.split_proclitics else TOKENIZATION
    report = ExportReport(
        format=spec.name,
        schema_name=schema.name,
        schema_version=schema.version,
        offset_unit=spec.offset_unit,
        layers=[layer for layer in ("entities", "quotes", "events", "stances") if layer in layers],
        tokenization=tokenization,
        unit=("sentence" if options.per_sentence else "document") if spec.tokenized else None,
    )
    if options.gold is not None:
        report.extra["gold"] = options.gold
    names = [name for group in schema.gazetteer.values() for name in group]
    return report, Context(schema, options, report, layers, gazetteer_names=names)


def _run(
    records: Iterator[DocumentRecord],
    writers: dict[str, FormatWriter],
    splitter: Splitter | None,
    report: ExportReport,
    progress: Callable[[int], None] | None,
) -> None:
    for done, record in enumerate(records, start=1):
        split = splitter.split_of(record) if splitter is not None else ALL_DOCUMENTS
        writers[split].add(record)
        report.count_document(split)
        if progress is not None:
            progress(done)
    for writer in writers.values():
        writer.close()


def _check_split_names(names: Sequence[str], suffix: str) -> None:
    """Split names become file names beside the files every export folder holds."""
    ours = {REPORT_NAME, CARD_NAME, MANIFEST_NAME, MARKER_NAME, LABELS_CHART, SPLITS_CHART}
    for name in names:
        if safe_stem(name) != name or len(name) > MAX_SPLIT_NAME:
            raise ValueError(f"split name {name!r} cannot be a file name everywhere (letters, "
                             f"digits, _ or -, at most {MAX_SPLIT_NAME}, not a name Windows "
                             "reserves such as CON or NUL)")
        if name + suffix in ours:
            raise ValueError(f"split name {name!r} would overwrite the export's {name + suffix}")


def export_dataset(
    project: ExportSource,
    out: str | os.PathLike[str],
    options: ExportOptions,
    progress: Callable[[int, int], None] | None = None,
) -> ExportReport:
    """Export the project in ``options.format`` to ``out``; return the report written.

    Raises ``ValueError`` for bad options and ``OutputError`` for a destination that is
    refused: the project or anything of it (by any path), a symbolic link, a device, FIFO or
    socket, or a folder that is neither empty nor an earlier export of this format from this
    project. Nothing appears under ``out`` unless the whole export succeeded; an earlier
    export folder is moved aside (``report.previous`` says where), never deleted.
    """
    report, context = new_report(project, options)
    spec = FORMATS[options.format]
    check_one_layer(project, spec.name, options)
    total = selected_count(project, options.statuses, options.annotator)
    counted = (lambda done: progress(done, total)) if progress is not None else None
    report.levels = None

    def records() -> Iterator[DocumentRecord]:
        return selected_records(project, options.statuses, options.annotator)

    if str(out) == str(STDOUT):
        if not spec.stdout or options.ratios is not None:
            raise ValueError(f"a {spec.name} export"
                             + (" with a split" if spec.stdout else "")
                             + " cannot go to standard output")
        _run(records(), {ALL_DOCUMENTS: spec.writer(STDOUT, ALL_DOCUMENTS, context)}, None,
             report, counted)
        return report
    target = Path(out)
    protected = project_guard(project.path)
    if options.ratios is None and not spec.folder and not spec.sharded:
        with atomic_file(target, protected) as temp:
            writer = spec.writer(temp, ALL_DOCUMENTS, context)
            _run(records(), {ALL_DOCUMENTS: writer}, None, report, counted)
        report.files.append(target.name)
        _finish_levels(report, context, spec.tokenized)
        if options.write_report:
            with atomic_file(target.with_name(target.name + ".report.json"), protected) as temp:
                report.write_json(temp)
        return report

    splitter: Splitter | None = None
    if options.ratios is not None:
        _check_split_names(list(options.ratios), spec.suffix)
        previous = (read_manifest(target, options.seed, options.ratios)
                    if target.is_dir() else {})
        splitter = Splitter(options.ratios, options.seed, options.stratify, previous)
        splitter.plan(records())
        splitter.plan_keys(lambda: selected_keys(project, options.statuses, options.annotator))
        report.split = {"ratios": dict(options.ratios), "seed": options.seed,
                        "stratify": options.stratify, "kept_from_manifest": len(splitter.previous)}
    marker = {"format": spec.name, "project": project.project_id}
    with staged_folder(target, marker, protected) as staged:
        folder = staged.path
        names = list(options.ratios) if options.ratios is not None else [ALL_DOCUMENTS]
        writers: dict[str, FormatWriter] = {}
        for name in names:
            if splitter is None:
                path, shown = folder, ("*" + spec.suffix if spec.sharded else "*.txt, *.ann")
            else:
                shown = name + spec.suffix + ("/" if spec.folder or spec.sharded else "")
                path = folder / (name + spec.suffix)
            writers[name] = spec.writer(path, name, context)
            report.files.append(shown)
        _run(records(), writers, splitter, report, counted)
        if report.split is not None and options.ratios is not None:
            _report_empty(report, options.ratios)
        if spec.extra_files is not None:
            report.files += spec.extra_files(folder, context)
        if splitter is not None:
            splitter.write_manifest(folder / MANIFEST_NAME)
            splitter.close()
            report.files.append(MANIFEST_NAME)
        report.files += [REPORT_NAME, CARD_NAME]
        _finish_levels(report, context, spec.tokenized)
        if options.charts:
            from annotator.core.exports.card_charts import card_charts

            for name, image in card_charts(report):
                (folder / name).write_bytes(image)
                report.files.append(name)
        report.write_json(folder / REPORT_NAME)
        (folder / CARD_NAME).write_text(report.dataset_card(), encoding="utf-8")
    report.previous = staged.previous
    return report


def export_canonical(
    project: ExportSource,
    out: str | os.PathLike[str],
    status: str | Sequence[str] | None = None,
    annotator: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """The plain canonical export: every document of the selection, every layer, one JSON
    line each, to ``out`` (``"-"`` for standard output), no report; return how many.

    ``status`` keeps the documents of one status (or of any status of a list);
    ``annotator`` keeps only that annotator's annotations. ``progress`` is called after
    each document with ``(documents written, documents selected)``.
    """
    statuses = [status] if isinstance(status, str) else (list(status) if status else None)
    options = ExportOptions(format="canonical", statuses=statuses, annotator=annotator,
                            write_report=False)
    return sum(export_dataset(project, out, options, progress).documents.values())


def _report_empty(report: ExportReport, ratios: dict[str, float]) -> None:
    """Name the splits that received no document (only possible with fewer documents than
    splits, or when damaged documents were skipped) in the report and its card."""
    assert report.split is not None
    empty = empty_splits(report.documents, ratios)
    report.split["empty"] = empty
    if empty:
        total = sum(report.documents.values())
        report.note(f"split(s) {', '.join(empty)} received no document ({total} document(s) "
                    f"for {len(ratios)} splits)")


def _finish_levels(report: ExportReport, context: Context, tokenized: bool) -> None:
    if tokenized and "entities" in context.layers:
        report.levels = context.max_levels
