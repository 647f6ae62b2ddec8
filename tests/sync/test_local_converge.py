"""Real office databases edited through the services converge when their changes are relayed in order."""

from __future__ import annotations

from replicas import Relay, Replica
from sqlalchemy import func, select

from citydesk.services import addresses, contacts, requesters, tickets
from citydesk.store.models import DeferredChange, Outbox, Requester, Ticket, TimelineEntry
from citydesk.sync.compare import derived_problems, state_differences, synced_state
from citydesk.sync.conflicts import open_conflicts

ADDRESS_CSV = "id,address,ward\nA1,120 Main St,Ward 1\nA2,7 Elm Ave,Ward 2\n"


def assert_converged(*replicas: Replica) -> None:
    """Every synced table equal everywhere; derived rows right; nothing left waiting."""
    first = synced_state(replicas[0].db, skip=("device",))
    for other in replicas[1:]:
        assert state_differences(first, synced_state(other.db, skip=("device",))) == []
    for replica in replicas:
        assert derived_problems(replica.db) == [], replica.name
        with replica.db.read() as s:
            assert s.scalar(select(func.count()).select_from(Outbox)) == 0
            assert s.scalar(select(func.count()).select_from(DeferredChange)) == 0


def test_offices_editing_through_the_services_converge(trio: list[Replica]) -> None:
    a, b, c = trio
    relay = Relay()
    oa, ob, oc = a.office, b.office, c.office
    # offline work on each office
    jane = oa.citizen
    t1 = tickets.create_ticket(
        oa.db,
        actor=oa.clerk,
        title="Pothole on Main",
        channel="phone",
        category_id=oa.pothole,
        requester_id=jane,
        location="120 Main St",
        description="Deep hole near the bakery",
    )
    note = tickets.add_note(
        oa.db, actor=oa.tech, ticket_id=t1.ticket_id, body="Crew informed about it", public=False
    )
    bob = requesters.create_requester(
        ob.db, actor=ob.clerk, name="Bob Brown", phone="555-010-4000"
    ).requester_id
    t2 = tickets.create_ticket(
        ob.db,
        actor=ob.clerk,
        title="Streetlight dark",
        channel="walk_in",
        category_id=ob.streetlight,
        requester_id=bob,
    )
    addresses.import_addresses(ob.db, actor=ob.admin, data=ADDRESS_CSV)
    addresses.import_addresses(oc.db, actor=oc.admin, data=ADDRESS_CSV)  # the same list, offline
    contacts.log_contact(oc.db, actor=oc.clerk, kind="question", channel="phone", summary="Trash day?")
    relay.sync(a, b, c)
    assert_converged(a, b, c)

    # concurrent work on what every office now has
    for r in trio:
        r.clock.advance(minutes=5)
    tickets.change_priority(oa.db, actor=oa.supervisor, ticket_id=t2.ticket_id, priority="P1")
    tickets.change_priority(ob.db, actor=ob.supervisor, ticket_id=t2.ticket_id, priority="P2")
    tickets.assign(oc.db, actor=oc.supervisor, ticket_id=t1.ticket_id, assignee_id=oc.tech.user_id)
    tickets.change_status(ob.db, actor=ob.tech, ticket_id=t1.ticket_id, status="in_progress")
    requesters.update_requester(oa.db, actor=oa.clerk, requester_id=bob, name="Robert Brown")
    oc.clock.advance(seconds=1)
    requesters.update_requester(oc.db, actor=oc.clerk, requester_id=bob, phone="555-010-4999")
    # opposite merges of the same two people, offline
    requesters.merge_requesters(oa.db, actor=oa.supervisor, source_id=jane, target_id=bob)
    requesters.merge_requesters(ob.db, actor=ob.supervisor, source_id=bob, target_id=jane)
    tickets.redact_note(oc.db, actor=oc.supervisor, entry_id=note.entry_id, reason="personal data")
    tickets.add_reporter(
        oc.db, actor=oc.clerk, ticket_id=t2.ticket_id, requester_id=oc.spanish_citizen, channel="phone"
    )
    relay.sync(a, b, c)
    assert_converged(a, b, c)

    with a.db.read() as s:
        assert s.scalar(select(TimelineEntry.body).where(TimelineEntry.id == note.entry_id)) is None
        row = s.get(Requester, bob)
        assert row is not None and (row.name, row.phone) == ("Robert Brown", "555-010-4999")
        assert row.phone_digits == "5550104999" and row.name_key == "robert brown"
        assert s.scalar(select(Ticket.assignee_id).where(Ticket.id == t1.ticket_id)) == oc.tech.user_id
    conflicts = [open_conflicts(r.db) for r in trio]
    assert conflicts[0] == conflicts[1] == conflicts[2]
    assert [(x.ticket_id, x.field) for x in conflicts[0]] == [(t2.ticket_id, "priority")]
    assert {s.value for s in conflicts[0][0].entries} == {"P1", "P2"}


def test_an_edit_made_after_pulling_wins_even_on_a_slow_clock(trio: list[Replica]) -> None:
    a, b, _c = trio
    relay = Relay()
    a.clock.advance(hours=3)  # B's clock is three hours behind A's
    made = tickets.create_ticket(a.db, actor=a.office.clerk, title="Leak", channel="phone", priority="P3")
    tickets.change_priority(a.db, actor=a.office.supervisor, ticket_id=made.ticket_id, priority="P1")
    relay.sync(a, b)
    tickets.change_priority(b.db, actor=b.office.supervisor, ticket_id=made.ticket_id, priority="P2")
    relay.sync(a, b)
    for replica in (a, b):
        with replica.db.read() as s:
            assert s.scalar(select(Ticket.priority).where(Ticket.id == made.ticket_id)) == "P2"
    assert open_conflicts(a.db) == []
    assert_converged(a, b)


def test_a_page_applied_twice_changes_nothing(trio: list[Replica]) -> None:
    a, b, _c = trio
    relay = Relay()
    made = tickets.create_ticket(
        a.db, actor=a.office.clerk, title="Graffiti", channel="phone", requester_id=a.office.citizen
    )
    tickets.add_note(
        a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="On the school wall", public=True
    )
    requesters.update_requester(
        a.db, actor=a.office.clerk, requester_id=a.office.citizen, email="jr@example.org"
    )
    relay.push(a)
    relay.pull(b)
    before = synced_state(b.db)
    relay.cursors[b.name] = 0
    b.clock.advance(minutes=1)
    results = relay.pull(b)
    assert synced_state(b.db) == before
    assert results[0].parked == 0 and results[0].applied == len(relay.log)
    assert derived_problems(b.db) == []


def test_state_converges_with_pages_of_one(trio: list[Replica]) -> None:
    a, b, _c = trio
    relay = Relay()
    made = tickets.create_ticket(
        a.db, actor=a.office.clerk, title="Noise", channel="phone", requester_id=a.office.citizen
    )
    tickets.add_note(a.db, actor=a.office.clerk, ticket_id=made.ticket_id, body="Every night", public=False)
    tickets.resolve(a.db, actor=a.office.tech, ticket_id=made.ticket_id, reason="done", public_note="Done")
    relay.push(a)
    relay.pull(b, page=1)
    assert_converged(a, b)
