"""Enrolling an office PC: `connect` makes a new database enrolled with the server (or enrols an empty
one), keeps the credential in the OS keyring, and downloads everything with a first sync.

The order protects the one-time code: the target database and the keyring are checked before the code is
sent. The new database holds only device-local rows of its own (sync_state, number counter, the fixed
system user, the CA bundle's path): its office, users, categories and tickets all arrive from the server,
so it pushes none of its setup rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import insert, select

from citydesk.domain.clock import Clock, SystemClock, to_ms
from citydesk.domain.roles import SYSTEM_USER_ID, Role
from citydesk.store.db import Database, StorageError, open_database
from citydesk.store.models import LocalSetting, NumberCounter, SyncState, User
from citydesk.sync import credentials, hlc
from citydesk.sync.engine import SyncResult, sync_once
from citydesk.sync.engine_cycle import Progress
from citydesk.sync.http import SyncClient, SyncError
from citydesk.sync.messages import Enrolment

CA_BUNDLE_SETTING = "sync.ca_bundle"


@dataclass(frozen=True, slots=True)
class Connected:
    """An enrolled database: who it is, and how its first download went (`first_error` when it stopped:
    `citydesk sync` finishes it); an adopted one also says where its backup is."""

    path: Path
    server_url: str
    device_id: str
    office_id: str
    office_code: str
    device_number: int
    number_prefix: str
    first_sync: SyncResult | None
    first_error: str | None
    backup: Path | None = None  # an adoption's copy of the database made before anything changed


class ConnectRefused(SyncError):
    """The database cannot be enrolled (a demo, or already set up)."""


def normalize_url(url: str) -> str:
    """The server's base URL without a trailing slash; ConnectRefused unless http(s)."""
    clean = (url or "").strip().rstrip("/")
    if not clean.startswith(("https://", "http://")) or len(clean) > 300:
        raise ConnectRefused(f"{url!r} is not a server address (it starts with https:// or http://).")
    return clean


def connect(
    path: Path | str,
    url: str,
    code: str,
    *,
    ca_bundle: Path | None = None,
    device_name: str,
    clock: Clock | None = None,
    client: httpx.Client | None = None,
    progress: Progress | None = None,
) -> Connected:
    """Enrol this PC with a one-time code and create (or fill an empty) database at `path` for it.

    `client` (tests) is the httpx client to reach the server through. Raises ConnectRefused for a demo or
    already set-up database, KeyringUnavailable without a usable keyring (both before the code is used),
    and the SyncClient's errors (a wrong code is Unauthorized).
    """
    path = Path(path)
    clock = clock or SystemClock()
    server_url = normalize_url(url)
    if not code or not code.strip():
        raise ConnectRefused("Give the enrolment code the city's administrator printed (--code).")
    name = " ".join((device_name or "").split())[:120] or "office PC"
    check_target(path, clock)
    credentials.check_available()
    ca = ca_bundle.resolve() if ca_bundle is not None else None
    with SyncClient(server_url, credential=None, client=client, ca_bundle=ca) as sync_client:
        enrolment = sync_client.enrol(code.strip(), name)
        first, error = take_identity(
            path, clock, sync_client, server_url, enrolment,
            lambda db: write_identity(db, server_url, enrolment, ca),
            holder="connect", progress=progress,
        )  # fmt: skip
    return Connected(
        path=path, server_url=server_url, device_id=enrolment.device_id, office_id=enrolment.office_id,
        office_code=enrolment.office_code, device_number=enrolment.device_number,
        number_prefix=enrolment.number_prefix, first_sync=first, first_error=error,
    )  # fmt: skip


def take_identity(
    path: Path,
    clock: Clock,
    sync_client: SyncClient,
    server_url: str,
    enrolment: Enrolment,
    write: Callable[[Database], None],
    *,
    holder: str,
    progress: Progress | None,
    create: bool = True,
) -> tuple[SyncResult | None, str | None]:
    """After the server enrolled this PC: keep its credential in the keyring, `write` the identity into
    the database at `path` (the credential goes again when that fails), then run the first sync. Returns
    the first sync's result, or the error that stopped it (`citydesk sync` finishes it)."""
    credentials.store_credential(server_url, enrolment.device_id, enrolment.credential)
    db = open_database(path, clock=clock, create=create)
    try:
        try:
            write(db)
        except BaseException:
            credentials.delete_credential(server_url, enrolment.device_id)
            raise
        sync_client.credential = enrolment.credential
        try:
            return sync_once(db, sync_client, holder=holder, progress=progress), None
        except SyncError as exc:
            return None, str(exc)
    finally:
        db.close()


def check_target(path: Path, clock: Clock) -> None:
    """ConnectRefused unless `path` is missing, empty, or a database that was never set up."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return
    db = open_database(path, clock=clock, create=False)
    try:
        with db.read() as session:
            row = session.execute(
                select(SyncState.is_demo, SyncState.server_url).where(SyncState.id == 1)
            ).one_or_none()
    finally:
        db.close()
    if row is None:
        return
    if row.is_demo:
        raise ConnectRefused(f"{path} is the demo database, which never connects to a server.")
    if row.server_url:
        raise ConnectRefused(f"{path} is already connected to {row.server_url}.")
    raise ConnectRefused(
        f"{path} is already set up as a standalone office; connect makes a new database "
        "(choose another file with --database), or adopts this office with an adoption code and --adopt."
    )


def write_identity(db: Database, server_url: str, enrolment: Enrolment, ca_bundle: Path | None) -> None:
    """Write the enrolled identity in one transaction: sync_state, the number counter, the fixed system
    user and the CA bundle's path (all device-local or the same on every replica: no outbox rows)."""
    now = db.clock.now()
    prefix = enrolment.number_prefix
    with db.write() as session:
        if session.scalar(select(SyncState.id).where(SyncState.id == 1)) is not None:
            raise StorageError(f"{db.path} was set up by someone else meanwhile; nothing was changed.")
        session.execute(
            insert(SyncState).values(
                id=1, device_id=enrolment.device_id, office_id=enrolment.office_id, number_prefix=prefix,
                device_seq=0, hlc=hlc.receive(0, enrolment.server_hlc, to_ms(now)), is_demo=False,
                server_url=server_url, server_epoch=enrolment.epoch, pull_cursor=None, created_at=now,
                pushed_seq=0, remote_hlc=enrolment.server_hlc, clock_offset_ms=0,
                device_number=enrolment.device_number,
            )
        )  # fmt: skip
        if session.get(NumberCounter, prefix) is None:
            session.execute(insert(NumberCounter).values(prefix=prefix, last_seq=0))
        if session.get(User, SYSTEM_USER_ID) is None:
            session.execute(
                insert(User).values(
                    id=SYSTEM_USER_ID,
                    username="system",
                    display_name="citydesk",
                    role=Role.SYSTEM.value,
                    active=True,
                )
            )
        if ca_bundle is not None:
            session.merge(LocalSetting(key=CA_BUNDLE_SETTING, value=str(ca_bundle)))


def saved_ca_bundle(db: Database) -> Path | None:
    """The CA bundle given at `connect` (None: the system's certificates)."""
    with db.read() as session:
        row = session.get(LocalSetting, CA_BUNDLE_SETTING)
    return Path(str(row.value)) if row is not None and row.value else None
