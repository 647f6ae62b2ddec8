"""The merged state of every synced row on the server (`row_state`), loaded and written in bulk.

A `Row` holds the row's JSON values (as they travel), each last-writer-wins field's clock, and the
envelope (hlc, device, author, change id) of the insert or entry that carried it. `RowCache` loads the
rows a batch touches in a few queries, merges changes into them (`merge`, with `sync.merge.wins`) and
writes what changed in one pass. `row_change` turns a row back into a wire change (snapshots and the
`current` value of a refusal).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, insert, select, update
from sqlalchemy.orm import Session

from citydesk.server.models import RowState, core_table
from citydesk.sync import merge
from citydesk.sync.tables import SYNCED
from citydesk.sync.wire import OP_OF_MERGE, Change, FieldClock, Op

CHUNK = 500  # ids per IN list


@dataclass
class Row:
    """One synced row as the server holds it (see the module docstring)."""

    table: str
    row_id: str
    data: dict[str, Any]
    clocks: dict[str, Any] | None
    hlc: int
    device_id: str
    author_id: str
    change_id: str
    parent_id: str | None = None
    ref_id: str | None = None
    new: bool = False
    dirty: bool = False

    def clock(self, name: str) -> FieldClock | None:
        """The clock of field `name` (None when the field was never set)."""
        raw = (self.clocks or {}).get(name)
        return None if raw is None else FieldClock.from_json(raw, f"{self.table}.{name}")

    def values(self) -> dict[str, Any]:
        """The columns of `row_state` for this row."""
        return {
            "table_name": self.table,
            "row_id": self.row_id,
            "parent_id": self.parent_id,
            "ref_id": self.ref_id,
            "data": self.data,
            "clocks": self.clocks,
            "hlc": self.hlc,
            "device_id": self.device_id,
            "author_id": self.author_id,
            "change_id": self.change_id,
        }


def insert_many(session: Session, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert many rows of a server table at once (inside the caller's transaction).

    SQLite runs one prepared statement per row (`executemany`), which is fast there. psycopg 3 would
    send one statement per row too (in its pipeline), four times slower than SQLite for a push, so on
    PostgreSQL the rows go in one `COPY ... FROM STDIN`, each value through its column type's bind
    processing first (JSON serialised, datetimes in UTC). Columns a row leaves out take their default
    (the change log's sequence numbers, in row order).
    """
    if not rows:
        return
    target = core_table(table)
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(target), list(rows))
        return
    connection = session.connection()
    dialect = connection.dialect
    names = [c.name for c in target.columns if c.name in rows[0]]
    processors = [target.columns[n].type._cached_bind_processor(dialect) for n in names]
    columns = ", ".join(dialect.identifier_preparer.quote(n) for n in names)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(f"COPY {dialect.identifier_preparer.quote(table)} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [
                        value if proc is None else proc(value)
                        for value, proc in zip(map(row.get, names), processors, strict=True)
                    ]
                )
    finally:
        cursor.close()


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    """`items` in slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def from_record(rec: Any) -> Row:
    """A `Row` from a selected `row_state` record."""
    return Row(
        table=rec.table_name,
        row_id=rec.row_id,
        data=dict(rec.data),
        clocks=rec.clocks and dict(rec.clocks),
        hlc=rec.hlc,
        device_id=rec.device_id,
        author_id=rec.author_id,
        change_id=rec.change_id,
        parent_id=rec.parent_id,
        ref_id=rec.ref_id,
    )


class RowCache:
    """The rows one transaction reads and writes, loaded in bulk and written once by `flush`."""

    def __init__(self, session: Session) -> None:
        """Start empty on `session`'s transaction."""
        self.session = session
        self.rows: dict[tuple[str, str], Row | None] = {}
        self.redactions: dict[str, str] = {}  # target entry id -> redaction entry id (loaded so far)

    def load(self, keys: Iterable[tuple[str, str]]) -> None:
        """Load the rows among `keys` not loaded yet (absent rows are remembered as None)."""
        by_table: dict[str, list[str]] = {}
        for table, row_id in keys:
            if (table, row_id) not in self.rows:
                self.rows[(table, row_id)] = None
                by_table.setdefault(table, []).append(row_id)
        for table, ids in by_table.items():
            for part in chunks(ids):
                stmt = select(core_table("row_state")).where(
                    RowState.table_name == table, RowState.row_id.in_(part)
                )
                for rec in self.session.execute(stmt):
                    self.rows[(table, rec.row_id)] = from_record(rec)

    def load_redactions(self, entry_ids: Sequence[str]) -> None:
        """Remember the redaction entries already stored that blank any of `entry_ids`."""
        for part in chunks(list(entry_ids)):
            stmt = select(RowState.ref_id, RowState.row_id).where(
                RowState.table_name == "timeline_entry", RowState.ref_id.in_(part)
            )
            for target, redaction in self.session.execute(stmt):
                if target is not None:
                    self.redactions.setdefault(target, redaction)

    def get(self, table: str, row_id: str) -> Row | None:
        """The row, loading it when needed."""
        if (table, row_id) not in self.rows:
            self.load([(table, row_id)])
        return self.rows[(table, row_id)]

    def put(self, row: Row) -> None:
        """Add a new row."""
        row.new = True
        self.rows[(row.table, row.row_id)] = row

    def flush(self) -> None:
        """Insert the new rows and update the changed ones."""
        new = [r.values() for r in self.rows.values() if r is not None and r.new]
        changed = [r for r in self.rows.values() if r is not None and r.dirty and not r.new]
        insert_many(self.session, "row_state", new)
        for row in changed:
            self.session.execute(
                update(RowState)
                .where(and_(RowState.table_name == row.table, RowState.row_id == row.row_id))
                .values(
                    data=row.data,
                    clocks=row.clocks,
                    hlc=row.hlc,
                    device_id=row.device_id,
                    author_id=row.author_id,
                    change_id=row.change_id,
                )
            )
        for held in self.rows.values():
            if held is not None:
                held.new = held.dirty = False


