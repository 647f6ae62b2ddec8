"""Read queries for status questions: find a caller's tickets by number, name or phone, and what may be
read aloud about one ticket (its public notes only, never internal ones).

What a caller may hear about the other people who reported the same problem is their number only: a
lookup by phone, e-mail or name names the one reporter it matched (and says how it matched); a lookup by
ticket number or by the words of the request names nobody.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.channels import ContactKind
from citydesk.domain.text import fold
from citydesk.store import queries
from citydesk.store.detail import ticket_detail, ticket_ids_by_number
from citydesk.store.intake import RequesterHit, complete_requesters
from citydesk.store.models import ContactLog, Ticket, TicketReporter
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
    caller_id: str | None = None
    """The reporter of this ticket the lookup matched (None for a lookup by number or by words)."""
    caller_name: str | None = None
    matched_by: str | None = None
    """How the caller was matched: "phone", "e-mail" or "name" (None when nobody was)."""
    by_words: bool = False
    """Found by a search of the tickets' words (neither a number nor a caller matched): a guess."""


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
    reporter_count: int
    caller_name: str | None
    """The matched caller's name, only when the lookup matched one of this ticket's reporters."""
    matched_by: str | None
    language: str
    public_notes: tuple[PublicNote, ...]
    tz_name: str


def _match_rows(session: Session, condition: object, limit: int) -> list[StatusMatch]:
    stmt = (
        select(Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.is_open, Ticket.created_at)
        .where(condition)  # type: ignore[arg-type]
        .order_by(case((Ticket.is_open, 0), else_=1), Ticket.created_at.desc())
        .limit(limit)
    )  # fmt: skip
    return [StatusMatch(*row) for row in session.execute(stmt)]


def matched_by(typed: str, hit: RequesterHit) -> str:
    """How `typed` matched the requester `hit`: "phone", "e-mail" or "name"."""
    digits = "".join(ch for ch in typed if ch.isdigit())
    phone_digits = "".join(ch for ch in (hit.phone or "") if ch.isdigit())
    if len(digits) >= 3 and digits in phone_digits:
        return "phone"
    key = fold(typed)
    if key and "@" not in typed and key in (fold(hit.name) or ""):
        return "name"
    return "e-mail" if hit.email else "name"


def status_matches(session: Session, typed: str, *, limit: int = 20) -> list[StatusMatch]:
    """Tickets for what a caller gives: a ticket number, or a requester's name, phone or e-mail (their
    tickets, open first, newest first); else a full-text search. Empty when nothing matches."""
    typed = typed.strip()
    if not typed:
        return []
    by_number = ticket_ids_by_number(session, typed)
    if by_number:
        return _match_rows(session, Ticket.id.in_(by_number), limit)
    hits = {hit.id: hit for hit in complete_requesters(session, typed, limit=50)}
    if hits:
        reported = select(TicketReporter.ticket_id).where(TicketReporter.requester_id.in_(list(hits)))
        found = _match_rows(session, Ticket.id.in_(reported), limit)
        if found:
            callers = _matched_reporters(session, [m.ticket_id for m in found], list(hits))
            return [_with_caller(match, hits.get(callers.get(match.ticket_id, "")), typed) for match in found]
    result = queries.search(session, typed, limit=limit)
    if not result.row_nos:
        return []
    return [replace(m, by_words=True) for m in _match_rows(session, Ticket.row_no.in_(result.row_nos), limit)]


def _with_caller(match: StatusMatch, hit: RequesterHit | None, typed: str) -> StatusMatch:
    if hit is None:
        return match
    return replace(match, caller_id=hit.id, caller_name=hit.name, matched_by=matched_by(typed, hit))


def _matched_reporters(session: Session, ticket_ids: list[str], requester_ids: list[str]) -> dict[str, str]:
    """For each ticket, the first (earliest) of its reporters among `requester_ids`."""
    rows = session.execute(
        select(TicketReporter.ticket_id, TicketReporter.requester_id)
        .where(TicketReporter.ticket_id.in_(ticket_ids), TicketReporter.requester_id.in_(requester_ids))
        .order_by(TicketReporter.reported_at.desc())
    )
    return {ticket: requester for ticket, requester in rows if requester is not None}


def status_view(
    session: Session, ticket_id: str, *, caller_id: str | None = None, matched_by: str | None = None
) -> StatusView | None:
    """The read-aloud view of a ticket (public notes only), or None if there is no such ticket.

    `caller_id` is the reporter the lookup matched (`StatusMatch.caller_id`): only that reporter is
    named, and the spoken language is theirs. Without one, nobody is named and the language is the
    only reporter's, or English when several people reported it.
    """
    detail = ticket_detail(session, ticket_id)
    if detail is None:
        return None
    caller = next((r for r in detail.reporters if caller_id and r.requester_id == caller_id), None)
    if caller is not None:
        language = caller.preferred_language
    elif len(detail.reporters) == 1:
        language = detail.reporters[0].preferred_language
    else:
        language = "en"
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
        reporter_count=len(detail.reporters),
        caller_name=caller.name if caller is not None else None,
        matched_by=matched_by if caller is not None else None,
        language=language,
        public_notes=notes,
        tz_name=load_calendar(session).tz_name,
    )


@dataclass(frozen=True, slots=True)
class CounterDay:
    """Today's counted contacts at one PC: what the clerk's first screen shows."""

    status_inquiries: int
    questions: int


def counter_day(
    session: Session, *, now: datetime, calendar: BusinessCalendar, device_id: str | None
) -> CounterDay:
    """Status inquiries and questions answered on the spot logged on this PC today (city time)."""
    start, end = calendar.day_bounds(calendar.local_date(now))
    rows = session.execute(
        select(ContactLog.kind, func.count())
        .where(ContactLog.at >= start, ContactLog.at < end, ContactLog.device_id == device_id)
        .group_by(ContactLog.kind)
    )
    counts = {kind: int(n) for kind, n in rows}
    return CounterDay(
        status_inquiries=counts.get(ContactKind.STATUS_INQUIRY.value, 0),
        questions=counts.get(ContactKind.QUESTION.value, 0),
    )
