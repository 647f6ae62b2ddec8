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

Budget: about 100 ms for a week of ~800 tickets in a 100k-ticket database. Every query reads an
indexed range (created_at, resolved_at, the open-ticket partial indexes, timeline (kind, at));
stamps are read as stored text, counts at several instants come from sorted lists, and the 90 days
of recurring problems, the daily counts and a few small queries run on a second read connection
in parallel (`_recurring` uses two optional indexes when a migration adds them). Day buckets use SQLite's
`date(stamp, '±N minutes')` with the zone's UTC offset, split at the zone's transitions inside the
range, so each stamp lands on its city-local day. Pieces live in `_common` (tables, instants, SQL
helpers), `_backlog` (open at an instant), `_recurring` and `_incidents`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Engine, case, select
from sqlalchemy.orm import Session

from citydesk.domain import metrics as dm
from citydesk.domain.calendar import BusinessCalendar, utc
from citydesk.domain.channels import LANGUAGES, Channel
from citydesk.domain.errors import ValidationError
from citydesk.domain.priorities import Priority
from citydesk.reports.metrics.activity import (
    contact_counts,
    daily_counts,
    event_counts,
    first_reporter_language,
    minutes_logged,
    office_syncs,
    sum_days,
)
from citydesk.reports.metrics.backlog import OpenRow, open_sets
from citydesk.reports.metrics.incidents import p1_incidents
from citydesk.reports.metrics.queries import (
    NO_CATEGORY,
    OPS,
    USUAL_WEEKS,
    departments,
    from_db_text,
    hours_between,
    load_names,
    make_span,
    offices,
    scope_clause,
    tickets,
)
from citydesk.reports.metrics.recurring import recurring_problems
from citydesk.reports.model import (
    WARD_NOTE,
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
    RecurringProblem,
    Scope,
    ScopeKind,
    TrendWeek,
    WeeklyMetrics,
    WorkloadRow,
    week_label,
)
from citydesk.store.settings import calendar_from, load_settings
from citydesk.store.types import to_db_text

