"""Lookups an import needs: which source ids are already in the database."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from citydesk.store.models import Ticket, TimelineEntry


def existing_source_ids(session: Session, wanted: list[str]) -> set[str]:
    """Which of `wanted` are already ticket numbers or source ids of an earlier import."""
    found: set[str] = set()
    if not wanted:
        return found
    imported = func.json_extract(TimelineEntry.detail, "$.import.source_id")
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        found.update(session.scalars(select(Ticket.number).where(Ticket.number.in_(part))))
        found.update(
            str(v)
            for v in session.scalars(
                select(imported).where(TimelineEntry.kind == "created", imported.in_(part))
            )
        )
    return found
