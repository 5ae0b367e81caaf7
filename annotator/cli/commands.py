"""The CLI commands. Each parses options, calls one core function and prints the outcome."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Any

import click

from annotator.cli import (
    agreement,
    corpus,
    curation,
    lexicon,
    maintenance,
    recommend,
    server,
    teams,
)
from annotator.cli.common import (
    STATUS_CHOICE,
    annotator_option,
    bidi_option,
    echo,
    echo_json,
    open_project,
)
from annotator.cli.errors import app_errors, user_errors
from annotator.cli.export import export_command
from annotator.cli.history import history_command
from annotator.cli.schema_apply import schema_apply
from annotator.cli.terminal import advancing, progress


def _input_size(paths: tuple[str, ...]) -> int:
    """Bytes to read, for the progress bar."""
    total = 0
    for name in paths:
        path = Path(name)
        files = path.rglob("*") if path.is_dir() else [path]
        total += sum(f.stat().st_size for f in files if f.is_file())
    return total


@click.command("open")
@click.argument("project", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--sample", is_flag=True, help="Open the bundled sample project (built on first use)."
)
@annotator_option("Work in this annotator's layer; skips the app's name question")
@app_errors
def open_command(project: str | None, sample: bool = False,
                 annotator: str | None = None) -> None:
    """Open PROJECT in the app (the last project, or the sample project, when omitted)."""
    try:
        from annotator.ui.window.app import run
    except ImportError as error:  # PySide6 missing: say how to get it
        raise click.ClickException(
            f"the app needs PySide6 ({error.name} is missing): pip install 'annotator[gui]'"
        ) from None
    sys.exit(run(project, annotator, sample) if sample else run(project, annotator))


@click.command("import")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option(
    "--format",
    "fmt",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "txt", "md", "webpage", "canonical", "doccano", "brat",
                       "label-studio", "webanno", "conll", "spacy", "hf-tokens", "events",
                       "quotes"]),
    help="Input format; auto detects it per file (docs/IMPORT.md).",
)
@click.option("--map", "label_map", multiple=True, metavar="OLD=NEW",
              help="Rename a label (entity label or event type) on the way in; repeatable.")
@click.option("--tag-scheme", default="auto", show_default=True,
              type=click.Choice(["auto", "iob1", "iob2", "bioes"]),
              help="Token tags (CoNLL, Hugging Face): auto reads IOB1, IOB2 and BIOES alike; a"
              " named scheme also reports the tag sequences it forbids.")
@click.option("--doc-split", default="docstart", show_default=True,
              type=click.Choice(["docstart", "blank", "sentence"]),
              help="Where a CoNLL file's documents end: at -DOCSTART- lines, at runs of two or"
              " more blank lines, or at every blank line.")
@click.option("--labels", "tag_labels", metavar="TAG,TAG,...",
              help="Tag names of integer ner_tags (Hugging Face) when no dataset_info.json or"
              " Parquet metadata gives them, in class order.")
@click.option("--mapping", type=click.Path(exists=True, dir_okay=False),
              help="TOML: which WebAnno/INCEpTION layers and relations are quotes and events.")
@click.option("--predictions", default="suggest", show_default=True,
              type=click.Choice(["suggest", "skip"]),
              help="Label Studio predictions: suggestions of the imported documents (never"
              " annotations), or skipped.")
@click.option(
    "--offsets",
    default="utf16",
    show_default=True,
    type=click.Choice(["utf16", "codepoint"]),
    help="Unit of doccano offsets (doccano itself writes UTF-16 units).",
)
@click.option("--skip-bad", is_flag=True, help="Import the good files and list the bad ones.")
@click.option(
    "--annotator",
    metavar="NAME",
    help="Import into NAME's layer: every annotation, status and label of the files becomes"
    " NAME's, and a document already in the project (same text) gets NAME's layer instead"
    " of being a duplicate.",
)
@click.option(
    "--schema",
    "schema_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Label schema (TOML) for a new project; default: the bundled schema.",
)
@click.option(
    "--extend-schema",
    is_flag=True,
    help="Add the labels, kinds, topics, event types and roles the files use and the schema"
    " lacks (a new schema version) instead of refusing them.",
)
@bidi_option
@user_errors
def import_command(
    project: str,
    paths: tuple[str, ...],
    fmt: str,
    offsets: str,
    skip_bad: bool,
    schema_path: str | None,
    bidi: bool | None,
    extend_schema: bool = False,
    annotator: str | None = None,
    label_map: tuple[str, ...] = (),
    tag_scheme: str = "auto",
    doc_split: str = "docstart",
    tag_labels: str | None = None,
    mapping: str | None = None,
    predictions: str = "suggest",
) -> None:
    """Import files or folders into PROJECT (created if it does not exist).

    Plain text and Markdown (copies of web pages are recognised), canonical JSONL, doccano JSONL,
    brat standoff, Label Studio JSON, WebAnno/INCEpTION TSV 3, CoNLL/IOB, spaCy DocBin, Hugging
    Face token datasets (JSONL, Parquet) and our events and quotes exports. Nothing is imported
    when any file is bad, unless --skip-bad is given.
    """
    from annotator.core.formats.read_options import ReadOptions, parse_label_map
    from annotator.core.importing import import_paths
    from annotator.core.store import Project

    try:
        options = ReadOptions(
            label_map=parse_label_map(label_map), tag_scheme=tag_scheme, doc_split=doc_split,
            labels=tuple(t.strip() for t in tag_labels.split(",")) if tag_labels else None,
            mapping=Path(mapping) if mapping else None, predictions=predictions)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None

    proj = Project.open(project, create=True, schema_path=schema_path, annotator=annotator)
    layer = proj.adding_layers() if annotator is not None else contextlib.nullcontext()
    try:
        with layer, progress("Importing", _input_size(paths)) as bar:
            state = {"done": 0}

            def advance(done: int, _total: int) -> None:
                if bar is not None:
                    bar.update(done - state["done"])
                state["done"] = done

            result = import_paths(
                proj,
                list(paths),
                fmt=fmt,
                offsets="codepoint" if offsets == "codepoint" else "utf16",
                skip_bad=skip_bad,
                progress=advance,
                extend_schema=extend_schema,
                options=options,
            )
    except BaseException:
        proj.discard_if_created()  # a project this command made stays only with documents
        raise
    if result.bad and not result.imported:
        proj.discard_if_created()
    else:
        proj.close()
    for added in result.schema_added:
        echo(f"schema: added {added}", bidi, err=True)
    for warning in result.warnings:
        echo(f"warning: {warning}", bidi, err=True)
    for link, reason in result.skipped:
        echo(f"skipped: {link}: {reason}", bidi, err=True)
    for source, existing in result.duplicates:
        echo(
            f"duplicate: {source} has the same text as {existing}; not imported again",
            bidi,
            err=True,
        )
    for source, existing in result.layered:
        echo(f"layer: {source} added as {annotator}'s layer of {existing}", bidi, err=True)
    for problem in result.bad:
        echo(f"error: {problem}", bidi, err=True)
    if result.bad and not skip_bad:
        raise click.ClickException(
            f"{len(result.bad)} problem(s); nothing was imported "
            "(use --skip-bad to import the rest)"
        )
    echo(
        f"imported {len(result.imported)} document(s) from {result.files} file(s)"
        + (f", {len(result.layered)} layer(s) added to documents already there"
           if result.layered else "")
        + (f", {len(result.duplicates)} duplicate(s) skipped" if result.duplicates else "")
        + (f", {result.suggestions} prediction(s) became suggestions" if result.suggestions
           else "")
        + (f", {len(result.skipped)} link(s) not followed" if result.skipped else "")
        + (f", {len(result.bad)} problem(s): their files or lines left out" if result.bad else "")
    )
    if result.bad:
        sys.exit(1)


@click.command("preannotate")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option(
    "--gazetteer",
    type=click.Path(exists=True, dir_okay=False),
    help="UTF-8 file, one 'name<TAB>LABEL' per line, '#' comments.",
)
@click.option(
    "--model",
    "model_kind",
    flag_value="entities",
    default=None,
    help="Store the trained recommender's suggestions (annotator recommend train) for the"
    " documents still to do, to accept or reject in the app; nothing is annotated.",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=STATUS_CHOICE,
    help="Only documents with this status (repeatable).",
)
@annotator_option("Whose layer gets the entities (and whose statuses --status means)")
@bidi_option
@user_errors
def preannotate_command(
    project: str, gazetteer: str | None, model_kind: str | None, statuses: tuple[str, ...],
    annotator: str | None, bidi: bool | None
) -> None:
    """Add an entity for every occurrence of a gazetteer name (one undoable action), or
    with --model store the recommender's suggestions for the documents still to do."""
    from annotator.core.preannotate import load_gazetteer, preannotate

    if (gazetteer is None) == (model_kind is None):
        raise click.UsageError("give --gazetteer FILE or --model (one of them)")
    if model_kind is not None:
        with open_project(project, annotator=annotator) as proj:
            recommend.model_preannotation(proj, model_kind, list(statuses) or None, echo)
        return
    assert gazetteer is not None
    entries = load_gazetteer(gazetteer)
    with open_project(project, annotator=annotator) as proj:
        added = preannotate(proj, entries, statuses=list(statuses) or None)
    total = sum(added.values())
    for label, count in sorted(added.items()):
        echo(f"{label}\t{count}")
    echo(f"added {total} entit{'y' if total == 1 else 'ies'}")


