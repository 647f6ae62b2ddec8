"""The full-text index finds text from every path: services, later notes, requesters, the bulk path."""

from __future__ import annotations

from datetime import timedelta

from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.domain.timeline import EntryKind
from citydesk.services import tickets as svc
from citydesk.services.bulk import BulkEntry, BulkTicket, bulk_create_tickets
from citydesk.services.requesters import update_requester
from citydesk.store import queries
from citydesk.store.detail import row_no_of
from factories import Office


def found(office: Office, typed: str) -> list[int]:
    with office.db.read() as s:
        return queries.search(s, typed).row_nos


def row(office: Office, ticket_id: str) -> int:
    with office.db.read() as s:
        value = row_no_of(s, ticket_id)
        assert value is not None
        return value


def test_finds_title_number_requester_and_later_note(office: Office) -> None:
    a = svc.create_ticket(
        office.db,
        actor=office.clerk,
        title="Streetlight dark on Maple",
        channel="phone",
        requester_id=office.citizen,
        location="Maple & 3rd",
    )
    b = svc.create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone")
    ra, rb = row(office, a.ticket_id), row(office, b.ticket_id)
    assert found(office, "streetlight") == [ra]
    assert found(office, "stre") == [ra]  # prefix as you type
    assert found(office, "maple 3rd") == [ra]
    assert found(office, "Jane") == [ra]
    assert found(office, "5550102000") == [ra]  # phone digits
    assert found(office, b.number) == [rb]
    assert found(office, "2") == [rb]  # just the sequence
    assert found(office, "hydrant") == []
    svc.add_note(
        office.db, actor=office.tech, ticket_id=b.ticket_id, body="Hydrant leaking nearby", public=False
    )
    assert found(office, "hydrant") == [rb]
    assert found(office, "") == []


def test_newest_first_and_total(office: Office) -> None:
    ids = [
        svc.create_ticket(office.db, actor=office.clerk, title=f"Graffiti {i}", channel="web").ticket_id
        for i in range(5)
    ]
    with office.db.read() as s:
        result = queries.search(s, "graffiti", limit=3)
    assert result.total == 5
    assert result.row_nos == [row(office, i) for i in reversed(ids)][:3]


def test_requester_rename_and_redaction_reindex(office: Office) -> None:
    a = svc.create_ticket(
        office.db, actor=office.clerk, title="Noise", channel="phone", requester_id=office.citizen
    )
    update_requester(office.db, actor=office.clerk, requester_id=office.citizen, name="Janet Moe")
    assert found(office, "Janet") == [row(office, a.ticket_id)]
    assert found(office, "Jane Roe") == []
    note = svc.add_note(office.db, actor=office.tech, ticket_id=a.ticket_id, body="secretword", public=False)
    svc.redact_note(office.db, actor=office.supervisor, entry_id=note.entry_id, reason="oops")
    assert found(office, "secretword") == []


def test_bulk_rows_are_indexed_and_triggers_restored(office: Office) -> None:
    now = office.clock.now()
    items = [
        BulkTicket(
            created_at=now - timedelta(days=3),
            created_by=office.tech.user_id,
            fields={"title": f"Tree down {i}", "channel": "phone", "category_id": office.pothole},
            reporters=(
                {"requester_id": office.spanish_citizen, "channel": "phone", "reply_method": "phone"},
            ),
            entries=(
                BulkEntry(
                    kind=EntryKind.NOTE,
                    at=now - timedelta(days=2),
                    author_id=office.tech.user_id,
                    body="chainsaw crew",
                    public=False,
                ),
            ),
        )
        for i in range(3)
    ]
    result = bulk_create_tickets(office.db, actor=SYSTEM_ACTOR, tickets=items)
    assert result.count == 3 and result.entries == 6
    assert len(found(office, "chainsaw")) == 3
    assert len(found(office, "Núñez")) == 3
    assert len(found(office, "nunez")) == 3  # diacritics folded
    later = svc.create_ticket(office.db, actor=office.clerk, title="Chainsaw noise", channel="phone")
    assert row(office, later.ticket_id) in found(office, "chainsaw")
