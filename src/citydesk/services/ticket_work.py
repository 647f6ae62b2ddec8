"""Working a ticket: note, call, status, priority, edit, assign, escalate, time, visit, resolve, reopen.

Each use case is one function with keyword-only arguments and one transaction that writes one
timeline entry and its outbox row (`Tx.append`). Creating tickets and adding reporters are in
`services.tickets`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import update

from citydesk.domain import validation
from citydesk.domain.errors import NotFound, ValidationError
from citydesk.domain.numbers import normalize_number
from citydesk.domain.permissions import Action
from citydesk.domain.priorities import parse_priority
from citydesk.domain.roles import Actor
from citydesk.domain.statuses import (
    REOPENABLE,
    ResolutionReason,
    Status,
    check_transition,
    parse_resolution_reason,
    parse_status,
)
from citydesk.domain.timeline import EntryKind
from citydesk.services.ticket_inputs import (
    check_category,
    check_department,
    check_user,
    find_ticket_ids_by_number,
    live_requester,
    parse_location,
)
from citydesk.services.transaction import EntryAdded, transaction
from citydesk.store import ticket_cache
from citydesk.store.db import Database
from citydesk.store.models import TimelineEntry

EDITABLE_FIELDS = ("title", "description", "location", "category_id")


def add_note(db: Database, *, actor: Actor, ticket_id: str, body: str, public: bool) -> EntryAdded:
    """Add a note; public notes are what the requester may be told, internal ones stay with staff."""
    clean = validation.note_body(body)
    with transaction(db, actor, Action.ADD_NOTE) as tx:
        return tx.append(tx.ticket(ticket_id), EntryKind.NOTE, body=clean, public=bool(public))


def log_call(
    db: Database,
    *,
    actor: Actor,
    ticket_id: str,
    summary: str,
    public: bool = False,
    requester_id: str | None = None,
) -> EntryAdded:
    """Record a phone call with a reporter (counts as a first response)."""
    clean = validation.note_body(summary, field="summary")
    with transaction(db, actor, Action.LOG_CALL) as tx:
        live = live_requester(tx, requester_id)
        detail = {"requester_id": live} if live else {}
        return tx.append(tx.ticket(ticket_id), EntryKind.CALL, body=clean, public=bool(public), detail=detail)


def change_status(db: Database, *, actor: Actor, ticket_id: str, status: str) -> EntryAdded:
    """Move a ticket along the workflow (resolve, reopen and close have their own actions)."""
    target = parse_status(status)
    if target is Status.RESOLVED:
        raise ValidationError("status", "Use Resolve, which asks for a reason and a note to the requester.")
    action = Action.CLOSE if target is Status.CLOSED else Action.CHANGE_STATUS
    with transaction(db, actor, action) as tx:
        ticket = tx.ticket(ticket_id)
        check_transition(Status(ticket.status), target)
        return tx.append(ticket, EntryKind.STATUS, field="status", value=target.value)


def close_ticket(db: Database, *, actor: Actor, ticket_id: str) -> EntryAdded:
    """Close a resolved ticket (supervisor)."""
    return change_status(db, actor=actor, ticket_id=ticket_id, status=Status.CLOSED.value)


def change_priority(db: Database, *, actor: Actor, ticket_id: str, priority: str) -> EntryAdded:
    """Set the priority (P1, P2, P3 or Ops)."""
    target = parse_priority(priority)
    with transaction(db, actor, Action.CHANGE_PRIORITY) as tx:
        ticket = tx.ticket(ticket_id)
        if ticket.priority == target.value:
            raise ValidationError("priority", f"The ticket is already {target.label}.")
        return tx.append(ticket, EntryKind.PRIORITY, field="priority", value=target.value)


def edit_ticket(db: Database, *, actor: Actor, ticket_id: str, field: str, value: object) -> EntryAdded:
    """Edit one of title, description, location or category (one entry per field)."""
    if field not in EDITABLE_FIELDS:
        raise ValidationError(
            "field", f"{field!r} cannot be edited; choose one of {', '.join(EDITABLE_FIELDS)}."
        )
    clean: Any
    if field == "title":
        clean = validation.title(value)
    elif field == "description":
        clean = validation.description(value)
    elif field == "location":
        clean = parse_location(value)
    else:
        clean = str(value) if value else None
    with transaction(db, actor, Action.EDIT_TICKET) as tx:
        if field == "category_id":
            check_category(tx, clean)
        return tx.append(tx.ticket(ticket_id), EntryKind.EDIT, field=field, value=clean)


def assign(
    db: Database,
    *,
    actor: Actor,
    ticket_id: str,
    assignee_id: str | None = None,
    department_id: str | None = None,
    unassign: bool = False,
) -> EntryAdded:
    """Assign to a person, route to a department's queue, or unassign (exactly one of them)."""
    chosen = [x for x in (assignee_id, department_id) if x] + (["unassign"] if unassign else [])
    if len(chosen) != 1:
        raise ValidationError("assignee", "Choose either a person or a department queue.")
    if department_id:
        action = Action.ROUTE_DEPARTMENT
    elif assignee_id == actor.user_id:
        action = Action.TAKE_TICKET
    else:
        action = Action.ASSIGN_OTHERS
    with transaction(db, actor, action) as tx:
        ticket = tx.ticket(ticket_id)
        if not ticket.is_open:
            raise ValidationError("assignee", "Reopen the ticket before assigning it.")
        if department_id:
            check_department(tx, department_id)
            return tx.append(ticket, EntryKind.ASSIGNMENT, field="department_id", value=department_id)
        check_user(tx, assignee_id)
        if assignee_id and ticket.assignee_id == assignee_id:
            raise ValidationError("assignee", "The ticket is already assigned to that person.")
        return tx.append(ticket, EntryKind.ASSIGNMENT, field="assignee_id", value=assignee_id)


