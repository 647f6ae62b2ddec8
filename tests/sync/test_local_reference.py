"""Server-owned reference rows, snapshot-like pages with field clocks, receipt texts, and the odd corners
of rejections and malformed changes."""

from __future__ import annotations

import dataclasses

from replicas import Relay, Replica
from sqlalchemy import select

from citydesk.domain.clock import to_ms
from citydesk.domain.ids import uuid7
from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.services import receipts, requesters, tickets
from citydesk.store.models import DeferredChange, RejectedChange, Requester, Ticket
from citydesk.sync import hlc as hlc_mod
from citydesk.sync.acknowledge import acknowledge
from citydesk.sync.apply import apply_page
from citydesk.sync.compare import derived_problems, state_differences, synced_state
from citydesk.sync.messages import PushReply, Rejection
from citydesk.sync.outgoing import local_change_ids, next_batch, relay_changes
from citydesk.sync.wire import Change, Op


def server_change(replica: Replica, table: str, row_id: str, **values: object) -> Change:
    """A reference row change as the server's admin commands write it (authored by the system user)."""
    stamp = hlc_mod.pack(to_ms(replica.clock.now()) + 60_000)
    return Change(
        change_id=uuid7(to_ms(replica.clock.now())),
        table=table,
        op=Op.ROW,
        row_id=row_id,
        hlc=stamp,
        device_id="server",
        author_id=SYSTEM_USER_ID,
        data={("key" if table == "city_setting" else "id"): row_id, **values},
        fields=tuple(values),
    )


def test_a_category_target_and_the_calendar_re_date_tickets(pair: list[Replica]) -> None:
    a, _b = pair
    o = a.office
    made = tickets.create_ticket(a.db, actor=o.clerk, title="Hole", channel="phone", category_id=o.pothole)
    with a.db.read() as s:
        before = s.scalar(select(Ticket.due_at).where(Ticket.id == made.ticket_id))
    a.db.cache["calendar"] = "stale"
    result = apply_page(
        a.db, changes=[server_change(a, "category", o.pothole, target_business_days=1)], lease_token=a.token
    )
    assert made.ticket_id in result.ticket_ids and "calendar" not in a.db.cache
    with a.db.read() as s:
        shorter = s.scalar(select(Ticket.due_at).where(Ticket.id == made.ticket_id))
    assert shorter is not None and before is not None and shorter < before
    holiday = shorter.date().isoformat()
    apply_page(
        a.db, changes=[server_change(a, "city_setting", "holidays", value=[holiday])], lease_token=a.token
    )
    with a.db.read() as s:
        assert s.scalar(select(Ticket.due_at).where(Ticket.id == made.ticket_id)) > shorter
    assert derived_problems(a.db) == []


def test_a_snapshot_like_page_with_field_clocks_converges(pair: list[Replica]) -> None:
    a, b = pair
    o = a.office
    made = tickets.create_ticket(a.db, actor=o.clerk, title="Tree", channel="phone", requester_id=o.citizen)
    tickets.add_note(a.db, actor=o.clerk, ticket_id=made.ticket_id, body="Oak", public=False)
    requesters.update_requester(a.db, actor=o.clerk, requester_id=o.citizen, name="Jane Snapshot")
    receipts.set_receipt_text(a.db, actor=o.admin, language="es", key="heading", value="Recibo")
    relay = Relay()
    relay.push(a)  # the outbox empties; the snapshot reads the rows
    changes = relay_changes(a.db, local_change_ids(a.db, after=None, limit=100_000))
    assert any(c.clocks for c in changes)
    order = {"ticket": 1, "timeline_entry": 2}
    changes.sort(key=lambda c: order.get(c.table, 0))
    apply_page(b.db, changes=changes, lease_token=b.token, snapshot_done=True, snapshot_cursor="epoch-1:7")
    skip = ("device",)
    assert state_differences(synced_state(a.db, skip=skip), synced_state(b.db, skip=skip)) == []
    assert derived_problems(b.db) == []
    # an older clock of the same field loses; the receipt text row has a two-column key
    old = next(c for c in changes if c.table == "requester" and "name" in c.fields)
    stale = dataclasses.replace(
        old,
        change_id="older",
        data={**old.data, "name": "Old Name"},
        clocks={"name": dataclasses.replace(old.clocks["name"], hlc=1, change_id="older")},
    )
    apply_page(b.db, changes=[stale], lease_token=b.token)
    with b.db.read() as s:
        assert s.scalar(select(Requester.name).where(Requester.id == o.citizen)) == "Jane Snapshot"


