"""The engine's own parts, without the server or the local sync interface: refusals before a cycle starts,
the lease between pages, failures saved as last_error, the in-flight batch id, the PC clock's offset."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from citydesk.store.models import Outbox, SyncState
from citydesk.sync import engine, http, lease, messages, wire
from citydesk.sync.engine_cycle import Cycle, SyncCancelled, clock_warning, read_state
from citydesk.sync.engine_push import in_flight, offset_ms
from factories import Office, mark_demo


def enrol(office: Office, url: str = "http://testserver") -> None:
    """Make the test office look enrolled (device-local state only)."""
    with office.db.write() as session:
        session.execute(update(SyncState).where(SyncState.id == 1).values(server_url=url, server_epoch="E1"))


@pytest.fixture
def failing() -> Iterator[tuple[http.SyncClient, list[int]]]:
    """A server whose every endpoint answers with the status in `status[0]`."""
    status = [503]
    app = FastAPI()

    @app.api_route("/{path:path}", methods=["GET", "POST"])
    def everything(path: str) -> JSONResponse:
        return JSONResponse(messages.error_body("nope", f"status {status[0]}"), status_code=status[0])

    with TestClient(app) as test_client:
        yield http.SyncClient("http://testserver", credential="c", client=test_client), status


def outbox(office: Office) -> int:
    with office.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Outbox)) or 0)


def test_a_standalone_database_is_not_enrolled(office: Office, failing: Any) -> None:
    with pytest.raises(engine.NotEnrolled, match="citydesk connect"):
        engine.sync_once(office.db, failing[0])
    assert lease.holder(office.db) is None


def test_the_demo_database_never_syncs(office: Office, failing: Any) -> None:
    enrol(office)
    mark_demo(office.db)
    with pytest.raises(engine.NotEnrolled, match="demo"):
        engine.sync_once(office.db, failing[0])


def test_a_second_sync_while_one_runs_is_busy(office: Office, failing: Any) -> None:
    enrol(office)
    token = lease.acquire(office.db, holder="app", ttl=engine.LEASE_TTL)
    assert token is not None
    with pytest.raises(engine.SyncBusy, match=r"running \(app\)"):
        engine.sync_once(office.db, failing[0])
    lease.release(office.db, token)


@pytest.mark.parametrize(
    ("status", "error", "words"),
    [(503, http.ServerUnreachable, "nothing was lost"), (401, http.Unauthorized, "credential")],
)
def test_a_failed_cycle_saves_its_error_keeps_the_outbox_and_releases_the_lease(
    office: Office, failing: Any, status: int, error: type[Exception], words: str
) -> None:
    enrol(office)
    client, answer = failing
    answer[0] = status
    before = outbox(office)
    assert before > 0
    with pytest.raises(error, match=words):
        engine.sync_once(office.db, client)
    with office.db.read() as s:
        row = s.execute(select(SyncState)).scalar_one()
    assert row.last_attempt_at == office.clock.now()
    assert row.last_error is not None and words in row.last_error
    assert row.last_sync_at is None
    assert outbox(office) == before
    assert lease.holder(office.db) is None  # released: the next sync may start


def test_between_pages_stops_on_cancel_and_on_a_lost_lease(office: Office, failing: Any) -> None:
    token = lease.acquire(office.db, holder="cli", ttl=engine.LEASE_TTL)
    assert token is not None
    stop = [False]
    cycle = Cycle(db=office.db, client=failing[0], token=token, cancel=lambda: stop[0])
    cycle.between_pages()  # renews (no renewal known yet)
    assert lease.holder(office.db) == ("cli", office.clock.now() + engine.LEASE_TTL)
    office.clock.advance(seconds=20)
    cycle.between_pages()  # less than a quarter of the lease's time since: no write
    assert lease.holder(office.db) == ("cli", office.clock.now() - timedelta(seconds=20) + engine.LEASE_TTL)
    office.clock.advance(seconds=10)
    writes: list[object] = []
    cycle.writer = lambda fn: writes.append(fn) or fn()
    cycle.between_pages()  # 30 s = a quarter of two minutes: renewed, through the writer
    assert lease.holder(office.db) == ("cli", office.clock.now() + engine.LEASE_TTL)
    assert len(writes) == 1
    stop[0] = True
    with pytest.raises(SyncCancelled, match="saved"):
        cycle.between_pages()
    stop[0] = False
    office.clock.advance(minutes=3)
    assert lease.acquire(office.db, holder="app", ttl=engine.LEASE_TTL) is not None
    with pytest.raises(lease.LeaseLost):
        cycle.between_pages()
    with pytest.raises(lease.LeaseLost):
        cycle.write_state(pull_cursor="E1:5")  # the engine's own writes check the lease too
    assert read_state(office.db).pull_cursor is None


@dataclasses.dataclass(frozen=True)
class Batch:
    changes: tuple[wire.Change, ...]
    seq_first: int
    seq_last: int


def change(seq: int) -> wire.Change:
    return wire.Change(change_id=f"c{seq}", table="timeline_entry", op=wire.Op.ENTRY, row_id=f"c{seq}",
                       hlc=seq, device_id="d", author_id="u", data={}, seq=seq)  # fmt: skip


def test_a_batch_in_flight_goes_again_with_its_id_and_range(office: Office, failing: Any) -> None:
    token = lease.acquire(office.db, holder="cli", ttl=engine.LEASE_TTL)
    assert token is not None
    cycle = Cycle(db=office.db, client=failing[0], token=token)
    first = Batch(tuple(change(s) for s in (3, 4, 5)), 3, 5)
    sent, batch_id = in_flight(cycle, first, None, None)
    assert sent is first
    state = read_state(office.db)
    assert (state.push_batch_id, state.push_batch_last) == (batch_id, 5)  # saved before sending
    grown = Batch(tuple(change(s) for s in (3, 4, 5, 6, 7)), 3, 7)  # new edits arrived meanwhile
    again, same_id = in_flight(cycle, grown, state.push_batch_id, state.push_batch_last)
    assert same_id == batch_id
    assert ([c.seq for c in again.changes], again.seq_first, again.seq_last) == ([3, 4, 5], 3, 5)
    later = Batch(tuple(change(s) for s in (6, 7)), 6, 7)  # after the acknowledgement
    _, other_id = in_flight(cycle, later, batch_id, 5)
    assert other_id != batch_id and read_state(office.db).push_batch_id == other_id


def test_clock_offset_and_warning() -> None:
    now = datetime(2026, 11, 16, 15, 0, tzinfo=UTC)
    assert offset_ms("2026-11-16T14:50:00+00:00", now) == -600_000  # the PC is 10 minutes ahead
    assert offset_ms("2026-11-16T09:00:30-06:00", now) == 30_000
    with pytest.raises(http.BadReply):
        offset_ms("2026-11-16T14:50:00", now)
    with pytest.raises(http.BadReply):
        offset_ms("yesterday", now)
    assert clock_warning(30_000) is None and clock_warning(-59_999) is None
    ahead = clock_warning(-600_000)
    assert ahead is not None and "10 minutes ahead of the server's" in ahead
    behind = clock_warning(90_000)
    assert behind is not None and "2 minutes behind" in behind


def test_the_journal_keeps_90_days_and_is_pruned_at_most_daily(office: Office) -> None:
    from citydesk.store.models import SentJournal

    def journal(seq: int, days_ago: int) -> SentJournal:
        return SentJournal(change_id=f"c{seq}", seq=seq, op="entry", table_name="timeline_entry",
                           row_id=f"c{seq}", field=None, hlc=seq, batch_id="b",
                           acked_at=office.clock.now() - timedelta(days=days_ago))  # fmt: skip

    with office.db.write() as session:
        session.add_all([journal(1, 120), journal(2, 91), journal(3, 80), journal(4, 0)])
    assert engine.prune_journal(office.db) == 2
    with office.db.write() as session:
        session.add(journal(5, 100))
    office.clock.advance(hours=23)
    assert engine.prune_journal(office.db) == 0  # pruned less than a day ago
    office.clock.advance(hours=2)
    assert engine.prune_journal(office.db) == 1
    with office.db.read() as session:
        assert sorted(session.scalars(select(SentJournal.seq))) == [3, 4]
