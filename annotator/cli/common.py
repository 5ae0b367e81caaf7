"""What the CLI commands share: option types, bidi-aware printing, opening a project."""

from __future__ import annotations

import os
import sys
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


def open_project(
    path: str, *, create: bool = False, annotator: str | None = None, readonly: bool = False
) -> Any:
    """Open an existing project (a missing file is a one-line error, never a new project);
    ``readonly`` for the commands that only read it (nothing is written to the file)."""
    from annotator.core.store import Project, ProjectError

    if not create and not os.path.lexists(path):
        raise ProjectError(f"{path}: no such project")
    return Project.open(path, create=create, annotator=annotator, readonly=readonly)
