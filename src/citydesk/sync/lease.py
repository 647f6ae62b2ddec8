"""The one-sync-at-a-time lease of a database (minimal version; the engine owns the full one).

One row (`sync_lease` id 1): a token, its holder and when it expires. `check` runs inside the apply and
acknowledge transactions and raises `LeaseLost` unless the token still holds an unexpired lease.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from citydesk.domain.clock import to_ms
from citydesk.domain.errors import CitydeskError
from citydesk.domain.ids import uuid7
from citydesk.store.db import Database
from citydesk.store.models import SyncLease


class LeaseLost(CitydeskError):
    """This sync no longer holds the database's lease (it expired, or another sync took it)."""


def acquire(db: Database, *, holder: str, ttl: timedelta) -> str | None:
    """Take the lease for `ttl`; the token, or None while another holder's lease is live."""
    now = db.clock.now()
    token = uuid7(to_ms(now))
    with db.write() as session:
        row = session.get(SyncLease, 1)
        if row is not None and row.expires_at > now:
            return None
        session.execute(
            sqlite_insert(SyncLease)
            .values(id=1, token=token, holder=holder, acquired_at=now, expires_at=now + ttl)
            .on_conflict_do_update(
                index_elements=["id"],
                set_={"token": token, "holder": holder, "acquired_at": now, "expires_at": now + ttl},
            )
        )
    return token


def renew(db: Database, token: str, ttl: timedelta) -> bool:
    """Extend a live lease held by `token`; False when it was lost."""
    now = db.clock.now()
    with db.write() as session:
        done = session.execute(
            update(SyncLease)
            .where(SyncLease.id == 1, SyncLease.token == token, SyncLease.expires_at > now)
            .values(expires_at=now + ttl)
        )
        return bool(done.rowcount)  # type: ignore[attr-defined]


def release(db: Database, token: str) -> None:
    """Give the lease up (nothing happens when `token` no longer holds it)."""
    with db.write() as session:
        session.execute(delete(SyncLease).where(SyncLease.id == 1, SyncLease.token == token))


def check(session: Session, token: str, now: datetime) -> None:
    """Raise LeaseLost unless `token` holds an unexpired lease (inside the caller's transaction)."""
    row = session.execute(
        select(SyncLease.token, SyncLease.expires_at).where(SyncLease.id == 1)
    ).one_or_none()
    if row is None or row.token != token or row.expires_at <= now:
        raise LeaseLost(
            "This sync lost its lease on the database (another sync took over); nothing was saved."
        )
