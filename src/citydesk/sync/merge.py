"""Merge rules shared by the client's apply path and the server: who wins a field, what a change
depends on, and which permission a change needs. Pure functions over `wire.Change`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from citydesk.domain.permissions import Action
from citydesk.domain.timeline import EntryKind
from citydesk.sync.tables import SYNCED, entry_action
from citydesk.sync.wire import Change, FieldClock, Op

# Shown fields whose concurrent different values are conflicts (DESIGN: rule 3).
CONFLICT_FIELDS: tuple[str, ...] = ("assignee_id", "priority", "status", "title", "description")

# Columns of each synced table that name a row of another table (for orphans and rejected inserts).
PARENT_COLUMNS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "device": (("office_id", "office"),),
    "category": (("department_id", "department"),),
    "app_user": (("department_id", "department"), ("office_id", "office")),
    "requester": (("department_id", "department"), ("office_id", "office"), ("merged_into", "requester")),
    "ticket": (("office_id", "office"), ("created_by", "app_user")),
    "timeline_entry": (("ticket_id", "ticket"), ("author_id", "app_user"), ("office_id", "office")),
    "contact_log": (
        ("category_id", "category"),
        ("ticket_id", "ticket"),
        ("author_id", "app_user"),
        ("office_id", "office"),
    ),
}

# Ticket fields an entry's value may set that name another row.
_ENTRY_VALUE_PARENTS: tuple[tuple[str, str], ...] = (
    ("category_id", "category"),
    ("department_id", "department"),
    ("assignee_id", "app_user"),
)


def wins(new: FieldClock, old: FieldClock | None) -> bool:
    """True when a write with clock `new` replaces the value written with `old` (highest HLC, then
    device id, then change id; an equal clock is the same write and changes nothing)."""
    return old is None or new.key() > old.key()


def first_value(current: Any, incoming: Any) -> Any:
    """Of two values of an insert-only column of the same row inserted on two replicas (rows with
    derived ids: the same address list imported on two offices), the one every replica keeps: the
    smaller of the two as JSON text (the earlier of two ISO times), a value over none."""
    if current is None or incoming is None:
        return incoming if current is None else current
    return min(current, incoming, key=lambda v: (type(v).__name__, str(v)))


def references(change: Change) -> list[tuple[str, str]]:
    """The rows (table, id) a change needs before it can apply on a replica: its parents, the ticket
    and requesters an entry names, the values a created entry or field entry points at."""
    out: list[tuple[str, str]] = []
    data = change.data
    for column, parent in PARENT_COLUMNS.get(change.table, ()):
        value = data.get(column)
        if isinstance(value, str) and value and not (change.table == "requester" and value == change.row_id):
            out.append((parent, value))
    if change.op is Op.ENTRY:
        out += _entry_references(data)
    return out


def _entry_references(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    detail = data.get("detail") or {}
    value = data.get("value")
    if isinstance(detail, dict):
        reporter = detail.get("reporter")
        if isinstance(reporter, dict) and isinstance(reporter.get("requester_id"), str):
            out.append(("requester", reporter["requester_id"]))
        if data.get("kind") == EntryKind.REPORTER_MERGED.value:
            for key in ("from", "to"):
                if isinstance(detail.get(key), str):
                    out.append(("requester", detail[key]))
    field = data.get("field")
    values: dict[str, Any] = {}
    if isinstance(value, dict) and data.get("kind") == EntryKind.CREATED.value:
        values = value
    elif isinstance(field, str):
        values = {field: value}
    for name, parent in _ENTRY_VALUE_PARENTS:
        ref = values.get(name)
        if isinstance(ref, str) and ref:
            out.append((parent, ref))
    return out


def redaction_target(change: Change) -> str | None:
    """The entry a redaction entry blanks (None for other changes)."""
    if change.op is not Op.ENTRY or change.data.get("kind") != EntryKind.REDACTION.value:
        return None
    detail = change.data.get("detail")
    target = detail.get("target_entry_id") if isinstance(detail, dict) else None
    return target if isinstance(target, str) else None


def required_actions(change: Change) -> list[Action]:
    """The permissions the change's author needs (judged at the change's HLC by the server)."""
    table = SYNCED[change.table]
    if change.op is Op.ENTRY:
        try:
            kind = EntryKind(str(change.data.get("kind")))
        except ValueError:
            return [Action.EDIT_TICKET]  # an entry kind this version does not know: staff may write it
        data, author = change.data, change.author_id
        return [entry_action(kind, field=data.get("field"), value=data.get("value"), author_id=author)]
    if change.op is Op.INSERT:
        return [table.action] if table.action else []
    # A field with its own action (requester.merged_into) needs it only to set a value: a new row
    # carries every field, its empty `merged_into` included, and any clerk may create a requester.
    guarded = dict(table.field_actions)
    actions = {
        table.action if name in guarded and change.data.get(name) is None else table.action_for(name)
        for name in change.fields
    }
    return sorted((a for a in actions if a is not None), key=lambda a: a.value)


def conflict_key(data: Mapping[str, Any]) -> tuple[str, str, str | None] | None:
    """(ticket, field, base) of an entry that sets a conflict-prone field, else None."""
    field = data.get("field")
    if field not in CONFLICT_FIELDS:
        return None
    return (str(data.get("ticket_id")), str(field), data.get("base_entry_id"))
