"""The backlog: which requests were open at each instant the report needs, exactly (reopened tickets
are replayed from their timelines)."""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, case, or_, select, true, type_coerce, union_all
from sqlalchemy.orm import Session

from citydesk.domain.statuses import CLOSED_STATUSES, Status
from citydesk.reports.metrics.queries import OPS, Span, scope_clause, stamp_text, tickets, timeline
from citydesk.reports.model import Scope
from citydesk.store.types import to_db_text

CLOSED_VALUES = {s.value for s in CLOSED_STATUSES}


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


def open_sets(
    session: Session, scope: Scope, span: Span
) -> tuple[dict[datetime, tuple[int, int, int]], list[OpenRow]]:
    """Open counts at each backlog instant ({instant: (requests, past-due requests, Ops)}) and the
    tickets (all priorities) open at the end of the week.

    A ticket never reopened was open from creation until `resolved_at`: SQL counts those at each
    instant over two indexed ranges (open now; resolved since the first instant). A reopened one
    is replayed from its timeline's status entries.
    """
    instants = span.instants()
    keys = [to_db_text(t) for t in instants]
    end = span.as_of
    where_scope = scope_clause(scope)

    def open_or_resolved_since(since: datetime, *cols: Any, extra: Any = None) -> Any:
        """Tickets created before the end, open now or resolved since `since` (two indexed ranges)."""
        extra = true() if extra is None else extra
        return union_all(
            select(*cols).where(tickets.c.is_open == true(), tickets.c.created_at < end, where_scope, extra),
            select(*cols).where(
                tickets.c.resolved_at >= since, tickets.c.is_open.is_(False), tickets.c.created_at < end, where_scope, extra
            ),
        )

    # Never-reopened tickets: open at T iff created < T <= until (resolved; "~" sorts after every
    # stamp: open now). until >= created, so the count is #(created < T) - #(until < T), two lookups
    # in sorted lists. Past due at T adds due < T: #(max(created, due) < T) - #(max(until, due) < T).
    # Columns are read as plain text and integers (no per-value conversions).
    rows = session.execute(
        open_or_resolved_since(
            min(instants),
            stamp_text(tickets.c.created_at),
            stamp_text(tickets.c.resolved_at),
            stamp_text(tickets.c.due_at),
            type_coerce(tickets.c.is_open, Integer),
            type_coerce(tickets.c.priority == OPS, Integer),
            case((tickets.c.reopen_count > 0, tickets.c.id), else_=None),
            tickets.c.id,
            tickets.c.priority,
            tickets.c.department_id,
            tickets.c.assignee_id,
        )
    ).all()
    plain = [(r[0], "~" if r[3] else (r[1] or r[0]), r[2], r[4]) for r in rows if r[5] is None]
    counts: dict[datetime, list[int]] = {t: [0, 0, 0] for t in instants}
    for ops in (0, 1):
        group = [p for p in plain if p[3] == ops]
        starts = sorted(p[0] for p in group)
        ends = sorted(p[1] for p in group)
        due_starts = sorted(max(p[0], p[2]) for p in group if p[2] is not None)
        due_ends = sorted(max(p[1], p[2]) for p in group if p[2] is not None)
        for instant, key in zip(instants, keys, strict=True):
            open_count = bisect_left(starts, key) - bisect_left(ends, key)
            if ops:
                counts[instant][2] += open_count
            else:
                counts[instant][0] += open_count
                counts[instant][1] += bisect_left(due_starts, key) - bisect_left(due_ends, key)

    cols = (
        tickets.c.id,
        tickets.c.priority,
        tickets.c.department_id,
        tickets.c.assignee_id,
        stamp_text(tickets.c.created_at),
        stamp_text(tickets.c.due_at),
    )
    # Never-reopened tickets open at the end: open now, or resolved at or after it (same rows as above).
    end_key = to_db_text(end)
    at_end = [
        OpenRow(r[6], r[7], r[8], r[9], r[0], r[2])
        for r in rows
        if r[5] is None and (r[3] or (r[1] is not None and r[1] >= end_key))
    ]

    # Reopened tickets that may have been open at one of the instants: replay their status entries.
    reopened_ids = [r[5] for r in rows if r[5] is not None]
    if reopened_ids:
        history: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for ticket_id, kind, at, value in session.execute(
            select(timeline.c.ticket_id, timeline.c.kind, stamp_text(timeline.c.at), stamp_text(timeline.c.value))
            .where(timeline.c.ticket_id.in_(reopened_ids), or_(timeline.c.field == "status", timeline.c.kind == "created"))
            .order_by(timeline.c.ticket_id, timeline.c.hlc, timeline.c.device_id, timeline.c.id)
        ):
            if (status := status_value(kind, value)) is not None:
                history[ticket_id].append((at, status))
        for c in session.execute(select(*cols).where(tickets.c.id.in_(reopened_ids))):
            row = OpenRow(*c)
            for i, (instant, key) in enumerate(zip(instants, keys, strict=True)):
                if row.created >= key or status_at(history[row.id], key) in CLOSED_VALUES:
                    continue
                if row.priority == OPS:
                    counts[instant][2] += 1
                else:
                    counts[instant][0] += 1
                    counts[instant][1] += row.due is not None and row.due < key
                if i == len(instants) - 1:
                    at_end.append(row)
    return {t: (c[0], c[1], c[2]) for t, c in counts.items()}, at_end