@click.command("stats")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), default=None,
              help="Also write the overview (overview.md, overview.html, PNG charts) to DIR.")
@annotator_option("Whose statuses the document counts are")
@user_errors
def stats_command(project: str, as_json: bool, annotator: str | None,
                  report_dir: str | None = None) -> None:
    """Print counts: documents per status (in your layer), annotations per kind and label,
    annotators, and every annotator's layer (statuses and annotations). With --report, the
    project overview (documents per status and annotator, actions per day, entity labels
    per layer, agreement when two or more annotators marked documents done) as a folder."""
    with open_project(project, readonly=True, annotator=annotator) as proj:
        figures = proj.stats()
        if report_dir is not None:
            from annotator.core.overview import project_overview
            from annotator.core.overview.report import write_overview

            files = write_overview(project_overview(proj), report_dir, Path(proj.path),
                                   proj.project_id)
            echo(f"wrote {len(files)} file(s) to {report_dir}: {', '.join(files)}",
                 err=as_json)
    if as_json:
        echo_json(figures)
        return
    for line in _flatten(figures):
        echo(line)


def _flatten(value: Any, prefix: str = "") -> list[str]:
    if isinstance(value, dict):
        lines: list[str] = []
        for key, item in value.items():
            lines.extend(
                _flatten(item, f"{prefix}{key}." if isinstance(item, dict) else f"{prefix}{key}")
            )
        return lines
    return [f"{prefix}\t{value}"]


