"""``annotator schema apply PROJECT FILE.toml [--map OLD=NEW]... [--dry-run]``."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import bidi_option, echo, open_project
from annotator.cli.errors import user_errors


@click.command("apply")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--map", "mappings", multiple=True, metavar="OLD=NEW",
              help="Relabel annotations of a name the new schema removes (category:OLD=NEW to"
                   " name one of entity, quote, stance, topic, event, role). Repeatable.")
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@bidi_option
@user_errors
def schema_apply(project: str, file: str, mappings: tuple[str, ...], dry_run: bool,
                 bidi: bool | None) -> None:
    """Apply FILE as the next schema version of PROJECT (one undoable action).

    Refused, with what, how many and in which documents, when annotations would lose their
    label, kind, type, role, topic or attribute value; --map renames them instead.
    """
    from annotator.core.store import SchemaChangeError

    try:
        toml_text = Path(file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{file}: cannot read the schema ({exc})") from None
    with open_project(project) as proj:
        try:
            change = proj.apply_schema(toml_text, mappings, dry_run=dry_run)
        except SchemaChangeError as exc:
            for line in exc.lines:
                echo(f"error: {line}", bidi, err=True)
            raise click.ClickException("the schema was not applied") from None
    for line in change.lines():
        echo(line, bidi)
    if dry_run:
        echo("dry run: nothing was written" if not change.refused
             else "dry run: this change would be refused", err=True)
        if change.refused:
            raise SystemExit(1)
    else:
        echo(f"schema version {change.version} applied ({change.action}; annotator undo"
             " reverts it)", err=True)
