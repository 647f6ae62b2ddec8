"""The registry of what syncs: every table and column of the local database, classified.

Each table of the models' metadata is one of:

- **synced** (`SyncedTable`): its key, the columns set once at insert, the fields merged after it
  (last writer wins, clocks in `field_clock`), how it merges (`Merge`), and the permission guarding a
  change. Its other columns are named as derived (recomputed on every replica) or device-local.
- **device-local** (`LocalTable`): never leaves the PC (outbox, journal, counters, cursors, settings).
- **derived** (`DerivedTable`): rebuilt on every replica from synced rows (`ticket_reporter`).

A ticket travels as its insert row (id, number, office, created at/by) plus its timeline entries;
its other columns are a cache folded from the entries and `row_no` is local. `tests/sync/test_tables.py`
fails on a table or column of the metadata the registry does not classify, and on a registry entry
naming a column that does not exist; `tests/capture_check.py` puts triggers on every synced column.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from sqlalchemy import MetaData

from citydesk.domain.permissions import Action
from citydesk.domain.timeline import EntryKind


class Merge(StrEnum):
    """How the rows of a synced table merge on a replica and on the server."""

    TIMELINE = "timeline"  # insert once, append-only; only a redaction entry blanks an entry's body
    TICKET = "ticket"  # the insert row, inserted once; everything else is folded from its entries
    APPEND = "append"  # insert once, never changed (counted contacts)
    LWW = "lww"  # last writer wins per field, the clock of each field in `field_clock`
    REFERENCE = "reference"  # LWW rows owned by the server once the PC is enrolled (read-only locally)
    CLOCK = "clock"  # `field_clock`: travels inside each LWW change of the row it times, highest wins


class ColumnKind(StrEnum):
    """What a column is, for sync."""

    KEY = "key"
    INSERT_ONLY = "insert-only"
    FIELD = "field"  # synced, may change after the insert (LWW, per-field clock)
    DERIVED = "derived"
    LOCAL = "device-local"


@dataclass(frozen=True, slots=True)
class SyncedTable:
    """A table whose rows travel between replicas.

    `key` names the row (joined with ":" into the outbox and `field_clock` row id when it has two
    columns); `insert_only` columns are written once with the row; `fields` merge after it, each with
    its clock; `redactable` insert-only columns may be blanked by a redaction entry and nothing else;
    `derived` and `local` columns never travel. `action` guards a change (`field_actions` overrides it
    per field; timeline entries use `entry_action`).
    """

    name: str
    merge: Merge
    key: tuple[str, ...]
    insert_only: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    redactable: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()
    local: tuple[str, ...] = ()
    action: Action | None = None
    field_actions: tuple[tuple[str, Action], ...] = ()

    @property
    def synced_columns(self) -> tuple[str, ...]:
        """Every column that travels: key, insert-only columns and fields."""
        return self.key + self.insert_only + self.fields

    def column_kind(self, column: str) -> ColumnKind | None:
        """What `column` is in this table (None if the registry does not name it)."""
        for kind, names in (
            (ColumnKind.KEY, self.key),
            (ColumnKind.INSERT_ONLY, self.insert_only),
            (ColumnKind.FIELD, self.fields),
            (ColumnKind.DERIVED, self.derived),
            (ColumnKind.LOCAL, self.local),
        ):
            if column in names:
                return kind
        return None

    def row_id(self, row: Mapping[str, Any]) -> str:
        """The row's id as the outbox and `field_clock` write it ("es:heading" for a two-column key)."""
        return ":".join(str(row[name]) for name in self.key)

    def action_for(self, field: str | None = None) -> Action | None:
        """The permission guarding a change of `field` (or of the row, for an insert)."""
        return dict(self.field_actions).get(field or "", self.action)


@dataclass(frozen=True, slots=True)
class LocalTable:
    """A device-local table: never pushed, never pulled."""

    name: str
    why: str


@dataclass(frozen=True, slots=True)
class DerivedTable:
    """A table rebuilt on every replica from synced rows (never pushed)."""

    name: str
    source: str


_REFERENCE = Merge.REFERENCE

TICKET_INSERT_ROW = ("number", "office_id", "created_at", "created_by")

_CATEGORY_FIELDS = (
    "name", "department_id", "default_priority", "target_business_days", "keywords",
    "caller_script", "intake_questions", "is_public", "active",
)  # fmt: skip

_USER_FIELDS = (
    "username", "display_name", "role", "department_id", "office_id", "email", "password_hash",
    "active",
)  # fmt: skip

