"""Timeline entries and the fold that turns them into a ticket's current state.

The timeline is the source of truth: a ticket's columns are a cache folded per field from its
entries, ordered by (hlc, device id, entry id). The fold accepts entries in any order and any
sequence of statuses, so every replica that holds the same entries computes the same ticket.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from citydesk.domain import metrics
from citydesk.domain.statuses import CLOSED_STATUSES, Status


class EntryKind(StrEnum):
    """What a timeline entry records."""

    CREATED = "created"
    NOTE = "note"
    CALL = "call"
    STATUS = "status"
    PRIORITY = "priority"
    ASSIGNMENT = "assignment"
    EDIT = "edit"
    ESCALATION = "escalation"
    TIME_SPENT = "time_spent"
    APPOINTMENT = "appointment"
    REPORTER_ADDED = "reporter_added"
    RESOLUTION = "resolution"
    REOPEN = "reopen"
    REDACTION = "redaction"
    REPORTER_MERGED = "reporter_merged"


# The entry kinds this version folds; an entry of another kind (from a newer version) is stored and
# skipped by the fold (`is_known_kind`), so a replica never fails on it.
KNOWN_KINDS: frozenset[str] = frozenset(kind.value for kind in EntryKind)


def is_known_kind(kind: str) -> bool:
    """True for an entry kind this version knows (others are stored, not folded)."""
    return kind in KNOWN_KINDS


# Fields a ticket folds from its entries (each field entry sets exactly one of them).
FOLDED_FIELDS: tuple[str, ...] = (
    "title",
    "description",
    "status",
    "priority",
    "channel",
    "category_id",
    "department_id",
    "location",
    "assignee_id",
    "escalation_level",
    "due_override",
)

# Fields whose concurrent different edits are shown in the Conflicts view.
CONFLICT_FIELDS = frozenset({"assignee_id", "priority", "status", "title", "description"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One timeline entry as plain data (decoded JSON in `value` and `detail`)."""

    id: str
    ticket_id: str
    kind: EntryKind
    hlc: int
    device_id: str
    author_id: str
    at: datetime
    field: str | None = None
    value: Any = None
    detail: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    body: str | None = None
    public: bool = False
    base_entry_id: str | None = None

    @property
    def order_key(self) -> tuple[int, str, str]:
        """Total order used by the fold: HLC, then device id, then entry id."""
        return (self.hlc, self.device_id, self.id)


@dataclass(frozen=True, slots=True)
class Reporter:
    """One reporter of a ticket, materialized from `created` and `reporter_added` entries."""

    id: str
    requester_id: str | None
    channel: str
    reply_method: str
    reported_at: datetime
    entry_id: str


@dataclass(frozen=True, slots=True)
class TicketState:
    """Everything the ticket row caches, computed from its entries."""

    fields: Mapping[str, Any]
    field_entry: Mapping[str, str]
    created_at: datetime | None
    created_by: str | None
    updated_at: datetime | None
    first_response_at: datetime | None
    resolved_at: datetime | None
    resolved_by: str | None
    closed_at: datetime | None
    reopen_count: int
    first_contact_resolution: bool
    time_spent_minutes: int
    visit_at: datetime | None
    visit_place: str | None
    resolution: Mapping[str, Any] | None
    reporters: tuple[Reporter, ...]

    @property
    def status(self) -> Status:
        """The folded status (NEW if no entry set one)."""
        return Status(self.fields.get("status") or Status.NEW)

    @property
    def is_open(self) -> bool:
        """Open unless resolved or closed."""
        return self.status not in CLOSED_STATUSES


def _reporter(data: Mapping[str, Any], entry: Entry) -> Reporter:
    return Reporter(
        id=str(data["id"]),
        requester_id=data.get("requester_id"),
        channel=str(data.get("channel") or "phone"),
        reply_method=str(data.get("reply_method") or "none"),
        reported_at=entry.at,
        entry_id=entry.id,
    )


def _repoint(reporters: list[Reporter], source: str, target: str | None) -> list[Reporter]:
    """Reporters after a duplicate requester `source` was merged into `target`."""
    return [dataclasses.replace(r, requester_id=target) if r.requester_id == source else r for r in reporters]


def is_date_unknown(entry: Entry) -> bool:
    """True for a resolution imported without a date (`detail["date_unknown"]`): it resolves the
    ticket, but the ticket has no `resolved_at` and counts as resolved in no week."""
    return entry.kind is EntryKind.RESOLUTION and entry.detail.get("date_unknown") is True


