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
    """The clock of one last-writer-wins field: highest (hlc, device_id) wins."""

    hlc: int
    device_id: str
    author_id: str | None
    change_id: str | None

    def key(self) -> tuple[int, str]:
        """The order of clocks: HLC, then device id."""
        return (self.hlc, self.device_id)

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
            hlc=_int(raw.get("hlc"), f"{where}.hlc"),
            device_id=_str(raw.get("device_id"), f"{where}.device_id"),
            author_id=_opt_str(raw.get("author_id"), f"{where}.author_id"),
            change_id=_opt_str(raw.get("change_id"), f"{where}.change_id"),
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
        op_text = _str(raw.get("op"), f"{where}.op")
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
            change_id=_str(raw.get("change_id"), f"{where}.change_id", max_len=36),
            table=_str(raw.get("table"), f"{where}.table", max_len=40),
            op=op,
            row_id=_str(raw.get("row_id"), f"{where}.row_id", max_len=60),
            hlc=_int(raw.get("hlc"), f"{where}.hlc"),
            device_id=_str(raw.get("device_id"), f"{where}.device_id", max_len=36),
            author_id=_str(raw.get("author_id"), f"{where}.author_id", max_len=36),
            data=data,
            fields=tuple(fields_raw),
            clocks={k: FieldClock.from_json(v, f"{where}.clocks.{k}") for k, v in clocks_raw.items()},
            seq=None if seq is None else _int(seq, f"{where}.seq"),
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


# ---- requests and replies ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PushRequest:
    """`POST /v1/sync/push`: one batch of a device's changes, its sequence range and the epoch it
    was built for. `seq_first` is the device's last acknowledged sequence + 1 (a range may hold holes
    left by rejected changes); relayed changes of other devices (after a server restore) carry no seq
    and are listed in `relayed`."""

    batch_id: str
    epoch: str
    seq_first: int | None
    seq_last: int | None
    changes: tuple[Change, ...]
    relayed: tuple[Change, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The request body."""
        return {"batch_id": self.batch_id, "epoch": self.epoch, "seq_first": self.seq_first,
                "seq_last": self.seq_last, "changes": [c.to_json() for c in self.changes],
                "relayed": [c.to_json() for c in self.relayed]}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> PushRequest:
        """Parse a push body, or WireError."""
        if not isinstance(raw, dict):
            raise WireError("body", "must be an object")
        changes = raw.get("changes")
        relayed = raw.get("relayed", [])
        if not isinstance(changes, list) or not isinstance(relayed, list):
            raise WireError("changes", "must be a list")
        first, last = raw.get("seq_first"), raw.get("seq_last")
        return cls(
            batch_id=_str(raw.get("batch_id"), "batch_id", max_len=36),
            epoch=_str(raw.get("epoch"), "epoch", max_len=60),
            seq_first=None if first is None else _int(first, "seq_first"),
            seq_last=None if last is None else _int(last, "seq_last"),
            changes=tuple(Change.from_json(c, f"changes[{i}]") for i, c in enumerate(changes)),
            relayed=tuple(Change.from_json(c, f"relayed[{i}]") for i, c in enumerate(relayed)),
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """A change the server refused: why (in words), a code, and the server's current value.

    `current` is the server's version of what the change touched: for a row field, a `row` change
    carrying the field's value and clock (`fields` empty when the row is unknown there); for an entry,
    the server's copy of that entry when it has one (a rejected redaction: the target entry with its
    body); None when the server has nothing.
    """

    change_id: str
    code: str  # "author_inactive", "not_permitted", "system_author", "depends_on_rejected", ...
    reason: str
    current: Change | None = None

    def to_json(self) -> dict[str, Any]:
        """The rejection as JSON."""
        return {"change_id": self.change_id, "code": self.code, "reason": self.reason,
                "current": None if self.current is None else self.current.to_json()}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any, where: str) -> Rejection:
        """Parse a rejection, or WireError."""
        if not isinstance(raw, dict):
            raise WireError(where, "must be an object")
        current = raw.get("current")
        return cls(
            change_id=_str(raw.get("change_id"), f"{where}.change_id"),
            code=_str(raw.get("code"), f"{where}.code"),
            reason=_str(raw.get("reason"), f"{where}.reason"),
            current=None if current is None else Change.from_json(current, f"{where}.current"),
        )


@dataclass(frozen=True, slots=True)
class PushReply:
    """The reply to a push (HTTP 200): accepted and rejected change ids (a duplicate change gets its
    earlier verdict), the server's HLC, and the device's acknowledged sequence after this batch."""

    accepted: tuple[str, ...]
    rejected: tuple[Rejection, ...]
    server_hlc: int
    acked_seq: int

    def to_json(self) -> dict[str, Any]:
        """The reply body."""
        return {"accepted": list(self.accepted), "rejected": [r.to_json() for r in self.rejected],
                "server_hlc": self.server_hlc, "acked_seq": self.acked_seq}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> PushReply:
        """Parse a push reply, or WireError."""
        if not isinstance(raw, dict):
            raise WireError("body", "must be an object")
        accepted = raw.get("accepted")
        rejected = raw.get("rejected")
        if not isinstance(accepted, list) or not isinstance(rejected, list):
            raise WireError("body", "accepted and rejected must be lists")
        return cls(
            accepted=tuple(_str(a, "accepted[]") for a in accepted),
            rejected=tuple(Rejection.from_json(r, f"rejected[{i}]") for i, r in enumerate(rejected)),
            server_hlc=_int(raw.get("server_hlc"), "server_hlc"),
            acked_seq=_int(raw.get("acked_seq"), "acked_seq"),
        )


@dataclass(frozen=True, slots=True)
class Page:
    """A pull page (`GET /v1/sync/pull?cursor=&limit=`) or a snapshot page
    (`GET /v1/sync/snapshot?cursor=&after=&limit=`).

    Pull: changes after `cursor` in commit order; `next_cursor` covers them. Snapshot: rows (op row
    with every field and its clock in `clocks`, ticket inserts each followed by all its entries,
    contacts) in parent-before-child order; the first page's `start_cursor` is where pulling resumes
    after the last page; `next_after` is the position of the next page (None after the last).
    A cursor is "<epoch>:<server sequence>"; a cursor of another epoch is 410.
    """

    changes: tuple[Change, ...]
    has_more: bool
    server_hlc: int
    next_cursor: str | None = None
    start_cursor: str | None = None
    next_after: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The page as JSON."""
        return {"changes": [c.to_json() for c in self.changes], "has_more": self.has_more,
                "server_hlc": self.server_hlc, "next_cursor": self.next_cursor,
                "start_cursor": self.start_cursor, "next_after": self.next_after}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> Page:
        """Parse a page, or WireError."""
        if not isinstance(raw, dict) or not isinstance(raw.get("changes"), list):
            raise WireError("body", "must be an object with a list of changes")
        return cls(
            changes=tuple(Change.from_json(c, f"changes[{i}]") for i, c in enumerate(raw["changes"])),
            has_more=bool(raw.get("has_more")),
            server_hlc=_int(raw.get("server_hlc"), "server_hlc"),
            next_cursor=_opt_str(raw.get("next_cursor"), "next_cursor"),
            start_cursor=_opt_str(raw.get("start_cursor"), "start_cursor"),
            next_after=_opt_str(raw.get("next_after"), "next_after"),
        )


