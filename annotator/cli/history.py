"""``annotator history``: the journal, one readable line per entry (or JSON lines)."""

from __future__ import annotations

from datetime import datetime

import click

from annotator.cli.common import bidi_option, echo, echo_json, open_project
from annotator.cli.errors import user_errors

KIND_PREFIX = {"undo": "undo: ", "redo": "redo: "}
"""Shown before the action of an undo or redo entry (a ``do`` or ``audit`` entry has none)."""


def local_time(stamp: str) -> str:
    """The stored UTC timestamp as local ``YYYY-MM-DD HH:MM``, or as stored when unreadable."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


@click.command("history")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1),
              help="How many of the latest entries.")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON object per entry (time in UTC, as stored).")
@bidi_option
@user_errors
def history_command(project: str, limit: int, as_json: bool, bidi: bool | None) -> None:
    """Show the latest operations of the journal (the audit trail), newest first: local
    time, annotator, action, document and what changed (a short excerpt of the text)."""
    from annotator.core.store.history import history_lines, one_line

    with open_project(project, readonly=True) as proj:
        lines = history_lines(proj.conn, limit)
    for line in lines:
        if as_json:
            echo_json(line.to_json(), indent=None)
            continue
        action = KIND_PREFIX.get(line.kind, "") + one_line(line.action, 60)
        fields = [local_time(line.time), one_line(line.annotator, 30), action,
                  line.document or "-", line.what]
        echo("  ".join(field for field in fields if field), bidi)
