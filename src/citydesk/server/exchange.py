"""Sync by file at the server: `exchange` reads an office's signed file and writes the signed reply.

    verify (the device's registered key, this city, this server's key, the device not revoked) →
    push: every batch through `changes.accept_batch` in ONE write transaction (the same dedup as HTTP:
    a file applied twice, or a file and an HTTP push carrying the same changes, change nothing twice; a
    sequence range already seen is a duplicate, not a gap) → the changes after the file's cursor (pull
    pages), or a whole snapshot on the first exchange or after a server restore → the reply, signed.

Nothing is written when the file is refused. The reply names the request it answers, the device, the
city, the epoch and the server key's fingerprint; the office checks all of them (`sync.by_file`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from citydesk.domain.clock import Clock, to_ms
from citydesk.domain.ids import uuid7
from citydesk.server import snapshot as reading
from citydesk.server.changes import accept_batch, check_clock
from citydesk.server.db import ServerDatabase, open_server_database, read_meta
from citydesk.server.errors import ApiError
from citydesk.server.models import Device, DeviceFileKey, ServerMeta
from citydesk.server.signing import ServerKey, server_key
from citydesk.server.state import RowCache
from citydesk.sync import signing
from citydesk.sync.messages import Page, PushReply, PushRequest, parse_cursor
from citydesk.sync.signing import SyncFileError
from citydesk.sync.wire import MAX_BATCH, MAX_PAGE, WireError, check_change

MAX_BATCHES = 500  # batches of MAX_BATCH changes per file


@dataclass(frozen=True, slots=True)
class Exchanged:
    """What one exchange did: the device, its changes accepted and refused, the changes sent back,
    whether the reply is a whole snapshot, the reply file, and whether nothing was applied because the
    PC's clock runs ahead (the reply tells it to re-stamp its changes for its next file)."""

    device_id: str
    device_name: str
    accepted: int
    rejected: int
    sent: int
    snapshot: bool
    reply: Path
    clock_ahead: bool = False


def exchange(
    url: str, source: Path, target: Path, *, key_path: str | Path | None = None, clock: Clock | None = None
) -> Exchanged:
    """Apply the office's sync file `source` and write the reply to `target` (see the module docstring).
    SyncFileError (nothing written) for a file that is not a sync file, altered, foreign, from an
    unknown or revoked PC, or refused by the push checks."""
    source, target = Path(source), Path(target)
    if target.exists() and target.resolve() == source.resolve():
        raise SyncFileError("The reply must go to another file than the office's file.")
    envelope = signing.open_envelope(signing.read_file(source), expect="request")
    key = server_key(url, key_path, create=False)  # a new key here would orphan every field office
    db = open_server_database(url, clock=clock, migrate=False)
    try:
        now = db.clock.now()
        with db.write() as session:
            meta = read_meta(session)
            device, body = _verify(session, meta, key, envelope)
            replies, same_epoch, clock_ahead = _push(session, meta, device, body, now)
            device.last_seen_at = device.last_sync_at = now
            device_name = device.name
        reply_body = _reply(db, now, key, body, replies, same_epoch)
        reply_body["clock_ahead"] = clock_ahead
    finally:
        db.close()
    signing.write_file(target, signing.seal("reply", signing.SERVER_SIGNER, reply_body, key.private_key))
    return Exchanged(
        device_id=envelope.signer, device_name=device_name,
        accepted=sum(len(r.accepted) for r in replies), rejected=sum(len(r.rejected) for r in replies),
        sent=sum(len(p["changes"]) for p in reply_body["pages"]), snapshot=bool(reply_body["snapshot"]),
        reply=target, clock_ahead=clock_ahead is not None,
    )  # fmt: skip


def _verify(
    session: Session, meta: ServerMeta, key: ServerKey, envelope: signing.Envelope
) -> tuple[Device, dict[str, Any]]:
    """The device and the verified payload; SyncFileError for a foreign, unknown, altered or revoked one."""
    claimed = envelope.claimed()
    _same_city(meta, key, claimed, before_signature=True)
    device = session.get(Device, envelope.signer)
    file_key = session.get(DeviceFileKey, envelope.signer)
    if device is None or file_key is None:
        raise SyncFileError(
            "This file comes from a PC this server does not know for sync by file (another city's PC, or one "
            "never enrolled with `citydesk-server device enrol-file`). Nothing was applied."
        )
    body = signing.verify(envelope, file_key.public_key)
    _same_city(meta, key, body, before_signature=False)
    if body.get("device_id") != device.id:
        raise SyncFileError("This file is damaged: it names another PC than the one that signed it.")
    if device.revoked:
        raise SyncFileError(
            f"The PC {device.name!r} was removed from the server by an administrator; its file was not "
            "applied. Its changes stay on that PC."
        )
    office = RowCache(session).get("office", device.office_id)
    if office is None or office.data.get("active") is False:
        raise SyncFileError(f"The office of the PC {device.name!r} is not active on the server.")
    return device, body


