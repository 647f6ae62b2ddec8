"""A new identity for a copied or restored office database (the server said 409 `identity_reused`, a local
restore marked it, or an admin re-enrols a revoked PC's database with a new code).

Order, so nothing is lost whichever step fails:

1. the server makes the new identity (`POST /v1/sync/reidentify` with the old credential; or `enrol` with
   a new code for `--reenrol`);
2. its credential goes into the keyring under the new device id;
3. ONE transaction (`adopt_identity`): new device id, device number, number prefix and its counter (new
   tickets use the new prefix; numbers already issued never change); the sent journal renumbered 1..J
   and the unsent outbox J+1..J+N under the new identity (same change ids, same payloads; their
   `device_id` stays the one they were made under, as on the server and the other copy); `pushed_seq`
   = J (the server counts the journal as acknowledged for the new identity, and a later server restore
   re-pushes it from 1), the in-flight batch forgotten, the restore mark cleared;
4. the old credential is removed from the keyring only then (a failure in 3 removes the new one), and
   only when the old identity is dead: a restore the `citydesk restore` command marked, or a re-enrolment.
   A copy caught by the server keeps it: the original database still uses it, maybe from this very
   keyring (a copy in another folder of the same PC, a roaming Windows profile).

The old identity's changes that come back in a pull are applied like anyone's: they are not "own"
changes of the new identity (see `sync.engine_pull`).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from citydesk.domain.errors import CitydeskError
from citydesk.store.backup import NEW_IDENTITY_SETTING
from citydesk.store.db import Database
from citydesk.store.models import Base, LocalSetting, NumberCounter, Outbox, SentJournal, SyncState
from citydesk.sync import credentials, lease
from citydesk.sync.http import SyncClient
from citydesk.sync.messages import Enrolment

Runner = Callable[[Callable[[], Any]], Any]  # runs a write transaction's function (see engine_cycle)


class IdentityRefused(CitydeskError):
    """A new identity that cannot be taken (another office's code, a database that is not enrolled)."""


@dataclass(frozen=True, slots=True)
class NewIdentity:
    """What changed: the old and new device ids, the new number prefix, and how many journal and outbox
    changes were renumbered."""

    old_device_id: str
    device_id: str
    number_prefix: str
    journal: int
    outbox: int


def pending_mark(db: Database) -> dict[str, Any] | None:
    """The mark a local restore of an enrolled database left (`{"reason": ..., "tag": ...}`), or None."""
    with db.read() as session:
        row = session.get(LocalSetting, NEW_IDENTITY_SETTING)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else None


def journal_size(db: Database) -> int:
    """How many acknowledged changes the sent journal keeps (they become 1..J of a new identity)."""
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(SentJournal)) or 0)


def take_new_identity(
    db: Database, client: SyncClient, *, lease_token: str, run_write: Runner | None = None
) -> NewIdentity:
    """Ask the server for a new identity with the current credential and adopt it (steps 1-4 of the module
    docstring); `client.credential` is the new one afterwards. `run_write` runs the one transaction (the
    engine's writer: the app's writer thread)."""
    server_url, old_device = _enrolled(db)
    mark = pending_mark(db) or {}
    tag = mark.get("tag") if isinstance(mark.get("tag"), str) else None
    enrolment = client.reidentify(acked_seq=journal_size(db), tag=tag)
    return _switch(db, client, server_url, old_device, enrolment, lease_token=lease_token,
                   forget_old=bool(mark), run_write=run_write)  # fmt: skip


def reenrol(
    db: Database, client: SyncClient, *, code: str, device_name: str, lease_token: str
) -> NewIdentity:
    """Enrol this (revoked or credential-less) database again with a new one-time code from its office's
    administrator, as a new identity: its unsent outbox is pushed under it at the next sync."""
    server_url, old_device = _enrolled(db)
    enrolment = client.enrol(code, device_name)
    with db.read() as session:
        office_id = session.scalar(select(SyncState.office_id).where(SyncState.id == 1))
    if enrolment.office_id != office_id:
        raise IdentityRefused(
            f"The code is for another office ({enrolment.office_code}); this database belongs to office "
            f"{office_id}. Nothing was changed here; ask for a code of this database's own office."
        )
    return _switch(db, client, server_url, old_device, enrolment, lease_token=lease_token, forget_old=True)


