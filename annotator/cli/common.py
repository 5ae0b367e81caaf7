"""What the CLI commands share: option types, printing, opening a project.

Every human message of the CLI is printed by :func:`echo` (and every error by
:mod:`annotator.cli.errors`): control characters from untrusted text are made visible there,
in ONE place (``tests/reliability/test_terminal_output.py`` checks no other print path exists).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from annotator.cli.terminal import display, neutralise, neutralise_json, want_bidi

F = TypeVar("F", bound=Callable[..., Any])
STATUS_CHOICE = click.Choice(["todo", "in-progress", "done", "skipped"])
bidi_option = click.option(
    "--bidi/--no-bidi",
    default=None,
    help="Reorder Arabic for terminals without bidi support (default: only on such a terminal).",
)


def echo(text: str, bidi: bool | None = False, *, err: bool = False) -> None:
    """Print a message: control characters shown as escapes (always, even in a pipe), then
    reordered for display when ``bidi`` says so (None: only on a terminal that cannot do
    bidi; the default False never reorders)."""
    stream = sys.stderr if err else sys.stdout
    click.echo(display(neutralise(text), bidi=want_bidi(bidi, stream)), err=err)


def echo_json(value: object, *, indent: int | None = 2) -> None:
    """Print ``value`` as JSON on stdout (indented, or one line with ``indent=None``); control
    characters are JSON escapes, so the output parses to exactly ``value``."""
    click.echo(neutralise_json(json.dumps(value, ensure_ascii=False, indent=indent)))


def annotator_option(help_text: str) -> Callable[[F], F]:
    """``--annotator NAME``: whose layer a command reads or writes (default: the
    ``ANNOTATOR_NAME`` environment variable, else the login name: ``default_annotator``)."""
    return click.option("--annotator", metavar="NAME",
                        help=f"{help_text} (default: $ANNOTATOR_NAME, else your login).")


def open_project(
    path: str, *, create: bool = False, annotator: str | None = None, readonly: bool = False
) -> Any:
    """Open an existing project (a missing file is a one-line error, never a new project);
    ``readonly`` for the commands that only read it (nothing is written to the file).

    A read-only open without an annotator name reads the project's only layer when the
    login name has none and there is exactly one (a project made by someone else reads as
    it did before layers)."""
    from annotator.core.store import Project, ProjectError
    from annotator.core.store.engines.address import is_missing_file

    if not create and is_missing_file(path):
        raise ProjectError(f"{path}: no such project")
    project = Project.open(path, create=create, annotator=annotator, readonly=readonly)
    if readonly and annotator is None:
        names = project.layer_names()
        if len(names) == 1 and names[0] != project.annotator:
            project.close()
            project = Project.open(path, annotator=names[0], readonly=True)
    return project


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
