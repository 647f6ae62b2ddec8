"""Helpers for the UI tests of sync: the app on an enrolled office database of a sync world (the real
server app in-process, the in-memory keyring), and a sync run the way the app runs it: HTTP on the task
runner's HTTP pool, each page's transaction on its writer thread, one `TicketsPulled` per committed page
(what the "syncui" controller does with the engine's `on_page` hook)."""

from __future__ import annotations

import time
from typing import Any

from citydesk.sync.engine import SyncResult, sync_once
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import TicketsPulled
from sync_world import Replica


def app_sync(
    qtbot: Any,
    hub: CitydeskApp,
    replica: Replica,
    *,
    timeout: int = 30_000,
    committed: list[float] | None = None,
) -> SyncResult:
    """One sync of `replica` (whose database the hub shows) in the background; returns its result.
    `committed` gets the `time.perf_counter()` of each page's commit."""
    assert hub.db is replica.db

    def writer(fn: Any) -> Any:
        return hub.runner.write(fn).result()

    def on_page(ticket_ids: frozenset[str]) -> None:
        if committed is not None:
            committed.append(time.perf_counter())
        hub.tickets_pulled.emit(TicketsPulled(ticket_ids))  # queued to the GUI thread's receivers

    results: list[Any] = []
    errors: list[BaseException] = []
    hub.runner.http(
        lambda: sync_once(replica.db, replica.client, holder="app", on_page=on_page, writer=writer),
        results.append,
        errors.append,
    )
    qtbot.waitUntil(lambda: bool(results or errors), timeout=timeout)
    if errors:
        raise errors[0]
    return results[0]
