"""Devices: one-time enrolment codes, enrolment, and the credential check of every sync request.

Only SHA-256 hashes of codes and credentials are stored; a credential is returned once, at enrolment.
Enrolment registers the device's number (unique in its office; its ticket prefix is "<OFFICE>-<n>")
and appends its `device` row to the change log, so every office learns of it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from citydesk.domain import validation
from citydesk.domain.clock import to_ms
from citydesk.domain.errors import ValidationError
from citydesk.domain.ids import uuid7
from citydesk.server.changes import Ledger
from citydesk.server.errors import ApiError
from citydesk.server.models import Device, EnrolCode, ServerMeta
from citydesk.server.prefixes import register_prefix
from citydesk.server.state import RowCache
from citydesk.sync.messages import AdoptionOffer, Enrolment
from citydesk.sync.wire import WireError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
CODE_GROUPS, CODE_GROUP_LEN = 4, 4
DEVICE_FIELDS = ("name", "number", "tag", "revoked")
MAX_DEVICES = 999  # a device's number is its tag (3 characters) in ticket numbers such as CLK-12-000042


def digest(secret: str) -> str:
    """The SHA-256 (hex) a code or credential is stored as."""
    return hashlib.sha256(secret.encode()).hexdigest()


def normalize_code(code: str) -> str:
    """An enrolment code as typed, in its canonical form (upper case, dashes kept between groups)."""
    bare = "".join(ch for ch in code.upper() if ch.isalnum())
    return "-".join(bare[i : i + CODE_GROUP_LEN] for i in range(0, len(bare), CODE_GROUP_LEN))


def new_code() -> str:
    """A new random code such as "K7QX-M2PD-9TRA-HW4E" (80 bits)."""
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LEN)) for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def create_code(session: Session, *, office_id: str, now: datetime, hours: float) -> str:
    """Store a new one-time code for `office_id`, valid for `hours`; returns the code."""
    code = new_code()
    session.add(
        EnrolCode(
            code_hash=digest(code),
            office_id=office_id,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    return code


def enrol(
    session: Session, meta: ServerMeta, *, code: str, device_name: str, now: datetime, adopt: Any = None
) -> Enrolment:
    """Enrol a PC with a one-time code (401 bad_code when wrong, used or expired). With `adopt` (the
    body's `adopt` object, `messages.AdoptionOffer`) the code adopts a standalone office instead
    (`server/adopt.py`)."""
    if adopt is not None:
        from citydesk.server.adopt import adopt as adopt_office

        try:
            offer = AdoptionOffer.from_json(adopt)
        except WireError as exc:
            raise ApiError(422, "bad_request", str(exc), where=exc.where) from None
        return adopt_office(session, meta, code=code, device_name=device_name, offer=offer, now=now)
    try:
        name = validation.text("device_name", device_name, required=True, max_len=120, label="PC name")
    except ValidationError as exc:
        raise ApiError(422, "bad_request", str(exc)) from None
    record = session.get(EnrolCode, digest(normalize_code(code))) if isinstance(code, str) else None
    if record is None or record.used_at is not None or record.expires_at <= now:
        why = "expired" if record is not None and record.used_at is None else "wrong or already used"
        raise ApiError(401, "bad_code", f"The enrolment code is {why}. Ask the administrator for a new one.")
    if record.adopt or record.office_id is None:
        raise ApiError(
            409, "adoption_code",
            "This code adopts an office that ran on its own: use it from that office's database "
            "(`citydesk connect URL --code CODE --adopt`).",
        )  # fmt: skip
    office_id: str = record.office_id
    office = RowCache(session).get("office", office_id)
    if office is None or office.data.get("active") is False:
        raise ApiError(403, "office_inactive", "The code's office is not active on the server.")
    number = (
        session.scalar(select(func.max(Device.number)).where(Device.office_id == office_id)) or 0
    ) + 1
    if number > MAX_DEVICES:
        raise ApiError(
            409, "office_full", f"An office has at most {MAX_DEVICES} PCs; the next PC cannot be numbered."
        )
    credential = secrets.token_urlsafe(32)
    device_id = uuid7(to_ms(now))
    tag = str(number)
    session.add(
        Device(
            id=device_id,
            office_id=office_id,
            number=number,
            tag=tag,
            name=name,
            credential_hash=digest(credential),
            revoked=False,
            created_at=now,
        )
    )
    record.used_at, record.device_id = now, device_id
    register_prefix(session, office_code=str(office.data.get("code")), tag=tag, office_id=office_id,
                    device_id=device_id, source="enrol", now=now)  # fmt: skip
    ledger = Ledger(session, meta, now, pushed_by=None)
    ledger.append_admin(
        "device",
        device_id,
        {
            "id": device_id,
            "office_id": office_id,
            "created_at": now.isoformat(),
            "name": name,
            "number": number,
            "tag": tag,
            "revoked": False,
        },
        DEVICE_FIELDS,
    )
    ledger.flush()
    return Enrolment(
        device_id=device_id,
        office_id=office_id,
        office_code=str(office.data.get("code")),
        device_number=number,
        credential=credential,
        epoch=meta.epoch,
        server_hlc=meta.hlc,
    )


def authenticate(session: Session, authorization: str | None) -> Device:
    """The device a `Bearer <credential>` header names: 401 when missing, wrong or revoked; 403 when
    its office is inactive (the device may not sync)."""
    scheme, _, credential = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not credential.strip():
        raise ApiError(401, "unauthorized", "This PC is not enrolled with the server (no credential sent).")
    device = session.scalar(select(Device).where(Device.credential_hash == digest(credential.strip())))
    if device is None:
        raise ApiError(401, "unauthorized", "The server does not know this PC's credential; enrol it again.")
    if device.revoked:
        raise ApiError(401, "revoked", "This PC was removed from the server by an administrator.")
    office = RowCache(session).get("office", device.office_id)
    if office is None or office.data.get("active") is False:
        raise ApiError(403, "office_inactive", "This PC's office is not active on the server.")
    return device