__all__ = [
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
AGING_ROWS = 15
DEFAULT_ON_TIME_GOAL = 90.0


# ---- scope and week --------------------------------------------------------------------------------


def parse_scope(session: Session, text: str) -> Scope:
    """`city`, `office:CODE` or `department:CODE` → Scope; ValidationError('scope') when unknown."""
    raw = (text or "").strip()
    kind, _, code = raw.partition(":")
    kind, code = kind.strip().lower(), code.strip()
    if kind == ScopeKind.CITY and not code:
        return Scope.city()
    if kind not in (ScopeKind.OFFICE, ScopeKind.DEPARTMENT) or not code:
        raise ValidationError(
            "scope", f"Write the scope as city, office:CODE or department:CODE; got {text!r}."
        )
    model: Any = offices.c if kind == ScopeKind.OFFICE else departments.c
    rows = session.execute(select(model.id, model.code)).all()
    for row_id, row_code in rows:
        if row_code.casefold() == code.casefold():
            return Scope(ScopeKind(kind), row_id)
    known = ", ".join(sorted(c for _i, c in rows)) or "none"
    raise ValidationError("scope", f"There is no {kind} with the code {code!r} (known: {known}).")


def scope_name(session: Session, scope: Scope) -> str:
    """The scope's name ("Whole city", "City Hall office", "Public Works"); ValidationError if unknown."""
    if scope.kind == ScopeKind.CITY:
        return "Whole city"
    if scope.kind == ScopeKind.OFFICE:
        name = session.scalar(select(offices.c.name).where(offices.c.id == scope.id))
        if name is None:
            raise ValidationError("scope", f"There is no office with the id {scope.id!r}.")
        return f"{name} office"
    if scope.kind == ScopeKind.DEPARTMENT:
        name = session.scalar(select(departments.c.name).where(departments.c.id == scope.id))
        if name is None:
            raise ValidationError("scope", f"There is no department with the id {scope.id!r}.")
        return str(name)
    raise ValidationError("scope", f"Unknown scope {scope!r}.")


def last_full_week(calendar: BusinessCalendar, now: datetime) -> tuple[int, int]:
    """The ISO week before the one `now` falls in (city time)."""
    monday = date.fromisocalendar(*calendar.iso_week_of(now), 1) - timedelta(days=7)
    iso = monday.isocalendar()
    return iso.year, iso.week


# ---- the week ----------------------------------------------------------------------------------


def _rate(rows: Iterable[Any]) -> Rate:
    flags = [r for r in rows if r is not None]
    return Rate(sum(flags), len(flags))


def _ordered(counter: Counter[str], order: Sequence[str]) -> dict[str, int]:
    out = {k: counter[k] for k in order if counter.get(k)}
    out.update({k: v for k, v in sorted(counter.items()) if k not in out and v})
    return out


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


def weekly_metrics(session: Session, *, year: int, week: int, scope: Scope, now: datetime) -> WeeklyMetrics:
    """All the figures of the weekly status report for one ISO week (city time) and one scope."""
    now = utc(now)
    settings = load_settings(session)
    calendar = calendar_from(settings)
    label = scope_name(session, scope)
    span = make_span(calendar, year, week, now)
    names = load_names(session)
    # About half the reading (daily counts over 9 weeks, the 90 days of recurring problems, closes
    # and reopens, time logged, P1 incidents) runs on a second read connection in parallel with the
    # rest: SQLite works outside the GIL, so on two cores the wall time drops by about a third.
    background = _beside(
        session,
        lambda other: (
            daily_counts(other, tickets.c.created_at, span.usual_start, span.as_of, scope, calendar),
            daily_counts(other, tickets.c.resolved_at, span.trend_start, span.as_of, scope, calendar),
            recurring_problems(other, scope, span, names),
            event_counts(other, scope, span),
            minutes_logged(other, scope, span),
            p1_incidents(other, scope, span, names),
        ),
    )
    in_scope = scope_clause(scope)
    monday = date.fromisocalendar(year, week, 1)

    # Requests opened last week and this week, one row each.
    cur = tickets.c.created_at >= span.start
    created = session.execute(
        select(
            cur.label("cur"),
            tickets.c.priority,
            tickets.c.channel,
            tickets.c.category_id,
            tickets.c.department_id,
            tickets.c.first_contact_resolution,
            hours_between(tickets.c.first_response_at, tickets.c.created_at),
            case((cur, first_reporter_language()), else_=None),
            tickets.c.ward,
        ).where(tickets.c.created_at >= span.prev_start, tickets.c.created_at < span.as_of, in_scope)
    ).all()
    opened_rows = {True: [], False: []}  # type: dict[bool, list[Any]]
    ops_opened = Counter[bool]()
    for r in created:
        if r[1] == OPS:
            ops_opened[bool(r[0])] += 1
        else:
            opened_rows[bool(r[0])].append(r)

    # Tickets resolved last week and this week.
    rcur = (tickets.c.resolved_at >= span.start).label("cur")
    on_time_flag = case((tickets.c.due_at.is_(None), None), (tickets.c.resolved_at <= tickets.c.due_at, 1), else_=0)
    resolved = session.execute(
        select(
            rcur,
            tickets.c.priority,
            tickets.c.category_id,
            tickets.c.department_id,
            on_time_flag,
            hours_between(tickets.c.resolved_at, tickets.c.created_at),
            tickets.c.resolved_by,
        ).where(tickets.c.resolved_at >= span.prev_start, tickets.c.resolved_at < span.as_of, in_scope)
    ).all()
    resolved_rows = {True: [], False: []}  # type: dict[bool, list[Any]]
    ops_resolved = Counter[bool]()
    resolved_by = Counter[str]()
    for r in resolved:
        if r[0] and r[6]:
            resolved_by[r[6]] += 1
        if r[1] == OPS:
            ops_resolved[bool(r[0])] += 1
        else:
            resolved_rows[bool(r[0])].append(r)

    contacts = contact_counts(session, scope, span)
    backlog, open_end = open_sets(session, scope, span)
    requests_open_end = [r for r in open_end if r.priority != OPS]

    # Figures with last week's value.
    def fig(cur_value: float | None, prev_value: float | None) -> Figure:
        return Figure(cur_value, prev_value)

    trend_starts = [t[2] for t in span.trend]
    opened = fig(len(opened_rows[True]), len(opened_rows[False]))
    on_time = RateFigure(_rate(r[4] for r in resolved_rows[True]), _rate(r[4] for r in resolved_rows[False]))
    fcr = RateFigure(
        Rate(sum(bool(r[5]) for r in opened_rows[True]), len(opened_rows[True])),
        Rate(sum(bool(r[5]) for r in opened_rows[False]), len(opened_rows[False])),
    )
    first_response = {k: [r[6] for r in rows if r[6] is not None] for k, rows in opened_rows.items()}
    resolution_hours = {k: [r[5] for r in rows if r[5] is not None] for k, rows in resolved_rows.items()}

    # Breakdowns of this week's requests.
    this_opened = opened_rows[True]
    by_priority = _ordered(Counter(r[1] for r in this_opened), [p.value for p in Priority])
    by_channel = _ordered(Counter(r[2] for r in this_opened), [c.value for c in Channel])
    by_language = _ordered(Counter(r[7] or "unknown" for r in this_opened), [*LANGUAGES, "unknown"])
    by_ward = _by_ward(Counter(r[8] or "" for r in this_opened))

    # On time by category and department (requests resolved this week with a due date).
    def on_time_rows(index: int, name_of: Any) -> tuple[OnTimeRow, ...]:
        groups: dict[str | None, list[int]] = defaultdict(list)
        for r in resolved_rows[True]:
            if r[4] is not None:
                groups[r[index]].append(r[4])
        rows = []
        for key, flags in groups.items():
            name, target = name_of(key)
            rows.append(OnTimeRow(key, name, Rate(sum(flags), len(flags)), target))
        rows.sort(key=lambda row: (-row.rate.total, row.name.casefold()))
        return tuple(rows)

    by_category = on_time_rows(
        2,
        lambda key: (
            names.categories.get(key, (NO_CATEGORY, None))[0] if key else NO_CATEGORY,
            names.categories.get(key, (None, None))[1] if key else None,
        ),
    )
    by_department = on_time_rows(3, lambda key: (names.department(key), None))

    # Departments.
    dep_opened = Counter(r[4] for r in this_opened)
    dep_resolved = Counter(r[3] for r in resolved_rows[True])
    dep_open = Counter(r.department_id for r in requests_open_end)
    dep_rate = {row.id: row.rate for row in by_department}
    dep_ids = set(dep_opened) | set(dep_resolved) | set(dep_open)
    if scope.kind == ScopeKind.DEPARTMENT:
        dep_ids.add(scope.id)
    departments = sorted(
        (
            DepartmentRow(
                d,
                names.department(d),
                dep_opened[d],
                dep_resolved[d],
                dep_open[d],
                dep_rate.get(d, Rate(0, 0)),
            )
            for d in dep_ids
        ),
        key=lambda row: (row.id is None, row.name.casefold()),
    )

    # Open requests at the end: ages, past due, the list.
    def whole_days(delta: timedelta) -> int:
        return delta // timedelta(days=1)

    # Age buckets by comparing creation stamps with the buckets' edges (no datetimes per ticket).
    edges = [(to_db_text(span.as_of - timedelta(days=low)), label) for label, low, _high in dm.AGE_BUCKETS]
    ages: Counter[str] = Counter()
    for open_row in requests_open_end:
        ages[next((label for edge, label in reversed(edges) if open_row.created <= edge), edges[0][1])] += 1
    age_buckets = {label: ages.get(label, 0) for label, _low, _high in dm.AGE_BUCKETS}
    oldest_row = min(requests_open_end, key=lambda r: r.created, default=None)
    oldest = whole_days(span.as_of - from_db_text(oldest_row.created)) if oldest_row else None  # type: ignore[operator]
    end_key = to_db_text(span.as_of)

    def aging_key(r: OpenRow) -> tuple[bool, str]:
        late = r.due is not None and r.due < end_key
        return (not late, r.due if late else r.created)  # type: ignore[return-value]

    aging = []
    top = sorted(requests_open_end, key=aging_key)[:AGING_ROWS]
    labels = {
        ticket_id: (number, title)
        for ticket_id, number, title in session.execute(
            select(tickets.c.id, tickets.c.number, tickets.c.title).where(tickets.c.id.in_([r.id for r in top]))
        )
    }
    for open_row in top:
        created_at, due_at = from_db_text(open_row.created), from_db_text(open_row.due)
        assert created_at is not None
        late = due_at is not None and due_at < span.as_of
        aging.append(
            OpenTicketRow(
                number=labels[open_row.id][0],
                title=labels[open_row.id][1],
                priority=open_row.priority,
                department=names.department(open_row.department_id),
                owner=names.user(open_row.assignee_id),
                created_at=created_at,
                due_at=due_at,
                age_days=whole_days(span.as_of - created_at),
                days_past_due=whole_days(span.as_of - due_at) if due_at is not None and late else None,
            )
        )

    opened_daily, resolved_daily, recurring, events, minutes, incidents = background()

    # Days of this week against the usual for that weekday.
    days = []
    for i in range(7):
        d = monday + timedelta(days=i)
        usual = [opened_daily.get(d - timedelta(weeks=k), [0, 0])[0] for k in range(1, USUAL_WEEKS + 1)]
        days.append(
            DayVolume(
                d, opened_daily.get(d, [0, 0])[0], resolved_daily.get(d, [0, 0])[0], sum(usual) / USUAL_WEEKS
            )
        )

    # The 4-week trend.
    trend = []
    for i, (y, w, _s, _e) in enumerate(span.trend):
        first = date.fromisocalendar(y, w, 1)
        end_instant = trend_starts[i + 1] if i + 1 < len(trend_starts) else span.as_of
        trend.append(
            TrendWeek(
                y,
                w,
                first,
                sum_days(opened_daily, first),
                sum_days(resolved_daily, first),
                backlog[end_instant][0],
            )
        )

    # Workload: open assigned at the end, resolved this week, minutes logged this week (all tickets).
    open_assigned = Counter(r.assignee_id for r in open_end if r.assignee_id)
    people = set(open_assigned) | set(resolved_by) | set(minutes)
    for user_id, (_name, role, dep, office, active) in names.users.items():
        if not active or role != "technician":
            continue
        if scope.kind == ScopeKind.DEPARTMENT and dep != scope.id:
            continue
        if scope.kind == ScopeKind.OFFICE and office != scope.id:
            continue
        people.add(user_id)
    workload = sorted(
        (
            WorkloadRow(u, names.user(u), open_assigned[u], resolved_by[u], minutes.get(u, 0))
            for u in people
            if u in names.users
        ),
        key=lambda row: row.name.casefold(),
    )

    notes = [] if by_ward else [WARD_NOTE]
    if span.as_of < span.end:
        notes.insert(0, "This week is not over: figures run to the time the report was made.")
    goal = settings.get("on_time_goal_pct", DEFAULT_ON_TIME_GOAL)
    try:
        goal = float(goal)
    except (TypeError, ValueError):
        goal = DEFAULT_ON_TIME_GOAL

    return WeeklyMetrics(
        year=year,
        week=week,
        scope=scope,
        scope_name=label,
        city_name=str(settings.get("city_name") or ""),
        tz_name=calendar.tz_name,
        start=span.start,
        end=span.end,
        as_of=span.as_of,
        now=now,
        partial=span.as_of < span.end,
        opened=opened,
        resolved=fig(len(resolved_rows[True]), len(resolved_rows[False])),
        closed=fig(events.get(("status", True), 0), events.get(("status", False), 0)),
        reopened=fig(events.get(("reopen", True), 0), events.get(("reopen", False), 0)),
        backlog_start=fig(backlog[span.start][0], backlog[span.prev_start][0]),
        backlog_end=fig(backlog[span.as_of][0], backlog[span.start][0]),
        past_due_end=fig(backlog[span.as_of][1], backlog[span.start][1]),
        on_time=on_time,
        first_contact=fcr,
        first_response=DurationStats.of(first_response[True]),
        first_response_previous=DurationStats.of(first_response[False]),
        awaiting_first_response=sum(1 for r in this_opened if r[6] is None),
        resolution=DurationStats.of(resolution_hours[True]),
        resolution_previous=DurationStats.of(resolution_hours[False]),
        status_inquiries=fig(
            contacts.get(("status_inquiry", True), 0), contacts.get(("status_inquiry", False), 0)
        ),
        questions=fig(contacts.get(("question", True), 0), contacts.get(("question", False), 0)),
        ops_opened=fig(ops_opened[True], ops_opened[False]),
        ops_resolved=fig(ops_resolved[True], ops_resolved[False]),
        ops_open_end=backlog[span.as_of][2],
        no_category=fig(
            sum(1 for r in this_opened if r[3] is None), sum(1 for r in opened_rows[False] if r[3] is None)
        ),
        oldest_open_days=oldest,
        on_time_by_category=by_category,
        on_time_by_department=by_department,
        departments=tuple(departments),
        age_buckets=age_buckets,
        opened_by_priority=by_priority,
        opened_by_channel=by_channel,
        opened_by_language=by_language,
        opened_by_ward=by_ward,
        days=tuple(days),
        trend=tuple(trend),
        workload=tuple(workload),
        aging=tuple(aging),
        recurring=tuple(recurring),
        incidents=tuple(incidents),
        offices=tuple(office_syncs(session)),
        on_time_goal_pct=goal,
        notes=tuple(notes),
    )


def _natural(text: str) -> tuple[Any, ...]:
    """ "Ward 2" before "Ward 10"."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text))


def _by_ward(counts: Counter[str]) -> dict[str, int]:
    """Requests per ward in natural order, those without a ward ("") last; {} when none has a ward."""
    if not any(counts[k] for k in counts if k):
        return {}
    wards = sorted((k for k in counts if k), key=_natural)
    return {k: counts[k] for k in [*wards, *([""] if counts.get("") else [])]}
