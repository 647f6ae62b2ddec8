"""Helpers for the app's sync tests: an office PC enrolled with the real server app (in-process, behind the
fault injector; only the OS keyring is in memory), its hub, sync controller and main window."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from helpers_detail import open_main_window

from citydesk.domain.clock import ManualClock
from citydesk.ui.app import CitydeskApp
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
