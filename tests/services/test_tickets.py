"""Every ticket service writes exactly one timeline entry and its outbox row and refreshes the cache."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

import capture_check
from citydesk.domain.errors import PermissionDenied, TransitionError, ValidationError
from citydesk.services import tickets as svc
from citydesk.store.models import Outbox, Ticket, TicketReporter, TimelineEntry
from factories import Office


def counts(office: Office) -> tuple[int, int, int]:
    """(tickets, timeline entries, outbox rows)."""
    with office.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Ticket)) or 0,
            s.scalar(select(func.count()).select_from(TimelineEntry)) or 0,
            s.scalar(select(func.count()).select_from(Outbox)) or 0,
        )


def ticket(office: Office, ticket_id: str) -> Ticket:
    with office.db.read() as s:
        row = s.scalar(select(Ticket).where(Ticket.id == ticket_id))
        assert row is not None
        return row


def new_ticket(office: Office, **kw: Any) -> svc.TicketCreated:
    args: dict[str, Any] = {
        "title": "Pothole on Elm St",
        "channel": "phone",
        "category_id": office.pothole,
        "requester_id": office.citizen,
        "location": "12 Elm St",
    }
    args.update(kw)
    return svc.create_ticket(office.db, actor=office.clerk, **args)


def test_create_writes_insert_row_created_entry_and_two_outbox_rows(office: Office) -> None:
    before = counts(office)
    created = new_ticket(office)
    assert counts(office) == (before[0] + 1, before[1] + 1, before[2] + 2)
    assert created.number == "CLK-TST-000001"
    row = ticket(office, created.ticket_id)
    assert (row.status, row.priority, row.department_id) == ("new", "P3", office.public_works)
    assert row.is_open and row.reporter_count == 1 and row.requester_name == "Jane Roe"
    # Monday 09:00 Chicago + 5 business days -> Monday 2026-11-23 17:00 Chicago = 23:00 UTC
    assert row.due_at is not None and row.due_at.isoformat() == "2026-11-23T23:00:00+00:00"
    with office.db.read() as s:
        ops = s.execute(select(Outbox.op, Outbox.table_name).order_by(Outbox.seq.desc()).limit(2)).all()
        assert sorted(ops) == [("entry", "timeline_entry"), ("insert", "ticket")]


def test_each_channel_creates(office: Office) -> None:
    for channel in ("phone", "walk_in", "email", "web", "intranet", "internal", "after_hours"):
        created = new_ticket(office, channel=channel)
        assert ticket(office, created.ticket_id).channel == channel


def test_numbers_are_sequential_and_unique(office: Office) -> None:
    numbers = [new_ticket(office).number for _ in range(40)]
    assert numbers == [f"CLK-TST-{i:06d}" for i in range(1, 41)]


MUTATIONS: list[tuple[str, Callable[[Office, str], Any], Callable[[Ticket], bool]]] = [
    (
        "note",
        lambda o, t: svc.add_note(o.db, actor=o.tech, ticket_id=t, body="Crew looked", public=False),
        lambda r: r.first_response_at is None,
    ),
    (
        "public note",
        lambda o, t: svc.add_note(o.db, actor=o.tech, ticket_id=t, body="On our list", public=True),
        lambda r: r.first_response_at is not None,
    ),
    (
        "call",
        lambda o, t: svc.log_call(o.db, actor=o.clerk, ticket_id=t, summary="Called back"),
        lambda r: r.first_response_at is not None,
    ),
    (
        "status",
        lambda o, t: svc.change_status(o.db, actor=o.tech, ticket_id=t, status="in_progress"),
        lambda r: r.status == "in_progress" and r.first_response_at is not None,
    ),
    (
        "priority",
        lambda o, t: svc.change_priority(o.db, actor=o.tech, ticket_id=t, priority="P1"),
        lambda r: r.priority == "P1" and r.priority_rank == 1,
    ),
    (
        "title",
        lambda o, t: svc.edit_ticket(o.db, actor=o.tech, ticket_id=t, field="title", value="Big hole"),
        lambda r: r.title == "Big hole",
    ),
    (
        "location",
        lambda o, t: svc.edit_ticket(
            o.db,
            actor=o.tech,
            ticket_id=t,
            field="location",
            value={"text": "14 Elm St", "lat": 41.5, "lon": -90.1},
        ),
        lambda r: r.location_text == "14 Elm St" and r.latitude == 41.5,
    ),
    (
        "category",
        lambda o, t: svc.edit_ticket(
            o.db, actor=o.tech, ticket_id=t, field="category_id", value=o.streetlight
        ),
        lambda r: r.category_id is not None,
    ),
    (
        "take",
        lambda o, t: svc.take(o.db, actor=o.tech, ticket_id=t),
        lambda r: r.assignee_id is not None and r.status == "assigned",
    ),
    (
        "route",
        lambda o, t: svc.assign(o.db, actor=o.supervisor, ticket_id=t, department_id=o.it),
        lambda r: r.department_id is not None,
    ),
    (
        "escalate",
        lambda o, t: svc.escalate(o.db, actor=o.tech, ticket_id=t, level=2, reason="Bus route"),
        lambda r: r.escalation_level == 2,
    ),
    (
        "time",
        lambda o, t: svc.record_time(o.db, actor=o.tech, ticket_id=t, minutes=30),
        lambda r: r.time_spent_minutes == 30,
    ),
    (
        "visit",
        lambda o, t: svc.schedule_visit(
            o.db, actor=o.tech, ticket_id=t, at=o.clock.now() + timedelta(hours=3), place="12 Elm St"
        ),
        lambda r: r.visit_at is not None and r.visit_place == "12 Elm St",
    ),
    (
        "reporter",
        lambda o, t: svc.add_reporter(
            o.db, actor=o.clerk, ticket_id=t, requester_id=o.spanish_citizen, channel="walk_in"
        ),
        lambda r: r.reporter_count == 2,
    ),
    (
        "resolve",
        lambda o, t: svc.resolve(o.db, actor=o.tech, ticket_id=t, reason="done", public_note="Filled"),
        lambda r: r.status == "resolved" and not r.is_open and r.resolved_at is not None,
    ),
]


@pytest.mark.parametrize("name,mutate,check", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_each_mutation_writes_one_entry_one_outbox_row_and_refreshes(
    office: Office, name: str, mutate: Callable[[Office, str], Any], check: Callable[[Ticket], bool]
) -> None:
    created = new_ticket(office)
    office.clock.advance(minutes=5)
    before = counts(office)
    mutate(office, created.ticket_id)
    after = counts(office)
    assert after == (before[0], before[1] + 1, before[2] + 1), name
    row = ticket(office, created.ticket_id)
    assert check(row), name
    assert row.updated_at == office.clock.now()


def test_reporter_row_materialized(office: Office) -> None:
    created = new_ticket(office)
    svc.add_reporter(
        office.db,
        actor=office.clerk,
        ticket_id=created.ticket_id,
        requester_id=office.spanish_citizen,
        channel="walk_in",
    )
    with office.db.read() as s:
        reps = s.scalars(
            select(TicketReporter.requester_id).where(TicketReporter.ticket_id == created.ticket_id)
        )
        assert set(reps) == {office.citizen, office.spanish_citizen}
    with pytest.raises(ValidationError, match="already a reporter"):
        svc.add_reporter(
            office.db,
            actor=office.clerk,
            ticket_id=created.ticket_id,
            requester_id=office.citizen,
            channel="phone",
        )


def test_resolve_duplicate_reopen_close(office: Office) -> None:
    first = new_ticket(office)
    second = new_ticket(office)
    with pytest.raises(ValidationError, match="No ticket"):
        svc.resolve(
            office.db,
            actor=office.tech,
            ticket_id=second.ticket_id,
            reason="duplicate",
            public_note="Same hole",
            duplicate_of="CLK-TST-999999",
        )
    with pytest.raises(ValidationError, match="itself"):
        svc.resolve(
            office.db,
            actor=office.tech,
            ticket_id=second.ticket_id,
            reason="duplicate",
            public_note="Same hole",
            duplicate_of=second.number,
        )
    svc.resolve(
        office.db,
        actor=office.tech,
        ticket_id=second.ticket_id,
        reason="duplicate",
        public_note="Same hole",
        duplicate_of=first.number.lower(),
    )
    row = ticket(office, second.ticket_id)
    assert (row.resolution_reason, row.resolution_ref) == ("duplicate", first.number)
    with pytest.raises(PermissionDenied):
        svc.reopen(office.db, actor=office.tech, ticket_id=second.ticket_id, reason="Still there")
    svc.reopen(office.db, actor=office.supervisor, ticket_id=second.ticket_id, reason="Still there")
    row = ticket(office, second.ticket_id)
    assert row.is_open and row.status == "new" and row.reopen_count == 1 and row.resolved_at is None
    svc.resolve(office.db, actor=office.tech, ticket_id=second.ticket_id, reason="done", public_note="Fixed")
    svc.close_ticket(office.db, actor=office.supervisor, ticket_id=second.ticket_id)
    row = ticket(office, second.ticket_id)
    assert row.status == "closed" and row.closed_at is not None and row.resolved_at is not None


def test_first_contact_resolution(office: Office) -> None:
    created = new_ticket(office)
    office.clock.advance(minutes=10)
    svc.resolve(
        office.db, actor=office.clerk, ticket_id=created.ticket_id, reason="done", public_note="Answered"
    )
    assert ticket(office, created.ticket_id).first_contact_resolution
    late = new_ticket(office)
    office.clock.advance(minutes=45)
    svc.resolve(
        office.db, actor=office.clerk, ticket_id=late.ticket_id, reason="done", public_note="Answered"
    )
    assert not ticket(office, late.ticket_id).first_contact_resolution


def test_redaction_blanks_body_and_keeps_the_fact(office: Office) -> None:
    created = new_ticket(office)
    note = svc.add_note(
        office.db, actor=office.tech, ticket_id=created.ticket_id, body="SSN 123-45-6789", public=False
    )
    with pytest.raises(PermissionDenied):
        svc.redact_note(office.db, actor=office.tech, entry_id=note.entry_id, reason="Personal data")
    svc.redact_note(office.db, actor=office.supervisor, entry_id=note.entry_id, reason="Personal data")
    with office.db.read() as s:
        target = s.get(TimelineEntry, note.entry_id)
        assert target is not None and target.body is None and target.redacted_by is not None
        redaction = s.get(TimelineEntry, target.redacted_by)
        assert redaction is not None and redaction.kind == "redaction"
        assert redaction.author_id == office.supervisor.user_id


BAD_INPUT: list[tuple[str, Callable[[Office, str], Any], type[Exception], str]] = [
    ("empty title", lambda o, t: new_ticket(o, title="   "), ValidationError, "title"),
    ("long title", lambda o, t: new_ticket(o, title="x" * 201), ValidationError, "title"),
    ("unknown category", lambda o, t: new_ticket(o, category_id="nope"), ValidationError, "category"),
    (
        "unknown department",
        lambda o, t: new_ticket(o, category_id=None, department_id="nope"),
        ValidationError,
        "department",
    ),
    ("unknown requester", lambda o, t: new_ticket(o, requester_id="nope"), ValidationError, "requester"),
    ("unknown channel", lambda o, t: new_ticket(o, channel="pigeon"), ValidationError, "channel"),
    ("bad priority", lambda o, t: new_ticket(o, priority="P9"), ValidationError, "priority"),
    (
        "clerk assigns others",
        lambda o, t: new_ticket(o, assignee_id=o.tech.user_id),
        PermissionDenied,
        "assign",
    ),
    (
        "unknown assignee",
        lambda o, t: svc.assign(o.db, actor=o.supervisor, ticket_id=t, assignee_id="nope"),
        ValidationError,
        "assignee",
    ),
    (
        "empty note",
        lambda o, t: svc.add_note(o.db, actor=o.tech, ticket_id=t, body="", public=True),
        ValidationError,
        "body",
    ),
    (
        "illegal transition",
        lambda o, t: svc.change_status(o.db, actor=o.tech, ticket_id=t, status="closed"),
        PermissionDenied,
        "close",
    ),
    (
        "status via change_status",
        lambda o, t: svc.change_status(o.db, actor=o.tech, ticket_id=t, status="resolved"),
        ValidationError,
        "status",
    ),
    (
        "bad minutes",
        lambda o, t: svc.record_time(o.db, actor=o.tech, ticket_id=t, minutes=0),
        ValidationError,
        "minutes",
    ),
    (
        "bad level",
        lambda o, t: svc.escalate(o.db, actor=o.tech, ticket_id=t, level=7, reason="x"),
        ValidationError,
        "level",
    ),
    (
        "clerk changes priority",
        lambda o, t: svc.change_priority(o.db, actor=o.clerk, ticket_id=t, priority="P1"),
        PermissionDenied,
        "priority",
    ),
    (
        "visit a year typed wrong",
        lambda o, t: svc.schedule_visit(
            o.db, actor=o.tech, ticket_id=t, at=o.clock.now().replace(year=5202), place="12 Elm St"
        ),
        ValidationError,
        "more than a year ahead",
    ),
    (
        "visit weeks ago",
        lambda o, t: svc.schedule_visit(
            o.db, actor=o.tech, ticket_id=t, at=o.clock.now() - timedelta(days=8), place="12 Elm St"
        ),
        ValidationError,
        "more than 7 days ago",
    ),
    (
        "referred without agency",
        lambda o, t: svc.resolve(o.db, actor=o.tech, ticket_id=t, reason="referred", public_note="Sent on"),
        ValidationError,
        "agency",
    ),
    (
        "unknown ticket",
        lambda o, t: svc.add_note(o.db, actor=o.tech, ticket_id="nope", body="x", public=True),
        Exception,
        "ticket",
    ),
]


@pytest.mark.parametrize("name,call,error,word", BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_is_refused_and_writes_nothing(
    office: Office, name: str, call: Callable[[Office, str], Any], error: type[Exception], word: str
) -> None:
    created = new_ticket(office)
    before = counts(office)
    with pytest.raises(error) as info:
        call(office, created.ticket_id)
    assert word in str(info.value).lower(), str(info.value)
    assert counts(office) == before


def test_transition_table_enforced(office: Office) -> None:
    created = new_ticket(office)
    svc.resolve(office.db, actor=office.tech, ticket_id=created.ticket_id, reason="done", public_note="ok")
    with pytest.raises(TransitionError):
        svc.change_status(office.db, actor=office.tech, ticket_id=created.ticket_id, status="in_progress")


def test_disabled_user_cannot_act(office: Office) -> None:
    from sqlalchemy import update

    from citydesk.store.models import User

    created = new_ticket(office)
    with capture_check.unwatched("the server disabled the user"), office.db.write() as s:
        s.execute(update(User).where(User.id == office.tech.user_id).values(active=False))
    with pytest.raises(PermissionDenied):
        svc.add_note(office.db, actor=office.tech, ticket_id=created.ticket_id, body="x", public=True)
