"""Maintenance commands: ``annotator backup`` and ``annotator restore``.

Both are thin callers of :mod:`annotator.core.store.backup` and
:mod:`annotator.core.store.restore`; every problem (not a project, a damaged or newer backup, a
project open elsewhere, a full disk...) is one line on stderr and exit status 1.
"""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import echo
from annotator.cli.errors import user_errors


def _size(path: Path) -> str:
    size = float(path.stat().st_size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


@click.command("backup")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("dest", type=click.Path())
@user_errors
def backup_command(project: str, dest: str) -> None:
    """Copy PROJECT to DEST (a file, or a folder for a time-stamped name).

    The copy is consistent even while the app has the project open and keeps saving; the
    project itself is only read. An existing DEST is replaced once the copy is complete.
    PROJECT may be a server's address: the backup is then a project file holding what was
    committed when it started (restore it with `annotator copy DEST NEW_ADDRESS`).
    """
    from annotator.core.store.engines.address import is_server_address, redact

    if is_server_address(project):
        from annotator.core.server.backup import backup_server

        written = backup_server(project, dest)
        echo(f"backed up {redact(project)} to {written} ({_size(written)})")
        return
    from annotator.core.store.backup import backup_project

    written = backup_project(project, dest)
    echo(f"backed up {project} to {written} ({_size(written)})")


@click.command("restore")
@click.argument("project", type=click.Path(dir_okay=False))
@click.argument("backup", type=click.Path(dir_okay=False))
@user_errors
def restore_command(project: str, backup: str) -> None:
    """Replace PROJECT with BACKUP, keeping the current PROJECT aside.

    BACKUP is checked first (an intact annotator project, not from a newer version, every
    store invariant holding); the project must not be open in the app. The previous file is
    kept as PROJECT.before-restore-<time>Z.
    """
    from annotator.core.store.restore import restore_project

    aside = restore_project(project, backup)
    echo(f"restored {project} from {backup}")
    if aside is not None:
        echo(f"the previous project file is kept as {aside}")


COMMANDS: list[click.Command] = [backup_command, restore_command]
"""The commands of this module, for ``annotator.cli.commands.ALL``."""
