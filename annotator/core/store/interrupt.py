"""Letting Ctrl-C stop a long SQLite statement.

Python runs its signal handlers between bytecodes, so a single long statement inside
SQLite (a big scan, an index on an expensive expression) would make Ctrl-C wait until it
ends. Every project connection gets a progress handler (:func:`watch`): SQLite calls it every
``PROGRESS_STEPS`` virtual-machine steps, which gives Python the chance to run its pending
SIGINT handler, and it aborts the statement (``sqlite3.OperationalError: interrupted``) once
:func:`request` was called. The CLI's SIGINT handler calls :func:`request` and raises
``KeyboardInterrupt``; whatever error then surfaces, the CLI sees :func:`requested` and
exits with status 130 and one line. The app never requests an interrupt.
"""

from __future__ import annotations

import sqlite3
import threading

PROGRESS_STEPS = 20_000
"""SQLite virtual-machine steps between two calls of the progress handler."""

_requested = threading.Event()


def request() -> None:
    """Ask every running and future statement on a watched connection to stop."""
    _requested.set()


def clear() -> None:
    """Forget an earlier request (a new command starts)."""
    _requested.clear()


def requested() -> bool:
    """Whether an interrupt was requested since the last :func:`clear`."""
    return _requested.is_set()


def _progress() -> int:
    return 1 if _requested.is_set() else 0


def watch(conn: sqlite3.Connection) -> None:
    """Install the progress handler that stops ``conn``'s statements on request."""
    conn.set_progress_handler(_progress, PROGRESS_STEPS)
