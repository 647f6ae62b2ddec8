"""Sync by file, at the office: write this PC's unsent changes to a signed file (`write_request`) and read
the server's signed reply carried back (`read_reply`). The server's side is `server.exchange`.

A request carries the outbox (and, after a server restore, the journal) as push batches built like the
engine's (`sync.outgoing`), each with its sequence range and a batch id recorded here (`local_setting`
"sync.file.sent") so its acknowledgement is recognised; the pull cursor (None: send everything); the
city, the server key's fingerprint and the epoch. A reply is checked — the server's signature, this city,
this PC, not read before, not older than what this PC has — before anything is written; then each batch
the reply acknowledges goes through `sync.acknowledge` (unless a later sync already acknowledged it), and
each page through `sync.apply.apply_page` with the cursor saved with its rows, never moved back. Same
change ids as HTTP, so a file and a later HTTP sync carrying the same changes change nothing twice.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from citydesk.domain.clock import to_ms
from citydesk.domain.errors import CitydeskError
from citydesk.domain.ids import uuid7
from citydesk.store.db import Database
from citydesk.store.local_settings import local_value
from citydesk.store.models import LocalSetting, Outbox, SentJournal, SyncState
from citydesk.sync import lease, signing, wire
from citydesk.sync.acknowledge import RejectedInfo
from citydesk.sync.engine_cycle import (
    LEASE_TTL,
    Cancel,
    PageDone,
    Progress,
    State,
    SyncBusy,
    SyncCancelled,
    Writer,
    read_state,
)
from citydesk.sync.file_keys import FileTrust, load_private_key, load_trust
from citydesk.sync.messages import Page, PushReply, PushRequest, parse_cursor
from citydesk.sync.outgoing import OutgoingBatch, Ref, build_changes, journal_batch, pending_counts
from citydesk.sync.signing import SyncFileError

SENT_SETTING = "sync.file.sent"  # [{file_id, written_at, batches: [{batch_id, seq_first, seq_last}]}]
READ_SETTING = "sync.file.read"  # [{reply_id, read_at}], newest last
KEEP_SENT, KEEP_READ = 20, 50


@dataclass(frozen=True, slots=True)
class RequestWritten:
    """A sync file written: where, its id, the changes it carries, and whether it asks for everything."""

    path: Path
    file_id: str
    changes: int
    first_exchange: bool


@dataclass(frozen=True, slots=True)
class ReplyRead:
    """What reading a reply did: this PC's changes the server accepted and refused, the changes
    received from other PCs, whether it was a whole copy, the tickets that changed, and parked count."""

    accepted: int
    rejected: tuple[RejectedInfo, ...]
    received: int
    snapshot: bool
    ticket_ids: frozenset[str]
    parked: int
    clock_warning: str | None = None


@dataclass(frozen=True, slots=True)
class FileSyncStatus:
    """What the Sync by file dialog shows: set up or not, changes waiting, the last file written and the
    last reply read."""

    ready: bool
    pending: int
    last_written_at: str | None
    last_read_at: str | None
    first_exchange: bool
    number_prefix: str | None = None
    connected: bool = False  # enrolled over the network: can set itself up for files (`enable_file_sync`)


# ---- writing the office's file ---------------------------------------------------------------------


def write_request(db: Database, target: Path) -> RequestWritten:
    """Write this PC's unsent changes and its pull cursor to `target`, signed (see the module docstring)."""
    state, trust = _ready(db)
    private_key = load_private_key(state.device_id)
    now = db.clock.now()
    file_id = uuid7(to_ms(now))
    batches = outgoing_batches(db, state.pushed_seq)
    requests = [
        PushRequest(batch_id=uuid7(to_ms(now)), epoch=state.server_epoch or "", seq_first=b.seq_first,
                    seq_last=b.seq_last, changes=b.changes)
        for b in batches
    ]  # fmt: skip
    body = {
        "file_id": file_id, "device_id": state.device_id, "office_id": state.office_id,
        "city": trust.city, "server_key": trust.server_fingerprint, "epoch": state.server_epoch,
        "cursor": state.pull_cursor, "written_at": now.isoformat(),
        "batches": [r.to_json() for r in requests],
    }  # fmt: skip
    signing.write_file(Path(target), signing.seal("request", state.device_id, body, private_key))
    record = {
        "file_id": file_id, "written_at": now.isoformat(),
        "batches": [
            {"batch_id": r.batch_id, "seq_first": r.seq_first, "seq_last": r.seq_last} for r in requests
        ],
    }  # fmt: skip
    with db.write() as session:
        sent = [s for s in local_value(session, SENT_SETTING, []) if isinstance(s, dict)]
        session.merge(LocalSetting(key=SENT_SETTING, value=[*sent, record][-KEEP_SENT:]))
    return RequestWritten(
        Path(target), file_id, sum(len(b.changes) for b in batches), state.pull_cursor is None
    )