def take(db: Database, *, actor: Actor, ticket_id: str) -> EntryAdded:
    """Assign the ticket to the acting user."""
    return assign(db, actor=actor, ticket_id=ticket_id, assignee_id=actor.user_id)


def escalate(db: Database, *, actor: Actor, ticket_id: str, level: int, reason: str) -> EntryAdded:
    """Raise the escalation level (1–3) with a reason."""
    clean_level = validation.escalation_level(level)
    clean_reason = validation.text("reason", reason, required=True, max_len=2000)
    with transaction(db, actor, Action.ESCALATE) as tx:
        ticket = tx.ticket(ticket_id)
        if clean_level <= ticket.escalation_level:
            raise ValidationError(
                "level", f"The ticket is already at escalation level {ticket.escalation_level}."
            )
        return tx.append(
            ticket, EntryKind.ESCALATION, field="escalation_level", value=clean_level, body=clean_reason
        )


def record_time(db: Database, *, actor: Actor, ticket_id: str, minutes: int, note: str = "") -> EntryAdded:
    """Record time spent on the ticket."""
    clean_minutes = validation.minutes(minutes)
    clean_note = validation.text("note", note, required=False, max_len=2000)
    with transaction(db, actor, Action.RECORD_TIME) as tx:
        return tx.append(
            tx.ticket(ticket_id),
            EntryKind.TIME_SPENT,
            detail={"minutes": clean_minutes},
            body=clean_note or None,
        )


