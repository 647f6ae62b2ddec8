"""Counted contacts in bulk: same rules as one by one, one transaction, HLCs minted from each time."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select

from citydesk.domain.errors import NotFound, PermissionDenied, ValidationError
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services import tickets as svc
from citydesk.services.contacts import BulkContact, bulk_log_contacts
from citydesk.store.detail import local_identity
from citydesk.store.models import ContactLog, Outbox, SyncState
from factories import START, Office, mark_demo


def _count(office: Office, model: Any) -> int:
    with office.db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _contacts(office: Office, ticket_id: str) -> list[BulkContact]:
    earlier = START - timedelta(days=3)
    return [
        BulkContact(
            kind="question",
            channel="walk_in",
            at=earlier,
            author_id=office.clerk.user_id,
            category_id=office.pothole,
            summary="  Asked when bulk pickup comes  ",
        ),
        BulkContact(
            kind="status_inquiry",
            channel="phone",
            at=earlier + timedelta(hours=2),
            author_id=office.clerk.user_id,
            ticket_id=ticket_id,
        ),
    ]


def test_contacts_keep_their_time_and_author_with_outbox_rows_and_fresh_hlcs(office: Office) -> None:
    ticket = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone").ticket_id
    outbox_before = _count(office, Outbox)
    assert bulk_log_contacts(office.db, actor=SYSTEM_ACTOR, contacts=_contacts(office, ticket)) == 2
    with office.db.read() as s:
        rows = list(s.scalars(select(ContactLog).order_by(ContactLog.hlc)))
        ident = local_identity(s)
        state = s.scalar(select(SyncState))
        outbox = list(
            s.scalars(select(Outbox).where(Outbox.table_name == "contact_log").order_by(Outbox.seq))
        )
    assert ident is not None and state is not None
    assert [(r.kind, r.channel, r.summary, r.category_id, r.ticket_id) for r in rows] == [
        ("question", "walk_in", "Asked when bulk pickup comes", office.pothole, None),
        ("status_inquiry", "phone", "", None, ticket),
    ]
    assert [r.at for r in rows] == [START - timedelta(days=3), START - timedelta(days=3, hours=-2)]
    assert {(r.author_id, r.office_id, r.device_id) for r in rows} == {
        (office.clerk.user_id, ident.office_id, ident.device_id)
    }
    assert rows[0].hlc < rows[1].hlc <= state.hlc  # the device's clock is never behind its rows
    assert [(o.op, o.row_id, o.hlc) for o in outbox] == [("insert", r.id, r.hlc) for r in rows]
    assert _count(office, Outbox) == outbox_before + 2


def test_without_capture_no_outbox_rows(office: Office) -> None:
    mark_demo(office.db)  # capture=False is the demo city's path: demo databases never sync
    ticket = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone").ticket_id
    outbox_before = _count(office, Outbox)
    bulk_log_contacts(office.db, actor=SYSTEM_ACTOR, contacts=_contacts(office, ticket), capture=False)
    assert _count(office, ContactLog) == 2
    assert _count(office, Outbox) == outbox_before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"kind": "gossip"}, "Row 2: Unknown contact kind"),
        ({"channel": "pigeon"}, "Row 2: Unknown channel"),
        ({"kind": "question", "summary": "   "}, "Row 2: Summary is required"),
        ({"ticket_id": None}, "Row 2: A status inquiry is about a ticket"),
        ({"category_id": "no-such-category"}, "Row 2: Unknown category"),
        ({"author_id": "no-such-user"}, "Row 2: Unknown user"),
        ({"office_id": "no-such-office"}, "Row 2: Unknown office"),
        ({"at": datetime(2026, 1, 5, 10, 0)}, "Row 2: The contact's time has no time zone"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(
    office: Office, change: dict[str, Any], message: str
) -> None:
    ticket = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone").ticket_id
    good, second = _contacts(office, ticket)
    bad = BulkContact(**{**{f: getattr(second, f) for f in BulkContact.__slots__}, **change})
    with pytest.raises(ValidationError, match=message):
        bulk_log_contacts(office.db, actor=SYSTEM_ACTOR, contacts=[good, bad])
    assert _count(office, ContactLog) == 0


def test_an_unknown_ticket_is_not_found(office: Office) -> None:
    good, second = _contacts(office, "no-such-ticket")
    with pytest.raises(NotFound):
        bulk_log_contacts(office.db, actor=SYSTEM_ACTOR, contacts=[good, second])
    assert _count(office, ContactLog) == 0


def test_only_an_admin_or_the_system_logs_in_bulk(office: Office) -> None:
    with pytest.raises(PermissionDenied):
        bulk_log_contacts(office.db, actor=office.clerk, contacts=[])
    assert bulk_log_contacts(office.db, actor=office.admin, contacts=[]) == 0
