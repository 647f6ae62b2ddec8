"""Ticket statuses, their plain-English names and the transitions the UI offers."""

from __future__ import annotations

from enum import StrEnum

from citydesk.domain.errors import TransitionError, ValidationError


class Status(StrEnum):
    """Where a ticket stands. `WAITING_*` are the three kinds of waiting."""

    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    WAITING_REQUESTER = "waiting_requester"
    WAITING_VENDOR = "waiting_vendor"
    WAITING_PARTS = "waiting_parts"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """Plain-English name ("Waiting for the requester")."""
        return _LABELS[self]

    @property
    def is_open(self) -> bool:
        """True while work is still expected."""
        return self not in CLOSED_STATUSES

    @property
    def is_waiting(self) -> bool:
        """True for the three waiting statuses."""
        return self in WAITING_STATUSES


_LABELS = {
    Status.NEW: "New",
    Status.ASSIGNED: "Assigned",
    Status.IN_PROGRESS: "In progress",
    Status.WAITING_REQUESTER: "Waiting for the requester",
    Status.WAITING_VENDOR: "Waiting for a vendor",
    Status.WAITING_PARTS: "Waiting for parts",
    Status.RESOLVED: "Resolved",
    Status.CLOSED: "Closed",
}

CLOSED_STATUSES = frozenset({Status.RESOLVED, Status.CLOSED})
WAITING_STATUSES = frozenset({Status.WAITING_REQUESTER, Status.WAITING_VENDOR, Status.WAITING_PARTS})
OPEN_STATUSES = frozenset(s for s in Status if s not in CLOSED_STATUSES)

_WORKING = {Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS} | WAITING_STATUSES

# What the UI offers and local services accept. The sync fold accepts any sequence.
TRANSITIONS: dict[Status, frozenset[Status]] = {
    s: frozenset((_WORKING - {s}) | {Status.RESOLVED}) for s in _WORKING
}
TRANSITIONS[Status.RESOLVED] = frozenset({Status.CLOSED})  # reopen is its own action
TRANSITIONS[Status.CLOSED] = frozenset()

REOPENABLE = frozenset({Status.RESOLVED, Status.CLOSED})


def parse_status(value: object) -> Status:
    """Return the Status for `value` or raise ValidationError naming the field."""
    try:
        return Status(str(value))
    except ValueError:
        raise ValidationError("status", f"Unknown status {value!r}.") from None


def check_transition(current: Status, target: Status) -> None:
    """Raise TransitionError unless the workflow offers `current` → `target`.

    Resolving goes through the resolve action (it needs a reason) and reopening through reopen.
    """
    if target not in TRANSITIONS[current]:
        raise TransitionError(current.label.lower(), target.label.lower())


class ResolutionReason(StrEnum):
    """Why a ticket was resolved."""

    DONE = "done"
    DUPLICATE = "duplicate"
    REFERRED = "referred"
    NOT_CITY_MATTER = "not_city_matter"
    COULD_NOT_LOCATE = "could_not_locate"
    VOID = "void"

    @property
    def label(self) -> str:
        """Plain-English name."""
        return _REASON_LABELS[self]


_REASON_LABELS = {
    ResolutionReason.DONE: "Done",
    ResolutionReason.DUPLICATE: "Duplicate of another request",
    ResolutionReason.REFERRED: "Referred to another agency",
    ResolutionReason.NOT_CITY_MATTER: "Not a city matter",
    ResolutionReason.COULD_NOT_LOCATE: "Could not locate",
    ResolutionReason.VOID: "Void (entered by mistake)",
}


def parse_resolution_reason(value: object) -> ResolutionReason:
    """Return the ResolutionReason for `value` or raise ValidationError."""
    try:
        return ResolutionReason(str(value))
    except ValueError:
        raise ValidationError("reason", f"Unknown resolution reason {value!r}.") from None