@dataclass(frozen=True, slots=True)
class OfficeSync:
    """One office's last successful sync, as hello reports it (for the weekly report's "data as of")."""

    office_id: str
    code: str
    last_sync_at: str | None


@dataclass(frozen=True, slots=True)
class Hello:
    """`GET /v1/sync/hello`: epoch, server clock, schema range, minimum client version, city
    settings and each office's last successful sync."""

    epoch: str
    server_time: str
    server_hlc: int
    schema_min: str
    schema_max: str
    min_client_version: str
    city_settings: Mapping[str, Any]
    offices: tuple[OfficeSync, ...] = ()
    protocol: int = PROTOCOL

    def to_json(self) -> dict[str, Any]:
        """The hello body."""
        return {"protocol": self.protocol, "epoch": self.epoch, "server_time": self.server_time,
                "server_hlc": self.server_hlc, "schema_min": self.schema_min,
                "schema_max": self.schema_max, "min_client_version": self.min_client_version,
                "city_settings": dict(self.city_settings),
                "offices": [{"office_id": o.office_id, "code": o.code, "last_sync_at": o.last_sync_at}
                            for o in self.offices]}  # fmt: skip

    @classmethod
    def from_json(cls, raw: Any) -> Hello:
        """Parse a hello body, or WireError."""
        if not isinstance(raw, dict):
            raise WireError("body", "must be an object")
        offices = raw.get("offices") or []
        return cls(
            epoch=_str(raw.get("epoch"), "epoch"),
            server_time=_str(raw.get("server_time"), "server_time"),
            server_hlc=_int(raw.get("server_hlc"), "server_hlc"),
            schema_min=_str(raw.get("schema_min"), "schema_min"),
            schema_max=_str(raw.get("schema_max"), "schema_max"),
            min_client_version=_str(raw.get("min_client_version"), "min_client_version"),
            city_settings=raw.get("city_settings") or {},
            offices=tuple(_office_sync(o) for o in offices if isinstance(o, dict)),
            protocol=_int(raw.get("protocol", PROTOCOL), "protocol"),
        )


def _office_sync(raw: dict[str, Any]) -> OfficeSync:
    return OfficeSync(
        _str(raw.get("office_id"), "office_id"),
        _str(raw.get("code"), "code"),
        _opt_str(raw.get("last_sync_at"), "last_sync_at"),
    )


@dataclass(frozen=True, slots=True)
class EnrolRequest:
    """`POST /v1/enrol`: a one-time code and the PC's name (no credential yet)."""

    code: str
    device_name: str


@dataclass(frozen=True, slots=True)
class Enrolment:
    """The enrolment reply: the device's id, office, number and credential (kept only in the OS
    keyring), the server's epoch and clock. The number prefix of new tickets is "<office code>-<number>"."""

    device_id: str
    office_id: str
    office_code: str
    device_number: int
    credential: str
    epoch: str
    server_hlc: int

    @property
    def number_prefix(self) -> str:
        """The ticket number prefix this device hands out."""
        return f"{self.office_code}-{self.device_number}"


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """Every error reply's body: a stable code, a sentence for people, and details."""
    return {"error": code, "message": message, **extra}


def parse_cursor(cursor: str) -> tuple[str, int]:
    """Split "<epoch>:<sequence>" (WireError when malformed)."""
    epoch, sep, seq = cursor.rpartition(":")
    if not sep or not epoch or not seq.isdigit():
        raise WireError("cursor", f"malformed cursor {cursor!r}")
    return epoch, int(seq)


def make_cursor(epoch: str, seq: int) -> str:
    """The cursor of server sequence `seq` in `epoch`."""
    return f"{epoch}:{seq}"


# ---- small parsers --------------------------------------------------------------------------------


def _str(value: Any, where: str, *, max_len: int = 200) -> str:
    if not isinstance(value, str) or not value:
        raise WireError(where, "must be non-empty text")
    if len(value) > max_len:
        raise WireError(where, f"is longer than {max_len} characters")
    return value


def _opt_str(value: Any, where: str) -> str | None:
    return None if value is None else _str(value, where)


def _int(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise WireError(where, "must be a whole number")
    return value
