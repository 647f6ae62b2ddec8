"""Requesters: create (citizen or staff), validation that writes nothing, per-field edits, merges, lookup."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from citydesk.domain.errors import NotFound, PermissionDenied, ValidationError
from citydesk.services import tickets as svc
from citydesk.services.requesters import (
    SYNCED_FIELDS,
    create_requester,
    merge_requesters,
    requester_ticket_ids,
    update_requester,
)
from citydesk.store import queries
from citydesk.store.detail import find_requesters, row_no_of
from citydesk.store.models import FieldClock, Outbox, Requester, Ticket, TicketReporter, TimelineEntry
from factories import Office


def counts(office: Office) -> tuple[int, int, int]:
    """(requesters, field clocks, outbox rows)."""
    with office.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Requester)) or 0,
            s.scalar(select(func.count()).select_from(FieldClock)) or 0,
            s.scalar(select(func.count()).select_from(Outbox)) or 0,
        )


def requester(office: Office, requester_id: str) -> Requester:
    with office.db.read() as s:
        row = s.get(Requester, requester_id)
        assert row is not None
        return row


def clocks(office: Office, requester_id: str) -> dict[str, int]:
    with office.db.read() as s:
        return dict(
            s.execute(
                select(FieldClock.field, FieldClock.hlc).where(
                    FieldClock.table_name == "requester", FieldClock.row_id == requester_id
                )
            ).all()
        )


def outbox_since(office: Office, seq: int) -> list[tuple[Any, ...]]:
    with office.db.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                select(Outbox.op, Outbox.table_name, Outbox.row_id, Outbox.field, Outbox.hlc)
                .where(Outbox.seq > seq)
                .order_by(Outbox.seq)
            )
        ]


def last_seq(office: Office) -> int:
    with office.db.read() as s:
        return s.scalar(select(func.max(Outbox.seq))) or 0


def found(office: Office, typed: str) -> list[str]:
    with office.db.read() as s:
        return [c.id for c in find_requesters(s, typed)]


def searched(office: Office, typed: str) -> list[int]:
    with office.db.read() as s:
        return queries.search(s, typed).row_nos


def ticket_row(office: Office, ticket_id: str) -> tuple[int, Ticket]:
    with office.db.read() as s:
        row = s.scalar(select(Ticket).where(Ticket.id == ticket_id))
        row_no = row_no_of(s, ticket_id)
        assert row is not None and row_no is not None
        return row_no, row


# -- create ---------------------------------------------------------------------------------------


def test_create_citizen_writes_row_field_clocks_and_one_outbox_row(office: Office) -> None:
    before = counts(office)
    seq = last_seq(office)
    saved = create_requester(
        office.db,
        actor=office.clerk,
        name="  Maria Lopez ",
        phone="+1 (555) 201-3344",
        email="Maria.Lopez@Example.org",
        address="4 Oak Ave",
        reply_method="email",
        preferred_language="es",
    )
    assert saved.display_name == "Maria Lopez"
    assert counts(office) == (before[0] + 1, before[1] + len(SYNCED_FIELDS), before[2] + 1)
    row = requester(office, saved.requester_id)
    assert (row.kind, row.name, row.email, row.phone) == (
        "citizen",
        "Maria Lopez",
        "maria.lopez@example.org",
        "+1 (555) 201-3344",
    )
    assert (row.phone_digits, row.name_key) == ("15552013344", "maria lopez")
    assert (row.reply_method, row.preferred_language, row.anonymous, row.merged_into) == (
        "email",
        "es",
        False,
        None,
    )
    [change] = outbox_since(office, seq)
    assert change[:4] == ("insert", "requester", saved.requester_id, None)
    assert set(clocks(office, saved.requester_id)) == set(SYNCED_FIELDS)
    assert set(clocks(office, saved.requester_id).values()) == {change[4]}


def test_create_staff_member_with_department(office: Office) -> None:
    saved = create_requester(
        office.db,
        actor=office.clerk,
        kind="staff",
        name="Paul Payroll",
        email="paul@city.gov",
        department_id=office.it,
        reply_method="email",
    )
    row = requester(office, saved.requester_id)
    assert (row.kind, row.department_id) == ("staff", office.it)


def test_create_anonymous_keeps_nothing_identifying(office: Office) -> None:
    saved = create_requester(office.db, actor=office.clerk, anonymous=True, reply_method="phone")
    row = requester(office, saved.requester_id)
    assert saved.display_name == "Anonymous"
    assert (row.name, row.phone, row.email, row.address, row.reply_method) == (None, None, None, None, "none")


BAD: list[tuple[str, dict[str, Any], str]] = [
    ("short phone", {"name": "A", "phone": "12345"}, "phone"),
    ("letters in phone", {"name": "A", "phone": "555-CALL-NOW"}, "phone"),
    ("bad e-mail", {"name": "A", "email": "a@b", "reply_method": "email"}, "email"),
    ("anonymous with a name", {"anonymous": True, "name": "Jane"}, "name"),
    ("anonymous with a phone", {"anonymous": True, "phone": "555-010-9999"}, "phone"),
    ("anonymous with an e-mail", {"anonymous": True, "email": "x@example.org"}, "email"),
    (
        "staff without department",
        {"kind": "staff", "name": "B", "email": "b@city.gov", "reply_method": "email"},
        "department",
    ),
    (
        "staff in unknown department",
        {"kind": "staff", "name": "B", "phone": "555-010-1111", "department_id": "nope"},
        "department",
    ),
    ("reply by e-mail without one", {"name": "C", "phone": "555-010-1234", "reply_method": "email"}, "email"),
    ("reply by phone without one", {"name": "C", "email": "c@example.org", "reply_method": "phone"}, "phone"),
    (
        "reply by letter without address",
        {"name": "C", "phone": "555-010-1234", "reply_method": "letter"},
        "address",
    ),
    (
        "unknown reply method",
        {"name": "C", "phone": "555-010-1234", "reply_method": "pigeon"},
        "reply_method",
    ),
    (
        "unknown language",
        {"name": "D", "phone": "555-010-1234", "preferred_language": "xx"},
        "preferred_language",
    ),
    ("unknown kind", {"kind": "alien", "name": "E", "phone": "555-010-1234"}, "kind"),
    ("nobody at all", {"reply_method": "none"}, "name"),
    ("name too long", {"name": "N" * 121, "phone": "555-010-1234"}, "name"),
]


@pytest.mark.parametrize(("values", "field"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_invalid_requester_names_the_field_and_writes_nothing(
    office: Office, values: dict[str, Any], field: str
) -> None:
    before = counts(office)
    with pytest.raises(ValidationError) as info:
        create_requester(office.db, actor=office.clerk, **values)
    assert info.value.field == field
    assert info.value.message and str(info.value).startswith(f"{field}: ")
    assert counts(office) == before


# -- update ---------------------------------------------------------------------------------------


def test_update_writes_one_outbox_row_and_one_clock_per_changed_field(office: Office) -> None:
    created = svc.create_ticket(
        office.db, actor=office.clerk, title="Broken bench", channel="phone", requester_id=office.citizen
    )
    before_clocks = clocks(office, office.citizen)
    before = counts(office)
    seq = last_seq(office)
    office.clock.advance(minutes=3)

    saved = update_requester(
        office.db,
        actor=office.clerk,
        requester_id=office.citizen,
        name="Janet Roe-Smith",
        phone="555-010-7777",
        email="JANE@example.org",  # same address, different case: not a change
    )

    assert saved.display_name == "Janet Roe-Smith"
    changes = outbox_since(office, seq)
    assert sorted(c[3] for c in changes) == ["name", "phone"]
    assert all(c[:3] == ("update", "requester", office.citizen) for c in changes)
    assert counts(office) == (before[0], before[1], before[2] + 2)  # clocks updated in place
    after_clocks = clocks(office, office.citizen)
    hlc = changes[0][4]
    assert after_clocks["name"] == after_clocks["phone"] == hlc > before_clocks["name"]
    for name in set(SYNCED_FIELDS) - {"name", "phone"}:
        assert after_clocks[name] == before_clocks[name], name
    row = requester(office, office.citizen)
    assert (row.name, row.name_key, row.phone, row.phone_digits) == (
        "Janet Roe-Smith",
        "janet roe-smith",
        "555-010-7777",
        "5550107777",
    )
    # The ticket's cached name and the search index follow the edit.
    row_no, ticket = ticket_row(office, created.ticket_id)
    assert ticket.requester_name == "Janet Roe-Smith"
    assert searched(office, "Janet") == [row_no]
    assert searched(office, "5550107777") == [row_no]
    assert searched(office, "5550102000") == []  # the old phone number is gone from the index
    assert found(office, "janet") == [office.citizen]
    assert found(office, "jane roe") == []


def test_update_without_a_change_writes_nothing(office: Office) -> None:
    before = counts(office)
    update_requester(office.db, actor=office.clerk, requester_id=office.citizen, name="Jane Roe")
    assert counts(office) == before


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"phone": ""}, "phone"),  # replies by phone, so the phone stays required
        ({"anonymous": True}, "name"),
        ({"preferred_language": "klingon"}, "preferred_language"),
        ({"phone_digits": "1"}, "phone_digits"),
    ],
)
def test_invalid_update_names_the_field_and_writes_nothing(
    office: Office, changes: dict[str, Any], field: str
) -> None:
    before = counts(office)
    before_row = requester(office, office.citizen)
    with pytest.raises(ValidationError) as info:
        update_requester(office.db, actor=office.clerk, requester_id=office.citizen, **changes)
    assert info.value.field == field
    assert counts(office) == before
    after_row = requester(office, office.citizen)
    assert (after_row.email, after_row.phone, after_row.anonymous) == (
        before_row.email,
        before_row.phone,
        before_row.anonymous,
    )


def test_update_of_unknown_requester(office: Office) -> None:
    with pytest.raises(NotFound):
        update_requester(office.db, actor=office.clerk, requester_id="nobody", name="X")


# -- merge ----------------------------------------------------------------------------------------


def _duplicate(office: Office) -> str:
    """The same Jane, created again by an office that was offline."""
    return create_requester(
        office.db, actor=office.clerk, name="Jane R.", phone="555 010 2000", reply_method="phone"
    ).requester_id


def test_clerk_may_not_merge_and_nothing_changes(office: Office) -> None:
    duplicate = _duplicate(office)
    before = counts(office)
    with pytest.raises(PermissionDenied):
        merge_requesters(office.db, actor=office.clerk, source_id=duplicate, target_id=office.citizen)
    assert counts(office) == before
    assert requester(office, duplicate).merged_into is None


def test_supervisor_merges_and_tickets_follow(office: Office) -> None:
    duplicate = _duplicate(office)
    on_dup = svc.create_ticket(
        office.db, actor=office.clerk, title="Tree down", channel="phone", requester_id=duplicate
    )
    on_both = svc.create_ticket(
        office.db,
        actor=office.clerk,
        title="Water leak",
        channel="phone",
        requester_id=office.spanish_citizen,
    )
    svc.add_reporter(
        office.db, actor=office.clerk, ticket_id=on_both.ticket_id, requester_id=duplicate, channel="walk_in"
    )
    untouched = svc.create_ticket(
        office.db, actor=office.clerk, title="Noise", channel="phone", requester_id=office.spanish_citizen
    )
    assert ticket_row(office, on_dup.ticket_id)[1].requester_name == "Jane R."
    seq = last_seq(office)
    office.clock.advance(minutes=1)

    saved = merge_requesters(
        office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen
    )

    assert saved.requester_id == office.citizen
    assert set(saved.ticket_ids) == {on_dup.ticket_id, on_both.ticket_id}
    assert requester(office, duplicate).merged_into == office.citizen
    changes = outbox_since(office, seq)
    assert changes[0][:4] == ("update", "requester", duplicate, "merged_into")
    assert clocks(office, duplicate)["merged_into"] == changes[0][4]
    # One timeline entry on each affected ticket, written in the same transaction (and pushed).
    merged = merge_entries(office)
    assert sorted(e.ticket_id for e in merged) == sorted([on_dup.ticket_id, on_both.ticket_id])
    assert all(e.detail == {"from": duplicate, "to": office.citizen} for e in merged)
    assert all(e.author_id == office.supervisor.user_id and not e.public for e in merged)
    assert [c[:2] for c in changes[1:]] == [("entry", "timeline_entry")] * 2
    assert {c[2] for c in changes[1:]} == {e.id for e in merged}
    with office.db.read() as s:
        left = s.scalar(
            select(func.count()).select_from(TicketReporter).where(TicketReporter.requester_id == duplicate)
        )
        assert left == 0
        by_ticket = {
            t: sorted(
                s.scalars(select(TicketReporter.requester_id).where(TicketReporter.ticket_id == t)).all()
            )
            for t in (on_dup.ticket_id, on_both.ticket_id, untouched.ticket_id)
        }
    assert by_ticket[on_dup.ticket_id] == [office.citizen]
    assert by_ticket[on_both.ticket_id] == sorted([office.spanish_citizen, office.citizen])
    assert by_ticket[untouched.ticket_id] == [office.spanish_citizen]
    assert ticket_row(office, on_dup.ticket_id)[1].requester_name == "Jane Roe"
    assert ticket_row(office, on_both.ticket_id)[1].requester_name == "José Núñez"
    assert set(requester_ticket_ids(office.db, office.citizen)) == {on_dup.ticket_id, on_both.ticket_id}
    assert requester_ticket_ids(office.db, duplicate) == []
    # Search sees the re-pointed reporters; the duplicate is hidden from lookup.
    row_no = ticket_row(office, on_dup.ticket_id)[0]
    assert row_no in searched(office, "Roe")
    assert duplicate not in found(office, "jane") and office.citizen in found(office, "jane")
    # A ticket logged later against the old record lands on the surviving one.
    later = svc.create_ticket(
        office.db, actor=office.clerk, title="Another one", channel="phone", requester_id=duplicate
    )
    assert ticket_row(office, later.ticket_id)[1].requester_name == "Jane Roe"
    assert later.ticket_id in requester_ticket_ids(office.db, office.citizen)


def merge_entries(office: Office) -> list[TimelineEntry]:
    """Every `reporter_merged` timeline entry."""
    with office.db.read() as s:
        return list(s.scalars(select(TimelineEntry).where(TimelineEntry.kind == "reporter_merged")))


def test_merge_rejects_self_and_merged_targets(office: Office) -> None:
    duplicate = _duplicate(office)
    third = create_requester(
        office.db, actor=office.clerk, name="J Roe", email="j@example.org", reply_method="email"
    )
    with pytest.raises(ValidationError) as info:
        merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=duplicate)
    assert info.value.field == "target"
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    before = counts(office)
    with pytest.raises(ValidationError) as info:
        merge_requesters(
            office.db, actor=office.supervisor, source_id=third.requester_id, target_id=duplicate
        )
    assert info.value.field == "target"
    with pytest.raises(NotFound):
        merge_requesters(office.db, actor=office.supervisor, source_id="ghost", target_id=office.citizen)
    assert counts(office) == before


# -- lookup ---------------------------------------------------------------------------------------


def test_find_by_name_prefix_phone_digits_and_email(office: Office) -> None:
    staff = create_requester(
        office.db,
        actor=office.clerk,
        kind="staff",
        name="Paula Payroll",
        email="paula.p@city.gov",
        department_id=office.it,
        reply_method="email",
    ).requester_id
    assert found(office, "jane") == [office.citizen]
    assert found(office, "  JANE R ") == [office.citizen]
    assert found(office, "Jos") == [office.spanish_citizen]
    assert found(office, "paula") == [staff]
    assert found(office, "(555) 010-2000") == [office.citizen]
    assert found(office, "555.010.3") == [office.spanish_citizen]
    assert set(found(office, "555 010")) == {office.citizen, office.spanish_citizen}
    assert found(office, "jane@example.org") == [office.citizen]
    assert found(office, "JANE@EXAMPLE") == [office.citizen]
    assert found(office, "paula.p@") == [staff]
    assert found(office, "") == [] and found(office, "   ") == []
    assert found(office, "zed") == []
    with office.db.read() as s:
        [choice] = find_requesters(s, "jane")
    assert (
        choice.label == "Jane Roe" and "(555) 010-2000" in choice.extra and "jane@example.org" in choice.extra
    )


def test_find_hides_merged_and_anonymous_requesters(office: Office) -> None:
    duplicate = _duplicate(office)
    create_requester(office.db, actor=office.clerk, anonymous=True)
    assert set(found(office, "5550102000")) == {office.citizen, duplicate}
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    assert found(office, "5550102000") == [office.citizen]
    assert found(office, "jane r.") == []
    assert "Anonymous" not in [c.label for c in _choices(office, "anon")]


def _choices(office: Office, typed: str) -> list[Any]:
    with office.db.read() as s:
        return find_requesters(s, typed)


def test_find_limits_results(office: Office) -> None:
    for i in range(25):
        create_requester(office.db, actor=office.clerk, name=f"Smith {i:02d}", phone=f"555-020-{i:04d}")
    with office.db.read() as s:
        assert len(find_requesters(s, "smith")) == 20
        assert len(find_requesters(s, "smith", limit=5)) == 5


def test_merging_two_records_of_one_reporter_counts_that_person_once(office: Office) -> None:
    duplicate = _duplicate(office)
    created = svc.create_ticket(
        office.db, actor=office.clerk, title="Pothole", channel="phone", requester_id=office.citizen
    )
    svc.add_reporter(
        office.db, actor=office.clerk, ticket_id=created.ticket_id, requester_id=duplicate, channel="walk_in"
    )
    assert ticket_row(office, created.ticket_id)[1].reporter_count == 2
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    with office.db.read() as s:
        people = set(
            s.scalars(
                select(TicketReporter.requester_id).where(TicketReporter.ticket_id == created.ticket_id)
            )
        )
    assert people == {office.citizen}
    assert ticket_row(office, created.ticket_id)[1].reporter_count == 1


def test_merge_of_an_already_merged_requester_is_refused_and_writes_nothing(office: Office) -> None:
    duplicate = _duplicate(office)
    svc.create_ticket(
        office.db, actor=office.clerk, title="Tree down", channel="phone", requester_id=duplicate
    )
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    before, entries = counts(office), len(merge_entries(office))
    with pytest.raises(ValidationError) as info:
        merge_requesters(
            office.db, actor=office.supervisor, source_id=duplicate, target_id=office.spanish_citizen
        )
    assert info.value.field == "source"
    assert counts(office) == before and len(merge_entries(office)) == entries == 1
    assert requester(office, duplicate).merged_into == office.citizen


def test_after_a_merge_the_survivor_is_already_a_reporter_of_the_duplicates_tickets(office: Office) -> None:
    duplicate = _duplicate(office)
    created = svc.create_ticket(
        office.db, actor=office.clerk, title="Tree down", channel="phone", requester_id=duplicate
    )
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    with pytest.raises(ValidationError) as info:
        svc.add_reporter(
            office.db,
            actor=office.clerk,
            ticket_id=created.ticket_id,
            requester_id=office.citizen,
            channel="phone",
        )
    assert info.value.field == "requester"


def test_a_replica_that_receives_the_merge_entry_re_points_its_reporter_rows(office: Office) -> None:
    """The reporter rows follow the timeline: refreshing from the entries re-points them (the sync path)."""
    from sqlalchemy import update

    from citydesk.store import ticket_cache
    from citydesk.store.settings import load_calendar

    duplicate = _duplicate(office)
    created = svc.create_ticket(
        office.db, actor=office.clerk, title="Tree down", channel="phone", requester_id=duplicate
    )
    merge_requesters(office.db, actor=office.supervisor, source_id=duplicate, target_id=office.citizen)
    with office.db.write() as s:  # as another replica holds it before the merge entry is folded in
        s.execute(update(TicketReporter).values(requester_id=duplicate))
    with office.db.write() as s:
        ticket_cache.refresh(s, created.ticket_id, calendar=load_calendar(s))
    with office.db.read() as s:
        rows = s.scalars(
            select(TicketReporter.requester_id).where(TicketReporter.ticket_id == created.ticket_id)
        )
        assert list(rows) == [office.citizen]
