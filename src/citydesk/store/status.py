"""Read queries for status questions: find a caller's tickets by number, name or phone, and what may be
read aloud about one ticket (its public notes only, never internal ones)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from citydesk.store import queries
from citydesk.store.detail import ticket_detail, ticket_ids_by_number
from citydesk.store.intake import complete_requesters
from citydesk.store.models import Ticket, TicketReporter
from citydesk.store.settings import load_calendar

PUBLIC_KINDS = ("note", "call", "resolution")


@dataclass(frozen=True, slots=True)
class StatusMatch:
    """A ticket a status question may be about (one line of the pick list)."""

    ticket_id: str
    number: str
    title: str
    status: str
    is_open: bool
    created_at: datetime
    requester_name: str | None


@dataclass(frozen=True, slots=True)
class PublicNote:
    """A note the requester may be told."""

    at: datetime
    kind: str
    body: str


@dataclass(frozen=True, slots=True)
class StatusView:
    """What the clerk reads to the caller about one ticket."""

    ticket_id: str
    number: str
    title: str
    status: str
    is_open: bool
    category_name: str | None
    location: str | None
    created_at: datetime
    due_at: datetime | None
    resolved_at: datetime | None
    resolution_reason: str | None
    visit_at: datetime | None
    reporters: tuple[str, ...]
    language: str
    public_notes: tuple[PublicNote, ...]
    tz_name: str


def _match_rows(session: Session, condition: object, limit: int) -> list[StatusMatch]:
    stmt = (
        select(Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.is_open, Ticket.created_at,
               Ticket.requester_name)
        .where(condition)  # type: ignore[arg-type]
        .order_by(case((Ticket.is_open, 0), else_=1), Ticket.created_at.desc())
        .limit(limit)
    )  # fmt: skip
    return [StatusMatch(*row) for row in session.execute(stmt)]


def status_matches(session: Session, typed: str, *, limit: int = 20) -> list[StatusMatch]:
    """Tickets for what a caller gives: a ticket number, or a requester's name, phone or e-mail (their
    tickets, open first, newest first); else a full-text search. Empty when nothing matches."""
    typed = typed.strip()
    if not typed:
        return []
    by_number = ticket_ids_by_number(session, typed)
    if by_number:
        return _match_rows(session, Ticket.id.in_(by_number), limit)
    requesters = [hit.id for hit in complete_requesters(session, typed, limit=50)]
    if requesters:
        reported = select(TicketReporter.ticket_id).where(TicketReporter.requester_id.in_(requesters))
        found = _match_rows(session, Ticket.id.in_(reported), limit)
        if found:
            return found
    result = queries.search(session, typed, limit=limit)
    if not result.row_nos:
        return []
    return _match_rows(session, Ticket.row_no.in_(result.row_nos), limit)


def status_view(session: Session, ticket_id: str) -> StatusView | None:
    """The read-aloud view of a ticket (public notes only), or None if there is no such ticket."""
    detail = ticket_detail(session, ticket_id)
    if detail is None:
        return None
    notes = tuple(
        PublicNote(item.at, item.kind, item.body or "")
        for item in detail.timeline
        if item.public and not item.redacted and (item.body or "").strip() and item.kind in PUBLIC_KINDS
    )
    return StatusView(
        ticket_id=detail.id,
        number=detail.number,
        title=detail.title,
        status=detail.status,
        is_open=detail.is_open,
        category_name=detail.category_name,
        location=detail.location_text,
        created_at=detail.created_at,
        due_at=detail.due_at,
        resolved_at=detail.resolved_at,
        resolution_reason=detail.resolution_reason,
        visit_at=detail.visit_at if detail.is_open else None,
        reporters=tuple(r.name for r in detail.reporters),
        language=detail.reporters[0].preferred_language if detail.reporters else "en",
        public_notes=notes,
        tz_name=load_calendar(session).tz_name,
    )
