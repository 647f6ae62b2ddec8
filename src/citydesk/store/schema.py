"""The schema revision this code expects (compared at start-up without importing Alembic)."""

from __future__ import annotations

# Alembic revisions in order; the last is the head. A test checks these against the scripts.
KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
