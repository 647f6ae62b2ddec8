"""Applying pulled changes, part one: reading a change against this version, and last-writer-wins rows.

`prepare` decodes a change's values by the models' column types and says what this version cannot
apply (`Unfit`: unknown table, op, value; or the names of fields from a newer schema, which are left
out and parked as a copy). `apply_row` merges one `row` change field by field against `field_clock`
(`merge.wins`), inserting the row where it is missing, writing the winning values with their derived
columns in the same statement (so the search triggers see the new phone digits) and the clocks with
their author and change id. Called inside `sync.apply`'s transaction only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import SimpleNamespace
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, String, Table, Text, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from citydesk.domain.addresses import parse_street, search_key
from citydesk.domain.channels import Channel, ReplyMethod, RequesterKind
from citydesk.domain.clock import from_ms
from citydesk.domain.priorities import Priority
from citydesk.domain.roles import Role
from citydesk.domain.statuses import Status
from citydesk.domain.text import fold as fold_text
from citydesk.domain.timeline import fold, is_known_kind
from citydesk.store.models import Base
from citydesk.store.ticket_cache import to_entry
from citydesk.store.types import UTCDateTime
from citydesk.sync import hlc as hlc_mod
from citydesk.sync import merge, wire
from citydesk.sync.tables import SYNCED, Merge, SyncedTable
from citydesk.sync.wire import Change, FieldClock, Op

CLOCKS: Table = Base.metadata.tables["field_clock"]

# Known values of enumerated fields: a value outside them is from a newer version (parked).
_ENUMS: Mapping[tuple[str, str], frozenset[str]] = {
    ("requester", "kind"): frozenset(RequesterKind),
    ("requester", "reply_method"): frozenset(ReplyMethod),
    ("app_user", "role"): frozenset(Role),
    ("category", "default_priority"): frozenset(Priority),
    ("contact_log", "channel"): frozenset(Channel),
}
_ENTRY_ENUMS: Mapping[str, frozenset[str]] = {
    "status": frozenset(Status),
    "priority": frozenset(Priority),
    "channel": frozenset(Channel),
}
# City settings the business calendar reads (a change re-dates every open ticket).
CALENDAR_SETTINGS = frozenset({"time_zone", "holidays", "opens", "closes"})


class Unfit(Exception):
    """A change this version cannot apply now: the reason, and the row it waits for (if any)."""

    def __init__(self, reason: str, depends_on: str | None = None) -> None:
        """`depends_on` is "table:id" for an orphan."""
        super().__init__(reason)
        self.reason = reason
        self.depends_on = depends_on


@dataclass
class Prepared:
    """A change with its values decoded, and the data columns this version does not know."""

    change: Change
    spec: SyncedTable
    values: dict[str, Any]
    unknown: tuple[str, ...] = ()
    fields: tuple[str, ...] = field(default=())
    references: list[tuple[str, str]] | None = None  # `merge.references` of the change, once read

    def refs(self) -> list[tuple[str, str]]:
        """The rows the change needs (`merge.references`, computed once)."""
        if self.references is None:
            self.references = merge.references(self.change)
        return self.references


@cache
def _known_columns(name: str) -> frozenset[str]:
    """The synced columns of a table that this version's model has (asked once per table per process)."""
    spec = SYNCED[name]
    return frozenset(spec.synced_columns) & frozenset(Base.metadata.tables[spec.name].columns.keys())


