"""Ticket priorities and their plain-language meaning."""

from __future__ import annotations

from enum import StrEnum


class Priority(StrEnum):
    """How urgent a ticket is; `OPS` is planned operational work, counted apart from requests."""

    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    OPS = "OPS"

    @property
    def label(self) -> str:
        """Short label shown in lists."""
        return _LABELS[self]

    @property
    def meaning(self) -> str:
        """Plain-language meaning shown wherever a priority is chosen."""
        return _MEANINGS[self]

    @property
    def rank(self) -> int:
        """Sort rank: 1 is most urgent."""
        return _RANKS[self]


_LABELS = {
    Priority.P1: "P1 Critical",
    Priority.P2: "P2 High",
    Priority.P3: "P3 Normal",
    Priority.OPS: "Ops (planned work)",
}

_MEANINGS = {
    Priority.P1: "Service down or security breach: dispatch now, page the on-call person, around the clock.",
    Priority.P2: "Degraded or important: handle the same business day.",
    Priority.P3: "Normal request: done within the category's target number of business days.",
    Priority.OPS: "Planned operational work (patches, backup checks, upgrades), counted apart from requests.",
}

_RANKS = {Priority.P1: 1, Priority.P2: 2, Priority.P3: 3, Priority.OPS: 4}


def parse_priority(value: object) -> Priority:
    """Return the Priority for `value` or raise ValidationError naming the field."""
    from citydesk.domain.errors import ValidationError

    try:
        return Priority(str(value).upper())
    except ValueError:
        allowed = ", ".join(p.value for p in Priority)
        raise ValidationError("priority", f"Unknown priority {value!r}; choose one of {allowed}.") from None
