"""What this replica sends: outbox batches, journal re-pushes and relays, built from the rows now.

Read-only. Outbox and journal rows are references (`op`, table, row id, field, HLC); the payload is
read when the batch is built:

- an entry: every entry column as stored now (a locally redacted body travels blank, with the
  redaction entry); author, device and HLC are the entry's;
- a ticket insert: its insert row (id, number, office, created at/by), authored by `created_by`;
- a counted contact: its row, authored by its `author_id`;
- a row change (requester, address, receipt text, reference rows): the row's key and insert-only
  columns plus the current values of the fields whose `field_clock` still names this change (an
  `insert` row: every such field; an `update` row: its one field), with that clock's HLC, device and
  author. When no clock names it any more (a later edit overwrote every field before the push) the
  change travels with `fields=()`, the outbox row's HLC, this device, and as its author the author of
  the row's newest clock (a real person; `OutgoingError` when there is none).

A change authored by the system user is never built: `OutgoingError` names it. The exception is an
adopted standalone office's history (outbox sequences up to `ADOPTED_THROUGH_SETTING`, which the server
judges with the authority of the admin who vouched for it): its setup rows are the system user's, and its
reference rows carry no field clocks (a standalone office wrote none), so such a row travels whole (an
insert) or with its one field (an update), stamped by the outbox row and authored by the system user.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select, text, union
from sqlalchemy.orm import Session

from citydesk.domain.clock import to_ms
from citydesk.domain.errors import CitydeskError
from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.store.db import Database
from citydesk.store.models import (
    Base,
    DeferredChange,
    FieldClock,
    LocalSetting,
    Outbox,
    RejectedChange,
    SentJournal,
    SyncState,
)
from citydesk.sync import hlc as hlc_mod
from citydesk.sync import wire
from citydesk.sync.tables import SYNCED, Merge, SyncedTable
from citydesk.sync.wire import Change, Op

_CHUNK = 500
ADOPTED_THROUGH_SETTING = "sync.adopted_through_seq"  # local_setting written by `sync.adopt`


class OutgoingError(CitydeskError):
    """A change this replica must not or cannot send (names the change)."""


@dataclass(frozen=True, slots=True)
class OutgoingBatch:
    """One push batch: the changes (with their device sequence) and the sequence range they cover."""

    changes: tuple[Change, ...]
    seq_first: int
    seq_last: int


@dataclass(frozen=True, slots=True)
class PendingCounts:
    """What waits on this replica: outbox rows, parked pulled changes, rejected local changes."""

    outbox: int
    parked: int
    rejected: int


@dataclass(frozen=True, slots=True)
class Ref:
    """An outbox or journal row: a reference to a changed row."""

    seq: int | None
    change_id: str
    op: str
    table_name: str
    row_id: str
    field: str | None
    hlc: int


def next_batch(db: Database, *, limit: int = wire.MAX_BATCH) -> OutgoingBatch | None:
    """The oldest outbox rows (seq order) as wire changes; None when the outbox is empty."""
    with db.read() as session:
        pushed = session.scalar(select(SyncState.pushed_seq).where(SyncState.id == 1)) or 0
        outbox = Outbox.__table__
        rows = session.execute(select(outbox).order_by(outbox.c.seq).limit(limit)).all()
        if not rows:
            return None
        refs = [Ref(r.seq, r.change_id, r.op, r.table_name, r.row_id, r.field, r.hlc) for r in rows]
        changes = build_changes(session, refs)
    return OutgoingBatch(tuple(changes), seq_first=pushed + 1, seq_last=rows[-1].seq)


def journal_batch(db: Database, *, after_seq: int, limit: int = wire.MAX_BATCH) -> OutgoingBatch | None:
    """The acknowledged changes with seq > `after_seq` (the re-push after a server restore), payloads
    read from the rows now; None when there are none."""
    with db.read() as session:
        rows = (
            session.execute(
                select(SentJournal).where(SentJournal.seq > after_seq).order_by(SentJournal.seq).limit(limit)
            )
            .scalars()
            .all()
        )
        if not rows:
            return None
        refs = [Ref(r.seq, r.change_id, r.op, r.table_name, r.row_id, r.field, r.hlc) for r in rows]
        changes = build_changes(session, refs)
    return OutgoingBatch(tuple(changes), seq_first=after_seq + 1, seq_last=rows[-1].seq)


def pending_counts(db: Database) -> PendingCounts:
    """How many outbox rows, parked changes and rejected changes this replica holds."""
    with db.read() as session:
        return PendingCounts(
            outbox=session.scalar(select(func.count()).select_from(Outbox)) or 0,
            parked=session.scalar(select(func.count()).select_from(DeferredChange)) or 0,
            rejected=session.scalar(select(func.count()).select_from(RejectedChange)) or 0,
        )


def local_change_ids(db: Database, *, after: str | None, limit: int) -> list[str]:
    """Every change id this replica can name (entries, tickets, contacts, field clock change ids), in
    id order after `after` (the relay after a server restore pages through them)."""
    entry, ticket, contact = (Base.metadata.tables[n] for n in ("timeline_entry", "ticket", "contact_log"))
    ids = union(
        select(entry.c.id.label("cid")),
        select(ticket.c.id.label("cid")),
        select(contact.c.id.label("cid")),
        select(FieldClock.change_id.label("cid")).where(FieldClock.change_id.is_not(None)),
    ).subquery()
    query = select(ids.c.cid).order_by(ids.c.cid).limit(limit)
    if after is not None:
        query = query.where(ids.c.cid > after)
    with db.read() as session:
        return [str(c) for c in session.scalars(query)]


def relay_changes(db: Database, change_ids: Sequence[str]) -> list[Change]:
    """The named changes rebuilt from the local rows with their original author, device and change id
    (no seq): entries, ticket inserts, contacts, and field clocks grouped by change id into row changes
    carrying each field's clock. Ids this replica cannot name are left out."""
    wanted = list(dict.fromkeys(change_ids))
    out: dict[str, Change] = {}
    with db.read() as session:
        own_device = session.scalar(select(SyncState.device_id).where(SyncState.id == 1)) or ""
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            for row in _rows_by_id(session, "timeline_entry", chunk).values():
                out[row["id"]] = _entry_change(row, None)
            tickets = _rows_by_id(session, "ticket", chunk)
            created = _created_stamps(session, list(tickets))
            for row in tickets.values():
                # stamped like its `created` entry; without one here, by its creation time and this PC
                fallback = (hlc_mod.pack(to_ms(row["created_at"])), own_device)
                hlc, device = created.get(row["id"], fallback)
                out[row["id"]] = _ticket_change(row, None, hlc, device)
            for row in _rows_by_id(session, "contact_log", chunk).values():
                out[row["id"]] = _contact_change(row, None)
            clocks = (
                session.execute(select(FieldClock).where(FieldClock.change_id.in_(chunk))).scalars().all()
            )
            grouped: dict[str, list[FieldClock]] = defaultdict(list)
            for clock in clocks:
                grouped[str(clock.change_id)].append(clock)
            for change_id, group in grouped.items():
                try:
                    change = _relayed_row(session, change_id, group)
                except OutgoingError:
                    continue  # a relay is a courtesy to a restored server: never a reason to stop
                if change is not None:
                    out[change_id] = change
    return [out[c] for c in wanted if c in out]