def prepare(change: Change) -> Prepared:
    """Decode a change for this version, or Unfit saying why it cannot apply."""
    spec = SYNCED.get(change.table)
    if spec is None or spec.merge is Merge.CLOCK:
        raise Unfit(f"table {change.table!r} is from a newer version")
    expected = wire.OP_OF_MERGE[spec.merge]
    if change.op is not expected:
        raise Unfit(f"{change.table} takes op {expected.value!r}, not {change.op.value!r}")
    known = _known_columns(spec.name)
    unknown = tuple(sorted(set(change.data) - known))
    values: dict[str, Any] = {}
    try:
        for name, value in change.data.items():
            if name in known:
                values[name] = wire.decode_value(change.table, name, value, f"data.{name}")
    except wire.WireError as exc:
        raise Unfit(f"a value this version cannot read: {exc}") from None
    for name, value in values.items():
        allowed = _ENUMS.get((change.table, name))
        if allowed is not None and value is not None and value not in allowed:
            raise Unfit(f"{change.table}.{name} has the value {value!r}, which this version does not know")
    if len(spec.key) == 1 and spec.key[0] in values and str(values[spec.key[0]]) != change.row_id:
        raise Unfit(f"{change.table}.{spec.key[0]} does not match the change's row id")
    fields = tuple(f for f in change.fields if f in spec.fields and f in known)
    unknown += tuple(f for f in change.fields if f not in fields and f not in unknown)
    if change.op is Op.ROW:
        missing = [f for f in fields if f not in values]
        if missing:
            raise Unfit(f"the change sets {missing[0]!r} but carries no value for it")
    else:
        missing = [c for c in spec.synced_columns if c in known and c not in values]
        if missing:
            raise Unfit(f"the change has no {missing[0]!r}")
        if change.change_id != change.row_id:
            raise Unfit("an entry or insert must be named by its row id")
    if change.op is Op.ENTRY:
        _check_entry(values)
    return Prepared(change, spec, values, unknown, fields)


def _check_entry(values: Mapping[str, Any]) -> None:
    """Unfit for an entry setting a known field to a value this version does not know, or one the fold
    cannot read (it is folded alone here, so a malformed entry never breaks its ticket's fold)."""
    if not is_known_kind(str(values.get("kind"))):
        return  # stored, skipped by the fold
    for name in ("detail",):
        if values.get(name) is not None and not isinstance(values[name], dict):
            raise Unfit(f"the entry's {name} must be an object")
    candidates: dict[str, Any] = {}
    if values.get("kind") == "created" and isinstance(values.get("value"), dict):
        candidates = dict(values["value"])
    elif isinstance(values.get("field"), str):
        candidates = {values["field"]: values.get("value")}
    for name, value in candidates.items():
        allowed = _ENTRY_ENUMS.get(name)
        if allowed is not None and value is not None and value not in allowed:
            raise Unfit(f"an entry sets {name} to {value!r}, which this version does not know")
    try:
        fold([to_entry(SimpleNamespace(**{"detail": None, **values}))])
    except Exception as exc:
        raise Unfit(f"an entry this version cannot fold: {exc!r}") from None


def missing_reference(
    change: Change, present: Mapping[str, set[str]], references: list[tuple[str, str]] | None = None
) -> str | None:
    """The first row ("table:id") the change needs that this replica does not have, else None
    (`references`: the change's `merge.references` when already known)."""
    for table, row_id in merge.references(change) if references is None else references:
        if row_id not in present.get(table, ()):
            return f"{table}:{row_id}"
    return None


def wall_time(hlc: int) -> Any:
    """The wall-clock time of an HLC stamp (derived `updated_at` columns)."""
    return from_ms(hlc_mod.wall_ms(hlc))


def _default(table: Table, name: str, hlc: int) -> Any:
    """A value for a NOT NULL column a row change does not carry (the row is created before all its
    fields arrived): the model's default, else an empty value of the column's type."""
    column = table.columns[name]
    if column.nullable or column.primary_key:
        return None
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return default.arg  # type: ignore[attr-defined]
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return wall_time(hlc)
    if isinstance(kind, JSON):
        return []
    if isinstance(kind, Boolean):
        return False
    if isinstance(kind, Integer | Float):
        return 0
    if isinstance(kind, String | Text):
        return ""
    return None


@dataclass
class RowEffects:
    """What one row change did: the winning fields (empty when it lost or changed nothing)."""

    table: str
    row_id: str
    won: tuple[str, ...]
    inserted: bool


def load_clocks(session: Session, table: str, row_id: str) -> dict[str, FieldClock]:
    """The field clocks of one row."""
    rows = session.execute(
        select(CLOCKS).where(CLOCKS.c.table_name == table, CLOCKS.c.row_id == row_id)
    ).all()
    return {r.field: FieldClock(r.hlc, r.device_id, r.author_id, r.change_id) for r in rows}


def _key_values(spec: SyncedTable, prepared: Prepared) -> dict[str, Any]:
    if len(spec.key) == 1:
        return {spec.key[0]: prepared.values.get(spec.key[0], prepared.change.row_id)}
    parts = prepared.change.row_id.split(":", len(spec.key) - 1)
    return {name: prepared.values.get(name, part) for name, part in zip(spec.key, parts, strict=False)}


