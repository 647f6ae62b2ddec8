"""The demo city: fills an empty database with a realistic small city (Riverton) through the services.

`create_demo` sets the database up as a demo (`sync_state.is_demo`), adds offices, departments,
categories and staff with the setup services, then writes requesters and tickets with the bulk path
(never raw SQL): the demo is a client of the services, like the command line or the UI. Everything
is drawn from `random.Random` streams seeded by `seed`, in a fixed order, so the same seed and `as_of`
give the same tickets, titles, statuses and counts (ids differ).

Tickets are generated lazily, day by day and oldest first, and handed to `bulk_create_tickets` as a
generator, so memory stays bounded at 100,000+ tickets. Every ticket's later entries are planned on
the city's business calendar (crews work business hours, P1 work runs around the clock) and cut at
the end of `as_of` (17:00 city time, or the database clock if that is earlier): a ticket whose
resolution would fall after that is simply still open, in whatever state it reached.

Demo users have no password (the demo database shows a user picker instead), and the demo writes no
outbox rows: a demo database never connects to a server.
"""

from __future__ import annotations

import random
import time as _time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from citydesk.demo import content
from citydesk.demo.addresses import AddressBook, Places
from citydesk.demo.calendar import DAILY_TICKETS, DAY, DEFAULT_DAYS, Hours, plan_days, us_holidays
from citydesk.demo.contacts import BusinessHours, write_demo_contacts
from citydesk.demo.people import make_citizens, make_staff_requesters
from citydesk.demo.reference import write_reference
from citydesk.demo.tickets import TicketGenerator
from citydesk.domain.roles import SYSTEM_ACTOR
from citydesk.services.bulk import bulk_create_requesters, bulk_create_tickets
from citydesk.services.setup import initialize_database, is_initialized, set_setting
from citydesk.store.db import Database, StorageError
from citydesk.store.settings import load_calendar

Progress = Callable[[int, int], None]

MIN_CITIZENS = 300
TICKETS_PER_CITIZEN = 5
STAFF_REQUESTERS = 80
REQUESTER_BATCH = 2000


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What `create_demo` wrote."""

    tickets: int
    requesters: int
    users: int
    departments: int
    categories: int
    first_date: date
    last_date: date
    elapsed_seconds: float
    addresses: int = 0
    contacts: int = 0


def _stream(seed: int, name: str) -> random.Random:
    """An independent, reproducible random stream for one part of the demo."""
    return random.Random(f"citydesk-demo:{seed}:{name}")


def create_demo(
    db: Database,
    *,
    as_of: date,
    tickets: int | None = None,
    seed: int = 1,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with the demo city; same seed and as_of give the same tickets."""
    started = _time.perf_counter()
    if isinstance(as_of, datetime) or not isinstance(as_of, date):
        raise TypeError("as_of must be a date")
    if tickets is not None and tickets < 0:
        raise ValueError("tickets must be zero or more")
    if is_initialized(db):
        raise StorageError("The demo needs an empty database; this one is already set up.")

    setup = initialize_database(
        db,
        city_name=content.CITY_NAME,
        time_zone=content.TIME_ZONE,
        office_code=content.LOCAL_OFFICE[0],
        office_name=content.LOCAL_OFFICE[1],
        demo=True,
        tag=content.DEMO_TAG,
        city_phone=content.CITY_PHONE,
    )
    days_back = (tickets if tickets is not None else DAILY_TICKETS * DEFAULT_DAYS) / DAILY_TICKETS * 1.3 + 60
    all_holidays = set(us_holidays(as_of - timedelta(days=int(days_back)), as_of + timedelta(days=400)))
    plan = plan_days(as_of, tickets, all_holidays, _stream(seed, "plan"))
    first_date = plan[0].day
    horizon = as_of + timedelta(days=400)
    set_setting(
        db,
        actor=SYSTEM_ACTOR,
        key="holidays",
        value=[
            d.isoformat() for d in sorted(all_holidays) if first_date - timedelta(days=31) <= d <= horizon
        ],
    )
    ref = write_reference(db, setup.office_id)
    with db.read() as session:
        calendar = load_calendar(session)
    hours = Hours(calendar, first_date - timedelta(days=1), horizon)
    closes = datetime.combine(as_of, calendar.closes, tzinfo=calendar.tz).astimezone(UTC)
    end = int(min(closes, db.clock.now()).timestamp())
    if end <= hours.midnight[hours.day_index(as_of)]:
        raise ValueError(f"as_of {as_of} is after the database clock's today")

    total = sum(day.count for day in plan)
    book = AddressBook.make(total, _stream(seed, "addresses"))
    book.write(db)
    people_rng = _stream(seed, "people")
    places = Places(people_rng, book)
    citizens, citizen_rows = make_citizens(
        max(MIN_CITIZENS, total // TICKETS_PER_CITIZEN), people_rng, places
    )
    staff, staff_rows = make_staff_requesters(STAFF_REQUESTERS, people_rng, ref.departments)
    first_instant = hours.midnight[hours.day_index(first_date)]

    def write(items: list[dict[str, Any]]) -> list[str]:
        """Requesters in transactions of REQUESTER_BATCH rows (the bulk path holds a whole call in memory)."""
        ids: list[str] = []
        for start in range(0, len(items), REQUESTER_BATCH):
            batch = [
                dict(
                    {k: v for k, v in item.items() if k != "_days_before"},
                    created_at=datetime.fromtimestamp(
                        first_instant - int(item["_days_before"] * DAY) - 3600, UTC
                    ),
                )
                for item in items[start : start + REQUESTER_BATCH]
            ]
            ids += bulk_create_requesters(db, actor=SYSTEM_ACTOR, requesters=batch, capture=False)
        return ids

    citizen_ids = write(citizen_rows)
    staff_ids = write(staff_rows)
    del citizen_rows, staff_rows

    generator = TicketGenerator(
        rng=_stream(seed, "tickets"),
        hours=hours,
        ref=ref,
        places=Places(_stream(seed, "places"), book),
        citizens=citizens,
        citizen_ids=citizen_ids,
        staff=staff,
        staff_ids=staff_ids,
        end=end,
        as_of_index=hours.day_index(as_of),
    )
    generator.plan_hotspots(plan, total)
    if not total:
        progress = None  # nothing to report (and callers divide by the total)
    if progress:
        progress(0, total)
    result = bulk_create_tickets(
        db,
        actor=SYSTEM_ACTOR,
        tickets=generator.tickets(plan),
        capture=False,
        progress=progress,
        total=total,
    )
    first_index = hours.day_index(first_date)
    open_days = [
        BusinessHours(hours.open[i], hours.close[i])
        for i in range(first_index, hours.day_index(as_of) + 1)
        if hours.work[i]
    ]
    contacts = write_demo_contacts(db, days=open_days, end=end, seed=seed)
    return DemoSummary(
        contacts=contacts,
        tickets=result.count,
        requesters=len(citizen_ids) + len(staff_ids),
        users=len(ref.users),
        departments=len(ref.departments),
        categories=len(ref.categories),
        first_date=first_date,
        last_date=as_of,
        elapsed_seconds=_time.perf_counter() - started,
        addresses=len(book.ids),
    )
