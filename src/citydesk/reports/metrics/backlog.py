"""The backlog: which requests were open at each instant the report needs, exactly (reopened tickets
are replayed from their timelines), and the requests open at the end of the week.

SQL does the counting: a ticket never reopened was open from creation until `resolved_at` (open
now: still open), so one grouped query over two indexed ranges (open now; resolved since the first
instant) counts the open, past-due and Ops tickets at every instant and groups those open at the
end by department, assignee and age; a second returns the few open at the end that the aging
table lists. Only reopened tickets (a few per week) are read one by one and replayed.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal_column, or_, select, true, union_all
from sqlalchemy.orm import Session

from citydesk.domain import metrics as dm
from citydesk.domain.statuses import CLOSED_STATUSES, Status
from citydesk.reports.metrics.queries import (
    OPS,
    Span,
    Week,
    from_db_text,
    scope_clause,
    stamp_text,
    tickets,
    timeline,
)
from citydesk.reports.model import Figure, OpenTicketRow, Scope
from citydesk.store.types import to_db_text

CLOSED_VALUES = {s.value for s in CLOSED_STATUSES}
AGING_ROWS = 15


def status_value(kind: str, value: str | None) -> str | None:
    """The status a status entry (or a `created` entry's fields) sets, from its JSON text."""
    if not value:
        return None
    decoded = json.loads(value)
    if kind == "created":
        return str(decoded["status"]) if isinstance(decoded, dict) and decoded.get("status") else None
    return str(decoded) if decoded else None


def status_at(history: Sequence[tuple[str, str]], key: str) -> str:
    """The status at `key` from a ticket's (at text, status) entries in fold order."""
    status = Status.NEW.value
    for at, value in history:
        if at < key:
            status = value
    return status


@dataclass
class OpenRow:
    """A ticket open at the end of the week (plain values)."""

    id: str
    priority: str
    department_id: str | None
    assignee_id: str | None
    created: str  # stamps as stored text (compare as instants; converted only when shown)
    due: str | None


def aging_key(row: OpenRow, end_key: str) -> tuple[bool, str, str]:
    """Most past due first (by due), then the oldest (by creation); the id breaks ties."""
    late = row.due is not None and row.due < end_key
    return (not late, row.due if late else row.created, row.id)  # type: ignore[return-value]


@dataclass
class Backlog:
    """Open tickets at the report's instants, and the requests open at the end of the week."""

    counts: dict[datetime, tuple[int, int, int]]
    """{instant: (open requests, open and past-due requests, open Ops work)}."""
    departments: Counter[str | None] = field(default_factory=Counter)
    """Requests open at the end, per current department."""
    assigned: Counter[str] = field(default_factory=Counter)
    """Tickets (requests and Ops work) open at the end, per assignee."""
    ages: Counter[str] = field(default_factory=Counter)
    """Requests open at the end, per age bucket label (`domain.metrics.AGE_BUCKETS`)."""
    oldest: str | None = None
    """The creation stamp (stored text) of the oldest request open at the end."""
    aging: list[OpenRow] = field(default_factory=list)
    """Up to AGING_ROWS requests open at the end: most past due, then the oldest."""

    def add_open_at_end(self, row: OpenRow, bucket: str) -> None:
        """Count one ticket open at the end (a replayed reopened one)."""
        if row.assignee_id:
            self.assigned[row.assignee_id] += 1
        if row.priority == OPS:
            return
        self.departments[row.department_id] += 1
        self.ages[bucket] += 1
        self.oldest = row.created if self.oldest is None else min(self.oldest, row.created)
        self.aging.append(row)


def age_edges(end: datetime) -> list[tuple[str, str]]:
    """(edge stamp text, bucket label), youngest first: a request created at or before an edge is
    at least that bucket's low end old at `end`."""
    return [(to_db_text(end - timedelta(days=low)), label) for label, low, _high in dm.AGE_BUCKETS]


def bucket_of(created: str, edges: Sequence[tuple[str, str]]) -> str:
    """The age bucket label of a request created at `created` (stored text)."""
    return next((label for edge, label in reversed(edges) if created <= edge), edges[0][1])


def backlog(session: Session, scope: Scope, span: Span) -> Backlog:
    """Open counts at each of the span's instants and the tickets open at its end (see the module)."""
    tk = tickets.c
    instants = span.instants()
    end = span.as_of
    end_key = to_db_text(end)
    where_scope = scope_clause(scope)

    def open_or_resolved_since(since: datetime, *cols: Any) -> Any:
        """Tickets created before the end, open now or resolved since `since` (two indexed ranges)."""
        return union_all(
            select(*cols).where(tk.is_open == true(), tk.created_at < end, where_scope),
            select(*cols).where(
                tk.resolved_at >= since, tk.is_open.is_(False), tk.created_at < end, where_scope
            ),
        ).subquery()

    # Never reopened: open at T iff created < T and (open now, or resolved at or after T); a
    # ticket closed without a resolution stamp stopped being open when it was created.
    rows = open_or_resolved_since(
        min(instants),
        tk.id,
        tk.priority,
        tk.department_id,
        tk.assignee_id,
        tk.created_at,
        tk.due_at,
        tk.is_open,
        func.coalesce(tk.resolved_at, tk.created_at).label("until"),
        tk.reopen_count,
    )
    c = rows.c

    def open_at(instant: datetime) -> Any:
        return and_(c.created_at < instant, or_(c.is_open == true(), c.until >= instant))

    is_ops = c.priority == OPS
    sums = []
    for instant in instants:
        sums += [
            func.sum(case((and_(open_at(instant), ~is_ops), 1), else_=0)),
            func.sum(case((and_(open_at(instant), ~is_ops, c.due_at < instant), 1), else_=0)),
            func.sum(case((and_(open_at(instant), is_ops), 1), else_=0)),
        ]
    edges = age_edges(end)
    at_end = open_at(end)
    bucket = case(
        *((stamp_text(c.created_at) <= edge, label) for edge, label in reversed(edges[1:])), else_=edges[0][1]
    )
    reopened = case((c.reopen_count > 0, c.id), else_=None).label("reopened")
    groups = session.execute(
        select(
            reopened,
            at_end.label("at_end"),
            is_ops.label("ops"),
            c.department_id,
            c.assignee_id,
            case((at_end, bucket), else_=None).label("bucket"),
            func.count(),
            func.min(stamp_text(c.created_at)),
            *sums,
        ).group_by(
            literal_column("reopened"),
            literal_column("at_end"),
            literal_column("ops"),
            c.department_id,
            c.assignee_id,
            literal_column("bucket"),
        )
    ).all()
    counts: dict[datetime, list[int]] = {t: [0, 0, 0] for t in instants}
    out = Backlog({})
    reopened_ids = []
    for g in groups:
        if g.reopened is not None:
            reopened_ids.append(g.reopened)
            continue
        for i, instant in enumerate(instants):
            for k in range(3):
                counts[instant][k] += int(g[8 + 3 * i + k] or 0)
        if not g.at_end:
            continue
        n, oldest = int(g[6]), g[7]
        if g.assignee_id:
            out.assigned[g.assignee_id] += n
        if g.ops:
            continue
        out.departments[g.department_id] += n
        out.ages[g.bucket] += n
        out.oldest = oldest if out.oldest is None else min(out.oldest, oldest)

    # The never-reopened requests the aging table may list.
    late = and_(c.due_at.is_not(None), c.due_at < end)
    out.aging = [
        OpenRow(*r)
        for r in session.execute(
            select(
                c.id,
                c.priority,
                c.department_id,
                c.assignee_id,
                stamp_text(c.created_at),
                stamp_text(c.due_at),
            )
            .where(c.reopen_count == 0, at_end, ~is_ops)
            .order_by(case((late, 0), else_=1), case((late, c.due_at), else_=c.created_at), c.id)
            .limit(AGING_ROWS)
        )
    ]

    # Reopened tickets that may have been open at one of the instants: replay their status entries.
    if reopened_ids:
        keys = [to_db_text(t) for t in instants]
        te = timeline.c
        history: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for ticket_id, kind, at, value in session.execute(
            select(te.ticket_id, te.kind, stamp_text(te.at), stamp_text(te.value))
            .where(te.ticket_id.in_(reopened_ids), or_(te.field == "status", te.kind == "created"))
            .order_by(te.ticket_id, te.hlc, te.device_id, te.id)
        ):
            if (status := status_value(kind, value)) is not None:
                history[ticket_id].append((at, status))
        cols = (
            tk.id,
            tk.priority,
            tk.department_id,
            tk.assignee_id,
            stamp_text(tk.created_at),
            stamp_text(tk.due_at),
        )
        for r in session.execute(select(*cols).where(tk.id.in_(reopened_ids))):
            row = OpenRow(*r)
            for i, (instant, key) in enumerate(zip(instants, keys, strict=True)):
                if row.created >= key or status_at(history[row.id], key) in CLOSED_VALUES:
                    continue
                if row.priority == OPS:
                    counts[instant][2] += 1
                else:
                    counts[instant][0] += 1
                    counts[instant][1] += row.due is not None and row.due < key
                if i == len(instants) - 1:
                    out.add_open_at_end(row, bucket_of(row.created, edges))
        out.aging = sorted(out.aging, key=lambda r: aging_key(r, end_key))[:AGING_ROWS]
    out.counts = {t: (v[0], v[1], v[2]) for t, v in counts.items()}
    return out


def whole_days(delta: timedelta) -> int:
    """Whole 24-hour periods in a duration."""
    return delta // timedelta(days=1)


def backlog_fields(session: Session, week: Week, found: Backlog) -> dict[str, Any]:
    """WeeklyMetrics fields of the backlog: open at the start and end, past due, Ops work open, the
    age buckets, the oldest open request and the aging table."""
    span, names, open_at = week.span, week.names, found.counts
    labels = {
        ticket_id: (number, title)
        for ticket_id, number, title in session.execute(
            select(tickets.c.id, tickets.c.number, tickets.c.title).where(
                tickets.c.id.in_([r.id for r in found.aging])
            )
        )
    }
    aging = []
    for row in found.aging:
        created_at, due_at = from_db_text(row.created), from_db_text(row.due)
        assert created_at is not None
        late = due_at is not None and due_at < span.as_of
        aging.append(
            OpenTicketRow(
                number=labels[row.id][0],
                title=labels[row.id][1],
                priority=row.priority,
                department=names.department(row.department_id),
                owner=names.user(row.assignee_id),
                created_at=created_at,
                due_at=due_at,
                age_days=whole_days(span.as_of - created_at),
                days_past_due=whole_days(span.as_of - due_at) if due_at is not None and late else None,
            )
        )
    oldest = from_db_text(found.oldest)
    return {
        "backlog_start": Figure(open_at[span.start][0], open_at[span.prev_start][0]),
        "backlog_end": Figure(open_at[span.as_of][0], open_at[span.start][0]),
        "past_due_end": Figure(open_at[span.as_of][1], open_at[span.start][1]),
        "ops_open_end": open_at[span.as_of][2],
        "age_buckets": {label: found.ages.get(label, 0) for label, _low, _high in dm.AGE_BUCKETS},
        "oldest_open_days": whole_days(span.as_of - oldest) if oldest else None,
        "aging": tuple(aging),
    }
