"""Ticket use cases: create, note, call, status, priority, edit, assign, escalate, time, visit, resolve."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select, text, update

from citydesk.domain import validation
from citydesk.domain.channels import Channel, ReplyMethod
from citydesk.domain.errors import NotFound, ValidationError
from citydesk.domain.numbers import format_number, normalize_number
from citydesk.domain.permissions import Action, require
from citydesk.domain.priorities import Priority, parse_priority
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
from citydesk.services._tx import EntryAdded, Tx, entry_row, transaction
from citydesk.store import statements as st
from citydesk.store import ticket_cache
from citydesk.store.db import Database
from citydesk.store.models import (
    NumberCounter,
    Ticket,
    TimelineEntry,
)

EDITABLE_FIELDS = ("title", "description", "location", "category_id")


@dataclass(frozen=True, slots=True)
class TicketCreated:
    """A new ticket's id, its printed number and its due date."""

    ticket_id: str
    number: str
    entry_id: str
    due_at: datetime | None


def parse_channel(value: object) -> Channel:
    """The Channel for `value`, or ValidationError naming the field."""
    try:
        return Channel(str(value))
    except ValueError:
        raise ValidationError("channel", f"Unknown channel {value!r}.") from None


def parse_reply_method(value: object) -> ReplyMethod:
    """The ReplyMethod for `value`, or ValidationError naming the field."""
    try:
        return ReplyMethod(str(value))
    except ValueError:
        raise ValidationError("reply_method", f"Unknown reply method {value!r}.") from None


def parse_location(value: object) -> dict[str, Any] | None:
    """Validate a location (text, or dict with text/address_id/ward/lat/lon); None when blank."""
    if value is None:
        return None
    data: dict[str, Any] = dict(value) if isinstance(value, dict) else {"text": value}
    loc_text = validation.text("location", data.get("text"), required=False, max_len=validation.LOCATION_MAX)
    out: dict[str, Any] = {"text": loc_text}
    for key, low, high in (("lat", -90.0, 90.0), ("lon", -180.0, 180.0)):
        if data.get(key) is not None:
            try:
                number = float(data[key])
            except (TypeError, ValueError):
                raise ValidationError("location", f"{key} must be a number.") from None
            if not low <= number <= high:
                raise ValidationError("location", f"{key} {number} is out of range.")
            out[key] = number
    if data.get("address_id"):
        out["address_id"] = str(data["address_id"])
    if data.get("ward"):
        out["ward"] = validation.text("location", data.get("ward"), required=False, max_len=60)
    if not loc_text and len(out) == 1:
        return None
    return out


def _category(tx: Tx, category_id: str | None) -> Any:
    if not category_id:
        return None
    row = tx.session.execute(st.CATEGORY_ROW, {"id": category_id}).one_or_none()
    if row is None or not row.active:
        raise ValidationError("category", f"Unknown category {category_id!r}.")
    return row


def _department(tx: Tx, department_id: str | None) -> None:
    if department_id and tx.session.scalar(st.DEPARTMENT_EXISTS, {"id": department_id}) is None:
        raise ValidationError("department", f"Unknown department {department_id!r}.")


def _user(tx: Tx, user_id: str | None, field: str = "assignee") -> None:
    if user_id is None:
        return
    row = tx.session.execute(st.USER_ROLE, {"id": user_id}).one_or_none()
    if row is None or not row.active:
        raise ValidationError(field, f"Unknown or inactive user {user_id!r}.")


def _requester_row(tx: Tx, requester_id: str | None) -> Any:
    """The live requester row (id, merged_into, reply_method, name, anonymous), following merges."""
    seen: set[str] = set()
    while requester_id:
        row = tx.session.execute(st.REQUESTER_FULL, {"id": requester_id}).one_or_none()
        if row is None:
            raise ValidationError("requester", f"Unknown requester {requester_id!r}.")
        if not row.merged_into or row.merged_into in seen:
            return row
        seen.add(row.id)
        requester_id = row.merged_into
    return None


def _requester(tx: Tx, requester_id: str | None) -> str | None:
    """The live requester id (following merges), or ValidationError."""
    seen: set[str] = set()
    while requester_id:
        row = tx.session.execute(st.REQUESTER_LINK, {"id": requester_id}).one_or_none()
        if row is None:
            raise ValidationError("requester", f"Unknown requester {requester_id!r}.")
        if not row.merged_into or row.merged_into in seen:
            return row.id
        seen.add(row.id)
        requester_id = row.merged_into
    return None


