"""A push reply applied: accepted changes journaled, rejected ones taken back and kept visible."""

from __future__ import annotations

import dataclasses

import pytest
from replicas import Relay, Replica
from sqlalchemy import func, select

from citydesk.domain.ids import uuid7
from citydesk.services import contacts, requesters, tickets
from citydesk.store import fts
from citydesk.store.models import (
    ContactLog,
    FieldClock,
    Outbox,
    RejectedChange,
    Requester,
    SentJournal,
    SyncState,
    Ticket,
    TicketReporter,
    TimelineEntry,
)
from citydesk.sync.acknowledge import acknowledge
from citydesk.sync.compare import derived_problems
from citydesk.sync.lease import LeaseLost
from citydesk.sync.messages import PushReply, Rejection
from citydesk.sync.outgoing import OutgoingBatch, next_batch
from citydesk.sync.wire import Change
from citydesk.sync.wire import FieldClock as WireClock


def reply_to(batch: OutgoingBatch, rejected: dict[str, Rejection], server_hlc: int = 0) -> PushReply:
    """Accept the batch but the rejected changes."""
    return PushReply(
        accepted=tuple(c.change_id for c in batch.changes if c.change_id not in rejected),
        rejected=tuple(rejected.values()),
        server_hlc=server_hlc or max(c.hlc for c in batch.changes),
        acked_seq=batch.seq_last,
    )


def count(replica: Replica, model: type) -> int:
    """Rows of a table."""
    with replica.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_accepted_changes_move_to_the_journal(pair: list[Replica]) -> None:
    a, _b = pair
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Pothole", channel="phone")
    tickets.add_note(a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Big one", public=False)
    batch = next_batch(a.db, limit=2)
    assert batch is not None and len(batch.changes) == 2
    batch_id = uuid7(5)
    result = acknowledge(
        a.db, batch=batch, batch_id=batch_id, reply=reply_to(batch, {}, 7 << 40), lease_token=a.token
    )
    assert (result.accepted, result.rejected) == (2, ())
    assert (count(a, Outbox), count(a, SentJournal)) == (1, 2)
    with a.db.read() as s:
        journaled = s.scalars(select(SentJournal).order_by(SentJournal.seq)).all()
        assert [(j.change_id, j.batch_id, j.acked_at) for j in journaled] == [
            (c.change_id, batch_id, a.clock.now()) for c in batch.changes
        ]
    with a.db.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None and state.pushed_seq == batch.seq_last and state.remote_hlc == 7 << 40
        assert state.hlc > 7 << 40 and state.push_batch_id is None
    with pytest.raises(LeaseLost):
        acknowledge(a.db, batch=batch, batch_id=uuid7(5), reply=reply_to(batch, {}), lease_token="stale")


def test_a_rejected_note_leaves_the_timeline_and_later_entries_take_its_base(pair: list[Replica]) -> None:
    a, _b = pair
    relay = Relay()
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Pothole", channel="phone")
    relay.push(a)
    note = tickets.add_note(
        a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Asphalt words", public=False
    )
    first = tickets.change_priority(a.db, actor=a.office.supervisor, ticket_id=made.ticket_id, priority="P1")
    second = tickets.change_priority(a.db, actor=a.office.supervisor, ticket_id=made.ticket_id, priority="P2")
    relay.rejections[note.entry_id] = Rejection(note.entry_id, "author_inactive", "Carla was disabled")
    relay.rejections[first.entry_id] = Rejection(first.entry_id, "not_permitted", "Sam may not")
    results = relay.push(a, limit=2)  # the later priority entry is still unpushed when they come back
    assert {r.change_id for r in results[0].rejected} == {note.entry_id, first.entry_id}
    with a.db.read() as s:
        assert s.get(TimelineEntry, note.entry_id) is None and s.get(TimelineEntry, first.entry_id) is None
        later = s.get(TimelineEntry, second.entry_id)
        created = s.scalar(select(TimelineEntry.id).where(TimelineEntry.kind == "created"))
        assert later is not None and later.base_entry_id == created
        kept = s.get(RejectedChange, note.entry_id)
        assert kept is not None and kept.payload["data"]["body"] == "Asphalt words"
        assert "Carla was disabled" in kept.reason
        assert s.scalar(select(Ticket.priority).where(Ticket.id == made.ticket_id)) == "P2"
        stored = fts.row_text(s.connection(), made.ticket_id)
        assert stored is not None and "Asphalt" not in stored["notes"]
    assert count(a, Outbox) == 0
    assert derived_problems(a.db) == []


def test_a_rejected_redaction_gets_the_body_back(pair: list[Replica]) -> None:
    a, _b = pair
    relay = Relay()
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Noise", channel="phone")
    note = tickets.add_note(
        a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Neighbour shouts", public=False
    )
    relay.push(a)
    server_copy = next(c for c in relay.log if c.change_id == note.entry_id)
    redaction = tickets.redact_note(a.db, actor=a.office.supervisor, entry_id=note.entry_id, reason="why not")
    relay.rejections[redaction.entry_id] = Rejection(
        redaction.entry_id, "not_permitted", "no", current=server_copy
    )
    relay.push(a)
    with a.db.read() as s:
        row = s.get(TimelineEntry, note.entry_id)
        assert row is not None and (row.body, row.redacted_by) == ("Neighbour shouts", None)
        assert s.get(TimelineEntry, redaction.entry_id) is None
        stored = fts.row_text(s.connection(), made.ticket_id)
        assert stored is not None and "Neighbour" in stored["notes"]
    assert derived_problems(a.db) == []


def test_a_rejected_ticket_takes_its_entries_and_reporters_along(pair: list[Replica]) -> None:
    a, _b = pair
    relay = Relay()
    made = tickets.create_ticket(
        a.db, actor=a.office.clerk, title="Stray cat", channel="phone", requester_id=a.office.citizen
    )
    note = tickets.add_note(
        a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Grey one", public=False
    )
    asked = contacts.log_contact(
        a.db, actor=a.office.clerk, kind="status_inquiry", channel="phone", ticket_id=made.ticket_id
    )
    relay.rejections[made.ticket_id] = Rejection(made.ticket_id, "author_inactive", "Carla was disabled")
    for entry_id in (
        made.entry_id,
        note.entry_id,
        asked.contact_id,
    ):  # the server rejects the dependents in the same reply
        relay.rejections[entry_id] = Rejection(entry_id, "depends_on_rejected", "its ticket was rejected")
    results = relay.push(a)
    rejected = {made.ticket_id, made.entry_id, note.entry_id, asked.contact_id}
    assert {r.change_id for r in results[0].rejected} == rejected
    assert made.ticket_id in results[0].ticket_ids
    with a.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.id == made.ticket_id)) == 0
        assert (
            s.scalar(
                select(func.count())
                .select_from(TimelineEntry)
                .where(TimelineEntry.ticket_id == made.ticket_id)
            )
            == 0
        )
        assert s.scalar(select(func.count()).select_from(TicketReporter)) == 0
        assert s.execute(select(func.count()).select_from(Requester)).scalar() == 2  # the requester stays
        assert s.connection().exec_driver_sql("SELECT count(*) FROM ticket_fts").scalar() == 0
    assert count(a, RejectedChange) == 4 and count(a, Outbox) == 0 and count(a, ContactLog) == 0
    assert relay.log == []


