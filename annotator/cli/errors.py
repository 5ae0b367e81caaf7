"""Turning the errors a user can cause into one line on stderr and exit status 1."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Wrap a command: project, input, schema, file and database problems become a one-line
    message and exit status 1, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from annotator.core.model import InputError
        from annotator.core.output import OutputError
        from annotator.core.schema import SchemaError
        from annotator.core.store import ProjectError

        try:
            return func(*args, **kwargs)
        except (ProjectError, InputError, SchemaError, OutputError) as error:
            raise click.ClickException(str(error)) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{where}{error.strerror or error}") from None
        except sqlite3.Error as error:  # anything the store did not already explain
            raise click.ClickException(f"database error: {error}") from None

    return wrapper  # type: ignore[return-value]