def apply_row(session: Session, prepared: Prepared, *, exists: bool) -> RowEffects:
    """Merge one `row` change: insert the row if missing, set the fields whose clock wins, write
    their clocks and derived columns."""
    spec, change = prepared.spec, prepared.change
    table = Base.metadata.tables[spec.name]
    old = load_clocks(session, spec.name, change.row_id) if exists else {}
    won = tuple(f for f in prepared.fields if merge.wins(change.clock_of(f), old.get(f)))
    key = _key_values(spec, prepared)
    if not exists:
        row: dict[str, Any] = dict(key)
        for name in spec.insert_only + spec.fields:
            if name in table.columns:
                row[name] = _default(table, name, change.hlc)
        row.update({n: prepared.values[n] for n in spec.insert_only if n in prepared.values})
        row.update({f: prepared.values[f] for f in won})
        row.update(derived(session, spec, row, row, change.hlc))
        session.execute(table.insert().values(**row))
    else:
        condition = [table.c[n] == v for n, v in key.items()]
        values = {f: prepared.values[f] for f in won}
        values.update(_earlier_insert_values(session, spec, table, condition, prepared.values))
        if won:
            values.update(derived(session, spec, values, None, change.hlc, key=key))
        if values:
            session.execute(update(table).where(*condition).values(**values))
    if won:
        clocks = []
        for name in won:
            clock = change.clock_of(name)
            clocks.append(
                {
                    "table_name": spec.name,
                    "row_id": change.row_id,
                    "field": name,
                    "hlc": clock.hlc,
                    "device_id": clock.device_id,
                    "author_id": clock.author_id,
                    "change_id": clock.change_id,
                }
            )
        stmt = sqlite_insert(CLOCKS)
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["table_name", "row_id", "field"],
                set_={n: stmt.excluded[n] for n in ("hlc", "device_id", "author_id", "change_id")},
            ),
            clocks,
        )
    return RowEffects(spec.name, change.row_id, won, not exists)


def _earlier_insert_values(
    session: Session, spec: SyncedTable, table: Table, condition: list[Any], values: Mapping[str, Any]
) -> dict[str, Any]:
    """Insert-only columns of an existing row that another replica inserted too (two offices importing
    the same address list make the same id): each keeps the earlier of the two values
    (`merge.first_value`), so every replica ends with the same row whatever the order of arrival."""
    names = [n for n in spec.insert_only if n in values and values[n] is not None]
    if not names:
        return {}
    found = session.execute(select(*[table.c[n] for n in names]).where(*condition)).one_or_none()
    if found is None:
        return {}
    out = {}
    for name, current in zip(names, found, strict=True):
        chosen = merge.first_value(
            wire.encode_value(spec.name, name, current), wire.encode_value(spec.name, name, values[name])
        )
        if chosen != wire.encode_value(spec.name, name, current):
            out[name] = values[name]
    return out


def derived(
    session: Session,
    spec: SyncedTable,
    values: Mapping[str, Any],
    row: Mapping[str, Any] | None,
    hlc: int,
    *,
    key: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The derived columns to write with `values` (requester phone digits and name key, address street
    key, block and search key, `updated_at`); `row` is the whole row when known (an insert)."""
    out: dict[str, Any] = {}
    if "updated_at" in spec.derived:
        out["updated_at"] = wall_time(hlc)
    if spec.name == "requester":
        if "phone" in values:
            out["phone_digits"] = re.sub(r"\D", "", values["phone"]) if values["phone"] else None
        if "name" in values:
            out["name_key"] = fold_text(values["name"])
    elif spec.name == "address" and ("text" in values or "aliases" in values):
        current = row
        if current is None:
            assert key is not None
            table = Base.metadata.tables["address"]
            found = session.execute(
                select(table.c.text, table.c.aliases).where(table.c.id == key["id"])
            ).one_or_none()
            current = dict(found._mapping) if found is not None else {}
        text_now = values.get("text", current.get("text")) or ""
        aliases = values.get("aliases", current.get("aliases")) or []
        parts = parse_street(text_now)
        out.update(street_key=parts.street_key, block=parts.block, search_key=search_key(text_now, aliases))
    return out
