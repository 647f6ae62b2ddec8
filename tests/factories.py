"""Small hand-built databases for tests: one office, a few departments, categories and users."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import update

from citydesk.domain.clock import ManualClock
from citydesk.domain.roles import SYSTEM_ACTOR, Actor, Role
from citydesk.services import setup
from citydesk.services.requesters import create_requester
from citydesk.store.db import Database, open_database
from citydesk.store.models import SyncState

# Monday 2026-11-16 15:00 UTC = 09:00 in America/Chicago
START = datetime(2026, 11, 16, 15, 0, tzinfo=UTC)
TEST_PASSWORD = "correct horse"


@dataclass
class Office:
    """A test office database and the ids of its reference rows."""

    db: Database
    clock: ManualClock
    clerk: Actor
    tech: Actor
    tech2: Actor
    supervisor: Actor
    admin: Actor
    public_works: str
    it: str
    pothole: str
    streetlight: str
    password_reset: str
    citizen: str
    spanish_citizen: str


def make_office(path: Path, *, start: datetime = START) -> Office:
    """Create a set-up office database at `path` with a controllable clock."""
    clock = ManualClock(start)
    db = open_database(path, clock=clock)
    result = setup.initialize_database(
        db,
        city_name="City of Testville",
        time_zone="America/Chicago",
        office_code="CLK",
        office_name="City Hall",
        admin_username="admin",
        admin_display_name="Ada Admin",
        admin_password=TEST_PASSWORD,
        tag="TST",
    )
    sys_ = SYSTEM_ACTOR
    pw = setup.add_department(db, actor=sys_, code="PW", name="Public Works")
    it = setup.add_department(db, actor=sys_, code="IT", name="Information Technology")
    pothole = setup.add_category(
        db,
        actor=sys_,
        name="Pothole",
        department_id=pw,
        target_business_days=5,
        keywords="hole road street asphalt",
        intake_questions=["How big is it?"],
    )
    light = setup.add_category(
        db,
        actor=sys_,
        name="Streetlight out",
        department_id=pw,
        target_business_days=3,
        keywords="light lamp dark pole",
    )
    reset = setup.add_category(
        db,
        actor=sys_,
        name="Password reset",
        department_id=it,
        default_priority="P2",
        target_business_days=1,
        keywords="password login locked",
    )

    def user(username: str, name: str, role: Role, dep: str | None = None) -> Actor:
        uid = setup.add_user(
            db,
            actor=sys_,
            username=username,
            display_name=name,
            role=role.value,
            password=TEST_PASSWORD,
            office_id=result.office_id,
            department_id=dep,
        )
        return Actor(user_id=uid, role=role, display_name=name)

    clerk = user("carla", "Carla Clerk", Role.CLERK)
    tech = user("tomas", "Tomás Técnico", Role.TECHNICIAN, pw)
    tech2 = user("ivy", "Ivy IT", Role.TECHNICIAN, it)
    supervisor = user("sam", "Sam Supervisor", Role.SUPERVISOR, pw)
    admin = Actor(user_id=result.admin_id or "", role=Role.ADMIN, display_name="Ada Admin")
    citizen = create_requester(
        db,
        actor=clerk,
        name="Jane Roe",
        phone="(555) 010-2000",
        email="jane@example.org",
        reply_method="phone",
    ).requester_id
    spanish = create_requester(
        db,
        actor=clerk,
        name="José Núñez",
        phone="555-010-3000",
        preferred_language="es",
        reply_method="phone",
    ).requester_id
    return Office(
        db=db,
        clock=clock,
        clerk=clerk,
        tech=tech,
        tech2=tech2,
        supervisor=supervisor,
        admin=admin,
        public_works=pw,
        it=it,
        pothole=pothole,
        streetlight=light,
        password_reset=reset,
        citizen=citizen,
        spanish_citizen=spanish,
    )


def mark_demo(db: Database) -> None:
    """Make a test database a demo one (which never syncs, so its bulk paths may skip the outbox)."""
    with db.write() as session:
        session.execute(update(SyncState).where(SyncState.id == 1).values(is_demo=True))


def address_counts(office: Office) -> tuple[int, int, int]:
    """Addresses, their field clocks and their outbox rows in the office database."""
    from sqlalchemy import func, select

    from citydesk.store.models import Address, FieldClock, Outbox

    with office.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Address)) or 0,
            s.scalar(select(func.count()).select_from(FieldClock).where(FieldClock.table_name == "address"))
            or 0,
            s.scalar(select(func.count()).select_from(Outbox).where(Outbox.table_name == "address")) or 0,
        )
