"""Outgoing batches, journal re-pushes, relays, re-stamping and conflicts, on real office databases."""

from __future__ import annotations

import dataclasses

import pytest
from replicas import Relay, Replica
from sqlalchemy import select

from citydesk.domain.clock import to_ms
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services import requesters, tickets
from citydesk.store.models import FieldClock, Outbox, SyncState, TimelineEntry
from citydesk.store.ticket_cache import load_entries
from citydesk.sync import hlc as hlc_mod
from citydesk.sync import wire
from citydesk.sync.compare import derived_problems
from citydesk.sync.conflicts import open_conflicts, ticket_conflicts
from citydesk.sync.outgoing import (
    OutgoingError,
    journal_batch,
    local_change_ids,
    next_batch,
    pending_counts,
    relay_changes,
)
from citydesk.sync.restamp import restamp_unpushed


def test_a_batch_carries_rows_as_they_are_now(pair: list[Replica]) -> None:
    a, _b = pair
    o = a.office
    made = tickets.create_ticket(
        a.db, actor=o.clerk, title="Pothole", channel="phone", requester_id=o.citizen
    )
    new = requesters.create_requester(a.db, actor=o.clerk, name="Ann", phone="555-0101").requester_id
    requesters.update_requester(a.db, actor=o.tech, requester_id=new, name="Anne")
    requesters.update_requester(a.db, actor=o.supervisor, requester_id=new, name="Annie")
    batch = next_batch(a.db)
    assert batch is not None and (batch.seq_first, len(batch.changes)) == (batch.changes[0].seq, 5)
    for change in batch.changes:
        wire.check_change(change)
    insert, created, row, overwritten, last = batch.changes
    assert (insert.op, insert.author_id, sorted(insert.data)) == (
        wire.Op.INSERT,
        o.clerk.user_id,
        ["created_at", "created_by", "id", "number", "office_id"],
    )
    assert created.op is wire.Op.ENTRY and created.data["ticket_id"] == made.ticket_id
    assert row.fields == tuple(
        f
        for f in (
            "kind",
            "phone",
            "email",
            "address",
            "department_id",
            "preferred_language",
            "reply_method",
            "anonymous",
            "confidential",
            "merged_into",
        )
    )
    assert (overwritten.fields, overwritten.author_id) == ((), o.supervisor.user_id)  # "Anne" was overwritten
    assert (last.fields, last.data["name"], last.author_id) == (("name",), "Annie", o.supervisor.user_id)
    assert batch.seq_last == last.seq
    assert pending_counts(a.db).outbox == 5


def test_a_change_authored_by_the_system_user_is_never_built(pair: list[Replica]) -> None:
    a, _b = pair
    requesters.create_requester(a.db, actor=SYSTEM_ACTOR, name="Nobody", phone="555-0199")
    with pytest.raises(OutgoingError, match="system user"):
        next_batch(a.db)


def test_the_journal_and_the_relay_rebuild_changes_from_the_rows(pair: list[Replica]) -> None:
    a, b = pair
    relay = Relay()
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Pothole", channel="phone")
    requesters.update_requester(a.db, actor=a.office.clerk, requester_id=a.office.citizen, name="Jane R.")
    relay.push(a)
    again = journal_batch(a.db, after_seq=0)
    assert again is not None
    assert [c.change_id for c in again.changes] == [c.change_id for c in relay.log]
    relay.pull(b)
    ids = local_change_ids(b.db, after=None, limit=10_000)
    assert ids == sorted(ids) and {c.change_id for c in relay.log} <= set(ids)
    assert local_change_ids(b.db, after=ids[0], limit=2) == ids[1:3]
    relayed = {c.change_id: c for c in relay_changes(b.db, [c.change_id for c in relay.log] + ["unknown"])}
    for original in relay.log:
        copy = relayed[original.change_id]
        assert (copy.author_id, copy.device_id, copy.hlc, copy.table) == (
            original.author_id,
            original.device_id,
            original.hlc,
            original.table,
        )
        wire.check_change(copy)
    assert relayed[made.ticket_id].op is wire.Op.INSERT
    name = next(c for c in relay.log if c.table == "requester")
    assert (
        relayed[name.change_id].fields == ("name",) and relayed[name.change_id].clocks["name"].hlc == name.hlc
    )


def test_restamping_after_a_clock_refusal_keeps_order_and_ids(pair: list[Replica]) -> None:
    a, b = pair
    relay = Relay()
    made = tickets.create_ticket(b.db, actor=b.office.clerk, title="Pothole", channel="phone")
    relay.push(b)
    relay.pull(a)
    a.clock.advance(hours=2)  # A's clock runs two hours ahead
    note = tickets.add_note(a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Seen", public=False)
    tickets.change_priority(a.db, actor=a.office.supervisor, ticket_id=made.ticket_id, priority="P1")
    requesters.update_requester(a.db, actor=a.office.clerk, requester_id=a.office.citizen, name="J. Roe")
    with a.db.read() as s:
        before = [(r.change_id, r.hlc) for r in s.scalars(select(Outbox).order_by(Outbox.seq))]
    server_hlc = hlc_mod.pack(to_ms(b.clock.now()))
    assert restamp_unpushed(a.db, server_hlc=server_hlc, lease_token=a.token) == 3
    with a.db.read() as s:
        after = [(r.change_id, r.hlc) for r in s.scalars(select(Outbox).order_by(Outbox.seq))]
        entry = s.get(TimelineEntry, note.entry_id)
        clock = s.get(FieldClock, ("requester", a.office.citizen, "name"))
        state = s.get(SyncState, 1)
    assert [c for c, _h in after] == [c for c, _h in before]
    stamps = [h for _c, h in after]
    assert stamps == sorted(stamps) and server_hlc < stamps[0] and stamps[-1] < before[0][1]
    assert entry is not None and entry.hlc == stamps[0] and clock is not None and clock.hlc == stamps[2]
    assert state is not None and state.hlc == stamps[-1]
    relay.sync(a, b)
    assert derived_problems(a.db) == derived_problems(b.db) == []


def test_conflicts_are_derived_alike_and_settled_by_a_resolution_entry(pair: list[Replica]) -> None:
    a, b = pair
    relay = Relay()
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Pothole", channel="phone")
    relay.sync(a, b)
    tickets.change_priority(a.db, actor=a.office.supervisor, ticket_id=made.ticket_id, priority="P1")
    tickets.change_priority(b.db, actor=b.office.supervisor, ticket_id=made.ticket_id, priority="P2")
    relay.sync(a, b)
    found = open_conflicts(a.db)
    assert found == open_conflicts(b.db) and len(found) == 1
    conflict = found[0]
    assert (conflict.number, conflict.field, conflict.base_entry_id) == (
        made.number,
        "priority",
        made.entry_id,
    )
    assert [s.author_name for s in conflict.entries] == ["Sam Supervisor", "Sam Supervisor"]
    with a.db.read() as s:
        entries = load_entries(s, made.ticket_id)
    settle = next(e for e in entries if e.kind == "created")
    resolution = dataclasses.replace(
        settle,
        id="zz-resolution",
        kind=entries[-1].kind,
        field="priority",
        value="P1",
        hlc=entries[-1].hlc + 99,
        base_entry_id=conflict.entries[-1].entry_id,
        detail={"settles": [s.entry_id for s in conflict.entries]},
    )
    assert ticket_conflicts(entries) != [] and ticket_conflicts([*entries, resolution]) == []
