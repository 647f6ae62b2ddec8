"""One sync cycle of an office database with the server: `sync_once`.

    lease → hello (a new server epoch resets the cursor, snapshot state and pushed sequence) →
    push (journal above pushed_seq, then outbox) → relay + snapshot when there is no cursor → pull →
    number counter past what a copy issued → last_sync_at saved → lease released.

A copied or restored database (409 identity_reused at hello or push, or the mark `citydesk restore`
leaves) takes a new identity (`sync.identity`) and the cycle starts again from hello, once per cycle.

Everything a step changes commits with the rows it covers (apply, acknowledge), so a cycle that stops
anywhere — cancelled, crashed, the server gone — loses nothing and the next one resumes. The lease is
renewed between pages and checked inside every writing transaction. The engine knows nothing of Qt: the
app passes `progress` and `cancel` and reads the `SyncResult`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete

from citydesk.store.db import Database
from citydesk.store.models import LocalSetting, SentJournal
from citydesk.store.schema import SCHEMA_HEAD
from citydesk.sync import lease
from citydesk.sync.engine_cycle import (
    LEASE_TTL,
    Cancel,
    Cycle,
    NotEnrolled,
    PageDone,
    Progress,
    State,
    SyncBusy,
    SyncCancelled,
    Writer,
    clock_warning,
    describe,
    read_state,
    save_state,
)
from citydesk.sync.engine_pull import pull_all
from citydesk.sync.engine_push import offset_ms, push_all
from citydesk.sync.http import ClientTooOld, EpochChanged, IdentityReused, SyncClient, SyncError
from citydesk.sync.messages import Hello

if TYPE_CHECKING:
    from citydesk.sync.acknowledge import RejectedInfo
    from citydesk.sync.conflicts import Conflict
    from citydesk.sync.identity import NewIdentity

JOURNAL_KEEP = timedelta(days=90)
PRUNE_EVERY = timedelta(days=1)
PRUNED_SETTING = "sync.journal_pruned_at"
OFFICE_SYNCS_SETTING = "sync.office_last_sync"  # office code -> its last successful sync, from hello

__all__ = [
    "NotEnrolled",
    "SyncBusy",
    "SyncCancelled",
    "SyncError",
    "SyncResult",
    "prune_journal",
    "sync_once",
]


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What one cycle did: changes sent (accepted), refused (`RejectedInfo`s), received from other PCs
    (this PC's own changes coming back are not counted); changes parked now; open conflicts on the
    tickets it touched; the tickets that changed; a warning about the PC clock; the new identity a copied
    or restored database took."""

    pushed: int
    rejected: tuple[RejectedInfo, ...]
    pulled: int
    parked: int
    conflicts: tuple[Conflict, ...]
    ticket_ids: frozenset[str]
    clock_warning: str | None
    new_identity: NewIdentity | None = None  # taken in this cycle: a copied or restored database


def sync_once(
    db: Database,
    client: SyncClient,
    *,
    holder: str = "cli",
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    page_size: int = 1000,
    on_page: PageDone | None = None,
    writer: Writer | None = None,
) -> SyncResult:
    """Run one full cycle (see the module docstring); SyncBusy while another sync holds the lease.

    `progress(phase, done, total)` is called with phase "hello", "push", "relay", "snapshot", "pull"
    (total None when unknown); `cancel()` is checked between pages (SyncCancelled); `on_page(ticket_ids)`
    follows each committed page; `writer(fn)` runs each page's write transaction (the app's writer
    thread; default: here). Every failure is a
    SyncError (or LeaseLost / StorageError) whose message is saved as `last_error`.
    """
    state = read_state(db)
    if not state.server_url:
        raise NotEnrolled(
            "This database is not connected to a sync server; run `citydesk connect URL --code CODE`."
        )
    if state.is_demo:
        raise NotEnrolled("The demo database never syncs.")
    token = lease.acquire(db, holder=holder, ttl=LEASE_TTL)
    if token is None:
        found = lease.holder(db)
        who = f" ({found[0]})" if found else ""
        raise SyncBusy(f"Another sync of this database is running{who}; try again in a moment.")
    cycle = Cycle(db=db, client=client, token=token, progress=progress, cancel=cancel,
                  page_size=max(1, page_size), device_id=state.device_id, on_page=on_page,
                  writer=writer, renewed_at=db.clock.now())  # fmt: skip
    try:
        save_state(db, last_attempt_at=db.clock.now())
        result = _run(cycle, state)
    except BaseException as exc:
        try:
            save_state(db, last_error=describe(exc)[:2000])
        finally:
            lease.release(db, token)
        raise
    lease.release(db, token)
    return result


