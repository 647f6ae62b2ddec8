"""Read queries for ticket lists, queue counts and search (sorting and filtering happen in SQL)."""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, bindparam, column, false, func, select, table
from sqlalchemy.orm import Session, aliased

from citydesk.domain.calendar import BusinessCalendar
from citydesk.domain.numbers import SEQ_DIGITS, looks_like_sequence, normalize_number
from citydesk.domain.statuses import WAITING_STATUSES
from citydesk.domain.timeline import EntryKind
from citydesk.store.models import Department, Ticket, TimelineEntry, User


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
    HERE_TODAY = "here_today"  # requests logged on this PC today (the clerk's first screen)
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
    search: str | None = None  # typed search text: only the tickets it finds
    open_only: bool = False  # a search that lists open tickets only
    device_id: str | None = None  # this PC (for Queue.HERE_TODAY)


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
    if q is Queue.HERE_TODAY:
        start, end = calendar.day_bounds(calendar.local_date(now))
        logged_here = select(TimelineEntry.ticket_id).where(
            TimelineEntry.kind == EntryKind.CREATED.value, TimelineEntry.at >= start, TimelineEntry.at < end,
            TimelineEntry.device_id == query.device_id,
        )  # fmt: skip
        return and_(Ticket.created_at >= start, Ticket.created_at < end, Ticket.id.in_(logged_here))
    return None


def _by(descending: bool, *cols: Any) -> tuple[Any, ...]:
    """ORDER BY terms for `cols` then `row_no`, all in one direction (one index serves both ways)."""
    return tuple(c.desc() if descending else c.asc() for c in (*cols, Ticket.row_no))


Segment = tuple[ColumnElement[bool] | None, tuple[Any, ...]]


def _segments(session: Session, query: TicketQuery) -> list[Segment]:
    """The list's order as consecutive parts, each a condition and an ORDER BY that an existing index
    serves without a temporary B-tree; descending is the exact reverse of ascending.

    Blank values (no due date, anonymous requester, unassigned) come last in ascending order.
    Department and assignee sort by *name* without a join: one part per department or user, in
    name order, each an index range (`ix_ticket_department_open`, `ix_ticket_assignee_open`) with
    open tickets first and the newest first within it.
    """
    d = query.descending
    key = query.sort
    parts: list[Segment]
    if key is SortKey.NUMBER:
        parts = [(None, _by(d, Ticket.number))]
    elif key is SortKey.PRIORITY:  # P1 first, oldest first within a priority
        parts = [(None, _by(d, Ticket.priority_rank, Ticket.created_at))]
    elif key is SortKey.STATUS:
        parts = [(None, _by(d, Ticket.status, Ticket.created_at))]
    elif key is SortKey.DUE:
        parts = [(Ticket.due_at.is_not(None), _by(d, Ticket.due_at)), (Ticket.due_at.is_(None), _by(d))]
    elif key is SortKey.REQUESTER:
        parts = [
            (Ticket.requester_name.is_not(None), _by(d, Ticket.requester_name)),
            (Ticket.requester_name.is_(None), _by(d)),
        ]
    elif key is SortKey.TITLE:
        parts = [(None, _by(d, Ticket.title))]
    elif key is SortKey.UPDATED:
        parts = [(None, _by(d, Ticket.updated_at))]
    elif key in (SortKey.DEPARTMENT, SortKey.ASSIGNEE):
        if key is SortKey.DEPARTMENT:
            by_name = select(Department.id).order_by(Department.name, Department.id)
            owner, names = Ticket.department_id, by_name
        else:
            owner, names = Ticket.assignee_id, select(User.id).order_by(User.display_name, User.id)
        within = _by(not d, Ticket.is_open, Ticket.created_at)  # open first, newest first
        parts = [(owner == value, within) for value in session.scalars(names)]
        parts.append((owner.is_(None), within))
    else:  # AGE: descending = newest first
        parts = [(None, _by(d, Ticket.created_at))]
    return parts[::-1] if d else parts


_FTS = table("ticket_fts", column("rowid", Integer), column("ticket_fts"))


@dataclass(frozen=True, slots=True)
class SearchSpec:
    """What a typed search looks for: an exact ticket number or an FTS5 query; the words to highlight."""

    number: str | None
    fts: str | None
    terms: tuple[str, ...]


def resolve_search(session: Session, typed: str) -> SearchSpec:
    """Interpret typed search text: a complete existing number, bare digits of one, or words."""
    typed = typed.strip()
    number = normalize_number(typed)
    if number is not None:
        exists = session.scalar(select(Ticket.row_no).where(Ticket.number == number).limit(1))
        if exists is not None:
            return SearchSpec(number=number, fts=None, terms=(number,))
    if looks_like_sequence(typed):
        digits = typed.zfill(SEQ_DIGITS)
        return SearchSpec(number=None, fts=f'number : "{digits}"', terms=(digits,))
    return SearchSpec(number=None, fts=fts_query(typed), terms=tuple(_TOKEN.findall(typed)))


def _search_condition(spec: SearchSpec) -> ColumnElement[bool]:
    if spec.number is not None:
        return Ticket.number == spec.number
    if spec.fts is None:
        return false()
    return Ticket.row_no.in_(select(_FTS.c.rowid).where(_FTS.c.ticket_fts.match(spec.fts)))


@dataclass(frozen=True, slots=True)
class TicketPage:
    """The first rows of a list: how many tickets it holds, the first row numbers, the search words."""

    total: int
    row_nos: array[int]
    terms: tuple[str, ...] = ()


