"""``annotator export``: canonical JSONL, or a training-data format with ``--format``."""

from __future__ import annotations

import click

from annotator.cli.common import STATUS_CHOICE, fail_if_skipped, open_project, skipped_damaged
from annotator.cli.errors import user_errors
from annotator.cli.terminal import progress

EXPORT_FORMATS = [
    "canonical",
    "hf-tokens",
    "conll",
    "conll-flat",
    "spacy",
    "doccano",
    "label-studio",
    "brat",
    "events",
    "quotes",
    "stance",
]
"""The names of ``annotator.core.exports.FORMATS`` (listed here so --help stays fast)."""


@click.command("export")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path(allow_dash=True))
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=STATUS_CHOICE,
    help="Only documents with this status (repeatable).",
)
@click.option("--annotator", help="Only annotations made by this annotator.")
@click.option(
    "--format",
    "fmt",
    default="canonical",
    show_default=True,
    type=click.Choice(EXPORT_FORMATS),
    help="Output format (docs/EXPORTS.md).",
)
@click.option(
    "--split",
    "split_spec",
    metavar="NAME=RATIO,...",
    help="Split by document, e.g. train=0.8,dev=0.1,test=0.1 (OUT becomes a folder).",
)
@click.option("--seed", default=0, show_default=True, help="Seed of the split.")
@click.option(
    "--stratify",
    metavar="entities|label:NAME",
    help="Balance the split per rarest entity label, or per value of a document label.",
)
@click.option(
    "--layers",
    metavar="LAYER,...",
    help="Annotation layers to export: entities,quotes,events,stances (default per format).",
)
@click.option(
    "--unit",
    type=click.Choice(["sentence", "document"]),
    default="sentence",
    show_default=True,
    help="One record per sentence or per document (token formats).",
)
@click.option(
    "--split-proclitics",
    is_flag=True,
    help="Token formats: cut proclitics (و ف ب ل ك) into their own tokens on evidence.",
)
@user_errors
def export_command(
    project: str,
    out: str,
    statuses: tuple[str, ...],
    annotator: str | None,
    fmt: str = "canonical",
    split_spec: str | None = None,
    seed: int = 0,
    stratify: str | None = None,
    layers: str | None = None,
    unit: str = "sentence",
    split_proclitics: bool = False,
) -> None:
    """Export PROJECT to OUT: canonical JSONL by default ('-' for stdout), one document per
    line, or a training-data format with --format (a folder with --split, for brat and spacy)."""
    if fmt == "canonical" and split_spec is None and layers is None:
        _export_canonical(project, out, statuses, annotator)
        return
    from annotator.core.exports import (
        ExportOptions,
        MissingDependencyError,
        export_dataset,
        parse_ratios,
    )

    if out == "-":
        raise click.ClickException(
            "only the canonical export (without --split or --layers) can go to stdout"
        )
    try:
        options = ExportOptions(
            format=fmt,
            statuses=list(statuses) or None,
            annotator=annotator,
            ratios=parse_ratios(split_spec) if split_spec is not None else None,
            seed=seed,
            stratify=stratify,
            layers=tuple(p.strip() for p in layers.split(",") if p.strip()) if layers else None,
            per_sentence=unit == "sentence",
            split_proclitics=split_proclitics,
        )
        with open_project(project) as proj:
            total = proj.document_count()
            with progress("Exporting", total) as bar:

                def advance(done: int, _total: int) -> None:
                    if bar is not None:
                        bar.update(1)

                report = export_dataset(proj, out, options, progress=advance)
            skipped = skipped_damaged(proj)
    except (ValueError, FileExistsError, MissingDependencyError) as error:
        raise click.ClickException(str(error)) from None
    documents = sum(report.documents.values())
    changed = sum(report.widened.values()) + sum(report.skipped.values())
    click.echo(
        f"exported {documents} document(s) as {fmt} to {out}"
        + (
            f" ({', '.join(f'{k} {v}' for k, v in sorted(report.documents.items()))})"
            if report.split
            else ""
        )
        + (f"; {changed} annotation(s) widened or skipped, see the report" if changed else ""),
        err=True,
    )
    fail_if_skipped(skipped)


def _export_canonical(
    project: str, out: str, statuses: tuple[str, ...], annotator: str | None
) -> None:
    """The canonical export, unchanged: one JSON line per document to OUT or stdout."""
    from annotator.core.formats.export import export_canonical

    with open_project(project) as proj:
        total = proj.document_count()
        with progress("Exporting", total) as bar:

            def advance(done: int, _total: int) -> None:
                if bar is not None:
                    bar.update(1)

            count = export_canonical(
                proj, out, status=list(statuses) or None, annotator=annotator, progress=advance
            )
        skipped = skipped_damaged(proj)
    if out != "-":
        click.echo(f"exported {count} document(s) to {out}", err=True)
    fail_if_skipped(skipped)
