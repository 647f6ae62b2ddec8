"""A process notices reference rows and city settings another process changed (the app beside a
`citydesk sync`): the derived cache (the business calendar) follows `sync_state.reference_version`."""

from __future__ import annotations

from datetime import date

from citydesk.services import setup
from citydesk.services.tickets import create_ticket
from citydesk.store.db import open_database
from factories import Office


def test_a_holiday_set_by_another_process_dates_the_next_ticket(office: Office) -> None:
    # This "process" has the calendar cached from its first ticket.
    create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone", category_id=office.pothole)
    before = office.db.cache["calendar"]
    # Another process on the same file (its own Database, engine and cache) adds a holiday.
    other = open_database(office.db.path, clock=office.clock)
    try:
        holiday = date(2026, 11, 17)  # the next business day after START (Monday 2026-11-16)
        setup.set_setting(other, actor=office.admin, key="holidays", value=[holiday.isoformat()])
    finally:
        other.close()
    create_ticket(office.db, actor=office.clerk, title="Light", channel="phone", category_id=office.pothole)
    after = office.db.cache["calendar"]
    assert after is not before
    assert holiday in after.holidays and holiday not in before.holidays


def test_the_version_stays_when_nothing_reference_changes(office: Office) -> None:
    create_ticket(office.db, actor=office.clerk, title="Pothole", channel="phone", category_id=office.pothole)
    cached = office.db.cache["calendar"]
    create_ticket(office.db, actor=office.clerk, title="Another", channel="phone", category_id=office.pothole)
    assert office.db.cache["calendar"] is cached