def merge_change(cache: RowCache, change: Change) -> Row | None:
    """Merge an accepted change into the row it writes; returns the row (None: nothing to hold).

    Rows: each field the change sets replaces the held value when its clock wins; insert-only columns
    are kept from the first change that created the row. Inserts and entries are inserted once; a
    redaction blanks its target's body (now, or when the target arrives later).
    """
    row = cache.get(change.table, change.row_id)
    if change.op is Op.ROW:
        return _merge_row(cache, row, change)
    if row is not None:
        return row  # inserted once, never changed (a duplicate under another change id is ignored)
    row = Row(
        table=change.table,
        row_id=change.row_id,
        data=dict(change.data),
        clocks=None,
        hlc=change.hlc,
        device_id=change.device_id,
        author_id=change.author_id,
        change_id=change.change_id,
    )
    if change.op is Op.ENTRY:
        row.parent_id = str(change.data.get("ticket_id"))
        target = merge.redaction_target(change)
        if target is not None:
            row.ref_id = target
            cache.redactions.setdefault(target, change.row_id)
            blank_target(cache, target)
        if change.row_id in cache.redactions:
            row.data["body"] = None
    cache.put(row)
    return row


def blank_target(cache: RowCache, target: str) -> Row | None:
    """Blank the body of entry `target` when the server holds it; returns it when it changed."""
    entry = cache.get("timeline_entry", target)
    if entry is None or entry.data.get("body") is None:
        return None
    entry.data["body"] = None
    entry.dirty = True
    return entry


def _merge_row(cache: RowCache, row: Row | None, change: Change) -> Row | None:
    table = SYNCED[change.table]
    if row is None:
        if not change.fields:
            return None  # a change that sets nothing creates nothing
        data = {k: v for k, v in change.data.items() if k not in table.fields}
        row = Row(
            table=change.table,
            row_id=change.row_id,
            data=data,
            clocks={},
            hlc=0,
            device_id=change.device_id,
            author_id=change.author_id,
            change_id=change.change_id,
        )
        cache.put(row)
    else:
        for name, value in change.data.items():
            if name in table.fields:
                continue
            # Two replicas may insert the same derived id (one address list imported on two offices):
            # every replica keeps the earlier insert-only value, whatever the order of arrival.
            chosen = merge.first_value(row.data.get(name), value)
            if name not in row.data or chosen != row.data[name]:
                row.data[name] = chosen
                row.dirty = True
    clocks = row.clocks if row.clocks is not None else {}
    for name in change.fields:
        new = change.clock_of(name)
        if merge.wins(new, row.clock(name)):
            row.data[name] = change.data[name]
            clocks[name] = new.to_json()
            row.dirty = True
    row.clocks = clocks
    _envelope_from_clocks(row)
    return row


def _envelope_from_clocks(row: Row) -> None:
    """Set the row's envelope to its newest field clock."""
    best: FieldClock | None = None
    for name in row.clocks or {}:
        clock = row.clock(name)
        if clock is not None and (best is None or clock.key() > best.key()):
            best = clock
    if best is not None:
        row.hlc, row.device_id = best.hlc, best.device_id
        row.author_id = best.author_id or row.author_id
        row.change_id = best.change_id or row.change_id


def row_change(row: Row, fields: Sequence[str] | None = None) -> Change:
    """The row as a wire change: a `row` change with every field (or `fields`) and its clock, or the
    insert or entry that carried it."""
    table = SYNCED[row.table]
    op = OP_OF_MERGE[table.merge]
    if op is not Op.ROW:
        return Change(
            change_id=row.change_id,
            table=row.table,
            op=op,
            row_id=row.row_id,
            hlc=row.hlc,
            device_id=row.device_id,
            author_id=row.author_id,
            data=dict(row.data),
        )
    wanted = table.fields if fields is None else fields
    names = tuple(n for n in wanted if n in row.data and n in (row.clocks or {}))
    data = {k: v for k, v in row.data.items() if k not in table.fields or k in names}
    clocks = {n: FieldClock.from_json(row.clocks[n], n) for n in names} if row.clocks else {}
    return Change(
        change_id=row.change_id,
        table=row.table,
        op=Op.ROW,
        row_id=row.row_id,
        hlc=row.hlc,
        device_id=row.device_id,
        author_id=row.author_id,
        data=data,
        fields=names,
        clocks=clocks,
    )
