"""``annotator lexicon``: the names that proclitic snapping takes as evidence, and turning a
wrongly learned one off (or on again). A thin caller of :mod:`annotator.core.lexicon`."""

from __future__ import annotations

from dataclasses import asdict

import click

from annotator.cli.common import bidi_option, echo, echo_json, open_project
from annotator.cli.errors import user_errors


@click.command("lexicon")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--disable", "disable", multiple=True, metavar="NAME",
              help="Stop using NAME (any spelling that folds alike) as a name. Repeatable.")
@click.option("--enable", "enable", multiple=True, metavar="NAME",
              help="Use a turned-off NAME again. Repeatable.")
@click.option("--list", "list_", is_flag=True,
              help="List the names (the default when nothing is turned off or on).")
@click.option("--shipped", is_flag=True, help="List the names shipped with annotator too.")
@click.option("--json", "as_json", is_flag=True, help="List as JSON.")
@bidi_option
@user_errors
def lexicon_command(project: str, disable: tuple[str, ...], enable: tuple[str, ...],
                    list_: bool, shipped: bool, as_json: bool, bidi: bool | None) -> None:
    """The names of PROJECT that keep و ف ب ل ك outside a selected name: every annotated
    name of every document, the schema's gazetteer and (with --shipped) the names shipped
    with annotator. A name turned off with --disable is no longer evidence anywhere.

    List lines are NAME, LABEL, SOURCE, COUNT (times annotated) and "off" for a turned-off
    name, separated by tabs.
    """
    from annotator.core.lexicon import lexicon_entries

    if any(not name.strip() for name in (*disable, *enable)):
        raise click.BadParameter("a name cannot be blank", param_hint="--disable/--enable")
    with open_project(project) as proj:
        for name in disable:
            done = proj.disable_name(name)
            echo(f"turned off: {name}" if done else f"already off: {name}", bidi)
        for name in enable:
            done = proj.enable_name(name)
            echo(f"turned on: {name}" if done else f"was not off: {name}", bidi)
        if not (list_ or shipped or as_json) and (disable or enable):
            return
        entries = lexicon_entries(proj, shipped=shipped)
    if as_json:
        echo_json([asdict(e) for e in entries])
        return
    for entry in entries:
        fields = [entry.name, entry.label or "-", entry.source or "-", str(entry.count)]
        echo("\t".join(fields + (["off"] if entry.disabled else [])), bidi)


COMMANDS: list[click.Command] = [lexicon_command]
"""The commands of this module, for ``annotator.cli.commands.ALL``."""
