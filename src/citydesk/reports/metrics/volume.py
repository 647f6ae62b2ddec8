"""Requests opened and resolved in the week (and the week before): counts, rates, times, breakdowns
and the departments table.

Each reads one indexed range of tickets (`created_at`, `resolved_at`) over the two weeks, with only
the columns its figures need; the times to first response and to resolution come from SQL as hours.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal_column, select
from sqlalchemy.orm import Session

from citydesk.domain.channels import LANGUAGES, Channel
from citydesk.domain.priorities import Priority
from citydesk.reports.metrics.activity import first_reporter_language
from citydesk.reports.metrics.queries import NO_CATEGORY, OPS, Week, driver_rows, hours_between, tickets
from citydesk.reports.model import (
    DepartmentRow,
    DurationStats,
    Figure,
    OnTimeRow,
    Rate,
    RateFigure,
    ScopeKind,
)


def rate_of(flags: Iterable[Any]) -> Rate:
    """The rate of true flags among those that are not None."""
    known = [f for f in flags if f is not None]
    return Rate(sum(known), len(known))


def ordered(counter: Counter[str], order: Sequence[str]) -> dict[str, int]:
    """Counts in the given order, then any other keys alphabetically; zeros left out."""
    out = {k: counter[k] for k in order if counter.get(k)}
    out.update({k: v for k, v in sorted(counter.items()) if k not in out and v})
    return out


def natural(text: str) -> tuple[Any, ...]:
    """Sort key: "Ward 2" before "Ward 10"."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text))


def by_ward(counts: Counter[str]) -> dict[str, int]:
    """Requests per ward in natural order, those without a ward ("") last; {} when none has a ward."""
    if not any(counts[k] for k in counts if k):
        return {}
    wards = sorted((k for k in counts if k), key=natural)
    return {k: counts[k] for k in [*wards, *([""] if counts.get("") else [])]}


@dataclass
class Opened:
    """Requests opened this week and last week (Ops work counted apart)."""

    fields: dict[str, Any]
    """WeeklyMetrics fields: opened, first-contact rate, first response, breakdowns but the
    languages (`opened_languages`), ..."""
    by_department: Counter[str | None]
    """Requests opened this week per current department."""
    dateless: Counter[bool]
    """Requests opened this week resolved or closed with no resolution date, by whether they have a
    resolution (True: resolved on an unknown date by an import)."""


def opened_languages(session: Session, week: Week) -> dict[str, int]:
    """Requests opened this week by their first reporter's language ("unknown" when none), in the
    report's order (the `opened_by_language` field); counted in SQL, so it can run on another
    connection while `opened_requests` reads its rows."""
    tk, span = tickets.c, week.span
    language = first_reporter_language().label("language")
    languages = Counter[str]()
    for code, n in session.execute(
        select(language, func.count())
        .where(tk.created_at >= span.start, tk.created_at < span.as_of, tk.priority != OPS, week.in_scope)
        .group_by(literal_column("language"))
    ):
        languages[code or "unknown"] += n
    return ordered(languages, [*LANGUAGES, "unknown"])


def opened_requests(session: Session, week: Week) -> Opened:
    """Requests opened last week and this week: one row each (by language: `opened_languages`)."""
    tk, span = tickets.c, week.span
    cur = tk.created_at >= span.start
    rows = driver_rows(
        session,
        select(
            cur.label("cur"),
            tk.priority,
            tk.channel,
            tk.category_id,
            tk.department_id,
            tk.first_contact_resolution,
            hours_between(tk.first_response_at, tk.created_at),
            tk.ward,
            # resolved or closed with no resolution date (never open): an import's unknown date or not
            case((tk.is_open.is_(False) & tk.resolved_at.is_(None), tk.resolution_reason.is_not(None))),
        ).where(tk.created_at >= span.prev_start, tk.created_at < span.as_of, week.in_scope),
    )
    requests: dict[bool, list[Any]] = {True: [], False: []}
    ops = Counter[bool]()
    for r in rows:
        if r[1] == OPS:
            ops[bool(r[0])] += 1
        else:
            requests[bool(r[0])].append(r)
    this, last = requests[True], requests[False]
    first_response = {k: [r[6] for r in rs if r[6] is not None] for k, rs in requests.items()}
    fields = {
        "opened": Figure(len(this), len(last)),
        "first_contact": RateFigure(
            Rate(sum(bool(r[5]) for r in this), len(this)), Rate(sum(bool(r[5]) for r in last), len(last))
        ),
        "first_response": DurationStats.of(first_response[True]),
        "first_response_previous": DurationStats.of(first_response[False]),
        "awaiting_first_response": sum(1 for r in this if r[6] is None),
        "ops_opened": Figure(ops[True], ops[False]),
        "no_category": Figure(sum(1 for r in this if r[3] is None), sum(1 for r in last if r[3] is None)),
        "opened_by_priority": ordered(Counter(r[1] for r in this), [p.value for p in Priority]),
        "opened_by_channel": ordered(Counter(r[2] for r in this), [c.value for c in Channel]),
        "opened_by_ward": by_ward(Counter(r[7] or "" for r in this)),
    }
    return Opened(fields, Counter(r[4] for r in this), Counter(bool(r[8]) for r in this if r[8] is not None))


