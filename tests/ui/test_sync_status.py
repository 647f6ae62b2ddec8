"""Sync in the app, against the real server app in-process (only the OS keyring is in memory): the status
bar through going offline, editing and coming back; F9; pulled pages; a revoked PC; another sync holding
the lease; the PC-clock warning; the conflicts count."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers_sync import OfficePC, office_pc, offline, online, sync
from PySide6.QtCore import Qt

from citydesk.domain.clock import ManualClock
from citydesk.services import tickets
from citydesk.services.ticket_work import change_priority
from citydesk.sync import lease
from citydesk.ui.events import SyncProgress, TicketsPulled
from citydesk.ui.sync.messages import FailureText
from fault_injection import Fault
from sync_world import World, server_admin, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


@pytest.fixture
def pc(qtbot: Any, world: World) -> Iterator[OfficePC]:
    with office_pc(qtbot, world) as made:
        yield made


def test_offline_edit_and_back_online_shows_in_the_status_bar(qtbot: Any, world: World, pc: OfficePC) -> None:
    bar = pc.bar
    qtbot.waitUntil(lambda: bar.connection.text() == "Online · synced just now")
    assert bar.connection.accessibleName() == "Connection: Online · synced just now"
    world.clock.advance(minutes=4)
    bar.show_status(pc.hub.sync_state)  # what the status bar's minute timer does
    assert bar.connection.text() == "Online · synced 4 min ago"

    offline(world)
    outcome = sync(qtbot, pc, key=True)  # F9
    assert isinstance(outcome, FailureText) and outcome.kind == "offline"
    assert bar.connection.text() == "Offline: the server cannot be reached · synced 4 min ago"
    assert "cannot be reached right now" in pc.window.notice_label.text()
    assert pc.controller.schedule.failures == 1

    before = pc.pending()
    pc.hub.mutate(tickets.create_ticket, title="Broken bench", channel="phone")
    qtbot.waitUntil(lambda: pc.hub.sync_state.pending > before, timeout=5_000)
    assert pc.pending() == pc.hub.sync_state.pending

    pc.window.notice_label.setText("")
    sync(qtbot, pc)  # still offline: the status says so, but the message came once
    assert pc.window.notice_label.text() == ""
    assert pc.controller.schedule.failures == 2

    online(world)
    world.clock.advance(minutes=1)
    steps: list[SyncProgress] = []
    pc.controller.progressed.connect(steps.append)
    shown: list[bool] = []
    pc.controller.progressed.connect(lambda _s: shown.append(bar.progress.isVisible()))
    pc.controller.network_changed(True)  # the network came back: a try soon, not after the backoff
    world.clock.advance(seconds=6)
    with qtbot.waitSignal(pc.controller.finished, timeout=20_000):
        pc.controller.tick()
    qtbot.waitUntil(lambda: pc.hub.sync_state.pending == 0, timeout=5_000)
    assert {s.phase for s in steps} >= {"hello", "push", "pull"}
    assert all(shown) and not bar.progress.isVisible()  # shown while syncing, hidden after
    assert bar.connection.text() == "Online · synced just now"
    assert pc.controller.schedule.failures == 0
    other = world.enrol("annex", office="PD")
    assert "Broken bench" in other.tickets().values()


def test_pulled_changes_arrive_as_one_event_per_page(qtbot: Any, world: World, pc: OfficePC) -> None:
    other = world.enrol("annex", office="PD")
    made = [other.log("pete", f"Streetlight out {n}") for n in range(3)]
    other.sync()
    pulled: list[TicketsPulled] = []
    pc.hub.tickets_pulled.connect(pulled.append)
    outcome = sync(qtbot, pc, key=True)
    assert outcome.pulled > 0
    assert pulled and all(isinstance(p, TicketsPulled) for p in pulled)
    assert {t.ticket_id for t in made} <= set().union(*(p.ticket_ids for p in pulled))
    assert "Synced:" in pc.window.message.text()


def test_a_revoked_pc_is_told_once_and_keeps_its_changes(qtbot: Any, world: World, pc: OfficePC) -> None:
    pc.hub.mutate(tickets.create_ticket, title="Icy steps", channel="phone")
    qtbot.waitUntil(lambda: pc.pending() > 0, timeout=5_000)
    waiting = pc.pending()
    server_admin().revoke_device(world.url, device="CLK-1", clock=world.clock)
    outcome = sync(qtbot, pc, key=True)
    assert outcome.kind == "revoked"
    assert "no longer accepts this PC" in pc.window.notice_label.text()
    assert "Save unsent changes" in pc.window.notice_label.text()
    assert pc.bar.connection.text().startswith("This PC may no longer sync · ")
    assert pc.pending() == waiting  # the outbox is kept
    assert pc.controller.schedule.next_at is None  # no background retries
    pc.window.notice_label.setText("")
    sync(qtbot, pc)
    assert pc.window.notice_label.text() == ""  # told once
    assert "Icy steps" in pc.replica.tickets().values()
    actions = pc.window.sync_actions
    assert actions.save_unsent.isEnabled()
    saved = pc.replica.db.path.with_name("unsent.json")
    actions.save_unsent_to(saved)  # File → Save unsent changes… (the file chooser is the outer edge)
    qtbot.waitUntil(lambda: "saved to" in pc.window.notice_label.text(), timeout=5_000)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert len(document["changes"]) == waiting and f"{waiting} changes" in pc.window.notice_label.text()


def test_another_sync_holding_the_lease_is_quiet(qtbot: Any, world: World, pc: OfficePC) -> None:
    token = lease.acquire(pc.replica.db, holder="cli")
    assert token is not None
    pc.window.notice_label.setText("")
    outcome = sync(qtbot, pc)
    assert outcome.kind == "busy"
    assert pc.window.notice_label.text() == ""
    assert pc.bar.connection.text() == "Online · synced just now"
    assert pc.controller.schedule.failures == 0
    lease.release(pc.replica.db, token)
    assert sync(qtbot, pc).pulled >= 0


def test_a_wrong_pc_clock_is_warned_about(qtbot: Any, world: World) -> None:
    with office_pc(qtbot, world, clock=ManualClock(world.clock.now())) as pc:
        assert not pc.bar.clock.isVisibleTo(pc.window)
        pc.replica.clock.advance(minutes=-3)  # this PC's clock runs behind the server's
        outcome = sync(qtbot, pc)
        assert outcome.clock_warning and "3 minutes behind" in outcome.clock_warning
        qtbot.waitUntil(lambda: pc.bar.clock.isVisibleTo(pc.window), timeout=5_000)
        assert pc.bar.clock.text() == "⚠ This PC's clock is wrong"
        assert "3 minutes behind" in pc.bar.clock.toolTip()
        assert pc.bar.clock.accessibleDescription() == pc.bar.clock.toolTip()


def test_conflicts_count_opens_the_conflicts_view(qtbot: Any, world: World, pc: OfficePC) -> None:
    other = world.enrol("annex", office="PD")
    made = other.log("pete", "Sinkhole on Elm")
    other.sync()
    sync(qtbot, pc)
    change_priority(pc.replica.db, actor=pc.replica.actor("sam"), ticket_id=made.ticket_id, priority="P1")
    change_priority(other.db, actor=other.actor("sam"), ticket_id=made.ticket_id, priority="OPS")
    other.sync()
    sync(qtbot, pc)
    qtbot.waitUntil(lambda: pc.bar.conflicts.isVisibleTo(pc.window), timeout=5_000)
    assert pc.bar.conflicts.text() == "1 conflict"
    assert pc.bar.conflicts.accessibleName() == "1 conflict"
    assert "View → Conflicts" in pc.window.notice_label.text()
    if not hasattr(pc.window, "open_conflicts"):  # the fallback before the Conflicts view exists
        qtbot.mouseClick(pc.bar.conflicts, Qt.MouseButton.LeftButton)
        assert "View → Conflicts" in pc.window.message.text()
    opened: list[bool] = []
    pc.window.open_conflicts = lambda: opened.append(True)
    qtbot.mouseClick(pc.bar.conflicts, Qt.MouseButton.LeftButton)
    assert opened == [True]


def test_a_too_old_app_says_update_and_keeps_everything(
    qtbot: Any, world: World, pc: OfficePC, monkeypatch: pytest.MonkeyPatch
) -> None:
    pc.hub.mutate(tickets.create_ticket, title="Loose manhole cover", channel="phone")
    qtbot.waitUntil(lambda: pc.pending() > 0, timeout=5_000)
    waiting = pc.pending()
    monkeypatch.setattr("citydesk.sync.http.__version__", "0.0.1")  # what the server is told
    outcome = sync(qtbot, pc, key=True)
    assert outcome.kind == "too_old"
    assert "Ask IT to update citydesk" in pc.window.notice_label.text()
    assert pc.bar.connection.text().startswith("Update citydesk to send your changes · ")
    assert pc.pending() == waiting
    assert pc.controller.schedule.next_at is not None  # receiving goes on at the usual interval


def test_no_keyring_explains_how_to_set_one_up(qtbot: Any, world: World, pc: OfficePC) -> None:
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        outcome = sync(qtbot, pc, key=True)
    finally:
        keyring.set_keyring(previous)
    assert outcome.kind == "keyring"
    notice = pc.window.notice_label.text()
    assert "only in the system's keyring" in notice and "Secret Service" in notice
    assert pc.bar.connection.text().startswith("Cannot sync: no keyring on this PC · ")
    assert pc.controller.schedule.next_at is None


def test_the_server_gone_mid_sync_keeps_the_pages_received(qtbot: Any, world: World, pc: OfficePC) -> None:
    other = world.enrol("annex", office="PD")
    for n in range(4):
        other.log("pete", f"Tree down {n}")
    other.sync()
    before = len(pc.replica.tickets())
    pc.controller.page_size = 2
    world.injector.plan(Fault.DROP_REQUEST, "pull", skip=1)  # the second page never arrives
    outcome = sync(qtbot, pc)
    assert isinstance(outcome, FailureText) and outcome.kind == "offline"
    assert len(pc.replica.tickets()) > before  # the first page is kept
    assert not {f"Tree down {n}" for n in range(4)} <= set(pc.replica.tickets().values())
    assert pc.bar.connection.text().startswith("Offline: the server cannot be reached · ")
    sync(qtbot, pc)  # back: it resumes where it stopped
    assert {f"Tree down {n}" for n in range(4)} <= set(pc.replica.tickets().values())
    assert pc.bar.connection.text() == "Online · synced just now"


def test_each_offices_last_sync_is_kept_for_the_weekly_report(qtbot: Any, world: World, pc: OfficePC) -> None:
    from citydesk.jobs.background_sync import office_last_syncs

    other = world.enrol("annex", office="PD")
    world.clock.advance(minutes=10)
    other.sync()
    world.clock.advance(minutes=5)
    sync(qtbot, pc)
    seen = office_last_syncs(pc.replica.db)
    assert set(seen) == {"CLK", "PD"}
    assert seen["CLK"] == world.clock.now()
    assert seen["PD"] == world.clock.now() - timedelta(minutes=5)