_REQUESTER_FIELDS = (
    "kind", "name", "phone", "email", "address", "department_id", "preferred_language",
    "reply_method", "anonymous", "confidential", "merged_into",
)  # fmt: skip

_TICKET_CACHE = (
    "title", "description", "status", "priority", "channel", "category_id", "department_id",
    "location_text", "address_id", "latitude", "longitude", "ward", "assignee_id",
    "escalation_level", "due_override", "priority_rank", "is_open", "due_at", "updated_at",
    "first_response_at", "resolved_at", "resolved_by", "closed_at", "reopen_count",
    "first_contact_resolution", "time_spent_minutes", "visit_at", "visit_place", "reporter_count",
    "requester_name", "resolution_reason", "resolution_ref",
)  # fmt: skip

_ENTRY_COLUMNS = (
    "ticket_id", "kind", "field", "value", "detail", "body", "public", "author_id", "office_id",
    "device_id", "hlc", "base_entry_id", "at",
)  # fmt: skip

_CONTACT_COLUMNS = (
    "kind", "channel", "category_id", "ticket_id", "summary", "author_id", "office_id", "device_id",
    "hlc", "at",
)  # fmt: skip

SYNCED_TABLES: tuple[SyncedTable, ...] = (
    # ---- reference rows: admin-only, owned by the server once the PC is enrolled
    SyncedTable(
        "office", _REFERENCE, ("id",), fields=("code", "name", "active"), action=Action.MANAGE_REFERENCE
    ),
    SyncedTable(
        "device",
        _REFERENCE,
        ("id",),
        insert_only=("office_id", "created_at"),
        fields=("name", "number", "tag", "revoked"),
        action=Action.MANAGE_DEVICES,
    ),
    SyncedTable(
        "department", _REFERENCE, ("id",), fields=("code", "name", "active"), action=Action.MANAGE_REFERENCE
    ),
    SyncedTable(
        "category",
        _REFERENCE,
        ("id",),
        fields=_CATEGORY_FIELDS,
        action=Action.MANAGE_REFERENCE,
    ),
    SyncedTable(
        "app_user",
        _REFERENCE,
        ("id",),
        fields=_USER_FIELDS,
        action=Action.MANAGE_USERS,
    ),
    SyncedTable("city_setting", _REFERENCE, ("key",), fields=("value",), action=Action.MANAGE_REFERENCE),
    # ---- rows without a timeline: last writer wins per field
    SyncedTable(
        "requester",
        Merge.LWW,
        ("id",),
        insert_only=("office_id", "created_at"),
        fields=_REQUESTER_FIELDS,
        derived=("phone_digits", "name_key", "updated_at"),
        action=Action.EDIT_REQUESTER,
        field_actions=(("merged_into", Action.MERGE_REQUESTERS),),
    ),
    SyncedTable(
        "address",
        Merge.LWW,
        ("id",),
        insert_only=("created_at",),
        fields=("text", "external_id", "ward", "latitude", "longitude", "aliases", "active"),
        derived=("street_key", "block", "search_key", "updated_at"),
        action=Action.IMPORT_DATA,
    ),
    SyncedTable(
        "receipt_text",
        Merge.LWW,
        ("language", "key"),
        fields=("value",),
        derived=("updated_at",),
        action=Action.MANAGE_REFERENCE,
    ),
    SyncedTable(
        "field_clock",
        Merge.CLOCK,
        ("table_name", "row_id", "field"),
        fields=("hlc", "device_id", "author_id", "change_id"),
    ),
    # ---- tickets: the insert row plus append-only entries
    SyncedTable(
        "ticket",
        Merge.TICKET,
        ("id",),
        insert_only=TICKET_INSERT_ROW,
        derived=_TICKET_CACHE,
        local=("row_no",),
        action=Action.CREATE_TICKET,
    ),
    SyncedTable(
        "timeline_entry",
        Merge.TIMELINE,
        ("id",),
        insert_only=_ENTRY_COLUMNS,
        redactable=("body",),
        derived=("redacted_by",),  # set from the redaction entry when it is applied
    ),
    SyncedTable(
        "contact_log",
        Merge.APPEND,
        ("id",),
        insert_only=_CONTACT_COLUMNS,
        action=Action.LOG_CONTACT,
    ),
)

LOCAL_TABLES: tuple[LocalTable, ...] = (
    LocalTable("sync_state", "this database's identity, counters, server and cursor"),
    LocalTable("number_counter", "the next ticket number of each prefix this PC hands out"),
    LocalTable("outbox", "references to local changes not pushed yet"),
    LocalTable("sent_journal", "changes the server acknowledged, kept for a re-push after a server restore"),
    LocalTable("rejected_change", "local changes the server refused, shown where they were made"),
    LocalTable("deferred_change", "pulled changes this version cannot apply yet"),
    LocalTable("local_setting", "this PC's preferences and schedules"),
    LocalTable("sync_lease", "the one-sync-at-a-time lease of this database"),
)