def _run(cycle: Cycle, state: State) -> SyncResult:
    too_old: ClientTooOld | None = None
    epoch_restarted = False
    while True:
        cycle.report("hello", 0, None)
        try:
            hello = cycle.client.hello(device_seq=state.device_seq)
            if cycle.new_identity is None and _identity_marked(cycle):
                raise IdentityReused("This database was restored from a backup; it takes a new identity.")
        except IdentityReused:  # a copy or a restored backup: a new identity, then start again
            state = _take_new_identity(cycle)
            continue
        _check_clock(cycle, hello, state)
        if state.server_epoch != hello.epoch:
            _new_epoch(cycle, hello.epoch)
        cycle.epoch = hello.epoch
        if hello.schema_max < SCHEMA_HEAD:
            break  # this PC is newer than the server: push pauses (its changes wait), pulling goes on
        try:
            push_all(cycle)
        except ClientTooOld as exc:  # the outbox waits for the update; receiving goes on
            too_old = exc
        except IdentityReused:  # a sequence number the server has with another change: a copy
            state = _take_new_identity(cycle)
            continue
        except EpochChanged:  # the server was restored since hello: start over with its new epoch
            if epoch_restarted:
                raise
            epoch_restarted = True
            state = read_state(cycle.db)
            continue
        break
    cycle.between_pages()
    pull_all(cycle)
    if too_old is not None:
        raise too_old
    cycle.write_state(last_sync_at=cycle.db.clock.now(), last_error=None)
    cycle.run_write(functools.partial(save_office_syncs, cycle.db, hello))
    prune_journal(cycle.db)
    return _result(cycle)


def save_office_syncs(db: Database, hello: Hello) -> None:
    """Keep each office's last successful sync as the cycle's hello reported it (local setting
    `OFFICE_SYNCS_SETTING`: office code -> ISO time or None): the weekly report's "data as of" line."""
    value = {o.code: o.last_sync_at for o in hello.offices}
    with db.write() as session:
        session.merge(LocalSetting(key=OFFICE_SYNCS_SETTING, value=value))


def prune_journal(db: Database, *, keep: timedelta = JOURNAL_KEEP, every: timedelta = PRUNE_EVERY) -> int:
    """Forget acknowledged changes older than `keep` (90 days), at most once per `every` (a day);
    returns how many. The journal is what a restored server gets back first; older changes still reach
    it through the relay, which offers every change this PC holds."""
    now = db.clock.now()
    with db.read() as session:
        last = session.get(LocalSetting, PRUNED_SETTING)
        if (
            last is not None
            and isinstance(last.value, str)
            and now - datetime.fromisoformat(last.value) < every
        ):
            return 0
    with db.write() as session:
        gone = session.execute(delete(SentJournal).where(SentJournal.acked_at < now - keep))
        session.merge(LocalSetting(key=PRUNED_SETTING, value=now.isoformat()))
        return int(gone.rowcount or 0)  # type: ignore[attr-defined]


def _identity_marked(cycle: Cycle) -> bool:
    """True when a local restore marked this database for a new identity."""
    from citydesk.sync.identity import pending_mark

    return pending_mark(cycle.db) is not None


def _take_new_identity(cycle: Cycle) -> State:
    """Take a new identity (once per cycle: a second refusal is an error) and return the new state."""
    from citydesk.sync.identity import take_new_identity

    if cycle.new_identity is not None:
        raise IdentityReused(
            "The sync server refused this database's new identity as well; nothing was lost. "
            "Ask the city's administrator to look at this PC's devices on the server."
        )
    cycle.report("identity", 0, None)
    cycle.new_identity = take_new_identity(cycle.db, cycle.client, lease_token=cycle.token,
                                           run_write=cycle.run_write)  # fmt: skip
    cycle.device_id = cycle.new_identity.device_id
    return read_state(cycle.db)


def _new_epoch(cycle: Cycle, epoch: str) -> None:
    """The server was restored (or is new): forget the cursor, snapshot state and acknowledged sequence;
    the journal is pushed again, missing changes relayed, then a snapshot (see push_all / pull_all)."""
    cycle.write_state(server_epoch=epoch, pull_cursor=None, snapshot_cursor=None, snapshot_after=None,
                      pushed_seq=0, push_batch_id=None, push_batch_last=None)  # fmt: skip


def _check_clock(cycle: Cycle, hello: Hello, state: State) -> None:
    """Measure the PC clock against the server's: a warning when far off; a recorded offset is kept up
    to date (and dropped once the PC clock is right again)."""
    measured = offset_ms(hello.server_time, cycle.db.clock.now())
    cycle.clock_warning = clock_warning(measured)
    if state.clock_offset_ms:
        corrected = measured if cycle.clock_warning else 0
        if corrected != state.clock_offset_ms:
            cycle.write_state(clock_offset_ms=corrected)


def _result(cycle: Cycle) -> SyncResult:
    from citydesk.sync.outgoing import pending_counts

    conflicts: tuple[Conflict, ...] = ()
    if cycle.ticket_ids:
        from citydesk.sync.conflicts import open_conflicts

        conflicts = tuple(c for c in open_conflicts(cycle.db) if c.ticket_id in cycle.ticket_ids)
    return SyncResult(
        pushed=cycle.pushed,
        rejected=tuple(cycle.rejected),
        pulled=cycle.pulled,
        parked=pending_counts(cycle.db).parked,
        conflicts=conflicts,
        ticket_ids=frozenset(cycle.ticket_ids),
        clock_warning=cycle.clock_warning,
        new_identity=cycle.new_identity,
    )
