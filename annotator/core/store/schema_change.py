"""Applying a new schema to a project as a new schema version, with renames.

:meth:`SchemaChangeMixin.apply_schema` checks the new schema fully (the loader reports every
mistake), resolves the ``OLD=NEW`` renames against the current and the new schema, reads
every annotation (:func:`.schema_usage.plan_rows`) and then either refuses — a change that
would orphan annotations, with what, how many and in which documents — or stores the new
version and relabels what the renames name, as ONE user action: one transaction, one
journal entry, one undo. Undo removes the version and restores the labels; it is refused
when the version is no longer the newest, or when annotations were made under it since.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from annotator.core.schema import Schema, SchemaError, parse_schema
from annotator.core.schema.changes import (
    Rename,
    RenameError,
    SchemaDiff,
    parse_renames,
    resolve_renames,
    schema_diff,
)
from annotator.core.store.base import ProjectBase
from annotator.core.store.errors import ProjectError
from annotator.core.store.journal import Change
from annotator.core.store.schema_usage import Orphans, external_ids, plan_rows
from annotator.core.store.timeutil import utc_now

VERSIONED_TABLES: tuple[str, ...] = ("entities", "quotes", "events", "event_arguments",
                                     "stances", "document_labels")
"""Tables whose rows name the schema version they were made under."""


@dataclass(frozen=True)
class SchemaChange:
    """What applying a schema does (or did): the differences, the renames with how many
    annotations each relabels, and the orphans that refuse it. ``version`` is the version
    stored (None for a dry run or a refusal)."""

    diff: SchemaDiff
    renames: tuple[Rename, ...]
    relabelled: dict[str, int]
    orphans: tuple[Orphans, ...]
    schema: Schema
    version: int | None = None
    action: str = ""

    @property
    def refused(self) -> bool:
        return bool(self.orphans)

    def lines(self) -> list[str]:
        """The report: every change, then the relabels, then what orphans (if any)."""
        out = self.diff.lines(self.renames) or ["no change to the names of the schema"]
        out.extend(f"relabelled {count} annotation(s): {what}"
                   for what, count in self.relabelled.items())
        out.extend(f"would orphan {orphan}" for orphan in self.orphans)
        return out


class SchemaChangeError(ProjectError):
    """A schema change that cannot be applied: ``lines`` says every reason (the schema's
    mistakes, a bad mapping, or the annotations it would orphan); ``change`` is the full
    report when annotations were the reason."""

    def __init__(self, lines: list[str], change: SchemaChange | None = None) -> None:
        self.lines = lines
        self.change = change
        super().__init__("the schema change was refused: " + "; ".join(lines))


class SchemaChangeMixin(ProjectBase):
    """``apply_schema``: a new schema version, renames relabelling, in one undoable action."""

    def plan_schema(self, toml_text: str, mappings: Iterable[str | Rename] = ()
                    ) -> SchemaChange:
        """What :meth:`apply_schema` would do (nothing is written). Raises
        :class:`SchemaChangeError` for an invalid schema or mapping; orphans are in the result."""
        self._check_open()
        try:
            new = parse_schema(toml_text, "new schema")
        except SchemaError as exc:
            raise SchemaChangeError([str(p) for p in exc.problems]) from exc
        old = self.schema
        try:
            renames = resolve_renames(old, new, [
                m for m in mappings if isinstance(m, Rename)] + parse_renames(
                    m for m in mappings if isinstance(m, str)))
        except RenameError as exc:
            raise SchemaChangeError(str(exc).split("; ")) from exc
        plan = plan_rows(self.conn, new, renames)
        orphans = tuple(Orphans(what, plan.counts[what], external_ids(self.conn, docs))
                        for what, docs in plan.problems.items())
        return SchemaChange(schema_diff(old, new), tuple(renames), dict(plan.relabelled),
                            orphans, new)

    def apply_schema(self, toml_text: str, mappings: Iterable[str | Rename] = (), *,
                     dry_run: bool = False) -> SchemaChange:
        """Store ``toml_text`` as the next schema version and relabel what ``mappings``
        (``OLD=NEW``, ``category:OLD=NEW`` or :class:`Rename`) name, as one undoable action
        named ``Apply schema version N``. Raises :class:`SchemaChangeError` when the schema or a
        mapping is wrong or annotations would be orphaned; with ``dry_run`` returns the
        report without writing (orphans included, not raised)."""
        mappings = list(mappings)
        change = self.plan_schema(toml_text, mappings)
        if dry_run:
            return change
        if change.refused:
            raise SchemaChangeError([f"would orphan {o}" for o in change.orphans], change)
        version = self.schema_version + 1
        action = f"Apply schema version {version}" + (
            f" ({', '.join(f'{r.old} → {r.new}' for r in change.renames)})"
            if change.renames else "")
        with self._action(action) as cs:
            if self.schema_version + 1 != version:  # under the write lock now
                raise ProjectError("another schema version was stored meanwhile; try again")
            plan = plan_rows(self.conn, change.schema, list(change.renames))
            if plan.problems:
                raise SchemaChangeError(["annotations changed meanwhile; try again"])
            now = utc_now()
            cs.insert("schemas", {"version": version, "name": change.schema.name,
                                  "toml": toml_text, "created": now})
            for table, key, renamed in plan.updates:
                fields = {**renamed, "schema_version": version}
                if table != "event_arguments":  # the one versioned table without "updated"
                    fields["updated"] = now
                cs.update(table, key, fields)
        self._schemas[version] = change.schema
        return SchemaChange(change.diff, change.renames, change.relabelled, (),
                            change.schema, version, action)


def schema_step_problem(conn: sqlite3.Connection, changes: list[Change]) -> str | None:
    """Why an undo or redo that removes or stores a schema version cannot run: a version
    removed must be the newest and unused by annotations outside the step; a version
    stored must be the next one. None when the step touches no schema version."""
    for change in changes:
        if change["table"] != "schemas":
            continue
        version = int(change["id"])
        newest = conn.execute("SELECT max(version) FROM schemas").fetchone()[0]
        if change["op"] == "delete":
            if newest != version:
                return (f"schema version {newest} was stored after version {version};"
                        " undo that first")
            touched = {(c["table"], _key(c["id"])) for c in changes if c["table"] != "schemas"}
            used = sum(1 for table in VERSIONED_TABLES for key in _keys(conn, table, version)
                       if (table, key) not in touched)
            if used:
                return (f"{used} annotation(s) were made under schema version {version}"
                        " since; delete or undo them first")
        elif change["op"] == "insert" and newest is not None and version != newest + 1:
            return f"schema version {newest} was stored since; version {version} is gone"
    return None


def _key(key: Any) -> Any:
    return tuple(key) if isinstance(key, list) else key


def _keys(conn: sqlite3.Connection, table: str, version: int) -> list[Any]:
    if table == "document_labels":
        return [(r[0], r[1], r[2]) for r in conn.execute(
            "SELECT doc_id, key, annotator_id FROM document_labels WHERE schema_version = ?",
            (version,))]
    return [r[0] for r in conn.execute(f"SELECT id FROM {table} WHERE schema_version = ?",
                                       (version,))]
