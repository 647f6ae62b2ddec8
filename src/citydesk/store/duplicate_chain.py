"""What "duplicate of <number>" points at: the other ticket, and the chain when that one is itself closed
as a duplicate of another.

Two offline offices can close A as a duplicate of B and B as a duplicate of A; a chain is therefore
followed only until it comes back to a ticket already seen (reported as a loop), and never further than
`MAX_STEPS` links.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.numbers import normalize_number
from citydesk.domain.statuses import ResolutionReason
from citydesk.store.models import Category, Department, Ticket

MAX_STEPS = 50
"""The longest chain followed (a real one is one or two links)."""


@dataclass(frozen=True, slots=True)
class TicketBrief:
    """What the Resolve dialog shows of another ticket."""

    ticket_id: str
    number: str
    title: str
    status: str
    is_open: bool
    category_id: str | None
    category_name: str | None
    department_id: str | None
    department_name: str | None
    resolution_reason: str | None
    resolution_ref: str | None

    @property
    def is_duplicate(self) -> bool:
        """Closed (resolved) as a duplicate of another ticket that it names."""
        return (
            not self.is_open
            and self.resolution_reason == ResolutionReason.DUPLICATE.value
            and bool(self.resolution_ref)
        )


@dataclass(frozen=True, slots=True)
class DuplicateTarget:
    """The ticket a typed number names, and where its duplicate chain ends."""

    found: tuple[TicketBrief, ...]
    """Every ticket carrying the typed number (normally one; two offices may have printed the same)."""
    chain: tuple[TicketBrief, ...]
    """The first found ticket, then each ticket it was closed as a duplicate of, in order."""
    loops: bool
    """The chain comes back to a ticket already in it, or to the ticket being resolved."""

    @property
    def target(self) -> TicketBrief | None:
        """The ticket the number names (the first, if several carry it)."""
        return self.found[0] if self.found else None

    @property
    def end(self) -> TicketBrief | None:
        """The last ticket of a chain that does not loop, when it is not the typed one."""
        if self.loops or len(self.chain) < 2:
            return None
        return self.chain[-1]


def _briefs(session: Session, number: str) -> list[TicketBrief]:
    rows = session.execute(
        select(Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.is_open, Ticket.category_id,
               Category.name, Ticket.department_id, Department.name, Ticket.resolution_reason,
               Ticket.resolution_ref)
        .outerjoin(Category, Category.id == Ticket.category_id)
        .outerjoin(Department, Department.id == Ticket.department_id)
        .where(Ticket.number == number)
        .order_by(Ticket.created_at)
    )  # fmt: skip
    return [TicketBrief(*row) for row in rows]


def duplicate_target(session: Session, typed: str, *, resolving_id: str | None = None) -> DuplicateTarget:
    """The ticket numbered `typed` and its duplicate chain; `resolving_id` is the ticket being resolved
    (a chain that leads back to it is a loop)."""
    number = normalize_number(typed)
    found = _briefs(session, number) if number else []
    if not found:
        return DuplicateTarget(found=(), chain=(), loops=False)
    chain = [found[0]]
    seen = {found[0].ticket_id}
    loops = found[0].ticket_id == resolving_id
    current = found[0]
    while not loops and current.is_duplicate and len(chain) <= MAX_STEPS:
        following = _briefs(session, normalize_number(current.resolution_ref or "") or "")
        if not following:
            break
        current = following[0]
        if current.ticket_id in seen or current.ticket_id == resolving_id:
            loops = True
            break
        chain.append(current)
        seen.add(current.ticket_id)
    return DuplicateTarget(found=tuple(found), chain=tuple(chain), loops=loops or len(chain) > MAX_STEPS)
