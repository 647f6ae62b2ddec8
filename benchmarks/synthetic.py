"""A small synthetic ticket generator through the services (setup + bulk path).

Two uses: the input of the bulk benchmark (every ticket: `created` + 4 later entries), and a fallback
database when `citydesk.demo.create_demo` is missing or broken (`--generator synthetic`).
About 20% of titles carry the word "streetlight" so the search benchmark has a common word.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from citydesk.domain.roles import SYSTEM_ACTOR, Role
from citydesk.domain.timeline import EntryKind
from citydesk.services.bulk import BulkEntry, BulkTicket, bulk_create_requesters, bulk_create_tickets
from citydesk.services.setup import add_category, add_department, add_user, initialize_database
from citydesk.store.db import Database
from citydesk.store.models import Category, Requester, User

Progress = Callable[[int, int], None]

_PLACES = ("Main St", "Oak St", "Elm St", "River Rd", "Mill St", "Park Ave", "Bridge St", "Market St")
_TITLES = (
    ("Streetlight out on {place}", 20),
    ("Pothole near {n} {place}", 15),
    ("Missed trash collection on {place}", 12),
    ("Graffiti on the {place} underpass", 8),
    ("Printer jam in the clerk's office", 10),
    ("Password reset for the payroll system", 10),
    ("Water leak at {n} {place}", 9),
    ("Noise complaint near {place}", 8),
    ("Fallen branch blocking {place}", 8),
)
_DEPARTMENTS = (("PW", "Public Works"), ("IT", "Information Technology"), ("PD", "Police"), ("CK", "Clerk"))
_NOTES = (
    "Crew scheduled for tomorrow morning.",
    "Called the requester back and confirmed the location.",
    "Parts ordered from the vendor.",
    "Checked on site, the problem is confirmed.",
)


@dataclass(frozen=True, slots=True)
class Reference:
    """Ids the generators draw from: categories (with departments), staff and requesters."""

    categories: tuple[tuple[str, str], ...]
    clerks: tuple[str, ...]
    technicians: tuple[str, ...]
    requesters: tuple[str, ...]

    @classmethod
    def load(cls, db: Database) -> Reference:
        """Read the ids from an existing database (demo or synthetic)."""
        with db.read() as session:
            categories = tuple(
                (r.id, r.department_id)
                for r in session.execute(
                    select(Category.id, Category.department_id).where(Category.active).order_by(Category.id)
                )
            )
            users = session.execute(select(User.id, User.role).where(User.active).order_by(User.id)).all()
            requesters = tuple(
                session.scalars(
                    select(Requester.id)
                    .where(Requester.merged_into.is_(None), Requester.anonymous.is_(False))
                    .order_by(Requester.id)
                    .limit(5000)
                )
            )
        clerks = tuple(u.id for u in users if u.role in (Role.CLERK.value, Role.SUPERVISOR.value))
        technicians = tuple(u.id for u in users if u.role == Role.TECHNICIAN.value)
        return cls(categories, clerks, technicians or clerks, requesters)


def _title(rng: random.Random) -> str:
    weights = [w for _, w in _TITLES]
    template = rng.choices([t for t, _ in _TITLES], weights=weights)[0]
    return template.format(place=rng.choice(_PLACES), n=rng.randint(1, 2999))


def bulk_tickets(
    ref: Reference, *, count: int, rng: random.Random, start: datetime, step: timedelta
) -> Iterator[BulkTicket]:
    """`count` tickets from `start`, `step` apart, each with `created` + 4 entries (80% resolved)."""
    for index in range(count):
        created = start + step * index
        category_id, department_id = rng.choice(ref.categories)
        clerk = rng.choice(ref.clerks)
        tech = rng.choice(ref.technicians)
        hour = timedelta(hours=1)
        resolved = rng.random() < 0.8
        last = (
            BulkEntry(
                EntryKind.RESOLUTION,
                created + 6 * hour,
                tech,
                field="status",
                value="resolved",
                detail={"reason": "done"},
                body="Fixed; thank you for reporting it.",
                public=True,
            )
            if resolved
            else BulkEntry(EntryKind.NOTE, created + 6 * hour, tech, body=rng.choice(_NOTES))
        )
        requester = rng.choice(ref.requesters) if ref.requesters else None
        yield BulkTicket(
            created_at=created,
            created_by=clerk,
            fields={
                "title": _title(rng),
                "description": "Reported at the front counter.",
                "priority": rng.choices(("P1", "P2", "P3", "Ops"), weights=(3, 10, 80, 7))[0],
                "channel": rng.choice(("phone", "walk_in", "email", "web")),
                "category_id": category_id,
                "department_id": department_id,
                "location": {"text": f"{rng.randint(1, 2999)} {rng.choice(_PLACES)}"},
            },
            reporters=(
                ({"requester_id": requester, "channel": "phone", "reply_method": "none"},)
                if requester
                else ()
            ),
            entries=(
                BulkEntry(EntryKind.ASSIGNMENT, created + hour, clerk, field="assignee_id", value=tech),
                BulkEntry(EntryKind.STATUS, created + 2 * hour, tech, field="status", value="in_progress"),
                BulkEntry(EntryKind.NOTE, created + 3 * hour, tech, body=rng.choice(_NOTES), public=True),
                last,
            ),
        )


def create_synthetic(
    db: Database, *, as_of: date, tickets: int, seed: int = 1, progress: Progress | None = None
) -> int:
    """Fill an empty database with reference data, requesters and `tickets` synthetic tickets."""
    rng = random.Random(f"citydesk-bench:{seed}")
    initialize_database(
        db,
        city_name="Benchville",
        time_zone="America/Chicago",
        office_code="BEN",
        office_name="Bench office",
        demo=True,
        tag="BNC",
    )
    for code, name in _DEPARTMENTS:
        department_id = add_department(db, actor=SYSTEM_ACTOR, code=code, name=name)
        for kind in ("General", "Urgent"):
            add_category(
                db,
                actor=SYSTEM_ACTOR,
                name=f"{name}: {kind}",
                department_id=department_id,
                default_priority="P2" if kind == "Urgent" else "P3",
                target_business_days=5,
            )
    for index in range(12):
        role = ("clerk", "technician", "supervisor")[index % 3]
        add_user(
            db,
            actor=SYSTEM_ACTOR,
            username=f"{role}{index}",
            display_name=f"{role.title()} {index}",
            role=role,
            password=None,
        )
    first = datetime.combine(as_of, time(15), tzinfo=UTC) - timedelta(days=max(30, tickets // 110))
    people = [
        {
            "name": f"Person {i}",
            "phone": f"555-{i // 10000:03d}-{i % 10000:04d}",
            "reply_method": "phone",
            "created_at": first - timedelta(days=1),
        }
        for i in range(max(300, tickets // 5))
    ]
    bulk_create_requesters(db, actor=SYSTEM_ACTOR, requesters=people, capture=False)
    ref = Reference.load(db)
    step = (datetime.combine(as_of, time(15), tzinfo=UTC) - timedelta(hours=7) - first) / max(tickets, 1)
    result = bulk_create_tickets(
        db,
        actor=SYSTEM_ACTOR,
        tickets=bulk_tickets(ref, count=tickets, rng=rng, start=first, step=step),
        capture=False,
        progress=progress,
        total=tickets,
    )
    return result.count
