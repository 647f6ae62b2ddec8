"""The sync wire format shared by the client and the server: changes, batches, pages, errors.

A **change** is one unit that travels (`Change`):

- `op="row"` — a last-writer-wins write to a row of a `LWW`/`REFERENCE` table (requester, address,
  receipt_text, office, department, category, app_user, device, city_setting). `data` holds the row's
  insert-only columns (so any row change can create the row where it is missing) and the values of
  `fields`, the fields this change sets. Each field's clock is the change's (hlc, device_id,
  author_id, change_id), or `clocks[field]` when given (a snapshot row carries each field's own clock).
  A change whose fields were all overwritten locally before it was pushed has `fields=()`: it still
  travels, so every change id is accounted for, and it sets nothing.
- `op="insert"` — a row written once and never changed: a ticket's insert row (id, number, office,
  created at/by; its other columns are folded from entries) or a counted contact (`contact_log`).
- `op="entry"` — one timeline entry (all its columns; a snapshot sends the body already redacted).

Entries, ticket inserts and contact inserts are named by their row's id (`change_id == row_id`); row
changes have their own UUIDv7. Values are JSON: datetimes as ISO 8601 strings with an offset, JSON
columns as they are. `decode_value`/`encode_value` convert by the column's type in the models.

Every function here is pure; nothing imports FastAPI or Qt.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Integer, String, Text
from sqlalchemy import Column as SAColumn

from citydesk.domain.errors import CitydeskError
from citydesk.store.models import Base
from citydesk.store.types import UTCDateTime
from citydesk.sync.tables import SYNCED, Merge

PROTOCOL = 1
MAX_BATCH = 1000  # changes per push; more is 413
MAX_PAGE = 1000  # changes per pull or snapshot page
MAX_FUTURE_MS = 5 * 60 * 1000  # a batch stamped further ahead of the server's clock is 409
# The device id of the changes the server's admin commands write (the clock tie-break of their fields);
# only those may come back relayed with the system user as author, after a server restore.
SERVER_DEVICE_ID = "00000000-0000-7000-8000-000000000002"
VERSION_HEADER = "X-Citydesk-Version"  # the client's package version (426 when below the minimum)
SCHEMA_HEADER = "X-Citydesk-Schema"  # the client's local schema revision ("0004")


class Op(StrEnum):
    """What a change does (see the module docstring)."""

    ROW = "row"
    INSERT = "insert"
    ENTRY = "entry"


# Which op each table's merge takes.
OP_OF_MERGE: Mapping[Merge, Op] = {
    Merge.LWW: Op.ROW,
    Merge.REFERENCE: Op.ROW,
    Merge.TICKET: Op.INSERT,
    Merge.APPEND: Op.INSERT,
    Merge.TIMELINE: Op.ENTRY,
}


class WireError(CitydeskError):
    """A payload that does not follow the wire format: names the place and what is wrong."""

    def __init__(self, where: str, message: str) -> None:
        """`where` is a path such as "changes[3].data.created_at"."""
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True, slots=True)
class FieldClock:
    """The clock of one last-writer-wins field: highest (hlc, device_id, change_id) wins."""

    hlc: int
    device_id: str
    author_id: str | None
    change_id: str | None

    def key(self) -> tuple[int, str, str]:
        """The order of clocks: HLC, then device id, then change id. Two writes share (HLC, device) only
        when a copied database wrote before the server caught it: the change id still orders them the
        same way on every replica."""
        return (self.hlc, self.device_id, self.change_id or "")

    def to_json(self) -> dict[str, Any]:
        """The clock as JSON."""
        return {"hlc": self.hlc, "device_id": self.device_id, "author_id": self.author_id,
                "change_id": self.change_id}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any, where: str) -> FieldClock:
        """Parse a clock, or WireError."""
        if not isinstance(raw, dict):
            raise WireError(where, "must be an object")
        return cls(
            hlc=parse_int(raw.get("hlc"), f"{where}.hlc"),
            device_id=parse_text(raw.get("device_id"), f"{where}.device_id"),
            author_id=parse_optional_text(raw.get("author_id"), f"{where}.author_id"),
            change_id=parse_optional_text(raw.get("change_id"), f"{where}.change_id"),
        )


@dataclass(frozen=True, slots=True)
class Change:
    """One change on the wire (see the module docstring). `seq` is the device sequence on push."""

    change_id: str
    table: str
    op: Op
    row_id: str
    hlc: int
    device_id: str
    author_id: str
    data: Mapping[str, Any]
    fields: tuple[str, ...] = ()
    clocks: Mapping[str, FieldClock] = field(default_factory=dict)
    seq: int | None = None

    def clock_of(self, name: str) -> FieldClock:
        """The clock of field `name` as this change sets it."""
        given = self.clocks.get(name)
        if given is not None:
            return given
        return FieldClock(self.hlc, self.device_id, self.author_id, self.change_id)

    def to_json(self) -> dict[str, Any]:
        """The change as JSON (fields, clocks and seq only when set)."""
        out: dict[str, Any] = {
            "change_id": self.change_id,
            "table": self.table,
            "op": self.op.value,
            "row_id": self.row_id,
            "hlc": self.hlc,
            "device_id": self.device_id,
            "author_id": self.author_id,
            "data": dict(self.data),
        }
        if self.op is Op.ROW:
            out["fields"] = list(self.fields)
        if self.clocks:
            out["clocks"] = {k: v.to_json() for k, v in self.clocks.items()}
        if self.seq is not None:
            out["seq"] = self.seq
        return out

    @classmethod
    def from_json(cls, raw: Any, where: str = "change") -> Change:
        """Parse a change's envelope (not its values: `check_change` does that), or WireError.

        A table this version does not know parses (the client parks it); the server refuses it.
        """
        if not isinstance(raw, dict):
            raise WireError(where, "must be an object")
        op_text = parse_text(raw.get("op"), f"{where}.op")
        try:
            op = Op(op_text)
        except ValueError:
            raise WireError(f"{where}.op", f"unknown op {op_text!r}") from None
        data = raw.get("data")
        if not isinstance(data, dict):
            raise WireError(f"{where}.data", "must be an object")
        fields_raw = raw.get("fields", [])
        if not isinstance(fields_raw, list) or not all(isinstance(f, str) for f in fields_raw):
            raise WireError(f"{where}.fields", "must be a list of field names")
        clocks_raw = raw.get("clocks", {})
        if not isinstance(clocks_raw, dict):
            raise WireError(f"{where}.clocks", "must be an object")
        seq = raw.get("seq")
        return cls(
            change_id=parse_text(raw.get("change_id"), f"{where}.change_id", max_len=36),
            table=parse_text(raw.get("table"), f"{where}.table", max_len=40),
            op=op,
            row_id=parse_text(raw.get("row_id"), f"{where}.row_id", max_len=60),
            hlc=parse_int(raw.get("hlc"), f"{where}.hlc"),
            device_id=parse_text(raw.get("device_id"), f"{where}.device_id", max_len=36),
            author_id=parse_text(raw.get("author_id"), f"{where}.author_id", max_len=36),
            data=data,
            fields=tuple(fields_raw),
            clocks={k: FieldClock.from_json(v, f"{where}.clocks.{k}") for k, v in clocks_raw.items()},
            seq=None if seq is None else parse_int(seq, f"{where}.seq"),
        )


# ---- values ---------------------------------------------------------------------------------------


@functools.cache
def column(table: str, name: str) -> SAColumn[Any] | None:
    """The models' column `table.name`, or None when this version does not have it (memoized: the
    server checks every value of every pushed change)."""
    t = Base.metadata.tables.get(table)
    return None if t is None or name not in t.columns else t.columns[name]


def encode_value(table: str, name: str, value: Any) -> Any:
    """A column value as JSON (datetimes as ISO 8601 with offset)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    return value


