"""The transaction every service runs in: session, change capture, actor, calendar."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.errors import CitydeskError, NotFound, PermissionDenied
from citydesk.domain.permissions import Action, require
from citydesk.domain.roles import Actor, Role
from citydesk.domain.timeline import Entry, EntryKind, TicketState, fold
from citydesk.store import statements as st
from citydesk.store import ticket_cache
from citydesk.store.db import Database
from citydesk.store.models import FieldClock, Ticket
from citydesk.store.settings import load_calendar
from citydesk.sync.capture import Capture, Stamp, field_clock_row


@dataclass(frozen=True, slots=True)
class EntryAdded:
    """Result of a ticket mutation: the ticket, the new entry and the ticket's number."""

    ticket_id: str
    number: str
    entry_id: str
    kind: str


@dataclass
class Tx:
    """One write transaction of one service call."""

    session: Session
    capture: Capture
    actor: Actor
    db_cache: dict[str, Any] = field(default_factory=dict)
    _entries: dict[str, list[Entry]] = field(default_factory=dict)

    @cached_property
    def calendar(self) -> BusinessCalendar:
        """The city's business calendar (cached per database until a setting changes)."""
        cached = self.db_cache.get("calendar")
        if cached is None:
            cached = self.db_cache["calendar"] = load_calendar(self.session)
        return cached

    def require_capture(self, capture: bool) -> None:
        """Refuse to write without change records unless this is a demo database (which never syncs):
        an office's changes must all reach the server."""
        if capture:
            return
        from citydesk.store.models import SyncState

        if not self.session.scalar(select(SyncState.is_demo).where(SyncState.id == 1)):
            raise CitydeskError(
                "Writing without change records is for the demo city only: this office's changes must sync."
            )

    def check_actor(self, role: str | None = None, active: object = None) -> None:
        """Raise unless the actor is an active user with the role it claims (system excepted).

        `role` and `active` are the user's row when the caller has read it already.
        """
        if self.actor.role is Role.SYSTEM:
            return
        if role is None:
            row = self.session.execute(st.USER_ROLE, {"id": self.actor.user_id}).one_or_none()
            role, active = (row.role, row.active) if row is not None else (None, None)
        if role is None or not active:
            raise PermissionDenied("act", "signed-out user")
        if role != self.actor.role.value:
            raise PermissionDenied("act as " + self.actor.role.value, role)

    def ticket(self, ticket_id: str) -> Ticket:
        """The ticket row, or NotFound."""
        row = self.session.scalar(select(Ticket).where(Ticket.id == ticket_id))
        if row is None:
            raise NotFound("ticket", ticket_id)
        return row

    def entries(self, ticket_id: str) -> list[Entry]:
        """The ticket's entries (loaded once per transaction)."""
        if ticket_id not in self._entries:
            self._entries[ticket_id] = ticket_cache.load_entries(self.session, ticket_id)
        return self._entries[ticket_id]

    def state(self, ticket_id: str) -> TicketState:
        """The ticket's folded state before this call's change."""
        return fold(self.entries(ticket_id))

    def clock(
        self, table: str, row_id: str, field: str, stamp: Stamp, change_id: str | None
    ) -> dict[str, Any]:
        """The field clock of one write by this transaction's actor, carried by change `change_id`."""
        return field_clock_row(table, row_id, field, stamp, author_id=self.actor.user_id, change_id=change_id)

    def set_clock(self, table: str, row_id: str, field: str, stamp: Stamp, change_id: str | None) -> None:
        """Insert or replace the field clock of one write (author and change id included)."""
        self.session.merge(FieldClock(**self.clock(table, row_id, field, stamp, change_id)))

    def append(
        self,
        ticket: Ticket,
        kind: EntryKind,
        *,
        field: str | None = None,
        value: Any = None,
        detail: dict[str, Any] | None = None,
        body: str | None = None,
        public: bool = False,
        reporters_changed: bool = False,
    ) -> EntryAdded:
        """Write exactly one timeline entry and its outbox row, then refresh the ticket cache."""
        entries = self.entries(ticket.id)
        base = fold(entries).field_entry.get(field) if field else None
        stamp = self.capture.stamp()
        entry = Entry(
            id=self.capture.new_id(),
            ticket_id=ticket.id,
            kind=kind,
            hlc=stamp.hlc,
            device_id=stamp.device_id,
            author_id=self.actor.user_id,
            at=stamp.at,
            field=field,
            value=value,
            detail=detail or {},
            body=body,
            public=public,
            base_entry_id=base,
        )
        st.RUN_INSERT_ENTRY.execute(self.session, entry_row(entry, office_id=stamp.office_id))
        self.capture.record(op="entry", table="timeline_entry", row_id=entry.id, hlc=stamp.hlc)
        entries.append(entry)
        ticket_cache.refresh(
            self.session,
            ticket.id,
            calendar=self.calendar,
            entries=entries,
            reporters_changed=reporters_changed,
        )
        return EntryAdded(ticket_id=ticket.id, number=ticket.number, entry_id=entry.id, kind=kind.value)


def entry_row(entry: Entry, *, office_id: str) -> dict[str, Any]:
    """The timeline_entry columns for a plain Entry."""
    return {
        "id": entry.id,
        "ticket_id": entry.ticket_id,
        "kind": entry.kind.value,
        "field": entry.field,
        "value": entry.value,
        "detail": dict(entry.detail) or None,
        "body": entry.body,
        "public": entry.public,
        "author_id": entry.author_id,
        "office_id": office_id,
        "device_id": entry.device_id,
        "hlc": entry.hlc,
        "base_entry_id": entry.base_entry_id,
        "at": entry.at,
    }


def follow_reference_version(cache: dict[str, Any], version: int) -> None:
    """Drop the database's derived cache (the calendar) when reference rows or city settings changed
    since it was filled — in this process or another one (`citydesk sync` beside the app)."""
    if cache.get("reference_version") != version:
        cache.clear()
        cache["reference_version"] = version


@contextmanager
def transaction(db: Database, actor: Actor, action: Action | None = None) -> Iterator[Tx]:
    """Check the permission, open one write transaction, and persist the capture counters at the end."""
    if action is not None:
        require(actor.role, action)
    with db.write() as session:
        # One read opens the transaction: the device's counters and the actor's role.
        state = st.RUN_STATE_AND_ACTOR.one_or_none(session, {"actor_id": actor.user_id})
        capture = Capture(session, db.clock, state)  # without a row it reads again, and says "not set up"
        follow_reference_version(db.cache, state.reference_version)
        tx = Tx(session=session, capture=capture, actor=actor, db_cache=db.cache)
        tx.check_actor(state.actor_role, state.actor_active)
        yield tx
        tx.capture.finish()
