"""What marks an SQLite file as an annotator project (kept apart so that the opener and the
migrations can both use it without importing each other)."""

from __future__ import annotations

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID = 0x414E4E54
"""``PRAGMA application_id`` of every annotator project: the bytes ``ANNT``."""
APPLICATION_NAME = "annotator"
"""Value of the ``meta`` row ``application``."""