def next_number(tx: Tx, prefix: str | None = None) -> str:
    """The next ticket number: the counter row is incremented in this transaction (never MAX()+1)."""
    if prefix is None:
        prefix = tx.capture.number_prefix
    seq = tx.session.scalar(st.NEXT_SEQ, {"k_prefix": prefix})
    if seq is None:
        tx.session.execute(insert(NumberCounter).values(prefix=prefix, last_seq=1))
        seq = 1
    return format_number(prefix, seq)


def create_ticket(
    db: Database,
    *,
    actor: Actor,
    title: str,
    channel: str,
    description: str = "",
    category_id: str | None = None,
    department_id: str | None = None,
    priority: str | None = None,
    location: object = None,
    requester_id: str | None = None,
    reply_method: str | None = None,
    assignee_id: str | None = None,
    intake_answers: dict[str, str] | None = None,
    due_date: date | None = None,
) -> TicketCreated:
    """Log a new request: insert row + `created` entry + outbox rows, number from the counter row.

    `due_date` (a supervisor's override of the category's target) makes the ticket due at the close
    of that business day in city time.
    """
    with transaction(db, actor, Action.CREATE_TICKET) as tx:
        return create_ticket_in(
            tx, title=title, channel=channel, description=description, category_id=category_id,
            department_id=department_id, priority=priority, location=location, requester_id=requester_id,
            reply_method=reply_method, assignee_id=assignee_id, intake_answers=intake_answers,
            due_date=due_date,
        )  # fmt: skip


def create_ticket_in(
    tx: Tx,
    *,
    title: str,
    channel: str,
    description: str = "",
    category_id: str | None = None,
    department_id: str | None = None,
    priority: str | None = None,
    location: object = None,
    requester_id: str | None = None,
    reply_method: str | None = None,
    assignee_id: str | None = None,
    intake_answers: dict[str, str] | None = None,
    due_date: date | None = None,
) -> TicketCreated:
    """`create_ticket` inside a caller's transaction (the counter creates a requester in the same one)."""
    actor = tx.actor
    require(actor.role, Action.CREATE_TICKET)
    clean_title = validation.title(title)
    clean_description = validation.description(description)
    clean_channel = parse_channel(channel)
    clean_location = parse_location(location)
    chosen_priority = parse_priority(priority) if priority else None
    method = parse_reply_method(reply_method) if reply_method else None
    if assignee_id and assignee_id != actor.user_id:
        require(actor.role, Action.ASSIGN_OTHERS)
    if due_date is not None:
        require(actor.role, Action.OVERRIDE_TARGET)
    category = _category(tx, category_id)
    if category is not None and department_id and department_id != category.department_id:
        require(actor.role, Action.OVERRIDE_TARGET)  # the category sets it; a supervisor may override
    department_id = department_id or (category.department_id if category else None)
    _department(tx, department_id)
    _user(tx, assignee_id)
    requester = _requester_row(tx, requester_id)
    live_requester = requester.id if requester is not None else None
    final_priority = chosen_priority or Priority(category.default_priority if category else Priority.P3)
    number = next_number(tx)
    stamp = tx.capture.stamp()
    ticket_id = tx.capture.new_id()
    fields: dict[str, Any] = {
        "title": clean_title,
        "description": clean_description,
        "status": Status.NEW.value,
        "priority": final_priority.value,
        "channel": clean_channel.value,
        "category_id": category.id if category else None,
        "department_id": department_id,
        "location": clean_location,
        "assignee_id": assignee_id,
        "escalation_level": 0,
    }
    if due_date is not None:
        if due_date < tx.calendar.local_date(tx.capture.clock.now()):
            raise ValidationError("due_date", "The target date cannot be in the past.")
        fields["due_override"] = tx.calendar.end_of_business_day(due_date).isoformat()
    detail: dict[str, Any] = {}
    if live_requester:
        if method is None:
            method = ReplyMethod(requester.reply_method)
        detail["reporter"] = {
            "id": tx.capture.new_id(),
            "requester_id": live_requester,
            "channel": clean_channel.value,
            "reply_method": method.value,
        }
    if intake_answers:
        detail["intake_answers"] = {
            validation.text("intake_answers", q, required=True, max_len=300): validation.text(
                "intake_answers", a, required=False, max_len=1000
            )
            for q, a in intake_answers.items()
        }
    from citydesk.domain.timeline import Entry, fold

    entry = Entry(
        id=tx.capture.new_id(),
        ticket_id=ticket_id,
        kind=EntryKind.CREATED,
        hlc=stamp.hlc,
        device_id=stamp.device_id,
        author_id=actor.user_id,
        at=stamp.at,
        value=fields,
        detail=detail,
    )
    state = fold([entry])
    cache = ticket_cache.cache_values(
        state,
        calendar=tx.calendar,
        target_days=category.target_business_days if category else None,
        requester_name=("Anonymous" if requester.anonymous else requester.name) if requester else None,
    )
    # One complete insert (no half-empty row updated afterwards): the FTS insert trigger indexes it.
    row = {"id": ticket_id, "number": number, "office_id": stamp.office_id, "created_at": stamp.at,
           "created_by": actor.user_id, **cache}  # fmt: skip
    tx.session.execute(st.INSERT_TICKET, row)
    tx.capture.record(op="insert", table="ticket", row_id=ticket_id, hlc=stamp.hlc)
    tx.session.execute(st.INSERT_ENTRY, entry_row(entry, office_id=stamp.office_id))
    tx.capture.record(op="entry", table="timeline_entry", row_id=entry.id, hlc=stamp.hlc)
    ticket_cache.materialize_reporters(tx.session, ticket_id, state, known_new=True)
    due = cache["due_at"]
    return TicketCreated(ticket_id=ticket_id, number=number, entry_id=entry.id, due_at=due)


