"""A standalone office database to adopt (shared by the adoption tests of the engine, the CLI and the
desktop): office EAST, tag QXB, its own department, category, users and tickets."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from citydesk.domain.clock import ManualClock
from citydesk.domain.roles import SYSTEM_ACTOR, Role
from citydesk.services import setup
from citydesk.services.intake import log_request
from citydesk.store.db import Database, open_database
from citydesk.store.models import SyncState
from factories import START
from sync_world import PASSWORD

TICKETS = 6


def make_standalone(path: Path, *, colliding: bool = True) -> list[str]:
    """A standalone office EAST (tag QXB) set up a month ago: a department, a category, three users
    (one named "carla" like a server user), a requester and tickets. Returns the ticket numbers."""
    clock = ManualClock(START - timedelta(days=30))
    db = open_database(path, clock=clock)
    try:
        setup.initialize_database(
            db, city_name="Eastville", time_zone="America/Denver", office_code="EAST",
            office_name="East annex", admin_username="erin", admin_display_name="Erin Admin",
            admin_password=PASSWORD, tag="QXB", city_phone="555-010-9999",
        )  # fmt: skip
        parks = setup.add_department(db, actor=SYSTEM_ACTOR, code="PARKS", name="Parks")
        bench = setup.add_category(db, actor=SYSTEM_ACTOR, name="Broken bench", department_id=parks)
        office_id = db_office(db)
        clerk = "carla" if colliding else "cora"
        for username, role in ((clerk, Role.CLERK), ("olga", Role.TECHNICIAN)):
            setup.add_user(db, actor=SYSTEM_ACTOR, username=username, display_name=username.title(),
                           role=role.value, password=PASSWORD, office_id=office_id,
                           department_id=parks if role is Role.TECHNICIAN else None)  # fmt: skip
        actor = setup.actor_for_username(db, clerk)
        numbers = []
        for n in range(TICKETS):
            clock.advance(hours=3)
            resident = {"name": f"Resident {n}", "phone": f"555-010-{n:04d}"}
            done = log_request(db, actor=actor, title=f"Bench {n}", channel="walk_in", category_id=bench,
                               new_requester=resident)  # fmt: skip
            numbers.append(done.number)
        return numbers
    finally:
        db.close()


def db_office(db: Database) -> str:
    """The database's own office id."""
    with db.read() as session:
        return str(session.scalar(select(SyncState.office_id)))
