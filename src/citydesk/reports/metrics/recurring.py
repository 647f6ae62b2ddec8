"""Recurring problems: the same category at the same place, or the same person, three or more times
in the 90 days to the end of the week."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal_column, select, text, true, tuple_
from sqlalchemy.orm import Session

from citydesk.reports.metrics.queries import (
    NO_CATEGORY,
    OPS,
    Names,
    Span,
    packed_rows,
    reporters,
    requesters,
    scope_clause,
    stamp_text,
    tickets,
)
from citydesk.reports.model import RecurringProblem, Scope

RECURRING_WINDOW = timedelta(days=90)
RECURRING_MIN = 3
RECURRING_PLACES = 12
RECURRING_PEOPLE = 8
EXACT_BATCH = 64
"""Candidates whose exact figures are read at a time."""

PLACE_INDEX = "ix_ticket_category_place"
"""Optional index ticket(category_id, lower(trim(location_text)), created_at) for recurring places."""
REQUESTER_INDEX = "ix_reporter_requester_at"
"""Optional index ticket_reporter(requester_id, reported_at, ticket_id) for recurring requesters."""


def present_indexes(session: Session) -> set[str]:
    """Which of the optional recurring-problem indexes the database has."""
    query: Any = (
        select(literal_column("name"))
        .select_from(text("sqlite_master"))
        .where(literal_column("type") == "index", literal_column("name").in_((PLACE_INDEX, REQUESTER_INDEX)))
    )
    return {str(name) for name in session.scalars(query)}


def rank(problem: RecurringProblem) -> tuple[int, int, str]:
    """The listing order: most requests, then most open, then by label."""
    return (-problem.count, -problem.open_now, problem.label.casefold())


def top_by_bounds(
    bounds: Sequence[tuple[Any, int]],
    exact: Callable[[list[Any]], list[RecurringProblem]],
    keep: int,
) -> list[RecurringProblem]:
    """The `keep` first problems in rank order, computing exact figures only for the candidates
    whose upper bound on the count (`bounds`: (key, bound)) could still place them there."""
    ordered = sorted(bounds, key=lambda b: -b[1])
    found: list[RecurringProblem] = []
    for start in range(0, len(ordered), EXACT_BATCH):
        if len(found) >= keep and ordered[start][1] < found[keep - 1].count:
            break  # nobody left can reach the last kept count
        found = sorted([*found, *exact([key for key, _n in ordered[start : start + EXACT_BATCH]])], key=rank)
        found = found[:keep]
    return found


@dataclass(frozen=True)
class Window:
    """The SQL pieces of the 90 days to the end of the week and of this week (requests in scope)."""

    lo: datetime
    hi: datetime
    window: Any
    this_week: Any

    @classmethod
    def of(cls, scope: Scope, span: Span) -> Window:
        """The window of a report's scope and week."""
        tk = tickets.c
        lo = span.as_of - RECURRING_WINDOW
        in_scope = and_(tk.priority != OPS, scope_clause(scope))
        return cls(
            lo,
            span.as_of,
            and_(tk.created_at >= lo, tk.created_at < span.as_of, in_scope),
            and_(tk.created_at >= span.start, tk.created_at < span.as_of, in_scope),
        )


PLACE_KEY = func.lower(func.trim(tickets.c.location_text))
STAMPED_NUMBERS = func.group_concat(stamp_text(tickets.c.created_at) + "|" + tickets.c.number, ",")
OPEN_COUNT = func.sum(case((tickets.c.is_open == true(), 1), else_=0))


def recurring_places(session: Session, w: Window, names: Names, *, indexed: bool) -> list[RecurringProblem]:
    """The RECURRING_PLACES first places: the same category at the same location text (trimmed,
    case-blind) with >= 3 requests in the window, among this week's places."""
    tk = tickets.c
    week_places = select(tk.category_id, PLACE_KEY.label("place")).where(
        w.this_week, tk.category_id.is_not(None), tk.location_text.is_not(None), PLACE_KEY != ""
    )
    cols = (tk.category_id, func.min(tk.location_text), func.count(), OPEN_COUNT, STAMPED_NUMBERS)

    def problems(query: Any) -> list[RecurringProblem]:
        grouped = (
            query.where(w.window).group_by(tk.category_id, PLACE_KEY).having(func.count() >= RECURRING_MIN)
        )
        out = []
        for category_id, location, n, open_now, numbers in packed_rows(session, grouped):
            label = f"{names.categories.get(category_id, (NO_CATEGORY, None))[0]} at {location.strip()}"
            out.append(RecurringProblem("place", label, int(n), int(open_now or 0), latest_numbers(numbers)))
        return out

    if not indexed:
        found = problems(select(*cols).where(tuple_(tk.category_id, PLACE_KEY).in_(week_places)))
        return sorted(found, key=rank)[:RECURRING_PLACES]

    # Upper bounds from the index alone (every ticket of the window at the place, any priority or
    # scope), then exact figures for the places that could be listed.
    probe = week_places.distinct().subquery()
    on_place = and_(tk.category_id == probe.c.category_id, probe.c.place == PLACE_KEY)
    bounds = packed_rows(
        session,
        select(probe.c.category_id, probe.c.place, func.count())
        .select_from(probe)
        .join(tickets, on_place)
        .where(tk.created_at >= w.lo, tk.created_at < w.hi)
        .group_by(probe.c.category_id, probe.c.place)
        .having(func.count() >= RECURRING_MIN),
    )

    def exact(keys: list[Any]) -> list[RecurringProblem]:
        # the candidates as one JSON parameter: [[category_id, place], ...]
        wanted = func.json_each(json.dumps(keys)).table_valued("value", name="wanted")
        on_wanted = and_(
            tk.category_id == func.json_extract(wanted.c.value, "$[0]"),
            func.json_extract(wanted.c.value, "$[1]") == PLACE_KEY,
        )
        return problems(select(*cols).select_from(wanted).join(tickets, on_wanted))

    # in the key's order first: equal bounds then keep it (top_by_bounds sorts stably)
    return top_by_bounds(sorted(((c, p), n) for c, p, n in bounds), exact, RECURRING_PLACES)


