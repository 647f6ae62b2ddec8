"""Shared query pieces of the weekly metrics (and the CSV export): Core tables by name (`tickets`,
`timeline`, ...; columns as `tickets.c.created_at`), the week's instants (`Span`, `Week`), scope
filters, city-local days in SQL, stamps read as text, and reference names."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, String, Table, case, func, select, true, type_coerce
from sqlalchemy.orm import Session

from citydesk.domain.calendar import BusinessCalendar, utc
from citydesk.domain.errors import ValidationError
from citydesk.domain.priorities import Priority
from citydesk.reports.model import Scope, ScopeKind, week_label
from citydesk.store.models import (
    Category,
    ContactLog,
    Department,
    LocalSetting,
    Office,
    Requester,
    SyncState,
    Ticket,
    TicketReporter,
    TimelineEntry,
    User,
)

# Core tables (Core statements skip the ORM's per-row work); columns are `tickets.c.created_at`, ...
tickets: Table = Ticket.__table__  # type: ignore[assignment]
timeline: Table = TimelineEntry.__table__  # type: ignore[assignment]
reporters: Table = TicketReporter.__table__  # type: ignore[assignment]
requesters: Table = Requester.__table__  # type: ignore[assignment]
contacts: Table = ContactLog.__table__  # type: ignore[assignment]
categories: Table = Category.__table__  # type: ignore[assignment]
departments: Table = Department.__table__  # type: ignore[assignment]
offices: Table = Office.__table__  # type: ignore[assignment]
sync_state: Table = SyncState.__table__  # type: ignore[assignment]
local_settings: Table = LocalSetting.__table__  # type: ignore[assignment]
users: Table = User.__table__  # type: ignore[assignment]

OPS = Priority.OPS.value
NO_CATEGORY = "(no category)"
NO_DEPARTMENT = "(no department)"
UNASSIGNED = "Unassigned"
TREND_WEEKS = 4
USUAL_WEEKS = 8


def shift_week(year: int, week: int, weeks: int) -> tuple[int, int]:
    """The ISO week `weeks` weeks after (or before, when negative) the given one."""
    iso = (date.fromisocalendar(year, week, 1) + timedelta(weeks=weeks)).isocalendar()
    return iso.year, iso.week


@dataclass(frozen=True)
class Span:
    """The instants one report needs, all aware UTC."""

    start: datetime
    end: datetime
    as_of: datetime
    prev_start: datetime
    trend: tuple[tuple[int, int, datetime, datetime], ...]  # (year, week, start, end), oldest first
    usual_start: datetime

    @property
    def trend_start(self) -> datetime:
        """The first instant of the 4-week trend."""
        return self.trend[0][2]

    def instants(self) -> list[datetime]:
        """Backlog instants: the end of each trend week (the next one's start; this week: as_of), and
        last week's start (no repeats, oldest first)."""
        return list(dict.fromkeys([*(t[2] for t in self.trend[1:]), self.prev_start, self.as_of]))


def make_span(calendar: BusinessCalendar, year: int, week: int, now: datetime) -> Span:
    """The instants of a report on the ISO week; ValidationError('week') if it has not started."""
    start, end = calendar.week_bounds(year, week)
    if start > now:
        local = calendar.local(now)
        raise ValidationError(
            "week",
            f"{week_label(year, week)} has not started yet (it is {local:%Y-%m-%d %H:%M} in the city).",
        )
    trend = []
    for back in range(TREND_WEEKS - 1, -1, -1):
        y, w = shift_week(year, week, -back)
        trend.append((y, w, *calendar.week_bounds(y, w)))
    prev_start = calendar.week_bounds(*shift_week(year, week, -1))[0]
    usual_start = calendar.week_bounds(*shift_week(year, week, -USUAL_WEEKS))[0]
    return Span(start, end, min(end, now), prev_start, tuple(trend), usual_start)


@dataclass(frozen=True)
class Week:
    """One report's week and scope with what every section reads: the instants, the city's
    calendar and settings, and the reference names."""

    year: int
    week: int
    scope: Scope
    span: Span
    calendar: BusinessCalendar
    settings: dict[str, Any]
    names: Names

    @property
    def in_scope(self) -> ColumnElement[bool]:
        """The ticket filter for the report's scope."""
        return scope_clause(self.scope)


def scope_clause(scope: Scope) -> ColumnElement[bool]:
    """The ticket filter for a scope (office of origin, or current department)."""
    if scope.kind == ScopeKind.OFFICE:
        return tickets.c.office_id == scope.id
    if scope.kind == ScopeKind.DEPARTMENT:
        return tickets.c.department_id == scope.id
    return true()


# ---- city-local days in SQL ------------------------------------------------------------------------


def offset_segments(
    calendar: BusinessCalendar, lo: datetime, hi: datetime
) -> list[tuple[datetime | None, int]]:
    """[(until, offset minutes)] covering [lo, hi]: each offset holds before `until` (None: to the end)."""

    def offset(ts: int) -> int:
        local = datetime.fromtimestamp(ts, calendar.tz)
        return int(local.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]

    segments: list[tuple[datetime | None, int]] = []
    t, stop = int(lo.timestamp()), int(hi.timestamp())
    current = offset(t)
    step = 6 * 3600
    while t < stop:
        nxt = min(t + step, stop)
        if offset(nxt) != current:
            a, b = t, nxt
            while b - a > 1:
                mid = (a + b) // 2
                a, b = (mid, b) if offset(mid) == current else (a, mid)
            segments.append((utc(datetime.fromtimestamp(b, calendar.tz)), current))
            current = offset(b)
        t = nxt
    segments.append((None, current))
    return segments


def local_day(column: Any, segments: Sequence[tuple[datetime | None, int]]) -> ColumnElement[str]:
    """SQL for the city-local date ('YYYY-MM-DD') of a UTC stamp column."""

    def modifier(minutes: int) -> str:
        return f"{minutes:+d} minutes"

    if len(segments) == 1:
        return func.date(column, modifier(segments[0][1]))
    whens = [(column < until, modifier(m)) for until, m in segments[:-1]]
    return func.date(column, case(*whens, else_=modifier(segments[-1][1])))


def hours_between(later: Any, earlier: Any) -> ColumnElement[float]:
    """SQL for the elapsed hours between two stamp columns (NULL if either is NULL)."""
    return (func.julianday(later) - func.julianday(earlier)) * 24.0


def stamp_text(column: Any) -> ColumnElement[str]:
    """A stamp column read as the text SQLite stores (sorts like the instants)."""
    return type_coerce(column, String)


def driver_rows(session: Session, stmt: Any) -> list[tuple[Any, ...]]:
    """Run `stmt` and return the driver's plain tuples: no SQLAlchemy row objects or result processors
    (several times cheaper for the thousands of rows a surge week's figures read). Values come as
    SQLite stores them: booleans 0/1, stamps as text (read them with `stamp_text`/`from_db_text`)."""
    result = session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def packed_rows(session: Session, stmt: Any) -> list[list[Any]]:
    """Run `stmt` and return its rows as lists, stepped ONCE: SQLite packs them into one JSON array
    (in the order it produces them for `stmt`). The driver gives up the GIL for every row it steps,
    and a thread that steps rows while another runs Python trades the GIL (a context switch) each
    time; packed, it trades it once. Only for columns of text, integers and NULLs (JSON would round
    a REAL to 15 digits); for the few hundred rows of a counting query, not for thousands (building
    and parsing the JSON then costs more than it saves)."""
    sub = stmt.subquery()
    text = driver_rows(session, select(func.json_group_array(func.json_array(*sub.c))))[0][0]
    return json.loads(text) if text else []


def from_db_text(value: str | None) -> datetime | None:
    """The aware UTC datetime for a stamp read as text."""
    if value is None:
        return None
    try:  # stored text has no offset: parsing it with one is several times faster than .replace()
        return datetime.fromisoformat(value + "+00:00")
    except ValueError:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)


