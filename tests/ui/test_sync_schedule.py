"""The background sync's timetable with a manual clock (no sleeps): every few minutes while the server
answers, exponential backoff with jitter (capped) while it does not, soon after a wake-up or the network
returning; the interval kept as a setting of this PC; the scheduler's ticks drive real syncs."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers_sync import OfficePC, office_pc, offline, online

from citydesk.domain.errors import ValidationError
from citydesk.jobs.background_sync import set_sync_interval_minutes, sync_interval_minutes
from citydesk.ui.sync.schedule import (
    FIRST_RETRY,
    MAX_BACKOFF,
    SOON,
    TICK,
    SyncSchedule,
    backoff_delay,
)
from factories import START, Office
from sync_world import World, sync_world


def test_backoff_doubles_with_jitter_up_to_half_an_hour() -> None:
    rng = random.Random(7)
    ceilings = [min(MAX_BACKOFF, FIRST_RETRY * 2 ** (n - 1)) for n in range(1, 12)]
    delays = [backoff_delay(n, rng) for n in range(1, 12)]
    for delay, ceiling in zip(delays, ceilings, strict=True):
        assert ceiling / 2 <= delay <= ceiling  # "equal jitter": between half and all of the ceiling
    assert ceilings[:4] == [timedelta(seconds=30), timedelta(minutes=1), timedelta(minutes=2),
                            timedelta(minutes=4)]  # fmt: skip
    assert max(delays) <= timedelta(minutes=30) and ceilings[-1] == timedelta(minutes=30)
    again = [backoff_delay(5, random.Random(seed)) for seed in range(20)]
    assert len(set(again)) > 1  # offices do not retry in step


def test_the_timetable_with_a_manual_clock() -> None:
    schedule = SyncSchedule(interval=timedelta(minutes=5), rng=random.Random(1))
    now = START
    schedule.start(now)
    assert not schedule.due(now)
    now += SOON
    assert schedule.due(now)  # soon after start
    schedule.succeeded(now)
    now += TICK
    assert not schedule.due(now)
    now += timedelta(minutes=5)
    assert schedule.due(now)  # every five minutes
    waits = []
    for _ in range(8):
        waits.append(schedule.failed(now))
        assert not schedule.due(now + waits[-1] - timedelta(seconds=1))
        now += waits[-1]
        assert schedule.due(now)
    assert waits[0] <= FIRST_RETRY < waits[3] and waits[-1] >= MAX_BACKOFF / 2
    schedule.failed(now)
    schedule.soon(now)  # the network came back
    assert schedule.due(now + SOON)
    assert schedule.failures == 9  # a failure after that keeps backing off from where it was
    schedule.succeeded(now)
    assert schedule.failures == 0


def test_a_wall_clock_jump_between_ticks_is_a_wake_up() -> None:
    schedule = SyncSchedule(interval=timedelta(minutes=30), rng=random.Random(1))
    schedule.start(START)
    schedule.succeeded(START)
    now = START
    for _ in range(4):
        now += TICK
        assert not schedule.due(now)
    assert schedule.woke == 0
    now += timedelta(minutes=20)  # no tick for twenty minutes: the PC slept
    schedule.due(now)
    assert schedule.woke == 1 and schedule.next_at == now + SOON
    assert schedule.due(now + SOON)
    schedule.succeeded(now + SOON)
    assert not schedule.due(now - timedelta(hours=1))  # the clock set back: also "soon"
    assert schedule.woke == 2 and schedule.due(now)


def test_the_interval_is_a_setting_of_this_pc(office: Office) -> None:
    assert sync_interval_minutes(office.db) == 5
    assert set_sync_interval_minutes(office.db, 15) == 15
    assert sync_interval_minutes(office.db) == 15
    with pytest.raises(ValidationError):
        set_sync_interval_minutes(office.db, 0)
    assert sync_interval_minutes(office.db) == 15  # nothing written


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


@pytest.fixture
def pc(qtbot: Any, world: World) -> Iterator[OfficePC]:
    with office_pc(qtbot, world) as made:
        yield made


def tick(qtbot: Any, pc: OfficePC, *, syncs: bool) -> None:
    """One scheduler tick; wait for the sync it starts (if it should)."""
    if syncs:
        with qtbot.waitSignal(pc.controller.finished, timeout=20_000):
            pc.controller.tick()
        qtbot.waitUntil(lambda: not pc.hub.runner.in_flight, timeout=5_000)
    else:
        pc.controller.tick()
        assert not pc.controller.running


def test_ticks_sync_on_the_timetable_and_back_off_while_offline(
    qtbot: Any, world: World, pc: OfficePC
) -> None:
    clock = world.clock
    pc.controller.start(scheduler=False)
    qtbot.waitUntil(lambda: not pc.hub.runner.in_flight, timeout=5_000)
    tick(qtbot, pc, syncs=False)  # just started: soon, not yet
    clock.advance(seconds=5)
    tick(qtbot, pc, syncs=True)
    clock.advance(minutes=2)
    tick(qtbot, pc, syncs=False)
    clock.advance(minutes=3)
    tick(qtbot, pc, syncs=True)  # five minutes later
    offline(world)
    clock.advance(minutes=5)
    tick(qtbot, pc, syncs=True)
    assert pc.controller.schedule.failures == 1
    wait = pc.controller.schedule.next_at - clock.now()
    assert timedelta(seconds=15) <= wait <= timedelta(seconds=30)
    clock.advance(seconds=14)
    tick(qtbot, pc, syncs=False)
    clock.advance(seconds=wait.total_seconds() - 14)
    tick(qtbot, pc, syncs=True)
    assert pc.controller.schedule.failures == 2
    online(world)
    pc.controller.network_changed(True)
    clock.advance(seconds=5)
    tick(qtbot, pc, syncs=True)
    assert pc.controller.schedule.failures == 0
    assert pc.bar.connection.text() == "Online · synced just now"


def test_background_sync_settings_dialog(qtbot: Any, world: World, pc: OfficePC) -> None:
    actions = pc.window.sync_actions
    assert actions.interval.isEnabled()
    dialog = actions.open_interval()
    assert dialog.minutes.value() == 5
    assert dialog.minutes.accessibleName().startswith("Sync every")
    dialog.minutes.setValue(20)
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        dialog.submit()
    assert sync_interval_minutes(pc.replica.db) == 20
    assert pc.controller.schedule.interval == timedelta(minutes=20)


def test_the_scheduler_thread_ticks_the_controller(qtbot: Any, world: World, pc: OfficePC) -> None:
    """The APScheduler job only emits a signal; the tick runs on the GUI thread."""
    pc.controller.start()
    try:
        job = pc.controller.scheduler.get_job("citydesk-sync-tick")
        assert job is not None and job.trigger.interval == TICK
        with qtbot.waitSignal(pc.controller.started, timeout=10_000):
            world.clock.advance(seconds=5)
            job.func()  # what the scheduler's thread calls every 30 s
    finally:
        pc.controller.stop()
    assert pc.controller.scheduler is None