@dataclass
class Resolved:
    """Tickets resolved this week and last week."""

    fields: dict[str, Any]
    """WeeklyMetrics fields: resolved, on time (with by category and department), resolution times."""
    by_department: Counter[str | None]
    """Requests resolved this week per current department."""
    by_person: Counter[str]
    """Tickets (requests and Ops work) resolved this week per resolver."""


def resolved_requests(session: Session, week: Week) -> Resolved:
    """Tickets resolved last week and this week: one row each (the driver's tuples), on time and
    hours computed in SQL."""
    tk, span, names = tickets.c, week.span, week.names
    on_time = case((tk.due_at.is_(None), None), (tk.resolved_at <= tk.due_at, 1), else_=0)
    rows = driver_rows(
        session,
        select(
            (tk.resolved_at >= span.start).label("cur"),
            tk.priority,
            tk.category_id,
            tk.department_id,
            on_time,
            hours_between(tk.resolved_at, tk.created_at),
            tk.resolved_by,
        ).where(tk.resolved_at >= span.prev_start, tk.resolved_at < span.as_of, week.in_scope),
    )
    requests: dict[bool, list[Any]] = {True: [], False: []}
    ops = Counter[bool]()
    by_person = Counter[str]()
    for r in rows:
        if r[0] and r[6]:
            by_person[r[6]] += 1
        if r[1] == OPS:
            ops[bool(r[0])] += 1
        else:
            requests[bool(r[0])].append(r)
    this, last = requests[True], requests[False]
    hours = {k: [r[5] for r in rs if r[5] is not None] for k, rs in requests.items()}

    def category(key: str | None) -> tuple[str, int | None]:
        if not key:
            return NO_CATEGORY, None
        return names.categories.get(key, (NO_CATEGORY, None))[0], names.categories.get(key, (None, None))[1]

    fields = {
        "resolved": Figure(len(this), len(last)),
        "ops_resolved": Figure(ops[True], ops[False]),
        "on_time": RateFigure(rate_of(r[4] for r in this), rate_of(r[4] for r in last)),
        "resolution": DurationStats.of(hours[True]),
        "resolution_previous": DurationStats.of(hours[False]),
        "on_time_by_category": on_time_rows(this, 2, category),
        "on_time_by_department": on_time_rows(this, 3, lambda key: (names.department(key), None)),
    }
    return Resolved(fields, Counter(r[3] for r in this), by_person)


def on_time_rows(
    rows: Sequence[Any], index: int, name_of: Callable[[Any], tuple[str, int | None]]
) -> tuple[OnTimeRow, ...]:
    """On time per value of column `index` over resolved requests with a due date, most first."""
    groups: dict[str | None, list[int]] = defaultdict(list)
    for r in rows:
        if r[4] is not None:
            groups[r[index]].append(r[4])
    out = []
    for key, flags in groups.items():
        name, target = name_of(key)
        out.append(OnTimeRow(key, name, Rate(sum(flags), len(flags)), target))
    out.sort(key=lambda row: (-row.rate.total, row.name.casefold()))
    return tuple(out)


def department_rows(
    week: Week,
    opened: Counter[str | None],
    resolved: Counter[str | None],
    open_end: Counter[str | None],
    on_time: Sequence[OnTimeRow],
) -> tuple[DepartmentRow, ...]:
    """The departments table: opened, resolved, open at the end and on time, by name."""
    rate = {row.id: row.rate for row in on_time}
    ids = set(opened) | set(resolved) | set(open_end)
    if week.scope.kind == ScopeKind.DEPARTMENT:
        ids.add(week.scope.id)
    rows = (
        DepartmentRow(
            d, week.names.department(d), opened[d], resolved[d], open_end[d], rate.get(d, Rate(0, 0))
        )
        for d in ids
    )
    return tuple(sorted(rows, key=lambda row: (row.id is None, row.name.casefold())))
