"""Turning the errors a user can cause into one line on stderr and exit status 1, with
control characters from untrusted text made visible (:func:`annotator.cli.terminal.neutralise`)."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

import click

from annotator.cli.terminal import neutralise

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Wrap a command: project, input, schema, file and database problems become a one-line
    message and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from annotator.core.model import InputError
        from annotator.core.schema import SchemaError
        from annotator.core.store import ProjectError

        try:
            return func(*args, **kwargs)
        except click.ClickException as error:
            raise neutralised(error) from None
        except (ProjectError, InputError, SchemaError) as error:
            raise click.ClickException(neutralise(str(error))) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            message = f"{where}{error.strerror or error}"
            raise click.ClickException(neutralise(message)) from None
        except sqlite3.Error as error:  # anything the store did not already explain
            raise click.ClickException(neutralise(f"database error: {error}")) from None

    return wrapper  # type: ignore[return-value]


def neutralised(error: click.ClickException) -> click.ClickException:
    """``error`` with control characters in its message made visible (click prints it on
    stderr as ``Error: ...``; a usage error may quote a crafted file name or value)."""
    message = neutralise(error.format_message())
    if isinstance(error, click.UsageError):  # exit status 2 and the usage hint, as before
        return click.UsageError(message, ctx=error.ctx)
    return click.ClickException(message)
