"""Who may do what: one pure table, shared by the desktop services and the central server."""

from __future__ import annotations

from enum import StrEnum

from citydesk.domain.errors import PermissionDenied
from citydesk.domain.roles import Role


class Action(StrEnum):
    """Every protected action; the names read as "a clerk may not <action>"."""

    CREATE_TICKET = "create_ticket"
    ADD_REPORTER = "add_reporter"
    ADD_NOTE = "add_note"
    LOG_CALL = "log_call"
    CHANGE_STATUS = "change_status"
    CHANGE_PRIORITY = "change_priority"
    EDIT_TICKET = "edit_ticket"
    TAKE_TICKET = "take_ticket"
    ASSIGN_OTHERS = "assign_others"
    ROUTE_DEPARTMENT = "route_department"
    ESCALATE = "escalate"
    RECORD_TIME = "record_time"
    SCHEDULE_VISIT = "schedule_visit"
    RESOLVE = "resolve"
    REOPEN = "reopen"
    CLOSE = "close"
    REDACT_NOTE = "redact_note"
    OVERRIDE_TARGET = "override_target"
    EDIT_REQUESTER = "edit_requester"
    MERGE_REQUESTERS = "merge_requesters"
    LOG_CONTACT = "log_contact"
    VIEW_REPORTS = "view_reports"
    IMPORT_DATA = "import_data"
    MANAGE_USERS = "manage_users"
    MANAGE_REFERENCE = "manage_reference"
    MANAGE_DEVICES = "manage_devices"


_C, _T, _S, _A, _SYS = Role.CLERK, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN, Role.SYSTEM
_EVERYONE = frozenset({_C, _T, _S, _A, _SYS})
_STAFF = frozenset({_T, _S, _A, _SYS})
_LEADS = frozenset({_S, _A, _SYS})
_ADMINS = frozenset({_A, _SYS})

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.CREATE_TICKET: _EVERYONE,
    Action.ADD_REPORTER: _EVERYONE,
    Action.ADD_NOTE: _EVERYONE,
    Action.LOG_CALL: _EVERYONE,
    Action.CHANGE_STATUS: _STAFF,
    Action.CHANGE_PRIORITY: _STAFF,
    Action.EDIT_TICKET: _STAFF,
    Action.TAKE_TICKET: _STAFF,
    Action.ASSIGN_OTHERS: _LEADS,
    Action.ROUTE_DEPARTMENT: _LEADS,
    Action.ESCALATE: _STAFF,
    Action.RECORD_TIME: _STAFF,
    Action.SCHEDULE_VISIT: _STAFF,
    # Clerks resolve at the counter (first-contact resolution: new -> resolved).
    Action.RESOLVE: _EVERYONE,
    Action.REOPEN: _LEADS,
    Action.CLOSE: _LEADS,
    Action.REDACT_NOTE: _LEADS,
    Action.OVERRIDE_TARGET: _LEADS,
    Action.EDIT_REQUESTER: _EVERYONE,
    Action.MERGE_REQUESTERS: _LEADS,
    Action.LOG_CONTACT: _EVERYONE,
    Action.VIEW_REPORTS: _LEADS,
    Action.IMPORT_DATA: _ADMINS,
    Action.MANAGE_USERS: _ADMINS,
    Action.MANAGE_REFERENCE: _ADMINS,
    Action.MANAGE_DEVICES: _ADMINS,
}


def allowed(role: Role, action: Action) -> bool:
    """True if `role` may perform `action`."""
    return role in PERMISSIONS[action]


def require(role: Role, action: Action) -> None:
    """Raise PermissionDenied unless `role` may perform `action`."""
    if role not in PERMISSIONS[action]:
        raise PermissionDenied(action.value, role.value)


def permission_table_markdown() -> str:
    """The table as Markdown (the README shows it; a test keeps them equal)."""
    roles = [Role.CLERK, Role.TECHNICIAN, Role.SUPERVISOR, Role.ADMIN]
    lines = ["| action | " + " | ".join(r.value for r in roles) + " |", "|---" * (len(roles) + 1) + "|"]
    for action, who in PERMISSIONS.items():
        marks = " | ".join("yes" if r in who else "–" for r in roles)
        lines.append(f"| {action.value.replace('_', ' ')} | {marks} |")
    return "\n".join(lines)
