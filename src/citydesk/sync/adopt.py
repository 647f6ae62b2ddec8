"""Adopting a standalone office: `adopt_office` connects a database that ran on its own to the city's
server with a one-time adoption code, keeping its ids, its ticket numbers and its whole history.

The order protects the one-time code, as `connect` does: the database is checked (set up, standalone,
not the demo, not connected) and the keyring too, and the file is backed up, before the code is sent with
the office's offer (its office row, PC id, tag, user names and last outbox sequence). The server refuses a
colliding office code or user name before anything is written (`AdoptionRefused`, the code stays
usable). Then one local transaction writes the enrolled identity into the existing `sync_state` (server,
epoch, device number, clocks; device id, office id, prefix and counter unchanged), and the first sync
pushes the whole outbox: the server takes the office's history with the authority of the admin who issued
the code, except its city settings and its device row, which the server's values replace.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import select, update

from citydesk.domain.clock import Clock, SystemClock, to_ms
from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.store.backup import backup_database
from citydesk.store.db import Database, StorageError, open_database
from citydesk.store.models import LocalSetting, Office, SyncState, User
from citydesk.sync import credentials, hlc
from citydesk.sync.connect import CA_BUNDLE_SETTING, Connected, ConnectRefused, normalize_url, take_identity
from citydesk.sync.engine_cycle import Progress
from citydesk.sync.http import Conflict, Forbidden, SyncClient, SyncError
from citydesk.sync.messages import AdoptionOffer, Enrolment
from citydesk.sync.outgoing import ADOPTED_THROUGH_SETTING

BACKUP_FOLDER = "before-adoption"


class AdoptionRefused(SyncError):
    """The server refused the adoption (an office code, office or user name it already has, or an
    ordinary enrolment code); the message is the server's and says what to do. The code stays usable.
    `code` is the server's error code ("username_taken", "office_code_taken", ...), `usernames` the
    user names to rename first."""

    def __init__(self, message: str, *, code: str = "", usernames: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.usernames = usernames


@dataclass(frozen=True, slots=True)
class Standalone:
    """What a standalone database offers for adoption, and its prefix."""

    offer: AdoptionOffer
    number_prefix: str


def adopt_office(
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
    """Connect the standalone office database at `path` to the server at `url` with an adoption code
    (see the module docstring). `Connected.backup` is the copy made before anything changed.

    Raises ConnectRefused (not set up, the demo, already connected), KeyringUnavailable (both before the
    code is sent), AdoptionRefused (the server's collisions; nothing written on either side) and the
    SyncClient's errors (a wrong code is Unauthorized). A first sync that stops is `first_error`:
    `citydesk sync` finishes it.
    """
    path = Path(path)
    clock = clock or SystemClock()
    server_url = normalize_url(url)
    if not code or not code.strip():
        raise ConnectRefused("Give the adoption code the city's administrator printed (--code).")
    name = " ".join((device_name or "").split())[:120] or "office PC"
    standalone = read_standalone(path, clock)
    credentials.check_available()
    ca = ca_bundle.resolve() if ca_bundle is not None else None
    backup = backup_database(path, path.parent / BACKUP_FOLDER, now=clock.now())
    with SyncClient(server_url, credential=None, client=client, ca_bundle=ca) as sync_client:
        try:
            try:
                enrolment = sync_client.adopt(code.strip(), name, standalone.offer)
            except Conflict as exc:
                named = exc.details.get("usernames")
                usernames = tuple(str(u) for u in named) if isinstance(named, list) else ()
                raise AdoptionRefused(exc.server_message, code=exc.code, usernames=usernames) from exc
            except Forbidden as exc:
                raise AdoptionRefused(str(exc), code="forbidden") from exc
        except BaseException:
            backup.unlink(missing_ok=True)  # nothing changed here: no copy to keep
            raise
        through = standalone.offer.through_seq
        first, error = take_identity(
            path, clock, sync_client, server_url, enrolment,
            lambda db: write_adopted_identity(db, server_url, enrolment, ca, through_seq=through),
            holder="adopt", progress=progress, create=False,
        )  # fmt: skip
    return Connected(
        path=path, server_url=server_url, device_id=enrolment.device_id, office_id=enrolment.office_id,
        office_code=enrolment.office_code, device_number=enrolment.device_number,
        number_prefix=standalone.number_prefix, first_sync=first, first_error=error, backup=backup,
    )  # fmt: skip


def read_standalone(path: Path, clock: Clock) -> Standalone:
    """The adoption offer of the standalone office database at `path`; ConnectRefused when it is
    missing, not set up, the demo or already connected."""
    if not path.is_file() or path.stat().st_size == 0:
        raise ConnectRefused(f"There is no office database at {path} (give it with --database).")
    db = open_database(path, clock=clock, create=False)
    try:
        with db.read() as session:
            state = session.execute(select(SyncState).where(SyncState.id == 1)).scalar_one_or_none()
            if state is None:
                raise ConnectRefused(f"{path} was never set up as an office; there is nothing to adopt.")
            if state.is_demo:
                raise ConnectRefused(f"{path} is the demo database, which never connects to a server.")
            if state.server_url:
                raise ConnectRefused(f"{path} is already connected to {state.server_url}.")
            office = session.get(Office, state.office_id)
            if office is None:
                raise ConnectRefused(f"{path} has no row for its own office; it cannot be adopted.")
            usernames = session.scalars(select(User.username).where(User.id != SYSTEM_USER_ID))
            code, _, tag = state.number_prefix.partition("-")
            offer = AdoptionOffer(
                office_id=office.id, office_code=office.code, office_name=office.name,
                device_id=state.device_id, tag=tag, usernames=tuple(sorted(usernames)),
                through_seq=state.device_seq or 0,
            )  # fmt: skip
            if code != office.code:
                raise ConnectRefused(
                    f"{path} numbers tickets {state.number_prefix}- but its office is {office.code}; "
                    "it cannot be adopted as it is."
                )
            return Standalone(offer, state.number_prefix)
    finally:
        db.close()


def write_adopted_identity(
    db: Database, server_url: str, enrolment: Enrolment, ca_bundle: Path | None, *, through_seq: int
) -> None:
    """Write the enrolled identity into the existing sync_state in one transaction: the server, its
    epoch and clock, the device number, a fresh push and pull position, and the last outbox sequence the
    server takes with the vouching admin's authority (`through_seq`; device-local rows only: no outbox
    rows). The device id, office id, number prefix and counter stay: numbers never change."""
    now = db.clock.now()
    with db.write() as session:
        state = session.execute(select(SyncState).where(SyncState.id == 1)).scalar_one_or_none()
        if state is None or state.server_url:
            raise StorageError(f"{db.path} was connected by someone else meanwhile; nothing was changed.")
        if state.device_id != enrolment.device_id or state.office_id != enrolment.office_id:
            raise StorageError(
                f"The server adopted another PC or office than {db.path} holds; nothing was changed here."
            )
        session.execute(
            update(SyncState).where(SyncState.id == 1).values(
                server_url=server_url, server_epoch=enrolment.epoch, pull_cursor=None,
                snapshot_cursor=None, snapshot_after=None, pushed_seq=0, push_batch_id=None,
                push_batch_last=None, remote_hlc=enrolment.server_hlc, clock_offset_ms=0,
                hlc=hlc.receive(state.hlc or 0, enrolment.server_hlc, to_ms(now)),
                device_number=enrolment.device_number, last_error=None,
            )
        )  # fmt: skip
        session.merge(LocalSetting(key=ADOPTED_THROUGH_SETTING, value=through_seq))
        if ca_bundle is not None:
            session.merge(LocalSetting(key=CA_BUNDLE_SETTING, value=str(ca_bundle)))
