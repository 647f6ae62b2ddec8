"""Cross-field requester rules hold after field-by-field merges, by normalising on read.

Each office checks the rules when it writes, but two offices' edits of different fields merge field
by field: one marks a requester anonymous while another, offline, corrects their phone; one clears a
staff member's department while another made them staff. The tests write the second office's field
as a sync would (`capture_check.unwatched`) and check that every reader shows a requester that
satisfies the rules, that an edit of the row still works, and that nothing writes a repair entry.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update

import capture_check
from citydesk.domain.requesters import shown
from citydesk.services import tickets
from citydesk.services.requesters import create_requester, update_requester
from citydesk.store.intake import complete_requesters, requester_hit
from citydesk.store.models import Outbox, Requester, TicketReporter
from citydesk.store.requesters_view import requester_detail, requester_rows
from factories import Office


def _arrives(office: Office, requester_id: str, **values: Any) -> None:
    """Fields another office wrote, applied as the sync's apply would write them."""
    with capture_check.unwatched("simulating what a sync would write"), office.db.write() as s:
        s.execute(update(Requester).where(Requester.id == requester_id).values(**values))


def _outbox(office: Office) -> int:
    with office.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Outbox)) or 0)


def test_the_rules_as_read() -> None:
    anonymous = {"anonymous": True, "name": "Jo", "phone": "555-010-1000", "email": "j@x.org",
                 "address": "1 Elm", "reply_method": "phone"}  # fmt: skip
    assert shown(anonymous) == {**{k: None for k in ("name", "phone", "email", "address")},
                                "anonymous": True, "reply_method": "none"}  # fmt: skip
    assert shown({"kind": "staff", "department_id": None})["kind"] == "citizen"
    assert shown({"kind": "staff", "department_id": "d1"})["kind"] == "staff"
    assert (
        shown({"reply_method": "email", "email": None, "phone": "555", "address": None})["reply_method"]
        == "phone"
    )
    assert (
        shown({"reply_method": "phone", "phone": None, "email": None, "address": "1 Elm"})["reply_method"]
        == "letter"
    )
    assert shown({"reply_method": "letter", "address": None})["reply_method"] == "none"
    assert shown({"reply_method": "phone", "name": "Jo"}) == {
        "reply_method": "phone",
        "name": "Jo",
    }  # no phone key


def test_an_anonymous_requester_whose_phone_arrived_shows_no_phone(office: Office) -> None:
    anon = create_requester(office.db, actor=office.clerk, anonymous=True).requester_id
    _arrives(office, anon, phone="555-013-3999", phone_digits="5550133999", reply_method="phone")
    with office.db.read() as s:
        detail = requester_detail(s, anon)
        assert detail is not None and (detail.phone, detail.reply_method, detail.label) == (
            None,
            "none",
            "Anonymous",
        )
        assert requester_rows(s, [anon])[anon].phone is None
        hit = requester_hit(s, anon)
        assert hit is not None and (hit.phone, hit.reply_method) == (None, "none")
        assert complete_requesters(s, "5550133999") == []
    created = tickets.create_ticket(office.db, actor=office.clerk, title="Noise", channel="phone",
                                    category_id=office.pothole, requester_id=anon)  # fmt: skip
    with office.db.read() as s:
        method = s.scalar(
            select(TicketReporter.reply_method).where(TicketReporter.ticket_id == created.ticket_id)
        )
    assert method == "none"
    # An edit of another field still saves, and writes only that field (no repair of the phone).
    before = _outbox(office)
    update_requester(office.db, actor=office.clerk, requester_id=anon, preferred_language="es")
    assert _outbox(office) == before + 1
    with office.db.read() as s:
        row = s.get(Requester, anon)
        assert row is not None and (row.preferred_language, row.phone) == ("es", "555-013-3999")


def test_staff_whose_department_was_cleared_elsewhere_read_as_citizens(office: Office) -> None:
    staff = create_requester(office.db, actor=office.clerk, kind="staff", name="Pat Doe",
                             department_id=office.it).requester_id  # fmt: skip
    _arrives(office, staff, department_id=None)
    with office.db.read() as s:
        detail = requester_detail(s, staff)
        assert detail is not None and (detail.kind, detail.department_id) == ("citizen", None)
        assert requester_rows(s, [staff])[staff].kind == "citizen"
        assert [h.kind for h in complete_requesters(s, "pat doe")] == ["citizen"]
    before = _outbox(office)
    update_requester(office.db, actor=office.clerk, requester_id=staff, name="Pat Doe-Ray")
    assert _outbox(office) == before + 1
    update_requester(office.db, actor=office.clerk, requester_id=staff, kind="staff", department_id=office.it)
    with office.db.read() as s:
        detail = requester_detail(s, staff)
        assert detail is not None and (detail.kind, detail.name) == ("staff", "Pat Doe-Ray")


def test_a_reply_method_whose_contact_was_cleared_elsewhere_falls_back(office: Office) -> None:
    person = create_requester(office.db, actor=office.clerk, name="Kim Roe", phone="555-010-4000",
                              email="kim@example.org", reply_method="email").requester_id  # fmt: skip
    _arrives(office, person, email=None)
    with office.db.read() as s:
        detail = requester_detail(s, person)
        assert detail is not None and detail.reply_method == "phone"
        assert [h.reply_method for h in complete_requesters(s, "kim")] == ["phone"]
    created = tickets.create_ticket(office.db, actor=office.clerk, title="Tree down", channel="phone",
                                    category_id=office.pothole, requester_id=person)  # fmt: skip
    with office.db.read() as s:
        method = s.scalar(
            select(TicketReporter.reply_method).where(TicketReporter.ticket_id == created.ticket_id)
        )
    assert method == "phone"
