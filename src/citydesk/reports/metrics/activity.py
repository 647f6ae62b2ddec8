"""Counts of what happened in the week: tickets per city-local day (the days and the 4-week trend),
contacts, closes and reopens, time recorded, and each office's last sync."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, distinct, func, literal_column, not_, or_, select, type_coerce
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar
from citydesk.reports.metrics.queries import (
    OPS,
    USUAL_WEEKS,
    Span,
    Week,
    categories,
    contacts,
    local_day,
    local_settings,
    offices,
    offset_segments,
    packed_rows,
    reporters,
    requesters,
    scope_clause,
    sync_state,
    tickets,
    timeline,
)
from citydesk.reports.model import DayVolume, OfficeSync, Scope, ScopeKind, TrendWeek


def daily_counts(
    session: Session, column: Any, lo: datetime, hi: datetime, scope: Scope, calendar: BusinessCalendar
) -> dict[date, list[int]]:
    """{local date: (requests, ops)} for stamps of `column` in [lo, hi)."""
    day = local_day(column, offset_segments(calendar, lo, hi)).label("d")
    ops = (tickets.c.priority == OPS).label("ops")
    stmt = (
        select(day, ops, func.count())
        .where(column >= lo, column < hi, scope_clause(scope))
        .group_by(literal_column("d"), literal_column("ops"))
    )
    out: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for d, is_ops, n in packed_rows(session, stmt):
        out[date.fromisoformat(d)][1 if is_ops else 0] += int(n)
    return out


def sum_days(daily: dict[date, list[int]], first: date, days: int = 7, index: int = 0) -> int:
    """The count over `days` days from `first` in a daily series (index 0: requests, 1: Ops)."""
    return sum(daily.get(first + timedelta(days=i), [0, 0])[index] for i in range(days))


def first_reporter_language() -> Any:
    """SQL for the preferred language of a ticket's first reporter (correlated to the ticket)."""
    return (
        select(requesters.c.preferred_language)
        .join_from(reporters, requesters, reporters.c.requester_id == requesters.c.id)
        .where(reporters.c.ticket_id == tickets.c.id)
        .order_by(reporters.c.reported_at, reporters.c.id)
        .limit(1)
        .correlate(tickets)
        .scalar_subquery()
    )


def contact_counts(session: Session, scope: Scope, span: Span) -> dict[tuple[str, bool], int]:
    """Status inquiries and questions answered on the spot, last week and this week."""
    cur = (contacts.c.at >= span.start).label("cur")
    stmt = select(contacts.c.kind, cur, func.count()).where(
        contacts.c.at >= span.prev_start, contacts.c.at < span.as_of
    )
    if scope.kind == ScopeKind.OFFICE:
        stmt = stmt.where(contacts.c.office_id == scope.id)
    elif scope.kind == ScopeKind.DEPARTMENT:
        stmt = (
            stmt.outerjoin(tickets, tickets.c.id == contacts.c.ticket_id)
            .outerjoin(categories, categories.c.id == contacts.c.category_id)
            .where(func.coalesce(tickets.c.department_id, categories.c.department_id) == scope.id)
        )
    stmt = stmt.group_by(contacts.c.kind, literal_column("cur"))
    return {(kind, bool(c)): int(n) for kind, c, n in session.execute(stmt)}


