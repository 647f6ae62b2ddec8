"""The demo city: deterministic, exact ticket counts, a realistic mix, nothing after the demo's end."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from citydesk.demo import DemoSummary, create_demo
from citydesk.demo.calendar import Hours, us_holidays
from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.clock import ManualClock
from citydesk.domain.priorities import Priority
from citydesk.services import setup
from citydesk.store.db import Database, StorageError, open_database
from citydesk.store.models import (
    Category,
    Department,
    Requester,
    SyncState,
    Ticket,
    TicketReporter,
    TimelineEntry,
    User,
)
from citydesk.store.queries import queue_counts
from citydesk.store.settings import load_calendar
from factories import Office

AS_OF = date(2026, 11, 18)  # a Wednesday
TZ = BusinessCalendar(tz_name="America/Chicago").tz
END = datetime.combine(AS_OF, time(17, 0), tzinfo=TZ).astimezone(UTC)  # the demo's last instant


def _open(path: Path, now: datetime | None = None) -> Database:
    return open_database(path, clock=ManualClock(now or datetime.combine(AS_OF, time(23, 0), tzinfo=UTC)))


def _rows(db: Database) -> list[tuple[Any, ...]]:
    with db.read() as session:
        statement = select(Ticket.number, Ticket.title, Ticket.status, Ticket.priority).order_by(
            Ticket.row_no
        )
        return [tuple(row) for row in session.execute(statement)]


def _one(session: Session, statement: Any) -> Any:
    """The single value a query returns (never None here)."""
    value = session.scalar(statement)
    assert value is not None
    return value


def _counts(db: Database) -> dict[str, int]:
    with db.read() as session:
        return {
            name: int(_one(session, select(func.count()).select_from(model)))
            for name, model in (
                ("tickets", Ticket),
                ("entries", TimelineEntry),
                ("reporters", TicketReporter),
                ("requesters", Requester),
                ("users", User),
                ("categories", Category),
            )
        }


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One demo city of 2,000 tickets shared by the read-only checks below."""
    db = _open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    summary = create_demo(db, as_of=AS_OF, tickets=2000, seed=3)
    yield db, summary
    db.close()


def test_same_seed_and_day_give_the_same_city(tmp_path: Path) -> None:
    dbs = [_open(tmp_path / f"{name}.sqlite") for name in ("a", "b", "c")]
    try:
        create_demo(dbs[0], as_of=AS_OF, tickets=500, seed=7)
        create_demo(dbs[1], as_of=AS_OF, tickets=500, seed=7)
        create_demo(dbs[2], as_of=AS_OF, tickets=500, seed=8)
        first, second, other = (_rows(db) for db in dbs)
        assert first == second
        assert _counts(dbs[0]) == _counts(dbs[1])
        assert first != other
    finally:
        for db in dbs:
            db.close()


@pytest.mark.parametrize("count", [0, 1, 357])
def test_asked_for_ticket_count_is_exact(tmp_path: Path, count: int) -> None:
    db = _open(tmp_path / "demo.sqlite")
    reports: list[tuple[int, int]] = []
    try:
        summary = create_demo(
            db, as_of=AS_OF, tickets=count, seed=1, progress=lambda d, t: reports.append((d, t))
        )
        assert summary.tickets == count
        assert _counts(db)["tickets"] == count
        assert summary.last_date == AS_OF
        assert summary.first_date <= AS_OF
        if count:
            assert reports[0] == (0, count) and reports[-1] == (count, count)
        else:
            assert reports == []
    finally:
        db.close()


def test_summary_and_reference_data(city: tuple[Database, DemoSummary]) -> None:
    db, summary = city
    counts = _counts(db)
    assert summary.tickets == counts["tickets"] == 2000
    assert summary.requesters == counts["requesters"] >= 300
    assert summary.users == counts["users"] - 1  # the system user is not staff
    assert summary.categories == counts["categories"] >= 25
    assert summary.departments == 6
    assert summary.elapsed_seconds > 0
    with db.read() as session:
        roles = Counter(session.scalars(select(User.role).where(User.role != "system")))
        assert (
            roles["clerk"] >= 4
            and roles["technician"] >= 12
            and roles["supervisor"] >= 5
            and roles["admin"] >= 1
        )
        assert _one(session, select(func.count()).where(User.password_hash.is_not(None))) == 0
        assert {d for d in session.scalars(select(Department.code))} == {
            "CLK",
            "FIN",
            "PW",
            "PD",
            "PARKS",
            "IT",
        }
        light = session.scalars(select(Category).where(Category.name == "Streetlight out")).one()
        assert (
            "lamp" in light.keywords and "5 business days" in light.caller_script and light.intake_questions
        )
        prefixes = {n.rsplit("-", 1)[0] for n in session.scalars(select(Ticket.number))}
        assert prefixes == {"CLK-DEM", "PW-DEM", "PD-DEM"}


