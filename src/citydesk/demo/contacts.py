"""Demo contacts without a ticket: questions answered on the spot and status inquiries.

A real counter answers a dozen questions a day on the spot and takes several "what's the status of
my request?" calls; without them the demo's weekly report would print zeros for both. Written after
the demo tickets through the public bulk service (`bulk_log_contacts`, one transaction) on the demo's
clerks (demo databases never sync, so no outbox rows, like the rest of the demo).
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from citydesk.domain.channels import Channel, ContactKind
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.contacts import BulkContact, bulk_log_contacts
from citydesk.store.db import Database
from citydesk.store.models import Category, Ticket, User

QUESTIONS_PER_DAY = (6, 14)
"""Questions answered on the spot per business day (uniform range)."""
INQUIRIES_PER_DAY = (3, 9)
"""Status inquiries per business day (uniform range)."""
INQUIRY_LOOKBACK_S = 30 * 86_400
"""Citizens ask about requests of the last 30 days."""

QUESTION_LINES = (
    "Asked when bulk pickup comes to their street",
    "Asked for the hours of the recycling centre",
    "Wanted to know how to pay a parking ticket",
    "Asked which day the street sweeper comes",
    "Asked how to get a yard-sale permit",
    "Asked where to drop off old paint",
    "Asked about the council meeting agenda",
    "Wanted the phone number of the county clerk",
    "Asked how to request a new recycling bin",
    "Asked whether the pool is open on the holiday",
    "Asked how to report a noisy neighbour",
    "Asked for a copy of the water rate sheet",
)


@dataclass(frozen=True, slots=True)
class BusinessHours:
    """Opening and closing instants (Unix seconds) of one business day."""

    opens: int
    closes: int


def write_demo_contacts(db: Database, *, days: Sequence[BusinessHours], end: int, seed: int) -> int:
    """Questions and status inquiries on each business day before `end`; returns how many were written."""
    rng = random.Random(f"{seed}:contacts")
    with db.read() as session:
        clerks = [
            (row.id, row.office_id)
            for row in session.execute(
                select(User.id, User.office_id)
                .where(User.role == "clerk", User.active)
                .order_by(User.username)
            )
            if row.office_id
        ]
        categories = list(session.scalars(select(Category.id).where(Category.active).order_by(Category.name)))
        tickets = [
            _Window(
                row.id, int(row.created_at.timestamp()), row.resolved_at and int(row.resolved_at.timestamp())
            )
            for row in session.execute(
                select(Ticket.id, Ticket.created_at, Ticket.resolved_at).order_by(Ticket.created_at)
            )
        ]
    if not clerks or not tickets:
        return 0
    created = [t.created for t in tickets]
    contacts: list[BulkContact] = []

    def add(kind: ContactKind, at: int, *, ticket_id: str | None, category_id: str | None, line: str) -> None:
        author, office = clerks[rng.randrange(len(clerks))]
        channel = Channel.PHONE if rng.random() < 0.6 else Channel.WALK_IN
        contacts.append(
            BulkContact(
                kind=kind.value,
                channel=channel.value,
                at=datetime.fromtimestamp(at, UTC),
                author_id=author,
                office_id=office,
                category_id=category_id,
                ticket_id=ticket_id,
                summary=line,
            )
        )

    for day in days:
        if day.opens >= end:
            break
        last_moment = min(day.closes, end) - 1
        for _ in range(rng.randint(*QUESTIONS_PER_DAY)):
            at = rng.randint(day.opens, last_moment)
            category = (
                categories[rng.randrange(len(categories))] if categories and rng.random() < 0.7 else None
            )
            add(
                ContactKind.QUESTION,
                at,
                ticket_id=None,
                category_id=category,
                line=rng.choice(QUESTION_LINES),
            )
        for _ in range(rng.randint(*INQUIRIES_PER_DAY)):
            at = rng.randint(day.opens, last_moment)
            ticket = _open_ticket_at(tickets, created, at, rng)
            if ticket is not None:
                add(ContactKind.STATUS_INQUIRY, at, ticket_id=ticket, category_id=None, line="")
    return bulk_log_contacts(db, actor=SYSTEM_ACTOR, contacts=contacts, capture=False)


@dataclass(frozen=True, slots=True)
class _Window:
    """When a ticket was open (Unix seconds; `resolved` None while still open)."""

    ticket_id: str
    created: int
    resolved: int | None


def _open_ticket_at(
    tickets: Sequence[_Window], created: list[int], at: int, rng: random.Random
) -> str | None:
    """A ticket created in the last 30 days and still open at `at`, or None (a few tries)."""
    low, high = bisect_left(created, at - INQUIRY_LOOKBACK_S), bisect_left(created, at)
    for _ in range(5):
        if low >= high:
            return None
        ticket = tickets[rng.randrange(low, high)]
        if ticket.resolved is None or ticket.resolved > at:
            return ticket.ticket_id
    return None