# ---- building changes -------------------------------------------------------------------------------


def build_changes(session: Session, refs: Sequence[Ref]) -> list[Change]:
    """The wire changes of outbox/journal references, in their order (payloads read now)."""
    by_table: dict[str, list[str]] = defaultdict(list)
    for ref in refs:
        by_table[ref.table_name].append(ref.row_id)
    rows: dict[str, dict[str, dict[str, Any]]] = {}
    clocks: dict[tuple[str, str], list[FieldClock]] = defaultdict(list)
    for table_name, row_ids in by_table.items():
        spec = SYNCED.get(table_name)
        if spec is None:
            raise OutgoingError(
                f"Change of table {table_name!r} cannot be sent: this version has no such table."
            )
        rows[table_name] = _rows_by_key(session, spec, row_ids)
        if spec.merge in (Merge.LWW, Merge.REFERENCE):
            for start in range(0, len(row_ids), _CHUNK):
                chunk = sorted(set(row_ids[start : start + _CHUNK]))
                for clock in session.execute(
                    select(FieldClock).where(
                        FieldClock.table_name == table_name, FieldClock.row_id.in_(chunk)
                    )
                ).scalars():
                    clocks[(table_name, clock.row_id)].append(clock)
    device_id = session.scalar(select(SyncState.device_id).where(SyncState.id == 1)) or ""
    adopted = session.scalar(select(LocalSetting.value).where(LocalSetting.key == ADOPTED_THROUGH_SETTING))
    adopted_through = adopted if isinstance(adopted, int) and not isinstance(adopted, bool) else 0
    out = []
    for ref in refs:
        spec = SYNCED[ref.table_name]
        row = rows[ref.table_name].get(ref.row_id)
        if spec.merge is Merge.TIMELINE:
            out.append(_entry_change(_need(row, ref), ref))
        elif spec.merge is Merge.TICKET:
            out.append(_ticket_change(_need(row, ref), ref, ref.hlc, device_id))
        elif spec.merge is Merge.APPEND:
            out.append(_contact_change(_need(row, ref), ref))
        else:
            vouched = ref.seq is not None and ref.seq <= adopted_through
            out.append(_row_change(spec, ref, row, clocks[(ref.table_name, ref.row_id)], device_id, vouched))
    return out


