"""Reading the server: hello, pull pages of the change log, and snapshot pages of the merged rows.

A pull returns the changes after a cursor ("<epoch>:<seq>") in commit order. A snapshot walks
`row_state` in parent-before-child order — reference tables, addresses, requesters, then tickets each
followed by all its entries, then counted contacts, then entries whose ticket the server never received
— from an opaque position ("<section>:<row id>"); its first page carries the start cursor, read in the
same transaction before any row, where pulling resumes after the last page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from citydesk.domain.clock import to_ms
from citydesk.domain.roles import SYSTEM_USER_ID
from citydesk.server.errors import ApiError
from citydesk.server.models import ChangeLog, Device, RowState, ServerMeta, core_table
from citydesk.server.state import Row, chunks, from_record, row_change
from citydesk.store.schema import SCHEMA_HEAD
from citydesk.sync import hlc as hlc_mod
from citydesk.sync.messages import Hello, OfficeSync, Page, make_cursor, parse_cursor
from citydesk.sync.wire import Change, FieldClock, Op, WireError

MIN_CLIENT_VERSION = "0.1.0"
SCHEMA_MIN = "0004"  # the oldest client schema whose changes this server understands

# Snapshot order: parents before children. "ticket" pages carry each ticket's entries with it;
# "orphan_entry" sends the entries whose ticket insert the server never received.
SECTIONS: tuple[str, ...] = (
    "office",
    "department",
    "app_user",
    "category",
    "device",
    "city_setting",
    "receipt_text",
    "address",
    "requester",
    "ticket",
    "contact_log",
    "orphan_entry",
)


MAX_SEQ = (1 << 63) - 1  # change-log sequences are 64-bit
ENTRY_GUESS = 4  # entries per ticket assumed before a snapshot page has read any ticket
ROW_COLUMNS = core_table("row_state")  # rows as tuples: no ORM instances on the snapshot path


def server_hlc(meta: ServerMeta, now: datetime) -> int:
    """The server's HLC as it would stamp now (never below anything it has handed out)."""
    return hlc_mod.receive(meta.hlc, 0, to_ms(now))


def hello(session: Session, meta: ServerMeta, now: datetime) -> Hello:
    """The hello reply: epoch, clock, schema range, minimum client version, city settings, offices."""
    settings = {
        rec.row_id: rec.data.get("value")
        for rec in session.scalars(select(RowState).where(RowState.table_name == "city_setting"))
    }
    last_sync = dict(
        session.execute(
            select(Device.office_id, func.max(Device.last_sync_at)).group_by(Device.office_id)
        ).all()
    )
    offices = []
    for rec in session.scalars(
        select(RowState).where(RowState.table_name == "office").order_by(RowState.row_id)
    ):
        stamp = last_sync.get(rec.row_id)
        when = stamp.isoformat() if isinstance(stamp, datetime) else None
        offices.append(OfficeSync(rec.row_id, str(rec.data.get("code", "")), when))
    return Hello(
        epoch=meta.epoch,
        server_time=now.isoformat(),
        server_hlc=server_hlc(meta, now),
        schema_min=SCHEMA_MIN,
        schema_max=SCHEMA_HEAD,
        min_client_version=MIN_CLIENT_VERSION,
        city_settings=settings,
        offices=tuple(offices),
    )


def _cursor_seq(meta: ServerMeta, cursor: str | None) -> int:
    """The sequence of a cursor of this epoch (0 for none); 410 for another epoch's, 422 malformed."""
    if not cursor:
        return 0
    try:
        epoch, seq = parse_cursor(cursor)
    except WireError as exc:
        raise ApiError(422, "bad_request", exc.message) from None
    except ValueError:  # digits int() does not read ("²")
        raise ApiError(422, "bad_request", f"malformed cursor {cursor!r}") from None
    if seq > MAX_SEQ:
        raise ApiError(422, "bad_request", f"malformed cursor {cursor!r} (its sequence is past 64 bits)")
    if epoch != meta.epoch:
        raise ApiError(
            410,
            "cursor_gone",
            "The server was restored since the last sync; a full copy is needed.",
            epoch=meta.epoch,
        )
    return seq


def log_change(rec: Any) -> Change:
    """A change-log record as a wire change."""
    clocks = {k: FieldClock.from_json(v, k) for k, v in (rec.clocks or {}).items()}
    return Change(
        change_id=rec.change_id,
        table=rec.table_name,
        op=Op(rec.op),
        row_id=rec.row_id,
        hlc=rec.hlc,
        device_id=rec.device_id,
        author_id=rec.author_id,
        data=dict(rec.data),
        fields=tuple(rec.fields),
        clocks=clocks,
    )