def decode_value(table: str, name: str, value: Any, where: str) -> Any:
    """A JSON value as the column's Python value, checking its type; WireError when it does not fit.

    A column this version does not know is returned as it came (the caller decides to park it).
    """
    col = column(table, name)
    if col is None or value is None:
        if value is None and col is not None and not col.nullable and not col.primary_key:
            raise WireError(where, "must not be null")
        return value
    kind = col.type
    if isinstance(kind, UTCDateTime):
        if not isinstance(value, str):
            raise WireError(where, "must be an ISO 8601 date and time")
        try:
            stamp = datetime.fromisoformat(value)
        except ValueError:
            raise WireError(where, f"is not an ISO 8601 date and time: {value!r}") from None
        if stamp.tzinfo is None:
            raise WireError(where, "must carry a UTC offset")
        return stamp.astimezone(UTC)
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise WireError(where, "must be true or false")
        return value
    if isinstance(kind, Integer):  # BigInteger included
        if isinstance(value, bool) or not isinstance(value, int):
            raise WireError(where, "must be a whole number")
        return value
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise WireError(where, "must be a number")
        return float(value)
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            raise WireError(where, "must be text")
        length = getattr(kind, "length", None)
        if length is not None and len(value) > length:
            raise WireError(where, f"is longer than {length} characters")
        return value
    if isinstance(kind, JSON):
        return value
    return value


