"""Recurring problems: the same category at the same place, or the same person, three or more times
in the 90 days to the end of the week."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import and_, case, func, literal_column, select, text, true, tuple_
from sqlalchemy.orm import Session

from citydesk.reports.metrics.queries import (
    NO_CATEGORY,
    OPS,
    Names,
    Span,
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


def recurring_problems(session: Session, scope: Scope, span: Span, names: Names) -> list[RecurringProblem]:
    """Places (category + location text, compared trimmed and case-blind) and people (among the
    reporters) with >= 3 requests created in the 90 days to the end of the week, listed when the
    problem came up this week.

    Without the optional indexes (PLACE_INDEX, REQUESTER_INDEX) each reads the 90 days' tickets
    (about 10,000 at 100k tickets); with them only this week's places and people are probed. Both
    ways give the same answer.
    """
    indexes = present_indexes(session)
    lo = span.as_of - RECURRING_WINDOW
    in_scope = and_(tickets.c.priority != OPS, scope_clause(scope))
    window = and_(tickets.c.created_at >= lo, tickets.c.created_at < span.as_of, in_scope)
    this_week = and_(tickets.c.created_at >= span.start, tickets.c.created_at < span.as_of, in_scope)
    place_key = func.lower(func.trim(tickets.c.location_text))
    stamped_numbers = func.group_concat(stamp_text(tickets.c.created_at) + "|" + tickets.c.number, ",")
    open_count = func.sum(case((tickets.c.is_open == true(), 1), else_=0))
    week_places = select(tickets.c.category_id, place_key.label("place")).where(
        this_week, tickets.c.category_id.is_not(None), tickets.c.location_text.is_not(None), place_key != ""
    )
    place_cols = (
        tickets.c.category_id,
        func.min(tickets.c.location_text),
        func.count(),
        open_count,
        stamped_numbers,
    )
    if PLACE_INDEX in indexes:
        probe = week_places.distinct().subquery()
        place = (
            select(*place_cols)
            .select_from(probe)
            .join(tickets, and_(tickets.c.category_id == probe.c.category_id, place_key == probe.c.place))
        )
    else:
        place = select(*place_cols).where(tuple_(tickets.c.category_id, place_key).in_(week_places))
    place = (
        place.where(window).group_by(tickets.c.category_id, place_key).having(func.count() >= RECURRING_MIN)
    )
    problems = []
    for category_id, location, n, open_now, numbers in session.execute(place):
        label = f"{names.categories.get(category_id, (NO_CATEGORY, None))[0]} at {location.strip()}"
        problems.append(RecurringProblem("place", label, int(n), int(open_now or 0), latest_numbers(numbers)))

    week_people = (
        select(reporters.c.requester_id)
        .select_from(tickets)
        .join(reporters, reporters.c.ticket_id == tickets.c.id)
        .where(this_week)
    )
    counted_cols = (
        reporters.c.requester_id.label("rid"),
        func.count().label("n"),
        open_count.label("open_now"),
        stamped_numbers.label("numbers"),
    )
    if REQUESTER_INDEX in indexes:
        # A reporter is recorded at or after the ticket's creation, so reported_at >= the window start.
        counted = (
            select(*counted_cols)
            .select_from(reporters)
            .join(tickets, tickets.c.id == reporters.c.ticket_id)
            .where(reporters.c.requester_id.in_(week_people), reporters.c.reported_at >= lo, window)
        )
    else:
        # Read the window's tickets and their reporters (unary + keeps SQLite off the requester
        # index: some of this week's people have hundreds of reports).
        counted = (
            select(*counted_cols)
            .select_from(tickets)
            .join(reporters, reporters.c.ticket_id == tickets.c.id)
            .where(window, literal_column("+ticket_reporter.requester_id").in_(week_people))
        )
    sub = counted.group_by(reporters.c.requester_id).having(func.count() >= RECURRING_MIN).subquery()
    people = (
        select(requesters.c.name, requesters.c.confidential, sub.c.n, sub.c.open_now, sub.c.numbers)
        .join_from(sub, requesters, requesters.c.id == sub.c.rid)
        .where(requesters.c.anonymous.is_(False))
    )
    for name, confidential, n, open_now, numbers in session.execute(people):
        who = "A confidential requester" if confidential else (name or "A requester")
        label = f"{who} (same person)"
        problems.append(
            RecurringProblem("requester", label, int(n), int(open_now or 0), latest_numbers(numbers))
        )
    problems.sort(key=lambda p: (-p.count, -p.open_now, p.label.casefold()))
    places = [p for p in problems if p.kind == "place"][:RECURRING_PLACES]
    people_kept = [p for p in problems if p.kind == "requester"][:RECURRING_PEOPLE]
    return sorted(places + people_kept, key=lambda p: (-p.count, -p.open_now, p.label.casefold()))


def latest_numbers(stamped: str | None, keep: int = 4) -> tuple[str, ...]:
    """The numbers of the latest `keep` tickets from "created|number,..." (newest last)."""
    found = sorted({n for n in (stamped or "").split(",") if n})
    return tuple(n.partition("|")[2] for n in found[-keep:])
