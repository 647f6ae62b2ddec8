"""weekly_metrics on a demo city against a brute-force replay of every ticket's timeline.

The expected side folds each ticket's entries up to an instant with the domain's own fold
(domain.timeline.fold), ticket by ticket, in Python: nothing of the report's SQL is reused. It
catches what a hand-built week is too small to show (reopened tickets, closes, Ops work, DST-free
day buckets over many weeks).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from citydesk.demo import create_demo
from citydesk.domain import metrics as dm
from citydesk.domain.clock import ManualClock
from citydesk.domain.timeline import Entry, fold
from citydesk.reports.metrics import Scope, weekly_metrics
from citydesk.store.db import Database, open_database
from citydesk.store.models import Ticket, TimelineEntry
from citydesk.store.settings import load_calendar
from citydesk.store.ticket_cache import to_entry

AS_OF = date(2026, 11, 20)  # a Friday: 2026-W47 is in progress, W46 is complete


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    clock = ManualClock(datetime.combine(AS_OF, time(23, 0), tzinfo=UTC))
    db = open_database(Path(tmp_path_factory.mktemp("demo")) / "demo.sqlite", clock=clock)
    create_demo(db, as_of=AS_OF, tickets=1500, seed=7)
    yield db
    db.close()


def _history(db: Database) -> tuple[dict[str, Ticket], dict[str, list[Entry]]]:
    with db.read() as session:
        tickets = {t.id: t for t in session.scalars(select(Ticket))}
        entries: dict[str, list[Entry]] = {}
        for row in session.scalars(select(TimelineEntry)):
            entries.setdefault(row.ticket_id, []).append(to_entry(row))
        session.expunge_all()
    return tickets, entries


@pytest.mark.parametrize("week", [46, 47])
def test_metrics_match_a_replay_of_the_timeline(demo: Database, week: int) -> None:
    now = demo.clock.now()
    with demo.read() as session:
        m = weekly_metrics(session, year=2026, week=week, scope=Scope.city(), now=now)
        calendar = load_calendar(session)
    tickets, entries = _history(demo)
    start, end = calendar.week_bounds(2026, week)
    prev_start = start - (calendar.week_bounds(2026, week)[1] - start)  # no DST change in Nov 9-23
    as_of = min(end, now)

    def state_at(ticket_id: str, instant: datetime):  # type: ignore[no-untyped-def]
        return fold([e for e in entries[ticket_id] if e.at < instant])

    def is_request(t: Ticket) -> bool:
        return t.priority != "OPS"

    def open_at(instant: datetime) -> list[Ticket]:
        return [
            t
            for t in tickets.values()
            if is_request(t) and t.created_at < instant and state_at(t.id, instant).is_open
        ]

    assert m.backlog_start.current == len(open_at(start))
    assert m.backlog_start.previous == len(open_at(prev_start))
    at_end = open_at(as_of)
    assert m.backlog_end.current == len(at_end)
    assert m.past_due_end.current == sum(1 for t in at_end if t.due_at is not None and t.due_at < as_of)
    ages = [int((as_of - t.created_at) // timedelta(days=1)) for t in at_end]
    assert dict(m.age_buckets) == {
        label: sum(1 for a in ages if dm.age_bucket(a) == label) for label, _lo, _hi in dm.AGE_BUCKETS
    }
    assert m.oldest_open_days == (max(ages) if ages else None)

    in_week = [t for t in tickets.values() if is_request(t) and start <= t.created_at < as_of]
    assert m.opened.current == len(in_week)
    assert m.ops_opened.current == sum(
        1 for t in tickets.values() if t.priority == "OPS" and start <= t.created_at < as_of
    )
    final = {tid: fold(es) for tid, es in entries.items()}
    resolved = [
        t
        for t in tickets.values()
        if is_request(t) and final[t.id].resolved_at and start <= final[t.id].resolved_at < as_of
    ]  # type: ignore[operator]
    assert m.resolved.current == len(resolved)
    with_due = [t for t in resolved if t.due_at is not None]
    assert m.on_time.current.total == len(with_due)
    assert m.on_time.current.part == sum(1 for t in with_due if final[t.id].resolved_at <= t.due_at)  # type: ignore[operator]

    def touched(kind: str, value: object = None) -> int:
        return len(
            {
                e.ticket_id
                for tid, es in entries.items()
                if is_request(tickets[tid])
                for e in es
                if e.kind.value == kind and start <= e.at < as_of and (value is None or e.value == value)
            }
        )

    assert m.reopened.current == touched("reopen")
    assert m.closed.current == touched("status", "closed")
    by_day = [sum(1 for t in in_week if calendar.local_date(t.created_at) == d.day) for d in m.days]
    assert [d.opened for d in m.days] == by_day
    assert m.first_contact.current.part == sum(1 for t in in_week if final[t.id].first_contact_resolution)
    # The demo has reopened tickets and closes, so the replay above exercised them.
    assert any(final[t].reopen_count for t in final)
