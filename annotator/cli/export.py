"""``annotator export``: canonical JSONL, or a training-data format with ``--format``."""

from __future__ import annotations

from typing import Any

import click

from annotator.cli.common import STATUS_CHOICE, echo, fail_if_skipped, open_project, skipped_damaged
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


def curated_scope(proj: Any, allow_uncurated: bool) -> dict[str, Any]:
    """Check what a curated export takes (refuse, or warn, for documents not curated yet);
    return how the gold was made, for the report and the dataset card (with the agreement
    figures of the annotators on the gold documents)."""
    from annotator.core.agreement.gold_figures import register_gold_agreement
    from annotator.core.curation import gold_description, uncurated_documents

    register_gold_agreement()

    left = uncurated_documents(proj)
    shown = ", ".join(left[:10]) + (f" and {len(left) - 10} more" if len(left) > 10 else "")
    if left and not allow_uncurated:
        raise click.ClickException(f"{len(left)} document(s) in curation are not curated yet:"
                                   f" {shown} (mark them curated, or leave them out with"
                                   " --allow-uncurated)")
    if left:
        echo(f"warning: left out {len(left)} document(s) not curated yet: {shown}", err=True)
    gold = gold_description(proj)
    if not gold["documents"]:
        raise click.ClickException("no document is curated yet: run 'annotator curate' and"
                                   " mark the documents curated")
    return gold


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
@click.option(
    "--annotator",
    metavar="NAME",
    help="Export NAME's layer: their annotations, statuses (--status), labels and notes"
    " (default: every layer in canonical JSONL; a training format needs it when the"
    " documents hold several layers).",
)
@click.option(
    "--curated",
    is_flag=True,
    help="Export the curated (gold) layer of the documents a curator marked curated; refused"
    " while documents in curation are not curated yet, unless --allow-uncurated.",
)
@click.option(
    "--allow-uncurated",
    is_flag=True,
    help="With --curated: leave out the documents not curated yet, with a warning.",
)
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
@click.option(
    "--charts/--no-charts",
    default=True,
    show_default=True,
    help="Draw the dataset card's label and split charts (SVG, export folders only).",
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
    curated: bool = False,
    allow_uncurated: bool = False,
    charts: bool = True,
) -> None:
    """Export PROJECT to OUT: canonical JSONL by default ('-' for stdout), one document per
    line, or a training-data format with --format (a folder with --split, for brat and spacy)."""
    from annotator.core.curation import CURATED
    from annotator.core.exports import (
        ExportOptions,
        MissingDependencyError,
        export_dataset,
        parse_ratios,
    )
    from annotator.core.output import OutputError

    if allow_uncurated and not curated:
        raise click.UsageError("--allow-uncurated goes with --curated")
    if curated and (annotator or statuses):
        raise click.UsageError("--curated exports the curated layer of the curated documents:"
                               " leave out --annotator and --status")
    plain = fmt == "canonical" and split_spec is None and layers is None and not curated
    if out == "-" and not plain:
        raise click.ClickException(
            "only the canonical export (without --split or --layers) can go to stdout"
        )
    try:
        if curated:
            annotator, statuses = CURATED, ("done",)
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
            write_report=not plain,
            charts=charts,
        )
        with open_project(project, readonly=True, annotator=annotator) as proj:
            if curated:
                options.gold = curated_scope(proj, allow_uncurated)
            total = proj.document_count()
            with progress("Exporting", total) as bar:

                def advance(done: int, _total: int) -> None:
                    if bar is not None:
                        bar.update(1)

                report = export_dataset(proj, out, options, progress=advance)
            skipped = skipped_damaged(proj)
    except (ValueError, OutputError, MissingDependencyError) as error:
        raise click.ClickException(str(error)) from None
    documents = sum(report.documents.values())
    if plain:
        if out != "-":
            echo(f"exported {documents} document(s) to {out}", err=True)
        fail_if_skipped(skipped)
        return
    changed = sum(report.widened.values()) + sum(report.skipped.values())
    echo(
        f"exported {documents} document(s) as {fmt} to {out}"
        + (
            f" ({', '.join(f'{k} {v}' for k, v in sorted(report.documents.items()))})"
            if report.split
            else ""
        )
        + (f"; {changed} annotation(s) widened or skipped, see the report" if changed else ""),
        err=True,
    )
    empty = report.split.get("empty") if report.split else None
    if report.split and empty:
        echo(f"warning: split(s) {', '.join(empty)} received no document ({documents} "
             f"document(s) for {len(report.split['ratios'])} splits)", err=True)
    if report.previous is not None:
        echo(f"the earlier export in {out} was moved to {report.previous}", err=True)
    fail_if_skipped(skipped)
