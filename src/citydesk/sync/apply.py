"""Applying a pulled page (or snapshot page) to the local database, in ONE transaction.

`apply_page` checks the sync lease, applies the page's changes (`sync.apply_batch.PageApply`: parents
before children, insert-if-absent, last-writer-wins fields against `field_clock`, entry bodies never
overwritten, redactions blanking their target now or when it arrives), parks what cannot apply yet in
`deferred_change`, retries the parked changes whose row arrived (until none applies), refolds every
touched ticket, merges every received HLC into this replica's clock and `remote_hlc`, and saves the
pull cursor or the snapshot position with the rows they cover. Transactions committed from this module
write pulled data without outbox rows, by design (the capture check exempts `citydesk.sync.apply`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select, update

from citydesk.store import statements as st
from citydesk.store.db import Database
from citydesk.store.models import DeferredChange, SyncState
from citydesk.sync import capture, lease
from citydesk.sync.apply_batch import PageApply, take_parked
from citydesk.sync.apply_rows import Unfit, prepare
from citydesk.sync.wire import Change, WireError


@dataclass(frozen=True, slots=True)
class ApplyResult:
    """What a page did: its changes applied (repeats included), its changes parked, earlier parked
    changes it freed and applied, and the tickets and requesters that changed (for the app's views)."""

    applied: int
    parked: int
    unparked: int
    ticket_ids: frozenset[str]
    requester_ids: frozenset[str]


def apply_page(
    db: Database,
    *,
    changes: Sequence[Change],
    lease_token: str,
    cursor: str | None = None,
    snapshot_cursor: str | None = None,
    snapshot_after: str | None = None,
    snapshot_done: bool = False,
    received_hlc: int = 0,
) -> ApplyResult:
    """Apply one page in one transaction (see the module docstring); `LeaseLost` writes nothing."""
    now = db.clock.now()
    with db.write() as session:
        lease.check(session, lease_token, now)
        work = PageApply(session, now)
        work.run(changes)
        applied_now, parked_now = work.applied, work.parked
        unparked = _retry_parked(work)
        work.finish()
        capture.merge_received_hlc(
            session, db.clock, [*work.hlcs, received_hlc] if work.hlcs or received_hlc else []
        )
        state = session.execute(
            select(SyncState.remote_hlc, SyncState.snapshot_cursor).where(SyncState.id == 1)
        ).one()
        values: dict[str, object] = {"remote_hlc": max([state.remote_hlc or 0, received_hlc, *work.hlcs])}
        if cursor is not None:
            values["pull_cursor"] = cursor
        if snapshot_done:
            values.update(
                pull_cursor=snapshot_cursor or state.snapshot_cursor,
                snapshot_cursor=None,
                snapshot_after=None,
            )
        elif snapshot_cursor is not None or snapshot_after is not None:
            values.update(
                snapshot_cursor=snapshot_cursor or state.snapshot_cursor, snapshot_after=snapshot_after
            )
        session.execute(update(SyncState).where(SyncState.id == 1).values(**values))
        if work.reference_changed or work.calendar_changed:
            session.execute(st.BUMP_REFERENCE_VERSION)  # other processes drop their derived caches
            db.cache.clear()
    return ApplyResult(
        applied=applied_now,
        parked=parked_now,
        unparked=unparked,
        ticket_ids=frozenset(work.ticket_ids),
        requester_ids=frozenset(work.requester_ids),
    )


def _retry_parked(work: PageApply) -> int:
    """Apply the parked changes whose row arrived, round after round until none does; returns how many
    left `deferred_change`. Changes parked for a newer schema are retried once when this version can
    now read them (after a migration)."""
    freed = 0
    changes = _readable_schema_parked(work)
    while True:
        if not changes:
            keys, work.arrived = work.arrived, set()
            if not keys:
                return freed
            changes = [Change.from_json(p) for p in take_parked(work.session, keys)]
            if not changes:
                continue
        before = work.parked
        work.run(changes)
        freed += len(changes) - (work.parked - before)
        changes = []


def _readable_schema_parked(work: PageApply) -> list[Change]:
    """Parked changes without a dependency that this version can now apply whole (taken out)."""
    rows = work.session.execute(
        select(DeferredChange.change_id, DeferredChange.payload).where(DeferredChange.depends_on.is_(None))
    ).all()
    out = []
    for row in rows:
        try:
            change = Change.from_json(row.payload)
            prepared = prepare(change)
        except (Unfit, WireError):
            continue
        if prepared.unknown:
            continue
        work.session.execute(delete(DeferredChange).where(DeferredChange.change_id == row.change_id))
        out.append(change)
    return out