def event_counts(session: Session, scope: Scope, span: Span) -> dict[tuple[str, bool], int]:
    """Distinct requests reopened / closed in the previous and this week."""
    te = timeline.c
    # The close an import writes after a resolution without a date (at the import's instant) is
    # not work of that week: left out for tickets still resolved with no date, and for reopened ones
    # (the only others that can have had one) when an undated resolution shares its instant.
    other = timeline.alias("other")
    after_undated = or_(
        and_(tickets.c.resolved_at.is_(None), tickets.c.resolution_reason.is_not(None)),
        and_(
            tickets.c.reopen_count > 0,
            select(other.c.id)
            .where(
                other.c.ticket_id == te.ticket_id,
                other.c.kind == "resolution",
                other.c.at == te.at,
                func.json_extract(other.c.detail, "$.date_unknown").is_(True),
            )
            .exists(),
        ),
    )
    closed = and_(te.kind == "status", type_coerce(te.value, String) == '"closed"', not_(after_undated))
    cur = (te.at >= span.start).label("cur")
    stmt = (
        select(te.kind, cur, func.count(distinct(te.ticket_id)))
        .join(tickets, tickets.c.id == te.ticket_id)
        .where(
            te.kind.in_(("reopen", "status")),
            te.at >= span.prev_start,
            te.at < span.as_of,
            or_(te.kind == "reopen", closed),
            tickets.c.priority != OPS,
            scope_clause(scope),
        )
        .group_by(te.kind, literal_column("cur"))
    )
    return {(kind, bool(c)): int(n) for kind, c, n in session.execute(stmt)}


def minutes_logged(session: Session, scope: Scope, span: Span) -> dict[str, int]:
    """Minutes recorded in the week per author (requests and Ops work)."""
    te = timeline.c
    stmt = (
        select(te.author_id, func.sum(func.json_extract(te.detail, "$.minutes")))
        .join(tickets, tickets.c.id == te.ticket_id)
        .where(te.kind == "time_spent", te.at >= span.start, te.at < span.as_of, scope_clause(scope))
        .group_by(te.author_id)
    )
    return {author: int(total or 0) for author, total in session.execute(stmt)}


OFFICE_SYNCS_SETTING = "sync.office_last_sync"  # written by the sync engine from each cycle's hello


def office_syncs(session: Session) -> list[OfficeSync]:
    """Each active office and when its data last reached the city's server as this PC last heard
    (the sync's hello); this PC's own office: its own last successful sync."""
    state = session.execute(select(sync_state.c.office_id, sync_state.c.last_sync_at)).first()
    local_id = state.office_id if state else None
    heard = session.scalar(select(local_settings.c.value).where(local_settings.c.key == OFFICE_SYNCS_SETTING))
    reported = heard if isinstance(heard, dict) else {}
    out = []
    for office_id, code, name in session.execute(
        select(offices.c.id, offices.c.code, offices.c.name)
        .where(offices.c.active.is_(True))
        .order_by(offices.c.code)
    ):
        is_local = office_id == local_id
        when = state.last_sync_at if (is_local and state) else _instant(reported.get(code))
        out.append(OfficeSync(code, name, is_local, when))
    out.sort(key=lambda o: (not o.is_local, o.code))
    return out


def _instant(text: object) -> datetime | None:
    """An ISO time from the stored hello figures (None when absent or unreadable)."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def days_and_trend(
    week: Week,
    opened_daily: dict[date, list[int]],
    resolved_daily: dict[date, list[int]],
    open_at: dict[datetime, tuple[int, int, int]],
) -> dict[str, Any]:
    """The week's days against the usual for each weekday, and the 4-week trend (WeeklyMetrics fields)."""
    monday = date.fromisocalendar(week.year, week.week, 1)
    days = []
    for i in range(7):
        d = monday + timedelta(days=i)
        usual = [opened_daily.get(d - timedelta(weeks=k), [0, 0])[0] for k in range(1, USUAL_WEEKS + 1)]
        days.append(
            DayVolume(
                d, opened_daily.get(d, [0, 0])[0], resolved_daily.get(d, [0, 0])[0], sum(usual) / USUAL_WEEKS
            )
        )
    span = week.span
    starts = [t[2] for t in span.trend]
    trend = []
    for i, (y, w, _s, _e) in enumerate(span.trend):
        first = date.fromisocalendar(y, w, 1)
        end_instant = starts[i + 1] if i + 1 < len(starts) else span.as_of
        trend.append(
            TrendWeek(
                y,
                w,
                first,
                sum_days(opened_daily, first),
                sum_days(resolved_daily, first),
                open_at[end_instant][0],
            )
        )
    return {"days": tuple(days), "trend": tuple(trend)}