def add_reporter(
    db: Database,
    *,
    actor: Actor,
    ticket_id: str,
    requester_id: str,
    channel: str,
    reply_method: str | None = None,
) -> EntryAdded:
    """Add another person who reported the same problem ("reported by N people")."""
    with transaction(db, actor, Action.ADD_REPORTER) as tx:
        return add_reporter_in(
            tx, ticket_id=ticket_id, requester_id=requester_id, channel=channel, reply_method=reply_method
        )


def add_reporter_in(
    tx: Tx, *, ticket_id: str, requester_id: str, channel: str, reply_method: str | None = None
) -> EntryAdded:
    """`add_reporter` inside a caller's transaction (the counter may create the requester in the same one)."""
    require(tx.actor.role, Action.ADD_REPORTER)
    clean_channel = parse_channel(channel)
    method = parse_reply_method(reply_method) if reply_method else None
    ticket = tx.ticket(ticket_id)
    live = _requester(tx, requester_id)
    assert live is not None
    if any(r.requester_id == live for r in tx.state(ticket_id).reporters):
        raise ValidationError("requester", "This person is already a reporter of this ticket.")
    if method is None:
        method = ReplyMethod(str(tx.session.scalar(st.REQUESTER_REPLY, {"id": live})))
    reporter = {
        "id": tx.capture.new_id(),
        "requester_id": live,
        "channel": clean_channel.value,
        "reply_method": method.value,
    }
    return tx.append(ticket, EntryKind.REPORTER_ADDED, detail={"reporter": reporter}, reporters_changed=True)


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
        live = _requester(tx, requester_id)
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
            _category(tx, clean)
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
            _department(tx, department_id)
            return tx.append(ticket, EntryKind.ASSIGNMENT, field="department_id", value=department_id)
        _user(tx, assignee_id)
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
    clean_place = validation.text("place", place, required=True, max_len=validation.LOCATION_MAX)
    clean_note = validation.text("note", note, required=False, max_len=2000)
    with transaction(db, actor, Action.SCHEDULE_VISIT) as tx:
        ticket = tx.ticket(ticket_id)
        if not ticket.is_open:
            raise ValidationError("at", "Reopen the ticket before scheduling a visit.")
        detail = {"at": at.astimezone(UTC).isoformat(), "place": clean_place}
        return tx.append(ticket, EntryKind.APPOINTMENT, detail=detail, body=clean_note or None)


def find_ticket_ids_by_number(tx: Tx, typed: str) -> list[str]:
    """Ticket ids with this number (normally one; two if a number was ever issued twice)."""
    number = normalize_number(typed)
    if number is None:
        return []
    return list(tx.session.scalars(select(Ticket.id).where(Ticket.number == number)))


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
        return result


def ticket_number_exists(db: Database, number: str) -> bool:
    """True if some ticket carries this number."""
    canonical = normalize_number(number)
    with db.read() as session:
        return bool(canonical and session.scalar(select(Ticket.row_no).where(Ticket.number == canonical)))


def pending_changes(db: Database) -> int:
    """How many local changes wait in the outbox."""
    with db.read() as session:
        return int(session.execute(text("SELECT count(*) FROM outbox")).scalar_one())
