"""Entry point: ``annotator [PROJECT]`` opens the app, ``annotator COMMAND ...`` runs a job.

A first argument that is not a command is a project to open when it exists, ends in
``.annotator`` or names a folder; otherwise, when it is close to a command name
(``annotator exprot``), it is a usage error that suggests the nearest command, so a typo
never opens (or creates) a project named after it.

Every command is a thin wrapper over :mod:`annotator.core`; errors a user can cause (a missing or
damaged project, bad input, a bad schema) are printed as one line on stderr with a non-zero exit
status, never as a traceback.
"""

from __future__ import annotations

import difflib
import os
import sys
from typing import Any

import click

from annotator import __version__
from annotator.cli import PROJECT_SUFFIX, commands
from annotator.cli.errors import neutralised
from annotator.cli.pipes import end_quietly


def looks_like_project(name: str) -> bool:
    """True when ``name`` is meant as a project: a path that exists, ends in ``.annotator`` or
    has a folder part, or a PostgreSQL address."""
    if os.path.lexists(name) or name.endswith(PROJECT_SUFFIX) or "/" in name or os.sep in name:
        return True
    from annotator.core.store.engines.address import is_server_address

    return is_server_address(name)


def nearest_command(name: str, commands: list[str]) -> str | None:
    """The command ``name`` is probably a typo of (difflib's closest match), or None."""
    matches = difflib.get_close_matches(name, commands, n=1, cutoff=0.6)
    return matches[0] if matches else None


class _DefaultOpenGroup(click.Group):
    """A group where an argument that is not a command name is a project to open in the app."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and args[0] not in self.commands:
            first = args[0]
            guess = None if looks_like_project(first) else nearest_command(
                first, sorted(self.commands))
            if guess is not None:
                raise neutralised(click.UsageError(
                    f"no such command '{first}'; did you mean '{guess}'? (to open a project"
                    f" of that name: annotator open {first})", ctx=ctx))
            args = ["open", *args]
        try:
            return super().parse_args(ctx, args)
        except click.ClickException as error:
            raise neutralised(error) from None
        except BrokenPipeError:  # --help or --version into a closed pipe
            end_quietly()

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; a usage error (which may quote a crafted value) is neutralised
        like every other message."""
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            raise neutralised(error) from None
        except BrokenPipeError:  # a command's output into a closed pipe
            end_quietly()


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
