"""The HLC merges every received stamp and saves it with the applied rows; HLC columns hold 64 bits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import BigInteger, select, update
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

import capture_check
from citydesk.domain.clock import to_ms
from citydesk.services import tickets as svc
from citydesk.services.requesters import update_requester
from citydesk.services.ticket_work import add_note
from citydesk.store.models import Base, FieldClock, Outbox, SyncState, TimelineEntry
from citydesk.sync import hlc
from citydesk.sync.capture import merge_received_hlc
from factories import Office

WALL = st.integers(0, 2**40)
COUNTER = st.integers(0, 1000)


def textbook_receive(local: tuple[int, int], remote: tuple[int, int], physical: int) -> tuple[int, int]:
    """Kulkarni et al.'s receive rule on (wall, counter) pairs: the reference the packed form must match."""
    (l_wall, l_count), (r_wall, r_count) = local, remote
    wall = max(l_wall, r_wall, physical)
    if wall == l_wall == r_wall:
        return wall, max(l_count, r_count) + 1
    if wall == l_wall:
        return wall, l_count + 1
    if wall == r_wall:
        return wall, r_count + 1
    return wall, 0


@given(WALL, COUNTER, WALL, COUNTER, WALL)
def test_receive_is_the_hybrid_logical_clock_rule(
    l_wall: int, l_count: int, r_wall: int, r_count: int, physical: int
) -> None:
    merged = hlc.receive(hlc.pack(l_wall, l_count), hlc.pack(r_wall, r_count), physical)
    wall, count = textbook_receive((l_wall, l_count), (r_wall, r_count), physical)
    assert merged == hlc.pack(wall, count)


def state_hlc(office: Office) -> int:
    with office.db.read() as s:
        return int(s.scalar(select(SyncState.hlc)) or 0)


def test_a_slow_clock_office_edits_above_a_change_it_received(office: Office) -> None:
    """A change stamped 10 minutes ahead of this PC's clock: the PC's next edit still sorts after it."""
    created = svc.create_ticket(office.db, actor=office.clerk, title="Leaking hydrant", channel="phone")
    remote = hlc.pack(to_ms(office.clock.now() + timedelta(minutes=10)), 7)
    with office.db.write() as session:
        saved = merge_received_hlc(session, office.db.clock, [hlc.pack(0), remote, remote - 5])
    assert saved > remote and state_hlc(office) == saved  # persisted in sync_state
    office.clock.advance(seconds=1)  # still far behind the remote stamp
    note = add_note(
        office.db, actor=office.clerk, ticket_id=created.ticket_id, body="Called back.", public=False
    )
    update_requester(office.db, actor=office.clerk, requester_id=office.citizen, email="jr@example.org")
    with office.db.read() as s:
        assert s.scalar(select(TimelineEntry.hlc).where(TimelineEntry.id == note.entry_id)) > remote
        email = s.scalar(
            select(FieldClock.hlc).where(FieldClock.row_id == office.citizen, FieldClock.field == "email")
        )
        assert email is not None and email > saved


def test_the_merged_clock_rolls_back_with_the_rows(office: Office) -> None:
    before = state_hlc(office)
    remote = hlc.pack(to_ms(office.clock.now() + timedelta(hours=1)))
    with pytest.raises(RuntimeError), office.db.write() as session:
        merge_received_hlc(session, office.db.clock, [remote])
        raise RuntimeError("the page failed to apply")
    assert state_hlc(office) == before
    with office.db.write() as session:
        assert merge_received_hlc(session, office.db.clock, []) == before  # nothing received: unchanged


def test_hlc_columns_are_64_bit_and_round_trip_above_2_to_the_31(office: Office) -> None:
    hlc_columns = [t.c.hlc for t in Base.metadata.tables.values() if "hlc" in t.c]
    assert {c.table.name for c in hlc_columns} >= {
        "field_clock", "timeline_entry", "contact_log", "sync_state", "outbox", "sent_journal"
    }  # fmt: skip
    for column in hlc_columns:
        assert isinstance(column.type, BigInteger), column
        assert "hlc BIGINT" in str(CreateTable(column.table).compile(dialect=postgresql.dialect()))
    big = 2**62 + 2**31 + 12_345  # far above 2**31 and above any packed wall clock of this century
    direct = capture_check.unwatched("a clock written directly to test the column type")
    with direct, office.db.write() as session:
        session.execute(update(SyncState).values(hlc=big))
        session.add(FieldClock(table_name="requester", row_id="r", field="name", hlc=big, device_id="d"))
    with office.db.read() as s:
        assert s.scalar(select(SyncState.hlc)) == big
        assert s.scalar(select(FieldClock.hlc).where(FieldClock.row_id == "r")) == big
    note = svc.create_ticket(office.db, actor=office.clerk, title="Stamp after a big clock", channel="phone")
    with office.db.read() as s:
        assert s.scalar(select(TimelineEntry.hlc).where(TimelineEntry.id == note.entry_id)) == big + 1
        assert s.scalar(select(Outbox.hlc).order_by(Outbox.seq.desc()).limit(1)) == big + 1
