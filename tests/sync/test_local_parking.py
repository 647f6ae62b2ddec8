"""Changes that cannot apply yet are parked, applied when what they need arrives, and never fail a page."""

from __future__ import annotations

import dataclasses

import pytest
from replicas import Relay, Replica
from sqlalchemy import func, select

from citydesk.services import requesters, tickets
from citydesk.store.models import DeferredChange, Requester, Ticket, TimelineEntry
from citydesk.sync.apply import apply_page
from citydesk.sync.compare import derived_problems, state_differences, synced_state
from citydesk.sync.lease import LeaseLost
from citydesk.sync.outgoing import next_batch
from citydesk.sync.wire import Change


def parked(replica: Replica) -> list[tuple[str, str | None, str]]:
    """(change id, depends on, reason) of every parked change."""
    with replica.db.read() as s:
        return [
            (r.change_id, r.depends_on, r.reason)
            for r in s.execute(select(DeferredChange).order_by(DeferredChange.change_id)).scalars()
        ]


def outgoing(replica: Replica) -> list[Change]:
    """The replica's outbox as wire changes (seq dropped)."""
    batch = next_batch(replica.db)
    assert batch is not None
    return [dataclasses.replace(c, seq=None) for c in batch.changes]


def test_an_entry_before_its_ticket_waits_for_it(pair: list[Replica]) -> None:
    a, b = pair
    made = tickets.create_ticket(
        a.db, actor=a.office.clerk, title="Fallen tree", channel="phone", requester_id=a.office.citizen
    )
    tickets.add_note(
        a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Blocks the lane", public=False
    )
    changes = outgoing(a)
    ticket = [c for c in changes if c.table == "ticket"]
    rest = [c for c in changes if c.table != "ticket"]
    first = apply_page(b.db, changes=rest, lease_token=b.token)
    assert first.parked == 2 and first.applied == 0
    assert {d for _c, d, _r in parked(b)} == {f"ticket:{made.ticket_id}"}
    second = apply_page(b.db, changes=ticket, lease_token=b.token)
    assert (second.applied, second.unparked, second.parked) == (1, 2, 0)
    assert made.ticket_id in second.ticket_ids
    assert parked(b) == []
    with b.db.read() as s:
        row = s.scalar(select(Ticket).where(Ticket.id == made.ticket_id))
        assert row is not None and row.title == "Fallen tree" and row.requester_name == "Jane Roe"
    assert derived_problems(b.db) == []
    assert state_differences(synced_state(a.db, skip=("device",)), synced_state(b.db, skip=("device",))) == []


def test_a_redaction_before_its_target_blanks_it_on_arrival(pair: list[Replica]) -> None:
    a, b = pair
    relay = Relay()
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Dog bite", channel="phone")
    relay.push(a)
    relay.pull(b)
    note = tickets.add_note(
        a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Caller SSN 123", public=False
    )
    tickets.redact_note(a.db, actor=a.office.supervisor, entry_id=note.entry_id, reason="private")
    changes = outgoing(a)
    redaction = [c for c in changes if c.data.get("kind") == "redaction"]
    target = [c for c in changes if c.row_id == note.entry_id]
    assert target[0].data["body"] is None  # a locally redacted body travels blank ...
    target = [
        dataclasses.replace(target[0], data={**target[0].data, "body": "Caller SSN 123"})
    ]  # ... an old copy
    apply_page(b.db, changes=redaction, lease_token=b.token)
    apply_page(b.db, changes=target, lease_token=b.token)
    with b.db.read() as s:
        row = s.get(TimelineEntry, note.entry_id)
        assert row is not None and row.body is None and row.redacted_by == redaction[0].row_id
    assert derived_problems(b.db) == []


def test_a_requester_merged_into_one_not_here_waits(pair: list[Replica]) -> None:
    a, b = pair
    new = requesters.create_requester(
        a.db, actor=a.office.clerk, name="Ann Other", phone="555-0100"
    ).requester_id
    requesters.merge_requesters(a.db, actor=a.office.supervisor, source_id=a.office.citizen, target_id=new)
    changes = outgoing(a)
    merge = [c for c in changes if c.fields == ("merged_into",)]
    insert = [c for c in changes if c.row_id == new]
    result = apply_page(b.db, changes=merge, lease_token=b.token)
    assert result.parked == 1 and parked(b)[0][1] == f"requester:{new}"
    result = apply_page(b.db, changes=insert, lease_token=b.token)
    assert result.unparked == 1
    with b.db.read() as s:
        assert s.scalar(select(Requester.merged_into).where(Requester.id == a.office.citizen)) == new


