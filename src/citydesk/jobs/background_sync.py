"""The desktop app's sync work, free of Qt: what the status bar shows (`sync_facts`), one sync with this
PC's credential (`run_sync`), connecting a PC (`connect_pc`) and what kind of failure stopped either
(`failure_kind`, `connect_failure_kind`: the app words them for a clerk, translated).

The app calls these on its task runner's threads (HTTP pool; each page's write on the writer thread);
they are the engine's public functions (`sync_once`, `connect`, `adopt_office`, `pending_counts`,
`open_conflicts`) and nothing else, so there is no second sync path in the UI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from citydesk.domain.clock import Clock
from citydesk.store.db import Database
from citydesk.store.models import SyncState

if TYPE_CHECKING:
    import httpx

HttpClientFactory = Callable[[], "httpx.Client | None"]
APP_HOLDER = "app"
INTERVAL_SETTING = "sync.interval_minutes"
OFFICES_SETTING = "sync.office_last_sync"  # office code -> its last successful sync (ISO), from hello
DEFAULT_INTERVAL_MINUTES = 5
MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES = 1, 240


@dataclass(frozen=True, slots=True)
class SyncFacts:
    """What the status bar shows, read from the database: "connected", "standalone" or "demo"; the
    server; the last sync and attempt; the counts; the PC-clock warning."""

    mode: str
    server: str | None
    last_sync_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str | None
    pending: int
    parked: int
    rejected: int
    conflicts: int
    clock_warning: str | None


@dataclass(frozen=True, slots=True)
class SyncOutcome:
    """One finished sync: changes sent, received, refused (in plain words), parked now, open conflicts
    on the tickets it touched, the tickets that changed, the PC-clock warning."""

    pushed: int
    pulled: int
    rejected: tuple[tuple[str, str], ...]  # (table, reason) of each refused change
    parked: int
    conflicts: int
    ticket_ids: frozenset[str]
    clock_warning: str | None


@dataclass(frozen=True, slots=True)
class ConnectDone:
    """A PC connected: its office, its ticket-number prefix, and the first download's error if it
    stopped (the next sync finishes it)."""

    office_code: str
    number_prefix: str
    pulled: int
    first_error: str | None


def sync_facts(db: Database, *, conflicts: int | None = None) -> SyncFacts:
    """The status bar's facts (a few counts: run it off the GUI thread). `conflicts` given: that count
    is kept instead of looking for open conflicts again (they only change with a sync or a decision)."""
    from citydesk.sync.conflicts import open_conflicts
    from citydesk.sync.engine_cycle import clock_warning
    from citydesk.sync.outgoing import pending_counts

    with db.read() as session:
        row = session.execute(
            select(SyncState.server_url, SyncState.is_demo, SyncState.last_sync_at, SyncState.last_attempt_at,
                   SyncState.last_error, SyncState.clock_offset_ms).where(SyncState.id == 1)
        ).one_or_none()  # fmt: skip
    counts = pending_counts(db)
    if row is None or not row.server_url:
        mode = "demo" if row is not None and row.is_demo else "standalone"
        return SyncFacts(mode, None, None, None, None, counts.outbox, counts.parked, counts.rejected, 0, None)
    return SyncFacts(
        mode="connected", server=row.server_url, last_sync_at=row.last_sync_at,
        last_attempt_at=row.last_attempt_at, last_error=row.last_error, pending=counts.outbox,
        parked=counts.parked, rejected=counts.rejected,
        conflicts=len(open_conflicts(db)) if conflicts is None else conflicts,
        clock_warning=clock_warning(row.clock_offset_ms or 0),
    )  # fmt: skip


def run_sync(
    db: Database,
    *,
    http_client: HttpClientFactory | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    on_page: Callable[[frozenset[str]], None] | None = None,
    writer: Callable[[Callable[[], Any]], Any] | None = None,
    page_size: int = 1000,
) -> SyncOutcome:
    """One sync cycle of an enrolled database with its credential from the keyring (`sync_once`, holder
    "app": the lease is shared with the CLI), `page_size` changes a page. Raises the engine's errors (see
    `failure_kind`)."""
    from citydesk.sync.connect import saved_ca_bundle
    from citydesk.sync.credentials import load_credential
    from citydesk.sync.engine import NotEnrolled, sync_once
    from citydesk.sync.engine_cycle import read_state
    from citydesk.sync.http import SyncClient, Unauthorized

    state = read_state(db)
    if not state.server_url or state.is_demo:
        raise NotEnrolled("This database is not connected to the city's server.")
    credential = load_credential(state.server_url, state.device_id)
    if credential is None:
        raise Unauthorized("This PC's credential is not in the keyring.")
    made = http_client() if http_client is not None else None
    with SyncClient(state.server_url, credential=credential, client=made,
                    ca_bundle=saved_ca_bundle(db)) as client:  # fmt: skip
        result = sync_once(db, client, holder=APP_HOLDER, progress=progress, cancel=cancel, on_page=on_page,
                           writer=writer, page_size=page_size)  # fmt: skip
        _record_office_syncs(db, client, writer)
    return SyncOutcome(
        pushed=result.pushed, pulled=result.pulled,
        rejected=tuple((r.table, r.reason or r.code) for r in result.rejected),
        parked=result.parked, conflicts=len(result.conflicts), ticket_ids=result.ticket_ids,
        clock_warning=result.clock_warning,
    )  # fmt: skip


def failure_kind(exc: BaseException) -> str:
    """What kind of failure stopped a sync (the app words each kind for a clerk): busy (another sync holds
    the lease), cancelled, not_connected, certificate, offline, revoked, too_old, keyring, or error."""
    from citydesk.sync.credentials import KeyringUnavailable
    from citydesk.sync.engine import NotEnrolled, SyncBusy, SyncCancelled
    from citydesk.sync.http import (
        ClientTooOld,
        Forbidden,
        ServerUnreachable,
        TooManyAttempts,
        Unauthorized,
        UntrustedCertificate,
    )

    kinds: tuple[tuple[Any, str], ...] = (
        (SyncBusy, "busy"), (SyncCancelled, "cancelled"), (NotEnrolled, "not_connected"),
        (UntrustedCertificate, "certificate"), (ServerUnreachable, "offline"), (TooManyAttempts, "offline"),
        (Unauthorized, "revoked"), (Forbidden, "revoked"), (ClientTooOld, "too_old"),
        (KeyringUnavailable, "keyring"),
    )  # fmt: skip
    return next((kind for cls, kind in kinds if isinstance(exc, cls)), "error")


def connect_pc(
    path: Path,
    url: str,
    code: str,
    *,
    adopt: bool,
    ca_bundle: Path | None,
    device_name: str,
    clock: Clock | None = None,
    http_client: HttpClientFactory | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
) -> ConnectDone:
    """Enrol this PC with a one-time code: a new (empty) database is filled from the server (`connect`); a
    standalone office's database is adopted by the city, its tickets keeping their numbers
    (`adopt_office`)."""
    client = http_client() if http_client is not None else None
    if adopt:
        from citydesk.sync import adopt as adoption  # lands with issue 14's adoption

        done = adoption.adopt_office(path, url, code, ca_bundle=ca_bundle, device_name=device_name,
                                     clock=clock, client=client, progress=progress)  # fmt: skip
    else:
        from citydesk.sync.connect import connect

        done = connect(path, url, code, ca_bundle=ca_bundle, device_name=device_name, clock=clock,
                       client=client, progress=progress)  # fmt: skip
    first = done.first_sync
    return ConnectDone(done.office_code, done.number_prefix, first.pulled if first else 0, done.first_error)


def connect_failure_kind(exc: BaseException) -> str:
    """Why connecting failed: code (wrong, used or expired), certificate, offline, too_many, too_old,
    keyring, refused (a demo or already set-up database: the message says which), or error."""
    from citydesk.sync.connect import ConnectRefused
    from citydesk.sync.credentials import KeyringUnavailable
    from citydesk.sync.http import (
        ClientTooOld,
        ServerUnreachable,
        TooManyAttempts,
        Unauthorized,
        UntrustedCertificate,
    )

    kinds: tuple[tuple[Any, str], ...] = (
        (Unauthorized, "code"), (UntrustedCertificate, "certificate"), (ServerUnreachable, "offline"),
        (TooManyAttempts, "too_many"), (ClientTooOld, "too_old"), (KeyringUnavailable, "keyring"),
        (ConnectRefused, "refused"),
    )  # fmt: skip
    return next((kind for cls, kind in kinds if isinstance(exc, cls)), "error")


def sync_interval_minutes(db: Database) -> int:
    """The background sync's interval in minutes (a LocalSetting of this PC; 5 by default)."""
    from citydesk.store.models import LocalSetting

    with db.read() as session:
        row = session.get(LocalSetting, INTERVAL_SETTING)
    return clamp_minutes(row.value if row is not None else DEFAULT_INTERVAL_MINUTES)


