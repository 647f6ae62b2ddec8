"""The backlog: which requests were open at each instant the report needs, exactly (reopened tickets
are replayed from their timelines), and the requests open at the end of the week.

A ticket never reopened was open from creation until `resolved_at` (open now: still open), so one
read of two indexed ranges (open now; resolved since the first instant), with the stamps as stored
text, gives every count: open, past-due and Ops tickets at each instant by lookups in sorted lists,
the requests open at the end by department, assignee and age, and the few the aging table lists.
Only reopened tickets (a few per week) are read from their timelines and replayed. (Counting the
instants with SQL CASE sums over the same rows measured slower than the sorted lists.)
"""

from __future__ import annotations

import heapq
import json
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, case, func, or_, select, true, type_coerce, union_all
from sqlalchemy.orm import Session

from citydesk.domain import metrics as dm
from citydesk.domain.statuses import CLOSED_STATUSES, Status
from citydesk.reports.metrics.queries import (
    OPS,
    Span,
    Week,
    driver_rows,
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


@dataclass(frozen=True, slots=True)
class Step:
    """One status-setting entry of a reopened ticket, in fold order (stamps as stored text)."""

    at: str
    status: str
    kind: str


UNDATED = "undated"
"""The `kind` of the step that stands for a resolution imported without a date."""


def status_steps(rows: Sequence[tuple[str, str, str | None, Any]]) -> list[Step]:
    """A ticket's status steps from its (kind, at, value, date_unknown) entries in fold order.

    A resolution imported without a date counts from the ticket's creation (it is in no count of
    open work before it; `Step.at` "" sorts before every stamp): the steps before it are dropped.
    """
    steps: list[Step] = []
    for kind, at, value, date_unknown in rows:
        if kind == "resolution" and date_unknown in (1, True, "true"):
            steps = [Step("", Status.RESOLVED.value, UNDATED)]
        elif (status := status_value(kind, value)) is not None:
            steps.append(Step(at, status, kind))
    return steps


def status_at(history: Sequence[Step], key: str) -> str:
    """The status at `key` from a ticket's steps in fold order."""
    status = Status.NEW.value
    for step in history:
        if step.at < key:
            status = step.status
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


def aging_key(created: str, due: str | None, end_key: str) -> tuple[bool, str]:
    """Most past due first (by due), then the oldest (by creation); equal keys keep their order."""
    late = due is not None and due < end_key
    return (not late, due if late else created)  # type: ignore[return-value]


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
    replayed: list[tuple[OpenRow, str | None]] = field(default_factory=list)
    """The reopened tickets replayed from their timelines, with their `resolved_at` (stored text)."""
    history: dict[str, list[Step]] = field(default_factory=dict)
    """Their status steps (see `status_steps`)."""

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


def count_backlog(session: Session, scope: Scope, span: Span) -> Backlog:
    """Open counts at each of the span's instants and the tickets open at its end (see the module)."""
    tk = tickets.c
    instants = span.instants()
    keys = [to_db_text(t) for t in instants]
    end = span.as_of
    end_key = to_db_text(end)
    where_scope = scope_clause(scope)
    cols = (
        stamp_text(tk.created_at),
        # until: "~" (sorts after every stamp) while open, else the resolution (or creation) stamp
        case((tk.is_open == true(), "~"), else_=stamp_text(func.coalesce(tk.resolved_at, tk.created_at))),
        stamp_text(tk.due_at),
        type_coerce(tk.priority == OPS, Integer),
        case((tk.reopen_count > 0, tk.id), else_=None),
        tk.id,
        tk.priority,
        tk.department_id,
        tk.assignee_id,
    )
    # Created before the end, and open now or resolved since the first instant: two indexed ranges.
    rows = driver_rows(
        session,
        union_all(
            select(*cols).where(tk.is_open == true(), tk.created_at < end, where_scope),
            select(*cols).where(
                tk.resolved_at >= min(instants), tk.is_open.is_(False), tk.created_at < end, where_scope
            ),
        ),
    )

    # Never reopened: open at T iff created < T <= until. until >= created, so the count is
    # #(created < T) - #(until < T), two lookups in sorted lists; past due at T adds due < T:
    # #(max(created, due) < T) - #(max(until, due) < T).
    counts: dict[datetime, list[int]] = {t: [0, 0, 0] for t in instants}
    plain = [r for r in rows if r[4] is None]
    for ops in (0, 1):
        group = [r for r in plain if r[3] == ops]
        starts = sorted(r[0] for r in group)
        ends = sorted(r[1] for r in group)
        due_starts = sorted(max(r[0], r[2]) for r in group if r[2] is not None)
        due_ends = sorted(max(r[1], r[2]) for r in group if r[2] is not None)
        for instant, key in zip(instants, keys, strict=True):
            open_count = bisect_left(starts, key) - bisect_left(ends, key)
            if ops:
                counts[instant][2] += open_count
            else:
                counts[instant][0] += open_count
                counts[instant][1] += bisect_left(due_starts, key) - bisect_left(due_ends, key)

    # Never reopened and open at the end (open now, or resolved at or after the end): grouped here,
    # the aging table's candidates kept.
    out = Backlog({})
    at_end = [r for r in plain if r[1] >= end_key]
    out.assigned.update(r[8] for r in at_end if r[8])
    requests = [r for r in at_end if not r[3]]
    out.departments.update(r[7] for r in requests)
    created = sorted(r[0] for r in requests)
    edges = age_edges(end)
    # a request is in the oldest bucket whose edge it was created at or before
    at_or_before = [bisect_right(created, edge) for edge, _label in edges]
    for i, (_edge, label) in enumerate(edges):
        younger = at_or_before[i + 1] if i + 1 < len(edges) else 0
        if i == 0:
            out.ages[label] = len(created) - younger
        else:
            out.ages[label] = at_or_before[i] - younger
    out.oldest = created[0] if created else None
    # Many requests share a due instant (business-day deadlines): equal keys keep the rows' order.
    first = heapq.nsmallest(
        AGING_ROWS, enumerate(requests), key=lambda p: (*aging_key(p[1][0], p[1][2], end_key), p[0])
    )
    out.aging = [OpenRow(r[5], r[6], r[7], r[8], r[0], r[2]) for _i, r in first]
    reopened_ids = [r[4] for r in rows if r[4] is not None]

    # Reopened tickets that may have been open at one of the instants: replay their status entries.
    if reopened_ids:
        te = timeline.c
        entries: dict[str, list[tuple[str, str, str | None, Any]]] = defaultdict(list)
        for ticket_id, kind, at, value, date_unknown in driver_rows(
            session,
            select(
                te.ticket_id,
                te.kind,
                stamp_text(te.at),
                stamp_text(te.value),
                case((te.kind == "resolution", func.json_extract(te.detail, "$.date_unknown")), else_=None),
            )
            .where(te.ticket_id.in_(reopened_ids), or_(te.field == "status", te.kind == "created"))
            .order_by(te.ticket_id, te.hlc, te.device_id, te.id),
        ):
            entries[ticket_id].append((kind, at, value, date_unknown))
        history = {ticket_id: status_steps(rows) for ticket_id, rows in entries.items()}
        out.history = history
        cols = (
            tk.id,
            tk.priority,
            tk.department_id,
            tk.assignee_id,
            stamp_text(tk.created_at),
            stamp_text(tk.due_at),
            stamp_text(tk.resolved_at),
        )
        for r in driver_rows(session, select(*cols).where(tk.id.in_(reopened_ids))):
            row = OpenRow(*r[:6])
            out.replayed.append((row, r[6]))
            history.setdefault(row.id, [])
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
        out.aging = sorted(out.aging, key=lambda r: aging_key(r.created, r.due, end_key))[:AGING_ROWS]
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