def _enrolled(db: Database) -> tuple[str, str]:
    with db.read() as session:
        row = session.execute(
            select(SyncState.server_url, SyncState.device_id).where(SyncState.id == 1)
        ).one_or_none()
    if row is None or not row.server_url:
        raise IdentityRefused(f"{db.path} is not connected to a sync server.")
    return str(row.server_url), str(row.device_id)


def _switch(
    db: Database, client: SyncClient, server_url: str, old_device: str, enrolment: Enrolment, *,
    lease_token: str, forget_old: bool, run_write: Runner | None = None,
) -> NewIdentity:  # fmt: skip
    credentials.store_credential(server_url, enrolment.device_id, enrolment.credential)
    adopt = functools.partial(adopt_identity, db, enrolment, lease_token=lease_token)
    try:
        done: NewIdentity = adopt() if run_write is None else run_write(adopt)
    except BaseException:
        credentials.delete_credential(server_url, enrolment.device_id)
        raise
    client.credential = enrolment.credential
    if forget_old and old_device != enrolment.device_id:
        # the new identity is committed and kept; a stale entry left by a failing keyring is harmless
        with contextlib.suppress(credentials.KeyringUnavailable):
            credentials.delete_credential(server_url, old_device)
    return done


def adopt_identity(db: Database, enrolment: Enrolment, *, lease_token: str) -> NewIdentity:
    """Step 3 of the module docstring, in one transaction that checks the sync lease first."""
    now = db.clock.now()
    prefix = enrolment.number_prefix
    with db.write() as session:
        lease.check(session, lease_token, now)
        old = session.execute(select(SyncState.device_id).where(SyncState.id == 1)).scalar_one()
        journal = _renumber_journal(session)
        outbox = _renumber_outbox(session, after=journal)
        session.execute(
            update(SyncState).where(SyncState.id == 1).values(
                device_id=enrolment.device_id, device_number=enrolment.device_number, number_prefix=prefix,
                device_seq=journal + outbox, pushed_seq=journal, push_batch_id=None, push_batch_last=None,
            )
        )  # fmt: skip
        if session.get(NumberCounter, prefix) is None:
            session.execute(insert(NumberCounter).values(prefix=prefix, last_seq=0))
        mark = session.get(LocalSetting, NEW_IDENTITY_SETTING)
        if mark is not None:
            session.delete(mark)
    return NewIdentity(old, enrolment.device_id, prefix, journal, outbox)


def _renumber_journal(session: Session) -> int:
    """Sent journal rows numbered 1..J in their order; returns J."""
    order = (SentJournal.seq, SentJournal.change_id)
    ids = list(session.scalars(select(SentJournal.change_id).order_by(*order)))
    if ids:
        table = Base.metadata.tables["sent_journal"]
        session.execute(
            update(table).where(table.c.change_id == bindparam("cid")).values(seq=bindparam("new")),
            [{"cid": cid, "new": i} for i, cid in enumerate(ids, start=1)],
        )
    return len(ids)


def _renumber_outbox(session: Session, *, after: int) -> int:
    """Outbox rows numbered after+1.. in their order (through negative numbers: seq is the key)."""
    old = list(session.scalars(select(Outbox.seq).order_by(Outbox.seq)))
    if old:
        table = Base.metadata.tables["outbox"]
        stmt = update(table).where(table.c.seq == bindparam("old")).values(seq=bindparam("new"))
        session.execute(stmt, [{"old": s, "new": -i} for i, s in enumerate(old, start=1)])
        session.execute(stmt, [{"old": -i, "new": after + i} for i in range(1, len(old) + 1)])
    return len(old)


def reenrol_database(db: Database, client: SyncClient, *, code: str, device_name: str) -> NewIdentity:
    """`citydesk connect URL --code NEW --reenrol`: under the sync lease, enrol this database again as a
    new identity (`reenrol`); the caller syncs next, which pushes the outbox under it."""
    from citydesk.sync.engine_cycle import SyncBusy

    token = lease.acquire(db, holder="reenrol")
    if token is None:
        raise SyncBusy("Another sync of this database is running; try again in a moment.")
    try:
        return reenrol(db, client, code=code, device_name=device_name, lease_token=token)
    finally:
        lease.release(db, token)
