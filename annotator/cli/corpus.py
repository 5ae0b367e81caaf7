"""``annotator search`` (the concordance) and ``annotator label-all``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from annotator.cli.common import (
    STATUS_CHOICE,
    annotator_option,
    bidi_option,
    echo,
    echo_json,
    open_project,
)
from annotator.cli.errors import user_errors
from annotator.cli.terminal import advancing, progress

if TYPE_CHECKING:
    from annotator.core.store import Project


def _index_first(proj: Project) -> None:
    """Bring the concordance index up to date before a search (the import leaves it to the
    first search): a progress bar on a terminal's stderr while it builds."""
    pending = proj.search_index_pending()
    if pending:
        with progress("Indexing for search", pending) as bar:
            proj.ensure_search_index(progress=advancing(bar))


def _flat(text: str) -> str:
    """Context on one terminal line: newlines and tabs shown as spaces."""
    return " ".join(text.replace("\t", " ").splitlines()) if text else ""


@click.command("search")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("query")
@click.option("--regex", "use_regex", is_flag=True,
              help="QUERY is a regular expression, run on the folded text.")
@click.option("--substring", is_flag=True, help="Match inside words too.")
@click.option("--label", help="Only matches that carry an entity of this label.")
@click.option("--unlabelled", is_flag=True, help="Only matches that carry no entity.")
@click.option("--status", "statuses", multiple=True, type=STATUS_CHOICE,
              help="Only documents with this status (repeatable).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(min=0),
              help="Stop after this many matches (0: all).")
@click.option("--context", default=40, show_default=True, type=click.IntRange(min=0),
              help="Characters of context on each side.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per match (offsets in code points of the stored text).")
@annotator_option("Whose labels and statuses the matches show and --label/--status mean")
@bidi_option
@user_errors
def search_command(project: str, query: str, use_regex: bool, substring: bool,
                   label: str | None, unlabelled: bool, statuses: tuple[str, ...], limit: int,
                   context: int, as_json: bool, annotator: str | None,
                   bidi: bool | None) -> None:
    """Find QUERY in every document of PROJECT: keyword in context, one match a line.

    Matching ignores hamza forms, tashkeel, tatweel, ى/ي and ة/ه, takes whole words (after
    attached و ف ب ل ك, which stay outside the match), and shows the label already on a match.
    """
    from annotator.core.corpus import Concordance, Mode, SearchQuery

    if use_regex and substring:
        raise click.UsageError("--regex and --substring do not go together")
    if label is not None and unlabelled:
        raise click.UsageError("--label and --unlabelled do not go together")
    mode = Mode.REGEX if use_regex else Mode.SUBSTRING if substring else Mode.WORD
    with open_project(project, annotator=annotator) as proj:
        _index_first(proj)
        try:
            concordance = Concordance(proj, SearchQuery(query, mode, label, unlabelled,
                                                         statuses), context=context)
            page = concordance.page(limit) if limit else None
            rows = page.rows if page is not None else list(concordance)
        except ValueError as error:
            raise click.ClickException(str(error)) from None
    last_doc = None
    for row in rows:
        if as_json:
            echo_json(row.to_json(), indent=None)
            continue
        if row.doc_id != last_doc:
            echo(f"{row.external_id}  {_flat(row.title)}", bidi)
            last_doc = row.doc_id
        tag = f"[{row.label}] " if row.label else ""
        echo(f"  {row.start}-{row.end}\t{tag}{_flat(row.left)} | {row.match} | {_flat(row.right)}",
             bidi)
    more = page is not None and page.next is not None
    echo(f"{len(rows)} match{'es' if len(rows) != 1 else ''}"
         + (f" (stopped at --limit {limit})" if more else ""), err=True)


@click.command("label-all")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("text")
@click.argument("label")
@click.option("--dry-run", is_flag=True, help="Show what would be added; change nothing.")
@click.option("--status", "statuses", multiple=True, type=STATUS_CHOICE,
              help="Only documents with this status (repeatable).")
@annotator_option("Whose layer gets the entities (and whose statuses --status means)")
@bidi_option
@user_errors
def label_all_command(project: str, text: str, label: str, dry_run: bool,
                      statuses: tuple[str, ...], annotator: str | None,
                      bidi: bool | None) -> None:
    """Label every whole-word occurrence of TEXT with LABEL, as one undoable action.

    Attached و ف ب ل ك stay outside the entity; an identical entity is never added twice.
    Prints what is added per document (and what is skipped, with the reason).
    """
    from annotator.core.corpus import apply_plan, plan_label_all

    with open_project(project, annotator=annotator) as proj:
        _index_first(proj)
        try:
            plan = plan_label_all(proj, text, label, statuses=statuses)
        except ValueError as error:
            raise click.ClickException(str(error)) from None
        if not dry_run:
            apply_plan(proj, plan)
    verb = "would add" if dry_run else "added"
    for external_id, planned in plan.by_document().items():
        spans = ", ".join(f"{p.start}-{p.end} {p.text}" for p in planned)
        echo(f"{external_id}\t{verb} {len(planned)}: {spans}", bidi)
    for skipped in plan.skipped:
        echo(f"{skipped.external_id}\tskipped {skipped.start}-{skipped.end} {skipped.text}:"
             f" {skipped.reason}", bidi, err=True)
    count = len(plan.add)
    echo(f"{verb} {count} {label} entit{'y' if count == 1 else 'ies'} in"
         f" {len(plan.by_document())} document(s)"
         + ("" if dry_run or not count else " (one action: 'annotator undo' removes all)"))


COMMANDS: list[click.Command] = [search_command, label_all_command]