def outgoing_batches(db: Database, pushed_seq: int) -> list[OutgoingBatch]:
    """The journal above `pushed_seq` (after a server restore), then the whole outbox, in batches of at
    most `wire.MAX_BATCH` with consecutive sequence ranges."""
    out: list[OutgoingBatch] = []
    after = pushed_seq
    while (batch := journal_batch(db, after_seq=after, limit=wire.MAX_BATCH)) is not None:
        out.append(batch)
        after = batch.seq_last
    outbox = Outbox.__table__
    with db.read() as session:
        rows = session.execute(select(outbox).where(outbox.c.seq > after).order_by(outbox.c.seq)).all()
        for start in range(0, len(rows), wire.MAX_BATCH):
            chunk = rows[start : start + wire.MAX_BATCH]
            refs = [Ref(r.seq, r.change_id, r.op, r.table_name, r.row_id, r.field, r.hlc) for r in chunk]
            out.append(OutgoingBatch(tuple(build_changes(session, refs)), after + 1, chunk[-1].seq))
            after = chunk[-1].seq
    return out


# ---- reading the server's reply --------------------------------------------------------------------


def read_reply(
    db: Database,
    source: Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    writer: Writer | None = None,
    on_page: PageDone | None = None,
) -> ReplyRead:
    """Check the reply at `source` and apply it (see the module docstring). SyncFileError, with nothing
    written, for a reply that is altered, foreign, for another PC, already read or older than this
    PC's data; SyncBusy while another sync runs."""
    state, trust = _ready(db)
    body = _verified(db, state, trust, Path(source))
    reply_epoch = str(body.get("epoch") or "")
    new_epoch = reply_epoch != state.server_epoch
    pages, pushes = _parse(body)
    _check_not_older(state, body, pages, new_epoch)
    run: Callable[[Callable[[], Any]], Any] = writer or (lambda fn: fn())
    token = lease.acquire(db, holder="file", ttl=LEASE_TTL)
    if token is None:
        raise SyncBusy("Another sync of this database is running; read the reply again in a moment.")
    try:
        if new_epoch:
            _reset_epoch(db, token, reply_epoch)
        warning = None if new_epoch else _clock_ahead(db, token, body.get("clock_ahead"), run)
        accepted, rejected, tickets = 0, [], set()
        if not new_epoch:
            for batch_id, reply in pushes:
                done = _acknowledge(db, token, batch_id, reply, run)
                if done is not None:
                    accepted += done.accepted
                    rejected.extend(done.rejected)
                    tickets |= done.ticket_ids
                    if on_page is not None:
                        on_page(frozenset(done.ticket_ids))
        received = _apply_pages(db, token, state, body, pages, run, progress, cancel, on_page, tickets)
        _finish(db, token, body)
    finally:
        lease.release(db, token)
    return ReplyRead(accepted, tuple(rejected), received, bool(body.get("snapshot")), frozenset(tickets),
                     pending_counts(db).parked, warning)  # fmt: skip


def _ready(db: Database) -> tuple[State, FileTrust]:
    state = read_state(db)
    if state.is_demo:
        raise SyncFileError("The demo database never syncs.")
    trust = load_trust(db)
    if trust is None:
        raise SyncFileError(
            "This PC is not set up for sync by file. Ask the city's administrator for an enrolment file "
            "(`citydesk-server device enrol-file`), or set it up while connected "
            "(File → Sync by file…, or `citydesk sync --enable-file-sync`)."
        )
    return state, trust


def _verified(db: Database, state: State, trust: FileTrust, source: Path) -> dict[str, Any]:
    envelope = signing.open_envelope(signing.read_file(source), expect="reply")
    claimed = envelope.claimed()
    if claimed.get("city") not in (None, trust.city) or claimed.get("server_key") not in (
        None, trust.server_fingerprint,
    ):  # fmt: skip
        raise SyncFileError(
            f"This reply comes from another city's server ({claimed.get('city') or 'unknown'}), not from "
            f"{trust.city}'s. Nothing was changed."
        )
    if envelope.signer != signing.SERVER_SIGNER:
        raise SyncFileError("This reply was not signed by the server. Nothing was changed.")
    body = signing.verify(envelope, trust.server_public_key)
    if body.get("city") != trust.city or body.get("server_key") != trust.server_fingerprint:
        raise SyncFileError("This reply does not say it is for this city. Nothing was changed.")
    if body.get("device_id") != state.device_id:
        raise SyncFileError(
            "This reply is for another PC (each PC reads only the reply to its own file). "
            "Nothing was changed."
        )
    with db.read() as session:
        read = [r for r in local_value(session, READ_SETTING, []) if isinstance(r, dict)]
    for seen in read:
        if seen.get("reply_id") == body.get("reply_id"):
            when = str(seen.get("read_at", ""))[:16].replace("T", " ")
            raise SyncFileError(
                f"This reply was already read on this PC ({when} UTC); nothing was changed. Write a new "
                "file to send new changes."
            )
    return body


