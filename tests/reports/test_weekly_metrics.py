"""weekly_metrics against figures worked out by hand from the week in weekly_fixture.py.

Every expected number below is reasoned from the ticket stories in weekly_fixture's docstring, not
recomputed: the week is 2026-W47 (Mon Nov 16 – Sun Nov 22, America/Chicago), last week W46.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from weekly_fixture import REPORT_NOW, CityWeek, local

from citydesk.domain.errors import ValidationError
from citydesk.reports.metrics import (
    Rate,
    Scope,
    last_full_week,
    parse_scope,
    scope_name,
    weekly_metrics,
)
from citydesk.services import tickets as t
from citydesk.store.settings import load_calendar
from factories import make_office

approx = pytest.approx


def test_counts_against_last_week(city_week: CityWeek) -> None:
    m = city_week.metrics()
    # Opened: F G H I J K (L is Ops, M is next week); last week B C D (E is Ops).
    assert (m.opened.current, m.opened.previous) == (6, 3)
    assert m.opened.change_pct == approx(100.0)
    # Resolved: H (Tue), I (Wed), C (Thu, its final resolution), F (Fri); last week B, D.
    assert (m.resolved.current, m.resolved.previous) == (4, 2)
    # Closed: D on Tuesday. Reopened: C on Wednesday.
    assert (m.closed.current, m.closed.previous) == (1, 0)
    assert (m.reopened.current, m.reopened.previous) == (1, 0)
    assert m.closed.change_pct is None  # last week was 0
    # Open at Mon Nov 16 00:00: A and C; at Mon Nov 9 00:00: A only.
    assert (m.backlog_start.current, m.backlog_start.previous) == (2, 1)
    # Open at Mon Nov 23 00:00: A G J K; at the end of last week: A C.
    assert (m.backlog_end.current, m.backlog_end.previous) == (4, 2)
    # Past due at the end: A (due Nov 10) and G (due Nov 19); at the start only A (C was due Nov 17).
    assert (m.past_due_end.current, m.past_due_end.previous) == (2, 1)
    assert m.oldest_open_days == 19  # A: Nov 3 10:00 to Nov 23 00:00 = 19 days 14 hours
    assert m.as_of == local(11, 23, 0) and not m.partial


def test_the_open_count_adds_up(city_week: CityWeek) -> None:
    m = city_week.metrics()
    r = m.reconciliation
    # 2 + 6 opened - 4 resolved + 1 reopened = 5, but C was resolved Tue, reopened Wed and resolved
    # again Thu: its Tuesday resolution took it out of the open count and no figure counts it.
    assert (r.start, r.opened, r.resolved, r.reopened, r.end) == (2, 6, 4, 1, 4)
    assert [(a.key, a.count) for a in r.shown] == [("resolved_again", -1)]
    assert r.unexplained == 0


def test_rates_and_times(city_week: CityWeek) -> None:
    m = city_week.metrics()
    # On time: H, I, F on time; C resolved Thu Nov 19 15:00 after its due Tue Nov 17 17:00.
    assert m.on_time.current == Rate(3, 4)
    assert m.on_time.current.text() == "3 of 4, 75%"
    assert m.on_time.previous == Rate(2, 2)
    assert m.on_time.change_points == approx(-25.0)
    # First contact: H (the clerk resolved it 15 minutes after logging it); last week D.
    assert m.first_contact.current == Rate(1, 6)
    assert m.first_contact.previous == Rate(1, 3)
    # First response: H 0.25 h (public resolution), I 20 min, F 2 h (public note), G 4 h (in progress).
    assert m.first_response.count == 4
    assert m.first_response.median_hours == approx((1 / 3 + 2) / 2, abs=1e-4)
    assert m.first_response.p90_hours == approx(4.0, abs=1e-4)
    assert m.awaiting_first_response == 2  # J and K
    # Last week: D 10 min, B 48 h, C 117 h (its first resolution carried the first public note).
    assert m.first_response_previous.median_hours == approx(48.0, abs=1e-4)
    assert m.first_response_previous.p90_hours == approx(117.0, abs=1e-4)
    # Resolution: H 0.25 h, I 3 h, F 97 h, C 169 h.
    assert m.resolution.count == 4
    assert m.resolution.median_hours == approx(50.0, abs=1e-4)
    assert m.resolution.p90_hours == approx(169.0, abs=1e-4)
    assert m.resolution_previous.median_hours == approx((1 / 6 + 48) / 2, abs=1e-4)


def test_breakdowns(city_week: CityWeek) -> None:
    m = city_week.metrics()
    assert dict(m.opened_by_priority) == {"P1": 1, "P2": 1, "P3": 4}
    assert dict(m.opened_by_channel) == {"phone": 1, "walk_in": 1, "email": 1, "web": 2, "after_hours": 1}
    # F: Jane (en); G, H: José (es); I, J, K have no requester.
    assert dict(m.opened_by_language) == {"en": 1, "es": 2, "unknown": 3}
    assert dict(m.opened_by_ward) == {}
    assert any("Ward/district" in note for note in m.notes)
    assert (m.no_category.current, m.no_category.previous) == (1, 0)  # I
    assert dict(m.age_buckets) == {"0–7 days": 3, "8–30 days": 1, "31–90 days": 0, "> 90 days": 0}
    assert (m.status_inquiries.current, m.status_inquiries.previous) == (2, 0)
    assert (m.questions.current, m.questions.previous) == (1, 1)
    assert (m.ops_opened.current, m.ops_opened.previous) == (1, 1)
    assert (m.ops_resolved.current, m.ops_resolved.previous) == (1, 0)
    assert m.ops_open_end == 1  # E


def test_on_time_by_category_and_department(city_week: CityWeek) -> None:
    m = city_week.metrics()
    by_category = {r.name: (r.rate.part, r.rate.total, r.target_business_days) for r in m.on_time_by_category}
    assert by_category == {
        "Pothole": (1, 1, 5),
        "Streetlight out": (0, 1, 3),
        "Password reset": (1, 1, 1),
        "(no category)": (1, 1, None),
    }
    by_department = {r.name: r.rate for r in m.on_time_by_department}
    assert by_department == {"Public Works": Rate(2, 3), "Information Technology": Rate(1, 1)}
    departments = {d.name: (d.opened, d.resolved, d.open_end, d.on_time.text()) for d in m.departments}
    assert departments == {
        "Public Works": (5, 3, 4, "2 of 3, 66%"),
        "Information Technology": (1, 1, 0, "1 of 1, 100%"),
    }


def test_days_trend_and_workload(city_week: CityWeek) -> None:
    m = city_week.metrics()
    assert [d.day for d in m.days] == [date(2026, 11, 16) + timedelta(days=i) for i in range(7)]
    assert [d.opened for d in m.days] == [2, 1, 1, 1, 0, 0, 1]
    assert [d.resolved for d in m.days] == [0, 1, 1, 1, 1, 0, 0]
    # The 8 weeks before: B on a Monday, A on a Tuesday, C on a Thursday, D on a Friday.
    assert [d.usual_opened for d in m.days] == [1 / 8, 1 / 8, 0, 1 / 8, 1 / 8, 0, 0]
    assert [(w.label, w.opened, w.resolved, w.backlog_end) for w in m.trend] == [
        ("2026-W44", 0, 0, 0),
        ("2026-W45", 1, 0, 1),
        ("2026-W46", 3, 2, 2),
        ("2026-W47", 6, 4, 4),
    ]
    workload = {w.name: (w.open_assigned, w.resolved, w.minutes_logged) for w in m.workload}
    assert workload == {
        "Carla Clerk": (0, 1, 0),  # resolved H
        "Ivy IT": (0, 1, 0),  # resolved the Ops task L
        "Tomás Técnico": (1, 3, 75),  # G open; C, F, I resolved; 45 + 30 minutes
    }


def test_lists(city_week: CityWeek) -> None:
    m = city_week.metrics()
    n = city_week.numbers
    assert [r.number for r in m.aging] == [n["A"], n["G"], n["J"], n["K"]]
    assert [(r.age_days, r.days_past_due, r.owner) for r in m.aging] == [
        (19, 12, "Unassigned"),
        (6, 3, "Tomás Técnico"),
        (3, None, "Unassigned"),
        (0, None, "Unassigned"),
    ]
    assert [(r.label, r.count, r.open_now) for r in m.recurring] == [
        ("Jane Roe (same person)", 4, 1),  # A B D F
        ("José Núñez (same person)", 3, 1),  # C G H
        ("Pothole at 100 Main St", 3, 1),  # A B F
    ]
    assert m.recurring[2].numbers == (n["A"], n["B"], n["F"])
    (incident,) = m.incidents
    assert incident.number == n["I"] and incident.owner == "Tomás Técnico"
    assert [s.text for s in incident.steps] == [
        "Logged by Carla Clerk (after-hours dispatch)",
        "Assigned to Tomás Técnico",
        "In progress (Tomás Técnico)",
        "Escalated to level 1",
        "Resolved by Tomás Técnico: Done",
    ]
    assert incident.resolved_at - incident.created_at == timedelta(hours=3)
    (office,) = m.offices
    assert (office.code, office.is_local, office.last_sync_at) == ("CLK", True, None)


def test_scopes(city_week: CityWeek) -> None:
    o = city_week.office
    with o.db.read() as session:
        public_works = parse_scope(session, "department:pw")
        it = parse_scope(session, "department:IT")
        office = parse_scope(session, "office:CLK")
        assert parse_scope(session, " city ") == Scope.city()
        assert scope_name(session, public_works) == "Public Works"
        assert scope_name(session, office) == "City Hall office"
    m = city_week.metrics(scope=public_works)
    assert (m.opened.current, m.resolved.current, m.backlog_end.current) == (5, 3, 4)
    assert m.on_time.current == Rate(2, 3)
    # Inquiries about G and A count; the questions name no ticket or category, so no department.
    assert (m.status_inquiries.current, m.questions.current) == (2, 0)
    m = city_week.metrics(scope=it)
    assert (m.opened.current, m.resolved.current, m.backlog_end.current, m.ops_open_end) == (1, 1, 0, 1)
    assert [w.name for w in m.workload] == ["Carla Clerk", "Ivy IT"]
    m = city_week.metrics(scope=office)
    assert (m.opened.current, m.resolved.current, m.backlog_end.current) == (6, 4, 4)


def test_errors(city_week: CityWeek) -> None:
    o = city_week.office
    with o.db.read() as session:
        with pytest.raises(ValidationError) as err:
            weekly_metrics(session, year=2026, week=49, scope=Scope.city(), now=REPORT_NOW)
        assert err.value.field == "week" and "has not started yet" in err.value.message
        with pytest.raises(ValidationError) as err:
            weekly_metrics(session, year=2026, week=47, scope=Scope.office("no-such-office"), now=REPORT_NOW)
        assert err.value.field == "scope" and "no-such-office" in err.value.message
        with pytest.raises(ValidationError) as err:
            weekly_metrics(session, year=2026, week=47, scope=Scope.department("nope"), now=REPORT_NOW)
        assert err.value.field == "scope"
        with pytest.raises(ValidationError) as err:
            parse_scope(session, "office:ZZZ")
        assert err.value.field == "scope" and "CLK" in err.value.message  # lists the known codes
        with pytest.raises(ValidationError):
            parse_scope(session, "ward:3")
        with pytest.raises(ValidationError) as err:
            weekly_metrics(session, year=2026, week=54, scope=Scope.city(), now=REPORT_NOW)
        assert err.value.field == "week"


def test_week_in_progress_runs_to_now(city_week: CityWeek) -> None:
    """The current week's end-of-week figures are taken at `now`."""
    with city_week.office.db.read() as session:
        now = local(11, 19, 12)  # Thursday noon of W47
        m = weekly_metrics(session, year=2026, week=47, scope=Scope.city(), now=now)
        assert m.partial and m.as_of == now
        # Open at Thursday noon: A, C (reopened Wed, resolved again at 15:00), F (resolved Fri), G.
        assert m.backlog_end.current == 4
        assert m.opened.current == 4  # F G H I (J came in at 15:30)
        assert m.resolved.current == 2  # H, I (C and F were resolved later; stamps after now are cut)
        assert last_full_week(load_calendar(session), now) == (2026, 46)


