"""Requester merges that cross offline resolve by one rule on every read, with no repair entries.

X merged into Y on one PC and Y into X on another leave a loop once both changes arrive (last writer
wins per field, and `merged_into` is a field of each row). The tests write the second office's change
as a sync would (a direct write of the field, `capture_check.unwatched`) into one database, then check
that every reader agrees: the loop's smallest id is the survivor, offered by lookups, named on tickets,
counted once, and usable for new tickets and merges.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

import capture_check
from citydesk.domain.requesters import effective_links, loop_survivors, survivor
from citydesk.services import tickets
from citydesk.services.requesters import create_requester, merge_requesters
from citydesk.store import merges
from citydesk.store.detail import find_requesters, ticket_detail
from citydesk.store.intake import complete_requesters, requester_hit
from citydesk.store.models import Outbox, Requester, Ticket, TicketReporter
from citydesk.store.requesters_view import (
    requester_detail,
    requester_rows,
    requester_ticket_count,
    search_requester_ids,
)
from factories import Office


def test_the_rule_follows_chains_and_picks_the_smallest_id_of_a_loop() -> None:
    links = {"b": "c", "c": "a", "a": "b", "d": "b", "e": "f"}
    assert [survivor(x, links.get) for x in "abcdef"] == ["a", "a", "a", "a", "f", "f"]
    assert loop_survivors(links) == {"a"}
    assert effective_links(links) == {"b": "c", "c": "a", "d": "b", "e": "f"}
    assert survivor("x", {"x": "x"}.get) == "x"
    assert survivor("z", {}.get) == "z"  # not merged, or not here


def _arrives(office: Office, requester_id: str, merged_into: str) -> None:
    """Another office's `merged_into` change, written as the sync's apply would write the field."""
    with capture_check.unwatched("simulating what a sync would write"), office.db.write() as s:
        s.execute(update(Requester).where(Requester.id == requester_id).values(merged_into=merged_into))


def _person(office: Office, name: str, phone: str) -> str:
    return create_requester(office.db, actor=office.clerk, name=name, phone=phone).requester_id


def _ticket(office: Office, requester_id: str, title: str) -> str:
    return tickets.create_ticket(
        office.db, actor=office.clerk, title=title, channel="phone",
        category_id=office.pothole, requester_id=requester_id,
    ).ticket_id  # fmt: skip


@pytest.fixture
def crossed(office: Office) -> tuple[str, str, list[str]]:
    """Zed Quill logged twice (X and Y), each with a ticket; X into Y here, Y into X on another PC."""
    x = _person(office, "Zed Quill", "555-010-7000")
    y = _person(office, "Zed Quill", "555-010-7001")
    ticket_ids = [_ticket(office, x, "Pothole on Elm"), _ticket(office, y, "Pothole on Oak")]
    merge_requesters(office.db, actor=office.supervisor, source_id=x, target_id=y)
    _arrives(office, y, x)
    return x, y, ticket_ids


def test_crossed_merges_leave_one_survivor_in_every_lookup(
    office: Office, crossed: tuple[str, str, list[str]]
) -> None:
    x, y, _ = crossed
    keep, gone = min(x, y), max(x, y)
    with office.db.read() as s:
        assert merges.survivor_id(s, x) == merges.survivor_id(s, y) == keep
        assert [h.id for h in complete_requesters(s, "zed")] == [keep]
        assert [h.id for h in complete_requesters(s, "5550107")] == [keep]
        assert [c.id for c in find_requesters(s, "quill")] == [keep]
        assert keep in search_requester_ids(s, "zed quill") and gone not in search_requester_ids(s, "zed")
        assert requester_hit(s, x).id == requester_hit(s, y).id == keep  # type: ignore[union-attr]
        shown_keep, shown_gone = requester_detail(s, keep), requester_detail(s, gone)
        assert shown_keep is not None and shown_keep.merged_into is None
        assert shown_gone is not None and shown_gone.merged_into == keep
        assert requester_ticket_count(s, keep) == 2 and requester_rows(s, [keep])[keep].ticket_count == 2


def test_tickets_name_and_count_the_survivor_and_new_tickets_use_it(
    office: Office, crossed: tuple[str, str, list[str]]
) -> None:
    x, y, ticket_ids = crossed
    keep = min(x, y)
    for ticket_id in ticket_ids:  # as the apply would refold the tickets the merges touched
        tickets.add_reporter(office.db, actor=office.clerk, ticket_id=ticket_id, requester_id=office.citizen,
                             channel="phone")  # fmt: skip
    with office.db.read() as s:
        names = set(s.scalars(select(Ticket.requester_name).where(Ticket.id.in_(ticket_ids))))
        assert names == {"Zed Quill"}
        counts = set(s.scalars(select(Ticket.reporter_count).where(Ticket.id.in_(ticket_ids))))
        assert counts == {2}
        detail = ticket_detail(s, ticket_ids[0])
        assert detail is not None and detail.reporters[0].name == "Zed Quill"
    new = _ticket(office, max(x, y), "Pothole on Ash")
    with office.db.read() as s:
        assert s.scalar(select(TicketReporter.requester_id).where(TicketReporter.ticket_id == new)) == keep
    with pytest.raises(Exception, match="already a reporter"):
        tickets.add_reporter(office.db, actor=office.clerk, ticket_id=new, requester_id=x, channel="phone")


def test_the_survivor_can_be_merged_on_and_the_loop_opens(
    office: Office, crossed: tuple[str, str, list[str]]
) -> None:
    x, y, _ = crossed
    z = _person(office, "Zed Quill-Ames", "555-010-7002")
    with pytest.raises(Exception, match="already merged"):
        merge_requesters(office.db, actor=office.supervisor, source_id=max(x, y), target_id=z)
    merge_requesters(office.db, actor=office.supervisor, source_id=min(x, y), target_id=z)
    with office.db.read() as s:
        assert merges.survivor_id(s, x) == merges.survivor_id(s, y) == z
        assert [h.id for h in complete_requesters(s, "zed")] == [z]
        assert requester_ticket_count(s, z) == 2


def test_a_three_office_loop_and_the_same_answer_whichever_change_arrived_last(office: Office) -> None:
    a, b, c = (_person(office, f"Ann Lee {i}", f"555-010-720{i}") for i in range(3))
    merge_requesters(office.db, actor=office.supervisor, source_id=a, target_id=b)  # this office
    _arrives(office, b, c)  # a second office
    with office.db.read() as s:
        assert [h.id for h in complete_requesters(s, "ann lee")] == [c]  # a chain, no loop yet
    _arrives(office, c, a)  # a third office
    with office.db.read() as s:
        keep = min(a, b, c)
        assert {merges.survivor_id(s, r) for r in (a, b, c)} == {keep}
        assert [h.id for h in complete_requesters(s, "ann lee")] == [keep]
        assert merges.families(s, [keep])[keep] == {a, b, c}
        assert s.scalar(select(Outbox.row_id).where(Outbox.field == "merged_into")) == a  # no repair entries
        assert len(list(s.scalars(select(Outbox).where(Outbox.field == "merged_into")))) == 1