def encode_row(table: str, row: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """The named columns of a row as JSON values."""
    return {name: encode_value(table, name, row[name]) for name in names}


def check_change(change: Change, where: str = "change") -> None:
    """WireError unless the change fits this version's registry: known table, the op its merge takes,
    only synced columns in `data`, `fields` among the table's fields, values of the right types, the
    key matching `row_id`, and a self-named change id for entries and inserts."""
    table = SYNCED.get(change.table)
    if table is None or table.merge is Merge.CLOCK:
        raise WireError(f"{where}.table", f"unknown table {change.table!r}")
    expected = OP_OF_MERGE[table.merge]
    if change.op is not expected:
        raise WireError(f"{where}.op", f"{change.table} takes op {expected.value!r}, not {change.op.value!r}")
    allowed = set(table.synced_columns)
    unknown = sorted(set(change.data) - allowed)
    if unknown:
        raise WireError(f"{where}.data.{unknown[0]}", f"{change.table} has no synced column {unknown[0]!r}")
    bad_fields = [f for f in change.fields if f not in table.fields]
    if bad_fields:
        raise WireError(f"{where}.fields", f"{change.table} has no field {bad_fields[0]!r}")
    if change.op is Op.ROW:
        missing = [f for f in change.fields if f not in change.data]
        if missing:
            raise WireError(f"{where}.data.{missing[0]}", "a field the change sets has no value")
    else:
        if change.fields:
            raise WireError(f"{where}.fields", f"op {change.op.value!r} sets no fields")
        missing = [c for c in table.synced_columns if c not in change.data]
        if missing:
            raise WireError(f"{where}.data.{missing[0]}", "missing")
        if change.change_id != change.row_id:
            raise WireError(f"{where}.change_id", "an entry or insert is named by its row id")
    for name in table.key:
        if name in change.data and len(table.key) == 1 and str(change.data[name]) != change.row_id:
            raise WireError(f"{where}.data.{name}", "does not match row_id")
    for name, value in change.data.items():
        decode_value(change.table, name, value, f"{where}.data.{name}")
    if change.hlc <= 0 or change.hlc >= 1 << 63:
        raise WireError(f"{where}.hlc", "must be a positive 64-bit stamp")


# ---- small parsers (shared with `sync.messages`) -------------------------------------------------


def parse_text(value: Any, where: str, *, max_len: int = 200) -> str:
    """Non-empty text of at most `max_len` characters, or WireError naming `where`."""
    if not isinstance(value, str) or not value:
        raise WireError(where, "must be non-empty text")
    if len(value) > max_len:
        raise WireError(where, f"is longer than {max_len} characters")
    return value


def parse_optional_text(value: Any, where: str) -> str | None:
    """None, or `parse_text`."""
    return None if value is None else parse_text(value, where)


def parse_int(value: Any, where: str) -> int:
    """A whole number (not a bool), or WireError naming `where`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise WireError(where, "must be a whole number")
    return value
