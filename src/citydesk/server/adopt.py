"""Adopting a standalone office: one-time adoption codes vouched by a server admin, and the adoption
enrolment that takes the office in under its own ids.

An adoption code belongs to no office: the standalone database brings its office row, its device id and
its random tag. Every check is made before anything is written, and a refused adoption leaves the code
usable: an office code or office id the server already has, a device id it knows, a user name a server
user has (each named, with the command that renames it), a number prefix registered to another PC. The
adoption then writes, in one transaction: the office row (appended to the change log, so offices learn
of it and the office's PC authenticates), the device row with the office's next device number, the
issuing admin (`adopted_by`) and the last outbox sequence the office held (`adopt_through_seq`: its
changes up to there carry that admin's authority, see `adopt_authority`), the prefix registered with
source "adopt", the code spent, and the device row in the change log as `enrol` does. The same PC
sending the same code again before it ever pushed (its reply was lost) gets a new credential for the
device already made, instead of a refusal of its own office code.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from citydesk.domain import validation
from citydesk.domain.errors import ValidationError
from citydesk.domain.numbers import make_prefix
from citydesk.domain.roles import Role
from citydesk.server.changes import Ledger
from citydesk.server.enrol import DEVICE_FIELDS, MAX_DEVICES, digest, new_code, normalize_code
from citydesk.server.errors import ApiError
from citydesk.server.models import Device, EnrolCode, RowState, ServerMeta
from citydesk.server.prefixes import prefix_owner, register_prefix
from citydesk.server.state import from_record
from citydesk.sync.messages import AdoptionOffer, Enrolment

TAG = re.compile(r"[A-Z0-9]{1,3}")
RENAME_HINT = "citydesk user rename OLD NEW --database FILE"


def vouching_admin(session: Session, username: str) -> str:
    """The id of the active admin user `username` on the server; ValidationError otherwise."""
    wanted = (username or "").strip().lower()
    if not wanted:
        raise ValidationError(
            "by", "Give the user name of the server admin who vouches for the office (--by)."
        )
    stmt = select(RowState).where(RowState.table_name == "app_user")
    for record in session.scalars(stmt):
        row = from_record(record)
        if str(row.data.get("username", "")).lower() != wanted:
            continue
        if row.data.get("role") != Role.ADMIN.value:
            raise ValidationError(
                "by", f"{wanted!r} is not an admin on the server; only an admin may vouch for an office."
            )
        if row.data.get("active") is False:
            raise ValidationError("by", f"The admin {wanted!r} is disabled on the server.")
        return row.row_id
    raise ValidationError("by", f"There is no user {wanted!r} on the server.")


def create_adoption_code(session: Session, *, issued_by: str, now: datetime, hours: float) -> str:
    """Store a one-time adoption code vouched by the admin `issued_by`, valid for `hours`; returns it."""
    code = new_code()
    session.add(
        EnrolCode(
            code_hash=digest(code),
            office_id=None,
            adopt=True,
            issued_by=issued_by,
            created_at=now,
            expires_at=now + timedelta(hours=hours),
        )
    )
    return code


def adopt(
    session: Session, meta: ServerMeta, *, code: str, device_name: str, offer: AdoptionOffer, now: datetime
) -> Enrolment:
    """Adopt a standalone office with a one-time adoption code (see the module docstring).

    401 bad_code (wrong, used or expired), 409 not_adoption_code for an ordinary code, 403
    issuer_inactive when the vouching admin is no longer an active admin, 409 with every collision
    (office code or id, device id, user names, prefix), 422 for a malformed offer; nothing is written
    then and the code stays usable.
    """
    try:
        name = validation.text("device_name", device_name, required=True, max_len=120, label="PC name")
        office_code = validation.office_code(offer.office_code)
        office_name = validation.text("office_name", offer.office_name, required=True, max_len=120)
    except ValidationError as exc:
        raise ApiError(422, "bad_request", str(exc)) from None
    if office_code != offer.office_code:
        raise ApiError(422, "bad_request", f"The office code {offer.office_code!r} must be capital letters.")
    if not TAG.fullmatch(offer.tag):
        raise ApiError(422, "bad_request", f"The tag {offer.tag!r} must be 1 to 3 capital letters or digits.")
    record = session.get(EnrolCode, digest(normalize_code(code))) if isinstance(code, str) else None
    resent = _resent(session, record, offer, now)
    if resent is not None:
        return _enrolment(meta, resent, office_code, _new_credential(resent))
    if record is None or record.used_at is not None or record.expires_at <= now:
        why = "expired" if record is not None and record.used_at is None else "wrong or already used"
        raise ApiError(401, "bad_code", f"The adoption code is {why}. Ask the administrator for a new one.")
    if not record.adopt or record.issued_by is None:
        raise ApiError(
            409, "not_adoption_code",
            "This code enrols a new PC of an office the server knows; run `citydesk connect` without "
            "--adopt to make a new database with it.",
        )  # fmt: skip
    issuer = _issuer(session, record.issued_by)
    _check_collisions(session, offer, office_code)
    number = (
        session.scalar(select(func.max(Device.number)).where(Device.office_id == offer.office_id)) or 0
    ) + 1
    if number > MAX_DEVICES:
        raise ApiError(409, "office_full", f"An office has at most {MAX_DEVICES} PCs.")
    credential = secrets.token_urlsafe(32)
    session.add(
        device := Device(
            id=offer.device_id, office_id=offer.office_id, number=number, tag=offer.tag, name=name,
            credential_hash=digest(credential), revoked=False, created_at=now, adopted_by=issuer,
            adopt_through_seq=offer.through_seq,
        )
    )  # fmt: skip
    record.used_at, record.device_id = now, offer.device_id
    register_prefix(session, office_code=office_code, tag=offer.tag, office_id=offer.office_id,
                    device_id=offer.device_id, source="adopt", now=now)  # fmt: skip
    ledger = Ledger(session, meta, now, pushed_by=None)
    ledger.append_admin(
        "office",
        offer.office_id,
        {"id": offer.office_id, "code": office_code, "name": office_name, "active": True},
        ("code", "name", "active"),
    )
    ledger.append_admin(
        "device",
        offer.device_id,
        {"id": offer.device_id, "office_id": offer.office_id, "created_at": now.isoformat(), "name": name,
         "number": number, "tag": offer.tag, "revoked": False},
        DEVICE_FIELDS,
    )  # fmt: skip
    ledger.flush()
    return _enrolment(meta, device, office_code, credential)


def _enrolment(meta: ServerMeta, device: Device, office_code: str, credential: str) -> Enrolment:
    return Enrolment(
        device_id=device.id,
        office_id=device.office_id,
        office_code=office_code,
        device_number=device.number,
        credential=credential,
        epoch=meta.epoch,
        server_hlc=meta.hlc,
    )


def _resent(session: Session, record: EnrolCode | None, offer: AdoptionOffer, now: datetime) -> Device | None:
    """The device an adoption already made with this code for this same office PC, when its reply was
    lost (the PC never pushed: nothing was written on its side), while the code is unexpired; else None.
    The PC then gets a new credential instead of a refusal for its own office code."""
    if record is None or not record.adopt or record.used_at is None or record.expires_at <= now:
        return None
    if record.device_id != offer.device_id:
        return None
    device = session.get(Device, offer.device_id)
    if device is None or device.office_id != offer.office_id or device.revoked or device.last_seen_at:
        return None
    return device


def _new_credential(device: Device) -> str:
    """Replace the device's credential (the old one was never received); returns the new one."""
    credential = secrets.token_urlsafe(32)
    device.credential_hash = digest(credential)
    return credential