@dataclass
class Names:
    """Display names of departments, categories (with targets) and users."""

    departments: dict[str, str]
    categories: dict[str, tuple[str, int | None]]
    users: dict[str, tuple[str, str, str | None, str | None, bool]]  # name, role, dept, office, active

    def department(self, dep_id: str | None) -> str:
        """A department's name, or "(no department)"."""
        return self.departments.get(dep_id or "", NO_DEPARTMENT) if dep_id else NO_DEPARTMENT

    def user(self, user_id: str | None) -> str:
        """A user's display name, or "Unassigned"."""
        if not user_id:
            return UNASSIGNED
        found = self.users.get(user_id)
        return found[0] if found is not None else user_id


def load_names(session: Session) -> Names:
    """Read the reference names once per report."""
    return Names(
        departments={r.id: r.name for r in session.execute(select(departments.c.id, departments.c.name))},
        categories={
            r.id: (r.name, r.target_business_days)
            for r in session.execute(
                select(categories.c.id, categories.c.name, categories.c.target_business_days)
            )
        },
        users={
            r.id: (r.display_name, r.role, r.department_id, r.office_id, bool(r.active))
            for r in session.execute(
                select(
                    users.c.id,
                    users.c.display_name,
                    users.c.role,
                    users.c.department_id,
                    users.c.office_id,
                    users.c.active,
                )
            )
        },
    )


@lru_cache(maxsize=512)
def enum_label(enum: Any, value: Any) -> str:
    """The plain-English label of an enum value, or the value itself when unknown (remembered: a
    report asks for the same few labels thousands of times)."""
    try:
        return str(enum(value).label)
    except ValueError:
        return str(value or "—")