def test_the_database_is_marked_demo(city: tuple[Database, DemoSummary]) -> None:
    db, _summary = city
    assert setup.is_demo(db)
    with db.read() as session:
        assert _one(session, select(SyncState.is_demo)) is True
        assert _one(session, select(SyncState.number_prefix)) == "CLK-DEM"


def test_a_realistic_mix(city: tuple[Database, DemoSummary]) -> None:
    db, _summary = city
    with db.read() as session:
        statuses = Counter(session.scalars(select(Ticket.status)))
        assert statuses["resolved"] + statuses["closed"] > 1000
        assert statuses["in_progress"] > 0 and statuses["new"] > 0
        assert sum(statuses[s] for s in ("waiting_requester", "waiting_vendor", "waiting_parts")) > 0
        reasons = Counter(
            session.scalars(select(Ticket.resolution_reason).where(Ticket.resolution_reason.is_not(None)))
        )
        assert reasons["done"] > reasons["duplicate"] > 0 and reasons["referred"] > 0
        assert _one(session, select(func.count()).where(Ticket.reporter_count >= 2)) > 40
        assert _one(session, select(func.max(Ticket.reporter_count))) >= 3
        assert _one(session, select(func.count()).where(Ticket.first_contact_resolution)) > 0
        assert _one(session, select(func.count()).where(Ticket.reopen_count > 0)) > 0
        assert _one(session, select(func.count()).where(Ticket.escalation_level > 0)) > 0
        channels = set(session.scalars(select(Ticket.channel).distinct()))
        assert {"phone", "walk_in", "email", "web", "intranet", "after_hours", "internal"} <= channels
        languages = Counter(session.scalars(select(Requester.preferred_language)))
        assert 0.06 < languages["es"] / sum(languages.values()) < 0.2
        names = set(session.scalars(select(Requester.name)))
        assert {"José Núñez", "Zoë Łukasik"} <= names
        assert _one(session, select(func.count()).where(Requester.kind == "staff")) > 0
        assert _one(session, select(func.count()).where(Requester.anonymous)) > 0
        # queues as the sidebar counts them at the demo's end
        counts = queue_counts(session, user_id=None, now=END, calendar=load_calendar(session))
        open_p1 = select(func.count()).select_from(Ticket).where(Ticket.is_open, Ticket.priority == "P1")
        p1_open = _one(session, open_p1)
    assert counts["visits_today"] > 0
    assert counts["overdue"] > 0
    assert counts["unassigned"] > 0
    assert counts["p1_open"] == p1_open  # the sidebar's count is the open P1 tickets, none missed


def test_duplicates_point_at_an_earlier_ticket_of_the_same_category(
    city: tuple[Database, DemoSummary],
) -> None:
    db, _summary = city
    with db.read() as session:
        tickets = {
            n: (c, at)
            for n, c, at in session.execute(select(Ticket.number, Ticket.category_id, Ticket.created_at))
        }
        duplicates = session.execute(
            select(Ticket.number, Ticket.category_id, Ticket.created_at, Ticket.resolution_ref).where(
                Ticket.resolution_reason == "duplicate"
            )
        ).all()
    assert duplicates
    for _number, category, created, original in duplicates:
        assert original in tickets
        assert tickets[original][0] == category
        assert tickets[original][1] < created


def test_the_same_problem_comes_back_at_some_addresses(city: tuple[Database, DemoSummary]) -> None:
    db, _summary = city
    with db.read() as session:
        rows = session.execute(select(Ticket.location_text, Ticket.category_id, Ticket.created_at)).all()
    seen: dict[tuple[str, str | None], list[datetime]] = {}
    for text, category, created in rows:
        if text and text[0].isdigit():  # a house address, not a building or an intersection
            seen.setdefault((text, category), []).append(created)
    repeats = [
        key for key, times in seen.items() if len(times) >= 3 and max(times) - min(times) <= timedelta(90)
    ]
    assert repeats


def test_nothing_happens_after_the_end_of_the_last_day(city: tuple[Database, DemoSummary]) -> None:
    db, _summary = city
    with db.read() as session:
        assert _one(session, select(func.max(TimelineEntry.at))) < END
        assert _one(session, select(func.max(Ticket.created_at))) < END
        early = _one(
            session,
            select(func.count())
            .select_from(TimelineEntry)
            .join(Ticket, Ticket.id == TimelineEntry.ticket_id)
            .where(TimelineEntry.kind != "created", TimelineEntry.at <= Ticket.created_at),
        )
        assert early == 0
        # most tickets past their target are resolved; about 6-10% of a long run is still open
        open_share = _one(session, select(func.avg(Ticket.is_open)))
        assert 0 < open_share < 0.5


