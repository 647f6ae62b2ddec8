"""Frozen dataclasses carried by the application's signals."""

from __future__ import annotations

from dataclasses import dataclass

from citydesk.domain.roles import Actor


@dataclass(frozen=True, slots=True)
class SignedIn:
    """Who is using the app now."""

    actor: Actor
    username: str
    office_code: str
    office_name: str
    is_demo: bool
    device_id: str | None = None  # this PC (its "logged here today" queue)


@dataclass(frozen=True, slots=True)
class TicketChanged:
    """A ticket was created or changed locally (or by a pull)."""

    ticket_id: str
    number: str
    kind: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A notification for the user: shown in the app and, where there is a tray, popped up."""

    title: str
    text: str
    ticket_id: str | None = None
    urgent: bool = False


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """Connection and sync state for the status bar (wired to the sync engine later)."""

    online: bool
    last_sync: str | None
    pending: int


@dataclass(frozen=True, slots=True)
class TicketsPulled:
    """A sync page committed changes from other offices (or undid refused ones) to these tickets: one
    event per page, so views refresh once per page, in place."""

    ticket_ids: frozenset[str]