def _parse(body: dict[str, Any]) -> tuple[list[Page], list[tuple[str, PushReply]]]:
    try:
        pages = [Page.from_json(p) for p in body.get("pages") or []]
        pushes = [(str(p["batch_id"]), PushReply.from_json(p["reply"])) for p in body.get("push") or []]
    except (wire.WireError, KeyError, TypeError):
        raise SyncFileError("This reply is damaged or from a newer citydesk; nothing was changed.") from None
    if not pages:
        raise SyncFileError("This reply is damaged (it holds no pages); nothing was changed.")
    return pages, pushes


def _seq(cursor: str | None) -> int:
    return parse_cursor(cursor)[1] if cursor else 0


def _check_not_older(state: State, body: dict[str, Any], pages: list[Page], new_epoch: bool) -> None:
    """SyncFileError when applying the reply would take this PC back (an older epoch or cursor)."""
    older = SyncFileError(
        "This reply is older than what this PC already received (a newer reply or a sync came first); "
        "nothing was changed. Write a new file to send new changes."
    )
    if new_epoch:
        if state.server_epoch and str(body.get("epoch")) < state.server_epoch:
            raise older
        if not body.get("snapshot"):
            raise SyncFileError("This reply is damaged (a new server epoch without a full copy).")
        return
    if state.pull_cursor is None:
        return
    end = pages[0].start_cursor if body.get("snapshot") else pages[-1].next_cursor
    try:
        if _seq(end) < _seq(state.pull_cursor):
            raise older
    except wire.WireError:
        raise SyncFileError("This reply is damaged (a cursor cannot be read); nothing was changed.") from None


def _reset_epoch(db: Database, token: str, epoch: str) -> None:
    """The server was restored since this PC's last exchange: forget the cursor and the acknowledged
    sequence (the journal goes again with the next file), as the engine does on a new epoch."""
    with db.write() as session:
        lease.check(session, token, db.clock.now())
        session.execute(
            update(SyncState).where(SyncState.id == 1).values(
                server_epoch=epoch, pull_cursor=None, snapshot_cursor=None, snapshot_after=None, pushed_seq=0,
                push_batch_id=None, push_batch_last=None)
        )  # fmt: skip
        session.merge(LocalSetting(key=SENT_SETTING, value=[]))


def _clock_ahead(db: Database, token: str, clock: Any, run: Writer) -> str | None:
    """The server refused the file because this PC's clock runs ahead: record the offset and re-stamp
    the unpushed changes (same change ids), as the engine does over HTTP; they go with the next file.
    Returns the warning for the person; None when the reply says nothing of the clock."""
    if not isinstance(clock, dict):
        return None
    from citydesk.sync.engine_cycle import clock_warning
    from citydesk.sync.engine_push import offset_ms
    from citydesk.sync.restamp import restamp_unpushed

    try:
        offset = offset_ms(str(clock["server_time"]), db.clock.now())
        server_hlc = int(clock["server_hlc"])
    except (KeyError, TypeError, ValueError, CitydeskError):
        raise SyncFileError("This reply is damaged (the server's time cannot be read).") from None
    with db.write() as session:
        lease.check(session, token, db.clock.now())
        session.execute(update(SyncState).where(SyncState.id == 1).values(
            clock_offset_ms=offset, push_batch_id=None, push_batch_last=None))  # fmt: skip
        session.merge(LocalSetting(key=SENT_SETTING, value=[]))
    run(functools.partial(restamp_unpushed, db, server_hlc=server_hlc, lease_token=token))
    return (clock_warning(offset) or "") + (
        " This PC's changes were not applied at city hall: they were given corrected times and go with the "
        "next file. Write a new file and carry it again."
    )


