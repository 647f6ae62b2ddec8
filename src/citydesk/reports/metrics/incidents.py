"""P1 incidents of the week with a short timeline."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from citydesk.domain.channels import Channel
from citydesk.domain.priorities import Priority
from citydesk.domain.statuses import ResolutionReason, Status
from citydesk.reports.metrics.queries import Names, Span, enum_label, scope_clause, tickets, timeline
from citydesk.reports.model import Incident, IncidentStep, Scope

INCIDENT_STEPS = 8
STEP_TEXT = {
    "escalation": "Escalated to level {value}",
    "call": "Call with the reporter",
    "appointment": "Onsite visit scheduled",
    "reporter_added": "Another person reported it",
}


def p1_incidents(session: Session, scope: Scope, span: Span, names: Names) -> list[Incident]:
    """The P1 requests logged in the week, oldest first, each with its short timeline."""
    p1_rows = session.execute(
        select(
            tickets.c.id,
            tickets.c.number,
            tickets.c.title,
            tickets.c.status,
            tickets.c.department_id,
            tickets.c.assignee_id,
            tickets.c.created_at,
            tickets.c.first_response_at,
            tickets.c.resolved_at,
        )
        .where(
            tickets.c.created_at >= span.start,
            tickets.c.created_at < span.as_of,
            tickets.c.priority == Priority.P1.value,
            scope_clause(scope),
        )
        .order_by(tickets.c.created_at)
    ).all()
    if not p1_rows:
        return []
    te = timeline.c
    entries: dict[str, list[Any]] = defaultdict(list)
    for e in session.execute(
        select(te.ticket_id, te.kind, te.field, te.value, te.detail, te.public, te.author_id, te.at)
        .where(te.ticket_id.in_([t.id for t in p1_rows]))
        .order_by(te.ticket_id, te.hlc, te.device_id, te.id)
    ):
        entries[e.ticket_id].append(e)
    incidents = []
    for t in p1_rows:
        steps = [s for e in entries[t.id] if (s := incident_step(e, names)) is not None]
        if len(steps) > INCIDENT_STEPS:
            hidden = len(steps) - (INCIDENT_STEPS - 1)
            steps = [
                *steps[: INCIDENT_STEPS - 3],
                IncidentStep(steps[INCIDENT_STEPS - 3].at, f"… {hidden} more steps"),
                *steps[-2:],
            ]
        incidents.append(
            Incident(
                number=t.number,
                title=t.title,
                status=enum_label(Status, t.status),
                department=names.department(t.department_id),
                owner=names.user(t.assignee_id),
                created_at=t.created_at,
                first_response_at=t.first_response_at,
                resolved_at=t.resolved_at,
                steps=tuple(steps),
            )
        )
    return incidents


def incident_step(e: Any, names: Names) -> IncidentStep | None:
    """The short-timeline line for one entry (internal notes and time records are left out)."""
    who = names.user(e.author_id)
    kind, value = e.kind, e.value
    if kind == "created":
        channel = (value or {}).get("channel") if isinstance(value, dict) else None
        how = enum_label(Channel, channel).lower()
        return IncidentStep(e.at, f"Logged by {who} ({how})")
    if kind == "assignment":
        if e.field == "department_id":
            return IncidentStep(e.at, f"Routed to {names.department(value)}")
        return IncidentStep(e.at, f"Assigned to {names.user(value)}" if value else "Unassigned")
    if kind == "status":
        label = enum_label(Status, value)
        return IncidentStep(e.at, f"{label} ({who})")
    if kind == "priority":
        return IncidentStep(e.at, f"Priority set to {value}")
    if kind == "note":
        return IncidentStep(e.at, f"Public update by {who}") if e.public else None
    if kind == "resolution":
        reason = (e.detail or {}).get("reason")
        label = enum_label(ResolutionReason, reason)
        return IncidentStep(e.at, f"Resolved by {who}: {label}")
    if kind == "reopen":
        return IncidentStep(e.at, f"Reopened by {who}")
    if kind in STEP_TEXT:
        return IncidentStep(e.at, STEP_TEXT[kind].format(value=value))
    return None