def test_a_rejected_requester_field_takes_the_server_value(pair: list[Replica]) -> None:
    a, _b = pair
    relay = Relay()
    jane = a.office.citizen
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Lamp", channel="phone", requester_id=jane)
    relay.push(a)
    requesters.update_requester(a.db, actor=a.office.clerk, requester_id=jane, name="Janet Roe")
    batch = next_batch(a.db)
    assert batch is not None
    change = batch.changes[0]
    server_clock = WireClock(change.hlc - 1000, "server-device", a.office.admin.user_id, "server-change")
    current = Change(
        change_id="server-change",
        table="requester",
        op=change.op,
        row_id=jane,
        hlc=server_clock.hlc,
        device_id="server-device",
        author_id=a.office.admin.user_id,
        data={"id": jane, "name": "Jane Roe"},
        fields=("name",),
        clocks={"name": server_clock},
    )
    reply = reply_to(batch, {change.change_id: Rejection(change.change_id, "not_permitted", "no", current)})
    acknowledge(a.db, batch=batch, batch_id=uuid7(9), reply=reply, lease_token=a.token)
    with a.db.read() as s:
        row = s.get(Requester, jane)
        assert row is not None and (row.name, row.name_key) == ("Jane Roe", "jane roe")
        clock = s.get(FieldClock, ("requester", jane, "name"))
        assert clock is not None and (clock.hlc, clock.change_id) == (server_clock.hlc, "server-change")
        assert s.scalar(select(Ticket.requester_name).where(Ticket.id == made.ticket_id)) == "Jane Roe"
        kept = s.get(RejectedChange, change.change_id)
        assert kept is not None and kept.server_value["data"]["name"] == "Jane Roe"
    assert derived_problems(a.db) == []


def test_changes_neither_accepted_nor_rejected_stay_in_the_outbox(pair: list[Replica]) -> None:
    a, _b = pair
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Sign", channel="phone")
    tickets.add_note(a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Bent", public=False)
    batch = next_batch(a.db)
    assert batch is not None
    reply = PushReply(
        accepted=(batch.changes[0].change_id,), rejected=(), server_hlc=1, acked_seq=batch.changes[0].seq or 0
    )
    acknowledge(a.db, batch=dataclasses.replace(batch), batch_id=uuid7(3), reply=reply, lease_token=a.token)
    assert (count(a, Outbox), count(a, SentJournal)) == (2, 1)


def test_a_rejected_reporter_takes_its_reporter_row_and_search_words_along(pair: list[Replica]) -> None:
    a, _b = pair
    relay = Relay()
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Pothole", channel="phone")
    relay.push(a)
    added = tickets.add_reporter(
        a.db,
        actor=a.office.clerk,
        ticket_id=made.ticket_id,
        requester_id=a.office.spanish_citizen,
        channel="phone",
    )
    with a.db.read() as s:
        stored = fts.row_text(s.connection(), made.ticket_id)
        assert stored is not None and "Núñez" in stored["reporters"]
    relay.rejections[added.entry_id] = Rejection(added.entry_id, "not_permitted", "no")
    relay.push(a)
    with a.db.read() as s:
        assert s.scalar(select(func.count()).select_from(TicketReporter)) == 0
        assert s.scalar(select(Ticket.reporter_count).where(Ticket.id == made.ticket_id)) == 0
        stored = fts.row_text(s.connection(), made.ticket_id)
        assert stored is not None and "Núñez" not in stored["reporters"]
    assert derived_problems(a.db) == []