def _acknowledge(db: Database, token: str, batch_id: str, reply: PushReply, run: Writer) -> Any:
    """Acknowledge one batch of a file this PC wrote, unless a later sync already did (None)."""
    from citydesk.sync.acknowledge import acknowledge

    with db.read() as session:
        sent = [s for s in local_value(session, SENT_SETTING, []) if isinstance(s, dict)]
        pushed = session.scalar(select(SyncState.pushed_seq).where(SyncState.id == 1)) or 0
        ranges = [b for s in sent for b in s.get("batches", []) if b.get("batch_id") == batch_id]
        if not ranges or reply.acked_seq <= pushed:
            return None
        first, last = int(ranges[0]["seq_first"]), int(ranges[0]["seq_last"])
        refs = []
        for model in (SentJournal, Outbox):
            table = model.__table__
            found = session.execute(select(table).where(table.c.seq >= first, table.c.seq <= last)).all()
            refs += [Ref(r.seq, r.change_id, r.op, r.table_name, r.row_id, r.field, r.hlc) for r in found]
        refs.sort(key=lambda r: r.seq or 0)
        batch = OutgoingBatch(tuple(build_changes(session, refs)), first, last)
    return run(
        functools.partial(acknowledge, db, batch=batch, batch_id=batch_id, reply=reply, lease_token=token)
    )


def _apply_pages(
    db: Database, token: str, state: State, body: dict[str, Any], pages: list[Page], run: Writer,
    progress: Progress | None, cancel: Cancel | None, on_page: PageDone | None, tickets: set[str],
) -> int:  # fmt: skip
    """Apply every page, each in its own transaction with the cursor (never moved back); returns how
    many changes from other PCs arrived."""
    from citydesk.sync.apply import apply_page

    snapshot = bool(body.get("snapshot"))
    phase = "snapshot" if snapshot else "pull"
    start = pages[0].start_cursor
    current = state.pull_cursor if not snapshot else None
    received = 0
    if progress is not None:
        progress(phase, 0, len(pages))
    for i, page in enumerate(pages):
        if i and cancel is not None and cancel():
            raise SyncCancelled(
                "Reading the reply was stopped; what was read so far is saved. Read it again."
            )
        if not run(lambda: lease.renew(db, token, LEASE_TTL)):  # a write: on the writer, like the page
            raise lease.LeaseLost()
        if snapshot:
            changes = list(page.changes)
            options: dict[str, Any] = dict(snapshot_cursor=start, snapshot_after=page.next_after,
                                           snapshot_done=i == len(pages) - 1)  # fmt: skip
        else:
            changes = [c for c in page.changes if c.device_id != state.device_id]
            moves = page.next_cursor is not None and _seq(page.next_cursor) > _seq(current)
            options = {"cursor": page.next_cursor if moves else None}
            current = page.next_cursor if moves else current
        result = run(functools.partial(apply_page, db, changes=changes, lease_token=token,
                                       received_hlc=page.server_hlc, **options))  # fmt: skip
        received += sum(1 for c in changes if c.device_id != state.device_id)
        tickets |= result.ticket_ids
        if on_page is not None:
            on_page(frozenset(result.ticket_ids))
        if progress is not None:
            progress(phase, i + 1, len(pages))
    return received


def _finish(db: Database, token: str, body: dict[str, Any]) -> None:
    """Remember the reply as read, and the exchange as this PC's last successful sync."""
    now = db.clock.now()
    with db.write() as session:
        lease.check(session, token, now)
        read = [r for r in local_value(session, READ_SETTING, []) if isinstance(r, dict)]
        entry = {"reply_id": body.get("reply_id"), "read_at": now.isoformat()}
        session.merge(LocalSetting(key=READ_SETTING, value=[*read, entry][-KEEP_READ:]))
        session.execute(update(SyncState).where(SyncState.id == 1).values(last_sync_at=now, last_error=None))


def file_sync_status(db: Database) -> FileSyncStatus:
    """Whether this PC can sync by file, what waits, and the last file written and reply read."""
    trust = load_trust(db)
    with db.read() as session:
        sent = [s for s in local_value(session, SENT_SETTING, []) if isinstance(s, dict)]
        read = [r for r in local_value(session, READ_SETTING, []) if isinstance(r, dict)]
        row = session.execute(
            select(
                SyncState.pull_cursor, SyncState.number_prefix, SyncState.is_demo, SyncState.server_url
            ).where(SyncState.id == 1)
        ).one_or_none()
    return FileSyncStatus(
        ready=trust is not None and row is not None and not row.is_demo, pending=pending_counts(db).outbox,
        last_written_at=_text(sent[-1].get("written_at")) if sent else None,
        last_read_at=_text(read[-1].get("read_at")) if read else None,
        first_exchange=row is None or row.pull_cursor is None,
        number_prefix=row.number_prefix if row is not None else None,
        connected=row is not None and not row.is_demo and bool(row.server_url),
    )  # fmt: skip


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
