"""Offline teams: ``annotator assign``, ``assignments``, ``package`` and ``merge``.

Thin callers of :mod:`annotator.core.teams`; every problem is one line on stderr and exit
status 1 (a merge goes on with the next package and exits 1 at the end).
"""

from __future__ import annotations

from typing import Any

import click

from annotator.cli.common import STATUS_CHOICE, bidi_option, echo, echo_json, open_project
from annotator.cli.errors import user_errors


def _people(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def _print_table(table: list[Any], bidi: bool | None) -> None:
    width = max([len("annotator"), *(len(row.name) for row in table)])
    echo(f"{'annotator':<{width}}  documents  shared", bidi)
    for row in table:
        echo(f"{row.name:<{width}}  {row.documents:>9}  {row.shared:>6}", bidi)


@click.command("assign")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--to", "to", required=True, help="Annotators, comma-separated: alice,bob,carol.")
@click.option("--overlap", type=float, default=0.0, show_default=True,
              help="Fraction of the new documents given to several annotators (agreement).")
@click.option("--shared-by", type=int, default=2, show_default=True,
              help="How many annotators a shared document goes to.")
@click.option("--per-person", type=int, default=None,
              help="At most this many documents per annotator (earlier ones count).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the choice.")
@click.option("--status", type=STATUS_CHOICE, default=None,
              help="Only documents of this status (default: all).")
@click.option("--reassign", is_flag=True,
              help="Drop the chosen documents' earlier assignments and assign them again.")
@click.option("--annotator", help="Who assigns (the journal's name; default: you).")
@bidi_option
@user_errors
def assign_command(project: str, to: str, overlap: float, shared_by: int,
                   per_person: int | None, seed: int, status: str | None, reassign: bool,
                   annotator: str | None, bidi: bool | None) -> None:
    """Assign PROJECT's documents nobody holds yet to annotators, balanced, a stable
    fraction (--overlap) to several of them; re-running adds only unassigned documents."""
    from annotator.core.teams.assigning import assign_documents

    people = _people(to)
    with open_project(project, annotator=annotator) as proj:
        try:
            report = assign_documents(proj, people, overlap=overlap, shared_by=shared_by,
                                      per_person=per_person, seed=seed, status=status,
                                      reassign=reassign)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    added = ", ".join(f"{name} {n}" for name, n in report.added.items())
    echo(f"assigned {report.new_documents} document(s) ({added}); shared:"
         f" {report.new_shared} ({report.shared_fraction:.1%} of them)", bidi)
    if report.already:
        echo(f"{report.already} document(s) already assigned, left as they were", bidi)
    if report.released:
        echo(f"{report.released} document(s) reassigned", bidi)
    if report.unassigned:
        echo(f"{report.unassigned} document(s) left unassigned: every annotator has"
             f" --per-person {per_person}", bidi)
    _print_table(report.table, bidi)


@click.command("assignments")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--documents", is_flag=True, help="One line per document with its annotators.")
@click.option("--json", "as_json", is_flag=True, help="JSON: the table and every document.")
@bidi_option
@user_errors
def assignments_command(project: str, documents: bool, as_json: bool,
                        bidi: bool | None) -> None:
    """List who is assigned what: per annotator the documents and, of them, the shared."""
    from annotator.core.teams.assigning import assigned_documents, assignment_table

    with open_project(project, readonly=True) as proj:
        table = assignment_table(proj)
        if as_json:
            echo_json({"annotators": [{"name": r.name, "documents": r.documents,
                                       "shared": r.shared} for r in table],
                       "documents": [{"id": ext, "annotators": names}
                                     for ext, names in assigned_documents(proj)]})
            return
        if not table:
            echo("no document is assigned (run annotator assign)", bidi)
            return
        _print_table(table, bidi)
        if documents:
            for ext, names in assigned_documents(proj):
                echo(f"{ext}\t{','.join(names)}", bidi)


@click.command("package")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--for", "for_", required=True, help="The annotator the package is for.")
@click.option("--start-from", help="Copy this annotator's layer as the starting layer"
              " (e.g. preannotate); default: the annotator's own.")
@bidi_option
@user_errors
def package_command(project: str, out: str, for_: str, start_from: str | None,
                    bidi: bool | None) -> None:
    """Write OUT, a project file holding the documents assigned to --for, the schema and
    their starting layer, to annotate offline and bring back with annotator merge."""
    from annotator.core.teams.package import write_package

    with open_project(project, readonly=True) as proj:
        report = write_package(proj, for_, out, start_from=start_from)
    rows = sum(report.annotations.values())
    echo(f"wrote {out}: {report.documents} document(s) for {report.annotator}, starting"
         f" from {report.start_from}'s layer ({rows} annotation row(s))", bidi)


@click.command("merge")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("packages", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--replace", is_flag=True, help="Where an annotator's layer changed in the"
              " project since the package was made, take the package's anyway.")
@click.option("--annotator", help="Who merges (the journal's name; default: you).")
@bidi_option
@user_errors
def merge_command(project: str, packages: tuple[str, ...], replace: bool,
                  annotator: str | None, bidi: bool | None) -> None:
    """Bring each PACKAGE's layers back into PROJECT, one undoable action per package."""
    from annotator.core.store import ProjectError
    from annotator.core.teams.merge import merge_package

    failed = 0
    with open_project(project, annotator=annotator) as proj:
        for package in packages:
            try:
                report = merge_package(proj, package, replace=replace)
            except ProjectError as exc:
                echo(f"refused: {exc}", bidi, err=True)
                failed += 1
                continue
            _print_merge(report, bidi)
    if failed:
        raise click.ClickException(f"{failed} package(s) refused")


def _print_merge(report: Any, bidi: bool | None) -> None:
    echo(f"{report.package}: {report.documents} document(s) matched, {report.changed}"
         f" changed, {report.unchanged} unchanged, {report.statuses} status(es) changed", bidi)
    for name in sorted(set(report.added) | set(report.removed)):
        added = ", ".join(f"{n} {t}" for t, n in sorted(report.added.get(name, {}).items()))
        removed = sum(report.removed.get(name, {}).values())
        echo(f"  {name}: added {added or 'nothing'}"
             + (f"; replaced {removed} row(s)" if removed else ""), bidi)
    for conflict in report.conflicts:
        who = f" ({conflict.annotator})" if conflict.annotator else ""
        echo(f"  conflict: {conflict.document}{who}: {conflict.reason}", bidi)
    if report.changed:
        echo(f"  one action: annotator undo removes it ({report.action})", bidi)


COMMANDS: list[click.Command] = [assign_command, assignments_command, package_command,
                                 merge_command]
"""The commands of this module, for ``annotator.cli.commands.ALL``."""