def schedule_visit(
    db: Database, *, actor: Actor, ticket_id: str, at: datetime, place: str, note: str = ""
) -> EntryAdded:
    """Schedule an onsite visit (date/time and place); shown in Today's visits."""
    if not isinstance(at, datetime) or at.tzinfo is None:
        raise ValidationError("at", "Give the visit's date and time.")
    now = db.clock.now()
    if at < now - timedelta(days=validation.VISIT_DAYS_BACK):
        raise ValidationError(
            "at", f"The visit's date is more than {validation.VISIT_DAYS_BACK} days ago: check the date."
        )
    if at > now + timedelta(days=validation.VISIT_DAYS_AHEAD):
        raise ValidationError("at", "The visit's date is more than a year ahead: check the date (the year?).")
    clean_place = validation.text("place", place, required=True, max_len=validation.LOCATION_MAX)
    clean_note = validation.text("note", note, required=False, max_len=2000)
    with transaction(db, actor, Action.SCHEDULE_VISIT) as tx:
        ticket = tx.ticket(ticket_id)
        if not ticket.is_open:
            raise ValidationError("at", "Reopen the ticket before scheduling a visit.")
        detail = {"at": at.astimezone(UTC).isoformat(), "place": clean_place}
        return tx.append(ticket, EntryKind.APPOINTMENT, detail=detail, body=clean_note or None)


def resolve(
    db: Database,
    *,
    actor: Actor,
    ticket_id: str,
    reason: str,
    public_note: str,
    duplicate_of: str | None = None,
    agency: str | None = None,
) -> EntryAdded:
    """Resolve with a reason and a public note; duplicates name the other ticket, referrals the agency."""
    clean_reason = parse_resolution_reason(reason)
    note = validation.note_body(public_note, field="public_note")
    detail: dict[str, Any] = {"reason": clean_reason.value}
    if clean_reason is ResolutionReason.REFERRED:
        detail["agency"] = validation.text("agency", agency, required=True, max_len=200, label="Agency")
    with transaction(db, actor, Action.RESOLVE) as tx:
        ticket = tx.ticket(ticket_id)
        check_transition(Status(ticket.status), Status.RESOLVED)
        if clean_reason is ResolutionReason.DUPLICATE:
            if not duplicate_of or not (ids := find_ticket_ids_by_number(tx, duplicate_of)):
                raise ValidationError("duplicate_of", f"No ticket numbered {duplicate_of!r}.")
            if ticket.id in ids:
                raise ValidationError("duplicate_of", "A ticket cannot be a duplicate of itself.")
            detail["duplicate_of"] = normalize_number(duplicate_of)
        return tx.append(
            ticket,
            EntryKind.RESOLUTION,
            field="status",
            value=Status.RESOLVED.value,
            detail=detail,
            body=note,
            public=True,
        )


def reopen(db: Database, *, actor: Actor, ticket_id: str, reason: str) -> EntryAdded:
    """Reopen a resolved or closed ticket (back to assigned, or new without an assignee)."""
    clean = validation.text("reason", reason, required=True, max_len=2000)
    with transaction(db, actor, Action.REOPEN) as tx:
        ticket = tx.ticket(ticket_id)
        if Status(ticket.status) not in REOPENABLE:
            raise ValidationError("status", "Only a resolved or closed ticket can be reopened.")
        target = Status.ASSIGNED if ticket.assignee_id else Status.NEW
        return tx.append(ticket, EntryKind.REOPEN, field="status", value=target.value, body=clean)


def redact_note(db: Database, *, actor: Actor, entry_id: str, reason: str) -> EntryAdded:
    """Blank a note's text on every replica; the fact, author and reason of the redaction stay."""
    clean = validation.text("reason", reason, required=True, max_len=500)
    with transaction(db, actor, Action.REDACT_NOTE) as tx:
        target = tx.session.get(TimelineEntry, entry_id)
        if target is None:
            raise NotFound("timeline entry", entry_id)
        if not target.body:
            raise ValidationError("entry", "That entry has no text to redact.")
        ticket = tx.ticket(target.ticket_id)
        result = tx.append(ticket, EntryKind.REDACTION, detail={"target_entry_id": entry_id, "reason": clean})
        tx.session.execute(
            update(TimelineEntry)
            .where(TimelineEntry.id == entry_id)
            .values(body=None, redacted_by=result.entry_id)
        )
        # Folded again without the body: a blank resolution note is no longer a first response.
        ticket_cache.refresh(tx.session, ticket.id, calendar=tx.calendar, reporters_changed=False)
        return result
