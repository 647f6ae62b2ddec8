"""The engine against the real server app (through httpx, behind the fault injector) with real office
databases enrolled by `connect`: enrolment, tickets flowing both ways, lost and duplicated messages, a
PC clock running ahead, the lease lost mid-sync, cancel, a resumed snapshot, a server restored from an
older backup with an office that never comes back, and a change refused for a disabled user."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from citydesk.domain.clock import ManualClock
from citydesk.store.db import open_database
from citydesk.store.models import Category, Office, RejectedChange, User
from citydesk.sync import http, lease
from citydesk.sync.engine import SyncCancelled
from fault_injection import Fault
from sync_world import URL, World, server_admin, sync_world


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with sync_world(tmp_path) as made:
        yield made


def test_connect_enrols_downloads_the_city_and_pushes_nothing_of_its_own(world: World) -> None:
    a = world.enrol("front-desk")
    b = world.enrol("back-office")
    c = world.enrol("annex", office="PD")
    assert [r.state().number_prefix for r in (a, b, c)] == ["CLK-1", "CLK-2", "PD-1"]
    state = a.state()
    assert state.server_url == URL and state.device_number == 1 and state.pull_cursor is not None
    assert state.last_sync_at == world.clock.now()
    assert world.keyring.secrets[("citydesk", f"{URL}|{state.device_id}")]  # only in the keyring
    with a.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Office)) == 2
        assert s.scalar(select(Category.name)) == "Pothole"
        assert {u for u in s.scalars(select(User.username))} >= {"carla", "pete", "tomas", "sam", "system"}
    assert a.outbox() == 0 and a.sync().pushed == 0  # its setup rows are not changes


def test_tickets_and_notes_flow_both_ways_and_a_quiet_sync_does_nothing(world: World) -> None:
    from citydesk.services.ticket_work import add_note

    a, b = world.enrol("a"), world.enrol("b", office="PD")
    made = a.log("carla", "Pothole on Main")
    assert made.number == "CLK-1-000001"
    sent = a.sync()
    assert sent.pushed >= 2 and sent.rejected == () and a.outbox() == 0
    got = b.sync()
    assert b.tickets() == {"CLK-1-000001": "Pothole on Main"}
    assert made.ticket_id in got.ticket_ids
    world.clock.advance(minutes=1)
    add_note(b.db, actor=b.actor("pete"), ticket_id=made.ticket_id, body="Caller rang again", public=False)
    assert b.sync().pushed == 1
    a.sync()
    assert a.entries() == b.entries()
    assert ("note", "Caller rang again") in [(k, body) for _i, k, body in a.entries()]
    quiet = a.sync()
    assert (quiet.pushed, quiet.pulled, quiet.rejected, quiet.conflicts) == (0, 0, (), ())


def test_a_reply_lost_after_the_server_committed_is_retried_with_the_same_batch(world: World) -> None:
    a, b = world.enrol("a"), world.enrol("b")
    a.log("carla", "Streetlight out")
    world.injector.plan(Fault.DROP_REPLY, "push")
    with pytest.raises(http.ServerUnreachable):
        a.sync()
    kept = a.state()
    assert a.outbox() > 0 and kept.push_batch_id is not None  # kept, and the batch id remembered
    assert kept.last_error is not None and "nothing was lost" in kept.last_error
    a.sync()
    assert a.outbox() == 0 and a.state().push_batch_id is None
    b.sync()
    assert b.entries() == a.entries()  # every entry exactly once


@pytest.mark.parametrize(
    ("fault", "endpoint", "error"),
    [
        (Fault.DROP_REQUEST, "push", http.ServerUnreachable),
        (Fault.DUPLICATE, "push", None),
        (Fault.DROP_REQUEST, "pull", http.ServerUnreachable),
        (Fault.DROP_REPLY, "pull", http.ServerUnreachable),
        (Fault.CUT_PAGE, "pull", http.SyncError),
        (Fault.DUPLICATE, "pull", None),
        (Fault.DROP_REQUEST, "hello", http.ServerUnreachable),
    ],
)
def test_every_fault_is_survived_and_the_next_sync_converges(
    world: World, fault: Fault, endpoint: str, error: type[Exception] | None
) -> None:
    a, b = world.enrol("a"), world.enrol("b")
    a.log("carla", "Graffiti")
    a.sync()
    b.log("carla", "Fallen tree")
    world.injector.plan(fault, endpoint)
    if error is None:
        b.sync()
    else:
        with pytest.raises(error):
            b.sync()
    b.sync()
    a.sync()
    assert a.tickets() == b.tickets() and len(a.tickets()) == 2
    assert a.entries() == b.entries()
    assert a.outbox() == b.outbox() == 0


def test_a_pc_clock_ten_minutes_ahead_is_refused_once_then_restamped(world: World) -> None:
    fast = ManualClock(world.clock.now() + timedelta(minutes=10))
    a = world.enrol("fast", clock=fast)
    b = world.enrol("b")
    a.log("carla", "Flooded basement")
    result = a.sync()
    assert [f for e, f in world.injector.log if e == "push"].count(None) >= 2  # refused, then accepted
    assert result.clock_warning is not None and "ahead of the server's" in result.clock_warning
    assert a.state().clock_offset_ms == pytest.approx(-600_000, abs=1_000)
    assert a.outbox() == 0 and result.pushed >= 2
    b.sync()
    assert b.tickets() == {"CLK-1-000001": "Flooded basement"}
    fast.advance(minutes=1)
    world.clock.advance(minutes=1)
    a.log("carla", "Second one")  # stamped with the server's time now: no refusal
    before = len(world.injector.log)
    a.sync()
    assert [e for e, _f in world.injector.log[before:]].count("push") == 1


def test_a_lost_lease_aborts_the_page_and_writes_nothing(world: World) -> None:
    a, b = world.enrol("a"), world.enrol("b")
    a.log("carla", "Noise complaint")
    a.sync()
    cursor = b.state().pull_cursor
    other = open_database(b.db.path, clock=world.clock)

    def sleep_then_steal(request: object) -> None:  # the PC sleeps past the lease; another sync starts
        if str(getattr(request, "url", "")).find("/v1/sync/pull") >= 0 and world.injector.before:
            world.injector.before = None
            world.clock.advance(minutes=5)
            assert lease.acquire(other, holder="app", ttl=timedelta(minutes=2)) is not None

    world.injector.before = sleep_then_steal
    with pytest.raises(lease.LeaseLost):
        b.sync()
    assert b.state().pull_cursor == cursor and b.tickets() == {}
    other.close()
    world.clock.advance(minutes=3)
    b.sync()
    assert b.tickets() == a.tickets()


def test_cancel_stops_between_pages_and_the_next_sync_resumes(world: World) -> None:
    a, b = world.enrol("a"), world.enrol("b")
    for i in range(4):
        a.log("carla", f"Ticket {i}")
    a.sync()
    pages = [0]

    def cancel() -> bool:
        pages[0] += 1
        return pages[0] >= 3

    with pytest.raises(SyncCancelled):
        b.sync(cancel=cancel, page_size=2)
    part = b.tickets()
    assert 0 < len(part) < 4 and b.state().pull_cursor is not None
    b.sync(page_size=2)
    assert b.tickets() == a.tickets()


def test_a_snapshot_cut_midway_resumes_from_its_position(world: World) -> None:
    admin = server_admin()
    a, b = world.enrol("a"), world.enrol("b")
    for i in range(5):
        a.log("carla", f"Ticket {i}")
    a.sync()
    b.sync()
    admin.new_epoch(world.url, clock=world.clock)  # b must download everything again
    world.injector.plan(Fault.CUT_PAGE, "snapshot", skip=1)  # the second page is cut
    with pytest.raises(http.SyncError):
        b.sync(page_size=3)
    cut = b.state()
    assert cut.snapshot_cursor is not None and cut.snapshot_after is not None  # the first page is kept
    assert cut.pull_cursor is None
    b.sync(page_size=3)
    state = b.state()
    assert state.snapshot_cursor is None and state.pull_cursor is not None
    assert state.pull_cursor.startswith(state.server_epoch + ":")
    assert b.tickets() == a.tickets() and b.entries() == a.entries()


def test_a_resumed_snapshot_asks_for_the_page_after_the_last_applied(world: World) -> None:
    admin = server_admin()
    a, b = world.enrol("a"), world.enrol("b")
    for i in range(6):
        a.log("carla", f"Ticket {i}")
    a.sync()
    b.sync()
    admin.new_epoch(world.url, clock=world.clock)
    snapshot_pages: list[int] = []

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "snapshot" and done:
            snapshot_pages.append(done)

    with pytest.raises(SyncCancelled):
        b.sync(progress=progress, cancel=lambda: bool(snapshot_pages), page_size=4)
    assert len(snapshot_pages) == 1  # stopped right after the first snapshot page
    state = b.state()
    assert state.snapshot_cursor is not None and state.snapshot_after is not None
    before = len(world.injector.requests)
    b.sync(page_size=4)
    resumed = [r for r in world.injector.requests[before:] if r.url.path.endswith("/snapshot")]
    assert resumed[0].url.params.get("after") == state.snapshot_after  # not from the start again
    assert resumed[0].url.params.get("cursor") == state.snapshot_cursor
    assert b.state().snapshot_cursor is None and b.tickets() == a.tickets()


def test_a_server_restored_from_an_older_backup_gets_everything_back(world: World) -> None:
    admin = server_admin()
    a, b = world.enrol("a"), world.enrol("b", office="PD")
    backup = world.backup("before.sqlite")  # before any ticket
    a.log("carla", "Seen by b, then a never returns")
    a.sync()
    b.sync()
    b.log("pete", "B's own, acknowledged")
    b.sync()
    admin.new_epoch(f"sqlite+pysqlite:///{backup}", clock=world.clock)
    world.serve(backup)  # the server now runs on the restored copy
    b.sync()  # re-pushes its journal, relays a's ticket it had pulled
    c = world.enrol("c")
    assert (
        c.tickets()
        == b.tickets()
        == {
            "CLK-1-000001": "Seen by b, then a never returns",
            "PD-1-000001": "B's own, acknowledged",
        }
    )
    assert c.entries() == b.entries()


def test_a_change_by_a_user_disabled_while_the_office_was_offline_comes_back_refused(world: World) -> None:
    admin = server_admin()
    from citydesk.services.ticket_work import add_note

    a = world.enrol("a")
    made = a.log("carla", "Broken bench")
    a.sync()
    world.clock.advance(minutes=1)
    admin.disable_user(world.url, username="carla", clock=world.clock)
    world.clock.advance(minutes=1)
    add_note(a.db, actor=a.actor("carla"), ticket_id=made.ticket_id, body="after the disable", public=False)
    result = a.sync()
    assert len(result.rejected) == 1 and result.rejected[0].code == "author_inactive"
    assert a.outbox() == 0
    with a.db.read() as s:
        assert s.scalar(select(func.count()).select_from(RejectedChange)) == 1
    assert "after the disable" not in [body for _i, _k, body in a.entries()]


def test_a_restore_between_hello_and_push_restarts_the_cycle_in_the_new_epoch(world: World) -> None:
    admin = server_admin()
    a, b = world.enrol("a"), world.enrol("b")
    a.log("carla", "Restored meanwhile")
    epochs: list[str] = []

    def restore_once(request: object) -> None:
        if str(getattr(request, "url", "")).endswith("/v1/sync/push") and not epochs:
            epochs.append(admin.new_epoch(world.url, clock=world.clock))

    world.injector.before = restore_once
    before = len(world.injector.log)
    a.sync()
    assert a.state().server_epoch == epochs[0] and a.outbox() == 0
    assert [e for e, _f in world.injector.log[before:]].count("hello") == 2  # started over once
    b.sync()
    assert b.tickets() == a.tickets() == {"CLK-1-000001": "Restored meanwhile"}


def test_a_server_that_lost_acknowledged_changes_gets_them_again_from_the_journal(world: World) -> None:
    a = world.enrol("a")
    a.log("carla", "First")
    a.sync()
    backup = world.backup("lost-the-last-push.sqlite")  # same epoch: the server lost what follows
    a.log("carla", "Second")
    a.sync()
    world.serve(backup)
    a.log("carla", "Third")
    before = len(world.injector.log)
    a.sync()  # 409 sequence_gap: the journal goes again from the sequence the server expects
    assert [e for e, _f in world.injector.log[before:]].count("push") >= 3
    assert a.outbox() == 0
    c = world.enrol("c")
    assert c.tickets() == {"CLK-1-000001": "First", "CLK-1-000002": "Second", "CLK-1-000003": "Third"}


def test_a_too_old_citydesk_keeps_its_outbox_until_it_is_updated(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = world.enrol("a"), world.enrol("b")
    a.log("carla", "Made on an old version")
    monkeypatch.setattr("citydesk.sync.http.__version__", "0.0.9")
    with pytest.raises(http.ClientTooOld, match=r"older than the sync server accepts \(at least") as caught:
        a.sync()
    assert caught.value.min_version
    pending = a.outbox()
    assert pending >= 2 and "install the new version" in (a.state().last_error or "")
    monkeypatch.undo()
    a.sync()
    b.sync()
    assert a.outbox() == 0 and b.tickets() == {"CLK-1-000001": "Made on an old version"}


def test_each_committed_page_is_reported_and_runs_through_the_given_writer(world: World) -> None:
    import threading

    a, b = world.enrol("a"), world.enrol("b", office="PD")
    made = [a.log("carla", f"Streetlight out #{i}") for i in range(5)]
    pages: list[frozenset[str]] = []
    threads: list[str] = []

    def writer(fn: object) -> object:
        threads.append(threading.current_thread().name)
        return fn()  # type: ignore[operator]

    sent = a.sync(page_size=2, on_page=pages.append, writer=writer)
    assert sent.pushed >= 5 and len(pages) >= 3  # acknowledged batches of 2 changes at most
    assert set().union(*pages) == set()  # all accepted: nothing here changed (a refusal would undo)
    pages.clear()
    threads.clear()
    b.sync(page_size=2, on_page=pages.append, writer=writer)
    pulled = [p for p in pages if p]
    assert len(pulled) >= 3 and all(len(p) <= 2 for p in pulled)
    assert set().union(*pulled) == {m.ticket_id for m in made}
    # every page's transaction went through the writer, and so did the offices' last-sync figures
    assert len(threads) == len(pages) + 1


def test_each_offices_last_sync_from_hello_feeds_the_reports_data_as_of_line(world: World) -> None:
    from citydesk.reports.metrics.activity import office_syncs

    a, b = world.enrol("a"), world.enrol("b", office="PD")
    b_synced = world.clock.now()
    b.sync()
    world.clock.advance(minutes=30)
    a.sync()
    with a.db.read() as session:
        found = {o.code: o for o in office_syncs(session)}
    assert found["CLK"].is_local and found["CLK"].last_sync_at == world.clock.now()
    assert not found["PD"].is_local
    assert found["PD"].last_sync_at is not None and found["PD"].last_sync_at >= b_synced
    assert found["PD"].last_sync_at < world.clock.now()  # the annex's own sync, not this PC's