def test_empty_database(empty_office) -> None:  # type: ignore[no-untyped-def]
    with empty_office.db.read() as session:
        m = weekly_metrics(session, year=2026, week=47, scope=Scope.city(), now=REPORT_NOW)
    assert m.is_empty
    assert (m.opened.current, m.resolved.current, m.backlog_end.current) == (0, 0, 0)
    assert m.on_time.current.text() == "none"
    assert m.first_response.median_hours is None and m.oldest_open_days is None
    assert m.aging == () and m.incidents == () and m.recurring == ()
    assert [w.name for w in m.workload] == ["Ivy IT", "Tomás Técnico"]  # active technicians, zeros


def test_week_with_the_fall_back_change(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """2026-W44 (Oct 26 – Nov 1) holds the Nov 1 fall-back in Chicago and lasts 169 hours."""
    o = make_office(tmp_path / "dst.sqlite", start=datetime(2026, 10, 20, 12, tzinfo=UTC))
    try:
        made = {}
        for key, when in {
            "sun_before": local(10, 25, 23, 30),  # W43
            "mon_first": local(10, 26, 0, 30),  # W44, 05:30 UTC (CDT)
            "sun_0130_cdt": local(11, 1, 1, 30, fold=0),  # 06:30 UTC
            "sun_0130_cst": local(11, 1, 1, 30, fold=1),  # 07:30 UTC, the repeated hour
            "sun_2330": local(11, 1, 23, 30),  # 05:30 UTC Nov 2: still W44 (CST)
            "mon_after": local(11, 2, 0, 30),  # 06:30 UTC Nov 2: W45
        }.items():
            o.clock.set(when)
            made[key] = t.create_ticket(
                o.db, actor=o.clerk, title=key, channel="phone", category_id=o.pothole
            )
        o.clock.set(local(11, 3, 12))
        with o.db.read() as session:
            calendar = load_calendar(session)
            start, end = calendar.week_bounds(2026, 44)
            assert end - start == timedelta(hours=169)
            assert start == datetime(2026, 10, 26, 5, tzinfo=UTC) and end == datetime(
                2026, 11, 2, 6, tzinfo=UTC
            )
            m = weekly_metrics(session, year=2026, week=44, scope=Scope.city(), now=local(11, 3, 12))
            assert m.opened.current == 4
            assert m.opened.previous == 1  # W43: the Sunday 23:30 ticket
            assert [d.opened for d in m.days] == [1, 0, 0, 0, 0, 0, 3]
            assert m.backlog_start.current == 1 and m.backlog_end.current == 5
            w45 = weekly_metrics(session, year=2026, week=45, scope=Scope.city(), now=local(11, 3, 12))
            assert w45.opened.current == 1 and w45.days[0].opened == 1
            # Spring forward: 2026-W10 (Mar 2–8) is 167 hours long.
            start, end = calendar.week_bounds(2026, 10)
            assert end - start == timedelta(hours=167)
    finally:
        o.db.close()


def test_recurring_indexes_give_the_same_answer_as_a_scan(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The schema's two recurring-problem indexes are used when present; without them: same result."""
    from sqlalchemy import text
    from weekly_fixture import build_city_week

    from citydesk.reports.metrics import recurring as metrics_module

    week = build_city_week(tmp_path / "indexed.sqlite")
    try:
        with week.office.db.read() as session:
            assert metrics_module.present_indexes(session) == {
                metrics_module.PLACE_INDEX,
                metrics_module.REQUESTER_INDEX,
            }
        indexed = week.metrics().recurring
        with week.office.db.engine.begin() as conn:
            conn.execute(text(f"DROP INDEX {metrics_module.PLACE_INDEX}"))
            conn.execute(text(f"DROP INDEX {metrics_module.REQUESTER_INDEX}"))
        with week.office.db.read() as session:
            assert metrics_module.present_indexes(session) == set()
        assert week.metrics().recurring == indexed
        assert [r.count for r in indexed] == [4, 3, 3]
    finally:
        week.office.db.close()
