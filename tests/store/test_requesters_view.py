"""Read queries of the Requesters window: search order, detail, tickets (following merges), counts."""

from __future__ import annotations

from sqlalchemy import update

from citydesk.services import tickets as svc
from citydesk.services.requesters import create_requester, merge_requesters
from citydesk.store import requesters_view as rv
from citydesk.store.models import TicketReporter
from factories import Office


def test_search_lists_named_people_by_name_then_the_unnamed_and_hides_merged_and_anonymous(
    office: Office,
) -> None:
    phone_only = create_requester(office.db, actor=office.clerk, phone="555-010-9000").requester_id
    adam = create_requester(office.db, actor=office.clerk, name="Adam Zed", phone="555-010-9100").requester_id
    create_requester(office.db, actor=office.clerk, anonymous=True)
    duplicate = create_requester(
        office.db, actor=office.clerk, name="Jane R.", phone="555-010-2000"
    ).requester_id
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    with office.db.read() as s:
        assert rv.search_requester_ids(s, "") == [adam, office.citizen, office.spanish_citizen, phone_only]
        assert rv.search_requester_ids(s, "555 010 9") == [adam, phone_only]
        assert rv.search_requester_ids(s, "nunez") == [office.spanish_citizen]
        assert rv.search_requester_ids(s, "%") == []


def test_tickets_and_counts_include_duplicates_merged_into_the_requester(office: Office) -> None:
    duplicate = create_requester(
        office.db, actor=office.clerk, name="Jane R.", phone="555-010-2000"
    ).requester_id
    mine = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone",
                             requester_id=office.citizen).ticket_id  # fmt: skip
    office.clock.advance(minutes=5)
    theirs = svc.create_ticket(office.db, actor=office.clerk, title="Tree down", channel="phone",
                               requester_id=duplicate).ticket_id  # fmt: skip
    svc.add_reporter(office.db, actor=office.clerk, ticket_id=mine, requester_id=duplicate, channel="walk_in")
    with office.db.read() as s:
        assert [t.id for t in rv.requester_tickets(s, office.citizen)] == [mine]
        assert rv.merge_preview(s, duplicate, office.citizen) == (2, "Jane R.", "Jane Roe")
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    # A ticket another office logged for the duplicate before it heard of the merge still points at it.
    with office.db.write() as s:
        s.execute(
            update(TicketReporter).where(TicketReporter.ticket_id == theirs).values(requester_id=duplicate)
        )
    with office.db.read() as s:
        listed = rv.requester_tickets(s, office.citizen)
        assert [(t.id, t.title, t.status) for t in listed] == [
            (theirs, "Tree down", "new"),
            (mine, "Pothole", "new"),
        ]
        detail = rv.requester_detail(s, office.citizen)
        assert detail is not None and detail.ticket_count == 2 and detail.label == "Jane Roe"
        assert rv.requester_rows(s, [office.citizen])[office.citizen].ticket_count == 2
        merged = rv.requester_detail(s, duplicate)
        assert merged is not None and (merged.merged_into, merged.merged_into_name) == (
            office.citizen,
            "Jane Roe",
        )
        assert rv.requester_detail(s, "nobody") is None
