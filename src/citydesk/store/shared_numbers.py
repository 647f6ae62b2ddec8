"""Shared ticket numbers, derived (never synced): two tickets that carry the same number.

A number never changes once it is printed on a receipt. Two databases sharing one identity (a database
copied by hand, an office restored from its own older backup before it synced) can hand out the same
number before the server notices; both tickets keep it. Like field conflicts (`sync.conflicts`), the
record is derived from the rows every replica holds, so every replica — and the server's
`admin.duplicate_numbers`, derived from its merged rows the same way — lists the same tickets, and the
record can never go stale. Looking a number up lists every ticket carrying it. A read query in store/
so the app's views can list them as well as `citydesk conflicts`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from citydesk.store.db import Database
from citydesk.store.models import Ticket


@dataclass(frozen=True, slots=True)
class NumberHolder:
    """One of the tickets sharing a number."""

    ticket_id: str
    title: str
    office_id: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True, slots=True)
class DuplicateNumber:
    """A ticket number two or more tickets carry, with those tickets (oldest first, then by id)."""

    number: str
    tickets: tuple[NumberHolder, ...]


def duplicate_numbers(db: Database) -> list[DuplicateNumber]:
    """Every number more than one ticket carries, by number."""
    with db.read() as session:
        return shared_numbers(session)


def shared_numbers(session: Session) -> list[DuplicateNumber]:
    """`duplicate_numbers` inside the caller's read transaction."""
    shared = select(Ticket.number).group_by(Ticket.number).having(func.count() > 1).subquery()
    stmt = (
        select(Ticket.number, Ticket.id, Ticket.title, Ticket.office_id, Ticket.created_at, Ticket.created_by)
        .where(Ticket.number.in_(select(shared.c.number)))
        .order_by(Ticket.number, Ticket.created_at, Ticket.id)
    )
    found: dict[str, list[NumberHolder]] = {}
    for row in session.execute(stmt):
        holder = NumberHolder(row.id, row.title, row.office_id, row.created_at, row.created_by)
        found.setdefault(row.number, []).append(holder)
    return [DuplicateNumber(number, tuple(holders)) for number, holders in found.items()]
