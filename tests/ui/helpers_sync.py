"""Helpers for the app's sync tests: an office PC enrolled with the real server app (in-process, behind the
fault injector; only the OS keyring is in memory), its hub, sync controller and main window; and
`app_sync`, one sync run the way the app runs it (HTTP on the task runner's HTTP pool, each page on its
writer thread, one `TicketsPulled` per committed page)."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from helpers_detail import open_main_window

from citydesk.domain.clock import ManualClock
from citydesk.sync.engine import SyncResult, sync_once
from citydesk.ui.app import CitydeskApp
from citydesk.ui.events import TicketsPulled
from citydesk.ui.sync.controller import SyncController
from sync_world import Replica, World


@dataclass
class OfficePC:
    """An enrolled office database open in the app: hub, controller and main window."""

    replica: Replica
    hub: CitydeskApp
    controller: SyncController
    window: Any  # MainWindow

    @property
    def bar(self) -> Any:
        """The window's sync status sections."""
        return self.window.sync_bar

    def pending(self) -> int:
        """Outbox rows waiting."""
        return self.replica.outbox()


def offline(world: World) -> None:
    """From now on every request fails as if the network were gone."""

    def cut(request: httpx.Request) -> None:
        raise httpx.ConnectError("injected: no network", request=request)

    world.injector.before = cut


def online(world: World) -> None:
    """The network is back."""
    world.injector.before = None


@contextmanager
def office_pc(
    qtbot: Any,
    world: World,
    name: str = "front-desk",
    user: str = "carla",
    *,
    clock: ManualClock | None = None,
) -> Iterator[OfficePC]:
    """Enrol a PC (`connect`; its own `clock` when given), open it in the app signed in as `user`."""
    replica = world.enrol(name, clock=clock)
    hub = CitydeskApp(replica.db)
    controller = SyncController(hub, http_client=world.injector.client, rng=random.Random(15))
    window = open_main_window(qtbot, hub, replica.actor(user))
    qtbot.waitUntil(lambda: hub.sync_state.connected, timeout=5_000)
    try:
        yield OfficePC(replica, hub, controller, window)
    finally:
        controller.stop()
        window.sync_bar.quit_guard.confirmed = True
        window.close()
        hub.runner.shutdown(wait=True)


def sync(qtbot: Any, pc: OfficePC, *, key: bool = False) -> Any:
    """Run one sync (F9 on the window when `key`) and return what it finished with."""
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(pc.controller.finished, timeout=20_000) as finished:
        if key:
            qtbot.keyClick(pc.window, Qt.Key.Key_F9)
        else:
            assert pc.controller.sync_now(manual=True)
    qtbot.waitUntil(lambda: not pc.hub.runner.in_flight, timeout=5_000)
    return finished.args[0]


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