def _change(template: Change, **replace: object) -> Change:
    return dataclasses.replace(template, **replace)  # type: ignore[arg-type]


def test_what_this_version_cannot_read_is_parked_or_stored(pair: list[Replica]) -> None:
    a, b = pair
    relay = Relay()
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Bench broken", channel="phone")
    requesters.update_requester(a.db, actor=a.office.clerk, requester_id=a.office.citizen, name="Jane Q. Roe")
    tickets.add_note(a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Near the pond", public=False)
    relay.push(a)
    relay.pull(b)
    changes = outgoing_all(relay)
    note = next(c for c in changes if c.data.get("kind") == "note")
    row = next(c for c in changes if c.table == "requester")
    b.clock.advance(minutes=10)
    newer = [
        _change(note, change_id="x-table", row_id="x-table", table="parking_permit", data={"id": "x-table"}),
        _change(
            row,
            change_id="x-field",
            hlc=row.hlc + 10,
            fields=("name", "nickname"),
            data={**row.data, "name": "Jane Roe-Smith", "nickname": "JR"},
        ),
        _change(
            note,
            change_id="x-kind",
            row_id="x-kind",
            data={**note.data, "id": "x-kind", "kind": "survey", "body": "5 stars"},
        ),
        _change(
            note,
            change_id="x-value",
            row_id="x-value",
            data={
                **note.data,
                "id": "x-value",
                "kind": "status",
                "field": "status",
                "value": "snoozed",
                "body": None,
            },
        ),
        _change(note, change_id="x-type", row_id="x-type", data={**note.data, "id": "x-type", "at": 12}),
    ]
    result = apply_page(b.db, changes=newer, lease_token=b.token)
    reasons = {c: r for c, _d, r in parked(b)}
    assert set(reasons) == {"x-table", "x-field", "x-value", "x-type"}
    assert "parking_permit" in reasons["x-table"] and "nickname" in reasons["x-field"]
    assert "snoozed" in reasons["x-value"] and "at" in reasons["x-type"]
    assert result.parked == 3  # the unknown field's copy is kept, its known fields applied
    with b.db.read() as s:
        assert s.scalar(select(Requester.name).where(Requester.id == a.office.citizen)) == "Jane Roe-Smith"
        stored = s.get(TimelineEntry, "x-kind")
        assert stored is not None and stored.kind == "survey"
        assert s.scalar(select(Ticket.status).where(Ticket.id == made.ticket_id)) == "new"
    assert derived_problems(b.db) == []  # the fold skips the unknown kind
    # the next page retries nothing it still cannot read and fails on nothing
    again = apply_page(b.db, changes=newer, lease_token=b.token)
    assert again.unparked == 0 and len(parked(b)) == 4


def outgoing_all(relay: Relay) -> list[Change]:
    """Everything the relay has logged."""
    return list(relay.log)


def test_a_lost_lease_writes_nothing(pair: list[Replica]) -> None:
    a, b = pair
    tickets.create_ticket(a.db, actor=a.office.clerk, title="Flooded cellar", channel="phone")
    changes = outgoing(a)
    with pytest.raises(LeaseLost):
        apply_page(b.db, changes=changes, lease_token="not-the-token", cursor="epoch-1:9")
    with b.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.title == "Flooded cellar")) == 0


def test_cursor_and_snapshot_state_are_saved_with_the_page(pair: list[Replica]) -> None:
    from citydesk.store.models import SyncState

    a, b = pair
    tickets.create_ticket(a.db, actor=a.office.clerk, title="Icy steps", channel="phone")
    changes = outgoing(a)
    apply_page(
        b.db, changes=changes[:1], lease_token=b.token, snapshot_cursor="epoch-1:40", snapshot_after="t:1"
    )
    with b.db.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and (state.snapshot_cursor, state.snapshot_after) == ("epoch-1:40", "t:1")
    apply_page(
        b.db, changes=changes[1:], lease_token=b.token, snapshot_done=True, received_hlc=changes[0].hlc + 5
    )
    with b.db.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        assert (state.pull_cursor, state.snapshot_cursor, state.snapshot_after) == ("epoch-1:40", None, None)
        assert state.remote_hlc == changes[0].hlc + 5 and state.hlc > state.remote_hlc
