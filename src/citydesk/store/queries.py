"""Read queries for ticket lists, queue counts and search (sorting and filtering happen in SQL)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select, text
from sqlalchemy.orm import Session, aliased

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.numbers import SEQ_DIGITS, looks_like_sequence, normalize_number
from citydesk.domain.statuses import WAITING_STATUSES
from citydesk.store.models import Department, Ticket, User


class Queue(StrEnum):
    """The sidebar's queues."""

    MINE = "mine"
    UNASSIGNED = "unassigned"
    P1_OPEN = "p1_open"
    OVERDUE = "overdue"
    WAITING = "waiting"
    VISITS_TODAY = "visits_today"
    RESOLVED_WEEK = "resolved_week"
    ALL = "all"
    DEPARTMENT = "department"


class SortKey(StrEnum):
    """Columns the ticket table sorts by."""

    NUMBER = "number"
    PRIORITY = "priority"
    STATUS = "status"
    AGE = "age"
    DUE = "due"
    REQUESTER = "requester"
    DEPARTMENT = "department"
    ASSIGNEE = "assignee"
    TITLE = "title"
    UPDATED = "updated"


@dataclass(frozen=True, slots=True)
class TicketQuery:
    """Which tickets, in which order."""

    queue: Queue = Queue.ALL
    user_id: str | None = None
    department_id: str | None = None
    sort: SortKey = SortKey.AGE
    descending: bool = True


@dataclass(frozen=True, slots=True)
class TicketRow:
    """One ticket as the table shows it."""

    row_no: int
    id: str
    number: str
    title: str
    status: str
    priority: str
    created_at: datetime
    due_at: datetime | None
    is_open: bool
    requester_name: str | None
    reporter_count: int
    department_name: str | None
    assignee_name: str | None
    escalation_level: int
    location_text: str | None


def _queue_filter(
    query: TicketQuery, *, now: datetime, calendar: BusinessCalendar
) -> ColumnElement[bool] | None:
    q = query.queue
    if q is Queue.MINE:
        return and_(Ticket.assignee_id == query.user_id, Ticket.is_open)
    if q is Queue.UNASSIGNED:
        return and_(Ticket.is_open, Ticket.assignee_id.is_(None))
    if q is Queue.P1_OPEN:
        return and_(Ticket.is_open, Ticket.priority_rank == 1)
    if q is Queue.OVERDUE:
        return and_(Ticket.is_open, Ticket.due_at < now)
    if q is Queue.WAITING:
        return Ticket.status.in_([s.value for s in WAITING_STATUSES])
    if q is Queue.VISITS_TODAY:
        start, end = calendar.day_bounds(calendar.local_date(now))
        return and_(Ticket.visit_at >= start, Ticket.visit_at < end, Ticket.is_open)
    if q is Queue.RESOLVED_WEEK:
        year, week = calendar.iso_week_of(now)
        start, end = calendar.week_bounds(year, week)
        return and_(Ticket.resolved_at >= start, Ticket.resolved_at < end)
    if q is Queue.DEPARTMENT:
        return and_(Ticket.department_id == query.department_id, Ticket.is_open)
    return None


def _order(stmt: Select[Any], query: TicketQuery) -> Select[Any]:
    def direction(col: Any) -> Any:
        return col.desc() if query.descending else col.asc()

    key = query.sort
    if key is SortKey.NUMBER:
        return stmt.order_by(direction(Ticket.number), direction(Ticket.row_no))
    if key is SortKey.PRIORITY:
        return stmt.order_by(direction(Ticket.priority_rank), Ticket.created_at.desc())
    if key is SortKey.STATUS:
        return stmt.order_by(direction(Ticket.status), Ticket.created_at.desc())
    if key is SortKey.DUE:
        return stmt.order_by(Ticket.due_at.is_(None), direction(Ticket.due_at))
    if key is SortKey.REQUESTER:
        return stmt.order_by(Ticket.requester_name.is_(None), direction(Ticket.requester_name))
    if key is SortKey.TITLE:
        return stmt.order_by(direction(Ticket.title))
    if key is SortKey.UPDATED:
        return stmt.order_by(direction(Ticket.updated_at))
    if key is SortKey.DEPARTMENT:
        dept = aliased(Department)
        stmt = stmt.outerjoin(dept, dept.id == Ticket.department_id)
        return stmt.order_by(dept.name.is_(None), direction(dept.name), Ticket.created_at.desc())
    if key is SortKey.ASSIGNEE:
        user = aliased(User)
        stmt = stmt.outerjoin(user, user.id == Ticket.assignee_id)
        return stmt.order_by(
            user.display_name.is_(None), direction(user.display_name), Ticket.created_at.desc()
        )
    # AGE: descending = newest first
    return stmt.order_by(direction(Ticket.created_at), direction(Ticket.row_no))


