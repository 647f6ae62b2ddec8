"""The counter's use cases: log a request (with a new requester in the same transaction), add the caller
to an existing ticket instead, and remember the channel last used on this PC.

A new requester and the ticket are written in one transaction: when the ticket is refused (a bad
field, a category deactivated meanwhile), the requester is not left behind either.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from citydesk.domain.errors import ValidationError
from citydesk.domain.permissions import Action
from citydesk.domain.roles import Actor
from citydesk.services.requesters import create_requester_in
from citydesk.services.tickets import add_reporter_in, create_ticket_in, parse_channel
from citydesk.services.transaction import EntryAdded, Tx, transaction
from citydesk.store.db import Database
from citydesk.store.models import LocalSetting

LAST_CHANNEL_KEY = "intake.last_channel"


@dataclass(frozen=True, slots=True)
class RequestLogged:
    """A request logged at the counter: the ticket, its number, when it is due, and the requester."""

    ticket_id: str
    number: str
    entry_id: str
    due_at: datetime | None
    requester_id: str | None
    kind: str = "created"


def _requester_id(tx: Tx, requester_id: str | None, new_requester: dict[str, Any] | None) -> str | None:
    if requester_id and new_requester:
        raise ValidationError("requester", "Choose an existing requester or enter a new one, not both.")
    if new_requester is not None:
        return create_requester_in(tx, **new_requester).requester_id
    return requester_id


def remember_channel_in(tx: Tx, channel: str) -> None:
    """Note the channel of the last entry on this PC (device-local, never synced)."""
    tx.session.merge(LocalSetting(key=LAST_CHANNEL_KEY, value=parse_channel(channel).value))


def remember_channel(db: Database, *, actor: Actor, channel: str) -> None:
    """Remember `channel` as the one the next New request starts with on this PC."""
    with transaction(db, actor) as tx:
        remember_channel_in(tx, channel)


def last_channel(session: Session) -> str | None:
    """The channel of the last request logged on this PC, or None."""
    row = session.get(LocalSetting, LAST_CHANNEL_KEY)
    return str(row.value) if row is not None and row.value else None


def log_request(
    db: Database,
    *,
    actor: Actor,
    title: str,
    channel: str,
    requester_id: str | None = None,
    new_requester: dict[str, Any] | None = None,
    description: str = "",
    category_id: str | None = None,
    department_id: str | None = None,
    priority: str | None = None,
    location: object = None,
    reply_method: str | None = None,
    intake_answers: dict[str, str] | None = None,
    due_date: date | None = None,
) -> RequestLogged:
    """Log a request from the counter or the phone: new requester (if any) and ticket in one transaction."""
    with transaction(db, actor, Action.CREATE_TICKET) as tx:
        who = _requester_id(tx, requester_id, new_requester)
        created = create_ticket_in(
            tx, title=title, channel=channel, description=description, category_id=category_id,
            department_id=department_id, priority=priority, location=location, requester_id=who,
            reply_method=reply_method, intake_answers=intake_answers, due_date=due_date,
        )  # fmt: skip
        remember_channel_in(tx, channel)
        return RequestLogged(created.ticket_id, created.number, created.entry_id, created.due_at, who)


def add_caller(
    db: Database,
    *,
    actor: Actor,
    ticket_id: str,
    channel: str,
    requester_id: str | None = None,
    new_requester: dict[str, Any] | None = None,
    reply_method: str | None = None,
) -> EntryAdded:
    """Add this caller as another reporter of an existing ticket instead of logging a new one."""
    with transaction(db, actor, Action.ADD_REPORTER) as tx:
        who = _requester_id(tx, requester_id, new_requester)
        if who is None:
            raise ValidationError("requester", "Choose the caller (or enter them as a new requester) first.")
        added = add_reporter_in(tx, ticket_id=ticket_id, requester_id=who, channel=channel,
                                reply_method=reply_method)  # fmt: skip
        remember_channel_in(tx, channel)
        return added