def test_a_redaction_blanks_copies_kept_as_rejected(pair: list[Replica]) -> None:
    a, b = pair
    relay = Relay()
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Noise", channel="phone")
    relay.sync(a, b)
    note = tickets.add_note(a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Secret", public=False)
    relay.rejections[note.entry_id] = Rejection(note.entry_id, "author_inactive", "disabled")
    relay.push(a)
    with a.db.read() as s:
        kept = s.get(RejectedChange, note.entry_id)
        assert kept is not None and kept.payload["data"]["body"] == "Secret"
    other = tickets.add_note(b.db, actor=b.office.clerk, ticket_id=made.ticket_id, body="Fine", public=False)
    tickets.redact_note(b.db, actor=b.office.supervisor, entry_id=other.entry_id, reason="x")
    batch = next_batch(b.db)
    assert batch is not None
    redaction = next(c for c in batch.changes if c.data.get("kind") == "redaction")
    aimed = dataclasses.replace(
        redaction, data={**redaction.data, "detail": {"target_entry_id": note.entry_id}}
    )
    apply_page(a.db, changes=[aimed], lease_token=a.token)
    with a.db.read() as s:
        kept = s.get(RejectedChange, note.entry_id)
        assert kept is not None and kept.payload["data"]["body"] is None


def test_a_rejected_requester_insert_without_a_server_value_stays(pair: list[Replica]) -> None:
    a, _b = pair
    new = requesters.create_requester(a.db, actor=a.office.clerk, name="Kept Person", phone="555-0102")
    made = tickets.create_ticket(
        a.db, actor=a.office.clerk, title="Bin", channel="phone", requester_id=new.requester_id
    )
    batch = next_batch(a.db)
    assert batch is not None
    first = batch.changes[0]
    assert first.row_id == new.requester_id
    reply = PushReply(
        accepted=tuple(c.change_id for c in batch.changes[1:]),
        rejected=(Rejection(first.change_id, "not_permitted", "no"),),
        server_hlc=first.hlc,
        acked_seq=batch.seq_last,
    )
    result = acknowledge(a.db, batch=batch, batch_id=uuid7(1), reply=reply, lease_token=a.token)
    assert [r.change_id for r in result.rejected] == [first.change_id]
    with a.db.read() as s:
        row = s.get(Requester, new.requester_id)
        assert row is not None and row.name == "Kept Person"
        assert s.scalar(select(Ticket.requester_name).where(Ticket.id == made.ticket_id)) == "Kept Person"
        assert s.get(RejectedChange, first.change_id) is not None


def test_malformed_changes_are_parked_not_fatal(pair: list[Replica]) -> None:
    a, b = pair
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Leak", channel="phone")
    tickets.record_time(a.db, actor=a.office.tech, ticket_id=made.ticket_id, minutes=5)
    batch = next_batch(a.db)
    assert batch is not None
    changes = [dataclasses.replace(c, seq=None) for c in batch.changes]
    time_entry = changes[-1]
    broken = [
        dataclasses.replace(time_entry, data={**time_entry.data, "detail": {"minutes": "lots"}}),
        dataclasses.replace(
            time_entry,
            change_id="bad-detail",
            row_id="bad-detail",
            data={**time_entry.data, "id": "bad-detail", "detail": ["x"]},
        ),
        dataclasses.replace(time_entry, change_id="other-id", row_id="other-id"),  # data names another row
    ]
    result = apply_page(b.db, changes=[*changes[:-1], *broken], lease_token=b.token)
    assert result.parked == 3
    with b.db.read() as s:
        reasons = sorted(r.reason for r in s.scalars(select(DeferredChange)))
    assert "fold" in reasons[0] or "fold" in reasons[1]
    assert derived_problems(b.db) == []
