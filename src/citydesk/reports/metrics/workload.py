"""Workload: per person, tickets open and assigned at the end of the week, tickets resolved and
minutes recorded in the week (requests and Ops work together)."""

from __future__ import annotations

from collections import Counter

from citydesk.reports.metrics.queries import Week
from citydesk.reports.model import ScopeKind, WorkloadRow


def workload_rows(
    week: Week, open_assigned: Counter[str], resolved_by: Counter[str], minutes: dict[str, int]
) -> tuple[WorkloadRow, ...]:
    """Everyone with work in the week, and every active technician of the scope, by name."""
    names, scope = week.names, week.scope
    people = set(open_assigned) | set(resolved_by) | set(minutes)
    for user_id, (_name, role, dep, office, active) in names.users.items():
        if not active or role != "technician":
            continue
        if scope.kind == ScopeKind.DEPARTMENT and dep != scope.id:
            continue
        if scope.kind == ScopeKind.OFFICE and office != scope.id:
            continue
        people.add(user_id)
    rows = (
        WorkloadRow(u, names.user(u), open_assigned[u], resolved_by[u], minutes.get(u, 0))
        for u in people
        if u in names.users
    )
    return tuple(sorted(rows, key=lambda row: row.name.casefold()))
