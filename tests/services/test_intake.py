"""The counter's services and queries: completion, duplicate candidates, logging a request atomically."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from citydesk.domain.errors import PermissionDenied, ValidationError
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services import tickets
from citydesk.services.addresses import import_addresses
from citydesk.services.intake import add_caller, last_channel, log_request
from citydesk.services.requesters import create_requester
from citydesk.store.intake import (
    PlaceQuery,
    complete_addresses,
    complete_categories,
    complete_requesters,
    duplicate_candidates,
)
from citydesk.store.models import Requester, Ticket
from factories import Office

ADDRESSES = (
    "id,address,ward,lat,lon,aliases\n"
    "A1,120 N Main St,Ward 1,41.5823,-93.6251,\n"
    "A2,1500 Oak Ave,Ward 3,41.5765,-93.6335,Lincoln Park;City Park\n"
)


def requester_count(office: Office) -> int:
    with office.db.read() as s:
        return s.scalar(select(func.count()).select_from(Requester)) or 0


def test_requester_completion_by_name_phone_and_email(office: Office) -> None:
    create_requester(office.db, actor=office.clerk, anonymous=True)
    with office.db.read() as s:
        assert [h.name for h in complete_requesters(s, "jan")] == ["Jane Roe"]
        assert [h.name for h in complete_requesters(s, "roe")] == ["Jane Roe"]
        assert [h.name for h in complete_requesters(s, "nunez")] == ["José Núñez"]
        assert [h.name for h in complete_requesters(s, "555 010 3")] == ["José Núñez"]
        assert [h.name for h in complete_requesters(s, "2000")] == ["Jane Roe"]  # the last digits
        assert [h.name for h in complete_requesters(s, "jane@ex")] == ["Jane Roe"]
        assert complete_requesters(s, "anonymous") == []
        assert complete_requesters(s, "555 010") != [] and complete_requesters(s, "12") == []
        assert [h.name for h in complete_requesters(s, "jane r")] == ["Jane Roe"]
        hit = complete_requesters(s, "jose")[0]
        assert (hit.preferred_language, hit.reply_method) == ("es", "phone")


def test_category_completion_by_name_and_keyword(office: Office) -> None:
    with office.db.read() as s:
        assert [c.name for c in complete_categories(s, "light")] == ["Streetlight out"]
        lamp = complete_categories(s, "lamp")
        assert [c.name for c in lamp] == ["Streetlight out"] and lamp[0].matched == "lamp"
        assert lamp[0].department_name == "Public Works" and lamp[0].target_business_days == 3
        assert [c.name for c in complete_categories(s, "pot")] == ["Pothole"]
        assert [c.name for c in complete_categories(s, "locked")] == ["Password reset"]


def test_duplicate_candidates_same_address_block_distance_and_requester(office: Office) -> None:
    import_addresses(office.db, actor=SYSTEM_ACTOR, data=ADDRESSES)
    with office.db.read() as s:
        main = complete_addresses(s, "120 main")[0]
    c = office.clerk

    def make(title: str, location: object, category: str | None = None, requester: str | None = None) -> str:
        return tickets.create_ticket(
            office.db,
            actor=c,
            title=title,
            channel="phone",
            location=location,
            category_id=category or office.streetlight,
            requester_id=requester,
        ).ticket_id

    same_address = make("Light out by the bank", main.location())
    same_block = make("Dark corner", "150 North Main Street")
    near = make("Pole light flickers", {"text": "Main and 2nd", "lat": 41.5826, "lon": -93.6251})
    far = make("Far light", {"text": "somewhere", "lat": 41.60, "lon": -93.6251})
    other_category = make("Pothole by the bank", main.location(), category=office.pothole)
    closed = make("Old light", main.location())
    tickets.resolve(office.db, actor=c, ticket_id=closed, reason="done", public_note="Fixed.")
    mine = make("Noise complaint", None, category=office.pothole, requester=office.citizen)
    place = PlaceQuery(text=main.text, address_id=main.id, latitude=main.latitude, longitude=main.longitude)
    with office.db.read() as s:
        found = duplicate_candidates(
            s, category_id=office.streetlight, place=place, requester_id=office.citizen
        )
    reasons = {f.ticket_id: f.reason for f in found}
    assert reasons[same_address] == "same address"
    assert reasons[same_block] == "same block"
    assert reasons[near].startswith("within ") and reasons[near].endswith(" m")
    assert reasons[mine] == "same requester"
    assert far not in reasons and other_category not in reasons and closed not in reasons


def test_log_request_with_a_new_requester_is_one_transaction(office: Office) -> None:
    before = requester_count(office)
    with pytest.raises(ValidationError) as info:
        log_request(
            office.db,
            actor=office.clerk,
            title="Light out",
            channel="walk_in",
            category_id="no-such-category",
            new_requester={"name": "Ann Lee", "phone": "555-010-4444"},
        )
    assert info.value.field == "category"
    assert requester_count(office) == before  # the requester was not left behind
    logged = log_request(
        office.db,
        actor=office.clerk,
        title="Light out",
        channel="walk_in",
        category_id=office.streetlight,
        intake_answers={"Which pole?": "the one by the bank"},
        new_requester={"name": "Ann Lee", "phone": "555-010-4444"},
    )
    assert requester_count(office) == before + 1 and logged.due_at is not None
    with office.db.read() as s:
        assert last_channel(s) == "walk_in"
        row = s.scalar(select(Ticket).where(Ticket.id == logged.ticket_id))
        assert (
            row is not None and row.requester_name == "Ann Lee" and row.department_id == office.public_works
        )


def test_overriding_the_category_defaults_is_for_supervisors(office: Office) -> None:
    kwargs = {"title": "Light out", "channel": "phone", "category_id": office.streetlight}
    for extra in ({"department_id": office.it}, {"due_date": date(2026, 11, 30)}):
        with pytest.raises(PermissionDenied):
            log_request(office.db, actor=office.clerk, **kwargs, **extra)  # type: ignore[arg-type]
    done = log_request(office.db, actor=office.supervisor, **kwargs, due_date=date(2026, 11, 30))  # type: ignore[arg-type]
    assert done.due_at is not None and done.due_at.date() == date(2026, 11, 30)
    with pytest.raises(ValidationError, match="past"):
        log_request(office.db, actor=office.supervisor, **kwargs, due_date=date(2026, 11, 1))  # type: ignore[arg-type]


def test_add_caller_as_another_reporter(office: Office) -> None:
    ticket = tickets.create_ticket(
        office.db,
        actor=office.clerk,
        title="Light out",
        channel="phone",
        category_id=office.streetlight,
        requester_id=office.citizen,
    )
    add_caller(
        office.db,
        actor=office.clerk,
        ticket_id=ticket.ticket_id,
        channel="walk_in",
        new_requester={"name": "Bo Diaz", "email": "bo@example.org"},
    )
    with pytest.raises(ValidationError, match="already a reporter"):
        add_caller(
            office.db,
            actor=office.clerk,
            ticket_id=ticket.ticket_id,
            channel="phone",
            requester_id=office.citizen,
        )
    with office.db.read() as s:
        row = s.scalar(select(Ticket).where(Ticket.id == ticket.ticket_id))
        assert row is not None and row.reporter_count == 2
