"""P1 incidents of the week with a short timeline."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from citydesk.domain.channels import Channel
from citydesk.domain.priorities import Priority
from citydesk.domain.statuses import ResolutionReason, Status
from citydesk.reports.metrics.queries import (
    Names,
    Span,
    driver_rows,
    enum_label,
    from_db_text,
    scope_clause,
    stamp_text,
    tickets,
    timeline,
)
from citydesk.reports.model import Incident, IncidentStep, Scope

INCIDENT_STEPS = 8
STEP_TEXT = {
    "escalation": "Escalated to level {value}",
    "call": "Call with the reporter",
    "appointment": "Onsite visit scheduled",
    "reporter_added": "Another person reported it",
}


AUTHORED = frozenset(("created", "status", "note", "resolution", "reopen"))
"""Kinds whose line names the entry's author."""
Entry = tuple[str, str | None, Any, str | None, Any, str, str]
"""A timeline entry as read for a short timeline: (kind, field, value, reason, date_unknown, author, at)."""
SHOWN_KINDS = ("created", "assignment", "status", "priority", "resolution", "reopen", *STEP_TEXT)
"""Entry kinds that always make a step (`incident_step`); a note makes one when public."""


def p1_incidents(session: Session, scope: Scope, span: Span, names: Names) -> list[Incident]:
    """The P1 requests logged in the week, oldest first, each with its short timeline.

    Only the entries a short timeline shows are read (the kinds that make a step, public notes),
    with the value SQL unwraps from its JSON (a created entry's channel) and the resolution's
    reason; a line is written only for the steps kept.
    """
    tk, te = tickets.c, timeline.c
    in_week = and_(
        tk.created_at >= span.start,
        tk.created_at < span.as_of,
        tk.priority == Priority.P1.value,
        scope_clause(scope),
    )
    p1_rows = driver_rows(
        session,
        select(
            tk.id,
            tk.number,
            tk.title,
            tk.status,
            tk.department_id,
            tk.assignee_id,
            stamp_text(tk.created_at),
            stamp_text(tk.first_response_at),
            stamp_text(tk.resolved_at),
        )
        .where(in_week)
        .order_by(tk.created_at),
    )
    if not p1_rows:
        return []
    # The shown value: a created entry's channel, else the entry's JSON value (SQL unwraps it).
    value = case(
        (te.kind == "created", func.json_extract(te.value, "$.channel")),
        else_=func.json_extract(te.value, "$"),
    )
    entries: dict[str, list[Entry]] = defaultdict(list)
    for row in driver_rows(
        session,
        select(
            te.ticket_id,
            te.kind,
            te.field,
            value,
            case((te.kind == "resolution", func.json_extract(te.detail, "$.reason"))),
            case((te.kind == "resolution", func.json_extract(te.detail, "$.date_unknown"))),
            te.author_id,
            stamp_text(te.at),
        )
        .where(
            te.ticket_id.in_(select(tk.id).where(in_week)),
            or_(te.kind.in_(SHOWN_KINDS), and_(te.kind == "note", te.public.is_(True))),
        )
        .order_by(te.ticket_id, te.hlc, te.device_id, te.id),
    ):
        entries[row[0]].append(row[1:])  # type: ignore[arg-type]

    texts: dict[tuple[Any, ...], str] = {}  # many entries share their line ("Assigned to ...")

    def names_step(e: Entry) -> IncidentStep:
        key = e[:6]
        text = texts.get(key)
        if text is None:
            text = step_text(*key, names)  # type: ignore[arg-type]
            assert text is not None  # the query reads only entries that make a step
            texts[key] = text
        return IncidentStep(from_db_text(e[6]), text)  # type: ignore[arg-type]

    incidents = []
    for ticket_id, number, title, status, department_id, assignee_id, created, responded, resolved in p1_rows:
        shown = entries[ticket_id]
        if len(shown) > INCIDENT_STEPS:
            hidden = len(shown) - (INCIDENT_STEPS - 1)
            marker = IncidentStep(from_db_text(shown[INCIDENT_STEPS - 3][6]), f"… {hidden} more steps")
            steps = [*map(names_step, shown[: INCIDENT_STEPS - 3]), marker, *map(names_step, shown[-2:])]
        else:
            steps = [names_step(e) for e in shown]
        incidents.append(
            Incident(
                number=number,
                title=title,
                status=enum_label(Status, status),
                department=names.department(department_id),
                owner=names.user(assignee_id),
                created_at=from_db_text(created),
                first_response_at=from_db_text(responded),
                resolved_at=from_db_text(resolved),
                steps=tuple(steps),
            )
        )
    return incidents


def incident_step(e: Entry, names: Names) -> IncidentStep | None:
    """The short-timeline line for one entry (internal notes and time records are left out).

    `e` is (kind, field, value, reason, date_unknown, author_id, at): the entry's unwrapped value (a
    created entry's: its channel), a resolution's reason and whether its date is unknown, and the
    stamp as stored text."""
    text = step_text(*e[:6], names)  # type: ignore[arg-type]
    return None if text is None else IncidentStep(from_db_text(e[6]), text)  # type: ignore[arg-type]


def step_text(
    kind: str,
    field: str | None,
    value: Any,
    reason: str | None,
    date_unknown: Any,
    author_id: str,
    names: Names,
) -> str | None:
    """The text of an entry's short-timeline line (see `incident_step`), None for no line."""
    who = names.user(author_id) if kind in AUTHORED else ""
    if kind == "created":
        how = enum_label(Channel, value).lower()
        return f"Logged by {who} ({how})"
    if kind == "assignment":
        if field == "department_id":
            return f"Routed to {names.department(value)}"
        return f"Assigned to {names.user(value)}" if value else "Unassigned"
    if kind == "status":
        label = enum_label(Status, value)
        return f"{label} ({who})"
    if kind == "priority":
        return f"Priority set to {value}"
    if kind == "note":
        return f"Public update by {who}"
    if kind == "resolution":
        label = enum_label(ResolutionReason, reason)
        if date_unknown:  # the step's time is the import's, not the resolution's
            return f"Imported as resolved on an unknown date: {label}"
        return f"Resolved by {who}: {label}"
    if kind == "reopen":
        return f"Reopened by {who}"
    if kind in STEP_TEXT:
        return STEP_TEXT[kind].format(value=value)
    return None
