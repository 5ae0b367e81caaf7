"""What psycopg hands back, as :mod:`sqlite3` would: a finished statement's rows
(:class:`Rows`), ``numeric`` as plain numbers, and psycopg's errors as the ``sqlite3``
exception of the same kind (the store handles those; busy conditions as "database is
locked")."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from annotator.core.store.engines.address import INSTALL_HINT
from annotator.core.store.errors import ProjectError


def import_psycopg() -> Any:
    """psycopg, or a ProjectError saying what to install."""
    try:
        import psycopg
    except ImportError:
        raise ProjectError(INSTALL_HINT) from None
    return psycopg


class Rows:
    """A finished statement's cursor: rows, ``rowcount``, ``lastrowid``, ``description``."""

    def __init__(self, rows: Sequence[tuple[Any, ...]] = (), rowcount: int = -1,
                 lastrowid: int | None = None,
                 description: Sequence[tuple[Any, ...]] | None = None) -> None:
        self._rows = list(rows)
        self._next = 0
        self.rowcount = rowcount
        self.lastrowid = lastrowid
        self.description = description

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._next >= len(self._rows):
            return None
        self._next += 1
        return self._rows[self._next - 1]

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        found = self._rows[self._next:self._next + size]
        self._next += len(found)
        return found

    def fetchall(self) -> list[tuple[Any, ...]]:
        found = self._rows[self._next:]
        self._next = len(self._rows)
        return found

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while self._next < len(self._rows):
            self._next += 1
            yield self._rows[self._next - 1]

    def close(self) -> None:
        self._rows = []


def plain_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def as_sqlite_error(exc: Exception) -> sqlite3.Error:
    """The sqlite3 exception of the same kind as a psycopg one (the store catches those)."""
    psycopg = import_psycopg()
    errors = psycopg.errors
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, errors.LockNotAvailable | errors.DeadlockDetected
                  | errors.SerializationFailure | errors.QueryCanceled):
        return sqlite3.OperationalError(f"database is locked ({text})")
    if isinstance(exc, errors.ReadOnlySqlTransaction):
        return sqlite3.OperationalError(f"the connection is read-only ({text})")
    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(text)
    if isinstance(exc, psycopg.DataError):
        return sqlite3.DataError(text)
    if isinstance(exc, psycopg.OperationalError | psycopg.ProgrammingError):
        return sqlite3.OperationalError(text)
    return sqlite3.DatabaseError(text)

def is_psycopg_error(exc: Exception) -> bool:
    module = type(exc).__module__
    return module.startswith("psycopg")
