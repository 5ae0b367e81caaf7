"""A reader that stops reading (``annotator export P - | head -c 10``) ends the command
quietly with status 0, as ``cat`` and ``grep`` do.

Python ignores SIGPIPE, so a write to a closed pipe raises :class:`BrokenPipeError`. The
command stops there; standard output is then pointed at the null device (``dup2``), so the
interpreter's final flush of what is still buffered cannot fail again and print
"Exception ignored ... BrokenPipeError" on the way out.
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import click


def is_closed_pipe(error: BaseException) -> bool:
    """True for the error a write to a pipe nobody reads any more raises."""
    return isinstance(error, BrokenPipeError)


def end_quietly() -> NoReturn:
    """Stop the command with status 0 after its output pipe was closed (see module doc).

    Only a real file descriptor is redirected: under click's test runner ``sys.stdout`` has
    none, and the process's own descriptor 1 is left alone."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError
        fd = None
    if fd is not None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fd)
        finally:
            os.close(devnull)
    raise click.exceptions.Exit(0)
