"""Server addresses: telling one from a project path, and showing one without its secret."""

from __future__ import annotations

import re

_SCHEMES = ("postgresql://", "postgres://")
_PASSWORD_IN_URL = re.compile(r"^(postgres(?:ql)?://[^:/@]*):[^@]*@")
_PASSWORD_IN_KEYWORDS = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def is_server_address(text: str) -> bool:
    """Whether ``text`` names a PostgreSQL database (``postgresql://...`` or a libpq
    keyword string such as ``service=team``) rather than a project file."""
    stripped = text.strip()
    return stripped.startswith(_SCHEMES) or bool(
        re.match(r"^(service|host|dbname)\s*=", stripped))


def redacted(address: str) -> str:
    """``address`` with any password replaced by ``***`` (for messages and logs): a
    password belongs in libpq's password file, service file or ``PGPASSWORD``, but one
    typed into an address must still never be printed."""
    text = _PASSWORD_IN_URL.sub(r"\1:***@", address)
    text = re.sub(r"([?&]password=)[^&]*", r"\1***", text, flags=re.IGNORECASE)
    return _PASSWORD_IN_KEYWORDS.sub(r"\1***", text)