def ticket_ids(
    session: Session,
    query: TicketQuery,
    *,
    now: datetime,
    calendar: BusinessCalendar,
    only: Sequence[int] | None = None,
) -> list[int]:
    """The ordered row numbers of the tickets in a queue (optionally within a search result)."""
    stmt = select(Ticket.row_no)
    condition = _queue_filter(query, now=now, calendar=calendar)
    if condition is not None:
        stmt = stmt.where(condition)
    if only is not None:
        stmt = stmt.where(Ticket.row_no.in_(list(only)))
    # Core execution: the ORM's row machinery triples the cost of fetching 100k integers.
    return [row[0] for row in session.connection().execute(_order(stmt, query))]


def queue_counts(
    session: Session,
    *,
    user_id: str | None,
    now: datetime,
    calendar: BusinessCalendar,
    department_ids: Sequence[str] = (),
) -> dict[str, int]:
    """Live counts for the sidebar: queue value (or "department:<id>") → count."""
    counts: dict[str, int] = {}
    for queue in Queue:
        if queue is Queue.DEPARTMENT:
            continue
        condition = _queue_filter(TicketQuery(queue=queue, user_id=user_id), now=now, calendar=calendar)
        stmt = select(func.count()).select_from(Ticket)
        if condition is not None:
            stmt = stmt.where(condition)
        counts[queue.value] = int(session.scalar(stmt) or 0)
    if department_ids:
        rows = session.execute(
            select(Ticket.department_id, func.count())
            .where(Ticket.is_open)
            .where(Ticket.department_id.in_(list(department_ids)))
            .group_by(Ticket.department_id)
        )
        found = {dep: n for dep, n in rows}
        for dep in department_ids:
            counts[f"department:{dep}"] = int(found.get(dep, 0))
    return counts


def rows_by_ids(session: Session, row_nos: Sequence[int]) -> dict[int, TicketRow]:
    """Table rows for a page of row numbers."""
    if not row_nos:
        return {}
    dept, user = aliased(Department), aliased(User)
    stmt = (
        select(
            Ticket.row_no,
            Ticket.id,
            Ticket.number,
            Ticket.title,
            Ticket.status,
            Ticket.priority,
            Ticket.created_at,
            Ticket.due_at,
            Ticket.is_open,
            Ticket.requester_name,
            Ticket.reporter_count,
            dept.name,
            user.display_name,
            Ticket.escalation_level,
            Ticket.location_text,
        )
        .outerjoin(dept, dept.id == Ticket.department_id)
        .outerjoin(user, user.id == Ticket.assignee_id)
        .where(Ticket.row_no.in_(list(row_nos)))
    )
    return {r[0]: TicketRow(*list(r)) for r in session.execute(stmt)}


def recent_open_high_priority(session: Session, limit: int = 50) -> list[tuple[str, str, str, str | None]]:
    """The newest open P1/P2 tickets with their department name (uses the partial is_open index)."""
    stmt = (
        select(Ticket.number, Ticket.title, Ticket.priority, Department.name)
        .outerjoin(Department, Department.id == Ticket.department_id)
        .where(Ticket.is_open, Ticket.priority_rank <= 2)
        .order_by(Ticket.created_at.desc())
        .limit(limit)
    )
    return [tuple(r) for r in session.execute(stmt)]  # type: ignore[misc]


# ---- search ------------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(typed: str) -> str | None:
    """An FTS5 query for what the user typed: every word must match, the last one as a prefix."""
    tokens = _TOKEN.findall(typed)
    if not tokens:
        return None
    parts = [f'"{t}"' for t in tokens[:-1]]
    parts.append(f'"{tokens[-1]}"*')
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Matches, newest first: their total and the first `limit` row numbers."""

    total: int
    row_nos: list[int]
    terms: tuple[str, ...]


def search(session: Session, typed: str, *, limit: int | None = 50) -> SearchResult:
    """Full-text search over tickets plus an exact match on the number column, newest first."""
    typed = typed.strip()
    terms = tuple(_TOKEN.findall(typed))
    number = normalize_number(typed)
    if number is not None:
        rows = list(
            session.scalars(select(Ticket.row_no).where(Ticket.number == number).order_by(Ticket.row_no))
        )
        if rows:
            return SearchResult(total=len(rows), row_nos=rows, terms=(number,))
    if looks_like_sequence(typed):
        terms = (typed.zfill(SEQ_DIGITS),)
        query = f'number : "{typed.zfill(SEQ_DIGITS)}"'
    else:
        query = fts_query(typed) or ""
    if not query:
        return SearchResult(total=0, row_nos=[], terms=())
    total = int(
        session.execute(
            text("SELECT count(*) FROM ticket_fts WHERE ticket_fts MATCH :q"), {"q": query}
        ).scalar_one()
    )
    sql = "SELECT rowid FROM ticket_fts WHERE ticket_fts MATCH :q ORDER BY rowid DESC"
    params: dict[str, Any] = {"q": query}
    if limit is not None:
        sql += " LIMIT :n"
        params["n"] = limit
    rows = [r[0] for r in session.execute(text(sql), params)]
    return SearchResult(total=total, row_nos=rows, terms=terms)
