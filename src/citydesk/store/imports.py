"""Lookups an import needs: which source ids are already in the database."""

from __future__ import annotations

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from citydesk.store.models import Ticket, TimelineEntry


def imported_source_ids(session: Session) -> set[str]:
    """Every source id an earlier import recorded in a `created` entry (`detail.import.source_id`).

    One pass over the `created` entries; the LIKE skips the JSON parse of entries that are not
    imports (at 100k tickets: a fraction of a second).
    """
    imported = func.json_extract(TimelineEntry.detail, "$.import.source_id")
    rows = session.scalars(
        select(imported).where(
            TimelineEntry.kind == "created", type_coerce(TimelineEntry.detail, String).like('%"import":%')
        )
    )
    return {str(v) for v in rows if v is not None}


def existing_source_ids(session: Session, wanted: list[str]) -> set[str]:
    """Which of `wanted` are already ticket numbers or source ids of an earlier import."""
    found: set[str] = set()
    if not wanted:
        return found
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        found.update(session.scalars(select(Ticket.number).where(Ticket.number.in_(part))))
    found.update(imported_source_ids(session) & set(wanted))
    return found
