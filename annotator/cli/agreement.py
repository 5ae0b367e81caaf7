"""``annotator agreement``: inter-annotator agreement on every layer, as a table on the
terminal, JSON (``--json``) or a report folder (``--report DIR``). A thin caller of
:mod:`annotator.core.agreement`."""

from __future__ import annotations

from collections.abc import Sequence

import click

from annotator.cli.common import bidi_option, echo, echo_json, open_project, skipped_damaged
from annotator.cli.errors import user_errors
from annotator.cli.terminal import advancing, progress

LAYER_CHOICE = click.Choice(["entities", "quotes", "events", "stances", "labels"])


def _table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Left-aligned columns (the value column right-aligned), two spaces apart."""
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    return ["  ".join(cell.rjust(widths[k]) if k == 3 else cell.ljust(widths[k])
                      for k, cell in enumerate(row)).rstrip() for row in rows]


@click.command("agreement")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--annotators", metavar="A,B,...",
              help="The annotators to compare (default: every one who annotated).")
@click.option("--layer", "layers", multiple=True, type=LAYER_CHOICE,
              help="A layer to compare (repeatable; default: all of them).")
@click.option("--json", "as_json", is_flag=True, help="Every figure with its counts, as JSON.")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), metavar="DIR",
              help="Write report.md, report.html and PNG charts into DIR.")
@bidi_option
@user_errors
def agreement_command(project: str, annotators: str | None, layers: tuple[str, ...],
                      as_json: bool, report_dir: str | None, bidi: bool | None) -> None:
    """Inter-annotator agreement over the documents that two or more of the annotators
    marked done: entity span F1 (exact and overlap, per label, micro and macro) and token
    kappa/alpha, quote, event and stance F1 with kappa on matched items, document label
    kappa/alpha. Pairs are named A~B; A is the reference of precision and recall."""
    from pathlib import Path

    from annotator.core.agreement import LAYERS, compute_agreement
    from annotator.core.agreement.report import write_report
    from annotator.core.agreement.summary import empty_layers, summary_rows

    names = [n.strip() for n in annotators.split(",")] if annotators else None
    if names is not None and not all(names):
        raise click.BadParameter("an annotator name cannot be blank", param_hint="--annotators")
    with open_project(project, readonly=True) as proj:
        total = proj.document_count(status="done")
        try:
            with progress("Comparing", total) as bar:
                advance = advancing(bar)
                result = compute_agreement(proj, names, list(layers) or LAYERS,
                                           progress=lambda done: advance(done, total))
        except ValueError as error:
            raise click.ClickException(str(error)) from None
        damaged = skipped_damaged(proj, bidi)
        data = result.to_dict()
        if report_dir is not None:
            files = write_report(result, report_dir, Path(proj.path), proj.project_id, data)
            echo(f"wrote {len(files)} file(s) to {report_dir}: {', '.join(files)}", bidi,
                 err=as_json)
    if as_json:
        echo_json({**data, "damaged_documents_skipped": damaged})
        return
    echo(f"{result.documents} shared document(s) (done by two or more of "
         f"{', '.join(result.annotators)}); "
         + ", ".join(f"{k}: {v}" for k, v in result.per_annotator.items()), bidi)
    rows = [("layer", "figure", "annotators", "value", "from")]
    rows += [(r.layer, r.figure, r.who, r.shown, r.counts) for r in summary_rows(data)]
    for line in _table(rows):
        echo(line, bidi)
    nothing = empty_layers(data)
    if nothing:
        echo(f"nothing to compare in: {', '.join(nothing)}", bidi)


COMMANDS: list[click.Command] = [agreement_command]
"""The commands of this module, for ``annotator.cli.commands.ALL``."""
