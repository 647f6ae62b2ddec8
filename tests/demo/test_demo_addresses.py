"""The demo city's address list: tickets point at listed addresses, with wards; aliases complete."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path

from sqlalchemy import func, select

from citydesk.demo import create_demo
from citydesk.demo.addresses import BUILDINGS, MIN_ADDRESSES, address_count, ward_of
from citydesk.demo.content import CENTER_LAT, CENTER_LON, PARKS
from citydesk.domain.clock import ManualClock
from citydesk.store.db import open_database
from citydesk.store.intake import complete_addresses
from citydesk.store.models import Address, Outbox, Ticket

AS_OF = date(2026, 11, 20)


def test_demo_tickets_point_at_the_address_list(tmp_path: Path) -> None:
    db = open_database(
        tmp_path / "demo.sqlite", clock=ManualClock(datetime.combine(AS_OF, time(23), tzinfo=UTC))
    )
    try:
        summary = create_demo(db, as_of=AS_OF, tickets=400, seed=5)
        with db.read() as s:
            addresses = s.scalar(select(func.count()).select_from(Address))
            assert addresses == summary.addresses == MIN_ADDRESSES + len(BUILDINGS) + len(PARKS)
            assert (
                s.scalar(select(func.count()).select_from(Outbox).where(Outbox.table_name == "address")) == 0
            )
            listed = s.execute(
                select(Ticket.location_text, Ticket.ward, Address.text, Address.ward).join(
                    Address, Address.id == Ticket.address_id
                )
            ).all()
            assert len(listed) > 100
            assert all(t_text == a_text and t_ward == a_ward for t_text, t_ward, a_text, a_ward in listed)
            with_coords = s.scalar(select(func.count()).where(Ticket.latitude.is_not(None)))
            with_ward = s.scalar(select(func.count()).where(Ticket.ward.is_not(None)))
            assert with_ward == with_coords  # intersections too: the ward of where they are
            assert [h.text for h in complete_addresses(s, "city park")] == ["Lincoln Park"]
            assert complete_addresses(s, "old library")[0].text == "1610 Market St"
    finally:
        db.close()


def test_list_size_and_wards() -> None:
    assert address_count(100) == MIN_ADDRESSES
    assert address_count(100_000) == 5000
    assert address_count(1_000_000) == 5000
    assert ward_of(CENTER_LAT + 0.01, CENTER_LON - 0.02) == "Ward 1"
    assert ward_of(CENTER_LAT - 0.01, CENTER_LON + 0.02) == "Ward 6"
