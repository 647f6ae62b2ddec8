"""The open conflicts the app knows of, kept current off the GUI thread (one tracker per hub).

A full read at start and after a bulk change (`data_changed`); after a pulled page (`tickets_pulled`)
or a local change to a ticket (`ticket_changed`) only those tickets are read again, at most once a second
(`ui.pacing`: pages of a pull arrive close together). One read runs at a time; what arrives meanwhile is
coalesced into the next one. `changed` tells the ticket table, the detail pane, the Conflicts window and
the status bar.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from citydesk.services.conflicts import Conflict, open_conflicts
from citydesk.store.detail import office_names, user_names
from citydesk.store.settings import load_calendar
from citydesk.ui.events import TicketChanged, TicketsPulled
from citydesk.ui.pacing import Pacer

if TYPE_CHECKING:
    from citydesk.store.db import Database
    from citydesk.ui.app import CitydeskApp


@dataclass(frozen=True, slots=True)
class Names:
    """What the conflict texts need besides the conflicts: people, offices and the city's zone."""

    users: dict[str, str] = field(default_factory=dict)
    offices: dict[str, str] = field(default_factory=dict)
    tz_name: str = "UTC"


@dataclass(frozen=True, slots=True)
class _Read:
    tickets: frozenset[str] | None  # None: every ticket
    conflicts: list[Conflict]
    names: Names


def _read(db: Database, tickets: frozenset[str] | None) -> _Read:
    found = open_conflicts(db, None if tickets is None else tickets)
    with db.read() as session:
        names = Names(user_names(session), office_names(session), load_calendar(session).tz_name)
    return _Read(tickets, found, names)


class ConflictTracker(QObject):
    """Open conflicts by ticket; `changed` after every update."""

    changed = Signal()

    def __init__(self, hub: CitydeskApp) -> None:
        super().__init__(hub)
        self.hub = hub
        self.by_ticket: dict[str, tuple[Conflict, ...]] = {}
        self.names = Names()
        self.loaded = False
        self._running = False
        self._full = True  # the next read is a full one
        self._wanted: set[str] = set()
        self._pacer = Pacer(self, self._start)
        hub.tickets_pulled.connect(lambda pulled: self.recheck(pulled.ticket_ids))
        hub.ticket_changed.connect(self._on_changed)
        hub.data_changed.connect(self.reload)
        self._start()

    # ---- what the views read -----------------------------------------------------------------

    def conflicts(self) -> list[Conflict]:
        """Every open conflict, by ticket number then field."""
        out = [c for group in self.by_ticket.values() for c in group]
        out.sort(key=lambda c: (c.number, c.field, c.base_entry_id or ""))
        return out

    def of(self, ticket_id: str | None) -> tuple[Conflict, ...]:
        """The open conflicts of one ticket."""
        return self.by_ticket.get(ticket_id or "", ())

    def ticket_ids(self) -> frozenset[str]:
        """The tickets with an open conflict."""
        return frozenset(self.by_ticket)

    @property
    def count(self) -> int:
        """How many open conflicts."""
        return sum(len(group) for group in self.by_ticket.values())

    # ---- keeping it current --------------------------------------------------------------------

    def reload(self) -> None:
        """Read every conflict again."""
        self._full = True
        self._start()

    def recheck(self, ticket_ids: Collection[str]) -> None:
        """Read the conflicts of these tickets again (a pulled page, a local change), shortly."""
        self._wanted.update(ticket_ids)
        self._pacer.request()

    def _on_changed(self, change: TicketChanged | TicketsPulled) -> None:
        ticket_id = getattr(change, "ticket_id", None)
        if ticket_id:
            self.recheck([ticket_id])

    def _start(self) -> None:
        if self._running or not (self._full or self._wanted):
            return
        tickets = None if self._full else frozenset(self._wanted)
        self._full = False
        self._wanted.clear()
        self._running = True
        db = self.hub.db
        future = self.hub.runner.read(lambda: _read(db, tickets), self._arrived, self._failed)
        if future.cancelled():  # the app is closing
            self._running = False

    def _arrived(self, read: _Read) -> None:
        self._running = False
        if read.tickets is None:
            self.by_ticket = {}
        else:
            for ticket_id in read.tickets:
                self.by_ticket.pop(ticket_id, None)
        for conflict in read.conflicts:
            self.by_ticket[conflict.ticket_id] = (*self.by_ticket.get(conflict.ticket_id, ()), conflict)
        self.names = read.names
        self.loaded = True
        self.changed.emit()
        if self._full:
            self._start()
        elif self._wanted:
            self._pacer.request()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        self.hub.error.emit(str(exc))


TRACKER_ATTRIBUTE = "conflict_tracker"  # kept on the hub itself, so it lives and goes with it


def tracker_for(hub: CitydeskApp) -> ConflictTracker:
    """The hub's conflict tracker (made, and its first read started, on first use)."""
    found = getattr(hub, TRACKER_ATTRIBUTE, None)
    if not isinstance(found, ConflictTracker):
        found = ConflictTracker(hub)
        setattr(hub, TRACKER_ATTRIBUTE, found)
    return found