def test_nothing_is_written_after_an_earlier_database_clock(tmp_path: Path) -> None:
    now = datetime.combine(AS_OF, time(11, 30), tzinfo=TZ).astimezone(UTC)
    db = _open(tmp_path / "demo.sqlite", now=now)
    try:
        create_demo(db, as_of=AS_OF, tickets=300, seed=2)
        with db.read() as session:
            assert _one(session, select(func.max(TimelineEntry.at))) < now
            assert _one(session, select(func.max(Ticket.created_at))) < now
            assert _one(session, select(func.count()).select_from(Ticket)) == 300
    finally:
        db.close()


def test_summer_day_ends_at_five_local_time(tmp_path: Path) -> None:
    summer = date(2026, 7, 15)
    end = datetime.combine(summer, time(17, 0), tzinfo=TZ).astimezone(UTC)
    db = _open(tmp_path / "demo.sqlite", now=datetime(2026, 7, 16, 3, 0, tzinfo=UTC))
    try:
        create_demo(db, as_of=summer, tickets=400, seed=4)
        with db.read() as session:
            assert _one(session, select(func.max(TimelineEntry.at))) < end
    finally:
        db.close()


def test_only_an_empty_database(office: Office) -> None:
    with pytest.raises(StorageError):
        create_demo(office.db, as_of=AS_OF, tickets=10)


def test_holidays_are_stored_for_the_span(city: tuple[Database, DemoSummary]) -> None:
    db, summary = city
    with db.read() as session:
        calendar = load_calendar(session)
    assert date(2026, 11, 26) in calendar.holidays  # Thanksgiving
    assert all(d >= summary.first_date - timedelta(days=31) for d in calendar.holidays)


def test_us_holidays_with_observed_days() -> None:
    assert us_holidays(date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 1, 1),
        date(2026, 5, 25),
        date(2026, 7, 3),
        date(2026, 9, 7),
        date(2026, 11, 26),
        date(2026, 12, 25),
    ]
    assert date(2027, 12, 24) in us_holidays(date(2027, 12, 1), date(2027, 12, 31))  # Christmas on a Saturday


def test_planned_due_dates_follow_the_business_calendar() -> None:
    holidays = frozenset(us_holidays(date(2026, 1, 1), date(2027, 12, 31)))
    calendar = BusinessCalendar(tz_name="America/Chicago", holidays=holidays)
    hours = Hours(calendar, date(2026, 1, 1), date(2027, 12, 31))
    rng = random.Random(5)
    start = datetime(2026, 1, 2, tzinfo=UTC).timestamp()
    for _ in range(3000):
        ts = int(start + rng.uniform(0, 300 * 86400))
        priority = rng.choice(["P1", "P2", "P3", "OPS"])
        target = rng.choice([0, 1, 2, 5, 10, 30])
        expected = calendar.due_at(datetime.fromtimestamp(ts, UTC), Priority(priority), target)
        assert expected is not None
        assert hours.due(ts, priority, target) == int(expected.timestamp()), (ts, priority, target)


def test_questions_and_status_inquiries_at_the_counter(city: tuple[Database, DemoSummary]) -> None:
    """The counter's contacts without a ticket: by clerks, in opening hours, inquiries about open tickets."""
    from citydesk.store.models import ContactLog

    db, summary = city
    with db.read() as session:
        calendar = load_calendar(session)
        rows = session.execute(
            select(
                ContactLog.kind, ContactLog.at, ContactLog.author_id, Ticket.created_at, Ticket.resolved_at
            ).outerjoin(Ticket, Ticket.id == ContactLog.ticket_id)
        ).all()
        clerks = set(session.scalars(select(User.id).where(User.role == "clerk")))
    kinds = Counter(r.kind for r in rows)
    assert summary.contacts == len(rows)
    business_days = len({r.at.astimezone(calendar.tz).date() for r in rows})
    assert 6 <= kinds["question"] / business_days <= 14
    assert 2 <= kinds["status_inquiry"] / business_days <= 9
    for r in rows:
        local = r.at.astimezone(calendar.tz)
        assert calendar.is_business_day(local.date()) and calendar.opens <= local.time() < calendar.closes
        assert r.author_id in clerks and r.at < END
        if r.kind == "status_inquiry":  # asked while the ticket was open, about a recent request
            assert r.created_at < r.at and (r.resolved_at is None or r.resolved_at > r.at)
            assert r.at - r.created_at <= timedelta(days=30)