@click.command("validate")
@click.argument("project", type=click.Path(dir_okay=False))
@bidi_option
@user_errors
def validate_command(project: str, bidi: bool | None) -> None:
    """Check every invariant of PROJECT; exit status 1 on any violation.

    On a terminal a progress bar on stderr follows the documents checked."""
    with open_project(project, readonly=True) as proj, \
            progress("Validating", proj.document_count()) as bar:
        violations = proj.validate(progress=advancing(bar))
    for violation in violations:
        echo(str(violation), bidi)
    if violations:
        raise click.ClickException(f"{len(violations)} violation(s)")
    echo("ok: no violations", err=True)


@click.group("schema")
def schema_group() -> None:
    """Show, check or apply a label schema."""


@schema_group.command("show")
@click.argument("source", required=False, type=click.Path(exists=True, dir_okay=False))
@bidi_option
@user_errors
def schema_show(source: str | None, bidi: bool | None) -> None:
    """Summarise the schema of a project or TOML file (default: the bundled schema)."""
    from annotator.core.schema import default_schema_path, load_schema

    if source is None:
        schema = load_schema(default_schema_path())
    elif source.endswith(".toml"):
        schema = load_schema(source)
    else:
        with open_project(source, readonly=True) as proj:
            schema = proj.schema
    for line in schema.summary_lines():
        echo(line, bidi)


@schema_group.command("check")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@user_errors
def schema_check(path: str) -> None:
    """Check a schema TOML file; list every mistake with its key and reason."""
    from annotator.core.schema import schema_file_problems

    problems = schema_file_problems(path)
    for problem in problems:
        echo(str(problem), err=True)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s) in {path}")
    echo(f"{path}: ok")


@click.command("undo")
@click.argument("project", type=click.Path(dir_okay=False))
@annotator_option("Whose action to undo")
@user_errors
def undo_command(project: str, annotator: str | None) -> None:
    """Undo your last action in PROJECT (the same stack the app uses)."""
    with open_project(project, annotator=annotator) as proj:
        info = proj.undo()
    echo(f"undid: {info.name}" if info else "nothing to undo")


@click.command("redo")
@click.argument("project", type=click.Path(dir_okay=False))
@annotator_option("Whose action to redo")
@user_errors
def redo_command(project: str, annotator: str | None) -> None:
    """Redo your last undone action in PROJECT."""
    with open_project(project, annotator=annotator) as proj:
        info = proj.redo()
    echo(f"redid: {info.name}" if info else "nothing to redo")


schema_group.add_command(schema_apply)

ALL: list[click.Command] = [
    open_command,
    import_command,
    export_command,
    preannotate_command,
    stats_command,
    validate_command,
    schema_group,
    history_command,
    undo_command,
    redo_command,
    *maintenance.COMMANDS,
    *lexicon.COMMANDS,
    *corpus.COMMANDS,
    *agreement.COMMANDS,
    *teams.COMMANDS,
    *curation.COMMANDS,
    *recommend.COMMANDS,
    *server.COMMANDS,
]
