"""``annotator copy SRC DEST``: a project moved between SQLite and PostgreSQL, either way
(or file to file), losslessly.

The destination must be new or empty: it is created through the store
(``Project.open(..., create=True)``, the engine's own schema), then every table of the
source, the journal, undo stacks and roles included, is written with its ids in ONE
transaction on the destination (a failure leaves it as created, empty), and the id counters
(SQLite's AUTOINCREMENT, PostgreSQL's sequences) are advanced to at least the source's, so
an id is never given twice. The source is read in ONE snapshot (a read transaction on
SQLite, one REPEATABLE READ transaction on PostgreSQL): a copy taken while people work holds
exactly what was committed when it started, so it is also the backup of a project on a
server (``annotator backup ADDRESS FILE``, :mod:`.backup`). The concordance index is not
copied: each engine builds its own lazily (``Project.ensure_search_index``). Both projects
are checked against the same format version first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.server.copy_sides import READ_BATCH, PostgresSide, Side, SqliteSide
from annotator.core.store.engines.address import is_server_address, redact
from annotator.core.store.errors import ProjectError

Progress = Callable[[int, int], None]
"""``progress(rows_done, rows_total)``."""

ORDER = ("meta", "schemas", "annotators", "documents", "entities", "quotes", "events",
         "event_arguments", "stances", "document_labels", "document_status", "notes",
         "journal", "undo_stack", "ui_state", "lexicon_disabled", "assignments", "roles",
         "curation_decisions", "curation_documents")
"""Tables in an order their references allow (the rest follow, by name)."""
SKIPPED_PREFIXES = ("search_", "sqlite_")
"""The concordance index (rebuilt lazily by each engine) and SQLite's own tables."""


@dataclass(frozen=True, slots=True)
class CopyReport:
    """What a copy wrote: rows per table."""

    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _side(target: str) -> Side:
    if is_server_address(target):
        return PostgresSide(target)
    return SqliteSide(Path(target))


def _shown(target: str) -> str:
    return redact(target) if is_server_address(target) else target


def _prepare(src: str, dest: str) -> None:
    """Open the source (checked, migrated) and create the destination through the store;
    refuse a destination that already holds documents."""
    from annotator.core.store import Project

    with Project.open(src):
        pass
    if not is_server_address(dest) and Path(dest).exists() and Path(dest).stat().st_size:
        raise ProjectError(f"{dest}: already exists; copy into a new project")
    with Project.open(dest, create=True) as project:
        if project.document_count() and not project.created:
            raise ProjectError(f"{_shown(dest)}: already holds documents; copy into a new"
                               " (empty) project")


def _tables(source: Side, target: Side) -> list[tuple[str, list[str]]]:
    src, dst = source.tables(), target.tables()
    names = [n for n in src if n in dst and not n.startswith(SKIPPED_PREFIXES)]
    missing = [n for n in dst if n not in src and not n.startswith(SKIPPED_PREFIXES)]
    extra = [n for n in src if n not in dst and not n.startswith(SKIPPED_PREFIXES)]
    if missing or extra:
        raise ProjectError(f"the two projects have different tables ({', '.join(missing + extra)}"
                           "): open both with this version of annotator first")
    names.sort(key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n))
    out: list[tuple[str, list[str]]] = []
    for name in names:
        columns = [c for c in src[name] if c in dst[name]]
        if set(columns) != set(src[name]):
            raise ProjectError(f"table {name}: the two projects' columns differ")
        out.append((name, columns))
    return out


def copy_project(src: str, dest: str, progress: Progress | None = None) -> CopyReport:
    """Copy the project ``src`` (a file or an address) into the new project ``dest``."""
    _prepare(src, dest)
    source, target = _side(src), _side(dest)
    try:
        source.snapshot()
        tables = _tables(source, target)
        total = sum(source.count(name) for name, _ in tables)
        done = 0
        rows: dict[str, int] = {}
        target.begin()
        try:
            for name, _ in reversed(tables):
                target.clear(name)
            for name, columns in tables:
                batch: list[tuple[object, ...]] = []
                rows[name] = 0
                for row in source.rows(name, columns):
                    batch.append(row)
                    if len(batch) >= READ_BATCH:
                        target.write(name, columns, batch)
                        done += len(batch)
                        rows[name] += len(batch)
                        batch = []
                        if progress is not None:
                            progress(done, total)
                if batch:
                    target.write(name, columns, batch)
                    done += len(batch)
                    rows[name] += len(batch)
                if progress is not None:
                    progress(done, total)
            for name, value in source.counters().items():
                if name in rows:
                    target.set_counter(name, value)
            target.commit()
        except BaseException:
            target.rollback()
            raise
    finally:
        source.close()
        target.close()
    return CopyReport(rows)
