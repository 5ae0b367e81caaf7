"""``annotator server init|add-user`` (a project on PostgreSQL made ready for a team) and
``annotator copy`` (a project moved between SQLite and PostgreSQL)."""

from __future__ import annotations

import getpass
from collections.abc import Callable

import click

from annotator.cli.common import echo
from annotator.cli.errors import user_errors
from annotator.cli.terminal import advancing, progress

ROLE_NAMES = ("annotator", "curator", "manager")


@click.group("server")
def server_group() -> None:
    """A project on a PostgreSQL server: roles and policies, people."""


@server_group.command("init")
@click.argument("address")
@user_errors
def init_command(address: str) -> None:
    """Create the project in the (empty) database ADDRESS, with its own group roles, GRANTs,
    row-level security policies and live-update triggers; run it as the database's owner.
    Running it again on a project brings its policies up to date."""
    from annotator.core.server.setup import init_server
    from annotator.core.store.engines.address import redact

    report = init_server(address)
    state = "created" if report.created_schema else "already there"
    roles = ", ".join(report.groups.by_role().values())
    echo(f"{redact(address)}: project {state}; roles {roles} (this project's own; only their"
         f" members connect); policies on {len(report.tables)} tables")
    echo("next: annotator server add-user ADDRESS NAME --role annotator", err=True)


@server_group.command("add-user")
@click.argument("address")
@click.argument("names", nargs=-1, required=True)
@click.option("--role", type=click.Choice(ROLE_NAMES), default="annotator", show_default=True,
              help="annotator (their own layer), curator (also the curated layer),"
                   " manager (everything: imports, assignments, schema).")
@click.option("--no-password", is_flag=True, help="Set no password here (the DBA sets it,"
              " or the server authenticates them another way); otherwise it is asked.")
@user_errors
def add_user_command(address: str, names: tuple[str, ...], role: str, no_password: bool) -> None:
    """Create the logins NAMES on the server of ADDRESS and make them people of this
    project (or change their role in it; their roles in other projects stay). Each
    password is asked twice (never an option: it would stay in the shell's history); it is
    sent to the server only as a SCRAM verifier."""
    from annotator.core.server.setup import add_user
    from annotator.core.store.engines.address import redact

    for name in names:
        password: str | None = None
        if not no_password:
            password = getpass.getpass(f"password for {name}: ")
            if getpass.getpass(f"again, password for {name}: ") != password:
                raise click.ClickException(f"the two passwords for {name} differ; {name} was"
                                           " not added")
            if not password:
                raise click.ClickException("an empty password; use --no-password to set none")
        add_user(address, name, role, password)
        echo(f"{name} is {'an' if role == 'annotator' else 'a'} {role} of {redact(address)}")
    echo("each works with: annotator postgresql://NAME@HOST/DBNAME (the password in"
         " ~/.pgpass or a libpq service file)", err=True)


@click.command("copy")
@click.argument("src")
@click.argument("dest")
@user_errors
def copy_command(src: str, dest: str) -> None:
    """Copy the project SRC into the new project DEST: files or PostgreSQL addresses, either
    way. Every row (the journal, undo stacks and roles too) keeps its id; DEST is written in
    one transaction."""
    import contextlib

    from annotator.core.server.copying import copy_project
    from annotator.core.store.engines.address import is_server_address, redact

    with contextlib.ExitStack() as stack:
        advance: list[Callable[[int, int], None]] = []

        def moved(done: int, total: int) -> None:
            if not advance:  # the bar opens once the rows are counted
                advance.append(advancing(stack.enter_context(progress("copying", total))))
            advance[0](done, total)

        report = copy_project(src, dest, progress=moved)
    shown = redact(dest) if is_server_address(dest) else dest
    echo(f"copied {report.total} rows into {shown}")


COMMANDS: list[click.Command] = [server_group, copy_command]