def fold(entries: Iterable[Entry]) -> TicketState:
    """Fold a ticket's entries (any order) into its current state.

    A resolution marked `date_unknown` (an import from a system that kept no date) sets the status
    and the resolution but leaves `resolved_at` None; a later reopen or dated resolution works as usual.
    """
    ordered = sorted(entries, key=lambda e: e.order_key)
    fields: dict[str, Any] = {}
    field_entry: dict[str, str] = {}
    created_at: datetime | None = None
    created_by: str | None = None
    updated_at: datetime | None = None
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    first_resolution: tuple[datetime, str] | None = None
    closed_at: datetime | None = None
    reopen_count = 0
    minutes = 0
    visit: Entry | None = None
    resolution: Mapping[str, Any] | None = None
    resolved = False  # a resolution (dated or not) not followed by a reopen
    reporters: list[Reporter] = []

    for entry in ordered:
        if updated_at is None or entry.at > updated_at:
            updated_at = entry.at
        kind = entry.kind
        if kind is EntryKind.CREATED:
            for name, value in dict(entry.value or {}).items():
                if name in FOLDED_FIELDS:
                    fields[name] = value
                    field_entry[name] = entry.id
            created_at, created_by = entry.at, entry.author_id
            if entry.detail.get("reporter"):
                reporters.append(_reporter(entry.detail["reporter"], entry))
        elif entry.field in FOLDED_FIELDS:
            fields[entry.field] = entry.value
            field_entry[entry.field] = entry.id
        if metrics.is_first_response(entry) and (first_response_at is None or entry.at < first_response_at):
            first_response_at = entry.at
        if kind is EntryKind.RESOLUTION and is_date_unknown(entry):
            # an imported resolution whose date the old system did not keep: resolved, no date
            resolved_at = resolved_by = None
            resolution = dict(entry.detail)
            resolved = True
        elif kind is EntryKind.RESOLUTION or (kind is EntryKind.STATUS and entry.value == Status.RESOLVED):
            resolved_at, resolved_by = entry.at, entry.author_id
            resolution = dict(entry.detail)
            resolved = True
            if first_resolution is None:
                first_resolution = (entry.at, entry.author_id)
        elif kind is EntryKind.REOPEN:
            if resolved:
                reopen_count += 1
            resolved_at = resolved_by = resolution = None
            resolved = False
            closed_at = None
        if entry.field == "status" and entry.value == Status.CLOSED:
            closed_at = entry.at
        if kind is EntryKind.TIME_SPENT:
            minutes += int(entry.detail.get("minutes", 0))
        elif kind is EntryKind.APPOINTMENT:
            visit = entry
        elif kind is EntryKind.REPORTER_ADDED and entry.detail.get("reporter"):
            reporters.append(_reporter(entry.detail["reporter"], entry))
        elif kind is EntryKind.REPORTER_MERGED and entry.detail.get("from"):
            reporters = _repoint(reporters, str(entry.detail["from"]), entry.detail.get("to"))

    status = Status(fields.get("status") or Status.NEW)
    if status not in CLOSED_STATUSES:
        resolved_at = resolved_by = resolution = None
    if status is not Status.CLOSED:
        closed_at = None
    fcr = metrics.is_first_contact_resolution(
        created_at=created_at, created_by=created_by, first_resolution=first_resolution
    )
    visit_at = None
    if visit is not None and visit.detail.get("at"):
        visit_at = datetime.fromisoformat(str(visit.detail["at"]))
    return TicketState(
        fields=fields,
        field_entry=field_entry,
        created_at=created_at,
        created_by=created_by,
        updated_at=updated_at,
        first_response_at=first_response_at,
        resolved_at=resolved_at,
        resolved_by=resolved_by,
        closed_at=closed_at,
        reopen_count=reopen_count,
        first_contact_resolution=fcr,
        time_spent_minutes=minutes,
        visit_at=visit_at,
        visit_place=(visit.detail.get("place") if visit is not None else None),
        resolution=resolution,
        reporters=tuple(reporters),
    )


def find_conflicts(entries: Iterable[Entry]) -> list[tuple[str, tuple[str, ...]]]:
    """Concurrent edits of a shown field: entries with the same base and different values.

    Returns (field, entry ids ordered by the fold) for each conflicting group.
    """
    groups: dict[tuple[str, str | None], list[Entry]] = {}
    for entry in entries:
        if entry.field in CONFLICT_FIELDS and entry.kind is not EntryKind.CREATED:
            groups.setdefault((entry.field, entry.base_entry_id), []).append(entry)
    conflicts = []
    for (name, _base), group in groups.items():
        if len({repr(e.value) for e in group}) > 1 and len({e.device_id for e in group}) > 1:
            ordered = sorted(group, key=lambda e: e.order_key)
            conflicts.append((name, tuple(e.id for e in ordered)))
    return conflicts
