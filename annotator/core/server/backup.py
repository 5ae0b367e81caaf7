"""``annotator backup ADDRESS FILE``: a project on a server saved as a project file.

It is ``annotator copy ADDRESS FILE`` (:mod:`.copying`: lossless, every row with its id, the
journal and undo stacks included; the whole read in one REPEATABLE READ transaction, so a
backup taken while people work holds exactly what was committed when it started), written
under a temporary name beside ``FILE`` and renamed when complete: an existing ``FILE`` is
replaced only by a finished backup, as with a file's backups. ``FILE`` may be a folder: the
backup gets a time-stamped name there. Restoring is the copy the other way, into a new
database (``annotator server init NEWADDRESS``, then ``annotator copy FILE NEWADDRESS``).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.server.copying import Progress, copy_project
from annotator.core.store.backup import BACKUP_SUFFIX, STAMP


def backup_name(address: str) -> str:
    """``<database>.<time>Z.annotator``: the name of a backup put in a folder."""
    from psycopg import conninfo

    database = str(conninfo.conninfo_to_dict(address).get("dbname") or "project")
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in database)
    return f"{safe}.{datetime.now(UTC).strftime(STAMP)}Z{BACKUP_SUFFIX}"


def backup_server(address: str, dest: str | os.PathLike[str],
                  progress: Progress | None = None) -> Path:
    """Save the project at ``address`` as the project file ``dest`` (or a time-stamped file
    in the folder ``dest``); returns the file written."""
    target = Path(dest)
    if target.is_dir():
        target = target / backup_name(address)
    partial = target.with_name(f".{target.name}.partial")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    try:
        copy_project(address, str(partial), progress)
        os.replace(partial, target)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return target