def pull(session: Session, meta: ServerMeta, now: datetime, *, cursor: str | None, limit: int) -> Page:
    """The changes after `cursor` in commit order, at most `limit`."""
    after = _cursor_seq(meta, cursor)
    log = core_table("change_log")
    stmt = select(log).where(log.c.seq > after).order_by(log.c.seq).limit(limit + 1)
    records = list(session.execute(stmt))
    more = len(records) > limit
    records = records[:limit]
    last = records[-1].seq if records else after
    return Page(
        changes=tuple(log_change(r) for r in records),
        has_more=more,
        server_hlc=server_hlc(meta, now),
        next_cursor=make_cursor(meta.epoch, last),
    )


def head_cursor(session: Session, meta: ServerMeta) -> str:
    """The cursor after the last committed change."""
    return make_cursor(meta.epoch, session.scalar(select(func.max(ChangeLog.seq))) or 0)


def is_plain_text(text: str) -> bool:
    """Whether `text` can be a database text value on every backend: no NUL character (PostgreSQL
    refuses it) and no lone surrogate (not encodable as UTF-8)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _position(after: str | None) -> tuple[int, str]:
    if not after:
        return 0, ""
    section, sep, row_id = after.partition(":")
    if not sep or section not in SECTIONS or len(row_id) > 60 or not is_plain_text(row_id):
        raise ApiError(422, "bad_request", f"Not a snapshot position: {after!r}.")
    return SECTIONS.index(section), row_id


def _rows(session: Session, table: str, after: str, limit: int) -> list[Row]:
    stmt = (
        select(ROW_COLUMNS)
        .where(RowState.table_name == table, RowState.row_id > after)
        .order_by(RowState.row_id)
        .limit(limit)
    )
    return [from_record(r) for r in session.execute(stmt)]


def _entries_of(session: Session, ticket_ids: Sequence[str]) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {t: [] for t in ticket_ids}
    for part in chunks(list(ticket_ids)):
        stmt = (
            select(ROW_COLUMNS)
            .where(RowState.table_name == "timeline_entry", RowState.parent_id.in_(part))
            .order_by(RowState.parent_id, RowState.hlc, RowState.row_id)
        )
        for rec in session.execute(stmt):
            out[str(rec.parent_id)].append(from_record(rec))
    return out


def _orphan_entries(session: Session, after: str, limit: int) -> list[Row]:
    tickets = select(RowState.row_id).where(RowState.table_name == "ticket")
    stmt = (
        select(ROW_COLUMNS)
        .where(RowState.table_name == "timeline_entry", RowState.row_id > after)
        .where(RowState.parent_id.not_in(tickets))
        .order_by(RowState.row_id)
        .limit(limit)
    )
    return [from_record(r) for r in session.execute(stmt)]


def snapshot(
    session: Session, meta: ServerMeta, now: datetime, *, cursor: str | None, after: str | None, limit: int
) -> Page:
    """One snapshot page from position `after` (the first page when None): at least one ticket with
    all its entries even when that exceeds `limit`."""
    if cursor:
        _cursor_seq(meta, cursor)  # 410 when the snapshot began in another epoch
    start = head_cursor(session, meta) if not after else None
    section, last = _position(after)
    out: list[Change] = []
    ticket_count = entry_count = 0
    while section < len(SECTIONS) and len(out) < limit:
        name = SECTIONS[section]
        room = limit - len(out)
        if name == "ticket":
            # Read about as many tickets as fit with their entries (the average so far guesses how
            # many entries each brings), not `room` tickets whose entries mostly would not fit.
            want = max(1, room // (1 + (entry_count // ticket_count if ticket_count else ENTRY_GUESS)))
            rows = _rows(session, "ticket", last, want)
            entries = _entries_of(session, [r.row_id for r in rows])
            for ticket in rows:
                out.append(row_change(ticket))
                out += [row_change(e) for e in entries[ticket.row_id]]
                ticket_count += 1
                entry_count += len(entries[ticket.row_id])
                last = ticket.row_id
                if len(out) >= limit:
                    break
            done = len(rows) < want and (not rows or last == rows[-1].row_id)
        else:
            rows = (
                _orphan_entries(session, last, room)
                if name == "orphan_entry"
                else _rows(session, name, last, room)
            )
            rows_out = [r for r in rows if not (r.table == "app_user" and r.row_id == SYSTEM_USER_ID)]
            out += [row_change(r) for r in rows_out]
            last = rows[-1].row_id if rows else last
            done = len(rows) < room
        if done:
            section, last = section + 1, ""
    more = section < len(SECTIONS)
    return Page(
        changes=tuple(out),
        has_more=more,
        server_hlc=server_hlc(meta, now),
        start_cursor=start,
        next_after=f"{SECTIONS[section]}:{last}" if more else None,
    )
