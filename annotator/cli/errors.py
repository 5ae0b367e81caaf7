"""Turning the errors a user can cause into one line on stderr and exit status 1 (control
characters from untrusted text made visible, :func:`annotator.cli.terminal.neutralise`), and
Ctrl-C into one line and exit status 130."""

from __future__ import annotations

import functools
import signal
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any, TypeVar

import click

from annotator.cli.common import echo
from annotator.cli.pipes import end_quietly, is_closed_pipe
from annotator.cli.terminal import neutralise

F = TypeVar("F", bound=Callable[..., Any])

INTERRUPTED_STATUS = 130
"""Exit status after Ctrl-C (128 + SIGINT), as shells report it."""


def _on_sigint(_signum: int, _frame: FrameType | None) -> None:
    from annotator.core.store import interrupt

    interrupt.request()  # stops a running SQLite statement at its next progress check
    raise KeyboardInterrupt


@contextmanager
def _interruptible() -> Iterator[None]:
    """Within the block, Ctrl-C also stops a long SQLite statement (see
    :mod:`annotator.core.store.interrupt`); outside the main thread nothing changes."""
    from annotator.core.store import interrupt

    interrupt.clear()
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, _on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def user_errors(func: F) -> F:
    """Wrap a command: project, input, schema, file and database problems become a one-line
    message and exit status 1, never a traceback; Ctrl-C ends it with "interrupted" and
    exit status 130, whatever error the interrupted statement raised; a closed output pipe
    ends it quietly with status 0 (:mod:`annotator.cli.pipes`)."""
    return _wrap(func, interruptible=True)


def app_errors(func: F) -> F:
    """:func:`user_errors` for the command that runs the app: Ctrl-C keeps the app's own
    handling (no statement of the open project is ever aborted)."""
    return _wrap(func, interruptible=False)


def _wrap(func: F, *, interruptible: bool) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from annotator.core.model import InputError
        from annotator.core.output import OutputError
        from annotator.core.schema import SchemaError
        from annotator.core.store import ProjectError, interrupt

        try:
            if not interruptible:
                return func(*args, **kwargs)
            with _interruptible():
                return func(*args, **kwargs)
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except click.ClickException as error:
            raise neutralised(error) from None
        except BaseException as error:
            if is_closed_pipe(error):
                end_quietly()
            if interrupt.requested() or isinstance(error, KeyboardInterrupt):
                echo("interrupted", err=True)
                raise click.exceptions.Exit(INTERRUPTED_STATUS) from None
            if isinstance(error, (ProjectError, InputError, SchemaError, OutputError)):
                raise click.ClickException(neutralise(str(error))) from None
            if isinstance(error, OSError):
                where = f"{error.filename}: " if error.filename else ""
                message = f"{where}{error.strerror or error}"
                raise click.ClickException(neutralise(message)) from None
            if isinstance(error, sqlite3.Error):  # anything the store did not already explain
                raise click.ClickException(neutralise(f"database error: {error}")) from None
            raise

    return wrapper  # type: ignore[return-value]


def neutralised(error: click.ClickException) -> click.ClickException:
    """``error`` with control characters in its message made visible (click prints it on
    stderr as ``Error: ...``; a usage error may quote a crafted file name or value)."""
    message = neutralise(error.format_message())
    if isinstance(error, click.UsageError):  # exit status 2 and the usage hint, as before
        return click.UsageError(message, ctx=error.ctx)
    return click.ClickException(message)
