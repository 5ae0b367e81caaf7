"""What the CLI commands share: option types, bidi-aware printing, opening a project."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from annotator.cli.terminal import display, want_bidi

STATUS_CHOICE = click.Choice(["todo", "in-progress", "done", "skipped"])
bidi_option = click.option(
    "--bidi/--no-bidi",
    default=None,
    help="Reorder Arabic for terminals without bidi support (default: only on such a terminal).",
)


def echo(text: str, bidi: bool | None, *, err: bool = False) -> None:
    """Print ``text``, reordered for display only on a terminal that cannot do bidi."""
    stream = sys.stderr if err else sys.stdout
    click.echo(display(text, bidi=want_bidi(bidi, stream)), err=err)


def open_project(path: str, *, create: bool = False, annotator: str | None = None) -> Any:
    """Open an existing project (a missing file is a one-line error, never a new project)."""
    from annotator.core.store import Project, ProjectError

    if not create and not Path(path).exists():
        raise ProjectError(f"{path}: no such project")
    return Project.open(path, create=create, annotator=annotator)


def skipped_damaged(proj: Any, bidi: bool | None = None) -> int:
    """Print a warning per damaged document a read skipped (``Project.damaged_documents``);
    return how many there were."""
    damaged = proj.damaged_documents()
    for doc_id, rows in damaged.items():
        more = f" (and {len(rows) - 1} more damaged row(s))" if len(rows) > 1 else ""
        echo(f"warning: skipped damaged document {doc_id}: {rows[0].message}{more}", bidi, err=True)
    return len(damaged)


def fail_if_skipped(count: int) -> None:
    """Exit with status 1 after a command that skipped damaged documents."""
    if count:
        raise click.ClickException(
            f"{count} damaged document(s) skipped; run annotator validate for every damaged row"
        )