def _same_city(meta: ServerMeta, key: ServerKey, body: dict[str, Any], *, before_signature: bool) -> None:
    city, fingerprint = body.get("city"), body.get("server_key")
    if city is not None and city != meta.city:
        raise SyncFileError(
            f"This file was written for another city's server ({city}), not {meta.city}'s. "
            "Nothing was applied."
        )
    if fingerprint is not None and fingerprint != key.fingerprint:
        raise SyncFileError(
            f"This file was written for a server with another signing key ({fingerprint}) than this one "
            f"({key.fingerprint}): the key was replaced, or this is another server. Nothing was applied."
        )
    if not before_signature and (city is None or fingerprint is None):
        raise SyncFileError("This file is damaged: it does not say which city it is for.")


def _push(
    session: Session, meta: ServerMeta, device: Device, body: dict[str, Any], now: datetime
) -> tuple[list[PushReply], bool, dict[str, Any] | None]:
    """Accept every batch in this one transaction. None when the file was written before a server
    restore (the office gets a snapshot and sends its changes again with its next file), or when the
    PC's clock ran ahead (the reply carries the server's time and clock: the office re-stamps its
    changes, as over HTTP, and sends them with its next file)."""
    raw = body.get("batches")
    if not isinstance(raw, list) or len(raw) > MAX_BATCHES:
        raise SyncFileError("This file is damaged: its list of changes cannot be read.")
    try:
        requests = [PushRequest.from_json(b) for b in raw]
        for r, request in enumerate(requests):
            if len(request.changes) + len(request.relayed) > MAX_BATCH:
                raise WireError(f"batches[{r}]", "too many changes")
            for i, change in enumerate((*request.changes, *request.relayed)):
                check_change(change, f"batches[{r}].changes[{i}]")
    except WireError as exc:
        raise SyncFileError(
            f"This file is damaged or from a newer citydesk ({exc}). Nothing was applied."
        ) from None
    if body.get("epoch") != meta.epoch:
        return [], False, None
    replies = []
    try:
        for request in requests:
            check_clock(request, meta, now)
    except ApiError as exc:
        return [], True, {"server_time": exc.extra["server_time"], "server_hlc": exc.extra["server_hlc"]}
    try:
        for request in requests:
            replies.append(accept_batch(session, device=device, meta=meta, request=request, now=now))
            session.flush()  # the device's acknowledged sequence, seen by the next batch
    except ApiError as exc:
        raise SyncFileError(f"The server refused this file: {exc.message} Nothing was applied.") from None
    return replies, True, None


def _reply(
    db: ServerDatabase, now: datetime, key: ServerKey, body: dict[str, Any], replies: list[PushReply],
    same_epoch: bool,
) -> dict[str, Any]:  # fmt: skip
    """The reply's payload: push replies by batch id, then the pull pages or the snapshot."""
    with db.read() as session:
        meta = read_meta(session)
        cursor = body.get("cursor") if same_epoch else None
        if not isinstance(cursor, str) or not _of_epoch(cursor, meta.epoch):
            cursor = None
        pages = _snapshot(session, meta, now) if cursor is None else _pull(session, meta, now, cursor)
        city, epoch, server_hlc = meta.city, meta.epoch, reading.server_hlc(meta, now)
    raw = body.get("batches") or []
    return {
        "reply_id": uuid7(to_ms(now)),
        "request_id": body.get("file_id"),
        "device_id": body.get("device_id"),
        "city": city,
        "server_key": key.fingerprint,
        "epoch": epoch,
        "written_at": now.isoformat(),
        "server_hlc": server_hlc,
        "push": [
            {"batch_id": b.get("batch_id"), "reply": r.to_json()} for b, r in zip(raw, replies, strict=False)
        ],
        "snapshot": cursor is None,
        "cursor": cursor,
        "pages": [p.to_json() for p in pages],
    }


def _of_epoch(cursor: str, epoch: str) -> bool:
    try:
        return parse_cursor(cursor)[0] == epoch
    except WireError:
        return False


def _pull(session: Session, meta: ServerMeta, now: datetime, cursor: str) -> list[Page]:
    pages: list[Page] = []
    while True:
        page = reading.pull(session, meta, now, cursor=cursor, limit=MAX_PAGE)
        pages.append(page)
        if not page.has_more or page.next_cursor is None:
            return pages
        cursor = page.next_cursor


def _snapshot(session: Session, meta: ServerMeta, now: datetime) -> list[Page]:
    pages: list[Page] = []
    start: str | None = None
    after: str | None = None
    while True:
        page = reading.snapshot(session, meta, now, cursor=start, after=after, limit=MAX_PAGE)
        start = start or page.start_cursor
        pages.append(page)
        if not page.has_more:
            return pages
        after = page.next_after
