"""Weekly service metrics: SQL aggregates over indexed ranges, folded into `WeeklyMetrics`.

`weekly_metrics(session, year=, week=, scope=, now=)` computes everything the weekly status report
prints for one ISO week in city time (Monday 00:00 to the next Monday 00:00 local, so a week with a
daylight-saving change lasts 167 or 169 hours) and one scope. It is Qt-free and reused by the UI and
the benchmarks. Definitions (DESIGN.md "Metric definitions", `citydesk.domain.metrics`):

* Requests are tickets whose priority is not Ops; Ops work is counted apart. A ticket's priority,
  category, department and assignee are its current (folded) values.
* opened = created in the week; resolved = `resolved_at` (the latest resolution not followed by a
  reopen) in the week; closed = tickets with a move to "closed" in the week; reopened = tickets
  with a reopen entry in the week (the workflow only reopens resolved or closed tickets).
* open at an instant (backlog): created before it and not resolved or closed at it. This is exact:
  a ticket never reopened was open until its `resolved_at`; a reopened ticket's status history is
  replayed from its timeline's status entries up to the instant.
* on time = resolved at or before due, over requests resolved in the week that have a due date.
* first response: over requests opened in the week that have had one by the time the report is
  made (the rest are counted as awaiting); time to resolution: over requests resolved in the week.
  Both in elapsed hours; median and nearest-rank 90th percentile (domain.metrics).
* first-contact resolution rate: requests opened in the week that were resolved by the person
  who logged them within 30 minutes, out of all requests opened in the week.
* "at the end of the week" is the week's last instant, or now for the week in progress (whose
  figures run to now).
* age of an open request: whole days (24-hour periods) since it was created.
* usual volume: the average number of requests opened on the same weekday in the 8 weeks before.
* recurring problems: >= 3 requests created in the 90 days to the end of the week about the same
  category at the same location text, or with the same person among the reporters; listed when
  the problem came up this week (the report is about the week).
* workload: open tickets assigned (current assignee) at the end, tickets resolved in the week by
  the person, minutes recorded in the week; requests and Ops work together.
* ward/district: the ward of the request's address from the city's address list ("" for requests at
  a place not on the list); empty, with a note, while no request of the week has a ward.
* reconciliation: open at the start + opened − resolved + reopened + adjustments = open at the end,
  each adjustment counted on its own from the timelines (`reconcile`, `domain.metrics.ADJUSTMENTS`).
* a resolution imported with its date unknown (`detail.date_unknown`) leaves `resolved_at` empty:
  the request counts as opened in its creation week, is never open before a reopen (not in the
  backlog, past due or aging), and is resolved in no week nor in the resolution times.

Budget: about 100 ms for a week of ~800 requests, and no more for a surge week of ~2,500 (a quarter
of them P1), in a 100k-ticket database. Every query reads an indexed range (created_at,
resolved_at, the open-ticket partial indexes, timeline (kind, at)) and only what its section needs:
the backlog is one read of the open and recently resolved tickets (only reopened tickets are
replayed from their timelines), this week's languages are counted in SQL, the P1 incidents read only
the timeline entries their short timelines show, recurring problems are bounded from two indexes and
read exactly only for the few that could be listed, and stamps are read as stored text. The 90 days
of recurring problems, the daily counts and the other queries that only count run on a second read
connection, in parallel with the sections that read many rows (`recurring` falls back to a scan when
the two optional indexes are missing). Day buckets use SQLite's
`date(stamp, '±N minutes')` with the zone's UTC offset, split at the zone's transitions inside the
range, so each stamp lands on its city-local day.

`weekly_metrics` is a sequence of named sections, one module each: `volume` (opened and resolved,
breakdowns, departments), `backlog` (open at an instant, open at the end, aging), `activity` (days,
trend, contacts, closes and reopens, time logged, office syncs), `workload`, `recurring`,
`incidents` and `reconcile` (how the open count adds up); `queries` holds the shared tables
(`tickets`, `timeline`, ...), the week's instants (`Span`, `Week`) and SQL helpers, `scope` the scope
and week parsing.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from citydesk.domain.calendar import utc
from citydesk.reports.metrics.activity import (
    contact_counts,
    daily_counts,
    days_and_trend,
    event_counts,
    minutes_logged,
    office_syncs,
)
from citydesk.reports.metrics.backlog import backlog_fields, count_backlog
from citydesk.reports.metrics.incidents import p1_incidents
from citydesk.reports.metrics.queries import Week, load_names, make_span, tickets
from citydesk.reports.metrics.reconcile import reconcile_week
from citydesk.reports.metrics.recurring import recurring_problems
from citydesk.reports.metrics.scope import last_full_week, parse_scope, scope_name
from citydesk.reports.metrics.volume import (
    department_rows,
    opened_languages,
    opened_requests,
    resolved_requests,
)
from citydesk.reports.metrics.workload import workload_rows
from citydesk.reports.model import (
    WARD_NOTE,
    Adjustment,
    DayVolume,
    DepartmentRow,
    DurationStats,
    Figure,
    Incident,
    IncidentStep,
    OfficeSync,
    OnTimeRow,
    OpenTicketRow,
    Rate,
    RateFigure,
    Reconciliation,
    RecurringProblem,
    Scope,
    ScopeKind,
    TrendWeek,
    WeeklyMetrics,
    WorkloadRow,
    week_label,
)
from citydesk.store.settings import calendar_from, load_settings

__all__ = [
    "Adjustment",
    "DayVolume",
    "DepartmentRow",
    "DurationStats",
    "Figure",
    "Incident",
    "IncidentStep",
    "OfficeSync",
    "OnTimeRow",
    "OpenTicketRow",
    "Rate",
    "RateFigure",
    "Reconciliation",
    "RecurringProblem",
    "Scope",
    "ScopeKind",
    "TrendWeek",
    "WeeklyMetrics",
    "WorkloadRow",
    "last_full_week",
    "parse_scope",
    "scope_name",
    "week_label",
    "weekly_metrics",
]

T = TypeVar("T")
DEFAULT_ON_TIME_GOAL = 90.0

_POOL: ThreadPoolExecutor | None = None


def _beside(session: Session, work: Callable[[Session], T]) -> Callable[[], T]:
    """Start `work` on a second read session of the same database; call the result to wait for it.

    Runs inline when the session is not bound to a file database's engine (e.g. in-memory SQLite).
    The second read transaction starts within milliseconds of the caller's, so both see the same
    data unless a sync commits in between (the report's "data as of" is the caller's `now`).
    """
    global _POOL
    bind = session.get_bind()
    if not isinstance(bind, Engine) or (bind.url.database or ":memory:") in ("", ":memory:"):
        value = work(session)
        return lambda: value

    def run() -> T:
        with Session(bind) as other, other.begin():
            return work(other)

    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="citydesk-metrics")
    future = _POOL.submit(run)
    return future.result


def the_week(session: Session, year: int, week: int, scope: Scope, now: datetime) -> Week:
    """The week's instants, the city's calendar and settings, and the reference names."""
    settings = load_settings(session)
    calendar = calendar_from(settings)
    span = make_span(calendar, year, week, now)
    return Week(year, week, scope, span, calendar, settings, load_names(session))


def heading_fields(week: Week, scope_label: str, now: datetime) -> dict[str, Any]:
    """WeeklyMetrics fields naming the report: week, scope, city, zone, instants."""
    span = week.span
    return {
        "year": week.year,
        "week": week.week,
        "scope": week.scope,
        "scope_name": scope_label,
        "city_name": str(week.settings.get("city_name") or ""),
        "tz_name": week.calendar.tz_name,
        "start": span.start,
        "end": span.end,
        "as_of": span.as_of,
        "now": now,
        "partial": span.as_of < span.end,
    }


def contact_fields(
    contacts: dict[tuple[str, bool], int], events: dict[tuple[str, bool], int]
) -> dict[str, Any]:
    """WeeklyMetrics fields counted from events: closed, reopened, status inquiries, questions."""

    def pair(counts: dict[tuple[str, bool], int], kind: str) -> Figure:
        return Figure(counts.get((kind, True), 0), counts.get((kind, False), 0))

    return {
        "closed": pair(events, "status"),
        "reopened": pair(events, "reopen"),
        "status_inquiries": pair(contacts, "status_inquiry"),
        "questions": pair(contacts, "question"),
    }


def goal_and_notes(week: Week, by_ward: dict[str, int]) -> dict[str, Any]:
    """WeeklyMetrics fields: the on-time goal (the city's setting) and the notes under the summary."""
    notes = [] if by_ward else [WARD_NOTE]
    if week.span.as_of < week.span.end:
        notes.insert(0, "This week is not over: figures run to the time the report was made.")
    goal = week.settings.get("on_time_goal_pct", DEFAULT_ON_TIME_GOAL)
    try:
        goal = float(goal)
    except (TypeError, ValueError):
        goal = DEFAULT_ON_TIME_GOAL
    return {"on_time_goal_pct": goal, "notes": tuple(notes)}


def weekly_metrics(session: Session, *, year: int, week: int, scope: Scope, now: datetime) -> WeeklyMetrics:
    """All the figures of the weekly status report for one ISO week (city time) and one scope."""
    now = utc(now)
    scope_label = scope_name(session, scope)
    w = the_week(session, year, week, scope, now)
    span = w.span
    # The queries that count and the recurring problems (SQLite's work, their few hundred rows
    # packed into one: `queries.packed_rows`) run on a second read connection, in parallel with the
    # sections that read thousands of rows and fold them in Python here (opened, resolved, the
    # backlog, the P1 incidents). SQLite works outside the GIL, but the driver gives the GIL up and
    # takes it back for every row it steps: rows stepped on both threads, or a third thread, made
    # them trade the GIL hundreds of times a report (measured slower on two cores).
    beside = _beside(
        session,
        lambda other: (
            daily_counts(other, tickets.c.created_at, span.usual_start, span.as_of, scope, w.calendar),
            daily_counts(other, tickets.c.resolved_at, span.trend_start, span.as_of, scope, w.calendar),
            event_counts(other, scope, span),
            minutes_logged(other, scope, span),
            contact_counts(other, scope, span),
            opened_languages(other, w),
            recurring_problems(other, scope, span, w.names),
        ),
    )
    opened = opened_requests(session, w)
    resolved = resolved_requests(session, w)
    open_tickets = count_backlog(session, scope, span)
    incidents = p1_incidents(session, scope, span, w.names)
    offices = office_syncs(session)
    opened_daily, resolved_daily, events, minutes, contacts, languages, recurring = beside()
    backlog = backlog_fields(session, w, open_tickets)
    contact = contact_fields(contacts, events)
    reconciliation = reconcile_week(
        session,
        w,
        open_tickets,
        start=backlog["backlog_start"].current,
        opened=opened.fields["opened"].current,
        resolved=resolved.fields["resolved"].current,
        reopened=contact["reopened"].current,
        end=backlog["backlog_end"].current,
        dateless=opened.dateless,
    )
    return WeeklyMetrics(
        **heading_fields(w, scope_label, now),
        **opened.fields,
        opened_by_language=languages,
        **resolved.fields,
        **backlog,
        **contact,
        **days_and_trend(w, opened_daily, resolved_daily, open_tickets.counts),
        departments=department_rows(
            w,
            opened.by_department,
            resolved.by_department,
            open_tickets.departments,
            resolved.fields["on_time_by_department"],
        ),
        workload=workload_rows(w, open_tickets.assigned, resolved.by_person, minutes),
        recurring=tuple(recurring),
        incidents=tuple(incidents),
        offices=tuple(offices),
        reconciliation=reconciliation,
        **goal_and_notes(w, opened.fields["opened_by_ward"]),
    )
