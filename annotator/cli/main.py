"""Entry point: ``annotator [PROJECT]`` opens the app, ``annotator COMMAND ...`` runs a job.

Every command is a thin wrapper over :mod:`annotator.core`; errors a user can cause (a missing or
damaged project, bad input, a bad schema) are printed as one line on stderr with a non-zero exit
status, never as a traceback.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from annotator import __version__
from annotator.cli import commands
from annotator.cli.errors import neutralised


class _DefaultOpenGroup(click.Group):
    """A group where an argument that is not a command name is a project to open in the app."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            args = ["open", *args]
        try:
            return super().parse_args(ctx, args)
        except click.ClickException as error:
            raise neutralised(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a usage error (which may quote a crafted value) is neutralised
        like every other message."""
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            raise neutralised(error) from None


@click.group(cls=_DefaultOpenGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="annotator")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Annotate Arabic news articles: entities, quotes, stance and events.

    Run without a command to open the last project (or the bundled sample) in the app.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(commands.open_command, project=None)


for _command in commands.ALL:
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point."""
    return cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="annotator")