DERIVED_TABLES: tuple[DerivedTable, ...] = (
    DerivedTable(
        "ticket_reporter", "materialized from `created`, `reporter_added` and `reporter_merged` entries"
    ),
)

SYNCED: Mapping[str, SyncedTable] = MappingProxyType({t.name: t for t in SYNCED_TABLES})
LOCAL: Mapping[str, LocalTable] = MappingProxyType({t.name: t for t in LOCAL_TABLES})
DERIVED: Mapping[str, DerivedTable] = MappingProxyType({t.name: t for t in DERIVED_TABLES})

# The base permission of each entry kind; `entry_action` refines status and assignment entries.
ENTRY_ACTIONS: Mapping[EntryKind, Action] = MappingProxyType(
    {
        EntryKind.CREATED: Action.CREATE_TICKET,
        EntryKind.NOTE: Action.ADD_NOTE,
        EntryKind.CALL: Action.LOG_CALL,
        EntryKind.STATUS: Action.CHANGE_STATUS,
        EntryKind.PRIORITY: Action.CHANGE_PRIORITY,
        EntryKind.ASSIGNMENT: Action.ASSIGN_OTHERS,
        EntryKind.EDIT: Action.EDIT_TICKET,
        EntryKind.ESCALATION: Action.ESCALATE,
        EntryKind.TIME_SPENT: Action.RECORD_TIME,
        EntryKind.APPOINTMENT: Action.SCHEDULE_VISIT,
        EntryKind.REPORTER_ADDED: Action.ADD_REPORTER,
        EntryKind.RESOLUTION: Action.RESOLVE,
        EntryKind.REOPEN: Action.REOPEN,
        EntryKind.REDACTION: Action.REDACT_NOTE,
        EntryKind.REPORTER_MERGED: Action.MERGE_REQUESTERS,
    }
)


def entry_action(kind: EntryKind, *, field: str | None, value: Any, author_id: str) -> Action:
    """The permission a timeline entry needs, as the services decide it (status "closed" is Close;
    an assignment routes a department, takes the ticket for its author, or assigns someone else)."""
    if kind is EntryKind.STATUS and value == "closed":
        return Action.CLOSE
    if kind is EntryKind.ASSIGNMENT:
        if field == "department_id":
            return Action.ROUTE_DEPARTMENT
        return Action.TAKE_TICKET if value == author_id else Action.ASSIGN_OTHERS
    if field == "due_override":
        return Action.OVERRIDE_TARGET
    return ENTRY_ACTIONS[kind]


def table_kind(name: str) -> str | None:
    """The kind of a table the registry names ("synced", "device-local", "derived"), else None."""
    if name in SYNCED:
        return "synced"
    if name in LOCAL:
        return "device-local"
    if name in DERIVED:
        return "derived"
    return None


def registry_problems(metadata: MetaData) -> list[str]:
    """What the registry and the metadata disagree on: unclassified tables and columns, columns named
    twice, entries naming a table or column that does not exist. Empty when they agree."""
    problems: list[str] = []
    tables = metadata.tables
    named = [*SYNCED, *LOCAL, *DERIVED]
    problems += [f"table {n} is classified twice" for n in sorted({n for n in named if named.count(n) > 1})]
    problems += [f"table {n} is not classified (sync/tables.py)" for n in sorted(set(tables) - set(named))]
    problems += [f"the registry names table {n}, which does not exist" for n in sorted({*named} - {*tables})]
    for table in SYNCED_TABLES:
        if table.name not in tables:
            continue
        columns = {c.name for c in tables[table.name].columns}
        listed = [*table.synced_columns, *table.derived, *table.local]
        problems += _twice(table.name, listed)
        for name in sorted(set(listed) - columns):
            problems.append(f"the registry names column {table.name}.{name}, which does not exist")
        for name in sorted(columns - set(listed)):
            problems.append(f"column {table.name}.{name} is not classified (sync/tables.py)")
        for name in table.redactable:
            if name not in table.insert_only:
                problems.append(f"{table.name}.{name} is redactable but not insert-only")
        for name, _action in table.field_actions:
            if name not in table.fields:
                problems.append(f"{table.name}.{name} has an action but is not a synced field")
    return problems


def _twice(table: str, names: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name in seen:
            out.append(f"column {table}.{name} is classified twice")
        seen.add(name)
    return out