def _need(row: dict[str, Any] | None, ref: Ref) -> dict[str, Any]:
    if row is None:
        raise OutgoingError(
            f"Change {ref.change_id} ({ref.table_name} {ref.row_id}) names a row that is gone."
        )
    return row


def _check_author(author: str | None, change_id: str, what: str, *, vouched: bool = False) -> str:
    if author == SYSTEM_USER_ID and not vouched:
        raise OutgoingError(
            f"Change {change_id} ({what}) is authored by the system user, which may not push changes; "
            "it stays in the outbox."
        )
    if not author:
        raise OutgoingError(f"Change {change_id} ({what}) has no known author, so it cannot be sent.")
    return author


def _entry_change(row: Mapping[str, Any], ref: Ref | None) -> Change:
    return _self_named("timeline_entry", Op.ENTRY, row, ref, author=row["author_id"], what="timeline entry",
                       hlc=row["hlc"], device_id=row["device_id"])  # fmt: skip


def _ticket_change(row: Mapping[str, Any], ref: Ref | None, hlc: int, device_id: str) -> Change:
    return _self_named("ticket", Op.INSERT, row, ref, author=row["created_by"], what="ticket insert",
                       hlc=hlc, device_id=device_id)  # fmt: skip


def _contact_change(row: Mapping[str, Any], ref: Ref | None) -> Change:
    return _self_named("contact_log", Op.INSERT, row, ref, author=row["author_id"], what="counted contact",
                       hlc=row["hlc"], device_id=row["device_id"])  # fmt: skip


def _self_named(
    table: str, op: Op, row: Mapping[str, Any], ref: Ref | None, *, author: str | None, what: str, hlc: int,
    device_id: str,
) -> Change:  # fmt: skip
    """A change named by its row's id (an entry, a ticket's insert row, a counted contact)."""
    spec = SYNCED[table]
    return Change(
        change_id=row["id"],
        table=table,
        op=op,
        row_id=row["id"],
        hlc=hlc,
        device_id=device_id,
        author_id=_check_author(author, row["id"], what),
        data=wire.encode_row(spec.name, row, spec.synced_columns),
        seq=ref.seq if ref else None,
    )


