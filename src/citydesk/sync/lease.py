"""The one-sync-at-a-time lease of a database, shared by the app, its scheduler and the CLI.

The lease is the single row `sync_lease` (id 1): a random token, who holds it, and when it expires by
the database's clock (`Database.clock`). A syncer takes it (`acquire`), renews it between pages
(`renew`, the heartbeat), and gives it back at the end (`release`). Every transaction that applies a
page or acknowledges a push calls `check` inside that transaction: a syncer whose lease expired and
was taken by another (a PC that slept mid-sync) gets `LeaseLost` and its transaction rolls back, so two
syncers never both write.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from citydesk.domain.clock import to_ms
from citydesk.domain.errors import CitydeskError
from citydesk.domain.ids import uuid7
from citydesk.store.db import Database
from citydesk.store.models import SyncLease

LEASE_ID = 1
DEFAULT_TTL = timedelta(minutes=2)


class LeaseLost(CitydeskError):
    """This syncer no longer holds the lease (it expired and another sync took it)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message
            or "Another sync took over this database while this one was paused (the PC may have slept); "
            "nothing from the interrupted step was saved. Sync again."
        )


def acquire(db: Database, *, holder: str, ttl: timedelta = DEFAULT_TTL) -> str | None:
    """Take the lease for `ttl`: its new token, or None while another holder's lease is live.

    An expired lease is taken over. `holder` says who holds it ("cli", "app", "scheduler").
    """
    _check_ttl(ttl)
    now = db.clock.now()
    token = uuid7(to_ms(now))
    with db.write() as session:
        row = session.execute(
            select(SyncLease.token, SyncLease.expires_at).where(SyncLease.id == LEASE_ID)
        ).one_or_none()
        if row is not None and row.expires_at > now:
            return None
        values = {"token": token, "holder": holder[:120], "acquired_at": now, "expires_at": now + ttl}
        if row is None:
            session.execute(insert(SyncLease).values(id=LEASE_ID, **values))
        else:
            session.execute(update(SyncLease).where(SyncLease.id == LEASE_ID).values(**values))
    return token


def renew(db: Database, token: str, ttl: timedelta = DEFAULT_TTL) -> bool:
    """Extend the lease `token` holds to now + `ttl` (the heartbeat); False when it was lost.

    A lease that expired but was not taken by anyone is still this token's and is renewed: nobody else
    wrote in between.
    """
    _check_ttl(ttl)
    now = db.clock.now()
    with db.write() as session:
        done = session.execute(
            update(SyncLease)
            .where(SyncLease.id == LEASE_ID, SyncLease.token == token)
            .values(expires_at=now + ttl)
        )
        return bool(done.rowcount)  # type: ignore[attr-defined]


def release(db: Database, token: str) -> None:
    """Give the lease back (nothing happens when `token` no longer holds it)."""
    with db.write() as session:
        session.execute(delete(SyncLease).where(SyncLease.id == LEASE_ID, SyncLease.token == token))


def check(session: Session, token: str, now: datetime) -> None:
    """Inside the caller's transaction: LeaseLost unless `token` holds a lease unexpired at `now`."""
    row = session.execute(
        select(SyncLease.token, SyncLease.expires_at).where(SyncLease.id == LEASE_ID)
    ).one_or_none()
    if row is None or row.token != token or row.expires_at <= now:
        raise LeaseLost()


def holder(db: Database) -> tuple[str, datetime] | None:
    """Who holds a live lease and until when (None when nobody does): for "a sync is running" messages."""
    now = db.clock.now()
    with db.read() as session:
        row = session.execute(
            select(SyncLease.holder, SyncLease.expires_at).where(SyncLease.id == LEASE_ID)
        ).one_or_none()
    if row is None or row.expires_at <= now:
        return None
    return row.holder, row.expires_at


def _check_ttl(ttl: timedelta) -> None:
    if ttl <= timedelta(0):
        raise ValueError("a lease needs a positive time to live")
