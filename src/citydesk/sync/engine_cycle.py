"""What one sync cycle carries between its steps: the lease, the counters, progress and cancel, and the
engine's own writes to `sync_state` (each checks the lease in its transaction).

Used by `sync.engine` (the cycle), `sync.engine_push` and `sync.engine_pull` (its two halves).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from citydesk.domain.errors import CitydeskError
from citydesk.store.db import Database
from citydesk.store.models import SyncState
from citydesk.sync import lease
from citydesk.sync.http import SyncClient, SyncError

Progress = Callable[[str, int, "int | None"], None]
Cancel = Callable[[], bool]
# Called after each committed page (pulled, snapshot or acknowledged) with the tickets it touched.
PageDone = Callable[[frozenset[str]], None]
# Runs one write transaction's function and returns its result (the app: on its single writer thread).
Writer = Callable[[Callable[[], Any]], Any]

LEASE_TTL = timedelta(minutes=2)
# A PC clock further than this from the server's is worth a warning (the server refuses at 5 minutes).
CLOCK_WARNING_MS = 60_000


class SyncBusy(SyncError):
    """Another sync of this database is running (the app, its scheduler or another command)."""


class SyncCancelled(SyncError):
    """The sync was stopped on request between two pages; everything done so far is saved."""


class NotEnrolled(SyncError):
    """The database is not connected to a sync server."""


@dataclass(frozen=True, slots=True)
class State:
    """The `sync_state` columns the engine reads."""

    device_id: str
    office_id: str
    server_url: str | None
    server_epoch: str | None
    pull_cursor: str | None
    pushed_seq: int
    device_seq: int
    snapshot_cursor: str | None
    snapshot_after: str | None
    push_batch_id: str | None
    push_batch_last: int | None
    clock_offset_ms: int
    last_sync_at: datetime | None
    is_demo: bool


def read_state(db: Database) -> State:
    """This database's sync state; NotEnrolled when it has none (never set up)."""
    with db.read() as session:
        row = session.execute(
            select(SyncState.device_id, SyncState.office_id, SyncState.server_url, SyncState.server_epoch,
                   SyncState.pull_cursor, SyncState.pushed_seq, SyncState.device_seq,
                   SyncState.snapshot_cursor, SyncState.snapshot_after, SyncState.push_batch_id,
                   SyncState.push_batch_last,
                   SyncState.clock_offset_ms, SyncState.last_sync_at, SyncState.is_demo)
            .where(SyncState.id == 1)
        ).one_or_none()  # fmt: skip
    if row is None:
        raise NotEnrolled("This database is not set up yet; run `citydesk connect URL --code CODE` first.")
    return State(
        device_id=row.device_id, office_id=row.office_id, server_url=row.server_url,
        server_epoch=row.server_epoch, pull_cursor=row.pull_cursor, pushed_seq=row.pushed_seq or 0,
        device_seq=row.device_seq or 0,
        snapshot_cursor=row.snapshot_cursor, snapshot_after=row.snapshot_after,
        push_batch_id=row.push_batch_id, push_batch_last=row.push_batch_last,
        clock_offset_ms=row.clock_offset_ms or 0, last_sync_at=row.last_sync_at, is_demo=bool(row.is_demo),
    )  # fmt: skip


def save_state(db: Database, **values: Any) -> None:
    """Write device-local `sync_state` columns (no lease needed: the attempt, the error, the offset)."""
    with db.write() as session:
        session.execute(update(SyncState).where(SyncState.id == 1).values(**values))


def clock_warning(offset_ms: int) -> str | None:
    """The warning about this PC's clock for an offset from the server's (server minus PC), or None."""
    if abs(offset_ms) < CLOCK_WARNING_MS:
        return None
    minutes = max(1, round(abs(offset_ms) / 60_000))
    way = "ahead of" if offset_ms < 0 else "behind"
    return (
        f"This PC's clock is about {minutes} minute{'s' if minutes != 1 else ''} {way} the server's. "
        "Ask IT to correct the PC's date and time; until then citydesk stamps changes with the server's time."
    )


@dataclass
class Cycle:
    """One running sync cycle (see the module docstring)."""

    db: Database
    client: SyncClient
    token: str
    progress: Progress | None = None
    cancel: Cancel | None = None
    page_size: int = 1000
    ttl: timedelta = LEASE_TTL
    device_id: str = ""
    epoch: str = ""
    pushed: int = 0
    relayed: int = 0
    pulled: int = 0
    rejected: list[Any] = field(default_factory=list)
    ticket_ids: set[str] = field(default_factory=set)
    restamped: bool = False
    new_identity: Any = None  # the sync.identity.NewIdentity taken in this cycle, if any
    clock_warning: str | None = None
    on_page: PageDone | None = None
    writer: Writer | None = None
    renewed_at: datetime | None = None  # when the lease was last taken or renewed (None: renew at once)

    def report(self, phase: str, done: int, total: int | None = None) -> None:
        """Tell the progress callback (its errors are the caller's: they stop the sync)."""
        if self.progress is not None:
            self.progress(phase, done, total)

    def run_write(self, fn: Callable[[], Any]) -> Any:
        """Run a page's write transaction through the app's writer (directly without one)."""
        return fn() if self.writer is None else self.writer(fn)

    def page_done(self, ticket_ids: frozenset[str] | set[str]) -> None:
        """Tell `on_page` (if any) which tickets the page just committed touched."""
        if self.on_page is not None:
            self.on_page(frozenset(ticket_ids))

    def between_pages(self) -> None:
        """Between two pages: stop when cancelled; renew the lease once a quarter of its time has passed
        (LeaseLost when another took it). The renewal is a write, so it goes through the writer like a
        page: on the app's writer thread it never waits on the write lock a page or a save holds. Every
        page's transaction still checks the lease, so renewing less often never lets two syncers write."""
        if self.cancel is not None and self.cancel():
            raise SyncCancelled("The sync was stopped; everything received or sent so far is saved.")
        now = self.db.clock.now()
        if self.renewed_at is not None and timedelta(0) <= now - self.renewed_at < self.ttl / 4:
            return
        if not self.run_write(lambda: lease.renew(self.db, self.token, self.ttl)):
            raise lease.LeaseLost()
        self.renewed_at = now

    def write_state(self, **values: Any) -> None:
        """Write `sync_state` columns in a transaction that checks this cycle's lease first."""
        now = self.db.clock.now()
        with self.db.write() as session:
            lease.check(session, self.token, now)
            session.execute(update(SyncState).where(SyncState.id == 1).values(**values))

    def state(self) -> State:
        """The current sync state."""
        return read_state(self.db)


def describe(exc: BaseException) -> str:
    """The text saved as `last_error` for a failed cycle."""
    if isinstance(exc, CitydeskError):
        return str(exc)
    return f"Unexpected error: {type(exc).__name__}: {exc}"