def _row_change(
    spec: SyncedTable, ref: Ref, row: dict[str, Any] | None, clocks: list[FieldClock], device_id: str,
    vouched: bool = False,
) -> Change:  # fmt: skip
    mine = [c for c in clocks if c.change_id == ref.change_id]
    if ref.op == "update":
        mine = [c for c in mine if c.field == ref.field]
    if vouched and not mine and spec.merge is Merge.REFERENCE and row is not None:
        whole = spec.fields if ref.op == "insert" else tuple(f for f in spec.fields if f == ref.field)
        return Change(ref.change_id, spec.name, Op.ROW, ref.row_id, ref.hlc, device_id, SYSTEM_USER_ID,
                      wire.encode_row(spec.name, row, [*spec.key, *spec.insert_only, *whole]), whole,
                      seq=ref.seq)  # fmt: skip
    fields = tuple(f for f in spec.fields if any(c.field == f for c in mine)) if row is not None else ()
    base = [*spec.key, *spec.insert_only]
    data = wire.encode_row(spec.name, row, [*base, *fields]) if row is not None else {}
    if fields:
        clock = next(c for c in mine if c.field == fields[0])
        hlc, device, author = clock.hlc, clock.device_id, clock.author_id
    else:
        newest = sorted(
            (c for c in clocks if c.author_id and c.author_id != SYSTEM_USER_ID),
            key=lambda c: (c.hlc, c.device_id),
        )
        hlc, device = ref.hlc, device_id
        author = newest[-1].author_id if newest else None
        if author is None and any(c.author_id == SYSTEM_USER_ID for c in clocks):
            author = SYSTEM_USER_ID
    what = f"{spec.name} {ref.row_id}"
    return Change(
        change_id=ref.change_id,
        table=spec.name,
        op=Op.ROW,
        row_id=ref.row_id,
        hlc=hlc,
        device_id=device,
        author_id=_check_author(author, ref.change_id, what, vouched=vouched),
        data=data,
        fields=fields,
        seq=ref.seq,
    )


def _relayed_row(session: Session, change_id: str, clocks: list[FieldClock]) -> Change | None:
    table_name = clocks[0].table_name
    spec = SYNCED.get(table_name)
    if spec is None or spec.merge not in (Merge.LWW, Merge.REFERENCE):
        return None
    row_id = clocks[0].row_id
    row = _rows_by_key(session, spec, [row_id]).get(row_id)
    if row is None:
        return None
    fields = tuple(f for f in spec.fields if any(c.field == f and c.row_id == row_id for c in clocks))
    own = {c.field: c for c in clocks if c.row_id == row_id}
    first = own[fields[0]]
    if first.author_id == SYSTEM_USER_ID and first.device_id == wire.SERVER_DEVICE_ID:
        author = SYSTEM_USER_ID  # the server's own admin change, relayed back after a restore
    else:
        author = _check_author(first.author_id, change_id, f"{table_name} {row_id}")
    return Change(
        change_id=change_id,
        table=table_name,
        op=Op.ROW,
        row_id=row_id,
        hlc=first.hlc,
        device_id=first.device_id,
        author_id=author,
        data=wire.encode_row(table_name, row, [*spec.key, *spec.insert_only, *fields]),
        fields=fields,
        clocks={
            f: wire.FieldClock(own[f].hlc, own[f].device_id, own[f].author_id, own[f].change_id)
            for f in fields
        },
    )


def _created_stamps(session: Session, ticket_ids: list[str]) -> dict[str, tuple[int, str]]:
    """The HLC and device of each ticket's `created` entry (what its insert change is stamped with)."""
    if not ticket_ids:
        return {}
    entry = Base.metadata.tables["timeline_entry"]
    rows = session.execute(
        select(entry.c.ticket_id, entry.c.hlc, entry.c.device_id).where(
            entry.c.ticket_id.in_(ticket_ids), entry.c.kind == "created"
        )
    )
    return {r.ticket_id: (r.hlc, r.device_id) for r in rows}


def _rows_by_id(session: Session, table_name: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    table: Table = Base.metadata.tables[table_name]
    chunk = list(ids)
    if not chunk:
        return {}
    return {r.id: dict(r._mapping) for r in session.execute(select(table).where(table.c.id.in_(chunk)))}


def _rows_by_key(session: Session, spec: SyncedTable, row_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Rows of a synced table by their row id ("es:heading" for a two-column key)."""
    table: Table = Base.metadata.tables[spec.name]
    wanted = list(spec.synced_columns)
    out: dict[str, dict[str, Any]] = {}
    unique = sorted(set(row_ids))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        if len(spec.key) == 1:
            query = select(*[table.c[c] for c in wanted]).where(table.c[spec.key[0]].in_(chunk))
        else:
            joined = " || ':' || ".join(spec.key)
            query = select(*[table.c[c] for c in wanted]).where(
                text(f"({joined}) IN ({', '.join(f':r{i}' for i in range(len(chunk)))})")
            )
            query = query.params({f"r{i}": r for i, r in enumerate(chunk)})
        for row in session.execute(query):
            mapping = dict(row._mapping)
            out[spec.row_id(mapping)] = mapping
    return out
