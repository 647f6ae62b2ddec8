"""Sync by file for the desktop app (the UI reaches `sync` only through services): the status the
dialog shows, writing this PC's file, and reading the server's reply. See `citydesk.sync.by_file`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from citydesk.store.db import Database
from citydesk.sync import by_file
from citydesk.sync.by_file import FileSyncStatus, ReplyRead, RequestWritten
from citydesk.sync.engine_cycle import Cancel, PageDone, Progress, Writer

if TYPE_CHECKING:
    import httpx

__all__ = [
    "FileSyncStatus",
    "ReplyRead",
    "RequestWritten",
    "enable_file_sync_here",
    "read_sync_reply",
    "sync_file_status",
    "write_sync_file",
]


def sync_file_status(db: Database) -> FileSyncStatus:
    """Whether this PC can sync by file, what waits, the last file written and the last reply read."""
    return by_file.file_sync_status(db)


def write_sync_file(db: Database, target: Path) -> RequestWritten:
    """Write this PC's unsent changes to `target` (a USB stick), signed."""
    return by_file.write_request(db, target)


def read_sync_reply(
    db: Database,
    source: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    writer: Writer | None = None,
    on_page: PageDone | None = None,
) -> ReplyRead:
    """Check and apply the server's reply at `source`; each page's transaction runs through `writer`."""
    return by_file.read_reply(db, source, progress=progress, cancel=cancel, writer=writer, on_page=on_page)


def enable_file_sync_here(db: Database, *, client: httpx.Client | None = None) -> str:
    """While this PC is connected: set it up to sync by file too (its key registered with the server over
    its own credential). Returns the city's name. `client` (tests) reaches the server in-process."""
    from citydesk.sync.by_file_enrol import enable_file_sync
    from citydesk.sync.connect import saved_ca_bundle
    from citydesk.sync.credentials import load_credential
    from citydesk.sync.engine_cycle import read_state
    from citydesk.sync.http import SyncClient, Unauthorized

    state = read_state(db)
    credential = load_credential(state.server_url, state.device_id) if state.server_url else None
    if not state.server_url or credential is None:
        raise Unauthorized(
            "This PC has no connection credential in its keyring; it cannot set this up itself."
        )
    with SyncClient(
        state.server_url, credential=credential, client=client, ca_bundle=saved_ca_bundle(db)
    ) as sync:
        return enable_file_sync(db, sync)
