"""Timestamps: ISO-8601 UTC with microseconds and a ``Z``, which sort as text."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> str:
    """The current time, e.g. ``2024-04-24T09:30:00.123456Z``."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