def _issuer(session: Session, user_id: str) -> str:
    """The vouching admin's id while still an active admin; 403 issuer_inactive otherwise."""
    record = session.get(RowState, ("app_user", user_id))
    data = from_record(record).data if record is not None else {}
    if data.get("role") != Role.ADMIN.value or data.get("active") is False:
        raise ApiError(
            403, "issuer_inactive",
            "The admin who issued this adoption code is no longer an active admin on the server; "
            "ask an admin for a new code.",
        )  # fmt: skip
    return user_id


def _check_collisions(session: Session, offer: AdoptionOffer, office_code: str) -> None:
    """409 naming every collision of the offer with what the server has (nothing written)."""
    problems: list[str] = []
    codes: list[str] = []
    offices = [
        from_record(r) for r in session.scalars(select(RowState).where(RowState.table_name == "office"))
    ]
    if any(str(o.data.get("code", "")).upper() == office_code for o in offices):
        codes.append("office_code_taken")
        problems.append(
            f"The server already has an office {office_code}. Two offices cannot share a code: ask the "
            "city's administrator which office this is (it may have been adopted already)."
        )
    if any(o.row_id == offer.office_id for o in offices):
        codes.append("office_exists")
        problems.append(f"The server already has this office (id {offer.office_id}); it was adopted before.")
    if session.get(Device, offer.device_id) is not None:
        codes.append("device_exists")
        problems.append(f"The server already knows this PC (id {offer.device_id}); it was adopted before.")
    taken = _taken_usernames(session, offer.usernames)
    if taken:
        codes.append("username_taken")
        renames = "; ".join(f"`{RENAME_HINT.replace('OLD', n).replace('NEW', n + '2')}`" for n in taken)
        problems.append(
            f"User name{'s' if len(taken) > 1 else ''} {', '.join(repr(n) for n in taken)} "
            f"already belong{'' if len(taken) > 1 else 's'} to {'users' if len(taken) > 1 else 'a user'} "
            f"on the server. Rename {'them' if len(taken) > 1 else 'it'} in this office's database first, "
            f"for example {renames} (any free name will do), then adopt again with the same code."
        )
    prefix = make_prefix(office_code, offer.tag)
    owner = prefix_owner(session, prefix)
    if owner is not None and owner != offer.device_id:
        codes.append("prefix_taken")
        problems.append(f"Ticket numbers starting {prefix}- already belong to another PC on the server.")
    if problems:
        raise ApiError(409, codes[0], " ".join(problems), problems=codes, usernames=taken)


def _taken_usernames(session: Session, usernames: tuple[str, ...]) -> list[str]:
    """The offered user names (lower case, sorted) that a server user already has."""
    offered = {u.strip().lower() for u in usernames}
    if not offered:
        return []
    server = {
        str(from_record(r).data.get("username", "")).lower()
        for r in session.scalars(select(RowState).where(RowState.table_name == "app_user"))
    }
    return sorted(offered & server)
