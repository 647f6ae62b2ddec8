"""Quitting with sync in mind: changes not yet sent and the server reachable → how many, and "Sync and quit"
/ "Quit" / "Cancel"; nothing to send or no server → it just closes; quitting during a sync cancels it at
the next page and the window closes at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers_sync import OfficePC, office_pc, offline, sync

from citydesk.services import tickets
from citydesk.ui.sync.messages import FailureText
from sync_world import World, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


@pytest.fixture
def pc(qtbot: Any, world: World) -> Iterator[OfficePC]:
    with office_pc(qtbot, world) as made:
        yield made


def make_change(qtbot: Any, pc: OfficePC, title: str = "Graffiti on the bridge") -> int:
    pc.hub.mutate(tickets.create_ticket, title=title, channel="phone")
    qtbot.waitUntil(lambda: pc.hub.sync_state.pending > 0, timeout=5_000)
    return pc.hub.sync_state.pending


def ask_to_quit(qtbot: Any, pc: OfficePC) -> Any:
    pc.window.close()
    guard = pc.window.sync_bar.quit_guard
    qtbot.waitUntil(lambda: guard.box is not None and guard.box.isVisible(), timeout=5_000)
    assert pc.window.isVisible()  # it waits for the answer
    return guard


def test_quit_with_unsent_changes_says_how_many_and_cancel_keeps_the_window(
    qtbot: Any, world: World, pc: OfficePC
) -> None:
    pending = make_change(qtbot, pc)
    guard = ask_to_quit(qtbot, pc)
    assert f"{pending} changes made on this PC have not been sent" in guard.box.text()
    assert [b.text() for b in (guard.sync_button, guard.quit_button, guard.cancel_button)] == [
        "&Sync and quit", "&Quit", "Cancel"]  # fmt: skip
    assert guard.box.defaultButton() is guard.sync_button
    guard.cancel_button.click()
    qtbot.waitUntil(lambda: guard.box is None)
    assert pc.window.isVisible()


def test_quit_without_syncing_closes_and_keeps_the_changes(qtbot: Any, world: World, pc: OfficePC) -> None:
    pending = make_change(qtbot, pc)
    guard = ask_to_quit(qtbot, pc)
    guard.quit_button.click()
    qtbot.waitUntil(lambda: not pc.window.isVisible(), timeout=5_000)
    assert pc.pending() == pending


def test_sync_and_quit_sends_first_then_closes(qtbot: Any, world: World, pc: OfficePC) -> None:
    make_change(qtbot, pc)
    guard = ask_to_quit(qtbot, pc)
    with qtbot.waitSignal(pc.controller.finished, timeout=20_000):
        guard.sync_button.click()
    qtbot.waitUntil(lambda: not pc.window.isVisible(), timeout=5_000)
    assert pc.pending() == 0
    assert "Graffiti on the bridge" in world.enrol("annex", office="PD").tickets().values()


def test_offline_or_nothing_to_send_just_closes(qtbot: Any, world: World, pc: OfficePC) -> None:
    make_change(qtbot, pc)
    offline(world)
    assert isinstance(sync(qtbot, pc), FailureText)
    assert not pc.hub.sync_state.online
    pc.window.close()
    assert not pc.window.isVisible() and pc.window.sync_bar.quit_guard.box is None


def test_quitting_during_a_sync_cancels_at_the_next_page_without_waiting(
    qtbot: Any, world: World, pc: OfficePC
) -> None:
    other = world.enrol("annex", office="PD")
    for n in range(3):
        other.log("pete", f"Leaf pickup {n}")
    other.sync()
    reached, release = threading.Event(), threading.Event()

    def hold(request: httpx.Request) -> None:
        if request.url.path.endswith("pull"):
            reached.set()
            release.wait(20)  # the worker is mid-sync while the window closes

    world.injector.before = hold
    pc.controller.page_size = 2  # several pages
    finished: list[Any] = []
    pc.controller.finished.connect(finished.append)
    pc.controller.sync_now(manual=True)
    qtbot.waitUntil(reached.is_set, timeout=10_000)
    pc.window.close()  # returns at once: the GUI thread never waits for the worker
    assert not pc.window.isVisible()
    assert pc.controller.running
    world.injector.before = None
    release.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
    assert isinstance(finished[0], FailureText) and finished[0].kind == "cancelled"
    assert pc.replica.state().last_error is not None  # stopped between pages
    assert 0 < len(set(other.tickets()) & set(pc.replica.tickets())) < 3  # the first page is kept
