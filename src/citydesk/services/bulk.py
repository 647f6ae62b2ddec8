"""The bulk path: many tickets in one transaction with Core executemany, same rules as one by one.

Every ticket gets its number from the counter row, an insert row, a `created` entry and its other
entries, outbox rows (unless `capture=False`), and a cache folded by the same fold. The FTS
triggers are dropped inside the transaction and the new tickets re-indexed at the end.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update

from citydesk.domain import validation
from citydesk.domain.clock import to_ms
from citydesk.domain.errors import ValidationError
from citydesk.domain.ids import uuid7
from citydesk.domain.numbers import format_number
from citydesk.domain.permissions import Action
from citydesk.domain.priorities import parse_priority
from citydesk.domain.roles import Actor
from citydesk.domain.statuses import parse_status
from citydesk.domain.timeline import Entry, EntryKind, fold
from citydesk.services.tickets import parse_channel, parse_location
from citydesk.services.transaction import Tx, transaction
from citydesk.store import fts, ticket_cache
from citydesk.store import statements as st
from citydesk.store.bulk_insert import RowWriter
from citydesk.store.db import Database
from citydesk.store.models import (
    Category,
    NumberCounter,
    Requester,
    SyncState,
    Ticket,
)
from citydesk.store.types import to_db_text
from citydesk.sync import hlc as hlc_mod
from citydesk.sync.capture import change_id_for

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class BulkEntry:
    """A later timeline entry of a bulk ticket."""

    kind: EntryKind
    at: datetime
    author_id: str
    field: str | None = None
    value: Any = None
    detail: dict[str, Any] | None = None
    body: str | None = None
    public: bool = False


@dataclass(frozen=True, slots=True)
class BulkTicket:
    """A ticket to write in bulk: its creation and its later entries in time order."""

    created_at: datetime
    created_by: str
    fields: dict[str, Any]
    reporters: tuple[dict[str, Any], ...] = ()
    entries: tuple[BulkEntry, ...] = ()
    office_id: str | None = None
    prefix: str | None = None
    intake_answers: dict[str, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BulkResult:
    """What a bulk write created."""

    count: int
    entries: int
    numbers: tuple[str, ...]


def _clean_fields(raw: dict[str, Any], row: int) -> dict[str, Any]:
    try:
        return {
            "title": validation.title(raw.get("title")),
            "description": validation.description(raw.get("description")),
            "status": parse_status(raw.get("status") or "new").value,
            "priority": parse_priority(raw.get("priority") or "P3").value,
            "channel": parse_channel(raw.get("channel") or "phone").value,
            "category_id": raw.get("category_id"),
            "department_id": raw.get("department_id"),
            "location": parse_location(raw.get("location")),
            "assignee_id": raw.get("assignee_id"),
            "escalation_level": int(raw.get("escalation_level") or 0),
        }
    except ValidationError as exc:
        raise ValidationError(exc.field, f"Row {row}: {exc.message}") from None


def bulk_create_tickets(
    db: Database,
    *,
    actor: Actor,
    tickets: Iterable[BulkTicket],
    capture: bool = True,
    batch_size: int = 2000,
    progress: Progress | None = None,
    total: int = 0,
) -> BulkResult:
    """Write many tickets in one all-or-nothing transaction (demo data, CSV imports)."""
    with transaction(db, actor, Action.IMPORT_DATA) as tx:
        tx.require_capture(capture)
        return write_tickets(
            tx, tickets=tickets, capture=capture, batch_size=batch_size, progress=progress, total=total
        )


def write_tickets(
    tx: Tx,
    *,
    tickets: Iterable[BulkTicket],
    capture: bool = True,
    batch_size: int = 2000,
    progress: Progress | None = None,
    total: int = 0,
) -> BulkResult:
    """The bulk ticket write inside an open transaction (so an import can add requesters first).

    `BulkTicket.extra` is merged into each `created` entry's detail (an import's provenance).
    """
    session = tx.session
    conn = session.connection()
    local = session.execute(select(SyncState.number_prefix, SyncState.office_id)).one()
    counters = dict(session.execute(select(NumberCounter.prefix, NumberCounter.last_seq)).all())
    targets = dict(session.execute(select(Category.id, Category.target_business_days)).all())
    names = {
        rid: ("Anonymous" if anon else name)
        for rid, name, anon in session.execute(select(Requester.id, Requester.name, Requester.anonymous))
    }
    first_row = (session.scalar(select(func.max(Ticket.row_no))) or 0) + 1
    fts.drop_triggers(conn)
    last_hlc = tx.capture.stamp().hlc
    device_id = tx.capture.device_id
    ticket_rows: list[dict[str, Any]] = []

    reporter_rows: list[dict[str, Any]] = []
    outbox_rows: list[tuple[Any, ...]] = []
    numbers: list[str] = []
    count = entry_count = 0

    ticket_writer = RowWriter(st.TICKET, [c.name for c in st.TICKET.columns if c.name != "row_no"])
    reporter_writer = RowWriter(st.REPORTER)
    entry_writer = RowWriter(st.ENTRY, ENTRY_COLUMNS)
    outbox_writer = RowWriter(st.OUTBOX, OUTBOX_COLUMNS)
    entry_tuples: list[tuple[Any, ...]] = []

    def flush() -> None:
        ticket_writer.write(conn, ticket_rows)
        entry_writer.write_tuples(conn, entry_tuples)
        reporter_writer.write(conn, reporter_rows)
        first = tx.capture.reserve(len(outbox_rows))
        outbox_writer.write_tuples(conn, [(first + i, *row) for i, row in enumerate(outbox_rows)])
        for rows in (ticket_rows, entry_tuples, reporter_rows, outbox_rows):
            rows.clear()

    def outbox(op: str, table: str, row_id: str, stamp: int, at: datetime) -> None:
        if capture:
            change_id = change_id_for(op, table, row_id, at)
            outbox_rows.append((change_id, op, table, row_id, None, stamp, to_db_text(at)))

    for index, item in enumerate(tickets, start=1):
        fields = _clean_fields(item.fields, index)
        if fields["category_id"] and fields["category_id"] not in targets:
            raise ValidationError("category", f"Row {index}: unknown category {fields['category_id']!r}.")
        if item.created_at.tzinfo is None:
            raise ValidationError("created_at", f"Row {index}: the creation time has no time zone.")
        prefix = item.prefix or local.number_prefix
        counters[prefix] = counters.get(prefix, 0) + 1
        number = format_number(prefix, counters[prefix])
        numbers.append(number)
        office_id = item.office_id or local.office_id
        ticket_id = uuid7(to_ms(item.created_at))
        last_hlc = hlc_mod.tick(last_hlc, to_ms(item.created_at))
        detail: dict[str, Any] = {}
        reporters = [dict(r, id=uuid7(to_ms(item.created_at))) for r in item.reporters]
        if reporters:
            detail["reporter"] = reporters[0]
        if item.intake_answers:
            detail["intake_answers"] = dict(item.intake_answers)
        if item.extra:
            detail.update(item.extra)
        created = Entry(
            id=uuid7(to_ms(item.created_at)),
            ticket_id=ticket_id,
            kind=EntryKind.CREATED,
            hlc=last_hlc,
            device_id=device_id,
            author_id=item.created_by,
            at=item.created_at,
            value=fields,
            detail=detail,
        )
        entries = [created]
        outbox("insert", "ticket", ticket_id, last_hlc, item.created_at)
        for extra in reporters[1:]:
            last_hlc = hlc_mod.tick(last_hlc, to_ms(item.created_at))
            entries.append(
                Entry(
                    id=uuid7(to_ms(item.created_at)),
                    ticket_id=ticket_id,
                    kind=EntryKind.REPORTER_ADDED,
                    hlc=last_hlc,
                    device_id=device_id,
                    author_id=item.created_by,
                    at=item.created_at,
                    detail={"reporter": extra},
                )
            )
        for later in item.entries:
            last_hlc = hlc_mod.tick(last_hlc, to_ms(later.at))
            entries.append(
                Entry(
                    id=uuid7(to_ms(later.at)),
                    ticket_id=ticket_id,
                    kind=later.kind,
                    hlc=last_hlc,
                    device_id=device_id,
                    author_id=later.author_id,
                    at=later.at,
                    field=later.field,
                    value=later.value,
                    detail=later.detail or {},
                    body=later.body,
                    public=later.public,
                )
            )
        state = fold(entries)
        first_requester = state.reporters[0].requester_id if state.reporters else None
        cache = ticket_cache.cache_values(
            state,
            calendar=tx.calendar,
            target_days=targets.get(fields["category_id"]),
            requester_name=names.get(first_requester) if first_requester else None,
        )
        ticket_rows.append(
            {
                "id": ticket_id,
                "number": number,
                "office_id": office_id,
                "created_at": item.created_at,
                "created_by": item.created_by,
                **cache,
            }
        )
        for entry in entries:
            entry_tuples.append(_entry_tuple(entry, office_id))
            outbox("entry", "timeline_entry", entry.id, entry.hlc, entry.at)
        for rep in state.reporters:
            reporter_rows.append(
                {
                    "id": rep.id,
                    "ticket_id": ticket_id,
                    "requester_id": rep.requester_id,
                    "channel": rep.channel,
                    "reply_method": rep.reply_method,
                    "reported_at": rep.reported_at,
                    "entry_id": rep.entry_id,
                }
            )
        count += 1
        entry_count += len(entries)
        if len(ticket_rows) >= batch_size:
            flush()
            if progress:
                progress(count, total)
    flush()
    tx.capture.observe_hlc(last_hlc)
    for prefix, last_seq in counters.items():
        changed = session.execute(
            update(NumberCounter).where(NumberCounter.prefix == prefix).values(last_seq=last_seq)
        )
        if changed.rowcount == 0:  # type: ignore[attr-defined]
            session.execute(insert(NumberCounter).values(prefix=prefix, last_seq=last_seq))
    fts.rebuild_from(conn, first_row)
    fts.create_triggers(conn)
    if progress:
        progress(count, total)
    return BulkResult(count=count, entries=entry_count, numbers=tuple(numbers))


ENTRY_COLUMNS = (
    "id", "ticket_id", "kind", "field", "value", "detail", "body", "public", "author_id", "office_id",
    "device_id", "hlc", "base_entry_id", "at",
)  # fmt: skip
OUTBOX_COLUMNS = ("seq", "change_id", "op", "table_name", "row_id", "field", "hlc", "created_at")


def _entry_tuple(entry: Entry, office_id: str) -> tuple[Any, ...]:
    """A timeline_entry row as driver values in ENTRY_COLUMNS order."""
    return (
        entry.id, entry.ticket_id, entry.kind.value, entry.field,
        None if entry.value is None else json.dumps(entry.value),
        json.dumps(dict(entry.detail)) if entry.detail else None,
        entry.body, int(entry.public), entry.author_id, office_id, entry.device_id, entry.hlc,
        entry.base_entry_id, to_db_text(entry.at),
    )  # fmt: skip


def bulk_create_requesters(
    db: Database, *, actor: Actor, requesters: Iterable[dict[str, Any]], capture: bool = True
) -> list[str]:
    """Create many requesters in one transaction (same validation as one by one); returns their ids."""
    with transaction(db, actor, Action.IMPORT_DATA) as tx:
        tx.require_capture(capture)
        return write_requesters(tx, requesters=requesters, capture=capture)


def write_requesters(tx: Tx, *, requesters: Iterable[dict[str, Any]], capture: bool = True) -> list[str]:
    """The bulk requester write inside an open transaction; a given `id` in a row is kept."""
    from citydesk.services.requesters import SYNCED_FIELDS, clean_requester, name_key, phone_digits

    session = tx.session
    rows: list[dict[str, Any]] = []
    ids: list[str] = []
    stamp = tx.capture.stamp()
    for index, raw in enumerate(requesters, start=1):
        try:
            clean = clean_requester(raw)
        except ValidationError as exc:
            raise ValidationError(exc.field, f"Row {index}: {exc.message}") from None
        at = raw.get("created_at") or stamp.at
        requester_id = raw.get("id") or uuid7(to_ms(at))
        ids.append(requester_id)
        rows.append(
            {
                "id": requester_id,
                **clean,
                "phone_digits": phone_digits(clean["phone"]),
                "name_key": name_key(clean["name"]),
                "office_id": raw.get("office_id") or stamp.office_id,
                "created_at": at,
                "updated_at": at,
                "merged_into": None,
            }
        )
    if rows:
        conn = session.connection()
        RowWriter(st.REQUESTER).write(conn, rows)
        # Each row's clocks name the change that carries its insert (none for the demo city).
        change_ids: list[str | None] = [uuid7(to_ms(stamp.at)) if capture else None for _ in ids]
        RowWriter(st.FIELD_CLOCK).write(
            conn,
            [tx.clock("requester", rid, f, stamp, cid) for rid, cid in zip(ids, change_ids, strict=True)
             for f in SYNCED_FIELDS],
        )  # fmt: skip
        if capture:
            first = tx.capture.reserve(len(ids))
            RowWriter(st.OUTBOX).write(
                conn,
                [
                    {
                        "seq": first + i,
                        "change_id": cid,
                        "op": "insert",
                        "table_name": "requester",
                        "row_id": rid,
                        "field": None,
                        "hlc": stamp.hlc,
                        "created_at": stamp.at,
                    }
                    for i, (rid, cid) in enumerate(zip(ids, change_ids, strict=True))
                ],
            )
    return ids
