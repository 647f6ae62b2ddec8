"""Frozen dataclasses carried by the application's signals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
    """Connection and sync state for the status bar (the sync controller reports it).

    `mode` is "connected" (enrolled with the city's server), "standalone" or "demo"; `online` whether
    the server answered the last attempt; `last_sync` the last successful sync; `pending` changes made
    here not yet sent, `parked` received changes waiting for others, `rejected` changes the server
    refused, `conflicts` open conflicts; `problem` the last failed attempt in plain words;
    `clock_warning` when this PC's clock was found wrong; `syncing` while a sync runs.
    """

    online: bool
    last_sync: datetime | None
    pending: int
    mode: str = "standalone"
    parked: int = 0
    rejected: int = 0
    conflicts: int = 0
    syncing: bool = False
    problem: str | None = None
    clock_warning: str | None = None
    server: str | None = None

    @property
    def connected(self) -> bool:
        """Enrolled with a sync server (Sync now is offered)."""
        return self.mode == "connected"


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """Where a running sync is: phase ("hello", "push", "relay", "snapshot", "pull"), done, total."""

    phase: str
    done: int
    total: int | None


@dataclass(frozen=True, slots=True)
class TicketsPulled:
    """A sync page committed changes from other offices (or undid refused ones) to these tickets: one
    event per page, so views refresh once per page, in place."""

    ticket_ids: frozenset[str]
