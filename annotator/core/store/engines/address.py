"""PostgreSQL addresses: told apart from file paths, shown without passwords.

An address is ``postgresql://user@host[:port]/dbname`` (``postgres://`` too, with libpq's
query parameters) or a libpq keyword string naming a service, ``service=NAME``. A password
never belongs in one: an address that carries one is refused (libpq reads passwords from
``~/.pgpass``, the service file or ``PGPASSWORD``), and every address shown (errors, logs,
``Project.path``) is :func:`redact`-ed first.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import PosixPath, WindowsPath
from urllib.parse import urlsplit, urlunsplit

from annotator.core.store.errors import ProjectError

URL_SCHEMES = ("postgresql://", "postgres://")
INSTALL_HINT = "PostgreSQL support needs: pip install 'annotator[server]'"
_PASSWORD_KEY = re.compile(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)")
_QUERY_PASSWORD = re.compile(r"(?i)([?&]password=)[^&#]*")


def is_server_address(value: object) -> bool:
    """Whether ``value`` names a PostgreSQL database rather than a project file."""
    if isinstance(value, ServerPath):
        return True
    if not isinstance(value, str):
        return False
    text = value.strip()
    return text.lower().startswith(URL_SCHEMES) or text.lower().startswith("service=")


def is_missing_file(location: str) -> bool:
    """Whether ``location`` is a file path with nothing there (an address never is)."""
    return not is_server_address(location) and not os.path.lexists(location)


def redact(address: str) -> str:
    """``address`` with any password replaced by ``***`` (URL user info, a ``password=``
    query parameter or keyword)."""
    text = address.strip()
    if text.lower().startswith(URL_SCHEMES):
        try:
            parts = urlsplit(text)
        except ValueError:
            return _QUERY_PASSWORD.sub(r"\1***", _PASSWORD_KEY.sub(r"\1***", text))
        netloc = parts.netloc
        if "@" in netloc:
            user, _, host = netloc.rpartition("@")
            if ":" in user:
                user = user.split(":", 1)[0] + ":***"
            netloc = f"{user}@{host}"
        query = _QUERY_PASSWORD.sub(r"\1***", "?" + parts.query)[1:] if parts.query else ""
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    return _PASSWORD_KEY.sub(r"\1***", text)


def check_no_password(address: str) -> None:
    """Refuse an address that carries a password (it would end up in shell histories,
    process lists and logs); the message shows the address without it."""
    if redact(address) != address.strip():
        raise ProjectError(
            f"{redact(address)}: a password does not belong in the address; put it in "
            "~/.pgpass (or the libpq service file, or PGPASSWORD)")


class _ServerText:
    """The text of a :class:`ServerPath`: the address without its password."""

    address = ""

    def __str__(self) -> str:
        return self.address or super().__str__()

    def __repr__(self) -> str:
        return f"ServerPath({self.address!r})"

    def __fspath__(self) -> str:
        return str(self)


if sys.platform == "win32":
    class ServerPath(_ServerText, WindowsPath):
        """See the POSIX twin below."""
else:
    class ServerPath(_ServerText, PosixPath):
        """``Project.path`` of a project on a server: a ``Path`` (so the store's messages
        and callers work unchanged) whose text is the address without its password. It
        names no file: it never exists, and nothing is written beside it."""


def server_path(address: str) -> ServerPath:
    """The :class:`ServerPath` of an address (password removed)."""
    shown = redact(address)
    path = ServerPath(shown.replace("://", ":/", 1))
    path.address = shown
    return path