def recurring_people(session: Session, w: Window, *, indexed: bool) -> list[RecurringProblem]:
    """The RECURRING_PEOPLE first people (not anonymous) among the reporters of >= 3 requests in
    the window, among this week's reporters."""
    tk, tr, rq = tickets.c, reporters.c, requesters.c
    week_people = (
        select(tr.requester_id).select_from(tickets).join(reporters, tr.ticket_id == tk.id).where(w.this_week)
    )
    cols = (
        tr.requester_id.label("rid"),
        func.count().label("n"),
        OPEN_COUNT.label("open_now"),
        STAMPED_NUMBERS.label("numbers"),
    )

    def problems(counted: Any) -> list[RecurringProblem]:
        sub = counted.group_by(tr.requester_id).having(func.count() >= RECURRING_MIN).subquery()
        people = (
            select(rq.name, rq.confidential, sub.c.n, sub.c.open_now, sub.c.numbers)
            .join_from(sub, requesters, rq.id == sub.c.rid)
            .where(rq.anonymous.is_(False))
        )
        out = []
        for name, confidential, n, open_now, numbers in packed_rows(session, people):
            who = "A confidential requester" if confidential else (name or "A requester")
            out.append(
                RecurringProblem(
                    "requester", f"{who} (same person)", int(n), int(open_now or 0), latest_numbers(numbers)
                )
            )
        return out

    if not indexed:
        # Read the window's tickets and their reporters (unary + keeps SQLite off the requester
        # index: some of this week's people have hundreds of reports).
        found = problems(
            select(*cols)
            .select_from(tickets)
            .join(reporters, tr.ticket_id == tk.id)
            .where(w.window, literal_column("+ticket_reporter.requester_id").in_(week_people))
        )
        return sorted(found, key=rank)[:RECURRING_PEOPLE]

    # A reporter is recorded at or after the ticket's creation, so reported_at >= the window start:
    # the index alone bounds each person's count; exact figures for those who could be listed.
    bounds = packed_rows(
        session,
        select(tr.requester_id, func.count())
        .where(tr.requester_id.in_(week_people), tr.reported_at >= w.lo)
        .group_by(tr.requester_id)
        .having(func.count() >= RECURRING_MIN),
    )

    def exact(ids: list[Any]) -> list[RecurringProblem]:
        return problems(
            select(*cols)
            .select_from(reporters)
            .join(tickets, tk.id == tr.ticket_id)
            .where(tr.requester_id.in_(ids), tr.reported_at >= w.lo, w.window)
        )

    return top_by_bounds(sorted((rid, n) for rid, n in bounds), exact, RECURRING_PEOPLE)


def recurring_problems(session: Session, scope: Scope, span: Span, names: Names) -> list[RecurringProblem]:
    """Places (category + location text, compared trimmed and case-blind) and people (among the
    reporters) with >= 3 requests created in the 90 days to the end of the week, listed when the
    problem came up this week: the RECURRING_PLACES and RECURRING_PEOPLE first, most requests first.

    Without the optional indexes (PLACE_INDEX, REQUESTER_INDEX) each reads the 90 days' tickets
    (about 10,000 at 100k tickets); with them only this week's places and people are probed, first
    in the index alone (an upper bound on each count), then exactly for the few that could be
    listed. Both ways give the same answer.
    """
    indexes = present_indexes(session)
    w = Window.of(scope, span)
    places = recurring_places(session, w, names, indexed=PLACE_INDEX in indexes)
    people = recurring_people(session, w, indexed=REQUESTER_INDEX in indexes)
    return sorted(places + people, key=rank)


def latest_numbers(stamped: str | None, keep: int = 4) -> tuple[str, ...]:
    """The numbers of the latest `keep` tickets from "created|number,..." (newest last)."""
    found = sorted({n for n in (stamped or "").split(",") if n})
    return tuple(n.partition("|")[2] for n in found[-keep:])