def set_sync_interval_minutes(db: Database, minutes: int) -> int:
    """Keep a new interval (1 to 240 minutes; ValidationError otherwise); returns it."""
    from citydesk.domain.errors import ValidationError
    from citydesk.store.models import LocalSetting

    if not MIN_INTERVAL_MINUTES <= minutes <= MAX_INTERVAL_MINUTES:
        raise ValidationError(
            "interval",
            f"Sync every {MIN_INTERVAL_MINUTES} to {MAX_INTERVAL_MINUTES} minutes.",
        )
    with db.write() as session:
        session.merge(LocalSetting(key=INTERVAL_SETTING, value=minutes))
    return minutes


def clamp_minutes(value: object) -> int:
    """A stored interval in minutes, within bounds (the default for anything unreadable)."""
    try:
        minutes = int(str(value))
    except ValueError:
        return DEFAULT_INTERVAL_MINUTES
    return max(MIN_INTERVAL_MINUTES, min(MAX_INTERVAL_MINUTES, minutes))


Writer = Callable[[Callable[[], Any]], Any]


def _record_office_syncs(db: Database, client: Any, writer: Writer | None) -> None:
    """Keep each office's last successful sync as the server's hello reports it (after this PC's own
    sync, so its office is current); a failure here leaves the previous figures."""
    from citydesk.store.models import LocalSetting
    from citydesk.sync.http import SyncError

    try:
        offices = client.hello().offices
    except SyncError:
        return  # the sync itself is done; the figures are refreshed by the next one
    value = {o.code: o.last_sync_at for o in offices}

    def save() -> None:
        with db.write() as session:
            session.merge(LocalSetting(key=OFFICES_SETTING, value=value))

    if writer is None:
        save()
    else:
        writer(save)  # the app's writer thread


def office_last_syncs(db: Database) -> dict[str, datetime | None]:
    """Each office's last successful sync (office code -> aware UTC time, None for never) as of this PC's
    last sync: what the weekly report's "data as of" line says per office. Empty before the first."""
    from citydesk.store.models import LocalSetting

    with db.read() as session:
        row = session.get(LocalSetting, OFFICES_SETTING)
    raw = row.value if row is not None and isinstance(row.value, dict) else {}
    out: dict[str, datetime | None] = {}
    for code, when in sorted(raw.items()):
        try:
            out[str(code)] = datetime.fromisoformat(str(when)) if when else None
        except ValueError:
            out[str(code)] = None
    return out


def save_unsent_changes(db: Database, path: Path) -> int:
    """Write this PC's changes not yet sent to `path` (JSON, replaced whole; works offline — for a PC
    the administrator removed, before it is connected again with `citydesk connect --reenrol`); returns
    how many changes it holds."""
    from citydesk.sync.outbox_export import export_outbox

    return export_outbox(db, path).changes