class _Plan:
    """One list query resolved inside a session: its conditions and, for a search, what it matches."""

    def __init__(self, session: Session, query: TicketQuery, condition: ColumnElement[bool] | None) -> None:
        self.session, self.query = session, query
        self.conditions = [] if condition is None else [condition]
        self.spec = resolve_search(session, query.search) if query.search is not None else None
        if self.spec is not None:
            self.conditions.append(_search_condition(self.spec))
            if query.open_only:
                self.conditions.append(Ticket.is_open.is_(True))

    @classmethod
    def of(cls, session: Session, query: TicketQuery, now: datetime, calendar: BusinessCalendar) -> _Plan:
        """The plan for a queue (with its time conditions) and optional search."""
        return cls(session, query, _queue_filter(query, now=now, calendar=calendar))

    def _newest_first_from_index(self) -> Select[Any] | None:
        """A search in insertion order straight from the full-text index (its rowid), if that applies."""
        spec, query = self.spec, self.query
        searched_only = len(self.conditions) == (2 if query.open_only else 1)
        if spec is None or spec.fts is None or query.sort is not SortKey.AGE or not searched_only:
            return None
        rowid = _FTS.c.rowid
        stmt = select(rowid).where(_FTS.c.ticket_fts.match(spec.fts))
        if query.open_only:  # the open tickets' partial index, looked up per hit
            stmt = stmt.where(rowid.in_(select(Ticket.row_no).where(Ticket.is_open)))
        return stmt.order_by(rowid.desc() if query.descending else rowid.asc())

    def count(self) -> int:
        """How many tickets the list holds."""
        if (from_index := self._newest_first_from_index()) is not None:
            stmt = select(func.count()).select_from(from_index.order_by(None).subquery())
        else:
            stmt = select(func.count()).select_from(Ticket).where(*self.conditions)
        return int(self.session.connection().execute(stmt).scalar_one())

    def page(self, limit: int | None) -> TicketPage:
        """The list's size, its first `limit` row numbers (all if None) and the search words."""
        row_nos = self.ids(limit)
        total = len(row_nos) if limit is None or len(row_nos) < limit else self.count()
        return TicketPage(
            total=total, row_nos=row_nos, terms=self.spec.terms if self.spec is not None else ()
        )

    def ids(self, limit: int | None) -> array[int]:
        """The ordered row numbers, at most `limit` of them."""
        out: array[int] = array("q")
        if (from_index := self._newest_first_from_index()) is not None:
            _fetch_ints(self.session, from_index if limit is None else from_index.limit(limit), out)
            return out
        for condition, order in _segments(self.session, self.query):
            if limit is not None and len(out) >= limit:
                break
            stmt = select(Ticket.row_no).where(*self.conditions).order_by(*order)
            if condition is not None:
                stmt = stmt.where(condition)
            _fetch_ints(self.session, stmt if limit is None else stmt.limit(limit - len(out)), out)
        return out


def _fetch_ints(session: Session, stmt: Select[Any], out: array[int]) -> None:
    """Append one integer column to `out`, read straight from the driver's cursor: building
    SQLAlchemy rows would double the cost of fetching 100k integers."""
    result = session.connection().execute(stmt)
    try:
        out.extend(value for (value,) in result.cursor.fetchall())
    finally:
        result.close()


def ticket_ids(
    session: Session,
    query: TicketQuery,
    *,
    now: datetime,
    calendar: BusinessCalendar,
    limit: int | None = None,
) -> array[int]:
    """The ordered row numbers of the tickets in a queue or search result (at most `limit`)."""
    return _Plan.of(session, query, now, calendar).ids(limit)


def ticket_page(
    session: Session, query: TicketQuery, *, now: datetime, calendar: BusinessCalendar, limit: int | None
) -> TicketPage:
    """The size of a list and its first `limit` row numbers (all if None): what the table shows first."""
    return _Plan.of(session, query, now, calendar).page(limit)


def queue_counts(
    session: Session,
    *,
    user_id: str | None,
    now: datetime,
    calendar: BusinessCalendar,
    department_ids: Sequence[str] = (),
    device_id: str | None = None,
) -> dict[str, int]:
    """Live counts for the sidebar: queue value (or "department:<id>") → count."""
    counts: dict[str, int] = {}
    for queue in Queue:
        if queue is Queue.DEPARTMENT:
            continue
        query = TicketQuery(queue=queue, user_id=user_id, device_id=device_id)
        condition = _queue_filter(query, now=now, calendar=calendar)
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


# Built once and run through Core: building the select and the ORM execution path cost ~5x the query.
_DEPT, _USER = aliased(Department), aliased(User)
_ROWS = (
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
        _DEPT.name,
        _USER.display_name,
        Ticket.escalation_level,
        Ticket.location_text,
    )
    .outerjoin(_DEPT, _DEPT.id == Ticket.department_id)
    .outerjoin(_USER, _USER.id == Ticket.assignee_id)
    .where(Ticket.row_no.in_(bindparam("row_nos", expanding=True)))
)


def rows_by_ids(session: Session, row_nos: Sequence[int]) -> dict[int, TicketRow]:
    """Table rows for a page of row numbers."""
    if not row_nos:
        return {}
    result = session.connection().execute(_ROWS, {"row_nos": list(row_nos)})
    return {r[0]: TicketRow(*tuple(r)) for r in result}


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
    page = _Plan(session, TicketQuery(search=typed), None).page(limit)
    return SearchResult(total=page.total, row_nos=page.row_nos.tolist(), terms=page.terms)
