"""Tickets: create one, add a reporter, the number counter, lookups by number, the outbox count.

The use cases of working a ticket (note, call, status, ..., redact) live in
`services.ticket_work`; they and the input checks of `services.ticket_inputs` are re-exported
here, so `from citydesk.services import tickets; tickets.add_note(...)` reads as one API.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, text

from citydesk.domain import validation
from citydesk.domain.channels import ReplyMethod
from citydesk.domain.errors import ValidationError
from citydesk.domain.numbers import format_number, normalize_number
from citydesk.domain.permissions import Action, require
from citydesk.domain.priorities import Priority, parse_priority
from citydesk.domain.roles import Actor
from citydesk.domain.statuses import Status
from citydesk.domain.timeline import Entry, EntryKind, fold
from citydesk.services.ticket_inputs import (
    find_ticket_ids_by_number,
    live_requester,
    parse_channel,
    parse_location,
    parse_reply_method,
    read_references,
    shown_reply_method,
    unknown_department,
    unknown_user,
)
from citydesk.services.ticket_work import (
    EDITABLE_FIELDS,
    add_note,
    assign,
    change_priority,
    change_status,
    close_ticket,
    edit_ticket,
    escalate,
    log_call,
    record_time,
    redact_note,
    reopen,
    resolve,
    schedule_visit,
    take,
)
from citydesk.services.transaction import EntryAdded, Tx, entry_row, transaction
from citydesk.store import statements as st
from citydesk.store import ticket_cache
from citydesk.store.db import Database
from citydesk.store.models import NumberCounter, Ticket

__all__ = [
    "EDITABLE_FIELDS",
    "EntryAdded",
    "TicketCreated",
    "add_note",
    "add_reporter",
    "add_reporter_in",
    "assign",
    "change_priority",
    "change_status",
    "close_ticket",
    "create_ticket",
    "create_ticket_in",
    "edit_ticket",
    "escalate",
    "find_ticket_ids_by_number",
    "log_call",
    "next_number",
    "parse_channel",
    "parse_location",
    "parse_reply_method",
    "pending_changes",
    "record_time",
    "redact_note",
    "reopen",
    "resolve",
    "schedule_visit",
    "take",
    "ticket_number_exists",
]


@dataclass(frozen=True, slots=True)
class TicketCreated:
    """A new ticket's id, its printed number and its due date."""

    ticket_id: str
    number: str
    entry_id: str
    due_at: datetime | None


def next_number(tx: Tx, prefix: str | None = None) -> str:
    """The next ticket number: the counter row is incremented in this transaction (never MAX()+1)."""
    if prefix is None:
        prefix = tx.capture.number_prefix
    seq = st.RUN_NEXT_SEQ.scalar(tx.session, {"k_prefix": prefix})
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
    # One read for all four; checked in the order of the form: category, department, assignee, requester.
    refs = read_references(
        tx, category_id=category_id, department_id=department_id, assignee_id=assignee_id,
        requester_id=requester_id,
    )  # fmt: skip
    category = refs.category
    if category is not None and department_id and department_id != category.department_id:
        require(actor.role, Action.OVERRIDE_TARGET)  # the category sets it; a supervisor may override
    department_id = department_id or (category.department_id if category else None)
    if department_id and not refs.department_found:
        raise unknown_department(department_id)
    if assignee_id is not None and not refs.assignee_active:
        raise unknown_user(assignee_id)
    requester = refs.live_requester(tx)
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
    st.RUN_INSERT_TICKET.execute(tx.session, row)
    tx.capture.record(op="insert", table="ticket", row_id=ticket_id, hlc=stamp.hlc)
    st.RUN_INSERT_ENTRY.execute(tx.session, entry_row(entry, office_id=stamp.office_id))
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
    live = live_requester(tx, requester_id)
    assert live is not None
    if any(r.requester_id == live for r in tx.state(ticket_id).reporters):
        raise ValidationError("requester", "This person is already a reporter of this ticket.")
    if method is None:
        method = ReplyMethod(shown_reply_method(tx.session.execute(st.REQUESTER_REPLY, {"id": live}).one()))
    reporter = {
        "id": tx.capture.new_id(),
        "requester_id": live,
        "channel": clean_channel.value,
        "reply_method": method.value,
    }
    return tx.append(ticket, EntryKind.REPORTER_ADDED, detail={"reporter": reporter}, reporters_changed=True)


def ticket_number_exists(db: Database, number: str) -> bool:
    """True if some ticket carries this number."""
    canonical = normalize_number(number)
    with db.read() as session:
        return bool(canonical and session.scalar(select(Ticket.row_no).where(Ticket.number == canonical)))


def pending_changes(db: Database) -> int:
    """How many local changes wait in the outbox."""
    with db.read() as session:
        return int(session.execute(text("SELECT count(*) FROM outbox")).scalar_one())
