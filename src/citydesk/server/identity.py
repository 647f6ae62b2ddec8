"""Copied and restored office databases: detecting a reused device identity, and giving a new one.

A device's sequence numbers name its changes one to one: every pushed change's (device, seq) pair is
kept in `device_sequence`. A pair arriving again with another change id means two databases share one
identity — a database copied by hand, or an office restored from its own older backup — and the push is
refused with 409 `identity_reused` before anything of it is written. So is a hello whose `device_seq`
is below what the server already acknowledged for that device in this epoch (a restored backup with
nothing new must not pull and skip its own lost changes).

`reidentify` (POST /v1/sync/reidentify, authenticated by the old credential) makes the new identity: a
new device (new id, the office's next number, a new credential), the old device's `replaced_by`, the
number prefix registered with source "reidentify", and the device row appended to the change log. The
old credential stays valid (the other copy keeps using it).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from citydesk.domain.clock import to_ms
from citydesk.domain.ids import uuid7
from citydesk.server.changes import Ledger
from citydesk.server.enrol import DEVICE_FIELDS, MAX_DEVICES, digest
from citydesk.server.errors import ApiError
from citydesk.server.models import Device, DeviceEpoch, DeviceSequence, ServerMeta, core_table
from citydesk.server.prefixes import prefix_owner, register_prefix
from citydesk.server.state import RowCache
from citydesk.sync.messages import Enrolment
from citydesk.sync.wire import Change

REUSED_MESSAGE = (
    "This database is a copy or a restored backup of another office database: the server already has "
    "other changes under this PC's identity. It is given a new identity (its changes keep their ids and "
    "its ticket numbers do not change) and sync goes on."
)
TAG_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def reused(**extra: Any) -> ApiError:
    """The 409 `identity_reused` error."""
    return ApiError(409, "identity_reused", REUSED_MESSAGE, **extra)


def check_device_seq(session: Session, device: Device, meta: ServerMeta, device_seq: int | None) -> None:
    """409 identity_reused when the client's device sequence is below what the server acknowledged for
    this device in this epoch (its database is older than what the server has from it)."""
    if device_seq is None:
        return
    state = session.get(DeviceEpoch, (device.id, meta.epoch))
    if state is not None and device_seq < state.acked_seq:
        raise reused(device_seq=device_seq, acked_seq=state.acked_seq)


def new_pairs(session: Session, device: Device, changes: Sequence[Change]) -> list[dict[str, Any]]:
    """The (device, seq, change id) rows of `changes` the server has not recorded yet; 409
    identity_reused when one of their sequence numbers already carried another change (nothing is
    written). Reads one range of `device_sequence`."""
    pairs: dict[int, str] = {}
    for change in changes:
        if change.seq is None:
            continue
        known = pairs.setdefault(change.seq, change.change_id)
        if known != change.change_id:
            raise reused(seq=change.seq)
    if not pairs:
        return []
    stmt = select(DeviceSequence.seq, DeviceSequence.change_id).where(
        DeviceSequence.device_id == device.id,
        DeviceSequence.seq >= min(pairs),
        DeviceSequence.seq <= max(pairs),
    )
    stored: dict[int, str] = {seq: change_id for seq, change_id in session.execute(stmt)}
    for seq, change_id in stored.items():
        wanted = pairs.get(seq)
        if wanted is not None and wanted != change_id:
            raise reused(seq=seq)
    return [{"device_id": device.id, "seq": s, "change_id": c} for s, c in pairs.items() if s not in stored]


def record_pairs(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert the new (device, seq, change id) rows in bulk."""
    if rows:
        session.execute(insert(core_table("device_sequence")), rows)


@dataclass(frozen=True, slots=True)
class ReidentifyRequest:
    """The reidentify body: the sequence numbers the client keeps as acknowledged under the new identity
    (its renumbered journal), an optional tag it already numbers tickets with (a restored backup), and
    the PC's name."""

    acked_seq: int
    tag: str | None
    device_name: str | None

    @classmethod
    def from_json(cls, raw: Any) -> ReidentifyRequest:
        """Parse the body (422 when malformed)."""
        if raw is None:
            raw = {}
        if not isinstance(raw, Mapping):
            raise ApiError(422, "bad_request", "The body must be an object.")
        acked = raw.get("acked_seq", 0)
        if isinstance(acked, bool) or not isinstance(acked, int) or not 0 <= acked < 2**62:
            raise ApiError(422, "bad_request", "acked_seq must be a whole number from 0.")
        tag = raw.get("tag")
        if tag is not None and (
            not isinstance(tag, str) or not 1 <= len(tag) <= 3 or not set(tag) <= TAG_CHARS
        ):
            raise ApiError(422, "bad_request", "tag must be 1 to 3 capital letters or digits.")
        name = raw.get("device_name")
        if name is not None and (not isinstance(name, str) or len(name) > 120):
            raise ApiError(422, "bad_request", "device_name must be text of at most 120 characters.")
        return cls(acked, tag, " ".join(name.split()) if isinstance(name, str) else None)


def reidentify(
    session: Session, meta: ServerMeta, *, device: Device, request: ReidentifyRequest, now: datetime
) -> Enrolment:
    """Give the database behind `device`'s credential a new identity (see the module docstring)."""
    office = RowCache(session).get("office", device.office_id)
    if office is None or office.data.get("active") is False:
        raise ApiError(403, "office_inactive", "This PC's office is not active on the server.")
    office_code = str(office.data.get("code"))
    number = (
        session.scalar(select(func.max(Device.number)).where(Device.office_id == device.office_id)) or 0
    ) + 1
    if number > MAX_DEVICES:
        raise ApiError(
            409, "office_full", f"An office has at most {MAX_DEVICES} PCs; a new identity cannot be numbered."
        )
    tag = str(number)
    if request.tag is not None and prefix_owner(session, f"{office_code}-{request.tag}") is None:
        tag = request.tag  # the tag the restored database already numbers new tickets with
    credential = secrets.token_urlsafe(32)
    new_id = uuid7(to_ms(now))
    name = request.device_name or device.name
    session.add(
        Device(id=new_id, office_id=device.office_id, number=number, tag=tag, name=name,
               credential_hash=digest(credential), revoked=False, created_at=now)
    )  # fmt: skip
    device.replaced_by = new_id
    register_prefix(session, office_code=office_code, tag=tag, office_id=device.office_id, device_id=new_id,
                    source="reidentify", now=now)  # fmt: skip
    ledger = Ledger(session, meta, now, pushed_by=None)
    ledger.append_admin(
        "device",
        new_id,
        {"id": new_id, "office_id": device.office_id, "created_at": now.isoformat(), "name": name,
         "number": number, "tag": tag, "revoked": False},
        DEVICE_FIELDS,
    )  # fmt: skip
    ledger.flush()
    session.add(DeviceEpoch(device_id=new_id, epoch=meta.epoch, acked_seq=request.acked_seq))
    return Enrolment(
        device_id=new_id,
        office_id=device.office_id,
        office_code=office_code,
        device_number=number,
        credential=credential,
        epoch=meta.epoch,
        server_hlc=meta.hlc,
        tag=tag,
    )
